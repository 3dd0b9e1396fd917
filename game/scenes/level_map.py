"""The level map: every pack as a section of numbered tiles with the stars earned.

A tile opens once the level before it is won; a trainer can open them all with
Ctrl+Shift+U (saved for the machine, pressed again to lock them back). A level whose file
is broken shows a friendly tile; clicking it says so and lists what a trainer must fix.
"""

from __future__ import annotations

import math
import time
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import pygame

from game.catalog import (
    USER_LEVELS_FOLDER,
    LevelEntry,
    PackEntry,
    Results,
    default_catalog,
    unlocked,
)
from game.i18n import format_problem, t
from game.levels import pick_text
from game.progress import data_dir
from game.render.avatars import avatar
from game.render.icons import icon
from game.render.text import draw_paragraph, is_rtl, line_height, text_surface
from game.scenes.menu_parts import (
    blit_row,
    draw_label,
    draw_stars,
    draw_top_bar,
    fit_text,
    handle_arrows,
    open_level,
    own_lang,
    paint_background,
    panel,
    plain_button,
    where_to_continue,
)
from game.ui import theme
from game.ui.scene import Scene
from game.ui.widgets import Button, Group, Widget, is_key, mirror_x

if TYPE_CHECKING:
    from game.app import App

PACK_COLOURS: tuple[theme.Rgb, ...] = (
    theme.ACCENT,
    theme.SUCCESS,
    (204, 121, 167),
    (230, 140, 20),
    (86, 160, 220),
    theme.DANGER,
)
BAR_HEIGHT = 76
FOOTER_HEIGHT = 52
TILE_GAP = 16
SCROLL_STEP = 60
MAX_CONTENT_WIDTH = 1500


@dataclass
class TileState:
    pack: PackEntry
    level: LevelEntry | None  # None: the tile of a pack whose file is broken
    number: int
    stars: int
    is_open: bool
    current: bool
    colour: theme.Rgb


class LevelTile(Button):
    """A level's number and stars; grey with a lock when closed, a puzzled face when broken."""

    def __init__(self, state: TileState, scene: LevelMap) -> None:
        app = scene.app
        colour = state.colour if state.is_open else theme.DISABLED
        if self.broken_state(state):
            colour = theme.lighter(theme.DANGER, 0.55)
        super().__init__(
            pygame.Rect(0, 0, 10, 10),
            str(state.number),
            None,
            lambda: scene.choose(state),
            app.lang,
            colour=colour,
            scale=app.text_scale,
            sound=None,
        )
        self.state = state
        self.content_rect = pygame.Rect(0, 0, 10, 10)

    @staticmethod
    def broken_state(state: TileState) -> bool:
        return state.level is None or not state.level.ok

    def _draw_content(self, surface: pygame.Surface, body: pygame.Rect, ink: theme.Rgb) -> None:
        state = self.state
        side = body.width
        if self.broken_state(state):
            face = icon("question", side // 2, theme.darker(theme.DANGER, 0.2))
            surface.blit(face, face.get_rect(center=(body.centerx, body.top + side * 2 // 5)))
            size = theme.text_size("small", self.scale)
            centre = (body.centerx, body.bottom - side // 6)
            word = fit_text(t("map.broken_tile", self.lang), size, side - 8, self.lang, True)
            draw_label(
                surface, word, centre, size, theme.darker(theme.DANGER, 0.4), self.lang, True
            )
            return
        if not state.is_open:
            lock = icon("lock", side // 2, theme.DISABLED_INK)
            surface.blit(lock, lock.get_rect(center=body.center))
            return
        number = max(16, side * 2 // 5)
        centre = (body.centerx, body.top + side * 2 // 5)
        draw_label(surface, self.text, centre, number, ink, "en", bold=True)
        star_side = max(12, side // 5)
        centre = (body.centerx, body.bottom - star_side * 3 // 4 - 4)
        draw_stars(surface, centre, state.stars, star_side, is_rtl(self.lang))
        if state.current:
            glow = 4 + round(2 * math.sin(time.monotonic() * 4))
            ring = body.inflate(8 + glow, 8 + glow)
            pygame.draw.rect(surface, theme.STAR, ring, width=5, border_radius=theme.RADIUS + 6)


class LevelMap(Scene):
    def __init__(self, app: App, notice: str | None = None, **kwargs: Any) -> None:
        super().__init__(app)
        self.notice = notice  # a message key to say on arrival, e.g. "map.level_failed"
        self.size: tuple[int, int] = app.size
        self.scroll = 0
        self.content_height = 0
        self.packs: list[PackEntry] = []
        self.results: Results = {}
        self.tiles: list[LevelTile] = []
        self.bar: list[Button] = []
        self.sections: list[tuple[PackEntry, int, theme.Rgb]] = []  # pack, content y, colour
        self.group = Group()
        self.hovered: LevelTile | None = None
        self.info: TileState | None = None  # the broken level being explained
        self.info_group = Group()
        self.info_rect = pygame.Rect(0, 0, 0, 0)
        self.scrolled_to_current = False

    # -- life cycle --

    def enter(self) -> None:
        self.reload()
        if self.notice is not None:
            self.app.toast(t(self.notice, self.app.lang))
            self.notice = None

    def resize(self, size: tuple[int, int]) -> None:
        self.size = size
        self.build()

    def reload(self) -> None:
        """Read the packs again (only changed files are re-read) and the player's results."""
        self.packs = default_catalog().packs()
        self.results = self.app.progress.results()
        self.build()

    @property
    def viewport(self) -> pygame.Rect:
        width, height = self.size
        return pygame.Rect(0, BAR_HEIGHT, width, height - BAR_HEIGHT - FOOTER_HEIGHT)

    # -- actions --

    def choose(self, state: TileState) -> None:
        if LevelTile.broken_state(state):
            self.app.sound.play("bump")
            self.open_info(state)
        elif not state.is_open:
            self.app.sound.play("bump")
            self.app.toast(t("map.locked", self.app.lang))
        elif state.level is not None:
            self.app.sound.play("click")
            open_level(self.app, state.pack, state.level)

    def toggle_unlock_all(self) -> None:
        settings = self.app.settings
        settings.unlock_all = not settings.unlock_all
        self.app.save_settings()
        key = "map.unlock_all" if settings.unlock_all else "map.lock_again"
        self.app.toast(t(key, self.app.lang))
        self.build(keep_focus=True)

    def go_home(self) -> None:
        self.app.goto("welcome")

    def open_settings(self) -> None:
        self.app.push("settings")

    def open_info(self, state: TileState) -> None:
        self.info = state
        self._build_info()

    def close_info(self) -> None:
        self.info = None
        self.info_group = Group()

    def scroll_by(self, delta: int) -> None:
        self.scroll = self._clamped(self.scroll + delta)
        self._place_tiles()

    # -- layout --

    def _current(self) -> tuple[str, str] | None:
        """The tile to highlight: the last level played, else where Continue would go."""
        found = where_to_continue(self.app.progress, self.app.settings.unlock_all)
        return None if found is None else (found[0].id, found[1].id)

    def build(self, keep_focus: bool = False) -> None:
        focused = self.group.focused()
        where = (focused.rect.center, self.scroll) if keep_focus and focused is not None else None
        self.bar = self._bar_buttons()
        self.tiles = self._layout_tiles()
        self.group = Group([*self.bar, *self.tiles])
        if not self.scrolled_to_current and self.tiles:
            self.scrolled_to_current = True
            current = next((tile for tile in self.tiles if tile.state.current), None)
            if current is not None:
                self.scroll = current.content_rect.top - self.viewport.height // 3
        self.scroll = self._clamped(self.scroll)
        self._place_tiles()
        if where is not None:
            point = (where[0][0], where[0][1] - where[1] + self.scroll)
            for widget in self.group.widgets:
                widget.focused = widget.rect.collidepoint(point)
        if self.info is not None:
            self._build_info()

    def _bar_buttons(self) -> list[Button]:
        width, lang, scale = self.size[0], self.app.lang, self.app.text_scale
        home_text = t("menu.home", lang)
        home_w, _ = Button.fit(home_text, "home", lang, scale)
        home_rect = pygame.Rect(14, 12, home_w + 12, BAR_HEIGHT - 24)
        home = plain_button(self.app, home_rect, home_text, "home", self.go_home)
        gear_rect = pygame.Rect(width - 14 - 56, 10, 56, 56)
        gear = plain_button(self.app, gear_rect, "", "settings", self.open_settings)
        return [home, gear]

    def _tile_side(self) -> int:
        return max(84, min(136, self.size[0] // 11))

    def _margin(self) -> int:
        """Space left and right of the packs; wide windows keep the packs in the middle."""
        width = self.size[0]
        return max(24, width // 30, (width - MAX_CONTENT_WIDTH) // 2)

    def _layout_tiles(self) -> list[LevelTile]:
        """Tiles in content coordinates: pack after pack, rows in reading order."""
        width, rtl = self.size[0], self.app.rtl
        side = self._tile_side()
        margin = self._margin()
        per_row = max(1, (width - 2 * margin + TILE_GAP) // (side + TILE_GAP))
        title = theme.text_size("title", self.app.text_scale)
        current = self._current()
        tiles: list[LevelTile] = []
        self.sections = []
        y = TILE_GAP
        for n, pack in enumerate(self.packs):
            colour = PACK_COLOURS[n % len(PACK_COLOURS)]
            self.sections.append((pack, y, colour))
            y += line_height(title, True, "ع") + TILE_GAP
            states = self._states(pack, colour, current)
            row_width = per_row * (side + TILE_GAP) - TILE_GAP
            left = (width - row_width) // 2
            for n, state in enumerate(states):
                column, row = n % per_row, n // per_row
                rect = pygame.Rect(
                    left + column * (side + TILE_GAP), y + row * (side + TILE_GAP), side, side
                )
                tile = LevelTile(state, self)
                tile.content_rect = mirror_x(rect, width) if rtl else rect
                tiles.append(tile)
            y += -(-len(states) // per_row) * (side + TILE_GAP)
            y += TILE_GAP
        self.content_height = y
        return tiles

    def _states(
        self, pack: PackEntry, colour: theme.Rgb, current: tuple[str, str] | None
    ) -> list[TileState]:
        if not pack.ok:
            return [TileState(pack, None, 1, 0, False, False, colour)]
        opened = unlocked(pack, self.results, self.app.settings.unlock_all)
        states = []
        for n, (level, is_open) in enumerate(zip(pack.levels, opened, strict=True), start=1):
            result = self.results.get((pack.id, level.id))
            stars = result.stars if result is not None and result.completed else 0
            here = current == (pack.id, level.id)
            states.append(TileState(pack, level, n, stars, is_open, here, colour))
        return states

    def _clamped(self, scroll: int) -> int:
        return max(0, min(scroll, self.content_height - self.viewport.height))

    def _place_tiles(self) -> None:
        offset = self.viewport.top - self.scroll
        for tile in self.tiles:
            tile.rect = tile.content_rect.move(0, offset)

    def _keep_in_view(self, widget: Widget | None) -> None:
        if widget is None or widget not in self.tiles:
            return
        view = self.viewport
        if widget.rect.top < view.top + TILE_GAP:
            self.scroll_by(widget.rect.top - view.top - TILE_GAP)
        elif widget.rect.bottom > view.bottom - TILE_GAP:
            self.scroll_by(widget.rect.bottom - view.bottom + TILE_GAP)

    def _build_info(self) -> None:
        width, height = self.size
        box = pygame.Rect(0, 0, min(width - 60, 760), min(height - 60, 440))
        box.center = (width // 2, height // 2)
        self.info_rect = box
        lang, scale = self.app.lang, self.app.text_scale
        text = t("menu.ok", lang)
        w, h = Button.fit(text, "check", lang, scale)
        ok = Button(
            pygame.Rect(0, 0, w + 40, h + 12),
            text,
            "check",
            self.close_info,
            lang,
            colour=theme.SUCCESS,
            scale=scale,
            sound=self.app.sound,
        )
        ok.rect.midbottom = (box.centerx, box.bottom - theme.PAD * 2)
        ok.focused = True
        self.info_group = Group([ok])

    # -- events --

    def handle(self, event: pygame.event.Event) -> bool:
        if self.info is not None:
            if is_key(event, pygame.K_ESCAPE):
                self.close_info()
            else:
                self.info_group.handle(event)
            return True
        if (
            is_key(event, pygame.K_u)
            and event.mod & pygame.KMOD_CTRL
            and event.mod & pygame.KMOD_SHIFT
        ):
            self.toggle_unlock_all()
            return True
        if is_key(event, pygame.K_ESCAPE):
            self.go_home()
            return True
        if event.type == pygame.MOUSEWHEEL:
            self.scroll_by(-event.y * SCROLL_STEP)
            return True
        if self._scroll_keys(event):
            return True
        if event.type == pygame.MOUSEMOTION:
            self.hovered = self._tile_at(event.pos)
        pointing = hasattr(event, "pos") and event.type != pygame.MOUSEMOTION
        if pointing and not self.viewport.collidepoint(event.pos):
            return any(button.handle(event) for button in self.bar)
        if self.group.handle(event) or handle_arrows(self.group.widgets, event):
            self._keep_in_view(self.group.focused())
            return True
        return False

    def _scroll_keys(self, event: pygame.event.Event) -> bool:
        page = self.viewport.height - 2 * TILE_GAP
        moves = {
            pygame.K_PAGEUP: -page,
            pygame.K_PAGEDOWN: page,
            pygame.K_HOME: -(10**6),
            pygame.K_END: 10**6,
        }
        if event.type == pygame.KEYDOWN and event.key in moves:
            self.scroll_by(moves[event.key])
            return True
        return False

    def _tile_at(self, pos: tuple[int, int]) -> LevelTile | None:
        if not self.viewport.collidepoint(pos):
            return None
        return next((tile for tile in self.tiles if tile.rect.collidepoint(pos)), None)

    # -- drawing --

    def draw(self, surface: pygame.Surface) -> None:
        paint_background(surface)
        view = self.viewport
        clip = surface.get_clip()
        surface.set_clip(view)
        self._draw_sections(surface)
        for tile in self.tiles:
            if tile.rect.colliderect(view):
                tile.draw(surface)
        surface.set_clip(clip)
        if not self.packs:
            self._draw_empty(surface)
        self._draw_bar(surface)
        self._draw_footer(surface)
        if self.info is not None:
            self._draw_info(surface)

    def _draw_sections(self, surface: pygame.Surface) -> None:
        width, rtl, lang = self.size[0], self.app.rtl, self.app.lang
        size = theme.text_size("title", self.app.text_scale)
        margin = self._margin()
        slot = line_height(size, True, "ع")
        for pack, y, colour in self.sections:
            top = y + self.viewport.top - self.scroll
            if top > self.viewport.bottom or top + slot < self.viewport.top:
                continue
            title = pick_text(pack.title, lang)
            picture = icon("brain" if pack.scene == "ai_lab" else "flag", slot - 12, colour)
            words = text_surface(
                fit_text(title, size, width // 2, lang, True),
                size,
                theme.darker(colour, 0.25),
                lang,
                True,
            )
            start = width - margin if rtl else margin
            blit_row(surface, [picture, words], (start, top + slot // 2), rtl, "start")
            self._draw_pack_score(surface, pack, top, slot, margin)

    def _draw_pack_score(
        self, surface: pygame.Surface, pack: PackEntry, top: int, slot: int, margin: int
    ) -> None:
        """Stars earned out of stars possible, at the end of the pack's title line."""
        if not pack.levels:
            return
        done = [self.results.get((pack.id, level.id)) for level in pack.levels]
        earned = sum(result.stars for result in done if result is not None and result.completed)
        size = theme.text_size("body", self.app.text_scale)
        words = text_surface(f"{earned}/{3 * len(pack.levels)}", size, theme.INK_SOFT, "en", True)
        star = icon("star", slot - 18)
        end = margin if self.app.rtl else self.size[0] - margin
        blit_row(surface, [star, words], (end, top + slot // 2), self.app.rtl, "end")

    def _draw_bar(self, surface: pygame.Surface) -> None:
        """Home, the player's face and name, the title in the room left, settings."""
        width, lang, scale, rtl = self.size[0], self.app.lang, self.app.text_scale, self.app.rtl
        draw_top_bar(surface, BAR_HEIGHT)
        home, gear = (button.rect for button in self.bar)
        start = self._draw_player(surface, home)
        end = gear.left if not rtl else width - gear.right
        room = pygame.Rect(start + 16, 0, max(40, end - start - 32), BAR_HEIGHT)
        if rtl:
            room = mirror_x(room, width)
        size = theme.text_size("title", scale)
        title = fit_text(t("map.title", lang), size, room.width, lang, True)
        draw_label(surface, title, room.center, size, theme.INK, lang, True)
        for button in self.bar:
            button.draw(surface)

    def _draw_player(self, surface: pygame.Surface, home: pygame.Rect) -> int:
        """The player's face and name after the home button; returns how far from the start
        side (left, or right in Arabic) the bar is now used."""
        width, rtl = self.size[0], self.app.rtl
        used = width - home.left if rtl else home.right
        profile_id = self.app.progress.profile_id
        profile = self.app.progress.profile(profile_id) if profile_id is not None else None
        if profile is None:
            return used
        face = avatar(profile.avatar, 52)
        label = theme.text_size("label", self.app.text_scale)
        script = own_lang(profile.name)
        short = fit_text(profile.name, label, width // 7, script, True)
        name = text_surface(short, label, theme.INK, script, True)
        start = width - used - 16 if rtl else used + 16
        covered = blit_row(surface, [face, name], (start, BAR_HEIGHT // 2), rtl, "start")
        return used + 16 + covered.width

    def _draw_footer(self, surface: pygame.Surface) -> None:
        """What the pointed (or keyboard-focused) tile is: number and title, or why it is shut."""
        width, height = self.size
        top = height - FOOTER_HEIGHT
        pygame.draw.rect(surface, theme.PANEL, (0, top, width, FOOTER_HEIGHT))
        pygame.draw.line(surface, theme.PANEL_EDGE, (0, top), (width, top), 2)
        focused = self.group.focused()
        tile = focused if isinstance(focused, LevelTile) else self.hovered
        tile = tile or next((tile for tile in self.tiles if tile.state.current), None)
        if tile is None:
            return
        lang = self.app.lang
        state = tile.state
        if LevelTile.broken_state(state):
            text = t("map.broken", lang)
        else:
            assert state.level is not None
            text = f"{state.number} · {pick_text(state.level.title, lang)}"
            if not state.is_open:
                text += " — " + t("map.locked", lang)
        size = theme.text_size("body", self.app.text_scale)
        text = fit_text(text, size, width - 40, lang)
        draw_label(surface, text, (width // 2, top + FOOTER_HEIGHT // 2), size, theme.INK, lang)

    def _draw_empty(self, surface: pygame.Surface) -> None:
        view = self.viewport.inflate(-120, -120)
        folder = data_dir() / USER_LEVELS_FOLDER
        size = theme.text_size("label", self.app.text_scale)
        text = t("map.empty", self.app.lang, folder=str(folder))
        draw_paragraph(surface, text, view, size, theme.INK_SOFT, self.app.lang, align="center")

    def _draw_info(self, surface: pygame.Surface) -> None:
        """Why a level cannot open: a word for the child, the details for a trainer."""
        assert self.info is not None
        dim = pygame.Surface(surface.get_size(), pygame.SRCALPHA)
        dim.fill(theme.OVERLAY)
        surface.blit(dim, (0, 0))
        box = self.info_rect
        panel(surface, box)
        lang, scale = self.app.lang, self.app.text_scale
        inner = box.inflate(-48, -32)
        state = self.info
        key = "map.broken_pack" if state.level is None else "map.broken"
        used = draw_paragraph(
            surface,
            t(key, lang),
            inner,
            theme.text_size("label", scale),
            theme.INK,
            lang,
            align="center",
            bold=True,
        )
        inner.top += used + theme.PAD
        small = theme.text_size("small", scale)
        used = draw_paragraph(
            surface, t("map.trainer_hint", lang), inner, small, theme.INK_SOFT, lang
        )
        inner.top += used + theme.GAP
        inner.height = self.info_group.widgets[0].rect.top - theme.PAD - inner.top
        lines = [format_problem(path, found, lang) for path, found in _problems_of(state)]
        draw_paragraph(surface, "\n".join(lines), inner, small, theme.INK, lang)
        self.info_group.draw(surface)


def _problems_of(state: TileState) -> list[tuple[str, Any]]:
    """Each problem with the file it is in, named from its pack folder (no machine paths)."""
    pack = state.pack
    if state.level is None:
        return [(f"{pack.folder.name}/pack.yaml", found) for found in pack.problems]
    name = f"{pack.folder.name}/{state.level.path.name}"
    return [(name, found) for found in state.level.problems]
