"""`train`: teach the robot a level, then say what it learned (cli.md, `train --json`).

The robot trains on the level's first map only. Its greedy route is then played on every
map of the level: the level counts as solved when the route succeeds on all of them. On a
level with variants this is where the robot fails and a child's program with conditions
does not. `policy_steps` and `optimal_steps` are about the training map: the greedy route's
length when it succeeds, and the solver's true minimum there.
"""

from __future__ import annotations

import dataclasses
import time
from dataclasses import dataclass

from game.agent.env import GridEnv
from game.agent.policy import Route, greedy_route
from game.agent.qlearning import Params, QLearner
from game.agent.rewards import episodes_of
from game.i18n import t
from game.levels import Level
from game.solver import shortest

TRAINING_MAP = 0


@dataclass(frozen=True, slots=True)
class TrainReport:
    episodes: int
    seed: int
    routes: tuple[Route, ...]
    optimal_steps: int | None
    success_rate_last_100: float
    seconds: float
    states: int

    @property
    def solved(self) -> bool:
        return all(route.success for route in self.routes)

    @property
    def policy_steps(self) -> int | None:
        trained = self.routes[TRAINING_MAP]
        return trained.steps if trained.success else None

    def to_json(self) -> dict[str, object]:
        """The object of cli.md, plus `states` and one entry per map (extensions)."""
        return {
            "episodes": self.episodes,
            "seed": self.seed,
            "solved": self.solved,
            "policy_steps": self.policy_steps,
            "optimal_steps": self.optimal_steps,
            "success_rate_last_100": self.success_rate_last_100,
            "seconds": round(self.seconds, 3),
            "states": self.states,
            "maps": [
                {"map": route.board_index, "status": route.ending, "steps": route.steps}
                for route in self.routes
            ],
        }


def optimal_steps(level: Level, board_index: int = TRAINING_MAP) -> int | None:
    """The solver's shortest number of actions on one map of the level (None: unsolvable)."""
    one_map = dataclasses.replace(level, boards=(level.boards[board_index],))
    search = shortest(one_map)
    return len(search.actions) if search.actions is not None else None


def train(
    level: Level, episodes: int | None = None, seed: int = 0, params: Params | None = None
) -> TrainReport:
    """Train a fresh robot on the level's first map; `seconds` is the wall time of it all."""
    count = episodes_of(level) if episodes is None else episodes
    started = time.perf_counter()
    learner = QLearner(GridEnv(level, TRAINING_MAP), seed, params)
    learner.run(count)
    routes = tuple(greedy_route(learner, index) for index in range(len(level.boards)))
    seconds = time.perf_counter() - started
    return TrainReport(
        episodes=count,
        seed=seed,
        routes=routes,
        optimal_steps=optimal_steps(level),
        success_rate_last_100=learner.success_rate(100),
        seconds=seconds,
        states=learner.env.space.size,
    )


def summary_lines(report: TrainReport, lang: str) -> list[str]:
    """What `train` prints without --json, in the trainer's language."""
    rate = round(100 * report.success_rate_last_100)
    lines = [
        t("ai.trained", lang, episodes=report.episodes, seconds=f"{report.seconds:.2f}", rate=rate)
    ]
    trained = report.routes[TRAINING_MAP]
    optimal = report.optimal_steps if report.optimal_steps is not None else t("ai.no_route", lang)
    if trained.success:
        lines.append(t("ai.route", lang, steps=trained.steps, optimal=optimal))
    else:
        lines.append(t("ai.route_failed", lang, status=trained.ending))
    if len(report.routes) > 1:
        lines += [
            t("ai.map_result", lang, index=r.board_index + 1, status=r.ending, steps=r.steps)
            for r in report.routes
        ]
    return lines
