"""Portal HTML (NCPI markup: div.Section1, one <p class=…> per paragraph) -> typed blocks.

The paragraph classes of PORTAL.md are mapped here and nowhere else. A page without that markup is
read as plain paragraphs; the caller decides whether it is a legal text at all.
"""

from __future__ import annotations

import re

from lexwatch.ids import TO_SUPERSCRIPT
from lexwatch.text.blocks import Block, BlockKind, Extracted
from lexwatch.text.extract_txt import decode_text

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

_SUP_RE = re.compile(r"<sup\b[^>]*>\s*(\d{1,3})\s*</sup>", re.IGNORECASE)
_BR_RE = re.compile(r"<br\b[^>]*>", re.IGNORECASE)
_GENERIC_SELECTOR = "h1, h2, h3, h4, h5, h6, p, li, td, th, pre"


def _prepare(html: str) -> str:
    """Superscript numbers become Unicode superscripts (130<sup>2</sup> -> 130²); <br> a space."""
    html = _SUP_RE.sub(lambda m: m.group(1).translate(TO_SUPERSCRIPT), html)
    return _BR_RE.sub(" ", html)


def cut_short(html: str) -> bool:
    """A page that opens <html> and never closes its body or itself: cut off on the way (a proxy,
    a server that gave up mid-page) though the bytes announced all came. Read as it is, the articles
    after the cut would read as repealed."""
    head = html[:4096].lower()
    if "<html" not in head:
        return False
    tail = html[-65536:].lower()
    return "</body" not in tail and "</html" not in tail


def extract(data: bytes, name: str) -> Extracted:
    from selectolax.lexbor import LexborHTMLParser

    html, _ = decode_text(data, name)
    tree = LexborHTMLParser(_prepare(html))
    act = None
    marked = tree.css_first(REGNUM_SELECTOR)
    if marked is not None:
        act = (marked.attributes.get("data-regnum") or "").strip().upper() or None
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
    warnings = [f"paragraph classes read as article text: {', '.join(sorted(unknown))}"] if unknown else []
    if cut_short(html):
        warnings.append("the page breaks off before its end (no </html>): articles after the cut are missing")
    return Extracted(blocks=blocks, format="html", title=title, act=act, warnings=warnings, marked_up=True)


def _generic(tree: object, act: str | None) -> Extracted:
    """A page without portal markup: its block elements as plain paragraphs."""
    from selectolax.lexbor import LexborHTMLParser

    assert isinstance(tree, LexborHTMLParser)
    for junk in tree.css("script, style, nav, header, footer, noscript"):
        junk.decompose()
    # Innermost blocks only (lexbor's node.css() matches the node itself, hence "== 1").
    blocks = [Block(node.text(deep=True, separator=""))
              for node in tree.css(_GENERIC_SELECTOR) if len(node.css(_GENERIC_SELECTOR)) == 1]
    return Extracted(blocks=[b for b in blocks if b.text.strip()], format="html", act=act)
