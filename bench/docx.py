"""DOCX reading speed: lexwatch's extractor on the 2022 Criminal Code made into Word files (a run a
line, a run a word) and on a file of just under the run cap, each next to two baselines of the
same file: python-docx's own `Document()` load plus every paragraph's text (the per-object cost the
extractor avoids), and unzip + lxml parse of word/document.xml (the floor: no text read at all).
The files are built with python-docx in a temporary folder, never in the repository.

Run: python bench/docx.py [--corpus ../shared/corpus] [--repeat 3]
"""

from __future__ import annotations

import argparse
import os
import re
import sys
import tempfile
import zipfile
from io import BytesIO
from pathlib import Path
from xml.sax.saxutils import escape

from timing import best_of

from lexwatch.ids import FROM_SUPERSCRIPT, SUPERSCRIPT_DIGITS
from lexwatch.text import extract_docx
from lexwatch.text.load import extract

ROOT = Path(__file__).resolve().parents[1]
# Run as bench/docx.py, this script's folder comes first on sys.path and its name would hide
# python-docx's `docx` package (imported lazily, below and by the extractor): the folder goes.
sys.path[:] = [entry for entry in sys.path if Path(entry or ".").resolve() != ROOT / "bench"]
_NS = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
_SUPERSCRIPT = re.compile(f"([{SUPERSCRIPT_DIGITS}]+)")


def _run(text: str, superscript: bool = False) -> str:
    props = '<w:rPr><w:vertAlign w:val="superscript"/></w:rPr>' if superscript else ""
    return f'<w:r>{props}<w:t xml:space="preserve">{escape(text)}</w:t></w:r>'


def _runs(line: str, per_word: bool) -> list[str]:
    """A line's runs: its sub-numbers (130²) as superscript digits, the rest one run or a run a word
    (what Word leaves after edits and spell-checks split a paragraph)."""
    runs = []
    for piece in _SUPERSCRIPT.split(line):
        if piece and piece[0] in SUPERSCRIPT_DIGITS:
            runs.append(_run(piece.translate(FROM_SUPERSCRIPT), superscript=True))
        elif piece and per_word:
            runs.extend(_run(word) for word in re.findall(r"\S+\s*|\s+", piece))
        elif piece:
            runs.append(_run(piece))
    return runs


def make_docx(lines: list[str], per_word: bool, max_runs: int | None = None) -> tuple[bytes, int]:
    """The lines as Word paragraphs, cycled until `max_runs` runs when given; (bytes, runs)."""
    import docx
    from docx.oxml import parse_xml

    paragraphs: list[str] = []
    total = 0
    while True:
        for line in lines:
            runs = _runs(line, per_word)[:None if max_runs is None else max_runs - total]
            paragraphs.append(f"<w:p>{''.join(runs)}</w:p>")
            total += len(runs)
            if total == max_runs:
                break
        if max_runs is None or total == max_runs:
            break
    word = docx.Document()
    section = word.element.body[-1]
    for start in range(0, len(paragraphs), 1000):
        for paragraph in parse_xml(f"<w:body {_NS}>{''.join(paragraphs[start:start + 1000])}</w:body>"):
            section.addprevious(paragraph)
    buf = BytesIO()
    word.save(buf)
    return buf.getvalue(), total


def python_docx_paragraphs(path: Path) -> None:
    import docx

    for paragraph in docx.Document(str(path)).paragraphs:
        paragraph.text  # noqa: B018  (the read is what is timed)


def lxml_parse(path: Path) -> None:
    from lxml import etree

    with zipfile.ZipFile(path) as archive:
        etree.fromstring(archive.read("word/document.xml"), etree.XMLParser(remove_blank_text=True))


def bench(name: str, path: Path, runs: int, repeat: int) -> list[tuple[str, float, str]]:
    data = path.read_bytes()
    ours = best_of(repeat, lambda: extract(data, path.name))
    paragraphs = best_of(repeat, lambda: python_docx_paragraphs(path))
    floor = best_of(repeat, lambda: lxml_parse(path))
    return [(f"{name}: {runs:,} runs, {len(data) / 2**20:.2f} MB", ours,
             f"{ours / runs * 1e6:.1f} µs a run; lexwatch extract (python-docx load + lxml read)"),
            ("  baseline: python-docx Document() + every paragraph.text", paragraphs,
             f"extract = {ours / paragraphs:.2f}x"),
            ("  baseline: unzip + lxml parse of word/document.xml", floor, f"extract = {ours / floor:.1f}x")]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--corpus", type=Path, default=ROOT.parent / "shared" / "corpus")
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    source = args.corpus / "uk_2022-09.txt"
    if not source.is_file():
        sys.exit(f"corpus not found at {args.corpus} (pass --corpus)")
    lines = [line for line in source.read_text(encoding="utf-8").splitlines() if line.strip()]
    cap = extract_docx._MAX_RUNS
    files = [("the 2022 code, a run a line", False, None), ("the 2022 code, a run a word", True, None),
             ("just under the cap, a run a word", True, cap - 1)]
    rows: list[tuple[str, float, str]] = []
    with tempfile.TemporaryDirectory() as tmp:
        for index, (name, per_word, max_runs) in enumerate(files):
            data, runs = make_docx(lines, per_word, max_runs)
            path = Path(tmp) / f"uk-{index}.docx"
            path.write_bytes(data)
            rows += bench(name, path, runs, args.repeat)
    width = max(len(name) for name, _, _ in rows)
    print(f"{'what':<{width}}  {'seconds':>8}  note")
    for name, seconds, note in rows:
        print(f"{name:<{width}}  {seconds:8.3f}  {note}")
    print(f"(best of {args.repeat}; {os.cpu_count()} cores shared with other jobs)")


if __name__ == "__main__":
    main()
