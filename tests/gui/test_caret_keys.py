"""Up, Down, PageUp and PageDown in wrapped right-to-left paragraphs, driven by real keys.

Qt's own line move keeps the caret's x; at the right edge of an RTL line (a line start) that x
maps, on the next line, to the previous line's trailing space, so Down went nowhere (issue 12.1).
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QApplication

from annotator.gui.document_view import DocumentView

Key = Qt.Key
Mod = Qt.KeyboardModifier


@pytest.fixture
def view(shown_view) -> DocumentView:  # type: ignore[no-untyped-def]
    return shown_view(900, 400)


@pytest.fixture
def article(test_data) -> str:
    return (test_data / "sample-article-ar.txt").read_text(encoding="utf-8")


def show(view: DocumentView, text: str) -> None:
    view.set_document(text)
    QApplication.processEvents()
    view.setFocus()


def visual_line(view: DocumentView, qt_pos: int) -> tuple[int, int]:
    """(paragraph, line in paragraph) of a Qt position, as the caret is drawn there."""
    block = view.document().findBlock(qt_pos)
    return block.blockNumber(), block.layout().lineForTextPosition(qt_pos - block.position()) \
        .lineNumber()


def all_lines(view: DocumentView) -> list[tuple[int, int, int, int]]:
    """Every visual line: (paragraph, line, first Qt position, position after it)."""
    lines = []
    block = view.document().begin()
    while block.isValid():
        layout = block.layout()
        for i in range(layout.lineCount()):
            line = layout.lineAt(i)
            start = block.position() + line.textStart()
            lines.append((block.blockNumber(), i, start, start + line.textLength()))
        block = block.next()
    return lines


def place(view: DocumentView, qt_pos: int) -> None:
    cursor = QTextCursor(view.document())
    cursor.setPosition(qt_pos)
    view.setTextCursor(cursor)


def caret(view: DocumentView) -> int:
    return view.textCursor().position()


def test_down_from_the_start_walks_every_visual_line(qtbot, view, article) -> None:
    show(view, article)
    qtbot.keyClick(view, Key.Key_Home, Mod.ControlModifier)
    assert caret(view) == 0
    lines = all_lines(view)
    assert len(lines) > 20  # wrapped: many more lines than paragraphs
    seen = [visual_line(view, caret(view))]
    for _ in range(len(lines) - 1):
        qtbot.keyClick(view, Key.Key_Down)
        seen.append(visual_line(view, caret(view)))
    assert seen == [(p, n) for p, n, _a, _b in lines]
    # On the last line Down stays there; Up walks back through every line.
    qtbot.keyClick(view, Key.Key_Down)
    assert visual_line(view, caret(view)) == seen[-1]
    back = [visual_line(view, caret(view))]
    for _ in range(len(lines) - 1):
        qtbot.keyClick(view, Key.Key_Up)
        back.append(visual_line(view, caret(view)))
    assert back == seen[::-1]


@pytest.mark.parametrize("where", ["start", "end", "before_end"])
def test_down_and_up_move_on_from_either_end_of_every_line(qtbot, view, article,
                                                           where: str) -> None:
    show(view, article)
    lines = all_lines(view)
    for k, (para, number, start, stop) in enumerate(lines[:-1]):
        pos = {"start": start, "end": stop, "before_end": max(start, stop - 1)}[where]
        if visual_line(view, pos) != (para, number):
            pos = stop - 1  # the end of a wrapped line is the start of the next one
        place(view, pos)
        qtbot.keyClick(view, Key.Key_Down)
        assert visual_line(view, caret(view)) == lines[k + 1][:2], (where, pos)
        qtbot.keyClick(view, Key.Key_Up)
        assert visual_line(view, caret(view)) == (para, number), (where, pos)


def test_the_caret_keeps_its_column_over_short_lines(qtbot, view) -> None:
    long = "كلمة " * 60
    text = f"{long}\nقصير\n{long}"
    show(view, text)
    place(view, 12)  # a few words into the first line
    x = view.cursorRect().center().x()
    while visual_line(view, caret(view))[0] == 0:
        qtbot.keyClick(view, Key.Key_Down)
    qtbot.keyClick(view, Key.Key_Down)  # over the short paragraph, into the next long one
    assert visual_line(view, caret(view)) == (2, 0)
    assert abs(view.cursorRect().center().x() - x) < 20


def test_shift_down_extends_the_selection_line_by_line(qtbot, view, article) -> None:
    show(view, article)
    qtbot.keyClick(view, Key.Key_Home, Mod.ControlModifier)
    lines = all_lines(view)
    for k in range(1, 4):
        qtbot.keyClick(view, Key.Key_Down, Mod.ShiftModifier)
        cursor = view.textCursor()
        assert cursor.anchor() == 0
        assert visual_line(view, cursor.position()) == lines[k][:2]
    assert view.selected_range() is not None and view.selected_range()[0] == 0


def test_page_down_and_page_up_always_move_on(qtbot, view, article) -> None:
    text = "\n".join([article] * 3)
    show(view, text)
    qtbot.keyClick(view, Key.Key_Home, Mod.ControlModifier)
    positions = [caret(view)]
    while caret(view) < len(text) and len(positions) < 100:
        qtbot.keyClick(view, Key.Key_PageDown)
        assert caret(view) > positions[-1], positions
        positions.append(caret(view))
        assert view.viewport().rect().contains(view.cursorRect().center())
    assert caret(view) == len(text)  # the last PageDown goes to the end of the text
    assert len(positions) > 3
    while caret(view) > 0:
        before = caret(view)
        qtbot.keyClick(view, Key.Key_PageUp)
        assert caret(view) < before
        assert view.viewport().rect().contains(view.cursorRect().center())
    assert caret(view) == 0


def test_page_down_moves_about_a_screen(qtbot, view, article) -> None:
    show(view, article)
    qtbot.keyClick(view, Key.Key_Home, Mod.ControlModifier)
    line_height = view.cursorRect().height()
    row = view.cursorRect().top()
    qtbot.keyClick(view, Key.Key_PageDown)
    lines = all_lines(view)
    index = [ln[:2] for ln in lines].index(visual_line(view, caret(view)))
    visible = view.viewport().height() // line_height
    assert visible - 2 <= index <= visible + 1, (index, visible)
    assert abs(view.cursorRect().top() - row) < line_height  # the same row of the screen


def test_latin_wrapped_paragraphs_move_too(qtbot, view) -> None:
    text = ("The quick brown fox jumps over the lazy dog. " * 40).strip()
    show(view, text)
    qtbot.keyClick(view, Key.Key_Home, Mod.ControlModifier)
    lines = all_lines(view)
    for k in range(1, len(lines)):
        qtbot.keyClick(view, Key.Key_Down)
        assert visual_line(view, caret(view)) == lines[k][:2]
