"""An independent audit of the flags on the real 2020 → 2022 edition diff, as a commentator reads it.

Two subjects the commentators watch were changed in 2022 and not flagged: the propaganda of Nazi
symbols (a new Art. 341¹, followed with the rehabilitation of Nazism) and the insult and
defamation of the President and of officials and the "discrediting" of the Republic (Art. 367–369¹,
whose penalties were raised and whose scope was widened), which extremism commentators follow.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from lexwatch.diff.engine import diff_documents
from lexwatch.flags import annotate_diff, flag_document, load_packs
from lexwatch.flags.packs import Pack
from lexwatch.ids import ArticleNumber
from lexwatch.text.load import read_document
from lexwatch.text.model import Article, Document

THEFT = ("Кража", "1. Кража – наказывается общественными работами, или штрафом, или лишением свободы на срок до "
         "двух лет.")
NAZI_SYMBOLS = ("Пропаганда или публичное демонстрирование, в том числе с использованием глобальной компьютерной "
                "сети Интернет либо иной информационной сети, изготовление, распространение нацистской символики "
                "или атрибутики, а равно хранение или приобретение такой символики или атрибутики в целях "
                "распространения, совершенные неоднократно, – наказываются штрафом, или арестом, или ограничением "
                "свободы на срок до трех лет, или лишением свободы на срок до четырех лет.")

INSULT_2020 = ("1. Оскорбление Президента Республики Беларусь, нанесенное публично, – наказывается общественными "
               "работами, или штрафом, или исправительными работами на срок до двух лет, или арестом, или "
               "ограничением свободы на срок до двух лет, или лишением свободы на тот же срок.")
INSULT_2022 = INSULT_2020.replace("ограничением свободы на срок до двух лет", "ограничением свободы на срок до "
                                  "четырех лет")
OFFICIAL_2020 = ("Публичное оскорбление представителя власти в связи с выполнением им служебных обязанностей – "
                 "наказывается общественными работами, или штрафом, или исправительными работами на срок до двух "
                 "лет, или арестом, или ограничением свободы на срок до трех лет.")
OFFICIAL_2022 = ("Оскорбление представителя власти или его близких в связи с выполнением им служебных обязанностей, "
                 "совершенное в публичном выступлении, либо в средствах массовой информации, либо в информации, "
                 "размещенной в глобальной компьютерной сети Интернет, – наказывается штрафом, или арестом, или "
                 "ограничением свободы на срок до трех лет со штрафом, или лишением свободы на тот же срок со "
                 "штрафом.")
DISCREDIT_2020 = ("Предоставление иностранному государству, иностранной или международной организации заведомо "
                  "ложных сведений о политическом, экономическом, социальном, военном или международном положении "
                  "Республики Беларусь, правовом положении граждан в Республике Беларусь, дискредитирующих "
                  "Республику Беларусь или ее органы власти (дискредитация Республики Беларусь), – наказывается "
                  "арестом или лишением свободы на срок до двух лет.")
DISCREDIT_2022 = ("Распространение заведомо ложных сведений о политическом, экономическом, социальном, военном или "
                  "международном положении Республики Беларусь, правовом положении граждан в Республике Беларусь, "
                  "деятельности государственных органов, дискредитирующих Республику Беларусь, совершенное в "
                  "публичном выступлении, направленное на причинение существенного вреда государственным или "
                  "общественным интересам, – наказывается арестом, или ограничением свободы на срок до четырех лет, "
                  "или лишением свободы на тот же срок со штрафом или без штрафа.")


@pytest.fixture(scope="module")
def packs() -> list[Pack]:
    return load_packs(None)


def code(*articles: tuple[str, str, str]) -> Document:
    return Document("УГОЛОВНЫЙ КОДЕКС РЕСПУБЛИКИ БЕЛАРУСЬ",
                    [Article(ArticleNumber.parse(n), title, text) for n, title, text in articles], act="HK9900275")


def diff_flags(old: Document, new: Document, number: str, packs: list[Pack]) -> set[tuple[str, str, str]]:
    diff = diff_documents(old, new)
    annotate_diff(diff, packs)
    item = next(a for a in diff.articles if number in (a.new_number, a.old_number))
    return {(f["pack"], f["rule"], f["direction"]) for f in item.flags}


def test_a_new_article_on_nazi_symbols_is_flagged_as_rehabilitation_of_nazism(packs: list[Pack]) -> None:
    old = code(("205", *THEFT))
    new = code(("205", *THEFT), ("341-1", "Пропаганда или публичное демонстрирование, изготовление, "
                                          "распространение нацистской символики или атрибутики", NAZI_SYMBOLS))
    assert ("genocide", "nazism-rehabilitation", "added") in diff_flags(old, new, "341-1", packs)


def test_nazi_symbols_are_found_by_their_words_and_nazi_alone_is_not(packs: list[Pack]) -> None:
    # a law that does not cite the Code: the words decide
    law = Document("ЗАКОН РЕСПУБЛИКИ БЕЛАРУСЬ О недопущении реабилитации нацизма", [Article(
        ArticleNumber(4), "Запрет символики",
        "Запрещаются изготовление, распространение и публичное демонстрирование нацистской символики и "
        "атрибутики, за исключением случаев их использования в научных целях.")])
    hits = [(h.rule, h.kind) for h in flag_document(law, packs)]
    assert ("nazism-rehabilitation", "term") in hits
    history = Document("ЗАКОН РЕСПУБЛИКИ БЕЛАРУСЬ", [Article(
        ArticleNumber(2), "Память", "Сохраняется память о жертвах оккупации нацистской Германией.")])
    assert flag_document(history, packs) == []


@pytest.mark.parametrize(("number", "title", "old_text", "new_text"), [
    ("368", "Оскорбление Президента Республики Беларусь", INSULT_2020, INSULT_2022),
    ("369", "Оскорбление представителя власти", OFFICIAL_2020, OFFICIAL_2022),
    ("369-1", "Дискредитация Республики Беларусь", DISCREDIT_2020, DISCREDIT_2022),
])
def test_insult_of_the_president_or_officials_and_discrediting_are_watched_as_extremism(
        packs: list[Pack], number: str, title: str, old_text: str, new_text: str) -> None:
    old = code(("205", *THEFT), (number, title, old_text))
    new = code(("205", *THEFT), (number, title, new_text))
    assert ("extremism", "insult-discredit", "changed") in diff_flags(old, new, number, packs)


def test_a_law_amending_the_defamation_of_the_president_is_flagged(packs: list[Pack]) -> None:
    law = Document("ЗАКОН РЕСПУБЛИКИ БЕЛАРУСЬ", [Article(
        ArticleNumber(1), "",
        "Внести в Уголовный кодекс Республики Беларусь следующие изменения: в части 1 статьи 367 слова "
        "«на тот же срок» заменить словами «на срок до пяти лет».")])
    hits = [h for h in flag_document(law, packs) if h.rule == "insult-discredit"]
    assert [(h.key, h.part, h.direction) for h in hits] == [("367", "1", "changed")]


def test_the_real_2022_edition_flags_the_new_and_tightened_articles(corpus_dir: Path, packs: list[Pack]) -> None:
    old, new = read_document(corpus_dir / "uk_2020-09.txt"), read_document(corpus_dir / "uk_2022-09.txt")
    diff = diff_documents(old, new)
    annotate_diff(diff, packs)
    flagged = {(a.new_number, f["rule"]) for a in diff.articles for f in a.flags}
    assert ("341-1", "nazism-rehabilitation") in flagged
    assert {("367", "insult-discredit"), ("368", "insult-discredit"), ("369", "insult-discredit"),
            ("369-1", "insult-discredit")} <= flagged
