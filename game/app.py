"""The game window: a stack of scenes, the main loop, and the net under every screen.

The App owns the window (resizable within `theme.MIN_SIZE`..`theme.MAX_SIZE`, F11 for full
screen), the language, the saves, the settings and the sounds. Screens are named and
created through `game.scenes.SCENES`, so they never import each other.

A child must never see a crash: an exception raised by a screen is written to
`<data dir>/roboblocs.log`, a gentle message appears and the game goes back to the map.
"""

from __future__ import annotations

import logging
import os
import time
import warnings
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

import pygame

from game.i18n import RTL_LANGUAGES, t
from game.progress import Progress, data_dir
from game.render.icons import icon
from game.scenes import RECOVERY, SCENES, scene_class
from game.settings import Settings, load_settings, save_settings
from game.ui import theme
from game.ui.scene import Scene
from game.ui.sound import Sound
from game.ui.widgets import Toast

log = logging.getLogger("roboblocs")
LOG_NAME = "roboblocs.log"
FPS = 60
T = TypeVar("T")


def clamp_size(size: tuple[int, int]) -> tuple[int, int]:
    """A window size inside the allowed range (smaller screens than the minimum are
    honoured: a 1024x576 netbook still gets its whole screen)."""
    low_w, low_h = theme.MIN_SIZE
    high_w, high_h = theme.MAX_SIZE
    desktop = _desktop_size()
    if desktop is not None:
        low_w, low_h = min(low_w, desktop[0]), min(low_h, desktop[1])
    return (max(low_w, min(size[0], high_w)), max(low_h, min(size[1], high_h)))


def _desktop_size() -> tuple[int, int] | None:
    try:
        sizes = pygame.display.get_desktop_sizes()
    except pygame.error:
        return None
    return sizes[0] if sizes and sizes[0][0] > 0 else None


class App:
    """The running game; scenes reach everything through it (`scene.app`)."""

    def __init__(
        self,
        progress: Progress,
        settings: Settings | None = None,
        size: tuple[int, int] = theme.DEFAULT_SIZE,
    ) -> None:
        self.progress = progress
        self.settings = settings if settings is not None else load_settings(progress)
        self.log_path = data_dir() / LOG_NAME
        self._log_handler = _file_handler(self.log_path)
        pygame.display.init()
        pygame.font.init()
        pygame.key.set_repeat(400, 35)
        self.windowed_size = clamp_size(size)
        self.fullscreen = self.settings.fullscreen
        pygame.display.set_icon(icon("robot", 64))
        self.surface = self._open_window()
        pygame.display.set_caption(t("shell.title", self.lang))
        self.sound = Sound(muted=not self.settings.sound_on)
        self.clock = pygame.time.Clock()
        self.stack: list[tuple[str, Scene]] = []
        self.toasts: list[Toast] = []
        self.running = False
        self.failures = 0

    # -- language and settings -------------------------------------------------------

    @property
    def lang(self) -> str:
        return self.settings.lang

    @property
    def rtl(self) -> bool:
        return self.settings.lang in RTL_LANGUAGES

    @property
    def text_scale(self) -> float:
        return self.settings.text_scale

    @property
    def size(self) -> tuple[int, int]:
        return self.surface.get_size()

    def set_lang(self, lang: str) -> None:
        """Switch language now: every screen of the stack lays itself out again."""
        self.settings.lang = lang
        pygame.display.set_caption(t("shell.title", lang))
        self.save_settings()
        self._resize_scenes()

    def set_sound(self, on: bool) -> None:
        self.settings.sound_on = on
        self.sound.muted = not on
        self.save_settings()

    def save_settings(self) -> None:
        self.try_save(lambda: save_settings(self.progress, self.settings))

    def try_save(self, write: Callable[[], T]) -> T | None:
        """Run a save; a failing disk is logged and told gently, never a crash."""
        try:
            return write()
        except Exception:
            log.exception("saving failed")
            self.toast(t("shell.save_failed", self.lang))
            return None

    # -- window --------------------------------------------------------------------

    def _open_window(self) -> pygame.Surface:
        if self.fullscreen:
            return pygame.display.set_mode((0, 0), pygame.FULLSCREEN)
        surface = pygame.display.set_mode(self.windowed_size, pygame.RESIZABLE)
        _limit_window_size()
        return surface

    def resize(self, size: tuple[int, int]) -> None:
        """The player resized the window: clamp it and let every scene lay itself out."""
        if self.fullscreen:
            return
        wanted = clamp_size(size)
        self.windowed_size = wanted
        if self.surface.get_size() != wanted:
            self.surface = pygame.display.set_mode(wanted, pygame.RESIZABLE)
        self._resize_scenes()

    def toggle_fullscreen(self) -> None:
        self.fullscreen = not self.fullscreen
        self.surface = self._open_window()
        self.settings.fullscreen = self.fullscreen
        self.save_settings()
        self._resize_scenes()

    def _resize_scenes(self) -> None:
        for _, scene in list(self.stack):
            self._safely(scene.resize, self.surface.get_size())

    # -- scenes --------------------------------------------------------------------

    @property
    def scene(self) -> Scene | None:
        return self.stack[-1][1] if self.stack else None

    @property
    def scene_name(self) -> str | None:
        return self.stack[-1][0] if self.stack else None

    def _make(self, target: str | Scene, kwargs: dict[str, Any]) -> tuple[str, Scene]:
        if isinstance(target, Scene):
            return type(target).__name__, target
        return target, scene_class(target)(self, **kwargs)

    def goto(self, target: str | Scene, **kwargs: Any) -> None:
        """Replace every open screen by `target` (a registered name or a scene)."""
        name, scene = self._make(target, kwargs)
        self._leave_all()
        self._enter(name, scene)

    def start(self, name: str, **kwargs: Any) -> None:
        """Open the first screen; if it cannot open, go somewhere safe like after a failure."""
        try:
            self.goto(name, **kwargs)
        except Exception:
            self._failed()

    def push(self, target: str | Scene, **kwargs: Any) -> None:
        """Open `target` above the current screen (a dialog); `pop` closes it."""
        self._enter(*self._make(target, kwargs))

    def pop(self) -> None:
        """Close the top screen and give the one under it the keyboard back."""
        if not self.stack:
            return
        _, scene = self.stack.pop()
        self._safely(scene.leave)
        if self.scene is not None:
            self._safely(self.scene.resize, self.size)
            self._safely(self.scene.enter)

    def _enter(self, name: str, scene: Scene) -> None:
        self.stack.append((name, scene))
        scene.resize(self.size)
        scene.enter()

    # -- the net -------------------------------------------------------------------

    def toast(self, text: str) -> None:
        """Show a short gentle message at the bottom of the screen."""
        self.toasts = [*self.toasts[-2:], Toast(text, self.lang)]

    def _safely(self, action: Callable[..., T], *args: Any) -> T | None:
        try:
            return action(*args)
        except Exception:
            self._failed()
            return None

    def _failed(self) -> None:
        """Log what broke, tell the child gently and go somewhere safe."""
        broken = self.scene_name
        log.exception("screen %r failed", broken)
        self.failures += 1
        self.toast(t("shell.oops", self.lang))
        for name in RECOVERY:
            if name not in SCENES or name == broken:
                continue
            try:
                self.goto(name)
                return
            except Exception:
                log.exception("could not open %r after a failure", name)
        self.stack.clear()

    # -- main loop -----------------------------------------------------------------

    def handle(self, event: pygame.event.Event) -> None:
        """Window-wide keys first (quit, resize, F11), then the top screen."""
        if event.type == pygame.QUIT:
            self.running = False
        elif event.type == pygame.VIDEORESIZE:
            self.resize((event.w, event.h))
        elif event.type == pygame.KEYDOWN and event.key == pygame.K_F11:
            self.toggle_fullscreen()
        elif self.scene is not None:
            self._safely(self.scene.handle, event)

    def step(self, dt: float) -> None:
        """One frame: events, update, draw, flip."""
        for event in pygame.event.get():
            self.handle(event)
        if self.scene is not None:
            self._safely(self.scene.update, dt)
        self.draw()
        pygame.display.flip()

    def draw(self) -> None:
        """Draw from the last full screen upwards, so dialogs show what is under them."""
        self.surface.fill(theme.BACKGROUND)
        first = 0
        for index, (_, scene) in enumerate(self.stack):
            if not scene.overlay:
                first = index
        for _, scene in self.stack[first:]:
            self._safely(scene.draw, self.surface)
        now = time.monotonic()
        self.toasts = [toast for toast in self.toasts if toast.alive(now)]
        for rank, toast in enumerate(reversed(self.toasts)):
            toast.draw(self.surface, rank, self.text_scale)

    def run(self, frames: int | None = None, screenshot: str | None = None) -> None:
        """The main loop at up to 60 frames a second, until the window is closed; with
        `frames`, stop after that many and save the last one as PNG to `screenshot`."""
        self.running = True
        drawn = 0
        while self.running and (frames is None or drawn < frames):
            self.step(self.clock.tick(FPS) / 1000.0)
            drawn += 1
        if screenshot is not None:
            Path(screenshot).parent.mkdir(parents=True, exist_ok=True)
            pygame.image.save(self.surface, screenshot)
        self.running = False

    def close(self) -> None:
        """Let every screen save its work, then release the window and the log file."""
        self._leave_all()
        if self._log_handler is not None:
            log.removeHandler(self._log_handler)
            self._log_handler.close()
            self._log_handler = None
        pygame.display.quit()

    def _leave_all(self) -> None:
        """Close every screen, top first; a screen that fails to close is only logged (this
        runs while recovering from failures, so it must not fail itself)."""
        while self.stack:
            _, scene = self.stack.pop()
            try:
                scene.leave()
            except Exception:
                log.exception("leaving a screen failed")


def _limit_window_size() -> None:
    """Tell the window manager the allowed range, so dragging stops at the limits."""
    try:
        with warnings.catch_warnings():  # pygame-ce prefers Window objects; this one is fine
            warnings.simplefilter("ignore", DeprecationWarning)
            window = pygame.Window.from_display_module()
        window.minimum_size = clamp_size(theme.MIN_SIZE)
        window.maximum_size = theme.MAX_SIZE
    except (pygame.error, AttributeError, ValueError):
        pass


def _file_handler(path: Path) -> logging.Handler | None:
    """Errors go to the log file in the data folder; an unwritable folder only loses the
    log (Python then prints errors on the terminal)."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handler = logging.FileHandler(path, encoding="utf-8")
    except OSError:
        return None
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(message)s"))
    log.addHandler(handler)
    log.setLevel(logging.INFO)
    return handler


def main(
    lang: str | None = None,
    fullscreen: bool | None = None,
    screenshot: str | None = None,
    frames: int | None = None,
    start: str = "welcome",
    **kwargs: Any,
) -> int:
    """Open the game on `start` (the welcome screen). `lang` and `fullscreen` override the
    saved settings for this run only when given. With `screenshot`, draw `frames` frames
    (default 1) without needing a display, save the last one as PNG and return."""
    if screenshot is not None or frames is not None:
        os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
        os.environ.setdefault("SDL_AUDIODRIVER", "dummy")
    progress = Progress.open_default()
    settings = load_settings(progress)
    if lang is not None:
        settings.lang = lang
    if fullscreen is not None:
        settings.fullscreen = fullscreen
    app = App(progress, settings)
    try:
        app.start(start, **kwargs)
        app.run(frames if frames is not None else (1 if screenshot else None), screenshot)
    except Exception:  # the net under the net: the loop itself broke
        log.exception("the game stopped")
        return 1
    finally:
        app.close()
        progress.close()
    return 0
