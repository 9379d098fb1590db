"""An open document: loaded, locked, its recovery file offered, edited through one history,
saved and closed, without Qt.

``DocumentHandle.open(project, doc_id, coder)`` does what opening means: read the document
and the coder's set, take the lock (or say why the document is read-only), find unsaved work
left by a crash. Saving decides the status once (``AnnotationSet.status_when_saved``), makes
one snapshot, validates it once and writes it once through ``storage.atomic``; a background
writer can do the validating and writing (``write``), and ``finish_save`` takes the result in
on the caller's thread. The session changes only through edits: saving never touches it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from annotator.app.issues import IssueTracker
from annotator.app.recovery import Recovered, RecoveryStore, RestoreWork
from annotator.app.writer import DISCARD, RECOVERY, SAVE, WriteJob
from annotator.core.decisions import EditInGold
from annotator.core.edits import Edit
from annotator.core.events import ChangeBatch
from annotator.core.model import GOLD_CODER, Document
from annotator.core.session import AnnotationSession, History
from annotator.core.validation import ERROR, TODO, Issue
from annotator.errors import AnnotatorError
from annotator.i18n import tr
from annotator.storage.atomic import cleanup_stale_temps
from annotator.storage.lock import FileLock, LockedError
from annotator.storage.oserrors import plain_reason
from annotator.storage.project import MISFILED_WHERE, Project


@dataclass(frozen=True)
class SaveResult:
    """What a save wrote: the status on disk, the issues left (warnings, todo), and a note
    when the status differs from the one in the session."""

    status: str
    issues: list[Issue]
    note: str = ""

    @property
    def todo(self) -> int:
        return sum(1 for i in self.issues if i.severity == TODO)


@dataclass
class WriteLedger:
    """Generations the writer thread has put on disk; written only by that thread (ints, so
    the interpreter keeps them whole), read by the window's."""

    saved: int = -1
    recovery: int = -1


@dataclass
class OpenNotices:
    """What opening found that the coder should hear about (each '' when nothing)."""

    lock: str = ""  # why the file could not be locked (shown once, in a box)
    recovery_error: str = ""  # a recovery file that cannot be read
    misfiled: str = ""  # the file names another coder
    problems: list[Issue] = field(default_factory=list)  # errors found in the file


class DocumentHandle:
    """One coder's set of one document while it is open for coding."""

    def __init__(self, project: Project, coder: str, session: AnnotationSession, *,
                 lock: FileLock | None, read_only: str = "",
                 recovery: RecoveryStore | None = None,
                 known_issues: list[Issue] | None = None) -> None:
        self.project = project
        self.coder = coder
        self.session = session
        self.history = History(session)
        self.tracker = IssueTracker(session, known_issues)
        self.lock = lock
        self.read_only = read_only  # '' when editable, else why not (shown to the coder)
        self.recovery = recovery
        self.recovered: Recovered | None = None
        self.notices = OpenNotices()
        self.ledger = WriteLedger()
        self.generation = 0  # bumped by every change (undo and redo included)
        self.seconds = 0.0  # coding time not yet saved
        self._time_base = session.aset.time_spent_seconds  # coding time on disk
        session.changed.connect(self._on_session_changed)

    # -- opening -------------------------------------------------------------------------------
    @classmethod
    def open(cls, project: Project, doc_id: str, coder: str, *,
             recovery: RecoveryStore | None = None, offer_recovery: bool = True,
             lock: bool = True) -> DocumentHandle:
        """Open ``doc_id`` for ``coder``: ``AnnotatorError`` if the document or the set cannot
        be read (nothing is locked then). A set someone else holds opens read-only."""
        document = project.load_document(doc_id)
        held: FileLock | None = None
        read_only, lock_notice = "", ""
        if lock:
            held, read_only, lock_notice = _take_lock(project, coder, doc_id)
        saved = project.annotation_path(coder, doc_id).is_file()
        try:
            aset, issues = project.load_annotations(coder, document)
        except AnnotatorError:
            if held is not None:
                held.release()
            raise
        handle = cls(project, coder, AnnotationSession(document, project.codebook, aset),
                     lock=held, read_only=read_only, recovery=recovery,
                     # A saved set was validated as it was read; a new one has not been.
                     known_issues=[i for i in issues if i.where != MISFILED_WHERE]
                     if saved else None)
        handle.notices.lock = lock_notice
        misfiled = [i for i in issues if i.where == MISFILED_WHERE]
        handle.notices.misfiled = misfiled[0].message if misfiled else ""
        handle.notices.problems = [i for i in issues
                                   if i.severity == ERROR and i.where != MISFILED_WHERE]
        if recovery is not None and offer_recovery and not read_only:
            try:
                if recovery.exists(doc_id):  # (the set as a dict only when there is one)
                    handle.recovered = recovery.load(doc_id, aset.to_dict())
            except AnnotatorError as exc:
                handle.notices.recovery_error = str(exc)
        return handle

    @property
    def document(self) -> Document:
        return self.session.document

    @property
    def id(self) -> str:
        return self.session.document.id

    @property
    def title(self) -> str:
        return self.session.document.title

    @property
    def dirty(self) -> bool:
        return not self.history.is_clean()

    @property
    def editable(self) -> bool:
        return not self.read_only

    def time_spent(self) -> float:
        """Coding time in all: on disk (or restored) and since the last save."""
        return max(self._time_base, self.session.aset.time_spent_seconds) + self.seconds

    # -- editing -------------------------------------------------------------------------------
    def push(self, edit: Edit, *, decision: bool = False) -> str:
        """Check and apply ``edit`` as one undo step; '' or why it was refused. On a gold set
        an edit that is not an adjudication ``decision`` marks what it changes as edited by
        the adjudicator (``EditInGold``)."""
        if self.read_only:
            return self.read_only
        if self.coder == GOLD_CODER and not decision:
            edit = EditInGold(edit)
        return self.history.try_push(edit)

    def restore(self) -> str:
        """Bring back the recovered work as one undoable step; '' or why not."""
        if self.recovered is None:
            return tr("document", "nothing to restore")
        reason = self.push(RestoreWork(self.recovered.annotation_set()))
        self.recovered = None
        return reason

    def discard_recovery(self) -> None:
        """Forget the recovered work (the recovery file is removed)."""
        self.recovered = None
        if self.recovery is not None:
            self.recovery.discard(self.id)
            self.ledger.recovery = -1

    def _on_session_changed(self, _batch: ChangeBatch) -> None:
        self.generation += 1

    # -- saving --------------------------------------------------------------------------------
    def save_refusal(self) -> str:
        """'' when this window may write the file, else why not."""
        if self.read_only:
            return self.read_only
        if self.lock is not None and not self.lock.owned:
            holder = self.lock.holder()
            return tr("document", "{path}: this window no longer holds the lock ({holder}). "
                      "Your work stays in the recovery file; reopen the document.").format(
                path=self.lock.path,
                holder=holder.describe() if holder else tr("document", "the lock file is gone"))
        return ""

    def snapshot(self, *, for_save: bool) -> dict[str, Any]:
        """The set as it goes to disk, made on the caller's thread (the writer thread must not
        read the live session). For a save the status is decided here, once."""
        aset = self.session.aset
        data = aset.to_dict()
        data["time_spent_seconds"] = round(self.time_spent(), 1)
        if for_save:
            complete = not self.tracker.strict_problems() if aset.status == "done" else True
            data["status"] = aset.status_when_saved(complete=complete)
        return data

    def save_job(self) -> WriteJob:
        """A save, to run here (``write``) or on the writer thread; ``finish_save`` after."""
        return WriteJob(SAVE, self, self.snapshot(for_save=True), self.generation)

    def recovery_job(self) -> WriteJob:
        """Unsaved work written aside (or the recovery file removed when nothing is unsaved)."""
        if not self.dirty:
            return WriteJob(DISCARD, self)
        return WriteJob(RECOVERY, self, self.snapshot(for_save=False), self.generation)

    def save(self) -> SaveResult:
        """Validate and write now, on this thread; ``AnnotatorError`` if refused."""
        refusal = self.save_refusal()
        if refusal:
            raise AnnotatorError(tr("document", "Not saved: {reason}").format(reason=refusal))
        job = self.save_job()
        job.result = self.write(job)
        return self.finish_save(job)

    def write(self, job: WriteJob) -> Any:
        """Do ``job`` (on the writer thread): only the snapshot, the project's files and the
        ledger are touched."""
        if job.kind == SAVE:
            assert job.snapshot is not None
            issues = self.project.save_annotation_data(self.coder, self.document, job.snapshot)
            self.ledger.saved = max(self.ledger.saved, job.generation)
            if self.recovery is not None and self.ledger.recovery <= job.generation:
                self.recovery.discard(self.id)
            return issues
        if job.kind == RECOVERY:
            if self.recovery is None or job.generation <= self.ledger.saved:
                return None  # saved meanwhile: nothing to recover
            assert job.snapshot is not None
            self.recovery.write(self.id, job.snapshot)
            self.ledger.recovery = job.generation
            return None
        if job.kind == DISCARD:
            if self.recovery is not None:
                self.recovery.discard(self.id)
            self.ledger.recovery = -1
            return None
        raise ValueError(f"unknown write job {job.kind!r}")

    def finish_save(self, job: WriteJob) -> SaveResult:
        """Take a finished save in (on the caller's thread): mark the history clean if nothing
        changed since the snapshot, count the saved time. Raises the save's error."""
        job.handled = True
        if job.error is not None:
            raise job.error
        assert job.snapshot is not None
        if self.generation == job.generation:
            # (An undo and a new edit can bring the history back to the same length with other
            # content, so the length alone does not tell.)
            self.history.set_clean()
        saved_time = float(job.snapshot["time_spent_seconds"])
        self.seconds = max(0.0, self.time_spent() - saved_time)
        self._time_base = saved_time
        status = job.snapshot["status"]
        note = (tr("document", "Something is missing now: saved as in progress")
                if status != self.session.aset.status and self.session.aset.status == "done"
                else "")
        return SaveResult(status, list(job.result or []), note)

    # -- closing -------------------------------------------------------------------------------
    def close(self) -> str:
        """Let go of the lock and stop listening; '' or what went wrong releasing the lock."""
        self.tracker.close()
        self.session.changed.disconnect(self._on_session_changed)
        if self.lock is not None:
            try:
                self.lock.release()
            except AnnotatorError as exc:
                return str(exc)
        return ""


def _take_lock(project: Project, coder: str, doc_id: str) -> tuple[FileLock | None, str, str]:
    """(lock, read-only reason, notice for the coder): the lock, or why the set opens
    read-only."""
    path = project.annotation_path(coder, doc_id)
    lock = FileLock(path, coder=coder)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        lock.acquire()
        # Temp files of saves that crashed (ours, from dead processes) go once we hold it.
        cleanup_stale_temps(path.parent)
    except LockedError as exc:
        return None, tr("document", "Read-only: {reason}").format(reason=exc), str(exc)
    except (AnnotatorError, OSError) as exc:
        reason = plain_reason(exc) if isinstance(exc, OSError) else str(exc)
        return None, tr("document", "Read-only: the file cannot be locked ({reason})").format(
            reason=reason), tr("document", "{path}: cannot lock the file for editing "
                                           "({error})").format(path=path, error=reason)
    return lock, "", ""
