"""What the learning robot knows, drawn on its map: glowing values, favourite moves, the
cells it walked most, the trail of its current try, and the treats and traps a child
painted.

All of it goes between the ground and the robot (`LabWorldView` draws it where the world
view draws its items), so the robot and its gems stay on top. Colours carry meaning and
also brightness, and arrows carry the move itself, so the overlay still reads for a child
who does not see some colours.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache

import numpy as np
import numpy.typing as npt
import pygame

import game.render.lab_icons  # noqa: F401  (registers the treat and trap pictures)
from game.render.icons import icon
from game.render.text import text_surface
from game.render.world_view import Fit, Motion, WorldView
from game.world.board import Board

Rgb = tuple[int, int, int]
GOOD: Rgb = (255, 196, 40)  # a cell worth points: warm gold
BAD: Rgb = (120, 70, 200)  # a cell that costs points: violet
VISITED: Rgb = (0, 150, 170)
TRAIL: Rgb = (240, 110, 30)
ARROW_INK: Rgb = (60, 46, 20)
TRAIL_LENGTH = 24  # steps of the current try that stay visible, fading with age
ALPHA_LEVELS = 12  # glow strengths cached per tile size


@dataclass(frozen=True, slots=True)
class Knowledge:
    """The arrays of `game.agent.cells`, [y, x] over the training map: best value (NaN
    where the robot never chooses), heading and action index of the best state there
    (-1 for none), and visits."""

    values: npt.NDArray[np.float64]
    facing: npt.NDArray[np.int8]
    action: npt.NDArray[np.int8]
    visits: npt.NDArray[np.int64]
    actions: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Layers:
    """What to draw under the robot this frame."""

    knowledge: Knowledge | None = None
    show_values: bool = False
    show_visits: bool = False
    painted: Mapping[tuple[int, int], str] | None = None
    trail: Sequence[tuple[float, float]] = ()  # cell coordinates, oldest first


class LabWorldView(WorldView):
    """The play screen's world view, with the lab's layers slipped under the robot."""

    def __init__(self, board: Board) -> None:
        super().__init__(board)
        self.layers = Layers()

    def draw_with(
        self, surface: pygame.Surface, rect: pygame.Rect, motion: Motion, layers: Layers
    ) -> Fit:
        self.layers = layers
        return self.draw(surface, rect, motion)

    def _draw_items(self, surface: pygame.Surface, placed: Fit, motion: Motion) -> None:
        draw_layers(surface, placed, self.board, self.layers)
        super()._draw_items(surface, placed, motion)


def draw_layers(surface: pygame.Surface, placed: Fit, board: Board, layers: Layers) -> None:
    known = layers.knowledge
    if known is not None and layers.show_visits:
        draw_visits(surface, placed, known.visits)
    if known is not None and layers.show_values:
        draw_values(surface, placed, known)
    for (x, y), kind in (layers.painted or {}).items():
        mark = icon(kind, max(8, round(placed.tile * 0.62)))
        surface.blit(mark, mark.get_rect(center=_centre(placed, x, y)))
    if layers.trail:
        draw_trail(surface, placed, board, layers.trail)


def _centre(placed: Fit, x: float, y: float) -> tuple[int, int]:
    cx, cy = placed.centre(x, y)
    return round(cx), round(cy)


@lru_cache(maxsize=256)
def glow(tile: int, colour: Rgb, level: int) -> pygame.Surface:
    """A soft square of light filling a cell, brighter in the middle (`level` of
    ALPHA_LEVELS sets its strength)."""
    surface = pygame.Surface((tile, tile), pygame.SRCALPHA)
    strength = level / ALPHA_LEVELS
    rings = 6
    for ring in range(rings):
        inset = round(ring * tile * 0.07)
        alpha = round(255 * strength * (0.28 + 0.12 * ring))
        box = pygame.Rect(inset, inset, tile - 2 * inset, tile - 2 * inset)
        pygame.draw.rect(surface, (*colour, min(255, alpha)), box, border_radius=max(2, tile // 5))
    return surface


def draw_values(surface: pygame.Surface, placed: Fit, known: Knowledge) -> None:
    """Each cell glows by how much the robot expects to earn from it (gold for points,
    violet for losses), with an arrow for the move it likes best there."""
    values = known.values
    finite = values[np.isfinite(values)]
    top = float(np.abs(finite).max()) if finite.size else 0.0
    height, width = values.shape
    arrow_side = max(8, round(placed.tile * 0.5))
    for y in range(height):
        for x in range(width):
            value = float(values[y, x])
            if not math.isfinite(value) or value == 0.0:
                continue  # never chosen there, or nothing learned yet
            if top > 0:
                share = min(1.0, abs(value) / top) ** 2  # squared: the gradient shows
                level = max(1, round(share * ALPHA_LEVELS))
                colour = GOOD if value > 0 else BAD
                at = (placed.left + x * placed.tile, placed.top + y * placed.tile)
                surface.blit(glow(placed.tile, colour, level), at)
            action = int(known.action[y, x])
            if action >= 0:
                name = known.actions[action]
                picture = move_arrow(name, arrow_side, int(known.facing[y, x]))
                surface.blit(picture, picture.get_rect(center=_centre(placed, x, y)))


@lru_cache(maxsize=128)
def move_arrow(action: str, side: int, facing: int) -> pygame.Surface:
    """The icon of a move turned to the robot's heading there (a pick-up is not turned)."""
    picture = icon(action, side, ARROW_INK).copy()  # the icon cache's surface is shared
    picture.set_alpha(200)
    if action == "pick_up":
        return picture
    return pygame.transform.rotate(picture, -90 * facing)


def draw_visits(surface: pygame.Surface, placed: Fit, visits: npt.NDArray[np.int64]) -> None:
    """Cells tinted by how often the robot stood on them (a log scale, so a cell walked
    ten times and one walked a thousand times both show), with the count written small."""
    most = int(visits.max()) if visits.size else 0
    if most <= 0:
        return
    height, width = visits.shape
    scale = math.log1p(most)
    size = max(9, round(placed.tile * 0.26))
    for y in range(height):
        for x in range(width):
            count = int(visits[y, x])
            if count <= 0:
                continue
            level = max(1, round(math.log1p(count) / scale * ALPHA_LEVELS))
            at = (placed.left + x * placed.tile, placed.top + y * placed.tile)
            surface.blit(glow(placed.tile, VISITED, level), at)
            words = text_surface(short_count(count), size, (255, 255, 255), "en", True)
            corner = (at[0] + placed.tile - 3, at[1] + placed.tile - 2)
            surface.blit(words, words.get_rect(bottomright=corner))


def short_count(count: int) -> str:
    """A count that fits in a cell: 999, 1.2k, 35k, 1.2M."""
    if count < 1000:
        return str(count)
    for limit, mark in ((1_000_000, "M"), (1000, "k")):
        if count >= limit:
            value = count / limit
            return f"{value:.1f}{mark}" if value < 10 else f"{value:.0f}{mark}"
    return str(count)


def draw_trail(
    surface: pygame.Surface,
    placed: Fit,
    board: Board,
    trail: Sequence[tuple[float, float]],
) -> None:
    """The path of the try on screen: older steps fade, the newest is bright."""
    width, height = placed.tile * board.width, placed.tile * board.height
    layer = pygame.Surface((width, height), pygame.SRCALPHA)
    points = [
        ((x + 0.5) * placed.tile, (y + 0.5) * placed.tile) for x, y in trail[-TRAIL_LENGTH - 1 :]
    ]
    thick = max(2, placed.tile // 7)
    count = len(points)
    for index in range(1, count):
        age = (count - 1 - index) / max(1, TRAIL_LENGTH)
        alpha = round(230 * (1.0 - age) ** 1.5)
        if alpha > 8:
            pygame.draw.line(layer, (*TRAIL, alpha), points[index - 1], points[index], thick)
            pygame.draw.circle(layer, (*TRAIL, alpha), points[index], thick * 0.9)
    surface.blit(layer, (placed.left, placed.top))
