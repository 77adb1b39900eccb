"""A commentator sees what changed in punishment, part by part, in words they would write."""

from __future__ import annotations

import pytest

from lexwatch.flags.sanctions import Term, compare_sanctions, parse_sanction, part_summaries
from lexwatch.ids import ArticleNumber
from lexwatch.text.model import Article

ACT_OF_TERRORISM = (
    "1. Совершение взрыва, поджога, затопления, иных деяний общеопасным способом в целях устрашения населения "
    "(акт терроризма) –\nнаказывается лишением свободы на срок от восьми до пятнадцати лет.\n"
    "2. Акт терроризма, совершенный повторно, –\nнаказывается лишением свободы на срок от восьми до двадцати лет.\n"
    "3. Деяния, предусмотренные частями 1 или 2 настоящей статьи, сопряженные с убийством человека, –\n"
    "наказываются лишением свободы на срок от десяти до пятнадцати лет или пожизненным заключением.\n"
    "Примечание. Лицо, участвовавшее в приготовлении к акту терроризма, освобождается от уголовной ответственности, "
    "если оно предотвратило акт терроризма.")


def article(number: str, text: str) -> Article:
    return Article(ArticleNumber.parse(number), "Акт терроризма", text)


def test_terms_written_in_words_are_read_as_years() -> None:
    penalties = parse_sanction("арестом, или ограничением свободы на срок до пяти лет, или лишением свободы на срок "
                               "от двух до двадцати пяти лет, или пожизненным лишением свободы, или смертной казнью")
    assert penalties == {"arrest": None, "restriction_of_liberty": Term(None, 5), "imprisonment": Term(2, 25),
                         "life_imprisonment": None, "death_penalty": None}


def test_the_same_term_and_months() -> None:
    penalties = parse_sanction("штрафом, или исправительными работами на срок до одного года, или ограничением "
                               "свободы на срок от шести месяцев до трех лет, или лишением свободы на тот же срок")
    assert penalties["correctional_labour"] == Term(None, 1)
    assert penalties["restriction_of_liberty"] == Term(0.5, 3)
    assert penalties["imprisonment"] == Term(0.5, 3)
    assert "fine" in penalties


def test_death_penalty_added_and_term_raised_in_part_3_of_article_289() -> None:
    new = ACT_OF_TERRORISM.replace("от десяти до пятнадцати лет или пожизненным заключением",
                                   "от десяти до двадцати лет, или пожизненным заключением, или смертной казнью")
    changes = compare_sanctions(article("289", ACT_OF_TERRORISM), article("289", new))
    assert part_summaries(changes) == ["ч.3 ст.289: death penalty added; imprisonment max term 15 → 20 years"]
    death = next(c for c in changes if c["penalty"] == "death_penalty")
    assert death == {"article": "289", "part": "3", "old_part": "3", "change": "added", "penalty": "death_penalty", "old": None,
                     "new": None, "summary": "ч.3 ст.289: death penalty added",
                     "summary_ru": "ч. 3 ст. 289: введено: смертная казнь"}
    term = next(c for c in changes if c["change"] == "term")
    assert term["old"] == {"min": 10, "max": 15, "unit": "years"} and term["new"]["max"] == 20


def test_life_imprisonment_renamed_is_no_change_of_punishment() -> None:
    new = ACT_OF_TERRORISM.replace("пожизненным заключением", "пожизненным лишением свободы")
    assert compare_sanctions(article("289", ACT_OF_TERRORISM), article("289", new)) == []


def test_a_note_is_not_a_sanction_and_a_repealed_penalty_is_reported() -> None:
    new = ACT_OF_TERRORISM.replace(" или пожизненным заключением", "").replace(
        "освобождается от уголовной ответственности", "наказывается штрафом")
    assert part_summaries(compare_sanctions(article("289", ACT_OF_TERRORISM), article("289", new))) == [
        "ч.3 ст.289: life imprisonment removed"]


def test_a_part_inserted_before_others_is_paired_by_its_wording() -> None:
    new = ACT_OF_TERRORISM.replace(
        "2. Акт терроризма, совершенный повторно",
        "2. Акт терроризма, совершенный группой лиц по предварительному сговору, –\nнаказывается лишением свободы на "
        "срок от девяти до двадцати лет.\n3. Акт терроризма, совершенный повторно").replace("3. Деяния", "4. Деяния")
    summaries = part_summaries(compare_sanctions(article("289", ACT_OF_TERRORISM), article("289", new)))
    assert summaries == ["ч.2 ст.289: imprisonment 9–20 years added"]


def test_an_article_without_parts_and_sub_numbered_articles() -> None:
    old = "Отрицание геноцида белорусского народа –\nнаказывается арестом, или лишением свободы на срок до пяти лет."
    new = "Отрицание геноцида белорусского народа –\nнаказывается лишением свободы на срок от трех до десяти лет."
    assert part_summaries(compare_sanctions(article("130-2", old), article("130-2", new))) == [
        "ст.130²: imprisonment min term none → 3, max term 5 → 10 years; arrest removed"]


def test_an_added_or_removed_article_has_no_sanction_changes() -> None:
    assert compare_sanctions(None, article("289", ACT_OF_TERRORISM)) == []
    assert compare_sanctions(article("289", ACT_OF_TERRORISM), None) == []


POACHING = (
    "1. Добыча рыбы или других водных животных без надлежащего на то разрешения, либо в запретные время или "
    "сроки, либо запрещенными орудиями (незаконная добыча рыбы или других водных животных), совершенная в течение "
    "года после наложения административного взыскания за такое же нарушение, –\n"
    "наказывается штрафом, или исправительными работами на срок до двух лет, или арестом.\n"
    "2. Незаконная добыча рыбы или других водных животных, совершенная лицом, ранее судимым за преступление, "
    "предусмотренное настоящей статьей, или повлекшая причинение ущерба в крупном размере, –\n"
    "наказываются штрафом, или арестом, или ограничением свободы на срок до двух лет, или лишением свободы на "
    "срок до трех лет.\n"
    "3. Незаконная добыча рыбы или других водных животных, совершенная должностным лицом с использованием своих "
    "служебных полномочий, –\n"
    "наказывается лишением свободы на срок до шести лет со штрафом.")


def test_a_repealed_part_keeps_its_number_and_loses_its_sanction() -> None:
    # "1. Исключена.": part 2 now carries part 1's words, but it is still part 2 with part 2's sanction
    new = ("1. Исключена.\n"
           "2. Добыча рыбы или других водных животных без надлежащего на то разрешения, либо в запретные время "
           "или сроки, либо запрещенными орудиями (незаконная добыча рыбы или других водных животных), "
           "повлекшая причинение ущерба в крупном размере, –\n"
           "наказываются штрафом, или арестом, или ограничением свободы на срок до двух лет, или лишением свободы "
           "на срок до трех лет.\n"
           "3. Незаконная добыча рыбы или других водных животных, совершенная лицом, ранее судимым за "
           "преступление, предусмотренное настоящей статьей, или должностным лицом с использованием своих "
           "служебных полномочий, –\n"
           "наказывается ограничением свободы на срок до пяти лет или лишением свободы на срок до шести лет "
           "со штрафом.")
    changes = compare_sanctions(article("281", POACHING), article("281", new))
    assert part_summaries(changes) == [
        "ч.3 ст.281: restriction of liberty up to 5 years added",
        "ч.1 ст.281: arrest removed; fine removed; correctional labour up to 2 years removed"]


COMPUTER_ACCESS_2020 = (
    "1. Несанкционированный доступ к информации, хранящейся в компьютерной системе, сети или на машинных "
    "носителях, сопровождающийся нарушением системы защиты, повлекший по неосторожности причинение иного "
    "существенного вреда, –\nнаказывается штрафом или арестом.\n"
    "2. Несанкционированный доступ к компьютерной информации, совершенный из корыстной или иной личной "
    "заинтересованности, либо группой лиц по предварительному сговору, –\nнаказывается штрафом, или лишением "
    "права занимать определенные должности или заниматься определенной деятельностью, или арестом, или "
    "ограничением свободы на срок до двух лет, или лишением свободы на тот же срок.\n"
    "3. Несанкционированный доступ к компьютерной информации либо самовольное пользование компьютерной сетью, "
    "повлекшие по неосторожности крушение, аварию, катастрофу или иные тяжкие последствия, –\n"
    "наказываются ограничением свободы на срок до пяти лет или лишением свободы на срок до семи лет.")
# 2022: part 2 is folded into part 1, part 3 is part 2 now
COMPUTER_ACCESS_2022 = (
    "1. Несанкционированный доступ к компьютерной информации, сопровождающийся нарушением системы защиты, "
    "совершенный из корыстной заинтересованности либо повлекший по неосторожности причинение существенного "
    "вреда, –\nнаказывается штрафом, или арестом, или ограничением свободы на срок до двух лет.\n"
    "2. Несанкционированный доступ к компьютерной информации либо самовольное пользование компьютерной "
    "системой или сетью, повлекшие по неосторожности крушение, аварию, катастрофу или иные тяжкие "
    "последствия, –\nнаказываются ограничением свободы на срок до пяти лет или лишением свободы на срок до "
    "десяти лет.")


def test_a_part_gone_is_not_named_by_the_number_another_part_now_has() -> None:
    changes = compare_sanctions(article("349", COMPUTER_ACCESS_2020), article("349", COMPUTER_ACCESS_2022))
    assert part_summaries(changes) == [
        "ч.1 ст.349: restriction of liberty up to 2 years added",
        "ч.2 ст.349 (formerly ч.3): imprisonment max term 7 → 10 years",
        "former ч.2 ст.349: imprisonment up to 2 years removed; restriction of liberty up to 2 years removed; "
        "arrest removed; fine removed; disqualification removed"]
    term = next(c for c in changes if c["change"] == "term")
    assert (term["part"], term["old_part"]) == ("2", "3")
    gone = [c for c in changes if c["summary"].startswith("former")]
    assert {(c["part"], c["old_part"]) for c in gone} == {("2", "2")}
    added = next(c for c in changes if c["change"] == "added")
    assert (added["part"], added["old_part"]) == ("1", "1")
    # the Russian line a draft quotes says the same places
    assert [c["summary_ru"] for c in changes][:3] == [
        "ч. 1 ст. 349: введено: ограничение свободы на срок до 2 лет",
        "ч. 2 ст. 349 (прежде ч. 3): лишение свободы: срок до 7 лет → до 10 лет",
        "прежняя ч. 2 ст. 349: исключено: лишение свободы на срок до 2 лет"]


def test_a_part_gone_whose_number_is_free_keeps_its_plain_name() -> None:
    shorter = COMPUTER_ACCESS_2020.split("\n3. ")[0]
    changes = compare_sanctions(article("349", COMPUTER_ACCESS_2020), article("349", shorter))
    assert part_summaries(changes) == ["ч.3 ст.349: imprisonment up to 7 years removed; "
                                       "restriction of liberty up to 5 years removed"]


MALWARE_2020 = (
    "1. Разработка компьютерных программ или внесение изменений в существующие программы с целью "
    "несанкционированного уничтожения, блокирования, модификации или копирования информации, хранящейся в "
    "компьютерной системе, сети или на машинных носителях, –\nнаказываются штрафом, или арестом, или "
    "ограничением свободы на срок до двух лет, или лишением свободы на тот же срок.\n"
    "2. Разработка вредоносных программ, совершенная группой лиц по предварительному сговору, –\n"
    "наказывается лишением свободы на срок от трех до десяти лет.")
MALWARE_2022 = (
    "1. Разработка, использование, распространение либо сбыт компьютерной программы или специального "
    "программного или аппаратного средства, заведомо предназначенных для нарушения системы защиты, –\n"
    "наказываются штрафом, или арестом, или ограничением свободы на срок до трех лет, или лишением свободы на "
    "тот же срок.\n"
    "2. Разработка вредоносных программ, совершенная группой лиц по предварительному сговору, –\n"
    "наказывается лишением свободы на срок от трех до десяти лет.")


def test_a_part_restated_beyond_recognition_keeps_its_number() -> None:
    changes = compare_sanctions(article("354", MALWARE_2020), article("354", MALWARE_2022))
    assert part_summaries(changes) == [
        "ч.1 ст.354: imprisonment max term 2 → 3 years; restriction of liberty max term 2 → 3 years"]


BIOSAFETY = (
    "1. Нарушение правил безопасности при обращении с микробиологическими, другими биологическими агентами или "
    "токсинами, повлекшее по неосторожности заболевания людей, –\nнаказывается {main}исправительными работами "
    "на срок до двух лет, или ограничением свободы на срок до трех лет, или лишением свободы на тот же срок{extra}.")
DISQUALIFICATION = "лишением права занимать определенные должности или заниматься определенной деятельностью"


def test_a_penalty_that_can_no_longer_be_imposed_alone_is_reported() -> None:
    # Art. 279 (2020 -> 2022): disqualification, a main penalty of its own, is now only added to another
    old = BIOSAFETY.format(main=DISQUALIFICATION + ", или ", extra="")
    new = BIOSAFETY.format(main="", extra=f" с {DISQUALIFICATION} или без лишения")
    changes = compare_sanctions(article("279", old), article("279", new))
    assert part_summaries(changes) == ["ч.1 ст.279: disqualification: main → additional penalty"]
    assert changes[0]["change"] == "role" and changes[0]["penalty"] == "disqualification"
    back = compare_sanctions(article("279", new), article("279", old))
    assert part_summaries(back) == ["ч.1 ст.279: disqualification: additional → main penalty"]
    assert changes[0]["summary_ru"].endswith("деятельностью: основное наказание → дополнительное")
    assert back[0]["summary_ru"].endswith("деятельностью: дополнительное наказание → основное")


def test_an_additional_fine_made_optional_is_no_change_of_role() -> None:
    old = BIOSAFETY.format(main="", extra=" со штрафом")
    new = BIOSAFETY.format(main="", extra=" со штрафом или без штрафа")
    assert compare_sanctions(article("279", old), article("279", new)) == []


def test_a_part_restated_beyond_recognition_keeps_its_number_when_a_part_is_inserted_after_it() -> None:
    # Art. 354 (2022): part 1 rewritten, a new part 2 inserted, the old part 2 is part 3 now
    new = MALWARE_2022.replace(
        "2. Разработка вредоносных",
        "2. Распространение вредоносных программ, повлекшее тяжкие последствия, –\nнаказывается лишением свободы на "
        "срок от пяти до двенадцати лет.\n3. Разработка вредоносных")
    changes = compare_sanctions(article("354", MALWARE_2020), article("354", new))
    assert part_summaries(changes) == [
        "ч.1 ст.354: imprisonment max term 2 → 3 years; restriction of liberty max term 2 → 3 years",
        "ч.2 ст.354: imprisonment 5–12 years added"]
    assert {(c["part"], c["old_part"]) for c in changes if c["change"] == "term"} == {("1", "1")}


@pytest.mark.parametrize(("words", "years"), [
    ("от одного до двух", (1, 2)), ("от трех до четырех", (3, 4)), ("от пяти до шести", (5, 6)),
    ("от семи до восьми", (7, 8)), ("от девяти до десяти", (9, 10)), ("от одиннадцати до двенадцати", (11, 12)),
    ("от тринадцати до четырнадцати", (13, 14)), ("от пятнадцати до шестнадцати", (15, 16)),
    ("от семнадцати до восемнадцати", (17, 18)), ("от девятнадцати до двадцати", (19, 20)),
    ("от двадцати одного до двадцати пяти", (21, 25)), ("от трёх до тридцати", (3, 30)),
    ("от 4 до 12", (4, 12)), ("от десяти до сорока", (10, 40)), ("от двадцати до пятидесяти", (20, 50)),
])
def test_every_term_the_code_writes_in_words_or_digits_is_read_as_years(words: str, years: tuple[int, int]) -> None:
    assert parse_sanction(f"лишением свободы на срок {words} лет") == {"imprisonment": Term(*years)}


def test_terms_of_months_and_of_one_year_are_told_in_their_own_words() -> None:
    old = ("1. Кража, совершенная из одежды, сумки или другой ручной клади, находившихся при потерпевшем, –\n"
           "наказывается общественными работами, или штрафом, или исправительными работами на срок до одного года.")
    new = old.replace("на срок до одного года", "на срок от восьми месяцев до двух лет, или арестом на срок до "
                                                 "девяти месяцев")
    assert part_summaries(compare_sanctions(article("205", old), article("205", new))) == [
        "ч.1 ст.205: arrest up to 9 months added; correctional labour min term none → 8 months, max term 1 → 2 years"]
    [back] = part_summaries(compare_sanctions(article("205", new), article("205", old)))
    assert back.startswith("ч.1 ст.205: arrest up to 9 months removed; correctional labour min term 8 months → none,")
    shorter = old.replace("на срок до одного года", "на срок до одного года, или арестом")
    assert part_summaries(compare_sanctions(article("205", shorter), article("205", old))) == [
        "ч.1 ст.205: arrest removed"]
    assert part_summaries(compare_sanctions(
        article("205", old.replace("исправительными работами на срок до одного года", "арестом")),
        article("205", old))) == ["ч.1 ст.205: arrest removed; correctional labour up to 1 year added"]


def test_a_penalty_that_gains_a_term_is_a_change_of_its_term() -> None:
    old = "Отрицание геноцида белорусского народа –\nнаказывается штрафом или арестом."
    new = "Отрицание геноцида белорусского народа –\nнаказывается штрафом или арестом на срок до трех месяцев."
    assert part_summaries(compare_sanctions(article("130-2", old), article("130-2", new))) == [
        "ст.130²: arrest term none → up to 3 months"]
    assert part_summaries(compare_sanctions(article("130-2", new), article("130-2", old))) == [
        "ст.130²: arrest term up to 3 months → none"]


def test_numbered_parts_given_to_a_one_part_article_are_the_same_part() -> None:
    old = "Отрицание геноцида белорусского народа –\nнаказывается арестом, или лишением свободы на срок до пяти лет."
    new = ("1. Отрицание геноцида белорусского народа –\nнаказывается арестом, или лишением свободы на срок до семи "
           "лет.\nПримечание. Публичным признается отрицание, содержащееся в выступлении перед неопределенным кругом "
           "лиц.")
    changes = compare_sanctions(article("130-2", old), article("130-2", new))
    assert part_summaries(changes) == ["ч.1 ст.130²: imprisonment max term 5 → 7 years"]
    assert (changes[0]["part"], changes[0]["old_part"]) == ("1", None)


def test_the_numbered_points_of_a_note_are_not_parts_of_the_article() -> None:
    # 2022 has parts 1 and 2 and a note with points 1–3: the note's "3." does not make the article keep
    # its numbering (part 3 is part 2 now, part 2 is folded into part 1)
    notes = ("\nПримечания.\n1. Под компьютерной информацией понимаются сведения в форме электронных сигналов.\n"
             "2. Под существенным вредом понимается ущерб в сумме, в двести пятьдесят и более раз превышающей "
             "размер базовой величины.\n3. Крупным размером признается размер в тысячу и более базовых величин.")
    changes = compare_sanctions(article("349", COMPUTER_ACCESS_2020), article("349", COMPUTER_ACCESS_2022 + notes))
    assert part_summaries(changes)[:2] == [
        "ч.1 ст.349: restriction of liberty up to 2 years added",
        "ч.2 ст.349 (formerly ч.3): imprisonment max term 7 → 10 years"]


def test_a_first_part_repealed_and_the_rest_renumbered_is_told_under_its_former_number() -> None:
    # Art. 349: part 1 dropped, parts 2 and 3 are parts 1 and 2 now with the same sanctions
    lines = COMPUTER_ACCESS_2020.split("\n")
    new = "\n".join(["1." + lines[2][2:], lines[3], "2." + lines[4][2:], lines[5]])
    changes = compare_sanctions(article("349", COMPUTER_ACCESS_2020), article("349", new))
    assert part_summaries(changes) == ["former ч.1 ст.349: arrest removed; fine removed"]


def test_a_minimum_term_dropped_is_told_as_none() -> None:
    old = "Отрицание геноцида белорусского народа –\nнаказывается лишением свободы на срок от трех до десяти лет."
    new = old.replace("от трех до десяти", "до десяти")
    [summary] = part_summaries(compare_sanctions(article("130-2", old), article("130-2", new)))
    assert summary == "ст.130²: imprisonment min term 3 years → none"


def test_a_term_shortened_or_dropped_is_told_with_its_own_units() -> None:
    # "max term 2 → 1 years" and "min term 3 → none years" read as nobody writes
    old = ("1. Кража, совершенная из одежды, сумки или другой ручной клади, находившихся при потерпевшем, –\n"
           "наказывается исправительными работами на срок от восьми месяцев до двух лет, или лишением свободы на срок "
           "от трех до пяти лет.")
    new = old.replace("от восьми месяцев до двух лет", "до одного года").replace("от трех до пяти", "до пяти")
    assert part_summaries(compare_sanctions(article("205", old), article("205", new))) == [
        "ч.1 ст.205: imprisonment min term 3 years → none; "
        "correctional labour min term 8 months → none, max term 2 → 1 year"]
