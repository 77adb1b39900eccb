"""Word files: paragraphs, superscript runs for sub-numbers, soft line breaks, tables kept aside."""

from __future__ import annotations

import re
from functools import cache
from io import BytesIO
from typing import Any

import pytest
from builders import within
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from lexwatch.errors import InputError
from lexwatch.text.blocks import BlockKind
from lexwatch.text.load import parse_bytes

docx = pytest.importorskip("docx")


@cache
def _word_file() -> bytes:
    word = docx.Document()
    word.add_paragraph("УГОЛОВНЫЙ КОДЕКС РЕСПУБЛИКИ БЕЛАРУСЬ")
    word.add_paragraph("ГЛАВА 32. Преступления против государства")
    heading = word.add_paragraph()
    heading.add_run("Статья 361")
    heading.add_run("1").font.superscript = True
    heading.add_run(". Создание экстремистского формирования либо участие в нем")
    word.add_paragraph("1. Создание экстремистского формирования либо руководство таким формированием –")
    word.add_paragraph("наказываются ограничением свободы на срок до пяти лет или лишением свободы на срок "
                       "от трех до семи лет.")
    heading = word.add_paragraph()
    heading.add_run("Статья 361")
    heading.add_run("4").font.superscript = True
    heading.add_run(". Содействие экстремистской деятельности")
    # Shift+Enter inside one paragraph: the lines are still separate lines of the article.
    body = word.add_paragraph()
    body.add_run("1. Вербовка, иное вовлечение лица в экстремистскую деятельность –")
    body.add_run().add_break()
    body.add_run("наказываются ограничением свободы на срок до четырех лет.")
    table = word.add_table(rows=1, cols=2)
    table.cell(0, 0).text = "Президент Республики Беларусь"
    table.cell(0, 1).text = "А.Лукашенко"
    buf = BytesIO()
    word.save(buf)
    return buf.getvalue()


def test_a_word_file_gives_sub_numbered_articles_and_keeps_the_signature_out() -> None:
    doc = parse_bytes(_word_file(), "uk.docx")
    assert doc.format == "docx"
    assert doc.act == "HK9900275"
    assert [a.number.display for a in doc.articles] == ["361¹", "361⁴"]
    assistance = doc.article("361-4")
    assert assistance is not None
    assert assistance.title == "Содействие экстремистской деятельности"
    assert assistance.lines == ["1. Вербовка, иное вовлечение лица в экстремистскую деятельность –",
                                "наказываются ограничением свободы на срок до четырех лет."]
    assert assistance.chapter == "ГЛАВА 32. Преступления против государства"
    assert ("", "Президент Республики Беларусь А.Лукашенко") in doc.notes


def test_a_damaged_word_file_is_one_clear_line() -> None:
    data = bytearray(_word_file())
    data[200:4000] = b"\x00" * 3800
    with pytest.raises(InputError, match="DOCX"):
        parse_bytes(bytes(data), "broken.docx")


def test_a_word_file_that_unpacks_to_gigabytes_is_refused_before_it_is_unpacked() -> None:
    import zipfile

    # A real Word file with one more part: 300 MB of zeros that deflate to ~300 KB (a zip bomb).
    buf = BytesIO()
    with zipfile.ZipFile(BytesIO(_word_file())) as real, zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as bomb:
        for info in real.infolist():
            bomb.writestr(info, real.read(info))
        with bomb.open("word/media/padding.bin", "w") as part:
            chunk = b"\x00" * 2**20
            for _ in range(300):
                part.write(chunk)
    data = buf.getvalue()
    assert len(data) < 2 * 2**20
    with pytest.raises(InputError, match="zip bomb"):
        parse_bytes(data, "bomb.docx")


def _with_table(cells: list[tuple[str, str]]) -> bytes:
    """The word file above with a one-column table before its text: each row one cell, the cell's
    text and the raw <w:tcPr> properties it carries (gridSpan, vMerge)."""
    from docx.oxml import parse_xml
    from docx.oxml.ns import nsdecls

    word = docx.Document(BytesIO(_word_file()))
    rows = "".join(f"<w:tr><w:tc><w:tcPr>{props}</w:tcPr><w:p><w:r><w:t>{text}</w:t></w:r></w:p></w:tc></w:tr>"
                   for text, props in cells)
    table = parse_xml(f"<w:tbl {nsdecls('w')}><w:tblGrid><w:gridCol/></w:tblGrid>{rows}</w:tbl>")
    word.element.body.insert(0, table)
    buf = BytesIO()
    word.save(buf)
    return buf.getvalue()


@pytest.mark.parametrize("props", ['<w:gridSpan w:val="2000000000"/>', '<w:gridSpan w:val="x"/>'])
def test_a_table_cell_spanning_two_billion_columns_or_a_bad_span_is_read_once(props: str) -> None:
    # python-docx's row.cells yields a cell once per grid column it spans (MemoryError after seconds)
    # and parses the span when read (ValueError for "x").
    data = _with_table([("Приложение 1", props)])
    with within(10):
        doc = parse_bytes(data, "uk.docx")
    assert [a.id for a in doc.articles] == ["361-1", "361-4"]
    assert ("", "Приложение 1") in doc.notes


def test_a_cell_merged_down_three_thousand_rows_is_read_in_linear_time() -> None:
    # python-docx rebuilt the whole table for each row of a vertical merge to find its text (minutes).
    data = _with_table([("Перечень", '<w:vMerge w:val="restart"/>')] + [("", "<w:vMerge/>")] * 3000)
    with within(10):
        doc = parse_bytes(data, "uk.docx")
    assert [a.id for a in doc.articles] == ["361-1", "361-4"]
    assert [text for heading, text in doc.notes if text == "Перечень"] == ["Перечень"]


def test_text_inside_a_hyperlink_or_a_tracked_insertion_is_read_and_a_tracked_deletion_is_not() -> None:
    # Exports from legal databases link every reference ("статьей 130" -> the article); an amended
    # draft keeps its tracked changes. Their words were dropped from the article's text.
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    def wrapped(tag: str, text: str, *, deleted: bool = False) -> object:
        outer = OxmlElement(tag)
        if tag == "w:hyperlink":
            outer.set(qn("r:id"), "rId99")
        else:
            outer.set(qn("w:id"), "1")
            outer.set(qn("w:author"), "Редактор")
        run = OxmlElement("w:r")
        piece = OxmlElement("w:delText" if deleted else "w:t")
        piece.text = text
        piece.set(qn("xml:space"), "preserve")
        run.append(piece)
        outer.append(run)
        return outer

    word = docx.Document()
    word.add_paragraph("УГОЛОВНЫЙ КОДЕКС РЕСПУБЛИКИ БЕЛАРУСЬ")
    word.add_paragraph("Статья 130. Разжигание расовой, национальной, религиозной либо иной социальной вражды")
    body = word.add_paragraph("1. Действия, предусмотренные ")
    body._p.append(wrapped("w:hyperlink", "статьей 130"))
    body.add_run(" настоящего Кодекса, совершенные ")
    body._p.append(wrapped("w:del", "повторно", deleted=True))
    body._p.append(wrapped("w:ins", "группой лиц"))
    body.add_run(", –")
    word.add_paragraph("наказываются лишением свободы на срок от пяти до двенадцати лет.")
    buf = BytesIO()
    word.save(buf)
    [article] = parse_bytes(buf.getvalue(), "draft.docx").articles
    assert article.lines[0] == ("1. Действия, предусмотренные статьей 130 настоящего Кодекса, совершенные "
                                "группой лиц, –")


def test_a_docx_of_more_runs_than_a_legal_text_holds_is_refused_before_they_are_read(monkeypatch) -> None:
    # each run costs ~2.4 µs and ~0.7 KB of parsed tree: a small file of tiny runs would hold `add`
    # and its memory (the cap is 500 000; lowered here so that the test builds a small file)
    from docx.oxml import parse_xml

    from lexwatch.text import extract_docx

    monkeypatch.setattr(extract_docx, "_MAX_RUNS", 5_000)
    word = docx.Document()
    word.add_paragraph("Статья 1. Смертная казнь")
    body = word.add_paragraph()
    w = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
    body._p.extend(list(parse_xml(f"<w:p {w}>" + "".join(f"<w:r><w:t>{i} </w:t></w:r>" for i in range(6_000))
                                  + "</w:p>")))
    buf = BytesIO()
    word.save(buf)
    with pytest.raises(InputError, match="6,001 text runs, far more than a legal text holds"):
        parse_bytes(buf.getvalue(), "runs.docx")
    monkeypatch.setattr(extract_docx, "_MAX_RUNS", 500_000)
    assert [a.number.display for a in parse_bytes(buf.getvalue(), "runs.docx").articles] == ["1"]  # under it: read


def _with_document_xml(document_xml: str) -> bytes:
    """The word file above with its main part replaced (a damaged or hand-edited document.xml)."""
    import zipfile

    buf = BytesIO()
    with zipfile.ZipFile(BytesIO(_word_file())) as real, zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as out:
        for info in real.infolist():
            out.writestr(info, document_xml if info.filename == "word/document.xml" else real.read(info))
    return buf.getvalue()


_W_NS = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


@pytest.mark.parametrize("document_xml", [
    f"<w:document {_W_NS}></w:document>",                                  # the body cut away
    f"<w:hdr {_W_NS}><w:p><w:r><w:t>Проект</w:t></w:r></w:p></w:hdr>",    # a header saved as the main part
])
def test_a_word_file_whose_main_part_has_no_body_is_one_clear_line(document_xml: str) -> None:
    # python-docx opens both; reading word.element.body then raised AttributeError (a traceback)
    with pytest.raises(InputError, match=r"not a readable DOCX document \(no <w:body>"):
        parse_bytes(_with_document_xml(document_xml), "broken.docx")


def test_a_schedule_cell_reads_its_sub_numbers_links_and_tracked_insertions_as_a_paragraph_does() -> None:
    # A cell was read by python-docx's Paragraph.text: no tracked insertion nor field, and "361¹" as
    # "3611"; a cell's paragraphs now read as the body's do.
    from docx.oxml import parse_xml
    from docx.oxml.ns import nsdecls

    word = docx.Document(BytesIO(_word_file()))
    table = parse_xml(
        f"<w:tbl {nsdecls('w', 'r')}><w:tblGrid><w:gridCol/></w:tblGrid><w:tr><w:tc>"
        "<w:p><w:r><w:t xml:space=\"preserve\">Приложение к </w:t></w:r>"
        "<w:hyperlink r:id=\"rId99\"><w:r><w:t xml:space=\"preserve\">статье 361</w:t></w:r>"
        "<w:r><w:rPr><w:vertAlign w:val=\"superscript\"/></w:rPr><w:t>1</w:t></w:r></w:hyperlink>"
        "<w:ins w:id=\"1\" w:author=\"Редактор\"><w:r><w:t xml:space=\"preserve\"> Уголовного</w:t></w:r></w:ins>"
        "<w:fldSimple w:instr=\" DOCPROPERTY Kodeks \"><w:r><w:t xml:space=\"preserve\"> кодекса</w:t></w:r></w:fldSimple>"
        "<w:del w:id=\"2\" w:author=\"Редактор\"><w:r><w:delText> Республики</w:delText></w:r></w:del>"
        "</w:p></w:tc></w:tr></w:tbl>")
    word.element.body[-1].addprevious(table)
    buf = BytesIO()
    word.save(buf)
    doc = parse_bytes(buf.getvalue(), "uk.docx")
    assert ("", "Приложение к статье 361¹ Уголовного кодекса") in doc.notes
    assert [a.id for a in doc.articles] == ["361-1", "361-4"]


# --- the lxml reader against python-docx's own reading of every run ---------------------------------

# What a run holds: words, sub-numbers, spaces, and what python-docx's Run.text reads as "\t", "\n",
# "-" or nothing (a page break, a field's code, a deleted word, a symbol, a comment node).
_PIECES = [f'<w:t xml:space="preserve">{w}</w:t>' for w in
           ["Статья 361", "1", "4", "1. ", "наказываются", " лишением свободы", " – ", " ", "", "  2 ", "а"]] + [
    "<w:t>130</w:t>", "<w:tab/>", '<w:ptab w:relativeTo="margin" w:alignment="right" w:leader="none"/>', "<w:br/>",
    '<w:br w:type="textWrapping"/>', '<w:br w:type="page"/>', '<w:br w:type="column"/>', "<w:cr/>",
    "<w:noBreakHyphen/>", "<w:softHyphen/>", "<w:lastRenderedPageBreak/>", '<w:fldChar w:fldCharType="begin"/>',
    '<w:instrText> HYPERLINK \\l "st130" </w:instrText>', "<w:delText>повторно</w:delText>",
    '<w:sym w:font="Symbol" w:char="F0B7"/>', "<!-- правка -->"]
_PROPERTIES = ["", "<w:rPr><w:b/></w:rPr>", '<w:rPr><w:vertAlign w:val="superscript"/></w:rPr>',
               '<w:rPr><w:b/><w:vertAlign w:val="superscript"/></w:rPr>', '<w:rPr><w:vertAlign w:val="subscript"/></w:rPr>',
               '<w:rPr><w:vertAlign w:val="baseline"/></w:rPr>']


def _run_xml(draw: st.DrawFn) -> str:
    pieces = draw(st.lists(st.sampled_from(_PIECES), max_size=3))
    return f"<w:r>{draw(st.sampled_from(_PROPERTIES))}{''.join(pieces)}</w:r>"


@st.composite
def _inline(draw: st.DrawFn, depth: int = 0) -> str:
    """A run, or runs inside what a paragraph wraps them in: a link, tracked changes, a field, a
    content control, a text box (read or not as python-docx's run-by-run reading decides)."""
    if depth >= 2 or draw(st.booleans()):
        return _run_xml(draw)
    inner = "".join(draw(st.lists(_inline(depth + 1), min_size=1, max_size=2)))
    wrapper = draw(st.sampled_from(["hyperlink", "ins", "del", "moveFrom", "moveTo", "fldSimple", "sdt", "txbx"]))
    if wrapper == "hyperlink":
        return f'<w:hyperlink r:id="rId99">{inner}</w:hyperlink>'
    if wrapper == "fldSimple":
        return f'<w:fldSimple w:instr=" PAGE ">{inner}</w:fldSimple>'
    if wrapper == "sdt":
        return f"<w:sdt><w:sdtPr/><w:sdtContent>{inner}</w:sdtContent></w:sdt>"
    if wrapper == "txbx":
        return ("<w:r><w:pict><v:shape><v:textbox><w:txbxContent>"
                f"<w:p>{inner}</w:p></w:txbxContent></v:textbox></v:shape></w:pict></w:r>")
    return f'<w:{wrapper} w:id="1" w:author="Редактор" w:date="2022-05-13T00:00:00Z">{inner}</w:{wrapper}>'


@st.composite
def _paragraph(draw: st.DrawFn) -> str:
    return f"<w:p>{''.join(draw(st.lists(_inline(), max_size=4)))}</w:p>"


@st.composite
def _table(draw: st.DrawFn) -> str:
    spans = st.sampled_from(["", '<w:gridSpan w:val="2"/>', '<w:vMerge w:val="restart"/>', "<w:vMerge/>"])
    cells = st.tuples(spans, st.lists(_paragraph(), min_size=1, max_size=2)).map(
        lambda c: f"<w:tc><w:tcPr>{c[0]}</w:tcPr>{''.join(c[1])}</w:tc>")
    rows = draw(st.lists(st.lists(cells, min_size=1, max_size=2), min_size=1, max_size=3))
    return ("<w:tbl><w:tblGrid><w:gridCol/><w:gridCol/></w:tblGrid>"
            + "".join(f"<w:tr>{''.join(row)}</w:tr>" for row in rows) + "</w:tbl>")


def _python_docx_blocks(data: bytes) -> list[tuple[str, BlockKind]]:
    """python-docx's own reading, a Run object made for each of a paragraph's current runs: the reader
    before lxml (whose table cells, though, read only a paragraph's own runs and links)."""
    from docx.text.run import Run

    from lexwatch.ids import TO_SUPERSCRIPT

    current = ".//w:r[not(ancestor::w:del) and not(ancestor::w:moveFrom) and not(ancestor::w:txbxContent)]"

    def text(p: Any) -> str:
        out = []
        for element in p.xpath(current):
            run = Run(element, None)
            piece = run.text
            out.append(piece.strip().translate(TO_SUPERSCRIPT)
                       if run.font.superscript and piece.strip().isdigit() else piece)
        return "".join(out)

    blocks: list[tuple[str, BlockKind]] = []
    for item in docx.Document(BytesIO(data)).element.body.xpath("./w:p | ./w:tbl"):
        if item.tag.endswith("}p"):
            blocks.extend((line, BlockKind.UNKNOWN) for line in text(item).split("\n") if line.strip())
            continue
        for tr in item.tr_lst:
            cells = " ".join(t for t in ("\n".join(text(p) for p in tc.p_lst) for tc in tr.tc_lst) if t.strip())
            if cells.strip():
                blocks.append((cells, BlockKind.ASIDE))
    return blocks


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.one_of(_paragraph(), _table()), min_size=1, max_size=5))
def test_the_lxml_reader_reads_what_python_docx_reads_run_by_run(items: list[str]) -> None:
    from docx.oxml.ns import nsdecls

    from lexwatch.text.load import extract

    data = _with_document_xml(
        f"<w:document {nsdecls('w', 'r')} xmlns:v=\"urn:schemas-microsoft-com:vml\"><w:body>"
        "<w:p><w:r><w:t>Статья 130. Разжигание расовой, национальной, религиозной либо иной социальной вражды"
        f"</w:t></w:r></w:p>{''.join(items)}<w:sectPr/></w:body></w:document>")
    assert [(b.text, b.kind) for b in extract(data, "draft.docx").blocks] == _python_docx_blocks(data)


def test_a_word_file_with_one_xml_part_too_large_to_parse_is_refused_unparsed(monkeypatch: pytest.MonkeyPatch) -> None:
    # python-docx parses every XML part whole, at 6-12 times its size in memory: a document.xml of
    # 200 MB (under the unpacked cap, well compressed) would take gigabytes. The cap is per part.
    import zipfile

    from lexwatch.text import extract_docx

    data = _word_file()
    with zipfile.ZipFile(BytesIO(data)) as archive:
        size, largest = max((i.file_size, i.filename) for i in archive.infolist() if i.filename.endswith(".xml"))
    monkeypatch.setattr(extract_docx, "_MAX_PART", size - 1)

    def parse_must_not_run(*_args: object) -> None:
        raise AssertionError("the file was parsed")

    monkeypatch.setattr(docx, "Document", parse_must_not_run)
    with pytest.raises(InputError, match=rf"its part {re.escape(largest)} is \d+ MB of XML.*refused"):
        parse_bytes(data, "uk.docx")
    monkeypatch.undo()
    monkeypatch.setattr(extract_docx, "_MAX_PART", size)
    assert parse_bytes(data, "uk.docx").articles
