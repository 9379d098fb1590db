"""Reading, checking and rendering documents (in a worker process or in process): what one
slice of documents gives back to the exporting process, as a ``Chunk``.

Reading, validating and rendering is most of an export's work (about half a millisecond per
document in Python); a ``Renderer`` does it for a slice of documents and returns the rendered
payloads, counts, losses, problems and the slice's part of the memo of files that passed.
"""

from __future__ import annotations

import hashlib
import os
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from operator import attrgetter
from pathlib import Path
from typing import Any

from annotator.core.model import AnnotationSet, Document
from annotator.core.text import is_safe_id
from annotator.core.validation import ERROR, validate_annotation_data
from annotator.errors import AnnotatorError
from annotator.formats.export.memo import Memo
from annotator.formats.export.report import LeftOut, add_left_out, split_of
from annotator.formats.export.staging import StagedFiles
from annotator.formats.registry import Exporter, Losses, get_format
from annotator.storage.project import Project, document_problems, misfiled_issue
from annotator.storage.readers import read_json_fast, read_regular_file
from annotator.storage.validate import clean_digest

_LABEL = attrgetter("label")


class Counts:
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

    def merge(self, other: Counts) -> None:
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
class Job:
    """Everything a worker needs (picklable)."""

    root: str
    fmt: str
    coders: tuple[str, ...]
    status: str | None
    split: tuple[int, ...] | None
    seed: int
    staging: str


@dataclass
class Chunk:
    """What rendering a slice of documents gives back to the exporting process."""

    size: int = 0  # documents in the slice
    items: list[tuple[str | None, Any]] = field(default_factory=list)
    counts: Counts = field(default_factory=Counts)
    left_out: list[LeftOut] = field(default_factory=list)
    left_out_count: int = 0
    filtered_out: int = 0
    bad: bool = False
    losses: Losses = field(default_factory=Losses)
    files: list[tuple[str, str, int]] = field(default_factory=list)
    # The chunk's slice of the new memo, in order, and whether it differs from the old one.
    memo: list[tuple[str, str, bytes]] = field(default_factory=list)
    memo_changed: bool = False


class Renderer:
    """Reads, checks and renders slices of documents for one export (``Job``)."""

    def __init__(self, job: Job) -> None:
        self.job = job
        self.project = Project.open(Path(job.root))
        self.codebook = self.project.codebook
        self.exporter_cls = get_format(job.fmt).exporter_class()
        self.exporters: dict[str | None, Exporter] = {}
        self.files = StagedFiles(Path(job.staging))
        # Plain string paths: a ``Path`` per file was a few per cent of an export.
        self.documents = os.fspath(self.project.documents_dir)
        self.annotations = os.fspath(self.project.annotations_dir)
        # How messages and the memo name an annotation file: relative to the project.
        self.annotations_rel = self.project.annotations_dir.relative_to(
            self.project.root).as_posix()

    def run(self, task: tuple[Sequence[str], Memo]) -> Chunk:
        """Read, check and render the documents ``task[0]``; ``task[1]``: their slice of the
        memo of files that passed the checks."""
        doc_ids, memo = task
        chunk = Chunk(size=len(doc_ids))
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
                  chunk: Chunk) -> None:
        """One document: its sets checked (unless ``old``, the memo, knows them) and
        rendered; the digest of each set that passed goes into ``new``."""
        found: list[tuple[str, str, bytes | None]] = []  # coder, path, bytes if read
        for c in self.job.coders:
            path = os.path.join(self.annotations, c, f"{doc_id}.json")
            try:
                data = read_regular_file(path)
            except OSError:  # there but unreadable: load_sets says why
                found.append((c, path, None))
                continue
            if data is not None:
                found.append((c, path, data))
        if not found:
            return  # nobody annotated it: not part of the dataset
        document, valid, bad = self._load_sets(doc_id, found, old, new, chunk)
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

    def _load_document(self, doc_id: str) -> Document:
        """``Project.load_document`` with the fast reader, and the same checks (with a plain
        string path: a ``Path`` per document was 2% of an export)."""
        if not is_safe_id(doc_id):
            self.project.document_path(doc_id)  # raises, saying why
        path = os.path.join(self.documents, f"{doc_id}.json")
        data = read_json_fast(path)
        problems = document_problems(data, doc_id)
        if problems:
            raise AnnotatorError(f"{path}: " + "; ".join(problems))
        return Document.from_dict(data)

    def _load_sets(self, doc_id: str, found: list[tuple[str, str, bytes | None]],
                   old: dict[str, bytes], new: dict[str, bytes], chunk: Chunk
                   ) -> tuple[Document | None, list[AnnotationSet], bool]:
        """The document, its valid sets (of the wanted status), and whether any was invalid.
        A document that cannot be read leaves every set of it out. A coder's file whose digest
        is the memo's (``old``: the same bytes passed the same checks against the same text and
        codebook) is not checked again; the digest of each file that passes goes into
        ``new``."""
        codebook, status = self.codebook, self.job.status
        try:
            document = self._load_document(doc_id)
        except AnnotatorError as exc:
            for c, _, _ in found:
                add_left_out(chunk, f"{self.annotations_rel}/{c}/{doc_id}.json",
                             [f"its document cannot be read: {exc}"])
            return None, [], True
        valid: list[AnnotationSet] = []
        bad = False
        for c, path, raw in found:
            rel = f"{self.annotations_rel}/{c}/{doc_id}.json"
            try:
                data = read_json_fast(path, raw)
            except AnnotatorError as exc:
                add_left_out(chunk, rel, [str(exc)])
                bad = True
                continue
            if status is not None and isinstance(data, dict) and data.get("status") != status:
                chunk.filtered_out += 1
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
                add_left_out(chunk, rel, [f"{i.where}: {i.message}" for i in errors])
                bad = True
                continue
            if digest is not None:
                new[c] = digest
            valid.append(AnnotationSet.from_dict(data))
        return document, valid, bad
