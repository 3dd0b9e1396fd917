"""What `run` reports (cli.md, `run --json`), shared by the command line and the game."""

from __future__ import annotations

from blocks.program import Program
from game.i18n import t
from game.levels import Level
from game.runner import run
from game.world.outcome import Status, robot_json


def run_summary(level: Level, program: Program, lang: str) -> tuple[dict[str, object], Status]:
    result = run(level, program, record=False)
    first = result.first
    board = level.boards[result.deciding]
    summary: dict[str, object] = {
        "status": result.status,
        "steps": first.steps,
        "blocks": first.blocks,
        "stars": first.stars if result.status == "success" else 0,
        "robot": robot_json(board, first.state),
        "gems_left": len(first.state.gems),
        "message": t(f"status.{result.status}", lang),
    }
    if len(level.boards) > 1:
        summary["variants"] = [
            {
                "status": outcome.status,
                "steps": outcome.steps,
                "robot": robot_json(board, outcome.state),
                "gems_left": len(outcome.state.gems),
            }
            for board, outcome in zip(level.boards, result.outcomes, strict=True)
        ]
    return summary, result.status
