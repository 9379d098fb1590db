"""A project folder: its codebook, documents and every coder's annotation sets.

Layout (all JSON written by ``atomic_write_json``, deterministic, diff-friendly)::

    PROJECT/project.json                      name, format version, text policy
    PROJECT/codebook.json                     the codebook in force
    PROJECT/documents/<doc-id>.json           id, sha256, meta, text (exactly as stored)
    PROJECT/annotations/<coder>/<doc-id>.json one coder's annotation set of one document
    PROJECT/.annotator/                       caches and recovery files (safe to delete)

Reading never writes. A file that fails to parse is reported with its path and the problem.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from annotator.core.codebook import Codebook, default_codebook_path
from annotator.core.model import AnnotationSet, CodebookRef, Document, now_iso
from annotator.core.schemas import codebook_issues
from annotator.core.text import TextPolicy, is_safe_id, sha256_text
from annotator.core.validation import (
    ERROR,
    Issue,
    semantic_issues,
    structural_issues,
    validate_annotation_data,
)
from annotator.errors import AnnotatorError
from annotator.storage.atomic import atomic_write_json, read_json
from annotator.storage.batch import BatchReport, stopped_message, store_documents
from annotator.storage.confine import PROJECT_FILE
from annotator.storage.oserrors import plain_reason

PROJECT_FORMAT_VERSION = 1
# Where ``misfiled_issue`` points: the "coder" field of an annotation file.
MISFILED_WHERE = "$.coder"


def load_codebook(path: Path) -> Codebook:
    """Read, schema-check and cross-check a codebook file; ``AnnotatorError`` on any problem."""
    data = read_json(path)
    issues = codebook_issues(data)
    if issues:
        raise AnnotatorError(f"{path}: not a valid codebook:\n  - " + "\n  - ".join(issues))
    return Codebook.from_dict(data, source=str(path))


def load_default_codebook() -> Codebook:
    return load_codebook(default_codebook_path())


def check_coder_name(coder: str) -> str:
    coder = (coder or "").strip()
    if not is_safe_id(coder) or len(coder) > 64:
        raise AnnotatorError(
            f"coder name {coder!r} cannot be used: use letters, digits, '-', '_' or '.', "
            "at most 64 characters, not starting with a dot")
    return coder


@dataclass
class DocumentEntry:
    id: str
    path: Path


class Project:
    def __init__(self, root: Path, meta: dict[str, Any]) -> None:
        self.root = root
        self.meta = meta
        self._codebook: Codebook | None = None

    # -- creation and opening ---------------------------------------------------------------
    @classmethod
    def init(cls, root: Path, codebook_path: Path | None = None, name: str | None = None,
             policy: TextPolicy | None = None) -> Project:
        root = Path(root)
        if (root / PROJECT_FILE).exists():
            raise AnnotatorError(f"{root}: a project already exists here")
        if root.exists() and not root.is_dir():
            raise AnnotatorError(f"{root}: exists and is not a folder")
        if root.is_dir():
            # Never write over files a user already has there (an own codebook, old data).
            taken = [name for name in ("codebook.json", "documents", "annotations")
                     if (root / name).exists() and not _empty_dir(root / name)]
            if taken:
                raise AnnotatorError(f"{root}: already holds {', '.join(taken)}; choose an "
                                     "empty or new folder")
        source = Path(codebook_path) if codebook_path else default_codebook_path()
        load_codebook(source)  # refuse a bad codebook before creating anything
        try:
            root.mkdir(parents=True, exist_ok=True)
            (root / "documents").mkdir(exist_ok=True)
            (root / "annotations").mkdir(exist_ok=True)
        except OSError as exc:
            raise AnnotatorError(f"{exc.filename or root}: cannot create the project "
                                 f"({plain_reason(exc)})") from None
        atomic_write_json(root / "codebook.json", read_json(source), backup=False)
        meta = {
            "format_version": PROJECT_FORMAT_VERSION,
            "name": name or root.resolve().name,
            "created": now_iso(),
            "codebook": "codebook.json",
            "offset_unit": "codepoint",
            "text_policy": (policy or TextPolicy()).to_dict(),
        }
        atomic_write_json(root / PROJECT_FILE, meta, backup=False)
        return cls(root, meta)

    @classmethod
    def open(cls, root: Path) -> Project:
        root = Path(root)
        path = root / PROJECT_FILE
        if not path.is_file():
            raise AnnotatorError(f"{root}: not an annotator project (no {PROJECT_FILE}); "
                                 "create one with 'annotator init'")
        meta = read_json(path)
        if not isinstance(meta, dict):
            raise AnnotatorError(f"{path}: expected a JSON object")
        version = meta.get("format_version")
        if not isinstance(version, int) or version > PROJECT_FORMAT_VERSION:
            raise AnnotatorError(f"{path}: project format {version!r} is not one this version "
                                 f"of annotator reads (up to {PROJECT_FORMAT_VERSION})")
        return cls(root, meta)

    @staticmethod
    def is_project(path: Path) -> bool:
        return (Path(path) / PROJECT_FILE).is_file()

    # -- properties -------------------------------------------------------------------------
    @property
    def name(self) -> str:
        return str(self.meta.get("name") or self.root.name)

    @property
    def codebook_path(self) -> Path:
        return self.root / str(self.meta.get("codebook") or "codebook.json")

    @property
    def codebook(self) -> Codebook:
        if self._codebook is None:
            self._codebook = load_codebook(self.codebook_path)
        return self._codebook

    @property
    def text_policy(self) -> TextPolicy:
        try:
            return TextPolicy.from_dict(self.meta.get("text_policy"))
        except ValueError as exc:
            raise AnnotatorError(f"{self.root / PROJECT_FILE}: {exc}") from None

    @property
    def documents_dir(self) -> Path:
        return self.root / "documents"

    @property
    def annotations_dir(self) -> Path:
        return self.root / "annotations"

    @property
    def state_dir(self) -> Path:
        return self.root / ".annotator"

    # -- documents --------------------------------------------------------------------------
    def document_path(self, doc_id: str) -> Path:
        if not is_safe_id(doc_id):
            raise AnnotatorError(f"{doc_id!r} is not a valid document id")
        return self.documents_dir / f"{doc_id}.json"

    def document_ids(self) -> list[str]:
        if not self.documents_dir.is_dir():
            return []
        ids = [e.name[:-5] for e in os.scandir(self.documents_dir)
               if e.name.endswith(".json") and not e.name.startswith(".") and e.is_file()]
        return sorted(ids)

    def has_document(self, doc_id: str) -> bool:
        return is_safe_id(doc_id) and self.document_path(doc_id).is_file()

    def load_document(self, doc_id: str) -> Document:
        path = self.document_path(doc_id)
        if not path.is_file():
            raise AnnotatorError(f"{self.root}: no document {doc_id!r}")
        data = read_json(path)
        problems = document_problems(data, doc_id)
        if problems:
            raise AnnotatorError(f"{path}: " + "; ".join(problems))
        return Document.from_dict(data)

    def document_sha256(self, doc_id: str) -> str | None:
        """The SHA-256 of the text stored as ``doc_id``; None if there is none or it cannot be
        read (for telling a second import of the same text from a new one)."""
        try:
            return self.load_document(doc_id).sha256
        except AnnotatorError:
            return None

    def store_documents(self, documents: Sequence[Document]) -> BatchReport:
        """Add a batch of new documents (see ``storage.batch``): never over an existing one;
        a document whose id was taken meanwhile gets the next free id, one whose text is
        there under its id is not added again. Stops at the first failure (a full disk)
        and says in the report what was written and what was not."""
        unsafe = next((d.id for d in documents if not is_safe_id(d.id)), None)
        if unsafe is not None:
            raise AnnotatorError(f"{unsafe!r} is not a valid document id")
        self.documents_dir.mkdir(exist_ok=True)
        return store_documents(self.documents_dir, documents, project_root=self.root)

    def add_documents(self, documents: Iterable[Document]) -> list[str]:
        """Store new documents; returns the ids written. Never overwrites an existing document:
        one with the same id and another text is refused, before anything is written unless
        it appeared meanwhile (then the message says what was written)."""
        documents = list(documents)
        for doc in documents:
            path = self.document_path(doc.id)
            if path.exists() and self.document_sha256(doc.id) != doc.sha256:
                raise AnnotatorError(f"{path}: a document with id {doc.id!r} already exists")
        self.documents_dir.mkdir(exist_ok=True)
        report = store_documents(self.documents_dir, documents, project_root=self.root,
                                 rename_taken=False)
        if report.stopped:
            raise AnnotatorError(stopped_message(report))
        return report.written

    # -- annotations ------------------------------------------------------------------------
    def coders(self) -> list[str]:
        if not self.annotations_dir.is_dir():
            return []
        return sorted(e.name for e in os.scandir(self.annotations_dir)
                      if e.is_dir() and is_safe_id(e.name))

    def annotation_path(self, coder: str, doc_id: str) -> Path:
        coder = check_coder_name(coder)  # the checked (stripped) name, not "bob\n"
        if not is_safe_id(doc_id):
            raise AnnotatorError(f"{doc_id!r} is not a valid document id")
        return self.annotations_dir / coder / f"{doc_id}.json"

    def annotation_files(self, coder: str | None = None) -> Iterator[tuple[str, str, Path]]:
        """(coder, document id, path) of every annotation file, sorted."""
        for c in ([coder] if coder else self.coders()):
            folder = self.annotations_dir / c
            if not folder.is_dir():
                continue
            for name in sorted(os.listdir(folder)):
                if name.endswith(".json") and not name.startswith("."):
                    yield c, name[:-5], folder / name

    def new_annotation_set(self, coder: str, document: Document) -> AnnotationSet:
        return AnnotationSet.new(document, check_coder_name(coder),
                                 CodebookRef(**self.codebook.ref()))

    def load_annotations(self, coder: str, document: Document,
                         ) -> tuple[AnnotationSet, list[Issue]]:
        """The coder's set for ``document`` (a new empty one if none), and its issues.

        Structural problems raise ``AnnotatorError``: such a file cannot be edited safely and is
        left untouched on disk.
        """
        path = self.annotation_path(coder, document.id)
        if not path.is_file():
            return self.new_annotation_set(coder, document), []
        data = read_json(path)
        broken = structural_issues(data)
        if broken:
            raise AnnotatorError(f"{path}: cannot be opened:\n  - "
                                 + "\n  - ".join(str(i) for i in broken[:20]))
        issues = semantic_issues(data, document=document, codebook=self.codebook)
        owner = check_coder_name(coder)
        misfiled = misfiled_issue(data, owner)
        if misfiled is not None:
            issues.append(misfiled)
        aset = AnnotationSet.from_dict(data)
        # A file copied between coders' folders: saving it must not write into the folder of
        # the coder named inside (overwriting their work), so it stays where it was found and
        # is saved as the folder's coder.
        aset.coder = owner
        return aset, issues

    def save_annotations(self, aset: AnnotationSet, document: Document) -> list[Issue]:
        """Validate and write atomically (keeping a backup). Refuses, writing nothing, when the
        set has errors; returns the remaining issues (warnings, todo)."""
        data = aset.to_dict()
        data["status"] = aset.status_when_saved()
        issues = self.save_annotation_data(aset.coder, document, data)
        aset.status = data["status"]  # only once written: a refused save changes nothing
        return issues

    def save_annotation_data(self, coder: str, document: Document,
                             data: dict[str, Any]) -> list[Issue]:
        """Write one set as it goes to disk (``AnnotationSet.to_dict``, status decided):
        validated once, written once through the atomic routine. Refuses, writing nothing,
        when it has errors; returns the remaining issues (warnings, todo)."""
        issues = validate_annotation_data(data, document=document, codebook=self.codebook)
        errors = [i for i in issues if i.severity == ERROR and not _tolerated(i)]
        if errors:
            raise AnnotatorError("not saved: the annotations have problems:\n  - "
                                 + "\n  - ".join(str(i) for i in errors[:20]))
        path = self.annotation_path(coder, document.id)
        path.parent.mkdir(parents=True, exist_ok=True)
        atomic_write_json(path, data)
        return issues

    def status_of(self, coder: str, doc_id: str) -> str:
        """Quick status read for lists; 'not_started' when there is no file or it is unreadable."""
        path = self.annotation_path(coder, doc_id)
        if not path.is_file():
            return "not_started"
        try:
            data = read_json(path)
        except AnnotatorError:
            return "unreadable"
        status = data.get("status") if isinstance(data, dict) else None
        return status if isinstance(status, str) else "unreadable"

    def copy_to(self, target: Path) -> Project:
        shutil.copytree(self.root, target, ignore=shutil.ignore_patterns(".annotator", "*.lock"))
        return Project.open(target)


def _empty_dir(path: Path) -> bool:
    return path.is_dir() and not any(path.iterdir())


def _tolerated(issue: Issue) -> bool:
    # A codebook or document change made elsewhere must not stop a coder saving their work.
    return issue.where in ("$.codebook.id", "$.document.sha256")


def misfiled_issue(data: Any, folder_coder: str) -> Issue | None:
    """The error of an annotation file in ``annotations/<folder_coder>/`` that names another
    coder inside (copied or moved by hand): ``None`` when it names ``folder_coder``, or names
    no coder at all (the schema reports that). One check, so opening, ``validate`` and export
    say the same thing; each names the file before the message."""
    named = data.get("coder") if isinstance(data, dict) else None
    if not isinstance(named, str) or named == folder_coder:
        return None
    return Issue(ERROR, MISFILED_WHERE,
                 f"names coder {named!r} but is in the folder of coder {folder_coder!r}: move "
                 f"it to the folder of {named!r}, or open and save it as coder "
                 f"{folder_coder!r} to make it theirs")


def document_problems(data: Any, expected_id: str | None = None) -> list[str]:
    if not isinstance(data, dict):
        return ["expected a JSON object"]
    problems = []
    if not isinstance(data.get("text"), str):
        return ["no text"]
    if not isinstance(data.get("id"), str) or not is_safe_id(data["id"]):
        problems.append(f"invalid id {data.get('id')!r}")
    elif expected_id is not None and data["id"] != expected_id:
        problems.append(f"holds document {data['id']!r}, but its file name says {expected_id!r}")
    if data.get("sha256") and data["sha256"] != sha256_text(data["text"]):
        problems.append("the text does not match its SHA-256 (edited by hand?)")
    if not isinstance(data.get("meta", {}), dict):
        problems.append("meta must be an object")
    return problems
