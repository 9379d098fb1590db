"""The annotation window: the text in the middle, documents, spans and events around it.

The window owns the document being coded (``OpenDocument``: its session, its ``QUndoStack``,
its lock) and is the only place that applies edits: the widgets around it emit the edit they
want and ``push_edit`` checks and pushes it, so every change is one undo step. The
``QUndoStack``'s clean state is the single "modified" flag. Saving and autosaving take a
snapshot (``AnnotationSet.to_dict``) on this thread and, for large sets, validate and write it
in a worker thread so the window never stalls (see ``benchmarks/bench_window.py``).
"""

from __future__ import annotations

import contextlib
import gc
import sys
import time
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, TypeVar

from PySide6.QtCore import (
    QObject,
    QPoint,
    QSettings,
    QSignalBlocker,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QAction, QCloseEvent, QUndoStack
from PySide6.QtWidgets import (
    QApplication,
    QDockWidget,
    QLabel,
    QMainWindow,
    QMenu,
    QWidget,
)

from annotator.core import selection as snapping
from annotator.core.edits import (
    AddRoleFiller,
    AddSpan,
    AnnotationSession,
    CreateEvent,
    DeleteEvent,
    Edit,
    Macro,
    RelabelSpan,
    RemoveSpan,
    ResizeSpan,
    SetEventType,
    SetStatus,
)
from annotator.core.events import ChangeBatch
from annotator.core.model import AnnotationSet, Document, Span
from annotator.core.validation import (
    ERROR,
    TODO,
    WARNING,
    Issue,
    validate_annotation_data,
)
from annotator.errors import AnnotatorError
from annotator.gui.actions import (
    ActionSpec,
    build_actions,
    build_menus,
    build_toolbars,
    shortcut_sheet_html,
    window_actions,
)
from annotator.gui.dialogs import Asker
from annotator.gui.document_list import DocumentList
from annotator.gui.document_view import DocumentView, SpanMark
from annotator.gui.event_panel import EventPanel
from annotator.gui.recovery import AUTOSAVE_IDLE_SECONDS, RecoveryStore, RestoreWork
from annotator.gui.span_table import SpanTable
from annotator.gui.undo import push_edit
from annotator.storage.atomic import cleanup_stale_temps
from annotator.storage.listing import document_rows
from annotator.storage.lock import FileLock, LockedError
from annotator.storage.project import MISFILED_WHERE, Project

if TYPE_CHECKING:  # the export and import modules load when a dialog first opens
    from annotator.formats.importing import ImportReport
    from annotator.gui.transfer import AgreementDialog, ExportDialog, ImportDialog

    _Transfer = TypeVar("_Transfer", ExportDialog, ImportDialog, AgreementDialog)

# Sets up to this size are saved on the GUI thread (measured well under 50 ms); larger ones
# are validated and written by the worker thread from a snapshot.
SYNC_SAVE_LIMIT = 1500
VALIDATION_DELAY_MS = 300
IDLE_CUTOFF_SECONDS = 300  # no edit, selection, scroll or command this long: time stops
EVENT_PANEL_WIDTH = 380


@dataclass(eq=False)
class OpenDocument:
    """The document being coded and everything tied to it while it is open."""

    session: AnnotationSession
    stack: QUndoStack
    lock: FileLock | None
    read_only: bool
    lock_message: str = ""
    seconds: float = 0.0  # time spent since the last save, added to the set on save
    generation: int = 0  # bumped on every change (undo and redo included)
    # Written by the writer thread (ints, so the GIL keeps them whole):
    saved_generation: int = -1
    recovery_generation: int = -1
    issues: list[Issue] = field(default_factory=list)
    next_numbers: dict[str, int] = field(default_factory=dict)  # see MainWindow.new_id

    @property
    def id(self) -> str:
        return self.session.document.id

    @property
    def title(self) -> str:
        return self.session.document.title

    @property
    def dirty(self) -> bool:
        return not self.stack.isClean()


@dataclass(eq=False)
class WriteJob:
    """One piece of background writing; ``result``/``error`` are set by the worker."""

    kind: str  # "save", "recovery" or "discard"
    doc: OpenDocument
    snapshot: dict[str, Any] | None = None
    generation: int = 0
    stack_index: int = 0
    result: Any = None
    error: BaseException | None = None
    handled: bool = False


class BackgroundWriter(QObject):
    """One worker thread that runs writes in order; ``finished`` arrives on the GUI thread.

    The worker's validation and serialisation are Python and hold the GIL. Every Python call
    the GUI thread makes meanwhile (an item view's ``data()`` while painting) waits for the GIL
    up to the interpreter's switch interval (5 ms), so a repaint of a few hundred cells could
    stall for the whole job. While a job runs the switch interval is cut to 0.5 ms.
    """

    finished = Signal(object)
    SWITCH_INTERVAL = 0.0005

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="annotator-writer")
        self._pending: list[tuple[WriteJob, Future[None]]] = []

    def submit(self, job: WriteJob, work: Callable[[WriteJob], Any]) -> None:
        def run() -> None:
            normal = sys.getswitchinterval()
            sys.setswitchinterval(min(normal, self.SWITCH_INTERVAL))
            try:
                job.result = work(job)
            except BaseException as exc:  # reported on the GUI thread
                job.error = exc
            finally:
                sys.setswitchinterval(normal)
            self.finished.emit(job)

        self._pending = [(j, f) for j, f in self._pending if not f.done()]
        self._pending.append((job, self._pool.submit(run)))

    def wait(self) -> list[WriteJob]:
        """Block until every submitted job has run; return them (in order)."""
        pending, self._pending = self._pending, []
        for _job, future in pending:
            future.result()
        return [job for job, _ in pending]

    def shutdown(self) -> list[WriteJob]:
        jobs = self.wait()
        self._pool.shutdown(wait=True)
        return jobs


class MainWindow(QMainWindow):
    """One project, one coder, one open document at a time."""

    documentOpened = Signal(str)
    saved = Signal(str)  # document id, after a save succeeded
    message = Signal(str)  # every status message, for tests and logs

    def __init__(self, project: Project, coder: str, *, asker: Asker | None = None,
                 settings: QSettings | None = None,
                 autosave_seconds: float = AUTOSAVE_IDLE_SECONDS,
                 offer_recovery: bool = True, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("mainWindow")
        self.project = project
        self.coder = coder
        self.codebook = project.codebook
        self.asker = asker if asker is not None else Asker(self)
        self.settings = settings
        self.offer_recovery = offer_recovery
        self.recovery = RecoveryStore(project, coder)
        self.doc: OpenDocument | None = None
        self.snap_to_words = True
        self._doc_ids: list[str] = []
        self._statuses: dict[str, str] = {}
        self._misfiled_told: set[str] = set()  # documents whose misfiled file was explained
        self._selected_span: str | None = None
        self._chosen_span: str | None = None  # last span clicked or picked, for "fit span"
        self._current_event: str | None = None
        self._last_event_type: str | None = None
        self._exact_selection: tuple[int, int] | None = None
        self.transfer_dialog: ExportDialog | ImportDialog | AgreementDialog | None = None

        self._build_widgets()
        self.action_specs: list[ActionSpec] = window_actions(self.codebook)
        self.action_map: dict[str, QAction] = build_actions(
            self, self.action_specs, [self.document_view, self.span_table.view])
        self.menus = build_menus(self.menuBar(), self.action_specs, self.action_map)
        self.toolbars = build_toolbars(self, self.action_specs, self.action_map)
        self._build_status_bar()

        self.writer = BackgroundWriter(self)
        self.writer.finished.connect(self._on_writer_finished)
        self._autosave_timer = QTimer(self)
        self._autosave_timer.setSingleShot(True)
        self._autosave_timer.setInterval(int(autosave_seconds * 1000))
        self._autosave_timer.timeout.connect(self._on_autosave_timer_timeout)
        self._validation_timer = QTimer(self)
        self._validation_timer.setSingleShot(True)
        self._validation_timer.setInterval(VALIDATION_DELAY_MS)
        self._validation_timer.timeout.connect(self.refresh_validation)
        self._clock = QTimer(self)
        self._clock.setInterval(1000)
        self._clock.timeout.connect(self._on_clock_timeout)
        self._clock.start()
        # Activity, for the time spent: edits, selections, scrolling and any action. (Not an
        # application-wide event filter: a Python call per Qt event makes the GUI thread wait
        # for the GIL on every event while the writer thread works.)
        self._last_activity = time.monotonic()
        self.document_view.verticalScrollBar().valueChanged.connect(self._note_activity)
        self.document_view.selectionRangeChanged.connect(self._note_activity)
        for action in self.action_map.values():
            action.triggered.connect(self._note_activity)

        self._restore_settings()
        with QSignalBlocker(self.action_map["snap_words"]):
            self.action_map["snap_words"].setChecked(self.snap_to_words)
        self.set_document_rows()
        self._update_title()
        self.update_actions()

    # -- construction --------------------------------------------------------------------------
    def _build_widgets(self) -> None:
        self.document_view = DocumentView(self)
        self.document_view.tooltip_provider = self._span_tooltip
        self.setCentralWidget(self.document_view)

        self.document_list = DocumentList(self)
        self.span_table = SpanTable(self)
        self.event_panel = EventPanel(self)
        self.event_panel.events_model.cache.refreshed.append(self.refresh_validation)
        self.event_panel.setMinimumWidth(300)

        self.documents_dock = self._dock("Documents", "documentsDock", self.document_list,
                                         Qt.DockWidgetArea.LeftDockWidgetArea)
        self.spans_dock = self._dock("Spans", "spansDock", self.span_table,
                                     Qt.DockWidgetArea.BottomDockWidgetArea)
        self.events_dock = self._dock("Coding", "eventsDock", self.event_panel,
                                      Qt.DockWidgetArea.RightDockWidgetArea)
        self.setCorner(Qt.Corner.BottomRightCorner, Qt.DockWidgetArea.RightDockWidgetArea)
        self.setCorner(Qt.Corner.BottomLeftCorner, Qt.DockWidgetArea.LeftDockWidgetArea)
        self.resizeDocks([self.events_dock, self.documents_dock], [EVENT_PANEL_WIDTH, 210],
                         Qt.Orientation.Horizontal)
        self.resizeDocks([self.spans_dock], [220], Qt.Orientation.Vertical)

        self.document_view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.document_view.customContextMenuRequested.connect(
            self._on_document_view_context_menu_requested)
        self.document_view.spanClicked.connect(self._on_document_view_span_clicked)
        self.document_view.selectionRangeChanged.connect(
            self._on_document_view_selection_range_changed)
        self.document_view.zoomChanged.connect(self._on_document_view_zoom_changed)
        self.span_table.editRequested.connect(self.request_edit)
        self.span_table.spanActivated.connect(self._on_span_activated)
        self.span_table.currentSpanChanged.connect(self._on_span_table_current_span_changed)
        self.event_panel.editRequested.connect(self.request_edit)
        self.event_panel.eventSelected.connect(self._on_event_panel_event_selected)
        self.event_panel.spanActivated.connect(self._on_span_activated)
        self.document_list.documentActivated.connect(self._on_document_list_activated)

    def _dock(self, title: str, name: str, widget: QWidget,
              area: Qt.DockWidgetArea) -> QDockWidget:
        dock = QDockWidget(title, self)
        dock.setObjectName(name)
        dock.setWidget(widget)
        dock.setFeatures(QDockWidget.DockWidgetFeature.DockWidgetMovable
                         | QDockWidget.DockWidgetFeature.DockWidgetFloatable)
        self.addDockWidget(area, dock)
        return dock

    def _build_status_bar(self) -> None:
        bar = self.statusBar()
        bar.setObjectName("statusBar")

        def label(name: str, tip: str) -> QLabel:
            widget = QLabel(self)
            widget.setObjectName(name)
            widget.setTextFormat(Qt.TextFormat.PlainText)
            widget.setToolTip(tip)
            widget.setContentsMargins(8, 0, 8, 0)
            bar.addPermanentWidget(widget)
            return widget

        self.coder_label = label("coderLabel", "Coder name (the folder your annotations go to)")
        self.position_label = label("positionLabel", "This document's place in the project")
        self.validation_label = label("validationLabel",
                                      "Validation: what is missing or wrong (F8 goes there)")
        self.time_label = label("timeLabel", "Time spent coding this document")
        self.coder_label.setText(f"Coder: {self.coder}")

    def _restore_settings(self) -> None:
        if self.settings is None:
            self.resize(1440, 900)
            return
        self.snap_to_words = _as_bool(self.settings.value("snap_to_words", True))
        geometry = self.settings.value("window/geometry")
        state = self.settings.value("window/state")
        if geometry is not None:
            self.restoreGeometry(geometry)
        else:
            self.resize(1440, 900)
        if state is not None:
            self.restoreState(state)
        with contextlib.suppress(TypeError, ValueError):
            self.document_view.set_zoom(int(str(self.settings.value("zoom", 0))))

    def _save_settings(self) -> None:
        if self.settings is None:
            return
        self.settings.setValue("snap_to_words", self.snap_to_words)
        self.settings.setValue("window/geometry", self.saveGeometry())
        self.settings.setValue("window/state", self.saveState())
        self.settings.setValue("zoom", self.document_view.zoom_level)
        self.settings.sync()

    # -- documents -----------------------------------------------------------------------------
    def set_document_rows(self) -> None:
        """Fill the document list from the project (status per coder, titles from the files;
        unchanged files come from the listing cache)."""
        rows = document_rows(self.project, self.coder)
        self._doc_ids = [row.id for row in rows]
        self._statuses = {row.id: row.status for row in rows}
        self.document_list.set_documents([(row.id, row.title, row.status) for row in rows])

    def first_undone_document(self) -> str | None:
        for doc_id in self._doc_ids:
            if self._statuses.get(doc_id) not in ("done", "skipped"):
                return doc_id
        return self._doc_ids[0] if self._doc_ids else None

    def next_undone_document(self, after: str | None) -> str | None:
        """The next document (wrapping round) that is not done, or None when all are."""
        ids = self._doc_ids
        if not ids:
            return None
        start = ids.index(after) + 1 if after in ids else 0
        for doc_id in ids[start:] + ids[:start]:
            if doc_id != after and self._statuses.get(doc_id) not in ("done", "skipped"):
                return doc_id
        return None

    def open_document(self, doc_id: str) -> bool:
        """Open ``doc_id`` (asking about unsaved work first); False if it stays as it was."""
        if self.doc is not None and self.doc.id == doc_id:
            return True
        if not self.close_document():
            return False
        try:
            document = self.project.load_document(doc_id)
        except AnnotatorError as exc:
            self.asker.error("Cannot open the document", str(exc))
            return False
        lock, read_only, lock_message = self._lock(doc_id)
        try:
            aset, issues = self.project.load_annotations(self.coder, document)
        except AnnotatorError as exc:
            if lock is not None:
                lock.release()
            self.asker.error("Cannot open the annotations", str(exc))
            return False
        recovered = None
        if not read_only and self.offer_recovery:
            recovered = self._recovered(doc_id, aset)
        self._install(document, aset, lock, read_only, lock_message)
        assert self.doc is not None
        if recovered is not None:
            if self.asker.restore_recovery(document.title, recovered.summary()):
                reason = self.push(RestoreWork(recovered.annotation_set()))
                self.show_message(f"Restored unsaved work ({recovered.summary()}); "
                                  "Ctrl+Z undoes the restore" if not reason
                                  else f"Could not restore: {reason}")
            else:
                self._discard_recovery_now(doc_id)
        misfiled = [i for i in issues if i.where == MISFILED_WHERE]
        problems = [i for i in issues if i.severity == ERROR and i.where != MISFILED_WHERE]
        if misfiled:
            rel = f"annotations/{self.coder}/{doc_id}.json"
            if doc_id not in self._misfiled_told:  # explained once; after that, a reminder
                self._misfiled_told.add(doc_id)
                self.asker.error("Annotation file in another coder's folder",
                                 f"{rel}: {misfiled[0].message}.\n\nSaving it here makes it "
                                 f"your work (coder {self.coder!r}); no other coder's file is "
                                 "changed.")
            self.show_message(f"{rel} holds another coder's work; saving it makes it "
                              f"{self.coder}'s")
        elif problems:
            self.show_message(f"This file has {len(problems)} problems; first: "
                              f"{problems[0].message}")
        elif lock_message:
            self.show_message(lock_message)
        self.documentOpened.emit(doc_id)
        return True

    def _lock(self, doc_id: str) -> tuple[FileLock | None, bool, str]:
        path = self.project.annotation_path(self.coder, doc_id)
        lock = FileLock(path, coder=self.coder)
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            lock.acquire()
            # Temp files of saves that crashed (ours, from dead processes) go once we hold it.
            cleanup_stale_temps(path.parent)
        except LockedError as exc:
            self.asker.lock_notice(str(exc))
            return None, True, f"Read-only: {exc}"
        except (AnnotatorError, OSError) as exc:
            self.asker.lock_notice(f"{path}: cannot lock the file for editing ({exc})")
            return None, True, "Read-only: the file cannot be locked"
        return lock, False, ""

    def _recovered(self, doc_id: str, aset: AnnotationSet) -> Any:
        try:
            return self.recovery.load(doc_id, aset.to_dict())
        except AnnotatorError as exc:
            self.asker.error("Recovery file", str(exc))
            return None

    def _install(self, document: Document, aset: AnnotationSet, lock: FileLock | None,
                 read_only: bool, lock_message: str) -> None:
        session = AnnotationSession(document, self.codebook, aset)
        stack = QUndoStack(self)
        doc = OpenDocument(session, stack, lock, read_only, lock_message)
        self.doc = doc
        self._selected_span = None
        self._chosen_span = None
        self._current_event = None
        session.changed.connect(self._on_session_changed)
        stack.indexChanged.connect(self._on_undo_stack_index_changed)
        stack.cleanChanged.connect(self._on_undo_stack_clean_changed)

        self.document_view.set_document(document.text)
        self.document_view.set_spans(self._mark(s) for s in aset.spans)
        self.span_table.set_session(session)
        self.event_panel.set_session(session)
        self.event_panel.set_available_span(None)
        self._set_read_only_widgets(read_only)
        self.document_list.select_document(document.id)
        doc.next_numbers = {p: int(aset.next_id(p)[len(p):]) for p in ("s", "e")}
        if aset.events:
            self._set_current_event(aset.events[0].id, scroll=False)
        self._update_title()
        self._update_position()
        self._update_time()
        self.update_actions()
        self.refresh_validation()
        self.document_view.setFocus()
        # Loading made hundreds of thousands of long-lived objects. Collect once now and freeze
        # them, so the cyclic GC's full passes (30-40 ms at 10,000 spans, holding the GIL) stop
        # rescanning them while the coder edits and the writer thread saves. Unfrozen on close.
        gc.collect()
        gc.freeze()

    def _set_read_only_widgets(self, read_only: bool) -> None:
        # The widgets only ever request edits, which ``push`` refuses while read-only; the
        # event panel's editors are also disabled so nothing looks editable.
        self.event_panel.details.setEnabled(not read_only)
        self.event_panel.document_box.setEnabled(not read_only)

    def close_document(self, *, ask: bool = True) -> bool:
        """Close the open document, asking to save unsaved work; False if the coder cancels."""
        doc = self.doc
        if doc is None:
            return True
        if doc.dirty and not doc.read_only:
            answer = self.asker.unsaved_changes(doc.title) if ask else "discard"
            if answer == "cancel":
                return False
            if answer == "save":
                if not self.save_document(wait=True):
                    return False
            else:
                self._discard_recovery_now(doc.id)
        self._autosave_timer.stop()
        self._validation_timer.stop()
        self._wait_for_writer()
        doc.session.changed.disconnect(self._on_session_changed)
        with contextlib.suppress(RuntimeError, TypeError):
            doc.stack.indexChanged.disconnect(self._on_undo_stack_index_changed)
            doc.stack.cleanChanged.disconnect(self._on_undo_stack_clean_changed)
        if doc.lock is not None:
            try:
                doc.lock.release()
            except AnnotatorError as exc:
                self.show_message(str(exc))
        self.doc = None
        doc.stack.deleteLater()
        gc.unfreeze()
        self._update_title()
        self.update_actions()
        return True

    def next_document(self) -> bool:
        return self._step_document(+1)

    def previous_document(self) -> bool:
        return self._step_document(-1)

    def _step_document(self, step: int) -> bool:
        if not self._doc_ids:
            return False
        if self.doc is None:
            return self.open_document(self._doc_ids[0])
        i = self._doc_ids.index(self.doc.id) if self.doc.id in self._doc_ids else -1
        j = i + step
        if not 0 <= j < len(self._doc_ids):
            self.show_message("This is the last document" if step > 0
                              else "This is the first document")
            return False
        return self.open_document(self._doc_ids[j])

    def _on_document_list_activated(self, doc_id: str) -> None:
        if not self.open_document(doc_id) and self.doc is not None:
            self.document_list.select_document(self.doc.id)

    # -- edits ---------------------------------------------------------------------------------
    def push(self, edit: Edit) -> str:
        """Check and apply ``edit`` as one undo step; return '' or why it was refused (also
        shown in the status bar)."""
        doc = self.doc
        if doc is None:
            reason = "no document is open"
        elif doc.read_only:
            reason = doc.lock_message or "this document is open read-only"
        else:
            reason = push_edit(doc.stack, doc.session, edit)
        if reason:
            self.show_message(f"Not done: {reason}")
        return reason

    def request_edit(self, edit: object) -> None:
        """Slot for the widgets' ``editRequested``: they never edit the session themselves."""
        if isinstance(edit, Edit) and not self.push(edit) and isinstance(edit, SetEventType):
            self._last_event_type = edit.type  # the next new event starts with this type

    def undo(self) -> None:
        if self.doc is not None and self.doc.stack.canUndo():
            text = self.doc.stack.undoText()
            self.doc.stack.undo()
            self.show_message(f"Undone: {text}")

    def redo(self) -> None:
        if self.doc is not None and self.doc.stack.canRedo():
            text = self.doc.stack.redoText()
            self.doc.stack.redo()
            self.show_message(f"Redone: {text}")

    def _on_undo_stack_index_changed(self, _index: int) -> None:
        doc = self.doc
        if doc is None:
            return
        self._note_activity()
        doc.generation += 1
        self._autosave_timer.start()
        self._validation_timer.start()
        self.update_actions()

    def _on_undo_stack_clean_changed(self, _clean: bool) -> None:
        self._update_title()

    def _on_session_changed(self, batch: ChangeBatch) -> None:
        doc = self.doc
        if doc is None:
            return
        view = self.document_view
        aset = doc.session.aset
        if batch.replaced:
            view.set_spans(self._mark(s) for s in aset.spans)
        else:
            for span_id in batch.span_ids():
                span = aset.span(span_id)
                if span is None:
                    view.remove_span(span_id)
                    if span_id == self._selected_span:
                        self._selected_span = None
                else:
                    view.update_span(self._mark(span))
        if batch.replaced or batch.touches_events():
            if self._current_event and aset.event(self._current_event) is None:
                self._current_event = None
            self._refresh_emphasis()

    # -- selection -----------------------------------------------------------------------------
    def _mark(self, span: Span) -> SpanMark:
        lab = self.codebook.label(span.label)
        return SpanMark(span.id, span.start, span.end, lab.color if lab else "#9e9e9e",
                        f"{lab.name} · {lab.name_ar}" if lab and lab.name_ar
                        else (lab.name if lab else span.label))

    def _span_tooltip(self, span_id: str) -> str:
        doc = self.doc
        if doc is None:
            return ""
        uses = []
        for eid, role in doc.session.aset.uses_of_span(span_id):
            rd = self.codebook.role(role)
            uses.append(f"{'trigger' if role == 'trigger' else (rd.name if rd else role)} "
                        f"of {eid}")
        return f"{span_id}" + (f" · {', '.join(uses)}" if uses else "")

    def snapped_selection(self) -> tuple[int, int] | None:
        """The text selection, widened to whole characters, trimmed of spaces and punctuation
        and (with snap to words on) widened to whole words; None if nothing is left."""
        rng = self.document_view.selected_range()
        if rng is None or self.doc is None:
            return None
        if rng == self._exact_selection:
            return rng  # the coder just shaped it (a proclitic left out): do not widen it back
        text = self.doc.session.document.text
        start, end = snapping.snap_to_grapheme(text, *rng)
        start, end = snapping.trim_span(text, start, end)
        if self.snap_to_words and start < end:
            start, end = snapping.expand_to_words(text, start, end)
            start, end = snapping.trim_span(text, start, end)
        return (start, end) if start < end else None

    def selected_span_id(self) -> str | None:
        """The span keys act on when there is no text selection: the span table's current row
        while it has the focus, else the span last clicked or made."""
        if self.doc is None:
            return None
        if self.span_table.view.hasFocus():
            current = self.span_table.current_span_id()
            if current:
                return current
        if self._selected_span and self.doc.session.aset.span(self._selected_span):
            return self._selected_span
        return None

    def _target(self) -> tuple[str | None, tuple[int, int] | None]:
        """(span id, None) or (None, range) for a key that acts on "the selection"."""
        if self.span_table.view.hasFocus():
            return self.selected_span_id(), None
        rng = self.snapped_selection()
        if rng is not None:
            return None, rng
        return self.selected_span_id(), None

    def _existing_span(self, rng: tuple[int, int], labels: tuple[str, ...]) -> Span | None:
        assert self.doc is not None
        for span in self.doc.session.aset.spans:
            if (span.start, span.end) == rng and span.label in labels:
                return span
        return None

    def select_span(self, span_id: str | None, *, scroll: bool = False) -> None:
        """Make ``span_id`` the selected span everywhere (text emphasis, table, event panel)."""
        self._selected_span = span_id
        if span_id is not None:
            self._chosen_span = span_id
        self.span_table.select_span(span_id)
        self.event_panel.set_available_span(span_id)
        self._refresh_emphasis()
        if span_id and scroll and self.doc is not None:
            span = self.doc.session.aset.span(span_id)
            if span is not None:
                self.document_view.scroll_to(span.start)

    def _collapse_selection(self) -> None:
        rng = self.document_view.selected_range()
        if rng is not None:
            self.document_view.select_range(rng[1], rng[1])

    def _refresh_emphasis(self) -> None:
        ids: set[str] = set()
        if self.doc is not None and self._current_event:
            event = self.doc.session.aset.event(self._current_event)
            if event is not None:
                ids = event.span_ids()
        self.document_view.set_emphasis(ids, self._selected_span)

    def _on_document_view_span_clicked(self, span_id: str) -> None:
        self.select_span(span_id)
        span = self.doc.session.aset.span(span_id) if self.doc else None
        if span is not None:
            self.show_message(f"Selected {span_id}: {span.label} {_quote(span.text)}")

    def _on_document_view_selection_range_changed(self, start: int, end: int) -> None:
        if start == end or self.doc is None:
            return
        self.event_panel.set_available_span(None)
        self._selected_span = None
        self._refresh_emphasis()
        rng = self.snapped_selection()
        if rng is not None:
            text = self.doc.session.document.text
            hint = ""
            stripped = snapping.strip_proclitic(text, *rng)
            if stripped != rng:
                hint = f" · X leaves out {_quote(text[rng[0]:stripped[0]])}"
            self.statusBar().showMessage(f"Selection {_quote(text[rng[0]:rng[1]])}{hint}")

    def _on_document_view_context_menu_requested(self, pos: QPoint) -> None:
        menu = self.context_menu(pos)
        menu.exec(self.document_view.viewport().mapToGlobal(pos))
        menu.deleteLater()

    def context_menu(self, pos: QPoint) -> QMenu:
        """The text's context menu at viewport point ``pos``: a right click on a highlight
        selects that span first."""
        view = self.document_view
        if view.selected_range() is None:
            ids = view.spans_at_point(pos)
            if ids:
                self.select_span(ids[0])
        menu = view.createStandardContextMenu(pos)
        menu.addSeparator()
        labels = menu.addMenu("Label as")
        labels.addActions([self.action_map[f"label:{lab.id}"]
                           for lab in self.codebook.span_labels])
        menu.addAction(self.action_map["strip_proclitic"])
        menu.addAction(self.action_map["delete_span"])
        menu.addSeparator()
        menu.addAction(self.action_map["create_event"])
        event_id = self.current_event_id()
        event = self.doc.session.aset.event(event_id) if self.doc and event_id else None
        et = self.codebook.event_type(event.type) if event else None
        if et is not None:
            roles = menu.addMenu(f"Fill role of {event_id}")
            roles.addActions([self.action_map[f"role:{r}"] for r in et.roles
                              if f"role:{r}" in self.action_map])
        return menu

    def _on_document_view_zoom_changed(self, level: int) -> None:
        self.show_message(f"Zoom {round(100 * 1.1 ** level)} %")

    def _on_span_table_current_span_changed(self, span_id: str) -> None:
        self.select_span(span_id)

    def _on_span_activated(self, span_id: str) -> None:
        self.select_span(span_id, scroll=True)

    def _on_event_panel_event_selected(self, event_id: str) -> None:
        self._set_current_event(event_id, scroll=True, tell_panel=False)

    def _set_current_event(self, event_id: str | None, *, scroll: bool = True,
                           tell_panel: bool = True) -> None:
        self._current_event = event_id
        if tell_panel:
            self.event_panel.set_current_event(event_id)
        self._refresh_emphasis()
        if scroll and event_id and self.doc is not None:
            event = self.doc.session.aset.event(event_id)
            trigger = self.doc.session.aset.span(event.trigger) if event and event.trigger \
                else None
            if trigger is not None:
                self.document_view.scroll_to(trigger.start)

    def current_event_id(self) -> str | None:
        current = self.event_panel.current_event_id()
        if current and self.doc is not None and self.doc.session.aset.event(current):
            return current
        if self._current_event and self.doc is not None \
                and self.doc.session.aset.event(self._current_event):
            return self._current_event
        return None

    def new_id(self, prefix: str) -> str:
        """A fresh span (``s``) or event (``e``) id. ``AnnotationSet.next_id`` scans every id
        (10 ms at 10,000 spans); the window counts on from it instead, checking the candidate."""
        doc = self.doc
        assert doc is not None
        aset = doc.session.aset
        n = doc.next_numbers.get(prefix)
        if n is None:
            n = int(aset.next_id(prefix)[len(prefix):])
        while aset.span(f"{prefix}{n}") is not None or aset.event(f"{prefix}{n}") is not None:
            n += 1
        doc.next_numbers[prefix] = n + 1
        return f"{prefix}{n}"

    # -- span and event commands (the action table's slots) ------------------------------------
    def apply_label(self, label_id: str) -> str:
        """Label the selection (or relabel the selected span) with ``label_id``."""
        if self.doc is None:
            return "no document"
        span_id, rng = self._target()
        lab = self.codebook.label(label_id)
        name = lab.name if lab else label_id
        if rng is not None:
            selected = self.doc.session.aset.span(self._selected_span) \
                if self._selected_span else None
            if selected is not None and (selected.start, selected.end) == rng:
                span_id = selected.id
            else:
                same = self._existing_span(rng, (label_id,))
                if same is not None:
                    self.select_span(same.id)
                    self._collapse_selection()
                    self.show_message(f"Already labelled {name}: {same.id}")
                    return ""
                edit = AddSpan(rng[0], rng[1], label_id, span_id=self.new_id("s"))
                reason = self.push(edit)
                if not reason:
                    self._collapse_selection()
                    self.select_span(edit.span_id)
                    self.show_message(f"{name}: {_quote(self._text(rng))}")
                return reason
        if span_id is None:
            self.show_message("Select some text first (drag, double-click or Shift+arrows)")
            return "nothing selected"
        span = self.doc.session.aset.span(span_id)
        if span is not None and span.label == label_id:
            return ""
        reason = self.push(RelabelSpan(span_id, label_id))
        if not reason:
            self.select_span(span_id)
            self.show_message(f"{span_id} is now {name}")
        return reason

    def create_event(self) -> str:
        """A new event whose trigger is the selected TRIGGER span, or the selection (labelled
        as a trigger); then the type selector gets the focus."""
        if self.doc is None:
            return "no document"
        aset = self.doc.session.aset
        trigger_labels = self.codebook.trigger_labels or tuple(
            lab.id for lab in self.codebook.span_labels[:1])
        type_id = self._default_event_type()
        if type_id is None:
            self.show_message("The codebook has no event types")
            return "no event types"
        span_id, rng = self._target()
        event_id = self.new_id("e")
        if rng is not None:
            existing = self._existing_span(rng, trigger_labels)
            if existing is not None:
                edit: Edit = CreateEvent(type_id, trigger=existing.id, event_id=event_id)
                span_id = existing.id
            else:
                span_id = self.new_id("s")
                edit = Macro([AddSpan(rng[0], rng[1], trigger_labels[0], span_id=span_id),
                              CreateEvent(type_id, trigger=span_id, event_id=event_id)],
                             description="New event")
        elif span_id is not None:
            span = aset.span(span_id)
            if span is not None and trigger_labels and span.label not in trigger_labels:
                self.show_message(
                    f"Not done: {span_id} is {span.label}; a trigger must be "
                    f"{' or '.join(trigger_labels)} (select the trigger word, or relabel it "
                    f"with {self._label_key(trigger_labels[0])})")
                return "not a trigger"
            edit = CreateEvent(type_id, trigger=span_id, event_id=event_id)
        else:
            edit = CreateEvent(type_id, event_id=event_id)
        reason = self.push(edit)
        if reason:
            return reason
        self._collapse_selection()
        if span_id:
            self.select_span(span_id)
        self._set_current_event(event_id, scroll=False)
        self._focus_event_type()
        self.show_message(f"New event {event_id}" + ("" if span_id else
                          " without a trigger (select its word and set it in the panel)")
                          + ": choose its type and sub-type")
        return ""

    def _default_event_type(self) -> str | None:
        if self._last_event_type and self.codebook.event_type(self._last_event_type):
            return self._last_event_type
        current = self.current_event_id()
        if current and self.doc is not None:
            event = self.doc.session.aset.event(current)
            if event is not None:
                return event.type
        types = self.codebook.event_types
        return types[0].id if types else None

    def _focus_event_type(self) -> None:
        self.event_panel.type_combo.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def fill_role(self, role_id: str) -> str:
        """Put the selected span (or the selection, labelled for the role) in ``role_id`` of
        the current event, as one undo step."""
        if self.doc is None:
            return "no document"
        event_id = self.current_event_id()
        rd = self.codebook.role(role_id)
        if rd is None:
            return f"unknown role {role_id}"
        if event_id is None:
            self.show_message("No current event: make one with E (or pick one in the panel)")
            return "no event"
        aset = self.doc.session.aset
        span_id, rng = self._target()
        if rng is not None:
            selected = aset.span(self._selected_span) if self._selected_span else None
            existing = selected if selected is not None and (selected.start, selected.end) \
                == rng and selected.label in rd.labels else self._existing_span(rng, rd.labels)
            if existing is not None:
                span_id = existing.id
                edit: Edit = AddRoleFiller(event_id, role_id, span_id)
            else:
                span_id = self.new_id("s")
                edit = Macro([AddSpan(rng[0], rng[1], rd.labels[0], span_id=span_id),
                              AddRoleFiller(event_id, role_id, span_id)],
                             description=f"Fill {rd.name}")
        elif span_id is not None:
            edit = AddRoleFiller(event_id, role_id, span_id)
        else:
            self.show_message(f"Select the text for {rd.name} first")
            return "nothing selected"
        reason = self.push(edit)
        if not reason:
            self._collapse_selection()
            self.select_span(span_id)
            span = aset.span(span_id)
            self.show_message(f"{event_id} {rd.name} ← {_quote(span.text if span else '')}")
        return reason

    def strip_proclitic(self) -> str:
        """Leave a leading proclitic (و ف ب ل ك) out of the selection or the selected span."""
        if self.doc is None:
            return "no document"
        text = self.doc.session.document.text
        span_id, rng = self._target()
        if rng is not None:
            new = snapping.strip_proclitic(text, *rng)
            if new == rng:
                self.show_message("No leading proclitic (و ف ب ل ك) to leave out")
                return "nothing to strip"
            self.document_view.select_range(*new)
            self._exact_selection = new
            self.show_message(f"Selection: {_quote(text[new[0]:new[1]])}")
            return ""
        span = self.doc.session.aset.span(span_id) if span_id else None
        if span is None:
            self.show_message("Select a span or some text first")
            return "nothing selected"
        new = snapping.strip_proclitic(text, span.start, span.end)
        if new == (span.start, span.end):
            self.show_message("No leading proclitic (و ف ب ل ك) to leave out")
            return "nothing to strip"
        reason = self.push(ResizeSpan(span.id, *new))
        if not reason:
            self.show_message(f"{span.id}: {_quote(text[new[0]:new[1]])}")
        return reason

    def fit_span_to_selection(self) -> str:
        """Move a span's boundaries to the selection, keeping its id, label and roles: the
        span the selection overlaps, or of several, the one last clicked or picked."""
        if self.doc is None:
            return "no document"
        rng = self.snapped_selection()
        if rng is None:
            self.show_message("Click the span, then select the text it should cover, then F")
            return "nothing selected"
        aset = self.doc.session.aset
        under = [s for s in aset.spans if s.start < rng[1] and rng[0] < s.end]
        chosen = next((s for s in under if s.id == self._chosen_span), None)
        if chosen is None:
            if not under:
                self.show_message("No span under the selection to fit (a label key makes a "
                                  "new one)")
                return "no span"
            if len(under) > 1:
                self.show_message(f"{len(under)} spans under the selection: click the one to "
                                  "fit first")
                return "several spans"
            chosen = under[0]
        if (chosen.start, chosen.end) == rng:
            self.show_message(f"{chosen.id} already covers the selection")
            return ""
        reason = self.push(ResizeSpan(chosen.id, *rng))
        if not reason:
            self._collapse_selection()
            self.select_span(chosen.id)
            self.show_message(f"{chosen.id}: {_quote(self._text(rng))}")
        return reason

    def delete_span(self) -> str:
        span_id = self.selected_span_id()
        if self.doc is None or span_id is None:
            self.show_message("Select a span first (click it, or pick it in the span table)")
            return "nothing selected"
        uses = self.doc.session.aset.uses_of_span(span_id)
        reason = self.push(RemoveSpan(span_id))
        if not reason:
            also = f" (also taken out of {', '.join(f'{e} {r}' for e, r in uses)})" \
                if uses else ""
            self.show_message(f"Removed {span_id}{also}")
        return reason

    def delete_event(self) -> str:
        event_id = self.current_event_id()
        if event_id is None:
            self.show_message("No current event")
            return "no event"
        reason = self.push(DeleteEvent(event_id))
        if not reason:
            self._set_current_event(None, scroll=False)
            self.show_message(f"Deleted event {event_id} (Ctrl+Z brings it back)")
        return reason

    def next_event(self) -> None:
        self._step_event(+1)

    def previous_event(self) -> None:
        self._step_event(-1)

    def _step_event(self, step: int) -> None:
        if self.doc is None or not self.doc.session.aset.events:
            self.show_message("No events yet: select a trigger word and press E")
            return
        ids = [e.id for e in self.doc.session.aset.events]
        current = self.current_event_id()
        i = ids.index(current) if current in ids else (-1 if step > 0 else len(ids))
        self._set_current_event(ids[(i + step) % len(ids)])

    def show_label_palette(self) -> None:
        self._popup([self.action_map[f"label:{lab.id}"] for lab in self.codebook.span_labels],
                    "Label as")

    def show_role_palette(self) -> None:
        event_id = self.current_event_id()
        if event_id is None or self.doc is None:
            self.show_message("No current event: make one with E")
            return
        event = self.doc.session.aset.event(event_id)
        et = self.codebook.event_type(event.type) if event else None
        roles = et.roles if et else ()
        self._popup([self.action_map[f"role:{r}"] for r in roles if f"role:{r}" in self.action_map],
                    "Fill role")

    def _popup(self, actions: list[QAction], title: str) -> None:
        menu = QMenu(title, self)
        menu.addActions(actions)
        view = self.document_view
        rect = view.cursorRect()
        menu.exec(view.viewport().mapToGlobal(rect.bottomRight()))

    def set_snap_to_words(self, on: bool) -> None:
        self.snap_to_words = bool(on)
        self.show_message("Selections snap to whole words" if on
                          else "Selections keep their exact characters")

    def zoom(self, direction: int) -> None:
        if direction > 0:
            self.document_view.zoom_in()
        elif direction < 0:
            self.document_view.zoom_out()
        else:
            self.document_view.zoom_reset()

    def focus_pane(self, name: str) -> None:
        widget = {"text": self.document_view, "spans": self.span_table.view,
                  "events": self.event_panel, "documents": self.document_list}[name]
        widget.setFocus(Qt.FocusReason.ShortcutFocusReason)
        if name == "events":
            self.event_panel.focusNextChild()

    def focus_span_filter(self) -> None:
        self.span_table.filter.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.span_table.filter.selectAll()

    def show_shortcuts(self) -> None:
        self.asker.shortcut_sheet(shortcut_sheet_html(self.action_specs))

    # -- validation ----------------------------------------------------------------------------
    def refresh_validation(self) -> list[Issue]:
        doc = self.doc
        if doc is None:
            self.validation_label.setText("")
            return []
        s = doc.session
        # The event panel validates once per change for its completeness marks; share it.
        doc.issues = self.event_panel.events_model.cache.issues()
        errors = sum(1 for i in doc.issues if i.severity == ERROR)
        todo = sum(1 for i in doc.issues if i.severity == TODO)
        warnings = sum(1 for i in doc.issues if i.severity == WARNING)
        parts = []
        if errors:
            parts.append(f"{errors} error{'s' if errors != 1 else ''}")
        if todo:
            parts.append(f"{todo} missing")
        if not parts:
            parts.append("✓ complete" if s.aset.events or s.aset.spans else "✓ nothing yet")
        if warnings:
            parts.append(f"{warnings} warning{'s' if warnings != 1 else ''}")
        self.validation_label.setText(" · ".join(parts))
        color = "#c62828" if errors else ("#e65100" if todo else "#2e7d32")
        self.validation_label.setStyleSheet(f"color: {color}")
        self.validation_label.setToolTip("\n".join(i.message for i in doc.issues[:15])
                                         or "Nothing missing")
        return doc.issues

    def strict_issues(self) -> list[Issue]:
        """What stops this document from being done: every error, with missing things counted
        as errors (the validation of a set whose status is done)."""
        if self.doc is None:
            return []
        s = self.doc.session
        data = s.aset.to_dict()
        data["status"] = "done"
        return [i for i in validate_annotation_data(data, document=s.document,
                                                    codebook=s.codebook)
                if i.severity == ERROR]

    def goto_first_problem(self) -> Issue | None:
        self.event_panel.events_model.cache.flush()  # decide on the set as it is now
        issues = [i for i in self.refresh_validation() if i.severity in (ERROR, TODO)]
        if not issues:
            self.show_message("Nothing missing")
            return None
        self.goto_issue(issues[0])
        return issues[0]

    def goto_issue(self, issue: Issue) -> None:
        """Select what ``issue`` is about: its event (and the panel), or its span."""
        doc = self.doc
        if doc is None:
            return
        aset = doc.session.aset
        if issue.ref and aset.event(issue.ref) is not None:
            self._set_current_event(issue.ref, scroll=True)
            self._focus_event_panel_on(issue)
        elif issue.ref and aset.span(issue.ref) is not None:
            self.select_span(issue.ref, scroll=True)
        elif issue.where.startswith("$.fields"):
            focus = getattr(self.event_panel, "focus_document_fields", None)
            if callable(focus):
                focus()
        self.show_message(f"To do: {issue.message}")

    def _focus_event_panel_on(self, issue: Issue) -> None:
        focus = getattr(self.event_panel, "focus_issue", None)
        if callable(focus):
            focus(issue)

    # -- saving --------------------------------------------------------------------------------
    def _snapshot(self, doc: OpenDocument, *, for_save: bool) -> dict[str, Any]:
        """The set as it goes to disk. Work on a not-started document makes it in progress (as
        the core's save does). A done document that lost something required is written as in
        progress but stays done in the session, so the claim is never saved unchecked and the
        session changes only through edits."""
        aset = doc.session.aset
        if for_save:
            aset.time_spent_seconds += doc.seconds
            doc.seconds = 0.0
            aset.status = aset.status_when_saved()
        data = aset.to_dict()
        if for_save:
            if data["status"] == "done" and self.strict_issues():
                # Editing a done document made it incomplete: keep the work, not the claim.
                data["status"] = "in_progress"
                self.show_message("Something is missing now: saved as in progress")
        else:
            data["time_spent_seconds"] = round(aset.time_spent_seconds + doc.seconds, 1)
        return data

    def save_document(self, wait: bool | None = None) -> bool:
        """Validate and write the open document through the core.

        ``wait=None`` saves small sets at once and large ones in the worker thread (the result
        arrives later); ``True`` always waits. Returns False if the save was refused.
        """
        doc = self.doc
        if doc is None:
            return False
        if doc.read_only:
            self.show_message(f"Not saved: {doc.lock_message or 'open read-only'}")
            return False
        if doc.lock is not None and not doc.lock.owned:
            # Someone removed or took over our lock file: never overwrite their work.
            holder = doc.lock.holder()
            self.asker.error("Not saved", f"{doc.lock.path}: this window no longer holds the "
                             f"lock ({holder.describe() if holder else 'the lock file is gone'})."
                             " Your work stays in the recovery file; reopen the document.")
            self.write_recovery(wait=True)
            return False
        aset = doc.session.aset
        job = WriteJob("save", doc, self._snapshot(doc, for_save=True), doc.generation,
                       doc.stack.index())
        self.writer.submit(job, self._write_save)
        if wait is None:
            wait = len(aset.spans) + 4 * len(aset.events) <= SYNC_SAVE_LIMIT
        if not wait:
            # No "Saving…" message: showing one repaints the window now, while the worker
            # holds the GIL; "Saved" follows in a moment.
            return True
        self._wait_for_writer()
        return job.error is None

    def _write_save(self, job: WriteJob) -> list[Issue]:
        # Worker thread: touch only the snapshot, the project and the recovery store.
        doc = job.doc
        assert job.snapshot is not None
        aset = AnnotationSet.from_dict(job.snapshot)
        issues = self.project.save_annotations(aset, doc.session.document)
        doc.saved_generation = max(doc.saved_generation, job.generation)
        if doc.recovery_generation <= job.generation:
            self.recovery.discard(doc.id)
        return issues

    def _write_recovery(self, job: WriteJob) -> None:
        doc = job.doc
        if job.generation <= doc.saved_generation:
            return  # saved meanwhile: nothing to recover
        assert job.snapshot is not None
        self.recovery.write(doc.id, job.snapshot)
        doc.recovery_generation = job.generation

    def _write_discard(self, job: WriteJob) -> None:
        self.recovery.discard(job.doc.id)
        job.doc.recovery_generation = -1

    def _discard_recovery_now(self, doc_id: str) -> None:
        self._wait_for_writer()
        try:
            self.recovery.discard(doc_id)
        except AnnotatorError as exc:
            self.show_message(str(exc))

    def write_recovery(self, *, wait: bool = False) -> None:
        """Write the unsaved work of the open document to its recovery file (the idle timer
        does this a few seconds after the last change)."""
        doc = self.doc
        if doc is None or doc.read_only:
            return
        if not doc.dirty:
            self.writer.submit(WriteJob("discard", doc), self._write_discard)
        else:
            self.writer.submit(WriteJob("recovery", doc, self._snapshot(doc, for_save=False),
                                        doc.generation), self._write_recovery)
        if wait:
            self._wait_for_writer()

    def _on_autosave_timer_timeout(self) -> None:
        self.write_recovery()

    def _wait_for_writer(self) -> None:
        """Block until the writer is idle and report its jobs now (their queued ``finished``
        signals are ignored when they arrive)."""
        for job in self.writer.wait():
            self._on_writer_finished(job)

    def _on_writer_finished(self, job: WriteJob) -> None:
        if job.handled:
            return
        job.handled = True
        if job.kind == "save":
            self._finish_save(job)
        elif job.error is not None:
            if isinstance(job.error, AnnotatorError):
                self.show_message(f"Autosave failed: {job.error}")
            else:
                sys.excepthook(type(job.error), job.error, job.error.__traceback__)

    def _finish_save(self, job: WriteJob) -> None:
        doc = job.doc
        if job.error is not None:
            if isinstance(job.error, AnnotatorError):
                self.show_message("Not saved")
                self.asker.error("Not saved", str(job.error))
            else:
                sys.excepthook(type(job.error), job.error, job.error.__traceback__)
            return
        if doc is self.doc and doc.generation == job.generation:
            # Nothing changed since the snapshot (an undo and a new edit can bring the stack back
            # to the same index with other content, so the index alone does not tell).
            doc.stack.setClean()
        status = job.snapshot["status"] if job.snapshot else "in_progress"
        self._statuses[doc.id] = status
        self.document_list.set_status(doc.id, status)
        issues: list[Issue] = job.result or []
        todo = sum(1 for i in issues if i.severity == TODO)
        self.show_message(f"Saved {doc.id}" + (f" · {todo} still missing" if todo else ""))
        self._update_title()
        self.saved.emit(doc.id)

    def mark_done(self) -> bool:
        """Strict check; on a problem jump to it, else save as done and open the next one."""
        if not self._can_finish("Not done"):
            return False
        problems = self.strict_issues()
        if problems:
            self.goto_issue(problems[0])
            self.show_message(f"Not done yet: {len(problems)} "
                              f"problem{'s' if len(problems) != 1 else ''}; first: "
                              f"{problems[0].message}")
            return False
        return self._finish_with_status("done")

    def skip_document(self) -> bool:
        """Mark the document skipped (irrelevant, duplicate, unreadable), save, open the next."""
        return self._can_finish("Not skipped") and self._finish_with_status("skipped")

    def _can_finish(self, refusal: str) -> bool:
        doc = self.doc
        if doc is not None and doc.read_only:
            self.show_message(f"{refusal}: {doc.lock_message or 'open read-only'}")
        return doc is not None and not doc.read_only

    def _finish_with_status(self, status: str) -> bool:
        doc = self.doc
        assert doc is not None
        if doc.session.aset.status != status and self.push(SetStatus(status)):
            return False
        if not self.save_document(wait=True):
            return False
        following = self.next_undone_document(doc.id)
        if following is None:
            self.show_message(f"{doc.id} {status}. Every document of the project is done "
                              "or skipped.")
            return True
        self.open_document(following)
        self.show_message(f"{doc.id} {status}; now {following}")
        return True

    # -- export and import ---------------------------------------------------------------------
    def _saved_before(self, purpose: str) -> bool:
        """Offer to save unsaved work before something reads the project's files."""
        doc = self.doc
        if doc is None or doc.read_only or not doc.dirty:
            return True
        answer = self.asker.save_first(doc.title, purpose)
        if answer == "cancel":
            return False
        return answer == "discard" or self.save_document(wait=True)

    def show_export_dialog(self) -> ExportDialog | None:
        """The export dialog (window-modal; runs in a worker thread), or None if cancelled."""
        if not self._saved_before("export"):
            return None
        from annotator.gui.transfer import ExportDialog

        return self._show_transfer(ExportDialog(self.project, self))

    def show_import_dialog(self) -> ImportDialog | None:
        from annotator.gui.transfer import ImportDialog

        dialog = ImportDialog(self.project, parent=self)
        dialog.completed.connect(self._on_import_completed)
        return self._show_transfer(dialog)

    def show_agreement_dialog(self) -> AgreementDialog | None:
        """Agreement of the coders, read from the saved files (so unsaved work is offered a
        save first)."""
        if not self._saved_before("agreement count"):
            return None
        from annotator.gui.transfer import AgreementDialog

        return self._show_transfer(AgreementDialog(self.project, self))

    def _show_transfer(self, dialog: _Transfer) -> _Transfer:
        """Open one of the window-modal run dialogs; it is the window's until it closes."""
        dialog.finished.connect(self._on_transfer_dialog_finished)
        self.transfer_dialog = dialog
        dialog.open()
        return dialog

    def _on_transfer_dialog_finished(self, _result: int) -> None:
        dialog, self.transfer_dialog = self.transfer_dialog, None
        if dialog is not None:
            dialog.deleteLater()

    def _on_import_completed(self, report: ImportReport) -> None:
        if report.written or report.sets_written:
            self.set_document_rows()
            self._update_position()
            self.show_message(report.summary())

    # -- window state --------------------------------------------------------------------------
    def condition(self, name: str) -> bool:
        doc = self.doc
        if not name:
            return True
        if name == "document":
            return doc is not None
        if name == "editable":
            return doc is not None and not doc.read_only
        if name == "can_undo":
            return doc is not None and doc.stack.canUndo()
        if name == "can_redo":
            return doc is not None and doc.stack.canRedo()
        raise ValueError(f"unknown action condition {name!r}")

    def update_actions(self) -> None:
        for spec in self.action_specs:
            self.action_map[spec.id].setEnabled(self.condition(spec.when))
        doc = self.doc
        if doc is not None:
            self.action_map["undo"].setText(f"&Undo {doc.stack.undoText()}".rstrip())
            self.action_map["redo"].setText(f"&Redo {doc.stack.redoText()}".rstrip())

    def _update_title(self) -> None:
        doc = self.doc
        if doc is None:
            self.setWindowTitle(f"{self.project.name} — annotator")
            self.setWindowModified(False)
            return
        ro = " (read-only)" if doc.read_only else ""
        self.setWindowTitle(f"{doc.title}{ro}[*] — {self.project.name} — annotator")
        self.setWindowModified(doc.dirty)

    def _update_position(self) -> None:
        doc = self.doc
        if doc is None or doc.id not in self._doc_ids:
            self.position_label.setText("")
            return
        done = sum(1 for s in self._statuses.values() if s == "done")
        self.position_label.setText(f"Document {self._doc_ids.index(doc.id) + 1}/"
                                    f"{len(self._doc_ids)} · {done} done")

    def _update_time(self) -> None:
        doc = self.doc
        if doc is None:
            self.time_label.setText("")
            return
        total = int(doc.session.aset.time_spent_seconds + doc.seconds)
        h, rest = divmod(total, 3600)
        m, s = divmod(rest, 60)
        self.time_label.setText(f"Time {h}:{m:02d}:{s:02d}" if h else f"Time {m}:{s:02d}")

    def _note_activity(self, *_args: object) -> None:
        self._last_activity = time.monotonic()

    def _on_clock_timeout(self) -> None:
        doc = self.doc
        if doc is None or doc.read_only:
            return
        active = QApplication.applicationState() == Qt.ApplicationState.ApplicationActive
        if active and time.monotonic() - self._last_activity < IDLE_CUTOFF_SECONDS:
            doc.seconds += 1.0
            self._update_time()

    def show_message(self, text: str, timeout_ms: int = 8000) -> None:
        self.statusBar().showMessage(text, timeout_ms)
        self.message.emit(text)

    def _label_key(self, label_id: str) -> str:
        lab = self.codebook.label(label_id)
        return lab.key.upper() if lab and lab.key else label_id

    def _text(self, rng: tuple[int, int]) -> str:
        return self.doc.session.document.text[rng[0]:rng[1]] if self.doc else ""

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self.close_document():
            event.ignore()
            return
        dialog, self.transfer_dialog = self.transfer_dialog, None
        if dialog is not None:
            with contextlib.suppress(RuntimeError):  # already deleted with its last close
                dialog.close()  # cancels a run and waits for it
        self._save_settings()
        self._clock.stop()
        for job in self.writer.shutdown():
            self._on_writer_finished(job)
        event.accept()


def _short(text: str, limit: int = 60) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _quote(text: str, limit: int = 60) -> str:
    """Document text inside an English message: «…» around a first-strong isolate, so an
    Arabic quote keeps its own direction and does not reorder the words around it."""
    return f"«\u2068{_short(text, limit)}\u2069»"


def _as_bool(value: object) -> bool:
    if isinstance(value, str):
        return value.lower() in ("1", "true", "yes")
    return bool(value)
