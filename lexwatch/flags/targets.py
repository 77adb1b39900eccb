"""Which article of a code or a law an amendment instruction changes, read as Belarusian amending laws are written.

"Статья 1. Внести в Уголовный кодекс … следующие изменения:" names the code of the instructions
under it; "1. В статье 289:" leads a list whose items ("часть 1 изложить …", "в части 2 слова «…»
заменить …") change parts of Art. 289; "2. статью 361⁴ исключить", "дополнить Кодекс статьей 130¹
следующего содержания:" and "в части 2 статьи 124 слова …" name their article themselves; the new
wording in «…» goes with the instruction before it. Instructions are the clauses of `Layout` (the
reading `direction` gives the same text), so a quote never splits one. A law amended ("Внести в Закон
Республики Беларусь от 4 января 2007 г. № 203-З «О противодействии экстремизму» …") is its code as a
lawyer cites it, "Закон № 203-З". Where the code or the article cannot be read (another act, a chapter,
an unknown code, the Code's own text), a hit has no target.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, replace
from functools import cached_property
from typing import Any

from lexwatch.flags.direction import INSTRUCTION_RE, LAW_POINT_RE, Layout, point_level, verb_in
from lexwatch.flags.match import PART_NUMBERS, Hit, Spans, lower_same_length, part_number, references
from lexwatch.ids import ArticleNumber

# The codes an instruction may amend, by the adjective or words that name them (lower-cased, any case).
_CODE_RE = re.compile(
    r"(?<![а-яё-])(?:(?:(?P<upk>уголовно-процессуальн)|(?P<uik>уголовно-исполнительн)"
    r"|(?P<pikoap>процессуально-исполнительн)|(?P<uk>уголовн))[а-яё]*\s+кодекс"
    r"|(?P<koap>кодекс)[а-яё]*\s+(?:республики\s+беларусь\s+)?об\s+административных\s+правонарушениях)")
CODES = {"uk": "УК", "upk": "УПК", "uik": "УИК", "koap": "КоАП", "pikoap": "ПИКоАП"}
# Codes whose articles are numbered within their chapter: "статья 19.11" is article 11 of chapter 19
_CHAPTER_NUMBERED = frozenset({"КоАП", "ПИКоАП"})
# Another act named in the instruction ("статью 2 Закона … № 165-З", "Трудового кодекса"): its
# articles are not a watched code's.
_OTHER_ACT_RE = re.compile(r"(?<![а-яё])(?:(?:закон|указ|декрет)(?:а|у|ом|е)?(?![а-яё])|постановлени[еяюм]"
                           r"|[а-яё]+(?:ый|ий|ой|ого|ому|ым|ом)\s+кодекс|кодекс[а-яё]*\s+республики\s+беларусь)")
# A law named in an instruction: "Закон(а) Республики Беларусь от 4 января 2007 г. № 203-З" (the word found
# in the unquoted text, what follows it matched in the text itself), or by its title alone: "Закона Республики
# Беларусь «О массовых мероприятиях в Республике Беларусь»". The date is bounded: a scan never runs on. Not
# "Законом": "Положение, утвержденное Законом …", "предусмотренные Законом" name another act or cite the law.
_LAW_WORD_RE = re.compile(r"(?<![а-яё])закон(?:а|у|е)?(?![а-яё])")
_LAW_NUMBER_RE = re.compile(r"(?i)\s+(?:республики\s+беларусь\s+)?от\s[^№;:«»()]{1,30}?№\s*(\d{1,4})[-‑–]з(?![а-яё\d])")
_LAW_TITLE_RE = re.compile(r"(?i)\s+(?:республики\s+беларусь\s*)?«")
# A law the instruction changes is named after what of it is changed ("статью 1 Закона", "пункт 2 статьи 14¹
# Закона"), after "в" ("Внести в Закон", "В Законе …:") or "дополнить", or starts its clause ("Признать
# утратившими силу:\nЗакон …"); one named otherwise ("с даты вступления в силу Закона …", "в редакции Закона
# …") is another law, and the clause is not read.
_LAW_GOVERNED_RE = re.compile(r"(?:[\d¹²³⁴⁵⁶⁷⁸⁹⁰]|(?<![а-яё])(?:в|во|дополнить)|^)\s*$")
# A title longer than this is cut at a word ("О правовом положении иностранных граждан и лиц без гражданства в
# Республике…"); a quote longer than _TITLE_MAX is new wording, not a title.
_TITLE_SHOWN = 80
_TITLE_MAX = 300
# "Внести в Уголовный кодекс … изменения:", a law article's title "Изменения в Уголовный кодекс …": with
# the act they name, these set the code of what follows
_ROOT_RE = re.compile(r"(?<![а-яё])(?:внести|изменени[еийюя]|изменениях|дополнени[еийюя])(?![а-яё])")
# The official source of the act amended, "(Ведамасці …, 1999 г., № 28–29, ст. 433)": a page, not an article.
# Up to its first "№" (the same span): "[^()]*№" backtracked over every "№" of an unclosed "(" (100 000: 30 s).
_SOURCE_RE = re.compile(r"\([^()№]*№[^()]*\)")
# "после части 2", "перед статьей 130": where new wording goes, not what is changed
_ANCHOR_RE = re.compile(r"(?:после|перед)\s+$")
# "части 2", "ч. 2"; "пункте 3", "п. 3" (the abbreviations of "п. 2 ч. 1 ст. 67")
_PART_RE = re.compile(r"(?<![а-яё])(?:част(?:ь|и|ью|ей|ям|ями|ях)\s+|ч\.\s*)(?P<part>" + PART_NUMBERS + r")(?![\d/])")
_POINT_RE = re.compile(r"(?<![а-яё])(?:пункт(?:а|е|ом|ы|ов|ами|ах)?\s+|п\.\s*)(?P<point>\d{1,2}[¹²³⁴⁵⁶⁷⁸⁹]?)"
                       r"(?![\d.)])")
_LIST_SPLIT_RE = re.compile(r"\s*,\s*|\s+(?:и|или|либо)\s+")
# "1" of "1. В статье 289:" cut at ". В" (a clause that starts "1.2. в части 1 …", "2) часть 3 …": LAW_POINT_RE)
_POINT_ONLY_RE = re.compile(r"(\d{1,3}(?:\.\d{1,3})*)\.?")
_SUBPOINT_END_RE = re.compile(r"\s*(\d{1,2})(?:/\d)?\)\s")
# "Статья 4" of "Статья 4. Признать утратившими силу:" (cut at ". П") when a law is read as one text
_LAW_ARTICLE_RE = re.compile(r"Статья\s+\d{1,3}")
# the heading of an article inside new wording: «Статья 361⁶. Участие …
_HEADING_RE = re.compile(r"(?<![^\n«])Статья\s+(?P<number>\d{1,4}(?:[¹²³⁴⁵⁶⁷⁸⁹]{1,3}|/\d{1,2}|\.\d{1,3})?)\.")


@dataclass(frozen=True)
class Target:
    """A provision of a code or a law an instruction changes: ч. 1 ст. 289 УК, ст. 1 Закона № 203-З."""

    code: str                  # "УК", "УПК", "УИК", "КоАП", "ПИКоАП"; a law: "Закон № 203-З", "Закон «О …»"
    article: str               # canonical ("289", "361-4"); in КоАП and ПИКоАП as numbered there ("19.11")
    part: str | None = None    # canonical, like an article number: "1", "2-1" (part 2¹)
    point: str | None = None   # "3", "3-1"

    @classmethod
    def of(cls, code: str, number: ArticleNumber, part: str | None = None, point: str | None = None) -> Target:
        return cls(code, number.written(by_chapter=code in _CHAPTER_NUMBERED).canonical, part, point)

    def to_dict(self) -> dict[str, Any]:
        return {"code": self.code, "article": self.article, "part": self.part, "point": self.point}

    @property
    def display(self) -> str:
        # as a lawyer cites it, the smallest unit first: "п. 2 ч. 1 ст. 67 УК"; "19.11" reads back as written
        part = f"ч. {ArticleNumber.parse(self.part).display} " if self.part else ""
        point = f"п. {ArticleNumber.parse(self.point).display} " if self.point else ""
        act = "Закона" + self.code[5:] if self.code.startswith("Закон ") else self.code
        return f"{point}{part}ст. {ArticleNumber.parse(self.article).display} {act}"


def pointing_to(targets: list[dict[str, Any]]) -> str:
    """" → ч. 1 ст. 289 УК, ст. 67 УК" for the targets of a hit or a flag as their JSON gives them, else ""."""
    return " → " + ", ".join(Target(**t).display for t in targets) if targets else ""


_Named = tuple[tuple[ArticleNumber | None, str | None, str | None], ...]   # (article, part, point) each


@dataclass(frozen=True)
class _Reading:
    """What one clause changes: its targets, its code, and its point in the law's article."""

    targets: _Named = ()
    code: str | None = None
    via: tuple[str, ...] = ()
    instructs: bool = False
    depth: float = 0.0

    def resolved(self, code: str) -> tuple[tuple[Target, ...], str | None]:
        """Its targets in `code` and its point, for an instruction (`Instructions.at` asks only those)."""
        targets = tuple(dict.fromkeys(Target.of(code, a, p, q) for a, p, q in self.targets if a is not None))
        return targets, (_via(self.via) if targets else None)


def _via(points: tuple[str, ...]) -> str | None:
    """"1" then "1.2" is "1.2"; "1" then "2)" is "1 2)"."""
    kept = [p for i, p in enumerate(points) if i + 1 == len(points) or not points[i + 1].startswith(p + ".")]
    return " ".join(kept) or None


def _parts(raw: str) -> list[str | None]:
    """"2 и 3" -> ["2", "3"]; "2¹" -> ["2-1"]; "первую" -> ["1"]."""
    return [ArticleNumber.parse(p).canonical for p in _LIST_SPLIT_RE.split(part_number(raw) or "") if p] or [None]


def _own(clause: str) -> _Named:
    """The articles, parts and point a lower-cased, unquoted clause names itself, anchors left out."""
    clause = _SOURCE_RE.sub(lambda m: " " * len(m.group()), clause)
    lists: list[tuple[list[ArticleNumber], str | None, int, int]] = []
    for number, start, end, part, first in references(clause, frozenset()):
        if first:
            lists.append(([number], part, start, end))
        else:
            lists[-1][0].append(number)
    # "после статьи 130": where the new article goes
    lists = [item for item in lists if not _ANCHOR_RE.search(clause, max(0, item[2] - 10), item[2])]
    cited = Spans((s, e) for _, _, s, e in lists)
    parts = [m.group("part") for m in _PART_RE.finditer(clause)
             if m.start() not in cited and not _ANCHOR_RE.search(clause, max(0, m.start() - 10), m.start())]
    points = [m.group("point") for m in _POINT_RE.finditer(clause)
              if not _ANCHOR_RE.search(clause, max(0, m.start() - 10), m.start())]
    point = ArticleNumber.parse(points[0]).canonical if points else None
    if len(lists) == 1:
        # "статью 289 дополнить частью 4": the part named after the one article
        numbers, part, _, _ = lists[0]
        named = _parts(part) if part else _parts(parts[0]) if parts else [None]
        return tuple((n, p, point) for n in numbers for p in named)
    if lists:
        return tuple((n, p, None) for numbers, part, _, _ in lists for n in numbers
                     for p in (_parts(part) if part else [None]))
    if parts:
        return tuple((None, p, point) for p in _parts(parts[0]))
    return ((None, None, point),) if point else ()


# A lead names a few articles ("В статьях 289 и 290:"); every item under it inherits them all, so a
# lead naming thousands over thousands of items made millions of targets (4 000 each: 11.6 s for
# 95 kB). Items inherit at most this many of their lead's targets.
_MAX_INHERITED = 64


def _inherit(own: _Named, lead: _Named) -> _Named:
    """An item of a list ("часть 1 изложить …" under "В статье 289:") completes what it names from its lead."""
    lead = lead[:_MAX_INHERITED]
    if not own:
        return lead
    if any(a is not None for a, _, _ in own):
        return own
    return tuple((a, p if p is not None or q is None else lp, q) for a, lp, _ in lead for _, p, q in own)


class Instructions:
    """The reading of every clause of one text, made once in text order (a lead's scope is what follows it)."""

    def __init__(self, layout: Layout) -> None:
        self.layout = layout
        text = layout.text
        # the text with quoted wording blanked and lower-cased, made once: each clause is a slice of it
        self.unquoted = lower_same_length(layout.unquoted(0, len(text)))
        self.headings = [(m.start(), m.group("number")) for m in _HEADING_RE.finditer(text)]
        self.starts = [0, *(b for _, b in layout.ends)]
        self.readings: list[_Reading] = []
        self._cites: dict[int, _Cites] = {}
        leads: list[_Reading] = []
        last = _Reading()
        pending: str | None = None
        for i, start in enumerate(self.starts):
            end = layout.ends[i][0] if i < len(layout.ends) else len(text)
            raw = text[start:end].strip()
            if raw.startswith("«"):            # the new wording of the instruction before it
                self.readings.append(last)
            elif not raw:
                self.readings.append(_Reading())
            elif (bare := _POINT_ONLY_RE.fullmatch(raw)) is not None:
                pending = bare.group(1)
                self.readings.append(_Reading())
            elif _LAW_ARTICLE_RE.fullmatch(raw):  # "Статья 4" of a law read as one text: a new context
                leads.clear()
                last = _Reading()
                self.readings.append(last)
            else:
                at = LAW_POINT_RE.match(raw)
                last = self._read(start, end, pending or (at.group(1) or at.group(2) if at else None), leads)
                self.readings.append(last)
                pending = None
            # "1) " starting a clause ("…:\n1) часть", "…; 2) в части") is cut out as a clause end: the next
            # clause's point
            if i < len(layout.ends) and not raw:
                sub = _SUBPOINT_END_RE.fullmatch(text, *layout.ends[i])
                if sub:
                    pending = sub.group(1) + ")"

    def _read(self, start: int, end: int, point: str | None, leads: list[_Reading]) -> _Reading:
        clause = self.unquoted[start:end]
        code_match = _CODE_RE.search(clause) if "кодекс" in clause else None
        other = code_match is None and _OTHER_ACT_RE.search(clause) is not None
        law = self._law(clause, start) if other else None
        # "в статье 289 внести следующие изменения:" names no act: an ordinary lead
        root = (code_match is not None or other) and _ROOT_RE.search(clause) is not None
        if root:
            leads.clear()
        elif point is not None:
            while leads and leads[-1].depth >= point_level(point):
                leads.pop()
        lead = leads[-1] if leads else _Reading()
        if code_match:
            code: str | None = CODES[next(k for k, v in code_match.groupdict().items() if v)]
        else:
            code = law if other else lead.code
        # without a code nothing it names can be a target (the Code's own articles): not read
        reading = _Reading(_inherit(_own(clause), lead.targets) if code else lead.targets, code,
                           (*lead.via, point) if point else lead.via,
                           lead.instructs or verb_in(INSTRUCTION_RE, clause) is not None)
        listed = self._leads_a_list(clause, end)
        if root or listed:
            depth = 0.0 if root else point_level(point) if point else int(lead.depth) + 0.5
            while leads and leads[-1].depth >= depth:
                leads.pop()
            # the items of "Внести в статью 289 … изменения:" change Art. 289; after "…, изложив статью
            # 289 в следующей редакции: «…»" nothing is left to inherit
            leads.append(replace(reading, depth=depth, targets=reading.targets if listed else ()))
        return reading

    def _law(self, clause: str, start: int) -> str | None:
        """The one law a clause names by its number or title ("Закон № 203-З", "Закон «О …»"), or None: no act
        named besides it, not "настоящего Закона" (the amending law's own), a decree or another code, nor two laws."""
        clause = _SOURCE_RE.sub(lambda m: " " * len(m.group()), clause)
        named: set[str | None] = set()
        for m in _OTHER_ACT_RE.finditer(clause):
            if not _LAW_WORD_RE.fullmatch(m.group()):
                return None
            governed = _LAW_GOVERNED_RE.search(clause, max(0, m.start() - 40), m.start()) is not None
            named.add(self._cited(start + m.end()) if governed else None)
        return named.pop() if len(named) == 1 and None not in named else None

    def _cited(self, at: int) -> str | None:
        """The law whose word ("Закона") ends at `at`, by what follows it: its number, else its title."""
        text = self.layout.text
        number = _LAW_NUMBER_RE.match(text, at, at + 80)
        if number:
            return f"Закон № {number.group(1)}-З"
        title = _LAW_TITLE_RE.match(text, at, at + 40)
        quote = self.layout.quote_at(title.end()) if title else None
        if quote is None or quote[1] - quote[0] > _TITLE_MAX:
            return None
        words = " ".join(text[quote[0] + 1:quote[1]].split())
        if len(words) > _TITLE_SHOWN:
            cut = words.rfind(" ", 0, _TITLE_SHOWN)
            words = words[:cut if cut > 0 else _TITLE_SHOWN] + "…"
        return f"Закон «{words}»" if words else None

    def _leads_a_list(self, clause: str, end: int) -> bool:
        """"В статье 289:" leads the items after it; "в следующей редакции:" leads a quote."""
        if not clause.rstrip().endswith(":"):
            return False
        rest = self.layout.text[end:end + 200].lstrip()
        return not rest.startswith("«")

    def at(self, hit: Hit) -> tuple[tuple[Target, ...], str | None]:
        """The targets of the instruction around the hit, and its point in the law's article."""
        i = bisect_right(self.starts, hit.start) - 1
        reading = self.readings[i]
        if not reading.instructs or reading.code is None:
            return (), None
        if i not in self._cites:
            self._cites[i] = _Cites(*reading.resolved(reading.code), reading.code)
        cites = self._cites[i]
        targets, via = cites.targets, cites.via
        quote = self.layout.quote_at(hit.start)
        if quote is not None:
            # new wording of whole articles ("дополнить Кодекс статьями 361⁶ и 361⁷ …", "главой 17¹"):
            # the heading before the hit names the article it is in
            i = bisect_right(self.headings, (hit.start,)) - 1
            if i >= 0 and self.headings[i][0] > quote[0]:
                heading = Target.of(reading.code, ArticleNumber.parse(self.headings[i][1]))
                if not targets or any(t.article == heading.article for t in targets):
                    return (heading,), _via(reading.via)
        elif hit.kind == "article" and targets:
            return cites.cited(ArticleNumber.parse(hit.key)), via
        return targets, via


class _Cites:
    """The targets of one instruction, made once for all its hits and indexed by article: each of 20 000
    references in one instruction made and searched them all again (minutes)."""

    def __init__(self, targets: tuple[Target, ...], via: str | None, code: str) -> None:
        self.targets, self.via, self.code = targets, via, code
        named: dict[str, list[Target]] = {}
        for t in targets:
            named.setdefault(t.article, []).append(t)
        self.named = {article: tuple(ts) for article, ts in named.items()}

    @cached_property
    def _range(self) -> tuple[ArticleNumber, ArticleNumber, tuple[str | None, str | None]]:
        numbers = [ArticleNumber.parse(t.article) for t in self.targets]
        parts = {(t.part, t.point) for t in self.targets}
        return min(numbers), max(numbers), parts.pop() if len(parts) == 1 else (None, None)

    def cited(self, cited: ArticleNumber) -> tuple[Target, ...]:
        """A reference in the instruction itself targets the article it cites: one of a list ("части 2 статей
        361¹ и 361⁴"), or one inside a range ("статьи 361¹–361⁴"); never an anchor ("после статьи 130¹")."""
        article = Target.of(self.code, cited).article
        if article in self.named:
            return self.named[article]
        low, high, (part, point) = self._range
        if not low < cited < high:
            return ()
        return (Target(self.code, article, part, point),)


def document_targets(text: str, hits: list[Hit]) -> list[Hit]:
    """The hits of one text with the articles of codes and laws the amendment instructions around them change.

    Only a text that names a code or a law and instructs is read: most of the Code's own articles do neither."""
    if not hits:
        return hits
    low = lower_same_length(text)
    code = "кодекс" in low and _CODE_RE.search(low) is not None
    law = "закон" in low and _LAW_WORD_RE.search(low) is not None
    if not (code or law) or verb_in(INSTRUCTION_RE, low) is None:
        return hits
    instructions = Instructions(Layout(text))
    out = []
    for hit in hits:
        targets, via = instructions.at(hit)
        out.append(replace(hit, targets=targets, instruction=via) if targets else hit)
    return out
