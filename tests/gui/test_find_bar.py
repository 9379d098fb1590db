"""Find in the document (Ctrl+F in the text) and the span filter, Arabic-normalised, driven
with real keys: «احد» finds «أحد», Enter/F3 step, Esc closes and gives the text the focus."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from window_support import close_window, shown_window, type_text

from annotator.core.model import Document
from annotator.gui.find_bar import CURRENT_COLOR, MARK_GROUP, MATCH_COLOR
from annotator.gui.main_window import MainWindow
from annotator.storage.project import Project

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")

CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier
# Variants a coder's query must not care about: harakat, tatweel, alef forms, ى/ي, ة/ه.
VARIANTS = "قالَ مـحـمد إن المستشفى في مدينه إدلب استقبل مصابين. وقال محمّد إنّ مستشفي المدينة مغلق."

LONG = "\n".join(f"سطر رقم {i} من تقرير طويل" for i in range(300)).replace(
    "سطر رقم 240 ", "سطر رقم 240 فيه كلمة الإدلبي ")


@pytest.fixture
def window(qtbot, tmp_path: Path, test_data: Path) -> MainWindow:  # type: ignore[no-untyped-def]
    project = Project.init(tmp_path / "project")
    text = (test_data / "sample-article-ar.txt").read_text(encoding="utf-8")
    project.add_documents([Document("article", text, {"title": "Sample"}),
                           Document("variants", VARIANTS, {"title": "Variants"}),
                           Document("long", LONG, {"title": "Long"})])
    w = shown_window(qtbot, project, "article")
    yield w
    close_window(w)


def selected_text(window: MainWindow) -> str:
    rng = window.document_view.selected_range()
    return window.document_view.text[rng[0]:rng[1]] if rng else ""


def find_marks(window: MainWindow) -> list[tuple[int, int, str]]:
    """The find group's marks in the view: (start, end, background colour)."""
    view = window.document_view
    return [(view.position_map.to_code_point(s.cursor.selectionStart()),
             view.position_map.to_code_point(s.cursor.selectionEnd()),
             s.format.background().color().name())
            for s in view._extra_groups.get(MARK_GROUP, [])]


def test_ctrl_f_in_the_text_finds_arabic_normalised_and_steps_with_keys(qtbot, window):  # type: ignore[no-untyped-def]
    view, bar = window.document_view, window.find_bar
    text = view.text
    assert not bar.isVisible()
    qtbot.keyClick(view, Qt.Key.Key_F, CTRL)
    assert bar.isVisible() and bar.query.hasFocus()
    type_text(bar.query, "احد")  # no hamza: finds «أحد» twice («أحد المواقع», «أحد عناصره»)
    first, second = text.index("أحد المواقع"), text.index("أحد عناصره")
    assert bar.matches() == [(first, first + 3), (second, second + 3)]
    assert bar.count.text() == "1 of 2"
    assert view.selected_range() == (first, first + 3)
    assert find_marks(window) == [(first, first + 3, CURRENT_COLOR),
                                  (second, second + 3, MATCH_COLOR)]
    qtbot.keyClick(bar.query, Qt.Key.Key_Return)
    assert bar.count.text() == "2 of 2" and view.selected_range() == (second, second + 3)
    qtbot.keyClick(bar.query, Qt.Key.Key_Return)  # wraps around
    assert bar.count.text() == "1 of 2"
    qtbot.keyClick(bar.query, Qt.Key.Key_Return, SHIFT)
    assert bar.count.text() == "2 of 2"
    # A phrase: «احد عناصره» is one match.
    type_text(bar.query, " عناصره")
    assert bar.matches() == [(second, second + len("أحد عناصره"))]
    assert selected_text(window) == "أحد عناصره" and bar.count.text() == "1 of 1"
    # Esc closes the bar, clears the marks and gives the text the focus with the match
    # selected: a label key now labels it.
    qtbot.keyClick(bar.query, Qt.Key.Key_Escape)
    assert not bar.isVisible() and view.hasFocus() and find_marks(window) == []
    qtbot.keyClick(view, Qt.Key.Key_A)
    assert [s.text for s in window.doc.session.aset.spans] == ["أحد عناصره"]


def test_f3_and_shift_f3_step_from_the_text(qtbot, window):  # type: ignore[no-untyped-def]
    view, bar = window.document_view, window.find_bar
    text = view.text
    qtbot.keyClick(view, Qt.Key.Key_F, CTRL)
    type_text(bar.query, "ريف")  # «ريف» and «بريف»: the proclitic ب may stand before it
    starts = [m[0] for m in bar.matches()]
    assert len(starts) == 6 and text[starts[0] - 1:starts[0] + 3] == "بريف"
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_F3)
    assert bar.current_index() == 1 and view.selected_range()[0] == starts[1]
    qtbot.keyClick(view, Qt.Key.Key_F3, SHIFT)
    qtbot.keyClick(view, Qt.Key.Key_F3, SHIFT)
    assert bar.current_index() == 5 and bar.count.text() == "6 of 6"
    # Without proclitics only the bare word: three «ريف».
    bar.proclitics.click()
    assert len(bar.matches()) == 3
    assert all(text[s - 1] == " " for s, _ in bar.matches())
    # Esc in the text closes the open bar and its marks, and keeps the match selected.
    view.setFocus()
    selected = view.selected_range()
    qtbot.keyClick(view, Qt.Key.Key_Escape)
    assert not bar.isVisible() and find_marks(window) == [] and view.hasFocus()
    assert view.selected_range() == selected
    qtbot.keyClick(view, Qt.Key.Key_Escape)  # closed: Esc in the text changes nothing
    assert view.hasFocus() and view.selected_range() == selected


def test_find_ignores_harakat_tatweel_and_letter_variants(qtbot, window):  # type: ignore[no-untyped-def]
    view, bar = window.document_view, window.find_bar
    assert window.open_document("variants")
    qtbot.keyClick(view, Qt.Key.Key_F, CTRL)
    found = {}
    for query in ("محمد", "قال", "مستشفي", "مدينة", "ادلب", "ان"):
        bar.query.clear()
        type_text(bar.query, query)
        found[query] = [VARIANTS[s:e] for s, e in bar.matches()]
    assert found == {
        "محمد": ["مـحـمد", "محمّد"],  # tatweel, shadda
        "قال": ["قالَ", "قال"],  # fatha; «وقال» with its proclitic
        "مستشفي": ["مستشفى", "مستشفي"],  # ى/ي; «المستشفى» after its article
        "مدينة": ["مدينه", "مدينة"],  # ة/ه, and «المدينة» after the article
        "ادلب": ["إدلب"],  # hamza under alef
        "ان": ["إن", "إنّ"],
    }


def test_ctrl_f_with_a_selection_finds_that_word_and_reopens_on_a_new_document(  # type: ignore[no-untyped-def]
        qtbot, window):
    view, bar = window.document_view, window.find_bar
    text = view.text
    i = text.index("داعش")
    view.select_range(i, i + 4)
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_F, CTRL)
    assert bar.query.text() == "داعش" and bar.query.selectedText() == "داعش"
    assert bar.count.text() == "1 of 4" and view.selected_range() == (i, i + 4)
    # Another document: the open bar searches it.
    assert window.open_document("variants")
    assert bar.isVisible() and bar.count.text() == "No match" and find_marks(window) == []


def test_ctrl_f_in_the_span_table_filters_it_arabic_normalised(qtbot, window):  # type: ignore[no-untyped-def]
    view, table = window.document_view, window.span_table
    text = view.text
    for needle, key in (("أحد المواقع", Qt.Key.Key_L), ("قوات النظام", Qt.Key.Key_A)):
        i = text.index(needle)
        view.select_range(i, i + len(needle))
        qtbot.keyClick(view, key)
    assert table.model.rowCount() == 2
    qtbot.keyClick(view, Qt.Key.Key_2, CTRL)
    assert table.view.hasFocus()
    qtbot.keyClick(table.view, Qt.Key.Key_F, CTRL)
    assert table.filter.hasFocus() and not window.find_bar.isVisible()
    type_text(table.filter, "احد")  # no hamza, as a coder types it
    assert table.proxy.rowCount() == 1
    assert table.proxy.index(0, 1).data() == "أحد المواقع"
    table.filter.clear()
    type_text(table.filter, "قُوّات")  # harakat in the query do not matter either
    assert table.proxy.rowCount() == 1
    # Back in the text, Ctrl+F is the find bar again.
    qtbot.keyClick(table.filter, Qt.Key.Key_Escape)
    assert view.hasFocus()
    qtbot.keyClick(view, Qt.Key.Key_F, CTRL)
    assert window.find_bar.query.hasFocus()


def test_a_match_off_screen_is_brought_to_the_middle(qtbot, window):  # type: ignore[no-untyped-def]
    view, bar = window.document_view, window.find_bar
    assert window.open_document("long")
    qtbot.keyClick(view, Qt.Key.Key_F, CTRL)
    type_text(bar.query, "الادلبي")
    assert selected_text(window) == "الإدلبي"
    rect, height = view.cursorRect(), view.viewport().height()
    assert height / 4 < rect.center().y() < 3 * height / 4
