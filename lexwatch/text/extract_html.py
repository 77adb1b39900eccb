"""Portal HTML (NCPI markup: div.Section1, one <p class=…> per paragraph) -> typed blocks.

The paragraph classes of PORTAL.md are mapped here and nowhere else. A page without that markup is
read as plain paragraphs; the caller decides whether it is a legal text at all.
"""

from __future__ import annotations

import re

from lexwatch.errors import InputError, UsageError
from lexwatch.ids import TO_SUPERSCRIPT, normalize_act
from lexwatch.text.blocks import Block, BlockKind, Extracted
from lexwatch.text.extract_txt import decode_text
from lexwatch.text.structure import strip_control_sequences

# Paragraph class -> what it is; None: not part of the text (table of contents, footnote rule).
CLASS_KINDS: dict[str, BlockKind | None] = {
    "titlek": BlockKind.TITLE,
    "part": BlockKind.PART,
    "zagrazdel": BlockKind.SECTION,
    "chapter": BlockKind.CHAPTER,
    "article": BlockKind.ARTICLE,
    "point": BlockKind.BODY,
    "underpoint": BlockKind.BODY,
    "newncpi": BlockKind.BODY,
    "newncpi0": BlockKind.BODY,
    "comment": BlockKind.NOTE,
    "prinodobren": BlockKind.BODY,
    "changei": BlockKind.BODY,
    "changeadd": BlockKind.BODY,
    "snoski": BlockKind.ASIDE,
    "snoskiline": None,
    "contentword": None,
    "contenttext": None,
    "newncpi2": BlockKind.OUTSIDE,
    "append": BlockKind.OUTSIDE,
    "append1": BlockKind.OUTSIDE,
    "titlep": BlockKind.OUTSIDE,
}
SECTION_SELECTOR = "div.Section1"
REGNUM_SELECTOR = "[data-regnum]"

# "[^<>]*", not "[^>]*": a "<sup" that never closes must not make each later "<sup" scan to the end of
# the page (a few hundred KB of "<sup " took minutes).
_SUP_RE = re.compile(r"<sup\b[^<>]*>\s*(\d{1,3})\s*</sup>", re.IGNORECASE)
_BR_RE = re.compile(r"<br\b[^<>]*>", re.IGNORECASE)
_GENERIC_SELECTOR = "h1, h2, h3, h4, h5, h6, p, li, td, th, pre"


def _prepare(html: str) -> str:
    """Superscript numbers become Unicode superscripts (130<sup>2</sup> -> 130²); <br> a space."""
    html = _SUP_RE.sub(lambda m: m.group(1).translate(TO_SUPERSCRIPT), html)
    return _BR_RE.sub(" ", html)


# lexbor checks the stack of open elements on every tag, so its parse time grows with the square of
# the nesting depth: 300 KB of unclosed <div> or <ul><li> kept it busy for minutes. Browsers stop
# nesting at 512 levels; a legal text needs a few dozen.
MAX_DEPTH = 2000
_TAG_RE = re.compile(r"<(/?)([a-zA-Z][a-zA-Z0-9]*)")
# Void elements never nest; these close themselves when a sibling starts (optional end tags).
_FLAT_TAGS = frozenset(("area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param",
                        "source", "track", "wbr", "p", "li", "dt", "dd", "tr", "td", "th", "tbody", "thead",
                        "tfoot", "colgroup", "caption", "option", "optgroup", "rb", "rt", "rp", "html", "head",
                        "body"))


def nesting_depth(html: str, limit: int = MAX_DEPTH) -> int:
    """How deep the page's elements nest (an upper bound: every open tag that is neither void nor
    self-closing by a sibling counts until its end tag), counted only as far as `limit` + 1."""
    if html.count("<") <= limit:
        return 0   # cannot nest deeper than it has tags
    depth = 0
    for m in _TAG_RE.finditer(html):
        if m.group(2).lower() in _FLAT_TAGS:
            continue
        if m.group(1):
            depth = depth - 1 if depth else 0
        else:
            depth += 1
            if depth > limit:
                return depth
    return 0


# Formatting elements left open (<b>, <i>, <font>, <a>) are opened again by the parser inside every
# paragraph that follows ("reconstruct the active formatting elements"): 1 500 <b id=N> before 2 000 <p>
# made 3 million elements, 1.1 GB in lexbor, from 23 KB. The parser keeps only three alike (same tag and
# attributes: a heading's every "<b>" left open is three, not one per heading), and one <a> or <nobr> (a
# new one closes the last): counted so, 1 500 headings each leaving "<b>" or "<a name=…>" open (230 KB,
# 19 500 elements in lexbor) are read, where they were refused. A real page leaves none or one open (the
# markup sample: 14 reopened in 1 993 tags); 200 000 is ~75 MB, ~0.15 s.
MAX_REOPENED = 200_000
_FORMATTING = frozenset(("a", "b", "big", "code", "em", "font", "i", "nobr", "s", "small", "strike", "strong", "tt",
                         "u"))
_ALIKE = 3
_ONE_OPEN = frozenset(("a", "nobr"))
_TAG_WRITTEN = re.compile(r"<(/?)([a-zA-Z][a-zA-Z0-9]*)([^<>]*)")  # with its attributes, up to ">" or "<"


def unparsable(html: str) -> str | None:
    """Why the HTML parser must not be given `html`, or None: elements nested so deep, or formatting
    tags left open so often, that parsing it would take hours or gigabytes (a hostile or broken page)."""
    if nesting_depth(html) > MAX_DEPTH:
        return f"HTML elements nested more than {MAX_DEPTH} levels deep (unclosed tags?)"
    if reopened_elements(html) > MAX_REOPENED:
        return (f"HTML formatting tags (<b>, <i>, <font>…) left open that the parser would open again in every"
                f" later paragraph (over {MAX_REOPENED:,} elements)")
    return None


def reopened_elements(html: str, limit: int = MAX_REOPENED) -> int:
    """How many elements the parser may open again for formatting tags left open (an upper bound: each
    tag after them counts every one still open, three alike at most), counted only as far as `limit` + 1."""
    tags = html.count("<")
    if tags * tags <= 4 * limit:
        return 0   # half of the tags open, the other half reopening them, cannot pass the limit
    opened: dict[str, list[str]] = {}   # by tag name, each still open as written ("<b id=7")
    alike: dict[str, int] = {}
    open_ = reopened = 0

    def close(name: str) -> int:
        written = opened[name].pop()
        alike[written] -= 1
        return -1 if alike[written] < _ALIKE else 0

    for m in _TAG_WRITTEN.finditer(html):
        name = m.group(2).lower()
        if name not in _FORMATTING:
            reopened += open_
            if reopened > limit:
                return reopened
        elif m.group(1):
            if opened.get(name):
                open_ += close(name)
        else:
            if name in _ONE_OPEN and opened.get(name):
                open_ += close(name)
            written = name + m.group(3)
            opened.setdefault(name, []).append(written)
            alike[written] = alike.get(written, 0) + 1
            open_ += alike[written] <= _ALIKE
    return 0


def cut_short(html: str) -> bool:
    """A page that opens <html> and never closes its body or itself: cut off on the way (a proxy,
    a server that gave up mid-page) though the bytes announced all came. Read as it is, the articles
    after the cut would read as repealed."""
    head = html[:4096].lower()
    if "<html" not in head:
        return False
    tail = html[-65536:].lower()
    return "</body" not in tail and "</html" not in tail


def _own_act(value: str) -> str | None:
    """The act a page's `data-regnum` names, if it is a register number or a draft's bank entry. Any
    other value is the page's words, not an act: stored as one, "../x", an escape sequence or a line
    break in it was printed with every version and could be named by no `--act`."""
    try:
        return normalize_act(value)  # ASCII: its patterns are
    except UsageError:
        return None


def extract(data: bytes, name: str) -> Extracted:
    from selectolax.lexbor import LexborHTMLParser

    html, _ = decode_text(data, name)
    refused = unparsable(html)
    if refused:
        raise InputError(f"{name}: {refused}; not a page lexwatch can read")
    tree = LexborHTMLParser(_prepare(html))
    marked = tree.css_first(REGNUM_SELECTOR)
    act = _own_act(marked.attributes.get("data-regnum") or "") if marked is not None else None
    root = tree.css_first(SECTION_SELECTOR)
    if root is None and tree.css_first("p.article") is not None:
        root = tree.body
    if root is None:
        return _generic(tree, act)
    blocks: list[Block] = []
    title = ""
    unknown: set[str] = set()
    for p in root.css("p"):
        classes = (p.attributes.get("class") or "").split()
        cls = classes[0] if classes else ""
        kind = CLASS_KINDS.get(cls, BlockKind.BODY)
        if cls not in CLASS_KINDS:
            unknown.add(cls or "(none)")
        if kind is None:
            continue
        text = p.text(deep=True, separator="")
        if not text.strip():
            continue
        if kind is BlockKind.TITLE and not title:
            title = " ".join(text.split())
        blocks.append(Block(text, kind))
    # class names are the page's words, printed by `add`: no escape sequence of theirs may go along
    named = ", ".join(sorted({strip_control_sequences(c) for c in unknown}))
    warnings = [f"paragraph classes read as article text: {named}"] if unknown else []
    if cut_short(html):
        warnings.append("the page breaks off before its end (no </html>): articles after the cut are missing")
    return Extracted(blocks=blocks, format="html", title=title, act=act, warnings=warnings, marked_up=True)


def _generic(tree: object, act: str | None) -> Extracted:
    """A page without portal markup: its block elements as plain paragraphs."""
    from selectolax.lexbor import LexborHTMLParser

    assert isinstance(tree, LexborHTMLParser)
    for junk in tree.css("script, style, nav, header, footer, noscript"):
        junk.decompose()
    # Innermost blocks only: a block with a block inside it is skipped. Each node's ancestors are
    # walked once (a walk stops at a node seen before), not each block's whole subtree searched,
    # which took seconds on tables nested a few thousand deep.
    nodes = tree.css(_GENERIC_SELECTOR)
    matched = {node.mem_id for node in nodes}
    seen: set[int] = set()
    outer: set[int] = set()
    for node in nodes:
        parent = node.parent
        while parent is not None and parent.mem_id not in seen:
            seen.add(parent.mem_id)
            if parent.mem_id in matched:
                outer.add(parent.mem_id)
            parent = parent.parent
    blocks = [Block(node.text(deep=True, separator="")) for node in nodes if node.mem_id not in outer]
    return Extracted(blocks=[b for b in blocks if b.text.strip()], format="html", act=act)
