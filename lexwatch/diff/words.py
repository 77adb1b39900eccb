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


def _diff_tokens(old: str, new: str, dmp: Any) -> list[Op]:
    if not old or not new:
        return [("delete", old), ("insert", new)]
    table: dict[str, str] = {}
    a, b = _encode(tokenize(old), table), _encode(tokenize(new), table)
    words = {char: token for token, char in table.items()}
    dmp.Diff_Timeout = 0 if len(a) + len(b) < _EXACT_LIMIT_TOKENS else 2.0
    diffs = dmp.diff_main(a, b, False)
    dmp.diff_cleanupSemantic(diffs)
    return [(_KIND[code], "".join(words[c] for c in chars)) for code, chars in diffs]


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
