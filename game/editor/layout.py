"""Where every block of a program sits on screen, computed once and used twice.

Drawing and hit-testing read the same `Layout`, so a click always lands on what is
drawn there. The layout is computed left to right and mirrored for Arabic, where the
program hangs from the right edge and blocks indent leftward. Text widths come from a
`measure` function handed in by the renderer, which keeps this module free of pygame.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, fields, replace
from typing import Literal

from game.editor.tree import Arm, Block, Slot, Tree

PartRole = Literal["icon", "word", "minus", "count", "plus", "cond", "name"]
Measure = Callable[[str], int]
MIN_HEADER = 44  # children's fingers and old mice: a block stays at least this tall
MIN_BUTTON = 40
Words = Callable[[Block], tuple[str, str]]


@dataclass(frozen=True, slots=True)
class Box:
    x: int
    y: int
    w: int
    h: int

    @property
    def right(self) -> int:
        return self.x + self.w

    @property
    def bottom(self) -> int:
        return self.y + self.h

    def contains(self, px: float, py: float) -> bool:
        return self.x <= px < self.x + self.w and self.y <= py < self.y + self.h

    def mirrored(self, width: int) -> Box:
        """The same box seen in a mirror spanning 0..width (for right-to-left layouts)."""
        return Box(width - self.x - self.w, self.y, self.w, self.h)


@dataclass(frozen=True, slots=True)
class Metrics:
    """Sizes in pixels; `scaled` grows them with the player's text size."""

    header: int = 52
    icon: int = 32
    pad: int = 10
    button: int = 40
    arm: int = 26
    gap: int = 6
    foot: int = 16
    empty: int = 40
    else_row: int = 40
    min_width: int = 150
    margin: int = 12

    def scaled(self, scale: float) -> Metrics:
        """Every size times `scale`, but headers and buttons stay big enough to hit."""
        grown = Metrics(*(round(getattr(self, f.name) * scale) for f in fields(self)))
        return replace(
            grown, header=max(MIN_HEADER, grown.header), button=max(MIN_BUTTON, grown.button)
        )


@dataclass(frozen=True, slots=True)
class Part:
    """A piece of a block's header: its icon, its word, or a field a child can edit."""

    role: PartRole
    box: Box
    text: str = ""


@dataclass(frozen=True, slots=True)
class Placed:
    """One block on screen: its whole box (arms included), its header and header parts,
    and for C-shaped blocks the inner box of each arm."""

    block: Block
    box: Box
    header: Box
    parts: tuple[Part, ...]
    arms: tuple[tuple[Arm, Box], ...]
    depth: int
    else_row: Box | None = None


@dataclass(frozen=True, slots=True)
class Gap:
    """A place a block can be dropped: `index` of `slot`, drawn as a bar in `box`."""

    slot: Slot
    index: int
    box: Box


@dataclass(frozen=True, slots=True)
class Layout:
    placed: tuple[Placed, ...]
    gaps: tuple[Gap, ...]
    width: int
    height: int
    rtl: bool

    def block_at(self, px: float, py: float) -> Placed | None:
        """The innermost block whose header (or C-shaped frame) is under the point."""
        hit = None
        for placed in self.placed:
            if placed.box.contains(px, py) and not _in_arm(placed, px, py):
                hit = placed
        return hit

    def part_at(self, px: float, py: float) -> tuple[Placed, Part] | None:
        for placed in self.placed:
            if placed.header.contains(px, py):
                for part in placed.parts:
                    if part.box.contains(px, py):
                        return placed, part
        return None

    def find(self, block_id: int) -> Placed | None:
        return next((p for p in self.placed if p.block.id == block_id), None)

    def gap_for(self, px: float, py: float) -> Gap | None:
        """The drop place for a block whose leading edge is at (px, py): the vertically
        closest gap whose indent the block has reached; deeper wins a tie."""
        best: tuple[float, int, Gap] | None = None
        for gap in self.gaps:
            start = gap.box.right if self.rtl else gap.box.x
            beyond = (start - px) if self.rtl else (px - start)
            if beyond < -12:
                continue
            score = (abs(py - (gap.box.y + gap.box.h / 2)), gap.box.w, gap)
            if best is None or score[:2] < best[:2]:
                best = score
        return best[2] if best else None


def _in_arm(placed: Placed, px: float, py: float) -> bool:
    return any(box.contains(px, py) for _, box in placed.arms)


class _Builder:
    def __init__(self, metrics: Metrics, measure: Measure, words: Words) -> None:
        self.m = metrics
        self.measure = measure
        self.words = words
        self.placed: list[Placed] = []
        self.gaps: list[Gap] = []

    def column(self, blocks: Tree, slot: Slot, x: int, y: int, depth: int) -> int:
        """Lay out a slot's blocks from (x, y) down; returns the y below the last one."""
        m = self.m
        for index, block in enumerate(blocks):
            self.gaps.append(Gap(slot, index, Box(x, y - m.gap, m.min_width, m.gap)))
            y = self.block(block, x, y, depth) + m.gap
        self.gaps.append(Gap(slot, len(blocks), Box(x, y - m.gap, m.min_width, m.gap)))
        return y

    def block(self, block: Block, x: int, y: int, depth: int) -> int:
        """Place one block at (x, y); returns its bottom."""
        m = self.m
        at = len(self.placed)
        self.placed.append(Placed(block, Box(x, y, 0, 0), Box(x, y, 0, 0), (), (), depth))
        parts, header_w = self.header(block, x, y)
        bottom = y + m.header
        arms: list[tuple[Arm, Box]] = []
        else_row = None
        for arm in block.arms:
            if arm == "else":
                else_row = Box(x, bottom, m.min_width, m.else_row)
                bottom += m.else_row
            inner_top = bottom + m.gap
            end = self.column(block.arm(arm), Slot(block.id, arm), x + m.arm, inner_top, depth + 1)
            end = max(end, inner_top + m.empty)
            arms.append((arm, Box(x + m.arm, bottom, 0, end - bottom)))
            bottom = end
        if block.arms:
            bottom += m.foot
        inner = [p.box.right for p in self.placed[at + 1 :]]
        width = max([header_w, m.min_width, *(r - x for r in inner)])
        arms = [(arm, replace(box, w=width - m.arm)) for arm, box in arms]
        header = Box(x, y, width, m.header)
        self.placed[at] = Placed(
            block,
            Box(x, y, width, bottom - y),
            header,
            parts,
            tuple(arms),
            depth,
            replace(else_row, w=width) if else_row else None,
        )
        return bottom

    def header(self, block: Block, x: int, y: int) -> tuple[tuple[Part, ...], int]:
        """The header's parts, left to right, and the width they need."""
        m = self.m
        word, field = self.words(block)
        roles: list[tuple[PartRole, int, str]] = [
            ("icon", m.icon, ""),
            ("word", self.measure(word), word),
        ]
        if block.kind == "repeat":
            count_w = max(self.measure("99"), m.button - 8)
            roles += [("minus", m.button, ""), ("count", count_w, field), ("plus", m.button, "")]
        elif block.cond is not None:
            # The chip's picture is as tall as the chip allows (see block_view._paint_chip).
            roles.append(("cond", m.button - 10 + self.measure(field) + 3 * m.pad + 14, field))
        elif block.kind == "define":
            roles.append(("name", self.measure(field) + 2 * m.pad, field))
        parts = []
        cx = x + m.pad
        for role, width, text in roles:
            h = m.button if role in ("minus", "plus", "cond", "name", "count") else m.icon
            if role == "word":
                h = m.header - 2 * m.gap
            parts.append(Part(role, Box(cx, y + (m.header - h) // 2, width, h), text))
            cx += width + m.pad // 2 + (m.pad // 2 if role in ("word", "icon") else 0)
        return tuple(parts), cx - x + m.pad


def layout(
    tree: Tree,
    width: int,
    measure: Measure,
    words: Words,
    metrics: Metrics | None = None,
    rtl: bool = False,
) -> Layout:
    """Place `tree` in a column `width` wide (content coordinates, from 0, 0)."""
    m = metrics or Metrics()
    builder = _Builder(m, measure, words)
    bottom = builder.column(tree, Slot(), m.margin, m.margin, 0)
    gaps = [_stretch(gap, width, m) for gap in builder.gaps]
    placed = builder.placed
    content_w = max([width, *(p.box.right + m.margin for p in placed)])
    if rtl:
        placed = [_mirror(p, content_w) for p in placed]
        gaps = [replace(g, box=g.box.mirrored(content_w)) for g in gaps]
    return Layout(tuple(placed), tuple(gaps), content_w, bottom + m.margin, rtl)


def _stretch(gap: Gap, width: int, m: Metrics) -> Gap:
    """Drop bars reach the right edge, so a block dropped anywhere to the right fits."""
    return replace(gap, box=replace(gap.box, w=max(m.min_width, width - gap.box.x - m.margin)))


def _mirror(placed: Placed, width: int) -> Placed:
    return replace(
        placed,
        box=placed.box.mirrored(width),
        header=placed.header.mirrored(width),
        parts=tuple(replace(part, box=part.box.mirrored(width)) for part in placed.parts),
        arms=tuple((arm, box.mirrored(width)) for arm, box in placed.arms),
        else_row=placed.else_row.mirrored(width) if placed.else_row else None,
    )
