"""The adjudication panel: the coders compared, the disagreements in text order, and each
coder's version of the current one, with one key per decision.

It shows an ``app.adjudication.Adjudication`` and never decides anything itself: its buttons
are the window's actions (accept A, accept B, all, reject, edit), so a key, a click and the F1
sheet always agree. The list takes the focus when adjudication opens, and the decision keys
work while it (or anything in the panel) has it.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QScrollArea,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from annotator.app.adjudication import Adjudication
from annotator.gui.coder_lanes import lane_color
from annotator.gui.labels import plain_label
from annotator.gui.models import is_rtl
from annotator.i18n import tr

ID_ROLE = Qt.ItemDataRole.UserRole
OPEN_COLOR = QColor("#e65100")
DECIDED_COLOR = QColor("#2e7d32")


class AdjudicationPanel(QWidget):
    """Disagreements of the gold set open in the window; ``itemChosen`` when the lead picks
    one in the list."""

    itemChosen = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("adjudicationPanel")
        self.adjudication: Adjudication | None = None
        self._quiet = False
        self.heading = plain_label("", self)
        self.heading.setObjectName("adjudicationHeading")
        font = self.heading.font()
        font.setBold(True)
        self.heading.setFont(font)
        self.legend = QWidget(self)
        self.legend.setObjectName("coderLegend")
        self.legend_lay = QHBoxLayout(self.legend)
        self.legend_lay.setContentsMargins(0, 0, 0, 0)
        self.list = QListWidget(self)
        self.list.setObjectName("disagreementList")
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list.currentItemChanged.connect(self._on_list_current_item_changed)
        self.versions = QWidget()
        self.versions.setObjectName("versions")
        self.versions_lay = QGridLayout(self.versions)
        self.versions_lay.setContentsMargins(0, 0, 4, 0)
        self.versions_lay.setColumnStretch(1, 1)
        self.versions_lay.setVerticalSpacing(8)
        self.versions_scroll = QScrollArea(self)
        self.versions_scroll.setObjectName("versionsScroll")
        self.versions_scroll.setWidgetResizable(True)
        self.versions_scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.versions_scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.versions_scroll.setWidget(self.versions)
        self.versions_scroll.setMinimumHeight(120)
        self.buttons = QWidget(self)
        self.buttons_lay = QHBoxLayout(self.buttons)
        self.buttons_lay.setContentsMargins(0, 0, 0, 0)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(4, 4, 4, 4)
        lay.addWidget(self.heading)
        lay.addWidget(self.legend)
        lay.addWidget(self.list, 2)
        lay.addWidget(self.versions_scroll, 3)
        lay.addWidget(self.buttons)

    def set_actions(self, actions: list[QAction]) -> None:
        """The decision actions, shown as buttons (their keys work in the whole panel)."""
        for action in actions:
            button = QToolButton(self.buttons)
            button.setDefaultAction(action)
            button.setObjectName(f"button_{action.objectName()}")
            self.buttons_lay.addWidget(button)
        self.buttons_lay.addStretch(1)

    def set_adjudication(self, adjudication: Adjudication | None) -> None:
        self.adjudication = adjudication
        self._fill_legend()
        self.refresh()

    def _fill_legend(self) -> None:
        while self.legend_lay.count():
            item = self.legend_lay.takeAt(0)
            if item.widget() is not None:
                item.widget().deleteLater()
        adj = self.adjudication
        if adj is None:
            return
        for i, coder in enumerate(adj.coders):
            swatch = plain_label(f"▬ {adj.letter(coder)}: {coder}", self.legend)
            swatch.setObjectName(f"legend_{adj.letter(coder)}")
            swatch.setStyleSheet(f"color: {lane_color(i)}; font-weight: bold;")
            self.legend_lay.addWidget(swatch)
        self.legend_lay.addStretch(1)

    def refresh(self) -> None:
        """Show the adjudication as it is now (after a decision, an undo, a step)."""
        adj = self.adjudication
        self._quiet = True
        try:
            self.list.clear()
            if adj is None:
                self.heading.setText("")
                return
            for item_id in adj.item_ids():
                row = QListWidgetItem(adj.title(item_id))
                row.setData(ID_ROLE, item_id)
                decided = "decision" in (adj.item(item_id) or {})
                row.setForeground(DECIDED_COLOR if decided else OPEN_COLOR)
                self.list.addItem(row)
                if item_id == adj.current:
                    self.list.setCurrentItem(row)
            self.heading.setText(adj.heading())
        finally:
            self._quiet = False
        self._show_versions()

    def _show_versions(self) -> None:
        while self.versions_lay.count():
            item = self.versions_lay.takeAt(0)
            if item.widget() is not None:
                item.widget().deleteLater()
        adj = self.adjudication
        if adj is None or adj.current is None:
            return
        self.versions_lay.setRowStretch(len(adj.coders), 1)
        # A version's text starts beside its coder's tag: the tag's side of the panel, as
        # drawn (AlignAbsolute), whatever the direction the text itself is read in.
        beside_tag = (Qt.AlignmentFlag.AlignRight if self.layoutDirection()
                      == Qt.LayoutDirection.RightToLeft else Qt.AlignmentFlag.AlignLeft)
        for row, version in enumerate(adj.versions(adj.current)):
            letter = adj.letter(version.coder)
            tag = plain_label(f"{letter} · {version.coder}", self.versions)
            tag.setStyleSheet(f"color: {lane_color(adj.coders.index(version.coder))};"
                              " font-weight: bold;")
            text = plain_label(version.text or tr("adjudication", "(nothing here)"),
                               self.versions)
            text.setObjectName(f"version_{letter}")
            text.setLayoutDirection(Qt.LayoutDirection.RightToLeft if is_rtl(text.text())
                                    else Qt.LayoutDirection.LeftToRight)
            text.setAlignment(beside_tag | Qt.AlignmentFlag.AlignAbsolute
                              | Qt.AlignmentFlag.AlignVCenter)
            self.versions_lay.addWidget(tag, row, 0, Qt.AlignmentFlag.AlignTop)
            self.versions_lay.addWidget(text, row, 1)

    def version_texts(self) -> dict[str, str]:
        """What the panel shows of each coder's version (for tests and status lines)."""
        adj = self.adjudication
        if adj is None or adj.current is None:
            return {}
        return {v.coder: v.text for v in adj.versions(adj.current)}

    def _on_list_current_item_changed(self, current: QListWidgetItem | None,
                                      _previous: QListWidgetItem | None) -> None:
        if self._quiet or current is None or self.adjudication is None:
            return
        item_id = current.data(ID_ROLE)
        if item_id != self.adjudication.current:
            self.adjudication.current = item_id
            self._show_versions()
            self.itemChosen.emit(item_id)
