"""Word files: paragraphs, superscript runs for sub-numbers, soft line breaks, tables kept aside."""

from __future__ import annotations

from io import BytesIO

import pytest

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
