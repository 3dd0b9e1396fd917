"""The learning robot, measured against baselines run in the same process.

    python bench/bench_ai.py

1. Every level of the AI pack: how many episodes and how much wall time until the greedy
   route is as short as the solver's optimum (target: under 2 s), and the time of a whole
   `train` run with the level's own settings.
2. Per-episode speed of game.agent.qlearning against plain-Python dictionary Q-learning on
   the same levels, with the same seed, episode count and settings. The baselines draw the
   very same random numbers, so all three learners take exactly the same steps and end
   with the same Q-values (checked): the time ratio is the speed ratio, nothing else.
   - "textbook": a Gym-style environment object over the world's rules and a dict keyed
     by (state, action), as Q-learning is usually written in Python;
   - "lean": the same algorithm tuned by hand: rules inlined, one dict entry per state
     holding a list of action values.
3. With gymnasium installed: environment steps per second with random actions, ours
   against FrozenLake-v1 8x8 (not slippery), both through `gymnasium.make` and unwrapped.
"""

from __future__ import annotations

import sys
import time
from collections import defaultdict
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from game.agent.env import GridEnv  # noqa: E402
from game.agent.policy import greedy_route  # noqa: E402
from game.agent.qlearning import RANDOM_BLOCK, Params, QLearner  # noqa: E402
from game.agent.rewards import Rewards, episodes_of  # noqa: E402
from game.agent.training import optimal_steps, train  # noqa: E402
from game.levels import Level, read_level  # noqa: E402
from game.solver import palette_actions  # noqa: E402
from game.world.board import State  # noqa: E402
from game.world.rules import act, goals_met  # noqa: E402

AI_PACK = ROOT / "levels" / "ai"
SEED = 0
CHECK_EVERY = 5  # episodes between two looks at the greedy route
ENV_STEPS = 200_000


def ai_levels() -> list[tuple[str, Level]]:
    found = []
    for path in sorted(AI_PACK.glob("0*.yaml")):
        level = read_level(path).level
        assert level is not None, path
        found.append((path.stem, level))
    return found


def pairs(seed: int) -> Iterator[tuple[float, float]]:
    """The learner's random stream: (explore?, which action), drawn in the same blocks."""
    rng = np.random.default_rng(seed)
    while True:
        block = rng.random(RANDOM_BLOCK).tolist()
        yield from zip(block[0::2], block[1::2], strict=True)


def reward_of(
    rewards: Rewards, before: State, after: State, failure: str | None, won: bool
) -> float:
    """The environment's reward, summed in the same order as its numpy table."""
    ending = {"crashed": rewards.crash, "fell": rewards.fall, "no_gem": rewards.no_gem}
    paid = rewards.flag if won else ending.get(failure or "", 0.0)
    return rewards.step + paid + rewards.gem * (len(after.gems) < len(before.gems)) + 0.0


# --- 1. Time to the optimum -----------------------------------------------------------


def time_to_optimum(level: Level) -> tuple[int | None, float]:
    """Episodes and seconds (training plus the route checks) until the greedy route's
    length equals the solver's optimum on the training map."""
    best = optimal_steps(level)
    started = time.perf_counter()
    learner = QLearner(GridEnv(level), SEED)
    for done in range(CHECK_EVERY, 20 * episodes_of(level) + 1, CHECK_EVERY):
        learner.run(CHECK_EVERY)
        route = greedy_route(learner)
        if route.success and route.steps == best:
            return done, time.perf_counter() - started
    return None, time.perf_counter() - started


# --- 2. Baselines ---------------------------------------------------------------------


class PlainEnv:
    """A Gym-style environment over the world's rules, without any table."""

    def __init__(self, level: Level) -> None:
        self.board = level.boards[0]
        self.goals = level.goals
        self.actions = palette_actions(level)
        self.rewards = Rewards.of_level(level)
        self.limit = level.max_steps
        self.state = self.board.start
        self.steps = 0

    def reset(self) -> State:
        self.state, self.steps = self.board.start, 0
        return self.state

    def step(self, action: str) -> tuple[State, float, bool, bool, dict[str, object]]:
        before = self.state
        after, failure = act(self.board, before, action)
        won = failure is None and goals_met(self.board, self.goals, after)
        reward = reward_of(self.rewards, before, after, failure, won)
        self.state, self.steps = after, self.steps + 1
        terminated = won or failure is not None
        return after, reward, terminated, not terminated and self.steps >= self.limit, {}


def textbook(
    level: Level, episodes: int, params: Params
) -> tuple[dict[tuple[State, str], float], int]:
    env = PlainEnv(level)
    actions = env.actions
    q: dict[tuple[State, str], float] = defaultdict(float)
    stream = pairs(SEED)
    epsilon, steps = params.epsilon, 0
    for _ in range(episodes):
        state = env.reset()
        while True:
            explore, pick = next(stream)
            if explore < epsilon:
                action = actions[int(pick * len(actions))]
            else:
                action = max(actions, key=lambda a: q[state, a])
            after, reward, terminated, truncated, _ = env.step(action)
            best = 0.0 if terminated else max(q[after, b] for b in actions)
            q[state, action] += params.alpha * (reward + params.gamma * best - q[state, action])
            state = after
            steps += 1
            if terminated or truncated:
                break
        epsilon = max(params.epsilon_min, epsilon * params.epsilon_decay)
    return q, steps


def lean(level: Level, episodes: int, params: Params) -> tuple[dict[State, list[float]], int]:
    board, goals, actions = level.boards[0], level.goals, palette_actions(level)
    rewards, limit, n = Rewards.of_level(level), level.max_steps, len(actions)
    alpha, gamma = params.alpha, params.gamma
    q: dict[State, list[float]] = defaultdict(lambda: [0.0] * n)
    stream = pairs(SEED)
    epsilon, steps = params.epsilon, 0
    for _ in range(episodes):
        state = board.start
        for _step, (explore, pick) in zip(range(limit), stream, strict=False):
            row = q[state]
            a = int(pick * n) if explore < epsilon else row.index(max(row))
            after, failure = act(board, state, actions[a])
            won = failure is None and goals_met(board, goals, after)
            reward = reward_of(rewards, state, after, failure, won)
            done = won or failure is not None
            row[a] += alpha * ((reward if done else reward + gamma * max(q[after])) - row[a])
            state = after
            steps += 1
            if done:
                break
        epsilon = max(params.epsilon_min, epsilon * params.epsilon_decay)
    return q, steps


def best_times(runs: dict[str, Callable[[], object]], rounds: int = 7) -> dict[str, float]:
    """Best wall time of each run over `rounds` rounds, taking turns so that a busy moment
    of the shared machine hurts every contender alike."""
    best = dict.fromkeys(runs, float("inf"))
    for _ in range(rounds):
        for name, action in runs.items():
            started = time.perf_counter()
            action()
            best[name] = min(best[name], time.perf_counter() - started)
    return best


def same_values(learner: QLearner, table: dict[tuple[State, str], float]) -> bool:
    """Every value the baseline learned is, bit for bit, the one in our table."""
    space = learner.env.space
    numbers = {state: number for number, state in enumerate(space.states)}
    return all(
        state in numbers and learner.q[numbers[state], space.actions.index(action)] == value
        for (state, action), value in table.items()
    )


def speed(level: Level) -> dict[str, float]:
    """Microseconds per episode of each learner, after checking they learned alike."""
    episodes = episodes_of(level)

    def ours() -> QLearner:
        learner = QLearner(GridEnv(level), SEED)
        learner.run(episodes)
        return learner

    learner = ours()
    table, book_steps = textbook(level, episodes, Params())
    _, lean_steps = lean(level, episodes, Params())
    our_steps = sum(e.steps for e in learner.history)
    assert our_steps == book_steps == lean_steps, (our_steps, book_steps, lean_steps)
    assert same_values(learner, table), "the textbook baseline learned other values"
    seconds = best_times(
        {
            "ours": ours,
            "textbook": lambda: textbook(level, episodes, Params()),
            "lean": lambda: lean(level, episodes, Params()),
        }
    )
    figures = {name: s / episodes * 1e6 for name, s in seconds.items()}
    return {"episodes": episodes, "steps": our_steps} | figures


# --- 3. Environment steps per second --------------------------------------------------


def steps_per_second(env: Any, n_actions: int) -> float:
    """Random actions through reset/step, resetting when a try ends."""
    actions = np.random.default_rng(SEED).integers(n_actions, size=ENV_STEPS).tolist()
    reset, step = env.reset, env.step
    reset(seed=SEED)
    started = time.perf_counter()
    for action in actions:
        _, _, terminated, truncated, _ = step(action)
        if terminated or truncated:
            reset()
    return ENV_STEPS / (time.perf_counter() - started)


def env_speed(level: Level) -> dict[str, float]:
    try:
        import gymnasium
    except ImportError:
        return {}
    from game.agent.gym_env import ENV_ID

    figures: dict[str, float] = {}
    makers: dict[str, Callable[[], Any]] = {
        "FrozenLake-v1 8x8 (make)": lambda: gymnasium.make(
            "FrozenLake-v1", map_name="8x8", is_slippery=False
        ),
        "RoboBlocs maze (make)": lambda: gymnasium.make(ENV_ID, level=level),
    }
    for name, make in makers.items():
        env = make()
        n = env.action_space.n
        figures[name] = max(steps_per_second(env, n) for _ in range(3))
        figures[name.replace("(make)", "(unwrapped)")] = max(
            steps_per_second(env.unwrapped, n) for _ in range(3)
        )
    core = GridEnv(level)
    figures["RoboBlocs maze (GridEnv, no gymnasium)"] = max(
        steps_per_second(core, core.action_space.n) for _ in range(3)
    )
    return figures


def run() -> dict[str, float]:
    """Every figure, printed as it comes; the keys name what was measured."""
    figures: dict[str, float] = {}
    print(f"{'level':16s} {'optimum':>7s} {'episodes':>8s} {'seconds':>8s}   train() s  same?")
    for name, level in ai_levels():
        episodes, seconds = time_to_optimum(level)
        report = train(level, seed=SEED)
        same = report.policy_steps == report.optimal_steps
        print(
            f"{name:16s} {report.optimal_steps!s:>7s} {episodes!s:>8s} {seconds:8.3f}"
            f"   {report.seconds:9.3f}  {same}"
        )
        figures[f"{name}: seconds to the optimum"] = seconds
        figures[f"{name}: train() seconds"] = report.seconds
    print(
        f"\n{'level':16s} {'episodes':>8s} {'steps':>6s}  us/episode: ours  textbook  lean"
        "   speed-up: textbook  lean"
    )
    ratios_book, ratios_lean = [], []
    for name, level in ai_levels():
        s = speed(level)
        book, lean_ratio = s["textbook"] / s["ours"], s["lean"] / s["ours"]
        ratios_book.append(book)
        ratios_lean.append(lean_ratio)
        print(
            f"{name:16s} {s['episodes']:8.0f} {s['steps']:6.0f}  {s['ours']:16.1f}"
            f" {s['textbook']:9.1f} {s['lean']:5.1f}"
            f"   {book:18.1f}x {lean_ratio:4.1f}x"
        )
        figures[f"{name}: speed-up over textbook dict"] = book
        figures[f"{name}: speed-up over lean dict"] = lean_ratio
    print(
        f"geometric mean speed-up: textbook {geomean(ratios_book):.1f}x, lean {geomean(ratios_lean):.1f}x"
    )
    maze = dict(ai_levels())["03-maze"]
    env_figures = env_speed(maze)
    if env_figures:
        print()
        for name, rate in env_figures.items():
            print(f"{name:42s} {rate:10.0f} steps/s")
            figures[f"env steps/s: {name}"] = rate
    else:
        print("\ngymnasium is not installed: environment speed against FrozenLake skipped")
    return figures


def geomean(values: list[float]) -> float:
    return float(np.exp(np.mean(np.log(values)))) if values else float("nan")


if __name__ == "__main__":
    run()
    sys.exit(0)
