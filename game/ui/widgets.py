"""Widgets every screen shares: buttons, a text field, a slider, a yes/no dialog, toasts.

Widgets draw themselves and answer `handle(event) -> bool` like scenes do; a `Group` passes
events to its widgets and moves the keyboard focus with Tab. Anything clickable is at least
`theme.MIN_TARGET` pixels in both directions. In Arabic, screens mirror their layout with
`mirror_x`; widgets put their icon on the reading side by themselves.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any

import pygame

from game.i18n import t
from game.render.icons import icon
from game.render.text import (
    draw_paragraph,
    has_rtl_letters,
    is_rtl,
    line_height,
    text_surface,
    wrap,
)
from game.ui import theme
from game.ui.scene import Scene

if TYPE_CHECKING:
    from game.app import App
    from game.ui.sound import Sound

TOAST_SECONDS = 3.5
TOAST_FADE = 0.6
ACTIVATE_KEYS = (pygame.K_RETURN, pygame.K_KP_ENTER, pygame.K_SPACE)


def mirror_x(rect: pygame.Rect, width: int) -> pygame.Rect:
    """The rectangle reflected across the vertical middle of an area `width` wide: lay a
    screen out left to right once, then mirror every rectangle for Arabic."""
    return pygame.Rect(width - rect.right, rect.top, rect.width, rect.height)


def at_least_target(rect: pygame.Rect) -> pygame.Rect:
    """`rect` grown around its centre to the minimum hit target."""
    grown = pygame.Rect(rect)
    grown.width, grown.height = (
        max(rect.width, theme.MIN_TARGET),
        max(rect.height, theme.MIN_TARGET),
    )
    grown.center = rect.center
    return grown


def is_click(event: pygame.event.Event, rect: pygame.Rect, down: bool) -> bool:
    """A left-button press (or release) inside `rect`."""
    kind = pygame.MOUSEBUTTONDOWN if down else pygame.MOUSEBUTTONUP
    return bool(event.type == kind and event.button == 1 and rect.collidepoint(event.pos))


def is_key(event: pygame.event.Event, *keys: int) -> bool:
    return bool(event.type == pygame.KEYDOWN and event.key in keys)


class Widget:
    """Something on screen that takes clicks and keys; `focused` draws a yellow ring."""

    focusable = True

    def __init__(self, rect: pygame.Rect) -> None:
        self.rect = at_least_target(rect)
        self.focused = False
        self.enabled = True

    def handle(self, event: pygame.event.Event) -> bool:
        return False

    def draw(self, surface: pygame.Surface) -> None:
        """Draw the widget (never changes its state)."""

    def draw_focus(self, surface: pygame.Surface) -> None:
        if self.focused and self.enabled:
            ring = self.rect.inflate(10, 10)
            pygame.draw.rect(surface, theme.FOCUS, ring, width=4, border_radius=theme.RADIUS + 5)


class Button(Widget):
    """An icon and a word (either may be left out); clicked with the mouse, or with Enter or
    Space when it has the keyboard focus."""

    def __init__(
        self,
        rect: pygame.Rect,
        text: str,
        icon_name: str | None,
        on_click: Callable[[], None],
        lang: str,
        *,
        colour: theme.Rgb = theme.ACCENT,
        ink: theme.Rgb = theme.ON_ACCENT,
        scale: float = 1.0,
        sound: Sound | None = None,
    ) -> None:
        super().__init__(rect)
        self.text = text
        self.icon_name = icon_name
        self.on_click = on_click
        self.lang = lang
        self.colour = colour
        self.ink = ink
        self.scale = scale
        self.sound = sound
        self.hovered = False
        self.pressed = False

    @staticmethod
    def fit(text: str, icon_name: str | None, lang: str, scale: float = 1.0) -> tuple[int, int]:
        """The size a button needs for this text and icon (for laying screens out)."""
        size = theme.text_size("label", scale)
        width = text_surface(text, size, theme.INK, lang).get_width() if text else 0
        icon_side = round(size * 1.4) if icon_name else 0
        gap = theme.GAP if text and icon_name else 0
        height = max(theme.MIN_TARGET, line_height(size, text=text) + theme.PAD)
        return (max(theme.MIN_TARGET, width + icon_side + gap + 2 * theme.PAD + 8), height)

    def click(self) -> None:
        if self.enabled:
            if self.sound is not None:
                self.sound.play("click")
            self.on_click()

    def handle(self, event: pygame.event.Event) -> bool:
        if event.type == pygame.MOUSEMOTION:
            self.hovered = self.rect.collidepoint(event.pos)
            return False
        if not self.enabled:
            return False
        if is_click(event, self.rect, down=True):
            self.pressed = True
            return True
        if event.type == pygame.MOUSEBUTTONUP and event.button == 1 and self.pressed:
            self.pressed = False
            if self.rect.collidepoint(event.pos):
                self.click()
            return True
        if self.focused and is_key(event, *ACTIVATE_KEYS):
            self.click()
            return True
        return False

    def _colours(self) -> tuple[theme.Rgb, theme.Rgb]:
        if not self.enabled:
            return theme.DISABLED, theme.DISABLED_INK
        if self.pressed:
            return theme.darker(self.colour, 0.15), self.ink
        if self.hovered or self.focused:
            return theme.lighter(self.colour, 0.15), self.ink
        return self.colour, self.ink

    def draw(self, surface: pygame.Surface) -> None:
        face, ink = self._colours()
        sink = 3 if self.pressed else 0
        body = self.rect.move(0, sink)
        if not self.pressed:
            shadow = self.rect.move(0, 4)
            pygame.draw.rect(surface, theme.darker(face, 0.3), shadow, border_radius=theme.RADIUS)
        pygame.draw.rect(surface, face, body, border_radius=theme.RADIUS)
        self._draw_content(surface, body, ink)
        self.draw_focus(surface)

    def _draw_content(self, surface: pygame.Surface, body: pygame.Rect, ink: theme.Rgb) -> None:
        """Icon then word in reading order: icon on the left in LTR, on the right in Arabic."""
        size = theme.text_size("label", self.scale)
        label = text_surface(self.text, size, ink, self.lang, bold=True) if self.text else None
        side = min(round(size * 1.4), body.height - 8)
        picture = icon(self.icon_name, side, ink) if self.icon_name else None
        parts = [part for part in (picture, label) if part is not None]
        if is_rtl(self.lang):
            parts.reverse()
        total = sum(part.get_width() for part in parts) + theme.GAP * (len(parts) - 1)
        x = body.centerx - total // 2
        for part in parts:
            surface.blit(part, part.get_rect(midleft=(x, body.centery)))
            x += part.get_width() + theme.GAP


class TextInput(Widget):
    """A one-line field for a first name: typed letters arrive as TEXTINPUT events (any
    script, shown shaped); Backspace removes the last letter, Enter submits."""

    def __init__(
        self,
        rect: pygame.Rect,
        lang: str,
        *,
        text: str = "",
        placeholder: str = "",
        max_length: int = 24,
        scale: float = 1.0,
        on_submit: Callable[[str], None] | None = None,
        on_change: Callable[[str], None] | None = None,
    ) -> None:
        super().__init__(rect)
        self.lang = lang
        self.text = text
        self.placeholder = placeholder
        self.max_length = max_length
        self.scale = scale
        self.on_submit = on_submit
        self.on_change = on_change

    def focus(self) -> None:
        self.focused = True
        pygame.key.start_text_input()
        pygame.key.set_text_input_rect(self.rect)

    def _set(self, text: str) -> None:
        self.text = text
        if self.on_change is not None:
            self.on_change(text)

    def handle(self, event: pygame.event.Event) -> bool:
        if not self.enabled:
            return False
        if event.type == pygame.MOUSEBUTTONDOWN and event.button == 1:
            if self.rect.collidepoint(event.pos):
                self.focus()
                return True
            self.focused = False
            return False
        if not self.focused:
            return False
        if event.type == pygame.TEXTINPUT:
            typed = "".join(ch for ch in event.text if ch.isprintable())
            room = self.max_length - len(self.text)
            if typed and room > 0:
                self._set(self.text + typed[:room])
            return True
        if is_key(event, pygame.K_BACKSPACE):
            if self.text:
                self._set(self.text[:-1])
            return True
        if is_key(event, pygame.K_RETURN, pygame.K_KP_ENTER):
            if self.on_submit is not None:
                self.on_submit(self.text)
            return True
        return event.type == pygame.KEYDOWN and event.unicode.isprintable() and event.unicode != ""

    def caret_on_left(self) -> bool:
        """The caret sits after the last letter typed: on the left when that letter is
        Arabic (or the field is empty in an Arabic screen)."""
        letters = [ch for ch in self.text if ch.isalpha()]
        if letters:
            return has_rtl_letters(letters[-1])
        return is_rtl(self.lang)

    def draw(self, surface: pygame.Surface) -> None:
        edge = theme.ACCENT if self.focused else theme.PANEL_EDGE
        pygame.draw.rect(surface, theme.PANEL, self.rect, border_radius=theme.RADIUS)
        pygame.draw.rect(surface, edge, self.rect, width=3, border_radius=theme.RADIUS)
        size = theme.text_size("label", self.scale)
        shown, colour = (self.text, theme.INK) if self.text else (self.placeholder, theme.INK_SOFT)
        inner = self.rect.inflate(-2 * theme.PAD, 0)
        drawn = text_surface(shown, size, colour, self.lang) if shown else None
        width = drawn.get_width() if drawn else 0
        left = inner.right - width if is_rtl(self.lang) else inner.left
        if drawn is not None:
            clip = surface.get_clip()
            surface.set_clip(inner.clip(clip) if clip else inner)
            surface.blit(drawn, drawn.get_rect(midleft=(left, inner.centery)))
            surface.set_clip(clip)
        if self.focused and int(time.monotonic() * 2) % 2 == 0:
            text_w = width if self.text else 0
            start = left if self.text else (inner.right if is_rtl(self.lang) else inner.left)
            x = start - 3 if self.caret_on_left() else start + text_w + 2
            half = line_height(size, text=self.text) // 2
            pygame.draw.line(
                surface, theme.INK, (x, inner.centery - half), (x, inner.centery + half), 3
            )


class Slider(Widget):
    """A value between `low` and `high` chosen by dragging a knob (or with the arrow keys);
    in Arabic the low end is on the right."""

    def __init__(
        self,
        rect: pygame.Rect,
        low: float,
        high: float,
        value: float,
        on_change: Callable[[float], None],
        *,
        step: float = 0.0,
        rtl: bool = False,
    ) -> None:
        super().__init__(rect)
        self.low, self.high = low, high
        self.step = step
        self.rtl = rtl
        self.on_change = on_change
        self.value = self._snap(value)
        self.dragging = False

    @property
    def knob_radius(self) -> int:
        return max(theme.MIN_TARGET // 2, self.rect.height // 2)

    def _track(self) -> tuple[int, int]:
        r = self.knob_radius
        return self.rect.left + r, self.rect.right - r

    def _snap(self, value: float) -> float:
        value = max(self.low, min(self.high, value))
        if self.step > 0:
            value = self.low + round((value - self.low) / self.step) * self.step
        return min(self.high, value)

    def fraction(self) -> float:
        span = self.high - self.low
        return (self.value - self.low) / span if span else 0.0

    def knob_x(self) -> int:
        left, right = self._track()
        share = 1.0 - self.fraction() if self.rtl else self.fraction()
        return round(left + share * (right - left))

    def set_value(self, value: float) -> None:
        snapped = self._snap(value)
        if snapped != self.value:
            self.value = snapped
            self.on_change(snapped)

    def _value_at(self, x: int) -> float:
        left, right = self._track()
        share = (x - left) / max(1, right - left)
        share = 1.0 - share if self.rtl else share
        return self.low + max(0.0, min(1.0, share)) * (self.high - self.low)

    def handle(self, event: pygame.event.Event) -> bool:
        if not self.enabled:
            return False
        if is_click(event, self.rect, down=True):
            self.dragging = True
            self.set_value(self._value_at(event.pos[0]))
            return True
        if event.type == pygame.MOUSEMOTION and self.dragging:
            self.set_value(self._value_at(event.pos[0]))
            return True
        if event.type == pygame.MOUSEBUTTONUP and event.button == 1 and self.dragging:
            self.dragging = False
            return True
        if self.focused and is_key(event, pygame.K_LEFT, pygame.K_RIGHT):
            nudge = self.step or (self.high - self.low) / 10
            towards_high = (event.key == pygame.K_RIGHT) != self.rtl
            self.set_value(self.value + (nudge if towards_high else -nudge))
            return True
        return False

    def draw(self, surface: pygame.Surface) -> None:
        left, right = self._track()
        y = self.rect.centery
        filled = theme.ACCENT if self.enabled else theme.DISABLED
        pygame.draw.line(surface, theme.PANEL_EDGE, (left, y), (right, y), 10)
        start = right if self.rtl else left
        pygame.draw.line(surface, filled, (start, y), (self.knob_x(), y), 10)
        radius = self.knob_radius - 4
        pygame.draw.circle(surface, theme.SHADOW, (self.knob_x(), y + 3), radius)
        pygame.draw.circle(surface, theme.PANEL, (self.knob_x(), y), radius)
        pygame.draw.circle(surface, filled, (self.knob_x(), y), radius, 5)
        self.draw_focus(surface)


class Group:
    """The widgets of a screen: events go to each in turn until one takes it, Tab and
    Shift+Tab move the keyboard focus; a mouse click hides the focus ring (a text field
    takes the focus when clicked)."""

    def __init__(self, widgets: Sequence[Widget] = ()) -> None:
        self.widgets: list[Widget] = list(widgets)

    def focused(self) -> Widget | None:
        return next((w for w in self.widgets if w.focused), None)

    def move_focus(self, forward: bool = True) -> None:
        ready = [w for w in self.widgets if w.focusable and w.enabled]
        if not ready:
            return
        current = self.focused()
        index = ready.index(current) if current in ready else (-1 if forward else 0)
        for widget in self.widgets:
            widget.focused = False
        chosen = ready[(index + (1 if forward else -1)) % len(ready)]
        if isinstance(chosen, TextInput):
            chosen.focus()
        chosen.focused = True

    def handle(self, event: pygame.event.Event) -> bool:
        if is_key(event, pygame.K_TAB):
            self.move_focus(forward=not event.mod & pygame.KMOD_SHIFT)
            return True
        if event.type == pygame.MOUSEBUTTONDOWN and event.button == 1:
            for widget in self.widgets:
                widget.focused = widget.focused and isinstance(widget, TextInput)
        return any(widget.handle(event) for widget in list(self.widgets))

    def draw(self, surface: pygame.Surface) -> None:
        for widget in self.widgets:
            widget.draw(surface)


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
        height = len(lines) * line_height(size, text=self.text) + 2 * theme.PAD
        box = pygame.Rect(0, 0, width, height)
        bottom = surface.get_height() - 3 * theme.PAD - rank * (height + theme.GAP)
        box.midbottom = (surface.get_width() // 2, bottom)
        card = pygame.Surface(box.size, pygame.SRCALPHA)
        pygame.draw.rect(card, (*theme.INK, 235), card.get_rect(), border_radius=theme.RADIUS)
        inner = card.get_rect().inflate(-2 * theme.PAD, -2 * theme.PAD)
        draw_paragraph(card, self.text, inner, size, theme.PANEL, self.lang, align="center")
        card.set_alpha(self.opacity(time.monotonic()))
        surface.blit(card, box)


class Dialog(Scene):
    """A question with Yes and No buttons over a dimmed screen: `app.push(Dialog(...))`.
    Escape means No. The dialog closes itself, then calls the chosen callback."""

    overlay = True

    def __init__(
        self,
        app: App,
        text: str,
        on_yes: Callable[[], None],
        on_no: Callable[[], None] | None = None,
        *,
        yes_text: str | None = None,
        no_text: str | None = None,
        picture: str | None = None,
        **kwargs: Any,
    ) -> None:
        super().__init__(app)
        self.text = text
        self.picture = picture
        self._on_yes, self._on_no = on_yes, on_no
        lang, scale, sound = app.lang, app.text_scale, app.sound
        self.yes = Button(
            pygame.Rect(0, 0, 10, 10),
            yes_text or t("shell.yes", lang),
            "check",
            self.answer_yes,
            lang,
            colour=theme.SUCCESS,
            scale=scale,
            sound=sound,
        )
        self.no = Button(
            pygame.Rect(0, 0, 10, 10),
            no_text or t("shell.no", lang),
            "cross",
            self.answer_no,
            lang,
            colour=theme.DANGER,
            scale=scale,
            sound=sound,
        )
        self.no.focused = True  # Enter on a dialog never confirms by accident
        self.group = Group([self.no, self.yes])
        self.panel = pygame.Rect(0, 0, 10, 10)

    def answer_yes(self) -> None:
        self.app.pop()
        self._on_yes()

    def answer_no(self) -> None:
        self.app.pop()
        if self._on_no is not None:
            self._on_no()

    def resize(self, size: tuple[int, int]) -> None:
        width, height = size
        scale = self.app.text_scale
        self.panel = pygame.Rect(0, 0, min(width - 80, 620), min(height - 80, 340))
        self.panel.center = (width // 2, height // 2)
        button_w = max(
            Button.fit(b.text, "check", self.app.lang, scale)[0] for b in (self.yes, self.no)
        )
        button_h = Button.fit(self.yes.text, "check", self.app.lang, scale)[1] + 8
        bottom = self.panel.bottom - theme.PAD * 2
        # Laid out left to right with No first, mirrored in Arabic.
        no = pygame.Rect(0, 0, button_w + 24, button_h)
        yes = pygame.Rect(0, 0, button_w + 24, button_h)
        no.bottomright = (self.panel.centerx - theme.PAD, bottom)
        yes.bottomleft = (self.panel.centerx + theme.PAD, bottom)
        if self.app.rtl:
            no, yes = mirror_x(no, width), mirror_x(yes, width)
        self.no.rect, self.yes.rect = no, yes

    def handle(self, event: pygame.event.Event) -> bool:
        if is_key(event, pygame.K_ESCAPE):
            self.answer_no()
            return True
        self.group.handle(event)
        return True  # a dialog keeps every event from the screen under it

    def draw(self, surface: pygame.Surface) -> None:
        dim = pygame.Surface(surface.get_size(), pygame.SRCALPHA)
        dim.fill(theme.OVERLAY)
        surface.blit(dim, (0, 0))
        pygame.draw.rect(
            surface, theme.SHADOW, self.panel.move(0, 6), border_radius=theme.RADIUS * 2
        )
        pygame.draw.rect(surface, theme.PANEL, self.panel, border_radius=theme.RADIUS * 2)
        top = self.panel.top + theme.PAD * 2
        if self.picture:
            picture = icon(self.picture, 72)
            surface.blit(picture, picture.get_rect(midtop=(self.panel.centerx, top)))
            top += 72 + theme.PAD
        text_box = pygame.Rect(
            self.panel.left + 32, top, self.panel.width - 64, self.yes.rect.top - top
        )
        size = theme.text_size("label", self.app.text_scale)
        draw_paragraph(surface, self.text, text_box, size, theme.INK, self.app.lang, align="center")
        self.group.draw(surface)
