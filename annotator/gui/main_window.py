"""The annotation window: the text in the middle, documents, spans and events around it.

The window builds widgets and binds actions; what they do lives in the Qt-free application
layer (``annotator.app``): ``DocumentHandle`` opens, locks, saves and closes a document,
``CodingState`` holds the selection and current event, ``commands`` turn a key into one edit,
the ``IssueTracker`` keeps the issues current. The window shows what those announce and asks
the coder through its ``Asker`` when a decision is needed. Large sets are validated and
written by the writer thread from a snapshot, so the window never stalls (see
``benchmarks/bench_window.py``).
"""

from __future__ import annotations

import contextlib
import sys
import time
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, TypeVar

from PySide6.QtCore import QPoint, QSettings, QSignalBlocker, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QCloseEvent
from PySide6.QtWidgets import QApplication, QDockWidget, QMainWindow, QMenu, QWidget

from annotator.app import commands
from annotator.app.commands import Outcome, quote
from annotator.app.document import DocumentHandle
from annotator.app.process import release_after_close, settle_after_load
from annotator.app.recovery import AUTOSAVE_IDLE_SECONDS, RecoveryStore
from annotator.app.state import CodingState
from annotator.app.worklist import Worklist
from annotator.app.writer import SAVE, WriteJob
from annotator.core.edits import Edit, SetEventType
from annotator.core.events import ChangeBatch
from annotator.core.model import Span
from annotator.core.validation import ERROR, TODO, Issue
from annotator.errors import AnnotatorError
from annotator.gui import preferences as prefs
from annotator.gui.actions import (
    ActionSpec,
    build_actions,
    build_menus,
    build_toolbars,
    shortcut_sheet_html,
    window_actions,
)
from annotator.gui.bridges import IssueDebouncer, WriterBridge
from annotator.gui.dialogs import Asker
from annotator.gui.document_list import DocumentList
from annotator.gui.document_view import DocumentView, SpanMark
from annotator.gui.event_panel import EventPanel
from annotator.gui.span_table import SpanTable
from annotator.gui.status_bar import StatusLabels
from annotator.storage.listing import document_rows
from annotator.storage.project import Project

if TYPE_CHECKING:  # the export and import modules load when a dialog first opens
    from annotator.formats.importing import ImportReport
    from annotator.gui.transfer import AgreementDialog, ExportDialog, ImportDialog

    _Transfer = TypeVar("_Transfer", ExportDialog, ImportDialog, AgreementDialog)

# Sets up to this size are saved on the GUI thread (measured well under 50 ms); larger ones
# are validated and written by the writer thread from a snapshot.
SYNC_SAVE_LIMIT = 1500
IDLE_CUTOFF_SECONDS = 300  # no edit, selection, scroll or command this long: time stops
EVENT_PANEL_WIDTH = 380


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
        self.preferences = prefs.Preferences(settings)
        self.offer_recovery = offer_recovery
        self.recovery = RecoveryStore(project, coder)
        self.state = CodingState(self.codebook)
        self.worklist = Worklist()
        self._misfiled_told: set[str] = set()  # documents whose misfiled file was explained
        self.transfer_dialog: ExportDialog | ImportDialog | AgreementDialog | None = None

        self._build_widgets()
        self.action_specs: list[ActionSpec] = window_actions(self.codebook)
        self.action_map: dict[str, QAction] = build_actions(
            self, self.action_specs, [self.document_view, self.span_table.view])
        self.menus = build_menus(self.menuBar(), self.action_specs, self.action_map)
        build_toolbars(self, self.action_specs, self.action_map)
        self.status = StatusLabels(self, coder)

        self.bridge = WriterBridge(self)
        self.writer = self.bridge.writer
        self.bridge.finished.connect(self._on_writer_finished)
        self.issues = IssueDebouncer(self)
        self.issues.issuesChanged.connect(self.refresh_validation)
        self._autosave_timer = self._timer(int(autosave_seconds * 1000), self.write_recovery)
        self._clock = self._timer(1000, self._on_clock_timeout, single=False)
        self._clock.start()
        # Activity, for the time spent: edits, selections, scrolling and any action. (Not an
        # application-wide event filter: a Python call per Qt event makes the GUI thread wait
        # for the GIL on every event while the writer thread works.)
        self._last_activity = time.monotonic()
        self.document_view.verticalScrollBar().valueChanged.connect(self._note_activity)
        self.document_view.selectionRangeChanged.connect(self._note_activity)
        for action in self.action_map.values():
            action.triggered.connect(self._note_activity)
        self.state.selection_requested.connect(self._on_state_selection_requested)
        self.state.span_selected.connect(self._on_state_span_selected)
        self.state.current_event_changed.connect(self._on_state_current_event_changed)

        self._restore_settings()
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

        view = self.document_view
        view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        view.customContextMenuRequested.connect(self._on_document_view_context_menu_requested)
        view.spanClicked.connect(self._on_document_view_span_clicked)
        view.selectionRangeChanged.connect(self._on_document_view_selection_range_changed)
        view.zoomChanged.connect(self._on_document_view_zoom_changed)
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

    def _timer(self, interval_ms: int, slot: Callable[[], Any], *,
               single: bool = True) -> QTimer:
        timer = QTimer(self)
        timer.setSingleShot(single)
        timer.setInterval(interval_ms)
        timer.timeout.connect(slot)
        return timer

    def _restore_settings(self) -> None:
        p = self.preferences
        self.state.snap_to_words = p.get(prefs.SNAP_TO_WORDS)
        with QSignalBlocker(self.action_map["snap_words"]):
            self.action_map["snap_words"].setChecked(self.state.snap_to_words)
        geometry, state = p.get(prefs.GEOMETRY), p.get(prefs.STATE)
        if geometry is not None:
            self.restoreGeometry(geometry)
        else:
            self.resize(1440, 900)
        if state is not None:
            self.restoreState(state)
        self.document_view.set_zoom(p.get(prefs.ZOOM))

    def _save_settings(self) -> None:
        p = self.preferences
        p.set(prefs.SNAP_TO_WORDS, self.state.snap_to_words)
        p.set(prefs.GEOMETRY, self.saveGeometry())
        p.set(prefs.STATE, self.saveState())
        p.set(prefs.ZOOM, self.document_view.zoom_level)
        p.sync()

    # -- documents -----------------------------------------------------------------------------
    @property
    def doc(self) -> DocumentHandle | None:
        """The open document."""
        return self.state.handle

    def set_document_rows(self) -> None:
        """Fill the document list from the project (status per coder, titles from the files;
        unchanged files come from the listing cache)."""
        rows = document_rows(self.project, self.coder)
        self.worklist.set_rows((row.id, row.status) for row in rows)
        self.document_list.set_documents([(row.id, row.title, row.status) for row in rows])

    def first_undone_document(self) -> str | None:
        return self.worklist.first_undone()

    def next_undone_document(self, after: str | None) -> str | None:
        return self.worklist.next_undone(after)

    def open_document(self, doc_id: str) -> bool:
        """Open ``doc_id`` (asking about unsaved work first); False if it stays as it was."""
        if self.doc is not None and self.doc.id == doc_id:
            return True
        if not self.close_document():
            return False
        try:
            handle = DocumentHandle.open(self.project, doc_id, self.coder,
                                         recovery=self.recovery,
                                         offer_recovery=self.offer_recovery)
        except AnnotatorError as exc:
            self.asker.error("Cannot open the document", str(exc))
            return False
        notices = handle.notices
        if notices.lock:
            self.asker.lock_notice(notices.lock)
        if notices.recovery_error:
            self.asker.error("Recovery file", notices.recovery_error)
        self._install(handle)
        if handle.recovered is not None:
            summary = handle.recovered.summary()
            if self.asker.restore_recovery(handle.title, summary):
                reason = handle.restore()
                self.show_message(f"Restored unsaved work ({summary}); Ctrl+Z undoes the "
                                  "restore" if not reason else f"Could not restore: {reason}")
            else:
                self._wait_for_writer()
                try:
                    handle.discard_recovery()
                except AnnotatorError as exc:
                    self.show_message(str(exc))
        self._tell_open_notices(handle)
        self.documentOpened.emit(doc_id)
        return True

    def _tell_open_notices(self, handle: DocumentHandle) -> None:
        notices = handle.notices
        if notices.misfiled:
            rel = f"annotations/{self.coder}/{handle.id}.json"
            if handle.id not in self._misfiled_told:  # explained once; then a reminder
                self._misfiled_told.add(handle.id)
                self.asker.error("Annotation file in another coder's folder",
                                 f"{rel}: {notices.misfiled}.\n\nSaving it here makes it "
                                 f"your work (coder {self.coder!r}); no other coder's file is "
                                 "changed.")
            self.show_message(f"{rel} holds another coder's work; saving it makes it "
                              f"{self.coder}'s")
        elif notices.problems:
            self.show_message(f"This file has {len(notices.problems)} problems; first: "
                              f"{notices.problems[0].message}")
        elif handle.read_only:
            self.show_message(handle.read_only)

    def _install(self, handle: DocumentHandle) -> None:
        self.state.open(handle)
        session = handle.session
        session.changed.connect(self._on_session_changed)
        handle.history.changed.connect(self._on_history_changed)
        self.issues.set_tracker(handle.tracker)
        self.document_view.set_document(session.document.text)
        self.document_view.set_spans(self._mark(s) for s in session.aset.spans)
        self.span_table.set_session(session)
        self.event_panel.set_session(session, handle.tracker)
        self.event_panel.set_available_span(None)
        # The widgets only ever request edits, which the handle refuses while read-only; the
        # event panel's editors are also disabled so nothing looks editable.
        self.event_panel.details.setEnabled(handle.editable)
        self.event_panel.document_box.setEnabled(handle.editable)
        self.document_list.select_document(handle.id)
        self._on_state_current_event_changed(self.state.current_event, reveal=False)
        self._update_title()
        self._update_position()
        self._update_time()
        self.update_actions()
        self.refresh_validation()
        self.document_view.setFocus()
        settle_after_load()

    def close_document(self, *, ask: bool = True) -> bool:
        """Close the open document, asking to save unsaved work; False if the coder cancels."""
        handle = self.doc
        if handle is None:
            return True
        if handle.dirty and handle.editable:
            answer = self.asker.unsaved_changes(handle.title) if ask else "discard"
            if answer == "cancel":
                return False
            if answer == "save":
                if not self.save_document(wait=True):
                    return False
            else:
                self._wait_for_writer()
                with contextlib.suppress(AnnotatorError):
                    handle.discard_recovery()
        self._autosave_timer.stop()
        self._wait_for_writer()
        handle.session.changed.disconnect(self._on_session_changed)
        handle.history.changed.disconnect(self._on_history_changed)
        self.issues.set_tracker(None)
        problem = handle.close()
        if problem:
            self.show_message(problem)
        self.state.close()
        release_after_close()
        self._update_title()
        self.update_actions()
        return True

    def next_document(self) -> bool:
        return self._step_document(+1)

    def previous_document(self) -> bool:
        return self._step_document(-1)

    def _step_document(self, step: int) -> bool:
        target = self.worklist.step(self.doc.id if self.doc else None, step)
        if target is None:
            if self.worklist.ids:
                self.show_message("This is the last document" if step > 0
                                  else "This is the first document")
            return False
        return self.open_document(target)

    def _on_document_list_activated(self, doc_id: str) -> None:
        if not self.open_document(doc_id) and self.doc is not None:
            self.document_list.select_document(self.doc.id)

    # -- edits and their announcements ---------------------------------------------------------
    def push(self, edit: Edit) -> str:
        """Check and apply ``edit`` as one undo step; return '' or why it was refused (also
        shown in the status bar)."""
        try:
            reason = self.state.push(edit)
        except Exception as exc:  # a bug: logged and shown; the edit is not on the history
            reason = f"internal error ({type(exc).__name__}: {exc})"
            sys.excepthook(type(exc), exc, exc.__traceback__)
        if reason:
            self.show_message(f"Not done: {reason}")
        return reason

    def request_edit(self, edit: object) -> None:
        """Slot for the widgets' ``editRequested``: they never edit the session themselves."""
        if isinstance(edit, Edit) and not self.push(edit) and isinstance(edit, SetEventType):
            self.state.last_event_type = edit.type  # the next new event starts with this type

    def undo(self) -> None:
        history = self.doc.history if self.doc else None
        if history is not None and history.can_undo():
            text = history.undo_text()
            history.undo()
            self.show_message(f"Undone: {text}")

    def redo(self) -> None:
        history = self.doc.history if self.doc else None
        if history is not None and history.can_redo():
            text = history.redo_text()
            history.redo()
            self.show_message(f"Redone: {text}")

    def _on_history_changed(self, _history: object) -> None:
        self._note_activity()
        self._autosave_timer.start()  # writes the unsaved work, or removes it when none is left
        self.update_actions()
        self._update_title()

    def _on_session_changed(self, batch: ChangeBatch) -> None:
        handle = self.doc
        if handle is None:
            return
        view = self.document_view
        aset = handle.session.aset
        if batch.replaced:
            view.set_spans(self._mark(s) for s in aset.spans)
        else:
            for span_id in batch.span_ids():
                span = aset.span(span_id)
                if span is None:
                    view.remove_span(span_id)
                else:
                    view.update_span(self._mark(span))
        if batch.replaced or batch.touches_events():
            self._refresh_emphasis()

    # -- the coding state ----------------------------------------------------------------------
    def _mark(self, span: Span) -> SpanMark:
        lab = self.codebook.label(span.label)
        return SpanMark(span.id, span.start, span.end, lab.color if lab else "#9e9e9e",
                        f"{lab.name} · {lab.name_ar}" if lab and lab.name_ar
                        else (lab.name if lab else span.label))

    def _span_tooltip(self, span_id: str) -> str:
        handle = self.doc
        if handle is None:
            return ""
        uses = []
        for eid, role in handle.session.aset.uses_of_span(span_id):
            rd = self.codebook.role(role)
            uses.append(f"{'trigger' if role == 'trigger' else (rd.name if rd else role)} "
                        f"of {eid}")
        return f"{span_id}" + (f" · {', '.join(uses)}" if uses else "")

    def snapped_selection(self) -> tuple[int, int] | None:
        return self.state.snapped_selection()

    def selected_span_id(self) -> str | None:
        self._sync_table_focus()
        return self.state.selected_span_id()

    def _sync_table_focus(self) -> None:
        """Keys act on the span table's row while the table has the focus."""
        self.state.table_focus = self.span_table.view.hasFocus()
        self.state.table_span = self.span_table.current_span_id() or None \
            if self.state.table_focus else None

    def select_span(self, span_id: str | None, *, scroll: bool = False) -> None:
        """Make ``span_id`` the selected span everywhere (text emphasis, table, event panel)."""
        self.state.select_span(span_id)
        span = self.state.span(span_id)
        if scroll and span is not None:
            self.document_view.scroll_to(span.start)

    def _on_state_span_selected(self, span_id: str | None) -> None:
        self.span_table.select_span(span_id)
        self.event_panel.set_available_span(span_id)
        self._refresh_emphasis()

    def _on_state_selection_requested(self, rng: tuple[int, int]) -> None:
        self.document_view.select_range(*rng)

    def _on_state_current_event_changed(self, event_id: str | None, *,
                                        reveal: bool = True) -> None:
        self.event_panel.set_current_event(event_id)
        self._refresh_emphasis()
        handle = self.doc
        event = handle.session.aset.event(event_id) if handle and event_id else None
        trigger = self.state.span(event.trigger) if event and event.trigger else None
        if reveal and trigger is not None:
            self.document_view.scroll_to(trigger.start)

    def _refresh_emphasis(self) -> None:
        self.document_view.set_emphasis(self.state.emphasised_spans(), self.state.selected_span)

    def current_event_id(self) -> str | None:
        return self.state.current_event_id()

    def _on_document_view_span_clicked(self, span_id: str) -> None:
        self.select_span(span_id)
        span = self.state.span(span_id)
        if span is not None:
            self.show_message(f"Selected {span_id}: {span.label} {quote(span.text)}")

    def _on_document_view_selection_range_changed(self, start: int, end: int) -> None:
        self.state.set_selection(start, end)
        if start != end and self.doc is not None:
            described = commands.describe_selection(self.state)
            if described:
                self.statusBar().showMessage(described)

    def _on_span_table_current_span_changed(self, span_id: str) -> None:
        self.select_span(span_id)

    def _on_span_activated(self, span_id: str) -> None:
        self.select_span(span_id, scroll=True)

    def _on_event_panel_event_selected(self, event_id: str) -> None:
        self.state.set_current_event(event_id)

    # -- commands (the action table's slots) ---------------------------------------------------
    def _run(self, command: Callable[..., Outcome], *args: Any) -> str:
        """Run an application command on the state; show its message; return its refusal."""
        if self.doc is None:
            return "no document"
        self._sync_table_focus()
        outcome = command(self.state, *args)
        if outcome.message:
            self.show_message(outcome.message)
        if outcome.focus == "event_type":
            self.event_panel.type_combo.setFocus(Qt.FocusReason.ShortcutFocusReason)
        return outcome.refusal

    def apply_label(self, label_id: str) -> str:
        return self._run(commands.apply_label, label_id)

    def create_event(self) -> str:
        return self._run(commands.new_event)

    def fill_role(self, role_id: str) -> str:
        return self._run(commands.fill_role, role_id)

    def strip_proclitic(self) -> str:
        return self._run(commands.trim_proclitic)

    def fit_span_to_selection(self) -> str:
        return self._run(commands.fit_span)

    def delete_span(self) -> str:
        return self._run(commands.delete_span)

    def delete_event(self) -> str:
        return self._run(commands.delete_event)

    def next_event(self) -> None:
        self._run(commands.step_event, +1)

    def previous_event(self) -> None:
        self._run(commands.step_event, -1)

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
        self._popup([self.action_map[f"role:{r}"] for r in (et.roles if et else ())
                     if f"role:{r}" in self.action_map], "Fill role")

    def _popup(self, actions: list[QAction], title: str) -> None:
        menu = QMenu(title, self)
        menu.addActions(actions)
        view = self.document_view
        menu.exec(view.viewport().mapToGlobal(view.cursorRect().bottomRight()))

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

    def set_snap_to_words(self, on: bool) -> None:
        self.state.snap_to_words = bool(on)
        self.show_message("Selections snap to whole words" if on
                          else "Selections keep their exact characters")

    @property
    def snap_to_words(self) -> bool:
        return self.state.snap_to_words

    def zoom(self, direction: int) -> None:
        view = self.document_view
        (view.zoom_in if direction > 0 else view.zoom_out if direction < 0
         else view.zoom_reset)()

    def _on_document_view_zoom_changed(self, level: int) -> None:
        self.show_message(f"Zoom {round(100 * 1.1 ** level)} %")

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
        """Show the open document's issues in the status bar; return them."""
        handle = self.doc
        if handle is None:
            self.status.show_issues(None, anything_coded=False)
            return []
        issues = handle.tracker.issues()
        aset = handle.session.aset
        self.status.show_issues(issues, anything_coded=bool(aset.events or aset.spans))
        return issues

    def strict_issues(self) -> list[Issue]:
        """What stops this document from being done: every error, with missing things counted
        as errors."""
        return self.doc.tracker.strict_problems() if self.doc is not None else []

    def goto_first_problem(self) -> Issue | None:
        self.issues.flush()  # decide on the set as it is now
        issues = [i for i in self.refresh_validation() if i.severity in (ERROR, TODO)]
        if not issues:
            self.show_message("Nothing missing")
            return None
        self.goto_issue(issues[0])
        return issues[0]

    def goto_issue(self, issue: Issue) -> None:
        """Select what ``issue`` is about: its event (and the panel), or its span."""
        handle = self.doc
        if handle is None:
            return
        aset = handle.session.aset
        if issue.ref and aset.event(issue.ref) is not None:
            self.state.set_current_event(issue.ref)
            focus = getattr(self.event_panel, "focus_issue", None)
            if callable(focus):
                focus(issue)
        elif issue.ref and aset.span(issue.ref) is not None:
            self.select_span(issue.ref, scroll=True)
        elif issue.where.startswith("$.fields"):
            focus = getattr(self.event_panel, "focus_document_fields", None)
            if callable(focus):
                focus()
        self.show_message(f"To do: {issue.message}")

    # -- saving --------------------------------------------------------------------------------
    def save_document(self, wait: bool | None = None) -> bool:
        """Validate and write the open document.

        ``wait=None`` saves small sets at once and large ones in the writer thread (the result
        arrives later); ``True`` always waits. Returns False if the save was refused.
        """
        handle = self.doc
        if handle is None:
            return False
        refusal = handle.save_refusal()
        if refusal:
            if handle.read_only:
                self.show_message(f"Not saved: {handle.read_only}")
            else:  # someone removed or took over our lock: never overwrite their work
                self.asker.error("Not saved", refusal)
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
        self._wait_for_writer()
        return job.error is None

    def write_recovery(self, *, wait: bool = False) -> None:
        """Write the unsaved work of the open document to its recovery file (the idle timer
        does this a few seconds after the last change)."""
        handle = self.doc
        if handle is None or handle.read_only:
            return
        self.writer.submit(handle.recovery_job())
        if wait:
            self._wait_for_writer()

    def _wait_for_writer(self) -> None:
        """Block until the writer is idle and take its jobs in now (their queued signals are
        then ignored when they arrive)."""
        for job in self.writer.wait():
            self._on_writer_finished(job)

    def _on_writer_finished(self, job: WriteJob) -> None:
        if job.handled:
            return
        if job.kind == SAVE:
            self._finish_save(job)
            return
        job.handled = True
        if isinstance(job.error, AnnotatorError):
            self.show_message(f"Autosave failed: {job.error}")
        elif job.error is not None:
            sys.excepthook(type(job.error), job.error, job.error.__traceback__)

    def _finish_save(self, job: WriteJob) -> None:
        handle = job.handle
        try:
            result = handle.finish_save(job)
        except AnnotatorError as exc:
            self.show_message("Not saved")
            self.asker.error("Not saved", str(exc))
            return
        except Exception as exc:  # a bug: reported, never silent
            sys.excepthook(type(exc), exc, exc.__traceback__)
            return
        if result.note:
            self.show_message(result.note)
        self.worklist.set_status(handle.id, result.status)
        self.document_list.set_status(handle.id, result.status)
        self.show_message(f"Saved {handle.id}" + (f" · {result.todo} still missing"
                                                   if result.todo else ""))
        self._update_title()
        self._update_position()
        self.saved.emit(handle.id)

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
        handle = self.doc
        if handle is not None and handle.read_only:
            self.show_message(f"{refusal}: {handle.read_only}")
        return handle is not None and not handle.read_only

    def _finish_with_status(self, status: str) -> bool:
        handle = self.doc
        assert handle is not None
        if self._run(commands.set_status, status) or not self.save_document(wait=True):
            return False
        following = self.worklist.next_undone(handle.id)
        if following is None:
            self.show_message(f"{handle.id} {status}. Every document of the project is done "
                              "or skipped.")
            return True
        self.open_document(following)
        self.show_message(f"{handle.id} {status}; now {following}")
        return True

    # -- export and import ---------------------------------------------------------------------
    def _saved_before(self, purpose: str) -> bool:
        """Offer to save unsaved work before something reads the project's files."""
        handle = self.doc
        if handle is None or handle.read_only or not handle.dirty:
            return True
        answer = self.asker.save_first(handle.title, purpose)
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
        handle = self.doc
        if not name:
            return True
        if name == "document":
            return handle is not None
        if name == "editable":
            return handle is not None and handle.editable
        if name == "can_undo":
            return handle is not None and handle.history.can_undo()
        if name == "can_redo":
            return handle is not None and handle.history.can_redo()
        raise ValueError(f"unknown action condition {name!r}")

    def update_actions(self) -> None:
        for spec in self.action_specs:
            self.action_map[spec.id].setEnabled(self.condition(spec.when))
        handle = self.doc
        if handle is not None:
            self.action_map["undo"].setText(f"&Undo {handle.history.undo_text()}".rstrip())
            self.action_map["redo"].setText(f"&Redo {handle.history.redo_text()}".rstrip())

    def _update_title(self) -> None:
        handle = self.doc
        if handle is None:
            self.setWindowTitle(f"{self.project.name} — annotator")
            self.setWindowModified(False)
            return
        ro = " (read-only)" if handle.read_only else ""
        self.setWindowTitle(f"{handle.title}{ro}[*] — {self.project.name} — annotator")
        self.setWindowModified(handle.dirty)

    def _update_position(self) -> None:
        handle = self.doc
        place = self.worklist.position(handle.id) if handle is not None else None
        self.status.show_position(place, self.worklist.done_count())

    def _update_time(self) -> None:
        self.status.show_time(self.doc.time_spent() if self.doc is not None else None)

    def _note_activity(self, *_args: object) -> None:
        self._last_activity = time.monotonic()

    def _on_clock_timeout(self) -> None:
        handle = self.doc
        if handle is None or handle.read_only:
            return
        active = QApplication.applicationState() == Qt.ApplicationState.ApplicationActive
        if active and time.monotonic() - self._last_activity < IDLE_CUTOFF_SECONDS:
            handle.seconds += 1.0
            self._update_time()

    def show_message(self, text: str, timeout_ms: int = 8000) -> None:
        self.statusBar().showMessage(text, timeout_ms)
        self.message.emit(text)

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
