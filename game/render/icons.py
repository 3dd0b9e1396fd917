"""Icons drawn in code: every block, sensor and button has a picture as well as a word,
because many children read slowly.

Each icon is drawn on a 100 x 100 grid at several times its final size, then smoothly
scaled down (anti-aliasing for free) and cached. Most icons use one colour (`ink`, which a
caller may change, e.g. white on a coloured block) plus a lighter and a darker shade of it.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from functools import lru_cache
from itertools import pairwise

import pygame

from game.ui import theme

Rgb = tuple[int, int, int]
Point = tuple[float, float]
Paint = Rgb | tuple[int, int, int, int]
SUPERSAMPLE = 4
WHITE: Rgb = (255, 255, 255)


class Pen:
    """Draws on a square canvas in coordinates from 0 to 100, y downwards."""

    def __init__(self, surface: pygame.Surface, ink: Rgb) -> None:
        self.surface = surface
        self.k = surface.get_width() / 100.0
        self.ink = ink
        # Marks drawn on top of the ink (a door, a question mark) must stand out from it,
        # whether the ink is dark (marks in white) or white on a coloured block (marks grey).
        bright = 0.299 * ink[0] + 0.587 * ink[1] + 0.114 * ink[2] > 180
        self.detail = theme.darker(ink, 0.45) if bright else WHITE
        self.light = theme.darker(ink, 0.2) if bright else theme.lighter(ink, 0.45)
        self.dark = theme.darker(ink, 0.35)
        self.clear = (*ink, 0)  # a hole: transparent, ink-coloured so edges scale cleanly

    def pt(self, x: float, y: float) -> tuple[float, float]:
        return (x * self.k, y * self.k)

    def poly(self, points: Sequence[Point], colour: Paint | None = None) -> None:
        pygame.draw.polygon(self.surface, colour or self.ink, [self.pt(*p) for p in points])

    def circle(
        self, x: float, y: float, r: float, colour: Paint | None = None, width: float = 0
    ) -> None:
        pygame.draw.circle(
            self.surface, colour or self.ink, self.pt(x, y), r * self.k, round(width * self.k)
        )

    def rect(
        self,
        box: tuple[float, float, float, float],
        colour: Rgb | None = None,
        radius: float = 0,
        width: float = 0,
    ) -> None:
        x, y, w, h = box
        area = pygame.Rect(*map(round, (x * self.k, y * self.k, w * self.k, h * self.k)))
        pygame.draw.rect(
            self.surface, colour or self.ink, area, round(width * self.k), round(radius * self.k)
        )

    def stroke(self, points: Sequence[Point], width: float, colour: Rgb | None = None) -> None:
        """A thick line through `points` with round ends and joints."""
        colour = colour or self.ink
        half = width / 2
        for (x1, y1), (x2, y2) in pairwise(points):
            length = math.hypot(x2 - x1, y2 - y1) or 1.0
            nx, ny = -(y2 - y1) / length * half, (x2 - x1) / length * half
            self.poly(
                [(x1 + nx, y1 + ny), (x2 + nx, y2 + ny), (x2 - nx, y2 - ny), (x1 - nx, y1 - ny)],
                colour,
            )
        for x, y in points:
            self.circle(x, y, half, colour)

    def head(self, tip: Point, angle: float, size: float, colour: Rgb | None = None) -> None:
        """An arrowhead whose point is `tip`, pointing at `angle` degrees (0 right, 90 up)."""
        rad = math.radians(angle)
        dx, dy = math.cos(rad), -math.sin(rad)
        back = (tip[0] - dx * size, tip[1] - dy * size)
        side = (-dy * size * 0.75, dx * size * 0.75)
        self.poly(
            [tip, (back[0] + side[0], back[1] + side[1]), (back[0] - side[0], back[1] - side[1])],
            colour,
        )


def arc(cx: float, cy: float, r: float, start: float, end: float, steps: int = 24) -> list[Point]:
    """Points on a circle from angle `start` to `end` (degrees, 0 right, 90 up)."""
    return [
        (cx + r * math.cos(math.radians(a)), cy - r * math.sin(math.radians(a)))
        for a in (start + (end - start) * i / steps for i in range(steps + 1))
    ]


# -- arrows and moves ------------------------------------------------------------------


def _forward(p: Pen) -> None:
    p.stroke([(50, 86), (50, 36)], 16)
    p.head((50, 10), 90, 30)


def _back(p: Pen) -> None:
    p.stroke([(86, 50), (36, 50)], 16)
    p.head((10, 50), 180, 30)


def _turn_left(p: Pen) -> None:
    p.stroke([(66, 90), (66, 56), *arc(42, 56, 24, 0, 90)], 15)
    p.head((12, 32), 180, 26)


def _circular(p: Pen, start: float, end: float, r: float = 32, head: float = 26) -> None:
    """An arrow running round a circle from angle `start` to `end` (clockwise when `end`
    is smaller), its head along the circle at the end."""
    points = arc(50, 52, r, start, end, 36)
    p.stroke(points, 12)
    direction = end - 90 if end < start else end + 90
    ex, ey = points[-1]
    d = math.radians(direction)
    p.head((ex + math.cos(d) * head * 0.7, ey - math.sin(d) * head * 0.7), direction, head)


def _loop_arrow(p: Pen) -> None:
    _circular(p, 60, -220)


def _repeat(p: Pen) -> None:
    _loop_arrow(p)
    p.circle(50, 52, 9)


def _while(p: Pen) -> None:
    _loop_arrow(p)
    p.stroke([(38, 53), (47, 62), (63, 42)], 8)


def _until(p: Pen) -> None:
    _loop_arrow(p)
    p.stroke([(42, 66), (42, 36)], 6)
    p.poly([(42, 36), (62, 42), (42, 50)])


def _question(p: Pen) -> None:
    p.poly([(50, 6), (94, 50), (50, 94), (6, 50)])
    p.stroke([*arc(50, 38, 12, 160, -60, 16), (54, 58)], 8, p.detail)
    p.circle(52, 72, 5, p.detail)


def _if_else(p: Pen) -> None:
    p.stroke([(50, 92), (50, 60), (24, 32)], 13)
    p.stroke([(50, 60), (76, 32)], 13)
    p.head((14, 20), 135, 24)
    p.head((86, 20), 45, 24)


def _function(p: Pen) -> None:
    p.rect((12, 14, 76, 72), radius=12)
    for y in (32, 50, 68):
        p.stroke([(26, y), (74, y)], 8, p.light)


def _call(p: Pen) -> None:
    _function(p)
    p.circle(72, 72, 22, p.dark)
    p.poly([(65, 60), (84, 72), (65, 84)], WHITE)


# -- world things ----------------------------------------------------------------------


def _gem(p: Pen) -> None:
    p.poly([(26, 18), (74, 18), (92, 40), (50, 90), (8, 40)])
    p.poly([(26, 18), (50, 18), (36, 40), (8, 40)], p.light)
    p.poly([(36, 40), (64, 40), (50, 90)], p.light)
    p.poly([(74, 18), (92, 40), (64, 40)], p.dark)


def _flag(p: Pen) -> None:
    p.stroke([(26, 92), (26, 10)], 8, theme.INK)
    p.poly([(28, 12), (86, 28), (28, 46)])
    p.poly([(28, 30), (86, 28), (28, 46)], p.dark)


def _crate(p: Pen) -> None:
    p.rect((10, 10, 80, 80), radius=6)
    p.rect((10, 10, 80, 80), p.dark, radius=6, width=7)
    p.stroke([(18, 18), (82, 82)], 9, p.dark)
    p.stroke([(82, 18), (18, 82)], 9, p.dark)


def _wall(p: Pen) -> None:
    p.rect((6, 12, 88, 76), p.dark, radius=4)
    for row, y in enumerate((15, 40, 65)):
        offset = 0 if row % 2 == 0 else -22
        for x in range(offset + 9, 94, 44):
            left, right = max(x, 9), min(x + 40, 91)
            if right - left > 6:
                p.rect((left, y, right - left, 21), radius=3)


def _water(p: Pen) -> None:
    for y in (30, 52, 74):
        points = [(x, y + 7 * math.sin((x - 6) / 88 * 2 * math.pi * 1.5)) for x in range(8, 93, 4)]
        p.stroke(points, 9)


def _path(p: Pen, turn: int) -> None:
    """A road seen from above: straight on, or bending left (-1)."""
    if turn == 0:
        p.rect((28, 8, 44, 86), p.light, radius=6)
        p.stroke([(50, 78), (50, 38)], 10)
        p.head((50, 18), 90, 22)
        return
    p.poly([(28, 94), (72, 94), (72, 28), (8, 28), (8, 72), (28, 72)], p.light)
    p.stroke([(50, 82), (50, 50), (34, 50)], 10)
    p.head((14, 50), 180, 22)


def _tile(colour: Rgb) -> Callable[[Pen], None]:
    def draw(p: Pen) -> None:
        p.rect((8, 8, 84, 84), colour, radius=14)
        p.rect((8, 8, 84, 84), theme.darker(colour, 0.3), radius=14, width=6)

    return draw


def _star(p: Pen, filled: bool = True) -> None:
    points = [
        (
            50 + (44 if i % 2 == 0 else 19) * math.cos(math.radians(90 + 36 * i)),
            54 - (44 if i % 2 == 0 else 19) * math.sin(math.radians(90 + 36 * i)),
        )
        for i in range(10)
    ]
    p.poly(points)
    if not filled:
        inner = [(50 + (x - 50) * 0.62, 54 + (y - 54) * 0.62) for x, y in points]
        p.poly(inner, p.clear)


def _robot(p: Pen) -> None:
    p.stroke([(50, 22), (50, 10)], 5, p.dark)
    p.circle(50, 9, 7, theme.DANGER)
    p.rect((8, 42, 10, 26), p.dark, radius=4)
    p.rect((82, 42, 10, 26), p.dark, radius=4)
    p.rect((14, 20, 72, 66), radius=18)
    p.rect((22, 32, 56, 30), p.detail, radius=12)
    p.circle(38, 47, 8, theme.INK)
    p.circle(62, 47, 8, theme.INK)
    p.circle(40, 44, 3, WHITE)
    p.circle(64, 44, 3, WHITE)
    p.stroke(arc(50, 66, 12, 200, 340, 10), 5, p.detail)


def _brain(p: Pen) -> None:
    for x, y, r in ((32, 36, 20), (56, 30, 20), (70, 50, 20), (30, 60, 20), (52, 64, 22)):
        p.circle(x, y, r)
    p.stroke([(50, 18), (48, 40), (54, 56), (50, 82)], 5, p.dark)
    p.stroke([(24, 46), (36, 50)], 4, p.dark)
    p.stroke([(66, 40), (76, 46)], 4, p.dark)


def _lock(p: Pen) -> None:
    p.stroke(arc(50, 44, 20, 0, 180, 16), 10, p.dark)
    p.stroke([(30, 44), (30, 50)], 10, p.dark)
    p.stroke([(70, 44), (70, 50)], 10, p.dark)
    p.rect((18, 46, 64, 46), radius=10)
    p.circle(50, 64, 7, p.detail)
    p.rect((47, 66, 6, 14), p.detail, radius=2)


# -- controls --------------------------------------------------------------------------


def _play(p: Pen) -> None:
    p.poly([(26, 12), (86, 50), (26, 88)])


def _pause(p: Pen) -> None:
    p.rect((20, 14, 22, 72), radius=6)
    p.rect((58, 14, 22, 72), radius=6)


def _step(p: Pen) -> None:
    p.poly([(14, 14), (66, 50), (14, 86)])
    p.rect((70, 14, 16, 72), radius=5)


def _speed(p: Pen) -> None:
    p.poly([(8, 16), (50, 50), (8, 84)])
    p.poly([(48, 16), (90, 50), (48, 84)])


def _reset(p: Pen) -> None:
    _circular(p, 120, 400, r=34)


def _undo(p: Pen) -> None:
    p.stroke([(30, 40), (64, 40), *arc(64, 62, 22, 90, -90, 16), (36, 84)], 12)
    p.head((8, 40), 180, 26)


def _trash(p: Pen) -> None:
    p.rect((38, 8, 24, 12), p.dark, radius=4)
    p.rect((12, 16, 76, 12), p.dark, radius=5)
    p.poly([(20, 32), (80, 32), (74, 92), (26, 92)])
    for x in (38, 50, 62):
        p.stroke([(x, 42), (x, 82)], 5, p.light)


def _hint(p: Pen) -> None:
    p.circle(50, 40, 30, theme.STAR)
    p.rect((36, 62, 28, 14), theme.STAR, radius=4)
    p.rect((36, 74, 28, 8), theme.INK_SOFT, radius=3)
    p.rect((40, 84, 20, 8), theme.INK_SOFT, radius=3)
    p.stroke(arc(50, 40, 18, 120, 190, 8), 6, WHITE)


def _code(p: Pen) -> None:
    p.stroke([(30, 24), (8, 50), (30, 76)], 10)
    p.stroke([(70, 24), (92, 50), (70, 76)], 10)
    p.stroke([(58, 16), (42, 84)], 9, p.dark)


def _speaker(p: Pen) -> None:
    p.poly([(8, 36), (28, 36), (52, 14), (52, 86), (28, 64), (8, 64)])


def _sound_on(p: Pen) -> None:
    _speaker(p)
    p.stroke(arc(52, 50, 18, -45, 45, 10), 7)
    p.stroke(arc(52, 50, 34, -45, 45, 14), 7)


def _sound_off(p: Pen) -> None:
    _speaker(p)
    p.stroke([(64, 34), (92, 66)], 8, theme.DANGER)
    p.stroke([(92, 34), (64, 66)], 8, theme.DANGER)


def _home(p: Pen) -> None:
    p.poly([(50, 8), (94, 48), (80, 48), (80, 90), (20, 90), (20, 48), (6, 48)])
    p.rect((40, 60, 20, 30), p.detail, radius=4)


def _settings(p: Pen) -> None:
    teeth = []
    for i in range(32):
        angle = math.radians(i * 360 / 32)
        r = 44 if (i // 2) % 2 == 0 else 32
        teeth.append((50 + r * math.cos(angle), 50 + r * math.sin(angle)))
    p.poly(teeth)
    p.circle(50, 50, 14, p.clear)


def _check(p: Pen) -> None:
    p.stroke([(14, 52), (38, 76), (86, 24)], 15)


def _cross(p: Pen) -> None:
    p.stroke([(20, 20), (80, 80)], 15)
    p.stroke([(80, 20), (20, 80)], 15)


def _plus(p: Pen) -> None:
    p.stroke([(50, 14), (50, 86)], 16)
    p.stroke([(14, 50), (86, 50)], 16)


def _minus(p: Pen) -> None:
    p.stroke([(14, 50), (86, 50)], 16)


def _mirrored(draw: Callable[[Pen], None]) -> Callable[[Pen], None]:
    """The same drawing reflected left-right (turn_right from turn_left, redo from undo)."""

    def flipped(p: Pen) -> None:
        scratch = pygame.Surface(p.surface.get_size(), pygame.SRCALPHA)
        scratch.fill((*p.ink, 0))
        draw(Pen(scratch, p.ink))
        p.surface.blit(pygame.transform.flip(scratch, True, False), (0, 0))

    return flipped


DRAWERS: dict[str, Callable[[Pen], None]] = {
    "forward": _forward,
    "arrow_up": _forward,
    "back": _back,
    "turn_left": _turn_left,
    "turn_right": _mirrored(_turn_left),
    "repeat": _repeat,
    "while": _while,
    "until": _until,
    "if": _question,
    "question": _question,
    "if_else": _if_else,
    "function": _function,
    "call": _call,
    "gem": _gem,
    "pick_up": _gem,
    "gem_here": _gem,
    "flag": _flag,
    "at_goal": _flag,
    "crate": _crate,
    "crate_ahead": _crate,
    "wall": _wall,
    "wall_ahead": _wall,
    "water": _water,
    "water_ahead": _water,
    "path_ahead": lambda p: _path(p, 0),
    "path_left": lambda p: _path(p, -1),
    "path_right": _mirrored(lambda p: _path(p, -1)),
    "red": _tile((213, 94, 0)),
    "green": _tile((0, 158, 115)),
    "blue": _tile((0, 114, 178)),
    "yellow": _tile((240, 228, 66)),
    "star": _star,
    "star_empty": lambda p: _star(p, filled=False),
    "robot": _robot,
    "brain": _brain,
    "lock": _lock,
    "play": _play,
    "pause": _pause,
    "step": _step,
    "step_back": _mirrored(_step),
    "speed": _speed,
    "reset": _reset,
    "undo": _undo,
    "redo": _mirrored(_undo),
    "trash": _trash,
    "hint": _hint,
    "code": _code,
    "sound_on": _sound_on,
    "sound_off": _sound_off,
    "home": _home,
    "settings": _settings,
    "check": _check,
    "cross": _cross,
    "plus": _plus,
    "minus": _minus,
}
for _colour in ("red", "green", "blue", "yellow"):
    DRAWERS[f"on_{_colour}"] = DRAWERS[_colour]

# The colour an icon has when the caller does not choose one.
DEFAULT_INK: dict[str, Rgb] = {
    "gem": theme.GEM,
    "pick_up": theme.GEM,
    "gem_here": theme.GEM,
    "flag": theme.DANGER,
    "at_goal": theme.DANGER,
    "crate": (176, 122, 66),
    "crate_ahead": (176, 122, 66),
    "wall": (190, 96, 70),
    "wall_ahead": (190, 96, 70),
    "water": theme.GEM,
    "water_ahead": theme.GEM,
    "star": theme.STAR,
    "star_empty": theme.STAR,
    "robot": theme.ACCENT,
    "brain": (204, 121, 167),
    "lock": theme.INK_SOFT,
    "hint": theme.STAR,
    "check": theme.SUCCESS,
    "cross": theme.DANGER,
    "path_ahead": theme.SUCCESS,
    "path_left": theme.SUCCESS,
    "path_right": theme.SUCCESS,
}

NAMES: tuple[str, ...] = tuple(sorted(DRAWERS))


@lru_cache(maxsize=1024)
def icon(name: str, size: int, colour: Rgb | None = None, flip: bool = False) -> pygame.Surface:
    """The icon `name`, `size` pixels square, in `colour` (its own colours by default);
    `flip` mirrors it for right-to-left screens (a "back" arrow points right in Arabic).
    Unknown names give a question mark rather than an error. Never draw on the result:
    it is shared through the cache."""
    draw = DRAWERS.get(name, _question)
    ink = colour or DEFAULT_INK.get(name, theme.INK)
    side = max(1, size) * SUPERSAMPLE
    canvas = pygame.Surface((side, side), pygame.SRCALPHA)
    canvas.fill((*ink, 0))  # transparent but ink-coloured, so edges do not darken when scaled
    draw(Pen(canvas, ink))
    small = pygame.transform.smoothscale(canvas, (max(1, size), max(1, size)))
    if flip:
        small = pygame.transform.flip(small, True, False)
    if pygame.display.get_init() and pygame.display.get_surface() is not None:
        return small.convert_alpha()
    return small
