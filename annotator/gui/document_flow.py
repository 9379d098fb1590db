"""Opening, closing and finishing documents in the window: what the coder is asked along the
way (unsaved work, a recovery file, a lock, a misfiled file), around the application layer.

``DocumentFlow`` decides; the window's ``install``/``uninstall`` show a handle in the widgets
and take it out again.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Protocol

from annotator.app import commands
from annotator.app.document import DocumentHandle
from annotator.app.issue_words import issue_text
from annotator.app.process import release_after_close, settle_after_load
from annotator.app.recovery import RecoveryStore
from annotator.app.state import CodingState
from annotator.app.worklist import Worklist
from annotator.core.validation import Issue
from annotator.errors import AnnotatorError
from annotator.gui.dialogs import Asker
from annotator.gui.saving import Saver
from annotator.i18n import tr
from annotator.storage.project import Project


class Views(Protocol):
    """What the flow needs of the window."""

    def install(self, handle: DocumentHandle) -> None: ...
    def uninstall(self, handle: DocumentHandle) -> None: ...
    def goto_issue(self, issue: Issue) -> None: ...


class DocumentFlow:
    """The open/close/finish sequences of one window."""

    def __init__(self, views: Views, project: Project, coder: str, state: CodingState,
                 worklist: Worklist, saver: Saver, asker: Asker,
                 show_message: Callable[[str], None], *, offer_recovery: bool = True) -> None:
        self.views = views
        self.project = project
        self.coder = coder
        self.state = state
        self.worklist = worklist
        self.saver = saver
        self.asker = asker
        self.show_message = show_message
        self.recovery = RecoveryStore(project, coder)
        self._recoveries = {coder: self.recovery}
        self.offer_recovery = offer_recovery
        self._misfiled_told: set[str] = set()  # documents whose misfiled file was explained

    def open(self, doc_id: str, *, coder: str | None = None) -> bool:
        """Open ``coder``'s set (default: the window's coder) of ``doc_id``, asking about
        unsaved work first; False if it stays as it was."""
        coder = coder or self.coder
        current = self.state.handle
        if current is not None and (current.id, current.coder) == (doc_id, coder):
            return True
        if not self.close():
            return False
        recovery = self._recoveries.get(coder)
        if recovery is None:
            recovery = self._recoveries[coder] = RecoveryStore(self.project, coder)
        try:
            handle = DocumentHandle.open(self.project, doc_id, coder, recovery=recovery,
                                         offer_recovery=self.offer_recovery)
        except AnnotatorError as exc:
            self.asker.error(tr("flow", "Cannot open the document"), str(exc))
            return False
        if handle.notices.lock:
            self.asker.lock_notice(handle.notices.lock)
        if handle.notices.recovery_error:
            self.asker.error(tr("flow", "Recovery file"), handle.notices.recovery_error)
        self.state.open(handle)
        self.views.install(handle)
        aset = handle.session.aset
        settle_after_load(len(aset.spans) + len(aset.events))
        if handle.recovered is not None:
            summary = handle.recovered.summary()
            if self.asker.restore_recovery(handle.title, summary):
                reason = handle.restore()
                self.show_message(
                    tr("flow", "Restored unsaved work ({summary}); Ctrl+Z undoes the restore")
                    .format(summary=summary) if not reason
                    else tr("flow", "Could not restore: {reason}").format(reason=reason))
            else:
                self.saver.discard_recovery(handle)
        self._tell_notices(handle)
        return True

    def _tell_notices(self, handle: DocumentHandle) -> None:
        notices = handle.notices
        if notices.misfiled:
            rel = f"annotations/{self.coder}/{handle.id}.json"
            if handle.id not in self._misfiled_told:  # explained once; then a reminder
                self._misfiled_told.add(handle.id)
                self.asker.error(
                    tr("flow", "Annotation file in another coder's folder"),
                    tr("flow", "{path}: {problem}.\n\nSaving it here makes it your work "
                       "(coder {coder}); no other coder's file is changed.").format(
                        path=rel, problem=notices.misfiled, coder=repr(self.coder)))
            self.show_message(tr("flow", "{path} holds another coder's work; saving it makes "
                                 "it {coder}'s").format(path=rel, coder=self.coder))
        elif notices.problems:
            count = len(notices.problems)
            text = tr("flow", "This file has a problem: {first}") if count == 1 \
                else tr("flow", "This file has {count} problems; first: {first}")
            first = issue_text(handle.session.codebook, notices.problems[0])
            self.show_message(text.format(count=count, first=first))
        elif handle.read_only:
            self.show_message(handle.read_only)

    def close(self, *, ask: bool = True) -> bool:
        """Close the open document, asking to save unsaved work; False if the coder cancels."""
        handle = self.state.handle
        if handle is None:
            return True
        if handle.dirty and handle.editable:
            answer = self.asker.unsaved_changes(handle.title) if ask else "discard"
            if answer == "cancel":
                return False
            if answer == "save":
                if not self.saver.save(wait=True):
                    return False
            else:
                self.saver.discard_recovery(handle)
        self.saver.autosave.stop()
        self.saver.wait()
        problem = handle.close()
        self.state.close()
        self.views.uninstall(handle)
        release_after_close()
        if problem:
            self.show_message(problem)
        return True

    def saved_before(self, purpose: str) -> bool:
        """Offer to save unsaved work before something reads the project's files (an
        export, an agreement count); whether to go on."""
        handle = self.state.handle
        if handle is None or handle.read_only or not handle.dirty:
            return True
        answer = self.asker.save_first(handle.title, purpose)
        if answer == "cancel":
            return False
        return answer == "discard" or self.saver.save(wait=True)

    def step(self, step: int) -> bool:
        """Open the next (``+1``) or previous (``-1``) document of the list."""
        handle = self.state.handle
        target = self.worklist.step(handle.id if handle else None, step)
        if target is None:
            if self.worklist.ids:
                self.show_message(tr("flow", "This is the last document") if step > 0
                                  else tr("flow", "This is the first document"))
            return False
        return self.open(target)

    def mark_done(self, unfinished: str = "") -> bool:
        """Strict check; on a problem go to it, else save as done and open the next one.
        ``unfinished``: why the document is not done yet, found by the caller."""
        handle = self._finishable(tr("flow", "Not done: {reason}"))
        if handle is None:
            return False
        if unfinished:
            self.show_message(tr("flow", "Not done yet: {reason}").format(reason=unfinished))
            return False
        problems = handle.tracker.strict_problems()
        if problems:
            self.views.goto_issue(problems[0])
            text = tr("flow", "Not done yet: 1 problem; first: {first}") if len(problems) == 1 \
                else tr("flow", "Not done yet: {count} problems; first: {first}")
            self.show_message(text.format(count=len(problems), first=issue_text(
                handle.session.codebook, problems[0])))
            return False
        return self._finish(handle, "done")

    def skip(self) -> bool:
        """Mark the document skipped (irrelevant, duplicate, unreadable), save, open the next."""
        handle = self._finishable(tr("flow", "Not skipped: {reason}"))
        return handle is not None and self._finish(handle, "skipped")

    def _finishable(self, refusal: str) -> DocumentHandle | None:
        """The open document, or None (and ``refusal`` told) when it is read-only."""
        handle = self.state.handle
        if handle is not None and handle.read_only:
            self.show_message(refusal.format(reason=handle.read_only))
            return None
        return handle

    def _finish(self, handle: DocumentHandle, status: str) -> bool:
        outcome = commands.set_status(self.state, status)
        if not outcome.ok:
            self.show_message(outcome.message)
            return False
        if not self.saver.save(wait=True):
            return False
        done = status == "done"
        if handle.coder != self.coder:  # a gold set: the lead chooses where to go next
            text = tr("flow", "{doc}: the {coder} set is done; Ctrl+PgDown adjudicates the next "
                      "document") if done else \
                tr("flow", "{doc}: the {coder} set is skipped; Ctrl+PgDown adjudicates the next "
                   "document")
            self.show_message(text.format(doc=handle.id, coder=handle.coder))
            return True
        following = self.worklist.next_undone(handle.id)
        if following is None:
            text = tr("flow", "{doc} done. Every document of the project is done or skipped.") \
                if done else \
                tr("flow", "{doc} skipped. Every document of the project is done or skipped.")
            self.show_message(text.format(doc=handle.id))
            return True
        self.open(following)
        text = tr("flow", "{doc} done; now {next}") if done \
            else tr("flow", "{doc} skipped; now {next}")
        self.show_message(text.format(doc=handle.id, next=following))
        return True
