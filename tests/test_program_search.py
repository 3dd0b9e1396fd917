"""The smallest-program search: sizes known by hand, honesty about what was proved."""

from __future__ import annotations

from blocks.program import Repeat, block_count
from game.program_search import smallest_program
from game.runner import run
from tests.conftest import make_level

EVERYTHING = "[forward, turn_left, turn_right, pick_up, repeat, while, until, if, if_else]"


def test_corridor_of_eight_is_one_repeat_of_forward() -> None:
    level = make_level(
        """
        ##########
        #>.......F#
        ##########
        """,
        blocks="[forward, turn_left, repeat]",
    )
    found = smallest_program(level)
    assert found.proved and found.blocks == 2
    assert found.program is not None
    assert found.program.statements == (Repeat(8, found.program.statements[0].body),)
    assert found.ruled_out == 1


def test_without_loops_the_smallest_program_is_the_shortest_walk() -> None:
    level = make_level(
        """
        #####
        #>.F#
        #####
        """,
        blocks="[forward, turn_left]",
    )
    found = smallest_program(level)
    assert found.proved and found.blocks == 2


def test_variants_need_a_loop_with_a_question() -> None:
    # Three corridors turning at different places: no fixed sequence of actions solves all
    # three, so the program must ask where the path goes.
    level = make_level(
        """
        #######
        #>..###
        ###.###
        ###F###
        #######
        """,
        blocks="[forward, turn_left, turn_right, until, if_else]",
        extra="""variants:
  - |
    #######
    #>.####
    ##.####
    ##.####
    ##F####
    #######
  - |
    #######
    #>....#
    #####.#
    #####F#
    #######
""",
    )
    found = smallest_program(level)
    assert found.proved
    assert found.program is not None
    # until at_goal: if path_ahead: forward else: turn_right  -- nothing smaller works.
    assert found.blocks == 4
    assert run(level, found.program, record=False).status == "success"


def test_a_level_no_program_can_solve_is_proved_unsolvable() -> None:
    level = make_level(
        """
        #####
        #>#F#
        #####
        """,
        blocks=EVERYTHING,
    )
    found = smallest_program(level)
    assert found.program is None and found.proved


def test_running_out_of_time_claims_nothing_beyond_what_was_checked() -> None:
    level = make_level(
        """
        ###########
        #>.*.#.*..#
        #.###.#.#.#
        #*..*...#*#
        #.#.#####.#
        #...*..*.F#
        ###########
        """,
        goals="[collect_gems, reach_goal]",
        blocks=EVERYTHING,
    )
    found = smallest_program(level, budget=0.3)
    assert found.program is None
    assert not found.proved
    assert found.reason == "budget"
    # What was ruled out stays ruled out with more time.
    longer = smallest_program(level, budget=3)
    assert longer.ruled_out >= found.ruled_out
    assert longer.blocks is None or longer.blocks > found.ruled_out


def test_the_program_found_counts_its_blocks() -> None:
    level = make_level(
        """
        ######
        #>.*F#
        ######
        """,
        goals="[collect_gems, reach_goal]",
        blocks=EVERYTHING,
    )
    found = smallest_program(level)
    assert found.program is not None
    assert block_count(found.program) == found.blocks == 4
