"""A code numbered by chapter (КоАП, ПИКоАП: "Статья 19.11." is article 11 of chapter 19) read, stored, diffed
and cited as it numbers its articles, never as 19¹¹; the Criminal Code's dotted "130.2" is still 130²."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from conftest import CliResult

from lexwatch.ids import ArticleNumber
from lexwatch.text.blocks import Block
from lexwatch.text.structure import parse_blocks

Cli = Callable[..., CliResult]

KOAP = """\
КОДЕКС РЕСПУБЛИКИ БЕЛАРУСЬ ОБ АДМИНИСТРАТИВНЫХ ПРАВОНАРУШЕНИЯХ
6 января 2021 г. № 91-З
ГЛАВА 19
АДМИНИСТРАТИВНЫЕ ПРАВОНАРУШЕНИЯ ПРОТИВ ОБЩЕСТВЕННОГО ПОРЯДКА И НРАВСТВЕННОСТИ
Статья 19.10. Пропаганда или публичное демонстрирование, изготовление, распространение нацистской символики или \
атрибутики
1. Пропаганда или публичное демонстрирование, в том числе с использованием глобальной компьютерной сети Интернет, \
нацистской символики или атрибутики –
влекут наложение штрафа в размере до тридцати базовых величин.
Статья 19.11. Распространение информационной продукции, включенной в республиканский список экстремистских материалов
1. Распространение информационной продукции, включенной в республиканский список экстремистских материалов, а равно \
изготовление, издание, хранение либо перевозка с целью распространения такой информационной продукции –
влекут наложение штрафа в размере до {fine} базовых величин с конфискацией предмета административного правонарушения.
Статья 19.12. Изготовление, издание, хранение, перевозка информационной продукции, содержащей призывы к \
экстремистской деятельности
1. Изготовление, издание, хранение, перевозка информационной продукции, содержащей призывы к экстремистской \
деятельности –
влекут наложение штрафа в размере от двадцати до ста базовых величин.
ГЛАВА 20
АДМИНИСТРАТИВНЫЕ ПРАВОНАРУШЕНИЯ В ОБЛАСТИ ПРЕДПРИНИМАТЕЛЬСКОЙ ДЕЯТЕЛЬНОСТИ
Статья 20.1. Незаконная предпринимательская деятельность
1. Осуществление предпринимательской деятельности без государственной регистрации –
влечет предупреждение или наложение штрафа в размере до двадцати базовых величин.
"""


def parse(text: str):
    return parse_blocks([Block(line) for line in text.splitlines()], name="koap.txt")


def test_a_code_numbered_by_chapter_keeps_its_numbers_and_their_order() -> None:
    doc = parse(KOAP.format(fine="тридцати"))
    assert [a.number.display for a in doc.articles] == ["19.10", "19.11", "19.12", "20.1"]
    assert [a.id for a in doc.articles] == ["19.10", "19.11", "19.12", "20.1"]
    assert doc.articles == sorted(doc.articles, key=lambda a: a.number)
    extremist = doc.article("19.11")
    assert extremist is not None and extremist is doc.article("19-11") is doc.article(ArticleNumber(19, 11))
    assert extremist.heading.startswith("Статья 19.11. Распространение информационной продукции")
    assert extremist.chapter.startswith("ГЛАВА 19 ")
    assert doc.article("19.12") is not extremist


def test_criminal_code_headings_written_with_a_dot_are_still_superscripts() -> None:
    # every heading dotted, but 130.1 in ГЛАВА 17: a lost superscript (ADR-1), not article 1 of chapter 130
    text = """\
ГЛАВА 17. Преступления против мира и безопасности человечества
Статья 130.1. Реабилитация нацизма
1. Умышленные действия по реабилитации нацизма –
наказываются штрафом, или арестом, или ограничением свободы на срок до пяти лет.
Статья 130.2. Отрицание геноцида белорусского народа
1. Отрицание геноцида белорусского народа, содержащееся в публичном выступлении, –
наказывается арестом, или ограничением свободы на срок до пяти лет.
"""
    doc = parse(text)
    assert [(a.id, a.number.display) for a in doc.articles] == [("130-1", "130¹"), ("130-2", "130²")]


def test_a_koap_article_prints_as_numbered_in_the_store_the_redline_and_its_history(
        lexwatch_cli: Cli, workspace: Path, tmp_path: Path) -> None:
    for fine, day in (("тридцати", "2021-03-01"), ("пятидесяти", "2022-03-01")):
        path = tmp_path / f"koap-{day}.txt"
        path.write_text(KOAP.format(fine=fine), encoding="utf-8")
        assert lexwatch_cli("add", str(path), "--act", "HK2100091", "--edition-date", day, cwd=workspace).code == 0
    shown = lexwatch_cli("drafts", "show", "HK2100091@2021-03-01", "--json", cwd=workspace).json()
    assert [(a["number"], a["display"]) for a in shown["articles"]][1] == ("19.11", "19.11")
    one = lexwatch_cli("drafts", "show", "HK2100091@2021-03-01", "--article", "19.11", cwd=workspace)
    assert one.out.startswith("Статья 19.11. Распространение информационной продукции"), one
    redline = lexwatch_cli("diff", "HK2100091@2021-03-01", "HK2100091@2022-03-01", cwd=workspace)
    assert redline.code == 1, redline
    assert "Статья 19.11. Распространение" in redline.out and "19¹¹" not in redline.out
    asked = lexwatch_cli("diff", "HK2100091@2021-03-01", "HK2100091@2022-03-01", "-a", "19-11", "-f", "json",
                         cwd=workspace).json()
    assert asked["settings"]["articles"] == ["19.11"] == [a["new_number"] for a in asked["articles"]]
    for typed in ("19.11", "19-11"):
        history = lexwatch_cli("history", typed, "--act", "HK2100091", cwd=workspace)
        assert history.code == 0 and "Статья 19.11: changed: +1 −1 words" in history.out, history
    unchanged = lexwatch_cli("history", "19-10", "--act", "HK2100091", cwd=workspace)  # was "Статья 19¹⁰"
    assert unchanged.code == 0 and "Статья 19.10: no change in the stored versions" in unchanged.out, unchanged
    flags = lexwatch_cli("flags", "HK2100091@2022-03-01", cwd=workspace)
    assert "Статья 19.11 " in flags.out and "19¹¹" not in flags.out, flags


def test_the_draft_of_a_new_code_is_not_filed_as_the_code_in_force(lexwatch_cli: Cli, workspace: Path,
                                                                   tmp_path: Path) -> None:
    # "ПРОЕКТ" above the code's title: the draft was stored as an edition of HK2100091 (and diffed as one)
    code, draft = tmp_path / "koap.txt", tmp_path / "proekt_koap.txt"
    code.write_text(KOAP.format(fine="тридцати"), encoding="utf-8")
    draft.write_text("ПРОЕКТ\n" + KOAP.format(fine="пятидесяти").replace("6 января 2021 г. № 91-З\n", ""),
                     encoding="utf-8")
    stored = lexwatch_cli("add", str(code), str(draft), "--json", cwd=workspace)
    assert stored.code == 0, stored
    assert [(v["act"], v["title"]) for v in stored.json()] == [
        ("HK2100091", "КОДЕКС РЕСПУБЛИКИ БЕЛАРУСЬ ОБ АДМИНИСТРАТИВНЫХ ПРАВОНАРУШЕНИЯХ"),
        (None, "ПРОЕКТ КОДЕКС РЕСПУБЛИКИ БЕЛАРУСЬ ОБ АДМИНИСТРАТИВНЫХ ПРАВОНАРУШЕНИЯХ")]
