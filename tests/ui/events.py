"""Real pygame events for the window tests, posted to SDL's queue like a player's input."""

from __future__ import annotations

import pygame


def post(kind: int, **attributes: object) -> None:
    pygame.event.post(pygame.event.Event(kind, **attributes))


def press(pos: tuple[int, int]) -> None:
    post(pygame.MOUSEBUTTONDOWN, button=1, pos=pos)


def release(pos: tuple[int, int]) -> None:
    post(pygame.MOUSEBUTTONUP, button=1, pos=pos)


def click(pos: tuple[int, int]) -> None:
    """A left click: press then release at `pos`."""
    press(pos)
    release(pos)


def move(pos: tuple[int, int]) -> None:
    post(pygame.MOUSEMOTION, pos=pos, rel=(0, 0), buttons=(1, 0, 0))


def key(code: int, mod: int = 0) -> None:
    post(pygame.KEYDOWN, key=code, mod=mod, unicode="", scancode=0)
    post(pygame.KEYUP, key=code, mod=mod, unicode="", scancode=0)


def type_text(text: str) -> None:
    for char in text:
        post(pygame.TEXTINPUT, text=char)
