"""`lexwatch init` and `lexwatch add`: create a workspace, import local files as versions."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Annotated

import typer

from lexwatch.cli.context import STATE, emit_json, not_a_file, open_workspace, parse_notes, plausible_day, say
from lexwatch.errors import InputError, UsageError


def init(
    directory: Annotated[str, typer.Argument(
        metavar="DIRECTORY", help="Folder to make a workspace (default: here).")] = ".",
) -> None:
    """Create a workspace: lexwatch.toml, drafts/, commentary/templates/ and the state database."""
    from lexwatch.workspace import CONFIG_NAME, Workspace

    if not directory.strip():  # an unset $DIR in a script: never the current folder by accident
        raise UsageError("init needs a folder; the one given is empty")
    target = (STATE.workspace if STATE.workspace is not None and directory == "." else Path(directory))
    root = target.expanduser().resolve()
    outer = next((folder for folder in root.parents if (folder / CONFIG_NAME).is_file()), None)
    if outer is not None and not (root / CONFIG_NAME).is_file():
        raise UsageError(f"{root} is inside the workspace {outer}; a workspace in it would take over the "
                         "commands run there: give a folder outside it")
    ws, created = Workspace.init(target)
    _ = ws.settings  # a lexwatch.toml already there and broken is reported now, not at the next command
    if created:
        say(f"Initialised lexwatch workspace in {ws.root}")
        for item in created:
            say(f"  created {item}")
    else:
        say(f"{ws.root} is already a lexwatch workspace; nothing changed")


def _parse_date(value: str | None) -> date | None:
    if value is None:
        return None
    return plausible_day("--edition-date", value, "edition date")


def add(
    files: Annotated[list[Path], typer.Argument(
        metavar="FILE...", help="Portal HTML, PDF, DOCX or TXT files, one or more.")],
    act: Annotated[str | None, typer.Option(
        "--act", help="Register number, e.g. HK9900275 (default: detected).")] = None,
    edition_date: Annotated[str | None, typer.Option(
        "--edition-date", help="Date of this edition, YYYY-MM-DD.")] = None,
    title: Annotated[str | None, typer.Option("--title", help="Title to record (default: from the text).")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the stored versions as JSON.")] = False,
) -> None:
    """Import local files as versions of an act (content-addressed; the same bytes twice is a no-op)."""
    from lexwatch.ids import normalize_act
    from lexwatch.text.blocks import emptied

    when = _parse_date(edition_date)
    regnum = normalize_act(act) if act else None
    for path in files:
        if not path.is_file():
            raise InputError(f"{path}: {not_a_file(path)}")
    ws = open_workspace()
    results = []
    with ws.lock(), ws.open_store() as store:
        for path in files:
            try:
                data = path.read_bytes()
            except OSError as exc:
                raise InputError(f"{path}: cannot read: {exc.strerror}") from None
            empty = emptied(data)
            if empty is not None:
                raise InputError(f"{path}: the file is empty ({empty})")
            try:
                result = store.add(data, source=str(path.resolve()), filename=path.name, act=regnum,
                                   edition_date=when, title=title)
            except InputError as exc:
                # the readers name the file already ("scan.pdf: …"): the full path once is enough
                raise InputError(f"{path}: {exc.message.removeprefix(f'{path.name}: ')}") from None
            info = result.version
            results.append({**info.to_dict(), "created": result.created})
            if when is not None and info.edition_date != when:
                assert info.edition_date is not None  # an undated version would have been dated
                raise InputError(f"{path}: already stored as {info.label}, not as of "
                                 f"{when.isoformat()}; the stored date is kept")
            if regnum is not None and info.act != regnum:
                raise InputError(f"{path}: already stored as {info.label}, an act {info.act}, not "
                                 f"{regnum}; the stored act is kept")
            if result.reason in ("dated", "act set", "dated and act set"):
                now = result.reason.replace("act set", f"of act {info.act}")
                say(f"{path}: already stored as {info.short_id}; now {now}: {info.label}")
                continue
            if not result.created:
                say(f"{path}: already stored as {info.short_id} ({info.label}); nothing changed")
                continue
            detected = "" if regnum else (f" (act detected: {info.act})" if info.act else
                                          " (act not detected: pass --act REGNUM)")
            count = f"{info.articles} article{'' if info.articles == 1 else 's'}"
            say(f"{path}: stored {info.short_id} {info.label}: {info.format}, {count}{detected}")
            parse_notes(path, result.warnings)
            if info.act and info.edition_date:
                twins = [v.short_id for v in store.list(info.act) if v.edition_date == info.edition_date]
                if len(twins) > 1:
                    say(f"note: {info.label} now names {len(twins)} versions ({', '.join(twins)}) with "
                        "different texts; name them by their sha256 prefix")
    if as_json:
        emit_json(results)


def register(app: typer.Typer) -> None:
    app.command("init")(init)
    app.command("add")(add)
