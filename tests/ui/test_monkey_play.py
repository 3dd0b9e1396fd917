"""Thousands of random clicks, drags and keys on the play screen: nothing may raise."""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path

import numpy as np
import pygame

from game.app import App
from tests.ui.events import key, move, post, press, release, type_text

LEVEL = """\
format: 1
id: monkey
title: Monkey
map: |
  #########
  #>.*.B.o#
  #.~~r..F#
  #########
goals: [collect_gems, reach_goal]
blocks: [forward, turn_left, turn_right, pick_up, repeat, while, until, if, if_else, function]
max_blocks: 12
max_steps: 60
hints: [one, two]
"""
KEYS = [
    pygame.K_TAB, pygame.K_UP, pygame.K_DOWN, pygame.K_LEFT, pygame.K_RIGHT, pygame.K_RETURN,
    pygame.K_DELETE, pygame.K_BACKSPACE, pygame.K_ESCAPE, pygame.K_PLUS, pygame.K_MINUS,
    pygame.K_z, pygame.K_y, pygame.K_F5, pygame.K_SPACE, pygame.K_HOME, pygame.K_END,
]  # fmt: skip
EVENTS = 5000


def random_event(rng: np.random.Generator, size: tuple[int, int]) -> None:
    def spot() -> tuple[int, int]:
        return int(rng.integers(0, size[0])), int(rng.integers(0, size[1]))

    kind = rng.integers(0, 6)
    if kind == 0:
        press(spot())
        release(spot())
    elif kind == 1:
        press(spot())
        move(spot())
        move(spot())
    elif kind == 2:
        release(spot())
    elif kind == 3:
        mod = pygame.KMOD_CTRL if rng.random() < 0.2 else 0
        key(KEYS[int(rng.integers(0, len(KEYS)))], mod)
    elif kind == 4:
        type_text(str(rng.choice(list("abc_():\n 1f"))))
    else:
        post(pygame.MOUSEWHEEL, x=0, y=int(rng.integers(-2, 3)), flipped=False)


def test_five_thousand_random_events_raise_nothing(
    make_app: Callable[..., App], tmp_path: Path
) -> None:
    level = tmp_path / "monkey.yaml"
    level.write_text(LEVEL, encoding="utf-8")
    app = make_app("ar")
    app.goto("play", level_path=str(level))
    rng = np.random.default_rng(7)
    started = time.monotonic()
    visits = 0
    for batch in range(EVENTS // 10):
        for _ in range(10):
            random_event(rng, app.size)
        app.step(0.05)
        if batch == EVENTS // 20:
            app.set_lang("fr")
        assert app.failures == 0, (tmp_path / "roboblocs.log").read_text()
        if app.scene_name not in ("play", "Dialog"):  # the monkey found the way to the map
            visits += 1
            app.goto("play", level_path=str(level))
    assert time.monotonic() - started < 30
    assert visits < EVENTS // 100  # most of the time was spent on the play screen
