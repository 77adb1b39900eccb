"""DOCX (python-docx) -> paragraphs; superscript runs of digits become sub-numbers (130²)."""

from __future__ import annotations

from io import BytesIO

from lexwatch.errors import InputError
from lexwatch.ids import TO_SUPERSCRIPT
from lexwatch.text.blocks import Block, BlockKind, Extracted

# Every run of the paragraph's current text: also those inside a hyperlink (a reference "статьей
# 130" linked to the article), a tracked insertion, a field or a content control, which
# paragraph.runs leaves out; not a tracked deletion's (no longer the text) nor a text box's.
_RUNS = ".//w:r[not(ancestor::w:del) and not(ancestor::w:moveFrom) and not(ancestor::w:txbxContent)]"


def _paragraph_text(paragraph: object) -> str:
    from docx.text.run import Run

    parts: list[str] = []
    for element in paragraph._p.xpath(_RUNS):   # type: ignore[attr-defined]
        run = Run(element, paragraph)   # type: ignore[arg-type]
        text = run.text
        if run.font.superscript and text.strip().isdigit():
            text = text.strip().translate(TO_SUPERSCRIPT)
        parts.append(text)
    return "".join(parts)


# A DOCX is a zip that python-docx unpacks part by part, whole: a few KB can declare gigabytes
# (a zip bomb). A real code is a few MB unpacked, at most ~20 times its packed size.
_MAX_UNPACKED = 200 * 2**20
_MAX_RATIO = 100
_MAX_RUNS = 500_000  # ~10 s of python-docx; the 2022 code made into a DOCX has ~3 000


def _check_unpacked_size(data: bytes, name: str) -> None:
    import zipfile

    try:
        with zipfile.ZipFile(BytesIO(data)) as archive:
            unpacked = sum(info.file_size for info in archive.infolist())
    except (zipfile.BadZipFile, OSError, ValueError):
        return  # not a zip at all: python-docx says so below
    if unpacked > _MAX_UNPACKED or unpacked > _MAX_RATIO * max(len(data), 2**16):
        raise InputError(f"{name}: the DOCX unpacks to {unpacked / 2**20:.0f} MB from {len(data) / 2**20:.2f} MB;"
                         " refused as a possible zip bomb")


def extract(data: bytes, name: str) -> Extracted:
    import docx
    from docx.table import Table, _Cell
    from docx.text.paragraph import Paragraph

    _check_unpacked_size(data, name)
    try:
        word = docx.Document(BytesIO(data))
    except Exception as exc:   # python-docx raises bare KeyError/ValueError/XML errors on damaged files
        raise InputError(f"{name}: not a readable DOCX document ({type(exc).__name__})") from None
    # Reading a run costs python-docx ~20 µs: a 40 KB file of tiny runs under the unpack cap could
    # take minutes. A real code has a few thousand to tens of thousands; counting them is lxml's, in C.
    runs = int(word.element.body.xpath("count(.//w:r)"))
    if runs > _MAX_RUNS:
        raise InputError(f"{name}: {runs:,} text runs, far more than a legal text holds (at most "
                         f"{_MAX_RUNS:,} are read); refused")
    blocks: list[Block] = []
    try:
        for item in word.iter_inner_content():
            if isinstance(item, Paragraph):
                # A soft line break (Shift+Enter) separates lines as a paragraph mark does.
                blocks.extend(Block(line) for line in _paragraph_text(item).split("\n") if line.strip())
            elif isinstance(item, Table):
                # Tables in a code are signatures or schedules: kept, but as no article's text. Each
                # <w:tc> is read once: python-docx's row.cells repeats a cell for every grid column it
                # spans (a 40 KB file can say 2 000 000 000) and finds a merged cell's text by
                # rebuilding the table for each row below it (minutes for a few thousand rows).
                for row in item.rows:
                    texts = (_Cell(tc, item).text for tc in row._tr.tc_lst)
                    cells = " ".join(text for text in texts if text.strip())
                    if cells.strip():
                        blocks.append(Block(cells, BlockKind.ASIDE))
    except Exception as exc:   # attribute values are parsed when read: gridSpan="x" is a ValueError
        raise InputError(f"{name}: not a readable DOCX document ({type(exc).__name__}: {exc})"[:300]) from None
    return Extracted(blocks=blocks, format="docx")
