"""Identities that parse and print back: article numbers, acts (register numbers), version refs.

The article-number grammar lives here and nowhere else. A sub-numbered article (130 superscript 2)
is canonically "130-2" and displayed "130²"; the forms "130-2", "130.2", "130/2", "130²",
"130<sup>2</sup>" all parse to it. A bare "1302" is article 1302: only a parser that knows the
neighbouring articles may decide it is 130² (see `split_collapsed`). The codes of administrative
offences (КоАП, ПИКоАП) number articles within their chapter, "19.11": one article with 19¹¹ (no code
has both), written and printed "19.11" (`by_chapter`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from datetime import date

from lexwatch.errors import UsageError

SUPERSCRIPT_DIGITS = "⁰¹²³⁴⁵⁶⁷⁸⁹"
# str.translate tables between ASCII digits and superscript ones ("130" + "2" -> "130²"), for every module
TO_SUPERSCRIPT = str.maketrans("0123456789", SUPERSCRIPT_DIGITS)
FROM_SUPERSCRIPT = str.maketrans(SUPERSCRIPT_DIGITS, "0123456789")

# One article reference: base number, then an optional sub-number written as a superscript,
# "<sup>N</sup>", or after "-", ".", "/" (with optional spaces around "/").
ARTICLE_NUMBER_PATTERN = (
    r"(?P<base>\d{1,4})"
    r"(?:(?P<sup>[⁰¹²³⁴⁵⁶⁷⁸⁹]{1,3})"
    r"|<sup>\s*(?P<htmlsup>\d{1,3})\s*</sup>"
    r"|\s?[-/]\s?(?P<sep>\d{1,3})(?![\d.])"
    r"|\.(?P<dot>\d{1,3})(?!\d))?"
)
# What a user types for one (`--article`, `history ARTICLE`): the number, or the number as a text
# cites or heads it, "ст. 59", "Ст.59", "статья 59", "59." ("ч. 2 ст. 59", a part, stays refused).
_ARTICLE_RE = re.compile(r"(?i:(?:ст\.?|статья)\s*)?" + ARTICLE_NUMBER_PATTERN)


@dataclass(frozen=True, order=True)
class ArticleNumber:
    """The number of an article: 59, or 130 with sub-number 2 (130²), or 19.11 in a code numbered by chapter."""

    base: int
    sub: int = 0
    # How the number is written, not which article it is: 19.11 equals 19¹¹ (and hashes and sorts
    # as it), so `--article 19-11` finds it and a diff aligns it whatever form each side wrote.
    by_chapter: bool = field(default=False, compare=False)

    @classmethod
    def parse(cls, text: str) -> ArticleNumber:
        """A number as a user or a stored canonical writes it: "19.11" keeps its dot, so a КоАП article
        stored as "19.11" reads back as written; "130.2" is the same article as 130²."""
        m = _ARTICLE_RE.fullmatch(text.strip().removesuffix("."))
        if not m:
            raise UsageError(f"not an article number: {text!r} (try 59, 130-2 or 130²)")
        return cls.from_match(m).written(by_chapter=m.group("dot") is not None)

    @classmethod
    def from_match(cls, m: re.Match[str]) -> ArticleNumber:
        base = int(m.group("base"))
        sub_text = m.group("sup") or m.group("htmlsup") or m.group("sep") or m.group("dot")
        if sub_text is None:
            return cls(base)
        return cls(base, int(sub_text.translate(FROM_SUPERSCRIPT)))

    def written(self, *, by_chapter: bool) -> ArticleNumber:
        """This article written as a code numbered by chapter writes it (19.11), or as the others (19¹¹)."""
        by_chapter = by_chapter and self.sub > 0
        return self if by_chapter == self.by_chapter else replace(self, by_chapter=by_chapter)

    @property
    def canonical(self) -> str:
        if self.by_chapter:
            return f"{self.base}.{self.sub}"
        return f"{self.base}-{self.sub}" if self.sub else str(self.base)

    @property
    def display(self) -> str:
        if self.by_chapter:
            return self.canonical
        return f"{self.base}{str(self.sub).translate(TO_SUPERSCRIPT)}" if self.sub else str(self.base)

    @property
    def collapsed(self) -> str:
        """The form left when a superscript is lost: 130² -> "1302"."""
        return f"{self.base}{self.sub}" if self.sub else str(self.base)

    def __str__(self) -> str:
        return self.canonical


def split_collapsed(number: int, previous: ArticleNumber | None,
                    following: int | None = None) -> ArticleNumber:
    """Decide whether a bare number such as 1302 is really 130² given its neighbours.

    Articles run in order, so 1302 right after 130¹ (or after 130) is 130² when reading it as a
    plain number would jump far ahead of both neighbours. Without a plausible split the number
    stands as it is.
    """
    if previous is None:
        return ArticleNumber(number)
    digits = str(number)
    # In order as a plain number: keep it, unless it is absurdly far ahead (1302 after 130).
    if previous.base < number <= (following or number) and number - previous.base < 50:
        return ArticleNumber(number)
    for cut in range(len(digits) - 1, 0, -1):
        head, tail = digits[:cut], digits[cut:]
        if tail.startswith("0"):
            continue
        candidate = ArticleNumber(int(head), int(tail))
        # Sub-numbers count up from the article before: 130¹ then 130², or 130 then 131¹; a
        # jump ("110" after 1 as 1¹⁰) is a plain number (an excerpt with articles 1 and 110).
        close = (candidate.sub <= previous.sub + 2 if candidate.base == previous.base
                 else candidate.base == previous.base + 1 and candidate.sub <= 2)
        if candidate > previous and (following is None or candidate.base < following) and close:
            return candidate
    return ArticleNumber(number)


# Register numbers: H1YY##### law, HKYY##### code, P3 decree, Pd, C2, W2, R9 ... (PORTAL.md).
# "Н"/"К"/"Р"/"С" may be typed in Cyrillic; they are folded to Latin.
_CYR_TO_LAT = str.maketrans({"Н": "H", "К": "K", "Р": "P", "С": "C", "В": "B", "Х": "X"})
REGNUM_RE = re.compile(r"\b([HKPCWRDhkpcwrd][A-Za-z0-9][0-9]{7})\b")


def normalize_regnum(text: str) -> str:
    value = text.strip().upper().translate(_CYR_TO_LAT)  # "нк9900275" typed in Cyrillic too
    if not re.fullmatch(r"[A-Z][A-Z0-9][0-9]{7}", value):
        raise UsageError(f"not a register number: {text!r} (expected e.g. HK9900275)")
    return value


# A draft in the draft-law bank has no register number yet: it is known by its bank entry,
# registration date and sequence number (guid=3941&p0=2025021015), and stored under it.
_DRAFT_ID_RE = re.compile(r"20[0-9]{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12][0-9]|3[01])[0-9]{2}")


def normalize_act(text: str) -> str:
    """What a user may name an act by: a register number, or a draft's bank entry."""
    if _DRAFT_ID_RE.fullmatch(text.strip()):
        return text.strip()
    try:
        return normalize_regnum(text)
    except UsageError:
        raise UsageError(f"not a register number: {text!r} (expected e.g. HK9900275, or a draft's"
                         " bank entry such as 2025021015)") from None


def is_draft_entry(act: str | None) -> bool:
    """Whether `act` is a draft's bank entry: a version stored under one is a draft, fetched from the
    bank or added from a file with `--act 2025021015`."""
    return act is not None and _DRAFT_ID_RE.fullmatch(act) is not None


def is_regnum(text: str) -> bool:
    try:
        normalize_regnum(text)
    except UsageError:
        return False
    return True


def iso_day(text: str) -> date:
    """A date written as lexwatch writes them, YYYY-MM-DD in ASCII digits, or ValueError ("Invalid
    isoformat", or what is out of range: "day is out of range for month"). Python's fromisoformat
    reads "20220926" and "2022-W38-1" too: a typo must not name another day."""
    if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", text, re.ASCII):
        raise ValueError(f"Invalid isoformat string: {text!r}")
    return date.fromisoformat(text)


@dataclass(frozen=True)
class VersionRef:
    """What a user types to name a stored version: a sha256 prefix, REGNUM@YYYY-MM-DD, or the label
    of an undated version (REGNUM:prefix, unknown:prefix)."""

    prefix: str | None = None
    act: str | None = None
    edition_date: date | None = None

    @classmethod
    def parse(cls, text: str) -> VersionRef:
        text = text.strip()
        if "@" in text:
            act_text, _, date_text = text.partition("@")
            try:
                when = iso_day(date_text)
            except ValueError as exc:  # "2021-02-30": "day is out of range for month" says which part
                why = "" if str(exc).startswith("Invalid isoformat") else f" ({exc})"
                raise UsageError(f"bad date {date_text!r} in {text!r}{why}: expected REGNUM@YYYY-MM-DD") from None
            return cls(act=normalize_act(act_text), edition_date=when)
        if re.fullmatch(r"[0-9a-fA-F]{4,64}", text):
            return cls(prefix=text.lower())
        # The label lexwatch prints for an undated version: "HK9900275:2735ab3d2b99", "unknown:2735ab3d2b99"
        m = re.fullmatch(r"([^:\s]+):([0-9a-fA-F]{4,64})", text)
        if m:
            act = None if m.group(1).lower() == "unknown" else normalize_act(m.group(1))
            return cls(prefix=m.group(2).lower(), act=act)
        raise UsageError(
            f"not a version: {text!r} (give a sha256 prefix of at least 4 hex digits or REGNUM@YYYY-MM-DD)")

    def __str__(self) -> str:
        if self.prefix:
            return f"{self.act}:{self.prefix}" if self.act else self.prefix
        return f"{self.act}@{self.edition_date.isoformat() if self.edition_date else ''}"
