"""Diff speed on the two real editions (2020 -> 2022), every figure next to a baseline of the same run:
the whole `lexwatch diff --format json` call (against bare python, `lexwatch --version` and git), its
stages (parse, diff, JSON) against read+splitlines, `git diff --no-index --word-diff`, difflib and
json.dumps, the C++ and pure-Python diff-match-patch, and 1x/4x/16x scaling. Best of --repeat runs.

Run: python bench/diff.py [--corpus ../shared/corpus] [--repeat 5]
"""

from __future__ import annotations

import difflib
import json
import os
import shutil
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import timing

from lexwatch.cli.main import tune_gc
from lexwatch.diff import words
from lexwatch.diff.align import align
from lexwatch.diff.engine import diff_documents
from lexwatch.diff.normalize import normalize
from lexwatch.diff.render import RenderOptions, renderer, to_json
from lexwatch.ids import ArticleNumber
from lexwatch.text.load import read_document
from lexwatch.text.model import Article, Document

ROOT = Path(__file__).resolve().parents[1]
GOAL_CLI_MS = 500


def best_of(repeat: int, run: Callable[[], object]) -> float:
    """Each run pays for normalisation, as one CLI call does."""
    return timing.best_of(repeat, run, before=normalize.cache_clear)


def scaled(doc: Document, copies: int) -> Document:
    """The code repeated `copies` times, copy k renumbered by k*1000 so article numbers stay unique
    and its texts marked with k so that no copy is served from another's normalisation cache."""
    articles = [Article(ArticleNumber(a.number.base + k * 1000, a.number.sub), a.title,
                        f"{a.text}\nКопия {k}." if k else a.text, a.chapter)
                for k in range(copies) for a in doc.articles]
    return Document(doc.title, articles)


def pure_python(flag: bool) -> None:
    """Switch the word diff between the C++ port (when installed) and pure-Python diff-match-patch."""
    if flag:
        os.environ["LEXWATCH_PURE_PYTHON"] = "1"
    else:
        os.environ.pop("LEXWATCH_PURE_PYTHON", None)
    words._native.cache_clear()


def row(name: str, seconds: float, baseline: float | None = None, note: str = "") -> None:
    ratio = f"  {seconds / baseline:6.2f}x baseline" if baseline else ""
    print(f"  {name:52s} {seconds * 1000:8.1f} ms{ratio}{'  ' + note if note else ''}")


def main() -> None:
    repeat, old_path, new_path = timing.editions(__doc__, 5)
    native = words.native_available()
    has_git = shutil.which("git") is not None

    def run(cmd: list[str], env: dict[str, str] | None = None) -> int:
        return subprocess.run(cmd, capture_output=True, check=False, env=env).returncode

    def lexwatch(*extra: str, env: dict[str, str] | None = None) -> Callable[[], int]:
        cmd = [sys.executable, "-m", "lexwatch", "diff", str(old_path), str(new_path), "--format", "json", *extra]
        return lambda: run(cmd, env)

    # Bytecode as an installed package has it: with PYTHONDONTWRITEBYTECODE set (as in some
    # sandboxes) every CLI call would compile lexwatch's sources again (~20 ms).
    run([sys.executable, "-m", "compileall", "-q", str(ROOT / "lexwatch")])
    git_cmd = ["git", "diff", "--no-index", "--word-diff", str(old_path), str(new_path)]
    engine = "C++ fast-diff-match-patch" if native else "pure-Python diff-match-patch"
    print(f"lexwatch diff {old_path.name} -> {new_path.name}  (word diff: {engine}; best of {repeat})")

    # Whole calls are timed in rounds (each command once a round) so that a busy spell on the
    # machine slows every command alike instead of one row.
    calls: dict[str, Callable[[], int]] = {
        "baseline: bare python start-up": lambda: run([sys.executable, "-c", "pass"]),
        "baseline: lexwatch --version (python + typer + CLI)": lambda: run(
            [sys.executable, "-m", "lexwatch", "--version"]),
    }
    if has_git:
        calls["baseline: git diff --no-index --word-diff"] = lambda: run(git_cmd)
    options = [("", ())]
    if lexwatch("--no-flags")() != 2:  # exit 2: a CLI without the flags stage and its option
        options.append((" --no-flags", ("--no-flags",)))
    pure_env = {**os.environ, "LEXWATCH_PURE_PYTHON": "1"}
    for env, how in [(None, "C++" if native else "pure Python")] + ([(pure_env, "pure Python")] if native else []):
        for option, extra in options:
            calls[f"lexwatch diff --format json{option} ({how})"] = lexwatch(*extra, env=env)
    fastest = dict.fromkeys(calls, float("inf"))
    for _ in range(repeat):
        for name, call in calls.items():
            start = time.perf_counter()
            call()
            fastest[name] = min(fastest[name], time.perf_counter() - start)
    print(f"whole CLI call (goal < {GOAL_CLI_MS} ms):")
    version = fastest["baseline: lexwatch --version (python + typer + CLI)"]
    git = fastest.get("baseline: git diff --no-index --word-diff")
    for name, seconds in fastest.items():
        if name.startswith("baseline"):
            row(name, seconds)
        else:
            row(name, seconds, version, "under goal" if seconds * 1000 < GOAL_CLI_MS else "OVER goal")

    tune_gc()  # the in-process stages run under the CLI's collector settings
    print("stages, in process (garbage collector tuned as the CLI tunes it):")
    raw = best_of(repeat, lambda: [p.read_text("utf-8").splitlines() for p in (old_path, new_path)])
    parse = best_of(repeat, lambda: [read_document(p) for p in (old_path, new_path)])
    row("baseline: read + decode + splitlines, both files", raw)
    row("parse both files (read_document)", parse, raw)
    old, new = read_document(old_path), read_document(new_path)
    old_text, new_text = old_path.read_text("utf-8"), new_path.read_text("utf-8")
    lines = best_of(repeat, lambda: difflib.SequenceMatcher(
        None, old_text.splitlines(), new_text.splitlines(), autojunk=False).get_opcodes())
    row("baseline: difflib SequenceMatcher over lines", lines)
    label = f"diff step ({len(old.articles)} -> {len(new.articles)} articles)"
    step = best_of(repeat, lambda: diff_documents(old, new))
    row(f"{label}, {'C++' if native else 'pure Python'}", step, git, "vs git (goal <= 2x)" if git else "")
    # Where the step's time goes, each part against git too: what is left to win, and where.
    pairs = [(p.old, p.new) for p in align(old.articles, new.articles)]
    kept = [(a, b) for a, b in pairs if a is not None and b is not None]
    changed = [(a, b) for a, b in kept if a.text != b.text or a.title != b.title]
    # What the step normalises: both sides of a changed pair and an added or removed text; an
    # unchanged article is not normalised unless an output reads it (ArticleDiff's lazy ops).
    alone = [a or b for a, b in pairs if a is None or b is None]
    compared = [t for a, b in changed for t in (a.text, b.text, a.title, b.title)]
    compared += [a.text for a in alone if a is not None]
    row("  of it: align", best_of(repeat, lambda: align(old.articles, new.articles)), git)
    row(f"  of it: normalise the {len(compared)} texts and titles compared", best_of(
        repeat, lambda: [normalize(t) for t in compared]), git)
    texts = [(normalize(a.text), normalize(b.text)) for a, b in changed]
    row(f"  of it: word diff of the {len(changed)} changed articles", timing.best_of(
        repeat, lambda: [words.diff_words(a, b) for a, b in texts]), git)
    if native:
        pure_python(True)
        row(f"{label}, pure Python", best_of(repeat, lambda: diff_documents(old, new)), git)
        pure_python(False)
    diff = diff_documents(old, new)
    compact = best_of(repeat, lambda: json.dumps(to_json(diff), ensure_ascii=False))
    row("baseline: json.dumps compact (C encoder)", compact)
    row("json.dumps(indent=2) (pure-Python encoder)", best_of(repeat, lambda: json.dumps(
        to_json(diff), ensure_ascii=False, indent=2)), compact)
    row("JSON redline, the same text (our emitter)", best_of(repeat, lambda: renderer("json")(
        diff, RenderOptions())), compact)

    print("scaling (code repeated, copies renumbered; must stay near-linear):")
    base = None
    for copies in (1, 4, 16):
        a, b = scaled(old, copies), scaled(new, copies)
        seconds = best_of(1 if copies > 4 else repeat, lambda a=a, b=b: diff_documents(a, b))
        base = base or seconds
        row(f"{copies:2d}x ({len(a.articles):5d} articles)", seconds, base, f"for {copies}x the text")


if __name__ == "__main__":
    main()
