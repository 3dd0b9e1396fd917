"""The solver finds a true shortest action sequence, on every board at once, within max_steps."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from blocks.program import Action, Program
from game.levels import Level
from game.runner import run
from game.solver import palette_actions, shortest
from game.world.board import State
from game.world.rules import act, goals_met
from tests.conftest import make_level


def replay(level: Level, actions: tuple[str, ...]) -> str:
    """The status of running the actions as a flat program through the runner."""
    return run(level, Program(tuple(Action(a) for a in actions)), record=False).status


def brute_force(level: Level, longest: int) -> int | None:
    """The shortest length of a palette action sequence solving every board, by trying every
    sequence up to `longest` actions (no merging of equal states, unlike the solver).

    A board whose goals are met is done (its run ended in success) whatever comes after;
    a sequence that fails on a board that is not done is no answer.
    """
    actions = palette_actions(level)
    best: int | None = None

    def explore(states: tuple[State | None, ...], length: int) -> None:
        nonlocal best
        if all(state is None for state in states):
            best = length if best is None else min(best, length)
            return
        if length == longest or (best is not None and length >= best):
            return
        for action in actions:
            after = _step(level, states, action)
            if after is not None:
                explore(after, length + 1)

    explore(tuple(board.start for board in level.boards), 0)
    return best


def _step(
    level: Level, states: tuple[State | None, ...], action: str
) -> tuple[State | None, ...] | None:
    """Every board after one action (None for a finished board), or None if one fails."""
    after: list[State | None] = []
    for board, state in zip(level.boards, states, strict=True):
        if state is None:
            after.append(None)
            continue
        state, failure = act(board, state, action)
        if failure is not None:
            return None
        after.append(None if goals_met(board, level.goals, state) else state)
    return tuple(after)


def _solves(level: Level, sequence: tuple[str, ...]) -> bool:
    states: tuple[State | None, ...] | None = tuple(board.start for board in level.boards)
    for action in sequence:
        assert states is not None
        states = _step(level, states, action)
        if states is None:
            return False
    return states is not None and all(state is None for state in states)


def test_corridor_with_a_gem() -> None:
    level = make_level("#######\n#>.*.F#\n#######", goals="[collect_gems, reach_goal]")
    search = shortest(level)
    assert search.actions == ("forward", "forward", "pick_up", "forward", "forward")
    assert search.complete


def test_turns_around_a_corner() -> None:
    level = make_level("#####\n#>..#\n###.#\n###F#\n#####")
    search = shortest(level)
    assert search.actions is not None and len(search.actions) == 5
    assert replay(level, search.actions) == "success"


def test_only_palette_actions_are_used() -> None:
    level = make_level("F.\n^.", blocks="[forward, turn_right]")
    search = shortest(level)
    assert search.actions == ("forward",)
    around = make_level(".F\n^.", blocks="[forward, turn_right]")
    found = shortest(around).actions
    assert found is not None and "turn_left" not in found
    assert found == ("forward", "turn_right", "forward")


def test_crate_must_be_pushed_around() -> None:
    level = make_level(
        "######\n#....#\n#>B..#\n#....#\n#..o.#\n######",
        goals="[crates_on_targets]",
        blocks="[forward, turn_left, turn_right]",
    )
    search = shortest(level)
    assert search.actions is not None
    assert replay(level, search.actions) == "success"
    assert len(search.actions) == 8
    assert brute_force(level, 8) == 8


def test_unsolvable_level_is_reported_complete() -> None:
    level = make_level(">.#F")
    search = shortest(level)
    assert search.actions is None
    assert search.complete


def test_gem_behind_water_is_unsolvable() -> None:
    level = make_level(">~*", goals="[collect_gems]")
    search = shortest(level)
    assert (search.actions, search.complete) == (None, True)


def test_max_steps_bounds_the_search() -> None:
    level = make_level(">.....F", extra="max_steps: 6\n")
    assert shortest(level).actions == ("forward",) * 6
    tight = make_level(">.....F", extra="max_steps: 5\n")
    search = shortest(tight)
    assert (search.actions, search.complete) == (None, True)


def test_state_limit_gives_up_without_claiming_unsolvable() -> None:
    level = make_level(
        "..........\n..........\n....>.....\n..........\n*........*",
        goals="[collect_gems]",
    )
    search = shortest(level, state_limit=50)
    assert search.actions is None
    assert not search.complete
    assert search.explored > 50
    assert shortest(level).complete


def test_variants_need_one_sequence_for_every_board() -> None:
    # The first map alone needs 2 forwards, the variant alone a left turn; together the
    # robot must reach the flag on the first map while turning safely on the second.
    level = make_level(">.F\n...", extra="variants:\n  - |\n    ...\n    #>#\n    .F.\n")
    search = shortest(level)
    assert search.actions is not None
    assert [o.status for o in run(level, Program(tuple(map(Action, search.actions)))).outcomes] == [
        "success",
        "success",
    ]
    assert len(search.actions) == brute_force(level, len(search.actions))
    assert len(search.actions) > 2


def test_variant_that_cannot_be_solved_together() -> None:
    # The robots face opposite ways and turn together: a forward always crashes one of them.
    level = make_level(">F", extra="variants:\n  - |\n    <F\n")
    search = shortest(level)
    assert (search.actions, search.complete) == (None, True)
    assert shortest(make_level("<F")).actions == ("turn_left", "turn_left", "forward")


def test_finished_board_ignores_later_actions() -> None:
    # The first board is solved by one forward, after which further forwards would crash it.
    level = make_level(">F#", extra="variants:\n  - |\n    >..F\n")
    assert shortest(level).actions == ("forward",) * 3


# --- against brute force on random small levels -----------------------------------------

CELLS = "........#~*Bo"


@st.composite
def small_levels(draw: st.DrawFn) -> Level:
    """A well-formed map of 3x1 to 4x3 cells, with goals its items allow, and max_steps <= 7."""
    width = draw(st.integers(3, 4))
    height = draw(st.integers(1, 3))
    size = width * height
    chars = [draw(st.sampled_from(CELLS)) for _ in range(size)]
    places = draw(st.permutations(range(size)))
    robot, flag, gem = places[:3]
    chars[robot] = draw(st.sampled_from("<>^v"))
    chars[flag] = "F"
    goals = []
    if draw(st.booleans()):
        goals.append("reach_goal")
    if draw(st.booleans()):
        goals.append("collect_gems")
        chars[gem] = "*"
    if size >= 5 and draw(st.booleans()):
        chars = ["." if c in "Bo" else c for c in chars]
        chars[places[3]], chars[places[4]] = "B", "o"
    crates, targets = chars.count("B"), chars.count("o")
    if crates and crates == targets and draw(st.booleans()):
        goals.append("crates_on_targets")
    if not goals:
        goals.append("reach_goal")
    rows = "\n".join("".join(chars[y * width : (y + 1) * width]) for y in range(height))
    palette = draw(
        st.sampled_from(["forward, turn_left, turn_right, pick_up", "forward, turn_right, pick_up"])
    )
    max_steps = draw(st.integers(1, 7))
    return make_level(
        rows,
        goals=f"[{', '.join(goals)}]",
        blocks=f"[{palette}]",
        extra=f"max_steps: {max_steps}\n",
    )


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(small_levels())
def test_solver_matches_brute_force(level: Level) -> None:
    if any(goals_met(board, level.goals, board.start) for board in level.boards):
        return
    search = shortest(level)
    expected = brute_force(level, level.max_steps)
    assert search.complete
    if expected is None:
        assert search.actions is None
    else:
        assert search.actions is not None
        assert len(search.actions) == expected
        assert replay(level, search.actions) == "success"


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(small_levels(), small_levels())
def test_solver_matches_brute_force_on_variants(first: Level, second: Level) -> None:
    boards = first.boards + second.boards
    goals = tuple(g for g in first.goals if g in second.goals) or ("reach_goal",)
    level = Level(
        id="v", title={"*": "v"}, boards=boards, goals=goals, blocks=first.blocks, max_steps=6
    )
    if any(goals_met(board, level.goals, board.start) for board in level.boards):
        return
    search = shortest(level)
    expected = brute_force(level, level.max_steps)
    if expected is None:
        assert search.actions is None
    else:
        assert search.actions is not None and len(search.actions) == expected
        assert _solves(level, search.actions)
