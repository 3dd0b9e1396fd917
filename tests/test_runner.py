"""Runs of programs on levels: every way a run ends, the budgets, the trace, stars, variants."""

from __future__ import annotations

import pytest

from blocks.program import Action, walk
from game.levels import Level
from game.runner import Result, refusal, run, stars_for
from game.world.outcome import Frame, Outcome
from game.world.rules import act
from game.world.tiles import FACINGS
from tests.conftest import make_level, program


def run_text(level: Level, text: str, record: bool = True) -> Outcome:
    result = run(level, program(text), record)
    assert len(result.outcomes) == 1
    return result.outcomes[0]


def where(level: Level, outcome: Outcome) -> tuple[int, int, str]:
    x, y = level.boards[0].xy(outcome.state.pos)
    return x, y, FACINGS[outcome.state.facing]


# --- success and the goal check after every action ------------------------------------


def test_success_ends_on_the_flag_with_stars() -> None:
    level = make_level(">.F")
    outcome = run_text(level, "[forward, forward]")
    assert (outcome.status, outcome.steps, outcome.blocks, outcome.stars) == ("success", 2, 2, 3)
    assert where(level, outcome) == (2, 0, "east")
    assert outcome.block_id == 1
    assert outcome.trace[-1].status == "success"


def test_goals_are_checked_after_every_action_and_end_the_run_at_once() -> None:
    level = make_level(">F..")
    outcome = run_text(level, "[forward, forward, turn_left, forward]")
    assert (outcome.status, outcome.steps) == ("success", 1)
    assert len(outcome.trace) == 2


def test_success_inside_a_loop_stops_the_loop() -> None:
    level = make_level(">..F..")
    outcome = run_text(level, "- while: path_ahead\n  do: [forward]\n")
    assert (outcome.status, outcome.steps) == ("success", 3)


def test_every_goal_must_hold() -> None:
    level = make_level(">*F", goals="[collect_gems, reach_goal]")
    assert run_text(level, "[forward, forward]").status == "incomplete"
    assert run_text(level, "[forward, pick_up, forward]").status == "success"


def test_pushing_the_last_crate_onto_its_target_succeeds() -> None:
    level = make_level(">B.o", goals="[crates_on_targets]")
    outcome = run_text(level, "[forward, forward]")
    assert (outcome.status, outcome.steps) == ("success", 2)
    assert outcome.state.crates == {level.boards[0].cell(3, 0)}


# --- failures -------------------------------------------------------------------------


def test_crash_into_a_wall_keeps_the_robot_in_place() -> None:
    level = make_level("#>.F")
    outcome = run_text(level, "[turn_left, turn_left, forward, forward]")
    assert (outcome.status, outcome.steps) == ("crashed", 3)
    assert where(level, outcome) == (1, 0, "west")
    assert outcome.block_id == 2


def test_crash_off_the_map() -> None:
    level = make_level(">.F")
    outcome = run_text(level, "[turn_left, forward]")
    assert (outcome.status, outcome.steps) == ("crashed", 2)
    assert where(level, outcome) == (0, 0, "north")


@pytest.mark.parametrize("char", ["#", "B", "*", "F", "~"])
def test_crate_that_cannot_move_is_a_crash(char: str) -> None:
    level = make_level(f">B{char}*", goals="[collect_gems]")
    outcome = run_text(level, "[forward]")
    assert (outcome.status, outcome.steps) == ("crashed", 1)
    assert where(level, outcome) == (0, 0, "east")
    assert outcome.state.crates == level.boards[0].start.crates


@pytest.mark.parametrize("char", [".", "r", "g", "b", "y", "o"])
def test_crate_pushed_onto_floor_colour_or_empty_target(char: str) -> None:
    level = make_level(f">B{char}.F")
    outcome = run_text(level, "[forward]")
    assert (outcome.status, outcome.steps) == ("incomplete", 1)
    assert outcome.state.crates == {level.boards[0].cell(2, 0)}


def test_walking_into_water_falls() -> None:
    level = make_level(">~F")
    outcome = run_text(level, "[forward, forward]")
    assert (outcome.status, outcome.steps) == ("fell", 1)
    assert where(level, outcome) == (1, 0, "east")


def test_pick_up_with_no_gem() -> None:
    level = make_level(">.*", goals="[collect_gems]")
    outcome = run_text(level, "[forward, pick_up]")
    assert (outcome.status, outcome.steps) == ("no_gem", 2)
    assert outcome.state.gems == level.boards[0].start.gems


def test_program_that_finishes_early_is_incomplete() -> None:
    level = make_level(">..F")
    outcome = run_text(level, "[forward]")
    assert (outcome.status, outcome.steps, outcome.stars, outcome.block_id) == (
        "incomplete",
        1,
        0,
        -1,
    )


def test_empty_program_is_incomplete_with_no_steps() -> None:
    outcome = run_text(make_level(">.F"), "[]")
    assert (outcome.status, outcome.steps) == ("incomplete", 0)
    assert len(outcome.trace) == 1


# --- budgets --------------------------------------------------------------------------


def test_step_max_steps_plus_one_is_out_of_steps() -> None:
    level = make_level(">.F", extra="max_steps: 5\n")
    outcome = run_text(level, "- repeat: 10\n  do: [turn_left]\n")
    assert (outcome.status, outcome.steps) == ("out_of_steps", 5)
    assert outcome.block_id == 1
    assert len(outcome.trace) == 6


def test_exactly_max_steps_actions_is_not_out_of_steps() -> None:
    level = make_level(">....F", extra="max_steps: 5\n")
    assert run_text(level, "- repeat: 5\n  do: [turn_left]\n").status == "incomplete"
    outcome = run_text(level, "- repeat: 5\n  do: [forward]\n")
    assert (outcome.status, outcome.steps) == ("success", 5)


def test_loop_with_no_action_is_out_of_steps() -> None:
    level = make_level(">.F")
    outcome = run_text(level, "- while: not at_goal\n  do: []\n")
    assert (outcome.status, outcome.steps) == ("out_of_steps", 0)
    assert outcome.block_id == 0


@pytest.mark.parametrize(("empty_rounds", "status"), [(28, "success"), (29, "out_of_steps")])
def test_evaluation_budget_is_ten_times_max_steps(empty_rounds: int, status: str) -> None:
    # `repeat N: []` costs N + 1 checks and `forward` one more: 30 evaluations fit in 10 * 3.
    level = make_level(">F", extra="max_steps: 3\n")
    outcome = run_text(level, f"- repeat: {empty_rounds}\n  do: []\n- forward\n")
    assert outcome.status == status


def test_endless_recursion_is_out_of_steps() -> None:
    outcome = run_text(make_level(">.F"), "- define: f\n  do: [call: f]\n- call: f\n")
    assert (outcome.status, outcome.steps) == ("out_of_steps", 0)


def test_calls_deeper_than_one_thousand_are_out_of_steps() -> None:
    level = make_level(">.F", extra="max_steps: 5000\n")
    outcome = run_text(level, "- define: f\n  do: [turn_left, call: f]\n- call: f\n")
    assert (outcome.status, outcome.steps) == ("out_of_steps", 1000)


def test_many_calls_that_return_are_not_too_deep() -> None:
    level = make_level(">.F", extra="max_steps: 20000\n")
    text = "- define: f\n  do: [turn_left]\n- repeat: 99\n  do:\n    - repeat: 99\n      do: [call: f]\n"
    outcome = run_text(level, text, record=False)
    assert (outcome.status, outcome.steps) == ("incomplete", 99 * 99)


# --- refusals -------------------------------------------------------------------------


def refused(level: Level, text: str) -> Outcome:
    outcome = run_text(level, text)
    assert outcome.steps == 0 and outcome.stars == 0
    assert outcome.trace == (Frame(0, -1, "", level.boards[0].start),)
    assert outcome.state == level.boards[0].start
    return outcome


def test_block_outside_the_palette_is_refused() -> None:
    level = make_level(">.F", blocks="[forward]")
    assert refused(level, "[forward, turn_left]").status == "block_not_allowed"


IF_PROGRAM = "- if: path_ahead\n  do: [forward]\n"
IF_ELSE_PROGRAM = "- if: path_ahead\n  do: [forward]\n  else: [turn_left]\n"


def test_if_and_if_else_are_different_blocks() -> None:
    only_if = make_level(">.F", blocks="[forward, turn_left, if]")
    only_else = make_level(">.F", blocks="[forward, turn_left, if_else]")
    assert refused(only_if, IF_ELSE_PROGRAM).status == "block_not_allowed"
    assert refused(only_else, IF_PROGRAM).status == "block_not_allowed"
    assert run_text(only_if, IF_PROGRAM).status == "incomplete"
    assert run_text(only_else, IF_ELSE_PROGRAM).status == "incomplete"


def test_define_and_call_need_the_function_block() -> None:
    level = make_level(">.F", blocks="[forward]")
    assert refused(level, "- define: f\n  do: [forward]\n").status == "block_not_allowed"
    with_function = make_level(">.F", blocks="[forward, function]")
    text = "- define: f\n  do: [forward]\n- call: f\n- call: f\n"
    assert run_text(with_function, text).status == "success"


def test_more_blocks_than_max_blocks_is_refused() -> None:
    level = make_level(">..F", extra="max_blocks: 2\n")
    assert run_text(level, "- repeat: 3\n  do: [forward]\n").status == "success"
    text = "- repeat: 3\n  do: [forward, turn_left]\n"
    assert refused(level, text).status == "too_many_blocks"


def test_block_not_allowed_is_reported_before_too_many_blocks() -> None:
    level = make_level(">..F", blocks="[forward]", extra="max_blocks: 1\n")
    assert refusal(level, program("[forward, turn_left, forward]")) == "block_not_allowed"


# --- trace ----------------------------------------------------------------------------

TRACED = """\
- define: step
  do: [forward]
- call: step
- repeat: 2
  do:
    - if: path_ahead
      do: [call: step]
      else: [turn_right]
- forward
"""


def test_trace_has_one_frame_per_action_with_its_block() -> None:
    level = make_level(">..\n#.F")
    outcome = run_text(level, TRACED)
    b = level.boards[0]
    state = b.start
    expected = [Frame(0, -1, "", state)]
    # forward (block 1, via the call), forward (1, via the if's call), turn_right (6), forward (7)
    for step, (block_id, action) in enumerate(
        [(1, "forward"), (1, "forward"), (6, "turn_right"), (7, "forward")], start=1
    ):
        state, failure = act(b, state, action)
        assert failure is None
        expected.append(Frame(step, block_id, action, state, "success" if step == 4 else None))
    assert list(outcome.trace) == expected
    assert outcome.status == "success"
    assert b.xy(outcome.state.pos) == (2, 1)


def test_trace_block_ids_name_the_action_that_acted() -> None:
    level = make_level(">..\n#.F")
    prog = program(TRACED)
    blocks = list(walk(prog.statements))
    outcome = run(level, prog).outcomes[0]
    for frame in outcome.trace[1:]:
        assert blocks[frame.block_id] == Action(frame.action)


def test_trace_of_a_crash_ends_with_its_status() -> None:
    level = make_level(">#F\n...")
    outcome = run_text(level, "[turn_right, turn_left, forward]")
    assert [f.action for f in outcome.trace] == ["", "turn_right", "turn_left", "forward"]
    assert [f.status for f in outcome.trace] == [None, None, None, "crashed"]
    assert [f.step for f in outcome.trace] == [0, 1, 2, 3]


def test_without_recording_the_trace_is_the_start_and_the_end() -> None:
    level = make_level(">..\n#.F")
    full = run_text(level, TRACED)
    short = run_text(level, TRACED, record=False)
    assert (short.status, short.steps, short.state, short.block_id) == (
        full.status,
        full.steps,
        full.state,
        full.block_id,
    )
    assert short.trace == (full.trace[0], Frame(4, 7, "", full.state, "success"))


def test_runs_are_deterministic() -> None:
    level = make_level("~.*..\n.#.#.\n>.*.F", goals="[collect_gems, reach_goal]")
    text = """\
- repeat: 30
  do:
    - if: gem_here
      do: [pick_up]
    - if: path_ahead
      do: [forward]
      else: [turn_left]
"""
    first = run(level, program(text))
    second = run(level, program(text))
    assert first == second
    assert first.outcomes[0].steps > 10


# --- stars ----------------------------------------------------------------------------

FIVE = make_level(">....F", extra="stars: [2, 3]\n")


@pytest.mark.parametrize(
    ("text", "stars"),
    [
        ("- repeat: 5\n  do: [forward]\n", 3),
        ("- forward\n- repeat: 4\n  do: [forward]\n", 2),
        ("- forward\n- forward\n- repeat: 3\n  do: [forward]\n", 1),
        ("- repeat: 4\n  do: [forward]\n", 0),
    ],
)
def test_stars_follow_the_block_count(text: str, stars: int) -> None:
    assert run_text(FIVE, text).stars == stars


def test_without_stars_every_success_earns_three() -> None:
    level = make_level(">.F")
    assert run_text(level, "[forward, turn_left, turn_right, forward]").stars == 3
    assert stars_for(level, 1000) == 3


def test_stars_thresholds_are_inclusive() -> None:
    assert [stars_for(FIVE, n) for n in range(1, 6)] == [3, 3, 2, 1, 1]


# --- variants -------------------------------------------------------------------------

VARIANTS = "variants:\n  - |\n    >..F\n  - |\n    F.\n    ^.\n"


def test_a_level_with_variants_runs_every_board() -> None:
    level = make_level(">.F", extra=VARIANTS)
    assert len(level.boards) == 3
    result = run(level, program("- until: at_goal\n  do: [forward]\n"))
    assert [o.status for o in result.outcomes] == ["success"] * 3
    assert result.status == "success"
    assert [o.steps for o in result.outcomes] == [2, 3, 1]
    assert [level.boards[i].xy(o.state.pos) for i, o in enumerate(result.outcomes)] == [
        (2, 0),
        (3, 0),
        (0, 0),
    ]


def test_variants_succeed_only_if_every_board_succeeds() -> None:
    level = make_level(">.F", extra=VARIANTS)
    result = run(level, program("[forward, forward]"))
    assert [o.status for o in result.outcomes] == ["success", "incomplete", "success"]
    assert result.status == "incomplete"
    assert result.first is result.outcomes[1]


def test_result_status_is_the_first_failure() -> None:
    level = make_level(">.F", extra=VARIANTS)
    result = run(level, program("[turn_right, forward]"))
    assert isinstance(result, Result)
    assert [o.status for o in result.outcomes] == ["crashed", "crashed", "incomplete"]
    assert result.status == "crashed"
    assert result.first is result.outcomes[0]
