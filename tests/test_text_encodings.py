"""A text file is read in the encoding it was saved in, or refused in one line when it is no text at all."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from conftest import CliResult

from lexwatch.errors import InputError
from lexwatch.text.load import parse_bytes

Cli = Callable[..., CliResult]

CODE = """УГОЛОВНЫЙ КОДЕКС РЕСПУБЛИКИ БЕЛАРУСЬ

Статья 59. Смертная казнь
1. В качестве исключительной меры наказания допускается применение смертной казни – расстрела (до отмены смертной казни) за преступления, предусмотренные частью 2 статьи 124, частью 3 статьи 126, частью 3 статьи 289 и частью 2 статьи 359 настоящего Кодекса.
2. Смертная казнь не может быть назначена:
1) лицам, совершившим преступления в возрасте до восемнадцати лет;
2) женщинам;
3) мужчинам, достигшим ко дню постановления приговора шестидесяти пяти лет.

Статья 130². Отрицание геноцида белорусского народа
1. Отрицание геноцида белорусского народа, содержащееся в публичном выступлении, –
наказывается арестом, или ограничением свободы на срок до пяти лет, или лишением свободы на тот же срок.
"""


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
def test_utf16_saved_without_a_byte_order_mark_is_read_as_utf16(encoding: str) -> None:
    doc = parse_bytes(CODE.encode(encoding), "uk.txt")
    assert [a.number.canonical for a in doc.articles] == ["59", "130-2"]
    article = doc.article("59")
    assert article is not None and article.title == "Смертная казнь"
    assert doc.act == "HK9900275"


def test_a_utf8_file_cut_inside_a_letter_is_still_utf8_not_a_code_pages_mojibake() -> None:
    # a download or a "save page" stopped in the middle of "казнь": the last letter is half there
    data = CODE.encode("utf-8")
    cut = data[: data.rindex("тот же срок".encode()) + 3]
    doc = parse_bytes(cut, "uk.txt")
    assert [a.number.canonical for a in doc.articles] == ["59", "130-2"]
    article = doc.article("59")
    assert article is not None and article.title == "Смертная казнь"
    assert any("utf-8" in w for w in doc.warnings)


def test_one_stray_byte_of_another_code_page_does_not_turn_the_whole_text_to_mojibake() -> None:
    data = CODE.encode("utf-8").replace("женщинам".encode(), "женщинам".encode() + "ё".encode("cp1251"))
    doc = parse_bytes(data, "uk.txt")
    article = doc.article("59")
    assert article is not None and article.title == "Смертная казнь"
    assert "2) женщинам\ufffd;" in article.lines


def test_a_cp1251_text_is_still_read_as_cp1251() -> None:
    doc = parse_bytes(CODE.replace("²", "2").encode("cp1251"), "uk.txt")
    article = doc.article("59")
    assert article is not None and article.title == "Смертная казнь"
    assert "read as cp1251" in doc.warnings


@pytest.mark.parametrize("data", [
    b"\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01" + bytes(range(256)) * 40,  # a photo of the page
    b"\x7fELF\x02\x01\x01\x00" + bytes(200) + "Статья 1. ".encode() + bytes(range(256)) * 20,  # a program
])
def test_a_binary_file_named_txt_is_called_binary(data: bytes) -> None:
    with pytest.raises(InputError, match=r"uk\.txt: a binary file, not text"):
        parse_bytes(data, "uk.txt")


def test_a_file_of_zero_bytes_is_called_empty() -> None:
    # what a sync client that wrote nothing but the file's length leaves: no text, not an old .doc
    with pytest.raises(InputError, match=r"uk\.txt is empty \(4096 bytes: zero bytes only\)"):
        parse_bytes(bytes(4096), "uk.txt")


def test_adding_a_binary_txt_says_so_in_one_line_and_stores_nothing(workspace: Path, lexwatch_cli: Cli,
                                                                     tmp_path: Path) -> None:
    scan = tmp_path / "uk-2022.txt"
    scan.write_bytes(b"\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01" + bytes(range(256)) * 40)
    result = lexwatch_cli("add", str(scan), "--act", "HK9900275", cwd=workspace)
    assert result.code == 2, result
    assert result.err.count("\n") == 1 and "a binary file, not text" in result.err, result.err
    assert lexwatch_cli("drafts", "list", "--json", cwd=workspace).json() == []
