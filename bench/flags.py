"""Flags: precision and recall per pack on the labelled set, and what flagging adds to `lexwatch diff`.

Accuracy comes from tests/data/flag_cases.toml ("pack:direction" labels; goal: both >= 0.95 overall,
no death-penalty or genocide label missed). Speed is measured on the two real editions
(uk_2020-09.txt -> uk_2022-09.txt) beside the diff itself and a naive full lemmatisation, all in
this run. Exit status 1 when an accuracy goal is missed.

Run: python bench/flags.py [--corpus ../shared/corpus] [--repeat 5]
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import time
from pathlib import Path

from timing import best_of

from lexwatch.diff.engine import diff_documents
from lexwatch.flags import annotate_diff, load_packs
from lexwatch.flags.evaluate import load_cases, score
from lexwatch.text.load import read_document

ROOT = Path(__file__).resolve().parents[1]
CASES = ROOT / "tests" / "data" / "flag_cases.toml"
MUST_NOT_MISS = ("death-penalty", "genocide")


def accuracy() -> bool:
    cases = load_cases(CASES)
    scores = score(cases, load_packs(None))
    print(f"labelled set: {len(cases)} cases, {CASES.relative_to(ROOT)}")
    print(f"  {'pack':15s} {'precision':>9s} {'recall':>7s}   tp  fp  fn")
    for name, s in scores.items():
        print(f"  {name:15s} {s.precision:9.3f} {s.recall:7.3f}  {s.tp:3d} {s.fp:3d} {s.fn:3d}")
    for s in scores.values():
        for line in s.missed:
            print(f"  missed   {line}")
        for line in s.spurious:
            print(f"  spurious {line}")
    overall = scores["overall"]
    ok = overall.precision >= 0.95 and overall.recall >= 0.95 and \
        all(not scores[p].missed for p in MUST_NOT_MISS if p in scores)
    print(f"  goal (P, R >= 0.95 overall; nothing missed in {', '.join(MUST_NOT_MISS)}): {'met' if ok else 'MISSED'}")
    return ok


def speed(corpus: Path, repeat: int) -> None:
    old_path, new_path = corpus / "uk_2020-09.txt", corpus / "uk_2022-09.txt"
    old, new = read_document(old_path), read_document(new_path)
    packs = load_packs(None)
    diff_time = best_of(repeat, lambda: diff_documents(old, new))
    diff = diff_documents(old, new)
    first_start = time.perf_counter()
    annotate_diff(diff, packs)   # first call in this process: compiles the packs' matcher
    first = time.perf_counter() - first_start
    flags_time = best_of(repeat, lambda: annotate_diff(diff, packs))
    changed = [a for a in diff.articles if a.status != "unchanged" and not a.technical]
    flagged = sum(1 for a in diff.articles if a.flags)
    sanctioned = sum(1 for a in diff.articles if a.sanctions)
    print(f"\ncorpus diff {old_path.name} -> {new_path.name}: {len(changed)} changed articles, "
          f"{flagged} flagged, {sanctioned} with sanction changes")
    print(f"  diff step (baseline)                               {diff_time * 1000:7.1f} ms")
    print(f"  flags + sanctions, first call (matcher compiled)   {first * 1000:7.1f} ms   "
          f"= {first / diff_time:4.2f}x the diff")
    print(f"  flags + sanctions, again                           {flags_time * 1000:7.1f} ms   "
          f"= {flags_time / diff_time:4.2f}x the diff")

    from lexwatch.morph import lemmas

    def naive() -> None:  # what lemmatising both sides of every changed article would cost
        for item in changed:
            for article in (item.old, item.new):
                if article:
                    lemmas(article.text)

    load_start = time.perf_counter()
    from lexwatch.morph import lemma
    lemma("казнь")
    load = time.perf_counter() - load_start
    print(f"  baseline: pymorphy3 load (not paid by flags)       {load * 1000:7.1f} ms")
    print(f"  baseline: lemmas of every word, changed articles   {best_of(1, naive) * 1000:7.1f} ms (first, uncached)")

    def cli(*extra: str) -> None:
        subprocess.run([sys.executable, "-m", "lexwatch", "diff", str(old_path), str(new_path), "--format", "json",
                        *extra], capture_output=True, check=False)

    with_flags = best_of(repeat, cli)
    without = best_of(repeat, lambda: cli("--no-flags"))
    print(f"  whole CLI `lexwatch diff --format json`            {with_flags * 1000:7.1f} ms; --no-flags "
          f"{without * 1000:.1f} ms: flagging adds {(with_flags - without) * 1000:.1f} ms (goal < 200 ms)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--corpus", type=Path, default=ROOT.parent / "shared" / "corpus")
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    ok = accuracy()
    if (args.corpus / "uk_2020-09.txt").is_file():
        speed(args.corpus, args.repeat)
    else:
        print(f"\ncorpus not found at {args.corpus}: speed not measured")
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
