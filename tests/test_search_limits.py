"""A search's snippet is quoted in linear time, however often a stored text holds the query.

The texts searched are stored portal texts: an article can be one 1 MB paragraph holding the words
searched for tens of thousands of times. The bound is about 10x what a text of the same size holding the
query once takes here (0.1 s), far below what counting each window's matches afresh took (minutes).
"""

from __future__ import annotations

from builders import within

from lexwatch.store.versions import _read_query, _snippet

SENTENCE = "наказывается смертной казнью или лишением свободы на срок до пятнадцати лет (ст. 289). "


def test_a_text_holding_the_query_twenty_thousand_times_is_quoted_in_linear_time() -> None:
    # each of the 20 000 windows counted every match again: 40 kB took 1.7 s, 250 kB minutes
    terms = _read_query('смертная казнь "лишением свободы" 289')
    text = "Статья 289. " + SENTENCE * 2_900
    with within(2):
        snippet = _snippet(terms, text)
    # the first window that holds every term, as in a text holding the sentence twice
    assert snippet == _snippet(terms, "Статья 289. " + SENTENCE * 2)
    assert "[смертной] [казнью] или [лишением свободы]" in snippet
