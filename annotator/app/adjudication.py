"""Adjudicating one document, without Qt: the coders' sets beside the gold set, the
disagreements to decide, and a decision as one undoable edit on the gold set.

The gold set is an ordinary open document (a ``DocumentHandle`` of coder ``gold``): it is
edited, undone, validated and saved like any other. ``Adjudication`` adds what the lead needs
on top: the coders compared (read-only), the list of disagreements in text order with the
current one, and ``decide`` (accept coder A, B, ..., all of them, or none), which pushes
``core.decisions.decision_edit`` through the gold set's history.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from annotator.app.commands import quote
from annotator.app.document import DocumentHandle
from annotator.core.adjudication import coders_with_a_version, find_item, items
from annotator.core.decisions import decision_edit
from annotator.core.model import GOLD_CODER, AnnotationSet
from annotator.core.session import EditRefusedError
from annotator.errors import AnnotatorError
from annotator.storage.assignments import load_assignments
from annotator.storage.gold import adjudicate_project
from annotator.storage.project import Project

KIND_NAMES = {"span": "span", "event": "event", "event_field": "event field",
              "document_field": "document field"}


@dataclass(frozen=True)
class Version:
    """One coder's version of a disagreement, as a line a person reads."""

    coder: str
    text: str  # '' when the coder made nothing there
    ranges: tuple[tuple[int, int], ...] = ()  # where in the text, for showing it


class Adjudication:
    """The disagreements of one gold set and the coders behind it."""

    def __init__(self, handle: DocumentHandle, coder_sets: Mapping[str, AnnotationSet]) -> None:
        if handle.coder != GOLD_CODER:
            raise ValueError("adjudication works on the gold set")
        self.handle = handle
        self.coder_sets = dict(coder_sets)
        record = handle.session.aset.adjudication
        listed = record.get("coders", []) if isinstance(record, dict) else []
        self.coders: list[str] = [c for c in listed if c in self.coder_sets] or \
            sorted(self.coder_sets)
        self.current: str | None = None
        first = self.next_open(None)
        self.current = first or (self.item_ids()[0] if self.item_ids() else None)

    # -- opening ---------------------------------------------------------------------------
    @staticmethod
    def prepare(project: Project, doc_id: str, viewer: str | None = None) -> str:
        """Make sure ``doc_id`` has a gold set to adjudicate (pre-filled from its coders when
        there is none yet); '' when it has one, else why it cannot be adjudicated now.
        ``viewer``: the coder asking, refused while they still code the document blind."""
        assignments = load_assignments(project)
        if viewer and assignments is not None and assignments.is_blind(doc_id, viewer) \
                and project.status_of(viewer, doc_id) not in ("done", "skipped"):
            return (f"you ({viewer}) code {doc_id} blind and have not finished it: "
                    "adjudication would show the other coders' work")
        if project.annotation_path(GOLD_CODER, doc_id).is_file():
            return ""
        report = adjudicate_project(project, documents=[doc_id])
        if project.annotation_path(GOLD_CODER, doc_id).is_file():
            return ""
        if doc_id in report.waiting:
            return (f"{doc_id} is not ready to adjudicate: waiting for "
                    f"{', '.join(report.waiting[doc_id])} to finish it")
        reasons = [o.message for o in report.outcomes if o.message] + report.problems
        return f"{doc_id} cannot be adjudicated: " + ("; ".join(reasons) or
                                                      "no coder has finished it")

    @classmethod
    def load(cls, project: Project, handle: DocumentHandle) -> Adjudication:
        """The adjudication of the gold set open in ``handle``, with its coders' saved sets
        (read only; a coder's unreadable set is an ``AnnotatorError``)."""
        record = handle.session.aset.adjudication
        coders = record.get("coders", []) if isinstance(record, dict) else []
        sets = {}
        for coder in coders:
            if project.annotation_path(coder, handle.id).is_file():
                sets[coder], _ = project.load_annotations(coder, handle.document)
        if not sets:
            raise AnnotatorError(f"annotations/{GOLD_CODER}/{handle.id}.json names no coder "
                                 "whose set is there to compare")
        return cls(handle, sets)

    # -- the disagreements -----------------------------------------------------------------
    @property
    def gold(self) -> AnnotationSet:
        return self.handle.session.aset

    def item_ids(self) -> list[str]:
        return [item["id"] for item in items(self.gold)]

    def item(self, item_id: str | None) -> dict[str, Any] | None:
        return find_item(self.gold, item_id) if item_id else None

    def open_count(self) -> int:
        return sum(1 for item in items(self.gold) if "decision" not in item)

    def next_open(self, after: str | None, step: int = 1) -> str | None:
        """The next (``step=-1``: previous) open disagreement after ``after``, wrapping round;
        ``None`` when every one is decided."""
        ids = [item["id"] for item in items(self.gold) if "decision" not in item]
        if not ids:
            return None
        order = self.item_ids()
        if after not in order:
            return ids[0] if step > 0 else ids[-1]
        here = order.index(after)
        ranked = sorted(ids, key=lambda i: ((order.index(i) - here) * step) % len(order))
        ranked = [i for i in ranked if i != after] or ranked
        return ranked[0]

    def decide(self, accept: Sequence[str]) -> str:
        """Decide the current disagreement by taking the versions of ``accept`` (none:
        reject them all), as one undoable edit; '' or why not. The current item moves on to
        the next open one."""
        item_id = self.current
        if item_id is None:
            return "no disagreement to decide"
        try:
            edit = decision_edit(self.handle.session, item_id, accept)
        except EditRefusedError as exc:
            return str(exc)
        reason = self.handle.push(edit, decision=True)
        if not reason:
            self.current = self.next_open(item_id) or item_id
        return reason

    def accept_coder(self, index: int) -> str:
        """Accept the version of the ``index``-th coder (0: A)."""
        if not 0 <= index < len(self.coders):
            return f"there is no coder {chr(ord('A') + index)} here"
        return self.decide([self.coders[index]])

    def accept_all(self) -> str:
        item = self.item(self.current)
        return self.decide(coders_with_a_version(item) if item else [])

    def reject(self) -> str:
        return self.decide([])

    # -- showing ---------------------------------------------------------------------------
    def letter(self, coder: str) -> str:
        return chr(ord("A") + self.coders.index(coder)) if coder in self.coders else "?"

    def versions(self, item_id: str | None) -> list[Version]:
        """Each coder's version of an item, in the coders' order. For an event, only the
        parts the coders differ on (type, trigger, a role), then how many parts they share."""
        item = self.item(item_id)
        if item is None:
            return []
        alts = {coder: item["alternatives"].get(coder) for coder in self.coders}
        if item["kind"] != "event":
            return [_version(coder, item["kind"], alt) for coder, alt in alts.items()]
        parts = {coder: _event_parts(alt) for coder, alt in alts.items()}
        keys = list(dict.fromkeys(k for p in parts.values() for k in p))
        differ = [k for k in keys if len({parts[c].get(k, (None,))[0] for c in parts}) > 1]
        same = len(keys) - len(differ)
        out = []
        for coder, mine in parts.items():
            if not mine:
                out.append(Version(coder, ""))
                continue
            shown = [mine[k] for k in differ if k in mine]
            text = " · ".join(t for t, _ in shown) or "the same"
            if same and shown:
                text += f" · (+{same} the same)"
            ranges = tuple(r for _, rs in mine.values() for r in rs)
            out.append(Version(coder, text, ranges))
        return out

    def title(self, item_id: str) -> str:
        """``"i3 · span «تنظيم داعش» · open"`` / ``"i5 · actor2_type · accepted A"``."""
        item = self.item(item_id)
        if item is None:
            return item_id
        decision = item.get("decision")
        if decision is None:
            state = "open"
        elif not decision.get("accept"):
            state = "rejected"
        else:
            state = "accepted " + "+".join(self.letter(c) for c in decision["accept"])
        return " · ".join((item_id, _subject(item), state))

    def event_of(self, item_id: str | None) -> str | None:
        """The gold set's event an item is about, when it has one (a field of it)."""
        item = self.item(item_id)
        event_id = item.get("event") if item else None
        return event_id if isinstance(event_id, str) and self.gold.event(event_id) else None

    def coder_ranges(self) -> dict[str, list[tuple[int, int, str]]]:
        """Every coder's spans: coder -> (start, end, label), for showing who marked what."""
        return {coder: [(s.start, s.end, s.label) for s in self.coder_sets[coder].spans]
                for coder in self.coders}


def _subject(item: Mapping[str, Any]) -> str:
    """What an item is about, in a few words."""
    kind = item["kind"]
    alts = [a for a in item["alternatives"].values() if a not in (None, [], {})]
    if kind == "span":
        first = alts[0] if alts else None
        spans = first if isinstance(first, list) else [first] if first else []
        return "span" + (f" {quote(spans[0]['text'], 30)}" if spans else "")
    if kind == "event":
        first = alts[0] if alts else {}
        trigger = first.get("trigger") if isinstance(first, dict) else None
        return f"event {first.get('type', '')}" + (f" {quote(trigger['text'], 30)}" if trigger
                                                   else "")
    return str(item.get("field") or KIND_NAMES.get(kind, kind))


def _event_parts(alt: Any) -> dict[str, tuple[str, tuple[tuple[int, int], ...]]]:
    """An event version as parts: key -> (text, ranges in the document)."""
    if not isinstance(alt, dict):
        return {}
    parts: dict[str, tuple[str, tuple[tuple[int, int], ...]]] = {
        "type": (f"{alt.get('type')}/{alt.get('subtype') or '-'}", ())}
    trigger = alt.get("trigger")
    if trigger:
        parts["trigger"] = (f"trigger {quote(trigger['text'])}",
                            ((trigger["start"], trigger["end"]),))
    for role, fillers in sorted((alt.get("roles") or {}).items()):
        parts[f"role:{role}"] = (f"{role}: " + ", ".join(quote(f["text"]) for f in fillers),
                                 tuple((f["start"], f["end"]) for f in fillers))
    return parts


def _span_line(alt: Mapping[str, Any]) -> str:
    return f"{quote(alt['text'])} {alt['label']} {alt['start']}-{alt['end']}"


def _version(coder: str, kind: str, alt: Any) -> Version:
    if alt in (None, [], {}):
        return Version(coder, "")
    if kind == "span":
        spans = alt if isinstance(alt, list) else [alt]
        return Version(coder, "; ".join(_span_line(s) for s in spans),
                       tuple((s["start"], s["end"]) for s in spans))
    return Version(coder, _value_text(alt))


def _value_text(value: Any) -> str:
    if isinstance(value, dict) and "qualifier" in value:
        n = value.get("value")
        return f"{value['qualifier']}" + (f" {n}" if n is not None else "")
    if isinstance(value, dict) and "precision" in value:
        return f"{value.get('value')} ({value['precision']})"
    if isinstance(value, list):
        return ", ".join(map(str, value))
    return str(value)
