"""Agreement of a project's coders (see ``core.group_agreement`` for what is measured): every
pair over the documents both coded, all of them at once over the documents two or more coded,
and, when asked, each document's disagreements. Writes nothing but the memo below.

Each annotation file that would be counted is validated first, as ``annotator validate`` does
(against its document and the codebook): a file with an error (a stale text hash, an offset past
the end, an unknown label, broken JSON...) is left out and named in ``problems``, never counted.
As in an export, a file whose exact bytes an earlier count, ``validate`` or export found clean
(the memo ``.annotator/clean-annotations.tsv``: same bytes, document text, codebook and checks)
is not checked again; files a count checks and finds clean are added to it. The adjudicated
sets (coder ``gold``) are not a coder: left out unless named.

Large projects are counted in worker processes, a group of documents each (the counts merge);
what is reported does not depend on how the work was split.
"""

from __future__ import annotations

import contextlib
import gc
import hashlib
import os
import threading
from collections.abc import Callable, Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from annotator.core.agreement import PairAgreement, PreparedSet
from annotator.core.disagreements import DocumentDisagreements, document_disagreements, rank
from annotator.core.group_agreement import AllCoders, GroupAgreement
from annotator.core.model import AnnotationSet, Document
from annotator.core.text import is_safe_id
from annotator.core.validation import ERROR, semantic_issues, structural_issues
from annotator.errors import AnnotatorError
from annotator.storage.project import (
    Project,
    check_coder_name,
    document_problems,
    misfiled_issue,
)
from annotator.storage.readers import parse_json_bytes, read_json_fast, read_regular_file
from annotator.storage.validate import CleanEntry, clean_digest, iter_clean, remember_clean
from annotator.storage.workers import process_context

GOLD = "gold"  # the adjudicated sets: not a coder whose agreement is measured, unless named
# Below this many documents, starting worker processes costs more than it saves.
PARALLEL_MIN_DOCUMENTS = 2000
# A worker's group of documents: at most _CHUNK, and smaller towards the end (a share of what is
# left), so that the workers finish together rather than one idle while the other counts a
# last large group (measured: with groups of 1000 one worker sat idle for 0.6 s of 11).
_CHUNK = 1000
_MIN_CHUNK = 100
# Documents counted together (``GroupAgreement.add_documents``): enough to spread the calls of
# a count over several documents, few enough to keep what they make together in the CPU's
# caches (measured: 10 about 14% faster than 1; 100 slower than 1).
_BATCH = 10

Progress = Callable[[int, int], None]
Cancelled = Callable[[], bool]
Clean = dict[tuple[str, str], bytes]  # (document id, coder) -> the memo's digest
Todo = list[tuple[str, list[str]]]  # documents to count, each with its coders' files


@dataclass
class ProjectAgreement:
    coders: list[str]
    status: str | None  # the status the compared sets have (None: any)
    group: GroupAgreement
    documents: list[DocumentDisagreements] | None = None  # by_document: the differing, ranked
    compared: int = 0  # documents coded by two of the coders or more
    problems: list[str] = field(default_factory=list)  # files left out, and why
    cancelled: bool = False  # stopped before the last document: the figures are partial
    found_clean: list[CleanEntry] = field(default_factory=list)  # checked now: no error

    @property
    def pairs(self) -> list[PairAgreement]:
        return [pair for _, pair in sorted(self.group.pairs.items())]

    @property
    def summary(self) -> AllCoders:
        return self.group.all


def choose_coders(project: Project, coders: list[str] | None) -> list[str]:
    """The coders to compare: those named, or every coder of the project but ``gold``."""
    known = project.coders()
    if coders:
        chosen = sorted(set(coders))
        unknown = [c for c in chosen if c not in known]
        if unknown:
            raise AnnotatorError(f"{project.root}: no annotations by "
                                 f"{', '.join(map(repr, unknown))} (coders: "
                                 f"{', '.join(known) or 'none'})")
    else:
        chosen = [c for c in known if c != GOLD]
    if len(chosen) < 2:
        gold = (f"; {GOLD!r} holds adjudicated sets and is compared only when named"
                if GOLD in known and GOLD not in chosen else "")
        raise AnnotatorError(f"{project.root}: agreement needs two coders or more "
                             f"(coders: {', '.join(known) or 'none'}{gold})")
    return chosen


def project_agreement(project: Project, *, coders: list[str] | None = None,
                      status: str | None = "done", by_document: bool = False,
                      progress: Progress | None = None, cancelled: Cancelled | None = None,
                      workers: int | None = None,
                      documents: set[str] | None = None) -> ProjectAgreement:
    """Agreement of ``coders`` (default: all of the project's but ``gold``), over the documents
    for which two of them or more have a valid set of ``status`` (None: any status).
    ``by_document``: also each document's disagreements (``documents``, ranked). Files that
    cannot be read or do not validate are left out and listed in ``problems``.
    ``progress(done, total)`` is called as documents are done; ``cancelled()`` is polled as
    often and stops the count there; both count the documents with files of two coders or
    more, the only ones read. ``documents``: only these (default: every document)."""
    alone = threading.current_thread() is threading.main_thread() and threading.active_count() == 1
    with _no_cycle_collector() if alone else contextlib.nullcontext():
        return _project_agreement(project, coders, status, by_document, progress, cancelled,
                                  workers, documents)


@contextlib.contextmanager
def _no_cycle_collector() -> Iterator[None]:
    """The cyclic garbage collector off meanwhile (left as it was after): a count makes no
    reference cycles, and the collector's passes over the files in hand and the memo's
    entries took a tenth of the time of a count in one process, a fifth of a worker's, and a
    fifth of the time spent listing the documents and reading the memo before the workers
    start. The switch is the whole process's: only a process that runs nothing else (the
    command line, a worker) counts this way; the window's count thread leaves it on."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def _project_agreement(project: Project, coders: list[str] | None, status: str | None,
                       by_document: bool, progress: Progress | None,
                       cancelled: Cancelled | None, workers: int | None,
                       documents: set[str] | None) -> ProjectAgreement:
    chosen = choose_coders(project, coders)
    result = ProjectAgreement(chosen, status, GroupAgreement(chosen),
                              [] if by_document else None)
    doc_ids = [d for d in project.document_ids() if is_safe_id(d)  # others: validate says
               and (documents is None or d in documents)]
    present = {c: _json_names(project.annotations_dir / c) for c in chosen}
    todo: Todo = [(d, coders_of) for d in doc_ids
                  for coders_of in [[c for c in chosen if d in present[c]]]
                  if len(coders_of) >= 2]
    wanted = set(chosen)
    clean = {(d, c): digest for d, c, digest in iter_clean(project) if c in wanted}
    n_workers = workers if workers is not None else min(os.cpu_count() or 1, 4)
    parts = None
    if n_workers > 1 and len(todo) >= PARALLEL_MIN_DOCUMENTS:
        parts = _count_in_workers(project.root, chosen, status, by_document, todo, clean,
                                  n_workers, progress, cancelled)
    if parts is None:
        parts = [_count(project, chosen, status, by_document, todo, clean, progress,
                        cancelled)]
    for part in parts:
        result.group.merge(part.group)
        result.compared += part.compared
        result.problems += part.problems
        result.found_clean += part.found_clean
        result.cancelled = result.cancelled or part.cancelled
        if result.documents is not None and part.documents is not None:
            result.documents += part.documents
    if result.documents is not None:
        result.documents = rank(result.documents)
    remember_clean(project, result.found_clean)  # the next count need not check them again
    return result


def _json_names(folder: Path) -> set[str]:
    try:
        return {name[:-5] for name in os.listdir(folder)
                if name.endswith(".json") and not name.startswith(".")}
    except OSError:
        return set()


def _count(project: Project, coders: list[str], status: str | None, by_document: bool,
           todo: Todo, clean: Clean, progress: Progress | None = None,
           cancelled: Cancelled | None = None) -> ProjectAgreement:
    """Count the documents of ``todo`` in this process (what a worker runs on its group);
    ``clean``: the memo's digests of files found clean, by (document id, coder)."""
    out = ProjectAgreement(coders, status, GroupAgreement(coders), [] if by_document else None)
    codebook = project.codebook
    folders = {c: os.path.join(project.annotations_dir, check_coder_name(c)) for c in coders}
    documents = str(project.documents_dir)  # a property that builds a Path: once, not per file
    batch: list[tuple[str, dict[str, PreparedSet]]] = []  # counted together (add_documents)
    for n, (doc_id, present) in enumerate(todo, 1):
        if cancelled is not None and cancelled():
            out.cancelled = True
            break
        try:
            document = _load_document(project, documents, doc_id)
        except AnnotatorError as exc:
            out.problems.append(str(exc))
            continue
        sets = {}
        for coder in present:
            path = os.path.join(folders[coder], doc_id + ".json")
            data = _valid_set(project, coder, path, document, status, out.problems,
                              clean.get((doc_id, coder)), out.found_clean)
            if data is not None:
                sets[coder] = data
        if len(sets) >= 2:
            out.compared += 1
            batch.append((document.text, {c: PreparedSet.from_data(data)
                                          for c, data in sets.items()}))
            if len(batch) >= _BATCH:
                out.group.add_documents(batch, codebook)
                batch = []
            if out.documents is not None:
                out.documents.append(document_disagreements(document, {
                    c: AnnotationSet.from_dict(data) for c, data in sets.items()}))
        if progress is not None:
            progress(n, len(todo))
    out.group.add_documents(batch, codebook)
    return out


def _load_document(project: Project, folder: str, doc_id: str) -> Document:
    """``project.load_document`` (``folder``: its documents folder), reading the file once with
    the fast reader (the same checks and messages: anything it cannot read goes to
    ``load_document`` for its message)."""
    path = os.path.join(folder, doc_id + ".json")
    raw = _read(path)
    if raw is None:
        return project.load_document(doc_id)
    data = read_json_fast(path, raw)
    problems = document_problems(data, doc_id)
    if problems:
        raise AnnotatorError(f"{path}: " + "; ".join(problems))
    return Document.from_dict(data)


def _read(path: str) -> bytes | None:
    """The bytes of the regular file at ``path``; None if it cannot be read that way."""
    try:
        return read_regular_file(path)
    except OSError:
        return None


def _valid_set(project: Project, coder: str, path: str, document: Document,
               status: str | None, problems: list[str],
               clean: bytes | None = None,
               found_clean: list[CleanEntry] | None = None) -> dict[str, Any] | None:
    """The coder's set of ``document`` (in the file ``path``, as its parsed JSON) if it has
    ``status`` and validates; a file that does not is left out, and why is added to
    ``problems``. ``clean``: the memo's digest for the file, if it has one; a file checked
    now and found without an error is added to ``found_clean`` for the memo."""
    raw = _read(path)
    data = parse_json_bytes(raw) if raw is not None else None
    if data is None:  # not these bytes (the digest below is of the bytes checked): read again
        raw = None
        try:
            data = read_json_fast(path)  # the file's data, or the message why there is none
        except AnnotatorError as exc:
            problems.append(str(exc))
            return None
    if (status is not None and isinstance(data, dict) and isinstance(data.get("status"), str)
            and data["status"] != status):
        return None  # not finished (or not the status asked for): not compared
    codebook = project.codebook
    digest = None
    if raw is not None and document.sha256:
        digest = clean_digest(f"annotations/{coder}/{document.id}.json",
                              hashlib.sha256(raw).hexdigest(), document.sha256, codebook.sha256)
    if clean is not None and clean == digest:
        issues = []  # these very bytes were found clean: not checked again
    else:
        issues = structural_issues(data) or semantic_issues(data, document=document,
                                                            codebook=codebook)
    misfiled = misfiled_issue(data, coder)
    if misfiled is not None:
        issues.append(misfiled)
    errors = [i for i in issues if i.severity == ERROR]
    if not errors and digest is not None and clean != digest and found_clean is not None:
        found_clean.append((document.id, coder, digest))  # what validate would remember
    if errors:
        more = f" (and {len(errors) - 1} more problem(s); see annotator validate)" if len(
            errors) > 1 else ""
        problems.append(f"{path}: left out: {errors[0]}{more}")
        return None
    return data  # type: ignore[no-any-return]


def _count_part(root: str, coders: list[str], status: str | None, by_document: bool,
                todo: Todo, clean: Clean) -> ProjectAgreement:
    """A worker's group of documents, with the cyclic garbage collector off meanwhile (see
    ``_no_cycle_collector``)."""
    with _no_cycle_collector():
        return _count(Project.open(Path(root)), coders, status, by_document, todo, clean)


def _count_in_workers(root: Path, coders: list[str], status: str | None, by_document: bool,
                      todo: Todo, clean: Clean, n_workers: int,
                      progress: Progress | None,
                      cancelled: Cancelled | None) -> list[ProjectAgreement] | None:
    """The groups' counts from worker processes, in document order; None when workers cannot
    run (then the caller counts here: e.g. a ``python -c`` caller, which spawned workers
    cannot re-import). The counts of each group are added up as it comes (they add up in any
    order), while the workers count the others, not all at the end while nothing else runs:
    the first part returned holds them all, the others their documents' problems."""
    chunks = _chunks(todo, n_workers)
    results: dict[int, ProjectAgreement] = {}
    total, empty = GroupAgreement(coders), GroupAgreement(coders)
    done_docs = 0
    try:
        with ProcessPoolExecutor(n_workers, mp_context=process_context()) as pool:
            futures: dict[Future[ProjectAgreement], int] = {
                pool.submit(_count_part, str(root), coders, status, by_document, chunk,
                            _clean_of(clean, chunk)): k
                for k, chunk in enumerate(chunks)}
            pending = set(futures)
            while pending:
                finished, pending = wait(pending, timeout=0.1, return_when=FIRST_COMPLETED)
                for future in finished:
                    k = futures[future]
                    part = results[k] = future.result()
                    total.merge(part.group)
                    part.group = empty
                    done_docs += len(chunks[k])
                    if progress is not None:
                        progress(done_docs, len(todo))
                if cancelled is not None and cancelled() and pending:
                    for future in pending:
                        future.cancel()
                    return [ProjectAgreement(coders, status, total, cancelled=True),
                            *(results[k] for k in sorted(results))]
    except (BrokenProcessPool, OSError, RuntimeError):
        return None
    return [ProjectAgreement(coders, status, total), *(results[k] for k in sorted(results))]



def _chunks(todo: Todo, n_workers: int) -> list[Todo]:
    """``todo`` in groups for the workers, in order: of ``_CHUNK`` documents while plenty are
    left, then each a quarter of what is left per worker (down to ``_MIN_CHUNK``)."""
    chunks = []
    at = 0
    while at < len(todo):
        size = min(_CHUNK, max(_MIN_CHUNK, (len(todo) - at) // (4 * n_workers)))
        chunks.append(todo[at:at + size])
        at += size
    return chunks


def _clean_of(clean: Clean, todo: Todo) -> Clean:
    """The memo's entries of the documents of ``todo`` (what one worker needs of it)."""
    if not clean:
        return {}
    return {(d, c): clean[(d, c)] for d, coders in todo for c in coders if (d, c) in clean}
