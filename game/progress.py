"""Children's saves: profiles, stars, saved programs and machine settings in one sqlite file.

Centre computers often share one system account between many children, so profiles live
inside the database, not in the operating system. The file sits in the user data folder
(`ROBOBLOCS_DATA_DIR` overrides it). Every write is one transaction in WAL mode with full
sync: killing the process or pulling the plug loses at most the edit being written.

Nothing here may stop a child from playing: a database that cannot be read is moved aside
(`roboblocs.db.broken-<time>`) and a fresh one started; a folder that cannot be written
falls back to memory. `Progress.notice` tells the caller what happened so it can say so.
"""

from __future__ import annotations

import os
import sqlite3
import time
import unicodedata
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, contextmanager, suppress
from dataclasses import dataclass
from enum import Enum
from pathlib import Path

import platformdirs

from blocks.parse import load_program
from blocks.problems import InvalidInput
from blocks.program import Program

DATA_DIR_ENV = "ROBOBLOCS_DATA_DIR"
DB_NAME = "roboblocs.db"
MAX_NAME = 24
SCHEMA_VERSION = 1


def data_dir() -> Path:
    """The folder for saves, logs and trainers' extra packs (created on demand elsewhere)."""
    override = os.environ.get(DATA_DIR_ENV)
    if override:
        return Path(override)
    return Path(platformdirs.user_data_dir("roboblocs", appauthor=False))


def clean_name(text: str) -> str | None:
    """A first name as typed, trimmed and without control characters; None if nothing is left."""
    spaced = " ".join(text.split())
    kept = "".join(ch for ch in spaced if unicodedata.category(ch) != "Cc")
    name = kept[:MAX_NAME].strip()
    return name or None


@dataclass(frozen=True, slots=True)
class Profile:
    id: int
    name: str
    avatar: int
    created: float


@dataclass(frozen=True, slots=True)
class LevelResult:
    """What a profile did on one level: best stars so far and the program left in the editor."""

    pack_id: str
    level_id: str
    stars: int
    completed: bool
    program: str | None
    updated: float


class Notice(Enum):
    """Something the player should hear about when the saves were opened."""

    RECOVERED = "recovered"  # the file was unreadable: moved aside, started fresh
    IN_MEMORY = "in_memory"  # the folder cannot be written: nothing will be kept


def _create_v1(db: sqlite3.Connection) -> None:
    db.execute("CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)")
    db.execute("CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT NOT NULL)")
    db.execute(
        "CREATE TABLE profiles (id INTEGER PRIMARY KEY AUTOINCREMENT, name TEXT NOT NULL,"
        " avatar INTEGER NOT NULL, created REAL NOT NULL, last_pack TEXT, last_level TEXT)"
    )
    db.execute(
        "CREATE TABLE results (profile_id INTEGER NOT NULL REFERENCES profiles(id)"
        " ON DELETE CASCADE, pack_id TEXT NOT NULL, level_id TEXT NOT NULL,"
        " stars INTEGER NOT NULL DEFAULT 0, completed INTEGER NOT NULL DEFAULT 0,"
        " program TEXT, updated REAL NOT NULL, PRIMARY KEY (profile_id, pack_id, level_id))"
    )


# MIGRATIONS[n] brings a database from version n to n + 1. Later versions only add tables
# and columns, so an older game can still read a newer file.
MIGRATIONS: list[Callable[[sqlite3.Connection], None]] = [_create_v1]


class Progress:
    """The saves of one machine. Per-profile calls act on the selected profile by default."""

    def __init__(self, path: Path | None) -> None:
        """Open (or create) the database at `path`; None keeps everything in memory."""
        self.path = path
        self.notice: Notice | None = None
        self.moved_to: Path | None = None
        self.profile_id: int | None = None
        self._db = self._open()
        last = self.get_setting("last_profile")
        if last is not None and last.isdigit() and self.profile(int(last)) is not None:
            self.profile_id = int(last)

    @classmethod
    def open_default(cls) -> Progress:
        return cls(data_dir() / DB_NAME)

    def close(self) -> None:
        self._db.close()

    # -- opening, recovery and transactions --

    def _open(self) -> sqlite3.Connection:
        """The database file, moved aside and started afresh if it cannot be read; memory
        when the folder cannot be written (or a fresh file still fails)."""
        if self.path is None:
            return self._connect(":memory:")
        for attempt in range(2):
            try:
                self.path.parent.mkdir(parents=True, exist_ok=True)
                return self._connect(str(self.path))
            except sqlite3.DatabaseError as err:
                if attempt or _is_unwritable(err) or not self._move_aside():
                    break
            except OSError:
                break
        self.notice = Notice.IN_MEMORY
        return self._connect(":memory:")

    def _connect(self, target: str) -> sqlite3.Connection:
        db = sqlite3.connect(target, isolation_level=None, timeout=5.0)
        try:
            db.execute("PRAGMA journal_mode=WAL")
            db.execute("PRAGMA synchronous=FULL")
            db.execute("PRAGMA foreign_keys=ON")
            check = db.execute("PRAGMA quick_check").fetchone()
            if check is None or check[0] != "ok":
                raise sqlite3.DatabaseError(f"quick_check: {check}")
            self._migrate(db)
        except BaseException:
            db.close()
            raise
        return db

    def _migrate(self, db: sqlite3.Connection) -> None:
        version = _schema_version(db)
        for step in range(version, SCHEMA_VERSION):
            with _transaction(db):
                MIGRATIONS[step](db)
                db.execute(
                    "INSERT OR REPLACE INTO meta VALUES ('schema_version', ?)", (str(step + 1),)
                )

    def _move_aside(self) -> bool:
        """Keep the unreadable file (a trainer may rescue it) and make room for a new one;
        False if it cannot be moved."""
        assert self.path is not None
        stamp = time.strftime("%Y%m%d-%H%M%S")
        target = self.path.with_name(f"{self.path.name}.broken-{stamp}")
        try:
            for suffix in ("", "-wal", "-shm"):
                source = Path(str(self.path) + suffix)
                if source.exists():
                    source.replace(Path(str(target) + suffix))
        except OSError:
            return False
        self.notice = Notice.RECOVERED
        self.moved_to = target
        return True

    def _write(self) -> AbstractContextManager[sqlite3.Connection]:
        """`with self._write() as db:` runs the block as one transaction."""
        return _transaction(self._db)

    # -- settings of the machine --

    def get_setting(self, key: str) -> str | None:
        row = self._db.execute("SELECT value FROM settings WHERE key = ?", (key,)).fetchone()
        return None if row is None else str(row[0])

    def set_setting(self, key: str, value: str) -> None:
        self.set_settings({key: value})

    def set_settings(self, values: dict[str, str]) -> None:
        """Write several settings in one transaction (all or none)."""
        with self._write() as db:
            db.executemany("INSERT OR REPLACE INTO settings VALUES (?, ?)", values.items())

    # -- profiles --

    def profiles(self) -> list[Profile]:
        rows = self._db.execute("SELECT id, name, avatar, created FROM profiles ORDER BY id")
        return [Profile(*row) for row in rows]

    def profile(self, profile_id: int) -> Profile | None:
        row = self._db.execute(
            "SELECT id, name, avatar, created FROM profiles WHERE id = ?", (profile_id,)
        ).fetchone()
        return None if row is None else Profile(*row)

    def add_profile(self, name: str, avatar: int) -> Profile:
        """Create a profile and select it. Raises ValueError for a name with nothing in it."""
        cleaned = clean_name(name)
        if cleaned is None:
            raise ValueError("empty name")
        created = time.time()
        with self._write() as db:
            cursor = db.execute(
                "INSERT INTO profiles (name, avatar, created) VALUES (?, ?, ?)",
                (cleaned, avatar, created),
            )
            new_id = cursor.lastrowid
            assert new_id is not None
            db.execute("INSERT OR REPLACE INTO settings VALUES ('last_profile', ?)", (str(new_id),))
        self.profile_id = new_id
        return Profile(new_id, cleaned, avatar, created)

    def select_profile(self, profile_id: int) -> None:
        """Make `profile_id` the current profile; remembered for the next start."""
        if self.profile(profile_id) is None:
            raise KeyError(profile_id)
        self.set_setting("last_profile", str(profile_id))
        self.profile_id = profile_id

    def delete_profile(self, profile_id: int) -> None:
        with self._write() as db:
            db.execute("DELETE FROM profiles WHERE id = ?", (profile_id,))
        if self.profile_id == profile_id:
            self.profile_id = None

    # -- results and saved programs of a profile --

    def _who(self, profile: int | None) -> int | None:
        return self.profile_id if profile is None else profile

    def save_program(
        self, pack_id: str, level_id: str, program: str, *, profile: int | None = None
    ) -> bool:
        """Keep the program being edited on a level; call it at every edit.

        Returns False (and keeps nothing) when no profile is selected, e.g. a level opened
        straight from the command line.
        """
        who = self._who(profile)
        if who is None:
            return False
        now = time.time()
        with self._write() as db:
            db.execute(
                "INSERT INTO results (profile_id, pack_id, level_id, program, updated)"
                " VALUES (?, ?, ?, ?, ?) ON CONFLICT (profile_id, pack_id, level_id)"
                " DO UPDATE SET program = excluded.program, updated = excluded.updated",
                (who, pack_id, level_id, program, now),
            )
            _set_last(db, who, pack_id, level_id)
        return True

    def record_result(
        self,
        pack_id: str,
        level_id: str,
        stars: int,
        program: str | None = None,
        *,
        profile: int | None = None,
    ) -> LevelResult | None:
        """Record a success with `stars` (0-3); keeps the best stars. None without a profile."""
        who = self._who(profile)
        if who is None:
            return None
        stars = max(0, min(3, stars))
        with self._write() as db:
            db.execute(
                "INSERT INTO results (profile_id, pack_id, level_id, stars, completed, program,"
                " updated) VALUES (?, ?, ?, ?, 1, ?, ?) ON CONFLICT (profile_id, pack_id,"
                " level_id) DO UPDATE SET stars = max(stars, excluded.stars), completed = 1,"
                " program = coalesce(excluded.program, program), updated = excluded.updated",
                (who, pack_id, level_id, stars, program, time.time()),
            )
            _set_last(db, who, pack_id, level_id)
        return self.result(pack_id, level_id, profile=who)

    def result(
        self, pack_id: str, level_id: str, *, profile: int | None = None
    ) -> LevelResult | None:
        row = self._db.execute(
            f"SELECT {_RESULT_COLUMNS} FROM results"
            " WHERE profile_id = ? AND pack_id = ? AND level_id = ?",
            (self._who(profile), pack_id, level_id),
        ).fetchone()
        return None if row is None else _result(row)

    def saved_program(
        self, pack_id: str, level_id: str, *, profile: int | None = None
    ) -> str | None:
        found = self.result(pack_id, level_id, profile=profile)
        return None if found is None else found.program

    def saved_blocks(
        self, pack_id: str, level_id: str, *, profile: int | None = None
    ) -> Program | None:
        """The saved program read back into blocks; None when there is none, or when it no
        longer reads (a save from a future version): the child then starts afresh."""
        saved = self.saved_program(pack_id, level_id, profile=profile)
        if not saved:
            return None
        try:
            return load_program(saved)
        except InvalidInput:
            return None

    def results(self, *, profile: int | None = None) -> dict[tuple[str, str], LevelResult]:
        """Every result of a profile, by (pack id, level id)."""
        rows = self._db.execute(
            f"SELECT {_RESULT_COLUMNS} FROM results WHERE profile_id = ?",
            (self._who(profile),),
        )
        found = [_result(row) for row in rows]
        return {(r.pack_id, r.level_id): r for r in found}

    def set_last_level(self, pack_id: str, level_id: str, *, profile: int | None = None) -> None:
        who = self._who(profile)
        if who is not None:
            with self._write() as db:
                _set_last(db, who, pack_id, level_id)

    def last_level(self, *, profile: int | None = None) -> tuple[str, str] | None:
        row = self._db.execute(
            "SELECT last_pack, last_level FROM profiles WHERE id = ?", (self._who(profile),)
        ).fetchone()
        if row is None or row[0] is None or row[1] is None:
            return None
        return str(row[0]), str(row[1])


_RESULT_COLUMNS = "pack_id, level_id, stars, completed, program, updated"


def _result(row: tuple[str, str, int, int, str | None, float]) -> LevelResult:
    pack_id, level_id, stars, completed, program, updated = row
    return LevelResult(pack_id, level_id, stars, bool(completed), program, updated)


def _set_last(db: sqlite3.Connection, who: int, pack_id: str, level_id: str) -> None:
    db.execute(
        "UPDATE profiles SET last_pack = ?, last_level = ? WHERE id = ?", (pack_id, level_id, who)
    )


def _schema_version(db: sqlite3.Connection) -> int:
    has_meta = db.execute(
        "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'meta'"
    ).fetchone()
    if has_meta is None:
        return 0
    row = db.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
    if row is None or not str(row[0]).isdigit():
        raise sqlite3.DatabaseError("no schema version")
    return int(row[0])


def _is_unwritable(err: sqlite3.DatabaseError) -> bool:
    """Errors that say the folder or file cannot be written (keep the file, use memory)."""
    text = str(err).lower()
    return isinstance(err, sqlite3.OperationalError) and (
        "unable to open" in text or "readonly" in text or "read-only" in text
    )


@contextmanager
def _transaction(db: sqlite3.Connection) -> Iterator[sqlite3.Connection]:
    db.execute("BEGIN IMMEDIATE")
    try:
        yield db
    except BaseException:
        with suppress(sqlite3.Error):
            db.execute("ROLLBACK")
        raise
    db.execute("COMMIT")
