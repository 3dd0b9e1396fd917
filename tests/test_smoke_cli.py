"""The command line end to end, as a trainer types it."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

LEVEL = """\
format: 1
id: corridor
title: {fr: "Couloir", en: "Corridor"}
map: |
  #######
  #>.*.F#
  #######
goals: [collect_gems, reach_goal]
blocks: [forward, pick_up, repeat]
stars: [4, 5]
"""


def cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, str(ROOT / "main.py"), *args], capture_output=True, text=True, timeout=60
    )


def test_run_json_reports_success_with_stars(tmp_path: Path) -> None:
    level = tmp_path / "level.yaml"
    level.write_text(LEVEL, encoding="utf-8")
    prog = tmp_path / "prog.yaml"
    prog.write_text("- repeat: 2\n  do: [forward]\n- pick_up\n- repeat: 2\n  do: [forward]\n")
    done = cli("run", str(level), str(prog), "--json")
    assert done.returncode == 0, done.stderr
    out = json.loads(done.stdout)
    assert out["status"] == "success"
    assert out["steps"] == 5
    assert out["blocks"] == 5
    assert out["stars"] == 2
    assert out["robot"] == {"x": 5, "y": 1, "facing": "east"}
    assert out["gems_left"] == 0


def test_validate_reports_file_line_column(tmp_path: Path) -> None:
    level = tmp_path / "bad.yaml"
    level.write_text(LEVEL.replace("#>.*.F#", "#>.*X F#"), encoding="utf-8")
    done = cli("validate", "--lang", "en", str(level))
    assert done.returncode == 1
    assert f"{level}:6:7: row 2: the character « X »" in done.stderr
    assert "Traceback" not in done.stderr
