"""A program file in either form: `.py` is the Python form, anything else the YAML form.

One reader for the command line, the validator and the game, so a file is accepted or
refused the same way wherever it is opened.
"""

from __future__ import annotations

from pathlib import Path

from blocks.parse import load_program
from blocks.program import Program
from blocks.python_form import from_python
from blocks.yaml_nodes import read_text


def read_program(path: str | Path) -> Program:
    """The program in the file at `path`, or InvalidInput with every problem found."""
    text = read_text(path)
    return from_python(text) if str(path).endswith(".py") else load_program(text)
