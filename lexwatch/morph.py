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
