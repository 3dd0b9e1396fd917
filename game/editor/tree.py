"""Immutable trees of blocks with stable ids, and the pure functions that edit them.

Every edit returns a new tree, so undo is keeping the old one. Ids never change when a
block moves, so the screen can follow a block being dragged, highlighted or edited.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from typing import Literal

from blocks.program import Cond

Arm = Literal["body", "else"]

ACTION_KINDS: tuple[str, ...] = ("forward", "turn_left", "turn_right", "pick_up")
CONTAINER_KINDS: frozenset[str] = frozenset({"repeat", "while", "until", "if", "if_else", "define"})
KINDS: tuple[str, ...] = (
    *ACTION_KINDS,
    "repeat",
    "while",
    "until",
    "if",
    "if_else",
    "define",
    "call",
)


@dataclass(frozen=True, slots=True)
class Block:
    """One block on screen. Fields not used by a kind keep their defaults."""

    id: int
    kind: str
    count: int = 0
    cond: Cond | None = None
    name: str = ""
    body: tuple[Block, ...] = ()
    orelse: tuple[Block, ...] = ()

    @property
    def arms(self) -> tuple[Arm, ...]:
        """The slots this block holds other blocks in: `do`, and `else` for if/else."""
        if self.kind == "if_else":
            return ("body", "else")
        return ("body",) if self.kind in CONTAINER_KINDS else ()

    def arm(self, arm: Arm) -> tuple[Block, ...]:
        return self.orelse if arm == "else" else self.body


Tree = tuple[Block, ...]


@dataclass(frozen=True, slots=True)
class Slot:
    """Where blocks can go: the top level (`owner` None) or one arm of a container."""

    owner: int | None = None
    arm: Arm = "body"


TOP = Slot()


def walk(tree: Tree) -> Iterator[Block]:
    """Every block in pre-order, `do` before `else`: the order of `blocks.program.walk`."""
    for block in tree:
        yield block
        yield from walk(block.body)
        yield from walk(block.orelse)


def count(tree: Tree) -> int:
    return sum(1 for _ in walk(tree))


def find(tree: Tree, block_id: int) -> Block | None:
    return next((block for block in walk(tree) if block.id == block_id), None)


def contains(block: Block, block_id: int) -> bool:
    """Whether `block_id` is `block` itself or anywhere inside it."""
    return any(inner.id == block_id for inner in walk((block,)))


def slot_blocks(tree: Tree, slot: Slot) -> tuple[Block, ...] | None:
    """The blocks in `slot`, or None when the slot does not exist."""
    if slot.owner is None:
        return tree
    owner = find(tree, slot.owner)
    if owner is None or slot.arm not in owner.arms:
        return None
    return owner.arm(slot.arm)


def location(tree: Tree, block_id: int) -> tuple[Slot, int] | None:
    """The slot holding `block_id` and its index there."""
    for index, block in enumerate(tree):
        if block.id == block_id:
            return TOP, index
    for block in walk(tree):
        for arm in block.arms:
            for index, inner in enumerate(block.arm(arm)):
                if inner.id == block_id:
                    return Slot(block.id, arm), index
    return None


def _map_slot(tree: Tree, slot: Slot, change: Callable[[Tree], Tree]) -> Tree:
    if slot.owner is None:
        return change(tree)

    def visit(blocks: Tree) -> Tree:
        out = []
        for block in blocks:
            if block.id == slot.owner:
                if slot.arm == "else":
                    block = replace(block, orelse=change(block.orelse))
                else:
                    block = replace(block, body=change(block.body))
            else:
                block = replace(block, body=visit(block.body), orelse=visit(block.orelse))
            out.append(block)
        return tuple(out)

    return visit(tree)


def insert(tree: Tree, slot: Slot, index: int, block: Block) -> Tree:
    """`block` placed at `index` of `slot` (clamped to the slot's ends)."""

    def put(blocks: Tree) -> Tree:
        at = max(0, min(index, len(blocks)))
        return (*blocks[:at], block, *blocks[at:])

    return _map_slot(tree, slot, put)


def remove(tree: Tree, block_ids: frozenset[int]) -> Tree:
    """The tree without the blocks in `block_ids` (and everything inside them)."""

    def keep(blocks: Tree) -> Tree:
        return tuple(
            replace(block, body=keep(block.body), orelse=keep(block.orelse))
            for block in blocks
            if block.id not in block_ids
        )

    return keep(tree)


def update(tree: Tree, block_id: int, change: Callable[[Block], Block]) -> Tree:
    """The tree with `change` applied to the block `block_id`."""

    def visit(blocks: Tree) -> Tree:
        return tuple(
            change(block)
            if block.id == block_id
            else replace(block, body=visit(block.body), orelse=visit(block.orelse))
            for block in blocks
        )

    return visit(tree)
