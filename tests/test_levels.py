"""Every rule of levels.md, each problem at its line and column; packs; the deep checks."""

from __future__ import annotations

import textwrap
from dataclasses import replace
from pathlib import Path

import pytest

from blocks.parse import load_program
from blocks.problems import in_file_order
from game.level_fields import DEFAULT_MAX_STEPS
from game.levels import Checked, Level, parse_level, pick_text, read_level
from game.packs import read_pack
from game.validate import Report, check_paths, playable_problems
from game.world.tiles import FACINGS, MAP_CHARS, Ground
from tests.located import where

# The example of levels.md, word for word.
SPEC_LEVEL = """\
# yaml-language-server: $schema=../../schema/level.schema.json
format: 1
id: loops-03
title: {fr: "Le long couloir", ar: "الممر الطويل", en: "The long corridor"}
intro: {fr: "Ramasse la gemme puis va au drapeau.", en: "Pick up the gem, then reach the flag."}
map: |
  #########
  #>...*.F#
  #########
goals: [collect_gems, reach_goal]
blocks: [forward, turn_left, turn_right, pick_up, repeat]
max_blocks: 7
stars: [5, 6]
max_steps: 100
hints:
  - {fr: "Un bloc « répéter » évite de recopier « avancer ».", en: "A repeat block saves copying forward."}
solution:
  - repeat: 4
    do: [forward]
  - pick_up
  - repeat: 2
    do: [forward]
"""

# A small valid level; line numbers below refer to it.
BASE = """\
format: 1
id: small
title: Small
map: |
  #####
  #>.F#
  #####
goals: [reach_goal]
blocks: [forward]
"""


def parsed(text: str) -> Checked:
    return parse_level(textwrap.dedent(text))


def level_of(text: str) -> Level:
    checked = parsed(text)
    assert checked.level is not None, checked.problems
    assert checked.ok
    return checked.level


def errors(text: str) -> list[tuple[int, int, str]]:
    checked = parsed(text)
    assert checked.level is None and not checked.ok
    return where(checked.problems)


def with_map(rows: str, goals: str = "[reach_goal]") -> str:
    body = "\n".join("  " + row for row in textwrap.dedent(rows).strip("\n").splitlines())
    return f"format: 1\nid: m\ntitle: M\nmap: |\n{body}\ngoals: {goals}\nblocks: [forward]\n"


# The whole example ------------------------------------------------------------------------


def test_the_spec_example_reads_completely() -> None:
    level = level_of(SPEC_LEVEL)
    assert level.id == "loops-03"
    assert level.title == {"fr": "Le long couloir", "ar": "الممر الطويل", "en": "The long corridor"}
    assert level.intro is not None and level.intro["en"] == "Pick up the gem, then reach the flag."
    assert level.goals == ("collect_gems", "reach_goal")
    assert level.blocks == ("forward", "turn_left", "turn_right", "pick_up", "repeat")
    assert (level.max_blocks, level.stars, level.max_steps) == (7, (5, 6), 100)
    assert level.hints[0]["fr"] == "Un bloc « répéter » évite de recopier « avancer »."
    assert level.solution == load_program(
        "- repeat: 4\n  do: [forward]\n- pick_up\n- repeat: 2\n  do: [forward]\n"
    )
    assert level.maps == (("#########", "#>...*.F#", "#########"),)


def test_the_spec_example_is_playable() -> None:
    assert playable_problems(level_of(SPEC_LEVEL)) == []


def test_optional_keys_take_their_defaults() -> None:
    level = level_of(BASE)
    assert level.max_steps == DEFAULT_MAX_STEPS == 1000
    assert (level.max_blocks, level.stars, level.intro, level.solution) == (None, None, None, None)
    assert level.hints == ()
    assert level_of(BASE + "world: grid\n").boards == level.boards


# Keys ---------------------------------------------------------------------------------------


@pytest.mark.parametrize("key", ["format", "id", "title", "map", "goals", "blocks"])
def test_each_required_key_is_required(key: str) -> None:
    lines = BASE.splitlines(keepends=True)
    start = next(i for i, line in enumerate(lines) if line.startswith(f"{key}:"))
    end = start + (4 if key == "map" else 1)
    problems = parsed("".join(lines[:start] + lines[end:])).problems
    assert where(problems) == [(1, 1, "level.missing_key")]
    assert problems[0].args == {"key": key}


KEY_ERRORS = [
    ("format: 1", "format: 2", (1, 9, "field.const")),
    ("format: 1", "format: '1'", (1, 9, "field.const")),
    ("format: 1", "format: true", (1, 9, "field.const")),
    ("id: small", "id: Small", (2, 5, "field.id")),
    ("id: small", "id: -small", (2, 5, "field.id")),
    ("id: small", "id: small_1", (2, 5, "field.id")),
    ("id: small", 'id: "small\\n"', (2, 5, "field.id")),
    ("id: small", "id: 12", (2, 5, "field.id")),
    ("title: Small", "title: [a]", (3, 8, "field.text")),
    ("title: Small", "title: {de: Klein}", (3, 8, "field.text")),
    ("title: Small", "title: {fr: 3}", (3, 8, "field.text")),
    ("title: Small", "title: {}", (3, 8, "field.text")),
    ("title: Small", "title:", (3, 7, "field.text")),
    ("goals: [reach_goal]", "goals: []", (8, 8, "field.list_non_empty")),
    ("goals: [reach_goal]", "goals: reach_goal", (8, 8, "field.list_non_empty")),
    ("goals: [reach_goal]", "goals: [reach_goal, dance]", (8, 21, "field.choice")),
    ("blocks: [forward]", "blocks: []", (9, 9, "field.list_non_empty")),
    ("blocks: [forward]", "blocks: [forward, jump]", (9, 19, "field.choice")),
    ("blocks: [forward]", "blocks: [forward, define]", (9, 19, "field.choice")),
]


@pytest.mark.parametrize(("old", "new", "expected"), KEY_ERRORS)
def test_each_key_refuses_a_bad_value_where_it_is(
    old: str, new: str, expected: tuple[int, int, str]
) -> None:
    assert errors(BASE.replace(old, new)) == [expected]


OPTIONAL_ERRORS = [
    ("intro: [a]", "field.text", 8),
    ("world: arena", "field.choice", 8),
    ("max_blocks: 0", "field.int_min", 13),
    ("max_blocks: many", "field.int_min", 13),
    ("stars: [0, 3]", "field.int_min", 9),
    ("stars: [1, 2, 3]", "field.list_size", 8),
    ("stars: 3", "field.list_size", 8),
    ("stars: [2, true]", "field.int_min", 12),
    ("stars: [5, 3]", "level.stars_order", 8),
    ("max_steps: 0", "field.int_range", 12),
    ("max_steps: 1000001", "field.int_range", 12),
    ("max_steps: true", "field.int_range", 12),
    ("max_steps: 2.5", "field.int_range", 12),
    ("max_steps: '50'", "field.int_range", 12),
    ("hints: a hint", "field.list", 8),
    ("hints: [{de: Tipp}]", "field.text", 9),
    ("solution: forward", "program.not_list", 11),
    ("solution: [jump]", "stmt.unknown", 12),
    ("variants: []", "field.list_non_empty", 11),
    ("variants: [3]", "field.text_plain", 12),
]


@pytest.mark.parametrize(("line", "code", "column"), OPTIONAL_ERRORS)
def test_each_optional_key_refuses_a_bad_value_where_it_is(
    line: str, code: str, column: int
) -> None:
    assert errors(BASE + line + "\n") == [(10, column, code)]


@pytest.mark.parametrize(
    "line", ["max_steps: 1", "max_steps: 1000000", "stars: [3, 3]", "max_blocks: 1", "hints: []"]
)
def test_values_at_the_edges_of_their_range_are_accepted(line: str) -> None:
    level_of(BASE + line + "\n")


def test_stars_are_read_in_order() -> None:
    assert level_of(BASE + "stars: [2, 4]\n").stars == (2, 4)
    (order,) = parsed(BASE + "stars: [5, 3]\n").problems
    assert order.args == {"a": "5", "b": "3"}


def test_an_unknown_key_suggests_the_closest_known_one() -> None:
    (close,) = parsed(BASE + "max_step: 50\n").problems
    assert (close.line, close.column, close.code) == (10, 1, "level.unknown_key_close")
    assert close.args == {"key": "max_step", "close": "max_steps"}
    titled = parsed(BASE.replace("title:", "titel:")).problems
    assert [(p.code, p.args["key"]) for p in titled] == [
        ("level.missing_key", "title"),
        ("level.unknown_key_close", "titel"),
    ]
    assert titled[1].args["close"] == "title"
    (far,) = parsed(BASE + "colour: red\n").problems
    assert (far.code, far.args["key"]) == ("level.unknown_key", "colour")


def test_a_repeated_goal_or_block_is_a_warning_only() -> None:
    checked = parsed(BASE.replace("[forward]", "[forward, forward]"))
    assert checked.ok and checked.level is not None
    assert where(checked.problems) == [(9, 19, "level.repeated")]
    assert checked.problems[0].severity == "warning"


def test_a_level_that_is_not_a_mapping_is_refused() -> None:
    assert errors("- format: 1\n") == [(1, 1, "level.not_mapping")]
    assert errors("") == [(1, 1, "level.not_mapping")]
    assert errors("just words\n") == [(1, 1, "level.not_mapping")]


def test_every_problem_of_a_file_is_reported_in_file_order() -> None:
    text = BASE.replace("format: 1", "format: 3").replace("#>.F#", "#>.X#")
    text = text.replace("[forward]", "[forward, jump]") + "stars: [4, 2]\nmax_stepz: 5\n"
    assert errors(text) == [
        (1, 9, "field.const"),
        (6, 6, "map.bad_char"),
        (9, 19, "field.choice"),
        (10, 8, "level.stars_order"),
        (11, 1, "level.unknown_key_close"),
    ]


# Texts --------------------------------------------------------------------------------------


def test_a_plain_text_is_the_same_in_every_language() -> None:
    title = level_of(BASE).title
    assert [pick_text(title, lang) for lang in ("fr", "ar", "en")] == ["Small"] * 3


def test_a_text_falls_back_to_french_then_english_then_the_first_given() -> None:
    full = {"fr": "Bonjour", "en": "Hello", "ar": "مرحبا"}
    assert pick_text(full, "ar") == "مرحبا"
    assert pick_text({"en": "Hello", "fr": "Bonjour"}, "ar") == "Bonjour"
    assert pick_text({"zgh": "ⴰⵣⵓⵍ", "en": "Hello"}, "ar") == "Hello"
    assert pick_text({"zgh": "ⴰⵣⵓⵍ", "xx": "?"}, "fr") == "ⴰⵣⵓⵍ"
    assert pick_text(None, "fr") == ""


def test_any_known_language_code_makes_a_text() -> None:
    for code in ("fr", "ar", "en", "zgh"):
        assert level_of(BASE.replace("title: Small", f"title: {{{code}: X}}")).title == {code: "X"}


# The map ------------------------------------------------------------------------------------


def test_every_map_character_is_known() -> None:
    level = level_of(
        with_map(
            """
            #.~>F*Bo
            rgby....
            """,
            goals="[reach_goal, collect_gems, crates_on_targets]",
        )
    )
    assert "".join(level.maps[0]) == "#.~>F*Borgby...."
    assert set("".join(level.maps[0])) <= set(MAP_CHARS)


@pytest.mark.parametrize(
    ("arrow", "facing"), [(">", "east"), ("<", "west"), ("^", "north"), ("v", "south")]
)
def test_the_robot_starts_where_its_arrow_is_facing_that_way(arrow: str, facing: str) -> None:
    board = level_of(with_map(f"#####\n#..F#\n#.{arrow}.#\n#####")).boards[0]
    assert board.xy(board.start.pos) == (2, 2)
    assert FACINGS[board.start.facing] == facing


def test_short_rows_are_padded_with_wall_and_trailing_spaces_ignored() -> None:
    text = with_map("#####\n#>.F#   \n##").replace("#>.F#", "#>.F#   ")
    level = level_of(text)
    assert level.maps[0] == ("#####", "#>.F#", "##")
    board = level.boards[0]
    assert (board.width, board.height) == (5, 3)
    assert board.ground[board.cell(4, 2)] is Ground.WALL
    assert board.ground[board.cell(3, 1)] is Ground.FLAG


@pytest.mark.parametrize(
    ("map_yaml", "position"),
    [
        ("map: |\n  #####\n  #>.X#\n  #####", (6, 6)),
        ("map: |2\n  #####\n  #>.X#\n  #####", (6, 6)),
        ("map: |-\n      #####\n      #>.X#", (6, 10)),
        ('map: "#####\\n#>.X#\\n#####"', (4, 17)),
        ("map: '#>.X#'", (4, 10)),
        ("map: '#>''X#'", (4, 9)),
        ("map: >\n  #####\n\n  #>.X#", (4, 6)),
    ],
    ids=["literal", "indicator", "indented", "double-quoted", "single-quoted", "quote", "folded"],
)
def test_a_bad_character_is_pointed_at_however_the_map_is_written(
    map_yaml: str, position: tuple[int, int]
) -> None:
    text = BASE.replace("map: |\n  #####\n  #>.F#\n  #####", map_yaml)
    problems = parsed(text).problems
    bad = [p for p in problems if p.code == "map.bad_char"]
    assert bad and (bad[0].line, bad[0].column) == position
    assert bad[0].args["char"] in ("X", "'", " ")


def test_each_bad_character_is_reported_with_its_row() -> None:
    problems = parsed(with_map("#####\n#>?F#\n# \tZ#\n#####")).problems
    assert [(p.line, p.column, p.args["char"], p.args["row"]) for p in problems] == [
        (6, 5, "?", "2"),
        (7, 4, " ", "3"),
        (7, 5, "\t", "3"),
        (7, 6, "Z", "3"),
    ]


def test_exactly_one_robot() -> None:
    assert errors(with_map("#####\n#..F#\n#####")) == [(4, 6, "map.no_robot")]
    assert errors(with_map("#####\n#>^F#\n#v..#")) == [
        (6, 5, "map.two_robots"),
        (7, 4, "map.two_robots"),
    ]


def test_a_map_is_at_most_32_by_32() -> None:
    wide = "#>F" + "." * 29
    level_of(with_map(wide))
    level_of(with_map("\n".join(["#>F"] + ["#"] * 31)))
    assert errors(with_map(wide + ".")) == [(4, 6, "map.too_big")]
    assert errors(with_map("\n".join(["#>F"] + ["#"] * 32))) == [(4, 6, "map.too_big")]


def test_an_empty_map_is_refused() -> None:
    assert errors(BASE.replace("map: |\n  #####\n  #>.F#\n  #####", "map: ''")) == [
        (4, 6, "map.empty")
    ]
    assert errors(BASE.replace("map: |\n  #####\n  #>.F#\n  #####", "map: 42")) == [
        (4, 6, "field.text_plain")
    ]


@pytest.mark.parametrize(
    ("rows", "goals", "code", "params"),
    [
        ("#>..#", "[reach_goal]", "map.flag_count", {"count": "0"}),
        ("#>FF#", "[reach_goal]", "map.flag_count", {"count": "2"}),
        ("#>.F#", "[collect_gems]", "map.no_gems", {}),
        ("#>.B#", "[crates_on_targets]", "map.crates_targets", {"crates": "1", "targets": "0"}),
        ("#>B.o#o", "[crates_on_targets]", "map.crates_targets", {"crates": "1", "targets": "2"}),
        ("#>..#", "[crates_on_targets]", "map.crates_targets", {"crates": "0", "targets": "0"}),
    ],
)
def test_goals_need_what_they_talk_about_on_the_map(
    rows: str, goals: str, code: str, params: dict[str, str]
) -> None:
    (found,) = parsed(with_map(rows, goals)).problems
    assert (found.line, found.column, found.code) == (4, 6, code)
    assert found.args == params


def test_goals_with_what_they_need_are_accepted() -> None:
    level_of(with_map("#>*.F", "[collect_gems, reach_goal]"))
    level_of(with_map("#>.Bo.Bo", "[crates_on_targets]"))


# Variants -----------------------------------------------------------------------------------


def test_variants_are_more_boards_of_the_same_level() -> None:
    text = BASE + "variants:\n  - |\n    ######\n    #>..F#\n  - '#>F'\n"
    level = level_of(text)
    assert len(level.boards) == 3
    assert level.maps[1] == ("######", "#>..F#") and level.maps[2] == ("#>F",)


def test_each_variant_is_checked_like_the_map_with_its_own_positions() -> None:
    text = BASE + "variants:\n  - |\n    #####\n    #>.X#\n  - '#>..'\n"
    assert errors(text) == [(13, 8, "map.bad_char"), (14, 5, "map.flag_count")]


# Packs --------------------------------------------------------------------------------------


def write(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return path


def a_level(level_id: str) -> str:
    return BASE.replace("id: small", f"id: {level_id}")


def pack_yaml(*names: str) -> str:
    return f"format: 1\nid: basics\ntitle: {{fr: Les bases}}\nlevels: [{', '.join(names)}]\n"


def codes(reports: list[Report]) -> list[tuple[str, int, int, str]]:
    return [
        (Path(r.path).name, p.line, p.column, p.code)
        for r in reports
        for p in in_file_order(r.problems)
    ]


def test_a_pack_lists_its_levels_in_play_order(tmp_path: Path) -> None:
    write(tmp_path, "pack.yaml", pack_yaml("b.yaml", "a.yaml"))
    pack = read_pack(tmp_path)
    assert pack.ok and pack.id == "basics" and pack.title == {"fr": "Les bases"}
    assert [p.name for p in pack.levels] == ["b.yaml", "a.yaml"]


def test_a_valid_pack_validates(tmp_path: Path) -> None:
    write(tmp_path, "pack.yaml", pack_yaml("one.yaml", "two.yaml"))
    write(tmp_path, "one.yaml", a_level("one"))
    write(tmp_path, "two.yaml", a_level("two"))
    reports = check_paths([tmp_path])
    assert [Path(r.path).name for r in reports] == ["pack.yaml", "one.yaml", "two.yaml"]
    assert all(r.ok for r in reports) and codes(reports) == []


def test_pack_problems_are_located(tmp_path: Path) -> None:
    write(
        tmp_path,
        "pack.yaml",
        "format: 1\nid: Basics\nlevels: [../up.yaml, /abs.yaml, 'a\\b.yaml']\n",
    )
    assert codes(check_paths([tmp_path / "pack.yaml"])) == [
        ("pack.yaml", 1, 1, "level.missing_key"),
        ("pack.yaml", 2, 5, "field.id"),
        ("pack.yaml", 3, 10, "pack.bad_level_path"),
        ("pack.yaml", 3, 22, "pack.bad_level_path"),
        ("pack.yaml", 3, 33, "pack.bad_level_path"),
    ]


def test_a_pack_file_that_is_broken_or_missing(tmp_path: Path) -> None:
    write(tmp_path, "pack.yaml", "- a\n")
    assert codes(check_paths([tmp_path / "pack.yaml"])) == [("pack.yaml", 1, 1, "pack.not_mapping")]
    assert [p.code for p in read_pack(tmp_path / "elsewhere").problems] == ["file.unreadable"]


def test_a_listed_level_that_is_missing_is_reported_on_its_line(tmp_path: Path) -> None:
    write(tmp_path, "pack.yaml", pack_yaml("one.yaml", "gone.yaml"))
    write(tmp_path, "one.yaml", a_level("one"))
    reports = check_paths([tmp_path])
    assert codes(reports) == [("pack.yaml", 4, 20, "pack.missing_level")]
    assert reports[0].problems[0].args == {"name": "gone.yaml"}


def test_ids_are_unique_in_a_pack(tmp_path: Path) -> None:
    write(tmp_path, "pack.yaml", pack_yaml("one.yaml", "two.yaml"))
    write(tmp_path, "one.yaml", a_level("same"))
    write(tmp_path, "two.yaml", a_level("same"))
    reports = check_paths([tmp_path])
    assert codes(reports) == [("two.yaml", 2, 5, "pack.duplicate_id")]
    assert reports[2].problems[0].args == {"id": "same", "other": "one.yaml"}


def test_a_level_file_not_listed_in_its_pack_is_a_warning(tmp_path: Path) -> None:
    write(tmp_path, "pack.yaml", pack_yaml("one.yaml"))
    write(tmp_path, "one.yaml", a_level("one"))
    write(tmp_path, "forgotten.yaml", a_level("forgotten"))
    write(tmp_path, "notes.yaml", "author: me\n")
    reports = check_paths([tmp_path])
    warned = [p for r in reports for p in r.problems if p.code == "pack.unlisted"]
    assert [(p.args["name"], p.severity) for p in warned] == [("forgotten.yaml", "warning")]
    assert reports[0].ok


def test_folders_are_searched_for_packs_levels_and_programs(tmp_path: Path) -> None:
    write(tmp_path, "packs/a/pack.yaml", pack_yaml("one.yaml"))
    write(tmp_path, "packs/a/one.yaml", a_level("one"))
    write(tmp_path, "packs/b/deeper/pack.yaml", pack_yaml("two.yaml"))
    write(tmp_path, "packs/b/deeper/two.yaml", a_level("two"))
    write(tmp_path, "loose/level.yml", a_level("loose"))
    write(tmp_path, "loose/prog.yaml", "- forward\n")
    write(tmp_path, "loose/prog.py", "forward()\n")
    write(tmp_path, "loose/.hidden/broken.yaml", "format: [\n")
    write(tmp_path, "loose/readme.txt", "not a level\n")
    reports = check_paths([tmp_path])
    names = sorted(str(Path(r.path).relative_to(tmp_path)) for r in reports)
    assert names == [
        "loose/level.yml",
        "loose/prog.py",
        "loose/prog.yaml",
        "packs/a/one.yaml",
        "packs/a/pack.yaml",
        "packs/b/deeper/pack.yaml",
        "packs/b/deeper/two.yaml",
    ]
    assert all(r.ok for r in reports)


# Deep checks (validate) ---------------------------------------------------------------------


def test_a_solution_that_fails_makes_the_level_invalid(tmp_path: Path) -> None:
    path = write(tmp_path, "l.yaml", BASE + "solution: [forward]\n")
    (report,) = check_paths([path])
    assert where(report.problems) == [(10, 11, "level.solution_fails")]
    assert report.problems[0].args == {"status": "incomplete", "steps": "1"}


def test_a_solution_over_the_block_limit_fails(tmp_path: Path) -> None:
    text = BASE + "max_blocks: 1\nsolution: [forward, forward]\n"
    (report,) = check_paths([write(tmp_path, "l.yaml", text)])
    assert report.problems[0].args["status"] == "too_many_blocks"


def test_a_level_no_sequence_can_solve_is_invalid(tmp_path: Path) -> None:
    walled = with_map("#####\n#>#F#\n#####")
    (report,) = check_paths([write(tmp_path, "l.yaml", walled)])
    assert where(report.problems) == [(4, 6, "level.unsolvable")]
    far = BASE.replace("#>.F#", "#>...F#").replace("#####", "#######") + "max_steps: 3\n"
    (report,) = check_paths([write(tmp_path, "far.yaml", far)])
    assert [p.code for p in report.problems] == ["level.unsolvable"]
    assert report.problems[0].args == {"max_steps": "3"}


def test_a_level_whose_palette_cannot_turn_is_unsolvable_around_a_corner(tmp_path: Path) -> None:
    corner = with_map("####\n#>.#\n##.#\n##F#")
    (report,) = check_paths([write(tmp_path, "l.yaml", corner)])
    assert [p.code for p in report.problems] == ["level.unsolvable"]


def test_a_level_already_won_at_the_start_is_invalid() -> None:
    # No well-formed map can be won before moving (the robot never starts on the flag, a
    # crate never starts on a target), so the check is shown on a level with no goals left.
    won = replace(level_of(BASE), goals=())
    assert where(playable_problems(won)) == [(4, 6, "level.goals_met_at_start")]


def test_a_level_saved_with_a_byte_order_mark_and_windows_line_ends(tmp_path: Path) -> None:
    windows = tmp_path / "windows.yaml"
    windows.write_bytes(b"\xef\xbb\xbf" + BASE.replace("\n", "\r\n").encode())
    assert read_level(windows).level == replace(level_of(BASE), source=str(windows))
    windows.write_bytes(
        b"\xef\xbb\xbf" + BASE.replace("#>.F#", "#>.X#").replace("\n", "\r\n").encode()
    )
    assert where(read_level(windows).problems) == [(6, 6, "map.bad_char")]


def test_a_read_level_from_disk_keeps_its_path(tmp_path: Path) -> None:
    path = write(tmp_path, "l.yaml", BASE)
    checked = read_level(path)
    assert checked.ok and checked.path == str(path)
    missing = read_level(tmp_path / "none.yaml")
    assert missing.level is None and [p.code for p in missing.problems] == ["file.unreadable"]
