"""`lexwatch commentary new|overview|period|templates|copy`: commentary drafts that already hold the facts of a diff."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from lexwatch.cli.context import STATE, emit_json, plausible_day, say
from lexwatch.errors import UsageError, WorkspaceError

if TYPE_CHECKING:
    from lexwatch.commentary.scaffold import Template
    from lexwatch.workspace import Workspace

commentary_app = typer.Typer(help="Commentary drafts from a diff, and the templates they are made from.",
                             no_args_is_help=True)


def _workspace() -> Workspace | None:
    from lexwatch.cli.context import open_workspace

    try:
        return open_workspace()
    except WorkspaceError:
        if STATE.workspace is not None:
            raise
        return None


def _templates_folder(ws: Workspace | None) -> Path | None:
    return ws.commentary_dir / "templates" if ws is not None else None


# The files a draft may be written as, by its template's kind: a Markdown draft may also be a Word
# document (converted), never a .pdf or an .odt holding Markdown.
_SUFFIXES = {"markdown": (".md", ".markdown", ".txt", ".docx"), "html": (".html", ".htm")}


def _target(output: Path | None, ws: Workspace | None, name: str, kind: str) -> Path | None:
    """Where the draft goes (None: standard output), refused before any work if a file is there:
    a draft is never written over a file, which its author may have edited."""
    from lexwatch.cli.diff import check_output

    if output is not None and str(output) == "-":
        return None
    if output is not None and output.suffix.lower() not in _SUFFIXES[kind]:
        article = "an HTML" if kind == "html" else "a Markdown"
        raise UsageError(f"--output {output.name}: a draft from {article} template is a "
                         f"{' or '.join(_SUFFIXES[kind])} file")
    if output is None:
        if ws is None:
            raise UsageError("not inside a lexwatch workspace: give --output FILE (or -o - for standard output), "
                             "or run `lexwatch init`")
        output = ws.commentary_dir / name
        try:
            output.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:  # a read-only workspace (a copy, a backup) or a file in the folder's place
            why = "it is not a folder" if isinstance(exc, FileExistsError) else exc.strerror or str(exc)
            raise UsageError(f"cannot make {output.parent}: {why} (give --output FILE, "
                             "or -o - for standard output)") from None
    check_output(output)
    if output.exists() or output.is_symlink():
        raise UsageError(f"{output} exists, and lexwatch never writes over a commentary: "
                         "give --title or --output another name, or move that file away")
    return output


def _given_title(title: str | None) -> str | None:
    """`--title` as a draft may hold it: without terminal escapes, control characters or bidi controls
    (a title pasted from a chat; U+202E shows the words after it backwards), on one line; None if not
    given, refused if nothing is left."""
    from lexwatch.text.structure import strip_control_sequences

    if title is None:
        return None
    title = " ".join(strip_control_sequences(title).split())
    if not title:
        raise UsageError("--title is empty")
    return title


# The options `new`, `overview` and `period` share.
_TitleOption = Annotated[str | None, typer.Option("--title", "-t", help="The document's title (and file name).")]
_ArticleOption = Annotated[list[str] | None, typer.Option(
    "--article", "-a", help="Only this article (59, 130-2, 130²); repeatable.")]
_PackOption = Annotated[list[str] | None, typer.Option(
    "--pack", "-p", help="Flag with this rule pack only; repeatable.")]
_TemplateOption = Annotated[str, typer.Option("--template", "-T", help=(
    "A template's name (`lexwatch commentary templates`) or its file."))]
_FlaggedOnlyOption = Annotated[bool, typer.Option("--flagged-only", help="Only articles a rule pack flags.")]
_ContextOption = Annotated[int | None, typer.Option("--context", "-C", min=0, help=(
    "Words of unchanged text around a change in each redline (default: the whole article)."))]
_OutputOption = Annotated[Path | None, typer.Option("--output", "-o", help=(
    "Write here (never over an existing file): .md, .docx (Word), or .html for an HTML template; "
    "- for standard output. Default: commentary/DATE-TITLE.md in the workspace."))]


@commentary_app.command("new")
def new(
    old: Annotated[str, typer.Argument(
        metavar="OLD", help="Old version: a file, a sha256 prefix or REGNUM@YYYY-MM-DD.")],
    new: Annotated[str, typer.Argument(
        metavar="NEW", help="New version: a file, a sha256 prefix or REGNUM@YYYY-MM-DD.")],
    title: _TitleOption = None,
    template: Annotated[str, typer.Option("--template", "-T", help=(
        "A template's name (`lexwatch commentary templates`: commentary, commentary.html, review) "
        "or its file."))] = "commentary",
    article: _ArticleOption = None,
    pack: _PackOption = None,
    flagged_only: _FlaggedOnlyOption = False,
    context: _ContextOption = None,
    output: _OutputOption = None,
) -> None:
    """Draft a commentary on the changes from OLD to NEW: sources, summary, each article's old and
    new wording, its redline, flags and sanction changes, with places for the analysis."""
    from datetime import date

    from lexwatch.cli.diff import Sides
    from lexwatch.cli.flags import annotate
    from lexwatch.commentary import scaffold
    from lexwatch.diff.engine import diff_documents
    from lexwatch.ids import ArticleNumber

    numbers = [ArticleNumber.parse(a) for a in article or []]
    ws = _workspace()
    chosen = scaffold.find(template, _templates_folder(ws))
    today = date.today()
    sides = Sides(keep=False)
    title = _given_title(title)
    (old_doc, old_side), (new_doc, new_side) = sides.pair(old, new)
    title = " ".join((title or f"Изменения: {old_side.label} → {new_side.label}").split())
    target = _target(output, ws, scaffold.draft_name(title, today, chosen.suffix), chosen.kind)
    diff = diff_documents(old_doc, new_doc, old_side=old_side, new_side=new_side, articles=numbers or None)
    packs = annotate(diff, pack, ws.root if ws is not None else None)
    data = scaffold.facts(diff, title=title, kind=chosen.kind, docs=(old_doc, new_doc),
                          versions=(sides.versions.get(old_side.id), sides.versions.get(new_side.id)),
                          packs=packs, flagged_only=flagged_only, context=context, today=today)
    if not scaffold.worth_a_draft(data, flagged_only):
        asked = "no article a rule pack flags" if flagged_only and diff.has_changes else "no differences"
        say(f"{old_side.label} → {new_side.label}: {asked}; no draft written")
        return
    _deliver(target, chosen, data, ws)


def _deliver(target: Path | None, chosen: Template, data: dict[str, Any], ws: Workspace | None,
             holds: str | None = None) -> None:
    """The draft rendered and written where `_target` said (standard output for None), as Word for
    a .docx; its path on standard output, what it `holds` on standard error (by default, its
    articles)."""
    from lexwatch.commentary import scaffold
    from lexwatch.fsutil import atomic_write

    text = scaffold.render(chosen, data, _templates_folder(ws))
    if target is None:
        sys.stdout.write(text)
        return
    if target.suffix.lower() == ".docx":
        from lexwatch.commentary.word import markdown_docx

        payload = markdown_docx(text)
    else:
        payload = text.encode("utf-8")
    try:
        atomic_write(target, payload, replace=False)
    except FileExistsError:
        raise UsageError(f"{target} appeared while the draft was made; nothing was written over it") from None
    except OSError as exc:
        raise UsageError(f"cannot write {target}: {exc.strerror or exc}") from None
    if holds is None:
        flagged = sum(1 for a in data["articles"] if a["flags"])
        count = len(data["articles"])
        holds = f"{count} article{'' if count == 1 else 's'} ({flagged} flagged)"
    say(f"drafted from {chosen.name}: {holds}")
    typer.echo(str(target))


@commentary_app.command("overview")
def overview(
    version: Annotated[str, typer.Argument(
        metavar="VERSION", help="A law, a draft or a code: a file, a sha256 prefix or REGNUM@YYYY-MM-DD.")],
    title: _TitleOption = None,
    template: _TemplateOption = "overview",
    article: _ArticleOption = None,
    pack: _PackOption = None,
    flagged_only: _FlaggedOnlyOption = False,
    output: _OutputOption = None,
) -> None:
    """Draft a legal overview of one document (a law, a draft): each article's text, what the rule
    packs find in it and, in an amending law, the Code articles it changes, with places for the
    analysis."""
    from datetime import date

    from lexwatch.cli.diff import Sides, with_articles
    from lexwatch.cli.flags import workspace_root
    from lexwatch.commentary import scaffold
    from lexwatch.diff.history import lost_superscript  # "1302" copied from a PDF for 130², as `new` hints
    from lexwatch.flags import load_packs
    from lexwatch.ids import ArticleNumber
    from lexwatch.text.acts import law_name

    numbers = [ArticleNumber.parse(a) for a in article or []]
    title = _given_title(title)
    ws = _workspace()
    chosen = scaffold.find(template, _templates_folder(ws))
    packs = load_packs(ws.root if ws is not None else workspace_root(), pack)
    sides = Sides(keep=False)
    try:
        doc, side = sides.load(version)
    finally:
        sides.close()
    with_articles(doc, side, "go through")
    held = {a.number for a in doc.articles}
    missing = [n.display + lost_superscript(n, held) for n in numbers if n not in held]
    if missing:
        raise UsageError(f"no article {', '.join(missing)} in {side.label}")
    today = date.today()
    title = " ".join((title or f"Обзор: {law_name(doc.preamble) or doc.title or side.label}").split())
    target = _target(output, ws, scaffold.draft_name(title, today, chosen.suffix), chosen.kind)
    data = scaffold.overview_facts(doc, side, sides.versions.get(side.id), title=title, kind=chosen.kind,
                                   packs=packs, numbers=numbers or None, flagged_only=flagged_only, today=today)
    if not data["articles"]:
        say(f"{side.label}: no article a rule pack flags; no draft written")
        return
    _deliver(target, chosen, data, ws)


@commentary_app.command("period")
def period(
    since: Annotated[str, typer.Option("--since", help="The period's first day, YYYY-MM-DD.")],
    until: Annotated[str | None, typer.Option("--until", help="Its last day, YYYY-MM-DD (default: today).")] = None,
    act: Annotated[list[str] | None, typer.Option(
        "--act", help="Only this act (HK9900275, or a draft's bank entry); repeatable.")] = None,
    title: _TitleOption = None,
    template: _TemplateOption = "period",
    pack: _PackOption = None,
    flagged_only: _FlaggedOnlyOption = False,
    context: _ContextOption = None,
    no_drafts: Annotated[bool, typer.Option("--no-drafts", help="Leave the drafts out.")] = False,
    output: _OutputOption = None,
) -> None:
    """Draft a review of a period from every act the workspace holds: each act changed in it (from
    the last version before it to the last in it), each law and draft first stored in it, by subject,
    with the redlines and places for the analysis. A version is placed by its edition date."""
    from datetime import date

    from lexwatch.cli.context import open_workspace
    from lexwatch.commentary import scaffold
    from lexwatch.flags import load_packs
    from lexwatch.ids import is_draft_entry, normalize_act
    from lexwatch.text.acts import drafted

    first = plausible_day("--since", since)
    last = plausible_day("--until", until) if until is not None else date.today()
    if first > last:
        raise UsageError(f"--since {first.isoformat()} is after --until {last.isoformat()}")
    title = _given_title(title)
    acts = list(dict.fromkeys(normalize_act(a) for a in act or []))
    drafts_asked = [a for a in acts if is_draft_entry(a)]
    if no_drafts and drafts_asked:
        raise UsageError(f"--act {drafts_asked[0]} is a draft and --no-drafts leaves drafts out: give one or the other")
    ws = open_workspace()
    chosen = scaffold.find(template, _templates_folder(ws))
    packs = load_packs(ws.root, pack)
    today = date.today()
    title = " ".join((title or f"Обзор за период {first:%d.%m.%Y} – {last:%d.%m.%Y}").split())
    target = _target(output, ws, scaffold.draft_name(title, today, chosen.suffix), chosen.kind)
    with ws.open_store() as store:
        versions = store.list()
        held = {v.act for v in versions}
        unknown = [a for a in acts if a not in held]
        if unknown:
            raise UsageError(f"--act {unknown[0]}: the store holds no version of it (see `lexwatch drafts list`)")
        found = scaffold.period_versions([v for v in versions if not acts or v.act in acts], first, last)
        data = scaffold.period_facts(store, found, title=title, since=first, until=last, kind=chosen.kind,
                                     packs=packs, flagged_only=flagged_only, context=context,
                                     drafts=not no_drafts, today=today)
    entries = scaffold.period_entries(data)
    if not entries and not data["unread"]:
        # a version stored in the period that changes nothing is not "nothing stored": the commentator
        # would look for a fetch that failed
        stored = [v for v in (*(new for _, new, _ in found.changed), *found.first)
                  if not (no_drafts and drafted(v.act, v.title))]
        asked = ("nothing a rule pack flags" if flagged_only else "no differences") if stored else "nothing stored"
        say(f"{first.isoformat()} – {last.isoformat()}: {asked} in the period; no draft written")
    else:
        articles = [a for e in entries for a in e["articles"]]
        flagged = sum(1 for a in articles if a["flags"])
        documents = len(entries) + len(data["unread"])
        _deliver(target, chosen, data, ws, f"{documents} document{'' if documents == 1 else 's'}, "
                 f"{len(articles)} article{'' if len(articles) == 1 else 's'} ({flagged} flagged)")
    # after the draft, or the line saying there is none (the quarter's laws may be the undated ones):
    # a template's error is its one line alone
    if data["undated"]:
        say(f"note: left out, stored without an edition date: {', '.join(data['undated'])} "
            "(`lexwatch add FILE --edition-date YYYY-MM-DD` dates a version)")


@commentary_app.command("templates")
def templates(as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False) -> None:
    """The templates drafts are made from: the workspace's commentary/templates/, then built-in ones."""
    from lexwatch.cli.context import console
    from lexwatch.commentary import scaffold

    found = scaffold.available(_templates_folder(_workspace()))
    if as_json:
        emit_json([{"name": t.name, "format": t.kind, "builtin": t.builtin, "path": str(t.path),
                    "description": t.description} for t in found])
        return
    out = console()
    width = max((len(t.name) for t in found), default=0)  # "commentary.html" or a longer one of the workspace's
    for t in found:
        where = "built-in" if t.builtin else str(t.path)
        out.print(f"{t.name:<{width}} {t.kind:<8} {where}", markup=False)
        description = t.description  # read from the template's file
        if description:
            out.print(f"{'':<{width}} {description}", markup=False)


@commentary_app.command("copy")
def copy(
    name: Annotated[str, typer.Argument(metavar="NAME", help="A built-in template: commentary, review…")],
) -> None:
    """Copy a built-in template into the workspace's commentary/templates/ to edit it; the copy is
    used from then on in its place."""
    from lexwatch.cli.context import open_workspace
    from lexwatch.commentary import scaffold
    from lexwatch.fsutil import atomic_write

    ws = open_workspace()
    folder = _templates_folder(ws)
    assert folder is not None
    builtin = scaffold.find(name, None)
    if not builtin.builtin:
        raise UsageError(f"{name}: copy takes a built-in template's name (`lexwatch commentary templates`)")
    target = folder / builtin.path.name
    try:
        atomic_write(target, builtin.path.read_bytes(), replace=False)
    except OSError as exc:
        if target.exists() or target.is_symlink():
            raise UsageError(f"{target} exists: it is the workspace's own {builtin.name} template already") from None
        # not the temp file beside it that the error names ("Read-only file system: …/.review.md.j2.….tmp")
        why = f"{folder} is not a folder" if isinstance(exc, FileExistsError) else exc.strerror or str(exc)
        raise UsageError(f"cannot write {target}: {why}") from None
    typer.echo(str(target))


def register(app: typer.Typer) -> None:
    app.add_typer(commentary_app, name="commentary")
