"""The version store keeps every version once, finds it by prefix or date, and loses nothing."""

from __future__ import annotations

import errno
import hashlib
import sys
from datetime import date

import pytest
from builders import ART_130_2, criminal_code

from lexwatch.errors import AmbiguousVersionError, DiskFullError, StoreError, VersionNotFoundError
from lexwatch.ids import ArticleNumber
from lexwatch.store.versions import VersionStore
from lexwatch.text.model import Article, Document

ART_59 = Article(
    ArticleNumber(59), "Смертная казнь",
    "1. Смертная казнь – расстрел – до ее отмены может устанавливаться в качестве исключительной меры "
    "наказания за особо тяжкие преступления, сопряженные с умышленным лишением жизни человека при "
    "отягчающих обстоятельствах.\n2. Смертная казнь не назначается: лицам, совершившим преступления в "
    "возрасте до восемнадцати лет; женщинам; мужчинам, достигшим ко дню постановления приговора "
    "шестидесятипятилетнего возраста.",
    chapter="ГЛАВА 9. Наказание и его виды")
def test_same_bytes_twice_is_a_no_op(store):
    first = store.add(b"edition one", source="a.txt", filename="a.txt", document=criminal_code(ART_59))
    again = store.add(b"edition one", source="b.txt", filename="b.txt", document=criminal_code(ART_59))
    assert first.created and not again.created and again.reason == "same bytes"
    assert [v.id for v in store.list()] == [first.version.id]


def test_an_undated_version_is_dated_by_a_later_add_and_a_date_is_never_rewritten(store):
    undated = store.add(b"edition one", source="a.txt", filename="a.txt", document=criminal_code(ART_59)).version
    assert undated.edition_date is None
    dated = store.add(b"edition one", source="a.txt", filename="a.txt", edition_date=date(2022, 9, 26),
                      document=criminal_code(ART_59))
    assert not dated.created and dated.reason == "dated" and dated.version.label == "HK9900275@2022-09-26"
    assert store.resolve("HK9900275@2022-09-26").id == undated.id
    other = store.add(b"edition one", source="portal", filename="a.txt", edition_date=date(2023, 1, 1),
                      document=criminal_code(ART_59))
    assert other.reason == "same bytes" and other.version.edition_date == date(2022, 9, 26)
    assert [v.edition_date for v in store.list()] == [date(2022, 9, 26)]


def test_files_are_content_addressed_and_readable(store, workspace):
    result = store.add(b"raw portal bytes", source="x.html", filename="x.html",
                       document=criminal_code(ART_59, ART_130_2))
    info = result.version
    assert (workspace / info.raw_path).read_bytes() == b"raw portal bytes"
    assert info.raw_path.startswith("drafts/HK9900275/")
    text = (workspace / info.text_path).read_text(encoding="utf-8")
    assert "Статья 130². Отрицание геноцида белорусского народа" in text


def test_document_round_trips_through_the_database(store):
    info = store.add(b"v1", source="s", filename="s.txt", document=criminal_code(ART_59, ART_130_2)).version
    doc = store.document(info.id)
    assert [a.number.canonical for a in doc.articles] == ["59", "130-2"]
    assert doc.article("130²") is not None
    assert doc.article("130²").text == ART_130_2.text
    assert doc.articles[0].chapter == "ГЛАВА 9. Наказание и его виды"


def test_resolve_by_prefix_and_by_edition_date(store):
    a = store.add(b"2020", source="s", filename="a.txt", edition_date=date(2020, 9, 1),
                  document=criminal_code(ART_59)).version
    b = store.add(b"2022", source="s", filename="b.txt", edition_date=date(2022, 9, 1),
                  document=criminal_code(ART_59, ART_130_2)).version
    assert store.resolve(a.id[:8]).id == a.id
    assert store.resolve("HK9900275@2022-09-01").id == b.id
    assert [v.id for v in store.list("HK9900275")] == [a.id, b.id]
    with pytest.raises(VersionNotFoundError):
        store.resolve("HK9900275@2021-01-01")
    with pytest.raises(VersionNotFoundError):
        store.resolve("ffffffff")


def test_a_prefix_matching_several_versions_is_refused(store):
    # Two contents whose sha256 share their first 4 hex digits (found by search, as git users meet them).
    seen: dict[str, bytes] = {}
    for i in range(100_000):
        data = f"редакция {i}".encode()
        prefix = hashlib.sha256(data).hexdigest()[:4]
        if prefix in seen:
            pair = (seen[prefix], data)
            break
        seen[prefix] = data
    for data in pair:
        store.add(data, source="s", filename="x.txt", document=criminal_code(ART_59))
    with pytest.raises(AmbiguousVersionError, match=r"matches 2 versions.*give more digits"):
        store.resolve(prefix)


def test_an_edition_date_stored_twice_is_refused_with_a_reference_that_names_one(store):
    # A page and a file of one edition date: "give more digits" made no sense for "HK9900275@2022-05-13".
    day = date(2022, 5, 13)
    first = store.add(b"edition 2022 from the portal", source="https://pravo.by/a", filename="a.html",
                      edition_date=day, document=criminal_code(ART_59)).version
    store.add(b"edition 2022 saved by hand", source="inbox/uk.txt", filename="uk.txt", edition_date=day,
              document=criminal_code(ART_59, ART_130_2))
    with pytest.raises(AmbiguousVersionError) as refused:
        store.resolve(f"{first.act}@2022-05-13")
    said = str(refused.value)
    assert "names 2 stored versions" in said and "give more digits" not in said
    suggested = said.rsplit("e.g. ", 1)[1]
    assert store.resolve(suggested).act == first.act


def test_unchanged_text_from_the_same_source_is_not_stored_again(store):
    url = "https://pravo.by/document/?guid=3871&p0=HK9900275"
    first = store.add(b"<html>counter 1</html>", source=url, filename="p.html", document=criminal_code(ART_59),
                      skip_if_text_unchanged=True)
    second = store.add(b"<html>counter 2</html>", source=url, filename="p.html", document=criminal_code(ART_59),
                       skip_if_text_unchanged=True)
    third = store.add(b"<html>counter 3</html>", source=url, filename="p.html",
                      document=criminal_code(ART_59, ART_130_2), skip_if_text_unchanged=True)
    assert first.created and not second.created and second.reason == "same text"
    assert third.created
    assert len(store.list()) == 2


def test_the_same_text_of_an_act_from_another_address_or_served_again_is_not_stored_again(store):
    from datetime import date

    edition = date(2022, 9, 26)

    def fetched(url: str, body: bytes, *articles: object, when: date | None = edition):
        return store.add(body, source=url, filename="p.html", act="HK9900275", edition_date=when,
                         document=criminal_code(*articles), skip_if_text_unchanged=True)

    first = fetched("https://pravo.by/document/?guid=3871&p0=HK9900275", b"<html>1</html>", ART_59)
    # base_url changed to www.: the same edition's text is no news
    moved = fetched("https://www.pravo.by/document/?guid=3871&p0=HK9900275", b"<html>2</html>", ART_59)
    assert first.created and not moved.created and moved.reason == "same text"
    # a new edition, then the old edition's text served again in other bytes under its old date
    newer = fetched("https://pravo.by/document/?guid=3871&p0=HK9900275", b"<html>3</html>", ART_59, ART_130_2,
                    when=date(2023, 1, 1))
    again = fetched("https://www.pravo.by/document/?guid=3871&p0=HK9900275", b"<html>4</html>", ART_59)
    assert newer.created and not again.created and again.version.id == first.version.id
    assert len(store.list()) == 2
    assert store.resolve("HK9900275@2022-09-26").id == first.version.id  # the date still names one version


def test_search_matches_every_inflection(store):
    store.add(b"v", source="s", filename="s.txt", document=criminal_code(ART_59, ART_130_2))
    hits = store.search("смертная казнь")
    assert [h.number.canonical for h in hits] == ["59"]
    assert [h.number.canonical for h in store.search("геноцид")] == ["130-2"]
    assert [h.number.canonical for h in store.search("отрицанием геноцида")] == ["130-2"]
    assert store.search("казна") == []


def test_a_full_disk_stores_nothing(store, monkeypatch):
    import lexwatch.store.versions as versions

    def full(path, data):
        raise DiskFullError(f"disk full while writing {path}; nothing was half-stored")

    monkeypatch.setattr(versions, "atomic_write", full)
    with pytest.raises(DiskFullError):
        store.add(b"big", source="s", filename="s.txt", document=criminal_code(ART_59))
    assert store.list() == []


def test_atomic_write_turns_enospc_into_disk_full(tmp_path, monkeypatch):
    import os

    from lexwatch.fsutil import atomic_write

    def no_space(fd):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "fsync", no_space)
    with pytest.raises(DiskFullError):
        atomic_write(tmp_path / "a.txt", b"x")
    assert list(tmp_path.iterdir()) == []


def test_an_interrupted_insert_leaves_no_row(store, monkeypatch):
    calls = {"n": 0}
    real = store.db

    class Exploding:
        in_transaction = property(lambda self: real.in_transaction)

        def execute(self, sql, *args):
            return real.execute(sql, *args)

        def executemany(self, sql, rows):
            calls["n"] += 1
            if calls["n"] == 2:
                raise KeyboardInterrupt
            return real.executemany(sql, rows)

    store.db = Exploding()
    with pytest.raises(KeyboardInterrupt):
        store.add(b"v", source="s", filename="s.txt", document=criminal_code(ART_59))
    store.db = real
    assert store.list() == []
    assert real.execute("SELECT count(*) FROM articles").fetchone()[0] == 0


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX permissions")
def test_atomic_write_gives_the_permissions_a_plain_write_would(tmp_path):
    # A redline written with --output is shared with colleagues: not mkstemp's owner-only 0600.
    import os

    from lexwatch.fsutil import atomic_write

    old_umask = os.umask(0o022)
    try:
        atomic_write(tmp_path / "redline.html", b"<html></html>")
        assert (tmp_path / "redline.html").stat().st_mode & 0o777 == 0o644
        kept = tmp_path / "table.docx"
        kept.write_bytes(b"old")
        kept.chmod(0o640)  # a file replaced keeps the permissions it had
        atomic_write(kept, b"new")
        assert kept.read_bytes() == b"new"
        assert kept.stat().st_mode & 0o777 == 0o640
    finally:
        os.umask(old_umask)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["redline.html", "table.docx"]


def test_history_with_one_stored_version_is_empty_for_its_articles_and_refuses_others(store):
    from lexwatch.diff.history import article_history
    from lexwatch.errors import UsageError

    store.add(b"v1", source="s", filename="s.txt", edition_date=date(2020, 9, 7), document=criminal_code(ART_59, ART_130_2))
    assert article_history(store, "HK9900275", ArticleNumber.parse("130²")) == []
    with pytest.raises(UsageError, match="no article 131 in the one stored version of HK9900275"):
        article_history(store, "HK9900275", ArticleNumber.parse("131"))


def test_history_follows_an_article_that_arrives_under_a_new_number(store):
    from dataclasses import replace

    from lexwatch.diff.history import article_history

    moved = replace(ART_130_2, number=ArticleNumber(130, 3))
    changed = replace(moved, text=moved.text.replace("до пяти лет.", "до семи лет."))
    for data, when, articles in ((b"v1", date(2021, 1, 5), (ART_59, ART_130_2)),
                                 (b"v2", date(2022, 9, 26), (ART_59, moved)),
                                 (b"v3", date(2023, 3, 1), (ART_59, changed))):
        store.add(data, source="s", filename="s.txt", edition_date=when, document=criminal_code(*articles))
    entries = article_history(store, "HK9900275", ArticleNumber(130, 3))
    assert [(e.version.edition_date, e.summary) for e in entries] == [
        (date(2022, 9, 26), "renumbered from 130²"), (date(2023, 3, 1), "changed: +1 −1 words")]
    assert [op for op in entries[1].diff.articles[0].ops if op[0] != "equal"] == [("delete", "пяти"),
                                                                                   ("insert", "семи")]
    assert article_history(store, "HK9900275", ArticleNumber(59)) == []
    # Told from the old number: where it went (and nothing after, as 130² is gone).
    away = article_history(store, "HK9900275", ArticleNumber(130, 2))
    assert [(e.version.edition_date, e.summary) for e in away] == [(date(2022, 9, 26), "renumbered to 130³")]


def test_a_workspace_on_a_read_only_mount_can_still_be_read(tmp_path, monkeypatch):
    import os

    from lexwatch.errors import StoreError
    from lexwatch.store import versions

    db, drafts = tmp_path / "state.db", tmp_path / "drafts"
    with VersionStore(db, drafts) as writable:
        stored = writable.add(b"v", source="s", filename="s.txt", act="HK9900275", document=criminal_code(ART_59)).version
    real_access = os.access
    monkeypatch.setattr(versions.os, "access",
                        lambda path, mode: False if mode == os.W_OK else real_access(path, mode))
    before = sorted(p.name for p in tmp_path.iterdir())
    with VersionStore(db, drafts) as read_only:
        assert read_only.read_only
        assert [v.id for v in read_only.list()] == [stored.id]
        assert read_only.document(stored.id).articles[0].number == ART_59.number
        with pytest.raises(StoreError, match="readonly"):
            read_only.add(b"w", source="s2", filename="s.txt", document=criminal_code(ART_59, ART_130_2))
    assert sorted(p.name for p in tmp_path.iterdir()) == before  # no -wal or -shm file written


def test_a_search_snippet_is_one_line_even_across_parts(store):
    parts = Article(ArticleNumber(59), "Смертная казнь",
                    "1. Смертная казнь – расстрел.\n2. Смертная казнь не может быть назначена женщинам.")
    store.add(b"parts", source="s", filename="s.txt", document=criminal_code(parts))
    [hit] = store.search("казнь")
    assert "\n" not in hit.snippet and "[казнь]" in hit.snippet.lower()


def test_a_read_only_copy_made_before_the_fetch_alerts_table_can_still_be_read(tmp_path, monkeypatch):
    import os
    import sqlite3

    from lexwatch.store import versions

    db, drafts = tmp_path / "state.db", tmp_path / "drafts"
    with VersionStore(db, drafts) as writable:
        stored = writable.add(b"v", source="s", filename="s.txt", act="HK9900275", document=criminal_code(ART_59)).version
    old = sqlite3.connect(db)  # as a lexwatch of before 0003_fetch_alerts left it
    old.execute("DROP TABLE fetch_alerts")
    old.execute("DROP INDEX fetch_log_by_url")
    old.execute("DROP TABLE fetch_pending")
    old.execute("DELETE FROM schema_migrations WHERE name IN ('0003_fetch_alerts', '0004_fetch_log_by_url',"
                " '0005_fetch_pending')")
    old.commit()
    old.close()
    real_access = os.access
    monkeypatch.setattr(versions.os, "access",
                        lambda path, mode: False if mode == os.W_OK else real_access(path, mode))
    with VersionStore(db, drafts) as read_only:
        assert [v.id for v in read_only.list()] == [stored.id]
        assert [h.number for h in read_only.search("смертная казнь")] == [ART_59.number]
        # `sources list` on it: nothing remembered for the next runs, not "no such table"
        from lexwatch.store.fetchstate import FetchState

        assert FetchState(read_only.db).pending_counts("pravo_by") == (0, 0)


def test_an_act_folder_linked_out_of_the_workspace_is_not_written_through(store, tmp_path):
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (store.drafts_dir / "HK9900275").symlink_to(elsewhere, target_is_directory=True)
    with pytest.raises(StoreError, match="outside"):
        store.add(b"edition 2022", source="uk.txt", filename="uk.txt", document=criminal_code(ART_59))
    assert list(elsewhere.iterdir()) == [] and store.list() == []


def test_a_disk_too_full_to_open_the_store_for_writing_still_lets_it_be_read(workspace, monkeypatch):
    # A disk with a few KB left: SQLite cannot make its WAL files, and the store would not open at
    # all, so `drafts list` failed too. What was stored must stay readable; a write says why.
    import lexwatch.store.versions as versions
    from lexwatch.workspace import Workspace

    ws = Workspace.find(workspace)
    with ws.open_store() as store:
        stored = store.add(b"edition 2022", source="uk.html", filename="uk.html", edition_date=date(2022, 5, 13),
                           document=criminal_code(ART_59, ART_130_2)).version

    def full(_db: object) -> None:
        import sqlite3

        raise sqlite3.OperationalError("disk I/O error")

    monkeypatch.setattr(versions, "migrate", full)
    with ws.open_store() as store:
        assert store.read_only and "disk I/O error" in store.unwritable
        assert [v.id for v in store.list("HK9900275")] == [stored.id]
        assert store.resolve("HK9900275@2022-05-13").articles == 2
        with pytest.raises(StoreError):
            store.add(b"edition 2023", source="uk.html", filename="uk.html", document=criminal_code(ART_59))


def test_the_label_of_an_undated_version_names_it_by_act_and_prefix(store):
    # Two undated texts of two acts whose sha256 share their first 4 hex digits: the label lexwatch
    # prints for each ("HK9900275:1a2b", "H12200165:1a2b") names that one, never the other act's.
    seen: dict[str, bytes] = {}
    for i in range(100_000):
        data = f"текст закона {i}".encode()
        prefix = hashlib.sha256(data).hexdigest()[:4]
        if prefix in seen:
            code_bytes, law_bytes = seen[prefix], data
            break
        seen[prefix] = data
    code = store.add(code_bytes, source="uk.txt", filename="uk.txt", document=criminal_code(ART_59)).version
    law = store.add(law_bytes, source="165-З.txt", filename="165-З.txt", act="H12200165",
                    document=criminal_code(ART_130_2)).version
    assert code.label == f"HK9900275:{code.short_id}" and law.label == f"H12200165:{law.short_id}"
    assert store.resolve(f"HK9900275:{prefix}").id == code.id
    assert store.resolve(f"H12200165:{prefix}").id == law.id
    with pytest.raises(VersionNotFoundError):
        store.resolve(f"H12200165:{code.id[:12]}")


def test_a_search_narrowed_to_an_act_finds_only_that_acts_articles(store):
    # the code and the 2022 amending law both speak of the death penalty
    store.add(b"code", source="uk.txt", filename="uk.txt", document=criminal_code(ART_59))
    law = Article(ArticleNumber(1), "Изменение Уголовного кодекса",
                  "Статью 59 изложить в новой редакции: смертная казнь применяется и за покушение на акт терроризма.")
    store.add(b"law", source="165-З.txt", filename="165-З.txt", act="H12200165", document=criminal_code(law))
    assert sorted(h.version.act for h in store.search("смертная казнь")) == ["H12200165", "HK9900275"]
    assert [(h.version.act, h.number.canonical) for h in store.search("смертная казнь", act="H12200165")] == [
        ("H12200165", "1")]


@pytest.mark.parametrize("why", ["a disk too full to write", "a read-only mount"])
def test_what_a_crashed_run_left_in_the_wal_is_read_when_the_store_cannot_be_written(tmp_path, monkeypatch, why):
    # A run killed (or out of disk) after storing a version leaves its transaction in the WAL, not
    # yet copied into the database file. Opened immutable, the store ignored the WAL: `drafts list`
    # showed the state before that run, as if its version had never been stored.
    import os
    import sqlite3
    import subprocess
    import textwrap

    from lexwatch.store import versions

    db, drafts = tmp_path / "state.db", tmp_path / "drafts"
    with VersionStore(db, drafts) as store:
        first = store.add(b"edition 2020", source="s", filename="s.txt", edition_date=date(2020, 9, 1),
                          document=criminal_code(ART_59)).version
    crash = textwrap.dedent(f"""
        import os
        from datetime import date
        from pathlib import Path
        from lexwatch.ids import ArticleNumber
        from lexwatch.store.versions import VersionStore
        from lexwatch.text.model import Article, Document
        store = VersionStore(Path({str(db)!r}), Path({str(drafts)!r}))
        code = Document("Уголовный кодекс Республики Беларусь", [Article(ArticleNumber(59), "Смертная казнь",
                        "1. Смертная казнь – расстрел – до ее отмены может устанавливаться.")])
        print(store.add(b"edition 2022", source="s", filename="s.txt", act="HK9900275",
                        edition_date=date(2022, 9, 26), document=code).version.id, flush=True)
        os._exit(0)  # killed: no close, no checkpoint
    """)
    run = subprocess.run([sys.executable, "-c", crash], capture_output=True, text=True, check=True)
    second = run.stdout.strip()
    assert (tmp_path / "state.db-wal").stat().st_size > 0
    if why == "a read-only mount":
        real_access = os.access
        monkeypatch.setattr(versions.os, "access",
                            lambda path, mode: False if mode == os.W_OK else real_access(path, mode))
    else:
        def full(_db: object) -> None:
            raise sqlite3.OperationalError("database or disk is full")

        monkeypatch.setattr(versions, "migrate", full)
    # On a full disk the writable connection's close cannot fold the WAL into the database; here
    # the disk has room, and a reader holding the store open keeps that close from doing so.
    reader = sqlite3.connect(db)
    reader.execute("BEGIN")
    reader.execute("SELECT count(*) FROM sqlite_master").fetchone()
    before = sorted(p.name for p in tmp_path.iterdir())
    with VersionStore(db, drafts) as store:
        assert store.read_only
        assert sorted(v.id for v in store.list()) == sorted([first.id, second])
        assert store.resolve("HK9900275@2022-09-26").id == second
    assert sorted(p.name for p in tmp_path.iterdir()) == before
    reader.close()


# -- search: what a commentator types ---------------------------------------------------------------

# Art. 67 as Law No. 165-З would have it read, written with "ё" as some official texts are.
ART_67 = Article(
    ArticleNumber(67), "Назначение наказания за неоконченное преступление",
    "4. Смертная казнь за покушение на преступление может быть назначена лицу, совершившему покушение "
    "при отягчённых обстоятельствах, предусмотренных частью 2 статьи 124 настоящего Кодекса.")
# Art. 58 and Art. 69¹ of the 2022 edition: the penalty is "пожизненное лишение свободы" there, and
# "заключение" is another word of 69¹ (an agreement "заключено").
ART_58_2022 = Article(
    ArticleNumber(58), "Пожизненное лишение свободы",
    "1. В качестве исключительной меры наказания как альтернатива смертной казни допускается применение "
    "пожизненного лишения свободы.")
ART_69_1_2022 = Article(
    ArticleNumber(69, 1), "Назначение наказания в случае заключения досудебного соглашения о сотрудничестве",
    "3. Положения части 1 настоящей статьи не применяются, если соответствующей статьей Особенной части "
    "настоящего Кодекса предусмотрены пожизненное лишение свободы или смертная казнь.")
ART_58_2020 = Article(
    ArticleNumber(58), "Пожизненное заключение",
    "1. В качестве исключительной меры наказания как альтернатива смертной казни допускается применение "
    "пожизненного заключения.\n3. Пожизненное заключение не может быть назначено женщинам.")


def test_a_snippet_and_title_quote_the_text_as_written_with_its_yo(store):
    # The index folds "ё" to "е"; its snippets quoted that folded text: "при [отягченных]" for a law
    # that reads "отягчённых", a misquote a commentator would copy.
    yo_title = Article(ArticleNumber(1), "Изменения, внесённые в Уголовный кодекс", "Статью 59 исключить.")
    store.add(b"law", source="165-З.txt", filename="165-З.txt", act="H12200165", document=criminal_code(ART_67, yo_title))
    for query in ("отягченных", "отягчённых", "ОТЯГЧЁННЫЕ"):
        [hit] = store.search(query)
        assert "при [отягчённых] обстоятельствах" in hit.snippet, hit.snippet
    [titled] = store.search("внесенные изменения")
    assert titled.title == "Изменения, внесённые в Уголовный кодекс"


def test_latin_look_alike_letters_in_a_cyrillic_word_are_read_as_cyrillic(store):
    # "cмертная" copied with a Latin "c" (U+0063), "Рэспублiкi" with Latin "i": found nothing before.
    by = Article(ArticleNumber(1), "Асноўныя паняцці",
                 "Генацыд беларускага народа – дзеянні, учыненыя ў мэтах знішчэння беларускага народа Рэспублікі.")
    store.add(b"code", source="uk.txt", filename="uk.txt", document=criminal_code(ART_59))
    store.add(b"by", source="by.txt", filename="by.txt", act="H12200146", document=criminal_code(by))
    assert [h.number for h in store.search("cмертная кaзнь")] == [ART_59.number]  # "c" and "a" Latin
    assert [h.version.act for h in store.search("Рэспублiкi")] == ["H12200146"]
    assert [h.version.act for h in store.search("ў мэтах")] == ["H12200146"]     # Belarusian letters as such
    assert store.search("SMS") == []  # a Latin word stays Latin


def test_words_in_quotes_are_a_phrase_and_loose_words_are_found_anywhere(store):
    # The 2022 edition renamed "пожизненное заключение"; its Art. 69¹ still holds both words apart
    # ("пожизненное лишение свободы", "заключения досудебного соглашения"), so a search for the term
    # listed it as if the old penalty were still there.
    store.add(b"2020", source="uk2020.txt", filename="uk.txt", edition_date=date(2020, 9, 7),
              document=criminal_code(ART_58_2020))
    store.add(b"2022", source="uk2022.txt", filename="uk.txt", edition_date=date(2022, 9, 26),
              document=criminal_code(ART_58_2022, ART_69_1_2022))
    loose = store.search("пожизненное заключение")
    assert sorted((h.version.edition_date.year, h.number.canonical) for h in loose) == [(2020, "58"), (2022, "69-1")]
    for query in ('"пожизненное заключение"', "«пожизненного заключения»", '"пожизненное заключение'):
        [phrase] = store.search(query)
        assert (phrase.version.edition_date.year, phrase.number.canonical) == (2020, "58"), query
        assert "[пожизненного заключения]" in phrase.snippet and "[Пожизненное заключение]" in phrase.snippet
    assert store.search('"заключение пожизненное"') == []  # in that order
    [renamed] = store.search('"пожизненное лишение свободы" досудебного')
    assert renamed.number == ArticleNumber(69, 1)


def test_an_article_about_the_subject_comes_before_those_that_name_or_cite_it(store):
    # FTS5's rank put "Коммерческий шпионаж" and an article citing espionage before Art. 358 itself,
    # whose text never repeats its title's word.
    spying = Article(ArticleNumber(358), "Шпионаж",
                     "Передача, а равно собирание, похищение или хранение в целях передачи иностранному "
                     "государству сведений, составляющих государственные секреты Республики Беларусь, умышленно "
                     "совершенные иностранным гражданином или лицом без гражданства, –\nнаказываются лишением "
                     "свободы на срок от семи до пятнадцати лет.")
    commercial = Article(ArticleNumber(254), "Коммерческий шпионаж",
                         "1. Похищение либо собирание незаконным способом сведений, составляющих коммерческую или "
                         "банковскую тайну (коммерческий шпионаж), –\nнаказываются штрафом.\n2. Коммерческий "
                         "шпионаж, повлекший причинение ущерба в особо крупном размере, –\nнаказывается штрафом.")
    citing = Article(ArticleNumber(373), "Умышленное разглашение государственной тайны",
                     "1. Умышленное разглашение сведений, составляющих государственную тайну, при отсутствии "
                     "признаков измены государству или шпионажа –\nнаказывается штрафом.")
    store.add(b"code", source="uk.txt", filename="uk.txt", document=criminal_code(commercial, citing, spying))
    assert [h.number.base for h in store.search("шпионаж")] == [358, 254, 373]
    assert [h.number.base for h in store.search("шпионажа", limit=2)] == [358, 254]


def test_an_article_number_is_searched_in_every_way_texts_write_it(store):
    # "290/1" was "nothing to search for"; "130²" found only that spelling, and "124," nothing.
    cites = [Article(ArticleNumber(n), "Акт терроризма", f"{n}. Деяния, предусмотренные статьями 124, {form} "
                     "настоящего Кодекса, –\nнаказываются лишением свободы.")
             for n, form in ((1, "290/1"), (2, "2901"), (3, "290¹"), (4, "290-1"))]
    other = Article(ArticleNumber(5), "Угроза", "Угроза, предусмотренная статьей 290. 1. Деяние наказывается.")
    store.add(b"code", source="uk.txt", filename="uk.txt", document=criminal_code(*cites, other))
    for query in ("290/1", "290¹", "290-1", "статьями 290.1"):
        assert sorted(h.number.base for h in store.search(query)) == [1, 2, 3, 4], query
    snippets = {h.number.base: h.snippet for h in store.search("290/1")}
    assert "статьями 124, [290/1] настоящего" in snippets[1] and "статьями 124, [2901] настоящего" in snippets[2]
    assert len(store.search("статьями 124,")) == 4
    assert {h.number.base for h in store.search("290")} & {1, 2, 3, 5} == {5}  # 290 is not 290¹


@pytest.mark.parametrize("query", ["130²", "130-2", "ст. 130²", "Статья 130²", "130.2"])
def test_an_article_number_alone_finds_that_article_first_then_those_citing_it(store, query):
    # 130² is in no text but its own heading: "no article matches '130²'" while the Code holds it
    citing = Article(ArticleNumber(130, 1), "Реабилитация нацизма",
                     "Публичное отрицание, за исключением случаев, предусмотренных статьей 130² настоящего "
                     "Кодекса, – наказывается лишением свободы на срок до пяти лет.")
    old = store.add(b"2022", source="a.txt", filename="a.txt", edition_date=date(2022, 9, 26),
                    document=criminal_code(ART_59, citing, ART_130_2)).version
    new = store.add(b"2023", source="b.txt", filename="b.txt", edition_date=date(2023, 3, 1),
                    document=criminal_code(ART_59, citing, ART_130_2)).version
    hits = [(h.version.id, h.number.display) for h in store.search(query)]
    assert hits[:2] == [(new.id, "130²"), (old.id, "130²")], query
    assert sorted(hits[2:]) == sorted([(new.id, "130¹"), (old.id, "130¹")]), query
    assert [h.number.display for h in store.search(query, act="HK9900275", limit=1)] == ["130²"]
    assert "статьей [130²] настоящего" in store.search(query)[2].snippet


def test_an_article_number_finds_the_newest_of_editions_added_in_one_second_first(store):
    # `lexwatch add uk_2020.txt uk_2022.txt`: both undated, added the same second; "59" listed 2020 first
    old = store.add(b"2020", source="uk_2020.txt", filename="uk_2020.txt", document=criminal_code(ART_59)).version
    changed = Article(ART_59.number, ART_59.title, ART_59.text.replace("до ее отмены", "до ее полной отмены"))
    new = store.add(b"2022", source="uk_2022.txt", filename="uk_2022.txt", document=criminal_code(changed)).version
    with store.db:
        store.db.execute("UPDATE versions SET added_at = '2026-12-02T07:32:01+00:00'")
    assert [h.version.id for h in store.search("статья 59")] == [new.id, old.id]


def test_a_law_whose_name_is_saved_with_other_quotes_is_the_same_text(store):
    # the name stands in no article, and a diff folds quotes, spaces and dashes: the same law saved with
    # straight quotes in its name was stored as a change, "no article changed", and mailed
    law = ("ЗАКОН РЕСПУБЛИКИ БЕЛАРУСЬ\n19 июля 2005 г. № 45-З\nО Государственном гербе и Государственном флаге"
           " Республики Беларусь и об учреждении медали «За заслуги»\n\nСтатья 1. Государственный герб\n"
           "Государственный герб Республики Беларусь является символом государственного суверенитета.\n")
    first = store.add(law.encode(), source="inbox/law.txt", filename="law.txt", skip_if_text_unchanged=True)
    for saved in (law.replace("«За заслуги»", '"За заслуги"'), law.replace("медали «За", "медали  «За")):
        again = store.add(saved.encode(), source="inbox/law.txt", filename="law.txt", skip_if_text_unchanged=True)
        assert not again.created and again.version.id == first.version.id, saved
    renamed = store.add(law.replace("медали «За заслуги»", "медали «За безупречную службу»").encode(),
                        source="inbox/law.txt", filename="law.txt", skip_if_text_unchanged=True)
    assert renamed.created


def test_an_article_numbered_by_chapter_is_found_however_the_number_is_typed(store):
    koap = Document(title="КОДЕКС РЕСПУБЛИКИ БЕЛАРУСЬ ОБ АДМИНИСТРАТИВНЫХ ПРАВОНАРУШЕНИЯХ", act="HK2100091",
                    articles=[Article(ArticleNumber(19, 11, by_chapter=True),
                                      "Распространение информационной продукции, включенной в республиканский "
                                      "список экстремистских материалов",
                                      "1. Распространение информационной продукции, включенной в "
                                      "республиканский список экстремистских материалов, – влечет наложение "
                                      "штрафа в размере до тридцати базовых величин.")])
    store.add(b"koap", source="koap.txt", filename="koap.txt", document=koap)
    for query in ("19.11", "19-11", "ст. 19.11", "19¹¹"):
        assert [h.number.display for h in store.search(query)] == ["19.11"], query


@pytest.mark.parametrize("query", ["", "   ", "*", '"', "( ) : ^ -", "«»"])
def test_a_query_with_nothing_to_find_is_refused_in_one_line(store, query):
    store.add(b"code", source="uk.txt", filename="uk.txt", document=criminal_code(ART_59))
    with pytest.raises(StoreError, match="nothing to search for"):
        store.search(query)


def test_fts5_syntax_in_a_query_is_searched_as_words_never_read(store):
    store.add(b"code", source="uk.txt", filename="uk.txt", document=criminal_code(ART_59, ART_130_2))
    for query in ("казнь AND геноцид", "NEAR(казнь геноцид)", "казнь OR казна", "title:казнь", "казнь*",
                  "(смертная", "смертная -казнь", "^смертная", "NOT"):
        assert all(h.number == ART_59.number for h in store.search(query)), query
    assert [h.number for h in store.search("казнь* (смертная)")] == [ART_59.number]


def test_a_huge_limit_is_all_hits(store):
    store.add(b"code", source="uk.txt", filename="uk.txt", document=criminal_code(ART_59, ART_130_2))
    assert [h.number for h in store.search("казнь", limit=10**20)] == [ART_59.number]  # was an OverflowError


def test_versions_of_every_act_are_listed_oldest_edition_first(store):
    # Listed by act first, a version stored without an act (NULL) came before every other.
    law = store.add(b"law", source="165-З.txt", filename="165-З.txt", edition_date=date(2022, 5, 13),
                    document=Document(title="ЗАКОН", articles=[ART_67])).version
    code_2022 = store.add(b"2022", source="uk2022.txt", filename="uk.txt", edition_date=date(2022, 9, 26),
                          document=criminal_code(ART_59)).version
    code_2020 = store.add(b"2020", source="uk2020.txt", filename="uk.txt", edition_date=date(2020, 9, 7),
                          document=criminal_code(ART_59)).version
    genocide = store.add(b"146", source="146-З.txt", filename="146-З.txt", act="H12200146",
                         edition_date=date(2022, 1, 5), document=criminal_code(ART_130_2)).version
    undated = store.add(b"undated", source="uk.txt", filename="uk.txt", document=criminal_code(ART_59)).version
    assert law.act is None
    assert [v.id for v in store.list()] == [code_2020.id, genocide.id, law.id, code_2022.id, undated.id]
    assert [v.id for v in store.list("HK9900275")] == [code_2020.id, code_2022.id, undated.id]


def test_a_damaged_version_row_is_a_store_error_not_a_crash(store):
    store.add(b"code", source="uk.txt", filename="uk.txt", document=criminal_code(ART_59))
    store.db.execute("UPDATE versions SET edition_date = '2022-13-45'")
    with pytest.raises(StoreError, match="is damaged"):
        store.list()
    store.db.execute("UPDATE versions SET edition_date = NULL, meta = '{'")
    with pytest.raises(StoreError, match="is damaged"):
        store.search("казнь")
