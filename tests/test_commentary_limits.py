"""What one rendering of a commentary template may take (ADR-29): a draft's size."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from builders import write_editions
from conftest import CliResult
from test_commentary_qa import REPEAL_2020, REPEAL_2022

from lexwatch.commentary import scaffold
from lexwatch.errors import UsageError

Cli = Callable[..., CliResult]


@pytest.mark.parametrize("made", [
    "{{ 'a'.ljust(10**8) }}",
    "{% set ns = namespace(s='ст. 59 ' * 10**5) %}{% for i in range(7) %}{% set ns.s = ns.s ~ ns.s %}{% endfor %}"
    "{{ ns.s }}"])
def test_a_template_padding_its_draft_within_the_memory_limit_writes_no_huge_draft(
        lexwatch_cli: Cli, workspace: Path, made: str) -> None:
    """The memory limit is 1 GB above the process: a template whose whole draft is one padded text
    (`{{ 'a'.ljust(10**9) }}` alone) stayed under it and wrote a 1 GB draft, exit 0."""
    old, new = write_editions(workspace, REPEAL_2020, REPEAL_2022)
    template = workspace / "commentary" / "templates" / "huge.md.j2"
    template.write_text(made, encoding="utf-8")
    target = workspace / "commentary" / "huge.md"
    result = lexwatch_cli("commentary", "new", str(old), str(new), "-T", "huge", "-o", str(target), cwd=workspace,
                          timeout=60)
    assert result.code == 2 and result.out == "" and not target.exists(), result
    assert result.err.startswith(f"lexwatch: error: {template}: template error: it made a draft of ") and \
        result.err.endswith(" characters, more than the 50,000,000 a draft may hold (the whole Code's is about a"
                            " million)\n"), result.err


def _template(tmp_path: Path, text: str) -> scaffold.Template:
    path = tmp_path / "plain.md.j2"
    path.write_text(text, encoding="utf-8")
    return scaffold.Template("plain.md", path, builtin=False)


def test_a_draft_the_size_of_the_whole_codes_is_made(tmp_path: Path) -> None:
    """The draft bound leaves room: a text of a million characters (the whole Code's draft) renders."""
    text = scaffold.render(_template(tmp_path, "{{ 'ст. 59 ' * 150000 }}"), {}, None)
    assert len(text) == 7 * 150000 + 1
    with pytest.raises(UsageError, match="more than the 50,000,000 a draft may hold"):
        scaffold.render(_template(tmp_path, "{{ 'a'.ljust(50000001) }}"), {}, None)
