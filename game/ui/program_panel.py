"""The palette and the program area: drag and drop, fields edited in place, the keyboard.

Blocks are taken from the palette and dropped between blocks or inside C-shaped ones; a
program block dragged out of the program area (onto the palette or the bin) is deleted.
Every change goes through the `ProgramEditor`, which refuses what the level forbids; the
panel only says why, in the child's words. The layout (`game.editor.layout`) is computed
once per change and used both to draw and to find what is under the pointer.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import pygame

from blocks.program import Cond
from game.editor import tree as t
from game.editor.editor import PaletteEntry, ProgramEditor, Refusal
from game.editor.layout import Layout, Metrics, Part, Placed, layout
from game.editor.tree import TOP, Block, Slot
from game.i18n import t as tr
from game.render.block_view import BlockPainter, Marks, box_rect
from game.render.icons import icon
from game.render.text import draw_text
from game.ui import theme
from game.ui.field_editors import CondMenu, NameField

DRAG_START = 6  # pixels the pointer must travel before a press becomes a drag
WHEEL_STEP = 48
HAND_ALPHA = 215
EDGE_SCROLL = 36  # pixels from the program's top or bottom edge where a drag scrolls
SCROLL_SPEED = 420  # pixels per second


@dataclass
class Drag:
    """A block in the child's hand: a new one from the palette, or one of the program."""

    entry: PaletteEntry | None
    block_id: int | None
    grab: tuple[int, int]
    pos: tuple[int, int]
    size: tuple[int, int]
    started: bool = False


class ProgramPanel:
    def __init__(
        self,
        editor: ProgramEditor,
        painter: BlockPainter,
        sensors: tuple[str, ...],
        say: Callable[[str], None],
        play_sound: Callable[[str], None],
    ) -> None:
        self.editor = editor
        self.painter = painter
        self.palette_painter = painter
        self.sensors = sensors
        self.say = say
        self.play_sound = play_sound
        self.palette_rect = pygame.Rect(0, 0, 10, 10)
        self.program_rect = pygame.Rect(0, 0, 10, 10)
        self.bin_rect = pygame.Rect(0, 0, 10, 10)
        self.scroll = 0
        self.palette_scroll = 0
        self.drag: Drag | None = None
        self.zone: str | None = None  # keyboard focus: "palette", "program" or None
        self.palette_index = 0
        self.focus_id: int | None = None
        self.menu: CondMenu | None = None
        self.name_field: NameField | None = None
        self._cache: tuple[tuple[int, int, int | None], Layout] | None = None
        self._picture: tuple[Layout, pygame.Surface] | None = None
        self._need: tuple[int, Metrics, int] | None = None

    # -- geometry ------------------------------------------------------------------------

    @property
    def rtl(self) -> bool:
        return self.painter.rtl

    def place(self, palette: pygame.Rect, program: pygame.Rect, bin_rect: pygame.Rect) -> None:
        self.palette_rect, self.program_rect, self.bin_rect = palette, program, bin_rect
        self.menu = None
        self.name_field = None

    def layout(self) -> Layout:
        """The program's layout (without the block being dragged, which is in the hand)."""
        lifted = self.drag.block_id if self.drag and self.drag.started else None
        key = (self.editor.version, self.program_rect.width, lifted)
        if self._cache is None or self._cache[0] != key:
            tree = self.editor.tree
            if lifted is not None:
                tree = t.remove(tree, frozenset({lifted}))
            painter = self.painter
            built = layout(
                tree,
                self.program_rect.width,
                painter.measure,
                painter.words,
                painter.metrics,
                self.rtl,
            )
            self._cache = (key, built)
        return self._cache[1]

    def set_painter(self, painter: BlockPainter, palette: BlockPainter | None = None) -> None:
        """A new language or text size: every block is measured again. The palette may keep
        bigger blocks than a program squeezed into its column."""
        self.painter = painter
        self.palette_painter = palette or painter
        self._cache = None

    def width_needed(self, painter: BlockPainter) -> int:
        """How wide the program is with `painter`'s sizes when nothing squeezes it."""
        if self._need is None or self._need[:2] != (self.editor.version, painter.metrics):
            alone = layout(self.editor.tree, 0, painter.measure, painter.words, painter.metrics)
            self._need = (self.editor.version, painter.metrics, alone.width)
        return self._need[2]

    def origin(self) -> tuple[int, int]:
        """Screen position of the layout's (0, 0); wide programs stick to the reading edge."""
        width = self.layout().width
        x = self.program_rect.x
        if self.rtl:
            x = self.program_rect.right - width
        return x, self.program_rect.y - self.scroll

    def palette_tiles(self) -> list[tuple[PaletteEntry, pygame.Rect]]:
        m = self.palette_painter.metrics
        width = self.palette_rect.width - 2 * theme.PAD
        y = self.palette_rect.y + theme.PAD - self.palette_scroll
        tiles = []
        for entry in self.editor.entries():
            rect = pygame.Rect(self.palette_rect.x + theme.PAD, y, width, m.header)
            tiles.append((entry, rect))
            mouth = m.header // 4 if entry.kind in t.CONTAINER_KINDS else 0
            y += m.header + mouth + m.gap + 6
        return tiles

    def palette_width(self, painter: BlockPainter) -> int:
        """The width the palette needs for its widest word (the screen clamps it)."""
        entries = self.editor.entries()
        words = (self._entry_word(e, painter) for e in entries)
        widest = max((painter.measure(w) for w in words), default=80)
        return widest + painter.metrics.header + 3 * theme.PAD + 8

    @staticmethod
    def _entry_word(entry: PaletteEntry, painter: BlockPainter) -> str:
        return entry.name if entry.kind == "call" else painter.words(Block(0, entry.kind))[0]

    def content_point(self, pos: tuple[int, int]) -> tuple[int, int]:
        ox, oy = self.origin()
        return pos[0] - ox, pos[1] - oy

    # -- events --------------------------------------------------------------------------

    def handle(self, event: pygame.event.Event) -> bool:
        if self.name_field is not None and self.name_field.handle(event):
            return True
        if self.menu is not None:
            return self._handle_menu(event)
        if event.type == pygame.MOUSEBUTTONDOWN and event.button == 1:
            return self._press(event.pos)
        if event.type == pygame.MOUSEMOTION and self.drag is not None:
            self._move(event.pos)
            return True
        if event.type == pygame.MOUSEBUTTONUP and event.button == 1 and self.drag is not None:
            self._release(event.pos)
            return True
        if event.type == pygame.MOUSEWHEEL:
            return self._wheel(event)
        if event.type == pygame.KEYDOWN and self.zone is not None:
            return self._key(event)
        return False

    def _handle_menu(self, event: pygame.event.Event) -> bool:
        assert self.menu is not None
        chosen = self.menu.handle(event)
        if chosen is None:
            return True
        block_id = self.menu.block_id
        self.menu = None
        if isinstance(chosen, Cond):
            self.editor.set_cond(block_id, chosen)
            self.play_sound("click")
        return True

    def _press(self, pos: tuple[int, int]) -> bool:
        self.zone = None
        for entry, rect in self.palette_tiles():
            if rect.collidepoint(pos) and self.palette_rect.collidepoint(pos):
                grab = (pos[0] - rect.x, pos[1] - rect.y)
                self.drag = Drag(entry, None, grab, pos, rect.size)
                return True
        if not self.program_rect.collidepoint(pos):
            return False
        cx, cy = self.content_point(pos)
        found = self.layout().part_at(cx, cy)
        if found is not None and self._press_part(*found):
            return True
        placed = self.layout().block_at(cx, cy)
        if placed is not None:
            self.focus_id = placed.block.id
            grab = (cx - placed.box.x, cy - placed.box.y)
            size = (placed.box.w, placed.box.h)
            self.drag = Drag(None, placed.block.id, grab, pos, size)
        return True

    def _press_part(self, placed: Placed, part: Part) -> bool:
        """A click on a field: + and - change the count, the condition opens its menu,
        the function name opens a text field."""
        role = part.role
        block = placed.block
        if role in ("minus", "plus"):
            self.editor.set_count(block.id, block.count + (1 if role == "plus" else -1))
            self.play_sound("click")
            return True
        if role == "cond" and block.cond is not None:
            self.open_menu(placed)
            return True
        if role == "name":
            self.open_name(placed)
            return True
        return False

    def open_menu(self, placed: Placed) -> None:
        ox, oy = self.origin()
        anchor = box_rect(placed.header, ox, oy)
        assert placed.block.cond is not None
        self.menu = CondMenu(
            placed.block.id, placed.block.cond, self.sensors, anchor, self.painter, self.screen
        )

    def open_name(self, placed: Placed) -> None:
        ox, oy = self.origin()
        part = next(p for p in placed.parts if p.role == "name")
        rect = box_rect(part.box, ox, oy).inflate(60, 8)
        self.name_field = NameField(rect, placed.block, self.painter, self._rename)

    def _rename(self, block_id: int, name: str | None) -> None:
        self.name_field = None
        if name is None:
            return
        refused = self.editor.rename(block_id, name.strip())
        if refused is not None:
            self.refuse(refused)

    @property
    def screen(self) -> pygame.Rect:
        """The area pop-up menus must stay inside (the palette and program together)."""
        return self.palette_rect.union(self.program_rect)

    def _move(self, pos: tuple[int, int]) -> None:
        drag = self.drag
        assert drag is not None
        if not drag.started:
            dx, dy = pos[0] - drag.pos[0], pos[1] - drag.pos[1]
            if abs(dx) + abs(dy) < DRAG_START:
                return
            drag.started = True
            self.play_sound("pick")
        drag.pos = pos

    def _release(self, pos: tuple[int, int]) -> None:
        drag = self.drag
        assert drag is not None
        drag.pos = pos
        target = self.drop_target() if drag.started else None
        self.drag = None
        self._cache = None
        if not drag.started:
            return
        if drag.block_id is not None and target is None:
            self.editor.delete(drag.block_id)
            self.focus_id = None
            self.play_sound("delete")
            return
        if target is None:
            return
        slot, index = target
        if drag.entry is not None:
            result = self.editor.insert(drag.entry, slot, index)
            self._after_drop(result if isinstance(result, str) else None)
            if isinstance(result, int):
                self.focus_id = result
        elif drag.block_id is not None:
            self._after_drop(self.editor.move(drag.block_id, slot, index))

    def _after_drop(self, refused: Refusal | None) -> None:
        if refused is None:
            self.play_sound("drop")
        else:
            self.refuse(refused)

    def refuse(self, why: Refusal) -> None:
        self.play_sound("fail")
        self.say(tr(f"play.refused.{why}", self.painter.lang, max=self.editor.max_blocks))

    def drop_target(self) -> tuple[Slot, int] | None:
        """Where the block in hand would land, or None when it is outside the program."""
        drag = self.drag
        if drag is None or not self.program_rect.collidepoint(drag.pos):
            return None
        if self.bin_rect.collidepoint(drag.pos):
            return None
        lead = self.content_point(self.hand_rect().topleft)
        if self.rtl:
            lead = self.content_point(self.hand_rect().topright)
        gap = self.layout().gap_for(lead[0], lead[1] + self.painter.metrics.header // 2)
        return (gap.slot, gap.index) if gap else (TOP, len(self.editor.tree))

    def hand_rect(self) -> pygame.Rect:
        """Where the block in hand is drawn: where it was grabbed, under the pointer."""
        drag = self.drag
        assert drag is not None
        left, top = drag.pos[0] - drag.grab[0], drag.pos[1] - drag.grab[1]
        return pygame.Rect(left, top, *drag.size)

    def _wheel(self, event: pygame.event.Event) -> bool:
        pos = pygame.mouse.get_pos()
        if self.palette_rect.collidepoint(pos):
            self.palette_scroll = self._clamp_palette(self.palette_scroll - event.y * WHEEL_STEP)
            return True
        if self.program_rect.collidepoint(pos):
            self.scroll = self._clamp_scroll(self.scroll - event.y * WHEEL_STEP)
            return True
        return False

    def _clamp_scroll(self, value: int) -> int:
        room = max(0, self.layout().height - self.program_rect.height)
        return max(0, min(value, room))

    def _clamp_palette(self, value: int) -> int:
        tiles = self.palette_tiles()
        if not tiles:
            return 0
        bottom = tiles[-1][1].bottom + self.palette_scroll + theme.PAD * 2
        room = max(0, bottom - self.palette_rect.bottom)
        return max(0, min(value, room))

    def update(self, dt: float) -> None:
        """A block held near the top or bottom edge of the program scrolls it."""
        drag = self.drag
        if drag is None or not drag.started or not self.program_rect.collidepoint(drag.pos):
            return
        if drag.pos[1] < self.program_rect.top + EDGE_SCROLL:
            self.scroll = self._clamp_scroll(self.scroll - round(SCROLL_SPEED * dt))
        elif drag.pos[1] > self.program_rect.bottom - EDGE_SCROLL:
            self.scroll = self._clamp_scroll(self.scroll + round(SCROLL_SPEED * dt))

    # -- keyboard ------------------------------------------------------------------------

    def focus_next_zone(self) -> bool:
        """Tab: palette, then program, then out (False) for the buttons' turn."""
        order = [None, "palette", "program"]
        self.zone = order[(order.index(self.zone) + 1) % len(order)]
        if self.zone == "program" and self.focus_id is None:
            ids = self.editor.preorder()
            self.focus_id = ids[0] if ids else None
        return self.zone is not None

    def _key(self, event: pygame.event.Event) -> bool:
        key = event.key
        if self.zone == "palette":
            return self._palette_key(key)
        if key in (pygame.K_UP, pygame.K_DOWN) and event.mod & pygame.KMOD_CTRL:
            return self._shift_focused(-1 if key == pygame.K_UP else 1)
        return self._program_key(key)

    def _shift_focused(self, step: int) -> bool:
        """Ctrl+Up / Ctrl+Down: move the focused block one place within its slot."""
        where = t.location(self.editor.tree, self.focus_id) if self.focus_id is not None else None
        if where is None or self.focus_id is None:
            return False
        slot, index = where
        if self.editor.move(self.focus_id, slot, max(0, index + step)) is None:
            self.play_sound("drop")
        return True

    def _palette_key(self, key: int) -> bool:
        entries = self.editor.entries()
        if not entries:
            return False
        if key in (pygame.K_UP, pygame.K_DOWN):
            step = 1 if key == pygame.K_DOWN else -1
            self.palette_index = (self.palette_index + step) % len(entries)
            return True
        if key in (pygame.K_RETURN, pygame.K_KP_ENTER, pygame.K_SPACE):
            self.insert_after_focus(entries[min(self.palette_index, len(entries) - 1)])
            return True
        return False

    def insert_after_focus(self, entry: PaletteEntry) -> None:
        """Enter on a palette block: put it after the focused block (inside an empty C)."""
        slot, index = TOP, len(self.editor.tree)
        focused = self.editor.find(self.focus_id) if self.focus_id is not None else None
        if focused is not None and focused.arms and not focused.body:
            slot, index = Slot(focused.id), 0
        elif focused is not None:
            where = t.location(self.editor.tree, focused.id)
            if where is not None:
                slot, index = where[0], where[1] + 1
        result = self.editor.insert(entry, slot, index)
        if isinstance(result, int):
            self.focus_id = result
            self.play_sound("drop")
        else:
            self.refuse(result)

    def _program_key(self, key: int) -> bool:
        ids = self.editor.preorder()
        if not ids:
            return key in (pygame.K_UP, pygame.K_DOWN)
        at = ids.index(self.focus_id) if self.focus_id in ids else 0
        block = self.editor.find(ids[at])
        assert block is not None
        if key in (pygame.K_UP, pygame.K_DOWN):
            self.focus_id = ids[(at + (1 if key == pygame.K_DOWN else -1)) % len(ids)]
            self._scroll_to_focus()
            return True
        if key in (pygame.K_DELETE, pygame.K_BACKSPACE):
            self.editor.delete(block.id)
            rest = self.editor.preorder()
            self.focus_id = rest[min(at, len(rest) - 1)] if rest else None
            self.play_sound("delete")
            return True
        if key in (
            pygame.K_PLUS,
            pygame.K_KP_PLUS,
            pygame.K_EQUALS,
            pygame.K_MINUS,
            pygame.K_KP_MINUS,
        ):
            up = key in (pygame.K_PLUS, pygame.K_KP_PLUS, pygame.K_EQUALS)
            self.editor.set_count(block.id, block.count + (1 if up else -1))
            return True
        if key in (pygame.K_RETURN, pygame.K_KP_ENTER):
            placed = self.layout().find(block.id)
            if placed is not None and block.cond is not None:
                self.open_menu(placed)
            elif placed is not None and block.kind == "define":
                self.open_name(placed)
            return True
        return False

    def _scroll_to_focus(self) -> None:
        placed = self.layout().find(self.focus_id) if self.focus_id is not None else None
        if placed is None:
            return
        if placed.header.y < self.scroll:
            self.scroll = self._clamp_scroll(placed.header.y - theme.PAD)
        elif placed.header.bottom > self.scroll + self.program_rect.height:
            self.scroll = self._clamp_scroll(
                placed.header.bottom - self.program_rect.height + theme.PAD
            )

    # -- drawing -------------------------------------------------------------------------

    def draw(self, surface: pygame.Surface, marks: Marks) -> None:
        self._draw_palette(surface)
        self._draw_program(surface, marks)

    def draw_overlays(self, surface: pygame.Surface) -> None:
        """What floats above the whole screen: the block in hand, an open menu or field."""
        if self.drag is not None and self.drag.started:
            self._draw_hand(surface)
        if self.menu is not None:
            self.menu.draw(surface)
        if self.name_field is not None:
            self.name_field.draw(surface)

    def _draw_palette(self, surface: pygame.Surface) -> None:
        clip = surface.get_clip()
        surface.set_clip(self.palette_rect)
        enabled = not self.editor.full
        tiles = self.palette_tiles()
        painter = self.palette_painter
        size = (
            painter.palette_text(tuple(e for e, _ in tiles), tiles[0][1].width) if tiles else None
        )
        for index, (entry, rect) in enumerate(tiles):
            tile = painter.palette_tile(entry, rect.width, enabled, size)
            surface.blit(tile, rect)
            if self.zone == "palette" and index == self.palette_index:
                ring = rect.inflate(8, 8)
                pygame.draw.rect(surface, theme.FOCUS, ring, 4, border_radius=theme.RADIUS + 4)
        surface.set_clip(clip)

    def _draw_program(self, surface: pygame.Surface, marks: Marks) -> None:
        clip = surface.get_clip()
        surface.set_clip(self.program_rect)
        built = self.layout()
        focus = self.focus_id if self.zone == "program" else None
        marks = Marks(marks.running, marks.failed, focus)
        if self._picture is None or self._picture[0] is not built:
            self._picture = (built, self.painter.layout_surface(built))
        surface.blit(self._picture[1], self.origin())
        self.painter.draw_marks(surface, built, self.origin(), marks)
        if not built.placed:
            self._draw_empty_hint(surface)
        target = self.drop_target() if self.drag is not None and self.drag.started else None
        if target is not None:
            self._draw_drop_bar(surface, built, target)
        surface.set_clip(clip)

    def _draw_empty_hint(self, surface: pygame.Surface) -> None:
        lang = self.painter.lang
        box = self.program_rect.inflate(-2 * theme.PAD, -2 * theme.PAD)
        box.height = min(box.height, 120)
        pygame.draw.rect(surface, theme.PANEL_EDGE, box, 3, border_radius=theme.RADIUS)
        size = theme.text_size("body")
        draw_text(
            surface, tr("play.drop_here", lang), box.center, size, theme.INK_SOFT, lang, "center"
        )

    def _draw_drop_bar(
        self, surface: pygame.Surface, built: Layout, target: tuple[Slot, int]
    ) -> None:
        gap = next((g for g in built.gaps if (g.slot, g.index) == target), None)
        if gap is None:
            return
        ox, oy = self.origin()
        bar = box_rect(gap.box, ox, oy)
        length = min(bar.width, self.painter.metrics.min_width + 40)
        if self.rtl:
            bar.x = bar.right - length
        bar.width, bar.h = length, 8
        bar.y -= 2
        colour = theme.FOCUS
        drag = self.drag
        if drag is not None and drag.entry is not None and self.editor.full:
            colour = theme.DANGER
        pygame.draw.rect(surface, colour, bar, border_radius=4)

    def _hand_picture(self, drag: Drag, width: int) -> pygame.Surface | None:
        if drag.entry is not None:
            return self.palette_painter.palette_tile(drag.entry, width, not self.editor.full).copy()
        block = self.editor.find(drag.block_id) if drag.block_id is not None else None
        if block is None:
            return None
        painter = self.painter
        alone = layout((block,), 0, painter.measure, painter.words, painter.metrics, self.rtl)
        picture = pygame.Surface((alone.placed[0].box.w, alone.height), pygame.SRCALPHA)
        placed = alone.placed[0]
        picture.blit(painter.layout_surface(alone), (-placed.box.x, -placed.box.y))
        return picture

    def _draw_hand(self, surface: pygame.Surface) -> None:
        """The block in hand, a little see-through so the drop bar under it shows."""
        drag = self.drag
        assert drag is not None
        hand = self.hand_rect()
        picture = self._hand_picture(drag, hand.width)
        if picture is None:
            return
        picture.set_alpha(HAND_ALPHA)
        surface.blit(picture, hand.topleft)
        if not self.program_rect.collidepoint(drag.pos) or self.bin_rect.collidepoint(drag.pos):
            cross = icon("trash", 40, theme.DANGER)
            surface.blit(cross, cross.get_rect(center=drag.pos))
