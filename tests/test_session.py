"""A recorded run replayed on every map: sounds, the end, the lit blocks, stale runs."""

from __future__ import annotations

import math

from game.editor.editor import ProgramEditor
from game.editor.playback import SPEEDS
from game.editor.session import RunSession
from tests.conftest import make_level, program

INSTANT = SPEEDS.index(math.inf)


def session_for(map_text: str, text: str, goals: str = "[reach_goal]") -> RunSession:
    level = make_level(map_text, goals)
    editor = ProgramEditor(level.blocks, program=program(text))
    return RunSession.record(level, editor, speed=0)


def play_through(session: RunSession) -> list[str]:
    sounds: list[str] = []
    session.play()
    for _ in range(2000):
        tick = session.update(0.05)
        sounds += tick.sounds
        if tick.ended:
            break
    return sounds


def test_each_action_has_its_sound_and_a_success_its_fanfare() -> None:
    session = session_for(
        "#######\n#>.B.o#\n#######", "[forward, forward, forward]", "[crates_on_targets]"
    )
    # A step, then two pushes: the crate lands on the target and the run succeeds.
    assert play_through(session) == ["step", "push", "push", "win"]
    assert session.result.status == "success"


def test_a_crash_bumps_once_and_lights_the_guilty_block() -> None:
    session = session_for("#####\n#>.F#\n#####", "[turn_left, forward, forward]")
    assert play_through(session) == ["turn", "bump"]
    running, failed = session.marks()
    assert running is None and failed == session.ran[1]


def test_an_unfinished_program_ends_with_the_fail_sound() -> None:
    session = session_for("#####\n#>.F#\n#####", "[forward]")
    assert play_through(session) == ["step", "fail"]


def test_maps_replay_together_and_the_failing_map_is_shown_first() -> None:
    level = make_level(
        "#####\n#>.F#\n#####", extra="variants:\n  - |\n    #####\n    #>#F#\n    #####\n"
    )
    editor = ProgramEditor(level.blocks, program=program("[forward, forward]"))
    session = RunSession.record(level, editor, speed=INSTANT)
    assert session.result.status == "crashed"  # a wall stands before the second flag
    assert session.board == 1
    session.play()
    session.update(0.01)
    assert session.finished and all(pb.finished for pb in session.playbacks)
    session.back()
    assert [pb.shown for pb in session.playbacks] == [1, 0]
    assert session.version == editor.version
