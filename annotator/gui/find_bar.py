"""The find bar under the text: Ctrl+F finds a word in the open document, Arabic-normalised.

Matching is ``core.arabic``'s: harakat, tatweel, alef forms, ى/ي and ة/ه do not matter, and a
whole word may carry proclitics, so «احد» finds «أحد», «الأحد» and «وأحد». The text is folded
once per document and each change of the query searches the folded text again (a few
milliseconds on a 1 MB document: ``benchmarks/bench_find.py``).

Every match is marked in place by a group of ExtraSelections in the view; Qt's cost grows with
their number, so at most ``MAX_MARKS`` around the current match are drawn (the count still
says how many there are). The current match is selected in the text, so Esc and then a label
key labels it.
"""

from __future__ import annotations

from bisect import bisect_left

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QColor, QKeyEvent, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from annotator.core.arabic import FoldedText
from annotator.gui.document_view import DocumentView
from annotator.gui.fonts import arabic_font
from annotator.i18n import tr

MAX_MARKS = 400
MARK_GROUP = "find"
MATCH_COLOR = "#fde68a"
CURRENT_COLOR = "#f59e0b"
MAX_SEEDED_QUERY = 60  # a longer selection does not become the query when the bar opens
_RETURN_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter)


def _mark_format(color: str) -> QTextCharFormat:
    fmt = QTextCharFormat()
    fmt.setBackground(QColor(color))
    fmt.setForeground(QColor("black"))
    return fmt


class FindBar(QWidget):
    """A query box with the match count, previous/next and two options, under ``view``.

    ``area`` is the view with the bar under it (hidden until ``open``): the window's central
    widget.
    """

    def __init__(self, view: DocumentView, parent: QWidget | None = None) -> None:
        self.area = QWidget(parent)
        self.area.setObjectName("textArea")
        super().__init__(self.area)
        self.setObjectName("findBar")
        self.view = view
        self._folded: FoldedText | None = None
        self._matches: list[tuple[int, int]] = []
        self._starts: list[int] = []
        self._current = -1
        self._anchor = 0  # the first match at or after this is current when the query changes
        self._match_format = _mark_format(MATCH_COLOR)
        self._current_format = _mark_format(CURRENT_COLOR)

        self.query = QLineEdit(self)
        self.query.setObjectName("findQuery")
        self.query.setPlaceholderText(tr("find", "Find in the document: أحد = احد = الأحد …"))
        self.query.setClearButtonEnabled(True)
        self.query.setFont(arabic_font(max(self.font().pointSizeF(), 9.0) + 1))
        self.count = QLabel(self)
        self.count.setObjectName("findCount")
        self.count.setTextFormat(Qt.TextFormat.PlainText)
        self.count.setMinimumWidth(self.count.fontMetrics().horizontalAdvance(
            tr("find", "{current} of {total}").format(current="0000", total="0000")))
        self.previous_button = self._button(
            "▲", tr("find", "Previous match (Shift+Enter, Shift+F3)"), lambda: self.step(-1))
        self.next_button = self._button("▼", tr("find", "Next match (Enter, F3)"),
                                        lambda: self.step(1))
        self.whole_words = QCheckBox(tr("find", "Whole words"), self)
        self.whole_words.setChecked(True)
        self.whole_words.setToolTip(tr("find", "Only where a word starts and ends (off: inside "
                                       "words too)"))
        self.proclitics = QCheckBox(tr("find", "With proclitics"), self)
        self.proclitics.setChecked(True)
        self.proclitics.setToolTip(tr("find", "A word may start with و ف ب ل ك and ال before "
                                      "the query"))
        close = self._button("✕", tr("find", "Close (Esc)"), self.close_bar)

        row = QHBoxLayout(self)
        row.setContentsMargins(6, 3, 6, 3)
        row.addWidget(self.query, 1)
        row.addWidget(self.count)
        for widget in (self.previous_button, self.next_button, self.whole_words,
                       self.proclitics, close):
            row.addWidget(widget)
        outer = QVBoxLayout(self.area)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(0)
        outer.addWidget(view, 1)
        outer.addWidget(self)
        self.hide()

        for widget in self.findChildren(QWidget):  # Esc closes wherever the focus is in it
            widget.installEventFilter(self)
        view.installEventFilter(self)  # and in the text, while the bar is open
        self.query.textChanged.connect(self._on_query_text_changed)
        self.whole_words.toggled.connect(self._on_option_toggled)
        self.proclitics.toggled.connect(self._on_option_toggled)
        view.textChanged.connect(self._on_view_text_changed)

    def _button(self, text: str, tip: str, slot: object) -> QToolButton:
        button = QToolButton(self)
        button.setText(text)
        button.setToolTip(tip)
        button.setAutoRaise(True)
        button.clicked.connect(slot)
        return button

    # -- what the keys do ----------------------------------------------------------------------
    def open(self) -> None:
        """Show the bar with its query selected, ready to type; a short one-line selection in
        the text becomes the query (find the other mentions of a word)."""
        selected = self.view.selected_range()
        self._anchor = selected[0] if selected else self.view.caret_position()
        if selected:
            words = self.view.text[selected[0]:selected[1]]
            if 0 < len(words.strip()) <= MAX_SEEDED_QUERY and "\n" not in words:
                self.query.setText(words.strip())
        self.show()
        self.query.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.query.selectAll()
        self._search()

    def close_bar(self) -> None:
        """Hide the bar and its marks; the text gets the focus back (the match stays selected)."""
        self.hide()
        self.view.set_range_marks(MARK_GROUP, [])
        self.view.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def step(self, direction: int) -> None:
        """Select the next (``direction`` 1) or previous (-1) match, wrapping around; from the
        caret if the coder moved away from the current match."""
        if not self.isVisible():
            if not self.query.text().strip():
                self.open()
                return
            self.show()
            self._search()
            return
        if not self._matches:
            return
        selected = self.view.selected_range()
        if 0 <= self._current < len(self._matches) and selected == self._matches[self._current]:
            self._current = (self._current + direction) % len(self._matches)
        else:  # the first match after the selection or caret, or the last one before it
            caret = self.view.caret_position()
            edge = caret if selected is None else selected[1] if direction > 0 else selected[0]
            at = bisect_left(self._starts, edge)
            self._current = (at if direction > 0 else at - 1) % len(self._matches)
        self._anchor = self._matches[self._current][0]
        self._show_current()

    # -- state, for the window and tests ----------------------------------------------------------
    def matches(self) -> list[tuple[int, int]]:
        """Every match of the query, as code-point ranges of the text."""
        return list(self._matches)

    def current_index(self) -> int:
        """The index of the selected match in ``matches``; -1 when there is none."""
        return self._current

    # -- searching ---------------------------------------------------------------------------------
    def _search(self) -> None:
        text = self.view.text
        if self._folded is None or self._folded.text is not text:
            self._folded = FoldedText(text)
        query = self.query.text()
        whole = self.whole_words.isChecked()
        self.proclitics.setEnabled(whole)  # proclitics only matter where a word starts
        self._matches = self._folded.find(query, proclitics=self.proclitics.isChecked(),
                                          whole_word=whole) if query.strip() else []
        self._starts = [start for start, _ in self._matches]
        at = bisect_left(self._starts, self._anchor)
        self._current = (at % len(self._matches)) if self._matches else -1
        self._show_current()

    def _show_current(self) -> None:
        matches, current = self._matches, self._current
        if not matches:
            self.count.setText(tr("find", "No match") if self.query.text().strip() else "")
            self.view.set_range_marks(MARK_GROUP, [])
            return
        self.count.setText(tr("find", "{current} of {total}").format(current=current + 1,
                                                                   total=len(matches)))
        first = max(0, min(current - MAX_MARKS // 2, len(matches) - MAX_MARKS))
        shown = range(first, min(len(matches), first + MAX_MARKS))
        self.view.set_range_marks(MARK_GROUP, [
            (*matches[i], self._current_format if i == current else self._match_format)
            for i in shown])
        start, end = matches[current]
        cursor = QTextCursor(self.view.document())
        cursor.setPosition(self.view.position_map.to_qt(start))
        hidden = not self.view.viewport().rect().contains(self.view.cursorRect(cursor))
        self.view.select_range(start, end)
        if hidden:  # a match off screen comes to the middle, with the lines around it
            self.view.centerCursor()

    # -- handlers ----------------------------------------------------------------------------------
    def _on_query_text_changed(self, _text: str) -> None:
        self._search()

    def _on_option_toggled(self, _checked: bool) -> None:
        self._search()

    def _on_view_text_changed(self) -> None:
        """Another document is shown: search it from its start if the bar is open."""
        self._folded = None
        self._anchor = 0
        if self.isVisible():
            self._search()
        else:
            self._matches, self._starts, self._current = [], [], -1

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Esc closes (before the window's Esc shortcut sees it), in the bar or in the text while
        the bar is open; Enter and Shift+Enter step in the query."""
        if not isinstance(event, QKeyEvent) or (watched is self.view and not self.isVisible()):
            return False
        key, mods = event.key(), event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        if event.type() == QEvent.Type.ShortcutOverride and key == Qt.Key.Key_Escape:
            event.accept()
            return True
        if event.type() != QEvent.Type.KeyPress:
            return False
        if key == Qt.Key.Key_Escape:
            self.close_bar()
            return True
        if watched is self.query and key in _RETURN_KEYS:
            self.step(-1 if mods & Qt.KeyboardModifier.ShiftModifier else 1)
            return True
        return False
