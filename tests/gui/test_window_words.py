"""What the window calls things, driven by real keys: one name per label in every widget, role
names in "Used in", undo texts that say what they undo, Arabic combo entries cut with an
ellipsis where they are cut, and the done count current after Ctrl+Enter."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QToolBar
from window_support import every_text, paragraphs_project, show_active

from annotator.app.commands import quote
from annotator.core.names import short_name
from annotator.gui.dialogs import QuietAsker
from annotator.gui.main_window import MainWindow
from annotator.gui.span_model import SpanTableModel
from annotator.storage.project import Project

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")

CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier


@pytest.fixture
def project(tmp_path: Path, test_data: Path) -> Project:
    """The sample article's first three paragraphs as three documents."""
    article = (test_data / "sample-article-ar.txt").read_text(encoding="utf-8")
    return paragraphs_project(tmp_path, article, 3)


@pytest.fixture
def window(qtbot, project: Project) -> MainWindow:  # type: ignore[no-untyped-def]
    w = MainWindow(project, "tester", asker=QuietAsker(), offer_recovery=False)
    qtbot.addWidget(w)
    show_active(qtbot, w, 1300, 820)
    assert w.open_document("p1")
    yield w
    w.close_document(ask=False)
    w.close()


def select(window: MainWindow, needle: str) -> tuple[int, int]:
    start = window.doc.session.document.text.index(needle)
    window.document_view.select_range(start, start + len(needle))
    window.document_view.setFocus()
    return start, start + len(needle)


def press(qtbot, window: MainWindow, key: Qt.Key, mods=Qt.KeyboardModifier.NoModifier) -> str:  # type: ignore[no-untyped-def]
    """Press ``key`` in the text; return the status message it left."""
    qtbot.keyClick(window.document_view, key, mods)
    return window.statusBar().currentMessage()


def span_at(window: MainWindow, needle: str) -> str:
    return next(s.id for s in window.doc.session.aset.spans if s.text == needle)


def test_a_label_has_one_name_in_every_widget(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    cb = window.codebook
    name = {lab.id: short_name(lab.name) for lab in cb.span_labels}
    assert (name["LOCATION"], name["QUANTITY"], name["TRIGGER"]) == \
        ("Place", "Number or quantity", "Event trigger")

    # The toolbar and the Span menu, before anything is coded.
    bar = window.findChild(QToolBar, "labelsToolBar")
    assert [bar.widgetForAction(a).text() for a in bar.actions()] == [
        f"{name[lab.id]}  {lab.key.upper()}" for lab in cb.span_labels]
    submenu = next(a.menu() for a in window.menus["Span"].actions()
                   if a.menu() is not None and a.text() == "Label selection as")
    assert [a.text() for a in submenu.actions()] == [name[lab.id] for lab in cb.span_labels]

    # Code with keys: the messages name the label as the toolbar does.
    select(window, "بلدة الجلاء")
    assert press(qtbot, window, Qt.Key.Key_L) == f"Place: {quote('بلدة الجلاء')}"
    select(window, "خسائر في الأرواح")
    assert press(qtbot, window, Qt.Key.Key_N) == \
        f"Number or quantity: {quote('خسائر في الأرواح')}"
    select(window, "هجوماً")
    press(qtbot, window, Qt.Key.Key_E)
    select(window, "قوات النظام")
    assert press(qtbot, window, Qt.Key.Key_2) == f"e1 Actor 2 ← {quote('قوات النظام')}"
    window.select_span(span_at(window, "بلدة الجلاء"))
    window.document_view.setFocus()
    assert press(qtbot, window, Qt.Key.Key_4) == f"e1 Location ← {quote('بلدة الجلاء')}"
    place = span_at(window, "بلدة الجلاء")
    # Relabelling Actor 2's span as a place in the span table is refused, in the same names.
    actor = span_at(window, "قوات النظام")
    window.span_table.select_span(actor)
    window.span_table.view.setFocus()
    qtbot.keyClick(window.span_table.view, Qt.Key.Key_L)
    assert window.statusBar().currentMessage() == (
        f"Not done: span {actor} is used in event e1: Actor 2 must be a span labelled Actor "
        f"or Person or people; span {actor} is Place")

    # E on a span that is no trigger says so in names, with the key that makes one.
    window.select_span(place)
    window.document_view.setFocus()
    assert press(qtbot, window, Qt.Key.Key_E) == (
        f"Not done: {place} is Place; a trigger must be Event trigger (select the trigger "
        "word, or relabel it with T)")

    # The span table: label names, and where each span is used by role name.
    model = window.span_table.model
    rows = {model.span_at(r).text: (model.index(r, SpanTableModel.LABEL).data(),
                                    model.index(r, SpanTableModel.USED).data())
            for r in range(model.rowCount())}
    assert rows == {"بلدة الجلاء": ("Place", "e1 Location"),
                    "خسائر في الأرواح": ("Number or quantity", ""),
                    "هجوماً": ("Event trigger", "e1 Trigger"),
                    "قوات النظام": ("Actor", "e1 Actor 2")}

    # Clicking a highlight names it in the status bar; the text's tooltip and the chips too.
    window.document_view.spanClicked.emit(place)
    assert window.statusBar().currentMessage() == \
        f"Selected {place}: Place {quote('بلدة الجلاء')}"
    assert "Place · مكان" in window.document_view.tooltip_html([place])
    assert "(Place)" in window.event_panel.available_label.text()
    chips = {b.text(): b.toolTip() for b in window.event_panel.findChildren(QAbstractButton)
             if b.objectName() == "chipText"}
    assert "Event trigger" in chips["هجوماً"] and "Place" in chips["بلدة الجلاء"]

    # Nowhere in the window is a label called by its id or the old toolbar names.
    words = "\n".join([*every_text(window), window.statusBar().currentMessage()])
    for lab in cb.span_labels:
        assert not re.search(rf"\b{lab.id}\b", words), lab.id
    for old in ("Location  L", "Quantity  N", "Trigger  T", "Actor (force"):
        assert old not in words


def test_undo_and_redo_say_what_they_undo(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    undo, redo = window.action_map["undo"], window.action_map["redo"]
    assert undo in window.menus["Edit"].actions()
    select(window, "قوات النظام")
    press(qtbot, window, Qt.Key.Key_A)
    said = f"label {quote('قوات النظام')} Actor"
    assert undo.text() == f"&Undo {said}"
    assert press(qtbot, window, Qt.Key.Key_Z, CTRL) == f"Undone: {said}"
    assert redo.text() == f"&Redo {said}" and not window.doc.session.aset.spans
    assert press(qtbot, window, Qt.Key.Key_Z, CTRL | SHIFT) == f"Redone: {said}"
    select(window, "هجوماً")
    press(qtbot, window, Qt.Key.Key_E)
    assert undo.text() == f"&Undo new event e1 {quote('هجوماً')}"
    select(window, "لتنظيم داعش")
    press(qtbot, window, Qt.Key.Key_X)  # the ل left out
    press(qtbot, window, Qt.Key.Key_1)
    assert undo.text() == f"&Undo e1 Actor 1 ← {quote('تنظيم داعش')}"
    window.select_span(span_at(window, "تنظيم داعش"))
    window.document_view.setFocus()
    press(qtbot, window, Qt.Key.Key_Delete)
    assert undo.text() == f"&Undo remove Actor {quote('تنظيم داعش')}"


def choose(combo, data: str) -> None:  # type: ignore[no-untyped-def]
    """Pick the entry with ``data`` as a coder would (index change + ``activated``)."""
    i = combo.findData(data)
    assert i >= 0, data
    combo.setCurrentIndex(i)
    combo.activated.emit(i)


@pytest.mark.qt_log_ignore("This plugin does not support")  # a popup on the offscreen platform
def test_a_long_bilingual_entry_is_cut_with_an_ellipsis_where_it_is_cut(qtbot, window):  # type: ignore[no-untyped-def]
    select(window, "هجوماً")
    press(qtbot, window, Qt.Key.Key_E)
    combo = window.event_panel.type_combo
    choose(combo, "strategic_developments")
    qtbot.waitUntil(lambda: window.doc.session.aset.events[0].type == "strategic_developments")
    full = combo.currentText()
    assert full == "Strategic developments · تطورات استراتيجية"
    metrics = combo.fontMetrics()
    room = combo.text_room()
    assert metrics.horizontalAdvance(full) > room  # the dock at its usual width is too narrow
    shown = combo.shown_text()
    # The Arabic part loses whole words at its logical end, which is on its left: the
    # ellipsis is there, inside the part's right-to-left isolate; nothing is clipped.
    assert shown == "Strategic developments · \u2067تطورات …\u2069"
    assert metrics.horizontalAdvance(shown) <= room
    combo.showPopup()
    view = combo.view()
    qtbot.waitUntil(view.isVisible)
    assert view.viewport().width() >= view.sizeHintForColumn(0)  # the list shows it whole
    combo.hidePopup()
    window.event_panel.setMinimumWidth(0)
    combo.resize(60, combo.height())  # too narrow for a word of Arabic: English, cut right
    assert combo.shown_text().endswith("…") and "\u2067" not in combo.shown_text()


def test_the_done_count_follows_every_ctrl_enter(qtbot, window):  # type: ignore[no-untyped-def]
    """Issue: "N done" stayed stale after Ctrl+Enter until the document was reopened. Both
    counts (status bar and document list) follow each finish, the last one too."""
    assert window.status.position.text() == "Document 1/3 · 0 done"
    for n, doc_id in enumerate(("p1", "p2", "p3"), start=1):
        assert window.doc.id == doc_id
        choose(window.event_panel.document_fields.editors["relevance"].combo, "not_relevant")
        message = press(qtbot, window, Qt.Key.Key_Return, CTRL)
        place = min(n + 1, 3)  # the last one stays open: every document is done
        assert window.status.position.text() == f"Document {place}/3 · {n} done", message
        assert window.document_list.progress.text() == f"{n} / 3 done"
    assert message == "p3 done. Every document of the project is done or skipped."
