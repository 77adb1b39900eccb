"""What one rendering of a commentary template may take (ADR-29): a draft's size, and the process's
own alarm, which a rendering's time limit must not take away."""

from __future__ import annotations

import signal
from collections.abc import Callable
from pathlib import Path

import pytest
from builders import write_editions
from conftest import CliResult
from test_commentary_qa import REPEAL_2020, REPEAL_2022

from lexwatch.commentary import scaffold
from lexwatch.errors import UsageError

Cli = Callable[..., CliResult]

needs_alarm = pytest.mark.skipif(not hasattr(signal, "setitimer"), reason="needs SIGALRM")


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


class _Deadline(Exception):
    pass


@needs_alarm
def test_a_rendering_leaves_the_alarm_the_process_had_set_running(tmp_path: Path) -> None:
    """A rendering's 120 s alarm cancelled the process's own (a test's `builders.within`, a caller's
    deadline): after the draft it never fired."""
    def mine(signum: int, frame: object) -> None:
        raise _Deadline

    before = signal.signal(signal.SIGALRM, mine)
    try:
        signal.setitimer(signal.ITIMER_REAL, 600)
        text = scaffold.render(_template(tmp_path, "# {{ title }}\n"), {"title": "Обзор за квартал"}, None)
        left, _ = signal.getitimer(signal.ITIMER_REAL)
        assert text == "# Обзор за квартал\n" and 590 < left <= 600, left
        assert signal.getsignal(signal.SIGALRM) is mine
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, before)


@needs_alarm
def test_an_alarm_due_before_the_renderings_fires_during_it(tmp_path: Path) -> None:
    """The process's alarm due in 0.3 s was put off to the rendering's 120 s."""
    def mine(signum: int, frame: object) -> None:
        raise _Deadline

    before = signal.signal(signal.SIGALRM, mine)
    try:
        signal.setitimer(signal.ITIMER_REAL, 0.3)
        with pytest.raises(_Deadline):
            scaffold.render(_template(tmp_path, "{% for i in range(20000) %}{% for j in range(2000) %}{% endfor %}"
                                                "{% endfor %}\n"), {}, None)
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, before)
