"""Level and pack files: loading, checking every rule of levels.md, and the Level model.

Checking happens in two depths. `read_level` checks that a file is well formed (what `run`
and `solve` need). `validate_level` adds what a trainer must hear about before children
play: the `solution` must succeed, the level must be solvable within `max_steps`, and the
goals must not be met before the first action.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, cast

from blocks.parse import statements_program
from blocks.problems import InvalidInput, Problem, Problems, in_file_order, problem
from blocks.program import Program
from blocks.yaml_nodes import YNode, decode, load, read_text
from game.level_fields import DEFAULT_MAX_STEPS, FIELDS_BY_NAME, LEVEL_FIELDS
from game.world.board import Board, board_from_rows
from game.world.rules import Goal
from game.world.tiles import MAP_CHARS

MAX_SIDE = 32
Text = dict[str, str]


@dataclass(frozen=True)
class Level:
    """A well-formed level. `boards` holds one board per map (one for a plain level)."""

    id: str
    title: Text
    boards: tuple[Board, ...]
    goals: tuple[Goal, ...]
    blocks: tuple[str, ...]
    max_steps: int = DEFAULT_MAX_STEPS
    max_blocks: int | None = None
    stars: tuple[int, int] | None = None
    intro: Text | None = None
    hints: tuple[Text, ...] = ()
    solution: Program | None = None
    maps: tuple[tuple[str, ...], ...] = ()
    ai: dict[str, float] = field(default_factory=dict)
    source: str = ""
    marks: dict[str, tuple[int, int]] = field(default_factory=dict, compare=False)

    def mark(self, key: str) -> tuple[int, int]:
        """Line and column of a top-level key in the source file, for messages."""
        return self.marks.get(key, (1, 1))


def pick_text(text: Text | None, lang: str) -> str:
    """The text in `lang`, falling back fr -> en -> the first given (levels.md, Texts)."""
    if not text:
        return ""
    for code in (lang, "fr", "en"):
        if code in text:
            return text[code]
    return next(iter(text.values()))


@dataclass
class Checked:
    """The result of reading one file: the level when well formed, and every problem."""

    path: str
    level: Level | None = None
    problems: list[Problem] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return self.level is not None and not any(p.severity == "error" for p in self.problems)


def read_level(path: str | Path) -> Checked:
    """Read a level file and check that it is well formed."""
    try:
        return parse_level(read_text(path), str(path))
    except InvalidInput as err:
        return Checked(str(path), None, err.problems)


def parse_level(data: bytes | str, path: str = "<level>") -> Checked:
    found = Problems()
    try:
        root = load(decode(data) if isinstance(data, bytes) else data)
    except InvalidInput as err:
        return Checked(path, None, err.problems)
    if root is None or not isinstance(root.value, dict):
        line, column = (root.line, root.column) if root else (1, 1)
        return Checked(path, None, [problem(line, column, "level.not_mapping")])
    level = _level_from_node(root, found, path)
    ordered = in_file_order(found.items)
    return Checked(path, None if found else level, ordered)


def _level_from_node(root: YNode, found: Problems, path: str) -> Level | None:
    values = root.as_map()
    for key, key_node in root.keys.items():
        if key not in FIELDS_BY_NAME:
            close = difflib.get_close_matches(key, FIELDS_BY_NAME, n=1)
            code = "level.unknown_key_close" if close else "level.unknown_key"
            found.add(
                key_node.line, key_node.column, code, key=key, close=close[0] if close else ""
            )
    good: dict[str, YNode] = {}
    for spec in LEVEL_FIELDS:
        node = values.get(spec.name)
        if node is None:
            if spec.required:
                found.add(root.line, root.column, "level.missing_key", key=spec.name)
        elif spec.kind.check(spec.name, node, found):
            good[spec.name] = node
    return _build(good, found, path)


def _build(good: dict[str, YNode], found: Problems, path: str) -> Level | None:
    """Check what the well-typed keys say together; build the level if nothing is wrong."""
    map_nodes = [good["map"]] if "map" in good else []
    map_nodes += good["variants"].as_list() if "variants" in good else []
    goals = tuple(cast(Goal, g) for g in _strings(good["goals"])) if "goals" in good else ()
    for key in ("goals", "blocks"):
        if key in good:
            _warn_repeats(good[key], found)
    maps = []
    for node in map_nodes:
        rows = map_rows(node, found)
        if rows is not None:
            _check_goals_on_map(rows, goals, node, found)
            maps.append(tuple(rows))
    stars = _stars(good.get("stars"), found)
    solution = statements_program(good["solution"], found) if "solution" in good else None
    if found or not maps:
        return None
    return Level(
        id=str(good["id"].value),
        title=text_of(good["title"]),
        boards=tuple(board_from_rows(list(rows)) for rows in maps),
        goals=goals,
        blocks=tuple(_strings(good["blocks"])),
        max_steps=_int(good.get("max_steps"), DEFAULT_MAX_STEPS),
        max_blocks=_int(good.get("max_blocks"), None),
        stars=stars,
        intro=text_of(good["intro"]) if "intro" in good else None,
        hints=tuple(text_of(h) for h in good["hints"].as_list()) if "hints" in good else (),
        solution=solution,
        maps=tuple(maps),
        ai=_numbers(good.get("ai")),
        source=path,
        marks={key: (node.line, node.column) for key, node in good.items()},
    )


def _int(node: YNode | None, default: int | None) -> Any:
    return default if node is None else node.value


def _numbers(node: YNode | None) -> dict[str, float]:
    """A checked mapping of named numbers (the `ai` settings); empty when absent."""
    if node is None:
        return {}
    return {name: cast(float, value.value) for name, value in node.as_map().items()}


def _strings(node: YNode) -> list[str]:
    return [str(item.value) for item in node.as_list()]


def text_of(node: YNode) -> Text:
    """A checked text node as a mapping; a plain string is stored under "*"."""
    if isinstance(node.value, str):
        return {"*": node.value}
    return {k: str(v.value) for k, v in node.as_map().items()}


def _warn_repeats(node: YNode, found: Problems) -> None:
    seen: set[str] = set()
    for item in node.as_list():
        value = str(item.value)
        if value in seen:
            found.warn(item.line, item.column, "level.repeated", value=value)
        seen.add(value)


def _stars(node: YNode | None, found: Problems) -> tuple[int, int] | None:
    if node is None:
        return None
    best, good = (item.int_value() for item in node.as_list())
    if best > good:
        found.add(node.line, node.column, "level.stars_order", a=best, b=good)
    return best, good


def map_rows(node: YNode, found: Problems) -> list[str] | None:
    """The map's rows with every character checked; each problem points at its character."""
    text = str(node.value)
    rows = [row.rstrip(" ") for row in text.split("\n")]
    while rows and not rows[-1]:
        rows.pop()
    if not rows:
        found.add(node.line, node.column, "map.empty")
        return None
    before = len(found.errors)
    robots: list[tuple[int, int]] = []
    for y, row in enumerate(rows):
        for x, char in enumerate(row):
            line, column = node.mark_of(y, x)
            if char not in MAP_CHARS:
                found.add(line, column, "map.bad_char", char=char, row=y + 1)
            elif char in "<>^v":
                robots.append((line, column))
    if len(rows) > MAX_SIDE or max(len(row) for row in rows) > MAX_SIDE:
        found.add(node.line, node.column, "map.too_big", max=MAX_SIDE)
    if not robots:
        found.add(node.line, node.column, "map.no_robot")
    for line, column in robots[1:]:
        found.add(line, column, "map.two_robots")
    return rows if len(found.errors) == before else None


def _check_goals_on_map(
    rows: list[str], goals: tuple[Goal, ...], node: YNode, found: Problems
) -> None:
    text = "".join(rows)
    if "reach_goal" in goals and text.count("F") != 1:
        found.add(node.line, node.column, "map.flag_count", count=text.count("F"))
    if "collect_gems" in goals and "*" not in text:
        found.add(node.line, node.column, "map.no_gems")
    if "crates_on_targets" in goals:
        crates, targets = text.count("B"), text.count("o")
        if crates != targets or crates == 0:
            found.add(node.line, node.column, "map.crates_targets", crates=crates, targets=targets)
