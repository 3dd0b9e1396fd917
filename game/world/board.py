"""A board: the fixed ground of one map and the robot's, gems' and crates' starting places.

Cells are numbered on a grid padded with one ring of wall, so a step off the map lands on
wall without bounds checks, and a move is a single addition.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import NamedTuple

from game.world.tiles import FACING_OF_ARROW, MAP_CHARS, Ground, Item


class State(NamedTuple):
    """Everything that changes during a run; immutable so the trace can share it."""

    pos: int
    facing: int
    gems: frozenset[int]
    crates: frozenset[int]


@dataclass(frozen=True, slots=True)
class Board:
    width: int
    height: int
    stride: int
    ground: tuple[Ground, ...]
    start: State
    flags: frozenset[int]
    targets: frozenset[int]

    def cell(self, x: int, y: int) -> int:
        return (y + 1) * self.stride + (x + 1)

    def xy(self, pos: int) -> tuple[int, int]:
        y, x = divmod(pos, self.stride)
        return x - 1, y - 1

    def delta(self, facing: int) -> int:
        """How a cell number changes for one step north, east, south or west."""
        return (-self.stride, 1, self.stride, -1)[facing]

    def cells(self) -> list[tuple[int, int, Ground]]:
        """Every map cell as (x, y, ground), row by row."""
        return [
            (x, y, self.ground[self.cell(x, y)])
            for y in range(self.height)
            for x in range(self.width)
        ]


def board_from_rows(rows: list[str]) -> Board:
    """Build a board from map rows already checked by the level validator."""
    width = max((len(row) for row in rows), default=0)
    height = len(rows)
    stride = width + 2
    ground = [Ground.WALL] * (stride * (height + 2))
    gems: set[int] = set()
    crates: set[int] = set()
    targets: set[int] = set()
    start = State(0, 1, frozenset(), frozenset())
    flags: set[int] = set()
    for y, row in enumerate(rows):
        for x, char in enumerate(row):
            pos = (y + 1) * stride + (x + 1)
            kind, item = MAP_CHARS[char]
            ground[pos] = kind
            if item is Item.ROBOT:
                start = State(pos, FACING_OF_ARROW[char], frozenset(), frozenset())
            elif item is Item.GEM:
                gems.add(pos)
            elif item is Item.CRATE:
                crates.add(pos)
            if kind is Ground.FLAG:
                flags.add(pos)
            elif kind is Ground.TARGET:
                targets.add(pos)
    start = State(start.pos, start.facing, frozenset(gems), frozenset(crates))
    return Board(width, height, stride, tuple(ground), start, frozenset(flags), frozenset(targets))
