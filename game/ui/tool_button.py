"""Buttons for busy screens: drawn once per look and then blitted (rounded shapes cost
a lot to draw every frame), and a tool button with its icon above a short caption for
rows where words beside icons would not fit (the run controls): every picture keeps its
word."""

from __future__ import annotations

import pygame

from game.render.fonts import font
from game.render.icons import icon
from game.render.text import has_rtl_letters, text_surface, text_width
from game.ui import theme
from game.ui.widgets import Button

CAPTION = 16
MIN_CAPTION = 11
ICON = 30
HEIGHT = 62


def tool_width(caption: str, lang: str, scale: float = 1.0) -> int:
    size = round(CAPTION * scale)
    return max(theme.MIN_TARGET + 16, text_width(caption, size, lang, bold=True) + 18)


class SnapButton(Button):
    """A Button that keeps a picture of each look (state, text, size) it has drawn."""

    MARGIN = 8  # room for the shadow and the focus ring around the button

    _snap: tuple[object, pygame.Surface] | None = None

    def draw(self, surface: pygame.Surface) -> None:
        look = (
            self.text,
            self.icon_name,
            self._colours(),
            self.pressed,
            self.focused,
            self.enabled,
            self.rect.size,
        )
        margin = self.MARGIN
        if self._snap is None or self._snap[0] != look:
            canvas = pygame.Surface(
                (self.rect.w + 2 * margin, self.rect.h + 2 * margin), pygame.SRCALPHA
            )
            real = self.rect
            self.rect = pygame.Rect(margin, margin, real.w, real.h)
            try:
                super().draw(canvas)
            finally:
                self.rect = real
            if pygame.display.get_init() and pygame.display.get_surface() is not None:
                canvas = canvas.convert_alpha()
            self._snap = (look, canvas)
        surface.blit(self._snap[1], (self.rect.x - margin, self.rect.y - margin))


def caption_fit(texts: list[str], width: int, lang: str, scale: float = 1.0) -> int:
    """The caption size at which every one of `texts` fits a button `width` wide: buttons
    of one row share it, so their words look alike."""
    size = round(CAPTION * scale)
    while size > MIN_CAPTION and any(text_width(t, size, lang, True) > width - 6 for t in texts):
        size -= 1
    return size


class ToolButton(SnapButton):
    caption_size: int | None = None  # set by the screen for a row; else fitted alone

    def _draw_content(self, surface: pygame.Surface, body: pygame.Rect, ink: theme.Rgb) -> None:
        """Icon on top, caption under it; the caption's inked height sets the icon's room
        (Arabic fonts have tall empty margins that would squeeze the icon)."""
        size = self.caption_size or caption_fit([self.text], body.width, self.lang, self.scale)
        words = text_surface(self.text, size, ink, self.lang, bold=True) if self.text else None
        inked = words.get_bounding_rect() if words is not None else pygame.Rect(0, 0, 0, 0)
        side = max(14, min(ICON, body.height - inked.height - 14))
        if self.icon_name:
            picture = icon(self.icon_name, side, ink)
            surface.blit(picture, picture.get_rect(midtop=(body.centerx, body.y + 5)))
        if words is not None:
            role = "arabic" if has_rtl_letters(self.text) else "latin"
            baseline = font(role, size, True).get_ascent()  # every caption on one line
            top = body.bottom - 5 - round(size * 0.3) - baseline
            surface.blit(words, (body.centerx - words.get_width() // 2, top))
