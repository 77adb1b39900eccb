"""A commentator drafts a commentary from two editions: `lexwatch commentary new|templates|copy`."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest
from builders import write_editions
from conftest import CliResult

from lexwatch.commentary.scaffold import draft_name
from lexwatch.fsutil import atomic_write
from lexwatch.workspace import Workspace

Cli = Callable[..., CliResult]

ART_59_2020 = [
    "Статья 59. Смертная казнь",
    "1. В качестве исключительной меры наказания допускается применение смертной казни – расстрела "
    "за некоторые особо тяжкие преступления, сопряженные с умышленным лишением жизни человека при "
    "отягчающих обстоятельствах (до отмены смертной казни).",
    "2. Смертная казнь не может быть назначена:",
    "1) лицам, совершившим преступления в возрасте до восемнадцати лет;",
    "2) женщинам.", ""]
ART_67_2020 = [
    "Статья 67. Назначение наказания за неоконченное преступление",
    "1. При назначении наказания за неоконченное преступление учитываются характер и степень "
    "общественной опасности действий, совершенных виновным.",
    "2. Смертная казнь за приготовление к преступлению и покушение на преступление не назначается.", ""]
ART_60 = [
    "Статья 60. Иные меры уголовной ответственности",
    "Иные меры уголовной ответственности применяются судом в случаях, предусмотренных настоящим Кодексом.", ""]

CODE_2020 = "\n".join(["УГОЛОВНЫЙ КОДЕКС РЕСПУБЛИКИ БЕЛАРУСЬ", "", *ART_59_2020, *ART_60, *ART_67_2020])
# Law No. 165-З of 13.05.2022: Art. 59 part 1 rewritten, the attempt punishable by death (Art. 67),
# and Art. 130² of the genocide law; Art. 60 gains a technical-looking but real word.
CODE_2022 = CODE_2020.replace(
    "за некоторые особо тяжкие преступления, сопряженные",
    "(до отмены смертной казни) за преступления, предусмотренные частью 2 статьи 124 и частью 3 статьи "
    "289 настоящего Кодекса, либо за сопряженные").replace(
    "при отягчающих обстоятельствах (до отмены смертной казни).",
    "при отягчающих обстоятельствах некоторые иные особо тяжкие преступления.").replace(
    "покушение на преступление не назначается.",
    "покушение на преступление не назначается, за исключением покушения на совершение преступлений, "
    "предусмотренных частью 3 статьи 289 настоящего Кодекса.").replace(
    "применяются судом", "применяются только судом") + "\n".join([
        "", "Статья 130². Отрицание геноцида белорусского народа",
        "1. Отрицание геноцида белорусского народа, содержащееся в публичном выступлении, – наказывается "
        "арестом, или ограничением свободы на срок до пяти лет, или лишением свободы на тот же срок.", ""])


@pytest.fixture
def editions(tmp_path: Path) -> tuple[Path, Path]:
    return write_editions(tmp_path, CODE_2020, CODE_2022)


def _draft(workspace: Path) -> Path:
    drafts = sorted((workspace / "commentary").glob("*.md"))
    assert len(drafts) == 1, drafts
    return drafts[0]


def test_a_commentator_drafts_a_commentary_that_already_holds_the_facts(
        lexwatch_cli: Cli, workspace: Path, editions: tuple[Path, Path]) -> None:
    made = lexwatch_cli("commentary", "new", *map(str, editions), "--article", "59", "--article", "67",
                        "--title", "Смертная казнь за покушение", cwd=workspace)
    assert made.code == 0, made
    path = _draft(workspace)
    assert path.name == f"{date.today().isoformat()}-smertnaya-kazn-za-pokushenie.md"
    assert made.out.strip() == str(path) and "2 articles (2 flagged)" in made.err
    text = path.read_text(encoding="utf-8")
    assert text.startswith("# Смертная казнь за покушение\n")
    assert "Изменено статей: 2, добавлено: 0" in text  # of the articles asked
    # the subjects the packs flag, each with its articles as a lawyer cites them
    assert re.search(r"\n- Смертная казнь: [^\n]*\): ст\. 59, 67\n", text), text
    # each article: its old wording with the deleted words struck, the new with the inserted bold
    art59 = text[text.index("### Статья 59. Смертная казнь"):text.index("### Статья 67")]
    old = art59[art59.index("**Прежняя редакция**"):art59.index("**Новая редакция**")]
    new = art59[art59.index("**Новая редакция**"):]
    assert "~~за некоторые особо тяжкие~~" in old and "**предусмотренные" not in old
    assert "**(до отмены смертной казни) за**" in new and "~~" not in new
    assert "> 2\\. Смертная казнь не может быть назначена:  \n> 1\\) лицам" in old  # a line a part, no list
    assert "Тема: Смертная казнь" in art59 and "значимость высокая" in art59
    assert re.search(r"\n\*статья изменена \(добавлено слов: \d+, исключено: \d+\)\*\n", art59)  # not "−9 слов"
    assert "Статья 60" not in text and "Статья 130²" not in text  # only the articles asked
    assert "- Прежняя редакция: uk\\_2020.txt" in text and text.endswith("\n")
    assert str(editions[0].parent) not in text  # a local file's folder is not told (it may name a user)


def test_a_draft_is_never_written_over_a_file_its_author_edited(
        lexwatch_cli: Cli, workspace: Path, editions: tuple[Path, Path]) -> None:
    assert lexwatch_cli("commentary", "new", *map(str, editions), cwd=workspace).code == 0
    path = _draft(workspace)
    path.write_text("# Мой комментарий\n\nТекст, над которым я работал неделю.\n", encoding="utf-8")
    again = lexwatch_cli("commentary", "new", *map(str, editions), cwd=workspace)
    assert again.code == 2 and len(again.err.strip().splitlines()) == 1, again
    assert "never writes over a commentary" in again.err and again.out == ""
    assert path.read_text(encoding="utf-8").startswith("# Мой комментарий")
    other = workspace / "commentary" / "other.md"
    other.write_text("мои заметки", encoding="utf-8")
    refused = lexwatch_cli("commentary", "new", *map(str, editions), "-o", str(other), cwd=workspace)
    assert refused.code == 2 and other.read_text(encoding="utf-8") == "мои заметки"
    assert not list((workspace / "commentary").glob(".*.tmp"))


def test_atomic_write_without_replace_keeps_the_file_there() -> None:
    import tempfile

    with tempfile.TemporaryDirectory() as folder:
        target = Path(folder) / "draft.md"
        atomic_write(target, b"first", replace=False)
        with pytest.raises(FileExistsError):
            atomic_write(target, b"second", replace=False)
        assert target.read_bytes() == b"first" and sorted(p.name for p in Path(folder).iterdir()) == ["draft.md"]


def test_the_review_template_groups_flagged_articles_by_subject(
        lexwatch_cli: Cli, workspace: Path, editions: tuple[Path, Path]) -> None:
    made = lexwatch_cli("commentary", "new", *map(str, editions), "--template", "review", "-o", "-",
                        cwd=workspace)
    assert made.code == 0, made
    text = made.out
    genocide = text.index("## Геноцид")
    death = text.index("## Смертная казнь")
    assert "### Статья 130². Отрицание геноцида белорусского народа — новая статья" in text[genocide:]
    assert "### Статья 59. Смертная казнь — изменена" in text[death:]
    # the unflagged change is listed once, briefly, under "other changes", in the draft's Russian
    assert re.search(r"## Прочие изменения\n\n- Статья 60\. Иные меры уголовной ответственности — изменена "
                     r"\(добавлено слов: 1, исключено: 0\)\n", text)
    assert "changed" not in text and "words" not in text
    assert "| Прочие изменения | 1 |" in text


def test_the_review_quotes_and_assesses_an_article_two_subjects_touch_once(
        lexwatch_cli: Cli, workspace: Path, editions: tuple[Path, Path]) -> None:
    # Art. 59 and 67 now cite Art. 289: death penalty and terrorism both; each subject repeated their
    # redlines and asked for an assessment of each twice
    made = lexwatch_cli("commentary", "new", *map(str, editions), "-T", "review", "-o", "-", cwd=workspace)
    assert made.code == 0, made
    terrorism = made.out[made.out.index("\n## Терроризм"):made.out.index("\n## Прочие изменения")]
    assert "### Статья 59. Смертная казнь — изменена" in terrorism
    assert "частью 3 статьи 289 настоящего …»\n\nПравка и оценка — выше, в разделе «Смертная казнь: её введение" \
        in terrorism, terrorism
    assert made.out.count("> 2\\. Смертная казнь не может быть назначена:") == 1, made.out
    assert made.out.count("_Оценка:_") == 3  # Art. 59, 67 and 130², once each


def test_flagged_only_and_a_pack_keep_only_what_that_subject_touches(
        lexwatch_cli: Cli, workspace: Path, editions: tuple[Path, Path]) -> None:
    made = lexwatch_cli("commentary", "new", *map(str, editions), "--pack", "genocide", "--flagged-only",
                        "-o", "-", cwd=workspace)
    assert made.code == 0, made
    assert "### Статья 130²" in made.out and "### Статья 59" not in made.out and "### Статья 60" not in made.out
    assert "Изменено статей: 3, добавлено: 1" in made.out and "; в этом документе: 1." in made.out
    nothing = lexwatch_cli("commentary", "new", str(editions[0]), str(editions[0]), cwd=workspace)
    assert nothing.code == 0 and "no differences; no draft written" in nothing.err
    assert not list((workspace / "commentary").glob("*.md"))


def test_the_law_text_is_escaped_for_markdown_and_for_html(
        lexwatch_cli: Cli, workspace: Path, tmp_path: Path) -> None:
    hostile = CODE_2020.replace("применяются судом", "применяются <script>alert(1)</script> *судом* [x](y)")
    (tmp_path / "h").mkdir()
    old, new = write_editions(tmp_path / "h", CODE_2020, hostile)
    md = lexwatch_cli("commentary", "new", str(old), str(new), "-a", "60", "-t", "<b>Заголовок</b>", "-o", "-",
                      cwd=workspace)
    assert md.code == 0, md
    assert "<script>" not in md.out and "\\<script\\>alert(1)\\</script\\>" in md.out
    assert "\\[x\\](y)" in md.out and " \\*</strong>судом<strong>\\* " in md.out
    assert md.out.startswith("# \\<b\\>Заголовок\\</b\\>")
    html = lexwatch_cli("commentary", "new", str(old), str(new), "-a", "60", "-t", "<b>Заголовок</b>",
                        "-T", "commentary.html", "-o", "-", cwd=workspace)
    assert html.code == 0, html
    assert "<script>" not in html.out and "&lt;script&gt;" in html.out
    assert "<title>&lt;b&gt;Заголовок&lt;/b&gt;</title>" in html.out and "<ins>" in html.out


def test_a_workspace_template_replaces_the_built_in_one(lexwatch_cli: Cli, workspace: Path,
                                                        editions: tuple[Path, Path]) -> None:
    copied = lexwatch_cli("commentary", "copy", "commentary", cwd=workspace)
    assert copied.code == 0, copied
    mine = workspace / "commentary" / "templates" / "commentary.md.j2"
    assert copied.out.strip() == str(mine)
    mine.write_text("{# Наш формат #}\n## {{ title }}\n{% for a in articles %}* {{ a.label }}: {{ a.inserted }}"
                    "\n{% endfor %}{{ old.label }}\n", encoding="utf-8")
    listed = lexwatch_cli("commentary", "templates", "--json", cwd=workspace).json()
    assert {"name": "commentary.md", "format": "markdown", "builtin": False, "path": str(mine),
            "description": "Наш формат"} in listed
    assert [t["name"] for t in listed if t["builtin"]] == ["commentary.html", "overview.md", "period.md", "review.md"]
    made = lexwatch_cli("commentary", "new", *map(str, editions), "-a", "59", "-o", "-", cwd=workspace)
    assert made.code == 0 and made.out == "## Изменения: uk\\_2020.txt → uk\\_2022.txt\n* Статья 59: 24\nuk\\_2020.txt\n"
    again = lexwatch_cli("commentary", "copy", "commentary", cwd=workspace)
    assert again.code == 2 and "exists" in again.err
    assert mine.read_text(encoding="utf-8").startswith("{# Наш формат #}")


def test_the_template_list_keeps_its_columns_for_a_long_name(lexwatch_cli: Cli, workspace: Path) -> None:
    # "commentary.html" (15 characters) and a colleague's longer name pushed their rows out of the columns
    (workspace / "commentary" / "templates" / "antiekstremizm-kvartal.md.j2").write_text(
        "{# Квартальный обзор нашей организации #}\n# {{ title }}\n", encoding="utf-8")
    listed = lexwatch_cli("commentary", "templates", cwd=workspace, env={"COLUMNS": "300"})
    assert listed.code == 0, listed
    rows = [line for line in listed.out.splitlines() if not line.startswith(" ")]
    assert [row.split()[0] for row in rows] == ["antiekstremizm-kvartal.md", "commentary.html", "commentary.md",
                                                "overview.md", "period.md", "review.md"], listed.out
    assert len({row.index(" markdown " if " markdown " in row else " html ") for row in rows}) == 1, listed.out
    described = [line for line in listed.out.splitlines() if line.startswith(" ")]
    assert {len(line) - len(line.lstrip()) for line in described} == {len("antiekstremizm-kvartal.md") + 1}


@pytest.mark.parametrize(("body", "says"), [
    ("{% for a in articles %}{{ a.labl }}{% endfor %}", r"bad\.md\.j2:1: template error: .*labl"),
    ("line one\n{{ title }\n", r"bad\.md\.j2:2: template error: "),
    ("{{ ''.__class__.__mro__[1].__subclasses__() }}", r"bad\.md\.j2:1: template error: .*unsafe"),
    ("{{ articles | join(1, 2, 3) }}", r"bad\.md\.j2:1: template error: "),
])
def test_a_broken_or_unsafe_template_is_one_line_naming_its_file_and_line(
        lexwatch_cli: Cli, workspace: Path, editions: tuple[Path, Path], body: str, says: str) -> None:
    template = workspace / "commentary" / "templates" / "bad.md.j2"
    template.write_text(body, encoding="utf-8")
    result = lexwatch_cli("commentary", "new", *map(str, editions), "-T", "bad", cwd=workspace)
    assert result.code == 2, result
    assert len(result.err.strip().splitlines()) == 1 and re.search(says, result.err), result.err
    assert "Traceback" not in result.err and not list((workspace / "commentary").glob("*.md"))


def test_an_unknown_template_or_no_workspace_is_one_line(lexwatch_cli: Cli, tmp_path: Path,
                                                         editions: tuple[Path, Path]) -> None:
    unknown = lexwatch_cli("commentary", "new", *map(str, editions), "-T", "nosuch", "-o", "-")
    assert unknown.code == 2 and "no template 'nosuch' (there are: commentary.html, commentary.md, overview.md, period.md," \
        " review.md" in unknown.err
    outside = lexwatch_cli("commentary", "new", *map(str, editions))
    assert outside.code == 2 and "not inside a lexwatch workspace: give --output FILE" in outside.err
    assert lexwatch_cli("commentary", "new", *map(str, editions), "-o", "-").code == 0


def test_stored_versions_give_their_dates_and_portal_address(lexwatch_cli: Cli, workspace: Path,
                                                             editions: tuple[Path, Path]) -> None:
    url = "https://pravo.by/document/?guid=3871&p0=HK9900275"
    with Workspace.find(workspace).open_store() as store:
        for path, when in zip(editions, (date(2021, 1, 1), date(2022, 6, 1)), strict=True):
            store.add(path.read_bytes(), source=url, filename=path.name, act="HK9900275", edition_date=when)
    made = lexwatch_cli("commentary", "new", "HK9900275@2021-01-01", "HK9900275@2022-06-01", "-T", "review",
                        "-o", "-", cwd=workspace)
    assert made.code == 0, made
    # the act as a lawyer names it, not in the edition's capitals; the editions by their dates
    assert "Период: 01.01.2021 — 01.06.2022. Уголовный кодекс Республики Беларусь (HK9900275)." in made.out
    assert "из сравнения редакций\n> от 01.01.2021 и от 01.06.2022; выводы — за автором." in made.out, made.out
    # an autolink, its address not escaped; the edition and the stored bytes named
    assert re.search(rf"- HK9900275@2021-01-01, редакция от 01\.01\.2021, <{re.escape(url)}> \(sha256 [0-9a-f]{{64}}\)\n",
                     made.out), made.out


def test_the_draft_name_is_the_date_and_the_title_in_latin_letters() -> None:
    day = date(2026, 12, 1)
    assert draft_name("Закон о геноциде белорусского народа", day, ".md") == \
        "2026-12-01-zakon-o-genotside-belorusskogo-naroda.md"
    assert draft_name("Обзор: антиэкстремистское законодательство, I квартал 2024 г.", day, ".html") == \
        "2026-12-01-obzor-antiekstremistskoe-zakonodatelstvo-i-kvartal-2024-g.html"
    long = draft_name("Изменения " * 20, day, ".md")
    assert len(long) <= len("2026-12-01-") + 60 + 3 and not long.removesuffix(".md").endswith("-")
    assert draft_name("../../etc/passwd «»", day, ".md") == "2026-12-01-etc-passwd.md"
    assert draft_name("«»", day, ".md") == "2026-12-01-commentary.md"


def test_every_name_a_template_is_given_is_in_the_readme(lexwatch_cli: Cli, workspace: Path,
                                                         editions: tuple[Path, Path]) -> None:
    dump = workspace / "commentary" / "templates" / "keys.md.j2"
    dump.write_text("{{ articles[0].keys() | join(' ') }}\n{{ old.keys() | join(' ') }}\n"
                    "{{ summary.keys() | join(' ') }}\n{{ selection.keys() | join(' ') }}\n"
                    "{{ articles[0].flags[0].keys() | join(' ') }}\n{{ subjects[0].keys() | join(' ') }}\n"
                    "{% for k in made %}made.{{ k }} {% endfor %}{% for k in act %}act.{{ k }} {% endfor %}\n",
                    encoding="utf-8")
    made = lexwatch_cli("commentary", "new", *map(str, editions), "-a", "59", "-T", "keys", "-o", "-", cwd=workspace)
    assert made.code == 0, made
    readme = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")
    section = readme[readme.index("## Commentary drafts"):readme.index("## Fetching from the portal")]
    names = made.out.replace("\\_", "_").split()
    assert len(names) > 40
    missing = [name for name in names if f"`{name}`" not in section]
    assert not missing, f"README's 'Commentary drafts' does not name {missing}"


def test_a_word_draft_holds_the_same_text_and_marks(lexwatch_cli: Cli, workspace: Path,
                                                    editions: tuple[Path, Path], tmp_path: Path) -> None:
    import docx

    target = tmp_path / "Смертная казнь.docx"
    made = lexwatch_cli("commentary", "new", *map(str, editions), "-a", "59", "-a", "67", "-o", str(target),
                        cwd=workspace)
    assert made.code == 0, made
    document = docx.Document(str(target))
    paragraphs = document.paragraphs
    assert paragraphs[0].style.name == "Heading 1" and paragraphs[0].text == "Изменения: uk_2020.txt → uk_2022.txt"
    assert any(p.style.name == "Heading 3" and p.text == "Статья 59. Смертная казнь" for p in paragraphs)
    text = "\n".join(p.text for p in paragraphs)
    assert "**" not in text and "~~" not in text and "\\" not in text and "<strong>" not in text
    quoted = [p for p in paragraphs if p.style.name == "Quote"]
    old59 = next(p for p in quoted if "за некоторые особо тяжкие" in p.text)
    assert old59.text.startswith("1. В качестве исключительной меры")  # a part's number, not a Word list
    struck = [r.text for r in old59.runs if r.font.strike]
    assert "за некоторые особо тяжкие" in struck and not any(r.bold for r in old59.runs)
    new67 = next(p for p in quoted if "за исключением покушения" in p.text)
    bold = "".join(r.text for r in new67.runs if r.bold)
    assert "за исключением покушения на совершение преступлений" in bold  # <strong>…</strong> in the Markdown
    assert not any(r.font.strike for r in new67.runs)
    bullets = [p.text for p in paragraphs if p.style.name == "List Bullet"]
    assert any(b.startswith("Тема: Смертная казнь") for b in bullets)
    # what struck and bold type mean, said in those marks before the first article
    legend = next(p for p in paragraphs if p.text == "зачёркнуто — исключено, полужирным — добавлено.")
    assert [r.text for r in legend.runs if r.font.strike] == ["зачёркнуто"]
    assert [r.text for r in legend.runs if r.bold] == ["полужирным"]
    assert paragraphs.index(legend) < next(i for i, p in enumerate(paragraphs) if p.text.startswith("Статья 59"))


def test_a_draft_file_must_be_of_its_templates_kind(lexwatch_cli: Cli, workspace: Path, tmp_path: Path,
                                                     editions: tuple[Path, Path]) -> None:
    pdf = lexwatch_cli("commentary", "new", *map(str, editions), "-o", str(tmp_path / "x.pdf"), cwd=workspace)
    assert pdf.code == 2 and "a draft from a Markdown template is a .md or .markdown or .txt or .docx file" in pdf.err
    html_docx = lexwatch_cli("commentary", "new", *map(str, editions), "-T", "commentary.html",
                             "-o", str(tmp_path / "x.docx"), cwd=workspace)
    assert html_docx.code == 2 and "from an HTML template is a .html or .htm file" in html_docx.err
    assert not list(tmp_path.glob("x.*"))


ART_369_1_2020 = [
    "Статья 369¹. Дискредитация Республики Беларусь",
    "Предоставление иностранному государству, иностранной или международной организации заведомо ложных "
    "сведений о политическом, экономическом, социальном, военном или международном положении Республики "
    "Беларусь, дискредитирующих Республику Беларусь или ее органы власти (дискредитация Республики Беларусь), –",
    "наказывается арестом или лишением свободы на срок до двух лет.", ""]
ART_369_1_2022 = [
    ART_369_1_2020[0],
    "Распространение заведомо ложных сведений о политическом, экономическом, социальном, военном или "
    "международном положении Республики Беларусь, дискредитирующих Республику Беларусь, совершенное в "
    "публичном выступлении, –",
    "наказывается арестом, или ограничением свободы на срок до четырех лет, или лишением свободы на тот же "
    "срок со штрафом или без штрафа.", ""]


def test_sanction_changes_are_told_in_the_drafts_russian(lexwatch_cli: Cli, workspace: Path,
                                                         tmp_path: Path) -> None:
    head = "УГОЛОВНЫЙ КОДЕКС РЕСПУБЛИКИ БЕЛАРУСЬ\n\n"
    old, new = write_editions(tmp_path, head + "\n".join(ART_369_1_2020), head + "\n".join(ART_369_1_2022))
    made = lexwatch_cli("commentary", "new", str(old), str(new), "-o", "-", cwd=workspace)
    assert made.code == 0, made
    lines = [line for line in made.out.splitlines() if line.startswith("- Санкция: ")]
    assert lines == ["- Санкция: ст. 369¹: лишение свободы: срок до 2 лет → до 4 лет",
                     "- Санкция: ст. 369¹: введено: ограничение свободы на срок до 4 лет",
                     "- Санкция: ст. 369¹: введено: штраф"], made.out


def test_a_sanction_line_says_terms_as_the_code_does() -> None:
    from lexwatch.flags.sanctions import compare_sanctions
    from lexwatch.ids import ArticleNumber
    from lexwatch.text.model import Article

    def article(text: str) -> Article:
        return Article(ArticleNumber.parse("424"), "Бездействие должностного лица", text)

    old = article("1. Умышленное вопреки интересам службы неисполнение должностным лицом действий, – наказывается "
                  "исправительными работами на срок до шести месяцев, или штрафом, или лишением свободы на срок "
                  "от одного года до трех лет.\n2. То же действие, совершенное из корыстной заинтересованности, – "
                  "наказывается лишением свободы на срок до двадцати одного года.")
    new = article("1. Умышленное вопреки интересам службы неисполнение должностным лицом действий, – наказывается "
                  "исправительными работами на срок до одного года, или штрафом, или лишением свободы на срок "
                  "от шести месяцев до трех лет.\n2. То же действие, совершенное из корыстной заинтересованности, – "
                  "наказывается лишением свободы на срок до одного года.")
    assert [change["summary_ru"] for change in compare_sanctions(old, new)] == [
        "ч. 1 ст. 424: лишение свободы: срок от 1 до 3 лет → от 6 месяцев до 3 лет",
        "ч. 1 ст. 424: исправительные работы: срок до 6 месяцев → до 1 года",
        "ч. 2 ст. 424: лишение свободы: срок до 21 года → до 1 года"]


def test_a_word_draft_tells_a_percent_encoded_address_once() -> None:
    import io

    import docx

    from lexwatch.commentary.word import markdown_docx

    line = "- Новая редакция: <https://pravo.by/document/?guid=12551&p0=HK9900275&q=%D1%81%D1%82> (sha256 ab)\n"
    text = docx.Document(io.BytesIO(markdown_docx(line))).paragraphs[0].text
    assert text == "Новая редакция: https://pravo.by/document/?guid=12551&p0=HK9900275&q=ст (sha256 ab)"


def test_an_article_the_edition_repeals_is_told_as_repealed_not_as_changed_words(
        lexwatch_cli: Cli, workspace: Path, tmp_path: Path) -> None:
    repealed = CODE_2020.replace("\n".join(ART_60), "Статья 60. Исключена\n")
    old, new = write_editions(tmp_path, CODE_2020, repealed)
    made = lexwatch_cli("commentary", "new", str(old), str(new), "-a", "60", "-o", "-", cwd=workspace)
    assert made.code == 0, made
    assert "### Статья 60. Иные меры уголовной ответственности (исключена)\n\n*статья исключена*\n" in made.out
    assert "слов" not in made.out  # no word count for a repeal
    back = lexwatch_cli("commentary", "new", str(new), str(old), "-a", "60", "-T", "review", "-o", "-",
                        cwd=workspace)
    assert back.code == 0 and "- Статья 60. Иные меры уголовной ответственности — восстановлена\n" in back.out


def test_a_subjects_articles_are_cited_in_the_codes_order_not_by_severity(
        lexwatch_cli: Cli, workspace: Path, tmp_path: Path) -> None:
    art_128 = ["Статья 128. Преступления против безопасности человечества",
               "Депортация, незаконное содержание в заключении, обращение в рабство, массовое или систематическое "
               "осуществление казней без суда, – наказываются лишением свободы на срок от семи до двадцати пяти лет.",
               ""]
    head = "УГОЛОВНЫЙ КОДЕКС РЕСПУБЛИКИ БЕЛАРУСЬ\n\n"
    old_code = head + "\n".join(art_128)
    new_code = old_code.replace("от семи до двадцати пяти лет", "от десяти до двадцати пяти лет") + "\n".join([
        "Статья 130². Отрицание геноцида белорусского народа",
        "1. Отрицание геноцида белорусского народа, содержащееся в публичном выступлении, – наказывается "
        "арестом, или ограничением свободы на срок до пяти лет, или лишением свободы на тот же срок.", ""])
    old, new = write_editions(tmp_path, old_code, new_code)
    made = lexwatch_cli("commentary", "new", str(old), str(new), "-p", "genocide", "-o", "-", cwd=workspace)
    assert made.code == 0, made
    # Art. 130² (a high flag) comes first among the articles, but a list of them reads in order
    assert made.out.index("### Статья 130²") < made.out.index("### Статья 128")
    assert re.search(r"\n- Геноцид[^\n]*: ст\. 128, 130²\n", made.out), made.out


def test_an_overview_of_an_amending_law_names_the_code_articles_it_changes(
        lexwatch_cli: Cli, workspace: Path, tmp_path: Path) -> None:
    from test_flags_targets import LAW

    law = tmp_path / "zakon_112-z.txt"
    law.write_text(LAW, encoding="utf-8")
    made = lexwatch_cli("commentary", "overview", str(law), cwd=workspace)
    assert made.code == 0, made
    path = Path(made.out.strip())
    assert path.parent == workspace / "commentary"
    assert path.name == f"{date.today().isoformat()}-obzor-ob-izmenenii-kodeksov-po-voprosam-ugolovnoy.md"
    text = path.read_text(encoding="utf-8")
    assert text.startswith("# Обзор: Об изменении кодексов по вопросам уголовной ответственности\n")
    assert "> 26 мая 2021 г. № 112-З  \n> Об изменении кодексов" in text  # the law's date, number and name
    # a subject is told by the Code articles the law's instructions change, not by the law's own numbers
    death = next(line for line in text.splitlines() if line.startswith("- Смертная казнь"))
    assert death.endswith(": ч. 1 ст. 289 УК, ч. 3 ст. 289 УК, ч. 2 ст. 124 УК, ст. 67 УК (статьи документа: 1)")
    # an amending law's article has no title: its lead-in is quoted as its first line
    art1 = text[text.index("### Статья 1\n"):text.index("### Статья 2")]
    assert "\n> Внести в Уголовный кодекс Республики Беларусь от 9 июля 1999 г. № 275-З следующие изменения:  \n" in art1
    assert "(вводится → ч. 3 ст. 289 УК, п. 1): «… «, или пожизненным лишением свободы, или смертной казнью»;»" in art1
    assert "> 2\\. статью 361⁴ исключить;  \n" in art1  # the law's own wording, a line a point
    assert "## Источник\n\n- zakon\\_112-z.txt\n" in text


@pytest.mark.parametrize(("kind", "act", "day", "said", "unsaid"), [
    ("law", "H12100112", "2021-06-01", "текст от 01.06.2021", "редакция от"),
    ("code", "HK9900275", "2022-06-01", "редакция от 01.06.2022", "текст от"),
])
def test_an_overview_dates_a_laws_text_and_a_codes_edition(
        lexwatch_cli: Cli, workspace: Path, tmp_path: Path, editions: tuple[Path, Path],
        kind: str, act: str, day: str, said: str, unsaid: str) -> None:
    # a law stored with the date of its publication: "редакция от 01.06.2021" read as a consolidated
    # edition the law never had (the period review says "текст от" for the same reason); a code's text is
    # one of its consolidated editions, "редакция от", which the overview once said "текст от" of too
    from test_flags_targets import LAW

    path = editions[1]
    if kind == "law":
        path = tmp_path / "zakon_112-z.txt"
        path.write_text(LAW, encoding="utf-8")
    added = lexwatch_cli("add", str(path), "--act", act, "--edition-date", day, cwd=workspace)
    assert added.code == 0, added
    made = lexwatch_cli("commentary", "overview", f"{act}@{day}", "-o", "-", cwd=workspace)
    assert made.code == 0, made
    assert f"({act}), {said}: статей в документе " in made.out, made.out
    assert re.search(rf"## Источник\n\n- {act}@{day}, {re.escape(said)} \(sha256 [0-9a-f]{{64}}\)\n",
                     made.out), made.out
    assert unsaid not in made.out


def test_an_overview_of_chosen_articles_and_its_bad_inputs(lexwatch_cli: Cli, workspace: Path,
                                                            editions: tuple[Path, Path], tmp_path: Path) -> None:
    new = str(editions[1])
    made = lexwatch_cli("commentary", "overview", new, "-a", "130²", "-a", "59", "-o", "-", cwd=workspace)
    assert made.code == 0, made
    assert made.out.index("### Статья 59. Смертная казнь") < made.out.index("### Статья 130². Отрицание геноцида")
    assert "### Статья 60" not in made.out and "статей в документе 4, в этом обзоре 2." in made.out
    missing = lexwatch_cli("commentary", "overview", new, "-a", "777", "-o", "-", cwd=workspace)
    assert missing.code == 2 and missing.err.strip() == "lexwatch: error: no article 777 in uk_2022.txt"
    none = lexwatch_cli("commentary", "overview", new, "-p", "migration", "--flagged-only", cwd=workspace)
    assert none.code == 0 and "no article a rule pack flags; no draft written" in none.err
    assert not list((workspace / "commentary").glob("*.md"))
    word = tmp_path / "obzor.docx"
    one = lexwatch_cli("commentary", "overview", new, "-a", "59", "-o", str(word), cwd=workspace)
    assert one.code == 0 and "drafted from overview.md: 1 article (1 flagged)" in one.err, one
    import docx

    quoted = [p.text for p in docx.Document(str(word)).paragraphs if p.style.name == "Quote"]
    assert any(t.startswith("1. В качестве исключительной меры наказания") for t in quoted)


def test_a_template_for_the_other_command_is_named_so(lexwatch_cli: Cli, workspace: Path,
                                                     editions: tuple[Path, Path]) -> None:
    # "-T overview" with `commentary new` (or "-T review" with `overview`) stopped at the first name
    # the other command gives, with nothing to say which command the template is for.
    old, new = map(str, editions)
    wrong = lexwatch_cli("commentary", "new", old, new, "-T", "overview", "-o", "-", cwd=workspace)
    assert wrong.code == 2 and wrong.out == ""
    assert wrong.err.strip().endswith(
        "template error: 'document' is undefined (overview.md is a template for `lexwatch commentary overview`)")
    back = lexwatch_cli("commentary", "overview", new, "-T", "review", "-o", "-", cwd=workspace)
    assert back.code == 2 and back.err.strip().endswith(
        "template error: 'old' is undefined (review.md is a template for `lexwatch commentary new`)")
    # a template's own mistake is told as it is, with no such guess
    folder = workspace / "commentary" / "templates"
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "mine.md.j2").write_text("# {{ title }}\n{{ verdict }}\n", encoding="utf-8")
    own = lexwatch_cli("commentary", "new", old, new, "-T", "mine", "-o", "-", cwd=workspace)
    assert own.code == 2 and own.err.strip().endswith("mine.md.j2:2: template error: 'verdict' is undefined")


def test_every_name_an_overview_template_is_given_is_in_the_readme(lexwatch_cli: Cli, workspace: Path,
                                                                   tmp_path: Path) -> None:
    from test_flags_targets import LAW

    law = tmp_path / "law.txt"
    law.write_text(LAW, encoding="utf-8")
    (workspace / "commentary" / "templates" / "keys.md.j2").write_text(
        "{{ articles[0].keys() | join(' ') }}\n{{ document.keys() | join(' ') }}\n{{ preamble.keys() | join(' ') }}\n"
        "{{ selection.keys() | join(' ') }}\n{{ articles[0].flags[0].keys() | join(' ') }}\n"
        "{{ subjects[0].keys() | join(' ') }}\n", encoding="utf-8")
    made = lexwatch_cli("commentary", "overview", str(law), "-T", "keys", "-o", "-", cwd=workspace)
    assert made.code == 0, made
    readme = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")
    section = readme[readme.index("`lexwatch commentary overview VERSION`"):readme.index("## Fetching from the portal")]
    names = made.out.replace("\\_", "_").split()
    missing = [name for name in names if f"`{name}`" not in section]
    assert not missing, f"README's overview paragraph does not name {missing}"


def test_an_overview_names_each_code_article_once_though_two_instructions_change_it(
        lexwatch_cli: Cli, workspace: Path, tmp_path: Path) -> None:
    law = tmp_path / "zakon_240-z.txt"
    law.write_text("\n".join([
        "ЗАКОН РЕСПУБЛИКИ БЕЛАРУСЬ", "9 января 2023 г. № 240-З", "Об изменении Уголовного кодекса Республики Беларусь",
        "", "Статья 1. Внести в Уголовный кодекс Республики Беларусь от 9 июля 1999 г. № 275-З следующие изменения:",
        "1. в частях 1 и 3 статьи 289 слова «пожизненным лишением свободы» заменить словами "
        "«пожизненным лишением свободы или смертной казнью»;",
        "2. в части 1 статьи 289 слова «от восьми» заменить словами «от десяти» и дополнить словами "
        "«, или смертной казнью».",
        "Статья 2. Настоящий Закон вступает в силу после его официального опубликования.", ""]), encoding="utf-8")
    made = lexwatch_cli("commentary", "overview", str(law), "-p", "death-penalty", "-o", "-", cwd=workspace)
    assert made.code == 0, made
    death = next(line for line in made.out.splitlines() if line.startswith("- Смертная казнь"))
    assert death.endswith(": ч. 1 ст. 289 УК, ч. 3 ст. 289 УК (статьи документа: 1)"), death
    # each flag still tells all the articles its own instruction changes
    assert "(вводится → ч. 1 ст. 289 УК, ч. 3 ст. 289 УК, п. 1)" in made.out


def test_an_overview_of_chosen_articles_of_a_law_still_names_the_law(
        lexwatch_cli: Cli, workspace: Path, tmp_path: Path) -> None:
    from test_flags_targets import LAW

    law = tmp_path / "zakon_112-z.txt"
    law.write_text(LAW, encoding="utf-8")
    made = lexwatch_cli("commentary", "overview", str(law), "-a", "4", "-a", "5", "-o", "-", cwd=workspace)
    assert made.code == 0, made
    assert "> 26 мая 2021 г. № 112-З  \n> Об изменении кодексов" in made.out  # which law, with --article too
    assert "## Преамбула" not in made.out  # the preamble's flags are not an article asked for
    # Art. 4 repeals Art. 2 of Law No. 146-З: cited by that law, and "ст. 4" named as the document's own
    genocide = next(line for line in made.out.splitlines() if line.startswith("- Геноцид"))
    assert genocide.endswith("): ст. 2 Закона № 146-З (статьи документа: 4)"), genocide
    # Art. 5's heading is all its text: nothing left to quote
    art5 = made.out[made.out.index("### Статья 5."):made.out.index("## Источник")]
    assert "\n>" not in art5 and "**Комментарий.**" in art5


def test_an_overview_of_the_code_gives_a_repealed_article_its_heading_only(
        lexwatch_cli: Cli, workspace: Path, tmp_path: Path) -> None:
    code = tmp_path / "uk.txt"
    code.write_text(CODE_2020.replace("Статья 60. Иные меры", "Статья 59¹. Исключена\n\nСтатья 60. Иные меры"),
                    encoding="utf-8")
    made = lexwatch_cli("commentary", "overview", str(code), "-o", "-", cwd=workspace)
    assert made.code == 0, made
    assert "### Статья 59¹. Исключена\n\n### Статья 60. Иные меры" in made.out
    assert made.out.count("**Комментарий.**") == 3  # Art. 59, 60 and 67


def test_a_line_that_opens_with_a_markdown_mark_stays_text(lexwatch_cli: Cli, workspace: Path,
                                                           tmp_path: Path) -> None:
    from markdown_it import MarkdownIt

    # a page number a PDF left in a law's preamble ("- 2 -"), a "+" and a "===" line: not a list,
    # not the underline that makes the line above a heading
    law = ("ЗАКОН РЕСПУБЛИКИ БЕЛАРУСЬ\n5 января 2022 г. № 146-З\nО геноциде белорусского народа\n- 2 -\n"
           "+ Принят Палатой представителей\n===\n\n"
           "Статья 1. Геноцид белорусского народа\nГеноцидом белорусского народа признаются действия, "
           "совершенные нацистскими преступниками в годы Великой Отечественной войны.\n")
    path = tmp_path / "zakon_146-z.txt"
    path.write_text(law, encoding="utf-8")
    made = lexwatch_cli("commentary", "overview", str(path), "-o", "-", cwd=workspace)
    assert made.code == 0, made
    html = MarkdownIt("commonmark").render(made.out)
    quotes = [q.split("</blockquote>")[0] for q in html.split("<blockquote>")[1:]]
    quoted = next(q for q in quotes if "№ 146-З" in q)
    assert "<ul>" not in quoted and "<h" not in quoted and "- 2 -" in quoted and "+ Принят" in quoted
    assert "===" in quoted


def test_the_unflagged_articles_come_in_the_codes_order() -> None:
    # A review lists "Прочие изменения" a line each: they came in the redline's order, the sanction
    # changes first ("ст. 205, 10"), where a lawyer reads them in the code's ("ст. 10, 205").
    from lexwatch.commentary.scaffold import facts
    from lexwatch.diff.engine import diff_documents
    from lexwatch.flags import annotate_diff, load_packs
    from lexwatch.ids import ArticleNumber
    from lexwatch.text.model import Article, Document

    def code(art10: str, art205: str) -> Document:
        return Document("УК", [Article(ArticleNumber.parse("10"), "Преступление", art10),
                               Article(ArticleNumber.parse("205"), "Кража", art205)])

    old = code("1. Преступлением признается совершенное виновно общественно опасное деяние.",
               "1. Тайное похищение имущества (кража) – наказывается общественными работами, или штрафом.")
    new = code("1. Преступлением признается совершенное умышленно или по неосторожности общественно опасное деяние.",
               "1. Тайное похищение имущества (кража) – наказывается общественными работами, или штрафом, "
               "или лишением свободы на срок до двух лет.")
    diff = diff_documents(old, new)
    packs = load_packs(None)
    annotate_diff(diff, packs)
    assert [a.sanctions != [] for a in diff.articles] == [False, True]  # 205's sanction changed, 10's not
    data = facts(diff, title="Обзор", kind="markdown", docs=(old, new), versions=(None, None), packs=packs)
    assert [a["label"] for a in data["articles"]] == ["Статья 205", "Статья 10"]  # the redline's order
    assert [a["label"] for a in data["unflagged"]] == ["Статья 10", "Статья 205"]


def test_a_draft_names_the_act_and_its_editions_as_a_lawyer_does(lexwatch_cli: Cli, workspace: Path,
                                                                 editions: tuple[Path, Path], tmp_path: Path) -> None:
    # The drafts named the Code in the edition's capitals and each edition by its label ("сравнение
    # редакции HK9900275@2021-01-01 с …"); a lawyer writes the name and "редакция от 01.01.2021".
    with Workspace.find(workspace).open_store() as store:
        for path, when in zip(editions, (date(2021, 1, 1), date(2022, 6, 1)), strict=True):
            store.add(path.read_bytes(), source=str(path), filename=path.name, act="HK9900275", edition_date=when)
    pair = ("HK9900275@2021-01-01", "HK9900275@2022-06-01", "-a", "59")
    made = lexwatch_cli("commentary", "new", *pair, "-o", "-", cwd=workspace)
    assert made.code == 0, made
    assert "## Кратко\n\nУголовный кодекс Республики Беларусь (HK9900275): сравнение редакции от 01.01.2021 с " \
           "редакцией от 01.06.2022.\n" in made.out, made.out
    assert "**Прежняя редакция** (от 01.01.2021):" in made.out and "**Новая редакция** (от 01.06.2022):" in made.out
    assert "УГОЛОВНЫЙ" not in made.out
    # between the (default) title and the sources, where a version is looked up, no label
    assert "@" not in made.out[made.out.index("## Кратко"):made.out.index("## Источники")]
    html = lexwatch_cli("commentary", "new", *pair, "-T", "commentary.html", "-o", "-", cwd=workspace)
    assert "сравнение редакции от 01.01.2021 с редакцией от 01.06.2022 (Уголовный кодекс Республики Беларусь)." \
        in html.out, html.out
    assert "<h3>Прежняя редакция (от 01.01.2021)</h3>" in html.out
    # files have no edition date: their labels stand for them
    files = lexwatch_cli("commentary", "new", *map(str, editions), "-a", "59", "-o", "-", cwd=workspace)
    assert "сравнение редакции uk\\_2020.txt с редакцией uk\\_2022.txt." in files.out, files.out
    # a law by its kind, date, number and name; a draft as it is cited
    law = tmp_path / "zakon_146-z.txt"
    law.write_text("ЗАКОН РЕСПУБЛИКИ БЕЛАРУСЬ\n5 января 2022 г. № 146-З\nО геноциде белорусского народа\n\n"
                   "Статья 1. Геноцид белорусского народа\nГеноцидом белорусского народа признаются действия, "
                   "совершенные нацистскими преступниками в годы Великой Отечественной войны.\n", encoding="utf-8")
    overview = lexwatch_cli("commentary", "overview", str(law), "-o", "-", cwd=workspace)
    assert "## Кратко\n\nЗакон Республики Беларусь от 5 января 2022 г. № 146-З «О геноциде белорусского народа» " \
           "(H12200146): статей в документе 1." in overview.out, overview.out
    draft = tmp_path / "proekt.txt"
    draft.write_text("ПРОЕКТ\nЗАКОН РЕСПУБЛИКИ БЕЛАРУСЬ\nОб изменении законов по вопросам противодействия "
                     "экстремизму\n\nСтатья 1. Настоящий Закон вступает в силу через шесть месяцев после его "
                     "официального опубликования.\n", encoding="utf-8")
    proposed = lexwatch_cli("commentary", "overview", str(draft), "-o", "-", cwd=workspace)
    assert "## Кратко\n\nПроект закона «Об изменении законов по вопросам противодействия экстремизму»: " \
        in proposed.out, proposed.out
