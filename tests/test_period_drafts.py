"""`commentary period` on a draft saved by hand (the folder source, `lexwatch add`): no bank entry as
its act, but titled "ПРОЕКТ ЗАКОН РЕСПУБЛИКИ БЕЛАРУСЬ", as `check` names it a draft."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from conftest import CliResult
from test_folder_source import DRAFT

Cli = Callable[..., CliResult]


def test_a_period_review_lists_a_draft_saved_by_hand_among_the_drafts_not_the_adopted_acts(
        lexwatch_cli: Cli, workspace: Path, tmp_path: Path) -> None:
    # It was told under "## Принятые акты" with "дата публикации (редакции)", a draft given as published
    # law in the quarter's review, while `check` and `overview` cite it "Проект закона «…»".
    draft = tmp_path / "proekt_izmeneniya_UK.txt"
    draft.write_text(DRAFT, encoding="utf-8")
    added = lexwatch_cli("add", str(draft), "--edition-date", "2025-02-10", cwd=workspace)
    assert added.code == 0, added
    period = ("commentary", "period", "--since", "2025-01-01", "--until", "2025-03-31", "-o", "-")
    review = lexwatch_cli(*period, cwd=workspace)
    assert review.code == 0, review
    assert "## Принятые акты" not in review.out and "дата публикации" not in review.out, review.out
    drafts = review.out.index("\n## Проекты\n")
    assert review.out.index("\n### Проект закона «Об изменении Уголовного кодекса Республики Беларусь»\n") > drafts
    assert "Проект от 10.02.2025." in review.out
    left = lexwatch_cli(*period, "--no-drafts", cwd=workspace)
    assert left.code == 0 and left.out == "", left
    # the period holds the draft alone: with drafts left out nothing was stored in it ("no differences"
    # sent the commentator to look for a diff that found none)
    assert left.err.startswith("2025-01-01 – 2025-03-31: nothing stored in the period; no draft written"), left.err
