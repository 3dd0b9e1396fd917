#!/usr/bin/env bash
# Set up RoboBlocs on this machine (first time only) and open the game.
# Any arguments are passed on: `bash play.sh --lang ar`, `bash play.sh play levels/basics/first-steps.yaml`.
set -euo pipefail
cd "$(dirname "$0")"
VENV="${ROBOBLOCS_VENV:-.venv}"
if [ ! -x "$VENV/bin/python" ]; then
    python3 -m venv "$VENV"
    "$VENV/bin/python" -m pip install --quiet --upgrade pip
fi
if ! "$VENV/bin/python" -c "import game, pygame, yaml" 2>/dev/null; then
    "$VENV/bin/python" -m pip install --quiet -e .
fi
exec "$VENV/bin/python" main.py "$@"
