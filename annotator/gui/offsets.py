"""Qt text positions <-> Python code-point offsets: the one place that converts them.

A ``QTextDocument`` filled with ``setPlainText(text)`` counts positions in UTF-16 code units of
what it kept, while the project stores ``[start, end)`` in code points of ``text``. Measured on
PySide6 6.11 (see ``tests/gui/test_offsets.py``, which checks every rule against a real document):

- a code point above U+FFFF takes two positions (a surrogate pair);
- ``"\\r\\n"`` becomes one paragraph break (one position), as do a lone ``"\\r"``, ``"\\n"``
  and ``"\\u2029"`` (one each: no drift);
- one leading BOM (U+FEFF) is dropped (PySide drops it converting any str to QString); a
  second BOM, or one elsewhere, stays;
- ``"\\u2028"`` stays a character inside its block (a line break, one position);
- everything else, NBSP, ZWNJ, controls, lone surrogates included, is one position.

Only the irregular code points are stored, and both directions bisect over them, so building
the map is one regex pass and each lookup is O(log k) for k irregular points.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right

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
