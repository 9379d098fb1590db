"""The text shows a selection as it will be labelled (issue 12.5): a drag inside «هجوماً»
shows the whole word, and Shift+arrows grow and shrink the shown selection word by word
(character by character with snapping off), driven by real mouse and key events."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from test_main_window import drag
from window_support import sample_project

from annotator.gui.main_window import MainWindow

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")

SHIFT = Qt.KeyboardModifier.ShiftModifier
CTRL = Qt.KeyboardModifier.ControlModifier


@pytest.fixture
def window(window_opener, tmp_path):  # type: ignore[no-untyped-def]
    return window_opener(sample_project(tmp_path))


def word_at(window: MainWindow, word: str) -> tuple[int, int]:
    start = window.document_view.text.index(word)
    return start, start + len(word)


def caret_inside(window: MainWindow, qtbot, word: str, offset: int) -> int:  # type: ignore[no-untyped-def]
    start = word_at(window, word)[0]
    window.document_view.select_range(start + offset, start + offset)
    window.document_view.setFocus()
    return start


def shift(qtbot, window: MainWindow, k: Qt.Key, mods=SHIFT) -> tuple[int, int] | None:  # type: ignore[no-untyped-def]
    qtbot.keyClick(window.document_view, k, mods)
    return window.document_view.selected_range()


def test_a_drag_inside_a_word_shows_the_whole_word_that_gets_labelled(qtbot, window) -> None:
    view = window.document_view
    start, end = word_at(window, "هجوماً")
    drag(qtbot, view, start + 1, start + 4)  # «وم» and a bit: inside the word
    assert view.selected_range() == (start, end)
    assert window.state.selection == (start, end)
    qtbot.keyClick(view, Qt.Key.Key_T)
    spans = [s for s in window.doc.session.aset.spans if s.label == "TRIGGER"]
    assert [(s.start, s.end) for s in spans] == [(start, end)]


def test_a_drag_over_two_part_words_and_a_space_shows_both_words(qtbot, window) -> None:
    view = window.document_view
    start, end = word_at(window, "مجموعة مسلحة")
    drag(qtbot, view, start + 3, end - 2)
    assert view.selected_range() == (start, end)
    # Dragged backwards (from the later word to the earlier), the same words are shown.
    drag(qtbot, view, end - 2, start + 3)
    assert view.selected_range() == (start, end)
    cursor = view.textCursor()
    assert cursor.position() < cursor.anchor()  # the caret stays where the drag ended


def test_a_drag_over_spaces_and_punctuation_shows_them_trimmed(qtbot, window) -> None:
    view = window.document_view
    text = view.text
    start = text.index("ديرالزور،")
    drag(qtbot, view, start - 1, start + len("ديرالزور،") + 1)
    assert view.selected_range() == (start, start + len("ديرالزور"))


def test_shift_arrows_grow_and_shrink_the_shown_selection_by_whole_words(qtbot,
                                                                       window) -> None:
    first = caret_inside(window, qtbot, "مجموعة مسلحة", 2)
    one = (first, first + len("مجموعة"))
    two = (first, first + len("مجموعة مسلحة"))
    # RTL: Left moves forward in the text.
    assert shift(qtbot, window, Qt.Key.Key_Left) == one
    assert shift(qtbot, window, Qt.Key.Key_Left) == two  # over the space, into the next word
    assert shift(qtbot, window, Qt.Key.Key_Right) == one  # shrinks by the word, never sticks
    assert shift(qtbot, window, Qt.Key.Key_Right) is None
    # Labelling uses what is shown.
    assert shift(qtbot, window, Qt.Key.Key_Left) == one
    qtbot.keyClick(window.document_view, Qt.Key.Key_A)
    assert [(s.start, s.end) for s in window.doc.session.aset.spans
            if s.label == "ACTOR" and s.start == first] == [one]


def test_shift_arrows_after_a_drag_continue_from_the_shown_selection(qtbot, window) -> None:
    view = window.document_view
    start, end = word_at(window, "مجموعة مسلحة")
    drag(qtbot, view, start + 1, start + 3)  # inside «مجموعة»
    assert view.selected_range() == (start, start + len("مجموعة"))
    assert shift(qtbot, window, Qt.Key.Key_Left) == (start, end)
    assert shift(qtbot, window, Qt.Key.Key_Left, SHIFT | CTRL)[1] > end  # by word, too


def test_without_snapping_shift_arrows_move_by_letters_and_skip_edge_spaces(qtbot,
                                                                          window) -> None:
    qtbot.keyClick(window.document_view, Qt.Key.Key_W, CTRL)
    assert not window.snap_to_words
    start = caret_inside(window, qtbot, "مجموعة مسلحة", 0)
    assert shift(qtbot, window, Qt.Key.Key_Left) == (start, start + 1)
    for _ in range(len("مجموعة") - 1):
        shift(qtbot, window, Qt.Key.Key_Left)
    assert window.document_view.selected_range() == (start, start + len("مجموعة"))
    # The space alone would be trimmed: the next key also takes the next letter.
    assert shift(qtbot, window, Qt.Key.Key_Left) == (start, start + len("مجموعة م"))
    assert shift(qtbot, window, Qt.Key.Key_Right) == (start, start + len("مجموعة"))
