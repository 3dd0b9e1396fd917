"""The AI lab's own pictures, added to the shared icon set (`game.render.icons.DRAWERS`) so
its buttons use `icon(name, size)` like every other screen: a treat, a trap, an eraser,
footprints (where the robot walked), a die (the seed), a chequered flag (the race) and a
gauge for the replay speed. Importing this module registers them.
"""

from __future__ import annotations

from collections.abc import Callable

from game.render.icons import DRAWERS, Pen, arc
from game.ui import theme

TREAT_PINK: theme.Rgb = (232, 92, 150)
TREAT_STRIPE: theme.Rgb = (255, 214, 232)
TRAP_RED: theme.Rgb = (190, 40, 40)
TRAP_METAL: theme.Rgb = (120, 124, 140)


def _treat(p: Pen) -> None:
    """A wrapped sweet: a round middle with two twisted ends."""
    p.poly([(30, 50), (6, 30), (12, 50), (6, 70)], TREAT_PINK)
    p.poly([(70, 50), (94, 30), (88, 50), (94, 70)], TREAT_PINK)
    p.circle(50, 50, 26, TREAT_PINK)
    p.stroke([(38, 36), (62, 64)], 7, TREAT_STRIPE)
    p.stroke([(30, 52), (46, 70)], 6, TREAT_STRIPE)
    p.stroke([(54, 30), (70, 48)], 6, TREAT_STRIPE)


def _trap(p: Pen) -> None:
    """Sharp spikes on a metal plate, red tips."""
    p.rect((8, 70, 84, 18), TRAP_METAL, radius=6)
    for left in (10, 37, 64):
        p.poly([(left, 72), (left + 13, 18), (left + 26, 72)], TRAP_METAL)
        p.poly([(left + 8, 40), (left + 13, 18), (left + 18, 40)], TRAP_RED)


def _eraser(p: Pen) -> None:
    p.poly([(14, 62), (52, 24), (86, 58), (48, 96)])
    p.poly([(14, 62), (32, 44), (66, 78), (48, 96)], p.light)
    p.stroke([(52, 92), (92, 92)], 5, p.dark)


def _footprints(p: Pen) -> None:
    """Two shoe prints, one step apart: a sole and a heel each."""
    for x, y in ((16, 40), (54, 6)):
        p.rect((x, y, 26, 36), radius=13)
        p.rect((x + 3, y + 40, 20, 16), radius=8)


def _dice(p: Pen) -> None:
    p.rect((12, 12, 76, 76), radius=16)
    for x, y in ((32, 32), (68, 32), (50, 50), (32, 68), (68, 68)):
        p.circle(x, y, 7, p.detail)


def _race(p: Pen) -> None:
    """A chequered flag on a pole."""
    p.stroke([(18, 92), (18, 10)], 8, p.dark)
    p.rect((22, 12, 66, 44), radius=4)
    for row in range(3):
        for col in range(4):
            if (row + col) % 2 == 0:
                p.rect((22 + col * 16.5, 12 + row * 14.7, 16.5, 14.7), p.detail)


def _gauge(level: int) -> Callable[[Pen], None]:
    """A speedometer whose needle points left (slow), up (normal) or right (quick)."""

    def draw(p: Pen) -> None:
        p.stroke(arc(50, 66, 38, 180, 0, 24), 10)
        angle = (160, 90, 20)[level]
        tip = arc(50, 66, 30, angle, angle, 1)[0]
        p.stroke([(50, 66), tip], 8, p.dark)
        p.circle(50, 66, 9, p.dark)

    return draw


DRAWERS.update(
    {
        "treat": _treat,
        "trap": _trap,
        "eraser": _eraser,
        "footprints": _footprints,
        "dice": _dice,
        "race": _race,
        "pace_0": _gauge(0),
        "pace_1": _gauge(1),
        "pace_2": _gauge(2),
    }
)
