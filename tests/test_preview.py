"""`preview LEVEL --out PNG`: a picture of every map for trainers; 1 for a broken level."""

from __future__ import annotations

import os
from pathlib import Path

import pygame

from game.cli import main

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")

LEVEL = """\
format: 1
id: two-maps
title: {fr: "Deux cartes", en: "Two maps"}
map: |
  #####
  #>.F#
  #####
variants:
  - |
    ######
    #>..F#
    ######
goals: [reach_goal]
blocks: [forward]
"""


def test_preview_draws_every_map_side_by_side(tmp_path: Path) -> None:
    level = tmp_path / "level.yaml"
    level.write_text(LEVEL, encoding="utf-8")
    out = tmp_path / "preview.png"
    assert main(["preview", str(level), "--out", str(out)]) == 0
    picture = pygame.image.load(str(out))
    # Two maps of 5 and 6 columns at 48 px each, with margins: wider than both together.
    assert picture.get_width() >= (5 + 6) * 48
    # The robot's accent colour appears (the robot is drawn), and so does the flag's red.
    pixels = pygame.image.tobytes(picture, "RGB")
    colours = {pixels[i : i + 3] for i in range(0, len(pixels), 3)}
    assert bytes((230, 159, 0)) in colours
    assert bytes((213, 70, 40)) in colours


def test_preview_refuses_a_broken_level(tmp_path: Path, capsys: object) -> None:
    level = tmp_path / "broken.yaml"
    level.write_text(LEVEL.replace("#>.F#", "#>.Q#"), encoding="utf-8")
    out = tmp_path / "preview.png"
    assert main(["preview", str(level), "--out", str(out), "--lang", "en"]) == 1
    assert not out.exists()
