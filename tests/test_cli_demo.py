"""A new user's first command: `lexwatch demo` runs the real job offline on the bundled editions."""

from __future__ import annotations

from pathlib import Path


def test_demo_imports_both_editions_and_shows_the_2022_changes(tmp_path: Path, lexwatch_cli) -> None:
    result = lexwatch_cli("demo", cwd=tmp_path)
    assert result.code == 0, result
    out = result.out
    assert "imported HK9900275@2020-09-07" in out and "imported HK9900275@2022-09-26" in out
    # The genocide-denial and nazism-rehabilitation articles were added in 2021; the demo must show them.
    assert "Статья 130². Отрицание геноцида белорусского народа — added" in out
    assert "Статья 130¹. Реабилитация нацизма — added" in out
    # Art. 67 opened the death penalty for the attempt: the inserted words are quoted in the redline.
    assert "{+, за исключением покушения на совершение преступлений" in out
    summary = next(line for line in out.splitlines() if line.startswith("HK9900275@2020-09-07 → "))
    assert "3 added" in summary and "0 removed" in summary
    workspace = tmp_path / "lexwatch-demo"
    assert (workspace / "lexwatch.toml").is_file()
    stored = lexwatch_cli("drafts", "list", "--json", cwd=workspace).json()
    assert sorted(v["edition_date"] for v in stored) == ["2020-09-07", "2022-09-26"]


def test_running_the_demo_again_reuses_the_workspace_and_stores_nothing_twice(tmp_path: Path, lexwatch_cli) -> None:
    target = tmp_path / "demo"
    assert lexwatch_cli("demo", str(target), cwd=tmp_path).code == 0
    again = lexwatch_cli("demo", str(target), cwd=tmp_path)
    assert again.code == 0, again
    assert "(reused)" in again.out and again.out.count("already stored") == 2
    assert len(lexwatch_cli("drafts", "list", "--json", cwd=target).json()) == 2


def test_the_demo_refuses_a_folder_holding_other_files(tmp_path: Path, lexwatch_cli) -> None:
    busy = tmp_path / "thesis"
    busy.mkdir()
    (busy / "chapter1.docx").write_bytes(b"not ours")
    result = lexwatch_cli("demo", str(busy), cwd=tmp_path)
    assert result.code == 2
    assert "not a lexwatch workspace" in result.err and "Traceback" not in result.err
    assert sorted(p.name for p in busy.iterdir()) == ["chapter1.docx"]


def test_the_demo_refuses_a_workspace_holding_the_users_own_versions(workspace: Path, lexwatch_cli, tmp_path: Path) -> None:
    own = tmp_path / "uk.txt"
    own.write_text("УГОЛОВНЫЙ КОДЕКС РЕСПУБЛИКИ БЕЛАРУСЬ\nСтатья 59. Смертная казнь\n1. Смертная казнь – "
                   "расстрел.\n", encoding="utf-8")
    assert lexwatch_cli("add", str(own), "--act", "HK9900275", cwd=workspace).code == 0
    result = lexwatch_cli("demo", str(workspace))
    assert result.code == 2 and "1 version(s) of your own" in result.err
    assert len(lexwatch_cli("drafts", "list", "--json", cwd=workspace).json()) == 1


def test_the_demo_is_not_made_inside_the_users_workspace(workspace: Path, lexwatch_cli) -> None:
    result = lexwatch_cli("demo", cwd=workspace)  # the default folder, lexwatch-demo, would sit inside it
    assert result.code == 2 and "inside the workspace" in result.err and "Traceback" not in result.err
    assert not (workspace / "lexwatch-demo").exists()
    assert lexwatch_cli("drafts", "list", "--json", cwd=workspace).json() == []


def test_every_command_the_demo_suggests_works_as_printed(tmp_path: Path, lexwatch_cli) -> None:
    import shlex

    result = lexwatch_cli("demo", cwd=tmp_path)
    assert result.code == 0, result
    shown = result.out + result.err
    suggested = shown[shown.index("Try next"):].splitlines()[1:]
    assert len(suggested) >= 5 and any(" commentary new " in line for line in suggested)
    for line in suggested:
        args = shlex.split(line.strip())
        assert args[0] == "lexwatch"
        ran = lexwatch_cli(*args[1:], cwd=tmp_path)
        assert ran.code in (0, 1) and ran.err.count("error") == 0, (line, ran)
    drafts = list((tmp_path / "lexwatch-demo" / "commentary").glob("*-smertnaya-kazn-za-pokushenie.md"))
    assert len(drafts) == 1 and "### Статья 67. Назначение наказания" in drafts[0].read_text(encoding="utf-8")
    # the quarter of the 2022 edition: the Code changed in it, told by subject
    [review] = (tmp_path / "lexwatch-demo" / "commentary").glob("*-obzor-za-period-*.md")
    text = review.read_text(encoding="utf-8")
    assert "### Уголовный кодекс Республики Беларусь (HK9900275)" in text and "Статья 361¹" in text
