"""Headings above the articles compared by number: a chapter or section an amendment renames is a
change of the code's text that no article holds (2020 -> 2022: chapters 26, 31, 37, sections IX, XII)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from builders import folder_inbox

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
    # a Latin word in capitals or not (its "b" and "y" were not folded as its "B" and "Y" were)
    ("ГЛАВА 4 РЕГИСТРАЦИЯ ДОМЕННЫХ ИМЕН В ЗОНЕ .BY", "ГЛАВА 4. Регистрация доменных имен в зоне .by"),
])
def test_a_heading_written_otherwise_is_no_change(old: str, new: str) -> None:
    assert renamed_headings([_art(205, old)], [_art(205, new)]) == []


def test_chapters_renumbered_by_a_chapter_put_in_before_them_are_not_renamed() -> None:
    # a new chapter 17 moved 17 and 18 on: each number's old name read as renamed to its neighbour's
    old = [_art(127, "ГЛАВА 17 ПРЕСТУПЛЕНИЯ ПРОТИВ МИРА И БЕЗОПАСНОСТИ ЧЕЛОВЕЧЕСТВА"),
           _art(134, "ГЛАВА 18 ВОЕННЫЕ ПРЕСТУПЛЕНИЯ И ДРУГИЕ НАРУШЕНИЯ ЗАКОНОВ И ОБЫЧАЕВ ВЕДЕНИЯ ВОЙНЫ"),
           _art(139, "ГЛАВА 19 ПРЕСТУПЛЕНИЯ ПРОТИВ ЖИЗНИ И ЗДОРОВЬЯ")]
    new = [_art(126, "ГЛАВА 17. Преступления против основ конституционного строя"),
           _art(127, "ГЛАВА 18. Преступления против мира и безопасности человечества"),
           _art(134, "ГЛАВА 19. Военные преступления и другие нарушения законов и обычаев ведения войны"),
           _art(139, "ГЛАВА 20. Преступления против жизни и здоровья")]
    assert renamed_headings(old, new) == []


def test_a_letter_whose_lower_case_is_two_letters_does_not_shift_the_redline() -> None:
    # "İ" lowers to two letters: every text after it was cut one letter off
    old = [_art(5, "ГЛАВА 2 СОТРУДНИЧЕСТВО С ПОРТОМ İZMIR")]
    new = [_art(5, "ГЛАВА 2. Сотрудничество с портами İzmir и Mersin")]
    [change] = renamed_headings(old, new)
    assert change.ops == [("equal", "Сотрудничество с "), ("delete", "ПОРТОМ"), ("insert", "портами"),
                          ("equal", " İzmir"), ("insert", " и Mersin")]


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
    # each column quotes its own edition: the old one in capitals (it quoted the new one's letters)
    assert ("<tr><td>ГЛАВА 31</td><td>ПРЕСТУПЛЕНИЯ ПРОТИВ <del>ИНФОРМАЦИОННОЙ</del> БЕЗОПАСНОСТИ</td>"
            "<td>Преступления против <ins>компьютерной</ins> безопасности</td></tr>") in table
    assert lexwatch_cli("diff", str(old), str(new), "-o", str(tmp_path / "t.docx")).code == 1
    import docx

    [_, row, *_] = docx.Document(str(tmp_path / "t.docx")).tables[0].rows
    assert [c.text for c in row.cells] == ["ГЛАВА 31", "ПРЕСТУПЛЕНИЯ ПРОТИВ ИНФОРМАЦИОННОЙ БЕЗОПАСНОСТИ",
                                           "Преступления против компьютерной безопасности"]
    draft = lexwatch_cli("commentary", "new", str(old), str(new), "-o", "-", cwd=tmp_path).out
    assert "\n- ГЛАВА 31: Преступления против ~~ИНФОРМАЦИОННОЙ~~**компьютерной** безопасности\n" in draft
    # asked of one article, the diff tells of it only; the same chapter in capitals is no rename
    assert lexwatch_cli("diff", str(old), str(new), "-a", "349").code == 0
    upper = tmp_path / "uk_upper.txt"
    upper.write_text(CODE.replace("ГЛАВА 31 ", "ГЛАВА 31. "), encoding="utf-8")
    assert lexwatch_cli("diff", str(old), str(upper)).code == 0


def test_check_names_the_renamed_headings(lexwatch_cli, workspace: Path) -> None:
    code = folder_inbox(workspace) / "uk.txt"
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


def test_a_chapter_moved_on_by_one_put_in_before_it_and_renamed_is_told_with_both_numbers() -> None:
    # a new chapter 37 moved 37 on to 38 and renamed it: the old 37 was read as renamed to the new
    # chapter's name, and the new 38's name was never compared with the old 37's
    old = [_art(435, "ГЛАВА 36 ПРЕСТУПЛЕНИЯ ПРИЗЫВНИКОВ, РЕЗЕРВИСТОВ И ВОЕННООБЯЗАННЫХ"),
           _art(438, "ГЛАВА 37 ВОИНСКИЕ ПРЕСТУПЛЕНИЯ"), _art(439, "ГЛАВА 37 ВОИНСКИЕ ПРЕСТУПЛЕНИЯ"),
           _art(465, "ГЛАВА 38 ПРЕСТУПЛЕНИЯ ПРОТИВ ПОРЯДКА НАПРАВЛЕНИЯ И ПРОХОЖДЕНИЯ АЛЬТЕРНАТИВНОЙ СЛУЖБЫ")]
    new = [_art(435, "ГЛАВА 36. Преступления призывников, резервистов и военнообязанных"),
           _art(437, "ГЛАВА 37. Преступления против порядка мобилизации"),
           _art(438, "ГЛАВА 38. Преступления против воинской службы"),
           _art(439, "ГЛАВА 38. Преступления против воинской службы"),
           _art(465, "ГЛАВА 39. Преступления против порядка направления и прохождения альтернативной службы")]
    [change] = renamed_headings(old, new)
    assert (change.key, change.old, change.new) == ("ГЛАВА 37 → ГЛАВА 38", "ВОИНСКИЕ ПРЕСТУПЛЕНИЯ",
                                                    "Преступления против воинской службы")
    assert change.ops == [("delete", "ВОИНСКИЕ "), ("equal", "Преступления"), ("insert", " против воинской службы")]


@pytest.mark.parametrize(("old_key", "new_key"), [
    ("ГЛАВА 13/1", "ГЛАВА 13¹"), ("ГЛАВА 13-1.", "ГЛАВА 13 / 1."), ("Глава 13¹", "ГЛАВА 13/1")])
def test_a_chapter_numbered_with_a_superscript_or_a_slash_is_one_chapter(old_key: str, new_key: str) -> None:
    # "ГЛАВА 13/1" (a text or a PDF that lost the superscript) and "ГЛАВА 13¹" were two chapters
    name = " ОСОБЕННОСТИ УГОЛОВНОЙ ОТВЕТСТВЕННОСТИ ЗА ПРЕСТУПЛЕНИЯ, СОВЕРШЕННЫЕ ОРГАНИЗОВАННОЙ ГРУППОЙ"
    renamed = name.replace("ОРГАНИЗОВАННОЙ ГРУППОЙ", "ОРГАНИЗОВАННОЙ ГРУППОЙ ИЛИ ПРЕСТУПНОЙ ОРГАНИЗАЦИЕЙ")
    assert renamed_headings([_art(93, old_key + name)], [_art(93, new_key + name)]) == []
    # by the articles it holds, or, none of them in both versions, by its number
    for old, new in (([_art(93, old_key + name)], [_art(93, new_key + renamed)]),
                     ([_art(93, old_key + name)], [_art(94, new_key + renamed)])):
        [change] = renamed_headings(old, new)
        assert change.key == " ".join(new_key.rstrip(".").split())
        assert change.ops[-1] == ("insert", " ИЛИ ПРЕСТУПНОЙ ОРГАНИЗАЦИЕЙ")


def test_the_russian_summary_names_what_was_renamed() -> None:
    # a renamed part was counted among "разделов и глав"
    from lexwatch.diff.model import DocumentDiff, DocumentSide, HeadingChange
    from lexwatch.diff.render import summary_line

    def told(*keys: str) -> str:
        diff = DocumentDiff(DocumentSide("a", "old.txt", 1), DocumentSide("b", "new.txt", 1),
                            headings=[HeadingChange(key, "ОБЩИЕ", "Основные", [], []) for key in keys])
        return summary_line(diff, russian=True).partition("; ")[2]

    assert told("ЧАСТЬ ПЕРВАЯ") == "переименовано частей: 1"
    assert told("ГЛАВА 26", "ГЛАВА 37 → ГЛАВА 38") == "переименовано глав: 2"
    assert told("РАЗДЕЛ IX", "ГЛАВА 26") == "переименовано разделов и глав: 2"
    assert told("ЧАСТЬ ПЕРВАЯ", "РАЗДЕЛ I", "ПОДРАЗДЕЛ 1", "ГЛАВА 1") == \
        "переименовано частей, разделов, подразделов и глав: 4"


MILITARY = "\n".join([
    "УГОЛОВНЫЙ КОДЕКС РЕСПУБЛИКИ БЕЛАРУСЬ", "",
    "РАЗДЕЛ XIV ПРЕСТУПЛЕНИЯ ПРОТИВ ПОРЯДКА ИСПОЛНЕНИЯ ВОИНСКОЙ ОБЯЗАННОСТИ, НАПРАВЛЕНИЯ И ПРОХОЖДЕНИЯ "
    "АЛЬТЕРНАТИВНОЙ СЛУЖБЫ", "",
    "ГЛАВА 36 ПРЕСТУПЛЕНИЯ ПРИЗЫВНИКОВ, РЕЗЕРВИСТОВ И ВОЕННООБЯЗАННЫХ", "",
    "Статья 435. Уклонение от мероприятий по призыву на воинскую службу",
    "1. Уклонение от мероприятий по призыву на воинскую службу –",
    "наказывается штрафом, или арестом, или ограничением свободы на срок до двух лет, или лишением свободы "
    "на тот же срок.", "",
    "{new_chapter}"
    "ГЛАВА 37 ВОИНСКИЕ ПРЕСТУПЛЕНИЯ", "",
    "Статья 438. Неповиновение",
    "1. Открытый отказ от исполнения приказа начальника либо иное умышленное неисполнение приказа "
    "(неповиновение), за исключением случаев, когда подчиненный отказался исполнить заведомо преступный "
    "приказ, –",
    "наказываются ограничением по военной службе на срок до двух лет, или арестом, или лишением свободы на "
    "срок до двух лет.", "",
    "Статья 439. Неисполнение приказа",
    "1. Неисполнение приказа начальника, совершенное по небрежности или легкомыслию, –",
    "наказывается ограничением по военной службе на срок до одного года, или арестом, или лишением свободы "
    "на срок до одного года.", "",
    "ГЛАВА 38 ПРЕСТУПЛЕНИЯ ПРОТИВ ПОРЯДКА НАПРАВЛЕНИЯ И ПРОХОЖДЕНИЯ АЛЬТЕРНАТИВНОЙ СЛУЖБЫ", "",
    "Статья 465¹. Неявка гражданина, в отношении которого принято решение о замене воинской службы на "
    "альтернативную службу, в орган по труду, занятости и социальной защите",
    "Неявка гражданина, в отношении которого принято решение о замене воинской службы на альтернативную "
    "службу, без уважительных причин в орган по труду, занятости и социальной защите по месту своего "
    "жительства – наказывается общественными работами, или штрафом, или исправительными работами на срок "
    "до одного года.", ""])
NEW_CHAPTER = "\n".join([
    "ГЛАВА 37. Преступления против порядка мобилизации", "",
    "Статья 436. Уклонение от мероприятий по призыву на военную службу по мобилизации",
    "Уклонение от мероприятий по призыву на военную службу по мобилизации –",
    "наказывается лишением свободы на срок от двух до пяти лет.", "", ""])


def test_a_draft_putting_a_chapter_in_tells_the_next_one_renamed_under_both_numbers(
        lexwatch_cli, tmp_path: Path) -> None:
    # a draft puts chapter 37 in and numbers what follows anew, articles too (aligned by their texts)
    old, new, moved = tmp_path / "uk_2020.txt", tmp_path / "proekt.txt", tmp_path / "proekt_moved.txt"
    old.write_text(MILITARY.replace("{new_chapter}", ""), encoding="utf-8")
    renumbered = (MILITARY.replace("{new_chapter}", NEW_CHAPTER).replace("Статья 438.", "Статья 440.")
                  .replace("Статья 439.", "Статья 441.").replace("ГЛАВА 38 ", "ГЛАВА 39 "))
    moved.write_text(renumbered.replace("ГЛАВА 37 ВОИНСКИЕ", "ГЛАВА 38 ВОИНСКИЕ"), encoding="utf-8")
    new.write_text(renumbered.replace("ГЛАВА 37 ВОИНСКИЕ ПРЕСТУПЛЕНИЯ",
                                      "ГЛАВА 38. Преступления против воинской службы"), encoding="utf-8")
    data = json.loads(lexwatch_cli("diff", str(old), str(new), "-f", "json").out)
    assert [(h["heading"], h["old"], h["new"]) for h in data["headings"]] == [
        ("ГЛАВА 37 → ГЛАВА 38", "ВОИНСКИЕ ПРЕСТУПЛЕНИЯ", "Преступления против воинской службы")]
    assert {(a["old_number"], a["new_number"]) for a in data["articles"] if a["status"] == "renumbered"} == {
        ("438", "440"), ("439", "441")}
    run = lexwatch_cli("diff", str(old), str(new))
    assert "ГЛАВА 37 → ГЛАВА 38: [-ВОИНСКИЕ-] Преступления {+против воинской службы+}" \
        in run.out.splitlines(), run.out
    markdown = lexwatch_cli("diff", str(old), str(new), "-f", "markdown").out
    assert "; переименовано глав: 1\n" in markdown
    # moved on with its name as it was: no rename, neither of it nor of the chapter put in before it
    assert "headings" not in json.loads(lexwatch_cli("diff", str(old), str(moved), "-f", "json").out)


CIVIL = "\n".join([
    "ГРАЖДАНСКИЙ КОДЕКС РЕСПУБЛИКИ БЕЛАРУСЬ", "",
    "ЧАСТЬ ПЕРВАЯ ОБЩИЕ ПОЛОЖЕНИЯ", "",
    "РАЗДЕЛ I ОБЩИЕ ПОЛОЖЕНИЯ", "",
    "ГЛАВА 1 ГРАЖДАНСКОЕ ЗАКОНОДАТЕЛЬСТВО", "",
    "Статья 1. Отношения, регулируемые гражданским законодательством",
    "Гражданское законодательство регулирует отношения, связанные с осуществлением и защитой неотчуждаемых "
    "прав и свобод человека и других нематериальных благ.", ""])


def test_a_renamed_part_is_no_section_or_chapter_in_any_output(lexwatch_cli, tmp_path: Path) -> None:
    # "переименовано разделов и глав: 1", "Переименованы разделы и главы:" of a part
    old, new = tmp_path / "gk_2019.txt", tmp_path / "gk_2023.txt"
    old.write_text(CIVIL, encoding="utf-8")
    new.write_text(CIVIL.replace("ЧАСТЬ ПЕРВАЯ ОБЩИЕ", "ЧАСТЬ ПЕРВАЯ ОСНОВНЫЕ"), encoding="utf-8")
    markdown = lexwatch_cli("diff", str(old), str(new), "-f", "markdown").out
    assert "без изменений 1; переименовано частей: 1\n\n- ЧАСТЬ ПЕРВАЯ: ~~ОБЩИЕ~~**ОСНОВНЫЕ** ПОЛОЖЕНИЯ\n" \
        in markdown, markdown
    table = lexwatch_cli("diff", str(old), str(new), "-f", "table").out
    assert "; переименовано частей: 1</p>" in table
    draft = lexwatch_cli("commentary", "new", str(old), str(new), "-o", "-", cwd=tmp_path).out
    assert "\n\nПереименованы части, разделы и главы:\n\n- ЧАСТЬ ПЕРВАЯ: ~~ОБЩИЕ~~**ОСНОВНЫЕ** ПОЛОЖЕНИЯ\n" in draft
    html = lexwatch_cli("commentary", "new", str(old), str(new), "-T", "commentary.html", "-o", "-",
                        cwd=tmp_path).out
    assert "<p>Переименованы части, разделы и главы:</p>" in html


PROPERTY = "ГЛАВА 24 ПРЕСТУПЛЕНИЯ ПРОТИВ СОБСТВЕННОСТИ"
ECONOMY = "ГЛАВА 25 ПРЕСТУПЛЕНИЯ ПРОТИВ ПОРЯДКА ОСУЩЕСТВЛЕНИЯ ЭКОНОМИЧЕСКОЙ ДЕЯТЕЛЬНОСТИ"


def test_a_chapter_split_in_two_is_no_rename_of_it_to_the_new_ones_name() -> None:
    # chapter 24 gave its last six articles to a new chapter 24¹: those six are more than half of its
    # eleven, and the new chapter was told as chapter 24 renamed, "ГЛАВА 24 → ГЛАВА 24¹: [-СОБСТВЕННОСТИ-]…"
    old = [_art(n, PROPERTY) for n in range(205, 216)]
    new = [_art(n, "ГЛАВА 24. Преступления против собственности") for n in range(205, 210)] + [
        _art(n, "ГЛАВА 24¹. Преступления против порядка осуществления экономической деятельности")
        for n in range(210, 216)]
    assert renamed_headings(old, new) == []
    # the part that kept its number renamed too: told under that number
    new = [_art(n, "ГЛАВА 24. Хищения") for n in range(205, 210)] + new[5:]
    [change] = renamed_headings(old, new)
    assert (change.key, change.old, change.new) == ("ГЛАВА 24", "ПРЕСТУПЛЕНИЯ ПРОТИВ СОБСТВЕННОСТИ", "Хищения")


def test_two_chapters_merged_are_the_one_whose_number_stayed_renamed() -> None:
    # chapter 25's six articles joined chapter 24's five: told as "ГЛАВА 25 → ГЛАВА 24", the chapter
    # that went named as the one that stayed
    old = [_art(n, PROPERTY) for n in range(205, 210)] + [_art(n, ECONOMY) for n in range(222, 228)]
    new = [_art(n, "ГЛАВА 24. Преступления против собственности и порядка осуществления экономической "
                   "деятельности") for n in [*range(205, 210), *range(222, 228)]]
    [change] = renamed_headings(old, new)
    assert (change.key, change.old) == ("ГЛАВА 24", "ПРЕСТУПЛЕНИЯ ПРОТИВ СОБСТВЕННОСТИ")
    assert change.ops[-1] == ("insert", " и порядка осуществления экономической деятельности")


def test_a_chapter_moved_on_that_left_a_few_articles_to_the_one_put_in_is_still_told_under_both_numbers() -> None:
    # two of chapter 17's ten articles went to the new chapter 17, eight moved on with it to 18: the two
    # were read as chapter 17 keeping its number, renamed to the new chapter's name
    old = [_art(n, "ГЛАВА 17 ПРЕСТУПЛЕНИЯ ПРОТИВ МИРА") for n in range(120, 130)] + [
        _art(n, "ГЛАВА 18 ВОЕННЫЕ ПРЕСТУПЛЕНИЯ") for n in range(134, 138)]
    new = [_art(n, "ГЛАВА 17. Преступления против основ конституционного строя") for n in range(118, 122)] + [
        _art(n, "ГЛАВА 18. Преступления против мира и безопасности человечества") for n in range(122, 130)] + [
        _art(n, "ГЛАВА 19. Военные преступления") for n in range(134, 138)]
    [change] = renamed_headings(old, new)
    assert (change.key, change.old) == ("ГЛАВА 17 → ГЛАВА 18", "ПРЕСТУПЛЕНИЯ ПРОТИВ МИРА")
