"""Windows in tests: shown and active (so keys reach them), and walked for every string they show,
each with how Qt will show it: as it is, as a mnemonic text (``&`` underlines), or as rich text
when Qt guesses so (tooltips and ``AutoText`` labels use ``Qt::mightBeRichText``)."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from PySide6 import QtGui
from PySide6.QtCore import QAbstractItemModel, QModelIndex, Qt
from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QApplication,
    QComboBox,
    QGroupBox,
    QLabel,
    QMenu,
    QWidget,
)

PLAIN, MNEMONIC, GUESSED, RICH = "plain", "mnemonic", "guessed", "rich"


def show_active(qtbot, window: QWidget, width: int, height: int) -> None:  # type: ignore[no-untyped-def]
    """Show ``window`` at that size and wait until it is the active window."""
    window.resize(width, height)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
ROLES = ((Qt.ItemDataRole.DisplayRole, PLAIN), (Qt.ItemDataRole.ToolTipRole, GUESSED))


@dataclass(frozen=True)
class Shown:
    """A string a widget holds, where it is, and how Qt reads it."""

    where: str
    text: str
    kind: str

    @property
    def rich(self) -> bool:
        return self.kind == RICH or (self.kind == GUESSED and QtGui.Qt.mightBeRichText(self.text))

    def as_seen(self) -> str:
        """What the user reads: markup rendered, mnemonics taken out."""
        if self.rich:
            doc = QTextDocument()
            doc.setHtml(self.text)
            return doc.toPlainText()
        if self.kind == MNEMONIC:
            return "&".join(part.replace("&", "") for part in self.text.split("&&"))
        return self.text


def model_strings(model: QAbstractItemModel, where: str,
                  parent: QModelIndex | None = None) -> Iterator[Shown]:
    parent = parent if parent is not None else QModelIndex()
    for row in range(model.rowCount(parent)):
        col = 0
        while (index := model.index(row, col, parent)).isValid():
            for role, kind in ROLES:
                value = index.data(role)
                if isinstance(value, str) and value:
                    yield Shown(f"{where}[{row},{col}]", value, kind)
            if model.rowCount(index):
                yield from model_strings(model, where, index)
            col += 1


def widget_strings(root: QWidget) -> Iterator[Shown]:
    """Every string ``root`` and its children show, with their actions' texts and tips."""
    for widget in [root, *root.findChildren(QWidget)]:
        name = f"{type(widget).__name__}#{widget.objectName()}"
        yield Shown(name + ".toolTip", widget.toolTip(), GUESSED)
        yield Shown(name + ".windowTitle", widget.windowTitle(), PLAIN)
        if isinstance(widget, QLabel):
            fmt = widget.textFormat()
            kind = PLAIN if fmt == Qt.TextFormat.PlainText else \
                GUESSED if fmt == Qt.TextFormat.AutoText else RICH
            yield Shown(name + ".text", widget.text(), kind)
        if isinstance(widget, QAbstractButton):
            yield Shown(name + ".text", widget.text(), MNEMONIC)
        if isinstance(widget, QGroupBox):
            yield Shown(name + ".title", widget.title(), MNEMONIC)
        if isinstance(widget, QMenu):
            yield Shown(name + ".title", widget.title(), MNEMONIC)
        if isinstance(widget, QComboBox):
            yield from model_strings(widget.model(), name)
        elif isinstance(widget, QAbstractItemView) and widget.model() is not None:
            yield from model_strings(widget.model(), name)
        for action in widget.actions():
            where = f"{name}/action {action.objectName()}"
            yield Shown(where + ".text", action.text(), MNEMONIC)
            yield Shown(where + ".toolTip", action.toolTip(), GUESSED)
            yield Shown(where + ".statusTip", action.statusTip(), PLAIN)


def every_text(root: QWidget) -> list[str]:
    """Every string the widgets hold, as the user reads it."""
    return [s.as_seen() for s in widget_strings(root) if s.text]
