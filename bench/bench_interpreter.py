"""Interpreter throughput: a loop-heavy program through `game.runner`, trace recorded, against
the same program written as plain Python loops calling the world's rules directly.

Target: the runner reaches at least half the plain loops' speed.
"""

from __future__ import annotations

from pathlib import Path

from bench.timing import Result, paired
from blocks.parse import load_program
from game.levels import Level, read_level
from game.runner import run as run_program
from game.world.board import Board, State
from game.world.rules import Goal, act, goals_met

HERE = Path(__file__).resolve().parent
ACTIONS = 99 * 99 * 22


class Ended(Exception):
    """The plain version's run ended (it never should here: the laps avoid the flag)."""


def step(board: Board, goals: tuple[Goal, ...], state: State, name: str) -> State:
    state, failure = act(board, state, name)
    if failure is not None or goals_met(board, goals, state):
        raise Ended(name)
    return state


def plain_python(level: Level) -> int:
    """programs/laps.yaml by hand: the same actions, each checked for failure and goals."""
    board = level.boards[0]
    goals = level.goals
    state = board.start
    steps = 0
    for _ in range(99):
        for _ in range(99):
            for _ in range(4):
                for name in ("forward", "forward", "turn_right"):
                    state = step(board, goals, state, name)
            for _ in range(4):
                for name in ("forward", "turn_right"):
                    state = step(board, goals, state, name)
            for name in ("turn_left", "turn_right"):
                state = step(board, goals, state, name)
            steps += 22
    return steps


def run() -> list[Result]:
    level = read_level(HERE / "levels" / "laps.yaml").level
    assert level is not None
    program = load_program((HERE / "programs" / "laps.yaml").read_bytes())
    outcome = run_program(level, program).outcomes[0]
    assert (outcome.status, outcome.steps, len(outcome.trace)) == (
        "incomplete",
        ACTIONS,
        ACTIONS + 1,
    )
    assert plain_python(level) == ACTIONS
    timed = paired(lambda: run_program(level, program), lambda: plain_python(level), repeats=7)
    speed = 1 / timed.ratio
    return [
        Result(
            "interpreter",
            timed.seconds,
            f"plain Python loops over the rules, {ACTIONS:,} actions",
            timed.baseline_seconds,
            speed,
            f"x the plain loops' speed ({ACTIONS / timed.seconds:,.0f} actions/s with the trace)",
            ">= 0.5",
            speed >= 0.5,
        )
    ]
