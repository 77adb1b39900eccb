"""Inputs a fuzzer found that broke a reader: each gives one clear line (an InputError, a ConfigError, a
failed page), or reads as text, instead of a traceback or a memory blow-up."""

from __future__ import annotations

import resource
import zipfile
from collections.abc import Callable
from io import BytesIO
from pathlib import Path

import pytest
from builders import within
from conftest import CliResult

from lexwatch.config import parse_settings
from lexwatch.errors import ConfigError, InputError, UnexpectedPageError
from lexwatch.sources.pravo_by import page_title
from lexwatch.text.load import parse_bytes


def test_lists_nested_too_deep_in_the_settings_are_a_config_error_naming_the_line() -> None:
    text = '[portal]\ndelay = 2.0\ndraft_index_urls = ' + "[" * 1000 + "]" * 1000 + "\n"
    with pytest.raises(ConfigError) as err:
        parse_settings(text, "lexwatch.toml")
    assert str(err.value) == ("lexwatch.toml:3: lists or tables nested too deeply (key 'draft_index_urls')")


def test_inline_tables_nested_too_deep_are_a_config_error() -> None:
    with pytest.raises(ConfigError, match=r"lexwatch.toml:2: lists or tables nested too deeply"):
        parse_settings("[notify]\nurls = " + "{a = " * 1000 + "1" + "}" * 1000 + "\n")


def _docx_with_member_version(version: int) -> bytes:
    """A small DOCX whose central directory says its member needs ZIP version `version` / 10."""
    buf = BytesIO()
    with zipfile.ZipFile(buf, "w") as archive:
        archive.writestr("[Content_Types].xml", '<?xml version="1.0"?><Types/>')
        archive.writestr("word/document.xml", "<w:document><w:body><w:p><w:r><w:t>Статья 1. Задачи Уголовного"
                         " кодекса</w:t></w:r></w:p></w:body></w:document>")
    data = bytearray(buf.getvalue())
    at = data.find(b"PK\x01\x02")    # the first central directory header: "version needed" at +6
    data[at + 6] = version
    return bytes(data)


def test_a_docx_with_a_damaged_version_field_is_a_damaged_zip() -> None:
    # zipfile raises NotImplementedError ("zip file version 8.8"), not BadZipFile, at such a byte
    with pytest.raises(InputError, match=r"uk\.docx: a damaged ZIP/DOCX file"):
        parse_bytes(_docx_with_member_version(88), "uk.docx")


def _reopening_page(formatting: int, paragraphs: int) -> str:
    """Formatting tags left open inside a paragraph (each with its own id, so none is dropped as a
    fourth alike), then paragraphs: the parser opens every one of them again in each paragraph."""
    opened = "".join(f'<b id="{i}">' for i in range(formatting))
    return ('<!DOCTYPE html><html lang="ru"><head><meta charset="utf-8"/><title>Уголовный кодекс</title></head>'
            f'<body><div class="usercontent"><p class="newncpi">{opened}'
            + "<p class=\"newncpi\">наказывается штрафом" * paragraphs + "</div></body></html>")


def _peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def test_html_with_formatting_tags_left_open_is_refused_before_it_is_parsed() -> None:
    page = _reopening_page(1500, 2000)   # 23 KB; lexbor built 3 million elements, 1.1 GB
    before = _peak_rss_mb()
    with within(1.0), pytest.raises(InputError, match=r"formatting tags .* left open"):
        parse_bytes(page.encode(), "uk.html")
    assert _peak_rss_mb() - before < 200


def test_a_portal_page_with_formatting_tags_left_open_is_not_read() -> None:
    with within(1.0), pytest.raises(UnexpectedPageError, match=r"formatting tags .* left open"):
        page_title(_reopening_page(1500, 2000))


def test_a_few_formatting_tags_left_open_are_still_read() -> None:
    page = _reopening_page(3, 2000).replace('<p class="newncpi">',
                                            '<p class="article">Статья 1. Задачи Уголовного кодекса</p>'
                                            '<p class="newncpi">', 1)
    assert page_title(page) == "Уголовный кодекс"
    assert [a.number.canonical for a in parse_bytes(page.encode(), "uk.html").articles] == ["1"]


@pytest.mark.parametrize("left_open", ['<b>', '<a name="st{n}">', '<font face="Times New Roman">'])
def test_a_page_whose_every_heading_leaves_a_tag_open_is_read(left_open: str) -> None:
    # The parser keeps three alike (same tag and attributes) and one <a>: 1 500 headings each leaving
    # "<b>" open make 20 000 elements in lexbor, but were counted as 1 500 open and the page refused
    page = ('<html><head><meta charset="utf-8"><title>Уголовный кодекс</title></head><body><div class="Section1">'
            + "".join(f'<p class="article">{left_open.format(n=n)}Статья {n}. Деяние {n}</p>'
                      f'<p class="point">1) совершенное умышленно;</p>'
                      f'<p class="newncpi">наказывается штрафом или арестом.</p>' for n in range(1, 1501))
            + "</div></body></html>")
    assert page_title(page) == "Уголовный кодекс"
    assert len(parse_bytes(page.encode(), "uk.html").articles) == 1500


UNREADABLE_NUMBER = """\
УГОЛОВНЫЙ КОДЕКС РЕСПУБЛИКИ БЕЛАРУСЬ
Статья 127. Геноцид
Геноцид наказывается лишением свободы на срок от десяти до двадцати пяти лет, или пожизненным
заключением, или смертной казнью.
Статья 999999. Экоцид
Массовое уничтожение растительного или животного мира наказывается лишением свободы.
Статья 128. Преступления против безопасности человечества
"""


def test_an_article_number_no_article_has_is_read_as_text_of_the_article_before() -> None:
    doc = parse_bytes(UNREADABLE_NUMBER.encode(), "uk.txt")
    assert [a.number.canonical for a in doc.articles] == ["127", "128"]
    assert "Статья 999999. Экоцид\nМассовое уничтожение" in doc.articles[0].text
    assert any("Статья 999999. Экоцид' read as text" in w for w in doc.warnings)
    # many such headings: one note, not one each (a generated text of 60 000 printed 50 000 lines)
    many = "".join(f"Статья {n}. Статья\nДеяние наказывается штрафом.\n" for n in range(9990, 10100))
    notes = [w for w in parse_bytes(many.encode(), "uk.txt").warnings if "read as text" in w]
    assert notes == ["'Статья 10000. Статья' and 99 more headings read as text: no article is numbered so "
                     "(an article number has at most 4 digits)"]


def test_a_collapsed_sub_number_is_still_split() -> None:
    text = "Статья 130. Т\nтекст\nСтатья 130¹. Т\nтекст\nСтатья 1302. Отрицание геноцида\nтекст\n"
    assert [a.number.display for a in parse_bytes(text.encode(), "uk.txt").articles] == ["130", "130¹", "130²"]


def test_an_unreadable_article_number_leaves_the_stored_version_readable(
        lexwatch_cli: Callable[..., CliResult], workspace: Path, tmp_path: Path) -> None:
    source = tmp_path / "uk.txt"
    source.write_text(UNREADABLE_NUMBER, encoding="utf-8")
    assert lexwatch_cli("add", str(source), "--act", "HK9900275", cwd=workspace).code == 0
    version = lexwatch_cli("drafts", "list", "--json", cwd=workspace).json()[0]["id"]
    shown = lexwatch_cli("drafts", "show", version, "--json", cwd=workspace)
    assert shown.code == 0, shown.err
    assert [a["number"] for a in shown.json()["articles"]] == ["127", "128"]
    flagged = lexwatch_cli("flags", str(source), cwd=workspace)
    assert flagged.code in (0, 1) and "смертной казнью" in flagged.out
