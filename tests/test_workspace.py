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


def test_a_file_that_breaks_off_names_its_last_line():
    # an editor closed mid-list: tomllib says "at end of document", with no line
    with pytest.raises(ConfigError, match=r"lexwatch.toml:3: Invalid value \(key 'extra'\)$"):
        parse_settings('[watch]\nacts = ["HK9900275"]\nextra = [\n')


def test_a_syntax_error_names_the_key_of_its_line():
    # "lexwatch.toml:2: Invalid value" left the user to count lines; a value's own words are not
    # echoed (the line may hold a password)
    with pytest.raises(ConfigError, match=r"^lexwatch.toml:2: Invalid value \(key 'timeout'\)$"):
        parse_settings('[portal]\ntimeout = thirty\n')
    with pytest.raises(ConfigError, match=r"^lexwatch.toml:2: .*\(key 'proxy'\)$") as raised:
        parse_settings('[portal]\nproxy = "http://user:s3cret@127.0.0.1:3128\n')
    assert "s3cret" not in str(raised.value)


def test_an_array_left_open_does_not_blame_the_key_after_it():
    # tomllib stops at the next line's key, not at the list left open above it: naming that key sent the
    # user to a setting that is right; the list's own key and line are named, its value never
    with pytest.raises(ConfigError, match=r"^lexwatch.toml:2: Unclosed array \(key 'urls'\)$"):
        parse_settings('[notify]\nurls = ["mailto://lawyer:s3cret@mail.example.org"\ntimeout = 30\n')
    with pytest.raises(ConfigError, match=r"^lexwatch.toml:3: Unclosed array \(key 'acts'\)$"):
        parse_settings('[watch]\n# the Code and the law on extremism\nacts = [\n  "HK9900275",\n  "H10700203"\n'
                       '\n[portal]\ndelay = 1.0\n')
    # stopped at a key whose own list is closed: the one left open is the one before it
    with pytest.raises(ConfigError, match=r"^lexwatch.toml:2: Unclosed array \(key 'acts'\)$"):
        parse_settings('[watch]\nacts = ["HK9900275"\npublication_kinds = ["H1", "HK"]\n')


def test_a_key_or_a_table_given_twice_is_named():
    # tomllib says "Cannot overwrite a value" and "Cannot declare ('portal',) twice": a user pasting a
    # setting under its default was told neither which key nor which table
    with pytest.raises(ConfigError, match=r"^lexwatch.toml:3: key 'delay' is set twice$"):
        parse_settings('[portal]\ndelay = 1.0\ndelay = 2.0\n')
    with pytest.raises(ConfigError, match=r"^lexwatch.toml:4: key 'portal.timeout' is set twice$"):
        parse_settings('portal.timeout = 5\n\n# longer\nportal.timeout = 9\n')
    with pytest.raises(ConfigError, match=r"^lexwatch.toml:5: \[sources.pravo_by\] appears twice$"):
        parse_settings('[sources.pravo_by]\nprobe_drafts = true\n\n# again\n[sources.pravo_by]\nenabled = true\n')


def test_unknown_key_and_wrong_type_name_the_key_and_line():
    with pytest.raises(ConfigError, match=r"lexwatch.toml:4: unknown setting \(key 'portal.base_ulr'\)"):
        parse_settings('[portal]\ndelay = 0.5\n\nbase_ulr = "https://pravo.by"\n')
    with pytest.raises(ConfigError, match=r":2: wrong type str \(expected a number\) \(key 'portal.delay'\)"):
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
    # plain http only where nothing crosses a network in the clear: this machine, a Tor onion service
    for local in ("http://localhost:8080", "http://[::1]:8080", "http://pravobyexample7xyz.onion", "https://pravo.by"):
        monkeypatch.setenv("LEXWATCH_PORTAL_URL", local)
        assert parse_settings(DEFAULT_TOML).portal.base_url == local
    monkeypatch.setenv("LEXWATCH_PORTAL_URL", "http://pravo.by")
    with pytest.raises(ConfigError, match="plain http lets anyone on the way"):
        parse_settings(DEFAULT_TOML)


def test_a_second_run_cannot_take_the_workspace_lock(workspace):
    ws = Workspace.find(workspace)
    with ws.lock(), pytest.raises(LockedError), ws.lock():
        pass
    with ws.lock():  # released: taken again
        pass


def test_find_rejects_a_folder_without_config(tmp_path: Path):
    with pytest.raises(WorkspaceError):
        Workspace.find(tmp_path)


@pytest.mark.parametrize(("line", "key", "said"), [
    ('proxy = "alice:s3cretPW@127.0.0.1:3128"', "portal.proxy", "a proxy must be a URL"),
    ('proxy = "garbage://user:s3cretPW@host"', "portal.proxy", "a proxy must be a URL"),
    ('proxy = "http://u:s3cretPW@127.0.0.1:notaport"', "portal.proxy", "a proxy must be a URL"),
    # a password with an unescaped "/", "#" or "?" is still a password, not a path
    ('proxy = "http://u:s3cretPW/x@127.0.0.1:3128"', "portal.proxy", "a proxy must be a URL"),
    ('proxy = "socks5://u:s3cretPW#1@127.0.0.1:1080"', "portal.proxy", "a proxy must be a URL"),
    ('proxy = "u:s3cretPW?@127.0.0.1:3128"', "portal.proxy", "a proxy must be a URL"),
    ('base_url = "http://127.0.0.1:99999"', "portal.base_url", "base_url must be an http(s) URL"),
    ('base_url = "http://[::1"', "portal.base_url", "base_url must be an http(s) URL"),
    ('base_url = "http://user:s3cretPW@127.0.0.1:9"', "portal.base_url", "must not hold a user or password"),
    # plain http across a network: an ISP reads which laws are followed, and can change them
    ('base_url = "http://pravo.by"', "portal.base_url", "plain http lets anyone on the way"),
    ('base_url = "http://192.168.1.20:8080"', "portal.base_url", "plain http lets anyone on the way"),
    ('draft_index_urls = ["https://evil.example.com/x"]', "portal.draft_index_urls", "not on base_url's host"),
    ("timeout = inf", "portal.timeout", "above 0 and at most 3600"),
    ("timeout = nan", "portal.timeout", "above 0 and at most 3600"),
    ("timeout = 0", "portal.timeout", "above 0 and at most 3600"),
    ("delay = 1e12", "portal.delay", "at least 0 and at most 3600"),
    ("max_page_mb = 0", "portal.max_page_mb", "above 0 and at most 1024"),
])
def test_a_setting_lexwatch_cannot_use_is_one_line_naming_line_and_key_and_hiding_passwords(
        line: str, key: str, said: str) -> None:
    with pytest.raises(ConfigError) as caught:
        parse_settings(f"[portal]\n\n{line}\n", "/ws/lexwatch.toml")
    message = str(caught.value)
    assert message.startswith("/ws/lexwatch.toml:3: ") and f"(key '{key}')" in message and said in message
    assert "s3cretPW" not in message and "\n" not in message


def test_a_broken_proxy_or_portal_url_in_the_environment_is_a_config_error_naming_the_variable(
        workspace, lexwatch_cli):
    proxy = lexwatch_cli("fetch", cwd=workspace, env={"HTTPS_PROXY": "bob:s3cretPW@127.0.0.1:9"})
    assert proxy.code == 2 and "(key 'HTTPS_PROXY')" in proxy.err and "s3cretPW" not in proxy.err
    assert len(proxy.err.strip().splitlines()) == 1 and "internal error" not in proxy.err
    portal = lexwatch_cli("sources", "list", cwd=workspace, env={"LEXWATCH_PORTAL_URL": "notaurl"})
    assert portal.code == 2 and "(key 'LEXWATCH_PORTAL_URL')" in portal.err


def test_a_full_disk_met_by_the_state_database_mid_run_is_one_line_not_an_internal_error(
        monkeypatch, capsys) -> None:
    from lexwatch.cli import main

    def full(*args: object, **kwargs: object) -> None:
        raise sqlite3.OperationalError("database or disk is full")

    monkeypatch.setattr(main, "app", full)
    with pytest.raises(SystemExit) as stopped:
        main.run()
    assert stopped.value.code == 2
    assert capsys.readouterr().err == "lexwatch: error: disk full; nothing was half-stored, free space and run again\n"


def test_a_state_database_that_cannot_be_opened_is_not_called_damaged(tmp_path, monkeypatch) -> None:
    from lexwatch.errors import StoreError
    from lexwatch.store import versions

    def cannot(db: sqlite3.Connection) -> None:
        raise sqlite3.OperationalError("unable to open database file")

    monkeypatch.setattr(versions, "migrate", cannot)
    with pytest.raises(StoreError) as caught:
        versions.VersionStore(tmp_path / "state.db", tmp_path / "drafts")
    assert "damaged" not in str(caught.value) and "read-only folder or a full disk" in str(caught.value)


def test_init_refuses_an_empty_name_and_a_folder_inside_another_workspace(workspace, lexwatch_cli, tmp_path):
    empty = lexwatch_cli("init", "", cwd=tmp_path)
    assert empty.code == 2 and "the one given is empty" in empty.err
    assert not (tmp_path / "lexwatch.toml").exists()
    nested = lexwatch_cli("init", str(workspace / "drafts" / "inner"))
    assert nested.code == 2 and f"inside the workspace {workspace}" in nested.err
    assert not (workspace / "drafts" / "inner").exists()
    again = lexwatch_cli("init", str(workspace))  # the workspace itself: already one, nothing changed
    assert again.code == 0 and "already a lexwatch workspace" in again.err


def test_init_over_a_broken_lexwatch_toml_says_so(lexwatch_cli, tmp_path):
    folder = tmp_path / "laws"
    folder.mkdir()
    (folder / "lexwatch.toml").write_text("[portal\n", encoding="utf-8")
    result = lexwatch_cli("init", str(folder))
    assert result.code == 2 and f"{folder / 'lexwatch.toml'}:1:" in result.err
    assert (folder / "lexwatch.toml").read_text(encoding="utf-8") == "[portal\n"  # the user's file is kept


@pytest.mark.parametrize(("toml", "line", "key", "said"), [
    ("[portl]\ntimeout = 3\n", 1, "portl", "unknown section [portl]"),
    ('[watch]\nacts = ["HK9900275"]\n\n[sources.nosuch]\nenabled = true\n', 4, "sources.nosuch",
     "no source named 'nosuch'"),
    ('[watch]\nacts = ["XX"]\n', 2, "watch.acts", "not a register number"),
    ("[sources.folder]\npath = 5\n", 2, "sources.folder.path", "must be a folder path"),
    ('[sources.pravo_by]\n\nenabled = "yes"\n', 3, "sources.pravo_by.enabled", "must be true or false"),
])
def test_a_mistake_in_any_section_names_the_file_the_line_and_the_key(workspace, lexwatch_cli, toml, line, key, said):
    config = workspace / "lexwatch.toml"
    config.write_text(toml, encoding="utf-8")
    result = lexwatch_cli("sources", "list", cwd=workspace)
    assert result.code == 2 and result.err.count("\n") == 1
    assert result.err.startswith(f"lexwatch: error: {config}:{line}: ") and f"(key '{key}')" in result.err
    assert said in result.err


def test_a_workspace_whose_lock_cannot_be_made_says_so_in_one_line(lexwatch_cli, workspace):
    # (as root, permissions stop nothing here: a folder where the lock file goes fails the same way
    # a read-only mount does, with an OSError from open())
    (workspace / ".lexwatch" / "run.lock").mkdir(parents=True)
    result = lexwatch_cli("fetch", cwd=workspace)
    assert result.code == 2, result
    assert result.err.startswith("lexwatch: error: cannot lock ") and len(result.err.splitlines()) == 1
    assert "not fetched or added to" in result.err


def test_the_templates_readme_init_writes_is_the_projects_own() -> None:
    # The two copies drifted once: init wrote the old wording after commentary/templates/README.md changed.
    from lexwatch.workspace import TEMPLATES_README

    own = Path(__file__).resolve().parents[1] / "commentary" / "templates" / "README.md"
    assert own.read_text(encoding="utf-8") == TEMPLATES_README
