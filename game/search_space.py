"""Every situation a program can meet on a level, numbered, with what each block does there.

The smallest-program search (game.program_search) compares programs by what they do, not by
how they are written. A run only ever visits states that some sequence of the palette's
actions reaches from a board's start, so those states, numbered across all boards (the map
and its variants), are the whole world a program can see. On them, a piece of program is
exactly described by a behaviour: for every state, where it ends (a state, FAIL or SUCCESS),
with how many steps and evaluations it costs. Two pieces with the same behaviour can replace
each other anywhere, which is what lets the search keep one of them.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import numpy as np
import numpy.typing as npt

from blocks.catalogue import SENSORS
from blocks.program import Cond
from game.levels import Level
from game.world.board import Board, State
from game.world.rules import Goal, act, goals_met, sense

# Ends of a behaviour that are not states: the run failed (crashed, fell, no gem, out of
# steps or evaluations), or every goal was met (the run ended in success).
FAIL = -1
SUCCESS = -2

IntRows = npt.NDArray[np.int32]
Mask = npt.NDArray[np.bool_]


@dataclass(frozen=True)
class Behaviour:
    """Where a piece of program ends from each state, and what it costs there.

    Arrays have the shape (rows, states): a batch of behaviours at once. At FAIL the costs
    are 0, so equal behaviours are equal arrays.
    """

    nxt: IntRows
    steps: IntRows
    evals: IntRows

    def __len__(self) -> int:
        return int(self.nxt.shape[0])

    def take(self, rows: npt.NDArray[np.intp] | slice) -> Behaviour:
        return Behaviour(self.nxt[rows], self.steps[rows], self.evals[rows])

    def as_type(self, dtype: type[np.signedinteger[Any]]) -> Behaviour:
        """The same numbers in another integer type (tables are kept in the smallest)."""
        return Behaviour(
            self.nxt.astype(dtype, copy=False),
            self.steps.astype(dtype, copy=False),
            self.evals.astype(dtype, copy=False),
        )


@dataclass(frozen=True)
class Condition:
    """A sensor question whose answers differ from every other kept question's."""

    cond: Cond
    holds: Mask


@dataclass(frozen=True)
class Space:
    """The live states of every board of a level, and the palette's actions on them.

    `solvable` is False when some board cannot be solved by any sequence of actions
    within `max_steps`: then no program can solve the level. `straight` is, for a level
    with one map, the fewest actions that solve it: no smallest program is bigger.
    """

    size: int
    starts: tuple[int, ...]
    actions: dict[str, Behaviour]
    conditions: tuple[Condition, ...]
    max_steps: int
    max_evals: int
    solvable: bool = True
    straight: int | None = None

    @property
    def compact(self) -> type[np.signedinteger[Any]]:
        """The smallest integer type that holds every number of a kept table: states, and
        costs up to twice the budgets (a sum is made before it is capped)."""
        small = self.size < 2**15 and 2 * self.max_evals < 2**15
        return np.int16 if small else np.int32

    def identity(self) -> Behaviour:
        """The empty list of blocks: every state stays, nothing is spent."""
        nxt = np.arange(self.size, dtype=np.int32)[None, :]
        zeros = np.zeros((1, self.size), dtype=np.int32)
        return Behaviour(nxt, zeros, zeros.copy())


class TooManyStates(Exception):
    """The level has more reachable states than the search can tabulate."""


def build_space(
    level: Level,
    actions: tuple[str, ...],
    state_limit: int,
    tick: Callable[[], None] = lambda: None,
) -> Space:
    """Number every live state and tabulate each action on them.

    A state is live when some run can pass through it and still succeed: it is reached
    from the start in d actions, the goals can be met from it in e more, and d + e is
    within `max_steps`. Entering any other state dooms the run, so it counts as FAIL.
    """
    states: list[tuple[int, State]] = []
    moves: list[list[int]] = []
    starts: list[int] = []
    depth: list[int] = []
    for b in range(len(level.boards)):
        starts.append(len(states))
        _explore(level, b, actions, (state_limit, tick), states, moves, depth)
    table = np.array(moves, dtype=np.int32).reshape(len(states), len(actions))
    live = np.array(depth) + _distance_to_goals(table) <= level.max_steps
    # Old numbers to new; the last two slots catch FAIL (-1) and SUCCESS (-2) unchanged.
    renumber = np.full(len(states) + 2, FAIL, dtype=np.int32)
    renumber[np.flatnonzero(live)] = np.arange(int(live.sum()), dtype=np.int32)
    renumber[SUCCESS] = SUCCESS
    table = renumber[table[live]]
    kept = [state for state, keep in zip(states, live, strict=True) if keep]
    return Space(
        len(kept),
        tuple(int(renumber[s]) for s in starts),
        {name: _action_behaviour(table[:, i]) for i, name in enumerate(actions)},
        _conditions(level, kept, tick),
        level.max_steps,
        10 * level.max_steps,
        solvable=all(live[s] for s in starts),
        straight=int(_distance_to_goals(table)[0]) if len(starts) == 1 and live[0] else None,
    )


def _explore(
    level: Level,
    b: int,
    actions: tuple[str, ...],
    limits: tuple[int, Callable[[], None]],
    states: list[tuple[int, State]],
    moves: list[list[int]],
    depth: list[int],
) -> None:
    """Breadth-first from board b's start: append its states, their moves and depths.

    States are numbered in the order they are queued, so `moves` rows follow the numbers."""
    board = level.boards[b]
    base = len(states)
    index = {board.start: base}
    states.append((b, board.start))
    depth.append(0)
    queue = deque([base])
    limit, tick = limits
    bounds: dict[tuple[int, frozenset[int]], int] = {}

    def needed(state: State) -> int:
        """_still_needed, remembered: it depends only on the place and the gems left."""
        key = (state.pos, state.gems)
        if key not in bounds:
            bounds[key] = _still_needed(board, level.goals, state)
        return bounds[key]

    while queue:
        here = queue.popleft()
        if here % 4096 == 0:
            tick()
        state = states[here][1]
        row = []
        for name in actions:
            after, failure = act(board, state, name)
            if failure is not None:
                row.append(FAIL)
            elif goals_met(board, level.goals, after):
                row.append(SUCCESS)
            elif after in index:
                row.append(index[after])
            elif depth[here] + 1 + needed(after) > level.max_steps:
                row.append(FAIL)  # too few steps would be left to meet the goals from there
            else:
                if len(states) >= limit:
                    raise TooManyStates(limit)
                index[after] = len(states)
                states.append((b, after))
                depth.append(depth[here] + 1)
                queue.append(index[after])
                row.append(index[after])
        moves.append(row)


def _still_needed(board: Board, goals: tuple[Goal, ...], state: State) -> int:
    """A lower bound on the actions still needed to meet the goals from `state`: one
    pick-up per gem left, and at least one step forward per other cell the robot must
    still visit, and at least as many as the farthest of them is away along rows and
    columns."""
    x, y = board.xy(state.pos)
    visit: set[int] = set()
    picks = 0
    if "collect_gems" in goals:
        picks = len(state.gems)
        visit |= state.gems
    if "reach_goal" in goals:
        visit |= board.flags
    visit.discard(state.pos)
    far = max((abs(board.xy(p)[0] - x) + abs(board.xy(p)[1] - y) for p in visit), default=0)
    return max(1, picks + max(far, len(visit)))


def _distance_to_goals(table: IntRows) -> npt.NDArray[np.int64]:
    """The fewest actions from each state to meeting the goals (a huge number if none)."""
    far = np.int64(1 << 40)
    dist = np.full(len(table), far, dtype=np.int64)
    dist[(table == SUCCESS).any(axis=1)] = 1
    frontier = np.flatnonzero(dist == 1)
    d = 1
    while frontier.size:
        d += 1
        reaches = np.isin(table, frontier).any(axis=1) & (dist == far)
        dist[reaches] = d
        frontier = np.flatnonzero(reaches)
    return dist


def _action_behaviour(nxt: IntRows) -> Behaviour:
    cost = np.where(nxt == FAIL, 0, 1).astype(np.int32)
    return Behaviour(nxt[None, :].copy(), cost[None, :], cost[None, :].copy())


def _conditions(
    level: Level, states: list[tuple[int, State]], tick: Callable[[], None]
) -> tuple[Condition, ...]:
    """Each distinct answer table once; a question never true is dropped (it can never help:
    a loop on it never runs, a branch on it never runs)."""
    kept: list[Condition] = []
    seen: set[bytes] = set()
    for spec in SENSORS:
        tick()
        holds = np.array(
            [sense(level.boards[b], state, spec.name) for b, state in states], dtype=np.bool_
        )
        for cond, table in ((Cond(spec.name), holds), (Cond(spec.name, True), ~holds)):
            key = table.tobytes()
            if key not in seen and table.any():
                seen.add(key)
                kept.append(Condition(cond, table))
    return tuple(kept)
