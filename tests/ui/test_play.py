"""The play screen driven by real pygame events, headless: drag and drop, run, undo,
limits, languages, saves, step back, typing Python, keyboard use and hot reload."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

import pygame
import pytest

from game.app import App
from game.editor.playback import SPEEDS
from game.i18n import t
from game.progress import Progress
from game.scenes.play import PlayScene
from game.settings import Settings, load_settings
from tests.conftest import program
from tests.ui.events import click, key, move, press, release, type_text

CORRIDOR = """\
format: 1
id: corridor
title: {{fr: "Couloir", ar: "الممر", en: "Corridor"}}
map: |
  #######
  #>...F#
  #######
goals: [reach_goal]
blocks: [forward, turn_left, repeat]
max_blocks: {limit}
stars: [2, 3]
hints:
  - {{fr: "Compte les cases.", en: "Count the squares."}}
"""


def write_level(folder: Path, limit: int = 3) -> Path:
    path = folder / "corridor.yaml"
    path.write_text(CORRIDOR.format(limit=limit), encoding="utf-8")
    return path


def frames(app: App, count: int = 1, dt: float = 1 / 60) -> None:
    for _ in range(count):
        app.step(dt)


def open_play(app: App, level: Path, **kwargs: object) -> PlayScene:
    app.goto("play", level_path=str(level), **kwargs)
    frames(app)
    scene = app.scene
    assert isinstance(scene, PlayScene)
    return scene


def tile_centre(scene: PlayScene, kind: str) -> tuple[int, int]:
    for entry, rect in scene.panel.palette_tiles():
        if entry.kind == kind:
            return rect.x + 12, rect.centery
    raise AssertionError(f"{kind} is not in the palette")


def drag(app: App, start: tuple[int, int], end: tuple[int, int]) -> None:
    """Press, move in a few steps (one frame each), release: like a child's hand."""
    press(start)
    frames(app)
    for k in range(1, 5):
        move((start[0] + (end[0] - start[0]) * k // 4, start[1] + (end[1] - start[1]) * k // 4))
        frames(app)
    release(end)
    frames(app)


def to_instant(app: App, scene: PlayScene) -> None:
    """Click the speed button until the replay is instant (it goes round the speeds)."""
    for _ in range(len(SPEEDS)):
        if SPEEDS[scene.speed] == max(SPEEDS):
            return
        click(scene.buttons["speed"].rect.center)
        frames(app)
    raise AssertionError("the speed button never reached the instant speed")


def program_point(scene: PlayScene, x: int, y: int) -> tuple[int, int]:
    ox, oy = scene.panel.origin()
    return ox + x, oy + y


def below_program(scene: PlayScene) -> tuple[int, int]:
    """A point in the program area under the last block (where a new block goes last)."""
    built = scene.panel.layout()
    rect = scene.panel.program_rect
    x = rect.right - 200 if scene.app.rtl else rect.x + 30
    return x, min(rect.bottom - 20, scene.panel.origin()[1] + built.height + 10)


def build_repeat_forward(app: App, scene: PlayScene) -> None:
    """Drag "repeat" into the program, then "forward" into the repeat's mouth."""
    drag(app, tile_centre(scene, "repeat"), below_program(scene))
    assert [b.kind for b in scene.editor.tree] == ["repeat"]
    loop = scene.panel.layout().placed[0]
    arm = loop.arms[0][1]
    start = tile_centre(scene, "forward")
    drag(app, start, program_point(scene, arm.x + 12 + 10, arm.y + 4))


@pytest.fixture
def app(make_app: Callable[..., App]) -> App:
    made = make_app("en")
    profile = made.progress.add_profile("Amina", 0)
    made.progress.select_profile(profile.id)
    return made


def test_drag_into_repeat_then_run_reaches_the_flag(app: App, tmp_path: Path) -> None:
    scene = open_play(app, write_level(tmp_path), pack_id="test")
    build_repeat_forward(app, scene)
    loop = scene.editor.tree[0]
    assert [b.kind for b in loop.body] == ["forward"]
    plus = next(p for p in scene.panel.layout().placed[0].parts if p.role == "plus")
    click(program_point(scene, plus.box.x + plus.box.w // 2, plus.box.y + plus.box.h // 2))
    frames(app)
    assert scene.editor.tree[0].count == 4
    to_instant(app, scene)
    click(scene.buttons["run"].rect.center)
    frames(app, 3)
    assert scene.session is not None and scene.session.result.status == "success"
    assert scene.show_success
    saved = app.progress.result("test", "corridor")
    assert saved is not None and saved.stars == 3 and saved.completed


def test_running_block_is_lit_all_along_the_replay(app: App, tmp_path: Path) -> None:
    scene = open_play(app, write_level(tmp_path), program=program("[forward, forward]"))
    click(scene.buttons["run"].rect.center)
    lit = set()
    for _ in range(200):
        frames(app)
        marks = scene.marks()
        if marks.running is not None:
            lit.add(marks.running)
    assert lit == set(scene.editor.preorder())
    assert scene.session is not None and scene.session.result.status == "incomplete"


def test_undo_and_redo_with_buttons_and_keys(app: App, tmp_path: Path) -> None:
    scene = open_play(app, write_level(tmp_path))
    drag(app, tile_centre(scene, "forward"), below_program(scene))
    drag(app, tile_centre(scene, "turn_left"), below_program(scene))
    assert scene.editor.count == 2
    key(pygame.K_z, pygame.KMOD_CTRL)
    frames(app)
    assert [b.kind for b in scene.editor.tree] == ["forward"]
    click(scene.buttons["undo"].rect.center)
    frames(app)
    assert scene.editor.count == 0
    key(pygame.K_y, pygame.KMOD_CTRL)
    frames(app)
    click(scene.buttons["redo"].rect.center)
    frames(app)
    assert [b.kind for b in scene.editor.tree] == ["forward", "turn_left"]


def test_block_limit_refuses_a_drop_and_greys_the_palette(app: App, tmp_path: Path) -> None:
    scene = open_play(app, write_level(tmp_path, limit=2))
    drag(app, tile_centre(scene, "forward"), below_program(scene))
    drag(app, tile_centre(scene, "forward"), below_program(scene))
    assert scene.editor.full
    drag(app, tile_centre(scene, "turn_left"), below_program(scene))
    assert scene.editor.count == 2
    assert app.toasts and app.toasts[-1].text == t("play.refused.limit", "en", max=2)


def test_dragging_a_block_out_deletes_it(app: App, tmp_path: Path) -> None:
    scene = open_play(app, write_level(tmp_path), program=program("[forward, turn_left]"))
    first = scene.panel.layout().placed[0]
    start = program_point(scene, first.header.x + 30, first.header.y + 20)
    drag(app, start, scene.rects.bin.center if scene.rects else (0, 0))
    assert [b.kind for b in scene.editor.tree] == ["turn_left"]


def test_arabic_mirrors_the_screen_and_speaks_arabic(app: App, tmp_path: Path) -> None:
    scene = open_play(app, write_level(tmp_path))
    assert scene.rects is not None
    assert scene.rects.palette.x < scene.rects.program.x
    app.set_lang("ar")
    frames(app)
    assert scene.rects.palette.x > scene.rects.program.x > scene.rects.world.x
    assert scene.buttons["run"].text == t("play.run", "ar") == "شغّل"
    assert scene.painter.words(scene.editor.new_block(scene.editor.entries()[0]))[0] == "تقدّم"
    # Blocks still drop where the hand is, in a mirrored program area.
    build_repeat_forward(app, scene)
    assert [b.kind for b in scene.editor.tree[0].body] == ["forward"]


def test_saved_program_survives_a_restart(tmp_path: Path) -> None:
    level = write_level(tmp_path)
    first = App(Progress.open_default(), Settings(lang="fr"))
    try:
        profile = first.progress.add_profile("Youssef", 1)
        first.progress.select_profile(profile.id)
        scene = open_play(first, level, pack_id="test")
        drag(first, tile_centre(scene, "turn_left"), below_program(scene))
        drag(first, tile_centre(scene, "forward"), below_program(scene))
    finally:
        first.close()
        first.progress.close()
    second = App(Progress.open_default(), Settings(lang="fr"))
    try:
        scene = open_play(second, level, pack_id="test")
        assert [b.kind for b in scene.editor.tree] == ["turn_left", "forward"]
    finally:
        second.close()
        second.progress.close()


def test_step_then_step_back_walks_the_trace(app: App, tmp_path: Path) -> None:
    scene = open_play(app, write_level(tmp_path), program=program("[forward, forward, forward]"))
    for _ in range(2):
        click(scene.buttons["step"].rect.center)
        frames(app, 60)
    board = scene.level.boards[0] if scene.level else None
    assert board is not None
    assert scene.session.current.shown  # type: ignore[union-attr] == 2
    assert board.xy(scene.motion(0).before.state.pos) == (3, 1)
    click(scene.buttons["back_step"].rect.center)
    frames(app)
    assert scene.session.current.shown  # type: ignore[union-attr] == 1
    assert board.xy(scene.motion(0).before.state.pos) == (2, 1)
    assert scene.marks().running == scene.editor.preorder()[0]


def test_crash_lights_the_guilty_block(app: App, tmp_path: Path) -> None:
    scene = open_play(app, write_level(tmp_path), program=program("[forward, turn_left, forward]"))
    to_instant(app, scene)
    click(scene.buttons["run"].rect.center)
    frames(app, 3)
    assert scene.session is not None and scene.session.result.status == "crashed"
    assert scene.marks().failed == scene.editor.preorder()[2]


def test_typing_python_becomes_blocks_and_errors_show_their_line(app: App, tmp_path: Path) -> None:
    scene = open_play(app, write_level(tmp_path), program=program("[forward]"))
    click(scene.buttons["code"].rect.center)
    frames(app)
    assert scene.code_open and scene.code_box.text == "forward()"
    click(scene.buttons["type"].rect.center)
    frames(app)
    assert scene.code_box.editable
    click(scene.code_box.rect.center)
    key(pygame.K_END)
    key(pygame.K_RETURN)
    type_text("for _ in range(4):")
    key(pygame.K_RETURN)
    type_text("turn_left(")
    frames(app)
    click(scene.buttons["type"].rect.center)
    frames(app)
    assert 3 in scene.code_box.errors and scene.code_box.editable
    assert scene.editor.count == 1
    type_text(")")
    click(scene.buttons["type"].rect.center)
    frames(app)
    assert not scene.code_box.editable
    expected = program("- forward\n- repeat: 4\n  do: [turn_left]\n")
    assert scene.editor.program().statements == expected.statements


def test_keyboard_alone_builds_and_removes_blocks(app: App, tmp_path: Path) -> None:
    scene = open_play(app, write_level(tmp_path))
    key(pygame.K_TAB)
    key(pygame.K_DOWN)  # forward -> turn_left
    key(pygame.K_RETURN)
    key(pygame.K_UP)
    key(pygame.K_RETURN)
    frames(app)
    assert [b.kind for b in scene.editor.tree] == ["turn_left", "forward"]
    key(pygame.K_TAB)  # to the program, on the block just added
    key(pygame.K_UP, pygame.KMOD_CTRL)  # moves it up, before turn_left
    frames(app)
    assert [b.kind for b in scene.editor.tree] == ["forward", "turn_left"]
    key(pygame.K_DOWN)
    key(pygame.K_DELETE)
    frames(app)
    assert [b.kind for b in scene.editor.tree] == ["forward"]


def test_hint_button_reveals_hints_one_by_one(app: App, tmp_path: Path) -> None:
    scene = open_play(app, write_level(tmp_path))
    click(scene.buttons["hint"].rect.center)
    frames(app)
    assert scene.hint_open and scene.hints_shown == 1


def test_mute_button_silences_the_game_and_is_remembered(app: App, tmp_path: Path) -> None:
    scene = open_play(app, write_level(tmp_path))
    assert not app.sound.muted
    click(scene.buttons["sound"].rect.center)
    frames(app)
    assert app.sound.muted and scene.buttons["sound"].icon_name == "sound_off"
    assert not load_settings(app.progress).sound_on
    click(scene.buttons["sound"].rect.center)
    frames(app)
    assert not app.sound.muted and scene.buttons["sound"].icon_name == "sound_on"


def test_level_file_edits_reload_and_broken_edits_are_shown(app: App, tmp_path: Path) -> None:
    level = write_level(tmp_path, limit=3)
    scene = open_play(app, level, program=program("[forward]"))
    level.write_text(CORRIDOR.format(limit=5), encoding="utf-8")
    os.utime(level, (1, 1))
    frames(app, 2, dt=0.3)
    assert scene.editor.max_blocks == 5 and scene.editor.count == 1
    level.write_text(CORRIDOR.format(limit=5).replace("#>...F#", "#>..X.F#"), encoding="utf-8")
    os.utime(level, (2, 2))
    frames(app, 2, dt=0.3)
    assert scene.level is None
    assert any(
        line.endswith(
            ":6:7: row 2: the character « X » is not a known cell; use # . ~ > < ^ v F * B o r g b y"
        )
        for line in scene.problems
    )
    assert app.scene is scene  # no crash, no trip back to the map


def test_condition_menu_and_function_name_are_edited_in_place(app: App, tmp_path: Path) -> None:
    level = tmp_path / "any.yaml"
    level.write_text(
        CORRIDOR.format(limit=9).replace(
            "blocks: [forward, turn_left, repeat]", "blocks: [forward, while, function]"
        ),
        encoding="utf-8",
    )
    text = "- define: f1\n  do: [forward]\n- while: path_ahead\n  do: [{call: f1}]\n"
    scene = open_play(app, level, program=program(text))
    loop = scene.panel.layout().placed[2]
    chip = next(p for p in loop.parts if p.role == "cond")
    click(program_point(scene, chip.box.x + 10, chip.box.y + 10))
    frames(app)
    assert scene.panel.menu is not None
    key(pygame.K_ESCAPE)  # Esc closes the menu and changes nothing
    frames(app)
    assert scene.panel.menu is None
    click(program_point(scene, chip.box.x + 10, chip.box.y + 10))
    frames(app)
    menu = scene.panel.menu
    assert menu is not None
    choice = next(cell for cond, cell in menu.cells() if cond.text() == "not at_goal")
    click(choice.center)
    frames(app)
    assert scene.panel.menu is None
    assert scene.editor.program().statements[1].cond.text() == "not at_goal"  # type: ignore[union-attr]
    define = scene.panel.layout().placed[0]
    name = next(p for p in define.parts if p.role == "name")
    click(program_point(scene, name.box.x + 5, name.box.y + 5))
    frames(app)
    for _ in range(2):
        key(pygame.K_BACKSPACE)
    type_text("Zigzag")  # capitals become small letters: names are lowercase words
    key(pygame.K_RETURN)
    frames(app)
    assert [b.name for b in scene.editor.tree if b.kind == "define"] == ["zigzag"]
    assert scene.editor.tree[1].body[0].name == "zigzag"  # the call follows the rename


def test_clear_asks_first_and_no_keeps_the_program(app: App, tmp_path: Path) -> None:
    scene = open_play(app, write_level(tmp_path), program=program("[forward, forward]"))
    click(scene.buttons["clear"].rect.center)
    frames(app)
    assert app.scene_name != "play"  # the question is on top
    key(pygame.K_ESCAPE)
    frames(app)
    assert app.scene is scene and scene.editor.count == 2
    click(scene.buttons["clear"].rect.center)
    frames(app)
    dialog = app.scene
    click(dialog.yes.rect.center)  # type: ignore[union-attr]
    frames(app)
    assert app.scene is scene and scene.editor.count == 0


def test_next_level_opens_the_following_level_of_the_pack(app: App) -> None:
    from game.catalog import Catalog
    from game.levels import read_level

    pack = next(p for p in Catalog().packs() if p.id == "basics")
    first, second = pack.levels[0], pack.levels[1]
    level = read_level(first.path).level
    assert level is not None and level.solution is not None
    scene = open_play(app, first.path, program=level.solution)
    assert scene.pack_id == "basics"  # found from the folder's pack.yaml
    to_instant(app, scene)
    click(scene.buttons["run"].rect.center)
    frames(app, 3)
    assert scene.show_success
    click(scene.buttons["next"].rect.center)
    frames(app)
    following = app.scene
    assert isinstance(following, PlayScene) and following is not scene
    assert following.level is not None and following.level.id == second.id
    assert app.progress.result("basics", first.id) is not None


def test_a_program_file_is_loaded_and_a_broken_one_is_told_gently(app: App, tmp_path: Path) -> None:
    good = tmp_path / "good.py"
    good.write_text("forward()\nturn_left()\n", encoding="utf-8")
    scene = open_play(app, write_level(tmp_path), program_path=str(good))
    assert [b.kind for b in scene.editor.tree] == ["forward", "turn_left"]
    bad = tmp_path / "bad.yaml"
    bad.write_text("- fly\n", encoding="utf-8")
    scene = open_play(app, write_level(tmp_path), program_path=str(bad))
    assert scene.editor.count == 0
    assert app.toasts[-1].text == t("play.program_unreadable", "en")
