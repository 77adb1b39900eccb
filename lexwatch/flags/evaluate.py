"""Score the flags stage against a labelled set (tests/data/flag_cases.toml): precision and recall per pack.

A case is one text (flagged as one document) or one article before and after (flagged as a diff);
its expectation is a set of "pack:direction" labels.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from pathlib import Path

from lexwatch.flags.packs import Pack


@dataclass(frozen=True)
class Case:
    id: str
    expect: frozenset[str]
    text: str | None = None
    old: str | None = None
    new: str | None = None
    article: str = "1"


@dataclass
class PackScore:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    missed: list[str] = field(default_factory=list)
    spurious: list[str] = field(default_factory=list)

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0


def load_cases(path: Path) -> list[Case]:
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    return [Case(c["id"], frozenset(c["expect"]), c.get("text"), c.get("old"), c.get("new"),
                 c.get("article", "1")) for c in data["case"]]


def predict(case: Case, packs: list[Pack]) -> frozenset[str]:
    """The "pack:direction" labels lexwatch gives the case."""
    if case.text is not None:
        from lexwatch.flags.direction import document_directions
        from lexwatch.flags.match import find_hits

        return frozenset(f"{h.pack}:{h.direction}" for h in document_directions(case.text, find_hits(case.text, packs)))
    from lexwatch.diff.engine import diff_documents
    from lexwatch.flags import annotate_diff
    from lexwatch.ids import ArticleNumber
    from lexwatch.text.model import Article, Document

    def document(text: str | None) -> Document:
        # a neighbour keeps the document non-empty when the article exists on one side only
        articles = [Article(ArticleNumber(1), "Задачи Уголовного кодекса", "Уголовный кодекс имеет задачей охрану.")]
        if text:
            articles.append(Article(ArticleNumber.parse(case.article), "Статья", text))
        return Document("УГОЛОВНЫЙ КОДЕКС РЕСПУБЛИКИ БЕЛАРУСЬ", articles)

    diff = diff_documents(document(case.old), document(case.new))
    annotate_diff(diff, packs)
    return frozenset(f"{f['pack']}:{f['direction']}" for item in diff.articles for f in item.flags)


def score(cases: list[Case], packs: list[Pack]) -> dict[str, PackScore]:
    """Per pack, and "overall": true and false positives and misses over "pack:direction" labels."""
    scores: dict[str, PackScore] = {p.name: PackScore() for p in packs}
    overall = PackScore()
    for case in cases:
        got = predict(case, packs)
        for label in got | case.expect:
            pack = label.split(":")[0]
            s = scores.setdefault(pack, PackScore())
            if label in got and label in case.expect:
                s.tp += 1
                overall.tp += 1
            elif label in got:
                s.fp += 1
                overall.fp += 1
                s.spurious.append(f"{case.id}: {label}")
            else:
                s.fn += 1
                overall.fn += 1
                s.missed.append(f"{case.id}: {label}")
    scores["overall"] = overall
    return scores
