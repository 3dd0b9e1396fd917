"""The smallest-program search: sizes known by hand, honesty about what was proved."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from blocks.program import Repeat, block_count
from game.program_search import smallest_program
from game.runner import run
from game.validate import star_problems
from tests.conftest import make_level

ROOT = Path(__file__).resolve().parent.parent
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


def test_solve_blocks_json_reports_the_program_and_what_is_proved(tmp_path: Path) -> None:
    level = tmp_path / "corridor.yaml"
    level.write_text(
        "format: 1\nid: c\ntitle: C\nmap: |\n  #######\n  #>....F#\n  #######\n"
        "goals: [reach_goal]\nblocks: [forward, repeat]\n",
        encoding="utf-8",
    )
    done = subprocess.run(
        [sys.executable, str(ROOT / "main.py"), "solve", str(level), "--blocks", "--json"],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    out = json.loads(done.stdout)
    assert out["steps"] == 5
    assert out["program"] == {"blocks": 2, "program": [{"repeat": 5, "do": ["forward"]}]}
    assert out["proved"] is True
    assert out["ruled_out_up_to"] == 1
    assert out["budget_seconds"] == 10.0


def test_solve_blocks_prints_the_budget_and_says_when_it_ran_out(tmp_path: Path) -> None:
    level = tmp_path / "gems.yaml"
    level.write_text(
        "format: 1\nid: g\ntitle: G\nmap: |\n"
        "  #########\n  #>*.*.*.#\n  #.#.#.#*#\n  #*.*.*.F#\n  #########\n"
        "goals: [collect_gems, reach_goal]\n"
        f"blocks: {EVERYTHING}\n",
        encoding="utf-8",
    )
    args = ["solve", str(level), "--blocks", "--budget", "0.2", "--lang", "en"]
    done = subprocess.run(
        [sys.executable, str(ROOT / "main.py"), *args], capture_output=True, text=True, timeout=120
    )
    assert "of a 0.2 s budget" in done.stderr
    assert "no program found within the budget" in done.stdout
    done = subprocess.run(
        [sys.executable, str(ROOT / "main.py"), *args, "--json"],
        capture_output=True,
        text=True,
        timeout=120,
    )
    out = json.loads(done.stdout)
    assert out["program"] is None and out["proved"] is False
    assert out["budget_seconds"] == 0.2


def test_validate_warns_when_three_stars_or_max_blocks_are_out_of_reach(tmp_path: Path) -> None:
    level = tmp_path / "corridor.yaml"
    level.write_text(
        "format: 1\nid: c\ntitle: C\nmap: |\n  #######\n  #>....F#\n  #######\n"
        "goals: [reach_goal]\nblocks: [forward, turn_left, repeat]\n"
        "max_blocks: 1\nstars: [1, 4]\n",
        encoding="utf-8",
    )
    done = subprocess.run(
        [sys.executable, str(ROOT / "main.py"), "validate", "--lang", "en", str(level)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr  # warnings only: the level still plays
    assert (
        f"{level}:10:13: warning: max_blocks is 1, but the smallest program that solves "
        "this level has 2 blocks" in done.stderr
    )
    assert f"{level}:11:8: warning: 3 stars need at most 1 blocks" in done.stderr


def test_reachable_stars_and_max_blocks_raise_no_warning() -> None:
    level = make_level(
        """
        #######
        #>....F#
        #######
        """,
        blocks="[forward, repeat]",
        extra="max_blocks: 2\nstars: [2, 3]\n",
    )
    assert star_problems(level) == []
