"""Replaying a recorded trace: which frame is shown, how far the next one has come.

The program is run once, to the end, by `game.runner.run`; the screen only replays the
trace it leaves. So pausing, stepping and stepping back are moves along a list of frames,
and drawing (which reads `shown`, `progress` and `block_id`) can never change the world.
"""

from __future__ import annotations

import math

from game.world.outcome import Frame, Outcome, Status

# Actions per second for each speed; `math.inf` shows the end at once.
SPEEDS: tuple[float, ...] = (1.5, 3.0, 6.0, 12.0, math.inf)
DEFAULT_SPEED = 1


class Playback:
    """A trace being replayed. `shown` is the last frame reached; while `progress` is above
    0 the robot is on its way to frame `shown + 1`."""

    def __init__(self, outcome: Outcome, speed: int = DEFAULT_SPEED) -> None:
        self.outcome = outcome
        self.frames: tuple[Frame, ...] = outcome.trace
        self.shown = 0
        self.progress = 0.0
        self.speed = speed
        self.playing = False
        self._stop_at = len(self.frames) - 1
        self.since_end = 0.0

    @property
    def last(self) -> int:
        return len(self.frames) - 1

    @property
    def finished(self) -> bool:
        return self.shown == self.last and self.progress == 0.0

    @property
    def status(self) -> Status | None:
        """The run's ending once the replay has reached it, else None."""
        return self.outcome.status if self.finished else None

    @property
    def block_id(self) -> int:
        """The pre-order id of the block acting now (the one being animated), or -1."""
        if self.progress > 0.0 and self.shown < self.last:
            return self.frames[self.shown + 1].block_id
        return self.frames[self.shown].block_id

    @property
    def steps(self) -> int:
        return self.frames[self.shown].step

    def play(self) -> None:
        self._stop_at = self.last
        self.playing = not self.finished

    def pause(self) -> None:
        self.playing = False

    def step(self) -> None:
        """Animate one action from the current frame (finishing the one under way first)."""
        if self.progress > 0.0:
            self._arrive()
        self._stop_at = min(self.shown + 1, self.last)
        self.playing = self.shown < self._stop_at

    def back(self) -> None:
        """Go back one frame at once (and stop)."""
        self.playing = False
        if self.progress > 0.0:
            self.progress = 0.0
        else:
            self.shown = max(0, self.shown - 1)
        self.since_end = 0.0

    def update(self, dt: float) -> None:
        """Advance by `dt` seconds at the chosen speed; stop at the target frame."""
        if self.finished:
            self.since_end += dt
        if not self.playing:
            return
        rate = SPEEDS[self.speed]
        if math.isinf(rate):
            self.shown, self.progress = self._stop_at, 0.0
        else:
            self.progress += dt * rate
            while self.progress >= 1.0 and self.shown < self._stop_at:
                self._arrive(self.progress - 1.0)
        if self.shown >= self._stop_at:
            self.progress = 0.0
            self.playing = False

    def _arrive(self, rest: float = 0.0) -> None:
        self.shown += 1
        self.progress = rest if self.shown < self._stop_at else 0.0
