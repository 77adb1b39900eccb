"""The headings above the articles (parts, sections, chapters) compared: a chapter an amending law
renames ("ГЛАВА 31 … ИНФОРМАЦИОННОЙ БЕЗОПАСНОСТИ" -> "… компьютерной безопасности") is a change of the
code's text that no article holds.

A heading is keyed by its kind and number ("ГЛАВА 31", "РАЗДЕЛ XII"; a part by its whole name, "ЧАСТЬ
ПЕРВАЯ"), the number folded as an article's is ("ГЛАВА 13/1", "13-1" and "13¹" are one chapter); its name
is what follows. Names are compared as a reader reads them: capitals or not, a dot after the number or
not, and a Latin look-alike letter ("ОСHОВАHИЯ" with a Latin "H", a flaw of a text layer) are no change;
the redline quotes the new side's own letters.

Which old heading is which new one: first by the articles they hold (the diff's own article
alignment). A heading keeps its number when the old and the new heading of that number share more
than half of the aligned articles either holds, and at least half as many as another heading shares
with either: a chapter split in two is the part that kept its number (the other part is a new
chapter, not the old one renamed), two merged are the one whose number stayed. Else an old and a new
heading of one kind are the same heading when more than half of the aligned articles each holds are
shared: so a chapter moved on by one put in before it is compared with itself under its new number,
told as "ГЛАВА 13 → ГЛАВА 14" when it was renamed as well, silent when not. A new heading sharing its
articles with none so (its articles all new) is compared with the old heading of its number, unless
that one is another new heading's by their articles; there, a name the other version gives a heading
of the same kind under another number moved with a renumbering: not renamed. A heading only one side
has (a new chapter) comes with its new articles, and an edition that prints no part headings is no
repeal of the parts.
"""

from __future__ import annotations

import re
from collections import Counter

from lexwatch.diff.align import Pair, align
from lexwatch.diff.model import HeadingChange, Op
from lexwatch.diff.normalize import normalize
from lexwatch.diff.words import diff_words
from lexwatch.ids import FROM_SUPERSCRIPT
from lexwatch.text.model import Article

# "ГЛАВА 31", "РАЗДЕЛ XII", "ГЛАВА 13¹", "ГЛАВА 13/1", "ЧАСТЬ ПЕРВАЯ": kind and number, the name after them
_KEYED = re.compile(r"(?i)^(?P<key>(?P<kind>глава|раздел|подраздел)\s+(?P<base>[IVXLCХСІ]+|\d+)"
                    r"(?:(?P<sup>[⁰¹²³⁴⁵⁶⁷⁸⁹]{1,3})|\s?[-/]\s?(?P<sep>\d{1,3}))?(?![\d⁰¹²³⁴⁵⁶⁷⁸⁹])"
                    r"|часть\s+(?:первая|вторая|третья|четвертая|четвёртая|общая|особенная))\.?\s*(?P<name>.*)$")
_LOOKALIKES = str.maketrans("AaBbCcEeHhKkMmOoPpTtXxYy", "АаВвСсЕеНнКкМмОоРрТтХхУу")
_ROMAN = str.maketrans("ХСІхсі", "XCIxci")  # a Roman number typed with Cyrillic look-alikes


def _folded(text: str) -> str:
    """A name as compared: one length with `text`, letter for letter, which `_as_written` cuts by (a
    letter whose lower case is two, "İ", is kept as it is)."""
    folded = text.translate(_LOOKALIKES).lower()
    if len(folded) == len(text):  # always but for such a letter: a join letter by letter is twice as slow
        return folded
    return "".join(low if len(low := char.lower()) == 1 else char for char in text.translate(_LOOKALIKES))


class _Side:
    """One version's headings: folded key -> (key as written, name), in document order, and the
    folded key of each heading's text (a chapter's heading stands over each of its articles: read once)."""

    def __init__(self, articles: list[Article]) -> None:
        self.headings: dict[str, tuple[str, str]] = {}
        self.key_of: dict[str, str] = {}
        for article in articles:
            for heading in (article.part, article.section, article.chapter):
                if heading and heading not in self.key_of:
                    self.key_of[heading] = self._read(heading)

    def _read(self, heading: str) -> str:
        text = normalize(heading)
        m = _KEYED.match(text)
        if m is None:
            key, name, folded = text, "", " ".join(_folded(text).split())
        else:
            key, name, folded = m["key"], m["name"], _folded_key(m)
        self.headings.setdefault(folded, (" ".join(key.split()), name.strip()))
        return folded

    def names(self) -> set[tuple[str, str]]:
        """(kind, folded name) of each heading with a name: where a renumbered heading's name went."""
        return {(_kind(folded), _folded(name)) for folded, (_, name) in self.headings.items() if name}


def _folded_key(m: re.Match[str]) -> str:
    """"глава 13-1" for "ГЛАВА 13¹", "Глава 13/1" and "ГЛАВА 13 - 1"; "раздел XII" for a Latin or a
    Cyrillic "Х"; "часть первая"."""
    if not m["kind"]:
        return " ".join(_folded(m["key"]).split())
    sub = m["sup"].translate(FROM_SUPERSCRIPT) if m["sup"] else m["sep"]
    base = m["base"].translate(_ROMAN).upper()
    return f"{m['kind'].lower()} {base}" + (f"-{int(sub)}" if sub else "")


def _collapsed(folded: str) -> str:
    """The key as a text that lost the superscript writes it: "глава 13-1" -> "глава 131"."""
    return folded.replace("-", "")


def _same_by_articles(before: _Side, after: _Side, pairs: list[Pair]) -> dict[str, str]:
    """New folded key -> old folded key. A pair is "each side's": an old and a new heading of one kind
    sharing more than half of the aligned articles each holds. First each heading whose number both
    versions have keeps it, when the two share more than half of the aligned articles either holds and
    at least half as many as another heading shares with either of them so (a chapter split in two is
    the part that kept its number; two merged, the one whose number stayed); then each side's pairs,
    neither heading so matched (a chapter moved on by one put in before it, though a few of its
    articles went to the chapter put in)."""
    old_key, new_key = before.key_of, after.key_of
    shared: Counter[tuple[str, str]] = Counter()
    for pair in pairs:
        old, new = pair.old, pair.new
        if old is None or new is None:
            continue
        for old_heading, new_heading in ((old.part, new.part), (old.section, new.section),
                                         (old.chapter, new.chapter)):
            if old_heading and new_heading:
                shared[old_key[old_heading], new_key[new_heading]] += 1
    shared = Counter({keys: count for keys, count in shared.items() if _kind(keys[0]) == _kind(keys[1])})
    held_old: Counter[str] = Counter()
    held_new: Counter[str] = Counter()
    for (old_folded, new_folded), count in shared.items():
        held_old[old_folded] += count
        held_new[new_folded] += count
    mutual = {keys: count for keys, count in shared.items()
              if 2 * count > held_old[keys[0]] and 2 * count > held_new[keys[1]]}  # at most one a heading
    rival: Counter[str] = Counter()  # a number's old heading gone to, or its new one come from, another
    for (old_folded, new_folded), count in mutual.items():
        if old_folded != new_folded:
            rival[old_folded] = max(rival[old_folded], count)
            rival[new_folded] = max(rival[new_folded], count)
    same = {}
    for folded in after.headings:
        count = shared[folded, folded]
        if count and (2 * count > held_old[folded] or 2 * count > held_new[folded]) and 2 * count >= rival[folded]:
            same[folded] = folded
    taken = set(same.values())
    for old_folded, new_folded in mutual:
        if new_folded not in same and old_folded not in taken:
            same[new_folded] = old_folded
    return same


def _kind(folded: str) -> str:
    """"глава" of "глава 13-1"."""
    return folded.split(" ", 1)[0]


def renamed_headings(old: list[Article], new: list[Article], pairs: list[Pair] | None = None) -> list[HeadingChange]:
    """The headings both versions have whose names differ, in the new version's order. `pairs`: the
    articles aligned (the diff's own; aligned here when not given)."""
    before, after = _Side(old), _Side(new)
    same = _same_by_articles(before, after, align(old, new) if pairs is None else pairs)
    taken = set(same.values())  # old headings the same as a new one by their articles
    old_names, new_names = before.names(), after.names()
    changes = []
    for folded, (key, name) in after.headings.items():
        by_number = folded not in same
        if by_number and (folded not in before.headings or folded in taken):
            continue  # a new heading, or its number's old heading is another new one
        old_folded = folded if by_number else same[folded]
        old_key, old_name = before.headings[old_folded]
        kind = _kind(folded)
        if not name or not old_name or _folded(old_name) == _folded(name):
            continue
        if by_number and ((kind, _folded(old_name)) in new_names or (kind, _folded(name)) in old_names):
            continue  # moved: the new version names another heading so, or the old did
        if old_folded != folded and _collapsed(old_folded) != _collapsed(folded):
            key = f"{old_key} → {key}"  # renumbered and renamed: both numbers
        ops = diff_words(_folded(old_name), _folded(name))
        changes.append(HeadingChange(key, old_name, name, _as_written(ops, old_name, name),
                                     _as_written(ops, old_name, name, old_letters=True)))
    return changes


def _as_written(ops: list[Op], old: str, new: str, *, old_letters: bool = False) -> list[Op]:
    """Ops worked out on the folded names, their texts cut from the names as written: an equal run
    quoted as the new version writes it (as the old one does with `old_letters`)."""
    out: list[Op] = []
    at_old = at_new = 0
    for kind, text in ops:
        if kind == "delete":
            out.append((kind, old[at_old:at_old + len(text)]))
            at_old += len(text)
        elif kind == "insert":
            out.append((kind, new[at_new:at_new + len(text)]))
            at_new += len(text)
        else:
            out.append((kind, old[at_old:at_old + len(text)] if old_letters else new[at_new:at_new + len(text)]))
            at_old += len(text)
            at_new += len(text)
    return out
