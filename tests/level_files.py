"""Level and pack files written by tests, small and valid unless a test breaks them."""

from __future__ import annotations

from pathlib import Path


def level_yaml(level_id: str, title: str = "") -> str:
    """A tiny valid level: two steps east to the flag."""
    shown = title or f"{{fr: 'Niveau {level_id}', ar: 'مرحلة {level_id}'}}"
    return (
        f"format: 1\nid: {level_id}\ntitle: {shown}\n"
        "map: |\n  #####\n  #>.F#\n  #####\ngoals: [reach_goal]\nblocks: [forward]\n"
    )


def write_pack(root: Path, folder: str, pack_id: str, levels: dict[str, str]) -> Path:
    """A pack folder under `root` with the given level files, listed in this order."""
    where = root / folder
    where.mkdir(parents=True)
    names = ", ".join(levels)
    (where / "pack.yaml").write_text(
        f"format: 1\nid: {pack_id}\ntitle: {{fr: 'Pack {pack_id}', en: 'Pack {pack_id}'}}\n"
        f"levels: [{names}]\n",
        encoding="utf-8",
    )
    for name, text in levels.items():
        (where / name).write_text(text, encoding="utf-8")
    return where
