"""Progress of a project: per coder, their documents by status and the time spent; per
document, how many of its coders are finished (ready to adjudicate) and its gold set.

With assignments, a coder's documents are those assigned to them; without, what is on disk.
Each annotation file's status, time spent and open items are kept in
``PROJECT/.annotator/progress-cache.json`` keyed by the file's size and modification time (as
the document list's cache is), so a large project's status costs a listing, not a read of every
file. The cache is only a speed-up: damaged or missing, it is rebuilt; read-only, not kept.
"""

from __future__ import annotations

import math
import os
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from annotator import __version__
from annotator.core.model import GOLD_CODER, STATUSES
from annotator.errors import AnnotatorError
from annotator.storage.assignments import Assignments, load_assignments, unknown_documents
from annotator.storage.atomic import atomic_write_json, read_json
from annotator.storage.project import Project
from annotator.storage.stamps import json_names, stamp

CACHE_NAME = "progress-cache.json"
UNREADABLE = "unreadable"
# A coder is finished with a document once it is done or skipped (not relevant, duplicate).
FINISHED = ("done", "skipped")


@dataclass(frozen=True)
class SetInfo:
    """What the status needs of one annotation file."""

    status: str
    seconds: float = 0.0
    open_items: int = 0  # gold sets: disagreements still open


@dataclass
class CoderProgress:
    coder: str
    assigned: int = 0
    statuses: Counter[str] = field(default_factory=Counter)  # of their documents
    seconds: float = 0.0  # in every set of theirs
    unassigned_sets: int = 0  # sets of documents not assigned to them

    def to_dict(self) -> dict[str, Any]:
        return {"assigned": self.assigned,
                **{s: self.statuses[s] for s in (*STATUSES, UNREADABLE)},
                "time_spent_seconds": round(self.seconds, 1),
                "unassigned_sets": self.unassigned_sets}


@dataclass
class DocumentProgress:
    id: str
    coders: list[str]  # assigned, or (without assignments) with a set
    finished: list[str] = field(default_factory=list)  # done or skipped
    gold: SetInfo | None = None

    @property
    def ready(self) -> bool:
        """Ready to adjudicate: two coders or more, all finished."""
        return len(self.coders) > 1 and len(self.finished) == len(self.coders)

    def to_dict(self) -> dict[str, Any]:
        return {"coders": self.coders, "finished": self.finished, "ready": self.ready,
                "gold": None if self.gold is None else {"status": self.gold.status,
                                                        "open_items": self.gold.open_items}}


@dataclass
class ProjectProgress:
    assignments: Assignments | None
    coders: dict[str, CoderProgress] = field(default_factory=dict)
    documents: dict[str, DocumentProgress] = field(default_factory=dict)
    problems: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {"assignments": self.assignments is not None,
                "coders": {c: p.to_dict() for c, p in sorted(self.coders.items())},
                "documents": {d: p.to_dict() for d, p in sorted(self.documents.items())},
                "problems": self.problems}


def project_progress(project: Project, *, use_cache: bool = True) -> ProjectProgress:
    """Where the project stands. Only reads the project (and keeps its cache)."""
    assignments = load_assignments(project)
    sets = read_sets(project, use_cache=use_cache)
    doc_ids = set(project.document_ids())
    out = ProjectProgress(assignments)
    for coder, docs in sorted(sets.items()):
        for doc_id in sorted(set(docs) - doc_ids):
            what = "a gold set" if coder == GOLD_CODER else "an annotation set"
            out.problems.append(f"{project.annotation_path(coder, doc_id)}: {what} of document "
                                f"{doc_id!r}, which is not in the project (deleted?); left as "
                                "it is")
    if assignments is not None:
        for doc_id in unknown_documents(project, assignments):
            out.problems.append(f"{project.root / 'assignments.json'}: assigns document "
                                f"{doc_id!r}, which is not in the project (deleted?)")
        plan = {d: list(c) for d, c in assignments.documents.items() if d in doc_ids}
        team = list(assignments.coders)
    else:
        plan = {}
        for coder, docs in sets.items():
            if coder != GOLD_CODER:
                for doc_id in docs:
                    if doc_id in doc_ids:
                        plan.setdefault(doc_id, []).append(coder)
        team = sorted(c for c in sets if c != GOLD_CODER)
    for coder in team + sorted(set(sets) - set(team) - {GOLD_CODER}):
        progress = out.coders[coder] = CoderProgress(coder)
        progress.seconds = sum(info.seconds for info in sets.get(coder, {}).values())
    for doc_id, coders in sorted(plan.items()):
        doc = out.documents[doc_id] = DocumentProgress(doc_id, sorted(coders))
        doc.gold = sets.get(GOLD_CODER, {}).get(doc_id)
        for coder in doc.coders:
            info = sets.get(coder, {}).get(doc_id)
            status = info.status if info is not None else "not_started"
            out.coders[coder].assigned += 1
            out.coders[coder].statuses[status] += 1
            if status in FINISHED:
                doc.finished.append(coder)
            if status == UNREADABLE:
                out.problems.append(f"{project.annotation_path(coder, doc_id)}: cannot be "
                                    "read as an annotation set (run 'annotator validate')")
    for coder, docs in sets.items():
        if coder != GOLD_CODER:
            out.coders[coder].unassigned_sets = sum(
                1 for d in docs if d in doc_ids and coder not in plan.get(d, ()))
    return out


def read_sets(project: Project, *, use_cache: bool = True) -> dict[str, dict[str, SetInfo]]:
    """coder -> document id -> status, time spent and open items of every annotation file."""
    cache_path = project.state_dir / CACHE_NAME
    old: dict[str, Any] = {}
    if use_cache and cache_path.is_file():
        try:
            data = read_json(cache_path)
        except AnnotatorError:
            data = None  # damaged: rebuilt below
        if isinstance(data, dict) and data.get("annotator") == __version__ and isinstance(
                data.get("sets"), dict):
            old = data["sets"]
    fresh: dict[str, dict[str, list[Any]]] = {}
    out: dict[str, dict[str, SetInfo]] = {}
    for coder in project.coders():
        folder = str(project.annotations_dir / coder)
        cached = old.get(coder) if isinstance(old.get(coder), dict) else {}
        mine = out[coder] = {}
        keep = fresh[coder] = {}
        for doc_id in json_names(folder):
            path = os.path.join(folder, doc_id + ".json")
            key = stamp(path)
            hit = cached.get(doc_id)  # type: ignore[union-attr]
            info = _from_cache(hit, key)
            if info is None:
                info = _read_set(path)
            mine[doc_id] = info
            if -1 not in key:
                keep[doc_id] = [*key, info.status, info.seconds, info.open_items]
    if use_cache and fresh != old:
        try:
            project.state_dir.mkdir(exist_ok=True)
            atomic_write_json(cache_path, {"annotator": __version__, "sets": fresh},
                              backup=False)
        except (OSError, AnnotatorError):
            pass  # a read-only project still reports; it just is not cached
    return out


def _from_cache(hit: Any, key: list[int]) -> SetInfo | None:
    if (isinstance(hit, list) and len(hit) == 5 and hit[:2] == key and -1 not in key
            and isinstance(hit[2], str) and isinstance(hit[3], int | float)
            and isinstance(hit[4], int)):
        return SetInfo(hit[2], float(hit[3]), hit[4])
    return None


def _read_set(path: str) -> SetInfo:
    try:
        data = read_json(path)  # type: ignore[arg-type]
    except AnnotatorError:
        return SetInfo(UNREADABLE)
    status = data.get("status") if isinstance(data, dict) else None
    if status not in STATUSES:
        return SetInfo(UNREADABLE)
    seconds = data.get("time_spent_seconds")
    record = data.get("adjudication")
    items = record.get("items") if isinstance(record, dict) else None
    open_items = sum(1 for i in items if isinstance(i, dict) and "decision" not in i) \
        if isinstance(items, list) else 0
    finite = (isinstance(seconds, int | float) and not isinstance(seconds, bool)
              and math.isfinite(seconds) and seconds >= 0)
    return SetInfo(status, float(seconds) if finite else 0.0, open_items)


def describe_seconds(seconds: float) -> str:
    """``1h 02m``, ``5m 12s``, ``40s``: time spent, as a lead reads it."""
    s = round(seconds)
    if s >= 3600:
        return f"{s // 3600}h {s % 3600 // 60:02d}m"
    if s >= 60:
        return f"{s // 60}m {s % 60:02d}s"
    return f"{s}s"
