"""The interpreter: a generator that yields one effect at a time, tagged with its block id.

`Act` asks the caller to perform an action, `Ask` asks a sensor (the caller sends back a
bool), `Exhausted` says the evaluation or call-depth budget ran out. The interpreter keeps
its own stack instead of recursing, so deep recursion in a child's program can never
overflow Python's stack, and every loop round is counted so the budget always stops it.

Counting: every statement started counts one evaluation, and so does every check of a
loop's condition or counter (a `repeat 3` is checked four times).
"""

from __future__ import annotations

from collections.abc import Generator
from dataclasses import dataclass

from blocks.program import (
    Action,
    Call,
    Cond,
    Define,
    If,
    Program,
    Repeat,
    Statement,
    Until,
    While,
)

MAX_CALL_DEPTH = 1000


@dataclass(frozen=True, slots=True)
class Act:
    block_id: int
    name: str


@dataclass(frozen=True, slots=True)
class Ask:
    block_id: int
    sensor: str


@dataclass(frozen=True, slots=True)
class Exhausted:
    block_id: int


Effect = Act | Ask | Exhausted
Execution = Generator[Effect, bool | None, None]

# Node kinds of the compiled tree.
_ACT, _REPEAT, _WHILE, _IF, _DEFINE, _CALL = range(6)


@dataclass(frozen=True, slots=True)
class _Node:
    kind: int
    block_id: int
    effect: Act | Ask | None
    negated: bool
    count: int
    name: str
    body: tuple[_Node, ...]
    orelse: tuple[_Node, ...] | None


class _Compiler:
    """Numbers blocks in pre-order (matching `blocks.program.walk`) and prebuilds effects."""

    def __init__(self) -> None:
        self.next_id = 0
        self.functions: dict[str, tuple[_Node, ...]] = {}

    def body(self, statements: tuple[Statement, ...]) -> tuple[_Node, ...]:
        return tuple(self.node(stmt) for stmt in statements)

    def node(self, stmt: Statement) -> _Node:
        block_id = self.next_id
        self.next_id += 1
        match stmt:
            case Action(name=name):
                return _Node(_ACT, block_id, Act(block_id, name), False, 0, name, (), None)
            case Repeat(count=count, body=body):
                return _Node(_REPEAT, block_id, None, False, count, "", self.body(body), None)
            case While(cond=cond, body=body):
                return self._cond_node(_WHILE, block_id, cond, body, None, flip=False)
            case Until(cond=cond, body=body):
                return self._cond_node(_WHILE, block_id, cond, body, None, flip=True)
            case If(cond=cond, body=body, orelse=orelse):
                return self._cond_node(_IF, block_id, cond, body, orelse, flip=False)
            case Define(name=name, body=body):
                compiled = self.body(body)
                self.functions[name] = compiled
                return _Node(_DEFINE, block_id, None, False, 0, name, compiled, None)
            case Call(name=name):
                return _Node(_CALL, block_id, None, False, 0, name, (), None)

    def _cond_node(
        self,
        kind: int,
        block_id: int,
        cond: Cond,
        body: tuple[Statement, ...],
        orelse: tuple[Statement, ...] | None,
        flip: bool,
    ) -> _Node:
        ask = Ask(block_id, cond.sensor)
        compiled = self.body(body)
        other = None if orelse is None else self.body(orelse)
        return _Node(kind, block_id, ask, cond.negated != flip, 0, "", compiled, other)


class _Frame:
    """A body being run: where we are in it, and the loop or call that owns it."""

    __slots__ = ("body", "index", "is_call", "loop", "rounds")

    def __init__(
        self, body: tuple[_Node, ...], index: int, loop: _Node | None, rounds: int, is_call: bool
    ) -> None:
        self.body = body
        self.index = index
        self.loop = loop
        self.rounds = rounds
        self.is_call = is_call


def interpret(program: Program, max_evals: int, max_depth: int = MAX_CALL_DEPTH) -> Execution:
    """Run `program` as a stream of effects until it ends or a budget runs out."""
    compiler = _Compiler()
    main = compiler.body(program.statements)
    functions = compiler.functions
    evals = 0
    depth = 0
    stack = [_Frame(main, 0, None, 0, False)]
    while stack:
        frame = stack[-1]
        body = frame.body
        index = frame.index
        if index < len(body):
            node = body[index]
            frame.index = index + 1
            kind = node.kind
            if kind in (_REPEAT, _WHILE):
                stack.append(_Frame(node.body, len(node.body), node, node.count, False))
                continue
            evals += 1
            if evals > max_evals:
                yield Exhausted(node.block_id)
                return
            if kind == _ACT:
                yield node.effect  # type: ignore[misc]
            elif kind == _IF:
                holds = (yield node.effect) != node.negated  # type: ignore[misc]
                branch = node.body if holds else node.orelse
                if branch:
                    stack.append(_Frame(branch, 0, None, 0, False))
            elif kind == _CALL:
                depth += 1
                if depth > max_depth:
                    yield Exhausted(node.block_id)
                    return
                stack.append(_Frame(functions[node.name], 0, None, 0, True))
            continue
        loop = frame.loop
        if loop is None:
            stack.pop()
            if frame.is_call:
                depth -= 1
            continue
        evals += 1
        if evals > max_evals:
            yield Exhausted(loop.block_id)
            return
        if loop.kind == _REPEAT:
            again = frame.rounds > 0
            frame.rounds -= 1
        else:
            again = (yield loop.effect) != loop.negated  # type: ignore[misc]
        if again:
            frame.index = 0
        else:
            stack.pop()
