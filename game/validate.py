"""`validate`: levels, packs and program files, with every problem a trainer must hear about.

Beyond being well formed (game.levels), a level must be playable: its goals are not met
before the first action, its `solution` succeeds within its own limits, and some sequence
of the palette's actions solves it within `max_steps`.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from pathlib import Path

from blocks.problems import InvalidInput, Problem, problem
from blocks.program import block_count
from blocks.program_file import read_program
from blocks.yaml_nodes import load, read_text
from game.levels import Checked, Level, read_level
from game.packs import PACK_FILE, find_packs, read_pack
from game.runner import run
from game.solver import shortest
from game.world.rules import goals_met

YAML_SUFFIXES = (".yaml", ".yml")
# Enough for every level a class plays (the campaign's largest needs far fewer), and small
# enough that `validate` answers within a few seconds on an old centre PC.
VALIDATE_STATE_LIMIT = 1_000_000


@dataclass
class Report:
    path: str
    problems: list[Problem] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not any(p.severity == "error" for p in self.problems)


def playable_problems(level: Level) -> list[Problem]:
    """What makes a well-formed level unfit to play; empty when it is fine."""
    found: list[Problem] = []
    line, column = level.mark("map")
    if any(goals_met(board, level.goals, board.start) for board in level.boards):
        found.append(problem(line, column, "level.goals_met_at_start"))
        return found
    if level.solution is not None:
        result = run(level, level.solution, record=False)
        if result.status != "success":
            sline, scolumn = level.mark("solution")
            found.append(
                problem(
                    sline,
                    scolumn,
                    "level.solution_fails",
                    status=result.status,
                    steps=result.first.steps,
                )
            )
    # Each map on its own: with variants, a program's conditions may act differently on
    # each map, so no single action sequence need solve them all together.
    for board in level.boards:
        search = shortest(replace(level, boards=(board,)), VALIDATE_STATE_LIMIT)
        if not search.complete:
            found.append(
                problem(
                    line, column, "level.search_gave_up", states=search.explored, severity="warning"
                )
            )
        elif search.actions is None:
            found.append(problem(line, column, "level.unsolvable", max_steps=level.max_steps))
    return found


STAR_CHECK_SECONDS = 3.0


def star_problems(level: Level, budget: float = STAR_CHECK_SECONDS) -> list[Problem]:
    """Warnings when 3 stars or `max_blocks` ask for fewer blocks than any program that
    solves the level has, as far as the smallest-program search can tell within `budget`
    seconds (`solve --blocks --budget` searches longer). Warnings, not errors: the level
    still plays, but a child could never earn those stars, or never win. Called once the
    level is otherwise valid, so its `solution`, if any, succeeds: a limit it fits in
    needs no search."""
    from game.program_search import smallest_program

    asks = {"stars": level.stars[0] if level.stars else None, "max_blocks": level.max_blocks}
    known = block_count(level.solution) if level.solution is not None else None
    wanted = {key: n for key, n in asks.items() if n is not None and (known is None or known > n)}
    if not wanted:
        return []
    found = smallest_program(level, budget)
    codes = {"stars": "search.stars_impossible", "max_blocks": "search.max_blocks_too_small"}
    out = []
    for key, best in wanted.items():
        if best <= found.ruled_out:
            line, column = level.mark(key)
            code = codes[key] + ("_smallest" if found.proved and found.blocks else "")
            smallest = found.blocks or 0
            out.append(
                problem(line, column, code, severity="warning", best=best, smallest=smallest)
            )
    return out


def check_level(path: Path) -> tuple[Report, Level | None]:
    """The report on one level file, and the level when it is well formed."""
    checked: Checked = read_level(path)
    report = Report(str(path), list(checked.problems))
    if checked.level is not None and checked.ok:
        report.problems += playable_problems(checked.level)
        if report.ok:
            report.problems += star_problems(checked.level)
    return report, checked.level


def check_program(path: Path) -> Report:
    report = Report(str(path))
    try:
        read_program(path)
    except InvalidInput as err:
        report.problems += err.problems
    return report


def check_pack(folder: Path) -> list[Report]:
    pack = read_pack(folder)
    reports = [Report(str(folder / PACK_FILE), list(pack.problems))]
    ids: dict[str, str] = {}
    for level_path, (line, column) in zip(pack.levels, pack.level_marks, strict=True):
        if not level_path.is_file():
            reports[0].problems.append(
                problem(line, column, "pack.missing_level", name=level_path.name)
            )
            continue
        report, level = check_level(level_path)
        if level is not None:
            level_id = level.id
            if level_id in ids:
                lline, lcolumn = level.mark("id")
                report.problems.append(
                    problem(lline, lcolumn, "pack.duplicate_id", id=level_id, other=ids[level_id])
                )
            ids.setdefault(level_id, level_path.name)
        reports.append(report)
    listed = {p.resolve() for p in pack.levels}
    for stray in sorted(folder.glob("*.y*ml")):
        if stray.name != PACK_FILE and stray.resolve() not in listed and _looks_like_level(stray):
            reports[0].problems.append(
                problem(1, 1, "pack.unlisted", name=stray.name, severity="warning")
            )
    return reports


def _looks_like_level(path: Path) -> bool:
    try:
        root = load(read_text(path))
    except InvalidInput:
        return False
    return root is not None and isinstance(root.value, dict) and "map" in root.value


def check_file(path: Path) -> list[Report]:
    """One file: a pack.yaml (its whole pack), a level, or a program (YAML or Python)."""
    if path.name == PACK_FILE:
        return check_pack(path.parent)
    if path.suffix == ".py":
        return [check_program(path)]
    try:
        root = load(read_text(path))
    except InvalidInput as err:
        return [Report(str(path), err.problems)]
    is_program = root is not None and (
        isinstance(root.value, list) or (isinstance(root.value, dict) and "program" in root.value)
    )
    return [check_program(path)] if is_program else [check_level(path)[0]]


def check_folder(folder: Path) -> list[Report]:
    """Every pack below `folder`, then every other level or program file in it."""
    reports: list[Report] = []
    covered: set[Path] = set()
    for pack_folder in find_packs(folder):
        pack_reports = check_pack(pack_folder)  # pack.yaml first, then each level it lists
        reports += pack_reports
        covered |= {Path(report.path).resolve() for report in pack_reports}
    for path in sorted(folder.rglob("*")):
        hidden = any(part.startswith(".") for part in path.relative_to(folder).parts)
        wanted = path.suffix in (*YAML_SUFFIXES, ".py") and path.is_file()
        if wanted and not hidden and path.resolve() not in covered:
            reports += check_file(path)
    return reports


def check_paths(paths: Iterable[Path]) -> list[Report]:
    reports: list[Report] = []
    for path in paths:
        if path.is_dir():
            reports += check_folder(path)
        elif path.exists():
            reports += check_file(path)
        else:
            reports.append(Report(str(path), [problem(1, 1, "file.missing")]))
    return reports
