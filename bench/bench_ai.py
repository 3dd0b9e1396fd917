"""The learning robot, measured against baselines run in the same process.

    python bench/run.py ai       (or python bench/bench_ai.py)

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
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.timing import Result, paired_medians  # noqa: E402
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
REPEATS = 5
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


def time_to_optimum(level: Level) -> int | None:
    """Episodes until the greedy route's length equals the solver's optimum on the training
    map (the route is looked at every CHECK_EVERY episodes; that look is part of the time)."""
    best = optimal_steps(level)
    learner = QLearner(GridEnv(level), SEED)
    for done in range(CHECK_EVERY, 20 * episodes_of(level) + 1, CHECK_EVERY):
        learner.run(CHECK_EVERY)
        route = greedy_route(learner)
        if route.success and route.steps == best:
            return done
    return None


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


def same_values(learner: QLearner, table: dict[tuple[State, str], float]) -> bool:
    """Every value the baseline learned is, bit for bit, the one in our table."""
    space = learner.env.space
    numbers = {state: number for number, state in enumerate(space.states)}
    return all(
        state in numbers and learner.q[numbers[state], space.actions.index(action)] == value
        for (state, action), value in table.items()
    )


def speed(level: Level) -> dict[str, float]:
    """Median seconds of each learner over the level's episodes, after checking that they
    took the same steps and (for the textbook one) learned the same values, bit for bit."""
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
    mine, book = paired_medians(ours, lambda: textbook(level, episodes, Params()), REPEATS)
    mine_again, hand = paired_medians(ours, lambda: lean(level, episodes, Params()), REPEATS)
    return {
        "episodes": episodes,
        "steps": our_steps,
        "ours": min(mine, mine_again),
        "textbook": book,
        "lean": hand,
    }


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


def env_speed(level: Level) -> dict[str, float] | None:
    """Steps per second with random actions; None without gymnasium."""
    try:
        import gymnasium
    except ImportError:
        return None
    from game.agent.gym_env import ENV_ID

    frozen = gymnasium.make("FrozenLake-v1", map_name="8x8", is_slippery=False)
    ours = gymnasium.make(ENV_ID, level=level)
    core = GridEnv(level)
    runs: dict[str, tuple[Any, int]] = {
        "FrozenLake-v1 8x8 (make)": (frozen, 4),
        "FrozenLake-v1 8x8 (unwrapped)": (frozen.unwrapped, 4),
        "RoboBlocs maze (make)": (ours, ours.action_space.n),
        "RoboBlocs maze (unwrapped)": (ours.unwrapped, ours.action_space.n),
        "RoboBlocs maze (GridEnv, no gymnasium)": (core, core.action_space.n),
    }
    rates = dict.fromkeys(runs, 0.0)
    for _ in range(REPEATS):  # turn about, keep each one's best
        for name, (env, n_actions) in runs.items():
            rates[name] = max(rates[name], steps_per_second(env, n_actions))
    return rates


def optimum_results() -> list[Result]:
    """Time until the greedy route is optimal on each AI level, against the solver."""
    print(f"{'level':16s} {'optimum':>7s} {'episodes':>8s}   train() s  policy = optimum")
    results = []
    for name, level in ai_levels():
        episodes = time_to_optimum(level)
        report = train(level, seed=SEED)
        print(
            f"{name:16s} {report.optimal_steps!s:>7s} {episodes!s:>8s}   {report.seconds:9.3f}"
            f"  {report.policy_steps == report.optimal_steps}"
        )
        learn, solve = paired_medians(
            lambda level=level: time_to_optimum(level), lambda level=level: optimal_steps(level), 5
        )
        results.append(
            Result(
                f"ai {name[3:]}",
                learn,
                "the solver on the same map",
                solve,
                learn / solve,
                f"x the solver's time for the greedy route to be optimal "
                f"({report.optimal_steps} steps, after {episodes} episodes)",
                "< 2 s",
                episodes is not None and learn < 2.0,
            )
        )
    return results


def speed_results() -> list[Result]:
    """Per-episode speed against both dictionary baselines, summed over the AI levels."""
    print(f"\n{'level':16s} {'episodes':>8s} {'steps':>6s}   us/episode: ours textbook  lean")
    totals = dict.fromkeys(("ours", "textbook", "lean"), 0.0)
    episodes = 0
    for name, level in ai_levels():
        s = speed(level)
        episodes += int(s["episodes"])
        for key in totals:
            totals[key] += s[key]
        per = {key: s[key] / s["episodes"] * 1e6 for key in totals}
        print(
            f"{name:16s} {s['episodes']:8.0f} {s['steps']:6.0f}   {per['ours']:15.1f}"
            f" {per['textbook']:8.1f} {per['lean']:5.1f}"
        )
    same = f"{episodes:,} episodes on the 6 AI levels, same steps and values"
    return [
        Result(
            "ai speed",
            totals["ours"],
            "textbook dict Q-learning",
            totals["textbook"],
            totals["textbook"] / totals["ours"],
            f"x faster per episode than dictionary Q-learning as usually written ({same})",
            ">= 5x",
            totals["textbook"] / totals["ours"] >= 5.0,
        ),
        Result(
            "ai speed",
            totals["ours"],
            "hand-tuned dict Q-learning",
            totals["lean"],
            totals["lean"] / totals["ours"],
            f"x faster per episode than dictionary Q-learning tuned by hand ({same})",
            "> 1x",
            totals["lean"] > totals["ours"],
        ),
    ]


def env_results() -> list[Result]:
    """Environment speed against FrozenLake-v1 8x8, both through gymnasium.make."""
    maze = dict(ai_levels())["03-maze"]
    rates = env_speed(maze)
    if rates is None:
        print("\ngymnasium is not installed: environment speed against FrozenLake skipped")
        return []
    print()
    for name, rate in rates.items():
        print(f"{name:42s} {rate:10,.0f} steps/s")
    ours, frozen = rates["RoboBlocs maze (make)"], rates["FrozenLake-v1 8x8 (make)"]
    return [
        Result(
            "ai env",
            ENV_STEPS / ours,
            "FrozenLake-v1 8x8",
            ENV_STEPS / frozen,
            ours / frozen,
            f"x the steps per second of FrozenLake-v1 8x8, not slippery ({ours:,.0f} against "
            f"{frozen:,.0f}; both through gymnasium.make, {ENV_STEPS:,} random steps)",
            "> 1x",
            ours > frozen,
        )
    ]


def run() -> list[Result]:
    return optimum_results() + speed_results() + env_results()


if __name__ == "__main__":
    found = run()
    for result in found:
        print(result.line())
    sys.exit(0 if all(result.met for result in found) else 1)
