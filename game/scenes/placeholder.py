"""A calm screen with the game's name and robot, shown until the real welcome screen
exists and used as the last safe place when every other screen has failed."""

from __future__ import annotations

import pygame

from game.i18n import t
from game.render.icons import icon
from game.render.text import draw_paragraph, draw_text
from game.ui import theme
from game.ui.scene import Scene


class Placeholder(Scene):
    def draw(self, surface: pygame.Surface) -> None:
        surface.fill(theme.BACKGROUND)
        width, height = surface.get_size()
        lang, scale = self.app.lang, self.app.text_scale
        robot = icon("robot", 160)
        surface.blit(robot, robot.get_rect(center=(width // 2, height // 2 - 90)))
        title = theme.text_size("huge", scale)
        drawn = draw_text(
            surface,
            t("shell.title", lang),
            (width // 2, height // 2),
            title,
            theme.INK,
            lang,
            align="center",
            bold=True,
        )
        box = pygame.Rect(width // 4, drawn.bottom + theme.PAD, width // 2, height // 4)
        draw_paragraph(
            surface,
            t("shell.welcome_soon", lang),
            box,
            theme.text_size("body", scale),
            theme.INK_SOFT,
            lang,
            align="center",
        )
