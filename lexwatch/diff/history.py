"""The history of one article across the stored versions of an act."""

from __future__ import annotations

from dataclasses import dataclass
from itertools import pairwise
from typing import TYPE_CHECKING

from lexwatch.diff.engine import diff_documents
from lexwatch.diff.model import DocumentDiff, DocumentSide
from lexwatch.diff.render import one_line
from lexwatch.errors import UsageError

if TYPE_CHECKING:
    from datetime import date

    from lexwatch.ids import ArticleNumber
    from lexwatch.store.versions import VersionInfo, VersionStore


@dataclass
class HistoryEntry:
    version: VersionInfo
    summary: str          # "added", "repealed", "changed: +12 −3 words", "renumbered from 130"
    diff: DocumentDiff    # holds only this article's entry
    summary_ru: str = ""  # the same in a Russian document: "исключена", "изменена: слов +12 −3"


def compared_versions(store: VersionStore, act: str) -> list[VersionInfo]:
    """The versions of `act` a history walks, in edition order: those with articles. A publication's
    card or a scan kept as evidence has none; walked, it would read as the removal of every article
    and the next text as their return, hiding what that text changed."""
    return [v for v in store.list(act) if v.articles]


def article_history(store: VersionStore, act: str, number: ArticleNumber) -> list[HistoryEntry]:
    """Versions (edition order) where `number` differs from the previous stored version.

    Whole editions are aligned, so an article that arrives under this number from another one
    reads "renumbered from X" rather than "added". An act with no stored version, or an article
    number that no stored version holds, is refused (a mistyped number is not "no change").
    """
    versions = compared_versions(store, act)
    if not versions and store.list(act):
        raise UsageError(f"no stored version of {act} has articles (a card or a scan has none): "
                         f"add its text with `lexwatch add FILE --act {act}`")
    if not versions:
        raise UsageError(f"no stored versions of {act} (see `lexwatch drafts list`)")
    entries: list[HistoryEntry] = []
    previous = store.document(versions[0].id)
    previous_numbers = {a.number for a in previous.articles}
    held = set(previous_numbers)  # every number a version holds: a mistyped one is refused
    for before, after in pairwise(versions):
        old, new = previous, store.document(after.id)
        old_numbers, new_numbers = previous_numbers, {a.number for a in new.articles}
        previous, previous_numbers = new, new_numbers
        held |= new_numbers
        if number not in old_numbers and number not in new_numbers:
            continue  # neither side has it: nothing to say of it here
        # Aligned whole (renumbering is seen), word-diffed only where this number is on a side.
        diff = diff_documents(old, new, articles=[number], old_side=DocumentSide.of(before),
                              new_side=DocumentSide.of(after))
        # What now stands under this number, or else where what stood under it went.
        # Numbers, not their strings: "130.2" typed is 130² stored, "19-11" is КоАП's 19.11 (ADR-1).
        mine = [a for a in diff.articles if a.status != "unchanged" and a.new and a.new.number == number]
        mine = mine or [a for a in diff.articles if a.status != "unchanged" and a.old and a.old.number == number]
        if mine:
            diff.articles = mine[:1]
            from_old = not (mine[0].new and mine[0].new.number == number)
            entries.append(HistoryEntry(after, one_line(mine[0], from_old), diff,
                                        one_line(mine[0], from_old, russian=True)))
    if number not in held:
        count = f"the {len(versions)} stored versions" if len(versions) > 1 else "the one stored version"
        raise UsageError(f"no article {number.display} in {count} of {act}{lost_superscript(number, held)}")
    return entries


def as_held(store: VersionStore, act: str, number: ArticleNumber, entries: list[HistoryEntry]) -> ArticleNumber:
    """`number` as the versions write it, to print: "130.1" typed is 130¹ in the Criminal Code, 19.11 in КоАП;
    an article no version changed (no entry) as the last version writes it."""
    sides = [a for e in entries for item in e.diff.articles[:1] for a in (item.new, item.old)]
    if not entries:
        sides = list(store.document(compared_versions(store, act)[-1].id).articles)
    return next((a.number for a in sides if a is not None and a.number == number), number)


def order_notes(store: VersionStore, act: str, entries: list[HistoryEntry]) -> list[str]:
    """What the order of `entries` rests on where the edition dates do not settle it: versions of
    one date, and undated ones (put last), are taken in the order they were added. Said only where
    an entry stands at such a version (elsewhere the article reads the same either way round)."""
    groups: dict[date | None, list[VersionInfo]] = {}
    for version in compared_versions(store, act):
        groups.setdefault(version.edition_date, []).append(version)
    shown = {e.version.id for e in entries}
    notes = []
    for when, group in groups.items():
        if (when is None or len(group) > 1) and shown & {v.id for v in group}:
            ids = ", ".join(v.short_id for v in group)
            notes.append(f"undated versions come last, in the order they were added: {ids} "
                         "(`lexwatch add FILE --edition-date YYYY-MM-DD` dates one)" if when is None else
                         f"versions of one date are taken in the order they were added: {when.isoformat()} ({ids})")
    return notes


def lost_superscript(number: ArticleNumber, held: set[ArticleNumber]) -> str:
    """A hint when `number` reads as exactly one article held with its superscript lost ("1301"
    copied from a PDF for 130¹). Not read as that article: a bare 1301 may be a real one (ADR-1)."""
    readings = [n for n in held if n.sub and n.collapsed == number.canonical] if not number.sub else []
    return (f" (is it {readings[0].display} with its superscript lost? write {readings[0].canonical})"
            if len(readings) == 1 else "")
