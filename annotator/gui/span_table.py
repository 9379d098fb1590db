"""The span table: every span of the document, filterable, sortable, driven by the keyboard.

Keys on a row: Enter jumps to the span in the text, Delete/Backspace removes it, a label's key
(``a`` for Actor, ...) relabels it. The table never edits the session: it emits the edit and
the window applies it.
"""

from __future__ import annotations

from PySide6.QtCore import (
    QEvent,
    QItemSelectionModel,
    QModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QFontMetrics, QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from annotator.core.edits import RelabelSpan, RemoveSpan
from annotator.core.names import label_name
from annotator.core.session import AnnotationSession
from annotator.gui.fonts import arabic_font
from annotator.gui.models import ID_ROLE, plain_tooltip
from annotator.gui.span_model import SpanFilterProxy, SpanTableModel
from annotator.i18n import tr

_ACTIVATE_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter)
_REMOVE_KEYS = (Qt.Key.Key_Delete, Qt.Key.Key_Backspace)


class SpanTableView(QTableView):
    """A table view whose row keys are commands, not type-to-search."""

    keyCommand = Signal(str)  # "activate", "remove" or "label:<id>"

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._label_keys: dict[str, str] = {}

    def set_label_keys(self, keys: dict[str, str]) -> None:
        """Key text (``"a"``) -> span label id, from the codebook."""
        self._label_keys = {k.casefold(): v for k, v in keys.items() if k}

    def _command_for(self, event: QKeyEvent) -> str:
        mods = event.modifiers() & ~(Qt.KeyboardModifier.KeypadModifier)
        if event.key() in _ACTIVATE_KEYS and mods == Qt.KeyboardModifier.NoModifier:
            return "activate"
        if event.key() in _REMOVE_KEYS and mods == Qt.KeyboardModifier.NoModifier:
            return "remove"
        if mods == Qt.KeyboardModifier.NoModifier:  # casefold: Caps Lock sends "A"
            label = self._label_keys.get(event.text().casefold()) if event.text() else None
            if label:
                return f"label:{label}"
        return ""

    def event(self, event: QEvent) -> bool:
        # A window-wide shortcut on the same key (a label key for the text view, Delete for
        # events) must not steal it while the table has focus: claim the keys we handle.
        if event.type() == QEvent.Type.ShortcutOverride and isinstance(event, QKeyEvent) \
                and self._command_for(event) and self.currentIndex().isValid():
            event.accept()
            return True
        return super().event(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        command = self._command_for(event)
        if command and self.currentIndex().isValid():
            event.accept()
            self.keyCommand.emit(command)
            return
        if command:  # no current row: swallow label letters rather than type-to-search
            event.accept()
            return
        super().keyPressEvent(event)


class SpanTable(QWidget):
    """Filter box over a sortable table of the session's spans."""

    editRequested = Signal(object)
    spanActivated = Signal(str)
    currentSpanChanged = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("spanTable")
        self._session: AnnotationSession | None = None
        self._quiet = 0  # > 0 while the current row moves because of us, not the user
        self._kept: str | None = None
        self._current: str | None = None  # last current span id seen

        self.model = SpanTableModel(self)
        self.proxy = SpanFilterProxy(self)
        self.proxy.setSourceModel(self.model)

        self.filter = QLineEdit(self)
        self.filter.setObjectName("spanFilter")
        self.filter.setPlaceholderText(tr("spans", "Filter by label or text…"))
        self.filter.setClearButtonEnabled(True)
        self.count_label = QLabel(self)
        self.count_label.setObjectName("spanCount")
        self.count_label.setTextFormat(Qt.TextFormat.PlainText)

        self.view = SpanTableView(self)
        self.view.setObjectName("spanTableView")
        self.view.setModel(self.proxy)
        self.view.setSortingEnabled(True)
        self.view.sortByColumn(SpanTableModel.START, Qt.SortOrder.AscendingOrder)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setWordWrap(False)
        self.view.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.view.verticalHeader().hide()
        text_font = arabic_font(max(self.font().pointSizeF(), 9.0) + 1)
        self.model.set_text_font(text_font)
        self.view.verticalHeader().setDefaultSectionSize(
            max(QFontMetrics(text_font).height(), self.view.fontMetrics().height()) + 4)
        self.view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        header = self.view.horizontalHeader()
        header.setHighlightSections(False)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(SpanTableModel.TEXT, QHeaderView.ResizeMode.Stretch)
        # Narrow fixed columns leave the span text (what the coder reads) most of a 380-px dock.
        fm = self.view.fontMetrics()
        offset_width = fm.horizontalAdvance("000000") + 10
        header.resizeSection(SpanTableModel.LABEL, fm.horizontalAdvance("Event trigger") + 30)
        header.resizeSection(SpanTableModel.START, offset_width)
        header.resizeSection(SpanTableModel.END, offset_width)
        header.resizeSection(SpanTableModel.USED, fm.horizontalAdvance("e12 Actor 1") + 12)
        header.setMinimumSectionSize(fm.horizontalAdvance("000") + 8)
        self.view.setToolTip(tr("spans", "Enter: show in text · Delete: remove · "
                                "a label's key: relabel"))

        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.setSpacing(4)
        lay.addWidget(self.filter)
        lay.addWidget(self.view, 1)
        lay.addWidget(self.count_label)

        self.filter.textChanged.connect(self._on_filter_text_changed)
        self.view.keyCommand.connect(self._on_view_key_command)
        self.view.doubleClicked.connect(self._on_view_double_clicked)
        self.view.selectionModel().currentRowChanged.connect(self._on_current_row_changed)
        self.proxy.modelAboutToBeReset.connect(self._on_model_about_to_reset)
        self.proxy.modelReset.connect(self._on_model_reset)
        self.proxy.layoutAboutToBeChanged.connect(self._on_model_about_to_reset)
        self.proxy.layoutChanged.connect(self._on_layout_changed)
        self.proxy.rowsRemoved.connect(self._on_rows_removed)
        self.proxy.rowsInserted.connect(self._update_count)
        # The proxy drops a row before the model has removed it: count again after the model.
        self.model.rowsRemoved.connect(self._update_count)
        self._update_count()

    # -- public API ------------------------------------------------------------------------
    def set_session(self, session: AnnotationSession | None) -> None:
        self._session = session
        self._quiet += 1
        try:
            self.model.set_session(session)
        finally:
            self._quiet -= 1
        keys = {lab.key: lab.id for lab in session.codebook.span_labels} if session else {}
        self.view.set_label_keys(keys)
        if session is not None:
            cb = session.codebook
            hints = tr("list", ", ").join(f"{lab.key.upper()} {label_name(cb, lab.id)}"
                                           for lab in cb.span_labels if lab.key)
            self.view.setToolTip(plain_tooltip(tr(
                "spans", "Enter: show in text · Delete: remove · relabel with a key: {keys}")
                .format(keys=hints)))
        self._update_count()

    def select_span(self, span_id: str | None) -> None:
        """Make ``span_id`` the current row (clearing the filter if it hides it); no signal."""
        self._quiet += 1
        try:
            if span_id is None:
                self.view.selectionModel().clearCurrentIndex()
                self.view.clearSelection()
                self._current = None
                return
            index = self._proxy_index(span_id)
            if not index.isValid() and self.model.row_of(span_id) >= 0:
                self.filter.clear()
                index = self._proxy_index(span_id)
            if index.isValid():
                self.view.selectionModel().setCurrentIndex(
                    index, QItemSelectionModel.SelectionFlag.ClearAndSelect
                    | QItemSelectionModel.SelectionFlag.Rows)
                self.view.scrollTo(index, QAbstractItemView.ScrollHint.EnsureVisible)
        finally:
            self._quiet -= 1

    def current_span_id(self) -> str | None:
        index = self.view.currentIndex()
        return index.data(ID_ROLE) if index.isValid() else None

    # -- helpers ---------------------------------------------------------------------------
    def _proxy_index(self, span_id: str) -> QModelIndex:
        row = self.model.row_of(span_id)
        if row < 0:
            return QModelIndex()
        return self.proxy.mapFromSource(self.model.index(row, 0))

    def _update_count(self, *_args: object) -> None:
        total = self.model.rowCount()
        shown = self.proxy.rowCount()
        if shown == total:
            text = tr("spans", "1 span") if total == 1 else tr("spans", "{total} spans")
        else:
            text = tr("spans", "{shown} of 1 span shown") if total == 1 \
                else tr("spans", "{shown} of {total} spans shown")
        self.count_label.setText(text.format(shown=shown, total=total))

    # -- handlers --------------------------------------------------------------------------
    def _on_filter_text_changed(self, text: str) -> None:
        self.proxy.set_filter_text(text)
        self._update_count()

    def _on_view_key_command(self, command: str) -> None:
        span_id = self.current_span_id()
        if span_id is None:
            return
        if command == "activate":
            self.spanActivated.emit(span_id)
        elif command == "remove":
            self.editRequested.emit(RemoveSpan(span_id))
        elif command.startswith("label:"):
            label = command.split(":", 1)[1]
            span = self._session.aset.span(span_id) if self._session else None
            if span is not None and span.label != label:
                self.editRequested.emit(RelabelSpan(span_id, label))

    def _on_view_double_clicked(self, index: QModelIndex) -> None:
        span_id = index.data(ID_ROLE)
        if span_id:
            self.spanActivated.emit(span_id)

    def _on_current_row_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        span_id = current.data(ID_ROLE) if current.isValid() else None
        if span_id == self._current or span_id is None:
            return
        self._current = span_id
        if not self._quiet:
            self.currentSpanChanged.emit(span_id)

    def _on_model_about_to_reset(self, *_args: object) -> None:
        self._kept = self.current_span_id()
        self._quiet += 1

    def _on_model_reset(self) -> None:
        self._restore()
        self._update_count()

    def _on_layout_changed(self, *_args: object) -> None:
        self._restore()

    def _restore(self) -> None:
        try:
            if self._kept is not None:
                index = self._proxy_index(self._kept)
                if index.isValid():
                    self.view.selectionModel().setCurrentIndex(
                        index, QItemSelectionModel.SelectionFlag.ClearAndSelect
                        | QItemSelectionModel.SelectionFlag.Rows)
        finally:
            self._quiet = max(self._quiet - 1, 0)
            self._kept = None

    def _on_rows_removed(self, *_args: object) -> None:
        # Keep the row that took the removed one's place selected, so Delete can be pressed
        # again (the view moves the current index but leaves the selection empty).
        current = self.view.currentIndex()
        if current.isValid():
            self.view.selectionModel().select(
                current, QItemSelectionModel.SelectionFlag.ClearAndSelect
                | QItemSelectionModel.SelectionFlag.Rows)
        self._update_count()
