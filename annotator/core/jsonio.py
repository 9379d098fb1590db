"""Deterministic JSON: UTF-8 without ``\\u`` escapes, stable key order, trailing newline.

Files written this way diff cleanly in git and are byte-identical across saves of the same data.
"""

from __future__ import annotations

import json
from json.encoder import encode_basestring
from typing import Any


def dumps(data: Any) -> str:
    """``json.dumps(data, ensure_ascii=False, indent=1, sort_keys=True)`` plus a newline.

    With ``indent`` the standard library falls back to its pure-Python encoder (generators per
    value); writing the same text with plain appends takes half the time, which is most of a
    save of a large file. Anything unusual (non-string keys, other types, cycles, very deep
    nesting) goes to the standard library, so the result and its errors are the same.
    """
    try:
        return _indented(data) + "\n"
    except (_UseStdlibError, RecursionError):
        return json.dumps(data, ensure_ascii=False, indent=1, sort_keys=True) + "\n"


def dump_bytes(data: Any) -> bytes:
    return dumps(data).encode("utf-8")


def dumps_line(data: Any) -> str:
    """One compact line, for JSONL."""
    return json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


class _UseStdlibError(Exception):
    pass


_INF = float("inf")


def _scalar(o: Any) -> str | None:
    """The JSON text of a scalar, as ``json`` writes it; ``None`` for containers and others."""
    if isinstance(o, str):
        return encode_basestring(o)
    if o is None:
        return "null"
    if o is True:
        return "true"
    if o is False:
        return "false"
    if isinstance(o, int):
        return int.__repr__(o)
    if isinstance(o, float):
        if o != o:
            return "NaN"
        if o in (_INF, -_INF):
            return "Infinity" if o > 0 else "-Infinity"
        return float.__repr__(o)
    return None


def _indented(data: Any) -> str:
    parts: list[str] = []
    append = parts.append
    keys: dict[str, str] = {}

    def key(k: Any) -> str:
        if type(k) is not str:
            raise _UseStdlibError  # json turns numbers and None into strings: let it
        quoted = keys[k] = encode_basestring(k) + ": "
        return quoted

    def walk(o: Any, pad: str) -> None:
        if isinstance(o, dict):
            if not o:
                append("{}")
                return
            inner = pad + " "
            sep = "{" + inner
            for k in sorted(o):
                v = o[k]
                q = keys.get(k) or key(k)
                t = type(v)
                if t is str:
                    append(sep + q + encode_basestring(v))
                elif t is int:
                    append(sep + q + int.__repr__(v))
                else:
                    append(sep + q)
                    text = _scalar(v)
                    if text is None:
                        walk(v, inner)
                    else:
                        append(text)
                sep = "," + inner
            append(pad + "}")
        elif isinstance(o, list | tuple):
            if not o:
                append("[]")
                return
            inner = pad + " "
            sep = "[" + inner
            for v in o:
                if type(v) is str:
                    append(sep + encode_basestring(v))
                else:
                    append(sep)
                    text = _scalar(v)
                    if text is None:
                        walk(v, inner)
                    else:
                        append(text)
                sep = "," + inner
            append(pad + "]")
        else:
            text = _scalar(o)
            if text is None:
                raise _UseStdlibError
            append(text)

    walk(data, "\n")
    return "".join(parts)
