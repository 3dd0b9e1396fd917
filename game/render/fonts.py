"""The font files shipped in `assets/fonts/` and which one draws which character.

pygame (SDL_ttf) draws a string with one font file and has no fallback: a letter the file
lacks becomes a box. Noto Sans Arabic has no Latin letters and Noto Sans Tifinagh no digits,
so text is cut into runs, each drawn with the first font of a preference list that really
has every character of the run (see `font_for`).
"""

from __future__ import annotations

import unicodedata
from functools import cache, lru_cache
from pathlib import Path

import pygame

FONT_DIR = Path(__file__).resolve().parents[2] / "assets" / "fonts"

# Font roles -> (regular file, bold file). Tifinagh has no bold cut: SDL's synthetic bold is used.
FILES: dict[str, tuple[str, str]] = {
    "latin": ("NotoSans-Regular.ttf", "NotoSans-Bold.ttf"),
    "arabic": ("NotoSansArabic-Regular.ttf", "NotoSansArabic-Bold.ttf"),
    "tifinagh": ("NotoSansTifinagh-Regular.ttf", "NotoSansTifinagh-Regular.ttf"),
    "wide": ("DejaVuSans.ttf", "DejaVuSans-Bold.ttf"),
}
FALLBACK_ORDER: tuple[str, ...] = ("latin", "arabic", "tifinagh", "wide")

# A private-use code point no shipped font draws: rendering it shows the "missing glyph" box.
_MISSING = "\ue000"
_PROBE_SIZE = 24


def script_of(char: str) -> str | None:
    """The role whose font is preferred for `char`, or None for neutral characters
    (spaces, digits, punctuation) that can join the run around them."""
    code = ord(char)
    if 0x0600 <= code <= 0x08FF or 0xFB50 <= code <= 0xFDFF or 0xFE70 <= code <= 0xFEFF:
        return "arabic"
    if 0x2D30 <= code <= 0x2D7F:
        return "tifinagh"
    if unicodedata.category(char).startswith(("L", "M")):
        return "latin"
    return None


def font(role: str, size: int, bold: bool = False) -> pygame.font.Font:
    """The pygame Font for a role at a pixel size. Fonts are cached (opening a file costs
    about a millisecond); restarting pygame's font module invalidates them, so a stale one
    is opened again."""
    if not pygame.font.get_init():
        pygame.font.init()
    loaded = _open(role, max(1, size), bold)
    try:
        loaded.get_height()
    except pygame.error:
        _open.cache_clear()
        loaded = _open(role, max(1, size), bold)
    return loaded


@lru_cache(maxsize=64)
def _open(role: str, size: int, bold: bool) -> pygame.font.Font:
    regular, heavy = FILES[role]
    loaded = pygame.font.Font(FONT_DIR / (heavy if bold else regular), size)
    if bold and heavy == regular:
        loaded.bold = True
    return loaded


@cache
def has_glyph(role: str, char: str) -> bool:
    """Whether the role's font really draws `char` (not the missing-glyph box).

    SDL_ttf gives the box's metrics for a missing character, so the pixels are compared
    with those of a code point that no font has."""
    if char.isspace():
        return True
    probe = font(role, _PROBE_SIZE)
    drawn = pygame.image.tobytes(probe.render(char, True, "white", "black"), "RGB")
    missing = pygame.image.tobytes(probe.render(_MISSING, True, "white", "black"), "RGB")
    return drawn != missing


def font_for(char: str, current: str | None = None) -> str:
    """The role to draw `char` with: a neutral character stays with the `current` run's font
    when that font has it; any other character goes to its script's font, else the first
    font that has it, else the widest font (DejaVu Sans)."""
    script = script_of(char)
    if script is None and current is not None and has_glyph(current, char):
        return current
    preferred: tuple[str, ...] = (script,) if script else ()
    for role in (*preferred, *FALLBACK_ORDER):
        if has_glyph(role, char):
            return role
    return "wide"
