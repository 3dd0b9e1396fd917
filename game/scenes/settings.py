"""Settings: language, sound, full screen and text size, applied at once and saved.

They belong to the computer (a centre sets them once for the room), so they are kept in
the saves as machine settings, not in a child's profile. The screen opens above the one
that asked for it and goes back to it.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache, partial
from typing import TYPE_CHECKING, Any

import pygame

from game.i18n import t
from game.render.icons import icon
from game.render.text import line_height, text_surface
from game.scenes.menu_parts import (
    SELECTED,
    UNSELECTED,
    ArrowButton,
    blit_row,
    draw_badge,
    draw_top_bar,
    handle_arrows,
    language_buttons,
    paint_background,
    panel,
    place,
    plain_button,
    row_rects,
)
from game.settings import TEXT_SIZES
from game.ui import theme
from game.ui.scene import Scene
from game.ui.widgets import Button, Group, Widget, is_key, mirror_x

if TYPE_CHECKING:
    from game.app import App

BAR_HEIGHT = 76
ROW_GAP = 14


class SettingsScene(Scene):
    def __init__(self, app: App, **kwargs: Any) -> None:
        super().__init__(app)
        self.size: tuple[int, int] = app.size
        self.group = Group()
        self.labels: list[tuple[str, str, pygame.Rect]] = []  # icon, words, where
        self.card = pygame.Rect(0, 0, 0, 0)
        self.sample = pygame.Rect(0, 0, 0, 0)

    def resize(self, size: tuple[int, int]) -> None:
        self.size = size
        self.build()

    # -- actions: each applies at once and is saved --

    def pick_language(self, lang: str) -> None:
        if lang != self.app.lang:
            self.app.set_lang(lang)
        self.build(keep_focus=True)

    def pick_sound(self, on: bool) -> None:
        self.app.set_sound(on)
        self.build(keep_focus=True)

    def pick_fullscreen(self, on: bool) -> None:
        if on != self.app.fullscreen:
            self.app.toggle_fullscreen()
        self.build(keep_focus=True)

    def pick_text_scale(self, scale: float) -> None:
        self.app.settings.text_scale = scale
        self.app.save_settings()
        self.build(keep_focus=True)

    def back(self) -> None:
        if len(self.app.stack) > 1:
            self.app.pop()
        else:
            self.app.goto("welcome")

    # -- layout --

    def build(self, keep_focus: bool = False) -> None:
        """Rows of a label and its choices, on a card in the middle (mirrored in Arabic)."""
        focused = self.group.focused()
        where = focused.rect.center if keep_focus and focused is not None else None
        width, height = self.size
        rtl, lang, scale = self.app.rtl, self.app.lang, self.app.text_scale
        words = t("menu.back", lang)
        back_w = Button.fit(words, "back", lang, scale)[0] + 20
        back_rect = pygame.Rect(14, 12, back_w, BAR_HEIGHT - 24)
        back = plain_button(self.app, back_rect, words, "back", self.back, ArrowButton)
        self.card = pygame.Rect(0, BAR_HEIGHT + 16, min(width - 32, 980), 0)
        self.card.centerx = width // 2
        self.labels = []
        widgets: list[Widget] = [back]
        top = self.card.top + theme.PAD * 2
        for picture, key, choices in self._rows():
            top, placed = self._row(picture, t(key, lang), choices, top, rtl)
            widgets += placed
        sample_h = line_height(theme.text_size("body", scale), text="ع") + 2 * theme.PAD
        self.sample = pygame.Rect(self.card.left + 24, top, self.card.width - 48, sample_h)
        self.card.height = self.sample.bottom + theme.PAD * 2 - self.card.top
        if self.card.bottom > height - 8:  # short window: the card starts right under the bar
            self.card.height = height - 8 - self.card.top
        self.group = Group(widgets)
        if where is not None:
            for widget in widgets:
                widget.focused = widget.rect.collidepoint(where)

    def _rows(self) -> list[tuple[str, str, list[Button]]]:
        app, lang = self.app, self.app.lang
        settings = app.settings
        sound = [
            self._choice(
                t("settings.on", lang),
                "sound_on",
                partial(self.pick_sound, True),
                settings.sound_on,
            ),
            self._choice(
                t("settings.off", lang),
                "sound_off",
                partial(self.pick_sound, False),
                not settings.sound_on,
            ),
        ]
        screen = [
            self._choice(
                t("settings.on", lang), "check", partial(self.pick_fullscreen, True), app.fullscreen
            ),
            self._choice(
                t("settings.off", lang),
                "cross",
                partial(self.pick_fullscreen, False),
                not app.fullscreen,
            ),
        ]
        sizes = []
        for name, scale in TEXT_SIZES:
            button = self._choice(
                t(f"settings.{name}", lang),
                None,
                partial(self.pick_text_scale, scale),
                settings.text_size == name,
                scale=scale,
            )
            sizes.append(button)
        languages: list[Button] = list(
            language_buttons(lang, self.pick_language, app.text_scale, app.sound)
        )
        return [
            ("language", "settings.language", languages),
            ("sound", "settings.sound", sound),
            ("fullscreen", "settings.fullscreen", screen),
            ("text_size", "settings.text_size", sizes),
        ]

    def _choice(
        self,
        text: str,
        picture: str | None,
        action: Callable[[], None],
        chosen: bool,
        scale: float | None = None,
    ) -> Button:
        app = self.app
        used = app.text_scale if scale is None else scale
        width, height = Button.fit(text, picture, app.lang, used)
        colour, ink = (SELECTED, theme.ON_ACCENT) if chosen else (UNSELECTED, theme.INK)
        return Button(
            pygame.Rect(0, 0, width + 20, max(height + 8, 52)),
            text,
            picture,
            action,
            app.lang,
            colour=colour,
            ink=ink,
            scale=used,
            sound=app.sound,
        )

    def _row(
        self, picture: str, words: str, choices: list[Button], top: int, rtl: bool
    ) -> tuple[int, list[Widget]]:
        """A label on the reading side and its choices after it; when they do not fit on
        one line, the label goes above the choices."""
        card, width = self.card, self.size[0]
        label_w = card.width * 3 // 10
        tallest = max(b.rect.height for b in choices)
        sizes = [b.rect.size for b in choices]
        needed = sum(w for w, _ in sizes) + ROW_GAP * (len(sizes) - 1)
        inline = needed <= card.width - label_w - 48
        label_h = line_height(theme.text_size("label", self.app.text_scale), True, words)
        label = pygame.Rect(card.left + 24, top, label_w, tallest if inline else label_h)
        choices_top = top if inline else label.bottom + theme.GAP
        zone_left = card.left + 24 + (label_w if inline else 0)
        zone_width = card.right - 24 - zone_left
        centre = zone_left + needed // 2 if inline else zone_left + zone_width // 2
        rects = row_rects(sizes, centre, choices_top, ROW_GAP, False)
        for rect in rects:
            rect.height = tallest
        if rtl:
            label = mirror_x(label, width)
            rects = [mirror_x(r, width) for r in rects]
        place(choices, rects)
        self.labels.append((picture, words, label))
        return choices_top + tallest + ROW_GAP + 4, list(choices)

    # -- events and drawing --

    def handle(self, event: pygame.event.Event) -> bool:
        if is_key(event, pygame.K_ESCAPE):
            self.back()
            return True
        return self.group.handle(event) or handle_arrows(self.group.widgets, event)

    def draw(self, surface: pygame.Surface) -> None:
        paint_background(surface)
        width = surface.get_width()
        lang, scale, rtl = self.app.lang, self.app.text_scale, self.app.rtl
        draw_top_bar(surface, BAR_HEIGHT)
        title = theme.text_size("title", scale)
        gear = icon("settings", 40, theme.INK)
        words = text_surface(t("settings.title", lang), title, theme.INK, lang, True)
        blit_row(surface, [gear, words], (width // 2, BAR_HEIGHT // 2), rtl)
        panel(surface, self.card)
        label_size = theme.text_size("label", scale)
        for picture, text, rect in self.labels:
            image = _label_picture(picture, 36, lang)
            shown = text_surface(text, label_size, theme.INK, lang, True)
            if rtl:
                surface.blit(image, image.get_rect(midright=(rect.right, rect.centery)))
                surface.blit(
                    shown, shown.get_rect(midright=(rect.right - 36 - theme.GAP, rect.centery))
                )
            else:
                surface.blit(image, image.get_rect(midleft=(rect.left, rect.centery)))
                surface.blit(
                    shown, shown.get_rect(midleft=(rect.left + 36 + theme.GAP, rect.centery))
                )
        self._draw_sample(surface)
        self.group.draw(surface)

    def _draw_sample(self, surface: pygame.Surface) -> None:
        """A sentence at the chosen size, so a child sees what the choice does."""
        box = self.sample
        if box.bottom > self.card.bottom:
            return
        pygame.draw.rect(surface, theme.BACKGROUND, box, border_radius=theme.RADIUS)
        robot = icon("robot", box.height - 12)
        size = theme.text_size("body", self.app.text_scale)
        text = text_surface(t("settings.sample", self.app.lang), size, theme.INK, self.app.lang)
        blit_row(surface, [robot, text], box.center, self.app.rtl)


@lru_cache(maxsize=32)
def _label_picture(kind: str, side: int, lang: str) -> pygame.Surface:
    """The picture before a setting's name: the language's badge, a speaker, the four
    corners of a full screen, or "Aa" for the text size."""
    ink = theme.ACCENT_DARK
    if kind == "sound":
        return icon("sound_on", side, ink)
    if kind == "text_size":
        return text_surface("Aa", side * 3 // 4, ink, "en", True)
    picture = pygame.Surface((side, side), pygame.SRCALPHA)
    if kind == "language":
        draw_badge(picture, lang, (side // 2, side // 2), side // 2)
        return picture
    arm, edge, width = side // 3, side - 4, max(3, side // 10)
    for x, y, dx, dy in ((3, 3, 1, 1), (edge, 3, -1, 1), (3, edge, 1, -1), (edge, edge, -1, -1)):
        pygame.draw.lines(
            picture, ink, False, [(x + dx * arm, y), (x, y), (x, y + dy * arm)], width
        )
    return picture
