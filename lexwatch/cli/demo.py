"""`lexwatch demo`: the whole job offline on two bundled editions of the Criminal Code.

It makes a real workspace, imports the 2020 and 2022 excerpts (portal markup) as versions and runs
the same `diff` a user runs, so what the demo shows is what the tool does, not a mock-up.
"""

from __future__ import annotations

import contextlib
import sys
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Annotated

import typer

from lexwatch.cli.context import STATE

DEFAULT_DIR = Path("lexwatch-demo")


@dataclass(frozen=True)
class Sample:
    filename: str
    edition_date: date
    note: str


# Edition dates of the consolidated texts the excerpts were cut from (see lexwatch/data/samples).
SAMPLES = (
    Sample("uk_excerpt_2020.html", date(2020, 9, 7), "Criminal Code, edition of 2020"),
    Sample("uk_excerpt.html", date(2022, 9, 26), "Criminal Code, edition of 2022"),
)
ACT = "HK9900275"
DEMO_CONTEXT = 12  # words of unchanged text around each change: enough to read, short enough to scan


def say(message: str) -> None:
    """The demo's narration is its output: stdout, in order with the diff it runs."""
    if not STATE.quiet:
        sys.stdout.write(message + "\n")
        sys.stdout.flush()


def sample_bytes(name: str) -> bytes:
    from importlib.resources import files

    return (files("lexwatch") / "data" / "samples" / name).read_bytes()


def demo(
    directory: Annotated[Path, typer.Argument(metavar="DIRECTORY",
        help="Folder for the demo workspace (created if missing; reused if it is a demo workspace).")] = DEFAULT_DIR,
) -> None:
    """Offline demo: import two bundled editions of the Criminal Code and show what changed."""
    from lexwatch.cli.diff import diff_command
    from lexwatch.errors import UsageError
    from lexwatch.workspace import CONFIG_NAME, Workspace

    if directory.exists() and not directory.is_dir():
        raise UsageError(f"{directory} exists and is not a folder")
    root = directory.expanduser().resolve()
    outer = next((folder for folder in root.parents if (folder / CONFIG_NAME).is_file()), None)
    if outer is not None and not (root / CONFIG_NAME).is_file():  # as `init` refuses it
        raise UsageError(f"{root} is inside the workspace {outer}; a demo workspace in it would take over the "
                         "commands run there: give a folder outside it (lexwatch demo DIR)")
    if directory.is_dir() and any(directory.iterdir()) and not (directory / "lexwatch.toml").is_file():
        raise UsageError(f"{directory} is a non-empty folder that is not a lexwatch workspace; "
                         "give another folder: lexwatch demo DIR")
    if (directory / "lexwatch.toml").is_file():
        with Workspace(directory.resolve()).open_store() as existing:
            own = [v for v in existing.list() if not v.source.startswith("lexwatch:samples/")]
        if own:
            raise UsageError(f"{directory} is a lexwatch workspace holding {len(own)} version(s) of your own; "
                             "the demo would mix its samples into them: give another folder")
    ws, created = Workspace.init(directory)
    say(f"Demo workspace: {ws.root}" + (" (new)" if created else " (reused)"))
    with ws.lock(), ws.open_store() as store:
        for sample in SAMPLES:
            result = store.add(sample_bytes(sample.filename), source=f"lexwatch:samples/{sample.filename}",
                               filename=sample.filename, act=ACT, edition_date=sample.edition_date)
            info = result.version
            state = "imported" if result.created else "already stored"
            say(f"  {state} {info.label} ({sample.note}): {info.articles} articles, version {info.short_id}")
    old, new = (f"{ACT}@{s.edition_date.isoformat()}" for s in SAMPLES)
    say(f"\n$ lexwatch diff {old} {new} --changed-only --context {DEMO_CONTEXT}\n")
    STATE.workspace = ws.root
    # diff exits 1 when there are differences; the demo itself succeeded.
    with contextlib.suppress(typer.Exit):
        diff_command(old, new, changed_only=True, context=DEMO_CONTEXT)
    say("\nTry next (from inside the workspace folder, or with --workspace):")
    for line in (
        f"lexwatch -w {ws.root} drafts show {new} --article 130-2",
        f"lexwatch -w {ws.root} history 59 --show",
        f"lexwatch -w {ws.root} diff {old} {new} --format html --output redline.html",
        f"lexwatch -w {ws.root} diff {old} {new} --format table --output table.docx",
        f'lexwatch -w {ws.root} commentary new {old} {new} -a 59 -a 67 --title "Смертная казнь за покушение"',
        f"lexwatch -w {ws.root} commentary period --since {SAMPLES[-1].edition_date.year}-07-01"
        f" --until {SAMPLES[-1].edition_date.year}-09-30 --pack extremism",
    ):
        say(f"  {line}")


def register(app: typer.Typer) -> None:
    app.command("demo")(demo)
