"""The span table's Qt models: every span of the session, sorted and filtered cheaply.

A thin translation in napari's style: the session's spans are the truth, ``SpanTableModel``
announces what each change event changed (a row inserted, removed or moved, never a reset on
an ordinary edit) and never edits anything itself.
"""

from __future__ import annotations

from bisect import bisect_left
from functools import lru_cache
from typing import Any

from PySide6.QtCore import QModelIndex, QSortFilterProxyModel, Qt
from PySide6.QtGui import QColor, QFont

from annotator.core.arabic import fold, fold_query
from annotator.core.codebook import SpanLabel
from annotator.core.events import ChangeBatch, SpanAdded, SpanChanged, SpanRemoved
from annotator.core.model import Span
from annotator.core.names import label_heading, label_name, role_name
from annotator.core.session import AnnotationSession
from annotator.gui.models import (
    FILTER_ROLE,
    ID_ROLE,
    SORT_ROLE,
    FlatTableModel,
    Index,
    plain_tooltip,
    text_alignment,
)
from annotator.i18n import tr

_DISPLAY = Qt.ItemDataRole.DisplayRole
_NUM_ALIGN = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
_INVERT_BYTES = bytes(range(255, -1, -1))
_TEXT_END = b"\xff\xff\xff\xff"


def _descending_text(text: str) -> bytes:
    """Bytes that sort in the opposite order to ``text`` (code point order), so one ascending
    key list serves a descending column: each code point as four bytes, every byte inverted,
    and an end mark that sorts after any inverted character (a prefix then comes last)."""
    return text.encode("utf-32-be").translate(_INVERT_BYTES) + _TEXT_END


class SpanTableModel(FlatTableModel):
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

    def header_texts(self) -> tuple[str, ...]:
        return (tr("spans", "Label"), tr("spans", "Text"), tr("spans", "Start"),
                tr("spans", "End"), tr("spans", "Used in"))

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._session: AnnotationSession | None = None
        self._spans: list[Span] = []  # display order
        self._keys: list[tuple[Any, ...]] = []  # ascending, one per row
        self._key_of: dict[str, tuple[Any, ...]] = {}  # span id -> its row's key
        self._sort_column = self.START
        self._descending = False
        self._uses: dict[str, str] | None = None  # span id -> "e1 Actor 1, e2 Trigger"
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
                return label_name(cb, span.label)
            if role == Qt.ItemDataRole.DecorationRole:
                return QColor(lab.color) if lab else QColor("#999999")
            if role == FILTER_ROLE:
                return _filter_text(span, lab)
            if role == Qt.ItemDataRole.ToolTipRole:
                if lab is None:
                    return plain_tooltip(tr("spans", "unknown label {label}").format(
                        label=span.label))
                name = label_heading(lab)
                head = tr("spans", "{label} · key {key}").format(label=name, key=lab.key.upper()) \
                    if lab.key else name
                return plain_tooltip(f"{head}\n{lab.help}".strip())
        elif col == self.TEXT:
            if role == _DISPLAY:
                return span.text
            if role == Qt.ItemDataRole.TextAlignmentRole:
                return text_alignment(span.text)
            if role == Qt.ItemDataRole.FontRole:
                return self._text_font
            if role == Qt.ItemDataRole.ToolTipRole:
                return plain_tooltip(span.note) or None
        elif col in (self.START, self.END):
            if role == _DISPLAY:
                return span.start if col == self.START else span.end
            if role == Qt.ItemDataRole.TextAlignmentRole:
                return _NUM_ALIGN
        elif col == self.USED:
            if role == _DISPLAY:
                return self._uses_map().get(span.id, "")
            if role == Qt.ItemDataRole.ToolTipRole:  # the column is narrow: the full list
                return plain_tooltip(self._uses_map().get(span.id, "")) or None
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
            cb = self._session.codebook if self._session else None
            return (label_name(cb, span.label) if cb else span.label).casefold()
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
        if self._uses is None:  # "e1 Actor 1, e2 Trigger": the roles by name
            found: dict[str, list[str]] = {}
            if self._session is not None:
                cb = self._session.codebook
                for e in self._session.aset.events:
                    if e.trigger:
                        found.setdefault(e.trigger, []).append(f"{e.id} {role_name(cb, 'trigger')}")
                    for role, fillers in e.roles.items():
                        name = role_name(cb, role)
                        for sid in fillers:
                            found.setdefault(sid, []).append(f"{e.id} {name}")
            self._uses = {sid: tr("list", ", ").join(parts) for sid, parts in found.items()}
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
    """What the filter box searches for a span, folded for Arabic (``core.arabic.fold``:
    harakat, alef forms, ى/ي, ة/ه and Latin case do not matter): its text, its label id, the
    label's English and Arabic names (either matches in either interface), each separated by
    a character no keyboard types (a private use code point, which folding keeps), so a query
    never runs from one into the next.
    """
    return _folded_parts(span.text, span.label, lab.name if lab else "",
                         lab.name_ar if lab else "")


_PART_SEPARATOR = "\ue000"


@lru_cache(maxsize=1 << 15)
def _folded_parts(*parts: str) -> str:
    """Qt asks for every row's text at each key typed in the filter, and folding costs some
    microseconds a call: one call per span, kept per text, so only the first key folds."""
    return fold(_PART_SEPARATOR.join(parts))


class SpanFilterProxy(QSortFilterProxyModel):
    """Keeps the rows whose label or text contains the filter text, both folded for Arabic
    and Latin case (so «احد» keeps «أحد المواقع»); sorting is the span model's own
    (``SpanTableModel.sort``), so the proxy keeps its rows' order.

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
        needle = fold_query(text)
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
