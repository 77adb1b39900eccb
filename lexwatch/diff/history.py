"""The history of one article across the stored versions of an act."""

from __future__ import annotations

from dataclasses import dataclass
from itertools import pairwise
from typing import TYPE_CHECKING

from lexwatch.diff.engine import diff_documents
from lexwatch.diff.model import DocumentDiff, DocumentSide
from lexwatch.diff.render import one_line
from lexwatch.errors import UsageError
from lexwatch.ids import ArticleNumber

if TYPE_CHECKING:
    from lexwatch.store.versions import VersionInfo, VersionStore
    from lexwatch.text.model import Document


@dataclass
class HistoryEntry:
    version: VersionInfo
    summary: str          # "added", "removed", "changed: +12 −3 words", "renumbered from 130"
    diff: DocumentDiff    # holds only this article's entry


def article_history(store: VersionStore, act: str, number: ArticleNumber) -> list[HistoryEntry]:
    """Versions (edition order) where `number` differs from the previous stored version.

    Whole editions are aligned, so an article that arrives under this number from another one
    reads "renumbered from X" rather than "added". An act with no stored version, or an article
    number that no stored version holds, is refused (a mistyped number is not "no change").
    """
    versions = store.list(act)
    if not versions:
        raise UsageError(f"no stored versions of {act} (see `lexwatch drafts list`)")
    entries: list[HistoryEntry] = []
    previous = store.document(versions[0].id)
    previous_holds = held = _holds(previous, number)
    for before, after in pairwise(versions):
        old, new = previous, store.document(after.id)
        old_holds, new_holds = previous_holds, _holds(new, number)
        previous, previous_holds = new, new_holds
        if not (old_holds or new_holds):
            continue  # neither side has it: nothing to say of it here
        held = True
        # Aligned whole (renumbering is seen), word-diffed only where this number is on a side.
        diff = diff_documents(old, new, articles=[number],
                              old_side=DocumentSide(before.id, before.label, len(old.articles)),
                              new_side=DocumentSide(after.id, after.label, len(new.articles)))
        # What now stands under this number, or else where what stood under it went.
        mine = [a for a in diff.articles if a.status != "unchanged" and a.new_number == number.canonical]
        mine = mine or [a for a in diff.articles if a.status != "unchanged" and a.old_number == number.canonical]
        if mine:
            diff.articles = mine[:1]
            entries.append(HistoryEntry(after, one_line(mine[0], from_old=mine[0].new_number != number.canonical),
                                        diff))
    if not held:
        count = f"the {len(versions)} stored versions" if len(versions) > 1 else "the one stored version"
        raise UsageError(f"no article {number.display} in {count} of {act}")
    return entries


def _holds(document: Document, number: ArticleNumber) -> bool:
    return any(article.number == number for article in document.articles)
