"""Global options shared by every command, and the console they write to."""

from __future__ import annotations

import errno
import json
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from rich.console import Console

    from lexwatch.workspace import Workspace


@dataclass
class Globals:
    workspace: Path | None = None
    quiet: bool = False
    debug: bool = False
    verbose: bool = False


STATE = Globals()


def console(stderr: bool = False) -> Console:
    from rich.console import Console

    class _Console(Console):
        def on_broken_pipe(self) -> None:
            # rich exits 1 when a pipe closes (`| head`), which reads as "differences found":
            # hand the closed pipe to the CLI's handler, which exits 0
            raise BrokenPipeError(errno.EPIPE, "Broken pipe")

    return _Console(stderr=stderr, highlight=False, soft_wrap=True)


def say(message: str) -> None:
    """A progress or status line for people: stderr, silenced by --quiet."""
    if not STATE.quiet:
        console(stderr=True).print(message, markup=False)


def emit_json(data: Any) -> None:
    sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")


def open_workspace() -> Workspace:
    from lexwatch.workspace import Workspace

    ws = Workspace.find(STATE.workspace)
    _ = ws.settings  # a broken lexwatch.toml is reported before any work starts
    return ws


def not_a_file(path: Path) -> str:
    """Why `path` cannot be read as a document: what is there instead."""
    if path.is_dir():
        return "is a folder, not a file"
    return "is not a regular file" if path.exists() else "no such file"
