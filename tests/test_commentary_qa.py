"""A commentator's QA of the drafts (`lexwatch commentary new|overview|period|copy`): what each draft
states checked against the two editions, and what users do wrong."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

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
