"""Word files: paragraphs, superscript runs for sub-numbers, soft line breaks, tables kept aside."""

from __future__ import annotations

from io import BytesIO

import pytest
from builders import within

from lexwatch.errors import InputError
from lexwatch.text.load import parse_bytes

docx = pytest.importorskip("docx")


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
    # each run costs python-docx ~20 µs: a small file of tiny runs would hold `add` for minutes (the
    # cap is 500 000; lowered here so that the test builds a small file)
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
