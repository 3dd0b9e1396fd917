"""The App: scene stack, window size limits, full screen, the error net and screenshots."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pygame
import pytest

from game import app as app_module
from game.app import App, main
from game.scenes import SCENES
from game.ui.scene import Scene
from tests.ui.events import key, post

RED = (200, 30, 30)


class Recorder(Scene):
    """Remembers what the App asked of it, in order."""

    def __init__(self, app: App, **kwargs: Any) -> None:
        super().__init__(app)
        self.kwargs = kwargs
        self.calls: list[str] = []
        self.events: list[int] = []

    def enter(self) -> None:
        self.calls.append("enter")

    def leave(self) -> None:
        self.calls.append("leave")

    def handle(self, event: pygame.event.Event) -> bool:
        self.events.append(event.type)
        return True

    def draw(self, surface: pygame.Surface) -> None:
        self.calls.append("draw")
        surface.fill(RED)


class Overlay(Recorder):
    overlay = True

    def draw(self, surface: pygame.Surface) -> None:
        self.calls.append("draw")


class Broken(Recorder):
    def update(self, dt: float) -> None:
        raise ZeroDivisionError("a bug in a screen")


@pytest.fixture(autouse=True)
def test_scenes(monkeypatch: pytest.MonkeyPatch) -> None:
    for name, cls in (("a", Recorder), ("b", Recorder), ("overlay", Overlay), ("broken", Broken)):
        monkeypatch.setitem(SCENES, name, f"{__name__}:{cls.__name__}")
    monkeypatch.setitem(SCENES, "map", f"{__name__}:Recorder")


def test_goto_push_pop(make_app: Callable[..., App]) -> None:
    app = make_app()
    app.goto("a", level="x")
    first = app.scene
    assert isinstance(first, Recorder)
    assert first.kwargs == {"level": "x"}
    app.push("b")
    second = app.scene
    assert isinstance(second, Recorder) and second is not first
    assert first.calls == ["enter"]  # still open under the overlay
    app.pop()
    assert app.scene is first
    assert second.calls == ["enter", "leave"]
    assert first.calls == ["enter", "enter"]
    app.goto("b")
    assert first.calls[-1] == "leave"
    assert [name for name, _ in app.stack] == ["b"]


def test_only_the_top_scene_gets_events(make_app: Callable[..., App]) -> None:
    app = make_app()
    app.goto("a")
    below = app.scene
    app.push("b")
    key(pygame.K_a)
    app.step(0.016)
    assert isinstance(below, Recorder) and isinstance(app.scene, Recorder)
    assert pygame.KEYDOWN in app.scene.events
    assert below.events == []


def test_an_overlay_shows_the_screen_under_it(make_app: Callable[..., App]) -> None:
    app = make_app()
    app.goto("a")
    below = app.scene
    app.push("overlay")
    app.step(0.016)
    assert isinstance(below, Recorder)
    assert below.calls.count("draw") == 1
    app.push("b")  # a full screen hides everything under it
    app.step(0.016)
    assert below.calls.count("draw") == 1


@pytest.mark.parametrize(
    ("asked", "got"),
    [((500, 300), (1024, 600)), ((3000, 2000), (1920, 1080)), ((1366, 768), (1366, 768))],
)
def test_resize_is_clamped(
    make_app: Callable[..., App], asked: tuple[int, int], got: tuple[int, int]
) -> None:
    app = make_app()
    app.goto("a")
    post(pygame.VIDEORESIZE, w=asked[0], h=asked[1], size=asked)
    app.step(0.016)
    assert app.size == got
    assert pygame.display.get_surface().get_size() == got


def test_f11_toggles_full_screen_and_remembers_it(make_app: Callable[..., App]) -> None:
    app = make_app()
    app.goto("a")
    key(pygame.K_F11)
    app.step(0.016)
    assert app.fullscreen and app.settings.fullscreen
    assert pygame.display.get_surface().get_flags() & pygame.FULLSCREEN
    key(pygame.K_F11)
    app.step(0.016)
    assert not app.fullscreen
    assert not pygame.display.get_surface().get_flags() & pygame.FULLSCREEN
    assert app.size == app.windowed_size


def test_a_failing_screen_is_logged_and_the_game_goes_on(
    make_app: Callable[..., App], data_dir: Path
) -> None:
    app = make_app()
    app.goto("broken")
    app.step(0.016)
    log = (data_dir / "roboblocs.log").read_text(encoding="utf-8")
    assert "ZeroDivisionError: a bug in a screen" in log
    assert app.scene_name == "map"
    assert app.toasts  # the child was told gently
    app.step(0.016)  # and the game keeps running
    assert app.failures == 1


def test_a_screen_that_cannot_open_sends_the_child_to_safety(
    make_app: Callable[..., App], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(SCENES, "play", "game.scenes.no_such_module:Nothing")
    app = make_app()
    app.goto("a")
    app.scene.handle = lambda event: app.goto("play")  # type: ignore[method-assign, union-attr]
    key(pygame.K_p)
    app.step(0.016)
    assert app.scene_name == "map"
    assert app.failures == 1


def test_run_saves_the_last_frame(make_app: Callable[..., App], tmp_path: Path) -> None:
    app = make_app()
    app.goto("a")
    shot = tmp_path / "shots" / "a.png"
    app.run(frames=3, screenshot=str(shot))
    assert isinstance(app.scene, Recorder)
    assert app.scene.calls.count("draw") == 3
    image = pygame.image.load(str(shot))
    assert image.get_size() == app.size
    assert image.get_at((10, 10))[:3] == RED


def test_main_renders_the_welcome_screen_without_a_display(tmp_path: Path) -> None:
    shot = tmp_path / "welcome.png"
    assert main("ar", None, screenshot=str(shot), frames=2) == 0
    assert pygame.image.load(str(shot)).get_size() == (1280, 720)


def test_window_limits_follow_a_small_desktop(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(app_module, "_desktop_size", lambda: (1024, 576))
    assert app_module.clamp_size((800, 500)) == (1024, 576)


def test_command_line_opens_the_game_in_the_saved_language(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    from game.cli import main as cli_main
    from game.progress import Progress
    from game.settings import Settings, save_settings

    saved = Progress.open_default()
    save_settings(saved, Settings(lang="ar"))
    saved.close()
    languages: list[str] = []
    real_run = App.run

    def run(self: App, frames: int | None = None, screenshot: str | None = None) -> None:
        languages.append(self.lang)
        real_run(self, frames, screenshot)

    monkeypatch.setattr(App, "run", run)
    shot = tmp_path / "shot.png"
    assert cli_main(["--screenshot", str(shot)]) == 0
    assert cli_main(["--lang", "en", "--frames", "1"]) == 0
    assert languages == ["ar", "en"]
    assert pygame.image.load(str(shot)).get_size() == (1280, 720)


def test_closing_the_window_ends_the_loop_and_saves(make_app: Callable[..., App]) -> None:
    app = make_app()
    app.goto("a")
    scene = app.scene
    post(pygame.QUIT)
    app.run()  # no frame limit: only the QUIT event can end it
    assert not app.running
    app.close()
    assert isinstance(scene, Recorder) and scene.calls[-1] == "leave"


def test_a_first_screen_that_cannot_open_falls_back(
    make_app: Callable[..., App], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(SCENES, "play", "game.scenes.no_such_module:Nothing")
    app = make_app()
    app.start("play", level_path="x.yaml")
    assert app.scene_name == "map"
