"""Editing a block's field in place: the condition menu and the function-name field.

The condition menu shows each sensor of the level twice, as it is and negated, each with
its picture, so a child picks "no path ahead" without knowing what `not` means.
"""

from __future__ import annotations

from collections.abc import Callable

import pygame

from blocks.program import Cond
from game.editor.tree import Block
from game.render.block_view import SENSOR_ICONS, BlockPainter, cond_text
from game.render.icons import icon
from game.render.text import text_surface
from game.ui import theme
from game.ui.widgets import TextInput, is_key, mirror_x

ROW = 46


class CondMenu:
    """A grid of conditions under (or above) the block that asked for it."""

    def __init__(
        self,
        block_id: int,
        current: Cond,
        sensors: tuple[str, ...],
        anchor: pygame.Rect,
        painter: BlockPainter,
        bounds: pygame.Rect,
    ) -> None:
        self.block_id = block_id
        self.painter = painter
        names = sensors if current.sensor in sensors else (*sensors, current.sensor)
        self.options = [Cond(name, negated) for name in names for negated in (False, True)]
        self.index = self.options.index(current) if current in self.options else 0
        lang = painter.lang
        widest = max(painter.measure(cond_text(c, lang)) for c in self.options)
        column = widest + ROW + 3 * theme.PAD
        rows = (len(self.options) + 1) // 2
        self.rect = pygame.Rect(0, 0, 2 * column + 3 * theme.GAP, rows * ROW + 2 * theme.GAP)
        self.rect.top = anchor.bottom + 4
        if self.rect.bottom > bounds.bottom and anchor.top - self.rect.height - 4 >= bounds.top:
            self.rect.bottom = anchor.top - 4
        self.rect.left = anchor.right - self.rect.width if painter.rtl else anchor.left
        screen = pygame.display.get_surface()
        limit = screen.get_rect() if screen is not None else bounds
        self.rect.clamp_ip(limit)
        self.column = column

    def cells(self) -> list[tuple[Cond, pygame.Rect]]:
        """Two columns: the sensor as it is, then negated (mirrored in Arabic)."""
        out = []
        for index, cond in enumerate(self.options):
            row, col = divmod(index, 2)
            cell = pygame.Rect(
                self.rect.x + theme.GAP + col * (self.column + theme.GAP),
                self.rect.y + theme.GAP + row * ROW,
                self.column,
                ROW - 4,
            )
            if self.painter.rtl:
                cell = mirror_x(cell.move(-self.rect.x, 0), self.rect.width).move(self.rect.x, 0)
            out.append((cond, cell))
        return out

    def handle(self, event: pygame.event.Event) -> Cond | bool | None:
        """A chosen condition; True when the menu closes without a choice; None otherwise."""
        if event.type == pygame.MOUSEBUTTONDOWN and event.button == 1:
            for cond, cell in self.cells():
                if cell.collidepoint(event.pos):
                    return cond
            return True
        if is_key(event, pygame.K_ESCAPE):
            return True
        if is_key(event, pygame.K_RETURN, pygame.K_KP_ENTER, pygame.K_SPACE):
            return self.options[self.index]
        moves = {pygame.K_UP: -2, pygame.K_DOWN: 2, pygame.K_LEFT: -1, pygame.K_RIGHT: 1}
        if event.type == pygame.KEYDOWN and event.key in moves:
            step = moves[event.key] * (-1 if self.painter.rtl and abs(moves[event.key]) == 1 else 1)
            self.index = (self.index + step) % len(self.options)
        return None

    def draw(self, surface: pygame.Surface) -> None:
        pygame.draw.rect(surface, theme.SHADOW, self.rect.move(0, 5), border_radius=theme.RADIUS)
        pygame.draw.rect(surface, theme.PANEL, self.rect, border_radius=theme.RADIUS)
        pygame.draw.rect(surface, theme.PANEL_EDGE, self.rect, 2, border_radius=theme.RADIUS)
        lang, size = self.painter.lang, self.painter.size
        for index, (cond, cell) in enumerate(self.cells()):
            fill = theme.lighter(theme.CATEGORY["logic"], 0.75 if cond.negated else 0.55)
            pygame.draw.rect(surface, fill, cell, border_radius=theme.RADIUS)
            if index == self.index:
                pygame.draw.rect(surface, theme.FOCUS, cell, 3, border_radius=theme.RADIUS)
            picture = icon(SENSOR_ICONS.get(cond.sensor, "question"), ROW - 14)
            words = text_surface(cond_text(cond, lang), size, theme.INK, lang, True)
            if self.painter.rtl:
                at = picture.get_rect(midright=(cell.right - theme.PAD, cell.centery))
                text_at = words.get_rect(midright=(at.left - theme.PAD, cell.centery))
            else:
                at = picture.get_rect(midleft=(cell.left + theme.PAD, cell.centery))
                text_at = words.get_rect(midleft=(at.right + theme.PAD, cell.centery))
            surface.blit(picture, at)
            if cond.negated:
                pygame.draw.line(surface, theme.DANGER, at.bottomleft, at.topright, 4)
            surface.blit(words, text_at)


class NameField:
    """A text field over a function's name; Enter or a click elsewhere keeps the name,
    Escape gives up."""

    def __init__(
        self,
        rect: pygame.Rect,
        block: Block,
        painter: BlockPainter,
        done: Callable[[int, str | None], None],
    ) -> None:
        self.block_id = block.id
        self.done = done
        self.input = TextInput(
            rect,
            "en",
            text=block.name,
            max_length=20,
            on_submit=lambda text: done(self.block_id, text),
        )
        self.input.focus()

    def handle(self, event: pygame.event.Event) -> bool:
        if is_key(event, pygame.K_ESCAPE):
            self.done(self.block_id, None)
            return True
        if event.type == pygame.MOUSEBUTTONDOWN and not self.input.rect.collidepoint(event.pos):
            self.done(self.block_id, self.input.text)
            return False
        if event.type == pygame.TEXTINPUT:
            event = pygame.event.Event(pygame.TEXTINPUT, text=event.text.lower())
        return self.input.handle(event)

    def draw(self, surface: pygame.Surface) -> None:
        self.input.draw(surface)
