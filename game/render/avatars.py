"""Players' avatars: friendly robot and animal faces drawn in code, one colour each.

Children who do not read yet find their own profile by its face and colour, so each avatar
differs in both. Faces are drawn at twice the size and scaled down smoothly (pygame's
filled shapes have no antialiasing), then cached.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache

import pygame

Rgb = tuple[int, int, int]
Point = tuple[float, float]

INK: Rgb = (38, 42, 58)
WHITE: Rgb = (255, 255, 255)
CHEEK: Rgb = (255, 150, 150)


def _shade(colour: Rgb, amount: float) -> Rgb:
    """Lighter for a positive amount, darker for a negative one."""
    if amount >= 0:
        return (
            round(colour[0] + (255 - colour[0]) * amount),
            round(colour[1] + (255 - colour[1]) * amount),
            round(colour[2] + (255 - colour[2]) * amount),
        )
    keep = 1.0 + amount
    return (round(colour[0] * keep), round(colour[1] * keep), round(colour[2] * keep))


class _Pen:
    """Draws on a square canvas with coordinates from 0 to 1, so each face is size-free."""

    def __init__(self, surface: pygame.Surface) -> None:
        self.surface = surface
        self.side = surface.get_width()

    def p(self, x: float, y: float) -> tuple[int, int]:
        return round(x * self.side), round(y * self.side)

    def circle(self, colour: Rgb, centre: Point, radius: float) -> None:
        pygame.draw.circle(self.surface, colour, self.p(*centre), round(radius * self.side))

    def ellipse(self, colour: Rgb, centre: Point, rx: float, ry: float) -> None:
        x, y = centre
        box = pygame.Rect(self.p(x - rx, y - ry), self.p(2 * rx, 2 * ry))
        pygame.draw.ellipse(self.surface, colour, box)

    def box(self, colour: Rgb, centre: Point, w: float, h: float, radius: float) -> None:
        x, y = centre
        rect = pygame.Rect(self.p(x - w / 2, y - h / 2), self.p(w, h))
        pygame.draw.rect(self.surface, colour, rect, border_radius=round(radius * self.side))

    def polygon(self, colour: Rgb, points: list[Point]) -> None:
        pygame.draw.polygon(self.surface, colour, [self.p(x, y) for x, y in points])

    def line(self, colour: Rgb, start: Point, end: Point, width: float) -> None:
        pygame.draw.line(
            self.surface, colour, self.p(*start), self.p(*end), max(1, round(width * self.side))
        )

    def smile(self, centre: Point, width: float, thick: float = 0.022) -> None:
        """A happy mouth: the lower part of an ellipse whose bottom is near `centre`."""
        x, y = centre
        box = pygame.Rect(self.p(x - width / 2, y - width * 0.45), self.p(width, width * 0.5))
        pygame.draw.arc(self.surface, INK, box, 3.5, 5.9, max(1, round(thick * self.side)))

    def eyes(self, y: float, apart: float, radius: float, white: bool = True) -> None:
        for x in (0.5 - apart / 2, 0.5 + apart / 2):
            if white:
                self.circle(WHITE, (x, y), radius)
            self.circle(INK, (x, y + radius * 0.1), radius * (0.55 if white else 1.0))
            self.circle(WHITE, (x + radius * 0.2, y - radius * 0.2), radius * 0.2)

    def cheeks(self, y: float, apart: float) -> None:
        for x in (0.5 - apart / 2, 0.5 + apart / 2):
            self.ellipse(CHEEK, (x, y), 0.06, 0.035)


def _robot(pen: _Pen, colour: Rgb) -> None:
    pen.line(_shade(colour, -0.3), (0.5, 0.2), (0.5, 0.08), 0.03)
    pen.circle(_shade(colour, -0.2), (0.5, 0.08), 0.05)
    pen.box(_shade(colour, -0.25), (0.12, 0.55), 0.1, 0.22, 0.03)
    pen.box(_shade(colour, -0.25), (0.88, 0.55), 0.1, 0.22, 0.03)
    pen.box(colour, (0.5, 0.55), 0.72, 0.66, 0.16)
    pen.box(_shade(colour, 0.75), (0.5, 0.5), 0.56, 0.34, 0.1)
    pen.eyes(0.5, 0.26, 0.075, white=False)
    pen.box(_shade(colour, -0.35), (0.5, 0.77), 0.3, 0.07, 0.03)


def _cat(pen: _Pen, colour: Rgb) -> None:
    inner = _shade(colour, 0.5)
    pen.polygon(colour, [(0.14, 0.48), (0.18, 0.1), (0.44, 0.3)])
    pen.polygon(colour, [(0.86, 0.48), (0.82, 0.1), (0.56, 0.3)])
    pen.polygon(inner, [(0.2, 0.36), (0.22, 0.18), (0.36, 0.3)])
    pen.polygon(inner, [(0.8, 0.36), (0.78, 0.18), (0.64, 0.3)])
    pen.ellipse(colour, (0.5, 0.58), 0.4, 0.34)
    pen.eyes(0.52, 0.3, 0.08)
    pen.polygon(CHEEK, [(0.46, 0.64), (0.54, 0.64), (0.5, 0.69)])
    for side in (-1, 1):
        for dy in (-0.02, 0.04):
            pen.line(INK, (0.5 + side * 0.2, 0.68), (0.5 + side * 0.4, 0.66 + dy), 0.012)
    pen.smile((0.5, 0.72), 0.18)


def _bear(pen: _Pen, colour: Rgb) -> None:
    for x in (0.2, 0.8):
        pen.circle(colour, (x, 0.26), 0.13)
        pen.circle(_shade(colour, 0.45), (x, 0.26), 0.07)
    pen.circle(colour, (0.5, 0.56), 0.38)
    pen.ellipse(_shade(colour, 0.5), (0.5, 0.7), 0.17, 0.13)
    pen.eyes(0.5, 0.3, 0.07)
    pen.ellipse(INK, (0.5, 0.64), 0.06, 0.04)
    pen.smile((0.5, 0.76), 0.18)


def _rabbit(pen: _Pen, colour: Rgb) -> None:
    for x in (0.35, 0.65):
        pen.ellipse(colour, (x, 0.22), 0.09, 0.2)
        pen.ellipse(_shade(colour, 0.55), (x, 0.24), 0.045, 0.14)
    pen.ellipse(colour, (0.5, 0.62), 0.36, 0.32)
    pen.eyes(0.58, 0.28, 0.075)
    pen.cheeks(0.7, 0.42)
    pen.circle(CHEEK, (0.5, 0.68), 0.035)
    pen.box(WHITE, (0.5, 0.8), 0.08, 0.07, 0.02)
    pen.smile((0.5, 0.75), 0.18)


def _frog(pen: _Pen, colour: Rgb) -> None:
    for x in (0.3, 0.7):
        pen.circle(colour, (x, 0.32), 0.16)
    pen.ellipse(colour, (0.5, 0.6), 0.42, 0.3)
    pen.ellipse(_shade(colour, 0.4), (0.5, 0.7), 0.3, 0.15)
    pen.eyes(0.3, 0.4, 0.1)
    pen.cheeks(0.62, 0.56)
    pen.smile((0.5, 0.66), 0.36, 0.03)


def _owl(pen: _Pen, colour: Rgb) -> None:
    pen.polygon(colour, [(0.16, 0.3), (0.2, 0.08), (0.4, 0.24)])
    pen.polygon(colour, [(0.84, 0.3), (0.8, 0.08), (0.6, 0.24)])
    pen.ellipse(colour, (0.5, 0.56), 0.38, 0.38)
    pen.ellipse(_shade(colour, 0.45), (0.5, 0.74), 0.22, 0.18)
    for x in (0.34, 0.66):
        pen.circle(_shade(colour, 0.6), (x, 0.46), 0.15)
    pen.eyes(0.46, 0.32, 0.1)
    pen.polygon((245, 170, 40), [(0.44, 0.56), (0.56, 0.56), (0.5, 0.66)])


def _fox(pen: _Pen, colour: Rgb) -> None:
    pen.polygon(colour, [(0.1, 0.5), (0.14, 0.08), (0.42, 0.3)])
    pen.polygon(colour, [(0.9, 0.5), (0.86, 0.08), (0.58, 0.3)])
    pen.polygon(INK, [(0.16, 0.24), (0.17, 0.12), (0.28, 0.22)])
    pen.polygon(INK, [(0.84, 0.24), (0.83, 0.12), (0.72, 0.22)])
    pen.polygon(colour, [(0.1, 0.4), (0.9, 0.4), (0.5, 0.92)])
    pen.ellipse(colour, (0.5, 0.46), 0.38, 0.2)
    pen.polygon(WHITE, [(0.14, 0.52), (0.5, 0.56), (0.5, 0.9)])
    pen.polygon(WHITE, [(0.86, 0.52), (0.5, 0.56), (0.5, 0.9)])
    pen.eyes(0.46, 0.3, 0.07)
    pen.ellipse(INK, (0.5, 0.84), 0.05, 0.035)


def _panda(pen: _Pen, colour: Rgb) -> None:
    for x in (0.2, 0.8):
        pen.circle(INK, (x, 0.26), 0.12)
    pen.circle(WHITE, (0.5, 0.56), 0.38)
    pen.circle(colour, (0.5, 0.56), 0.38 * 0.92)
    for x in (0.36, 0.64):
        pen.ellipse(INK, (x, 0.5), 0.1, 0.12)
    pen.eyes(0.49, 0.28, 0.06)
    pen.ellipse(INK, (0.5, 0.66), 0.05, 0.035)
    pen.cheeks(0.68, 0.5)
    pen.smile((0.5, 0.76), 0.18)


_Face = Callable[[_Pen, Rgb], None]

# (drawing, colour): order is part of the saves (profiles store the index), so only append.
AVATARS: tuple[tuple[_Face, Rgb], ...] = (
    (_robot, (86, 160, 220)),
    (_cat, (245, 160, 60)),
    (_bear, (170, 120, 80)),
    (_rabbit, (240, 170, 200)),
    (_frog, (110, 190, 90)),
    (_owl, (150, 120, 200)),
    (_fox, (225, 100, 50)),
    (_panda, (250, 248, 240)),
)


def avatar_colour(index: int) -> Rgb:
    """The avatar's own colour (cards and highlights use it)."""
    return AVATARS[index % len(AVATARS)][1]


@lru_cache(maxsize=64)
def avatar(index: int, size: int) -> pygame.Surface:
    """Avatar `index` (any integer: it wraps around) as a transparent square `size` wide."""
    draw, colour = AVATARS[index % len(AVATARS)]
    big = pygame.Surface((size * 2, size * 2), pygame.SRCALPHA)
    draw(_Pen(big), colour)
    return pygame.transform.smoothscale(big, (size, size))
