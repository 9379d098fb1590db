"""Two small adapters between the Qt-free application layer and the Qt event loop.

``WriterBridge`` brings a finished background write back to the GUI thread (a queued signal).
``IssueDebouncer`` is the one place that decides when the window shows new issues: the tracker
updates as each edit lands; the window repaints the marks once the coder's keys settle.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QTimer, Signal

from annotator.app.issues import IssueTracker
from annotator.app.writer import WriteJob, Writer


class WriterBridge(QObject):
    """The writer thread's ``finished`` arrives on the GUI thread."""

    finished = Signal(object)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.writer = Writer(on_finished=self._emit)

    def _emit(self, job: WriteJob) -> None:  # on the writer thread: Qt queues the signal
        self.finished.emit(job)


class IssueDebouncer(QObject):
    """``issuesChanged`` once after a burst of edits (the tracker is current at every edit;
    repainting every mark per key press is what this saves)."""

    issuesChanged = Signal()
    DELAY_MS = 30

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._tracker: IssueTracker | None = None
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(self.DELAY_MS)
        self._timer.timeout.connect(self.issuesChanged)

    def set_tracker(self, tracker: IssueTracker | None) -> None:
        if self._tracker is not None:
            self._tracker.changed.disconnect(self._on_tracker_changed)
        self._tracker = tracker
        self._timer.stop()
        if tracker is not None:
            tracker.changed.connect(self._on_tracker_changed)

    def pending(self) -> bool:
        """Whether new issues are waiting to be shown."""
        return self._timer.isActive()

    def flush(self) -> None:
        """Show the current issues now (before a decision that reads them)."""
        if self._timer.isActive():
            self._timer.stop()
            self.issuesChanged.emit()

    def _on_tracker_changed(self, _tracker: IssueTracker) -> None:
        self._timer.start()
