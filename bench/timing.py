"""What every benchmark returns, and timing that holds up on a noisy, shared machine.

A figure alone says little on a 2-core PC shared with other work, so each benchmark
also times a baseline in the same run and reports the ratio; work and baseline run turn
about, several times, and the medians are compared.
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


def paired_medians(
    work: Callable[[], object], baseline: Callable[[], object], repeats: int
) -> tuple[float, float]:
    """Median seconds of `work()` and of `baseline()`, run turn about `repeats` times each."""
    work_times: list[float] = []
    baseline_times: list[float] = []
    for _ in range(repeats):
        baseline_times.append(seconds(baseline))
        work_times.append(seconds(work))
    return statistics.median(work_times), statistics.median(baseline_times)


def seconds(job: Callable[[], object]) -> float:
    started = time.perf_counter()
    job()
    return time.perf_counter() - started
