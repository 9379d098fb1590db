"""How spans look in the document view: the marks it is given and the formats that draw them.

- one span: its colour, lightened (mixed 35 % into the background);
- overlapping or nested spans: the mean of the covering colours, mixed more strongly the more
  spans cover the text (50 %, then 62 %), plus an underline in the colour of the innermost
  (shortest) covering span, so a nested span stays visible inside its parent;
- emphasis (``emphasis_format``, for the view's ExtraSelections): the current event's spans get
  their own colour at 70 % and a dashed underline; the selected span gets 85 % and a solid
  underline. Text turns white where a background gets too dark to read.

``SpanHighlighter`` formats one paragraph at a time from the view's per-paragraph index, so a
changed span costs only the paragraphs it touches.
"""

from __future__ import annotations

import functools
import itertools
from dataclasses import dataclass

from PySide6.QtGui import QColor, QSyntaxHighlighter, QTextCharFormat
from PySide6.QtWidgets import QPlainTextEdit

_BLEND_BY_DEPTH = (0.35, 0.50, 0.62)
_EVENT_BLEND = 0.70
_SELECTED_BLEND = 0.85


@dataclass(frozen=True)
class SpanMark:
    """One highlight: ``[start, end)`` in code points of the shown text."""

    id: str
    start: int
    end: int
    color: QColor | str = "#f6c343"
    label: str = ""


def _to_qcolor(color: QColor | str) -> QColor:
    c = _parse_color(color) if isinstance(color, str) else QColor(color)
    if not c.isValid():
        raise ValueError(f"not a colour: {color!r}")
    return c


@functools.lru_cache(maxsize=256)
def _parse_color(name: str) -> QColor:
    """Parsed once per name: 10,000 spans share a handful of colours (never mutated)."""
    return QColor(name)


def _mix(base: QColor, over: QColor, amount: float) -> QColor:
    return QColor.fromRgbF(
        base.redF() + (over.redF() - base.redF()) * amount,
        base.greenF() + (over.greenF() - base.greenF()) * amount,
        base.blueF() + (over.blueF() - base.blueF()) * amount,
    )


def _mean(colors: list[QColor]) -> QColor:
    n = len(colors)
    return QColor.fromRgbF(
        sum(c.redF() for c in colors) / n,
        sum(c.greenF() for c in colors) / n,
        sum(c.blueF() for c in colors) / n,
    )


def _is_dark(c: QColor) -> bool:
    return 0.2126 * c.redF() + 0.7152 * c.greenF() + 0.0722 * c.blueF() < 0.45


class SpanEntry:
    """A span as the view keeps it: the mark plus its Qt range and paragraph numbers."""

    __slots__ = ("color", "first_block", "last_block", "mark", "qt_end", "qt_start", "rgb")

    def __init__(self, mark: SpanMark, qt_start: int, qt_end: int, first: int, last: int) -> None:
        self.mark = mark
        self.color = _to_qcolor(mark.color)
        self.rgb = self.color.rgb()
        self.qt_start = qt_start
        self.qt_end = qt_end
        self.first_block = first
        self.last_block = last

    @property
    def length(self) -> int:
        return self.mark.end - self.mark.start


def inner_order(e: SpanEntry) -> tuple[int, int, str]:
    """Innermost first: shortest, then the one starting later, then by id (stable)."""
    return (e.length, -e.mark.start, e.mark.id)


def emphasis_format(covering: list[SpanEntry], selected: bool, paper: QColor,
                    text: QColor) -> QTextCharFormat:
    """The look of a piece of an emphasised span covered by ``covering`` (the emphasised span
    and those nested in or overlapping it there), on ``paper`` with ``text`` as the text
    colour."""
    inner = min(covering, key=inner_order)
    fmt = QTextCharFormat()
    bg = _mix(paper, _mean([o.color for o in covering]),
              _SELECTED_BLEND if selected else _EVENT_BLEND)
    fmt.setBackground(bg)
    fmt.setForeground(QColor("white") if _is_dark(bg) else text)
    fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.SingleUnderline if selected
                          else QTextCharFormat.UnderlineStyle.DashUnderline)
    fmt.setUnderlineColor(inner.color.darker(170))
    return fmt


class SpanHighlighter(QSyntaxHighlighter):
    """Formats one paragraph from the spans ``index`` holds under its block number (the view's
    index, which the view keeps current and this only reads)."""

    def __init__(self, view: QPlainTextEdit, index: dict[int, list[SpanEntry]]) -> None:
        super().__init__(view.document())
        self._view = view
        self._index = index
        # Keyed by appearance (colours, inner colour), not by span ids: 10,000 spans in a few
        # colours need only a few dozen formats.
        self._formats: dict[tuple[tuple[int, ...], int], QTextCharFormat] = {}

    def clear_cache(self) -> None:
        self._formats.clear()

    def highlightBlock(self, text: str) -> None:
        block = self.currentBlock()
        entries = self._index.get(block.blockNumber())
        if not entries:
            return
        base = block.position()
        length = block.length() - 1  # UTF-16 units, as setFormat counts (len(text) would not)
        if len(entries) == 1:
            e = entries[0]
            a, b = max(e.qt_start - base, 0), min(e.qt_end - base, length)
            if a < b:
                self.setFormat(a, b - a, self._format_for(entries))
            return
        # Sweep over the edges of every span clipped to this paragraph.
        opening: dict[int, list[SpanEntry]] = {}
        closing: dict[int, list[SpanEntry]] = {}
        for e in entries:
            a, b = max(e.qt_start - base, 0), min(e.qt_end - base, length)
            if a < b:
                opening.setdefault(a, []).append(e)
                closing.setdefault(b, []).append(e)
        active: list[SpanEntry] = []
        for a, b in itertools.pairwise(sorted(opening.keys() | closing.keys())):
            if a in closing:
                ended = closing[a]
                active = [e for e in active if e not in ended]
            if a in opening:
                active.extend(opening[a])
            if active:
                self.setFormat(a, b - a, self._format_for(active))

    def _format_for(self, covering: list[SpanEntry]) -> QTextCharFormat:
        if len(covering) == 1:
            key: tuple[tuple[int, ...], int] = ((covering[0].rgb,), 0)
        else:
            inner = min(covering, key=inner_order)
            key = (tuple(sorted(e.rgb for e in covering)), inner.rgb)
        fmt = self._formats.get(key)
        if fmt is None:
            fmt = self._build_format(covering)
            self._formats[key] = fmt
        return fmt

    def _build_format(self, covering: list[SpanEntry]) -> QTextCharFormat:
        paper = self._view.viewport().palette().base().color()
        depth = len(covering)
        amount = _BLEND_BY_DEPTH[min(depth, len(_BLEND_BY_DEPTH)) - 1]
        background = _mix(paper, _mean([e.color for e in covering]), amount)
        fmt = QTextCharFormat()
        fmt.setBackground(background)
        if _is_dark(background):
            fmt.setForeground(QColor("white"))
        if depth > 1:
            inner = min(covering, key=inner_order)
            fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.SingleUnderline)
            fmt.setUnderlineColor(inner.color.darker(130))
        return fmt
