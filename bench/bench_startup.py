"""Start-up: `python main.py run` on a small level, as a trainer's script would call it, against
`python -c pass` started the same way (the interpreter's own start-up on this machine).

Target: the whole command takes under 0.4 s.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from bench.timing import Result, paired

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
COMMAND = [
    sys.executable,
    str(ROOT / "main.py"),
    "run",
    str(HERE / "levels" / "corridor.yaml"),
    str(HERE / "programs" / "corridor.yaml"),
    "--json",
]


def start(command: list[str]) -> None:
    subprocess.run(command, check=True, capture_output=True, cwd=ROOT)


def run() -> list[Result]:
    start(COMMAND)  # once to warm the file cache, as on a trainer's second try
    timed = paired(lambda: start(COMMAND), lambda: start([sys.executable, "-c", "pass"]), repeats=9)
    command = timed.seconds
    return [
        Result(
            "startup",
            command,
            "python -c pass",
            timed.baseline_seconds,
            timed.ratio,
            "x the bare interpreter's start-up, for `python main.py run LEVEL PROGRAM --json`",
            "< 0.4 s",
            command < 0.4,
        )
    ]
