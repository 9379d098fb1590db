"""One worker thread that runs writes in order, so saving never stalls the window.

A job carries a snapshot (a dict made on the caller's thread) and the handle that knows how to
write it; the worker touches only the snapshot, the project's files and the handle's
``WriteLedger``, never the session the window edits. ``on_finished`` is called on the worker
thread: the window forwards it to its own thread (a queued Qt signal).
"""

from __future__ import annotations

from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from annotator.app.process import quick_handoff

if TYPE_CHECKING:
    from annotator.app.document import DocumentHandle

SAVE, RECOVERY, DISCARD = "save", "recovery", "discard"


@dataclass(eq=False)
class WriteJob:
    """One piece of background writing; ``result`` and ``error`` are set by the worker."""

    kind: str  # SAVE, RECOVERY or DISCARD
    handle: DocumentHandle
    snapshot: dict[str, Any] | None = None
    generation: int = 0
    result: Any = None
    error: BaseException | None = None
    handled: bool = False  # set once the caller has taken the outcome in


class Writer:
    """Runs ``handle.write(job)`` for each job in submission order on one worker thread."""

    def __init__(self, on_finished: Callable[[WriteJob], None] | None = None) -> None:
        self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="annotator-writer")
        self._pending: list[tuple[WriteJob, Future[None]]] = []
        self._on_finished = on_finished

    def submit(self, job: WriteJob) -> None:
        def run() -> None:
            with quick_handoff():
                try:
                    job.result = job.handle.write(job)
                except BaseException as exc:  # reported to the caller
                    job.error = exc
            if self._on_finished is not None:
                self._on_finished(job)

        self._pending = [(j, f) for j, f in self._pending if not f.done()]
        self._pending.append((job, self._pool.submit(run)))

    def wait(self) -> list[WriteJob]:
        """Block until every submitted job has run; return them (in order)."""
        pending, self._pending = self._pending, []
        for _job, future in pending:
            future.result()
        return [job for job, _ in pending]

    def shutdown(self) -> list[WriteJob]:
        jobs = self.wait()
        self._pool.shutdown(wait=True)
        return jobs
