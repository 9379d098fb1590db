"""Up, Down, PageUp and PageDown in the text view, one visual line at a time.

Qt's own line move (``QTextCursor.Down``) keeps the caret's x and asks the next line for the
position at that x. In a wrapped right-to-left paragraph ``QTextLine.xToCursor`` answers an x
at a line's right edge (where every RTL line starts) with the position before the previous
line's trailing space (measured with PySide6 6.8 to 6.11). So from a line start Down landed at
the end of the same line, and from there Down and PageDown went nowhere until Left reset the
remembered x. Here the target line is chosen first and the caret is kept on it; the x is
remembered across consecutive moves, as Qt does, so the caret keeps its column over short
lines.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QKeyEvent, QKeySequence, QTextBlock, QTextCursor, QTextLine
from PySide6.QtWidgets import QPlainTextEdit

Keys = QKeySequence.StandardKey

# key -> (lines or pages, direction, extends the selection)
_MOVES: tuple[tuple[QKeySequence.StandardKey, bool, int, bool], ...] = (
    (Keys.MoveToNextLine, False, 1, False),
    (Keys.MoveToPreviousLine, False, -1, False),
    (Keys.SelectNextLine, False, 1, True),
    (Keys.SelectPreviousLine, False, -1, True),
    (Keys.MoveToNextPage, True, 1, False),
    (Keys.MoveToPreviousPage, True, -1, False),
    (Keys.SelectNextPage, True, 1, True),
    (Keys.SelectPreviousPage, True, -1, True),
)

VisualLine = tuple[QTextBlock, int]  # a paragraph and the number of a line in it


class LineMover:
    """Moves the caret of ``view`` by visual lines and pages on the line and page keys."""

    def __init__(self, view: QPlainTextEdit) -> None:
        self.view = view
        self._goal: tuple[int, float] | None = None  # (caret position after a move, its x)

    def handle(self, event: QKeyEvent) -> bool:
        """Move for a line or page key (True), or leave the event to Qt (False); any other
        key forgets the remembered x."""
        for key, page, direction, select in _MOVES:
            if event.matches(key):
                mode = QTextCursor.MoveMode.KeepAnchor if select \
                    else QTextCursor.MoveMode.MoveAnchor
                if page:
                    self.move_page(direction, mode)
                else:
                    self.move_lines(direction, 1, mode)
                    self.view.ensureCursorVisible()
                return True
        self._goal = None
        return False

    def move_lines(self, direction: int, count: int, mode: QTextCursor.MoveMode) -> int:
        """Move the caret ``count`` visual lines down (``direction`` 1) or up (-1), keeping
        its x; returns how many lines it moved (fewer at the start or end of the text)."""
        cursor = self.view.textCursor()
        position = cursor.position()
        line = _line_of(self._laid_out(cursor.document().findBlock(position)), position)
        if line is None:
            return 0
        x = self._goal[1] if self._goal and self._goal[0] == position \
            else _x_of(line, position)
        moved = 0
        target = line
        while moved < count:
            following = _step(target, direction, self._laid_out)
            if following is None:
                break
            target = following
            moved += 1
        if not moved:
            return 0
        new_position = _position_at(target, x)
        cursor.setPosition(new_position, mode)
        self.view.setTextCursor(cursor)
        self._goal = (new_position, x)
        return moved

    def _laid_out(self, block: QTextBlock) -> QTextBlock:
        """``block``, laid out: the view lays out only what it has shown so far."""
        if block.isValid() and block.layout() is not None and block.layout().lineCount() == 0:
            self.view.blockBoundingRect(block)
        return block

    def move_page(self, direction: int, mode: QTextCursor.MoveMode) -> None:
        """Move the caret by a screenful of lines and scroll as far, so it stays on the same
        row of the screen; on the first or last line, to the start or end of the text."""
        view = self.view
        view.ensureCursorVisible()
        line_height = max(1, view.cursorRect().height())
        lines = max(1, view.viewport().height() // line_height)
        moved = self.move_lines(direction, lines, mode)
        if not moved:  # on the first or last line: to the start or end of the text
            cursor = view.textCursor()
            cursor.movePosition(QTextCursor.MoveOperation.End if direction > 0
                                else QTextCursor.MoveOperation.Start, mode)
            view.setTextCursor(cursor)
        bar = view.verticalScrollBar()  # counts visual lines in a QPlainTextEdit
        bar.setValue(bar.value() + direction * moved)
        view.ensureCursorVisible()


def _line_of(block: QTextBlock, position: int) -> VisualLine | None:
    layout = block.layout()
    if not block.isValid() or layout is None or layout.lineCount() == 0:
        return None
    line = layout.lineForTextPosition(position - block.position())
    return block, line.lineNumber() if line.isValid() else layout.lineCount() - 1


def _x_of(line: VisualLine, position: int) -> float:
    block, number = line
    x, _ = block.layout().lineAt(number).cursorToX(position - block.position())
    return x


def _step(line: VisualLine, direction: int,
          laid_out: Callable[[QTextBlock], QTextBlock]) -> VisualLine | None:
    """The visual line below (1) or above (-1) ``line``; None past the text's edge."""
    block, number = line
    number += direction
    if 0 <= number < block.layout().lineCount():
        return block, number
    block = block.next() if direction > 0 else block.previous()
    while block.isValid() and not block.isVisible():
        block = block.next() if direction > 0 else block.previous()
    if not block.isValid():
        return None
    block = laid_out(block)
    if block.layout() is None or block.layout().lineCount() == 0:
        return None
    return block, 0 if direction > 0 else block.layout().lineCount() - 1


def _position_at(line: VisualLine, x: float) -> int:
    """The document position on ``line`` nearest to ``x``, never on a neighbouring line."""
    block, number = line
    layout = block.layout()
    text_line: QTextLine = layout.lineAt(number)
    first = text_line.textStart()
    stop = first + text_line.textLength()
    last = stop if number == layout.lineCount() - 1 else layout.previousCursorPosition(stop)
    last = max(first, last)
    relative = min(max(text_line.xToCursor(x), first), last)
    if layout.lineForTextPosition(relative).lineNumber() != number:
        relative = first
    return block.position() + relative
