"""Validate a whole project: codebook, documents and every annotation file.

Results of files that have not changed are cached in ``PROJECT/.annotator/validation-cache.json``
(keyed by each file's size and modification time, the document's, and the codebook's hash), so
re-checking a large project with nothing changed costs little more than listing it. Large cold
runs are spread over worker processes, one group of documents each.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from multiprocessing import get_context
from pathlib import Path
from typing import Any

from annotator import __version__
from annotator.core.validation import ERROR, Issue, validate_annotation_data
from annotator.errors import AnnotatorError
from annotator.storage.atomic import atomic_write_json, read_json
from annotator.storage.project import Project, misfiled_issue

CACHE_NAME = "validation-cache.json"
# Raised whenever the checks change, so results cached by the same annotator version before
# the change are not reused (2: annotation files in another coder's folder are errors).
CACHE_CHECKS = 2
# Below this many files to check, starting worker processes costs more than it saves.
PARALLEL_MIN_FILES = 3000
_CHUNK = 1000

IssueDicts = list[dict[str, str]]


@dataclass
class ProjectReport:
    files: dict[str, list[Issue]] = field(default_factory=dict)  # path (relative) -> issues
    checked: int = 0
    cached: int = 0

    def add(self, path: str, issues: list[Issue]) -> None:
        if issues:
            self.files[path] = issues

    @property
    def errors(self) -> int:
        return self.count(ERROR)

    def count(self, severity: str) -> int:
        return sum(1 for issues in self.files.values() for i in issues if i.severity == severity)


def _json_names(folder: str) -> Iterator[str]:
    try:
        with os.scandir(folder) as it:
            for entry in it:
                name = entry.name
                if name.endswith(".json") and not name.startswith("."):
                    yield name[:-5]
    except FileNotFoundError:
        return


def _stamp(path: str) -> list[int]:
    try:
        st = os.stat(path)
    except OSError:  # vanished meanwhile, or a dangling link: never a cache hit
        return [-1, -1]
    return [st.st_size, st.st_mtime_ns]


def _cached(hit: Any, key: list[int]) -> IssueDicts | None:
    """The cached issues of an unchanged file; None for a miss or a damaged entry."""
    if not isinstance(hit, dict) or hit.get("key") != key or -1 in key:
        return None
    issues = hit.get("issues", [])
    if not isinstance(issues, list) or not all(
            isinstance(i, dict) and set(i) <= {"severity", "where", "message", "ref"}
            and all(isinstance(v, str) for v in i.values()) for i in issues):
        return None
    return issues


def validate_project(project: Project, *, coder: str | None = None, use_cache: bool = True,
                     progress: Callable[[int, int], None] | None = None,
                     workers: int | None = None) -> ProjectReport:
    """Every problem in ``project`` (optionally one coder's files), file by file."""
    report = ProjectReport()
    try:
        codebook = project.codebook
    except AnnotatorError as exc:
        report.add(str(project.codebook_path.relative_to(project.root)),
                   [Issue(ERROR, "$", str(exc))])
        return report
    cache_path = project.state_dir / CACHE_NAME
    old: dict[str, Any] = {}
    if use_cache and cache_path.is_file():
        try:
            data = read_json(cache_path)
            if (isinstance(data, dict) and data.get("codebook") == codebook.sha256
                    and data.get("annotator") == __version__
                    and data.get("checks") == CACHE_CHECKS
                    and isinstance(data.get("files"), dict)):
                old = data["files"]
        except AnnotatorError:
            old = {}  # a damaged cache is only a slower run

    root = str(project.root)
    docs_dir = os.path.join(root, "documents")
    doc_stamps = {d: _stamp(os.path.join(docs_dir, d + ".json")) for d in _json_names(docs_dir)}
    new: dict[str, Any] = {}
    todo: list[tuple[str, str, str]] = []  # (rel, coder, doc id) to check now
    results: dict[str, IssueDicts] = {}

    coders = [coder] if coder else project.coders()
    for c in coders:
        folder = os.path.join(root, "annotations", c)
        for doc_id in sorted(_json_names(folder)):
            rel = f"annotations/{c}/{doc_id}.json"
            if doc_id not in doc_stamps:
                results[rel] = [Issue(ERROR, "$.document.id",
                                      f"there is no document {doc_id!r} in the project").to_dict()]
                continue
            key = [*_stamp(os.path.join(folder, doc_id + ".json")), *doc_stamps[doc_id]]
            new[rel] = {"key": key}
            hit = _cached(old.get(rel), key)
            if hit is not None:
                results[rel] = hit
                report.cached += 1
            else:
                todo.append((rel, c, doc_id))
    annotated = {doc_id for _, _, doc_id in todo}
    for doc_id, key in doc_stamps.items():
        rel = f"documents/{doc_id}.json"
        new[rel] = {"key": key}
        hit = _cached(old.get(rel), key)
        if hit is not None:
            results[rel] = hit
        elif doc_id not in annotated:  # documents with annotations are read while checking them
            todo.append((rel, "", doc_id))

    todo.sort(key=lambda item: item[2])  # a document's files together: it is read once
    report.checked = sum(1 for rel, c, _ in todo if c)
    total = len(todo)
    n_workers = workers if workers is not None else min(os.cpu_count() or 1, 4)
    parallel = {}
    if n_workers > 1 and total >= PARALLEL_MIN_FILES:
        parallel = _check_in_workers(root, todo, n_workers, progress)
    results.update(parallel or _check_files(root, todo, project, progress))

    for rel, issues in sorted(results.items()):
        if rel in new:
            new[rel]["issues"] = issues
        report.add(rel, [Issue(**i) for i in issues])

    if use_cache and new != old:
        try:
            project.state_dir.mkdir(exist_ok=True)
            atomic_write_json(cache_path, {"annotator": __version__, "checks": CACHE_CHECKS,
                                           "codebook": codebook.sha256, "files": new},
                              backup=False)
        except (OSError, AnnotatorError):
            pass  # a read-only project still validates; it just is not cached
    return report


def _check_in_workers(root: str, todo: list[tuple[str, str, str]], n_workers: int,
                      progress: Callable[[int, int], None] | None) -> dict[str, IssueDicts]:
    """Results from worker processes, or {} when they cannot run (then the caller checks
    serially: e.g. a ``python -c`` caller, which spawned workers cannot re-import)."""
    chunks = [todo[i:i + _CHUNK] for i in range(0, len(todo), _CHUNK)]
    results: dict[str, IssueDicts] = {}
    try:
        # spawn, not fork: the caller may be the Qt window, which must not be forked.
        with ProcessPoolExecutor(n_workers, mp_context=get_context("spawn")) as pool:
            for part in pool.map(_check_files, [root] * len(chunks), chunks):
                results.update(part)
                if progress is not None:
                    progress(min(len(results), len(todo)), len(todo))
    except (BrokenProcessPool, OSError, RuntimeError):
        return {}
    return results


def _check_files(root: str, items: list[tuple[str, str, str]], project: Project | None = None,
                 progress: Callable[[int, int], None] | None = None) -> dict[str, IssueDicts]:
    """Check annotation files (coder set) and documents (coder empty); runs in workers too."""
    project = project or Project.open(Path(root))
    codebook = project.codebook
    out: dict[str, IssueDicts] = {}
    loaded: tuple[str, Any] = ("", None)
    for n, (rel, coder, doc_id) in enumerate(items, 1):
        if loaded[0] != doc_id:
            try:
                loaded = (doc_id, project.load_document(doc_id))
            except AnnotatorError as exc:
                loaded = (doc_id, None)
                out[f"documents/{doc_id}.json"] = [Issue(ERROR, "$", str(exc)).to_dict()]
        document = loaded[1]
        if not coder:
            out.setdefault(rel, [])
        elif document is None:
            out[rel] = []  # the document's own problem is reported on the document
        else:
            try:
                data = read_json(project.annotation_path(coder, doc_id))
            except AnnotatorError as exc:
                out[rel] = [Issue(ERROR, "$", str(exc)).to_dict()]
            else:
                issues = validate_annotation_data(data, document=document, codebook=codebook)
                misfiled = misfiled_issue(data, coder)
                if misfiled is not None:
                    issues.append(misfiled)
                out[rel] = [i.to_dict() for i in issues]
        if progress is not None:
            progress(n, len(items))
    return out

