"""What changed in punishment, part by part: penalties added or removed, terms of imprisonment.

Reads the sanction lines ("наказывается лишением свободы на срок от восьми до пятнадцати лет,
или пожизненным лишением свободы, или смертной казнью") of both sides of one article.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from lexwatch.text.model import Article

PENALTIES = {
    "death_penalty": "death penalty",
    "life_imprisonment": "life imprisonment",
    "imprisonment": "imprisonment",
    "restriction_of_liberty": "restriction of liberty",
    "arrest": "arrest",
    "fine": "fine",
    "correctional_labour": "correctional labour",
    "community_service": "community service",
    "disqualification": "disqualification",
    "military_restriction": "restriction in military service",
    "disciplinary_unit": "disciplinary military unit",
}

# The same penalties as the Code names them, for `summary_ru` (a Russian draft quotes no English).
PENALTIES_RU = {
    "death_penalty": "смертная казнь",
    "life_imprisonment": "пожизненное лишение свободы",
    "imprisonment": "лишение свободы",
    "restriction_of_liberty": "ограничение свободы",
    "arrest": "арест",
    "fine": "штраф",
    "correctional_labour": "исправительные работы",
    "community_service": "общественные работы",
    "disqualification": "лишение права занимать определенные должности или заниматься определенной деятельностью",
    "military_restriction": "ограничение по военной службе",
    "disciplinary_unit": "направление в дисциплинарную воинскую часть",
}

# Longer names first at one position: "пожизненным лишением свободы" is not "лишением свободы".
# These run over lower-cased text. Names start a word: the lookbehind also halves the scan.
_PENALTY_RE = re.compile(
    r"(?<![а-яё])(?:(?P<death_penalty>смертн[а-яё]*\s+казн[а-яё]*)"
    r"|(?P<life_imprisonment>пожизненн[а-яё]*\s+(?:заключени[а-яё]*|лишени[а-яё]*\s+свобод[а-яё]*))"
    r"|(?P<disqualification>лишени[а-яё]*\s+права\s+занимать)"
    r"|(?P<imprisonment>лишени[а-яё]*\s+свобод[а-яё]*)"
    r"|(?P<military_restriction>ограничени[а-яё]*\s+по\s+военной\s+службе)"
    r"|(?P<restriction_of_liberty>ограничени[а-яё]*\s+свобод[а-яё]*)"
    r"|(?P<disciplinary_unit>направлени[а-яё]*\s+в\s+дисциплинарн[а-яё]*\s+воинск[а-яё]*\s+част[а-яё]*)"
    r"|(?P<arrest>арест(?:ом|а|у|е)?(?![а-яё]))"
    r"|(?P<fine>штраф[а-яё]*)"
    r"|(?P<correctional_labour>исправительн[а-яё]*\s+работ[а-яё]*)"
    r"|(?P<community_service>общественн[а-яё]*\s+работ[а-яё]*))")


def penalties_named_alike(text: str) -> str:
    """`text` lower-cased, its spaces folded and each penalty's name put as its kind: two wordings that
    differ only in how they name a penalty ("пожизненного заключения", "пожизненного лишения свободы")
    read alike."""
    return " ".join(_PENALTY_RE.sub(lambda m: f"<{m.lastgroup}>", text.lower()).split())


_SANCTION_RE = re.compile(r"(?<![а-яё])наказыва[а-яё]*\s(?P<body>[^.]*(?:\.(?!\s+\d)[^.]*)*)")
_NUMBER_WORDS = {
    "одного": 1, "один": 1, "двух": 2, "два": 2, "трех": 3, "три": 3, "четырех": 4, "четыре": 4,
    "пяти": 5, "пять": 5, "шести": 6, "шесть": 6, "семи": 7, "семь": 7, "восьми": 8, "восемь": 8,
    "девяти": 9, "девять": 9, "десяти": 10, "десять": 10, "одиннадцати": 11, "двенадцати": 12,
    "тринадцати": 13, "четырнадцати": 14, "пятнадцати": 15, "шестнадцати": 16, "семнадцати": 17,
    "восемнадцати": 18, "девятнадцати": 19, "двадцати": 20, "двадцать": 20, "тридцати": 30,
    "сорока": 40, "пятидесяти": 50,
}
_NUM = r"(?:\d{1,3}|[а-яё]+(?:\s+(?:одного|двух|трех|четырех|пяти|шести|семи|восьми|девяти))?)"
_TERM_RE = re.compile(
    rf"на\s+срок\s+(?:от\s+(?P<min>{_NUM})\s+(?P<min_unit>лет|года?|месяц[а-я]*)?\s*)?"
    rf"до\s+(?P<max>{_NUM})\s+(?P<max_unit>лет|года?|месяц[а-я]*)")
_SAME_TERM_RE = re.compile(r"на\s+тот\s+же\s+срок")
_PART_RE = re.compile(r"^(?P<part>\d{1,3}(?:/\d{1,2})?)\.\s")


@dataclass(frozen=True)
class Term:
    min: float | None   # years; months are written as fractions of a year
    max: float | None

    def to_dict(self) -> dict[str, Any]:
        return {"min": self.min, "max": self.max, "unit": "years"}


def _number(text: str | None) -> int | None:
    if not text:
        return None
    if text.isdigit():
        return int(text)
    total = 0
    for word in text.lower().replace("ё", "е").split():
        if word not in _NUMBER_WORDS:
            return None
        total += _NUMBER_WORDS[word]
    return total


def _years(value: int | None, unit: str | None) -> float | None:
    if value is None:
        return None
    if unit and unit.lower().startswith("месяц"):
        return round(value / 12, 4)
    return value


def parse_sanction(text: str) -> dict[str, Term | None]:
    """Penalties named in one sanction, each with its term when one is given."""
    found: dict[str, Term | None] = {}
    matches = list(_PENALTY_RE.finditer(text))
    last_term: Term | None = None
    for i, m in enumerate(matches):
        penalty = m.lastgroup or ""
        tail = text[m.end():matches[i + 1].start() if i + 1 < len(matches) else len(text)]
        term: Term | None = None
        t = _TERM_RE.search(tail)
        if t:
            max_unit = t.group("max_unit")
            term = Term(_years(_number(t.group("min")), t.group("min_unit") or max_unit),
                        _years(_number(t.group("max")), max_unit))
        elif _SAME_TERM_RE.search(tail):
            term = last_term
        if term is not None:
            last_term = term
        if penalty not in found or found[penalty] is None:
            found[penalty] = term
    return found


def additional_penalties(text: str) -> set[str]:
    """The penalties one sanction names only as additional ones, "с лишением права занимать …" or
    "со штрафом" after a main penalty: the court may add them, not impose them alone."""
    main: set[str] = set()
    additional: set[str] = set()
    for m in _PENALTY_RE.finditer(text):
        before = text[max(0, m.start() - 4):m.start()]
        if before.endswith("без "):  # "со штрафом или без штрафа": the same additional penalty, optional
            continue
        (additional if before.endswith((" с ", " со ")) or before in ("с ", "со ") else main).add(m.lastgroup or "")
    return additional - main


@dataclass(frozen=True)
class PartSanction:
    part: str                          # "3", "1/1", or "" for an article without numbered parts
    text: str                          # the part's wording, to pair parts when they were renumbered
    penalties: dict[str, Term | None]
    additional: frozenset[str] = frozenset()  # named only as additional penalties ("с лишением права …")


def sanctions_by_part(article: Article) -> list[PartSanction]:
    """The sanctions of each part of an article, in order. Notes are left out."""
    parts: dict[str, list[str]] = {}
    current = ""
    for line in article.lines:
        if line.startswith("Примечани"):
            break
        m = _PART_RE.match(line)
        if m:
            current = m.group("part")
        parts.setdefault(current, []).append(line)
    out: list[PartSanction] = []
    for part, lines in parts.items():
        penalties: dict[str, Term | None] = {}
        main: set[str] = set()
        text = " ".join(lines)
        for s in _SANCTION_RE.finditer(text.lower().replace("ё", "е")):
            for penalty, term in parse_sanction(s.group("body")).items():
                if penalty not in penalties or penalties[penalty] is None:
                    penalties[penalty] = term
            main |= set(penalties) - additional_penalties(s.group("body"))
        if penalties:
            out.append(PartSanction(part, text, penalties, frozenset(set(penalties) - main)))
    return out


def _disposition(text: str) -> list[str]:
    """The words of a part before its sanction, without the part number."""
    return _PART_RE.sub("", text.split("наказыва")[0]).split()[:40]


def _part_numbers(article: Article) -> set[str]:
    """The numbers of an article's parts, sanction or not ("1. Исключена." keeps its number)."""
    numbers = set()
    for line in article.lines:
        if line.startswith("Примечани"):
            break
        m = _PART_RE.match(line)
        if m:
            numbers.add(m.group("part"))
    return numbers


def numbering_kept(old: Article, new: Article) -> bool:
    """Whether part N of one side is part N of the other.

    A repealed part stays in the text as "1. Исключена." and a new one is inserted as "1/1.", so the
    parts keep their numbers; an article restated with other parts (its plain numbers differ) is
    paired by wording.
    """
    plain_old = {n for n in _part_numbers(old) if "/" not in n}
    plain_new = {n for n in _part_numbers(new) if "/" not in n}
    return bool(plain_old) and plain_old == plain_new


def pair_parts(before: list[PartSanction], after: list[PartSanction], *, by_number: bool = False
               ) -> list[tuple[PartSanction | None, PartSanction | None]]:
    """Pairs of old and new parts: by number, or by wording when parts were inserted or dropped.

    `by_number` (the article kept its numbering, see `numbering_kept`) pairs part N with part N even
    when one side's part N has no sanction ("1. Исключена.", whose old sanction is then removed).
    """
    if [p.part for p in before] == [p.part for p in after]:
        return list(zip(before, after, strict=True))
    if by_number:
        old_by_number = {p.part: p for p in before}
        new_numbers = {p.part for p in after}
        return [(old_by_number.get(p.part), p) for p in after] + \
            [(p, None) for p in before if p.part not in new_numbers]
    if len(before) == 1 and len(after) == 1:
        return [(before[0], after[0])]   # "1." added to or dropped from a one-part article
    from difflib import SequenceMatcher

    # sanctions are formulaic: parts are told apart by what they punish, not by how
    old_words = [_disposition(old.text) for old in before]
    scored = []
    for j, new in enumerate(after):
        matcher = SequenceMatcher(None, b=_disposition(new.text))  # indexes the new part once
        for i, old in enumerate(before):
            matcher.set_seq1(old_words[i])
            scored.append((matcher.ratio() + (0.1 if old.part == new.part else 0), i, j))
    pairs: dict[int, int] = {}
    used: set[int] = set()
    for ratio, i, j in sorted(scored, reverse=True):
        if ratio >= 0.4 and i not in pairs and j not in used:
            pairs[i] = j
            used.add(j)
    # A part restated beyond recognition keeps its number: an old and a new part N both left over
    # are one part (Art. 354's part 1 rewritten), not one removed and another added.
    new_index = {new.part: j for j, new in enumerate(after) if j not in used}
    for i, old in enumerate(before):
        j = new_index.get(old.part, -1)
        if i not in pairs and j >= 0 and old.part and _in_order(pairs, i, j):
            pairs[i] = j
            used.add(j)
    out: list[tuple[PartSanction | None, PartSanction | None]] = []
    by_new = {j: i for i, j in pairs.items()}
    for j, new in enumerate(after):
        out.append((before[by_new[j]] if j in by_new else None, new))
    out += [(old, None) for i, old in enumerate(before) if i not in pairs]
    return out


def _in_order(pairs: dict[int, int], i: int, j: int) -> bool:
    """Whether pairing old part i with new part j crosses no pair already made."""
    return all((a < i) == (b < j) for a, b in pairs.items())


def _fmt(value: float | None) -> str:
    if value is None:
        return "?"
    if value < 1:
        return f"{round(value * 12)} months"
    return f"{value:g}"


def _where(article: str, part: str) -> str:
    shown = _display(article)
    return f"ч.{part} ст.{shown}" if part else f"ст.{shown}"


def _display(canonical: str) -> str:
    from lexwatch.ids import ArticleNumber

    return ArticleNumber.parse(canonical).display


def _term_text(term: Term | None) -> str:
    if term is None or (term.min is None and term.max is None):
        return ""
    if term.min is None:
        if term.max == 1:
            return " up to 1 year"
        return f" up to {_fmt(term.max)} years" if (term.max or 0) >= 1 else f" up to {_fmt(term.max)}"
    return f" {_fmt(term.min)}–{_fmt(term.max)} years"


def _term_change(a: Term | None, b: Term | None) -> str:
    """"min term 2 → 4, max term 5 → 12 years": the unit once, at the end, where the last term is
    in years; else each term with its own ("min term 3 years → none", "max term 2 → 1 year")."""
    if a is None or b is None:
        return f"term{_term_text(a) or ' none'} →{_term_text(b) or ' none'}"
    changed = [(name, x, y) for name, x, y in (("min", a.min, b.min), ("max", a.max, b.max)) if x != y]
    last = changed[-1][2] if changed else None
    if last is not None and last >= 1:
        bits = [f"{name} term {_fmt(x) if x is not None else 'none'} → {_fmt(y) if y is not None else 'none'}"
                for name, x, y in changed]
        return ", ".join(bits) + (" year" if last == 1 else " years")
    return ", ".join(f"{name} term {_with_unit(x)} → {_with_unit(y)}" for name, x, y in changed)


def _with_unit(value: float | None) -> str:
    if value is None:
        return "none"
    return _fmt(value) if value < 1 else f"{value:g} year" if value == 1 else f"{value:g} years"


def _after_do(value: float) -> str:
    """A term after "от"/"до" as the Code says it: "1 года", "5 лет", "21 года", "6 месяцев"."""
    if value < 1:
        months = round(value * 12)
        return f"{months} {'месяца' if months % 10 == 1 and months % 100 != 11 else 'месяцев'}"
    whole = value == int(value)
    shown = f"{value:g}".replace(".", ",")
    return f"{shown} {'года' if not whole or (value % 10 == 1 and value % 100 != 11) else 'лет'}"


def _term_ru(term: Term | None) -> str:
    """"от 2 до 5 лет", "до 6 месяцев", "от 6 месяцев до 3 лет"; "" for a penalty without a term."""
    low, high = (term.min, term.max) if term else (None, None)
    if high is None:
        return f"от {_after_do(low)}" if low is not None else ""
    if low is None:
        return f"до {_after_do(high)}"
    same_unit = (low < 1) == (high < 1)
    return f"от {_after_do(low).split()[0] if same_unit else _after_do(low)} до {_after_do(high)}"


def _summary_ru(change: str, penalty: str, old: Term | None, new: Term | None, additional_before: bool) -> str:
    name = PENALTIES_RU[penalty]
    if change in ("added", "removed"):
        term = _term_ru(new if change == "added" else old)
        return f"{'введено' if change == 'added' else 'исключено'}: {name}{' на срок ' + term if term else ''}"
    if change == "role":
        roles = ("дополнительное", "основное") if additional_before else ("основное", "дополнительное")
        return f"{name}: {roles[0]} наказание → {roles[1]}"
    return f"{name}: срок {_term_ru(old) or 'не указан'} → {_term_ru(new) or 'не указан'}"


@dataclass(frozen=True)
class _Where:
    """Where a change is, for both summaries: "ч.2 ст.289", "former ч.2 ст.289", "… (formerly ч.1)"."""

    article: str
    part: str
    old_part: str
    gone: bool   # a part gone whose number another part now has

    def english(self) -> str:
        where = _where(self.article, self.part)
        if self.gone:
            return f"former {where}"
        return f"{where} (formerly ч.{self.old_part})" if self.moved else where

    def russian(self) -> str:
        shown = _display(self.article)
        where = f"ч. {self.part} ст. {shown}" if self.part else f"ст. {shown}"
        if self.gone:
            return f"прежняя {where}"
        return f"{where} (прежде ч. {self.old_part})" if self.moved else where

    @property
    def moved(self) -> bool:
        return bool(self.old_part and self.part and self.old_part != self.part)


def _change(where: _Where, change: str, penalty: str, old: Term | None, new: Term | None, summary: str,
            additional_before: bool = False) -> dict[str, Any]:
    """`where.part`: the part's number in the new version (in the old one for a part that is gone);
    `where.old_part`: its number in the old version (None for a new part)."""
    return {"article": where.article, "part": where.part or None, "old_part": where.old_part or None,
            "change": change, "penalty": penalty, "old": old.to_dict() if old else None,
            "new": new.to_dict() if new else None, "summary": f"{where.english()}: {summary}",
            "summary_ru": f"{where.russian()}: {_summary_ru(change, penalty, old, new, additional_before)}"}


def _sanction_lines(article: Article) -> list[str]:
    """Part numbers and sanctions ("наказывается …" to the end of its line): equal lists, equal sanctions."""
    out = []
    for line in article.lines:
        m = _PART_RE.match(line)
        if m:
            out.append(m.group())
        at = line.find("наказыва")
        if at >= 0:
            out.append(line[at:])
    return out


def compare_sanctions(old: Article | None, new: Article | None) -> list[dict[str, Any]]:
    """Sanction changes of one article, per part, as JSON-able dicts (schema in the package doc)."""
    if old is None or new is None:
        return []
    if _sanction_lines(old) == _sanction_lines(new):
        return []
    article = new.number.canonical
    by_number = numbering_kept(old, new)
    # the part numbers the new version gives other parts (with its numbering kept, N is still part N)
    taken = set() if by_number else _part_numbers(new)
    out: list[dict[str, Any]] = []
    for was_part, now_part in pair_parts(sanctions_by_part(old), sanctions_by_part(new), by_number=by_number):
        was = was_part.penalties if was_part else {}
        now = now_part.penalties if now_part else {}
        part = now_part.part if now_part else was_part.part if was_part else ""
        old_part = was_part.part if was_part else ""
        # a part gone whose number now names another part: "ч.2" alone would be read as that one
        where = _Where(article, part, old_part, gone=now_part is None and old_part in taken)
        for penalty, name in PENALTIES.items():
            if penalty in now and penalty not in was:
                out.append(_change(where, "added", penalty, None, now[penalty],
                                   f"{name}{_term_text(now[penalty])} added"))
            elif penalty in was and penalty not in now:
                out.append(_change(where, "removed", penalty, was[penalty], None,
                                   f"{name}{_term_text(was[penalty])} removed"))
            elif penalty in was and was[penalty] != now[penalty]:
                out.append(_change(where, "term", penalty, was[penalty], now[penalty],
                                   f"{name} {_term_change(was[penalty], now[penalty])}"))
            if penalty in was and penalty in now and was_part and now_part and \
                    (penalty in was_part.additional) != (penalty in now_part.additional):
                before = penalty in was_part.additional
                roles = ("additional", "main") if before else ("main", "additional")
                out.append(_change(where, "role", penalty, was[penalty], now[penalty],
                                   f"{name}: {roles[0]} → {roles[1]} penalty", additional_before=before))
    return out


def part_summaries(changes: list[dict[str, Any]]) -> list[str]:
    """One line per part: "ч.3 ст.289: death penalty added; imprisonment max term 15 → 20 years"."""
    lines: dict[str, list[str]] = {}
    for change in changes:
        where, _, what = str(change["summary"]).partition(": ")
        lines.setdefault(where, []).append(what)
    return [f"{where}: {'; '.join(items)}" for where, items in lines.items()]
