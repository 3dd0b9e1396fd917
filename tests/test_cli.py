"""The command line (cli.md): output, JSON keys, exit statuses, located errors, languages.

Most tests call `game.cli.main` in the process (fast); a few run `main.py` for real to
check what only a fresh process shows: exit statuses and that pygame is never imported.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from blocks.parse import load_program
from blocks.python_form import from_python
from game.cli import main
from game.i18n import t

ROOT = Path(__file__).resolve().parent.parent
LOCATED = re.compile(r"^(?P<path>.+):(?P<line>\d+):(?P<column>\d+): (?P<message>.+)$")
ARABIC = re.compile(r"[\u0600-\u06ff]")

LEVEL = """\
format: 1
id: corridor
title: {fr: "Couloir", en: "Corridor"}
map: |
  #######
  #>.*.F#
  #######
goals: [collect_gems, reach_goal]
blocks: [forward, pick_up, repeat, function]
stars: [4, 5]
max_steps: 20
"""
WINNING = "- repeat: 2\n  do: [forward]\n- pick_up\n- repeat: 2\n  do: [forward]\n"
WINNING_PY = "for _ in range(2):\n    forward()\npick_up()\nfor _ in range(2):\n    forward()\n"
RUN_KEYS = {"status", "steps", "blocks", "stars", "robot", "gems_left", "message"}


@pytest.fixture
def files(tmp_path: Path) -> dict[str, str]:
    """A level, programs in both forms, and broken files, by short name."""
    texts = {
        "level.yaml": LEVEL,
        "win.yaml": WINNING,
        "win.py": WINNING_PY,
        "crash.yaml": "- repeat: 9\n  do: [forward]\n",
        "short.yaml": "- forward\n",
        "loop.yaml": "- define: spin\n  do: [{call: spin}]\n- call: spin\n",
        "walk.yaml": "- repeat: 99\n  do: [{repeat: 99, do: []}]\n",
        "turn.yaml": "- turn_left\n",
        "many.yaml": "- forward\n" * 6,
        "nogem.yaml": "- pick_up\n",
        "bad.yaml": "- forward\n- jump\n- repeat: 0\n  do: []\n",
        "bad.py": "forward()\nimport os\n",
        "walled.yaml": LEVEL.replace("#>.*.F#", "#>#*.F#"),
        "broken.yaml": LEVEL.replace("#>.*.F#", "#>.*X F#").replace("format: 1", "format: 2"),
        "binary.yaml": "",
    }
    paths = {}
    for name, text in texts.items():
        path = tmp_path / name
        path.write_text(text, encoding="utf-8")
        paths[name] = str(path)
    Path(paths["binary.yaml"]).write_bytes(bytes(range(256)))
    paths["many-level.yaml"] = str(tmp_path / "many-level.yaml")
    Path(paths["many-level.yaml"]).write_text(LEVEL + "max_blocks: 5\n", encoding="utf-8")
    paths["missing"] = str(tmp_path / "missing.yaml")
    return paths


def cli(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    assert "Traceback" not in out + err
    return code, out, err


def located(err: str) -> list[tuple[str, int, int, str]]:
    """Every line of standard error, which must all be FILE:LINE:COLUMN: message."""
    found = []
    for line in err.splitlines():
        match = LOCATED.match(line)
        assert match, f"not FILE:LINE:COLUMN: {line!r}"
        found.append((match["path"], int(match["line"]), int(match["column"]), match["message"]))
    return found


# run ----------------------------------------------------------------------------------------


def test_run_json_has_exactly_the_keys_of_the_contract(
    capsys: pytest.CaptureFixture[str], files: dict[str, str]
) -> None:
    code, out, err = cli(capsys, "run", files["level.yaml"], files["win.yaml"], "--json")
    assert (code, err) == (0, "")
    summary = json.loads(out)
    assert set(summary) == RUN_KEYS
    assert summary["status"] == "success"
    assert (summary["steps"], summary["blocks"], summary["stars"]) == (5, 5, 2)
    assert summary["robot"] == {"x": 5, "y": 1, "facing": "east"}
    assert summary["gems_left"] == 0
    assert summary["message"] == t("status.success", "fr")


def test_run_accepts_the_python_form(
    capsys: pytest.CaptureFixture[str], files: dict[str, str]
) -> None:
    code, out, _ = cli(capsys, "run", files["level.yaml"], files["win.py"], "--json")
    assert code == 0 and json.loads(out)["steps"] == 5


@pytest.mark.parametrize(
    ("program", "status", "steps", "gems_left"),
    [
        ("crash.yaml", "crashed", 5, 1),
        ("short.yaml", "incomplete", 1, 1),
        ("loop.yaml", "out_of_steps", 0, 1),
        ("walk.yaml", "out_of_steps", 0, 1),
        ("turn.yaml", "block_not_allowed", 0, 1),
        ("nogem.yaml", "no_gem", 1, 1),
    ],
)
def test_run_exits_1_for_every_other_outcome_with_no_stars(
    capsys: pytest.CaptureFixture[str],
    files: dict[str, str],
    program: str,
    status: str,
    steps: int,
    gems_left: int,
) -> None:
    code, out, _ = cli(capsys, "run", files["level.yaml"], files[program], "--json")
    summary = json.loads(out)
    assert code == 1
    assert (summary["status"], summary["steps"], summary["stars"]) == (status, steps, 0)
    assert summary["gems_left"] == gems_left
    assert summary["message"] == t(f"status.{status}", "fr")


def test_run_fell(
    capsys: pytest.CaptureFixture[str], files: dict[str, str], tmp_path: Path
) -> None:
    pond = tmp_path / "pond.yaml"
    pond.write_text(LEVEL.replace("#>.*.F#", "#>~*.F#"), encoding="utf-8")
    code, out, _ = cli(capsys, "run", str(pond), files["win.yaml"], "--json")
    summary = json.loads(out)
    assert code == 1
    assert (summary["status"], summary["steps"], summary["robot"]["x"]) == ("fell", 1, 2)


def test_run_too_many_blocks(capsys: pytest.CaptureFixture[str], files: dict[str, str]) -> None:
    code, out, _ = cli(capsys, "run", files["many-level.yaml"], files["many.yaml"], "--json")
    assert code == 1 and json.loads(out)["status"] == "too_many_blocks"


def test_run_without_json_prints_the_message_and_a_summary(
    capsys: pytest.CaptureFixture[str], files: dict[str, str]
) -> None:
    code, out, _ = cli(capsys, "run", files["level.yaml"], files["win.yaml"], "--lang", "en")
    assert code == 0
    assert out.splitlines() == [
        t("status.success", "en"),
        t("cli.run", "en", status="success", steps=5, blocks=5, stars=2),
    ]


def test_run_on_a_level_with_variants_tells_how_each_map_ended(
    capsys: pytest.CaptureFixture[str], files: dict[str, str], tmp_path: Path
) -> None:
    level = tmp_path / "variants.yaml"
    variant = "variants:\n  - |\n    #######\n    #>*..F#\n    #######\n"
    level.write_text(LEVEL + variant, encoding="utf-8")
    code, out, _ = cli(capsys, "run", str(level), files["win.yaml"], "--lang", "en")
    assert code == 1
    assert out.splitlines() == [
        t("status.no_gem", "en"),
        t("cli.run", "en", status="no_gem", steps=3, blocks=5, stars=0),
        t("cli.variant", "en", index=1, status="success", steps=5),
        t("cli.variant", "en", index=2, status="no_gem", steps=3),
    ]
    code, out, _ = cli(capsys, "run", str(level), files["win.yaml"], "--json")
    summary = json.loads(out)
    assert set(summary) == RUN_KEYS | {"variants"}
    assert [v["status"] for v in summary["variants"]] == ["success", "no_gem"]


@pytest.mark.parametrize("lang", ["fr", "en", "ar"])
def test_run_speaks_the_chosen_language_before_or_after_the_command(
    capsys: pytest.CaptureFixture[str], files: dict[str, str], lang: str
) -> None:
    after = cli(capsys, "run", files["level.yaml"], files["crash.yaml"], "--json", "--lang", lang)
    before = cli(capsys, "--lang", lang, "run", files["level.yaml"], files["crash.yaml"], "--json")
    assert after == before
    message = json.loads(after[1])["message"]
    assert message == t("status.crashed", lang)
    assert bool(ARABIC.search(message)) == (lang == "ar")


@pytest.mark.parametrize(
    ("level", "program", "bad"),
    [
        ("broken.yaml", "win.yaml", "broken.yaml"),
        ("level.yaml", "bad.yaml", "bad.yaml"),
        ("level.yaml", "bad.py", "bad.py"),
        ("missing", "win.yaml", "missing"),
        ("level.yaml", "missing", "missing"),
        ("binary.yaml", "win.yaml", "binary.yaml"),
        ("win.yaml", "win.yaml", "win.yaml"),
        ("level.yaml", "level.yaml", "level.yaml"),
    ],
)
def test_run_exits_2_on_unreadable_input_with_located_errors(
    capsys: pytest.CaptureFixture[str], files: dict[str, str], level: str, program: str, bad: str
) -> None:
    code, out, err = cli(capsys, "run", files[level], files[program], "--json")
    assert (code, out) == (2, "")
    problems = located(err)
    assert problems and {path for path, *_ in problems} == {files[bad]}


def test_run_reports_every_problem_of_a_program_in_order(
    capsys: pytest.CaptureFixture[str], files: dict[str, str]
) -> None:
    _, _, err = cli(capsys, "run", files["level.yaml"], files["bad.yaml"], "--lang", "en")
    assert [(line, column) for _, line, column, _ in located(err)] == [(2, 3), (3, 11)]


# solve --------------------------------------------------------------------------------------


def test_solve_json_gives_the_shortest_actions(
    capsys: pytest.CaptureFixture[str], files: dict[str, str]
) -> None:
    code, out, err = cli(capsys, "solve", files["level.yaml"], "--json")
    assert (code, err) == (0, "")
    answer = json.loads(out)
    assert set(answer) == {"solvable", "steps", "actions"}
    assert answer == {
        "solvable": True,
        "steps": 5,
        "actions": ["forward", "forward", "pick_up", "forward", "forward"],
    }


def test_solve_with_blocks_adds_the_smallest_program(
    capsys: pytest.CaptureFixture[str], files: dict[str, str], tmp_path: Path
) -> None:
    code, out, _ = cli(capsys, "solve", files["level.yaml"], "--json", "--blocks")
    answer = json.loads(out)
    assert code == 0
    # The contract's keys; the search may add what it proved and how long it took.
    assert set(answer) >= {"solvable", "steps", "actions", "program"}
    assert (answer["solvable"], answer["steps"]) == (True, 5)
    program = answer["program"]
    assert set(program) >= {"blocks", "program"}
    # repeat 2 [forward, forward, pick_up] wins on reaching the flag; 3 blocks cannot.
    assert program["blocks"] == 4
    found = tmp_path / "found.yaml"
    found.write_text(json.dumps(program["program"]), encoding="utf-8")  # JSON is YAML
    code, out, _ = cli(capsys, "run", files["level.yaml"], str(found), "--json")
    assert code == 0 and json.loads(out)["blocks"] == 4


def test_solve_exits_1_when_no_sequence_solves_the_level(
    capsys: pytest.CaptureFixture[str], files: dict[str, str]
) -> None:
    code, out, _ = cli(capsys, "solve", files["walled.yaml"], "--json")
    assert code == 1 and json.loads(out)["solvable"] is False
    code, out, _ = cli(capsys, "solve", files["walled.yaml"], "--lang", "en")
    assert code == 1 and out.strip() == t("cli.unsolvable", "en", max_steps=20)


def test_solve_prints_the_actions_in_words(
    capsys: pytest.CaptureFixture[str], files: dict[str, str]
) -> None:
    code, out, _ = cli(capsys, "solve", files["level.yaml"], "--lang", "en")
    assert code == 0
    assert out.strip() == t(
        "cli.solved", "en", steps=5, actions="forward forward pick_up forward forward"
    )


@pytest.mark.parametrize("level", ["broken.yaml", "missing", "binary.yaml", "win.yaml"])
def test_solve_exits_2_on_an_unreadable_level(
    capsys: pytest.CaptureFixture[str], files: dict[str, str], level: str
) -> None:
    code, out, err = cli(capsys, "solve", files[level], "--json")
    assert (code, out) == (2, "")
    assert located(err)


# validate -----------------------------------------------------------------------------------


def test_validate_valid_files_exits_0_and_says_so(
    capsys: pytest.CaptureFixture[str], files: dict[str, str]
) -> None:
    paths = [files[name] for name in ("level.yaml", "win.yaml", "win.py")]
    code, out, err = cli(capsys, "validate", "--lang", "en", *paths)
    assert (code, err) == (0, "")
    assert out.splitlines() == [
        *(t("cli.valid", "en", path=path) for path in paths),
        t("cli.summary", "en", valid=3, invalid=0),
    ]


def test_validate_invalid_files_exits_1_with_every_problem_located_and_sorted(
    capsys: pytest.CaptureFixture[str], files: dict[str, str]
) -> None:
    paths = [files[name] for name in ("broken.yaml", "bad.yaml", "bad.py", "level.yaml")]
    code, out, err = cli(capsys, "validate", "--lang", "en", *paths)
    assert code == 1
    assert out.splitlines()[-1] == t("cli.summary", "en", valid=1, invalid=3)
    problems = located(err)
    assert [(Path(p).name, line, column) for p, line, column, _ in problems] == [
        ("broken.yaml", 1, 9),
        ("broken.yaml", 6, 7),
        ("broken.yaml", 6, 8),
        ("bad.yaml", 2, 3),
        ("bad.yaml", 3, 11),
        ("bad.py", 2, 1),
    ]
    assert problems[1][3] == t("map.bad_char", "en", char="X", row=2)


def test_validate_a_pack_reports_its_problems_in_file_order(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    (tmp_path / "pack.yaml").write_text(
        "format: 1\nid: Pack\nlevels: [one.yaml, gone.yaml]\n", encoding="utf-8"
    )
    (tmp_path / "one.yaml").write_text(LEVEL, encoding="utf-8")
    code, _, err = cli(capsys, "validate", str(tmp_path))
    assert code == 1
    positions = [(line, column) for path, line, column, _ in located(err)]
    assert positions == sorted(positions) == [(1, 1), (2, 5), (3, 20)]


def test_validate_checks_the_deep_rules(
    capsys: pytest.CaptureFixture[str], files: dict[str, str]
) -> None:
    code, _, err = cli(capsys, "validate", "--lang", "en", files["walled.yaml"])
    assert code == 1
    assert [message for *_, message in located(err)] == [t("level.unsolvable", "en", max_steps=20)]


@pytest.mark.parametrize("lang", ["fr", "en", "ar"])
def test_validate_speaks_each_language(
    capsys: pytest.CaptureFixture[str], files: dict[str, str], lang: str
) -> None:
    _, out, err = cli(capsys, "validate", "--lang", lang, files["broken.yaml"], files["missing"])
    messages = [message for *_, message in located(err)]
    assert messages[-1] == t("file.missing", lang)
    assert out.strip() == t("cli.summary", lang, valid=0, invalid=2)
    assert all(bool(ARABIC.search(m)) == (lang == "ar") for m in messages)


def test_validate_refuses_a_huge_file_and_an_alias_bomb_at_once(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    huge = tmp_path / "huge.yaml"
    huge.write_text("title: " + "x" * 1_000_000 + "\n", encoding="utf-8")
    bomb = tmp_path / "bomb.yaml"
    bomb.write_text(
        "a: &a [x, x, x, x, x, x, x, x, x]\n"
        + "".join(
            f"{k}: &{k} [{', '.join(['*' + p] * 9)}]\n"
            for p, k in zip("abcdefgh", "bcdefghi", strict=True)
        )
        + "map: *i\n",
        encoding="utf-8",
    )
    start = time.perf_counter()
    code, _, err = cli(capsys, "validate", "--lang", "en", str(huge), str(bomb))
    assert time.perf_counter() - start < 1.0
    assert code == 1
    assert [(Path(p).name, line, column) for p, line, column, _ in located(err)] == [
        ("huge.yaml", 1, 1),
        ("bomb.yaml", 2, 8),
    ]


def test_validate_without_a_path_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as stopped:
        main(["validate"])
    assert stopped.value.code == 2
    assert "usage" in capsys.readouterr().err


# to-python / from-python --------------------------------------------------------------------


def test_to_python_prints_the_python_form(
    capsys: pytest.CaptureFixture[str], files: dict[str, str]
) -> None:
    code, out, err = cli(capsys, "to-python", files["win.yaml"])
    assert (code, err) == (0, "")
    assert out == WINNING_PY
    assert from_python(out) == load_program(WINNING)


def test_from_python_prints_the_yaml_form(
    capsys: pytest.CaptureFixture[str], files: dict[str, str]
) -> None:
    code, out, err = cli(capsys, "from-python", files["win.py"])
    assert (code, err) == (0, "")
    assert out.startswith("format: 1\nprogram:\n")
    assert load_program(out) == from_python(WINNING_PY)


@pytest.mark.parametrize(
    ("command", "name"),
    [
        ("to-python", "bad.yaml"),
        ("to-python", "bad.py"),
        ("to-python", "missing"),
        ("to-python", "binary.yaml"),
        ("from-python", "bad.py"),
        ("from-python", "win.yaml"),
    ],
)
def test_conversions_exit_1_on_a_refused_program(
    capsys: pytest.CaptureFixture[str], files: dict[str, str], command: str, name: str
) -> None:
    code, out, err = cli(capsys, command, files[name])
    assert (code, out) == (1, "")
    assert {path for path, *_ in located(err)} == {files[name]}


# Never a traceback --------------------------------------------------------------------------


def test_an_unexpected_error_is_one_line_and_exit_2(
    capsys: pytest.CaptureFixture[str], files: dict[str, str], monkeypatch: pytest.MonkeyPatch
) -> None:
    def explode(*args: object) -> object:
        raise RuntimeError("boom")

    monkeypatch.setattr("game.run_report.run_summary", explode)
    code, out, err = cli(capsys, "run", files["level.yaml"], files["win.yaml"], "--lang", "en")
    assert (code, out) == (2, "")
    assert err.splitlines() == [t("cli.crashed", "en", error="RuntimeError")]


@pytest.mark.parametrize("command", ["validate", "run", "solve", "to-python", "from-python"])
def test_every_command_has_help(capsys: pytest.CaptureFixture[str], command: str) -> None:
    with pytest.raises(SystemExit) as stopped:
        main([command, "--help"])
    assert stopped.value.code == 0
    assert "--lang" in capsys.readouterr().out


# In a fresh process -------------------------------------------------------------------------


def python(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, *args], capture_output=True, text=True, timeout=60, cwd=ROOT
    )


def test_main_py_exits_with_the_command_status(files: dict[str, str]) -> None:
    main_py = str(ROOT / "main.py")
    assert python(main_py, "run", files["level.yaml"], files["win.yaml"]).returncode == 0
    crashed = python(main_py, "run", files["level.yaml"], files["crash.yaml"])
    assert crashed.returncode == 1
    broken = python(main_py, "run", files["binary.yaml"], files["win.yaml"], "--json")
    assert broken.returncode == 2 and broken.stdout == ""
    assert "Traceback" not in crashed.stderr + broken.stderr
    assert located(broken.stderr)


def test_headless_commands_never_import_pygame(files: dict[str, str]) -> None:
    script = textwrap.dedent(
        f"""
        import sys
        from game.cli import main
        main(["run", {files["level.yaml"]!r}, {files["win.yaml"]!r}, "--json"])
        main(["validate", {files["level.yaml"]!r}, {files["bad.py"]!r}])
        main(["solve", {files["level.yaml"]!r}])
        main(["to-python", {files["win.yaml"]!r}])
        main(["from-python", {files["win.py"]!r}])
        print("pygame" in sys.modules)
        """
    )
    done = python("-c", script)
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines()[-1] == "False"
