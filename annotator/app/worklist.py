"""The documents a coder works through, in order, with their statuses: which one comes next.

The window's document list shows these rows; "mark done", "skip" and the next/previous keys ask
here where to go.
"""

from __future__ import annotations

from collections.abc import Iterable

from annotator.core.names import status_name as status_name  # the window's name for a status
from annotator.errors import AnnotatorError
from annotator.storage.assignments import load_assignments
from annotator.storage.listing import Row, document_rows
from annotator.storage.project import Project

FINISHED = ("done", "skipped")


def listed_documents(project: Project, coder: str, scope: str = "mine"
                     ) -> tuple[list[Row], bool, str]:
    """The rows a coder's document list shows: (rows, whether the coder has assigned
    documents to choose from, a problem with its assignments or ''). With ``scope`` "mine",
    a coder the project assigns documents to sees only those; anyone else (the lead, a new
    name) sees them all, with their status of each."""
    rows = document_rows(project, coder)
    try:
        assignments = load_assignments(project)
    except AnnotatorError as exc:
        return rows, False, str(exc)
    mine = set(assignments.documents_of(coder)) if assignments is not None else set()
    if mine and scope == "mine":
        rows = [row for row in rows if row.id in mine]
    return rows, bool(mine), ""


class Worklist:
    """Document ids in order and the coder's status of each."""

    def __init__(self) -> None:
        self.ids: list[str] = []
        self.statuses: dict[str, str] = {}

    def set_rows(self, rows: Iterable[tuple[str, str]]) -> None:
        """(document id, status) in the order the list shows them."""
        pairs = list(rows)
        self.ids = [doc_id for doc_id, _ in pairs]
        self.statuses = dict(pairs)

    def set_status(self, doc_id: str, status: str) -> None:
        if doc_id in self.statuses:
            self.statuses[doc_id] = status

    def first_undone(self) -> str | None:
        """The first document not done or skipped (the first of all when every one is)."""
        for doc_id in self.ids:
            if self.statuses.get(doc_id) not in FINISHED:
                return doc_id
        return self.ids[0] if self.ids else None

    def next_undone(self, after: str | None) -> str | None:
        """The next document (wrapping round) that is not done, or None when all are."""
        ids = self.ids
        if not ids:
            return None
        start = ids.index(after) + 1 if after in ids else 0
        for doc_id in ids[start:] + ids[:start]:
            if doc_id != after and self.statuses.get(doc_id) not in FINISHED:
                return doc_id
        return None

    def step(self, current: str | None, step: int) -> str | None:
        """The document ``step`` places from ``current`` (the first when none is open); None
        past either end."""
        if not self.ids:
            return None
        if current is None:
            return self.ids[0]
        i = self.ids.index(current) if current in self.ids else -1
        j = i + step
        return self.ids[j] if 0 <= j < len(self.ids) else None

    def position(self, doc_id: str) -> tuple[int, int] | None:
        """(1-based place, count), or None for a document not in the list."""
        if doc_id not in self.ids:
            return None
        return self.ids.index(doc_id) + 1, len(self.ids)

    def done_count(self) -> int:
        return sum(1 for s in self.statuses.values() if s == "done")
