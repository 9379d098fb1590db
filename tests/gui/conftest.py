"""Fixtures for the Qt layer: settings in a temporary folder, a clean clipboard at exit, a shown
text view, and windows on the sample project closed after the test."""

from __future__ import annotations

from pathlib import Path

import pytest


@pytest.fixture(autouse=True)
def temp_settings(tmp_path: Path):  # type: ignore[no-untyped-def]
    """Every GUI test keeps its settings in a temporary folder, never the user's."""
    from PySide6.QtCore import QSettings

    from annotator.gui import app as gui_app

    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope,
                      str(tmp_path / "settings"))
    return gui_app.app_settings()


@pytest.fixture(scope="session", autouse=True)
def _release_clipboard_at_exit():  # type: ignore[no-untyped-def]
    """Copies in tests leave Python-made data on the clipboard; Qt would free it after the
    interpreter is gone and crash the run at exit (see ``release_clipboard``)."""
    yield
    from annotator.gui.document_view import release_clipboard

    release_clipboard()


@pytest.fixture
def shown_view(qtbot):  # type: ignore[no-untyped-def]
    """``shown_view(width, height)``: a shown, exposed ``DocumentView`` of that size."""
    from annotator.gui.document_view import DocumentView

    def make(width: int = 900, height: int = 500) -> DocumentView:
        view = DocumentView()
        view.resize(width, height)
        qtbot.addWidget(view)
        view.show()
        qtbot.waitExposed(view)
        return view

    return make


@pytest.fixture
def window_opener(qtbot):  # type: ignore[no-untyped-def]
    """``window_opener(project, **options)``: ``window_support.open_window``, the windows
    closed (their documents unlocked) when the test ends."""
    from window_support import close_window, open_window

    opened = []

    def open_(project, **options):  # type: ignore[no-untyped-def]
        window = open_window(qtbot, project, **options)
        opened.append(window)
        return window

    yield open_
    for window in opened:
        close_window(window)
