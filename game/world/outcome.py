"""How a run ends, and the trace it leaves for animation, highlighting and step-back."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal, NamedTuple, get_args

from game.world.board import Board, State
from game.world.tiles import FACINGS

Status = Literal[
    "success",
    "crashed",
    "fell",
    "no_gem",
    "incomplete",
    "out_of_steps",
    "block_not_allowed",
    "too_many_blocks",
]
STATUSES: tuple[Status, ...] = get_args(Status)


class Frame(NamedTuple):
    """The world after one action; frame 0 is the start (block_id -1, no action).

    A named tuple rather than a dataclass: a run records one per action, up to a million,
    and a tuple is built several times faster.
    """

    step: int
    block_id: int
    action: str
    state: State
    status: Status | None = None


@dataclass(frozen=True, slots=True)
class Outcome:
    """One run on one board. `block_id` is the block that ended it, or -1."""

    status: Status
    steps: int
    blocks: int
    stars: int
    state: State
    block_id: int
    trace: tuple[Frame, ...]


def robot_json(board: Board, state: State) -> dict[str, object]:
    x, y = board.xy(state.pos)
    return {"x": x, "y": y, "facing": FACINGS[state.facing]}
