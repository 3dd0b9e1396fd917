"""Solver: `solve` on a 16x16 maze with 6 gems, a crate to push onto its target and a flag.

The time per explored state is compared with the time of inserting as many integer keys
into a dict (with an integer value each, and a list append): the least a breadth-first
search must do per state. Target: the whole search in under 1 s.
"""

from __future__ import annotations

from pathlib import Path

from bench.timing import Result, paired
from game.levels import read_level
from game.solver import shortest

HERE = Path(__file__).resolve().parent


def dict_inserts(count: int) -> int:
    seen: dict[int, int] = {}
    order: list[int] = []
    for key in range(count):
        seen[key * 7919] = key
        order.append(key)
    return len(seen)


def run() -> list[Result]:
    level = read_level(HERE / "levels" / "maze-16.yaml").level
    assert level is not None
    search = shortest(level)
    assert search.complete and search.actions is not None
    states = search.explored
    timed = paired(lambda: shortest(level), lambda: dict_inserts(states), repeats=5)
    solve = timed.seconds
    per_state = solve / states
    return [
        Result(
            "solver",
            solve,
            f"{states:,} dict inserts",
            timed.baseline_seconds,
            timed.ratio,
            f"x a dict insert per explored state ({states:,} states, "
            f"{per_state * 1e6:.2f} us each; shortest: {len(search.actions)} actions)",
            "< 1 s",
            solve < 1.0,
        )
    ]
