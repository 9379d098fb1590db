"""Saving from the window: the open document's saves and recovery files, on the writer thread.

``Saver`` turns the application layer's write jobs (``DocumentHandle.save_job``,
``recovery_job``) into background writes and brings each result back to the GUI thread: a
finished save is announced on ``saved``, a refused one is put to the coder. Small sets are
saved while the caller waits; large ones in the background, so the window never stalls.
"""

from __future__ import annotations

import sys
from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer, Signal

from annotator.app.document import DocumentHandle, SaveResult
from annotator.app.state import CodingState
from annotator.app.writer import SAVE, WriteJob, Writer
from annotator.errors import AnnotatorError
from annotator.gui.bridges import WriterBridge
from annotator.gui.dialogs import Asker
from annotator.i18n import tr

# Sets up to this size are saved while the caller waits (measured well under 50 ms); larger
# ones are validated and written by the writer thread from a snapshot.
SYNC_SAVE_LIMIT = 1500


class Saver(QObject):
    """Saves and autosaves of the state's open document."""

    saved = Signal(object, object)  # the handle and its SaveResult, after a save succeeded

    def __init__(self, state: CodingState, asker: Asker, show_message: Callable[[str], None],
                 autosave_ms: int, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.state = state
        self.asker = asker
        self.show_message = show_message
        self.bridge = WriterBridge(self)
        self.bridge.finished.connect(self._on_writer_finished)
        self.autosave = QTimer(self)
        self.autosave.setSingleShot(True)
        self.autosave.setInterval(autosave_ms)
        self.autosave.timeout.connect(self.write_recovery)

    @property
    def writer(self) -> Writer:
        return self.bridge.writer

    def save(self, wait: bool | None = None) -> bool:
        """Validate and write the open document.

        ``wait=None`` saves small sets at once and large ones in the writer thread (the result
        arrives later); ``True`` always waits. Returns False if the save was refused.
        """
        handle = self.state.handle
        if handle is None:
            return False
        refusal = handle.save_refusal()
        if refusal:
            if handle.read_only:
                self.show_message(tr("saving", "Not saved: {reason}").format(
                    reason=handle.read_only))
            else:  # someone removed or took over our lock: never overwrite their work
                self.asker.error(tr("saving", "Not saved"), refusal)
                self.write_recovery(wait=True)
            return False
        job = handle.save_job()
        self.writer.submit(job)
        aset = handle.session.aset
        if wait is None:
            wait = len(aset.spans) + 4 * len(aset.events) <= SYNC_SAVE_LIMIT
        if not wait:
            # No "Saving…" message: showing one repaints the window now, while the writer
            # holds the GIL; "Saved" follows in a moment.
            return True
        self.wait()
        return job.error is None

    def write_recovery(self, *, wait: bool = False) -> None:
        """Write the unsaved work of the open document to its recovery file (the idle timer
        does this a few seconds after the last change), or remove it when nothing is
        unsaved."""
        handle = self.state.handle
        if handle is None or handle.read_only:
            return
        self.writer.submit(handle.recovery_job())
        if wait:
            self.wait()

    def discard_recovery(self, handle: DocumentHandle) -> None:
        """Forget the handle's unsaved work on disk (after the writer is idle)."""
        self.wait()
        try:
            handle.discard_recovery()
        except AnnotatorError as exc:
            self.show_message(str(exc))

    def wait(self) -> None:
        """Block until the writer is idle and take its jobs in now (their queued signals are
        then ignored when they arrive)."""
        for job in self.writer.wait():
            self._on_writer_finished(job)

    def shutdown(self) -> None:
        self.autosave.stop()
        for job in self.writer.shutdown():
            self._on_writer_finished(job)

    def _on_writer_finished(self, job: WriteJob) -> None:
        if job.handled:
            return
        if job.kind == SAVE:
            self._finish_save(job)
            return
        job.handled = True
        if isinstance(job.error, AnnotatorError):
            self.show_message(tr("saving", "Autosave failed: {error}").format(error=job.error))
        elif job.error is not None:
            sys.excepthook(type(job.error), job.error, job.error.__traceback__)

    def _finish_save(self, job: WriteJob) -> None:
        handle = job.handle
        try:
            result: SaveResult = handle.finish_save(job)
        except AnnotatorError as exc:
            self.show_message(tr("saving", "Not saved"))
            self.asker.error(tr("saving", "Not saved"), str(exc))
            return
        except Exception as exc:  # a bug: reported, never silent
            sys.excepthook(type(exc), exc, exc.__traceback__)
            return
        if result.note:
            self.show_message(result.note)
        text = tr("saving", "Saved {doc} · {count} still missing") if result.todo \
            else tr("saving", "Saved {doc}")
        self.show_message(text.format(doc=handle.id, count=result.todo))
        self.saved.emit(handle, result)
