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


# The keys of a document file (``Document.to_dict``), in the order ``dumps`` writes them.
_DOCUMENT_KEYS = ("format_version", "id", "meta", "sha256", "text")
_IN_DOCUMENT = "\n "  # where the values of a document's keys start


def dump_document_bytes(data: dict[str, Any]) -> bytes:
    """``dump_bytes(data)`` of a document (``Document.to_dict()``), byte for byte, in less than
    half the time (an import writes thousands): the text, nearly all of the bytes, is escaped
    after its UTF-8 encoding, and the few fields before it go in one f-string. Anything of
    another shape, and any error, goes to ``dump_bytes``.
    """
    try:
        if type(data) is dict and len(data) == len(_DOCUMENT_KEYS):
            version, doc_id, meta = data["format_version"], data["id"], data["meta"]
            sha256, text = data["sha256"], data["text"]
            if (type(version) is int and type(doc_id) is str and type(meta) is dict
                    and type(sha256) is str and type(text) is str):
                head = (f'{{\n "format_version": {int.__repr__(version)},'
                        f'\n "id": {encode_basestring(doc_id)},'
                        f'\n "meta": {_meta_json(meta)},'
                        f'\n "sha256": {encode_basestring(sha256)},'
                        '\n "text": "')
                return b"".join((head.encode("utf-8"), _escaped_utf8(text), b'"\n}\n'))
    except (KeyError, UnicodeEncodeError, _UseStdlibError, RecursionError):
        pass
    return dump_bytes(data)


def _meta_json(meta: dict[Any, Any]) -> str:
    """``meta`` as it is written inside a document; a meta of text fields only (as most are)
    in one join, twice as fast as the general walk."""
    for key, value in meta.items():
        if type(key) is not str or type(value) is not str:
            return _indented(meta, _IN_DOCUMENT)
    if not meta:
        return "{}"
    return "{\n  " + ",\n  ".join([f"{encode_basestring(k)}: {encode_basestring(meta[k])}"
                                    for k in sorted(meta)]) + "\n }"


# Every character ``encode_basestring`` escapes is ASCII, and no byte of a multi-byte UTF-8
# sequence is ASCII: so escaping the UTF-8 bytes gives the UTF-8 of the escaped text.
_CONTROLS_BUT_LF = bytes(c for c in range(0x20) if c != 0x0A)


def _escaped_utf8(text: str) -> bytes:
    """``encode_basestring(text)[1:-1].encode("utf-8")``, twice as fast on a long text whose
    only control character is LF: three ``bytes.replace`` over its UTF-8, where
    ``encode_basestring`` builds a str that must then be encoded."""
    raw = text.encode("utf-8")
    if len(raw.translate(None, _CONTROLS_BUT_LF)) != len(raw):
        return encode_basestring(text)[1:-1].encode("utf-8")  # a tab, CR or rarer
    return raw.replace(b"\\", b"\\\\").replace(b'"', b'\\"').replace(b"\n", b"\\n")


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


def _indented(data: Any, pad: str = "\n") -> str:
    """``data`` as ``json.dumps(indent=1, sort_keys=True)`` writes it at the depth ``pad``
    (a newline, then one space per level) says."""
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

    walk(data, pad)
    return "".join(parts)
