"""What every benchmark times with: the fastest of N runs (the least disturbed by other jobs)."""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable
from pathlib import Path

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus"


def editions(description: str | None, repeat: int) -> tuple[int, Path, Path]:
    """The --corpus and --repeat options every corpus benchmark takes: (repeat, the 2020 edition,
    the 2022 edition); exits naming the folder when the two editions are not there."""
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    parser.add_argument("--repeat", type=int, default=repeat)
    args = parser.parse_args()
    old, new = args.corpus / "uk_2020-09.txt", args.corpus / "uk_2022-09.txt"
    if not (old.is_file() and new.is_file()):
        sys.exit(f"corpus not found at {args.corpus} (pass --corpus)")
    return args.repeat, old, new


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
