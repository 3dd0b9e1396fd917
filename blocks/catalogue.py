"""Every block and sensor, declared once as data.

The palette, the validators, the Python form, the documentation and the translations all
read these tables, so adding a block means adding a row here (and its words in the locales).
"""

from __future__ import annotations

import keyword
from dataclasses import dataclass
from typing import Literal

Shape = Literal["action", "loop", "branch", "function"]
Category = Literal["move", "loop", "logic", "function"]


@dataclass(frozen=True, slots=True)
class BlockSpec:
    """One palette block: how it looks and what it is called."""

    name: str
    shape: Shape
    category: Category
    icon: str
    text_key: str


# Category colours follow the Okabe-Ito palette, which stays distinct for colour-blind children.
CATEGORY_COLOURS: dict[Category, tuple[int, int, int]] = {
    "move": (0, 114, 178),
    "loop": (230, 159, 0),
    "logic": (0, 158, 115),
    "function": (204, 121, 167),
}

ACTIONS: tuple[str, ...] = ("forward", "turn_left", "turn_right", "pick_up")

BLOCKS: tuple[BlockSpec, ...] = (
    BlockSpec("forward", "action", "move", "arrow_up", "block.forward"),
    BlockSpec("turn_left", "action", "move", "turn_left", "block.turn_left"),
    BlockSpec("turn_right", "action", "move", "turn_right", "block.turn_right"),
    BlockSpec("pick_up", "action", "move", "gem", "block.pick_up"),
    BlockSpec("repeat", "loop", "loop", "repeat", "block.repeat"),
    BlockSpec("while", "loop", "loop", "while", "block.while"),
    BlockSpec("until", "loop", "loop", "until", "block.until"),
    BlockSpec("if", "branch", "logic", "question", "block.if"),
    BlockSpec("if_else", "branch", "logic", "question", "block.if_else"),
    BlockSpec("function", "function", "function", "function", "block.function"),
)

BLOCK_NAMES: frozenset[str] = frozenset(spec.name for spec in BLOCKS)
BLOCKS_BY_NAME: dict[str, BlockSpec] = {spec.name: spec for spec in BLOCKS}


@dataclass(frozen=True, slots=True)
class SensorSpec:
    """A yes/no question the robot can ask about the cell it is on or next to."""

    name: str
    icon: str
    text_key: str


SENSORS: tuple[SensorSpec, ...] = (
    SensorSpec("path_ahead", "path_ahead", "sensor.path_ahead"),
    SensorSpec("path_left", "path_left", "sensor.path_left"),
    SensorSpec("path_right", "path_right", "sensor.path_right"),
    SensorSpec("wall_ahead", "wall", "sensor.wall_ahead"),
    SensorSpec("water_ahead", "water", "sensor.water_ahead"),
    SensorSpec("crate_ahead", "crate", "sensor.crate_ahead"),
    SensorSpec("gem_here", "gem", "sensor.gem_here"),
    SensorSpec("at_goal", "flag", "sensor.at_goal"),
    SensorSpec("on_red", "red", "sensor.on_red"),
    SensorSpec("on_green", "green", "sensor.on_green"),
    SensorSpec("on_blue", "blue", "sensor.on_blue"),
    SensorSpec("on_yellow", "yellow", "sensor.on_yellow"),
)

SENSOR_NAMES: frozenset[str] = frozenset(spec.name for spec in SENSORS)

REPEAT_MIN = 1
REPEAT_MAX = 99

# Names a function may not take: block and sensor names would be ambiguous, Python keywords
# and `range` would break the Python form, which must round-trip every program.
RESERVED_FUNCTION_NAMES: frozenset[str] = (
    BLOCK_NAMES
    | SENSOR_NAMES
    | frozenset(keyword.kwlist)
    | frozenset(keyword.softkwlist)
    | frozenset({"range", "define", "call", "do", "else", "not"})
)
