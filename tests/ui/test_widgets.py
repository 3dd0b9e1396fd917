"""Widgets driven by real pygame events through the App's main loop."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pygame
import pytest

from game.app import App
from game.ui import theme
from game.ui.scene import Scene
from game.ui.widgets import Button, Dialog, Group, Slider, TextInput, Widget, mirror_x
from tests.ui.events import click, key, move, post, press, release, type_text


class Board(Scene):
    """A screen holding the widgets under test."""

    def __init__(self, app: App, widgets: list[Widget], **kwargs: Any) -> None:
        super().__init__(app)
        self.group = Group(widgets)

    def handle(self, event: pygame.event.Event) -> bool:
        return self.group.handle(event)

    def draw(self, surface: pygame.Surface) -> None:
        self.group.draw(surface)


def show(app: App, *widgets: Widget) -> None:
    app.goto(Board(app, list(widgets)))


def frame(app: App) -> None:
    app.step(0.016)


@pytest.fixture
def app(make_app: Callable[..., App]) -> App:
    return make_app()


def counter() -> tuple[list[int], Callable[[], None]]:
    clicks: list[int] = []
    return clicks, lambda: clicks.append(1)


def test_a_click_on_a_button_calls_it(app: App) -> None:
    clicks, on_click = counter()
    button = Button(pygame.Rect(100, 100, 160, 50), "Jouer", "play", on_click, "fr")
    show(app, button)
    click(button.rect.center)
    frame(app)
    assert clicks == [1]


def test_press_inside_then_release_outside_does_not_click(app: App) -> None:
    clicks, on_click = counter()
    button = Button(pygame.Rect(100, 100, 160, 50), "Jouer", "play", on_click, "fr")
    show(app, button)
    press(button.rect.center)
    frame(app)
    assert button.pressed
    release((600, 500))
    frame(app)
    assert clicks == []
    assert not button.pressed


def test_a_disabled_button_does_nothing(app: App) -> None:
    clicks, on_click = counter()
    button = Button(pygame.Rect(100, 100, 160, 50), "Jouer", "play", on_click, "fr")
    button.enabled = False
    show(app, button)
    click(button.rect.center)
    frame(app)
    assert clicks == []


def test_buttons_are_big_enough_for_small_hands() -> None:
    button = Button(pygame.Rect(10, 10, 20, 20), "", "plus", lambda: None, "fr")
    assert button.rect.width >= 40 and button.rect.height >= 40
    assert button.rect.center == (20, 20)


def test_tab_then_enter_clicks_the_focused_button(app: App) -> None:
    first_clicks, first = counter()
    second_clicks, second = counter()
    show(
        app,
        Button(pygame.Rect(10, 10, 100, 50), "A", None, first, "fr"),
        Button(pygame.Rect(200, 10, 100, 50), "B", None, second, "fr"),
    )
    key(pygame.K_TAB)
    key(pygame.K_TAB)
    key(pygame.K_RETURN)
    frame(app)
    assert (first_clicks, second_clicks) == ([], [1])


def test_hover_is_tracked_from_mouse_motion(app: App) -> None:
    button = Button(pygame.Rect(100, 100, 160, 50), "Jouer", "play", lambda: None, "fr")
    show(app, button)
    move(button.rect.center)
    frame(app)
    assert button.hovered
    move((5, 5))
    frame(app)
    assert not button.hovered


def test_text_input_takes_typed_arabic_and_backspace(make_app: Callable[..., App]) -> None:
    app = make_app("ar")
    submitted: list[str] = []
    field = TextInput(pygame.Rect(100, 100, 300, 50), "ar", on_submit=submitted.append)
    show(app, field)
    type_text("سارة")  # not focused yet: ignored
    frame(app)
    assert field.text == ""
    click(field.rect.center)
    type_text("سارة 2")
    key(pygame.K_BACKSPACE)
    key(pygame.K_BACKSPACE)
    key(pygame.K_RETURN)
    frame(app)
    assert field.text == "سارة"
    assert submitted == ["سارة"]
    assert field.caret_on_left()  # the end of an Arabic name is on the left


def test_text_input_stops_at_its_length(app: App) -> None:
    field = TextInput(pygame.Rect(100, 100, 300, 50), "fr", max_length=5)
    show(app, field)
    click(field.rect.center)
    type_text("Yasmine")
    post(pygame.TEXTINPUT, text="\x07")  # a control character is never kept
    frame(app)
    assert field.text == "Yasmi"


def test_slider_follows_a_drag(app: App) -> None:
    seen: list[float] = []
    slider = Slider(pygame.Rect(100, 100, 400, 44), 0, 10, 5, seen.append, step=1)
    show(app, slider)
    left, right = slider.rect.left + slider.knob_radius, slider.rect.right - slider.knob_radius
    press((slider.knob_x(), slider.rect.centery))
    move((right + 50, slider.rect.centery))
    frame(app)
    assert slider.value == 10
    move((left + (right - left) * 3 // 10, slider.rect.centery))
    release((left, slider.rect.centery))
    move((right, slider.rect.centery))  # released: moving no longer drags
    frame(app)
    assert slider.value == 3
    assert seen == [10, 3]


def test_slider_low_end_is_on_the_right_in_arabic(app: App) -> None:
    slider = Slider(pygame.Rect(100, 100, 400, 44), 0, 10, 0, lambda v: None, rtl=True)
    assert slider.knob_x() == slider.rect.right - slider.knob_radius
    show(app, slider)
    click((slider.rect.left + slider.knob_radius, slider.rect.centery))
    frame(app)
    assert slider.value == 10


def test_dialog_yes_and_escape(app: App) -> None:
    answers: list[str] = []
    show(app)
    dialog = Dialog(app, "Effacer ?", lambda: answers.append("yes"), lambda: answers.append("no"))
    app.push(dialog)
    click(dialog.yes.rect.center)
    frame(app)
    assert answers == ["yes"]
    assert isinstance(app.scene, Board)
    app.push(Dialog(app, "Effacer ?", lambda: answers.append("yes"), lambda: answers.append("no")))
    key(pygame.K_ESCAPE)
    frame(app)
    assert answers == ["yes", "no"]
    assert isinstance(app.scene, Board)


def test_dialog_enter_answers_no_by_default(app: App) -> None:
    answers: list[str] = []
    show(app)
    app.push(Dialog(app, "?", lambda: answers.append("yes"), lambda: answers.append("no")))
    key(pygame.K_RETURN)
    frame(app)
    assert answers == ["no"]


def test_dialog_buttons_are_mirrored_in_arabic(make_app: Callable[..., App]) -> None:
    app = make_app("ar")
    show(app)
    dialog = Dialog(app, "؟", lambda: None)
    app.push(dialog)
    assert dialog.yes.rect.right < dialog.no.rect.left  # yes on the left, no on the right
    assert dialog.yes.rect.width >= theme.MIN_TARGET


def test_mirror_x() -> None:
    rect = pygame.Rect(10, 20, 100, 30)
    assert mirror_x(rect, 1000) == pygame.Rect(890, 20, 100, 30)
    assert mirror_x(mirror_x(rect, 1000), 1000) == rect
