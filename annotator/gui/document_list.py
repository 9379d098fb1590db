"""The project's documents with this coder's status, a status filter and the progress so far."""

from __future__ import annotations

from PySide6.QtCore import (
    QEvent,
    QItemSelectionModel,
    QModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from annotator.app.worklist import status_name
from annotator.core.model import STATUSES
from annotator.gui.models import ID_ROLE, DocumentListModel, DocumentStatusProxy
from annotator.i18n import tr


def status_filters() -> list[tuple[str, frozenset[str]]]:
    """The status filter's entries: (text, the statuses it shows; none: all)."""
    return [(tr("documents", "All"), frozenset()),
            *((status_name(status), frozenset({status})) for status in STATUSES)]


_ACTIVATE_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter)


class DocumentTableView(QTableView):
    """Enter opens the current document (a plain table view would only move down a row)."""

    activateRequested = Signal(QModelIndex)

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ShortcutOverride and isinstance(event, QKeyEvent) \
                and event.key() in _ACTIVATE_KEYS and self.currentIndex().isValid():
            event.accept()
            return True
        return super().event(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in _ACTIVATE_KEYS and self.currentIndex().isValid():
            event.accept()
            self.activateRequested.emit(self.currentIndex())
            return
        super().keyPressEvent(event)


class DocumentList(QWidget):
    """Documents of the project; Enter or a double-click opens one (``documentActivated``)."""

    documentActivated = Signal(str)
    # "mine" or "all": the coder chose which documents to list (shown when the project
    # assigns documents to coders).
    scopeChanged = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("documentList")
        self.model = DocumentListModel(self)
        self.proxy = DocumentStatusProxy(self)
        self.proxy.setSourceModel(self.model)

        self.filter_combo = QComboBox(self)
        self.filter_combo.setObjectName("statusFilter")
        for text, statuses in status_filters():
            self.filter_combo.addItem(text, statuses)
        self.filter_combo.setToolTip(tr("documents", "Show only the documents with this status"))
        self.scope_combo = QComboBox(self)
        self.scope_combo.setObjectName("scopeFilter")
        self.scope_combo.addItem(tr("documents", "Mine"), "mine")
        self.scope_combo.addItem(tr("documents", "All"), "all")
        self.scope_combo.setToolTip(tr("documents", "The documents assigned to you, or every "
                                       "document of the project"))
        self.scope_combo.hide()
        self.progress = QLabel(self)
        self.progress.setObjectName("progress")
        self.progress.setTextFormat(Qt.TextFormat.PlainText)

        self.view = DocumentTableView(self)
        self.view.setObjectName("documentTableView")
        self.view.setModel(self.proxy)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setWordWrap(False)
        self.view.setShowGrid(False)
        self.view.verticalHeader().hide()
        header = self.view.horizontalHeader()
        header.setHighlightSections(False)
        header.setSectionResizeMode(DocumentListModel.STATUS,
                                    QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(DocumentListModel.TITLE, QHeaderView.ResizeMode.Stretch)

        top = QHBoxLayout()
        top.setContentsMargins(0, 0, 0, 0)
        show = QLabel(tr("documents", "Show"), self)
        show.setBuddy(self.filter_combo)
        top.addWidget(show)
        top.addWidget(self.scope_combo)
        top.addWidget(self.filter_combo)
        top.addStretch(1)
        top.addWidget(self.progress)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.setSpacing(4)
        lay.addLayout(top)
        lay.addWidget(self.view, 1)

        self.filter_combo.currentIndexChanged.connect(self._on_filter_combo_changed)
        self.scope_combo.currentIndexChanged.connect(self._on_scope_combo_changed)
        self.view.activateRequested.connect(self._on_view_activated)
        self.view.doubleClicked.connect(self._on_view_activated)
        self._update_progress()

    # -- public API --------------------------------------------------------------------------
    def set_documents(self, rows: list[tuple[str, str, str]]) -> None:
        """(doc id, title, status) per document, in the order to show them."""
        kept = self.current_doc_id()
        self.model.set_documents(rows)
        if kept is not None:
            self.select_document(kept)
        self._update_progress()

    def offer_scope(self, offered: bool) -> None:
        """Show the Mine / All choice (a project with assignments) or hide it."""
        self.scope_combo.setVisible(offered)

    def scope(self) -> str:
        """"mine" or "all" (the project decides whether "mine" means anything)."""
        return str(self.scope_combo.currentData())

    def set_status(self, doc_id: str, status: str) -> None:
        self.model.set_status(doc_id, status)
        self._update_progress()

    def select_document(self, doc_id: str) -> None:
        """Make ``doc_id`` current, showing all documents if the filter hides it."""
        index = self._proxy_index(doc_id)
        if not index.isValid() and self.model.row_of(doc_id) >= 0:
            self.filter_combo.setCurrentIndex(0)
            index = self._proxy_index(doc_id)
        if index.isValid():
            self.view.selectionModel().setCurrentIndex(
                index, QItemSelectionModel.SelectionFlag.ClearAndSelect
                | QItemSelectionModel.SelectionFlag.Rows)
            self.view.scrollTo(index)

    def current_doc_id(self) -> str | None:
        index = self.view.currentIndex()
        return index.data(ID_ROLE) if index.isValid() else None

    def counts(self) -> dict[str, int]:
        return self.model.counts()

    # -- helpers -----------------------------------------------------------------------------
    def _proxy_index(self, doc_id: str) -> QModelIndex:
        row = self.model.row_of(doc_id)
        if row < 0:
            return QModelIndex()
        return self.proxy.mapFromSource(self.model.index(row, 0))

    def _update_progress(self) -> None:
        counts = self.model.counts()
        total = self.model.rowCount()
        text = tr("documents", "{done} / {total} done · {skipped} skipped") \
            if counts.get("skipped") else tr("documents", "{done} / {total} done")
        self.progress.setText(text.format(done=counts.get("done", 0), total=total,
                                          skipped=counts.get("skipped", 0)))
        self.progress.setToolTip("\n".join(
            tr("documents", "{status}: {count}").format(status=status_name(k), count=v)
            for k, v in counts.items()))

    # -- handlers ----------------------------------------------------------------------------
    def _on_filter_combo_changed(self, index: int) -> None:
        self.proxy.set_statuses(self.filter_combo.itemData(index))

    def _on_scope_combo_changed(self, _index: int) -> None:
        self.scopeChanged.emit(self.scope_combo.currentData())

    def _on_view_activated(self, index: QModelIndex) -> None:
        doc_id = index.data(ID_ROLE)
        if doc_id:
            self.documentActivated.emit(doc_id)
