"""The AI lab: watch a robot learn a level by trying, change how it learns, race it.

The robot (`lab_training.LabTrainer`, a Q-learner) trains on the level's first map. Train
replays each try with a fading trail; One try runs exactly one; Fast runs the level's
number of tries a few milliseconds per frame, so the screen never freezes. A child can
show what the robot has learned (glowing values and favourite moves) or where it walked,
paint treats and traps on the path, and move three sliders with children's words. The
race (`lab_race.Race`) puts the child's own program (or the level's solution, labelled as
a demo) against the robot's learned route, on every map of the level.

Everything is deterministic from the seed shown on screen.
"""

from __future__ import annotations

from functools import partial
from pathlib import Path
from typing import Any

import pygame

import game.render.lab_icons  # noqa: F401  (registers the lab's pictures)
from blocks.program import Program, block_count
from game.agent.cells import cell_choices, cell_values, cell_visits
from game.agent.states import Untrainable
from game.agent.training import optimal_steps
from game.catalog import default_catalog, unlocked
from game.i18n import format_problem, t
from game.levels import Level, pick_text, read_level
from game.render.learning_curve import LearningCurve
from game.render.text import line_height, wrap
from game.render.value_overlay import Knowledge, LabWorldView
from game.render.world_view import fit
from game.scenes.ai_lab_layout import (
    CONTROL_ROW,
    SLIDERS,
    TOOL_STRIP,
    LabRects,
    lab_rects,
    words_width,
)
from game.scenes.lab_race import Race
from game.scenes.lab_training import MAX_EPISODES, PACES, LabTrainer, News, Paint
from game.ui import theme
from game.ui.scene import Scene
from game.ui.tool_button import SnapButton, ToolButton
from game.ui.widgets import Button, Group, Slider, is_key

BUTTONS: dict[str, tuple[str, str]] = {
    "back": ("lab.back", "home"),
    "race": ("lab.race", "race"),
    "train": ("lab.train", "play"),
    "step": ("lab.step", "step"),
    "fast": ("lab.fast", "speed"),
    "pace": ("lab.pace.1", "pace_1"),
    "restart": ("lab.restart", "reset"),
    "values": ("lab.values", "brain"),
    "visits": ("lab.visits", "footprints"),
    "treat": ("lab.treat", "treat"),
    "trap": ("lab.trap", "trap"),
    "erase": ("lab.erase", "eraser"),
    "seed": ("lab.seed", "dice"),
    "again": ("lab.race.again", "reset"),
    "write": ("lab.race.write", "code"),
    "demo": ("lab.race.show_demo", "play"),
}
SLIDER_RANGES: dict[str, tuple[float, float, float]] = {
    "alpha": (0.05, 1.0, 0.05),
    "gamma": (0.0, 0.99, 0.01),
    "epsilon": (0.0, 1.0, 0.01),
}
TOOL_COLOURS: dict[str, theme.Rgb] = {
    "values": (204, 121, 167),
    "visits": (0, 150, 170),
    "treat": (232, 92, 150),
    "trap": (190, 40, 40),
    "erase": theme.INK_SOFT,
}
ENDING_SOUNDS = {"success": "gem", "crashed": "bump", "fell": "splash", "no_gem": "bump"}
LEARN_WORDS = tuple(
    f"lab.explain.{key}"
    for key in (
        "start", "start_variants", "exploring", "try_fast", "first_success", "improving", "learned",
        "learned_best", "fast", "values", "visits", "treat", "trap", "erase", "erased",
        "paint_here", "cannot_paint", "alpha", "gamma", "epsilon", "restart", "seed", "tired",
        "pace", "try.success", "try.crashed", "try.fell", "try.no_gem", "try.out_of_steps",
    )
)  # fmt: skip
RACE_WORDS = tuple(
    f"lab.race.{key}"
    for key in (
        "explain", "explain_variants", "untrained", "won.child", "won.robot", "won.tie",
        "won.nobody", "everywhere",
    )
)  # fmt: skip
WORD_SAMPLES: dict[str, object] = {"steps": 100, "shortest": 100, "count": 20000, "seed": 1000}
EXPLORING_AFTER = 6  # tries without success before the robot explains its curiosity
SUGGEST_FAST_AFTER = 40  # tries watched without success before Fast is suggested
IMPROVING_AFTER = 25  # tries after the first success before it points at the curve


class AiLab(Scene):
    def __init__(
        self,
        app: Any,
        level_path: str,
        pack_id: str | None = None,
        seed: int = 0,
        pretrain: int = 0,
        race: bool = False,
        overlay: str | None = None,
        **kwargs: Any,
    ) -> None:
        super().__init__(app)
        self.level_path = level_path
        self.pack_id = pack_id or ""
        self.level: Level | None = None
        self.problems: list[str] = []
        self.trainer: LabTrainer | None = None
        self._load(seed)
        self.shortest = optimal_steps(self.level) if self.trainer and self.level else None
        self.show_values = overlay == "values"
        self.show_visits = overlay == "visits"
        self.tool: Paint | None = None
        self.erasing = False
        self.racing = False
        self.race: Race | None = None
        self.clock = 0.0
        self.words_size = theme.text_size("body", app.text_scale)
        self.words: tuple[str, dict[str, object]] = (self._start_words(), {})
        self.rects: LabRects | None = None
        self.buttons: dict[str, Button] = {}
        self.sliders: dict[str, Slider] = {}
        self.group = Group()
        self.chips = self._pack_levels()
        self.views: list[LabWorldView] = (
            [LabWorldView(board) for board in self.level.boards] if self.level else []
        )
        self._knowledge: tuple[object, Knowledge] | None = None
        self.curve = LearningCurve()
        if pretrain and self.trainer is not None:  # (the command line's --train N)
            self.trainer.learner.run(min(pretrain, MAX_EPISODES))
        if race:
            self.toggle_race()

    # -- level -----------------------------------------------------------------------

    def _load(self, seed: int) -> None:
        checked = read_level(self.level_path)
        lang = self.app.lang
        if checked.level is None or not checked.ok:
            found = [format_problem(self.level_path, p, lang) for p in checked.problems]
            self.problems = found or [self.level_path]
            return
        self.level = checked.level
        try:
            self.trainer = LabTrainer(checked.level, seed)
        except Untrainable as err:
            reason = t(err.key, lang, **err.params)
            self.problems = [t("lab.untrainable", lang, reason=reason)]

    def _pack_levels(self) -> list[tuple[str, bool, bool]]:
        """(path, open, done) of each level of this level's pack, for the numbers in the
        top bar; the pack is found by its id, or else as the one holding the level file."""
        here = Path(self.level_path).resolve()
        for pack in default_catalog().packs():
            paths = [entry.path.resolve() for entry in pack.levels]
            if pack.id != self.pack_id and (self.pack_id or here not in paths):
                continue
            self.pack_id = pack.id
            results = self.app.progress.results()
            opened = unlocked(pack, results, self.app.settings.unlock_all)
            done = [results.get((pack.id, entry.id)) for entry in pack.levels]
            return [
                (str(entry.path), is_open, result is not None and result.completed)
                for entry, is_open, result in zip(pack.levels, opened, done, strict=True)
            ]
        return []

    def _start_words(self) -> str:
        if self.level is not None and len(self.level.boards) > 1:
            return "lab.explain.start_variants"
        return "lab.explain.start"

    def title(self) -> str:
        return (
            pick_text(self.level.title, self.app.lang) if self.level else Path(self.level_path).name
        )

    def say(self, key: str, **params: object) -> None:
        """What the robot's bubble says now."""
        self.words = (key, params)

    # -- layout ----------------------------------------------------------------------

    def resize(self, size: tuple[int, int]) -> None:
        app = self.app
        # Short windows: the robot's words get smaller so the learning curve keeps room.
        self.words_size = theme.text_size("body" if size[1] >= 680 else "small", app.text_scale)
        boards = len(self.level.boards) if self.level else 1
        first = lab_rects(size, app.rtl, len(self.chips), boards)
        learning, racing = words_width(first)
        needed = (self._words_height(LEARN_WORDS, learning), self._words_height(RACE_WORDS, racing))
        self.rects = lab_rects(size, app.rtl, len(self.chips), boards, needed)
        self.buttons = self._make_buttons(self.rects)
        self.sliders = self._make_sliders(self.rects)
        self._refresh()

    def _words_height(self, keys: tuple[str, ...], width: int) -> int:
        """The height of the longest of these messages, so the bubble never cuts one."""
        size = self.words_size
        lang = self.app.lang
        texts = [t(key, lang, **WORD_SAMPLES) for key in keys]
        return max(
            len(wrap(text, size, width, lang)) * line_height(size, text=text) for text in texts
        )

    def _make_buttons(self, rects: LabRects) -> dict[str, Button]:
        lang, scale, sound = self.app.lang, self.app.text_scale, self.app.sound
        actions = {
            "back": self.go_map,
            "race": self.toggle_race,
            "train": self.press_train,
            "step": self.press_step,
            "fast": self.press_fast,
            "pace": self.press_pace,
            "restart": self.press_restart,
            "values": self.toggle_values,
            "visits": self.toggle_visits,
            "treat": lambda: self.choose_tool("treat"),
            "trap": lambda: self.choose_tool("trap"),
            "erase": self.choose_eraser,
            "again": self.race_again,
            "write": self.write_program,
            "demo": self.show_demo,
        }
        self._fit_race_buttons(rects)
        buttons: dict[str, Button] = {}
        for name, rect in rects.buttons.items():
            key, picture = BUTTONS[name]
            tool = name in (*CONTROL_ROW, *TOOL_STRIP, "race", "again")
            kind = ToolButton if tool else SnapButton
            colour = theme.PANEL if name == "back" else theme.ACCENT
            ink = theme.INK if name == "back" else theme.ON_ACCENT
            buttons[name] = kind(
                rect, t(key, lang), picture, actions[name], lang,
                colour=colour, ink=ink, scale=scale, sound=sound,
            )  # fmt: skip
        seed_rect = pygame.Rect(0, 0, 150, theme.MIN_TARGET)
        head = rects.head
        if self.app.rtl:
            seed_rect.midleft = (head.left, head.centery)
        else:
            seed_rect.midright = (head.right, head.centery)
        buttons["seed"] = SnapButton(
            seed_rect, "", "dice", self.press_seed, lang,
            colour=theme.PANEL, ink=theme.INK, scale=scale * 0.85, sound=sound,
        )  # fmt: skip
        for index, (path, is_open, done) in enumerate(self.chips):
            chip = SnapButton(
                rects.chips[index], str(index + 1), None, partial(self.open_level, path), "en",
                colour=theme.SUCCESS if done else theme.ACCENT, scale=scale, sound=sound,
            )  # fmt: skip
            chip.enabled = is_open
            buttons[f"chip{index}"] = chip
        return buttons

    def _fit_race_buttons(self, rects: LabRects) -> None:
        """ "Write my program" and "Watch a demo": as wide as their words need, centred
        in the child's lane."""
        lang, scale = self.app.lang, self.app.text_scale
        lane = rects.lanes[0]
        need = max(
            Button.fit(t(BUTTONS[n][0], lang), BUTTONS[n][1], lang, scale)[0]
            for n in ("write", "demo")
        )
        for name in ("write", "demo"):
            rect = rects.buttons[name]
            rect.width = min(lane.width - 2 * theme.PAD, max(rect.width, need))
            rect.centerx = lane.centerx

    def _make_sliders(self, rects: LabRects) -> dict[str, Slider]:
        if self.trainer is None:
            return {}
        params = self.trainer.params
        sliders = {}
        for name in SLIDERS:
            low, high, step = SLIDER_RANGES[name]
            sliders[name] = Slider(
                rects.sliders[name], low, high, float(getattr(params, name)),
                partial(self.set_param, name), step=step, rtl=self.app.rtl,
            )  # fmt: skip
        return sliders

    def visible(self) -> list[str]:
        """The buttons of the current mode, in keyboard (Tab) order."""
        top = ["back", *(f"chip{i}" for i in range(len(self.chips))), "race"]
        if self.trainer is None:
            return ["back", *(f"chip{i}" for i in range(len(self.chips)))]
        if not self.racing:
            return [*top, *CONTROL_ROW, *TOOL_STRIP, "seed"]
        if self.race is None:
            shown = ["write", "demo"] if self.level and self.level.solution else ["write"]
            return [*top, *shown]
        return [*top, "again"]

    def _refresh(self) -> None:
        """Button words, pictures and colours that follow the state."""
        if not self.buttons:
            return
        lang = self.app.lang
        widgets: list[Any] = [self.buttons[name] for name in self.visible()]
        if not self.racing:
            widgets += list(self.sliders.values())
        self.group.widgets = widgets
        race = self.buttons["race"]
        race.text = t("lab.training" if self.racing else "lab.race", lang)
        race.icon_name = "brain" if self.racing else "race"
        trainer = self.trainer
        if trainer is None:
            return
        training = trainer.mode == "train"
        self.buttons["train"].text = t("lab.pause" if training else "lab.train", lang)
        self.buttons["train"].icon_name = "pause" if training else "play"
        self.buttons["pace"].text = t(f"lab.pace.{trainer.pace}", lang)
        self.buttons["pace"].icon_name = f"pace_{trainer.pace}"
        self.buttons["seed"].text = t("lab.seed", lang, seed=trainer.seed)
        # Train is the main action: green to start, amber while it runs (like Fast).
        self.buttons["train"].colour = theme.WARNING if training else theme.SUCCESS
        self.buttons["fast"].colour = theme.WARNING if trainer.mode == "fast" else theme.ACCENT
        toggled = {
            "values": self.show_values,
            "visits": self.show_visits,
            "treat": self.tool == "treat",
            "trap": self.tool == "trap",
            "erase": self.erasing,
        }
        for name, on in toggled.items():
            self._light(name, on, TOOL_COLOURS[name])
        for name, slider in self.sliders.items():
            if not slider.dragging:
                slider.value = min(
                    slider.high, max(slider.low, float(getattr(trainer.params, name)))
                )

    def _light(self, name: str, on: bool, colour: theme.Rgb) -> None:
        """A switch: coloured when on, white with dark ink when off."""
        button = self.buttons[name]
        button.colour = colour if on else theme.PANEL
        button.ink = theme.ON_ACCENT if on else theme.INK

    # -- buttons ---------------------------------------------------------------------

    def go_map(self) -> None:
        from game.scenes import SCENES

        self.app.goto("map" if "map" in SCENES else "welcome")

    def open_level(self, path: str) -> None:
        self.app.goto("ai_lab", level_path=path, pack_id=self.pack_id)

    def press_train(self) -> None:
        if self.trainer is not None:
            self.trainer.toggle_train()

    def press_step(self) -> None:
        if self.trainer is not None:
            self.trainer.step()

    def press_fast(self) -> None:
        if self.trainer is not None:
            self.trainer.fast_forward()

    def press_pace(self) -> None:
        if self.trainer is not None:
            self.trainer.next_pace()
            self.say("lab.explain.pace", pace=t(f"lab.pace.{self.trainer.pace}", self.app.lang))

    def press_restart(self) -> None:
        if self.trainer is not None:
            self.trainer.restart()
            self.say("lab.explain.restart")

    def press_seed(self) -> None:
        if self.trainer is not None:
            self.trainer.restart(self.trainer.seed + 1)
            self.say("lab.explain.seed", seed=self.trainer.seed)

    def set_param(self, name: str, value: float) -> None:
        if self.trainer is not None:
            setattr(self.trainer.params, name, value)
            self.say(f"lab.explain.{name}")

    def toggle_values(self) -> None:
        self.show_values = not self.show_values
        if self.show_values:
            self.say("lab.explain.values")

    def toggle_visits(self) -> None:
        self.show_visits = not self.show_visits
        if self.show_visits:
            self.say("lab.explain.visits")

    def choose_tool(self, kind: Paint) -> None:
        """Pick a treat or a trap to paint (pressed again, put it down)."""
        self.erasing = False
        self.tool = None if self.tool == kind else kind
        if self.tool is not None:
            self.say("lab.explain.paint_here")

    def choose_eraser(self) -> None:
        self.tool = None
        self.erasing = not self.erasing
        if self.erasing:
            self.say("lab.explain.erase")

    def paint_at(self, pos: tuple[int, int]) -> bool:
        """A click on the grid with a treat, a trap or the eraser in hand."""
        trainer, rects = self.trainer, self.rects
        if trainer is None or rects is None or (self.tool is None and not self.erasing):
            return False
        board = trainer.env.space.board
        placed = fit(board, rects.world)
        x, y = (pos[0] - placed.left) // placed.tile, (pos[1] - placed.top) // placed.tile
        if not (0 <= x < board.width and 0 <= y < board.height):
            return False
        if not trainer.paint(x, y, self.tool):
            self.app.sound.play("bump")
            self.say("lab.explain.cannot_paint")
        elif self.tool is None:
            self.app.sound.play("delete")
            self.say("lab.explain.erased")
        else:
            self.app.sound.play("drop")
            self.say(f"lab.explain.{self.tool}")
        return True

    def toggle_race(self) -> None:
        if self.trainer is None or self.level is None:
            return
        self.racing = not self.racing
        self.trainer.pause()
        self.race = None
        if self.racing:
            program = self._child_program()
            if program is not None:
                self.race = Race(self.level, self.trainer.learner, program)

    def _child_program(self) -> Program | None:
        """The program the child saved for this level on the play screen, if any."""
        if self.level is None:
            return None
        program = self.app.progress.saved_blocks(self.pack_id, self.level.id)
        return program if program is not None and block_count(program) > 0 else None

    def race_again(self) -> None:
        if self.race is not None:
            self.race.again()

    def write_program(self) -> None:
        self.app.goto("play", level_path=self.level_path, pack_id=self.pack_id)

    def show_demo(self) -> None:
        if self.level is not None and self.level.solution is not None and self.trainer:
            self.race = Race(self.level, self.trainer.learner, self.level.solution, demo=True)

    # -- events ----------------------------------------------------------------------

    def handle(self, event: pygame.event.Event) -> bool:
        if self.group.handle(event):
            return True
        if is_key(event, pygame.K_ESCAPE) and self.racing:
            self.toggle_race()
            return True
        if is_key(event, pygame.K_F5):
            self.press_train()
            return True
        if event.type != pygame.MOUSEBUTTONDOWN or event.button != 1 or self.rects is None:
            return False
        if self.racing:
            return self._click_thumb(event.pos)
        if self.rects.world.collidepoint(event.pos):
            return self.paint_at(event.pos)
        return False

    def _click_thumb(self, pos: tuple[int, int]) -> bool:
        if self.race is None or self.rects is None:
            return False
        for index, rect in enumerate(self.rects.thumbs):
            if rect.collidepoint(pos):
                self.race.select(index)
                return True
        return False

    # -- time ------------------------------------------------------------------------

    def update(self, dt: float) -> None:
        self.clock += dt
        if self.racing:
            if self.race is not None:
                for ended in self.race.update(dt):
                    self.app.sound.play(ENDING_SOUNDS.get(ended.status, "bump"))
        elif self.trainer is not None:
            self._react(self.trainer.update(dt))
            self.curve.follow(self.trainer.learner.history)
        self._refresh()

    def _react(self, news: News) -> None:
        """Words, sounds and saved progress for what the training just did."""
        trainer = self.trainer
        assert trainer is not None
        if news.first_success:
            self.app.sound.play("win")
        elif trainer.mode != "fast" and trainer.pace < len(PACES) - 1:  # quick: too many
            for episode in news.ended:
                self.app.sound.play(ENDING_SOUNDS.get(episode.ending, "bump"))
        if news.tired:
            self.say("lab.explain.tired", count=trainer.episodes)
        elif news.learned or (news.fast_done and trainer.learned()):
            self._learned()  # (after a fast-forward, what it learned matters most)
        elif news.fast_done:
            self.say("lab.explain.fast", count=news.fast_done)
        elif news.first_success:
            self.say("lab.explain.first_success")
        elif news.ended and trainer.mode == "step":
            episode = news.ended[-1]
            self.say(f"lab.explain.try.{episode.ending}", steps=episode.steps)
        else:
            self._moments()

    def _learned(self) -> None:
        """The robot's best route now reaches the goals: say so, and count the level as
        done (the next AI level opens), with 3 stars for the shortest route."""
        assert self.trainer is not None and self.level is not None
        steps = self.trainer.route().steps
        best = self.shortest is None or steps <= self.shortest
        key = "lab.explain.learned_best" if best else "lab.explain.learned"
        self.say(key, steps=steps, shortest=self.shortest or steps)
        pack_id, level_id, stars = self.pack_id, self.level.id, 3 if best else 2
        self.app.try_save(lambda: self.app.progress.record_result(pack_id, level_id, stars))

    def _moments(self) -> None:
        """Words that come with time: curiosity while nothing works yet, the curve once
        the robot has found the flag a while ago."""
        trainer = self.trainer
        assert trainer is not None
        key = self.words[0]
        if key in ("lab.explain.start", "lab.explain.start_variants"):
            if trainer.episodes >= EXPLORING_AFTER and not trainer.first_success:
                self.say("lab.explain.exploring")
        elif key == "lab.explain.exploring" and trainer.mode == "train":
            if trainer.episodes >= SUGGEST_FAST_AFTER and not trainer.first_success:
                self.say("lab.explain.try_fast")
        elif key == "lab.explain.first_success" and (
            trainer.episodes - trainer.first_success >= IMPROVING_AFTER
        ):
            self.say("lab.explain.improving")

    # -- what the drawing reads ------------------------------------------------------

    def knowledge(self) -> Knowledge | None:
        """The per-cell arrays of what the robot knows (recomputed after each try)."""
        trainer = self.trainer
        if trainer is None:
            return None
        stamp = (id(trainer.learner), trainer.episodes)
        if self._knowledge is None or self._knowledge[0] != stamp:
            learner = trainer.learner
            facing, action = cell_choices(learner)
            found = Knowledge(
                cell_values(learner), facing, action, cell_visits(learner), trainer.env.actions
            )
            self._knowledge = (stamp, found)
        return self._knowledge[1]

    def draw(self, surface: pygame.Surface) -> None:
        if self.rects is None:
            return
        from game.scenes.ai_lab_draw import draw_lab

        draw_lab(self, surface)
