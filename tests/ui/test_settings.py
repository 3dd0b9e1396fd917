"""The settings screen: each choice applies at once, is saved, and Back returns."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pygame
import pytest

from game.app import App
from game.i18n import t
from game.progress import DB_NAME, Progress
from game.scenes.menu_parts import LanguageButton
from game.scenes.settings import SettingsScene
from game.settings import load_settings
from game.ui.widgets import Button
from tests.ui.events import key
from tests.ui.menus import click_on, frames, menu_app, one


@pytest.fixture
def app(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[App]:
    yield from menu_app(tmp_path, monkeypatch)


def open_settings(app: App) -> SettingsScene:
    app.goto("map")
    app.push("settings")
    frames(app)
    assert isinstance(app.scene, SettingsScene)
    return app.scene


def saved(tmp_path: Path) -> tuple[str, bool, bool, float]:
    """The settings as the next start of the game will read them."""
    other = Progress(tmp_path / DB_NAME)
    found = load_settings(other)
    other.close()
    return found.lang, found.sound_on, found.fullscreen, found.text_scale


def choice(app: App, icon_name: str | None, words_key: str) -> Button:
    words = t(words_key, app.lang)
    return one(app, Button, lambda b: b.icon_name == icon_name and b.text == words)


def test_language_applies_at_once_and_is_saved(app: App, tmp_path: Path) -> None:
    open_settings(app)
    click_on(app, one(app, LanguageButton, lambda b: b.code == "en"))
    assert app.lang == "en"
    assert one(app, Button, lambda b: b.icon_name == "back").text == t("menu.back", "en")
    assert saved(tmp_path)[0] == "en"


def test_sound_off_mutes_and_on_plays_again(app: App, tmp_path: Path) -> None:
    open_settings(app)
    click_on(app, choice(app, "sound_off", "settings.off"))
    assert app.sound.muted and saved(tmp_path)[1] is False
    assert (
        choice(app, "sound_off", "settings.off").colour
        != choice(app, "sound_on", "settings.on").colour
    )
    click_on(app, choice(app, "sound_on", "settings.on"))
    assert not app.sound.muted and saved(tmp_path)[1] is True


def test_full_screen_applies_at_once(app: App, tmp_path: Path) -> None:
    open_settings(app)
    click_on(app, choice(app, "check", "settings.on"))
    assert app.fullscreen and app.surface.get_flags() & pygame.FULLSCREEN
    assert saved(tmp_path)[2] is True
    click_on(app, choice(app, "cross", "settings.off"))
    assert not app.fullscreen and saved(tmp_path)[2] is False


def test_text_size_grows_the_words_and_is_saved(app: App, tmp_path: Path) -> None:
    scene = open_settings(app)
    back_before = one(app, Button, lambda b: b.icon_name == "back").rect.width
    click_on(app, choice(app, None, "settings.large"))
    assert app.text_scale == 1.25 and saved(tmp_path)[3] == 1.25
    assert one(app, Button, lambda b: b.icon_name == "back").rect.width > back_before
    click_on(app, choice(app, None, "settings.small"))
    assert app.text_scale == 0.85
    assert scene.card.bottom <= app.size[1]


def test_back_returns_to_the_screen_below(app: App) -> None:
    open_settings(app)
    click_on(app, one(app, Button, lambda b: b.icon_name == "back"))
    assert app.scene_name == "map" and len(app.stack) == 1


def test_escape_returns_too_and_a_lone_settings_screen_goes_home(app: App) -> None:
    app.goto("settings")
    frames(app)
    key(pygame.K_ESCAPE)
    frames(app)
    assert app.scene_name == "welcome"


def test_keyboard_only(app: App) -> None:
    open_settings(app)
    for _ in range(20):
        key(pygame.K_TAB)
        frames(app)
        focused = app.scene.group.focused()  # type: ignore[union-attr]
        if isinstance(focused, Button) and focused.icon_name == "sound_off":
            break
    key(pygame.K_RETURN)
    frames(app)
    assert app.sound.muted


@pytest.mark.parametrize("size", [(1024, 600), (1920, 1080)])
@pytest.mark.parametrize("lang", ["fr", "ar", "en"])
def test_nothing_overlaps_or_leaves_the_window(app: App, size: tuple[int, int], lang: str) -> None:
    app.resize(size)
    app.set_lang(lang)
    for scale_key in ("settings.large", "settings.normal"):
        open_settings(app)
        click_on(app, choice(app, None, scale_key))
        buttons = app.scene.group.widgets  # type: ignore[union-attr]
        window = pygame.Rect((0, 0), app.size)
        for n, button in enumerate(buttons):
            assert window.contains(button.rect)
            assert button.rect.height >= 40
            for other in buttons[n + 1 :]:
                assert not button.rect.colliderect(other.rect)
