"""The text view's selection, shown as it will be labelled.

Selections snap (``CodingState.snap``: whole characters, no spaces or punctuation at the
edges, whole words while snapping is on), so the view shows the snapped range rather than the
characters the mouse or the keys reached: a drag inside «هجوماً» shows the word, which is what
a label key saves.

- A mouse selection (a drag, a double click, a Shift+click) snaps when the button is released.
- Shift with an arrow key moves the caret and snaps after each key. A key whose move leaves the
  snapped range as it was (one letter further inside a word, onto a space) is repeated until
  the range changes or the caret cannot move on, so with snapping on each Shift+Left or
  Shift+Right grows or shrinks the selection by a whole word, and with it off by a letter;
  it never sticks at a word's edge. The caret stays at the end the coder is moving.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QKeyEvent, QKeySequence, QTextCursor
from PySide6.QtWidgets import QPlainTextEdit

from annotator.core.offsets import PositionMap

Range = tuple[int, int]
Snap = Callable[[int, int], Range | None]
Keys = QKeySequence.StandardKey

# Keys that move the selection's free end by a letter or a word: repeated until the snapped
# range changes.
_STEPPING = (Keys.SelectNextChar, Keys.SelectPreviousChar, Keys.SelectNextWord,
             Keys.SelectPreviousWord)
# Keys that move it further (lines, pages, line and text ends): snapped once.
_JUMPING = (Keys.SelectNextLine, Keys.SelectPreviousLine, Keys.SelectNextPage,
            Keys.SelectPreviousPage, Keys.SelectStartOfLine, Keys.SelectEndOfLine,
            Keys.SelectStartOfBlock, Keys.SelectEndOfBlock, Keys.SelectStartOfDocument,
            Keys.SelectEndOfDocument)
_MAX_REPEATS = 200  # a key never walks further than this many letters to change the range


class SelectionSnapper:
    """Snaps the selection of ``view`` with ``snap`` (none set: the view selects as Qt does).

    ``selected`` gives the view's selection in code points, widened to whole characters.
    """

    def __init__(self, view: QPlainTextEdit, positions: Callable[[], PositionMap],
                 selected: Callable[[], Range | None]) -> None:
        self.view = view
        self._positions = positions
        self._selected = selected
        self.snap: Snap | None = None

    def snapped(self) -> Range | None:
        """The view's selection as it will be labelled; None without one (or nothing left)."""
        rng = self._selected()
        if rng is None or self.snap is None:
            return None
        return self.snap(*rng)

    def key(self, event: QKeyEvent, move: Callable[[QKeyEvent], None]) -> bool:
        """Handle a selection key: ``move`` does the view's own move, then the selection is
        snapped. False (nothing done) for any other key, or with no ``snap`` set."""
        if self.snap is None:
            return False
        stepping = any(event.matches(k) for k in _STEPPING)
        if not stepping and not any(event.matches(k) for k in _JUMPING):
            return False
        before = self.snapped()
        for _ in range(_MAX_REPEATS):
            caret = self.view.textCursor().position()
            move(event)
            if not stepping or self.snapped() != before \
                    or self.view.textCursor().position() == caret:
                break
        self.settle()
        return True

    def settle(self) -> None:
        """Make the view's selection the snapped range, the caret at the end it was at (a
        selection that snaps to nothing, spaces alone, is left as it is)."""
        rng = self.snapped()
        if rng is None:
            return
        cursor = self.view.textCursor()
        positions = self._positions()
        start, end = positions.to_qt(rng[0]), positions.to_qt(rng[1])
        anchor, caret = (start, end) if cursor.position() >= cursor.anchor() else (end, start)
        if (cursor.anchor(), cursor.position()) == (anchor, caret):
            return
        cursor.setPosition(anchor)
        cursor.setPosition(caret, QTextCursor.MoveMode.KeepAnchor)
        self.view.setTextCursor(cursor)
