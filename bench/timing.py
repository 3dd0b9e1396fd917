"""What every benchmark returns, and timing that holds up on a noisy, shared machine.

A figure alone says little on a 2-core PC shared with other work, so each benchmark
also times a baseline in the same run and reports the ratio; work and baseline run turn
about, several times, and medians are reported.
"""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Result:
    """One measured figure against its baseline, and whether it meets its target."""

    name: str
    seconds: float
    baseline: str
    baseline_seconds: float
    ratio: float
    meaning: str
    target: str
    met: bool

    def line(self) -> str:
        verdict = "ok" if self.met else "MISSED"
        return (
            f"{self.name:<12} {self.ratio:8.2f}  {self.meaning}\n"
            f"{'':<12} {self.seconds:8.3f} s, baseline {self.baseline}: "
            f"{self.baseline_seconds:.3f} s; target {self.target}: {verdict}"
        )


@dataclass(frozen=True, slots=True)
class Paired:
    """Medians of the work's and the baseline's times, and the median of their ratios."""

    seconds: float
    baseline_seconds: float
    ratio: float


def paired(work: Callable[[], object], baseline: Callable[[], object], repeats: int) -> Paired:
    """Time `work()` then `baseline()`, `repeats` times over.

    Each pair runs back to back, so a busy spell of the machine mostly slows both of a
    pair alike; the median of the pairs' ratios is steadier than the ratio of medians.
    """
    pairs = [(seconds(work), seconds(baseline)) for _ in range(repeats)]
    return Paired(
        statistics.median(w for w, _ in pairs),
        statistics.median(b for _, b in pairs),
        statistics.median(w / b for w, b in pairs),
    )


def paired_medians(
    work: Callable[[], object], baseline: Callable[[], object], repeats: int
) -> tuple[float, float]:
    """Median seconds of `work()` and of `baseline()`, timed as `paired` does."""
    timed = paired(work, baseline, repeats)
    return timed.seconds, timed.baseline_seconds


def seconds(job: Callable[[], object]) -> float:
    started = time.perf_counter()
    job()
    return time.perf_counter() - started
