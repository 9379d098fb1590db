"""Fixtures for the Qt layer: the shared data folder and a shown DocumentView."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

_SHARED = Path(__file__).resolve().parents[3] / "shared"


@pytest.fixture(scope="session")
def shared_data() -> Path:
    """``shared/data`` beside the clone (or under ``$ANNOTATOR_SHARED`` in CI)."""
    root = _SHARED if _SHARED.is_dir() else Path(os.environ.get("ANNOTATOR_SHARED", _SHARED))
    data = root / "data"
    if not data.is_dir():
        pytest.skip(f"shared data folder not found at {data}")
    return data


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
