"""One name-keyed registry of diff renderers (duplicates refused) and what they share."""

from __future__ import annotations

import importlib
import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from lexwatch.diff.model import SCHEMA_VERSION, SEVERITY_ORDER, ArticleDiff, DocumentDiff, HeadingChange, Op
from lexwatch.diff.words import merge_ops, word_counts
from lexwatch.errors import UsageError
from lexwatch.ids import SUPERSCRIPT_DIGITS


@dataclass(frozen=True)
class RenderOptions:
    context: int | None = None    # words of unchanged text kept around a change; None = all
    changed_only: bool = False    # leave out pure renumberings and technical-only differences
    color: bool = False           # terminal: ANSI styles (only for a TTY)
    width: int | None = None      # terminal: wrap between words at this many columns (a TTY's);
                                  # None: a line a part, for a pipe, a pager or a file
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
    """What a redline shows: not unchanged; flagged articles first, the most severe flag first
    (a high flag on Art. 59 before a medium one on Art. 6), then those whose sanction changed, then
    the rest, each group in document order."""
    items = [a for a in diff.articles if listed(a, options)]
    # stable: document order kept within each group
    return sorted(items, key=lambda a: (min(SEVERITY_ORDER.get(f.get("severity", ""), 3) for f in a.flags)
                                        if a.flags else 4 if a.sanctions else 5))


def listed(item: ArticleDiff, options: RenderOptions) -> bool:
    """Whether an output lists the article: not unchanged, and with --changed-only neither a pure
    renumbering nor a technical-only difference."""
    if item.status == "unchanged":
        return False
    return not options.changed_only or not (item.technical or item.moved_only)


def label(item: ArticleDiff) -> str:
    """"Статья 130²", or "Статья 131 (была 130)" for a renumbered one."""
    old, new = item.old, item.new
    if old and new and old.number != new.number:
        return f"Статья {new.number.display} (была {old.number.display})"
    article = new or old
    return f"Статья {article.number.display}" if article else "Статья"


_REPEALED_RE = re.compile(r"(?:исключен[аоы]?|утратил[аио]? силу)\.?", re.IGNORECASE)


def shown_title(item: ArticleDiff) -> str:
    """The title a heading, a contents line or the table's first column names the article by: the
    new one, except for an article an edition repealed, whose new title is only "Исключена": then
    the title it had, "Оскорбление (исключена)", so a reader sees what was repealed."""
    old, new = item.old, item.new
    if old and new and old.title != new.title and _REPEALED_RE.fullmatch(new.title.strip()):
        return f"{old.title} ({new.title.strip().rstrip('.').lower()})"
    return item.title


def title_change(item: ArticleDiff) -> list[Op]:
    """The title's ops a redline shows under the heading ("Заголовок: …"): none for a repeal or a
    re-insertion, whose heading and line say it ("Повторность преступлений (исключена) — repealed"),
    where "[-Повторность преступлений-]{+Исключена+}" read as a rename. The JSON and the comparative
    table, which quotes each side whole, keep them."""
    return [] if item.repeal else item.title_ops


def heading(item: ArticleDiff, escape: Callable[[str], str] = str) -> str:
    """"Статья 130². Отрицание геноцида белорусского народа"; "Статья 1" for an article without a
    title (an amending law's), with no dangling ". ". `escape`: the output's own escaping."""
    title = shown_title(item)
    return f"{escape(label(item))}. {escape(title)}" if title else escape(label(item))


# The words of one_line and summary_line in a Russian document (a markdown or html redline, the
# comparative table, a history to quote); the terminal and json keep the English ones.
_RU = {"added": "новая статья", "removed": "нет в новой редакции", "changed": "изменена",
       "technical": " (технические правки)", "words": "слов +{} −{}", "renumbered": "перенумерована",
       "to": "в ст. {}", "from": "(прежде ст. {})", "repealed": "исключена", "re-inserted": "восстановлена"}
_EN = {"added": "added", "removed": "removed", "changed": "changed", "technical": " (technical)",
       "words": "+{} −{} words", "renumbered": "renumbered", "to": "to {}", "from": "from {}",
       "repealed": "repealed", "re-inserted": "re-inserted"}


def one_line(item: ArticleDiff, from_old: bool = False, russian: bool = False) -> str:
    """"added", "removed", "changed: +12 −3 words", "renumbered from 130" (or, told from the old
    number's side, "renumbered to 131"); `russian`: "изменена: слов +12 −3", "перенумерована
    (прежде ст. 130)". An edition that repeals the article ("Статья 361⁴. Исключена") or gives a
    repealed one a text again is "repealed", "re-inserted" ("исключена", "восстановлена"), as a
    lawyer says it, not a rewrite of its words (the JSON's status stays "changed")."""
    say = _RU if russian else _EN
    if item.status in ("added", "removed"):
        return say[item.status]
    if item.status == "changed" and item.repeal:
        return say[item.repeal]
    ins, dele = word_counts(item.ops + item.title_ops)
    words = say["words"].format(ins, dele)
    if item.status == "renumbered":
        moved = say["renumbered"]
        if item.old and item.new:
            moved += " " + (say["to"].format(item.new.number.display) if from_old else
                            say["from"].format(item.old.number.display))
        return f"{moved}, {words}" if ins or dele else moved
    return f"{say['changed']}{say['technical'] if item.technical else ''}: {words}"


# A renamed heading's kind, its key's first word ("ГЛАВА 31", "ЧАСТЬ ПЕРВАЯ"), as the Russian summary counts it
_KINDS_RU = {"часть": "частей", "раздел": "разделов", "подраздел": "подразделов", "глава": "глав"}


def _kinds_ru(headings: list[HeadingChange]) -> str:
    """What the renamed headings are, in the genitive a count takes: "глав", "разделов и глав",
    "частей, разделов и глав" (a part renamed is no "раздел или глава")."""
    kinds = {h.key.split()[0].lower() for h in headings}
    words = [word for kind, word in _KINDS_RU.items() if kind in kinds]
    if kinds - _KINDS_RU.keys():
        words.append("иных заголовков")
    return f"{', '.join(words[:-1])} и {words[-1]}" if len(words) > 1 else words[0]


def summary_line(diff: DocumentDiff, russian: bool = False) -> str:
    s = diff.summary()
    if russian:
        return (f"{diff.old.label} → {diff.new.label}: статей изменено {s['changed']}, новых {s['added']}, "
                f"нет в новой редакции {s['removed']}, перенумеровано {s['renumbered']}, "
                f"без изменений {s['unchanged']}" + ("; изменено название" if diff.name_ops else "")
                + (f"; переименовано {_kinds_ru(diff.headings)}: {len(diff.headings)}" if diff.headings else ""))
    return (f"{diff.old.label} → {diff.new.label}: {s['changed']} changed, {s['added']} added, "
            f"{s['removed']} removed, {s['renumbered']} renumbered, {s['unchanged']} unchanged"
            + ("; the act's name changed" if diff.name_ops else "")
            + (f"; {len(diff.headings)} heading{'s' * (len(diff.headings) > 1)} renamed" if diff.headings else ""))


# A part or point's own sub-number: "1/1." as a text or a PDF writes it, "5¹." and "12¹)" as the
# portal's <sup> reads.
_SUB_NUMBER = rf"(?:/\d{{1,2}}|[{SUPERSCRIPT_DIGITS}]{{1,2}})?"
# Normalised text is one line; a redline reads better with each part, point and note on its own.
_BREAK_RE = re.compile(rf"(?<=[.;:]) (?=(?:\d{{1,3}}(?:\.\d{{1,3}})*{_SUB_NUMBER}[.)]|Примечани[ея][.:]) )")


def _breaks(ops: list[Op]) -> list[int]:
    """Where (in the ops' texts joined) a space opens a part, point or note in the old text or in
    the new one, each read whole: a renumbered point "; [-11-]{+12+}) разглашение" starts a line
    although the joined texts read "; 1112) разглашение"."""
    found: set[int] = set()
    for side in ("delete", "insert"):
        side_starts: list[int] = []   # where each op of this side starts in the side's text
        joined_starts: list[int] = []  # and in the joined text
        pieces: list[str] = []
        side_at = joined_at = 0
        for kind, text in ops:
            if kind in ("equal", side):
                side_starts.append(side_at)
                joined_starts.append(joined_at)
                pieces.append(text)
                side_at += len(text)
            joined_at += len(text)
        for m in _BREAK_RE.finditer("".join(pieces)):
            i = bisect_right(side_starts, m.start()) - 1
            found.add(joined_starts[i] + m.start() - side_starts[i])
    return sorted(found)


def display_ops(ops: list[Op], spacing: bool = False) -> list[Op]:
    """The same ops with a line break before parts ("2. "), points ("3) ") and notes, as the old
    or the new text has them, also where the break falls between two ops (a note inserted after
    "…казнью.").

    Spacing is not a change (a redline of "2902–292" against "290/2 –292" shows no "{+ +}" after
    the dash): an insertion of whitespace alone reads as plain text and a deletion of whitespace
    alone is left out, unless `spacing` (a technical diff, whose changes are spacing)."""
    if not spacing and any(kind != "equal" and text.isspace() for kind, text in ops):
        ops = merge_ops([("equal", text) if kind == "insert" and text.isspace() else (kind, text)
                         for kind, text in ops if kind != "delete" or not text.isspace()])
    breaks = _breaks(ops)
    if not breaks:
        return list(ops)
    out: list[Op] = []
    offset = 0
    for kind, text in ops:
        first = bisect_left(breaks, offset)
        last = bisect_left(breaks, offset + len(text))
        if first < last:
            chars = list(text)
            for position in breaks[first:last]:
                chars[position - offset] = "\n"
            text = "".join(chars)
        offset += len(text)
        out.append((kind, text))
    return out


_WORD_RE = re.compile(r"\w+(?:-\w+)*")
ELLIPSIS = "…"


def _head_end(line: str, words: int) -> int:
    """Where the first `words` words of `line` end, with the punctuation closing the last one
    ("лет," keeps its comma); len(line) when it has no more words than that."""
    found = list(_WORD_RE.finditer(line))
    if len(found) <= words:
        return len(line)
    cut = found[words - 1].end() if words else 0
    while cut < len(line) and not line[cut].isspace() and not line[cut].isalnum():
        cut += 1
    return cut


_ENUMERATION_RE = re.compile(rf"\d{{1,3}}{_SUB_NUMBER}[.)] ")


def _tail_start(line: str, words: int) -> int:
    """Where the last `words` words of `line` start; 0 when it has no more words than that.
    A part or point number opening the line ("3. ", "2) ") is not counted as a word."""
    marker = _ENUMERATION_RE.match(line)
    found = list(_WORD_RE.finditer(line, marker.end() if marker else 0))
    if len(found) <= words:
        return 0
    return found[-words].start() if words else len(line)


def _spaced(before: str, after: str, line: str) -> str:
    """`before` … `after`: a space on a side of the ellipsis where words are kept on that side, or
    where nothing is (--context 0) but `line` itself starts or ends with a space. A change that
    ends with its own space is then followed by "…", not by a second space ("либо+}  …")."""
    left = " " if before or line[:1].isspace() else ""
    right = " " if after or line[-1:].isspace() else ""
    return f"{before}{left}{ELLIPSIS}{right}{after}"


def _cut_head(line: str, words: int) -> str:
    end = _head_end(line, words)
    return line if end == len(line) else _spaced(line[:end].rstrip(), "", line.rstrip())


def _cut_tail(line: str, words: int) -> str:
    """The last `words` words of `line` after "…"; the part or point number opening the line
    stays ("2. … наказываются"), so a quote still says which part it comes from."""
    start = _tail_start(line, words)
    if start == 0:
        return line
    marker = _ENUMERATION_RE.match(line)
    return (marker.group(0) if marker else "") + _spaced("", line[start:].lstrip(), line.lstrip())


def _trim_equal(text: str, words: int, before: bool, after: bool) -> str:
    """One unchanged run cut to `words` words after the change before it and before the change
    after it, never across a line break: the lines that changed are shown, unchanged lines in
    between become one "…" line."""
    lines = text.split("\n")
    if len(lines) == 1:
        if before and after:
            end, start = _head_end(text, words), _tail_start(text, words)
            if end >= len(text) or start <= end:
                return text
            return _spaced(text[:end].rstrip(), text[start:].lstrip(), text)
        if before:
            return _cut_head(text, words)
        return _cut_tail(text, words) if after else text
    dropped = len(lines) - 2 + (not before) + (not after)
    out = _cut_head(lines[0], words) if before else ""
    out += f"\n{ELLIPSIS}\n" if dropped else "\n"
    out += _cut_tail(lines[-1], words) if after else ""
    # The line break at an end stays where a change follows or precedes on its own line.
    if not before:
        out = out.removeprefix("\n")
    return out if after else out.removesuffix("\n")


def with_context(ops: list[Op], context: int | None, spacing: bool = False) -> list[Op]:
    """Ops for display (a line per part, point and note; see display_ops for `spacing`); with
    `context`, each unchanged run is trimmed to that many words around the changes next to it
    (see _trim_equal)."""
    ops = display_ops(ops, spacing)
    if context is None:
        return ops
    last = len(ops) - 1
    return [(kind, _trim_equal(text, context, i > 0, i < last) if kind == "equal" else text)
            for i, (kind, text) in enumerate(ops)]


# A flag's direction and severity in a Russian document, in the commentary templates' words.
_DIRECTION_RU = {"added": "введено", "removed": "исключено", "changed": "изменено", "present": "упоминается"}
_SEVERITY_RU = {"high": "высокая", "medium": "средняя", "low": "низкая"}


def _subject(flag: dict[str, Any], subjects: Mapping[tuple[str, str], str]) -> str:
    """What a flag's rule watches, in its pack's words; "pack/rule" when the diff does not know the rule."""
    pack, rule = flag.get("pack", ""), flag.get("rule", "")
    return subjects.get((pack, rule)) or f"{pack}/{rule}"


def _flag_ru(flag: dict[str, Any], subjects: Mapping[tuple[str, str], str], evidence: bool) -> str:
    """"⚑ Отрицание геноцида белорусского народа (ст. 130²) — введено, значимость высокая: «…»": the
    rule named by what its pack says it watches (a workspace pack's own words, whatever language
    they are in), "pack/rule" when the diff does not know the rule."""
    direction, severity = flag.get("direction", ""), flag.get("severity", "")
    said = (f"⚑ {_subject(flag, subjects)} — {_DIRECTION_RU.get(direction, direction)}, "
            f"значимость {_SEVERITY_RU.get(severity, severity)}")
    return f"{said}: «{flag.get('evidence', '')}»" if evidence else said


def flag_names(item: ArticleDiff, subjects: Mapping[tuple[str, str], str]) -> list[str]:
    """What an article's flags watch, each once, most severe first ("Смертная казнь", "pack/rule"
    when the diff does not know the rule): a contents line says which articles to read first."""
    flags = sorted(item.flags, key=lambda f: SEVERITY_ORDER.get(f.get("severity", ""), 3))
    return list(dict.fromkeys(_subject(f, subjects) for f in flags))


def notes_for(item: ArticleDiff, russian: bool = False,
              subjects: Mapping[tuple[str, str], str] | None = None, evidence: bool = True) -> list[str]:
    """Flags and sanction changes as lines a person reads; `russian`: the lines of a Russian
    document (a markdown or html redline, the comparative table, a history to quote) in Russian,
    each flag named by its rule's description from `subjects` (the diff's) and each sanction change
    as the flags stage writes it beside the English one. Without `evidence` a Russian flag does not
    quote its words: the comparative table's narrow first column, beside the wording that holds them."""
    lines = []
    for flag in item.flags:
        lines.append(_flag_ru(flag, subjects or {}, evidence) if russian else
                     f"⚑ {flag.get('severity', '')} {flag.get('pack', '')}/{flag.get('rule', '')}"
                     f" ({flag.get('direction', '')}): {flag.get('evidence', '')}".replace("  ", " "))
    for sanction in item.sanctions:
        said = (sanction.get("summary_ru") if russian else None) or sanction.get("summary")
        lines.append(f"⚖ {said or sanction.get('change', '')}")
    return lines


def to_json(diff: DocumentDiff, options: RenderOptions | None = None) -> dict[str, Any]:
    """The JSON document (schema_version 1); every other format renders the same facts. The
    summary counts every article; `articles` lists those the options list (in document order)."""
    options = options or RenderOptions()
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

    data: dict[str, Any] = {
        "schema_version": SCHEMA_VERSION,
        "settings": diff.settings,
        "old": side(diff.old), "new": side(diff.new),
        "summary": diff.summary(),
    }
    if diff.name_ops:  # only when the act was renamed, as an article's title_ops
        data["name_ops"] = [[k, t] for k, t in diff.name_ops]
    if diff.headings:  # only when a part, section or chapter was renamed
        data["headings"] = [{**h.named(), "ops": [[k, t] for k, t in h.ops]} for h in diff.headings]
    data["articles"] = [article(a) for a in diff.articles if listed(a, options)]
    return data


def _split_space(text: str) -> tuple[str, str, str]:
    """Keep surrounding spaces outside a mark: "~~слово~~ ", not "~~слово ~~"."""
    core = text.strip()
    if not core:  # spacing alone (a technical diff shows it): the mark goes round the space
        return "", text, ""
    lead = text[:len(text) - len(text.lstrip())]
    trail = text[len(text.rstrip()):]
    return lead, core, trail


def split_marks(shown: list[Op], one_side: bool = False) -> list[tuple[str, str, str]]:
    """(lead, core, trail) of each op, the mark to go round `core`. Spaces go outside a mark when
    both sides of the text have them there; a space only one side has stays inside its mark, or the
    other side would be misquoted: "от десяти[- – до пятидесятикратного-]{+- до двадцатикратного+}"
    (2022 prints "десяти- до"), but "от десяти [-– до-]{+и+} размера" (both have the space). So does
    the space of a change between words it touches (see _joins_words), except in a text that quotes
    `one_side` whole (a column of the comparative table), where nothing is read into another side."""
    parts = [_split_space(text) if kind != "equal" else ("", text, "") for kind, text in shown]
    for i in range(len(shown) - 1):
        if (shown[i][0], shown[i + 1][0]) != ("delete", "insert"):
            continue
        (dl, dc, dt), (il, ic, it) = parts[i], parts[i + 1]
        if not dc.strip() or not ic.strip():  # spacing alone: _split_space keeps it in the mark
            continue
        if dl == il:
            dl, il = dl, ""  # the shared space once, before both marks
        else:
            dl, dc, il, ic = "", dl + dc, "", il + ic
        if dt == it:
            dt = ""  # once, after both marks
        else:
            dc, dt, ic, it = dc + dt, "", ic + it, ""
        parts[i], parts[i + 1] = (dl, dc, dt), (il, ic, it)
    for i, (kind, _) in enumerate(shown):
        lead, core, trail = parts[i]
        if kind != "equal" and not one_side and "\n" not in lead + trail and _joins_words(shown, i):
            parts[i] = ("", lead + core + trail, "")
    return parts


def _joins_words(shown: list[Op], i: int) -> bool:
    """Whether the change at `i` stands alone between two unchanged texts that touch it with no
    space ("срок{+ до двух лет+}." against "срок."): a space at its edge put outside its mark would
    be read into the other side ("на срок ."). A line break stays outside (a mark round one breaks a
    markdown line), and so does a space beside an unchanged one (the two read as one)."""
    if not 0 < i < len(shown) - 1 or shown[i - 1][0] != "equal" or shown[i + 1][0] != "equal":
        return False
    before, after = shown[i - 1][1][-1:], shown[i + 1][1][:1]
    return before != "" and after != "" and not before.isspace() and not after.isspace()
