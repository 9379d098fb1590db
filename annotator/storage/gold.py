"""Gold sets of a project: ``annotations/gold/<doc>.json``, made by ``adjudicate_project``.

For each document whose coders have all finished it (done or skipped), the coders' sets are
checked and compared (``core.adjudication.prefill``) and the gold set is written through the
same atomic save as every annotation file. A gold set is never written over when a person has
edited it since it was made (a decision, an edit, or a file made by hand: it no longer matches
the fingerprint it was written with), unless asked to (``overwrite``); and never while someone
has it open (its edit lock), whatever is asked.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from annotator.core.adjudication import made_by_prefill, open_items, prefill, seal
from annotator.core.model import GOLD_CODER, AnnotationSet, Document
from annotator.core.validation import ERROR, semantic_issues, structural_issues
from annotator.errors import AnnotatorError
from annotator.storage.assignments import load_assignments
from annotator.storage.lock import FileLock, LockedError
from annotator.storage.progress import FINISHED, SetInfo, read_sets
from annotator.storage.project import Project, misfiled_issue
from annotator.storage.readers import decode_utf8, parse_json_text, read_bytes

WRITTEN, UPDATED, UNCHANGED, KEPT, LOCKED, LEFT_OUT = (
    "written", "updated", "unchanged", "kept", "locked", "left out")


@dataclass
class GoldOutcome:
    """What happened to one document's gold set."""

    document: str
    action: str  # one of the constants above
    message: str = ""
    coders: list[str] = field(default_factory=list)
    open_items: int = 0


@dataclass
class AdjudicationReport:
    outcomes: list[GoldOutcome] = field(default_factory=list)
    waiting: dict[str, list[str]] = field(default_factory=dict)  # doc -> coders not finished
    problems: list[str] = field(default_factory=list)  # files that stopped a document

    def count(self, action: str) -> int:
        return sum(1 for o in self.outcomes if o.action == action)


def adjudicate_project(project: Project, *, coders: Sequence[str] | None = None,
                       documents: Sequence[str] | None = None, auto: str = "agreed",
                       overwrite: bool = False,
                       progress: Callable[[int, int], None] | None = None
                       ) -> AdjudicationReport:
    """Pre-fill the gold set of every document ready to adjudicate (of ``documents``, by
    ``coders``: default, each document's assigned coders, or without assignments every coder
    with a set of it). See the module docstring for what is never written over."""
    report = AdjudicationReport()
    doc_ids = set(project.document_ids())
    sets = read_sets(project)
    known = sorted(c for c in sets if c != GOLD_CODER)
    chosen = _chosen_coders(project, coders, known)
    for doc_id in sorted(set(sets.get(GOLD_CODER, {})) - doc_ids):
        report.problems.append(f"{project.annotation_path(GOLD_CODER, doc_id)}: a gold set of "
                               f"document {doc_id!r}, which is not in the project (deleted?); "
                               "left as it is")
    if documents:
        absent = [d for d in documents if d not in doc_ids]
        if absent:
            raise AnnotatorError(f"{project.root}: no document {', '.join(map(repr, absent))} "
                                 "in the project; nothing was written")
    todo = sorted(documents) if documents else sorted(doc_ids)
    plan = load_assignments(project)
    for n, doc_id in enumerate(todo, 1):
        if plan is not None:
            theirs = plan.coders_of(doc_id)
        else:
            theirs = [c for c in known if doc_id in sets[c]]
        doc_coders = theirs if chosen is None else (
            chosen if set(chosen) <= set(theirs) else [])
        if len(doc_coders) > 1:
            unfinished = [c for c in doc_coders
                          if sets.get(c, {}).get(doc_id, SetInfo("not_started")).status
                          not in FINISHED]
            if unfinished:
                report.waiting[doc_id] = unfinished
            else:
                report.outcomes.append(_adjudicate(project, doc_id, doc_coders, auto,
                                                   overwrite, report))
        if progress is not None:
            progress(n, len(todo))
    return report


def _chosen_coders(project: Project, coders: Sequence[str] | None, known: list[str]
                   ) -> list[str] | None:
    if coders is None:
        return None
    chosen = sorted(set(coders))
    if GOLD_CODER in chosen:
        raise AnnotatorError(f"{GOLD_CODER!r} is the gold set itself, not a coder to compare")
    unknown = [c for c in chosen if c not in known]
    if unknown:
        raise AnnotatorError(f"{project.root}: no annotations by {', '.join(map(repr, unknown))}"
                             f" (coders: {', '.join(known) or 'none'})")
    if len(chosen) < 2:
        raise AnnotatorError("adjudication compares two coders or more (--coders a,b)")
    return chosen


def _adjudicate(project: Project, doc_id: str, coders: list[str], auto: str, overwrite: bool,
                report: AdjudicationReport) -> GoldOutcome:
    path = project.annotation_path(GOLD_CODER, doc_id)
    outcome = GoldOutcome(doc_id, LEFT_OUT, coders=coders)
    try:
        FileLock(path).check_free()
        raw = {c: read_bytes(project.annotation_path(c, doc_id)) for c in coders}
        sources = {c: hashlib.sha256(data).hexdigest() for c, data in raw.items()}
        old = _existing(path, overwrite)
        if old is not None and made_by_prefill(old):
            record = old["adjudication"]
            if (record.get("sources") == sources and record.get("auto") == auto
                    and record.get("coders") == coders):
                outcome.action = UNCHANGED  # the same sets make the same gold set
                outcome.open_items = sum(1 for i in record["items"] if "decision" not in i)
                return outcome
        elif old is not None and not overwrite:
            outcome.action = KEPT
            outcome.message = ("edited by a person since it was made" if isinstance(
                old, dict) and "adjudication" in old else "made by hand (no adjudication "
                "record)") + ": kept as it is (--overwrite replaces it)"
            return outcome
        document = project.load_document(doc_id)
        sets = _checked_sets(project, document, raw)
    except LockedError as exc:
        outcome.action, outcome.message = LOCKED, f"not written: {exc}"
        return outcome
    except AnnotatorError as exc:
        report.problems.append(str(exc))
        outcome.message = "not adjudicated (see the problems)"
        return outcome
    gold = prefill(document, project.codebook, sets, auto=auto)
    assert gold.adjudication is not None
    gold.adjudication["sources"] = sources
    if isinstance(old, dict) and isinstance(old.get("created"), str) and old["created"]:
        gold.created = old["created"]
    seal(gold)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with FileLock(path, coder=GOLD_CODER):
            project.save_annotations(gold, document)
    except LockedError as exc:
        outcome.action, outcome.message = LOCKED, f"not written: {exc}"
        return outcome
    except (AnnotatorError, OSError) as exc:
        message = str(exc)
        report.problems.append(message if message.startswith(str(path)) else f"{path}: {message}")
        outcome.message = "not written (see the problems)"
        return outcome
    outcome.action = WRITTEN if old is None else UPDATED
    outcome.open_items = len(open_items(gold))
    return outcome


def _checked_sets(project: Project, document: Document, raw: dict[str, bytes]
                  ) -> dict[str, AnnotationSet]:
    """Each coder's set (from the bytes of its file), checked as ``validate`` checks it. A
    set with an error stops the document (``AnnotatorError`` naming the file)."""
    sets = {}
    for coder, data_bytes in raw.items():
        path = project.annotation_path(coder, document.id)
        data = parse_json_text(decode_utf8(data_bytes, str(path)), str(path))
        issues = structural_issues(data) or semantic_issues(
            data, document=document, codebook=project.codebook)
        misfiled = misfiled_issue(data, coder)
        errors = [i for i in issues + ([misfiled] if misfiled else []) if i.severity == ERROR]
        if errors:
            raise AnnotatorError(f"{path}: not adjudicated, the set has {len(errors)} error(s) "
                                 f"(run 'annotator validate'); the first: {errors[0]}")
        sets[coder] = AnnotationSet.from_dict(data)
    return sets


def _existing(path: Any, overwrite: bool) -> Any:
    """The gold file's content (``None`` when there is none). One that cannot be read is
    replaced only with ``overwrite`` (the save keeps the old one as a backup)."""
    if not path.is_file():
        return None
    try:
        return parse_json_text(decode_utf8(read_bytes(path), str(path)), str(path))
    except AnnotatorError as exc:
        if overwrite:
            return {}
        raise AnnotatorError(f"{exc}; not replaced (--overwrite replaces it, keeping a "
                             "backup)") from None
