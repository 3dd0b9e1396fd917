"""Widgets every screen shares: buttons, a text field, a slider, a yes/no dialog, toasts.

Widgets draw themselves and answer `handle(event) -> bool` like scenes do. Sizes follow
`theme` (hit targets at least 44 px). In Arabic the screens mirror their layout with
`mirror_x`; the widgets themselves draw their icon on the reading side.
"""

from __future__ import annotations

import time

import pygame

from game.render.text import draw_paragraph, line_height, wrap
from game.ui import theme

TOAST_SECONDS = 3.5
TOAST_FADE = 0.6


def mirror_x(rect: pygame.Rect, width: int) -> pygame.Rect:
    """The rectangle reflected across the vertical middle of an area `width` wide: lay a
    screen out left to right once, then mirror every rectangle for Arabic."""
    return pygame.Rect(width - rect.right, rect.top, rect.width, rect.height)


class Toast:
    """A short message that fades away at the bottom of the screen (errors told gently)."""

    def __init__(self, text: str, lang: str, seconds: float = TOAST_SECONDS) -> None:
        self.text = text
        self.lang = lang
        self.born = time.monotonic()
        self.seconds = seconds

    def alive(self, now: float) -> bool:
        return now - self.born < self.seconds

    def opacity(self, now: float) -> int:
        left = self.seconds - (now - self.born)
        return max(0, min(255, round(255 * left / TOAST_FADE)))

    def draw(self, surface: pygame.Surface, rank: int, scale: float) -> None:
        """Draw the toast `rank` places above the lowest one."""
        size = theme.text_size("body", scale)
        width = min(surface.get_width() - 4 * theme.PAD, 640)
        lines = wrap(self.text, size, width - 2 * theme.PAD, self.lang)
        height = len(lines) * line_height(size) + 2 * theme.PAD
        box = pygame.Rect(0, 0, width, height)
        bottom = surface.get_height() - 3 * theme.PAD - rank * (height + theme.GAP)
        box.midbottom = (surface.get_width() // 2, bottom)
        card = pygame.Surface(box.size, pygame.SRCALPHA)
        pygame.draw.rect(card, (*theme.INK, 235), card.get_rect(), border_radius=theme.RADIUS)
        inner = card.get_rect().inflate(-2 * theme.PAD, -2 * theme.PAD)
        draw_paragraph(card, self.text, inner, size, theme.PANEL, self.lang, align="center")
        card.set_alpha(self.opacity(time.monotonic()))
        surface.blit(card, box)
