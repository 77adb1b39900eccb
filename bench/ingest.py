"""Ingest speed: `lexwatch add` on the 0.94 MB Criminal Code, our parser against a bare regex scan, and
PDF extraction (pypdf, our extractor) against pdftotext on a generated 100-page publication.

Run: python bench/ingest.py [--corpus ../shared/corpus] [--repeat 3]
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from io import BytesIO
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))   # the fixture builders render the PDF

from timing import best_of  # noqa: E402  (bench/ is on the path: scripts run as bench/x.py)


def cli(*args: str, cwd: Path) -> None:
    subprocess.run([sys.executable, "-m", "lexwatch", *args], cwd=cwd, check=True, capture_output=True,
                   env={**os.environ, "LEXWATCH_WORKSPACE": str(cwd)})


def bench_add(corpus: Path, repeat: int) -> list[tuple[str, float, str]]:
    txt = corpus / "uk_2022-09.txt"
    rows: list[tuple[str, float, str]] = []

    add_times = []
    for _ in range(repeat):   # a fresh workspace each time: adding the same bytes twice is a no-op
        with tempfile.TemporaryDirectory() as tmp:
            ws = Path(tmp)
            cli("init", str(ws), cwd=ws)
            start = time.perf_counter()
            cli("add", str(txt), cwd=ws)
            add_times.append(time.perf_counter() - start)
    add_time = min(add_times)
    with tempfile.TemporaryDirectory() as tmp:
        ws = Path(tmp)
        cli("init", str(ws), cwd=ws)
        startup = best_of(repeat, lambda: cli("--version", cwd=ws))
    rows.append((f"lexwatch add {txt.name} ({txt.stat().st_size / 1e6:.2f} MB), whole CLI call", add_time,
                 "budget 1 s"))
    rows.append(("  baseline: lexwatch --version (interpreter + CLI start-up)", startup,
                 f"add = {add_time / startup:.1f}x start-up"))
    return rows


def bench_parse(corpus: Path, repeat: int) -> list[tuple[str, float, str]]:
    from lexwatch.text.load import parse_bytes

    data = (corpus / "uk_2022-09.txt").read_bytes()
    parse = best_of(repeat, lambda: parse_bytes(data, "uk.txt"))
    heading = re.compile(r"^Статья (\d+)")

    def scan() -> int:
        return sum(1 for line in data.decode("utf-8").splitlines() if heading.match(line))

    baseline = best_of(repeat, scan)
    articles = len(parse_bytes(data, "uk.txt").articles)
    return [(f"parse_bytes uk_2022-09.txt -> {articles} articles", parse, "budget 0.5 s"),
            ("  baseline: decode + splitlines + regex for headings", baseline, f"parse = {parse / baseline:.1f}x")]


def make_100_pages(corpus: Path) -> tuple[bytes, int]:
    from builders import make_pdf

    from lexwatch.ids import ArticleNumber
    from lexwatch.text.model import Article, Document

    rows = [json.loads(line) for line in
            (corpus / "uk_2022-09.articles.jsonl").read_text(encoding="utf-8").splitlines()]
    chars, articles = 0, []
    for r in rows:   # about 6,000 characters fill an A4 page of the builder's layout
        articles.append(Article(ArticleNumber.parse(r["number"]), r["title"], r["text"], chapter=r["chapter"],
                                section=r["section"], part=r["part"] or ""))
        chars += len(r["text"]) + 80
        if chars > 100 * 5_600:
            break
    data = make_pdf(Document(title="УГОЛОВНЫЙ КОДЕКС РЕСПУБЛИКИ БЕЛАРУСЬ", articles=articles), columns=2)
    from pypdf import PdfReader

    return data, len(PdfReader(BytesIO(data)).pages)


def bench_pdf(corpus: Path, repeat: int) -> list[tuple[str, float, str]]:
    from pypdf import PdfReader

    from lexwatch.text.load import parse_bytes

    data, pages = make_100_pages(corpus)

    def plain_pypdf() -> None:
        for page in PdfReader(BytesIO(data)).pages:
            page.extract_text()

    rows = []
    pypdf_time = best_of(repeat, plain_pypdf)
    ours = best_of(repeat, lambda: parse_bytes(data, "uk.pdf"))
    rows.append((f"pypdf extract_text, {pages} two-column pages", pypdf_time, f"{pages / pypdf_time:.0f} pages/s"))
    rows.append(("lexwatch parse_bytes (pypdf positions + paragraphs + articles)", ours,
                 f"{pages / ours:.0f} pages/s, {ours / pypdf_time:.2f}x pypdf"))
    tool = shutil.which("pdftotext")
    if tool is None:
        rows.append(("  baseline pdftotext: not installed (apt-get install poppler-utils)", float("nan"), "skipped"))
        return rows
    with tempfile.TemporaryDirectory() as tmp:
        pdf = Path(tmp) / "uk.pdf"
        pdf.write_bytes(data)
        for flags in ([], ["-layout"]):
            spent = best_of(repeat, lambda f=flags: subprocess.run(  # type: ignore[misc]
                [tool, *f, str(pdf), str(Path(tmp) / "out.txt")], check=True, capture_output=True))
            rows.append((f"  baseline: pdftotext {' '.join(flags)} (poppler, whole process)".replace("  (", " ("),
                         spent, f"{pages / spent:.0f} pages/s; ours = {ours / spent:.1f}x"))
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--corpus", type=Path, default=ROOT.parent / "shared" / "corpus")
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    if not (args.corpus / "uk_2022-09.txt").is_file():
        sys.exit(f"corpus not found at {args.corpus} (pass --corpus)")
    rows = bench_parse(args.corpus, args.repeat) + bench_add(args.corpus, args.repeat) + \
        bench_pdf(args.corpus, args.repeat)
    width = max(len(name) for name, _, _ in rows)
    print(f"{'what':<{width}}  {'seconds':>8}  note")
    for name, seconds, note in rows:
        shown = "-" if seconds != seconds else f"{seconds:8.3f}"
        print(f"{name:<{width}}  {shown:>8}  {note}")
    print(f"(best of {args.repeat}; {os.cpu_count()} cores shared with other jobs)")


if __name__ == "__main__":
    main()
