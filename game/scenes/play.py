"""The play screen: build a program from the level's blocks, run it, watch the robot.

Run and Step record the whole run first (`game.runner.run`), then replay its trace: the
screen moves along frames (pause, step, step back) and never changes the world while
drawing. The program is saved at every edit and restored when the level is opened again.
While a level is on screen its file is watched: a trainer's edit reloads it, and a broken
edit shows the validator's messages instead of the level.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pygame

from blocks.parse import dump_program
from blocks.problems import InvalidInput
from blocks.program import Program
from blocks.program_file import read_program
from blocks.python_form import from_python, to_python
from game.editor.editor import ProgramEditor
from game.editor.playback import DEFAULT_SPEED, SPEEDS
from game.editor.session import RunSession
from game.i18n import format_problem, t
from game.levels import Level, pick_text, read_level
from game.render.block_view import BlockPainter, Marks
from game.render.world_view import Motion, WorldView
from game.scenes.play_layout import (
    BUTTON_TEXT,
    CODE_ROW,
    COMPACT,
    CONTROL_ROW,
    SUCCESS_ROW,
    TOP_RIGHT,
    PlayRects,
    play_rects,
    relevant_sensors,
)
from game.ui import theme
from game.ui.code_box import CodeBox
from game.ui.program_panel import ProgramPanel
from game.ui.scene import Scene
from game.ui.tool_button import SnapButton, ToolButton, caption_fit
from game.ui.widgets import Button, Dialog, Group
from game.world.outcome import Frame

if TYPE_CHECKING:
    from game.app import App

MIN_BLOCK_SCALE = 0.7
RELOAD_CHECK = 0.5  # seconds between two looks at the level file's modification time


class PlayScene(Scene):
    def __init__(
        self,
        app: App,
        level_path: str,
        program_path: str | None = None,
        program: Program | None = None,
        run: bool = False,
        pack_id: str | None = None,
        **kwargs: Any,
    ) -> None:
        super().__init__(app)
        self.level_path = level_path
        self.pack_id = pack_id if pack_id is not None else _pack_of(level_path)
        self.level: Level | None = None
        self.problems: list[str] = []
        self.mtime = _mtime(level_path)
        self.since_check = 0.0
        self.clock = 0.0
        self.speed = DEFAULT_SPEED
        self.session: RunSession | None = None
        self._views: tuple[Level | None, list[WorldView]] = (None, [])
        self.chosen_board = 0  # the map on screen when no run is under way
        self.show_success = False
        self.hints_shown = 0
        self.hint_open = False
        self.code_open = False
        self.code_errors: list[str] = []
        self.start_running = run
        self._load_level()
        self.intro_open = self.level is not None and self.level.intro is not None
        self.editor = ProgramEditor(
            self.level.blocks if self.level else (),
            self.level.max_blocks if self.level else None,
            program or self._initial_program(program_path),
            self.level.id if self.level else None,
        )
        self.saved_version = self.editor.version
        self.painter = self.base_painter = BlockPainter(app.lang, app.text_scale)
        self.panel = ProgramPanel(
            self.editor, self.painter, self._sensors(), app.toast, app.sound.play
        )
        self.rects: PlayRects | None = None
        self.program_need = 0
        self.buttons: dict[str, Button] = {}
        self.group = self.code_group = self.success_group = Group()
        self.code_box = CodeBox(pygame.Rect(0, 0, 10, 10), "", theme.text_size("body"))

    # -- level and program ---------------------------------------------------------------

    def _load_level(self) -> None:
        checked = read_level(self.level_path)
        lang = self.app.lang
        if checked.level is not None and checked.ok:
            self.level, self.problems = checked.level, []
            return
        self.level = None
        self.problems = [format_problem(self.level_path, p, lang) for p in checked.problems]
        self.problems = self.problems or [t("play.level_broken", lang)]

    def _sensors(self) -> tuple[str, ...]:
        return relevant_sensors(self.level.boards if self.level else ())

    def _initial_program(self, program_path: str | None) -> Program | None:
        """A program file given on the command line, else the child's saved program."""
        if program_path is not None:
            try:
                return read_program(program_path)
            except InvalidInput:
                self.app.toast(t("play.program_unreadable", self.app.lang))
                return None
        if self.level is None:
            return None
        return self.app.progress.saved_blocks(self.pack_id, self.level.id)

    def _save(self) -> None:
        if self.level is None or self.editor.version == self.saved_version:
            return
        self.saved_version = self.editor.version
        text = dump_program(self.editor.program())
        level_id = self.level.id
        self.app.try_save(lambda: self.app.progress.save_program(self.pack_id, level_id, text))

    # -- scene ---------------------------------------------------------------------------

    def enter(self) -> None:
        if self.start_running:
            self.start_running = False
            self.press_run()

    def leave(self) -> None:
        self._save()

    def resize(self, size: tuple[int, int]) -> None:
        app = self.app
        # Small screens get slightly smaller blocks, so nested programs still fit.
        base_scale = app.text_scale * (0.9 if size[0] < 1200 else 1.0)
        self.base_painter = BlockPainter(app.lang, base_scale)
        boards = len(self.level.boards) if self.level else 1
        self.program_need = self.panel.width_needed(self.base_painter)
        self.rects = play_rects(
            size,
            self.panel.palette_width(self.base_painter),
            self.program_need,
            boards,
            app.rtl,
            app.lang,
            app.text_scale,
        )
        # A program wider than its column is drawn smaller (down to 3/4), never cut off.
        wanted = self._fitting_painter(base_scale, self.rects.program.width)
        if self.painter.lang != wanted.lang or self.painter.metrics != wanted.metrics:
            self.painter = wanted
        self.panel.set_painter(self.painter, self.base_painter)
        self.panel.place(self.rects.palette, self.rects.program, self.rects.bin)
        self.code_box.rect = self.rects.code
        self.buttons = self._make_buttons()
        pick = self.buttons.__getitem__
        main = [n for n in self.buttons if n not in (*CODE_ROW, *SUCCESS_ROW)]
        self.group = Group([pick(n) for n in main])
        self.code_group = Group([pick(n) for n in CODE_ROW])
        self.success_group = Group([pick(n) for n in SUCCESS_ROW])
        self._refresh_buttons()

    def _fitting_painter(self, base_scale: float, width: int) -> BlockPainter:
        """The biggest blocks (down to MIN_BLOCK_SCALE) with which the program fits `width`;
        headers keep their minimum height, so shrinking is tried step by step."""
        fit = min(1.0, width / max(1, self.program_need))
        while True:
            scale = max(MIN_BLOCK_SCALE, fit)
            painter = BlockPainter(self.app.lang, base_scale * scale)
            if scale == MIN_BLOCK_SCALE or self.panel.width_needed(painter) <= width:
                return painter
            fit -= 0.05

    def _make_buttons(self) -> dict[str, Button]:
        assert self.rects is not None
        lang, scale, sound = self.app.lang, self.app.text_scale, self.app.sound
        actions = {
            "back": (self.go_map, theme.INK_SOFT),
            "hint": (self.press_hint, theme.WARNING),
            "code": (self.toggle_code, theme.CATEGORY["function"]),
            "undo": (self.undo, theme.ACCENT),
            "redo": (self.redo, theme.ACCENT),
            "sound": (self.toggle_sound, theme.INK_SOFT),
            "clear": (self.ask_clear, theme.DANGER),
            "run": (self.press_run, theme.SUCCESS),
            "back_step": (self.press_back, theme.ACCENT),
            "step": (self.press_step, theme.ACCENT),
            "reset": (self.press_reset, theme.ACCENT),
            "speed": (self.press_speed, theme.INK_SOFT),
            "type": (self.toggle_typing, theme.CATEGORY["function"]),
            "close_code": (self.toggle_code, theme.INK_SOFT),
            "replay": (self.close_success, theme.ACCENT),
            "next": (self.go_next, theme.SUCCESS),
        }
        buttons: dict[str, Button] = {}
        for name, rect in self.rects.buttons.items():
            key, picture = BUTTON_TEXT[name]
            action, colour = actions[name]
            tool = name in self.rects.tools
            text = "" if rect.width <= COMPACT and not tool else t(key, lang)
            kind = ToolButton if tool else SnapButton
            buttons[name] = kind(
                rect, text, picture, action, lang, colour=colour, scale=scale, sound=sound
            )
        if buttons["speed"].text:
            buttons["speed"].text = t(f"play.speed.{self.speed}", lang)
        self._share_captions(buttons)
        return buttons

    def _share_captions(self, buttons: dict[str, Button]) -> None:
        """Tool buttons of one row get one caption size (the speed button's longest word
        counts, since its word changes)."""
        lang, scale = self.app.lang, self.app.text_scale
        speeds = [t(f"play.speed.{n}", lang) for n in range(len(SPEEDS))]
        for row in (CONTROL_ROW, TOP_RIGHT, SUCCESS_ROW):
            tools = [b for n, b in buttons.items() if n in row and isinstance(b, ToolButton)]
            if not tools:
                continue
            size = min(
                caption_fit(
                    speeds if b is buttons.get("speed") else [b.text], b.rect.width, lang, scale
                )
                for b in tools
            )
            for button in tools:
                button.caption_size = size

    # -- buttons -------------------------------------------------------------------------

    def go_map(self) -> None:
        self._save()
        from game.scenes import SCENES

        self.app.goto("map" if "map" in SCENES else "welcome")

    def undo(self) -> None:
        self.editor.undo()

    def toggle_sound(self) -> None:
        """The mute button: silence (or bring back) every sound, remembered for next time."""
        self.app.set_sound(not self.app.settings.sound_on)
        self._refresh_buttons()

    def redo(self) -> None:
        self.editor.redo()

    def ask_clear(self) -> None:
        if self.editor.count:
            self.app.push(
                Dialog(
                    self.app,
                    t("play.clear_confirm", self.app.lang),
                    self.editor.clear,
                    picture="trash",
                )
            )

    def press_hint(self) -> None:
        if self.level is None or not self.level.hints:
            self.app.toast(t("play.no_hints", self.app.lang))
            return
        if not self.hint_open or self.hints_shown == 0:
            self.hints_shown = max(1, self.hints_shown)
        elif self.hints_shown < len(self.level.hints):
            self.hints_shown += 1
        self.hint_open = True
        self.intro_open = False

    def toggle_code(self) -> None:
        self.code_open = not self.code_open
        self.code_box.editable = False
        self.code_errors = []

    def toggle_typing(self) -> None:
        """Switch the code panel between the live view and typing; leaving typing turns
        the text into blocks, or shows each problem at its line."""
        box = self.code_box
        if not box.editable:
            box.editable = True
            pygame.key.start_text_input()
            return
        try:
            program = from_python(box.text)
        except InvalidInput as err:
            lang = self.app.lang
            box.errors = {p.line: format_problem("", p, lang) for p in err.problems}
            self.code_errors = [
                t("play.python_line", lang, line=p.line, message=t(p.code, lang, **p.args))
                for p in err.problems
            ]
            self.app.sound.play("fail")
            return
        box.editable = False
        box.errors = {}
        self.code_errors = []
        self.editor.load(program)
        self.app.toast(t("play.python_done", self.app.lang))

    def press_run(self) -> None:
        """Run: record and replay; pressed again, pause or go on."""
        if self.level is None:
            return
        if self.session is not None and not self.session.finished:
            self.session.toggle()
            return
        self._record().play()

    def press_step(self) -> None:
        """Step: one action of the replay (recording the run first if needed)."""
        if self.level is None:
            return
        session = self.session
        if session is None or session.announced:
            session = self._record()
        session.step()

    def press_back(self) -> None:
        if self.session is not None:
            self.session.back()
        self.show_success = False

    def press_reset(self) -> None:
        if self.session is not None:
            self.chosen_board = self.session.board
        self.session = None
        self.show_success = False

    def press_speed(self) -> None:
        self.speed = (self.speed + 1) % len(SPEEDS)
        if self.session is not None:
            self.session.set_speed(self.speed)
        button = self.buttons.get("speed")
        if button is not None and button.text:
            button.text = t(f"play.speed.{self.speed}", self.app.lang)

    def _record(self) -> RunSession:
        """Run the program to its end now; the screen then only replays the trace."""
        assert self.level is not None
        self.session = RunSession.record(self.level, self.editor, self.speed)
        self.show_success = False
        self.hint_open = self.intro_open = False
        return self.session

    # -- events --------------------------------------------------------------------------

    def handle(self, event: pygame.event.Event) -> bool:
        if event.type == pygame.KEYDOWN and self._shortcut(event):
            return True
        if self.show_success:
            return self.success_group.handle(event) or self._success_click(event)
        if self.code_open and (self.code_group.handle(event) or self.code_box.handle(event)):
            return True
        if self.panel.handle(event):
            return True
        if self.group.handle(event):
            return True
        return self._click_world(event)

    def _shortcut(self, event: pygame.event.Event) -> bool:
        """Screen-wide keys; an open menu or name field keeps its keys (Esc closes it)."""
        if self.panel.menu is not None or self.panel.name_field is not None:
            return False
        ctrl = event.mod & pygame.KMOD_CTRL
        if ctrl and event.key == pygame.K_z:
            self.redo() if event.mod & pygame.KMOD_SHIFT else self.undo()
            return True
        if ctrl and event.key == pygame.K_y:
            self.redo()
            return True
        if event.key == pygame.K_TAB and not self.code_box.editable:
            self._tab()
            return True
        if event.key == pygame.K_ESCAPE:
            self.hint_open = self.intro_open = self.show_success = False
            if self.code_open:
                self.toggle_code()
            return True
        if event.key == pygame.K_F5:
            self.press_run()
            return True
        return False

    def _tab(self) -> None:
        """Tab goes palette -> program -> each button -> palette again."""
        focused = self.group.focused()
        if self.panel.zone is not None:
            if not self.panel.focus_next_zone():
                self.group.move_focus()
            return
        if focused is not None and focused is self.group.widgets[-1]:
            focused.focused = False
            self.panel.focus_next_zone()
            return
        if focused is None:
            self.panel.focus_next_zone()
            return
        self.group.move_focus()

    def _click_world(self, event: pygame.event.Event) -> bool:
        """A click on a map thumbnail shows that map; a click on the hint closes it."""
        if event.type != pygame.MOUSEBUTTONDOWN or event.button != 1 or self.rects is None:
            return False
        for index, rect in enumerate(self.rects.thumbs):
            if rect.collidepoint(event.pos):
                self.chosen_board = index
                if self.session is not None:
                    self.session.select(index)
                return True
        if (self.hint_open or self.intro_open) and self.rects.hint.collidepoint(event.pos):
            self.hint_open = self.intro_open = False
            return True
        return False

    def _success_click(self, event: pygame.event.Event) -> bool:
        """A click outside the success card closes it (the run stays on screen)."""
        if event.type == pygame.MOUSEBUTTONDOWN and event.button == 1 and self.rects:
            if not self.rects.success.collidepoint(event.pos):
                self.show_success = False
            return True
        return False

    def close_success(self) -> None:
        self.show_success = False

    def go_next(self) -> None:
        """Open the next level of the pack (the map when this was the last one)."""
        self._save()
        following = _next_level(self.pack_id, self.level_path)
        if following is None:
            self.go_map()
        else:
            self.app.goto("play", level_path=str(following), pack_id=self.pack_id)

    # -- time ----------------------------------------------------------------------------

    def update(self, dt: float) -> None:
        self.clock += dt
        self.panel.update(dt)
        self._watch_file(dt)
        if self.session is not None and self.editor.version != self.session.version:
            self.press_reset()  # the program changed: its run no longer says anything
        self._save()
        need = self.panel.width_needed(self.base_painter)
        if self.rects is not None and need != self.program_need:
            self.resize(self.app.size)  # the program grew or shrank: share the width again
        if self.session is not None:
            tick = self.session.update(dt)
            for sound in tick.sounds:
                self.app.sound.play(sound)
            if tick.ended:
                self._ended(self.session)
        if self.code_open and not self.code_box.editable:
            self.code_box.set_text(to_python(self.editor.program()))
        self._refresh_buttons()

    def _ended(self, session: RunSession) -> None:
        """A success shows the stars and is saved with its program."""
        if session.result.status != "success" or self.level is None:
            return
        self.show_success = True
        stars = session.result.first.stars
        text = dump_program(self.editor.program())
        level_id, pack_id, progress = self.level.id, self.pack_id, self.app.progress
        self.app.try_save(lambda: progress.record_result(pack_id, level_id, stars, text))

    def _watch_file(self, dt: float) -> None:
        self.since_check += dt
        if self.since_check < RELOAD_CHECK:
            return
        self.since_check = 0.0
        mtime = _mtime(self.level_path)
        if mtime == self.mtime:
            return
        self.mtime = mtime
        self.reload()

    def reload(self) -> None:
        """Read the level file again; keep the program, forget the run."""
        self._load_level()
        self.press_reset()
        self.chosen_board = 0  # the new file may have fewer maps
        if self.level is not None:
            self.editor.palette = self.level.blocks
            self.editor.max_blocks = self.level.max_blocks
            self.editor.level_id = self.level.id
            self.panel.sensors = self._sensors()
            self.panel.set_painter(self.painter, self.base_painter)
            self.app.toast(t("play.reloaded", self.app.lang))
        self.resize(self.app.size)

    def _refresh_buttons(self) -> None:
        buttons = self.buttons
        if not buttons:
            return
        session = self.session
        playing = session is not None and session.playing
        run_button = buttons["run"]
        run_button.icon_name = "pause" if playing else "play"
        if run_button.text:
            run_button.text = t("play.pause" if playing else "play.run", self.app.lang)
        buttons["sound"].icon_name = "sound_on" if self.app.settings.sound_on else "sound_off"
        buttons["undo"].enabled = self.editor.can_undo
        buttons["redo"].enabled = self.editor.can_redo
        buttons["clear"].enabled = self.editor.count > 0
        ready = self.level is not None
        for name in ("run", "step", "reset"):
            buttons[name].enabled = ready
        buttons["back_step"].enabled = session is not None and session.current.shown > 0
        buttons["next"].enabled = self.show_success
        typing = buttons["type"]
        if typing.text:
            key = "play.apply_python" if self.code_box.editable else "play.type_python"
            typing.text = t(key, self.app.lang)

    # -- drawing -------------------------------------------------------------------------

    @property
    def board(self) -> int:
        """The map on screen: the run's (it opens on the map that failed), else the chosen."""
        return self.session.board if self.session is not None else self.chosen_board

    def marks(self) -> Marks:
        """The running block (all along the replay) and, after a failure, the culprit."""
        if self.session is None:
            return Marks()
        running, failed = self.session.marks()
        return Marks(running=running, failed=failed)

    def draw(self, surface: pygame.Surface) -> None:
        if self.rects is None:
            return
        from game.scenes.play_draw import draw_play

        draw_play(self, surface)

    def motion(self, index: int) -> Motion:
        """What the world view draws for board `index` now."""
        assert self.level is not None
        if self.session is None:
            return Motion(Frame(0, -1, "", self.level.boards[index].start), clock=self.clock)
        session = self.session
        pb = session.playbacks[index]
        after = pb.frames[pb.shown + 1] if pb.progress > 0 and pb.shown < pb.last else None
        ending = pb.status
        if ending == "success" and not (session.finished and session.result.status == "success"):
            ending = None  # celebrate once every map has made it, not one map alone
        since = min(pb.since_end for pb in session.playbacks)
        return Motion(pb.frames[pb.shown], after, pb.progress, ending, since, self.clock)

    def world_views(self) -> list[WorldView]:
        """One view per map, kept while the level stays the same (each keeps its ground)."""
        if self._views[0] is not self.level:
            views = [WorldView(board) for board in self.level.boards] if self.level else []
            self._views = (self.level, views)
        return self._views[1]

    def title(self) -> str:
        return (
            pick_text(self.level.title, self.app.lang) if self.level else Path(self.level_path).name
        )


def _mtime(path: str) -> float:
    try:
        return os.stat(path).st_mtime
    except OSError:
        return -1.0


def _pack_of(level_path: str) -> str:
    """The id of the pack holding a level file (its folder's pack.yaml), or ""."""
    from game.packs import PACK_FILE, read_pack

    folder = Path(level_path).parent
    if not (folder / PACK_FILE).is_file():
        return ""
    return read_pack(folder).id


def _next_level(pack_id: str, level_path: str) -> Path | None:
    from game.catalog import Catalog

    here = Path(level_path).resolve()
    for pack in Catalog().packs():
        paths = [entry.path.resolve() for entry in pack.levels]
        if pack.id == pack_id and here in paths:
            index = paths.index(here)
            return paths[index + 1] if index + 1 < len(paths) else None
    return None
