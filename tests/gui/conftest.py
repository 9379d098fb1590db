"""Fixtures for the Qt layer: settings in a temporary folder, and a clean clipboard at exit."""

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
