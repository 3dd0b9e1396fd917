"""What the menu screens' tests share: a game with known packs on saves in a fresh folder,
stand-ins for the play and AI screens, and ways to find and click widgets."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any, TypeVar

import pygame
import pytest

import game.catalog
from game.app import App
from game.progress import DB_NAME, Progress
from game.scenes import SCENES
from game.settings import Settings
from game.ui.scene import Scene
from game.ui.widgets import Widget
from tests.level_files import level_yaml, write_pack
from tests.ui.events import click

W = TypeVar("W", bound=Widget)


class Stub(Scene):
    """Stands for the play and AI screens: remembers how it was opened."""

    def __init__(self, app: App, **kwargs: Any) -> None:
        super().__init__(app)
        self.kwargs = kwargs


def menu_app(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, lang: str = "fr") -> Iterator[App]:
    """A game whose own levels are a "basics" pack of three and an "ai" pack of one, with
    saves in a file of the test's folder (the data folder is set by conftest)."""
    game_levels = tmp_path / "game-levels"
    write_pack(
        game_levels,
        "basics",
        "basics",
        {"1.yaml": level_yaml("one"), "2.yaml": level_yaml("two"), "3.yaml": level_yaml("three")},
    )
    write_pack(game_levels, "ai", "ai", {"maze.yaml": level_yaml("maze")})
    monkeypatch.setattr(game.catalog, "REPO_LEVELS", game_levels)
    for name in ("play", "ai_lab"):
        monkeypatch.setitem(SCENES, name, f"{__name__}:Stub")
    progress = Progress(tmp_path / DB_NAME)
    app = App(progress, Settings(lang=lang))
    yield app
    app.close()
    progress.close()
    pygame.quit()


def frames(app: App, count: int = 1) -> None:
    """Let the game run `count` frames: queued events are handled, the screen drawn."""
    for _ in range(count):
        app.step(1 / 60)


def widgets(app: App, kind: type[W], where: Callable[[W], bool] = lambda _: True) -> list[W]:
    """The top screen's widgets of a kind (and passing `where`), as the player sees them."""
    group = getattr(app.scene, "group", None)
    found = group.widgets if group is not None else []
    return [w for w in found if isinstance(w, kind) and where(w)]


def one(app: App, kind: type[W], where: Callable[[W], bool] = lambda _: True) -> W:
    found = widgets(app, kind, where)
    assert len(found) == 1, f"expected one {kind.__name__}, found {len(found)}"
    return found[0]


def click_on(app: App, widget: Widget) -> None:
    """Click the middle of a widget as a player would, then let a frame pass."""
    click(widget.rect.center)
    frames(app)
