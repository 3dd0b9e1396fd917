"""The grid world as a learning environment with the Gymnasium API, without Gymnasium.

`reset(seed=...)` returns (observation, info); `step(action)` returns (observation,
reward, terminated, truncated, info). Observations are state numbers (states.py) and
actions are the level's action blocks, both `Discrete`. A try ends (`terminated`) on
success, crash, fall or a pick-up with no gem; it is cut short (`truncated`) after
`max_episode_steps` actions. `game.agent.gym_env` wraps this class as a real
`gymnasium.Env` when Gymnasium is installed; the core stays importable without it.

Rewards are a table [state, action] rebuilt whenever a child paints a treat or a trap on
a cell (`set_cell_reward`), so a step is a few array look-ups.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np
import numpy.typing as npt

from game.agent.rewards import Rewards
from game.agent.states import ENDINGS, GO_ON, StateSpace, explore
from game.levels import Level
from game.solver import palette_actions
from game.world.board import State

Info = dict[str, Any]


@dataclass(frozen=True, slots=True)
class Discrete:
    """The integers 0 .. n-1, like `gymnasium.spaces.Discrete` (start 0)."""

    n: int

    def contains(self, value: object) -> bool:
        return isinstance(value, int | np.integer) and 0 <= int(value) < self.n

    def sample(self, rng: np.random.Generator) -> int:
        return int(rng.integers(self.n))


class GridEnv:
    """One map of a level as an environment; `board_index` picks a variant (0: `map`)."""

    def __init__(
        self,
        level: Level,
        board_index: int = 0,
        rewards: Rewards | None = None,
        max_episode_steps: int | None = None,
    ) -> None:
        self.level = level
        self.board_index = board_index
        self.space: StateSpace = explore(
            level.boards[board_index], level.goals, palette_actions(level)
        )
        self.rewards = rewards if rewards is not None else Rewards.of_level(level)
        self.max_episode_steps = max_episode_steps or level.max_steps
        self.observation_space = Discrete(self.space.size)
        self.action_space = Discrete(len(self.space.actions))
        board = self.space.board
        # One slot per map cell, and a last one for "no cell entered" (NO_CELL == -1).
        self.cell_rewards: npt.NDArray[np.float64] = np.zeros(board.width * board.height + 1)
        self.reward = self._reward_table()
        self.np_random = np.random.default_rng()
        self._state = 0
        self._steps = 0

    @property
    def actions(self) -> tuple[str, ...]:
        return self.space.actions

    def set_rewards(self, rewards: Rewards) -> None:
        self.rewards = rewards
        self.reward = self._reward_table()

    def set_cell_reward(self, x: int, y: int, value: float) -> None:
        """A treat (> 0) or a trap (< 0) paid each time the robot steps onto cell (x, y)."""
        self.cell_rewards[y * self.space.board.width + x] = value
        self.reward = self._reward_table()

    def clear_cell_rewards(self) -> None:
        self.cell_rewards[:] = 0.0
        self.reward = self._reward_table()

    def _reward_table(self) -> npt.NDArray[np.float64]:
        paid = self.rewards
        by_ending = np.array([0.0, paid.flag, paid.crash, paid.fall, paid.no_gem])
        space = self.space
        table = paid.step + by_ending[space.ending] + paid.gem * space.picked
        table += self.cell_rewards[space.entered]
        return np.ascontiguousarray(table, dtype=np.float64)

    def reset(self, *, seed: int | None = None, options: Info | None = None) -> tuple[int, Info]:
        """Back to the start. The world itself has no chance in it; `seed` seeds
        `np_random`, which only `action_space.sample` users need."""
        if seed is not None:
            self.np_random = np.random.default_rng(seed)
        self._state = 0
        self._steps = 0
        return 0, self._info(None)

    def step(self, action: int) -> tuple[int, float, bool, bool, Info]:
        if not self.action_space.contains(action):
            raise ValueError(f"action {action!r} is not in {self.action_space}")
        before = self._state
        self._state = int(self.space.next_state[before, action])
        self._steps += 1
        ending = int(self.space.ending[before, action])
        terminated = ending != GO_ON
        truncated = not terminated and self._steps >= self.max_episode_steps
        reward = float(self.reward[before, action])
        return self._state, reward, terminated, truncated, self._info(ENDINGS[ending])

    def _info(self, ending: str | None) -> Info:
        return {"ending": ending, "steps": self._steps}

    def state(self, number: int | None = None) -> State:
        """The world state behind an observation (the current one by default)."""
        return self.space.states[self._state if number is None else number]
