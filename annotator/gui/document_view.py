"""The annotation window's text view: the stored text, read-only, with span highlights.

What it shows is the logical text exactly as stored (Qt shapes Arabic and orders bidi text
itself; never feed it reshaped or ``get_display`` output). Offsets in and out of this API are
code points of that text; :mod:`annotator.core.offsets` converts to Qt's UTF-16 positions.

Highlights (``set_spans``) are drawn by a ``QSyntaxHighlighter`` over a per-paragraph index, so
adding, changing or removing one span re-highlights only the paragraphs it touches; 10,000 spans
on a 1 MB document stay fast (see ``benchmarks/bench_highlight.py``). How spans look (colours,
overlaps, the emphasis ``set_emphasis`` gives the current event's spans and the selected one
with a handful of ExtraSelections) is :mod:`annotator.gui.highlighter`'s.

Colouring part of a word keeps Arabic letters joined (checked by a screenshot test).

Line spacing is the font's own: QPlainTextEdit ignores QTextBlockFormat line height and margins
(measured), and Noto Naskh Arabic's line box (1.73 em) already keeps fully vowelled lines apart
(a test checks that the ink of adjacent lines never touches at the default size).
"""

from __future__ import annotations

import html
import itertools
from bisect import bisect_right
from collections.abc import Callable, Iterable

from PySide6.QtCore import QEvent, QMimeData, QPoint, QPointF, Qt, Signal
from PySide6.QtGui import (
    QHelpEvent,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QTextBlock,
    QTextCharFormat,
    QTextCursor,
    QTextLine,
)
from PySide6.QtWidgets import QApplication, QPlainTextEdit, QTextEdit, QToolTip, QWidget

from annotator.core.offsets import PositionMap
from annotator.core.selection import snap_to_grapheme
from annotator.gui import invisibles
from annotator.gui.fonts import arabic_font
from annotator.gui.highlighter import (
    SpanEntry,
    SpanHighlighter,
    SpanMark,
    emphasis_format,
    inner_order,
)
from annotator.gui.line_moves import LineMover
from annotator.gui.selection_snap import SelectionSnapper
from annotator.gui.text_direction import AUTO, apply_text_direction, layout_for

DEFAULT_POINT_SIZE = 14.0
ZOOM_STEP = 1.1
ZOOM_MIN, ZOOM_MAX = -8, 14
TOOLTIP_TEXT_LIMIT = 300


class DocumentView(QPlainTextEdit):
    """Read-only view of one document with a visible, keyboard-movable caret and span highlights.

    Signals carry code points: ``selectionRangeChanged(start, end)`` whenever the selection
    changes (``start == end`` when it collapses; the range is widened to whole grapheme
    clusters), ``spanClicked(span_id)`` when a click without drag lands on a highlight (repeated
    clicks on the same place cycle through nested spans, innermost first).
    """

    spanClicked = Signal(str)
    selectionRangeChanged = Signal(int, int)
    zoomChanged = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("documentView")
        self.setReadOnly(True)
        self.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse
            | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        self.setAcceptDrops(False)
        self.setCursorWidth(2)
        self.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        self.setCenterOnScroll(False)
        doc = self.document()
        doc.setUndoRedoEnabled(False)
        self._text = ""
        self.position_map = PositionMap("")
        self._block_starts: list[int] = [0]
        self._spans: dict[str, SpanEntry] = {}
        # Read by the highlighter at each paint, so it is cleared, never replaced.
        self._spans_by_block: dict[int, list[SpanEntry]] = {}
        self._emphasis: tuple[frozenset[str], str | None] = (frozenset(), None)
        self._extra_groups: dict[str, list[QTextEdit.ExtraSelection]] = {}
        self._last_range: tuple[int, int] | None = None
        self._press_pos: QPoint | None = None
        self._last_click: tuple[int, int] | None = None  # (char position, index in cycle)
        self.tooltip_provider: Callable[[str], str] | None = None
        self._base_point_size = DEFAULT_POINT_SIZE
        self._zoom = 0
        self.setFont(arabic_font(self._base_point_size))
        self._highlighter = SpanHighlighter(self, self._spans_by_block)
        self.selectionChanged.connect(self._on_view_selection_changed)
        self._line_mover = LineMover(self)
        # What a label key would save; the window sets ``snapper.snap`` (CodingState.snap).
        self.snapper = SelectionSnapper(self, lambda: self.position_map, self.selected_range)
        self._direction_mode = AUTO
        self._show_invisibles = False
        apply_text_direction(self, Qt.LayoutDirection.RightToLeft)

    # -- document ------------------------------------------------------------------------------
    @property
    def text(self) -> str:
        """The stored text this view shows (the only source of truth for offsets)."""
        return self._text

    def set_document(self, text: str, direction_mode: str = AUTO) -> None:
        """Show ``text`` as stored, laid out in ``direction_mode`` (``text_direction``);
        clears spans, emphasis and the selection."""
        self._spans.clear()
        self._spans_by_block.clear()
        self._emphasis = (frozenset(), None)
        self._extra_groups.clear()
        self.setExtraSelections([])
        self._highlighter.clear_cache()
        self._text = text
        self.position_map = PositionMap(text)
        self._last_range = None
        self._last_click = None
        self._direction_mode = direction_mode
        # Options first: changing them after setPlainText would lay the whole text out again.
        apply_text_direction(self, *layout_for(direction_mode, text))
        self.setPlainText(text)
        self._block_starts = self._compute_block_starts()

    @property
    def direction_mode(self) -> str:
        return self._direction_mode

    def set_direction_mode(self, mode: str) -> None:
        """Lay the shown text out in ``mode``: auto (by its first strong letter), right-to-left
        or left-to-right; the text and every offset stay as they are."""
        if mode == self._direction_mode:
            return
        self._direction_mode = mode
        apply_text_direction(self, *layout_for(mode, self._text))
        self.ensureCursorVisible()

    @property
    def show_invisibles(self) -> bool:
        return self._show_invisibles

    def set_show_invisibles(self, on: bool) -> None:
        """Mark bidi marks, joiners, special spaces and tatweel (``invisibles``), painted over
        the text; the text and every offset stay as they are."""
        self._show_invisibles = bool(on)
        self.viewport().update()

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        if self._show_invisibles:
            painter = QPainter(self.viewport())
            invisibles.paint_marks(self, painter, event.rect())
            painter.end()

    def _compute_block_starts(self) -> list[int]:
        starts = []
        block = self.document().begin()
        while block.isValid():
            starts.append(block.position())
            block = block.next()
        return starts

    # -- spans ---------------------------------------------------------------------------------
    def _block_of(self, qt_pos: int) -> int:
        return max(0, bisect_right(self._block_starts, qt_pos) - 1)

    def _make_entry(self, mark: SpanMark) -> SpanEntry:
        n = len(self._text)
        start = max(0, min(mark.start, n))
        end = max(start, min(mark.end, n))
        pm = self.position_map
        qs, qe = (start, end) if pm.is_identity else (pm.to_qt(start), pm.to_qt(end))
        first = bisect_right(self._block_starts, qs) - 1
        last = bisect_right(self._block_starts, qe - 1) - 1 if qe > qs else first
        return SpanEntry(mark, qs, qe, max(first, 0), max(last, 0))

    def _index(self, entry: SpanEntry) -> None:
        if entry.qt_start == entry.qt_end:
            return
        for b in range(entry.first_block, entry.last_block + 1):
            self._spans_by_block.setdefault(b, []).append(entry)

    def _unindex(self, entry: SpanEntry) -> None:
        for b in range(entry.first_block, entry.last_block + 1):
            entries = self._spans_by_block.get(b)
            if entries is not None:
                entries[:] = [e for e in entries if e is not entry]
                if not entries:
                    del self._spans_by_block[b]

    def set_spans(self, spans: Iterable[SpanMark]) -> None:
        """Replace every highlight (one full re-highlight pass)."""
        self._spans.clear()
        self._spans_by_block.clear()
        self._highlighter.clear_cache()
        for mark in spans:
            entry = self._make_entry(mark)
            old = self._spans.get(mark.id)
            if old is not None:
                self._unindex(old)
            self._spans[mark.id] = entry
            self._index(entry)
        self._highlighter.rehighlight()
        self._refresh_emphasis()

    def spans(self) -> list[SpanMark]:
        return [e.mark for e in self._spans.values()]

    def update_span(self, mark: SpanMark) -> None:
        """Add or change one span; re-highlights only the paragraphs it covered and covers."""
        blocks: set[int] = set()
        old = self._spans.pop(mark.id, None)
        if old is not None:
            self._unindex(old)
            blocks.update(range(old.first_block, old.last_block + 1))
        entry = self._make_entry(mark)
        self._spans[mark.id] = entry
        self._index(entry)
        blocks.update(range(entry.first_block, entry.last_block + 1))
        self._highlighter.clear_cache()  # a colour may have changed under an old key
        self._rehighlight_blocks(blocks)
        if mark.id in self._emphasis[0] or mark.id == self._emphasis[1]:
            self._refresh_emphasis()

    def remove_span(self, span_id: str) -> None:
        old = self._spans.pop(span_id, None)
        if old is None:
            return
        self._unindex(old)
        self._highlighter.clear_cache()
        self._rehighlight_blocks(range(old.first_block, old.last_block + 1))
        if span_id in self._emphasis[0] or span_id == self._emphasis[1]:
            self._refresh_emphasis()

    def _rehighlight_blocks(self, numbers: Iterable[int]) -> None:
        doc = self.document()
        for n in sorted(set(numbers)):
            block = doc.findBlockByNumber(n)
            if block.isValid():
                self._highlighter.rehighlightBlock(block)

    def span_at(self, code_point: int) -> list[str]:
        """Ids of the spans covering ``code_point``, innermost (shortest) first."""
        if not 0 <= code_point < len(self._text):
            return []
        block = self._block_of(self.position_map.to_qt(code_point))
        hits = [e for e in self._spans_by_block.get(block, ())
                if e.mark.start <= code_point < e.mark.end]
        hits.sort(key=inner_order)
        return [e.mark.id for e in hits]

    # -- emphasis (ExtraSelections: a handful of transient marks) ------------------------------
    def set_emphasis(self, span_ids: Iterable[str], selected_id: str | None = None) -> None:
        """Make the current event's spans and the selected span stand out."""
        self._emphasis = (frozenset(span_ids), selected_id)
        self._refresh_emphasis()

    def _refresh_emphasis(self) -> None:
        event_ids, selected = self._emphasis
        marks: list[QTextEdit.ExtraSelection] = []
        ordered = sorted(i for i in event_ids if i != selected and i in self._spans)
        if selected in self._spans:
            ordered.append(selected)  # last, so it is drawn over the event's spans
        for span_id in ordered:
            marks.extend(self._emphasis_marks(self._spans[span_id], span_id == selected))
        self._set_extra_group("emphasis", marks)

    def _emphasis_marks(self, entry: SpanEntry, selected: bool) -> list[QTextEdit.ExtraSelection]:
        """One ExtraSelection per piece of ``entry`` with the same covering spans.

        Spans nested in an emphasised one keep their own tint and underline colour, so the
        nesting stays visible while the outer span stands out.
        """
        if entry.qt_start == entry.qt_end:
            return []
        others = {id(e): e for b in range(entry.first_block, entry.last_block + 1)
                  for e in self._spans_by_block.get(b, ())}
        overlapping = [e for e in others.values()
                       if e.qt_start < entry.qt_end and e.qt_end > entry.qt_start]
        edges = {entry.qt_start, entry.qt_end}
        for o in overlapping:
            edges.update(p for p in (o.qt_start, o.qt_end) if entry.qt_start < p < entry.qt_end)
        paper = self.viewport().palette().base().color()
        text = self.palette().text().color()
        marks = []
        for a, b in itertools.pairwise(sorted(edges)):
            covering = [o for o in overlapping if o.qt_start <= a and o.qt_end >= b] or [entry]
            sel = QTextEdit.ExtraSelection()
            cursor = QTextCursor(self.document())
            cursor.setPosition(a)
            cursor.setPosition(b, QTextCursor.MoveMode.KeepAnchor)
            sel.cursor = cursor
            sel.format = emphasis_format(covering, selected, paper, text)
            marks.append(sel)
        return marks

    def set_range_marks(self, group: str,
                        marks: Iterable[tuple[int, int, QTextCharFormat]]) -> None:
        """Draw ``marks`` (code-point ranges, each with its format) as the ExtraSelections group
        ``group``, over the span highlights and the emphasis; no marks clears the group. For a
        handful of transient marks (the find bar's matches), never for spans."""
        pm = self.position_map
        selections = []
        for start, end, fmt in marks:
            cursor = QTextCursor(self.document())
            cursor.setPosition(pm.to_qt(start))
            cursor.setPosition(pm.to_qt(end), QTextCursor.MoveMode.KeepAnchor)
            selection = QTextEdit.ExtraSelection()
            selection.cursor = cursor
            selection.format = fmt
            selections.append(selection)
        self._extra_groups.setdefault("emphasis", [])  # drawn first: these marks go over it
        self._extra_groups.pop(group, None)
        self._set_extra_group(group, selections)

    def _set_extra_group(self, name: str, selections: list[QTextEdit.ExtraSelection]) -> None:
        self._extra_groups[name] = selections
        self.setExtraSelections([s for group in self._extra_groups.values() for s in group])

    # -- selection and scrolling ---------------------------------------------------------------
    def selected_range(self) -> tuple[int, int] | None:
        """The selection in code points, widened to whole grapheme clusters; None if empty."""
        cursor = self.textCursor()
        if not cursor.hasSelection():
            return None
        return self._code_point_range(cursor.selectionStart(), cursor.selectionEnd())

    def _code_point_range(self, qt_start: int, qt_end: int) -> tuple[int, int]:
        start, end = self.position_map.to_code_point_range(qt_start, qt_end)
        return snap_to_grapheme(self._text, start, end)

    def caret_position(self) -> int:
        return self.position_map.to_code_point(self.textCursor().position())

    def select_range(self, start: int, end: int) -> None:
        """Select ``[start, end)`` (code points) and bring it into view."""
        cursor = QTextCursor(self.document())
        cursor.setPosition(self.position_map.to_qt(start))
        cursor.setPosition(self.position_map.to_qt(end), QTextCursor.MoveMode.KeepAnchor)
        self.setTextCursor(cursor)
        self.ensureCursorVisible()

    def scroll_to(self, start: int) -> None:
        """Scroll so that code point ``start`` is visible, without touching the selection."""
        saved = self.textCursor()
        cursor = QTextCursor(self.document())
        cursor.setPosition(self.position_map.to_qt(start))
        bar = self.verticalScrollBar()
        hbar = self.horizontalScrollBar()
        blocker = self.blockSignals(True)
        try:
            self.setTextCursor(cursor)
            self.ensureCursorVisible()
            value, hvalue = bar.value(), hbar.value()
            self.setTextCursor(saved)
        finally:
            self.blockSignals(blocker)
        bar.setValue(value)
        hbar.setValue(hvalue)

    def _on_view_selection_changed(self) -> None:
        cursor = self.textCursor()
        if cursor.hasSelection():
            rng = self._code_point_range(cursor.selectionStart(), cursor.selectionEnd())
        else:
            caret = self.position_map.to_code_point(cursor.position())
            rng = (caret, caret)
        if rng != self._last_range:
            self._last_range = rng
            self.selectionRangeChanged.emit(*rng)

    def createMimeDataFromSelection(self) -> QMimeData:
        # This QMimeData has a Python wrapper; the clipboard keeps it until told otherwise.
        # Call release_clipboard() before the interpreter exits (see its docstring).
        """Copy the stored characters (Qt's own copy turns NBSP into spaces)."""
        rng = self.selected_range()
        data = QMimeData()
        if rng is not None:
            data.setText(self._text[rng[0]:rng[1]])
        return data

    # -- hit testing, clicks and tooltips -----------------------------------------------------
    def char_at_point(self, pos: QPoint | QPointF) -> int | None:
        """Code point drawn under viewport point ``pos``; None over empty space.

        ``QTextLine.xToCursor(..., CursorOnCharacter)`` is one character off next to bidi run
        boundaries (measured: the mirrored ">" after a Latin run in an RTL line), so the glyph
        boxes of the characters around the hit-tested position decide.
        """
        point = QPointF(pos)
        cursor = self.cursorForPosition(point.toPoint())
        block = cursor.block()
        if not block.isValid() or block.length() <= 1:
            return None
        geometry = self.blockBoundingGeometry(block).translated(self.contentOffset())
        if not geometry.contains(point):
            return None
        layout = block.layout()
        local = point - geometry.topLeft() - layout.position()
        for i in range(layout.lineCount()):
            line = layout.lineAt(i)
            if not line.y() <= local.y() < line.y() + line.height():
                continue
            rect = line.naturalTextRect()
            if not rect.left() <= local.x() < rect.right():
                return None
            rel = self._char_in_line(block, line, local.x())
            return None if rel is None else self.position_map.to_code_point(block.position() + rel)
        return None

    def _char_in_line(self, block: QTextBlock, line: QTextLine, x: float) -> int | None:
        """Block-relative position of the character whose glyphs cover ``x`` on ``line``."""
        first, stop = line.textStart(), line.textStart() + line.textLength()
        between = line.xToCursor(x, QTextLine.CursorPosition.CursorBetweenCharacters)
        near = sorted(range(max(first, between - 8), min(stop, between + 8)),
                      key=lambda c: abs(c - between))
        doc = self.document()
        for candidates in (near, range(first, stop)):
            for c in candidates:
                width = 2 if 0xD800 <= ord(doc.characterAt(block.position() + c)) < 0xDC00 else 1
                for run in line.glyphRuns(c, width):
                    box = run.boundingRect()
                    if box.left() <= x < box.right():
                        return c
        fallback = line.xToCursor(x, QTextLine.CursorPosition.CursorOnCharacter)
        return min(max(fallback, first), stop - 1) if stop > first else None

    def spans_at_point(self, pos: QPoint | QPointF) -> list[str]:
        cp = self.char_at_point(pos)
        return [] if cp is None else self.span_at(cp)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        # Shift+arrows show the selection snapped (annotator.gui.selection_snap).
        if not self.snapper.key(event, self._move_for_key):
            self._move_for_key(event)

    def _move_for_key(self, event: QKeyEvent) -> None:
        # Up, Down and the page keys move by visual lines here: Qt's own move sticks in
        # wrapped right-to-left paragraphs (see annotator.gui.line_moves).
        if not self._line_mover.handle(event):
            super().keyPressEvent(event)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        self._press_pos = event.position().toPoint()
        super().mousePressEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        super().mouseReleaseEvent(event)
        if event.button() == Qt.MouseButton.LeftButton:
            self.snapper.settle()  # a drag shows what a label key would save
        press, self._press_pos = self._press_pos, None
        if press is None or event.button() != Qt.MouseButton.LeftButton:
            return
        release = event.position().toPoint()
        if (release - press).manhattanLength() >= QApplication.startDragDistance():
            return
        if self.textCursor().hasSelection():
            return
        cp = self.char_at_point(release)
        ids = [] if cp is None else self.span_at(cp)
        if cp is None or not ids:
            self._last_click = None
            return
        index = 0
        if self._last_click is not None and self._last_click[0] == cp:
            index = (self._last_click[1] + 1) % len(ids)
        self._last_click = (cp, index)
        self.spanClicked.emit(ids[index])

    def viewportEvent(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            tip = self.tooltip_html_at(event.pos())
            if tip:
                QToolTip.showText(event.globalPos(), tip, self.viewport())
            else:
                QToolTip.hideText()
                event.ignore()
            return True
        return super().viewportEvent(event)

    def tooltip_html_at(self, pos: QPoint | QPointF) -> str:
        return self.tooltip_html(self.spans_at_point(pos))

    def tooltip_html(self, span_ids: list[str]) -> str:
        """Rich text for a tooltip over ``span_ids``; every piece of data escaped.

        Labels, span text and the provider's line are data, never markup: a document holding
        ``<img src=x onerror=...>`` shows those characters. Each piece is its own paragraph, so
        each gets its own (auto-detected) direction.
        """
        parts: list[str] = []
        for span_id in span_ids:
            entry = self._spans.get(span_id)
            if entry is None:
                continue
            mark = entry.mark
            covered = self._text[mark.start:mark.end]
            if len(covered) > TOOLTIP_TEXT_LIMIT:
                covered = covered[:TOOLTIP_TEXT_LIMIT] + "…"
            lines = [f"<b>{_plain(mark.label or mark.id)}</b>", _plain(covered)]
            if self.tooltip_provider is not None:
                extra = self.tooltip_provider(span_id)
                if extra:
                    lines.append(_plain(extra))
            parts.append("".join(f"<p style='white-space:pre-wrap'>{line}</p>" for line in lines))
        return "<hr/>".join(parts)

    # -- zoom ---------------------------------------------------------------------------------
    @property
    def zoom_level(self) -> int:
        return self._zoom

    def point_size(self) -> float:
        return self.font().pointSizeF()

    def set_zoom(self, level: int) -> None:
        level = max(ZOOM_MIN, min(ZOOM_MAX, level))
        if level == self._zoom:
            return
        self._zoom = level
        self.setFont(arabic_font(round(self._base_point_size * ZOOM_STEP ** level, 1)))
        self.zoomChanged.emit(level)

    def zoom_in(self) -> None:
        self.set_zoom(self._zoom + 1)

    def zoom_out(self) -> None:
        self.set_zoom(self._zoom - 1)

    def zoom_reset(self) -> None:
        self.set_zoom(0)


def _plain(value: str) -> str:
    """Escape data for a rich-text tooltip, keeping its line breaks and spaces."""
    return html.escape(value, quote=True).replace("\u2029", "\n").replace("\u2028", "\n")


def release_clipboard() -> None:
    """Hand text we put on the clipboard back to Qt before Python shuts down.

    A copy from the view leaves a Python-made ``QMimeData`` in the clipboard. Qt deletes it in
    an exit handler that runs after the interpreter has finalized, and shiboken then touches
    Python state that is gone: a segmentation fault at exit (PySide6 6.11). Setting the same
    text again replaces it with a ``QMimeData`` Qt makes itself; the user's clipboard is kept.
    """
    app = QApplication.instance()
    if app is None:
        return
    clipboard = QApplication.clipboard()
    if clipboard.ownsClipboard() or clipboard.mimeData() is not None:
        text = clipboard.text()
        if text:
            clipboard.setText(text)
        else:
            clipboard.clear()
