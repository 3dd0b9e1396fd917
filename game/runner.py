"""Runs a program on a level: the interpreter's effects answered against the world.

The runner owns the budgets (levels.md): block palette and limit before running,
`max_steps` actions, `10 * max_steps` evaluations and the call depth while running. It
records a trace of frames that the game replays; drawing never changes state.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

from blocks.interpreter import Act, Ask, interpret
from blocks.program import Program, block_count, blocks_used
from game.levels import Level
from game.world.board import Board, State
from game.world.outcome import Frame, Outcome, Status
from game.world.rules import act, goals_met, sense


@dataclass(frozen=True, slots=True)
class Result:
    """A run over every board (variant) of a level: success only if every board succeeds."""

    outcomes: tuple[Outcome, ...]

    @property
    def status(self) -> Status:
        return self.first.status

    @property
    def deciding(self) -> int:
        """Which board decides the status: the first that failed, else the first."""
        for index, outcome in enumerate(self.outcomes):
            if outcome.status != "success":
                return index
        return 0

    @property
    def first(self) -> Outcome:
        """The outcome of the deciding board."""
        return self.outcomes[self.deciding]


def stars_for(level: Level, blocks: int) -> int:
    """3 stars within the first threshold, 2 within the second, else 1 (levels.md `stars`)."""
    if level.stars is None:
        return 3
    best, good = level.stars
    return 3 if blocks <= best else 2 if blocks <= good else 1


def refusal(level: Level, program: Program) -> Status | None:
    """Why a program may not run at all on this level, checked before running."""
    if not blocks_used(program) <= frozenset(level.blocks):
        return "block_not_allowed"
    if level.max_blocks is not None and block_count(program) > level.max_blocks:
        return "too_many_blocks"
    return None


def run(level: Level, program: Program, record: bool = True) -> Result:
    """Run `program` on every board of `level`."""
    return Result(tuple(run_board(level, board, program, record) for board in level.boards))


def run_board(level: Level, board: Board, program: Program, record: bool = True) -> Outcome:
    """Run `program` on one board; `record=False` keeps only the first and last frames."""
    blocks = block_count(program)
    start = Frame(0, -1, "", board.start)
    refused = refusal(level, program)
    if refused is not None:
        return Outcome(refused, 0, blocks, 0, board.start, -1, (start,))
    trace = [start]
    with _collector_paused():
        status, steps, state, block_id = _play(level, board, program, trace if record else None)
    stars = stars_for(level, blocks) if status == "success" else 0
    final = tuple(trace) if record else (start, Frame(steps, block_id, "", state, status))
    return Outcome(status, steps, blocks, stars, state, block_id, final)


@contextmanager
def _collector_paused() -> Iterator[None]:
    """Pause Python's cycle collector for the length of a run.

    A run allocates one frame and one state per action, up to a million, and keeps them
    all in the trace; the collector would walk that growing trace again and again (a
    third of a long run's time) looking for reference cycles that a run never makes.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def _play(
    level: Level, board: Board, program: Program, trace: list[Frame] | None
) -> tuple[Status, int, State, int]:
    """The run itself: status, steps, final state and the block that ended it (or -1).

    This loop runs once per effect, up to millions of times, so it keeps to local names
    and does little beyond what a plain loop over the world's rules would also do: talk
    to the interpreter and record frames (built as `Frame._make` does, without the
    keyword-handling constructor).
    """
    state = board.start
    steps = 0
    max_steps = level.max_steps
    goals = level.goals
    execution = interpret(program, max_evals=10 * max_steps)
    send = execution.send
    new = tuple.__new__
    answer: bool | None = None
    try:
        while True:
            effect = send(answer)
            if type(effect) is Act:
                answer = None
                if steps == max_steps:
                    return "out_of_steps", steps, state, effect.block_id
                name = effect.name
                state, failure = act(board, state, name)
                steps += 1
                if failure is None and not goals_met(board, goals, state):
                    if trace is not None:
                        trace.append(new(Frame, (steps, effect.block_id, name, state, None)))
                    continue
                status: Status = failure or "success"
                if trace is not None:
                    trace.append(Frame(steps, effect.block_id, name, state, status))
                return status, steps, state, effect.block_id
            if type(effect) is Ask:
                answer = sense(board, state, effect.sensor)
            else:
                return "out_of_steps", steps, state, effect.block_id
    except StopIteration:
        return "incomplete", steps, state, -1
    finally:
        execution.close()
