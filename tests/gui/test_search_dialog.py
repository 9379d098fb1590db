"""Search the project from the window (Ctrl+Shift+F): keyword in context, right to left for
Arabic with the matches in one column, optionally inside spans; a row opens its document at
the match. Driven with real keys."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from window_support import close_window, shown_window, type_text

from annotator.core.model import Document, Span
from annotator.gui.main_window import MainWindow
from annotator.gui.search_dialog import HIT_ROLE, HitTableModel, KwicRow, SearchDialog
from annotator.storage.project import Project
from annotator.storage.search import Hit, search_project

# Limits of the offscreen platform plugin, not of the window.
pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints",
                                       "This plugin does not support raise")

CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
LATIN = "Reuters said the ISIS attack near Deir ez-Zor killed one soldier."


@pytest.fixture
def project(tmp_path: Path, test_data: Path) -> Project:
    """The sample article's paragraphs as documents, an English one, and a coder's LOCATION
    span over «بريف البوكمال» in the first."""
    text = (test_data / "sample-article-ar.txt").read_text(encoding="utf-8")
    paragraphs = [p for p in text.split("\n") if p.strip()]
    p = Project.init(tmp_path / "project")
    docs = [Document(f"p{i + 1}", t, {"title": f"الفقرة {i + 1}"})
            for i, t in enumerate(paragraphs)]
    docs.append(Document("en", LATIN, {"title": "Reuters"}))
    p.add_documents(docs)
    aset = p.new_annotation_set("amira", docs[0])
    start = docs[0].text.index("بريف البوكمال")
    aset.spans.append(Span("s1", start, start + len("بريف البوكمال"), "LOCATION",
                           "بريف البوكمال"))
    p.save_annotations(aset, docs[0])
    return p


@pytest.fixture
def window(qtbot, project: Project) -> MainWindow:  # type: ignore[no-untyped-def]
    w = shown_window(qtbot, project, "p8")
    yield w
    close_window(w)


def open_dialog(qtbot, window: MainWindow) -> SearchDialog:  # type: ignore[no-untyped-def]
    qtbot.keyClick(window.document_view, Qt.Key.Key_F, CTRL_SHIFT)
    dialog = window.project_search.dialog
    assert dialog is not None and dialog.isVisible()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog)
    assert dialog.query.hasFocus()
    return dialog


def run_query(qtbot, dialog: SearchDialog, query: str) -> None:  # type: ignore[no-untyped-def]
    dialog.query.selectAll()
    type_text(dialog.query, query)
    with qtbot.waitSignal(dialog.searched, timeout=20_000):
        qtbot.keyClick(dialog.query, Qt.Key.Key_Return)


def rows(dialog: SearchDialog) -> list[KwicRow]:
    return [dialog.model.index(r, 0).data(HIT_ROLE) for r in range(dialog.model.rowCount())]


def test_search_lists_every_match_and_a_row_opens_its_document_at_the_match(  # type: ignore[no-untyped-def]
        qtbot, window, project):
    dialog = open_dialog(qtbot, window)
    run_query(qtbot, dialog, "داعش")
    expected = search_project(project, "داعش").hits
    assert [(r.hit.document_id, r.hit.start, r.hit.end) for r in rows(dialog)] == \
        [(h.document_id, h.start, h.end) for h in expected]
    assert dialog.status.text().startswith(f"{len(expected)} matches in ")
    # Read as Arabic: right to left, the context before to the right of the match.
    table = dialog.table
    assert table.layoutDirection() == Qt.LayoutDirection.RightToLeft
    x = {col: table.columnViewportPosition(col) for col in range(4)}
    assert x[HitTableModel.TITLE] > x[HitTableModel.BEFORE] > x[HitTableModel.MATCH] \
        > x[HitTableModel.AFTER]
    # Down goes from the query to the rows; Enter opens the second hit at its match.
    qtbot.keyClick(dialog.query, Qt.Key.Key_Down)
    assert table.hasFocus() and table.currentIndex().row() == 0
    qtbot.keyClick(table, Qt.Key.Key_Down)
    qtbot.keyClick(table, Qt.Key.Key_Return)
    second = expected[1]
    assert window.doc.id == second.document_id
    assert window.document_view.selected_range() == (second.start, second.end)
    assert window.document_view.text[second.start:second.end] == "داعش"
    qtbot.waitUntil(lambda: window.document_view.hasFocus())


def test_only_inside_spans_of_a_label_and_a_coder(qtbot, window):  # type: ignore[no-untyped-def]
    dialog = open_dialog(qtbot, window)
    run_query(qtbot, dialog, "ريف")
    assert len(rows(dialog)) == 6
    dialog.label.setCurrentIndex(dialog.label.findData("LOCATION"))
    dialog.coder.setCurrentIndex(dialog.coder.findData("amira"))
    with qtbot.waitSignal(dialog.searched, timeout=20_000):
        qtbot.keyClick(dialog.query, Qt.Key.Key_Return)
    (row,) = rows(dialog)
    assert (row.hit.document_id, row.prefix, row.match) == ("p1", "ب", "ريف")
    assert "inside s1" in dialog.model.index(0, HitTableModel.MATCH).data(
        Qt.ItemDataRole.ToolTipRole)


def test_a_latin_query_in_an_english_document_reads_left_to_right(qtbot, window):  # type: ignore[no-untyped-def]
    dialog = open_dialog(qtbot, window)
    run_query(qtbot, dialog, "isis")
    (row,) = rows(dialog)
    assert row.match == "ISIS" and row.before.endswith("said the")
    assert dialog.table.layoutDirection() == Qt.LayoutDirection.LeftToRight
    dialog.query.selectAll()
    type_text(dialog.query, "ـــ")  # tatweel only: nothing to search for, no search runs
    qtbot.keyClick(dialog.query, Qt.Key.Key_Return)
    assert dialog.status.text().startswith("Type a word") and not dialog.running


def test_kwic_rows_keep_the_matchs_word_whole() -> None:
    """Letters glued to the match go to the match column, so «والأحد» stays one joined word."""
    hit = Hit("d", "t", 30, 33, "أحد", "قال مسؤول في يوم وال", "، وأضاف", 60)
    row = KwicRow.of(hit)
    assert (row.before, row.prefix, row.match, row.suffix, row.after) == (
        "…قال مسؤول في يوم", "وال", "أحد", "", "، وأضاف…")
    assert row.word == "والأحد"
    hit = Hit("d", "t", 0, 3, "قتل", "", "ى في الهجوم", 14)  # whole words off: «قتلى»
    row = KwicRow.of(hit)
    assert (row.before, row.word, row.suffix, row.after) == ("", "قتلى", "ى", "في الهجوم")
