"""Diff speed on the two real editions (2020 -> 2022): the whole `lexwatch diff --format json` call,
the diff step against `git diff --no-index --word-diff` and difflib in the same run, and 1x/4x/16x scaling.

Run: python bench/diff.py [--corpus ../shared/corpus] [--repeat 3]
"""

from __future__ import annotations

import argparse
import difflib
import shutil
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

from lexwatch.diff.engine import diff_documents
from lexwatch.diff.normalize import normalize
from lexwatch.ids import ArticleNumber
from lexwatch.text.load import read_document
from lexwatch.text.model import Article, Document

ROOT = Path(__file__).resolve().parents[1]


def best_of(repeat: int, run: Callable[[], object]) -> float:
    """The fastest of `repeat` runs in seconds (the least disturbed by other jobs on the machine)."""
    times = []
    for _ in range(repeat):
        normalize.cache_clear()  # each run pays for normalisation, as one CLI call does
        start = time.perf_counter()
        run()
        times.append(time.perf_counter() - start)
    return min(times)


def scaled(doc: Document, copies: int) -> Document:
    """The code repeated `copies` times, copy k renumbered by k*1000 so article numbers stay unique."""
    articles = [Article(ArticleNumber(a.number.base + k * 1000, a.number.sub), a.title, a.text, a.chapter)
                for k in range(copies) for a in doc.articles]
    return Document(doc.title, articles)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--corpus", type=Path, default=ROOT.parent / "shared" / "corpus")
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    old_path, new_path = args.corpus / "uk_2020-09.txt", args.corpus / "uk_2022-09.txt"
    if not old_path.is_file():
        sys.exit(f"corpus not found at {args.corpus}")

    def run(cmd: list[str]) -> None:
        subprocess.run(cmd, capture_output=True, check=False)

    startup = best_of(args.repeat, lambda: run([sys.executable, "-c", "pass"]))
    cli = best_of(args.repeat, lambda: run([sys.executable, "-m", "lexwatch", "diff", str(old_path),
                                            str(new_path), "--format", "json"]))
    print(f"whole CLI `lexwatch diff --format json`: {cli * 1000:7.1f} ms  (goal < 500 ms; "
          f"bare python start-up {startup * 1000:.1f} ms)")

    old, new = read_document(old_path), read_document(new_path)
    ours = best_of(args.repeat, lambda: diff_documents(old, new))
    old_text, new_text = old_path.read_text("utf-8"), new_path.read_text("utf-8")
    baselines: dict[str, float] = {}
    if shutil.which("git"):
        baselines["git diff --no-index --word-diff (process)"] = best_of(args.repeat, lambda: run(
            ["git", "diff", "--no-index", "--word-diff", str(old_path), str(new_path)]))
    baselines["difflib SequenceMatcher over lines"] = best_of(args.repeat, lambda: difflib.SequenceMatcher(
        None, old_text.splitlines(), new_text.splitlines(), autojunk=False).get_opcodes())
    print(f"diff step (align + word diff, {len(old.articles)} -> {len(new.articles)} articles): {ours * 1000:7.1f} ms")
    for name, seconds in baselines.items():
        print(f"  {name:45s} {seconds * 1000:7.1f} ms   ours / baseline = {ours / seconds:5.2f}x")

    print("scaling (code repeated, copies renumbered):")
    base = None
    for copies in (1, 4, 16):
        a, b = scaled(old, copies), scaled(new, copies)
        seconds = best_of(1 if copies > 4 else args.repeat, lambda a=a, b=b: diff_documents(a, b))
        base = base or seconds
        print(f"  {copies:2d}x ({len(a.articles):5d} articles): {seconds * 1000:8.1f} ms   "
              f"{seconds / base:5.2f}x time for {copies}x text")


if __name__ == "__main__":
    main()
