"""Text for children in French, Arabic and English: shaped, ordered, wrapped and cached.

Arabic letters change shape with their neighbours and the line reads right to left, while
digits and Latin words inside it read left to right. pygame-ce's own right-to-left mode
reverses digits ("10" becomes "01"), so the text is shaped with arabic-reshaper, put in
display order with python-bidi and then drawn strictly left to right. Wrapping happens on
the logical text (reading order) and each line is reordered on its own; reordering first
would put the end of a sentence on the first line.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache
from typing import Literal

import arabic_reshaper
import pygame
from bidi.algorithm import get_display

from game.i18n import RTL_LANGUAGES
from game.render.fonts import font, font_for

Colour = tuple[int, int, int] | tuple[int, int, int, int]
Align = Literal["left", "center", "right", "start", "end"]
Run = tuple[str, str]  # (font role, characters in display order)
ARABIC_LINE = 1.8  # line height / text size for Arabic: its marks reach 1.75 x size

_RESHAPER = arabic_reshaper.ArabicReshaper(
    configuration={"delete_harakat": False, "shift_harakat_position": True}
)


def is_rtl(lang: str) -> bool:
    return lang in RTL_LANGUAGES


def has_rtl_letters(text: str) -> bool:
    return any("\u0590" <= ch <= "\u08ff" or "\ufb1d" <= ch <= "\ufefc" for ch in text)


# A `FILE:LINE:COLUMN:` location at the start of a line (validator messages shown on screen).
_LOCATION = re.compile(r"^(\S*:\d+:\d+:)")
_LTR_EMBED, _POP = "\u202a", "\u202c"


@lru_cache(maxsize=4096)
def display_order(line: str, lang: str) -> str:
    """One line as it must appear left to right on screen: Arabic shaped and reordered,
    digits and Latin words kept in their reading order. Text without right-to-left letters
    in a left-to-right language is returned unchanged."""
    if not has_rtl_letters(line) and not is_rtl(lang):
        return line
    if is_rtl(lang):  # a file path and its numbers read left to right, even in Arabic
        line = _LOCATION.sub(lambda m: _LTR_EMBED + m.group(1) + _POP, line)
    shaped = _RESHAPER.reshape(line) if has_rtl_letters(line) else line
    # bidi.algorithm's get_display also mirrors brackets and quotes in right-to-left runs
    # (rule L4), so « » and ( ) face the right way; the faster bidi.get_display does not.
    ordered = get_display(shaped, base_dir="R" if is_rtl(lang) else "L")
    return str(ordered)


def runs(visual: str) -> list[Run]:
    """Cut a display-ordered line into runs that one font can draw each."""
    found: list[Run] = []
    role: str | None = None
    for char in visual:
        chosen = font_for(char, role)
        if found and chosen == role:
            found[-1] = (role, found[-1][1] + char)
        else:
            found.append((chosen, char))
            role = chosen
    return found


@lru_cache(maxsize=4096)
def _layout(line: str, size: int, lang: str, bold: bool) -> tuple[tuple[Run, ...], int, int]:
    """Runs of a line, its width and its height in pixels (measured, not drawn)."""
    parts = tuple(runs(display_order(line, lang)))
    width = sum(font(role, size, bold).size(chars)[0] for role, chars in parts)
    height = max((font(role, size, bold).get_height() for role, _ in parts), default=0)
    return parts, width, max(height, font("latin", size, bold).get_height())


def text_width(text: str, size: int, lang: str, bold: bool = False) -> int:
    return _layout(text, size, lang, bold)[1]


def line_height(size: int, bold: bool = False, text: str = "") -> int:
    """Distance between two lines of wrapped `text`. Arabic needs more room than Latin
    (its marks stack above and below), though less than its font's own line size, which
    is tall enough to look like a blank line between lines."""
    step = font("latin", size, bold).get_linesize()
    if has_rtl_letters(text):
        step = max(step, round(size * ARABIC_LINE))
    return step


@lru_cache(maxsize=2048)
def text_surface(
    text: str, size: int, colour: Colour, lang: str, bold: bool = False
) -> pygame.Surface:
    """One line of text drawn on a transparent surface (cached: the same surface object is
    returned for the same arguments, so never draw on it)."""
    parts, width, height = _layout(text, size, lang, bold)
    surface = pygame.Surface((max(1, width), max(1, height)), pygame.SRCALPHA)
    ascent = max((font(role, size, bold).get_ascent() for role, _ in parts), default=0)
    x = 0
    for role, chars in parts:
        face = font(role, size, bold)
        drawn = face.render(chars, True, colour)
        surface.blit(drawn, (x, ascent - face.get_ascent()))
        x += face.size(chars)[0]
    if pygame.display.get_init() and pygame.display.get_surface() is not None:
        return surface.convert_alpha()
    return surface


def _split_long(word: str, size: int, width: int, lang: str, bold: bool) -> list[str]:
    """A word wider than the box is cut where it no longer fits (rare: long names)."""
    pieces: list[str] = []
    current = ""
    for char in word:
        if current and text_width(current + char, size, lang, bold) > width:
            pieces.append(current)
            current = char
        else:
            current += char
    return [*pieces, current] if current else pieces


def wrap(text: str, size: int, width: int, lang: str, bold: bool = False) -> list[str]:
    """Lines of `text` (in reading order) that each fit in `width` pixels.

    Breaks at spaces and keeps explicit newlines; each returned line is reordered for the
    screen only when it is drawn, so the first line holds the start of the sentence."""
    lines: list[str] = []
    for paragraph in text.split("\n"):
        current = ""
        for word in paragraph.split():
            candidate = f"{current} {word}" if current else word
            if text_width(candidate, size, lang, bold) <= width:
                current = candidate
                continue
            if current:
                lines.append(current)
            pieces = _split_long(word, size, width, lang, bold)
            lines.extend(pieces[:-1])
            current = pieces[-1] if pieces else ""
        lines.append(current)
    return lines


def physical(align: Align, lang: str) -> Literal["left", "center", "right"]:
    """ "start" and "end" follow the language's direction: start is the right edge in Arabic."""
    if align == "start":
        return "right" if is_rtl(lang) else "left"
    if align == "end":
        return "left" if is_rtl(lang) else "right"
    return align


def aligned_x(x: int, width: int, align: Align, lang: str) -> int:
    """Left edge of a line `width` wide whose `align` edge (or centre) is at `x`."""
    side = physical(align, lang)
    if side == "center":
        return x - width // 2
    return x - width if side == "right" else x


def draw_text(
    surface: pygame.Surface,
    text: str,
    pos: tuple[int, int],
    size: int,
    colour: Colour,
    lang: str,
    align: Align = "left",
    bold: bool = False,
) -> pygame.Rect:
    """Draw one line with its top at pos[1] and pos[0] as its left, centre or right edge;
    returns the rectangle covered."""
    drawn = text_surface(text, size, colour, lang, bold)
    left = aligned_x(pos[0], drawn.get_width(), align, lang)
    return surface.blit(drawn, (left, pos[1]))


def draw_paragraph(
    surface: pygame.Surface,
    text: str,
    box: pygame.Rect,
    size: int,
    colour: Colour,
    lang: str,
    align: Align = "start",
    bold: bool = False,
) -> int:
    """Wrap `text` into `box` and draw it line by line from the top; returns the height
    used (lines that fall below the box are not drawn)."""
    lines: Sequence[str] = wrap(text, size, box.width, lang, bold)
    step = line_height(size, bold, text)
    x = {"left": box.left, "center": box.centerx, "right": box.right}[physical(align, lang)]
    y = box.top
    for line in lines:
        if y + step > box.bottom and y > box.top:
            break
        draw_text(surface, line, (x, y), size, colour, lang, align, bold)
        y += step
    return y - box.top
