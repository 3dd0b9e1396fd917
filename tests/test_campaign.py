"""The packs shipped in `levels/`: every level valid and playable, ids unique, texts in
French, Arabic and English, a reference solution and star thresholds, and a campaign of
at least 40 levels.

Validation here is the playable part of `validate` (well formed, goals not met at start,
solution succeeds, every map solvable); the smallest-program star check is left to
`validate` and `solve --blocks`, which search for seconds per level.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import pytest

from blocks.program import block_count
from game.levels import Level, Text, parse_level, read_level
from game.packs import Pack, find_packs, read_pack
from game.solver import shortest
from game.validate import playable_problems

LEVELS = Path(__file__).resolve().parent.parent / "levels"
# The starter pack is a short demo of every block; the learning-robot pack has its own rules.
NOT_CAMPAIGN = {"basics", "ai"}
OURS_WITHOUT_STARS = {"ai"}
LANGS = ("fr", "ar", "en")
SCHEMA_LINE = "# yaml-language-server: $schema=../../schema/level.schema.json"
ARABIC_LETTER = re.compile("[\u0621-\u064a]")


@dataclass(frozen=True)
class Shipped:
    pack: Pack
    path: Path
    level: Level


def _load() -> tuple[list[Pack], list[Shipped]]:
    packs = [read_pack(folder) for folder in find_packs(LEVELS) if folder != LEVELS]
    shipped = []
    for pack in packs:
        for path in pack.levels:
            checked = read_level(path)
            assert checked.level is not None and checked.ok, (path, checked.problems)
            shipped.append(Shipped(pack, path, checked.level))
    return packs, shipped


PACKS, SHIPPED = _load()
CAMPAIGN = [s for s in SHIPPED if s.pack.id not in NOT_CAMPAIGN]
WITH_STARS = [s for s in SHIPPED if s.pack.id not in OURS_WITHOUT_STARS]


def _name(item: Shipped) -> str:
    return f"{item.pack.id}/{item.path.name}"


def test_every_pack_file_is_valid() -> None:
    assert PACKS
    for pack in PACKS:
        assert pack.ok, (pack.folder, pack.problems)
        assert pack.levels, pack.folder


@pytest.mark.parametrize("item", SHIPPED, ids=_name)
def test_level_is_playable(item: Shipped) -> None:
    errors = [p for p in playable_problems(item.level) if p.severity == "error"]
    assert errors == []


def test_level_ids_are_unique_across_all_packs() -> None:
    counts = Counter(s.level.id for s in SHIPPED)
    assert [level_id for level_id, n in counts.items() if n > 1] == []
    assert len({pack.id for pack in PACKS}) == len(PACKS)


def _has_three_languages(text: Text | None) -> bool:
    if text is None or any(not text.get(lang, "").strip() for lang in LANGS):
        return False
    # Each language really written: Arabic in Arabic letters, French not a copy of English.
    return bool(ARABIC_LETTER.search(text["ar"])) and text["fr"] != text["en"]


@pytest.mark.parametrize("item", SHIPPED, ids=_name)
def test_level_texts_in_french_arabic_english(item: Shipped) -> None:
    level = item.level
    assert _has_three_languages(level.title), level.title
    assert _has_three_languages(level.intro), level.intro
    assert level.hints and all(_has_three_languages(hint) for hint in level.hints)


def test_pack_titles_in_french_arabic_english() -> None:
    for pack in PACKS:
        assert _has_three_languages(pack.title), pack.folder


@pytest.mark.parametrize("item", WITH_STARS, ids=_name)
def test_solution_earns_three_stars_within_limits(item: Shipped) -> None:
    level = item.level
    assert level.solution is not None and level.stars is not None
    best, good = level.stars
    # The reference solution is a smallest program: its size is the 3-star threshold.
    assert block_count(level.solution) == best
    if level.max_blocks is not None:
        assert best <= good <= level.max_blocks


@pytest.mark.parametrize("item", WITH_STARS, ids=_name)
def test_level_file_names_its_schema(item: Shipped) -> None:
    assert item.path.read_text(encoding="utf-8").splitlines()[0] == SCHEMA_LINE


def test_campaign_has_at_least_forty_levels_in_play_order() -> None:
    assert len(CAMPAIGN) >= 40
    folders = sorted({s.pack.folder.name for s in CAMPAIGN})
    # Packs are numbered folders so they list in the order of the week.
    assert all(re.match(r"\d\d-", name) for name in folders), folders


@pytest.mark.parametrize("item", [s for s in SHIPPED if len(s.level.boards) > 1], ids=_name)
def test_variants_cannot_be_solved_by_a_memorised_sequence(item: Shipped) -> None:
    # One action sequence for every map at once would let a child skip the conditions; if
    # one exists it must need more blocks than the level allows.
    common = shortest(item.level).actions
    limit = item.level.max_blocks
    assert common is None or (limit is not None and len(common) > limit), common


def test_a_level_whose_maps_need_a_condition_validates() -> None:
    # Gems lie in different places on the two maps: no single action sequence collects
    # them on both, yet each map is solvable and the `if` program solves both.
    checked = parse_level(
        "format: 1\nid: two-maps\ntitle: Two maps\nmap: |\n  >*.F\nvariants:\n  - |\n    >.*F\n"
        "goals: [collect_gems, reach_goal]\nblocks: [forward, pick_up, repeat, if]\n"
        "solution:\n  - repeat: 3\n    do:\n      - forward\n      - if: gem_here\n"
        "        do: [pick_up]\n"
    )
    assert checked.level is not None and checked.ok, checked.problems
    assert shortest(checked.level).actions is None
    assert playable_problems(checked.level) == []
