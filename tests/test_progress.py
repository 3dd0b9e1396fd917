"""Saves: profiles, results and programs survive restarts, kills and broken files."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from blocks.program import Action, Program
from game.progress import DB_NAME, Notice, Progress, clean_name, data_dir


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / DB_NAME


def test_profiles_round_trip_with_arabic_and_french_names(db_path: Path) -> None:
    saves = Progress(db_path)
    amine = saves.add_profile("  أمين  ", 2)
    chloe = saves.add_profile("Chloé", 0)
    saves.close()

    again = Progress(db_path)
    assert [(p.name, p.avatar) for p in again.profiles()] == [("أمين", 2), ("Chloé", 0)]
    assert again.profile(amine.id) == amine
    # The last profile created is the one selected at the next start.
    assert again.profile_id == chloe.id
    assert again.notice is None


def test_selected_profile_is_remembered(db_path: Path) -> None:
    saves = Progress(db_path)
    first = saves.add_profile("Yasmine", 1)
    saves.add_profile("Omar", 3)
    saves.select_profile(first.id)
    saves.close()
    assert Progress(db_path).profile_id == first.id


def test_selecting_an_unknown_profile_fails(db_path: Path) -> None:
    saves = Progress(db_path)
    with pytest.raises(KeyError):
        saves.select_profile(42)


def test_names_are_cleaned() -> None:
    assert clean_name("  Sara\n ") == "Sara"
    assert clean_name("a\x00b\tc") == "ab c"
    assert clean_name("   ") is None
    assert clean_name("x" * 100) == "x" * 24
    with pytest.raises(ValueError):
        Progress(None).add_profile("\n\t", 0)


def test_results_keep_the_best_stars_and_the_program(db_path: Path) -> None:
    saves = Progress(db_path)
    saves.add_profile("Nour", 0)
    saves.save_program("basics", "loops-01", "format: 1\nprogram: [forward]\n")
    assert saves.result("basics", "loops-01") is not None
    assert not saves.result("basics", "loops-01").completed  # type: ignore[union-attr]
    saves.record_result("basics", "loops-01", 3)
    saves.record_result("basics", "loops-01", 1, "format: 1\nprogram: [turn_left]\n")
    saves.close()

    again = Progress(db_path)
    found = again.result("basics", "loops-01")
    assert found is not None
    assert (found.stars, found.completed) == (3, True)
    assert again.saved_program("basics", "loops-01") == "format: 1\nprogram: [turn_left]\n"
    assert again.last_level() == ("basics", "loops-01")


def test_a_saved_program_comes_back_as_blocks(db_path: Path) -> None:
    saves = Progress(db_path)
    saves.add_profile("Nour", 0)
    assert saves.saved_blocks("basics", "loops-01") is None
    saves.save_program("basics", "loops-01", "format: 1\nprogram: [forward, turn_left]\n")
    assert saves.saved_blocks("basics", "loops-01") == Program(
        (Action("forward"), Action("turn_left"))
    )
    saves.save_program("basics", "loops-01", "program: [fly]\n")  # no longer a program
    assert saves.saved_blocks("basics", "loops-01") is None


def test_results_belong_to_one_profile(db_path: Path) -> None:
    saves = Progress(db_path)
    ali = saves.add_profile("Ali", 0)
    saves.record_result("basics", "a", 2)
    saves.add_profile("Hiba", 1)
    assert saves.results() == {}
    assert set(saves.results(profile=ali.id)) == {("basics", "a")}
    assert saves.last_level() is None
    saves.delete_profile(ali.id)
    assert saves.results(profile=ali.id) == {}


def test_without_a_profile_nothing_is_saved(db_path: Path) -> None:
    saves = Progress(db_path)
    assert saves.save_program("basics", "a", "program: []") is False
    assert saves.record_result("basics", "a", 3) is None
    assert saves.results() == {}


def test_settings_round_trip(db_path: Path) -> None:
    saves = Progress(db_path)
    saves.set_settings({"lang": "ar", "sound_on": "0"})
    saves.close()
    again = Progress(db_path)
    assert (again.get_setting("lang"), again.get_setting("sound_on")) == ("ar", "0")
    assert again.get_setting("nothing") is None


def test_a_second_connection_sees_committed_data(db_path: Path) -> None:
    writer = Progress(db_path)
    reader = Progress(db_path)
    kid = writer.add_profile("Rayan", 4)
    writer.save_program("basics", "a", "edit 1", profile=kid.id)
    assert reader.saved_program("basics", "a", profile=kid.id) == "edit 1"
    assert [p.name for p in reader.profiles()] == ["Rayan"]


def test_the_schema_version_is_recorded(db_path: Path) -> None:
    Progress(db_path).close()
    with sqlite3.connect(db_path) as raw:
        row = raw.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
    assert row == ("1",)


def test_a_file_from_a_newer_game_is_kept_and_used(db_path: Path) -> None:
    saves = Progress(db_path)
    saves.add_profile("Zineb", 5)
    saves.close()
    with sqlite3.connect(db_path) as raw:
        raw.execute("UPDATE meta SET value = '7' WHERE key = 'schema_version'")
        raw.execute("CREATE TABLE later_things (x)")
    again = Progress(db_path)
    assert again.notice is None and [p.name for p in again.profiles()] == ["Zineb"]


WRITER = """
import sys
from pathlib import Path
from game.progress import Progress
saves = Progress(Path(sys.argv[1]))
kid = saves.add_profile("Kenza", 1)
n = 0
while True:
    n += 1
    saves.save_program("basics", "a", f"edit {n}\\n" + "forward\\n" * (n % 50))
    saves.set_settings({"edits": str(n), "check": str(n)})
    print(n, flush=True)
"""


@pytest.mark.parametrize("edits_before_kill", [1, 7, 40])
def test_killing_a_writer_loses_at_most_the_last_edit(
    db_path: Path, edits_before_kill: int
) -> None:
    child = subprocess.Popen(
        [sys.executable, "-c", WRITER, str(db_path)],
        stdout=subprocess.PIPE,
        text=True,
        env={**os.environ, "PYTHONPATH": str(Path(__file__).parents[1])},
    )
    assert child.stdout is not None
    acknowledged = 0
    while acknowledged < edits_before_kill:
        acknowledged = int(child.stdout.readline())
    os.kill(child.pid, signal.SIGKILL)
    child.wait()

    saves = Progress(db_path)
    assert saves.notice is None
    with sqlite3.connect(db_path) as raw:
        assert raw.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    program = saves.saved_program("basics", "a", profile=saves.profiles()[0].id)
    assert program is not None
    kept = int(program.split()[1])
    # Every acknowledged edit is there; the one in flight may or may not be, but whole.
    assert kept >= acknowledged
    assert program == f"edit {kept}\n" + "forward\n" * (kept % 50)
    # The two settings of one transaction are never split by the kill.
    edits, check = saves.get_setting("edits"), saves.get_setting("check")
    assert edits == check and int(edits or 0) >= acknowledged


def test_a_corrupt_file_is_moved_aside_and_replaced(db_path: Path) -> None:
    db_path.write_bytes(b"this is not a database at all" * 100)
    saves = Progress(db_path)
    assert saves.notice is Notice.RECOVERED
    assert saves.moved_to is not None and saves.moved_to.name.startswith(f"{DB_NAME}.broken-")
    assert saves.moved_to.read_bytes().startswith(b"this is not a database")
    saves.add_profile("Ilyas", 0)
    saves.close()
    assert Progress(db_path).notice is None


def test_a_damaged_database_page_is_recovered(db_path: Path) -> None:
    saves = Progress(db_path)
    kid = saves.add_profile("Salma", 0)
    for n in range(200):
        saves.save_program("basics", f"level-{n}", "forward\n" * 100, profile=kid.id)
    saves.close()
    data = bytearray(db_path.read_bytes())
    data[4096 * 2 : 4096 * 4] = b"\xff" * 8192  # scribble over two pages
    db_path.write_bytes(bytes(data))

    again = Progress(db_path)
    assert again.notice is Notice.RECOVERED
    assert again.profiles() == []


def test_a_foreign_sqlite_file_is_moved_aside(db_path: Path) -> None:
    with sqlite3.connect(db_path) as raw:
        raw.execute("CREATE TABLE profiles (x)")
    assert Progress(db_path).notice is Notice.RECOVERED


def test_an_unwritable_folder_falls_back_to_memory(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("a file where a folder should be")
    saves = Progress(blocker / DB_NAME)
    assert saves.notice is Notice.IN_MEMORY
    saves.add_profile("Adam", 0)
    assert [p.name for p in saves.profiles()] == ["Adam"]


def test_the_data_folder_follows_the_environment(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("ROBOBLOCS_DATA_DIR", str(tmp_path))
    assert data_dir() == tmp_path
    assert Progress.open_default().path == tmp_path / DB_NAME


def test_a_commit_is_fast_enough_for_every_edit(db_path: Path) -> None:
    saves = Progress(db_path)
    saves.add_profile("Hamza", 0)
    start = time.perf_counter()
    for n in range(20):
        saves.save_program("basics", "a", f"edit {n}")
    assert (time.perf_counter() - start) / 20 < 0.05
