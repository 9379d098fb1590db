"""Undo commands: one ``QUndoCommand`` per user-visible edit, wrapping a core ``Edit``.

Every change goes through ``push_edit``: the edit is checked first (a refusal is returned as text
and nothing is pushed), then pushed; ``redo`` applies it through the session so listeners refresh
the views. PySide6 leaves a command on the stack when ``redo`` raises, so ``redo`` never raises:
an edit refused late (a ``Macro`` whose second step no longer fits) marks the command obsolete,
which makes ``QUndoStack.push`` drop it, and keeps the reason for the caller.
"""

from __future__ import annotations

import sys

from PySide6.QtGui import QUndoCommand, QUndoStack

from annotator.core.edits import AnnotationSession, Edit
from annotator.errors import AnnotatorError


class EditCommand(QUndoCommand):
    """A core ``Edit`` on a session. ``redo`` (also run by ``push``) applies, ``undo`` reverts."""

    def __init__(self, session: AnnotationSession, edit: Edit) -> None:
        super().__init__(edit.description)
        self.session = session
        self.edit = edit
        self.refusal = ""

    def redo(self) -> None:
        try:
            self.session.do(self.edit, checked=True)  # push_edit checked it
        except AnnotatorError as exc:
            self.refusal = str(exc)
            self.setObsolete(True)  # push() and redo() delete an obsolete command
        except Exception as exc:  # a bug: keep it off the stack, and report it
            self.refusal = f"internal error ({type(exc).__name__}: {exc})"
            self.setObsolete(True)
            sys.excepthook(type(exc), exc, exc.__traceback__)

    def undo(self) -> None:
        self.session.undo(self.edit)


def push_edit(stack: QUndoStack, session: AnnotationSession, edit: Edit) -> str:
    """Check ``edit`` and push it as one undo step; return '' or why it was refused."""
    reason = edit.check(session)
    if reason:
        return reason
    command = EditCommand(session, edit)
    stack.push(command)
    return command.refusal
