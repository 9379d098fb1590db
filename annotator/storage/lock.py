"""A lock file that says who is editing an annotation file, so two coders do not overwrite each
other's work (two windows, two machines on a shared folder).

``<path>.lock`` is created with ``O_CREAT | O_EXCL`` (atomic on local disks and on NFS v3+) and
holds JSON naming the holder. A lock left by a crashed program on this machine (same host, the
process gone) is taken over; any other lock is reported, naming the holder.
"""

from __future__ import annotations

import getpass
import json
import os
import secrets
import socket
import time
from dataclasses import dataclass
from pathlib import Path
from types import TracebackType
from typing import Any, Self

from annotator.core.model import now_iso
from annotator.errors import AnnotatorError
from annotator.storage.atomic import pid_alive, temp_path
from annotator.storage.confine import check_inside_project
from annotator.storage.oserrors import plain_reason

LOCK_SUFFIX = ".lock"
# A lock file is written right after it is created; one still empty after this long is damaged.
_CREATE_GRACE_SECONDS = 2.0


@dataclass(frozen=True)
class LockInfo:
    host: str
    pid: int
    user: str
    created: str
    coder: str | None = None
    token: str = ""

    def describe(self) -> str:
        who = self.user + (f" (coder {self.coder})" if self.coder else "")
        return f"{who} on {self.host}, process {self.pid}, since {self.created}"

    def to_dict(self) -> dict[str, Any]:
        d: dict[str, Any] = {"host": self.host, "pid": self.pid, "user": self.user,
                             "created": self.created, "token": self.token}
        if self.coder:
            d["coder"] = self.coder
        return d

    @classmethod
    def from_dict(cls, data: Any) -> LockInfo | None:
        """``None`` for anything that is not a well-formed lock record."""
        if not isinstance(data, dict):
            return None
        host, pid, user = data.get("host"), data.get("pid"), data.get("user", "")
        if not isinstance(host, str) or not isinstance(pid, int) or isinstance(pid, bool):
            return None
        coder = data.get("coder")
        return cls(host=host, pid=pid, user=str(user), created=str(data.get("created", "")),
                   coder=coder if isinstance(coder, str) and coder else None,
                   token=str(data.get("token", "")))

    def is_stale(self) -> bool:
        """Left by a crashed program on this machine. Another machine's pid cannot be checked."""
        return self.host == socket.gethostname() and not pid_alive(self.pid)


class LockedError(AnnotatorError):
    """Someone else holds the lock; ``holder`` says who (``None`` if the lock is unreadable)."""

    def __init__(self, message: str, holder: LockInfo | None = None) -> None:
        super().__init__(message)
        self.holder = holder


def _current_user() -> str:
    try:
        return getpass.getuser()
    except (KeyError, OSError, ImportError):  # no USER/LOGNAME and no passwd entry (containers)
        return "unknown user"


class FileLock:
    """Lock ``path`` for editing with ``<path>.lock``; use as a context manager or
    ``acquire()`` / ``release()``. One object holds the lock at most once."""

    def __init__(self, path: Path, *, coder: str | None = None) -> None:
        self.path = Path(path)
        self.lock_path = self.path.with_name(self.path.name + LOCK_SUFFIX)
        self.coder = coder
        self._info: LockInfo | None = None

    @property
    def owned(self) -> bool:
        """Whether this object holds the lock (and the lock file on disk is still ours)."""
        if self._info is None:
            return False
        on_disk = self._read()
        return on_disk is not None and on_disk.token == self._info.token

    def holder(self) -> LockInfo | None:
        """Who holds the lock now, or ``None`` if nobody does (or the lock file is unreadable)."""
        return self._read()

    def acquire(self) -> None:
        """Take the lock, or raise ``LockedError`` naming the holder."""
        if self._info is not None:
            raise AnnotatorError(f"{self.path}: this lock is already held by this window")
        deadline = time.monotonic() + _CREATE_GRACE_SECONDS
        while True:
            info = LockInfo(host=socket.gethostname(), pid=os.getpid(), user=_current_user(),
                            created=now_iso(), coder=self.coder, token=secrets.token_hex(8))
            if self._create(info):
                self._info = info
                return
            held = self._read()
            if held is None:
                if self._young() and time.monotonic() < deadline:
                    time.sleep(0.02)  # created a moment ago, its content not yet written
                    continue
                if not self.lock_path.exists():
                    continue  # released while we looked
                raise self._locked(None)
            if held.is_stale():
                self._remove_stale(held)
                continue  # removed, or someone else took it over first: look again
            raise self._locked(held)

    def check_free(self) -> None:
        """Raise the ``LockedError`` that ``acquire`` would raise now, without taking the lock
        or changing anything (a crashed program's lock is left for ``acquire`` to take over):
        for checking a batch of files before writing any."""
        deadline = time.monotonic() + _CREATE_GRACE_SECONDS
        while os.path.lexists(self.lock_path):
            held = self._read()
            if held is None and self._young() and time.monotonic() < deadline:
                time.sleep(0.02)  # created a moment ago, its content not yet written
                continue
            if held is not None and held.is_stale():
                return
            if held is None and not os.path.lexists(self.lock_path):
                return  # released while we looked
            raise self._locked(held)

    def _locked(self, held: LockInfo | None) -> LockedError:
        if held is None:
            return LockedError(
                f"{self.path} is locked by {self.lock_path.name}, which cannot be read. If "
                f"nobody else has the file open, delete {self.lock_path} and try again.")
        return LockedError(
            f"{self.path} is being edited by {held.describe()}. Close it there first; if "
            f"that program is no longer running, delete {self.lock_path}.", held)

    def release(self) -> None:
        """Remove the lock file if it is ours; a lock taken over by someone else is left alone."""
        info, self._info = self._info, None
        if info is None:
            return
        on_disk = self._read()
        if on_disk is None or on_disk.token != info.token:
            return
        try:
            self.lock_path.unlink()
        except FileNotFoundError:
            pass
        except OSError as exc:
            raise AnnotatorError(
                f"{self.lock_path}: cannot remove the lock ({plain_reason(exc)})") from exc

    def break_lock(self) -> LockInfo | None:
        """Remove whatever lock is there (the user chose to, e.g. a holder whose pid was reused
        after a crash, or a lock from a machine that died). Returns who held it."""
        held = self._read()
        try:
            self.lock_path.unlink()
        except FileNotFoundError:
            pass
        except OSError as exc:
            raise AnnotatorError(
                f"{self.lock_path}: cannot remove the lock ({plain_reason(exc)})") from exc
        return held

    def __enter__(self) -> Self:
        self.acquire()
        return self

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        self.release()

    # -- internals ---------------------------------------------------------------------------
    def _create(self, info: LockInfo) -> bool:
        flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)
        check_inside_project(self.lock_path)  # a linked coder folder must not take the lock out
        try:
            fd = os.open(self.lock_path, flags, 0o644)
        except FileExistsError:
            return False
        except OSError as exc:
            raise AnnotatorError(
                f"{self.path}: cannot create the lock file {self.lock_path.name} "
                f"({plain_reason(exc)})") from exc
        try:
            os.write(fd, json.dumps(info.to_dict(), ensure_ascii=False).encode("utf-8"))
            os.fsync(fd)
        except OSError as exc:
            os.close(fd)
            self.lock_path.unlink(missing_ok=True)
            raise AnnotatorError(
                f"{self.path}: cannot write the lock file {self.lock_path.name} "
                f"({plain_reason(exc)})") from exc
        os.close(fd)
        return True

    def _read(self) -> LockInfo | None:
        try:
            with open(self.lock_path, "rb") as f:
                raw = f.read(65536)
            return LockInfo.from_dict(json.loads(raw.decode("utf-8")))
        except (OSError, ValueError, RecursionError):
            return None

    def _young(self) -> bool:
        try:
            age = time.time() - self.lock_path.stat().st_mtime
        except OSError:
            return False
        return age < _CREATE_GRACE_SECONDS

    def _remove_stale(self, stale: LockInfo) -> bool:
        """Move the stale lock aside and delete it, without deleting a fresh lock that another
        program put in its place meanwhile (it would be restored). True if it was removed."""
        aside = temp_path(self.lock_path, "stale.")
        try:
            os.rename(self.lock_path, aside)
        except FileNotFoundError:
            return False
        except OSError as exc:
            raise AnnotatorError(
                f"{self.path}: cannot remove the stale lock {self.lock_path.name} left by "
                f"{stale.describe()} ({plain_reason(exc)})") from exc
        try:
            with open(aside, "rb") as f:
                moved = LockInfo.from_dict(json.loads(f.read(65536).decode("utf-8")))
        except (OSError, ValueError, RecursionError):
            moved = None
        if moved is not None and moved.token == stale.token and moved.pid == stale.pid:
            aside.unlink(missing_ok=True)
            return True
        # We moved a lock that was not the stale one: put it back unless yet another exists.
        try:
            os.link(aside, self.lock_path)
        except FileExistsError:
            pass
        except OSError:  # no hard links here (FAT, some shares): rename back, a tiny window
            if not self.lock_path.exists():
                os.replace(aside, self.lock_path)
        aside.unlink(missing_ok=True)
        return False
