"""The headings above the articles (parts, sections, chapters) compared by their number: a chapter an
amending law renames ("ГЛАВА 31 … ИНФОРМАЦИОННОЙ БЕЗОПАСНОСТИ" -> "… компьютерной безопасности") is
a change of the code's text that no article holds.

A heading is keyed by its kind and number ("ГЛАВА 31", "РАЗДЕЛ XII"; a part by its whole name, "ОБЩАЯ
ЧАСТЬ"); its name is what follows. Names are compared as a reader reads them: capitals or not, a dot
after the number or not, and a Latin look-alike letter ("ОСHОВАHИЯ" with a Latin "H", a flaw of a text
layer) are no change; the redline quotes the new side's own letters. Only a heading both versions have
is compared: one only one side has (a new chapter) comes with its new articles, and an edition that
prints no part headings is no repeal of the parts. A name the other version gives a heading of the same
kind under another number moved with a renumbering (a chapter put in before it): not renamed.
"""

from __future__ import annotations

import re

from lexwatch.diff.model import HeadingChange, Op
from lexwatch.diff.normalize import normalize
from lexwatch.diff.words import diff_words
from lexwatch.text.model import Article

# "ГЛАВА 31", "РАЗДЕЛ XII", "ЧАСТЬ ПЕРВАЯ", "ПОДРАЗДЕЛ 2": kind and number, the name after them
_KEYED = re.compile(r"(?i)^(?P<key>(?:глава|раздел|подраздел)\s+[IVXLC\d]+(?:[¹²³⁴⁵⁶⁷⁸⁹]|[-/]\d+)?"
                    r"|часть\s+(?:первая|вторая|третья|четвертая|четвёртая|общая|особенная))\.?\s*(?P<name>.*)$")
_LOOKALIKES = str.maketrans("AaBbCcEeHhKkMmOoPpTtXxYy", "АаВвСсЕеНнКкМмОоРрТтХхУу")


def _folded(text: str) -> str:
    """A name as compared: one length with `text`, letter for letter, which `_as_written` cuts by (a
    letter whose lower case is two, "İ", is kept as it is)."""
    folded = text.translate(_LOOKALIKES).lower()
    if len(folded) == len(text):  # always but for such a letter: a join letter by letter is twice as slow
        return folded
    return "".join(low if len(low := char.lower()) == 1 else char for char in text.translate(_LOOKALIKES))


def _headings(articles: list[Article]) -> dict[str, tuple[str, str]]:
    """Folded key -> (key as written, name), in document order."""
    found: dict[str, tuple[str, str]] = {}
    seen: set[str] = set()  # a chapter's heading stands over each of its articles: read once
    for article in articles:
        for heading in (article.part, article.section, article.chapter):
            if not heading or heading in seen:
                continue
            seen.add(heading)
            text = normalize(heading)
            m = _KEYED.match(text)
            key, name = (m["key"], m["name"]) if m else (text, "")
            found.setdefault(" ".join(_folded(key).split()), (" ".join(key.split()), name.strip()))
    return found


def _names(headings: dict[str, tuple[str, str]]) -> set[tuple[str, str]]:
    """(kind, folded name) of each heading with a name: where a renumbered heading's name went."""
    return {(folded.split()[0], _folded(name)) for folded, (_, name) in headings.items() if name}


def renamed_headings(old: list[Article], new: list[Article]) -> list[HeadingChange]:
    """The headings both versions have whose names differ, in the new version's order."""
    before, after = _headings(old), _headings(new)
    old_names, new_names = _names(before), _names(after)
    changes = []
    for folded, (key, name) in after.items():
        if folded not in before:
            continue
        old_name = before[folded][1]
        kind = folded.split()[0]
        if not name or not old_name or _folded(old_name) == _folded(name) \
                or (kind, _folded(old_name)) in new_names or (kind, _folded(name)) in old_names:
            continue  # the same, or moved: the new version names another heading so, or the old did
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
