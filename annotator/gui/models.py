"""Qt item models over the core's lists: spans, events and a project's documents.

Thin translations in napari's style: the core lists are the truth, the models announce what
changed (from the session's typed change events) and never edit anything themselves.
"""

from __future__ import annotations

import unicodedata
from bisect import bisect_left
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QColor, QFont

from annotator.app.issues import IssueTracker
from annotator.core.codebook import Codebook, SpanLabel
from annotator.core.edits import AnnotationSession
from annotator.core.events import (
    ChangeBatch,
    EventAdded,
    EventRemoved,
    SpanAdded,
    SpanChanged,
    SpanRemoved,
)
from annotator.core.model import STATUSES, Span
from annotator.core.validation import Issue

Index = QModelIndex | QPersistentModelIndex

SORT_ROLE = Qt.ItemDataRole.UserRole  # numbers for Start/End, folded text elsewhere
ID_ROLE = Qt.ItemDataRole.UserRole + 1  # the span, event or document id of a row
STATUS_ROLE = Qt.ItemDataRole.UserRole + 2  # a document's status id
FILTER_ROLE = Qt.ItemDataRole.UserRole + 3  # what the span filter searches (Label column)

_DISPLAY = Qt.ItemDataRole.DisplayRole


def short_name(name: str) -> str:
    """``"Actor (force, group, organisation)"`` -> ``"Actor"``: the name without its gloss."""
    head = name.split(" (", 1)[0].strip()
    return head or name


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
_NUM_ALIGN = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)


def bilingual(name: str, name_ar: str = "") -> str:
    """``"English · العربية"``, or the English name alone when there is no Arabic one."""
    return f"{name} · {name_ar}" if name_ar else name


# -- spans ---------------------------------------------------------------------------------------
_INVERT_BYTES = bytes(range(255, -1, -1))
_TEXT_END = b"\xff\xff\xff\xff"


def _descending_text(text: str) -> bytes:
    """Bytes that sort in the opposite order to ``text`` (code point order), so one ascending
    key list serves a descending column: each code point as four bytes, every byte inverted,
    and an end mark that sorts after any inverted character (a prefix then comes last)."""
    return text.encode("utf-32-be").translate(_INVERT_BYTES) + _TEXT_END


class SpanTableModel(QAbstractTableModel):
    """One row per span of the session, kept in the table's sort order.

    The model sorts itself (``sort``, which the proxy forwards): Qt's proxy sort asks ``data()``
    for both sides of every comparison, some 150,000 Python calls for 10,000 rows, where a key
    per row sorted by Python takes a few milliseconds. Rows are held with their keys in display
    order (keys ascend, descending columns use inverted keys), so an ``AddSpan`` is one row
    inserted where a bisect puts it, a ``RemoveSpan`` one removed row, a relabel or resize one
    changed row that moves (``beginMoveRows``) only when its key changed: cheap at 10,000 spans.
    Ties are broken by position in the text (start, end, label, id), ascending in either
    direction, as a stable sort over the saved span order would.
    """

    LABEL, TEXT, START, END, USED = range(5)
    HEADERS = ("Label", "Text", "Start", "End", "Used in")

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._session: AnnotationSession | None = None
        self._spans: list[Span] = []  # display order
        self._keys: list[tuple[Any, ...]] = []  # ascending, one per row
        self._key_of: dict[str, tuple[Any, ...]] = {}  # span id -> its row's key
        self._sort_column = self.START
        self._descending = False
        self._uses: dict[str, str] | None = None  # span id -> "e1 actor1, e2 trigger"
        self._text_font: QFont | None = None

    def set_text_font(self, font: QFont | None) -> None:
        """The font of the Text column (the Arabic text font); ``None``: the view's font."""
        self._text_font = font
        if self._spans:
            self.dataChanged.emit(self.index(0, self.TEXT),
                                  self.index(len(self._spans) - 1, self.TEXT))

    # -- session ---------------------------------------------------------------------------
    def set_session(self, session: AnnotationSession | None) -> None:
        if self._session is not None:
            self._session.changed.disconnect(self._on_session_changed)
        self.beginResetModel()
        self._session = session
        self._uses = None
        self._fill(session.aset.spans if session is not None else [])
        self.endResetModel()
        if session is not None:
            session.changed.connect(self._on_session_changed)

    def session(self) -> AnnotationSession | None:
        return self._session

    def span_id_at(self, row: int) -> str:
        return self._spans[row].id

    def row_of(self, span_id: str) -> int:
        key = self._key_of.get(span_id)
        return -1 if key is None else bisect_left(self._keys, key)

    def span_at(self, row: int) -> Span:
        return self._spans[row]

    def sort_column(self) -> int:
        return self._sort_column

    def sort_order(self) -> Qt.SortOrder:
        return Qt.SortOrder.DescendingOrder if self._descending else Qt.SortOrder.AscendingOrder

    # -- Qt model --------------------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._spans)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.HEADERS)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = _DISPLAY) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == _DISPLAY \
                and 0 <= section < len(self.HEADERS):
            return self.HEADERS[section]
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | \
            Qt.ItemFlag.ItemNeverHasChildren

    def index(self, row: int, column: int,
              parent: Index = QModelIndex()) -> QModelIndex:  # noqa: B008
        # Overridden for speed: the default asks rowCount and columnCount (two Python calls).
        if parent.isValid() or not (0 <= row < len(self._spans) and 0 <= column < 5):
            return QModelIndex()
        return self.createIndex(row, column)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Order the rows by ``column`` (-1: by position, as Start)."""
        column = column if 0 <= column < len(self.HEADERS) else self.START
        descending = order == Qt.SortOrder.DescendingOrder
        if (column, descending) == (self._sort_column, self._descending):
            return
        self.layoutAboutToBeChanged.emit()
        persistent = self.persistentIndexList()
        kept = [(self._spans[i.row()].id, i.column()) for i in persistent]
        self._sort_column, self._descending = column, descending
        self._fill(self._spans)
        self.changePersistentIndexList(
            persistent, [self.createIndex(self.row_of(sid), col) for sid, col in kept])
        self.layoutChanged.emit()

    def data(self, index: Index, role: int = _DISPLAY) -> Any:
        row = index.row()  # an invalid index has row -1
        if not 0 <= row < len(self._spans) or self._session is None:
            return None
        span = self._spans[row]
        col = index.column()
        if role == ID_ROLE:
            return span.id
        cb = self._session.codebook
        if col == self.LABEL:
            lab = cb.label(span.label)
            if role == _DISPLAY:
                return short_name(lab.name) if lab else span.label
            if role == Qt.ItemDataRole.DecorationRole:
                return QColor(lab.color) if lab else QColor("#999999")
            if role == FILTER_ROLE:
                return _filter_text(span, lab)
            if role == Qt.ItemDataRole.ToolTipRole:
                if lab is None:
                    return f"unknown label {span.label}"
                key = f", key {lab.key}" if lab.key else ""
                return f"{bilingual(lab.name, lab.name_ar)} ({lab.id}{key})"
        elif col == self.TEXT:
            if role == _DISPLAY:
                return span.text
            if role == Qt.ItemDataRole.TextAlignmentRole:
                return _RTL_ALIGN if is_rtl(span.text) else _LTR_ALIGN
            if role == Qt.ItemDataRole.FontRole:
                return self._text_font
            if role == Qt.ItemDataRole.ToolTipRole:
                return span.note or None
        elif col in (self.START, self.END):
            if role == _DISPLAY:
                return span.start if col == self.START else span.end
            if role == Qt.ItemDataRole.TextAlignmentRole:
                return _NUM_ALIGN
        elif col == self.USED:
            if role == _DISPLAY:
                return self._uses_map().get(span.id, "")
            if role == Qt.ItemDataRole.ToolTipRole:  # the column is narrow: the full list
                return self._uses_map().get(span.id) or None
        if role == SORT_ROLE:
            return self._sort_value(span, col)
        return None

    # -- order -----------------------------------------------------------------------------
    def _sort_value(self, span: Span, col: int) -> Any:
        """What column ``col`` sorts ``span`` by: offsets as numbers, folded label names, the
        text as stored, the "Used in" list."""
        if col == self.START:
            return span.start
        if col == self.END:
            return span.end
        if col == self.TEXT:
            return span.text
        if col == self.LABEL:
            lab = self._session.codebook.label(span.label) if self._session else None
            return short_name(lab.name).casefold() if lab else span.label.casefold()
        return self._uses_map().get(span.id, "")

    def _key(self, span: Span) -> tuple[Any, ...]:
        value = self._sort_value(span, self._sort_column)
        if self._descending:
            value = -value if isinstance(value, int) else _descending_text(value)
        return (value, span.start, span.end, span.label, span.id)

    def _fill(self, spans: list[Span]) -> None:
        """Rows and keys for ``spans`` in the current order (no signals)."""
        keys = [self._key(s) for s in spans]
        order = sorted(range(len(keys)), key=keys.__getitem__)  # (a broken file may repeat ids)
        self._keys = [keys[i] for i in order]
        self._spans = [spans[i] for i in order]
        self._key_of = {s.id: k for k, s in zip(self._keys, self._spans, strict=True)}

    # -- updates ---------------------------------------------------------------------------
    def _uses_map(self) -> dict[str, str]:
        if self._uses is None:
            found: dict[str, list[str]] = {}
            if self._session is not None:
                for e in self._session.aset.events:
                    if e.trigger:
                        found.setdefault(e.trigger, []).append(f"{e.id} trigger")
                    for role, fillers in e.roles.items():
                        for sid in fillers:
                            found.setdefault(sid, []).append(f"{e.id} {role}")
            self._uses = {sid: ", ".join(parts) for sid, parts in found.items()}
        return self._uses

    def _on_session_changed(self, batch: ChangeBatch) -> None:
        """Each span added, removed or changed is one row inserted, removed or moved; an event
        change refreshes the "Used in" cells it altered."""
        if batch.replaced:
            self._reset_from(self._session.aset.spans if self._session else [])
            return
        uses_changed = False
        for change in batch:
            if isinstance(change, SpanAdded):
                self._insert(change.span_id)
            elif isinstance(change, SpanRemoved):
                self._remove(change.span_id)
            elif isinstance(change, SpanChanged):
                row = self.row_of(change.span_id)
                live = self._session.aset.span(change.span_id) if self._session else None
                if row >= 0 and live is not None:
                    self._place(row, live)
            else:
                uses_changed = uses_changed or batch.touches_events()
        if uses_changed:
            self._sync_uses()

    def _insert(self, span_id: str) -> None:
        live = self._session.aset.span(span_id) if self._session else None
        if live is None or self.row_of(span_id) >= 0:
            return
        key = self._key(live)
        at = bisect_left(self._keys, key)
        self.beginInsertRows(QModelIndex(), at, at)
        self._spans.insert(at, live)
        self._keys.insert(at, key)
        self._key_of[span_id] = key
        self.endInsertRows()

    def _remove(self, span_id: str) -> None:
        row = self.row_of(span_id)
        if row < 0:
            return
        self.beginRemoveRows(QModelIndex(), row, row)
        del self._spans[row], self._keys[row], self._key_of[span_id]
        self.endRemoveRows()

    def _sync_uses(self) -> None:
        """Refresh the rows whose "Used in" changed (and move them when sorted by it)."""
        old = self._uses
        self._uses = None
        if not self._spans:
            return
        if old is None:  # never shown nor sorted by: nothing to compare with
            self.dataChanged.emit(self.index(0, self.USED),
                                  self.index(len(self._spans) - 1, self.USED))
            return
        new = self._uses_map()
        for sid in [s for s in old.keys() | new.keys() if old.get(s) != new.get(s)]:
            row = self.row_of(sid)
            if row < 0:
                continue
            if self._sort_column == self.USED:
                self._place(row, self._spans[row])
            else:
                self.dataChanged.emit(self.index(row, self.USED), self.index(row, self.USED))

    def _place(self, row: int, span: Span) -> None:
        """Row ``row`` now shows ``span`` (changed): move it to where its key belongs."""
        key = self._key(span)
        if key != self._keys[row]:
            old = self._keys.pop(row)
            at = bisect_left(self._keys, key)  # its place among the other rows
            self._keys.insert(row, old)
            if at != row:
                # The destination counts rows before the move: past the row, one more.
                self.beginMoveRows(QModelIndex(), row, row, QModelIndex(),
                                   at + 1 if at > row else at)
                del self._spans[row], self._keys[row]
                self._spans.insert(at, span)
                self._keys.insert(at, key)
                self._key_of[span.id] = key
                self.endMoveRows()
                row = at
            self._keys[row] = key
            self._key_of[span.id] = key
        self._spans[row] = span
        self.dataChanged.emit(self.index(row, 0), self.index(row, self.columnCount() - 1))

    def _reset_from(self, truth: list[Span]) -> None:
        self.beginResetModel()
        self._uses = None
        self._fill(truth)
        self.endResetModel()


def _filter_text(span: Span, lab: SpanLabel | None) -> str:
    """What the filter box searches for a span, folded: its text, its label id, the label's
    name and Arabic name, each separated by a NUL (which cannot be typed into the box)."""
    parts = [span.text.casefold(), span.label.casefold()]
    if lab is not None:
        parts += [lab.name.casefold(), lab.name_ar]
    return "\0".join(parts)


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


class SpanFilterProxy(QSortFilterProxyModel):
    """Keeps the rows whose label or text contains the filter text, ignoring case; sorting is
    the span model's own (``SpanTableModel.sort``), so the proxy keeps its rows' order.

    No Python runs per row here: the filter is Qt's fixed-string match on the folded text the
    model gives under ``FILTER_ROLE`` in the Label column, and with no filter text Qt accepts
    rows without asking the model at all (opening, adding and undoing stay cheap at 10,000).
    """

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._needle = ""
        self.setDynamicSortFilter(True)
        self.setFilterRole(FILTER_ROLE)
        self.setFilterKeyColumn(SpanTableModel.LABEL)
        self.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseSensitive)  # both sides folded

    def set_filter_text(self, text: str) -> None:
        needle = text.strip().casefold()
        if needle != self._needle:
            self._needle = needle
            self.setFilterFixedString(needle)

    def filter_text(self) -> str:
        return self._needle

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        model = self.sourceModel()
        if isinstance(model, SpanTableModel):
            model.sort(column, order)
        else:
            super().sort(column, order)


# -- events --------------------------------------------------------------------------------------
def event_title(cb: Codebook, type_id: str, subtype_id: str | None) -> str:
    """``"Battles / Armed clash"`` (ids where the codebook does not know them)."""
    et = cb.event_type(type_id)
    if et is None:
        return type_id
    st = et.subtype(subtype_id)
    return f"{et.name} / {st.name}" if st else (
        f"{et.name} / {subtype_id}" if subtype_id else et.name)


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
        if role == _DISPLAY:
            missing = len(self._missing(eid))
            state = "✓ complete" if not missing else f"{missing} missing"
            return f"{eid} · {event_title(self._session.codebook, e.type, e.subtype)} · {state}"
        if role == Qt.ItemDataRole.ForegroundRole:
            return self.INCOMPLETE if self._missing(eid) else self.COMPLETE
        if role == Qt.ItemDataRole.ToolTipRole:
            issues = self._missing(eid)
            head = f"{eid} · {event_title(self._session.codebook, e.type, e.subtype)}"
            return "\n".join([head, *(i.message for i in issues)] if issues
                             else [head, "Nothing missing"])
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
STATUS_TEXT = {
    "not_started": "not started",
    "in_progress": "in progress",
    "done": "done",
    "skipped": "skipped",
    "unreadable": "unreadable",
}
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
    return STATUS_TEXT.get(status, status.replace("_", " "))


class DocumentListModel(QAbstractTableModel):
    """A project's documents with their status for this coder: (doc id, title, status) rows."""

    STATUS, TITLE = range(2)
    HEADERS = ("Status", "Title")

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

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.HEADERS)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = _DISPLAY) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == _DISPLAY \
                and 0 <= section < len(self.HEADERS):
            return self.HEADERS[section]
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | \
            Qt.ItemFlag.ItemNeverHasChildren

    def data(self, index: Index, role: int = _DISPLAY) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        doc_id, title, status = self._rows[index.row()]
        if role == ID_ROLE:
            return doc_id
        if role == STATUS_ROLE:
            return status
        if role == Qt.ItemDataRole.ToolTipRole:
            return f"{doc_id} — {status_text(status)}"
        if index.column() == self.STATUS:
            if role == _DISPLAY:
                return f"{STATUS_MARK.get(status, '?')} {status_text(status)}"
            if role == Qt.ItemDataRole.ForegroundRole:
                return QColor(STATUS_COLOR.get(status, "#000000"))
        elif index.column() == self.TITLE:
            if role == _DISPLAY:
                return title
            if role == Qt.ItemDataRole.TextAlignmentRole:
                return _RTL_ALIGN if is_rtl(title) else _LTR_ALIGN
        return None


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

