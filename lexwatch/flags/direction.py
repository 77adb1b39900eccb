"""Which way a hit goes: added, removed, changed (or just present in a single document).

In a diff the answer comes from where the hits sit among the word ops; in one document it comes
from the amendment instruction around the hit ("… исключить", "дополнить … следующего содержания").
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, replace
from functools import cached_property, lru_cache

from lexwatch.diff.model import Op
from lexwatch.flags.match import Hit
from lexwatch.flags.sanctions import penalties_named_alike

# "исключить", "признать утратившей силу", "отменить" remove; "за исключением" is only an exception.
_REPEAL_RE = re.compile(
    r"(?i)(?<![А-Яа-яЁё])(?:исключить|исключается|исключены?|признать\s+утративш(?:ей|ими|им)\s+силу"
    r"|утрачивает\s+силу|утратил[аио]?\s+силу|отменить|отменяется|отменен[аоы]?|упразднить|упраздняется)"
    r"(?![А-Яа-яЁё])")
# "не назначается", "не может быть назначена", "не применяется": the term is restricted, not added.
_NEGATION_RE = re.compile(r"(?i)(?<![А-Яа-яЁё])не\s+(?:может\s+быть\s+|могут\s+быть\s+)?"
                          r"(?:назнача|назначен|примен|допуска|подлеж)[а-яё]*")
_CHANGE_RE = re.compile(r"(?i)изложить\s+в\s+следующей\s+редакции|заменить|внести\s+(?:в\s+\S+\s+)?изменени")
# An instruction verb in the imperative ("исключается" in the Code's own text is not one).
INSTRUCTION_RE = re.compile(r"(?i)(?<![а-яё])(?:внести|изложить|исключить|дополнить|заменить|отменить"
                            r"|признать\s+утративш(?:ей|ими|им)\s+силу|утрачива(?:ет|ют)\s+силу)(?![а-яё])")
# their stems, less the first letter (a capital or not): found by `in`, 6x faster than the regex, in the
# few texts that are read further (17 of the 526 articles of the 2022 code)
_INSTRUCTION_STEMS = ("нести", "зложить", "сключить", "ополнить", "аменить", "тменить", "утративш", "трачива")
_REPLACE_RE = re.compile(r"(?i)(?<![А-Яа-яЁё])заменить(?![А-Яа-яЁё])")
_ADD_RE = re.compile(r"(?i)(?<![А-Яа-яЁё])дополнить")
_INSTRUMENTAL_REF_RE = re.compile(r"(?i)^(?:част(?:ью|ями)\s+\S+\s+)?стать(?:ей|ями)\b")
# Clauses end at ";", a new line, a point "2) ", the colon of a list's lead ("В статье 289: часть 1 …"),
# and a sentence's ". " before a capital or a number, but not after an abbreviation that cites a number
# ("ч. 3 ст. 289", "п. 2 ч. 1 ст. 67", "подп. 1.2", "абз. 2"). Each branch starts with a literal: a fast scan.
_CLAUSE_END_RE = re.compile(r"[;\n]|\.(?:\s+(?=[А-ЯЁ])|(?<!\b[чЧпП]\.)(?<!\b[сС]т\.)(?<!\b[пП]п\.)(?<!\b[аА]бз\.)"
                            r"(?<!\b[пП]одп\.)\s+(?=\d))|\d(?<=\s\d)\d?(?:/\d)?\)\s|:[ \t]+(?=[а-яё\d])")
# a part's number ("2. ", "1/1. "), or in an amending law a point's ("1.2. ", "3) ")
_PART_NUMBER_RE = re.compile(r"^(?:\d{1,3}(?:/\d{1,2})?(?:\.\d{1,3})*\.|\d{1,2}\))\s")
# A part starts with "2. " (or "1/1. ") and a capital, or with "Примечание."; the first character is
# matched first so the scan is fast, and the space before it is checked in _parts.
_PART_START_RE = re.compile(r"[\dП](?:(?<=\d)\d{0,2}(?:/\d{1,2})?\.\s(?=[А-ЯЁ])|(?<=П)римечани[ея]\.)")

# Quoted wording in an amendment instruction, and what the words before the quote make of it.
# The spaces around the colon are possessive (a space is never a colon): "\s*:?\s*" backtracked through
# every split of a long run, for each way in (100 000 spaces after "в следующей редакции": 40 s).
_NEW_WORDING_RE = re.compile(r"(?i)(?:заменить\s+(?:соответственно\s+)?(?:словами|словом|цифрами)"
                             r"|следующего\s+содержания\s*+:?)\s*+(?:«[^«»]*»\s*(?:,|и)\s*)*$")
# "дополнить … словами «…»" is read from its end (`_new_wording`): "дополнить[^«»;]*?словами" scanned to
# the end of the text again from each "дополнить" (10 000 of them: 11 s)
_ADD_WORDS_RE = re.compile(r"(?i)(?:словами|словом)\s*+(?:«[^«»]*»\s*(?:,|и)\s*)*$")
_ADD_VERB_RE = re.compile(r"(?i)дополнить")
_REWORDING_RE = re.compile(r"(?i)в\s+следующей\s+редакции\s*+:?\s*+$")
# "слова «…»", or the second of a list: "слова «экстремистскими» и «экстремистских материалов»"
_OLD_WORDING_RE = re.compile(r"(?i)(?:слова|слово|цифры|цифру)\s*(?:«[^«»]*»\s*(?:,|и)\s*)*$")
# the rest of such a list after a quote: ", «…» и «…»"
_MORE_OLD_WORDINGS_RE = re.compile(r"(?:\s*(?:,|и)\s*«[^«»]*»)*")
# and what the instruction does with them
_OLD_WORDING_GONE_RE = re.compile(r"(?i)\s*(?:исключить|признать)")
_OLD_WORDING_REPLACED_RE = re.compile(r"(?i)\s*(?:соответственно\s+)?заменить")
# a quote that only says where new words go ("после слов «…»"): its words stay as they are
_ANCHOR_RE = re.compile(r"(?i)(?:после|перед)\s+(?:слов|слова|словами|цифр|цифры)\s*$")
# the title of an act, in «…» after its name or number ("Закона … № 203-З «О противодействии экстремизму»"):
# a name, neither words an instruction replaces nor its new wording
_TITLE_BEFORE_RE = re.compile(r"(?i)(?:№\s*\d{1,4}[-‑–][зЗ]|(?<![а-яё])(?:закон|указ|декрет)[а-яё]{0,2}"
                              r"|республики\s+беларусь)\s*+$")
_WORDING_WORD_RE = re.compile(r"(?i)(?<![а-яё])(?:слова|слово|словами|словом|цифры|цифрами)(?![а-яё])")
# what the lead of a list ("… силу:" over "статью 361⁴;") says to repeal its items (an instruction; not
# the code's "исключается")
_LEAD_REPEAL_RE = re.compile(r"(?i)(?<![А-Яа-яЁё])(?:исключить|признать\s+утративш(?:ей|ими|им)\s+силу"
                             r"|утрачива(?:ет|ют)\s+силу|отменить)(?![А-Яа-яЁё])")


def quote_spans(text: str) -> list[tuple[int, int]]:
    """Top-level «…» spans (start of «, index of the matching »)."""
    spans: list[tuple[int, int]] = []
    depth = opened = 0
    for m in re.finditer("[«»]", text):
        if m.group() == "«":
            if depth == 0:
                opened = m.start()
            depth += 1
        elif depth:
            depth -= 1
            if depth == 0:
                spans.append((opened, m.start()))
    return spans


def _unquoted(text: str) -> str:
    """The text with its quoted wording («…», to the matching ») left out."""
    if "«" not in text:
        return text
    pieces, at = [], 0
    for a, b in quote_spans(text):
        pieces.append(text[at:a])
        at = b + 1
    return " ".join([*pieces, text[at:]])


class Layout:
    """Quotes and instruction boundaries of one text, computed once for all its hits."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.quotes = quote_spans(text)
        self._quote_starts = [a for a, _ in self.quotes]
        ends = [m.span() for m in _CLAUSE_END_RE.finditer(text)]
        # a lead's colon stays with it: "В статье 289:"
        self.ends = [(a + (text[a] == ":"), b) for a, b in ends if not self.quotes or self.quote_at(a) is None]
        self._end_starts = [a for a, _ in self.ends]
        # what is read of a clause (or a quote) once, whichever of its hits asks: a 1 MB paragraph of
        # 50 000 hits was read 50 000 times (hours)
        self._unquoted: dict[tuple[int, int], str] = {}
        self._verbs: dict[tuple[re.Pattern[str], int, int], re.Match[str] | None] = {}
        self._says: dict[tuple[re.Pattern[str], int, int], bool] = {}
        self._colons: dict[tuple[int, int], bool] = {}
        self._negations: dict[tuple[int, int], bool] = {}
        self._quoted: dict[int, _Quoted] = {}

    def quote_at(self, pos: int) -> tuple[int, int] | None:
        i = bisect_right(self._quote_starts, pos) - 1
        if i >= 0 and self.quotes[i][0] < pos < self.quotes[i][1]:
            return self.quotes[i]
        return None

    def clause(self, pos: int) -> tuple[int, int]:
        """The instruction around `pos`: between clause ends that are not inside quotes."""
        i = bisect_right(self._end_starts, pos - 1)
        start = self.ends[i - 1][1] if i > 0 else 0
        end = self.ends[i][0] if i < len(self.ends) else len(self.text)
        return start, end

    def unquoted(self, start: int, end: int) -> str:
        """text[start:end] with quoted wording blanked out."""
        if (start, end) not in self._unquoted:
            self._unquoted[start, end] = self._blanked(start, end)
        return self._unquoted[start, end]

    def _blanked(self, start: int, end: int) -> str:
        pieces: list[str] = []
        at = start
        # only the quotes from the one around `start` on: a law's thousands are not each looked at
        for k in range(max(0, bisect_right(self._quote_starts, start) - 1), len(self.quotes)):
            a, b = self.quotes[k]
            if a >= end:
                break
            if b >= start:
                a, b = max(a, start), min(b + 1, end)
                pieces += [self.text[at:a], " " * (b - a)]
                at = b
        pieces.append(self.text[at:end])
        return "".join(pieces)

    def verb(self, verb: re.Pattern[str], start: int, end: int) -> re.Match[str] | None:
        """`verb_in` the unquoted text[start:end]."""
        key = (verb, start, end)
        if key not in self._verbs:
            self._verbs[key] = verb_in(verb, self.unquoted(start, end))
        return self._verbs[key]

    def says(self, words: re.Pattern[str], start: int, end: int) -> bool:
        """`words` occur in the unquoted text[start:end]: asked once per clause, not once per quote in it."""
        key = (words, start, end)
        if key not in self._says:
            self._says[key] = words.search(self.unquoted(start, end)) is not None
        return self._says[key]

    def leads(self, start: int, end: int) -> bool:
        """The unquoted text[start:end] ends in a colon: it leads a list or a quote."""
        if (start, end) not in self._colons:
            self._colons[start, end] = self.unquoted(start, end).rstrip().endswith(":")
        return self._colons[start, end]

    def has_quote(self, start: int, end: int) -> bool:
        """A quote opens in text[start:end]."""
        i = bisect_left(self._quote_starts, start)
        return i < len(self._quote_starts) and self._quote_starts[i] < end

    @cached_property
    def _title_ends(self) -> list[int]:
        """Where each act's title in «…» ends (after its »), in order: read once, at the first quote asked about."""
        return [b + 1 for a, b in self.quotes if _TITLE_BEFORE_RE.search(self.text, max(0, a - 40), a)]

    def past_titles(self, start: int, end: int) -> int:
        """`start`, or after the last act's title in text[start:end]."""
        i = bisect_left(self._title_ends, end) - 1
        return max(start, self._title_ends[i]) if i >= 0 else start

    def is_title(self, open_: int, close: int) -> bool:
        """The quote text[open_:close + 1] is an act's title."""
        i = bisect_left(self._title_ends, close + 1)
        return i < len(self._title_ends) and self._title_ends[i] == close + 1

    @cached_property
    def _sentence_marks(self) -> tuple[list[int], list[int]]:
        """Where a sentence of new wording may start after (".;:" and new lines) and end at (".;" and new lines)."""
        starts = [m.start() for m in re.finditer(r"[.;:\n]", self.text)]
        return starts, [i for i in starts if self.text[i] != ":"]

    def negated(self, hit: Hit, lo: int, hi: int) -> bool:
        """The sentence of the hit (within text[lo:hi]) restricts it: "Смертная казнь не может быть назначена"."""
        starts, ends = self._sentence_marks
        i = bisect_left(starts, hit.start) - 1
        j = bisect_left(ends, hit.end)
        span = (starts[i] + 1 if i >= 0 and starts[i] >= lo else lo, ends[j] if j < len(ends) and ends[j] < hi else hi)
        if span not in self._negations:
            self._negations[span] = _NEGATION_RE.search(self.text, *span) is not None
        return self._negations[span]


_MODAL_RE = re.compile(r"(?i)(?:мож[а-яё]*|вправе|долж[а-яё]*|обязан[а-яё]*|следует|разрешается|правомоч[а-яё]*)"
                       r"(?:\s+\S+){0,2}\s+$")


def verb_in(verb: re.Pattern[str], clause: str) -> re.Match[str] | None:
    """An instruction verb, unless the code is describing a power ("суд может заменить")."""
    for m in verb.finditer(clause):
        if not _MODAL_RE.search(clause, max(0, m.start() - 40), m.start()):
            return m
    return None


class _SameRule:
    """Where the hits of each rule start, and which of them in quotes: found by bisection, not by a pass over
    every hit for each hit (4 000 quoted hits of a law: 0.5 s, growing with the square)."""

    def __init__(self, layout: Layout, hits: list[Hit]) -> None:
        self.starts: dict[tuple[str, str], list[int]] = {}
        self.quoted: dict[tuple[str, str], list[int]] = {}
        for h in sorted(hits, key=lambda h: h.start):
            self.starts.setdefault((h.pack, h.rule), []).append(h.start)
            if layout.quote_at(h.start) is not None:
                self.quoted.setdefault((h.pack, h.rule), []).append(h.start)

    def within(self, hit: Hit, lo: int, hi: int, *, quoted: bool = False) -> bool:
        """A hit of the hit's rule starts in [lo, hi) (and in a quote, if `quoted`)."""
        starts = (self.quoted if quoted else self.starts).get((hit.pack, hit.rule), [])
        i = bisect_left(starts, lo)
        return i < len(starts) and starts[i] < hi


def _repealed(layout: Layout, start: int, end: int) -> bool:
    """The clause text[start:end], or the line leading the list it is an item of, repeals what it names."""
    if layout.verb(_REPEAL_RE, start, end):
        return True
    if layout.verb(_ADD_RE, start, end) or layout.verb(_CHANGE_RE, start, end):
        return False
    # the lead of the list the clause is an item of ("Признать утратившими силу:")
    parts = _parts(layout.text)
    lead = parts.lead_of[parts.at(start)]
    return lead >= 0 and layout.verb(_LEAD_REPEAL_RE, parts.starts[lead], parts.starts[lead + 1]) is not None


def _new_wording(before: str) -> int | None:
    """Where the instruction that gives the new wording quoted after `before` starts, or None."""
    found = _NEW_WORDING_RE.search(before)
    starts = [found.start()] if found else []
    words = _ADD_WORDS_RE.search(before)
    if words:
        # "дополнить … словами": the first "дополнить" with no quote or ";" between it and its words
        since = max(before.rfind(c, 0, words.start()) for c in "«»;") + 1
        verb = _ADD_VERB_RE.search(before, since, words.start())
        starts += [verb.start()] if verb else []
    return min(starts, default=None)


# How far before a quote the words that say what it is are read ("заменить словами «…», "); a quote further
# down a longer list of quotes is what the one before it is (`_listed`).
_BEFORE_MAX = 3000


@dataclass(frozen=True)
class _Quoted:
    """What the words around a quote make of it: a direction, or how to tell each hit's ("new": a hit of the
    rule quoted in text[lo:hi] makes it a change; "replaced": one in text[lo:hi] after the verb does; "lead":
    the clause text[lo:hi] around the quote decides)."""

    how: str
    lo: int = 0
    hi: int = 0
    listed: bool = False  # read from the words before a list of quotes: the list's next quote is the same


def _quoted(layout: Layout, open_: int, close: int) -> _Quoted:
    text = layout.text
    # the new wording usually starts a line of its own: "изложить в следующей редакции:\n«…»"
    lead = open_
    while lead > 0 and text[lead - 1].isspace():
        lead -= 1
    start, _ = layout.clause(lead)
    # what decides is just before the quote ("заменить словами «A», «B» и "): read from _BEFORE_MAX back, not
    # from the clause's start, which each quote of a clause of thousands read again (quadratic: 1 000
    # titles in one clause, 88 kB, took 15 s)
    window = max(start, lead - _BEFORE_MAX)
    before = text[window:lead]
    after_end = layout.clause(close + 1)[1]
    new_wording = _new_wording(before)
    if new_wording is not None:
        # the words it replaces ("слова «…» заменить словами «…»", "«A» и «B» … соответственно"):
        # the quotes of the clause before the verb, after the title of the act it amends
        return _Quoted("new", layout.past_titles(start, window + new_wording), window + new_wording, listed=True)
    if _REWORDING_RE.search(before):
        return _Quoted("changed")
    if _OLD_WORDING_RE.search(before):
        more = _MORE_OLD_WORDINGS_RE.match(text, close + 1, after_end)   # the other words of the list: «…» и «…»
        rest = more.end() if more else close + 1
        if _OLD_WORDING_GONE_RE.match(text, rest, after_end):
            return _Quoted("removed", listed=True)
        verb = _OLD_WORDING_REPLACED_RE.match(text, rest, after_end)
        return _Quoted("replaced", verb.end() + 1, after_end, listed=True) if verb else _Quoted("present", listed=True)
    if _ANCHOR_RE.search(before):
        return _Quoted("present")
    # a title in quotes ("Закон … № 146-З «О геноциде белорусского народа»") goes with what it names
    outer_start, outer_end = layout.clause(open_)
    if not layout.says(_WORDING_WORD_RE, outer_start, outer_end) and _repealed(layout, outer_start, outer_end):
        return _Quoted("removed")
    # "Статью 1 Закона … «О противодействии экстремизму» дополнить …" changes the act, as its list's lead does
    if layout.is_title(open_, close) and layout.verb(INSTRUCTION_RE, outer_start, outer_end):
        return _Quoted("changed")
    return _Quoted("lead", outer_start, outer_end)


# between two quotes of one list: "«A», «B» и «C»"
_LIST_GAP_RE = re.compile(r"\s*(?:,|и)\s*")


def _listed(layout: Layout, open_: int) -> _Quoted:
    """What the quote at `open_` is, memoised. A quote that goes on a list ("слова «A», «B» … заменить
    соответственно словами «X», «Y» …") is what the one before it is: the words that say so may stand more
    than _BEFORE_MAX before it (40 replacements of 100 characters: the last ten read as merely present)."""
    memo, quotes = layout._quoted, layout.quotes
    i = j = bisect_left(layout._quote_starts, open_)

    def goes_on(k: int) -> bool:
        return k > 0 and _LIST_GAP_RE.fullmatch(layout.text, quotes[k - 1][1] + 1, quotes[k][0]) is not None

    while quotes[j][0] not in memo and goes_on(j) and quotes[j - 1][0] not in memo:
        j -= 1
    for k in range(j, i + 1):
        if quotes[k][0] not in memo:
            before = memo.get(quotes[k - 1][0]) if goes_on(k) else None
            memo[quotes[k][0]] = before if before is not None and before.listed else _quoted(layout, *quotes[k])
    return memo[open_]


def instruction_direction(layout: Layout, hit: Hit, same: _SameRule) -> str:
    """The direction an amendment instruction gives a hit in one document; "present" when none does."""
    inside = layout.quote_at(hit.start)
    if inside is not None:
        quoted = _listed(layout, inside[0])
        if quoted.how == "new":
            # the same rule in the words it replaces is a change, not an addition
            if same.within(hit, quoted.lo, quoted.hi, quoted=True):
                return "changed"
            # new wording that restricts the term ("не может быть назначена") does not add it
            return "changed" if hit.kind == "term" and layout.negated(hit, inside[0] + 1, inside[1]) else "added"
        if quoted.how == "replaced":
            return "changed" if same.within(hit, quoted.lo, quoted.hi) else "removed"
        if quoted.how == "lead":
            return _lead_direction(layout, quoted.lo, quoted.hi, hit)
        return quoted.how
    start, end = layout.clause(hit.start)
    if hit.kind == "article":
        if layout.verb(_ADD_RE, start, end) and _INSTRUMENTAL_REF_RE.match(layout.text[hit.start:hit.end]):
            return "added"        # "дополнить Кодекс статьей 130²"
        if layout.has_quote(start, end):
            return "changed"      # "в части 3 статьи 289 слова «…» исключить": words of it go
        if _repealed(layout, start, end):
            return "removed"      # "статью 361⁴ исключить"; "Признать утратившими силу:\nстатью 361⁴;"
        if layout.verb(_ADD_RE, start, end) or layout.verb(_CHANGE_RE, start, end):
            return "changed"      # "статью 289 дополнить частью четвертой"
        return _lead_direction(layout, start, end, hit)
    if _repealed(layout, start, end):
        return "removed"
    if layout.verb(_ADD_RE, start, end):
        return "added"
    replace_verb = layout.verb(_REPLACE_RE, start, end)
    if replace_verb:  # "смертную казнь заменить пожизненным…" / "… заменить смертной казнью"
        return "removed" if hit.start < start + replace_verb.start() else "added"
    if layout.verb(_CHANGE_RE, start, end):
        return "changed"
    return _lead_direction(layout, start, end, hit)


def _lead_direction(layout: Layout, start: int, end: int, hit: Hit) -> str:
    """"changed" for a hit in the lead of a list whose items instruct, whichever way each goes: "1. В статье
    289:" over "часть 1 изложить …" and "часть 3 исключить" changes Art. 289, which is neither added nor
    repealed (only an instruction naming it whole does that); "present" for anything else."""
    if layout.leads(start, end):
        parts = _parts(layout.text)
        i = parts.at(hit.start)
        if i in parts.leads and layout.verb(INSTRUCTION_RE, parts.starts[i + 1], parts.scopes[i]):
            return "changed"
    return "present"


def document_directions(text: str, hits: list[Hit]) -> list[Hit]:
    """Each hit of one document with its direction from the instruction around it."""
    layout = Layout(text)
    same = _SameRule(layout, hits)
    return [replace(h, direction=instruction_direction(layout, h, same)) for h in hits]


def split_sides(ops: list[Op]) -> tuple[str, str, list[tuple[int, int]], list[tuple[int, int]]]:
    """Old and new text rebuilt from ops, with the spans deleted from old and inserted into new."""
    old: list[str] = []
    new: list[str] = []
    deleted: list[tuple[int, int]] = []
    inserted: list[tuple[int, int]] = []
    o = n = 0
    for kind, chunk in ops:
        if kind != "insert":
            if kind == "delete":
                deleted.append((o, o + len(chunk)))
            old.append(chunk)
            o += len(chunk)
        if kind != "delete":
            if kind == "insert":
                inserted.append((n, n + len(chunk)))
            new.append(chunk)
            n += len(chunk)
    return "".join(old), "".join(new), deleted, inserted


def _touches(hit: Hit, spans: list[tuple[int, int]]) -> bool:
    return any(s < hit.end and hit.start < e for s, e in spans)


# Where a law's instruction starts: after "; " or a new line, after the lead of a list ("В статье 289: часть
# 1 …", not "в следующей редакции: «…»", whose new wording goes with it), at a point after a sentence.
_INSTRUCTION_START_RE = re.compile(r"[;\n]\s*|:\s+|\.\s+(?=(?:\d{1,3}(?:\.\d{1,3})*\.|\d{1,2}\))\s)")
# a point of an amending law starting a part: "1.2. " (its number, group 1) or "3) " (group 2)
LAW_POINT_RE = re.compile(r"(\d{1,3}(?:\.\d{1,3})*)\.\s|(\d{1,2}\))\s")
_LAW_ARTICLE_START_RE = re.compile(r"Статья\s+\d")


def point_level(point: str) -> float:
    """How deep a point nests: "1" 1, "1.2" 2, "3)" 10 (a sub-point, under a point of any depth)."""
    return 10.0 if point.endswith(")") else point.count(".") + 1.0


@dataclass(frozen=True)
class _Parts:
    """The parts of a text: where each starts, its wording without its number ("2. " / "3. " is no
    change; parts of one wording on both sides are twins), and where what it speaks for ends: its own
    end, or in an amending law the end of the list it leads or of the new wording it gives."""

    starts: tuple[int, ...]
    keys: tuple[str, ...]
    scopes: tuple[int, ...]
    lead_of: tuple[int, ...]   # the lead of the list a part is an item of, or -1

    def at(self, pos: int) -> int:
        return bisect_right(self.starts, pos) - 1

    @cached_property
    def leads(self) -> frozenset[int]:
        return frozenset(self.lead_of) - {-1}


@lru_cache(maxsize=64)
def _parts(text: str) -> _Parts:
    """The parts of an article; in an amending law's article, its instructions (`_instruction_parts`)."""
    if any(stem in text for stem in _INSTRUCTION_STEMS) and verb_in(INSTRUCTION_RE, _unquoted(text)):
        return _instruction_parts(Layout(text))
    starts = [m.start() for m in _PART_START_RE.finditer(text) if not m.start() or text[m.start() - 1].isspace()]
    bounds = [0, *starts] if not starts or starts[0] else starts
    ends = [*bounds[1:], len(text)]
    keys = tuple(_PART_NUMBER_RE.sub("", text[a:b]).strip() for a, b in zip(bounds, ends, strict=True))
    return _Parts(tuple(bounds), keys, tuple(ends), (-1,) * len(bounds))


# A law nests its lists three or four deep ("Статья 1. Внести в Кодекс …:" > "1. В статье 289:" > "1)
# часть 3 …:"). A lead below this many open lists is read as an item of the last one: each part's key
# spells out every lead above it and a lead's every item, so 3 800 nested leads (200 kB) made 460 MB
# of keys.
_MAX_LEAD_DEPTH = 16


def _instruction_parts(layout: Layout) -> _Parts:
    """An amending law's instructions as parts, read as laws are written.

    Each point ("2. статью 361⁴ исключить;", "1.1.", "2)") and each item of a list ("часть 3 исключить;")
    is a part, and so is each numbered part of new wording in «…», as in the Code. A lead ("1. В статье
    289:", "Внести в … изменения:") speaks for its list, to the next point of its level or an instruction
    that ends in "."; an instruction, for its new wording. A part's key has its leads' wording in front: "часть 3
    исключить" under "В статье 67:" is not the same item under "В статье 289:".
    """
    text = layout.text
    cuts = {m.end() for m in _INSTRUCTION_START_RE.finditer(text)
            if m.end() < len(text) and text[m.end()] != "«" and layout.quote_at(m.start()) is None}
    cuts |= {m.start() for m in _PART_START_RE.finditer(text)
             if m.start() and text[m.start() - 1].isspace() and layout.quote_at(m.start()) is not None}
    starts = sorted(cuts | {0})
    ends = [*starts[1:], len(text)]
    # "»;" or "»." ends an instruction as it stands in its list: a point added after it is no change of it
    own = [_PART_NUMBER_RE.sub("", text[a:b].strip()).rstrip(" ;.") for a, b in zip(starts, ends, strict=True)]
    scopes = list(ends)
    chains: list[tuple[int, ...]] = []          # the leads whose list each part is in, outermost first
    open_: list[tuple[float, int, bool]] = []   # those lists still open: level, lead, whether a sibling may close it
    instruction = -1                            # the last part outside quotes, unless a lead
    closed = False                              # that part ended with ".": an unnumbered part after it is no item
    for i, (a, b) in enumerate(zip(starts, ends, strict=True)):
        if layout.quote_at(a) is not None:      # a part of new wording
            chains.append(chains[-1] if chains else ())
            continue
        if instruction >= 0:
            scopes[instruction] = a             # an instruction speaks for its new wording
        wording = layout.unquoted(a, b).rstrip()
        lead = wording.endswith(":") and b < len(text)
        point = LAW_POINT_RE.match(text, a)
        level = point_level(point.group(1) or point.group(2)) if point else None
        if _LAW_ARTICLE_START_RE.match(text, a) or (closed and level is None):
            level = 0.0                         # "Статья 2" of a law read as one text, or what follows its end
        elif level is None and lead:
            # "в статье 290:" after "в статье 289:" is its sibling; under "Внести в … изменения:", its item
            while open_ and open_[-1][2]:
                scopes[open_.pop()[1]] = a
            level = (open_[-1][0] if open_ else 0.0) + 0.5
        while level is not None and open_ and open_[-1][0] >= level:
            scopes[open_.pop()[1]] = a
        chains.append(tuple(j for _, j, _ in open_))
        if lead and len(open_) < _MAX_LEAD_DEPTH:
            sibling = point is None and verb_in(INSTRUCTION_RE, wording) is None
            open_.append((level or 0.0, i, sibling))
        instruction = -1 if lead else i
        closed = wording.endswith(".")
    for i in [*(j for _, j, _ in open_), instruction]:
        if i >= 0:
            scopes[i] = len(text)
    keys = []
    for i, chain in enumerate(chains):
        spoken = [own[j] for j in range(i, bisect_right(starts, scopes[i] - 1))]
        keys.append("\x1f".join([*(own[j] for j in chain), "\x1e", *spoken]))
    return _Parts(tuple(starts), tuple(keys), tuple(scopes), tuple(chain[-1] if chain else -1 for chain in chains))


def untwinned_spans(text: str, other: str) -> list[tuple[int, int]]:
    """The spans of `text` whose parts have no twin in `other`: only there can a rule's hits differ."""
    parts = _parts(text)
    twins = set(_parts(other).keys)
    spans: list[tuple[int, int]] = []
    for i, key in enumerate(parts.keys):
        if key in twins:
            continue
        start, end = parts.starts[i], (parts.starts[i + 1] if i + 1 < len(parts.starts) else len(text))
        if spans and spans[-1][1] == start:
            spans[-1] = (spans[-1][0], end)
        else:
            spans.append((start, end))
    return spans


def _in_changed_part(hits: list[Hit], text: str, changed: list[tuple[int, int]], other: str) -> list[Hit]:
    """Hits whose part has changed words where it speaks (a lead: in its list) and no twin on the other
    side (a renumbered part is no change)."""
    if not hits or not changed:
        return []
    parts = _parts(text)
    other_keys = set(_parts(other).keys)
    out = []
    for h in hits:
        i = parts.at(h.start)
        start, end = parts.starts[i], parts.scopes[i]
        if any(s < end and start < e for s, e in changed) and parts.keys[i] not in other_keys:
            out.append(h)
    return out


def _sanction_only(hit: Hit, text: str, changed: list[tuple[int, int]]) -> bool:
    """Whether the hit stands in its part's sanction ("– наказывается …") and so does every change of
    the part: "пожизненным [-заключением-]{+лишением свободы+}, или смертной казнью" renames another
    penalty beside the death penalty, which stays as it was."""
    parts = _parts(text)
    i = parts.at(hit.start)
    start, end = parts.starts[i], parts.scopes[i]
    sanction = text.find("наказыва", start, end)
    return 0 <= sanction <= hit.start and all(s >= sanction for s, e in changed if s < end and start < e)


def _context_direction(text: str, hit: Hit) -> str | None:
    """Inserted wording that repeals or restricts the term does not add it."""
    layout = Layout(text)
    start, end = layout.clause(hit.start)
    clause = layout.unquoted(start, end)
    if verb_in(_REPEAL_RE, clause):
        return "removed"
    # "не назначается" restricts a penalty it names; a reference next to it is still a new one
    if hit.kind == "term" and _NEGATION_RE.search(clause):
        return "changed"
    return None


def diff_directions(old_hits: list[Hit], new_hits: list[Hit], old_text: str,
                    new_text: str, deleted: list[tuple[int, int]], inserted: list[tuple[int, int]]) -> list[Hit]:
    """One hit per rule and direction for one aligned article, from its hits on each side.

    More hits of a rule on the new side: added; fewer: removed; as many, but one of them sits in
    (or in the same part as) changed words: changed. Nothing when the rule's wording is untouched.
    """
    out: list[Hit] = []
    groups: dict[tuple[str, str], tuple[list[Hit], list[Hit]]] = {}
    for h in old_hits:
        groups.setdefault((h.pack, h.rule), ([], []))[0].append(h)
    for h in new_hits:
        groups.setdefault((h.pack, h.rule), ([], []))[1].append(h)
    renamed_only: bool | None = None  # whether the article changed only in how it names penalties
    for old_group, new_group in groups.values():
        ins = [h for h in new_group if _touches(h, inserted)]
        dels = [h for h in old_group if _touches(h, deleted)]
        if len(new_group) > len(old_group):
            hit = (ins or new_group)[0]
            direction = _context_direction(new_text, hit) or "added"
        elif len(new_group) < len(old_group):
            hit = (dels or old_group)[0]
            direction = "removed"
        elif ins or dels:
            hit, direction = (ins or dels)[0], "changed"
        else:
            if renamed_only is None:
                renamed_only = penalties_named_alike(old_text) == penalties_named_alike(new_text)
            if renamed_only:  # "пожизненного [-заключения-]{+лишения свободы+} или смертной казни": the
                continue  # article only renamed another penalty; the watched wording is as it was
            moved_new = _in_changed_part(new_group, new_text, inserted, old_text)
            moved_old = _in_changed_part(old_group, old_text, deleted, new_text)
            if not moved_new and not moved_old:
                continue
            # one whose part changed outside its sanction first: the sanction decides for the others
            plain = [h for h in moved_new if not _sanction_only(h, new_text, inserted)] + \
                [h for h in moved_old if not _sanction_only(h, old_text, deleted)]
            hit = plain[0] if plain else replace((moved_new + moved_old)[0], in_sanction=True)
            direction = "changed"
        out.append(replace(hit, direction=direction))
    return out
