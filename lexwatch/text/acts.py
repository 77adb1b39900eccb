"""Which act a text is: its register number from the text itself or from its title, and its
name as a lawyer writes it.

The table of known titles lives here and nowhere else.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import TYPE_CHECKING

from lexwatch.ids import REGNUM_RE, is_draft_entry, normalize_regnum

if TYPE_CHECKING:
    from lexwatch.text.model import Document

# Title (upper case, "Ё" folded, single spaces) -> register number (PORTAL.md).
KNOWN_TITLES: dict[str, str] = {
    "УГОЛОВНЫЙ КОДЕКС РЕСПУБЛИКИ БЕЛАРУСЬ": "HK9900275",
    "УГОЛОВНО-ПРОЦЕССУАЛЬНЫЙ КОДЕКС РЕСПУБЛИКИ БЕЛАРУСЬ": "HK9900295",
    # the codes in force since 1 March 2021 (№ 91-З, № 92-З); their forerunners had the same titles
    "КОДЕКС РЕСПУБЛИКИ БЕЛАРУСЬ ОБ АДМИНИСТРАТИВНЫХ ПРАВОНАРУШЕНИЯХ": "HK2100091",
    "ПРОЦЕССУАЛЬНО-ИСПОЛНИТЕЛЬНЫЙ КОДЕКС РЕСПУБЛИКИ БЕЛАРУСЬ ОБ АДМИНИСТРАТИВНЫХ ПРАВОНАРУШЕНИЯХ": "HK2100092",
}
# A code whose title a repealed one had, told apart by the year its text says it was signed ("21 апреля
# 2003 г. № 194-З"): a text of the old КоАП is not filed as the code in force.
_FORERUNNERS: dict[str, dict[str, str]] = {"HK2100091": {"2003": "HK0300194"}, "HK2100092": {"2006": "HK0600194"}}

# A register number named as the page's own: "regnum=hk9900275", "p0=HK9900275", data-regnum="...".
_OWN_REGNUM = re.compile(r"(?:regnum=|p0=|data-regnum=[\"']?)\s*([HKPCWRDhkpcwrd][A-Za-z0-9]\d{7})")
# "<H10000377>" in an amendment list names another act: never the text's own number.
_ANGLED_REGNUM = re.compile(r"<[A-Za-z0-9]{9}>")
_HEAD = 3000


def _title_key(title: str) -> str:
    text = title.upper().replace("Ё", "Е").replace("\u00a0", " ")
    text = re.sub(r"[«»\"'.*]", "", text)
    return re.sub(r"\s+", " ", text).strip()


def act_from_title(title: str, head: str = "") -> str | None:
    """The register number of an act known by its title, or None; `head`, the text after the title,
    tells a code from the repealed one of the same title by the year it was signed. A draft's title
    ("ПРОЕКТ КОДЕКС …") names no act in force: the draft of a new code is no edition of the old one."""
    key = _title_key(title)
    if not key or _DRAFT_TITLE.match(key):
        return None
    found = KNOWN_TITLES.get(key) or next(  # the longest title first: ПИКоАП's ends with КоАП's
        (KNOWN_TITLES[known] for known in sorted(KNOWN_TITLES, key=len, reverse=True)
         if key.startswith(known) or key.endswith(known)), None)
    if found in _FORERUNNERS:
        on = _SIGNED_RE.search(head[:_HEAD])
        return _FORERUNNERS[found].get(on["year"], found) if on else found
    return found


# A law's (or a code's) own line: "26 мая 2021 г. № 112-З".
_SIGNED_RE = re.compile(r"(?P<on>\d{1,2}\s+[а-я]+\s+(?P<year>\d{4})\s*г\.)\s*№\s*"
                        r"(?P<number>[0-9]+(?:[-‑–][А-ЯЁA-Z]+)?)")


def signed(preamble: str) -> tuple[str, str]:
    """A law's date and number as its preamble gives them ("26 мая 2021 г.", "112-З"), or ("", "")."""
    found = _SIGNED_RE.search((preamble or "")[:1000])
    return (" ".join(found["on"].split()), found["number"]) if found else ("", "")


# A law's own title, and its own number ("203-З"): the register numbers a law by the year it was signed
# and this number, H1 + YY + five digits (PORTAL.md: Law No. 165-З of 13 May 2022 is H12200165).
_LAW_TITLE = re.compile(r"закон\s+республики\s+беларусь", re.IGNORECASE)
_LAW_NUMBER = re.compile(r"(\d{1,5})[-‑–]З")


def law_register_number(doc: Document) -> str | None:
    """A law's register number from its own signing line at the head of its preamble ("4 января 2007 г.
    № 203-З" is H10700203); None for a draft, another kind of act, a code (numbered otherwise: HK…),
    or a date and number that are not the law's own (an amendment list's "Закон … от … № …")."""
    if is_draft(doc) or not _LAW_TITLE.fullmatch(" ".join(doc.title.split())):
        return None
    for line in (doc.preamble or "").splitlines()[:4]:
        own = _SIGNED_RE.fullmatch(line.strip().removeprefix("от "))  # "от 4 января 2007 г. № 203-З" as sites copy it
        number = _LAW_NUMBER.fullmatch(own["number"]) if own else None
        if own and number and 1991 <= int(own["year"]) <= 2090:
            return f"H1{own['year'][2:]}{int(number[1]):05d}"
    return None


def act_from_text(text: str) -> str | None:
    """A register number the text names as its own, or one standing bare near its start."""
    own = _OWN_REGNUM.search(text)
    if own:
        return normalize_regnum(own.group(1))
    head = _ANGLED_REGNUM.sub(" ", text[:_HEAD])
    bare = REGNUM_RE.search(head)
    return normalize_regnum(bare.group(1)) if bare else None


_LAW_NAME_RE = re.compile(r"^(?:О|Об|Обо)\s.{3,300}$", re.MULTILINE)


def law_name(preamble: str) -> str:
    """A law's name as its preamble gives it ("Об изменении кодексов по вопросам уголовной
    ответственности", after its date and number), or ""."""
    found = _LAW_NAME_RE.search(preamble or "")
    return found.group().strip() if found else ""


# The proper names a title holds, in any case, each word as Russian spelling capitalises it: the country
# ("Республики Беларусь"), and the bodies that issue acts ("Постановление Совета Министров", "Указ Президента
# Республики Беларусь", "Постановление Пленума Верховного Суда", "Совета Республики Национального собрания").
_PROPER_RE = re.compile(
    r"(?<![а-яё])(?:республик[аиеу]|республикой)\s+беларусь(?![а-яё])"
    r"|(?<![а-яё])совет[а-яё]{0,2}\s+(?:министров|республики)(?![а-яё])"
    r"|(?<![а-яё])(?:конституционн|верховн)[а-яё]{2,3}\s+суд[а-яё]{0,2}(?![а-яё])"
    r"|(?<![а-яё])(?:президент|пленум)[а-яё]{0,2}(?![а-яё])"
    r"|(?<![а-яё])(?:национальн[а-яё]{2,3}\s+собрани|палат[а-яё]{0,2}\s+представител)")
# in those names, the words that stay in lower case ("Национального собрания", "Палаты представителей")
_FIRST_WORD_ONLY = ("национальн", "палат")


def act_name(doc: Document) -> str:
    """What a review calls an act: a law by its name ("О внесении изменений в Уголовный кодекс…"),
    a code by its title as a lawyer writes it, not as the edition sets it in capitals ("УГОЛОВНЫЙ
    КОДЕКС РЕСПУБЛИКИ БЕЛАРУСЬ" → "Уголовный кодекс Республики Беларусь")."""
    name = law_name(doc.preamble) or " ".join(doc.title.split())
    if not (name.isupper() and " " in name):  # a register number ("HK9900275") stays as it is
        return name
    name = name[0] + name[1:].lower()
    return _PROPER_RE.sub(_capitalised, name)


def _capitalised(found: re.Match[str]) -> str:
    words = found.group()
    if words.startswith(_FIRST_WORD_ONLY):
        return words[0].upper() + words[1:]
    return re.sub(r"[а-яё]+", lambda w: w.group().capitalize(), words)


# "ПРОЕКТ" before a draft's title, as the portal's draft pages set it and the structure parser joins a
# file's line "ПРОЕКТ" to it; the kind of act after it, with the adjectives of a code's name
# ("УГОЛОВНЫЙ КОДЕКС"), and the act's name where the title holds it ("… Об изменении …").
_DRAFT_TITLE = re.compile(r"проект(?![а-яё])\.?\s*", re.IGNORECASE)
# The kind in the nominative ("ЗАКОН РЕСПУБЛИКИ БЕЛАРУСЬ" under "ПРОЕКТ") or already in the genitive
# ("Проект Закона Республики Беларусь «Об …»", "Проект Уголовного кодекса")
_DRAFT_KIND = re.compile(r"((?:[а-яё-]+(?:ый|ий|ой|ого|его)\s+)*)"
                         r"(закона?|кодекса?|указа?|декрета?|постановлени[ея]|положени[ея])"
                         r"(?![а-яё])\s*(.*)", re.IGNORECASE)
# a title's name: "Об изменении …" after its kind, or the same in quotes, «Об изменении …»
_NAME_IN_TITLE = re.compile(r"(?<=\s)(?:О|Об|Обо)\s.{3,300}$|(?<=\s)«(?:О|Об|Обо)\s.{3,300}»$")


def _genitive(kind: str) -> str:
    """"закон" -> "закона", "постановление" -> "постановления"; a genitive stays as it is."""
    kind = kind.lower()
    return kind[:-1] + "я" if kind.endswith("е") else kind if kind.endswith(("а", "я")) else kind + "а"


def is_draft(doc: Document) -> bool:
    """A draft of an act, not the act: stored under its draft-law bank entry, or titled "ПРОЕКТ …"."""
    return drafted(doc.act, doc.title)


def drafted(act: str | None, title: str) -> bool:
    """`is_draft` of a stored version by its act and title, without reading it."""
    return is_draft_entry(act) or _DRAFT_TITLE.match(title) is not None


def own_name(doc: Document) -> str:
    """An act's own name as written: a law's "О …" line under its date and number, or the "О …" its
    title ends with (a draft's page); "" for a code (its title is its kind and name) or an excerpt."""
    in_title = _NAME_IN_TITLE.search(" ".join(doc.title.split()))
    return law_name(doc.preamble) or (in_title.group().removeprefix("«").removesuffix("»") if in_title else "")


def cited_name(doc: Document) -> str:
    """What `check` calls a document: a draft as a lawyer cites it, "Проект закона «Об изменении …»"
    ("Проект Уголовного кодекса Республики Беларусь" without a name, "Проект" without a title), any
    other act as `act_name` names it."""
    if not is_draft(doc):
        return act_name(doc)
    mark = _DRAFT_TITLE.match(doc.title)
    title = " ".join(doc.title[mark.end() if mark else 0:].split())
    in_title = _NAME_IN_TITLE.search(title)
    name = own_name(doc)
    kind = _DRAFT_KIND.fullmatch(title[:in_title.start()].strip() if in_title else title)
    if kind is None:
        return f"Проект «{name}»" if name else "Проект"
    adjectives, word, rest = kind.groups()
    if name:
        return f"Проект {_genitive(word)} «{name}»"
    named = "".join(re.sub(r"(?:ый|ий|ой)$", "ого", w) + " " for w in adjectives.lower().split())
    rest = _PROPER_RE.sub(_capitalised, rest.lower()) if rest.isupper() else rest
    return " ".join(f"Проект {named.capitalize()}{_genitive(word)} {rest}".split())


# An act's kind as its title sets it apart from its name ("Закон Республики Беларусь", "Указ Президента
# Республики Беларусь"): not a code, whose title is its name, nor a title that holds a date or a name.
_KIND_RE = re.compile(r"(?:Закон|Указ|Декрет|Постановление|Распоряжение|Решение)(?![а-яё])[^«»\d]*")


def cited_act(doc: Document) -> str:
    """The act as a lawyer cites it in a heading or a sentence (the `cited` a template is given): a law by
    its kind, date, number and name ("Закон Республики Беларусь от 20 февраля 2024 г. № 350-З «О внесении
    изменений в Уголовный кодекс Республики Беларусь»"), a draft as `cited_name` does ("Проект закона
    «…»"), a code, or a law whose kind its title does not give, as `act_name` does; "" for neither."""
    if is_draft(doc):
        return cited_name(doc)
    name = law_name(doc.preamble)
    kind = act_name(replace(doc, preamble="")) if name else ""  # the title out of the edition's capitals
    if not _KIND_RE.fullmatch(kind):
        return act_name(doc)
    on, number = signed(doc.preamble)
    return f"{kind}{f' от {on}' if on else ''}{f' № {number}' if number else ''} «{name}»"
