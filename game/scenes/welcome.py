"""The welcome screen: pick a language, pick your face (or make a new player), play on.

Several children share one computer and one system account, so players are profiles in
the saves: a face and a first name, found at a glance. "Continue" opens the level the
selected child was on; "Levels" opens the map.
"""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING, Any

import pygame

from game.catalog import default_catalog
from game.i18n import t
from game.progress import Profile, clean_name
from game.render.avatars import AVATARS, avatar, avatar_colour
from game.render.icons import icon
from game.render.text import draw_text, line_height, text_surface, wrap
from game.scenes.menu_parts import (
    ArrowButton,
    blit_row,
    draw_label,
    fit_text,
    handle_arrows,
    language_buttons,
    open_level,
    own_lang,
    paint_background,
    panel,
    place,
    plain_button,
    row_rects,
    where_to_continue,
)
from game.ui import theme
from game.ui.scene import Scene
from game.ui.widgets import Button, Group, TextInput, Widget, is_key

if TYPE_CHECKING:
    from game.app import App

CARD_GAP = 16
MIN_CARD_ROOM = 170
WARM_SECONDS = 0.004  # reading level files between frames, well within one frame


class ProfileCard(Button):
    """A player's face and first name; the selected player's card wears its avatar colour."""

    def __init__(self, rect: pygame.Rect, profile: Profile, selected: bool, scene: Welcome) -> None:
        colour = theme.lighter(avatar_colour(profile.avatar), 0.55) if selected else theme.PANEL
        super().__init__(
            rect,
            profile.name,
            None,
            lambda: scene.select(profile.id),
            scene.app.lang,
            colour=colour,
            ink=theme.INK,
            scale=scene.app.text_scale,
            sound=scene.app.sound,
        )
        self.profile = profile
        self.selected = selected

    def _draw_content(self, surface: pygame.Surface, body: pygame.Rect, ink: theme.Rgb) -> None:
        size = theme.text_size("label", self.scale)
        name_h = line_height(size)
        side = min(body.width - 2 * theme.PAD, body.height - name_h - 2 * theme.PAD)
        face = avatar(self.profile.avatar, max(8, side))
        surface.blit(face, face.get_rect(midtop=(body.centerx, body.top + theme.PAD)))
        script = own_lang(self.text)
        name = fit_text(self.text, size, body.width - theme.PAD, script, bold=True)
        centre = (body.centerx, body.bottom - theme.PAD // 2 - name_h // 2)
        draw_label(surface, name, centre, size, ink, script, bold=True)
        if self.selected:
            edge = theme.darker(avatar_colour(self.profile.avatar), 0.2)
            pygame.draw.rect(surface, edge, body, width=4, border_radius=theme.RADIUS)


class NewPlayerCard(Button):
    """The card that opens the "new player" panel: a big plus above the words."""

    def __init__(self, rect: pygame.Rect, scene: Welcome) -> None:
        app = scene.app
        super().__init__(
            rect,
            t("welcome.new_profile", app.lang),
            "plus",
            scene.start_new,
            app.lang,
            colour=theme.lighter(theme.SUCCESS, 0.75),
            ink=theme.darker(theme.SUCCESS, 0.3),
            scale=app.text_scale,
            sound=app.sound,
        )

    def _draw_content(self, surface: pygame.Surface, body: pygame.Rect, ink: theme.Rgb) -> None:
        size = theme.text_size("body", self.scale)
        step = line_height(size)
        lines = wrap(self.text, size, body.width - theme.PAD, self.lang, bold=True)[:2]
        if len(lines) > 1 and body.height - 2 * step < 64:  # too short for two lines
            lines = [fit_text(self.text, size, body.width - theme.PAD, self.lang, bold=True)]
        words_h = step * len(lines)
        radius = max(16, min(body.width, body.height - words_h) // 2 - theme.PAD)
        centre = (body.centerx, body.top + theme.PAD + radius)
        pygame.draw.circle(surface, theme.PANEL, centre, radius)
        plus = icon("plus", radius, ink)
        surface.blit(plus, plus.get_rect(center=centre))
        y = body.bottom - theme.PAD // 2 - words_h + step // 2
        for line in lines:
            draw_label(surface, line, (body.centerx, y), size, ink, self.lang, bold=True)
            y += step


class AvatarChoice(Button):
    """One face to choose for a new player."""

    def __init__(self, rect: pygame.Rect, index: int, chosen: bool, scene: Welcome) -> None:
        colour = theme.lighter(avatar_colour(index), 0.4) if chosen else theme.BACKGROUND
        super().__init__(
            rect,
            "",
            None,
            lambda: scene.choose_avatar(index),
            scene.app.lang,
            colour=colour,
            scale=scene.app.text_scale,
            sound=scene.app.sound,
        )
        self.index = index
        self.chosen = chosen

    def _draw_content(self, surface: pygame.Surface, body: pygame.Rect, ink: theme.Rgb) -> None:
        face = avatar(self.index, body.width - 10)
        surface.blit(face, face.get_rect(center=body.center))
        if self.chosen:
            edge = theme.darker(avatar_colour(self.index), 0.25)
            pygame.draw.rect(surface, edge, body, width=4, border_radius=theme.RADIUS)


class Welcome(Scene):
    def __init__(self, app: App, **kwargs: Any) -> None:
        super().__init__(app)
        self.size: tuple[int, int] = app.size
        self.page = 0
        self.creating = False  # the new-player panel is open
        self.new_name = ""
        self.new_avatar = 0
        self.group = Group()
        self.panel_rect = pygame.Rect(0, 0, 0, 0)
        self.texts: list[tuple[str, tuple[int, int], int, theme.Rgb, bool]] = []
        self.name_input: TextInput | None = None
        self.header_top = 16
        self.show_tagline = True
        self.card_room = 0
        self.catalog_ready = False

    # -- life cycle --

    def enter(self) -> None:
        notice = self.app.progress.notice
        if notice is not None:
            self.app.toast(t(f"saves.{notice.value}", self.app.lang))
            self.app.progress.notice = None
        self.build()

    def update(self, dt: float) -> None:
        """While a child picks a face, read the level files a little at a time so the map
        opens at once."""
        if not self.catalog_ready:
            self.catalog_ready = default_catalog().warm(WARM_SECONDS)

    def resize(self, size: tuple[int, int]) -> None:
        self.size = size
        self.build()

    # -- actions --

    def pick_language(self, lang: str) -> None:
        if lang != self.app.lang:
            self.app.set_lang(lang)
        self.build()

    def select(self, profile_id: int) -> None:
        self.app.try_save(lambda: self.app.progress.select_profile(profile_id))
        self.build(keep_focus=True)

    def go_on(self) -> None:
        """Open the level the selected player was on (or the next one, or the map)."""
        found = where_to_continue(self.app.progress, self.app.settings.unlock_all)
        if found is None:
            self.app.goto("map")
        else:
            open_level(self.app, *found)

    def open_map(self) -> None:
        self.app.goto("map")

    def open_settings(self) -> None:
        self.app.push("settings")

    def turn_page(self, step: int) -> None:
        self.page += step
        self.build()

    def start_new(self) -> None:
        self.creating = True
        self.new_name = ""
        self.new_avatar = len(self.app.progress.profiles()) % len(AVATARS)
        self.build()
        if self.name_input is not None:
            self.name_input.focus()

    def cancel_new(self) -> None:
        self.creating = False
        pygame.key.stop_text_input()
        self.build()

    def choose_avatar(self, index: int) -> None:
        self.new_avatar = index
        self.build(keep_focus=True)

    def typed(self, text: str) -> None:
        self.new_name = text

    def create(self, *_: object) -> None:
        name = clean_name(self.new_name)
        if name is None:
            self.app.sound.play("bump")
            self.app.toast(t("welcome.name_needed", self.app.lang))
            if self.name_input is not None:
                self.name_input.focus()
            return
        made = self.app.try_save(lambda: self.app.progress.add_profile(name, self.new_avatar))
        if made is not None:
            pygame.key.stop_text_input()
            self.creating = False
            self.app.goto("map")

    # -- layout --

    def build(self, keep_focus: bool = False) -> None:
        """Lay the screen out for the window size, language and text size (mirrored in
        Arabic); `keep_focus` keeps the keyboard focus on the same place."""
        focused = self.group.focused()
        where = focused.rect.center if keep_focus and focused is not None else None
        self.texts = []
        if self.creating:
            widgets = self._panel_widgets()
        else:
            self.show_tagline = True
            widgets = self._main_widgets()
            if self.card_room < MIN_CARD_ROOM:  # a short window: the faces matter more
                self.texts, self.show_tagline = [], False
                widgets = self._main_widgets()
        self.group = Group(widgets)
        if where is not None:
            for widget in widgets:
                widget.focused = widget.rect.collidepoint(where)

    def _button(self, text: str, icon_name: str | None, action: Any, colour: theme.Rgb) -> Button:
        app = self.app
        size = Button.fit(text, icon_name, app.lang, app.text_scale)
        rect = pygame.Rect((0, 0), (size[0] + 24, size[1] + 16))
        return Button(
            rect,
            text,
            icon_name,
            action,
            app.lang,
            colour=colour,
            scale=app.text_scale,
            sound=app.sound,
        )

    def _heading(self, key: str, top: int, colour: theme.Rgb = theme.INK_SOFT) -> int:
        """Queue a centred heading; returns the y under it."""
        size = theme.text_size("label", self.app.text_scale)
        text = t(key, self.app.lang)
        slot = line_height(size, True, text)
        self.texts.append((text, (self.size[0] // 2, top + slot // 2), size, colour, True))
        return top + slot + theme.GAP

    def _main_widgets(self) -> list[Widget]:
        width, height = self.size
        app, rtl = self.app, self.app.rtl
        margin = max(16, width // 50)
        widgets: list[Widget] = []
        gear_rect = pygame.Rect(width - margin - 56, margin, 56, 56)
        gear = plain_button(self.app, gear_rect, "", "settings", self.open_settings)
        widgets.append(gear)
        title = theme.text_size("title", app.text_scale) + 8
        self.header_top = margin
        top = margin + line_height(title) + theme.GAP * 2
        if self.show_tagline:
            top += line_height(theme.text_size("body", app.text_scale))
        top = self._heading("welcome.language", top)
        languages = language_buttons(app.lang, self.pick_language, app.text_scale, app.sound)
        rects = row_rects([b.rect.size for b in languages], width // 2, top, CARD_GAP, rtl)
        place(languages, rects)
        widgets += languages
        top = rects[0].bottom + theme.PAD * 2
        top = self._heading("welcome.who", top)
        bottom_buttons = self._go_buttons()
        room = height - margin - top - (bottom_buttons[0].rect.height if bottom_buttons else 40)
        self.card_room = room - theme.PAD * 2
        widgets += self._cards(top, self.card_room)
        if bottom_buttons:
            sizes = [b.rect.size for b in bottom_buttons]
            y = height - margin - sizes[0][1]
            place(bottom_buttons, row_rects(sizes, width // 2, y, CARD_GAP * 2, rtl))
            widgets += bottom_buttons
        else:
            size = theme.text_size("body", app.text_scale)
            y = height - margin - line_height(size) // 2
            self.texts.append(
                (t("welcome.no_profile", app.lang), (width // 2, y), size, theme.INK_SOFT, False)
            )
        return widgets

    def _go_buttons(self) -> list[Button]:
        if self.app.progress.profile_id is None:
            return []
        lang = self.app.lang
        go = self._button(t("welcome.continue", lang), "play", self.go_on, theme.SUCCESS)
        go.rect.inflate_ip(24, 8)
        levels = self._button(t("welcome.levels", lang), "star", self.open_map, theme.ACCENT)
        levels.rect.height = go.rect.height
        return [go, levels]

    def _cards(self, top: int, room: int) -> list[Widget]:
        """Profile cards and the "new player" card, in pages when they do not fit."""
        width = self.size[0]
        rtl, scale = self.app.rtl, self.app.text_scale
        label = line_height(theme.text_size("label", scale))
        card_h = max(110, min(max(200, self.size[1] * 2 // 9), room))
        card_w = max(130, min(220, card_h - label + 10))
        arrow_w = 56
        per_row = max(1, (width - 2 * arrow_w - 4 * CARD_GAP) // (card_w + CARD_GAP))
        rows = 2 if room >= 2 * card_h + CARD_GAP and card_h >= 200 else 1
        per_page = per_row * rows
        profiles = self.app.progress.profiles()
        items: list[Profile | None] = [None, *profiles]  # None: the "new player" card
        pages = max(1, -(-len(items) // per_page))
        self.page = max(0, min(self.page, pages - 1))
        shown = items[self.page * per_page : (self.page + 1) * per_page]
        widgets: list[Widget] = []
        top += max(0, room - rows * card_h - (rows - 1) * CARD_GAP) // 3
        for row in range(rows):
            part = shown[row * per_row : (row + 1) * per_row]
            y = top + row * (card_h + CARD_GAP)
            rects = row_rects([(card_w, card_h)] * len(part), width // 2, y, CARD_GAP, rtl)
            for item, rect in zip(part, rects, strict=True):
                widgets.append(self._card(item, rect))
        if pages > 1:
            widgets += self._page_arrows(top + card_h // 2, pages)
        return widgets

    def _card(self, item: Profile | None, rect: pygame.Rect) -> Widget:
        if item is not None:
            return ProfileCard(rect, item, item.id == self.app.progress.profile_id, self)
        return NewPlayerCard(rect, self)

    def _page_arrows(self, middle: int, pages: int) -> list[Widget]:
        width = self.size[0]
        arrows: list[Widget] = []
        for step, name, x in ((-1, "back", 12), (1, "forward", width - 12 - 56)):
            rect = pygame.Rect(x, middle - 40, 56, 80)
            button = plain_button(
                self.app, rect, "", name, partial(self.turn_page, step), ArrowButton
            )
            button.enabled = 0 <= self.page + step < pages
            arrows.append(button)
        return arrows

    def _panel_widgets(self) -> list[Widget]:
        """The "new player" panel: first name, a face, then Cancel or Let's go."""
        width, height = self.size
        rtl, lang, scale = self.app.rtl, self.app.lang, self.app.text_scale
        label = theme.text_size("label", scale)
        buttons = [
            self._button(t("welcome.cancel", lang), "cross", self.cancel_new, theme.DANGER),
            self._button(t("welcome.create", lang), "check", self.create, theme.SUCCESS),
        ]
        box = pygame.Rect(0, 0, min(width - 40, 800), 0)
        side = max(44, min(92, (box.width - 40) // len(AVATARS) - 10))
        field_h = line_height(label) + 20
        heading = line_height(label, True, "ع") + theme.GAP
        box.height = min(
            height - 20, 2 * heading + field_h + side + buttons[0].rect.height + 11 * theme.PAD
        )
        box.center = (width // 2, height // 2)
        self.panel_rect = box
        top = self._heading("welcome.new_profile", box.top + theme.PAD * 2, theme.INK)
        field = pygame.Rect(0, top, min(420, box.width - 80), field_h)
        field.centerx = box.centerx
        self.name_input = TextInput(
            field,
            lang,
            text=self.new_name,
            placeholder=t("welcome.name", lang),
            scale=scale,
            on_submit=self.create,
            on_change=self.typed,
        )
        top = self._heading("welcome.avatar", field.bottom + theme.PAD * 2)
        rects = row_rects([(side, side)] * len(AVATARS), box.centerx, top, 10, rtl)
        faces = [AvatarChoice(r, n, n == self.new_avatar, self) for n, r in enumerate(rects)]
        bottom = box.bottom - theme.PAD * 2 - buttons[0].rect.height
        sizes = [b.rect.size for b in buttons]
        place(buttons, row_rects(sizes, box.centerx, bottom, CARD_GAP * 2, rtl))
        return [self.name_input, *faces, *buttons]

    # -- events and drawing --

    def handle(self, event: pygame.event.Event) -> bool:
        if self.creating and is_key(event, pygame.K_ESCAPE):
            self.cancel_new()
            return True
        typing = self.name_input is not None and self.name_input.focused and self.creating
        if typing and is_key(event, pygame.K_LEFT, pygame.K_RIGHT):
            return True
        if self.group.handle(event):
            return True
        return handle_arrows(self.group.widgets, event) or self.creating

    def draw(self, surface: pygame.Surface) -> None:
        paint_background(surface)
        self._draw_header(surface)
        if self.creating:
            dim = pygame.Surface(surface.get_size(), pygame.SRCALPHA)
            dim.fill(theme.OVERLAY)
            surface.blit(dim, (0, 0))
            panel(surface, self.panel_rect)
        for text, centre, size, colour, bold in self.texts:
            draw_label(surface, text, centre, size, colour, self.app.lang, bold)
        self.group.draw(surface)

    def _draw_header(self, surface: pygame.Surface) -> None:
        """The game's name beside its robot, and a one-line invitation under it."""
        width = surface.get_width()
        lang, scale = self.app.lang, self.app.text_scale
        size = theme.text_size("title", scale) + 8
        name = text_surface(t("welcome.title", lang), size, theme.ACCENT_DARK, lang, bold=True)
        robot = icon("robot", line_height(size))
        top = self.header_top
        blit_row(surface, [robot, name], (width // 2, top + line_height(size) // 2), self.app.rtl)
        if not self.show_tagline:
            return
        tagline = theme.text_size("body", scale)
        draw_text(
            surface,
            t("welcome.tagline", lang),
            (width // 2, top + line_height(size)),
            tagline,
            theme.INK_SOFT,
            lang,
            align="center",
        )
