"""One screen of the game: the App sends it events, time and a surface to draw on.

The App keeps a stack of scenes: `goto` replaces the whole stack, `push` opens an overlay
(a dialog) above the current screen and `pop` closes it. Only the top scene receives
events and updates; every scene of the stack is drawn, bottom first, so a dialog shows
the screen under it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import pygame

if TYPE_CHECKING:
    from game.app import App


class Scene:
    """Base class: override what the screen needs. Drawing never changes game state."""

    # An overlay lets the scenes under it be drawn (dialogs); a full screen hides them.
    overlay = False

    def __init__(self, app: App, **kwargs: Any) -> None:
        self.app = app

    def enter(self) -> None:
        """Called when the scene becomes the top of the stack."""

    def leave(self) -> None:
        """Called when the scene is removed from the stack (save work here)."""

    def handle(self, event: pygame.event.Event) -> bool:
        """React to one event; True when handled (it then goes no further)."""
        return False

    def update(self, dt: float) -> None:
        """Advance animations by `dt` seconds."""

    def draw(self, surface: pygame.Surface) -> None:
        """Draw the scene on the whole window surface."""

    def resize(self, size: tuple[int, int]) -> None:
        """The window changed size: recompute the layout."""
