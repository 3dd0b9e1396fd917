"""Families of program pieces, evaluated many at once on numbered states.

A family is a numbered set of pieces of the same size (block count) built one way: a table
of pieces already worked out, a first statement followed by a rest, a loop around bodies,
and so on. `at(rows, states)` answers, for many (piece, state) pairs at once with numpy,
where each piece ends from that state and at what cost; `statements(row)` rebuilds one
piece as blocks. Loops are run on the pairs that are still going, so a batch costs what
its pieces actually do.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import NamedTuple

import numpy as np
import numpy.typing as npt

from blocks.catalogue import REPEAT_MAX
from blocks.interpreter import MAX_CALL_DEPTH
from blocks.program import Action, Call, Cond, Define, If, Repeat, Statement, Until, While
from game.search_space import FAIL, Behaviour, Condition, Space

Index = npt.NDArray[np.int64]
Ints = npt.NDArray[np.int32]
FUNCTION = "f"  # the name of the function in programs found with `function`
COUNTS = REPEAT_MAX - 1  # repeat counts 2..REPEAT_MAX; a repeat of 1 is its body, one block less


class Ends(NamedTuple):
    """Flat results for a batch of (piece, state) pairs."""

    nxt: Ints
    steps: Ints
    evals: Ints


class Family:
    """A numbered set of pieces of `size` blocks; subclasses say how they are built."""

    size: int
    rows: int

    def at(self, rows: Index, states: Ints, ctx: Context) -> Ends:
        raise NotImplementedError

    def statements(self, row: int) -> tuple[Statement, ...]:
        raise NotImplementedError


class OutOfTime(Exception):
    """The search's time budget ran out."""


@dataclass(eq=False)
class Context:
    """The states being searched and the time the search may take (time.monotonic())."""

    space: Space
    deadline: float = float("inf")

    def tick(self) -> None:
        if time.monotonic() > self.deadline:
            raise OutOfTime


def capped(space: Space, nxt: Ints, steps: Ints, evals: Ints) -> Ends:
    """Turn overspent budgets into FAIL and zero the costs of FAIL, so equal is equal."""
    bad = (nxt == FAIL) | (steps > space.max_steps) | (evals > space.max_evals)
    if bad.any():
        nxt = np.where(bad, FAIL, nxt).astype(np.int32)
        steps = np.where(bad, 0, steps).astype(np.int32)
        evals = np.where(bad, 0, evals).astype(np.int32)
    return Ends(nxt, steps, evals)


def once(family: Family, rows: Index, states: Ints, ctx: Context) -> Ends:
    """`family.at`, asking each distinct (row, state) pair once: many rows of a sequence
    or a branch share their first statement or their body, and a piece built lazily costs
    far more to evaluate than to look up. Tables are looked up directly."""
    if isinstance(family, Table) or len(rows) < 64:
        return family.at(rows, states, ctx)
    keys = rows * ctx.space.size + states
    unique, back = np.unique(keys, return_inverse=True)
    if len(unique) == len(keys):
        return family.at(rows, states, ctx)
    pair_rows, pair_states = np.divmod(unique, ctx.space.size)
    ends = family.at(pair_rows, pair_states.astype(np.int32), ctx)
    back = back.ravel()
    return Ends(ends.nxt[back], ends.steps[back], ends.evals[back])


def then(space: Space, first: Ends, rest: Callable[[npt.NDArray[np.bool_], Ints], Ends]) -> Ends:
    """`first`, then `rest` from where it left each pair that is still running."""
    going = first.nxt >= 0
    nxt = first.nxt.copy()
    steps = first.steps.copy()
    evals = first.evals.copy()
    if going.any():
        after = rest(going, first.nxt[going])
        nxt[going] = after.nxt
        steps[going] += after.steps
        evals[going] += after.evals
        failed = after.nxt == FAIL
        where = np.flatnonzero(going)[failed]
        steps[where] = 0
        evals[where] = 0
    return capped(space, nxt, steps, evals)


@dataclass(eq=False)
class Table(Family):
    """Pieces worked out on every state, each remembering the family row it came from."""

    size: int
    behaviour: Behaviour
    sources: list[tuple[Family, int]]
    single: npt.NDArray[np.bool_] = field(default_factory=lambda: np.zeros(0, dtype=np.bool_))

    def __post_init__(self) -> None:
        self.rows = len(self.behaviour)
        if len(self.single) != self.rows:
            self.single = np.zeros(self.rows, dtype=np.bool_)

    def at(self, rows: Index, states: Ints, ctx: Context) -> Ends:
        b = self.behaviour
        return Ends(
            b.nxt[rows, states].astype(np.int32),
            b.steps[rows, states].astype(np.int32),
            b.evals[rows, states].astype(np.int32),
        )

    def statements(self, row: int) -> tuple[Statement, ...]:
        family, source = self.sources[row]
        return family.statements(source)

    def subset(self, mask: npt.NDArray[np.bool_]) -> Table:
        keep = np.flatnonzero(mask)
        return Table(
            self.size,
            self.behaviour.take(keep),
            [self.sources[i] for i in keep],
            self.single[keep],
        )


@dataclass(eq=False)
class Actions(Family):
    """The palette's actions, one row each."""

    names: tuple[str, ...]
    size: int = 1

    def __post_init__(self) -> None:
        self.rows = len(self.names)

    def table(self, space: Space) -> Behaviour:
        parts = [space.actions[name] for name in self.names]
        return Behaviour(
            np.concatenate([p.nxt for p in parts]),
            np.concatenate([p.steps for p in parts]),
            np.concatenate([p.evals for p in parts]),
        )

    def at(self, rows: Index, states: Ints, ctx: Context) -> Ends:
        b = self.table(ctx.space)
        return Ends(b.nxt[rows, states], b.steps[rows, states], b.evals[rows, states])

    def statements(self, row: int) -> tuple[Statement, ...]:
        return (Action(self.names[row]),)


@dataclass(eq=False)
class Seq(Family):
    """One statement from `first` followed by a list from `rest` (row = f * rest.rows + r)."""

    first: Family
    rest: Family

    def __post_init__(self) -> None:
        self.size = self.first.size + self.rest.size
        self.rows = self.first.rows * self.rest.rows

    def at(self, rows: Index, states: Ints, ctx: Context) -> Ends:
        f, r = np.divmod(rows, self.rest.rows)
        head = once(self.first, f, states, ctx)
        return then(ctx.space, head, lambda going, mid: once(self.rest, r[going], mid, ctx))

    def statements(self, row: int) -> tuple[Statement, ...]:
        f, r = divmod(row, self.rest.rows)
        return self.first.statements(f) + self.rest.statements(r)


@dataclass(eq=False)
class Union(Family):
    """Several families of the same size, numbered one after the other."""

    parts: list[Family]
    size: int

    def __post_init__(self) -> None:
        self.offsets = np.cumsum([0] + [p.rows for p in self.parts])
        self.rows = int(self.offsets[-1])

    def at(self, rows: Index, states: Ints, ctx: Context) -> Ends:
        which = np.searchsorted(self.offsets, rows, side="right") - 1
        nxt = np.empty(len(rows), dtype=np.int32)
        steps = np.empty(len(rows), dtype=np.int32)
        evals = np.empty(len(rows), dtype=np.int32)
        for i in np.unique(which):
            mask = which == i
            part = self.parts[int(i)].at(rows[mask] - self.offsets[i], states[mask], ctx)
            nxt[mask], steps[mask], evals[mask] = part
        return Ends(nxt, steps, evals)

    def statements(self, row: int) -> tuple[Statement, ...]:
        i = int(np.searchsorted(self.offsets, row, side="right") - 1)
        return self.parts[i].statements(row - int(self.offsets[i]))


@dataclass(eq=False)
class Loop(Family):
    """`while cond` (or `until` the opposite) around every body of `body`."""

    condition: Condition
    body: Family
    until: bool

    def __post_init__(self) -> None:
        self.size = 1 + self.body.size
        self.rows = self.body.rows

    def at(self, rows: Index, states: Ints, ctx: Context) -> Ends:
        return run_loop(ctx, self.condition.holds, self.body, rows, states)

    def statements(self, row: int) -> tuple[Statement, ...]:
        body = self.body.statements(row)
        cond = self.condition.cond
        if self.until:
            return (Until(Cond(cond.sensor, not cond.negated), body),)
        return (While(cond, body),)


@dataclass(eq=False)
class Forever(Family):
    """`call f` with `define f: [body..., call f]`: the body again and again.

    Each round is one call deeper, so the run fails at round MAX_CALL_DEPTH + 1 unless it
    succeeded or failed before; nothing after the first call ever runs. Only the last
    statement of a program can be one of these, and the `define` goes after it, where it
    is never reached (reaching it would cost one evaluation).
    """

    body: Family

    def __post_init__(self) -> None:
        self.size = self.body.size + 3
        self.rows = self.body.rows

    def at(self, rows: Index, states: Ints, ctx: Context) -> Ends:
        always = np.ones(ctx.space.size, dtype=np.bool_)
        return run_loop(ctx, always, self.body, rows, states, MAX_CALL_DEPTH)

    def statements(self, row: int) -> tuple[Statement, ...]:
        body = (*self.body.statements(row), Call(FUNCTION))
        return (Call(FUNCTION), Define(FUNCTION, body))


@dataclass(eq=False)
class CallOf(Family):
    """`call f`, for a function whose behaviour is worked out by the caller."""

    size: int = 1
    rows: int = 1

    def statements(self, row: int) -> tuple[Statement, ...]:
        return (Call(FUNCTION),)


def _round(
    ctx: Context, body: Family, rows: Index, live: Index, run: tuple[Ints, Ints, Ints]
) -> Index:
    """One more round of the body for the `live` pairs of a loop, in place in `run` (the
    current states and costs); returns the pairs still running (a budget overspent fails)."""
    cur, steps, evals = run
    part = body.at(rows[live], cur[live], ctx)
    cur[live] = part.nxt
    steps[live] += part.steps
    evals[live] += part.evals
    over = (steps[live] > ctx.space.max_steps) | (evals[live] > ctx.space.max_evals)
    cur[live[over]] = FAIL
    still: Index = live[cur[live] >= 0]
    return still


def run_loop(
    ctx: Context,
    holds: npt.NDArray[np.bool_],
    body: Family,
    rows: Index,
    states: Ints,
    limit: int | None = None,
) -> Ends:
    """Check, run the body, again, for every pair at once (at most `limit` rounds).

    A pair that comes back to a state it was in loops forever (the program and the world
    are deterministic) and fails like the budget would make it; Brent's method finds the
    repeat after at most twice the loop's length, without remembering every state.
    """
    space = ctx.space
    count = len(rows)
    cur = states.astype(np.int32).copy()
    steps = np.zeros(count, dtype=np.int32)
    evals = np.zeros(count, dtype=np.int32)
    saved = cur.copy()
    power = np.ones(count, dtype=np.int32)
    lam = np.zeros(count, dtype=np.int32)
    live = np.arange(count)
    rounds = 0
    while live.size:
        ctx.tick()
        evals[live] += 1
        live = live[holds[cur[live]]]
        rounds += 1
        if limit is not None and rounds > limit:
            cur[live] = FAIL
            break
        if not live.size:
            break
        live = _round(ctx, body, rows, live, (cur, steps, evals))
        lam[live] += 1
        again = cur[live] == saved[live]
        cur[live[again]] = FAIL
        live = live[~again]
        grow = live[lam[live] == power[live]]
        saved[grow] = cur[grow]
        power[grow] *= 2
        lam[grow] = 0
    return capped(space, cur, steps, evals)


@dataclass(eq=False)
class RepeatLoop(Family):
    """`repeat n` around every body, n from 2 to 99 (row = body * COUNTS + n - 2)."""

    body: Family

    def __post_init__(self) -> None:
        self.size = 1 + self.body.size
        self.rows = self.body.rows * COUNTS

    def at(self, rows: Index, states: Ints, ctx: Context) -> Ends:
        body_rows, extra = np.divmod(rows, COUNTS)
        return run_repeat(ctx, self.body, body_rows, (extra + 2).astype(np.int32), states)

    def statements(self, row: int) -> tuple[Statement, ...]:
        body, extra = divmod(row, COUNTS)
        return (Repeat(extra + 2, self.body.statements(body)),)


def run_repeat(ctx: Context, body: Family, rows: Index, counts: Ints, states: Ints) -> Ends:
    """Run each body `count` times from its state.

    Requests for the same body and state share one run: its state after each round is
    recorded, so asking for every count of a body costs one run of 99 rounds at most. A
    repeat checks its counter before each round and once more at the end (one evaluation
    each); a run that has ended does not check again.
    """
    space = ctx.space
    keys = rows * space.size + states
    unique, where = np.unique(keys, return_inverse=True)
    pair_rows, cur = np.divmod(unique, space.size)
    cur = cur.astype(np.int32)
    steps = np.zeros(len(unique), dtype=np.int32)
    evals = np.zeros(len(unique), dtype=np.int32)
    out_nxt = np.empty(len(rows), dtype=np.int32)
    out_steps = np.empty(len(rows), dtype=np.int32)
    out_evals = np.empty(len(rows), dtype=np.int32)
    where = where.ravel()
    wanted = np.zeros(len(unique), dtype=np.int32)
    np.maximum.at(wanted, where, counts)
    by_count = np.argsort(counts, kind="stable")
    bounds = np.searchsorted(counts[by_count], np.arange(REPEAT_MAX + 2))
    live = np.arange(len(unique))
    for n in range(1, int(counts.max(initial=0)) + 1):
        ctx.tick()
        live = live[wanted[live] >= n]
        if not live.size:
            # Every pair still asked for has ended: later counts change nothing.
            asked = by_count[bounds[n] :]
            pick = where[asked]
            out_nxt[asked], out_steps[asked], out_evals[asked] = cur[pick], steps[pick], evals[pick]
            break
        evals[live] += 1
        live = _round(ctx, body, pair_rows, live, (cur, steps, evals))
        asked = by_count[bounds[n] : bounds[n + 1]]
        pick = where[asked]
        out_nxt[asked] = cur[pick]
        out_steps[asked] = steps[pick]
        out_evals[asked] = evals[pick] + (cur[pick] >= 0)
    return capped(space, out_nxt, out_steps, out_evals)


@dataclass(eq=False)
class Branch(Family):
    """`if cond` with bodies from `yes` and, for `if_else`, from `no` (row = y * no.rows + n).

    A plain `if` is written as an `if_else` block with an empty `else` when the palette has
    only `if_else`; they run the same.
    """

    condition: Condition
    yes: Family
    no: Family | None
    plain_as_else: bool = False

    def __post_init__(self) -> None:
        other = self.no.size if self.no else 0
        self.size = 1 + self.yes.size + other
        self.rows = self.yes.rows * (self.no.rows if self.no else 1)

    def at(self, rows: Index, states: Ints, ctx: Context) -> Ends:
        y, n = np.divmod(rows, self.no.rows) if self.no else (rows, rows)
        holds = self.condition.holds[states]
        nxt = states.astype(np.int32).copy()
        steps = np.zeros(len(rows), dtype=np.int32)
        evals = np.ones(len(rows), dtype=np.int32)
        for mask, family, which in ((holds, self.yes, y), (~holds, self.no, n)):
            if family is None or not mask.any():
                continue
            part = once(family, which[mask], states[mask], ctx)
            nxt[mask] = part.nxt
            steps[mask] = part.steps
            evals[mask] += part.evals
        return capped(ctx.space, nxt, steps, evals)

    def statements(self, row: int) -> tuple[Statement, ...]:
        cond = self.condition.cond
        if self.no is None:
            orelse: tuple[Statement, ...] | None = () if self.plain_as_else else None
            return (If(cond, self.yes.statements(row), orelse),)
        y, n = divmod(row, self.no.rows)
        return (If(cond, self.yes.statements(y), self.no.statements(n)),)


def powers(ctx: Context, body: Table) -> Iterator[tuple[Behaviour, Index]]:
    """Every `repeat n` (n >= 2) of every body worth keeping, worked out on every state,
    one count at a time: the behaviours and, for each, its row in RepeatLoop(body).

    Round j checks the counter (one evaluation) and runs the body once more. A body stops
    being repeated when all its states have ended (more rounds change nothing), or when its
    n-th round ends everywhere like an earlier one (the empty list, the body itself or a
    smaller repeat): from there on every further count is an earlier one that costs more.
    """
    space = ctx.space
    b = body.behaviour.as_type(np.int32)
    step = Behaviour(b.nxt, b.steps, b.evals + (b.nxt != FAIL).astype(np.int32))
    identity = np.arange(space.size, dtype=np.int32).tobytes()
    seen = [{identity, row.tobytes()} for row in b.nxt]
    live = np.arange(body.rows)
    cur = step
    for n in range(2, REPEAT_MAX + 1):
        ctx.tick()
        cur = _compose_rows(space, cur, step.take(live))
        fresh = np.ones(len(live), dtype=np.bool_)
        for i, row in enumerate(cur.nxt):
            history = seen[int(live[i])]
            key = row.tobytes()
            fresh[i] = key not in history
            history.add(key)
        if fresh.any():
            done = cur.take(np.flatnonzero(fresh))
            # The last check of the counter, made only by runs that are still going.
            final = done.evals + (done.nxt >= 0).astype(np.int32)
            ends = capped(space, done.nxt.ravel(), done.steps.ravel(), final.ravel())
            shape = done.nxt.shape
            yield Behaviour(*(x.reshape(shape) for x in ends)), live[fresh] * COUNTS + n - 2
        going = fresh & (cur.nxt >= 0).any(axis=1)
        for stopped in live[~going]:
            seen[int(stopped)].clear()
        live = live[going]
        cur = cur.take(np.flatnonzero(going))
        if not live.size:
            break


def distinct_repeats(ctx: Context, body: Table) -> Family:
    """RepeatLoop(body) with only the counts `powers` keeps, for lazy use."""
    rows = [index for _, index in powers(ctx, body)]
    picked = np.concatenate(rows) if rows else np.zeros(0, dtype=np.int64)
    return Picked(RepeatLoop(body), np.sort(picked))


@dataclass(eq=False)
class Picked(Family):
    """Some rows of a family, numbered from 0."""

    family: Family
    picked: Index

    def __post_init__(self) -> None:
        self.size = self.family.size
        self.rows = len(self.picked)

    def at(self, rows: Index, states: Ints, ctx: Context) -> Ends:
        return self.family.at(self.picked[rows], states, ctx)

    def statements(self, row: int) -> tuple[Statement, ...]:
        return self.family.statements(int(self.picked[row]))


def _compose_rows(space: Space, first: Behaviour, second: Behaviour) -> Behaviour:
    """Row i of `first`, then row i of `second`, on every state."""
    term = first.nxt < 0
    idx = np.where(term, 0, first.nxt)
    nxt = np.where(term, first.nxt, np.take_along_axis(second.nxt, idx, 1))
    steps = first.steps + np.where(term, 0, np.take_along_axis(second.steps, idx, 1))
    evals = first.evals + np.where(term, 0, np.take_along_axis(second.evals, idx, 1))
    ends = capped(space, nxt.ravel(), steps.ravel(), evals.ravel())
    shape = first.nxt.shape
    return Behaviour(ends.nxt.reshape(shape), ends.steps.reshape(shape), ends.evals.reshape(shape))
