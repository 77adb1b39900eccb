"""One real edition, four formats: TXT, portal HTML, DOCX and PDF must give the same articles.

The reference is the corpus JSON Lines (not our parser). The full edition goes through TXT and HTML;
DOCX and PDF get the chapters around 130–130², 289–290⁵ and 356–361⁴ (and 46¹ / 461 for 2020),
which hold every kind of sub-numbered article.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from builders import DEJAVU, make_docx, make_pdf, render_portal_html

from lexwatch.ids import ArticleNumber
from lexwatch.text.load import parse_bytes
from lexwatch.text.model import Article, Document

SUBSET_ARTICLES = {"130", "290-5", "361-1", "46-1", "461"}


def _norm(text: str) -> str:
    return " ".join(text.split())


def _edition(corpus_dir: Path, edition: str) -> Document:
    rows = [json.loads(line) for line in
            (corpus_dir / f"uk_{edition}.articles.jsonl").read_text(encoding="utf-8").splitlines()]
    notes = [json.loads(line) for line in
             (corpus_dir / f"uk_{edition}.chapter_notes.jsonl").read_text(encoding="utf-8").splitlines()]
    articles = [Article(ArticleNumber.parse(r["number"]), r["title"], r["text"], chapter=r["chapter"],
                        section=r["section"], part=r["part"] or "", excluded=r["excluded"]) for r in rows]
    return Document(title="УГОЛОВНЫЙ КОДЕКС РЕСПУБЛИКИ БЕЛАРУСЬ", articles=articles, act="HK9900275",
                    notes=[(n["chapter"] if n["scope"] == "chapter" else n["section"], n["text"]) for n in notes])


def _subset(doc: Document) -> Document:
    chapters = {a.chapter for a in doc.articles if a.id in SUBSET_ARTICLES}
    articles = [a for a in doc.articles if a.chapter in chapters]
    headings = {h for a in articles for h in (a.chapter, a.section, a.part)}
    return Document(title=doc.title, articles=articles, notes=[n for n in doc.notes if n[0] in headings])


def _assert_same(got: Document, want: Document, fmt: str, *, exact_lines: bool) -> None:
    assert got.format == fmt
    assert got.act == "HK9900275"
    assert [a.number for a in got.articles] == [a.number for a in want.articles]
    for mine, ref in zip(got.articles, want.articles, strict=True):
        assert (mine.title, mine.excluded) == (ref.title, ref.excluded), f"{fmt} {ref.number.display}"
        assert _norm(mine.text) == _norm(ref.text), f"{fmt} {ref.number.display}"
        if exact_lines:
            assert mine.lines == ref.lines, f"{fmt} {ref.number.display}"
        assert (mine.chapter, mine.section, mine.part) == (ref.chapter, ref.section, ref.part)


@pytest.fixture(scope="module", params=["2022-09", "2020-09"])
def edition(request: pytest.FixtureRequest, corpus_dir: Path) -> tuple[str, Document]:
    return request.param, _edition(corpus_dir, request.param)


def test_the_plain_text_edition(edition: tuple[str, Document], corpus_dir: Path) -> None:
    name, reference = edition
    doc = parse_bytes((corpus_dir / f"uk_{name}.txt").read_bytes(), f"uk_{name}.txt")
    _assert_same(doc, reference, "txt", exact_lines=True)


def test_the_whole_edition_as_a_portal_page_with_a_table_of_contents(edition: tuple[str, Document]) -> None:
    _, reference = edition
    page = render_portal_html(reference, toc=True).encode()
    assert page.count(b'class="contenttext"') > len(reference.articles)
    doc = parse_bytes(page, "uk.html")
    _assert_same(doc, reference, "html", exact_lines=True)
    assert [text for _, text in doc.notes if _] == [text for _, text in reference.notes]


def test_a_word_file(edition: tuple[str, Document]) -> None:
    pytest.importorskip("docx")
    _, reference = edition
    subset = _subset(reference)
    doc = parse_bytes(make_docx(subset), "uk.docx")
    _assert_same(doc, subset, "docx", exact_lines=True)


@pytest.mark.parametrize("layout", [
    {"columns": 2},                                   # a two-column publication, superscripts raised
    {"columns": 1, "superscripts": "flat"},           # a copy where 130² reads "1302"
])
def test_a_typeset_pdf(edition: tuple[str, Document], layout: dict[str, object]) -> None:
    pytest.importorskip("reportlab")
    if not DEJAVU.is_file():
        pytest.skip("the DejaVuSans font is not installed")
    name, reference = edition
    subset = _subset(reference)
    ids = {a.id for a in subset.articles}
    assert {"290-1", "290-5", "361-1"} <= ids
    assert {"130-2", "361-4"} <= ids if name == "2022-09" else {"46-1", "461"} <= ids
    doc = parse_bytes(make_pdf(subset, **layout), "uk.pdf")   # type: ignore[arg-type]
    _assert_same(doc, subset, "pdf", exact_lines=False)
