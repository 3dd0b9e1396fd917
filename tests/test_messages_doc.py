"""docs/messages.md lists every validator message, generated from the catalogues."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from game.i18n import catalogue

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tools"))

import messages_doc  # noqa: E402  (a script in tools/, not a package)


def test_messages_doc_is_up_to_date() -> None:
    done = subprocess.run(
        [sys.executable, str(ROOT / "tools" / "messages_doc.py"), "--check"],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr


def test_every_listed_code_has_its_words_in_french_arabic_and_english() -> None:
    for key in messages_doc.problem_keys():
        for lang in ("fr", "ar", "en"):
            assert catalogue(lang).get(key), (key, lang)


def test_problems_from_every_part_of_the_validator_are_listed() -> None:
    listed = set(messages_doc.problem_keys())
    for code in ("yaml.alias", "map.bad_char", "level.unsolvable", "pack.unlisted"):
        assert code in listed
    assert "search.stars_impossible_smallest" in listed
    assert "search.budget" not in listed  # solve's own words, not a problem
    assert not any(key.startswith("play.") for key in listed)
