"""A lawyer's PDF read exactly (issue 4): a footnote printed at the foot of a page that an article runs
over is text of no article; read into the article, the PDF diffed as changed against its source."""

from __future__ import annotations

from io import BytesIO

import pytest

from lexwatch.text.load import parse_bytes

pytest.importorskip("reportlab")
from builders import DEJAVU

if not DEJAVU.is_file():
    pytest.skip("the DejaVuSans font is not installed", allow_module_level=True)

A6 = (298.0, 420.0)
HEAD = "Уголовный кодекс Республики Беларусь"
# Art. 63 (2022), wrapped and hyphenated as a narrow page prints it; page 1 breaks inside "участни-ков".
PAGE_1 = [
    (True, "УГОЛОВНЫЙ КОДЕКС РЕСПУБЛИКИ БЕЛАРУСЬ"),
    (True, "Статья 63. Обстоятельства, смягчающие от-"),
    (False, "ветственность"),
    (True, "1. Обстоятельствами, смягчающими ответ-"),
    (False, "ственность, признаются:"),
    (True, "1) явка с повинной;"),
    (True, "2) чистосердечное раскаяние в совершенном"),
    (False, "преступлении;"),
    (True, "3) активное способствование выявлению пре-"),
    (False, "ступления, изобличению других участни-"),
]
PAGE_2 = [
    (False, "ков преступления, розыску имущества, при-"),
    (False, "обретенного преступным путем;"),
    (True, "4) наличие на иждивении у виновного мало-"),
    (False, "летнего ребенка."),
]
LINES = ["1. Обстоятельствами, смягчающими ответственность, признаются:",
         "1) явка с повинной;",
         "2) чистосердечное раскаяние в совершенном преступлении;",
         "3) активное способствование выявлению преступления, изобличению других участников преступления, "
         "розыску имущества, приобретенного преступным путем;",
         "4) наличие на иждивении у виновного малолетнего ребенка."]
FOOTNOTE = ("*Части статей и примечаний (за исключением имеющих одну часть) в настоящем Кодексе нумеруются "
            "арабскими цифрами с точкой, пункты частей статей – арабскими цифрами со скобкой.")
FOOTNOTE_LINES = ["*Части статей и примечаний (за исключением имеющих",
                  "одну часть) в настоящем Кодексе нумеруются арабскими",
                  "цифрами с точкой, пункты частей статей – арабскими",
                  "цифрами со скобкой."]


def _register_font() -> None:
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    if "DejaVuSans" not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont("DejaVuSans", str(DEJAVU)))


def _publication(*, rule: str | None, origin_first: bool, footnote: list[str] = FOOTNOTE_LINES) -> bytes:
    """Two A6 pages, a running head and page numbers; page 1's foot holds the footnote in 6.5 pt under
    a rule (drawn, or typed as underscores in the running head's 8 pt). `origin_first`: the footnote's
    first line is moved to its indent before its font is set, as reportlab and Word write it."""
    from reportlab.pdfgen import canvas

    _register_font()
    buf = BytesIO()
    pdf = canvas.Canvas(buf, pagesize=A6, invariant=True)
    for number, lines in enumerate((PAGE_1, PAGE_2), 1):
        pdf.setFont("DejaVuSans", 8)
        pdf.drawCentredString(A6[0] / 2, A6[1] - 25, HEAD)
        pdf.drawCentredString(A6[0] / 2, 15, str(number))
        y = A6[1] - 50
        for indented, line in lines:
            pdf.setFont("DejaVuSans", 9)
            pdf.drawString(30 + (12 if indented else 0), y, line)
            y -= 11
        if number == 1:
            if rule is None:
                pdf.line(30, 100, 130, 100)
            else:
                pdf.setFont("DejaVuSans", 8)
                pdf.drawString(30, 100, rule)
            text = pdf.beginText(30, 90)
            if origin_first:
                text.setTextOrigin(38, 90)
            text.setFont("DejaVuSans", 6.5)
            for k, line in enumerate(footnote):
                text.setTextOrigin(38 if k == 0 else 30, 90 - 8 * k)
                text.textOut(line)
            pdf.drawText(text)
        pdf.showPage()
    pdf.save()
    return buf.getvalue()


@pytest.mark.parametrize(("rule", "origin_first"), [
    (None, False),
    # pypdf opens the footnote's line with a space in the last font's size (8 pt): the line was taken
    # for body text, and the typed rule for a line of the article.
    ("______________________________", True),
])
def test_a_footnote_at_the_foot_of_a_page_is_no_text_of_the_article_it_interrupts(
        rule: str | None, origin_first: bool) -> None:
    doc = parse_bytes(_publication(rule=rule, origin_first=origin_first), "uk.pdf")
    [article] = doc.articles
    assert article.title == "Обстоятельства, смягчающие ответственность"
    assert article.lines == LINES
    assert doc.notes == [("", FOOTNOTE)]


def test_a_footnote_wrapped_before_a_date_is_one_footnote() -> None:
    # its line "26 мая 2021 г. …" was read as the mark of a second footnote
    lines = ["*Статья 63 изложена в редакции Закона Республики", "Беларусь от", "26 мая 2021 г. № 112-З."]
    doc = parse_bytes(_publication(rule=None, origin_first=False, footnote=lines), "uk.pdf")
    assert doc.articles[0].lines == LINES
    assert doc.notes == [("", "*Статья 63 изложена в редакции Закона Республики Беларусь от 26 мая 2021 г. № 112-З.")]


def test_small_print_at_a_page_foot_without_a_footnote_mark_stays_in_the_text() -> None:
    """A note set in smaller type that ends a page is the article's, not a footnote."""
    from reportlab.pdfgen import canvas

    _register_font()
    buf = BytesIO()
    pdf = canvas.Canvas(buf, pagesize=A6, invariant=True)
    pdf.setFont("DejaVuSans", 9)
    y = A6[1] - 50
    for indented, line in PAGE_1[1:] + PAGE_2:
        pdf.drawString(30 + (12 if indented else 0), y, line)
        y -= 11
    pdf.setFont("DejaVuSans", 7)
    pdf.drawString(42, y, "Примечание. Явкой с повинной признается добровольное")
    pdf.drawString(30, y - 9, "сообщение лица о совершенном им преступлении.")
    pdf.showPage()
    pdf.save()
    [article] = parse_bytes(buf.getvalue(), "uk.pdf").articles
    assert article.lines == [*LINES, "Примечание. Явкой с повинной признается добровольное сообщение лица о "
                                     "совершенном им преступлении."]


# Art. 289 (2022) under its section and chapter, in a column too narrow for either heading: each wraps
# on to a second centred line, which reads as an indented line (a new paragraph) by its position.
SECTION = "РАЗДЕЛ X. ПРЕСТУПЛЕНИЯ ПРОТИВ ОБЩЕСТВЕННОЙ БЕЗОПАСНОСТИ И ЗДОРОВЬЯ НАСЕЛЕНИЯ"
CHAPTER = "ГЛАВА 27. Преступления против общественной безопасности"
COLUMN = [
    ("centre", "ОСОБЕННАЯ ЧАСТЬ"),
    ("centre", "РАЗДЕЛ X. ПРЕСТУПЛЕНИЯ ПРОТИВ ОБЩЕСТВЕННОЙ БЕЗО-"),
    ("centre", "ПАСНОСТИ И ЗДОРОВЬЯ НАСЕЛЕНИЯ"),
    ("centre", "ГЛАВА 27. Преступления против об-"),
    ("centre", "щественной безопасности"),
    ("indent", "Статья 289. Акт терроризма"),
    ("indent", "1. Акт терроризма, то есть совершение в целях"),
    ("margin", "устрашения населения и (или) принуждения ор-"),
    ("margin", "ганов власти к принятию каких-либо решений"),
    ("margin", "взрыва, поджога, затопления или иных действий, –"),
    ("indent", "наказывается лишением свободы на срок от вось-"),
    ("margin", "ми до двенадцати лет."),
]


def test_a_centred_heading_wrapped_on_to_a_second_line_is_one_heading() -> None:
    from reportlab.pdfbase.pdfmetrics import stringWidth
    from reportlab.pdfgen import canvas

    _register_font()
    buf = BytesIO()
    pdf = canvas.Canvas(buf, pagesize=A6, invariant=True)
    pdf.setFont("DejaVuSans", 8)
    pdf.drawCentredString(A6[0] / 2, A6[1] - 25, HEAD)
    y, width = A6[1] - 50, A6[0] - 60
    for place, line in COLUMN:
        pdf.setFont("DejaVuSans", 9)
        x = {"centre": 30 + (width - stringWidth(line, "DejaVuSans", 9)) / 2, "indent": 42.0, "margin": 30.0}[place]
        pdf.drawString(x, y, line)
        y -= 11
    pdf.showPage()
    pdf.save()
    doc = parse_bytes(buf.getvalue(), "uk.pdf")
    [article] = doc.articles
    assert (article.part, article.section, article.chapter) == ("ОСОБЕННАЯ ЧАСТЬ", SECTION, CHAPTER)
    assert article.lines == [
        "1. Акт терроризма, то есть совершение в целях устрашения населения и (или) принуждения органов власти "
        "к принятию каких-либо решений взрыва, поджога, затопления или иных действий, –",
        "наказывается лишением свободы на срок от восьми до двенадцати лет."]
    assert doc.notes == []


# Chapter 17 (2022) on an A5 page of two columns, the footnote to Art. 124's note at the foot of one
# column: that column stops above it, the other runs on to the page's foot, below the footnote.
A5 = (420.0, 595.0)
CHAPTER_17 = [
    "ГЛАВА 17. Преступления против мира и безопасности человечества",
    "Статья 122. Подготовка либо ведение агрессивной войны",
    "1. Планирование либо подготовка агрессивной войны –",
    "наказываются лишением свободы на срок от пяти до пятнадцати лет.",
    "2. Развязывание либо ведение агрессивной войны –",
    "наказываются лишением свободы на срок от семи до двадцати пяти лет, или пожизненным лишением свободы, или "
    "смертной казнью.",
    "Статья 123. Пропаганда войны",
    "1. Распространение в любой форме взглядов, идей или призывов с целью вызвать агрессию одной страны против "
    "другой (пропаганда войны) –",
    "наказывается штрафом или лишением свободы на срок до трех лет.",
    "2. Пропаганда войны, совершенная лицами, занимающими высшие государственные должности, –",
    "наказывается лишением свободы на срок от двух до пяти лет с лишением права занимать определенные должности "
    "или заниматься определенной деятельностью или без лишения.",
    "Статья 124. Акт терроризма в отношении представителя иностранного государства или международной организации",
    "1. Насилие в отношении представителя иностранного государства или международной организации, захват и (или) "
    "удержание его в качестве заложника, похищение и (или) лишение его свободы в целях провокации международных "
    "осложнений или войны либо дестабилизации общественного порядка в иностранном государстве –",
    "наказываются лишением свободы на срок от восьми до пятнадцати лет.",
    "2. Убийство представителя иностранного государства или международной организации в целях провокации "
    "международных осложнений или войны либо дестабилизации общественного порядка в иностранном государстве –",
    "наказывается лишением свободы на срок от десяти до двадцати пяти лет, или пожизненным лишением свободы, или "
    "смертной казнью.",
    "Примечание. Лицо, участвовавшее в приготовлении к деяниям, предусмотренным настоящей статьей, освобождается "
    "от уголовной ответственности за эти деяния, если оно своевременным предупреждением государственных органов "
    "или иным образом предотвратило акт терроризма в отношении представителя иностранного государства или "
    "международной организации.",
    "Статья 125. Нападение на учреждения, пользующиеся международной защитой",
    "1. Нападение на служебные или жилые помещения учреждений, пользующихся международной защитой, либо на "
    "транспортные средства этих учреждений с целью провокации международных осложнений или войны –",
    "наказывается ограничением свободы на срок от трех до пяти лет или лишением свободы на срок от трех до семи "
    "лет.",
    "2. То же действие, повлекшее по неосторожности смерть человека, либо причинение тяжкого телесного "
    "повреждения, либо сопряженное с умышленным уничтожением имущества или важных документов, –",
    "наказывается лишением свободы на срок от трех до тринадцати лет.",
]
NOTE_124 = ["1 Примечание к статье 124 введено Законом", "Республики Беларусь от 26 мая 2021 г. № 112-З."]


def _two_columns(footnote_under: int) -> bytes:
    """Two A5 pages of two columns (x 30 and 220), 9 pt on 11 pt, a running head and page numbers; page 1
    has the footnote in 6.5 pt under a drawn rule at the foot of column `footnote_under` (0 or 1)."""
    from builders import _wrap
    from reportlab.pdfgen import canvas

    _register_font()
    buf = BytesIO()
    pdf = canvas.Canvas(buf, pagesize=A5, invariant=True)
    width, top, foot = 170.0, A5[1] - 60, 50.0
    lines = [(k == 0, line) for text in CHAPTER_17 for k, line in enumerate(_wrap(text, width - 15, width, True))]
    page, column, y = 1, 0, top
    for first, line in lines:
        x = 30 + column * 190
        floor = foot + 12 + 8 * len(NOTE_124) if (page, column) == (1, footnote_under) else foot
        if y < floor:
            if (page, column) == (1, footnote_under):   # the footnote closes its column
                pdf.line(x, foot + 8 * len(NOTE_124) + 4, x + 60, foot + 8 * len(NOTE_124) + 4)
                for k, note in enumerate(NOTE_124):
                    pdf.setFont("DejaVuSans", 6.5)
                    pdf.drawString(x + (8 if k == 0 else 0), foot + 8 * (len(NOTE_124) - 1 - k), note)
            column, y = column + 1, top
            if column == 2:
                pdf.setFont("DejaVuSans", 8)
                pdf.drawCentredString(A5[0] / 2, A5[1] - 35, HEAD)
                pdf.drawCentredString(A5[0] / 2, 25, str(page))
                pdf.showPage()
                page, column = page + 1, 0
            x = 30 + column * 190
        pdf.setFont("DejaVuSans", 9)
        pdf.drawString(x + (15 if first else 0), y, line)
        y -= 11
    pdf.setFont("DejaVuSans", 8)
    pdf.drawCentredString(A5[0] / 2, A5[1] - 35, HEAD)
    pdf.drawCentredString(A5[0] / 2, 25, str(page))
    pdf.showPage()
    pdf.save()
    return buf.getvalue()


@pytest.mark.parametrize("column", [0, 1], ids=["left", "right"])
def test_a_footnote_at_the_foot_of_one_column_of_two_is_no_text_of_the_article(column: int) -> None:
    # the other column runs on below the footnote: the footnote was read as text between the columns
    doc = parse_bytes(_two_columns(column), "uk.pdf")
    assert [a.id for a in doc.articles] == ["122", "123", "124", "125"]
    assert [line for a in doc.articles for line in (a.heading, *a.lines)] == CHAPTER_17[1:]
    assert doc.articles[0].chapter == CHAPTER_17[0]
    assert doc.notes == [("", "1 Примечание к статье 124 введено Законом Республики Беларусь от 26 мая 2021 г. № 112-З.")]


# The Code's first page on A6: its title in 11 pt, centred and too wide for one line, broken with a hyphen
# (each line centred reads as an indented one: a paragraph of its own), the date and number under it.
FRONT = [
    ("centre", 11, "УГОЛОВНЫЙ КОДЕКС РЕСПУБЛИКИ БЕ-"),
    ("centre", 11, "ЛАРУСЬ"),
    ("centre", 9, "9 июля 1999 г. № 275-З"),
    ("centre", 9, "ОБЩАЯ ЧАСТЬ"),
    ("centre", 9, "РАЗДЕЛ I. УГОЛОВНЫЙ ЗАКОН"),
    ("centre", 9, "ГЛАВА 1. Общие положения"),
    ("indent", 9, "Статья 1. Уголовный кодекс Республики Бе-"),
    ("margin", 9, "ларусь"),
    ("indent", 9, "1. Уголовный кодекс Республики Беларусь опре-"),
    ("margin", 9, "деляет, какие общественно опасные деяния явля-"),
    ("margin", 9, "ются преступлениями, закрепляет основания и"),
    ("margin", 9, "условия уголовной ответственности."),
]


def test_a_centred_title_broken_with_a_hyphen_reads_as_one_title() -> None:
    from reportlab.pdfbase.pdfmetrics import stringWidth
    from reportlab.pdfgen import canvas

    _register_font()
    buf = BytesIO()
    pdf = canvas.Canvas(buf, pagesize=A6, invariant=True)
    y, width = A6[1] - 40, A6[0] - 60
    for place, size, line in FRONT:
        pdf.setFont("DejaVuSans", size)
        x = {"centre": 30 + (width - stringWidth(line, "DejaVuSans", size)) / 2, "indent": 42.0, "margin": 30.0}[place]
        pdf.drawString(x, y, line)
        y -= size + 3
    pdf.showPage()
    pdf.save()
    doc = parse_bytes(buf.getvalue(), "uk.pdf")
    # the title was "УГОЛОВНЫЙ КОДЕКС РЕСПУБЛИКИ БЕ-", and "ЛАРУСЬ" a line of the preamble
    assert doc.title == "УГОЛОВНЫЙ КОДЕКС РЕСПУБЛИКИ БЕЛАРУСЬ"
    assert doc.preamble == "9 июля 1999 г. № 275-З"
    assert doc.act == "HK9900275"
    [article] = doc.articles
    assert (article.part, article.section, article.chapter) == (
        "ОБЩАЯ ЧАСТЬ", "РАЗДЕЛ I. УГОЛОВНЫЙ ЗАКОН", "ГЛАВА 1. Общие положения")
    assert article.heading == "Статья 1. Уголовный кодекс Республики Беларусь"
    assert article.lines == ["1. Уголовный кодекс Республики Беларусь определяет, какие общественно опасные деяния "
                             "являются преступлениями, закрепляет основания и условия уголовной ответственности."]


def test_a_one_page_laws_running_head_is_no_line_of_its_last_article() -> None:
    # A short law's PDF is one page: its running head repeats on no other page, and read in stream order
    # (drawn after the text) it was the last article's last line: "Закон … № 251-З" in Art. 2, flagged
    # there by what it names, and a change against the law's text.
    from builders import make_pdf
    from test_upgrade import LAW

    from lexwatch.diff.engine import diff_documents

    law = parse_bytes(LAW.encode(), "zakon.txt")
    for columns in (1, 2):
        pdf = make_pdf(law, running_head="Закон Республики Беларусь от 14 февраля 2023 г. № 251-З", columns=columns)
        read = parse_bytes(pdf, "zakon.pdf")
        assert read.articles[-1].text.endswith("Президент Республики Беларусь А.Лукашенко"), columns
        assert diff_documents(law, read).summary()["changed"] == 0


def test_a_one_page_drafts_mark_stamped_last_in_large_print_is_read_above_its_title() -> None:
    # "ПРОЕКТ" stamped at the top right in 12 pt after the text was drawn: it ended the last article and
    # the draft read as a law (only a head in smaller print than the text's was taken for one)
    from reportlab.pdfgen import canvas

    _register_font()
    buf = BytesIO()
    pdf = canvas.Canvas(buf, pagesize=(420.0, 595.0), invariant=True)
    y = 555.0
    for size, line in ((11, "ЗАКОН РЕСПУБЛИКИ БЕЛАРУСЬ"), (9, "Статья 1. Внести в Закон Республики Беларусь"
                                                             " следующие изменения:"),
                       (9, "Статья 2. Настоящий Закон вступает в силу после его официального опубликования.")):
        pdf.setFont("DejaVuSans", size)
        pdf.drawString(30.0 if size == 9 else 110.0, y, line)
        y -= size + 3
    pdf.setFont("DejaVuSans", 12)
    pdf.drawRightString(390.0, 575.0, "ПРОЕКТ")
    pdf.showPage()
    pdf.save()
    draft = parse_bytes(buf.getvalue(), "proekt.pdf")
    assert draft.title == "ПРОЕКТ ЗАКОН РЕСПУБЛИКИ БЕЛАРУСЬ"
    assert [a.number.canonical for a in draft.articles] == ["1", "2"]
    assert not any("ПРОЕКТ" in a.title + a.text for a in draft.articles)


def test_a_one_page_drafts_small_mark_drawn_last_is_read_above_its_title() -> None:
    # "ПРОЕКТ" in small print at the top of a one-page draft, drawn after its text: dropped as a head, the
    # draft read as an adopted law (before, it ended the last article)
    from builders import make_pdf
    from test_upgrade import LAW

    from lexwatch.text.acts import is_draft

    draft = parse_bytes(make_pdf(parse_bytes(LAW.encode(), "zakon.txt"), running_head="ПРОЕКТ", page_numbers=False),
                        "proekt.pdf")
    assert draft.title == "ПРОЕКТ ЗАКОН РЕСПУБЛИКИ БЕЛАРУСЬ" and is_draft(draft)
    assert draft.articles[-1].text.endswith("Президент Республики Беларусь А.Лукашенко")


def _law_first_page(adopted: str) -> bytes:
    """Закон № 251-З's first page as an A5 publication sets it: its name centred and wrapped, the lines of
    its adoption at the left margin ("margin") or set right ("right")."""
    from reportlab.pdfbase.pdfmetrics import stringWidth
    from reportlab.pdfgen import canvas

    _register_font()
    page = (420.0, 595.0)
    lines = [("centre", 11, "ЗАКОН РЕСПУБЛИКИ БЕЛАРУСЬ"), ("centre", 9, "14 февраля 2023 г. № 251-З"),
             ("centre", 10, "О внесении изменений в Закон Республики Беларусь"),
             ("centre", 10, "«О противодействии экстремизму»"),
             (adopted, 9, "Принят Палатой представителей 26 января 2023 года"),
             (adopted, 9, "Одобрен Советом Республики 31 января 2023 года"),
             ("indent", 9, "Статья 1. Внести в Закон Республики Беларусь от 4 января 2007 г. № 203-З"),
             ("margin", 9, "«О противодействии экстремизму» следующие изменения:"),
             ("indent", 9, "Статья 2. Настоящий Закон вступает в силу через десять дней после его официального"),
             ("margin", 9, "опубликования.")]
    buf = BytesIO()
    pdf = canvas.Canvas(buf, pagesize=page, invariant=True)
    y, width = page[1] - 40, page[0] - 60
    for place, size, line in lines:
        pdf.setFont("DejaVuSans", size)
        wide = stringWidth(line, "DejaVuSans", size)
        pdf.drawString({"centre": 30 + (width - wide) / 2, "indent": 42.0, "margin": 30.0,
                        "right": 30 + width - wide}[place], y, line)
        y -= size + 3
    pdf.showPage()
    pdf.save()
    return buf.getvalue()


@pytest.mark.parametrize("adopted", ["margin", "right"])
def test_a_laws_name_wrapped_over_two_centred_lines_is_its_whole_name(adopted: str) -> None:
    # The name's second line read as a paragraph of its own (centred reads as indented) and a margin
    # line of adoption was joined to it: the law's name was "О внесении изменений в Закон Республики
    # Беларусь", and its PDF diffed against its text as a law renamed.
    from lexwatch.diff.engine import diff_documents
    from lexwatch.text.acts import own_name

    text = ("ЗАКОН РЕСПУБЛИКИ БЕЛАРУСЬ\n14 февраля 2023 г. № 251-З\n"
            "О внесении изменений в Закон Республики Беларусь «О противодействии экстремизму»\n"
            "Принят Палатой представителей 26 января 2023 года\nОдобрен Советом Республики 31 января 2023 года\n"
            "Статья 1. Внести в Закон Республики Беларусь от 4 января 2007 г. № 203-З «О противодействии "
            "экстремизму» следующие изменения:\nСтатья 2. Настоящий Закон вступает в силу через десять дней после "
            "его официального опубликования.\n")
    law, read = parse_bytes(text.encode(), "zakon.txt"), parse_bytes(_law_first_page(adopted), "zakon.pdf")
    assert own_name(read) == "О внесении изменений в Закон Республики Беларусь «О противодействии экстремизму»"
    assert read.preamble == law.preamble
    diff = diff_documents(law, read)
    assert diff.renamed is None and not diff.has_changes, diff.summary()
