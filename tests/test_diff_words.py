"""Word redlines stay exact however they are computed: C++ or Python diff, spacing quirks, cut points."""

from __future__ import annotations

import itertools
import re
from itertools import pairwise

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from lexwatch.diff.normalize import normalize
from lexwatch.diff.words import _segments, diff_words, mirror, native_available

native_only = pytest.mark.skipif(not native_available(), reason="fast-diff-match-patch is not installed")

SANCTION_2020 = ("1. Убийство, то есть умышленное противоправное лишение жизни другого человека, – "
                 "наказывается лишением свободы на срок от шести до пятнадцати лет. "
                 "2. Убийство: 1) малолетнего или престарелого; 2) двух или более лиц – наказывается "
                 "лишением свободы на срок от восьми до двадцати пяти лет или пожизненным заключением.")
SANCTION_2022 = ("1. Убийство, то есть умышленное противоправное лишение жизни другого человека, – "
                 "наказывается лишением свободы на срок от семи до пятнадцати лет. "
                 "2. Убийство: 1) малолетнего или престарелого; 2) двух или более лиц – наказывается "
                 "лишением свободы на срок от восьми до двадцати пяти лет, пожизненным заключением "
                 "или смертной казнью.")

LEGAL_WORDS = ["наказывается", "лишением", "свободы", "на", "срок", "до", "пяти", "лет", "штрафом",
               "или", "статьи", "130-2", "290/1", "2901", "части", "1", "2.", "3)", "1.2.", ",", ".", ";", ":",
               "–", "«", "»", "из-за", "Примечание.", "настоящей", "главы", "(", ")"]
legal_text = st.lists(st.sampled_from(LEGAL_WORDS), max_size=60).map(" ".join)
spacing = st.sampled_from([" ", "  ", "\n", " \n "])


def _rebuilds(old: str, new: str, ops: list[tuple[str, str]]) -> bool:
    return ("".join(t for k, t in ops if k != "insert") == old
            and "".join(t for k, t in ops if k != "delete") == new)


def _respaced(text: str, gaps: list[str]) -> str:
    words = text.split(" ")
    return "".join(w + (gaps[i % len(gaps)] if i < len(words) - 1 else "") for i, w in enumerate(words))


@given(legal_text, legal_text)
@settings(max_examples=200, deadline=None)
def test_the_ops_rebuild_both_wordings(old: str, new: str) -> None:
    assert _rebuilds(old, new, diff_words(old, new, native=False))


# Any characters a wording may hold, in any spacing: line breaks, NBSP, doubled spaces, superscripts.
raw_text = st.lists(st.sampled_from([*"аб в.;:,– -\n\u00a0«»()1²", "статьи", "130-2", ". ", "; ", "  "]),
                    max_size=40).map("".join)


@given(raw_text, raw_text)
@settings(max_examples=300, deadline=None)
def test_any_texts_give_ops_that_rebuild_them_with_no_empty_or_repeated_kinds(old: str, new: str) -> None:
    ops = diff_words(old, new, native=False)
    assert _rebuilds(old, new, ops)
    assert all(text for _, text in ops), "no empty operations"
    assert all(a[0] != b[0] for a, b in pairwise(ops)), "neighbours of one kind are merged"


@given(legal_text, st.lists(spacing, min_size=1, max_size=5))
@settings(max_examples=200, deadline=None)
def test_a_text_whose_spacing_alone_changed_rebuilds_exactly(text: str, gaps: list[str]) -> None:
    respaced = _respaced(text, gaps)
    ops = diff_words(text, respaced, native=False)
    assert _rebuilds(text, respaced, ops)
    changed = [t for k, t in ops if k != "equal"]
    assert all(not t.strip() for t in changed), "only spaces may differ when the words are the same"


def test_a_repeated_note_rewrapped_after_its_full_stop_shows_only_the_line_breaks() -> None:
    # Found by the property above: ".\n" is no sentence cut, so the sentence diff paired the
    # repeated notes crosswise and showed whole notes deleted and inserted.
    old = "Примечание. Примечание. Примечание. наказывается наказывается"
    new = "Примечание.\nПримечание. Примечание. наказывается\nнаказывается"
    for native in (False, True):
        ops = diff_words(old, new, native=native)
        assert _rebuilds(old, new, ops)
        assert [(k, t) for k, t in ops if k != "equal"] == [("delete", " "), ("insert", "\n")] * 2


def test_a_comma_moved_against_its_word_shows_only_the_space() -> None:
    old = "предусмотренные статьями 171 , 181 и 290-1 настоящего Кодекса"
    new = "предусмотренные статьями 171, 181 и 290-1 настоящего Кодекса"
    ops = diff_words(old, new, native=False)
    assert _rebuilds(old, new, ops)
    assert [(k, t) for k, t in ops if k != "equal"] == [("delete", " ")]


def test_a_sanction_extended_to_the_death_penalty_reads_as_a_lawyers_redline() -> None:
    ops = diff_words(SANCTION_2020, SANCTION_2022, native=False)
    assert _rebuilds(SANCTION_2020, SANCTION_2022, ops)
    changes = [(k, t.strip()) for k, t in ops if k != "equal"]
    assert ("delete", "шести") in changes and ("insert", "семи") in changes
    inserted = " ".join(t for k, t in changes if k == "insert")
    assert "смертной казнью" in inserted and "пожизненным заключением" not in inserted


def test_parts_added_after_the_last_part_leave_it_unchanged() -> None:
    # Art. 361-1, 2020 -> 2022: the old wording ends with part 2 (no space after its full stop),
    # the new one goes on with part 3 and notes numbered "1." and "2.". Part 2 must stay one
    # sentence on both sides, not be read as deleted and paired with the second note.
    part_1 = ("1. Создание экстремистского формирования либо руководство таким формированием – "
              "наказываются ограничением свободы на срок до пяти лет.")
    part_1_new = part_1.replace("формирования либо", "формирования, а равно формирования, "
                                "деятельность которого направлена на реабилитацию нацизма, либо")
    part_2 = (" 2. Те же деяния, совершенные повторно либо должностным лицом с использованием своих "
              "служебных полномочий, – наказываются лишением свободы на срок от шести до десяти лет.")
    added = (" 3. Вхождение лица в состав экстремистского формирования – наказывается лишением свободы "
             "на срок от двух до шести лет. Примечания: 1. Лицо освобождается от уголовной "
             "ответственности по настоящей статье, если оно своевременным сообщением способствовало "
             "пресечению деяний. 2. Под преступлением экстремистской направленности понимаются "
             "преступление, совершенное по мотивам политической или идеологической вражды.")
    old, new = part_1 + part_2, part_1_new + part_2 + added
    for native in (False, True):
        ops = diff_words(old, new, native=native)
        assert _rebuilds(old, new, ops)
        assert ops[-1] == ("insert", added)
        assert not any("Те же деяния" in text for kind, text in ops if kind != "equal")


# Art. 361 part 1, 2020 -> 2022 (shortened): a clause is added before an unchanged one and the
# sanction after it changes. dmp's semantic cleanup folds the unchanged clause into the edits
# around it, so it read as deleted and typed again.
CALLS_2020 = ("1. Публичные призывы к захвату государственной власти либо распространение материалов, "
              "содержащих такие призывы, – наказываются арестом или лишением свободы на срок до трех лет.")
CALLS_2022 = ("1. Публичные призывы к захвату государственной власти, в том числе на применение мер "
              "ограничительного характера (санкций) в отношении Республики Беларусь, либо распространение "
              "материалов, содержащих такие призывы, при отсутствии признаков более тяжкого преступления "
              "– наказываются ограничением свободы на срок до пяти лет или лишением свободы на срок до "
              "шести лет.")


@pytest.mark.parametrize("native", [False, pytest.param(True, marks=native_only)])
def test_an_unchanged_clause_between_two_changes_is_not_shown_deleted_and_retyped(native: bool) -> None:
    ops = diff_words(CALLS_2020, CALLS_2022, native=native)
    assert _rebuilds(CALLS_2020, CALLS_2022, ops)
    unchanged = "распространение материалов, содержащих такие призывы,"
    assert any(unchanged in text for kind, text in ops if kind == "equal")
    assert not any(unchanged in text for kind, text in ops if kind != "equal")
    assert [(k, t) for k, t in ops if k != "equal"][-2:] == [("delete", "трех"), ("insert", "шести")]


def test_a_phrase_kept_after_an_inserted_phrase_stays_unchanged_when_a_new_part_follows() -> None:
    # Art. 4 part 17, 2020 -> 2022: words inserted before the closing clause, a new part after it.
    old = ("17. Под выполнением общественно полезных работ понимается мера исправительного воздействия, "
           "исполнение которой суд может возложить на лицо, осуждаемое с условным неприменением наказания "
           "в виде лишения свободы, в целях обеспечения и (или) подтверждения его исправления.")
    new = old.replace("лишения свободы,", "лишения свободы на определенный срок (далее, если не "
                      "предусмотрено иное, – лишение свободы),") + (
        " 18. Под компьютерной информацией понимается информация, хранящаяся в компьютерной системе, "
        "сети или на машинных носителях, обрабатываемая компьютерной системой.")
    ops = diff_words(old, new, native=False)
    assert _rebuilds(old, new, ops)
    assert [k for k, _ in ops] == ["equal", "insert", "equal", "insert"]
    assert ops[2][1].startswith(", в целях обеспечения и (или) подтверждения его исправления.")


def test_shared_words_that_mean_something_are_kept_but_a_shared_conjunction_stays_in_the_rewrite() -> None:
    # Art. 369, 2020 -> 2022: "представителя власти" is kept between the two changes.
    old = "Публичное оскорбление представителя власти в связи с выполнением им служебных обязанностей"
    new = "Оскорбление представителя власти или его близких в связи с выполнением им служебных обязанностей"
    ops = diff_words(old, new, native=False)
    assert ops[:3] == [("delete", "Публичное оскорбление"), ("insert", "Оскорбление"),
                       ("equal", " представителя власти ")]
    # Art. 183: one word that carries meaning ("человека") is not shown struck and retyped either.
    old = "1. Ограничение личной свободы человека путем водворения его в какое-либо помещение"
    new = "1. Незаконные водворение человека в какое-либо помещение"
    ops = diff_words(old, new, native=False)
    assert ("equal", " человека ") in ops
    # A conjunction in common is not worth cutting a rewrite into pieces.
    old = "Публичное оскорбление и клевета в отношении представителя власти"
    new = "Распространение ложных сведений и угрозы в отношении представителя власти"
    ops = diff_words(old, new, native=False)
    assert ops[:2] == [("delete", "Публичное оскорбление и клевета"),
                       ("insert", "Распространение ложных сведений и угрозы")]


def test_a_sanction_that_gains_a_penalty_keeps_the_penalties_it_had() -> None:
    # Art. 437 (2020 -> 2022): "штрафом" stays; it was shown struck and typed again.
    old = "Уклонение военнообязанного от воинского учета – наказывается штрафом или арестом."
    new = "Уклонение военнообязанного от воинского учета – наказывается общественными работами, или штрафом, или арестом."
    ops = diff_words(old, new, native=False)
    assert _rebuilds(old, new, ops)
    assert not any("штрафом" in t for k, t in ops if k == "delete")


PART_1 = ("1. Публичное отрицание, оправдание или одобрение преступлений нацизма – наказываются штрафом, "
          "или арестом, или лишением свободы на срок до пяти лет.")


@pytest.mark.parametrize("native", [False, pytest.param(True, marks=native_only)])
def test_a_changed_part_and_a_part_added_after_it_read_as_two_changes(native: bool) -> None:
    old = PART_1 + " 2. Те же действия, совершенные повторно, – наказываются лишением свободы на срок от двух до пяти лет."
    part_3 = (" 3. Действия, предусмотренные частью 1 настоящей статьи, совершенные должностным лицом, – "
              "наказываются лишением свободы на срок от трех до десяти лет.")
    new = old.replace("от двух до пяти", "от трех до шести") + part_3
    ops = diff_words(old, new, native=native)
    assert _rebuilds(old, new, ops)
    assert [(k, t) for k, t in ops if k != "equal"] == [
        ("delete", "двух до пяти"), ("insert", "трех до шести"), ("insert", part_3)]


@pytest.mark.parametrize("native", [False, pytest.param(True, marks=native_only)])
def test_a_term_changed_in_the_last_part_is_not_read_into_a_part_added_after_it(native: bool) -> None:
    # Art. 130 shape: part 1's term goes from five to six years and a part 2 with "от пяти до
    # двенадцати лет" is added. The whole-run diff kept part 1's "пяти … лет." as unchanged words of
    # the new part 2 ("до {+шести лет. 2. Те же … от+} пяти {+до двенадцати+} лет."): no
    # replacement, only insertions, so it was never weighed against the part-by-part reading.
    old = ("1. Умышленные действия, направленные на возбуждение расовой, национальной, религиозной либо "
           "иной социальной вражды или розни, – наказываются арестом, или ограничением свободы на срок до "
           "пяти лет, или лишением свободы на срок от двух до пяти лет.")
    part_2 = (" 2. Те же действия, совершенные группой лиц, – наказываются лишением свободы на срок от пяти "
              "до двенадцати лет.")
    new = old.replace("от двух до пяти", "от двух до шести") + part_2
    for ops in (diff_words(old, new, native=native), mirror(diff_words(new, old, native=native))):
        assert _rebuilds(old, new, ops)
        assert [(k, t) for k, t in ops if k != "equal"] == [("delete", "пяти"), ("insert", "шести"),
                                                             ("insert", part_2)]


def test_a_part_split_in_two_keeps_its_opening_words_unchanged() -> None:
    # Art. 456 (2020 -> 2022, shortened): old part 2 becomes part 2 (a new offence) and part 3 (its
    # wartime clause). Paired part by part, "Халатное отношение к службе" read struck and retyped.
    old = ("1. Небрежное выполнение должностным лицом своих обязанностей – наказывается лишением свободы "
           "на срок до пяти лет. 2. Халатное отношение к службе в военное время или в боевой обстановке – "
           "наказывается лишением свободы на срок от трех до семи лет.")
    new = ("1. Небрежное выполнение должностным лицом своих обязанностей – наказывается лишением свободы "
           "на срок до пяти лет. 2. Халатное отношение к службе, повлекшее смерть человека либо иные тяжкие "
           "последствия, – наказывается лишением свободы на срок от двух до шести лет. 3. Действия, "
           "предусмотренные частями 1 или 2 настоящей статьи, совершенные в военное время или в боевой "
           "обстановке, – наказываются лишением свободы на срок от трех до семи лет.")
    ops = diff_words(old, new, native=False)
    assert _rebuilds(old, new, ops)
    assert not any("Халатное" in t for k, t in ops if k == "delete")


def test_a_term_kept_in_one_part_is_not_read_as_changed_when_a_new_part_follows() -> None:
    # Art. 216 (2020 -> 2022, shortened): part 2 drops its first fine, part 3 with 5-12 years is
    # new. The 3-7 years of part 2 stay; one rewrite across both parts read as 3-7 -> 5-12.
    tail = " со штрафом и с лишением права занимать определенные должности или без лишения"
    old = ("2. То же деяние, повлекшее причинение ущерба в крупном размере, – наказывается ограничением "
           f"свободы на срок до пяти лет{tail} или лишением свободы на срок от трех до семи лет{tail}.")
    part_3 = (" 3. То же деяние, повлекшее причинение ущерба в особо крупном размере, – наказывается лишением "
              f"свободы на срок от пяти до двенадцати лет{tail}.")
    new = old.replace(f"пяти лет{tail} или", "пяти лет или") + part_3
    ops = diff_words(old, new, native=False)
    assert _rebuilds(old, new, ops)
    assert any("от трех до семи лет" in t for k, t in ops if k == "equal")
    assert ops[-1] == ("insert", part_3)


def test_a_missing_sanction_filled_in_before_the_next_part_is_one_insertion() -> None:
    old = PART_1[:-len(" – наказываются штрафом, или арестом, или лишением свободы на срок до пяти лет.")] + \
        ", – 2. Те же действия, совершенные повторно, – наказываются лишением свободы на срок до шести лет."
    new = old.replace(", – 2.", ", – наказываются штрафом или арестом. 2.")
    ops = diff_words(old, new, native=False)
    assert _rebuilds(old, new, ops)
    assert [(k, t) for k, t in ops if k != "equal"] == [("insert", "наказываются штрафом или арестом. ")]


_WORD_RE = re.compile(r"\w+(?:-\w+)*")


def _cuts(ops: list[tuple[str, str]], side: str) -> list[int]:
    """Where one op ends and the next begins, in the old ("delete") or new ("insert") text."""
    cuts, pos = [], 0
    for kind, text in ops:
        if kind in ("equal", side):
            pos += len(text)
            cuts.append(pos)
    return cuts


@given(legal_text, legal_text)
@settings(max_examples=200, deadline=None)
def test_no_change_starts_or_ends_inside_a_word(old: str, new: str) -> None:
    ops = diff_words(old, new, native=False)
    for text, side in ((old, "delete"), (new, "insert")):
        words = [m.span() for m in _WORD_RE.finditer(text)]
        for cut in _cuts(ops, side):
            assert not any(start < cut < end for start, end in words), (text, cut, ops)


ART_50_2020 = ("3. В случае злостного уклонения осужденного от уплаты штрафа, назначенного в качестве "
               "основного наказания, суд по представлению органа, на который возложено исполнение "
               "приговора, заменяет штраф общественными работами в соответствии со статьей 49 "
               "настоящего Кодекса.")
ART_50_2022 = ART_50_2020 + (
    " 4. Если осужденный в течение определенного судом срока ареста или ограничения свободы совершил "
    "новое преступление, суд назначает ему наказание по правилам, предусмотренным статьей 73 "
    "настоящего Кодекса.")


@pytest.mark.parametrize("native", [False, pytest.param(True, marks=pytest.mark.skipif(
    not native_available(), reason="fast-diff-match-patch is not installed"))])
@pytest.mark.parametrize(("old", "new", "expected"), [
    # a part added at the end, its last words repeating the end of the part before it: the
    # insertion starts after the full stop, not at the first "настоящего Кодекса"
    (ART_50_2020, ART_50_2022, ("insert", ART_50_2022[len(ART_50_2020):])),
    # a clause added after a comma starts with its own word and takes its comma and space along
    ("при защите жизни, здоровья, прав обороняющегося",
     "при защите жизни, здоровья, собственности, жилища, прав обороняющегося",
     ("insert", "собственности, жилища, ")),
    # an item added to a list: the whole item with its number, not ") понуждение … 11"
    ("9) насильственные действия (часть 1 статьи 167); 10) разглашение тайны усыновления",
     "9) насильственные действия (часть 1 статьи 167); 10) понуждение к действиям сексуального "
     "характера (часть 1 статьи 170); 11) разглашение тайны усыновления",
     ("insert", "понуждение к действиям сексуального характера (часть 1 статьи 170); 11) ")),
    # a clause struck out before the sanction's dash
    ("совершенное повторно либо группой лиц по предварительному сговору, либо сопряженное с "
     "несанкционированным доступом к компьютерной информации, – наказывается штрафом",
     "совершенное повторно либо группой лиц по предварительному сговору, – наказывается штрафом",
     ("delete", "либо сопряженное с несанкционированным доступом к компьютерной информации, ")),
], ids=["part-added-at-the-end", "clause-after-a-comma", "list-item", "clause-struck-before-the-dash"])
def test_a_lone_insertion_or_deletion_sits_where_it_reads_as_a_whole(
        old: str, new: str, expected: tuple[str, str], native: bool) -> None:
    ops = diff_words(old, new, native=native)
    assert _rebuilds(old, new, ops)
    assert [(k, t) for k, t in ops if k != "equal"] == [expected]


@given(st.lists(st.sampled_from([*LEGAL_WORDS, "\x00"]), max_size=40).map(" ".join))
@settings(max_examples=200, deadline=None)
def test_sentences_are_cut_after_full_stops_semicolons_and_colons(text: str) -> None:
    cuts = re.split(r"(?<=[.;:])(?= )", text)
    segments = _segments(text)
    assert "".join(segments) == text
    if "1.2." not in text:
        assert segments == cuts
    else:  # an amending law's sub-point number goes with the instruction it opens, never alone
        assert set(itertools.accumulate(map(len, segments))) <= set(itertools.accumulate(map(len, cuts)))
        assert not any(segment.strip() == "1.2." for segment in segments[:-1])




@native_only
@given(legal_text, legal_text)
@settings(max_examples=300, deadline=None)
def test_the_cpp_diff_gives_the_same_redline_as_the_python_one(old: str, new: str) -> None:
    assert diff_words(old, new, native=True) == diff_words(old, new, native=False)


@native_only
def test_the_cpp_diff_gives_the_same_redline_on_every_article_of_the_real_editions(corpus_dir: object) -> None:
    import json
    from pathlib import Path

    assert isinstance(corpus_dir, Path)

    def texts(edition: str) -> dict[str, str]:
        lines = (corpus_dir / f"uk_{edition}.articles.jsonl").read_text("utf-8").splitlines()
        return {o["number"]: normalize(o["text"]) for o in map(json.loads, lines)}

    old, new = texts("2020-09"), texts("2022-09")
    changed = [(old[n], new[n]) for n in old.keys() & new.keys() if old[n] != new[n]]
    assert len(changed) > 150  # superscripts lost in 2020 and real amendments: most articles differ
    for a, b in changed:
        assert diff_words(a, b, native=True) == diff_words(a, b, native=False)


def test_lexwatch_pure_python_keeps_the_word_diff_in_python() -> None:
    import os
    import subprocess
    import sys

    script = "from lexwatch.diff.words import native_available; print(native_available())"
    env = {**os.environ, "LEXWATCH_PURE_PYTHON": "1"}
    out = subprocess.run([sys.executable, "-c", script], env=env, capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_a_sub_numbered_point_is_one_word_of_the_redline() -> None:
    # Art. 33 (2020 -> 2022): points renumbered. "12/1" is one number: replaced whole, never cut
    # into "[-12-]{+13+}/1".
    old = "12) клевета (статья 188); 12/1) угроза убийством (статья 186); 13) оскорбление (статья 189)."
    new = old.replace("12/1)", "13/1)")
    ops = diff_words(old, new, native=False)
    assert [(k, t) for k, t in ops if k != "equal"] == [("delete", "12/1"), ("insert", "13/1")]


def test_a_part_numbered_after_it_is_split_and_new_parts_follow_keeps_its_own_term() -> None:
    # Art. 352 (2020 -> 2022, shortened): one unnumbered part becomes part 1 with a new term, and
    # an aggravated part 2 follows. "до пяти лет" belongs to the new part 2, not to part 1.
    old = ("Несанкционированное копирование информации, повлекшее причинение существенного вреда, – "
           "наказывается общественными работами, или штрафом, или арестом, или ограничением свободы на "
           "срок до двух лет, или лишением свободы на тот же срок.")
    new = ("1. Несанкционированное копирование информации, повлекшее причинение существенного вреда, – "
           "наказывается штрафом, или арестом, или ограничением свободы на срок до трех лет, или лишением "
           "свободы на срок до двух лет. 2. Те же деяния, совершенные повторно, – наказываются штрафом, или "
           "арестом, или ограничением свободы на срок до пяти лет, или лишением свободы на тот же срок.")
    ops = diff_words(old, new, native=False)
    assert _rebuilds(old, new, ops)
    changes = [(k, t) for k, t in ops if k != "equal"]
    assert ("delete", "двух") in changes and ("insert", "трех") in changes
    assert changes[-1][0] == "insert" and changes[-1][1].lstrip().startswith("2. Те же деяния")


AMENDING = ("Внести в Уголовный кодекс Республики Беларусь следующие изменения: "
            "1.1. в статье 130 слова «до двенадцати лет» заменить словами «до пятнадцати лет»; "
            "1.2. часть первую статьи 361 после слов «иные действия» дополнить словами «, в том числе с "
            "использованием глобальной компьютерной сети Интернет»; "
            "1.3. статью 361-4 исключить; "
            "1.4. в части второй статьи 289 слово «смертной» заменить словом «пожизненного».")


@pytest.mark.parametrize("native", [False, pytest.param(True, marks=native_only)])
def test_a_sub_point_dropped_from_a_draft_amending_law_leaves_the_instructions_after_it_unchanged(native: bool) -> None:
    # Two readings of a draft: sub-point 1.2 dropped, the rest renumbered, a new 1.4 added. The
    # numbers "1.2.", "1.3.", "1.4." paired as sentences of their own, and each instruction after
    # the dropped one read as rewritten into the next ("1.3. [-статью 361-4 исключить-]{+в части
    # второй …+}"). A code's parts keep their numbers ("2. Исключена."), an amending law's do not.
    # The renumbered sub-point reads whole: "[-1.4-]{+1.3+}.", not "1.[-4-]{+3+}.".
    dropped = (" часть первую статьи 361 после слов «иные действия» дополнить словами «, в том числе с"
               " использованием глобальной компьютерной сети Интернет»; 1.3.")
    new = (AMENDING.replace(dropped, "").replace("1.4. в части", "1.3. в части")
           .replace("пожизненного».", "пожизненного»; 1.4. дополнить Кодекс статьей 130-3 следующего содержания."))
    for ops in (diff_words(AMENDING, new, native=native), mirror(diff_words(new, AMENDING, native=native))):
        assert _rebuilds(AMENDING, new, ops)
        assert [(k, t) for k, t in ops if k != "equal"] == [
            ("delete", dropped.lstrip() + " "), ("delete", "1.4"), ("insert", "1.3"),
            ("insert", "; 1.4. дополнить Кодекс статьей 130-3 следующего содержания")]



AMENDING_COAP = ("Внести в Кодекс Республики Беларусь об административных правонарушениях следующие изменения: "
                 "1.1. в ст. 9.3. слова «штрафом» заменить словами «арестом»; "
                 "1.2. в ст. 10.5. слово «предупреждение» исключить; "
                 "1.3. в ст. 23.34. слова «до двадцати» заменить словами «до тридцати».")


@pytest.mark.parametrize("native", [False, pytest.param(True, marks=native_only)])
def test_an_article_number_after_st_is_no_sub_point_of_the_amending_law(native: bool) -> None:
    # "в ст. 10.5. слово …" is cut after "ст." and after "10.5.": the article's number was taken for a
    # sub-point and joined to the words after it, and the sub-point's own number to "в ст.": with 1.1
    # dropped, "1.2. в ст." paired with "1.2. в ст." and the dropped instruction read as rewritten into
    # the next ("1.1. в ст. [-9.3. слова «штрафом» …-]{+10.5. слово «предупреждение» исключить+}; …").
    new = AMENDING_COAP.replace("1.1. в ст. 9.3. слова «штрафом» заменить словами «арестом»; 1.2. ", "1.1. ") \
        .replace("1.3. в ст.", "1.2. в ст.")
    for ops in (diff_words(AMENDING_COAP, new, native=native),
                mirror(diff_words(new, AMENDING_COAP, native=native))):
        assert _rebuilds(AMENDING_COAP, new, ops)
        changes = [(k, t) for k, t in ops if k != "equal"]
        assert [k for k, _ in changes] == ["delete", "delete", "insert"], changes
        assert "9.3. слова «штрафом» заменить словами «арестом»;" in changes[0][1]
        assert "предупреждение" not in changes[0][1] and "двадцати" not in changes[0][1]
        assert changes[1:] == [("delete", "1.3"), ("insert", "1.2")]


@pytest.mark.parametrize("native", [False, pytest.param(True, marks=native_only)])
def test_a_dotted_date_or_number_changes_as_one_word(native: bool) -> None:
    # "от 17.07.2018" → "от 17.07.2023" read "17.07.[-2018-]{+2023+}": a lawyer quotes the date whole.
    old = ("2. Порядок ведения реестра определяется в соответствии с Законом Республики Беларусь "
           "от 17.07.2018 № 130-З «О нормативных правовых актах».")
    new = old.replace("17.07.2018", "17.07.2023")
    for ops in (diff_words(old, new, native=native), mirror(diff_words(new, old, native=native))):
        assert _rebuilds(old, new, ops)
        assert [(k, t) for k, t in ops if k != "equal"] == [("delete", "17.07.2018"), ("insert", "17.07.2023")]
