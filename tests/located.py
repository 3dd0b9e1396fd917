"""Problems as (line, column, code) triples: the way the tests compare where problems are."""

from __future__ import annotations

from collections.abc import Iterable

from blocks.problems import Problem


def where(problems: Iterable[Problem]) -> list[tuple[int, int, str]]:
    return [(p.line, p.column, p.code) for p in problems]
