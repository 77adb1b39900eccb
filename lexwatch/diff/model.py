"""What a diff of two documents is: one ArticleDiff per aligned pair, in the new document's order.

`flags` and `sanctions` are filled by the flags stage (lexwatch.flags) as plain JSON-able dicts:
  flag:     {"pack", "rule", "severity", "direction", "article", "evidence"}
  sanction: {"article", "part", "old_part", "change", "penalty", "old", "new", "summary"}
and DocumentDiff.subjects with what each rule of the packs applied watches (its description).
Renderers show them when present and put flagged articles first.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING, Any, Literal, overload

from lexwatch.diff.normalize import normalize
from lexwatch.ids import is_draft_entry
from lexwatch.text.model import Article

if TYPE_CHECKING:
    from lexwatch.store.versions import VersionInfo

OpKind = Literal["equal", "insert", "delete"]
Op = tuple[OpKind, str]
Status = Literal["added", "removed", "changed", "renumbered", "unchanged"]

SCHEMA_VERSION = 1
# A flag's severity, most severe first: the one order wherever flags or flagged articles are sorted.
SEVERITY_ORDER = {"high": 0, "medium": 1, "low": 2}


class _Ops:
    """ArticleDiff.ops: the ops given, or, when None is given, the article's text as one equal op
    made when first read. Most articles of an edition are unchanged and no output shows them:
    their texts are not normalised for nothing (~6 ms of a 70 ms diff of two editions)."""

    def __set_name__(self, owner: type, name: str) -> None:
        self._slot = "_" + name

    @overload
    def __get__(self, item: None, owner: type) -> None: ...
    @overload
    def __get__(self, item: ArticleDiff, owner: type | None = None) -> list[Op]: ...
    def __get__(self, item: ArticleDiff | None, owner: type | None = None) -> list[Op] | None:
        if item is None:
            return None  # the dataclass's default: "the text, unchanged"
        ops: list[Op] | None = item.__dict__[self._slot]
        if ops is None:
            article = item.new or item.old
            text = normalize(article.text) if article else ""
            ops = item.__dict__[self._slot] = [("equal", text)] if text else []
        return ops

    def __set__(self, item: ArticleDiff, ops: list[Op] | None) -> None:
        item.__dict__[self._slot] = ops


@dataclass
class ArticleDiff:
    status: Status
    old: Article | None
    new: Article | None
    ops: _Ops = _Ops()  # list[Op] when read; None given: the article's text, all equal
    matched_by: str = ""          # "number", "similarity", "" for added/removed
    score: float = 1.0            # similarity of the matched pair
    technical: bool = False       # differs only in wrapping, hyphens, quotes, dashes, superscripts
    flags: list[dict[str, Any]] = field(default_factory=list)
    sanctions: list[dict[str, Any]] = field(default_factory=list)
    title_ops: list[Op] = field(default_factory=list)  # only when the title itself changed

    @property
    def old_number(self) -> str | None:
        return self.old.number.canonical if self.old else None

    @property
    def new_number(self) -> str | None:
        return self.new.number.canonical if self.new else None

    @property
    def title(self) -> str:
        article = self.new or self.old
        return article.title if article else ""

    @property
    def repeal(self) -> str | None:
        """"repealed" where the new edition prints the article as repealed ("Статья 361⁴. Исключена")
        and the old one did not, "re-inserted" the other way round, else None."""
        if self.old and self.new and self.old.excluded != self.new.excluded:
            return "repealed" if self.new.excluded else "re-inserted"
        return None

    @property
    def moved_only(self) -> bool:
        """A renumbering and nothing else: the same title and text under a new number."""
        return self.status == "renumbered" and all(k == "equal" for k, _ in self.ops) and not self.title_ops


@dataclass
class HeadingChange:
    """A part, section or chapter heading both versions have, renamed (lexwatch.diff.headings)."""

    key: str         # "ГЛАВА 31", as the new version writes it; renumbered too: "ГЛАВА 13 → ГЛАВА 14"
    old: str         # the name as each version writes it
    new: str
    ops: list[Op]    # the name's redline, its unchanged words in the new version's letters
    old_ops: list[Op]  # the same, its unchanged words in the old version's: a column quoting the old text

    def named(self) -> dict[str, str]:
        """{"heading", "old", "new"}: what `check` and the JSON say of it."""
        return {"heading": self.key, "old": self.old, "new": self.new}


@dataclass
class DocumentSide:
    id: str        # version sha256 or file path
    label: str     # what a person reads: "HK9900275@2022-09-01" or the file name
    articles: int
    # A stored version's edition date, and whether it is a draft (stored under its draft-law bank entry):
    # the comparative table's column headers say which text each column quotes. A file knows neither.
    edition_date: date | None = None
    draft: bool = False

    @classmethod
    def of(cls, info: VersionInfo) -> DocumentSide:
        """The side of a stored version."""
        return cls(info.id, info.label, info.articles, info.edition_date, is_draft_entry(info.act))


@dataclass
class DocumentDiff:
    old: DocumentSide
    new: DocumentSide
    articles: list[ArticleDiff] = field(default_factory=list)
    settings: dict[str, Any] = field(default_factory=dict)
    # what each rule of the packs applied watches, by (pack, rule): a Russian document names a flag by it
    subjects: dict[tuple[str, str], str] = field(default_factory=dict)
    # the act's own name ("О противодействии экстремизму"), redlined, only when an amendment renamed it
    name_ops: list[Op] = field(default_factory=list)
    # the parts, sections and chapters renamed (ГЛАВА 31 "… информационной безопасности" -> "… компьютерной …")
    headings: list[HeadingChange] = field(default_factory=list)

    def summary(self) -> dict[str, int]:
        counts = {"added": 0, "removed": 0, "changed": 0, "renumbered": 0, "unchanged": 0}
        for item in self.articles:
            counts[item.status] += 1
        return counts

    @property
    def renamed(self) -> dict[str, str] | None:
        """{"old", "new"}: the act's name before and after, when an amendment renamed it."""
        if not self.name_ops:
            return None
        return {"old": "".join(t for k, t in self.name_ops if k != "insert"),
                "new": "".join(t for k, t in self.name_ops if k != "delete")}

    @property
    def has_changes(self) -> bool:
        return bool(self.name_ops or self.headings) or any(a.status != "unchanged" for a in self.articles)
