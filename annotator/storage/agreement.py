"""Agreement of a project's coders, pair by pair, over the documents both coded (see
``core.agreement`` for what is measured). Reads each document and its sets once; only reads."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from itertools import combinations

from annotator.core.agreement import PairAgreement
from annotator.core.model import AnnotationSet
from annotator.core.text import is_safe_id
from annotator.core.validation import structural_issues
from annotator.errors import AnnotatorError
from annotator.storage.atomic import read_json
from annotator.storage.project import Project


@dataclass
class ProjectAgreement:
    coders: list[str]
    status: str | None  # the status the compared sets have (None: any)
    pairs: list[PairAgreement] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)  # files left out, and why
    cancelled: bool = False  # stopped before the last document: the figures are partial


def project_agreement(project: Project, *, coders: list[str] | None = None,
                      status: str | None = "done",
                      progress: Callable[[int, int], None] | None = None,
                      cancelled: Callable[[], bool] | None = None) -> ProjectAgreement:
    """Agreement of every pair of ``coders`` (default: all of the project's), over the
    documents for which both have a set of ``status`` (None: any status). Files that cannot be
    read or are not annotation files are left out and listed in ``problems``.
    ``progress(done, total)`` is called as documents are done; ``cancelled()`` is polled as
    often and stops the count there."""
    known = project.coders()
    chosen = sorted(set(coders)) if coders else known
    unknown = [c for c in chosen if c not in known]
    if unknown:
        raise AnnotatorError(f"{project.root}: no annotations by {', '.join(map(repr, unknown))}"
                             f" (coders: {', '.join(known) or 'none'})")
    if len(chosen) < 2:
        raise AnnotatorError(f"{project.root}: agreement needs two coders or more "
                             f"(coders: {', '.join(known) or 'none'})")
    result = ProjectAgreement(chosen, status)
    pairs = {(a, b): PairAgreement(a, b) for a, b in combinations(chosen, 2)}
    codebook = project.codebook
    doc_ids = project.document_ids()
    for n, doc_id in enumerate(doc_ids, 1):
        if cancelled is not None and cancelled():
            result.cancelled = True
            break
        if not is_safe_id(doc_id):  # a file name no document can have: validate reports it
            continue
        paths = {c: project.annotation_path(c, doc_id) for c in chosen}
        present = [c for c, path in paths.items() if path.is_file()]
        if len(present) >= 2:
            sets: dict[str, AnnotationSet] = {}
            try:
                document = project.load_document(doc_id)
            except AnnotatorError as exc:
                result.problems.append(str(exc))
                present = []
            for c in present:
                try:
                    data = read_json(paths[c])
                except AnnotatorError as exc:
                    result.problems.append(str(exc))
                    continue
                broken = structural_issues(data)
                if broken:
                    result.problems.append(f"{paths[c]}: {broken[0]}")
                elif status is None or data["status"] == status:
                    sets[c] = AnnotationSet.from_dict(data)
            for (a, b), pair in pairs.items():
                if a in sets and b in sets:
                    pair.add(document, sets[a], sets[b], codebook)
        if progress is not None:
            progress(n, len(doc_ids))
    result.pairs = list(pairs.values())
    return result
