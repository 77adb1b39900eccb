"""Word-level diff of one article: diff-match-patch over word tokens, cleaned up for a redline."""

from __future__ import annotations

import re
from typing import Any

from lexwatch.diff.model import Op, OpKind
from lexwatch.diff.normalize import tokenize

# Articles are small, so an exact diff (no timeout) is affordable; a huge one gets a time cap.
_EXACT_LIMIT_TOKENS = 20_000
_SEGMENT_RE = re.compile(r"(?<=[.;:] )")
_KIND: dict[int, OpKind] = {-1: "delete", 0: "equal", 1: "insert"}


def _encode(tokens: list[str], table: dict[str, str]) -> str:
    chars = []
    for token in tokens:
        char = table.get(token)
        if char is None:
            code = len(table) + 1
            if code >= 0xD800:  # skip the surrogate block: not valid characters on their own
                code += 0x800
            char = table[token] = chr(code)
        chars.append(char)
    return "".join(chars)


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


def diff_words(old: str, new: str) -> list[Op]:
    """Ops whose equal+delete texts join to `old` and equal+insert texts join to `new`.

    Two levels, as dmp's line mode does: sentences and parts (cut after ". ", "; ", ": ") are
    diffed first, then words only inside the runs that differ. The word diff's cost grows with
    the size of each changed run instead of the whole article.
    """
    if old == new:
        return [("equal", old)] if old else []
    from diff_match_patch import diff_match_patch

    dmp = diff_match_patch()
    dmp.Diff_Timeout = 0
    old_parts, new_parts = _SEGMENT_RE.split(old), _SEGMENT_RE.split(new)
    table: dict[str, str] = {}
    a, b = _encode(old_parts, table), _encode(new_parts, table)
    parts = {char: part for part, char in table.items()}
    ops: list[Op] = []
    deleted, inserted = "", ""
    for code, chars in [*dmp.diff_main(a, b, False), (0, "")]:
        text = "".join(parts[c] for c in chars)
        if code == -1:
            deleted += text
        elif code == 1:
            inserted += text
        else:
            if deleted or inserted:
                ops += _diff_tokens(deleted, inserted, dmp)
                deleted = inserted = ""
            ops.append(("equal", text))
    return merge_ops(_order_delete_first(ops))


def _words_and_gaps(text: str) -> tuple[list[str], list[str]]:
    """Non-space tokens, and the whitespace after each (gaps[0] is any leading space)."""
    words: list[str] = []
    gaps: list[str] = [""]
    for token in tokenize(text):
        if token.isspace():
            gaps[-1] += token
        else:
            words.append(token)
            gaps.append("")
    return words, gaps


def _diff_tokens(old: str, new: str, dmp: Any) -> list[Op]:
    """Word diff of one changed run. Spaces are left out of the diff (half the symbols, so the
    bisection does a quarter of the work) and put back by walking both sides' gaps."""
    if not old or not new:
        return [("delete", old), ("insert", new)]
    old_words, old_gaps = _words_and_gaps(old)
    new_words, new_gaps = _words_and_gaps(new)
    table: dict[str, str] = {}
    a, b = _encode(old_words, table), _encode(new_words, table)
    dmp.Diff_Timeout = 0 if len(a) + len(b) < _EXACT_LIMIT_TOKENS else 2.0
    diffs = dmp.diff_main(a, b, False)
    dmp.diff_cleanupSemantic(diffs)
    ops: list[Op] = []

    def gap(old_gap: str | None, new_gap: str | None) -> None:
        if old_gap == new_gap:
            ops.append(("equal", old_gap or ""))
            return
        ops.append(("delete", old_gap or ""))
        ops.append(("insert", new_gap or ""))

    i = j = 0  # next word on each side; gaps[i] is the space before old word i
    gap(old_gaps[0], new_gaps[0])
    for code, chars in diffs:
        for _ in chars:
            if code == 0:
                ops.append(("equal", old_words[i]))
                gap(old_gaps[i + 1], new_gaps[j + 1])
                i, j = i + 1, j + 1
            elif code == -1:
                ops.append(("delete", old_words[i] + old_gaps[i + 1]))
                i += 1
            else:
                ops.append(("insert", new_words[j] + new_gaps[j + 1]))
                j += 1
    return _space_out_of_replacements(merge_ops(ops))


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
    # dmp may emit insert before delete at one spot; a redline reads "~~old~~ new".
    out = list(ops)
    for i in range(len(out) - 1):
        if out[i][0] == "insert" and out[i + 1][0] == "delete":
            out[i], out[i + 1] = out[i + 1], out[i]
    return out


def word_counts(ops: list[Op]) -> tuple[int, int]:
    """(inserted words, deleted words) for a one-line summary."""
    inserted = sum(sum(1 for t in tokenize(text) if t[0].isalnum()) for k, text in ops if k == "insert")
    deleted = sum(sum(1 for t in tokenize(text) if t[0].isalnum()) for k, text in ops if k == "delete")
    return inserted, deleted
