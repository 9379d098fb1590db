"""Who marked what, at a glance: one coloured lane per coder under the lines of the text.

Adjudication shows the gold set as the text's highlights and each coder's spans as a thin bar
in that coder's colour and lane (A nearest the text, then B, C), so two coders who marked the
same words show two bars, a boundary difference shows bars of different lengths, and the
Arabic itself is drawn once, untouched (its letters stay joined). The lanes are a transparent
overlay on the text view's viewport; the lines get a little more room below them while lanes
are shown.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence

from PySide6.QtCore import QEvent, QObject, QRect, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent, QTextBlockFormat, QTextCursor
from PySide6.QtWidgets import QWidget

from annotator.gui.document_view import DocumentView

# Colours of coders A, B, C, D: distinct from each other and readable as thin bars (Okabe-Ito).
LANE_COLORS = ("#0072b2", "#e69f00", "#009e73", "#cc79a7")
LANE_HEIGHT = 3
LANE_GAP = 2
LINE_ROOM_PERCENT = 135  # line height while lanes are shown


def lane_color(index: int) -> str:
    return LANE_COLORS[index % len(LANE_COLORS)]


class CoderLanes(QWidget):
    """The lanes over one ``DocumentView``; ``set_lanes([[(start, end), ...] per coder])``."""

    def __init__(self, view: DocumentView) -> None:
        super().__init__(view.viewport())
        self.setObjectName("coderLanes")
        self.view = view
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.setAttribute(Qt.WidgetAttribute.WA_NoSystemBackground)
        self._lanes: list[list[tuple[int, int]]] = []  # per coder: Qt ranges, sorted
        self._starts: list[list[int]] = []
        self._roomy = False
        view.viewport().installEventFilter(self)
        view.updateRequest.connect(self._on_view_update_request)
        self.setGeometry(view.viewport().rect())
        self.hide()

    def set_lanes(self, lanes: Sequence[Sequence[tuple[int, int]]]) -> None:
        """Each coder's spans in code points (empty: no lanes)."""
        pmap = self.view.position_map
        self._lanes = [sorted(pmap.to_qt_range(a, b) for a, b in lane) for lane in lanes]
        self._starts = [[a for a, _ in lane] for lane in self._lanes]
        self._set_roomy(bool(lanes))
        self.setVisible(bool(lanes))
        self.setGeometry(self.view.viewport().rect())
        self.update()

    def lanes(self) -> list[list[tuple[int, int]]]:
        return [list(lane) for lane in self._lanes]

    def _set_roomy(self, roomy: bool) -> None:
        """More room under each line for the bars (restored when the lanes go)."""
        if roomy == self._roomy:
            return
        self._roomy = roomy
        fmt = QTextBlockFormat()
        fmt.setLineHeight(LINE_ROOM_PERCENT if roomy else 100,
                          QTextBlockFormat.LineHeightTypes.ProportionalHeight.value)
        cursor = QTextCursor(self.view.document())
        cursor.select(QTextCursor.SelectionType.Document)
        cursor.mergeBlockFormat(fmt)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize:
            self.setGeometry(self.view.viewport().rect())
        return False

    def _on_view_update_request(self, _rect: QRect, _dy: int) -> None:
        if self._lanes:
            self.update()

    def paintEvent(self, event: QPaintEvent) -> None:
        if not self._lanes:
            return
        view = self.view
        painter = QPainter(self)
        offset = view.contentOffset()
        bottom = event.rect().bottom()
        block = view.firstVisibleBlock()
        while block.isValid():
            geometry = view.blockBoundingGeometry(block).translated(offset)
            if geometry.top() > bottom:
                break
            if block.isVisible():
                self._paint_block(painter, block, geometry.top())
            block = block.next()
        painter.end()

    def _paint_block(self, painter: QPainter, block: object, top: float) -> None:
        layout = block.layout()  # type: ignore[attr-defined]
        start = block.position()  # type: ignore[attr-defined]
        end = start + block.length() - 1  # type: ignore[attr-defined]
        for index, lane in enumerate(self._lanes):
            color = QColor(lane_color(index))
            first = max(0, bisect_right(self._starts[index], end) - 1)
            # Ranges are sorted by start; walk back over those that may still reach here.
            candidates = [r for r in lane[:first + 1] if r[1] > start and r[0] < end]
            for qs, qe in candidates:
                a, b = max(qs, start) - start, min(qe, end) - start
                for i in range(layout.lineCount()):
                    line = layout.lineAt(i)
                    ls, le = line.textStart(), line.textStart() + line.textLength()
                    s, e = max(a, ls), min(b, le)
                    if s >= e:
                        continue
                    x1 = line.cursorToX(s)[0] if isinstance(line.cursorToX(s), tuple) \
                        else line.cursorToX(s)
                    x2 = line.cursorToX(e)[0] if isinstance(line.cursorToX(e), tuple) \
                        else line.cursorToX(e)
                    y = top + line.y() + line.height() - (len(self._lanes) - index) * (
                        LANE_HEIGHT + LANE_GAP)
                    left, right = sorted((x1, x2))
                    painter.fillRect(QRectF(left, y, max(right - left, 2.0), LANE_HEIGHT),
                                     color)
