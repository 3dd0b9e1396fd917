"""Icons: one for every block, sensor and button the screens name, drawn clearly."""

from __future__ import annotations

import pygame
import pytest

from blocks.catalogue import BLOCKS, SENSORS
from game.render.icons import DRAWERS, icon

BUTTONS = [
    "forward",
    "turn_left",
    "turn_right",
    "pick_up",
    "repeat",
    "while",
    "until",
    "if",
    "if_else",
    "function",
    "call",
    "flag",
    "gem",
    "crate",
    "star",
    "star_empty",
    "lock",
    "play",
    "pause",
    "step",
    "step_back",
    "reset",
    "speed",
    "undo",
    "redo",
    "trash",
    "hint",
    "code",
    "sound_on",
    "sound_off",
    "home",
    "settings",
    "back",
    "check",
    "cross",
    "plus",
    "minus",
    "robot",
    "brain",
]
EVERY_NAME = sorted(
    {*BUTTONS}
    | {spec.name for spec in BLOCKS}
    | {spec.icon for spec in BLOCKS}
    | {spec.name for spec in SENSORS}
    | {spec.icon for spec in SENSORS}
)


def opaque(surface: pygame.Surface) -> int:
    return sum(
        1
        for x in range(surface.get_width())
        for y in range(surface.get_height())
        if surface.get_at((x, y)).a > 128
    )


@pytest.mark.parametrize("name", EVERY_NAME)
def test_every_named_icon_is_drawn(name: str) -> None:
    assert name in DRAWERS  # not the question-mark fallback
    drawn = icon(name, 32)
    assert drawn.get_size() == (32, 32)
    covered = opaque(drawn)
    assert 32 < covered < 32 * 32  # something is drawn, and it is not a filled square


def test_icons_are_cached_and_sized() -> None:
    assert icon("robot", 48) is icon("robot", 48)
    assert icon("robot", 64).get_size() == (64, 64)


def test_flip_mirrors_for_right_to_left_screens() -> None:
    plain, flipped = icon("back", 40), icon("back", 40, flip=True)
    assert all(plain.get_at((x, 20)) == flipped.get_at((39 - x, 20)) for x in range(40))
    assert pygame.image.tobytes(plain, "RGBA") != pygame.image.tobytes(flipped, "RGBA")


def test_turn_right_is_turn_left_mirrored() -> None:
    left, right = icon("turn_left", 40), icon("turn_right", 40)
    assert all(
        left.get_at((x, y)).a == right.get_at((39 - x, y)).a for x in range(40) for y in range(40)
    )


def test_marks_stay_visible_in_white_on_a_coloured_block() -> None:
    white = icon("if", 48, (255, 255, 255))
    colours = {
        tuple(white.get_at((x, y)))[:3]
        for x in range(48)
        for y in range(48)
        if white.get_at((x, y)).a == 255
    }
    assert (255, 255, 255) in colours
    assert any(max(c) < 200 for c in colours)  # the question mark is darker than the diamond
