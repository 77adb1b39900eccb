"""check.explain: what a stored new edition changed against the one before it, and what it flags."""

from __future__ import annotations

from datetime import date

import pytest

from lexwatch.check import explain, previous_version
from lexwatch.flags import load_packs
from lexwatch.ids import ArticleNumber
from lexwatch.sources.runner import Outcome
from lexwatch.text.model import Article, Document
from lexwatch.workspace import Workspace

ART_67_OLD = Article(
    ArticleNumber(67), "Назначение наказания за неоконченное преступление",
    "1. При назначении наказания за приготовление к преступлению и покушение на преступление учитываются "
    "обстоятельства, в силу которых преступление не было доведено до конца.\n"
    "2. Смертная казнь и пожизненное заключение за приготовление к преступлению и покушение на "
    "преступление не назначаются.")
ART_67_NEW = Article(
    ArticleNumber(67), "Назначение наказания за неоконченное преступление",
    "1. При назначении наказания за приготовление к преступлению и покушение на преступление учитываются "
    "обстоятельства, в силу которых преступление не было доведено до конца.\n"
    "2. Смертная казнь и пожизненное заключение за приготовление к преступлению и покушение на "
    "преступление не назначаются, за исключением покушения на акт терроризма.")
ART_130_2 = Article(
    ArticleNumber(130, 2), "Отрицание геноцида белорусского народа",
    "1. Публичное отрицание геноцида белорусского народа, а равно распространение материалов, содержащих "
    "отрицание геноцида белорусского народа, – наказываются арестом, или ограничением свободы на срок до "
    "пяти лет, или лишением свободы на срок до пяти лет.")


def _code(*articles: Article) -> Document:
    return Document(title="УГОЛОВНЫЙ КОДЕКС РЕСПУБЛИКИ БЕЛАРУСЬ", articles=list(articles), act="HK9900275")


@pytest.fixture
def store(workspace):
    with Workspace.find(workspace).open_store() as opened:
        yield opened


def _fetched(store, data: bytes, doc: Document, day: date, kind: str = "consolidated",
             url: str = "https://pravo.by/document/?guid=3871&p0=HK9900275") -> Outcome:
    info = store.add(data, source=url, filename="uk.html", edition_date=day, document=doc,
                     meta={"kind": kind}).version
    return Outcome("pravo_by", "changed", info.source, kind, act=info.act, title=info.title, version=info.id)


def test_a_new_edition_is_compared_with_the_previous_one_of_its_kind_and_flagged(store, workspace):
    first = _fetched(store, b"edition 2021", _code(ART_67_OLD), date(2021, 1, 1))
    _fetched(store, b"a card", _code(ART_67_OLD), date(2021, 6, 1), kind="card",  # another kind: not compared
             url="https://pravo.by/document/?guid=12551&p0=HK9900275")
    second = _fetched(store, b"edition 2022", _code(ART_67_NEW, ART_130_2), date(2022, 5, 13))
    [finding] = explain(store, [second], load_packs(workspace, None))
    assert finding.previous is not None and finding.previous.id == first.version
    assert finding.summary == {"added": 1, "removed": 0, "changed": 1, "renumbered": 0, "unchanged": 0}
    rules = {(f["pack"], f["rule"], f["direction"]): f["articles"] for f in finding.flags}
    assert rules[("genocide", "genocide-denial", "added")] == ["130-2"]
    assert any(pack == "death-penalty" and "67" in arts for (pack, _, _), arts in rules.items())
    assert finding.flags[0]["severity"] == "high"  # most severe first


def test_a_first_version_is_flagged_whole_and_names_no_previous(store, workspace):
    only = _fetched(store, b"edition 2022", _code(ART_130_2), date(2022, 5, 13))
    [finding] = explain(store, [only], load_packs(workspace, ["genocide"]))
    assert previous_version(store, finding.version) is None and finding.summary is None
    assert {(f["rule"], f["direction"]) for f in finding.flags} >= {("genocide-denial", "present")}


def test_a_version_that_cannot_be_read_is_still_reported_with_why(store, workspace):
    _fetched(store, b"edition 2021", _code(ART_67_OLD), date(2021, 1, 1))
    second = _fetched(store, b"edition 2022", _code(ART_67_NEW), date(2022, 5, 13))
    # a damaged database: an article row whose number no longer parses
    store.db.execute("UPDATE articles SET number = '??' WHERE version_id = ?", (second.version,))
    [finding] = explain(store, [second], load_packs(workspace, None))
    assert finding.error and finding.summary is None and finding.flags == []
    assert finding.to_dict()["error"] == finding.error


def test_a_source_that_went_back_is_compared_with_what_it_gave_last(store, workspace):
    older = _fetched(store, b"edition 2021", _code(ART_67_OLD), date(2021, 1, 1))
    newer = _fetched(store, b"edition 2022", _code(ART_67_NEW), date(2022, 5, 13))
    # the portal serves the 2021 bytes again: the change to read is 2022 -> 2021, not 2021 against nothing
    [finding] = explain(store, [older], load_packs(workspace, None))
    assert finding.previous is not None and finding.previous.id == newer.version
    assert finding.summary is not None and finding.summary["changed"] == 1
