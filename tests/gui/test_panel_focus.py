"""Focus in the event panel, driven by real keys: what gets the focus is scrolled into view
(a new event's Type box, issue 12.2) and F8 puts the focus on the field, role or span at
fault (issue 12.3)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QRect, Qt
from PySide6.QtWidgets import QApplication, QWidget
from window_support import close_window, open_window, sample_project, select_text

from annotator.gui.main_window import MainWindow

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


@pytest.fixture
def window(qtbot, tmp_path):  # type: ignore[no-untyped-def]
    window = open_window(qtbot, sample_project(tmp_path))
    yield window
    close_window(window)


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
