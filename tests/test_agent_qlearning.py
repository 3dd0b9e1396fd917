"""Q-learning: the fast loop against the textbook rule, determinism, and what the lab reads."""

from __future__ import annotations

import numpy as np
import pytest

from game.agent.cells import NONE, cell_choices, cell_values, cell_visits
from game.agent.env import GridEnv
from game.agent.policy import greedy_route
from game.agent.qlearning import RANDOM_BLOCK, Params, QLearner
from game.solver import shortest
from tests.conftest import make_level

MAZE = """
    #########
    #>..#...#
    #.#.#.#.#
    #.#...#.#
    #.#####.#
    #.....#F#
    #########
"""
TURNS = "[forward, turn_left, turn_right]"


def maze_env() -> GridEnv:
    return GridEnv(make_level(MAZE, blocks=TURNS))


def textbook_q(env: GridEnv, seed: int, episodes: int, params: Params) -> np.ndarray:
    """Q-learning written the slow, obvious way through env.step and np.argmax, drawing the
    same random numbers in the same order (two per step, in blocks of RANDOM_BLOCK)."""
    rng = np.random.default_rng(seed)
    stream = iter(())  # type: ignore[var-annotated]
    q = np.zeros((env.observation_space.n, env.action_space.n))
    epsilon = params.epsilon

    def draw() -> float:
        nonlocal stream
        value = next(stream, None)
        if value is None:
            stream = iter(rng.random(RANDOM_BLOCK).tolist())
            value = next(stream)
        return float(value)

    for _ in range(episodes):
        state, _ = env.reset()
        while True:
            explore, pick = draw(), draw()
            if explore < epsilon:
                action = int(pick * env.action_space.n)
            else:
                action = int(np.argmax(q[state]))
            after, reward, terminated, truncated, _ = env.step(action)
            target = reward if terminated else reward + params.gamma * q[after].max()
            q[state, action] += params.alpha * (target - q[state, action])
            state = after
            if terminated or truncated:
                break
        epsilon = max(params.epsilon_min, epsilon * params.epsilon_decay)
    return q


def test_the_fast_loop_computes_exactly_the_textbook_q_table() -> None:
    env = maze_env()
    learner = QLearner(env, seed=7)
    learner.run(150)
    expected = textbook_q(maze_env(), 7, 150, Params())
    assert learner.q.tobytes() == expected.tobytes()


def test_ties_go_to_the_first_action_as_in_the_textbook() -> None:
    # No step cost, no crash cost, alpha = gamma = 1: most values are exactly 0 or 10.
    level = make_level(MAZE, blocks=TURNS, extra="ai: {step: 0, crash: 0}\n")
    params = Params(alpha=1.0, gamma=1.0, epsilon_decay=0.97)
    learner = QLearner(GridEnv(level), seed=11, params=Params(**vars(params)))
    learner.run(300)
    expected = textbook_q(GridEnv(level), 11, 300, params)
    assert learner.q.tobytes() == expected.tobytes()
    assert [learner.greedy(s) for s in range(len(expected))] == np.argmax(expected, 1).tolist()


def test_one_update_by_hand() -> None:
    # forward only, alpha 1, gamma 0.5, always greedy: values can be worked out on paper.
    level = make_level("######\n#>..F#\n######", blocks="[forward]")
    learner = QLearner(GridEnv(level), params=Params(alpha=1.0, gamma=0.5, epsilon=0.0))
    learner.run(1)
    assert learner.q[:3, 0].tolist() == pytest.approx([-0.1, -0.1, 9.9])
    learner.run(1)
    assert learner.q[:3, 0].tolist() == pytest.approx([-0.1 - 0.05, -0.1 + 0.5 * 9.9, 9.9])


def test_same_seed_same_numbers_other_seed_other_numbers() -> None:
    first, second, other = (QLearner(maze_env(), seed) for seed in (3, 3, 4))
    for learner in (first, second, other):
        learner.run(200)
    assert first.q.tobytes() == second.q.tobytes()
    assert first.history == second.history
    assert np.array_equal(first.visits, second.visits)
    assert first.q.tobytes() != other.q.tobytes()


def test_the_kept_best_action_is_always_the_first_argmax() -> None:
    learner = QLearner(maze_env(), seed=1)
    for _ in range(20):
        learner.run(10)
        best = np.argmax(learner.q, axis=1)
        assert [learner.greedy(s) for s in range(len(best))] == best.tolist()


def test_training_finds_the_solvers_shortest_route() -> None:
    env = maze_env()
    learner = QLearner(env, seed=0)
    learner.run(400)
    route = greedy_route(learner)
    solved = shortest(env.level).actions
    assert route.success and solved is not None
    assert route.steps == len(solved)
    assert all(route.known)


def test_episodes_report_what_happened_and_epsilon_decays_to_its_floor() -> None:
    learner = QLearner(maze_env(), seed=2, params=Params(epsilon_decay=0.5, epsilon_min=0.1))
    episodes = learner.run(6)
    assert [e.epsilon for e in episodes] == [1.0, 0.5, 0.25, 0.125, 0.1, 0.1]
    assert [e.number for e in episodes] == [1, 2, 3, 4, 5, 6]
    for episode in episodes:
        assert episode.ending in ("success", "crashed", "out_of_steps")
        assert episode.reward == pytest.approx(
            -0.1 * episode.steps + {"success": 10, "crashed": -5, "out_of_steps": 0}[episode.ending]
        )


def test_settings_changed_between_episodes_take_effect() -> None:
    learner = QLearner(maze_env(), seed=2)
    learner.run(50)
    frozen = learner.q.copy()
    learner.params.alpha = 0.0
    learner.run(5)
    assert np.array_equal(learner.q, frozen)
    learner.params.alpha, learner.params.epsilon, learner.params.epsilon_min = 0.5, 0.0, 0.0
    greedy = learner.run_episode()
    assert greedy.epsilon == 0.0
    assert greedy.steps == greedy_route(learner).steps or not greedy.success


def test_success_rate_counts_the_last_hundred_or_all() -> None:
    learner = QLearner(maze_env(), seed=5)
    assert learner.success_rate() == 0.0
    learner.run(30)
    assert learner.success_rate() == sum(e.success for e in learner.history) / 30
    learner.run(120)
    assert learner.success_rate() == sum(e.success for e in learner.history[-100:]) / 100


def test_forget_starts_over() -> None:
    learner = QLearner(maze_env(), seed=5)
    learner.run(40)
    learner.forget()
    assert not learner.q.any() and not learner.visits.any() and not learner.history


def test_the_q_table_handed_out_cannot_be_written_to() -> None:
    learner = QLearner(maze_env())
    with pytest.raises(ValueError):
        learner.q[0, 0] = 1.0


def test_a_painted_trap_on_the_short_way_makes_the_robot_go_around() -> None:
    level = make_level("#######\n#>...F#\n#.###.#\n#.....#\n#######", blocks=TURNS)
    env = GridEnv(level)
    env.set_cell_reward(3, 1, -30.0)
    learner = QLearner(env, seed=0)
    learner.run(600)
    route = greedy_route(learner)
    cells = {env.space.board.xy(state.pos) for state in route.states}
    assert route.success and (3, 1) not in cells and (3, 3) in cells


def test_cell_views_follow_the_map() -> None:
    env = maze_env()
    learner = QLearner(env, seed=0)
    learner.run(400)
    values, visits = cell_values(learner), cell_visits(learner)
    facing, action = cell_choices(learner)
    board = env.space.board
    assert values.shape == visits.shape == facing.shape == (board.height, board.width)
    assert np.isnan(values[0, 0]) and facing[0, 0] == NONE and visits[0, 0] == 0
    assert np.isnan(values[5, 7])  # the flag: a try that reaches it is over
    # next to the flag, the best thing to do is to face south and step forward
    assert (facing[4, 7], env.actions[action[4, 7]]) == (2, "forward")
    assert values[4, 7] == pytest.approx(learner.q.max())
    assert visits.sum() == learner.visits.sum()
    assert visits[1, 1] >= 400  # every try starts there


def test_a_treat_worth_more_than_the_flag_makes_the_robot_go_round_for_it() -> None:
    level = make_level("#########\n#>.....F#\n#########", blocks=TURNS)
    env = GridEnv(level)
    env.set_cell_reward(3, 1, 3.0)
    learner = QLearner(env, seed=0)
    learner.run(500)
    route = greedy_route(learner)
    assert route.ending == "out_of_steps"  # it comes back to the treat instead of finishing
    assert sum(env.space.board.xy(s.pos) == (3, 1) for s in route.states) >= 2


def test_a_recorded_try_can_be_replayed_and_learns_the_same() -> None:
    plain, recorded = QLearner(maze_env(), seed=9), QLearner(maze_env(), seed=9)
    plain.run(30)
    episodes = [recorded.run_episode(record=True) for _ in range(30)]
    assert plain.q.tobytes() == recorded.q.tobytes()
    assert all(not e.path for e in plain.history)
    space = recorded.env.space
    for episode in episodes:
        assert len(episode.path) == episode.steps + 1 and episode.path[0] == 0
        for before, after in zip(episode.path, episode.path[1:], strict=False):
            assert after in space.next_state[before].tolist()
        assert space.terminal[episode.path[-1]] == (episode.ending in ("success", "fell"))
