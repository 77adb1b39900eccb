"""PDF (pypdf) -> paragraphs: lines rebuilt from text positions, running heads, footers and page numbers
dropped, footnotes set apart, paragraphs found by first-line indents, hyphenated line breaks joined.

Columns are read in the order pypdf gives (the content stream's order), which is the reading order
for the portal's two-column publications.
"""

from __future__ import annotations

import bisect
import itertools
import re
import statistics
from collections import Counter
from dataclasses import dataclass, field
from functools import cache
from io import BytesIO
from typing import TYPE_CHECKING, Any

from lexwatch.errors import EncryptedPdfError, InputError, NoTextLayerError
from lexwatch.ids import TO_SUPERSCRIPT
from lexwatch.morph import hyphenated
from lexwatch.text.blocks import Block, BlockKind, Extracted
from lexwatch.text.model import collapse_ws
from lexwatch.text.structure import DRAFT_MARK, kind_of, strip_control_sequences

if TYPE_CHECKING:
    from pypdf import PageObject, PdfReader

_PAGE_NUMBER = re.compile(r"^[-–—\s]*(?:(?:стр\.?|страница|с\.)\s*)?(\d{1,4})(?:\s*(?:из|/)\s*\d{1,4})?[-–—\s]*$",
                          re.IGNORECASE)
_WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")
_EDGE_LINES = 2          # lines at the top and at the bottom of a page that may be heads or footers
_INDENT = 2.0            # points: a line starting this far right of its column's margin opens a paragraph
_COLUMN_GAP = 60.0       # points: start positions further apart than this are different columns
_BREAK_AFTER = (".", ";", ":", "–", "—", "-")
# Work a PDF may ask for: decoded page content up to 16 times the file's size (at least 8 MiB),
# every page counted at 4 KiB at least, and one drawing operation per 16 bytes of that (forms
# included; drawing a form costs pypdf as much as a thousand operations). A real text PDF needs a
# fraction of it; a decompression bomb (a small file whose pages share one huge compressed content
# stream, or call one form a million times) would keep pypdf busy for hours.
_CONTENT_RATIO = 16
_CONTENT_FLOOR = 8 * 1024 * 1024
_PAGE_COST = 4096
_BYTES_PER_OPERATION = 16
_FORM_COST = 1024
_LAST_WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*-?\u00ad?$")
_LONGEST_WORD = 100
_TAIL = 512              # characters of a paragraph's end that joining a wrapped line may look at
# A footnote: smaller print below a page's last line of body text, opened by its mark ("*Части статей…",
# "¹ …", "1 Статья…" but not "1. …", a numbered part, nor "26 мая 2021 г.", a footnote's wrapped line
# or a row of a table), perhaps under a rule typed as underscores.
_FOOTNOTE = re.compile(r"^(?:\*{1,3}|[¹²³⁴⁵⁶⁷⁸⁹]{1,2}|\d{1,2}(?=\s*[A-ZА-ЯЁ]))")
_RULE = re.compile(r"^[_—–-]{5,}$")
_SMALL = 0.85            # a line printed under this share of the body's font size is small print
_MARKER = re.compile(r"^(?:\d{1,3}(?:/\d{1,3}|[⁰¹²³⁴⁵⁶⁷⁸⁹]{1,3})?[.)]\s|наказыва|Примечани)")


@dataclass
class TextLine:
    x: float
    y: float
    size: float
    parts: list[str] = field(default_factory=list)

    @property
    def text(self) -> str:
        return collapse_ws("".join(self.parts))


@cache
def _quiet_pypdf() -> None:
    """pypdf logs what it repairs or cannot read ("EOF marker not found") as warnings, and with no
    logging set up Python prints them on stderr above lexwatch's own one-line error. A NullHandler
    keeps them off the terminal; a program that sets up logging still gets them."""
    import logging

    logging.getLogger("pypdf").addHandler(logging.NullHandler())


def _open(data: bytes, name: str) -> PdfReader:
    from pypdf import PdfReader
    from pypdf.errors import DependencyError, PdfReadError

    _quiet_pypdf()
    try:
        reader = PdfReader(BytesIO(data))
        encrypted = reader.is_encrypted
    except Exception as exc:   # pypdf raises AttributeError, TypeError, ... on a damaged file too
        raise _unreadable(exc, name) from None
    if encrypted:
        try:
            opened = bool(reader.decrypt(""))   # an owner-password-only PDF opens with an empty password
        except (DependencyError, NotImplementedError, PdfReadError):
            opened = False
        except Exception as exc:
            raise _unreadable(exc, name) from None
        if not opened:
            raise EncryptedPdfError(f"{name}: the PDF is encrypted (password-protected); "
                                    "save an unprotected copy (e.g. qpdf --decrypt) and add that")
    return reader


def _unreadable(exc: Exception, name: str, page: int | None = None) -> Exception:
    """A damaged PDF as one InputError line; an exception raised by lexwatch's own code is not the
    file's fault and is returned as it is (a bug must not read as a broken file)."""
    tb = exc.__traceback__
    while tb is not None and tb.tb_next is not None:
        tb = tb.tb_next
    if tb is not None and str(tb.tb_frame.f_globals.get("__name__", "")).startswith("lexwatch."):
        return exc
    detail = "" if isinstance(exc, AssertionError) else " ".join(strip_control_sequences(str(exc)).split())
    detail = detail[:150] + "…" if len(detail) > 150 else detail or f"pypdf: {type(exc).__name__}"
    where = f"page {page}: " if page is not None else ""
    return InputError(f"{name}: not a readable PDF ({where}{detail})")


class _OverBudget(BaseException):
    """Raised from inside pypdf's extraction; a BaseException so that pypdf, which turns an
    Exception in a form into a warning and goes on, does not swallow it."""


class _Budget:
    def __init__(self, size: int) -> None:
        self.content = max(_CONTENT_FLOOR, _CONTENT_RATIO * size)
        self.operations = self.content // _BYTES_PER_OPERATION
        self.used = 0
        self.done = 0
        self._images: set[object] = set()  # the page's image XObjects: drawing one is cheap

    def page(self, page: PageObject) -> None:
        try:
            contents = page.get_contents()
            size = len(contents.get_data()) if contents is not None else 0
        except Exception:  # a broken page: extract_text copes with it, or says so
            size = 0
        self.used += max(size, _PAGE_COST)
        if self.used > self.content:
            raise _OverBudget
        self._images = set()
        try:
            xobjects: Any = page["/Resources"].get_object()["/XObject"].get_object()  # type: ignore[index]
            self._images = {name for name, ref in xobjects.items() if ref.get_object().get("/Subtype") == "/Image"}
        except Exception:  # no XObjects, or broken ones
            pass

    def operation(self, operator: object, operands: object, *_matrices: object) -> None:
        cost = 1
        if operator == b"Do" and not (isinstance(operands, list) and operands and operands[0] in self._images):
            cost = _FORM_COST
        self.done += cost
        if self.done > self.operations:
            raise _OverBudget


def _page_lines(page: PageObject, budget: _Budget | None = None) -> list[TextLine]:
    """The page's lines in content-stream order, with where each starts and its font size."""
    lines: list[TextLine] = []

    def visit(text: str, cm: list[float], tm: list[float], font: object, font_size: float) -> None:
        pieces = text.split("\n")
        for k, piece in enumerate(pieces):
            if not piece or (k == len(pieces) - 1 and k > 0 and not piece.strip()):
                continue
            x = tm[4] * cm[0] + tm[5] * cm[2] + cm[4]
            y = tm[4] * cm[1] + tm[5] * cm[3] + cm[5] - k * font_size
            size = font_size * (abs(tm[3] * cm[3]) or 1.0)
            cur = lines[-1] if lines else None
            if cur is not None and k == 0:
                small_digits = piece.strip().isdigit() and size < 0.85 * cur.size
                after_digit = bool(cur.parts) and cur.parts[-1][-1:].isdigit()
                if small_digits and after_digit and -0.3 * cur.size <= y - cur.y < cur.size:
                    cur.parts.append(piece.strip().translate(TO_SUPERSCRIPT))   # a raised sub-number
                    continue
                if abs(y - cur.y) <= 0.3 * max(cur.size, size):
                    if not "".join(cur.parts).strip():   # pypdf opens a line with a space of the last font
                        cur.x, cur.size = x, size
                    cur.parts.append(piece)
                    continue
            lines.append(TextLine(x, y, size, [piece]))

    if budget is not None:
        budget.page(page)
    page.extract_text(visitor_text=visit, visitor_operand_before=budget.operation if budget else None)
    return [line for line in lines if line.text]


def _edges(lines: list[TextLine]) -> set[int]:
    by_height = sorted(range(len(lines)), key=lambda i: -lines[i].y)
    return set(by_height[:_EDGE_LINES] + by_height[-_EDGE_LINES:])


def _drop_page_furniture(pages: list[list[TextLine]]) -> list[list[TextLine]]:
    """Remove running heads/footers (repeated on most pages) and page numbers at page edges."""
    def key(line: TextLine) -> str:
        return re.sub(r"\d+", "#", line.text)

    counts: Counter[str] = Counter()
    for lines in pages:
        counts.update({key(lines[i]) for i in _edges(lines)})
    threshold = max(2, len(pages) // 2 + 1)
    running = {k for k, n in counts.items() if n >= threshold}
    if len(pages) == 1:  # nothing repeats on one page: a head drawn after the text it stands above
        for head in _head_drawn_last(pages[0]):
            if DRAFT_MARK.fullmatch(head.text.strip()):  # a draft's "ПРОЕКТ": read where it stands, above
                pages = [[head, *(line for line in pages[0] if line is not head)]]  # the title
            else:
                running.add(key(head))

    offsets: Counter[int] = Counter()
    numbered: set[int] = set()
    kept_pages: list[list[TextLine]] = []
    for index, lines in enumerate(pages):
        edges = _edges(lines)
        kept = []
        for i, line in enumerate(lines):
            if i in edges:
                m = _PAGE_NUMBER.match(line.text)
                if m:
                    offsets[int(m.group(1)) - index] += 1
                    numbered.add(index)
                    continue
                if key(line) in running:
                    continue
            kept.append(line)
        kept_pages.append(kept)
    # A page number glued to the first or last words of a page ("17 лишением свободы"): only when
    # the other pages show which number this page carries.
    if offsets and offsets.most_common(1)[0][1] >= 2:
        offset = offsets.most_common(1)[0][0]
        for index, lines in enumerate(kept_pages):
            if index in numbered or not lines:
                continue
            label = str(index + offset)
            _unglue(lines[0], label, at_start=True)
            _unglue(lines[-1], label, at_start=False)
    return kept_pages


def _head_drawn_last(lines: list[TextLine]) -> list[TextLine]:
    """A one-page document's running head (a short law's PDF: "Закон Республики Беларусь от 5 января 2022 г.
    № 146-З" in small print above the title), which repeats on no other page: the page's top line when the
    page draws it after lines below it and in smaller print than the text's, or a draft's "ПРОЕКТ" so drawn
    in any print (a stamp). Read in stream order it was the last article's last line (and its words
    flagged there)."""
    if len(lines) < 3:
        return []
    top = max(range(len(lines)), key=lambda i: lines[i].y)
    body = statistics.median(line.size for line in lines)
    drawn_after = any(lines[i].y < lines[top].y for i in range(top))
    small = lines[top].size < body or DRAFT_MARK.fullmatch(lines[top].text.strip()) is not None
    return [lines[top]] if top > 0 and drawn_after and small else []


def _unglue(line: TextLine, label: str, *, at_start: bool) -> None:
    """Cut the page number off a line it was printed on: set apart by a wide gap, or (at the start)
    followed by a lower-case word, which no sentence starts with."""
    raw = "".join(line.parts).strip()
    if at_start and raw.startswith(label + " "):
        rest = raw[len(label):]
        body = rest.lstrip()
        if rest.startswith("  ") or body[:1].islower():
            line.parts = [body]
            line.x += (len(raw) - len(body)) * line.size * 0.5   # where the words really start
    elif not at_start and raw.endswith("  " + label):
        line.parts = [raw[:-len(label)].rstrip()]


def _margins(lines: list[TextLine]) -> list[float]:
    """The left margin of each column: the leftmost common start position of each cluster."""
    counts = Counter(round(line.x) for line in lines)
    common = sorted(x for x, n in counts.items() if n >= max(2, len(lines) // 50))
    margins: list[float] = []
    for x in common:
        if not margins or x - margins[-1] > _COLUMN_GAP:
            margins.append(float(x))
    return margins or [min((line.x for line in lines), default=0.0)]


def _indent(line: TextLine, margins: list[float]) -> float:
    margin = max((m for m in margins if m <= line.x + 0.5), default=margins[0])
    return line.x - margin


def _broken_word(paragraph: str, line: str) -> bool:
    """Whether the paragraph ends in a word broken with a hyphen that the line goes on with: in lower case,
    or in capitals after capitals ("ЗДО-" + "РОВЬЯ"); not a dash ("действий, -") nor a rule ("-----")."""
    return (paragraph.endswith(("-", "\u00ad")) and len(paragraph) > 1 and paragraph[-2].isalpha()
            and (line[:1].islower() or (paragraph[-2].isupper() and line[:2].isupper())))


def join_wrapped(paragraph: str, line: str, vocabulary: set[str]) -> str:
    """Join a wrapped line; 'нака-' + 'зывается' -> 'наказывается', 'военно-' + 'промышленный' keeps
    its hyphen when the document writes the word with it elsewhere, or when the dictionary says
    it is a hyphenated word (lexwatch.morph.hyphenated) and the document does not write it joined."""
    if _broken_word(paragraph, line):
        # the last word, looked for in the paragraph's end only (no word is _LONGEST_WORD long)
        head_match = _LAST_WORD.search(paragraph, max(0, len(paragraph) - _LONGEST_WORD))
        tail_match = _WORD.match(line)
        if head_match and tail_match and paragraph.endswith("-"):
            head = head_match.group(0)[:-1].lower()
            tail = tail_match.group(0).lower()
            if f"{head}{tail}" in vocabulary:
                return paragraph[:-1] + line
            if f"{head}-{tail}" in vocabulary or hyphenated(head.rsplit("-", 1)[-1], tail):
                return paragraph + line
        return paragraph[:-1] + line
    return f"{paragraph} {line}"


def _is_heading(text: str) -> bool:
    return kind_of(text) is not BlockKind.BODY


_WRAPPING_HEADINGS = (BlockKind.PART, BlockKind.SECTION, BlockKind.CHAPTER)


# Above a law's first article: its name ("О внесении изменений в Закон Республики Беларусь" centred,
# "«О противодействии экстремизму»" centred under it) and the lines of its adoption, each its own
# paragraph as the text and the portal's page give them
_NAME_LINE = re.compile(r"^Об? ")
_ADOPTED_LINE = re.compile(r"^(?:Принят|Одобрен|Утвержден)[а-я]* ")


def _front_matter_break(paragraph: str, line: str) -> bool | None:
    """Above the first article: True where `line` starts a paragraph of its own (an adoption line, which
    a left margin would join to the name above it), False where it goes on with the law's name (a
    centred name wrapped: its next line reads as indented), None where the usual rules decide."""
    if _ADOPTED_LINE.match(line):
        return True
    if _NAME_LINE.match(paragraph) and not _ADOPTED_LINE.match(paragraph) and (
            line[:1].islower() or line[:1] in "«(\"") and not _is_heading(line):
        return False
    return None


def _continues_heading(heading: str, line: str) -> bool:
    """A centred heading's next line (centred too, so it reads as indented) goes on in lower case, or
    in capitals under a heading in capitals: no text after a heading starts so."""
    return line[:1].islower() or (heading.isupper() and line.isupper() and not _is_heading(line))


def _finishes_word(paragraph: str, line: str, vocabulary: set[str]) -> bool:
    """A line that ends the word broken at the paragraph's end, though it reads as a new paragraph (a centred
    title's second line reads as indented: "УГОЛОВНЫЙ КОДЕКС РЕСПУБЛИКИ БЕ-" + "ЛАРУСЬ"): in capitals after
    capitals, or in lower case when joining drops the hyphen; not a heading, nor the next paragraph after
    a dash typed as a hyphen ("действий-" + "наказывается", which join_wrapped keeps hyphenated)."""
    if not _broken_word(paragraph, line) or _is_heading(line):
        return False
    return line.isupper() or join_wrapped(paragraph, line, vocabulary) == paragraph[:-1] + line


def _gaps(lines: list[TextLine]) -> list[bool]:
    """Whether a line sits below a blank space taller than the usual line spacing."""
    steps = [a.y - b.y for a, b in itertools.pairwise(lines) if 0 < a.y - b.y < 3 * a.size]
    if not steps:
        return [False] * len(lines)
    leading = statistics.median(steps)
    return [False] + [1.6 * leading < a.y - b.y < 3 * a.size + 4 * leading
                      for a, b in itertools.pairwise(lines)]


def paragraphs(lines: list[TextLine]) -> list[str]:
    """Wrapped lines -> paragraphs: a new one at a first-line indent, after a blank space or at a
    heading; else the line continues the paragraph."""
    if not lines:
        return []
    margins = _margins(lines)
    indents = [_indent(line, margins) > _INDENT for line in lines]
    by_indent = sum(indents) >= max(2, len(lines) // 20)
    texts = [line.text for line in lines]
    vocabulary = {w.lower() for text in texts for w in _WORD.findall(text)}
    # Without indents, a line much shorter than a full one ends its paragraph.
    lengths = sorted(len(text) for text in texts)
    full = lengths[int(len(lengths) * 0.9)] if lengths else 0
    out: list[str] = []
    # A long paragraph's text is kept in `spilled` but for its last _TAIL characters in out[-1]: a
    # line is joined on to that tail (join_wrapped reads only a paragraph's end), not on to a copy
    # of the whole paragraph, which made a paragraph of 100 000 lines take minutes.
    spilled: list[str] = []
    previous_line = ""
    in_heading = False   # out[-1] is a part, section or chapter heading, which may wrap centred
    front = True         # above the first article: a law's name and the lines of its adoption
    for text, indented, gap in zip(texts, indents, _gaps(lines), strict=True):
        front = front and kind_of(text) is not BlockKind.ARTICLE
        if not out:
            out.append(text)
            previous_line = text
            in_heading = kind_of(text) in _WRAPPING_HEADINGS
            continue
        prev = out[-1]
        broken = _front_matter_break(prev, text) if front else None
        if gap:
            new = True
        elif broken is not None:
            new = broken
        elif in_heading:
            new = not _continues_heading(prev, text)
        elif by_indent:
            new = (indented or _is_heading(text)) and not _finishes_word(prev, text, vocabulary)
        else:
            new = (_is_heading(text) or len(previous_line) < 0.7 * full or (
                prev.endswith(_BREAK_AFTER) and not prev.endswith("-") and bool(_MARKER.match(text)))) \
                and not _finishes_word(prev, text, vocabulary)
        previous_line = text
        if new:
            if spilled:
                out[-1] = "".join(spilled) + out[-1]
                spilled.clear()
            out.append(text)
            in_heading = kind_of(text) in _WRAPPING_HEADINGS
        else:
            joined = join_wrapped(prev, text, vocabulary)
            if len(joined) > 2 * _TAIL:
                spilled.append(joined[:-_TAIL])
                joined = joined[-_TAIL:]
            out[-1] = joined
    if spilled:
        out[-1] = "".join(spilled) + out[-1]
    return out


def extract(data: bytes, name: str) -> Extracted:
    reader = _open(data, name)
    budget = _Budget(len(data))
    # pypdf raises what it meets in a damaged file: its own errors, and ValueError (a bad Ascii85
    # stream), AttributeError, AssertionError, RecursionError ...: one line, naming the page.
    try:
        count = len(reader.pages)
    except Exception as exc:
        raise _unreadable(exc, name) from None
    pages: list[list[TextLine]] = []
    try:
        for index in range(count):
            pages.append(_page_lines(reader.pages[index], budget))
    except Exception as exc:
        raise _unreadable(exc, name, len(pages) + 1) from None
    except _OverBudget:
        raise InputError(f"{name}: the PDF asks for far more work than a {len(data) / 2**20:.1f} MB document"
                         f" needs (over {budget.content // 2**20} MB of page content or"
                         f" {budget.operations:,} drawing operations): refused as a possible"
                         " decompression bomb") from None
    letters = sum(ch.isalpha() for lines in pages for line in lines for ch in line.text)
    if letters < 20:
        raise NoTextLayerError(f"{name}: the PDF has no text layer (probably a scanned image); "
                               "run OCR first (e.g. ocrmypdf) and add the result")
    return Extracted(blocks=_reflow(pages), format="pdf")


def reflow_pages(pages: list[list[TextLine]]) -> list[str]:
    """Pages of printed lines -> the document's paragraphs, without heads, footers and page numbers."""
    return [block.text for block in _reflow(pages)]


def _reflow(pages: list[list[TextLine]]) -> list[Block]:
    """The body's paragraphs, then the footnotes as asides: a footnote printed in the middle of an
    article (at the foot of a page the article runs over) is text of no article, and read into the
    body it was a change on diffing the PDF against its source."""
    kept = _drop_page_furniture(pages)
    sizes = [line.size for page in kept for line in page]
    body_size = statistics.median(sizes) if sizes else 0.0
    margins = _margins([line for page in kept for line in page])
    body: list[TextLine] = []
    notes: list[TextLine] = []
    for page in kept:
        columns: dict[int, list[TextLine]] = {}
        for line in page:
            columns.setdefault(max(0, bisect.bisect_right(margins, line.x + 0.5) - 1), []).append(line)
        aside: set[int] = set()
        for column in sorted(columns):
            found, rules = _footnotes(columns[column], _SMALL * body_size)
            notes += found
            aside.update(map(id, found + rules))
        body += [line for line in page if id(line) not in aside] if aside else page
    return [Block(text) for text in paragraphs(body)] + [Block(text, BlockKind.ASIDE) for text in _notes(notes)]


def _footnotes(column: list[TextLine], small: float) -> tuple[list[TextLine], list[TextLine]]:
    """A column's footnote lines, top down, and the rule above them: the small print below the column's
    lowest line of body text, when its top line opens with a footnote's mark (a column all in small
    print is body text). Each column of a page on its own: a footnote may close one column while the
    other runs on below it."""
    lowest = min((line.y for line in column if line.size >= small and not _RULE.match(line.text)), default=None)
    if lowest is None:
        return [], []
    tail = sorted((line for line in column if line.y < lowest and (line.size < small or _RULE.match(line.text))),
                  key=lambda line: -line.y)
    rules = list(itertools.takewhile(lambda line: bool(_RULE.match(line.text)), tail))
    notes = tail[len(rules):]
    if not notes or not _FOOTNOTE.match(notes[0].text):
        return [], []
    return notes, rules


def _notes(lines: list[TextLine]) -> list[str]:
    """Footnote lines -> footnotes: each opens with its mark, and its wrapped lines are joined."""
    vocabulary = {w.lower() for line in lines for w in _WORD.findall(line.text)}
    out: list[str] = []
    for line in lines:
        if out and not _FOOTNOTE.match(line.text):
            out[-1] = join_wrapped(out[-1], line.text, vocabulary)
        else:
            out.append(line.text)
    return out


def dump_pages(text: str) -> list[list[TextLine]]:
    """The text of a PDF dumped by a tool (pdftotext: pages split by form feeds, indents as spaces)
    as positioned lines, so that it is reflowed like the PDF itself."""
    pages: list[list[TextLine]] = []
    for page in text.split("\f"):
        lines = []
        for row, raw in enumerate(page.splitlines()):
            body = raw.strip()
            if body:
                indent = len(raw.expandtabs(8)) - len(raw.expandtabs(8).lstrip())
                lines.append(TextLine(x=indent * 5.0, y=-row * 12.0, size=10.0, parts=[body]))
        pages.append(lines)
    if pages and not pages[-1]:
        pages.pop()
    return pages
