"""The dependency rules: a pure core without pygame, and `blocks` standing on its own."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BLOCKS = sorted(f"blocks.{p.stem}" for p in (ROOT / "blocks").glob("*.py") if p.stem != "__init__")
WORLD = sorted(
    f"game.world.{p.stem}" for p in (ROOT / "game" / "world").glob("*.py") if p.stem != "__init__"
)
CORE = [
    *BLOCKS,
    *WORLD,
    "game.levels",
    "game.level_fields",
    "game.packs",
    "game.runner",
    "game.run_report",
    "game.solver",
    "game.validate",
    "game.i18n",
    "game.cli",
]


def imported_in_fresh_process(modules: list[str]) -> set[str]:
    """The names in sys.modules after importing `modules` in a new interpreter."""
    script = "import importlib, sys\n"
    script += "".join(f"importlib.import_module({name!r})\n" for name in modules)
    script += "print('\\n'.join(sys.modules))\n"
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=60, cwd=ROOT
    )
    assert done.returncode == 0, done.stderr
    return set(done.stdout.split())


def test_the_lists_of_modules_are_not_empty() -> None:
    assert "blocks.parse" in BLOCKS and "game.world.rules" in WORLD


def test_the_core_never_imports_pygame() -> None:
    loaded = imported_in_fresh_process(CORE)
    assert set(CORE) <= loaded
    assert not {name for name in loaded if name.split(".")[0] in ("pygame", "pymunk")}


def test_blocks_imports_nothing_from_game() -> None:
    loaded = imported_in_fresh_process(BLOCKS)
    assert not {name for name in loaded if name.split(".")[0] in ("game", "pygame")}


def test_blocks_sources_name_only_the_standard_library_yaml_and_blocks() -> None:
    allowed = set(sys.stdlib_module_names) | {"yaml", "blocks"}
    for path in (ROOT / "blocks").glob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                names = [node.module]
            else:
                continue
            assert {name.split(".")[0] for name in names} <= allowed, (path.name, names)
