"""The interpreter: a generator that yields one effect at a time, tagged with its block id.

`Act` asks the caller to perform an action, `Ask` asks a sensor (the caller sends back a
bool), `Exhausted` says the evaluation or call-depth budget ran out.

The program is first compiled to a flat list of instructions, each naming the one that
runs after it, so running is a single loop over a program counter: no Python recursion
(deep recursion in a child's program cannot overflow Python's stack) and little work per
block (a run of a million actions stays quick on an old PC). A call pushes its return
address; `repeat` counters live on their own stack, which nests like the loops do even
through recursion, because a loop always ends before the body holding it.

Counting: an action, an `if`, a `define` and a `call` each count one evaluation when
reached, and every check of a loop's condition or counter counts one (a `repeat 3` is
checked four times), so every round of every loop costs something and the budget always
stops the run.
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
    children,
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

# An instruction is (op, block_id, effect, target, next): after it runs, control goes to
# `next` unless the op says otherwise. The first five ops count one evaluation each.
_ACT = 0  # yield `effect` (an Act)
_COUNT = 1  # a repeat's check: on to `next` (its body) while its counter lasts, else `target`
_WHEN = 2  # yield `effect` (an Ask): on to `next` if the answer is True, else `target`
_UNLESS = 3  # the same, with the answer negated
_CALL = 4  # push `next` as the return address, go to `target` (the function's start)
_SKIP = 5  # a define met in the program: it only counts
_START = 6  # a repeat begins: push its count (`target`), then go to its check (`next`)
_RETURN = 7  # go back to the address on top of the return stack
_END = 8  # the program is over

Instruction = tuple[int, int, Act | Ask | None, int, int]


@dataclass(slots=True)
class _Slot:
    """An instruction being compiled: `target` and `next` are filled in once known."""

    op: int
    block_id: int
    effect: Act | Ask | None
    target: int = -1
    next: int = -1

    def frozen(self) -> Instruction:
        return (self.op, self.block_id, self.effect, self.target, self.next)


def size(stmt: Statement) -> int:
    """How many blocks a statement is, itself included (its children's ids follow its own)."""
    return 1 + sum(size(child) for child in children(stmt))


class _Compiler:
    """Emits instructions; block ids are pre-order indexes, matching `blocks.program.walk`.

    Bodies are compiled last statement first, so each statement already knows where control
    goes after it; a loop's check is emitted before its body, which then ends by going back
    to the check. Calls are linked once every function's start is known.
    """

    def __init__(self) -> None:
        self.code: list[_Slot] = []
        self.functions: dict[str, int] = {}
        self.calls: list[tuple[int, str]] = []
        self.end = self.emit(_END, -1)
        self.ret = self.emit(_RETURN, -1)

    def emit(self, op: int, block_id: int, effect: Act | Ask | None = None) -> int:
        self.code.append(_Slot(op, block_id, effect))
        return len(self.code) - 1

    def link(self, index: int, target: int, after: int) -> int:
        self.code[index].target = target
        self.code[index].next = after
        return index

    def body(self, statements: tuple[Statement, ...], first_id: int, after: int) -> int:
        """Compile `statements` to run then go to `after`; return where they begin."""
        ids = []
        for stmt in statements:
            ids.append(first_id)
            first_id += size(stmt)
        entry = after
        for stmt, block_id in zip(reversed(statements), reversed(ids), strict=True):
            entry = self.statement(stmt, block_id, entry)
        return entry

    def statement(self, stmt: Statement, block_id: int, after: int) -> int:
        inner = block_id + 1
        match stmt:
            case Action(name=name):
                return self.link(self.emit(_ACT, block_id, Act(block_id, name)), -1, after)
            case Repeat(count=count, body=body):
                check = self.emit(_COUNT, block_id)
                self.link(check, after, self.body(body, inner, check))
                return self.link(self.emit(_START, block_id), count, check)
            case While(cond=cond, body=body) | Until(cond=cond, body=body):
                test = self.test(cond, block_id, flip=isinstance(stmt, Until))
                return self.link(test, after, self.body(body, inner, test))
            case If(cond=cond, body=body, orelse=orelse):
                test = self.test(cond, block_id, flip=False)
                else_id = inner + sum(size(s) for s in body)
                otherwise = self.body(orelse or (), else_id, after)
                return self.link(test, otherwise, self.body(body, inner, after))
            case Define(name=name, body=body):
                self.functions[name] = self.body(body, inner, self.ret)
                return self.link(self.emit(_SKIP, block_id), -1, after)
            case Call(name=name):
                self.calls.append((self.emit(_CALL, block_id), name))
                return self.link(self.calls[-1][0], -1, after)

    def test(self, cond: Cond, block_id: int, flip: bool) -> int:
        """A condition check; `flip` turns `until C` into `while not C`."""
        op = _UNLESS if cond.negated != flip else _WHEN
        return self.emit(op, block_id, Ask(block_id, cond.sensor))

    def finish(self, program: Program) -> tuple[tuple[Instruction, ...], int]:
        entry = self.body(program.statements, 0, self.end)
        for call, name in self.calls:
            self.code[call].target = self.functions[name]
        return tuple(slot.frozen() for slot in self.code), entry


def compile_program(program: Program) -> tuple[tuple[Instruction, ...], int]:
    """The program's instructions and the index of the first one to run."""
    return _Compiler().finish(program)


def interpret(program: Program, max_evals: int, max_depth: int = MAX_CALL_DEPTH) -> Execution:
    """Run `program` as a stream of effects until it ends or a budget runs out."""
    code, pc = compile_program(program)
    counters: list[int] = []
    returns: list[int] = []
    evals = 0
    while True:
        op, block_id, effect, target, pc = code[pc]
        if op <= _SKIP:
            evals += 1
            if evals > max_evals:
                yield Exhausted(block_id)
                return
            if op == _ACT:
                yield effect  # type: ignore[misc]
            elif op == _COUNT:
                if counters[-1]:
                    counters[-1] -= 1
                else:
                    counters.pop()
                    pc = target
            elif op == _WHEN:
                if not (yield effect):  # type: ignore[misc]
                    pc = target
            elif op == _UNLESS:
                if (yield effect):  # type: ignore[misc]
                    pc = target
            elif op == _CALL:
                if len(returns) >= max_depth:
                    yield Exhausted(block_id)
                    return
                returns.append(pc)
                pc = target
        elif op == _START:
            counters.append(target)
        elif op == _RETURN:
            pc = returns.pop()
        else:
            return
