"""Validate a whole project: codebook, documents and every annotation file.

Results of files that have not changed are cached in ``PROJECT/.annotator/validation-cache.json``
(keyed by each file's size and modification time, the document's, and the codebook's hash), so
re-checking a large project with nothing changed costs little more than listing it.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from annotator import __version__
from annotator.core.model import Document
from annotator.core.validation import ERROR, Issue, validate_annotation_data
from annotator.errors import AnnotatorError
from annotator.storage.atomic import atomic_write_json, read_json
from annotator.storage.project import Project, document_problems

CACHE_NAME = "validation-cache.json"


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
        return sum(1 for issues in self.files.values() for i in issues if i.severity == ERROR)

    def count(self, severity: str) -> int:
        return sum(1 for issues in self.files.values() for i in issues if i.severity == severity)


def _stamp(path: Path) -> list[int]:
    st = os.stat(path)
    return [st.st_size, st.st_mtime_ns]


def validate_project(project: Project, *, coder: str | None = None, use_cache: bool = True,
                     progress: Callable[[int, int], None] | None = None) -> ProjectReport:
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
                    and data.get("annotator") == __version__):
                old = data.get("files") or {}
        except AnnotatorError:
            old = {}  # a damaged cache is only a slower run
    new: dict[str, Any] = {}

    doc_stamps: dict[str, list[int]] = {}
    doc_ids = project.document_ids()
    for doc_id in doc_ids:
        path = project.document_path(doc_id)
        doc_stamps[doc_id] = _stamp(path)

    files = list(project.annotation_files(coder))
    total = len(files)
    docs: dict[str, Document | None] = {}

    def document(doc_id: str) -> Document | None:
        if doc_id not in docs:
            try:
                docs[doc_id] = project.load_document(doc_id)
            except AnnotatorError as exc:
                rel = f"documents/{doc_id}.json"
                report.add(rel, [Issue(ERROR, "$", str(exc))])
                docs[doc_id] = None
        return docs[doc_id]

    for n, (c, doc_id, path) in enumerate(files, 1):
        rel = f"annotations/{c}/{doc_id}.json"
        if doc_id not in doc_stamps:
            report.add(rel, [Issue(ERROR, "$.document.id",
                                   f"there is no document {doc_id!r} in the project")])
            continue
        key = [*_stamp(path), *doc_stamps[doc_id]]
        hit = old.get(rel)
        if hit is not None and hit.get("key") == key:
            issues = [Issue(**i) for i in hit["issues"]]
            report.cached += 1
        else:
            doc = document(doc_id)
            if doc is None:
                continue
            try:
                data = read_json(path)
            except AnnotatorError as exc:
                issues = [Issue(ERROR, "$", str(exc))]
            else:
                issues = validate_annotation_data(data, document=doc, codebook=codebook)
            report.checked += 1
        new[rel] = {"key": key, "issues": [i.to_dict() for i in issues]}
        report.add(rel, issues)
        if progress is not None:
            progress(n, total)

    # Documents nobody annotated yet are still checked once (cheaply cached too).
    for doc_id in doc_ids:
        rel = f"documents/{doc_id}.json"
        key = doc_stamps[doc_id]
        hit = old.get(rel)
        if hit is not None and hit.get("key") == key:
            problems = hit["issues"]
        elif doc_id in docs:
            problems = []  # loaded (and checked) above; errors already reported
        else:
            try:
                data = read_json(project.document_path(doc_id))
                problems = [Issue(ERROR, "$", p).to_dict()
                            for p in document_problems(data, doc_id)]
            except AnnotatorError as exc:
                problems = [Issue(ERROR, "$", str(exc)).to_dict()]
        new[rel] = {"key": key, "issues": problems}
        if problems and rel not in report.files:
            report.add(rel, [Issue(**i) for i in problems])

    if use_cache and new != old:
        try:
            project.state_dir.mkdir(exist_ok=True)
            atomic_write_json(cache_path, {"annotator": __version__,
                                           "codebook": codebook.sha256, "files": new},
                              backup=False)
        except OSError:
            pass  # a read-only project still validates; it just is not cached
    return report
