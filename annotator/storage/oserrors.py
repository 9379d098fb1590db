"""Plain words for the operating system's refusals (read-only disk, no permission, full disk).

Every writer turns an ``OSError`` into an ``AnnotatorError`` with these words and the path, so a
user reads "the disk is mounted read-only" instead of ``[Errno 30]``; the command
line maps any ``OSError`` that still escapes the same way, and the window's notices use it too.
"""

from __future__ import annotations

import errno
import os

_REASONS = {
    errno.EACCES: "permission denied: this user may not change it",
    errno.EPERM: "permission denied: this user may not change it",
    errno.EROFS: "the disk is mounted read-only",
    errno.ENOSPC: "the disk is full",
    errno.EDQUOT: "the disk quota is used up",
    errno.ENOENT: "it does not exist, or a folder on its path does not",
    errno.ENOTDIR: "a part of the path is a file, not a folder",
    errno.EISDIR: "it is a folder, not a file",
    errno.EEXIST: "it already exists",
    errno.ENAMETOOLONG: "the name is too long for this disk",
    errno.EIO: "the disk reported an input/output error (it may be failing or disconnected)",
    errno.ELOOP: "too many symbolic links on the path (a loop?)",
    errno.EMLINK: "the folder holds too many entries",
    errno.EBUSY: "it is in use by another program",
    errno.ETXTBSY: "it is in use by another program",
}


def plain_reason(exc: OSError) -> str:
    """What went wrong, in words a user can act on (no error numbers)."""
    reason = _REASONS.get(exc.errno or 0)
    if reason is None and isinstance(exc, PermissionError):
        reason = _REASONS[errno.EACCES]
    return reason or exc.strerror or str(exc) or type(exc).__name__


def plain_os_error(exc: OSError, path: str | os.PathLike[str] | None = None) -> str:
    """``"<path>: <plain reason>"`` for ``exc``; ``path`` defaults to the file the error names."""
    where = path if path is not None else exc.filename
    if not isinstance(where, (str, bytes, os.PathLike)):
        where = None  # an error about a file descriptor names no file
    reason = plain_reason(exc)
    return f"{os.fsdecode(where)}: {reason}" if where is not None else reason
