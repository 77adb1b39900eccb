"""What the diff reads: a line's spacing and a contents entry's dot leaders come out of the parser
the same whichever shortcut it takes, so two wrappings of one edition diff as equal."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from lexwatch.diff.engine import diff_documents
from lexwatch.text.blocks import Block
from lexwatch.text.structure import parse_blocks

CHAPTER_22 = [
    "ГЛАВА 22. ПРЕСТУПЛЕНИЯ ПРОТИВ ЖИЗНИ",
    "Статья 139. Убийство",
    "1. Убийство, то есть умышленное противоправное лишение жизни другого человека, – наказывается "
    "лишением свободы на срок от шести до пятнадцати лет.",
    "2. Убийство: 1) малолетнего или престарелого; 2) двух или более лиц – наказывается лишением свободы "
    "на срок от восьми до двадцати пяти лет, пожизненным заключением или смертной казнью.",
    "Статья 140. Убийство матерью своего новорожденного ребенка",
    "Убийство матерью своего новорожденного ребенка во время или непосредственно после родов – "
    "наказывается ограничением свободы на срок до пяти лет или лишением свободы на тот же срок.",
]
SPACES = ["\u00a0", "\t", "  ", " \u00a0 ", "\u2009", " \u200b"]


def _parse(lines: list[str]) -> list[tuple[str, str, str, str]]:
    doc = parse_blocks([Block(line) for line in lines], name="test.txt")
    return [(a.number.canonical, a.title, a.text, a.chapter) for a in doc.articles]


@given(st.lists(st.tuples(st.integers(0, 200), st.sampled_from(SPACES)), max_size=8),
       st.booleans(), st.booleans())
@settings(max_examples=150, deadline=None)
def test_odd_spaces_inside_and_around_a_line_parse_as_one_space(spots: list[tuple[int, str]],
                                                                lead: bool, trail: bool) -> None:
    messy = []
    for line in CHAPTER_22:
        for at, space in spots:
            gap = line.find(" ", at % len(line))
            if gap > 0:
                line = line[:gap] + space + line[gap + 1:]
        messy.append((" " if lead else "") + line + (" \t" if trail else ""))
    assert _parse(messy) == _parse(CHAPTER_22)


def test_headings_copied_with_a_contents_entrys_dot_leaders_keep_clean_titles() -> None:
    # A PDF whose headings were set from its table of contents: leaders and a page number trail
    lines = ["Статья 139. Убийство .......... 45", CHAPTER_22[2],
             "Статья 140. Убийство матерью своего новорожденного ребенка … 46", CHAPTER_22[5],
             "Статья 141. Причинение смерти по неосторожности . . . 47",
             "Причинение смерти по неосторожности – наказывается исправительными работами на срок до двух лет."]
    assert [title for _, title, _, _ in _parse(lines)] == [
        "Убийство", "Убийство матерью своего новорожденного ребенка", "Причинение смерти по неосторожности"]


def test_an_edition_rewrapped_with_non_breaking_spaces_diffs_as_unchanged() -> None:
    rewrapped = [line.replace(" – ", "\u00a0– ").replace("лет.", "лет. ") for line in CHAPTER_22]
    old = parse_blocks([Block(line) for line in CHAPTER_22], name="old.txt")
    new = parse_blocks([Block(line) for line in rewrapped], name="new.txt")
    assert not diff_documents(old, new).has_changes
