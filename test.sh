#!/usr/bin/env bash
# Set up a test environment (first time only) and run every check: lint, format, types,
# the architecture rule and the whole test suite. Exits non-zero if anything fails.
set -euo pipefail
cd "$(dirname "$0")"
VENV="${ROBOBLOCS_VENV:-.venv}"
if [ ! -x "$VENV/bin/python" ]; then
    python3 -m venv "$VENV"
    "$VENV/bin/python" -m pip install --quiet --upgrade pip
fi
"$VENV/bin/python" -m pip install --quiet -e '.[test]'
PY="$VENV/bin/python"
export SDL_VIDEODRIVER=dummy SDL_AUDIODRIVER=dummy

echo "== ruff (lint)"
"$PY" -m ruff check .
echo "== ruff (format)"
"$PY" -m ruff format --check .
echo "== mypy"
"$PY" -m mypy blocks game
echo "== pytest"
set +e
"$PY" -m pytest -q "$@"
status=$?
set -e
if [ "$status" -eq 5 ]; then
    echo "pytest collected no tests: that is a failure here" >&2
    exit 1
fi
exit "$status"
