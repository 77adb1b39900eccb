"""A lawyer's and a cron job's QA of `check`: what a terminal shows of the report, and what a
script reads of it."""

from __future__ import annotations

import shlex
import shutil
from pathlib import Path

from builders import folder_inbox, on_a_terminal

import lexwatch

SAMPLES = Path(lexwatch.__file__).resolve().parent / "data" / "samples"


def test_check_on_a_narrow_terminal_wraps_between_articles_and_keeps_the_diff_hint_whole(
        lexwatch_cli, workspace, tmp_path):
    # A 60-column terminal cut the report's lines at its edge: "…, 361, 36|1¹, 361²" and "ст. 130|²"
    # read as other articles. Wrapped between words, each article number stays whole; the hint to
    # read the change stays one line, to be copied and run as printed (from another folder too).
    inbox = folder_inbox(workspace)
    shutil.copy(SAMPLES / "uk_excerpt_2020.html", inbox / "uk.html")
    assert lexwatch_cli("check", cwd=workspace).code == 1
    shutil.copy(SAMPLES / "uk_excerpt.html", inbox / "uk.html")  # the portal's page of the 2022 edition
    code, shown = on_a_terminal("-w", str(workspace), "check", cwd=tmp_path, columns=60)
    assert code == 1, shown
    lines = shown.splitlines()
    [hint] = [line for line in lines if line.lstrip().startswith("lexwatch ")]
    address = lines[-1]
    assert address == f"          {inbox / 'uk.html'}", shown
    assert all(len(line) <= 60 for line in lines if line not in (hint, address)), shown
    assert not any(line.endswith((" ст.", " ч.", "№")) for line in lines), shown  # "ст." beside its number
    said = " ".join(line.strip() for line in lines)
    assert "changed ст. 57, 58, 59, 67, 124, 130, 289, 361, 361¹, 361²; added ст. 130¹, 130², 361⁴" in said, shown
    assert "high genocide/genocide-denial added in ст. 130²" in " ".join(said.split()), shown
    # a flag's continuation stands under its rule's name, the articles beside their "ст."
    flagged = lines.index("          high   genocide/nazism-rehabilitation added in")
    assert lines[flagged + 1] == "                 ст. 130¹, 361¹, 361²", shown
    # the hint, copied as printed, runs from another folder and shows the change counted
    run = lexwatch_cli(*shlex.split(hint)[1:], cwd=tmp_path)
    assert run.code == 1, run
    assert ": 10 changed, 3 added, 0 removed, 0 renumbered, 2 unchanged" in run.out.splitlines()[0], run.out
    # piped (a cron mail, a file), each line stays whole, as grep and the mail reader take it
    shutil.copy(SAMPLES / "uk_excerpt_2020.html", inbox / "uk.html")
    piped = lexwatch_cli("check", cwd=workspace, env={"COLUMNS": "60"})
    assert piped.code == 1, piped
    assert "          changed ст. 57, 58, 59, 67, 124, 130, 289, 361, 361¹, 361²; removed ст. 130¹, 130², 361⁴\n" \
        in piped.out, piped.out


def test_check_with_one_file_failed_says_it_in_the_singular(lexwatch_cli, workspace):
    # "1 failed and were not checked": the run's closing line read wrong
    inbox = folder_inbox(workspace)
    shutil.copy(SAMPLES / "uk_excerpt.html", inbox / "uk.html")
    assert lexwatch_cli("check", cwd=workspace).code == 1
    (inbox / "zakon.txt").write_bytes(b"\xef\xbb\xbf\n")  # an editor's crash left the file empty
    run = lexwatch_cli("check", cwd=workspace)
    assert run.code == 4, run
    assert "nothing new in what could be fetched; 1 failed and was not checked (see below)\n" in run.err, run.err
    (inbox / "prikaz.txt").write_bytes(b"   \n")
    run = lexwatch_cli("check", cwd=workspace)
    assert "nothing new in what could be fetched; 2 failed and were not checked (see below)\n" in run.err, run.err


def test_a_flag_wrapped_on_a_terminal_keeps_each_code_article_with_its_code():
    # "→ ч. 1 ст. 361¹" at a line's end and "УК" alone under it: the Code cited lost from its article
    from lexwatch.cli.fetch import _fit

    line = "          high   extremism/extremism-articles changed in ст. 1 → ч. 1 ст. 361¹ УК"
    assert _fit(line, 50) == ["          high   extremism/extremism-articles",
                              "                 changed in ст. 1 → ч. 1",
                              "                 ст. 361¹ УК"]
    assert _fit(line, None) == [line]  # piped: one line
