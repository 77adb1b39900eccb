"""Portal HTML in the NCPI markup (PORTAL.md): the real etalonline page and hand-made fragments."""

from __future__ import annotations

from pathlib import Path

import pytest
from builders import within

from lexwatch.errors import InputError
from lexwatch.text.load import parse_bytes

PAGE = """\
<!DOCTYPE html>
<html lang="ru"><head><meta charset="utf-8" /><title>Уголовный кодекс</title></head><body>
<div class="usercontent document-wrap" id="userContent" data-regnum="HK9900275" data-state="1">
<div class="Section1">
<p class="titlek" id="">УГОЛОВНЫЙ КОДЕКС РЕСПУБЛИКИ БЕЛАРУСЬ</p>
<p class="newncpi" style="TEXT-ALIGN: center;"><span class="datepr">9 июля 1999 г.</span> \
<span class="number">№&nbsp;275-З</span></p>
<p class="contentword">СОДЕРЖАНИЕ</p>
<p class="contenttext"><a href="#&amp;Chapter=17">ГЛАВА 17.</a> Преступления против мира и безопасности</p>
<p class="contenttext"><a href="#&amp;Article=130/1">Статья 130<sup>1</sup>.</a> Реабилитация нацизма</p>
<p class="contenttext"><a href="#&amp;Article=130/2">Статья 130<sup>2</sup>.</a> Отрицание геноцида</p>
<p class="part">&nbsp;</p>
<p class="part">ОСОБЕННАЯ ЧАСТЬ</p>
<p class="zagrazdel" id="VI">РАЗДЕЛ VI<br />
ПРЕСТУПЛЕНИЯ ПРОТИВ МИРА, БЕЗОПАСНОСТИ ЧЕЛОВЕЧЕСТВА И ВОЕННЫЕ ПРЕСТУПЛЕНИЯ</p>
<p class="chapter" id="17"><a class="dopinfo" href="#" id="&amp;Chapter=17"></a>ГЛАВА 17<br />
ПРЕСТУПЛЕНИЯ ПРОТИВ МИРА И БЕЗОПАСНОСТИ ЧЕЛОВЕЧЕСТВА</p>
<p class="article" id="130/1"><a class="dopinfo" href="#" id="&amp;Article=130/1"></a>\
Статья&nbsp;130<sup>1</sup>.&nbsp;Реабилитация нацизма*</p>
<p class="point" id="1">1.&nbsp;Умышленные действия по реабилитации нацизма&nbsp;–</p>
<p class="newncpi">наказываются штрафом, или арестом, или ограничением свободы на срок до пяти лет.</p>
<p class="snoskiline">______________________________</p>
<p class="snoski">*Статья 130<sup>1</sup> включена Законом Республики Беларусь от 14 мая 2021 г. №&nbsp;104-З.</p>
<p class="article" id="130/2">Статья 130<sup>2</sup>. Отрицание геноцида белорусского народа</p>
<p class="point" id="1">1.&nbsp;Отрицание геноцида белорусского народа, содержащееся в публичном выступлении, \
в том числе в нарушение <a href="#&amp;Article=130/1">статьи 130<sup>1</sup></a>,&nbsp;–</p>
<p class="newncpi">наказывается арестом, или ограничением свободы на срок до пяти лет.</p>
<p class="comment">Примечание. Под геноцидом белорусского народа понимаются действия, указанные в \
<a href="http://pravo.by/document/?guid=3871&amp;p0=H12200146">Законе</a>.</p>
<table><tr><td><p class="newncpi2"><span class="post">Президент Республики Беларусь</span></p></td>
<td><p class="newncpi2"><span class="pers">А.Лукашенко</span></p></td></tr></table>
<p class="append1">Приложение</p>
<p class="point" id="1">1.&nbsp;Перечень, не являющийся текстом статьи.</p>
</div></div></body></html>
"""


def test_a_portal_page_gives_articles_with_sub_numbers_notes_and_headings() -> None:
    doc = parse_bytes(PAGE.encode(), "uk.html")
    assert (doc.format, doc.act, doc.title) == ("html", "HK9900275", "УГОЛОВНЫЙ КОДЕКС РЕСПУБЛИКИ БЕЛАРУСЬ")
    # The table of contents lists the same headings: it must not add or duplicate articles.
    assert [a.number.display for a in doc.articles] == ["130¹", "130²"]
    nazism, genocide = doc.articles
    assert nazism.title == "Реабилитация нацизма"        # footnote marker dropped from the title
    assert nazism.lines == ["1. Умышленные действия по реабилитации нацизма –",
                            "наказываются штрафом, или арестом, или ограничением свободы на срок до пяти лет."]
    assert nazism.part == "ОСОБЕННАЯ ЧАСТЬ"
    assert nazism.section == "РАЗДЕЛ VI ПРЕСТУПЛЕНИЯ ПРОТИВ МИРА, БЕЗОПАСНОСТИ ЧЕЛОВЕЧЕСТВА И ВОЕННЫЕ ПРЕСТУПЛЕНИЯ"
    assert nazism.chapter == "ГЛАВА 17 ПРЕСТУПЛЕНИЯ ПРОТИВ МИРА И БЕЗОПАСНОСТИ ЧЕЛОВЕЧЕСТВА"
    # The note belongs to its article; a superscript inside the text stays a superscript.
    assert genocide.lines[0].endswith("в том числе в нарушение статьи 130¹, –")
    assert genocide.lines[-1].startswith("Примечание. Под геноцидом белорусского народа")
    # Footnotes, the signature and the appendix are kept aside, not glued to an article.
    assert all("Лукашенко" not in a.text and "Перечень" not in a.text and "104-З" not in a.text
               for a in doc.articles)
    aside = "\n".join(text for _, text in doc.notes)
    assert "*Статья 130¹ включена Законом" in aside and "Приложение" in aside


def test_the_real_etalonline_page_of_the_criminal_procedure_code(corpus_dir: Path) -> None:
    doc = parse_bytes((corpus_dir / "markup_sample_etalonline.html").read_bytes(), "HK9900295.html")
    assert doc.act == "HK9900295"
    assert doc.title == "Уголовно-процессуальный кодекс Республики Беларусь"
    numbers = [a.number.display for a in doc.articles]
    # 49 contents lines list articles 1..39: none of them adds an article or a duplicate.
    assert numbers[:6] == ["1", "2", "3", "4", "5", "6"]
    assert len(numbers) == len(set(numbers)) == 47
    assert "38¹" in numbers and "468¹¹" in numbers and "468¹⁴" in numbers
    excluded = doc.article("38-1")
    assert excluded is not None and excluded.excluded and excluded.title == "Исключена"
    assert doc.article("468-11").title.startswith("Порядок судебного разбирательства уголовного дела")  # type: ignore[union-attr]
    arrest = doc.article("132")
    assert arrest is not None
    assert arrest.lines[-1].startswith("Примечание. Под имуществом для целей настоящей статьи понимаются")
    definitions = doc.article("6")
    assert definitions is not None
    assert "12¹) лицо, подлежавшее привлечению в качестве подозреваемого, обвиняемого, – лицо, умершее" \
        in definitions.text
    first = doc.article("1")
    assert first is not None
    assert first.title == "Законы, определяющие порядок уголовного процесса"
    assert "*Части статей и примечаний" not in first.text          # the footnote is no article text
    assert first.chapter == "ГЛАВА 1 УГОЛОВНО-ПРОЦЕССУАЛЬНОЕ ЗАКОНОДАТЕЛЬСТВО"
    assert first.part == "ЧАСТЬ ПЕРВАЯ ОБЩИЕ ПОЛОЖЕНИЯ"
    assert doc.article("468-13").chapter.startswith("ГЛАВА 49² ПРОИЗВОДСТВО ПО МАТЕРИАЛАМ")  # type: ignore[union-attr]
    last = doc.article("520")
    assert last is not None
    assert last.text == "Настоящий Кодекс вводится в действие специальным законом."
    assert "\u00a0" not in "".join(a.text + a.title for a in doc.articles)


@pytest.mark.parametrize("encoding", ["utf-8", "cp1251"])
def test_a_saved_portal_page_in_either_encoding_reads_the_same(encoding: str) -> None:
    page = PAGE.replace('charset="utf-8"', f'charset="{encoding}"')
    doc = parse_bytes(page.encode(encoding), "saved.htm")
    assert [a.title for a in doc.articles] == ["Реабилитация нацизма", "Отрицание геноцида белорусского народа"]


def test_a_page_cut_before_its_end_is_read_with_a_warning_and_a_whole_one_without() -> None:
    whole = parse_bytes(PAGE.encode(), "uk.html")
    assert not any("breaks off" in w for w in whole.warnings)
    cut = PAGE[:PAGE.index('<p class="comment">')]  # a download that stopped inside Art. 130²
    doc = parse_bytes(cut.encode(), "uk.html")
    assert [a.number.display for a in doc.articles] == ["130¹", "130²"]
    assert any("breaks off before its end" in w for w in doc.warnings)


@pytest.mark.parametrize("opening", ["<div>", "<ul><li>", "<dl><dd>", "<blockquote>"])
def test_a_page_of_elements_nested_forty_thousand_deep_is_refused_at_once(opening: str) -> None:
    # lexbor's parse time grows with the square of the nesting depth: 300 KB took minutes.
    page = PAGE.replace('<div class="Section1">', '<div class="Section1">' + opening * 40_000)
    with within(5), pytest.raises(InputError, match="nested more than 2000 levels deep"):
        parse_bytes(page.encode(), "uk.html")


def test_a_page_nested_as_deep_as_real_ones_is_read() -> None:
    page = PAGE.replace('<div class="Section1">', '<div class="Section1">' + "<div>" * 300)
    assert [a.id for a in parse_bytes(page.encode(), "uk.html").articles] == ["130-1", "130-2"]


def test_blocks_inside_tables_nested_two_thousand_deep_are_found_in_linear_time() -> None:
    # A page without portal markup: each cell's whole subtree was searched for a block inside it.
    page = ("<html><body>" + "<table><tr><td>" * 1900 + "<p>Статья 1. Смертная казнь</p>"
            + "<p>1. Смертная казнь может быть назначена.</p>" * 4000 + "</td></tr></table>" * 1900 + "</body></html>")
    with within(1.5):
        doc = parse_bytes(page.encode(), "page.html")
    assert [a.id for a in doc.articles] == ["1"]
    assert len(doc.articles[0].lines) == 4000


def test_unclosed_sup_tags_do_not_make_the_page_scan_itself_over_and_over() -> None:
    # "<sup" with no ">" before the next tag: each one made the superscript pattern scan on to the
    # next ">" far below and back, for every such "<sup" (seconds to minutes).
    page = PAGE.replace('<div class="Section1">', '<div class="Section1"><p class="newncpi">'
                        + ("<sup " + "x" * 1000) * 1900 + "</p>")
    with within(2):
        doc = parse_bytes(page.encode(), "uk.html")
    assert [a.id for a in doc.articles] == ["130-1", "130-2"]
