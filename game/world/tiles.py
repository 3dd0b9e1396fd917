"""What each map character means, and what each kind of ground allows.

Callers ask capability questions (`walkable`, `crate_can_enter`) instead of testing
characters, so a new tile is one row here.
"""

from __future__ import annotations

from enum import Enum


class Ground(Enum):
    WALL = "wall"
    FLOOR = "floor"
    WATER = "water"
    FLAG = "flag"
    TARGET = "target"
    RED = "red"
    GREEN = "green"
    BLUE = "blue"
    YELLOW = "yellow"


class Item(Enum):
    ROBOT = "robot"
    GEM = "gem"
    CRATE = "crate"


FACINGS = ("north", "east", "south", "west")
FACING_OF_ARROW = {"^": 0, ">": 1, "v": 2, "<": 3}

# char -> (ground, item on it)
MAP_CHARS: dict[str, tuple[Ground, Item | None]] = {
    "#": (Ground.WALL, None),
    ".": (Ground.FLOOR, None),
    "~": (Ground.WATER, None),
    ">": (Ground.FLOOR, Item.ROBOT),
    "<": (Ground.FLOOR, Item.ROBOT),
    "^": (Ground.FLOOR, Item.ROBOT),
    "v": (Ground.FLOOR, Item.ROBOT),
    "F": (Ground.FLAG, None),
    "*": (Ground.FLOOR, Item.GEM),
    "B": (Ground.FLOOR, Item.CRATE),
    "o": (Ground.TARGET, None),
    "r": (Ground.RED, None),
    "g": (Ground.GREEN, None),
    "b": (Ground.BLUE, None),
    "y": (Ground.YELLOW, None),
}

COLOUR_SENSORS = {
    "on_red": Ground.RED,
    "on_green": Ground.GREEN,
    "on_blue": Ground.BLUE,
    "on_yellow": Ground.YELLOW,
}

_WALKABLE = frozenset(
    {Ground.FLOOR, Ground.FLAG, Ground.TARGET, Ground.RED, Ground.GREEN, Ground.BLUE, Ground.YELLOW}
)
_CRATE_GROUND = frozenset(
    {Ground.FLOOR, Ground.TARGET, Ground.RED, Ground.GREEN, Ground.BLUE, Ground.YELLOW}
)


def walkable(ground: Ground) -> bool:
    """Ground the robot can stand on safely (crates and gems are items, checked apart)."""
    return ground in _WALKABLE


def crate_can_enter(ground: Ground) -> bool:
    """Ground a crate may be pushed onto: floor, coloured floor or a target, never the flag."""
    return ground in _CRATE_GROUND
