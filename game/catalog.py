"""The packs and levels the level map shows, and which of them a child may open.

Packs come from the game's own `levels/` folder and from `<user data folder>/levels/`,
where trainers drop pack folders without touching the game. A broken pack or level is
listed with its problems (the map shows a friendly tile) and never stops the others.
Files are read once and read again only when their modification time changes, so the map
can ask for the catalogue every time it opens and still notice a trainer's edit.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import TypeVar

from blocks.problems import Problem, problem
from game.levels import Text, read_level
from game.packs import PACK_FILE, Pack, find_packs, read_pack
from game.progress import LevelResult, data_dir

REPO_LEVELS = Path(__file__).resolve().parent.parent / "levels"
USER_LEVELS_FOLDER = "levels"
AI_PACK_ID = "ai"

Results = Mapping[tuple[str, str], LevelResult]


def default_roots() -> list[Path]:
    """The game's own packs first, then the trainers' folder in the user data folder."""
    return [REPO_LEVELS, data_dir() / USER_LEVELS_FOLDER]


@dataclass(frozen=True, slots=True)
class LevelEntry:
    """What the map needs of one level; `problems` with an error mean it cannot be played."""

    path: Path
    id: str
    title: Text
    problems: tuple[Problem, ...] = ()

    @property
    def ok(self) -> bool:
        return not any(p.severity == "error" for p in self.problems)


@dataclass(frozen=True, slots=True)
class PackEntry:
    folder: Path
    id: str
    title: Text
    levels: tuple[LevelEntry, ...]
    problems: tuple[Problem, ...] = ()

    @property
    def ok(self) -> bool:
        return not any(p.severity == "error" for p in self.problems)

    @property
    def scene(self) -> str:
        """The screen that plays this pack's levels: the AI lab for the AI pack."""
        return "ai_lab" if self.id == AI_PACK_ID else "play"


T = TypeVar("T")


class _FileCache:
    """Values computed from a file, recomputed when its size or modification time changes."""

    def __init__(self) -> None:
        self._seen: dict[tuple[Path, str], tuple[tuple[int, int] | None, object]] = {}

    def get(self, path: Path, kind: str, compute: Callable[[Path], T]) -> T:
        stamp = _stamp(path)
        seen = self._seen.get((path, kind))
        if seen is not None and seen[0] == stamp and stamp is not None:
            return seen[1]  # type: ignore[return-value]
        value = compute(path)
        self._seen[(path, kind)] = (stamp, value)
        return value

    def fresh(self, path: Path, kind: str) -> bool:
        """Whether `get` would answer without reading the file."""
        seen = self._seen.get((path, kind))
        return seen is not None and seen[0] is not None and seen[0] == _stamp(path)


def _stamp(path: Path) -> tuple[int, int] | None:
    try:
        stat = path.stat()
    except OSError:
        return None
    return stat.st_mtime_ns, stat.st_size


class Catalog:
    """Every pack under `roots`, ordered by folder name (the game's first on a tie)."""

    def __init__(self, roots: list[Path] | None = None) -> None:
        self.roots = default_roots() if roots is None else roots
        self._cache = _FileCache()

    def _folders(self) -> list[Path]:
        """Pack folders in map order: by folder name, the game's own first on a tie."""
        found = [
            (folder.name, n, folder)
            for n, root in enumerate(self.roots)
            for folder in _pack_folders(root)
        ]
        return [folder for _name, _root, folder in sorted(found)]

    def packs(self) -> list[PackEntry]:
        packs: list[PackEntry] = []
        seen: dict[str, Path] = {}
        for folder in self._folders():
            pack = self._pack(folder)
            if pack.id in seen:
                clash = problem(1, 1, "pack.same_id", id=pack.id, other=seen[pack.id].name)
                pack = PackEntry(folder, pack.id, pack.title, (), (*pack.problems, clash))
            seen.setdefault(pack.id, folder)
            packs.append(pack)
        return packs

    def warm(self, seconds: float) -> bool:
        """Read files not read yet for about `seconds`, so that the map opens at once later
        (the welcome screen calls this between frames). True once everything is read."""
        deadline = time.perf_counter() + seconds
        for folder in self._folders():
            read = self._cache.get(folder / PACK_FILE, "pack", _read_pack_file)
            for path in read.levels:
                if not self._cache.fresh(path, "level"):
                    self._cache.get(path, "level", _level_entry)
                    if time.perf_counter() > deadline:
                        return False
        return True

    def find(self, pack_id: str, level_id: str) -> tuple[PackEntry, LevelEntry] | None:
        """The playable level `level_id` of pack `pack_id`, if it is still there."""
        for pack in self.packs():
            if pack.id == pack_id and pack.ok:
                for level in pack.levels:
                    if level.id == level_id and level.ok:
                        return pack, level
        return None

    def _pack(self, folder: Path) -> PackEntry:
        read = self._cache.get(folder / PACK_FILE, "pack", _read_pack_file)
        levels: list[LevelEntry] = []
        ids: set[str] = set()
        for path, (line, column) in zip(read.levels, read.level_marks, strict=True):
            entry = self._cache.get(path, "level", _level_entry)
            if entry.id in ids:
                clash = problem(line, column, "pack.duplicate_id", id=entry.id, other=read.id)
                entry = LevelEntry(path, entry.id, entry.title, (*entry.problems, clash))
            ids.add(entry.id)
            levels.append(entry)
        return PackEntry(
            folder,
            read.id or folder.name,
            read.title or {"*": folder.name},
            tuple(levels),
            tuple(read.problems),
        )


@cache
def _catalog_for(roots: tuple[Path, ...]) -> Catalog:
    return Catalog(list(roots))


def default_catalog() -> Catalog:
    """The catalogue of the default folders, shared so its file cache lasts between screens
    (a new one is made if the data folder changes, as it does between tests)."""
    return _catalog_for(tuple(default_roots()))


def _pack_folders(root: Path) -> list[Path]:
    try:
        return [folder for folder in find_packs(root) if folder != root]
    except OSError:
        return []


def _read_pack_file(pack_file: Path) -> Pack:
    return read_pack(pack_file.parent)


def _level_entry(path: Path) -> LevelEntry:
    checked = read_level(path)
    if checked.level is None:
        return LevelEntry(path, path.stem, {"*": path.stem}, tuple(checked.problems))
    level = checked.level
    return LevelEntry(path, level.id, level.title, tuple(checked.problems))


def unlocked(pack: PackEntry, results: Results, unlock_all: bool = False) -> list[bool]:
    """Which levels of `pack` a child may open, in order.

    The first level is always open; the next one opens after a success on the one before.
    A broken level never blocks a child: once it is reached, the level after it opens too,
    so a trainer's typo does not end a pack.
    """
    if unlock_all:
        return [True] * len(pack.levels)
    opened = [True] * min(1, len(pack.levels))
    for before in pack.levels[:-1]:
        result = results.get((pack.id, before.id))
        passed = result is not None and result.completed
        opened.append(passed or (not before.ok and opened[-1]))
    return opened


def next_level(packs: list[PackEntry], results: Results) -> tuple[PackEntry, LevelEntry] | None:
    """Where a child would go on: the first open, playable level not yet completed."""
    for pack in packs:
        if pack.scene != "play" or not pack.ok:
            continue
        for level, is_open in zip(pack.levels, unlocked(pack, results), strict=True):
            result = results.get((pack.id, level.id))
            if is_open and level.ok and not (result and result.completed):
                return pack, level
    return None
