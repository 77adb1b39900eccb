"""What a fetch run's new and changed documents mean: each one against the version of the same act
and kind stored before it (the article-aligned diff, then the flags stage), or, with no earlier
version, the rule packs over the whole document. `lexwatch check` prints these findings."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from lexwatch.errors import LexwatchError

if TYPE_CHECKING:
    from lexwatch.flags import Hit, Pack
    from lexwatch.sources.runner import Outcome
    from lexwatch.store.versions import VersionInfo, VersionStore

_SEVERITY = {"high": 0, "medium": 1, "low": 2}


@dataclass
class Finding:
    """One new or changed document and what changed in it."""

    outcome: Outcome
    version: VersionInfo
    previous: VersionInfo | None = None
    # {"added", "removed", "changed", "renumbered", "unchanged"} against `previous`; None without one
    summary: dict[str, int] | None = None
    # one entry per pack, rule and direction: {"pack", "rule", "severity", "direction", "articles"}
    flags: list[dict[str, Any]] = field(default_factory=list)
    error: str | None = None  # why it could not be compared or flagged (it is still reported)

    @property
    def changed_articles(self) -> int:
        s = self.summary or {}
        return sum(s.get(k, 0) for k in ("added", "removed", "changed", "renumbered"))

    def to_dict(self) -> dict[str, Any]:
        return {**self.outcome.to_dict(), "status": self.outcome.status, "label": self.version.label,
                "edition_date": self.version.edition_date.isoformat() if self.version.edition_date else None,
                "previous": ({"version": self.previous.id, "label": self.previous.label}
                             if self.previous else None),
                "summary": self.summary, "flags": self.flags, "error": self.error or self.outcome.error}


def previous_version(store: VersionStore, info: VersionInfo, url: str | None = None) -> VersionInfo | None:
    """What `info` is compared with: the version last stored from the same address before it (so a
    source that went back to an earlier text is compared with what it gave last), else the version
    of the same act and kind (consolidated text, card, PDF…) before it in edition order; only
    versions with articles count. None for a first version or a version of no act."""
    kind = info.meta.get("kind")
    for other in store.list_from(url) if url else []:
        if other.id != info.id and other.articles and other.meta.get("kind") == kind:
            return other
    if not info.act:
        return None
    earlier: VersionInfo | None = None
    for other in store.list(info.act):
        if other.id == info.id:
            return earlier
        if other.meta.get("kind") == kind and other.articles:
            earlier = other
    return None


def _group(entries: list[tuple[str, str, str, str, str]]) -> list[dict[str, Any]]:
    """(pack, rule, severity, direction, article) -> one entry per pack, rule and direction, its
    articles in document order, most severe first."""
    grouped: dict[tuple[str, str, str, str], list[str]] = {}
    for pack, rule, severity, direction, article in entries:
        articles = grouped.setdefault((pack, rule, severity, direction), [])
        if article and article not in articles:
            articles.append(article)
    return [{"pack": p, "rule": r, "severity": s, "direction": d, "articles": a}
            for (p, r, s, d), a in sorted(grouped.items(), key=lambda kv: _SEVERITY.get(kv[0][2], 3))]


def _document_flags(hits: list[Hit]) -> list[dict[str, Any]]:
    return _group([(h.pack, h.rule, h.severity, h.direction, h.article or "") for h in hits])


def explain(store: VersionStore, outcomes: list[Outcome], packs: list[Pack]) -> list[Finding]:
    """A finding for each new or changed outcome that names a stored version."""
    findings: list[Finding] = []
    for outcome in outcomes:
        if outcome.status not in ("new", "changed") or not outcome.version:
            continue
        info = store.resolve(outcome.version)
        finding = Finding(outcome, info, previous_version(store, info, outcome.url))
        findings.append(finding)
        try:
            _explain_one(store, finding, packs)
        except LexwatchError as exc:  # told as stored, with why it could not be read: never lost
            finding.previous, finding.summary, finding.flags = None, None, []
            finding.error = str(exc)
    return findings


def _explain_one(store: VersionStore, finding: Finding, packs: list[Pack]) -> None:
    from lexwatch.diff.engine import diff_documents
    from lexwatch.diff.model import DocumentSide
    from lexwatch.flags import annotate_diff, flag_document

    info = finding.version
    doc = store.document(info.id)
    if finding.previous is not None and doc.articles:
        before = store.document(finding.previous.id)
        diff = diff_documents(before, doc,
                              old_side=DocumentSide(finding.previous.id, finding.previous.label, len(before.articles)),
                              new_side=DocumentSide(info.id, info.label, len(doc.articles)))
        annotate_diff(diff, packs)
        finding.summary = diff.summary()
        finding.flags = _group([(f["pack"], f["rule"], f["severity"], f["direction"], f.get("article") or "")
                                for item in diff.articles for f in item.flags])
    else:
        finding.previous = None
        finding.flags = _document_flags(flag_document(doc, packs)) if packs else []
