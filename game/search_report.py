"""What `solve --blocks` reports (cli.md, `solve --json`), in JSON and in words."""

from __future__ import annotations

import yaml

from blocks.parse import to_data
from game.i18n import t
from game.program_search import ProgramSearch


def search_json(found: ProgramSearch) -> dict[str, object]:
    """`program` (cli.md) and the extensions saying what was proved (docs/programs.md)."""
    program = None
    if found.program is not None:
        program = {"blocks": found.blocks, "program": to_data(found.program.statements)}
    return {
        "program": program,
        "proved": found.proved,
        "ruled_out_up_to": found.ruled_out,
        "budget_seconds": found.budget,
        "search_seconds": round(found.seconds, 3),
    }


def search_lines(found: ProgramSearch, lang: str) -> list[str]:
    """The answer for a trainer: what was found, what is proved, the program itself."""
    if found.program is None:
        key = {
            "budget": "search.none_budget",
            "too_many_states": "search.none_states",
            "mismatch": "search.none_mismatch",
        }.get(found.reason, "search.none_exists")
        return [t(key, lang, ruled_out=found.ruled_out)]
    key = "search.found" if found.proved else "search.found_unproved"
    text = yaml.safe_dump(
        to_data(found.program.statements),
        allow_unicode=True,
        default_flow_style=False,
        sort_keys=False,
    )
    return [t(key, lang, blocks=found.blocks, ruled_out=found.ruled_out), text.rstrip()]


def budget_line(found: ProgramSearch, lang: str) -> str:
    return t("search.budget", lang, spent=f"{found.seconds:.1f}", budget=f"{found.budget:g}")
