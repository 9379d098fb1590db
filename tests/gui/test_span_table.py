"""SpanTable with real key and mouse events: the edits it asks for and how it follows them."""

from __future__ import annotations

import pytest
from panel_support import add_span, expected_rows, make_session, sample_text
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QStyledItemDelegate, QVBoxLayout, QWidget

from annotator.core.edits import (
    AddRoleFiller,
    CreateEvent,
    RelabelSpan,
    RemoveSpan,
)
from annotator.gui.span_model import SpanTableModel
from annotator.gui.span_table import SpanTable

# The offscreen platform cannot resize a shown top-level window to its hint; harmless.
pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


@pytest.fixture
def session(test_data):
    s = make_session(sample_text(test_data))
    s.ids = {
        "trigger": add_span(s, "شنت", "TRIGGER"),
        "is": add_span(s, "تنظيم داعش", "ACTOR"),
        "gov": add_span(s, "قوات النظام", "ACTOR"),
        "jalaa": add_span(s, "بلدة الجلاء", "LOCATION"),
    }
    return s


@pytest.fixture
def table(qtbot, session):
    w = SpanTable()
    qtbot.addWidget(w)
    w.set_session(session)
    w.resize(600, 300)
    w.show()
    qtbot.waitExposed(w)
    return w


def shown_ids(table: SpanTable) -> list[str]:
    p = table.proxy
    return [p.index(r, 0).data(Qt.ItemDataRole.UserRole + 1) for r in range(p.rowCount())]


def click_row(qtbot, table: SpanTable, span_id: str) -> None:
    index = table._proxy_index(span_id)
    rect = table.view.visualRect(index)
    qtbot.mouseClick(table.view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def test_names_and_layout(table, session):
    assert table.objectName() == "spanTable"
    assert table.findChild(QWidget, "spanTableView") is table.view
    assert table.view.isSortingEnabled()
    assert shown_ids(table) == list(session.ids.values())  # sorted by start
    assert table.count_label.text() == "4 spans"


def test_delete_key_asks_to_remove_the_current_span(qtbot, table, session):
    click_row(qtbot, table, session.ids["is"])
    assert table.current_span_id() == session.ids["is"]
    with qtbot.waitSignal(table.editRequested) as sig:
        qtbot.keyClick(table.view, Qt.Key.Key_Delete)
    edit = sig.args[0]
    assert isinstance(edit, RemoveSpan) and edit.span_id == session.ids["is"] and edit.cascade
    assert session.aset.span(session.ids["is"]) is not None  # the table did not apply it
    session.do(edit)
    assert session.ids["is"] not in shown_ids(table)
    # The next row is current and selected, so Delete can go on.
    assert table.current_span_id() == session.ids["gov"]
    assert table.view.selectionModel().isRowSelected(
        table.view.currentIndex().row(), table.view.currentIndex().parent())
    with qtbot.waitSignal(table.editRequested) as sig:
        qtbot.keyClick(table.view, Qt.Key.Key_Backspace)
    assert sig.args[0] == RemoveSpan(session.ids["gov"])


def test_enter_and_double_click_activate(qtbot, table, session):
    table.select_span(session.ids["jalaa"])
    with qtbot.waitSignal(table.spanActivated) as sig:
        qtbot.keyClick(table.view, Qt.Key.Key_Return)
    assert sig.args == [session.ids["jalaa"]]
    with qtbot.waitSignal(table.spanActivated) as sig:
        qtbot.keyClick(table.view, Qt.Key.Key_Enter, Qt.KeyboardModifier.KeypadModifier)
    assert sig.args == [session.ids["jalaa"]]
    rect = table.view.visualRect(table._proxy_index(session.ids["trigger"]))
    with qtbot.waitSignal(table.spanActivated) as sig:
        # QTest's double click sends no press first; a real one does, and the view wants it.
        qtbot.mousePress(table.view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
        qtbot.mouseRelease(table.view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
        qtbot.mouseDClick(table.view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert sig.args == [session.ids["trigger"]]


def test_label_key_relabels(qtbot, table, session):
    click_row(qtbot, table, session.ids["gov"])
    with qtbot.waitSignal(table.editRequested) as sig:
        qtbot.keyClick(table.view, Qt.Key.Key_L)
    assert sig.args[0] == RelabelSpan(session.ids["gov"], "LOCATION")
    session.do(sig.args[0])
    row = table._proxy_index(session.ids["gov"]).row()
    assert table.proxy.index(row, SpanTableModel.LABEL).data() == "Place"
    assert table.current_span_id() == session.ids["gov"]
    # The label it already has: nothing to ask.
    with qtbot.assertNotEmitted(table.editRequested):
        qtbot.keyClick(table.view, Qt.Key.Key_L)
    # Not a label key: nothing either (and no type-to-search jump).
    with qtbot.assertNotEmitted(table.editRequested):
        qtbot.keyClick(table.view, Qt.Key.Key_Z)
    assert table.current_span_id() == session.ids["gov"]


def test_table_keys_beat_window_shortcuts(qtbot, session):
    window = QWidget()
    qtbot.addWidget(window)
    table = SpanTable(window)
    QVBoxLayout(window).addWidget(table)
    fired = []
    for key in ("A", "Delete"):
        action = QAction(key, window)
        action.setShortcut(QKeySequence(key))
        action.triggered.connect(lambda _=False, key=key: fired.append(key))
        window.addAction(action)
    table.set_session(session)
    window.show()
    qtbot.waitExposed(window)
    click_row(qtbot, table, session.ids["jalaa"])
    with qtbot.waitSignal(table.editRequested) as sig:
        qtbot.keyClick(table.view, Qt.Key.Key_A)
    assert sig.args[0] == RelabelSpan(session.ids["jalaa"], "ACTOR")
    with qtbot.waitSignal(table.editRequested) as sig:
        qtbot.keyClick(table.view, Qt.Key.Key_Delete)
    assert sig.args[0] == RemoveSpan(session.ids["jalaa"])
    assert fired == []


def test_relabel_refused_by_the_core_is_still_only_a_request(qtbot, table, session):
    # The table asks; the window decides. A trigger used by an event cannot become a place.
    session.do(CreateEvent("battles", trigger=session.ids["trigger"], event_id="e1"))
    table.select_span(session.ids["trigger"])
    with qtbot.waitSignal(table.editRequested) as sig:
        qtbot.keyClick(table.view, Qt.Key.Key_L)
    assert sig.args[0].check(session) != ""


def test_filter_by_label_and_text(qtbot, table, session):
    qtbot.keyClicks(table.filter, "PLA")
    assert shown_ids(table) == [session.ids["jalaa"]]
    assert table.count_label.text() == "1 of 4 spans shown"
    table.filter.clear()
    qtbot.keyClicks(table.filter, "actor")
    assert shown_ids(table) == [session.ids["is"], session.ids["gov"]]
    table.filter.clear()
    QTest.sendKeyEvent(QTest.KeyAction.Click, table.filter, Qt.Key.Key_unknown, "داعش",
                       Qt.KeyboardModifier.NoModifier)
    assert table.filter.text() == "داعش"
    assert shown_ids(table) == [session.ids["is"]]
    # A span added while filtered appears only if it matches.
    add_span(session, "داعش", "ACTOR", occurrence=1)
    assert len(shown_ids(table)) == 2
    add_span(session, "ديرالزور", "LOCATION")
    assert len(shown_ids(table)) == 2


def test_header_click_sorts_numerically(qtbot, table, session):
    far = add_span(session, "ديرالزور", "LOCATION")  # offset in the hundreds
    header = table.view.horizontalHeader()
    x = header.sectionViewportPosition(SpanTableModel.END) + 5
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton,
                     pos=QPoint(x, header.height() // 2))
    ends = [table.proxy.index(r, SpanTableModel.END).data()
            for r in range(table.proxy.rowCount())]
    assert ends == sorted(ends) or ends == sorted(ends, reverse=True)
    assert len(set(len(str(e)) for e in ends)) > 1  # mixed digit counts: a text sort differs
    assert far in shown_ids(table)


def click_header(qtbot, table: SpanTable, column: int) -> None:
    header = table.view.horizontalHeader()
    x = header.sectionViewportPosition(column) + 5
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton,
                     pos=QPoint(x, header.height() // 2))


@pytest.mark.parametrize("column", range(5))
def test_sorted_rows_follow_edits_and_keep_the_current_row(qtbot, table, session, column):
    model = table.model
    for clicks in (1, 2):  # one way, then the other
        click_header(qtbot, table, column)
        order = table.view.horizontalHeader().sortIndicatorOrder()
        assert (model.sort_column(), model.sort_order()) == (column, order)

        def check(needle: str = "", order=order) -> None:
            assert shown_ids(table) == expected_rows(session, column, order, needle)

        check()
        click_row(qtbot, table, session.ids["jalaa"])
        with qtbot.waitSignal(table.editRequested) as sig:
            qtbot.keyClick(table.view, Qt.Key.Key_A)  # Place -> Actor
        relabel = sig.args[0]
        session.do(relabel)
        check()
        assert table.current_span_id() == session.ids["jalaa"]
        new = add_span(session, "ديرالزور", "ACTOR")
        check()
        assert table.current_span_id() == session.ids["jalaa"]
        session.do(CreateEvent("battles", trigger=session.ids["trigger"], event_id=f"e{clicks}"))
        session.do(AddRoleFiller(f"e{clicks}", "actor1", new))
        check()
        qtbot.keyClicks(table.filter, "ACTOR")
        check("actor")
        session.undo(relabel)  # back to Place: filtered out
        check("actor")
        session.do(RemoveSpan(new))
        check("actor")
        table.filter.clear()
        check()
        table.set_session(session)  # as the window does on reopening: the same order
        check()


def test_current_span_changed_on_user_moves_only(qtbot, table, session):
    seen: list[str] = []
    table.currentSpanChanged.connect(seen.append)
    table.select_span(session.ids["is"])
    assert table.current_span_id() == session.ids["is"] and seen == []
    table.view.setFocus()
    qtbot.keyClick(table.view, Qt.Key.Key_Down)
    assert seen == [session.ids["gov"]]
    click_row(qtbot, table, session.ids["trigger"])
    assert seen[-1] == session.ids["trigger"]
    table.select_span(None)
    assert table.current_span_id() is None


def test_select_span_clears_a_filter_that_hides_it(qtbot, table, session):
    qtbot.keyClicks(table.filter, "place")
    table.select_span(session.ids["is"])
    assert table.filter.text() == ""
    assert table.current_span_id() == session.ids["is"]


def test_applied_edits_refresh_the_table(qtbot, table, session):
    table.select_span(session.ids["gov"])
    session.do(CreateEvent("battles", trigger=session.ids["trigger"], event_id="e1"))
    session.do(AddRoleFiller("e1", "actor2", session.ids["gov"]))
    row = table._proxy_index(session.ids["gov"]).row()
    assert table.proxy.index(row, SpanTableModel.USED).data() == "e1 Actor 2"
    new = add_span(session, "فرقة 17", "ACTOR")
    assert new in shown_ids(table)
    assert table.count_label.text() == "5 spans"
    assert table.current_span_id() == session.ids["gov"]  # the selection stays put


def test_markup_in_span_text_shows_literally(qtbot):
    s = make_session("قال <b>x</b> أمس")
    sid = add_span(s, "<b>x</b>", "TIME")
    w = SpanTable()
    qtbot.addWidget(w)
    w.set_session(s)
    index = w._proxy_index(sid).siblingAtColumn(SpanTableModel.TEXT)
    assert index.data() == "<b>x</b>"
    # The default delegate draws plain text; no rich-text delegate is installed.
    assert w.view.itemDelegateForColumn(SpanTableModel.TEXT) is None
    assert type(w.view.itemDelegate()) is QStyledItemDelegate


def test_replacing_the_session_moves_the_listener(qtbot, table, session, test_data):
    other = make_session(sample_text(test_data))
    table.set_session(other)
    assert len(session.changed) == 0
    assert len(other.changed) == 1
    assert shown_ids(table) == []
    table.set_session(None)
    assert len(other.changed) == 0


def test_the_count_follows_a_removed_span(qtbot, table, session):
    """The proxy announces a removal before the model has made it: the count is taken
    again once the model has."""
    session.do(RemoveSpan(session.ids["jalaa"]))
    assert table.count_label.text() == "3 spans"
    qtbot.keyClicks(table.filter, "actor")
    session.do(RemoveSpan(session.ids["gov"]))
    assert table.count_label.text() == "1 of 2 spans shown"
