"""Runs a program on a level: the interpreter's effects answered against the world.

The runner owns the budgets (levels.md): block palette and limit before running,
`max_steps` actions, `10 * max_steps` evaluations and the call depth while running. It
records a trace of frames that the game replays; drawing never changes state.
"""

from __future__ import annotations

from dataclasses import dataclass

from blocks.interpreter import Act, Ask, interpret
from blocks.program import Program, block_count, blocks_used
from game.levels import Level
from game.world.board import Board
from game.world.outcome import Frame, Outcome, Status
from game.world.rules import act, goals_met, sense


@dataclass(frozen=True, slots=True)
class Result:
    """A run over every board (variant) of a level: success only if every board succeeds."""

    outcomes: tuple[Outcome, ...]

    @property
    def status(self) -> Status:
        for outcome in self.outcomes:
            if outcome.status != "success":
                return outcome.status
        return "success"

    @property
    def first(self) -> Outcome:
        """The outcome that decides the status: the first failure, else the first board."""
        for outcome in self.outcomes:
            if outcome.status != "success":
                return outcome
        return self.outcomes[0]


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
    blocks = block_count(program)
    state = board.start
    start = Frame(0, -1, "", state)
    refused = refusal(level, program)
    if refused is not None:
        return Outcome(refused, 0, blocks, 0, state, -1, (start,))
    trace = [start]
    steps = 0
    max_steps = level.max_steps
    goals = level.goals
    execution = interpret(program, max_evals=10 * max_steps)
    answer: bool | None = None
    status: Status = "incomplete"
    block_id = -1
    try:
        while True:
            effect = execution.send(answer)
            answer = None
            block_id = effect.block_id
            if type(effect) is Ask:
                answer = sense(board, state, effect.sensor)
                continue
            if type(effect) is not Act or steps == max_steps:
                status = "out_of_steps"
                break
            state, failure = act(board, state, effect.name)
            steps += 1
            if failure is not None:
                status = failure
            elif goals_met(board, goals, state):
                status = "success"
            else:
                if record:
                    trace.append(Frame(steps, block_id, effect.name, state))
                continue
            if record:
                trace.append(Frame(steps, block_id, effect.name, state, status))
            break
    except StopIteration:
        block_id = -1
    finally:
        execution.close()
    stars = stars_for(level, blocks) if status == "success" else 0
    final = tuple(trace) if record else (start, Frame(steps, block_id, "", state, status))
    return Outcome(status, steps, blocks, stars, state, block_id, final)
