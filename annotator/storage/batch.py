"""Adding a batch of new documents to a project: exclusive, whole or absent, and fast.

Every document is first written to a temp file beside its final name, without an fsync each;
then one sync makes all of them durable (``syncfs`` of the project's disk where the system has
it, else ``sync``, else an fsync per file); then each is published by a hard link to its final
name, which fails if the name exists, and the folder is synced once. So:

- two imports at once never overwrite each other's documents (the link is the claim on a name:
  the one that loses takes the next free id, or finds its text already there);
- after a kill or power loss at any moment a document file is whole or absent (it gets its
  name only once its content is on disk), and what is left is temp files that the next batch,
  save or ``validate`` removes;
- a batch costs a constant number of syncs, not two per document.

A batch that stops part-way (a full disk, any refusal of the system) says exactly which
documents were written and which were not.
"""

from __future__ import annotations

import ctypes
import errno
import os
import secrets
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from annotator.core.jsonio import dump_document_bytes
from annotator.core.model import Document
from annotator.core.text import sha256_text
from annotator.errors import AnnotatorError
from annotator.storage.atomic import (
    _fsync_dir,
    clean_stale_temps_at_times,
    temp_name,
    temp_owner,
)
from annotator.storage.confine import check_inside_project
from annotator.storage.oserrors import plain_reason
from annotator.storage.readers import read_json_file

WRITTEN, ALREADY, NOT_WRITTEN = "written", "already there", "not written"
_CREATE = (os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0)
           | getattr(os, "O_CLOEXEC", 0) | getattr(os, "O_BINARY", 0))
# Errors of os.link that mean "this filesystem has no hard links" (FAT, some network shares).
_NO_LINKS = {errno.EPERM, errno.ENOTSUP, errno.EOPNOTSUPP, errno.ENOSYS}


@dataclass
class Outcome:
    """What became of one document of a batch: ``id`` is the id it has in the project (its own,
    another one if its id was taken meanwhile, or the one that already holds its text)."""

    index: int
    asked: str
    id: str
    status: str


@dataclass
class BatchReport:
    outcomes: list[Outcome] = field(default_factory=list)
    stopped: str = ""  # why the batch stopped before its end; empty if it did not

    def ids(self, status: str) -> list[str]:
        return [o.id for o in self.outcomes if o.status == status]

    @property
    def written(self) -> list[str]:
        return self.ids(WRITTEN)

    @property
    def renamed(self) -> list[Outcome]:
        """Documents written under another id than asked: theirs was taken meanwhile."""
        return [o for o in self.outcomes if o.status == WRITTEN and o.id != o.asked]


def some_ids(ids: Sequence[str], limit: int = 10) -> str:
    """The first ``limit`` ids, and how many more, for messages about large batches."""
    shown = ", ".join(ids[:limit])
    return shown + (f" and {len(ids) - limit:,} more" if len(ids) > limit else "")


def stopped_message(report: BatchReport) -> str:
    """What a batch that stopped part-way did and did not write, and why it stopped."""
    written, missing = report.written, report.ids(NOT_WRITTEN)
    return (f"stopped: {report.stopped}. Written before that: {len(written):,} document(s)"
            + (f" ({some_ids(written)})" if written else "")
            + f"; not written: {len(missing):,} ({some_ids(missing)}).")


class DocumentExistsError(AnnotatorError):
    """A document of the batch has the id of one in the project with another text."""


def store_documents(folder: Path, documents: Sequence[Document], *, project_root: Path,
                    rename_taken: bool = True) -> BatchReport:
    """Add ``documents`` to the documents folder ``folder`` (see the module's description).

    A document whose id exists with the same text is ``ALREADY`` there; with another text it
    gets the next free id (``id-2``...) when ``rename_taken`` (``Document.id`` is updated),
    else the batch stops there. Anything that stops the batch (that, or an ``OSError``) is
    told in ``stopped``; the documents published before stay (each is whole), the rest are
    ``NOT_WRITTEN``.
    """
    report = BatchReport([Outcome(i, d.id, d.id, NOT_WRITTEN) for i, d in enumerate(documents)])
    check_inside_project(folder, project_root)
    clean_stale_temps_at_times(folder)  # temps of batches that were killed
    if not documents:
        return report
    files = _Files(os.fspath(folder))
    staged: list[tuple[int, str]] = []
    published = 0  # how many of ``staged`` went to ``publish``, which leaves no temp behind
    try:
        try:
            for i, doc in enumerate(documents):
                staged.append((i, files.write_temp(doc)))
        except _WriteError as exc:
            report.stopped = str(exc)  # those written before are whole: they go in
        try:
            _sync(folder, bool(staged))
        except _WriteError as exc:
            report.stopped = str(exc)
            return report  # nothing is known to be durable: nothing is published
        for i, tmp in staged:
            outcome = report.outcomes[i]
            published += 1
            try:
                outcome.id, outcome.status = files.publish(tmp, documents[i], rename_taken)
            except (_WriteError, DocumentExistsError) as exc:
                report.stopped = str(exc)
                break
            except OSError as exc:
                report.stopped = (f"{files.final(documents[i].id)}: cannot save the file "
                                  f"({plain_reason(exc)})")
                break
        if report.written:
            _fsync_dir(folder)
    except OSError as exc:
        report.stopped = f"{folder}: cannot make the new documents durable ({plain_reason(exc)})"
    finally:
        for _, tmp in staged[published:]:
            _remove(tmp)
    return report


class _WriteError(OSError):
    """A write of the batch failed; the message names the file and the reason."""

    def __str__(self) -> str:
        return str(self.args[0])


class _Files:
    """The files of one batch in one folder: temp files, then their final names. Plain string
    paths: at thousands of documents, pathlib was a third of the time spent here."""

    def __init__(self, folder: str) -> None:
        self.prefix = os.path.join(folder, "")  # the folder and a separator: names go after it
        self.owner = temp_owner()
        self.token = secrets.randbits(32)
        self.links = True  # until the filesystem says it has none

    def final(self, doc_id: str) -> str:
        return f"{self.prefix}{doc_id}.json"

    def write_temp(self, doc: Document, *, fsync: bool = False) -> str:
        """The document's JSON in a new temp file beside its final name, fsynced if asked or
        where no sync of the whole disk exists."""
        self.token += 1
        tmp = self.prefix + temp_name(doc.id + ".json", self.owner, self.token)
        try:
            fd = os.open(tmp, _CREATE, 0o666)
            try:
                data = dump_document_bytes(doc.to_dict())
                written = os.write(fd, data)
                if written < len(data):  # a short write (a signal, a full quota): the rest
                    view = memoryview(data)[written:]
                    while view:
                        view = view[os.write(fd, view):]
                if fsync or _SYNC is None:
                    os.fsync(fd)
            finally:
                os.close(fd)
        except OSError as exc:
            _remove(tmp)
            raise _WriteError(f"{self.final(doc.id)}: cannot save the file "
                              f"({plain_reason(exc)})") from exc
        return tmp

    def publish(self, tmp: str, doc: Document, rename_taken: bool) -> tuple[str, str]:
        """(id, status) of ``doc``, whose content is in ``tmp``. ``tmp`` is gone afterwards,
        whatever happens: it became the document, or it was removed."""
        base, n = doc.id, 2
        source = tmp  # the temp file holding the content under the id tried now
        try:
            while True:
                final = self.final(doc.id)
                if self._claim(source, final):
                    source = ""
                    return doc.id, WRITTEN
                if _same_text(final, doc.sha256):
                    return doc.id, ALREADY
                if not rename_taken:
                    raise DocumentExistsError(f"{final}: a document with id {doc.id!r} and "
                                              "another text already exists")
                # Taken meanwhile (another import at the same time): the next free id, as a
                # later import would have chosen. Its content names the id: write it again.
                doc.id = f"{base}-{n}"
                n += 1
                _remove(source)
                source = ""
                source = self.write_temp(doc, fsync=True)
        finally:
            if source:
                _remove(source)

    def _claim(self, tmp: str, final: str) -> bool:
        """Give ``tmp`` the name ``final`` (True: ``tmp`` is gone) unless it is taken (False)."""
        if self.links:
            try:
                os.link(tmp, final)
            except FileExistsError:
                return False
            except OSError as exc:
                if exc.errno not in _NO_LINKS:
                    raise
                self.links = False
            else:
                _remove(tmp)
                return True
        # No hard links here: a look then a rename (two imports at once may still race here).
        if os.path.lexists(final):
            return False
        os.rename(tmp, final)
        return True


def _syncfs() -> Any:
    """``syncfs(2)`` where the C library has it (Linux): it syncs only the disk of the project,
    where ``sync`` would wait for every disk of the machine."""
    if not hasattr(ctypes, "CDLL") or os.name == "nt":
        return None
    try:
        func = ctypes.CDLL(None, use_errno=True).syncfs
    except (OSError, AttributeError):
        return None
    func.argtypes = [ctypes.c_int]
    return func


_SYNCFS = _syncfs()
_SYNC = _SYNCFS or getattr(os, "sync", None)


def _sync(folder: Path, anything: bool) -> None:
    """Make the temp files' data durable with one call (nothing to do if each was fsynced)."""
    if not anything or _SYNC is None:
        return
    try:
        if _SYNCFS is not None:
            fd = os.open(folder, os.O_RDONLY)
            try:
                if _SYNCFS(fd) != 0:
                    code = ctypes.get_errno()
                    raise OSError(code, os.strerror(code))
            finally:
                os.close(fd)
        else:
            os.sync()
    except OSError as exc:
        raise _WriteError(f"{folder}: cannot make the new documents durable "
                          f"({plain_reason(exc)})") from exc


def _same_text(path: str, sha256: str) -> bool:
    """Whether the document file at ``path`` holds the text with ``sha256``."""
    try:
        data = read_json_file(Path(path))
    except AnnotatorError:
        return False
    text = data.get("text") if isinstance(data, dict) else None
    return isinstance(text, str) and sha256_text(text) == sha256


def _remove(path: str) -> None:
    try:
        os.unlink(path)
    except OSError:
        pass  # gone already; or cleanup_stale_temps removes it later
