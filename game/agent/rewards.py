"""What the learning robot earns for each kind of event, read from a level's `ai` key.

The names, defaults and bounds are declared once with the level fields (`AI_SETTINGS`),
so the validator, the schema, the docs and the agent agree.
"""

from __future__ import annotations

from dataclasses import dataclass

from game.level_fields import AI_SETTINGS
from game.levels import Level

DEFAULTS: dict[str, float] = {setting.name: setting.default for setting in AI_SETTINGS}


@dataclass(frozen=True, slots=True)
class Rewards:
    """Rewards per event; `step` is paid on every action, including the last one."""

    flag: float = DEFAULTS["flag"]
    gem: float = DEFAULTS["gem"]
    step: float = DEFAULTS["step"]
    crash: float = DEFAULTS["crash"]
    fall: float = DEFAULTS["fall"]
    no_gem: float = DEFAULTS["no_gem"]

    @classmethod
    def of_level(cls, level: Level) -> Rewards:
        values = {name: float(value) for name, value in level.ai.items() if name != "episodes"}
        return cls(**values)


def episodes_of(level: Level) -> int:
    """How many episodes `train` runs on this level when none are asked for."""
    return int(level.ai.get("episodes", DEFAULTS["episodes"]))
