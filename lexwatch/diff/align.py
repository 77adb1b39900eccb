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
from lexwatch.ids import ArticleNumber
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
    """difflib's ratio over normalised words: 2 * matched words / all words, the same either way
    round (difflib's matching is not, so the better of the two is taken: "до пяти или штрафом
    наказывается арестом штрафом пяти арестом штрафом" matches 9 of 10 words of a text one way,
    7 the other).

    With `at_least`, a pair whose word counts or word multisets already bound the ratio below it
    returns that bound (< at_least) without the quadratic matching.
    """
    from difflib import SequenceMatcher

    first, second = normalize(a).split(" "), normalize(b).split(" ")
    matcher = SequenceMatcher(None, first, second, autojunk=False)
    for bound in (matcher.real_quick_ratio, matcher.quick_ratio):
        upper = bound()
        if upper < at_least:
            return upper
    ratio = matcher.ratio()
    if ratio < upper:  # the matching one way round may have missed words the other finds
        matcher.set_seqs(second, first)
        ratio = max(ratio, matcher.ratio())
    return ratio


def _body(article: Article) -> str:
    return normalize(article.text)


def _long_enough(article: Article) -> bool:
    return len(_body(article).split(" ")) >= _MIN_WORDS


def align(old: list[Article], new: list[Article]) -> list[Pair]:
    """Pairs in NEW order; removed articles follow the nearest earlier old article kept in NEW.

    Every pass treats both sides alike, so that aligning NEW with OLD gives the same pairs the
    other way round (an added article there is a removed one here), and ties go by the articles'
    places in their documents, never by the order a set iterates in (PYTHONHASHSEED)."""
    new_numbers = {a.number for a in new}
    old_numbers = {a.number for a in old}
    old_by_number: dict[ArticleNumber, list[Article]] = defaultdict(list)  # a number twice: first with first
    for a in old:
        old_by_number[a.number].append(a)
    matched_old: dict[int, Pair] = {}   # id(old article) -> pair
    pairs_by_new: dict[int, Pair] = {}  # index in new -> pair

    for i, article in enumerate(new):
        partners = old_by_number.get(article.number)
        if partners:
            partner = partners.pop(0)
            pair = Pair(partner, article, "number", 1.0)
            pairs_by_new[i] = matched_old[id(partner)] = pair

    # Only articles whose number the other side does not have may move.
    left_old = [a for a in old if id(a) not in matched_old and a.number not in new_numbers
                and _long_enough(a)]
    left_new = [i for i in range(len(new)) if i not in pairs_by_new and new[i].number not in old_numbers
                and _long_enough(new[i])]

    # Pass "text": identical normalised text, by hash, when one article on each side has it.
    old_by_text: dict[str, list[Article]] = defaultdict(list)
    for a in left_old:
        old_by_text[_body(a)].append(a)
    new_by_text: dict[str, list[int]] = defaultdict(list)
    for i in left_new:
        new_by_text[_body(new[i])].append(i)
    for body, [i] in [(body, found) for body, found in new_by_text.items() if len(found) == 1]:
        candidates = old_by_text.get(body)
        if candidates and len(candidates) == 1:
            pair = Pair(candidates[0], new[i], "text", 1.0)
            pairs_by_new[i] = matched_old[id(candidates[0])] = pair
    left_old = [a for a in left_old if id(a) not in matched_old]
    left_new = [i for i in left_new if i not in pairs_by_new]

    # Pass "similarity": shared word 3-shingles, through an inverted index (no all-pairs diff), pick
    # the few candidates of each article on either side; the score is a word-sequence ratio.
    old_pos = {id(a): k for k, a in enumerate(old)}
    index: dict[str, list[int]] = defaultdict(list)
    for a in left_old:
        for s in shingles(a.text):
            index[s].append(old_pos[id(a)])
    overlap: dict[tuple[int, int], int] = defaultdict(int)  # (new index, old index) -> shared shingles
    for i in left_new:
        for s in shingles(new[i].text):
            for k in index.get(s, ()):
                overlap[i, k] += 1
    by_new: dict[int, list[tuple[int, int]]] = defaultdict(list)
    by_old: dict[int, list[tuple[int, int]]] = defaultdict(list)
    for (i, k), shared in overlap.items():
        by_new[i].append((-shared, k))
        by_old[k].append((-shared, i))
    candidates_of = {(i, k) for i, found in by_new.items() for _, k in sorted(found)[:_CANDIDATES]}
    candidates_of |= {(i, k) for k, found in by_old.items() for _, i in sorted(found)[:_CANDIDATES]}
    scored: list[tuple[float, int, int, int, int]] = []
    for i, k in candidates_of:
        score = word_ratio(new[i].text, old[k].text, RENUMBER_THRESHOLD)
        if score >= RENUMBER_THRESHOLD:
            scored.append((-score, min(i, k), max(i, k), i, k))
    for neg_score, _, _, i, k in sorted(scored):
        a = old[k]
        if i in pairs_by_new or id(a) in matched_old:
            continue
        pair = Pair(a, new[i], "text" if neg_score == -1.0 else "similarity", round(-neg_score, 4))
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
