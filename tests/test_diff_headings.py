"""Headings above the articles compared by number: a chapter or section an amendment renames is a
change of the code's text that no article holds (2020 -> 2022: chapters 26, 31, 37, sections IX, XII)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from lexwatch.diff.headings import renamed_headings
from lexwatch.ids import ArticleNumber
from lexwatch.text.model import Article


def _art(number: int, chapter: str, section: str = "", part: str = "") -> Article:
    return Article(ArticleNumber(number), "Статья", "Деяние наказывается штрафом.", chapter=chapter,
                   section=section, part=part)


def test_a_renamed_chapter_is_told_with_its_redline_in_the_new_versions_letters() -> None:
    old = [_art(349, "ГЛАВА 31 ПРЕСТУПЛЕНИЯ ПРОТИВ ИНФОРМАЦИОННОЙ БЕЗОПАСНОСТИ", "РАЗДЕЛ XII ПРЕСТУПЛЕНИЯ "
                "ПРОТИВ ИНФОРМАЦИОННОЙ БЕЗОПАСНОСТИ"), _art(350, "ГЛАВА 31 ПРЕСТУПЛЕНИЯ ПРОТИВ ИНФОРМАЦИОННОЙ "
                "БЕЗОПАСНОСТИ", "РАЗДЕЛ XII ПРЕСТУПЛЕНИЯ ПРОТИВ ИНФОРМАЦИОННОЙ БЕЗОПАСНОСТИ")]
    new = [_art(349, "ГЛАВА 31. Преступления против компьютерной безопасности", "РАЗДЕЛ XII. ПРЕСТУПЛЕНИЯ "
                "ПРОТИВ КОМПЬЮТЕРНОЙ БЕЗОПАСНОСТИ")]
    changes = renamed_headings(old, new)
    assert [(c.key, c.ops) for c in changes] == [
        ("РАЗДЕЛ XII", [("equal", "ПРЕСТУПЛЕНИЯ ПРОТИВ "), ("delete", "ИНФОРМАЦИОННОЙ"), ("insert", "КОМПЬЮТЕРНОЙ"),
                        ("equal", " БЕЗОПАСНОСТИ")]),
        ("ГЛАВА 31", [("equal", "Преступления против "), ("delete", "ИНФОРМАЦИОННОЙ"), ("insert", "компьютерной"),
                      ("equal", " безопасности")])]
    assert changes[1].old == "ПРЕСТУПЛЕНИЯ ПРОТИВ ИНФОРМАЦИОННОЙ БЕЗОПАСНОСТИ"
    assert changes[1].new == "Преступления против компьютерной безопасности"


@pytest.mark.parametrize(("old", "new"), [
    ("ГЛАВА 24 ПРЕСТУПЛЕНИЯ ПРОТИВ СОБСТВЕННОСТИ", "ГЛАВА 24. Преступления против собственности"),  # capitals, dot
    ("РАЗДЕЛ II. ОСHОВАHИЯ УГОЛОВHОЙ ОТВЕТСТВЕHHОСТИ", "РАЗДЕЛ II ОСНОВАНИЯ УГОЛОВНОЙ ОТВЕТСТВЕННОСТИ"),  # Latin H
    ("ГЛАВА 24 ПРЕСТУПЛЕНИЯ ПРОТИВ\nСОБСТВЕННОСТИ", "ГЛАВА 24 ПРЕСТУПЛЕНИЯ  ПРОТИВ СОБСТВЕННОСТИ"),  # wrapping
])
def test_a_heading_written_otherwise_is_no_change(old: str, new: str) -> None:
    assert renamed_headings([_art(205, old)], [_art(205, new)]) == []


def test_a_heading_only_one_side_has_is_not_compared() -> None:
    # the 2020 text layer prints no part headings; a new chapter comes with its new articles
    old = [_art(1, "ГЛАВА 1 ОБЩИЕ ПОЛОЖЕНИЯ")]
    new = [_art(1, "ГЛАВА 1. Общие положения", part="ОБЩАЯ ЧАСТЬ"), _art(2, "ГЛАВА 1¹. Новая глава")]
    assert renamed_headings(old, new) == []


def test_the_real_editions_rename_three_chapters_and_two_sections(corpus_dir: Path) -> None:
    from lexwatch.text.load import read_document

    old = read_document(corpus_dir / "uk_2020-09.txt")
    new = read_document(corpus_dir / "uk_2022-09.txt")
    changes = {c.key: c for c in renamed_headings(old.articles, new.articles)}
    assert sorted(changes) == ["ГЛАВА 26", "ГЛАВА 31", "ГЛАВА 37", "РАЗДЕЛ IX", "РАЗДЕЛ XII"]
    assert changes["ГЛАВА 37"].new == "Преступления против воинской службы"
    assert changes["ГЛАВА 37"].old == "ВОИНСКИЕ ПРЕСТУПЛЕНИЯ"


CODE = "\n".join([
    "УГОЛОВНЫЙ КОДЕКС РЕСПУБЛИКИ БЕЛАРУСЬ", "",
    "ГЛАВА 31 ПРЕСТУПЛЕНИЯ ПРОТИВ ИНФОРМАЦИОННОЙ БЕЗОПАСНОСТИ", "",
    "Статья 349. Несанкционированный доступ к компьютерной информации",
    "1. Несанкционированный доступ к информации, хранящейся в компьютерной системе, сети или на носителях "
    "машинной информации, сопровождающийся нарушением системы защиты, повлекший по неосторожности "
    "изменение, уничтожение, блокирование информации, – наказывается штрафом или арестом.", ""])
RENAMED = CODE.replace("ГЛАВА 31 ПРЕСТУПЛЕНИЯ ПРОТИВ ИНФОРМАЦИОННОЙ БЕЗОПАСНОСТИ",
                       "ГЛАВА 31. Преступления против компьютерной безопасности")


def test_a_chapter_renamed_with_every_article_as_it_was_is_a_difference_every_output_names(
        lexwatch_cli, tmp_path: Path) -> None:
    # "0 changed … 1 unchanged", exit 0: the chapter's new name was nowhere
    old, new = tmp_path / "uk_2020.txt", tmp_path / "uk_2022.txt"
    old.write_text(CODE, encoding="utf-8")
    new.write_text(RENAMED, encoding="utf-8")
    run = lexwatch_cli("diff", str(old), str(new))
    assert run.code == 1, run
    assert run.out.splitlines()[:2] == [
        "uk_2020.txt → uk_2022.txt: 0 changed, 0 added, 0 removed, 0 renumbered, 1 unchanged; 1 heading renamed",
        "ГЛАВА 31: Преступления против [-ИНФОРМАЦИОННОЙ-]{+компьютерной+} безопасности"]
    data = json.loads(lexwatch_cli("diff", str(old), str(new), "-f", "json").out)
    assert data["headings"] == [{"heading": "ГЛАВА 31", "old": "ПРЕСТУПЛЕНИЯ ПРОТИВ ИНФОРМАЦИОННОЙ БЕЗОПАСНОСТИ",
                                 "new": "Преступления против компьютерной безопасности",
                                 "ops": [["equal", "Преступления против "], ["delete", "ИНФОРМАЦИОННОЙ"],
                                         ["insert", "компьютерной"], ["equal", " безопасности"]]}]
    table = lexwatch_cli("diff", str(old), str(new), "-f", "table").out
    assert "<tr><td>ГЛАВА 31</td><td>Преступления против <del>ИНФОРМАЦИОННОЙ</del> безопасности</td>" in table
    draft = lexwatch_cli("commentary", "new", str(old), str(new), "-o", "-", cwd=tmp_path).out
    assert "\n- ГЛАВА 31: Преступления против ~~ИНФОРМАЦИОННОЙ~~**компьютерной** безопасности\n" in draft
    # asked of one article, the diff tells of it only; the same chapter in capitals is no rename
    assert lexwatch_cli("diff", str(old), str(new), "-a", "349").code == 0
    upper = tmp_path / "uk_upper.txt"
    upper.write_text(CODE.replace("ГЛАВА 31 ", "ГЛАВА 31. "), encoding="utf-8")
    assert lexwatch_cli("diff", str(old), str(upper)).code == 0


def test_check_names_the_renamed_headings(lexwatch_cli, workspace: Path) -> None:
    config = workspace / "lexwatch.toml"
    config.write_text(config.read_text(encoding="utf-8").replace("# enabled = true", "enabled = false")
                      + '\n[sources.folder]\npath = "inbox"\n', encoding="utf-8")
    (workspace / "inbox").mkdir()
    code = workspace / "inbox" / "uk.txt"
    code.write_text(CODE, encoding="utf-8")
    assert lexwatch_cli("check", cwd=workspace).code == 1
    code.write_text(RENAMED, encoding="utf-8")
    run = lexwatch_cli("check", "--json", cwd=workspace)
    assert run.code == 1, run
    [told] = run.json()["documents"]
    assert [h["heading"] for h in told["headings"]] == ["ГЛАВА 31"] and told["summary"]["changed"] == 0
    code.write_text(CODE, encoding="utf-8")
    text = lexwatch_cli("check", cwd=workspace)
    assert "          headings renamed: ГЛАВА 31" in text.out.splitlines(), text.out
    assert "no article changed" not in text.out
