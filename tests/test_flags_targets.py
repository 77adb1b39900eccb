"""In an amending law a hit names the Code article the instruction around it changes, as a commentator cites it.

The laws are written as Belarusian amending laws are: "Статья 1. Внести в Уголовный кодекс … следующие
изменения:", points "1.", "1.1." or "1)", a lead "В статье 289:" over items "часть 1 изложить …", the
new wording in «…» on the lines after the instruction, several codes amended in separate articles.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from builders import make_pdf, render_portal_html

from lexwatch.diff.engine import diff_documents
from lexwatch.flags import Pack, annotate_diff, flag_document, load_packs
from lexwatch.flags.direction import document_directions
from lexwatch.flags.match import find_hits
from lexwatch.flags.targets import Target, document_targets
from lexwatch.text.load import read_document
from lexwatch.text.model import Document

LAW = """ЗАКОН РЕСПУБЛИКИ БЕЛАРУСЬ
26 мая 2021 г. № 112-З
Об изменении кодексов по вопросам уголовной ответственности

Принят Палатой представителей 2 апреля 2021 года
Одобрен Советом Республики 21 апреля 2021 года

Статья 1. Внести в Уголовный кодекс Республики Беларусь от 9 июля 1999 г. № 275-З следующие изменения:
1. В статье 289:
часть 1 изложить в следующей редакции:
«1. Совершение взрыва, поджога или иных действий, создающих опасность гибели людей, в целях устрашения населения (акт терроризма) –
наказывается лишением свободы на срок от восьми до пятнадцати лет, или пожизненным лишением свободы, или смертной казнью.»;
в части 3 слова «или пожизненным лишением свободы» заменить словами «, или пожизненным лишением свободы, или смертной казнью»;
2. статью 361⁴ исключить;
3. дополнить Кодекс статьей 130¹ следующего содержания:
«Статья 130¹. Реабилитация нацизма
Реабилитация нацизма, совершенная публично, –
наказывается лишением свободы на срок до пяти лет.»;
4. в части 2 статьи 124 слова «пожизненным лишением свободы» заменить словами «пожизненным лишением свободы или смертной казнью»;
5. в статье 67:
в части 2 слова «частью 3 статьи 289» заменить словами «частями 1 и 3 статьи 289»;
часть 3 исключить;
6. главу 17 после статьи 130¹ дополнить статьей 130² следующего содержания:
«Статья 130². Отрицание геноцида белорусского народа
Отрицание геноцида белорусского народа, содержащееся в публичном выступлении, –
наказывается лишением свободы на срок до пяти лет.».
Статья 2. Внести в Уголовно-процессуальный кодекс Республики Беларусь от 16 июля 1999 г. № 295-З (Ведамасці Нацыянальнага сходу Рэспублікі Беларусь, 1999 г., № 28–29, ст. 433) следующие изменения:
1. часть 1 статьи 182 дополнить словами «, а также по уголовным делам о преступлениях, предусмотренных статьями 289, 290 Уголовного кодекса Республики Беларусь»;
2. в статье 36¹:
пункт 3 части 1 изложить в следующей редакции:
«3) о террористических организациях;».
Статья 3. Внести в Кодекс Республики Беларусь об административных правонарушениях от 6 января 2021 г. № 91-З изменение, изложив часть 2 статьи 19.11 в следующей редакции:
«2. Распространение информационной продукции, включенной в республиканский список экстремистских материалов, –
влечет наложение штрафа в размере до тридцати базовых величин.».
Статья 4. Признать утратившими силу:
статью 2 Закона Республики Беларусь от 5 января 2022 г. № 146-З «О геноциде белорусского народа»;
часть 3 статьи 361⁵ Уголовного кодекса Республики Беларусь.
Статья 5. Настоящий Закон вступает в силу через десять дней после его официального опубликования.
"""


@pytest.fixture(scope="module")
def packs() -> list[Pack]:
    return load_packs(None)


@pytest.fixture(scope="module")
def law(tmp_path_factory: pytest.TempPathFactory) -> Document:
    path = tmp_path_factory.mktemp("law") / "zakon_112-z.txt"
    path.write_text(LAW, encoding="utf-8")
    return read_document(path)


Aimed = tuple[str | None, str, str, tuple[str, ...], str | None]


def aimed(doc: Document, packs: list[Pack]) -> list[Aimed]:
    """(the law's article, rule, direction, the targets as cited, the instruction's point) of every hit."""
    return [(h.article, h.rule, h.direction, tuple(t.display for t in h.targets), h.instruction)
            for h in flag_document(doc, packs)]


def in_text(text: str, packs: list[Pack]) -> list[tuple[str, str, tuple[str, ...], str | None]]:
    """(matched words, rule, targets, point) of every hit of one law article's text."""
    hits = document_targets(text, document_directions(text, find_hits(text, packs)))
    return [(text[h.start:h.end], h.rule, tuple(t.display for t in h.targets), h.instruction) for h in hits]


def test_each_instruction_names_the_code_article_it_changes(law: Document, packs: list[Pack]) -> None:
    got = aimed(law, packs)
    # "В статье 289:" leads items: "часть 1 изложить …" changes part 1, "в части 3 слова …" part 3
    assert ("1", "death-penalty", "changed", ("ч. 1 ст. 289 УК",), "1") in got
    assert ("1", "death-penalty", "added", ("ч. 3 ст. 289 УК",), "1") in got
    assert ("1", "extremism-articles", "removed", ("ст. 361⁴ УК",), "2") in got
    # "дополнить Кодекс статьей 130¹": the new article, in the instruction and in its new wording
    assert {g for g in got if g[1] == "nazism-rehabilitation" and g[4] == "3"} == {
        ("1", "nazism-rehabilitation", "added", ("ст. 130¹ УК",), "3")}
    assert ("1", "death-penalty", "added", ("ч. 2 ст. 124 УК",), "4") in got
    # Art. 289 cited inside the words replaced in Art. 67: the change is to Art. 67
    assert ("1", "terrorism-articles", "changed", ("ч. 2 ст. 67 УК",), "5") in got
    assert ("1", "genocide-denial", "added", ("ст. 130² УК",), "6") in got
    # another code in another article of the law; a point of a part; КоАП numbers articles in chapters
    assert ("2", "terrorism-articles", "added", ("ч. 1 ст. 182 УПК",), "1") in got
    assert ("2", "terrorism", "changed", ("п. 3 ч. 1 ст. 36¹ УПК",), "2") in got
    assert ("3", "extremism", "changed", ("ч. 2 ст. 19.11 КоАП",), None) in got
    assert ("4", "extremism-articles", "removed", ("ч. 3 ст. 361⁵ УК",), None) in got


def test_what_cannot_be_read_is_not_guessed(law: Document, packs: list[Pack]) -> None:
    got = aimed(law, packs)
    # "после статьи 130¹" only says where Art. 130² goes: Art. 130¹ is not changed there
    assert ("1", "nazism-rehabilitation", "changed", (), None) in got
    # the repealed article of another law is that law's, cited by its number, never a code's
    assert {g[3] for g in got if g[1] in ("genocide-law", "genocide")} == {("ст. 2 Закона № 146-З",)}
    # the law's own title and its entry into force instruct nothing
    assert all(g[3] for g in got if g[0] in ("1", "2", "3") and g[1] != "nazism-rehabilitation")


def test_a_law_read_as_one_text_gives_the_targets_of_its_articles(law: Document, packs: list[Pack]) -> None:
    # a draft whose article headings the parser did not find is one text: each "Статья N." starts anew
    whole = in_text(LAW, packs)
    assert {targets for _, _, targets, _ in whole} == {g[3] for g in aimed(law, packs)}
    text = ("Статья 1. Внести в Уголовный кодекс Республики Беларусь следующие изменения:\nстатью 361⁴ исключить.\n"
            "Статья 2. Признать утратившими силу:\nчасть 3 статьи 361⁵;\nстатью 2 Закона Республики Беларусь "
            "от 5 января 2022 г. № 146-З «О геноциде белорусского народа».")
    # the part of an article no act is named for is nobody's; another law's article is that law's
    law_146 = ("ст. 2 Закона № 146-З",)
    assert [(words, targets) for words, _, targets, _ in in_text(text, packs)] == [
        ("статью 361⁴", ("ст. 361⁴ УК",)), ("часть 3 статьи 361⁵", ()), ("146-З", law_146), ("геноциде", law_146)]
    # also among the Criminal Code's own instructions
    within = text.replace(".\nСтатья 2. Признать утратившими силу:\nчасть 3 статьи 361⁵;\nстатью",
                          ";\nпризнать утратившей силу статью")
    assert [(words, targets) for words, _, targets, _ in in_text(within, packs)] == [
        ("статью 361⁴", ("ст. 361⁴ УК",)), ("146-З", law_146), ("геноциде", law_146)]


def test_the_criminal_code_itself_has_no_targets(corpus_dir: Path, packs: list[Pack]) -> None:
    # its articles cite other codes ("Уголовно-процессуальным кодексом") and say "может заменить":
    # neither is an amendment instruction
    doc = read_document(corpus_dir / "uk_2022-09.txt")
    hits = flag_document(doc, packs)
    assert len(hits) > 250 and not [h for h in hits if h.targets or h.instruction]


def test_a_lead_in_a_lead_and_numbered_subpoints(packs: list[Pack]) -> None:
    text = ("Внести в Уголовный кодекс Республики Беларусь следующие изменения:\n"
            "1. В статье 67:\n"
            "1.1. в части 2:\n"
            "слова «частью 3 статьи 289» заменить словами «частями 1 и 3 статьи 289»;\n"
            "слова «частью 2 статьи 359» исключить;\n"
            "1.2. часть 3 изложить в следующей редакции:\n"
            "«3. Смертная казнь за покушение на преступление может быть назначена по решению суда.»;\n"
            "2. в статье 289:\n"
            "1) часть 2 дополнить словами «, или смертной казнью»;\n"
            "2) в части 3 слова «экстремистского формирования» заменить словами «террористической организации».")
    got = in_text(text, packs)
    assert ("частью 3 статьи 289", "terrorism-articles", ("ч. 2 ст. 67 УК",), "1.1") in got
    assert ("частью 2 статьи 359", "terrorism-articles", ("ч. 2 ст. 67 УК",), "1.1") in got
    assert ("Смертная казнь", "death-penalty", ("ч. 3 ст. 67 УК",), "1.2") in got
    assert ("смертной казнью", "death-penalty", ("ч. 2 ст. 289 УК",), "2 1)") in got
    assert ("террористической", "terrorism", ("ч. 3 ст. 289 УК",), "2 2)") in got


def test_an_article_added_after_a_part_and_a_part_named_in_words(packs: list[Pack]) -> None:
    got = in_text("Внести в Уголовный кодекс Республики Беларусь следующие изменения:\n"
                  "статью 59 после части 2 дополнить частью 2¹ следующего содержания:\n"
                  "«2¹. Смертная казнь не может быть назначена лицам, страдающим психическим расстройством.»;\n"
                  "часть первую статьи 289 дополнить словами «или смертной казнью».", packs)
    assert ("Смертная казнь", "death-penalty", ("ч. 2¹ ст. 59 УК",), None) in got
    assert ("смертной казнью", "death-penalty", ("ч. 1 ст. 289 УК",), None) in got


def test_several_articles_in_one_instruction(packs: list[Pack]) -> None:
    repeal = in_text("Признать утратившими силу части 2 статей 361¹ и 361⁴ Уголовного кодекса Республики Беларусь.",
                     packs)
    assert repeal == [("части 2 статей 361¹", "extremism-articles", ("ч. 2 ст. 361¹ УК",), None),
                      ("361⁴", "extremism-articles", ("ч. 2 ст. 361⁴ УК",), None)]
    sanctions = in_text("Внести в Уголовный кодекс Республики Беларусь изменение, заменив в санкциях частей 2 и 3 "
                        "статей 289 и 290 слова «или пожизненным лишением свободы» словами «, или пожизненным "
                        "лишением свободы, или смертной казнью».", packs)
    assert ("смертной казнью", "death-penalty", ("ч. 2 ст. 289 УК", "ч. 3 ст. 289 УК", "ч. 2 ст. 290 УК",
                                                 "ч. 3 ст. 290 УК"), None) in sanctions
    assert ("290", "terrorism-articles", ("ч. 2 ст. 290 УК", "ч. 3 ст. 290 УК"), None) in sanctions
    ranged = in_text("Внести в Уголовный кодекс Республики Беларусь изменение, признав утратившими силу "
                     "статьи 361¹–361⁴.", packs)
    assert [t for _, _, t, _ in ranged] == [("ст. 361¹ УК",), ("ст. 361² УК",), ("ст. 361³ УК",), ("ст. 361⁴ УК",)]


def test_new_articles_are_told_apart_by_their_headings(packs: list[Pack]) -> None:
    text = ("Внести в Уголовно-исполнительный кодекс Республики Беларусь от 11 января 2000 г. № 365-З "
            "(Ведамасці Нацыянальнага сходу Рэспублікі Беларусь, 2000 г., № 4, ст. 158) следующие изменения:\n"
            "1. дополнить Кодекс главой 17¹ следующего содержания:\n"
            "«ГЛАВА 17¹\nИСПОЛНЕНИЕ НАКАЗАНИЯ ЛИЦАМИ, ОСУЖДЕННЫМИ ЗА ПРЕСТУПЛЕНИЯ ЭКСТРЕМИСТСКОЙ НАПРАВЛЕННОСТИ\n"
            "Статья 69¹. Содержание лиц, осужденных за преступления террористической направленности\n"
            "Осужденные за акт терроризма содержатся отдельно.\n"
            "Статья 69². Содержание лиц, осужденных за экстремистские преступления\n"
            "Осужденные за экстремистские преступления содержатся отдельно.»;\n")
    got = {(words, targets) for words, _, targets, _ in in_text(text, packs)}
    # the chapter's title comes before any article: no article is named for it (nor "ст. 158" of the bracket)
    assert ("ЭКСТРЕМИСТСКОЙ", ()) in got
    assert ("террористической", ("ст. 69¹ УИК",)) in got and ("терроризма", ("ст. 69¹ УИК",)) in got
    assert ("экстремистские", ("ст. 69² УИК",)) in got


def test_the_source_in_brackets_is_neither_a_point_nor_an_article(packs: list[Pack]) -> None:
    got = in_text("Внести в Уголовно-исполнительный кодекс Республики Беларусь от 11 января 2000 г. № 365-З "
                  "(Ведамасці Нацыянальнага сходу Рэспублікі Беларусь, 2000 г., № 4, ст. 58) изменение, изложив "
                  "часть 1 статьи 69¹ в следующей редакции:\n"
                  "«1. Осужденные за акт терроризма содержатся отдельно от других осужденных.»", packs)
    assert got == [("терроризма", "terrorism", ("ч. 1 ст. 69¹ УИК",), None)]


@pytest.mark.parametrize(("root", "cited"), [
    ("Внести в Трудовой кодекс Республики Беларусь от 26 июля 1999 г. № 296-З следующие изменения:", None),
    ("Внести в Закон Республики Беларусь от 4 января 2007 г. № 203-З «О противодействии экстремизму» "
     "следующие изменения:", "ч. 1 ст. 1 Закона № 203-З"),
    ("Внести в Процессуально-исполнительный кодекс Республики Беларусь об административных правонарушениях "
     "от 6 января 2021 г. № 92-З следующие изменения:", "ч. 1 ст. 1 ПИКоАП"),
    # a decree's provisions are points, not articles; a law's in another law, nobody's
    ("Внести в Указ Президента Республики Беларусь от 9 ноября 2010 г. № 575 следующие изменения:", None),
    ("Внести в Положение, утвержденное Законом Республики Беларусь от 4 января 2007 г. № 203-З, "
     "следующие изменения:", None),
], ids=["labour-code", "law", "pikoap", "decree", "regulation-of-a-law"])
def test_the_codes_each_by_its_own_name_and_laws_by_their_number(root: str, cited: str | None,
                                                                packs: list[Pack]) -> None:
    got = in_text(root + "\n1. в части 1 статьи 1 слова «экстремистских материалов» исключить.", packs)
    assert [t for words, _, t, _ in got if words == "экстремистских"] == [(cited,) if cited else ()]


def test_an_article_of_a_law_titled_by_the_code_it_amends(packs: list[Pack]) -> None:
    # a draft's article titled "Изменения в Уголовный кодекс …", without "Внести"
    text = ("Изменения в Уголовный кодекс Республики Беларусь\n"
            "Часть 1 статьи 361¹ изложить в следующей редакции:\n"
            "«1. Создание экстремистского формирования – наказывается лишением свободы на срок от шести до "
            "десяти лет.»")
    assert {t for _, _, t, _ in in_text(text, packs)} == {("ч. 1 ст. 361¹ УК",)}


def test_the_portal_page_and_the_pdf_of_the_law_give_the_same_targets(tmp_path: Path, law: Document,
                                                                     packs: list[Pack]) -> None:
    page = tmp_path / "H12100112.html"
    page.write_text(render_portal_html(law, regnum=None, toc=False, date_line=""), encoding="utf-8")
    pdf = tmp_path / "H12100112.pdf"
    pdf.write_bytes(make_pdf(law, running_head="Закон Республики Беларусь от 26 мая 2021 г. № 112-З"))
    expected = aimed(law, packs)
    assert sum(1 for g in expected if g[3]) >= 20
    assert aimed(read_document(page), packs) == expected
    assert aimed(read_document(pdf), packs) == expected


def test_two_versions_of_a_draft_flag_with_targets(tmp_path: Path, packs: list[Pack]) -> None:
    new = tmp_path / "draft_2.txt"
    new.write_text(LAW, encoding="utf-8")
    old = tmp_path / "draft_1.txt"
    old.write_text(LAW.replace(", или пожизненным лишением свободы, или смертной казнью.»;", ".»;"), encoding="utf-8")
    diff = diff_documents(read_document(old), read_document(new))
    annotate_diff(diff, packs)
    death = [f for item in diff.articles for f in item.flags if f["rule"] == "death-penalty"]
    assert [(f["direction"], f["targets"], f["instruction"]) for f in death] == [
        ("added", [{"code": "УК", "article": "289", "part": "1", "point": None}], "1")]


def draft_flags(tmp_path: Path, packs: list[Pack], first: str, second: str) -> list[tuple[str, str, tuple[str, ...],
                                                                                         str | None]]:
    """(rule, direction, targets as cited, instruction) of every flag of a draft diffed against its earlier text."""
    (tmp_path / "draft_1.txt").write_text(first, encoding="utf-8")
    (tmp_path / "draft_2.txt").write_text(second, encoding="utf-8")
    diff = diff_documents(read_document(tmp_path / "draft_1.txt"), read_document(tmp_path / "draft_2.txt"))
    annotate_diff(diff, packs)
    return sorted((f["rule"], f["direction"], tuple(Target(**t).display for t in f["targets"]), f["instruction"])
                  for item in diff.articles for f in item.flags)


POINT_4 = ("4. в части 2 статьи 124 слова «пожизненным лишением свободы» заменить словами «пожизненным лишением "
           "свободы или смертной казнью»;")


def test_a_draft_revised_in_one_point_flags_that_point_only(tmp_path: Path, packs: list[Pack]) -> None:
    # the second reading gives point 4 another sanction; points 1-3, 5 and 6 (death penalty in Art. 289,
    # 361⁴ repealed, 130¹ and 130² added) are word for word what the first reading said
    second = LAW.replace(POINT_4, "4. в части 2 статьи 124 слова «на срок от семи до пятнадцати лет» заменить словами "
                                  "«на срок от десяти до двадцати лет, или пожизненным лишением свободы, или смертной "
                                  "казнью»;")
    assert draft_flags(tmp_path, packs, LAW, second) == [
        ("death-penalty", "changed", ("ч. 2 ст. 124 УК",), "4"),
        ("terrorism-articles", "changed", ("ч. 2 ст. 124 УК",), "4")]


def test_an_item_revised_under_a_lead_names_its_part_and_the_lead_its_article(tmp_path: Path,
                                                                              packs: list[Pack]) -> None:
    # "1. В статье 289:" leads "часть 1 изложить …" (unchanged, with the death penalty in its new wording) and
    # "в части 3 слова …", whose new wording now adds confiscation to the death penalty
    second = LAW.replace("«, или пожизненным лишением свободы, или смертной казнью»;",
                         "«, или пожизненным лишением свободы, или смертной казнью, с конфискацией имущества»;")
    assert draft_flags(tmp_path, packs, LAW, second) == [
        ("death-penalty", "changed", ("ч. 3 ст. 289 УК",), "1"),
        ("terrorism-articles", "changed", ("ст. 289 УК",), "1")]


def test_an_instruction_dropped_and_one_added_between_readings(tmp_path: Path, packs: list[Pack]) -> None:
    # point 2 is dropped, so points 3-6 become 2-5 (renumbered, not changed), and a new point 6 adds the death
    # penalty to Art. 290
    second = LAW.replace("2. статью 361⁴ исключить;\n", "")
    for n in range(3, 7):
        second = second.replace(f"\n{n}. ", f"\n{n - 1}. ", 1)
    second = second.replace("наказывается лишением свободы на срок до пяти лет.».\nСтатья 2.",
                            "наказывается лишением свободы на срок до пяти лет.»;\n6. часть 1 статьи 290 после слов "
                            "«на срок от восьми до пятнадцати лет» дополнить словами «, или пожизненным лишением "
                            "свободы, или смертной казнью».\nСтатья 2.")
    assert draft_flags(tmp_path, packs, LAW, second) == [
        ("death-penalty", "added", ("ч. 1 ст. 290 УК",), "6"),
        ("extremism-articles", "removed", ("ст. 361⁴ УК",), "2"),
        ("terrorism-articles", "added", ("ч. 1 ст. 290 УК",), "6")]


def test_the_same_draft_renumbered_flags_nothing(tmp_path: Path, packs: list[Pack]) -> None:
    # a point inserted in front (no watched subject in it) renumbers every point after it
    second = LAW
    for n in range(6, 0, -1):
        second = second.replace(f"\n{n}. ", f"\n{n + 1}. ", 1)
    second = second.replace("\n2. В статье 289:", "\n1. в части 1 статьи 16 слова «умышленное» заменить словами "
                                                "«умышленное или неосторожное»;\n2. В статье 289:")
    assert "\n7. главу 17" in second
    assert draft_flags(tmp_path, packs, LAW, second) == []


def test_abbreviated_references_in_instructions(packs: list[Pack]) -> None:
    # "ч. 3 ст. 289", "п. 2 ч. 1 ст. 67": a clause does not end at the abbreviation's full stop
    text = ("Внести в Уголовный кодекс Республики Беларусь следующие изменения:\n"
            "1. в ч. 3 ст. 289 слова «пожизненным лишением свободы» заменить словами «пожизненным лишением свободы "
            "или смертной казнью»;\n"
            "2. в п. 2 ч. 1 ст. 67 слова «статьей 289» заменить словами «статьями 289 и 290»;\n"
            "3. В ст. 361⁴:\n"
            "абз. 2 ч. 1 исключить;\n"
            "подп. 1.2 п. 1 примечания к статье исключить.")
    got = in_text(text, packs)
    assert ("ч. 3 ст. 289", "terrorism-articles", ("ч. 3 ст. 289 УК",), "1") in got
    assert ("смертной казнью", "death-penalty", ("ч. 3 ст. 289 УК",), "1") in got
    assert ("ч. 1 ст. 67", "death-penalty-articles", ("п. 2 ч. 1 ст. 67 УК",), "2") in got
    assert ("ст. 361⁴", "extremism-articles", ("ст. 361⁴ УК",), "3") in got
    directions = {text[h.start:h.end]: h.direction for h in document_directions(text, find_hits(text, packs))}
    assert directions["смертной казнью"] == "added" and directions["ст. 361⁴"] == "changed"


NESTED = """ЗАКОН РЕСПУБЛИКИ БЕЛАРУСЬ
Об изменении Уголовного кодекса Республики Беларусь

Статья 1. Внести в Уголовный кодекс Республики Беларусь следующие изменения:
1. В статье 67:
1.1. в части 2:
слова «частью 3 статьи 289» заменить словами «частями 1 и 3 статьи 289»;
слова «частью 2 статьи 359» исключить;
1.2. часть 3 изложить в следующей редакции:
«3. Смертная казнь за покушение на преступление может быть назначена по решению суда.»;
2. в статье 289:
1) часть 2 дополнить словами «, или смертной казнью»;
2) в части 3 слова «экстремистского формирования» заменить словами «террористической организации».
Статья 2. Настоящий Закон вступает в силу после его официального опубликования.
"""


def test_a_revised_sub_point_is_told_by_its_own_point(tmp_path: Path, packs: list[Pack]) -> None:
    # a diff compares the law's articles on one line each ("1. В статье 67: 1.1. в части 2: слова …"): the
    # points, sub-points and leads are read there as on lines
    assert draft_flags(tmp_path, packs, NESTED, NESTED.replace("по решению суда", "по приговору суда")) == [
        ("death-penalty", "changed", ("ч. 3 ст. 67 УК",), "1.2"),
        ("death-penalty-articles", "changed", ("ст. 67 УК",), "1")]
    assert draft_flags(tmp_path, packs, NESTED, NESTED.replace("организации».", "организации или ее части».")) == [
        ("extremism", "changed", ("ч. 3 ст. 289 УК",), "2 2)"),
        ("terrorism", "changed", ("ч. 3 ст. 289 УК",), "2 2)"),
        ("terrorism-articles", "changed", ("ст. 289 УК",), "2")]


LAWS = """ЗАКОН РЕСПУБЛИКИ БЕЛАРУСЬ
14 февраля 2023 г. № 250-З
Об изменении законов по вопросам противодействия экстремизму

Принят Палатой представителей 24 января 2023 года
Одобрен Советом Республики 31 января 2023 года

Статья 1. Статью 1 Закона Республики Беларусь от 4 января 2007 г. № 203-З «О противодействии экстремизму» (Национальный реестр правовых актов Республики Беларусь, 2007 г., № 4, 2/1306) дополнить пунктом 11 следующего содержания:
«11) экстремистские материалы – информационная продукция, содержащая призывы к экстремистской деятельности, включенная в республиканский список экстремистских материалов;».
Статья 2. Внести в Закон Республики Беларусь от 17 июля 2008 г. № 427-З «О средствах массовой информации» следующие изменения:
1. в статье 1:
1.1. абзац второй после слов «информационная продукция» дополнить словами «, за исключением экстремистских материалов»;
1.2. дополнить статью абзацем следующего содержания:
«иностранный агент – лицо, включенное в перечень иностранных агентов;»;
2. статью 17 дополнить частью третьей следующего содержания:
«Распространение информационной продукции, включенной в республиканский список экстремистских материалов, запрещается.»;
3. в части первой статьи 38 слова «статьей 2 настоящего Закона» заменить словами «законодательством о противодействии экстремизму».
Статья 3. Внести в Закон Республики Беларусь «О массовых мероприятиях в Республике Беларусь» изменение, изложив статью 2 в следующей редакции:
«Статья 2. Цели проведения массовых мероприятий
Массовые мероприятия проводятся в целях реализации прав и свобод граждан. Использование массовых мероприятий для экстремистской деятельности не допускается.».
Статья 4. В статье 14 Закона Республики Беларусь от 4 января 2007 г. № 203-З «О противодействии экстремизму» слова «экстремистских материалов» заменить словами «экстремистских материалов и символики» с даты вступления в силу статьи 2 настоящего Закона.
Статья 5. Настоящий Закон вступает в силу после его официального опубликования, за исключением статьи 2, которая вступает в силу через шесть месяцев после официального опубликования настоящего Закона.
"""


def test_an_amending_law_names_the_law_each_instruction_changes(tmp_path: Path, packs: list[Pack]) -> None:
    path = tmp_path / "zakon_250-z.txt"
    path.write_text(LAWS, encoding="utf-8")
    doc = read_document(path)
    got = {(article, rule, direction, targets, point) for article, rule, direction, targets, point
           in aimed(doc, packs) if rule == "extremism"}
    # one clause names the law and its article; the official source in brackets is no point of it
    assert ("1", "extremism", "added", ("п. 11 ст. 1 Закона № 203-З",), None) in got
    # "Внести в Закон …:" leads the points under it, "в статье 1:" its sub-points
    assert ("2", "extremism", "added", ("ст. 1 Закона № 427-З",), "1.1") in got
    assert ("2", "extremism", "added", ("ч. 3 ст. 17 Закона № 427-З",), "2") in got
    # "статьей 2 настоящего Закона" in the replaced words is the amended law's own: Art. 38 is changed
    assert ("2", "extremism", "added", ("ч. 1 ст. 38 Закона № 427-З",), "3") in got
    # a law named by its title only
    assert ("3", "extremism", "changed", ("ст. 2 Закона «О массовых мероприятиях в Республике Беларусь»",),
            None) in got
    # beside "статьи 2 настоящего Закона", the amending law's own article, nothing is guessed
    assert {g[3] for g in got if g[0] == "4"} == {()}
    assert all("настоящего" not in t and "250" not in t for g in got for t in g[3])


def test_a_law_amending_laws_read_as_one_text_starts_anew_at_each_article(packs: list[Pack]) -> None:
    body = LAWS[LAWS.index("Статья 1."):]
    targets = {t for _, _, t, _ in in_text(body, packs)}
    # "Статья 2. Внести в …" is the amending law's article: never "ст. 2" of the law amended before it
    assert targets == {(), ("п. 11 ст. 1 Закона № 203-З",), ("ст. 1 Закона № 427-З",), ("ч. 3 ст. 17 Закона № 427-З",),
                       ("ч. 1 ст. 38 Закона № 427-З",), ("ст. 2 Закона «О массовых мероприятиях в Республике Беларусь»",)}


def test_a_long_title_is_cut_at_a_word_and_the_json_keeps_the_schema(packs: list[Pack]) -> None:
    text = ("Внести в Закон Республики Беларусь «О правовом положении иностранных граждан и лиц без гражданства в "
            "Республике Беларусь» изменение, дополнив статью 15 частью второй следующего содержания:\n"
            "«Иностранному гражданину, причастному к экстремистской деятельности, разрешение на постоянное "
            "проживание не выдается.»")
    hits = document_targets(text, document_directions(text, find_hits(text, packs)))
    extremism = [h for h in hits if h.rule == "extremism"]
    assert [h.to_dict()["targets"] for h in extremism] == [[{
        "code": "Закон «О правовом положении иностранных граждан и лиц без гражданства в Республике…»",
        "article": "15", "part": "2", "point": None}]]
    assert extremism[0].direction == "added"


def test_laws_named_in_a_lead_or_in_two_places(packs: list[Pack]) -> None:
    text = ("Внести в Уголовный кодекс Республики Беларусь следующие изменения:\n"
            "1. В статье 361¹:\n"
            "часть 1 дополнить словами «, а равно участие в экстремистском формировании»;\n"
            "2. В Законе Республики Беларусь от 4 января 2007 г. № 203-З «О противодействии экстремизму»:\n"
            "1) статью 1 дополнить пунктом 12 следующего содержания:\n"
            "«12) экстремистское формирование – организация, признанная экстремистской;»;\n"
            "2) статью 14 исключить;\n"
            "3. в статье 16 Закона Республики Беларусь от 4 января 2007 г. № 203-З слова «экстремистских материалов» "
            "заменить словами «экстремистских материалов» в редакции Закона Республики Беларусь от 14 мая 2021 г. "
            "№ 104-З.")
    got = [(words, targets, point) for words, rule, targets, point in in_text(text, packs) if rule == "extremism"]
    assert ("экстремистском", ("ч. 1 ст. 361¹ УК",), "1") in got
    # the lead names the law, its items the articles
    assert ("экстремистское", ("п. 12 ст. 1 Закона № 203-З",), "2 1)") in got
    # two laws in one instruction: which one is changed is not guessed
    assert {targets for words, targets, point in got if point is None and words.startswith("экстремистских")} == {()}


@pytest.mark.parametrize("lead", [
    "Внести в Уголовный кодекс Республики Беларусь следующие изменения:",
    "Внести в Закон Республики Беларусь от 4 января 2007 г. № 203-З «О противодействии экстремизму» следующие "
    "изменения:",
], ids=["code", "law"])
@pytest.mark.parametrize("named", ["с даты вступления в силу", "в редакции"], ids=["in-force", "wording"])
def test_a_law_named_only_by_the_way_is_not_the_one_changed(lead: str, named: str, packs: list[Pack]) -> None:
    # the law an item names in passing is not the act its article belongs to: "ст. 16 Закона № 104-З" was
    # a false target, worse than none
    text = (lead + "\n1. в статье 16 слова «экстремистских материалов» заменить словами «экстремистских материалов "
            f"и символики» {named} Закона Республики Беларусь от 14 мая 2021 г. № 104-З «Об изменении законов»;")
    assert {t for _, _, t, _ in in_text(text, packs)} == {()}


def test_laws_named_thousands_of_times_are_read_in_linear_time(packs: list[Pack]) -> None:
    # a hostile page: one clause naming a law 20 000 times without its number, titles never closed
    from builders import within

    for text in ("Внести в Закон Республики Беларусь от 4 января 2007 г. № 203-З изменение: "
                 + "статью 1 Закона Республики Беларусь от 4 января 2007 г. " * 20_000 + "экстремизм исключить.",
                 "Внести в Закон Республики Беларусь изменения: " + "Закона Республики Беларусь «" * 20_000
                 + " экстремизм заменить словами «экстремизм»"):
        with within(3):
            assert {t for _, _, t, _ in in_text(text, packs)} == {()}
