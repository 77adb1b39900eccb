"""A commentator's QA of the drafts (`lexwatch commentary new|overview|period|copy`): what each draft
states checked against the two editions, and what users do wrong."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pytest
from builders import write_editions
from conftest import CliResult

Cli = Callable[..., CliResult]

# Art. 41 of the 2020 edition, repealed by the 2022 one ("Статья 41. Исключена"), beside an article
# both editions hold.
ART_41_2020 = [
    "Статья 41. Повторность преступлений",
    "1. Повторностью преступлений признается совершение двух или более преступлений, предусмотренных "
    "одной и той же статьей Особенной части настоящего Кодекса.",
    "2. Совершение двух или более преступлений, предусмотренных различными статьями настоящего Кодекса, "
    "может быть признано повторностью только в случаях, специально указанных в Особенной части "
    "настоящего Кодекса.", ""]
ART_42 = [
    "Статья 42. Совокупность преступлений",
    "1. Совокупностью преступлений признается совершение двух или более преступлений, предусмотренных "
    "различными статьями Особенной части настоящего Кодекса, ни за одно из которых лицо не было осуждено.", ""]
REPEAL_2020 = "\n".join(["УГОЛОВНЫЙ КОДЕКС РЕСПУБЛИКИ БЕЛАРУСЬ", "", *ART_41_2020, *ART_42])
REPEAL_2022 = "\n".join(["УГОЛОВНЫЙ КОДЕКС РЕСПУБЛИКИ БЕЛАРУСЬ", "", "Статья 41. Исключена", "", *ART_42])


def _section(text: str, heading: str) -> str:
    start = text.index(heading)
    end = text.find("\n### ", start + 1)
    return text[start:end if end >= 0 else len(text)]


def test_a_repealed_article_has_no_title_line_that_reads_as_a_rename(
        lexwatch_cli: Cli, tmp_path: Path) -> None:
    """The redline heads a repeal by the title it had and says "исключена" (README, "Diffing"); a
    "Заголовок: ~~Повторность преступлений~~**Исключена**" line read as if the article were renamed."""
    old, new = write_editions(tmp_path, REPEAL_2020, REPEAL_2022)
    for template, out in (("commentary", "draft.md"), ("commentary.html", "draft.html")):
        made = lexwatch_cli("commentary", "new", str(old), str(new), "-T", template, "-o", out)
        assert made.code == 0, made
        text = (tmp_path / out).read_text(encoding="utf-8")
        assert "Статья 41. Повторность преступлений (исключена)" in text, text
        assert "статья исключена" in text
        assert "Заголовок" not in text, text


def test_a_wording_with_no_text_is_quoted_as_a_dash_in_every_format(lexwatch_cli: Cli, tmp_path: Path) -> None:
    """A repealed article's new wording has no text: it was an empty quotation (">" in Markdown, an
    empty <blockquote>, and in Word nothing at all under "Новая редакция"), which reads as text lost.
    It is "—", as the wording of an article an edition lacks is."""
    import docx

    old, new = write_editions(tmp_path, REPEAL_2020, REPEAL_2022)
    for out in ("draft.md", "draft.docx"):
        assert lexwatch_cli("commentary", "new", str(old), str(new), "-a", "41", "-o", out).code == 0
    art41 = _section((tmp_path / "draft.md").read_text(encoding="utf-8"), "### Статья 41")
    assert "**Новая редакция** (uk\\_2022.txt):\n\n> —\n" in art41, art41
    assert "\n>\n" not in art41
    paragraphs = [p.text for p in docx.Document(str(tmp_path / "draft.docx")).paragraphs]
    after = paragraphs[next(i for i, p in enumerate(paragraphs) if p.startswith("Новая редакция")) + 1]
    assert after == "—", paragraphs

    assert lexwatch_cli("commentary", "new", str(old), str(new), "-a", "41", "-T", "commentary.html",
                        "-o", "draft.html").code == 0
    page = (tmp_path / "draft.html").read_text(encoding="utf-8")
    assert "<h3>Новая редакция (uk_2022.txt)</h3><blockquote>—</blockquote>" in page, page


# The head of a consolidated Code as the portal prints it: its date and number, then the acts that
# amended it, one a paragraph (p.changeadd), each with its register number in angle brackets.
HEAD = ["УГОЛОВНЫЙ КОДЕКС РЕСПУБЛИКИ БЕЛАРУСЬ", "9 июля 1999 г. № 275-З",
        "Принят Палатой представителей 2 июня 1999 года", "Одобрен Советом Республики 24 июня 1999 года",
        "Изменения и дополнения:"]
LAW_131 = ("Закон Республики Беларусь от 17 июля 2018 г. № 131-З (Национальный правовой Интернет-портал "
           "Республики Беларусь, 28.07.2018, 2/2569) <H11800131> - внесены изменения и дополнения, {} в силу "
           "29 октября 2018 г.;")
LAW_253 = ("Закон Республики Беларусь от 11 ноября 2019 г. № 253-З (Национальный правовой Интернет-портал "
           "Республики Беларусь, 23.11.2019, 2/2691) <H11900253>")
LAW_146 = "Закон Республики Беларусь от 5 января 2022 г. № 146-З <H12200146>"
LAW_165 = ("Закон Республики Беларусь от 13 мая 2022 г. № 165-З (Национальный правовой Интернет-портал "
           "Республики Беларусь, 17.05.2022, 2/2890) <H12200165> - внесены изменения, вступившие в силу 28 мая 2022 г.")
ART_59_OLD = ["Статья 59. Смертная казнь",
              "1. В качестве исключительной меры наказания допускается применение смертной казни – расстрела "
              "за некоторые особо тяжкие преступления, сопряженные с умышленным лишением жизни человека при "
              "отягчающих обстоятельствах (до отмены смертной казни).", ""]
ART_59_NEW = ["Статья 59. Смертная казнь",
              "1. В качестве исключительной меры наказания допускается применение смертной казни – расстрела "
              "(до отмены смертной казни) за преступления, предусмотренные частью 3 статьи 289 настоящего "
              "Кодекса, либо за сопряженные с умышленным лишением жизни человека при отягчающих "
              "обстоятельствах некоторые иные особо тяжкие преступления.", ""]


def test_a_draft_names_the_laws_that_amended_the_code_between_the_two_editions(
        lexwatch_cli: Cli, workspace: Path) -> None:
    """A consolidated Code lists the acts that amended it: the new edition's entries the old one lacks
    are the laws that made the changes, which a commentator cites. A law the old list had is not
    named again though its note now reads otherwise ("вступающие" → "вступившие")."""
    old = workspace / "uk_2020.txt"
    old.write_text("\n".join([*HEAD, LAW_131.format("вступающие"), LAW_253, "", *ART_59_OLD]), encoding="utf-8")
    new = workspace / "uk_2022.txt"
    new.write_text("\n".join([*HEAD, LAW_131.format("вступившие"), LAW_253 + ";", LAW_146 + ";", LAW_165, "",
                              *ART_59_NEW]), encoding="utf-8")
    listed = ("Акты, которыми внесены изменения (по списку изменений и дополнений редакции {}):\n\n"
              "- Закон Республики Беларусь от 5 января 2022 г. № 146-З (H12200146)\n"
              "- Закон Республики Беларусь от 13 мая 2022 г. № 165-З (H12200165): внесены изменения, "
              "вступившие в силу 28 мая 2022 г.\n")
    made = lexwatch_cli("commentary", "new", str(old), str(new), "-o", "draft.md", cwd=workspace)
    assert made.code == 0, made
    text = (workspace / "draft.md").read_text(encoding="utf-8")
    assert listed.format("uk\\_2022.txt") in text, text
    assert "131-З" not in text and "253-З" not in text

    made = lexwatch_cli("commentary", "new", str(old), str(new), "-T", "commentary.html", "-o", "draft.html",
                        cwd=workspace)
    assert made.code == 0, made
    page = (workspace / "draft.html").read_text(encoding="utf-8")
    assert "<li>Закон Республики Беларусь от 5 января 2022 г. № 146-З (H12200146)</li>" in page, page

    # a review of the period: the Code's entry names them too
    for path, day in ((old, "2020-09-07"), (new, "2022-09-26")):
        assert lexwatch_cli("add", str(path), "--edition-date", day, cwd=workspace).code == 0
    made = lexwatch_cli("commentary", "period", "--since", "2022-01-01", "--until", "2022-12-31", "-o", "q.md",
                        cwd=workspace)
    assert made.code == 0, made
    assert listed.format("от 26.09.2022") in (workspace / "q.md").read_text(encoding="utf-8")

    # an edition saved without its list says nothing of the laws: none is named
    old.write_text("\n".join(["УГОЛОВНЫЙ КОДЕКС РЕСПУБЛИКИ БЕЛАРУСЬ", "", *ART_59_OLD]), encoding="utf-8")
    made = lexwatch_cli("commentary", "new", str(old), str(new), "-o", "bare.md", cwd=workspace)
    assert made.code == 0, made
    assert "Акты, которыми" not in (workspace / "bare.md").read_text(encoding="utf-8")


def test_a_template_reaching_outside_the_templates_is_one_clear_line(lexwatch_cli: Cli, workspace: Path) -> None:
    """`{% include '../../lexwatch.toml' %}` (a colleague's template reaching for the workspace's files)
    was refused with the bare name, "template error: ../../lexwatch.toml", which says nothing of why."""
    old, new = write_editions(workspace, REPEAL_2020, REPEAL_2022)
    folder = workspace / "commentary" / "templates"
    for name, reach in (("up", "../../lexwatch.toml"), ("root", "/etc/passwd"), ("gone", "parts.md.j2")):
        (folder / f"{name}.md.j2").write_text(f"# {{{{ title }}}}\n{{% include '{reach}' %}}\n", encoding="utf-8")
        made = lexwatch_cli("commentary", "new", str(old), str(new), "-T", name, "-o", "-", cwd=workspace)
        assert made.code == 2, made
        assert made.err == (f"lexwatch: error: {folder / name}.md.j2:2: template error: no template '{reach}' "
                            "(a template includes, extends or imports only those in commentary/templates/ and "
                            "the built-in ones, by name)\n"), made.err
        assert made.out == ""


_BY_STAR = r":2: template error: a (text or list of more than 10,000,000|power above 256) is not made in a template"
_BY_MEMORY = r": template error: it ran out of memory \(a draft may take 1024 MB: a text made larger and larger\?\)"


@pytest.mark.parametrize(("made", "said"), [
    ("{{ 'a' * 10**9 }}", _BY_STAR), ("{{ (['ст. 59'] * 10**8) | join }}", _BY_STAR),
    ("{{ 10 ** 100000000 }}", _BY_STAR),
    # `*` bounded, padding (`ljust`, `center`) or doubling in a loop made the same gigabytes
    ("{{ 'a'.ljust(10**9) }}", _BY_MEMORY), ("{{ 'a' | center(10**9) }}", _BY_MEMORY),
    ("{% set ns = namespace(s='ст. 59 ' * 10**5) %}{% for i in range(40) %}{% set ns.s = ns.s ~ ns.s %}"
     "{% endfor %}{{ ns.s | length }}", _BY_MEMORY)])
def test_a_template_making_a_gigabyte_is_one_clear_line_not_a_huge_draft(
        lexwatch_cli: Cli, workspace: Path, made: str, said: str) -> None:
    """A colleague's template multiplying a text by 10**9 wrote a 1 GB draft (or died of MemoryError)."""
    old, new = write_editions(workspace, REPEAL_2020, REPEAL_2022)
    template = workspace / "commentary" / "templates" / "huge.md.j2"
    template.write_text(f"# {{{{ title }}}}\n{made}\n", encoding="utf-8")
    result = lexwatch_cli("commentary", "new", str(old), str(new), "-T", "huge", "-o", "-", cwd=workspace,
                          timeout=60)
    assert result.code == 2 and result.out == "", result
    assert re.fullmatch(f"lexwatch: error: {re.escape(str(template))}{said}\n", result.err), result.err
    # and the next draft is made as ever: the limits were put back
    assert lexwatch_cli("commentary", "new", str(old), str(new), "-o", "-", cwd=workspace).code == 0


def test_a_template_running_too_long_is_stopped_with_one_clear_line(monkeypatch: pytest.MonkeyPatch,
                                                                    tmp_path: Path) -> None:
    from lexwatch.commentary import scaffold
    from lexwatch.errors import UsageError

    template = tmp_path / "slow.md.j2"
    template.write_text("{% for i in range(100000) %}{% for j in range(100000) %}{% endfor %}{% endfor %}\n",
                        encoding="utf-8")
    monkeypatch.setattr(scaffold, "_RENDER_SECONDS", 1)
    with pytest.raises(UsageError, match=r"slow\.md\.j2: template error: it ran longer than 1 s"):
        scaffold.render(scaffold.Template("slow.md", template, builtin=False), {}, None)


def test_an_overview_of_an_article_whose_superscript_was_lost_names_the_article_it_may_be(
        lexwatch_cli: Cli, tmp_path: Path) -> None:
    """`commentary new` and `diff` answer "-a 1302" with "is it 130²…?"; `overview` said only "no article
    1302", and a commentator who pasted the number from a PDF took it for an article the Code lacks."""
    code = tmp_path / "uk_2022.txt"
    code.write_text("\n".join(["УГОЛОВНЫЙ КОДЕКС РЕСПУБЛИКИ БЕЛАРУСЬ", "", *ART_42,
                               "Статья 130². Отрицание геноцида белорусского народа",
                               "1. Отрицание геноцида белорусского народа, содержащееся в публичном выступлении, – "
                               "наказывается арестом, или ограничением свободы на срок до пяти лет, или лишением "
                               "свободы на тот же срок.", ""]), encoding="utf-8")
    made = lexwatch_cli("commentary", "overview", str(code), "-a", "1302", "-o", "-")
    assert made.code == 2, made
    assert made.err == ("lexwatch: error: no article 1302 (is it 130² with its superscript lost? write 130-2) "
                        "in uk_2022.txt\n"), made.err


def test_a_commentary_folder_that_cannot_be_written_is_named_with_what_to_do(
        lexwatch_cli: Cli, workspace: Path) -> None:
    """A workspace whose commentary/ cannot be made (a read-only copy; here a file in its place) said
    "File exists: …/commentary"; `commentary copy` into a templates/ that cannot take a file said the
    workspace's own template was there already, or named a temp file (".review.md.j2.1efaad58d4c8.tmp")."""
    old, new = write_editions(workspace, REPEAL_2020, REPEAL_2022)
    folder = workspace / "commentary"
    templates = folder / "templates"
    (templates / "README.md").unlink()
    templates.rmdir()
    templates.write_text("", encoding="utf-8")
    copied = lexwatch_cli("commentary", "copy", "review", cwd=workspace)
    assert copied.code == 2, copied
    assert copied.err == f"lexwatch: error: cannot write {templates / 'review.md.j2'}: {templates} is not a folder\n"

    templates.unlink()
    folder.rmdir()
    folder.write_text("", encoding="utf-8")
    made = lexwatch_cli("commentary", "new", str(old), str(new), cwd=workspace)
    assert made.code == 2, made
    assert made.err == (f"lexwatch: error: cannot make {folder}: it is not a folder (give --output FILE, "
                        "or -o - for standard output)\n"), made.err
    # elsewhere, the draft is written
    assert lexwatch_cli("commentary", "new", str(old), str(new), "-o", "draft.md", cwd=workspace).code == 0


LAW_165_TEXT = """ЗАКОН РЕСПУБЛИКИ БЕЛАРУСЬ
13 мая 2022 г. № 165-З
Об изменении Уголовного кодекса Республики Беларусь

Принят Палатой представителей 26 апреля 2022 года
Одобрен Советом Республики 28 апреля 2022 года

Статья 1. Внести в Уголовный кодекс Республики Беларусь от 9 июля 1999 г. № 275-З следующие изменения:
1. Часть 2 статьи 67 после слов «не назначается» дополнить словами «, за исключением покушения на совершение \
преступлений, предусмотренных частью 3 статьи 289 настоящего Кодекса».
Статья 2. Настоящий Закон вступает в силу через десять дней после его официального опубликования.
"""
# another law of the quarter of the same name (a code is amended under one name many times a year)
LAW_182_TEXT = """ЗАКОН РЕСПУБЛИКИ БЕЛАРУСЬ
20 июня 2022 г. № 182-З
Об изменении Уголовного кодекса Республики Беларусь

Статья 1. Внести в Уголовный кодекс Республики Беларусь от 9 июля 1999 г. № 275-З следующие изменения:
1. В части 1 статьи 361¹ слова «от трех до семи лет» заменить словами «от четырех до восьми лет».
Статья 2. Настоящий Закон вступает в силу после его официального опубликования.
"""


def test_two_laws_of_one_name_are_told_apart_in_the_period_summary(lexwatch_cli: Cli, workspace: Path) -> None:
    """The summary table named each law by its name alone: a quarter with two laws "Об изменении
    Уголовного кодекса Республики Беларусь" read as one law twice. A name two documents share is
    followed by each one's number; a name no other document has stays as it was."""
    for name, text, act, day in (("165-z.txt", LAW_165_TEXT, "H12200165", "2022-05-18"),
                                 ("182-z.txt", LAW_182_TEXT, "H12200182", "2022-06-25")):
        (workspace / name).write_text(text, encoding="utf-8")
        assert lexwatch_cli("add", name, "--act", act, "--edition-date", day, cwd=workspace).code == 0
    made = lexwatch_cli("commentary", "period", "--since", "2022-04-01", "--until", "2022-06-30", "-o", "-",
                        cwd=workspace)
    assert made.code == 0, made
    rows = {line.split(" | ")[0]: line for line in made.out.splitlines() if line.startswith("| ")}
    death = next(row for key, row in rows.items() if key.startswith("| Смертная казнь"))
    assert "| Об изменении Уголовного кодекса Республики Беларусь (№ 165-З): ч. 2 ст. 67 УК |" in death, death
    extremism = next(row for key, row in rows.items() if key.startswith("| Экстремизм"))
    assert "| Об изменении Уголовного кодекса Республики Беларусь (№ 182-З): ч. 1 ст. 361¹ УК |" in extremism

    alone = lexwatch_cli("commentary", "period", "--since", "2022-04-01", "--until", "2022-05-31", "-o", "-",
                         cwd=workspace)
    assert "| Об изменении Уголовного кодекса Республики Беларусь: ч. 2 ст. 67 УК |" in alone.out, alone


def test_a_review_names_a_repealed_article_once_as_repealed(lexwatch_cli: Cli, workspace: Path) -> None:
    """The review and period lists read "Статья 41. Повторность преступлений (исключена) — исключена":
    the heading's "(исключена)", which the commentary's heading keeps, said twice on one line."""
    old, new = write_editions(workspace, REPEAL_2020, REPEAL_2022)
    made = lexwatch_cli("commentary", "new", str(old), str(new), "-T", "review", "-o", "-", cwd=workspace)
    assert made.code == 0, made
    assert "\n- Статья 41. Повторность преступлений — исключена\n" in made.out, made.out
    for path, day in ((old, "2020-09-07"), (new, "2022-09-26")):
        assert lexwatch_cli("add", str(path), "--act", "HK9900275", "--edition-date", day, cwd=workspace).code == 0
    made = lexwatch_cli("commentary", "period", "--since", "2022-01-01", "--until", "2022-12-31", "-o", "-",
                        cwd=workspace)
    assert made.code == 0, made
    assert "\n- Статья 41. Повторность преступлений — исключена\n" in made.out, made.out
    assert "(исключена) — исключена" not in made.out


def test_every_built_in_draft_dates_itself_as_a_russian_text_writes_a_date(
        lexwatch_cli: Cli, workspace: Path) -> None:
    """Every date of a draft reads "26.09.2022" but the draft's own ("Черновик подготовлен lexwatch
    0.1.0 2026-12-02"), which a Russian reader takes for a number or an English text's date."""
    import re
    from datetime import date

    old, new = write_editions(workspace, REPEAL_2020, REPEAL_2022)
    today = date.today().strftime("%d.%m.%Y")
    for path, day in ((old, "2020-09-07"), (new, "2022-09-26")):
        assert lexwatch_cli("add", str(path), "--act", "HK9900275", "--edition-date", day, cwd=workspace).code == 0
    runs = [("new", str(old), str(new), "-T", template) for template in ("commentary", "commentary.html", "review")]
    runs += [("overview", str(new)), ("period", "--since", "2022-01-01", "--until", "2022-12-31")]
    for args in runs:
        made = lexwatch_cli("commentary", *args, "-o", "-", cwd=workspace)
        assert made.code == 0, made
        stamp = re.search(r"Черновик подготовлен lexwatch \S+ (\S+?)[:.]?\s", made.out)
        assert stamp and stamp.group(1) == today, (args, made.out[:400])


def test_a_review_of_flagged_articles_only_counts_the_other_changes_it_leaves_out(
        lexwatch_cli: Cli, tmp_path: Path) -> None:
    """README's quarterly review (`-T review --pack extremism --flagged-only`) said "Прочие изменения |
    0" of the 2020 -> 2022 Code, which changed 219 other articles: the count was of those listed."""
    art_42_new = [ART_42[0], ART_42[1].replace("ни за одно из которых", "если ни за одно из них"), ""]
    old, new = write_editions(tmp_path, "\n".join(["УГОЛОВНЫЙ КОДЕКС РЕСПУБЛИКИ БЕЛАРУСЬ", "", *ART_59_OLD,
                                                   *ART_41_2020, *ART_42]),
                              "\n".join(["УГОЛОВНЫЙ КОДЕКС РЕСПУБЛИКИ БЕЛАРУСЬ", "", *ART_59_NEW,
                                         "Статья 41. Исключена", "", *art_42_new]))
    made = lexwatch_cli("commentary", "new", str(old), str(new), "-T", "review", "-p", "death-penalty",
                        "--flagged-only", "-o", "-")
    assert made.code == 0, made
    assert "\n| Прочие изменения | 2 (в обзор не включены) |\n" in made.out, made.out
    assert "## Прочие изменения" not in made.out
    made = lexwatch_cli("commentary", "new", str(old), str(new), "-T", "review", "-p", "death-penalty", "-o", "-")
    assert "\n| Прочие изменения | 2 |\n" in made.out, made.out
    assert "## Прочие изменения\n\n- Статья 41. Повторность преступлений — исключена\n- Статья 42." in made.out


def test_the_html_commentary_says_what_its_list_of_subjects_is(lexwatch_cli: Cli, tmp_path: Path) -> None:
    """The HTML commentary printed the subjects the packs flag as a bare list under the counts (the
    Markdown one heads it "Затронутые темы:"): a reader could not tell what the list was of."""
    old, new = write_editions(tmp_path, "\n".join(["УГОЛОВНЫЙ КОДЕКС РЕСПУБЛИКИ БЕЛАРУСЬ", "", *ART_59_OLD]),
                              "\n".join(["УГОЛОВНЫЙ КОДЕКС РЕСПУБЛИКИ БЕЛАРУСЬ", "", *ART_59_NEW]))
    made = lexwatch_cli("commentary", "new", str(old), str(new), "-T", "commentary.html", "-p", "death-penalty",
                        "-o", "-")
    assert made.code == 0, made
    assert "<p>Затронутые темы:</p>\n<ul><li>Смертная казнь" in made.out, made.out


def test_a_title_given_with_bidi_controls_or_escapes_reaches_no_draft_with_them(
        lexwatch_cli: Cli, workspace: Path) -> None:
    """README: bidi controls and terminal escapes never reach a draft. A `--title` pasted from a chat
    (a right-to-left override, a colour code) reached the draft's heading and the HTML's <title>, where
    the words after U+202E show backwards; `add --title` was held to that already."""
    old, new = write_editions(workspace, REPEAL_2020, REPEAL_2022)
    given = "Повторность\u202e преступлений \x1b[31mв УК\u2066 2022"
    for template in ("commentary", "commentary.html", "review"):
        made = lexwatch_cli("commentary", "new", str(old), str(new), "-T", template, "-t", given, "-o", "-",
                            cwd=workspace)
        assert made.code == 0, made
        assert "Повторность преступлений в УК 2022" in made.out, made.out[:300]
        assert not any(c in made.out for c in "\u202e\u2066\x1b"), made.out[:300]
    assert lexwatch_cli("add", str(new), "--act", "HK9900275", "--edition-date", "2022-09-26", cwd=workspace).code == 0
    made = lexwatch_cli("commentary", "overview", "HK9900275@2022-09-26", "-t", given, "-o", "-", cwd=workspace)
    assert made.out.startswith("# Повторность преступлений в УК 2022\n"), made
    made = lexwatch_cli("commentary", "period", "--since", "2022-01-01", "--until", "2022-12-31", "-t", given,
                        "-o", "-", cwd=workspace)
    assert made.out.startswith("# Повторность преступлений в УК 2022\n"), made
    # a title of controls alone is no title
    made = lexwatch_cli("commentary", "new", str(old), str(new), "-t", "\u202e\x1b[0m", "-o", "-", cwd=workspace)
    assert made.code == 2 and made.err == "lexwatch: error: --title is empty\n", made
