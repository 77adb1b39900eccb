"""What a fetch run's new and changed documents mean: each one against what the same address gave
before it, else the same act's previous version of that kind (the article-aligned diff, then the
flags stage), or, with no earlier version, the rule packs over the whole document. `lexwatch
check` prints these findings."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from lexwatch.diff.model import SEVERITY_ORDER
from lexwatch.errors import LexwatchError

if TYPE_CHECKING:
    from lexwatch.flags import Hit, Pack
    from lexwatch.sources.runner import Outcome
    from lexwatch.store.versions import VersionInfo, VersionStore

@dataclass
class Finding:
    """One new or changed document and what changed in it."""

    outcome: Outcome
    version: VersionInfo
    previous: VersionInfo | None = None
    # {"added", "removed", "changed", "renumbered", "unchanged"} against `previous`; None without one
    summary: dict[str, int] | None = None
    # one entry per pack, rule and direction: {"pack", "rule", "severity", "direction", "articles",
    # "targets"}; in an amending law `targets` are the articles (of a code or a law) its instructions change there
    flags: list[dict[str, Any]] = field(default_factory=list)
    error: str | None = None  # why it could not be compared or flagged (it is still reported)
    # the articles behind `summary`, canonical numbers in document order ("130-2"): {"changed",
    # "added", "removed", "renumbered"}, a renumbered one as [old, new]; None without a comparison
    articles: dict[str, list[Any]] | None = None
    # the act as a lawyer names it where its title is set in capitals, as an edition prints it
    # ("Уголовный кодекс Республики Беларусь", a law by its name), a draft as cited ("Проект закона
    # «Об изменении …»"); None: its title says it
    name: str | None = None
    draft: bool = False  # a draft (a bank entry, or titled "ПРОЕКТ"), not an adopted act
    # a law renamed by an amendment (its "О …" line, in no article): {"old", "new"}; None otherwise
    renamed: dict[str, str] | None = None
    # the parts, sections and chapters renamed: [{"heading": "ГЛАВА 31", "old", "new"}]
    headings: list[dict[str, str]] = field(default_factory=list)

    @property
    def changed(self) -> bool:
        """Whether the comparison found anything: an article, the law's name or a chapter's."""
        return bool(self.changed_articles or self.renamed or self.headings)

    @property
    def changed_articles(self) -> int:
        s = self.summary or {}
        return sum(s.get(k, 0) for k in ("added", "removed", "changed", "renumbered"))

    def to_dict(self) -> dict[str, Any]:
        return {**self.outcome.to_dict(), "status": self.outcome.status, "label": self.version.label,
                "edition_date": self.version.edition_date.isoformat() if self.version.edition_date else None,
                "previous": ({"version": self.previous.id, "label": self.previous.label}
                             if self.previous else None),
                "draft": self.draft, "summary": self.summary, "renamed": self.renamed, "headings": self.headings,
                "articles": self.articles,
                "flags": self.flags,
                "error": self.error or self.outcome.error}


def previous_version(store: VersionStore, info: VersionInfo, url: str | None = None,
                     later: frozenset[str] = frozenset()) -> VersionInfo | None:
    """What `info` is compared with: the version last stored from the same address before it (so a
    source that went back to an earlier text is compared with what it gave last), else the version
    of the same act and kind (consolidated text, card, PDF…) before it in edition order. `later`:
    the versions the same report tells after this one (a run killed after storing this one, then a
    newer text the next run found): stored after it, they are never what it is compared with.
    Only versions with articles count, unless `info` has none (a card, a scan): then the one
    stored from the same address before it. None for a first version or a version of no act."""
    kind = info.meta.get("kind")
    passed = False
    for other in store.list_from(url) if url else []:
        if other.id == info.id:
            passed = True
        elif other.id in later and not passed:
            continue  # stored after `info` and told after it: not what came before it
        elif other.meta.get("kind") == kind and (other.articles or not info.articles):
            return other
    if not info.act or not info.articles:
        return None
    earlier: VersionInfo | None = None
    for other in store.list(info.act):
        if other.id == info.id:
            return earlier
        if other.meta.get("kind") == kind and other.articles and other.id not in later:
            earlier = other
    return None


def _group(entries: list[tuple[str, str, str, str, str, list[dict[str, Any]]]],
           packs: list[Pack]) -> list[dict[str, Any]]:
    """(pack, rule, severity, direction, article, targets) -> one entry per pack, rule and direction, its
    articles and targets in document order; most severe first, then in the packs' and their rules'
    order, so a subject's lines stand together (not scattered by where each first appears)."""
    rank = {(pack.name, rule.id): at for at, (pack, rule) in enumerate((p, r) for p in packs for r in p.rules)}
    grouped: dict[tuple[str, str, str, str], tuple[list[str], list[dict[str, Any]]]] = {}
    for pack, rule, severity, direction, article, targets in entries:
        articles, aimed = grouped.setdefault((pack, rule, severity, direction), ([], []))
        if article and article not in articles:
            articles.append(article)
        aimed += [t for t in targets if t not in aimed]
    ordered = sorted(grouped.items(), key=lambda kv: (SEVERITY_ORDER.get(kv[0][2], 3), rank.get(kv[0][:2], len(rank))))
    return [{"pack": p, "rule": r, "severity": s, "direction": d, "articles": a, "targets": t}
            for (p, r, s, d), (a, t) in ordered]


def _document_flags(hits: list[Hit], packs: list[Pack]) -> list[dict[str, Any]]:
    return _group([(h.pack, h.rule, h.severity, h.direction, h.article or "", [t.to_dict() for t in h.targets])
                   for h in hits], packs)


def explain(store: VersionStore, outcomes: list[Outcome], packs: list[Pack]) -> list[Finding]:
    """A finding for each new or changed outcome that names a stored version."""
    findings: list[Finding] = []
    told = [o for o in outcomes if o.status in ("new", "changed") and o.version]
    for at, outcome in enumerate(told):
        assert outcome.version is not None
        info = store.resolve(outcome.version)
        later = frozenset(o.version for o in told[at + 1:] if o.version and o.version != info.id)
        finding = Finding(outcome, info, previous_version(store, info, outcome.url, later))
        findings.append(finding)
        try:
            _explain_one(store, finding, packs)
        except Exception as exc:  # told as stored, with why it could not be read: never lost, and a
            # diff or flags bug on one odd document never stops every later check from reporting
            finding.previous, finding.summary, finding.articles, finding.flags = None, None, None, []
            finding.error = str(exc) if isinstance(exc, LexwatchError) else \
                f"cannot compare the document: {type(exc).__name__}: {exc}"
    return findings


def _explain_one(store: VersionStore, finding: Finding, packs: list[Pack]) -> None:
    from lexwatch.diff.engine import diff_documents
    from lexwatch.diff.model import DocumentSide
    from lexwatch.flags import annotate_diff, flag_document
    from lexwatch.text.acts import cited_name, is_draft

    info = finding.version
    doc = store.document(info.id)
    finding.draft = is_draft(doc)
    if info.title.isupper() or finding.draft:  # "УГОЛОВНЫЙ КОДЕКС РЕСПУБЛИКИ БЕЛАРУСЬ", "ПРОЕКТ ЗАКОН …"
        finding.name = cited_name(doc)
    if finding.previous is not None and doc.articles:
        # as this lexwatch reads it (stored by an older one, read again: VersionStore.document), or the
        # first change after an upgrade told articles it never changed
        before = store.document(finding.previous.id)
        diff = diff_documents(before, doc,
                              old_side=DocumentSide(finding.previous.id, finding.previous.label, len(before.articles)),
                              new_side=DocumentSide(info.id, info.label, len(doc.articles)))
        annotate_diff(diff, packs)
        finding.summary = diff.summary()
        finding.renamed = diff.renamed
        finding.headings = [h.named() for h in diff.headings]
        finding.articles = {status: [] for status in ("changed", "added", "removed", "renumbered")}
        for item in diff.articles:
            if item.status == "renumbered":
                finding.articles[item.status].append([item.old_number, item.new_number])
            elif item.status != "unchanged":
                number = item.old_number if item.status == "removed" else item.new_number
                finding.articles[item.status].append(number or "")
        finding.flags = _group([(f["pack"], f["rule"], f["severity"], f["direction"], f.get("article") or "",
                                 f["targets"]) for item in diff.articles for f in item.flags], packs)
    else:
        if doc.articles:  # no earlier version with articles; one without (a card, a scan) is still named
            finding.previous = None
        finding.flags = _document_flags(flag_document(doc, packs), packs) if packs else []
