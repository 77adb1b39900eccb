"""DOCX -> paragraphs; superscript runs of digits become sub-numbers (130²).

python-docx opens the package (parts, relationships, content types) and parses the body; the runs
are then read from that XML with lxml's own calls, as python-docx's Run.text and font.superscript
read them: making and reading a Run object costs ~20 µs, the same run read with lxml ~1.5 µs
(bench/docx.py: 500 000 runs in 1.2 s instead of 15 s; ADR-6 has the ratios to its baselines).
"""

from __future__ import annotations

from io import BytesIO
from typing import Any

from lexwatch.errors import InputError
from lexwatch.ids import TO_SUPERSCRIPT
from lexwatch.text.blocks import Block, BlockKind, Extracted

_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_BODY, _P, _TBL, _TR, _TC = f"{{{_W}}}body", f"{{{_W}}}p", f"{{{_W}}}tbl", f"{{{_W}}}tr", f"{{{_W}}}tc"
_T, _BR, _RPR, _VERT_ALIGN = f"{{{_W}}}t", f"{{{_W}}}br", f"{{{_W}}}rPr", f"{{{_W}}}vertAlign"
_TYPE, _VAL = f"{{{_W}}}type", f"{{{_W}}}val"
# What a run's other children read as (python-docx's Run.text); a w:delText, a field's instruction
# (w:instrText) or a drawing reads as nothing.
_SIGNS = {f"{{{_W}}}tab": "\t", f"{{{_W}}}ptab": "\t", f"{{{_W}}}cr": "\n", f"{{{_W}}}noBreakHyphen": "-"}

# Every run of the paragraph's current text: also those inside a hyperlink (a reference "статьей
# 130" linked to the article), a tracked insertion, a field or a content control, which
# paragraph.runs leaves out; not a tracked deletion's (no longer the text) nor a text box's.
# Finding every w:r is lxml's, in C; the XPath that leaves those out costs ~2 µs a run, so it
# reads only a paragraph that holds one of them.
_R = f"{{{_W}}}r"
_LEFT_OUT = (f"{{{_W}}}del", f"{{{_W}}}moveFrom", f"{{{_W}}}txbxContent")
_CURRENT_RUNS = ".//w:r[not(ancestor::w:del) and not(ancestor::w:moveFrom) and not(ancestor::w:txbxContent)]"


def _run_text(run: Any) -> str:
    """A run's text: a soft line break (Shift+Enter) is "\\n", a page or column break nothing; digits
    set as superscript are the sub-number of an article or a part (130²)."""
    parts: list[str] = []
    superscript = False
    for child in run:
        tag = child.tag
        if tag == _T:
            parts.append(child.text or "")
        elif tag == _BR:
            parts.append("\n" if child.get(_TYPE, "textWrapping") == "textWrapping" else "")
        elif tag in _SIGNS:
            parts.append(_SIGNS[tag])
        elif tag == _RPR:   # the schema allows one
            align = child.find(_VERT_ALIGN)
            superscript = align is not None and align.get(_VAL) == "superscript"
    text = "".join(parts)
    if superscript and text.strip().isdigit():
        return text.strip().translate(TO_SUPERSCRIPT)
    return text


def _paragraph_text(paragraph: Any) -> str:
    left_out = next(paragraph.iter(*_LEFT_OUT), None) is not None
    runs = paragraph.xpath(_CURRENT_RUNS) if left_out else paragraph.iter(_R)
    return "".join(_run_text(run) for run in runs)


# A DOCX is a zip that python-docx unpacks part by part, whole: a few KB can declare gigabytes
# (a zip bomb). A real code is a few MB unpacked, at most ~20 times its packed size.
_MAX_UNPACKED = 200 * 2**20
_MAX_RATIO = 100
# python-docx parses every XML part whole, at 6-12 times its size in memory (64 MB of Word's run
# markup: ~2.5 s, +380 MB): no part may be larger. The 2022 code, a run a word in Word's markup, is
# ~13 MB; 200 MB in one part would be 1-2.5 GB of tree.
_MAX_PART = 64 * 2**20
# A run costs ~2.4 µs, loading included, and ~0.7 KB of parsed tree (python-docx's, built before
# the runs are counted): the cap is ~1.2 s and ~370 MB. The 2022 code made into a DOCX has ~3 100
# runs, ~66 000 with a run a word; 500 000 is 7 such codes.
_MAX_RUNS = 500_000


def _check_unpacked_size(data: bytes, name: str) -> None:
    import zipfile

    try:
        with zipfile.ZipFile(BytesIO(data)) as archive:
            sizes = [(info.file_size, info.filename) for info in archive.infolist()]
    except (zipfile.BadZipFile, OSError, ValueError):
        return  # not a zip at all: python-docx says so below
    unpacked = sum(size for size, _ in sizes)
    if unpacked > _MAX_UNPACKED or unpacked > _MAX_RATIO * max(len(data), 2**16):
        raise InputError(f"{name}: the DOCX unpacks to {unpacked / 2**20:.0f} MB from {len(data) / 2**20:.2f} MB;"
                         " refused as a possible zip bomb")
    xml = [(size, part) for size, part in sizes if part.lower().endswith((".xml", ".rels"))]
    largest, part = max(xml, default=(0, ""))
    if largest > _MAX_PART:
        raise InputError(f"{name}: its part {part} is {largest / 2**20:.0f} MB of XML, more than a legal text "
                         f"holds (at most {_MAX_PART // 2**20} MB are read); refused")


def _blocks(body: Any) -> list[Block]:
    """The body's paragraphs and tables in order (not those inside a block-level content control,
    which python-docx's iter_inner_content never read either)."""
    blocks: list[Block] = []
    for item in body.iterchildren(_P, _TBL):
        if item.tag == _P:
            # A soft line break (Shift+Enter) separates lines as a paragraph mark does.
            blocks.extend(Block(line) for line in _paragraph_text(item).split("\n") if line.strip())
            continue
        # Tables in a code are signatures or schedules: kept, but as no article's text. Each
        # <w:tc> is read once, whatever span or vertical merge it claims: python-docx's row.cells
        # repeats a cell for every grid column it spans (a 40 KB file can say 2 000 000 000) and
        # finds a merged cell's text by rebuilding the table for each row below it. A cell's
        # paragraphs read as the body's do (its Paragraph.text left out tracked insertions and fields).
        for row in item.iterchildren(_TR):
            texts = ("\n".join(_paragraph_text(p) for p in tc.iterchildren(_P)) for tc in row.iterchildren(_TC))
            cells = " ".join(text for text in texts if text.strip())
            if cells.strip():
                blocks.append(Block(cells, BlockKind.ASIDE))
    return blocks


def extract(data: bytes, name: str) -> Extracted:
    import docx

    _check_unpacked_size(data, name)
    try:
        word = docx.Document(BytesIO(data))
    except Exception as exc:   # python-docx raises bare KeyError/ValueError/XML errors on damaged files
        raise InputError(f"{name}: not a readable DOCX document ({type(exc).__name__})") from None
    body = word.element.find(_BODY)   # python-docx opens a main part without one, or not a w:document
    if body is None:
        raise InputError(f"{name}: not a readable DOCX document (no <w:body> in its document.xml)")
    runs = int(body.xpath("count(.//w:r)"))
    if runs > _MAX_RUNS:
        raise InputError(f"{name}: {runs:,} text runs, far more than a legal text holds (at most "
                         f"{_MAX_RUNS:,} are read); refused")
    return Extracted(blocks=_blocks(body), format="docx")
