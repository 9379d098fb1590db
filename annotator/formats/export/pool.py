"""The worker pool of an export: slices of documents rendered by worker processes, handed
back in document order, so the result is the same bytes whatever the number of workers.

For large projects (``PARALLEL_FROM`` documents or more) each worker renders a slice
(``CHUNK`` documents) while the exporting process appends the rendered documents to the files
in order; at most a few slices are in flight, so memory stays bounded.
"""

from __future__ import annotations

import gc
from collections import deque
from collections.abc import Callable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool

from annotator.errors import AnnotatorError
from annotator.formats.export.memo import Memo, MemoFile
from annotator.formats.export.render import Chunk, Job, Renderer
from annotator.storage.workers import process_context

# Documents per task handed to a worker, and the fewest documents worth starting workers for.
CHUNK = 64
GC_THRESHOLD = 50_000  # a worker's first-generation threshold (Python's default is 700)
PARALLEL_FROM = 1500


_WORKER: Renderer | None = None


def _init_worker(job: Job) -> None:
    global _WORKER
    _WORKER = Renderer(job)
    # Rendering allocates many short-lived lists and strings, freed by reference counting;
    # the cycle collector's frequent passes over them (and over the codebook and schema,
    # frozen here) cost a few per cent of a worker's time for nothing.
    gc.freeze()
    gc.set_threshold(GC_THRESHOLD, *gc.get_threshold()[1:])


def _work(task: tuple[list[str], Memo]) -> Chunk:
    assert _WORKER is not None, "worker not initialised"
    return _WORKER.run(task)


def tasks(doc_ids: list[str], memo: MemoFile) -> Iterator[tuple[list[str], Memo]]:
    """The documents in chunks, each with its slice of the memo, taken as it is handed out."""
    for i in range(0, len(doc_ids), CHUNK):
        ids = doc_ids[i:i + CHUNK]
        yield ids, memo.slice(ids)



def in_workers(job: Job, doc_ids: list[str], memo: MemoFile, workers: int,
                stop: list[Callable[[], None]]) -> Iterator[Chunk]:
    """Chunks rendered by ``workers`` processes, in document order, at most a few in flight
    (so memory stays bounded however far the workers get ahead)."""
    with ProcessPoolExecutor(workers, mp_context=process_context(), initializer=_init_worker,
                             initargs=(job,)) as pool:
        stop.append(lambda: pool.shutdown(wait=False, cancel_futures=True))
        pending: deque[Future[Chunk]] = deque()
        todo = tasks(doc_ids, memo)
        for task in todo:
            pending.append(pool.submit(_work, task))
            if len(pending) >= 3 * workers:
                break
        while pending:
            try:
                chunk = pending.popleft().result()
            except BrokenProcessPool as exc:
                raise AnnotatorError(
                    f"the export's worker processes stopped unexpectedly ({exc}); nothing was "
                    "written. Export again with one worker (workers=1, --workers 1).") from exc
            nxt = next(todo, None)
            if nxt is not None:
                pending.append(pool.submit(_work, nxt))
            yield chunk

