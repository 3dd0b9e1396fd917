"""What the learning robot can know of one map: every state it can reach, numbered, and
what each action does from each of them.

A state is the robot's cell and heading, the gems still lying and the crates' cells
(game.world.board.State). Starting from the map's start, a breadth-first walk with the
level's actions (the same `rules.act` the runner and the solver use) finds every reachable
state and numbers it, so the agent's observation is one small integer (a Gymnasium
`Discrete` space). The walk also records, for every (state, action), the next state, how
the try ends, whether a gem was picked up and which cell was entered. These tables are
computed once; training then only looks things up, which is where its speed comes from.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
import numpy.typing as npt

from game.world.board import Board, State
from game.world.rules import Goal, act, goals_met
from game.world.tiles import Ground

# How one action ends the try (an index into ENDINGS); 0 means the try goes on.
ENDINGS: tuple[str | None, ...] = (None, "success", "crashed", "fell", "no_gem")
GO_ON, SUCCESS = 0, 1
ENDING_CODES: dict[str, int] = {name: code for code, name in enumerate(ENDINGS) if name}
DEFAULT_STATE_LIMIT = 200_000
NO_CELL = -1

# A state written with map coordinates, comparable between maps of different widths.
PortableState = tuple[int, int, int, frozenset[tuple[int, int]], frozenset[tuple[int, int]]]


class Untrainable(Exception):
    """A map the table-based robot cannot learn; `key` names the message for the trainer."""

    def __init__(self, key: str, **params: object) -> None:
        super().__init__(key)
        self.key = key
        self.params = params


@dataclass(frozen=True)
class StateSpace:
    """The numbered states of one map and the effect of each action from each state.

    Tables are indexed [state, action]: `next_state`, `ending` (a code of ENDINGS),
    `picked` (a gem was picked up) and `entered` (the map cell, y * width + x, the robot
    stepped into, or NO_CELL). States are indexed [state]: `cell`, `facing`, `terminal`
    (a try that reaches it has ended: goals met, or in the water). State 0 is the start.
    """

    board: Board
    actions: tuple[str, ...]
    states: tuple[State, ...]
    next_state: npt.NDArray[np.int32]
    ending: npt.NDArray[np.int8]
    picked: npt.NDArray[np.bool_]
    entered: npt.NDArray[np.int32]
    cell: npt.NDArray[np.int32]
    facing: npt.NDArray[np.int8]
    terminal: npt.NDArray[np.bool_]
    _by_key: dict[PortableState, int] = field(default_factory=dict, repr=False, compare=False)

    @property
    def size(self) -> int:
        return len(self.states)

    def index_of(self, board: Board, state: State) -> int | None:
        """The number of `state` on `board` as this map knows it, or None if it never saw it.

        `board` may be another map (a level's variant): the robot recognises a situation
        only by coordinates, heading, gems and crates, never by the walls around it.
        """
        if not self._by_key:
            self._by_key.update(
                (portable(self.board, known), number) for number, known in enumerate(self.states)
            )
        return self._by_key.get(portable(board, state))


def portable(board: Board, state: State) -> PortableState:
    """`state` with map coordinates instead of padded cell numbers."""
    x, y = board.xy(state.pos)
    gems = frozenset(board.xy(pos) for pos in state.gems)
    crates = frozenset(board.xy(pos) for pos in state.crates)
    return x, y, state.facing, gems, crates


def map_cell(board: Board, pos: int) -> int:
    x, y = board.xy(pos)
    return y * board.width + x


def explore(
    board: Board,
    goals: tuple[Goal, ...],
    actions: tuple[str, ...],
    limit: int = DEFAULT_STATE_LIMIT,
) -> StateSpace:
    """Number every state reachable from the start and tabulate every action's effect."""
    if not actions:
        raise Untrainable("ai.no_actions")
    index: dict[State, int] = {board.start: 0}
    states: list[State] = [board.start]
    terminal: list[bool] = [False]
    rows: list[tuple[int, int, bool, int]] = []
    for number, state in enumerate(states):
        for action in actions:
            if terminal[number]:
                rows.append((number, _terminal_ending(board, goals, state), False, NO_CELL))
                continue
            after, failure = act(board, state, action)
            if after not in index:
                if len(states) >= limit:
                    raise Untrainable("ai.too_many_states", limit=limit)
                index[after] = len(states)
                states.append(after)
                terminal.append(failure == "fell" or goals_met(board, goals, after))
            rows.append(_row(board, goals, state, after, failure, index[after]))
    return _tables(board, actions, states, terminal, rows)


def _row(
    board: Board,
    goals: tuple[Goal, ...],
    state: State,
    after: State,
    failure: str | None,
    number: int,
) -> tuple[int, int, bool, int]:
    """(next state, ending code, picked a gem, entered cell) for one action."""
    if failure is not None:
        ending = ENDING_CODES[failure]
    else:
        ending = SUCCESS if goals_met(board, goals, after) else GO_ON
    picked = len(after.gems) < len(state.gems)
    entered = map_cell(board, after.pos) if after.pos != state.pos else NO_CELL
    return number, ending, picked, entered


def _terminal_ending(board: Board, goals: tuple[Goal, ...], state: State) -> int:
    """A terminal state repeats how it was reached, so stepping on from it still ends."""
    if board.ground[state.pos] is Ground.WATER:
        return ENDING_CODES["fell"]
    return SUCCESS


def _tables(
    board: Board,
    actions: tuple[str, ...],
    states: list[State],
    terminal: list[bool],
    rows: list[tuple[int, int, bool, int]],
) -> StateSpace:
    shape = (len(states), len(actions))
    columns = list(zip(*rows, strict=True)) if rows else [(), (), (), ()]
    return StateSpace(
        board=board,
        actions=actions,
        states=tuple(states),
        next_state=np.array(columns[0], dtype=np.int32).reshape(shape),
        ending=np.array(columns[1], dtype=np.int8).reshape(shape),
        picked=np.array(columns[2], dtype=np.bool_).reshape(shape),
        entered=np.array(columns[3], dtype=np.int32).reshape(shape),
        cell=np.array([map_cell(board, s.pos) for s in states], dtype=np.int32),
        facing=np.array([s.facing for s in states], dtype=np.int8),
        terminal=np.array(terminal, dtype=np.bool_),
    )
