"""`lexwatch diff OLD NEW` and `lexwatch history ARTICLE`: redlines of versions and of one article."""

from __future__ import annotations

import json
import os
import shlex
import shutil
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from lexwatch.cli.context import STATE, not_a_file, parse_notes, printable, say
from lexwatch.errors import ExitCode, InputError, UsageError

if TYPE_CHECKING:
    from lexwatch.diff.model import DocumentSide
    from lexwatch.store.versions import VersionInfo, VersionStore
    from lexwatch.text.model import Document

FORMATS = ("terminal", "markdown", "html", "json", "table")
# What an --output file name says about the format: without --format it picks the format, and a
# --format it contradicts is refused (a .docx holding HTML opens in no word processor).
_SUFFIX_FORMATS = {".html": ("html", "table"), ".htm": ("html", "table"), ".md": ("markdown",),
                   ".markdown": ("markdown",), ".json": ("json",), ".docx": ("table",)}


# Documents no format writes: a redline.pdf holding plain text would open in no PDF reader.
_FOREIGN_SUFFIXES = (".pdf", ".doc", ".odt", ".rtf", ".xls", ".xlsx", ".ods", ".epub")


def output_format(fmt: str | None, output: Path | None) -> str:
    """--format, or the one --output's suffix names (terminal when it names none)."""
    if fmt is not None and fmt.lower() == "docx":  # a Word file is named by --output, its format is the table
        raise UsageError(f"unknown format {fmt!r}: a Word document (the comparative table) is written with "
                         "-o x.docx (and no --format, or --format table)")
    if fmt is not None and fmt not in FORMATS:
        raise UsageError(f"unknown format {fmt!r} (choose from {', '.join(FORMATS)})")
    if output is not None and output.suffix.lower() in _FOREIGN_SUFFIXES:
        raise UsageError(f"--output {output.name}: lexwatch does not write {output.suffix.lower()} files; "
                         "use .html (printable to PDF), .docx, .md, .json or .txt")
    fits = _SUFFIX_FORMATS.get(output.suffix.lower(), ()) if output is not None else ()
    if fmt is None:
        return fits[0] if fits else "terminal"
    if fits and fmt not in fits:
        assert output is not None
        raise UsageError(f"--output {output.name} is a {output.suffix.lower()} file but --format is {fmt}: "
                         f"use --format {' or '.join(fits)}, or another file name")
    return fmt


def _told_apart(side: DocumentSide) -> DocumentSide:
    """A side whose label the other side shares (two versions of one date, two files of one name)
    labelled so a reader can tell them apart: by the version's short id, or the file's path."""
    import re
    from dataclasses import replace

    stored = re.fullmatch(r"[0-9a-f]{64}", side.id) is not None  # a file's side is its path
    return replace(side, label=f"{side.label} ({side.id[:12]})" if stored else side.id)


class Sides:
    """Loads a file or a stored version (diff's OLD and NEW, flags' target); opens the store only
    when a side names a stored version (or --store asks for it)."""

    def __init__(self, keep: bool) -> None:
        self.keep = keep
        self.store: VersionStore | None = None
        self.root: Path | None = None
        self.versions: dict[str, VersionInfo] = {}  # a stored side's version, by its id

    def _store(self) -> VersionStore:
        if self.store is None:
            from lexwatch.cli.context import open_workspace

            ws = open_workspace()
            self.root = ws.root
            self.store = ws.open_store()
        return self.store

    def load(self, ref: str) -> tuple[Document, DocumentSide]:
        from lexwatch.diff.model import DocumentSide

        path = Path(ref)
        if path.is_file():
            if self.keep:
                result = self._store().add(path.read_bytes(), source=str(path.resolve()), filename=path.name)
                info = result.version
                if result.created:
                    dating = ("" if info.edition_date else
                              f"; undated: `lexwatch add {shlex.quote(ref)} --edition-date YYYY-MM-DD` dates it")
                    say(f"{ref}: stored as {info.short_id} ({info.label}){dating}")
                    parse_notes(ref, result.warnings)
                self.versions[info.id] = info
                return self._stored(info)
            from lexwatch.text.load import read_document

            doc = read_document(path)
            parse_notes(ref, doc.warnings)
            return doc, DocumentSide(str(path), printable(path.name), len(doc.articles))
        from lexwatch.ids import VersionRef

        try:
            parsed = VersionRef.parse(ref)
        except UsageError as exc:  # why it is no version: too short a prefix, an impossible date…
            raise InputError(f"{ref}: {not_a_file(path)}, and {exc}") from None
        info = self.versions[info.id] = self._store().resolve(parsed)
        return self._stored(info)

    def _stored(self, info: VersionInfo) -> tuple[Document, DocumentSide]:
        from lexwatch.diff.model import DocumentSide

        doc = self._store().document(info.id)
        info.articles = len(doc.articles)  # as read now: an older lexwatch's version is read again first
        return doc, DocumentSide.of(info)

    def close(self) -> None:
        if self.store is not None:
            self.store.close()

    def pair(self, old: str, new: str) -> tuple[tuple[Document, DocumentSide], tuple[Document, DocumentSide]]:
        """OLD and NEW of a comparison (diff, commentary): each with articles, told apart when
        they share a label, a warning when they are versions of two different acts."""
        try:
            old_doc, old_side = self.load(old)
            new_doc, new_side = self.load(new)
        finally:
            self.close()
        if old_side.label == new_side.label and old_side.id != new_side.id:
            old_side, new_side = _told_apart(old_side), _told_apart(new_side)
        for doc, side in ((old_doc, old_side), (new_doc, new_side)):
            with_articles(doc, side, "compare")
        if old_doc.act and new_doc.act and old_doc.act != new_doc.act:
            say(f"warning: {old_side.label} is act {old_doc.act} and {new_side.label} is act {new_doc.act}: "
                "two different acts are compared")
        return (old_doc, old_side), (new_doc, new_side)


def with_articles(doc: Document, side: DocumentSide, doing: str) -> None:
    """Refuse a side without articles: a file without them is refused when read, a stored version
    (a publication card, a scan kept as evidence) is not."""
    if not doc.articles:
        raise InputError(f"{side.label} holds no articles (a publication card or a scan kept as evidence): "
                         f"nothing to {doing} article by article")


def _colour() -> bool:
    """ANSI colour on a terminal, or piped with FORCE_COLOR set (`FORCE_COLOR=1 lexwatch diff A B |
    less -R`), and never with NO_COLOR set (https://no-color.org, https://force-color.org)."""
    if os.environ.get("NO_COLOR"):
        return False
    return sys.stdout.isatty() or os.environ.get("FORCE_COLOR", "") not in ("", "0")


def _tty_width() -> int | None:
    """The terminal's width when stdout is one (the terminal output wraps between words at it)."""
    return shutil.get_terminal_size().columns if sys.stdout.isatty() else None


def _write_output(target: Path | None, rendered: str | bytes, fmt: str = "terminal") -> None:
    if target is None:
        if isinstance(rendered, bytes):
            raise UsageError("a .docx table needs --output FILE.docx")
        if fmt == "json":  # a non-UTF-8 stdout gets \\u escapes: the same data, never a "?"
            from lexwatch.cli.context import json_for_stdout

            rendered = json_for_stdout(rendered)
        sys.stdout.write(rendered)
        return
    from lexwatch.fsutil import atomic_write

    data = rendered if isinstance(rendered, bytes) else rendered.encode("utf-8")
    try:
        special = target.exists() and not target.is_file() and not target.is_dir()
    except OSError:
        special = False
    if special:
        # /dev/null, /dev/stdout, a named pipe: written into, as a shell redirection writes them. A
        # temp file renamed over it would replace the device or the pipe with a plain file.
        try:
            with open(target, "wb") as handle:
                handle.write(data)
        except OSError as exc:
            raise UsageError(f"cannot write --output {target}: {exc.strerror or exc}") from None
        return
    # A link is written through, as a shell redirection writes it: the file it names is replaced,
    # the link (to a shared folder, say) stays.
    path = target.resolve() if target.is_symlink() else target
    try:  # a full disk is DiskFullError, not OSError: it keeps its own message
        atomic_write(path, data)
    except OSError as exc:  # the message names the file asked for, not the temp file beside it
        raise UsageError(f"cannot write --output {target}: {exc.strerror or exc}") from None


def check_output(target: Path | None, inputs: tuple[str, ...] = ()) -> None:
    """Refused before any work: a folder, a file in a folder that does not exist (no folder is
    made for a mistyped path, as a shell redirection would not make one), or one of the inputs
    (the redline would replace the text it was made from)."""
    if target is None:
        return
    try:
        folder, parent_is_folder = target.is_dir(), target.parent.is_dir()
        same = target.is_file() and any(Path(ref).is_file() and target.samefile(ref) for ref in inputs)
        # The file is replaced by a rename, which its own permissions do not stop: a file made
        # read-only (chmod a-w) to keep it is refused, as a shell redirection refuses it.
        read_only = target.is_file() and (not os.access(target, os.W_OK) or not target.stat().st_mode & 0o222)
    except OSError as exc:  # a name too long, say
        raise UsageError(f"cannot write --output {target}: {exc.strerror or exc}") from None
    if folder:
        raise UsageError(f"--output {target} is a folder; give a file name")
    if not parent_is_folder:
        raise UsageError(f"--output {target}: there is no folder {target.parent}")
    if same:
        raise UsageError(f"--output {target} is one of the files compared; give another file name")
    if read_only:
        raise UsageError(f"cannot write --output {target}: the file is read-only")


def diff_command(
    old: Annotated[str, typer.Argument(
        metavar="OLD", help="Old version: a file, a sha256 prefix or REGNUM@YYYY-MM-DD.")],
    new: Annotated[str, typer.Argument(
        metavar="NEW", help="New version: a file, a sha256 prefix or REGNUM@YYYY-MM-DD.")],
    article: Annotated[list[str] | None, typer.Option(
        "--article", "-a", help="Only this article (59, 130-2, 130²); repeatable.")] = None,
    fmt: Annotated[str | None, typer.Option("--format", "-f", show_default=False, help=(
        "terminal, markdown, html, json or table (default: from --output's .html, .md, .json or "
        ".docx, else terminal)."))] = None,
    output: Annotated[Path | None, typer.Option("--output", "-o", help="Write to FILE (atomically); "
                                                "FILE.docx writes the table as a Word document.")] = None,
    context: Annotated[int | None, typer.Option("--context", "-C", min=0,
                                                help="Words of unchanged text around a change.")] = None,
    changed_only: Annotated[bool, typer.Option("--changed-only", help="Leave out pure renumberings "
                                               "and technical-only differences.")] = False,
    show_technical: Annotated[bool, typer.Option("--show-technical", help="Report wrapping, hyphen, "
                                                 "quote and dash differences as changes (technical: true).")] = False,
    store: Annotated[bool, typer.Option("--store", help="Also store OLD/NEW files as versions.")] = False,
    pack: Annotated[list[str] | None, typer.Option("--pack", "-p",
                                                   help="Flag with this rule pack only; repeatable.")] = None,
    no_flags: Annotated[bool, typer.Option("--no-flags", help="Skip flags and sanction changes.")] = False,
) -> None:
    """Compare two versions article by article. Exit 0: no differences, 1: differences, 2: error."""
    from lexwatch.diff.engine import diff_documents
    from lexwatch.diff.render import RenderOptions, renderer
    from lexwatch.ids import ArticleNumber

    if output is not None and str(output) == "-":  # "-o -": standard output, as most tools read it
        output = None
    fmt = output_format(fmt, output)
    numbers = [ArticleNumber.parse(a) for a in article or []]
    check_output(output, (old, new))
    sides = Sides(store)
    (old_doc, old_side), (new_doc, new_side) = sides.pair(old, new)
    diff = diff_documents(old_doc, new_doc, old_side=old_side, new_side=new_side,
                          articles=numbers or None, show_technical=show_technical)
    if not no_flags:  # the flags stage: flags and sanction changes on every changed article
        from lexwatch.cli.flags import annotate

        annotate(diff, pack, sides.root)
    docx = fmt == "table" and output is not None and output.suffix.lower() == ".docx"
    color = fmt == "terminal" and output is None and _colour()
    options = RenderOptions(context=context, changed_only=changed_only, color=color, docx=docx,
                            width=_tty_width() if fmt == "terminal" and output is None else None)
    STATE.settled = int(ExitCode.DIFFERENCES if diff.has_changes else ExitCode.OK)
    _write_output(output, renderer(fmt)(diff, options), fmt)
    raise typer.Exit(STATE.settled)


def _history_format(fmt: str | None, as_json: bool, output: Path | None) -> str:
    """`history`'s format: --format, else --json, else the --output file's suffix (.md, .json),
    else terminal, which is not written to a file."""
    if fmt is not None and fmt not in ("terminal", "markdown", "json"):
        raise UsageError(f"unknown format {fmt!r} for history (choose from terminal, markdown, json)")
    if as_json and fmt not in (None, "json"):
        raise UsageError(f"--json and --format {fmt} contradict each other")
    asked = "json" if as_json else fmt
    named = {".md": "markdown", ".json": "json"}.get(output.suffix.lower()) if output is not None else None
    if asked and named and asked != named:
        raise UsageError(f"--format {asked} but {output} is a {named} file's name")
    chosen = asked or named or "terminal"
    if chosen == "terminal" and output is not None:
        raise UsageError(f"--output {output}: history writes markdown (.md) or json (.json) to a file"
                         + ("; give --format markdown or json for another name" if asked != "terminal" else
                            ", not the terminal's format: give --format markdown or json"))
    return chosen


def history_command(
    article: Annotated[str, typer.Argument(metavar="ARTICLE", help="Article number: 59, 130-2 or 130².")],
    act: Annotated[str | None, typer.Option("--act", help="Register number (default: the only act stored).")] = None,
    show: Annotated[bool, typer.Option("--show", help="Print each change as a redline.")] = False,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
    fmt: Annotated[str | None, typer.Option(
        "--format", "-f", help="terminal, markdown (each change as a redline to quote) or json.",
        metavar="FORMAT")] = None,
    output: Annotated[Path | None, typer.Option("--output", "-o", help="Write to FILE ('-': standard output).")]
        = None,
) -> None:
    """Every stored version in which ARTICLE changed against the previous version of the act."""
    from lexwatch.cli.context import console, open_workspace
    from lexwatch.diff.history import article_history, as_held, order_notes
    from lexwatch.diff.render import RenderOptions, to_json
    from lexwatch.diff.render_text import render_terminal
    from lexwatch.ids import ArticleNumber, normalize_act

    if output is not None and str(output) == "-":  # "-o -": standard output, as `diff` reads it
        output = None
    fmt = _history_format(fmt, as_json, output)
    check_output(output)  # a folder, a missing folder, a read-only file: refused before any work
    number = ArticleNumber.parse(article)
    ws = open_workspace()
    with ws.open_store() as store:
        acts = sorted({v.act or "" for v in store.list()})
        if (act or "").strip().lower() == "unknown" or (not act and acts == [""]):
            # "unknown:…" labels versions stored without an act: they may be different acts
            raise UsageError("history follows one act, and versions stored without one may be different acts: "
                             "name it with `lexwatch add FILE --act REGNUM` (the same file again sets the act)")
        if act:
            chosen = normalize_act(act)
        elif len(acts) == 1 and acts[0]:
            chosen = acts[0]
        elif not acts:
            raise UsageError("the store holds no versions yet: `lexwatch add FILE --act REGNUM --edition-date "
                             "YYYY-MM-DD` stores one")
        else:
            raise UsageError("give --act REGNUM: the store holds " + ", ".join(a or "unknown" for a in acts))
        stale = store.stale(chosen)
        if stale > 1:  # the first history after an upgrade reads the act's old versions again: a while
            say(f"reading {stale} stored versions of {chosen} again as this lexwatch reads them (once, after an"
                " upgrade)…")
        entries = article_history(store, chosen, number)
        number = as_held(store, chosen, number, entries)
        notes = order_notes(store, chosen, entries)
    for note in notes:
        say(f"note: {note}")
    if fmt != "terminal" or show:  # the flags stage, as `diff` runs it: flags and sanction changes per entry
        from lexwatch.flags import annotate_diff, load_packs

        packs = load_packs(ws.root)  # read once for every entry
        for e in entries:
            annotate_diff(e.diff, packs)
    if fmt == "markdown":
        from lexwatch.diff.render_text import history_markdown

        _write_output(output, history_markdown(number, chosen, entries), "markdown")
        return
    if fmt == "json":
        data: list[dict[str, Any]] = []
        for e in entries:
            item = to_json(e.diff)["articles"]
            data.append({"version": e.version.id, "label": e.version.label,
                         "edition_date": e.version.edition_date.isoformat() if e.version.edition_date else None,
                         "summary": e.summary, "article": item[0] if item else None})
        _write_output(output, json.dumps(data, ensure_ascii=False, indent=2) + "\n", "json")
        return
    out = console()
    if not entries:
        out.print(f"Статья {number.display}: no change in the stored versions of {chosen}", markup=False)
        return
    color = _colour()
    for e in entries:
        when = e.version.edition_date.isoformat() if e.version.edition_date else "undated"
        out.print(f"{when}  {e.version.short_id}  Статья {number.display}: {e.summary}", markup=False)
        if show:  # asked for: a result, which --quiet keeps
            text = render_terminal(e.diff, RenderOptions(color=color, width=_tty_width()), summary=False)
            sys.stdout.write(text + "\n")


def register(app: typer.Typer) -> None:
    app.command("diff")(diff_command)
    app.command("history")(history_command)
