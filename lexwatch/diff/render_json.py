"""The json format: the stable, documented schema of a diff.

The text is byte for byte `json.dumps(data, ensure_ascii=False, indent=2)`, written by a small
emitter: the standard library drops to pure Python whenever it indents, and this is twice as fast
on a whole code's redline (each string still goes through json's C escaper).
"""

from __future__ import annotations

import json
from json.encoder import encode_basestring  # the C escaper json uses with ensure_ascii=False
from typing import Any

from lexwatch.diff.model import DocumentDiff
from lexwatch.diff.render import RenderOptions, to_json


class _Unusual(Exception):
    """A value the emitter leaves to json.dumps (non-string keys, objects json would reject)."""


_INFINITIES = {float("inf"): "Infinity", float("-inf"): "-Infinity"}


def _emit(value: Any, pad: str, out: list[str]) -> None:
    """Append `value` as indented JSON; `pad` is the newline and indent of its own line."""
    if isinstance(value, str):
        out.append(encode_basestring(value))
    elif value is None:
        out.append("null")
    elif value is True:
        out.append("true")
    elif value is False:
        out.append("false")
    elif isinstance(value, int):
        out.append(int.__repr__(value))
    elif isinstance(value, float):
        out.append("NaN" if value != value else _INFINITIES.get(value) or float.__repr__(value))
    elif isinstance(value, list | tuple):
        if not value:
            out.append("[]")
            return
        inner = pad + "  "
        out.append("[")
        for i, item in enumerate(value):
            out.append(inner if i == 0 else "," + inner)
            if type(item) is list and len(item) == 2 and type(item[0]) is str and type(item[1]) is str:
                deeper = inner + "  "  # an op ["equal", "text"]: most of a redline
                out.append(f"[{deeper}{encode_basestring(item[0])},{deeper}{encode_basestring(item[1])}{inner}]")
            else:
                _emit(item, inner, out)
        out.append(pad + "]")
    elif isinstance(value, dict):
        if not value:
            out.append("{}")
            return
        inner = pad + "  "
        out.append("{")
        for i, (key, item) in enumerate(value.items()):
            if type(key) is not str:
                raise _Unusual
            out.append((inner if i == 0 else "," + inner) + encode_basestring(key) + ": ")
            _emit(item, inner, out)
        out.append(pad + "}")
    else:
        raise _Unusual


def dumps(data: Any) -> str:
    """json.dumps(data, ensure_ascii=False, indent=2), faster."""
    out: list[str] = []
    try:
        _emit(data, "\n", out)
    except (_Unusual, RecursionError):  # json.dumps says what is wrong, or copes
        return json.dumps(data, ensure_ascii=False, indent=2)
    return "".join(out)


def render(diff: DocumentDiff, options: RenderOptions) -> str:
    return dumps(to_json(diff, options)) + "\n"
