"""The structure parser: paragraphs (blocks) in reading order -> a Document of Articles.

Pure: no I/O. Headings are recognised by their words ("Статья 130². …", "ГЛАВА 9. …", "РАЗДЕЛ I.",
"ОБЩАЯ ЧАСТЬ") unless the format already said what a block is (HTML classes). Bare article
numbers that lost their superscript ("Статья 1302") are resolved against their neighbours, and a
text whose headings are numbered within their chapters ("Статья 19.11." of КоАП) keeps that numbering.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

from lexwatch.chars import BIDI_CONTROLS
from lexwatch.errors import NoArticlesError, UsageError
from lexwatch.ids import SUPERSCRIPT_DIGITS, ArticleNumber, split_collapsed
from lexwatch.text.blocks import Block, BlockKind
from lexwatch.text.model import Article, Document, collapse_ws

# Latin letters that OCR, old converters and the 2022 corpus put in place of Cyrillic look-alikes
# ("ОСHОВАHИЯ"). Folded only inside heading keywords: Roman numerals must stay Latin.
_FOLD = str.maketrans("ABCEHKMOPTXY", "АВСЕНКМОРТХУ")

_SUP = f"[{SUPERSCRIPT_DIGITS}]"
_ARTICLE_REST = re.compile(
    r"\s*(?P<num>\d{1,6}(?:" + _SUP + r"{1,3}|\s?[-/]\s?\d{1,3}(?!\d)|\.\d{1,3}(?=\s*\.))?)"
    r"\s*\.\s*(?P<title>.*)$")
# "Статья 1" alone on its line, the title (if any) on the next: a PDF's or a draft's layout
_ARTICLE_ALONE = re.compile(r"\s+(?P<num>\d{1,6}(?:" + _SUP + r"{1,3}|\s?[-/]\s?\d{1,3}|\.\d{1,3})?)\.?\s*$")
_CHAPTER_REST = re.compile(r"\s+(?P<num>\d{1,3}(?:" + _SUP + r"{1,3}|[-/]\d{1,3})?)(?![\d])\.?\s*(?P<title>.*)$")
_SECTION_REST = re.compile(r"\s+(?P<num>[IVXLC]{1,7}|\d{1,2})(?![\w])\.?\s*(?P<title>.*)$")
_PART_ORDINALS = ("ПЕРВАЯ", "ВТОРАЯ", "ТРЕТЬЯ", "ЧЕТВЕРТАЯ", "ЧЕТВЁРТАЯ", "ПЯТАЯ", "ШЕСТАЯ", "СЕДЬМАЯ",
                  "ВОСЬМАЯ", "ДЕВЯТАЯ", "ДЕСЯТАЯ")
# An amending law's article has no title: its first sentence follows the number ("Статья 1. Внести в
# Уголовный кодекс … следующие изменения:", "Статья 3. Совету Министров … :"). Such a sentence opens
# with an instruction's infinitive or leads a list; a code's or a law's own title does neither.
_LEAD_IN = re.compile(r"^(?:(?:Внести|Признать|Дополнить|Изложить|Исключить|Поручить)(?![а-яё])|.*:$)")
_EXCLUDED_TITLE = re.compile(r"^(исключена|утратила силу)\.?$", re.IGNORECASE)
_TOC_WORD = re.compile(r"^(СОДЕРЖАНИЕ|ОГЛАВЛЕНИЕ)\.?$", re.IGNORECASE)
# A table-of-contents entry in a PDF ends with dot leaders and a page number.
_LEADERS = re.compile(r"\s*(?:\.{3,}|…+|\s\.(?:\s\.)+)\s*\d*\s*$")
_TITLE_WORDS = re.compile(r"КОДЕКС|ЗАКОН|УКАЗ|ДЕКРЕТ|ПОСТАНОВЛЕНИЕ|ПОЛОЖЕНИЕ", re.IGNORECASE)
# A draft's mark, a line of its own above the act's title ("ПРОЕКТ" / "Проект"): it joins the title, as
# the portal's draft pages set it ("ПРОЕКТ ЗАКОН РЕСПУБЛИКИ БЕЛАРУСЬ"), so a draft is told by its title
# and its text is not the text of the law adopted from it word for word (the title is part of the text's
# identity; the preamble is not).
DRAFT_MARK = re.compile(r"проект\.?", re.IGNORECASE)
_HEADINGS = (BlockKind.PART, BlockKind.SECTION, BlockKind.CHAPTER, BlockKind.ARTICLE)
_LOOKALIKES = dict(zip("АВСЕНКМОРТХУ", "ABCEHKMOPTXY", strict=True))


def _keyword_pattern(*words: str) -> re.Pattern[str]:
    """Keywords matched in any case and with Latin look-alike letters: one cheap test a line."""
    def letter(ch: str) -> str:
        return f"[{ch}{_LOOKALIKES[ch]}]" if ch in _LOOKALIKES else re.escape(ch)
    return re.compile("|".join("".join(letter(ch) for ch in word) for word in words), re.IGNORECASE)


_ANY_HEADING = _keyword_pattern("СТАТЬЯ", "ГЛАВА", "РАЗДЕЛ", "ОБЩАЯ ЧАСТЬ", "ОСОБЕННАЯ ЧАСТЬ", "ЧАСТЬ ")


@dataclass
class _Item:
    kind: BlockKind
    text: str
    typed: bool                      # the format said what it is (HTML class)
    number: ArticleNumber | int | None = None   # article: explicit number, or a bare int to resolve
    title: str = ""
    key: str = ""                    # heading identity used to find where a table of contents ends
    lead: str = ""                   # article: the first sentence of its text, on the heading's line
    alone: bool = False              # article: the number alone on its line ("Статья 1"), its title below it


@dataclass
class _Draft:
    number: ArticleNumber
    title: str
    part: str
    section: str
    chapter: str
    lines: list[str] = field(default_factory=list)


def _strip_leaders(text: str) -> str:
    """Drop a contents entry's dot leaders and page number; most headings have none to drop."""
    if "…" not in text and ".." not in text and ". ." not in text and text.isprintable():
        return text  # printable: its only space is " ", so _LEADERS cannot match
    # _LEADERS is anchored at the end, but re tries it from every start: over a long run of leaders
    # not at the end ("……x", 100 000 of them) each start rescans the run, for minutes. Leaders and
    # a page number fit in the last _LEADER_WINDOW characters of any real contents entry.
    head, tail = text[:-_LEADER_WINDOW], text[-_LEADER_WINDOW:]
    return head + _LEADERS.sub("", tail)


_LEADER_WINDOW = 400


def _starts(text: str, keyword: str) -> bool:
    head = text[:len(keyword)]
    return len(head) == len(keyword) and head.upper().translate(_FOLD) == keyword


def _has_lower(text: str) -> bool:
    return any(ch.islower() for ch in text)


def _caps_title(title: str) -> bool:
    """A heading's own title: empty, or starting with a capital, a digit or a quote."""
    return not title or title[0].isupper() or title[0].isdigit() or title[0] in "«\"("


def _article_number(raw: str) -> ArticleNumber | int | None:
    """An explicit number (130², 130-2), a bare int to resolve later (1302), or None if no number."""
    raw = raw.strip()
    if raw.isascii() and raw.isdigit():   # "46¹".isdigit() is true too
        return int(raw)
    try:
        return ArticleNumber.parse(raw)
    except UsageError:
        return None


def classify(text: str, kind: BlockKind = BlockKind.UNKNOWN) -> _Item:
    """Tell what one collapsed paragraph is; a known kind from the format is kept."""
    typed = kind is not BlockKind.UNKNOWN
    if kind is BlockKind.UNKNOWN and not _ANY_HEADING.match(text):
        return _Item(BlockKind.BODY, text, False)
    if kind in (BlockKind.UNKNOWN, BlockKind.ARTICLE) and _starts(text, "СТАТЬЯ"):
        # a heading writes "Статья"; "статья 130" at a line's start is a reference wrapped there
        alone = _ARTICLE_ALONE.match(text, 6) if text[0].isupper() else None
        m = alone or _ARTICLE_REST.match(text, 6)
        number = _article_number(m.group("num")) if m else None
        if m and number is not None:
            # one key whatever the form: a contents list may write 130² where the body writes 130.2
            key = number.written(by_chapter=False).canonical if isinstance(number, ArticleNumber) else str(number)
            if alone:
                return _Item(BlockKind.ARTICLE, text, typed, number, key="a" + key, alone=True)
            title = _strip_leaders(m.group("title")).rstrip("*").strip()
            if _LEAD_IN.match(title):
                return _Item(BlockKind.ARTICLE, text, typed, number, "", "a" + key, lead=m.group("title").strip())
            return _Item(BlockKind.ARTICLE, text, typed, number, title, "a" + key)
    if kind in (BlockKind.UNKNOWN, BlockKind.CHAPTER) and _starts(text, "ГЛАВА"):
        m = _CHAPTER_REST.match(text, 5)
        if m and (typed or text[:5].isupper() or _caps_title(m.group("title"))):
            return _Item(BlockKind.CHAPTER, _strip_leaders(text), typed, title=m.group("title"),
                         key="c" + m.group("num"))
    if kind in (BlockKind.UNKNOWN, BlockKind.SECTION) and _starts(text, "РАЗДЕЛ"):
        m = _SECTION_REST.match(text, 6)
        if m and (typed or text[:6].isupper() or _caps_title(m.group("title"))):
            return _Item(BlockKind.SECTION, _strip_leaders(text), typed, title=m.group("title"),
                         key="s" + m.group("num"))
    if kind in (BlockKind.UNKNOWN, BlockKind.PART):
        part_key = _part_key(text, typed)
        if part_key:
            return _Item(BlockKind.PART, _strip_leaders(text), typed, key="p" + part_key)
    if kind in (BlockKind.ARTICLE, BlockKind.CHAPTER, BlockKind.SECTION, BlockKind.PART, BlockKind.UNKNOWN):
        # A heading class whose words are not a heading (or an untyped paragraph): article text.
        return _Item(BlockKind.BODY, text, False)
    return _Item(kind, text, typed)


def kind_of(text: str) -> BlockKind:
    """What an untyped line is by its words: a heading kind, or BODY."""
    return classify(text).kind


def _part_key(text: str, typed: bool) -> str:
    for word in ("ОБЩАЯ ЧАСТЬ", "ОСОБЕННАЯ ЧАСТЬ"):
        if _starts(text, word) and (typed or not _has_lower(text)):
            return word.split()[0]
    if _starts(text, "ЧАСТЬ "):
        rest = text[6:].upper().translate(_FOLD)
        for ordinal in _PART_ORDINALS:
            if rest.startswith(ordinal) and (typed or not _has_lower(text) or len(rest) == len(ordinal)):
                return ordinal
    return ""


def _merge_wrapped_headings(items: list[_Item]) -> list[_Item]:
    """'ГЛАВА 24' + 'ПРЕСТУПЛЕНИЯ ПРОТИВ СОБСТВЕННОСТИ' on separate untyped lines make one heading."""
    out: list[_Item] = []
    for item in items:
        prev = out[-1] if out else None
        if (prev is not None and not item.typed and item.kind is BlockKind.BODY and not prev.typed
                and prev.kind in (BlockKind.PART, BlockKind.SECTION, BlockKind.CHAPTER)
                and not _has_lower(item.text) and any(ch.isalpha() for ch in item.text)
                and not _has_lower(prev.title) and len(prev.text) < 300):
            prev.text = f"{prev.text} {item.text}"
            prev.title = f"{prev.title} {item.text}".strip()
            continue
        out.append(item)
    return out


def _headings_of_a_number_alone(items: list[_Item]) -> list[_Item]:
    """"Статья 1" alone on its line is a heading when its title or its text follows, starting as a sentence
    does, and the title joins it; before a line going on in lower case ("настоящего Кодекса …") or at the
    end it is a reference wrapped at a line's end, text. "Статья 1." alone is a heading whatever follows."""
    if not any(item.alone for item in items):
        return items
    out: list[_Item] = []
    i = 0
    while i < len(items):
        item, nxt = items[i], _at(items, i + 1)
        i += 1
        text_next = nxt is not None and nxt.kind is BlockKind.BODY and not nxt.typed
        if item.alone and nxt is not None and text_next and _title_line(nxt.text, _at(items, i + 1)):
            item.title, item.text = nxt.text, f"{item.text} {nxt.text}"
            i += 1
        elif item.alone and not item.typed and not item.text.endswith(".") and (
                nxt is None or (text_next and not _sentence_start(nxt.text))):
            item = _Item(BlockKind.BODY, item.text, False)
        out.append(item)
    return out


def _at(items: list[_Item], i: int) -> _Item | None:
    return items[i] if i < len(items) else None


def _sentence_start(text: str) -> bool:
    return text[:1].isupper() or text[:1].isdigit() or text[:1] in "«\"("


def _title_line(text: str, after: _Item | None) -> bool:
    """A line that reads as an article's title: a capital first, no sentence's or list's end (no title of
    either edition of the Code ends with "." or "–"), no instruction, and a new sentence or heading after it
    (a first line of text wrapped mid-sentence goes on in lower case)."""
    return (text[:1].isupper() and text[-1] not in ".:;,–—-" and not _LEAD_IN.match(text)
            and (after is None or after.kind is not BlockKind.BODY or _sentence_start(after.text)))


def _empty_article(items: list[_Item], i: int, last: dict[str, int]) -> bool:
    """An article heading with no text of its own before the next heading. An article all on its heading's
    line ("Статья 2. Настоящий Закон вступает в силу …", a short law's) has its text: a sentence, where a
    contents entry has a title (no title of the Code ends with "."), and the body heads it again (a contents
    list whose entries end with "." is still one; `last`: where each heading's key is met last)."""
    item = items[i]
    if item.lead or (item.title.endswith(".") and not _EXCLUDED_TITLE.match(item.title) and last[item.key] == i):
        return False
    nxt = items[i + 1] if i + 1 < len(items) else None
    return nxt is None or nxt.kind in _HEADINGS


def _toc_span(items: list[_Item]) -> tuple[int, int] | None:
    """Where a table of contents sits: after "СОДЕРЖАНИЕ", or a run of body-less headings at the start."""
    last = {it.key: i for i, it in enumerate(items)}  # one pass: a page of 100 000 headings stays linear
    first_body = next((i for i, it in enumerate(items)
                       if it.kind is BlockKind.ARTICLE and not _empty_article(items, i, last)), len(items))
    start = next((i for i, it in enumerate(items[:first_body])
                  if it.kind is BlockKind.BODY and _TOC_WORD.match(it.text)), None)
    first_heading = next((i for i, it in enumerate(items[:first_body]) if it.kind in _HEADINGS), None)
    if start is None:
        empties = [i for i in range(first_body) if items[i].kind is BlockKind.ARTICLE]
        if len(empties) < 3 or first_heading is None:
            return None
        start = first_heading
    first_key = next((it.key for it in items[start:] if it.kind in _HEADINGS), None)
    if first_key is None:
        return None
    # The contents end where the body repeats their first heading ...
    seen_first = False
    for j in range(start, len(items)):
        if items[j].key == first_key:
            if seen_first:
                return start, j
            seen_first = True
    # ... or, failing that, after the last body-less article of the run.
    end = start
    for j in range(start, len(items)):
        it = items[j]
        if it.kind is BlockKind.ARTICLE:
            if not _empty_article(items, j, last):
                break
            end = j + 1
        elif it.kind not in _HEADINGS and j > start:
            break
    return (start, end) if end > start else None


def _resolve_numbers(numbers: list[ArticleNumber | int]) -> list[ArticleNumber]:
    """Bare numbers that may have lost a superscript are read against their neighbours."""
    resolved: list[ArticleNumber] = []
    previous: ArticleNumber | None = None
    for i, raw in enumerate(numbers):
        if isinstance(raw, ArticleNumber):
            number = raw
        else:
            following: int | None = None
            if i + 1 < len(numbers):
                nxt = numbers[i + 1]
                following = nxt.base if isinstance(nxt, ArticleNumber) else nxt
            number = split_collapsed(raw, previous, following)
        resolved.append(number)
        previous = number
    return resolved


def _number_articles(items: list[_Item], warnings: list[str]) -> list[_Item]:
    """Each article heading with its number resolved (1302 -> 130²). A number that no article has and
    lexwatch cannot read back ("Статья 999999.": a collapsed 130² splits, that does not) makes its
    heading a line of text: stored, it made every later read of the version fail."""
    headings = [item for item in items if item.kind is BlockKind.ARTICLE]
    numbers = _resolve_numbers([item.number for item in headings if item.number is not None])
    unreadable: dict[int, str] = {}
    for item, number in zip(headings, numbers, strict=True):
        try:
            ArticleNumber.parse(number.canonical)
        except UsageError:
            unreadable[id(item)] = item.text[:60]
            continue
        item.number = number
    if unreadable:  # one note, however many ("Статья 10000." … in a generated text: not 50 000 lines)
        first, *more = unreadable.values()
        warnings.append(f"'{first}'" + (f" and {len(more)} more headings" if more else "")
                        + " read as text: no article is numbered so (an article number has at most 4 digits)")
    return [_Item(BlockKind.BODY, item.text, False) if id(item) in unreadable else item for item in items]


def _by_chapter(numbers: list[ArticleNumber], chapters: list[str]) -> bool:
    """Whether a text numbers its articles within their chapters, as КоАП and ПИКоАП do ("Статья 19.11." in
    ГЛАВА 19): most headings are written N.M, and none of those in a chapter of another number. The Criminal
    Code has no heading so written: a dotted "130.2" is a lost superscript there (130², in ГЛАВА 17; ADR-1)."""
    dotted = [(n, chapter) for n, chapter in zip(numbers, chapters, strict=True) if n.by_chapter]
    return 2 * len(dotted) > len(numbers) and all(_chapter_number(chapter) in (None, n.base) for n, chapter in dotted)


def _chapter_number(heading: str) -> int | None:
    """19 of "ГЛАВА 19 АДМИНИСТРАТИВНЫЕ ПРАВОНАРУШЕНИЯ …" (and of "ГЛАВА 19¹"), None without a chapter."""
    m = _CHAPTER_REST.match(heading, 5) if _starts(heading, "ГЛАВА") else None
    digits = re.match(r"\d+", m.group("num")) if m else None
    return int(digits.group()) if digits else None


# Terminal escape sequences, whole: CSI ("\x1b[2J"), OSC ("\x1b]52;c;…\x07"), and ESC + one ASCII
# character (a Cyrillic letter after a stray ESC is text: kept).
_ESCAPE_SEQUENCE_RE = re.compile(r"\x1b\[[0-?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)?|\x1b[0-~]?")
_BIDI = frozenset(map(chr, BIDI_CONTROLS))


def strip_control_sequences(text: str) -> str:
    """The text without terminal escape sequences (whole), control characters or bidi controls (a
    hostile text's words shown in another order, in a draft or a redline quoted from it): a control
    character that is a space (a form feed, say) becomes one, tabs and line breaks stay; anything
    else is kept as it is. For text that does not pass through `parse_blocks` (a document's given
    title, the plain text of a document without articles)."""
    if text.isprintable() or not any(c not in _KEPT_CONTROLS and (unicodedata.category(c) == "Cc" or c in _BIDI)
                                     for c in text):
        return text
    text = _ESCAPE_SEQUENCE_RE.sub("", text)
    return "".join(c if c in _KEPT_CONTROLS or (unicodedata.category(c) != "Cc" and c not in _BIDI)
                   else " " if c.isspace() else "" for c in text)


_KEPT_CONTROLS = "\t\n\r"


def _drafted(title: str) -> str:
    """The act's title with the draft's mark before it, in the title's case."""
    return f"{'ПРОЕКТ' if title.isupper() else 'Проект'} {title}"


def parse_blocks(blocks: list[Block], *, name: str = "text", fmt: str = "txt", title: str = "",
                 act: str | None = None) -> Document:
    """Build the Document: headings set part/section/chapter, article lines follow their heading."""
    items: list[_Item] = []
    for block in blocks:
        text = block.text
        # Printable means no space but " " (NBSP, tabs, breaks, ZWSP are not): most lines need no
        # collapsing, and isprintable() tells it at C speed.
        if not (text.isprintable() and "  " not in text and text[:1] != " " and text[-1:] != " "):
            text = " ".join(text.split())   # every Unicode space, NBSP and line break included
            if "\u200b" in text or "\ufeff" in text:
                text = collapse_ws(text)
            if not text.isprintable():
                # a control character: an escape sequence from a hostile file would drive the
                # terminal the text is printed on (clipboard, title, screen); \x01 is a PDF layer's noise
                text = " ".join(strip_control_sequences(text).split())
        if text:
            items.append(classify(text, block.kind))
    items = _merge_wrapped_headings(_headings_of_a_number_alone(items))
    warnings: list[str] = []
    toc = _toc_span(items)
    if toc is not None:
        skipped = sum(1 for it in items[toc[0]:toc[1]] if it.kind is BlockKind.ARTICLE)
        warnings.append(f"skipped a table of contents ({skipped} article headings)")
        items = items[:toc[0]] + items[toc[1]:]
    items = _number_articles(items, warnings)

    # the extractor's own title (HTML titlek) is not one of the blocks cleaned above
    doc_title = " ".join(strip_control_sequences(title).split())
    preamble: list[str] = []
    notes: list[tuple[str, str]] = []
    part = section = chapter = ""
    drafts: list[_Draft] = []
    current: _Draft | None = None
    note_heading: str | None = None       # text under a heading, before its first article
    note_lines: list[str] = []

    def flush_note() -> None:
        if note_heading is not None and note_lines:
            notes.append((note_heading, "\n".join(note_lines)))
        note_lines.clear()

    for it in items:
        kind = it.kind
        if kind is BlockKind.TITLE:
            if not doc_title:
                doc_title = it.text
            elif it.text != doc_title:
                preamble.append(it.text)
            continue
        if kind in _HEADINGS:
            flush_note()
            current = None
            if kind is BlockKind.PART:
                part, section, chapter = it.text, "", ""
            elif kind is BlockKind.SECTION:
                section, chapter = it.text, ""
            elif kind is BlockKind.CHAPTER:
                chapter = it.text
            if kind is BlockKind.ARTICLE:
                assert isinstance(it.number, ArticleNumber)
                current = _Draft(it.number, it.title, part, section, chapter)
                if it.lead:
                    current.lines.append(it.lead)
                drafts.append(current)
                note_heading = None
            else:
                note_heading = it.text
            continue
        if kind is BlockKind.ASIDE:
            notes.append(("", it.text))
            continue
        if kind is BlockKind.OUTSIDE:
            if note_heading != "":
                flush_note()
                note_heading = ""
            current = None
            note_lines.append(it.text)
            continue
        if current is not None:
            current.lines.append(it.text)
        elif note_heading is not None:
            note_lines.append(it.text)
        else:
            preamble.append(it.text)
    flush_note()

    if not drafts:
        raise NoArticlesError(f"{name}: no articles found (no 'Статья N.' headings): is this a legal act?")
    if not doc_title and preamble:
        at = next((i for i, line in enumerate(preamble) if _TITLE_WORDS.search(line)), 0)
        doc_title = preamble.pop(at)
        mark = next((i for i in range(at) if DRAFT_MARK.fullmatch(preamble[i])), None)
        if mark is not None:  # "ПРОЕКТ" above "ЗАКОН РЕСПУБЛИКИ БЕЛАРУСЬ", as a draft saved to a file reads
            del preamble[mark]
            doc_title = _drafted(doc_title)
    elif DRAFT_MARK.fullmatch(doc_title) and preamble and _TITLE_WORDS.search(preamble[0]):
        doc_title = _drafted(preamble.pop(0))  # "ПРОЕКТ" set as a title of its own, the act's title after it

    articles: list[Article] = []
    seen: set[ArticleNumber] = set()
    by_chapter = _by_chapter([draft.number for draft in drafts], [draft.chapter for draft in drafts])
    for draft in drafts:
        number = draft.number.written(by_chapter=by_chapter)
        excluded = bool(_EXCLUDED_TITLE.match(draft.title))
        if number in seen:
            warnings.append(f"article {number.display} appears more than once")
        seen.add(number)
        articles.append(Article(number=number, title=draft.title, text="\n".join(draft.lines),
                                chapter=draft.chapter, section=draft.section, part=draft.part,
                                excluded=excluded))
    cut = _sanctions_missing(articles)
    if cut:
        shown = ", ".join(a.number.display for a in cut[:8]) + (f" and {len(cut) - 8} more" if len(cut) > 8 else "")
        warnings.append(f"{'article' if len(cut) == 1 else 'articles'} {shown}: a line ends in a dash and what"
                        " follows it is missing (a line lost in this copy?): a sanction so lost reads as no penalty")
    return Document(title=doc_title, articles=articles, act=act, preamble="\n".join(preamble), format=fmt,
                    warnings=warnings, notes=notes)


_ENDS_IN_DASH = re.compile(r"[–—-]\s*$")
_SANCTION_LINE = re.compile(r"(?i)^\s*наказыва")
# what opens the next part, point or note: a line after a dash that opens one is not what the dash led to
_NEXT_PART = re.compile(r"^\s*(?:\d{1,3}(?:/\d{1,3}|" + _SUP + r"{1,3})?[.)]\s|Примечани)")


def _sanctions_missing(articles: list[Article]) -> list[Article]:
    """The articles of a code whose sanctions follow a dash ("… –" / "наказывается …") with a line that
    ends in that dash and nothing after it but the next part, point or note: a copy that lost the
    sanction's line (the 2020 text of Art. 139's part 2 lost "наказывается … или смертной казнью"), read
    as a part with no penalty. A dash may lead to other words ("…(часть 1 статьи 384), –" / "влекут
    уголовную ответственность лишь…", Art. 33). None in a text not so shaped (fewer than three such
    sanctions)."""
    shaped, cut = 0, []
    for article in articles:
        lines = article.text.split("\n")
        lost = False
        for at, line in enumerate(lines):
            if not _ENDS_IN_DASH.search(line):
                continue
            if at + 1 < len(lines) and _SANCTION_LINE.match(lines[at + 1]):
                shaped += 1
            elif at + 1 == len(lines) or _NEXT_PART.match(lines[at + 1]):
                lost = True
        if lost:
            cut.append(article)
    return cut if shaped >= 3 else []
