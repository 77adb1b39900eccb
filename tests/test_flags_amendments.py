"""Amendment laws and drafts read as a commentator reads them: which way each instruction moves a watched subject.

The wording is that of Belarusian amending laws: the new wording in «…» on a line of its own after
"изложить в следующей редакции:" or "следующего содержания:", lists of words ("слова «…» и «…»
исключить"), lists of repealed provisions under "Признать утратившими силу:".
"""

from __future__ import annotations

from pathlib import Path

import pytest

from lexwatch.flags import Pack, flag_document, load_packs
from lexwatch.flags.direction import document_directions
from lexwatch.flags.match import find_hits
from lexwatch.flags.packs import parse_pack
from lexwatch.ids import ArticleNumber
from lexwatch.text.load import read_document
from lexwatch.text.model import Article, Document


@pytest.fixture(scope="module")
def packs() -> list[Pack]:
    return load_packs(None)


def directions(text: str, packs: list[Pack]) -> list[tuple[str, str, str]]:
    """(rule, matched text, direction) of every hit of one amending text."""
    return [(h.rule, text[h.start:h.end], h.direction) for h in document_directions(text, find_hits(text, packs))]


LAW = """ЗАКОН РЕСПУБЛИКИ БЕЛАРУСЬ
13 мая 2022 г. № 165-З
Об изменении Уголовного кодекса Республики Беларусь

Принят Палатой представителей 27 апреля 2022 года
Одобрен Советом Республики 29 апреля 2022 года

Статья 1. Внести в Уголовный кодекс Республики Беларусь от 9 июля 1999 г. № 275-З следующие изменения:
1. статью 289 изложить в следующей редакции:
«Статья 289. Акт терроризма
1. Совершение взрыва, поджога, иных действий, создающих опасность для жизни людей, в целях устрашения населения (акт терроризма) –
наказывается лишением свободы на срок от восьми до пятнадцати лет.
2. Акт терроризма, сопряженный с убийством человека, –
наказывается лишением свободы на срок от десяти до двадцати пяти лет, или пожизненным лишением свободы, или смертной казнью.»;
2. дополнить Кодекс статьей 361⁶ следующего содержания:
«Статья 361⁶. Участие в деятельности экстремистского формирования
Участие в деятельности экстремистского формирования –
наказывается лишением свободы на срок до шести лет.»;
3. статью 59 после части 2 дополнить частью 2¹ следующего содержания:
«2¹. Смертная казнь не может быть назначена лицам, страдающим психическим расстройством.»;
4. часть 2 статьи 356 после слов «пожизненным лишением свободы» дополнить словами «, или смертной казнью».
Статья 2. Настоящий Закон вступает в силу через десять дней после его официального опубликования.
"""


def test_new_wording_on_a_line_of_its_own_takes_the_instruction_direction(tmp_path: Path, packs: list[Pack]) -> None:
    law = tmp_path / "zakon_165-z.txt"
    law.write_text(LAW, encoding="utf-8")
    doc = read_document(law)
    found = {(h.rule, h.evidence.split(" ")[0], h.direction) for h in flag_document(doc, packs)}
    by_rule: dict[str, set[str]] = {}
    for rule, _, direction in found:
        by_rule.setdefault(rule, set()).add(direction)
    # Art. 289 restated: its words are a change of the article, not merely "present"
    assert by_rule["terrorism"] == {"changed"}
    # a new extremism article is added, not "present"
    assert by_rule["extremism"] == {"added"}
    # death penalty: restated in 289 (changed), restricted in 59 (changed, not added), added to 356
    assert by_rule["death-penalty"] == {"changed", "added"}
    assert "present" not in {d for _, _, d in found}


def test_a_restriction_of_the_death_penalty_added_to_art_59_is_not_its_addition(packs: list[Pack]) -> None:
    text = ("статью 59 после части 2 дополнить частью 2¹ следующего содержания:\n"
            "«2¹. Смертная казнь не может быть назначена лицам, страдающим психическим расстройством.»;")
    assert ("death-penalty", "Смертная казнь", "changed") in directions(text, packs)
    # the same on one line: also a restriction
    assert ("death-penalty", "Смертная казнь", "changed") in directions(text.replace(":\n«", ": «"), packs)
    widening = ("статью 67 дополнить частью третьей следующего содержания:\n«3. Смертная казнь может быть "
                "назначена за покушение на преступления, предусмотренные частью 3 статьи 289 настоящего Кодекса.»;")
    assert ("death-penalty", "Смертная казнь", "added") in directions(widening, packs)


def test_several_words_struck_out_at_once(packs: list[Pack]) -> None:
    text = "в статье 423¹ слова «экстремистскими» и «экстремистских материалов» исключить;"
    assert [d for r, _, d in directions(text, packs) if r == "extremism"] == ["removed", "removed"]


def test_words_replaced_respectively(packs: list[Pack]) -> None:
    text = ("в части 1 статьи 361¹ слова «экстремистского формирования» и «экстремистских» заменить "
            "соответственно словами «террористической организации» и «террористических»;")
    got = directions(text, packs)
    assert [d for r, _, d in got if r == "extremism"] == ["removed", "removed"]
    assert [d for r, _, d in got if r == "terrorism"] == ["added", "added"]


def test_a_list_under_priznat_utrativshimi_silu_is_repealed(packs: list[Pack]) -> None:
    text = "Признать утратившими силу:\nстатью 361⁴;\nстатью 361⁵ Уголовного кодекса Республики Беларусь."
    assert directions(text, packs) == [("extremism-articles", "статью 361⁴", "removed"),
                                       ("extremism-articles", "статью 361⁵", "removed")]


def test_a_list_in_the_code_itself_is_not_an_instruction(packs: list[Pack]) -> None:
    text = ("Исключается уголовная ответственность:\n1) за деяния, предусмотренные статьей 361¹;\n"
            "2) за деяния, предусмотренные статьей 289.")
    assert {d for _, _, d in directions(text, packs)} == {"present"}


@pytest.mark.parametrize("text", [
    "Закон Республики Беларусь от 5 января 2022 г. № 146-З «О геноциде белорусского народа» признать утратившим силу.",
    "Признать утратившими силу:\nЗакон Республики Беларусь от 5 января 2022 г. № 146-З «О геноциде белорусского "
    "народа»;\nстатью 2 Закона Республики Беларусь от 13 мая 2022 г. № 165-З.",
])
def test_the_genocide_law_repealed_by_its_title(text: str, packs: list[Pack]) -> None:
    got = [(r, d) for r, _, d in directions(text, packs) if r.startswith("genocide")]
    assert got == [("genocide-law", "removed"), ("genocide", "removed")]


def test_words_named_only_as_the_place_of_an_insertion_stay_present(packs: list[Pack]) -> None:
    text = "часть 3 статьи 289 после слов «смертной казнью» дополнить словами «с конфискацией имущества»;"
    assert ("death-penalty", "смертной казнью", "present") in directions(text, packs)


def test_articles_cited_in_the_genitive_plural(packs: list[Pack]) -> None:
    text = "Признать утратившими силу части 2 статей 361¹ и 361⁴ Уголовного кодекса Республики Беларусь."
    assert directions(text, packs) == [("extremism-articles", "части 2 статей 361¹", "removed"),
                                       ("extremism-articles", "361⁴", "removed")]
    sanction = ("в санкциях частей 2 и 3 статей 289 и 290 слова «или пожизненным лишением свободы» заменить "
                "словами «, или пожизненным лишением свободы, или смертной казнью»;")
    got = directions(sanction, packs)
    assert [(r, d) for r, _, d in got if r == "terrorism-articles"] == [("terrorism-articles", "changed")] * 2
    assert ("death-penalty", "смертной казнью", "added") in got


FOREIGN_AGENT = parse_pack("""\
description = "Иностранные агенты"

[[rules]]
id = "foreign-agent"
severity = "high"
description = "Иностранный агент"
terms = ["иностранный агент"]
""", Path("press.toml"), "flags/press.toml")


def test_a_foreign_agent_term_added_and_struck_out() -> None:
    added = ("дополнить Кодекс статьей 369³ следующего содержания:\n«Статья 369³. Уклонение от исполнения "
             "обязанностей иностранного агента\nУклонение иностранного агента от исполнения обязанностей –\n"
             "наказывается лишением свободы на срок до двух лет.»;")
    assert {d for _, _, d in directions(added, [FOREIGN_AGENT])} == {"added"}
    struck = "в части 1 статьи 369³ слова «иностранного агента» и «иностранным агентом» исключить;"
    assert [d for _, _, d in directions(struck, [FOREIGN_AGENT])] == ["removed", "removed"]


def test_art_128_is_watched_with_genocide(packs: list[Pack]) -> None:
    doc = Document("УГОЛОВНЫЙ КОДЕКС РЕСПУБЛИКИ БЕЛАРУСЬ", [
        Article(ArticleNumber(85), "Неприменение сроков давности",
                "1) геноцид (статья 127);\n2) преступления против безопасности человечества (статья 128);"),
        Article(ArticleNumber(128), "Преступления против безопасности человечества",
                "Депортация, незаконное содержание в заключении, обращение в рабство, массовое или систематическое "
                "осуществление казней без суда, совершаемые в связи с нападением на гражданское население, –\n"
                "наказываются лишением свободы на срок от семи до двадцати пяти лет, или пожизненным лишением "
                "свободы, или смертной казнью.")])
    genocide = [(h.article, h.rule) for h in flag_document(doc, [p for p in packs if p.name == "genocide"])]
    assert ("128", "crimes-against-humanity") in genocide and ("85", "crimes-against-humanity") in genocide


def test_evidence_in_one_document_is_quoted_as_the_official_text_prints_it(packs: list[Pack]) -> None:
    doc = Document("УГОЛОВНЫЙ КОДЕКС РЕСПУБЛИКИ БЕЛАРУСЬ", [
        Article(ArticleNumber(290, 1), "Финансирование террористической деятельности",
                "2. Те же действия, совершенные лицом, ранее совершившим преступления, предусмотренные "
                "статьями 359, 360, 361/1 –361/3 настоящего Кодекса, –\nнаказываются лишением свободы."),
        Article(ArticleNumber(361, 1), "Создание экстремистского формирования", "Текст."),
        Article(ArticleNumber(361, 3), "Участие в вооруженном формировании", "Текст.")])
    hits = [h for h in flag_document(doc, packs) if h.rule == "extremism-articles" and h.article == "290-1"]
    assert hits and all("361¹–361³" in h.evidence and "/" not in h.evidence for h in hits)


def test_a_lead_takes_the_change_its_items_make(packs: list[Pack]) -> None:
    # "1. В статье 289:" has no verb: its items change Art. 289, which stays in the Code
    text = ("Внести в Уголовный кодекс Республики Беларусь следующие изменения:\n"
            "1. В статье 289:\n"
            "часть 1 изложить в следующей редакции:\n"
            "«1. Совершение взрыва, поджога или иных действий в целях устрашения населения (акт терроризма) –\n"
            "наказывается лишением свободы на срок от десяти до пятнадцати лет.»;\n"
            "часть 3 исключить;\n"
            "2. В Законе Республики Беларусь от 4 января 2007 г. № 203-З «О противодействии экстремизму»:\n"
            "1) статью 1 дополнить абзацем следующего содержания:\n"
            "«экстремистские материалы – информационная продукция, включенная в республиканский список;»;\n"
            "2) статью 14 исключить.")
    got = directions(text, packs)
    assert ("terrorism-articles", "статье 289", "changed") in got
    # the title of the law amended, in quotes: the items change that law
    assert ("extremism", "экстремизму", "changed") in got
    # each item keeps the direction of its own instruction
    assert ("terrorism", "терроризма", "changed") in got and ("extremism", "экстремистские", "added") in got


def test_a_list_in_one_line_is_read_as_on_many(packs: list[Pack]) -> None:
    # a draft whose paragraphs the text layer ran together: every item of the list is repealed, as on lines
    text = "Признать утратившими силу: статью 361⁴; статью 361⁵ Уголовного кодекса Республики Беларусь."
    assert directions(text, packs) == [("extremism-articles", "статью 361⁴", "removed"),
                                       ("extremism-articles", "статью 361⁵", "removed")]
    lead = ("Внести в Уголовный кодекс Республики Беларусь следующие изменения: 1. В статье 289: часть 3 исключить; "
            "в части 2 слова «пожизненным лишением свободы» заменить словами «пожизненным лишением свободы или "
            "смертной казнью».")
    assert directions(lead, packs) == [("terrorism-articles", "статье 289", "changed"),
                                       ("death-penalty", "смертной казнью", "added")]


ONE_CLAUSE = ("Статью 1 Закона Республики Беларусь от 4 января 2007 г. № 203-З «О противодействии экстремизму» "
              "(Национальный реестр правовых актов Республики Беларусь, 2007 г., № 4, 2/1306) дополнить пунктом 11 "
              "следующего содержания:\n«11) экстремистские материалы – информационная продукция, включенная в "
              "республиканский список экстремистских материалов;».")


@pytest.mark.parametrize("text", [
    ONE_CLAUSE,
    # the same under a lead, and on one line
    ONE_CLAUSE.replace("Статью 1 Закона", "Внести в Закон").replace(" дополнить", " следующие изменения:\n1. статью 1 "
                                                                                   "дополнить"),
    ONE_CLAUSE.replace(":\n«", ": «"),
    "Внести в Закон Республики Беларусь от 4 января 2007 г. № 203-З «О противодействии экстремизму» изменение, "
    "дополнив статью 1 пунктом 11 следующего содержания:\n«11) экстремистские материалы – информационная "
    "продукция;».",
])
def test_new_wording_added_to_a_law_named_by_its_title(text: str, packs: list[Pack]) -> None:
    # the title of the law amended is no words of it replaced: the new wording is introduced, the law changed
    got = directions(text, packs)
    assert ("extremism", "экстремизму", "changed") in got
    assert {d for _, words, d in got if words.startswith("экстремистск")} == {"added"}


def test_words_replaced_in_a_law_named_by_its_title(packs: list[Pack]) -> None:
    law = "в статье 14 Закона Республики Беларусь от 4 января 2007 г. № 203-З «О противодействии экстремизму» "
    added = directions(law + "слова «информационной продукции» заменить словами «экстремистских материалов»;", packs)
    assert ("extremism", "экстремистских", "added") in added
    # the same words in the words replaced still make a change
    changed = directions(law + "слова «экстремистских материалов» заменить словами «экстремистских материалов и "
                               "символики»;", packs)
    assert [d for _, words, d in changed if words == "экстремистских"] == ["changed", "changed"]


def test_a_long_list_of_words_replaced_is_read_to_its_last_quote(packs: list[Pack]) -> None:
    # "заменить соответственно словами" was read only 3 000 characters back: in a list of 40 replacements
    # the last ten new wordings were read as words merely present, not added
    old = [f"в порядке, установленном законодательством о противодействии незаконной деятельности, пункт {i}"
           for i in range(1, 41)]
    new = [words.replace("незаконной", "экстремистской") for words in old]
    text = ("в статье 14 слова " + ", ".join(f"«{w}»" for w in old) + " заменить соответственно словами "
            + ", ".join(f"«{w}»" for w in new) + ";")
    got = directions(text, packs)
    assert len(got) == 40
    assert {d for _, _, d in got} == {"added"}
