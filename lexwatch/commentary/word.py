"""A Markdown draft as a Word document: the commentator's own tool, the same text and marks.

The draft is made from a Markdown template as always, then read with markdown-it (the CommonMark
parser rich already brings) and written with python-docx: headings, paragraphs, block quotations,
lists, tables, bold, italics, struck-out text, and the <strong>/<del> a redline falls back to."""

from __future__ import annotations

import io
from dataclasses import dataclass, field
from typing import Any

from lexwatch.diff.render_html import a4_docx, docx_run

# The inline HTML a Markdown redline writes where "**" or "~~" cannot be read as a mark.
_TAGS = {"<strong>": ("bold", 1), "</strong>": ("bold", -1), "<b>": ("bold", 1), "</b>": ("bold", -1),
         "<del>": ("strike", 1), "</del>": ("strike", -1), "<s>": ("strike", 1), "</s>": ("strike", -1),
         "<em>": ("italic", 1), "</em>": ("italic", -1), "<i>": ("italic", 1), "</i>": ("italic", -1)}
_MARKS = {"strong": "bold", "em": "italic", "s": "strike"}


@dataclass
class _Marks:
    bold: int = 0
    italic: int = 0
    strike: int = 0
    # per link open, the address to print after its text: "" for an autolink, whose text is its
    # address already (decoded: "%D0%B0" shows as "а", so the two cannot be compared)
    links: list[str] = field(default_factory=list)


def _runs(para: Any, children: list[Any], bold: bool = False) -> None:
    """A paragraph's inline tokens as runs (all bold in a table's header)."""
    marks = _Marks(bold=int(bold))

    def add(text: str, mono: bool = False) -> None:
        run = docx_run(para, text, bold=marks.bold > 0, italic=marks.italic > 0, strike=marks.strike > 0)
        if mono:
            run.font.name = "Courier New"

    for token in children:
        kind = token.type
        if kind == "text":
            add(token.content)
        elif kind == "softbreak":
            add(" ")
        elif kind == "hardbreak":
            para.add_run().add_break()
        elif kind == "code_inline":
            add(token.content, mono=True)
        elif kind.endswith(("_open", "_close")) and kind.rsplit("_", 1)[0] in _MARKS:
            name = _MARKS[kind.rsplit("_", 1)[0]]
            setattr(marks, name, getattr(marks, name) + (1 if kind.endswith("_open") else -1))
        elif kind == "html_inline" and token.content.lower() in _TAGS:
            name, step = _TAGS[token.content.lower()]
            setattr(marks, name, getattr(marks, name) + step)
        elif kind == "link_open":
            marks.links.append("" if token.markup == "autolink" else str(token.attrs.get("href", "")))
        elif kind == "link_close" and marks.links:
            address = marks.links.pop()
            if address:
                add(f" ({address})")
        else:  # an image's text; other inline HTML as written
            add(token.content)


def markdown_docx(text: str) -> bytes:
    """The Markdown `text` as a .docx file."""
    from markdown_it import MarkdownIt

    tokens = MarkdownIt("commonmark").enable(["strikethrough", "table"]).parse(text)
    document = a4_docx()
    quote = 0
    lists: list[str] = []
    heading: int | None = None
    rows: list[list[tuple[Any, bool]]] | None = None  # a table's cells (inline token, header?), while read
    header = False
    body = _Body(document)
    for token in tokens:
        kind = token.type
        if kind == "heading_open":
            heading = int(token.tag[1])
        elif kind == "heading_close":
            heading = None
        elif kind in ("blockquote_open", "blockquote_close"):
            quote += 1 if kind.endswith("open") else -1
        elif kind in ("bullet_list_open", "ordered_list_open"):
            lists.append("List Bullet" if kind.startswith("bullet") else "List Number")
        elif kind in ("bullet_list_close", "ordered_list_close"):
            lists.pop()
        elif kind == "table_open":
            rows = []
        elif kind == "tr_open" and rows is not None:
            rows.append([])
        elif kind == "th_open":
            header = True
        elif kind == "td_open":
            header = False
        elif kind == "table_close" and rows:
            _table(document, rows)
            rows = None
        elif kind == "inline":
            if rows is not None:
                rows[-1].append((token, header))
                continue
            style = f"Heading {min(heading, 9)}" if heading is not None else \
                lists[-1] if lists else "Quote" if quote else None
            para = body.paragraph(style)
            _runs(para, token.children or [])
        elif kind in ("fence", "code_block", "html_block"):
            para = body.paragraph("Quote" if quote else None)
            docx_run(para, token.content.rstrip("\n"))
        elif kind == "hr":
            docx_run(body.paragraph(), "—")
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


class _Body:
    """Paragraphs put at the end of a document's body, as python-docx's `add_paragraph` does, without
    its two slow paths: it looks a style up through every style of the document at each paragraph
    (~0.7 ms: 0.75 s of a whole code's draft), and it finds the body's end (the section properties
    after the last paragraph) by reading the body from its start, each time (16 000 paragraphs: 2.6
    s, 32 000: 10 s). Each style's id is found once, and the end once."""

    def __init__(self, document: Any) -> None:
        self.document = document
        self.end = document.element.body.sectPr
        self.ids: dict[str, str] = {}

    def paragraph(self, style: str | None = None) -> Any:
        from docx.oxml import OxmlElement
        from docx.text.paragraph import Paragraph

        p = OxmlElement("w:p")
        if self.end is not None:
            self.end.addprevious(p)
        else:
            self.document.element.body.append(p)
        if style is not None:
            if style not in self.ids:
                self.ids[style] = self.document.styles[style].style_id
            p.style = self.ids[style]
        return Paragraph(p, self.document._body)


def _table(document: Any, rows: list[list[tuple[Any, bool]]]) -> None:
    table = document.add_table(rows=len(rows), cols=max(len(r) for r in rows))
    table.style = "Table Grid"
    for row, cells in zip(table.rows, rows, strict=True):
        for cell, (token, header) in zip(row.cells, cells, strict=False):
            _runs(cell.paragraphs[0], token.children or [], bold=header)
