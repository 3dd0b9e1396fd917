"""The grid world drawn at any size: tiles, items, the robot, and the motion between frames.

Everything is drawn in code, so the board is sharp at any window size. The ground of a
board never changes, so it is drawn once per tile size and blitted; gems, crates and the
robot are drawn on top from two trace frames and how far the robot has gone between them.
Effects (sparkle, bump, splash, push dust, celebration) are pure functions of that
progress and of the time since the run ended: the view keeps no animation state.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from functools import lru_cache

import pygame

from game.render.world_sprites import (
    TILE_COLOURS,
    crate_sprite,
    gem_sprite,
    ground_tile,
    robot_sprite,
)
from game.world.board import Board, State
from game.world.outcome import Frame, Status
from game.world.tiles import Ground

Point = tuple[float, float]
CONFETTI = ((213, 94, 0), (0, 158, 115), (86, 180, 233), (245, 190, 30), (204, 121, 167))
SPARKLE = (255, 236, 140)
BUMP = (245, 190, 30)
SPLASH = (200, 232, 255)
DUST = (190, 170, 140)
ROBOT_SCALE = 1.25  # the robot overhangs its cell a little: it is the star of the board


def ease(p: float) -> float:
    """Smooth start and stop (smoothstep), so moves feel soft instead of mechanical."""
    p = max(0.0, min(1.0, p))
    return p * p * (3.0 - 2.0 * p)


@dataclass(frozen=True, slots=True)
class Motion:
    """What to draw: the frame reached, the next frame and the progress towards it, the
    way the run ended (once replayed) and seconds since then, and a clock for idle motion."""

    before: Frame
    after: Frame | None = None
    progress: float = 0.0
    ending: Status | None = None
    since_end: float = 0.0
    clock: float = 0.0


@dataclass(frozen=True, slots=True)
class Fit:
    """Where a board lands inside a rectangle: whole-pixel tiles, centred."""

    tile: int
    left: int
    top: int

    def centre(self, x: float, y: float) -> Point:
        return (self.left + (x + 0.5) * self.tile, self.top + (y + 0.5) * self.tile)


def fit(board: Board, rect: pygame.Rect) -> Fit:
    tile = max(4, min(rect.width // max(1, board.width), rect.height // max(1, board.height)))
    left = rect.left + (rect.width - tile * board.width) // 2
    top = rect.top + (rect.height - tile * board.height) // 2
    return Fit(tile, left, top)


@lru_cache(maxsize=16)
def ground_surface(board: Board, tile: int) -> pygame.Surface:
    """The fixed ground of a board at one tile size (cached: drawn once per size)."""
    surface = pygame.Surface((tile * board.width, tile * board.height))
    surface.fill(TILE_COLOURS[Ground.WALL])
    for x, y, ground in board.cells():
        odd = (x + y) % 2 == 1
        surface.blit(ground_tile(ground, tile, odd), (x * tile, y * tile))
    if pygame.display.get_init() and pygame.display.get_surface() is not None:
        return surface.convert()
    return surface


class WorldView:
    """Draws one board of a level, with the motion of one step of a trace."""

    def __init__(self, board: Board) -> None:
        self.board = board
        self._ground: tuple[int, pygame.Surface] | None = None

    def ground(self, tile: int) -> pygame.Surface:
        """The board's ground at this tile size, kept by the view (hashing a whole board
        to find it in a shared cache every frame costs more than drawing the robot)."""
        if self._ground is None or self._ground[0] != tile:
            self._ground = (tile, ground_surface(self.board, tile))
        return self._ground[1]

    def draw(self, surface: pygame.Surface, rect: pygame.Rect, motion: Motion) -> Fit:
        placed = fit(self.board, rect)
        frame = pygame.Rect(
            placed.left, placed.top, placed.tile * self.board.width, placed.tile * self.board.height
        )
        pygame.draw.rect(surface, (70, 62, 88), frame.inflate(8, 8), border_radius=8)
        surface.blit(self.ground(placed.tile), frame.topleft)
        self._draw_items(surface, placed, motion)
        self._draw_robot(surface, placed, motion)
        self._draw_effects(surface, placed, frame, motion)
        return placed

    # -- items ---------------------------------------------------------------------------

    def _draw_items(self, surface: pygame.Surface, placed: Fit, motion: Motion) -> None:
        before = motion.before.state
        after = motion.after.state if motion.after else before
        p = ease(motion.progress) if motion.after else 0.0
        gem = gem_sprite(placed.tile)
        for pos in sorted(before.gems):
            x, y = placed.centre(*self.board.xy(pos))
            bob = math.sin(motion.clock * 3.0 + pos) * placed.tile * 0.04
            if pos in after.gems:
                surface.blit(gem, gem.get_rect(center=(round(x), round(y + bob))))
            else:
                self._taken_gem(surface, placed, (x, y), p)
        for pos in sorted(after.crates):
            x, y = self._crate_place(placed, pos, before, after, p)
            sprite = crate_sprite(placed.tile, pos in self.board.targets and p >= 1.0)
            surface.blit(sprite, sprite.get_rect(center=(round(x), round(y))))

    def _crate_place(self, placed: Fit, pos: int, before: State, after: State, p: float) -> Point:
        """A pushed crate slides from its old cell; every other crate stays put."""
        end = placed.centre(*self.board.xy(pos))
        if pos in before.crates:
            return end
        start = placed.centre(*self.board.xy(pos - self.board.delta(after.facing)))
        return (start[0] + (end[0] - start[0]) * p, start[1] + (end[1] - start[1]) * p)

    def _taken_gem(self, surface: pygame.Surface, placed: Fit, at: Point, p: float) -> None:
        size = max(2, round(placed.tile * (1.0 - p)))
        if size > 2:
            gem = gem_sprite(size)
            surface.blit(gem, gem.get_rect(center=(round(at[0]), round(at[1] - p * placed.tile))))
        sparkle(surface, at, placed.tile, p)

    # -- robot ---------------------------------------------------------------------------

    def robot_pose(self, placed: Fit, motion: Motion) -> tuple[Point, float, float]:
        """The robot's centre, heading in degrees (0 = north, clockwise) and scale."""
        before = motion.before.state
        x0, y0 = placed.centre(*self.board.xy(before.pos))
        heading = before.facing * 90.0
        after = motion.after
        if after is None:
            return (x0, y0 + self._hop(placed, motion)), heading, 1.0
        p = ease(motion.progress)
        x1, y1 = placed.centre(*self.board.xy(after.state.pos))
        turn = (after.state.facing - before.facing) % 4
        heading += {1: 90.0, 3: -90.0}.get(turn, 0.0) * p
        if after.status == "crashed":
            dx, dy = _direction(before.facing)
            push = math.sin(math.pi * p) * 0.22 * placed.tile
            return (x0 + dx * push, y0 + dy * push), heading, 1.0
        if after.status == "no_gem":
            shake = math.sin(p * math.pi * 6) * 0.06 * placed.tile
            return (x0 + shake, y0), heading, 1.0
        scale = 1.0 - 0.7 * max(0.0, p * 2 - 1) if after.status == "fell" else 1.0
        move = min(1.0, p * 2) if after.status == "fell" else p
        return (x0 + (x1 - x0) * move, y0 + (y1 - y0) * move), heading, scale

    def _hop(self, placed: Fit, motion: Motion) -> float:
        """A happy hop after success; an idle robot stays still."""
        if motion.ending != "success":
            return 0.0
        return -abs(math.sin(motion.since_end * 7.0)) * placed.tile * 0.15

    def _draw_robot(self, surface: pygame.Surface, placed: Fit, motion: Motion) -> None:
        (x, y), heading, scale = self.robot_pose(placed, motion)
        if motion.ending == "fell" and motion.after is None:
            scale = 0.3  # only the top of its head still shows above the ripples
            pygame.draw.circle(
                surface, SPLASH, (x, y), placed.tile * 0.38, max(1, placed.tile // 16)
            )
        sprite = robot_sprite(
            max(4, round(placed.tile * scale * ROBOT_SCALE)), round(heading) % 360
        )
        surface.blit(sprite, sprite.get_rect(center=(round(x), round(y))))

    # -- effects -------------------------------------------------------------------------

    def _draw_effects(
        self, surface: pygame.Surface, placed: Fit, frame: pygame.Rect, motion: Motion
    ) -> None:
        after = motion.after
        p = motion.progress
        if after is not None:
            (x, y), _, _ = self.robot_pose(placed, motion)
            dx, dy = _direction(motion.before.state.facing)
            half = placed.tile * 0.5
            if after.status == "crashed" and p > 0.35:
                bump(surface, (x + dx * half, y + dy * half), placed.tile, (p - 0.35) / 0.65)
            elif after.status == "fell" and p > 0.5:
                splash(surface, placed.centre(*self.board.xy(after.state.pos)), placed.tile, p)
            elif after.action == "forward" and after.state.crates != motion.before.state.crates:
                dust(surface, (x - dx * half, y - dy * half), placed.tile, p)
        elif motion.ending == "success":
            celebrate(surface, frame, motion.since_end)


def _direction(facing: int) -> Point:
    return ((0.0, -1.0), (1.0, 0.0), (0.0, 1.0), (-1.0, 0.0))[facing]


def _star(centre: Point, radius: float, points: int = 4) -> list[Point]:
    cx, cy = centre
    out = []
    for k in range(points * 2):
        r = radius if k % 2 == 0 else radius * 0.4
        angle = math.pi * k / points
        out.append((cx + math.sin(angle) * r, cy - math.cos(angle) * r))
    return out


def sparkle(surface: pygame.Surface, at: Point, tile: int, p: float) -> None:
    """Little stars flying out of a gem as it is taken."""
    for k in range(8):
        angle = k * math.pi / 4 + 0.3
        reach = tile * (0.2 + 0.5 * p)
        where = (at[0] + math.cos(angle) * reach, at[1] + math.sin(angle) * reach - p * tile * 0.3)
        size = tile * 0.14 * (1.0 - p)
        if size >= 1:
            pygame.draw.polygon(surface, SPARKLE, _star(where, size))


def bump(surface: pygame.Surface, at: Point, tile: int, p: float) -> None:
    """A yellow burst where the robot hit something."""
    size = tile * (0.15 + 0.25 * math.sin(math.pi * p))
    if size >= 2:
        pygame.draw.polygon(surface, BUMP, _star(at, size, points=6))
        pygame.draw.polygon(surface, (213, 94, 0), _star(at, size, points=6), width=2)


def splash(surface: pygame.Surface, at: Point, tile: int, p: float) -> None:
    """Rings and drops rising from the water where the robot fell."""
    q = (p - 0.5) * 2
    for ring in range(2):
        radius = tile * (0.15 + 0.45 * q - 0.15 * ring)
        if radius > 2:
            pygame.draw.circle(surface, SPLASH, at, radius, width=max(1, tile // 16))
    for k in range(6):
        angle = -math.pi / 2 + (k - 2.5) * 0.45
        reach = tile * 0.55 * q
        drop = (
            at[0] + math.cos(angle) * reach,
            at[1] + math.sin(angle) * reach + q * q * tile * 0.4,
        )
        pygame.draw.circle(surface, SPLASH, drop, max(1.0, tile * 0.06 * (1 - q * 0.5)))


def dust(surface: pygame.Surface, at: Point, tile: int, p: float) -> None:
    """Puffs behind the robot while it pushes a crate."""
    for k in range(3):
        radius = tile * 0.08 * (1.0 + p) * (1 - k * 0.2)
        offset = (k - 1) * tile * 0.18
        if radius >= 1:
            pygame.draw.circle(surface, DUST, (at[0] + offset * 0.5, at[1] + offset), radius)


def celebrate(surface: pygame.Surface, rect: pygame.Rect, since: float) -> None:
    """Confetti falling over the board for a few seconds after a success."""
    if since > 4.0:
        return
    size = max(4, rect.width // 60)
    for k in range(48):
        seed = (k * 7919) % 1000 / 1000.0
        fall = (since * (0.35 + seed * 0.3) + seed) % 1.0
        x = rect.left + ((k * 0.618) % 1.0) * rect.width + math.sin(since * 3 + k) * size * 2
        y = rect.top + fall * rect.height
        colour = CONFETTI[k % len(CONFETTI)]
        wide = size * (0.5 + 0.5 * abs(math.cos(since * 5 + k)))
        pygame.draw.rect(surface, colour, (round(x), round(y), max(2, round(wide)), size))
