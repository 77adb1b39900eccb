"""The terminal (rich) and markdown redlines."""

from __future__ import annotations

import io
import re
import string
import unicodedata
from dataclasses import replace
from typing import TYPE_CHECKING

from lexwatch.diff.model import ArticleDiff, DocumentDiff, Op
from lexwatch.diff.render import (
    RenderOptions,
    heading,
    notes_for,
    one_line,
    shown_articles,
    split_marks,
    summary_line,
    title_change,
    with_context,
)

if TYPE_CHECKING:
    from lexwatch.diff.history import HistoryEntry
    from lexwatch.ids import ArticleNumber


def render_terminal(diff: DocumentDiff, options: RenderOptions, *, summary: bool = True) -> str:
    """The redline for a terminal; without `summary`, its articles alone (a history shows each under
    its own line: the summary, wrapped at a terminal's width, is no single line to cut off)."""
    from rich.console import Console
    from rich.text import Text

    buffer = io.StringIO()
    # A terminal wraps a long line wherever its last column falls ("нек|оторые"): wrapped here
    # between words at its width instead; piped, a part stays one line (grep, a pager's own wrap).
    console = Console(file=buffer, force_terminal=options.color, no_color=not options.color,
                      highlight=False, soft_wrap=options.width is None, width=options.width or 100)
    if options.color and console.color_system is None:
        # A terminal that shows no styles (TERM=dumb): strike and underline would vanish, and the
        # changes with them; the markers of piped output keep them visible.
        options = replace(options, color=False)
    if summary:
        console.print(Text(summary_line(diff), style="bold"))
        if diff.name_ops:
            console.print(Text("Название: ") + _terminal_ops(diff.name_ops, options, False))
        for renamed in diff.headings:
            console.print(Text(f"{renamed.key}: ") + _terminal_ops(renamed.ops, options, False))
    for item in shown_articles(diff, options):
        console.print()
        console.print(Text(f"{heading(item)} — {one_line(item)}", style="bold"))
        for line in notes_for(item):
            console.print(Text(line, style="yellow"))
        if title_change(item):  # labelled, as in markdown and html: not a line of the article's text
            console.print(Text("Заголовок: ") + _terminal_ops(item.title_ops, options, item.technical))
        if item.ops:  # a side's "Статья 356¹. Исключена" has no text: no empty line under its heading
            console.print(_terminal_ops(item.ops, options, item.technical))
    return buffer.getvalue()


def _terminal_ops(ops: list[Op], options: RenderOptions, spacing: bool) -> object:
    from rich.text import Text

    text = Text()
    shown = with_context(ops, options.context, spacing)
    for (kind, chunk), (lead, core, trail) in zip(shown, split_marks(shown), strict=True):
        if kind == "equal":
            text.append(chunk)
            continue
        text.append(lead)
        if options.color:
            text.append(core, style="red strike" if kind == "delete" else "green underline")
        else:  # no colour when piped: git word-diff markers keep the change visible
            text.append(f"[-{core}-]" if kind == "delete" else f"{{+{core}+}}")
        text.append(trail)
    return text


_MD_LIST_RE = re.compile(r"(^|\n)((?:\*\*|~~|<strong>|<del>)?\d+)([.)])")
# "- 2 -" (a PDF's page number), "+", "===" or "---" opening a line: a list item, or the line of a
# heading under the text before it
_MD_LINE_MARK_RE = re.compile(r"(^|\n)((?:\*\*|~~|<strong>|<del>)?)([-+=])")


def md_escape(text: str) -> str:
    # "&" too: "&sect;" in a text would otherwise show as "§"
    for char in "\\`*_~[]<>#|&":
        text = text.replace(char, "\\" + char)
    return text


def _md_punct(char: str) -> bool:
    """Punctuation as CommonMark reads it beside a delimiter run."""
    return char in string.punctuation or unicodedata.category(char)[0] in "PS"


def _md_can_wrap(before: str, core: str, after: str) -> bool:
    """Whether "**core**" / "~~core~~" between `before` and `after` (a character each, "" at an
    edge) is read as emphasis: a mark beside punctuation inside it opens only after a space or
    punctuation, and closes only before one ("лет**, или**" would print its asterisks)."""
    if core[:1].isspace() or core[-1:].isspace():  # "** от пяти**" opens nothing: a space after "**"
        return False
    def free(char: str) -> bool:
        return not char or char.isspace() or _md_punct(char)
    opens = core[0].isalnum() or free(before)
    closes = core[-1].isalnum() or free(after)
    return opens and closes


# Where "**" or "~~" cannot be read as a mark, the HTML a markdown renderer makes of them.
_MD_MARKS = {"delete": ("~~", "~~", "<del>", "</del>"), "insert": ("**", "**", "<strong>", "</strong>")}


def md_ops(ops: list[Op], options: RenderOptions, spacing: bool) -> str:
    shown = with_context(ops, options.context, spacing)
    out: list[str] = []
    marks = split_marks(shown)
    for i, (kind, chunk) in enumerate(shown):
        if kind == "equal":
            out.append(md_escape(chunk))
            continue
        lead, core, trail = marks[i]
        core = md_escape(core)
        before = lead[-1:] or next((piece[-1] for piece in reversed(out) if piece), "")
        if trail:
            after = trail[0]
        elif i + 1 < len(shown):  # a change next: its mark is punctuation
            after = md_escape(shown[i + 1][1])[:1] if shown[i + 1][0] == "equal" else "*"
        else:
            after = ""
        mark_open, mark_close, tag_open, tag_close = _MD_MARKS[kind]
        if core.strip() and not _md_can_wrap(before, core, after):
            mark_open, mark_close = tag_open, tag_close
        out.append(f"{lead}{mark_open}{core}{mark_close}{trail}")
    # "1. " / "1) " at a line start would turn the article into a markdown list
    text = _MD_LIST_RE.sub(r"\1\2\\\3", "".join(out))
    return _MD_LINE_MARK_RE.sub(r"\1\2\\\3", text).replace("\n", "  \n")


_MD_LEGEND = "~~зачёркнуто~~ — исключено, **полужирным** — добавлено."


def render_markdown(diff: DocumentDiff, options: RenderOptions) -> str:
    lines = [f"# Редлайн: {md_escape(diff.old.label)} → {md_escape(diff.new.label)}", "",
             md_escape(summary_line(diff, russian=True)), ""]
    if diff.name_ops:
        lines += ["Название: " + md_ops(diff.name_ops, RenderOptions(context=None), False), ""]
    if diff.headings:
        lines += [*(f"- {md_escape(h.key)}: {md_ops(h.ops, RenderOptions(context=None), False)}"
                    for h in diff.headings), ""]
    lines += [_MD_LEGEND, ""]
    for item in shown_articles(diff, options):
        lines += _md_article(item, options, "##", diff.subjects)
    return "\n".join(lines)


def _md_article(item: ArticleDiff, options: RenderOptions, level: str,
                subjects: dict[tuple[str, str], str]) -> list[str]:
    """One article's redline: its heading at `level`, its summary, flags (named by what their rules
    watch, the diff's `subjects`) and sanction changes, a changed title, then its text."""
    lines = [f"{level} {heading(item, md_escape)}", "", f"*{md_escape(one_line(item, russian=True))}*", ""]
    lines += [f"- {md_escape(a)}" for a in notes_for(item, russian=True, subjects=subjects)]
    if item.flags or item.sanctions:
        lines.append("")
    if title_change(item):
        lines += ["Заголовок: " + md_ops(item.title_ops, options, item.technical), ""]
    return [*lines, md_ops(item.ops, options, item.technical), ""]


def history_markdown(number: ArticleNumber, act: str, entries: list[HistoryEntry]) -> str:
    """How one article evolved, as a document a commentator quotes: per version in which it changed
    (oldest first), the version against the one before it, then the article's redline."""
    lines = [f"# Статья {number.display}: редакции, в которых она менялась ({md_escape(act)})", ""]
    if not entries:
        return "\n".join([*lines, f"Статья {number.display} не менялась в сохранённых редакциях.", ""])
    lines += [_MD_LEGEND, ""]
    for entry in entries:
        diff = entry.diff
        when = f"{entry.version.edition_date:%d.%m.%Y}" if entry.version.edition_date else "без даты"
        lines += [f"## {when}: {md_escape(diff.new.label)} ({entry.version.short_id}):"
                  f" {md_escape(entry.summary_ru)}", "", f"В сравнении с редакцией {md_escape(diff.old.label)}.", ""]
        for item in diff.articles:
            lines += _md_article(item, RenderOptions(), "###", diff.subjects)
    return "\n".join(lines)
