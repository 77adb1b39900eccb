"""Self-contained HTML redline, and the three-column comparative table (HTML or DOCX)."""

from __future__ import annotations

import io
import re
from html import escape
from typing import Any

from lexwatch.diff.model import ArticleDiff, DocumentDiff, DocumentSide, Op
from lexwatch.diff.render import (
    RenderOptions,
    display_ops,
    flag_names,
    heading,
    notes_for,
    one_line,
    shown_articles,
    split_marks,
    summary_line,
    title_change,
    with_context,
)

# Printed on A4 (a browser prints on Letter unless the page says so). The comparative table has
# fixed columns, the two wordings of equal width; its rows may run onto the next page, as a Word
# table's do: a row kept whole moves to the next page and leaves the page before it blank (the
# first page of the 2020 → 2022 table held only its heading, 32 of 336 pages were near-empty).
# So may a redline's articles (185 → 148 pages), a heading kept with what follows it.
_CSS = """@page{size:A4;margin:15mm}
body{font-family:"Times New Roman",serif;max-width:60em;margin:2em auto;line-height:1.45}
del{color:#a00;text-decoration:line-through}ins{color:#060;text-decoration:underline}
.flags{color:#8a5a00}.meta{color:#555;font-style:italic}
table{border-collapse:collapse;width:100%;table-layout:fixed}
td,th{border:1px solid #444;padding:.4em;vertical-align:top;overflow-wrap:break-word}
col.article{width:20%}col.wording{width:40%}td ul{padding-left:1.1em;margin:.4em 0;font-size:.9em}
h2,.meta,.flags{break-after:avoid}p{orphans:3;widows:3}
@media print{body{max-width:none;margin:0 1px}a{color:inherit;text-decoration:none}del{color:#000}
ins{color:#000;font-weight:bold}section,tr{break-inside:auto}}"""


def ops_html(ops: list[Op], options: RenderOptions, spacing: bool,
             keep: tuple[str, ...] = ("delete", "insert")) -> str:
    out = []
    shown = [op for op in with_context(ops, options.context, spacing) if op[0] == "equal" or op[0] in keep]
    # the spaces round a change outside its mark, as the terminal and markdown have them: an
    # underline or a strike run on into the gap ("либо за_ сопряженные") printed as part of the words
    # (but for a space no other side has: "срок<ins> до двух лет</ins>.", see split_marks)
    marks = split_marks(shown, one_side=len(keep) == 1)
    for (kind, chunk), (lead, core, trail) in zip(shown, marks, strict=True):
        if kind == "equal":
            out.append(escape(chunk))
        else:
            tag = "del" if kind == "delete" else "ins"
            out.append(f"{escape(lead)}<{tag}>{escape(core)}</{tag}>{escape(trail)}")
    return "".join(out).replace("\n", "<br>\n")


def _anchors(items: list[ArticleDiff]) -> list[str]:
    """Each article's id in the page, "art-59"; a number a text holds twice (a `note:` said so) gets
    "art-361-2" the second time, or the contents line would lead to the first."""
    seen: dict[str, int] = {}
    out = []
    for item in items:
        anchor = "art-" + (item.new_number or item.old_number or "x")
        seen[anchor] = seen.get(anchor, 0) + 1
        out.append(anchor if seen[anchor] == 1 else f"{anchor}-{seen[anchor]}")
    return out


def _page(title: str, body: list[str]) -> str:
    return ("<!DOCTYPE html>\n<html lang=\"ru\"><head><meta charset=\"utf-8\">"
            f"<title>{escape(title)}</title><style>{_CSS}</style></head><body>\n"
            + "\n".join(body) + "\n</body></html>\n")


def _notes(item: ArticleDiff, diff: DocumentDiff, evidence: bool = True) -> str:
    lines = notes_for(item, russian=True, subjects=diff.subjects, evidence=evidence)
    return f"<ul class=\"flags\">{''.join(f'<li>{escape(x)}</li>' for x in lines)}</ul>" if lines else ""


def _flagged(item: ArticleDiff, diff: DocumentDiff) -> str:
    """" ⚑ Смертная казнь; Терроризм" after a contents line: which of the listed articles touch a
    watched subject, so a reader of a long redline knows where to look first."""
    names = flag_names(item, diff.subjects)
    return f" <span class=\"flags\">⚑ {escape('; '.join(names))}</span>" if names else ""


# What the marks mean, in the marks themselves: true on screen (red, green) and printed in black
# and white (struck, bold and underlined), as the markdown redline says its own.
_LEGEND = "<p class=\"meta\"><del>зачёркнуто</del> — исключено, <ins>подчёркнуто</ins> — добавлено.</p>"


def render_html(diff: DocumentDiff, options: RenderOptions) -> str:
    items = shown_articles(diff, options)
    title = f"Редлайн: {diff.old.label} → {diff.new.label}"
    body = [f"<h1>{escape(title)}</h1>", f"<p>{escape(summary_line(diff, russian=True))}</p>",
            *_name_html(diff), _LEGEND, "<nav><h2>Статьи</h2><ol>"]
    anchors = _anchors(items)
    body += [f"<li><a href=\"#{escape(anchor)}\">{heading(i, escape)}</a>"
             f" — {escape(one_line(i, russian=True))}{_flagged(i, diff)}</li>"
             for i, anchor in zip(items, anchors, strict=True)]
    body.append("</ol></nav>")
    for item, anchor in zip(items, anchors, strict=True):
        body.append(f"<section id=\"{escape(anchor)}\"><h2>{heading(item, escape)}</h2>"
                    f"<p class=\"meta\">{escape(one_line(item, russian=True))}</p>{_notes(item, diff)}")
        if title_change(item):
            body.append(f"<p>Заголовок: {ops_html(item.title_ops, options, item.technical)}</p>")
        body.append(f"<p>{ops_html(item.ops, options, item.technical)}</p></section>")
    return _page(title, body)


def _name_html(diff: DocumentDiff) -> list[str]:
    """The act's new name and its renamed parts, sections and chapters redlined, under the summary."""
    whole = RenderOptions(context=None)
    out = [f"<p>Название: {ops_html(diff.name_ops, whole, False)}</p>"] if diff.name_ops else []
    if diff.headings:
        out.append("<ul>" + "".join(f"<li>{escape(h.key)}: {ops_html(h.ops, whole, False)}</li>"
                                    for h in diff.headings) + "</ul>")
    return out


def render_table(diff: DocumentDiff, options: RenderOptions) -> str | bytes:
    items = shown_articles(diff, options)
    if options.docx:
        return _table_docx(diff, items)
    title = f"Сравнительная таблица: {diff.old.label} → {diff.new.label}"
    body = [f"<h1>{escape(title)}</h1>", f"<p>{escape(summary_line(diff, russian=True))}</p>", _LEGEND,
            "<table><colgroup><col class=\"article\"><col class=\"wording\"><col class=\"wording\">"
            "</colgroup><thead><tr>" + "".join(f"<th>{escape(h)}</th>" for h in table_headers(diff))
            + "</tr></thead><tbody>"]
    full = RenderOptions(context=None)
    # the name, then the renamed headings: wordings an amending law changes before any article's
    for what, old_ops, new_ops in _renamed(diff):
        body.append(f"<tr><td>{escape(what)}</td><td>{ops_html(old_ops, full, False, ('delete',))}</td>"
                    f"<td>{ops_html(new_ops, full, False, ('insert',))}</td></tr>")
    for item in items:
        old = ops_html(item.ops, full, item.technical, ("delete",)) if item.old else ABSENT
        new = ops_html(item.ops, full, item.technical, ("insert",)) if item.new else ABSENT
        if item.title_ops:  # a changed title is part of the wording each column quotes
            old = f"Заголовок: {ops_html(item.title_ops, full, item.technical, ('delete',))}<br>\n{old}"
            new = f"Заголовок: {ops_html(item.title_ops, full, item.technical, ('insert',))}<br>\n{new}"
        body.append(f"<tr><td>{heading(item, escape)}{_notes(item, diff, evidence=False)}</td>"
                    f"<td>{old}</td><td>{new}</td></tr>")
    body.append("</tbody></table>")
    return _page(title, body)


def _renamed(diff: DocumentDiff) -> list[tuple[str, list[Op], list[Op]]]:
    """The comparative table's first rows: the act's name and each renamed heading, with the ops each
    column quotes (a heading's unchanged words as each version writes them: capitals or not)."""
    return [*([("Название", diff.name_ops, diff.name_ops)] if diff.name_ops else []),
            *((h.key, h.old_ops, h.ops) for h in diff.headings)]


def _column(side: DocumentSide, dated: bool = True) -> str:
    """What one column quotes: "Редакция от 26.09.2022" (a draft's: "Проект от …"), or, undated,
    the side's label ("Редакция: uk_2022-09.txt")."""
    kind = "Проект" if side.draft else "Редакция"
    return f"{kind} от {side.edition_date:%d.%m.%Y}" if side.edition_date and dated else f"{kind}: {side.label}"


def table_headers(diff: DocumentDiff) -> tuple[str, str, str]:
    """The comparative table's header row. A draft set against the text in force is the table a
    draft law comes with: "Действующая редакция" | "Предлагаемая редакция". Any other two versions
    (two past editions, two readings of a draft, two files) are named: calling a past edition
    "предлагаемая" would misstate what the table compares."""
    if diff.new.draft and not diff.old.draft:
        return "Статья", "Действующая редакция", "Предлагаемая редакция"
    if _column(diff.old) == _column(diff.new):  # one date: a text published again, corrected
        return "Статья", _column(diff.old, dated=False), _column(diff.new, dated=False)
    return "Статья", _column(diff.old), _column(diff.new)


# A side without the article: the versions compared say only that it is not there, not whether it
# was repealed ("Исключена" is what an edition prints when it was; that text is then shown).
ABSENT = "— (нет в этой редакции)"


# Characters XML 1.0 cannot hold (python-docx refuses them): shown as "\ufffd", not a crash.
_NOT_XML_RE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def xml_safe(text: str) -> str:
    return _NOT_XML_RE.sub("\ufffd", text)


def docx_run(para: Any, text: str, *, bold: bool = False, italic: bool = False, strike: bool = False) -> Any:
    """A run of `text` added to a Word paragraph, a line break for each "\n", marked as asked.
    python-docx's `add_run(text)` reads the text a character at a time and writes a property
    element even for a mark left off: ~70% of a whole code's table (0.42 s); its <w:t> is made here
    whole, and only the marks asked for are written."""
    run = para.add_run()
    for i, line in enumerate(xml_safe(text).split("\n")):
        if i:
            run.add_break()
        if line:
            run._r.add_t(line)
    if bold:
        run.bold = True
    if italic:
        run.italic = True
    if strike:
        run.font.strike = True
    return run


def a4_docx() -> Any:
    """A new Word document on A4, as Belarusian documents are (python-docx's template is Letter),
    its pages numbered at the foot: a printed table of 200 pages is cited by page."""
    import docx
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    from docx.shared import Mm

    document = docx.Document()
    for section in document.sections:
        section.page_width, section.page_height = Mm(210), Mm(297)
        section.left_margin = section.right_margin = section.top_margin = section.bottom_margin = Mm(20)
        foot = section.footer.paragraphs[0]
        foot.alignment = WD_ALIGN_PARAGRAPH.CENTER
        number = OxmlElement("w:fldSimple")  # Word fills in each page's number as it lays the pages out
        number.set(qn("w:instr"), "PAGE")
        foot._p.append(number)
    return document


def _docx_runs(para: Any, ops: list[Op], keep: str, spacing: bool) -> None:
    """One side of the ops as runs: the unchanged text plain, this side's changes struck (old) or
    bold (new)."""
    shown = [op for op in display_ops(ops, spacing) if op[0] in ("equal", keep)]
    for (kind, chunk), (lead, core, trail) in zip(shown, split_marks(shown, one_side=True), strict=True):
        if kind == "equal":
            docx_run(para, chunk)
            continue
        for text, marked in ((lead, False), (core, True), (trail, False)):
            if text:
                docx_run(para, text, bold=marked and kind == "insert", strike=marked and kind == "delete")


_DOCX_WIDTHS_MM = (34, 68, 68)  # article | old wording | new wording


def _table_docx(diff: DocumentDiff, items: list[ArticleDiff]) -> bytes:
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    from docx.shared import Mm, Pt

    document = a4_docx()
    document.add_heading(xml_safe(f"Сравнительная таблица: {diff.old.label} → {diff.new.label}"), level=1)
    document.add_paragraph(xml_safe(summary_line(diff, russian=True)))
    legend = document.add_paragraph()  # what the marks mean, in the marks themselves, as the html says it
    docx_run(legend, "зачёркнуто", strike=True)
    docx_run(legend, " — исключено, ")
    docx_run(legend, "полужирным", bold=True)
    docx_run(legend, " — добавлено.")
    table = document.add_table(rows=1, cols=3)
    table.style = "Table Grid"
    for cell, text, width in zip(table.rows[0].cells, table_headers(diff), _DOCX_WIDTHS_MM, strict=True):
        cell.paragraphs[0].add_run(xml_safe(text)).bold = True
        cell.width = Mm(width)
    # A narrow article column and two wordings of equal width across the 170 mm between the
    # margins (python-docx makes three equal columns: the article's name took a third of the page
    # and the 2020 → 2022 table ran to 296 pages, 252 now). Word reads each cell's width,
    # LibreOffice the grid's.
    table.autofit = False
    for grid_col, width in zip(table._tbl.tblGrid.gridCol_lst, _DOCX_WIDTHS_MM, strict=True):
        grid_col.w = Mm(width)
    # the header row repeats at the top of every page the table runs onto
    repeat = OxmlElement("w:tblHeader")
    repeat.set(qn("w:val"), "true")
    table.rows[0]._tr.get_or_add_trPr().append(repeat)
    for what, old_ops, new_ops in _renamed(diff):  # as the html table: the name, then the renamed headings
        row = table.add_row().cells
        row[0].text = xml_safe(what)
        for cell, ops, keep in ((row[1], old_ops, "delete"), (row[2], new_ops, "insert")):
            _docx_runs(cell.paragraphs[0], ops, keep, False)
    for item in items:
        row = table.add_row().cells
        for cell, width in zip(row, _DOCX_WIDTHS_MM, strict=True):
            cell.width = Mm(width)
        row[0].text = xml_safe(heading(item))
        # in italics, as the html sets them apart: in plain type a flag's subject ("Смертная казнь
        # (исключительная мера наказания, …)") read on from the article's title
        for line in notes_for(item, russian=True, subjects=diff.subjects, evidence=False):
            docx_run(row[0].add_paragraph(), line, italic=True).font.size = Pt(9)
        for cell, keep, present in ((row[1], "delete", item.old), (row[2], "insert", item.new)):
            para = cell.paragraphs[0]
            if present is None:
                para.add_run(ABSENT)
                continue
            if item.title_ops:  # a changed title is part of the wording each column quotes
                para.add_run("Заголовок: ")
                _docx_runs(para, item.title_ops, keep, item.technical)
                para = cell.add_paragraph()
            _docx_runs(para, item.ops, keep, item.technical)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()
