"""The window's settings, typed: each one has a name, a type and a default, read and written
in one place (QSettings returns strings from INI files, so every read is converted here)."""

from __future__ import annotations

import contextlib
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any
from urllib.parse import quote

from PySide6.QtCore import QByteArray, QSettings, QSize
from PySide6.QtWidgets import QMainWindow

from annotator.gui.document_view import DocumentView
from annotator.gui.text_direction import AUTO, DIRECTION_MODES


@dataclass(frozen=True)
class Option:
    key: str
    type: type
    default: Any
    choices: tuple[Any, ...] = ()  # when given, any other stored value reads as the default


SNAP_TO_WORDS = Option("snap_to_words", bool, True)
ZOOM = Option("zoom", int, 0)
GEOMETRY = Option("window/geometry", QByteArray, None)
STATE = Option("window/state", QByteArray, None)
CODER = Option("coder", str, "")
LANGUAGE = Option("language", str, "auto")  # "auto" (the system's), or a code of i18n
SHOW_INVISIBLES = Option("show_invisibles", bool, False)
# Per document (``for_document``): how its text is laid out.
TEXT_DIRECTION = Option("text_direction", str, AUTO, choices=DIRECTION_MODES)


def for_document(option: Option, project: Path, doc_id: str) -> Option:
    """``option`` kept for one document of one project: its key names both, percent-encoded
    (a path's slashes would otherwise make settings groups)."""
    where = quote(str(Path(project).resolve()), safe="")
    return replace(option, key=f"{option.key}/{where}/{quote(doc_id, safe='')}")


class Preferences:
    """Typed access to the coder's settings; without a ``QSettings`` every read is the default
    and every write is dropped (screenshots and tests leave the coder's settings alone)."""

    def __init__(self, settings: QSettings | None) -> None:
        self.settings = settings

    def get(self, option: Option) -> Any:
        if self.settings is None:
            return option.default
        value = _convert(option, self.settings.value(option.key))
        if option.choices and value not in option.choices:
            return option.default
        return value

    def set(self, option: Option, value: Any) -> None:
        if self.settings is not None:
            self.settings.setValue(option.key, value)

    def sync(self) -> None:
        if self.settings is not None:
            self.settings.sync()


def _convert(option: Option, value: Any) -> Any:
    """A stored value as ``option``'s type (the default if it is missing or unreadable)."""
    if value is None:
        return option.default
    if option.type is bool:
        return value.lower() in ("1", "true", "yes") if isinstance(value, str) else bool(value)
    if option.type is int:
        with contextlib.suppress(TypeError, ValueError):
            return int(str(value))
        return option.default
    if option.type is str:
        return str(value)
    return value if isinstance(value, option.type) else option.default


DEFAULT_SIZE = QSize(1440, 900)
# What a window manager's frame and title bar may take around the window (``resize`` sets the
# size inside them).
FRAME_ALLOWANCE = QSize(16, 48)


def default_size(window: QMainWindow) -> QSize:
    """1440 x 900, or the screen's free area less a frame if that is smaller (a 1366 x 768
    laptop keeps the side panels and the status bar in view)."""
    screen = window.screen()
    if screen is None:
        return DEFAULT_SIZE
    return DEFAULT_SIZE.boundedTo(screen.availableGeometry().size() - FRAME_ALLOWANCE)


def restore_window(preferences: Preferences, window: QMainWindow, view: DocumentView) -> None:
    """Geometry, dock layout and zoom as the coder left them (a default size otherwise)."""
    geometry, state = preferences.get(GEOMETRY), preferences.get(STATE)
    if geometry is None or not window.restoreGeometry(geometry):
        window.resize(default_size(window))
    if state is not None:
        window.restoreState(state)
    view.set_zoom(preferences.get(ZOOM))


def save_window(preferences: Preferences, window: QMainWindow, view: DocumentView,
                snap_to_words: bool) -> None:
    preferences.set(SNAP_TO_WORDS, snap_to_words)
    preferences.set(GEOMETRY, window.saveGeometry())
    preferences.set(STATE, window.saveState())
    preferences.set(ZOOM, view.zoom_level)
    preferences.sync()
