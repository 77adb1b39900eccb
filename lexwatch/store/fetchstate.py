"""What fetch remembers between runs: HTTP validators and fingerprints per URL, each source's last
good run, and a log of every outcome. All SQL of the fetch stage lives here."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, date, datetime


@dataclass(frozen=True)
class Validators:
    """What a conditional GET sends back (ETag, Last-Modified) and the fingerprint last stored."""

    etag: str | None = None
    last_modified: str | None = None
    fingerprint: str | None = None


@dataclass(frozen=True)
class SourceRun:
    source: str
    last_success_at: str | None
    last_success_date: date | None
    last_attempt_at: str
    last_outcome: str


@dataclass(frozen=True)
class PendingAlert:
    """A version a fetch run stored and has not reported yet (see migration 0003_fetch_alerts)."""

    version_id: str
    run_at: str
    source: str
    url: str
    kind: str
    status: str
    act: str | None
    title: str


@dataclass(frozen=True)
class PendingItem:
    """An item of a source's window to look at again (see migration 0005_fetch_pending)."""

    key: str
    recipe: dict[str, str]
    failures: int                 # runs in a row that could not fetch it; 0: carried over a run's cap
    failing_since: date | None


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


class FetchState:
    """Queries over the 0002_fetch_state tables, on the version store's connection."""

    def __init__(self, db: sqlite3.Connection) -> None:
        self.db = db

    def validators(self) -> dict[str, Validators]:
        """Every URL's validators, read once per run so worker threads never touch the database."""
        return {row[0]: Validators(row[1], row[2], row[3]) for row in
                self.db.execute("SELECT url, etag, last_modified, fingerprint FROM http_validators")}

    def remember(self, url: str, validators: Validators) -> None:
        self.db.execute(
            "INSERT INTO http_validators (url, etag, last_modified, fingerprint, updated_at) VALUES (?,?,?,?,?)"
            " ON CONFLICT(url) DO UPDATE SET etag=excluded.etag, last_modified=excluded.last_modified,"
            " fingerprint=excluded.fingerprint, updated_at=excluded.updated_at",
            (url, validators.etag, validators.last_modified, validators.fingerprint, _now()))

    def latest_from(self, url: str) -> tuple[str, str | None, str, int] | None:
        """(id, act, title, articles) of the version last stored from `url`, if any."""
        row = self.db.execute("SELECT id, act, title, article_count FROM versions WHERE source = ?"
                              " ORDER BY added_at DESC, rowid DESC LIMIT 1", (url,)).fetchone()
        return (row[0], row[1], row[2], int(row[3] or 0)) if row is not None else None

    def last_given(self, url: str) -> str | None:
        """The version what `url` gave at its last look was, or had the text of (a copy in other bytes
        is logged as the version it matched), from the fetch log; None when it was never logged."""
        row = self.db.execute("SELECT version_id FROM fetch_log WHERE url = ? AND outcome != 'failed'"
                              " AND version_id IS NOT NULL ORDER BY rowid DESC LIMIT 1", (url,)).fetchone()
        return str(row[0]) if row is not None else None

    def last_run(self, source: str) -> SourceRun | None:
        row = self.db.execute("SELECT source, last_success_at, last_success_date, last_attempt_at, last_outcome"
                              " FROM source_runs WHERE source = ?", (source,)).fetchone()
        if row is None:
            return None
        return SourceRun(row[0], row[1], date.fromisoformat(row[2]) if row[2] else None, row[3], row[4])

    def record_run(self, source: str, *, ok: bool, reached: date | None) -> None:
        """`ok`: nothing failed, the source's last good run. `reached`: where its date window got to
        with nothing in it left to look at again; a failed run without it keeps the old window start,
        so the next run looks again."""
        now = _now()
        if ok:
            self.db.execute(
                "INSERT INTO source_runs VALUES (?,?,?,?, 'ok') ON CONFLICT(source) DO UPDATE SET"
                " last_success_at=excluded.last_success_at, last_success_date=excluded.last_success_date,"
                " last_attempt_at=excluded.last_attempt_at, last_outcome='ok'",
                (source, now, reached.isoformat() if reached else None, now))
        else:
            self.db.execute(
                "INSERT INTO source_runs VALUES (?, NULL, ?, ?, 'failed') ON CONFLICT(source) DO UPDATE SET"
                " last_success_date=coalesce(excluded.last_success_date, last_success_date),"
                " last_attempt_at=excluded.last_attempt_at, last_outcome='failed'",
                (source, reached.isoformat() if reached else None, now))

    def log(self, run_at: str, source: str, url: str, outcome: str, version_id: str | None,
            error: str | None) -> None:
        self.db.execute("INSERT INTO fetch_log (run_at, source, url, outcome, version_id, error)"
                        " VALUES (?,?,?,?,?,?)", (run_at, source, url, outcome, version_id, error))

    @staticmethod
    def add_alert(db: sqlite3.Connection, version_id: str, *, run_at: str, source: str, url: str, kind: str,
                  status: str) -> None:
        """Called inside the transaction that stores the version: both are committed or neither."""
        db.execute("INSERT OR REPLACE INTO fetch_alerts (version_id, run_at, source, url, kind, status)"
                   " VALUES (?,?,?,?,?,?)", (version_id, run_at, source, url, kind, status))

    def pending_alerts(self, source: str) -> list[PendingAlert]:
        """Versions of `source` stored by a run whose report never went out (oldest first)."""
        rows = self.db.execute(
            "SELECT a.version_id, a.run_at, a.source, a.url, a.kind, a.status, v.act, v.title"
            " FROM fetch_alerts a JOIN versions v ON v.id = a.version_id WHERE a.source = ?"
            " ORDER BY v.added_at, v.rowid", (source,)).fetchall()
        return [PendingAlert(*row) for row in rows]

    def clear_alerts(self, version_ids: list[str]) -> None:
        """The report naming these versions is out: never report them again."""
        if version_ids:  # one statement: all cleared or none, without a transaction of its own
            self.db.execute(f"DELETE FROM fetch_alerts WHERE version_id IN ({','.join('?' * len(version_ids))})",
                            version_ids)

    @contextmanager
    def transaction(self) -> Iterator[None]:
        """Statements committed together or not at all (a run killed between them leaves neither)."""
        self.db.execute("BEGIN IMMEDIATE")
        try:
            yield
        except BaseException:
            self.db.execute("ROLLBACK")
            raise
        self.db.execute("COMMIT")

    def pending_counts(self, source: str) -> tuple[int, int]:
        """(failing, carried): the items of `source` the next runs look at again, failed ones and ones
        left over a run's cap; none in a read-only copy made before migration 0005."""
        try:
            row = self.db.execute("SELECT coalesce(sum(failures > 0), 0), coalesce(sum(failures = 0), 0)"
                                  " FROM fetch_pending WHERE source = ?", (source,)).fetchone()
        except sqlite3.OperationalError:  # no such table
            return 0, 0
        return int(row[0]), int(row[1])

    def pending_items(self, source: str) -> list[PendingItem]:
        """The items of `source` earlier runs left to look at again, oldest first."""
        rows = self.db.execute("SELECT key, recipe, failures, failing_since FROM fetch_pending WHERE source = ?"
                               " ORDER BY id", (source,)).fetchall()
        return [PendingItem(row[0], json.loads(row[1]), int(row[2]), date.fromisoformat(row[3]) if row[3] else None)
                for row in rows]

    def item_failed(self, source: str, key: str, recipe: Mapping[str, str], *, on: date, url: str,
                    error: str | None, tried: bool = True) -> None:
        """One more run could not fetch the item: counted if the source answered that run (`tried`;
        else the item is only marked failing), with the day it began failing."""
        self.db.execute(
            "INSERT INTO fetch_pending (source, key, recipe, failures, failing_since, url, error)"
            " VALUES (?,?,?,1,?,?,?) ON CONFLICT(source, key) DO UPDATE SET recipe=excluded.recipe,"
            " failures=max(failures + ?, 1), failing_since=coalesce(failing_since, excluded.failing_since),"
            " url=excluded.url, error=excluded.error",
            (source, key, json.dumps(dict(recipe), ensure_ascii=False), on.isoformat(), url, error, int(tried)))

    def item_carried(self, source: str, key: str, recipe: Mapping[str, str]) -> None:
        """The item was left over a run's cap; a failing one keeps its count."""
        self.db.execute(
            "INSERT INTO fetch_pending (source, key, recipe) VALUES (?,?,?)"
            " ON CONFLICT(source, key) DO UPDATE SET recipe=excluded.recipe",
            (source, key, json.dumps(dict(recipe), ensure_ascii=False)))

    def forget_items(self, source: str, keys: Iterable[str]) -> None:
        """Fetched (or given up): never looked at again by itself."""
        self.db.executemany("DELETE FROM fetch_pending WHERE source = ? AND key = ?", ((source, k) for k in keys))
