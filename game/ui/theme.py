"""Colours, text sizes and spacing shared by every screen, so the game looks like one thing.

Block categories keep the colours of `blocks.catalogue` (Okabe-Ito, safe for colour-blind
children). Anything a child clicks is at least `MIN_TARGET` pixels in both directions:
young hands with a worn mouse miss small targets.
"""

from __future__ import annotations

from typing import Literal

from blocks.catalogue import CATEGORY_COLOURS

Rgb = tuple[int, int, int]
TextRole = Literal["small", "body", "label", "title", "huge"]

CATEGORY: dict[str, Rgb] = {str(name): colour for name, colour in CATEGORY_COLOURS.items()}

BACKGROUND: Rgb = (246, 241, 231)  # warm paper
PANEL: Rgb = (255, 252, 246)
PANEL_EDGE: Rgb = (214, 204, 186)
SHADOW: Rgb = (196, 186, 168)
INK: Rgb = (38, 42, 58)  # text
INK_SOFT: Rgb = (104, 108, 124)  # secondary text
ACCENT: Rgb = (0, 114, 178)  # main buttons (the "move" blue)
ACCENT_DARK: Rgb = (0, 84, 140)
ON_ACCENT: Rgb = (255, 255, 255)
SUCCESS: Rgb = (0, 158, 115)
WARNING: Rgb = (230, 159, 0)
DANGER: Rgb = (213, 94, 0)
FOCUS: Rgb = (240, 200, 40)  # keyboard focus ring
DISABLED: Rgb = (200, 196, 188)
DISABLED_INK: Rgb = (150, 146, 140)
GEM: Rgb = (86, 180, 233)
STAR: Rgb = (245, 190, 30)
OVERLAY: tuple[int, int, int, int] = (30, 30, 40, 140)  # dims the screen behind a dialog

MIN_TARGET = 44
GAP = 8
PAD = 12
RADIUS = 10
MIN_SIZE = (1024, 600)
MAX_SIZE = (1920, 1080)
DEFAULT_SIZE = (1280, 720)

_TEXT_SIZES: dict[TextRole, int] = {"small": 18, "body": 22, "label": 24, "title": 36, "huge": 56}


def text_size(role: TextRole, scale: float = 1.0) -> int:
    """Pixel size of a kind of text, grown by the player's text-size setting."""
    return round(_TEXT_SIZES[role] * max(0.5, min(scale, 2.0)))


def darker(colour: Rgb, amount: float = 0.2) -> Rgb:
    r, g, b = colour
    keep = 1.0 - amount
    return (round(r * keep), round(g * keep), round(b * keep))


def lighter(colour: Rgb, amount: float = 0.2) -> Rgb:
    r, g, b = colour
    return (
        round(r + (255 - r) * amount),
        round(g + (255 - g) * amount),
        round(b + (255 - b) * amount),
    )
