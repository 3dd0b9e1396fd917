"""Broken level files give clean results only: a level, or located problems; never a crash.

A valid level is mutated by random edits (the typos, lost lines and stray characters of a
trainer's editor); random bytes stand for a file that is not a level at all. Every case
must end quickly with a `Checked`, its problems must be printable in every language, and
a level that comes out well formed must survive the validator's deep checks too.
"""

from __future__ import annotations

import re
import time

from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from game.i18n import LANGUAGES, problem_text
from game.levels import Checked, parse_level
from game.validate import playable_problems

SEED = """\
format: 1
id: fuzz-01
title: {fr: "Le couloir", ar: "الممر", en: "The corridor"}
intro: Ramasse tout.
map: |
  ########
  #>.*..F#
  #~B.o.r#
  ########
variants:
  - "########\\n#>..*.F#\\n#~B.o.g#"
goals: [collect_gems, reach_goal]
blocks: [forward, turn_left, turn_right, pick_up, repeat, while, until, if, if_else, function]
max_blocks: 12
stars: [5, 8]
max_steps: 60
hints:
  - {fr: "Avance.", en: "Go forward."}
solution:
  - define: step
    do: [forward]
  - repeat: 2
    do:
      - call: step
  - until: at_goal
    do:
      - if: not gem_here
        do: []
        else: [pick_up]
      - forward
"""

FAST = 2.0  # seconds for one file, deep checks included: a hang would take far longer
EDIT_CHARS = "#.~<>^vF*BorgbyX :-[]{},'\"|>&*!?\n\t\\1"
LEFTOVER = re.compile(r"\{[a-z_]+\}")

edits = st.lists(
    st.tuples(
        st.sampled_from(("delete", "insert", "replace")),
        st.floats(0, 1, exclude_max=True),
        st.text(alphabet=EDIT_CHARS, min_size=1, max_size=3) | st.characters(),
    ),
    min_size=1,
    max_size=6,
)


def mutate(text: str, changes: list[tuple[str, float, str]]) -> str:
    for kind, where, chars in changes:
        at = int(where * len(text))
        if kind == "delete":
            text = text[:at] + text[at + len(chars) :]
        elif kind == "insert":
            text = text[:at] + chars + text[at:]
        else:
            text = text[:at] + chars + text[at + len(chars) :]
    return text


def assert_clean(checked: Checked, lines: int) -> None:
    """A level with no error, or no level and at least one error; every problem printable."""
    has_errors = any(p.severity == "error" for p in checked.problems)
    assert (checked.level is None) == has_errors
    for found in checked.problems:
        assert 1 <= found.line <= lines + 1 and found.column >= 1
        for lang in LANGUAGES:
            text = problem_text(found, lang)
            assert text and text != found.code
            assert not LEFTOVER.search(text), (found, text)


def check(data: str | bytes) -> None:
    start = time.perf_counter()
    checked = parse_level(data)
    lines = (data.count(b"\n") if isinstance(data, bytes) else data.count("\n")) + 1
    assert_clean(checked, lines)
    event("well formed" if checked.level is not None else "refused")
    if checked.level is not None:
        for found in playable_problems(checked.level):
            assert found.code.startswith("level.")
    assert time.perf_counter() - start < FAST


def test_the_seed_level_is_valid_and_playable() -> None:
    checked = parse_level(SEED)
    assert checked.ok and checked.level is not None
    assert playable_problems(checked.level) == []


@settings(
    max_examples=250,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.too_slow],
)
@given(edits)
def test_mutated_level_files_give_a_level_or_located_problems(
    changes: list[tuple[str, float, str]],
) -> None:
    check(mutate(SEED, changes))


MAP_START = SEED.index("  ########\n")
MAP_END = SEED.index("variants:")


@settings(max_examples=150, deadline=None, derandomize=True)
@given(
    st.lists(
        st.tuples(st.integers(MAP_START, MAP_END - 1), st.sampled_from("#.~<>^vF*Borgby")),
        max_size=6,
    )
)
def test_levels_with_random_map_cells_are_checked_deeply(cells: list[tuple[int, str]]) -> None:
    text = list(SEED)
    for at, char in cells:
        if text[at] not in " \n":
            text[at] = char
    check("".join(text))


@settings(max_examples=200, deadline=None, derandomize=True)
@given(st.binary(max_size=400))
def test_random_bytes_give_located_problems(data: bytes) -> None:
    check(data)


@settings(max_examples=100, deadline=None, derandomize=True)
@given(st.binary(min_size=1, max_size=40), st.floats(0, 1, exclude_max=True))
def test_random_bytes_inside_a_level_give_located_problems(junk: bytes, where: float) -> None:
    data = SEED.encode()
    at = int(where * len(data))
    check(data[:at] + junk + data[at:])
