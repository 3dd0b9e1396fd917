"""The environment as a real `gymnasium.Env`, for people who bring their own agents.

Gymnasium is an optional extra (`pip install roboblocs[ai]`): it costs import time and
space on the centres' old computers, and the game does not need it. This module is the only
one that imports it. Everything is delegated to the pure GridEnv.
"""

from __future__ import annotations

from pathlib import Path

import gymnasium as gym
import numpy as np
from gymnasium import spaces

from game.agent.env import GridEnv, Info
from game.agent.rewards import Rewards
from game.levels import Level, read_level


class RoboBlocsEnv(gym.Env[np.int64, np.int64]):
    """One map of a level; observations are state numbers, actions the level's actions."""

    def __init__(
        self,
        level: Level | str | Path,
        board_index: int = 0,
        rewards: Rewards | None = None,
        max_episode_steps: int | None = None,
    ) -> None:
        self.metadata = {"render_modes": []}  # drawing is the game's job, not the env's
        self.core = GridEnv(_level(level), board_index, rewards, max_episode_steps)
        self.observation_space = spaces.Discrete(self.core.observation_space.n)
        self.action_space = spaces.Discrete(self.core.action_space.n)

    def reset(
        self, *, seed: int | None = None, options: Info | None = None
    ) -> tuple[np.int64, Info]:
        super().reset(seed=seed)
        observation, info = self.core.reset(seed=seed, options=options)
        return np.int64(observation), info

    def step(self, action: np.int64) -> tuple[np.int64, float, bool, bool, Info]:
        observation, reward, terminated, truncated, info = self.core.step(int(action))
        return np.int64(observation), reward, terminated, truncated, info


def _level(level: Level | str | Path) -> Level:
    """A level, or the path of a well-formed level file (ValueError otherwise)."""
    if isinstance(level, Level):
        return level
    checked = read_level(level)
    if checked.level is None or not checked.ok:
        raise ValueError(f"{level}: not a well-formed level (python main.py validate {level})")
    return checked.level


ENV_ID = "RoboBlocs-v0"
gym.register(id=ENV_ID, entry_point="game.agent.gym_env:RoboBlocsEnv")
