"""The document list's rows (id, title, one coder's status), fast on large projects.

A window lists every document with its title (in the document file) and the coder's status (in
the annotation file). Reading 30,000 of each on every start takes seconds, so what was read is
kept in ``PROJECT/.annotator/listing-cache.json`` keyed by each file's size and modification
time, like the validation cache: an unchanged file is never read again, a changed one always
is. The cache is only a speed-up: a damaged or missing one means a slower start, never a wrong
row, and a read-only project still lists (uncached).

Titles and statuses here are for display: a file that cannot be read lists as its id and the
status "unreadable"; opening it reports the problem in full.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from typing import Any

from annotator import __version__
from annotator.errors import AnnotatorError
from annotator.storage.atomic import atomic_write_json, read_json
from annotator.storage.project import Project
from annotator.storage.stamps import json_names, stamp

CACHE_NAME = "listing-cache.json"
# Titles of documents larger than this are not read (the id is shown until opened): reading a
# very large file only for its title is not worth the wait.
TITLE_READ_LIMIT = 2_000_000
NOT_STARTED = "not_started"
UNREADABLE = "unreadable"


@dataclass(frozen=True)
class Row:
    id: str
    title: str
    status: str


def _scan(folder: str) -> dict[str, tuple[str, list[int]]]:
    """``{doc id: (path, [size, mtime_ns])}`` for the ``*.json`` files in ``folder``."""
    found = {}
    for doc_id in json_names(folder):
        path = os.path.join(folder, doc_id + ".json")
        found[doc_id] = (path, stamp(path))
    return found


def _title(path: str, doc_id: str, size: int) -> str:
    if size > TITLE_READ_LIMIT:
        return doc_id
    try:
        data = read_json(path)  # type: ignore[arg-type]
    except AnnotatorError:
        return doc_id
    meta = data.get("meta") if isinstance(data, dict) else None
    title = meta.get("title") if isinstance(meta, dict) else None
    return str(title) if title else doc_id


def _status(path: str) -> str:
    try:
        data = read_json(path)  # type: ignore[arg-type]
    except AnnotatorError:
        return UNREADABLE
    status = data.get("status") if isinstance(data, dict) else None
    return status if isinstance(status, str) else UNREADABLE


def document_rows(project: Project, coder: str, *, use_cache: bool = True) -> list[Row]:
    """One row per document of ``project``, sorted by id, with ``coder``'s status."""
    cache_path = project.state_dir / CACHE_NAME
    old_docs: dict[str, Any] = {}
    old_sets: dict[str, Any] = {}
    old: Any = None
    if use_cache and cache_path.is_file():
        try:
            old = read_json(cache_path)
        except AnnotatorError:
            old = None  # damaged: rebuilt below
        if isinstance(old, dict) and old.get("annotator") == __version__:
            if isinstance(old.get("documents"), dict):
                old_docs = old["documents"]
            sets = old.get("sets")
            if isinstance(sets, dict) and isinstance(sets.get(coder), dict):
                old_sets = sets[coder]

    docs_dir = str(project.documents_dir)
    docs = {d: (p, stamp(p)) for d in project.document_ids()
            for p in (os.path.join(docs_dir, d + ".json"),)}
    sets = _scan(str(project.annotations_dir / coder)) if _safe(project, coder) else {}
    new_docs: dict[str, list[Any]] = {}
    new_sets: dict[str, list[Any]] = {}
    rows = []
    for doc_id in sorted(docs):
        path, dstamp = docs[doc_id]
        hit = old_docs.get(doc_id)
        if _fresh(hit, dstamp):
            title = hit[2]
        else:
            title = _title(path, doc_id, dstamp[0])
        if -1 not in dstamp:
            new_docs[doc_id] = [*dstamp, title]
        status = NOT_STARTED
        if doc_id in sets:
            spath, sstamp = sets[doc_id]
            hit = old_sets.get(doc_id)
            status = hit[2] if _fresh(hit, sstamp) else _status(spath)
            if -1 not in sstamp:
                new_sets[doc_id] = [*sstamp, status]
        rows.append(Row(doc_id, title, status))

    if use_cache and (new_docs != old_docs or new_sets != old_sets):
        all_sets = dict(old["sets"]) if isinstance(old, dict) and isinstance(
            old.get("sets"), dict) and old.get("annotator") == __version__ else {}
        all_sets[coder] = new_sets
        try:
            project.state_dir.mkdir(exist_ok=True)
            atomic_write_json(cache_path, {"annotator": __version__, "documents": new_docs,
                                           "sets": all_sets}, backup=False)
        except (OSError, AnnotatorError):
            pass  # a read-only project still lists; it just is not cached
    return rows


def _fresh(hit: Any, stamp: list[int]) -> bool:
    """A cache entry ``[size, mtime_ns, value]`` for a file with this stamp."""
    return (isinstance(hit, list) and len(hit) == 3 and hit[:2] == stamp and -1 not in stamp
            and isinstance(hit[2], str))


def _safe(project: Project, coder: str) -> bool:
    try:
        project.annotation_path(coder, "x")
    except AnnotatorError:
        return False
    return True
