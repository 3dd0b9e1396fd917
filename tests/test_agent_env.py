"""The learning environment: its states, its tables and its Gymnasium-shaped API."""

from __future__ import annotations

import pytest

from game.agent.env import GridEnv
from game.agent.rewards import Rewards, episodes_of
from game.agent.states import ENDINGS, Untrainable, explore
from game.solver import palette_actions
from game.world.rules import act, goals_met
from tests.conftest import make_level
from tests.test_architecture import ROOT, imported_in_fresh_process

CORRIDOR = """
    #######
    #>..F.#
    #######
"""

# Gems, a crate, water and walls: every rule of the world shows up in the tables.
MIXED = """
    #######
    #>*.~.#
    #.B.*.#
    #..F..#
    #######
"""


def corridor_env() -> GridEnv:
    return GridEnv(make_level(CORRIDOR, blocks="[forward, turn_left, turn_right]"))


def test_states_are_numbered_from_the_start_and_include_where_a_try_ends() -> None:
    level = make_level(CORRIDOR, blocks="[forward]")
    space = explore(level.boards[0], level.goals, palette_actions(level))
    # forward only: the start, two floor cells, the flag; nothing else is reachable.
    assert space.size == 4
    assert space.states[0] == level.boards[0].start
    assert [space.board.xy(s.pos) for s in space.states] == [(1, 1), (2, 1), (3, 1), (4, 1)]
    assert space.terminal.tolist() == [False, False, False, True]


def test_every_table_entry_agrees_with_the_world_rules() -> None:
    level = make_level(MIXED, goals="[collect_gems, reach_goal]")
    space = explore(level.boards[0], level.goals, palette_actions(level))
    board = space.board
    assert space.size > 50
    for number, state in enumerate(space.states):
        if space.terminal[number]:
            continue
        for a, action in enumerate(space.actions):
            after, failure = act(board, state, action)
            ending = ENDINGS[space.ending[number, a]]
            assert space.states[space.next_state[number, a]] == after
            if failure is not None:
                assert ending == failure
            else:
                assert ending == ("success" if goals_met(board, level.goals, after) else None)
            assert bool(space.picked[number, a]) == (len(after.gems) < len(state.gems))
            moved = after.pos != state.pos
            x, y = board.xy(after.pos)
            assert space.entered[number, a] == (y * board.width + x if moved else -1)


def test_reset_and_step_follow_the_gymnasium_api() -> None:
    env = corridor_env()
    forward = env.actions.index("forward")
    observation, info = env.reset(seed=3)
    assert observation == 0 and isinstance(info, dict)
    observation, reward, terminated, truncated, info = env.step(forward)
    assert env.observation_space.contains(observation) and observation != 0
    assert reward == pytest.approx(Rewards().step)
    assert (terminated, truncated) == (False, False)
    env.step(forward)
    observation, reward, terminated, truncated, info = env.step(forward)
    assert terminated and not truncated and info["ending"] == "success"
    assert reward == pytest.approx(Rewards().step + Rewards().flag)
    assert env.state(observation).pos in env.level.boards[0].flags


def test_a_crash_ends_the_try_where_the_robot_stood() -> None:
    env = corridor_env()
    env.reset()
    env.step(env.actions.index("turn_left"))
    before = env.state()
    observation, reward, terminated, _, info = env.step(env.actions.index("forward"))
    assert terminated and info["ending"] == "crashed"
    assert env.state(observation) == before
    assert reward == pytest.approx(Rewards().step + Rewards().crash)


def test_a_try_is_cut_short_after_max_episode_steps() -> None:
    level = make_level(CORRIDOR, blocks="[forward, turn_left]")
    env = GridEnv(level, max_episode_steps=5)
    env.reset()
    results = [env.step(env.actions.index("turn_left")) for _ in range(5)]
    assert [r[3] for r in results] == [False] * 4 + [True]
    assert not any(r[2] for r in results)
    env.reset()
    assert not env.step(env.actions.index("turn_left"))[3]


def test_fall_and_empty_pick_up_end_the_try_with_their_rewards() -> None:
    level = make_level(
        "#####\n#>~F#\n#####", blocks="[forward, pick_up]", extra="ai: {fall: -7, no_gem: -3}\n"
    )
    env = GridEnv(level)
    env.reset()
    _, reward, terminated, _, info = env.step(env.actions.index("pick_up"))
    assert terminated and info["ending"] == "no_gem" and reward == pytest.approx(-3.1)
    env.reset()
    _, reward, terminated, _, info = env.step(env.actions.index("forward"))
    assert terminated and info["ending"] == "fell" and reward == pytest.approx(-7.1)


def test_rewards_and_episodes_come_from_the_ai_key_with_defaults() -> None:
    level = make_level(CORRIDOR, extra="ai: {flag: 3, gem: 0.5, episodes: 42}\n")
    rewards = Rewards.of_level(level)
    assert (rewards.flag, rewards.gem, rewards.step) == (3.0, 0.5, Rewards().step)
    assert episodes_of(level) == 42
    assert episodes_of(make_level(CORRIDOR)) == 300


def test_a_painted_cell_pays_each_time_the_robot_steps_onto_it() -> None:
    env = corridor_env()
    forward = env.actions.index("forward")
    env.set_cell_reward(2, 1, 4.0)
    env.reset()
    assert env.step(forward)[1] == pytest.approx(4.0 + Rewards().step)
    assert env.step(forward)[1] == pytest.approx(Rewards().step)
    env.clear_cell_rewards()
    env.reset()
    assert env.step(forward)[1] == pytest.approx(Rewards().step)


def test_an_action_outside_the_space_is_refused() -> None:
    env = corridor_env()
    env.reset()
    with pytest.raises(ValueError):
        env.step(3)


def test_a_level_without_actions_cannot_be_trained() -> None:
    level = make_level(CORRIDOR, blocks="[repeat]")
    with pytest.raises(Untrainable) as caught:
        GridEnv(level)
    assert caught.value.key == "ai.no_actions"


def test_a_map_with_too_many_states_is_refused_not_explored_forever() -> None:
    level = make_level(MIXED, goals="[collect_gems]")
    with pytest.raises(Untrainable) as caught:
        explore(level.boards[0], level.goals, palette_actions(level), limit=20)
    assert caught.value.params == {"limit": 20}


def test_the_agent_needs_neither_pygame_nor_gymnasium() -> None:
    agent = ROOT / "game" / "agent"
    modules = [f"game.agent.{p.stem}" for p in agent.glob("*.py") if p.stem != "gym_env"]
    loaded = imported_in_fresh_process(modules)
    assert set(modules) <= loaded and "game.agent.training" in loaded
    assert not {name for name in loaded if name.split(".")[0] in ("pygame", "gymnasium")}
