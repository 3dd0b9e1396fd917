"""The smallest program (by block count, programs.md) that solves a level: `solve --blocks`.

Sizes are tried in order, 1, 2, 3 ... (iterative deepening), so the first program found is a
smallest one, and no size is claimed unless every smaller one has been ruled out.

Pieces of program are compared by what they do (game.search_space, game.search_library):
of pieces that end the same way everywhere, only the smallest and cheapest are kept, and
loops and branches are built around kept bodies only. The program itself is a sequence of
top-level statements, followed from the start states of every map at once; sequences that
bring every robot to the same place at no lower cost than one seen before are dropped.

What is searched: every program of the palette's actions, `repeat` (counts 2 to 99),
`while`/`until` and `if`/`if_else` on any sensor. A `repeat 1`, an empty body or a question
that never holds can always be left out, making a program smaller, so those are skipped.
With `function` in the palette, programs with one function are searched too: a function
called from the program (worth it only when called often enough, see `_min_calls`) and a
function that calls itself at its end. Two functions can only beat one from 10 blocks on,
and a function calling itself under a condition from 5 blocks on: beyond those sizes, a
program found is reported but not claimed to be the smallest.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace

import numpy as np

from blocks.program import Define, Program, Statement, block_count
from game.levels import Level
from game.runner import run
from game.search_families import (
    FUNCTION,
    Branch,
    Context,
    Family,
    Forever,
    Index,
    Ints,
    Loop,
    OutOfTime,
    Union,
    capped,
)
from game.search_library import CHUNK, Library, Palette
from game.search_space import (
    FAIL,
    SUCCESS,
    Behaviour,
    TooManyStates,
    build_space,
)
from game.solver import palette_actions

DEFAULT_BUDGET = 10.0
STATE_LIMIT = 200_000
TWO_FUNCTIONS = 10  # the fewest blocks with which two functions can beat one or none
CONDITIONAL_RECURSION = 5  # the fewest with which a function can call itself under a condition


@dataclass(frozen=True)
class ProgramSearch:
    """What the search found and what it proved.

    `program` is the smallest program found, or None. `ruled_out` is the largest size up to
    which every program was checked and fails (0 when none was). `proved` is True when the
    answer is final: `program` is a smallest one, or (None) no program solves the level.
    `reason` says why the answer is not final: "budget" (time ran out), "too_many_states"
    (the level is too big to search), "functions" (programs with more functions, or with
    a function calling itself under a condition, were not searched at that size).
    """

    program: Program | None
    blocks: int | None
    ruled_out: int
    proved: bool
    seconds: float
    budget: float
    reason: str = ""


@dataclass
class _Entry:
    """Where a sequence of top-level statements leaves the robot on every board."""

    cols: tuple[int, ...]
    steps: tuple[int, ...]
    evals: tuple[int, ...]
    parent: int
    family: Family | None
    row: int


Extra = Callable[[int], list[Family]]


class _Frontier:
    """Top-level statement sequences by size, followed from the start states only.

    Two sequences leaving every board in the same state are interchangeable from there on,
    so only the cheapest (in steps and evaluations) are followed: a breadth-first search
    where a statement of n blocks is an edge of length n. `last(n)` adds statements of n
    blocks that can only end a program.
    """

    def __init__(self, lib: Library, last: Extra | None = None) -> None:
        self.ctx = lib.ctx
        self.lib = lib
        self.last = last
        starts = lib.space.starts
        zero = tuple(0 for _ in starts)
        self.entries = [_Entry(starts, zero, zero, -1, None, 0)]
        self.by_size: dict[int, list[int]] = {0: [0]}
        none = np.zeros((1, len(starts)), dtype=np.int32)
        self.seen: dict[tuple[int, ...], tuple[Ints, Ints]] = {starts: (none, none.copy())}
        self.grown = 0

    def grow(self) -> tuple[Statement, ...] | None:
        """Every sequence of one more block; a solution if one solves every board."""
        size = self.grown + 1
        self.by_size[size] = []
        for last in range(size, 0, -1):
            families = [self.lib.singles(last)]
            families += self.last(last) if self.last else []
            for entry_id in self.by_size.get(size - last, []):
                entry = self.entries[entry_id]
                for family in _leaves(families):
                    if not _moves_at(family, entry.cols):
                        continue
                    found = self._advance(entry_id, family, size)
                    if found is not None:
                        return found
        self.grown = size
        return None

    def _advance(self, entry_id: int, family: Family, size: int) -> tuple[Statement, ...] | None:
        for start in range(0, family.rows, CHUNK):
            self.ctx.tick()
            rows = np.arange(start, min(family.rows, start + CHUNK), dtype=np.int64)
            rows, cols, steps, evals = self._ends(self.entries[entry_id], family, rows)
            won = np.flatnonzero((cols == SUCCESS).all(axis=1))
            if won.size:
                return self._path(entry_id) + family.statements(int(rows[won[0]]))
            self._remember(entry_id, family, rows, (cols, steps, evals), size)
        return None

    def _ends(self, entry: _Entry, family: Family, rows: Index) -> tuple[Index, Ints, Ints, Ints]:
        """Each row from this entry on every board; rows failing on any board are dropped."""
        shape = (len(rows), len(entry.cols))
        cols = np.empty(shape, dtype=np.int32)
        steps = np.empty(shape, dtype=np.int32)
        evals = np.empty(shape, dtype=np.int32)
        ok = np.ones(len(rows), dtype=np.bool_)
        for b, col in enumerate(entry.cols):
            if col == SUCCESS:
                cols[:, b], steps[:, b], evals[:, b] = col, entry.steps[b], entry.evals[b]
                continue
            live = np.flatnonzero(ok)
            ends = family.at(rows[live], np.full(len(live), col, dtype=np.int32), self.ctx)
            ends = capped(
                self.ctx.space, ends.nxt, ends.steps + entry.steps[b], ends.evals + entry.evals[b]
            )
            ok[live[ends.nxt == FAIL]] = False
            cols[live, b], steps[live, b], evals[live, b] = ends
        keep = np.flatnonzero(ok)
        return rows[keep], cols[keep], steps[keep], evals[keep]

    def _remember(
        self,
        parent: int,
        family: Family,
        rows: Index,
        ends: tuple[Ints, Ints, Ints],
        size: int,
    ) -> None:
        """Keep the new places reached, unless reached before at no lower cost."""
        cols, steps, evals = ends
        for group in _cheapest(cols, steps, evals):
            key = tuple(int(c) for c in cols[group[0]])
            same = (cols[group] == cols[group[0]]).all(axis=1)
            for i in self._unbeaten(key, group[same], steps, evals):
                self._add(key, parent, family, int(rows[i]), steps[i], evals[i], size)
            for i in group[~same]:  # places that only share a hash with the group's
                key_i = tuple(int(c) for c in cols[i])
                if len(self._unbeaten(key_i, np.array([i]), steps, evals)):
                    self._add(key_i, parent, family, int(rows[i]), steps[i], evals[i], size)

    def _unbeaten(self, key: tuple[int, ...], group: Index, steps: Ints, evals: Ints) -> Index:
        """The rows of `group` that no earlier way to `key` beats on every board."""
        known = self.seen.get(key)
        if known is None:
            return group
        old_steps, old_evals = known
        no_more_steps = np.all(old_steps[None, :, :] <= steps[group][:, None, :], axis=2)
        no_more_evals = np.all(old_evals[None, :, :] <= evals[group][:, None, :], axis=2)
        beaten = np.any(no_more_steps & no_more_evals, axis=1)
        unbeaten: Index = group[~beaten]
        return unbeaten

    def _add(
        self,
        key: tuple[int, ...],
        parent: int,
        family: Family,
        row: int,
        steps: Ints,
        evals: Ints,
        size: int,
    ) -> None:
        known = self.seen.get(key)
        if known is not None:
            if ((known[0] <= steps).all(axis=1) & (known[1] <= evals).all(axis=1)).any():
                return
            self.seen[key] = (np.vstack([known[0], steps]), np.vstack([known[1], evals]))
        else:
            self.seen[key] = (steps[None, :].copy(), evals[None, :].copy())
        cost = (tuple(int(s) for s in steps), tuple(int(e) for e in evals))
        self.entries.append(_Entry(key, cost[0], cost[1], parent, family, row))
        self.by_size[size].append(len(self.entries) - 1)

    def _path(self, entry_id: int) -> tuple[Statement, ...]:
        out: list[Statement] = []
        while entry_id > 0:
            entry = self.entries[entry_id]
            assert entry.family is not None
            out[:0] = entry.family.statements(entry.row)
            entry_id = entry.parent
        return tuple(out)


def _leaves(families: list[Family]) -> Iterator[Family]:
    for family in families:
        if isinstance(family, Union):
            yield from _leaves(family.parts)
        else:
            yield family


def _moves_at(family: Family, cols: tuple[int, ...]) -> bool:
    """Whether a top-level statement of `family` can do anything here that a smaller one
    cannot: a branch whose question has the same answer on every board still running is
    just one of its bodies, and a loop whose question holds on none does nothing."""
    states = [c for c in cols if c >= 0]
    if isinstance(family, Branch):
        answers = family.condition.holds[states]
        return bool(answers.any() and not answers.all())
    if isinstance(family, Loop):
        return bool(family.condition.holds[states].any())
    return True


def _cheapest(cols: Ints, steps: Ints, evals: Ints) -> list[Index]:
    """Rows worth a closer look, grouped by where they end: in each group, the row with the
    fewest steps (then evaluations) in total first, then the rows it does not beat on every
    board. Groups are made by a hash of the places and checked for real equality."""
    if not len(cols):
        return []
    weights = np.random.default_rng(cols.shape[1]).integers(
        1, 2**63, size=cols.shape[1], dtype=np.uint64
    )
    where = ((cols.astype(np.int64) + 2).astype(np.uint64) * weights).sum(axis=1, dtype=np.uint64)
    order = np.lexsort((evals.sum(axis=1), steps.sum(axis=1), where))
    ranked = where[order]
    starts = np.r_[True, ranked[1:] != ranked[:-1]]
    head = order[np.maximum.accumulate(np.where(starts, np.arange(len(order)), 0))]
    beaten = (
        ~starts
        & (cols[order] == cols[head]).all(axis=1)
        & (steps[order] >= steps[head]).all(axis=1)
        & (evals[order] >= evals[head]).all(axis=1)
    )
    kept = order[~beaten]
    bounds = np.flatnonzero(starts[~beaten])
    return np.split(kept, bounds[1:])


class _Deepening:
    """A library and a frontier grown together, one size at a time."""

    def __init__(self, lib: Library, last: Extra | None = None) -> None:
        self.lib = lib
        self.frontier = _Frontier(lib, last)

    def grow(self) -> tuple[Statement, ...] | None:
        """Try every program one block bigger; then tabulate that size if it fits."""
        found = self.frontier.grow()
        size = self.frontier.grown
        if found is None and self.lib.needs_tables and self.lib.affordable(size):
            self.lib.build(size)
        return found

    @property
    def grown(self) -> int:
        return self.frontier.grown


def _min_calls(body: int) -> int:
    """The fewest calls for which a function of `body` blocks can make a program smaller.

    Writing the body out at each of c calls instead of `define` + body + c calls changes
    the size by (body - 1) * (c - 1) - 2 blocks, so the function only helps when that is
    at least 1."""
    return 1 + -(-3 // (body - 1))


class _Functions:
    """Programs with one function that does not call itself: `define f` with a kept list
    of b blocks as its body, and top-level sequences of the palette's statements and
    `call f`. Each body gets its own library and frontier, since `call f` behaves
    differently; without loops or branches in the palette those are small, and kept from
    one size to the next."""

    def __init__(self, main: Library) -> None:
        self.main = main
        self.kept: dict[tuple[int, int], _Deepening] = {}

    def grow(self, size: int) -> tuple[tuple[Statement, ...] | None, bool]:
        """A program of `size` blocks with one function, and whether all were tried."""
        complete = True
        for body in range(2, size):
            top = size - 1 - body
            if top < _min_calls(body):
                continue
            table = self.main.tables.get(body)
            if table is None:
                complete = False
                continue
            for row in range(table.rows):
                found = self._with_body(body, row, top)
                if found is not None:
                    return (*found, Define(FUNCTION, table.statements(row))), True
        return None, complete

    def _with_body(self, body: int, row: int, top: int) -> tuple[Statement, ...] | None:
        """A top-level sequence of `top` blocks calling the function with this body."""
        deepening = self.kept.get((body, row)) or self._start(body, row)
        if self.main.palette.compounds:
            self.kept.pop((body, row), None)
        while deepening.grown < top:
            found = deepening.grow()
            if found is not None:
                return found
        return None

    def _start(self, body: int, row: int) -> _Deepening:
        """`call f` costs one evaluation more than the body (the call itself)."""
        space = self.main.space
        b = self.main.tables[body].behaviour.take(np.array([row])).as_type(np.int32)
        ends = capped(space, b.nxt[0], b.steps[0], b.evals[0] + (b.nxt[0] != FAIL))
        call = Behaviour(ends.nxt[None, :], ends.steps[None, :], ends.evals[None, :])
        deepening = _Deepening(Library(self.main.ctx, self.main.palette, call))
        self.kept[(body, row)] = deepening
        return deepening


def smallest_program(level: Level, budget: float = DEFAULT_BUDGET) -> ProgramSearch:
    """The smallest program built from the level's palette that solves every map of it,
    searched for at most `budget` seconds; see ProgramSearch for what is claimed."""
    began = time.monotonic()
    result = _Result(began, budget)
    covered = size = 0
    try:
        space = build_space(level, palette_actions(level), STATE_LIMIT, _deadline(began + budget))
        if not space.solvable:
            return result.done(None, 0, True)
        palette = Palette.of(level.blocks)
        covered = _covered(palette)
        main = Library(Context(space, began + budget), palette)
        deepening = _Deepening(main, _recursion(main) if palette.function else None)
        functions = _Functions(main)
        out_of_time = _deadline(began + budget)
        while True:
            # Sizes can pass with nothing left to grow (no single sequence of actions
            # solves every map): the clock is asked here too, so the search always ends.
            out_of_time()
            size += 1
            found = deepening.grow()
            if found is None and palette.function:
                found, complete = functions.grow(size)
                covered = covered if complete else min(covered, size - 1)
            if found is not None:
                return result.checked(level, found, size, covered)
    except TooManyStates:
        return result.done(None, 0, False, "too_many_states")
    except OutOfTime:
        return result.done(None, min(size - 1, covered), False, "budget")


def _deadline(at: float) -> Callable[[], None]:
    def tick() -> None:
        if time.monotonic() > at:
            raise OutOfTime

    return tick


def _recursion(main: Library) -> Extra:
    """Last statements `call f` with `define f: [body..., call f]`, three blocks more than
    their body. Without conditions, a function calling itself never returns, so any
    program where one does is at least as big as one of this form."""
    return lambda size: [Forever(main.lists(size - 3))] if size > 3 else []


def _covered(palette: Palette) -> int:
    """Up to which size the kinds of program searched include every program."""
    if not palette.function:
        return 1 << 30
    if palette.conditions:
        return CONDITIONAL_RECURSION - 1
    return TWO_FUNCTIONS - 1


@dataclass
class _Result:
    began: float
    budget: float

    def done(
        self, program: Program | None, ruled_out: int, proved: bool, reason: str = ""
    ) -> ProgramSearch:
        blocks = block_count(program) if program is not None else None
        seconds = time.monotonic() - self.began
        return ProgramSearch(program, blocks, ruled_out, proved, seconds, self.budget, reason)

    def checked(
        self, level: Level, statements: tuple[Statement, ...], size: int, covered: int
    ) -> ProgramSearch:
        """Run the program found with the game's own runner before claiming anything."""
        unlimited = replace(level, max_blocks=None)
        for program in (Program(_define_first(statements)), Program(statements)):
            if block_count(program) != size:
                break
            if run(unlimited, program, record=False).status == "success":
                ruled_out = min(size - 1, covered)
                proved = ruled_out == size - 1
                return self.done(program, ruled_out, proved, "" if proved else "functions")
        # The search and the runner disagree: a bug, never an answer.
        return self.done(None, 0, False, "mismatch")


def _define_first(statements: tuple[Statement, ...]) -> tuple[Statement, ...]:
    """The same program with its function written first, as children usually read it
    (it costs one evaluation more, so the program found is checked both ways)."""
    defines = tuple(s for s in statements if isinstance(s, Define))
    return defines + tuple(s for s in statements if not isinstance(s, Define))
