"""PDF publications: hyphenated line ends, running heads, page numbers, two columns, lost superscripts,
and the PDFs lexwatch must refuse (scans without text, encrypted files)."""

from __future__ import annotations

from io import BytesIO
from pathlib import Path

import pytest

from lexwatch.errors import EncryptedPdfError, InputError, NoTextLayerError
from lexwatch.ids import ArticleNumber
from lexwatch.text.extract_pdf import TextLine, join_wrapped, paragraphs
from lexwatch.text.load import extract_text, parse_bytes
from lexwatch.text.model import Article, Document

pytest.importorskip("reportlab")
from builders import DEJAVU, encrypt_pdf, make_pdf, make_scanned_pdf, within

if not DEJAVU.is_file():
    pytest.skip("the DejaVuSans font is not installed", allow_module_level=True)

A6 = (298.0, 420.0)
CHAPTER = "ГЛАВА 17. Преступления против мира и безопасности человечества"


def _article(number: str, title: str, *lines: str) -> Article:
    return Article(ArticleNumber.parse(number), title, "\n".join(lines), chapter=CHAPTER,
                   section="РАЗДЕЛ VI. ПРЕСТУПЛЕНИЯ ПРОТИВ МИРА, БЕЗОПАСНОСТИ ЧЕЛОВЕЧЕСТВА И ВОЕННЫЕ ПРЕСТУПЛЕНИЯ",
                   part="ОСОБЕННАЯ ЧАСТЬ")


CODE = Document(title="УГОЛОВНЫЙ КОДЕКС РЕСПУБЛИКИ БЕЛАРУСЬ", articles=[
    _article("130", "Разжигание расовой, национальной, религиозной либо иной социальной вражды или розни",
             "1. Умышленные действия, направленные на возбуждение расовой, национальной, религиозной либо иной "
             "социальной вражды или розни по признаку расовой, национальной, религиозной, языковой или иной "
             "социальной принадлежности, –",
             "наказываются штрафом, или арестом, или ограничением свободы на срок до пяти лет, или лишением "
             "свободы на тот же срок.",
             "2. Те же действия, соединенные с насилием либо совершенные должностным лицом с использованием своих "
             "служебных полномочий, –",
             "наказываются лишением свободы на срок от трех до десяти лет.",
             "Примечание. Под иной социальной принадлежностью в настоящей статье понимается принадлежность лица к "
             "определенной социальной группе по признаку пола, возраста, профессии, рода занятий, места жительства "
             "и иной социально-групповой идентификации."),
    _article("130-1", "Реабилитация нацизма",
             "1. Умышленные действия по реабилитации нацизма –",
             "наказываются штрафом, или арестом, или ограничением свободы на срок до пяти лет, или лишением "
             "свободы на тот же срок.",
             "2. Действия, предусмотренные частью 1 настоящей статьи, соединенные с насилием либо совершенные "
             "должностным лицом с использованием своих служебных полномочий, –",
             "наказываются лишением свободы на срок от трех до десяти лет."),
    _article("130-2", "Отрицание геноцида белорусского народа",
             "1. Отрицание геноцида белорусского народа, содержащееся в публичном выступлении, либо в печатном или "
             "публично демонстрирующемся произведении, либо в средствах массовой информации, либо в информации, "
             "размещенной в глобальной компьютерной сети Интернет, иной сети электросвязи общего пользования или "
             "выделенной сети электросвязи, –",
             "наказывается арестом, или ограничением свободы на срок до пяти лет, или лишением свободы на тот же "
             "срок."),
    _article("131", "Экоцид",
             "Умышленное массовое уничтожение растительного или животного мира, либо отравление атмосферного "
             "воздуха или водных ресурсов, либо совершение иных умышленных действий, способных вызвать "
             "экологическую катастрофу (экоцид), –",
             "наказываются лишением свободы на срок от десяти до пятнадцати лет."),
    _article("132", "Применение оружия массового поражения",
             "Применение оружия массового поражения, предусмотренного международными договорами Республики "
             "Беларусь, или военно-промышленного оборудования двойного назначения –",
             "наказывается лишением свободы на срок от десяти до двадцати пяти лет, или пожизненным лишением "
             "свободы, или смертной казнью."),
])


def _same_articles(doc: Document, expected: Document) -> None:
    assert [a.number for a in doc.articles] == [a.number for a in expected.articles]
    for got, want in zip(doc.articles, expected.articles, strict=True):
        assert got.title == want.title
        assert got.lines == want.lines, got.number.display
        assert (got.chapter, got.section, got.part) == (want.chapter, want.section, want.part)


def _raw_pypdf_text(data: bytes) -> str:
    from pypdf import PdfReader

    return "\n".join(page.extract_text() for page in PdfReader(BytesIO(data)).pages)


def test_a_small_format_publication_with_heads_page_numbers_and_hyphenation_reads_back_exactly() -> None:
    data = make_pdf(CODE, page_size=A6)
    raw = _raw_pypdf_text(data)
    # What pypdf alone gives: words cut at line ends, the running head and page numbers in the text.
    assert "нака-\n" in raw or any(line.endswith("-") and line[-2].isalpha() for line in raw.splitlines())
    assert raw.count("Уголовный кодекс Республики Беларусь") >= 3
    doc = parse_bytes(data, "uk.pdf")
    assert doc.format == "pdf" and doc.act == "HK9900275"
    _same_articles(doc, CODE)
    assert all("Уголовный кодекс Республики Беларусь" not in a.text for a in doc.articles)
    # "социально-групповой" and "военно-промышленного" keep their real hyphens.
    assert "социально-групповой идентификации" in doc.article("130").text  # type: ignore[union-attr]
    assert "военно-промышленного оборудования" in doc.article("132").text  # type: ignore[union-attr]


def test_two_columns_are_read_in_column_order() -> None:
    doc = parse_bytes(make_pdf(CODE, columns=2, page_size=(420.0, 595.0)), "uk.pdf")
    _same_articles(doc, CODE)


def test_superscripts_flattened_to_1302_are_recovered_from_the_neighbouring_articles() -> None:
    data = make_pdf(CODE, superscripts="flat")
    text, _ = extract_text(data, "uk.pdf")
    assert "Статья 1302. Отрицание геноцида белорусского народа" in text.splitlines()
    doc = parse_bytes(data, "uk.pdf")
    assert [a.number.display for a in doc.articles] == ["130", "130¹", "130²", "131", "132"]


def test_a_raised_small_sub_number_is_read_as_a_superscript() -> None:
    text, _ = extract_text(make_pdf(CODE), "uk.pdf")
    assert "Статья 130². Отрицание геноцида белорусского народа" in text.splitlines()


@pytest.mark.parametrize(("paragraph", "line", "joined"), [
    ("наказывается лишением свободы, или арестом, или нака-", "зывается штрафом",
     "наказывается лишением свободы, или арестом, или наказывается штрафом"),
    ("с использованием военно-", "промышленного оборудования", "с использованием военно-промышленного оборудования"),
    ("деяния, предусмотренные частью 1 настоящей статьи, –", "наказываются арестом",
     "деяния, предусмотренные частью 1 настоящей статьи, – наказываются арестом"),
    ("Республики Бела-", "русь", "Республики Беларусь"),
    ("гражданина Республики Беларусь-", "Президента", "гражданина Республики Беларусь- Президента"),
])
def test_a_hyphen_at_a_line_end_joins_unless_the_text_writes_the_word_with_its_hyphen(
        paragraph: str, line: str, joined: str) -> None:
    vocabulary = {"военно-промышленного", "военно-промышленный"}
    assert join_wrapped(paragraph, line, vocabulary) == joined


# A code's first lines as pypdf gives them: the title centred (each line reads as indented), the date and
# number centred under it, then the text at a 30 pt margin with 12 pt first-line indents.
UK_FRONT = [(56.7, "УГОЛОВНЫЙ КОДЕКС РЕСПУБЛИКИ БЕ-"), (130.9, "ЛАРУСЬ"), (93.7, "9 июля 1999 г. № 275-З"),
            (42.0, "1. Акт терроризма, то есть совершение в целях устраше-"),
            (30.0, "ния населения, взрыва, поджога или иных действий-"),   # a dash typed as a hyphen
            (42.0, "наказывается лишением свободы на срок от восьми до две-"),
            (30.0, "надцати лет.")]
# ПИКоАП's title on an A5 page: a hyphenated word and a broken one at the ends of its lines.
PIKOAP_FRONT = [(162.1, "ПРОЦЕССУАЛЬНО-"), (43.0, "ИСПОЛНИТЕЛЬНЫЙ КОДЕКС РЕСПУБЛИКИ БЕЛАРУСЬ ОБ АДМИ-"),
                (112.4, "НИСТРАТИВНЫХ ПРАВОНАРУШЕНИЯХ"), (146.9, "6 января 2021 г. № 92-З")]


@pytest.mark.parametrize(("front", "read"), [
    (UK_FRONT, ["УГОЛОВНЫЙ КОДЕКС РЕСПУБЛИКИ БЕЛАРУСЬ", "9 июля 1999 г. № 275-З",
                "1. Акт терроризма, то есть совершение в целях устрашения населения, взрыва, поджога или иных "
                "действий-",
                "наказывается лишением свободы на срок от восьми до двенадцати лет."]),
    (PIKOAP_FRONT, ["ПРОЦЕССУАЛЬНО-ИСПОЛНИТЕЛЬНЫЙ КОДЕКС РЕСПУБЛИКИ БЕЛАРУСЬ ОБ АДМИНИСТРАТИВНЫХ ПРАВОНАРУШЕНИЯХ",
                    "6 января 2021 г. № 92-З"]),
], ids=["uk", "pikoap"])
def test_a_centred_title_broken_with_a_hyphen_is_one_paragraph(front: list[tuple[float, str]], read: list[str]) -> None:
    # each line of the title after a broken word was a paragraph ("…РЕСПУБЛИКИ БЕ-", "ЛАРУСЬ"); a hyphenated
    # word keeps its hyphen, and a line ending in a dash typed as a hyphen still ends its paragraph
    lines = [TextLine(x, 400.0 - 12 * k, 10.0, [text]) for k, (x, text) in enumerate(front)]
    assert paragraphs(lines) == read


def test_a_scan_without_a_text_layer_is_refused_with_advice() -> None:
    with pytest.raises(NoTextLayerError, match=r"has no text layer \(probably a scanned image\); run OCR first"):
        parse_bytes(make_scanned_pdf(), "scan.pdf")


# Acrobat restricts with AES since version 9 (RC4 is what older tools wrote): pypdf needs the
# `cryptography` package for AES, without it a restricted PDF read as a locked one.
@pytest.mark.parametrize("algorithm", ["RC4-128", "AES-128", "AES-256"])
def test_an_encrypted_pdf_is_refused_but_a_merely_restricted_one_is_read(algorithm: str) -> None:
    plain = make_pdf(CODE)
    with pytest.raises(EncryptedPdfError, match="encrypted"):
        parse_bytes(encrypt_pdf(plain), "secret.pdf")
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter(clone_from=PdfReader(BytesIO(plain)))
    writer.encrypt(user_password="", owner_password="владелец", algorithm=algorithm)
    restricted = BytesIO()
    writer.write(restricted)
    assert [a.id for a in parse_bytes(restricted.getvalue(), "restricted.pdf").articles] == \
        ["130", "130-1", "130-2", "131", "132"]


def test_a_damaged_pdf_is_one_clear_line() -> None:
    with pytest.raises(InputError, match="not a readable PDF"):
        parse_bytes(b"%PDF-1.7\n" + b"\x00garbage" * 20, "broken.pdf")


DUMP = (
    "                 Уголовный кодекс Республики Беларусь\n"
    "\n"
    "     Статья 59. Смертная казнь\n"
    "     1. В качестве исключительной меры наказания допускается приме-\n"
    "нение смертной казни – расстрела (до отмены смертной казни) за пре-\n"
    "ступления, предусмотренные частью 2 статьи 124 настоящего Кодекса.\n"
    "     2. Смертная казнь не может быть назначена:\n"
    "\n"
    "                                   17\n"
    "\f"
    "                 Уголовный кодекс Республики Беларусь\n"
    "\n"
    "     1) лицам, совершившим преступления в возрасте до восемнадцати\n"
    "лет;\n"
    "     2) женщинам;\n"
    "     3. Смертная казнь в порядке помилования может быть заменена по-\n"
    "жизненным лишением свободы.\n"
    "\n"
    "                                   18\n"
    "\f"
    "                 Уголовный кодекс Республики Беларусь\n"
    "\n"
    "     Статья 60. Общие начала назначения наказания\n"
    "     1. Суд назначает наказание в пределах санкции статьи Особенной\n"
    "части настоящего Кодекса.\n"
    "\n"
    "                                   19\n"
    "\f"
)


def test_the_text_dump_of_a_pdf_is_reflowed_like_the_pdf() -> None:
    # pdftotext -layout output: pages split by form feeds, indents kept, words cut at line ends.
    doc = parse_bytes(DUMP.encode(), "uk_pdftotext.txt")
    assert [a.id for a in doc.articles] == ["59", "60"]
    assert doc.article("59").lines == [  # type: ignore[union-attr]
        "1. В качестве исключительной меры наказания допускается применение смертной казни – расстрела "
        "(до отмены смертной казни) за преступления, предусмотренные частью 2 статьи 124 настоящего Кодекса.",
        "2. Смертная казнь не может быть назначена:",
        "1) лицам, совершившим преступления в возрасте до восемнадцати лет;",
        "2) женщинам;",
        "3. Смертная казнь в порядке помилования может быть заменена пожизненным лишением свободы.",
    ]
    assert doc.article("60").lines == [  # type: ignore[union-attr]
        "1. Суд назначает наказание в пределах санкции статьи Особенной части настоящего Кодекса."]
    assert any("form feeds" in w for w in doc.warnings)


def test_pdftotext_layout_output_of_a_publication_reads_back_exactly(tmp_path: Path) -> None:
    import shutil
    import subprocess

    tool = shutil.which("pdftotext")
    if tool is None:
        pytest.skip("pdftotext (poppler-utils) is not installed")
    pdf = tmp_path / "uk.pdf"
    pdf.write_bytes(make_pdf(CODE, page_size=A6))
    subprocess.run([tool, "-layout", str(pdf), str(tmp_path / "uk.txt")], check=True, capture_output=True)
    _same_articles(parse_bytes((tmp_path / "uk.txt").read_bytes(), "uk.txt"), CODE)


def test_a_page_number_glued_to_the_first_words_of_a_page_is_dropped() -> None:
    # Page 18 printed its number on the baseline of its first line; pages 17 and 19 on their own.
    dump = DUMP.replace("                                   18\n", "").replace(
        "     1) лицам, совершившим", "18   1) лицам, совершившим")
    doc = parse_bytes(dump.encode(), "uk_pdftotext.txt")
    assert doc.article("59").lines[2] == "1) лицам, совершившим преступления в возрасте до восемнадцати лет;"  # type: ignore[union-attr]


def test_the_contents_printed_before_the_text_add_no_articles() -> None:
    data = make_pdf(CODE, contents=True, page_size=A6)
    assert _raw_pypdf_text(data).count("Статья 130") >= 2 * 3   # 130, 130¹, 130² listed and printed
    doc = parse_bytes(data, "uk.pdf")
    _same_articles(doc, CODE)
    assert any("table of contents" in w for w in doc.warnings)


@pytest.mark.parametrize(("paragraph", "line", "joined"), [
    ("в порядке, установленном уголовно-", "процессуальным законом", "в порядке, установленном уголовно-процессуальным законом"),
    ("в отношении какой-", "либо социальной группы", "в отношении какой-либо социальной группы"),
    ("или нака-", "зывается штрафом", "или наказывается штрафом"),
])
def test_a_hyphenated_word_the_document_writes_nowhere_else_keeps_its_hyphen_by_the_dictionary(
        paragraph: str, line: str, joined: str) -> None:
    assert join_wrapped(paragraph, line, set()) == joined


def _bomb_pdf(content: bytes, pages: int, form: bytes | None = None) -> bytes:
    """`pages` pages that all draw one shared, compressed content stream (and, if given, call a
    form XObject drawing `form`): a few kilobytes on disk."""
    import zlib

    def stream(data: bytes, extra: bytes = b"") -> bytes:
        packed = zlib.compress(data, 9)
        return b"<< /Length %d /Filter /FlateDecode %s >>\nstream\n" % (len(packed), extra) + packed + b"\nendstream"

    first_page = 6
    kids = " ".join(f"{first_page + i} 0 R" for i in range(pages))
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>", f"<< /Type /Pages /Kids [{kids}] /Count {pages} >>".encode(),
               stream(content), b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
               stream(form or b"", b"/Type /XObject /Subtype /Form /BBox [0 0 612 792] /Resources"
                                   b" << /Font << /F1 4 0 R >> >>")]
    objects += [b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 3 0 R /Resources"
                b" << /Font << /F1 4 0 R >> /XObject << /Fm 5 0 R >> >> >>"] * pages
    return _pdf_file(objects, b"<< /Size %d /Root 1 0 R >>" % (len(objects) + 1))


def _pdf_file(objects: list[bytes], trailer: bytes) -> bytes:
    """Objects 1, 2, … written as a PDF file with its cross-reference table and `trailer`."""
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n" + trailer + b"\nstartxref\n%d\n%%%%EOF\n" % xref
    return bytes(out)


LINE = b"BT /F1 10 Tf 72 700 Td (Statya 1. Smertnaya kazn) Tj ET\n"


def test_a_pdf_whose_pages_share_one_huge_compressed_stream_is_refused_at_once() -> None:
    # 120 KB on disk; 500 pages of 10 MB of drawing each: about a minute of pypdf's time per page.
    bomb = _bomb_pdf(LINE * (10 * 2**20 // len(LINE)), 500)
    assert len(bomb) < 200 * 1024
    with within(15), pytest.raises(InputError, match="possible decompression bomb"):
        extract_text(bomb, "bomb.pdf")


def test_a_pdf_that_calls_one_form_a_million_times_is_refused() -> None:
    # Each page's small content calls the form 200 000 times: hours of pypdf's time per page.
    bomb = _bomb_pdf(b"/Fm Do\n" * 200_000, 50, form=LINE)
    assert len(bomb) < 64 * 1024
    with within(30), pytest.raises(InputError, match="possible decompression bomb"):
        extract_text(bomb, "bomb.pdf")


def test_the_budget_leaves_a_real_publication_alone() -> None:
    data = make_pdf(CODE, page_size=A6)
    assert "Статья 130" in extract_text(data, "uk.pdf")[0]


def _pdf(catalog: bytes, page_content: bytes, trailer: bytes = b"<< /Size 6 /Root 1 0 R >>") -> bytes:
    """A one-page PDF by hand: a catalog, the page tree, a font, the page and its content stream."""
    objects = [catalog, b"<< /Type /Pages /Kids [4 0 R] /Count 1 >>",
               b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
               b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 5 0 R"
               b" /Resources << /Font << /F1 3 0 R >> >> >>", page_content]
    return _pdf_file(objects, trailer)


CATALOG = b"<< /Type /Catalog /Pages 2 0 R >>"


def _ascii85(data: bytes) -> bytes:
    import base64

    packed = base64.a85encode(data, adobe=True)[2:]   # the stream holds no "<~"
    return b"<< /Length %d /Filter /ASCII85Decode >>\nstream\n" % len(packed) + packed + b"\nendstream"


@pytest.mark.parametrize(("pdf", "where"), [
    # an Ascii85 content stream with a byte outside its alphabet: base64's ValueError
    (_pdf(CATALOG, _ascii85(LINE * 5).replace(b"<~", b"").replace(b"A", b"|", 1)), "page 1: "),
    # the page tree is a number: PdfReadError raised while counting the pages
    (_pdf(b"<< /Type /Catalog /Pages 7 >>", _ascii85(LINE)), ""),
    # the trailer is a number, not a dictionary: AttributeError inside PdfReader()
    (_pdf(CATALOG, _ascii85(LINE), trailer=b"42"), ""),
])
def test_a_pdf_damaged_in_its_page_tree_fonts_or_content_is_one_clear_line(pdf: bytes, where: str) -> None:
    # pypdf raises ValueError, AttributeError, AssertionError or its own errors from deep inside a
    # page's extraction: each was a traceback before.
    with pytest.raises(InputError, match=f"^broken.pdf: not a readable PDF \\({where}"):
        parse_bytes(pdf, "broken.pdf")


def test_a_paragraph_of_a_hundred_thousand_wrapped_lines_is_joined_in_linear_time() -> None:
    # pdftotext output of one endless hyphenated paragraph: each line was joined on to a copy of the
    # whole paragraph, and the paragraph searched whole for its last word (minutes).
    dump = "     Статья 1. Смертная казнь\n\n     1. Наказание нака-\n" + "зыва-\n" * 100_000 + "ется.\n\f"
    with within(10):
        article = parse_bytes(dump.encode(), "dump.txt").articles[0]
    assert article.heading == "Статья 1. Смертная казнь"
    assert article.text == "1. Наказание нака" + "зыва" * 100_000 + "ется."
