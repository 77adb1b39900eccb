"""`lexwatch drafts list|show|search`: browse the stored versions."""

from __future__ import annotations

from typing import Annotated

import typer

from lexwatch.cli.context import STATE, console, emit_json, open_workspace, say
from lexwatch.errors import ExitCode, UsageError

drafts_app = typer.Typer(help="Browse stored versions: list, show, search.", no_args_is_help=True)

JsonOption = Annotated[bool, typer.Option("--json", help="Print JSON instead of a table.")]


@drafts_app.command("list")
def list_versions(
    act: Annotated[str | None, typer.Option(
        "--act", help="Only versions of this act ('unknown': those stored without one).")] = None,
    as_json: JsonOption = False,
) -> None:
    """List stored versions, oldest edition first (undated ones last), of every act or of one."""
    from lexwatch.ids import normalize_act

    ws = open_workspace()
    with ws.open_store() as store:
        stored = store.list()
        if act is not None and act.strip().lower() == "unknown":  # as their labels say: unknown:2735ab3d
            versions = [v for v in stored if v.act is None]
        elif act:
            regnum = normalize_act(act)
            versions = [v for v in stored if v.act == regnum]
        else:
            versions = stored
    if as_json:
        emit_json([v.to_dict() for v in versions])
        return
    if not versions:
        console().print(f"no versions of {act.strip()} among the {len(stored)} stored (see lexwatch drafts list)"
                        if stored and act else "no versions stored yet (lexwatch add FILE or lexwatch fetch)",
                        markup=False)
        return
    from rich.table import Table
    from rich.text import Text

    table = Table(box=None, header_style="bold")
    for column in ("id", "act", "edition", "articles", "format", "title"):
        table.add_column(column, justify="right" if column == "articles" else "left")
    for v in versions:
        # Text, not markup: a title from the portal may hold "[...]", which rich would eat.
        table.add_row(*map(Text, (v.short_id, v.act or "-", v.edition_date.isoformat() if v.edition_date else "-",
                                  str(v.articles), v.format, v.title)))
    console().print(table)


@drafts_app.command("show")
def show(
    version: Annotated[str, typer.Argument(metavar="VERSION", help="sha256 prefix or REGNUM@YYYY-MM-DD.")],
    article: Annotated[str | None, typer.Option("--article", "-a", help="One article, e.g. 59 or 130-2.")] = None,
    as_json: JsonOption = False,
) -> None:
    """Show a stored version: its articles, or the text of one article."""
    from lexwatch.ids import ArticleNumber

    # "" is a bad number (an unset $ARTICLE in a script), not "no --article": never the whole code by accident
    number = ArticleNumber.parse(article) if article is not None else None
    ws = open_workspace()
    with ws.open_store() as store:
        info = store.resolve(version)
        doc = store.document(info.id)
        info.articles = len(doc.articles)  # as read now: once after an upgrade, by this lexwatch's reading
    out = console()
    if number is not None:
        found = doc.article(number)
        if found is None:
            from lexwatch.diff.history import lost_superscript  # "1302" copied for 130²: history's hint

            raise UsageError(f"article {number.display} is not in {info.label} ({info.short_id})"
                             + (lost_superscript(number, {a.number for a in doc.articles}) if doc.articles else
                                ": it has no articles (a publication's card, a scan kept as evidence)"))
        if as_json:
            emit_json({**found.to_dict(), "version": info.id})
            return
        out.print(found.heading, style="bold", markup=False)
        out.print(found.text, markup=False)
        return
    if as_json:
        emit_json({**info.to_dict(), "preamble": doc.preamble, "articles": [
            {"number": a.number.canonical, "display": a.number.display, "title": a.title,
             "excluded": a.excluded} for a in doc.articles]})
        return
    out.print(f"{info.label}  {info.title}", style="bold", markup=False)
    out.print(f"id {info.id}\nsource {info.source}\n{info.articles} articles, {info.format}", markup=False)
    if not doc.articles:
        # A publication's card, a scan: what it says is all there is to show (a scan, nothing).
        out.print(f"no articles; {'its text:' if doc.preamble else 'no text either (a scan?): the file is'}",
                  markup=False)
        out.print(doc.preamble or info.raw_path, markup=False)
        return
    if doc.preamble:  # a law's date, number and name, above its articles
        out.print(doc.preamble, markup=False)
    for a in doc.articles:
        out.print(f"  {a.number.display:>7}  {a.title}", markup=False)


@drafts_app.command("search")
def search(
    query: Annotated[str, typer.Argument(
        metavar="QUERY", help="Words to find, each in any inflected form, anywhere in an article; words in "
        "double quotes inside the query ('\"пожизненное заключение\"') only side by side, in that order.")],
    act: Annotated[str | None, typer.Option("--act", help="Only versions of this act.")] = None,
    limit: Annotated[int, typer.Option("--limit", min=1, help="At most this many hits.")] = 50,
    as_json: JsonOption = False,
) -> None:
    """Search the articles (title and text) of stored versions, Russian morphology-aware.

    Every word must be in the article, in any inflected form ("казнь" finds "смертной казнью", not
    "казна"); "ё" and "е" are one letter, and Latin look-alike letters in a Cyrillic word ("cмертная"
    with a Latin "c") are read as Cyrillic. Articles whose title holds every word come first.
    """
    from lexwatch.ids import normalize_act

    regnum = normalize_act(act) if act else None
    ws = open_workspace()
    with ws.open_store() as store:
        if regnum and not store.list(regnum):  # a mistyped number is not "the act never says it"
            raise UsageError(f"no stored version of {regnum} (see `lexwatch drafts list`)")
        stale = store.stale(regnum)
        if stale > 1:  # the first search after an upgrade reads every old version again: a while
            say(f"reading {stale} stored versions again as this lexwatch reads them (once, after an upgrade)…")
        hits = store.search(query, act=regnum, limit=limit)
    # "no search hit" is exit 1 in every output, as the README's table says, a pipe closed early too
    STATE.settled = int(ExitCode.OK if hits else ExitCode.DIFFERENCES)
    if as_json:
        emit_json([h.to_dict() for h in hits])
        raise typer.Exit(STATE.settled)
    out = console()
    if not hits:
        out.print(f"no article matches {query if len(query) <= 80 else query[:79] + '…'!r}", markup=False)
        raise typer.Exit(STATE.settled)
    for h in hits:
        title = f". {h.title}" if h.title else ""  # an amending law's article has none
        out.print(f"{h.version.label} ст. {h.number.display}{title}", style="bold", markup=False)
        out.print(f"    {h.snippet}", markup=False)


def register(app: typer.Typer) -> None:
    app.add_typer(drafts_app, name="drafts")
