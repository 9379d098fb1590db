"""What the caches of a project key their entries on: the JSON files of a folder, and a file's
size and modification time (``validate``'s results, the document list's titles and statuses)."""

from __future__ import annotations

import os
from collections.abc import Iterator


def json_names(folder: str) -> Iterator[str]:
    """The names, without ``.json``, of the JSON files in ``folder`` (none if it is missing);
    hidden files are not listed."""
    try:
        with os.scandir(folder) as it:
            for entry in it:
                name = entry.name
                if name.endswith(".json") and not name.startswith("."):
                    yield name[:-5]
    except FileNotFoundError:
        return


def stamp(path: str) -> list[int]:
    """``[size, mtime_ns]`` of the file at ``path``; ``[-1, -1]`` if it cannot be read, which
    never matches a cached entry."""
    try:
        st = os.stat(path)
    except OSError:  # vanished meanwhile, or a dangling link: never a cache hit
        return [-1, -1]
    return [st.st_size, st.st_mtime_ns]
