"""The history of one article across the stored versions of an act."""

from __future__ import annotations

from dataclasses import dataclass
from itertools import pairwise
from typing import TYPE_CHECKING

from lexwatch.diff.engine import diff_documents
from lexwatch.diff.model import DocumentDiff, DocumentSide
from lexwatch.diff.render import one_line
from lexwatch.ids import ArticleNumber

if TYPE_CHECKING:
    from lexwatch.store.versions import VersionInfo, VersionStore


@dataclass
class HistoryEntry:
    version: VersionInfo
    summary: str          # "added", "removed", "changed: +12 −3 words", "renumbered from 130"
    diff: DocumentDiff    # holds only this article's entry


def article_history(store: VersionStore, act: str, number: ArticleNumber) -> list[HistoryEntry]:
    """Versions (edition order) where `number` differs from the previous stored version.

    Whole editions are aligned, so an article that arrives under this number from another one
    reads "renumbered from X" rather than "added".
    """
    entries: list[HistoryEntry] = []
    versions = store.list(act)
    previous = None
    for before, after in pairwise(versions):
        old = previous if previous is not None else store.document(before.id)
        new = store.document(after.id)
        diff = diff_documents(old, new,
                              old_side=DocumentSide(before.id, before.label, len(old.articles)),
                              new_side=DocumentSide(after.id, after.label, len(new.articles)))
        mine = [a for a in diff.articles if a.status != "unchanged" and (
            a.new_number == number.canonical or (a.new is None and a.old_number == number.canonical))]
        if mine:
            diff.articles = mine[:1]
            entries.append(HistoryEntry(after, one_line(mine[0]), diff))
        previous = new
    return entries
