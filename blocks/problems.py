"""Problems found in a file, kept as message codes so each reader gets them in its language."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

Severity = Literal["error", "warning"]


@dataclass(frozen=True, slots=True)
class Problem:
    """One thing wrong at a 1-based line and column; `code` names a message in the catalogue."""

    line: int
    column: int
    code: str
    params: tuple[tuple[str, str], ...] = ()
    severity: Severity = "error"

    @property
    def args(self) -> dict[str, str]:
        return dict(self.params)


def problem(
    line: int, column: int, code: str, *, severity: Severity = "error", **params: object
) -> Problem:
    """Build a Problem; parameters are turned into text once, here."""
    return Problem(line, column, code, _texts(params), severity)


def _texts(params: dict[str, object]) -> tuple[tuple[str, str], ...]:
    return tuple((key, str(value)) for key, value in params.items())


@dataclass
class Problems:
    """Collects every problem of a file instead of stopping at the first."""

    items: list[Problem] = field(default_factory=list)

    def add(self, line: int, column: int, code: str, **params: object) -> None:
        self.items.append(Problem(line, column, code, _texts(params)))

    def warn(self, line: int, column: int, code: str, **params: object) -> None:
        self.items.append(Problem(line, column, code, _texts(params), "warning"))

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.items if p.severity == "error"]

    def __bool__(self) -> bool:
        return bool(self.errors)


def in_file_order(problems: list[Problem]) -> list[Problem]:
    """Problems sorted by line and column, as a trainer reads the file (stable for ties)."""
    return sorted(problems, key=lambda p: (p.line, p.column))


class InvalidInput(Exception):
    """Raised with every problem of a file that cannot be used, in file order."""

    def __init__(self, problems: list[Problem]) -> None:
        super().__init__(problems[0].code if problems else "invalid")
        self.problems = in_file_order(problems)
