"""No page or file can make flagging slow: every regular expression and loop over hits, quotes and clauses
stays linear on the worst text a portal page or a sent file may hold.

Each text is an amending law or an article with one thing repeated to the size a page may carry (a run of
spaces from a PDF's text layer, thousands of hits in one paragraph, an unclosed "(" over "№"s). The bounds
are about 10x what a plain law of the same size takes here (0.1-0.3 s) and far below what the quadratic or
backtracking reading took (seconds to hours; figures in each test).
"""

from __future__ import annotations

import pytest
from builders import within
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from lexwatch.flags import Pack, load_packs
from lexwatch.flags.direction import document_directions
from lexwatch.flags.match import Hit, evidence_at, find_hits
from lexwatch.flags.targets import document_targets
from lexwatch.ids import ArticleNumber

LEAD = "Статья 1. Внести в Уголовный кодекс Республики Беларусь от 9 июля 1999 г. № 275-З следующие изменения:\n"
SANCTION = "«1. Совершение взрыва в целях устрашения населения (акт терроризма) –\nнаказывается смертной казнью.»;\n"
KNOWN = frozenset(ArticleNumber(n) for n in range(1, 470)) | {ArticleNumber(130, 1), ArticleNumber(130, 2)}


@pytest.fixture(scope="module")
def packs() -> list[Pack]:
    return load_packs(None)


def flagged(text: str, packs: list[Pack]) -> list[Hit]:
    """What `flag_document` reads of one article: hits, their directions and targets."""
    return document_targets(text, document_directions(text, find_hits(text, packs, known=KNOWN)))


def directions(hits: list[Hit]) -> list[tuple[str, str]]:
    return [(h.rule, h.direction) for h in hits]


@pytest.mark.parametrize("words", ["в следующей редакции", "следующего содержания"])
def test_a_run_of_spaces_after_the_wording_verb_reads_as_one_space(words: str, packs: list[Pack]) -> None:
    # "\s*:?\s*$" tried every split of the run, from every start: 100 000 spaces took 40 s (and more)
    def law(gap: str) -> str:
        return f"{LEAD}1. часть 1 статьи 289 изложить {words}{gap}(с изменениями):\n{SANCTION}"

    with within(2):
        hits = flagged(law(" " * 100_000), packs)
    assert directions(hits) == directions(flagged(law(" "), packs))
    assert {h.rule for h in hits} >= {"death-penalty"}


def test_ten_thousand_dopolnit_before_a_quote_are_read_once(packs: list[Pack]) -> None:
    # "дополнить[^«»;]*?словами" scanned the clause to its end again from each "дополнить": 11 s
    text = f"{LEAD}1. {'дополнить ' * 10_000}статью 289 частью 4:\n{SANCTION}"
    with within(2):
        hits = flagged(text, packs)
    assert [h.direction for h in hits if h.rule == "death-penalty"] == ["present"]
    # and the wording it does give is still read as added
    text = f"{LEAD}1. {'дополнить ' * 10_000}статью 289 словами «или смертной казнью»;\n"
    with within(2):
        hits = flagged(text, packs)
    assert [h.direction for h in hits if h.rule == "death-penalty"] == ["added"]


def test_an_unclosed_parenthesis_over_numbers_signs_is_read_once(packs: list[Pack]) -> None:
    # the official source "(… № 28–29 …)": "[^()]*№" backtracked over every "№" of an unclosed "(": 30 s
    def law(signs: str) -> str:
        return f"{LEAD}1. часть 1 статьи 289 изложить в следующей редакции ({signs}:\n{SANCTION}"

    with within(2):
        hits = flagged(law("№" * 100_000), packs)
    short = flagged(law("№"), packs)
    assert [(h.rule, h.direction, h.targets) for h in hits] == [(h.rule, h.direction, h.targets) for h in short]
    assert [t.display for h in hits if h.rule == "death-penalty" for t in h.targets] == ["ч. 1 ст. 289 УК"]


def test_a_paragraph_of_eleven_thousand_hits_is_read_clause_by_clause_once(packs: list[Pack]) -> None:
    # each hit read its whole clause (200 kB) again, five times over: 20 kB took 3.8 s, 200 kB minutes
    text = "Статья 5. " + "смертной казнью и " * 11_000
    with within(3):
        hits = flagged(text, packs)
    assert len(hits) == 11_000 and {(h.rule, h.direction) for h in hits} == {("death-penalty", "present")}


def test_twenty_thousand_references_and_sub_numbers_are_told_apart_by_bisection(packs: list[Pack]) -> None:
    # each "130²" was looked for among every reference before it, and each hit read its clause: 20 kB 9 s
    text = f"{LEAD}1. в статьях " + "ст. 1 130² " * 20_000 + "слова «смертная казнь» исключить;\n"
    with within(3):
        hits = flagged(text, packs)
    assert sum(h.key == "130-2" for h in hits) == 20_000


def test_twenty_thousand_parts_cited_in_one_instruction_are_told_apart_by_bisection(packs: list[Pack]) -> None:
    # each "части 1" the instruction names was looked for among every reference of it: 400 kB took 14 s
    text = f"{LEAD}1. в " + "части 1 статьи 289, " * 20_000 + "слова «смертная казнь» исключить;\n"
    with within(3):
        hits = flagged(text, packs)
    assert sum(h.key == "289" for h in hits) == 20_000
    assert {t.display for h in hits if h.key == "289" for t in h.targets} == {"ч. 1 ст. 289 УК"}


def test_forty_thousand_ranges_against_the_codes_articles(packs: list[Pack]) -> None:
    # each range ran over all the document's articles: 40 000 ranges in 200 kB took 6 s
    text = "Статья 1. За преступления, предусмотренные ст. " + "1–2, " * 40_000 + "289–290¹ – смертная казнь"
    with within(3):
        hits = find_hits(text, packs, known=KNOWN | {ArticleNumber(290, 1)})
    assert "death-penalty" in {h.rule for h in hits}


def test_a_law_of_twenty_thousand_quoted_instructions(packs: list[Pack]) -> None:
    # each quoted hit looked at every other hit of the law: 8 000 (190 kB) took 2.1 s, growing with the square
    item = "статью 289 дополнить словами «или смертной казнью»;\n"
    with within(5):
        hits = flagged(LEAD + item * 10_000, packs)
    assert directions(hits) == directions(flagged(LEAD + item * 10, packs)) * 1000
    assert ("death-penalty", "added") in directions(hits)


def test_belarusian_sentences_between_hits_are_skipped_by_bisection(packs: list[Pack]) -> None:
    # each hit was looked for in every Belarusian sentence: 8 000 of each took 2.8 s, 16 000 11 s
    text = "Смяротнае пакаранне ў выглядзе расстрэлу і іншае. смертная казнь. " * 16_000
    with within(3):
        hits = find_hits(text, packs)
    assert len(hits) == 16_000


def test_thousands_of_leads_nested_in_each_other_are_read_in_linear_time_and_space() -> None:
    # "внести изменения в статью 289:" opens a list under the one before it: each part's key spelled out
    # every lead above it and a lead's every item, so 3 800 nested leads (200 kB) took 1.7 s and made
    # 460 MB of keys (a 10 MB page: out of memory). Lists deeper than a law nests are read as items.
    from lexwatch.flags.direction import Layout, _instruction_parts

    line = "внести изменения в статью 289:\n"
    text = LEAD + line * 6_600
    with within(2):
        parts = _instruction_parts(Layout(text))
    assert len(parts.keys) == 6_601 and sum(map(len, parts.keys)) < 50 * len(text)  # was ~2 300x
    # a law as written, three lists deep, is read as before: each item under its own leads
    law = (LEAD + "1. В статье 289:\n1) в части 1:\nслова «до пяти» заменить словами «до семи»;\n"
           "2) часть 3 исключить;\n2. В статье 67:\nчасть 3 исключить.")
    keys = _instruction_parts(Layout(law)).keys
    assert len(set(keys)) == len(keys)  # "часть 3 исключить" under ст. 289 is not the one under ст. 67


def test_evidence_in_a_two_megabyte_line_looks_only_around_the_hit() -> None:
    # each hit's line was found by scanning to its start and end: 20 000 hits in a 2 MB line took seconds
    text = "лишение свободы " * 131_072
    starts = range(16 * 1000, len(text) - 1000, 96)[:20_000]
    with within(1):
        quotes = [evidence_at(text, i, i + 15) for i in starts]
    # as quoted from a line of its 800 characters around it
    assert quotes == [evidence_at(text[i - 400:i + 415], 400, 415) for i in starts]
    assert quotes[0].startswith("… лишение свободы") and quotes[0].endswith("…")


RUNS = [" ", "\n", "№", "(", "«", "»", ":", "ч. ", "ст. ", "дополнить ", "словами ", "1.", "смертной казнью ",
        "в следующей редакции ", "слова «а», ", "статью 289 исключить;\n", "В статье 289:\n",
        "внести изменения в статью 289:\n"]
PIECES = [LEAD, "1. В статье 289:\n", "часть 1 изложить в следующей редакции:\n", SANCTION,
          "в части 3 слова «или пожизненным лишением свободы» заменить словами «, или смертной казнью»;\n",
          "2. статью 361⁴ исключить;\n", "Признать утратившими силу:\nстатью 130²;\n", "(Ведамасці, 1999 г., № 28–29)"]


@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(pieces=st.lists(st.sampled_from(PIECES), min_size=1, max_size=12), run=st.sampled_from(RUNS), data=st.data())
def test_any_run_anywhere_in_a_law_is_read_in_linear_time(pieces: list[str], run: str, data: st.DataObject,
                                                          packs: list[Pack]) -> None:
    # a run of 200 kB of one of the pieces the expressions read, put between two pieces of a law
    at = data.draw(st.integers(0, len(pieces)))
    text = "".join([*pieces[:at], run * (200_000 // len(run)), *pieces[at:]])
    with within(5):
        flagged(text, packs)


def test_a_lead_naming_thousands_of_articles_over_thousands_of_items_is_read_in_linear_time(
        packs: list[Pack]) -> None:
    # every item under "В статьях 1, 2, …, 4000:" inherited all 4 000 articles: 16 million targets were
    # made for a 100 kB text (11.6 s); an item inherits at most 64 of its lead's
    def law(articles: int, items: int) -> str:
        return (LEAD + "1. В статьях " + ", ".join(str(n) for n in range(1, articles + 1)) + ":\n"
                + "часть 1 исключить;\n" * items + "часть 2 дополнить словами «или смертной казнью».")

    with within(4):
        hits = flagged(law(4_000, 4_000), packs)
    [death] = [h for h in hits if h.rule == "death-penalty"]
    assert len(death.targets) == 64 and death.targets[0].display == "ч. 2 ст. 1 УК"
    # a lead as laws write it keeps every article it names
    [few] = [h for h in flagged(law(3, 2), packs) if h.rule == "death-penalty"]
    assert [t.display for t in few.targets] == ["ч. 2 ст. 1 УК", "ч. 2 ст. 2 УК", "ч. 2 ст. 3 УК"]


def test_a_clause_naming_a_law_by_its_title_thousands_of_times_is_read_in_linear_time(packs: list[Pack]) -> None:
    # each quote of a clause read the clause from its start again: 1 000 titles of the Law "О противодействии
    # экстремизму" in one clause (88 kB) took 15 s, 2 000 a minute; what each title is stays the same
    title = "Закона Республики Беларусь от 4 января 2007 г. № 203-З «О противодействии экстремизму»"
    text = ("Статья 1. В статье 1 " + ", ".join([title] * 2_000)
            + " слова «экстремистских материалов» заменить словами «материалов».\n")
    with within(10):
        hits = flagged(text, packs)
    assert len(hits) == 2_001
    assert {h.direction for h in hits[:-1]} == {"changed"}  # the law it amends, as a lead naming it
    assert hits[-1].direction == "removed"
