"""The one place that maps a codebook field type to its editor widget.

Each ``FieldEditor`` shows a value in the core's stored shape (see ``annotator.core.values``),
emits ``valueEdited(value)`` only when the user changes it (``None`` clears the field) and takes
new values through ``set_value`` without emitting. Editors never touch a session: the panel turns
``valueEdited`` into an edit and the window applies it.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QFontMetrics, QPaintEvent
from PySide6.QtWidgets import (
    QAbstractScrollArea,
    QAbstractSpinBox,
    QApplication,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QSizePolicy,
    QSpinBox,
    QStyle,
    QStyleOptionComboBox,
    QStylePainter,
    QVBoxLayout,
    QWidget,
)

from annotator.app.issue_words import message_text
from annotator.core.fields import COUNT_QUALIFIERS, DATE_PRECISIONS, FieldDef
from annotator.core.names import display_name, precision_name, qualifier_name
from annotator.core.values import check_date
from annotator.gui.models import is_rtl, plain_tooltip
from annotator.i18n import tr

EMPTY_CHOICE = "—"
_INT_MAX = 2_147_483_647
ELLIPSIS = "…"
_RLI, _PDI = "\u2067", "\u2069"  # right-to-left isolate around an Arabic part and its "…"


def field_title(field: FieldDef) -> str:
    """The label shown beside a field: bilingual name, ``*`` when required."""
    return display_name(field, bilingual=True) + (" *" if field.required else "")


def elide_bilingual(text: str, metrics: QFontMetrics, width: int) -> str:
    """``text`` cut to ``width`` pixels with an ellipsis on the side where it is cut.

    Qt's combo box clips its text at the right edge, so "Strategic developments · تطورات
    استراتيجية" lost the start of an Arabic word with no sign of it. An Arabic part is cut by
    whole words at its logical end, which is on its left, and the ellipsis goes there, inside
    the part's right-to-left isolate; English is cut on the right.
    """
    if metrics.horizontalAdvance(text) <= width:
        return text
    head, sep, tail = text.rpartition(" · ")
    prefix, part = (head + sep, tail) if sep else ("", text)
    if is_rtl(part):
        words = part.split()
        for n in range(len(words) - 1, 0, -1):
            cut = f"{prefix}{_RLI}{' '.join(words[:n])} {ELLIPSIS}{_PDI}"
            if metrics.horizontalAdvance(cut) <= width:
                return cut
        if prefix and metrics.horizontalAdvance(prefix + ELLIPSIS) <= width:
            return prefix + ELLIPSIS
        text = head if sep else text
    return metrics.elidedText(text, Qt.TextElideMode.ElideRight, width)


class ElidingComboBox(QComboBox):
    """A combo box that cuts a long entry with an ellipsis (``elide_bilingual``) instead of
    clipping it; its list (as wide as its widest entry) shows every entry whole."""

    def text_room(self) -> int:
        """The width, in pixels, the closed box has for its text."""
        opt = QStyleOptionComboBox()
        self.initStyleOption(opt)
        rect = self.style().subControlRect(QStyle.ComplexControl.CC_ComboBox, opt,
                                           QStyle.SubControl.SC_ComboBoxEditField, self)
        return rect.width() - 2  # the style draws the text 1 px inside the field

    def shown_text(self) -> str:
        """The current entry as the closed box shows it."""
        return elide_bilingual(self.currentText(), self.fontMetrics(), self.text_room())

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QStylePainter(self)
        opt = QStyleOptionComboBox()
        self.initStyleOption(opt)
        painter.drawComplexControl(QStyle.ComplexControl.CC_ComboBox, opt)
        opt.currentText = self.shown_text()
        painter.drawControl(QStyle.ControlElement.CE_ComboBoxLabel, opt)


class FieldEditor(QWidget):
    """Base of every field editor. ``valueEdited`` carries the stored shape or ``None``."""

    valueEdited = Signal(object)

    def __init__(self, field: FieldDef, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.field = field
        self._value: Any = None
        self.setObjectName(f"field_{field.id}")
        self.setToolTip(plain_tooltip(field.help))

    def value(self) -> Any:
        """The value last set or emitted."""
        return self._value

    def set_value(self, value: Any) -> None:
        self._value = value
        self.blockSignals(True)
        try:
            self._show(value)
        finally:
            self.blockSignals(False)

    def _show(self, value: Any) -> None:
        raise NotImplementedError

    def _emit(self, value: Any) -> None:
        if value == self._value and type(value) is type(self._value):
            return
        self._value = value
        self.valueEdited.emit(value)

    @staticmethod
    def _layout(widget: QWidget, vertical: bool = False) -> QHBoxLayout | QVBoxLayout:
        lay: QHBoxLayout | QVBoxLayout = QVBoxLayout(widget) if vertical else QHBoxLayout(widget)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.setSpacing(4)
        return lay


def _no_wheel(widget: QWidget) -> None:
    """Wheel-scrolling the panel must not change a value the mouse happens to pass over."""
    widget.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
    widget.installEventFilter(_WHEEL_GUARD)


class _WheelGuard(QObject):
    """Hands a wheel event over an unfocused editor to the scroll area around it."""

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        if event.type() != QEvent.Type.Wheel or not isinstance(obj, QWidget) or obj.hasFocus():
            return False
        parent = obj.parentWidget()
        while parent is not None and not isinstance(parent, QAbstractScrollArea):
            parent = parent.parentWidget()
        if parent is not None:
            QApplication.sendEvent(parent.viewport(), event)
        return True


_WHEEL_GUARD = _WheelGuard()


# -- enum ----------------------------------------------------------------------------------------
class EnumEditor(FieldEditor):
    """A combo box whose first entry, ``—``, means "not set"."""

    def __init__(self, field: FieldDef, parent: QWidget | None = None) -> None:
        super().__init__(field, parent)
        self.combo = ElidingComboBox(self)
        self.combo.setObjectName("choice")
        self.combo.addItem(EMPTY_CHOICE, None)
        for opt in field.options:
            self.combo.addItem(display_name(opt, bilingual=True), opt.id)
            if opt.help:
                self.combo.setItemData(self.combo.count() - 1, plain_tooltip(opt.help),
                                       Qt.ItemDataRole.ToolTipRole)
        self.combo.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.combo.setMinimumContentsLength(8)
        self.combo.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        _no_wheel(self.combo)
        self._layout(self).addWidget(self.combo)
        self.setFocusProxy(self.combo)
        self.combo.activated.connect(self._on_combo_activated)

    def _show(self, value: Any) -> None:
        i = self.combo.findData(value) if value is not None else 0
        self.combo.setCurrentIndex(max(i, 0))

    def _on_combo_activated(self, index: int) -> None:
        self._emit(self.combo.itemData(index))


class MultiEnumEditor(FieldEditor):
    """Check boxes in a list; emits the checked ids in codebook order, ``None`` when none."""

    def __init__(self, field: FieldDef, parent: QWidget | None = None) -> None:
        super().__init__(field, parent)
        self.list = QListWidget(self)
        self.list.setObjectName("choices")
        for opt in field.options:
            item = QListWidgetItem(display_name(opt, bilingual=True), self.list)
            item.setData(Qt.ItemDataRole.UserRole, opt.id)
            item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
            if opt.help:
                item.setToolTip(plain_tooltip(opt.help))
        rows = min(len(field.options), 6)
        self.list.setFixedHeight(rows * self.list.sizeHintForRow(0) + 2 * self.list.frameWidth()
                                 + 2 if rows else 24)
        self._layout(self).addWidget(self.list)
        self.setFocusProxy(self.list)
        self.list.itemChanged.connect(self._on_list_item_changed)

    def _show(self, value: Any) -> None:
        chosen = set(value) if isinstance(value, list) else set()
        self.list.blockSignals(True)
        for i in range(self.list.count()):
            item = self.list.item(i)
            checked = item.data(Qt.ItemDataRole.UserRole) in chosen
            item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
        self.list.blockSignals(False)

    def checked_ids(self) -> list[str]:
        return [self.list.item(i).data(Qt.ItemDataRole.UserRole) for i in range(self.list.count())
                if self.list.item(i).checkState() == Qt.CheckState.Checked]

    def _on_list_item_changed(self, item: QListWidgetItem) -> None:
        ids = self.checked_ids()
        self._emit(ids or None)


# -- count ---------------------------------------------------------------------------------------
class CountEditor(FieldEditor):
    """Qualifier (``exactly``, ``at least``, ``dozens``, ...) and a number when it needs one."""

    def __init__(self, field: FieldDef, parent: QWidget | None = None) -> None:
        super().__init__(field, parent)
        self.qualifier = QComboBox(self)
        self.qualifier.setObjectName("qualifier")
        self.qualifier.addItem(EMPTY_CHOICE, None)
        for qid, q in COUNT_QUALIFIERS.items():
            self.qualifier.addItem(qualifier_name(qid), qid)
            self.qualifier.setItemData(self.qualifier.count() - 1, f"{q['en']} · {q['ar']}",
                                       Qt.ItemDataRole.ToolTipRole)
        self.qualifier.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.qualifier.setMinimumContentsLength(8)
        self.qualifier.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.number = QSpinBox(self)
        self.number.setObjectName("number")
        self.number.setRange(max(field.minimum or 0, 0),
                             field.maximum if field.maximum is not None else _INT_MAX)
        self.number.setKeyboardTracking(False)  # one edit when typing "120", not three
        self.number.setMinimumWidth(64)
        self._set_number_needed(False)
        for w in (self.qualifier, self.number):
            _no_wheel(w)
        lay = self._layout(self)
        lay.addWidget(self.qualifier, 1)
        lay.addWidget(self.number)
        self.setFocusProxy(self.qualifier)
        self.qualifier.activated.connect(self._on_qualifier_activated)
        self.number.valueChanged.connect(self._on_number_value_changed)

    def _set_number_needed(self, needed: bool) -> None:
        # Hidden as well as disabled: a greyed "0" next to "dozens" reads as "zero".
        self.number.setEnabled(needed)
        self.number.setVisible(needed)

    def _needs_value(self, qid: str | None) -> bool:
        return qid is not None and bool(COUNT_QUALIFIERS.get(qid, {}).get("needs_value"))

    def _show(self, value: Any) -> None:
        qid = value.get("qualifier") if isinstance(value, dict) else None
        i = self.qualifier.findData(qid) if qid is not None else 0
        self.qualifier.blockSignals(True)
        self.number.blockSignals(True)
        self.qualifier.setCurrentIndex(max(i, 0))
        n = value.get("value") if isinstance(value, dict) else None
        self.number.setValue(n if isinstance(n, int) else self.number.minimum())
        self._set_number_needed(self._needs_value(qid))
        self.qualifier.blockSignals(False)
        self.number.blockSignals(False)

    def _current(self) -> Any:
        qid = self.qualifier.currentData()
        if qid is None:
            return None
        return {"value": self.number.value() if self._needs_value(qid) else None,
                "qualifier": qid}

    def _on_qualifier_activated(self, index: int) -> None:
        needs = self._needs_value(self.qualifier.itemData(index))
        self._set_number_needed(needs)
        self._emit(self._current())
        if needs:
            self.number.setFocus(Qt.FocusReason.OtherFocusReason)
            self.number.selectAll()

    def _on_number_value_changed(self, _value: int) -> None:
        if self.number.isEnabled():
            self._emit(self._current())


# -- date ----------------------------------------------------------------------------------------
class DateEditor(FieldEditor):
    """``YYYY[-MM[-DD]]`` and a precision; emits only a valid date, says what is wrong otherwise."""

    def __init__(self, field: FieldDef, parent: QWidget | None = None) -> None:
        super().__init__(field, parent)
        self.edit = QLineEdit(self)
        self.edit.setObjectName("date")
        self.edit.setPlaceholderText("YYYY-MM-DD")
        self.edit.setClearButtonEnabled(True)
        self.edit.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
        self.edit.setMaxLength(10)
        self.precision = QComboBox(self)
        self.precision.setObjectName("precision")
        for p in DATE_PRECISIONS:
            self.precision.addItem(precision_name(p), p)
        _no_wheel(self.precision)
        self.problem = QLabel(self)
        self.problem.setObjectName("problem")
        self.problem.setTextFormat(Qt.TextFormat.PlainText)
        self.problem.setWordWrap(True)
        self.problem.setStyleSheet("color: #c62828;")
        self.problem.hide()
        outer = self._layout(self, vertical=True)
        outer.setSpacing(2)
        row = QHBoxLayout()
        row.setSpacing(4)
        row.addWidget(self.edit, 1)
        row.addWidget(self.precision)
        outer.addLayout(row)
        outer.addWidget(self.problem)
        self.setFocusProxy(self.edit)
        self.edit.textEdited.connect(self._on_edit_text_edited)
        self.edit.editingFinished.connect(self._on_edit_editing_finished)
        self.precision.activated.connect(self._on_precision_activated)

    def _show(self, value: Any) -> None:
        text = value.get("value", "") if isinstance(value, dict) else ""
        precision = value.get("precision", "day") if isinstance(value, dict) else "day"
        self.edit.setText(text if isinstance(text, str) else "")
        self.precision.setCurrentIndex(max(self.precision.findData(precision), 0))
        self._feedback("")

    def problem_text(self) -> str:
        """What is wrong with the typed date ('' when it can be stored), in the interface's
        language."""
        text = self.edit.text().strip()
        if not text:
            return ""
        problem = message_text(None, check_date(text, self.precision.currentData()))
        if problem and not check_date(text, "year"):
            # A real but shorter date: say which precision it fits.
            fits = "month" if text.count("-") == 1 else "year"
            problem = tr("fields", "{problem} (or set precision to '{precision}')").format(
                problem=problem, precision=precision_name(fits))
        return problem

    def _feedback(self, problem: str) -> None:
        self.problem.setText(problem)
        self.problem.setVisible(bool(problem))
        self.edit.setStyleSheet("QLineEdit { border: 1px solid #c62828; }" if problem else "")

    def _on_edit_text_edited(self, _text: str) -> None:
        # While typing, only clear a complaint; a new one waits until the coder is done.
        if not self.problem_text():
            self._feedback("")

    def _on_edit_editing_finished(self) -> None:
        self._commit()

    def _on_precision_activated(self, _index: int) -> None:
        self._commit()

    def _commit(self) -> None:
        text = self.edit.text().strip()
        if not text:
            self._feedback("")
            self._emit(None)
            return
        problem = self.problem_text()
        self._feedback(problem)
        if not problem:
            self._emit({"value": text, "precision": self.precision.currentData()})


# -- text ----------------------------------------------------------------------------------------
class TextEditor(FieldEditor):
    """One line of free text; emits when editing is finished, not on every key."""

    def __init__(self, field: FieldDef, parent: QWidget | None = None) -> None:
        super().__init__(field, parent)
        self.edit = QLineEdit(self)
        self.edit.setObjectName("text")
        self._layout(self).addWidget(self.edit)
        self.setFocusProxy(self.edit)
        self.edit.editingFinished.connect(self._on_edit_editing_finished)

    def _show(self, value: Any) -> None:
        self.edit.setText(value if isinstance(value, str) else "")

    def _on_edit_editing_finished(self) -> None:
        text = self.edit.text()
        self._emit(text if text.strip() else None)


class NotesEditor(FieldEditor):
    """Several lines of free text (notes); emits when the editor loses focus."""

    def __init__(self, field: FieldDef, parent: QWidget | None = None) -> None:
        super().__init__(field, parent)
        self.edit = QPlainTextEdit(self)
        self.edit.setObjectName("text")
        self.edit.setTabChangesFocus(True)
        lines = 3
        self.edit.setFixedHeight(self.edit.fontMetrics().lineSpacing() * lines + 12)
        self._layout(self).addWidget(self.edit)
        self.setFocusProxy(self.edit)
        self.edit.installEventFilter(self)

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        if obj is self.edit and event.type() == QEvent.Type.FocusOut:
            self.commit()
        return False

    def _show(self, value: Any) -> None:
        self.edit.setPlainText(value if isinstance(value, str) else "")

    def commit(self) -> None:
        """Emit the text if it changed (called on focus out; the panel may call it too)."""
        text = self.edit.toPlainText()
        self._emit(text if text.strip() else None)


# -- boolean and integer ----------------------------------------------------------------------
class BooleanEditor(FieldEditor):
    def __init__(self, field: FieldDef, parent: QWidget | None = None) -> None:
        super().__init__(field, parent)
        self.check = QCheckBox(tr("fields", "yes · نعم"), self)
        self.check.setObjectName("check")
        self._layout(self).addWidget(self.check)
        self.setFocusProxy(self.check)
        self.check.clicked.connect(self._on_check_clicked)

    def _show(self, value: Any) -> None:
        self.check.setChecked(value is True)

    def _on_check_clicked(self, checked: bool) -> None:
        self._emit(bool(checked))


class IntegerEditor(FieldEditor):
    """A spin box; its lowest step shows ``—`` and means "not set"."""

    def __init__(self, field: FieldDef, parent: QWidget | None = None) -> None:
        super().__init__(field, parent)
        low = field.minimum if field.minimum is not None else -_INT_MAX + 1
        high = field.maximum if field.maximum is not None else _INT_MAX
        self._unset = low - 1
        self.spin = QSpinBox(self)
        self.spin.setObjectName("number")
        self.spin.setRange(self._unset, high)
        self.spin.setSpecialValueText(EMPTY_CHOICE)
        self.spin.setKeyboardTracking(False)
        self.spin.setCorrectionMode(QAbstractSpinBox.CorrectionMode.CorrectToNearestValue)
        _no_wheel(self.spin)
        self._layout(self).addWidget(self.spin)
        self.setFocusProxy(self.spin)
        self.spin.valueChanged.connect(self._on_spin_value_changed)

    def _show(self, value: Any) -> None:
        self.spin.blockSignals(True)
        self.spin.setValue(value if isinstance(value, int) and not isinstance(value, bool)
                           else self._unset)
        self.spin.blockSignals(False)

    def _on_spin_value_changed(self, value: int) -> None:
        self._emit(None if value == self._unset else value)


class UnknownEditor(FieldEditor):
    """A field type this version does not know: shown read-only, never emits."""

    def __init__(self, field: FieldDef, parent: QWidget | None = None) -> None:
        super().__init__(field, parent)
        self.label = QLabel(self)
        self.label.setTextFormat(Qt.TextFormat.PlainText)
        self._layout(self).addWidget(self.label)

    def _show(self, value: Any) -> None:
        self.label.setText(tr("fields", "{value} (field type {type} cannot be edited here)")
                           .format(value=repr(value), type=repr(self.field.type)))


def _is_long_text(field: FieldDef) -> bool:
    # The codebook has no "multiline" flag; notes are the free-text fields meant for a paragraph.
    return field.id == "notes" or field.id.endswith("_notes")


def make_field_editor(field: FieldDef, parent: QWidget | None = None) -> FieldEditor:
    """The editor for ``field``'s type, showing ``field.default`` until ``set_value``."""
    editor: FieldEditor
    if field.type == "enum":
        editor = MultiEnumEditor(field, parent) if field.multiple else EnumEditor(field, parent)
    elif field.type == "count":
        editor = CountEditor(field, parent)
    elif field.type == "date":
        editor = DateEditor(field, parent)
    elif field.type == "text":
        editor = NotesEditor(field, parent) if _is_long_text(field) else TextEditor(field, parent)
    elif field.type == "boolean":
        editor = BooleanEditor(field, parent)
    elif field.type == "integer":
        editor = IntegerEditor(field, parent)
    else:
        editor = UnknownEditor(field, parent)
    editor.set_value(field.default)
    return editor
