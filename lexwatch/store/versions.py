"""The version store: every version lexwatch has seen, raw bytes content-addressed in drafts/.

Files are written first (atomically, by sha256, so a rerun reuses them); the database row is the
commit point: a version exists when its row does, and a crash in between leaves nothing half-stored.
"""

from __future__ import annotations

import builtins
import hashlib
import itertools
import json
import os
import re
import sqlite3
from bisect import bisect_left, bisect_right
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

from lexwatch.errors import (
    AmbiguousVersionError,
    DiskFullError,
    StoreError,
    UsageError,
    VersionNotFoundError,
)
from lexwatch.fsutil import atomic_write, safe_name
from lexwatch.ids import FROM_SUPERSCRIPT, SUPERSCRIPT_DIGITS, TO_SUPERSCRIPT, ArticleNumber, VersionRef
from lexwatch.store.migrations import READ_COMPATIBLE, migrate, pending
from lexwatch.text import PARSER
from lexwatch.text.model import Article, Document

_EXTENSIONS = {"html": "html", "pdf": "pdf", "docx": "docx", "txt": "txt"}
# The text of a document with none (a scan saved as Word or HTML): no document's copy of another
_NO_TEXT = hashlib.sha256(b"").hexdigest()


@dataclass
class VersionInfo:
    id: str
    act: str | None
    title: str
    edition_date: date | None
    source: str
    format: str
    articles: int
    added_at: str
    raw_path: str = ""
    text_path: str = ""
    meta: dict[str, Any] = field(default_factory=dict)

    @property
    def short_id(self) -> str:
        return self.id[:12]

    @property
    def label(self) -> str:
        """What a person reads: HK9900275@2022-09-01, or the act and short id."""
        if self.act and self.edition_date:
            return f"{self.act}@{self.edition_date.isoformat()}"
        return f"{self.act or 'unknown'}:{self.short_id}"

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "act": self.act,
            "title": self.title,
            "edition_date": self.edition_date.isoformat() if self.edition_date else None,
            "source": self.source,
            "format": self.format,
            "articles": self.articles,
            "added_at": self.added_at,
            "label": self.label,
            "raw_path": self.raw_path,
        }


@dataclass
class AddResult:
    version: VersionInfo
    created: bool
    reason: str = ""  # why nothing new was stored: "same bytes", "same text", "dated", "act set"
    #                           (the same bytes, stored undated before: the date given is now set)
    warnings: list[str] = field(default_factory=list)  # what parsing a newly stored version noticed

    @property
    def same_bytes(self) -> bool:
        """Nothing stored because these very bytes already were (whatever date or act they gained)."""
        return not self.created and self.reason != "same text"


@dataclass
class SearchHit:
    version: VersionInfo
    number: ArticleNumber
    title: str
    snippet: str

    def to_dict(self) -> dict[str, Any]:
        return {"version": self.version.id, "label": self.version.label, "act": self.version.act,
                "edition_date": self.version.edition_date.isoformat() if self.version.edition_date else None,
                "number": self.number.canonical, "display": self.number.display,
                "title": self.title, "snippet": self.snippet}


def _given_title(title: str | None) -> str:
    """A title given with the text (a portal's listing, `add --title`) held to what a parsed one is:
    no control character, no bidi control, one line."""
    from lexwatch.text.structure import strip_control_sequences

    return " ".join(strip_control_sequences(title).split()) if title else ""


def _fold(text: str) -> str:
    """The text as the search index holds it: "ё" read as "е". One letter for one, so a position in
    the folded text is the same position in the text."""
    return text.replace("ё", "е").replace("Ё", "Е")


def _text_sha(doc: Document) -> str:
    """The sha256 of a version's stored text, which tells whether two texts are one: its title and
    articles, or the plain text of one without articles (a card, a scan)."""
    return hashlib.sha256(_stored_text(doc).encode()).hexdigest()


def _stored_text(doc: Document) -> str:
    return doc.as_text() if doc.articles else doc.preamble


def _name(preamble: str | None) -> str:
    """A law's own name as its preamble gives it ("О противодействии экстремизму"), as a diff compares
    it: spaces, quotes and dashes folded ("О «Белтелекоме»" and "О "Белтелекоме"" are one name)."""
    from lexwatch.diff.normalize import normalize
    from lexwatch.text.acts import law_name

    return normalize(law_name(preamble or ""))


def _title_read_again(stored: str, doc: Document) -> str:
    """A version's title once it is read again: kept (it may be a portal listing's or `--title`'s), but for
    the one change of reading known to extend a title a file gave: a draft's "ПРОЕКТ" line joined to it,
    which an older lexwatch left in the preamble (the draft was cited as an adopted law), or, set as a
    title of its own (a page's first `titlek`), took for the whole title ("ПРОЕКТ": "Проект «…»")."""
    from lexwatch.text.structure import DRAFT_MARK

    for mark in ("ПРОЕКТ ", "Проект "):
        if doc.title.startswith(mark) and (doc.title.removeprefix(mark) == stored or DRAFT_MARK.fullmatch(stored)):
            return doc.title
    return stored


def _same_name(new: str, stored: str) -> bool:
    return not new or not stored or new == stored


def _stale(row: sqlite3.Row) -> bool:
    """Whether an older reading stored the version's articles (a database without the parser column,
    opened read-only, says nothing of it: every version is)."""
    return "parser" not in row.keys() or int(row["parser"] or 0) < PARSER  # noqa: SIM118 (`in` a Row: values)


def _write_articles(db: sqlite3.Connection, version_id: str, doc: Document) -> None:
    """A version's articles and their search index rows (in the caller's transaction)."""
    db.executemany(
        "INSERT INTO articles (version_id, seq, number, title, text, chapter, section, part, excluded)"
        " VALUES (?,?,?,?,?,?,?,?,?)",
        [(version_id, seq, a.number.canonical, a.title, a.text, a.chapter, a.section, a.part,
          int(a.excluded)) for seq, a in enumerate(doc.articles, 1)])
    db.executemany(
        "INSERT INTO articles_fts (version_id, number, title, text) VALUES (?,?,?,?)",
        [(version_id, a.number.canonical, _fold(a.title), _fold(a.text)) for a in doc.articles])


def _row_to_info(row: sqlite3.Row) -> VersionInfo:
    try:
        edition_date = date.fromisoformat(row["edition_date"]) if row["edition_date"] else None
        meta = json.loads(row["meta"] or "{}")
    except (ValueError, TypeError) as exc:  # a row edited by hand or by another tool: one line, not a traceback
        raise StoreError(f"the state database's row of version {str(row['id'])[:12]} is damaged: {exc}") from None
    return VersionInfo(
        id=row["id"], act=row["act"], title=row["title"], edition_date=edition_date,
        source=row["source"], format=row["format"], articles=row["article_count"],
        added_at=row["added_at"], raw_path=row["raw_path"], text_path=row["text_path"], meta=meta,
    )


def _for_reading(db_path: Path) -> sqlite3.Connection:
    """The database opened for reading only: a workspace on a read-only mount, or on a disk too
    full to open it for writing. Immutable (nothing written beside it: no WAL or lock files),
    unless a run that crashed left transactions in the WAL that were never copied into the
    database: then read-only with the WAL read too, if SQLite can (it needs the WAL's index
    file), so what that run stored is seen, not an older state."""
    uri = db_path.resolve().as_uri()
    wal = db_path.with_name(db_path.name + "-wal")
    if wal.is_file() and wal.stat().st_size:
        db = sqlite3.connect(f"{uri}?mode=ro", uri=True, isolation_level=None)
        try:
            db.execute("SELECT count(*) FROM sqlite_master").fetchone()
        except sqlite3.Error:
            db.close()
        else:
            db.row_factory = sqlite3.Row
            return db
    db = sqlite3.connect(f"{uri}?mode=ro&immutable=1", uri=True, isolation_level=None)
    db.row_factory = sqlite3.Row
    return db


def _blocks_readers(db: sqlite3.Connection) -> bool:
    """Whether a migration this lexwatch's readers need is still to run (it cannot, read-only)."""
    return any(name not in READ_COMPATIBLE for name, _ in pending(db))


class VersionStore:
    def __init__(self, db_path: Path, drafts_dir: Path) -> None:
        self.drafts_dir = drafts_dir
        self.root = drafts_dir.parent
        # versions an older reading stored, read again from their raw bytes (_fresh): kept here where
        # the store cannot be written (read-only), so each is read once per store
        self._read_again: dict[str, Document | None] = {}
        self._shadowed = False  # a read-only store's article tables shadowed by what was read again (_shadow)
        # A workspace on a read-only mount (a copy on a CD, a backup) can still be read: listed,
        # searched, diffed. SQLite opens it read-only then, immutable unless a WAL is left to read.
        self.read_only = db_path.is_file() and not os.access(db_path.parent, os.W_OK)
        self.unwritable = f"{db_path.parent} is read-only" if self.read_only else ""  # why, when it is
        try:
            if self.read_only:
                self.db = _for_reading(db_path)
            else:
                self.db = sqlite3.connect(str(db_path), isolation_level=None, timeout=30)
                self.db.row_factory = sqlite3.Row
        except sqlite3.Error as exc:
            raise StoreError(f"cannot open the state database {db_path}: {exc}") from None
        # SQLite's temporary files (a large DELETE from the search index) in memory, not in /var/tmp:
        # nothing written outside the workspace
        self.db.execute("PRAGMA temp_store=MEMORY")
        if self.read_only and _blocks_readers(self.db):
            self.db.close()
            raise StoreError(f"the state database {db_path} is read-only and older than this lexwatch: "
                             "open it once where it can be written")
        try:
            if not self.read_only:
                self.db.execute("PRAGMA journal_mode=WAL")
                self.db.execute("PRAGMA foreign_keys=ON")
                self.db.execute("PRAGMA synchronous=NORMAL")
                migrate(self.db)
        except sqlite3.OperationalError as exc:  # a read-only folder, a full disk: the file is fine
            self.db.close()
            if not self.read_only and db_path.is_file() and db_path.stat().st_size and "locked" not in str(exc):
                # What is stored stays readable when nothing can be written (a disk too full for
                # the WAL's files): opened read-only, as on a read-only mount; a write says why.
                self._open_unwritable(db_path, exc)
                return
            raise StoreError(f"cannot open the state database {db_path}: {exc} "
                             "(a read-only folder or a full disk?)") from None
        except sqlite3.DatabaseError as exc:
            self.db.close()
            raise StoreError(f"the state database {db_path} is damaged or not a database: {exc}") from None

    def _open_unwritable(self, db_path: Path, cause: sqlite3.Error) -> None:
        try:
            self.db = _for_reading(db_path)
            self.db.execute("PRAGMA temp_store=MEMORY")
            blocked = _blocks_readers(self.db)
        except sqlite3.Error:
            blocked = True
        if blocked:
            self.db.close()
            raise StoreError(f"cannot open the state database {db_path}: {cause} "
                             "(a read-only folder or a full disk?)") from None
        self.read_only = True
        self.unwritable = f"cannot write to the state database {db_path}: {cause} (a full disk?)"

    def close(self) -> None:
        self.db.close()

    def __enter__(self) -> VersionStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- writing -----------------------------------------------------------------------------

    def add(self, data: bytes, *, source: str, filename: str, act: str | None = None,
            edition_date: date | None = None, title: str | None = None,
            meta: dict[str, Any] | None = None, skip_if_text_unchanged: bool = False,
            allow_unparsed: bool = False, content_type: str | None = None,
            document: Document | None = None,
            on_insert: Callable[[sqlite3.Connection, VersionInfo], None] | None = None) -> AddResult:
        """Store `data` as a version (parsing it first); the same bytes twice are a no-op.

        `on_insert` runs inside the transaction that stores a new version, so what it writes (a
        pending alert, say) is committed with the version or not at all."""
        digest = hashlib.sha256(data).hexdigest()
        existing = self._get(digest)
        if existing is not None:
            # Stored undated or with no act before (by `diff --store`, a source that gave no date,
            # a text whose act was not detected): what is given now fills the gap, never rewrites.
            updates: dict[str, str] = {}
            if edition_date is not None and existing.edition_date is None:
                updates["edition_date"] = edition_date.isoformat()
            if act is not None and existing.act is None:
                updates["act"] = act
            if not updates:
                return AddResult(existing, created=False, reason="same bytes")
            try:
                with self.db:
                    for column, value in updates.items():  # column names from the two above
                        self.db.execute(f"UPDATE versions SET {column} = ? WHERE id = ?", (value, digest))
            except sqlite3.Error as exc:
                raise StoreError(f"cannot complete the stored version: {exc}") from None
            existing.edition_date = edition_date if "edition_date" in updates else existing.edition_date
            existing.act = act if "act" in updates else existing.act
            return AddResult(existing, created=False,
                             reason=" and ".join({"edition_date": "dated", "act": "act set"}[c] for c in updates))
        doc = document if document is not None else self._parse(data, filename, content_type, allow_unparsed)
        act = act or doc.act
        text = _stored_text(doc)
        text_sha = hashlib.sha256(text.encode()).hexdigest()
        if skip_if_text_unchanged:
            same = self._same_text(text_sha, source, act, edition_date, _name(doc.preamble))
            if same is not None:
                return AddResult(same, created=False, reason="same text")
        folder = self.drafts_dir / safe_name(act or "unsorted")
        if folder.is_symlink() and not folder.resolve().is_relative_to(self.drafts_dir.resolve()):
            # drafts/ itself may live elsewhere (the user's choice); an act's folder that leads out
            # of it (a link planted in a shared or cloned workspace) is not written through
            raise StoreError(f"{folder} is a link to {folder.resolve()}, outside {self.drafts_dir}; "
                             "nothing is written through it (remove the link)")
        ext = _EXTENSIONS.get(doc.format, "bin")
        raw_path = folder / f"{digest}.{ext}"
        text_path = folder / f"{digest}.txt" if ext != "txt" else folder / f"{digest}.text.txt"
        try:
            if not raw_path.exists():
                atomic_write(raw_path, data)
            atomic_write(text_path, text.encode())
        except DiskFullError:
            raise
        except OSError as exc:
            raise StoreError(f"cannot write to {folder}: {exc.strerror or exc}") from None
        info = VersionInfo(
            id=digest, act=act, title=_given_title(title) or doc.title, edition_date=edition_date, source=source,
            format=doc.format, articles=len(doc.articles),
            added_at=datetime.now(UTC).isoformat(timespec="seconds"),
            raw_path=str(raw_path.relative_to(self.root)), text_path=str(text_path.relative_to(self.root)),
            meta=meta or {},
        )
        self._insert(info, doc, text_sha, on_insert)
        return AddResult(info, created=True, warnings=list(doc.warnings))

    def _same_text(self, text_sha: str, source: str, act: str | None,
                   edition_date: date | None, name: str = "") -> VersionInfo | None:
        """A stored version this text is no news against: the latest from the same source, the
        latest of the same act from any source (the portal's address changed: "www.", a port),
        or one of the same act and edition date (the portal served an edition's text again in
        other bytes); from a source nothing was stored from yet, any one of the same text, act and
        edition date, each or both none (a law saved in the folder as .txt and again as .pdf: one
        document in two formats, told once), unless it has no text at all. Each is one indexed query.
        `name`: a law's own name, which no article holds: renamed by an amendment, the same articles
        are a new version (a stored version whose preamble gives no name is not told apart by it)."""
        day = edition_date.isoformat() if edition_date is not None else None
        # Stored by an older lexwatch, a version's text may be this one read otherwise (a law saved
        # again after an upgrade: a mailed "changed" for no change): each version compared here is
        # compared as this lexwatch reads it, read again once if an older reading stored it (ADR-34).
        def fresh(row: sqlite3.Row | None) -> sqlite3.Row | None:
            return None if row is None else self._fresh(row)

        latest = fresh(self.db.execute("SELECT * FROM versions WHERE source = ? ORDER BY added_at DESC, rowid DESC"
                                       " LIMIT 1", (source,)).fetchone())
        # the versions asked for by their text below, read again first: an older reading's text sha256
        # is not this one's (a draft saved again under another name has no act or date but its text)
        by_text = ([("act IS ? AND edition_date IS ?", (act, day))] if latest is None and text_sha != _NO_TEXT else [])
        by_text += [("act = ? AND edition_date = ?", (act, day))] if act and day is not None else []
        for where, args in by_text if not self.read_only else []:  # (a read-only store stores nothing)
            for row in self.db.execute(f"SELECT * FROM versions WHERE {where} AND parser < ?",
                                       (*args, PARSER)).fetchall():
                self._fresh(row)
        queries: list[tuple[str, tuple[str | None, ...]]] = []
        # not for a source that gave another text since: going back to it is a change
        if latest is None and text_sha != _NO_TEXT:
            queries.append(("SELECT * FROM versions WHERE act IS ? AND edition_date IS ? AND text_sha256 = ?"
                            " ORDER BY added_at DESC, rowid DESC LIMIT 1", (act, day, text_sha)))
        if act:
            queries.append(("SELECT * FROM versions WHERE act = ? ORDER BY added_at DESC, rowid DESC LIMIT 1",
                            (act,)))
            if day is not None:
                queries.append(("SELECT * FROM versions WHERE act = ? AND edition_date = ? AND text_sha256 = ? "
                                "LIMIT 1", (act, day, text_sha)))
        rows = (fresh(self.db.execute(sql, args).fetchone()) for sql, args in queries)  # asked one by one
        for row in itertools.chain([latest], rows):
            if row is not None and row["text_sha256"] == text_sha and _same_name(name, _name(row["preamble"])):
                return _row_to_info(row)
        return None

    @staticmethod
    def _parse(data: bytes, filename: str, content_type: str | None, allow_unparsed: bool) -> Document:
        from lexwatch.text.load import extract, parse_extracted, parse_or_plain

        extracted = extract(data, filename, content_type)
        doc: Document = (parse_or_plain if allow_unparsed else parse_extracted)(extracted, filename)
        return doc

    def _insert(self, info: VersionInfo, doc: Document, text_sha: str,
                on_insert: Callable[[sqlite3.Connection, VersionInfo], None] | None = None) -> None:
        db = self.db
        try:
            db.execute("BEGIN IMMEDIATE")
            db.execute(
                "INSERT INTO versions (id, act, title, edition_date, source, format, raw_path, text_path,"
                " text_sha256, article_count, added_at, meta, preamble, parser)"
                " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                (info.id, info.act, info.title,
                 info.edition_date.isoformat() if info.edition_date else None,
                 info.source, info.format, info.raw_path, info.text_path, text_sha, info.articles,
                 info.added_at, json.dumps(info.meta, ensure_ascii=False), doc.preamble, PARSER))
            _write_articles(db, info.id, doc)
            if on_insert is not None:
                on_insert(db, info)
            db.execute("COMMIT")
        except BaseException as exc:
            if db.in_transaction:
                db.execute("ROLLBACK")
            if isinstance(exc, sqlite3.OperationalError) and "full" in str(exc):
                raise DiskFullError("disk full while storing the version; nothing was half-stored") from None
            if isinstance(exc, sqlite3.Error):
                raise StoreError(f"cannot store the version: {exc}") from None
            raise

    # -- reading -----------------------------------------------------------------------------

    def _get(self, version_id: str) -> VersionInfo | None:
        row = self.db.execute("SELECT * FROM versions WHERE id = ?", (version_id,)).fetchone()
        return _row_to_info(row) if row else None

    def list(self, act: str | None = None) -> list[VersionInfo]:
        """Versions in edition order (undated last), then in the order they were added; of every act
        at once, too (a version without an act is not put first)."""
        query = "SELECT * FROM versions"
        args: tuple[str, ...] = ()
        if act:
            query += " WHERE act = ?"
            args = (act,)
        query += " ORDER BY edition_date IS NULL, edition_date, added_at, rowid"
        return [self._listed(r) for r in self.db.execute(query, args).fetchall()]

    def list_from(self, source: str) -> builtins.list[VersionInfo]:
        """The versions stored from one address (URL or file), newest first."""
        rows = self.db.execute("SELECT * FROM versions WHERE source = ? ORDER BY added_at DESC, rowid DESC",
                               (source,)).fetchall()
        return [self._listed(r) for r in rows]

    def resolve(self, ref: str | VersionRef) -> VersionInfo:
        parsed = VersionRef.parse(ref) if isinstance(ref, str) else ref
        if parsed.prefix:
            # "HK9900275:2735ab3d": the prefix, of that act (asked of the database: a cap applied
            # before the act is chosen could drop the one version meant)
            rows = self.db.execute("SELECT * FROM versions WHERE id LIKE ? AND (? IS NULL OR act = ?) LIMIT 6",
                                   (parsed.prefix + "%", parsed.act, parsed.act)).fetchall()
        else:
            assert parsed.edition_date is not None
            rows = self.db.execute(
                "SELECT * FROM versions WHERE act = ? AND edition_date = ? ORDER BY added_at",
                (parsed.act, parsed.edition_date.isoformat())).fetchall()
        if not rows:
            raise VersionNotFoundError(f"no stored version matches {parsed} (see `lexwatch drafts list`)")
        if len(rows) > 1:
            options = ", ".join(r["id"][:12] for r in rows[:5])
            if not parsed.prefix:  # one edition date stored twice (a page and a file of that date)
                raise AmbiguousVersionError(f"{parsed} names {len(rows)} stored versions ({options}); name one by"
                                            f" its sha256 prefix, e.g. {parsed.act}:{rows[-1]['id'][:12]}")
            many = f"{len(rows)} or more" if len(rows) > 5 else str(len(rows))
            raise AmbiguousVersionError(f"{parsed} matches {many} versions ({options}); give more digits")
        return _row_to_info(rows[0])

    def document(self, version_id: str) -> Document:
        """The version as this lexwatch reads it: its stored articles, read again from its raw file
        first if an older reading stored them (`_fresh`), so every command reads what `check` reads."""
        row = self.db.execute("SELECT * FROM versions WHERE id = ?", (version_id,)).fetchone()
        if row is None:
            raise VersionNotFoundError(f"no stored version {version_id[:12]}")
        row = self._fresh(row)
        info = _row_to_info(row)
        if _stale(row) and self._read_again.get(version_id) is not None:  # read again, not written
            again = self._read_again[version_id]
            assert again is not None
            return Document(title=_title_read_again(info.title, again), articles=again.articles, act=info.act,
                            preamble=again.preamble, format=info.format)
        articles = [
            Article(number=ArticleNumber.parse(r["number"]), title=r["title"], text=r["text"],
                    chapter=r["chapter"], section=r["section"], part=r["part"], excluded=bool(r["excluded"]))
            for r in self.db.execute("SELECT * FROM articles WHERE version_id = ? ORDER BY seq", (version_id,))
        ]
        return Document(title=info.title, articles=articles, act=info.act, preamble=row["preamble"],
                        format=info.format)

    def stale(self, act: str | None = None) -> int:
        """How many versions (of `act`) an older reading stored, to be read again when first read."""
        return len(self._stale_rows(act))

    def _stale_rows(self, act: str | None) -> builtins.list[sqlite3.Row]:
        if self.read_only:  # perhaps no parser column; read again in memory, each run
            return []
        return self.db.execute("SELECT * FROM versions WHERE parser < ? AND (? IS NULL OR act = ?)",
                               (PARSER, act, act)).fetchall()

    def _listed(self, row: sqlite3.Row) -> VersionInfo:
        """The version of `row` as listed, read again first if an older reading stored it without an
        article: what walks a list of versions leaves such a one out (a card, a scan), and this lexwatch
        may read articles in it. Others are read again when read (`document`)."""
        if row["article_count"] or not _stale(row):
            return _row_to_info(row)
        fresh = self._fresh(row)
        info = _row_to_info(fresh)
        again = self._read_again.get(info.id)
        if _stale(fresh) and again is not None:  # read again in memory only (a read-only store)
            info.articles = len(again.articles)
        return info

    def _fresh(self, row: sqlite3.Row) -> sqlite3.Row:
        """`row`, its version read again from its raw file if an older reading of lexwatch.text stored
        it (ADR-34): the articles, search index, text and its sha256 rewritten as this lexwatch reads
        them, once (the raw file is kept). Where the file is gone or no longer reads, or reads no
        article where the stored reading had some, what is stored stays and is marked read. Where the
        store cannot be written (read-only, a full disk) the new reading is kept in memory."""
        if not _stale(row):
            return row
        version_id = row["id"]
        info = _row_to_info(row)
        if version_id not in self._read_again:
            doc = self._read_raw(info)
            self._read_again[version_id] = doc if doc is not None and (doc.articles or not info.articles) else None
        doc = self._read_again[version_id]
        if self.read_only or self.db.in_transaction:  # a caller's transaction (`on_insert`): no BEGIN
            return row  # inside it, whose failure would roll that one back; read in memory this time
        try:
            with self.db:
                self.db.execute("BEGIN IMMEDIATE")
                now = self.db.execute("SELECT parser FROM versions WHERE id = ?", (version_id,)).fetchone()
                if doc is None or now is None or not _stale(now):  # unreadable now, or read again meanwhile
                    self.db.execute("UPDATE versions SET parser = ? WHERE id = ? AND parser < ?",
                                    (PARSER, version_id, PARSER))
                else:
                    self.db.execute("DELETE FROM articles WHERE version_id = ?", (version_id,))
                    self.db.execute("DELETE FROM articles_fts WHERE version_id = ?", (version_id,))
                    _write_articles(self.db, version_id, doc)
                    self.db.execute("UPDATE versions SET text_sha256 = ?, article_count = ?, preamble = ?,"
                                    " title = ?, parser = ? WHERE id = ?",
                                    (_text_sha(doc), len(doc.articles), doc.preamble,
                                     _title_read_again(info.title, doc), PARSER, version_id))
                    # the text file too, by the run that rewrites the rows (not by one that found them
                    # read again meanwhile), before they are committed: a crash between reads it again
                    text_path = (self.root / info.text_path).resolve()
                    if (info.text_path and text_path.is_relative_to(self.drafts_dir.resolve())
                            and text_path != (self.root / info.raw_path).resolve()):  # never over the raw file
                        atomic_write(text_path, _stored_text(doc).encode())
        except (OSError, DiskFullError, sqlite3.OperationalError):  # a full disk, a lock held too long: read
            return row  # in memory this time (a command that only reads does not stop at a file it cannot write)
        except sqlite3.DatabaseError as exc:  # damage is said, not read past
            raise StoreError(f"the state database is damaged: {exc}") from None
        fresh: sqlite3.Row = self.db.execute("SELECT * FROM versions WHERE id = ?", (version_id,)).fetchone()
        return fresh

    def _read_raw(self, info: VersionInfo) -> Document | None:
        from lexwatch.text.load import extract, parse_or_plain

        path = (self.root / info.raw_path).resolve()
        if not info.raw_path or not path.is_relative_to(self.drafts_dir.resolve()):
            return None  # a row edited by hand or another tool: no path read from it outside drafts/
        try:
            data = path.read_bytes()
            encoding = info.meta.get("encoding")
            if info.format == "html" and isinstance(encoding, str):
                data = data.decode(encoding, errors="replace").encode()
            return parse_or_plain(extract(data, path.name), path.name)
        except Exception:  # unreadable now (gone, a parser bug on old bytes): judged by what is stored
            return None

    def search(self, query: str, *, act: str | None = None, limit: int = 50) -> builtins.list[SearchHit]:
        """Articles holding every word of `query` in any of its inflected forms, and each quoted
        phrase as a run of such words (`_read_query`). Articles whose title holds it all come first,
        those with fewer other title words sooner ("Шпионаж" before "Коммерческий шпионаж"), then
        by FTS5's rank. Snippets quote the stored text as it is written ("ё" included)."""
        for stale in self._stale_rows(act):  # the index as this lexwatch reads each version searched (once
            self._fresh(stale)  # after an upgrade)
        if self.read_only:
            self._shadow()
        cited = _cited(query)
        # "130²", "ст. 130²", "статья 59": the article so numbered first (its number is in no text but
        # its heading), newest version first, then the articles that cite it ("статьей 130²")
        terms = _read_query(cited.display if cited else query)
        if not terms:
            raise StoreError(f"nothing to search for in {query!r}: give a word or an article number")
        sql = ("SELECT f.version_id, f.number, f.title, f.text, f.rank FROM articles_fts f"
               " JOIN versions v ON v.id = f.version_id WHERE articles_fts MATCH ?")
        args: builtins.list[Any] = [" AND ".join(t.fts for t in terms)]
        if act:
            sql += " AND v.act = ?"
            args.append(act)
        checked = [t for t in terms if t.checked]  # a phrase, a sub-number: FTS5 found its words only
        rows = [r for r in self.db.execute(sql, args)
                if all(t.pattern.search(r["title"]) or t.pattern.search(r["text"]) for t in checked)]
        rows.sort(key=lambda r: (_title_order(terms, r["title"]), r["rank"]))
        if cited:
            own = self._numbered(cited, act)
            seen = {(o["version_id"], o["number"]) for o in own}
            rows = own + [r for r in rows if (r["version_id"], r["number"]) not in seen]
        infos: dict[str, VersionInfo] = {}
        hits = []
        for row in rows[:limit]:
            vid = row["version_id"]
            if vid not in infos:
                found = self._get(vid)
                if found is None:
                    continue
                infos[vid] = found
            title, text = self._as_written(vid, row)
            hits.append(SearchHit(infos[vid], ArticleNumber.parse(row["number"]), title, _snippet(terms, text)))
        return hits

    def _shadow(self) -> None:
        """On a read-only store (a backup of an upgraded workspace) the versions an older reading stored
        are read again in memory, and searched as read: TEMP copies of the article tables, which SQLite
        reads before the database's own, hold the other versions' rows and these versions' new ones."""
        if self._shadowed:
            return
        self._shadowed = True
        fresh: dict[str, Document] = {}
        for row in self.db.execute("SELECT * FROM versions").fetchall():
            if _stale(row):
                self._fresh(row)
                again = self._read_again.get(row["id"])
                if again is not None:
                    fresh[row["id"]] = again
        if not fresh:
            return
        kept = f"version_id NOT IN ({','.join('?' * len(fresh))})"
        db = self.db
        db.execute(f"CREATE TEMP TABLE articles AS SELECT * FROM main.articles WHERE {kept}", list(fresh))
        db.execute("CREATE INDEX temp.articles_by_number ON articles(version_id, number)")
        db.execute("CREATE VIRTUAL TABLE temp.articles_fts USING fts5(version_id UNINDEXED, number UNINDEXED,"
                   " title, text, tokenize = 'unicode61')")
        db.execute(f"INSERT INTO temp.articles_fts SELECT version_id, number, title, text FROM main.articles_fts"
                   f" WHERE {kept}", list(fresh))
        for version_id, doc in fresh.items():
            _write_articles(db, version_id, doc)  # into the TEMP tables, read first

    def _numbered(self, number: ArticleNumber, act: str | None) -> builtins.list[sqlite3.Row]:
        """The articles numbered `number` in every stored version (of `act`), newest first; 19.11
        and 19¹¹ are one article, stored as the code writes it."""
        forms = {number.written(by_chapter=True).canonical, number.written(by_chapter=False).canonical}
        sql = (f"SELECT a.version_id, a.number, a.title, a.text FROM versions v JOIN articles a"
               f" ON a.version_id = v.id AND a.number IN ({','.join('?' * len(forms))})")
        args: builtins.list[Any] = sorted(forms)
        if act:
            sql += " WHERE v.act = ?"
            args.append(act)
        return self.db.execute(sql + " ORDER BY v.edition_date DESC, v.added_at DESC, v.rowid DESC", args).fetchall()

    def _as_written(self, version_id: str, row: sqlite3.Row) -> tuple[str, str]:
        """The title and text of an index row as stored, before "ё" was folded for the index."""
        for stored in self.db.execute("SELECT title, text FROM articles WHERE version_id = ? AND number = ?",
                                      (version_id, row["number"])):
            if _fold(stored["text"]) == row["text"] and _fold(stored["title"]) == row["title"]:
                return stored["title"], stored["text"]
        return row["title"], row["text"]


# -- reading a search query --------------------------------------------------------------------------


def _cited(query: str) -> ArticleNumber | None:
    """The article a query is, when it is one number as a lawyer types it ("130²", "ст. 130-2",
    "статья 59", "19.11")."""
    try:
        return ArticleNumber.parse(query)
    except UsageError:
        return None

# A query's words (letters, joined by a hyphen or an apostrophe: "каких-либо", "з'яўляюцца") and
# numbers, with an article's sub-number in every way it is written ("130²", "130-2", "290/1", "130.2").
_QUERY_TOKEN = re.compile(
    r"(?P<base>\d+)(?:(?P<sup>[" + SUPERSCRIPT_DIGITS + r"]+)|\s?(?P<sep>[-/])\s?(?P<sub>\d+)|\.(?P<dot>\d+))?"
    r"|(?P<word>[А-Яа-яЁёІіЎўA-Za-z]+(?:['’-][А-Яа-яЁёІіЎўA-Za-z]+)*)")
_JOINER = re.compile(r"['’-]")
_QUOTES = str.maketrans("«»“”„", '"""""')  # a phrase may be typed in Russian quotes too
_WORD = re.compile(r"\w+")  # a word as the index counts it (unicode61: letters and digits)


@dataclass(frozen=True)
class _Slot:
    """One word of a query in every form it may take: as FTS5 phrases, and as a regular expression."""

    phrases: tuple[str, ...]
    regex: str
    checked: bool = False  # the phrases find more than the regex: "130 2" finds "130. 2.", "290" "290/1"


@dataclass(frozen=True)
class _Term:
    """What a hit must hold: a word, a number, or a quoted phrase of them."""

    fts: str                   # the FTS5 expression that finds the articles holding it
    pattern: re.Pattern[str]   # where it stands in a text folded as the index is (case ignored)
    checked: bool              # FTS5 finds its words anywhere: `pattern` decides


def _read_query(query: str) -> builtins.list[_Term]:
    """Each word or number is a term, found in any of its forms anywhere in the article (title or
    text); words in double quotes (or «») are one term, found only as a run of those words in that
    order, each in any form. FTS5's own syntax (AND, OR, NOT, NEAR, *, ^, column:) is not read: every
    word is searched as a word. A quote left open runs to the end."""
    terms = []
    for index, part in enumerate(query.translate(_QUOTES).split('"')):
        slots = [slot for m in _QUERY_TOKEN.finditer(part) for slot in _slots(m)]
        if index % 2 and slots:
            terms.append(_term(slots))
        else:
            terms.extend(_term([slot]) for slot in slots)
    return terms


def _slots(m: re.Match[str]) -> builtins.list[_Slot]:
    if m["word"]:
        from lexwatch.morph import cyrillic, forms

        # every form of the word read with Cyrillic letters, and the word as typed (a text can
        # carry the same Latin look-alike the query does)
        variants = sorted({_fold(v) for v in forms(cyrillic(m["word"]))} | {_fold(m["word"].lower())})
        return [_Slot(tuple(variants), "|".join(r"\W+".join(map(re.escape, _JOINER.split(v))) for v in variants))]
    base = m["base"]
    sub = m["sup"].translate(FROM_SUPERSCRIPT) if m["sup"] else m["sub"] or m["dot"]
    if sub is None:
        return [_plain(base)]
    if m["sep"] == "-" and int(sub) >= int(base):  # a range ("124-126", "частями 1-2"): two numbers
        return [_plain(base), _plain(sub)]
    # 130² as texts write it: "130²", "130/2", "130-2", "130.2", and "1302" with the superscript lost
    sup = sub.translate(TO_SUPERSCRIPT)
    return [_Slot((base + sup, f"{base} {sub}", base + sub),
                  rf"{base}(?:{sup}|\s?[-/]\s?{sub}|\.{sub}|{sub})", checked=True)]


def _plain(number: str) -> _Slot:
    """A number without a sub-number: "290" is not the "290" of "290/1" or "18.14" (FTS5's tokens)."""
    return _Slot((number,), rf"{number}(?!\s?/\s?\d|\.\d)", checked=True)


def _term(slots: builtins.list[_Slot]) -> _Term:
    groups = ["(" + " OR ".join('"' + p.replace('"', '""') + '"' for p in slot.phrases) + ")" for slot in slots]
    regex = r"\W+".join(f"(?:{slot.regex})" for slot in slots)
    first = re.escape("".join(sorted({p[0] for p in slots[0].phrases})))  # most places fail on a letter: ~2x faster
    return _Term(" AND ".join(groups), re.compile(rf"(?<!\w)(?=[{first}]){regex}(?!\w)", re.IGNORECASE),
                 checked=len(slots) > 1 or slots[0].checked)


def _title_order(terms: builtins.list[_Term], title: str) -> tuple[int, int]:
    """(0, other words) when the title holds every term, else (1, 0): the article about the subject
    ("Статья 358. Шпионаж") before those that name it among other things, and both before articles
    that only cite it in their text."""
    found = [t.pattern.search(title) for t in terms]
    if not all(found):
        return 1, 0
    return 0, len(_WORD.findall(title)) - sum(len(_WORD.findall(m.group())) for m in found if m)


_SNIPPET_WORDS = 14


def _snippet(terms: builtins.list[_Term], text: str) -> str:
    """About 14 words of `text` where the most terms stand, each match in [brackets], on one line
    (an article's parts are lines of it); "…" where the text goes on."""
    folded = _fold(text)
    words = [m.span() for m in _WORD.finditer(folded)]
    if not words:
        return " ".join(text.split())
    starts = [start for start, _ in words]
    matches = sorted((m.start(), m.end(), n) for n, t in enumerate(terms) for m in t.pattern.finditer(folded))
    # each window's matches counted by bisection, not by a pass over all of them for each (an article
    # holding the query 40 000 times took minutes)
    match_starts = [s for s, _, _ in matches]
    by_term = [[s for s, _, k in matches if k == n] for n in range(len(terms))]

    def window(first: int) -> tuple[int, int]:
        last = first + _SNIPPET_WORDS
        lo, hi = starts[first], starts[last] if last < len(starts) else len(folded)
        found = sum(bisect_left(term, lo) < bisect_left(term, hi) for term in by_term)
        return found, bisect_left(match_starts, hi) - bisect_left(match_starts, lo)

    first = 0
    if matches:
        candidates = [max(0, min(bisect_right(starts, s) - 3, len(words) - _SNIPPET_WORDS)) for s, _, _ in matches]
        first = max(candidates, key=window)  # the earliest of the best
    last = min(first + _SNIPPET_WORDS, len(words)) - 1
    begin = 0 if first == 0 else words[first][0]
    shown = [(s, e) for s, e, _ in matches if begin <= s and bisect_right(starts, s) - 1 <= last]
    if shown:
        last = max(last, bisect_right(starts, max(e for _, e in shown) - 1) - 1)  # a phrase is not cut
    end = len(text) if last == len(words) - 1 else words[last][1]
    pieces, at = [], begin
    for s, e in _merged(shown):
        pieces += [text[at:s], "[", text[s:e], "]"]
        at = e
    pieces.append(text[at:end])
    return ("…" if first else "") + " ".join("".join(pieces).split()) + ("…" if end < len(text) else "")


def _merged(spans: builtins.list[tuple[int, int]]) -> builtins.list[tuple[int, int]]:
    """Overlapping spans as one (a word of the query also inside a quoted phrase of it)."""
    out: builtins.list[tuple[int, int]] = []
    for s, e in sorted(spans):
        if out and s < out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], e))
        else:
            out.append((s, e))
    return out
