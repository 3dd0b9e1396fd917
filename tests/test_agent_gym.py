"""The environment as a real Gymnasium environment (only when the optional extra is there)."""

from __future__ import annotations

import warnings
from pathlib import Path

import pytest

from tests.conftest import make_level

gymnasium = pytest.importorskip("gymnasium")

from gymnasium.utils.env_checker import check_env  # noqa: E402

from game.agent.gym_env import ENV_ID, RoboBlocsEnv  # noqa: E402

MAP = """
    #######
    #>.*..#
    #.~.#F#
    #######
"""


def test_check_env_passes_without_a_single_warning() -> None:
    level = make_level(MAP, goals="[collect_gems, reach_goal]")
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        env = gymnasium.make(ENV_ID, level=level)
        check_env(env.unwrapped)


def test_a_random_walk_stays_inside_the_spaces_and_ends() -> None:
    env = RoboBlocsEnv(make_level(MAP, goals="[collect_gems, reach_goal]"), max_episode_steps=50)
    observation, _ = env.reset(seed=4)
    env.action_space.seed(4)
    for _ in range(200):
        observation, reward, terminated, truncated, info = env.step(env.action_space.sample())
        assert env.observation_space.contains(observation)
        assert isinstance(reward, float)
        if terminated or truncated:
            assert terminated == (info["ending"] is not None)
            observation, _ = env.reset()
            assert observation == 0


def test_make_accepts_a_level_file_and_refuses_a_broken_one(tmp_path: Path) -> None:
    good = tmp_path / "good.yaml"
    good.write_text(
        "format: 1\nid: g\ntitle: G\nmap: '#>.F#'\ngoals: [reach_goal]\nblocks: [forward]\n",
        encoding="utf-8",
    )
    env = gymnasium.make(ENV_ID, level=str(good))
    assert env.observation_space.n == 3 and env.action_space.n == 1
    bad = tmp_path / "bad.yaml"
    bad.write_text("format: 1\n", encoding="utf-8")
    with pytest.raises(ValueError):
        RoboBlocsEnv(bad)
