"""Export a project's coded documents as a dataset: one pass, validated, streamed, with a card.

``export_project`` reads each document once and each of its annotation sets once, checks every
set with the core validation (``validate_annotation_data``), and hands the valid ones to the
format's exporter, which streams them into a staging folder inside the output folder. Only when
every set passed (or ``skip_invalid`` was given) is the staging folder moved into place, with
``dataset-card.md``, ``dataset-card.json`` and ``SHA256SUMS`` beside the data; otherwise nothing
is written and the report lists every problem. Memory does not grow with the number of
documents: nothing but counters is kept from one document to the next.

Reading, validating and rendering is most of the work (about half a millisecond per document
in Python); for large projects it runs in worker processes (``workers``), each on a slice of
documents, while this process appends the rendered documents to the files in document order, so
the result is the same bytes whatever the number of workers.

The check of an annotation file is skipped when the memo of files that passed
(``PROJECT/.annotator/clean-annotations.tsv``, see ``storage.validate``) holds the digest of
the very bytes just read, with the same document text, codebook and checks; the memo is read
and written again beside the export, in document order, so it is never held whole.

Split (``split=(80, 10, 10)``, ``seed=13``): a document's part is decided by
``sha256("<seed>:<document id>")`` alone, so it never changes when documents are added, removed
or exported in another format, and all coders' sets of a document land in the same part.
"""

from __future__ import annotations

import contextlib
import gc
import hashlib
import json
import multiprocessing
import os
import secrets
import shlex
import shutil
import stat
import sys
import threading
from collections import Counter, deque
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from contextlib import ExitStack
from dataclasses import dataclass, field
from operator import attrgetter
from pathlib import Path
from typing import IO, Any

from annotator import __version__
from annotator.core import jsonio
from annotator.core.model import AnnotationSet, Document, now_iso, unknown_status
from annotator.core.text import is_safe_id
from annotator.core.validation import ERROR, validate_annotation_data
from annotator.errors import AnnotatorError
from annotator.formats.registry import Exporter, FileWriter, Losses, OutputSink, get_format
from annotator.storage.atomic import _fsync_dir, _reason, atomic_open, atomic_write, read_json
from annotator.storage.project import Project, document_problems, misfiled_issue
from annotator.storage.validate import (
    CLEAN_HEADER,
    CLEAN_NAME,
    clean_digest,
    clean_line,
    iter_clean,
)

CARD_MD = "dataset-card.md"
CARD_JSON = "dataset-card.json"
CHECKSUMS = "SHA256SUMS"
SPLIT_NAMES = {1: ("all",), 2: ("train", "test"), 3: ("train", "dev", "test")}
DEFAULT_SEED = 13
# Files listed one by one in the card; beyond this (brat: two per document) see SHA256SUMS.
CARD_FILE_LIMIT = 200
_STAGING_PREFIX = ".export-"
_LABEL = attrgetter("label")
# Problems listed in the report and card; the rest are counted.
MAX_LISTED_PROBLEMS = 1000
# Documents per task handed to a worker, and the fewest documents worth starting workers for.
CHUNK = 64
GC_THRESHOLD = 50_000  # a worker's first-generation threshold (Python's default is 700)
PARALLEL_FROM = 1500


class _Refused(Exception):
    """Raised into the staging streams to make every temp file disappear."""


@dataclass
class ExportedFile:
    path: str  # relative to the output folder, with "/"
    sha256: str
    bytes: int


@dataclass
class LeftOut:
    """An annotation set (or document) that failed validation, with why."""

    path: str  # relative to the project: annotations/<coder>/<doc>.json
    problems: list[str]

    def to_dict(self) -> dict[str, Any]:
        return {"path": self.path, "problems": self.problems}


@dataclass
class ExportReport:
    format: str
    output: Path
    written: bool = False
    cancelled: bool = False
    documents: int = 0  # documents exported (with at least one set)
    annotation_sets: int = 0
    spans: int = 0
    events: int = 0
    left_out: list[LeftOut] = field(default_factory=list)
    left_out_count: int = 0
    filtered_out: int = 0  # sets not matching --status
    files: list[ExportedFile] = field(default_factory=list)
    file_count: int = 0
    not_expressed: list[dict[str, Any]] = field(default_factory=list)
    card: dict[str, Any] = field(default_factory=dict)

    @property
    def problems(self) -> list[str]:
        """One line per problem, naming the file: what a user must fix before exporting."""
        return [f"{lo.path}: {p}" for lo in self.left_out for p in lo.problems]

    def summary(self) -> str:
        if self.cancelled:
            return "Export cancelled; nothing was written."
        if not self.written:
            return (f"Nothing exported: {self.left_out_count} annotation file(s) have errors "
                    "(fix them, or export with --skip-invalid to leave them out).")
        text = (f"Exported {self.annotation_sets} annotation set(s) of {self.documents} "
                f"document(s) ({self.spans} spans, {self.events} events) as {self.format} to "
                f"{self.output}.")
        if self.left_out_count:
            text += f" Left out {self.left_out_count} invalid file(s) (listed in {CARD_MD})."
        if self.not_expressed:
            n = sum(item["count"] for item in self.not_expressed)
            text += f" {n} thing(s) the format cannot express (listed in {CARD_MD})."
        return text


# -- split ------------------------------------------------------------------------------------
def parse_split(value: str | Sequence[int] | None) -> tuple[int, ...] | None:
    """``"80/10/10"`` or ``(80, 10, 10)`` -> ``(80, 10, 10)``; 2 parts are train/test."""
    if value is None or value == "":
        return None
    if isinstance(value, str):
        try:
            parts = tuple(int(p) for p in value.replace(",", "/").split("/"))
        except ValueError:
            raise AnnotatorError(f"split {value!r}: write it like 80/10/10") from None
    else:
        parts = tuple(int(p) for p in value)
    if len(parts) not in (2, 3) or any(p < 0 for p in parts) or sum(parts) <= 0:
        raise AnnotatorError(f"split {value!r}: give 2 (train/test) or 3 (train/dev/test) "
                             "non-negative shares, like 80/10/10")
    return parts


def split_of(doc_id: str, split: Sequence[int], seed: int) -> str:
    """The part (train, dev, test) of a document: stable, from its id and the seed only."""
    names = SPLIT_NAMES[len(split)]
    digest = hashlib.sha256(f"{seed}:{doc_id}".encode()).digest()
    point = int.from_bytes(digest[:8], "big") / 2**64 * sum(split)
    acc = 0
    for name, share in zip(names, split, strict=True):
        acc += share
        if point < acc:
            return name
    return names[-1]


# -- output -----------------------------------------------------------------------------------
class _HashingWriter:
    """A text stream that encodes to UTF-8, hashes and counts what passes through it."""

    def __init__(self, raw: IO[bytes], on_close: Callable[[str, int], None]) -> None:
        self._raw = raw
        self._sha = hashlib.sha256()
        self._size = 0
        self._on_close = on_close

    def write(self, s: str) -> int:
        self.write_bytes(s.encode("utf-8"))
        return len(s)

    def write_bytes(self, data: bytes) -> None:
        """Append text already encoded as UTF-8."""
        self._sha.update(data)
        self._size += len(data)
        self._raw.write(data)

    def finish(self) -> None:
        self._on_close(self._sha.hexdigest(), self._size)


class _RewritableWriter(_HashingWriter):
    """A stream that its exporter may write again from the start (``restart``): CoNLL writes
    its file as blocks arrive and starts it again, padded, when a block nests deeper than all
    before it. Written straight into the staging folder (the export's own, removed whole on
    failure: no temp name needed), fsynced when the streams close."""

    def __init__(self, path: Path, on_close: Callable[[str, int], None]) -> None:
        self._final = self._current = path
        self._fh = _open_new(path)
        super().__init__(self._fh, on_close)

    @contextlib.contextmanager
    def restart(self) -> Iterator[IO[bytes]]:
        """Empty the stream; yields what it held (a file, at its start) to read from while
        writing the new content."""
        old, old_path = self._fh, self._current
        old.flush()
        old.seek(0)
        self._current = old_path.with_name(f".{self._final.name}.{secrets.token_hex(4)}.tmp")
        self._fh = self._raw = _open_new(self._current)
        self._sha = hashlib.sha256()
        self._size = 0
        try:
            yield old
        finally:
            old.close()
            os.unlink(old_path)

    def exit(self, ok: bool) -> None:
        """Close the file: made durable and given its name if the export goes on (``ok``)."""
        try:
            if ok:
                self._fh.flush()
                os.fsync(self._fh.fileno())
        finally:
            self._fh.close()
        if ok and self._current != self._final:
            os.replace(self._current, self._final)


def _open_new(path: Path) -> IO[bytes]:
    try:
        return open(path, "x+b")
    except OSError as exc:
        raise AnnotatorError(f"{path}: cannot save the file ({_reason(exc)})") from exc


def _safe_parts(relpath: str) -> list[str]:
    parts = relpath.split("/")
    if any(p in ("", ".", "..") or "\\" in p for p in parts):
        raise ValueError(f"bad export path {relpath!r}")
    return parts


class _StagedFiles(FileWriter):
    """Whole files written straight into the staging folder (by a worker or in process),
    without an fsync each: the staging folder is synced once before it is published.

    The staging folder is this export's own and is removed whole if the export fails, so a
    file there needs no temp name and rename of its own (``atomic_open``): one create and one
    write, with plain string paths (brat writes two files per document: at 60,000 files the
    temp names, renames, stats and pathlib were most of the export)."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.records: list[tuple[str, str, int]] = []
        self._made: set[str] = set()
        self._root = os.fspath(root)

    def write_file(self, relpath: str, data: bytes) -> None:
        parts = _safe_parts(relpath)
        folder = os.path.join(self._root, *parts[:-1])
        if folder not in self._made:
            os.makedirs(folder, exist_ok=True)
            self._made.add(folder)
        path = os.path.join(folder, parts[-1])
        try:
            fd = os.open(path, _CREATE, 0o666)
            try:
                view = memoryview(data)
                while view:
                    view = view[os.write(fd, view):]
            finally:
                os.close(fd)
        except OSError as exc:
            try:
                os.unlink(path)
            except OSError:
                pass
            raise AnnotatorError(f"{path}: cannot save the file ({_reason(exc)})") from exc
        self.records.append((relpath, hashlib.sha256(data).hexdigest(), len(data)))

    def take(self) -> list[tuple[str, str, int]]:
        records, self.records = self.records, []
        return records


_READ = (os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0)
         | getattr(os, "O_BINARY", 0))
# Create or truncate, never through a symlink.
_CREATE = (os.O_WRONLY | os.O_CREAT | os.O_TRUNC | getattr(os, "O_NOFOLLOW", 0)
           | getattr(os, "O_CLOEXEC", 0) | getattr(os, "O_BINARY", 0))


class Staging(OutputSink):
    """Files of one export, written under a hidden folder inside the output folder and moved
    into place by ``commit``; ``abort`` removes everything. Streams go through
    ``atomic_open`` (or, for a stream its exporter may start again, straight into the folder
    and fsynced at the end), small files through ``atomic_write``, per-document files
    (``_StagedFiles``) straight into the folder, followed by one sync of the whole folder."""

    def __init__(self, output: Path) -> None:
        self.output = output
        self.dir = output / f"{_STAGING_PREFIX}{os.getpid()}-{secrets.token_hex(4)}.tmp"
        self.dir.mkdir(parents=True)
        self._stack = ExitStack()
        self._writers: list[_HashingWriter] = []
        self.files: list[ExportedFile] = []  # the first CARD_FILE_LIMIT, for the card
        self.file_count = 0
        self.unsynced = False
        self.top_level: set[str] = set()
        self._sums = self._open(CHECKSUMS, record=False)

    def _open(self, relpath: str, *, record: bool = True) -> _HashingWriter:
        path = self._path(relpath)
        raw = self._stack.enter_context(atomic_open(path, "wb"))

        def done(sha: str, size: int) -> None:
            if record:
                self.record(relpath, sha, size)
        writer = _HashingWriter(raw, done)
        self._writers.append(writer)
        return writer

    def _path(self, relpath: str) -> Path:
        parts = _safe_parts(relpath)
        self.top_level.add(parts[0])
        path = self.dir.joinpath(*parts)
        path.parent.mkdir(parents=True, exist_ok=True)
        return path

    def record(self, relpath: str, sha: str, size: int, *, synced: bool = True) -> None:
        """Account for a finished file: SHA256SUMS, the card, the entries to publish."""
        self.top_level.add(relpath.split("/", 1)[0])
        self.unsynced = self.unsynced or not synced
        self.file_count += 1
        if len(self.files) < CARD_FILE_LIMIT:
            self.files.append(ExportedFile(relpath, sha, size))
        self._sums.write(f"{sha}  {relpath}\n")

    def stream(self, relpath: str) -> Any:
        return self._open(relpath)

    def folder(self, relpath: str) -> None:
        parts = _safe_parts(relpath)
        self.top_level.add(parts[0])
        self.dir.joinpath(*parts).mkdir(parents=True, exist_ok=True)

    def rewritable_stream(self, relpath: str) -> _RewritableWriter:
        """``stream`` for an exporter that may start its file again (``restart``)."""
        writer = _RewritableWriter(self._path(relpath),
                                   lambda sha, size: self.record(relpath, sha, size))
        self._stack.push(lambda exc_type, exc, tb: writer.exit(exc_type is None))
        self._writers.append(writer)
        return writer

    def write_file(self, relpath: str, data: bytes) -> None:
        atomic_write(self._path(relpath), data, backup=False)
        self.record(relpath, hashlib.sha256(data).hexdigest(), len(data))

    def hash_streams(self) -> None:
        """Record the hash of every data stream (all written by now) in SHA256SUMS."""
        for w in self._writers:
            if w is not self._sums:
                w.finish()

    def close_streams(self) -> ExportedFile:
        """Close every stream (fsync, rename); returns SHA256SUMS's own entry."""
        sums: list[ExportedFile] = []
        self._sums._on_close = lambda sha, size: sums.append(ExportedFile(CHECKSUMS, sha, size))
        self._sums.finish()
        self._stack.close()
        return sums[0]

    def commit(self, replace: set[str]) -> None:
        """Move every staged entry into the output folder. ``replace``: entries of a previous
        export that may be replaced or removed."""
        if self.unsynced:
            _sync_tree(self.dir)
        for name in sorted(replace - self.top_level):
            _remove(self.output / name)
        for name in sorted(os.listdir(self.dir)):
            target = self.output / name
            if name in replace:
                _remove(target)
            os.replace(self.dir / name, target)
        self.dir.rmdir()
        _fsync_dir(self.output)  # the renames: everything in them is durable already

    def abort(self) -> None:
        try:
            self._stack.__exit__(_Refused, _Refused(), None)
        finally:
            shutil.rmtree(self.dir, ignore_errors=True)


def _sync_tree(folder: Path) -> None:
    """Make what ``atomic_open(durable=False)`` wrote under ``folder`` durable: one
    ``os.sync()`` where it exists (far cheaper than an fsync per file for thousands of small
    files), else an fsync per file (Windows)."""
    if hasattr(os, "sync"):
        os.sync()
        return
    for root, _dirs, names in os.walk(folder):  # pragma: no cover - Windows
        for name in names:
            with open(os.path.join(root, name), "rb+") as fh:
                os.fsync(fh.fileno())


def _remove(path: Path) -> None:
    if path.is_dir() and not path.is_symlink():
        shutil.rmtree(path)
    elif path.exists() or path.is_symlink():
        path.unlink()


def _prepare_output(output: Path, overwrite: bool) -> set[str]:
    """Check the output folder; returns the entries a previous export left (to replace)."""
    if output.exists() and not output.is_dir():
        raise AnnotatorError(f"{output}: exists and is not a folder; exports write a folder")
    if not output.exists():
        return set()
    entries = {n for n in os.listdir(output) if not n.startswith(_STAGING_PREFIX)}
    if not entries:
        return set()
    card = output / CARD_JSON
    if not overwrite:
        raise AnnotatorError(f"{output}: the folder is not empty; choose a new folder"
                             + (" or replace the previous export with --overwrite"
                                if card.is_file() else ""))
    if not card.is_file():
        raise AnnotatorError(f"{output}: holds files that are not an annotator export; "
                             "choose a new or empty folder")
    try:
        old = read_json(card)
        previous = set(old.get("entries") or [])
    except (AnnotatorError, AttributeError):
        raise AnnotatorError(f"{card}: cannot be read, so the files of the previous export are "
                             "not known; choose a new or empty folder") from None
    foreign = entries - previous - {CARD_JSON, CARD_MD, CHECKSUMS}
    if foreign:
        raise AnnotatorError(f"{output}: holds files the previous export did not write "
                             f"({', '.join(sorted(foreign)[:5])}); choose a new folder")
    return previous | {CARD_JSON, CARD_MD, CHECKSUMS}


# -- reading, checking and rendering (in a worker process or in process) ---------------------
class _Counts:
    def __init__(self) -> None:
        self.documents = 0
        self.sets = 0
        self.spans = 0
        self.events = 0
        self.labels: Counter[str] = Counter()  # counted with C loops: a few per span
        self.types: dict[str, int] = {}
        self.subtypes: dict[str, int] = {}
        self.coders: dict[str, dict[str, int]] = {}
        self.status: dict[str, int] = {}
        self.splits: dict[str, dict[str, int]] = {}

    def add(self, sets: Sequence[AnnotationSet], part: str | None) -> None:
        self.documents += 1
        if part is not None:
            sp = self.splits.setdefault(part, {"documents": 0, "annotation_sets": 0})
            sp["documents"] += 1
            sp["annotation_sets"] += len(sets)
        for aset in sets:
            self.sets += 1
            self.spans += len(aset.spans)
            self.events += len(aset.events)
            self.labels.update(map(_LABEL, aset.spans))
            for e in aset.events:
                self.types[e.type] = self.types.get(e.type, 0) + 1
                key = f"{e.type}/{e.subtype or '-'}"
                self.subtypes[key] = self.subtypes.get(key, 0) + 1
            c = self.coders.setdefault(aset.coder,
                                       {"annotation_sets": 0, "spans": 0, "events": 0})
            c["annotation_sets"] += 1
            c["spans"] += len(aset.spans)
            c["events"] += len(aset.events)
            self.status[aset.status] = self.status.get(aset.status, 0) + 1

    def merge(self, other: _Counts) -> None:
        self.documents += other.documents
        self.sets += other.sets
        self.spans += other.spans
        self.events += other.events
        for mine, theirs in ((self.labels, other.labels), (self.types, other.types),
                             (self.subtypes, other.subtypes), (self.status, other.status)):
            for k, v in theirs.items():
                mine[k] = mine.get(k, 0) + v
        for nested, theirs_nested in ((self.coders, other.coders),
                                      (self.splits, other.splits)):
            for k, d in theirs_nested.items():
                target = nested.setdefault(k, dict.fromkeys(d, 0))
                for kk, v in d.items():
                    target[kk] = target.get(kk, 0) + v


@dataclass(frozen=True)
class _Job:
    """Everything a worker needs (picklable)."""

    root: str
    fmt: str
    coders: tuple[str, ...]
    status: str | None
    split: tuple[int, ...] | None
    seed: int
    staging: str


# A chunk's slice of the memo of files that passed the checks: {document id: {coder: digest}}.
_Memo = dict[str, dict[str, bytes]]


@dataclass
class _Chunk:
    """What rendering a slice of documents gives back to the exporting process."""

    items: list[tuple[str | None, Any]] = field(default_factory=list)
    counts: _Counts = field(default_factory=_Counts)
    left_out: list[LeftOut] = field(default_factory=list)
    left_out_count: int = 0
    filtered_out: int = 0
    bad: bool = False
    losses: Losses = field(default_factory=Losses)
    files: list[tuple[str, str, int]] = field(default_factory=list)
    # The chunk's slice of the new memo, in order, and whether it differs from the old one.
    memo: list[tuple[str, str, bytes]] = field(default_factory=list)
    memo_changed: bool = False


class _Renderer:
    def __init__(self, job: _Job) -> None:
        self.job = job
        self.project = Project.open(Path(job.root))
        self.codebook = self.project.codebook
        self.exporter_cls = get_format(job.fmt).exporter_class()
        self.exporters: dict[str | None, Exporter] = {}
        self.files = _StagedFiles(Path(job.staging))
        self.annotations = os.fspath(self.project.annotations_dir)

    def run(self, task: tuple[Sequence[str], _Memo]) -> _Chunk:
        """Read, check and render the documents ``task[0]``; ``task[1]``: their slice of the
        memo of files that passed the checks."""
        doc_ids, memo = task
        chunk = _Chunk()
        for exp in self.exporters.values():
            exp.losses = chunk.losses
        for doc_id in doc_ids:
            old = memo.get(doc_id, {})
            # The memo's entries for coders outside this export stay as they are; those of the
            # coders in it are what this export finds.
            new = {c: d for c, d in old.items() if c not in self.job.coders}
            self._document(doc_id, old, new, chunk)
            chunk.memo += [(doc_id, c, new[c]) for c in sorted(new)]
            chunk.memo_changed = chunk.memo_changed or new != old
        chunk.files = self.files.take()
        return chunk

    def _document(self, doc_id: str, old: dict[str, bytes], new: dict[str, bytes],
                  chunk: _Chunk) -> None:
        """One document: its sets checked (unless ``old``, the memo, knows them) and
        rendered; the digest of each set that passed goes into ``new``."""
        found: list[tuple[str, str, bytes | None]] = []  # coder, path, bytes if read
        for c in self.job.coders:
            path = os.path.join(self.annotations, c, f"{doc_id}.json")
            try:
                data = _read_file(path)
            except OSError:  # there but unreadable: _load_sets says why
                found.append((c, path, None))
                continue
            if data is not None:
                found.append((c, path, data))
        if not found:
            return  # nobody annotated it: not part of the dataset
        document, valid, bad = _load_sets(self.project, doc_id, found, self.codebook,
                                          self.job.status, old, new, chunk)
        chunk.bad = chunk.bad or bad
        if document is None or not valid:
            return
        part = split_of(doc_id, self.job.split, self.job.seed) if self.job.split else None
        if part not in self.exporters:
            self.exporters[part] = self.exporter_cls(self.codebook, chunk.losses,
                                                     f"{part}/" if part else "")
        exporter = self.exporters[part]
        payload = exporter.render(document, valid, self.files)
        # An exporter may give its payload a form cheaper to send to the exporting process
        # and to write there (CoNLL: its text blocks already encoded): ``pack``, optional.
        pack = getattr(exporter, "pack", None)
        chunk.items.append((part, payload if pack is None else pack(payload)))
        chunk.counts.add(valid, part)


def _is_file(path: str) -> bool:
    """``Path(path).is_file()``, without a Path for the common answers."""
    try:
        return stat.S_ISREG(os.stat(path).st_mode)
    except (OSError, ValueError):
        return Path(path).is_file()  # pathlib's rules for what "not there" is, or its error


_WORKER: _Renderer | None = None


def _init_worker(job: _Job) -> None:
    global _WORKER
    _WORKER = _Renderer(job)
    # Rendering allocates many short-lived lists and strings, freed by reference counting;
    # the cycle collector's frequent passes over them (and over the codebook and schema,
    # frozen here) cost a few per cent of a worker's time for nothing.
    gc.freeze()
    gc.set_threshold(GC_THRESHOLD, *gc.get_threshold()[1:])


def _work(task: tuple[list[str], _Memo]) -> _Chunk:
    assert _WORKER is not None, "worker not initialised"
    return _WORKER.run(task)


def _tasks(doc_ids: list[str], memo: _MemoFile) -> Iterator[tuple[list[str], _Memo]]:
    """The documents in chunks, each with its slice of the memo, taken as it is handed out."""
    for i in range(0, len(doc_ids), CHUNK):
        ids = doc_ids[i:i + CHUNK]
        yield ids, memo.slice(ids)


class _MemoFile:
    """The memo of annotation files that passed the checks (see ``storage.validate``), read
    beside the export and written again as it goes, both in document order: ``slice`` gives
    a chunk its part of the memo as the chunk is handed out, ``write`` takes the chunk's new
    part as it comes back, ``finish`` puts the new memo in place if anything changed. Only a
    few chunks' slices are held at a time, however large the project."""

    def __init__(self, project: Project) -> None:
        self._entries = iter_clean(project)
        self._next = next(self._entries, None)
        self.changed = False
        self._stack: ExitStack | None = ExitStack()
        self._out: IO[bytes] | None = None
        try:
            project.state_dir.mkdir(exist_ok=True)
            self._out = self._stack.enter_context(
                atomic_open(project.state_dir / CLEAN_NAME, "wb"))
            self._out.write(CLEAN_HEADER)
        except (OSError, AnnotatorError):
            # A project that cannot be written: its memo is still read, not written again.
            self._stack.__exit__(_Refused, _Refused(), None)
            self._out = None

    def slice(self, doc_ids: list[str]) -> _Memo:
        """The old memo's entries of ``doc_ids`` (the next documents, in order); entries of
        documents no longer in the project are dropped on the way."""
        wanted = set(doc_ids)
        found: _Memo = {}
        while self._next is not None and self._next[0] <= doc_ids[-1]:
            doc_id, coder, digest = self._next
            if doc_id in wanted:
                found.setdefault(doc_id, {})[coder] = digest
            else:
                self.changed = True
            self._next = next(self._entries, None)
        return found

    def write(self, entries: list[tuple[str, str, bytes]], changed: bool) -> None:
        self.changed = self.changed or changed
        if self._out is not None:
            self._out.write(b"".join(clean_line(*e) for e in entries))

    def finish(self, *, keep: bool) -> None:
        """Replace the memo with the one written (``keep``: the export ran to its end) if it
        differs, or drop it. Once; later calls do nothing."""
        if self._stack is None:
            return
        stack, self._stack = self._stack, None
        self.changed = self.changed or self._next is not None  # documents gone at the end
        self._entries.close()  # (the old file is closed before it is replaced)
        if keep and self.changed and self._out is not None:
            try:
                stack.close()
            except (OSError, AnnotatorError):
                pass  # only slower next time
        else:
            stack.__exit__(_Refused, _Refused(), None)


def _mp_context() -> Any:
    """fork where it is safe (Linux, one thread, no Qt: starts in milliseconds and needs no
    ``if __name__ == "__main__"`` guard in the caller), spawn otherwise (a forked copy of a
    process running Qt or other threads can deadlock)."""
    if (sys.platform.startswith("linux") and threading.active_count() == 1
            and not any(m.startswith(("PySide6", "shiboken6")) for m in sys.modules)):
        return multiprocessing.get_context("fork")
    return multiprocessing.get_context("spawn")


def _in_workers(job: _Job, doc_ids: list[str], memo: _MemoFile, workers: int,
                stop: list[Callable[[], None]]) -> Iterator[_Chunk]:
    """Chunks rendered by ``workers`` processes, in document order, at most a few in flight
    (so memory stays bounded however far the workers get ahead)."""
    with ProcessPoolExecutor(workers, mp_context=_mp_context(), initializer=_init_worker,
                             initargs=(job,)) as pool:
        stop.append(lambda: pool.shutdown(wait=False, cancel_futures=True))
        pending: deque[Future[_Chunk]] = deque()
        todo = _tasks(doc_ids, memo)
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


def export_project(project: Project, fmt: str, output: Path, *, coder: str | None = None,
                   status: str | None = None, skip_invalid: bool = False,
                   split: str | Sequence[int] | None = None, seed: int = DEFAULT_SEED,
                   overwrite: bool = False, command: str | Sequence[str] | None = None,
                   workers: int | None = None,
                   progress: Callable[[int, int], None] | None = None,
                   cancelled: Callable[[], bool] | None = None) -> ExportReport:
    """Export ``project`` in format ``fmt`` into the folder ``output``; see the module doc.

    ``coder``/``status`` filter the annotation sets; ``split`` ("80/10/10") and ``seed`` make a
    train/dev/test split by document; ``overwrite`` replaces a previous export in ``output``;
    ``command`` is recorded in the dataset card (default: the equivalent CLI command);
    ``workers``: processes that render (default: the CPUs, for 1,500 documents or more; 1 runs
    everything in this process). ``progress(done, total)`` is called as documents are done;
    ``cancelled()`` is polled as often and stops the export, writing nothing. Raises
    ``AnnotatorError`` for unusable arguments (unknown format or coder, non-empty folder).
    """
    info = get_format(fmt)
    exporter_cls = info.exporter_class()
    parts = parse_split(split)
    output = Path(output)
    if status is not None and unknown_status(status):
        raise AnnotatorError(unknown_status(status))
    codebook = project.codebook
    coders = project.coders()
    if coder is not None:
        if coder not in coders:
            raise AnnotatorError(f"{project.root}: no annotations by coder {coder!r} "
                                 f"(coders: {', '.join(coders) or 'none'})")
        coders = [coder]
    replace = _prepare_output(output, overwrite)
    report = ExportReport(format=fmt, output=output)
    losses = Losses()
    counts = _Counts()
    doc_ids = project.document_ids()
    orphans = _orphan_files(project, coders, doc_ids)
    if workers is None:
        workers = min(os.cpu_count() or 1, 8) if len(doc_ids) >= PARALLEL_FROM else 1

    created = not output.exists()
    output.mkdir(parents=True, exist_ok=True)
    staging = Staging(output)
    committed = False
    stop: list[Callable[[], None]] = []
    chunks: Iterator[_Chunk] | None = None
    memo: _MemoFile | None = None
    try:
        exporter_cls.write_shared(staging, codebook)
        # Every part gets its files, even an empty one, so a loader finds train/dev/test.
        exporters: dict[str | None, Exporter] = (
            {None: exporter_cls(codebook, losses, "")} if parts is None else
            {name: exporter_cls(codebook, losses, f"{name}/")
             for name in SPLIT_NAMES[len(parts)]})
        for exp in exporters.values():
            exp.open(staging)
        writing = True  # False once a problem means nothing will be written
        for path in orphans:
            _left_out(report, path, ["there is no document with this id in the project"])
        if orphans and not skip_invalid:
            writing = False
        memo = _MemoFile(project)
        job = _Job(str(project.root), fmt, tuple(coders), status, parts, seed, str(staging.dir))
        chunks = (_in_workers(job, doc_ids, memo, workers, stop) if workers > 1
                  else map(_Renderer(job).run, _tasks(doc_ids, memo)))
        done = 0
        for chunk in chunks:
            if cancelled is not None and cancelled():
                report.cancelled = True
                break
            for lo in chunk.left_out:
                _left_out(report, lo.path, lo.problems)
            report.left_out_count += chunk.left_out_count - len(chunk.left_out)
            report.filtered_out += chunk.filtered_out
            memo.write(chunk.memo, chunk.memo_changed)
            if chunk.bad and not skip_invalid:
                writing = False
            if writing:
                for part, payload in chunk.items:
                    exporters[part].write(payload)
                for relpath, sha, size in chunk.files:
                    staging.record(relpath, sha, size, synced=False)
                counts.merge(chunk.counts)
                losses.merge(chunk.losses)
            done = min(done + CHUNK, len(doc_ids))
            if progress is not None:
                progress(done, len(doc_ids))
        if cancelled is not None and not report.cancelled and cancelled():
            report.cancelled = True  # asked during the last chunk: still nothing written
        memo.finish(keep=not report.cancelled)  # what passed is known, written or not
        if report.cancelled or not writing:
            return report
        for exp in exporters.values():
            exp.close()
        report.documents, report.annotation_sets = counts.documents, counts.sets
        report.spans, report.events = counts.spans, counts.events
        report.not_expressed = losses.to_list()
        card = _card(project, info.name, info.offset_unit, output, coder, status, skip_invalid,
                     parts, seed, command, report, counts)
        card["format_notes"] = list(exporter_cls.notes)
        staging.hash_streams()
        card["files"] = [dict(f.__dict__) for f in staging.files]
        card["file_count"] = staging.file_count
        staging.write_file(CARD_MD, _card_markdown(card).encode("utf-8"))
        sums = staging.close_streams()
        card["checksums"] = dict(sums.__dict__)
        card["entries"] = sorted(staging.top_level | {CARD_JSON, CARD_MD, CHECKSUMS})
        atomic_write(staging.dir / CARD_JSON, jsonio.dump_bytes(card), backup=False)
        staging.commit(replace)
        committed = True
        report.written = True
        report.card = card
        report.files = [*staging.files, sums]
        report.file_count = staging.file_count + 1
        return report
    finally:
        for fn in stop:
            fn()  # cancel what the workers have not started
        close = getattr(chunks, "close", None)
        if close is not None:
            close()  # ends the pool once running chunks finish, before staging goes
        if memo is not None:
            memo.finish(keep=False)  # an error: the memo stays as it was (no-op after finish)
        if not committed:
            staging.abort()
            if created:
                try:
                    output.rmdir()  # only if empty: a refused export leaves no trace
                except OSError:
                    pass


def _read_file(path: str) -> bytes | None:
    """The bytes of the regular file at ``path``, or None if there is none (missing, or not a
    regular file): one open, fstat and read, with no stat first. Other errors (no permission)
    raise ``OSError``."""
    try:
        fd = os.open(path, _READ)  # non-blocking: a FIFO there must not hang the export
    except FileNotFoundError:
        return None
    except OSError:
        if not _is_file(path):
            return None
        raise
    try:
        st = os.fstat(fd)
        if not stat.S_ISREG(st.st_mode):
            return None
        # One byte more than its size: getting exactly its size means the end.
        data = os.read(fd, st.st_size + 1)
        if len(data) != st.st_size:  # it changed since, or a short read: on to the end
            parts = [data]
            while more := os.read(fd, 1 << 20):
                parts.append(more)
            data = b"".join(parts)
        return data
    finally:
        os.close(fd)


def _read_json(path: str, data: bytes | None = None) -> Any:
    """``read_json`` for the files of a project (``data``: the file's bytes, if read
    already), fast: a strict UTF-8 decode and ``json.loads`` accept exactly the files
    ``read_json`` accepts (a BOM aside), and anything else goes to ``read_json`` for its
    precise message. (``read_json`` first scans for UTF-16, byte by byte in Python; on 60,000
    files that scan alone took longer than the export.)"""
    try:
        if data is None:
            data = _read_file(path)
        if data is not None:
            return json.loads(data.decode("utf-8").removeprefix("\ufeff"))
    except (OSError, UnicodeDecodeError, ValueError, RecursionError):
        pass
    return read_json(path)


def _load_document(project: Project, doc_id: str) -> Document:
    """``Project.load_document`` with the fast reader, and the same checks (with a plain
    string path: a ``Path`` per document was 2% of an export)."""
    if not is_safe_id(doc_id):
        project.document_path(doc_id)  # raises, saying why
    path = os.path.join(project.root, "documents", f"{doc_id}.json")
    data = _read_json(path)
    problems = document_problems(data, doc_id)
    if problems:
        raise AnnotatorError(f"{path}: " + "; ".join(problems))
    return Document.from_dict(data)


def _orphan_files(project: Project, coders: list[str], doc_ids: list[str]) -> list[str]:
    """Annotation files whose document is missing: invalid, and invisible to a per-document
    walk. Uses one set of ids, freed on return."""
    known = set(doc_ids)
    orphans: list[str] = []
    for c in coders:
        folder = project.annotations_dir / c
        for name in sorted(os.listdir(folder)) if folder.is_dir() else ():
            if name.endswith(".json") and not name.startswith(".") and name[:-5] not in known:
                orphans.append(f"annotations/{c}/{name}")
    return orphans


def _left_out(report: ExportReport | _Chunk, path: str, problems: list[str]) -> None:
    report.left_out_count += 1
    if len(report.left_out) < MAX_LISTED_PROBLEMS:
        report.left_out.append(LeftOut(path, problems))


def _load_sets(project: Project, doc_id: str, found: list[tuple[str, str, bytes | None]],
               codebook: Any, status: str | None, old: dict[str, bytes],
               new: dict[str, bytes], report: _Chunk
               ) -> tuple[Document | None, list[AnnotationSet], bool]:
    """The document, its valid sets (of the wanted status), and whether any was invalid.
    A document that cannot be read leaves every set of it out. A coder's file whose digest is
    the memo's (``old``: the same bytes passed the same checks against the same text and
    codebook) is not checked again; the digest of each file that passes goes into ``new``."""
    try:
        document = _load_document(project, doc_id)
    except AnnotatorError as exc:
        for c, _, _ in found:
            _left_out(report, f"annotations/{c}/{doc_id}.json",
                      [f"its document cannot be read: {exc}"])
        return None, [], True
    valid: list[AnnotationSet] = []
    bad = False
    for c, path, raw in found:
        rel = f"annotations/{c}/{doc_id}.json"
        try:
            data = _read_json(path, raw)
        except AnnotatorError as exc:
            _left_out(report, rel, [str(exc)])
            bad = True
            continue
        if status is not None and isinstance(data, dict) and data.get("status") != status:
            report.filtered_out += 1
            if c in old:
                new[c] = old[c]  # not checked now: the memo keeps what it knew
            continue
        digest = None
        if raw is not None and document.sha256:  # (the document's hash is checked at load)
            digest = clean_digest(rel, hashlib.sha256(raw).hexdigest(), document.sha256,
                                  codebook.sha256)
        if digest is not None and digest == old.get(c):
            errors = []
        else:
            issues = validate_annotation_data(data, document=document, codebook=codebook)
            errors = [i for i in issues if i.severity == ERROR]
        misfiled = misfiled_issue(data, c)
        if misfiled is not None:
            errors.append(misfiled)
        if errors:
            _left_out(report, rel, [f"{i.where}: {i.message}" for i in errors])
            bad = True
            continue
        if digest is not None:
            new[c] = digest
        valid.append(AnnotationSet.from_dict(data))
    return document, valid, bad


# -- the dataset card -------------------------------------------------------------------------
def _command(project: Project, fmt: str, output: Path, coder: str | None, status: str | None,
             skip_invalid: bool, split: tuple[int, ...] | None, seed: int) -> str:
    args = ["annotator", "export", str(project.root), "--format", fmt, "--output", str(output)]
    if coder:
        args += ["--coder", coder]
    if status:
        args += ["--status", status]
    if split:
        args += ["--split", "/".join(map(str, split)), "--seed", str(seed)]
    if skip_invalid:
        args.append("--skip-invalid")
    return shlex.join(args)


def _card(project: Project, fmt: str, unit: str, output: Path, coder: str | None,
          status: str | None, skip_invalid: bool, split: tuple[int, ...] | None, seed: int,
          command: str | Sequence[str] | None, report: ExportReport,
          counts: _Counts) -> dict[str, Any]:
    if command is None:
        command = _command(project, fmt, output, coder, status, skip_invalid, split, seed)
    elif not isinstance(command, str):
        command = shlex.join(command)
    cb = project.codebook
    card: dict[str, Any] = {
        "dataset_card_version": 1,
        "title": f"{project.name}: {fmt} export",
        "created": now_iso(),
        "annotator_version": __version__,
        "command": command,
        "format": fmt,
        "offset_unit": unit,
        "project": project.name,
        "codebook": {"id": cb.id, "version": cb.version, "sha256": cb.sha256, "name": cb.name},
        "text_policy": project.text_policy.to_dict(),
        "filters": {"coder": coder, "status": status, "skip_invalid": skip_invalid},
        "split": None if split is None else {
            "shares": dict(zip(SPLIT_NAMES[len(split)], split, strict=True)), "seed": seed,
            "method": "part by sha256('<seed>:<document id>'), per document, all coders together",
            "counts": {k: counts.splits.get(k, {"documents": 0, "annotation_sets": 0})
                       for k in SPLIT_NAMES[len(split)]}},
        "counts": {
            "documents": report.documents,
            "annotation_sets": report.annotation_sets,
            "spans": report.spans,
            "events": report.events,
            "annotation_sets_by_status": dict(sorted(counts.status.items())),
            "by_coder": dict(sorted(counts.coders.items())),
            "spans_by_label": dict(sorted(counts.labels.items())),
            "events_by_type": dict(sorted(counts.types.items())),
            "events_by_type_and_subtype": dict(sorted(counts.subtypes.items())),
            "filtered_out_by_status": report.filtered_out,
        },
        "left_out": {"count": report.left_out_count,
                     "files": [lo.to_dict() for lo in report.left_out]},
        "not_expressed": report.not_expressed,
    }
    return card


def _card_markdown(card: dict[str, Any]) -> str:
    c = card["counts"]
    cb = card["codebook"]
    lines = [
        f"# {card['title']}", "",
        f"Made by annotator {card['annotator_version']} on {card['created']} with:", "",
        "```", card["command"], "```", "",
        f"- Format: **{card['format']}**; offsets are `[start, end)` in "
        f"**{_unit_words(card['offset_unit'])}** of the document text.",
        f"- Codebook: {cb['name']} (`{cb['id']}` version {cb['version']}, "
        f"SHA-256 `{cb['sha256']}`).",
        "- Text policy at import: "
        + ", ".join(f"{k}={v}" for k, v in card["text_policy"].items()) + ".",
        f"- Filters: coder = {card['filters']['coder'] or 'all'}, status = "
        f"{card['filters']['status'] or 'any'}.", "",
        *(f"- {note}" for note in card.get("format_notes", [])),
        "",
        "## Contents", "",
        f"{c['documents']} documents, {c['annotation_sets']} annotation sets, {c['spans']} spans, "
        f"{c['events']} events.", "",
    ]
    lines += _table("Annotation sets by status", "status", c["annotation_sets_by_status"])
    lines += ["### By coder", "", "| coder | sets | spans | events |", "|---|---:|---:|---:|"]
    lines += [f"| {k} | {v['annotation_sets']} | {v['spans']} | {v['events']} |"
              for k, v in c["by_coder"].items()] + [""]
    lines += _table("Spans by label", "label", c["spans_by_label"])
    lines += _table("Events by type", "event type", c["events_by_type"])
    lines += _table("Events by type and sub-type", "type/sub-type",
                    c["events_by_type_and_subtype"])
    if card["split"]:
        sp = card["split"]
        lines += ["## Split", "", f"Seed {sp['seed']}; {sp['method']}.", "",
                  "| part | share | documents | sets |", "|---|---:|---:|---:|"]
        lines += [f"| {k} | {sp['shares'][k]} | {v['documents']} | {v['annotation_sets']} |"
                  for k, v in sp["counts"].items()] + [""]
    lo = card["left_out"]
    lines += ["## Left out", ""]
    if lo["count"]:
        lines += [f"{lo['count']} annotation file(s) failed validation and are not in the data:",
                  ""]
        for f in lo["files"]:
            lines.append(f"- `{f['path']}`: " + "; ".join(f["problems"][:5]))
        if lo["count"] > len(lo["files"]):
            lines.append(f"- ... and {lo['count'] - len(lo['files'])} more")
    else:
        lines.append("Nothing: every selected annotation file passed validation.")
    lines += ["", "## Not expressible in this format", ""]
    if card["not_expressed"]:
        for item in card["not_expressed"]:
            lines.append(f"- {item['what']}: {item['count']} (e.g. "
                         f"{', '.join(item['examples'])})")
    else:
        lines.append("Nothing was lost.")
    lines += ["", "## Files", "",
              f"SHA-256 of every file is in `{CHECKSUMS}` (check with `sha256sum -c "
              f"{CHECKSUMS}`); `{CARD_JSON}` holds this card as data.", ""]
    if card["file_count"] <= len(card["files"]):
        lines += ["| file | bytes | SHA-256 |", "|---|---:|---|"]
        lines += [f"| `{f['path']}` | {f['bytes']} | `{f['sha256']}` |" for f in card["files"]]
    else:
        lines.append(f"{card['file_count']} data files (too many to list here).")
    lines.append("")
    return "\n".join(lines) + "\n"


def _table(title: str, key: str, data: dict[str, int]) -> list[str]:
    out = [f"### {title}", "", f"| {key} | count |", "|---|---:|"]
    out += [f"| {k} | {v} |" for k, v in data.items()] or ["| (none) | 0 |"]
    return [*out, ""]


def _unit_words(unit: str) -> str:
    return {"codepoint": "Unicode code points (Python str indices)",
            "utf16": "UTF-16 code units (JavaScript string indices)"}.get(unit, unit)
