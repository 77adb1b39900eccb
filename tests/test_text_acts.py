"""text/acts.act_name: an act named as a lawyer writes it, not as its edition sets it in capitals; cited_name:
a draft too, as "Проект закона «…»"."""

from __future__ import annotations

import pytest

from lexwatch.text.acts import act_name, cited_name, is_draft
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
