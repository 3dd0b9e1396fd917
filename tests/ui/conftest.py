"""Headless pygame for the window tests: dummy video and audio drivers, saves and logs in a
fresh folder for every test, and an App that is closed afterwards."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from pathlib import Path

os.environ["SDL_VIDEODRIVER"] = "dummy"
os.environ["SDL_AUDIODRIVER"] = "dummy"
os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")

import pygame
import pytest

from game.app import App
from game.progress import Progress
from game.settings import Settings


@pytest.fixture(autouse=True)
def data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("ROBOBLOCS_DATA_DIR", str(tmp_path))
    return tmp_path


@pytest.fixture
def make_app() -> Iterator[Callable[..., App]]:
    """Call `make_app(lang="ar")` for an App on in-memory saves; closed after the test."""
    opened: list[App] = []

    def make(lang: str = "fr", **settings: object) -> App:
        app = App(Progress(None), Settings(lang=lang, **settings))  # type: ignore[arg-type]
        opened.append(app)
        return app

    yield make
    for app in opened:
        app.close()
    pygame.quit()
