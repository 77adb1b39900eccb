"""`lexwatch check`, `lexwatch fetch` and `lexwatch sources list`: options in, one fetch run, a
report out (check: what each new or changed document changed and what it flags)."""

from __future__ import annotations

import re
import shutil
import sys
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from lexwatch.cli.context import STATE, console, day_option, emit_json, fit_stdout, open_workspace, say
from lexwatch.errors import ExitCode, UsageError

if TYPE_CHECKING:
    from lexwatch.check import Finding
    from lexwatch.notify import Notifier
    from lexwatch.sources.base import Source
    from lexwatch.sources.runner import FetchReport, FetchRun, Outcome
    from lexwatch.store.versions import VersionStore
    from lexwatch.workspace import Workspace

sources_app = typer.Typer(help="The sources lexwatch fetches from.", no_args_is_help=True)


def _since(value: str | None) -> date | None:
    if value is None:
        return None
    day = day_option("--since", value)
    if day > date.today():
        raise UsageError(f"--since {value} is in the future")
    from lexwatch.sources.runner import MAX_WINDOW_DAYS

    back = (date.today() - day).days
    if back > MAX_WINDOW_DAYS:
        # every publication of the window is fetched (card and PDF, a second apart), and with
        # probe_drafts every day's draft entries: decades of them would take days
        raise UsageError(f"--since {value} is {back} days back; the portal would be asked for every publication"
                         f" since then: give a date within {MAX_WINDOW_DAYS} days (add older acts' files"
                         " with `lexwatch add`)")
    return day


def _writable(store: VersionStore, dry_run: bool = False) -> None:
    """A run that stores must be able to: a store opened read-only (a disk too full to open it for
    writing) stops it before anything is fetched, in one line. A dry run stores nothing."""
    from lexwatch.errors import DiskFullError

    if store.read_only and not dry_run:
        raise DiskFullError(f"{store.unwritable}; what is stored is intact and readable"
                            " (`lexwatch drafts list`): free space and run again")


def _some(sources: list[Source], done: str) -> None:
    """Fetching or checking nothing must not read as "nothing new" (exit 0) to a cron job."""
    if not sources:
        raise UsageError(f"no source is enabled, so nothing can be {done}: set [sources.folder] path or"
                         " enable [sources.pravo_by] in lexwatch.toml (see `lexwatch sources list`)")


def _line(outcome: Outcome) -> str:
    """A document's line: stdout's for a new or changed one, --verbose's for each as the run meets it
    (a failed one in the words of the run's last lines, how long it has been failing included)."""
    what = outcome.act or "-"
    if outcome.status == "failed":
        return f"{outcome.status:<9} {outcome.source:<8} {what:<11} {_failure(outcome)}"
    tail = f" ({outcome.version[:12]})" if outcome.version else ""
    return f"{outcome.status:<9} {outcome.source:<8} {what:<11} {outcome.url}{tail}"


def _summary(report: FetchReport) -> list[str]:
    from lexwatch.sources.runner import MAX_ITEMS

    lines = []
    for name in report.sources:
        c = report.counts(name)
        since = f" (since {report.windows[name]})" if name in report.windows else ""
        lines.append(f"{name}: {c['new']} new, {c['changed']} changed, {c['unchanged']} unchanged,"
                     f" {c['failed']} failed{since}")
        if report.left.get(name):  # not a failure, but not "nothing new" either: not looked at yet
            lines.append(f"{name}: {report.left[name]} publications or drafts left for the next runs"
                         f" (a run looks at {MAX_ITEMS} at most)")
        if name in report.cut:
            lines.append(f"{name}: its last good run reached {report.cut[name]}: publications from then to "
                         f"{report.windows.get(name, '')} were not looked at (a window reaches back a year at "
                         "most; add such acts' files with `lexwatch add`)")
    # a source none of whose requests got through (the portal down, the folder gone): said by name,
    # not folded into "nothing new in what could be fetched" because another source was read
    unreached = [name for name in report.sources if report.counts(name)["failed"] and not report.reached(name)]
    if len(report.sources) > 1:
        lines.extend(f"{name}: could not check anything: every request failed (see below)" for name in unreached)
    if not report.sources:
        lines.append("no source is enabled (see `lexwatch sources list`)")
    elif report.failed and not report.reached():
        # Not "nothing new": nothing could be looked at (what a killed run stored may still be told
        # above). Cron must not read this as all clear.
        lines.append("could not check anything: every request failed (see below)")
    elif report.failed and report.nothing_new:
        failed = report.counts()["failed"]
        lines.append(f"nothing new in what could be fetched; {failed} failed and"
                     f" {'was' if failed == 1 else 'were'} not checked (see below)")
    elif report.nothing_new:
        lines.append("nothing new" + (" (dry run)" if report.dry_run else ""))
    elif report.dry_run:
        lines.append("dry run: nothing was stored")
    return lines


_SinceOption = Annotated[str | None, typer.Option(
    "--since", help="Start the new-publications window here, YYYY-MM-DD (default: the last good run;"
                    " first run: the last 7 days).")]
_VerboseOption = Annotated[bool, typer.Option("--verbose", "-v", help="One line per document, even without a"
                                                                      " terminal.")]
_SourceOption = Annotated[list[str] | None, typer.Option(
    "--source", "-s", help="Only this source (repeatable; default: every enabled source).")]


def _fetch_run(ws: Workspace, store: VersionStore, sources: list[Source], start: date | None, *,
               dry_run: bool, verbose: bool) -> FetchRun:
    """One fetch run with a progress bar in a terminal, or a line per document when --verbose.
    The caller reports it, then calls `acknowledge()`: a run killed in between is reported again."""
    from lexwatch.sources.runner import FetchRun

    tty = sys.stderr.isatty() and not STATE.quiet
    err = console(stderr=True)

    def show(outcome: Outcome) -> None:
        if verbose and not STATE.quiet:
            err.print(_line(outcome), markup=False)

    if tty and not verbose:
        from rich.markup import escape
        from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

        with Progress(SpinnerColumn(), TextColumn("{task.description}"), TextColumn("{task.completed} documents"),
                      TimeElapsedColumn(), console=err, transient=True) as progress:
            task = progress.add_task("fetching", total=None)
            run = FetchRun(ws.settings, ws.root, store, dry_run=dry_run, defer_ack=True,
                           status=lambda message: progress.update(task, description=escape(message)),
                           on_outcome=lambda _o: progress.advance(task))
            run.run(sources, start)
    else:
        run = FetchRun(ws.settings, ws.root, store, dry_run=dry_run, defer_ack=True,
                       status=(lambda m: err.print(m, markup=False)) if verbose and not STATE.quiet else None,
                       on_outcome=show)
        run.run(sources, start)
    return run


def fetch(
    since: _SinceOption = None,
    dry_run: Annotated[bool, typer.Option("--dry-run", help="Fetch and report, but store nothing.")] = False,
    as_json: Annotated[bool, typer.Option("--json", help="Print new/changed/unchanged/failed as JSON.")] = False,
    verbose: _VerboseOption = False,
    source: _SourceOption = None,
) -> None:
    """Fetch new and changed documents from every enabled source and store them as versions.

    Exit 0: every source was fetched; 4: a document failed (the rest is stored); 5: another run
    holds the workspace; 2: a usage or configuration error, or no source enabled."""
    from lexwatch.sources.runner import enabled_sources

    fit_stdout(escape=True)  # a cron job in an odd locale must still tell its changes
    start = _since(since)
    STATE.verbose = verbose
    ws = open_workspace()
    sources = enabled_sources(ws.settings, ws.root, source or None)
    _some(sources, "fetched")
    with ws.lock(), ws.open_store() as store:
        _writable(store, dry_run)
        run = _fetch_run(ws, store, sources, start, dry_run=dry_run, verbose=verbose)
        report = run.report
        STATE.settled = int(ExitCode.SOURCE_FAILED if report.failed else ExitCode.OK)
        _report(report, as_json)
        # Only now, with the report out, is a new or changed document told: a run killed before
        # this line leaves it pending and the next run reports it (never lost, never told twice).
        run.acknowledge()
    raise typer.Exit(STATE.settled)


def check(
    since: _SinceOption = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the findings as JSON.")] = False,
    verbose: _VerboseOption = False,
    source: _SourceOption = None,
    pack: Annotated[list[str] | None, typer.Option("--pack", "-p",
                                                   help="Flag with this rule pack only; repeatable.")] = None,
) -> None:
    """What changed since the last run: fetch, then each new or changed document against what its
    address gave before, else its act's previous version (articles changed, flags raised).

    Exit 0: nothing new; 1: something new or changed; 4: a source failed (what was reached is
    reported: never read 4 as "no changes") or a [notify] service did not take the report (told
    again next run); 5: another run holds the workspace; 2: a usage or
    configuration error, or no source enabled (nothing could be checked)."""
    from lexwatch.check import explain
    from lexwatch.flags import load_packs
    from lexwatch.notify import prepare
    from lexwatch.sources.runner import enabled_sources

    fit_stdout(escape=True)  # a cron job in an odd locale must still tell its changes
    start = _since(since)
    STATE.verbose = verbose
    ws = open_workspace()
    sources = enabled_sources(ws.settings, ws.root, source or None)
    packs = load_packs(ws.root, pack)  # a bad --pack is refused before anything is fetched
    notifier = prepare(ws.settings)    # and so is a bad [notify] URL
    _some(sources, "checked")
    with ws.lock(), ws.open_store() as store:
        _writable(store)
        run = _fetch_run(ws, store, sources, start, dry_run=False, verbose=verbose)
        report = run.report
        findings = explain(store, report.outcomes, packs)
        STATE.settled = int(ExitCode.SOURCE_FAILED if report.failed else
                            ExitCode.DIFFERENCES if findings else ExitCode.OK)
        named = ws.root if STATE.workspace is not None else None
        told = _finding_lines(findings, named)
        if as_json:
            emit_json({"documents": [f.to_dict() for f in findings],
                       "failed": [o.to_dict() for o in report.with_status("failed")],
                       "sources": report.sources_json()})
        else:
            out = console()
            width = shutil.get_terminal_size().columns if sys.stdout.isatty() else None
            for line in told if width is None else _finding_lines(findings, named, width):
                out.print(line, markup=False)
            _report(report, as_json=False, results=False)  # summary, notes and failures on stderr
        undelivered = _notify(notifier, findings, told, report) if notifier is not None else []
        if undelivered:
            # Not told until every service has it: the next run tells it again (printed twice
            # rather than a notification lost)
            for line in undelivered:
                console(stderr=True).print(f"lexwatch: error: {line}", markup=False)
            say("what this run found is told again next run")
            raise typer.Exit(ExitCode.SOURCE_FAILED)
        run.acknowledge()
    raise typer.Exit(STATE.settled)


def _listed(items: list[str], cap: int = 12) -> str:
    """"ст. 59, 130²", at most `cap` of them, then "and N more"."""
    more = f" and {len(items) - cap} more" if len(items) > cap else ""
    return "ст. " + ", ".join(items[:cap]) + more


def _articles(numbers: list[str]) -> str:
    """Canonical article numbers as a Belarusian text prints them: "ст. 59, 130²"."""
    from lexwatch.ids import ArticleNumber

    return _listed([ArticleNumber.parse(n).display for n in numbers])


# Kept on one line when a terminal's lines are wrapped: an abbreviation and the number it cites
# ("ст. 130²", "ч. 1", "№ 165-З", "ГЛАВА 31"), an article and its code ("361¹ УК")
_CITED = re.compile(r"(\b(?:ст|ч|п)\.|№|\bГЛАВА|\bРАЗДЕЛ) | (?=(?:УК|УПК|УИК|КоАП|ПИКоАП)\b)")
_GLUE = "\ue000"  # a private-use character holds such a space while the line is wrapped
# a flag's line: its continuation lines stand under the rule's name, beside the severity column
_FLAG_LINE = re.compile(r" {10}(?:high|medium|low) +")


def _fit(line: str, width: int | None) -> list[str]:
    """`line` as a terminal `width` columns wide shows it: wrapped between words, never inside an
    article number (the terminal's own wrap cut "361²" into "3" and "61²", read as two articles),
    each continuation indented under the text it continues. None: one line (piped, a file, a mail)."""
    if width is None or len(line) <= width:
        return [line]
    import textwrap

    flag = _FLAG_LINE.match(line)
    indent = flag.end() if flag else 12
    if width - indent < 20:  # too narrow to wrap into: the terminal's own wrap is no worse
        return [line]
    wrapped = textwrap.wrap(_CITED.sub(rf"\1{_GLUE}", line), width, subsequent_indent=" " * indent,
                            break_long_words=False, break_on_hyphens=False)
    return [part.replace(_GLUE, " ") for part in wrapped]


def _finding_lines(findings: list[Finding], root: Path | None, width: int | None = None) -> list[str]:
    """Per document: its line, then what changed against the previous version and the flags. `root`:
    the workspace named by --workspace, which the `lexwatch diff` hint then names too (a cron job's
    mail is read in another folder, where a bare `lexwatch diff A B` finds no workspace). `width`: a
    terminal's, each line wrapped at it between words; the hint and the address stay whole, to be
    copied as they are."""
    import shlex

    from lexwatch.flags.targets import pointing_to
    from lexwatch.ids import ArticleNumber

    lines: list[str] = []

    def add(line: str) -> None:
        lines.extend(_fit(line, width))

    named = f"--workspace {shlex.quote(str(root))} " if root is not None else ""
    for finding in findings:
        o, info, prev = finding.outcome, finding.version, finding.previous
        # two versions of one edition date share a label: then the short ids tell them apart
        same = prev is not None and prev.label == info.label
        name = f"{info.label} ({info.short_id})" if same else info.label
        # a law's card and its PDF share the label: the kind tells them apart (the code's text needs none)
        kind = f" ({o.kind})" if o.kind and o.kind != "consolidated" else ""
        # untitled (a note, a scan): its address is the last line already, not said twice
        add(f"{o.status:<9} {name}{kind}  {finding.name or info.title or o.title or '(untitled)'}")
        if o.note:  # a scan without text, a change a killed run stored, a source gone back
            add(f"          note: {o.note}")
        before = "" if prev is None else f"{prev.label} ({prev.short_id})" if same else prev.label
        if prev is not None and finding.summary is not None:
            s = finding.summary
            add(f"          against {before}: {s['changed']} changed, {s['added']} added, "
                f"{s['removed']} removed, {s['renumbered']} renumbered articles")
            which = finding.articles or {}
            parts = [f"{status} {_articles(which[status])}" for status in ("changed", "added", "removed")
                     if which.get(status)]
            if which.get("renumbered"):
                parts.append("renumbered " + _listed([f"{ArticleNumber.parse(new).display} (was "
                                                      f"{ArticleNumber.parse(old).display})"
                                                      for old, new in which["renumbered"]]))
            if finding.renamed:
                add(f"          renamed: «{finding.renamed['old']}» → «{finding.renamed['new']}»")
            if finding.headings:  # named only: the diff the last line points to quotes them
                add("          headings renamed: " + ", ".join(h["heading"] for h in finding.headings))
            if parts:
                add("          " + "; ".join(parts))
            elif not finding.changed:
                add("          no article changed (only layout or text outside the articles)")
        elif prev is not None:
            add(f"          against {before}: no articles to compare (a card, a scan or plain text):"
                " read it at the address below")
        elif finding.error:
            add(f"          could not be compared: {finding.error}")
        else:
            add(f"          no earlier version of {info.act or 'this document'} to compare with")
        for flag in finding.flags:
            where = f" in {_articles(flag['articles'])}" if flag["articles"] else ""
            # in an amending law: the Code articles its instructions change there
            add(f"          {flag['severity']:<6} {flag['pack']}/{flag['rule']} {flag['direction']}{where}"
                f"{pointing_to(flag.get('targets') or [])}")
        if prev is not None and finding.changed:
            lines.append(f"          lexwatch {named}diff {prev.short_id} {info.short_id}")
        lines.append(f"          {o.url}")
    return lines


def _report(report: FetchReport, as_json: bool, results: bool = True) -> None:
    err = console(stderr=True)
    if as_json:
        emit_json(report.to_json())
    elif results:
        # What changed is the result: one line each on stdout, --quiet included, so a cron job
        # mails exactly when something is new or changed (or failed), and says what.
        out = console()
        for outcome in report.outcomes:
            if outcome.status in ("new", "changed"):
                out.print(_line(outcome), markup=False)
    for line in _summary(report):
        say(line)
    for outcome in report.outcomes:
        if outcome.note and (results or outcome.status not in ("new", "changed")):  # check prints its own
            say(f"note: {outcome.url}: {outcome.note}")
    for outcome in report.with_status("failed"):
        # Errors are printed even with --quiet: in cron they are the only output worth a mail.
        err.print(_failed_line(outcome), markup=False)


def _failed_line(outcome: Outcome) -> str:
    return f"failed: {_failure(outcome)}"


def _failure(outcome: Outcome) -> str:
    """Why a document failed, its address named once (most errors name it already)."""
    error = outcome.error or "failed"
    return error if outcome.url in error else f"{outcome.url}: {error}"


def _notify(notifier: Notifier, findings: list[Finding], told: list[str], report: FetchReport) -> list[str]:
    """Tell the [notify] services what the run found (and, with `failures`, what could not be
    checked), in the words `check` prints (`told`: its lines of the findings); the services that
    did not take it, one line each."""
    from lexwatch.notify import send

    failed = report.with_status("failed")
    if not findings and not (failed and notifier.failures):
        return []
    counted = f"{len(findings)} new or changed" if findings else ""
    if failed:
        counted += ("; " if counted else "") + (f"{len(failed)} failed" if report.reached()
                                                else "could not check anything")
    lines = told + [""] * bool(findings) + _summary(report)
    lines += [_failed_line(o) for o in failed]
    return send(notifier, f"lexwatch check: {counted}", "\n".join(lines), failed=bool(failed))


@sources_app.command("list")
def list_sources(
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON instead of a table.")] = False,
) -> None:
    """List the known sources, whether this workspace enables them, their last good run, and the
    items the next runs look at again (failing, or left over a run's cap)."""
    from lexwatch.sources.base import create_source, source_names
    from lexwatch.store.fetchstate import FetchState

    ws = open_workspace()
    rows = []
    with ws.open_store() as store:
        state = FetchState(store.db)
        for name in source_names():
            src = create_source(name, ws.settings, ws.root)
            last = state.last_run(name)
            failing, left = state.pending_counts(name)
            rows.append({"name": name, "enabled": src.enabled(), "where": src.where(),
                         "description": src.description,
                         "last_success_at": last.last_success_at if last else None,
                         "last_attempt_at": last.last_attempt_at if last else None,
                         "last_outcome": last.last_outcome if last else None,
                         "failing": failing, "left": left})
    if as_json:
        emit_json(rows)
        return
    from rich.table import Table
    from rich.text import Text

    table = Table(box=None, header_style="bold")
    for column in ("name", "enabled", "where", "last good run", "next runs", "description"):
        table.add_column(column)
    for row in rows:  # Text, not markup: "[sources.folder]" is not a style
        again = ", ".join(f"{n} {what}" for n, what in ((row["failing"], "failing"), (row["left"], "left")) if n)
        table.add_row(*map(Text, (str(row["name"]), "yes" if row["enabled"] else "no", str(row["where"]),
                                  str(row["last_success_at"] or "-"), again or "-", str(row["description"]))))
    console().print(table)


def register(app: typer.Typer) -> None:
    app.command("check")(check)
    app.command("fetch")(fetch)
    app.add_typer(sources_app, name="sources")
