"""Search the project (Ctrl+Shift+F): the CLI's ``annotator search`` as a window dialog.

Each match is a keyword-in-context row as a concordance of Arabic reads: the document's
title, the words before the match, the match, the words after. When the hits are Arabic the
table is laid out right to left (title on the right), so the context before stands to the
right of the match and the context after to its left, each hugging the match and cut (…) on
its far side, and the matches form one column the eye runs down. Letters glued to the match
(the proclitics of «وأحد», an ending when whole words are off) are drawn in the match column
in grey, so the word stays one joined word and the query's own letters stand out.

The search runs in a worker thread (``transfer.Runner``): with the project's index a query
takes about 0.1 s, but the first search after an import builds the index (a second or more
for 3,000 articles; ``benchmarks/bench_search.py``). A row (Enter or a double click) opens its
document with the match selected.
"""

from __future__ import annotations

import sys
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QAbstractTableModel, QEvent, QModelIndex, QObject, QPointF, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetrics,
    QKeyEvent,
    QPainter,
    QTextCharFormat,
    QTextLayout,
    QTextOption,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QCheckBox,
    QComboBox,
    QDialog,
    QGridLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from annotator.core.arabic import TATWEEL, fold_query
from annotator.core.names import display_name
from annotator.errors import AnnotatorError
from annotator.gui.fonts import arabic_font
from annotator.gui.models import Index
from annotator.gui.text_direction import paragraph_direction
from annotator.i18n import tr
from annotator.storage.project import Project
from annotator.storage.search import Hit, SearchIndex, SearchResult

if TYPE_CHECKING:
    from annotator.gui.transfer import Runner

SHOWN_LIMIT = 1000  # rows shown; the rest are counted (each shown one reads its document)
HIT_ROLE = Qt.ItemDataRole.UserRole + 1
_GLUE_COLOR = QColor("#777777")
_ALIGN_BEFORE = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter  # mirrored in RTL
_ALIGN_AFTER = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter


def _glued(ch: str) -> bool:
    """Is ``ch`` part of a word (a letter, digit, mark, tatweel or joiner)?"""
    return ch.isalnum() or ch == TATWEEL or ch in "\u200c\u200d" \
        or unicodedata.category(ch) in ("Mn", "Me")


@dataclass(frozen=True)
class KwicRow:
    """One hit cut for display: ``before`` | ``prefix`` ``match`` ``suffix`` | ``after``,
    where prefix and suffix are the letters of the match's word outside the match."""

    hit: Hit
    before: str
    prefix: str
    match: str
    suffix: str
    after: str

    @classmethod
    def of(cls, hit: Hit) -> KwicRow:
        before, after = hit.before, hit.after
        cut = len(before)
        while cut > 0 and _glued(before[cut - 1]):
            cut -= 1
        end = 0
        while end < len(after) and _glued(after[end]):
            end += 1
        return cls(hit, ("…" if hit.cut_before else "") + before[:cut].rstrip(), before[cut:],
                   hit.text, after[:end], after[end:].lstrip() + ("…" if hit.cut_after else ""))

    @property
    def word(self) -> str:
        return self.prefix + self.match + self.suffix


class HitTableModel(QAbstractTableModel):
    """The hits of one search, one row each: title, context before, match, context after."""

    TITLE, BEFORE, MATCH, AFTER = range(4)

    @staticmethod
    def headers() -> tuple[str, str, str, str]:
        return (tr("search", "Document"), tr("search", "Before"), tr("search", "Match"),
                tr("search", "After"))

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.rows: list[KwicRow] = []
        self.labels: dict[str, str] = {}  # label id -> its name, for the tooltips

    def set_hits(self, hits: list[Hit]) -> None:
        self.beginResetModel()
        self.rows = [KwicRow.of(hit) for hit in hits]
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 4

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole \
                and 0 <= section < 4:
            return self.headers()[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        row, col = self.rows[index.row()], index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return (row.hit.title or row.hit.document_id, row.before, row.word,
                    row.after)[col]
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return {self.BEFORE: _ALIGN_BEFORE, self.MATCH: Qt.AlignmentFlag.AlignCenter
                    }.get(col, _ALIGN_AFTER)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(row.hit)
        if role == HIT_ROLE:
            return row
        return None

    def _tooltip(self, hit: Hit) -> str:
        where = tr("search", "{title}\n{doc}, characters {start}–{end}").format(
            title=hit.title, doc=hit.document_id, start=hit.start, end=hit.end)
        inside = [f"{ref.span_id} {self.labels.get(ref.label, ref.label)} ({ref.coder})"
                  for ref in hit.spans]
        return where + ("\n" + tr("search", "inside {spans}").format(
            spans=tr("list", ", ").join(inside)) if inside else "")


class KwicDelegate(QStyledItemDelegate):
    """Elides each context on its far side from the match, and draws the match column's word
    as one text layout with the letters outside the match in grey (colour keeps the Arabic
    letters joined; a font change inside the word could split it)."""

    def initStyleOption(self, option: QStyleOptionViewItem, index: Index) -> None:
        super().initStyleOption(option, index)
        if index.column() == HitTableModel.BEFORE:
            option.textElideMode = Qt.TextElideMode.ElideLeft
        elif index.column() == HitTableModel.MATCH:
            bold = QFont(option.font)
            bold.setWeight(QFont.Weight.Bold)
            option.font = bold

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        row = index.data(HIT_ROLE)
        if index.column() != HitTableModel.MATCH or not isinstance(row, KwicRow):
            super().paint(painter, option, index)
            return
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        opt.text = ""
        widget = opt.widget
        style = widget.style() if widget is not None else QApplication.style()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, widget)
        selected = bool(opt.state & QStyle.StateFlag.State_Selected)
        layout = _word_layout(row, opt.font, opt.direction,
                              None if selected else _GLUE_COLOR)
        line = layout.lineAt(0)
        rect = opt.rect
        x = rect.x() + (rect.width() - line.naturalTextWidth()) / 2
        y = rect.y() + (rect.height() - line.height()) / 2
        painter.save()
        painter.setClipRect(rect)
        pen = opt.palette.highlightedText() if selected else opt.palette.text()
        painter.setPen(pen.color())
        layout.draw(painter, QPointF(x, y))
        painter.restore()


def _word_layout(row: KwicRow, font: QFont, direction: Qt.LayoutDirection,
                 glue: QColor | None) -> QTextLayout:
    """The match's word laid out on one line, its prefix and suffix in ``glue`` colour."""
    layout = QTextLayout(row.word, font)
    option = QTextOption()
    option.setTextDirection(direction)
    layout.setTextOption(option)
    if glue is not None:
        ranges = []
        for start, length in ((0, len(row.prefix)),
                              (len(row.prefix) + len(row.match), len(row.suffix))):
            if length:
                piece = QTextLayout.FormatRange()
                piece.start, piece.length = _utf16(row.word[:start]), _utf16(
                    row.word[start:start + length])
                fmt = QTextCharFormat()
                fmt.setForeground(glue)
                piece.format = fmt
                ranges.append(piece)
        layout.setFormats(ranges)
    layout.beginLayout()
    layout.createLine()
    layout.endLayout()
    return layout


def _utf16(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


class SearchDialog(QDialog):
    """Query, label and coder, options, and the keyword-in-context table of the hits.

    Not modal: the coder keeps it open while opening hits in the window.
    """

    hitActivated = Signal(str, int, int)  # document id, start, end (code points)
    searched = Signal()  # a search ended (its rows, or why not, are shown)

    def __init__(self, project: Project, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        from annotator.gui.transfer import Runner  # the transfer module loads on first use

        self.setObjectName("searchDialog")
        self.setWindowTitle(tr("search", "Search the project — {project}").format(
            project=project.name))
        self.project = project
        self.result: SearchResult | None = None
        self._pending: Callable[..., Any] | None = None
        self.runner: Runner = Runner(self)
        self.runner.finished.connect(self._on_runner_finished)
        self.resize(980, 620)

        self.query = QLineEdit(self)
        self.query.setObjectName("searchQuery")
        self.query.setPlaceholderText(tr("search", "A word or phrase: أحد = احد = الأحد …"))
        self.query.setFont(arabic_font(max(self.font().pointSizeF(), 9.0) + 2))
        self.query.setClearButtonEnabled(True)
        self.search_button = QPushButton(tr("search", "Search"), self)
        self.search_button.setObjectName("searchButton")
        self.search_button.setAutoDefault(False)
        self.label = QComboBox(self)
        self.label.setObjectName("searchLabel")
        self.label.addItem(tr("search", "(any)"), None)
        for lab in project.codebook.span_labels:
            self.label.addItem(display_name(lab, bilingual=True), lab.id)
        self.label.setToolTip(tr("search", "Only matches inside spans with this label (as last "
                                 "saved)"))
        self.coder = QComboBox(self)
        self.coder.setObjectName("searchCoder")
        self.coder.addItem(tr("search", "(any)"), None)
        for name in project.coders():
            self.coder.addItem(name, name)
        self.coder.setToolTip(tr("search", "Only matches inside this coder's spans (as last "
                                 "saved)"))
        self.whole_words = QCheckBox(tr("search", "Whole words"), self)
        self.whole_words.setChecked(True)
        self.proclitics = QCheckBox(tr("search", "With proclitics"), self)
        self.proclitics.setChecked(True)
        self.proclitics.setToolTip(tr("search", "A word may start with و ف ب ل ك and ال before "
                                      "the query"))
        self.whole_words.toggled.connect(self.proclitics.setEnabled)
        self.busy = QProgressBar(self)
        self.busy.setObjectName("searchBusy")
        self.busy.setRange(0, 0)
        self.busy.setMaximumHeight(8)
        self.busy.setTextVisible(False)
        self.busy.hide()
        self.status = QLabel(tr("search", "Type a word or phrase, then Enter."), self)
        self.status.setObjectName("searchStatus")
        self.status.setTextFormat(Qt.TextFormat.PlainText)

        self.model = HitTableModel(self)
        self.model.labels = {lab.id: display_name(lab) for lab in project.codebook.span_labels}
        self.table = QTableView(self)
        self.table.setObjectName("searchResults")
        self.table.setModel(self.model)
        self.table.setItemDelegate(KwicDelegate(self.table))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(False)
        self.table.setShowGrid(False)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().hide()
        text_font = arabic_font(max(self.font().pointSizeF(), 9.0) + 2)
        self.table.setFont(text_font)
        self.table.verticalHeader().setDefaultSectionSize(self.table.fontMetrics().height() + 6)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        header = self.table.horizontalHeader()
        header.setFont(self.font())
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(HitTableModel.BEFORE, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(HitTableModel.AFTER, QHeaderView.ResizeMode.Stretch)
        header.resizeSection(HitTableModel.TITLE, 190)

        grid = QGridLayout()
        grid.addWidget(QLabel(tr("search", "&Find:"), self, buddy=self.query), 0, 0)
        grid.addWidget(self.query, 0, 1, 1, 4)
        grid.addWidget(self.search_button, 0, 5)
        grid.addWidget(QLabel(tr("search", "&Label:"), self, buddy=self.label), 1, 0)
        grid.addWidget(self.label, 1, 1)
        grid.addWidget(QLabel(tr("search", "&Coder:"), self, buddy=self.coder), 1, 2)
        grid.addWidget(self.coder, 1, 3)
        grid.addWidget(self.whole_words, 1, 4)
        grid.addWidget(self.proclitics, 1, 5)
        grid.setColumnStretch(1, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(grid)
        layout.addWidget(self.busy)
        layout.addWidget(self.status)
        layout.addWidget(self.table, 1)

        self.search_button.clicked.connect(self.search)
        self.query.returnPressed.connect(self.search)
        self.query.installEventFilter(self)
        self.table.activated.connect(self._on_table_activated)

    # -- searching ---------------------------------------------------------------------------------
    @property
    def running(self) -> bool:
        return self.runner.running

    def search(self) -> bool:
        """Search with the options shown (after the running search, if one runs); False if
        the query has nothing to search for."""
        query = self.query.text()
        if not fold_query(query):
            self.status.setText(tr("search", "Type a word or phrase: letters, digits or signs."))
            return False
        project, label, coder = self.project, self.label.currentData(), self.coder.currentData()
        whole, proclitics = self.whole_words.isChecked(), self.proclitics.isChecked()

        def work(**_progress: object) -> tuple[SearchResult, int]:
            index = SearchIndex.load(project)
            return index.search(query, label=label, coder=coder, limit=SHOWN_LIMIT,
                                proclitics=proclitics, whole_word=whole), index.folded_now

        if self.running:
            self._pending = work  # the latest wins; started when the running one ends
        else:
            self._start(work)
        return True

    def _start(self, work: Callable[..., Any]) -> None:
        self.busy.show()
        self.status.setText(tr("search", "Searching…"))
        self.runner.start(work)

    def wait(self) -> None:
        """Block until no search runs and the last one's rows are shown (closing, tests)."""
        while self.running or self._pending is not None:
            self.runner.wait()
            QApplication.sendPostedEvents(self.runner)
            QApplication.processEvents()

    def _on_runner_finished(self, outcome: object) -> None:
        if self._pending is not None:
            work, self._pending = self._pending, None
            self._start(work)
            return
        self.busy.hide()
        if isinstance(outcome, AnnotatorError):
            self.status.setText(str(outcome))
        elif isinstance(outcome, BaseException):
            self.status.setText(tr("search", "Search failed (internal error: {error}); it was "
                                   "logged.").format(error=f"{type(outcome).__name__}: {outcome}"))
            sys.excepthook(type(outcome), outcome, outcome.__traceback__)
        else:
            result, indexed = outcome  # type: ignore[misc]
            self._show(result, indexed)
        self.searched.emit()

    def _show(self, result: SearchResult, indexed: int) -> None:
        self.result = result
        self.model.set_hits(result.hits)
        self.table.setLayoutDirection(_reading_direction(result.hits))
        self._fit_match_column()
        shown = len(result.hits)
        if result.total == 1:
            found = tr("search", "1 match in 1 document")
        elif result.documents == 1:
            found = tr("search", "{total} matches in 1 document")
        else:
            found = tr("search", "{total} matches in {documents} documents")
        parts = [found.format(total=f"{result.total:,}", documents=f"{result.documents:,}")]
        if shown < result.total:
            parts.append(tr("search", "the first {count} shown").format(count=f"{shown:,}"))
        if indexed:
            parts.append(tr("search", "{count} document(s) indexed for search first").format(
                count=f"{indexed:,}"))
        if result.unreadable:
            parts.append(tr("search", "{count} could not be read").format(
                count=f"{len(result.unreadable):,}"))
            self.status.setToolTip("\n".join(sorted(result.unreadable.values())[:30]))
        else:
            self.status.setToolTip("")
        summary = tr("list", "; ").join(parts)
        self.status.setText(
            tr("search", "{summary}. Enter or a double click opens a row.").format(
                summary=summary) if shown else tr("search", "{summary}.").format(summary=summary))
        if shown:
            self.table.selectRow(0)

    def _fit_match_column(self) -> None:
        """As wide as the widest matched word (Qt's resize to contents asks every row: 70 ms
        for 1,000; the distinct words are a handful)."""
        font = QFont(self.table.font())
        font.setWeight(QFont.Weight.Bold)
        metrics = QFontMetrics(font)
        words = {row.word for row in self.model.rows}
        width = max((metrics.horizontalAdvance(w) for w in words), default=0)
        header = self.table.horizontalHeader()
        header.resizeSection(HitTableModel.MATCH,
                             max(width + 24, metrics.horizontalAdvance(
                                 HitTableModel.headers()[HitTableModel.MATCH]) + 24))

    # -- keys and rows -----------------------------------------------------------------------------
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Down in the query box goes to the results."""
        if watched is self.query and event.type() == QEvent.Type.KeyPress and \
                isinstance(event, QKeyEvent) and event.key() == Qt.Key.Key_Down and \
                self.model.rowCount():
            self.table.setFocus(Qt.FocusReason.TabFocusReason)
            if not self.table.currentIndex().isValid():
                self.table.selectRow(0)
            return True
        return False

    def _on_table_activated(self, index: QModelIndex) -> None:
        row = index.data(HIT_ROLE)
        if isinstance(row, KwicRow):
            self.hitActivated.emit(row.hit.document_id, row.hit.start, row.hit.end)

    def closeEvent(self, event: Any) -> None:
        self._pending = None
        self.wait()
        super().closeEvent(event)


def _reading_direction(hits: list[Hit]) -> Qt.LayoutDirection:
    """Right to left when most hits' lines read right to left (an Arabic corpus, even for a
    Latin query such as ISIS), else left to right."""
    rtl = sum(paragraph_direction(h.before + h.text + h.after)
              == Qt.LayoutDirection.RightToLeft for h in hits)
    return Qt.LayoutDirection.RightToLeft if hits and 2 * rtl >= len(hits) \
        else Qt.LayoutDirection.LeftToRight


class ProjectSearch:
    """The window's search dialog: made at first use and kept, with its last results, while
    the window lives; a row calls ``open_at(document id, start, end)``."""

    def __init__(self, parent: QWidget, project: Project,
                 open_at: Callable[[str, int, int], bool]) -> None:
        self.parent = parent
        self.project = project
        self.open_at = open_at
        self.dialog: SearchDialog | None = None

    def show(self) -> SearchDialog:
        if self.dialog is None:
            self.dialog = SearchDialog(self.project, self.parent)
            self.dialog.hitActivated.connect(self.open_at)
        self.dialog.show()
        self.dialog.raise_()
        self.dialog.activateWindow()
        self.dialog.query.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.dialog.query.selectAll()
        return self.dialog

    def close(self) -> None:
        if self.dialog is not None:
            self.dialog.close()
