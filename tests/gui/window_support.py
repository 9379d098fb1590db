"""Helpers for tests that drive the whole window: a copy of the sample project, a shown and
active window with a document open, selecting text, typing Arabic; and a walk over every
string a window shows, each with how Qt will show it: as it is, as a mnemonic text (``&``
underlines), or as rich text when Qt guesses so (tooltips and ``AutoText`` labels use
``Qt::mightBeRichText``)."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from PySide6 import QtGui
from PySide6.QtCore import QAbstractItemModel, QModelIndex, Qt
from PySide6.QtGui import QTextDocument
from PySide6.QtTest import QTest
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

from annotator.core.model import Document
from annotator.gui.dialogs import QuietAsker
from annotator.gui.main_window import MainWindow
from annotator.paths import resource
from annotator.storage.project import Project

SAMPLE_DOC = "sample-article"


def sample_project(folder: Path) -> Project:
    """A copy of the bundled sample project (one article, two coders and a gold set)."""
    shutil.copytree(resource("sample-project"), folder / "sample")
    return Project.open(folder / "sample")


def paragraphs_project(folder: Path, article: str, n: int) -> Project:
    """A new project of the article's first ``n`` paragraphs, documents ``p1``... titled
    "Paragraph 1"..."""
    paragraphs = [p for p in article.split("\n") if p.strip()]
    project = Project.init(folder / "project")
    project.add_documents([Document(f"p{i + 1}", text, {"title": f"Paragraph {i + 1}"})
                           for i, text in enumerate(paragraphs[:n])])
    return project


def open_window(qtbot, project: Project, coder: str = "newcoder",  # type: ignore[no-untyped-def]
                size: tuple[int, int] = (1300, 820), doc: str = SAMPLE_DOC,
                **kwargs: object) -> MainWindow:
    """A shown, active window with ``doc`` (the sample article) open and the text focused."""
    window = MainWindow(project, coder, asker=QuietAsker(), offer_recovery=False, **kwargs)
    qtbot.addWidget(window)
    window.resize(*size)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    assert window.open_document(doc)
    window.document_view.setFocus()
    return window


def shown_window(qtbot, project: Project, doc_id: str) -> MainWindow:  # type: ignore[no-untyped-def]
    """A window of coder "tester" on ``project``, with ``doc_id`` open and the text focused."""
    return open_window(qtbot, project, coder="tester", doc=doc_id)


def close_window(window: MainWindow) -> None:
    window.close_document(ask=False)
    window.close()


def select_text(window: MainWindow, needle: str, occurrence: int = 0) -> tuple[int, int]:
    """Select the ``occurrence``-th ``needle`` in the text and focus the text."""
    text = window.doc.session.document.text
    start = -1
    for _ in range(occurrence + 1):
        start = text.index(needle, start + 1)
    window.document_view.select_range(start, start + len(needle))
    window.document_view.setFocus()
    return start, start + len(needle)


def type_text(widget: QWidget, text: str) -> None:
    """Type ``text`` as key events (``qtbot.keyClicks`` aborts on non-ASCII characters)."""
    for ch in text:
        QTest.sendKeyEvent(QTest.KeyAction.Click, widget, Qt.Key.Key_unknown, ch,
                           Qt.KeyboardModifier.NoModifier)


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
