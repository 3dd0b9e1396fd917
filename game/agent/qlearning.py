"""Tabular Q-learning on a GridEnv, one episode at a time, deterministic from a seed.

Each step is the textbook update  Q[s, a] += alpha * (r + gamma * max Q[s'] - Q[s, a])
(no bootstrap past the end of a try), with an epsilon-greedy choice whose ties go to the
first action, as `numpy.argmax` does. Random numbers come from a seeded
`numpy.random.Generator`, two per step, drawn in blocks. Same seed, same level, same
settings: the same numbers, bit for bit.

Why it is fast: the environment's moves and rewards are precomputed tables (states.py);
the hot loop indexes them as Python lists, keeps every state's best value and action up to
date instead of re-scanning rows, and works on the Q-table as Python floats (IEEE doubles,
the same arithmetic as float64). Readers get the table as a numpy array (`q`, [state,
action]), rebuilt only when it changed since the last read.

Learning settings (`Params`) may change between episodes (the AI lab's sliders); each
episode reads them when it starts, then epsilon decays.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from dataclasses import dataclass
from typing import NamedTuple

import numpy as np
import numpy.typing as npt

from game.agent.env import GridEnv
from game.agent.states import ENDINGS, GO_ON

RANDOM_BLOCK = 4096  # uniform numbers drawn at a time (two per step)
Move = tuple[int, float, int]  # next state, reward, ending code


@dataclass
class Params:
    """How the robot learns: step size, foresight, curiosity and how curiosity fades."""

    alpha: float = 0.5
    gamma: float = 0.95
    epsilon: float = 1.0
    epsilon_decay: float = 0.99
    epsilon_min: float = 0.05


class Episode(NamedTuple):
    """One try: `ending` is success, crashed, fell, no_gem, or out_of_steps when cut short.

    `path` holds the state numbers the robot went through, start included, when the try
    was recorded (for the AI lab to replay it); it is empty otherwise. (A named tuple:
    thousands are made a second, and a frozen dataclass costs several times more.)
    """

    number: int
    steps: int
    reward: float
    ending: str
    epsilon: float
    path: tuple[int, ...] = ()

    @property
    def success(self) -> bool:
        return self.ending == "success"


class QLearner:
    """A Q-table learning on one environment; `run_episode` trains one more try."""

    def __init__(self, env: GridEnv, seed: int = 0, params: Params | None = None) -> None:
        self.env = env
        self.seed = seed
        self.params = params if params is not None else Params()
        self.history: list[Episode] = []
        self.rng = np.random.default_rng(seed)
        self._pairs = itertools.chain.from_iterable(self._random_blocks())
        self._moves_of: object = None
        self._move_list: list[Move] = []
        self._q_array: npt.NDArray[np.float64] | None = None
        self.forget()

    def forget(self) -> None:
        """Back to a robot that knows nothing (the random stream goes on)."""
        states, actions = self.env.observation_space.n, self.env.action_space.n
        self._q = [0.0] * (states * actions)
        self._q_array = None
        self._visits = [0] * states
        self._best_value = [0.0] * states
        self._best_action = [0] * states
        self.history.clear()

    @property
    def q(self) -> npt.NDArray[np.float64]:
        """The Q-table [state, action] (read-only: the robot changes it by learning)."""
        if self._q_array is None:
            table = np.array(self._q, dtype=np.float64).reshape(-1, self.env.action_space.n)
            table.flags.writeable = False
            self._q_array = table
        return self._q_array

    @property
    def visits(self) -> npt.NDArray[np.int64]:
        """How many times the robot has been in each state, over all its tries."""
        return np.array(self._visits, dtype=np.int64)

    def greedy(self, state: int) -> int:
        """The action the robot prefers in `state` (the first one on a tie)."""
        return self._best_action[state]

    def run(self, episodes: int) -> list[Episode]:
        return [self.run_episode() for _ in range(episodes)]

    def run_episode(self, record: bool = False) -> Episode:
        """One try from the start, learning at every step; then epsilon decays.

        With `record`, the states visited are kept in the episode (a little slower)."""
        params = self.params
        epsilon = params.epsilon
        path = [0] if record else None
        steps, total, ending = self._episode(params.alpha, params.gamma, epsilon, path)
        self._q_array = None
        params.epsilon = max(params.epsilon_min, epsilon * params.epsilon_decay)
        name = ENDINGS[ending] or "out_of_steps"
        episode = Episode(len(self.history) + 1, steps, total, name, epsilon, tuple(path or ()))
        self.history.append(episode)
        return episode

    def success_rate(self, last: int = 100) -> float:
        """Share of successful tries among the last `last` (all of them if fewer)."""
        recent = self.history[-last:]
        return sum(e.success for e in recent) / len(recent) if recent else 0.0

    def _random_blocks(self) -> Iterator[Iterator[tuple[float, float]]]:
        """Blocks of (explore?, which action) uniform pairs; chained into one endless stream."""
        while True:
            block = self.rng.random(RANDOM_BLOCK).tolist()
            yield zip(block[0::2], block[1::2], strict=True)

    def _moves(self) -> list[Move]:
        """(next state, reward, ending) at [state * n_actions + action], as Python values.

        Rebuilt only when the environment's reward table is replaced (a painted cell, new
        rewards); a list of tuples is the fastest thing for the loop to index.
        """
        env = self.env
        if self._moves_of is not env.reward:
            columns = (env.space.next_state, env.reward, env.space.ending)
            self._move_list = list(zip(*(c.ravel().tolist() for c in columns), strict=True))
            self._moves_of = env.reward
        return self._move_list

    def _episode(
        self, alpha: float, gamma: float, epsilon: float, path: list[int] | None
    ) -> tuple[int, float, int]:
        """The hot loop, written flat on purpose: each line runs millions of times."""
        moves = self._moves()
        n = self.env.action_space.n
        q, visits = self._q, self._visits
        best_value, best_action = self._best_value, self._best_action
        state, total, ending, steps = 0, 0.0, GO_ON, 0
        visits[0] += 1
        for explore, pick in itertools.islice(self._pairs, self.env.max_episode_steps):
            action = int(pick * n) if explore < epsilon else best_action[state]
            i = state * n + action
            after, reward, ending = moves[i]
            value = q[i]
            value += alpha * ((reward if ending else reward + gamma * best_value[after]) - value)
            q[i] = value
            best = best_value[state]
            if value > best or (value == best and action < best_action[state]):
                best_value[state], best_action[state] = value, action
            elif value < best and action == best_action[state]:
                row = q[i - action : i - action + n]
                best_value[state] = top = max(row)
                best_action[state] = row.index(top)
            visits[after] += 1
            if path is not None:
                path.append(after)
            total += reward
            steps += 1
            state = after
            if ending:
                break
        return steps, total, ending
