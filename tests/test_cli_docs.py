"""Every command has --help and is named in the README; the CLI starts without heavy imports."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import typer
from typer.testing import CliRunner

from lexwatch import __version__
from lexwatch.cli.main import app

README = Path(__file__).resolve().parents[1] / "README.md"


def _command_paths() -> list[list[str]]:
    root = typer.main.get_command(app)
    paths: list[list[str]] = []

    def walk(command, prefix: list[str]) -> None:
        subcommands = getattr(command, "commands", None)
        if subcommands:
            for name, sub in subcommands.items():
                walk(sub, [*prefix, name])
        else:
            paths.append(prefix)

    walk(root, [])
    return paths


def test_every_command_answers_help_and_is_in_the_readme():
    runner = CliRunner()
    readme = README.read_text(encoding="utf-8")
    paths = _command_paths()
    assert ["init"] in paths and ["add"] in paths and ["drafts", "show"] in paths
    for path in paths:
        result = runner.invoke(app, [*path, "--help"])
        assert result.exit_code == 0, (path, result.output)
        assert "Usage" in result.output
        assert f"lexwatch {' '.join(path)}" in readme, f"README does not document `lexwatch {' '.join(path)}`"


def test_version_and_top_level_help(lexwatch_cli):
    version = lexwatch_cli("--version")
    assert version.code == 0 and version.out.strip() == f"lexwatch {__version__}"
    helped = lexwatch_cli("--help")
    assert helped.code == 0 and "drafts" in helped.out


def test_startup_does_not_import_heavy_libraries():
    code = ("import sys, lexwatch.cli.main; heavy = {'httpx', 'pypdf', 'docx', 'pymorphy3', 'jinja2', "
            "'diff_match_patch', 'selectolax'}; print(sorted(heavy & set(sys.modules)))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"
