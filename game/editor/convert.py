"""Block trees to `blocks.program.Program` and back.

A `Program` has no ids; the editor's ids are given on the way in and dropped on the way
out. Pre-order positions match (`tree.walk` and `blocks.program.walk` visit `do` before
`else`), which is how a trace frame's block id finds the block on screen.
"""

from __future__ import annotations

from collections.abc import Iterator
from itertools import count as counter

from blocks.program import (
    Action,
    Call,
    Define,
    If,
    Program,
    Repeat,
    Statement,
    Until,
    While,
)
from game.editor.tree import Block, Tree


def to_statements(tree: Tree) -> tuple[Statement, ...]:
    return tuple(_statement(block) for block in tree)


def _statement(block: Block) -> Statement:
    body = to_statements(block.body)
    match block.kind:
        case "repeat":
            return Repeat(block.count, body)
        case "while" | "until" | "if" | "if_else":
            assert block.cond is not None, "conditional blocks always carry a condition"
            if block.kind == "while":
                return While(block.cond, body)
            if block.kind == "until":
                return Until(block.cond, body)
            orelse = to_statements(block.orelse) if block.kind == "if_else" else None
            return If(block.cond, body, orelse)
        case "define":
            return Define(block.name, body)
        case "call":
            return Call(block.name)
        case _:
            return Action(block.kind)


def to_program(tree: Tree, level: str | None = None) -> Program:
    return Program(to_statements(tree), level)


def from_program(program: Program, ids: Iterator[int] | None = None) -> Tree:
    """A tree for `program`, numbering blocks from `ids` (0, 1, 2... by default)."""
    return _blocks(program.statements, ids if ids is not None else counter())


def _blocks(statements: tuple[Statement, ...], ids: Iterator[int]) -> Tree:
    return tuple(_block(stmt, ids) for stmt in statements)


def _block(stmt: Statement, ids: Iterator[int]) -> Block:
    block_id = next(ids)
    match stmt:
        case Action(name=name):
            return Block(block_id, name)
        case Repeat(count=n, body=body):
            return Block(block_id, "repeat", count=n, body=_blocks(body, ids))
        case While(cond=cond, body=body):
            return Block(block_id, "while", cond=cond, body=_blocks(body, ids))
        case Until(cond=cond, body=body):
            return Block(block_id, "until", cond=cond, body=_blocks(body, ids))
        case If(cond=cond, body=body, orelse=orelse):
            inner = _blocks(body, ids)
            if orelse is None:
                return Block(block_id, "if", cond=cond, body=inner)
            return Block(block_id, "if_else", cond=cond, body=inner, orelse=_blocks(orelse, ids))
        case Define(name=name, body=body):
            return Block(block_id, "define", name=name, body=_blocks(body, ids))
        case Call(name=name):
            return Block(block_id, "call", name=name)
