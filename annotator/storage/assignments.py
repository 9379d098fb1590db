"""Who codes what: ``PROJECT/assignments.json`` (``schemas/assignments.schema.json``).

``plan_assignments`` gives each document not yet assigned its coders: a share ``overlap`` of
the documents gets ``per_document`` coders (blind double coding), the others one coder each,
keeping every coder's load even and, among the double-coded documents, every pair of coders.
The same seed and the same project give the same plan. Work already assigned is never moved by
a new plan, and a coder who already has an annotation file for a document keeps it.

The window asks ``load_assignments(project)`` once, then ``documents_of(coder)`` (its "Mine"
filter) and ``is_blind(document, coder)`` (whether that coder may see the other coders' sets).
"""

from __future__ import annotations

import json
import random
from collections import Counter
from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass, field
from functools import cache
from itertools import combinations
from pathlib import Path
from typing import Any

from annotator.core.model import GOLD_CODER, now_iso
from annotator.core.schemas import CompiledSchema
from annotator.core.text import is_safe_id
from annotator.errors import AnnotatorError
from annotator.paths import schema_path
from annotator.storage.atomic import atomic_write_json, read_json
from annotator.storage.project import Project, check_coder_name

ASSIGNMENTS_FILE = "assignments.json"
ASSIGNMENTS_FORMAT_VERSION = 1


@dataclass
class Assignments:
    """Document id -> its coders, and the settings that made the plan."""

    coders: list[str]
    documents: dict[str, list[str]] = field(default_factory=dict)
    per_document: int = 2
    overlap: float = 0.0
    seed: int = 0
    blind: bool = True
    created: str = field(default_factory=now_iso)
    modified: str = field(default_factory=now_iso)

    def coders_of(self, doc_id: str) -> list[str]:
        return list(self.documents.get(doc_id, ()))

    def documents_of(self, coder: str) -> list[str]:
        """The documents assigned to ``coder``, sorted (the window's "Mine")."""
        return sorted(d for d, coders in self.documents.items() if coder in coders)

    def is_blind(self, doc_id: str, coder: str) -> bool:
        """Whether ``coder`` codes ``doc_id`` blind: it is theirs and has other coders too, so
        they must not see those coders' sets (nor the gold set)."""
        coders = self.documents.get(doc_id, ())
        return self.blind and coder in coders and len(coders) > 1

    def loads(self) -> Counter[str]:
        return Counter(c for coders in self.documents.values() for c in coders)

    def to_dict(self) -> dict[str, Any]:
        return {"format_version": ASSIGNMENTS_FORMAT_VERSION, "coders": list(self.coders),
                "per_document": self.per_document, "overlap": self.overlap, "seed": self.seed,
                "blind": self.blind, "created": self.created, "modified": self.modified,
                "documents": {d: sorted(c) for d, c in sorted(self.documents.items())}}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Assignments:
        """From data ``assignments_problems`` found nothing wrong with."""
        return cls(coders=list(data["coders"]),
                   documents={d: list(c) for d, c in data["documents"].items()},
                   per_document=int(data.get("per_document", 2)),
                   overlap=float(data.get("overlap", 0.0)), seed=int(data.get("seed", 0)),
                   blind=bool(data.get("blind", True)),
                   created=str(data.get("created") or now_iso()),
                   modified=str(data.get("modified") or now_iso()))


@cache
def _schema() -> CompiledSchema:
    with open(schema_path("assignments.schema.json"), encoding="utf-8") as fh:
        return CompiledSchema(json.load(fh))


def assignments_problems(data: Any) -> list[str]:
    """What is wrong with the content of an assignments file ([] when nothing is)."""
    schema = _schema()
    if not schema.is_valid(data):
        return [f"{where}: {message}" for where, message in schema.errors(data, limit=10)]
    problems = []
    team = data["coders"]
    for coder in team:
        if not is_safe_id(coder):
            problems.append(f"$.coders: {coder!r} cannot be a coder name")
    for doc_id, coders in sorted(data["documents"].items()):
        if not is_safe_id(doc_id):
            problems.append(f"$.documents: {doc_id!r} cannot be a document id")
        unknown = [c for c in coders if c not in team]
        if unknown:
            problems.append(f"$.documents.{doc_id}: names {', '.join(map(repr, unknown))}, "
                            f"not in its coders ({', '.join(team) or 'none'}): add them to "
                            "\"coders\" or take them out of the document")
    return problems


def assignments_path(project: Project) -> Path:
    return project.root / ASSIGNMENTS_FILE


def load_assignments(project: Project) -> Assignments | None:
    """The project's assignments, or ``None`` when it has none. A damaged or inconsistent
    file is an ``AnnotatorError`` naming it (nothing is written)."""
    path = assignments_path(project)
    if not path.is_file():
        return None
    data = read_json(path)
    problems = assignments_problems(data)
    if problems:
        raise AnnotatorError(f"{path}: not a valid assignments file (fix it by hand, or move "
                             "it away and run 'annotator assign' again):\n  - "
                             + "\n  - ".join(problems))
    return Assignments.from_dict(data)


def save_assignments(project: Project, assignments: Assignments) -> None:
    assignments.modified = now_iso()
    data = assignments.to_dict()
    assert not assignments_problems(data), assignments_problems(data)
    atomic_write_json(assignments_path(project), data)


def unknown_documents(project: Project, assignments: Assignments) -> list[str]:
    """Documents the assignments name that the project does not have (deleted?)."""
    have = set(project.document_ids())
    return sorted(d for d in assignments.documents if d not in have)


def started_pairs(project: Project) -> set[tuple[str, str]]:
    """(document id, coder) for every annotation file on disk, whatever its status."""
    return {(doc_id, coder) for coder, doc_id, _ in project.annotation_files()}


def check_team(coders: Iterable[str]) -> list[str]:
    """Coder names as given, checked (valid, not the gold coder), without repeats."""
    team: list[str] = []
    for name in coders:
        coder = check_coder_name(name)
        if coder == GOLD_CODER:
            raise AnnotatorError(f"{GOLD_CODER!r} is the reserved coder of adjudicated (gold) "
                                 "sets: it cannot be assigned documents")
        if coder not in team:
            team.append(coder)
    return team


# -- planning -------------------------------------------------------------------------------
@dataclass
class PlanReport:
    """What a plan changed: the coders each new document got, and what was left alone."""

    added: dict[str, list[str]] = field(default_factory=dict)
    kept: int = 0
    kept_started: dict[str, list[str]] = field(default_factory=dict)  # doc -> coders seeded
    outside_team: Counter[str] = field(default_factory=Counter)  # coder -> files not assigned
    moved: list[tuple[str, str, str]] = field(default_factory=list)  # (doc, from, to)


def plan_assignments(doc_ids: Sequence[str], team: Sequence[str], *, per_document: int,
                     overlap: float, seed: int, existing: Assignments | None = None,
                     started: Collection[tuple[str, str]] = ()) -> tuple[Assignments,
                                                                          PlanReport]:
    """Assign the documents of ``doc_ids`` that ``existing`` does not: a pure function.

    ``team``: the coders who get new work. ``started``: (document, coder) pairs with an
    annotation file; a team coder who started a document not yet assigned gets it first.
    The share ``overlap`` is of all documents (those assigned before count): so adding
    documents later keeps the share."""
    if not team:
        raise AnnotatorError("no coders given: use --coders a,b,...")
    if per_document < 1 or per_document > len(team):
        raise AnnotatorError(f"--per-document {per_document}: choose 1 to {len(team)} (the "
                             "number of coders)")
    if not 0 <= overlap <= 1:
        raise AnnotatorError(f"--overlap {overlap}: choose a share between 0 and 1")
    report = PlanReport()
    old = existing or Assignments(coders=[])
    plan = Assignments(coders=list(dict.fromkeys([*old.coders, *team])),
                       documents={d: list(c) for d, c in old.documents.items()},
                       per_document=per_document, overlap=overlap, seed=seed, blind=old.blind,
                       created=old.created)
    report.kept = len(old.documents)
    new_docs = sorted(set(doc_ids) - set(old.documents))
    seeded = {d: sorted(c for c in plan.coders if (d, c) in started) for d in new_docs}
    report.kept_started = {d: cs for d, cs in seeded.items() if cs}
    for _, c in started:
        if c not in plan.coders and c != GOLD_CODER:
            report.outside_team[c] += 1
    total = len(set(doc_ids) | set(old.documents))
    wanted = round(overlap * total) if per_document > 1 else 0
    have = sum(1 for c in old.documents.values() if len(c) > 1) + sum(
        1 for c in seeded.values() if len(c) > 1)
    rng = random.Random(f"annotator assign {seed}")
    order = list(new_docs)
    rng.shuffle(order)
    double = set([d for d in order if len(seeded[d]) < 2][:max(0, wanted - have)])
    loads = plan.loads() + Counter(c for cs in seeded.values() for c in cs)
    pairs: Counter[tuple[str, str]] = Counter(
        p for cs in plan.documents.values() for p in combinations(sorted(cs), 2))
    # The double-coded documents first: the single ones then even out the loads.
    for doc_id in sorted(order, key=lambda d: d not in double):
        chosen = list(seeded[doc_id])
        target = max(len(chosen), per_document if doc_id in double else 1)
        ties = {c: rng.random() for c in team}
        while len(chosen) < target:
            free = [c for c in team if c not in chosen]
            best = min(free, key=lambda c: (loads[c], sum(pairs[tuple(sorted((c, x)))]
                                                          for x in chosen), ties[c]))
            chosen.append(best)
        loads.update(c for c in chosen if c not in seeded[doc_id])
        pairs.update(combinations(sorted(chosen), 2))
        plan.documents[doc_id] = sorted(chosen)
        report.added[doc_id] = sorted(chosen)
    return plan, report


def rebalance(assignments: Assignments, team: Sequence[str],
              started: Collection[tuple[str, str]], seed: int) -> list[tuple[str, str, str]]:
    """Move documents nobody has started from the busiest coders of ``team`` to the least
    busy (a coder who joined, one who left the team's new work) until loads differ by one at
    most, or nothing more can move. Returns the moves: (document, from, to)."""
    rng = random.Random(f"annotator rebalance {seed}")
    moves = []
    loads = Counter(c for cs in assignments.documents.values() for c in cs if c in team)
    while True:
        busiest = max(team, key=lambda c: (loads[c], c))
        idlest = min(team, key=lambda c: (loads[c], c))
        if loads[busiest] - loads[idlest] <= 1:
            break
        movable = sorted(d for d, cs in assignments.documents.items()
                         if busiest in cs and idlest not in cs and (d, busiest) not in started)
        if not movable:
            break
        doc_id = rng.choice(movable)
        coders = assignments.documents[doc_id]
        coders[coders.index(busiest)] = idlest
        coders.sort()
        loads[busiest] -= 1
        loads[idlest] += 1
        moves.append((doc_id, busiest, idlest))
    return moves


def add_to(assignments: Assignments, doc_ids: Sequence[str], coders: Sequence[str]
           ) -> list[str]:
    """Assign ``doc_ids`` to ``coders`` too (coders new to the team join it); returns what
    changed, one line each."""
    lines = []
    for coder in coders:
        if coder not in assignments.coders:
            assignments.coders.append(coder)
            lines.append(f"{coder} joins the team")
        for doc_id in doc_ids:
            have = assignments.documents.setdefault(doc_id, [])
            if coder in have:
                lines.append(f"{doc_id}: already assigned to {coder}")
            else:
                have.append(coder)
                have.sort()
                lines.append(f"{doc_id}: assigned to {coder} (now {', '.join(have)})")
    return lines


def remove_from(assignments: Assignments, doc_ids: Sequence[str], coders: Sequence[str],
                started: Collection[tuple[str, str]]) -> list[str]:
    """Take ``doc_ids`` away from ``coders``; their annotation files stay on disk. A document
    left without coders is unassigned (the next ``assign`` gives it out again)."""
    missing = [f"{d} ({c})" for d in doc_ids for c in coders
               if c not in assignments.documents.get(d, ())]
    if missing:
        raise AnnotatorError(f"not assigned, so not removed: {', '.join(missing)}; nothing "
                             "was changed")
    lines = []
    for doc_id in doc_ids:
        for coder in coders:
            assignments.documents[doc_id].remove(coder)
            note = (f" ({coder} has started it: their annotation file stays)"
                    if (doc_id, coder) in started else "")
            lines.append(f"{doc_id}: no longer assigned to {coder}{note}")
        if not assignments.documents[doc_id]:
            del assignments.documents[doc_id]
            lines.append(f"{doc_id}: now assigned to nobody")
    return lines
