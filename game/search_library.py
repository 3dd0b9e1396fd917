"""Kept pieces of program by size, for the smallest-program search.

Size by size, every loop and branch around a kept body, and every kept statement followed
by a kept list, is worked out on every state (game.search_space); a piece is kept only if
no piece kept before, of the same size or smaller, ends the same way everywhere at no
higher cost (in steps and evaluations). A dropped piece can always be replaced by the one
that made it redundant without making a program bigger or a successful run fail, and
composing pieces respects that order, so by induction the kept lists of each size stand
for every list of that size.

Tables cost memory (rows times states); beyond what fits, pieces of a size are described
lazily (game.search_families) and evaluated only where the search needs them.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

import numpy as np
import numpy.typing as npt

from blocks.program import Statement
from game.search_families import (
    Actions,
    Branch,
    CallOf,
    Context,
    Family,
    Ints,
    Loop,
    Picked,
    RepeatLoop,
    Seq,
    Table,
    Union,
    capped,
    distinct_repeats,
    powers,
)
from game.search_space import Behaviour, Condition, Space

# Pieces worked out on every state are kept in memory (three numbers per piece and state,
# 2 or 4 bytes each): this is how much memory those tables may take.
TABLE_BYTES = 160_000_000
# The most (piece, state) pairs worth working out for one table. A table pays off when
# many bigger pieces are built on it; beyond this, following the few states the search
# actually meets is cheaper than tabulating every state.
BUILD_CELLS = 50_000_000
# Rows evaluated at once when working out a table.
CHUNK = 1 << 17
# A batch of rows worked out: their family, the family row of the first, their behaviours.
Batch = tuple[Family, int, Behaviour]


@dataclass(frozen=True)
class Palette:
    """Which kinds of statement the level's palette allows, and how to write them."""

    repeat: bool
    loop: bool
    until_only: bool
    plain_if: bool
    if_else: bool
    plain_as_else: bool
    function: bool

    @staticmethod
    def of(blocks: tuple[str, ...]) -> Palette:
        has = set(blocks)
        return Palette(
            repeat="repeat" in has,
            loop="while" in has or "until" in has,
            until_only="until" in has and "while" not in has,
            plain_if="if" in has or "if_else" in has,
            if_else="if_else" in has,
            plain_as_else="if" not in has,
            function="function" in has,
        )

    @property
    def conditions(self) -> bool:
        return self.loop or self.plain_if

    @property
    def compounds(self) -> bool:
        """Whether statements hold bodies here (loops or branches)."""
        return self.repeat or self.conditions


@dataclass(eq=False)
class Store:
    """Every kept piece's behaviour, found by a hash of where it ends, to drop copies."""

    space: Space
    coef: npt.NDArray[np.int64] = field(init=False)
    index: dict[int, list[tuple[Ints, Ints, Ints]]] = field(default_factory=dict)
    added: list[int] = field(default_factory=list)

    def __post_init__(self) -> None:
        rng = np.random.default_rng(20240611)
        self.coef = rng.integers(1, 2**62, size=self.space.size, dtype=np.int64) | 1

    def keep(self, batch: Behaviour) -> npt.NDArray[np.bool_]:
        """Which rows of `batch` are new: not ending like a kept piece at no lower cost.

        Rows are grouped by a hash of where they end (integer overflow just wraps), the
        cheapest of each group first; rows that end like it at no lower cost are dropped
        at once, the others are compared one by one with what is kept."""
        kept = np.zeros(len(batch), dtype=np.bool_)
        if not len(batch):
            return kept
        where: npt.NDArray[np.int64] = batch.nxt @ self.coef
        order = np.lexsort((batch.evals.sum(axis=1), batch.steps.sum(axis=1), where))
        ranked = where[order]
        starts = np.r_[True, ranked[1:] != ranked[:-1]]
        head = order[np.maximum.accumulate(np.where(starts, np.arange(len(order)), 0))]
        beaten = (
            ~starts
            & (batch.nxt[order] == batch.nxt[head]).all(axis=1)
            & (batch.steps[order] >= batch.steps[head]).all(axis=1)
            & (batch.evals[order] >= batch.evals[head]).all(axis=1)
        )
        for i in order[~beaten]:
            nxt, steps, evals = batch.nxt[i], batch.steps[i], batch.evals[i]
            key = int(where[i])
            bucket = self.index.setdefault(key, [])
            if any(
                (s <= steps).all() and (e <= evals).all() and np.array_equal(n, nxt)
                for n, s, e in bucket
            ):
                continue
            bucket.append((nxt, steps, evals))
            self.added.append(key)
            kept[i] = True
        return kept

    def mark(self) -> int:
        return len(self.added)

    def forget(self, mark: int) -> None:
        """Drop every piece kept since `mark`, newest first."""
        while len(self.added) > mark:
            self.index[self.added.pop()].pop()


@dataclass(eq=False)
class _Empty(Family):
    """The empty list."""

    size: int = 0
    rows: int = 1

    def statements(self, row: int) -> tuple[Statement, ...]:
        return ()


class Library:
    """Kept lists by size: tables while memory allows, lazy families beyond.

    `call`, when given, is the behaviour of `call f` for a function worked out by the
    caller: it joins the actions as a statement of one block.
    """

    def __init__(self, ctx: Context, palette: Palette, call: Behaviour | None = None) -> None:
        self.ctx = ctx
        self.space = ctx.space
        self.palette = palette
        self.call = call
        self.store = Store(self.space)
        self.tables: dict[int, Table] = {}
        self.bytes = 0
        self.row_bytes = 3 * self.space.size * np.dtype(self.space.compact).itemsize
        self.full = False
        self.tried = 0  # pieces worked out so far, and how many of them were kept
        self.kept = 0
        self._singles: dict[int, Table] = {}
        self._repeat_cache: dict[int, Family] = {}
        # Lazy families by kind and size, until a table of that size replaces them.
        self._lazy: dict[tuple[str, int], Family] = {}
        identity = self.space.identity()
        self.store.keep(identity)
        self.empty = Table(0, identity, [(_Empty(), 0)])
        self.conditions = self.space.conditions
        self.branch_conditions = _one_of_each_pair(self.space.conditions)
        self.build(1)

    @property
    def needs_tables(self) -> bool:
        """Lists are used as bodies of loops and branches, or of the function (main library
        only); without them, only single actions (and `call f`) ever follow each other."""
        return self.palette.compounds or (self.palette.function and self.call is None)

    def lists(self, size: int) -> Family:
        """Every kept list of `size` blocks (the empty list for 0)."""
        if size == 0:
            return self.empty
        if size in self.tables:
            return self.tables[size]
        if ("lists", size) not in self._lazy:
            parts: list[Family] = [
                Seq(self.singles(i), self.lists(size - i)) for i in range(1, size)
            ]
            parts.append(self.singles(size))
            self._lazy["lists", size] = Union([p for p in parts if p.rows], size)
        return self._lazy["lists", size]

    def singles(self, size: int) -> Family:
        """Every kept single statement of `size` blocks."""
        if size in self.tables:
            if size not in self._singles:
                table = self.tables[size]
                self._singles[size] = table.subset(table.single)
            return self._singles[size]
        if ("singles", size) not in self._lazy:
            self._lazy["singles", size] = Union([f for f in self.compounds(size) if f.rows], size)
        return self._lazy["singles", size]

    def compounds(self, size: int, counted: bool = True) -> list[Family]:
        """Loops and branches of `size` blocks around kept bodies. With `counted`, a
        `repeat` around a table of bodies has only the counts worth trying."""
        pal = self.palette
        families: list[Family] = []
        if not pal.compounds:
            return families
        body = self.lists(size - 1)
        if not body.rows:
            return families
        if pal.repeat:
            families.append(self._repeats(size, body) if counted else RepeatLoop(body))
        if pal.loop:
            families += [Loop(c, body, pal.until_only) for c in self.conditions]
        if pal.plain_if:
            families += [
                Branch(c, body, None, pal.plain_as_else)
                for c in self.conditions
                if not c.holds.all()
            ]
        if pal.if_else:
            for yes_size in range(1, size - 1):
                yes, no = self.lists(yes_size), self.lists(size - 1 - yes_size)
                families += [Branch(c, yes, no) for c in self.branch_conditions]
        return families

    def _repeats(self, size: int, body: Family) -> Family:
        """`repeat` around every body; around a table of bodies, only the counts that
        do something new (worked out once per size)."""
        if not isinstance(body, Table):
            return RepeatLoop(body)
        if size not in self._repeat_cache:
            self._repeat_cache[size] = distinct_repeats(self.ctx, body)
        return self._repeat_cache[size]

    def affordable(self, size: int) -> bool:
        """Whether working out every piece of `size` on every state may fit in memory."""
        if size - 1 not in self.tables or self.full:
            return False
        compounds = self.compounds(size, counted=False)
        rows = sum(f.rows for f in compounds if not isinstance(f, RepeatLoop))
        rows += sum(self.singles(i).rows * self.lists(size - i).rows for i in range(1, size))
        # Bigger sizes keep a smaller share of the pieces tried than smaller ones did:
        # about half the share kept so far is a fair guess (a wrong one costs only time).
        expected = rows * self.kept / max(1, self.tried) / 2
        fits = self.bytes + expected * self.row_bytes <= TABLE_BYTES
        return fits and rows * self.space.size <= BUILD_CELLS

    def build(self, size: int) -> None:
        """Work out every piece of `size` blocks on every state and keep the new ones.

        When the kept pieces would not fit in memory, nothing is kept (the store forgets
        them too) and no bigger size is built: the search goes on lazily."""
        mark = self.store.mark()
        try:
            batches = self._base() if size == 1 else self._compound_tables(size)
            singles = self._keep_all(size, batches, self.bytes)
            singles.single[:] = True
            self._singles[size] = singles
            lists = [singles]
            for i in range(1, size):
                seq = Seq(self.singles(i), self.lists(size - i))
                kept = self.bytes + sum(t.rows for t in lists) * self.row_bytes
                lists.append(self._keep_all(size, self._sequences(seq), kept))
        except _Full:
            self.store.forget(mark)
            self._singles.pop(size, None)
            self.full = True
            return
        table = _concat(size, lists)
        self.tables[size] = table
        self._lazy.clear()
        self.bytes += table.rows * self.row_bytes

    def _base(self) -> Iterator[Batch]:
        actions = Actions(tuple(self.space.actions))
        yield actions, 0, actions.table(self.space)
        if self.call is not None:
            yield CallOf(), 0, self.call

    def _compound_tables(self, size: int) -> Iterator[Batch]:
        for family in self.compounds(size, counted=False):
            if isinstance(family, RepeatLoop) and isinstance(family.body, Table):
                for behaviour, rows in powers(self.ctx, family.body):
                    yield Picked(family, rows), 0, behaviour
            else:
                yield from self._evaluate_all(family)

    def _evaluate_all(self, family: Family) -> Iterator[Batch]:
        """Every row of `family` on every state, a chunk of rows at a time."""
        n = self.space.size
        per = max(1, CHUNK // n)
        every = np.arange(n, dtype=np.int32)
        for start in range(0, family.rows, per):
            self.ctx.tick()
            rows = np.arange(start, min(family.rows, start + per), dtype=np.int64)
            ends = family.at(np.repeat(rows, n), np.tile(every, len(rows)), self.ctx)
            yield family, start, Behaviour(*(a.reshape(len(rows), n) for a in ends))

    def _sequences(self, seq: Seq) -> Iterator[Batch]:
        """Every statement of `seq.first` followed by every list of `seq.rest`, on every
        state: for each statement, one gather of the whole rest table (row = f * rest + r)."""
        first, rest = seq.first, seq.rest
        if not isinstance(first, Table) or not isinstance(rest, Table):
            yield from self._evaluate_all(seq)
            return
        a, b = first.behaviour.as_type(np.int32), rest.behaviour
        for f in range(first.rows):
            self.ctx.tick()
            end = a.nxt[f]
            going = end >= 0
            at = np.where(going, end, 0)
            nxt = np.where(going, b.nxt[:, at], end).astype(np.int32)
            steps = a.steps[f] + np.where(going, b.steps[:, at], 0).astype(np.int32)
            evals = a.evals[f] + np.where(going, b.evals[:, at], 0).astype(np.int32)
            ends = capped(self.space, nxt.ravel(), steps.ravel(), evals.ravel())
            yield seq, f * rest.rows, Behaviour(*(x.reshape(nxt.shape) for x in ends))

    def _keep_all(self, size: int, batches: Iterable[Batch], used: int) -> Table:
        """The new pieces of `batches` (family, number of the batch's first row, behaviours);
        `used` bytes of tables are already taken."""
        parts: list[Table] = []
        for family, offset, behaviour in batches:
            self.ctx.tick()
            rows = np.flatnonzero(self.store.keep(behaviour))
            self.tried += len(behaviour)
            self.kept += len(rows)
            sources = [(family, offset + int(r)) for r in rows]
            compact = behaviour.take(rows).as_type(self.space.compact)
            parts.append(Table(family.size, compact, sources))
            used += len(rows) * self.row_bytes
            if used > TABLE_BYTES:
                raise _Full
        return _concat(size, parts)


class _Full(Exception):
    """The tables would outgrow TABLE_BYTES."""


def _one_of_each_pair(conditions: tuple[Condition, ...]) -> tuple[Condition, ...]:
    """For `if ... else`, a question and its opposite give the same programs, swapped; a
    question that always holds just runs its first branch, one block less without it."""
    kept = []
    seen: set[bytes] = set()
    for c in conditions:
        if c.holds.all() or (~c.holds).tobytes() in seen:
            continue
        seen.add(c.holds.tobytes())
        kept.append(c)
    return tuple(kept)


def _stack(parts: list[Behaviour], width: int) -> Behaviour:
    if not parts:
        empty = np.zeros((0, width), dtype=np.int32)
        return Behaviour(empty, empty.copy(), empty.copy())
    return Behaviour(
        np.concatenate([p.nxt for p in parts]),
        np.concatenate([p.steps for p in parts]),
        np.concatenate([p.evals for p in parts]),
    )


def _concat(size: int, parts: list[Table]) -> Table:
    width = parts[0].behaviour.nxt.shape[1] if parts else 0
    behaviour = _stack([p.behaviour for p in parts if p.rows], width)
    sources = [s for p in parts for s in p.sources]
    single = np.concatenate([p.single for p in parts]) if parts else np.zeros(0, np.bool_)
    return Table(size, behaviour, sources, single)
