"""Blocks drawn from a `game.editor.layout.Layout`: headers, C-shaped arms, fields.

The layout decides where everything is; this module only paints it, so what a child
clicks is what is drawn. Headers and palette tiles are rendered once into cached
surfaces (Arabic text costs about half a millisecond a label): a frame is mostly blits.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import pygame

from blocks.catalogue import BLOCKS_BY_NAME, SENSORS
from blocks.program import Cond
from game.editor.editor import PaletteEntry, palette_name
from game.editor.layout import Box, Layout, Metrics, Part, Placed
from game.editor.tree import Block
from game.i18n import t
from game.render.icons import icon
from game.render.text import is_rtl, text_surface, text_width
from game.ui import theme

Rgb = tuple[int, int, int]
WHITE: Rgb = (255, 255, 255)
RUNNING: Rgb = (255, 214, 10)
FAILED: Rgb = (214, 40, 40)
SHADOW_DROP = 4
MIN_PALETTE_TEXT = 14
SENSOR_ICONS: dict[str, str] = {spec.name: spec.icon for spec in SENSORS}
KIND_ICONS: dict[str, str] = {"define": "function", "call": "call", "if_else": "if_else"}


def colour_of(kind: str) -> Rgb:
    return theme.CATEGORY[BLOCKS_BY_NAME[palette_name(kind)].category]


def icon_of(kind: str) -> str:
    return KIND_ICONS.get(kind) or BLOCKS_BY_NAME[palette_name(kind)].icon


def box_rect(box: Box, dx: int = 0, dy: int = 0) -> pygame.Rect:
    return pygame.Rect(box.x + dx, box.y + dy, box.w, box.h)


def cond_text(cond: Cond, lang: str) -> str:
    prefix = "sensor_not" if cond.negated else "sensor"
    return t(f"{prefix}.{cond.sensor}", lang)


@dataclass(frozen=True, slots=True)
class Marks:
    """Which blocks stand out: the one running, the one that failed, the keyboard focus."""

    running: int | None = None
    failed: int | None = None
    focus: int | None = None


class BlockPainter:
    """Paints blocks in one language at one text size."""

    def __init__(self, lang: str, scale: float = 1.0) -> None:
        self.lang = lang
        self.rtl = is_rtl(lang)
        self.metrics = Metrics().scaled(scale)
        self.size = theme.text_size("body", scale)
        self.small = theme.text_size("small", scale)

    # -- what the layout needs -----------------------------------------------------------

    def measure(self, text: str) -> int:
        return text_width(text, self.size, self.lang, bold=True)

    def words(self, block: Block) -> tuple[str, str]:
        """The block's word and the text of its field (count, condition, function name)."""
        if block.kind == "call":
            return block.name, ""
        word = t(BLOCKS_BY_NAME[palette_name(block.kind)].text_key, self.lang)
        if block.kind == "repeat":
            return word, str(block.count)
        if block.cond is not None:
            return word, cond_text(block.cond, self.lang)
        return word, block.name

    # -- program -------------------------------------------------------------------------

    def draw_layout(
        self,
        surface: pygame.Surface,
        layout: Layout,
        offset: tuple[int, int],
        marks: Marks,
        clip: pygame.Rect | None = None,
    ) -> None:
        """Every block, then the marks (running, failed, focus) on top."""
        dx, dy = offset
        for placed in layout.placed:
            rect = box_rect(placed.box, dx, dy)
            if clip is None or rect.colliderect(clip):
                self.paint_block(surface, placed, offset)
        self.draw_marks(surface, layout, offset, marks)

    def layout_surface(self, layout: Layout) -> pygame.Surface:
        """The whole program drawn once (marks apart): a frame then costs one blit."""
        surface = pygame.Surface((layout.width, layout.height + SHADOW_DROP), pygame.SRCALPHA)
        for placed in layout.placed:
            self.paint_block(surface, placed, (0, 0))
        return _ready(surface)

    def paint_block(self, surface: pygame.Surface, placed: Placed, offset: tuple[int, int]) -> None:
        dx, dy = offset
        colour = colour_of(placed.block.kind)
        for piece in self._pieces(placed):
            pygame.draw.rect(
                surface,
                theme.darker(colour, 0.3),
                box_rect(piece, dx, dy + SHADOW_DROP),
                border_radius=theme.RADIUS,
            )
        for piece in self._pieces(placed):
            pygame.draw.rect(surface, colour, box_rect(piece, dx, dy), border_radius=theme.RADIUS)
        if placed.else_row is not None:
            word = text_surface(t("play.else", self.lang), self.size, WHITE, self.lang, True)
            row = box_rect(placed.else_row, dx, dy)
            inset = self.metrics.arm + self.metrics.pad
            if self.rtl:
                surface.blit(word, word.get_rect(midright=(row.right - inset, row.centery)))
            else:
                surface.blit(word, word.get_rect(midleft=(row.x + inset, row.centery)))
        header = self._header(placed)
        surface.blit(header, (placed.header.x + dx, placed.header.y + dy))

    def draw_marks(
        self, surface: pygame.Surface, layout: Layout, offset: tuple[int, int], marks: Marks
    ) -> None:
        """Rings around the running (yellow), failed (red, with a cross) and focused block."""
        dx, dy = offset
        for block_id, ring, width in (
            (marks.focus, theme.FOCUS, 3),
            (marks.running, RUNNING, 5),
            (marks.failed, FAILED, 5),
        ):
            placed = layout.find(block_id) if block_id is not None else None
            if placed is None:
                continue
            head = box_rect(placed.header, dx, dy)
            pygame.draw.rect(
                surface, ring, head.inflate(6, 6), width, border_radius=theme.RADIUS + 3
            )
            if ring == FAILED:  # a cross as well as the colour, for colour-blind eyes
                mark = icon("cross", 30, FAILED)
                side = head.left - 8 - mark.get_width() // 2 if self.rtl else head.right + 8 + 15
                pygame.draw.circle(surface, (255, 255, 255), (side, head.centery), 19)
                pygame.draw.circle(surface, FAILED, (side, head.centery), 19, 3)
                surface.blit(mark, mark.get_rect(center=(side, head.centery)))

    def _pieces(self, placed: Placed) -> list[Box]:
        """The header, the spine and foot of a C-shaped block, and its else row."""
        m = self.metrics
        pieces = [placed.header]
        if not placed.arms:
            return pieces
        box = placed.box
        rtl = self.rtl
        spine_x = box.right - m.arm if rtl else box.x
        spine = Box(spine_x, box.y + m.header - m.gap, m.arm, box.h - m.header + m.gap)
        foot_w = min(box.w, max(m.min_width, placed.header.w // 2))
        foot_x = box.right - foot_w if rtl else box.x
        pieces += [spine, Box(foot_x, box.bottom - m.foot, foot_w, m.foot)]
        if placed.else_row is not None:
            pieces.append(placed.else_row)
        return pieces

    def _header(self, placed: Placed) -> pygame.Surface:
        parts = tuple(
            (p.role, p.box.x - placed.header.x, p.box.y - placed.header.y, p.box.w, p.box.h, p.text)
            for p in placed.parts
        )
        cond = placed.block.cond
        sensor = cond.sensor if cond is not None else ""
        return _header_surface(
            placed.block.kind, sensor, placed.header.w, placed.header.h, parts, self.lang, self.size
        )

    # -- palette -------------------------------------------------------------------------

    def palette_word(self, entry: PaletteEntry) -> str:
        return entry.name if entry.kind == "call" else self.words(Block(0, entry.kind))[0]

    def palette_text(self, entries: tuple[PaletteEntry, ...], width: int) -> int:
        """One text size for the whole palette: the largest at which every word fits."""
        words = [self.palette_word(entry) for entry in entries]
        return min(
            (_fit_size(w, self.size, width, self.metrics.header, self.lang) for w in words),
            default=self.size,
        )

    def palette_tile(
        self, entry: PaletteEntry, width: int, enabled: bool, size: int | None = None
    ) -> pygame.Surface:
        word = self.palette_word(entry)
        height = self.metrics.header
        chosen = size or _fit_size(word, self.size, width, height, self.lang)
        return _palette_surface(entry.kind, word, width, height, enabled, self.lang, chosen)


def _ready(surface: pygame.Surface) -> pygame.Surface:
    if pygame.display.get_init() and pygame.display.get_surface() is not None:
        return surface.convert_alpha()
    return surface


PartSpec = tuple[str, int, int, int, int, str]


@lru_cache(maxsize=1024)
def _header_surface(
    kind: str,
    sensor: str,
    width: int,
    height: int,
    parts: tuple[PartSpec, ...],
    lang: str,
    size: int,
) -> pygame.Surface:
    """A block's header: the colour, the icon, the word and its fields (cached)."""
    colour = colour_of(kind)
    surface = pygame.Surface((width, height), pygame.SRCALPHA)
    pygame.draw.rect(surface, colour, surface.get_rect(), border_radius=theme.RADIUS)
    pygame.draw.line(
        surface, theme.lighter(colour, 0.35), (theme.RADIUS, 2), (width - theme.RADIUS, 2), 2
    )
    for role, x, y, w, h, text in parts:
        _paint_part(surface, Part(role, Box(x, y, w, h), text), kind, sensor, lang, size)  # type: ignore[arg-type]
    return _ready(surface)


def _paint_part(
    surface: pygame.Surface, part: Part, kind: str, sensor: str, lang: str, size: int
) -> None:
    rect = box_rect(part.box)
    colour = colour_of(kind)
    if part.role == "icon":
        surface.blit(icon(icon_of(kind), rect.h, WHITE), rect)
    elif part.role == "word":
        shade = text_surface(part.text, size, theme.darker(colour, 0.45), lang, True)
        word = text_surface(part.text, size, WHITE, lang, True)
        at = word.get_rect(midleft=rect.midleft)
        surface.blit(shade, at.move(1, 2))
        surface.blit(word, at)
    elif part.role in ("minus", "plus"):
        pygame.draw.circle(surface, theme.darker(colour, 0.25), rect.center, rect.h // 2)
        surface.blit(icon(part.role, rect.h * 3 // 5, WHITE), icon_rect(rect, rect.h * 3 // 5))
    elif part.role == "count":
        pygame.draw.rect(surface, WHITE, rect, border_radius=rect.h // 2)
        number = text_surface(part.text, size, theme.INK, lang, True)
        surface.blit(number, number.get_rect(center=rect.center))
    else:
        _paint_chip(surface, part, sensor, lang, size)


def _paint_chip(surface: pygame.Surface, part: Part, sensor: str, lang: str, size: int) -> None:
    """A white pill holding the condition (icon, words, a little arrow) or a name."""
    rect = box_rect(part.box)
    pygame.draw.rect(surface, WHITE, rect, border_radius=rect.h // 2)
    words = text_surface(part.text, size, theme.INK, lang, True)
    if part.role != "cond":
        surface.blit(words, words.get_rect(center=rect.center))
        return
    picture = icon(SENSOR_ICONS.get(sensor, "question"), rect.h - 10)
    pad = max(4, (rect.w - words.get_width() - picture.get_width() - 14) // 3)
    rtl = is_rtl(lang)
    icon_x = rect.right - pad - picture.get_width() if rtl else rect.x + pad
    surface.blit(picture, (icon_x, rect.y + 5))
    if rtl:
        text_x = icon_x - pad // 2 - words.get_width()
    else:
        text_x = icon_x + picture.get_width() + pad // 2
    surface.blit(words, (text_x, rect.centery - words.get_height() // 2))
    tip_x = rect.x + 11 if rtl else rect.right - 11
    tip = [(tip_x - 5, rect.centery - 3), (tip_x + 5, rect.centery - 3), (tip_x, rect.centery + 4)]
    pygame.draw.polygon(surface, theme.INK_SOFT, tip)


def icon_rect(rect: pygame.Rect, side: int) -> pygame.Rect:
    return pygame.Rect(rect.centerx - side // 2, rect.centery - side // 2, side, side)


def _fit_size(word: str, size: int, width: int, height: int, lang: str) -> int:
    """A long word in a narrow palette tile gets smaller rather than cut."""
    side = height * 2 // 3
    room = width - side - 3 * ((height - side) // 2)
    while size > MIN_PALETTE_TEXT and text_width(word, size, lang, True) > room:
        size -= 1
    return size


@lru_cache(maxsize=256)
def _palette_surface(
    kind: str, word: str, width: int, height: int, enabled: bool, lang: str, size: int
) -> pygame.Surface:
    """A palette block: icon and word, a little mouth under C-shaped blocks; grey when the
    block limit is reached."""
    colour = colour_of(kind) if enabled else theme.DISABLED
    ink = WHITE if enabled else theme.DISABLED_INK
    mouth = height // 4 if kind in ("repeat", "while", "until", "if", "if_else", "define") else 0
    surface = pygame.Surface((width, height + mouth + SHADOW_DROP), pygame.SRCALPHA)
    body = pygame.Rect(0, 0, width, height)
    for shift, fill in ((SHADOW_DROP, theme.darker(colour, 0.3)), (0, colour)):
        pygame.draw.rect(surface, fill, body.move(0, shift), border_radius=theme.RADIUS)
        if mouth:
            spine = pygame.Rect(0, height - theme.RADIUS + shift, height // 3, mouth + theme.RADIUS)
            if is_rtl(lang):
                spine.right = width
            pygame.draw.rect(surface, fill, spine, border_radius=theme.RADIUS // 2)
    side = height * 2 // 3
    pad = (height - side) // 2
    words = text_surface(word, size, ink, lang, True)
    rtl = is_rtl(lang)
    icon_x = width - pad - side if rtl else pad
    surface.blit(icon(icon_of(kind), side, ink), (icon_x, pad))
    text_x = icon_x - pad - words.get_width() if rtl else icon_x + side + pad
    surface.blit(words, (text_x, (height - words.get_height()) // 2))
    return _ready(surface)
