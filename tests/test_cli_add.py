"""A lawyer imports editions of the Criminal Code and browses what lexwatch parsed."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

UK_EXCERPT = """УГОЛОВНЫЙ КОДЕКС РЕСПУБЛИКИ БЕЛАРУСЬ

ОБЩАЯ ЧАСТЬ

РАЗДЕЛ III. НАКАЗАНИЕ И ИНЫЕ МЕРЫ УГОЛОВНОЙ ОТВЕТСТВЕННОСТИ

ГЛАВА 9. Наказание и его виды

Статья 59. Смертная казнь
1. Смертная казнь – расстрел – до ее отмены может устанавливаться в качестве исключительной меры наказания за особо тяжкие преступления, сопряженные с умышленным лишением жизни человека при отягчающих обстоятельствах, а также за приготовление к совершению акта терроризма и покушение на его совершение.
2. Смертная казнь не назначается:
1) лицам, совершившим преступления в возрасте до восемнадцати лет;
2) женщинам;
3) мужчинам, достигшим ко дню постановления приговора шестидесятипятилетнего возраста.

ОСОБЕННАЯ ЧАСТЬ

РАЗДЕЛ VI. ПРЕСТУПЛЕНИЯ ПРОТИВ МИРА И БЕЗОПАСНОСТИ ЧЕЛОВЕЧЕСТВА

ГЛАВА 17. Преступления против мира

Статья 130. Разжигание расовой, национальной, религиозной либо иной социальной вражды или розни
1. Умышленные действия, направленные на возбуждение расовой, национальной, религиозной либо иной социальной вражды или розни, –
наказываются арестом, или ограничением свободы на срок до пяти лет, или лишением свободы на срок от двух до шести лет.

Статья 1301. Реабилитация нацизма
1. Реабилитация нацизма –
наказывается арестом, или ограничением свободы на срок до пяти лет, или лишением свободы на тот же срок.

Статья 1302. Отрицание геноцида белорусского народа
1. Публичное отрицание геноцида белорусского народа –
наказывается арестом, или ограничением свободы на срок до пяти лет, или лишением свободы на тот же срок.

Статья 131. Нарушение законов и обычаев войны
1. Изгнание гражданского населения с оккупированной территории –
наказывается лишением свободы на срок от пяти до двенадцати лет.
"""


@pytest.fixture
def excerpt(tmp_path: Path) -> Path:
    path = tmp_path / "uk_excerpt.txt"
    path.write_text(UK_EXCERPT, encoding="utf-8")
    return path


def test_add_detects_the_act_and_a_second_add_is_a_no_op(workspace, lexwatch_cli, excerpt):
    first = lexwatch_cli("add", str(excerpt), "--edition-date", "2022-09-26", cwd=workspace)
    assert first.code == 0, first
    assert "act detected: HK9900275" in first.err
    assert "5 articles" in first.err
    again = lexwatch_cli("add", str(excerpt), "--edition-date", "2022-09-26", cwd=workspace)
    assert again.code == 0 and "already stored" in again.err and "nothing changed" in again.err
    listed = lexwatch_cli("drafts", "list", "--json", cwd=workspace).json()
    assert len(listed) == 1
    item = listed[0]
    assert len(item["id"]) == 64 and item["act"] == "HK9900275"
    assert item["edition_date"] == "2022-09-26" and item["articles"] == 5
    assert item["title"] == "УГОЛОВНЫЙ КОДЕКС РЕСПУБЛИКИ БЕЛАРУСЬ"
    assert item["source"] == str(excerpt.resolve()) and item["added_at"]


def test_a_title_with_square_brackets_is_listed_as_written_not_read_as_markup(workspace, lexwatch_cli, excerpt):
    title = "Проект закона [bold]«Об изменении кодексов»[/bold] [ред. 2]"
    assert lexwatch_cli("add", str(excerpt), "--title", title, cwd=workspace).code == 0
    listed = lexwatch_cli("drafts", "list", cwd=workspace)
    assert listed.code == 0 and "[bold]«Об изменении" in listed.out and "[ред. 2]" in listed.out


def test_show_one_article_by_any_form_of_its_number(workspace, lexwatch_cli, excerpt):
    lexwatch_cli("add", str(excerpt), "--edition-date", "2022-09-26", cwd=workspace)
    for form in ("130-2", "130²", "130.2", "130/2"):
        shown = lexwatch_cli("drafts", "show", "HK9900275@2022-09-26", "--article", form, "--json", cwd=workspace)
        assert shown.code == 0, shown
        data = shown.json()
        assert data["number"] == "130-2"
        assert data["title"] == "Отрицание геноцида белорусского народа"
        assert data["text"].startswith("1. Публичное отрицание геноцида")
    plain = lexwatch_cli("drafts", "show", "HK9900275@2022-09-26", "--article", "59", cwd=workspace)
    assert "Статья 59. Смертная казнь" in plain.out and "3) мужчинам" in plain.out


def test_unknown_article_and_unknown_version_are_one_line_errors(workspace, lexwatch_cli, excerpt):
    lexwatch_cli("add", str(excerpt), cwd=workspace)
    vid = lexwatch_cli("drafts", "list", "--json", cwd=workspace).json()[0]["id"]
    missing = lexwatch_cli("drafts", "show", vid[:8], "--article", "999", cwd=workspace)
    assert missing.code == 2 and missing.err.count("\n") == 1 and "article 999 is not in" in missing.err
    nothing = lexwatch_cli("drafts", "show", "deadbeef", cwd=workspace)
    assert nothing.code == 2 and "no stored version matches deadbeef" in nothing.err
    garbage = lexwatch_cli("drafts", "show", "not-a-version", cwd=workspace)
    assert garbage.code == 2 and "not a version" in garbage.err


def test_diff_says_why_a_name_is_neither_a_file_nor_a_version(workspace, lexwatch_cli, excerpt):
    lexwatch_cli("add", str(excerpt), cwd=workspace)
    vid = lexwatch_cli("drafts", "list", "--json", cwd=workspace).json()[0]["id"]
    impossible = lexwatch_cli("diff", "HK9900275@2021-02-30", vid[:8], cwd=workspace)
    assert impossible.code == 2 and impossible.err.count("\n") == 1
    assert "no such file" in impossible.err and "day is out of range for month" in impossible.err
    # Python reads "20220926" as 26 September 2022: a version is named as lexwatch prints it, or not at all
    compact = lexwatch_cli("drafts", "show", "HK9900275@20220926", cwd=workspace)
    assert compact.code == 2 and "bad date '20220926' in 'HK9900275@20220926': expected REGNUM@YYYY-MM-DD" \
        in compact.err, compact
    short = lexwatch_cli("diff", "abc", vid[:8], cwd=workspace)
    assert short.code == 2 and "at least 4 hex digits" in short.err


def test_search_finds_inflected_forms(workspace, lexwatch_cli, excerpt):
    lexwatch_cli("add", str(excerpt), cwd=workspace)
    hits = lexwatch_cli("drafts", "search", "смертной казнью", "--json", cwd=workspace).json()
    assert [h["number"] for h in hits] == ["59"]
    genocide = lexwatch_cli("drafts", "search", "геноцид", "--json", cwd=workspace).json()
    assert [h["number"] for h in genocide] == ["130-2"]
    none = lexwatch_cli("drafts", "search", "казна", cwd=workspace)
    assert none.code == 1 and "no article matches" in none.out
    none_json = lexwatch_cli("drafts", "search", "казначейство", "--json", cwd=workspace)
    assert none_json.code == 1 and none_json.json() == []  # no hit is exit 1 with --json too


def test_an_empty_article_number_is_refused_not_read_as_the_whole_code(workspace, lexwatch_cli, excerpt):
    lexwatch_cli("add", str(excerpt), cwd=workspace)
    [version] = lexwatch_cli("drafts", "list", "--json", cwd=workspace).json()
    empty = lexwatch_cli("drafts", "show", version["id"][:8], "--article", "", "--json", cwd=workspace)
    assert empty.code == 2 and empty.out == "" and "not an article number: ''" in empty.err


@pytest.mark.parametrize("content, message", [
    (b"", "is empty"),
    (b"   \n\n", "is empty"),
    # what an editor's crash leaves: the name once, and what the file holds ("no articles found" before)
    (b"\xef\xbb\xbf\r\n", "bad.txt: the file is empty (5 bytes: a byte-order mark and white space only)"),
    ("Договор аренды нежилого помещения. Стороны договорились о нижеследующем.".encode(), "article"),
])
def test_bad_files_are_refused_and_nothing_is_stored(workspace, lexwatch_cli, tmp_path, content, message):
    bad = tmp_path / "bad.txt"
    bad.write_bytes(content)
    result = lexwatch_cli("add", str(bad), cwd=workspace)
    assert result.code == 2, result
    assert message in result.err and "Traceback" not in result.err
    assert len(result.err.strip().splitlines()) == 1
    assert lexwatch_cli("drafts", "list", "--json", cwd=workspace).json() == []
    assert not any((workspace / "drafts").rglob("*.*"))


def test_missing_file_is_one_line(workspace, lexwatch_cli, tmp_path):
    result = lexwatch_cli("add", str(tmp_path / "nope.pdf"), cwd=workspace)
    assert result.code == 2 and "nope.pdf: no such file" in result.err


def test_bad_act_or_date_option(workspace, lexwatch_cli, excerpt):
    assert "not a register number" in lexwatch_cli("add", str(excerpt), "--act", "x!", cwd=workspace).err
    result = lexwatch_cli("add", str(excerpt), "--edition-date", "26.09.2022", cwd=workspace)
    assert result.code == 2 and "YYYY-MM-DD" in result.err
    # Python reads these as dates too ("20220926", ISO week 38's Monday): a typo must not store a day
    for when in ("20220926", "2022-W38-1"):
        result = lexwatch_cli("add", str(excerpt), "--edition-date", when, cwd=workspace)
        assert result.code == 2 and f"--edition-date must be a date YYYY-MM-DD, not '{when}'" in result.err
    result = lexwatch_cli("add", str(excerpt), "--edition-date", "2022-02-30", cwd=workspace)
    assert result.code == 2 and "not '2022-02-30' (day is out of range for month)" in result.err
    assert lexwatch_cli("drafts", "list", "--json", cwd=workspace).json() == []


def test_an_edition_date_far_from_any_real_one_is_refused(workspace, lexwatch_cli, excerpt):
    for when in ("1899-12-31", "2999-01-01"):
        result = lexwatch_cli("add", str(excerpt), "--edition-date", when, cwd=workspace)
        assert result.code == 2 and "not a plausible edition date" in result.err
    assert lexwatch_cli("drafts", "list", "--json", cwd=workspace).json() == []


def test_a_version_stored_without_an_act_gets_it_from_a_later_add_and_never_another(
        workspace, lexwatch_cli, tmp_path):
    text = tmp_path / "izvlechenie.txt"  # an excerpt with no act heading: the act is not detected
    text.write_text("Статья 59. Смертная казнь\n1. Смертная казнь – расстрел – может быть назначена "
                    "за особо тяжкие преступления.\n", encoding="utf-8")
    first = lexwatch_cli("add", str(text), cwd=workspace)
    assert first.code == 0 and "act not detected: pass --act REGNUM" in first.err
    [unknown] = lexwatch_cli("drafts", "list", "--json", cwd=workspace).json()
    assert unknown["label"] == f"unknown:{unknown['id'][:12]}"  # the label it prints names it too
    assert lexwatch_cli("drafts", "show", unknown["label"], "--json", cwd=workspace).json()["id"] == unknown["id"]
    listed = lexwatch_cli("drafts", "list", "--act", "unknown", "--json", cwd=workspace).json()
    assert [v["id"] for v in listed] == [unknown["id"]]
    given = lexwatch_cli("add", str(text), "--act", "HK9900275", "--edition-date", "2022-09-26", cwd=workspace)
    assert given.code == 0 and "now dated and of act HK9900275: HK9900275@2022-09-26" in given.err, given
    [stored] = lexwatch_cli("drafts", "list", "--json", cwd=workspace).json()
    assert stored["act"] == "HK9900275" and stored["label"] == "HK9900275@2022-09-26"
    other = lexwatch_cli("add", str(text), "--act", "HK0000001", cwd=workspace)
    assert other.code == 2 and "the stored act is kept" in other.err
    assert lexwatch_cli("drafts", "show", "HK9900275@2022-09-26", "--json", cwd=workspace).code == 0


def test_the_real_2022_edition_imports_with_all_its_articles(workspace, lexwatch_cli, corpus_dir):
    result = lexwatch_cli("add", str(corpus_dir / "uk_2022-09.txt"), "--edition-date", "2022-09-26",
                          "--json", cwd=workspace)
    assert result.code == 0, result
    expected = [json.loads(line)["number"] for line in
                (corpus_dir / "uk_2022-09.articles.jsonl").read_text(encoding="utf-8").splitlines()]
    assert result.json()[0]["articles"] == len(expected)
    shown = lexwatch_cli("drafts", "show", "HK9900275@2022-09-26", "--json", cwd=workspace).json()
    assert [a["number"] for a in shown["articles"]] == expected


def test_a_scanned_or_encrypted_pdf_is_refused_in_one_line_and_nothing_is_stored(workspace, lexwatch_cli, tmp_path):
    from builders import encrypt_pdf, make_pdf, make_scanned_pdf

    from lexwatch.text.load import parse_bytes

    doc = parse_bytes(UK_EXCERPT.encode("utf-8"), "uk.txt")
    whole = make_pdf(doc)
    cases = {
        "scan.pdf": (make_scanned_pdf(), "scan"),
        "locked.pdf": (encrypt_pdf(whole), "encrypted"),
        # pypdf's own complaints ("EOF marker not found") stay off the terminal: one line only
        "cut-off.pdf": (whole[:len(whole) // 2], "not a readable pdf"),
        "photo.pdf": (b"\xff\xd8\xff\xe0\x00\x10JFIF\x00" + bytes(range(256)) * 8, "not a readable pdf"),
    }
    for name, (data, message) in cases.items():
        path = tmp_path / name
        path.write_bytes(data)
        result = lexwatch_cli("add", str(path), cwd=workspace)
        assert result.code == 2, result
        assert message in result.err.lower() and len(result.err.strip().splitlines()) == 1
        assert result.err.count(name) == 1, result.err
    assert lexwatch_cli("drafts", "list", "--json", cwd=workspace).json() == []


def test_an_error_in_the_second_file_keeps_the_first_one_stored(workspace, lexwatch_cli, excerpt, tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    result = lexwatch_cli("add", str(excerpt), str(empty), "--edition-date", "2022-09-26", cwd=workspace)
    assert result.code == 2 and "empty.txt: the file is empty" in result.err
    listed = lexwatch_cli("drafts", "list", "--json", cwd=workspace).json()
    assert [v["edition_date"] for v in listed] == ["2022-09-26"]


def test_a_second_text_under_one_act_and_date_is_stored_with_a_note_that_the_date_names_both(
        workspace, lexwatch_cli, tmp_path):
    first, second = tmp_path / "a.txt", tmp_path / "b.txt"
    first.write_text("Статья 59. Смертная казнь\n1. Смертная казнь – расстрел.\n", encoding="utf-8")
    second.write_text("Статья 59. Смертная казнь\n1. Смертная казнь – расстрел – не применяется.\n", encoding="utf-8")
    for path in (first, second):
        result = lexwatch_cli("add", str(path), "--act", "HK9900275", "--edition-date", "2022-09-26", cwd=workspace)
        assert result.code == 0
    assert "note: HK9900275@2022-09-26 now names 2 versions" in result.err
    sources = {v["source"] for v in lexwatch_cli("drafts", "list", "--json", cwd=workspace).json()}
    assert sources == {str(first.resolve()), str(second.resolve())}


def test_adding_a_page_cut_short_stores_it_and_says_what_may_be_missing(workspace, lexwatch_cli, tmp_path):
    from test_text_html import PAGE

    cut = tmp_path / "uk-cut.html"
    cut.write_text(PAGE[:PAGE.index('<p class="comment">')], encoding="utf-8")
    added = lexwatch_cli("add", str(cut), cwd=workspace)
    assert added.code == 0 and "stored" in added.err
    assert f"note: {cut}: the page breaks off before its end" in added.err
    whole = tmp_path / "uk.html"
    whole.write_text(PAGE, encoding="utf-8")
    again = lexwatch_cli("add", str(whole), cwd=workspace)
    assert again.code == 0 and "note:" not in again.err


def test_a_sent_page_cannot_put_escape_sequences_on_the_terminal_through_its_class_names(workspace, lexwatch_cli,
                                                                                         tmp_path):
    # A file someone sent: its paragraph classes are named in a note, and they carry a title change
    # (OSC 2) and a screen clear. The note may name them, the terminal must not act on them.
    page = tmp_path / "uk-sent.html"
    page.write_text(
        '<html><head><meta charset="utf-8"></head><body><div class="Section1">'
        '<p class="titlek">УГОЛОВНЫЙ КОДЕКС РЕСПУБЛИКИ БЕЛАРУСЬ</p>'
        '<p class="article">Статья 130. Разжигание расовой, национальной, религиозной либо иной социальной вражды'
        " или розни</p>"
        '<p class="point\x1b]2;Всё в порядке\x07\x1b[2J\x9b31m">1. Умышленные действия, направленные на возбуждение'
        " расовой, национальной, религиозной либо иной социальной вражды или розни, – наказываются арестом.</p>"
        "</div></body></html>", encoding="utf-8")
    added = lexwatch_cli("add", str(page), "--act", "HK9900275", cwd=workspace)
    assert added.code == 0, added
    assert "note:" in added.err and "paragraph classes read as article text" in added.err
    assert not any(ch in added.err for ch in "\x1b\x07\x9b")


def test_a_sent_file_cannot_reorder_or_escape_what_drafts_show_prints_nor_its_json(workspace, lexwatch_cli, tmp_path):
    # A file someone sent, named with a CSI (U+009B: an escape sequence on terminals that read 8-bit
    # controls), its article title carrying a right-to-left override (U+202E) that shows the words
    # after it backwards. The name is stored as given, the override is not (a stored text holds no
    # control, as the drafts and redlines quoted from it); neither reaches the terminal or JSON.
    sent = tmp_path / "uk\x9b2J.txt"
    sent.write_text("УГОЛОВНЫЙ КОДЕКС РЕСПУБЛИКИ БЕЛАРУСЬ\n\n"
                    "Статья 130. Разжигание \u202eрасовой вражды\n\n"
                    "1. Умышленные действия, направленные на возбуждение расовой, национальной, религиозной"
                    " либо иной социальной вражды или розни, – наказываются арестом.\n", encoding="utf-8")
    assert lexwatch_cli("add", str(sent), "--act", "HK9900275", "--edition-date", "2022-09-26", cwd=workspace).code == 0
    shown = lexwatch_cli("drafts", "show", "HK9900275@2022-09-26", cwd=workspace)
    as_json = lexwatch_cli("drafts", "show", "HK9900275@2022-09-26", "--json", cwd=workspace)
    assert shown.code == 0 and as_json.code == 0, (shown, as_json)
    assert "Разжигание расовой вражды" in shown.out
    for out in (shown.out, as_json.out):
        assert not any(ch in out for ch in "\x9b\u202e\x1b"), out
    data = json.loads(as_json.out)  # the same data for a script: the name escaped, not dropped
    assert data["articles"][0]["title"] == "Разжигание расовой вражды"
    assert data["source"].endswith("uk\x9b2J.txt")


def test_an_act_named_in_other_digits_than_ascii_is_refused(workspace, lexwatch_cli, tmp_path):
    # "HK９９００２７５" typed with full-width digits would be a second act beside HK9900275, with its
    # own folder under drafts/: refused, as any other malformed register number is.
    page = tmp_path / "uk.txt"
    page.write_text("УГОЛОВНЫЙ КОДЕКС РЕСПУБЛИКИ БЕЛАРУСЬ\n\nСтатья 1. Уголовный закон Республики Беларусь\n\n"
                    "1. Уголовный закон Республики Беларусь основан на Конституции Республики Беларусь.\n",
                    encoding="utf-8")
    for act in ("HK９９００２７５", "２０２５０２１０１５"):
        added = lexwatch_cli("add", str(page), "--act", act, cwd=workspace)
        assert added.code == 2 and added.err.count("\n") == 1 and "not a register number" in added.err, added
    assert not any((workspace / "drafts").iterdir())


def test_a_register_number_typed_in_lowercase_cyrillic_names_the_act(workspace, lexwatch_cli, tmp_path):
    # "нк9900275": the keyboard left in Russian layout, lower case; upper case "НК9900275" already
    # worked, its Cyrillic letters read as the Latin ones they look like.
    page = tmp_path / "uk.txt"
    page.write_text("УГОЛОВНЫЙ КОДЕКС РЕСПУБЛИКИ БЕЛАРУСЬ\n\nСтатья 1. Уголовный закон Республики Беларусь\n\n"
                    "1. Уголовный закон Республики Беларусь основан на Конституции Республики Беларусь.\n",
                    encoding="utf-8")
    added = lexwatch_cli("add", str(page), "--act", "нк9900275", "--edition-date", "2022-09-26", cwd=workspace)
    assert added.code == 0 and "HK9900275@2022-09-26" in added.err, added
    shown = lexwatch_cli("drafts", "show", "нк9900275@2022-09-26", cwd=workspace)
    assert shown.code == 0 and "Уголовный закон Республики Беларусь" in shown.out, shown


def test_a_given_title_is_stored_without_controls_or_bidi_marks(workspace, lexwatch_cli, excerpt):
    # a title pasted from a page (or from a file someone sent) keeps nothing that would drive a
    # terminal or show the act's name backwards in a draft
    added = lexwatch_cli("add", str(excerpt), "--title", "Уголовный \u202eкодекс\u202c\x1b[2J Республики\nБеларусь",
                         "--edition-date", "2022-09-26", cwd=workspace)
    assert added.code == 0, added
    [listed] = lexwatch_cli("drafts", "list", "--json", cwd=workspace).json()
    assert listed["title"] == "Уголовный кодекс Республики Беларусь"


def test_a_law_of_one_article_is_said_to_have_one_article(workspace, lexwatch_cli, tmp_path):
    law = tmp_path / "zakon_360-z.txt"
    law.write_text("ЗАКОН РЕСПУБЛИКИ БЕЛАРУСЬ\n14 марта 2024 г. № 360-З\n"
                   "Об изменении Закона Республики Беларусь «О массовых мероприятиях»\n"
                   "Статья 1. Настоящий Закон вступает в силу после его официального опубликования.\n",
                   encoding="utf-8")
    added = lexwatch_cli("add", str(law), "--act", "H12400360", cwd=workspace)
    assert added.code == 0 and "txt, 1 article" in added.err and "1 articles" not in added.err, added
