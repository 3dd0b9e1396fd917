"""Run the benchmarks and print each result as a ratio against a baseline timed in the same run.

    python bench/run.py            # every benchmark
    python bench/run.py solver     # only modules whose name contains "solver"

A benchmark is a module `bench/bench_<name>.py` with a function `run() -> list[Result]`
(`bench.timing`): add a file and it is found, its results printed and their targets
counted. A module whose `run()` (or `main()`) returns anything else prints its own report.
Each module runs in a fresh process, so no benchmark pays for what another left behind.
The exit status is 1 when a target is missed.
"""

from __future__ import annotations

import importlib
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
if str(HERE.parent) not in sys.path:
    sys.path.insert(0, str(HERE.parent))

from bench.timing import Result  # noqa: E402  (the project root must be importable first)

ONE = "--module"


def run_module(name: str) -> int:
    """Run one benchmark module here; 1 when one of its targets is missed."""
    module = importlib.import_module(f"bench.{name}")
    entry = getattr(module, "run", None) or module.main
    returned = entry()
    results = [r for r in returned if isinstance(r, Result)] if isinstance(returned, list) else []
    for result in results:
        print(result.line(), flush=True)
    return 1 if any(not result.met for result in results) else 0


def main(argv: list[str]) -> int:
    if argv[:1] == [ONE]:
        return run_module(argv[1])
    modules = sorted(path.stem for path in HERE.glob("bench_*.py"))
    chosen = [name for name in modules if not argv or any(word in name for word in argv)]
    missed = []
    for name in chosen:
        print(f"== {name}", flush=True)
        if subprocess.run([sys.executable, __file__, ONE, name], check=False).returncode:
            missed.append(name)
    print(f"targets missed in: {', '.join(missed)}" if missed else "every target met")
    return 1 if missed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
