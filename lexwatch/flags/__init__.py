"""The flags stage: rule packs over one document or over a diff, and sanction changes per part.

`ArticleDiff.flags` items: {"pack", "rule", "severity", "direction", "article", "evidence", "targets",
"instruction"}, where direction is added | removed | changed (| present, only for one document),
evidence the quoted words around the hit, and in an amending law targets the articles (of a code or a law) the
instruction around the hit changes ({"code", "article", "part", "point"}, flags/targets.py) and
instruction its point in the law's article ("1", "1.2"). `ArticleDiff.sanctions` items: {"article",
"part", "old_part", "change", "penalty", "old", "new", "summary", "summary_ru"}, change added | removed | term | role
(main <-> additional penalty), old/new {"min", "max", "unit": "years"} or null.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING, Any

from lexwatch.diff.model import SEVERITY_ORDER
from lexwatch.flags.match import Hit, find_hits
from lexwatch.flags.packs import Pack, Rule, available_packs, descriptions, load_packs

if TYPE_CHECKING:
    from lexwatch.diff.model import ArticleDiff, DocumentDiff, Op
    from lexwatch.ids import ArticleNumber
    from lexwatch.text.model import Article, Document

__all__ = ["Hit", "Pack", "Rule", "annotate_diff", "available_packs", "flag_document", "grouped", "load_packs"]

CRIMINAL_CODE = "HK9900275"


def _own_article_hits(article: Article, packs: list[Pack], direction: str) -> list[Hit]:
    """Rules that watch this very article (59, 130²…) fire on its heading."""
    heading = article.heading
    return [Hit(pack.name, rule.id, rule.severity, "article", article.number.canonical, 0, len(heading),
                heading, article.number.canonical, None, direction)
            for pack in packs for rule in pack.rules if article.number in rule.articles]


def flag_document(doc: Document, packs: list[Pack]) -> list[Hit]:
    """Every hit in one document, in document order; amendment instructions give the direction."""
    from lexwatch.diff.normalize import normalize
    from lexwatch.flags.direction import document_directions
    from lexwatch.flags.targets import document_targets

    known = frozenset(a.number for a in doc.articles)
    # Article rules name articles of the Criminal Code: another act's article 59 is not watched.
    own = doc.act in (None, CRIMINAL_CODE)
    hits: list[Hit] = []
    if doc.preamble:
        found = find_hits(doc.preamble, packs, known=known)
        hits += document_targets(doc.preamble, document_directions(doc.preamble, found))
    for article in doc.articles:
        if own and not article.excluded:
            hits += _own_article_hits(article, packs, "present")
        text = f"{article.title}\n{article.text}"
        found = find_hits(text, packs, article=article.number.canonical, known=known)
        hits += document_targets(text, document_directions(text, found))
    # quoted as a diff quotes them: "статьями 361/1 –361/3" from a text layer reads "статьями 361¹–361³"
    return [replace(h, evidence=normalize(h.evidence, known)) for h in hits]


def grouped(hits: list[Hit]) -> list[dict[str, Any]]:
    """One entry per article, rule, direction and amendment instruction: the first evidence and how
    many hits (in an amending law, each instruction's article is its own entry)."""
    out: dict[tuple[Any, ...], dict[str, Any]] = {}
    for hit in hits:
        key = (hit.article, hit.pack, hit.rule, hit.direction, hit.targets, hit.instruction)
        if key in out:
            out[key]["count"] += 1
        else:
            out[key] = {**hit.to_dict(), "part": hit.part, "kind": hit.kind, "match": hit.key, "count": 1}
    return list(out.values())


def _side_ops(item: ArticleDiff) -> list[Op]:
    """The article's ops with its title in front, so a title such as «Отрицание геноцида» counts."""
    old, new = item.old, item.new
    if new is None and old is not None:
        head: list[Op] = [("delete", old.title)]
    elif old is None and new is not None:
        head = [("insert", new.title)]
    elif item.title_ops:
        head = list(item.title_ops)
    else:
        head = [("equal", new.title if new else "")]
    return [*head, ("equal", "\n"), *item.ops]


def _article_flags(item: ArticleDiff, packs: list[Pack], known_old: frozenset[ArticleNumber],
                   known_new: frozenset[ArticleNumber], sanctions_changed: bool = True) -> list[dict[str, Any]]:
    from lexwatch.flags.direction import diff_directions, split_sides, untwinned_spans
    from lexwatch.flags.targets import document_targets

    old_text, new_text, deleted, inserted = split_sides(_side_ops(item))
    shown = item.new or item.old
    number = shown.number.canonical if shown else None

    def hits_in(text: str, other: str, known: frozenset[ArticleNumber]) -> list[Hit]:
        # parts with the same wording on both sides hold the same hits: they cancel, so are not read
        hits = [replace(h, start=h.start + a, end=h.end + a) for a, b in untwinned_spans(text, other)
                for h in find_hits(text[a:b], packs, article=number, known=known)]
        return document_targets(text, hits)   # two versions of an amending law: what each instruction changes

    old_hits = hits_in(old_text, new_text, known_old) if item.old else []
    new_hits = hits_in(new_text, old_text, known_new) if item.new else []
    hits = [h for h in diff_directions(old_hits, new_hits, old_text, new_text, deleted, inserted)
            if sanctions_changed or not h.in_sanction]
    if item.status == "added" and item.new:
        hits += _own_article_hits(item.new, packs, "added")
    elif item.old and (item.status == "removed" or (item.new and item.new.excluded and not item.old.excluded)):
        hits += _own_article_hits(item.old, packs, "removed")
    elif item.new:
        hits += _own_article_hits(item.new, packs, "changed")
        if item.old and item.old.number != item.new.number:  # renumbered: the watched one moved
            hits += _own_article_hits(item.old, packs, "changed")
    seen: set[tuple[str, str, str]] = set()
    flags: list[dict[str, Any]] = []
    for hit in sorted(hits, key=lambda h: (SEVERITY_ORDER.get(h.severity, 3), h.kind == "article")):
        key = (hit.pack, hit.rule, hit.direction)
        if key not in seen:
            seen.add(key)
            flags.append({**hit.to_dict(), "article": number})
    return flags


def annotate_diff(diff: DocumentDiff, packs: list[Pack]) -> None:
    """Fill `flags` and `sanctions` of every article that really changed: not technical-only, and
    not only renumbered (the same words under a new number change nothing a rule watches; a rule
    naming the old or new number flagged the move `changed`). `subjects`: what each rule watches."""
    from lexwatch.flags.sanctions import compare_sanctions

    diff.subjects = descriptions(packs)
    known_old = frozenset(a.old.number for a in diff.articles if a.old)
    known_new = frozenset(a.new.number for a in diff.articles if a.new)
    for item in diff.articles:
        if item.status == "unchanged" or item.technical or item.moved_only:
            continue
        if item.status in ("changed", "renumbered"):
            item.sanctions = compare_sanctions(item.old, item.new)
        # a hit whose part changed only in its sanction is a change of its subject when the sanction
        # changed: Art. 124's "пожизненным заключением" renamed beside "смертной казнью" changes no penalty
        item.flags = _article_flags(item, packs, known_old, known_new, sanctions_changed=bool(item.sanctions)) \
            if packs else []

