"""What every benchmark times with: the fastest of N runs (the least disturbed by other jobs)."""

from __future__ import annotations

import time
from collections.abc import Callable


def best_of(repeat: int, run: Callable[[], object], before: Callable[[], object] | None = None) -> float:
    """The fastest of `repeat` runs of `run`, in seconds; `before` runs untimed before each one."""
    times = []
    for _ in range(repeat):
        if before is not None:
            before()
        start = time.perf_counter()
        run()
        times.append(time.perf_counter() - start)
    return min(times)
