"""Validate a whole project: codebook, documents and every annotation file.

Results of files that have not changed are cached in ``PROJECT/.annotator/validation-cache.json``
(keyed by each file's size and modification time, the document's, and the codebook's hash), so
re-checking a large project with nothing changed costs little more than listing it. Large cold
runs are spread over worker processes, one group of documents each.

Each annotation file's entry also records the SHA-256 of the exact bytes that were checked and
of its document's text (``content``). From these, ``PROJECT/.annotator/clean-annotations.tsv``
lists the files checked without an error, one digest of (path, bytes, document text, codebook,
annotator version, checks) each: ``export`` skips checking a file again only when the file it
reads gives that digest, never because its size and time look unchanged, and writes the memo
again with what it found.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Callable, Iterator
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from annotator import __version__
from annotator.core.validation import ERROR, WARNING, Issue, validate_annotation_data
from annotator.errors import AnnotatorError
from annotator.storage.atomic import (
    atomic_write,
    atomic_write_json,
    find_stale_temps,
    read_json,
)
from annotator.storage.oserrors import plain_reason
from annotator.storage.project import Project, misfiled_issue
from annotator.storage.readers import decode_utf8, parse_json_text, read_bytes
from annotator.storage.stamps import json_names, stamp
from annotator.storage.workers import process_context

CACHE_NAME = "validation-cache.json"
# Raised whenever the checks change, so results cached by the same annotator version before
# the change are not reused (2: annotation files in another coder's folder are errors; 3:
# entries of annotation files record the content they were checked with).
CACHE_CHECKS = 3
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


def _content(value: Any) -> tuple[str, str] | None:
    """A well-formed ``content`` entry: the SHA-256 (hex) of a file and of its document."""
    if (isinstance(value, list) and len(value) == 2
            and all(isinstance(v, str) and len(v) == 64 for v in value)):
        return value[0], value[1]
    return None


# -- the export gate's memo -------------------------------------------------------------------
CLEAN_NAME = "clean-annotations.tsv"
CLEAN_HEADER = (b"# annotator: annotation files checked without an error. Document id, coder, and "
                b"SHA-256 of (path, file content, document text, codebook, checks); sorted by "
                b"document id, then coder.\n")


CleanEntry = tuple[str, str, bytes]  # document id, coder, digest (see ``clean_digest``)


def clean_digest(rel: str, file_sha256: str, document_sha256: str, codebook_sha256: str) -> bytes:
    """What makes a clean check of the annotation file ``rel`` hold again: the same path, the
    same bytes (``file_sha256``), the same document text, codebook, annotator and checks."""
    key = "\0".join((rel, file_sha256, document_sha256, codebook_sha256, __version__,
                     str(CACHE_CHECKS)))
    return hashlib.sha256(key.encode("utf-8")).digest()


def clean_line(doc_id: str, coder: str, digest: bytes) -> bytes:
    return f"{doc_id}\t{coder}\t{digest.hex()}\n".encode()


def iter_clean(project: Project) -> Iterator[tuple[str, str, bytes]]:
    """The memo's entries (document id, coder, digest) in order, read a line at a time, so an
    export can walk it beside its documents (in the same order) without holding it. Lines that
    are damaged or out of order are skipped: a file missing from the memo is only checked."""
    last = ("", "")
    try:
        with open(project.state_dir / CLEAN_NAME, "rb") as fh:
            for line in fh:
                parts = line.split(b"\t")
                if len(parts) != 3 or len(parts[2]) != 65 or not line.endswith(b"\n"):
                    continue
                try:
                    key = (parts[0].decode("utf-8"), parts[1].decode("utf-8"))
                    digest = bytes.fromhex(parts[2][:64].decode("ascii"))
                except (UnicodeDecodeError, ValueError):
                    continue
                if key > last:
                    last = key
                    yield key[0], key[1], digest
    except OSError:
        return


def remember_clean(project: Project, found: list[CleanEntry]) -> None:
    """Add files found clean by another reader of the project (agreement checks every file it
    counts the same way ``validate`` does) to the memo, so the next run trusts them too."""
    if not found:
        return  # (a reader adds only files the memo did not have, or had with other bytes)
    entries = {(d, c): digest for d, c, digest in iter_clean(project)}
    entries.update(((d, c), digest) for d, c, digest in found)
    _write_clean(project, sorted((d, c, digest) for (d, c), digest in entries.items()))


def _write_clean(project: Project, entries: list[CleanEntry]) -> None:
    """Save the memo (``entries`` sorted). A project that cannot be written keeps working;
    its exports check every file."""
    data = CLEAN_HEADER + b"".join(clean_line(*e) for e in entries)
    try:
        project.state_dir.mkdir(exist_ok=True)
        atomic_write(project.state_dir / CLEAN_NAME, data, backup=False)
    except (OSError, AnnotatorError):
        pass


def validate_project(project: Project, *, coder: str | None = None, use_cache: bool = True,
                     progress: Callable[[int, int], None] | None = None,
                     workers: int | None = None) -> ProjectReport:
    """Every problem in ``project`` (optionally one coder's files), file by file."""
    report = ProjectReport()
    _report_stale_temps(project, report, remove=use_cache)
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
    doc_stamps = {d: stamp(os.path.join(docs_dir, d + ".json")) for d in json_names(docs_dir)}
    new: dict[str, Any] = {}
    todo: list[tuple[str, str, str]] = []  # (rel, coder, doc id) to check now
    results: dict[str, IssueDicts] = {}

    coders = [coder] if coder else project.coders()
    for c in coders:
        folder = os.path.join(root, "annotations", c)
        for doc_id in sorted(json_names(folder)):
            rel = f"annotations/{c}/{doc_id}.json"
            if doc_id not in doc_stamps:
                results[rel] = [Issue(ERROR, "$.document.id",
                                      f"there is no document {doc_id!r} in the project").to_dict()]
                continue
            key = [*stamp(os.path.join(folder, doc_id + ".json")), *doc_stamps[doc_id]]
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
    checked: tuple[dict[str, IssueDicts], dict[str, list[str]]] | None = None
    if n_workers > 1 and total >= PARALLEL_MIN_FILES:
        checked = _check_in_workers(root, todo, n_workers, progress)
    found, contents = checked or _check_files(root, todo, project, progress)
    results.update(found)

    for rel, issues in sorted(results.items()):
        if rel in new:
            new[rel]["issues"] = issues
            content = contents.get(rel) or (_content(old[rel].get("content"))
                                            if rel not in found else None)
            if content is not None:  # checked now, or cached with what it was checked with
                new[rel]["content"] = list(content)
        report.add(rel, [Issue(**i) for i in issues])

    saved = new
    if coder is not None:  # one coder's run keeps what is known of the other coders' files
        saved = {**{rel: entry for rel, entry in old.items() if rel.startswith("annotations/")
                    and not rel.startswith(f"annotations/{coder}/")}, **new}
    if use_cache and saved != old:
        try:
            project.state_dir.mkdir(exist_ok=True)
            atomic_write_json(cache_path, {"annotator": __version__, "checks": CACHE_CHECKS,
                                           "codebook": codebook.sha256, "files": saved},
                              backup=False)
        except (OSError, AnnotatorError):
            pass  # a read-only project still validates; it just is not cached
    # The export gate's memo, of every coder's files (a run for one coder leaves it be).
    if use_cache and coder is None and (new != old or not (project.state_dir / CLEAN_NAME)
                                        .is_file()):
        clean = []
        for rel, entry in new.items():
            if "content" in entry and not any(i["severity"] == ERROR for i in entry["issues"]):
                _, c, name = rel.split("/")  # annotations/<coder>/<document id>.json
                clean.append((name[:-5], c, clean_digest(rel, *entry["content"],
                                                         codebook.sha256)))
        _write_clean(project, sorted(clean))
    return report


def _report_stale_temps(project: Project, report: ProjectReport, *, remove: bool) -> None:
    """Temp files that killed saves and imports left in the project, each as a warning; with
    ``remove`` (a run that writes its cache) they are removed too."""
    folders = [project.root, project.documents_dir, project.annotations_dir]
    folders += [project.annotations_dir / c for c in project.coders()]
    folders += [Path(parent) for parent, _, _ in os.walk(project.state_dir)]
    for folder in folders:
        for path in find_stale_temps(folder):
            rel = path.relative_to(project.root).as_posix()
            what = "a temp file left by a save that was interrupted (its program is gone)"
            if not remove:
                report.add(rel, [Issue(WARNING, "$", f"{what}; delete it, or run validate "
                                                     "without --no-cache to remove it")])
                continue
            try:
                path.unlink()
            except FileNotFoundError:
                continue
            except OSError as exc:
                report.add(rel, [Issue(WARNING, "$", f"{what}; it cannot be removed "
                                                     f"({plain_reason(exc)})")])
                continue
            report.add(rel, [Issue(WARNING, "$", f"{what}; removed")])


def _check_in_workers(root: str, todo: list[tuple[str, str, str]], n_workers: int,
                      progress: Callable[[int, int], None] | None
                      ) -> tuple[dict[str, IssueDicts], dict[str, list[str]]] | None:
    """``_check_files``'s results from worker processes, or None when they cannot run (then
    the caller checks serially: e.g. a ``python -c`` caller, which spawned workers cannot
    re-import)."""
    chunks = [todo[i:i + _CHUNK] for i in range(0, len(todo), _CHUNK)]
    results: dict[str, IssueDicts] = {}
    contents: dict[str, list[str]] = {}
    try:
        with ProcessPoolExecutor(n_workers, mp_context=process_context()) as pool:
            for part, part_contents in pool.map(_check_files, [root] * len(chunks), chunks):
                results.update(part)
                contents.update(part_contents)
                if progress is not None:
                    progress(min(len(results), len(todo)), len(todo))
    except (BrokenProcessPool, OSError, RuntimeError):
        return None
    return results, contents


def _check_files(root: str, items: list[tuple[str, str, str]], project: Project | None = None,
                 progress: Callable[[int, int], None] | None = None
                 ) -> tuple[dict[str, IssueDicts], dict[str, list[str]]]:
    """Check annotation files (coder set) and documents (coder empty); runs in workers too.
    Returns the issues of each file, and the ``content`` each annotation file was checked
    with."""
    project = project or Project.open(Path(root))
    codebook = project.codebook
    out: dict[str, IssueDicts] = {}
    contents: dict[str, list[str]] = {}
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
            path = project.annotation_path(coder, doc_id)
            try:  # read_json, keeping the bytes that were checked
                raw = read_bytes(path)
                data = parse_json_text(decode_utf8(raw, str(path)), str(path))
            except AnnotatorError as exc:
                out[rel] = [Issue(ERROR, "$", str(exc)).to_dict()]
            else:
                issues = validate_annotation_data(data, document=document, codebook=codebook)
                misfiled = misfiled_issue(data, coder)
                if misfiled is not None:
                    issues.append(misfiled)
                out[rel] = [i.to_dict() for i in issues]
                if document.sha256:
                    contents[rel] = [hashlib.sha256(raw).hexdigest(), document.sha256]
        if progress is not None:
            progress(n, len(items))
    return out, contents

