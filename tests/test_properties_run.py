"""Any program on any level ends, within the budgets, with exactly one known status.

Random programs mix loops, conditions, functions and recursion; random small levels mix
every tile. The budgets (steps, evaluations, call depth) must stop every one of them.
"""

from __future__ import annotations

import time

from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from blocks.catalogue import ACTIONS, BLOCK_NAMES, SENSOR_NAMES
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
    walk,
)
from game.levels import Level
from game.runner import run
from game.world.board import board_from_rows
from game.world.outcome import STATUSES
from game.world.rules import act

FUNCTIONS = ("f", "g")
BLOCK_NAMES_SORTED = sorted(BLOCK_NAMES)
conditions = st.builds(Cond, st.sampled_from(sorted(SENSOR_NAMES)), st.booleans())


def statements(leaf: st.SearchStrategy[Statement]) -> st.SearchStrategy[Statement]:
    return st.recursive(
        leaf,
        lambda inner: st.one_of(
            st.builds(Repeat, st.integers(1, 99), st.lists(inner, max_size=3).map(tuple)),
            st.builds(While, conditions, st.lists(inner, max_size=3).map(tuple)),
            st.builds(Until, conditions, st.lists(inner, max_size=3).map(tuple)),
            st.builds(If, conditions, st.lists(inner, max_size=3).map(tuple)),
            st.builds(
                If,
                conditions,
                st.lists(inner, max_size=3).map(tuple),
                st.lists(inner, max_size=3).map(tuple),
            ),
        ),
        max_leaves=10,
    )


leaves: st.SearchStrategy[Statement] = st.one_of(
    st.sampled_from(ACTIONS).map(Action),
    st.sampled_from(FUNCTIONS).map(Call),
)


STATEMENTS = statements(leaves)
BODIES = st.lists(STATEMENTS, max_size=4).map(tuple)


@st.composite
def programs(draw: st.DrawFn) -> Program:
    """A program whose calls all name a defined function (each may call itself or the other)."""
    defines = [Define(name, draw(BODIES)) for name in FUNCTIONS]
    main = draw(st.lists(STATEMENTS, max_size=5))
    at = draw(st.integers(0, len(main)))
    return Program(tuple(main[:at] + defines + main[at:]))


@st.composite
def levels(draw: st.DrawFn) -> Level:
    width, height = draw(st.integers(2, 6)), draw(st.integers(1, 5))
    chars = [draw(st.sampled_from("....#~*Bo.rgby")) for _ in range(width * height)]
    robot, flag = draw(
        st.lists(st.integers(0, width * height - 1), min_size=2, max_size=2, unique=True)
    )
    chars[robot] = draw(st.sampled_from("<>^v"))
    chars[flag] = "F"
    rows = ["".join(chars[y * width : (y + 1) * width]) for y in range(height)]
    palette = draw(st.sets(st.sampled_from(BLOCK_NAMES_SORTED), min_size=1))
    return Level(
        id="random",
        title={"*": "random"},
        boards=(board_from_rows(rows),),
        goals=("reach_goal",),
        blocks=tuple(sorted(palette) if draw(st.integers(0, 3)) == 0 else BLOCK_NAMES_SORTED),
        max_steps=draw(st.integers(1, 300)),
        max_blocks=draw(st.none() | st.integers(1, 40)),
        stars=(3, 6),
    )


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(levels(), programs())
def test_every_run_ends_within_its_budgets(level: Level, prog: Program) -> None:
    started = time.perf_counter()
    result = run(level, prog)
    elapsed = time.perf_counter() - started
    # 10 * 300 evaluations and 300 actions at most: far below a second even on a slow PC.
    assert elapsed < 1.0
    outcome = result.outcomes[0]
    event(outcome.status)
    assert outcome.status in STATUSES
    assert 0 <= outcome.steps <= level.max_steps
    assert outcome.stars in ((1, 2, 3) if outcome.status == "success" else (0,))
    assert outcome.blocks == sum(1 for _ in walk(prog.statements))


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(levels(), programs())
def test_trace_replays_through_the_rules(level: Level, prog: Program) -> None:
    outcome = run(level, prog).outcomes[0]
    board = level.boards[0]
    blocks = list(walk(prog.statements))
    trace = outcome.trace
    assert trace[0].step == 0 and trace[0].state == board.start
    assert len(trace) == outcome.steps + 1
    state = board.start
    for number, frame in enumerate(trace[1:], start=1):
        assert frame.step == number
        assert blocks[frame.block_id] == Action(frame.action)
        state, failure = act(board, state, frame.action)
        assert frame.state == state
        last = number == len(trace) - 1
        assert (failure is None) or (last and frame.status == failure)
        assert frame.status is None or last
    assert outcome.state == state


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(levels(), programs())
def test_recording_changes_nothing_but_the_trace(level: Level, prog: Program) -> None:
    full = run(level, prog).outcomes[0]
    short = run(level, prog, record=False).outcomes[0]
    assert (short.status, short.steps, short.state, short.block_id, short.stars) == (
        full.status,
        full.steps,
        full.state,
        full.block_id,
        full.stars,
    )
    assert run(level, prog) == run(level, prog)
