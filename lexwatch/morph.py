"""Russian morphology: cached lemmas and inflected forms (pymorphy3), loaded on first use.

Loading the dictionaries costs ~50 ms and ~40 MiB, so nothing here runs at import time.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

WORD_RE = re.compile(r"[А-Яа-яЁёІіЎўA-Za-z]+(?:-[А-Яа-яЁёІіЎўA-Za-z]+)*")


@lru_cache(maxsize=1)
def _analyzer() -> Any:
    import pymorphy3

    return pymorphy3.MorphAnalyzer(lang="ru")


@lru_cache(maxsize=200_000)
def lemma(word: str) -> str:
    """The normal form of a Russian word, lower-cased, "ё" folded to "е"."""
    low = word.lower().replace("ё", "е")
    if not re.search("[а-я]", low):
        return low
    return str(_analyzer().parse(low)[0].normal_form).replace("ё", "е")


def lemmas(text: str) -> list[str]:
    return [lemma(w) for w in WORD_RE.findall(text)]


@lru_cache(maxsize=10_000)
def forms(word: str) -> tuple[str, ...]:
    """Every inflected form of the word's most likely lexeme (for search query expansion)."""
    low = word.lower().replace("ё", "е")
    if not re.search("[а-я]", low):
        return (low,)
    parsed = _analyzer().parse(low)[0]
    found = {str(f.word).replace("ё", "е") for f in parsed.lexeme}
    found.add(low)
    return tuple(sorted(found))


# Latin letters that look like Cyrillic ones: a word copied from a PDF, an OCR or a web page often
# carries one ("cмертная" with a Latin "c", "Рэспублiкi" with a Latin "i").
_LOOKALIKES = str.maketrans("AaBCcEeHKkMOoPpTXxYyIi", "АаВСсЕеНКкМОоРрТХхУуІі")
_CYRILLIC_RE = re.compile("[А-Яа-яЁёІіЎў]")
_LATIN_RE = re.compile("[A-Za-z]")


def cyrillic(word: str) -> str:
    """The word with its Latin look-alike letters read as Cyrillic, in each hyphen-joined part that
    is Cyrillic but for them ("cмертная" -> "смертная"); a Latin word or part ("SIM-карта") stays."""
    def part(text: str) -> str:
        if not _CYRILLIC_RE.search(text) or not _LATIN_RE.search(text):
            return text
        folded = text.translate(_LOOKALIKES)
        return text if _LATIN_RE.search(folded) else folded  # another Latin letter: not a look-alike slip
    return "-".join(part(p) for p in word.split("-"))


@lru_cache(maxsize=10_000)
def known_word(word: str) -> bool:
    """Whether the dictionary holds the word (in any of its forms)."""
    return bool(_analyzer().word_is_known(word.lower().replace("ё", "е")))


_PARTICLES = frozenset({"либо", "нибудь", "то", "таки"})  # "какой-либо", "кто-нибудь", "что-то"


@lru_cache(maxsize=4096)
def hyphenated(head: str, tail: str) -> bool:
    """Whether "head-" at a line end and "tail" on the next line are a hyphenated word: the joined
    word is not in the dictionary and the part after the hyphen is a word of its own
    ("уголовно-процессуальным", "какой-либо"). A joined word the dictionary knows ("наказывается",
    and "место" though its end reads as the particle of "что-то") or two fragments ("дезактива",
    "ционных") are one word broken at the line end. Used by normalisation and the PDF reader alike."""
    if known_word(head + tail):
        return False
    return tail.lower() in _PARTICLES or known_word(tail)
