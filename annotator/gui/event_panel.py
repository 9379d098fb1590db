"""The event panel: the document's events, the current event's roles and fields, what is missing.

Built from the codebook (roles and fields of the event's type, the document fields), so a new
codebook needs no code. Like every panel it never edits the session: user actions become
``editRequested(edit)`` and the window applies them; the session's change events bring the
change back here.
"""

from __future__ import annotations

import re
from typing import Any

from PySide6.QtCore import QModelIndex, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFormLayout,
    QFrame,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLayout,
    QListView,
    QScrollArea,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from annotator.app.issues import IssueTracker
from annotator.core.codebook import Codebook, RoleDef
from annotator.core.edits import (
    AddRoleFiller,
    AnnotationSession,
    RemoveRoleFiller,
    SetDocumentField,
    SetEventField,
    SetEventType,
    SetTrigger,
)
from annotator.core.events import ChangeBatch
from annotator.core.fields import FieldDef
from annotator.core.model import Event, Span
from annotator.core.validation import ERROR, Issue
from annotator.gui.bridges import IssueDebouncer
from annotator.gui.field_widgets import FieldEditor, make_field_editor, plain_tooltip
from annotator.gui.models import EventListModel, bilingual, short_name

EMPTY = "—"
CHIP_CHARS = 28  # span text longer than this is cut in a chip (the tooltip has all of it)
MISSING_LINES = 8


def role_title(role: RoleDef, required: bool) -> str:
    """``"[1] Actor 1 · الفاعل الأول *"``: key, bilingual name, required mark."""
    key = f"[{role.key}] " if role.key else ""
    return f"{key}{bilingual(role.name, role.name_ar)}" + (" *" if required else "")


def keep_parts(text: str) -> str:
    """Let a label wrap only between its English and Arabic parts (at ``" · "``).

    A narrow dock otherwise breaks "الفاعل الأول" in the middle; no-break spaces keep each part
    whole.
    """
    return " · ".join(part.replace(" ", "\u00a0") for part in text.split(" · "))


def clip(text: str, limit: int = CHIP_CHARS) -> str:
    """One line of at most ``limit`` characters (line breaks become spaces)."""
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1].rstrip() + "…"


def button_text(text: str) -> str:
    """Text for a button label: ``&`` would become a mnemonic, so it is doubled."""
    return text.replace("&", "&&")


_EVENT_PATH = re.compile(r"^\$\.events\[\d+\](.*)$")
_PREFIX = re.compile(r"^event [^:]*?(?: \([^)]*\))?: ")


def plain_issue(issue: Issue, cb: Codebook, event: Event | None) -> str:
    """One line a coder understands: what to do, named as the panel names it."""
    m = _EVENT_PATH.match(issue.where)
    tail = m.group(1) if m else ""
    required = issue.message.endswith(" is required")
    if m and event is not None:
        if tail == ".subtype" and "choose a sub-type" in issue.message:
            return "Choose a sub-type"
        if tail == ".trigger" and "mark its trigger" in issue.message:
            return "Mark the trigger: the word that names the event"
        if tail.startswith(".roles.") and required:
            role = cb.role(tail[len(".roles."):])
            return f"Fill {role_title(role, False) if role else tail[7:]}"
        if tail.startswith(".fields.") and required:
            fd = cb.field_for(event.type, tail[len(".fields."):])
            return f"Set {bilingual(fd.name, fd.name_ar) if fd else tail[8:]}"
        text = _PREFIX.sub("", issue.message)
        return text[:1].upper() + text[1:]
    if issue.where.startswith("$.fields.") and required:
        fd = cb.document_field(issue.where[len("$.fields."):])
        return f"Document: set {bilingual(fd.name, fd.name_ar) if fd else issue.where[9:]}"
    return issue.message[:1].upper() + issue.message[1:]


def _label_colors(cb: Codebook, label_id: str) -> tuple[str, str]:
    lab = cb.label(label_id)
    base = QColor(lab.color if lab else "#999999")
    light = QColor(base)
    light.setAlpha(40)
    return base.name(), f"rgba({light.red()},{light.green()},{light.blue()},{light.alpha()})"


def _plain_label(text: str = "", parent: QWidget | None = None, *, wrap: bool = True) -> QLabel:
    label = QLabel(parent)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(wrap)
    label.setText(text)
    return label


class SpanChip(QFrame):
    """A role filler or trigger: its text (click to see it in the document) and a ✕."""

    activated = Signal(str)
    removeClicked = Signal(str)

    def __init__(self, span: Span, cb: Codebook, remove_tip: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.span_id = span.id
        self.setObjectName("chip")
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        border, fill = _label_colors(cb, span.label)
        self.setStyleSheet(f"QFrame#chip {{ border: 1px solid {border}; border-radius: 3px;"
                           f" background: {fill}; }}")
        lay = QHBoxLayout(self)
        lay.setContentsMargins(2, 0, 0, 0)
        lay.setSpacing(0)
        self.text_button = QToolButton(self)
        self.text_button.setObjectName("chipText")
        self.text_button.setAutoRaise(True)
        self.text_button.setText(button_text(clip(span.text)))
        lab = cb.label(span.label)
        self.text_button.setToolTip(plain_tooltip(
            f"{span.text}\n{lab.name if lab else span.label} · {span.id} · "
            f"{span.start}-{span.end}\nClick to show it in the text"))
        self.text_button.setCursor(Qt.CursorShape.PointingHandCursor)
        self.remove_button = QToolButton(self)
        self.remove_button.setObjectName("chipRemove")
        self.remove_button.setAutoRaise(True)
        self.remove_button.setText("✕")
        self.remove_button.setToolTip(remove_tip)
        lay.addWidget(self.text_button, 1)
        lay.addWidget(self.remove_button)
        self.text_button.clicked.connect(self._on_text_button_clicked)
        self.remove_button.clicked.connect(self._on_remove_button_clicked)

    def text(self) -> str:
        return self.text_button.text().replace("&&", "&")

    def _on_text_button_clicked(self) -> None:
        self.activated.emit(self.span_id)

    def _on_remove_button_clicked(self) -> None:
        self.removeClicked.emit(self.span_id)


def _clear_layout(layout: QLayout) -> None:
    """Empty a layout; widgets are deleted later, as one may be inside its own click."""
    while layout.count():
        item = layout.takeAt(0)
        w = item.widget()
        if w is not None:
            w.hide()
            w.setParent(None)
            w.deleteLater()
        elif item.layout() is not None:
            _clear_layout(item.layout())


class EventPanel(QWidget):
    """Events of the document and the current event's type, trigger, roles and fields."""

    editRequested = Signal(object)
    eventSelected = Signal(str)
    spanActivated = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("eventPanel")
        self._session: AnnotationSession | None = None
        self._current: str | None = None
        self._available: str | None = None
        self._trigger_chips: set[str] = set()  # span ids the trigger row shows
        self._role_chips: set[str] = set()  # and the roles
        self._quiet = 0
        self._field_editors: dict[str, FieldEditor] = {}
        self._field_labels: dict[str, QLabel] = {}
        self._fields_type: str | None = None
        self._doc_editors: dict[str, FieldEditor] = {}

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
        self.list_title = _plain_label("Events", self, wrap=False)
        self.list_title.setObjectName("eventListTitle")

        # -- what is missing ---------------------------------------------------------------
        self.missing_box = QGroupBox("Missing", self)
        self.missing_box.setObjectName("missingBox")
        self.missing_label = _plain_label("", self.missing_box)
        self.missing_label.setObjectName("missingText")
        self.missing_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        QVBoxLayout(self.missing_box).addWidget(self.missing_label)
        self._missing_timer = QTimer(self)
        self._missing_timer.setSingleShot(True)
        self._missing_timer.setInterval(0)
        self._missing_timer.timeout.connect(self.refresh_missing)

        # -- the current event -------------------------------------------------------------
        self.event_box = QGroupBox("Event", self)
        self.event_box.setObjectName("eventBox")
        box_lay = QVBoxLayout(self.event_box)
        box_lay.setSpacing(6)
        self.placeholder = _plain_label(
            "No event selected. Pick one in the list above, or create one from its trigger "
            "word in the text.", self.event_box)
        self.placeholder.setObjectName("noEvent")
        self.placeholder.setStyleSheet("color: palette(mid);")
        box_lay.addWidget(self.placeholder)

        self.details = QWidget(self.event_box)
        self.details.setObjectName("eventDetails")
        box_lay.addWidget(self.details)
        details_lay = QVBoxLayout(self.details)
        details_lay.setContentsMargins(0, 0, 0, 0)
        details_lay.setSpacing(6)

        head = QFormLayout()
        head.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        head.setSpacing(4)
        self.type_combo = QComboBox(self.details)
        self.type_combo.setObjectName("eventType")
        self.subtype_combo = QComboBox(self.details)
        self.subtype_combo.setObjectName("eventSubtype")
        for combo in (self.type_combo, self.subtype_combo):
            combo.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            combo.setMinimumContentsLength(10)
            combo.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
            combo.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.subtype_label = _plain_label("Sub-type", self.details, wrap=False)
        self.trigger_row = QWidget(self.details)
        self.trigger_row.setObjectName("trigger")
        self.trigger_lay = QHBoxLayout(self.trigger_row)
        self.trigger_lay.setContentsMargins(0, 0, 0, 0)
        self.trigger_lay.setSpacing(4)
        self.trigger_label = _plain_label("Trigger", self.details, wrap=False)
        head.addRow(_plain_label("Type *", self.details, wrap=False), self.type_combo)
        head.addRow(self.subtype_label, self.subtype_combo)
        head.addRow(self.trigger_label, self.trigger_row)
        details_lay.addLayout(head)

        self.available_label = _plain_label("", self.details)
        self.available_label.setObjectName("availableSpan")
        # Not italic: the fallback font has no italic Arabic and would draw empty boxes.
        self.available_label.setStyleSheet("color: palette(dark);")
        details_lay.addWidget(self.available_label)

        details_lay.addWidget(self._section_title("Roles · الأدوار"))
        self.roles = QWidget(self.details)
        self.roles.setObjectName("roles")
        self.roles_lay = QGridLayout(self.roles)
        self.roles_lay.setContentsMargins(0, 0, 0, 0)
        self.roles_lay.setHorizontalSpacing(6)
        self.roles_lay.setVerticalSpacing(3)
        self.roles_lay.setColumnStretch(1, 1)
        details_lay.addWidget(self.roles)

        details_lay.addWidget(self._section_title("Fields · الحقول"))
        self.fields = QWidget(self.details)
        self.fields.setObjectName("eventFields")
        self.fields_lay = self._form(self.fields)
        details_lay.addWidget(self.fields)

        # -- the document --------------------------------------------------------------------
        self.document_box = QGroupBox("Document", self)
        self.document_box.setObjectName("documentBox")
        self.document_lay = self._form(self.document_box)

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

        lay = QVBoxLayout(self)
        lay.setContentsMargins(4, 4, 4, 4)
        lay.setSpacing(4)
        lay.addWidget(self.list_title)
        lay.addWidget(self.list)
        lay.addWidget(self.scroll, 1)

        self.type_combo.activated.connect(self._on_type_combo_activated)
        self.subtype_combo.activated.connect(self._on_subtype_combo_activated)
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
        self._current = None
        self._available = None
        self.events_model.set_session(session, tracker)
        if session is not None:
            session.changed.connect(self._on_session_changed)
        self._build_document_fields()
        self._fields_type = None
        self._refresh_all()

    def set_current_event(self, event_id: str | None) -> None:
        """Show ``event_id`` (``None``: no event); does not emit ``eventSelected``."""
        if event_id is not None and (self._session is None
                                     or self._session.aset.event(event_id) is None):
            event_id = None
        self._current = event_id
        self._sync_list_selection()
        self._refresh_event()
        self._schedule_missing()

    def current_event_id(self) -> str | None:
        return self._current

    def set_available_span(self, span_id: str | None) -> None:
        """The span selected elsewhere, offered to the trigger and the roles that accept it."""
        self._available = span_id
        self._refresh_trigger()
        self._refresh_roles()
        self._refresh_available()

    # -- layout helpers --------------------------------------------------------------------
    @staticmethod
    def _form(parent: QWidget) -> QFormLayout:
        form = QFormLayout(parent)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.setLabelAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        form.setSpacing(4)
        return form

    def _section_title(self, text: str) -> QLabel:
        label = _plain_label(text, self.details, wrap=False)
        font = label.font()
        font.setBold(True)
        label.setFont(font)
        label.setContentsMargins(0, 4, 0, 0)
        return label

    # -- state helpers -----------------------------------------------------------------------
    def _event(self) -> Event | None:
        if self._session is None or self._current is None:
            return None
        return self._session.aset.event(self._current)

    def _available_span(self) -> Span | None:
        if self._session is None or self._available is None:
            return None
        return self._session.aset.span(self._available)

    def _request(self, edit: Any) -> None:
        self.editRequested.emit(edit)
        # If the window refused the edit, nothing changed: show the stored values again.
        QTimer.singleShot(0, self, self._resync_values)

    def _schedule_missing(self) -> None:
        self._missing_timer.start()

    # -- refresh ---------------------------------------------------------------------------
    def _refresh_all(self) -> None:
        self._sync_list_selection()
        self._refresh_event()
        self._refresh_document_values()
        self.document_box.setVisible(bool(self._doc_editors))
        self._schedule_missing()

    def _refresh_event(self) -> None:
        e = self._event()
        if e is None:
            self._current = None
        self.placeholder.setVisible(e is None)
        self.details.setVisible(e is not None)
        self.event_box.setTitle(f"Event {e.id}" if e else "Event")
        if e is None or self._session is None:
            return
        self._refresh_type()
        self._refresh_trigger()
        self._refresh_roles()
        self._refresh_fields()
        self._refresh_available()

    def _refresh_type(self) -> None:
        e, s = self._event(), self._session
        if e is None or s is None:
            return
        cb = s.codebook
        self.type_combo.clear()
        for et in cb.event_types:
            self.type_combo.addItem(bilingual(et.name, et.name_ar), et.id)
            if et.help:
                self.type_combo.setItemData(self.type_combo.count() - 1, et.help,
                                            Qt.ItemDataRole.ToolTipRole)
        i = self.type_combo.findData(e.type)
        if i < 0:  # a type this codebook lacks: show it rather than pick another
            self.type_combo.addItem(f"{e.type} (unknown type)", e.type)
            i = self.type_combo.count() - 1
        self.type_combo.setCurrentIndex(i)
        et = cb.event_type(e.type)
        self.subtype_combo.clear()
        self.subtype_combo.addItem(EMPTY, None)
        for st in et.subtypes if et else ():
            self.subtype_combo.addItem(bilingual(st.name, st.name_ar), st.id)
            if st.help:
                self.subtype_combo.setItemData(self.subtype_combo.count() - 1, st.help,
                                               Qt.ItemDataRole.ToolTipRole)
        j = self.subtype_combo.findData(e.subtype) if e.subtype is not None else 0
        if j < 0:
            self.subtype_combo.addItem(f"{e.subtype} (unknown)", e.subtype)
            j = self.subtype_combo.count() - 1
        self.subtype_combo.setCurrentIndex(j)
        self.subtype_combo.setEnabled(bool(et and et.subtypes))
        self.subtype_label.setText("Sub-type *" if et and et.subtypes else "Sub-type")

    def _refresh_trigger(self) -> None:
        _clear_layout(self.trigger_lay)
        self._trigger_chips = set()
        e, s = self._event(), self._session
        if e is None or s is None:
            return
        cb = s.codebook
        self.trigger_label.setText("Trigger *" if cb.trigger_required else "Trigger")
        span = s.aset.span(e.trigger) if e.trigger else None
        if span is not None:
            chip = SpanChip(span, cb, "Clear the trigger", self.trigger_row)
            self._trigger_chips.add(span.id)
            chip.activated.connect(self.spanActivated)
            chip.removeClicked.connect(self._on_trigger_remove_clicked)
            self.trigger_lay.addWidget(chip)
        else:
            none = _plain_label("none", self.trigger_row, wrap=False)
            none.setObjectName("noTrigger")
            none.setStyleSheet("color: palette(mid);")
            self.trigger_lay.addWidget(none)
        avail = self._available_span()
        if avail is not None and avail.id != e.trigger and (
                not cb.trigger_labels or avail.label in cb.trigger_labels):
            use = QToolButton(self.trigger_row)
            use.setObjectName("useAsTrigger")
            use.setText(button_text(f"← use «{clip(avail.text, 16)}»"))
            use.setToolTip(plain_tooltip(f"Make the selected span the trigger: {avail.text}"))
            use.clicked.connect(self._on_use_as_trigger_clicked)
            self.trigger_lay.addWidget(use)
        self.trigger_lay.addStretch(1)

    def _refresh_roles(self) -> None:
        _clear_layout(self.roles_lay)
        self._role_chips = set()
        e, s = self._event(), self._session
        if e is None or s is None:
            return
        cb = s.codebook
        et = cb.event_type(e.type)
        role_ids = list(et.roles) if et else []
        role_ids += [r for r in e.roles if r not in role_ids]  # stray roles stay visible
        required = set(cb.required_roles(e.type, e.subtype))
        avail = self._available_span()
        for row, rid in enumerate(role_ids):
            rd = cb.role(rid)
            fillers = e.roles.get(rid, [])
            title = role_title(rd, rid in required) if rd else f"{rid} (unknown role)"
            name = _plain_label(keep_parts(title), self.roles)
            name.setObjectName(f"role_{rid}")
            if rd is not None and rd.help:
                name.setToolTip(plain_tooltip(rd.help + "\nTakes: " + ", ".join(
                    short_name(cb.label(x).name) if cb.label(x) else x for x in rd.labels)))
            if rid in required and not fillers:
                name.setStyleSheet("color: #b71c1c;")
            cell = QWidget(self.roles)
            cell.setObjectName(f"fillers_{rid}")
            cell_lay = QVBoxLayout(cell)
            cell_lay.setContentsMargins(0, 0, 0, 0)
            cell_lay.setSpacing(2)
            for sid in fillers:
                span = s.aset.span(sid)
                if span is None:
                    missing = _plain_label(f"{sid} (missing span)", cell)
                    cell_lay.addWidget(missing)
                    continue
                chip = SpanChip(span, cb, f"Remove from {rd.name if rd else rid}", cell)
                self._role_chips.add(span.id)
                chip.activated.connect(self.spanActivated)
                chip.removeClicked.connect(
                    lambda sid, rid=rid: self._on_filler_remove_clicked(rid, sid))
                cell_lay.addWidget(chip)
            offer = rd is not None and avail is not None and avail.label in rd.labels \
                and avail.id not in fillers and (rd.max is None or rd.max == 1
                                                 or len(fillers) < rd.max)
            if not fillers and not offer:
                empty = _plain_label(EMPTY, cell, wrap=False)
                empty.setStyleSheet("color: palette(mid);")
                cell_lay.addWidget(empty)
            if offer and rd is not None and avail is not None:
                add = QToolButton(cell)
                add.setObjectName(f"add_{rid}")
                replace = rd.max == 1 and bool(fillers)
                add.setText("⇄ replace" if replace else "+ add")
                add.setToolTip(plain_tooltip(
                    f"{'Replace with' if replace else 'Add'} the selected span: {avail.text}"))
                add.clicked.connect(lambda _=False, rid=rid: self._on_add_filler_clicked(rid))
                cell_lay.addWidget(add, 0, Qt.AlignmentFlag.AlignLeft)
            cell_lay.addStretch(1)
            self.roles_lay.addWidget(name, row, 0, Qt.AlignmentFlag.AlignTop)
            self.roles_lay.addWidget(cell, row, 1)

    def _refresh_available(self) -> None:
        span = self._available_span() if self._event() is not None else None
        if span is None:
            self.available_label.hide()
            return
        cb = self._session.codebook if self._session else None
        lab = cb.label(span.label) if cb else None
        self.available_label.setText(
            f"Selected span: «{clip(span.text, 40)}» "
            f"({short_name(lab.name) if lab else span.label}): “+ add” puts it in a role")
        self.available_label.show()

    def _refresh_fields(self) -> None:
        e, s = self._event(), self._session
        if e is None or s is None:
            return
        if self._fields_type != e.type:
            self._build_event_fields(e.type)
        required = set(s.codebook.required_fields(e.type, e.subtype))
        for fid, label in self._field_labels.items():
            fd = self._field_editors[fid].field
            label.setText(keep_parts(bilingual(fd.name, fd.name_ar)
                                     + (" *" if fid in required else "")))
        self._resync_event_values()

    def _build_event_fields(self, type_id: str) -> None:
        assert self._session is not None
        for editor in self._field_editors.values():
            editor.blockSignals(True)  # a focused editor must not commit while it is removed
        _clear_form(self.fields_lay)
        self._field_editors.clear()
        self._field_labels.clear()
        for fd in self._session.codebook.fields_for(type_id):
            editor, label = self._add_field(self.fields_lay, self.fields, fd)
            editor.valueEdited.connect(
                lambda value, fid=fd.id: self._on_event_field_edited(fid, value))
            self._field_editors[fd.id] = editor
            self._field_labels[fd.id] = label
        self._fields_type = type_id

    def _build_document_fields(self) -> None:
        for editor in self._doc_editors.values():
            editor.blockSignals(True)
        _clear_form(self.document_lay)
        self._doc_editors.clear()
        if self._session is None:
            return
        for fd in self._session.codebook.document_fields:
            editor, _ = self._add_field(self.document_lay, self.document_box, fd)
            editor.valueEdited.connect(
                lambda value, fid=fd.id: self._on_document_field_edited(fid, value))
            self._doc_editors[fd.id] = editor

    @staticmethod
    def _add_field(form: QFormLayout, parent: QWidget,
                   fd: FieldDef) -> tuple[FieldEditor, QLabel]:
        label = _plain_label(keep_parts(bilingual(fd.name, fd.name_ar)
                                        + (" *" if fd.required else "")), parent)
        label.setObjectName(f"label_{fd.id}")
        label.setToolTip(plain_tooltip(fd.help))
        editor = make_field_editor(fd, parent)
        label.setBuddy(editor)
        form.addRow(label, editor)
        return editor, label

    def _resync_values(self) -> None:
        self._resync_event_values()
        self._refresh_document_values()
        e = self._event()
        if e is not None and (self.type_combo.currentData() != e.type
                              or self.subtype_combo.currentData() != e.subtype):
            self._refresh_type()

    def _resync_event_values(self) -> None:
        e = self._event()
        if e is None:
            return
        for fid, editor in self._field_editors.items():
            _show_if_changed(editor, e.fields.get(fid))

    def _refresh_document_values(self) -> None:
        if self._session is None:
            return
        for fid, editor in self._doc_editors.items():
            _show_if_changed(editor, self._session.aset.fields.get(fid))

    def refresh_missing(self) -> None:
        """Fill the Missing box from validation (once per change, cached by the list model)."""
        self._missing_timer.stop()
        s = self._session
        if s is None:
            self.missing_box.hide()
            return
        self.missing_box.show()
        tracker = self._tracker
        if tracker is None:
            return
        e = self._event()
        lines: list[str] = []
        if e is not None:
            for issue in tracker.of_event(e.id):
                lines.append(("⚠ " if _is_problem(issue) else "• ")
                             + plain_issue(issue, s.codebook, e))
        doc_issues = tracker.of_document()
        for issue in doc_issues[:MISSING_LINES]:
            lines.append(("⚠ " if _is_problem(issue) else "• ")
                         + plain_issue(issue, s.codebook, None))
        if len(doc_issues) > MISSING_LINES:
            lines.append(f"… and {len(doc_issues) - MISSING_LINES} more about the document")
        others = []
        for ev in s.aset.events:
            if ev.id != self._current:
                n = len(tracker.of_event(ev.id))
                if n:
                    others.append(f"{ev.id} ({n})")
        if others:
            lines.append("Other events with something missing: " + ", ".join(others))
        count = len(lines) - (1 if others else 0)
        title = f"Missing ({count})" if count else "Missing"
        if lines and s.aset.status == "done":
            title += ": needed before the document can be done"
        self.missing_box.setTitle(title)
        self.missing_label.setText("\n".join(lines) if lines else "✓ Nothing missing")
        self.missing_label.setStyleSheet("" if lines else "color: #2e7d32;")

    def missing_text(self) -> str:
        """The Missing box as shown (for tests and the window's status tips)."""
        return self.missing_label.text()

    # -- list selection ----------------------------------------------------------------------
    def _sync_list_selection(self) -> None:
        self._quiet += 1
        try:
            sel = self.list.selectionModel()
            row = self.events_model.row_of(self._current) if self._current else -1
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
        if event_id == self._current:
            return
        self.set_current_event(event_id)
        self.eventSelected.emit(event_id)

    # -- session changes ---------------------------------------------------------------------
    def _on_issues_changed(self) -> None:
        self.events_model.issues_refreshed()
        self.refresh_missing()

    def _on_session_changed(self, batch: ChangeBatch) -> None:
        if batch.replaced:
            if self._available is not None and self._available_span() is None:
                self._available = None
            self._refresh_all()
            return
        events = batch.event_ids()
        if events:
            if self._current is not None and self._event() is None:
                self._current = None  # deleted (or undone creation)
                self._sync_list_selection()
                self._refresh_event()
            elif self._current is not None and self._current in events:
                self._refresh_event()
        spans = batch.span_ids()
        if spans:
            e = self._event()
            if e is not None and self._shows_any(e, spans):
                self._refresh_trigger()
                self._refresh_roles()
            if self._available is not None and self._available_span() is None:
                self._available = None
            self._refresh_available()
        if batch.document_fields():
            self._refresh_document_values()
        # The Missing box follows the issues (``_on_issues_changed``), once edits settle.

    def _shows_any(self, e: Event, span_ids: set[str]) -> bool:
        """Whether the event's trigger and roles show (or offer) any of ``span_ids``: a new
        span elsewhere in the text leaves them as they are, which matters because rebuilding
        them lays out the whole panel again."""
        shown = e.span_ids()
        if self._available is not None:
            shown.add(self._available)
        # A span just removed is no longer in the event, but its chip is still there.
        shown.update(self._trigger_chips, self._role_chips)
        return not shown.isdisjoint(span_ids)

    # -- user actions ------------------------------------------------------------------------
    def _on_type_combo_activated(self, index: int) -> None:
        e = self._event()
        type_id = self.type_combo.itemData(index)
        if e is None or type_id is None or type_id == e.type:
            return
        self._request(SetEventType(e.id, type_id, None))

    def _on_subtype_combo_activated(self, index: int) -> None:
        e = self._event()
        if e is None:
            return
        subtype = self.subtype_combo.itemData(index)
        if subtype != e.subtype:
            self._request(SetEventType(e.id, e.type, subtype))

    def _on_trigger_remove_clicked(self, _span_id: str) -> None:
        if self._current is not None:
            self._request(SetTrigger(self._current, None))

    def _on_use_as_trigger_clicked(self) -> None:
        if self._current is not None and self._available is not None:
            self._request(SetTrigger(self._current, self._available))

    def _on_filler_remove_clicked(self, role: str, span_id: str) -> None:
        if self._current is not None:
            self._request(RemoveRoleFiller(self._current, role, span_id))

    def _on_add_filler_clicked(self, role: str) -> None:
        if self._current is not None and self._available is not None:
            self._request(AddRoleFiller(self._current, role, self._available))

    def _on_event_field_edited(self, field_id: str, value: Any) -> None:
        if self._current is not None:
            self._request(SetEventField(self._current, field_id, value))

    def _on_document_field_edited(self, field_id: str, value: Any) -> None:
        if self._session is not None:
            self._request(SetDocumentField(field_id, value))


def _is_problem(issue: Issue) -> bool:
    """An error that is not just a requirement turned strict by the status 'done'."""
    return issue.severity == ERROR and not issue.message.endswith(" is required") \
        and "choose a sub-type" not in issue.message and "mark its trigger" not in issue.message


def _show_if_changed(editor: FieldEditor, value: Any) -> None:
    # Leaves alone an editor whose stored value did not change, so text being typed survives
    # refreshes caused by other edits.
    if editor.value() != value or type(editor.value()) is not type(value):
        editor.set_value(value)


def _clear_form(form: QFormLayout) -> None:
    while form.rowCount():
        form.removeRow(0)
