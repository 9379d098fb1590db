"""A form of field editors built from the codebook: an event's fields, or the document's.

One row per field definition (its name as ``core.names.display_name`` gives it, the editor
``make_field_editor`` picks), so a new codebook needs no code. Like the editors it never edits a
session: ``valueEdited(field_id, value)`` says what the coder chose, and ``show_values`` shows
what is stored.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFormLayout, QLabel, QWidget

from annotator.core.fields import FieldDef
from annotator.core.names import display_name
from annotator.gui.field_widgets import FieldEditor, make_field_editor, plain_tooltip
from annotator.gui.labels import keep_parts, plain_label


def field_label(fd: FieldDef, required: bool) -> str:
    """The text of a field's row label: its name, ``*`` when required, wrapping only
    between the English and Arabic names."""
    return keep_parts(display_name(fd, bilingual=True) + (" *" if required else ""))


class FieldForm(QWidget):
    """Labels and editors for a list of fields; rebuilt with ``build`` when the list changes."""

    valueEdited = Signal(str, object)  # field id, the stored shape (``None`` clears the field)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.form = QFormLayout(self)
        self.form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.form.setLabelAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        self.form.setSpacing(4)
        self.editors: dict[str, FieldEditor] = {}
        self.labels: dict[str, QLabel] = {}

    def build(self, fields: Iterable[FieldDef]) -> None:
        """One row per field, in order, replacing the rows there were."""
        for editor in self.editors.values():
            editor.blockSignals(True)  # a focused editor must not commit while it is removed
        while self.form.rowCount():
            self.form.removeRow(0)
        self.editors.clear()
        self.labels.clear()
        for fd in fields:
            label = plain_label(field_label(fd, fd.required), self)
            label.setObjectName(f"label_{fd.id}")
            label.setToolTip(plain_tooltip(fd.help))
            editor = make_field_editor(fd, self)
            label.setBuddy(editor)
            self.form.addRow(label, editor)
            editor.valueEdited.connect(
                lambda value, fid=fd.id: self.valueEdited.emit(fid, value))
            self.editors[fd.id] = editor
            self.labels[fd.id] = label

    def mark_required(self, required: set[str]) -> None:
        """Mark with ``*`` the fields in ``required`` (which may depend on an event's sub-type)."""
        for fid, label in self.labels.items():
            fd = self.editors[fid].field
            label.setText(field_label(fd, fid in required))

    def show_values(self, values: Mapping[str, Any]) -> None:
        """Show the stored values; a field missing from ``values`` shows as empty."""
        for fid, editor in self.editors.items():
            value = values.get(fid)
            # An editor whose stored value did not change is left alone, so text being typed
            # survives refreshes caused by other edits.
            if editor.value() != value or type(editor.value()) is not type(value):
                editor.set_value(value)
