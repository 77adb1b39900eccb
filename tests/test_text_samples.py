"""The bundled sample acts the README demo imports: two editions of an excerpt of the Criminal Code."""

from __future__ import annotations

from pathlib import Path

import lexwatch
from lexwatch.text.load import read_document

SAMPLES = Path(lexwatch.__file__).parent / "data" / "samples"


def test_the_2022_excerpt_holds_the_death_penalty_genocide_and_extremism_articles() -> None:
    doc = read_document(SAMPLES / "uk_excerpt.html")
    assert (doc.act, doc.format, doc.title) == ("HK9900275", "html", "УГОЛОВНЫЙ КОДЕКС РЕСПУБЛИКИ БЕЛАРУСЬ")
    assert [a.number.display for a in doc.articles] == [
        "57", "58", "59", "67", "124", "130", "130¹", "130²", "289", "290", "361", "361¹", "361²", "361³", "361⁴"]
    death_penalty = doc.article("59")
    assert death_penalty is not None and death_penalty.chapter == "ГЛАВА 9. Наказание и его виды"
    assert "смертной казни" in death_penalty.text
    assert doc.article("130-2").title == "Отрицание геноцида белорусского народа"  # type: ignore[union-attr]
    assert doc.warnings == []


def test_the_2020_excerpt_is_the_same_articles_before_130_2_and_361_4_existed() -> None:
    old = read_document(SAMPLES / "uk_excerpt_2020.html")
    new = read_document(SAMPLES / "uk_excerpt.html")
    assert old.act == new.act == "HK9900275"
    assert {a.id for a in new.articles} - {a.id for a in old.articles} == {"130-1", "130-2", "361-4"}
    assert old.article("59").text != new.article("59").text  # type: ignore[union-attr]


def test_the_samples_stay_small_enough_to_ship() -> None:
    for sample in SAMPLES.glob("*.html"):
        assert sample.stat().st_size < 45_000, sample.name
