"""The welcome screen, driven with real pygame events like a child at the mouse."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pygame
import pytest

from game.app import App
from game.i18n import t
from game.progress import DB_NAME, Notice, Progress
from game.render.avatars import AVATARS, avatar
from game.scenes.menu_parts import LanguageButton
from game.scenes.welcome import AvatarChoice, NewPlayerCard, ProfileCard, Welcome
from game.settings import load_settings
from game.ui.widgets import Button, TextInput
from tests.ui.events import key, type_text
from tests.ui.menus import Stub, click_on, frames, menu_app, one, widgets


@pytest.fixture
def app(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[App]:
    yield from menu_app(tmp_path, monkeypatch)


def open_welcome(app: App) -> Welcome:
    app.goto("welcome")
    frames(app)
    assert isinstance(app.scene, Welcome)
    return app.scene


def words_on_screen(scene: Welcome) -> set[str]:
    return {text for text, *_ in scene.texts} | {
        w.text for w in scene.group.widgets if isinstance(w, Button)
    }


def test_clicking_arabic_switches_the_labels_and_is_saved(app: App) -> None:
    scene = open_welcome(app)
    assert t("welcome.who", "fr") in words_on_screen(scene)
    click_on(app, one(app, LanguageButton, lambda b: b.code == "ar"))
    assert app.lang == "ar" and app.rtl
    shown = words_on_screen(scene)
    assert t("welcome.who", "ar") in shown and t("welcome.language", "ar") in shown
    assert t("welcome.who", "fr") not in shown
    assert load_settings(app.progress).lang == "ar"
    # Each language keeps its own name in its own script.
    names = {b.code: b.text for b in widgets(app, LanguageButton)}
    assert names == {"fr": "Français", "ar": "العربية", "en": "English"}


def test_the_layout_mirrors_in_arabic(app: App) -> None:
    open_welcome(app)
    order_fr = [b.code for b in sorted(widgets(app, LanguageButton), key=lambda b: b.rect.x)]
    click_on(app, one(app, LanguageButton, lambda b: b.code == "ar"))
    order_ar = [b.code for b in sorted(widgets(app, LanguageButton), key=lambda b: b.rect.x)]
    assert order_fr == ["fr", "ar", "en"] and order_ar == ["en", "ar", "fr"]
    gear = one(app, Button, lambda b: b.icon_name == "settings")
    assert gear.rect.centerx < app.size[0] // 2  # top left in Arabic, top right otherwise


def test_creating_a_profile_by_typing_saves_it(app: App, tmp_path: Path) -> None:
    open_welcome(app)
    click_on(app, one(app, NewPlayerCard))
    field = one(app, TextInput)
    assert field.focused  # ready to type at once
    type_text("Yasmine")
    frames(app)
    click_on(app, one(app, AvatarChoice, lambda c: c.index == 4))
    click_on(app, one(app, Button, lambda b: b.text == t("welcome.create", "fr")))
    assert app.scene_name == "map"
    again = Progress(tmp_path / DB_NAME)
    assert [(p.name, p.avatar) for p in again.profiles()] == [("Yasmine", 4)]
    assert again.profile_id == again.profiles()[0].id
    again.close()


def test_an_arabic_name_typed_and_sent_with_enter(app: App) -> None:
    open_welcome(app)
    click_on(app, one(app, NewPlayerCard))
    type_text("  سلمى ")
    key(pygame.K_RETURN)
    frames(app)
    assert [p.name for p in app.progress.profiles()] == ["سلمى"]


def test_an_empty_name_is_refused_gently(app: App) -> None:
    open_welcome(app)
    click_on(app, one(app, NewPlayerCard))
    type_text("   ")
    click_on(app, one(app, Button, lambda b: b.text == t("welcome.create", "fr")))
    assert app.scene_name == "welcome" and app.progress.profiles() == []
    assert [toast.text for toast in app.toasts] == [t("welcome.name_needed", "fr")]


def test_escape_closes_the_new_player_panel(app: App) -> None:
    scene = open_welcome(app)
    click_on(app, one(app, NewPlayerCard))
    type_text("Omar")
    key(pygame.K_ESCAPE)
    frames(app)
    assert not scene.creating and app.progress.profiles() == []
    assert widgets(app, TextInput) == []


def test_clicking_a_face_selects_that_player(app: App) -> None:
    first = app.progress.add_profile("Amine", 0)
    app.progress.add_profile("Chloé", 1)
    open_welcome(app)
    assert one(app, ProfileCard, lambda c: c.selected).profile.name == "Chloé"
    click_on(app, one(app, ProfileCard, lambda c: c.profile.id == first.id))
    assert app.progress.profile_id == first.id
    assert one(app, ProfileCard, lambda c: c.selected).profile.name == "Amine"


def test_continue_opens_the_last_level(app: App) -> None:
    app.progress.add_profile("Nour", 2)
    app.progress.save_program("basics", "two", "format: 1\nprogram: [forward]\n")
    open_welcome(app)
    click_on(app, one(app, Button, lambda b: b.text == t("welcome.continue", "fr")))
    assert isinstance(app.scene, Stub) and app.scene_name == "play"
    assert app.scene.kwargs["pack_id"] == "basics"
    assert Path(app.scene.kwargs["level_path"]).name == "2.yaml"


def test_continue_after_a_won_level_opens_the_next_one(app: App) -> None:
    app.progress.add_profile("Nour", 2)
    app.progress.record_result("basics", "one", 3)
    open_welcome(app)
    click_on(app, one(app, Button, lambda b: b.text == t("welcome.continue", "fr")))
    assert isinstance(app.scene, Stub)
    assert Path(app.scene.kwargs["level_path"]).name == "2.yaml"


def test_without_a_player_there_is_nothing_to_continue(app: App) -> None:
    open_welcome(app)
    assert widgets(app, Button, lambda b: b.text == t("welcome.continue", "fr")) == []
    assert t("welcome.no_profile", "fr") in words_on_screen(app.scene)  # type: ignore[arg-type]


def test_tab_then_enter_picks_a_language(app: App) -> None:
    open_welcome(app)
    for _ in range(10):
        key(pygame.K_TAB)
        frames(app)
        focused = app.scene.group.focused()  # type: ignore[union-attr]
        if isinstance(focused, LanguageButton) and focused.code == "en":
            break
    key(pygame.K_RETURN)
    frames(app)
    assert app.lang == "en"


@pytest.mark.parametrize(("lang", "arrow"), [("fr", pygame.K_RIGHT), ("ar", pygame.K_LEFT)])
def test_arrows_move_along_the_reading_direction(app: App, lang: str, arrow: int) -> None:
    app.set_lang(lang)
    open_welcome(app)
    one(app, LanguageButton, lambda b: b.code == "fr").focused = True
    key(arrow)
    frames(app)
    assert one(app, LanguageButton, lambda b: b.code == "ar").focused


def test_many_players_are_shown_page_by_page(app: App) -> None:
    for n in range(30):
        app.progress.add_profile(f"Enfant {n}", n)
    open_welcome(app)
    first_page = {c.profile.name for c in widgets(app, ProfileCard)}
    assert 0 < len(first_page) < 30
    arrows = widgets(app, Button, lambda b: b.icon_name in ("back", "forward"))
    assert [b.enabled for b in sorted(arrows, key=lambda b: b.rect.x)] == [False, True]
    click_on(app, one(app, Button, lambda b: b.icon_name == "forward"))
    second_page = {c.profile.name for c in widgets(app, ProfileCard)}
    assert second_page and not second_page & first_page


def test_damaged_saves_are_told_once(tmp_path: Path, app: App) -> None:
    app.progress.notice = Notice.RECOVERED
    open_welcome(app)
    assert [toast.text for toast in app.toasts] == [t("saves.recovered", "fr")]
    open_welcome(app)
    assert len(app.toasts) == 1


def test_every_face_is_different() -> None:
    pictures = {pygame.image.tobytes(avatar(n, 64), "RGBA") for n in range(len(AVATARS))}
    assert len(pictures) == len(AVATARS)
    wrapped = pygame.image.tobytes(avatar(len(AVATARS) + 1, 64), "RGBA")
    assert wrapped == pygame.image.tobytes(avatar(1, 64), "RGBA")  # indexes wrap around
