"""The race: the child's block program against the robot's learned route, map by map.

Both are recorded to their end first (the child's program by `game.runner.run` on every
map, the robot's greedy route by `game.agent.policy.greedy_route`), then replayed side by
side with the play screen's `Playback`, steps counted. On a level with variants the robot
trained on map 1 only: the race goes through every map, so the class sees it get lost on
the others while a program with conditions finds its way everywhere. Pure (no pygame).
"""

from __future__ import annotations

from typing import Literal, cast

from blocks.program import Program
from game.agent.policy import Route, greedy_route
from game.agent.qlearning import QLearner
from game.editor.playback import Playback
from game.levels import Level
from game.runner import run
from game.scenes.lab_training import frames_of
from game.world.outcome import Outcome, Status

RACE_SPEED = 2  # an index into game.editor.playback.SPEEDS (6 actions a second)
NEXT_MAP_AFTER = 2.5  # seconds after both finished before the next map's race starts
Winner = Literal["child", "robot", "tie", "nobody"]


def route_outcome(route: Route) -> Outcome:
    """The robot's route as an Outcome, so it replays exactly like a child's run."""
    frames = frames_of(route.states, route.ending)
    status = cast(Status, route.ending)
    return Outcome(status, route.steps, 0, 0, route.states[-1], -1, frames)


def winner(child: Outcome, robot: Outcome) -> Winner:
    """Reaching the goals beats everything; between two successes, fewer steps win."""
    if child.status == "success" and robot.status == "success":
        if child.steps == robot.steps:
            return "tie"
        return "child" if child.steps < robot.steps else "robot"
    if child.status == "success":
        return "child"
    return "robot" if robot.status == "success" else "nobody"


class Race:
    """The race on each map of a level; `board` is the map on screen."""

    def __init__(
        self, level: Level, learner: QLearner, program: Program, demo: bool = False
    ) -> None:
        self.level = level
        self.demo = demo  # the child has no program yet: the level's solution runs instead
        self.trained = len(learner.history)
        self.child: tuple[Outcome, ...] = run(level, program).outcomes
        self.robot = tuple(
            route_outcome(greedy_route(learner, index)) for index in range(len(level.boards))
        )
        self.seen = [False] * len(level.boards)
        self.auto = True  # go on to the next map by itself until the child picks one
        self.board = 0
        self.playbacks = self._start(0)

    @property
    def maps(self) -> int:
        return len(self.level.boards)

    def _start(self, index: int) -> tuple[Playback, Playback]:
        self.board = index
        self.seen[index] = True
        playbacks = (
            Playback(self.child[index], RACE_SPEED),
            Playback(self.robot[index], RACE_SPEED),
        )
        for playback in playbacks:
            playback.play()
        return playbacks

    def select(self, index: int) -> None:
        """The child picked a map: race on it again, and stay there."""
        self.auto = False
        self.playbacks = self._start(index)

    def again(self) -> None:
        self.auto = True
        self.seen = [False] * self.maps
        self.playbacks = self._start(0)

    @property
    def finished(self) -> bool:
        return all(playback.finished for playback in self.playbacks)

    def update(self, dt: float) -> list[Outcome]:
        """Advance both replays; returns the runs that reached their end just now."""
        ended = []
        for playback, lane in zip(self.playbacks, self.lanes(), strict=True):
            was = playback.finished
            playback.update(dt)
            if playback.finished and not was:
                ended.append(lane)
        done = self.finished and min(p.since_end for p in self.playbacks) >= NEXT_MAP_AFTER
        if self.auto and done and self.board + 1 < self.maps:
            self.playbacks = self._start(self.board + 1)
        return ended

    def lanes(self, index: int | None = None) -> tuple[Outcome, Outcome]:
        """(child, robot) on a map (the one on screen by default)."""
        at = self.board if index is None else index
        return self.child[at], self.robot[at]

    def winner(self, index: int | None = None) -> Winner:
        return winner(*self.lanes(index))

    def everywhere(self) -> tuple[bool, bool]:
        """Whether the child's program and the robot's route succeed on every map."""
        return (
            all(o.status == "success" for o in self.child),
            all(o.status == "success" for o in self.robot),
        )
