"""Word-level diff of one article: diff-match-patch over word tokens, cleaned up for a redline."""

from __future__ import annotations

import importlib
import os
import re
from collections.abc import Iterable
from functools import cache, cached_property, lru_cache
from itertools import accumulate, pairwise
from typing import Any

from lexwatch.diff.model import Op, OpKind
from lexwatch.diff.normalize import tokenize

# A time cap turns on dmp's half-match speed-up (a common block at least half as long as the
# longer side splits the problem): 1.4x faster in Python, the same result on every corpus run.
# The cap itself only bites on a pathological pair; then the diff is valid, just not minimal.
_TIMEOUT_S = 2.0
_SEGMENT_RE = re.compile(r"(?<=[.;:])(?= )")
_CUT = "\x00"  # marks segment ends for a str.split; texts holding it take the regex path
# A word (or one punctuation mark) with the whitespace after it: the same words as tokenize().
_PIECE_RE = re.compile(r"(?:\d+(?:[./]\d+)+(?!\w)|\w+(?:-\w+)*|[^\w\s])\s*")
_KIND: dict[int, OpKind] = {-1: "delete", 0: "equal", 1: "insert"}
_NATIVE_CODE = {"=": 0, "-": -1, "+": 1}

Diffs = list[tuple[int, str]]


@cache
def _native() -> Any | None:
    """fast-diff-match-patch (the C++ port) when installed: the same diff_main, 4-5x faster here.
    LEXWATCH_PURE_PYTHON=1 keeps to the Python one (to compare, or to rule the C++ port out)."""
    if os.environ.get("LEXWATCH_PURE_PYTHON", "") not in ("", "0"):
        return None
    try:
        return importlib.import_module("fast_diff_match_patch")
    except ImportError:
        return None


def native_available() -> bool:
    return _native() is not None


@cache
def _dmp(timeout: float = 0) -> Any:
    """One diff_match_patch per time cap, so no call changes another's settings."""
    from diff_match_patch import diff_match_patch

    dmp = diff_match_patch()
    dmp.Diff_Timeout = timeout
    return dmp


def _diff_main(a: str, b: str, timeout: float, native: bool, cleanup: bool = False) -> Diffs:
    """dmp's diff_main(a, b, checklines=False), then its cleanupSemantic when asked: from C++
    when asked and installed, else Python (the same result on every corpus run and 5 000
    generated pairs)."""
    fast = _native() if native else None
    if fast is not None:
        return [(_NATIVE_CODE[op], text) for op, text in
                fast.diff(a, b, timelimit=timeout, checklines=False, cleanup="Semantic" if cleanup else "No",
                          counts_only=False)]
    diffs: Diffs = _dmp(timeout).diff_main(a, b, False)
    if cleanup:
        _dmp().diff_cleanupSemantic(diffs)
    return diffs


def _encode(old: list[str], new: list[str]) -> tuple[str, str, dict[str, str]]:
    """One character per distinct token, numbered 1, 2, ... in order of first appearance (old,
    then new) as dmp's linesToChars does: cleanupSemantic reads the characters, so the numbering
    is part of the result."""
    seen = dict.fromkeys(old)
    seen.update(dict.fromkeys(new))
    count = len(seen)
    if count < 0xD800:
        codes: Iterable[int] = range(1, count + 1)
    else:  # skip the surrogate block: not valid characters on their own
        codes = (c + 0x800 if c >= 0xD800 else c for c in range(1, count + 1))
    table = dict(zip(seen, map(chr, codes), strict=True))
    get = table.__getitem__
    return "".join(map(get, old)), "".join(map(get, new)), table


def merge_ops(ops: list[Op]) -> list[Op]:
    """Drop empty operations and join neighbours of the same kind."""
    out: list[Op] = []
    for kind, text in ops:
        if not text:
            continue
        if out and out[-1][0] == kind:
            out[-1] = (kind, out[-1][1] + text)
        else:
            out.append((kind, text))
    return out


def _segments(text: str) -> list[str]:
    """Sentences and parts: the text cut after ".", ";" and ":" before a space, the space going
    with the sentence after it, so that an article's last sentence (no space after it) is the
    same segment when parts are added after it: "… лет." and " 2. Те же деяния … лет." match
    " 2. Те же деяния … лет. 3. …" in a longer new wording."""
    if _CUT in text:
        parts = _SEGMENT_RE.split(text)
    else:
        for mark in (". ", "; ", ": "):
            text = text.replace(mark, mark[0] + _CUT + " ")
        parts = text.split(_CUT)
    # Each sub-point number joined to the instruction it opens. A code's part keeps its number when
    # another is repealed ("2. Исключена."), so its number is a segment of its own that pairs parts in
    # place; an amending law's sub-points are renumbered when one is dropped or added between two
    # drafts, and their numbers as segments paired "1.3." with "1.3.": each instruction after a
    # dropped one read as rewritten into the next. A number after "ст." ("в ст. 23.34. слова …", the
    # Code of Administrative Offences' numbering) is first put back with it: a reference, no sub-point.
    # Only a short segment can be a bare number: a look at those costs a tenth of a search of the text.
    if not any(len(part) <= _SUBPOINT_LEN and _SUBPOINT_ONLY_RE.fullmatch(part) for part in parts):
        return parts
    return _with_numbers(_with_numbers(parts, _REFERENCE_RE), _SUBPOINT_ONLY_RE)


# An amending law's sub-point number ("1.2."), which no code's part has: see _segments.
_SUBPOINT_ONLY_RE = re.compile(r"\s*\d{1,3}(?:\.\d{1,3})+\.")
_SUBPOINT_LEN = 24  # " 999.999.999." and a few line breaks or spaces before it
# A segment ending in the abbreviation of an article, part, point or chapter: a number follows it.
_REFERENCE_RE = re.compile(r".*(?<!\w)(?:ст|ч|п|пп|подп|абз|гл|разд)\.", re.DOTALL)


_SWAPPED: dict[OpKind, OpKind] = {"equal": "equal", "delete": "insert", "insert": "delete"}


def mirror(ops: list[Op]) -> list[Op]:
    """The same change read the other way round: deletions become insertions and back, each
    replacement reading deletion first again. Applied twice it gives the ops back."""
    return merge_ops(_order_delete_first([(_SWAPPED[kind], text) for kind, text in ops]))


def diff_words(old: str, new: str, *, native: bool = True) -> list[Op]:
    """Ops whose equal+delete texts join to `old` and equal+insert texts join to `new`.

    The diff of two texts is worked out one way round only (the smaller text first) and mirrored
    for the other: dmp's bisection and cleanup are not symmetric, and a redline must not depend
    on which version was named first (on the real editions 10 of 211 changed articles read
    otherwise in the other direction). `native=False` keeps to the pure-Python diff-match-patch
    even when the C++ port is installed (same result, slower).
    """
    if new < old:
        return mirror(_diff_words(new, old, native))
    return _diff_words(old, new, native)


def _diff_words(old: str, new: str, native: bool) -> list[Op]:
    """Two levels, as dmp's line mode does: sentences and parts (cut after ". ", "; ", ": ") are
    diffed first, then words only inside the runs that differ. The word diff's cost grows with
    the size of each changed run instead of the whole article.
    """
    if old == new:
        return [("equal", old)] if old else []
    if _same_but_spacing(old, new):
        # Sentence cuts move with the spacing (". " is a cut, ".\n" is not), and among repeated
        # sentences the sentence diff may then pair a sentence with another one's respaced copy
        # and show words as changed: one run over the whole text shows the spaces alone.
        return merge_ops(_order_delete_first(_diff_tokens(old, new, native)))
    old_parts, new_parts = _segments(old), _segments(new)
    a, b, table = _encode(old_parts, new_parts)
    parts = {char: part for part, char in table.items()}
    ops: list[Op] = []
    deleted: list[str] = []
    inserted: list[str] = []
    for code, chars in [*_diff_main(a, b, _TIMEOUT_S, native), (0, "")]:
        if code == -1:
            deleted += map(parts.__getitem__, chars)
        elif code == 1:
            inserted += map(parts.__getitem__, chars)
        else:
            if deleted or inserted:
                ops += _diff_run(deleted, inserted, native)
                deleted, inserted = [], []
            ops.append(("equal", "".join(map(parts.__getitem__, chars))))
    # sliding may bring a change next to another: each spot reads deletion first again
    return merge_ops(_order_delete_first(_slide_edits(merge_ops(_order_delete_first(ops)))))


# Segments of a changed run are paired when at least this share of their words is the same.
_PAIRED = 0.5
_WORD_RE = re.compile(r"\w+")  # the words segments are compared by: no punctuation, any case
_PAIR_LIMIT = 400  # old x new segments of one run: above it the run is word-diffed whole
_LONE_WORDS = 3  # unpaired segments must hold this many words (a part, not "1.")


def _diff_run(old_parts: list[str], new_parts: list[str], native: bool) -> list[Op]:
    """Word diff of one changed run of sentences and parts. When one side holds more segments
    than the other (a part added or removed next to a changed one), segments that keep most of
    their words are also paired and diffed one against the other, the rest between the pairs.
    The paired reading wins only with fewer replacements in which a part starts, then fewer
    characters changed (_cost); the whole run on a tie. So "от [-двух до пяти-]{+трех до шести+}
    лет.{+ 3. …+}", not one rewrite across both parts; but "– {+наказываются … штрафом. +}3."
    where a sanction was missing, as the whole run reads it."""
    whole = _diff_tokens("".join(old_parts), "".join(new_parts), native)
    if (len(old_parts) == len(new_parts) or not old_parts or not new_parts
            or len(old_parts) * len(new_parts) > _PAIR_LIMIT):
        return whole
    whole_cost = _cost(whole)
    # No replacement runs into another part; a lone insertion or deletion that does is weighed
    # only against parts added or removed after the last pair (see _cost).
    lone = not whole_cost[0]
    if lone:
        whole_cost = _cost(whole, lone=True)
        if not whole_cost[0]:  # nothing runs into another part: pairing cannot read better
            return whole
    old_parts, new_parts = _with_numbers(old_parts), _with_numbers(new_parts)
    pairs = _pair_segments(old_parts, new_parts)
    if not pairs or _short_lone_run(old_parts, [x for x, _ in pairs]) or \
            _short_lone_run(new_parts, [y for _, y in pairs]):
        return whole  # "При этом:" or "1." cut off a sentence is not a part of its own
    if lone and pairs != [(k, k) for k in range(len(pairs))]:
        return whole  # a part split or moved: the whole run keeps its unchanged words in place
    paired: list[Op] = []
    i = j = 0
    for pi, pj in [*pairs, (len(old_parts), len(new_parts))]:
        if i < pi or j < pj:
            paired += _diff_tokens("".join(old_parts[i:pi]), "".join(new_parts[j:pj]), native)
        if pi < len(old_parts):
            paired += _diff_tokens(old_parts[pi], new_parts[pj], native)
        i, j = pi + 1, pj + 1
    return paired if _cost(paired) < whole_cost else whole


_NUMBER_ONLY_RE = re.compile(r"\s*\d{1,3}(?:/\d{1,2})?[.)]")


def _with_numbers(parts: list[str], number: re.Pattern[str] = _NUMBER_ONLY_RE) -> list[str]:
    """The segments with a part or point number ("3.", " 12)") joined to the sentence it opens: the
    sentence cut leaves it alone, but it is no segment of its own when pairing parts. With `number`,
    each segment that pattern matches whole is joined to the next one."""
    out: list[str] = []
    for part in parts:
        if out and number.fullmatch(out[-1]):
            out[-1] += part
        else:
            out.append(part)
    return out


def _short_lone_run(parts: list[str], paired: list[int]) -> bool:
    """Whether some run of unpaired segments holds fewer than _LONE_WORDS words."""
    bounds = [-1, *paired, len(parts)]
    return any(0 < len(" ".join(parts[a + 1:b]).split()) < _LONE_WORDS for a, b in pairwise(bounds))


# A part or point starts after a sentence: "… лет. 3. Действия", "…; 12) клевета", "…; 1.3. статью".
_PART_START_RE = re.compile(r"[.;:] \d{1,3}(?:\.\d{1,3})*(?:/\d{1,2})?[.)] ")


def _cost(ops: list[Op], lone: bool = False) -> tuple[int, int]:
    """(replacements in which a part or point starts, characters changed). With `lone`, a lone
    insertion or deletion in which one starts counts too: "до {+шести лет. 2. Те же … от+} пяти
    {+до двенадцати+} лет." reads the old last part's term as the term of a part added after it."""
    across = 0
    ops = merge_ops(_order_delete_first(ops))
    for k, (kind, text) in enumerate(ops):
        if kind == "equal":
            continue
        replaced = lone or any(0 <= n < len(ops) and ops[n][0] not in ("equal", kind) for n in (k - 1, k + 1))
        if replaced and _PART_START_RE.search(text):
            across += 1
    return across, sum(len(text) for kind, text in ops if kind != "equal")


def _pair_segments(old_parts: list[str], new_parts: list[str]) -> list[tuple[int, int]]:
    """(old index, new index) of the pairs, in order on both sides, that share the most words
    in all (each pair at least _PAIRED of the longer one's words): a small LCS by weight."""
    old_words = [set(_WORD_RE.findall(part.lower())) for part in old_parts]
    new_words = [set(_WORD_RE.findall(part.lower())) for part in new_parts]
    rows, cols = len(old_parts), len(new_parts)
    same = [[len(a & b) / (max(len(a), len(b)) or 1) for b in new_words] for a in old_words]
    best = [[0.0] * (cols + 1) for _ in range(rows + 1)]
    for x in range(rows - 1, -1, -1):
        for y in range(cols - 1, -1, -1):
            paired = best[x + 1][y + 1] + same[x][y] if same[x][y] >= _PAIRED else 0.0
            best[x][y] = max(best[x + 1][y], best[x][y + 1], paired)
    pairs: list[tuple[int, int]] = []
    x = y = 0
    while x < rows and y < cols:
        if same[x][y] >= _PAIRED and best[x][y] == best[x + 1][y + 1] + same[x][y]:
            pairs.append((x, y))
            x, y = x + 1, y + 1
        elif best[x][y] == best[x + 1][y]:
            x += 1
        else:
            y += 1
    return pairs


def _same_but_spacing(old: str, new: str) -> bool:
    """Whether the texts differ in whitespace only. Printable texts hold no space but " ", so
    counting it rules most pairs out before the exact (and slower) comparison."""
    if old.isprintable() and new.isprintable() and len(old) - old.count(" ") != len(new) - new.count(" "):
        return False
    return "".join(old.split()) == "".join(new.split())


class _Side:
    """One side of a changed run as words; pieces[i] is word i with the whitespace after it."""

    def __init__(self, text: str) -> None:
        body = text.lstrip()
        self.text = text
        self.lead = text[:len(text) - len(body)]
        self.pieces: list[str] = _PIECE_RE.findall(body)
        self.words: list[str] = list(map(str.rstrip, self.pieces))  # rstrip and \s: the same spaces
        # starts[i]: where word i begins in text; starts[-1] == len(text)
        self.starts = list(accumulate(map(len, self.pieces), initial=len(self.lead)))

    def span(self, i: int, count: int) -> str:
        return self.text[self.starts[i]:self.starts[i + count]]

    def gap(self, i: int) -> str:
        """The whitespace after word i."""
        return self.pieces[i][len(self.words[i]):]


def _common_prefix(a: str, b: str) -> int:
    """Length of the common head, by halving (each comparison runs in C)."""
    lo, hi = 0, min(len(a), len(b))
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if a[lo:mid] == b[lo:mid]:
            lo = mid
        else:
            hi = mid - 1
    return lo


def _common_suffix(a: str, b: str, limit: int) -> int:
    lo, hi, la, lb = 0, limit, len(a), len(b)
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if a[la - mid:la - lo] == b[lb - mid:lb - lo]:
            lo = mid
        else:
            hi = mid - 1
    return lo


def _single_spaced(text: str) -> bool:
    return text.isprintable() and "  " not in text


def _cut_common(old: str, new: str) -> tuple[int, int]:
    """(head, tail): the common head and tail of two single-spaced texts, both cut where a word
    starts after a space, so the words in between are the same words the whole texts hold."""
    head = _common_prefix(old, new)
    if head == len(old) == len(new):
        return head, 0
    head = old.rfind(" ", 0, head) + 1
    tail = _common_suffix(old, new, min(len(old), len(new)) - head)
    if tail:
        # The first word start inside the common tail (a space before it on both sides).
        space = old.find(" ", len(old) - tail)
        tail = len(old) - space - 1 if space >= 0 else 0
    return head, tail


def _diff_tokens(old: str, new: str, native: bool = True) -> list[Op]:
    """Word diff of one changed run. The common head and tail (cut at word starts) are equal text
    and never tokenised: half the words of a changed run on the real editions. Spaces are left out
    of the diff (half the symbols, so the bisection does a quarter of the work) and put back from
    both sides' gaps."""
    if not old or not new:
        return [("delete", old), ("insert", new)]
    if not (_single_spaced(old) and _single_spaced(new)):  # normalised texts always are
        return _space_out_of_replacements(_slide_edits(_diff_middle(old, new, native)))
    head, tail = _cut_common(old, new)
    ops: list[Op] = [("equal", old[:head])]
    old_mid, new_mid = old[head:len(old) - tail], new[head:len(new) - tail]
    if old_mid and new_mid:
        ops += _diff_middle(old_mid, new_mid, native)
    else:
        ops += [("delete", old_mid), ("insert", new_mid)]
    ops.append(("equal", old[len(old) - tail:]))
    return _space_out_of_replacements(_slide_edits(merge_ops(ops)))


def _diff_middle(old: str, new: str, native: bool) -> list[Op]:
    left, right = _Side(old), _Side(new)
    a, b, table = _encode(left.words, right.words)
    diffs = _keep_unchanged_phrases(_diff_main(a, b, _TIMEOUT_S, native, cleanup=True), table, native)
    ops: list[Op] = []
    if left.lead == right.lead:
        ops.append(("equal", left.lead))
    else:
        ops += [("delete", left.lead), ("insert", right.lead)]
    i = j = 0  # next word on each side
    for code, chars in diffs:
        count = len(chars)
        if code == -1:
            ops.append(("delete", left.span(i, count)))
            i += count
        elif code == 1:
            ops.append(("insert", right.span(j, count)))
            j += count
        else:
            same = left.span(i, count)
            if same == right.span(j, count):  # equal words and equal gaps
                ops.append(("equal", same))
            else:
                # Usually only the last gap differs (a run ending ". " against "."): the words
                # before it go in one piece.
                head = count - 1 if left.span(i, count - 1) == right.span(j, count - 1) else 0
                ops.append(("equal", left.span(i, head)))
                for k in range(head, count):
                    ops.append(("equal", left.words[i + k]))
                    old_gap, new_gap = left.gap(i + k), right.gap(j + k)
                    if old_gap == new_gap:
                        ops.append(("equal", old_gap))
                    else:
                        ops += [("delete", old_gap), ("insert", new_gap)]
            i, j = i + count, j + count
    return merge_ops(ops)


# An unchanged phrase of this many words or more is never shown deleted and retyped; nor is one
# word that carries meaning ("арестом", "лет"), as function words and numbers do not.
_KEPT_WORDS = 2
_FUNCTION_WORDS = frozenset({
    "и", "или", "либо", "а", "но", "в", "во", "на", "с", "со", "к", "ко", "по", "о", "об", "от", "до", "за",
    "из", "у", "не", "ни", "же", "ли", "то", "что", "как", "для", "при", "без", "под", "над", "через", "его",
    "ее", "её", "их", "это", "так", "также", "равно"})


def _keep_unchanged_phrases(diffs: Diffs, table: dict[str, str], native: bool) -> Diffs:
    """dmp's semantic cleanup folds an unchanged run into the edits around it when the edits on
    both sides are longer: "[-, а осужденных … –-]{+. Лицам, … осужденным … проводится+}" or a
    clause that stays while the sanction after it changes. That reads well for "и" or "в" between
    two edits, but a redline must not show a phrase of _KEPT_WORDS words or more, or one word that
    carries meaning, as deleted and typed again: such runs are taken back out of each replacement,
    longest first."""
    out: Diffs = []
    keeper = _PhraseKeeper(table, native)
    i = 0
    while i < len(diffs):
        code, chars = diffs[i]
        if code == -1 and i + 1 < len(diffs) and diffs[i + 1][0] == 1:
            out += keeper.split(chars, diffs[i + 1][1])
            i += 2
        else:
            out.append((code, chars))
            i += 1
    return out


@lru_cache(maxsize=16384)
def _weight(token: str) -> int:
    """2 for a word that carries meaning on its own, 1 for a function word or a number, 0 for
    punctuation: a run is kept whole when it holds a 2 or _KEPT_WORDS words."""
    if not token[0].isalnum():
        return 0
    return 2 if token[0].isalpha() and token.lower() not in _FUNCTION_WORDS else 1


class _PhraseKeeper:
    def __init__(self, table: dict[str, str], native: bool) -> None:
        self.table, self.native = table, native

    @cached_property
    def tokens(self) -> dict[str, str]:
        """Code -> token, built only if some replacement needs it."""
        return {char: token for token, char in self.table.items()}

    def _kept(self, chars: str) -> bool:
        weights = list(map(_weight, map(self.tokens.__getitem__, chars)))
        return 2 in weights or weights.count(1) >= _KEPT_WORDS


    def split(self, deleted: str, inserted: str) -> Diffs:
        """[(-1, deleted), (1, inserted)], or the same cut round the longest run of at least
        _KEPT_WORDS words the two share in the raw (uncleaned) diff, each side cut again."""
        if not deleted or not inserted:
            return [(code, chars) for code, chars in ((-1, deleted), (1, inserted)) if chars]
        shared = set(deleted).intersection(inserted)
        if not self._kept("".join(shared)):  # cannot share a phrase worth keeping
            return [(-1, deleted), (1, inserted)]
        best: tuple[int, int, str] | None = None
        x = y = 0
        for code, chars in _diff_main(deleted, inserted, _TIMEOUT_S, self.native):
            if code == 0 and (best is None or len(chars) > len(best[2])) and self._kept(chars):
                best = (x, y, chars)
            x += len(chars) if code != 1 else 0
            y += len(chars) if code != -1 else 0
        if best is None:
            return [(-1, deleted), (1, inserted)]
        x, y, same = best
        before = self.split(deleted[:x], inserted[:y])
        after = self.split(deleted[x + len(same):], inserted[y + len(same):])
        return [*before, (0, same), *after]


def _in_word(text: str, pos: int) -> bool:
    """Whether a cut at text[pos] falls inside a word (hyphenated ones included)."""
    if pos == 0 or pos == len(text):
        return False
    a, b = text[pos - 1], text[pos]
    return (a.isalnum() or a == "-") and (b.isalnum() or b == "-") and (a.isalnum() or b.isalnum())


_SEAM_WEIGHT = {".": 2, ";": 2, ":": 2, ",": 1, "–": 1}


def _seam_score(text: str, pos: int) -> int:
    """How well a change reads starting or ending at text[pos]: at the text's edge 6; where a word
    starts after a space 2, plus 2 after the end of a sentence or part (". ", "; ", ": ") or 1
    after ", " or " – "; elsewhere between punctuation marks or spaces 1; 0 inside a word. So
    changes start with a word and end with a space: "здоровья, {+собственности, +}прав"."""
    if pos == 0 or pos == len(text):
        return 6
    a, b = text[pos - 1], text[pos]
    if a == " " and b != " ":
        return 2 + _SEAM_WEIGHT.get(text[pos - 2:pos - 1], 0)
    return 0 if a.isalnum() and b.isalnum() else 1


def _slide_edits(ops: list[Op]) -> list[Op]:
    """A lone insertion or deletion between two equal texts may sit anywhere along the text it
    repeats ("49 {+настоящего Кодекса. 4. … 73 +}настоящего Кодекса." or "Кодекса.{+ 4. … 73
    настоящего Кодекса.+}"): move it to the best-reading place (_seam_score) that cuts no word,
    as dmp's cleanupSemanticLossless does, but over the real words (dmp saw token codes) and
    including the common head and tail never handed to dmp. Ties go right, as in dmp."""
    out = list(ops)
    for i in range(1, len(out) - 1):
        (before, eq1), (kind, edit), (after, eq2) = out[i - 1], out[i], out[i + 1]
        if before != "equal" or after != "equal" or kind == "equal" or not edit:
            continue
        if eq1[-1:] != edit[-1] and eq2[:1] != edit[0]:
            continue  # it repeats neither neighbour: this is its only place
        text, size = eq1 + edit + eq2, len(edit)  # the side the edit is on
        start = len(eq1)
        while start and text[start - 1] == text[start - 1 + size]:  # as far left as it goes
            start -= 1
        best, best_score = len(eq1), -1
        while True:
            end = start + size
            if not _in_word(text, start) and not _in_word(text, end):
                score = _seam_score(text, start) + _seam_score(text, end)
                if score >= best_score:
                    best, best_score = start, score
            if end == len(text) or text[start] != text[end]:
                break
            start += 1
        out[i - 1:i + 2] = [("equal", text[:best]), (kind, text[best:best + size]), ("equal", text[best + size:])]
    return merge_ops(out)


def _space_out_of_replacements(ops: list[Op]) -> list[Op]:
    """"~~некоторые ~~**покушение на **особо" -> "~~некоторые~~ **покушение на** особо": a space
    both sides of a replacement end with belongs to the unchanged text after it."""
    out = list(ops)
    for i in range(len(out) - 1):
        kinds = {out[i][0], out[i + 1][0]}
        if kinds != {"delete", "insert"} or not all(out[k][1].endswith(" ") for k in (i, i + 1)):
            continue
        if i + 2 < len(out) and out[i + 2][0] != "equal":
            continue
        out[i], out[i + 1] = (out[i][0], out[i][1][:-1]), (out[i + 1][0], out[i + 1][1][:-1])
        if i + 2 < len(out):
            out[i + 2] = ("equal", " " + out[i + 2][1])
        else:
            out.append(("equal", " "))
    return merge_ops(out)


def _order_delete_first(ops: list[Op]) -> list[Op]:
    """One change at each spot between unchanged texts, reading "~~old~~ new": what the spot
    deletes, then what it inserts (dmp may emit an insertion first, or several of each in turn)."""
    out: list[Op] = []
    deleted: list[str] = []
    inserted: list[str] = []
    for kind, text in [*ops, ("equal", "")]:
        if kind == "delete":
            deleted.append(text)
        elif kind == "insert":
            inserted.append(text)
        else:
            if deleted or inserted:
                out += [("delete", "".join(deleted)), ("insert", "".join(inserted))]
                deleted, inserted = [], []
            out.append((kind, text))
    return out


def word_counts(ops: list[Op]) -> tuple[int, int]:
    """(inserted words, deleted words) for a one-line summary."""
    inserted = sum(sum(1 for t in tokenize(text) if t[0].isalnum()) for k, text in ops if k == "insert")
    deleted = sum(sum(1 for t in tokenize(text) if t[0].isalnum()) for k, text in ops if k == "delete")
    return inserted, deleted
