"""A small multi-line code field for the Python form of a program.

It shows the program as Python (read only, updated live) or lets an older child type it.
Code reads left to right in every language; lines with an error get a red band and
their number in the gutter, so the message "line 3" points at something visible.
"""

from __future__ import annotations

import pygame

from game.render.fonts import font
from game.render.text import text_surface
from game.ui import theme

INDENT = "    "
CODE_BG = (36, 40, 56)
CODE_INK = (232, 236, 245)
GUTTER_INK = (130, 138, 160)
ERROR_BAND = (120, 40, 40)
CARET = (255, 214, 10)


class CodeBox:
    def __init__(self, rect: pygame.Rect, text: str, size: int) -> None:
        self.rect = rect
        self.size = size
        self.lines = text.split("\n") or [""]
        self.row = 0
        self.col = 0
        self.editable = False
        self.errors: dict[int, str] = {}
        self.top = 0

    @property
    def text(self) -> str:
        return "\n".join(self.lines)

    def set_text(self, text: str) -> None:
        """Replace the text (live view of the blocks); the caret stays inside it."""
        self.lines = text.rstrip("\n").split("\n") or [""]
        self.row = min(self.row, len(self.lines) - 1)
        self.col = min(self.col, len(self.lines[self.row]))

    @property
    def line_h(self) -> int:
        return font("latin", self.size).get_linesize() + 2

    def gutter(self) -> int:
        return font("latin", self.size).size("000")[0] + theme.PAD

    # -- editing -------------------------------------------------------------------------

    def handle(self, event: pygame.event.Event) -> bool:
        if not self.editable:
            return False
        if event.type == pygame.MOUSEBUTTONDOWN and event.button == 1:
            if not self.rect.collidepoint(event.pos):
                return False
            self._place_caret(event.pos)
            pygame.key.start_text_input()
            return True
        if event.type == pygame.TEXTINPUT:
            self._type("".join(ch for ch in event.text if ch.isprintable()))
            return True
        if event.type == pygame.KEYDOWN:
            handled = self._key(event)
            self._follow()
            return handled
        return False

    def _type(self, typed: str) -> None:
        line = self.lines[self.row]
        self.lines[self.row] = line[: self.col] + typed + line[self.col :]
        self.col += len(typed)

    def _key(self, event: pygame.event.Event) -> bool:
        key = event.key
        line = self.lines[self.row]
        if key in (pygame.K_RETURN, pygame.K_KP_ENTER):
            indent = line[: len(line) - len(line.lstrip(" "))]
            if line[: self.col].rstrip().endswith(":"):
                indent += INDENT
            self.lines[self.row : self.row + 1] = [line[: self.col], indent + line[self.col :]]
            self.row, self.col = self.row + 1, len(indent)
        elif key == pygame.K_TAB:
            self._type(INDENT)
        elif key == pygame.K_BACKSPACE:
            self._backspace(line)
        elif key == pygame.K_DELETE:
            if self.col < len(line):
                self.lines[self.row] = line[: self.col] + line[self.col + 1 :]
            elif self.row + 1 < len(self.lines):
                self.lines[self.row : self.row + 2] = [line + self.lines[self.row + 1]]
        else:
            return self._caret_key(key) or bool(event.unicode and event.unicode.isprintable())
        return True

    def _backspace(self, line: str) -> None:
        if self.col > 0:
            cut = (
                len(INDENT)
                if line[: self.col].endswith(INDENT) and not line[: self.col].strip()
                else 1
            )
            self.lines[self.row] = line[: self.col - cut] + line[self.col :]
            self.col -= cut
        elif self.row > 0:
            above = self.lines[self.row - 1]
            self.lines[self.row - 1 : self.row + 1] = [above + line]
            self.row, self.col = self.row - 1, len(above)

    def _caret_key(self, key: int) -> bool:
        if key == pygame.K_LEFT:
            self.col = max(0, self.col - 1)
        elif key == pygame.K_RIGHT:
            self.col = min(len(self.lines[self.row]), self.col + 1)
        elif key in (pygame.K_UP, pygame.K_DOWN):
            self.row = max(
                0, min(len(self.lines) - 1, self.row + (1 if key == pygame.K_DOWN else -1))
            )
            self.col = min(self.col, len(self.lines[self.row]))
        elif key == pygame.K_HOME:
            self.col = 0
        elif key == pygame.K_END:
            self.col = len(self.lines[self.row])
        else:
            return False
        return True

    def _place_caret(self, pos: tuple[int, int]) -> None:
        row = self.top + (pos[1] - self.rect.y - theme.PAD) // self.line_h
        self.row = max(0, min(len(self.lines) - 1, row))
        x = pos[0] - self.rect.x - self.gutter() - theme.PAD
        face = font("latin", self.size)
        line = self.lines[self.row]
        self.col = next((i for i in range(len(line) + 1) if face.size(line[:i])[0] >= x), len(line))

    # -- drawing -------------------------------------------------------------------------

    @property
    def visible(self) -> int:
        return max(1, (self.rect.height - 2 * theme.PAD) // self.line_h)

    def _follow(self) -> None:
        """Scroll so the caret's line is on screen."""
        if self.row < self.top:
            self.top = self.row
        elif self.row >= self.top + self.visible:
            self.top = self.row - self.visible + 1

    def draw(self, surface: pygame.Surface) -> None:
        pygame.draw.rect(surface, CODE_BG, self.rect, border_radius=theme.RADIUS)
        visible = self.visible
        clip = surface.get_clip()
        surface.set_clip(self.rect.inflate(-4, -4))
        left = self.rect.x + theme.PAD
        for row in range(self.top, min(len(self.lines), self.top + visible)):
            y = self.rect.y + theme.PAD + (row - self.top) * self.line_h
            if row + 1 in self.errors:
                band = pygame.Rect(self.rect.x + 2, y, self.rect.width - 4, self.line_h)
                pygame.draw.rect(surface, ERROR_BAND, band)
            number = text_surface(str(row + 1), self.size, GUTTER_INK, "en")
            surface.blit(number, (left + self.gutter() - theme.PAD - number.get_width(), y))
            if self.lines[row]:
                surface.blit(
                    text_surface(self.lines[row], self.size, CODE_INK, "en"),
                    (left + self.gutter(), y),
                )
        if self.editable and int(pygame.time.get_ticks() / 500) % 2 == 0:
            face = font("latin", self.size)
            x = left + self.gutter() + face.size(self.lines[self.row][: self.col])[0]
            y = self.rect.y + theme.PAD + (self.row - self.top) * self.line_h
            pygame.draw.line(surface, CARET, (x, y), (x, y + self.line_h - 2), 3)
        surface.set_clip(clip)
