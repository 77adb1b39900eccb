"""DOCX (python-docx) -> paragraphs; superscript runs of digits become sub-numbers (130²)."""

from __future__ import annotations

from io import BytesIO

from lexwatch.errors import InputError
from lexwatch.ids import SUPERSCRIPT_DIGITS
from lexwatch.text.blocks import Block, BlockKind, Extracted

_TO_SUPER = str.maketrans("0123456789", SUPERSCRIPT_DIGITS)


def _paragraph_text(paragraph: object) -> str:
    parts: list[str] = []
    for run in paragraph.runs:   # type: ignore[attr-defined]
        text = run.text
        if run.font.superscript and text.strip().isdigit():
            text = text.strip().translate(_TO_SUPER)
        parts.append(text)
    return "".join(parts)


def extract(data: bytes, name: str) -> Extracted:
    import docx
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    try:
        word = docx.Document(BytesIO(data))
    except Exception as exc:   # python-docx raises bare KeyError/ValueError/XML errors on damaged files
        raise InputError(f"{name}: not a readable DOCX document ({type(exc).__name__})") from None
    blocks: list[Block] = []
    for item in word.iter_inner_content():
        if isinstance(item, Paragraph):
            # A soft line break (Shift+Enter) separates lines as a paragraph mark does.
            blocks.extend(Block(line) for line in _paragraph_text(item).split("\n") if line.strip())
        elif isinstance(item, Table):
            # Tables in a code are signatures or schedules: kept, but as no article's text.
            for row in item.rows:
                cells = " ".join(cell.text for cell in row.cells if cell.text.strip())
                if cells.strip():
                    blocks.append(Block(cells, BlockKind.ASIDE))
    return Extracted(blocks=blocks, format="docx")
