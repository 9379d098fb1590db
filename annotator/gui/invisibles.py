"""Invisible characters made visible in the text view (View > Show invisible characters).

Bidi marks, joiners, no-break and other special spaces and tatweel decide where a selection
snaps (a span never ends on an RLM or a ZWNJ; an NBSP is not a word break) but draw nothing, or
look like an ordinary space or letter stroke. Marks are painted over the text, never put into
it: the stored text, the document Qt lays out and every offset stay exactly as they are.

- a zero-width character (RLM, LRM, ALM, ZWNJ, ZWJ, ZWSP, word joiner, BOM, soft hyphen, the
  bidi embedding, override and isolate controls): a thin bar where it sits, with its short
  name above;
- a special space (NBSP, narrow NBSP, figure, thin, hair, em/en ... spaces): its box shaded,
  with a small bracket at the bottom and its name;
- tatweel (kashida): its stroke shaded.
"""

from __future__ import annotations

import re

from PySide6.QtCore import QPointF, QRect, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QPen, QTextBlock, QTextLine
from PySide6.QtWidgets import QPlainTextEdit

from annotator.core.offsets import Utf16Map

ZERO_WIDTH = {
    "\u200f": "RLM", "\u200e": "LRM", "\u061c": "ALM", "\u200c": "ZWNJ", "\u200d": "ZWJ",
    "\u200b": "ZWSP", "\u2060": "WJ", "\ufeff": "BOM", "\u00ad": "SHY",
    "\u202a": "LRE", "\u202b": "RLE", "\u202c": "PDF", "\u202d": "LRO", "\u202e": "RLO",
    "\u2066": "LRI", "\u2067": "RLI", "\u2068": "FSI", "\u2069": "PDI",
}
SPACES = {
    "\u00a0": "NBSP", "\u202f": "NNBSP", "\u2007": "FIGSP", "\u2009": "THSP", "\u200a": "HSP",
    "\u2002": "ENSP", "\u2003": "EMSP", "\u2004": "3/EM", "\u2005": "4/EM", "\u2006": "6/EM",
    "\u2008": "PUNCSP", "\u205f": "MMSP", "\u3000": "IDSP",
}
TATWEEL = "\u0640"
NAMES = {**ZERO_WIDTH, **SPACES, TATWEEL: "TATWEEL"}
INVISIBLE = re.compile("[" + "".join(NAMES) + "]")

MARK_COLOR = QColor("#c2185b")  # dark magenta: apart from the black text
_SHADE_ALPHA = 70
_TAG_SCALE = 0.45  # the names' size, relative to the text's


def paint_marks(view: QPlainTextEdit, painter: QPainter, area: QRect) -> int:
    """Mark every invisible character of ``view`` drawn inside viewport rectangle ``area``;
    returns how many were marked."""
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    tag_font = QFont("DejaVu Sans")
    tag_font.setPointSizeF(max(6.0, view.font().pointSizeF() * _TAG_SCALE))
    painter.setFont(tag_font)
    metrics = QFontMetricsF(tag_font)
    offset = view.contentOffset()
    marked = 0
    block = view.firstVisibleBlock()
    while block.isValid():
        geometry = view.blockBoundingGeometry(block).translated(offset)
        if geometry.top() > area.bottom():
            break
        if block.isVisible() and geometry.bottom() >= area.top():
            marked += _mark_block(painter, metrics, block, geometry.topLeft(), area)
        block = block.next()
    painter.restore()
    return marked


def _mark_block(painter: QPainter, metrics: QFontMetricsF, block: QTextBlock, origin: QPointF,
                area: QRect) -> int:
    text = block.text()
    if not INVISIBLE.search(text):
        return 0
    layout = block.layout()
    units = Utf16Map(text)
    origin = origin + layout.position()
    marked = 0
    for i in range(layout.lineCount()):
        line = layout.lineAt(i)
        top = origin.y() + line.y()
        if top > area.bottom() or top + line.height() < area.top():
            continue
        first = units.to_code_point(line.textStart())
        stop = units.to_code_point(line.textStart() + line.textLength())
        tags: list[QRectF] = []  # names already drawn on this line
        for match in INVISIBLE.finditer(text, first, stop):
            position = units.to_utf16(match.start())
            _mark(painter, metrics, line, position, match.group(), origin.x(), top, tags)
            marked += 1
    return marked


def _mark(painter: QPainter, metrics: QFontMetricsF, line: QTextLine, position: int, char: str,
          left: float, top: float, tags: list[QRectF]) -> None:
    """One mark: ``char`` at layout ``position`` on ``line``, whose top is at viewport ``top``;
    its name moves aside from any of ``tags`` it would overlap (neighbours: RLI then PDI)."""
    x1 = left + line.cursorToX(position)[0]
    x2 = left + line.cursorToX(position + 1)[0]
    lo, hi = min(x1, x2), max(x1, x2)
    height = line.height()
    tag = NAMES[char]
    pen = QPen(MARK_COLOR)
    pen.setWidthF(1.0)
    painter.setPen(pen)
    shade = QColor(MARK_COLOR)
    shade.setAlpha(_SHADE_ALPHA)
    if char in ZERO_WIDTH:
        x = x1
        painter.drawLine(QPointF(x, top + height * 0.2), QPointF(x, top + height * 0.95))
    else:
        box = QRectF(lo, top + height * 0.25, max(hi - lo, 2.0), height * 0.65)
        painter.fillRect(box, shade)
        if char in SPACES:  # a bracket open at the top, as editors draw a space
            y = box.bottom() - 2
            painter.drawPolyline([QPointF(box.left() + 1, y - 3), QPointF(box.left() + 1, y),
                                  QPointF(box.right() - 1, y), QPointF(box.right() - 1, y - 3)])
        x = (lo + hi) / 2
        if char == TATWEEL:
            return  # the stroke itself shows; a name over every kashida would hide the text
    width = metrics.horizontalAdvance(tag) + 2
    rect = QRectF(x - width / 2, top, width, metrics.height())
    for other in tags:  # in the order drawn, so each name moves away from its neighbour
        if rect.intersects(other):
            if rect.center().x() >= other.center().x():
                rect.moveLeft(other.right() + 1)
            else:
                rect.moveRight(other.left() - 1)
    tags.append(rect)
    painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, tag)
