"""A lawyer runs `lexwatch diff` and `lexwatch history` on files and stored versions."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest
from builders import write_editions
from conftest import CliResult

Cli = Callable[..., CliResult]

CODE_2020 = "\n".join([
    "УГОЛОВНЫЙ КОДЕКС РЕСПУБЛИКИ БЕЛАРУСЬ", "", "ГЛАВА 9. Наказание и его виды", "",
    "Статья 59. Смертная казнь",
    "1. В качестве исключительной меры наказания допускается применение смертной казни – расстрела "
    "за некоторые особо тяжкие преступления, сопряженные с умышленным лишением жизни человека при "
    "отягчающих обстоятельствах.",
    "2. Смертная казнь не может быть назначена лицам, совершившим преступления в возрасте до "
    "восемнадцати лет.", "",
    "Статья 60. Иные меры уголовной ответственности",
    "Иные меры уголовной ответственности применяются судом в случаях, предусмотренных настоящим Кодексом.", "",
    "Статья 130. Разжигание расовой, национальной, религиозной либо иной социальной вражды или розни",
    "1. Умышленные действия, направленные на возбуждение расовой, национальной, религиозной либо иной "
    "социальной вражды или розни, – наказываются арестом, или ограничением свободы на срок до пяти лет, "
    "или лишением свободы на срок от трех до двенадцати лет.", ""])

CODE_2022 = CODE_2020.replace(
    "за некоторые особо тяжкие преступления", "за покушение на <script>alert(1)</script> особо тяжкие преступления"
) + "\n".join([
    "", "Статья 130². Отрицание геноцида белорусского народа",
    "1. Отрицание геноцида белорусского народа, содержащееся в публичном выступлении, – наказывается "
    "арестом, или ограничением свободы на срок до пяти лет, или лишением свободы на тот же срок.", ""])


@pytest.fixture
def editions(tmp_path: Path) -> tuple[Path, Path]:
    return write_editions(tmp_path, CODE_2020, CODE_2022)


def test_exit_codes_follow_diff(lexwatch_cli: Cli, editions: tuple[Path, Path]) -> None:
    old, new = editions
    assert lexwatch_cli("diff", str(old), str(old)).code == 0
    changed = lexwatch_cli("diff", str(old), str(new))
    assert changed.code == 1, changed
    assert changed.out.splitlines()[0].startswith("uk_2020.txt → uk_2022.txt: 1 changed, 1 added")
    assert "[-некоторые-]" in changed.out and "\x1b[" not in changed.out  # piped: markers, no colour
    unknown = lexwatch_cli("diff", str(old), str(new), "--article", "777")
    assert unknown.code == 2 and unknown.err.strip() == "lexwatch: error: no article 777 in either version"
    missing = lexwatch_cli("diff", str(old), "nowhere/uk_2023.txt")
    assert missing.code == 2 and len(missing.err.strip().splitlines()) == 1
    # "1302" copied from a PDF that lost the superscript of 130²: refused, naming what it may be
    lost = lexwatch_cli("diff", str(old), str(new), "--article", "1302")
    assert lost.code == 2 and lost.err.strip() == ("lexwatch: error: no article 1302 (is it 130² with its "
                                                   "superscript lost? write 130-2) in either version")


def test_json_lists_only_differences_and_its_ops_rebuild_each_side(lexwatch_cli: Cli,
                                                                    editions: tuple[Path, Path]) -> None:
    result = lexwatch_cli("diff", *map(str, editions), "--format", "json")
    data = result.json()
    assert data["summary"] == {"added": 1, "removed": 0, "changed": 1, "renumbered": 0, "unchanged": 2}
    assert [(a["status"], a["old_number"], a["new_number"]) for a in data["articles"]] == [
        ("changed", "59", "59"), ("added", None, "130-2")]
    art59 = data["articles"][0]
    old_text = "".join(t for k, t in art59["ops"] if k in ("equal", "delete"))
    assert old_text.startswith("1. В качестве") and "некоторые" in old_text and "покушение" not in old_text
    assert set(art59) >= {"matched_by", "score", "technical", "flags", "sanctions", "title", "ops"}


def test_article_filter_accepts_every_spelling_of_a_sub_number(lexwatch_cli: Cli,
                                                               editions: tuple[Path, Path]) -> None:
    for spelling in ("130-2", "130²", "130/2"):
        data = lexwatch_cli("diff", *map(str, editions), "-a", spelling, "-f", "json").json()
        assert [a["new_number"] for a in data["articles"]] == ["130-2"]


def test_html_is_escaped_self_contained_and_has_a_table_of_contents(lexwatch_cli: Cli, tmp_path: Path,
                                                                    editions: tuple[Path, Path]) -> None:
    target = tmp_path / "redline.html"
    assert lexwatch_cli("diff", *map(str, editions), "-f", "html", "-o", str(target)).code == 1
    html = target.read_text(encoding="utf-8")
    assert "<script>" not in html and "&lt;script&gt;" in html
    assert '<a href="#art-130-2">' in html and "<ins>" in html and "<del>" in html
    assert "http" not in html  # nothing fetched from elsewhere: prints offline


def test_an_output_path_that_cannot_be_written_is_one_line_and_makes_no_folder(lexwatch_cli: Cli, tmp_path: Path,
                                                                              editions: tuple[Path, Path]) -> None:
    missing = tmp_path / "no-such-folder" / "redline.html"
    result = lexwatch_cli("diff", *map(str, editions), "-f", "html", "-o", str(missing))
    assert result.code == 2 and result.err.count("\n") == 1
    assert f"there is no folder {missing.parent}" in result.err
    assert not missing.parent.exists()  # a mistyped path makes no folder
    folder = lexwatch_cli("diff", *map(str, editions), "-o", str(tmp_path))
    assert folder.code == 2 and "is a folder" in folder.err
    too_long = tmp_path / ("р" * 200 + ".html")  # 400 bytes: over any file system's name limit
    refused = lexwatch_cli("diff", *map(str, editions), "-f", "html", "-o", str(too_long))
    assert refused.code == 2 and refused.err.startswith(f"lexwatch: error: cannot write --output {too_long}: ")
    assert ".tmp" not in refused.err and refused.err.count("\n") == 1
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(p.name for p in editions if p.parent == tmp_path)
    if Path("/proc/self").is_dir():  # Linux: /proc is a folder where no file can be made
        proc = lexwatch_cli("diff", *map(str, editions), "-f", "markdown", "-o", "/proc/redline.md")
        assert proc.code == 2 and proc.err == "lexwatch: error: cannot write --output /proc/redline.md: "\
            "No such file or directory\n"


def test_markdown_and_context_trim_the_unchanged_words(lexwatch_cli: Cli, editions: tuple[Path, Path]) -> None:
    out = lexwatch_cli("diff", *map(str, editions), "-f", "markdown", "-C", "2", "-a", "59", "--no-flags").out
    assert "~~некоторые~~" in out and "**покушение на \\<script\\>" in out
    assert "… " in out and "исключительной" not in out


def test_comparative_table_as_docx_opens_in_word(lexwatch_cli: Cli, tmp_path: Path,
                                                 editions: tuple[Path, Path]) -> None:
    import docx

    target = tmp_path / "таблица.docx"
    assert lexwatch_cli("diff", *map(str, editions), "-f", "table", "-o", str(target)).code == 1
    table = docx.Document(str(target)).tables[0]
    # two files: nothing says either is a draft or when it was in force, so each column names its file
    assert [c.text for c in table.rows[0].cells] == ["Статья", "Редакция: uk_2020.txt", "Редакция: uk_2022.txt"]
    old_cell, new_cell = table.rows[1].cells[1], table.rows[1].cells[2]
    assert [r.text for r in old_cell.paragraphs[0].runs if r.font.strike] == ["некоторые"]
    assert any("покушение" in r.text for r in new_cell.paragraphs[0].runs if r.bold)
    assert table.rows[2].cells[1].text == "— (нет в этой редакции)"  # an added article: no old wording
    assert not list(tmp_path.glob(".*.tmp"))  # written atomically, no temp left


def test_stored_versions_diff_and_the_history_of_article_59(lexwatch_cli: Cli, workspace: Path,
                                                           editions: tuple[Path, Path]) -> None:
    old, new = editions
    for path, when in ((old, "2020-09-01"), (new, "2022-09-01")):
        added = lexwatch_cli("-w", str(workspace), "add", str(path), "--act", "HK9900275", "--edition-date", when)
        assert added.code == 0, added
    stored = lexwatch_cli("-w", str(workspace), "diff", "HK9900275@2020-09-01", "HK9900275@2022-09-01", "-f", "json")
    assert stored.code == 1 and stored.json()["old"]["label"] == "HK9900275@2020-09-01"
    history = lexwatch_cli("-w", str(workspace), "history", "59")
    assert history.code == 0, history
    assert history.out.splitlines()[0].startswith("2022-09-01")
    assert "changed: +6 −1 words" in history.out
    born = lexwatch_cli("-w", str(workspace), "history", "130²", "--json").json()
    assert [(e["edition_date"], e["summary"]) for e in born] == [("2022-09-01", "added")]
    assert {f["pack"] for f in born[0]["article"]["flags"]} >= {"genocide"}  # flagged as `diff` flags it
    assert lexwatch_cli("-w", str(workspace), "history", "60", "--show").out.startswith("Статья 60: no change")
    # A number no stored version holds is a mistake, not "no change"; so is an act not stored.
    unknown = lexwatch_cli("-w", str(workspace), "history", "999")
    assert unknown.code == 2 and unknown.out == ""
    assert unknown.err == "lexwatch: error: no article 999 in the 2 stored versions of HK9900275\n"
    other_act = lexwatch_cli("-w", str(workspace), "history", "59", "--act", "HK0000001")
    assert other_act.code == 2 and "no stored versions of HK0000001" in other_act.err
    nothing = lexwatch_cli("-w", str(workspace), "diff", "HK9900275@2019-01-01", "HK9900275@2022-09-01")
    assert nothing.code == 2 and "no stored version" in nothing.err


def test_a_stored_version_without_articles_is_refused_not_told_as_every_article_removed(
        lexwatch_cli: Cli, workspace: Path, editions: tuple[Path, Path]) -> None:
    from datetime import date

    from portal.site import Publication, card_page

    from lexwatch.text.model import Document
    from lexwatch.workspace import Workspace

    old, _ = editions
    assert lexwatch_cli("-w", str(workspace), "add", str(old), "--act", "HK9900275",
                        "--edition-date", "2020-09-01").code == 0
    # A publication's card, as `fetch` keeps it: a version of the act with no articles.
    card = card_page(Publication("HK9900275", "2/2950", date(2021, 7, 1), "Кодекс Республики Беларусь от 9 июля "
                                 "1999 г. № 275-З", "Уголовный кодекс Республики Беларусь", Document(title="")))
    with Workspace.find(workspace).open_store() as store:
        store.add(card, source="https://pravo.by/document/?guid=12551&p0=HK9900275", filename="HK9900275.card.html",
                  act="HK9900275", edition_date=date(2021, 7, 1), allow_unparsed=True, meta={"kind": "card"})
    for pair in (("HK9900275@2020-09-01", "HK9900275@2021-07-01"), ("HK9900275@2021-07-01", "HK9900275@2020-09-01")):
        refused = lexwatch_cli("-w", str(workspace), "diff", *pair, "-f", "json")
        assert refused.code == 2 and refused.out == "", refused
        assert refused.err == ("lexwatch: error: HK9900275@2021-07-01 holds no articles (a publication card or a "
                               "scan kept as evidence): nothing to compare article by article\n")


def test_corpus_2020_to_2022_finds_the_genocide_articles_and_the_death_penalty_change(
        lexwatch_cli: Cli, corpus_dir: Path) -> None:
    result = lexwatch_cli("diff", str(corpus_dir / "uk_2020-09.txt"), str(corpus_dir / "uk_2022-09.txt"), "-f", "json")
    assert result.code == 1, result.err
    data = result.json()
    by_new = {a["new_number"]: a for a in data["articles"]}
    assert by_new["130-1"]["status"] == "added" and by_new["130-2"]["status"] == "added"
    assert by_new["59"]["status"] == "changed"
    ops59 = by_new["59"]["ops"]
    assert "за некоторые особо тяжкие преступления" in "".join(t for k, t in ops59 if k != "insert")
    assert "частью 2 статьи 124" in "".join(t for k, t in ops59 if k == "insert")
    assert data["summary"]["added"] == 20 and data["summary"]["renumbered"] == 0
    # 234¹ is absent from the 2022 source (README: cannot tell if repealed): reported as removed
    assert {a["old_number"] for a in data["articles"] if a["status"] == "removed"} == {"234-1", "356-1"}


def test_store_option_keeps_both_files_as_versions(lexwatch_cli: Cli, workspace: Path,
                                                   editions: tuple[Path, Path]) -> None:
    result = lexwatch_cli("-w", str(workspace), "diff", *map(str, editions), "--store", "-f", "json")
    assert result.code == 1, result
    ids = {result.json()["old"]["id"], result.json()["new"]["id"]}
    listed = lexwatch_cli("-w", str(workspace), "drafts", "list", "--json").json()
    assert {v["id"] for v in listed} == ids and len(ids) == 2
    assert {v["source"] for v in listed} == {str(p.resolve()) for p in editions}  # as `add` records it
    # Plain text carries no edition date: stored undated, and the user is told how to date them.
    assert all(v["edition_date"] is None for v in listed)
    assert result.err.count("undated: `lexwatch add") == 2
    for path, when in zip(editions, ("2020-09-01", "2022-09-01"), strict=True):
        dated = lexwatch_cli("-w", str(workspace), "add", str(path), "--edition-date", when)
        assert dated.code == 0 and f"now dated: HK9900275@{when}" in dated.err, dated
    by_date = lexwatch_cli("-w", str(workspace), "diff", "HK9900275@2020-09-01", "HK9900275@2022-09-01", "-f", "json")
    assert by_date.code == 1 and {by_date.json()["old"]["id"], by_date.json()["new"]["id"]} == ids
    assert len(lexwatch_cli("-w", str(workspace), "drafts", "list", "--json").json()) == 2
    # A stored date is not silently rewritten by a different one.
    clash = lexwatch_cli("-w", str(workspace), "add", str(editions[0]), "--edition-date", "2021-01-01")
    assert clash.code == 2 and "already stored as HK9900275@2020-09-01" in clash.err
    assert len(clash.err.strip().splitlines()) == 1
    again = lexwatch_cli("-w", str(workspace), "diff", *map(str, editions), "--store", "-f", "json")
    assert again.code == 1 and "stored as" not in again.err  # nothing new stored, nothing said


def test_show_technical_reports_a_rewrapped_article_only_when_asked(lexwatch_cli: Cli, tmp_path: Path,
                                                                    editions: tuple[Path, Path]) -> None:
    old, _ = editions
    rewrapped = tmp_path / "uk_2020_pdf.txt"
    rewrapped.write_text(CODE_2020.replace("применяются судом в случаях", "применяются су-\nдом  в\u00a0случаях"),
                         encoding="utf-8")
    assert lexwatch_cli("diff", str(old), str(rewrapped)).code == 0
    shown = lexwatch_cli("diff", str(old), str(rewrapped), "--show-technical", "-f", "json")
    assert shown.code == 1
    [item] = shown.json()["articles"]
    assert item["new_number"] == "60" and item["technical"] is True
    # --changed-only leaves the technical-only article out of json as it does elsewhere
    kept = lexwatch_cli("diff", str(old), str(rewrapped), "--show-technical", "--changed-only", "-f", "json")
    assert kept.code == 1 and kept.json()["articles"] == [] and kept.json()["summary"]["unchanged"] == 2


def test_json_changed_only_leaves_out_a_pure_renumbering(lexwatch_cli: Cli, tmp_path: Path,
                                                         editions: tuple[Path, Path]) -> None:
    old, _ = editions
    moved = tmp_path / "uk_2020_moved.txt"
    moved.write_text(CODE_2020.replace("Статья 60.", "Статья 61."), encoding="utf-8")
    listed = lexwatch_cli("diff", str(old), str(moved), "-f", "json").json()
    assert [(a["status"], a["old_number"], a["new_number"]) for a in listed["articles"]] == [
        ("renumbered", "60", "61")]
    kept = lexwatch_cli("diff", str(old), str(moved), "-f", "json", "--changed-only").json()
    assert kept["articles"] == [] and kept["summary"]["renumbered"] == 1


def test_the_output_file_name_picks_the_format_and_a_contradicting_format_is_refused(
        lexwatch_cli: Cli, tmp_path: Path, editions: tuple[Path, Path]) -> None:
    import docx

    word, page, data = tmp_path / "redline.docx", tmp_path / "redline.html", tmp_path / "redline.json"
    for target in (word, page, data):
        assert lexwatch_cli("diff", *map(str, editions), "-o", str(target)).code == 1
    assert docx.Document(str(word)).tables[0].rows[0].cells[0].text == "Статья"
    assert page.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    assert json.loads(data.read_text(encoding="utf-8"))["summary"]["added"] == 1
    wrong = tmp_path / "wrong.docx"
    refused = lexwatch_cli("diff", *map(str, editions), "-f", "markdown", "-o", str(wrong))
    assert refused.code == 2 and refused.err.count("\n") == 1 and "--format table" in refused.err
    assert not wrong.exists()


def test_the_output_is_never_one_of_the_files_compared(lexwatch_cli: Cli, editions: tuple[Path, Path]) -> None:
    old, new = editions
    before = old.read_bytes()
    refused = lexwatch_cli("diff", str(old), str(new), "-o", str(old))
    assert refused.code == 2 and "is one of the files compared" in refused.err
    assert old.read_bytes() == before


def test_a_folder_given_as_a_version_is_called_a_folder(lexwatch_cli: Cli, tmp_path: Path,
                                                        editions: tuple[Path, Path]) -> None:
    folder = tmp_path / "dir.txt"
    folder.mkdir()
    diff = lexwatch_cli("diff", str(editions[0]), str(folder))
    assert diff.code == 2 and "dir.txt: is a folder, not a file" in diff.err
    flags = lexwatch_cli("flags", str(folder))
    assert flags.code == 2 and "is a folder, not a file" in flags.err


def test_json_settings_name_each_asked_article_once(lexwatch_cli: Cli, editions: tuple[Path, Path]) -> None:
    data = lexwatch_cli("diff", *map(str, editions), "-a", "59", "-a", "59", "-a", "130²", "-f", "json").json()
    assert data["settings"]["articles"] == ["59", "130-2"] and "schema_version" not in data["settings"]
    # each as the Code writes it, whatever form was typed: "130.2" read "130.2", and twice
    typed = lexwatch_cli("diff", *map(str, editions), "-a", "130.2", "-a", "130-2", "-f", "json").json()
    assert typed["settings"]["articles"] == ["130-2"]
    assert data["schema_version"] == 1


def test_no_color_turns_colour_off_even_on_a_terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    import sys

    from lexwatch.cli import diff as diff_cli

    monkeypatch.setattr(sys.stdout, "isatty", lambda: True)
    monkeypatch.delenv("NO_COLOR", raising=False)
    assert diff_cli._colour()
    monkeypatch.setenv("NO_COLOR", "1")
    assert not diff_cli._colour()


def test_force_color_colours_a_piped_redline_for_a_pager(lexwatch_cli: Cli, editions: tuple[Path, Path]) -> None:
    # `FORCE_COLOR=1 lexwatch diff A B | less -R`: piped output had markers only, whatever was asked
    forced = lexwatch_cli("diff", *map(str, editions), "--no-flags", env={"FORCE_COLOR": "1", "NO_COLOR": ""})
    assert forced.code == 1 and "\x1b[" in forced.out and "[-некоторые-]" not in forced.out
    for env in ({"FORCE_COLOR": "0"}, {"FORCE_COLOR": "1", "NO_COLOR": "1"}):
        plain = lexwatch_cli("diff", *map(str, editions), "--no-flags", env=env)
        assert "[-некоторые-]" in plain.out and "\x1b[" not in plain.out, env


def test_a_note_after_the_last_part_starts_its_own_line(lexwatch_cli: Cli, tmp_path: Path,
                                                        editions: tuple[Path, Path]) -> None:
    old, _ = editions
    noted = tmp_path / "uk_2020_note.txt"
    noted.write_text(CODE_2020.replace(
        "восемнадцати лет.", "восемнадцати лет. Примечания: 1. Смертная казнь не применяется к женщинам."),
        encoding="utf-8")
    out = lexwatch_cli("diff", str(old), str(noted), "--no-flags").out
    assert "лет.\n{+Примечания:\n1. Смертная казнь" in out


def test_comparing_two_different_acts_warns(lexwatch_cli: Cli, tmp_path: Path, editions: tuple[Path, Path]) -> None:
    procedure = tmp_path / "upk.txt"
    procedure.write_text("УГОЛОВНО-ПРОЦЕССУАЛЬНЫЙ КОДЕКС РЕСПУБЛИКИ БЕЛАРУСЬ\n\nСтатья 59. Понятые\n"
                         "1. Понятым является не заинтересованное в уголовном деле совершеннолетнее лицо.\n",
                         encoding="utf-8")
    result = lexwatch_cli("diff", str(editions[0]), str(procedure), "--no-flags")
    assert result.code == 1 and "two different acts are compared" in result.err
    same = lexwatch_cli("diff", *map(str, editions), "--no-flags")
    assert "different acts" not in same.err


def test_a_read_only_output_file_is_refused_and_kept(lexwatch_cli: Cli, tmp_path: Path,
                                                    editions: tuple[Path, Path]) -> None:
    kept = tmp_path / "redline_signed.html"
    kept.write_text("<p>Редлайн, согласованный с правозащитниками</p>", encoding="utf-8")
    kept.chmod(0o444)
    result = lexwatch_cli("diff", *map(str, editions), "-o", str(kept))
    assert result.code == 2 and result.err == f"lexwatch: error: cannot write --output {kept}: the file is read-only\n"
    assert kept.read_text(encoding="utf-8") == "<p>Редлайн, согласованный с правозащитниками</p>"
    assert kept.stat().st_mode & 0o777 == 0o444


def test_an_output_named_for_a_format_lexwatch_does_not_write_is_refused(lexwatch_cli: Cli, tmp_path: Path,
                                                                        editions: tuple[Path, Path]) -> None:
    result = lexwatch_cli("diff", *map(str, editions), "-o", "redline.pdf")
    assert result.code == 2 and result.err == ("lexwatch: error: --output redline.pdf: lexwatch does not write .pdf "
                                               "files; use .html (printable to PDF), .docx, .md, .json or .txt\n")
    assert not (tmp_path / "redline.pdf").exists()
    assert lexwatch_cli("diff", *map(str, editions), "-o", "redline.txt").code == 1  # plain text: markers
    assert "[-некоторые-]" in (tmp_path / "redline.txt").read_text(encoding="utf-8")


def test_output_dash_is_standard_output(lexwatch_cli: Cli, tmp_path: Path, editions: tuple[Path, Path]) -> None:
    result = lexwatch_cli("diff", *map(str, editions), "-o", "-", "-f", "markdown")
    assert result.code == 1 and "~~некоторые~~" in result.out
    assert not (tmp_path / "-").exists()


def test_an_output_that_is_a_link_is_written_through_and_stays_a_link(lexwatch_cli: Cli, tmp_path: Path,
                                                                    editions: tuple[Path, Path]) -> None:
    shared = tmp_path / "shared"
    shared.mkdir()
    real = shared / "redline.html"
    real.write_text("<p>прежний редлайн</p>", encoding="utf-8")
    link = tmp_path / "redline.html"
    link.symlink_to(real)
    result = lexwatch_cli("diff", *map(str, editions), "-o", str(link))
    assert result.code == 1, result
    assert link.is_symlink() and "<del>" in real.read_text(encoding="utf-8")


def test_history_of_versions_stored_without_an_act_says_how_to_name_it(lexwatch_cli: Cli, workspace: Path,
                                                                       tmp_path: Path) -> None:
    old = tmp_path / "проект_1.txt"
    new = tmp_path / "проект_2.txt"
    old.write_text("Статья 1. Задачи\n1. Задачами настоящего закона являются охрана прав граждан.\n", encoding="utf-8")
    new.write_text("Статья 1. Задачи\n1. Задачами настоящего закона являются охрана прав и свобод граждан.\n",
                   encoding="utf-8")
    assert lexwatch_cli("add", str(old), str(new), cwd=workspace).code == 0
    hint = "name it with `lexwatch add FILE --act REGNUM`"
    for args in (("history", "1"), ("history", "1", "--act", "unknown")):
        result = lexwatch_cli(*args, cwd=workspace)
        assert result.code == 2 and hint in result.err and len(result.err.splitlines()) == 1, result
    assert lexwatch_cli("add", str(old), str(new), "--act", "H12200165", cwd=workspace).code == 0
    named = lexwatch_cli("history", "1", cwd=workspace)
    assert named.code == 0 and "Статья 1: changed" in named.out, named


def test_changed_only_keeps_every_real_change_beside_a_pure_renumbering(lexwatch_cli: Cli, tmp_path: Path,
                                                                         editions: tuple[Path, Path]) -> None:
    old, _ = editions
    amended = tmp_path / "uk_2022_moved.txt"
    amended.write_text(CODE_2022.replace("Статья 60.", "Статья 61."), encoding="utf-8")
    kept = lexwatch_cli("diff", str(old), str(amended), "-f", "json", "--changed-only").json()
    assert [(a["status"], a["new_number"]) for a in kept["articles"]] == [("changed", "59"), ("added", "130-2")]
    assert kept["summary"]["renumbered"] == 1
    markdown = lexwatch_cli("diff", str(old), str(amended), "-f", "markdown")
    assert markdown.code == 1 and "*перенумерована (прежде ст. 60)*" in markdown.out and "в ст." not in markdown.out


def test_the_history_of_a_renumbered_article_says_where_it_went_and_where_it_came_from(
        lexwatch_cli: Cli, workspace: Path, tmp_path: Path, editions: tuple[Path, Path]) -> None:
    old, _ = editions
    moved = tmp_path / "uk_2021.txt"
    moved.write_text(CODE_2020.replace("Статья 60.", "Статья 61."), encoding="utf-8")
    for path, when in ((old, "2020-09-01"), (moved, "2021-03-01")):
        added = lexwatch_cli("-w", str(workspace), "add", str(path), "--act", "HK9900275", "--edition-date", when)
        assert added.code == 0, added
    went = lexwatch_cli("-w", str(workspace), "history", "60", "--json").json()
    assert [(e["edition_date"], e["summary"]) for e in went] == [("2021-03-01", "renumbered to 61")]
    came = lexwatch_cli("-w", str(workspace), "history", "61", "--json").json()
    assert [(e["edition_date"], e["summary"]) for e in came] == [("2021-03-01", "renumbered from 60")]


def test_an_article_renumbered_and_reworded_says_both(lexwatch_cli: Cli, tmp_path: Path,
                                                        editions: tuple[Path, Path]) -> None:
    old, _ = editions
    moved = tmp_path / "uk_2021.txt"
    moved.write_text(CODE_2020.replace("Статья 60.", "Статья 61.").replace(
        "применяются судом в случаях", "применяются только судом в случаях"), encoding="utf-8")
    markdown = lexwatch_cli("diff", str(old), str(moved), "-f", "markdown")
    assert markdown.code == 1, markdown
    assert "*перенумерована (прежде ст. 60), слов +1 −0*" in markdown.out
    # the same facts in English on the terminal and in json's history
    assert "renumbered from 60, +1 −0 words" in lexwatch_cli("diff", str(old), str(moved)).out


def test_two_sides_of_one_label_are_told_apart(lexwatch_cli: Cli, workspace: Path, tmp_path: Path,
                                              editions: tuple[Path, Path]) -> None:
    # Two editions stored under one date both read "HK9900275@2022-09-01": the header said
    # "HK9900275@2022-09-01 → HK9900275@2022-09-01", the same version to the reader's eye.
    old, new = editions
    for path in (old, new):
        added = lexwatch_cli("-w", str(workspace), "add", str(path), "--act", "HK9900275", "--edition-date", "2022-09-01")
        assert added.code == 0, added
    ids = [v["id"] for v in lexwatch_cli("-w", str(workspace), "drafts", "list", "--json").json()]
    first, second = sorted(ids)
    shown = lexwatch_cli("-w", str(workspace), "diff", first[:8], second[:8])
    assert shown.code == 1, shown
    header = shown.out.splitlines()[0]
    assert header.startswith(f"HK9900275@2022-09-01 ({first[:12]}) → HK9900275@2022-09-01 ({second[:12]}):")
    # two files of one name in two folders: named by their paths
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    same_name = [tmp_path / folder / "uk.txt" for folder in ("a", "b")]
    for path, source in zip(same_name, editions, strict=True):
        path.write_bytes(source.read_bytes())
    files = lexwatch_cli("diff", *map(str, same_name), "--format", "json").json()
    assert (files["old"]["label"], files["new"]["label"]) == tuple(map(str, same_name))
    # a version named by act and prefix that matches nothing is named so in the error
    unknown = lexwatch_cli("-w", str(workspace), "diff", "H10700203:bab4", first[:8])
    assert unknown.code == 2 and "no stored version matches H10700203:bab4" in unknown.err, unknown


def test_an_article_number_twice_in_a_file_compared_is_a_note(lexwatch_cli: Cli, tmp_path: Path,
                                                               editions: tuple[Path, Path]) -> None:
    # A file whose Art. 60 is printed twice (a page pasted twice, a parse glitch): the second copy
    # is listed "added" beside an unchanged Art. 60, so the reader must be told, as `add` tells it.
    old, _ = editions
    twice = tmp_path / "uk_2022_twice.txt"
    twice.write_text(CODE_2020 + "\n".join([
        "", "Статья 60. Иные меры уголовной ответственности",
        "Иные меры уголовной ответственности применяются судом в случаях, предусмотренных настоящим Кодексом.",
        ""]), encoding="utf-8")
    result = lexwatch_cli("diff", str(old), str(twice), "--no-flags")
    assert result.code == 1
    assert result.err == f"note: {twice}: article 60 appears more than once\n"
    assert lexwatch_cli("diff", str(old), str(old), "--no-flags").err == ""


def test_the_russian_documents_say_their_summaries_in_russian(lexwatch_cli: Cli, editions: tuple[Path, Path]) -> None:
    # "*changed: +4 −1 words*" and "1 changed, 1 added, …" in English stood inside a Russian redline
    # a commentator quotes; the terminal and json keep the English words
    markdown = lexwatch_cli("diff", *map(str, editions), "--no-flags", "-f", "markdown").out
    assert ("uk\\_2020.txt → uk\\_2022.txt: статей изменено 1, новых 1, нет в новой редакции 0, перенумеровано 0,"
            " без изменений 2\n") in markdown
    assert "\n*новая статья*\n" in markdown and re.search(r"\n\*изменена: слов \+\d+ −\d+\*\n", markdown)
    html = lexwatch_cli("diff", *map(str, editions), "--no-flags", "-f", "html").out
    assert "статей изменено 1, новых 1" in html and '<p class="meta">новая статья</p>' in html
    table = lexwatch_cli("diff", *map(str, editions), "--no-flags", "-f", "table").out
    assert "статей изменено 1, новых 1" in table
    terminal = lexwatch_cli("diff", *map(str, editions), "--no-flags").out
    assert "1 changed, 1 added, 0 removed, 0 renumbered, 2 unchanged" in terminal and "— added" in terminal



def test_the_comparative_table_names_stored_editions_by_date_and_a_draft_as_proposed(
        lexwatch_cli: Cli, workspace: Path, tmp_path: Path, editions: tuple[Path, Path]) -> None:
    # The 2020 → 2022 table headed its columns "Действующая редакция" | "Предлагаемая редакция": the
    # 2022 edition was in force, not proposed, and the 2020 one no longer was.
    import docx
    from builders import render_portal_html

    from lexwatch.text.load import parse_bytes
    from lexwatch.workspace import Workspace

    old, new = editions
    for path, when in ((old, "2020-09-07"), (new, "2022-09-26")):
        added = lexwatch_cli("-w", str(workspace), "add", str(path), "--act", "HK9900275", "--edition-date", when)
        assert added.code == 0, added
    html = lexwatch_cli("-w", str(workspace), "diff", "HK9900275@2020-09-07", "HK9900275@2022-09-26", "-f", "table")
    assert html.code == 1, html
    assert "<th>Статья</th><th>Редакция от 07.09.2020</th><th>Редакция от 26.09.2022</th>" in html.out
    target = tmp_path / "table.docx"
    made = lexwatch_cli("-w", str(workspace), "diff", "HK9900275@2020-09-07", "HK9900275@2022-09-26",
                        "-o", str(target))
    assert made.code == 1, made
    headers = [c.text for c in docx.Document(str(target)).tables[0].rows[0].cells]
    assert headers == ["Статья", "Редакция от 07.09.2020", "Редакция от 26.09.2022"]
    # a draft law's text as `fetch` stores it from the draft-law bank: set against the edition in force
    page = render_portal_html(parse_bytes(CODE_2022.replace("пяти лет", "шести лет").encode(), "draft.txt"),
                              regnum=None)
    with Workspace.find(workspace).open_store() as store:
        draft = store.add(page.encode(),
                          source="https://pravo.by/document/?guid=3941&p0=2023052201", filename="draft-2023052201.html",
                          act="2023052201", edition_date=date(2023, 5, 22), meta={"kind": "draft"}).version
    proposed = lexwatch_cli("-w", str(workspace), "diff", "HK9900275@2022-09-26", draft.id[:12], "-f", "table")
    assert proposed.code == 1, proposed
    assert "<th>Статья</th><th>Действующая редакция</th><th>Предлагаемая редакция</th>" in proposed.out


def test_a_draft_added_from_a_file_under_its_bank_entry_is_the_proposed_column(
        lexwatch_cli: Cli, workspace: Path, tmp_path: Path, editions: tuple[Path, Path]) -> None:
    # A draft law a lawyer was sent (or saved from the draft-law bank) and added under its bank entry is
    # as much a draft as one `fetch` stored: its table was headed "Редакция от 26.09.2022" | "Редакция от
    # 22.05.2023", as if the proposal were an edition in force, because only `fetch` marked it a draft.
    _, in_force = editions
    draft = tmp_path / "proekt-2023052201.txt"
    draft.write_text(CODE_2022.replace("пяти лет", "шести лет"), encoding="utf-8")
    for path, act, when in ((in_force, "HK9900275", "2022-09-26"), (draft, "2023052201", "2023-05-22")):
        added = lexwatch_cli("-w", str(workspace), "add", str(path), "--act", act, "--edition-date", when)
        assert added.code == 0, added
    table = lexwatch_cli("-w", str(workspace), "diff", "HK9900275@2022-09-26", "2023052201@2023-05-22", "-f", "table")
    assert table.code == 1, table
    assert "<th>Статья</th><th>Действующая редакция</th><th>Предлагаемая редакция</th>" in table.out


def test_the_comparative_table_of_two_versions_of_one_date_tells_them_apart(
        lexwatch_cli: Cli, workspace: Path, editions: tuple[Path, Path]) -> None:
    # The same edition stored twice (the portal corrected a misprint and published the text again):
    # both columns read "Редакция от 26.09.2022", and a reader could not say which quotes which.
    old, new = editions
    ids = []
    for path in (old, new):
        added = lexwatch_cli("-w", str(workspace), "add", str(path), "--act", "HK9900275", "--edition-date",
                             "2022-09-26")
        assert added.code == 0, added
        ids.append(added.err.split("stored ")[1].split()[0])
    table = lexwatch_cli("-w", str(workspace), "diff", *ids, "-f", "table")
    assert table.code == 1, table
    heads = re.findall(r"<th>([^<]*)</th>", table.out)
    assert heads == ["Статья", f"Редакция: HK9900275@2022-09-26 ({ids[0]})",
                     f"Редакция: HK9900275@2022-09-26 ({ids[1]})"], heads


def test_a_file_named_with_a_bidi_control_is_named_with_a_question_mark(lexwatch_cli: Cli,
                                                                        editions: tuple[Path, Path]) -> None:
    # "uk\u202etxt.2022" printed as it is reads "uk2202.txt" reversed in every output that names it
    old, new = editions
    named = new.with_name("uk\u202etxt.2022")
    named.write_bytes(new.read_bytes())
    for fmt in ("terminal", "markdown", "html"):
        result = lexwatch_cli("diff", str(old), str(named), "--format", fmt)
        assert result.code == 1 and "uk?txt.2022" in result.out and "\u202e" not in result.out, fmt


def test_article_filter_takes_a_number_as_a_lawyer_cites_it_and_still_refuses_what_is_not_one(
        lexwatch_cli: Cli, editions: tuple[Path, Path]) -> None:
    # "59.", "ст. 59", "статья 59", "Ст.59" were each refused as "not an article number".
    for spelling in ("59.", "ст. 59", "статья 59", "Ст.59"):
        data = lexwatch_cli("diff", *map(str, editions), "-a", spelling, "-f", "json").json()
        assert [a["new_number"] for a in data["articles"]] == ["59"], spelling
    part = lexwatch_cli("diff", *map(str, editions), "-a", "ч. 2 ст. 59")
    assert part.code == 2 and part.out == "" and part.err == (
        "lexwatch: error: not an article number: 'ч. 2 ст. 59' (try 59, 130-2 or 130²)\n")
    lost = lexwatch_cli("diff", *map(str, editions), "-a", "ст. 1302")  # the lost superscript's hint stays
    assert lost.code == 2 and "(is it 130² with its superscript lost? write 130-2)" in lost.err


def test_format_docx_is_refused_saying_how_a_word_file_is_written(lexwatch_cli: Cli, tmp_path: Path,
                                                                  editions: tuple[Path, Path]) -> None:
    word = tmp_path / "table.docx"
    for args in (("-f", "docx"), ("-f", "docx", "-o", str(word))):
        refused = lexwatch_cli("diff", *map(str, editions), *args)
        assert refused.code == 2 and refused.out == "" and refused.err.count("\n") == 1, refused
        assert "-o x.docx" in refused.err, refused.err
    assert not word.exists()


def test_the_real_editions_say_a_repealed_article_is_repealed_and_print_nothing_for_a_textless_one(
        lexwatch_cli: Cli, corpus_dir: Path) -> None:
    # 2022 prints "Статья 41. Исключена"; 2020's "Статья 356¹. Исключена" is gone from 2022.
    editions = (str(corpus_dir / "uk_2020-09.txt"), str(corpus_dir / "uk_2022-09.txt"))
    shown = lexwatch_cli("diff", *editions, "-a", "41", "-a", "356-1", "-C", "3")
    assert shown.code == 1, shown
    assert "\nСтатья 41. Повторность преступлений (исключена) — repealed\n" in shown.out
    assert shown.out.endswith("\n\nСтатья 356¹. Исключена — removed\n")
    markdown = lexwatch_cli("diff", *editions, "-a", "41", "-f", "markdown").out
    assert "## Статья 41. Повторность преступлений (исключена)\n\n*исключена*\n" in markdown
    data = lexwatch_cli("diff", *editions, "-a", "41", "-f", "json").json()
    assert [a["status"] for a in data["articles"]] == ["changed"]  # the schema's status is kept


LAW_2007 = "\n".join([
    "ЗАКОН РЕСПУБЛИКИ БЕЛАРУСЬ", "4 января 2007 г. № 203-З", "О противодействии экстремизму", "",
    "Статья 1. Основные термины, применяемые в настоящем Законе и их определения",
    "Для целей настоящего Закона применяются следующие основные термины и их определения:",
    "1) экстремизм (экстремистская деятельность) – деятельность граждан Республики Беларусь, иностранных "
    "граждан или лиц без гражданства, политических партий, других общественных объединений, религиозных "
    "и иных организаций по планированию, организации, подготовке и совершению действий;", "",
    "Статья 2. Субъекты противодействия экстремизму",
    "Субъектами противодействия экстремизму являются государственные органы и иные организации.", ""])


def test_a_law_renamed_by_an_amendment_is_a_difference_every_output_names(
        lexwatch_cli: Cli, tmp_path: Path) -> None:
    # A law's name stands in no article: renamed, with every article as it was, the diff said
    # "0 changed … 2 unchanged" and exited 0, as if nothing had happened to the law.
    old, new = tmp_path / "zakon_2007.txt", tmp_path / "zakon_2024.txt"
    old.write_text(LAW_2007, encoding="utf-8")
    new.write_text(LAW_2007.replace("О противодействии экстремизму\n",
                                    "О противодействии экстремизму и реабилитации нацизма\n"), encoding="utf-8")
    terminal = lexwatch_cli("diff", str(old), str(new))
    assert terminal.code == 1, terminal
    assert terminal.out.splitlines()[:2] == [
        "zakon_2007.txt → zakon_2024.txt: 0 changed, 0 added, 0 removed, 0 renumbered, 2 unchanged;"
        " the act's name changed",
        "Название: О противодействии экстремизму {+и реабилитации нацизма+}"]
    data = json.loads(lexwatch_cli("diff", str(old), str(new), "-f", "json").out)
    assert data["name_ops"] == [["equal", "О противодействии экстремизму"], ["insert", " и реабилитации нацизма"]]
    assert data["articles"] == []
    markdown = lexwatch_cli("diff", str(old), str(new), "-f", "markdown").out
    assert "\nНазвание: О противодействии экстремизму **и реабилитации нацизма**\n" in markdown
    table = lexwatch_cli("diff", str(old), str(new), "-f", "table").out
    assert ("<tr><td>Название</td><td>О противодействии экстремизму</td>"
            "<td>О противодействии экстремизму <ins>и реабилитации нацизма</ins></td></tr>") in table
    draft = lexwatch_cli("commentary", "new", str(old), str(new), "-o", "-", cwd=tmp_path)
    assert "\nНазвание изменено: О противодействии экстремизму **и реабилитации нацизма**.\n" in draft.out, draft
    assert "## Изменения по статьям" not in draft.out  # no article to go through: no empty section
    # asked of an article the amendment left as it was: no difference, as without the renaming
    asked = lexwatch_cli("diff", str(old), str(new), "-a", "1", "-f", "json")
    assert asked.code == 0 and "name_ops" not in json.loads(asked.out), asked
    # the same name, whatever its wrapping or quotes: no key, exit 0
    same = lexwatch_cli("diff", str(old), str(old), "-f", "json")
    assert same.code == 0 and "name_ops" not in json.loads(same.out)
