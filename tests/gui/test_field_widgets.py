"""Field editors: one per codebook type, emitting the core's stored shape on user changes only."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QLineEdit, QWidget

from annotator.core.fields import Choice, FieldDef
from annotator.core.values import check_value
from annotator.gui.field_widgets import (
    BooleanEditor,
    CountEditor,
    DateEditor,
    EnumEditor,
    IntegerEditor,
    MultiEnumEditor,
    NotesEditor,
    TextEditor,
    field_title,
    make_field_editor,
    plain_tooltip,
)
from annotator.storage.project import load_default_codebook

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")

CB = load_default_codebook()
ENUM = CB.field_for("battles", "actor1_type")
COUNT = CB.field_for("battles", "fatalities")
DATE = CB.field_for("battles", "event_date")
TEXT = CB.field_for("battles", "attribution")
NOTES = CB.field_for("battles", "notes")
BOOL = CB.field_for("battles", "aggregate")
MULTI = FieldDef(id="modes", type="enum", name="Modes", name_ar="الأنماط", multiple=True,
                 options=(Choice("firearms", "Firearms"), Choice("explosives", "Explosives"),
                          Choice("arrest", "Arrest", "اعتقال")))
INTEGER = FieldDef(id="rounds", type="integer", name="Rounds", minimum=0, maximum=50,
                   help="How many <b>rounds</b> & more")


def show(qtbot, editor):
    """The editor in a window with a second focusable widget, to move focus away."""
    host = QWidget()
    qtbot.addWidget(host)
    editor.setParent(host)
    other = QLineEdit(host)
    other.setObjectName("other")
    other.move(0, 200)
    host.resize(400, 260)
    with qtbot.waitActive(host):  # focus-out (which commits text) needs an active window
        host.show()
        host.activateWindow()
    editor.test_host = host  # keep the window alive as long as the test holds the editor
    return other


class Spy:
    def __init__(self, editor) -> None:
        self.values: list = []
        editor.valueEdited.connect(self.values.append)


def test_the_factory_maps_each_type(qapp):
    assert type(make_field_editor(ENUM)) is EnumEditor
    assert type(make_field_editor(MULTI)) is MultiEnumEditor
    assert type(make_field_editor(COUNT)) is CountEditor
    assert type(make_field_editor(DATE)) is DateEditor
    assert type(make_field_editor(TEXT)) is TextEditor
    assert type(make_field_editor(NOTES)) is NotesEditor
    assert type(make_field_editor(BOOL)) is BooleanEditor
    assert type(make_field_editor(INTEGER)) is IntegerEditor


def test_every_codebook_field_gets_an_editor_showing_its_default(qtbot):
    fields = [*CB.event_fields, *CB.document_fields,
              *(f for et in CB.event_types for f in et.fields)]
    for fd in fields:
        editor = make_field_editor(fd)
        qtbot.addWidget(editor)
        assert editor.value() == fd.default
        assert editor.objectName() == f"field_{fd.id}"


def test_titles_are_bilingual_and_help_is_plain(qapp):
    assert field_title(ENUM) == "Actor 1 type · نوع الفاعل الأول *"
    assert field_title(TEXT) == "Attribution · الإسناد"
    assert field_title(INTEGER) == "Rounds"
    editor = make_field_editor(INTEGER)
    assert "&lt;b&gt;rounds&lt;/b&gt; &amp; more" in editor.toolTip()
    assert plain_tooltip("") == ""


def test_enum_emits_choice_ids_and_none(qtbot):
    editor = make_field_editor(ENUM)
    show(qtbot, editor)
    spy = Spy(editor)
    editor.set_value("rebel_group")
    assert editor.combo.currentData() == "rebel_group" and spy.values == []
    assert editor.combo.itemText(0) == "—"
    assert editor.combo.findText("2 Rebel group · جماعة متمردة") >= 0
    editor.combo.setFocus()
    qtbot.keyClick(editor.combo, Qt.Key.Key_Down)
    assert spy.values == ["political_militia"]
    qtbot.keyClick(editor.combo, Qt.Key.Key_Home)
    assert spy.values == ["political_militia", None]
    editor.set_value(None)
    assert editor.combo.currentIndex() == 0 and len(spy.values) == 2


def test_multiple_enum_is_a_checkable_list(qtbot):
    editor = make_field_editor(MULTI)
    show(qtbot, editor)
    spy = Spy(editor)
    editor.set_value(["explosives"])
    assert editor.checked_ids() == ["explosives"] and spy.values == []
    lst = editor.list
    lst.setFocus()
    lst.setCurrentRow(2)
    qtbot.keyClick(lst, Qt.Key.Key_Space)
    assert spy.values == [["explosives", "arrest"]]
    rect = lst.visualItemRect(lst.item(1))
    # Click the check box at the start of the row.
    qtbot.mouseClick(lst.viewport(), Qt.MouseButton.LeftButton,
                     pos=QPoint(rect.left() + 10, rect.center().y()))
    assert spy.values[-1] == ["arrest"]
    lst.setCurrentRow(2)
    qtbot.keyClick(lst, Qt.Key.Key_Space)
    assert spy.values[-1] is None
    assert all(v is None or not check_value(MULTI, v) for v in spy.values)


def test_count_qualifier_and_number(qtbot):
    editor = make_field_editor(COUNT)
    show(qtbot, editor)
    spy = Spy(editor)
    assert not editor.number.isEnabled()
    editor.qualifier.setFocus()
    qtbot.keyClick(editor.qualifier, Qt.Key.Key_Down)  # "exactly"
    assert spy.values == [{"value": 0, "qualifier": "exact"}]
    assert editor.number.isEnabled() and editor.number.isVisible()
    editor.number.setFocus()
    editor.number.selectAll()
    qtbot.keyClicks(editor.number, "12")
    assert len(spy.values) == 1  # not on every key
    qtbot.keyClick(editor.number, Qt.Key.Key_Return)
    assert spy.values[-1] == {"value": 12, "qualifier": "exact"}
    editor.qualifier.setCurrentIndex(editor.qualifier.findData("several") - 1)
    editor.qualifier.setFocus()
    qtbot.keyClick(editor.qualifier, Qt.Key.Key_Down)
    assert spy.values[-1] == {"value": None, "qualifier": "several"}
    assert not editor.number.isEnabled()
    assert all(v is None or not check_value(COUNT, v) for v in spy.values)
    n = len(spy.values)
    editor.set_value({"value": 3, "qualifier": "at_least"})
    assert editor.number.value() == 3 and editor.number.isEnabled()
    assert editor.qualifier.currentData() == "at_least" and len(spy.values) == n
    editor.set_value(None)
    assert editor.qualifier.currentIndex() == 0 and not editor.number.isEnabled()


def test_date_emits_only_valid_dates(qtbot):
    editor = make_field_editor(DATE)
    other = show(qtbot, editor)
    spy = Spy(editor)
    editor.edit.setFocus()
    qtbot.keyClicks(editor.edit, "2024-03")
    qtbot.keyClick(editor.edit, Qt.Key.Key_Return)
    assert spy.values == []  # a month with precision "day" is not stored
    assert editor.problem.isVisible()
    assert "precision 'day' needs a full date" in editor.problem.text()
    assert "(or set precision to 'month')" in editor.problem.text()
    editor.precision.setFocus()
    qtbot.keyClick(editor.precision, Qt.Key.Key_Down)  # week: still needs a day
    qtbot.keyClick(editor.precision, Qt.Key.Key_Down)  # month
    assert spy.values == [{"value": "2024-03", "precision": "month"}]
    assert not editor.problem.isVisible()

    editor.edit.setFocus()
    editor.edit.selectAll()
    qtbot.keyClicks(editor.edit, "2024-02-30")
    other.setFocus()  # editing finished by leaving the field
    qtbot.waitUntil(lambda: editor.problem.isVisible())
    assert "not a real date" in editor.problem.text()
    assert len(spy.values) == 1
    editor.edit.setFocus()
    qtbot.keyClick(editor.edit, Qt.Key.Key_Backspace)
    qtbot.keyClick(editor.edit, Qt.Key.Key_Backspace)
    qtbot.keyClicks(editor.edit, "28")
    qtbot.keyClick(editor.edit, Qt.Key.Key_Return)
    assert spy.values[-1] == {"value": "2024-02-28", "precision": "month"}

    editor.edit.clear()
    qtbot.keyClick(editor.edit, Qt.Key.Key_Return)
    assert spy.values[-1] is None
    n = len(spy.values)
    editor.set_value({"value": "2020-01-05", "precision": "week"})
    assert editor.edit.text() == "2020-01-05" and editor.precision.currentData() == "week"
    assert len(spy.values) == n


def test_text_emits_when_editing_is_finished(qtbot):
    editor = make_field_editor(TEXT)
    other = show(qtbot, editor)
    spy = Spy(editor)
    editor.edit.setFocus()
    qtbot.keyClicks(editor.edit, "local ")
    QTest.sendKeyEvent(QTest.KeyAction.Click, editor.edit, Qt.Key.Key_unknown, "صفحات محلية",
                       Qt.KeyboardModifier.NoModifier)
    assert spy.values == []
    qtbot.keyClick(editor.edit, Qt.Key.Key_Return)
    assert spy.values == ["local صفحات محلية"]
    other.setFocus()  # unchanged: no second emission
    assert spy.values == ["local صفحات محلية"]
    editor.set_value("x")
    editor.edit.setFocus()
    editor.edit.selectAll()
    qtbot.keyClick(editor.edit, Qt.Key.Key_Delete)
    qtbot.keyClick(editor.edit, Qt.Key.Key_Return)
    assert spy.values[-1] is None


def test_notes_emit_on_focus_out(qtbot):
    editor = make_field_editor(NOTES)
    other = show(qtbot, editor)
    spy = Spy(editor)
    editor.edit.setFocus()
    qtbot.keyClicks(editor.edit, "several wounded")
    qtbot.keyClick(editor.edit, Qt.Key.Key_Return)
    qtbot.keyClicks(editor.edit, "<b>x</b>")
    assert spy.values == []
    other.setFocus()
    qtbot.waitUntil(lambda: spy.values == ["several wounded\n<b>x</b>"])
    editor.set_value("other text")
    assert editor.edit.toPlainText() == "other text" and len(spy.values) == 1


def test_boolean_emits_on_click(qtbot):
    editor = make_field_editor(BOOL)
    show(qtbot, editor)
    spy = Spy(editor)
    assert editor.value() is False and not editor.check.isChecked()
    qtbot.mouseClick(editor.check, Qt.MouseButton.LeftButton,
                     pos=QPoint(6, editor.check.height() // 2))
    assert spy.values == [True]
    editor.set_value(False)
    assert not editor.check.isChecked() and spy.values == [True]
    editor.check.setFocus()
    qtbot.keyClick(editor.check, Qt.Key.Key_Space)
    assert spy.values == [True, True]


def test_integer_with_an_unset_step(qtbot):
    editor = make_field_editor(INTEGER)
    show(qtbot, editor)
    spy = Spy(editor)
    assert editor.spin.text() == "—"
    editor.spin.setFocus()
    qtbot.keyClick(editor.spin, Qt.Key.Key_Up)
    assert spy.values == [0]
    editor.spin.selectAll()
    qtbot.keyClicks(editor.spin, "42")
    qtbot.keyClick(editor.spin, Qt.Key.Key_Return)
    assert spy.values == [0, 42]
    editor.set_value(7)
    assert editor.spin.value() == 7 and spy.values == [0, 42]
    editor.set_value(None)
    assert editor.spin.text() == "—"
    assert all(v is None or not check_value(INTEGER, v) for v in spy.values)
