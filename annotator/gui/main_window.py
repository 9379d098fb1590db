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

import sys
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QPoint, QSettings, QSignalBlocker, Qt, Signal
from PySide6.QtGui import QAction, QCloseEvent
from PySide6.QtWidgets import QMainWindow, QMenu, QWidget

from annotator.app import commands
from annotator.app.commands import Outcome
from annotator.app.document import DocumentHandle, SaveResult
from annotator.app.issue_words import issue_text
from annotator.app.recovery import AUTOSAVE_IDLE_SECONDS
from annotator.app.state import CodingState
from annotator.app.worklist import Worklist, listed_documents
from annotator.app.writer import Writer
from annotator.core.edits import Edit, SetEventType
from annotator.core.validation import ERROR, TODO, Issue
from annotator.gui import menus
from annotator.gui import preferences as prefs
from annotator.gui.actions import (
    ActionSpec,
    build_actions,
    build_menus,
    build_toolbars,
    shortcut_sheet_html,
    window_actions,
)
from annotator.gui.adjudication_mode import AdjudicationMode
from annotator.gui.bridges import IssueDebouncer
from annotator.gui.clock import CodingClock
from annotator.gui.dialog_launcher import DialogLauncher
from annotator.gui.dialogs import Asker
from annotator.gui.docks import add_docks
from annotator.gui.document_flow import DocumentFlow
from annotator.gui.document_list import DocumentList
from annotator.gui.document_view import DocumentView
from annotator.gui.event_panel import EventPanel
from annotator.gui.find_bar import FindBar
from annotator.gui.labels import button_text
from annotator.gui.marks import TextMarks
from annotator.gui.saving import Saver
from annotator.gui.search_dialog import ProjectSearch
from annotator.gui.span_table import SpanTable
from annotator.gui.status_bar import StatusLabels
from annotator.gui.text_options import TextOptions
from annotator.gui.translation import LanguageSwitch
from annotator.i18n import tr
from annotator.storage.lexicon import project_lexicon
from annotator.storage.project import Project

if TYPE_CHECKING:  # the export and import modules load when a dialog first opens
    from annotator.formats.importing import ImportReport
    from annotator.gui.transfer import AgreementDialog, ExportDialog, ImportDialog



class MainWindow(QMainWindow):
    """One project, one coder, one open document at a time."""

    documentOpened = Signal(str)
    saved = Signal(str)  # document id, after a save succeeded
    message = Signal(str)  # every status message, for tests and logs
    languageChanged = Signal(str)  # the coder chose another language: rebuild the window

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
        self.state = CodingState(self.codebook, lexicon=lambda: project_lexicon(project))
        self.worklist = Worklist()
        self.languages = LanguageSwitch(self)

        self._build_widgets()
        self.action_specs: list[ActionSpec] = window_actions(self.codebook)
        self.action_map: dict[str, QAction] = build_actions(
            self, self.action_specs, [self.document_view, self.span_table.view],
            {"adjudication": [self.adjudicator.panel], "document": [self.find_bar.area],
             "spans": [self.span_table]})
        self.adjudicator.panel.set_actions([self.action_map[a] for a in (
            "accept_a", "accept_b", "accept_c", "accept_all", "reject", "edit_item")])
        self.menus = build_menus(self.menuBar(), self.action_specs, self.action_map)
        self.text_options.bind(self.action_map)
        build_toolbars(self, self.action_specs, self.action_map)
        self.status = StatusLabels(self, coder)

        self.saver = Saver(self.state, self.asker, self.show_message,
                           int(autosave_seconds * 1000), self)
        self.saver.saved.connect(self._on_saver_saved)
        self.flow = DocumentFlow(self, project, coder, self.state, self.worklist, self.saver,
                                 self.asker, self.show_message, offer_recovery=offer_recovery)
        self.recovery = self.flow.recovery
        self.dialogs = DialogLauncher(self, project, self.flow.saved_before,
                                      self._on_import_completed, self.adjudicate)
        self.issues = IssueDebouncer(self)
        self.issues.issuesChanged.connect(self.refresh_validation)
        self.clock = CodingClock(self.state, self._update_time, self)
        self.document_view.verticalScrollBar().valueChanged.connect(self.clock.note_activity)
        self.document_view.selectionRangeChanged.connect(self.clock.note_activity)
        for action in self.action_map.values():
            action.triggered.connect(self.clock.note_activity)
        self.state.selection_requested.connect(self._on_state_selection_requested)
        self.state.span_selected.connect(self._on_state_span_selected)
        self.state.current_event_changed.connect(self._on_state_current_event_changed)

        self.state.snap_to_words = self.preferences.get(prefs.SNAP_TO_WORDS)
        with QSignalBlocker(self.action_map["snap_words"]):
            self.action_map["snap_words"].setChecked(self.state.snap_to_words)
        prefs.restore_window(self.preferences, self, self.document_view)
        self.set_document_rows()
        self._update_title()
        self.update_actions()

    # -- construction --------------------------------------------------------------------------
    def _build_widgets(self) -> None:
        self.document_view = DocumentView(self)
        self.find_bar = FindBar(self.document_view, self)  # under the text, hidden until Ctrl+F
        self.setCentralWidget(self.find_bar.area)
        self.project_search = ProjectSearch(self, self.project, self.open_at)
        self.document_list = DocumentList(self)
        self.span_table = SpanTable(self)
        self.event_panel = EventPanel(self)
        self.event_panel.setMinimumWidth(300)
        self.adjudicator = AdjudicationMode(self)
        self.marks = TextMarks(self.document_view, self.codebook, self.state)
        self.text_options = TextOptions(self.document_view, self.preferences, self.project.root,
                                        self.show_message)

        docks = add_docks(self, self.document_list, self.span_table, self.event_panel,
                          self.adjudicator.panel)
        self.documents_dock, self.spans_dock = docks.documents, docks.spans
        self.events_dock, self.adjudication_dock = docks.events, docks.adjudication

        view = self.document_view
        view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        view.customContextMenuRequested.connect(self._on_document_view_context_menu_requested)
        view.spanClicked.connect(self._on_document_view_span_clicked)
        view.selectionRangeChanged.connect(self._on_document_view_selection_range_changed)
        view.zoomChanged.connect(self._on_document_view_zoom_changed)
        view.snapper.snap = self.state.snap
        self.span_table.editRequested.connect(self.request_edit)
        self.span_table.spanActivated.connect(self._on_span_activated)
        self.span_table.currentSpanChanged.connect(self._on_span_table_current_span_changed)
        self.event_panel.editRequested.connect(self.request_edit)
        self.event_panel.eventSelected.connect(self._on_event_panel_event_selected)
        self.event_panel.spanActivated.connect(self._on_span_activated)
        self.document_list.documentActivated.connect(self._on_document_list_activated)
        self.document_list.scopeChanged.connect(self._on_document_list_scope_changed)

    # -- documents -----------------------------------------------------------------------------
    @property
    def doc(self) -> DocumentHandle | None:
        """The open document."""
        return self.state.handle

    def set_document_rows(self) -> None:
        """Fill the document list (the coder's own documents when the project assigns them,
        unless they choose All)."""
        rows, assigned, problem = listed_documents(self.project, self.coder,
                                                   self.document_list.scope())
        if problem:
            self.show_message(problem)
        self.document_list.offer_scope(assigned)
        self.worklist.set_rows((row.id, row.status) for row in rows)
        self.document_list.set_documents([(row.id, row.title, row.status) for row in rows])

    def open_document(self, doc_id: str) -> bool:
        """Open ``doc_id`` (asking about unsaved work first); False if it stays as it was."""
        if not self.flow.open(doc_id):
            return False
        self.documentOpened.emit(doc_id)
        return True

    def close_document(self, *, ask: bool = True) -> bool:
        """Close the open document, asking to save unsaved work; False if the coder cancels."""
        return self.flow.close(ask=ask)

    def next_document(self) -> bool:
        return self._step_document(+1)

    def previous_document(self) -> bool:
        return self._step_document(-1)

    def _step_document(self, step: int) -> bool:
        if not self.adjudicator.active:
            return self.flow.step(step)
        target = self.worklist.step(self.doc.id if self.doc else None, step)
        return target is not None and self.adjudicator.enter(target)

    def mark_done(self) -> bool:
        return self.flow.mark_done(self.adjudicator.unfinished())

    def adjudicate(self, doc_id: str) -> bool:
        """Open the adjudication of ``doc_id`` (from the agreement dialog's table)."""
        return self.adjudicator.enter(doc_id)

    def skip_document(self) -> bool:
        return self.flow.skip()

    def install(self, handle: DocumentHandle) -> None:
        """Show ``handle`` (just opened, and made the state's) in every widget."""
        session = handle.session
        handle.history.changed.connect(self._on_history_changed)
        self.issues.set_tracker(handle.tracker)
        self.document_view.set_document(session.document.text,
                                        self.text_options.direction_for(handle.id))
        self.marks.show()
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

    def uninstall(self, handle: DocumentHandle) -> None:
        """Stop showing ``handle`` (closed; the state has none open now)."""
        if self.adjudicator.active:
            self.adjudicator.detach()
        self.marks.hide(handle.session)
        handle.history.changed.disconnect(self._on_history_changed)
        self.issues.set_tracker(None)
        self._update_title()
        self.update_actions()

    def _on_document_list_scope_changed(self, _scope: str) -> None:
        self.set_document_rows()
        self._update_position()

    def _on_document_list_activated(self, doc_id: str) -> None:
        opened = self.adjudicator.enter(doc_id) if self.adjudicator.active \
            else self.open_document(doc_id)
        if not opened and self.doc is not None:
            self.document_list.select_document(self.doc.id)

    def open_at(self, doc_id: str, start: int, end: int) -> bool:
        """Open ``doc_id`` as the document list would, with ``[start, end)`` selected."""
        if self.doc is None or self.doc.id != doc_id:
            self._on_document_list_activated(doc_id)
        if self.doc is None or self.doc.id != doc_id:
            return False
        self.activateWindow()
        self.state.request_selection(start, end)
        self.document_view.setFocus(Qt.FocusReason.OtherFocusReason)
        return True

    # -- edits and their announcements ---------------------------------------------------------
    def push(self, edit: Edit) -> str:
        """Check and apply ``edit`` as one undo step; return '' or why it was refused (also
        shown in the status bar)."""
        try:
            reason = self.state.push(edit)
        except Exception as exc:  # a bug: logged and shown; the edit is not on the history
            reason = tr("window", "internal error ({error})").format(
                error=f"{type(exc).__name__}: {exc}")
            sys.excepthook(type(exc), exc, exc.__traceback__)
        if reason:
            self.show_message(tr("window", "Not done: {reason}").format(reason=reason))
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
            self.show_message(tr("window", "Undone: {what}").format(what=text))

    def redo(self) -> None:
        history = self.doc.history if self.doc else None
        if history is not None and history.can_redo():
            text = history.redo_text()
            history.redo()
            self.show_message(tr("window", "Redone: {what}").format(what=text))

    def _on_history_changed(self, _history: object) -> None:
        self.clock.note_activity()
        self.saver.autosave.start()  # writes the unsaved work, or removes it when none is left
        self.update_actions()
        self._update_title()

    # -- the coding state ----------------------------------------------------------------------
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
        self.marks.refresh_emphasis()

    def _on_state_selection_requested(self, rng: tuple[int, int]) -> None:
        self.document_view.select_range(*rng)

    def _on_state_current_event_changed(self, event_id: str | None, *,
                                        reveal: bool = True) -> None:
        self.event_panel.set_current_event(event_id)
        self.marks.refresh_emphasis()
        handle = self.doc
        event = handle.session.aset.event(event_id) if handle and event_id else None
        trigger = self.state.span(event.trigger) if event and event.trigger else None
        if reveal and trigger is not None:
            self.document_view.scroll_to(trigger.start)

    def current_event_id(self) -> str | None:
        return self.state.current_event_id()

    def _on_document_view_span_clicked(self, span_id: str) -> None:
        self.select_span(span_id)
        described = commands.describe_span(self.state, span_id)
        if described:
            self.show_message(described)

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
    def run_command(self, command: Callable[..., Outcome], *args: Any) -> str:
        """Run an application command (``annotator.app.commands``) on the state: what the
        action table's ``app:`` slots call. Shows its message; returns its refusal."""
        if self.doc is None:
            return "no document"
        self._sync_table_focus()
        outcome = command(self.state, *args)
        if outcome.message:
            self.show_message(outcome.message)
        if outcome.focus == "event_type":
            self.event_panel.type_combo.setFocus(Qt.FocusReason.ShortcutFocusReason)
        return outcome.refusal

    def show_label_palette(self) -> None:
        menus.popup(self, self.document_view, menus.label_actions(self.codebook, self.action_map),
                    tr("menus", "Label as"))

    def show_role_palette(self) -> None:
        if self.current_event_id() is None:
            self.show_message(tr("window", "No current event: make one with E"))
            return
        menus.popup(self, self.document_view,
                    menus.role_actions(self.state, self.codebook, self.action_map),
                    tr("menus", "Fill role"))

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
        return menus.text_context_menu(view, pos, self.state, self.codebook, self.action_map)

    def set_snap_to_words(self, on: bool) -> None:
        self.state.snap_to_words = bool(on)
        self.show_message(tr("window", "Selections snap to whole words") if on
                          else tr("window", "Selections keep their exact characters"))

    @property
    def snap_to_words(self) -> bool:
        return self.state.snap_to_words

    def zoom(self, direction: int) -> None:
        view = self.document_view
        (view.zoom_in if direction > 0 else view.zoom_out if direction < 0
         else view.zoom_reset)()

    def _on_document_view_zoom_changed(self, level: int) -> None:
        self.show_message(tr("window", "Zoom {zoom} %").format(zoom=round(100 * 1.1 ** level)))

    def focus_pane(self, name: str) -> None:
        widget = {"text": self.document_view, "spans": self.span_table.view,
                  "events": self.event_panel, "documents": self.document_list}[name]
        widget.setFocus(Qt.FocusReason.ShortcutFocusReason)
        if name == "events":
            self.event_panel.focusNextChild()

    def show_shortcuts(self) -> None:
        self.asker.shortcut_sheet(shortcut_sheet_html(self.action_specs))

    # -- validation ----------------------------------------------------------------------------
    def refresh_validation(self) -> list[Issue]:
        """Show the open document's issues in the status bar; return them."""
        return self.status.show_document_issues(self.doc)

    def strict_issues(self) -> list[Issue]:
        """What stops this document from being done: every error, with missing things counted
        as errors."""
        return self.doc.tracker.strict_problems() if self.doc is not None else []

    def goto_first_problem(self) -> Issue | None:
        self.issues.flush()  # decide on the set as it is now
        issues = [i for i in self.refresh_validation() if i.severity in (ERROR, TODO)]
        if not issues:
            self.show_message(tr("window", "Nothing missing"))
            return None
        self.goto_issue(issues[0])
        return issues[0]

    def goto_issue(self, issue: Issue) -> None:
        """Put the focus on what ``issue`` is about: the field, role or trigger in the event
        panel (its event made current), or the span in the text (the caret at its start)."""
        handle = self.doc
        if handle is None:
            return
        aset = handle.session.aset
        if issue.ref and aset.event(issue.ref) is not None:
            self.state.set_current_event(issue.ref)
        span = aset.span(issue.ref) if issue.ref else None
        if span is not None:
            self.select_span(span.id)
            self.document_view.select_range(span.start, span.start)
            self.document_view.setFocus(Qt.FocusReason.OtherFocusReason)
        else:
            self.event_panel.focus_issue(issue)
        self.show_message(tr("window", "To do: {problem}").format(
            problem=issue_text(self.codebook, issue)))

    # -- saving --------------------------------------------------------------------------------
    def save_document(self, wait: bool | None = None) -> bool:
        """Validate and write the open document (see ``Saver.save``); False if refused."""
        return self.saver.save(wait)

    def write_recovery(self, *, wait: bool = False) -> None:
        self.saver.write_recovery(wait=wait)

    @property
    def writer(self) -> Writer:
        return self.saver.writer

    def _wait_for_writer(self) -> None:
        self.saver.wait()

    def _on_saver_saved(self, handle: DocumentHandle, result: SaveResult) -> None:
        self.worklist.set_status(handle.id, result.status)
        self.document_list.set_status(handle.id, result.status)
        self._update_title()
        self._update_position()
        self.saved.emit(handle.id)

    # -- export and import ---------------------------------------------------------------------
    def show_export_dialog(self) -> ExportDialog | None:
        return self.dialogs.export()

    def show_import_dialog(self) -> ImportDialog | None:
        return self.dialogs.import_annotations()

    def show_agreement_dialog(self) -> AgreementDialog | None:
        return self.dialogs.agreement()

    @property
    def transfer_dialog(self) -> ExportDialog | ImportDialog | AgreementDialog | None:
        return self.dialogs.current

    def _on_import_completed(self, report: ImportReport) -> None:
        if report.written or report.sets_written:
            self.set_document_rows()
            self._update_position()
            self.show_message(report.summary())

    # -- window state --------------------------------------------------------------------------
    def condition(self, name: str) -> bool:
        if name == "adjudicating":
            return self.adjudicator.active
        return self.state.condition(name)

    def update_actions(self) -> None:
        for spec in self.action_specs:
            self.action_map[spec.id].setEnabled(self.condition(spec.when))
        handle = self.doc
        if handle is not None:
            history = handle.history  # its texts quote the document: "&" is no mnemonic
            undo, redo = button_text(history.undo_text()), button_text(history.redo_text())
            self.action_map["undo"].setText(tr("window", "&Undo {what}").format(what=undo)
                                            if undo else tr("actions", "&Undo"))
            self.action_map["redo"].setText(tr("window", "&Redo {what}").format(what=redo)
                                            if redo else tr("actions", "&Redo"))

    def _update_title(self) -> None:
        handle = self.doc
        if handle is None:
            title = tr("window", "{project} — annotator")
        elif handle.read_only:
            title = tr("window", "{title} (read-only)[*] — {project} — annotator")
        else:
            title = tr("window", "{title}[*] — {project} — annotator")
        self.setWindowTitle(title.format(title=handle.title if handle else "",
                                         project=self.project.name))
        self.setWindowModified(handle is not None and handle.dirty)

    def _update_position(self) -> None:
        handle = self.doc
        place = self.worklist.position(handle.id) if handle is not None else None
        self.status.show_position(place, self.worklist.done_count())

    def _update_time(self) -> None:
        self.status.show_time(self.doc.time_spent() if self.doc is not None else None)

    def show_message(self, text: str, timeout_ms: int = 8000) -> None:
        self.statusBar().showMessage(text, timeout_ms)
        self.message.emit(text)

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self.close_document():
            event.ignore()
            return
        self.dialogs.close()
        self.project_search.close()
        prefs.save_window(self.preferences, self, self.document_view, self.state.snap_to_words)
        self.clock.stop()
        self.saver.shutdown()
        event.accept()
