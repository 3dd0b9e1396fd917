"""The smallest-program search: sizes known by hand, honesty about what was proved."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import event, given, settings
from hypothesis import strategies as st

import game.program_search
from blocks.catalogue import ACTIONS, SENSORS
from blocks.program import (
    Action,
    Call,
    Cond,
    Define,
    If,
    Program,
    Repeat,
    Statement,
    While,
    block_count,
)
from game.levels import Level
from game.program_search import smallest_program
from game.runner import run
from game.validate import star_problems
from tests.conftest import make_level
from tests.test_properties_run import statements

ROOT = Path(__file__).resolve().parent.parent
EVERYTHING = "[forward, turn_left, turn_right, pick_up, repeat, while, until, if, if_else]"


def test_corridor_of_eight_is_one_repeat_of_forward() -> None:
    level = make_level(
        """
        ##########
        #>.......F#
        ##########
        """,
        blocks="[forward, turn_left, repeat]",
    )
    found = smallest_program(level)
    assert found.proved and found.blocks == 2
    assert found.program is not None
    assert found.program.statements == (Repeat(8, found.program.statements[0].body),)
    assert found.ruled_out == 1


def test_without_loops_the_smallest_program_is_the_shortest_walk() -> None:
    level = make_level(
        """
        #####
        #>.F#
        #####
        """,
        blocks="[forward, turn_left]",
    )
    found = smallest_program(level)
    assert found.proved and found.blocks == 2


def test_actions_alone_that_cannot_solve_every_map_end_with_the_budget() -> None:
    # The two maps turn opposite ways and the palette has no question to ask: no program
    # solves both. The search must still stop when its time is up, and claim no program.
    level = make_level(
        """
        #####
        #>.##
        ##.##
        ##F##
        #####
        """,
        blocks="[forward, turn_left, turn_right]",
        extra="""variants:
  - |
    #####
    ##.<#
    ##.##
    ##F##
    #####
""",
    )
    found = smallest_program(level, budget=1.0)
    assert found.program is None and not found.proved
    assert found.seconds < 3.0


def test_variants_need_a_loop_with_a_question() -> None:
    # Three corridors turning at different places: no fixed sequence of actions solves all
    # three, so the program must ask where the path goes.
    level = make_level(
        """
        #######
        #>..###
        ###.###
        ###F###
        #######
        """,
        blocks="[forward, turn_left, turn_right, until, if_else]",
        extra="""variants:
  - |
    #######
    #>.####
    ##.####
    ##.####
    ##F####
    #######
  - |
    #######
    #>....#
    #####.#
    #####F#
    #######
""",
    )
    found = smallest_program(level)
    assert found.proved
    assert found.program is not None
    # until at_goal: if path_ahead: forward else: turn_right  -- nothing smaller works.
    assert found.blocks == 4
    assert run(level, found.program, record=False).status == "success"


def test_a_level_no_program_can_solve_is_proved_unsolvable() -> None:
    level = make_level(
        """
        #####
        #>#F#
        #####
        """,
        blocks=EVERYTHING,
    )
    found = smallest_program(level)
    assert found.program is None and found.proved


def test_running_out_of_time_claims_nothing_beyond_what_was_checked() -> None:
    level = make_level(
        """
        ###########
        #>.*.#.*..#
        #.###.#.#.#
        #*..*...#*#
        #.#.#####.#
        #...*..*.F#
        ###########
        """,
        goals="[collect_gems, reach_goal]",
        blocks=EVERYTHING,
    )
    found = smallest_program(level, budget=0.3)
    assert found.program is None
    assert not found.proved
    assert found.reason == "budget"
    # What was ruled out stays ruled out with more time.
    longer = smallest_program(level, budget=3)
    assert longer.ruled_out >= found.ruled_out
    assert longer.blocks is None or longer.blocks > found.ruled_out


def test_the_program_found_counts_its_blocks() -> None:
    level = make_level(
        """
        ######
        #>.*F#
        ######
        """,
        goals="[collect_gems, reach_goal]",
        blocks=EVERYTHING,
    )
    found = smallest_program(level)
    assert found.program is not None
    assert block_count(found.program) == found.blocks == 4


def test_solve_blocks_json_reports_the_program_and_what_is_proved(tmp_path: Path) -> None:
    level = tmp_path / "corridor.yaml"
    level.write_text(
        "format: 1\nid: c\ntitle: C\nmap: |\n  #######\n  #>....F#\n  #######\n"
        "goals: [reach_goal]\nblocks: [forward, repeat]\n",
        encoding="utf-8",
    )
    done = subprocess.run(
        [sys.executable, str(ROOT / "main.py"), "solve", str(level), "--blocks", "--json"],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    out = json.loads(done.stdout)
    assert out["steps"] == 5
    assert out["program"] == {"blocks": 2, "program": [{"repeat": 5, "do": ["forward"]}]}
    assert out["proved"] is True
    assert out["ruled_out_up_to"] == 1
    assert out["budget_seconds"] == 10.0


def test_solve_blocks_prints_the_budget_and_says_when_it_ran_out(tmp_path: Path) -> None:
    level = tmp_path / "gems.yaml"
    level.write_text(
        "format: 1\nid: g\ntitle: G\nmap: |\n"
        "  #########\n  #>*.*.*.#\n  #.#.#.#*#\n  #*.*.*.F#\n  #########\n"
        "goals: [collect_gems, reach_goal]\n"
        f"blocks: {EVERYTHING}\n",
        encoding="utf-8",
    )
    args = ["solve", str(level), "--blocks", "--budget", "0.2", "--lang", "en"]
    done = subprocess.run(
        [sys.executable, str(ROOT / "main.py"), *args], capture_output=True, text=True, timeout=120
    )
    assert "of a 0.2 s budget" in done.stderr
    assert "no program found within the budget" in done.stdout
    done = subprocess.run(
        [sys.executable, str(ROOT / "main.py"), *args, "--json"],
        capture_output=True,
        text=True,
        timeout=120,
    )
    out = json.loads(done.stdout)
    assert out["program"] is None and out["proved"] is False
    assert out["budget_seconds"] == 0.2


def test_validate_warns_when_three_stars_or_max_blocks_are_out_of_reach(tmp_path: Path) -> None:
    level = tmp_path / "corridor.yaml"
    level.write_text(
        "format: 1\nid: c\ntitle: C\nmap: |\n  #######\n  #>....F#\n  #######\n"
        "goals: [reach_goal]\nblocks: [forward, turn_left, repeat]\n"
        "max_blocks: 1\nstars: [1, 4]\n",
        encoding="utf-8",
    )
    done = subprocess.run(
        [sys.executable, str(ROOT / "main.py"), "validate", "--lang", "en", str(level)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr  # warnings only: the level still plays
    assert (
        f"{level}:10:13: warning: max_blocks is 1, but the smallest program that solves "
        "this level has 2 blocks" in done.stderr
    )
    assert f"{level}:11:8: warning: 3 stars need at most 1 blocks" in done.stderr


def test_reachable_stars_and_max_blocks_raise_no_warning() -> None:
    level = make_level(
        """
        #######
        #>....F#
        #######
        """,
        blocks="[forward, repeat]",
        extra="max_blocks: 2\nstars: [2, 3]\n",
    )
    assert star_problems(level) == []


# Tiny levels with every block but `function`, where the search is quick and random or
# exhaustive programs often succeed: they check that pruning never loses a smaller program.
TINY = {
    "corridor": ("#####\n#>.F#\n#####", "[reach_goal]", ""),
    "corner": ("####\n#>.#\n##F#\n####", "[reach_goal]", ""),
    "gems": ("#####\n#>**#\n#####", "[collect_gems]", ""),
    "colours": ("#####\n#>r.#\n##.##\n##F##\n#####", "[reach_goal]", ""),
    "two-maps": (
        "#####\n#>.F#\n#####",
        "[reach_goal]",
        "variants:\n  - |\n    ####\n    #>.#\n    ##F#\n    ####\n",
    ),
}
FULL = "[forward, turn_left, turn_right, pick_up, repeat, while, until, if, if_else]"


def tiny(name: str) -> Level:
    rows, goals, extra = TINY[name]
    return make_level(rows, goals=goals, blocks=FULL, extra=f"max_steps: 8\n{extra}")


# Random trees of loops and branches over the actions (no functions: the tiny levels'
# palette has none), from the run properties' generator.
ACTION_TREES = statements(st.sampled_from(ACTIONS).map(Action))
SMALLEST = {name: smallest_program(tiny(name), budget=60) for name in TINY}
CONDITIONS = [Cond(s.name, negated) for s in SENSORS for negated in (False, True)]


def _lists(size: int, singles: dict[int, list[Statement]]) -> list[tuple[Statement, ...]]:
    """Every list of statements of exactly `size` blocks, no empty body anywhere."""
    if size == 0:
        return [()]
    return [
        (first, *rest)
        for head in range(1, size + 1)
        for first in singles[head]
        for rest in _lists(size - head, singles)
    ]


def _singles(largest: int) -> dict[int, list[Statement]]:
    """Every statement of 1..largest blocks: repeat counts 1..41 cover every count on a
    level of 8 steps (a round costs at least two evaluations out of 80)."""
    singles: dict[int, list[Statement]] = {1: [Action(a) for a in ACTIONS]}
    for size in range(2, largest + 1):
        bodies = _lists(size - 1, singles)
        found: list[Statement] = [Repeat(n, b) for b in bodies for n in range(1, 42)]
        found += [While(c, b) for b in bodies for c in CONDITIONS]
        found += [If(c, b) for b in bodies for c in CONDITIONS]
        found += [
            If(c, yes, no)
            for split in range(1, size - 1)
            for yes in _lists(split, singles)
            for no in _lists(size - 1 - split, singles)
            for c in CONDITIONS
        ]
        singles[size] = found
    return singles


@pytest.mark.parametrize("name", sorted(TINY))
def test_no_program_of_three_blocks_or_fewer_beats_the_search(name: str) -> None:
    level = tiny(name)
    found = SMALLEST[name]
    assert found.proved and found.blocks is not None
    singles = _singles(min(3, found.blocks - 1))
    for size in range(1, min(3, found.blocks - 1) + 1):
        for body in _lists(size, singles):
            result = run(level, Program(body), record=False)
            assert result.status != "success", (name, body)


@settings(max_examples=1500, deadline=None, derandomize=True)
@given(st.sampled_from(sorted(TINY)), st.lists(ACTION_TREES, min_size=1, max_size=4))
def test_every_successful_program_is_at_least_as_big_as_the_smallest(
    name: str, body: list[Statement]
) -> None:
    program = Program(tuple(body))
    if run(tiny(name), program, record=False).status != "success":
        return
    event("successful")
    found = SMALLEST[name]
    assert found.blocks is not None
    assert found.blocks <= block_count(program)


def test_a_function_calling_itself_climbs_the_stairs() -> None:
    # forward, turn left, forward, turn right, four times: 16 actions, or 9 blocks with a
    # function called four times, or 7 with a function that calls itself until the flag.
    level = make_level(
        """
        #######
        #####F#
        ####..#
        ###..##
        ##..###
        #>.####
        #######
        """,
        blocks="[forward, turn_left, turn_right, function]",
    )
    found = smallest_program(level)
    assert found.proved and found.blocks == 7
    assert found.program is not None
    define = next(s for s in found.program.statements if isinstance(s, Define))
    assert Call(define.name) in define.body
    assert run(level, found.program, record=False).status == "success"


def test_a_solution_within_the_limits_answers_the_star_check_without_searching(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    def no_search(level: Level, budget: float = 0) -> object:
        raise AssertionError("the solution already shows 3 stars can be earned")

    level = make_level(
        """
        #######
        #>....F#
        #######
        """,
        blocks="[forward, repeat]",
        extra="stars: [2, 3]\nmax_blocks: 4\nsolution:\n  - repeat: 5\n    do: [forward]\n",
    )
    monkeypatch.setattr(game.program_search, "smallest_program", no_search)
    assert star_problems(level) == []


def test_a_threshold_below_the_solution_is_still_searched() -> None:
    level = make_level(
        """
        #######
        #>....F#
        #######
        """,
        blocks="[forward, repeat]",
        extra="stars: [1, 3]\nsolution:\n  - repeat: 5\n    do: [forward]\n",
    )
    assert [p.code for p in star_problems(level)] == ["search.stars_impossible_smallest"]
