"""Offsets in the units other code counts in, converted from and to the project's code points:
the one module that converts them.

Python strings, and every offset the project stores, count code points. Two other units meet
them:

- **Qt text positions** (``PositionMap``). A ``QTextDocument`` filled with
  ``setPlainText(text)`` counts UTF-16 code units of what it kept. Measured on PySide6 6.11
  (``tests/gui/test_offsets.py`` checks every rule against a real document): a code point
  above U+FFFF takes two positions; ``"\\r\\n"`` becomes one paragraph break (one position),
  as do a lone ``"\\r"``, ``"\\n"`` and ``"\\u2029"``; one leading BOM (U+FEFF) is dropped;
  ``"\\u2028"`` stays a character; everything else (NBSP, ZWNJ, controls) is one position.
- **UTF-16 code units** (``Utf16Map``), as JavaScript tools (doccano) write offsets: every
  character above U+FFFF counts twice. An offset between the two halves of a surrogate pair
  points at no character: ``to_code_point`` refuses it (``OffsetError``) instead of guessing,
  so an importer can report the span rather than shift it.

Only the irregular code points are stored and lookups bisect over them, so texts without any
(nearly all Arabic news) convert at no cost.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right

_ASTRAL = re.compile("[\U00010000-\U0010ffff]")
_IRREGULAR = re.compile("[\U00010000-\U0010ffff]|\r\n")


class PositionMap:
    """Positions of one document, built once from the stored text.

    ``to_qt(cp)`` gives the Qt position of code point offset ``cp`` (0..len(text));
    ``to_code_point(pos)`` goes back. Several code points can share a Qt position (a dropped BOM,
    the LF of a CRLF): going back returns the largest of them, so a range never splits CR from
    LF and never starts on the invisible BOM. A position inside a surrogate pair snaps to the
    start of that character, or past it with ``round_up=True``.
    """

    __slots__ = ("_cps", "_delta", "_qt_ends", "_qt_starts", "qt_length", "text_length")

    def __init__(self, text: str) -> None:
        self.text_length = len(text)
        cps: list[int] = []  # code point index of each irregular character
        widths: list[int] = []  # its width in Qt positions (0 or 2)
        if text.startswith("\ufeff"):
            cps.append(0)
            widths.append(0)
        for m in _IRREGULAR.finditer(text):
            if m.group() == "\r\n":
                cps.append(m.start() + 1)  # the CR takes the break, the LF takes nothing
                widths.append(0)
            else:
                cps.append(m.start())
                widths.append(2)
        qt_starts: list[int] = []
        qt_ends: list[int] = []
        delta: list[int] = []  # cumulative (width - 1) up to and including this point
        acc = 0
        for cp, w in zip(cps, widths, strict=True):
            q = cp + acc
            qt_starts.append(q)
            qt_ends.append(q + w)
            acc += w - 1
            delta.append(acc)
        self._cps = cps
        self._qt_starts = qt_starts
        self._qt_ends = qt_ends
        self._delta = delta
        self.qt_length = self.text_length + acc

    def __repr__(self) -> str:
        return (f"PositionMap(text_length={self.text_length}, qt_length={self.qt_length}, "
                f"irregular={len(self._cps)})")

    @property
    def is_identity(self) -> bool:
        """True when code points and Qt positions coincide (most Arabic news text)."""
        return not self._cps

    def to_qt(self, cp: int) -> int:
        """Qt position of code point offset ``cp``; clamped to ``0..len(text)``."""
        cp = min(max(cp, 0), self.text_length)
        k = bisect_left(self._cps, cp)  # irregular points strictly before cp
        return cp + (self._delta[k - 1] if k else 0)

    def to_code_point(self, pos: int, *, round_up: bool = False) -> int:
        """Code point offset of Qt position ``pos``; clamped to ``0..qt_length``.

        ``round_up`` decides where a position inside a surrogate pair goes: before the character
        (start of a range) or after it (end of a range).
        """
        pos = min(max(pos, 0), self.qt_length)
        k = bisect_right(self._qt_ends, pos)  # irregular points that end at or before pos
        cp = pos - (self._delta[k - 1] if k else 0)
        if k < len(self._cps) and self._qt_starts[k] < pos:
            # Inside the surrogate pair of the k-th irregular point.
            cp = self._cps[k] + (1 if round_up else 0)
        return cp

    def to_qt_range(self, start: int, end: int) -> tuple[int, int]:
        return self.to_qt(start), self.to_qt(end)

    def to_code_point_range(self, start: int, end: int) -> tuple[int, int]:
        """A Qt selection as code points, widened to whole characters at split surrogates."""
        if start > end:
            start, end = end, start
        return self.to_code_point(start), self.to_code_point(end, round_up=True)

    def is_inside_surrogate_pair(self, pos: int) -> bool:
        k = bisect_right(self._qt_ends, pos)
        return k < len(self._cps) and self._qt_starts[k] < pos


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
