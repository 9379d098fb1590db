"""Qt item models over the core's lists: events and a project's documents, and what every
model shares (item data roles, names, alignment). The span table's models are in
``span_model``.

Thin translations in napari's style: the core lists are the truth, the models announce what
changed (from the session's typed change events) and never edit anything themselves.
"""

from __future__ import annotations

import html
import unicodedata
from collections.abc import Callable, Iterator, Mapping
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QColor

from annotator.app.issue_words import issue_text
from annotator.app.issues import IssueTracker
from annotator.core.events import ChangeBatch, EventAdded, EventRemoved
from annotator.core.model import STATUSES
from annotator.core.names import event_title, status_name
from annotator.core.names import short_name as short_name  # the one name of a label or role
from annotator.core.session import AnnotationSession
from annotator.core.validation import Issue
from annotator.i18n import tr

Index = QModelIndex | QPersistentModelIndex

SORT_ROLE = Qt.ItemDataRole.UserRole  # numbers for Start/End, folded text elsewhere
ID_ROLE = Qt.ItemDataRole.UserRole + 1  # the span, event or document id of a row
STATUS_ROLE = Qt.ItemDataRole.UserRole + 2  # a document's status id
FILTER_ROLE = Qt.ItemDataRole.UserRole + 3  # what the span filter searches (Label column)

_DISPLAY = Qt.ItemDataRole.DisplayRole


def plain_tooltip(text: str) -> str:
    """A tooltip that shows ``text`` literally and wraps long lines.

    Qt guesses rich text in tooltips (``Qt::mightBeRichText``), so a title, codebook help or
    note such as ``<b>`` or ``<img src=x>`` would be interpreted; escaping it inside a paragraph
    keeps it literal. Every tooltip that holds user data goes through here.
    """
    if not text:
        return ""
    return "<p>" + html.escape(text).replace("\n", "<br>") + "</p>"


def is_rtl(text: str) -> bool:
    """Whether the first strong character of ``text`` is right-to-left (Arabic, Hebrew...)."""
    for ch in text:
        kind = unicodedata.bidirectional(ch)
        if kind in ("R", "AL"):
            return True
        if kind == "L":
            return False
    return False


_RTL_ALIGN = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
_LTR_ALIGN = int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)


def text_alignment(text: str) -> int:
    """A cell's alignment for ``text``: right for right-to-left text, left otherwise."""
    return _RTL_ALIGN if is_rtl(text) else _LTR_ALIGN


class FlatTableModel(QAbstractTableModel):
    """A table of read-only, selectable rows without children, one column per ``HEADERS``
    entry under the titles ``header_texts`` gives in the interface's language; subclasses
    give ``rowCount`` and ``data``."""

    HEADERS: tuple[str, ...] = ()

    def header_texts(self) -> tuple[str, ...]:
        return self.HEADERS

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.HEADERS)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = _DISPLAY) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == _DISPLAY \
                and 0 <= section < len(self.HEADERS):
            return self.header_texts()[section]
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | \
            Qt.ItemFlag.ItemNeverHasChildren


# -- events --------------------------------------------------------------------------------------
class EventListModel(QAbstractListModel):
    """One row per event: ``"e1 · Battles / Armed clash · ✓ complete"`` or ``"· 3 missing"``.

    Completeness comes from the issue tracker; ``issues_refreshed`` repaints the marks (the
    window calls it once the coder's edits settle), while an edit repaints at once only the
    rows of the events it changed.
    """

    COMPLETE = QColor("#2e7d32")
    INCOMPLETE = QColor("#e65100")

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._session: AnnotationSession | None = None
        self._tracker: IssueTracker | None = None
        self._ids: list[str] = []

    def set_session(self, session: AnnotationSession | None,
                    tracker: IssueTracker | None = None) -> None:
        if self._session is not None:
            self._session.changed.disconnect(self._on_session_changed)
        self.beginResetModel()
        self._session = session
        self._tracker = tracker
        self._ids = [e.id for e in session.aset.events] if session is not None else []
        self.endResetModel()
        if session is not None:
            session.changed.connect(self._on_session_changed)

    def _missing(self, event_id: str) -> list[Issue]:
        return self._tracker.of_event(event_id) if self._tracker is not None else []

    def event_id_at(self, row: int) -> str:
        return self._ids[row]

    def row_of(self, event_id: str) -> int:
        try:
            return self._ids.index(event_id)
        except ValueError:
            return -1

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._ids)

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | \
            Qt.ItemFlag.ItemNeverHasChildren

    def data(self, index: Index, role: int = _DISPLAY) -> Any:
        if not index.isValid() or self._session is None or not 0 <= index.row() < len(self._ids):
            return None
        eid = self._ids[index.row()]
        if role == ID_ROLE:
            return eid
        e = self._session.aset.event(eid)
        if e is None:
            return None
        cb = self._session.codebook
        if role == _DISPLAY:
            missing = len(self._missing(eid))
            row = tr("events", "{event} · {title} · {count} missing") if missing else \
                tr("events", "{event} · {title} · ✓ complete")
            return row.format(event=eid, title=event_title(cb, e.type, e.subtype), count=missing)
        if role == Qt.ItemDataRole.ForegroundRole:
            return self.INCOMPLETE if self._missing(eid) else self.COMPLETE
        if role == Qt.ItemDataRole.ToolTipRole:
            issues = self._missing(eid)
            head = tr("events", "{event} · {title}").format(
                event=eid, title=event_title(cb, e.type, e.subtype))
            lines = [issue_text(cb, i) for i in issues] or [tr("events", "Nothing missing")]
            return plain_tooltip("\n".join([head, *lines]))
        return None

    def _on_session_changed(self, batch: ChangeBatch) -> None:
        if batch.replaced:
            self.beginResetModel()
            self._ids = [e.id for e in self._session.aset.events] if self._session else []
            self.endResetModel()
            return
        for change in batch:
            if isinstance(change, EventAdded):
                self._insert(change.event_id)
            elif isinstance(change, EventRemoved):
                self._remove(change.event_id)
        # The edited events' titles change now; every mark follows in ``issues_refreshed``.
        rows = [r for r in map(self.row_of, batch.event_ids()) if r >= 0]
        if rows:
            self.dataChanged.emit(self.index(min(rows)), self.index(max(rows)))

    def _insert(self, event_id: str) -> None:
        if self._session is None or event_id in self._ids:
            return
        at = self._session.aset.event_index(event_id)
        self.beginInsertRows(QModelIndex(), at, at)
        self._ids.insert(at, event_id)
        self.endInsertRows()

    def _remove(self, event_id: str) -> None:
        row = self.row_of(event_id)
        if row < 0:
            return
        self.beginRemoveRows(QModelIndex(), row, row)
        del self._ids[row]
        self.endRemoveRows()

    def issues_refreshed(self) -> None:
        """Repaint every row's completeness mark."""
        if self._ids:
            self.dataChanged.emit(self.index(0), self.index(len(self._ids) - 1))


# -- documents -----------------------------------------------------------------------------------
class _StatusNames(Mapping[str, str]):
    """A status id -> its name in the interface's language (``core.names.status_name``),
    looked up when shown, so a table built before the language was chosen still speaks it."""

    def __init__(self, statuses: tuple[str, ...]) -> None:
        self._statuses = statuses

    def __getitem__(self, status: str) -> str:
        if status not in self._statuses:
            raise KeyError(status)
        return status_name(status)

    def __iter__(self) -> Iterator[str]:
        return iter(self._statuses)

    def __len__(self) -> int:
        return len(self._statuses)


STATUS_TEXT = _StatusNames((*STATUSES, "unreadable"))
STATUS_COLOR = {
    "not_started": "#6b6b6b",  # muted, yet 5:1 against white
    "in_progress": "#f9a825",
    "done": "#2e7d32",
    "skipped": "#5c6bc0",
    "unreadable": "#c62828",
}
STATUS_MARK = {"not_started": "○", "in_progress": "◐", "done": "●", "skipped": "⊘",
               "unreadable": "⚠"}


def status_text(status: str) -> str:
    return status_name(status)


class DocumentListModel(FlatTableModel):
    """A project's documents with their status for this coder: (doc id, title, status) rows."""

    STATUS, TITLE = range(2)
    HEADERS = ("Status", "Title")

    def header_texts(self) -> tuple[str, ...]:
        return tr("documents", "Status"), tr("documents", "Title")

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[list[str]] = []
        self._index: dict[str, int] = {}

    def set_documents(self, rows: list[tuple[str, str, str]]) -> None:
        self.beginResetModel()
        self._rows = [[doc_id, title, status] for doc_id, title, status in rows]
        self._index = {r[0]: i for i, r in enumerate(self._rows)}
        self.endResetModel()

    def set_status(self, doc_id: str, status: str) -> None:
        row = self._index.get(doc_id, -1)
        if row < 0 or self._rows[row][2] == status:
            return
        self._rows[row][2] = status
        self.dataChanged.emit(self.index(row, 0), self.index(row, len(self.HEADERS) - 1))

    def doc_id_at(self, row: int) -> str:
        return self._rows[row][0]

    def row_of(self, doc_id: str) -> int:
        return self._index.get(doc_id, -1)

    def status_of(self, doc_id: str) -> str | None:
        row = self._index.get(doc_id, -1)
        return self._rows[row][2] if row >= 0 else None

    def counts(self) -> dict[str, int]:
        """Documents per status; every known status is present, with 0 when none has it."""
        out = dict.fromkeys(STATUSES, 0)
        for _, _, status in self._rows:
            out[status] = out.get(status, 0) + 1
        return out

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def data(self, index: Index, role: int = _DISPLAY) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        doc_id, title, status = self._rows[index.row()]
        if role == ID_ROLE:
            return doc_id
        if role == STATUS_ROLE:
            return status
        if role == Qt.ItemDataRole.ToolTipRole:
            line = tr("documents", "{doc} — {status}").format(doc=doc_id,
                                                             status=status_text(status))
            return plain_tooltip(f"{title}\n{line}" if title else line)
        if index.column() == self.STATUS:
            if role == _DISPLAY:
                return f"{STATUS_MARK.get(status, '?')} {status_text(status)}"
            if role == Qt.ItemDataRole.ForegroundRole:
                return QColor(STATUS_COLOR.get(status, "#000000"))
        elif index.column() == self.TITLE:
            if role == _DISPLAY:
                return title
            if role == Qt.ItemDataRole.TextAlignmentRole:
                return text_alignment(title)
        return None


def _refilter(proxy: QSortFilterProxyModel, change: Callable[[], None]) -> None:
    """Apply ``change`` to a proxy's filter and re-filter its rows.

    Qt 6.10 deprecates ``invalidateFilter`` (PySide then warns) for ``begin/endFilterChange``;
    older versions only have the former.
    """
    if hasattr(QSortFilterProxyModel, "Direction"):
        proxy.beginFilterChange()
        change()
        proxy.endFilterChange(QSortFilterProxyModel.Direction.Rows)
    else:  # pragma: no cover - Qt < 6.10
        change()
        proxy.invalidateFilter()


class DocumentStatusProxy(QSortFilterProxyModel):
    """Keeps the documents whose status is one of ``statuses`` (all when empty)."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._statuses: frozenset[str] = frozenset()
        self.setDynamicSortFilter(True)

    def set_statuses(self, statuses: frozenset[str] | set[str] | None) -> None:
        _refilter(self, lambda: setattr(self, "_statuses", frozenset(statuses or ())))

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:
        if not self._statuses:
            return True
        index = self.sourceModel().index(source_row, 0, source_parent)
        return index.data(STATUS_ROLE) in self._statuses

