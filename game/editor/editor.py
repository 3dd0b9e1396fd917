"""The program being edited: the level's rules, undo and redo, and what the palette offers.

Every change goes through `ProgramEditor`, which refuses what the level forbids (a block
not in the palette, one block too many, a function defined inside another block) instead
of letting a child build a program that cannot run. Each accepted change bumps `version`,
so the screen knows when to save and redraw.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from itertools import count as counter
from typing import Literal

from blocks.catalogue import REPEAT_MAX, REPEAT_MIN, RESERVED_FUNCTION_NAMES
from blocks.parse import FUNCTION_NAME
from blocks.program import Cond, Program
from game.editor import tree as t
from game.editor.convert import from_program, to_program
from game.editor.tree import Block, Slot, Tree

Refusal = Literal["not_allowed", "limit", "define_top", "into_itself", "no_slot", "bad_name"]
HISTORY_LIMIT = 500

DEFAULT_COUNT = 3
DEFAULT_COND: dict[str, Cond] = {
    "while": Cond("path_ahead"),
    "until": Cond("at_goal"),
    "if": Cond("path_ahead"),
    "if_else": Cond("path_ahead"),
}


def palette_name(kind: str) -> str:
    """The name a level's `blocks:` list must hold for a block of this kind."""
    return "function" if kind in ("define", "call") else kind


@dataclass(frozen=True, slots=True)
class PaletteEntry:
    """One block the palette offers; `name` is the function for a `call` entry."""

    kind: str
    name: str = ""


class ProgramEditor:
    """A child's program under construction, bound to one level's palette and limit."""

    def __init__(
        self,
        palette: tuple[str, ...],
        max_blocks: int | None = None,
        program: Program | None = None,
        level_id: str | None = None,
    ) -> None:
        self.palette = palette
        self.max_blocks = max_blocks
        self.level_id = level_id
        self._ids = counter()
        self.tree: Tree = from_program(program, self._ids) if program else ()
        self._undo: list[Tree] = []
        self._redo: list[Tree] = []
        self.version = 0
        self._counted = (-1, 0)

    # -- reading -------------------------------------------------------------------------

    @property
    def count(self) -> int:
        """Blocks in the program (remembered per version: the screen asks every frame)."""
        if self._counted[0] != self.version:
            self._counted = (self.version, t.count(self.tree))
        return self._counted[1]

    @property
    def full(self) -> bool:
        """True when one more block would pass `max_blocks`."""
        return self.max_blocks is not None and self.count >= self.max_blocks

    @property
    def over(self) -> bool:
        """True when the program already has more blocks than allowed (typed or loaded)."""
        return self.max_blocks is not None and self.count > self.max_blocks

    def program(self) -> Program:
        return to_program(self.tree, self.level_id)

    def find(self, block_id: int) -> Block | None:
        return t.find(self.tree, block_id)

    def preorder(self) -> tuple[int, ...]:
        """Editor ids in pre-order: index = the block id a trace frame carries."""
        return tuple(block.id for block in t.walk(self.tree))

    def functions(self) -> tuple[str, ...]:
        return tuple(block.name for block in self.tree if block.kind == "define")

    def allowed(self, kind: str) -> bool:
        return palette_name(kind) in self.palette

    def entries(self) -> tuple[PaletteEntry, ...]:
        """What the palette shows: the level's blocks, and one call per defined function."""
        kinds = [k for k in t.KINDS if k != "call" and self.allowed(k)]
        entries = [PaletteEntry(k) for k in kinds]
        if self.allowed("call"):
            entries += [PaletteEntry("call", name) for name in self.functions()]
        return tuple(entries)

    @property
    def can_undo(self) -> bool:
        return bool(self._undo)

    @property
    def can_redo(self) -> bool:
        return bool(self._redo)

    # -- checks --------------------------------------------------------------------------

    def insert_refusal(self, entry: PaletteEntry, slot: Slot) -> Refusal | None:
        if not self.allowed(entry.kind):
            return "not_allowed"
        if entry.kind == "call" and entry.name not in self.functions():
            return "not_allowed"
        if self.full:
            return "limit"
        return self._slot_refusal(entry.kind, slot)

    def move_refusal(self, block_id: int, slot: Slot) -> Refusal | None:
        block = self.find(block_id)
        if block is None:
            return "no_slot"
        if slot.owner is not None and t.contains(block, slot.owner):
            return "into_itself"
        return self._slot_refusal(block.kind, slot)

    def _slot_refusal(self, kind: str, slot: Slot) -> Refusal | None:
        if t.slot_blocks(self.tree, slot) is None:
            return "no_slot"
        if kind == "define" and slot.owner is not None:
            return "define_top"
        return None

    # -- edits ---------------------------------------------------------------------------

    def _commit(self, tree: Tree) -> None:
        if tree == self.tree:
            return
        self._undo.append(self.tree)
        del self._undo[:-HISTORY_LIMIT]
        self._redo.clear()
        self.tree = tree
        self.version += 1

    def new_block(self, entry: PaletteEntry) -> Block:
        """A fresh block for a palette entry, with friendly default fields."""
        block_id = next(self._ids)
        if entry.kind == "repeat":
            return Block(block_id, "repeat", count=DEFAULT_COUNT)
        if entry.kind in DEFAULT_COND:
            return Block(block_id, entry.kind, cond=DEFAULT_COND[entry.kind])
        if entry.kind == "define":
            return Block(block_id, "define", name=self._free_name())
        return Block(block_id, entry.kind, name=entry.name)

    def _free_name(self) -> str:
        taken = set(self.functions())
        return next(f"f{n}" for n in counter(1) if f"f{n}" not in taken)

    def insert(self, entry: PaletteEntry, slot: Slot, index: int) -> int | Refusal:
        """Add a new block from the palette; its id, or why it was refused."""
        refused = self.insert_refusal(entry, slot)
        if refused is not None:
            return refused
        block = self.new_block(entry)
        self._commit(t.insert(self.tree, slot, index, block))
        return block.id

    def move(self, block_id: int, slot: Slot, index: int) -> Refusal | None:
        """Move a block (with what it holds) to `index` of `slot`, the index counted once
        the block is lifted out: what a child sees while dragging it."""
        refused = self.move_refusal(block_id, slot)
        if refused is not None:
            return refused
        block = self.find(block_id)
        assert block is not None
        self._commit(t.insert(t.remove(self.tree, frozenset({block_id})), slot, index, block))
        return None

    def delete(self, block_id: int) -> bool:
        """Remove a block and what it holds; removing a function removes its calls too."""
        block = self.find(block_id)
        if block is None:
            return False
        gone = {block_id}
        if block.kind == "define":
            gone |= {b.id for b in t.walk(self.tree) if b.kind == "call" and b.name == block.name}
        self._commit(t.remove(self.tree, frozenset(gone)))
        return True

    def set_count(self, block_id: int, value: int) -> None:
        value = max(REPEAT_MIN, min(REPEAT_MAX, value))
        block = self.find(block_id)
        if block is not None and block.kind == "repeat":
            self._commit(t.update(self.tree, block_id, lambda b: replace(b, count=value)))

    def set_cond(self, block_id: int, cond: Cond) -> None:
        block = self.find(block_id)
        if block is not None and block.cond is not None:
            self._commit(t.update(self.tree, block_id, lambda b: replace(b, cond=cond)))

    def rename(self, block_id: int, name: str) -> Refusal | None:
        """Rename a function and every call to it; the name must be a valid, free one."""
        block = self.find(block_id)
        if block is None or block.kind != "define":
            return "no_slot"
        if name == block.name:
            return None
        taken = set(self.functions())
        if not FUNCTION_NAME.match(name) or name in RESERVED_FUNCTION_NAMES or name in taken:
            return "bad_name"
        renamed = t.update(self.tree, block_id, lambda b: replace(b, name=name))
        for call in [b for b in t.walk(renamed) if b.kind == "call" and b.name == block.name]:
            renamed = t.update(renamed, call.id, lambda b: replace(b, name=name))
        self._commit(renamed)
        return None

    def load(self, program: Program) -> None:
        """Replace the whole program (typed Python, a saved file) as one undoable edit."""
        self._commit(from_program(program, self._ids))

    def clear(self) -> None:
        self._commit(())

    def undo(self) -> bool:
        if not self._undo:
            return False
        self._redo.append(self.tree)
        self.tree = self._undo.pop()
        self.version += 1
        return True

    def redo(self) -> bool:
        if not self._redo:
            return False
        self._undo.append(self.tree)
        self.tree = self._redo.pop()
        self.version += 1
        return True
