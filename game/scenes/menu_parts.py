"""Pieces the menu screens share (welcome, level map, settings): the warm background, arrow
keys that move the focus to the nearest widget in that direction, language buttons that
show each language in its own script, star rows and names cut to fit."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from functools import lru_cache, partial
from typing import TYPE_CHECKING, Literal

import pygame

from game.catalog import LevelEntry, PackEntry, default_catalog, next_level, unlocked
from game.i18n import LANGUAGES, RTL_LANGUAGES, t
from game.render.icons import icon
from game.render.text import has_rtl_letters, is_rtl, text_surface, text_width
from game.scenes import SCENES
from game.ui import theme
from game.ui.widgets import Button, Widget, is_key

if TYPE_CHECKING:
    from game.app import App
    from game.progress import Progress
    from game.ui.sound import Sound

# A colour for each language badge, so children who do not read yet find theirs.
LANGUAGE_COLOURS: dict[str, theme.Rgb] = {
    "fr": (0, 114, 178),
    "ar": (0, 158, 115),
    "en": (213, 94, 0),
}
LANGUAGE_BADGES: dict[str, str] = {"fr": "Fr", "ar": "ع", "en": "En"}
SELECTED: theme.Rgb = theme.ACCENT
UNSELECTED: theme.Rgb = theme.PANEL
ARROWS: dict[int, tuple[int, int]] = {
    pygame.K_LEFT: (-1, 0),
    pygame.K_RIGHT: (1, 0),
    pygame.K_UP: (0, -1),
    pygame.K_DOWN: (0, 1),
}


@lru_cache(maxsize=8)
def _backdrop(size: tuple[int, int]) -> pygame.Surface:
    width, height = size
    surface = pygame.Surface(size)
    surface.fill(theme.BACKGROUND)
    blobs = (
        ((0.06, 0.1), 0.16, (252, 226, 196)),
        ((0.95, 0.2), 0.12, (214, 236, 226)),
        ((0.9, 0.95), 0.2, (222, 232, 248)),
        ((0.12, 1.02), 0.18, (250, 236, 200)),
        ((0.55, 1.12), 0.22, (238, 230, 218)),
    )
    reach = min(width, height)
    for (fx, fy), radius, colour in blobs:
        pygame.draw.circle(surface, colour, (round(fx * width), round(fy * height)), reach * radius)
    return surface


def paint_background(surface: pygame.Surface) -> None:
    """The menus' backdrop: warm paper with a few soft, pale shapes (cached per size)."""
    surface.blit(_backdrop(surface.get_size()), (0, 0))


def panel(surface: pygame.Surface, rect: pygame.Rect, colour: theme.Rgb = theme.PANEL) -> None:
    """A rounded card with a soft shadow under it."""
    radius = theme.RADIUS * 2
    pygame.draw.rect(surface, theme.SHADOW, rect.move(0, 5), border_radius=radius)
    pygame.draw.rect(surface, colour, rect, border_radius=radius)


def focus_towards(widgets: Sequence[Widget], key: int) -> bool:
    """Move the keyboard focus to the nearest ready widget in the arrow's direction (on
    screen, so it works the same in mirrored Arabic screens). True when the key was an arrow
    and something could take the focus."""
    if key not in ARROWS:
        return False
    ready = [w for w in widgets if w.focusable and w.enabled]
    current = next((w for w in ready if w.focused), None)
    if current is None:
        chosen = ready[0] if ready else None
    else:
        chosen = _nearest(current, ready, ARROWS[key])
    if chosen is None:
        return False
    for widget in widgets:
        widget.focused = False
    chosen.focused = True
    return True


def _nearest(current: Widget, ready: Sequence[Widget], way: tuple[int, int]) -> Widget | None:
    dx, dy = way
    cx, cy = current.rect.center
    best: tuple[float, Widget] | None = None
    for widget in ready:
        if widget is current:
            continue
        x, y = widget.rect.center
        along = (x - cx) * dx + (y - cy) * dy
        if along <= 0:
            continue
        across = abs((x - cx) * dy) + abs((y - cy) * dx)
        score = along + 2.5 * across
        if best is None or score < best[0]:
            best = (score, widget)
    return None if best is None else best[1]


def handle_arrows(widgets: Sequence[Widget], event: pygame.event.Event) -> bool:
    """Arrow keys as focus moves (a focused slider keeps left and right for itself)."""
    if event.type != pygame.KEYDOWN or event.mod & (pygame.KMOD_CTRL | pygame.KMOD_ALT):
        return False
    return is_key(event, *ARROWS) and focus_towards(widgets, event.key)


def own_lang(text: str) -> str:
    """The language to lay out a player's name in: its own script's direction, whatever the
    screen's language ("Chloé" reads left to right even on an Arabic screen)."""
    return "ar" if has_rtl_letters(text) else "en"


def fit_text(text: str, size: int, width: int, lang: str, bold: bool = False) -> str:
    """`text`, cut with an ellipsis if it is wider than `width` pixels (long names)."""
    if text_width(text, size, lang, bold) <= width:
        return text
    kept = text
    while kept and text_width(kept + "…", size, lang, bold) > width:
        kept = kept[:-1]
    return kept.rstrip() + "…"


def draw_label(
    surface: pygame.Surface,
    text: str,
    centre: tuple[int, int],
    size: int,
    colour: theme.Rgb,
    lang: str,
    bold: bool = False,
) -> pygame.Rect:
    """One line centred on `centre` both ways (Arabic and Latin lines sit at the same
    height even though Arabic fonts are taller)."""
    drawn = text_surface(text, size, colour, lang, bold)
    return surface.blit(drawn, drawn.get_rect(center=centre))


def blit_row(
    surface: pygame.Surface,
    parts: Sequence[pygame.Surface],
    anchor: tuple[int, int],
    rtl: bool,
    align: Literal["center", "start", "end"] = "center",
    gap: int = theme.GAP,
) -> pygame.Rect:
    """Pictures and words side by side in reading order (the first on the right in
    Arabic), vertically centred on anchor[1]; anchor[0] is the row's centre, or its start
    or end edge. Returns the rectangle covered."""
    shown = list(reversed(parts)) if rtl else list(parts)
    total = sum(part.get_width() for part in shown) + gap * max(0, len(shown) - 1)
    x, y = anchor
    side = {"center": "center", "start": "right" if rtl else "left"}.get(align)
    side = side or ("left" if rtl else "right")
    left = {"center": x - total // 2, "left": x, "right": x - total}[side]
    height = max((part.get_height() for part in shown), default=0)
    covered = pygame.Rect(left, y - height // 2, total, height)
    for part in shown:
        surface.blit(part, part.get_rect(midleft=(left, y)))
        left += part.get_width() + gap
    return covered


def draw_stars(
    surface: pygame.Surface,
    centre: tuple[int, int],
    earned: int,
    side: int,
    rtl: bool = False,
    total: int = 3,
) -> None:
    """`total` stars in a row, the first `earned` filled from the reading side."""
    gap = max(2, side // 8)
    width = total * side + (total - 1) * gap
    x = centre[0] - width // 2
    for n in range(total):
        filled = (total - 1 - n if rtl else n) < earned
        picture = icon("star" if filled else "star_empty", side)
        surface.blit(picture, (x, centre[1] - side // 2))
        x += side + gap


def draw_badge(surface: pygame.Surface, lang: str, centre: tuple[int, int], radius: int) -> None:
    """A round badge with a few letters of the language, in its own script."""
    colour = LANGUAGE_COLOURS.get(lang, theme.ACCENT)
    pygame.draw.circle(surface, theme.PANEL, centre, radius)
    pygame.draw.circle(surface, colour, centre, radius - 3)
    letters = text_surface(
        LANGUAGE_BADGES.get(lang, lang), round(radius * 0.95), theme.PANEL, lang, True
    )
    surface.blit(letters, letters.get_rect(center=centre))


class LanguageButton(Button):
    """A language's own name in its own script (Français, العربية, English) after its badge;
    the chosen language is filled with its colour, the others stay white."""

    def __init__(
        self,
        code: str,
        chosen: bool,
        on_click: Callable[[], None],
        scale: float,
        sound: Sound | None,
    ) -> None:
        colour, ink = (
            (LANGUAGE_COLOURS[code], theme.ON_ACCENT) if chosen else (UNSELECTED, theme.INK)
        )
        name = t("language.name", code)
        width, height = Button.fit(name, "check", code, scale)
        height = max(height + 12, 56)
        rect = pygame.Rect(0, 0, width + height // 2, height)
        super().__init__(
            rect, name, None, on_click, code, colour=colour, ink=ink, scale=scale, sound=sound
        )
        self.code = code
        self.chosen = chosen

    def _draw_content(self, surface: pygame.Surface, body: pygame.Rect, ink: theme.Rgb) -> None:
        size = theme.text_size("label", self.scale)
        label = text_surface(self.text, size, ink, self.code, bold=True)
        radius = body.height // 2 - 7
        total = 2 * radius + theme.GAP + label.get_width()
        left = body.centerx - total // 2
        if self.code in RTL_LANGUAGES:  # the badge on the reading side of its own script
            surface.blit(label, label.get_rect(midleft=(left, body.centery)))
            draw_badge(surface, self.code, (left + total - radius, body.centery), radius)
        else:
            draw_badge(surface, self.code, (left + radius, body.centery), radius)
            surface.blit(
                label, label.get_rect(midleft=(left + 2 * radius + theme.GAP, body.centery))
            )


class ArrowButton(Button):
    """A button with a left or right arrow (and maybe a word): "back" points to where the
    reading comes from, so it points right in Arabic; "forward" points the other way."""

    def _draw_content(self, surface: pygame.Surface, body: pygame.Rect, ink: theme.Rgb) -> None:
        size = theme.text_size("label", self.scale)
        side = min(round(size * 1.4), body.height - 8)
        rtl = is_rtl(self.lang)
        arrow = icon("back", side, ink, flip=(self.icon_name == "forward") != rtl)
        parts = [arrow]
        if self.text:
            parts.append(text_surface(self.text, size, ink, self.lang, bold=True))
        blit_row(surface, parts, body.center, rtl)


def plain_button(
    app: App,
    rect: pygame.Rect,
    text: str,
    icon_name: str | None,
    action: Callable[[], None],
    kind: type[Button] = Button,
) -> Button:
    """A white button with dark ink (home, settings, back, page arrows), mirrored to the
    other side of the window in Arabic."""
    where = (
        pygame.Rect(app.size[0] - rect.right, rect.top, rect.width, rect.height)
        if app.rtl
        else rect
    )
    return kind(
        where,
        text,
        icon_name,
        action,
        app.lang,
        colour=theme.PANEL,
        ink=theme.INK,
        scale=app.text_scale,
        sound=app.sound,
    )


def draw_top_bar(surface: pygame.Surface, height: int) -> None:
    """The strip at the top of the map and the settings, holding their buttons and title."""
    width = surface.get_width()
    pygame.draw.rect(surface, theme.PANEL, (0, 0, width, height))
    pygame.draw.line(surface, theme.PANEL_EDGE, (0, height - 1), (width, height - 1), 2)


def language_buttons(
    chosen: str, pick: Callable[[str], None], scale: float, sound: Sound | None
) -> list[LanguageButton]:
    """One button per language, in the catalogue's order, all as tall as the tallest
    (placed by the caller)."""
    buttons = [
        LanguageButton(code, code == chosen, partial(pick, code), scale, sound)
        for code in LANGUAGES
    ]
    tallest = max(button.rect.height for button in buttons)
    for button in buttons:
        button.rect.height = tallest
    return buttons


def row_rects(
    sizes: Sequence[tuple[int, int]], centre_x: int, top: int, gap: int, rtl: bool
) -> list[pygame.Rect]:
    """Rectangles for items side by side, centred on `centre_x`; the first item is on the
    reading side (on the right in Arabic)."""
    total = sum(w for w, _ in sizes) + gap * (len(sizes) - 1)
    left = centre_x - total // 2
    rects = []
    offset = 0
    for w, h in sizes:
        x = left + total - offset - w if rtl else left + offset
        rects.append(pygame.Rect(x, top, w, h))
        offset += w + gap
    return rects


def place(widgets: Sequence[Widget], rects: Sequence[pygame.Rect]) -> None:
    for widget, rect in zip(widgets, rects, strict=True):
        widget.rect = rect


def open_level(app: App, pack: PackEntry, level: LevelEntry) -> None:
    """Remember the level as the player's current one and open it in its pack's screen."""
    if pack.scene not in SCENES:
        app.toast(t("map.level_failed", app.lang))
        return
    app.try_save(lambda: app.progress.set_last_level(pack.id, level.id))
    app.goto(pack.scene, level_path=str(level.path), pack_id=pack.id)


def where_to_continue(progress: Progress, unlock_all: bool) -> tuple[PackEntry, LevelEntry] | None:
    """The level "Continue" opens: the last one played, or the one after it once it is
    completed, or else the first open level not yet completed."""
    catalog = default_catalog()
    results = progress.results()
    last = progress.last_level()
    found = catalog.find(*last) if last is not None else None
    if found is None:
        return next_level(catalog.packs(), results)
    pack, level = found
    result = results.get((pack.id, level.id))
    if result is None or not result.completed:
        return found
    place = pack.levels.index(level)
    opened = unlocked(pack, results, unlock_all)
    for later, is_open in zip(pack.levels[place + 1 :], opened[place + 1 :], strict=True):
        if is_open and later.ok:
            return pack, later
    return found
