"""`play` on the command line: the language typed (before or after `play`) wins, else the
saved one; the level, program and --run reach the play screen."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

import game.app
from game.cli import main


@pytest.fixture
def opened(monkeypatch: pytest.MonkeyPatch) -> list[dict[str, Any]]:
    calls: list[dict[str, Any]] = []

    def fake(lang: str | None, fullscreen: bool | None, **kwargs: Any) -> int:
        calls.append({"lang": lang, **kwargs})
        return 0

    monkeypatch.setattr(game.app, "main", fake)
    return calls


@pytest.mark.parametrize(
    ("argv", "lang"),
    [
        (["play", "x.yaml"], None),
        (["play", "x.yaml", "--lang", "ar"], "ar"),
        (["--lang", "en", "play", "x.yaml"], "en"),
    ],
)
def test_play_language(argv: list[str], lang: str | None, opened: list[dict[str, Any]]) -> None:
    assert main(argv) == 0
    assert opened[-1]["lang"] == lang
    assert opened[-1]["level_path"] == "x.yaml" and opened[-1]["start"] == "play"


def test_play_loads_the_program_and_run(tmp_path: Path, opened: list[dict[str, Any]]) -> None:
    program = tmp_path / "p.py"
    program.write_text("for _ in range(3):\n    forward()\n", encoding="utf-8")
    assert main(["play", "x.yaml", "--program", str(program), "--run"]) == 0
    loaded = opened[-1]["program"]
    assert opened[-1]["run"] is True
    assert loaded is not None and loaded.statements[0].count == 3


def test_play_with_a_broken_program_opens_the_level_empty(
    tmp_path: Path, opened: list[dict[str, Any]], capsys: pytest.CaptureFixture[str]
) -> None:
    program = tmp_path / "p.yaml"
    program.write_text("- jump\n", encoding="utf-8")
    assert main(["play", "x.yaml", "--program", str(program), "--lang", "en"]) == 0
    assert opened[-1]["program"] is None
    assert f"{program}:1:3:" in capsys.readouterr().err
