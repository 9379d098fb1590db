"""Code point <-> UTF-16 code unit offsets, for formats written by JavaScript tools (doccano).

Python strings index code points; JavaScript strings index UTF-16 code units, so every
character above U+FFFF (emoji, some CJK, mathematical letters) counts twice there. Only those
characters are stored, so texts without any (nearly all Arabic news) convert at no cost, and
each lookup is a bisect.

An offset that falls between the two halves of a surrogate pair points at no character:
``to_code_point`` refuses it (``OffsetError``) instead of guessing, so an importer can report
the span rather than shift it.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right

_ASTRAL = re.compile("[\U00010000-\U0010ffff]")


class OffsetError(ValueError):
    """An offset that is out of range or splits a surrogate pair."""


class Utf16Map:
    """Offsets of one text in both units; build once per text, then convert many offsets."""

    __slots__ = ("_astral_cp", "_astral_u16", "cp_length", "u16_length")

    def __init__(self, text: str) -> None:
        cps = [m.start() for m in _ASTRAL.finditer(text)]
        self._astral_cp = cps
        # Code unit index where each astral character starts: its code point index plus the
        # number of astral characters before it (each of which took one extra unit).
        self._astral_u16 = [cp + i for i, cp in enumerate(cps)]
        self.cp_length = len(text)
        self.u16_length = len(text) + len(cps)

    @property
    def is_identity(self) -> bool:
        """True when both units agree everywhere (no character above U+FFFF)."""
        return not self._astral_cp

    def to_utf16(self, cp: int) -> int:
        """The UTF-16 offset of code point offset ``cp`` (0..len(text))."""
        if not 0 <= cp <= self.cp_length:
            raise OffsetError(f"offset {cp} is outside the text (0..{self.cp_length})")
        return cp + bisect_left(self._astral_cp, cp)

    def to_code_point(self, u16: int) -> int:
        """The code point offset of UTF-16 offset ``u16``; ``OffsetError`` inside a pair."""
        if not 0 <= u16 <= self.u16_length:
            raise OffsetError(f"offset {u16} is outside the text (0..{self.u16_length} UTF-16 "
                              "code units)")
        starts = self._astral_u16
        i = bisect_left(starts, u16 - 1)
        if i < len(starts) and starts[i] == u16 - 1:
            raise OffsetError(f"UTF-16 offset {u16} falls inside a surrogate pair (between the "
                              "two halves of one character)")
        # Every astral character that ends at or before u16 took one extra unit.
        return u16 - bisect_right(starts, u16 - 2)


def utf16_length(text: str) -> int:
    """``len`` of ``text`` as JavaScript counts it."""
    return len(text) + len(_ASTRAL.findall(text))


def to_utf16(text: str, cp: int) -> int:
    return Utf16Map(text).to_utf16(cp)


def to_code_point(text: str, u16: int) -> int:
    return Utf16Map(text).to_code_point(u16)
