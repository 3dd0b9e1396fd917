"""Converting between the forms loses nothing (programs.md): random programs, varied levels.

YAML -> Python -> blocks must behave identically on every level (same status, steps,
final state, trace); YAML dump -> load must give the very same program.
"""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from blocks.catalogue import ACTIONS, SENSOR_NAMES
from blocks.parse import dump_program, load_program
from blocks.program import (
    Action,
    Call,
    Cond,
    Define,
    If,
    Program,
    Repeat,
    Statement,
    Until,
    While,
)
from blocks.python_form import from_python, to_python
from game.levels import Level
from game.runner import run
from tests.conftest import make_level

# Names YAML would read as booleans or null unless quoted, and Python-looking ones.
NAMES = ("zigzag", "yes", "null", "on", "_turn2", "print")
SETTINGS = settings(max_examples=150, deadline=None, derandomize=True)

LEVELS: tuple[Level, ...] = (
    make_level(
        """
        #########
        #>..*..F#
        #########
        """,
        goals="[collect_gems, reach_goal]",
        extra="max_steps: 40\n",
    ),
    make_level(
        """
        #######
        #>.#.F#
        #.r#b.#
        #.~g..#
        #..y.##
        #######
        """,
        extra="max_steps: 40\n",
    ),
    make_level(
        """
        #######
        #>.B.o#
        #..B.o#
        #######
        """,
        goals="[crates_on_targets]",
        extra="max_steps: 40\nmax_blocks: 9\n",
    ),
    make_level(
        """
        ######
        #v*.~#
        #.#*.#
        #*...#
        ######
        """,
        goals="[collect_gems]",
        extra="max_steps: 40\nvariants:\n  - |\n    ######\n    #v...#\n    #*#..#\n    #..*~#\n    ######\n",
    ),
)

SENSORS = sorted(SENSOR_NAMES)
MAX_DEPTH = 5


@st.composite
def programs(draw: st.DrawFn) -> Program:
    """Up to 40 statements of every kind, nested up to 5 deep, with functions (possibly
    none) defined anywhere at the top level and called from anywhere, recursion included.

    Written as one composite rather than `st.recursive`: it draws ten times faster.
    """
    names = draw(st.lists(st.sampled_from(NAMES), max_size=3, unique=True))
    budget = [draw(st.integers(0, 40))]

    def body(depth: int) -> tuple[Statement, ...]:
        out: list[Statement] = []
        while budget[0] > 0 and draw(st.integers(0, 3)) > 0:
            budget[0] -= 1
            out.append(statement(depth))
        return tuple(out)

    def cond() -> Cond:
        return Cond(draw(st.sampled_from(SENSORS)), draw(st.booleans()))

    def statement(depth: int) -> Statement:
        kind = draw(st.integers(0, 6 if depth < MAX_DEPTH else 1))
        if kind == 1 and names:
            return Call(draw(st.sampled_from(names)))
        if kind <= 1:
            return Action(draw(st.sampled_from(ACTIONS)))
        if kind == 2:
            return Repeat(draw(st.integers(1, 99)), body(depth + 1))
        if kind in (3, 4):
            kind_of = While if kind == 3 else Until
            return kind_of(cond(), body(depth + 1))
        orelse = body(depth + 1) if kind == 6 else None
        return If(cond(), body(depth + 1), orelse)

    main = list(body(0))
    for name in names:
        main.insert(draw(st.integers(0, len(main))), Define(name, body(1)))
    level = draw(st.none() | st.sampled_from(("loops-03", "yes", "a")))
    return Program(tuple(main), level)


def untils_as_whiles(statements: tuple[Statement, ...]) -> tuple[Statement, ...]:
    """What the Python form makes of a program: `until C` is `while not C`."""
    return tuple(_as_while(stmt) for stmt in statements)


def _as_while(stmt: Statement) -> Statement:
    match stmt:
        case Until(cond=cond, body=body):
            flipped = Cond(cond.sensor, not cond.negated)
            return While(flipped, untils_as_whiles(body))
        case While(cond=cond, body=body):
            return While(cond, untils_as_whiles(body))
        case Repeat(count=count, body=body):
            return Repeat(count, untils_as_whiles(body))
        case If(cond=cond, body=body, orelse=orelse):
            other = None if orelse is None else untils_as_whiles(orelse)
            return If(cond, untils_as_whiles(body), other)
        case Define(name=name, body=body):
            return Define(name, untils_as_whiles(body))
        case _:
            return stmt


@SETTINGS
@given(programs())
def test_yaml_to_python_and_back_behaves_identically_on_every_level(program: Program) -> None:
    back = from_python(to_python(program))
    for level in LEVELS:
        assert run(level, back) == run(level, program)


@SETTINGS
@given(programs())
def test_python_and_back_keeps_every_block_and_turns_until_into_while(program: Program) -> None:
    text = to_python(program)
    back = from_python(text)
    assert back.statements == untils_as_whiles(program.statements)
    assert to_python(back) == text


@SETTINGS
@given(programs())
def test_yaml_dump_then_load_gives_an_equal_program(program: Program) -> None:
    assert load_program(dump_program(program)) == program
