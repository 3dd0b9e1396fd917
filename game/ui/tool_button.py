"""A button with its icon above a short caption, for rows of tools where words beside
icons would not fit (the run controls): every picture keeps its word."""

from __future__ import annotations

import pygame

from game.render.icons import icon
from game.render.text import text_surface, text_width
from game.ui import theme
from game.ui.widgets import Button

CAPTION = 16
ICON = 30
HEIGHT = 62


def tool_width(caption: str, lang: str, scale: float = 1.0) -> int:
    size = round(CAPTION * scale)
    return max(theme.MIN_TARGET + 16, text_width(caption, size, lang, bold=True) + 18)


class ToolButton(Button):
    def _draw_content(self, surface: pygame.Surface, body: pygame.Rect, ink: theme.Rgb) -> None:
        side = min(ICON, body.height - 24)
        if self.icon_name:
            picture = icon(self.icon_name, side, ink)
            surface.blit(picture, picture.get_rect(midtop=(body.centerx, body.y + 6)))
        if self.text:
            size = round(CAPTION * self.scale)
            words = text_surface(self.text, size, ink, self.lang, bold=True)
            surface.blit(words, words.get_rect(midbottom=(body.centerx, body.bottom - 4)))
