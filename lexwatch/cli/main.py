"""The `lexwatch` typer app: global options, command registration, error-to-exit-code mapping."""

from __future__ import annotations

import signal
import sys


def _interrupted_at_start(signum: int, frame: object) -> None:
    # Ctrl-C while the command is still being imported (typer, the command modules): nothing has
    # been read or stored yet; one line and 130, not a traceback from inside an import.
    sys.stderr.write("lexwatch: interrupted; nothing half-stored was kept\n")
    raise SystemExit(130)


try:  # for the imports below only: restored at the end of this module
    _SIGINT_BEFORE = signal.signal(signal.SIGINT, _interrupted_at_start)
except ValueError:  # imported outside the main thread: signals are not ours to set
    _SIGINT_BEFORE = None

import errno  # noqa: E402
import gc  # noqa: E402
import importlib  # noqa: E402
import os  # noqa: E402
import traceback  # noqa: E402
from pathlib import Path  # noqa: E402
from typing import Annotated  # noqa: E402

import typer  # noqa: E402

from lexwatch import __version__  # noqa: E402
from lexwatch.cli.context import STATE, fit_stdout, printable, stdout_encoding, stdout_is_unicode  # noqa: E402
from lexwatch.errors import ExitCode, LexwatchError  # noqa: E402

app = typer.Typer(
    name="lexwatch",
    help="Track, diff and flag Belarusian legislation (pravo.by).",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)

# Each module registers its commands on `app` through register(app). Explicit, in help order.
COMMAND_MODULES = [
    "lexwatch.cli.workspace_cmds",
    "lexwatch.cli.drafts",
    "lexwatch.cli.diff",
    "lexwatch.cli.flags",
    "lexwatch.cli.fetch",
    "lexwatch.cli.commentary",
    "lexwatch.cli.demo",
]


def _version(value: bool) -> None:
    if value:
        typer.echo(f"lexwatch {__version__}")
        raise typer.Exit()


@app.callback()
def main(
    workspace: Annotated[Path | None, typer.Option(
        "--workspace", "-w", envvar="LEXWATCH_WORKSPACE",
        help="Workspace folder (default: found from the current folder upward).")] = None,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="Print only results and errors.")] = False,
    debug: Annotated[bool, typer.Option("--debug", help="Show tracebacks on errors.")] = False,
    version: Annotated[bool, typer.Option("--version", callback=_version, is_eager=True,
                                          help="Show the version and exit.")] = False,
) -> None:
    """Track, diff and flag Belarusian legislation (pravo.by)."""
    STATE.workspace = workspace
    STATE.quiet = quiet
    STATE.debug = debug


def _register() -> None:
    for name in COMMAND_MODULES:
        importlib.import_module(name).register(app)


_register()
if _SIGINT_BEFORE is not None:
    signal.signal(signal.SIGINT, _SIGINT_BEFORE)


def tune_gc() -> None:
    """A short-lived process that builds large trees of small objects (two parsed codes, their
    diff): the cyclic collector re-scanning them cost ~20% of a diff (bench/diff.py). Everything
    imported so far lives to the end, so it is frozen out of collection, and collections run
    less often."""
    gc.freeze()
    gc.set_threshold(50_000, 50, 100)


# lexwatch's own options, given before the command ("lexwatch -q check"), not after it
_GLOBAL = frozenset({"--workspace", "-w", "--quiet", "-q", "--debug", "--version"})


def _before_the_command(exc: Exception, command: str) -> str:
    """"`-q` goes before the command: `lexwatch -q check`; " for one of lexwatch's own options given
    after a command that has no such option; "" otherwise."""
    option = getattr(exc, "option_name", "")
    if type(exc).__name__ != "NoSuchOption" or option not in _GLOBAL or command == "lexwatch":
        return ""
    if option == "--version":
        return "`lexwatch --version` says the version; "
    given = f"{option} DIR" if option in ("--workspace", "-w") else option
    return f"`{option}` goes before the command: `lexwatch {given} {command.removeprefix('lexwatch ')} …`; "


def run() -> None:
    """Entry point: run the app, turning lexwatch errors into one line and an exit code.

    Typer's standalone mode handles usage errors itself (message, exit 2); everything else that
    escapes a command ends here.
    """
    debug = "--debug" in sys.argv
    tune_gc()
    terminated: list[int] = []

    def on_term(signum: int, frame: object) -> None:
        # systemd and `timeout` stop a job with SIGTERM: unwind as for Ctrl-C (temp files removed,
        # transactions rolled back) and say so, instead of dying silently
        terminated.append(signum)
        raise KeyboardInterrupt

    signal.signal(signal.SIGTERM, on_term)
    fit_stdout()
    try:
        from typer import _click as click  # typer vendors click since 0.26
    except ImportError:  # pragma: no cover - older typer depends on click itself
        import click  # type: ignore[no-redef,import-not-found,unused-ignore]
    try:
        code = app(prog_name="lexwatch", standalone_mode=False)
        if code == 130:  # typer turns Ctrl-C into a silent exit 130
            raise KeyboardInterrupt
        sys.exit(code if isinstance(code, int) else 0)
    except click.exceptions.NoArgsIsHelpError as exc:  # `lexwatch` or `lexwatch drafts` alone
        sys.stderr.write(exc.format_message() + "\n")
        sys.exit(int(ExitCode.ERROR))
    except click.exceptions.UsageError as exc:  # a bad option or argument: one line, like every error
        command = exc.ctx.command_path if exc.ctx is not None else "lexwatch"
        sys.stderr.write(f"lexwatch: error: {exc.format_message()} ({_before_the_command(exc, command)}"
                         f"see `{command} --help`)\n")
        sys.exit(int(ExitCode.ERROR))
    except click.exceptions.ClickException as exc:
        sys.stderr.write(f"lexwatch: error: {exc.format_message()}\n")
        sys.exit(exc.exit_code)
    except typer.Abort:
        sys.stderr.write("lexwatch: interrupted; nothing half-stored was kept\n")
        sys.exit(130)
    except SystemExit as exc:
        if exc.code == 1 and type(sys.stdout).__name__ == "PacifyFlushWrapper":
            sys.exit(STATE.settled)  # typer's answer to a closed pipe (`| head`): not "differences found"
        raise
    except LexwatchError as exc:
        if debug:
            traceback.print_exc()
        sys.stderr.write(f"lexwatch: error: {printable(exc.message)}\n")  # a URL or name a page chose
        sys.exit(int(exc.exit_code))
    except KeyboardInterrupt:
        sys.stderr.write(f"lexwatch: {'stopped' if terminated else 'interrupted'}; nothing half-stored was kept\n")
        sys.exit(143 if terminated else 130)
    except BrokenPipeError:
        # Output piped into `head` and closed early: not an error for the user, and what the command
        # found stays its answer (`lexwatch diff A B | head` still exits 1 on differences).
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        sys.exit(STATE.settled)
    except OSError as exc:
        if debug:
            traceback.print_exc()
        if exc.errno == errno.ENOSPC:
            sys.stderr.write("lexwatch: error: disk full; nothing was half-stored, free space and run again\n")
        else:
            where = f": {exc.filename}" if exc.filename else ""
            sys.stderr.write(f"lexwatch: error: {exc.strerror or exc}{where}\n")
        sys.exit(int(ExitCode.ERROR))
    except UnicodeEncodeError as exc:
        if debug:
            traceback.print_exc()
        if stdout_is_unicode():  # not the terminal's doing
            sys.stderr.write(f"lexwatch: internal error: {type(exc).__name__}: {printable(str(exc))}"
                             " (run with --debug)\n")
            sys.exit(int(ExitCode.INTERNAL))
        sys.stderr.write(f"lexwatch: error: standard output is {stdout_encoding()}, which cannot show Russian text: "
                         "use a UTF-8 locale (LANG=C.UTF-8) or PYTHONIOENCODING=utf-8, or --json or --output FILE\n")
        sys.exit(int(ExitCode.ERROR))
    except Exception as exc:
        if debug:
            traceback.print_exc()
        import sqlite3

        if isinstance(exc, sqlite3.OperationalError):  # the state database, written mid-run
            full = "full" in str(exc)
            sys.stderr.write("lexwatch: error: disk full; nothing was half-stored, free space and run again\n"
                             if full else f"lexwatch: error: the state database: {exc}\n")
            sys.exit(int(ExitCode.ERROR))
        sys.stderr.write(f"lexwatch: internal error: {type(exc).__name__}: {printable(str(exc))} (run with --debug)\n")
        sys.exit(int(ExitCode.INTERNAL))
