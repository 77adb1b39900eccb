"""text/acts.act_name: an act named as a lawyer writes it, not as its edition sets it in capitals; cited_name:
a draft too, as "Проект закона «…»"."""

from __future__ import annotations

import pytest

from lexwatch.text.acts import act_name, cited_name, is_draft, law_register_number
from lexwatch.text.load import parse_bytes
from lexwatch.text.model import Document


@pytest.mark.parametrize(("title", "named"), [
    ("УГОЛОВНЫЙ КОДЕКС РЕСПУБЛИКИ БЕЛАРУСЬ", "Уголовный кодекс Республики Беларусь"),
    ("КОДЕКС РЕСПУБЛИКИ БЕЛАРУСЬ ОБ АДМИНИСТРАТИВНЫХ ПРАВОНАРУШЕНИЯХ",
     "Кодекс Республики Беларусь об административных правонарушениях"),
    # the bodies that issue acts keep their capitals: "совета министров" read as a council of ministers
    ("ПОСТАНОВЛЕНИЕ СОВЕТА МИНИСТРОВ РЕСПУБЛИКИ БЕЛАРУСЬ", "Постановление Совета Министров Республики Беларусь"),
    ("УКАЗ ПРЕЗИДЕНТА РЕСПУБЛИКИ БЕЛАРУСЬ", "Указ Президента Республики Беларусь"),
    ("ПОСТАНОВЛЕНИЕ ПЛЕНУМА ВЕРХОВНОГО СУДА РЕСПУБЛИКИ БЕЛАРУСЬ",
     "Постановление Пленума Верховного Суда Республики Беларусь"),
    ("РЕШЕНИЕ КОНСТИТУЦИОННОГО СУДА РЕСПУБЛИКИ БЕЛАРУСЬ", "Решение Конституционного Суда Республики Беларусь"),
    ("ПОСТАНОВЛЕНИЕ ПАЛАТЫ ПРЕДСТАВИТЕЛЕЙ НАЦИОНАЛЬНОГО СОБРАНИЯ РЕСПУБЛИКИ БЕЛАРУСЬ",
     "Постановление Палаты представителей Национального собрания Республики Беларусь"),
    ("ПОСТАНОВЛЕНИЕ СОВЕТА РЕСПУБЛИКИ НАЦИОНАЛЬНОГО СОБРАНИЯ РЕСПУБЛИКИ БЕЛАРУСЬ",
     "Постановление Совета Республики Национального собрания Республики Беларусь"),
    # a word that only begins like one of those names is an ordinary word
    ("ПРЕЗИДЕНТСКАЯ ПРОГРАММА ПОДДЕРЖКИ", "Президентская программа поддержки"),
    ("HK9900275", "HK9900275"),
])
def test_a_title_in_capitals_is_written_as_a_lawyer_writes_it(title: str, named: str) -> None:
    assert act_name(Document(title=title, preamble="")) == named


def test_a_law_is_named_by_the_name_its_preamble_gives() -> None:
    doc = Document(title="ЗАКОН РЕСПУБЛИКИ БЕЛАРУСЬ",
                   preamble="ЗАКОН РЕСПУБЛИКИ БЕЛАРУСЬ\n14 марта 2024 г. № 362-З\n"
                            "Об изменении законов по вопросам противодействия экстремизму")
    assert act_name(doc) == "Об изменении законов по вопросам противодействия экстремизму"


@pytest.mark.parametrize(("title", "preamble", "act", "cited"), [
    # the portal's draft page: mark, kind and name in one title
    ("ПРОЕКТ ЗАКОН РЕСПУБЛИКИ БЕЛАРУСЬ Об изменении Уголовного кодекса Республики Беларусь", "", "2025021015",
     "Проект закона «Об изменении Уголовного кодекса Республики Беларусь»"),
    # a draft saved to a file: the mark joined to the title, the name in the preamble
    ("ПРОЕКТ ЗАКОН РЕСПУБЛИКИ БЕЛАРУСЬ", "вносится Советом Министров Республики Беларусь\n"
     "Об изменении законов по вопросам противодействия экстремизму", None,
     "Проект закона «Об изменении законов по вопросам противодействия экстремизму»"),
    # a bank entry is a draft whatever its page's title says
    ("ЗАКОН РЕСПУБЛИКИ БЕЛАРУСЬ", "О внесении изменений в Кодекс Республики Беларусь об административных "
     "правонарушениях", "2024021501",
     "Проект закона «О внесении изменений в Кодекс Республики Беларусь об административных правонарушениях»"),
    ("ПРОЕКТ УКАЗ ПРЕЗИДЕНТА РЕСПУБЛИКИ БЕЛАРУСЬ", "О мерах по противодействию экстремизму", None,
     "Проект указа «О мерах по противодействию экстремизму»"),
    ("ПРОЕКТ ПОСТАНОВЛЕНИЕ СОВЕТА МИНИСТРОВ РЕСПУБЛИКИ БЕЛАРУСЬ", "Об утверждении Положения о порядке "
     "формирования республиканского списка экстремистских материалов", None,
     "Проект постановления «Об утверждении Положения о порядке формирования республиканского списка "
     "экстремистских материалов»"),
    # a code without a name of its own: its kind and adjectives in the genitive, the rest as written
    ("ПРОЕКТ УГОЛОВНЫЙ КОДЕКС РЕСПУБЛИКИ БЕЛАРУСЬ", "", None, "Проект Уголовного кодекса Республики Беларусь"),
    ("ПРОЕКТ УГОЛОВНО-ПРОЦЕССУАЛЬНЫЙ КОДЕКС РЕСПУБЛИКИ БЕЛАРУСЬ", "", None,
     "Проект Уголовно-процессуального кодекса Республики Беларусь"),
    ("ПРОЕКТ", "", None, "Проект"),
    # a title already cited, its kind in the genitive and its name in quotes (was "Проект")
    ("Проект Закона Республики Беларусь «Об изменении законов по вопросам противодействия экстремизму»", "",
     "2025021015", "Проект закона «Об изменении законов по вопросам противодействия экстремизму»"),
    ("Проект закона «О внесении изменений в Уголовный кодекс Республики Беларусь»", "", None,
     "Проект закона «О внесении изменений в Уголовный кодекс Республики Беларусь»"),
    ("Проект Уголовно-исполнительного кодекса Республики Беларусь", "", None,
     "Проект Уголовно-исполнительного кодекса Республики Беларусь"),
])
def test_a_draft_is_cited_as_a_lawyer_cites_it(title: str, preamble: str, act: str | None, cited: str) -> None:
    doc = Document(title=title, preamble=preamble, act=act)
    assert is_draft(doc) and cited_name(doc) == cited


@pytest.mark.parametrize(("title", "preamble", "act"), [
    ("ЗАКОН РЕСПУБЛИКИ БЕЛАРУСЬ", "13 мая 2022 г. № 165-З\nОб изменении Уголовного кодекса Республики Беларусь",
     "H12200165"),
    ("УГОЛОВНЫЙ КОДЕКС РЕСПУБЛИКИ БЕЛАРУСЬ", "", "HK9900275"),
    ("ПРОЕКТНАЯ ДОКУМЕНТАЦИЯ НА СТРОИТЕЛЬСТВО", "", None),  # a word that only begins like the mark
])
def test_an_adopted_act_is_no_draft_and_named_as_act_name_names_it(title: str, preamble: str,
                                                                   act: str | None) -> None:
    doc = Document(title=title, preamble=preamble, act=act)
    assert not is_draft(doc) and cited_name(doc) == act_name(doc)


@pytest.mark.parametrize(("title", "preamble", "regnum"), [
    # the register's own numbering of laws (PORTAL.md: Law No. 165-З of 13 May 2022 is H12200165)
    ("ЗАКОН РЕСПУБЛИКИ БЕЛАРУСЬ", "13 мая 2022 г. № 165-З\nОб изменении кодексов", "H12200165"),
    ("Закон Республики Беларусь", "4 января 2007 г. № 203-З\nО противодействии экстремизму", "H10700203"),
    ("ЗАКОН РЕСПУБЛИКИ БЕЛАРУСЬ", "от 4 января 2007 г. № 203-З\nО противодействии экстремизму", "H10700203"),
    # not the law's own line: an amendment list names other laws by their date and number
    ("ЗАКОН РЕСПУБЛИКИ БЕЛАРУСЬ", "О противодействии экстремизму\nИзменения и дополнения:\nЗакон Республики "
     "Беларусь от 8 ноября 2006 г. № 175-З", None),
    # a draft has no number yet; a code is numbered otherwise (HK…); a decree is no law
    ("ПРОЕКТ ЗАКОН РЕСПУБЛИКИ БЕЛАРУСЬ", "13 мая 2022 г. № 165-З", None),
    ("УГОЛОВНЫЙ КОДЕКС РЕСПУБЛИКИ БЕЛАРУСЬ", "9 июля 1999 г. № 275-З", None),
    ("УКАЗ ПРЕЗИДЕНТА РЕСПУБЛИКИ БЕЛАРУСЬ", "9 апреля 2022 г. № 129", None),
])
def test_a_law_is_known_by_the_register_number_its_date_and_number_give(title: str, preamble: str,
                                                                         regnum: str | None) -> None:
    assert law_register_number(Document(title=title, preamble=preamble)) == regnum


def test_a_law_saved_to_a_file_is_filed_under_its_register_number() -> None:
    # a folder's law was "unknown:<hash>": not named by `check`, not found by `--act`, two copies two acts
    text = ("ЗАКОН РЕСПУБЛИКИ БЕЛАРУСЬ\n5 января 2022 г. № 146-З\nО геноциде белорусского народа\n\n"
            "Статья 1. Геноцид белорусского народа\nГеноцидом белорусского народа признаются действия, "
            "совершенные нацистскими преступниками в годы Великой Отечественной войны.\n")
    assert parse_bytes(text.encode(), "zakon_146-z.txt").act == "H12200146"
    # a number the text names as its own still wins
    assert parse_bytes(text.replace("О геноциде", "H12200999\nО геноциде").encode(), "z.txt").act == "H12200999"
