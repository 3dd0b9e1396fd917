"""Thousands of random clicks, drags and keys on the AI lab: nothing may raise, and the
screen keeps up (training never freezes a frame)."""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path

import numpy as np
import pygame

from game.app import App
from tests.ui.events import key, move, post, press, release

AI = Path(__file__).resolve().parents[2] / "levels" / "ai"
LEVELS = [AI / "05-gems.yaml", AI / "06-three-maps.yaml"]
KEYS = [
    pygame.K_TAB, pygame.K_LEFT, pygame.K_RIGHT, pygame.K_UP, pygame.K_DOWN, pygame.K_RETURN,
    pygame.K_SPACE, pygame.K_ESCAPE, pygame.K_F5, pygame.K_BACKSPACE,
]  # fmt: skip
EVENTS = 5000


def random_event(rng: np.random.Generator, size: tuple[int, int]) -> None:
    def spot() -> tuple[int, int]:
        return int(rng.integers(0, size[0])), int(rng.integers(0, size[1]))

    kind = rng.integers(0, 5)
    if kind <= 1:  # clicks are what children do most
        where = spot()
        press(where)
        release(where)
    elif kind == 2:
        press(spot())
        move(spot())
        release(spot())
    elif kind == 3:
        key(KEYS[int(rng.integers(0, len(KEYS)))])
    else:
        post(pygame.MOUSEWHEEL, x=0, y=int(rng.integers(-2, 3)), flipped=False)


def test_five_thousand_random_events_raise_nothing(
    make_app: Callable[..., App], tmp_path: Path
) -> None:
    app = make_app("ar")
    rng = np.random.default_rng(11)
    started = time.monotonic()
    slowest = 0.0
    left_the_lab = 0
    for batch in range(EVENTS // 10):
        if app.scene_name != "ai_lab":  # the monkey found the map or the play screen
            left_the_lab += 1
            level = LEVELS[left_the_lab % len(LEVELS)]
            app.goto("ai_lab", level_path=str(level), pack_id="ai")
        for _ in range(10):
            random_event(rng, app.size)
        before = time.perf_counter()
        app.step(1 / 30)
        slowest = max(slowest, time.perf_counter() - before)
        if batch == EVENTS // 20:
            app.set_lang("fr")
        assert app.failures == 0, (tmp_path / "roboblocs.log").read_text()
    assert time.monotonic() - started < 20
    assert left_the_lab < EVENTS // 50  # most of the time was spent in the lab
    assert slowest < 0.5
