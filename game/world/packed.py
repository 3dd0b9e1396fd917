"""One board's rules on states packed into single integers, for searches over many states.

`game.world.rules` is the one truth, written for clarity; a search visits millions of
states, where building `State` tuples and frozensets dominates. Here a state is one int:

    bits 0-1      facing
    next p bits   robot cell (the board's padded cell number)
    next g bits   gems still lying, one bit per gem of the map
    next c bits   crates, one bit per cell a crate can ever stand on

and every action is a few table look-ups and additions. A live state is never 0 (the
robot never stands on cell 0, a corner of the wall ring), so 0 can mean "goals met, this
board's run has ended in success"; -1 means the action ends the run in failure.
`tests/test_world.py` checks these rules against `game.world.rules` on random boards.

Searches may also drop moves that cannot be part of any solution. With `prune`, when
`crates_on_targets` is a goal and there are as many crates as targets (so every crate
must end on one), pushing a crate onto a cell from which no push can ever bring it to a
target (a corner, say) counts as failing.
"""

from __future__ import annotations

from collections.abc import Callable

from game.world.board import Board, State
from game.world.rules import Goal
from game.world.tiles import Ground, crate_can_enter, walkable

DONE = 0
FAILED = -1

Step = Callable[[int], int]


class PackedBoard:
    """A board and its goals as integer tables; `step(name)` gives one action's function."""

    def __init__(self, board: Board, goals: tuple[Goal, ...], prune: bool = False) -> None:
        self.board = board
        cells = len(board.ground)
        self.cell_bits = cells.bit_length()
        self.place_mask = (1 << (2 + self.cell_bits)) - 1
        self.places = 4 * cells
        gem_cells = sorted(board.start.gems)
        base = 2 + self.cell_bits
        self.gem_bit = [0] * cells
        for i, cell in enumerate(gem_cells):
            self.gem_bit[cell] = 1 << (base + i)
        base += len(gem_cells)
        self.crate_bit = [0] * cells
        crate_cells = [
            cell
            for cell in range(cells)
            if crate_can_enter(board.ground[cell]) or cell in board.start.crates
        ]
        for i, cell in enumerate(crate_cells):
            self.crate_bit[cell] = 1 << (base + i)
        self.bits = base + len(crate_cells)
        self.gem_mask = sum(self.gem_bit)
        self._goals(board, goals)
        every_crate_home = len(board.start.crates) == len(board.targets)
        self._moves(board, prune and "crates_on_targets" in goals and every_crate_home)

    def _goals(self, board: Board, goals: tuple[Goal, ...]) -> None:
        """Goals met iff the robot's cell is allowed and `state & need_mask == need_value`."""
        self.need_mask = 0
        self.need_value = 0
        if "collect_gems" in goals:
            self.need_mask |= self.gem_mask
        if "crates_on_targets" in goals:
            on_targets = sum(self.crate_bit[cell] for cell in board.targets)
            self.need_mask |= on_targets
            self.need_value |= on_targets
        cells = range(len(board.ground))
        at_flag = [("reach_goal" not in goals) or cell in board.flags for cell in cells]
        self.goal_place = [at_flag[place >> 2] for place in range(self.places)]

    def _moves(self, board: Board, prune: bool) -> None:
        """For each place (cell << 2 | facing): the turns, and where forward leads with the
        crate bits of the cells ahead and beyond (None where forward always fails)."""
        size = self.places
        self.turned_left = [(p & ~3) | ((p + 3) & 3) for p in range(size)]
        self.turned_right = [(p & ~3) | ((p + 1) & 3) for p in range(size)]
        dead = _dead_cells(board) if prune else frozenset()
        self.ahead: list[tuple[int, int, int, int] | None] = [None] * size
        for place in range(size):
            cell, facing = divmod(place, 4)
            step = board.delta(facing)
            ahead = cell + step
            if not 0 <= ahead < len(board.ground) or board.ground[cell] is Ground.WALL:
                continue
            if board.ground[ahead] in (Ground.WALL, Ground.WATER):
                continue
            beyond = ahead + step
            crate_there = 0
            gem_there = 0
            if 0 <= beyond < len(board.ground) and beyond not in dead:
                crate_there = self.crate_bit[beyond]
                gem_there = self.gem_bit[beyond]
            self.ahead[place] = (ahead << 2 | facing, self.crate_bit[ahead], crate_there, gem_there)

    def pack(self, state: State) -> int:
        packed = state.facing | state.pos << 2
        for cell in state.gems:
            packed |= self.gem_bit[cell]
        for cell in state.crates:
            packed |= self.crate_bit[cell]
        return packed

    def unpack(self, packed: int) -> State:
        cells = range(len(self.board.ground))
        return State(
            (packed & self.place_mask) >> 2,
            packed & 3,
            frozenset(c for c in cells if packed & self.gem_bit[c]),
            frozenset(c for c in cells if packed & self.crate_bit[c]),
        )

    def step(self, action: str) -> Step:
        """The function doing `action` on a live packed state: the next state, DONE or FAILED."""
        steps: dict[str, Step] = {
            "forward": self.forward,
            "turn_left": self.turn_left,
            "turn_right": self.turn_right,
            "pick_up": self.pick_up,
        }
        return steps[action]

    def may_work(self, action: str, place: int) -> bool:
        """Whether `action` can succeed from this place (cell << 2 | facing) in some state:
        a search need not even try forward into a wall, or pick_up away from every gem."""
        if action == "forward":
            return self.ahead[place] is not None
        if action == "pick_up":
            return self.gem_bit[place >> 2] != 0
        return True

    def finish(self, packed: int) -> int:
        """DONE when the goals are met, else the state itself."""
        if self.goal_place[packed & self.place_mask] and (
            packed & self.need_mask == self.need_value
        ):
            return DONE
        return packed

    def forward(self, packed: int) -> int:
        place = packed & self.place_mask
        move = self.ahead[place]
        if move is None:
            return FAILED
        new_place, crate_ahead, crate_there, gem_there = move
        if packed & crate_ahead:
            if not crate_there or packed & (crate_there | gem_there):
                return FAILED
            packed += crate_there - crate_ahead
        return self.finish(packed - place + new_place)

    def turn_left(self, packed: int) -> int:
        """Turning changes no goal, and a live state's goals are unmet: no check needed."""
        place = packed & self.place_mask
        return packed - place + self.turned_left[place]

    def turn_right(self, packed: int) -> int:
        place = packed & self.place_mask
        return packed - place + self.turned_right[place]

    def pick_up(self, packed: int) -> int:
        gem = self.gem_bit[(packed & self.place_mask) >> 2]
        if not packed & gem:
            return FAILED
        return self.finish(packed - gem)


def _dead_cells(board: Board) -> frozenset[int]:
    """Cells a crate can stand on but never leave for a target, whatever the robot does.

    Found backwards from the targets: a crate reaches cell c from c - d when pushed in
    direction d, which needs the robot on c - 2d. Other crates and gems are ignored (they
    can only block more pushes), so every cell left out is surely a dead end for a crate.
    """
    ground = board.ground
    live = set(board.targets)
    queue = list(live)
    while queue:
        cell = queue.pop()
        for facing in range(4):
            step = board.delta(facing)
            before = cell - step
            if before in live or not crate_can_enter(ground[before]):
                continue
            if walkable(ground[before - step]):
                live.add(before)
                queue.append(before)
    return frozenset(c for c, g in enumerate(ground) if crate_can_enter(g) and c not in live)
