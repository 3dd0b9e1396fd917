"""Shared helpers: levels and programs written inline as YAML text."""

from __future__ import annotations

import os
import textwrap

import pytest

from blocks.parse import load_program
from blocks.program import Program
from game.levels import Level, parse_level

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")


def make_level(
    map_text: str, goals: str = "[reach_goal]", extra: str = "", blocks: str = ""
) -> Level:
    """A well-formed level from a map drawn in the test; fails the test if it is not."""
    palette = (
        blocks
        or "[forward, turn_left, turn_right, pick_up, repeat, while, until, if, if_else, function]"
    )
    rows = textwrap.dedent(map_text).strip("\n").splitlines()
    body = "\n".join("  " + row for row in rows)
    text = f"format: 1\nid: t\ntitle: T\nmap: |\n{body}\ngoals: {goals}\nblocks: {palette}\n{extra}"
    checked = parse_level(text)
    if checked.level is None:
        pytest.fail(f"test level is not well formed: {checked.problems}")
    return checked.level


def program(text: str) -> Program:
    return load_program(textwrap.dedent(text))
