"""One name-keyed registry of diff renderers (duplicates refused) and what they share."""

from __future__ import annotations

import importlib
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from lexwatch.diff.model import ArticleDiff, DocumentDiff, Op
from lexwatch.diff.normalize import tokenize
from lexwatch.diff.words import word_counts
from lexwatch.errors import UsageError


@dataclass(frozen=True)
class RenderOptions:
    context: int | None = None    # words of unchanged text kept around a change; None = all
    changed_only: bool = False    # leave out pure renumberings and technical-only differences
    color: bool = False           # terminal: ANSI styles (only for a TTY)
    docx: bool = False            # table: a .docx instead of HTML


Renderer = Callable[[DocumentDiff, RenderOptions], "str | bytes"]
_RENDERERS: dict[str, Renderer] = {}


def register_renderer(name: str, renderer: Renderer) -> None:
    if name in _RENDERERS:
        raise ValueError(f"renderer {name!r} is already registered")
    _RENDERERS[name] = renderer


def renderer(name: str) -> Renderer:
    if not _RENDERERS:
        _register_builtin()
    try:
        return _RENDERERS[name]
    except KeyError:
        raise UsageError(f"unknown format {name!r} (choose from {', '.join(sorted(_RENDERERS))})") from None


def renderer_names() -> list[str]:
    if not _RENDERERS:
        _register_builtin()
    return sorted(_RENDERERS)


def _lazy(module: str, function: str) -> Renderer:
    """A renderer whose module is imported when it first renders: `--format json` then never
    loads the HTML and text renderers (start-up time)."""
    def render(diff: DocumentDiff, options: RenderOptions) -> str | bytes:
        real: Renderer = getattr(importlib.import_module(f"lexwatch.diff.{module}"), function)
        return real(diff, options)
    return render


def _register_builtin() -> None:
    register_renderer("json", _lazy("render_json", "render"))
    register_renderer("terminal", _lazy("render_text", "render_terminal"))
    register_renderer("markdown", _lazy("render_text", "render_markdown"))
    register_renderer("html", _lazy("render_html", "render_html"))
    register_renderer("table", _lazy("render_html", "render_table"))


def shown_articles(diff: DocumentDiff, options: RenderOptions) -> list[ArticleDiff]:
    """What a redline shows: not unchanged; flagged articles first, then document order."""
    items = [a for a in diff.articles if a.status != "unchanged"]
    if options.changed_only:
        items = [a for a in items if not a.technical and not (
            a.status == "renumbered" and all(k == "equal" for k, _ in a.ops) and not a.title_ops)]
    return sorted(items, key=lambda a: 0 if a.flags else 1)  # stable: document order kept


def label(item: ArticleDiff) -> str:
    """"Статья 130²", or "Статья 131 (была 130)" for a renumbered one."""
    old, new = item.old, item.new
    if old and new and old.number != new.number:
        return f"Статья {new.number.display} (была {old.number.display})"
    article = new or old
    return f"Статья {article.number.display}" if article else "Статья"


def one_line(item: ArticleDiff) -> str:
    """"added", "removed", "changed: +12 −3 words", "renumbered from 130"."""
    if item.status in ("added", "removed"):
        return item.status
    ins, dele = word_counts(item.ops + item.title_ops)
    words = f"+{ins} −{dele} words"
    if item.status == "renumbered":
        moved = f"renumbered from {item.old.number.display}" if item.old else "renumbered"
        return f"{moved}, {words}" if ins or dele else moved
    return f"changed{' (technical)' if item.technical else ''}: {words}"


def summary_line(diff: DocumentDiff) -> str:
    s = diff.summary()
    return (f"{diff.old.label} → {diff.new.label}: {s['changed']} changed, {s['added']} added, "
            f"{s['removed']} removed, {s['renumbered']} renumbered, {s['unchanged']} unchanged")


# Normalised text is one line; a redline reads better with each part, point and note on its own.
_BREAK_RE = re.compile(r"(?<=[.;:]) (?=(?:\d{1,3}(?:/\d{1,2})?[.)]|Примечани[ея]\.) )")


def display_ops(ops: list[Op]) -> list[Op]:
    """The same ops with a line break before parts ("2. "), points ("3) ") and notes."""
    return [(kind, _BREAK_RE.sub("\n", text)) for kind, text in ops]


def with_context(ops: list[Op], context: int | None) -> list[Op | None]:
    """Trim long equal runs to `context` words each side of a change; None marks a cut ("…")."""
    ops = display_ops(ops)
    if context is None:
        return list(ops)
    out: list[Op | None] = []
    last = len(ops) - 1
    for i, (kind, text) in enumerate(ops):
        if kind != "equal":
            out.append((kind, text))
            continue
        tokens = tokenize(text)
        keep_head = context if i > 0 else 0
        keep_tail = context if i < last else 0
        if len(tokens) <= keep_head + keep_tail + 1:
            out.append((kind, text))
            continue
        if keep_head:
            out.append((kind, "".join(tokens[:keep_head])))
        out.append(None)
        if keep_tail:
            out.append((kind, "".join(tokens[-keep_tail:])))
    return out


def notes_for(item: ArticleDiff) -> list[str]:
    """Flags and sanction changes as lines a person reads."""
    lines = []
    for flag in item.flags:
        lines.append(f"⚑ {flag.get('severity', '')} {flag.get('pack', '')}/{flag.get('rule', '')}"
                     f" ({flag.get('direction', '')}): {flag.get('evidence', '')}".replace("  ", " "))
    for sanction in item.sanctions:
        lines.append(f"⚖ {sanction.get('summary') or sanction.get('change', '')}")
    return lines


def to_json(diff: DocumentDiff) -> dict[str, Any]:
    """The JSON document (schema_version 1); every other format renders the same facts."""
    def article(item: ArticleDiff) -> dict[str, Any]:
        data: dict[str, Any] = {
            "status": item.status, "old_number": item.old_number, "new_number": item.new_number,
            "title": item.title, "ops": [[k, t] for k, t in item.ops],
            "matched_by": item.matched_by, "score": item.score, "technical": item.technical,
            "flags": item.flags, "sanctions": item.sanctions,
        }
        if item.title_ops:
            data["title_ops"] = [[k, t] for k, t in item.title_ops]
        return data

    def side(s: Any) -> dict[str, Any]:
        return {"id": s.id, "label": s.label, "articles": s.articles}

    return {
        "schema_version": diff.settings.get("schema_version", 1),
        "settings": diff.settings,
        "old": side(diff.old), "new": side(diff.new),
        "summary": diff.summary(),
        "articles": [article(a) for a in diff.articles if a.status != "unchanged"],
    }
