"""The Python form (programs.md): read with `ast`, never run; anything else refused by line."""

from __future__ import annotations

import sys
import time
from collections.abc import Iterator

import pytest

from blocks.catalogue import SENSOR_NAMES
from blocks.parse import MAX_NESTING, load_program
from blocks.problems import InvalidInput, Problem
from blocks.program import Action, Call, Cond, Define, If, Program, Repeat, Until, While, depth
from blocks.python_form import from_python, to_python
from tests.located import where
from tests.test_parse import SPEC_EXAMPLE

# The example of programs.md, word for word.
SPEC_PYTHON = """\
def step_and_turn():
    forward()
    turn_left()

forward()
for _ in range(3):
    step_and_turn()
while not at_goal():
    if path_ahead():
        forward()
    else:
        turn_right()
while not gem_here():
    forward()
pick_up()
"""


def refused(text: str) -> list[Problem]:
    with pytest.raises(InvalidInput) as caught:
        from_python(text)
    return caught.value.problems


# From blocks to Python -------------------------------------------------------------------


def test_the_spec_example_becomes_the_spec_python_text() -> None:
    assert to_python(load_program(SPEC_EXAMPLE)) == SPEC_PYTHON


def test_until_is_written_as_while_not_and_until_not_as_plain_while() -> None:
    program = Program(
        (
            Until(Cond("gem_here"), (Action("forward"),)),
            Until(Cond("path_ahead", negated=True), (Action("turn_left"),)),
        )
    )
    assert to_python(program) == (
        "while not gem_here():\n    forward()\nwhile path_ahead():\n    turn_left()\n"
    )


def test_empty_bodies_and_empty_programs_are_written_pass() -> None:
    program = Program(
        (
            Define("rest", ()),
            Repeat(2, ()),
            If(Cond("on_red"), (), ()),
        )
    )
    assert to_python(program) == (
        "def rest():\n    pass\n\nfor _ in range(2):\n    pass\n"
        "if on_red():\n    pass\nelse:\n    pass\n"
    )
    assert to_python(Program(())) == "pass\n"


# From Python to blocks -------------------------------------------------------------------


def test_the_spec_python_reads_as_the_spec_blocks_with_until_as_while() -> None:
    assert from_python(SPEC_PYTHON) == Program(
        (
            Define("step_and_turn", (Action("forward"), Action("turn_left"))),
            Action("forward"),
            Repeat(3, (Call("step_and_turn"),)),
            While(
                Cond("at_goal", negated=True),
                (If(Cond("path_ahead"), (Action("forward"),), (Action("turn_right"),)),),
            ),
            While(Cond("gem_here", negated=True), (Action("forward"),)),
            Action("pick_up"),
        )
    )


def test_elif_is_an_if_else_holding_another_if() -> None:
    text = """\
if path_ahead():
    forward()
elif path_left():
    turn_left()
else:
    turn_right()
"""
    inner = If(Cond("path_left"), (Action("turn_left"),), (Action("turn_right"),))
    assert from_python(text) == Program((If(Cond("path_ahead"), (Action("forward"),), (inner,)),))


def test_pass_is_an_empty_body_and_is_ignored_beside_other_statements() -> None:
    assert from_python("pass\n") == Program(())
    assert from_python("") == Program(())
    assert from_python("for _ in range(2):\n    pass\n    forward()\n") == Program(
        (Repeat(2, (Action("forward"),)),)
    )
    assert from_python("if gem_here():\n    pick_up()\nelse:\n    pass\n") == Program(
        (If(Cond("gem_here"), (Action("pick_up"),), ()),)
    )


@pytest.mark.parametrize("name", ["_", "i", "times", "forward", "étape"])
def test_a_for_loop_variable_may_have_any_name(name: str) -> None:
    assert from_python(f"for {name} in range(99):\n    forward()\n") == Program(
        (Repeat(99, (Action("forward"),)),)
    )


@pytest.mark.parametrize("sensor", sorted(SENSOR_NAMES))
def test_every_sensor_is_a_condition_plain_or_negated(sensor: str) -> None:
    text = f"while {sensor}():\n    pass\nif not {sensor}():\n    pass\n"
    program = Program((While(Cond(sensor), ()), If(Cond(sensor, negated=True), (), None)))
    assert from_python(text) == program
    assert to_python(program) == text


def test_functions_may_be_called_before_they_are_defined_and_may_recurse() -> None:
    text = "spiral()\ndef spiral():\n    forward()\n    spiral()\n"
    assert from_python(text) == Program(
        (Call("spiral"), Define("spiral", (Action("forward"), Call("spiral"))))
    )


def test_comments_semicolons_tabs_crlf_and_a_byte_order_mark_are_fine() -> None:
    expected = Program((While(Cond("path_ahead"), (Action("forward"), Action("turn_left"))),))
    for text in (
        "# go\nwhile path_ahead():  # loop\n    forward(); turn_left()\n",
        "while path_ahead():\r\n\tforward()\r\n\tturn_left()\r\n",
        "\ufeffwhile path_ahead():\n    forward()\n    turn_left()\n",
    ):
        assert from_python(text) == expected


# Refusals, each naming its line ----------------------------------------------------------

REFUSALS = [
    ("forward()\nimport os\n", (2, 1, "python.not_allowed")),
    ("from os import system\n", (1, 1, "python.not_allowed")),
    ("forward()\nsteps = 3\n", (2, 1, "python.not_allowed")),
    ("x += 1\n", (1, 1, "python.not_allowed")),
    ("go = lambda: forward()\n", (1, 1, "python.not_allowed")),
    ("print('hi')\n", (1, 1, "python.bad_call")),
    ("forward(2)\n", (1, 1, "python.bad_call")),
    ("forward(steps=2)\n", (1, 1, "python.bad_call")),
    ("os.system('rm -rf /')\n", (1, 1, "python.bad_call")),
    ("robot.forward()\n", (1, 1, "python.bad_call")),
    ("forward()()\n", (1, 1, "python.bad_call")),
    ("forward().x\n", (1, 1, "python.not_allowed")),
    ("1 + 2\n", (1, 1, "python.not_allowed")),
    ("'a docstring'\n", (1, 1, "python.not_allowed")),
    ("(x := 1)\n", (1, 1, "python.not_allowed")),
    ("forward\n", (1, 1, "python.bare_name")),
    ("jump()\n", (1, 1, "python.unknown_call")),
    ("path_ahead()\n", (1, 1, "python.sensor_call")),
    ("while path_ahead():\n    forward()\nelse:\n    turn_left()\n", (1, 1, "python.while_else")),
    ("for _ in range(2):\n    forward()\nelse:\n    pass\n", (1, 1, "python.bad_for")),
    ("for _ in range(0):\n    forward()\n", (1, 1, "python.bad_for")),
    ("for _ in range(100):\n    forward()\n", (1, 1, "python.bad_for")),
    ("for _ in range(True):\n    forward()\n", (1, 1, "python.bad_for")),
    ("for _ in range(1, 3):\n    forward()\n", (1, 1, "python.bad_for")),
    ("for _ in range(n):\n    forward()\n", (1, 1, "python.bad_for")),
    ("for _ in [1, 2]:\n    forward()\n", (1, 1, "python.bad_for")),
    ("for a, b in range(2):\n    forward()\n", (1, 1, "python.bad_for")),
    ("def step(n):\n    forward()\n", (1, 1, "python.bad_def")),
    ("def step(*moves):\n    forward()\n", (1, 1, "python.bad_def")),
    ("def step() -> None:\n    forward()\n", (1, 1, "python.bad_def")),
    ("@slow\ndef step():\n    forward()\n", (2, 1, "python.bad_def")),
    ("def outer():\n    def inner():\n        pass\n", (2, 5, "define.not_top")),
    ("for _ in range(2):\n    def inner():\n        pass\n", (2, 5, "define.not_top")),
    ("def Step():\n    pass\n", (1, 1, "define.bad_name")),
    ("def forward():\n    pass\n", (1, 1, "define.reserved")),
    ("def range():\n    pass\n", (1, 1, "define.reserved")),
    ("def f():\n    pass\n\ndef f():\n    pass\n", (4, 1, "define.twice")),
    ("async def f():\n    pass\n", (1, 1, "python.not_allowed")),
    ("class Robot:\n    pass\n", (1, 1, "python.not_allowed")),
    ("def f():\n    return\n", (2, 5, "python.not_allowed")),
    ("while path_ahead():\n    break\n", (2, 5, "python.not_allowed")),
    ("try:\n    forward()\nexcept:\n    pass\n", (1, 1, "python.not_allowed")),
    ("with x:\n    pass\n", (1, 1, "python.not_allowed")),
    ("global x\n", (1, 1, "python.not_allowed")),
    ("if path_ahead() and gem_here():\n    pass\n", (1, 4, "python.bad_condition")),
    ("while True:\n    forward()\n", (1, 7, "python.bad_condition")),
    ("while path_ahead:\n    forward()\n", (1, 7, "python.bad_condition")),
    ("while not not path_ahead():\n    forward()\n", (1, 11, "python.bad_condition")),
    ("if forward():\n    pass\n", (1, 4, "python.bad_condition")),
    ("forward(\n", (1, 8, "python.syntax")),
    ("for\n", (1, 4, "python.syntax")),
    ("forward()\x00\n", (1, 1, "python.syntax")),
]


@pytest.mark.parametrize(("text", "expected"), REFUSALS)
def test_anything_outside_the_subset_is_refused_at_its_line(
    text: str, expected: tuple[int, int, str]
) -> None:
    assert where(refused(text))[0] == expected


def test_every_refused_line_is_reported_in_order() -> None:
    text = "import os\nforward()\nx = 1\nfor _ in range(0):\n    jump()\n"
    assert where(refused(text)) == [
        (1, 1, "python.not_allowed"),
        (3, 1, "python.not_allowed"),
        (4, 1, "python.bad_for"),
        (5, 5, "python.unknown_call"),
    ]


def test_refusals_carry_what_the_message_needs() -> None:
    (twice,) = refused("def f():\n    pass\n\ndef f():\n    pass\n")
    assert twice.args == {"name": "f", "first": "1"}
    (loop,) = refused("for _ in range(0):\n    pass\n")
    assert loop.args == {"low": "1", "high": "99"}
    (bare,) = refused("turn_left\n")
    assert bare.args == {"name": "turn_left"}


# Nesting ---------------------------------------------------------------------------------


def nested_whiles(levels: int) -> str:
    lines = ["    " * i + "while path_ahead():" for i in range(levels)]
    return "\n".join([*lines, "    " * levels + "forward()"]) + "\n"


def test_nesting_has_the_same_limit_as_the_yaml_form() -> None:
    program = from_python(nested_whiles(MAX_NESTING - 1))
    assert depth(program.statements) == MAX_NESTING
    problems = refused(nested_whiles(MAX_NESTING))
    assert [p.code for p in problems] == ["program.too_deep"]
    assert problems[0].line == MAX_NESTING + 1


@pytest.mark.parametrize(
    "text",
    [
        nested_whiles(2000),
        "if path_ahead():\n    forward()\n" + "elif path_ahead():\n    forward()\n" * 2000,
        "while " + "not " * 2000 + "path_ahead():\n    forward()\n",
        "forward(" + "(" * 2000 + ")" * 2000 + ")\n",
        "x = " + "-" * 100_000 + "1\n",
    ],
    ids=["while", "elif", "not", "brackets", "unary"],
)
def test_a_program_nested_2000_deep_is_refused_cleanly_and_fast(text: str) -> None:
    start = time.perf_counter()
    problems = refused(text)
    assert time.perf_counter() - start < 1.0
    assert problems and all(p.line >= 1 for p in problems)
    if text.startswith(("while path_ahead", "forward(")):
        assert [p.code for p in problems] == ["program.too_deep"]


# Never executed --------------------------------------------------------------------------


@pytest.fixture
def audit_events() -> Iterator[list[str]]:
    """Names of the audit events raised while the test runs (exec, open, os.system...)."""
    events: list[str] = []
    recording = [True]

    def hook(event: str, args: tuple[object, ...]) -> None:
        if recording[0]:
            events.append(event)

    sys.addaudithook(hook)  # hooks cannot be removed: this one stops recording instead
    yield events
    recording[0] = False


def test_python_text_is_parsed_never_executed(audit_events: list[str]) -> None:
    from_python(SPEC_PYTHON)
    for text in (
        "import os\nos.system('touch hacked')\n",
        "open('hacked', 'w')\n",
        "__import__('os').system('touch hacked')\n",
        "def f():\n    exec('1')\n",
    ):
        refused(text)
    assert "exec" not in audit_events
    assert "os.system" not in audit_events
    assert "open" not in audit_events
    assert "import" not in audit_events
