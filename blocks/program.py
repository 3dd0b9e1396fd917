"""Programs as immutable trees of statements.

Block ids are not stored in the tree: a block's id is its position in a pre-order walk
(`walk`), so the interpreter, the trace and the editor on screen agree without bookkeeping.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Cond:
    """A sensor question, possibly negated (`not path_ahead`)."""

    sensor: str
    negated: bool = False

    def text(self) -> str:
        return f"not {self.sensor}" if self.negated else self.sensor


@dataclass(frozen=True, slots=True)
class Action:
    name: str


@dataclass(frozen=True, slots=True)
class Repeat:
    count: int
    body: tuple[Statement, ...]


@dataclass(frozen=True, slots=True)
class While:
    cond: Cond
    body: tuple[Statement, ...]


@dataclass(frozen=True, slots=True)
class Until:
    cond: Cond
    body: tuple[Statement, ...]


@dataclass(frozen=True, slots=True)
class If:
    """`orelse` is None for a plain `if`, a (possibly empty) tuple for an `if_else` block."""

    cond: Cond
    body: tuple[Statement, ...]
    orelse: tuple[Statement, ...] | None = None


@dataclass(frozen=True, slots=True)
class Define:
    name: str
    body: tuple[Statement, ...]


@dataclass(frozen=True, slots=True)
class Call:
    name: str


Statement = Action | Repeat | While | Until | If | Define | Call


@dataclass(frozen=True, slots=True)
class Program:
    statements: tuple[Statement, ...]
    level: str | None = None


def children(stmt: Statement) -> tuple[Statement, ...]:
    """The statements nested directly inside `stmt`, `do` before `else`."""
    match stmt:
        case Repeat(body=body) | While(body=body) | Until(body=body) | Define(body=body):
            return body
        case If(body=body, orelse=orelse):
            return body + (orelse or ())
        case _:
            return ()


def walk(statements: tuple[Statement, ...]) -> Iterator[Statement]:
    """Every statement in pre-order; the index of a statement here is its block id."""
    for stmt in statements:
        yield stmt
        yield from walk(children(stmt))


def block_count(program: Program) -> int:
    """Every statement is one block (programs.md, "Counting blocks")."""
    return sum(1 for _ in walk(program.statements))


def block_name(stmt: Statement) -> str:
    """The palette name a level must allow for this statement."""
    match stmt:
        case Action(name=name):
            return name
        case Repeat():
            return "repeat"
        case While():
            return "while"
        case Until():
            return "until"
        case If(orelse=None):
            return "if"
        case If():
            return "if_else"
        case Define() | Call():
            return "function"


def blocks_used(program: Program) -> frozenset[str]:
    return frozenset(block_name(stmt) for stmt in walk(program.statements))


def depth(statements: tuple[Statement, ...]) -> int:
    """How deeply blocks are nested (a flat program has depth 1)."""
    return max((1 + depth(children(s)) for s in statements), default=0)
