"""The output side of an export: a staging folder inside the output folder, the streams and
files written into it (hashed and counted for ``SHA256SUMS`` and the card), and its publication.

Nothing becomes visible until ``Staging.commit`` moves every staged entry into the output
folder; ``Staging.abort`` removes the staging folder whole. ``prepare_output`` decides, before
anything is written, which entries of a previous export may be replaced.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import re
import secrets
import shutil
import time
from collections.abc import Callable, Iterator
from contextlib import ExitStack
from pathlib import Path
from typing import IO, Any

from annotator.errors import AnnotatorError
from annotator.formats.export.report import CARD_JSON, CARD_MD, CHECKSUMS, ExportedFile
from annotator.formats.registry import FileWriter, OutputSink
from annotator.storage.atomic import (
    FOREIGN_TEMP_MAX_AGE,
    _fsync_dir,
    _reason,
    atomic_open,
    atomic_write,
    host_tag,
    pid_alive,
    read_json,
)

# Files listed one by one in the card; beyond this (brat: two per document) see SHA256SUMS.
CARD_FILE_LIMIT = 200
STAGING_PREFIX = ".export-"


class Refused(Exception):
    """Raised into the staging streams to make every temp file disappear."""


class HashingWriter:
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


class RewritableWriter(HashingWriter):
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


class StagedFiles(FileWriter):
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
            # (In a worker process: the message must name the output folder already.)
            raise write_failure(self.root.parent, exc) from exc
        self.records.append((relpath, hashlib.sha256(data).hexdigest(), len(data)))

    def take(self) -> list[tuple[str, str, int]]:
        records, self.records = self.records, []
        return records


# Create or truncate, never through a symlink.
_CREATE = (os.O_WRONLY | os.O_CREAT | os.O_TRUNC | getattr(os, "O_NOFOLLOW", 0)
           | getattr(os, "O_CLOEXEC", 0) | getattr(os, "O_BINARY", 0))


class Staging(OutputSink):
    """Files of one export, written under a hidden folder inside the output folder and moved
    into place by ``commit``; ``abort`` removes everything. Streams go through
    ``atomic_open`` (or, for a stream its exporter may start again, straight into the folder
    and fsynced at the end), small files through ``atomic_write``, per-document files
    (``StagedFiles``) straight into the folder, followed by one sync of the whole folder."""

    def __init__(self, output: Path) -> None:
        self.output = output
        self.dir = output / (f"{STAGING_PREFIX}{host_tag()}-{os.getpid()}-"
                             f"{secrets.token_hex(4)}.tmp")
        self.dir.mkdir(parents=True)
        self._stack = ExitStack()
        self._writers: list[HashingWriter] = []
        self.files: list[ExportedFile] = []  # the first CARD_FILE_LIMIT, for the card
        self.file_count = 0
        self.unsynced = False
        self.top_level: set[str] = set()
        try:
            self._sums = self._open(CHECKSUMS, record=False)
        except BaseException:
            self.abort()
            raise

    def _open(self, relpath: str, *, record: bool = True) -> HashingWriter:
        path = self._path(relpath)
        raw = self._stack.enter_context(atomic_open(path, "wb"))

        def done(sha: str, size: int) -> None:
            if record:
                self.record(relpath, sha, size)
        writer = HashingWriter(raw, done)
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

    def rewritable_stream(self, relpath: str) -> RewritableWriter:
        """``stream`` for an exporter that may start its file again (``restart``)."""
        writer = RewritableWriter(self._path(relpath),
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
        """Remove everything staged. Closing a stream may fail too (a full disk): the files
        go all the same, and the error that made the export stop is the one reported."""
        try:
            self._stack.__exit__(Refused, Refused(), None)
        except (OSError, AnnotatorError):
            pass
        finally:
            shutil.rmtree(self.dir, ignore_errors=True)



def write_failure(output: Path, exc: OSError) -> AnnotatorError:
    """The error of an export that could not be written into ``output``: it names the output
    folder, not a file of the hidden staging folder (gone by the time the user reads it)."""
    return AnnotatorError(f"{output}: cannot write the export ({_reason(exc)}); nothing was "
                          "written")


def check_write_failure(output: Path, exc: OSError | AnnotatorError) -> None:
    """Raise ``write_failure`` if ``exc`` is a failure to write into ``output``: an ``OSError``,
    or an ``AnnotatorError`` naming a file in ``output`` because of one."""
    cause = exc if isinstance(exc, OSError) else exc.__cause__
    if isinstance(cause, OSError) and (exc is cause or str(exc).startswith(os.fspath(output))):
        raise write_failure(output, cause) from exc


# A staging folder's name: .export-<host tag>-<pid>-<random>.tmp (older versions: no host tag).
_STAGING_RE = re.compile(r"^\.export-(?:(?P<host>[0-9a-f]{6})-)?(?P<pid>\d+)-[0-9a-f]{8}\.tmp$")


def remove_stale_staging(output: Path) -> list[str]:
    """Remove the staging folders that stopped exports (killed, or a crash) left in
    ``output``; returns their names. One of this machine is stale when its process is gone;
    one of another machine (a shared folder) once it is older than a day. A folder whose
    export is still running is left alone."""
    removed: list[str] = []
    ours = host_tag()
    try:
        entries = list(os.scandir(output))
    except OSError:
        return removed
    for entry in entries:
        m = _STAGING_RE.match(entry.name)
        if m is None or not entry.is_dir(follow_symlinks=False):
            continue
        if m["host"] in (None, ours):
            stale = not pid_alive(int(m["pid"]))
        else:
            try:
                age = time.time() - entry.stat(follow_symlinks=False).st_mtime
            except OSError:
                continue
            stale = age > FOREIGN_TEMP_MAX_AGE
        if stale:
            shutil.rmtree(entry.path, ignore_errors=True)
            if not os.path.lexists(entry.path):
                removed.append(entry.name)
    return sorted(removed)


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


def prepare_output(output: Path, overwrite: bool) -> set[str]:
    """Check the output folder; returns the entries a previous export left (to replace)."""
    if output.exists() and not output.is_dir():
        raise AnnotatorError(f"{output}: exists and is not a folder; exports write a folder")
    if not output.exists():
        return set()
    entries = {n for n in os.listdir(output) if not n.startswith(STAGING_PREFIX)}
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


