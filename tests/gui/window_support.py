"""Helpers shared by the tests of the window's search parts: a shown window, Arabic typing."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget

from annotator.gui.dialogs import QuietAsker
from annotator.gui.main_window import MainWindow
from annotator.storage.project import Project


def shown_window(qtbot, project: Project, doc_id: str) -> MainWindow:  # type: ignore[no-untyped-def]
    """A window on ``project``, shown and active, with ``doc_id`` open and the text focused."""
    window = MainWindow(project, "tester", asker=QuietAsker())
    qtbot.addWidget(window)
    window.resize(1300, 820)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    assert window.open_document(doc_id)
    window.document_view.setFocus()
    return window


def close_window(window: MainWindow) -> None:
    window.close_document(ask=False)
    window.close()


def type_text(widget: QWidget, text: str) -> None:
    """Type ``text`` as key events (``qtbot.keyClicks`` aborts on non-ASCII characters)."""
    for ch in text:
        QTest.sendKeyEvent(QTest.KeyAction.Click, widget, Qt.Key.Key_unknown, ch,
                           Qt.KeyboardModifier.NoModifier)
