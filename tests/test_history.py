"""A commentator asks how one article evolved: `lexwatch history ARTICLE` over the stored versions."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from datetime import date
from pathlib import Path

from builders import on_a_terminal
from conftest import CliResult

Cli = Callable[..., CliResult]

HEAD = "УГОЛОВНЫЙ КОДЕКС РЕСПУБЛИКИ БЕЛАРУСЬ\n\nГЛАВА 9. Наказание и его виды\n\n"
ART_59_2020 = (
    "Статья 59. Смертная казнь\n"
    "1. В качестве исключительной меры наказания допускается применение смертной казни – расстрела за некоторые "
    "особо тяжкие преступления, сопряженные с умышленным лишением жизни человека при отягчающих обстоятельствах "
    "(до отмены смертной казни).\n"
    "2. Смертная казнь не может быть назначена:\n"
    "1) лицам, совершившим преступления в возрасте до восемнадцати лет;\n"
    "2) женщинам;\n"
    "3) мужчинам, достигшим ко дню постановления приговора шестидесяти пяти лет.\n"
    "3. Смертная казнь в порядке помилования может быть заменена пожизненным заключением.\n")
# The 2022 edition's wording (Закон от 13 мая 2022 г. № 165-З): +34 −9 words against 2020's.
ART_59_2022 = ART_59_2020.replace(
    "расстрела за некоторые особо тяжкие преступления, сопряженные с умышленным лишением жизни человека при "
    "отягчающих обстоятельствах (до отмены смертной казни).",
    "расстрела (до отмены смертной казни) за преступления, предусмотренные частью 2 статьи 124, частью 3 статьи "
    "126, частью 3 статьи 289 и частью 2 статьи 359 настоящего Кодекса, либо за сопряженные с умышленным лишением "
    "жизни человека при отягчающих обстоятельствах некоторые иные особо тяжкие преступления.").replace(
    "пожизненным заключением.", "пожизненным лишением свободы.")
ART_130_1 = (
    "Статья 130¹. Реабилитация нацизма\n"
    "1. Умышленные действия по реабилитации нацизма –\n"
    "наказываются штрафом, или арестом, или ограничением свободы на срок до пяти лет, или лишением свободы на тот же "
    "срок.\n")
ART_361_4 = (
    "Статья 361⁴. Содействие экстремистской деятельности\n"
    "1. Вербовка, иное вовлечение лица в экстремистскую деятельность, обучение, а равно иное содействие "
    "экстремистской деятельности –\n"
    "наказываются ограничением свободы на срок до четырех лет или лишением свободы на срок от двух до шести лет.\n")
REPEALED_361_4 = "Статья 361⁴. Исключена\n"


def code(*articles: str) -> str:
    return HEAD + "\n".join(articles)


def add(cli: Cli, workspace: Path, folder: Path, name: str, text: str, when: str | None) -> None:
    """Store `text` as an edition of the Criminal Code, dated `when` (undated: None), as a user adds it."""
    path = folder / name
    path.write_text(text, encoding="utf-8")
    dating = ("--edition-date", when) if when else ()
    added = cli("-w", str(workspace), "add", str(path), "--act", "HK9900275", *dating)
    assert added.code == 0, added


def test_a_repeal_and_a_re_insertion_are_told_in_date_order_whatever_the_order_added(
        lexwatch_cli: Cli, workspace: Path, tmp_path: Path) -> None:
    # Added newest first: the history still runs by edition date.
    add(lexwatch_cli, workspace, tmp_path, "uk_2023.txt", code(ART_59_2022, ART_130_1, ART_361_4), "2023-03-01")
    add(lexwatch_cli, workspace, tmp_path, "uk_2022.txt", code(ART_59_2022, ART_130_1, REPEALED_361_4), "2022-09-26")
    add(lexwatch_cli, workspace, tmp_path, "uk_2020.txt", code(ART_59_2020, ART_130_1, ART_361_4), "2020-09-07")
    history = lexwatch_cli("-w", str(workspace), "history", "361-4")
    assert history.code == 0, history
    assert [line.split("  ", 2)[::2] for line in history.out.splitlines()] == [
        ["2022-09-26", "Статья 361⁴: repealed"], ["2023-03-01", "Статья 361⁴: re-inserted"]]
    entries = lexwatch_cli("-w", str(workspace), "history", "361⁴", "--json").json()
    assert [(e["edition_date"], e["summary"], e["article"]["status"]) for e in entries] == [
        ("2022-09-26", "repealed", "changed"), ("2023-03-01", "re-inserted", "changed")]
    shown = lexwatch_cli("-w", str(workspace), "history", "361⁴", "--show").out
    # the heading says what was repealed; no title line reads it as renamed "Исключена"
    assert "Статья 361⁴. Содействие экстремистской деятельности (исключена) — repealed" in shown
    assert "Заголовок:" not in shown and "{+Исключена+}" not in shown
    assert "[-1. Вербовка, иное вовлечение лица" in shown and "{+1. Вербовка, иное вовлечение лица" in shown
    died = lexwatch_cli("-w", str(workspace), "history", "59", "--json").json()
    assert [(e["edition_date"], e["summary"]) for e in died] == [("2022-09-26", "changed: +34 −9 words")]


def test_a_card_stored_between_two_texts_is_no_removal_of_every_article(
        lexwatch_cli: Cli, workspace: Path, tmp_path: Path) -> None:
    from portal.site import Publication, card_page

    from lexwatch.text.model import Document
    from lexwatch.workspace import Workspace

    add(lexwatch_cli, workspace, tmp_path, "uk_2020.txt", code(ART_59_2020, ART_130_1), "2020-09-07")
    # What `fetch` keeps of a publication: its card page, a version without articles.
    card = card_page(Publication("HK9900275", "2/2950", date(2021, 7, 1), "Кодекс Республики Беларусь от 9 июля "
                                 "1999 г. № 275-З", "Уголовный кодекс Республики Беларусь", Document(title="")))
    with Workspace.find(workspace).open_store() as store:
        kept = store.add(card, source="https://pravo.by/document/?guid=12551&p0=HK9900275",
                         filename="HK9900275.card.html", act="HK9900275", edition_date=date(2021, 7, 1),
                         allow_unparsed=True, meta={"kind": "card"})
        assert kept.created and kept.version.articles == 0
    add(lexwatch_cli, workspace, tmp_path, "uk_2022.txt", code(ART_59_2022, ART_130_1), "2022-09-26")
    history = lexwatch_cli("-w", str(workspace), "history", "59", "--json")
    assert history.code == 0, history
    assert [(e["edition_date"], e["summary"]) for e in history.json()] == [("2022-09-26", "changed: +34 −9 words")]
    same = lexwatch_cli("-w", str(workspace), "history", "130¹")
    assert same.code == 0 and same.out == "Статья 130¹: no change in the stored versions of HK9900275\n", same
    # An act of which only the card is stored has no text to follow an article through.
    law = card_page(Publication("H12200165", "2/2912", date(2022, 5, 17), "Закон Республики Беларусь от 13 мая "
                                "2022 г. № 165-З", "Об изменении кодексов по вопросам уголовной ответственности",
                                Document(title="")))
    with Workspace.find(workspace).open_store() as store:
        store.add(law, source="https://pravo.by/document/?guid=12551&p0=H12200165", filename="H12200165.card.html",
                  act="H12200165", edition_date=date(2022, 5, 17), allow_unparsed=True, meta={"kind": "card"})
    bare = lexwatch_cli("-w", str(workspace), "history", "1", "--act", "H12200165")
    assert bare.code == 2 and bare.err == ("lexwatch: error: no stored version of H12200165 has articles (a card "
                                           "or a scan has none): add its text with `lexwatch add FILE --act "
                                           "H12200165`\n"), bare


def test_versions_of_one_date_or_undated_are_said_to_be_taken_in_the_order_added(
        lexwatch_cli: Cli, workspace: Path, tmp_path: Path) -> None:
    add(lexwatch_cli, workspace, tmp_path, "uk_2020.txt", code(ART_59_2020, ART_130_1), "2020-09-07")
    add(lexwatch_cli, workspace, tmp_path, "uk_a.txt", code(ART_59_2022, ART_130_1), "2022-09-26")
    # A correction published under the same date: which came first the store cannot know.
    add(lexwatch_cli, workspace, tmp_path, "uk_b.txt", code(ART_59_2022.replace(
        "2) женщинам;", "2) женщинам, а также лицам, страдающим психическим расстройством;"), ART_130_1), "2022-09-26")
    listed = lexwatch_cli("-w", str(workspace), "drafts", "list", "--json").json()
    first, second = (v["id"][:12] for v in listed if v["edition_date"] == "2022-09-26")
    history = lexwatch_cli("-w", str(workspace), "history", "59")
    assert [line.split("  ")[:2] for line in history.out.splitlines()] == [
        ["2022-09-26", first], ["2022-09-26", second]]
    assert history.err == ("note: versions of one date are taken in the order they were added: "
                           f"2022-09-26 ({first}, {second})\n")
    # An article those versions do not tell apart needs no such word.
    assert lexwatch_cli("-w", str(workspace), "history", "130¹").err == ""
    add(lexwatch_cli, workspace, tmp_path, "uk_undated.txt", code(ART_59_2020, ART_130_1, ART_361_4), None)
    undated = lexwatch_cli("-w", str(workspace), "history", "59", "--json")
    assert undated.json()[-1]["edition_date"] is None and undated.json()[-1]["summary"] == "changed: +9 −40 words"
    assert "note: undated versions come last, in the order they were added: " in undated.err
    assert len(undated.err.splitlines()) == 2


def test_a_number_whose_superscript_was_lost_is_refused_with_the_article_it_may_be(
        lexwatch_cli: Cli, workspace: Path, tmp_path: Path) -> None:
    add(lexwatch_cli, workspace, tmp_path, "uk_2020.txt", code(ART_59_2020), "2020-09-07")
    add(lexwatch_cli, workspace, tmp_path, "uk_2022.txt", code(ART_59_2022, ART_130_1), "2022-09-26")
    outputs = {lexwatch_cli("-w", str(workspace), "history", spelling).out
               for spelling in ("130¹", "130-1", "130/1", "130.1")}
    assert outputs == {f"2022-09-26  {_short_id(lexwatch_cli, workspace)}  Статья 130¹: added\n"}
    # "Статья 1301" as a PDF copies it: 1301 is no article here, and might be one elsewhere (ADR-1).
    lost = lexwatch_cli("-w", str(workspace), "history", "1301")
    assert lost.code == 2 and lost.out == ""
    assert lost.err == ("lexwatch: error: no article 1301 in the 2 stored versions of HK9900275 "
                        "(is it 130¹ with its superscript lost? write 130-1)\n")
    other = lexwatch_cli("-w", str(workspace), "history", "1302")
    assert other.err == "lexwatch: error: no article 1302 in the 2 stored versions of HK9900275\n"


def _short_id(cli: Cli, workspace: Path) -> str:
    listed = cli("-w", str(workspace), "drafts", "list", "--json").json()
    return str(next(v["id"][:12] for v in listed if v["edition_date"] == "2022-09-26"))


def test_an_empty_store_is_told_to_add_a_version_not_to_name_an_act(lexwatch_cli: Cli, workspace: Path) -> None:
    for args in (("history", "59"), ("history", "59", "--json")):
        result = lexwatch_cli("-w", str(workspace), *args)
        assert result.code == 2 and result.out == ""
        assert result.err == ("lexwatch: error: the store holds no versions yet: "
                              "`lexwatch add FILE --act REGNUM --edition-date YYYY-MM-DD` stores one\n")
    named = lexwatch_cli("-w", str(workspace), "history", "59", "--act", "HK9900275")
    assert named.code == 2 and named.err == ("lexwatch: error: no stored versions of HK9900275 "
                                             "(see `lexwatch drafts list`)\n")


def test_a_history_as_markdown_quotes_each_change_and_is_written_where_asked(
        lexwatch_cli: Cli, workspace: Path, tmp_path: Path) -> None:
    # "How did Art. 361⁴ evolve" was a terminal listing only: a commentator could not quote it.
    add(lexwatch_cli, workspace, tmp_path, "uk_2020.txt", code(ART_59_2020, ART_361_4), "2020-09-07")
    add(lexwatch_cli, workspace, tmp_path, "uk_2022.txt", code(ART_59_2022, REPEALED_361_4), "2022-09-26")
    add(lexwatch_cli, workspace, tmp_path, "uk_2023.txt", code(ART_59_2022, ART_361_4), "2023-03-01")
    made = lexwatch_cli("-w", str(workspace), "history", "361⁴", "--format", "markdown")
    assert made.code == 0, made
    text = made.out
    assert text.startswith("# Статья 361⁴: редакции, в которых она менялась (HK9900275)\n")
    repeal, back = text.index("\n## 26.09.2022: HK9900275@2022-09-26 ("), text.index("\n## 01.03.2023: ")
    assert repeal < back and "В сравнении с редакцией HK9900275@2020-09-07." in text[repeal:back]
    assert text[repeal:].split("\n")[1].endswith("): исключена")  # the repeal, in Russian
    assert "### Статья 361⁴. Содействие экстремистской деятельности (исключена)" in text[repeal:back]
    assert "Заголовок:" not in text
    assert text[back:].startswith("\n## 01.03.2023: HK9900275@2023-03-01 (") and ": восстановлена\n" in text[back:]
    assert "**1\\. Вербовка, иное вовлечение лица" in text[back:]
    from markdown_it import MarkdownIt

    html = MarkdownIt("commonmark").enable(["strikethrough"]).render(text)
    assert html.count("<h2>") == 2 and "<ol" not in html  # "1." of a part is no list
    # written to a file named by its kind, json too; a name or a format that contradicts is refused
    path = tmp_path / "361-4.md"
    assert lexwatch_cli("-w", str(workspace), "history", "361-4", "-o", str(path)).code == 0
    assert path.read_text(encoding="utf-8") == text
    data = tmp_path / "59.json"
    assert lexwatch_cli("-w", str(workspace), "history", "59", "-o", str(data)).code == 0
    assert [e["summary"] for e in json.loads(data.read_text(encoding="utf-8"))] == ["changed: +34 −9 words"]
    for args, said in ((("-o", str(tmp_path / "h.txt")), "history writes markdown (.md) or json (.json)"),
                       (("--json", "-o", str(path)), "--format json but"),
                       (("-f", "html"), "unknown format 'html' for history")):
        refused = lexwatch_cli("-w", str(workspace), "history", "59", *args)
        assert refused.code == 2 and said in refused.err, (args, refused)
    # a file kept read-only, a folder, a missing folder: refused before any work, as `diff -o` refuses them
    kept = tmp_path / "kept.md"
    kept.write_text("my notes\n", encoding="utf-8")
    kept.chmod(0o444)
    for target, said in ((kept, "the file is read-only"), (tmp_path, "is a folder"),
                         (tmp_path / "nowhere" / "h.md", "there is no folder")):
        refused = lexwatch_cli("-w", str(workspace), "history", "59", "-f", "markdown", "-o", str(target))
        assert refused.code == 2 and said in refused.err, (target, refused)
    assert kept.read_text(encoding="utf-8") == "my notes\n"
    unchanged = lexwatch_cli("-w", str(workspace), "history", "59", "-f", "markdown", "--act", "HK9900275").out
    assert "## 26.09.2022" in unchanged and "## 01.03.2023" not in unchanged


def test_a_history_as_markdown_names_its_flags_in_russian(lexwatch_cli: Cli, workspace: Path, tmp_path: Path) -> None:
    # "- ⚑ high death-penalty/death-penalty-articles (changed): …" stood in a document quoted in Russian
    from lexwatch.flags import load_packs

    add(lexwatch_cli, workspace, tmp_path, "uk_2020.txt", code(ART_59_2020), "2020-09-07")
    add(lexwatch_cli, workspace, tmp_path, "uk_2022.txt", code(ART_59_2022), "2022-09-26")
    made = lexwatch_cli("-w", str(workspace), "history", "59", "--format", "markdown")
    assert made.code == 0, made
    watched = {(p.name, r.id): r.description for p in load_packs(None) for r in p.rules}
    flags = [line for line in made.out.splitlines() if line.startswith("- ⚑")]
    assert (f"- ⚑ {watched['death-penalty', 'death-penalty-articles']} — изменено, значимость высокая: "
            "«Статья 59. Смертная казнь»") in flags, flags
    assert not any("death-penalty" in line or "high" in line for line in flags), flags
    # the json keeps the rule's id and the English direction
    data = lexwatch_cli("-w", str(workspace), "history", "59", "--json").json()
    assert ("death-penalty-articles", "changed") in {(f["rule"], f["direction"]) for f in data[0]["article"]["flags"]}


def _on_a_terminal(*args: str, cwd: Path, columns: int) -> str:
    code, shown = on_a_terminal(*args, cwd=cwd, columns=columns)
    assert code == 0, shown
    return shown


def test_history_show_on_a_narrow_terminal_shows_no_piece_of_the_diffs_summary(
        lexwatch_cli: Cli, workspace: Path, tmp_path: Path) -> None:
    # The redline's first line (its summary) was cut off as one line; wrapped at an 80-column
    # terminal it is two, and "0 added, 0 removed, 0 renumbered, 0 unchanged" stood under the entry.
    add(lexwatch_cli, workspace, tmp_path, "uk_2020.txt", code(ART_59_2020, ART_130_1), "2020-09-07")
    add(lexwatch_cli, workspace, tmp_path, "uk_2022.txt", code(ART_59_2022, ART_130_1), "2022-09-26")
    shown = _on_a_terminal("-w", str(workspace), "history", "59", "--show", cwd=tmp_path, columns=80)
    entry, blank, heading, *_ = shown.splitlines()
    assert entry.startswith("2022-09-26  ") and entry.endswith("Статья 59: changed: +34 −9 words"), shown
    assert blank == "" and heading.startswith("Статья 59. Смертная казнь — changed"), shown
    assert "unchanged" not in shown and "HK9900275@2020-09-07" not in shown
    assert "[-заключением-]{+лишением свободы+}" in shown and max(map(len, shown.splitlines())) <= 80


def test_history_show_heads_a_repeal_as_its_line_says_and_takes_the_article_as_cited(
        lexwatch_cli: Cli, workspace: Path, tmp_path: Path) -> None:
    # The line said "repealed" and the redline under it "changed: +1 −20 words"; "ст. 361⁴" was refused.
    add(lexwatch_cli, workspace, tmp_path, "uk_2020.txt", code(ART_59_2020, ART_361_4), "2020-09-07")
    add(lexwatch_cli, workspace, tmp_path, "uk_2022.txt", code(ART_59_2022, REPEALED_361_4), "2022-09-26")
    add(lexwatch_cli, workspace, tmp_path, "uk_2023.txt", code(ART_59_2022, ART_361_4), "2023-03-01")
    shown = lexwatch_cli("-w", str(workspace), "history", "ст. 361⁴", "--show")
    assert shown.code == 0, shown
    # each entry's line ("2022-09-26  <id>  Статья 361⁴: …") and its redline's heading
    headings = [m.group(1) for m in re.finditer(r"^(?:\S+  \S+  )?(Статья 361⁴.*)$", shown.out, re.MULTILINE)]
    assert headings == ["Статья 361⁴: repealed",
                        "Статья 361⁴. Содействие экстремистской деятельности (исключена) — repealed",
                        "Статья 361⁴: re-inserted",
                        "Статья 361⁴. Содействие экстремистской деятельности — re-inserted"], shown.out


def test_history_show_with_quiet_still_shows_the_redlines_asked_for(lexwatch_cli: Cli, workspace: Path,
                                                                    tmp_path: Path) -> None:
    # `--quiet` keeps results and errors; the redlines `--show` asks for were dropped without a word
    add(lexwatch_cli, workspace, tmp_path, "uk_2020.txt", code(ART_59_2020, ART_130_1), "2020-09-07")
    add(lexwatch_cli, workspace, tmp_path, "uk_2022.txt", code(ART_59_2022, ART_130_1), "2022-09-26")
    shown = lexwatch_cli("--quiet", "history", "59", "--show", cwd=workspace)
    assert shown.code == 0 and shown.err == "", shown
    assert "Статья 59: changed: +34 −9 words" in shown.out and "[-заключением-]{+лишением свободы+}" in shown.out


def test_history_to_a_file_in_the_terminals_format_says_which_formats_a_file_takes(
        lexwatch_cli: Cli, workspace: Path, tmp_path: Path) -> None:
    add(lexwatch_cli, workspace, tmp_path, "uk_2020.txt", code(ART_59_2020, ART_130_1), "2020-09-07")
    refused = lexwatch_cli("history", "59", "--format", "terminal", "-o", "h.txt", cwd=workspace)
    # it said "give --format for another name" to one who had given --format
    assert refused.code == 2 and refused.err == (
        "lexwatch: error: --output h.txt: history writes markdown (.md) or json (.json) to a file, not the "
        "terminal's format: give --format markdown or json\n"), refused.err
    assert not (workspace / "h.txt").exists()
