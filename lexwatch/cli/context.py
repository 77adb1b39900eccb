"""Global options shared by every command, and the console they write to."""

from __future__ import annotations

import codecs
import errno
import json
import re
import sys
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from lexwatch.chars import BIDI_CONTROLS

if TYPE_CHECKING:
    from rich.console import Console

    from lexwatch.workspace import Workspace


@dataclass
class Globals:
    workspace: Path | None = None
    quiet: bool = False
    debug: bool = False
    verbose: bool = False
    # The exit code a command has settled on before it writes its result (diff: 1, differences;
    # check: 1, something new): a reader that closes the pipe early (`| head`) still gets it.
    settled: int = 0


STATE = Globals()


# Control characters but tab and line feed (C0, DEL, C1): ESC starts a terminal escape sequence, CSI
# (U+009B) is one on terminals that read 8-bit controls, a carriage return or a backspace overwrites
# what was printed; and the bidi controls, which show a line's words in another order than they are
# (an article number or a term read backwards). Each becomes "?", so a line stays as long as it was
# (a rich Text keeps its styles).
_CONTROLS = {code: "?" for code in (*range(0x00, 0x09), *range(0x0B, 0x20), *range(0x7F, 0xA0), *BIDI_CONTROLS)}


def printable(text: str) -> str:
    """`text` without a control character that a terminal would act on: for every line lexwatch
    prints about documents (a portal's titles and links, a file's class names, an error's detail),
    whose words a compromised portal or a file someone sent chose."""
    return text if text.isprintable() else text.translate(_CONTROLS)


def console(stderr: bool = False) -> Console:
    from rich.console import Console
    from rich.text import Text

    class _Console(Console):
        def on_broken_pipe(self) -> None:
            # rich exits 1 when a pipe closes (`| head`), which reads as "differences found":
            # hand the closed pipe to the CLI's handler, which exits 0
            raise BrokenPipeError(errno.EPIPE, "Broken pipe")

        def print(self, *objects: Any, **kwargs: Any) -> None:
            shown: list[Any] = []
            for item in objects:
                if isinstance(item, str):
                    item = printable(item)
                elif isinstance(item, Text) and not item.plain.isprintable():
                    item = item.copy()
                    item.plain = printable(item.plain)   # as long as before: the styles stay in place
                shown.append(item)
            super().print(*shown, **kwargs)

    return _Console(stderr=stderr, highlight=False, soft_wrap=True)


def say(message: str) -> None:
    """A progress or status line for people: stderr, silenced by --quiet."""
    if not STATE.quiet:
        console(stderr=True).print(message, markup=False)


def stdout_encoding() -> str:
    """The codec name standard output encodes with ("utf-8", "cp1251", "ascii"…)."""
    try:
        return codecs.lookup(getattr(sys.stdout, "encoding", None) or "utf-8").name
    except LookupError:
        return "utf-8"


def stdout_is_unicode() -> bool:
    return stdout_encoding().startswith("utf")


# Russian words: an encoding without Cyrillic letters cannot show a law at all.
_RUSSIAN_PROBE = "Статья Уголовного кодекса Республики Беларусь"


def fit_stdout(escape: bool = False) -> None:
    """Standard output in an 8-bit encoding (a cp1251 or KOI8-R terminal, a Windows redirection):
    a Russian text is shown, the few signs the code page lacks (→, ², ⚑) become "?", instead of
    the whole command failing on the first of them. An encoding without Cyrillic (ascii under
    LANG=C with coercion off) is left strict, so that run() says in one line what to set; with
    `escape` (fetch and check: a cron job in an odd locale must still tell its changes) it writes
    what it cannot as backslash escapes, as Python's standard error always does."""
    if stdout_is_unicode():
        return
    try:
        _RUSSIAN_PROBE.encode(stdout_encoding())
        errors = "replace"
    except (UnicodeEncodeError, LookupError):
        if not escape:
            return
        errors = "backslashreplace"
    reconfigure = getattr(sys.stdout, "reconfigure", None)
    if reconfigure is not None:
        reconfigure(errors=errors)


_NON_ASCII_RE = re.compile(r"[^\x00-\x7f]")


def _json_escape(match: re.Match[str]) -> str:
    code = ord(match.group())
    if code > 0xFFFF:  # a surrogate pair, as json.dumps(ensure_ascii=True) writes it
        code -= 0x10000
        return f"\\u{0xD800 + (code >> 10):04x}\\u{0xDC00 + (code & 0x3FF):04x}"
    return f"\\u{code:04x}"


# What JSON on standard output never carries as it is, even in UTF-8: DEL, the C1 controls and the
# bidi controls that `printable` turns to "?" (json.dumps escapes only C0).
_JSON_CONTROLS_RE = re.compile("[" + "".join(map(chr, (0x7F, *range(0x80, 0xA0), *BIDI_CONTROLS))) + "]")


def json_for_stdout(text: str) -> str:
    """JSON text fit for standard output: in a UTF-8 one as it is but for the controls a terminal
    would act on, else every non-ASCII character, each as a \\uXXXX escape (it can only stand inside
    a string), so a script reads the same data, never "?", and a terminal shows it as written."""
    return _JSON_CONTROLS_RE.sub(_json_escape, text) if stdout_is_unicode() else _NON_ASCII_RE.sub(_json_escape, text)


def emit_json(data: Any) -> None:
    sys.stdout.write(json_for_stdout(json.dumps(data, ensure_ascii=False, indent=2)) + "\n")


def parse_notes(ref: object, warnings: list[str]) -> None:
    """What parsing a file noticed, one `note:` line each on stderr: an article number twice (its
    second copy reads "added" beside the first), a page cut short, a code page guessed."""
    for warning in warnings:
        say(f"note: {ref}: {warning}")


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


def day_option(option: str, value: str) -> date:
    """A date option as lexwatch writes dates, YYYY-MM-DD, or one line and exit 2 (Python reads
    "20240101" and "2024-W01-1" as dates too: a typo must not pass for another day)."""
    from lexwatch.errors import UsageError
    from lexwatch.ids import iso_day

    try:
        return iso_day(value.strip())
    except ValueError as exc:  # "2022-02-30": "day is out of range for month" says which part
        why = "" if str(exc).startswith("Invalid isoformat") else f" ({exc})"
        raise UsageError(f"{option} must be a date YYYY-MM-DD, not {value!r}{why}") from None


def plausible_day(option: str, value: str, what: str = "date") -> date:
    """A date option (day_option) of a document's life: an edition, a period. 1900 to a year from
    now, else one line and exit 2: "1024-01-01" for 2024 would review every act held."""
    from datetime import timedelta

    from lexwatch.errors import UsageError

    when = day_option(option, value)
    if not date(1900, 1, 1) <= when <= date.today() + timedelta(days=366):
        raise UsageError(f"{option} {value} is not a plausible {what} (1900 to a year from now)")
    return when
