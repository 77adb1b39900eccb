"""A cron job's `check` over a workspace an older lexwatch filled, after `pip install -U`: what the old
version told is not told again, and the first real change is told as it is, nothing more.

An older lexwatch read some texts otherwise: up to 7bb6c5c an article whose first sentence stands on
its heading line ("Статья 1. Внести в Закон … изменения:") had that sentence for its title, and up to
1ff9954 a file's "ПРОЕКТ" line was no part of the draft's title. Its rows are written here as it wrote
them, from what this lexwatch stored."""

from __future__ import annotations

import hashlib
import sqlite3
from pathlib import Path

from builders import folder_inbox
from test_folder_source import DRAFT

from lexwatch.store import versions
from lexwatch.store.versions import VersionStore
from lexwatch.text import PARSER
from lexwatch.workspace import Workspace

# A law amending a law, as a user saves it from its publication: each article's first sentence on
# its heading line.
LAW = """ЗАКОН РЕСПУБЛИКИ БЕЛАРУСЬ
14 февраля 2023 г. № 251-З

О внесении изменений в Закон Республики Беларусь «О противодействии экстремизму»

Принят Палатой представителей 26 января 2023 года
Одобрен Советом Республики 31 января 2023 года

Статья 1. Внести в Закон Республики Беларусь от 4 января 2007 г. № 203-З «О противодействии экстремизму» следующие изменения:
1. В статье 1:
пункт 11 после слова «распространение» дополнить словами «, в том числе в глобальной компьютерной сети Интернет,»;
2. Статью 17 изложить в следующей редакции:
«Статья 17. Ответственность за осуществление экстремистской деятельности
Граждане Республики Беларусь, иностранные граждане и лица без гражданства за осуществление экстремистской деятельности несут ответственность в соответствии с законодательными актами.».

Статья 2. Настоящий Закон вступает в силу через десять дней после его официального опубликования.

Президент Республики Беларусь А.Лукашенко
"""


def _as_the_old_lexwatch_stored_it(workspace: Path, only: str | None = None) -> None:
    """Every stored version (or the one whose id is `only`) as the older lexwatch wrote it: an article
    without a title had its text's first line for one, and the version's text (whose sha256 tells texts
    apart) and its text file beside the raw one said so."""
    ws = Workspace.find(workspace)
    with ws.open_store() as store:
        stored = [(info, store.document(info.id)) for info in store.list() if only in (None, info.id)]
    db = sqlite3.connect(ws.db_path, isolation_level=None)
    with db:
        for info, doc in stored:
            for seq, article in enumerate(doc.articles, 1):
                if not article.title:
                    article.title, _, article.text = article.text.partition("\n")
                    db.execute("UPDATE articles SET title = ?, text = ? WHERE version_id = ? AND seq = ?",
                               (article.title, article.text, info.id, seq))
            # parser 0: what migration 0006_parser gives a version stored before it
            db.execute("UPDATE versions SET text_sha256 = ?, parser = 0 WHERE id = ?",
                       (hashlib.sha256(doc.as_text().encode()).hexdigest(), info.id))
            (ws.root / info.text_path).write_bytes(doc.as_text().encode())
    db.close()


def _told_by_the_old_version(lexwatch_cli, workspace: Path) -> Path:
    """The law stored and told by a `check` of the older lexwatch; its next run said nothing new."""
    law = folder_inbox(workspace) / "zakon_251-z.txt"
    law.write_text(LAW, encoding="utf-8")
    first = lexwatch_cli("check", cwd=workspace)
    assert first.code == 1, first
    _as_the_old_lexwatch_stored_it(workspace)
    db = sqlite3.connect(Workspace.find(workspace).db_path)
    [(title,)] = db.execute("SELECT title FROM articles WHERE seq = 1").fetchall()
    db.close()
    assert title.startswith("Внести в Закон")  # the old reading, as stored
    return law


def test_a_law_saved_again_after_an_upgrade_is_not_told_again(lexwatch_cli, workspace):
    # The user saves the law again (Windows line ends): the same text in other bytes, which the old
    # version read as unchanged. Read by this version it differs from the old reading stored: it was
    # told as a change of Art. 1 that no one made, mailed by cron.
    law = _told_by_the_old_version(lexwatch_cli, workspace)
    law.write_bytes(LAW.replace("\n", "\r\n").encode())
    run = lexwatch_cli("check", "--json", cwd=workspace)
    assert run.code == 0, run
    assert run.json()["documents"] == []
    assert run.json()["sources"]["folder"]["unchanged"] == 1
    again = lexwatch_cli("check", cwd=workspace)
    assert (again.code, again.out) == (0, ""), again


def test_a_draft_saved_again_after_an_upgrade_is_not_told_again(lexwatch_cli, workspace):
    # Stored by 1ff9954 as "ЗАКОН РЕСПУБЛИКИ БЕЛАРУСЬ"; saved again, it was told "changed" with "no article
    # changed": this lexwatch joins the "ПРОЕКТ" line to the title, and the title is part of the text
    draft = folder_inbox(workspace) / "proekt_izmeneniya_UK.txt"
    draft.write_text(DRAFT, encoding="utf-8")
    assert lexwatch_cli("check", cwd=workspace).code == 1
    ws = Workspace.find(workspace)
    with ws.open_store() as store:
        [stored] = store.list()
        doc = store.document(stored.id)
    doc.title = doc.title.removeprefix("ПРОЕКТ ")
    db = sqlite3.connect(ws.db_path, isolation_level=None)
    with db:
        db.execute("UPDATE versions SET title = ?, text_sha256 = ?, parser = 0 WHERE id = ?",
                   (doc.title, hashlib.sha256(doc.as_text().encode()).hexdigest(), stored.id))
    db.close()
    draft.write_bytes(DRAFT.replace("\n", "\r\n").encode())
    run = lexwatch_cli("check", "--json", cwd=workspace)
    assert run.code == 0, run
    assert run.json()["documents"] == []


def test_a_draft_saved_again_under_another_name_after_an_upgrade_is_not_told_again(lexwatch_cli, workspace):
    # The browser names the second download "… (1).txt": a new address, and a draft has no act or date
    # to find the stored version by, only its text. The old reading's text was compared as stored and
    # the draft told "new" again; this lexwatch's reading of the stored version is the same text.
    inbox = folder_inbox(workspace)
    (inbox / "proekt_izmeneniya_UK.txt").write_text(DRAFT, encoding="utf-8")
    assert lexwatch_cli("check", cwd=workspace).code == 1
    ws = Workspace.find(workspace)
    with ws.open_store() as store:
        [stored] = store.list()
        doc = store.document(stored.id)
    assert stored.act is None and stored.edition_date is None
    doc.title = doc.title.removeprefix("ПРОЕКТ ")  # as 1ff9954 read it
    db = sqlite3.connect(ws.db_path, isolation_level=None)
    with db:
        db.execute("UPDATE versions SET title = ?, text_sha256 = ?, parser = 0 WHERE id = ?",
                   (doc.title, hashlib.sha256(doc.as_text().encode()).hexdigest(), stored.id))
    db.close()
    (inbox / "proekt_izmeneniya_UK (1).txt").write_bytes(DRAFT.replace("\n", "\r\n").encode())
    run = lexwatch_cli("check", "--json", cwd=workspace)
    assert run.code == 0, run
    assert run.json()["documents"] == [] and run.json()["sources"]["folder"]["unchanged"] == 2


def test_the_first_change_after_an_upgrade_tells_the_article_changed_and_no_other(lexwatch_cli, workspace):
    law = _told_by_the_old_version(lexwatch_cli, workspace)
    law.write_text(LAW.replace("через десять дней", "через три месяца"), encoding="utf-8")
    run = lexwatch_cli("check", "--json", cwd=workspace)
    assert run.code == 1, run
    [document] = run.json()["documents"]
    assert document["status"] == "changed"
    # Art. 1 read otherwise by the old version was told changed too, with the flags of its words
    assert document["articles"] == {"changed": ["2"], "added": [], "removed": [], "renumbered": []}
    assert document["summary"]["changed"] == 1 and document["flags"] == []
    again = lexwatch_cli("check", cwd=workspace)
    assert (again.code, again.out) == (0, ""), again


def test_a_previous_version_whose_file_is_gone_is_compared_as_stored(lexwatch_cli, workspace):
    # drafts/ pruned by hand, or the row pointing outside it: nothing is read again from it, the change
    # is still told (against the stored reading), never a traceback
    law = _told_by_the_old_version(lexwatch_cli, workspace)
    with Workspace.find(workspace).open_store() as store:
        [stored] = store.list()
    (workspace / stored.raw_path).unlink()
    law.write_text(LAW.replace("через десять дней", "через три месяца"), encoding="utf-8")
    run = lexwatch_cli("check", "--json", cwd=workspace)
    assert run.code == 1, run
    [document] = run.json()["documents"]
    assert document["previous"]["version"] == stored.id and "2" in document["articles"]["changed"]
    assert "Traceback" not in run.err


def _changed_after_the_upgrade(lexwatch_cli, workspace: Path) -> tuple[str, str]:
    """The law told by the older lexwatch, then changed in its Art. 2 and told by this one: the ids
    of the version the old reading stored and of the one this lexwatch stored."""
    law = _told_by_the_old_version(lexwatch_cli, workspace)
    law.write_text(LAW.replace("через десять дней", "через три месяца"), encoding="utf-8")
    told = lexwatch_cli("check", "--json", cwd=workspace)
    assert told.code == 1 and told.json()["documents"][0]["articles"]["changed"] == ["2"], told
    with Workspace.find(workspace).open_store() as store:
        old, new = store.list()
    return old.id, new.id


def test_diff_after_an_upgrade_shows_the_change_check_told_and_no_other(lexwatch_cli, workspace):
    # check's hint is `lexwatch diff OLD NEW`: it showed Art. 1 changed too (its heading read as the
    # old version read it against this one's), a change no law made
    old, new = _changed_after_the_upgrade(lexwatch_cli, workspace)
    shown = lexwatch_cli("diff", old[:12], new[:12], "--format", "json", cwd=workspace)
    assert shown.code == 1, shown
    assert [(a["status"], a["new_number"]) for a in shown.json()["articles"]] == [("changed", "2")]
    assert shown.json()["summary"]["changed"] == 1


def test_diff_after_an_upgrade_reads_the_old_version_again_by_itself(lexwatch_cli, workspace, tmp_path):
    # No check in between to read the old version again: the amended law added by hand, then diffed.
    # The old reading's Art. 1 against this one's was told changed, a change no law made.
    _told_by_the_old_version(lexwatch_cli, workspace)
    amended = tmp_path / "zakon_251-z_izm.txt"
    amended.write_text(LAW.replace("через десять дней", "через три месяца"), encoding="utf-8")
    added = lexwatch_cli("add", str(amended), "--json", cwd=workspace)
    assert added.code == 0, added
    with Workspace.find(workspace).open_store() as store:
        old, new = (info.id for info in store.list())
    shown = lexwatch_cli("diff", old[:12], new[:12], "--format", "json", cwd=workspace)
    assert shown.code == 1, shown
    assert [(a["status"], a["new_number"]) for a in shown.json()["articles"]] == [("changed", "2")]


def test_history_and_show_after_an_upgrade_read_the_old_version_as_this_lexwatch_does(lexwatch_cli, workspace):
    old, _ = _changed_after_the_upgrade(lexwatch_cli, workspace)
    # Art. 1 never changed: no entry (it had one, "changed", for the two readings)
    unchanged = lexwatch_cli("history", "1", "--act", "H12300251", "--json", cwd=workspace)
    assert unchanged.code == 0, unchanged
    assert unchanged.json() == []
    shown = lexwatch_cli("drafts", "show", old[:12], "--article", "1", "--json", cwd=workspace).json()
    assert shown["title"] == ""
    assert shown["text"].startswith("Внести в Закон Республики Беларусь от 4 января 2007 г.")


def test_an_old_version_is_read_again_once_and_stored_as_read(lexwatch_cli, workspace):
    old, _ = _changed_after_the_upgrade(lexwatch_cli, workspace)
    ws = Workspace.find(workspace)
    db = sqlite3.connect(ws.db_path)
    [(title, parser)] = db.execute("SELECT a.title, v.parser FROM articles a JOIN versions v ON v.id = a.version_id"
                                   " WHERE v.id = ? AND a.seq = 1", (old,)).fetchall()
    db.close()
    assert (title, parser) == ("", PARSER)  # rewritten as this lexwatch reads it, and marked so
    with ws.open_store() as store:
        raw = ws.root / store.list()[0].raw_path
        text = (ws.root / store.list()[0].text_path).read_text(encoding="utf-8")
        assert "Статья 1.\nВнести в Закон" in text  # the stored text file says what the rows say
        raw.unlink()  # read once: nothing is read from the raw file again
        assert store.document(old).articles[0].title == ""


def test_search_after_an_upgrade_finds_what_the_old_reading_lost(lexwatch_cli, workspace):
    # An older reading that lost an article (a heading it did not know): searched, it was no hit
    law = folder_inbox(workspace) / "zakon_251-z.txt"
    law.write_text(LAW, encoding="utf-8")
    assert lexwatch_cli("check", cwd=workspace).code == 1
    db = sqlite3.connect(Workspace.find(workspace).db_path, isolation_level=None)
    with db:
        db.execute("DELETE FROM articles WHERE number = '2'")
        db.execute("DELETE FROM articles_fts WHERE number = '2'")
        db.execute("UPDATE versions SET parser = 0, article_count = 1")
    db.close()
    found = lexwatch_cli("drafts", "search", "официального опубликования", "--json", cwd=workspace)
    assert found.code == 0, found
    assert [hit["number"] for hit in found.json()] == ["2"]


def test_a_read_only_copy_made_before_the_parser_column_is_read_as_this_lexwatch_reads_it(
        lexwatch_cli, workspace, monkeypatch):
    # A backup on a read-only mount, of a workspace an older lexwatch filled: diffed, it is read again
    # in memory (nothing can be written beside it), not as the old reading stored it
    import os

    old, _ = _changed_after_the_upgrade(lexwatch_cli, workspace)
    ws = Workspace.find(workspace)
    db = sqlite3.connect(ws.db_path, isolation_level=None)
    db.execute("ALTER TABLE versions DROP COLUMN parser")
    db.execute("DELETE FROM schema_migrations WHERE name = '0006_parser'")
    db.execute("UPDATE articles SET title = 'Внести в Закон', text = '' WHERE version_id = ? AND seq = 1", (old,))
    db.close()
    real_access = os.access
    monkeypatch.setattr(versions.os, "access", lambda path, mode: False if mode == os.W_OK else real_access(path, mode))
    files = sorted(p.name for p in ws.root.rglob("*"))
    with VersionStore(ws.db_path, ws.drafts_dir) as store:
        assert store.read_only
        first = store.document(old).articles[0]
        assert (first.title, first.text[:14]) == ("", "Внести в Закон")
    assert sorted(p.name for p in ws.root.rglob("*")) == files


def test_a_disk_too_full_for_the_text_file_still_reads_the_old_version_as_this_lexwatch_does(
        lexwatch_cli, workspace, monkeypatch):
    # Room to open the store, none for a file: diff, history and drafts show stopped with "disk full
    # while writing drafts/…" where they only read. Read again in memory this time, stored next time.
    import errno
    import os

    old, _ = _changed_after_the_upgrade(lexwatch_cli, workspace)
    _as_the_old_lexwatch_stored_it(workspace, only=old)
    ws = Workspace.find(workspace)

    def no_space(fd: int) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    with ws.open_store() as store:
        assert not store.read_only
        monkeypatch.setattr(os, "fsync", no_space)
        first = store.document(old).articles[0]
        monkeypatch.undo()
    assert (first.title, first.text[:14]) == ("", "Внести в Закон")
    db = sqlite3.connect(ws.db_path)
    [(title, parser)] = db.execute("SELECT a.title, v.parser FROM articles a JOIN versions v ON v.id = a.version_id"
                                   " WHERE v.id = ? AND a.seq = 1", (old,)).fetchall()
    db.close()
    assert parser == 0 and title.startswith("Внести в Закон")  # nothing half-stored: read again next time


def test_an_old_version_read_inside_the_transaction_storing_a_new_one_leaves_that_transaction_alone(workspace):
    # A hook run as a version is stored (`on_insert`, where check's pending alert is written) that reads
    # the version before it: reading it again began a transaction of its own, which failed inside the
    # caller's, and rolled that back: the new version was not stored ("cannot commit - no transaction").
    ws = Workspace.find(workspace)
    with ws.open_store() as store:
        old = store.add(LAW.encode(), source="zakon_251-z.txt", filename="zakon_251-z.txt").version
    _as_the_old_lexwatch_stored_it(workspace)
    read: list[str] = []

    def hook(db: sqlite3.Connection, info: versions.VersionInfo) -> None:
        read.append(store.document(old.id).articles[0].title)

    amended = LAW.replace("через десять дней", "через три месяца")
    with ws.open_store() as store:
        new = store.add(amended.encode(), source="zakon_251-z.txt", filename="zakon_251-z.txt", on_insert=hook)
        assert new.created and [v.id for v in store.list()] == [old.id, new.version.id]
    assert read == [""]  # as this lexwatch reads it (in memory: the old rows are rewritten another time)


def test_a_version_a_newer_lexwatch_reads_again_meanwhile_keeps_the_text_file_it_wrote(workspace, monkeypatch):
    # Two installs on one workspace (cron's and the user's shell's): while this one reads the old
    # version again (a PDF of the Code: seconds), a newer one reads it too and stores its own reading.
    # This one wrote its text file over the newer one's, then found the rows read already: the file
    # said one reading, the rows another.
    ws = Workspace.find(workspace)
    with ws.open_store() as store:
        old = store.add(LAW.encode(), source="zakon_251-z.txt", filename="zakon_251-z.txt").version
    newer = (ws.root / old.text_path).read_text(encoding="utf-8").replace(  # the signature set aside
        "\nПрезидент Республики Беларусь А.Лукашенко", "")
    _as_the_old_lexwatch_stored_it(workspace)
    real = VersionStore._read_raw

    def read_meanwhile(self: VersionStore, info: versions.VersionInfo) -> versions.Document | None:
        doc = real(self, info)
        db = sqlite3.connect(ws.db_path, isolation_level=None)
        with db:
            db.execute("UPDATE versions SET parser = ? WHERE id = ?", (PARSER + 1, info.id))
        db.close()
        (ws.root / info.text_path).write_text(newer, encoding="utf-8")
        return doc

    monkeypatch.setattr(VersionStore, "_read_raw", read_meanwhile)
    with ws.open_store() as store:
        store.document(old.id)
    assert (ws.root / old.text_path).read_text(encoding="utf-8") == newer


def test_an_old_version_whose_row_names_its_raw_file_for_its_text_keeps_the_raw_bytes(workspace):
    # A row edited by hand or by another tool ("text_path" set to the raw .txt): read again, its text
    # was written over the raw bytes, whose sha256 is the version's id
    ws = Workspace.find(workspace)
    with ws.open_store() as store:
        old = store.add(LAW.encode(), source="zakon_251-z.txt", filename="zakon_251-z.txt").version
    _as_the_old_lexwatch_stored_it(workspace)
    db = sqlite3.connect(ws.db_path, isolation_level=None)
    db.execute("UPDATE versions SET text_path = raw_path")
    db.close()
    with ws.open_store() as store:
        assert store.document(old.id).articles[0].title == ""
    assert hashlib.sha256((ws.root / old.raw_path).read_bytes()).hexdigest() == old.id


def test_a_search_narrowed_to_an_act_reads_again_only_that_acts_old_versions(workspace):
    # The first search after an upgrade reads every old version again (a PDF of the Code: 2.6 s each,
    # said nowhere); one narrowed to an act read those of every other act too, for no hit of theirs
    ws = Workspace.find(workspace)
    with ws.open_store() as store:
        law = store.add(LAW.encode(), source="zakon_251-z.txt", filename="zakon_251-z.txt").version
        draft = store.add(DRAFT.encode(), source="proekt.txt", filename="proekt.txt").version
    assert law.act == "H12300251" and draft.act != law.act
    _as_the_old_lexwatch_stored_it(workspace)
    with ws.open_store() as store:
        assert [h.number.canonical for h in store.search("официального опубликования", act=law.act)] == ["2"]
    db = sqlite3.connect(ws.db_path)
    assert dict(db.execute("SELECT id, parser FROM versions").fetchall()) == {law.id: PARSER, draft.id: 0}
    db.close()


def test_the_first_search_after_an_upgrade_says_it_reads_the_old_versions_again_and_the_next_does_not(
        lexwatch_cli, workspace):
    _changed_after_the_upgrade(lexwatch_cli, workspace)
    db = sqlite3.connect(Workspace.find(workspace).db_path, isolation_level=None)
    db.execute("UPDATE versions SET parser = 0")  # both stored by an older lexwatch
    db.close()
    first = lexwatch_cli("drafts", "search", "официального опубликования", cwd=workspace)
    assert first.code == 0 and "reading 2 stored versions again" in first.err, first
    again = lexwatch_cli("drafts", "search", "официального опубликования", cwd=workspace)
    assert again.code == 0 and again.err == "" and again.out == first.out, again
