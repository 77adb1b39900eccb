"""Technical normalisation of article text (the one place) and the word tokeniser for redlines.

What is folded, and nothing else: line-break hyphens ("нака-\\nзывается" -> "наказывается"),
soft hyphens, every run of whitespace (newlines, NBSP, thin spaces) -> one space, invisible
control and format characters (a stray "\\x01" or U+200E in a PDF's text layer) dropped, typographic
quotes („“”"‘’ -> «» by position), dashes spaced on a side (" - ", " — " -> " – "; a space lost
between a dash and a word put back, " –X" -> " – X", but none added next to a quote, a bracket or a
mark: "«… –»", "…,– " are quoted as written), and
explicit sub-numbers of article references after "стать…"/"ст." ("130/2", "130-2",
"130<sup>2</sup>" -> "130²", the way the official text prints them), the dash of a range of
them unspaced ("290/1 –290/5" -> "290¹–290⁵"), and a sub-numbered part after "часть" ("частью 1/1"
-> "частью 1¹"; a bare "частью 11" is read as 1¹ only beside a text that prints it so). Left as written: "18.14" (a
dotted number is an article of another code, such as the Administrative one), "124-126" (a range:
the second number is not below the first), and a collapsed "1302": it may be article 1302.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from lexwatch.ids import ARTICLE_NUMBER_PATTERN, FROM_SUPERSCRIPT, SUPERSCRIPT_DIGITS, TO_SUPERSCRIPT, ArticleNumber

_HYPHEN_BREAK_RE = re.compile(r"([A-Za-zА-Яа-яЁё]+)-[ \t\u00a0]*\r?\n\s*([a-zа-яё]+)")
_HYPHEN_EOL_RE = re.compile(r"-[ \t\u00a0]*\r?\n")  # cheap test before the full pattern
_WS_RE = re.compile(r"[\s\u00a0\u2007\u202f\u2009\u200b\ufeff]+")
_QUOTES = "\"„“”‘’‚"  # tested one by one with `in`, several times faster than the class below
_QUOTE_RE = re.compile(f"[{_QUOTES}]")
_SPACED_DASH_RE = re.compile(r"(?<= )[-–—]+|—+(?= )")  # the dashes only: see _fold_dashes
_WORD_CHAR_RE = re.compile(r"\w")
# "стать…" or "ст." not inside a word, in any case: (?i)(?<![а-яё])(стать[а-яё]*|ст\.)\s* spelt
# with explicit classes (exactly the letters (?i) matches, U+1C80-U+1C86 included) and the letter
# first, so that re can jump from one "с" to the next instead of trying every position (3x faster).
_LETTER = "а-яА-ЯёЁ\u1c80-\u1c86"
_TE = "тТ\u1c84\u1c85"
_REF_WORD_RE = re.compile(rf"[сС\u1c83](?<![{_LETTER}].)(?:[{_TE}][аА][{_TE}][ьЬ][{_LETTER}]*|[{_TE}]\.)\s*")
_NUMBER_RE = re.compile(ARTICLE_NUMBER_PATTERN)
# Between two numbers of one reference list: "статьями 171, 171/1 или 181".
_LIST_GAP_RE = re.compile(r"(?:\s*,\s*|\s+(?:и|или|либо)\s+|\s*[–—]\s*)")
_TOKEN_RE = re.compile(r"\d+(?:[./]\d+)+(?!\w)|\w+(?:-\w+)*|\s+|[^\w\s]")
_SPACED_DASH_LEFT_RE = re.compile(" –(?! )")
# What an article number needs to change form in _fold_refs (see _may_fold): the rarer marks as
# literal-led patterns (fast to search), and any character that could be a non-ASCII digit:
# everything from the first one (U+0660) up, except the punctuation and letterlike blocks
# (dashes, quotes, "№"), which hold none.
_FOLD_MARKS = ("¹", "²", "³", "/", "<")
_FOLD_MARK_RES = (re.compile(r"-(?:(?<=\d-)|(?<=\s-)|[\s0])"), re.compile(r"0(?<!\d0)\d"),
                  re.compile(r"– (?=\d)"), re.compile(r" –(?<=\d –)"))
_MAYBE_DIGIT_RE = re.compile("[^\x00-\u065f\u2000-\u206f\u2100-\u214f]")

FOLDED = ("line-break hyphens", "soft hyphens", "whitespace and line breaks", "NBSP",
          "invisible control and format characters",
          "typographic quotes", "spaced dashes", "explicit sub-numbers after 'статья'/'ст.'",
          "sub-numbers lost after 'статья'/'ст.' (read from both versions' articles)",
          "explicit sub-numbers of parts after 'часть'",
          "sub-numbers of parts lost where the other version prints them")


def join_line_break(m: re.Match[str]) -> str:
    """"нака-⏎зывается" -> "наказывается", but "уголовно-⏎процессуальным" -> "уголовно-
    процессуальным": a line may end after the hyphen of a hyphenated word, as PDFs wrap them."""
    from lexwatch.morph import hyphenated  # loads the dictionary: only texts with such breaks

    head, tail = m.group(1), m.group(2)
    return f"{head}-{tail}" if hyphenated(head, tail) else head + tail


def _squeeze(text: str) -> str:
    """Every whitespace run -> one space, none at the ends."""
    return _squeeze_printable(text)[0]


def _squeeze_printable(text: str) -> tuple[str, bool]:
    """_squeeze(text), and whether the result is known printable (without a second scan)."""
    lines = text.replace("\n", " ")
    # Printable: no space but " " (ZWSP and BOM are not printable either); then single spaces and
    # line breaks are the only runs, and each is already one space.
    if lines.isprintable() and "  " not in lines and lines[:1] != " " and lines[-1:] != " ":
        return lines, True
    if "\u200b" in text or "\ufeff" in text:  # not whitespace to str.split()
        return _WS_RE.sub(" ", text).strip(), False
    return " ".join(text.split()), False  # splits on exactly the characters \s matches


def collapse(text: str) -> str:
    """Whitespace only: what a diff shows when technical differences are asked for."""
    return _squeeze(text.replace("\u00ad", "") if "\u00ad" in text else text)


def _fold_quotes(text: str) -> str:
    def repl(m: re.Match[str]) -> str:
        start = m.start()
        before = text[start - 1] if start else " "
        return "«" if before.isspace() or before in "(«[" else "»"
    return _QUOTE_RE.sub(repl, text)


def _may_fold(text: str) -> bool:
    """False when no article number in text can read differently in canonical form, so that
    _fold_refs would return text as it is. A number changes only with a superscript (U+00B9-B3,
    or U+2070 and up), "<sup>", "/", a dot before a digit, a space next to "-", "-0", a leading
    zero, or a non-ASCII digit (int() reads it; canonical() writes ASCII)."""
    return (any(mark in text for mark in _FOLD_MARKS) or any(r.search(text) for r in _FOLD_MARK_RES)
            or _MAYBE_DIGIT_RE.search(text) is not None)


def _fold_refs(text: str, known: frozenset[ArticleNumber] | None = None) -> str:
    out: list[str] = []
    pos = 0
    for word in _REF_WORD_RE.finditer(text):
        if word.start() < pos:
            continue
        cursor = word.end()
        out.append(text[pos:cursor])
        pos = cursor
        while True:
            m = _NUMBER_RE.match(text, cursor)
            if not m or (m.end() < len(text) and text[m.end()].isdigit()):
                break
            out.append(text[pos:m.start()])
            written = _written(m, known)
            if written != m.group() and _joins(written, text, m.end()):
                # "130-0- 13" folded to "130" would leave "130- 13", another number read again: a
                # number that joins what follows it once folded stays as written (idempotent)
                written = m.group()
            out.append(written)
            pos = cursor = m.end()
            gap = _LIST_GAP_RE.match(text, cursor)
            if not gap or not _NUMBER_RE.match(text, gap.end()):
                break
            if gap.group().strip() in ("–", "—"):  # a range, printed "290¹–290⁵": no spaces round the dash
                out.append("–")
                pos = gap.end()
            cursor = gap.end()
    out.append(text[pos:])
    return "".join(out)


def _joins(written: str, text: str, end: int) -> bool:
    """Whether `written`, put in place of the number that ends at `end`, reads as a longer number
    with the text after it."""
    joined = _NUMBER_RE.match(written + text[end:end + 8])
    return joined is not None and joined.end() > len(written)


def _written(m: re.Match[str], known: frozenset[ArticleNumber] | None = None) -> str:
    """How a referenced number reads in the comparison form: its display form ("130²"), or as
    written when it is a dotted number of another code or a hyphenated range. With the article
    numbers of the two versions compared (`known`), a bare number that is none of them but reads
    as exactly one of their sub-numbered articles with its superscript lost ("1711" when 171¹
    exists and 1711 does not) is that article."""
    if m.group("dot") is not None:
        return m.group()
    number = ArticleNumber.from_match(m)
    if known and not number.sub and number not in known:
        digits = m.group("base")
        found = {ArticleNumber(int(digits[:k]), int(digits[k:])) for k in (len(digits) - 2, len(digits) - 1)
                 if k > 0 and digits[k] != "0"} & known
        if len(found) == 1:
            return found.pop().display
    sep = m.group("sep")
    if sep is not None and "/" not in m.group() and (len(sep) > 2 or number.sub >= number.base):
        return m.group()
    return number.display


@lru_cache(maxsize=8192)
def normalize(text: str, known: frozenset[ArticleNumber] | None = None) -> str:
    """The comparison form of an article's text: equal normalised texts mean no real change.
    `known`: the article numbers of the versions compared, to read lost superscripts."""
    if known:
        # The same steps as without `known`, then lost superscripts read: the folded form keeps
        # every bare number as written and reads the same to _fold_refs again.
        text = normalize(text)
        lost = _lost_superscripts(known)
        if lost and any(number in lost for number in _DIGITS_RE.findall(text)):
            return _fold_refs(text, known)
        return text
    # Each step first asks str (fast, in C) whether it can change anything at all.
    if "\u00ad" in text:
        text = text.replace("\u00ad", "")
    if _HYPHEN_EOL_RE.search(text):
        text = _HYPHEN_BREAK_RE.sub(join_line_break, text)
    text, printable = _squeeze_printable(text)
    if not printable and not text.isprintable():  # a control or format character is left ("\x01", U+200E from a PDF)
        text = _squeeze("".join(char for char in text if unicodedata.category(char) not in ("Cc", "Cf")))
    if any(quote in text for quote in _QUOTES):
        text = _fold_quotes(text)
    if not _dashes_canonical(text):
        text = _fold_dashes(text)
    if ("/" in text or "<sup>" in text) and ("част" in text or "Част" in text or "ЧАСТ" in text):
        text = _PART_SUB_RE.sub(_part_written, text)
    return _fold_refs(text) if _may_fold(text) else text


# A sub-numbered part named after "часть"/"части"/"частью" written "1/1" or "1<sup>1</sup>": printed
# "1¹" by the official text, as a sub-numbered article is ("части 1-2" is a range: left alone).
# (the letter first, then the look-behind: re jumps from one "ч" to the next, as for _REF_WORD_RE)
_PART_WORD = rf"[чЧ](?<![{_LETTER}].)[аА][сС][тТ][{_LETTER}]*"
# Only where a reference goes on ("частью 1/1 настоящей статьи", "части 1/1, 2 статьи 5", "частями
# 1/1 и 2"): "в части 2/3 голосов" is a fraction.
_PART_SUB_RE = re.compile(rf"({_PART_WORD}\s+)(\d{{1,2}})(?:\s*/\s*(\d{{1,2}})|<sup>(\d{{1,2}})</sup>)(?![\d/])"
                          r"(?=\s*(?:[,;:.)]|$)|\s+(?:настоящ|стать|ст\.|(?:и|или|либо)\s+\d|[–—]\s*\d))")


def _part_written(m: re.Match[str]) -> str:
    return m.group(1) + m.group(2) + (m.group(3) or m.group(4)).translate(TO_SUPERSCRIPT)


# A part named with its superscript ("частью 1¹"): in the other version of the same article a bare
# "частью 11" is that part with the superscript lost (a PDF or an old edition's text layer).
_PART_SUP_RE = re.compile(rf"({_PART_WORD}\s)(\d{{1,2}})([{SUPERSCRIPT_DIGITS}]{{1,2}})")


def read_lost_part_superscripts(old: str, new: str) -> tuple[str, str]:
    """Both comparison forms with a bare part number read as the sub-numbered part the other (or
    the same) text names with its superscript: "частью 11" (2020) and "частью 1¹" (2022) are one
    part. Parts have no list to check a reading against, so only a part printed with its
    superscript in one of the two texts is read this way."""
    named = {m.group(2) + m.group(3).translate(FROM_SUPERSCRIPT): m.group(2) + m.group(3)
             for text in (old, new) for m in _PART_SUP_RE.finditer(text)}
    if not named:
        return old, new
    bare = re.compile(rf"({_PART_WORD}\s)({'|'.join(named)})(?![\d{SUPERSCRIPT_DIGITS}/])")

    def read(text: str) -> str:
        return bare.sub(lambda m: m.group(1) + named[m.group(2)], text)

    return read(old), read(new)


_DIGITS_RE = re.compile(r"\d+")


@lru_cache(maxsize=16)
def _lost_superscripts(known: frozenset[ArticleNumber]) -> frozenset[str]:
    """The bare numbers a sub-numbered article of `known` reads as with its superscript lost
    ("1711" for 171¹), less those that are articles of `known` themselves."""
    plain = {str(n.base) for n in known if not n.sub}
    return frozenset({n.collapsed for n in known if n.sub} - plain)


def _fold_dashes(text: str) -> str:
    """Each run of dashes after a space, and each run of em dashes before one, as "–", with a
    space put back only between it and a word ("срок –наказывается", "срок— наказывается" ->
    "срок – наказывается"): the comparison form is what redlines quote, so a dash next to a quote,
    a bracket or a mark keeps the text's own spacing ("«в целях распространения –»", ",– "). Only
    the run is matched, so a space between two dashes serves both (" - - " -> " – – "), and as
    a space is added only beside a word, none doubles or ends the (single-spaced) text."""
    return _SPACED_DASH_RE.sub(_spaced_dash, text)


def _spaced_dash(m: re.Match[str]) -> str:
    text, start, end = m.string, m.start(), m.end()
    before = " " if start and _WORD_CHAR_RE.match(text, start - 1) else ""
    return before + ("– " if _WORD_CHAR_RE.match(text, end) else "–")


def _dashes_canonical(text: str) -> bool:
    """True when _SPACED_DASH_RE could only replace " – " by itself: no hyphen or em dash after a
    space, no em dash at all, and every " –" followed by a space (single-spaced text)."""
    return "—" not in text and " -" not in text and not _SPACED_DASH_LEFT_RE.search(text)


def tokenize(text: str) -> list[str]:
    """Words (with inner hyphens, like "130-2" or "из-за"), single punctuation marks, spaces."""
    return _TOKEN_RE.findall(text)
