"""Focus in the event panel, driven by real keys: what gets the focus is scrolled into view
(a new event's Type box, issue 12.2) and F8 puts the focus on the field, role or span at
fault (issue 12.3)."""

from __future__ import annotations

import json

import pytest
from PySide6.QtCore import QRect, Qt
from PySide6.QtWidgets import QApplication, QWidget
from window_support import SAMPLE_DOC, sample_project, select_text

from annotator.gui.main_window import MainWindow

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


@pytest.fixture
def window(window_opener, tmp_path):  # type: ignore[no-untyped-def]
    return window_opener(sample_project(tmp_path))


def key(qtbot, widget: QWidget, k: Qt.Key,  # type: ignore[no-untyped-def]
        mods: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> None:
    qtbot.keyClick(widget, k, mods)


def visible_in_panel(window: MainWindow, widget: QWidget) -> bool:
    """Whether ``widget`` is wholly inside the event panel's scrolled viewport."""
    viewport = window.event_panel.scroll.viewport()
    top_left = widget.mapTo(viewport, widget.rect().topLeft())
    return viewport.rect().contains(QRect(top_left, widget.size()))


def scroll_to_bottom(window: MainWindow) -> None:
    bar = window.event_panel.scroll.verticalScrollBar()
    bar.setValue(bar.maximum())


def test_a_new_events_type_box_is_scrolled_into_view(qtbot, window) -> None:
    panel = window.event_panel
    view = window.document_view
    select_text(window, "هجوماً")
    key(qtbot, view, Qt.Key.Key_E)
    bar = panel.scroll.verticalScrollBar()
    # The panel is longer than its dock (once laid out): the test means something.
    qtbot.waitUntil(lambda: bar.maximum() > 0)
    scroll_to_bottom(window)  # as after filling the last fields of the first event
    assert not visible_in_panel(window, panel.type_combo)

    select_text(window, "الاشتباكات")
    key(qtbot, view, Qt.Key.Key_E)
    assert QApplication.focusWidget() is panel.type_combo
    assert len(window.doc.session.aset.events) == 2
    for widget in (panel.type_combo, panel.subtype_combo):
        assert visible_in_panel(window, widget)


def test_tab_and_clicks_through_the_panel_keep_the_focused_editor_in_view(
        qtbot, window) -> None:
    panel = window.event_panel
    select_text(window, "هجوماً")
    key(qtbot, window.document_view, Qt.Key.Key_E)
    qtbot.waitUntil(lambda: panel.scroll.verticalScrollBar().maximum() > 0)
    relevance = panel.document_fields.editors["relevance"]
    relevance.setFocus(Qt.FocusReason.OtherFocusReason)
    assert visible_in_panel(window, relevance)
    panel.type_combo.setFocus(Qt.FocusReason.OtherFocusReason)
    assert visible_in_panel(window, panel.type_combo)
    # Tab from the type box goes down the panel; whatever has the focus is shown.
    for _ in range(12):
        key(qtbot, QApplication.focusWidget(), Qt.Key.Key_Tab)
        focused = QApplication.focusWidget()
        if panel.scroll.widget().isAncestorOf(focused):
            # An editor left behind may commit its value and change the rows above: the
            # focused one is shown again once the layout settles.
            qtbot.waitUntil(lambda w=focused: visible_in_panel(window, w))


# -- F8: the focus goes to what is at fault ------------------------------------------------------
@pytest.fixture
def open_demo_set(window_opener, tmp_path):  # type: ignore[no-untyped-def]
    """``open_demo_set(change)``: a window on the sample project's set of coder "demo", who
    coded every event, after ``change(data)`` took one thing out of it (as a coder who has
    not got to it yet)."""
    project = sample_project(tmp_path)

    def open_(change) -> MainWindow:  # type: ignore[no-untyped-def]
        path = project.annotation_path("demo", SAMPLE_DOC)
        data = json.loads(path.read_text(encoding="utf-8"))
        data["status"] = "in_progress"
        change(data)
        path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
        return window_opener(project, coder="demo", size=(1300, 760))

    return open_


def press_f8(qtbot, window: MainWindow) -> None:
    window.document_view.setFocus()
    key(qtbot, window.document_view, Qt.Key.Key_F8)


def focused_in(widget: QWidget) -> bool:
    focused = QApplication.focusWidget()
    return focused is widget or (focused is not None and widget.isAncestorOf(focused))


def test_f8_focuses_a_document_field_at_the_bottom_of_the_panel(qtbot, open_demo_set) -> None:
    window = open_demo_set(lambda d: d["fields"].pop("relevance"))
    panel = window.event_panel
    relevance = panel.document_fields.editors["relevance"]
    qtbot.waitUntil(lambda: panel.scroll.verticalScrollBar().maximum() > 0)
    assert not visible_in_panel(window, relevance)  # below the current event's fields
    press_f8(qtbot, window)
    assert focused_in(relevance)
    assert visible_in_panel(window, relevance)
    assert "Relevance" in window.statusBar().currentMessage()
    # The coder chooses with the keyboard, where the focus already is.
    key(qtbot, QApplication.focusWidget(), Qt.Key.Key_Down)
    assert window.doc.session.aset.fields.get("relevance")


def test_f8_focuses_an_event_field_and_makes_its_event_current(qtbot, open_demo_set) -> None:
    def drop(data):  # type: ignore[no-untyped-def]
        data["events"][2]["fields"].pop("fatalities")

    window = open_demo_set(drop)
    panel = window.event_panel
    assert panel.current_event_id() == "e1"
    press_f8(qtbot, window)
    assert panel.current_event_id() == "e3"
    editor = panel.fields.editors["fatalities"]
    assert focused_in(editor)
    qtbot.waitUntil(lambda: visible_in_panel(window, editor))


def test_f8_focuses_an_empty_required_role(qtbot, open_demo_set) -> None:
    def drop(data):  # type: ignore[no-untyped-def]
        data["events"][4]["roles"].pop("actor2")

    window = open_demo_set(drop)
    panel = window.event_panel
    press_f8(qtbot, window)
    assert panel.current_event_id() == "e5"
    role = panel.event_box.role_widget("actor2")
    assert role is not None and focused_in(role)
    qtbot.waitUntil(lambda: visible_in_panel(window, role))
    # Esc goes back to the text, where a selection and the role's key fill it.
    key(qtbot, QApplication.focusWidget(), Qt.Key.Key_Escape)
    assert QApplication.focusWidget() is window.document_view


def test_f8_focuses_the_sub_type_and_then_the_trigger(qtbot, open_demo_set) -> None:
    def drop(data):  # type: ignore[no-untyped-def]
        data["events"][3]["subtype"] = None
        data["events"][3]["trigger"] = None

    window = open_demo_set(drop)
    panel = window.event_panel
    press_f8(qtbot, window)
    assert panel.current_event_id() == "e4"
    assert QApplication.focusWidget() is panel.subtype_combo
    assert visible_in_panel(window, panel.subtype_combo)
    for _ in range(3):
        key(qtbot, panel.subtype_combo, Qt.Key.Key_Down)
    window.issues.flush()
    press_f8(qtbot, window)
    assert focused_in(panel.trigger_row)
    assert visible_in_panel(window, panel.trigger_row)


def test_f8_selects_a_span_at_fault_in_the_text_and_focuses_the_text(qtbot,
                                                                    open_demo_set) -> None:
    def relabel(data):  # type: ignore[no-untyped-def]
        last = max(data["spans"], key=lambda s: s["start"])
        last["label"] = "NO_SUCH_LABEL"

    window = open_demo_set(relabel)
    view = window.document_view
    bad = max(window.doc.session.aset.spans, key=lambda s: s.start)
    panel = window.event_panel
    panel.type_combo.setFocus()
    press_f8(qtbot, window)
    assert window.selected_span_id() == bad.id
    assert QApplication.focusWidget() is view
    # The caret is put at the span, so the view shows it and keys start from there.
    assert view.caret_position() == bad.start
    assert view.viewport().rect().intersects(view.cursorRect())
    assert bad.id in window.refresh_validation()[0].ref
