"""A picture of a level for trainers: its title, its goals and every map side by side.

Drawn with the same world view as the game, so what a trainer checks is what children
will see.
"""

from __future__ import annotations

import pygame

from game.levels import Level, pick_text
from game.render.icons import icon
from game.render.text import draw_text
from game.render.world_view import Motion, WorldView
from game.ui import theme
from game.world.outcome import Frame

TILE = 48
HEADER = 72
GOAL_ICONS = {"reach_goal": "flag", "collect_gems": "gem", "crates_on_targets": "crate"}


def preview_surface(level: Level, lang: str) -> pygame.Surface:
    """The whole preview; each map gets `TILE`-pixel cells and a number under it."""
    pad = theme.PAD * 2
    sizes = [(b.width * TILE, b.height * TILE) for b in level.boards]
    width = max(420, sum(w for w, _ in sizes) + pad * (len(sizes) + 1))
    height = HEADER + max(h for _, h in sizes) + pad * 2 + 30
    surface = pygame.Surface((width, height))
    surface.fill(theme.BACKGROUND)
    title = pick_text(level.title, lang) or level.id
    size = theme.text_size("title")
    draw_text(surface, title, (pad, 16), size, theme.INK, lang, "left", bold=True)
    x = width - pad
    for goal in reversed(level.goals):
        mark = icon(GOAL_ICONS[goal], 44)
        x -= mark.get_width()
        surface.blit(mark, (x, 14))
        x -= theme.GAP
    x = pad
    for index, (board, (w, h)) in enumerate(zip(level.boards, sizes, strict=True)):
        rect = pygame.Rect(x, HEADER + pad, w, h)
        WorldView(board).draw(surface, rect, Motion(Frame(0, -1, "", board.start)))
        if len(level.boards) > 1:
            label = f"{index + 1}"
            draw_text(
                surface,
                label,
                (rect.centerx, rect.bottom + 8),
                theme.text_size("body"),
                theme.INK,
                lang,
                "center",
                True,
            )
        x += w + pad
    return surface
