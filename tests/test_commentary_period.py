"""A commentator drafts the quarterly review of a period from the store: `lexwatch commentary period`."""

from __future__ import annotations

import re
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest
from conftest import CliResult
from test_text_structure import DRAFT_OF_A_LAW

Cli = Callable[..., CliResult]

ART_130 = [
    "Статья 130. Разжигание расовой, национальной, религиозной либо иной социальной вражды или розни",
    "1. Умышленные действия, направленные на возбуждение расовой, национальной, религиозной либо иной социальной "
    "вражды или розни, – наказываются штрафом, или арестом, или ограничением свободы на срок до пяти лет, или "
    "лишением свободы на тот же срок.", ""]
ART_205 = [
    "Статья 205. Кража",
    "1. Тайное похищение имущества (кража) – наказывается общественными работами, или штрафом, или исправительными "
    "работами на срок до двух лет, или арестом, или ограничением свободы на срок до трех лет, или лишением свободы "
    "на срок до трех лет.", ""]
ART_361_1 = [
    "Статья 361¹. Создание экстремистского формирования либо участие в нем",
    "1. Создание экстремистского формирования либо руководство таким формированием или входящим в него "
    "структурным подразделением – наказываются ограничением свободы на срок до пяти лет или лишением свободы на "
    "срок от трех до семи лет.",
    "2. Те же деяния, совершенные повторно либо должностным лицом с использованием своих служебных полномочий, – "
    "наказываются ограничением свободы на срок от трех до пяти лет или лишением свободы на срок от шести до десяти "
    "лет.", ""]

CODE_2023 = "\n".join(["УГОЛОВНЫЙ КОДЕКС РЕСПУБЛИКИ БЕЛАРУСЬ", "", "ГЛАВА 17", *ART_130, "ГЛАВА 24", *ART_205,
                       "ГЛАВА 32", *ART_361_1])
# the edition that Law No. 350-З speaks for: Art. 361¹'s sanction raised, Art. 205 gains arrest's term
CODE_2024 = CODE_2023.replace("лишением свободы на срок от трех до семи лет.",
                              "лишением свободы на срок от четырех до восьми лет.").replace(
    "или арестом, или ограничением свободы на срок до трех лет", "или арестом на срок до трех месяцев, или "
    "ограничением свободы на срок до трех лет")

LAW_350 = """ЗАКОН РЕСПУБЛИКИ БЕЛАРУСЬ
20 февраля 2024 г. № 350-З
О внесении изменений в Уголовный кодекс Республики Беларусь

Принят Палатой представителей 30 января 2024 года
Одобрен Советом Республики 8 февраля 2024 года

Статья 1. Внести в Уголовный кодекс Республики Беларусь от 9 июля 1999 г. № 275-З следующие изменения:
1.1. в части 1 статьи 361-1 слова «от трех до семи лет» заменить словами «от четырех до восьми лет»;
1.2. в части 1 статьи 205 слова «или арестом,» заменить словами «или арестом на срок до трех месяцев,».
Статья 2. Настоящий Закон вступает в силу после его официального опубликования.
"""
# adopted after the quarter: must not be in its review
LAW_OUTSIDE = """ЗАКОН РЕСПУБЛИКИ БЕЛАРУСЬ
10 мая 2024 г. № 371-З
О внесении изменений в Кодекс Республики Беларусь об административных правонарушениях

Статья 1. Внести в Кодекс Республики Беларусь об административных правонарушениях от 6 января 2021 г. № 91-З изменение, изложив часть 2 статьи 19.11 в следующей редакции:
«2. Распространение информационной продукции, включенной в республиканский список экстремистских материалов, –
влечет наложение штрафа в размере до сорока базовых величин.».
Статья 2. Настоящий Закон вступает в силу после его официального опубликования.
"""
# the draft as the bank sets it, "ПРОЕКТ" over its title
DRAFT = DRAFT_OF_A_LAW.replace("Проект\nвносится Советом Министров Республики Беларусь\n", "ПРОЕКТ\n")
# stored without a date: placed in no period
LAW_UNDATED = """ЗАКОН РЕСПУБЛИКИ БЕЛАРУСЬ
О внесении изменений в законы по вопросам противодействия экстремизму

Статья 1. Внести в Закон Республики Беларусь от 4 января 2007 г. № 203-З «О противодействии экстремизму» изменение, исключив в статье 1 слова «экстремистские материалы».
Статья 2. Настоящий Закон вступает в силу после его официального опубликования.
"""

QUARTER = ("--since", "2024-01-01", "--until", "2024-03-31")


def _add(cli: Cli, workspace: Path, name: str, text: str, act: str, when: str | None = None) -> None:
    path = workspace.parent / name
    path.write_text(text, encoding="utf-8")
    added = cli("add", str(path), "--act", act, *(("--edition-date", when) if when else ()), cwd=workspace)
    assert added.code == 0, added


@pytest.fixture
def quarter(lexwatch_cli: Cli, workspace: Path) -> Path:
    """A workspace holding two editions of the Code that bracket I quarter 2024 (the later one on its
    last day), the amending law of the quarter, a law of May, a draft of February and an undated law."""
    _add(lexwatch_cli, workspace, "uk_2023.txt", CODE_2023, "HK9900275", "2023-10-01")
    _add(lexwatch_cli, workspace, "uk_2024.txt", CODE_2024, "HK9900275", "2024-03-31")
    _add(lexwatch_cli, workspace, "zakon_350-z.txt", LAW_350, "H12400350", "2024-02-20")
    _add(lexwatch_cli, workspace, "zakon_371-z.txt", LAW_OUTSIDE, "H12400371", "2024-05-10")
    _add(lexwatch_cli, workspace, "proekt.txt", DRAFT, "2024021501", "2024-02-15")
    _add(lexwatch_cli, workspace, "zakon_bez_daty.txt", LAW_UNDATED, "H12400399")
    return workspace


def _section(text: str, heading: str, after: str | None = None) -> str:
    start = text.index(f"\n{heading}\n")
    end = text.index(f"\n{after}\n", start) if after else len(text)
    return text[start:end]


def test_a_quarterly_review_tells_each_act_changed_and_each_law_adopted_in_the_quarter(
        lexwatch_cli: Cli, quarter: Path) -> None:
    made = lexwatch_cli("commentary", "period", *QUARTER, "--pack", "extremism", "--context", "6",
                        "--title", "Антиэкстремистское законодательство, I квартал 2024", cwd=quarter)
    assert made.code == 0, made
    path = Path(made.out.strip())
    assert path == quarter / "commentary" / \
        f"{date.today().isoformat()}-antiekstremistskoe-zakonodatelstvo-i-kvartal-2024.md"
    text = path.read_text(encoding="utf-8")
    assert text.startswith("# Антиэкстремистское законодательство, I квартал 2024\n\nПериод: 01.01.2024 – 31.03.2024.")
    # the adopted acts, then the drafts, then the sources
    assert text.index("\n## Изменения законодательства\n") < text.index("\n## Принятые акты\n") \
        < text.index("\n## Проекты\n") < text.index("\n## Источники\n")
    code = _section(text, "## Изменения законодательства", "## Принятые акты")
    assert "### Уголовный кодекс Республики Беларусь (HK9900275)" in code  # the edition sets it in capitals
    # what the redlines' marks mean, said once before them (in Word too, where "~~" is struck type)
    assert code.startswith("\n## Изменения законодательства\n\n~~зачёркнуто~~ — исключено, **полужирным** — "
                           "добавлено.\n\n### Уголовный кодекс"), code
    assert "Редакция от 01.10.2023 → редакция от 31.03.2024. Изменено статей: 2," in code
    art = code[code.index("##### Статья 361¹"):code.index("#### Прочие изменения")]
    assert art.startswith("##### Статья 361¹. Создание экстремистского формирования либо участие в нем — изменена")
    assert "- Санкция: ч. 1 ст. 361¹: лишение свободы: срок от 3 до 7 лет → от 4 до 8 лет" in art
    # the redline, trimmed to six words around the change
    assert "> 1\\. … или лишением свободы на срок от ~~трех до семи~~**четырех до восьми** лет.  \n> …\n" in art, art
    assert "шести до десяти" not in art  # the unchanged part 2 trimmed away
    assert re.search(r"#### Прочие изменения\n\n- Статья 205\. Кража — изменена \(добавлено слов: \d+, "
                     r"исключено: 0\)\n", code), code
    law = _section(text, "## Принятые акты", "## Проекты")
    # the law as a lawyer cites it: its kind, date, number and name (the heading read "### О внесении …",
    # its date and number in the line below)
    assert "### Закон Республики Беларусь от 20 февраля 2024 г. № 350-З «О внесении изменений в Уголовный кодекс Республики Беларусь»\n\n" \
           "Рег. № H12400350, дата публикации (редакции): 20.02.2024." in law, law
    # an article no pack flags is listed in a line, as an edition's unflagged changes are
    assert "#### Прочие статьи\n\n- Статья 2. Настоящий Закон вступает в силу после его официального опубликования." \
        in law, law
    # the amending law's hit told by the Code article its instruction changes
    assert "ч. 1 ст. 361¹ УК (статьи документа: 1)" in law, law
    assert "(изменяется → ч. 1 ст. 361¹ УК, п. 1.1)" in law
    drafts = _section(text, "## Проекты", "## Источники")
    assert "### Проект закона «Об изменении законов по вопросам противодействия экстремизму»\n\n" \
           "Банк данных проектов законов: № 2024021501 от 15.02.2024." in drafts, drafts
    # the new wording's own opening quote mark is not doubled by the template's ("««11) …")
    assert ": «11) экстремистская деятельность с использованием сети Интернет – …»\n" in drafts, drafts
    assert "««" not in text
    # the summary names each subject's places, the draft as one
    assert re.search(r"\n\| Экстремизм[^|]*\| Уголовный кодекс Республики Беларусь: ст\. 361¹; О внесении изменений "
                     r"в Уголовный кодекс Республики Беларусь: ч\. 1 ст\. 361¹ УК; Об изменении законов по вопросам "
                     r"противодействия экстремизму \(проект\): ", text), text
    # the law of May and the undated law are not in the quarter's review
    assert "371-З" not in text and "H12400371" not in text and "H12400399" not in text
    assert "left out, stored without an edition date: H12400399:" in made.err
    sources = _section(text, "## Источники")
    listed = re.findall(r"^- (\S+), текст от (\S+) \(sha256 ([0-9a-f]{12})\)$", sources, re.MULTILINE)
    assert [(label, when) for label, when, _ in listed] == [
        ("HK9900275@2023-10-01", "01.10.2023"), ("HK9900275@2024-03-31", "31.03.2024"),
        ("H12400350@2024-02-20", "20.02.2024"), ("2024021501@2024-02-15", "15.02.2024")]
    shown = lexwatch_cli("drafts", "show", listed[2][2], "--json", cwd=quarter).json()
    assert shown["label"] == "H12400350@2024-02-20"
    assert "3 documents, 6 articles (3 flagged)" in made.err


def test_flagged_only_act_and_no_drafts_narrow_the_review(lexwatch_cli: Cli, quarter: Path) -> None:
    flagged = lexwatch_cli("commentary", "period", *QUARTER, "--pack", "extremism", "--flagged-only", "-o", "-",
                           cwd=quarter)
    assert flagged.code == 0, flagged
    assert "Статья 361¹" in flagged.out and "Статья 205" not in flagged.out and "Прочие изменения" not in flagged.out
    code = lexwatch_cli("commentary", "period", *QUARTER, "--act", "HK9900275", "-o", "-", cwd=quarter)
    assert code.code == 0, code
    assert "### Уголовный кодекс" in code.out and "Статья 205. Кража" in code.out
    assert "350-З" not in code.out and "## Принятые акты" not in code.out and "## Проекты" not in code.out
    assert "H12400350" not in code.out and "2024021501" not in code.out
    adopted = lexwatch_cli("commentary", "period", *QUARTER, "--no-drafts", "-o", "-", cwd=quarter)
    assert adopted.code == 0, adopted
    assert "## Принятые акты" in adopted.out and "## Проекты" not in adopted.out
    assert "2024021501" not in adopted.out and "противодействия экстремизму" not in adopted.out
    # nothing the migration pack watches changed in the quarter: nothing written, said in one line
    none = lexwatch_cli("commentary", "period", *QUARTER, "--pack", "migration", "--flagged-only", cwd=quarter)
    assert none.code == 0 and none.out == "", none
    assert none.err.splitlines()[0].endswith("nothing a rule pack flags in the period; no draft written"), none
    assert not list((quarter / "commentary").glob("*.md"))


def test_a_period_with_nothing_stored_writes_nothing(lexwatch_cli: Cli, quarter: Path) -> None:
    made = lexwatch_cli("commentary", "period", "--since", "2024-06-01", "--until", "2024-06-30", cwd=quarter)
    assert made.code == 0 and made.out == "", made
    assert "2024-06-01 – 2024-06-30: nothing stored in the period; no draft written" in made.err
    assert not list((quarter / "commentary").glob("*.md"))


def test_a_period_whose_edition_changes_nothing_is_not_told_as_empty(lexwatch_cli: Cli, quarter: Path) -> None:
    # the Code fetched again in June, re-wrapped: stored in the period, no difference; "nothing stored"
    # sent the commentator looking for a fetch that failed
    _add(lexwatch_cli, quarter, "uk_2024-06.txt", CODE_2024.replace("Статья 205. Кража\n1. Тайное",
                                                                   "Статья 205. Кража\n1.  Тайное"),
         "HK9900275", "2024-06-15")
    made = lexwatch_cli("commentary", "period", "--since", "2024-06-01", "--until", "2024-06-30", cwd=quarter)
    assert made.code == 0 and made.out == "", made
    said = made.err.splitlines()
    assert said[0] == "2024-06-01 – 2024-06-30: no differences in the period; no draft written", made
    # the quarter's laws may be the ones stored without a date: said with no draft too
    assert said[1].startswith("note: left out, stored without an edition date: H12400399:"), made
    assert not list((quarter / "commentary").glob("*.md"))


@pytest.mark.parametrize(("args", "said"), [
    (("--since", "2024-13-01"), "--since must be a date YYYY-MM-DD, not '2024-13-01'"),
    (("--since", "01.01.2024"), "--since must be a date YYYY-MM-DD, not '01.01.2024'"),
    (("--since", "2024-W01-1"), "--since must be a date YYYY-MM-DD"),
    (("--since", "2024-04-01", "--until", "2024-03-31"), "--since 2024-04-01 is after --until 2024-03-31"),
    # 1024 for 2024: a review of every act held, as add refuses such an edition date
    (("--since", "1024-01-01"), "--since 1024-01-01 is not a plausible date (1900 to a year from now)"),
    (("--since", "2024-01-01", "--until", "3024-03-31"), "--until 3024-03-31 is not a plausible date"),
    ((), "Missing option '--since'"),
    (("--since", "2024-01-01", "--act", "HK9900999"), "--act HK9900999: the store holds no version of it"),
    (("--since", "2024-01-01", "--act", "УК"), "not a register number: 'УК'"),
    (("--since", "2024-01-01", "--title", "  "), "--title is empty"),
    (("--since", "2024-01-01", "--act", "2024021501", "--no-drafts"),
     "--act 2024021501 is a draft and --no-drafts leaves drafts out"),
])
def test_bad_input_is_one_line_and_exit_2(lexwatch_cli: Cli, quarter: Path, args: tuple[str, ...],
                                          said: str) -> None:
    made = lexwatch_cli("commentary", "period", *args, cwd=quarter)
    assert made.code == 2 and made.out == "", made
    assert len(made.err.strip().splitlines()) == 1 and said in made.err, made
    assert "Traceback" not in made.err


def test_a_review_is_never_written_over_a_file_its_author_edited(lexwatch_cli: Cli, quarter: Path) -> None:
    first = lexwatch_cli("commentary", "period", *QUARTER, cwd=quarter)
    assert first.code == 0, first
    path = Path(first.out.strip())
    assert path.name == f"{date.today().isoformat()}-obzor-za-period-01-01-2024-31-03-2024.md"
    assert path.read_text(encoding="utf-8").startswith("# Обзор за период 01.01.2024 – 31.03.2024\n")
    path.write_text("# Обзор\n\nМой текст, над которым я работал неделю.\n", encoding="utf-8")
    again = lexwatch_cli("commentary", "period", *QUARTER, cwd=quarter)
    assert again.code == 2 and again.out == "" and "never writes over a commentary" in again.err, again
    assert path.read_text(encoding="utf-8").startswith("# Обзор\n\nМой текст")


def test_a_word_review_holds_the_headings_and_the_redline(lexwatch_cli: Cli, quarter: Path, tmp_path: Path) -> None:
    import docx

    target = tmp_path / "obzor.docx"
    made = lexwatch_cli("commentary", "period", *QUARTER, "-p", "extremism", "-o", str(target), cwd=quarter)
    assert made.code == 0 and made.out.strip() == str(target), made
    paragraphs = docx.Document(str(target)).paragraphs
    headings = [p.text for p in paragraphs if p.style.name.startswith("Heading")]
    assert headings[:4] == ["Обзор за период 01.01.2024 – 31.03.2024", "Главное", "Изменения законодательства",
                            "Уголовный кодекс Республики Беларусь (HK9900275)"]
    assert headings.index("Принятые акты") < headings.index("Проекты") < headings.index("Источники")
    quote = next(p for p in paragraphs if p.style.name == "Quote" and "экстремистского формирования" in p.text)
    struck = [r.text for r in quote.runs if r.font.strike]
    bold = [r.text for r in quote.runs if r.bold]
    assert "трех до семи" in struck and "четырех до восьми" in bold, (struck, bold)


def test_a_template_for_another_command_is_named_so(lexwatch_cli: Cli, quarter: Path, tmp_path: Path) -> None:
    review = lexwatch_cli("commentary", "period", *QUARTER, "-T", "review", "-o", "-", cwd=quarter)
    assert review.code == 2 and "(review.md is a template for `lexwatch commentary new`)" in review.err, review
    overview = lexwatch_cli("commentary", "period", *QUARTER, "-T", "overview", "-o", "-", cwd=quarter)
    assert overview.code == 2 and "(overview.md is a template for `lexwatch commentary overview`)" in overview.err
    commentary = lexwatch_cli("commentary", "period", *QUARTER, "-T", "commentary", "-o", "-", cwd=quarter)
    assert commentary.code == 2 and "(commentary.md is a template for `lexwatch commentary new` or " \
        "`lexwatch commentary overview`)" in commentary.err, commentary
    old, new = tmp_path / "a.txt", tmp_path / "b.txt"
    old.write_text(CODE_2023, encoding="utf-8")
    new.write_text(CODE_2024, encoding="utf-8")
    period = lexwatch_cli("commentary", "new", str(old), str(new), "-T", "period", "-o", "-", cwd=quarter)
    assert period.code == 2 and "(period.md is a template for `lexwatch commentary period`)" in period.err, period
    listed = lexwatch_cli("commentary", "templates", "--json", cwd=quarter).json()
    described = next(t for t in listed if t["name"] == "period.md")
    assert described["builtin"] and described["description"].startswith("Обзор законодательства за период")


def test_a_law_text_is_escaped_in_the_review(lexwatch_cli: Cli, quarter: Path) -> None:
    _add(lexwatch_cli, quarter, "zakon_star.txt", LAW_350.replace("350-З", "351-З").replace(
        "О внесении изменений в Уголовный кодекс", "О внесении изменений *в* Уголовный кодекс"), "H12400351",
        "2024-03-01")
    made = lexwatch_cli("commentary", "period", *QUARTER, "-p", "extremism", "-o", "-", cwd=quarter)
    assert made.code == 0, made
    assert "### Закон Республики Беларусь от 20 февраля 2024 г. № 351-З «О внесении изменений \\*в\\* Уголовный кодекс" \
        in made.out, made.out


def test_every_name_a_period_template_is_given_is_in_the_readme(lexwatch_cli: Cli, quarter: Path) -> None:
    (quarter / "commentary" / "templates" / "keys.md.j2").write_text(
        "{{ period.keys() | join(' ') }} {{ selection.keys() | join(' ') }} {{ subjects[0].keys() | join(' ') }} "
        "{{ subjects[0].places[0].keys() | join(' ') }} {{ drafts.keys() | join(' ') }}\n"
        "{{ changes[0].keys() | join(' ') }} {{ documents[0].keys() | join(' ') }}\n", encoding="utf-8")
    made = lexwatch_cli("commentary", "period", *QUARTER, "-p", "extremism", "-T", "keys", "-o", "-", cwd=quarter)
    assert made.code == 0, made
    readme = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")
    commentary = readme[readme.index("## Commentary drafts"):readme.index("## Fetching from the portal")]
    period = commentary[commentary.index("`lexwatch commentary period`"):]
    own, entries = made.out.replace("\\_", "_").splitlines()
    # the names of a period's own, in its paragraph; an entry's, as `new` and `overview` give them, or there
    missing = [name for name in own.split() if f"`{name}`" not in period]
    missing += [name for name in entries.split() if f"`{name}`" not in commentary]
    assert not missing, f"README's period paragraph does not name {missing}"


def test_two_full_editions_of_the_code_and_a_law_draft_in_seconds(
        lexwatch_cli: Cli, workspace: Path, corpus_dir: Path) -> None:
    for name, when in (("uk_2020-09.txt", "2020-09-07"), ("uk_2022-09.txt", "2022-09-26")):
        added = lexwatch_cli("add", str(corpus_dir / name), "--act", "HK9900275", "--edition-date", when,
                             cwd=workspace)
        assert added.code == 0, added
    _add(lexwatch_cli, workspace, "zakon_350-z.txt", LAW_350, "H12400350", "2022-05-20")
    began = time.perf_counter()
    made = lexwatch_cli("commentary", "period", "--since", "2021-01-01", "--until", "2022-12-31", "-o", "-",
                        cwd=workspace)
    took = time.perf_counter() - began
    assert made.code == 0, made
    assert "### Уголовный кодекс Республики Беларусь (HK9900275)" in made.out
    assert "##### Статья 130². Отрицание геноцида белорусского народа — новая статья" in made.out
    assert "ч. 1 ст. 361¹ УК" in made.out
    assert took < 10, took  # ~1 s on the 2-core machine; a tenfold margin for a loaded CI runner


def test_a_code_with_two_editions_in_the_period_and_none_before_is_told_as_changed_not_adopted(
        lexwatch_cli: Cli, quarter: Path) -> None:
    # a workspace that began with the edition of 1 October 2023: both editions are in the period (the
    # first on its first day), the Code was changed in it, not adopted; the law's page and its PDF, of
    # one date, are one edition: the law is adopted in the period
    _add(lexwatch_cli, quarter, "H12400350.pdf.txt", LAW_350.replace("\n\n", "\n"), "H12400350", "2024-02-20")
    made = lexwatch_cli("commentary", "period", "--since", "2023-10-01", "--until", "2024-03-31", "-p", "extremism",
                        "-o", "-", cwd=quarter)
    assert made.code == 0, made
    code = _section(made.out, "## Изменения законодательства", "## Принятые акты")
    assert "### Уголовный кодекс Республики Беларусь (HK9900275)\n\nРедакции за период: 01.10.2023, 31.03.2024 " \
        "(сравнивается редакция от 31.03.2024 с редакцией от 01.10.2023)." in code, made.out
    assert "~~трех до семи~~**четырех до восьми**" in code
    adopted = _section(made.out, "## Принятые акты", "## Проекты")
    assert "Уголовный кодекс Республики Беларусь (HK" not in adopted
    assert "### Закон Республики Беларусь от 20 февраля 2024 г. № 350-З «О внесении изменений в Уголовный кодекс Республики Беларусь»\n\nРег. № H12400350," in adopted, adopted
    # an adopted law's articles are one level under its name (they were "#####" under "###")
    assert re.search(r"\n#### Статья 1\n", adopted) and "#####" not in adopted, adopted
    sources = _section(made.out, "## Источники")
    # one tight list, a source a line (a blank line between them made it a loose one), each by the
    # date its text is for ("редакция" fits a code, not a law's publication)
    assert re.search(r"- HK9900275@2023-10-01, текст от 01\.10\.2023 \(sha256 [0-9a-f]{12}\)\n"
                     r"- HK9900275@2024-03-31, текст от 31\.03\.2024", sources), sources


def test_a_draft_put_forward_in_the_period_with_two_readings_is_told_by_what_it_proposes(
        lexwatch_cli: Cli, quarter: Path) -> None:
    # Its second reading of 10 March only shortens the term before it takes effect: told as the change
    # between readings, the review said "Статья 2 — изменена" and no word of the extremism it is about.
    second = DRAFT.replace("через шесть месяцев", "через три месяца")
    _add(lexwatch_cli, quarter, "proekt_2.txt", second, "2024021501", "2024-03-10")
    made = lexwatch_cli("commentary", "period", *QUARTER, "--pack", "extremism", "-o", "-", cwd=quarter)
    assert made.code == 0, made
    drafts = _section(made.out, "## Проекты", "## Источники")
    assert "### Проект закона «Об изменении законов по вопросам противодействия экстремизму»\n\n" \
           "Банк данных проектов законов: № 2024021501 от 10.03.2024." in drafts, drafts
    assert "экстремистская деятельность с использованием сети Интернет" in drafts
    assert re.search(r"\n\| Экстремизм[^\n]*Об изменении законов по вопросам противодействия экстремизму "
                     r"\(проект\): ", made.out), made.out
    # a draft read before the period is still told by what its reading in the period changed
    early = lexwatch_cli("commentary", "period", "--since", "2024-03-01", "--until", "2024-03-31", "-o", "-",
                         cwd=quarter)
    assert "Редакция от 15.02.2024 → редакция от 10.03.2024." in _section(early.out, "## Проекты", "## Источники")


def test_a_law_numbering_its_points_1_bracket_is_cited_by_point_without_a_doubled_bracket(
        lexwatch_cli: Cli, quarter: Path, tmp_path: Path) -> None:
    law = LAW_350.replace("350-З", "354-З").replace("20 февраля", "3 марта").replace("1.1. в", "1) в") \
        .replace("1.2. в", "2) в")
    _add(lexwatch_cli, quarter, "zakon_354-z.txt", law, "H12400354", "2024-03-03")
    target = tmp_path / "354.md"
    made = lexwatch_cli("commentary", "period", *QUARTER, "--act", "H12400354", "-p", "extremism", "-o", str(target),
                        cwd=quarter)
    assert made.code == 0, made
    text = target.read_text(encoding="utf-8")
    assert "(изменяется → ч. 1 ст. 361¹ УК, п. 1): «1) в части 1 статьи 361¹" in text, text
    assert "drafted from period.md: 1 document, 2 articles (1 flagged)" in made.err, made


def test_an_overview_cites_a_point_1_bracket_without_a_doubled_bracket(lexwatch_cli: Cli, tmp_path: Path) -> None:
    # `commentary overview` of a law numbering its points "1)" read "(изменяется → …, п. 1))"
    law = tmp_path / "zakon_354-z.txt"
    law.write_text(LAW_350.replace("1.1. в", "1) в").replace("1.2. в", "2) в"), encoding="utf-8")
    made = lexwatch_cli("commentary", "overview", str(law), "-p", "extremism", "-o", "-")
    assert made.code == 0, made
    assert "(изменяется → ч. 1 ст. 361¹ УК, п. 1): «1) в части 1 статьи 361¹" in made.out, made.out


def test_the_editions_between_are_named_and_the_net_change_compared(lexwatch_cli: Cli, quarter: Path) -> None:
    # an edition of 15 January (Art. 205 only) between the one before the quarter and the one of
    # 31 March: it was named nowhere, the review read as if the Code had changed once
    january = CODE_2023.replace("или арестом, или ограничением свободы на срок до трех лет", "или арестом на срок "
                                "до трех месяцев, или ограничением свободы на срок до трех лет")
    _add(lexwatch_cli, quarter, "uk_2024-01.txt", january, "HK9900275", "2024-01-15")
    made = lexwatch_cli("commentary", "period", *QUARTER, "-p", "extremism", "-o", "-", cwd=quarter)
    assert made.code == 0, made
    code = _section(made.out, "## Изменения законодательства", "## Принятые акты")
    assert "### Уголовный кодекс Республики Беларусь (HK9900275)\n\nРедакции за период: 15.01.2024, 31.03.2024 " \
           "(сравнивается редакция от 31.03.2024 с редакцией от 01.10.2023). Изменено статей: 2," in code, code
    # still the net change: both articles, the sanction of 361¹ from the edition before the quarter
    assert "~~трех до семи~~**четырех до восьми**" in code and "- Статья 205. Кража — изменена" in code
    # one edition in the period: the pair alone, as before
    late = lexwatch_cli("commentary", "period", "--since", "2024-02-01", "--until", "2024-03-31", "-o", "-",
                        cwd=quarter)
    assert "Редакция от 15.01.2024 → редакция от 31.03.2024. Изменено статей: 1," in late.out, late.out
    (quarter / "commentary" / "templates" / "editions.md.j2").write_text(
        "{% for c in changes %}{{ c.act.regnum }}: {{ c.editions | join(' ') }}\n{% endfor %}", encoding="utf-8")
    given = lexwatch_cli("commentary", "period", *QUARTER, "-T", "editions", "-o", "-", cwd=quarter)
    assert given.out == "HK9900275: 2024-01-15 2024-03-31\n", given


def test_an_article_two_subjects_touch_is_quoted_and_assessed_once(lexwatch_cli: Cli, quarter: Path) -> None:
    # Art. 361¹ as the Code words it since 2021: a formation "деятельность которого направлена на реабилитацию
    # нацизма" is extremism's and genocide's both; the review quoted its redline and sanction under each
    april = CODE_2024.replace("1. Создание экстремистского формирования либо", "1. Создание экстремистского "
                              "формирования, а равно формирования, деятельность которого направлена на "
                              "реабилитацию нацизма, либо")
    _add(lexwatch_cli, quarter, "uk_2024-04.txt", april, "HK9900275", "2024-04-15")
    made = lexwatch_cli("commentary", "period", "--since", "2024-01-01", "--until", "2024-04-30", "-p", "extremism",
                        "-p", "genocide", "--no-drafts", "-o", "-", cwd=quarter)
    assert made.code == 0, made
    code = _section(made.out, "## Изменения законодательства", "## Принятые акты")
    assert code.count("##### Статья 361¹. Создание экстремистского формирования либо участие в нем") == 2, code
    assert code.count("~~трех до семи~~**четырех до восьми**") == 1, code
    assert code.count("- Санкция: ч. 1 ст. 361¹") == 1, code
    genocide = code[code.index("\n#### Геноцид"):]
    assert "либо руководство таким формированием или входящим …»\n\nПравка и оценка — выше, в разделе «Экстремизм: " \
        in genocide, genocide
    assert "_Оценка:_" not in genocide[:genocide.index("#### Прочие изменения")]


LAW_ON_LAWS = """ЗАКОН РЕСПУБЛИКИ БЕЛАРУСЬ
14 марта 2024 г. № 362-З
Об изменении законов по вопросам противодействия экстремизму

Принят Палатой представителей 20 февраля 2024 года
Одобрен Советом Республики 1 марта 2024 года

Статья 1. Статью 1 Закона Республики Беларусь от 4 января 2007 г. № 203-З «О противодействии экстремизму» дополнить пунктом 11 следующего содержания:
«11) экстремистская деятельность с использованием сети Интернет – действия, указанные в пункте 3 настоящей статьи, совершенные с использованием глобальной компьютерной сети Интернет;».
Статья 2. Настоящий Закон вступает в силу после его официального опубликования.
"""
# a law of its own, amending nothing: its articles are its own and cited as such
LAW_ON_GENOCIDE = """ЗАКОН РЕСПУБЛИКИ БЕЛАРУСЬ
5 января 2024 г. № 340-З
О геноциде белорусского народа

Статья 1. Предмет регулирования настоящего Закона
Настоящий Закон устанавливает правовые основы деятельности государственных органов.
Статья 2. Отрицание геноцида белорусского народа
Публичное отрицание геноцида белорусского народа влечет ответственность, установленную законодательными актами.
"""


# one clause amending two laws at once: no one law to name as the target
LAW_ON_TWO_LAWS = """ЗАКОН РЕСПУБЛИКИ БЕЛАРУСЬ
28 марта 2024 г. № 365-З
Об изменении законов по вопросам деятельности средств массовой информации

Статья 1. В пункте 3 статьи 1 Закона Республики Беларусь от 4 января 2007 г. № 203-З «О противодействии экстремизму» и в статье 38 Закона Республики Беларусь от 17 июля 2008 г. № 427-З «О средствах массовой информации» слова «экстремистских материалов» заменить словами «экстремистских материалов, в том числе размещенных в сети Интернет».
Статья 2. Настоящий Закон вступает в силу после его официального опубликования.
"""


def test_a_law_amending_a_law_is_cited_by_the_law_it_changes(lexwatch_cli: Cli, quarter: Path) -> None:
    # Its article 1 changes the Law "О противодействии экстремизму", which no Code article stands for:
    # the table read "…противодействию экстремизму: ст. 1", as if that were the article changed
    _add(lexwatch_cli, quarter, "zakon_362-z.txt", LAW_ON_LAWS, "H12400362", "2024-03-14")
    _add(lexwatch_cli, quarter, "zakon_340-z.txt", LAW_ON_GENOCIDE, "H12400340", "2024-01-05")
    made = lexwatch_cli("commentary", "period", *QUARTER, "-p", "extremism", "-p", "genocide", "--no-drafts",
                        "-o", "-", cwd=quarter)
    assert made.code == 0, made
    row = next(line for line in made.out.splitlines() if line.startswith("| Экстремизм"))
    assert "Об изменении законов по вопросам противодействия экстремизму: п. 11 ст. 1 Закона № 203-З" in row, row
    # the law amending the Code is still told by the Code article it changes
    assert "О внесении изменений в Уголовный кодекс Республики Беларусь: ч. 1 ст. 361¹ УК" in row
    law = made.out[made.out.index("### Закон Республики Беларусь от 14 марта 2024 г. № 362-З «Об изменении законов"):
                   made.out.index("\n## Источники\n")]
    assert "разжигание вражды: п. 11 ст. 1 Закона № 203-З (статьи документа: 1)\n" in law, law
    # a law that amends nothing: its article cited as the law's, no more
    genocide = next(line for line in made.out.splitlines() if line.startswith("| Геноцид"))
    assert "О геноциде белорусского народа: ст. 2 |" in genocide, genocide


def test_a_law_whose_target_cannot_be_read_names_its_own_article_as_its_own(
        lexwatch_cli: Cli, quarter: Path) -> None:
    # one clause, two laws changed: no target, and a bare "ст. 1" would read as the article changed
    _add(lexwatch_cli, quarter, "zakon_365-z.txt", LAW_ON_TWO_LAWS, "H12400365", "2024-03-28")
    made = lexwatch_cli("commentary", "period", *QUARTER, "-p", "extremism", "--no-drafts", "-o", "-", cwd=quarter)
    assert made.code == 0, made
    row = next(line for line in made.out.splitlines() if line.startswith("| Экстремизм"))
    assert "Об изменении законов по вопросам деятельности средств массовой информации: ст. 1 документа" in row, row
    law = made.out[made.out.index("### Закон Республики Беларусь от 28 марта 2024 г. № 365-З «Об изменении законов"):
                   made.out.index("\n## Источники\n")]
    assert "разжигание вражды: статьи документа: 1\n" in law, law
    assert not re.search(r"ст\. 1(?! документа)", row + law), row + law


def test_no_note_about_undated_versions_before_a_template_error(lexwatch_cli: Cli, quarter: Path) -> None:
    (quarter / "commentary" / "templates" / "broken.md.j2").write_text("# {{ title }}\n{{ nosuch }}\n",
                                                                        encoding="utf-8")
    made = lexwatch_cli("commentary", "period", *QUARTER, "-T", "broken", "-o", "-", cwd=quarter)
    assert made.code == 2 and made.out == "", made
    assert made.err.strip().splitlines() == [made.err.strip()] and "'nosuch' is undefined" in made.err, made
    assert "note:" not in made.err
    written = lexwatch_cli("commentary", "period", *QUARTER, "-o", "-", cwd=quarter)
    assert written.code == 0 and "note: left out, stored without an edition date: H12400399:" in written.err


def test_a_law_no_pack_flags_still_lists_its_articles_unless_flagged_only(lexwatch_cli: Cli, quarter: Path) -> None:
    # Law No. 371-З changes Art. 19.11 of the КоАП, nothing the death-penalty pack watches: the review named
    # the law and said nothing of what it changes
    may = ("--since", "2024-05-01", "--until", "2024-05-31", "-p", "death-penalty")
    made = lexwatch_cli("commentary", "period", *may, "-o", "-", cwd=quarter)
    assert made.code == 0, made
    law = _section(made.out, "## Принятые акты", "## Источники")
    assert law.startswith("\n## Принятые акты\n\n### Закон Республики Беларусь от 10 мая 2024 г. № 371-З «О внесении "
                          "изменений в Кодекс Республики Беларусь об административных правонарушениях»\n"), law
    # an untitled article by its opening words: the act and the article it changes
    assert "\n#### Статьи\n\n- Статья 1: Внести в Кодекс Республики Беларусь об административных правонарушениях от " \
           "6 января 2021 г. № 91-З изменение, изложив часть 2 статьи 19.11 в следующей редакции:" in law, law
    assert "\n- Статья 2. Настоящий Закон вступает в силу после его официального опубликования.\n" in law
    assert max(len(line) for line in law.splitlines()) < 260  # a line each, not the article's whole text
    assert "сорока базовых величин" not in law
    flagged = lexwatch_cli("commentary", "period", *may, "--flagged-only", "-o", "-", cwd=quarter)
    assert flagged.code == 0 and flagged.out == "", flagged


LAW_203 = """ЗАКОН РЕСПУБЛИКИ БЕЛАРУСЬ
4 января 2007 г. № 203-З
О противодействии экстремизму

Статья 2. Субъекты противодействия экстремизму
Субъектами противодействия экстремизму являются государственные органы и иные организации.
"""


def test_a_law_renamed_in_the_period_is_told_though_no_article_changed(lexwatch_cli: Cli, quarter: Path) -> None:
    # no article changed, so the quarter's review left the law out: its new name was nowhere
    _add(lexwatch_cli, quarter, "zakon_203-z_2023.txt", LAW_203, "H10700203", "2023-06-01")
    _add(lexwatch_cli, quarter, "zakon_203-z_2024.txt",
         LAW_203.replace("О противодействии экстремизму\n", "О противодействии экстремизму и реабилитации нацизма\n"),
         "H10700203", "2024-03-14")
    made = lexwatch_cli("commentary", "period", *QUARTER, "--no-drafts", "-o", "-", cwd=quarter)
    assert made.code == 0, made
    assert ("Название изменено: О противодействии экстремизму **и реабилитации нацизма**." in made.out), made.out
    flagged = lexwatch_cli("commentary", "period", *QUARTER, "--no-drafts", "--flagged-only", "-o", "-", cwd=quarter)
    assert "Название изменено" not in flagged.out  # nothing flagged in it


def test_an_acts_summary_is_a_paragraph_of_its_own(lexwatch_cli: Cli, quarter: Path) -> None:
    # the summary ran on into the first subject's heading, and into "Переименованы разделы и главы:"
    made = lexwatch_cli("commentary", "period", *QUARTER, "--no-drafts", "-o", "-", cwd=quarter)
    assert re.search(r"перенумеровано: 0\.\n\n#### ", made.out), made.out
    law = LAW_203.replace("\nСтатья 2.", "\nГЛАВА 1 ОБЩИЕ ПОЛОЖЕНИЯ\n\nСтатья 2.")
    _add(lexwatch_cli, quarter, "zakon_203-z_2023.txt", law, "H10700203", "2023-06-01")
    _add(lexwatch_cli, quarter, "zakon_203-z_2024.txt", law.replace("ОБЩИЕ ПОЛОЖЕНИЯ", "Основные положения"),
         "H10700203", "2024-03-14")
    made = lexwatch_cli("commentary", "period", *QUARTER, "--no-drafts", "-o", "-", cwd=quarter)
    assert ("перенумеровано: 0.\n\nПереименованы разделы и главы:\n\n- ГЛАВА 1: ~~ОБЩИЕ~~**Основные** положения\n"
            in made.out), made.out
