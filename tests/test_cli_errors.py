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

from lexwatch.ids import TO_SUPERSCRIPT

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


@pytest.mark.parametrize(("args", "told"), [
    (("check", "-q"), "(`-q` goes before the command: `lexwatch -q check …`; see `lexwatch check --help`)"),
    (("drafts", "list", "--workspace", "/srv/laws"),
     "(`--workspace` goes before the command: `lexwatch --workspace DIR drafts list …`; "
     "see `lexwatch drafts list --help`)"),
    (("diff", "a.txt", "b.txt", "--version"), "(`lexwatch --version` says the version; see `lexwatch diff --help`)"),
])
def test_lexwatchs_own_option_after_the_command_says_where_it_goes(lexwatch_cli: Cli, args: tuple[str, ...],
                                                                   told: str) -> None:
    # `lexwatch check -q` in a cron line said only "No such option: -q"
    result = lexwatch_cli(*args)
    assert result.code == 2 and result.out == ""
    assert result.err == f"lexwatch: error: No such option: {args[-1] if args[-1].startswith('-') else args[-2]} {told}\n"


def test_output_closed_early_by_head_is_not_a_failure(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if not k.startswith("LEXWATCH_")}
    shell = f"{sys.executable} -m lexwatch packs list | head -n 1 > /dev/null; echo ${{PIPESTATUS[0]}}"
    out = subprocess.run(["bash", "-c", shell], cwd=tmp_path, env=env, capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "0", out.stderr


def _closed_pipe(args: list[str], cwd: Path) -> int:
    """Run lexwatch with its standard output a pipe nobody reads: closed before it writes a byte,
    as `| head -n 1` closes it after the first line."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("LEXWATCH_")}
    proc = subprocess.Popen([sys.executable, "-m", "lexwatch", *args], cwd=cwd, env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
    assert proc.stdout is not None
    proc.stdout.close()
    return proc.wait(timeout=120)


def test_a_pipe_closed_early_keeps_the_answer_a_script_tests(lexwatch_cli: Cli, tmp_path: Path) -> None:
    # `lexwatch diff A B | head` exited 0, "no differences", and `lexwatch check | head -1` 0,
    # "nothing new", though both had found something: a closed pipe changes what is shown, not that.
    old, new = tmp_path / "uk_2020.txt", tmp_path / "uk_2022.txt"
    old.write_text(OLD_59, encoding="utf-8")
    new.write_text(NEW_59, encoding="utf-8")
    assert _closed_pipe(["diff", str(old), str(new)], tmp_path) == 1
    assert _closed_pipe(["diff", str(old), str(old)], tmp_path) == 0
    workspace = tmp_path / "ws"
    assert lexwatch_cli("init", str(workspace)).code == 0
    (workspace / "inbox").mkdir()
    (workspace / "inbox" / "uk.txt").write_text(OLD_59, encoding="utf-8")
    with (workspace / "lexwatch.toml").open("a", encoding="utf-8") as config:
        config.write('\n[sources.folder]\npath = "inbox"\n')
    portal_off = (workspace / "lexwatch.toml").read_text("utf-8").replace("# enabled = true", "enabled = false", 1)
    (workspace / "lexwatch.toml").write_text(portal_off, encoding="utf-8")
    assert _closed_pipe(["check"], workspace) == 1
    # the report never reached a reader: the next run tells the new document again, then it is told
    again = lexwatch_cli("check", cwd=workspace)
    assert again.code == 1 and "did not finish reporting it" in again.out, again
    assert lexwatch_cli("check", cwd=workspace).code == 0


@pytest.mark.skipif(not hasattr(signal, "SIGTERM") or os.name != "posix", reason="POSIX signals")
def test_a_job_stopped_with_sigterm_says_so_and_exits_143(tmp_path: Path) -> None:
    # Stopped while it parses a large generated code (tens of seconds of work), as systemd stops a job.
    big = tmp_path / "big.txt"
    article = ("Статья {n}. Статья\n1. Деяние – наказывается штрафом, или арестом, или лишением свободы "
               "на срок до пяти лет.\n")
    # 60 000 articles numbered as a code may number them (an article number has at most 4 digits): 1, 1¹ … 1⁹, 2 …
    numbers = (f"{n // 10 + 1}{str(n % 10).translate(TO_SUPERSCRIPT) if n % 10 else ''}" for n in range(60000))
    big.write_text("УГОЛОВНЫЙ КОДЕКС РЕСПУБЛИКИ БЕЛАРУСЬ\n" + "".join(article.format(n=n) for n in numbers),
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


OLD_59 = """УГОЛОВНЫЙ КОДЕКС РЕСПУБЛИКИ БЕЛАРУСЬ

Статья 59. Смертная казнь
1. В качестве исключительной меры наказания допускается применение смертной казни – расстрела за некоторые особо тяжкие преступления, сопряженные с умышленным лишением жизни человека при отягчающих обстоятельствах (до отмены смертной казни).
3. Смертная казнь в порядке помилования может быть заменена пожизненным заключением.
"""
NEW_59 = OLD_59.replace("пожизненным заключением", "пожизненным лишением свободы")


@pytest.fixture
def editions(tmp_path: Path) -> tuple[Path, Path]:
    old, new = tmp_path / "uk-2020.txt", tmp_path / "uk-2022.txt"
    old.write_text(OLD_59, encoding="utf-8")
    new.write_text(NEW_59, encoding="utf-8")
    return old, new


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="POSIX named pipes")
def test_output_to_a_named_pipe_is_written_into_and_the_pipe_stays(lexwatch_cli: Cli, tmp_path: Path,
                                                                   editions: tuple[Path, Path]) -> None:
    # `-o /dev/null`, `-o /dev/stdout`, a pipe: written into as a shell redirection writes them; the old
    # temp-file-and-rename replaced the device (as root, /dev/null itself) with a plain file
    import stat

    fifo = tmp_path / "redline.pipe"
    os.mkfifo(fifo)
    reader = os.open(fifo, os.O_RDONLY | os.O_NONBLOCK)
    try:
        result = lexwatch_cli("diff", str(editions[0]), str(editions[1]), "--output", str(fifo))
        assert stat.S_ISFIFO(os.stat(fifo).st_mode), "the pipe was replaced by a file"
        written = os.read(reader, 1 << 20).decode("utf-8")
    finally:
        os.close(reader)
    assert result.code == 1, result
    assert "пожизненным [-заключением-]{+лишением свободы+}" in written


def test_ctrl_c_while_the_command_is_still_starting_is_one_line_and_130(tmp_path: Path) -> None:
    # Ctrl-C pressed right after Enter lands inside the imports (typer, the command modules)
    script = ("import builtins, os, runpy, signal, sys\n"
              "real_import = builtins.__import__\n"
              "def hooked(name, *args, **kwargs):\n"
              "    if name == 'typer':\n"
              "        os.kill(os.getpid(), signal.SIGINT)\n"
              "    return real_import(name, *args, **kwargs)\n"
              "builtins.__import__ = hooked\n"
              "sys.argv = ['lexwatch', 'packs', 'list']\n"
              "runpy.run_module('lexwatch', run_name='__main__', alter_sys=True)\n")
    env = {k: v for k, v in os.environ.items() if not k.startswith("LEXWATCH_")}
    proc = subprocess.run([sys.executable, "-c", script], cwd=tmp_path, env=env, capture_output=True, text=True,
                          timeout=60, check=False)
    assert proc.returncode == 130, proc
    assert proc.stderr == "lexwatch: interrupted; nothing half-stored was kept\n"
    assert proc.stdout == ""


def _run_with_stdout_encoding(encoding: str, args: tuple[str, ...], cwd: Path) -> subprocess.CompletedProcess[bytes]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("LEXWATCH_")}
    env["PYTHONIOENCODING"] = encoding
    return subprocess.run([sys.executable, "-m", "lexwatch", *args], cwd=cwd, env=env, capture_output=True,
                          timeout=120, check=False)


def test_a_cp1251_terminal_shows_the_russian_redline(tmp_path: Path, editions: tuple[Path, Path]) -> None:
    # "→", "−" and "²" are not in cp1251: they become "?", the Russian text is shown
    proc = _run_with_stdout_encoding("cp1251", ("diff", str(editions[0]), str(editions[1])), tmp_path)
    assert proc.returncode == 1, proc.stderr.decode()
    out = proc.stdout.decode("cp1251")
    assert "Статья 59. Смертная казнь" in out
    assert "пожизненным [-заключением-]{+лишением свободы+}" in out


def test_a_terminal_without_cyrillic_is_told_what_to_set_in_one_line(tmp_path: Path,
                                                                     editions: tuple[Path, Path]) -> None:
    proc = _run_with_stdout_encoding("ascii", ("diff", str(editions[0]), str(editions[1])), tmp_path)
    err = proc.stderr.decode()
    assert proc.returncode == 2, err
    assert err.count("\n") == 1 and err.startswith("lexwatch: error: standard output is ascii"), err
    assert "UTF-8" in err and "Traceback" not in err


@pytest.mark.parametrize("encoding", ["ascii", "cp1251"])
def test_json_on_a_non_utf8_stdout_is_the_same_data_escaped(tmp_path: Path, editions: tuple[Path, Path],
                                                            encoding: str) -> None:
    import json

    proc = _run_with_stdout_encoding(encoding, ("diff", str(editions[0]), str(editions[1]), "--format", "json"),
                                     tmp_path)
    assert proc.returncode == 1, proc.stderr.decode()
    data = json.loads(proc.stdout.decode("ascii"))
    assert data["old"]["label"] == "uk-2020.txt" and data["new"]["label"] == "uk-2022.txt"
    assert data["articles"][0]["title"] == "Смертная казнь"
    assert ["insert", "лишением свободы"] in data["articles"][0]["ops"]


def test_flags_json_on_an_ascii_stdout_is_the_same_data_escaped(tmp_path: Path, editions: tuple[Path, Path]) -> None:
    import json

    proc = _run_with_stdout_encoding("ascii", ("flags", str(editions[1]), "--pack", "death-penalty", "--json"),
                                     tmp_path)
    assert proc.returncode == 0, proc.stderr.decode()
    hits = json.loads(proc.stdout.decode("ascii"))["hits"]
    assert any(h["article"] == "59" and h["evidence"] == "Смертная казнь" for h in hits), hits
