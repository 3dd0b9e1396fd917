"""Message catalogues: every key in fr, ar and en, same placeholders, every code has words."""

from __future__ import annotations

import ast
import re
import string
import tomllib
from pathlib import Path

import pytest

from blocks.problems import problem
from game.i18n import LANGUAGES, LOCALES, catalogue, format_problem, t
from game.world.outcome import STATUSES

ROOT = Path(__file__).resolve().parent.parent
AREAS = sorted(path.name for path in (LOCALES / "en").glob("*.toml"))
# The puzzle core and the command line: where problem codes and core messages come from.
CORE_SOURCES = sorted(
    [
        *(ROOT / "blocks").glob("*.py"),
        *(ROOT / "game" / "world").glob("*.py"),
        *(ROOT / "game" / name for name in ("levels.py", "level_fields.py", "packs.py")),
        *(ROOT / "game" / name for name in ("validate.py", "cli.py", "run_report.py")),
    ]
)
CODE = re.compile(
    r"(file|yaml|program|stmt|repeat|cond|define|call|python|field|level|map|pack|cli|status)"
    r"\.[a-z_]+"
)


def area(lang: str, name: str) -> dict[str, str]:
    with (LOCALES / lang / name).open("rb") as handle:
        return {str(key): str(value) for key, value in tomllib.load(handle).items()}


def placeholders(text: str) -> set[str]:
    """The {names} a message expects; fails on anything but plain names."""
    names = set()
    for _, name, spec, conversion in string.Formatter().parse(text):
        if name is not None:
            assert name.isidentifier() and not spec and not conversion, text
            names.add(name)
    return names


def codes_in_source() -> set[str]:
    """Every string literal of the core that looks like a message code."""
    found = set()
    for path in CORE_SOURCES:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            text = node.value if isinstance(node, ast.Constant) else None
            if isinstance(text, str) and CODE.fullmatch(text) and not text.endswith(".yaml"):
                found.add(text)
    return found


def test_every_area_exists_in_every_language() -> None:
    for lang in LANGUAGES:
        assert sorted(path.name for path in (LOCALES / lang).glob("*.toml")) == AREAS


@pytest.mark.parametrize("name", AREAS)
@pytest.mark.parametrize("lang", ["fr", "ar"])
def test_every_key_exists_in_every_language(lang: str, name: str) -> None:
    english, other = area("en", name), area(lang, name)
    assert sorted(set(english) - set(other)) == [], "missing"
    assert sorted(set(other) - set(english)) == [], "not in English"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_placeholders_match_the_english_ones(lang: str) -> None:
    english = catalogue("en")
    for key, text in catalogue(lang).items():
        assert text.strip(), key
        assert placeholders(text) == placeholders(english[key]), key


def test_every_code_in_the_core_has_a_message_in_every_language() -> None:
    codes = codes_in_source() | {f"status.{status}" for status in STATUSES}
    assert len(codes) > 60  # the scan really finds the codes
    for lang in LANGUAGES:
        missing = sorted(code for code in codes if code not in catalogue(lang))
        assert missing == [], lang


def test_every_core_message_is_used_by_the_core() -> None:
    used = codes_in_source() | {f"status.{status}" for status in STATUSES}
    unused = sorted(
        key for key in area("en", "core.toml") if CODE.fullmatch(key) and key not in used
    )
    assert unused == []


def test_messages_are_filled_and_unknown_placeholders_kept() -> None:
    assert t("map.too_big", "en", max=32) == "the map is too big: at most 32 rows and 32 columns"
    assert "{max}" in t("map.too_big", "en")
    assert t("no.such.key", "fr") == "no.such.key"


def test_a_located_problem_reads_file_line_column_message_in_each_language() -> None:
    found = problem(3, 7, "stmt.unknown", name="jump")
    for lang in LANGUAGES:
        line = format_problem("prog.yaml", found, lang)
        assert line == f"prog.yaml:3:7: {t('stmt.unknown', lang, name='jump')}"
        assert "jump" in line
    warning = problem(1, 1, "pack.unlisted", name="x.yaml", severity="warning")
    assert format_problem("p", warning, "en").startswith(f"p:1:1: {t('warning', 'en')}: ")


def test_arabic_messages_are_in_arabic() -> None:
    arabic = re.compile(r"[\u0600-\u06ff]")
    core = area("ar", "core.toml")
    assert all(arabic.search(text) for key, text in core.items() if key != "language.name")
