"""One press of Run or Step: the program recorded on every map, then replayed together.

The program runs to its end at once (`game.runner.run`); what the screen shows is a
replay of the traces, one `Playback` per map, moved together by pause, step, step back
and the speed. The session also says which blocks to light up (by editor id) and which
sounds the frames just reached call for: the screen only draws and plays them.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from game.editor.editor import ProgramEditor
from game.editor.playback import Playback
from game.levels import Level
from game.runner import Result, run
from game.world.outcome import Frame

ACTION_SOUNDS = {"forward": "step", "turn_left": "turn", "turn_right": "turn", "pick_up": "gem"}
END_SOUNDS = {"crashed": "bump", "fell": "splash", "no_gem": "fail"}


@dataclass
class Tick:
    """What happened during one update: sounds to play, and whether the run just ended."""

    sounds: list[str] = field(default_factory=list)
    ended: bool = False


class RunSession:
    def __init__(self, result: Result, ran: tuple[int, ...], version: int, speed: int) -> None:
        self.result = result
        self.playbacks = [Playback(outcome, speed) for outcome in result.outcomes]
        self.ran = ran  # editor ids in pre-order when the program was recorded
        self.version = version  # the editor's version then: any edit makes the run stale
        self.board = result.deciding  # show the map that failed
        self.last_shown = 0
        self.announced = False

    @classmethod
    def record(cls, level: Level, editor: ProgramEditor, speed: int) -> RunSession:
        result = run(level, editor.program(), record=True)
        return cls(result, editor.preorder(), editor.version, speed)

    @property
    def current(self) -> Playback:
        return self.playbacks[self.board]

    @property
    def finished(self) -> bool:
        return all(pb.finished for pb in self.playbacks)

    @property
    def playing(self) -> bool:
        return self.current.playing

    def toggle(self) -> None:
        """Run pressed again: pause a replay under way, or go on with a paused one."""
        for pb in self.playbacks:
            if self.playing:
                pb.pause()
            else:
                pb.play()

    def play(self) -> None:
        for pb in self.playbacks:
            pb.play()

    def step(self) -> None:
        for pb in self.playbacks:
            pb.step()

    def back(self) -> None:
        for pb in self.playbacks:
            pb.back()
        self.last_shown = self.current.shown

    def set_speed(self, speed: int) -> None:
        for pb in self.playbacks:
            pb.speed = speed

    def select(self, board: int) -> None:
        self.board = board
        self.last_shown = self.current.shown

    def update(self, dt: float) -> Tick:
        for pb in self.playbacks:
            pb.update(dt)
        tick = Tick()
        current = self.current
        if current.shown > self.last_shown:
            tick.sounds += frame_sounds(
                current.frames[current.shown - 1], current.frames[current.shown]
            )
        self.last_shown = current.shown
        if not self.announced and self.finished:
            self.announced = True
            tick.ended = True
            status = self.result.status
            if status == "success":
                tick.sounds.append("win")
            elif status not in END_SOUNDS:  # a bump or a splash has already said it
                tick.sounds.append("fail")
        return tick

    def editor_id(self, block_id: int) -> int | None:
        return self.ran[block_id] if 0 <= block_id < len(self.ran) else None

    def marks(self) -> tuple[int | None, int | None]:
        """The editor ids of the block running now, and of the block that failed."""
        current = self.current
        if current.finished and current.outcome.status != "success":
            return None, self.editor_id(current.outcome.block_id)
        return self.editor_id(current.block_id), None


def frame_sounds(before: Frame, frame: Frame) -> list[str]:
    """The sound of the action that led to `frame` (a push, a bump, a splash...)."""
    if frame.status in END_SOUNDS:
        return [END_SOUNDS[frame.status]]
    if frame.action == "forward" and frame.state.crates != before.state.crates:
        return ["push"]
    return [ACTION_SOUNDS[frame.action]] if frame.action in ACTION_SOUNDS else []
