"""Upgrade QA: workspaces filled by older lexwatch revisions (0bd5b7c, d48bc37, b9e32fc, ab3bc40, e779d13,
0728f46, 057f677), then read by this one. What a command still reads as the older lexwatch stored it,
where another reads it as this lexwatch does (ADR-34). Each test writes the rows as the older revision
wrote them (checked against what it stored), from what this lexwatch stored."""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Callable
from pathlib import Path

import pytest
from conftest import CliResult
from test_folder_source import DRAFT
from test_text_koap import KOAP
from test_upgrade import LAW

from lexwatch.store import versions
from lexwatch.store.versions import VersionStore
from lexwatch.workspace import Workspace

Cli = Callable[..., CliResult]


def _rows(workspace: Path) -> sqlite3.Connection:
    return sqlite3.connect(Workspace.find(workspace).db_path, isolation_level=None)


def test_search_of_a_read_only_backup_cites_an_article_as_drafts_show_reads_it(
        lexwatch_cli: Cli, workspace: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # A КоАП edition added by e779d13 (and every lexwatch before КоАП's own numbering): "Статья 19.11."
    # stored as 19¹¹, in the articles and in the search index. A backup of that workspace on a read-only
    # mount: `drafts show` gives 19.11, `drafts search` cited "ст. 19¹¹", a number the Code does not have.
    koap = tmp_path / "koap_2021.txt"
    koap.write_text(KOAP.format(fine="тридцати"), encoding="utf-8")
    added = lexwatch_cli("add", str(koap), "--act", "HK2100091", "--edition-date", "2021-01-06", cwd=workspace)
    assert added.code == 0, added
    db = _rows(workspace)
    with db:
        db.execute("UPDATE articles SET number = replace(number, '.', '-')")
        db.execute("UPDATE articles_fts SET number = replace(number, '.', '-')")
        db.execute("UPDATE versions SET parser = 0")
    db.close()
    ws = Workspace.find(workspace)
    real_access = os.access
    monkeypatch.setattr(versions.os, "access", lambda path, mode: False if mode == os.W_OK else real_access(path, mode))
    with VersionStore(ws.db_path, ws.drafts_dir) as store:
        assert store.read_only
        [version] = store.list()
        shown = [a.number.canonical for a in store.document(version.id).articles]
        found = [(h.number.canonical, h.title) for h in store.search("экстремистских материалов")]
    assert shown == ["19.10", "19.11", "19.12", "20.1"]
    assert found == [("19.11", "Распространение информационной продукции, включенной в республиканский список "
                               "экстремистских материалов")]


def test_an_overview_of_a_draft_an_older_lexwatch_stored_cites_it_as_a_draft(
        lexwatch_cli: Cli, workspace: Path, tmp_path: Path) -> None:
    # Up to 1ff9954 (e779d13 probed) a saved draft's "ПРОЕКТ" line stood in its preamble, not its title:
    # stored "ЗАКОН РЕСПУБЛИКИ БЕЛАРУСЬ". After the upgrade its overview (and a period's review, which
    # lists it among the adopted acts) called it "Закон Республики Беларусь «Об изменении …»", while the
    # same file read now is "Проект закона «…»".
    draft = tmp_path / "proekt_izmeneniya_UK.txt"
    draft.write_text(DRAFT, encoding="utf-8")
    added = lexwatch_cli("add", str(draft), "--json", cwd=workspace)
    assert added.code == 0, added
    db = _rows(workspace)
    with db:
        [(title, preamble)] = db.execute("SELECT title, preamble FROM versions").fetchall()
        assert title == "ПРОЕКТ ЗАКОН РЕСПУБЛИКИ БЕЛАРУСЬ"
        db.execute("UPDATE versions SET title = 'ЗАКОН РЕСПУБЛИКИ БЕЛАРУСЬ', preamble = ?, parser = 0",
                   ("ПРОЕКТ\n" + preamble,))
        [(version,)] = db.execute("SELECT id FROM versions").fetchall()
    db.close()
    cited = "Проект закона «Об изменении Уголовного кодекса Республики Беларусь»"
    from_file = lexwatch_cli("commentary", "overview", str(draft), "-o", "-", cwd=workspace)
    assert from_file.code == 0 and cited in from_file.out, from_file
    stored = lexwatch_cli("commentary", "overview", version[:12], "-o", "-", cwd=workspace)
    assert stored.code == 0, stored
    assert cited in stored.out
    assert "Закон Республики Беларусь «Об изменении" not in stored.out


def test_diff_counts_an_old_versions_articles_as_it_compares_them_on_its_first_run(
        lexwatch_cli: Cli, workspace: Path, tmp_path: Path) -> None:
    # An older reading that lost Art. 2 (a heading it did not know): the first diff after the upgrade
    # reads it again (2 articles compared: 1 changed, 1 unchanged) and said "articles": 1 for that side;
    # the same diff run again said 2.
    old, new = tmp_path / "zakon_251-z.txt", tmp_path / "zakon_251-z_izm.txt"
    old.write_text(LAW, encoding="utf-8")
    new.write_text(LAW.replace("через десять дней", "через три месяца"), encoding="utf-8")
    for path in (old, new):
        added = lexwatch_cli("add", str(path), cwd=workspace)
        assert added.code == 0, added
    db = _rows(workspace)
    with db:
        [(first,), (second,)] = db.execute("SELECT id FROM versions ORDER BY rowid").fetchall()
        db.execute("DELETE FROM articles WHERE version_id = ? AND number = '2'", (first,))
        db.execute("DELETE FROM articles_fts WHERE version_id = ? AND number = '2'", (first,))
        db.execute("UPDATE versions SET parser = 0, article_count = 1 WHERE id = ?", (first,))
    db.close()
    runs = [lexwatch_cli("diff", first[:12], second[:12], "--format", "json", cwd=workspace) for _ in range(2)]
    assert [run.code for run in runs] == [1, 1], runs
    summary = runs[0].json()["summary"]
    assert (summary["changed"], summary["unchanged"]) == (1, 1)
    assert runs[0].json()["old"]["articles"] == 2
    assert runs[0].out == runs[1].out


def test_history_walks_an_old_version_an_older_reading_read_no_article_from(
        lexwatch_cli: Cli, workspace: Path, tmp_path: Path) -> None:
    # An older reading that kept a law as plain text (no article read): history leaves such a version
    # out (a card, a scan), so Art. 2's change in the next one was told as no change at all
    old, new = tmp_path / "zakon_251-z.txt", tmp_path / "zakon_251-z_izm.txt"
    old.write_text(LAW, encoding="utf-8")
    new.write_text(LAW.replace("через десять дней", "через три месяца"), encoding="utf-8")
    for path, day in ((old, "2023-02-14"), (new, "2023-06-01")):
        added = lexwatch_cli("add", str(path), "--edition-date", day, cwd=workspace)
        assert added.code == 0, added
    db = _rows(workspace)
    with db:
        [(first,)] = db.execute("SELECT id FROM versions WHERE edition_date = '2023-02-14'").fetchall()
        db.execute("DELETE FROM articles WHERE version_id = ?", (first,))
        db.execute("DELETE FROM articles_fts WHERE version_id = ?", (first,))
        db.execute("UPDATE versions SET parser = 0, article_count = 0, preamble = ? WHERE id = ?", (LAW, first))
    db.close()
    told = lexwatch_cli("history", "2", "--act", "H12300251", "--json", cwd=workspace)
    assert told.code == 0, told
    assert [(entry["label"], entry["summary"]) for entry in told.json()] == [("H12300251@2023-06-01", "changed: +2 −2 words")]
    listed = lexwatch_cli("drafts", "list", "--json", cwd=workspace).json()
    assert [v["articles"] for v in listed] == [2, 2]


def test_an_overview_of_a_draft_page_an_older_lexwatch_titled_by_its_mark_alone_cites_the_draft_law(
        lexwatch_cli: Cli, workspace: Path, tmp_path: Path) -> None:
    # Up to 8d1368c^ a draft's page that sets "ПРОЕКТ" in a `titlek` of its own, the act's kind in the next,
    # was stored titled "ПРОЕКТ", the kind left in the preamble (checked: that revision's `add` of this page).
    # After the upgrade the title stayed "ПРОЕКТ": `drafts list` showed it, and its overview cited
    # "Проект «Об изменении …»" where the page read now is "Проект закона «Об изменении …»".
    import html

    lines = [line for line in DRAFT.splitlines()[2:] if line.strip()]
    page = tmp_path / "proekt_izmeneniya_UK.html"
    page.write_text('<html><head><meta charset="utf-8"></head><body><div class="Section1">\n'
                    '<p class="titlek">ПРОЕКТ</p>\n<p class="titlek">ЗАКОН РЕСПУБЛИКИ БЕЛАРУСЬ</p>\n'
                    + "\n".join(f'<p class="{"article" if line.startswith("Статья ") else "newncpi"}">'
                                f"{html.escape(line)}</p>" for line in lines)
                    + "\n</div></body></html>\n", encoding="utf-8")
    added = lexwatch_cli("add", str(page), cwd=workspace)
    assert added.code == 0, added
    db = _rows(workspace)
    with db:
        [(version, title, preamble)] = db.execute("SELECT id, title, preamble FROM versions").fetchall()
        assert title == "ПРОЕКТ ЗАКОН РЕСПУБЛИКИ БЕЛАРУСЬ"
        db.execute("UPDATE versions SET title = 'ПРОЕКТ', preamble = ?, parser = 0",
                   ("ЗАКОН РЕСПУБЛИКИ БЕЛАРУСЬ\n" + preamble,))
    db.close()
    cited = "Проект закона «Об изменении Уголовного кодекса Республики Беларусь»"
    stored = lexwatch_cli("commentary", "overview", version[:12], "-o", "-", cwd=workspace)
    assert stored.code == 0 and cited in stored.out, stored
    [listed] = lexwatch_cli("drafts", "list", "--json", cwd=workspace).json()
    assert listed["title"] == "ПРОЕКТ ЗАКОН РЕСПУБЛИКИ БЕЛАРУСЬ"
