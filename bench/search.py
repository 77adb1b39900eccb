"""Search speed: `lexwatch drafts search` over both real editions (508 + 526 articles), against two
baselines timed in the same run: a plain FTS5 MATCH of the words as typed (no morphology, SQL snippet,
what the index alone gives) and a Python `in` scan of the lower-cased texts (no index at all).

Each query is timed as a CLI call meets it: the forms of its words looked up afresh (pymorphy3 already
loaded; its load is printed apart), every hit's snippet made. Then the whole `lexwatch drafts search`
process. Hits are counted too: the baselines find other things (no inflections; substrings).

Run: python bench/search.py [--corpus ../shared/corpus] [--repeat 9]
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from timing import best_of, editions

from lexwatch.workspace import Workspace

QUERIES = ("смертная казнь", "геноцид белорусского народа", '"пожизненное заключение"', "шпионаж",
           "лишение свободы", "и", "290/1")


def plain_fts(store: Any, words: list[str]) -> list[str]:
    """FTS5 alone: each word as typed, in quotes (no syntax), the best 50 by rank, with snippets."""
    match = " AND ".join(f'"{w}"' for w in words)
    rows = store.db.execute("SELECT number, snippet(articles_fts, 3, '[', ']', '…', 14) FROM articles_fts"
                            " WHERE articles_fts MATCH ? ORDER BY rank LIMIT 50", (match,)).fetchall()
    return [r[0] for r in rows]


def main() -> None:
    repeat, *paths = editions(__doc__, 9)
    from lexwatch.morph import _analyzer, forms

    start = time.perf_counter()
    _analyzer()
    print(f"pymorphy3 load (once a process, paid by the CLI call below): {(time.perf_counter() - start) * 1000:.0f} ms")
    with tempfile.TemporaryDirectory() as tmp:
        ws = Path(tmp)
        subprocess.run([sys.executable, "-m", "lexwatch", "init", str(ws)], check=True, capture_output=True)
        for path in paths:
            subprocess.run([sys.executable, "-m", "lexwatch", "-w", str(ws), "add", str(path)], check=True,
                           capture_output=True)
        with Workspace.find(ws).open_store() as store:
            texts = [(t.lower(), x.lower()) for t, x in store.db.execute("SELECT title, text FROM articles")]
            print(f"{len(texts)} articles; best of {repeat}, ms (hits in brackets)")
            print(f"  {'query':32s} {'lexwatch':>14s} {'plain FTS5':>14s} {'Python in':>14s}")
            for query in QUERIES:
                ours = best_of(repeat, lambda q=query: store.search(q, limit=50), before=forms.cache_clear)
                hits = len(store.search(query, limit=10_000))
                words = re.findall(r"\w+", query.lower())
                fts = best_of(repeat, lambda w=words: plain_fts(store, w))
                fts_hits = store.db.execute("SELECT count(*) FROM articles_fts WHERE articles_fts MATCH ?",
                                            (" AND ".join(f'"{w}"' for w in words),)).fetchone()[0]

                def scan(w: list[str] = words) -> int:
                    return sum(1 for title, text in texts if all(x in title or x in text for x in w))

                scanned = best_of(repeat, scan)
                print(f"  {query:32s} {ours * 1000:7.1f} ({hits:4d}) {fts * 1000:7.1f} ({fts_hits:4d})"
                      f" {scanned * 1000:7.1f} ({scan():4d})")
        env = {**os.environ, "LEXWATCH_WORKSPACE": str(ws)}
        for query in ("смертная казнь", "и"):
            call = best_of(repeat, lambda q=query: subprocess.run(
                [sys.executable, "-m", "lexwatch", "drafts", "search", q], env=env, capture_output=True, check=False))
            print(f"whole CLI `lexwatch drafts search {query!r}`: {call * 1000:.0f} ms")


if __name__ == "__main__":
    main()
