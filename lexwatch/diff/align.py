"""Align the articles of two documents in named passes; each pair records how it was matched.

Passes: "number" (same article number) -> "text" (identical normalised text under a new number)
-> "similarity" (word-sequence ratio >= RENUMBER_THRESHOLD on the few candidates that share most
word 3-shingles, found through an inverted index; only among leftovers whose old number is gone
from NEW) -> added / removed. Texts under 8 words never move: too generic to prove identity.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from lexwatch.diff.normalize import normalize
from lexwatch.text.model import Article

RENUMBER_THRESHOLD = 0.9
_SHINGLE = 3
_CANDIDATES = 3
_MIN_WORDS = 8  # shorter texts ("Исключена", one line) are too generic to prove a move


@dataclass
class Pair:
    old: Article | None
    new: Article | None
    matched_by: str = ""
    score: float = 1.0


def shingles(text: str) -> set[str]:
    words = [w for w in normalize(text).lower().split(" ") if w]
    if len(words) < _SHINGLE:
        return {" ".join(words)} if words else set()
    return {" ".join(words[i:i + _SHINGLE]) for i in range(len(words) - _SHINGLE + 1)}


def word_ratio(a: str, b: str, at_least: float = 0.0) -> float:
    """difflib's ratio over normalised words: 2 * matched words / all words.

    With `at_least`, a pair whose word counts or word multisets already bound the ratio below it
    returns that bound (< at_least) without the quadratic matching.
    """
    from difflib import SequenceMatcher

    matcher = SequenceMatcher(None, normalize(a).split(" "), normalize(b).split(" "), autojunk=False)
    for bound in (matcher.real_quick_ratio, matcher.quick_ratio):
        upper = bound()
        if upper < at_least:
            return upper
    return matcher.ratio()


def _body(article: Article) -> str:
    return normalize(article.text)


def _long_enough(article: Article) -> bool:
    return len(_body(article).split(" ")) >= _MIN_WORDS


def align(old: list[Article], new: list[Article]) -> list[Pair]:
    """Pairs in NEW order; removed articles follow the nearest earlier old article kept in NEW."""
    new_numbers = {a.number for a in new}
    old_by_number = {a.number: a for a in old}
    matched_old: dict[int, Pair] = {}   # id(old article) -> pair
    pairs_by_new: dict[int, Pair] = {}  # index in new -> pair

    for i, article in enumerate(new):
        partner = old_by_number.get(article.number)
        if partner is not None and id(partner) not in matched_old:
            pair = Pair(partner, article, "number", 1.0)
            pairs_by_new[i] = matched_old[id(partner)] = pair

    left_old = [a for a in old if id(a) not in matched_old and a.number not in new_numbers
                and _long_enough(a)]
    left_new = [i for i in range(len(new)) if i not in pairs_by_new and _long_enough(new[i])]

    # Pass "text": identical normalised text, by hash.
    by_text: dict[str, list[Article]] = defaultdict(list)
    for a in left_old:
        by_text[_body(a)].append(a)
    for i in list(left_new):
        candidates = by_text.get(_body(new[i]))
        if candidates and len(candidates) == 1 and id(candidates[0]) not in matched_old:
            pair = Pair(candidates[0], new[i], "text", 1.0)
            pairs_by_new[i] = matched_old[id(candidates[0])] = pair
            left_new.remove(i)

    # Pass "similarity": Jaccard over word shingles via an inverted index (no all-pairs diff).
    old_sets = {id(a): shingles(a.text) for a in left_old if id(a) not in matched_old}
    index: dict[str, list[Article]] = defaultdict(list)
    for a in left_old:
        if id(a) in old_sets:
            for s in old_sets[id(a)]:
                index[s].append(a)
    scored: list[tuple[float, int, Article]] = []
    for i in left_new:
        mine = shingles(new[i].text)
        overlap: dict[int, int] = defaultdict(int)
        owners: dict[int, Article] = {}
        for s in mine:
            for a in index.get(s, ()):
                overlap[id(a)] += 1
                owners[id(a)] = a
        # Shingles only pick candidates; the score is a word-sequence ratio on the best few.
        best = sorted(overlap.items(), key=lambda kv: -kv[1])[:_CANDIDATES]
        for key, _shared in best:
            score = word_ratio(new[i].text, owners[key].text, RENUMBER_THRESHOLD)
            if score >= RENUMBER_THRESHOLD:
                scored.append((score, i, owners[key]))
    for score, i, a in sorted(scored, key=lambda t: -t[0]):
        if i in pairs_by_new or id(a) in matched_old:
            continue
        pair = Pair(a, new[i], "similarity", round(score, 4))
        pairs_by_new[i] = matched_old[id(a)] = pair

    # Place removed articles after the nearest earlier old article that survives.
    old_slot: dict[int, int] = {id(p.old): i for i, p in pairs_by_new.items() if p.old is not None}
    removed_after: dict[int, list[Pair]] = defaultdict(list)
    anchor = -1
    for a in old:
        if id(a) in matched_old:
            anchor = old_slot[id(a)]
        else:
            removed_after[anchor].append(Pair(a, None, "", 0.0))
    out = list(removed_after.get(-1, []))
    for i, article in enumerate(new):
        out.append(pairs_by_new.get(i) or Pair(None, article, "", 0.0))
        out.extend(removed_after.get(i, []))
    return out
