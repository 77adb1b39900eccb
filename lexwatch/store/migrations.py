"""Schema changes as numbered, named functions; each runs once, in its own transaction."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable


def run_script(db: sqlite3.Connection, script: str) -> None:
    """Run statements one by one: executescript() would COMMIT the migration's transaction."""
    pending = ""
    for line in script.splitlines(keepends=True):
        pending += line
        if sqlite3.complete_statement(pending):
            db.execute(pending)
            pending = ""
    if pending.strip():
        raise ValueError(f"incomplete SQL statement in migration: {pending.strip()[:60]}")


def _0001_versions(db: sqlite3.Connection) -> None:
    run_script(db, """
        CREATE TABLE versions (
            id            TEXT PRIMARY KEY,          -- sha256 of the raw bytes
            act           TEXT,                      -- register number or draft id, NULL if unknown
            title         TEXT NOT NULL DEFAULT '',
            edition_date  TEXT,                      -- ISO date or NULL
            source        TEXT NOT NULL,             -- file path or URL
            format        TEXT NOT NULL,
            raw_path      TEXT NOT NULL,             -- relative to the workspace
            text_path     TEXT NOT NULL,
            text_sha256   TEXT NOT NULL,
            article_count INTEGER NOT NULL,
            added_at      TEXT NOT NULL,
            meta          TEXT NOT NULL DEFAULT '{}',
            preamble      TEXT NOT NULL DEFAULT ''
        );
        CREATE INDEX versions_by_act ON versions(act, edition_date, added_at);
        CREATE INDEX versions_by_source ON versions(source, added_at);
        CREATE TABLE articles (
            version_id TEXT NOT NULL REFERENCES versions(id) ON DELETE CASCADE,
            seq        INTEGER NOT NULL,
            number     TEXT NOT NULL,
            title      TEXT NOT NULL,
            text       TEXT NOT NULL,
            chapter    TEXT NOT NULL DEFAULT '',
            section    TEXT NOT NULL DEFAULT '',
            part       TEXT NOT NULL DEFAULT '',
            excluded   INTEGER NOT NULL DEFAULT 0,
            PRIMARY KEY (version_id, seq)
        );
        CREATE INDEX articles_by_number ON articles(version_id, number);
        -- Full-text index over article text with "ё" folded to "е"; queries are expanded to every
        -- inflected form of each word (lexwatch.morph.forms) so search is morphology-aware.
        CREATE VIRTUAL TABLE articles_fts USING fts5(
            version_id UNINDEXED, number UNINDEXED, title, text,
            tokenize = 'unicode61'
        );
    """)


def _0002_fetch_state(db: sqlite3.Connection) -> None:
    run_script(db, """
        -- Conditional-GET validators and the content fingerprint last stored, per URL.
        CREATE TABLE http_validators (
            url           TEXT PRIMARY KEY,
            etag          TEXT,
            last_modified TEXT,
            fingerprint   TEXT,                      -- sha256 of the page without volatile parts
            updated_at    TEXT NOT NULL
        );
        -- The last run of each source that failed nowhere: the next listing window starts there.
        CREATE TABLE source_runs (
            source            TEXT PRIMARY KEY,
            last_success_at   TEXT,
            last_success_date TEXT,                  -- ISO date the listing window reached
            last_attempt_at   TEXT NOT NULL,
            last_outcome      TEXT NOT NULL          -- ok | failed
        );
        CREATE TABLE fetch_log (
            id         INTEGER PRIMARY KEY,
            run_at     TEXT NOT NULL,
            source     TEXT NOT NULL,
            url        TEXT NOT NULL,
            outcome    TEXT NOT NULL,                -- new | changed | unchanged | failed
            version_id TEXT,
            error      TEXT
        );
        CREATE INDEX fetch_log_by_run ON fetch_log(run_at);
    """)


def _0003_fetch_alerts(db: sqlite3.Connection) -> None:
    run_script(db, """
        -- Versions a fetch run stored but has not yet reported (written in the transaction that
        -- stores the version, deleted once the run's report is out): a run killed or stopped by
        -- a full disk between the two leaves them here, and the next run reports them.
        CREATE TABLE fetch_alerts (
            version_id TEXT PRIMARY KEY REFERENCES versions(id) ON DELETE CASCADE,
            run_at     TEXT NOT NULL,
            source     TEXT NOT NULL,
            url        TEXT NOT NULL,
            kind       TEXT NOT NULL,
            status     TEXT NOT NULL                 -- new | changed
        );
        CREATE INDEX fetch_alerts_by_source ON fetch_alerts(source);
    """)


def _0004_fetch_log_by_url(db: sqlite3.Connection) -> None:
    # What an address gave at its last look (FetchState.last_given, asked for each document of a
    # run): without it an address never logged read the whole log, ~9 ms a year of 500 files.
    run_script(db, "CREATE INDEX fetch_log_by_url ON fetch_log(url);")


def _0005_fetch_pending(db: sqlite3.Connection) -> None:
    run_script(db, """
        -- Items of a source's window (a publication, a draft, a probed day) that a run could not
        -- fetch, or left over its cap: the next runs look at them by themselves, oldest first, so a
        -- failure no longer holds the window (ADR-13). Written with the run's window, in one transaction.
        CREATE TABLE fetch_pending (
            id            INTEGER PRIMARY KEY,
            source        TEXT NOT NULL,
            key           TEXT NOT NULL,             -- "publication H12200165", "probe 20250210"
            recipe        TEXT NOT NULL,             -- JSON: what the source needs to fetch it again
            failures      INTEGER NOT NULL DEFAULT 0, -- runs that failed it; 0: carried over a run's cap
            failing_since TEXT,                      -- ISO date of its first failure
            url           TEXT NOT NULL DEFAULT '',  -- its last failure, for the report
            error         TEXT,
            UNIQUE (source, key)
        );
    """)


def _0006_parser(db: sqlite3.Connection) -> None:
    # Which reading of lexwatch.text stored a version's articles (lexwatch.text.PARSER): a version an
    # older one stored (0: every version stored before this column) is read again from its raw file
    # once, when first read (VersionStore.document, ADR-34).
    run_script(db, "ALTER TABLE versions ADD COLUMN parser INTEGER NOT NULL DEFAULT 0;")


Migration = tuple[str, Callable[[sqlite3.Connection], None]]

MIGRATIONS: list[Migration] = [
    ("0001_versions", _0001_versions),
    ("0002_fetch_state", _0002_fetch_state),
    ("0003_fetch_alerts", _0003_fetch_alerts),
    ("0004_fetch_log_by_url", _0004_fetch_log_by_url),
    ("0005_fetch_pending", _0005_fetch_pending),
    ("0006_parser", _0006_parser),
]


# Migrations a read-only copy of the workspace (a backup, a CD) can do without: they add tables or
# indexes only a writer uses, so an older database is still listed, searched and diffed read-only (one
# without the parser column has each version read again in memory, VersionStore.document).
READ_COMPATIBLE = frozenset({"0003_fetch_alerts", "0004_fetch_log_by_url", "0005_fetch_pending", "0006_parser"})


def pending(db: sqlite3.Connection, migrations: list[Migration] | None = None) -> list[Migration]:
    """The migrations a database has not had (all of them when it has no record)."""
    try:
        done = {row[0] for row in db.execute("SELECT name FROM schema_migrations")}
    except sqlite3.OperationalError:  # no such table
        done = set()
    return [m for m in (migrations if migrations is not None else MIGRATIONS) if m[0] not in done]


def migrate(db: sqlite3.Connection, migrations: list[Migration] | None = None) -> list[str]:
    """Apply the migrations not yet recorded; return the names applied."""
    db.execute("CREATE TABLE IF NOT EXISTS schema_migrations (name TEXT PRIMARY KEY, applied_at TEXT NOT NULL)")
    applied = []
    for name, step in pending(db, migrations):
        db.execute("BEGIN IMMEDIATE")
        try:
            step(db)
            db.execute("INSERT INTO schema_migrations VALUES (?, datetime('now'))", (name,))
            db.execute("COMMIT")
        except BaseException:
            db.execute("ROLLBACK")
            raise
        applied.append(name)
    return applied
