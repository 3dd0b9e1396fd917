"""The AI lab's training loop: which try is on screen, and how many run in one frame.

Training must never freeze the screen, so it only ever advances between two frames:
Train runs one recorded try and replays it with a fading trail (at a speed that keeps a
long try short to watch), Step does exactly one try and stops, Fast-forward runs tries
until a few milliseconds of the frame are spent, then shows the last one. The learning
itself is `game.agent.qlearning.QLearner`: same level, seed and settings, same tries, however
the tries are spread over frames. Pure (no pygame), so it is tested without a window.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from typing import Literal, cast

from game.agent.env import GridEnv
from game.agent.policy import Route, greedy_route
from game.agent.qlearning import Episode, Params, QLearner
from game.agent.rewards import episodes_of
from game.levels import Level
from game.world.board import State
from game.world.outcome import Frame, Status
from game.world.tiles import Ground

Mode = Literal["paused", "train", "step", "fast"]
Paint = Literal["treat", "trap"]

FRAME_BUDGET = 0.008  # seconds of training per frame in fast-forward
MAX_EPISODES = 20_000  # beyond this the robot rests: the curve and memory stay small
PAINT_REWARD: dict[Paint, float] = {"treat": 3.0, "trap": -5.0}
PAINTABLE = frozenset(
    {Ground.FLOOR, Ground.TARGET, Ground.RED, Ground.GREEN, Ground.BLUE, Ground.YELLOW}
)


@dataclass(frozen=True, slots=True)
class Pace:
    """How a try is replayed: at least `rate` steps a second, a whole try in at most
    `longest` seconds, and a pause at its end (longer after a success, to celebrate)."""

    rate: float
    longest: float
    hold: float
    hold_success: float


# Slow, normal, quick.
PACES: tuple[Pace, ...] = (
    Pace(5.0, 60.0, 0.5, 1.2),
    Pace(8.0, 1.5, 0.3, 0.8),
    Pace(20.0, 0.35, 0.08, 0.35),
)
DEFAULT_PACE = 1
FIRST_SUCCESS_HOLD = 1.8


def action_between(before: State, after: State) -> str:
    """The action that turned `before` into `after`, read back from the two states (a
    recorded try keeps states only); "" when nothing changed (a bump)."""
    if after.pos != before.pos:
        return "forward"
    if after.facing != before.facing:
        return "turn_right" if (after.facing - before.facing) % 4 == 1 else "turn_left"
    if after.gems != before.gems:
        return "pick_up"
    return ""


def frames_of(states: tuple[State, ...], ending: str) -> tuple[Frame, ...]:
    """A trace like the runner's from a list of world states, the last frame carrying how
    the try ended, so the world view animates bumps, falls and celebrations the same way."""
    status = cast(Status, ending)
    frames = [Frame(0, -1, "", states[0])]
    last = len(states) - 1
    for step in range(1, len(states)):
        action = action_between(states[step - 1], states[step])
        frames.append(Frame(step, -1, action, states[step], status if step == last else None))
    return tuple(frames)


class Replay:
    """One recorded try played back: `position` counts steps (2.5 = halfway from frame 2
    to frame 3); `since_end` runs once the last frame is reached."""

    def __init__(self, episode: Episode, frames: tuple[Frame, ...], rate: float) -> None:
        self.episode = episode
        self.frames = frames
        self.rate = rate
        self.position = 0.0
        self.since_end = 0.0

    @property
    def last(self) -> int:
        return len(self.frames) - 1

    @property
    def finished(self) -> bool:
        return self.position >= self.last

    @property
    def shown(self) -> int:
        return min(self.last, int(self.position))

    @property
    def progress(self) -> float:
        return 0.0 if self.finished else self.position - self.shown

    def update(self, dt: float) -> None:
        if self.finished:
            self.since_end += dt
        else:
            self.position = min(float(self.last), self.position + dt * self.rate)

    def skip(self) -> None:
        self.position = float(self.last)


@dataclass
class News:
    """What happened during one update, for the screen's words and sounds."""

    ended: list[Episode] = field(default_factory=list)  # tries whose replay just ended
    first_success: bool = False  # the robot's first success has just been shown
    learned: bool = False  # the greedy route has just started to reach the goals
    fast_done: int = 0  # a fast-forward finished after this many tries
    tired: bool = False  # MAX_EPISODES reached: training stopped


class LabTrainer:
    """The robot of the lab: a Q-learner on the level's first map, its tries on screen,
    and the treats and traps a child painted."""

    def __init__(self, level: Level, seed: int = 0) -> None:
        self.level = level
        self.env = GridEnv(level, 0)
        self.seed = seed
        self.learner = QLearner(self.env, seed)
        self.mode: Mode = "paused"
        self.pace = DEFAULT_PACE
        self.replay: Replay | None = None
        self.fast_left = 0
        self.painted: dict[tuple[int, int], Paint] = {}
        self._route: tuple[int, Route] | None = None
        self.first_success = 0  # the number of the first successful try (0: none yet)
        self._scanned = 0  # tries already looked at for the first success
        self._was_learned = False

    # -- what the robot knows --------------------------------------------------------

    @property
    def episodes(self) -> int:
        return len(self.learner.history)

    @property
    def params(self) -> Params:
        return self.learner.params

    def route(self) -> Route:
        """The greedy route on the training map, computed once per try."""
        if self._route is None or self._route[0] != self.episodes:
            self._route = (self.episodes, greedy_route(self.learner))
        return self._route[1]

    def learned(self) -> bool:
        return self.episodes > 0 and self.route().success

    # -- buttons ---------------------------------------------------------------------

    def toggle_train(self) -> None:
        self.mode = "paused" if self.mode in ("train", "fast") else "train"

    def pause(self) -> None:
        self.mode = "paused"

    def step(self) -> Episode | None:
        """Exactly one more try, replayed, then a pause."""
        if self.episodes >= MAX_EPISODES:
            return None
        if self.replay is not None:
            self.replay.skip()
        replay = self._run_recorded()
        self.mode = "step"
        return replay.episode

    def fast_forward(self) -> None:
        """As many tries as the level asks for (its `ai.episodes`), without animation;
        pressed again while running, it stops."""
        if self.mode == "fast":
            self.mode = "paused"
            return
        self.mode = "fast"
        self.fast_left = episodes_of(self.level)

    def next_pace(self) -> None:
        self.pace = (self.pace + 1) % len(PACES)

    def restart(self, seed: int | None = None) -> None:
        """A robot that knows nothing, with the same (or a new) seed; the learning rate
        and foresight stay as the child set them, curiosity starts full again."""
        if seed is not None:
            self.seed = seed
        old = self.learner.params
        fresh = Params(alpha=old.alpha, gamma=old.gamma)
        self.learner = QLearner(self.env, self.seed, fresh)
        self.mode = "paused"
        self.replay = None
        self._route = None
        self.first_success = self._scanned = 0
        self._was_learned = False

    def paint(self, x: int, y: int, kind: Paint | None) -> bool:
        """Put a treat or a trap on a cell (None clears it); False for a cell the robot
        cannot walk on plainly (wall, water, flag)."""
        board = self.env.space.board
        if not (0 <= x < board.width and 0 <= y < board.height):
            return False
        if board.ground[board.cell(x, y)] not in PAINTABLE:
            return False
        if kind is None:
            self.painted.pop((x, y), None)
            self.env.set_cell_reward(x, y, 0.0)
        else:
            self.painted[(x, y)] = kind
            self.env.set_cell_reward(x, y, PAINT_REWARD[kind])
        self._route = None
        return True

    # -- time ------------------------------------------------------------------------

    def update(self, dt: float, budget: float = FRAME_BUDGET) -> News:
        news = News()
        if self.replay is not None:
            was_finished = self.replay.finished
            self.replay.update(dt)
            if self.replay.finished and not was_finished:
                news.ended.append(self.replay.episode)
                news.first_success = self.replay.episode.number == self.first_success
        if self.mode == "fast":
            self._fast(budget, news)
        elif self.mode == "train" and self._replay_done():
            self._run_recorded()
        elif self.mode == "step" and self._replay_done():
            self.mode = "paused"
        self._milestones(news)
        return news

    def _replay_done(self) -> bool:
        """The try on screen has been shown, with its little pause at the end."""
        replay = self.replay
        if replay is None:
            return True
        if not replay.finished:
            return False
        pace = PACES[self.pace]
        hold = pace.hold_success if replay.episode.success else pace.hold
        if replay.episode.number == self.first_success:
            hold = max(hold, FIRST_SUCCESS_HOLD)
        return replay.since_end >= hold

    def _fast(self, budget: float, news: News) -> None:
        """Tries until the frame's time is spent; the last one is recorded to be shown."""
        deadline = time.perf_counter() + budget
        learner = self.learner
        while self.fast_left > 1 and self.episodes < MAX_EPISODES - 1:
            learner.run_episode()
            self.fast_left -= 1
            if time.perf_counter() >= deadline:
                break
        if self.fast_left > 0 and self.episodes < MAX_EPISODES:
            self._run_recorded().skip()
            self.fast_left -= 1
        if self.fast_left <= 0:
            news.fast_done = episodes_of(self.level)
            self.mode = "paused"

    def _run_recorded(self) -> Replay:
        episode = self.learner.run_episode(record=True)
        states = tuple(self.env.state(number) for number in episode.path)
        pace = PACES[self.pace]
        rate = max(pace.rate, episode.steps / pace.longest)
        self.replay = Replay(episode, frames_of(states, episode.ending), rate)
        return self.replay

    def _milestones(self, news: News) -> None:
        if self.episodes >= MAX_EPISODES and self.mode != "paused":
            self.mode = "paused"
            news.tired = True
        if not self.first_success:
            fresh = self.learner.history[self._scanned :]
            self._scanned = self.episodes
            found = next((e.number for e in fresh if e.success), 0)
            self.first_success = found
            # Told when the robot reaches the flag on screen, not when its replay starts.
            replay = self.replay
            shown = replay is not None and replay.episode.number == found and not replay.finished
            news.first_success = news.first_success or (found > 0 and not shown)
        learned = self.learned()
        news.learned = learned and not self._was_learned
        self._was_learned = learned
