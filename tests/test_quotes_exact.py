"""Quoted wording keeps the text's own spacing round dashes and quotes in every output.

The comparison form is what redlines, flags' evidence and commentary drafts quote (ADR-22): the
dash fold put a space after every dash that followed one, so an amending law's "слова «в целях
распространения –» заменить …" was quoted "«в целях распространения – »". What ADR-10 calls
technical (a dash re-typeset, line breaks, typographic quotes) must still be no change.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from lexwatch.diff.engine import diff_documents
from lexwatch.diff.normalize import collapse, normalize
from lexwatch.ids import ArticleNumber
from lexwatch.text.model import Article, Document

INSTRUCTION = "в части 1 статьи 130 слова «в целях распространения –» заменить словами «в целях распространения " \
              "экстремистских материалов –»;"


@pytest.mark.parametrize("text", [
    INSTRUCTION,
    "слова «, –» исключить;",                                     # a dash before a closing quote, after a comma
    "в части 2 слова «– наказываются» заменить словами «– наказываются лишением свободы»;",
    "свободы на срок до пяти лет –, а равно",                      # before a comma
    "либо иной социальной вражды или розни –.",                    # before a full stop
    "(– в редакции Закона от 17 июля 2023 г. № 280-З)",
])
def test_a_dash_next_to_a_quote_a_bracket_or_a_mark_is_quoted_as_written(text: str) -> None:
    assert normalize(text) == text


@pytest.mark.parametrize(("written", "quoted"), [
    ('слова "в целях распространения —" заменить', "слова «в целях распространения –» заменить"),
    ("слова „в целях распространения -“ заменить", "слова «в целях распространения –» заменить"),
    ("слова «— наказываются» исключить", "слова «– наказываются» исключить"),     # no space after «
    # an em dash after a comma at a line's end (Art. 193's shape): no space before it
    ("семейных обязанностей,—\nнаказываются штрафом", "семейных обязанностей,– наказываются штрафом"),
])
def test_a_re_typeset_dash_or_quote_changes_its_character_not_its_spacing(written: str, quoted: str) -> None:
    assert normalize(written) == quoted


@pytest.mark.parametrize(("one", "other"), [
    # typographic and straight quotes, an em dash, a hyphen or an en dash
    ("слова «в целях распространения –» заменить", 'слова "в целях распространения —" заменить'),
    ("слова «в целях распространения –» заменить", "слова „в целях распространения -“ заменить"),
    # a PDF's line break at a spaced dash, either side of it
    ("совершенные в целях распространения – наказываются арестом",
     "совершенные в целях распространения –\nнаказываются арестом"),
    ("совершенные в целях распространения – наказываются арестом",
     "совершенные в целях распространения\n— наказываются арестом"),
    # a space lost between a dash and a word ("290/1 –290/5" in the 2022 source) or before an em dash
    ("от трех до двенадцати лет – наказываются", "от трех до двенадцати лет –наказываются"),
    ("от трех до двенадцати лет – наказываются", "от трех до двенадцати лет— наказываются"),
])
def test_what_layout_does_to_dashes_and_quotes_is_still_no_change(one: str, other: str) -> None:
    assert normalize(one) == normalize(other)
    diff = diff_documents(_code(one), _code(other))
    assert diff.summary()["unchanged"] == 1 and not diff.has_changes


def test_a_redline_of_a_changed_quote_rebuilds_both_texts_with_their_own_spacing() -> None:
    new = INSTRUCTION.replace("экстремистских", "запрещенных")
    diff = diff_documents(_code(INSTRUCTION), _code(new))
    (item,) = diff.articles
    ops = item.ops or []
    assert "".join(t for k, t in ops if k != "insert") == INSTRUCTION
    assert "".join(t for k, t in ops if k != "delete") == new
    assert ("delete", "экстремистских") in ops and ("insert", "запрещенных") in ops


# Fragments with no article reference (those fold numbers), control character or soft hyphen
# (those join what is round them): every space next to a quote, a bracket or a mark is the text's.
FRAGMENTS = ["слова ", "в целях распространения", " –", "–", " —", "—", " -", "- ", " ", "\n", "«", "»", '"',
             "„", "“", ",", ".", ";", "(", ")", "наказываются", " – ", "лет— ", "X"]
MARKS = "«»\"„“”,.;:()"


def _spaces_by_marks(text: str) -> int:
    return len(re.findall(rf" (?=[{MARKS}])", text)) + len(re.findall(rf"(?<=[{MARKS}]) ", text))


@given(st.lists(st.sampled_from(FRAGMENTS), max_size=20).map("".join))
@settings(max_examples=500, deadline=None)
def test_normalising_adds_no_space_beside_a_quote_a_bracket_or_a_mark(text: str) -> None:
    assert _spaces_by_marks(normalize(text)) == _spaces_by_marks(collapse(text))


LAW = "\n".join([
    "ЗАКОН РЕСПУБЛИКИ БЕЛАРУСЬ", "14 марта 2024 г. № 360-З", "Об изменении Уголовного кодекса Республики Беларусь", "",
    "Статья 1. Внести в Уголовный кодекс Республики Беларусь от 9 июля 1999 г. № 275-З следующие изменения:",
    f"1. {INSTRUCTION}",
    "2. в части 2 статьи 361¹ слова «– наказываются» заменить словами «– наказываются лишением свободы».",
    "Статья 2. Настоящий Закон вступает в силу после его официального опубликования.", ""])


def test_the_overview_and_the_flags_of_a_law_quote_its_dashes_as_written(
        lexwatch_cli: Any, workspace: Path, tmp_path: Path) -> None:
    law = tmp_path / "zakon_360-z.txt"
    law.write_text(LAW, encoding="utf-8")
    added = lexwatch_cli("add", str(law), "--act", "H12400360", "--edition-date", "2024-03-14", cwd=workspace)
    assert added.code == 0, added
    overview = lexwatch_cli("commentary", "overview", "H12400360@2024-03-14", "-o", "-", cwd=workspace)
    assert overview.code == 0, overview
    assert f"> 1\\. {INSTRUCTION}  \n" in overview.out, overview.out
    flags = lexwatch_cli("flags", "H12400360@2024-03-14", "--json", cwd=workspace)
    assert flags.code == 0, flags
    evidence = [hit["evidence"] for hit in json.loads(flags.out)["hits"]]
    assert any("«в целях распространения –»" in quote for quote in evidence), evidence
    for out in (overview.out, *evidence):
        assert "– »" not in out and "– ," not in out


def test_a_diff_of_two_law_texts_quotes_the_dash_before_the_closing_quote_as_written(
        lexwatch_cli: Any, tmp_path: Path) -> None:
    old, new = tmp_path / "old.txt", tmp_path / "new.txt"
    old.write_text(LAW, encoding="utf-8")
    new.write_text(LAW.replace("экстремистских материалов", "запрещенных материалов"), encoding="utf-8")
    result = lexwatch_cli("diff", str(old), str(new), "--format", "json", "--no-flags")
    assert result.code == 1, result  # changes found, as diff(1) says
    (changed,) = [a for a in json.loads(result.out)["articles"] if a["status"] == "changed"]
    old_text = "".join(text for kind, text in changed["ops"] if kind != "insert")
    assert "слова «в целях распространения –» заменить словами «в целях распространения экстремистских " \
           "материалов –»;" in old_text


def _code(text: str) -> Document:
    return Document("УК", [Article(ArticleNumber(130), "Разжигание расовой, национальной, религиозной вражды", text)])
