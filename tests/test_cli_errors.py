"""Every way a command can go wrong ends in one line on stderr and an exit code a script can test."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from conftest import CliResult

Cli = Callable[..., CliResult]


@pytest.mark.parametrize("args", [
    ("diff",), ("diff", "a.txt", "b.txt", "--context", "-1"), ("drafts", "search", "казнь", "--limit", "abc"),
    ("drafts", "search", "казнь", "--limit", "0"),
    ("add", "x.txt", "--no-such-option"), ("no-such-command",),
])
def test_a_usage_error_is_one_line_naming_the_help_to_read(lexwatch_cli: Cli, args: tuple[str, ...]) -> None:
    result = lexwatch_cli(*args)
    assert result.code == 2
    assert result.err.count("\n") == 1 and result.err.startswith("lexwatch: error: "), result.err
    assert "--help`)" in result.err and "Usage:" not in result.err


def test_output_closed_early_by_head_is_not_a_failure(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if not k.startswith("LEXWATCH_")}
    shell = f"{sys.executable} -m lexwatch packs list | head -n 1 > /dev/null; echo ${{PIPESTATUS[0]}}"
    out = subprocess.run(["bash", "-c", shell], cwd=tmp_path, env=env, capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "0", out.stderr


@pytest.mark.skipif(not hasattr(signal, "SIGTERM") or os.name != "posix", reason="POSIX signals")
def test_a_job_stopped_with_sigterm_says_so_and_exits_143(tmp_path: Path) -> None:
    # Stopped while it parses a large generated code (tens of seconds of work), as systemd stops a job.
    big = tmp_path / "big.txt"
    article = ("Статья {n}. Статья\n1. Деяние – наказывается штрафом, или арестом, или лишением свободы "
               "на срок до пяти лет.\n")
    big.write_text("УГОЛОВНЫЙ КОДЕКС РЕСПУБЛИКИ БЕЛАРУСЬ\n" + "".join(article.format(n=n) for n in range(1, 60000)),
                   encoding="utf-8")
    env = {k: v for k, v in os.environ.items() if not k.startswith("LEXWATCH_")}
    proc = subprocess.Popen([sys.executable, "-m", "lexwatch", "diff", str(big), str(big)], cwd=tmp_path,
                            env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    time.sleep(1.5)  # past start-up, inside the parse
    proc.send_signal(signal.SIGTERM)
    _, err = proc.communicate(timeout=60)
    if proc.returncode == 0:
        pytest.skip("the diff finished before the signal")
    assert proc.returncode == 143
    assert err == "lexwatch: stopped; nothing half-stored was kept\n"
