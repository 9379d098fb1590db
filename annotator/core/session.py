"""A coding session and its undo history: the one route every edit takes.

``AnnotationSession`` holds one coder's annotation set on one document and applies edits
(:mod:`annotator.core.edits`), announcing each as one ``ChangeBatch``; ``History`` is its
Qt-free undo/redo stack. The window, the command line and the tests all go through these.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from annotator.core.codebook import Codebook
from annotator.core.events import ChangeBatch, Emitter
from annotator.core.model import AnnotationSet, Document, now_iso
from annotator.core.rules import rules_for
from annotator.errors import AnnotatorError

if TYPE_CHECKING:  # edits take a session: a cycle for the type checker only
    from annotator.core.edits import Edit


class EditRefusedError(AnnotatorError):
    """An edit that would make the annotations inconsistent; the message says why."""


class AnnotationSession:
    """One coder's annotation set on one document, with its codebook, changed only by edits.

    After each edit (and each undo) ``changed`` announces one ``ChangeBatch`` naming what it
    touched, so views and the issue tracker update only that.
    """

    def __init__(self, document: Document, codebook: Codebook, aset: AnnotationSet) -> None:
        self.document = document
        self.codebook = codebook
        self.rules = rules_for(codebook)
        self.aset = aset
        self.changed: Emitter[ChangeBatch] = Emitter()

    def do(self, edit: Edit, *, checked: bool = False) -> None:
        """Check (unless the caller just did) and apply ``edit``; raise ``EditRefusedError``
        (nothing changed) if refused."""
        if not checked:
            reason = edit.check(self)
            if reason:
                raise EditRefusedError(reason)
        edit.apply(self)
        self._touched(ChangeBatch.of(edit.changes(), edit.description))

    def undo(self, edit: Edit) -> None:
        edit.revert(self)
        self._touched(ChangeBatch.of(edit.changes(), edit.description, undo=True))

    def _touched(self, batch: ChangeBatch) -> None:
        self.aset.modified = now_iso()
        self.changed.emit(batch)

    def span_text(self, start: int, end: int) -> str:
        return self.document.text[start:end]


class History:
    """The undo/redo stack of one session, without Qt: the window, the command line and the
    tests push edits here. ``changed`` fires after every push, undo, redo and ``set_clean``;
    ``is_clean()`` is the single "modified" flag."""

    def __init__(self, session: AnnotationSession) -> None:
        self.session = session
        self.done: list[Edit] = []
        self.undone: list[Edit] = []
        self.clean_index = 0
        self.changed: Emitter[History] = Emitter()

    def push(self, edit: Edit) -> None:
        """Check and apply ``edit`` as one undo step; ``EditRefusedError`` if refused."""
        reason = self.try_push(edit)
        if reason:
            raise EditRefusedError(reason)

    def try_push(self, edit: Edit) -> str:
        """Check and apply ``edit`` as one undo step; return '' or why it was refused (then
        nothing changed). The edit is checked once; a macro checks each step as it goes."""
        reason = edit.check(self.session)
        if not reason:
            try:
                self.session.do(edit, checked=True)
            except EditRefusedError as exc:  # a macro step refused: its steps were reverted
                reason = str(exc)
        if reason:
            return reason
        if self.clean_index > len(self.done):
            self.clean_index = -1  # the saved state was undone and is now unreachable
        self.done.append(edit)
        self.undone.clear()
        self.changed.emit(self)
        return ""

    def undo(self) -> bool:
        if not self.done:
            return False
        edit = self.done.pop()
        self.session.undo(edit)
        self.undone.append(edit)
        self.changed.emit(self)
        return True

    def redo(self) -> bool:
        if not self.undone:
            return False
        edit = self.undone.pop()
        self.session.do(edit, checked=True)  # reverts are exact: what applied applies again
        self.done.append(edit)
        self.changed.emit(self)
        return True

    def can_undo(self) -> bool:
        return bool(self.done)

    def can_redo(self) -> bool:
        return bool(self.undone)

    def undo_text(self) -> str:
        return self.done[-1].description if self.done else ""

    def redo_text(self) -> str:
        return self.undone[-1].description if self.undone else ""

    def count(self) -> int:
        """Edits done and undone (as ``QUndoStack.count``)."""
        return len(self.done) + len(self.undone)

    @property
    def index(self) -> int:
        """How many edits are applied (as ``QUndoStack.index``)."""
        return len(self.done)

    def set_clean(self) -> None:
        self.clean_index = len(self.done)
        self.changed.emit(self)

    def is_clean(self) -> bool:
        return self.clean_index == len(self.done)
