"""Writes stay inside the project: a symbolic link inside a project folder (a coder folder
``annotations/evil -> /elsewhere``, a linked annotation file) must not carry a save, a lock or a
backup out of it. ``atomic_open`` and the lock's file creation ask here before writing.

The project is found from the path as written (symbolic links not followed): the outermost
folder above it that holds ``project.json``. Outermost, so a link to a folder holding a planted
``project.json`` does not pass for a project of its own. A path in no project is left alone.
"""

from __future__ import annotations

import os
from pathlib import Path

from annotator.errors import AnnotatorError

PROJECT_FILE = "project.json"


class OutsideProjectError(AnnotatorError):
    """A write whose real target lies outside the project folder it was addressed in."""


def project_root_of(path: str | os.PathLike[str]) -> Path | None:
    """The outermost folder above ``path`` (taken as written) that holds ``project.json``."""
    root = None
    for parent in Path(os.path.abspath(path)).parents:
        if os.path.isfile(os.path.join(parent, PROJECT_FILE)):
            root = parent
    return root


def _inside(real: str, folder: str) -> bool:
    try:
        return os.path.commonpath([real, folder]) == folder
    except ValueError:  # another drive (Windows)
        return False


def check_inside_project(path: str | os.PathLike[str], root: Path | None = None) -> None:
    """Raise ``OutsideProjectError`` naming ``path`` if writing it would land outside its
    project (``root``, or found from the path) because a symbolic link on the way leads out."""
    real = os.path.realpath(path)
    if real == os.path.abspath(path):
        return  # no link on the way: nothing to look for (the common case, one walk)
    root = root if root is not None else project_root_of(path)
    if root is None:
        return
    if not _inside(real, os.path.realpath(root)):
        raise OutsideProjectError(
            f"{os.fspath(path)}: not written: a symbolic link on its way leads to {real}, "
            f"outside the project folder {root}; annotator writes only inside the project "
            "(replace the link with a real folder or file)")
