"""The registry of screens: scenes never import each other, they ask the App for a name.

Each entry is "module:Class", imported only when the screen is first opened, so starting the
game loads only the welcome screen's code. Each screen's owner adds its own line.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from game.ui.scene import Scene

SCENES: dict[str, str] = {
    "welcome": "game.scenes.welcome:Welcome",
    "map": "game.scenes.level_map:LevelMap",
    "settings": "game.scenes.settings:SettingsScene",
    "placeholder": "game.scenes.placeholder:Placeholder",
    "play": "game.scenes.play:PlayScene",
    "ai_lab": "game.scenes.ai_lab:AiLab",
}

# Where the App goes after a screen failed: the first one registered of these.
RECOVERY: tuple[str, ...] = ("map", "welcome", "placeholder")


def scene_class(name: str) -> type[Scene]:
    """The class registered under `name` (KeyError for an unknown name)."""
    module, _, attribute = SCENES[name].partition(":")
    found: type[Scene] = getattr(importlib.import_module(module), attribute)
    return found
