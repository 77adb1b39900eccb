"""Find what rule packs watch in a text: Russian terms by lexeme, article references, patterns.

Pure functions over strings. A cheap regex on word prefixes finds candidate words first; only
those are compared with the forms of each term's words (pymorphy3, cached in lexwatch.morph).
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from itertools import accumulate
from typing import TYPE_CHECKING, Any

from lexwatch.flags.packs import Pack, Rule
from lexwatch.ids import ARTICLE_NUMBER_PATTERN, FROM_SUPERSCRIPT, ArticleNumber

if TYPE_CHECKING:
    from lexwatch.flags.targets import Target

_WORD_AT_RE = re.compile(r"[А-Яа-яЁё]+(?:-[А-Яа-яЁё]+)?")
_WORD_BEFORE_RE = re.compile(r"(?<![а-яё-])([а-яё]+(?:-[а-яё]+)?)[ \t\n\u00a0]+$")
_GAP_RE = re.compile(r"[ \t\n\u00a0]+")
_BELARUSIAN_RE = re.compile(r"[ІіЎў]")
_SENTENCE_END_RE = re.compile(r"[.;!?\n]")

# "частью 3 статьи 289", "ч. 3 ст. 289", "части первой статьи 59", "частями 1 или 2 статьи 130"
_ORDINALS = {"перв": 1, "втор": 2, "трет": 3, "четверт": 4, "пят": 5, "шест": 6, "седьм": 7,
             "восьм": 8, "девят": 9, "десят": 10}
# The part numbers after "частью", "частями": "3", "2¹", "1/1", "1 или 2", "первой" (lower-cased text).
PART_NUMBERS = (r"\d{1,2}(?:/\d|[¹²³⁴⁵⁶⁷⁸⁹])?(?:\s*(?:,|и|или|либо)\s*\d{1,2}(?:/\d|[¹²³⁴⁵⁶⁷⁸⁹])?)*"
                r"|(?:перв|втор|трет|четверт|пят|шест|седьм|восьм|девят|десят)[а-я]{1,3}")
# These run over the lower-cased text ("ё" folded) and start with a literal, so scanning is fast.
_PART_BEFORE_RE = re.compile(
    r"(?<![а-яё])(?:част(?:ь|и|ью|ей|ям|ями|ях)|ч\.)\s*(?P<part>" + PART_NUMBERS + r")\s+$")
# "статей" (genitive plural) too: "санкции частей 2 и 3 статей 289 и 290"
_REF_RE = re.compile(r"ст(?:ать(?:ями|ях|ям|ей|я|и|ю|е)(?![а-яё])|атей(?![а-яё])|\.)\s*(?=\d)")
_NUMBER_RE = re.compile(ARTICLE_NUMBER_PATTERN)
_LIST_GAP_RE = re.compile(r"\s*,\s*|\s+(?:и|или|либо)\s+|\s*(?P<dash>[–—-])\s*")
# A sub-numbered article written on its own: "130²", "130<sup>2</sup>", "290-1", "290/1".
_BARE_SUB_RE = re.compile(r"(?P<base>\d{2,4})(?:(?P<sup>[⁰¹²³⁴⁵⁶⁷⁸⁹]{1,3})|<sup>(?P<htmlsup>\d{1,3})"
                          r"</sup>|[-/](?P<sep>\d{1,2}))(?![\d.,/-]\d)")

EVIDENCE_WORDS = 6


@dataclass(frozen=True)
class Hit:
    """One place where a rule fires. `direction`: present, added, removed or changed."""

    pack: str
    rule: str
    severity: str
    kind: str            # "term", "article" or "pattern"
    key: str             # the term, the article (canonical) or the pattern that matched
    start: int
    end: int
    evidence: str
    article: str | None = None   # the article the hit is in (canonical number)
    part: str | None = None      # for references: the part named ("3"), if any
    direction: str = "present"
    # in an amending law: the Code articles the instruction around the hit changes, and that
    # instruction's point in the law's article ("1", "1.2"); see lexwatch.flags.targets
    targets: tuple[Target, ...] = ()
    instruction: str | None = None
    # in a diff: the hit's words untouched and every change of its part in that part's sanction (after
    # "наказывается"), so its subject changed only if the sanction did (lexwatch.flags.annotate_diff)
    in_sanction: bool = False

    def to_dict(self) -> dict[str, Any]:
        return {"pack": self.pack, "rule": self.rule, "severity": self.severity,
                "direction": self.direction, "article": self.article, "evidence": self.evidence,
                "targets": [t.to_dict() for t in self.targets], "instruction": self.instruction}


@dataclass(frozen=True)
class _Term:
    pack: str
    rule: Rule
    text: str
    words: tuple[frozenset[str], ...]   # every form of each word of the term (its lexeme)
    anchor: int                         # the word searched for first: the longest, so the rarest


class Matcher:
    """The compiled form of a list of packs: a prefix regex, term forms, article index."""

    def __init__(self, packs: Iterable[Pack]) -> None:
        from lexwatch.flags.lexicon import term_forms

        self.packs = tuple(packs)
        self.terms: list[_Term] = []
        self.articles: dict[ArticleNumber, list[tuple[str, Rule]]] = {}
        self.patterns: list[tuple[str, Rule, re.Pattern[str]]] = []
        prefixes: set[str] = set()
        for pack in self.packs:
            for rule in pack.rules:
                for term in rule.terms:
                    words = term.split()
                    word_forms = tuple(term_forms(w) for w in words)
                    anchor = max(range(len(words)), key=lambda i: len(words[i]))
                    self.terms.append(_Term(pack.name, rule, term, word_forms, anchor))
                    prefixes.add(_common_prefix(word_forms[anchor]))
                for number in rule.articles:
                    self.articles.setdefault(number, []).append((pack.name, rule))
            for rule, pattern in pack.compiled_patterns:
                self.patterns.append((pack.name, rule, pattern))
        alternatives = "|".join(sorted((re.escape(p) for p in prefixes), key=len, reverse=True))
        self.prefix_re = re.compile(r"(?:" + alternatives + r")[а-яё]*(?:-[а-яё]+)?") \
            if prefixes else None
        self.by_anchor: dict[str, list[_Term]] = {}
        for entry in self.terms:
            for form in entry.words[entry.anchor]:
                self.by_anchor.setdefault(form, []).append(entry)


def _common_prefix(words: frozenset[str]) -> str:
    items = sorted(words)
    first, last = items[0], items[-1]
    n = 0
    while n < min(len(first), len(last)) and first[n] == last[n]:
        n += 1
    return first[:max(n, 2)]


_MATCHERS: dict[tuple[int, ...], Matcher] = {}


def matcher_for(packs: Iterable[Pack]) -> Matcher:
    """One compiled Matcher per list of packs (the matcher keeps the packs, so ids stay theirs)."""
    packs = tuple(packs)
    key = tuple(id(p) for p in packs)
    if key not in _MATCHERS:
        if len(_MATCHERS) > 16:
            _MATCHERS.clear()
        _MATCHERS[key] = Matcher(packs)
    return _MATCHERS[key]


def evidence_at(text: str, start: int, end: int) -> str:
    """The hit with a few words either side, on one line, "…" where the text was cut."""
    # a line is a part, a point or a sanction: the quote stays inside it. Only the 301 characters either
    # side are looked at (a line further off cuts nothing): each of 55 000 hits in a 1 MB paragraph
    # scanned it to its start and end
    lo, hi = max(0, start - 301), min(len(text), end + 301)
    line_start = text.rfind("\n", lo, start) + 1 or lo
    line_end = text.find("\n", end, hi)
    line_end = hi if line_end < 0 else line_end
    before = text[max(line_start, start - 300):start].split(" ")
    after = text[end:min(line_end, end + 300)].split(" ")
    # the first item after (or last before) is the rest of the hit's own word: one more is kept
    head, tail = before[-(EVIDENCE_WORDS + 1):], after[:EVIDENCE_WORDS + 1]
    out = " ".join((" ".join(head) + text[start:end] + " ".join(tail)).split())
    if len(before) > len(head) or (start - 300 > line_start):
        out = "… " + out
    if len(after) > len(tail) or (end + 300 < line_end):
        out += " …"
    return out


def _belarusian_spans(text: str) -> list[tuple[int, int]]:
    """Sentences written in Belarusian ("смяротнае пакаранне ў выглядзе…"): never matched."""
    if not _BELARUSIAN_RE.search(text):
        return []
    spans = []
    start = 0
    for m in _SENTENCE_END_RE.finditer(text + "\n"):
        sentence = text[start:m.start()]
        if len(_BELARUSIAN_RE.findall(sentence)) >= 2:
            spans.append((start, m.start()))
        start = m.end()
    return spans


class Spans:
    """Spans to ask whether a position is inside one of, by bisection: a pass over every span for each hit
    grew with the square (10 000 references and sub-numbers in 100 kB: 3.5 s)."""

    def __init__(self, spans: Iterable[tuple[int, int]]) -> None:
        ordered = sorted(spans)
        self.starts = [s for s, _ in ordered]
        self.reach = list(accumulate((e for _, e in ordered), max, initial=0))  # the furthest end so far

    def __contains__(self, pos: int) -> bool:
        return self.reach[bisect_right(self.starts, pos)] > pos


def _norm(word: str) -> str:
    return word.lower().replace("ё", "е")


def lower_same_length(text: str) -> str:
    """Lower-cased, "ё" folded, every offset kept (a character whose lower case is longer stays)."""
    low = text.lower().replace("ё", "е")
    if len(low) == len(text):
        return low
    return "".join(c if len(c.lower()) != 1 else c.lower() for c in text).replace("ё", "е")


def _starts_word(text: str, start: int, end: int) -> bool:
    return (start == 0 or not (text[start - 1].isalnum() or text[start - 1] == "-")) \
        and (end == len(text) or not text[end].isalnum())


def _term_hits(matcher: Matcher, text: str) -> Iterator[tuple[str, Rule, str, str, int, int]]:
    """Terms whose every word is a form of the term word's lexeme ("смертной казнью")."""
    if matcher.prefix_re is None:
        return
    for m in matcher.prefix_re.finditer(text):
        candidates = matcher.by_anchor.get(m.group())
        if candidates is None or not _starts_word(text, m.start(), m.end()):
            continue
        for term in candidates:
            start, end = m.start(), m.end()
            ok = True
            for forms_ in term.words[term.anchor + 1:]:
                gap = _GAP_RE.match(text, end)
                nxt = _WORD_AT_RE.match(text, gap.end()) if gap else None
                if nxt is None or nxt.group() not in forms_:
                    ok = False
                    break
                end = nxt.end()
            for forms_ in reversed(term.words[:term.anchor]):
                if not ok:
                    break
                prev = _WORD_BEFORE_RE.search(text, max(0, start - 60), start)
                if prev is None or prev.group(1) not in forms_:
                    ok = False
                    break
                start = prev.start(1)
            if ok:
                yield term.pack, term.rule, "term", term.text, start, end


def _ref_numbers(text: str, cursor: int, known: frozenset[ArticleNumber] | None
                 ) -> Iterator[tuple[ArticleNumber, int, int]]:
    """The article numbers of one reference list starting at `cursor`, ranges expanded."""
    previous: ArticleNumber | None = None
    dash = False
    while True:
        m = _NUMBER_RE.match(text, cursor)
        if not m or (m.end() < len(text) and text[m.end()].isdigit()):
            return
        number = _resolve(ArticleNumber.from_match(m), known)
        if dash and previous is not None:
            yield from ((n, m.start(), m.end()) for n in _range(previous, number, known))
        yield number, m.start(), m.end()
        previous = number
        gap = _LIST_GAP_RE.match(text, m.end())
        if not gap or not _NUMBER_RE.match(text, gap.end()):
            return
        dash = bool(gap.group("dash"))
        cursor = gap.end()


def _resolve(number: ArticleNumber, known: frozenset[ArticleNumber] | None) -> ArticleNumber:
    """A collapsed "2901" is 290¹ when the document has 290¹ and no article 2901."""
    if known is None or number.sub or number in known:
        return number
    digits = str(number.base)
    for cut in range(len(digits) - 1, 0, -1):
        if digits[cut] == "0":
            continue
        candidate = ArticleNumber(int(digits[:cut]), int(digits[cut:]))
        if candidate in known:
            return candidate
    return number


def _range(first: ArticleNumber, last: ArticleNumber, known: frozenset[ArticleNumber] | None = None
           ) -> Iterator[ArticleNumber]:
    """Numbers strictly between two ends of "140–143", "290/1–290/5" or "289–292".

    A range takes in the sub-numbered articles inserted between its ends ("289–292" covers 290¹–290⁵,
    "356–361⁵" covers 361¹–361⁴): the document's own articles when they are known, else every
    sub-number up to 20 (only those a rule watches can match).
    """
    if not first < last or last.base - first.base > 30 or (first.base == last.base and last.sub > 20):
        return
    if known is not None:
        ordered = _ordered(known)
        yield from ordered[bisect_right(ordered, first):bisect_left(ordered, last)]
        return
    for base in range(first.base, last.base + 1):
        for sub in range(21):
            number = ArticleNumber(base, sub)
            if first < number < last:
                yield number


@lru_cache(maxsize=4)
def _ordered(known: frozenset[ArticleNumber]) -> list[ArticleNumber]:
    """The document's articles in order, sorted once: a pass over them for each range of a list ("ст. 1–2, 1–2,
    …": 20 000 ranges in 100 kB) took 3 s."""
    return sorted(known)


def part_number(text: str | None) -> str | None:
    """"3", "1 или 2" as written (spaces folded); an ordinal ("первой") as its digit."""
    if not text:
        return None
    low = text.lower()
    for stem, value in _ORDINALS.items():
        if low.startswith(stem):
            return str(value)
    return re.sub(r"\s+", " ", text)


def references(text: str, known: frozenset[ArticleNumber] | None
               ) -> Iterator[tuple[ArticleNumber, int, int, str | None, bool]]:
    """Every article cited after "статья"/"ст." in a lower-cased text, ranges expanded: its number,
    its span (the first of a list from the part named before it: "частью 3 статьи 289"), that part
    ("3", "1 или 2"; it is the part of every article of the list) and whether it is the list's first."""
    for ref in _REF_RE.finditer(text):
        if ref.start() and text[ref.start() - 1].isalpha():
            continue
        before = _PART_BEFORE_RE.search(text, max(0, ref.start() - 40), ref.start())
        part = part_number(before.group("part")) if before else None
        ref_start = before.start() if before else ref.start()
        first = True
        for number, start, end in _ref_numbers(text, ref.end(), known):
            yield number, ref_start if first else start, end, part, first
            first = False


def _reference_hits(matcher: Matcher, text: str, known: frozenset[ArticleNumber] | None
                    ) -> Iterator[tuple[str, Rule, str, str, int, int, str | None]]:
    if not matcher.articles:
        return
    taken: list[tuple[int, int]] = []
    for number, start, end, part, first in references(text, known):
        taken.append((start, end))
        for pack, rule in matcher.articles.get(number, ()):
            yield pack, rule, "article", number.canonical, start, end, part if first else None
    cited = Spans(taken)
    for m in _BARE_SUB_RE.finditer(text):
        if m.start() in cited or (m.start() and text[m.start() - 1] in "0123456789.,/-"):
            continue
        sub = m.group("sup") or m.group("htmlsup") or m.group("sep")
        number = ArticleNumber(int(m.group("base")), int(sub.translate(FROM_SUPERSCRIPT)))
        for pack, rule in matcher.articles.get(number, ()):
            yield pack, rule, "article", number.canonical, m.start(), m.end(), None


def find_hits(text: str, packs: Iterable[Pack], *, article: str | None = None,
              known: frozenset[ArticleNumber] | None = None) -> list[Hit]:
    """Every hit of the packs' rules in `text`, in text order.

    `article` is written into each hit; `known` (the document's article numbers) lets a collapsed
    reference such as "2901" read as 290¹. A term inside a longer term of the same pack is dropped,
    so "лицо без гражданства" is one hit, not two (with "гражданство").
    """
    matcher = matcher_for(packs)
    skip = _belarusian_spans(text)
    low = lower_same_length(text)
    raw: list[tuple[str, Rule, str, str, int, int, str | None]] = [
        (*t, None) for t in _term_hits(matcher, low)]
    raw += _reference_hits(matcher, low, known)
    for pack, rule, pattern in matcher.patterns:
        # an empty match ("\\b", "x*" where no x) is a position, not evidence of anything
        raw += [(pack, rule, "pattern", pattern.pattern, m.start(), m.end(), None) for m in pattern.finditer(text)
                if m.end() > m.start()]
    if skip:
        belarusian = Spans(skip)
        raw = [r for r in raw if r[4] not in belarusian]
    # A term inside a longer term of its pack is dropped: sorted by start and longest first, the
    # longer one is always seen before the terms it covers.
    raw.sort(key=lambda r: (r[4], r[4] - r[5]))
    cover: dict[str, tuple[int, int]] = {}
    kept = []
    for r in raw:
        if r[2] != "term":
            kept.append(r)
            continue
        span = cover.get(r[0])
        if span is not None and span[1] >= r[5] and span != (r[4], r[5]):
            continue
        if span is None or r[5] > span[1]:
            cover[r[0]] = (r[4], r[5])
        kept.append(r)
    kept.sort(key=lambda r: (r[4], r[0], r[1].id))
    return [Hit(pack, rule.id, rule.severity, kind, key, start, end, evidence_at(text, start, end), article, part)
            for pack, rule, kind, key, start, end, part in kept]
