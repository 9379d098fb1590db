"""Coding time: counted while the window is active and the coder is doing something.

Activity is what the window reports (edits, selections, scrolling, any action), not an
application-wide event filter: a Python call per Qt event makes the GUI thread wait for the
GIL on every event while the writer thread works.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from PySide6.QtCore import QObject, Qt, QTimer
from PySide6.QtWidgets import QApplication

from annotator.app.state import CodingState

IDLE_CUTOFF_SECONDS = 300  # no edit, selection, scroll or command this long: time stops


class CodingClock(QObject):
    """Adds a second to the open document's time each second the coder is at work, and
    calls ``ticked`` after."""

    def __init__(self, state: CodingState, ticked: Callable[[], None],
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.state = state
        self.ticked = ticked
        self.last_activity = time.monotonic()
        self._timer = QTimer(self)
        self._timer.setInterval(1000)
        self._timer.timeout.connect(self._on_timer_timeout)
        self._timer.start()

    def note_activity(self, *_args: object) -> None:
        self.last_activity = time.monotonic()

    def stop(self) -> None:
        self._timer.stop()

    def _on_timer_timeout(self) -> None:
        handle = self.state.handle
        if handle is None or handle.read_only:
            return
        active = QApplication.applicationState() == Qt.ApplicationState.ApplicationActive
        if active and time.monotonic() - self.last_activity < IDLE_CUTOFF_SECONDS:
            handle.seconds += 1.0
            self.ticked()
