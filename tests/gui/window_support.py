"""Helpers for tests that drive the whole window: a copy of the sample project, a shown and
active window with a document open, selecting text, and typing Arabic."""

from __future__ import annotations

import shutil
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget

from annotator.gui.dialogs import QuietAsker
from annotator.gui.main_window import MainWindow
from annotator.paths import resource
from annotator.storage.project import Project

SAMPLE_DOC = "sample-article"


def sample_project(folder: Path) -> Project:
    """A copy of the bundled sample project (one article, two coders and a gold set)."""
    shutil.copytree(resource("sample-project"), folder / "sample")
    return Project.open(folder / "sample")


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
