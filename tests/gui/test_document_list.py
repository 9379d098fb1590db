"""DocumentList: status filter, progress, and opening a document with Enter or a double-click."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QLabel, QTableView

from annotator.gui.document_list import DocumentList
from annotator.gui.models import ID_ROLE

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")

ROWS = [
    ("d1", "هجوم على موقع للفرقة 17 في ريف البوكمال", "done"),
    ("d2", "Convoy hit near Palmyra", "in_progress"),
    ("d3", "<b>x</b> & co", "not_started"),
    ("d4", "Plans for a Badia operation", "skipped"),
    ("d5", "Body found in al-Masrab", "not_started"),
]


@pytest.fixture
def docs(qtbot):
    w = DocumentList()
    qtbot.addWidget(w)
    w.set_documents(ROWS)
    w.resize(380, 300)
    w.show()
    qtbot.waitExposed(w)
    return w


def shown_ids(w: DocumentList) -> list[str]:
    return [w.proxy.index(r, 0).data(ID_ROLE) for r in range(w.proxy.rowCount())]


def test_names_rows_and_progress(docs, qtmodeltester):
    assert docs.objectName() == "documentList"
    assert docs.findChild(QComboBox, "statusFilter") is docs.filter_combo
    assert docs.findChild(QTableView, "documentTableView") is docs.view
    qtmodeltester.check(docs.model)
    qtmodeltester.check(docs.proxy)
    assert shown_ids(docs) == ["d1", "d2", "d3", "d4", "d5"]
    assert docs.findChild(QLabel, "progress").text() == "1 / 5 done · 1 skipped"
    assert docs.counts() == {"not_started": 2, "in_progress": 1, "done": 1, "skipped": 1}
    assert [docs.filter_combo.itemText(i) for i in range(docs.filter_combo.count())] == \
        ["All", "not started", "in progress", "done", "skipped"]
    # Titles exactly as given, markup included.
    assert docs.proxy.index(2, 1).data() == "<b>x</b> & co"
    assert docs.proxy.index(0, 1).data() == ROWS[0][1]


def test_status_filter_with_the_keyboard(qtbot, docs):
    docs.filter_combo.setFocus()
    qtbot.keyClick(docs.filter_combo, Qt.Key.Key_Down)  # not started
    assert shown_ids(docs) == ["d3", "d5"]
    qtbot.keyClick(docs.filter_combo, Qt.Key.Key_Down)  # in progress
    assert shown_ids(docs) == ["d2"]
    docs.set_status("d3", "in_progress")  # the filter follows status changes
    assert shown_ids(docs) == ["d2", "d3"]
    qtbot.keyClick(docs.filter_combo, Qt.Key.Key_Down)  # done
    assert shown_ids(docs) == ["d1"]
    qtbot.keyClick(docs.filter_combo, Qt.Key.Key_Home)
    assert len(shown_ids(docs)) == 5


def test_set_status_updates_progress(docs):
    docs.set_status("d2", "done")
    docs.set_status("d5", "done")
    assert docs.progress.text() == "3 / 5 done · 1 skipped"
    row = docs.model.row_of("d2")
    assert "done" in docs.model.index(row, 0).data()
    docs.set_status("nope", "done")
    assert docs.progress.text() == "3 / 5 done · 1 skipped"


def test_enter_and_double_click_open_a_document(qtbot, docs):
    docs.select_document("d2")
    assert docs.current_doc_id() == "d2"
    with qtbot.waitSignal(docs.documentActivated) as sig:
        qtbot.keyClick(docs.view, Qt.Key.Key_Return)
    assert sig.args == ["d2"]
    docs.view.setFocus()
    qtbot.keyClick(docs.view, Qt.Key.Key_Down)
    with qtbot.waitSignal(docs.documentActivated) as sig:
        qtbot.keyClick(docs.view, Qt.Key.Key_Enter, Qt.KeyboardModifier.KeypadModifier)
    assert sig.args == ["d3"]
    rect = docs.view.visualRect(docs.proxy.index(3, 1))
    with qtbot.waitSignal(docs.documentActivated) as sig:
        qtbot.mousePress(docs.view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
        qtbot.mouseRelease(docs.view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
        qtbot.mouseDClick(docs.view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert sig.args == ["d4"]


def test_select_a_filtered_out_document_shows_all(qtbot, docs):
    docs.filter_combo.setCurrentIndex(3)  # done
    assert shown_ids(docs) == ["d1"]
    docs.select_document("d5")
    assert docs.filter_combo.currentText() == "All"
    assert docs.current_doc_id() == "d5"
    docs.select_document("missing")  # unknown: nothing happens
    assert docs.current_doc_id() == "d5"


def test_new_documents_keep_the_current_one(docs):
    docs.select_document("d4")
    docs.set_documents([("d0", "New", "not_started"), *ROWS])
    assert docs.current_doc_id() == "d4"
    assert docs.progress.text() == "1 / 6 done · 1 skipped"
    docs.set_documents([])
    assert docs.current_doc_id() is None
    assert docs.progress.text() == "0 / 0 done"


def test_every_status_has_a_filter_a_mark_and_a_colour(docs):
    from annotator.core.model import STATUSES
    from annotator.gui.models import STATUS_COLOR, STATUS_MARK, STATUS_TEXT

    combo = docs.filter_combo
    assert [combo.itemText(i) for i in range(1, combo.count())] == [
        status.replace("_", " ") for status in STATUSES]
    for table in (STATUS_TEXT, STATUS_COLOR, STATUS_MARK):
        assert set(table) == {*STATUSES, "unreadable"}
    assert set(docs.model.counts()) == set(STATUSES)
