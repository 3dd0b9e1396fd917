"""Message catalogues: every sentence a child or a trainer reads, in fr, ar, en (and zgh).

Catalogues are TOML files in `game/locales/<lang>/`, one file per area of the game
(`core.toml` for the puzzle core and the command line, others for the screens), so
translators edit text, not code. A missing key falls back to English, then to the key.
"""

from __future__ import annotations

import tomllib
from functools import cache
from pathlib import Path

from blocks.problems import Problem

LOCALES = Path(__file__).with_name("locales")
LANGUAGES = ("fr", "ar", "en")
DEFAULT_LANGUAGE = "fr"
RTL_LANGUAGES = frozenset({"ar"})


@cache
def catalogue(lang: str) -> dict[str, str]:
    """Every message of `lang`, merged from all the TOML files of its folder."""
    messages: dict[str, str] = {}
    for path in sorted((LOCALES / lang).glob("*.toml")):
        with path.open("rb") as handle:
            messages.update({str(k): str(v) for k, v in tomllib.load(handle).items()})
    return messages


class _Keep(dict[str, object]):
    """Leaves unknown {placeholders} in place instead of failing."""

    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


def t(key: str, lang: str = DEFAULT_LANGUAGE, /, **params: object) -> str:
    """The message `key` in `lang`, with `{name}` placeholders filled from `params`."""
    text = catalogue(lang).get(key) or catalogue("en").get(key) or key
    return text.format_map(_Keep(params))


def problem_text(found: Problem, lang: str = DEFAULT_LANGUAGE) -> str:
    return t(found.code, lang, **found.args)


def format_problem(path: str, found: Problem, lang: str = DEFAULT_LANGUAGE) -> str:
    """`FILE:LINE:COLUMN: message`, warnings marked as such."""
    text = problem_text(found, lang)
    if found.severity == "warning":
        text = f"{t('warning', lang)}: {text}"
    return f"{path}:{found.line}:{found.column}: {text}"
