"""The level map, driven with real pygame events: locks, unlocking, the trainer key,
broken levels, packs dropped in by trainers, scrolling."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pygame
import pytest

from game.app import App
from game.i18n import t
from game.progress import data_dir
from game.scenes.level_map import LevelMap, LevelTile
from game.settings import load_settings
from game.ui.widgets import Button
from tests.level_files import level_yaml, write_pack
from tests.ui.events import click, key, post
from tests.ui.menus import Stub, click_on, frames, menu_app, one, widgets

TRAINER_KEY = pygame.KMOD_CTRL | pygame.KMOD_SHIFT


@pytest.fixture
def app(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[App]:
    yield from menu_app(tmp_path, monkeypatch)


def open_map(app: App, **kwargs: object) -> LevelMap:
    app.goto("map", **kwargs)
    frames(app)
    assert isinstance(app.scene, LevelMap)
    return app.scene


def tile(app: App, pack_id: str, number: int) -> LevelTile:
    return one(app, LevelTile, lambda w: w.state.pack.id == pack_id and w.state.number == number)


def open_flags(app: App, pack_id: str) -> list[bool]:
    found = widgets(app, LevelTile, lambda w: w.state.pack.id == pack_id)
    return [w.state.is_open for w in sorted(found, key=lambda w: w.state.number)]


@pytest.fixture
def player(app: App) -> int:
    return app.progress.add_profile("Ilyas", 3).id


def test_only_the_first_level_of_each_pack_is_open(app: App, player: int) -> None:
    open_map(app)
    assert open_flags(app, "basics") == [True, False, False]
    assert open_flags(app, "ai") == [True]


def test_a_locked_level_ignores_clicks(app: App, player: int) -> None:
    open_map(app)
    click_on(app, tile(app, "basics", 2))
    assert app.scene_name == "map"
    assert [toast.text for toast in app.toasts] == [t("map.locked", "fr")]


def test_an_open_level_opens_the_play_screen(app: App, player: int) -> None:
    open_map(app)
    click_on(app, tile(app, "basics", 1))
    assert isinstance(app.scene, Stub) and app.scene_name == "play"
    assert Path(app.scene.kwargs["level_path"]).name == "1.yaml"
    assert app.scene.kwargs["pack_id"] == "basics"
    assert app.progress.last_level() == ("basics", "one")


def test_a_success_unlocks_the_next_level_and_shows_its_stars(app: App, player: int) -> None:
    app.progress.record_result("basics", "one", 2)
    open_map(app)
    assert open_flags(app, "basics") == [True, True, False]
    assert tile(app, "basics", 1).state.stars == 2
    assert tile(app, "basics", 2).state.current  # where the child goes on
    click_on(app, tile(app, "basics", 2))
    assert isinstance(app.scene, Stub)
    assert Path(app.scene.kwargs["level_path"]).name == "2.yaml"


def test_a_saved_program_alone_unlocks_nothing(app: App, player: int) -> None:
    app.progress.save_program("basics", "one", "format: 1\nprogram: [forward]\n")
    open_map(app)
    assert open_flags(app, "basics") == [True, False, False]


def test_the_ai_pack_opens_the_ai_lab(app: App, player: int) -> None:
    open_map(app)
    click_on(app, tile(app, "ai", 1))
    assert app.scene_name == "ai_lab"


def test_the_trainer_key_unlocks_everything_and_again_locks(app: App, player: int) -> None:
    open_map(app)
    key(pygame.K_u, TRAINER_KEY)
    frames(app)
    assert open_flags(app, "basics") == [True, True, True]
    assert load_settings(app.progress).unlock_all
    assert app.toasts[-1].text == t("map.unlock_all", "fr")
    click_on(app, tile(app, "basics", 3))
    assert app.scene_name == "play"
    open_map(app)
    key(pygame.K_u, TRAINER_KEY)
    frames(app)
    assert open_flags(app, "basics") == [True, False, False]
    assert not load_settings(app.progress).unlock_all


def test_u_alone_is_not_the_trainer_key(app: App, player: int) -> None:
    open_map(app)
    key(pygame.K_u, pygame.KMOD_CTRL)
    frames(app)
    assert open_flags(app, "basics") == [True, False, False]


def test_a_broken_level_shows_a_friendly_tile_and_explains(app: App, player: int) -> None:
    broken = data_dir() / "levels"
    write_pack(
        broken,
        "trainer",
        "trainer",
        {"a.yaml": "format: 1\nid: a\nmap: [\n", "b.yaml": level_yaml("b")},
    )
    scene = open_map(app)
    bad = tile(app, "trainer", 1)
    assert LevelTile.broken_state(bad.state)
    assert open_flags(app, "trainer") == [True, True]  # the level after it is not blocked
    scene.scroll_by(10**6)
    click_on(app, bad)
    assert app.scene_name == "map" and scene.info is bad.state
    ok = scene.info_group.widgets[0]
    assert isinstance(ok, Button) and ok.text == t("menu.ok", "fr")
    click_on(app, ok)
    assert scene.info is None


def test_a_pack_dropped_in_the_user_folder_appears(app: App, player: int) -> None:
    scene = open_map(app)
    assert {w.state.pack.id for w in widgets(app, LevelTile)} == {"basics", "ai"}
    write_pack(data_dir() / "levels", "zz-new", "new", {"n.yaml": level_yaml("n", "'Nouveau'")})
    scene.reload()
    assert {w.state.pack.id for w in widgets(app, LevelTile)} == {"basics", "ai", "new"}


def test_the_map_says_why_it_was_opened(app: App) -> None:
    open_map(app, notice="map.level_failed")
    assert [toast.text for toast in app.toasts] == [t("map.level_failed", "fr")]


def test_many_packs_scroll_and_the_bar_keeps_its_clicks(app: App, player: int) -> None:
    for n in range(8):
        write_pack(
            data_dir() / "levels",
            f"p{n}",
            f"p{n}",
            {f"{k}.yaml": level_yaml(f"l{k}") for k in range(12)},
        )
    scene = open_map(app)
    assert scene.content_height > scene.viewport.height
    before = tile(app, "p0", 1).rect.y
    post(pygame.MOUSEWHEEL, x=0, y=-3, flipped=False, precise_x=0.0, precise_y=-3.0)
    frames(app)
    assert scene.scroll > 0 and tile(app, "p0", 1).rect.y < before
    # A tile half under the top bar: a click on its hidden half belongs to the bar.
    under = tile(app, "p1", 1)
    scene.scroll_by(under.rect.top - (scene.viewport.top - 20))
    assert under.rect.top < scene.viewport.top < under.rect.bottom
    click((under.rect.centerx, scene.viewport.top - 5))
    frames(app)
    assert app.scene_name == "map"
    click((under.rect.centerx, scene.viewport.top + 10))
    frames(app)
    assert app.scene_name == "play"


def test_keyboard_focus_scrolls_the_focused_tile_into_view(app: App, player: int) -> None:
    for n in range(6):
        write_pack(
            data_dir() / "levels",
            f"p{n}",
            f"p{n}",
            {f"{k}.yaml": level_yaml(f"l{k}") for k in range(12)},
        )
    scene = open_map(app)
    for _ in range(40):
        key(pygame.K_DOWN)
    frames(app)
    focused = scene.group.focused()
    assert isinstance(focused, LevelTile) and scene.scroll > 0
    assert scene.viewport.contains(focused.rect)


def test_escape_goes_home(app: App, player: int) -> None:
    open_map(app)
    key(pygame.K_ESCAPE)
    frames(app)
    assert app.scene_name == "welcome"


def test_arabic_tiles_run_from_right_to_left(app: App, player: int) -> None:
    app.set_lang("ar")
    open_map(app)
    xs = [tile(app, "basics", n).rect.x for n in (1, 2, 3)]
    assert xs == sorted(xs, reverse=True)
