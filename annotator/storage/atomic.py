"""The one way files are saved: write a temp file beside the target, fsync, rename over it.

After a crash or power loss at any moment the target holds either the old or the new complete
content, never a mix, and is never missing. The previous version is kept as ``<name>.bak``.
A crash can leave a temp file behind; ``cleanup_stale_temps`` recognises and removes those, and
saves remove those of their folder.

A save never leaves the project through a symbolic link (``confine``) and never replaces a file
that was made read-only (``ReadOnlyFileError``, reported like a lock).
"""

from __future__ import annotations

import contextlib
import errno
import hashlib
import os
import re
import secrets
import shutil
import socket
import stat
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any

from annotator.core.jsonio import dump_bytes
from annotator.errors import AnnotatorError
from annotator.storage.confine import check_inside_project
from annotator.storage.oserrors import plain_reason
from annotator.storage.readers import read_json_file

BACKUP_SUFFIX = ".bak"
# .<name>.<host tag>-<pid>.<random>.tmp; .bak.tmp for a backup being made, .stale.tmp for a
# stale lock being removed (see ``lock``).
_TEMP_RE = re.compile(
    r"^\.(?P<name>.*)\.(?P<host>[0-9a-f]{6})-(?P<pid>\d+)\.[0-9a-f]{8}\.(?:bak\.|stale\.)?tmp$")
# Room left for the name inside a temp file name, in UTF-8 bytes (file names max out at 255).
_TEMP_NAME_BYTES = 120
# A temp file from another machine (a shared folder) is only removed once surely abandoned.
FOREIGN_TEMP_MAX_AGE = 24 * 3600.0


def host_tag() -> str:
    """Six hex digits naming this machine, so temp names from a shared folder's other users
    are told apart from ours (their pids mean nothing here)."""
    return hashlib.sha256(socket.gethostname().encode("utf-8", "replace")).hexdigest()[:6]


def pid_alive(pid: int) -> bool:
    """Whether a process with this id exists on this machine."""
    if pid <= 0:
        return False
    if pid == os.getpid():
        return True
    if sys.platform == "win32":
        # os.kill(pid, 0) would terminate the process on Windows: ask for a handle instead.
        import ctypes

        kernel32 = ctypes.WinDLL("kernel32", use_last_error=True)
        handle = kernel32.OpenProcess(0x1000, False, pid)  # PROCESS_QUERY_LIMITED_INFORMATION
        if not handle:
            return ctypes.get_last_error() == 5  # ERROR_ACCESS_DENIED: it exists
        try:
            code = ctypes.c_ulong()
            kernel32.GetExitCodeProcess(handle, ctypes.byref(code))
            return code.value == 259  # STILL_ACTIVE
        finally:
            kernel32.CloseHandle(handle)
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # someone else's process
    return True


def is_temp_name(name: str) -> bool:
    """Whether a file name is one of ``atomic_write``'s temp files."""
    return _TEMP_RE.match(name) is not None


def _temp_stem(name: str) -> str:
    """The part of a file name its temp names carry (cut to fit the 255-byte limit)."""
    return name.encode("utf-8")[:_TEMP_NAME_BYTES].decode("utf-8", "ignore")


def temp_name(name: str, owner: str, token: int, extra: str = "") -> str:
    """The temp name of the file ``name`` for ``owner`` (``temp_owner()``), ``token`` telling
    apart the temps of one owner (32 bits)."""
    return f".{_temp_stem(name)}.{owner}.{token & 0xFFFFFFFF:08x}.{extra}tmp"


def temp_owner() -> str:
    """This machine and process, as temp names carry them."""
    return f"{host_tag()}-{os.getpid()}"


def temp_path(path: Path, extra: str = "") -> Path:
    """A unique temp name beside ``path`` that ``cleanup_stale_temps`` recognises."""
    return path.with_name(temp_name(path.name, temp_owner(), secrets.randbits(32), extra))


def _fsync_dir(folder: Path) -> None:
    """Make a rename durable. Windows cannot open folders for this; some filesystems refuse."""
    if os.name == "nt":
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    except OSError as exc:
        if exc.errno not in (errno.EINVAL, errno.ENOTSUP, errno.EBADF):
            raise
    finally:
        os.close(fd)


def _replace(src: Path, dst: Path) -> None:
    """``os.replace``, retried briefly on Windows where a virus scanner or indexer may hold the
    target open for a moment (PermissionError / ERROR_ACCESS_DENIED)."""
    attempts = 20 if os.name == "nt" else 1
    for attempt in range(attempts):
        try:
            os.replace(src, dst)
            return
        except PermissionError:
            if attempt == attempts - 1:
                raise
            time.sleep(0.05)


def _make_backup(path: Path, backup: Path) -> None:
    """Keep the current ``path`` as ``backup`` without ever moving ``path`` away.

    A hard link to a temp name, renamed onto the backup, costs no copy; filesystems without hard
    links (FAT, some network shares) get a copy instead.
    """
    tmp = temp_path(path, "bak.")
    try:
        try:
            os.link(path, tmp)
        except OSError:
            shutil.copyfile(path, tmp)
            with open(tmp, "rb+") as f:
                os.fsync(f.fileno())
        _replace(tmp, backup)
    finally:
        # rename() between two links to one file does nothing and leaves tmp: remove it.
        tmp.unlink(missing_ok=True)


_reason = plain_reason  # the name other modules import


class ReadOnlyFileError(AnnotatorError):
    """The file to be replaced was made read-only: respected like a lock, never overwritten."""


def atomic_write(path: Path, data: bytes, *, backup: bool = True) -> None:
    """Replace the content of ``path`` with ``data`` atomically and durably.

    With ``backup`` the previous content (if any) is kept as ``<name>.bak``. The file keeps its
    permission bits; a symlink keeps pointing at the file, which is what gets replaced.
    Any failure raises ``AnnotatorError`` and leaves ``path`` as it was and no temp file.
    One code path with ``atomic_open``, so both keep the same guarantees.
    """
    with atomic_open(path, "wb", backup=backup) as fh:
        fh.write(data)


def atomic_write_json(path: Path, data: Any, *, backup: bool = True) -> None:
    """Save ``data`` as deterministic JSON (see ``jsonio``) with ``atomic_write``."""
    atomic_write(path, dump_bytes(data), backup=backup)


def read_json(path: Path) -> Any:
    """Read a JSON file; any problem (missing, unreadable, not UTF-8, NUL bytes, bad JSON, nested
    too deeply) is an ``AnnotatorError`` naming the file. Only reads: never writes the file."""
    return read_json_file(Path(path))


def find_stale_temps(folder: Path, *, foreign_max_age: float = FOREIGN_TEMP_MAX_AGE
                     ) -> list[Path]:
    """Temp files that crashed saves left in ``folder``.

    A temp from this machine is stale when its process is gone; one from another machine
    (a shared folder) when it is older than ``foreign_max_age`` seconds.
    """
    found: list[Path] = []
    ours = host_tag()
    try:
        names = os.listdir(folder)  # names only; the few temps among them are stat-ed
    except OSError:
        return found
    now = time.time()
    for name in names:
        m = _TEMP_RE.match(name) if name.startswith(".") else None
        if not m:
            continue
        path = os.path.join(folder, name)
        try:
            st = os.lstat(path)
        except OSError:
            continue
        if not stat.S_ISREG(st.st_mode):
            continue
        if m["host"] == ours:
            stale = not pid_alive(int(m["pid"]))
        else:
            stale = now - st.st_mtime > foreign_max_age
        if stale:
            found.append(Path(path))
    return found


def cleanup_stale_temps(folder: Path, *, foreign_max_age: float = FOREIGN_TEMP_MAX_AGE
                        ) -> list[Path]:
    """Remove what ``find_stale_temps`` finds; return the removed paths. Other files are never
    touched."""
    removed: list[Path] = []
    for path in find_stale_temps(folder, foreign_max_age=foreign_max_age):
        try:
            os.unlink(path)
        except OSError:
            continue  # gone already, or not ours to fight over: tried again next time
        removed.append(path)
    return removed


# A save or a batch looks for stale temps in its folder at most this often (seconds, per
# process): the listing costs 1-3 ms in a folder of 3,000 files, which a bulk import would pay
# per file (an annotation import that adds documents stores them one batch per document).
CLEAN_INTERVAL = 10.0
_last_cleaned: dict[str, float] = {}


def clean_stale_temps_at_times(folder: Path) -> None:
    """``cleanup_stale_temps`` of ``folder``, unless this process did it less than
    ``CLEAN_INTERVAL`` seconds ago."""
    key = os.fspath(folder)
    now = time.monotonic()
    last = _last_cleaned.get(key)
    if last is not None and now - last < CLEAN_INTERVAL:
        return
    _last_cleaned[key] = now
    cleanup_stale_temps(folder)


@contextlib.contextmanager
def atomic_open(path: Path, mode: str = "wb", *, backup: bool = False,
                encoding: str = "utf-8", durable: bool = True) -> Iterator[IO[Any]]:
    """``atomic_write`` for content streamed in pieces (an export too large to hold in memory).

    Yields a file object (``mode`` ``"wb"``, or ``"w"``: text in ``encoding`` with no newline
    translation) on a temp file beside ``path``. When the block ends normally the file is
    flushed, fsynced and renamed over ``path`` (keeping ``<name>.bak`` with ``backup``); when it
    raises, the temp file is removed and ``path`` is left as it was.

    ``durable=False`` skips both fsyncs (file and folder): for many small files in a private
    staging folder that the caller makes durable at once (``os.sync()``) before publishing it.
    """
    if mode not in ("w", "wb"):
        raise ValueError(f"atomic_open writes whole files: mode must be 'w' or 'wb', not {mode!r}")
    path = Path(path)
    check_inside_project(path)
    if path.is_symlink():
        path = Path(os.path.realpath(path))
    tmp = temp_path(path)
    try:
        try:
            old_mode: int | None = stat.S_IMODE(os.stat(path).st_mode)
        except FileNotFoundError:
            old_mode = None
        if old_mode is not None and not old_mode & 0o222:
            raise ReadOnlyFileError(
                f"{path} is read-only (mode {old_mode:03o}): not saved. It was protected "
                "against changes; make it writable (chmod u+w) if it should change.")
        fh: IO[Any] = (open(tmp, "xb") if mode == "wb"
                       else open(tmp, "x", encoding=encoding, newline=""))
        try:
            yield fh
            fh.flush()
            if old_mode is not None and os.name != "nt":
                os.fchmod(fh.fileno(), old_mode)
            if durable:
                os.fsync(fh.fileno())
        finally:
            fh.close()
        if backup and old_mode is not None:
            bak = path.with_name(path.name + BACKUP_SUFFIX)
            try:
                _make_backup(path, bak)
            except OSError as exc:
                raise AnnotatorError(
                    f"{path}: cannot save the file, because the previous version cannot be kept "
                    f"as {bak.name} ({_reason(exc)}); the file is unchanged") from exc
        _replace(tmp, path)
        if durable:
            _fsync_dir(path.parent)
    except OSError as exc:
        raise AnnotatorError(f"{path}: cannot save the file ({_reason(exc)}); the previous "
                             "version is unchanged") from exc
    finally:
        try:
            tmp.unlink(missing_ok=True)
        except OSError:
            pass  # cleanup_stale_temps will find it
    # Saved: temps that killed saves left in this folder go now, not only on opening.
    clean_stale_temps_at_times(path.parent)
