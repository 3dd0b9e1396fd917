"""The grid world's rules, sensors and goals (levels.md, "How a run goes" and "Sensors")."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from blocks.catalogue import ACTIONS
from game.world.board import Board, State, board_from_rows
from game.world.packed import DONE, FAILED, PackedBoard
from game.world.rules import GOALS, Goal, act, goals_met, sense
from game.world.tiles import FACINGS

NORTH, EAST, SOUTH, WEST = range(4)


def board(*rows: str) -> Board:
    return board_from_rows(list(rows))


def facing(state: State, direction: int) -> State:
    return state._replace(facing=direction)


def at(b: Board, x: int, y: int) -> int:
    return b.cell(x, y)


# --- boards ---------------------------------------------------------------------------


def test_board_reads_robot_gems_crates_flag_and_targets() -> None:
    b = board("#####", "#>*B#", "#oF.#")
    assert (b.width, b.height) == (5, 3)
    assert b.xy(b.start.pos) == (1, 1)
    assert FACINGS[b.start.facing] == "east"
    assert b.start.gems == {at(b, 2, 1)}
    assert b.start.crates == {at(b, 3, 1)}
    assert b.flags == {at(b, 2, 2)}
    assert b.targets == {at(b, 1, 2)}


@pytest.mark.parametrize(
    ("arrow", "name"), [("^", "north"), (">", "east"), ("v", "south"), ("<", "west")]
)
def test_robot_arrow_sets_facing(arrow: str, name: str) -> None:
    assert FACINGS[board(f".{arrow}.").start.facing] == name


def test_cell_and_xy_are_inverse_over_the_whole_map() -> None:
    b = board("....", ".>..", "....")
    assert all(b.xy(b.cell(x, y)) == (x, y) for x in range(4) for y in range(3))


# --- forward --------------------------------------------------------------------------


@pytest.mark.parametrize("char", [".", "r", "g", "b", "y", "F", "o", "*"])
def test_forward_moves_onto_walkable_ground(char: str) -> None:
    b = board(f">{char}")
    state, failure = act(b, b.start, "forward")
    assert failure is None
    assert b.xy(state.pos) == (1, 0)
    assert state.facing == EAST
    assert state.gems == b.start.gems


def test_forward_moves_in_each_direction() -> None:
    b = board("...", ".^.", "...")
    moves = {NORTH: (1, 0), EAST: (2, 1), SOUTH: (1, 2), WEST: (0, 1)}
    for direction, place in moves.items():
        state, failure = act(b, facing(b.start, direction), "forward")
        assert failure is None
        assert b.xy(state.pos) == place


def test_forward_into_wall_crashes_and_stays() -> None:
    b = board(">#.")
    state, failure = act(b, b.start, "forward")
    assert failure == "crashed"
    assert state == b.start


@pytest.mark.parametrize("direction", [NORTH, EAST, SOUTH, WEST])
def test_forward_off_the_map_crashes_and_stays(direction: int) -> None:
    b = board("^")
    state, failure = act(b, facing(b.start, direction), "forward")
    assert failure == "crashed"
    assert state.pos == b.start.pos


def test_short_rows_are_padded_with_wall() -> None:
    b = board("....", "v", "....")
    b2 = board("....", ">", "....")
    _, failure = act(b2, b2.start, "forward")
    assert failure == "crashed"
    state, failure = act(b, b.start, "forward")
    assert failure is None and b.xy(state.pos) == (0, 2)


def test_forward_into_water_moves_and_falls() -> None:
    b = board(">~.")
    state, failure = act(b, b.start, "forward")
    assert failure == "fell"
    assert b.xy(state.pos) == (1, 0)


@pytest.mark.parametrize("char", [".", "r", "g", "b", "y", "o"])
def test_crate_is_pushed_onto_floor_colour_or_empty_target(char: str) -> None:
    b = board(f">B{char}")
    state, failure = act(b, b.start, "forward")
    assert failure is None
    assert b.xy(state.pos) == (1, 0)
    assert state.crates == {at(b, 2, 0)}


@pytest.mark.parametrize("row", [">B#", ">BB", ">B*", ">BF", ">B~", ">B"])
def test_crate_blocked_by_wall_crate_gem_flag_water_or_map_edge_crashes(row: str) -> None:
    b = board(row)
    state, failure = act(b, b.start, "forward")
    assert failure == "crashed"
    assert state == b.start


def test_crate_cannot_be_pushed_onto_a_target_holding_a_crate() -> None:
    b = board(">Bo")
    start = b.start._replace(crates=frozenset({at(b, 1, 0), at(b, 2, 0)}))
    state, failure = act(b, start, "forward")
    assert failure == "crashed"
    assert state == start


def test_crate_pushed_twice_along_a_row() -> None:
    b = board(">B..")
    state, _ = act(b, b.start, "forward")
    state, failure = act(b, state, "forward")
    assert failure is None
    assert b.xy(state.pos) == (2, 0)
    assert state.crates == {at(b, 3, 0)}


def test_pushing_a_crate_does_not_disturb_gems_or_the_start_state() -> None:
    b = board("*>B.")
    start = b.start
    state, _ = act(b, start, "forward")
    assert state.gems == {at(b, 0, 0)}
    assert b.start == start
    assert start.crates == {at(b, 2, 0)}


# --- turns and pick_up ----------------------------------------------------------------


def test_turns_go_round_both_ways() -> None:
    b = board("^")
    state = b.start
    seen = []
    for _ in range(4):
        state, failure = act(b, state, "turn_right")
        assert failure is None and state.pos == b.start.pos
        seen.append(FACINGS[state.facing])
    assert seen == ["east", "south", "west", "north"]
    for _ in range(4):
        state, _ = act(b, state, "turn_left")
        seen.append(FACINGS[state.facing])
    assert seen[4:] == ["west", "south", "east", "north"]


def test_pick_up_takes_the_gem_here_only() -> None:
    b = board(">*.*")
    state, _ = act(b, b.start, "forward")
    state, failure = act(b, state, "pick_up")
    assert failure is None
    assert state.gems == {at(b, 3, 0)}


def test_pick_up_without_gem_is_no_gem() -> None:
    b = board(">*")
    state, failure = act(b, b.start, "pick_up")
    assert failure == "no_gem"
    assert state == b.start


def test_pick_up_twice_on_the_same_cell_is_no_gem() -> None:
    b = board(">*")
    state, _ = act(b, b.start, "forward")
    state, _ = act(b, state, "pick_up")
    _, failure = act(b, state, "pick_up")
    assert failure == "no_gem"


def test_unknown_action_is_refused() -> None:
    b = board(">.")
    with pytest.raises(ValueError):
        act(b, b.start, "jump")


# --- sensors --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("char", "expected"),
    [
        (".", True),
        ("r", True),
        ("g", True),
        ("b", True),
        ("y", True),
        ("F", True),
        ("*", True),
        ("o", True),
        ("#", False),
        ("~", False),
        ("B", False),
    ],
)
def test_path_sensors_in_every_direction(char: str, expected: bool) -> None:
    # The robot faces north in the middle; the tested tile is on one side, floor elsewhere.
    for direction, sensor in ((NORTH, "path_ahead"), (WEST, "path_left"), (EAST, "path_right")):
        rows = ["...", ".^.", "..."]
        x, y = {NORTH: (1, 0), WEST: (0, 1), EAST: (2, 1)}[direction]
        rows[y] = rows[y][:x] + char + rows[y][x + 1 :]
        b = board(*rows)
        assert sense(b, b.start, sensor) is expected, (char, sensor)
        others = {"path_ahead", "path_left", "path_right"} - {sensor}
        assert all(sense(b, b.start, other) for other in others)


def test_path_sensors_turn_with_the_robot() -> None:
    b = board("#.#", "#>.", "###")
    assert sense(b, b.start, "path_ahead")
    assert sense(b, b.start, "path_left")
    assert not sense(b, b.start, "path_right")
    south = facing(b.start, SOUTH)
    assert not sense(b, south, "path_ahead")
    assert sense(b, south, "path_left")
    assert not sense(b, south, "path_right")


def test_path_sensors_see_no_path_off_the_map() -> None:
    b = board("^")
    for sensor in ("path_ahead", "path_left", "path_right"):
        assert not sense(b, b.start, sensor)


def test_path_sensor_sees_a_crate_pushed_away() -> None:
    b = board(">B..")
    assert not sense(b, b.start, "path_ahead")
    state, _ = act(b, b.start, "forward")
    assert not sense(b, state, "path_ahead")
    state, _ = act(b, state, "turn_left")
    state, _ = act(b, state, "turn_left")
    assert sense(b, state, "path_ahead")


@pytest.mark.parametrize(
    ("row", "wall", "water", "crate"),
    [
        (">#", True, False, False),
        (">", True, False, False),
        (">~", False, True, False),
        (">B", False, False, True),
        (">.", False, False, False),
        (">*", False, False, False),
    ],
)
def test_ahead_sensors(row: str, wall: bool, water: bool, crate: bool) -> None:
    b = board(row)
    assert sense(b, b.start, "wall_ahead") is wall
    assert sense(b, b.start, "water_ahead") is water
    assert sense(b, b.start, "crate_ahead") is crate


def test_gem_here_follows_pick_up() -> None:
    b = board(">*")
    assert not sense(b, b.start, "gem_here")
    state, _ = act(b, b.start, "forward")
    assert sense(b, state, "gem_here")
    state, _ = act(b, state, "pick_up")
    assert not sense(b, state, "gem_here")


def test_at_goal_only_on_the_flag() -> None:
    b = board(">F.")
    assert not sense(b, b.start, "at_goal")
    state, _ = act(b, b.start, "forward")
    assert sense(b, state, "at_goal")
    state, _ = act(b, state, "forward")
    assert not sense(b, state, "at_goal")


@pytest.mark.parametrize("colour", ["red", "green", "blue", "yellow"])
def test_colour_sensors(colour: str) -> None:
    b = board(">rgby")
    state = b.start
    for char in "rgby":
        state, _ = act(b, state, "forward")
        on = {"r": "red", "g": "green", "b": "blue", "y": "yellow"}[char]
        assert sense(b, state, f"on_{colour}") is (on == colour)
    assert not sense(b, b.start, f"on_{colour}")


def test_unknown_sensor_is_refused() -> None:
    b = board(">.")
    with pytest.raises(ValueError):
        sense(b, b.start, "smell_ahead")


# --- goals ----------------------------------------------------------------------------


def test_reach_goal_needs_the_flag() -> None:
    b = board(">F")
    assert not goals_met(b, ("reach_goal",), b.start)
    state, _ = act(b, b.start, "forward")
    assert goals_met(b, ("reach_goal",), state)


def test_collect_gems_needs_every_gem() -> None:
    b = board(">**")
    state, _ = act(b, b.start, "forward")
    state, _ = act(b, state, "pick_up")
    assert not goals_met(b, ("collect_gems",), state)
    state, _ = act(b, state, "forward")
    state, _ = act(b, state, "pick_up")
    assert goals_met(b, ("collect_gems",), state)


def test_crates_on_targets_needs_every_target_filled() -> None:
    b = board(">B.o", "..Bo")
    state, _ = act(b, b.start, "forward")
    state, _ = act(b, state, "forward")
    assert not goals_met(b, ("crates_on_targets",), state)
    filled = state._replace(crates=frozenset(b.targets))
    assert goals_met(b, ("crates_on_targets",), filled)


def test_all_goals_must_hold_together() -> None:
    b = board(">*F")
    goals = ("collect_gems", "reach_goal")
    state, _ = act(b, b.start, "forward")
    state, _ = act(b, state, "forward")
    assert not goals_met(b, goals, state)
    state = state._replace(gems=frozenset())
    assert goals_met(b, goals, state)


# --- packed boards agree with the rules -----------------------------------------------


@st.composite
def boards_and_actions(draw: st.DrawFn) -> tuple[Board, tuple[Goal, ...], list[str]]:
    width, height = draw(st.integers(1, 5)), draw(st.integers(1, 4))
    chars = [draw(st.sampled_from("...#~*BoFrgby")) for _ in range(width * height)]
    chars[draw(st.integers(0, width * height - 1))] = draw(st.sampled_from("<>^v"))
    rows = ["".join(chars[y * width : (y + 1) * width]) for y in range(height)]
    goals = draw(st.lists(st.sampled_from(GOALS), min_size=1, max_size=3, unique=True))
    return (
        board_from_rows(rows),
        tuple(goals),
        draw(st.lists(st.sampled_from(ACTIONS), max_size=30)),
    )


@settings(max_examples=300, deadline=None)
@given(boards_and_actions())
def test_packed_board_follows_the_rules(case: tuple[Board, tuple[Goal, ...], list[str]]) -> None:
    b, goals, actions = case
    packed = PackedBoard(b, goals)
    state = b.start
    code = packed.pack(state)
    assert packed.unpack(code) == state
    if goals_met(b, goals, state):
        assert packed.finish(code) == DONE
        return
    assert packed.finish(code) == code
    for action in actions:
        after, failure = act(b, state, action)
        result = packed.step(action)(code)
        if failure is not None:
            assert result == FAILED
            return
        if goals_met(b, goals, after):
            assert result == DONE
            return
        assert result not in (DONE, FAILED)
        assert packed.unpack(result) == after
        assert packed.may_work(action, code & packed.place_mask)
        state, code = after, result


def test_packed_prune_refuses_pushing_a_crate_along_a_wall_with_no_target() -> None:
    # Against the top wall the crate could only slide along row 1, where no target is.
    b = board("######", "#....#", "#.B..#", "#.^..#", "#o...#", "######")
    goals: tuple[Goal, ...] = ("crates_on_targets",)
    start = PackedBoard(b, goals).pack(b.start)
    assert PackedBoard(b, goals, prune=True).forward(start) == FAILED
    assert PackedBoard(b, goals).forward(start) not in (DONE, FAILED)
    # Pushed down instead, it can still reach the target along the bottom row.
    south = PackedBoard(b, goals).pack(b.start._replace(pos=b.cell(2, 1), facing=SOUTH))
    assert PackedBoard(b, goals, prune=True).forward(south) not in (DONE, FAILED)


def test_packed_prune_refuses_pushing_a_crate_into_a_corner() -> None:
    b = board("#####", "#>B.#", "#..o#", "#####")
    goals: tuple[Goal, ...] = ("crates_on_targets",)
    start = PackedBoard(b, goals, prune=True).pack(b.start)
    assert PackedBoard(b, goals, prune=True).forward(start) == FAILED
    assert PackedBoard(b, goals).forward(start) not in (DONE, FAILED)
    # With a crate more than targets, a cornered crate may be the spare one: no pruning.
    spare = board("#####", "#>B.#", "#.Bo#", "#####")
    spare_start = PackedBoard(spare, goals).pack(spare.start)
    assert PackedBoard(spare, goals, prune=True).forward(spare_start) not in (DONE, FAILED)


def test_packed_goal_needs_targets_filled_not_every_crate_home() -> None:
    b = board(">Bo", "B..")
    goals: tuple[Goal, ...] = ("crates_on_targets",)
    packed = PackedBoard(b, goals)
    after, _ = act(b, b.start, "forward")
    assert goals_met(b, goals, after)
    assert packed.forward(packed.pack(b.start)) == DONE
