"""Deterministic JSON: UTF-8 without ``\\u`` escapes, stable key order, trailing newline.

Files written this way diff cleanly in git and are byte-identical across saves of the same data.
"""

from __future__ import annotations

import json
from typing import Any


def dumps(data: Any) -> str:
    return json.dumps(data, ensure_ascii=False, indent=1, sort_keys=True) + "\n"


def dump_bytes(data: Any) -> bytes:
    return dumps(data).encode("utf-8")


def dumps_line(data: Any) -> str:
    """One compact line, for JSONL."""
    return json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
