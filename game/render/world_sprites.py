"""Tiles, items and the robot, drawn in code at any size and cached per size.

Coloured floors also carry a shape (circle, triangle, square, diamond), so a child who
does not see red from green can still tell them apart.
"""

from __future__ import annotations

from functools import lru_cache

import pygame

from game.world.tiles import Ground

Rgb = tuple[int, int, int]

FLOOR_A: Rgb = (246, 236, 214)
FLOOR_B: Rgb = (238, 225, 199)
GRID: Rgb = (222, 207, 178)
WALL_TOP: Rgb = (104, 94, 124)
WALL_LINE: Rgb = (80, 71, 98)
WATER: Rgb = (64, 146, 214)
WAVE: Rgb = (140, 200, 245)
FLAG_RED: Rgb = (213, 70, 40)
POLE: Rgb = (90, 80, 70)
TARGET_RING: Rgb = (213, 120, 30)
CRATE: Rgb = (196, 136, 74)
CRATE_DARK: Rgb = (130, 82, 40)
CRATE_DONE: Rgb = (0, 158, 115)
GEM_MAIN: Rgb = (86, 180, 233)
GEM_LIGHT: Rgb = (200, 236, 255)
GEM_DARK: Rgb = (40, 110, 180)
ROBOT_BODY: Rgb = (250, 250, 252)
ROBOT_EDGE: Rgb = (60, 66, 90)
ROBOT_VISOR: Rgb = (40, 60, 100)
ROBOT_EYE: Rgb = (120, 230, 255)
ROBOT_TREAD: Rgb = (70, 74, 90)
ROBOT_ACCENT: Rgb = (230, 159, 0)

COLOUR_FLOORS: dict[Ground, tuple[Rgb, str]] = {
    Ground.RED: ((232, 104, 88), "circle"),
    Ground.GREEN: ((104, 196, 120), "triangle"),
    Ground.BLUE: ((96, 150, 232), "square"),
    Ground.YELLOW: ((246, 208, 72), "diamond"),
}

TILE_COLOURS: dict[Ground, Rgb] = {
    Ground.WALL: WALL_TOP,
    Ground.FLOOR: FLOOR_A,
    Ground.WATER: WATER,
    Ground.FLAG: FLOOR_A,
    Ground.TARGET: FLOOR_A,
    **{ground: colour for ground, (colour, _) in COLOUR_FLOORS.items()},
}


def _ready(surface: pygame.Surface) -> pygame.Surface:
    """Convert for fast blits once a window exists (conversion needs a display mode)."""
    if pygame.display.get_init() and pygame.display.get_surface() is not None:
        return surface.convert_alpha()
    return surface


def _darker(colour: Rgb, amount: float) -> Rgb:
    r, g, b = colour
    return (round(r * (1 - amount)), round(g * (1 - amount)), round(b * (1 - amount)))


@lru_cache(maxsize=128)
def ground_tile(ground: Ground, tile: int, odd: bool) -> pygame.Surface:
    surface = pygame.Surface((tile, tile), pygame.SRCALPHA)
    rect = surface.get_rect()
    base = FLOOR_B if odd else FLOOR_A
    if ground is Ground.WALL:
        _wall(surface, tile)
    elif ground is Ground.WATER:
        _water(surface, tile)
    elif ground in COLOUR_FLOORS:
        colour, shape = COLOUR_FLOORS[ground]
        surface.fill(colour)
        _marker(surface, shape, _darker(colour, 0.25), tile)
    else:
        surface.fill(base)
    if ground is not Ground.WALL:
        pygame.draw.rect(surface, GRID, rect, width=max(1, tile // 40))
    if ground is Ground.FLAG:
        _flag(surface, tile)
    elif ground is Ground.TARGET:
        _target(surface, tile)
    return _ready(surface)


def _wall(surface: pygame.Surface, tile: int) -> None:
    surface.fill(WALL_TOP)
    line = max(1, tile // 24)
    half = tile // 2
    for row, y in enumerate((0, half)):
        pygame.draw.line(surface, WALL_LINE, (0, y), (tile, y), line)
        x = half if row else 0
        pygame.draw.line(surface, WALL_LINE, (x, y), (x, y + half), line)
    light = (WALL_TOP[0] + 20, WALL_TOP[1] + 20, WALL_TOP[2] + 20)
    pygame.draw.line(surface, light, (line, line * 2), (half - line * 2, line * 2), line)


def _water(surface: pygame.Surface, tile: int) -> None:
    surface.fill(WATER)
    width = max(1, tile // 20)
    for row in (0.3, 0.6, 0.85):
        y = round(tile * row)
        step = max(2, tile // 4)
        points = [
            (x, y + (step // 3 if (x // step) % 2 else -step // 3))
            for x in range(0, tile + step, step)
        ]
        pygame.draw.lines(surface, WAVE, False, points, width)


def _marker(surface: pygame.Surface, shape: str, colour: Rgb, tile: int) -> None:
    c = tile / 2
    r = tile * 0.2
    width = max(2, tile // 14)
    if shape == "circle":
        pygame.draw.circle(surface, colour, (c, c), r, width)
    elif shape == "square":
        pygame.draw.rect(surface, colour, (c - r, c - r, 2 * r, 2 * r), width)
    elif shape == "triangle":
        pygame.draw.polygon(
            surface, colour, [(c, c - r), (c + r, c + r * 0.8), (c - r, c + r * 0.8)], width
        )
    else:
        pygame.draw.polygon(
            surface, colour, [(c, c - r), (c + r, c), (c, c + r), (c - r, c)], width
        )


def _flag(surface: pygame.Surface, tile: int) -> None:
    s = tile / 48
    pygame.draw.ellipse(surface, (200, 186, 160), (12 * s, 36 * s, 24 * s, 8 * s))
    pygame.draw.line(surface, POLE, (16 * s, 40 * s), (16 * s, 6 * s), max(2, round(3 * s)))
    points = [(17 * s, 6 * s), (38 * s, 12 * s), (17 * s, 20 * s)]
    pygame.draw.polygon(surface, FLAG_RED, points)
    pygame.draw.polygon(surface, _darker(FLAG_RED, 0.3), points, max(1, round(s)))


def _target(surface: pygame.Surface, tile: int) -> None:
    c = tile / 2
    width = max(2, tile // 16)
    pygame.draw.circle(surface, TARGET_RING, (c, c), tile * 0.34, width)
    pygame.draw.circle(surface, TARGET_RING, (c, c), tile * 0.12)


@lru_cache(maxsize=64)
def gem_sprite(size: int) -> pygame.Surface:
    surface = pygame.Surface((size, size), pygame.SRCALPHA)
    s = size / 48
    top, left, right, bottom = (
        (24 * s, 10 * s),
        (10 * s, 20 * s),
        (38 * s, 20 * s),
        (24 * s, 40 * s),
    )
    crown = [(16 * s, 10 * s), (32 * s, 10 * s), right, bottom, left]
    pygame.draw.polygon(surface, GEM_MAIN, crown)
    pygame.draw.polygon(surface, GEM_LIGHT, [(16 * s, 10 * s), top, (24 * s, 20 * s), left])
    pygame.draw.polygon(surface, GEM_DARK, [(24 * s, 20 * s), right, bottom])
    pygame.draw.polygon(surface, GEM_DARK, crown, max(1, round(2 * s)))
    return _ready(surface)


@lru_cache(maxsize=64)
def crate_sprite(size: int, on_target: bool) -> pygame.Surface:
    surface = pygame.Surface((size, size), pygame.SRCALPHA)
    inset = max(2, size // 10)
    box = pygame.Rect(inset, inset, size - 2 * inset, size - 2 * inset)
    edge = CRATE_DONE if on_target else CRATE_DARK
    width = max(2, size // 14)
    pygame.draw.rect(surface, CRATE, box, border_radius=max(1, size // 16))
    pygame.draw.line(surface, CRATE_DARK, box.topleft, box.bottomright, width)
    pygame.draw.line(surface, CRATE_DARK, box.topright, box.bottomleft, width)
    pygame.draw.rect(
        surface, edge, box, width=width + (2 if on_target else 0), border_radius=max(1, size // 16)
    )
    return _ready(surface)


@lru_cache(maxsize=512)
def robot_sprite(size: int, heading: int) -> pygame.Surface:
    """The robot seen from above at `heading` degrees clockwise from north, to 5 degrees."""
    step = round(heading / 5) * 5 % 360
    base = _robot_north(size)
    if step == 0:
        return base
    return _ready(pygame.transform.rotozoom(base, -step, 1.0))


@lru_cache(maxsize=16)
def _robot_north(size: int) -> pygame.Surface:
    """Treads on the sides, a round body, a visor with two eyes at the front (top)."""
    surface = pygame.Surface((size, size), pygame.SRCALPHA)
    s = size / 48
    line = max(1, round(2 * s))

    def r(x: float, y: float, w: float, h: float) -> pygame.Rect:
        return pygame.Rect(round(x * s), round(y * s), max(1, round(w * s)), max(1, round(h * s)))

    for x in (7, 33):
        pygame.draw.rect(surface, ROBOT_TREAD, r(x, 9, 8, 30), border_radius=max(1, round(3 * s)))
    pygame.draw.rect(surface, ROBOT_BODY, r(11, 8, 26, 32), border_radius=max(2, round(10 * s)))
    pygame.draw.rect(
        surface, ROBOT_EDGE, r(11, 8, 26, 32), line, border_radius=max(2, round(10 * s))
    )
    pygame.draw.rect(surface, ROBOT_VISOR, r(14, 11, 20, 9), border_radius=max(1, round(4 * s)))
    for x in (19, 29):
        pygame.draw.circle(surface, ROBOT_EYE, (x * s, 15.5 * s), max(1.0, 2.6 * s))
    pygame.draw.circle(surface, ROBOT_ACCENT, (24 * s, 30 * s), max(1.0, 4 * s))
    pygame.draw.circle(surface, ROBOT_EDGE, (24 * s, 30 * s), max(1.0, 4 * s), line)
    pygame.draw.polygon(surface, ROBOT_ACCENT, [(24 * s, 2 * s), (29 * s, 7 * s), (19 * s, 7 * s)])
    return _ready(surface)
