"""The level map's catalogue: packs from two folders, broken files, caching and unlocking."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

import game.catalog
from blocks.problems import problem
from game.catalog import Catalog, LevelEntry, PackEntry, default_roots, next_level, unlocked
from game.levels import read_level
from game.progress import LevelResult
from tests.level_files import level_yaml, write_pack


@pytest.fixture
def roots(tmp_path: Path) -> list[Path]:
    game_levels, user_levels = tmp_path / "game", tmp_path / "user"
    write_pack(game_levels, "b-loops", "loops", {"l1.yaml": level_yaml("loops-01")})
    write_pack(
        game_levels,
        "a-basics",
        "basics",
        {"one.yaml": level_yaml("one"), "two.yaml": level_yaml("two"), "3.yaml": level_yaml("l3")},
    )
    write_pack(game_levels, "ai", "ai", {"maze.yaml": level_yaml("maze")})
    write_pack(user_levels, "c-trainer", "trainer", {"t.yaml": level_yaml("t", "'Défi'")})
    return [game_levels, user_levels]


def test_packs_from_both_folders_sorted_by_folder_name(roots: list[Path]) -> None:
    packs = Catalog(roots).packs()
    assert [p.id for p in packs] == ["basics", "ai", "loops", "trainer"]
    basics = packs[0]
    assert [level.id for level in basics.levels] == ["one", "two", "l3"]
    assert basics.levels[1].title == {"fr": "Niveau two", "ar": "مرحلة two"}
    assert packs[3].levels[0].title == {"*": "Défi"}
    assert all(p.ok and all(level.ok for level in p.levels) for p in packs)


def test_the_ai_pack_opens_the_ai_lab(roots: list[Path]) -> None:
    scenes = {p.id: p.scene for p in Catalog(roots).packs()}
    assert scenes == {"basics": "play", "ai": "ai_lab", "loops": "play", "trainer": "play"}


def test_a_broken_level_is_listed_with_its_problems(roots: list[Path]) -> None:
    (roots[0] / "a-basics" / "two.yaml").write_text("format: 1\nid: two\nmap: [\n")
    (roots[0] / "a-basics" / "3.yaml").unlink()
    basics = Catalog(roots).packs()[0]
    one, two, three = basics.levels
    assert one.ok
    assert not two.ok and two.id == "two" and two.problems[0].code == "yaml.syntax"
    assert not three.ok and three.problems[0].code == "file.unreadable"


def test_a_broken_pack_file_is_listed_and_the_others_still_load(roots: list[Path]) -> None:
    (roots[0] / "b-loops" / "pack.yaml").write_text("levels: {oops", encoding="utf-8")
    packs = {p.folder.name: p for p in Catalog(roots).packs()}
    assert not packs["b-loops"].ok and packs["b-loops"].levels == ()
    assert packs["b-loops"].title == {"*": "b-loops"}
    assert packs["a-basics"].ok and packs["c-trainer"].ok


def test_a_pack_id_used_twice_is_reported_on_the_second(roots: list[Path]) -> None:
    write_pack(roots[1], "z-copy", "basics", {"one.yaml": level_yaml("one")})
    packs = Catalog(roots).packs()
    copies = [p for p in packs if p.id == "basics"]
    assert copies[0].ok and copies[0].folder.name == "a-basics"
    assert not copies[1].ok and copies[1].problems[-1].code == "pack.same_id"


def test_a_level_id_used_twice_in_a_pack_is_reported(tmp_path: Path) -> None:
    write_pack(tmp_path, "p", "p", {"a.yaml": level_yaml("same"), "b.yaml": level_yaml("same")})
    first, second = Catalog([tmp_path]).packs()[0].levels
    assert first.ok
    assert not second.ok and second.problems[-1].code == "pack.duplicate_id"


def test_files_are_read_again_only_when_they_change(
    roots: list[Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    reads: list[str] = []

    def counting(path: str | Path) -> object:
        reads.append(Path(path).name)
        return read_level(path)

    monkeypatch.setattr(game.catalog, "read_level", counting)
    catalog = Catalog(roots)
    catalog.packs()
    assert len(reads) == 6
    reads.clear()
    catalog.packs()
    assert reads == []

    changed = roots[0] / "a-basics" / "two.yaml"
    changed.write_text(level_yaml("two", "'Nouveau titre'"), encoding="utf-8")
    stat = changed.stat()
    os.utime(changed, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000))
    basics = catalog.packs()[0]
    assert reads == ["two.yaml"]
    assert basics.levels[1].title == {"*": "Nouveau titre"}


def test_warming_reads_everything_a_little_at_a_time(
    roots: list[Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    reads: list[str] = []

    def counting(path: str | Path) -> object:
        reads.append(Path(path).name)
        return read_level(path)

    monkeypatch.setattr(game.catalog, "read_level", counting)
    catalog = Catalog(roots)
    rounds = 0
    while not catalog.warm(0.0):  # no time at all: one file per call
        rounds += 1
        assert len(reads) == rounds
    assert sorted(reads) == sorted(
        ["l1.yaml", "one.yaml", "two.yaml", "3.yaml", "maze.yaml", "t.yaml"]
    )
    reads.clear()
    assert catalog.warm(0.0) and [p.id for p in catalog.packs()] and reads == []


def test_a_new_pack_dropped_in_the_user_folder_appears(roots: list[Path]) -> None:
    catalog = Catalog(roots)
    assert len(catalog.packs()) == 4
    write_pack(roots[1], "d-new", "new", {"n.yaml": level_yaml("n")})
    assert [p.id for p in catalog.packs()][-1] == "new"


def test_missing_folders_give_no_packs(tmp_path: Path) -> None:
    assert Catalog([tmp_path / "nothing", tmp_path / "here"]).packs() == []


def test_find_returns_only_playable_levels(roots: list[Path]) -> None:
    (roots[0] / "a-basics" / "two.yaml").write_text("id: two\n")
    catalog = Catalog(roots)
    found = catalog.find("basics", "one")
    assert found is not None and found[1].path == roots[0] / "a-basics" / "one.yaml"
    assert catalog.find("basics", "two") is None
    assert catalog.find("gone", "one") is None


def test_the_user_folder_follows_the_data_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("ROBOBLOCS_DATA_DIR", str(tmp_path))
    game_levels, user_levels = default_roots()
    assert user_levels == tmp_path / "levels"
    assert game_levels == Path(game.catalog.__file__).resolve().parents[1] / "levels"


# -- unlocking --


def entry(level_id: str, ok: bool = True) -> LevelEntry:
    problems = () if ok else (problem(1, 1, "yaml.syntax", detail="x"),)
    return LevelEntry(Path(f"{level_id}.yaml"), level_id, {"*": level_id}, problems)


def pack_of(*levels: LevelEntry) -> PackEntry:
    return PackEntry(Path("p"), "p", {"*": "p"}, levels)


def done(*level_ids: str, pack_id: str = "p") -> dict[tuple[str, str], LevelResult]:
    return {
        (pack_id, level_id): LevelResult(pack_id, level_id, 2, True, None, 0.0)
        for level_id in level_ids
    }


def test_only_the_first_level_is_open_at_first() -> None:
    assert unlocked(pack_of(entry("a"), entry("b"), entry("c")), {}) == [True, False, False]


def test_a_success_opens_the_next_level_only() -> None:
    pack = pack_of(entry("a"), entry("b"), entry("c"), entry("d"))
    assert unlocked(pack, done("a")) == [True, True, False, False]
    # A level completed with the trainer key keeps the level after it open.
    assert unlocked(pack, done("c")) == [True, False, False, True]


def test_a_saved_program_without_success_opens_nothing() -> None:
    pack = pack_of(entry("a"), entry("b"))
    tried = {("p", "a"): LevelResult("p", "a", 0, False, "program: []", 0.0)}
    assert unlocked(pack, tried) == [True, False]


def test_results_of_another_pack_do_not_count() -> None:
    assert unlocked(pack_of(entry("a"), entry("b")), done("a", pack_id="q")) == [True, False]


def test_a_broken_level_does_not_block_the_pack() -> None:
    pack = pack_of(entry("a"), entry("b", ok=False), entry("c"), entry("d"))
    assert unlocked(pack, {}) == [True, False, False, False]
    assert unlocked(pack, done("a")) == [True, True, True, False]


def test_the_trainer_key_opens_everything() -> None:
    pack = pack_of(entry("a"), entry("b"), entry("c"))
    assert unlocked(pack, {}, unlock_all=True) == [True, True, True]
    assert unlocked(pack_of(), {}) == []


def test_next_level_is_the_first_open_unfinished_one() -> None:
    first = pack_of(entry("a"), entry("b"))
    second = PackEntry(Path("q"), "q", {"*": "q"}, (entry("x"),))
    assert next_level([first, second], {}) == (first, first.levels[0])
    assert next_level([first, second], done("a")) == (first, first.levels[1])
    assert next_level([first, second], done("a", "b")) == (second, second.levels[0])
    ai = PackEntry(Path("ai"), "ai", {"*": "ai"}, (entry("m"),))
    assert next_level([ai], {}) is None
