"""The YAML form of programs (programs.md): every statement, every error with its place."""

from __future__ import annotations

import json
import textwrap
import time

import pytest

from blocks.catalogue import SENSOR_NAMES
from blocks.parse import MAX_NESTING, dump_program, load_program, parse_condition, to_data
from blocks.problems import InvalidInput, Problem
from blocks.program import (
    Action,
    Call,
    Cond,
    Define,
    If,
    Program,
    Repeat,
    Until,
    While,
    block_count,
    blocks_used,
    depth,
)
from tests.located import where

# The example of programs.md, word for word.
SPEC_EXAMPLE = """\
format: 1
level: loops-03            # optional: the level this program was written for
program:
  - define: step_and_turn  # a function; only at the top level
    do: [forward, turn_left]
  - forward
  - repeat: 3
    do:
      - call: step_and_turn
  - while: not at_goal
    do:
      - if: path_ahead
        do: [forward]
        else: [turn_right]
  - until: gem_here        # repeat until
    do: [forward]
  - pick_up
"""

SPEC_PROGRAM = Program(
    (
        Define("step_and_turn", (Action("forward"), Action("turn_left"))),
        Action("forward"),
        Repeat(3, (Call("step_and_turn"),)),
        While(
            Cond("at_goal", negated=True),
            (If(Cond("path_ahead"), (Action("forward"),), (Action("turn_right"),)),),
        ),
        Until(Cond("gem_here"), (Action("forward"),)),
        Action("pick_up"),
    ),
    level="loops-03",
)


def refused(text: str | bytes) -> list[Problem]:
    with pytest.raises(InvalidInput) as caught:
        load_program(textwrap.dedent(text) if isinstance(text, str) else text)
    return caught.value.problems


def nested_repeats(levels: int, indent: str = "  ") -> str:
    """`levels` repeat blocks, each inside the previous one, around one forward."""
    lines = []
    for i in range(levels):
        lines += [f"{indent * 2 * i}- repeat: 2", f"{indent * 2 * i}  do:"]
    lines.append(f"{indent * 2 * levels}- forward")
    return "\n".join(lines) + "\n"


# Reading -------------------------------------------------------------------------------


def test_the_spec_example_reads_as_its_blocks() -> None:
    assert load_program(SPEC_EXAMPLE) == SPEC_PROGRAM


def test_the_spec_example_counts_one_block_per_statement() -> None:
    assert block_count(SPEC_PROGRAM) == 13
    assert blocks_used(SPEC_PROGRAM) == {
        "function",
        "forward",
        "turn_left",
        "turn_right",
        "pick_up",
        "repeat",
        "while",
        "until",
        "if_else",
    }


@pytest.mark.parametrize("action", ["forward", "turn_left", "turn_right", "pick_up"])
def test_each_action_is_one_statement(action: str) -> None:
    assert load_program(f"- {action}\n") == Program((Action(action),))


def test_a_bare_list_and_a_mapping_with_program_read_the_same() -> None:
    bare = load_program("- forward\n- repeat: 2\n  do: [turn_left]\n")
    mapped = load_program("format: 1\nprogram:\n  - forward\n  - repeat: 2\n    do: [turn_left]\n")
    assert bare == mapped == Program((Action("forward"), Repeat(2, (Action("turn_left"),))))
    assert load_program("level: maze-2\nprogram: [forward]\n").level == "maze-2"


def test_empty_bodies_and_an_empty_program_are_allowed() -> None:
    assert load_program("program: []\n") == Program(())
    assert load_program("program:\n") == Program(())
    assert load_program("- repeat: 2\n  do: []\n") == Program((Repeat(2, ()),))
    assert load_program("- while: path_ahead\n  do:\n") == Program((While(Cond("path_ahead"), ()),))


def test_if_without_else_is_an_if_block_and_with_an_empty_else_an_if_else_block() -> None:
    plain = load_program("- if: gem_here\n  do: [pick_up]\n")
    empty_else = load_program("- if: gem_here\n  do: [pick_up]\n  else: []\n")
    assert plain.statements[0] == If(Cond("gem_here"), (Action("pick_up"),), None)
    assert empty_else.statements[0] == If(Cond("gem_here"), (Action("pick_up"),), ())
    assert blocks_used(plain) == {"if", "pick_up"}
    assert blocks_used(empty_else) == {"if_else", "pick_up"}


@pytest.mark.parametrize(
    ("text", "cond"),
    [
        ("path_ahead", Cond("path_ahead")),
        ("not path_ahead", Cond("path_ahead", negated=True)),
        ("not   path_ahead", Cond("path_ahead", negated=True)),
        ("  on_red ", Cond("on_red")),
    ],
)
def test_conditions_allow_extra_spaces(text: str, cond: Cond) -> None:
    assert parse_condition(text) == cond
    assert load_program(f"- until: '{text}'\n  do: []\n") == Program((Until(cond, ()),))


@pytest.mark.parametrize("sensor", sorted(SENSOR_NAMES))
def test_every_sensor_is_a_condition_plain_or_negated(sensor: str) -> None:
    text = f"- while: {sensor}\n  do: []\n- if: not {sensor}\n  do: []\n"
    assert load_program(text) == Program(
        (While(Cond(sensor), ()), If(Cond(sensor, negated=True), (), None))
    )


@pytest.mark.parametrize(
    "text",
    ["", "not", "not not path_ahead", "NOT path_ahead", "path ahead", "fly", "notpath_ahead"],
)
def test_other_conditions_are_refused(text: str) -> None:
    assert parse_condition(text) is None
    assert parse_condition(3) is None
    assert parse_condition(None) is None


def test_a_function_may_be_called_before_its_definition_and_recursively() -> None:
    program = load_program("- call: zig\n- define: zig\n  do: [forward, {call: zig}]\n")
    assert program.statements == (
        Call("zig"),
        Define("zig", (Action("forward"), Call("zig"))),
    )


def test_a_byte_order_mark_and_windows_line_ends_change_nothing() -> None:
    windows = b"\xef\xbb\xbf" + SPEC_EXAMPLE.replace("\n", "\r\n").encode()
    assert load_program(windows) == SPEC_PROGRAM
    problems = refused(b"\xef\xbb\xbfprogram:\r\n  - forward\r\n  - jump\r\n")
    assert where(problems) == [(3, 5, "stmt.unknown")]


def test_nesting_up_to_the_limit_is_read_one_more_is_refused() -> None:
    deepest = load_program(nested_repeats(MAX_NESTING - 1))
    assert depth(deepest.statements) == MAX_NESTING
    problems = refused(nested_repeats(MAX_NESTING))
    assert [p.code for p in problems] == ["program.too_deep"]
    assert problems[0].line == 2 * MAX_NESTING + 1  # the body that is one level too deep


def test_a_program_nested_2000_deep_is_refused_cleanly_and_fast() -> None:
    flow = "- {repeat: 2, do: [" * 2000 + "forward" + "]}" * 2000 + "\n"
    for text in (flow, nested_repeats(2000, indent=" ")[:60_000]):
        start = time.perf_counter()
        problems = refused(text)
        assert time.perf_counter() - start < 0.5
        assert problems[0].code in ("yaml.too_deep", "program.too_deep")


# Every error family, with its line and column ----------------------------------------------

ERRORS = [
    ("", [(1, 1, "program.empty")]),
    ("# nothing here\n", [(1, 1, "program.empty")]),
    ("forward\n", [(1, 1, "program.not_list")]),
    ("program: {repeat: 2}\n", [(1, 10, "program.not_list")]),
    ("format: 1\nlevel: a\n", [(1, 1, "program.missing")]),
    ("format: 2\nprogram: []\n", [(1, 9, "program.bad_format")]),
    ("format: '1'\nprogram: []\n", [(1, 9, "program.bad_format")]),
    ("level: 3\nprogram: []\n", [(1, 8, "program.bad_level")]),
    ("program: []\nauthor: me\n", [(2, 1, "program.unknown_key")]),
    ("- jump\n", [(1, 3, "stmt.unknown")]),
    ("- Forward\n", [(1, 3, "stmt.unknown")]),
    ("- 3\n", [(1, 3, "stmt.bad_shape")]),
    ("- [forward]\n", [(1, 3, "stmt.bad_shape")]),
    ("-\n", [(1, 2, "stmt.bad_shape")]),
    ("- do: [forward]\n", [(1, 3, "stmt.no_head")]),
    ("- repeat: 2\n  while: path_ahead\n  do: []\n", [(1, 3, "stmt.two_heads")]),
    ("- repeat: 2\n  do: []\n  times: 3\n", [(3, 3, "stmt.unknown_key")]),
    ("- while: path_ahead\n  do: []\n  else: []\n", [(3, 3, "stmt.unknown_key")]),
    ("- repeat: 2\n", [(1, 3, "stmt.missing_do")]),
    ("- if: gem_here\n  else: [forward]\n", [(1, 3, "stmt.missing_do")]),
    ("- repeat: 2\n  do: forward\n", [(2, 7, "program.body_not_list")]),
    ("- if: gem_here\n  do: []\n  else: 3\n", [(3, 9, "program.body_not_list")]),
    ("- repeat: 0\n  do: []\n", [(1, 11, "repeat.bad_count")]),
    ("- repeat: 100\n  do: []\n", [(1, 11, "repeat.bad_count")]),
    ("- repeat: true\n  do: []\n", [(1, 11, "repeat.bad_count")]),
    ("- repeat: '3'\n  do: []\n", [(1, 11, "repeat.bad_count")]),
    ("- repeat: 2.5\n  do: []\n", [(1, 11, "repeat.bad_count")]),
    ("- repeat: -1\n  do: []\n", [(1, 11, "repeat.bad_count")]),
    ("- while: fly\n  do: []\n", [(1, 10, "cond.bad")]),
    ("- until: not not gem_here\n  do: []\n", [(1, 10, "cond.bad")]),
    ("- if: 3\n  do: []\n", [(1, 7, "cond.bad")]),
    ("- repeat: 2\n  do:\n    - define: f\n      do: []\n", [(3, 15, "define.not_top")]),
    ("- define: Zig\n  do: []\n", [(1, 11, "define.bad_name")]),
    ("- define: 2go\n  do: []\n", [(1, 11, "define.bad_name")]),
    ("- define: 7\n  do: []\n", [(1, 11, "define.bad_name")]),
    ("- define: forward\n  do: []\n", [(1, 11, "define.reserved")]),
    ("- define: path_ahead\n  do: []\n", [(1, 11, "define.reserved")]),
    ("- define: while\n  do: []\n", [(1, 11, "define.reserved")]),
    ("- define: range\n  do: []\n", [(1, 11, "define.reserved")]),
    ("- define: f\n  do: []\n- define: f\n  do: []\n", [(3, 11, "define.twice")]),
    ("- call: 3\n", [(1, 9, "call.bad_name")]),
    ("- call: Zig\n", [(1, 9, "call.bad_name")]),
    ("- call: zag\n", [(1, 9, "call.unknown")]),
    ("- call: f\n  do: []\n- define: f\n  do: []\n", [(2, 3, "stmt.unknown_key")]),
    ("- forward\n- {a: 1\n", [(3, 1, "yaml.syntax")]),
    ("- forward\n- &a turn_left\n- *a\n", [(3, 3, "yaml.alias")]),
    ("- repeat: 2\n  repeat: 3\n  do: []\n", [(2, 3, "yaml.duplicate_key")]),
]


@pytest.mark.parametrize(("text", "expected"), ERRORS)
def test_each_error_is_reported_at_its_line_and_column(
    text: str, expected: list[tuple[int, int, str]]
) -> None:
    assert where(refused(text)) == expected


def test_every_problem_of_a_program_is_reported_in_file_order() -> None:
    text = """\
    - jump
    - repeat: 0
      do: [fly]
    - call: nowhere
    - while: maybe
      do: []
    """
    assert where(refused(text)) == [
        (1, 3, "stmt.unknown"),
        (2, 11, "repeat.bad_count"),
        (3, 8, "stmt.unknown"),
        (4, 9, "call.unknown"),
        (5, 10, "cond.bad"),
    ]


def test_problems_carry_what_the_message_needs() -> None:
    (twice,) = refused("- define: f\n  do: []\n- define: f\n  do: []\n")
    assert twice.args == {"name": "f", "first": "1"}
    (count,) = refused("- repeat: 100\n  do: []\n")
    assert count.args == {"value": "100"}
    (key,) = refused("- repeat: 2\n  do: []\n  times: 3\n")
    assert key.args == {"key": "times", "block": "repeat"}


# Writing -------------------------------------------------------------------------------


def test_dump_then_load_gives_the_same_program() -> None:
    text = dump_program(SPEC_PROGRAM)
    assert text.startswith("format: 1\nlevel: loops-03\nprogram:\n")
    assert load_program(text) == SPEC_PROGRAM


def test_function_names_that_yaml_would_read_as_other_things_survive_a_dump() -> None:
    names = ("yes", "no", "on", "off", "null", "true", "_1")
    program = Program(
        tuple(Define(name, (Action("forward"),)) for name in names)
        + tuple(Call(name) for name in names)
    )
    assert load_program(dump_program(program)) == program


def test_to_data_is_plain_json() -> None:
    data = to_data(SPEC_PROGRAM.statements)
    assert json.loads(json.dumps(data)) == data
    assert data[3] == {
        "while": "not at_goal",
        "do": [{"if": "path_ahead", "do": ["forward"], "else": ["turn_right"]}],
    }
    assert data[4] == {"until": "gem_here", "do": ["forward"]}
