"""The AI lab driven by real pygame events, headless: training, one try, fast-forward,
painting treats and traps, sliders, overlays, the race and the saved progress."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pygame
import pytest

from blocks.parse import dump_program
from game.app import App
from game.levels import read_level
from game.render.learning_curve import ENDING_COLOURS
from game.render.world_view import fit
from game.scenes.ai_lab import AiLab
from game.scenes.lab_training import PAINT_REWARD, LabTrainer
from game.world.tiles import Ground
from tests.ui.events import click, move, press, release

AI = Path(__file__).resolve().parents[2] / "levels" / "ai"
MAZE = AI / "03-maze.yaml"
THREE_MAPS = AI / "06-three-maps.yaml"


def frames(app: App, count: int = 1, dt: float = 1 / 60) -> None:
    for _ in range(count):
        app.step(dt)


def open_lab(app: App, level: Path = MAZE, **kwargs: object) -> AiLab:
    app.goto("ai_lab", level_path=str(level), pack_id="ai", **kwargs)
    frames(app)
    scene = app.scene
    assert isinstance(scene, AiLab)
    assert scene.trainer is not None
    return scene


def press_button(app: App, scene: AiLab, name: str) -> None:
    click(scene.buttons[name].rect.center)
    frames(app)


def trainer(scene: AiLab) -> LabTrainer:
    assert scene.trainer is not None
    return scene.trainer


def curve_dots(app: App, scene: AiLab) -> int:
    """Pixels of the learning curve painted in the colour of a success, bump or fall."""
    assert scene.rects is not None
    area = app.surface.subsurface(scene.rects.curve)
    colours = {(*ENDING_COLOURS[name], 255) for name in ("success", "crashed", "fell")}
    width, height = area.get_size()
    return sum(
        tuple(area.get_at((x, y))) in colours
        for x in range(0, width, 2)
        for y in range(0, height, 2)
    )


def cell_point(scene: AiLab, x: int, y: int) -> tuple[int, int]:
    """Where cell (x, y) of the training map is on screen."""
    assert scene.rects is not None
    placed = fit(trainer(scene).env.space.board, scene.rects.world)
    centre = placed.centre(x, y)
    return round(centre[0]), round(centre[1])


def test_train_makes_tries_and_draws_them_on_the_curve(make_app: Callable[..., App]) -> None:
    app = make_app("fr")
    scene = open_lab(app)
    assert trainer(scene).episodes == 0 and curve_dots(app, scene) == 0
    press_button(app, scene, "train")
    assert trainer(scene).mode == "train"
    frames(app, 240)
    assert trainer(scene).episodes >= 2
    assert curve_dots(app, scene) > 0
    press_button(app, scene, "train")  # the same button pauses
    paused = trainer(scene).episodes
    frames(app, 240)
    assert trainer(scene).mode == "paused" and trainer(scene).episodes == paused


def test_step_runs_exactly_one_try_then_waits(make_app: Callable[..., App]) -> None:
    app = make_app("en")
    scene = open_lab(app)
    press_button(app, scene, "step")
    assert trainer(scene).episodes == 1
    frames(app, 600)  # ten seconds: the replay ends, nothing more runs
    assert trainer(scene).episodes == 1 and trainer(scene).mode == "paused"
    first = trainer(scene).learner.history[0]
    assert scene.words == (f"lab.explain.try.{first.ending}", {"steps": first.steps})
    press_button(app, scene, "step")
    press_button(app, scene, "step")  # pressed during a replay: still one try each
    assert trainer(scene).episodes == 3


def test_fast_forward_runs_the_levels_tries_and_learns(make_app: Callable[..., App]) -> None:
    app = make_app("fr")
    scene = open_lab(app)
    press_button(app, scene, "fast")
    frames(app, 60)
    level = read_level(MAZE).level
    assert level is not None
    assert trainer(scene).episodes == level.ai["episodes"]
    assert trainer(scene).mode == "paused"
    assert trainer(scene).learned()
    assert scene.words[0] in ("lab.explain.learned", "lab.explain.learned_best")


def test_fast_forward_spreads_its_tries_over_frames() -> None:
    """A frame with no time left still shows one try: training never blocks a frame."""
    level = read_level(MAZE).level
    assert level is not None
    robot = LabTrainer(level)
    robot.fast_forward()
    robot.update(1 / 60, budget=0.0)
    assert robot.episodes == 2 and robot.mode == "fast"
    assert robot.replay is not None and robot.replay.finished  # the last try, shown whole


def tries(scene: AiLab) -> list[tuple[object, ...]]:
    """Every try's number, steps, points, ending and curiosity (which tries were recorded
    for the screen depends on how they fell into frames)."""
    return [tuple(episode[:5]) for episode in trainer(scene).learner.history]


def test_same_seed_same_tries_and_a_new_seed_changes_them(make_app: Callable[..., App]) -> None:
    app = make_app("fr")
    first = open_lab(app)
    press_button(app, first, "fast")
    frames(app, 30)
    history = tries(first)
    second = open_lab(app)
    press_button(app, second, "fast")
    frames(app, 30)
    assert tries(second) == history
    press_button(app, second, "seed")
    assert trainer(second).seed == 1 and trainer(second).episodes == 0
    press_button(app, second, "fast")
    frames(app, 30)
    assert tries(second) != history


def test_painting_a_trap_changes_the_reward_of_that_cell(make_app: Callable[..., App]) -> None:
    app = make_app("fr")
    scene = open_lab(app)
    env = trainer(scene).env
    width = env.space.board.width
    before = env.reward.copy()
    press_button(app, scene, "trap")
    click(cell_point(scene, 2, 1))  # the maze's top corridor
    frames(app)
    assert env.cell_rewards[1 * width + 2] == PAINT_REWARD["trap"]
    entering = env.space.entered == 1 * width + 2
    assert (env.reward[entering] - before[entering] == PAINT_REWARD["trap"]).all()
    assert (env.reward[~entering] == before[~entering]).all()
    assert trainer(scene).painted == {(2, 1): "trap"}
    assert scene.words[0] == "lab.explain.trap"


def test_treats_walls_and_the_eraser(make_app: Callable[..., App]) -> None:
    app = make_app("ar")
    scene = open_lab(app)
    env = trainer(scene).env
    board = env.space.board
    press_button(app, scene, "treat")
    click(cell_point(scene, 2, 2))  # a wall inside the maze: refused
    frames(app)
    assert board.ground[board.cell(2, 2)] is Ground.WALL
    assert not env.cell_rewards.any() and scene.words[0] == "lab.explain.cannot_paint"
    click(cell_point(scene, 1, 2))
    frames(app)
    assert env.cell_rewards[2 * board.width + 1] == PAINT_REWARD["treat"]
    press_button(app, scene, "erase")
    assert scene.tool is None and scene.erasing
    click(cell_point(scene, 1, 2))
    frames(app)
    assert not env.cell_rewards.any() and trainer(scene).painted == {}


@pytest.mark.parametrize("lang", ["fr", "ar"])
def test_sliders_change_how_the_robot_learns(make_app: Callable[..., App], lang: str) -> None:
    app = make_app(lang)
    scene = open_lab(app)
    params = trainer(scene).params
    alpha = scene.sliders["alpha"]
    low_end = alpha.rect.right - 2 if lang == "ar" else alpha.rect.left + 2
    click((low_end, alpha.rect.centery))
    frames(app)
    assert params.alpha == pytest.approx(0.05)
    gamma = scene.sliders["gamma"]
    press((gamma.rect.centerx, gamma.rect.centery))
    move((gamma.rect.centerx, gamma.rect.centery))
    release((gamma.rect.centerx, gamma.rect.centery))
    frames(app)
    assert 0.4 < params.gamma < 0.6
    epsilon = scene.sliders["epsilon"]
    click((epsilon.rect.centerx, epsilon.rect.centery))
    frames(app)
    assert params.epsilon == pytest.approx(0.5)
    assert scene.words[0] == "lab.explain.epsilon"
    press_button(app, scene, "step")
    assert trainer(scene).learner.history[-1].epsilon == pytest.approx(0.5)  # used by the try


def world_pixels(app: App, scene: AiLab) -> bytes:
    assert scene.rects is not None
    return pygame.image.tobytes(app.surface.subsurface(scene.rects.world).copy(), "RGB")


@pytest.mark.parametrize("overlay", ["values", "visits"])
def test_overlays_switch_on_and_off(make_app: Callable[..., App], overlay: str) -> None:
    app = make_app("fr")
    scene = open_lab(app, pretrain=200)
    plain = world_pixels(app, scene)
    press_button(app, scene, overlay)
    assert getattr(scene, f"show_{overlay}")
    assert world_pixels(app, scene) != plain
    press_button(app, scene, overlay)
    assert not getattr(scene, f"show_{overlay}")
    assert world_pixels(app, scene) == plain


def save_child_program(app: App, level: Path) -> None:
    found = read_level(level).level
    assert found is not None and found.solution is not None
    profile = app.progress.add_profile("Amina", 0)
    app.progress.select_profile(profile.id)
    app.progress.save_program("ai", found.id, dump_program(found.solution))


def test_the_race_counts_both_steps_on_every_map(make_app: Callable[..., App]) -> None:
    app = make_app("fr")
    save_child_program(app, THREE_MAPS)
    scene = open_lab(app, THREE_MAPS, pretrain=300)
    press_button(app, scene, "race")
    race = scene.race
    assert scene.racing and race is not None and not race.demo
    frames(app, 60 * 20, dt=1 / 30)  # every map raced in turn
    assert all(race.seen)
    child, robot = race.lanes()
    assert race.playbacks[0].steps == child.steps > 0
    assert race.playbacks[1].steps == robot.steps > 0
    # The robot learned map 1 by heart; the child's program with a condition works everywhere.
    assert [o.status for o in race.child] == ["success"] * 3
    assert race.robot[0].status == "success"
    assert {o.status for o in race.robot[1:]} != {"success"}
    assert race.everywhere() == (True, False)
    press_button(app, scene, "race")  # back to training
    assert not scene.racing


def test_without_a_program_the_race_offers_a_demo_or_the_play_screen(
    make_app: Callable[..., App],
) -> None:
    app = make_app("en")
    scene = open_lab(app, THREE_MAPS)
    press_button(app, scene, "race")
    assert scene.race is None and "demo" in scene.visible()
    press_button(app, scene, "demo")
    assert scene.race is not None and scene.race.demo
    press_button(app, scene, "race")
    press_button(app, scene, "race")
    assert scene.race is None
    press_button(app, scene, "write")
    assert app.scene_name == "play"


def test_learning_a_level_counts_it_as_done(make_app: Callable[..., App]) -> None:
    app = make_app("fr")
    profile = app.progress.add_profile("Youssef", 1)
    app.progress.select_profile(profile.id)
    scene = open_lab(app, AI / "01-corridor.yaml")
    assert not scene.buttons["chip1"].enabled  # level 2 is still closed
    press_button(app, scene, "fast")
    frames(app, 30)
    result = app.progress.result("ai", "ai-corridor")
    assert result is not None and result.completed and result.stars == 3
    scene = open_lab(app, AI / "01-corridor.yaml")
    assert scene.buttons["chip1"].enabled
    press_button(app, scene, "chip1")
    assert app.scene_name == "ai_lab" and isinstance(app.scene, AiLab)
    assert app.scene.level_path.endswith("02-turn.yaml")


def test_the_lab_command_draws_a_trained_robot(tmp_path: Path) -> None:
    from game.cli import main

    picture = tmp_path / "lab.png"
    argv = [str(AI / "04-water.yaml"), "--train", "300", "--show", "values", "--lang", "ar"]
    code = main(["lab", *argv, "--frames", "2", "--screenshot", str(picture)])
    assert code == 0
    drawn = pygame.image.load(str(picture))
    assert drawn.get_size() == (1280, 720)
    pixels = [drawn.get_at((x, y)) for x in range(0, 1280, 3) for y in range(80, 700, 3)]
    golden = [c for c in pixels if c.r > 230 and c.g > 170 and c.b < 150]  # glowing values
    assert len(golden) > 100


@pytest.mark.parametrize("lang", ["fr", "ar", "en"])
@pytest.mark.parametrize("size", [(1280, 720), (1024, 600)])
def test_nothing_overlaps_and_arabic_is_mirrored(
    make_app: Callable[..., App], lang: str, size: tuple[int, int]
) -> None:
    app = make_app(lang)
    app.resize(size)
    scene = open_lab(app, THREE_MAPS)
    window = pygame.Rect((0, 0), app.size)
    for racing in (False, True):
        rects = scene.rects
        assert rects is not None
        shown = [scene.buttons[name].rect for name in scene.visible()]
        if not racing:  # the grid is clicked too (to paint)
            shown += [rects.world, *(slider.rect for slider in scene.sliders.values())]
        cards = (
            [rects.lanes[0], rects.lanes[1], rects.race_bubble, *rects.thumbs]
            if racing
            else [rects.world_card, rects.bubble, rects.curve, rects.sliders_card]
        )
        for group in (shown, cards):
            for index, rect in enumerate(group):
                assert window.contains(rect)
                assert not any(rect.colliderect(other) for other in group[index + 1 :])
        press_button(app, scene, "race")
    assert scene.rects is not None
    world_on_the_right = scene.rects.world_card.centerx > app.size[0] // 2
    assert world_on_the_right == (lang == "ar")
    back_on_the_right = scene.buttons["back"].rect.centerx > app.size[0] // 2
    assert back_on_the_right == (lang == "ar")


def test_a_broken_level_shows_its_problems(make_app: Callable[..., App], tmp_path: Path) -> None:
    broken = tmp_path / "broken.yaml"
    broken.write_text("format: 1\nid: broken\nmap: |\n  #>#\n", encoding="utf-8")
    app = make_app("fr")
    app.goto("ai_lab", level_path=str(broken))
    frames(app, 3)
    scene = app.scene
    assert isinstance(scene, AiLab) and scene.trainer is None
    assert scene.problems and all(p.startswith(str(broken)) for p in scene.problems)
    click((app.size[0] // 2, app.size[1] // 2))
    frames(app, 3)
    assert app.failures == 0 and scene.visible() == ["back"]  # no pack: no level numbers


def test_the_robot_explains_each_moment(make_app: Callable[..., App]) -> None:
    app = make_app("en")
    scene = open_lab(app)
    assert scene.words[0] == "lab.explain.start"
    press_button(app, scene, "pace")  # normal -> quick
    assert trainer(scene).pace == 2 and scene.words[0] == "lab.explain.pace"
    scene.say("lab.explain.start")
    press_button(app, scene, "train")
    seen = []
    for _ in range(2000):
        frames(app, 1, dt=1 / 20)
        if not seen or seen[-1] != scene.words[0]:
            seen.append(scene.words[0])
        if trainer(scene).first_success or len(seen) == 3:
            break
    assert trainer(scene).episodes >= 40  # the maze takes many tries at first
    assert seen[:3] == ["lab.explain.start", "lab.explain.exploring", "lab.explain.try_fast"]
    press_button(app, scene, "values")
    assert scene.words[0] == "lab.explain.values"
