"""A new user makes a workspace, breaks its config, and finds it from a subfolder."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from lexwatch.config import DEFAULT_TOML, parse_settings
from lexwatch.errors import ConfigError, LockedError, WorkspaceError
from lexwatch.store.migrations import MIGRATIONS, migrate
from lexwatch.workspace import Workspace


def test_init_creates_the_layout_and_a_second_init_changes_nothing(lexwatch_cli, tmp_path):
    first = lexwatch_cli("init", "ws")
    assert first.code == 0, first
    root = tmp_path / "ws"
    for item in ("lexwatch.toml", "drafts", "commentary/templates", ".lexwatch/state.db"):
        assert (root / item).exists(), item
    assert "created lexwatch.toml" in first.err
    before = {p: p.stat().st_mtime_ns for p in root.rglob("*") if p.is_file() and "state.db" not in p.name}
    second = lexwatch_cli("init", "ws")
    assert second.code == 0
    assert "already a lexwatch workspace; nothing changed" in second.err
    after = {p: p.stat().st_mtime_ns for p in root.rglob("*") if p.is_file() and "state.db" not in p.name}
    assert before == after


def test_the_state_database_uses_wal_and_records_its_migrations(workspace):
    db = sqlite3.connect(workspace / ".lexwatch" / "state.db")
    assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    names = [r[0] for r in db.execute("SELECT name FROM schema_migrations ORDER BY name")]
    assert names == sorted(name for name, _ in MIGRATIONS)


def test_a_failing_migration_leaves_nothing_behind(tmp_path):
    db = sqlite3.connect(tmp_path / "x.db", isolation_level=None)

    def broken(conn: sqlite3.Connection) -> None:
        conn.execute("CREATE TABLE half (x)")
        raise RuntimeError("boom")

    with pytest.raises(RuntimeError):
        migrate(db, [("0001_broken", broken)])
    tables = {r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    assert "half" not in tables
    assert db.execute("SELECT count(*) FROM schema_migrations").fetchone()[0] == 0
    assert migrate(db, [("0001_ok", lambda c: c.execute("CREATE TABLE t (x)"))]) == ["0001_ok"]
    assert migrate(db, [("0001_ok", lambda c: c.execute("CREATE TABLE t (x)"))]) == []


def test_commands_find_the_workspace_from_a_subfolder(workspace, lexwatch_cli):
    sub = workspace / "commentary" / "templates"
    result = lexwatch_cli("drafts", "list", "--json", cwd=sub)
    assert result.code == 0, result
    assert result.json() == []


def test_outside_a_workspace_the_user_is_told_to_run_init(lexwatch_cli, tmp_path):
    result = lexwatch_cli("drafts", "list")
    assert result.code == 2
    assert result.err.strip().splitlines() == [
        "lexwatch: error: not inside a lexwatch workspace (run `lexwatch init` or pass --workspace)"]


def test_workspace_option_and_environment_variable(workspace, lexwatch_cli, tmp_path):
    assert lexwatch_cli("--workspace", str(workspace), "drafts", "list", "--json").code == 0
    env = {"LEXWATCH_WORKSPACE": str(workspace)}
    assert lexwatch_cli("drafts", "list", "--json", env=env).code == 0
    missing = lexwatch_cli("--workspace", str(tmp_path / "nope"), "drafts", "list")
    assert missing.code == 2 and "no lexwatch workspace at" in missing.err


def test_broken_toml_is_one_line_naming_file_and_line(workspace, lexwatch_cli):
    config = workspace / "lexwatch.toml"
    lines = config.read_text(encoding="utf-8").splitlines()
    broken_at = next(i for i, line in enumerate(lines, 1) if line.startswith("delay ="))
    lines[broken_at - 1] = "delay = 1.0.0"
    config.write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = lexwatch_cli("drafts", "list", cwd=workspace)
    assert result.code == 2
    assert len(result.err.strip().splitlines()) == 1, result
    assert f"{config}:{broken_at}:" in result.err
    assert "Traceback" not in result.err


def test_unknown_key_and_wrong_type_name_the_key_and_line():
    with pytest.raises(ConfigError, match=r"lexwatch.toml:4: unknown setting \(key 'portal.base_ulr'\)"):
        parse_settings('[portal]\ndelay = 0.5\n\nbase_ulr = "https://pravo.by"\n')
    with pytest.raises(ConfigError, match=r":2: wrong type str \(key 'portal.delay'\)"):
        parse_settings('[portal]\ndelay = "fast"\n')
    with pytest.raises(ConfigError, match="base_url must be an http"):
        parse_settings('[portal]\nbase_url = "pravo.by"\n')


def test_default_config_round_trips_and_env_overrides_portal(monkeypatch):
    settings = parse_settings(DEFAULT_TOML)
    assert settings.portal.base_url == "https://pravo.by"
    assert settings.watch.acts == ["HK9900275"]
    assert settings.portal.max_pdf_bytes == 50 * 1024 * 1024
    monkeypatch.setenv("LEXWATCH_PORTAL_URL", "http://127.0.0.1:8080/")
    assert parse_settings(DEFAULT_TOML).portal.base_url == "http://127.0.0.1:8080"


def test_a_second_run_cannot_take_the_workspace_lock(workspace):
    ws = Workspace.find(workspace)
    with ws.lock(), pytest.raises(LockedError), ws.lock():
        pass
    with ws.lock():  # released: taken again
        pass


def test_find_rejects_a_folder_without_config(tmp_path: Path):
    with pytest.raises(WorkspaceError):
        Workspace.find(tmp_path)
