"""The current event: its type and sub-type, trigger, roles (span chips) and fields.

Built from the codebook (the roles and fields of the event's type), so a new codebook needs no
code. It never edits the session: the coder's choices become ``editRequested(edit)``, and the
panel passes the session's change batches in through ``apply_changes``.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QFrame,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLayout,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from annotator.core.codebook import Codebook
from annotator.core.edits import (
    AddRoleFiller,
    RemoveRoleFiller,
    SetEventField,
    SetEventType,
    SetTrigger,
)
from annotator.core.events import ChangeBatch
from annotator.core.model import Event, Span
from annotator.core.names import display_name, label_name, quote, role_name
from annotator.core.session import AnnotationSession
from annotator.gui.field_form import FieldForm
from annotator.gui.field_widgets import ElidingComboBox, plain_tooltip
from annotator.gui.labels import EMPTY, button_text, clip, keep_parts, plain_label, role_title
from annotator.i18n import tr


def _label_colors(cb: Codebook, label_id: str) -> tuple[str, str]:
    lab = cb.label(label_id)
    base = QColor(lab.color if lab else "#999999")
    light = QColor(base)
    light.setAlpha(40)
    return base.name(), f"rgba({light.red()},{light.green()},{light.blue()},{light.alpha()})"


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
        self.text_button.setToolTip(plain_tooltip(tr(
            "event", "{text}\n{label} · {span} · {start}-{end}\nClick to show it in the text"
        ).format(text=span.text, label=label_name(cb, span.label), span=span.id,
                 start=span.start, end=span.end)))
        self.text_button.setCursor(Qt.CursorShape.PointingHandCursor)
        self.remove_button = QToolButton(self)
        self.remove_button.setObjectName("chipRemove")
        self.remove_button.setAutoRaise(True)
        self.remove_button.setText("✕")
        self.remove_button.setToolTip(plain_tooltip(remove_tip))
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


FOCUS_FRAME_MARGINS = (3, 2, 3, 2)  # room for the outline of a row that has the focus


def _focus_frame(row: QWidget) -> None:
    """Let F8 put the focus on a row that has nothing to type in (an empty role, a missing
    trigger), outlined while it has it, so the coder sees where it went. It takes no Tab stop."""
    row.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
    row.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
    row.setStyleSheet(f"#{row.objectName()}:focus {{ border: 2px solid palette(highlight);"
                      " border-radius: 3px; }")


def _first_button(row: QWidget) -> QWidget:
    """The first visible button in ``row`` (a filler's chip, "+ add"), else the row."""
    for button in row.findChildren(QToolButton):
        if button.isVisibleTo(row) and button.objectName() != "chipRemove":
            return button
    return row


class EventEditor(QGroupBox):
    """One event's type, trigger, roles and fields; a placeholder when there is none."""

    editRequested = Signal(object)
    spanActivated = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(tr("event", "Event"), parent)
        self.setObjectName("eventBox")
        self._session: AnnotationSession | None = None
        self._current: str | None = None
        self._available: str | None = None
        self._trigger_chips: set[str] = set()  # span ids the trigger row shows
        self._role_chips: set[str] = set()  # and the roles
        self._role_cells: dict[str, QWidget] = {}  # role id -> the cell of its fillers
        self._fields_type: str | None = None  # the event type the fields were built for

        box_lay = QVBoxLayout(self)
        box_lay.setSpacing(6)
        self.placeholder = plain_label(tr(
            "event", "No event selected. Pick one in the list above, or create one from its "
                     "trigger word in the text."), self)
        self.placeholder.setObjectName("noEvent")
        self.placeholder.setStyleSheet("color: palette(mid);")
        box_lay.addWidget(self.placeholder)

        self.details = QWidget(self)
        self.details.setObjectName("eventDetails")
        box_lay.addWidget(self.details)
        details_lay = QVBoxLayout(self.details)
        details_lay.setContentsMargins(0, 0, 0, 0)
        details_lay.setSpacing(6)

        head = QFormLayout()
        head.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        head.setSpacing(4)
        self.type_combo = ElidingComboBox(self.details)
        self.type_combo.setObjectName("eventType")
        self.subtype_combo = ElidingComboBox(self.details)
        self.subtype_combo.setObjectName("eventSubtype")
        for combo in (self.type_combo, self.subtype_combo):
            combo.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            combo.setMinimumContentsLength(10)
            combo.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
            combo.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.subtype_label = plain_label(tr("event", "Sub-type"), self.details, wrap=False)
        self.trigger_row = QWidget(self.details)
        self.trigger_row.setObjectName("trigger")
        _focus_frame(self.trigger_row)
        self.trigger_lay = QHBoxLayout(self.trigger_row)
        self.trigger_lay.setContentsMargins(*FOCUS_FRAME_MARGINS)
        self.trigger_lay.setSpacing(4)
        self.trigger_label = plain_label(tr("event", "Trigger"), self.details, wrap=False)
        head.addRow(plain_label(tr("event", "Type *"), self.details, wrap=False),
                    self.type_combo)
        head.addRow(self.subtype_label, self.subtype_combo)
        head.addRow(self.trigger_label, self.trigger_row)
        details_lay.addLayout(head)

        self.available_label = plain_label("", self.details)
        self.available_label.setObjectName("availableSpan")
        # Not italic: the fallback font has no italic Arabic and would draw empty boxes.
        self.available_label.setStyleSheet("color: palette(dark);")
        details_lay.addWidget(self.available_label)

        details_lay.addWidget(self._section_title(tr("event", "Roles · الأدوار")))
        self.roles = QWidget(self.details)
        self.roles.setObjectName("roles")
        self.roles_lay = QGridLayout(self.roles)
        self.roles_lay.setContentsMargins(0, 0, 0, 0)
        self.roles_lay.setHorizontalSpacing(6)
        self.roles_lay.setVerticalSpacing(3)
        self.roles_lay.setColumnStretch(1, 1)
        details_lay.addWidget(self.roles)

        details_lay.addWidget(self._section_title(tr("event", "Fields · الحقول")))
        self.fields = FieldForm(self.details)
        self.fields.setObjectName("eventFields")
        details_lay.addWidget(self.fields)

        self.type_combo.activated.connect(self._on_type_combo_activated)
        self.subtype_combo.activated.connect(self._on_subtype_combo_activated)
        self.fields.valueEdited.connect(self._on_fields_value_edited)

    def _section_title(self, text: str) -> QLabel:
        label = plain_label(text, self.details, wrap=False)
        font = label.font()
        font.setBold(True)
        label.setFont(font)
        label.setContentsMargins(0, 4, 0, 0)
        return label

    # -- public API --------------------------------------------------------------------------
    def set_session(self, session: AnnotationSession | None) -> None:
        """Edit events of ``session``; none is shown until ``set_event``."""
        self._session = session
        self._current = None
        self._available = None
        self._fields_type = None

    def event_id(self) -> str | None:
        """The event shown (``None`` once it is deleted)."""
        return self._current

    def current_event(self) -> Event | None:
        """The event shown, as stored now (not ``event``: that is ``QWidget.event``)."""
        if self._session is None or self._current is None:
            return None
        return self._session.aset.event(self._current)

    def set_event(self, event_id: str | None) -> None:
        """Show ``event_id`` (``None``, or an id the session lacks: the placeholder)."""
        self._current = event_id
        self.refresh()

    def set_available_span(self, span_id: str | None) -> None:
        """The span selected elsewhere, offered to the trigger and the roles that accept it."""
        self._available = span_id
        self._refresh_trigger()
        self._refresh_roles()
        self._refresh_available()

    def refresh(self) -> None:
        """Show the event as stored (the placeholder if it is gone)."""
        e = self.current_event()
        if e is None:
            self._current = None
        self.placeholder.setVisible(e is None)
        self.details.setVisible(e is not None)
        self.setTitle(tr("event", "Event {event}").format(event=e.id) if e
                      else tr("event", "Event"))
        if e is None or self._session is None:
            return
        self._refresh_type()
        self._refresh_trigger()
        self._refresh_roles()
        self._refresh_fields()
        self._refresh_available()

    def resync_values(self) -> None:
        """Show the stored type and field values again (after an edit that was refused)."""
        self._show_field_values()
        e = self.current_event()
        if e is not None and (self.type_combo.currentData() != e.type
                              or self.subtype_combo.currentData() != e.subtype):
            self._refresh_type()

    def apply_changes(self, batch: ChangeBatch) -> bool:
        """Show what ``batch`` changed; whether the list must select the shown event again
        (it went away, deleted or its creation undone, or everything was replaced)."""
        if batch.replaced:
            self._forget_vanished_span()
            self.refresh()
            return True
        events = batch.event_ids()
        vanished = False
        if events and self._current is not None:
            vanished = self.current_event() is None
            if vanished or self._current in events:
                self.refresh()
        spans = batch.span_ids()
        if spans:
            e = self.current_event()
            if e is not None and self._shows_any(e, spans):
                self._refresh_trigger()
                self._refresh_roles()
            self._forget_vanished_span()
            self._refresh_available()
        return vanished

    def role_widget(self, role: str) -> QWidget | None:
        """The row of ``role``'s fillers (``None`` if the event shows no such role)."""
        return self._role_cells.get(role)

    def widget_for(self, part: str, name: str = "") -> QWidget | None:
        """What to focus for an issue about the event's ``part`` ("type", "subtype",
        "trigger", "roles" or "fields", with the role or field ``name``): the editor, else
        the first button in the row, else the row itself (outlined while it has the focus)."""
        if self.current_event() is None:
            return None
        if part == "subtype" and self.subtype_combo.isEnabled():
            return self.subtype_combo
        if part == "trigger":
            return _first_button(self.trigger_row)
        if part == "roles":
            cell = self.role_widget(name)
            return _first_button(cell) if cell is not None else None
        if part == "fields":
            return self.fields.editors.get(name)
        return self.type_combo

    # -- state helpers -----------------------------------------------------------------------
    def _available_span(self) -> Span | None:
        if self._session is None or self._available is None:
            return None
        return self._session.aset.span(self._available)

    def _forget_vanished_span(self) -> None:
        if self._available is not None and self._available_span() is None:
            self._available = None

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

    # -- refresh ---------------------------------------------------------------------------
    def _refresh_type(self) -> None:
        e, s = self.current_event(), self._session
        if e is None or s is None:
            return
        cb = s.codebook
        self.type_combo.clear()
        for et in cb.event_types:
            self.type_combo.addItem(display_name(et, bilingual=True), et.id)
            if et.help:
                self.type_combo.setItemData(self.type_combo.count() - 1, plain_tooltip(et.help),
                                            Qt.ItemDataRole.ToolTipRole)
        i = self.type_combo.findData(e.type)
        if i < 0:  # a type this codebook lacks: show it rather than pick another
            self.type_combo.addItem(tr("event", "{type} (unknown type)").format(type=e.type),
                                    e.type)
            i = self.type_combo.count() - 1
        self.type_combo.setCurrentIndex(i)
        et = cb.event_type(e.type)
        self.subtype_combo.clear()
        self.subtype_combo.addItem(EMPTY, None)
        for st in et.subtypes if et else ():
            self.subtype_combo.addItem(display_name(st, bilingual=True), st.id)
            if st.help:
                self.subtype_combo.setItemData(self.subtype_combo.count() - 1,
                                               plain_tooltip(st.help),
                                               Qt.ItemDataRole.ToolTipRole)
        j = self.subtype_combo.findData(e.subtype) if e.subtype is not None else 0
        if j < 0:
            self.subtype_combo.addItem(tr("event", "{subtype} (unknown)").format(
                subtype=e.subtype), e.subtype)
            j = self.subtype_combo.count() - 1
        self.subtype_combo.setCurrentIndex(j)
        self.subtype_combo.setEnabled(bool(et and et.subtypes))
        self.subtype_label.setText(tr("event", "Sub-type *") if et and et.subtypes
                                   else tr("event", "Sub-type"))

    def _refresh_trigger(self) -> None:
        _clear_layout(self.trigger_lay)
        self._trigger_chips = set()
        e, s = self.current_event(), self._session
        if e is None or s is None:
            return
        cb = s.codebook
        self.trigger_label.setText(tr("event", "Trigger *") if cb.trigger_required
                                   else tr("event", "Trigger"))
        span = s.aset.span(e.trigger) if e.trigger else None
        if span is not None:
            chip = SpanChip(span, cb, tr("event", "Clear the trigger"), self.trigger_row)
            self._trigger_chips.add(span.id)
            chip.activated.connect(self.spanActivated)
            chip.removeClicked.connect(self._on_trigger_remove_clicked)
            self.trigger_lay.addWidget(chip)
        else:
            none = plain_label(tr("event", "none"), self.trigger_row, wrap=False)
            none.setObjectName("noTrigger")
            none.setStyleSheet("color: palette(mid);")
            self.trigger_lay.addWidget(none)
        avail = self._available_span()
        if avail is not None and avail.id != e.trigger and (
                not cb.trigger_labels or avail.label in cb.trigger_labels):
            use = QToolButton(self.trigger_row)
            use.setObjectName("useAsTrigger")
            use.setText(button_text(tr("event", "← use «{text}»").format(
                text=clip(avail.text, 16))))
            use.setToolTip(plain_tooltip(tr(
                "event", "Make the selected span the trigger: {text}").format(text=avail.text)))
            use.clicked.connect(self._on_use_as_trigger_clicked)
            self.trigger_lay.addWidget(use)
        self.trigger_lay.addStretch(1)

    def _refresh_roles(self) -> None:
        _clear_layout(self.roles_lay)
        self._role_chips = set()
        self._role_cells = {}
        e, s = self.current_event(), self._session
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
            title = role_title(rd, rid in required) if rd else \
                tr("event", "{role} (unknown role)").format(role=rid)
            name = plain_label(keep_parts(title), self.roles)
            name.setObjectName(f"role_{rid}")
            if rd is not None and rd.help:
                name.setToolTip(plain_tooltip(tr("event", "{help}\nTakes: {labels}").format(
                    help=rd.help, labels=tr("list", ", ").join(
                        label_name(cb, x) for x in rd.labels))))
            if rid in required and not fillers:
                name.setStyleSheet("color: #b71c1c;")
            cell = QWidget(self.roles)
            cell.setObjectName(f"fillers_{rid}")
            _focus_frame(cell)
            self._role_cells[rid] = cell
            cell_lay = QVBoxLayout(cell)
            cell_lay.setContentsMargins(*FOCUS_FRAME_MARGINS)
            cell_lay.setSpacing(2)
            for sid in fillers:
                span = s.aset.span(sid)
                if span is None:
                    missing = plain_label(tr("event", "{span} (missing span)").format(span=sid),
                                          cell)
                    cell_lay.addWidget(missing)
                    continue
                chip = SpanChip(span, cb, tr("event", "Remove from {role}").format(
                    role=role_name(cb, rid)), cell)
                self._role_chips.add(span.id)
                chip.activated.connect(self.spanActivated)
                chip.removeClicked.connect(
                    lambda sid, rid=rid: self._on_filler_remove_clicked(rid, sid))
                cell_lay.addWidget(chip)
            offer = rd is not None and avail is not None and avail.label in rd.labels \
                and avail.id not in fillers and (rd.max is None or rd.max == 1
                                                 or len(fillers) < rd.max)
            if not fillers and not offer:
                empty = plain_label(EMPTY, cell, wrap=False)
                empty.setStyleSheet("color: palette(mid);")
                cell_lay.addWidget(empty)
            if offer and rd is not None and avail is not None:
                add = QToolButton(cell)
                add.setObjectName(f"add_{rid}")
                replace = rd.max == 1 and bool(fillers)
                add.setText(tr("event", "⇄ replace") if replace else tr("event", "+ add"))
                tip = tr("event", "Replace with the selected span: {text}") if replace else \
                    tr("event", "Add the selected span: {text}")
                add.setToolTip(plain_tooltip(tip.format(text=avail.text)))
                add.clicked.connect(lambda _=False, rid=rid: self._on_add_filler_clicked(rid))
                cell_lay.addWidget(add, 0, Qt.AlignmentFlag.AlignLeft)
            cell_lay.addStretch(1)
            self.roles_lay.addWidget(name, row, 0, Qt.AlignmentFlag.AlignTop)
            self.roles_lay.addWidget(cell, row, 1)

    def _refresh_available(self) -> None:
        span = self._available_span() if self.current_event() is not None else None
        if span is None:
            self.available_label.hide()
            return
        name = label_name(self._session.codebook, span.label) if self._session else span.label
        self.available_label.setText(tr(
            "event", "Selected span: {text} ({label}): “+ add” puts it in a role").format(
            text=quote(span.text, 40), label=name))
        self.available_label.show()

    def _refresh_fields(self) -> None:
        e, s = self.current_event(), self._session
        if e is None or s is None:
            return
        if self._fields_type != e.type:
            self.fields.build(s.codebook.fields_for(e.type))
            self._fields_type = e.type
        self.fields.mark_required(set(s.codebook.required_fields(e.type, e.subtype)))
        self._show_field_values()

    def _show_field_values(self) -> None:
        e = self.current_event()
        if e is not None:
            self.fields.show_values(e.fields)

    # -- user actions ------------------------------------------------------------------------
    def _on_type_combo_activated(self, index: int) -> None:
        e = self.current_event()
        type_id = self.type_combo.itemData(index)
        if e is None or type_id is None or type_id == e.type:
            return
        self.editRequested.emit(SetEventType(e.id, type_id, None))

    def _on_subtype_combo_activated(self, index: int) -> None:
        e = self.current_event()
        if e is None:
            return
        subtype = self.subtype_combo.itemData(index)
        if subtype != e.subtype:
            self.editRequested.emit(SetEventType(e.id, e.type, subtype))

    def _on_trigger_remove_clicked(self, _span_id: str) -> None:
        if self._current is not None:
            self.editRequested.emit(SetTrigger(self._current, None))

    def _on_use_as_trigger_clicked(self) -> None:
        if self._current is not None and self._available is not None:
            self.editRequested.emit(SetTrigger(self._current, self._available))

    def _on_filler_remove_clicked(self, role: str, span_id: str) -> None:
        if self._current is not None:
            self.editRequested.emit(RemoveRoleFiller(self._current, role, span_id))

    def _on_add_filler_clicked(self, role: str) -> None:
        if self._current is not None and self._available is not None:
            self.editRequested.emit(AddRoleFiller(self._current, role, self._available))

    def _on_fields_value_edited(self, field_id: str, value: Any) -> None:
        if self._current is not None:
            self.editRequested.emit(SetEventField(self._current, field_id, value))
