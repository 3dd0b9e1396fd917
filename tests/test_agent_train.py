"""`train` end to end, the AI pack, and the `ai` key of the level format."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from game.agent.env import GridEnv
from game.agent.policy import greedy_route
from game.agent.qlearning import QLearner
from game.agent.training import optimal_steps, summary_lines, train
from game.level_fields import level_schema
from game.levels import parse_level, read_level
from game.runner import run
from tests.conftest import make_level

ROOT = Path(__file__).resolve().parent.parent
AI_PACK = ROOT / "levels" / "ai"
AI_LEVELS = sorted(AI_PACK.glob("0*.yaml"))
CLI_KEYS = {
    "episodes",
    "seed",
    "solved",
    "policy_steps",
    "optimal_steps",
    "success_rate_last_100",
    "seconds",
}


def cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, str(ROOT / "main.py"), *args], capture_output=True, text=True, timeout=60
    )


def test_train_json_is_deterministic_across_processes() -> None:
    level = str(AI_PACK / "03-maze.yaml")
    first, second = (
        cli("train", level, "--episodes", "400", "--seed", "1", "--json") for _ in "ab"
    )
    assert first.returncode == 0, first.stderr
    one, two = json.loads(first.stdout), json.loads(second.stdout)
    assert one.keys() >= CLI_KEYS
    assert (one["episodes"], one["seed"], one["solved"]) == (400, 1, True)
    assert one["policy_steps"] == one["optimal_steps"] == 19
    assert 0.0 <= one["success_rate_last_100"] <= 1.0
    del one["seconds"], two["seconds"]
    assert one == two


def test_train_exit_codes(tmp_path: Path) -> None:
    level = str(AI_PACK / "03-maze.yaml")
    too_little = cli("train", level, "--episodes", "1", "--json")
    assert too_little.returncode == 1
    assert json.loads(too_little.stdout)["solved"] is False
    assert json.loads(too_little.stdout)["policy_steps"] is None
    assert cli("train", str(tmp_path / "missing.yaml")).returncode == 2
    broken = tmp_path / "broken.yaml"
    broken.write_text("format: 1\nid: x\n", encoding="utf-8")
    assert cli("train", str(broken), "--json").returncode == 2
    assert cli("train", level, "--episodes", "0").returncode == 2


def test_train_text_speaks_the_trainers_language() -> None:
    done = cli("train", str(AI_PACK / "01-corridor.yaml"), "--lang", "en")
    assert done.returncode == 0, done.stderr
    assert "300 tries" in done.stdout and "6 steps" in done.stdout


@pytest.mark.parametrize("path", AI_LEVELS, ids=lambda p: p.stem)
def test_every_ai_level_is_valid_and_its_solution_succeeds(path: Path) -> None:
    checked = read_level(path)
    assert checked.ok, checked.problems
    level = checked.level
    assert level is not None and level.solution is not None
    assert run(level, level.solution, record=False).status == "success"
    for text in (level.title, level.intro, *level.hints):
        assert text is not None and {"fr", "ar", "en"} <= text.keys()


@pytest.mark.parametrize("path", AI_LEVELS, ids=lambda p: p.stem)
def test_training_with_the_levels_settings_finds_the_shortest_route(path: Path) -> None:
    level = read_level(path).level
    assert level is not None
    for seed in range(5):
        report = train(level, seed=seed)
        assert report.policy_steps == report.optimal_steps is not None, seed


def test_the_pack_lists_every_level_in_order() -> None:
    pack = (AI_PACK / "pack.yaml").read_text(encoding="utf-8")
    listed = [line.strip()[2:] for line in pack.splitlines() if line.strip().startswith("- ")]
    assert listed == [p.name for p in AI_LEVELS] and len(listed) >= 6


def test_variants_a_program_with_a_condition_solves_all_maps_the_robot_only_its_own() -> None:
    level = read_level(AI_PACK / "06-three-maps.yaml").level
    assert level is not None and len(level.boards) == 3 and level.solution is not None
    assert run(level, level.solution, record=False).status == "success"
    report = train(level, seed=0)
    assert not report.solved
    assert [route.success for route in report.routes] == [True, False, False]
    assert report.to_json()["maps"][1]["status"] == "crashed"
    # on another map the robot soon meets situations it never learned about
    learner = QLearner(GridEnv(level), seed=0)
    learner.run(300)
    assert not all(greedy_route(learner, 1).known)


def test_optimal_steps_is_about_the_training_map() -> None:
    level = read_level(AI_PACK / "06-three-maps.yaml").level
    assert level is not None
    assert optimal_steps(level, 0) == 5
    assert optimal_steps(level, 2) == 9


def test_summary_lines_name_each_map_only_for_variants() -> None:
    single = read_level(AI_PACK / "01-corridor.yaml").level
    three = read_level(AI_PACK / "06-three-maps.yaml").level
    assert single is not None and three is not None
    assert len(summary_lines(train(single), "fr")) == 2
    lines = summary_lines(train(three), "fr")
    assert len(lines) == 5 and lines[-1].startswith("carte 3")


def test_ai_key_problems_point_at_the_faulty_setting() -> None:
    text = (
        "format: 1\nid: t\ntitle: T\nmap: '#>F#'\ngoals: [reach_goal]\nblocks: [forward]\n"
        "ai:\n  flagg: 3\n  episodes: 2.5\n  fall: 5000\n  step: yes\n"
    )
    checked = parse_level(text)
    assert checked.level is None
    found = [(p.line, p.column, p.code) for p in checked.problems]
    assert found == [
        (8, 3, "field.setting_unknown"),
        (9, 13, "field.setting_int"),
        (10, 9, "field.setting_number"),
        (11, 9, "field.setting_number"),
    ]
    assert parse_level(text.split("ai:")[0] + "ai: [1, 2]\n").problems[0].code == "field.settings"


def test_ai_key_accepts_whole_numbers_for_rewards() -> None:
    level = make_level("#>F#", extra="ai: {flag: 20, step: -1, episodes: 50}\n")
    assert level.ai == {"flag": 20, "step": -1, "episodes": 50}


def test_schema_describes_the_ai_key_with_defaults() -> None:
    ai = level_schema()["properties"]["ai"]
    assert ai["additionalProperties"] is False
    assert ai["properties"]["episodes"]["type"] == "integer"
    assert ai["properties"]["flag"]["default"] == 10.0
    committed = json.loads((ROOT / "schema" / "level.schema.json").read_text(encoding="utf-8"))
    assert committed["properties"]["ai"] == json.loads(json.dumps(ai))
