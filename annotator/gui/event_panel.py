"""The event panel: the document's events, the current event's roles and fields, what is missing.

It assembles its parts: the event list (here), the Missing box (``missing_box``), the current
event (``event_editor``) and the document's fields (``field_form``). Built from the codebook, so
a new codebook needs no code. Like every panel it never edits the session: user actions become
``editRequested(edit)`` and the window applies them; the session's change events bring the
change back here.
"""

from __future__ import annotations

import re
from typing import Any

from PySide6.QtCore import QEvent, QModelIndex, QObject, QPoint, QSize, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QFrame,
    QGroupBox,
    QListView,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from annotator.app.issues import IssueTracker
from annotator.core.edits import SetDocumentField
from annotator.core.events import ChangeBatch
from annotator.core.session import AnnotationSession
from annotator.core.validation import Issue
from annotator.gui.bridges import IssueDebouncer
from annotator.gui.event_editor import EventEditor
from annotator.gui.field_form import FieldForm
from annotator.gui.labels import plain_label
from annotator.gui.missing_box import MissingBox
from annotator.gui.models import EventListModel
from annotator.i18n import tr

REVEAL_MARGIN = 40  # pixels kept in view above and below an editor that gets the focus
# An issue about part of an event: "$.events[2].fields.fatalities", "$.events[0].subtype".
_EVENT_PART = re.compile(r"^\$\.events\[\d+\]\.(?P<part>\w+)(?:\.(?P<name>\w+))?")


def _show_new_rows(widget: QWidget, top: QWidget) -> None:
    """Show ``widget`` and its parents below ``top`` that their layout has yet to show.

    A widget added to a shown layout is shown only at the next turn of the event loop, and a
    hidden widget cannot take the focus: the rows of an event just made current are like that.
    Widgets hidden on purpose stay hidden."""
    chain = []
    while widget is not None and widget is not top:
        chain.append(widget)
        widget = widget.parentWidget()
    for w in reversed(chain):
        if w.isHidden() and not w.testAttribute(Qt.WidgetAttribute.WA_WState_ExplicitShowHide):
            w.show()


class EventPanel(QWidget):
    """Events of the document and the current event's type, trigger, roles and fields."""

    editRequested = Signal(object)
    eventSelected = Signal(str)
    spanActivated = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("eventPanel")
        self._session: AnnotationSession | None = None
        self._quiet = 0

        # -- the event list ----------------------------------------------------------------
        self.events_model = EventListModel(self)
        self._tracker: IssueTracker | None = None
        self._own_tracker = False  # made here for a session given without one
        self.debouncer = IssueDebouncer(self)
        self.debouncer.issuesChanged.connect(self._on_issues_changed)
        # Connected before the view's own handlers, so moves of the current row caused by a
        # model change are not taken for the user's pick.
        self.events_model.rowsAboutToBeInserted.connect(self._on_model_changing)
        self.events_model.rowsAboutToBeRemoved.connect(self._on_model_changing)
        self.events_model.modelAboutToBeReset.connect(self._on_model_changing)
        self.events_model.rowsInserted.connect(self._on_model_changed)
        self.events_model.rowsRemoved.connect(self._on_model_changed)
        self.events_model.modelReset.connect(self._on_model_changed)
        self.list = QListView(self)
        self.list.setObjectName("eventList")
        self.list.setModel(self.events_model)
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.list.setUniformItemSizes(True)
        # Long type names are cut in the middle so the id and "· 3 missing" stay in view.
        self.list.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        rows = 5
        self.list.setFixedHeight(self.list.fontMetrics().height() * rows + 14)
        self.list.selectionModel().currentRowChanged.connect(self._on_list_current_row_changed)
        self.list_title = plain_label(tr("panel", "Events"), self, wrap=False)
        self.list_title.setObjectName("eventListTitle")

        # -- what is missing ---------------------------------------------------------------
        self.missing_box = MissingBox(self)
        self._missing_timer = QTimer(self)
        self._missing_timer.setSingleShot(True)
        self._missing_timer.setInterval(0)
        self._missing_timer.timeout.connect(self.refresh_missing)

        # -- the current event -------------------------------------------------------------
        self.event_box = EventEditor(self)
        self.event_box.editRequested.connect(self._request)
        self.event_box.spanActivated.connect(self.spanActivated)
        # Its parts, by the names the window and the tests use.
        self.placeholder = self.event_box.placeholder
        self.details = self.event_box.details
        self.type_combo = self.event_box.type_combo
        self.subtype_combo = self.event_box.subtype_combo
        self.trigger_row = self.event_box.trigger_row
        self.available_label = self.event_box.available_label
        self.roles = self.event_box.roles
        self.fields = self.event_box.fields

        # -- the document --------------------------------------------------------------------
        self.document_box = QGroupBox(tr("panel", "Document"), self)
        self.document_box.setObjectName("documentBox")
        self.document_fields = FieldForm(self.document_box)
        self.document_fields.setObjectName("documentFields")
        self.document_fields.form.setContentsMargins(0, 0, 0, 0)  # the box has margins
        QVBoxLayout(self.document_box).addWidget(self.document_fields)
        self.document_fields.valueEdited.connect(self._on_document_fields_value_edited)

        # -- assembly ------------------------------------------------------------------------
        content = QWidget()
        content.setObjectName("eventPanelContent")
        content_lay = QVBoxLayout(content)
        content_lay.setContentsMargins(0, 0, 4, 0)
        content_lay.setSpacing(8)
        content_lay.addWidget(self.missing_box)
        content_lay.addWidget(self.event_box)
        content_lay.addWidget(self.document_box)
        content_lay.addStretch(1)
        self.scroll = QScrollArea(self)
        self.scroll.setObjectName("eventScroll")
        self.scroll.setWidgetResizable(True)
        self.scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.scroll.setWidget(content)
        # When the panel's rows change (the Missing box grows, a new event's roles arrive),
        # the focused editor is brought back into view once the layout has settled.
        content.installEventFilter(self)
        self._reveal_timer = QTimer(self)
        self._reveal_timer.setSingleShot(True)
        self._reveal_timer.setInterval(0)
        self._reveal_timer.timeout.connect(self._reveal_focus)

        lay = QVBoxLayout(self)
        lay.setContentsMargins(4, 4, 4, 4)
        lay.setSpacing(4)
        lay.addWidget(self.list_title)
        lay.addWidget(self.list)
        lay.addWidget(self.scroll, 1)
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.focusChanged.connect(self._on_app_focus_changed)
        self._refresh_all()

    def sizeHint(self) -> QSize:
        return QSize(380, 700)

    # -- public API --------------------------------------------------------------------------
    def set_session(self, session: AnnotationSession | None,
                    tracker: IssueTracker | None = None) -> None:
        """Show ``session``; its issues come from ``tracker`` (one is made when none is
        given, as for a panel on its own)."""
        if self._session is not None:
            self._session.changed.disconnect(self._on_session_changed)
        if self._own_tracker and self._tracker is not None:
            self._tracker.close()
        self._own_tracker = session is not None and tracker is None
        if self._own_tracker:
            tracker = IssueTracker(session)  # type: ignore[arg-type]
        self._tracker = tracker
        self.debouncer.set_tracker(tracker)
        self._session = session
        self.event_box.set_session(session)
        self.events_model.set_session(session, tracker)
        if session is not None:
            session.changed.connect(self._on_session_changed)
        self.document_fields.build(session.codebook.document_fields if session else ())
        self._refresh_all()

    def set_current_event(self, event_id: str | None) -> None:
        """Show ``event_id`` (``None``: no event); does not emit ``eventSelected``."""
        if event_id is not None and (self._session is None
                                     or self._session.aset.event(event_id) is None):
            event_id = None
        self.event_box.set_event(event_id)
        self._sync_list_selection()
        self._missing_timer.start()

    def current_event_id(self) -> str | None:
        return self.event_box.event_id()

    def set_available_span(self, span_id: str | None) -> None:
        """The span selected elsewhere, offered to the trigger and the roles that accept it."""
        self.event_box.set_available_span(span_id)

    def refresh_missing(self) -> None:
        """Fill the Missing box from the issue tracker (once edits settle)."""
        self._missing_timer.stop()
        self.missing_box.show_issues(self._session, self._tracker, self.event_box.event_id())

    def missing_text(self) -> str:
        """The Missing box as shown (for tests and the window's status tips)."""
        return self.missing_box.text()

    def focus_issue(self, issue: Issue) -> bool:
        """Put the focus on what ``issue`` is about (the current event's type, trigger, role
        or field, or a document field) and show it; False if the panel has nothing for it."""
        target: QWidget | None = None
        event_part = _EVENT_PART.match(issue.where)
        if event_part is not None:
            target = self.event_box.widget_for(event_part["part"], event_part["name"] or "")
        elif issue.where.startswith("$.fields") and self.document_fields.editors:
            name = issue.where[len("$.fields."):].split(".")[0].split("[")[0]
            target = self.document_fields.editors.get(name) \
                or next(iter(self.document_fields.editors.values()))
        if target is None or not target.isEnabled():
            return False
        _show_new_rows(target, self.scroll.widget())
        target.setFocus(Qt.FocusReason.OtherFocusReason)
        self.reveal(target)
        return True

    def reveal(self, widget: QWidget) -> None:
        """Scroll the panel so the whole of ``widget`` (one of its editors) is in view, with
        some of what surrounds it; layouts still pending (a new event's rows) are done first.

        Not ``QScrollArea.ensureWidgetVisible``: for a text editor that shows only its caret
        line, and a coder about to type notes wants the whole box."""
        QApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest)
        content = self.scroll.widget()
        if not content.isAncestorOf(widget):
            return
        top = widget.mapTo(content, QPoint(0, 0)).y() - REVEAL_MARGIN
        bottom = top + widget.height() + 2 * REVEAL_MARGIN
        bar = self.scroll.verticalScrollBar()
        height = self.scroll.viewport().height()
        if top < bar.value() or bottom - top > height:
            bar.setValue(top)
        elif bottom > bar.value() + height:
            bar.setValue(bottom - height)

    def _on_app_focus_changed(self, _old: QWidget | None, new: QWidget | None) -> None:
        # Whatever gets the focus in the panel is shown: a new event's Type box, F8's field,
        # a Tab onto an editor out of view.
        if new is not None and self.scroll.widget().isAncestorOf(new):
            self.reveal(new)

    def _reveal_focus(self) -> None:
        focused = QApplication.focusWidget()
        if focused is not None:
            self.reveal(focused)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.scroll.widget() and event.type() == QEvent.Type.Resize:
            self._reveal_timer.start()
        return super().eventFilter(watched, event)

    # -- refresh -----------------------------------------------------------------------------
    def _request(self, edit: Any) -> None:
        self.editRequested.emit(edit)
        # If the window refused the edit, nothing changed: show the stored values again.
        QTimer.singleShot(0, self, self._resync_values)

    def _resync_values(self) -> None:
        self.event_box.resync_values()
        self._show_document_values()

    def _refresh_all(self) -> None:
        self._sync_list_selection()
        self.event_box.refresh()
        self._show_document_values()
        self.document_box.setVisible(bool(self.document_fields.editors))
        self._missing_timer.start()

    def _show_document_values(self) -> None:
        if self._session is not None:
            self.document_fields.show_values(self._session.aset.fields)

    # -- list selection ----------------------------------------------------------------------
    def _sync_list_selection(self) -> None:
        self._quiet += 1
        try:
            sel = self.list.selectionModel()
            current = self.event_box.event_id()
            row = self.events_model.row_of(current) if current else -1
            if row < 0:
                sel.clearSelection()
                sel.clearCurrentIndex()
            else:
                index = self.events_model.index(row)
                sel.setCurrentIndex(index, sel.SelectionFlag.ClearAndSelect)
                self.list.scrollTo(index)
        finally:
            self._quiet -= 1

    def _on_model_changing(self, *_args: object) -> None:
        self._quiet += 1

    def _on_model_changed(self, *_args: object) -> None:
        self._quiet = max(self._quiet - 1, 0)
        self._sync_list_selection()

    def _on_list_current_row_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if self._quiet or not current.isValid():
            return
        event_id = self.events_model.event_id_at(current.row())
        if event_id == self.event_box.event_id():
            return
        self.set_current_event(event_id)
        self.eventSelected.emit(event_id)

    # -- session changes ---------------------------------------------------------------------
    def _on_issues_changed(self) -> None:
        self.events_model.issues_refreshed()
        self.refresh_missing()

    def _on_session_changed(self, batch: ChangeBatch) -> None:
        if self.event_box.apply_changes(batch):
            self._sync_list_selection()
        if batch.replaced:
            self._show_document_values()
            self._missing_timer.start()
        elif batch.document_fields():
            self._show_document_values()
        # Otherwise the Missing box follows the issues (``_on_issues_changed``), once edits
        # settle.

    def _on_document_fields_value_edited(self, field_id: str, value: Any) -> None:
        if self._session is not None:
            self._request(SetDocumentField(field_id, value))
