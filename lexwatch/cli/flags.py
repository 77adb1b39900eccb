"""`lexwatch flags VERSION|FILE` and `lexwatch packs list`: what the rule packs find, and the packs."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from lexwatch.cli.context import STATE, console, emit_json
from lexwatch.errors import WorkspaceError

if TYPE_CHECKING:
    from lexwatch.diff.model import DocumentDiff
    from lexwatch.flags.packs import Pack

packs_app = typer.Typer(help="The rule packs flags come from.", no_args_is_help=True)

PackOption = Annotated[list[str] | None, typer.Option(
    "--pack", "-p", help="Only this rule pack (death-penalty, genocide…); repeatable.")]
JsonOption = Annotated[bool, typer.Option("--json", help="Print JSON.")]


def workspace_root() -> Path | None:
    """The workspace whose flags/*.toml packs apply, or None outside any workspace."""
    from lexwatch.workspace import Workspace

    try:
        return Workspace.find(STATE.workspace).root
    except WorkspaceError:
        if STATE.workspace is not None:
            raise
        return None


def annotate(diff: DocumentDiff, packs: list[str] | None, root: Path | None) -> list[Pack]:
    """The flags stage of `lexwatch diff`: flags and sanction changes on every changed article;
    returns the packs applied."""
    from lexwatch.flags import annotate_diff, load_packs

    loaded = load_packs(root if root is not None else workspace_root(), packs)
    annotate_diff(diff, loaded)
    return loaded


def _aimed(item: dict[str, Any]) -> str:
    """" → ч. 1 ст. 289 УК (п. 1 ст. 1 закона)" for a hit in an amendment instruction, else ""."""
    from lexwatch.flags.targets import pointing_to
    from lexwatch.ids import ArticleNumber

    if not item["targets"]:
        return ""
    where = [f"п. {item['instruction']}" if item["instruction"] else "",
             f"ст. {ArticleNumber.parse(item['article']).display}" if item["article"] else ""]
    via = " ".join(w for w in where if w)
    return pointing_to(item["targets"]) + (f" ({via} закона)" if via else "")


def flags_command(
    target: Annotated[str, typer.Argument(metavar="TARGET", help="A file, a sha256 prefix or REGNUM@YYYY-MM-DD.")],
    pack: PackOption = None,
    as_json: JsonOption = False,
) -> None:
    """What the rule packs find in one document. Exit 0 with or without hits (test --json in scripts)."""
    from lexwatch.cli.diff import Sides
    from lexwatch.flags import flag_document, grouped, load_packs

    packs = load_packs(workspace_root(), pack)
    sides = Sides(keep=False)
    try:
        doc, side = sides.load(target)
    finally:
        sides.close()
    label = side.label
    items = grouped(flag_document(doc, packs))
    if as_json:
        counts: dict[str, int] = {p.name: 0 for p in packs}
        for item in items:
            counts[item["pack"]] += 1
        emit_json({"document": label, "act": doc.act, "packs": [p.name for p in packs], "summary": counts,
                   "hits": items})
        return
    out = console()
    if not items:
        out.print(f"{label}: nothing flagged by {', '.join(p.name for p in packs)}", markup=False)
        return
    from lexwatch.ids import ArticleNumber

    out.print(f"{label}: {len(items)} flags", style="bold", markup=False)
    for item in items:
        where = f"Статья {ArticleNumber.parse(item['article']).display}" if item["article"] else "преамбула"
        times = f" ×{item['count']}" if item["count"] > 1 else ""
        out.print(f"{where:>13}  {item['severity']:<6} {item['pack']}/{item['rule']} ({item['direction']}){times}"
                  f"{_aimed(item)}: {item['evidence']}", markup=False)


@packs_app.command("list")
def list_packs(as_json: JsonOption = False) -> None:
    """The rule packs (shipped, and the workspace's flags/*.toml) and their rules."""
    from lexwatch.flags import available_packs

    packs = list(available_packs(workspace_root()).values())
    if as_json:
        emit_json([p.to_dict() for p in packs])
        return
    out = console()
    for p in packs:
        source = "" if p.source == "builtin" else f"  [{p.source}]"
        out.print(f"{p.name}{source}: {p.description}", style="bold", markup=False)
        for rule in p.rules:
            watched = [*(f"«{t}»" for t in rule.terms), *(f"ст. {a.display}" for a in rule.articles),
                       *(f"/{x}/" for x in rule.patterns)]
            out.print(f"  {rule.id:<24} {rule.severity:<6} {rule.description}", markup=False)
            out.print(f"  {'':<24} {'':<6} {', '.join(watched)}", markup=False, style="dim")


def register(app: typer.Typer) -> None:
    app.command("flags")(flags_command)
    app.add_typer(packs_app, name="packs")
