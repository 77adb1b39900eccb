"""The article numbers a user types (`--article`, `history ARTICLE`) as `ArticleNumber.parse` reads them."""

from __future__ import annotations

import pytest

from lexwatch.errors import UsageError
from lexwatch.ids import ArticleNumber


@pytest.mark.parametrize(("typed", "canonical"), [
    ("59", "59"), ("130-2", "130-2"), ("130²", "130-2"), ("130/2", "130-2"), ("130.2", "130.2"),
    # as a lawyer writes a citation or copies a heading: nothing else can be meant
    ("59.", "59"), ("ст. 59", "59"), ("Ст.59", "59"), ("статья 59", "59"), ("Статья 59.", "59"),
    ("ст.\u00a0130²", "130-2"), ("ст. 130-2.", "130-2"), ("СТАТЬЯ 361⁴", "361-4"), (" ст 59 ", "59"),
])
def test_a_number_is_read_as_written_or_cited(typed: str, canonical: str) -> None:
    assert ArticleNumber.parse(typed).canonical == canonical


def test_a_dotted_number_is_the_article_of_every_other_form_and_prints_as_written() -> None:
    # КоАП numbers its articles by chapter, "19.11": stored as its canonical and read back, it must print
    # "19.11" (it printed 19¹¹, a wrong citation); in the Criminal Code "130.2" is still 130²
    koap = ArticleNumber.parse("19.11")
    assert ArticleNumber.parse(koap.canonical).display == koap.display == "19.11"
    assert koap == ArticleNumber.parse("19-11") == ArticleNumber.parse("19¹¹")
    assert len({koap, ArticleNumber.parse("19¹¹")}) == 1
    assert ArticleNumber.parse("130.2") == ArticleNumber(130, 2)
    assert koap != ArticleNumber.parse("19.12")
    assert ArticleNumber.parse("19.10") < koap < ArticleNumber.parse("19.12") < ArticleNumber.parse("20.1")
    assert koap.written(by_chapter=False).display == "19¹¹"
    assert ArticleNumber(59).written(by_chapter=True).canonical == "59"


def test_a_cited_number_that_lost_its_superscript_stays_the_bare_number() -> None:
    # "ст. 1301" from a PDF: 1301, as "1301" is; only the articles held tell 130¹ (ADR-1's hint)
    assert ArticleNumber.parse("ст. 1301") == ArticleNumber(1301)


@pytest.mark.parametrize("typed", [
    "ч. 2 ст. 59",                 # a part of Art. 59, not the article
    "п. 3",                        # a point
    "статьи 59",                   # a reference in a sentence ("статьи 59 и 60")
    "Статья 59. Смертная казнь",   # a heading with its title
    "59..", "ст.", "59a", "ст. ст. 59", "", "59 УК",
])
def test_what_may_mean_something_else_is_refused_in_one_line(typed: str) -> None:
    with pytest.raises(UsageError) as refused:
        ArticleNumber.parse(typed)
    assert str(refused.value) == f"not an article number: {typed!r} (try 59, 130-2 or 130²)"
