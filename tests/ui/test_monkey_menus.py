"""A monkey at the mouse and keyboard: thousands of random clicks, drags, wheel turns, keys
and typed letters on each menu screen must never break one (the App's safety net counts
every exception a screen raises, so the count must stay at zero)."""

from __future__ import annotations

import random
from collections.abc import Callable, Iterator
from pathlib import Path

import pygame
import pytest

from game.app import App
from game.progress import data_dir
from game.scenes.welcome import Welcome
from tests.level_files import write_pack
from tests.ui.events import post
from tests.ui.menus import frames, menu_app

EVENTS = 5000
PER_FRAME = 25
MENUS = {"welcome", "map", "settings"}
KEYS = (
    pygame.K_TAB,
    pygame.K_LEFT,
    pygame.K_RIGHT,
    pygame.K_UP,
    pygame.K_DOWN,
    pygame.K_RETURN,
    pygame.K_SPACE,
    pygame.K_ESCAPE,
    pygame.K_BACKSPACE,
    pygame.K_PAGEUP,
    pygame.K_PAGEDOWN,
    pygame.K_HOME,
    pygame.K_END,
    pygame.K_u,
    pygame.K_a,
    pygame.K_F11,
)
MODS = (0, 0, 0, pygame.KMOD_SHIFT, pygame.KMOD_CTRL | pygame.KMOD_SHIFT)
LETTERS = "aZé5 سلمى\u064e!"


@pytest.fixture
def app(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[App]:
    yield from menu_app(tmp_path, monkeypatch)


def random_event(rng: random.Random, size: tuple[int, int]) -> None:
    """Post one random input (a drag posts its three parts)."""

    def spot() -> tuple[int, int]:
        return rng.randrange(size[0]), rng.randrange(size[1])

    kind = rng.choice(("click", "click", "click", "drag", "move", "wheel", "key", "key", "type"))
    if kind == "click":
        where = spot()
        post(pygame.MOUSEBUTTONDOWN, button=rng.choice((1, 1, 1, 3)), pos=where)
        post(pygame.MOUSEBUTTONUP, button=1, pos=where)
    elif kind == "drag":
        start, end = spot(), spot()
        post(pygame.MOUSEBUTTONDOWN, button=1, pos=start)
        post(
            pygame.MOUSEMOTION,
            pos=end,
            rel=(end[0] - start[0], end[1] - start[1]),
            buttons=(1, 0, 0),
        )
        post(pygame.MOUSEBUTTONUP, button=1, pos=end)
    elif kind == "move":
        post(pygame.MOUSEMOTION, pos=spot(), rel=(1, 1), buttons=(0, 0, 0))
    elif kind == "wheel":
        dy = rng.choice((-3, -1, 1, 3))
        post(pygame.MOUSEWHEEL, x=0, y=dy, flipped=False, precise_x=0.0, precise_y=float(dy))
    elif kind == "key":
        code, mod = rng.choice(KEYS), rng.choice(MODS)
        post(pygame.KEYDOWN, key=code, mod=mod, unicode="", scancode=0)
        post(pygame.KEYUP, key=code, mod=mod, unicode="", scancode=0)
    else:
        post(pygame.TEXTINPUT, text=rng.choice(LETTERS))


def open_new_player(app: App) -> None:
    app.goto("welcome")
    assert isinstance(app.scene, Welcome)
    app.scene.start_new()


def open_settings(app: App) -> None:
    app.goto("map")
    app.push("settings")


OPENERS: dict[str, Callable[[App], None]] = {
    "welcome": lambda app: app.goto("welcome"),
    "new player": open_new_player,
    "map": lambda app: app.goto("map"),
    "settings": open_settings,
}


@pytest.mark.parametrize("screen", list(OPENERS))
def test_random_input_never_breaks_a_menu(app: App, screen: str) -> None:
    for n in range(12):
        app.progress.add_profile(f"Enfant {n}", n)
    app.progress.record_result("basics", "one", 2)
    write_pack(data_dir() / "levels", "broken", "broken", {"x.yaml": "id: [\n"})
    rng = random.Random(f"monkey {screen}")
    OPENERS[screen](app)
    for n in range(EVENTS):
        random_event(rng, app.size)
        if n % PER_FRAME == PER_FRAME - 1:
            frames(app)
            if app.scene_name not in MENUS:  # went on to a level: come back
                OPENERS[screen](app)
    frames(app)
    assert app.failures == 0, (data_dir() / "roboblocs.log").read_text(encoding="utf-8")
