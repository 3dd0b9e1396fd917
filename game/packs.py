"""Packs: a folder with a `pack.yaml` naming its levels in play order (levels.md, Packs)."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from blocks.problems import InvalidInput, Problem, Problems, problem
from blocks.yaml_nodes import YNode, load, read_text
from game.level_fields import PACK_FIELDS
from game.levels import Text, text_of

PACK_FILE = "pack.yaml"


@dataclass
class Pack:
    """A pack as listed in its `pack.yaml`; `levels` are paths, in play order."""

    folder: Path
    id: str = ""
    title: Text = field(default_factory=dict)
    levels: list[Path] = field(default_factory=list)
    level_marks: list[tuple[int, int]] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not any(p.severity == "error" for p in self.problems)


def read_pack(folder: Path) -> Pack:
    """Read `folder/pack.yaml`; problems are kept on the pack, never raised."""
    pack = Pack(folder)
    try:
        root = load(read_text(folder / PACK_FILE))
    except InvalidInput as err:
        pack.problems.extend(err.problems)
        return pack
    if root is None or not isinstance(root.value, dict):
        pack.problems.append(problem(1, 1, "pack.not_mapping"))
        return pack
    found = Problems()
    _fill(pack, root, found)
    pack.problems.extend(found.items)
    return pack


def _fill(pack: Pack, root: YNode, found: Problems) -> None:
    values = root.as_map()
    known = {spec.name for spec in PACK_FIELDS}
    for key, key_node in root.keys.items():
        if key not in known:
            found.add(key_node.line, key_node.column, "level.unknown_key", key=key, close="")
    for spec in PACK_FIELDS:
        node = values.get(spec.name)
        if node is None:
            found.add(root.line, root.column, "level.missing_key", key=spec.name)
        elif spec.kind.check(spec.name, node, found):
            _apply(pack, spec.name, node, found)


def _apply(pack: Pack, key: str, node: YNode, found: Problems) -> None:
    if key == "id":
        pack.id = str(node.value)
    elif key == "title":
        pack.title = text_of(node)
    elif key == "levels":
        for item in node.as_list():
            name = str(item.value)
            parts = PurePosixPath(name).parts
            if PurePosixPath(name).is_absolute() or ".." in parts or "\\" in name:
                found.add(item.line, item.column, "pack.bad_level_path", name=name)
                continue
            pack.levels.append(pack.folder / name)
            pack.level_marks.append((item.line, item.column))


def find_packs(root: Path) -> list[Path]:
    """Every folder under `root` (itself included) holding a pack.yaml, sorted."""
    found = [root] if (root / PACK_FILE).is_file() else []
    if root.is_dir():
        found += sorted(p.parent for p in root.rglob(PACK_FILE) if p.parent != root)
    return found
