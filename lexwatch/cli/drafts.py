"""`lexwatch drafts list|show|search`: browse the stored versions."""

from __future__ import annotations

from typing import Annotated

import typer

from lexwatch.cli.context import console, emit_json, open_workspace
from lexwatch.errors import UsageError

drafts_app = typer.Typer(help="Browse stored versions: list, show, search.", no_args_is_help=True)

JsonOption = Annotated[bool, typer.Option("--json", help="Print JSON instead of a table.")]


@drafts_app.command("list")
def list_versions(
    act: Annotated[str | None, typer.Option(
        "--act", help="Only versions of this act ('unknown': those stored without one).")] = None,
    as_json: JsonOption = False,
) -> None:
    """List stored versions, oldest edition first."""
    from lexwatch.ids import normalize_act

    ws = open_workspace()
    with ws.open_store() as store:
        if act is not None and act.strip().lower() == "unknown":  # as their labels say: unknown:2735ab3d
            versions = [v for v in store.list() if v.act is None]
        else:
            versions = store.list(normalize_act(act) if act else None)
    if as_json:
        emit_json([v.to_dict() for v in versions])
        return
    if not versions:
        console().print("no versions stored yet (lexwatch add FILE or lexwatch fetch)", markup=False)
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
    out = console()
    if number is not None:
        found = doc.article(number)
        if found is None:
            raise UsageError(f"article {number.display} is not in {info.label} ({info.short_id})")
        if as_json:
            emit_json({**found.to_dict(), "version": info.id})
            return
        out.print(found.heading, style="bold", markup=False)
        out.print(found.text, markup=False)
        return
    if as_json:
        emit_json({**info.to_dict(), "articles": [
            {"number": a.number.canonical, "display": a.number.display, "title": a.title,
             "excluded": a.excluded} for a in doc.articles]})
        return
    out.print(f"{info.label}  {info.title}", style="bold", markup=False)
    out.print(f"id {info.id}\nsource {info.source}\n{info.articles} articles, {info.format}", markup=False)
    for a in doc.articles:
        out.print(f"  {a.number.display:>7}  {a.title}", markup=False)


@drafts_app.command("search")
def search(
    query: Annotated[str, typer.Argument(metavar="QUERY", help="Words to find; each matches all its inflected forms.")],
    act: Annotated[str | None, typer.Option("--act", help="Only versions of this act.")] = None,
    limit: Annotated[int, typer.Option("--limit", min=1, help="At most this many hits.")] = 50,
    as_json: JsonOption = False,
) -> None:
    """Search article text across stored versions (Russian morphology-aware)."""
    from lexwatch.ids import normalize_act

    ws = open_workspace()
    with ws.open_store() as store:
        hits = store.search(query, act=normalize_act(act) if act else None, limit=limit)
    if as_json:
        emit_json([h.to_dict() for h in hits])
        if not hits:
            raise typer.Exit(1)  # "no search hit" is exit 1 in every output, as the README's table says
        return
    out = console()
    if not hits:
        out.print(f"no article matches {query!r}", markup=False)
        raise typer.Exit(1)
    for h in hits:
        out.print(f"{h.version.label} ст. {h.number.display}. {h.title}", style="bold", markup=False)
        out.print(f"    {h.snippet}", markup=False)


def register(app: typer.Typer) -> None:
    app.add_typer(drafts_app, name="drafts")
