"""Adjudication: several coders' sets of one document in, one gold set out (no files, no Qt).

``prefill`` compares the coders' sets and builds the gold set (coder ``gold``):

- **Spans** all coders made the same way (same start, end and label) are copied, with
  provenance "agreed". The other spans are grouped by overlap, across coders, into one open
  item each (kind ``span``): a boundary, a label, or a span only some coders made.
- **Events** are matched across coders as ``agreement`` matches them (same type, overlapping
  anchors; identical events first). A group in which every coder made the same event (type,
  sub-type, trigger, roles: same spans) is copied, with the fields all coders gave the same
  value; each other field is an item (``event_field``). Any other group is an item
  (``event``): a sub-type, trigger or role difference, or an event some coders did not make.
- **Document fields** the coders agree on are copied; each other is an item
  (``document_field``).

Items are recorded in the gold set's ``adjudication`` record (see the annotation schema) in
text order, so a window can list them and step through them; ``core.decisions`` turns a
decision on one into edits.
"""

from __future__ import annotations

import hashlib
import json
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from annotator.core import agreement
from annotator.core.codebook import Codebook
from annotator.core.jsonio import dumps_line
from annotator.core.matching import overlap_matching
from annotator.core.model import (
    GOLD_CODER,
    PROVENANCE_HOW,
    AnnotationSet,
    CodebookRef,
    Document,
    Event,
    Provenance,
    Span,
)
from annotator.core.values import is_empty

AUTO_CHOICES = ("agreed", "none")  # pre-fill what all coders agree on, or nothing
SpanKey = tuple[int, int, str]  # start, end, label
# Parts of a file that change without anyone editing it; left out of the fingerprint.
_UNFINGERPRINTED = ("created", "modified", "time_spent_seconds")


def span_key(span: Span) -> SpanKey:
    return (span.start, span.end, span.label)


def alt_span(span: Span) -> dict[str, Any]:
    """A coder's span as an item shows it."""
    return {"id": span.id, "start": span.start, "end": span.end, "label": span.label,
            "text": span.text}


def alt_key(alt: Mapping[str, Any]) -> SpanKey:
    return (alt["start"], alt["end"], alt["label"])


def value_key(value: Any) -> str | None:
    """A field value as a comparable string; ``None`` for no value."""
    return None if is_empty(value) else json.dumps(value, ensure_ascii=False, sort_keys=True)


# -- the fingerprint: was a gold set edited since it was made? -------------------------------
def fingerprint(data: Mapping[str, Any]) -> str:
    """SHA-256 of an annotation file's content as written, leaving out times and the
    fingerprint itself (which lives in the adjudication record)."""
    content = {k: v for k, v in data.items() if k not in _UNFINGERPRINTED}
    record = content.get("adjudication")
    if isinstance(record, dict):
        content["adjudication"] = {k: v for k, v in record.items() if k != "fingerprint"}
    return hashlib.sha256(dumps_line(content).encode("utf-8")).hexdigest()


def seal(gold: AnnotationSet) -> None:
    """Record the fingerprint of ``gold`` as it is now (as ``annotator adjudicate`` wrote it)."""
    assert gold.adjudication is not None
    gold.adjudication["fingerprint"] = fingerprint(gold.to_dict())


def made_by_prefill(data: Any) -> bool:
    """Whether an annotation file is a gold set exactly as ``prefill`` made it: one without an
    adjudication record, or changed since (a decision, an edit, a hand-made file), was edited
    by a person."""
    if not isinstance(data, dict) or not isinstance(data.get("adjudication"), dict):
        return False
    return data["adjudication"].get("fingerprint") == fingerprint(data)


# -- items ------------------------------------------------------------------------------------
def items(gold: AnnotationSet) -> list[dict[str, Any]]:
    """Every item of the gold set's adjudication record (none for another set)."""
    record = gold.adjudication
    return list(record.get("items", [])) if isinstance(record, dict) else []


def open_items(gold: AnnotationSet) -> list[dict[str, Any]]:
    """The items still to decide, in text order."""
    return [item for item in items(gold) if "decision" not in item]


def find_item(gold: AnnotationSet, item_id: str) -> dict[str, Any] | None:
    for item in items(gold):
        if item.get("id") == item_id:
            return item
    return None


def coders_with_a_version(item: Mapping[str, Any]) -> list[str]:
    """The coders who made something in this item ("accept both" takes all of them)."""
    return [c for c, alt in item["alternatives"].items() if alt not in (None, [])]


def provenance_counts(gold: AnnotationSet) -> Counter[str]:
    """How many spans, events and fields of a gold set were agreed, chosen, edited, or made by
    the adjudicator ("adjudicator": no provenance); a field counts under its event's
    provenance unless it has its own. For the dataset card's share of agreed items."""
    counts: Counter[str] = Counter()
    for span in gold.spans:
        counts[span.provenance.how if span.provenance else "adjudicator"] += 1
    for event in gold.events:
        how = event.provenance.how if event.provenance else "adjudicator"
        counts[how] += 1
        for fid in event.fields:
            own = event.field_provenance.get(fid)
            counts[own.how if own else how] += 1
    for fid in gold.fields:
        own = gold.field_provenance.get(fid)
        counts[own.how if own else "adjudicator"] += 1
    return counts


def gold_summary(golds: Iterable[AnnotationSet]) -> dict[str, Any]:
    """What a dataset card says of gold sets: how many documents were adjudicated (and are
    done), by which coders, the disagreements decided and still open, and how many items
    were agreed, chosen, edited or made by the adjudicator (``provenance_counts``)."""
    counts: Counter[str] = Counter()
    coders: set[str] = set()
    documents = done = decided = still_open = 0
    for gold in golds:
        documents += 1
        done += gold.status == "done"
        record = gold.adjudication if isinstance(gold.adjudication, dict) else {}
        coders.update(record.get("coders", ()))
        all_items = items(gold)
        still_open += sum(1 for i in all_items if "decision" not in i)
        decided += sum(1 for i in all_items if "decision" in i)
        counts += provenance_counts(gold)
    total = sum(counts.values())
    return {"documents": documents, "done": done, "coders": sorted(coders),
            "items": {how: counts[how] for how in (*PROVENANCE_HOW, "adjudicator")},
            "agreed_share": round(counts["agreed"] / total, 4) if total else None,
            "disagreements": {"decided": decided, "open": still_open}}


# -- the comparison -----------------------------------------------------------------------
@dataclass
class _Group:
    """Events matched across coders: coder -> event, and where the group sits in the text."""

    events: dict[str, Event] = field(default_factory=dict)
    anchor: tuple[int, int] | None = None
    type: str = ""


@dataclass
class _CoderView:
    """One coder's set, indexed for comparing."""

    aset: AnnotationSet
    spans: dict[str, Span] = field(default_factory=dict)
    cores: dict[int, tuple[Any, ...]] = field(default_factory=dict)  # id(event) -> its core

    def __post_init__(self) -> None:
        self.spans = {s.id: s for s in self.aset.spans}

    def key(self, span_id: str | None) -> SpanKey | None:
        if span_id is None:
            return None
        span = self.spans.get(span_id)
        return span_key(span) if span is not None else (-1, -1, f"missing {span_id}")

    def core(self, event: Event) -> tuple[Any, ...]:
        """What "the same event" means: type, sub-type, trigger and role fillers (as spans)."""
        found = self.cores.get(id(event))
        if found is None:
            roles = tuple(sorted((role, tuple(sorted(map(self.key, ids))))  # type: ignore[arg-type]
                                 for role, ids in event.roles.items() if ids))
            found = self.cores[id(event)] = (event.type, event.subtype, self.key(event.trigger),
                                             roles)
        return found

    def alt_event(self, event: Event) -> dict[str, Any]:
        trigger = self.spans.get(event.trigger) if event.trigger else None
        return {"id": event.id, "type": event.type, "subtype": event.subtype,
                "trigger": alt_span(trigger) if trigger is not None else None,
                "roles": {role: [alt_span(self.spans[s]) for s in ids if s in self.spans]
                          for role, ids in event.roles.items() if ids},
                "fields": dict(event.fields)}


class FreshIds:
    """Fresh ids for a gold set: ``s1``, ``e1``, ``i1``..., never one already taken."""

    def __init__(self, taken: Iterable[str] = ()) -> None:
        self.taken = set(taken)
        self._next: dict[str, int] = {}  # prefix -> the number to try next

    def new(self, prefix: str) -> str:
        n = self._next.get(prefix)
        if n is None:
            n = 1 + max((int(t[len(prefix):]) for t in self.taken
                         if t.startswith(prefix) and t[len(prefix):].isdigit()), default=0)
        while f"{prefix}{n}" in self.taken:
            n += 1
        self._next[prefix] = n + 1
        ident = f"{prefix}{n}"
        self.taken.add(ident)
        return ident


def prefill(document: Document, codebook: Codebook, sets: Mapping[str, AnnotationSet], *,
            auto: str = "agreed") -> AnnotationSet:
    """The gold set of ``document`` from ``sets`` (coder -> their set, two or more): what all
    agree on copied (unless ``auto`` is "none"), every other difference an open item."""
    if auto not in AUTO_CHOICES:
        raise ValueError(f"auto must be one of {AUTO_CHOICES}, not {auto!r}")
    gold = AnnotationSet(document_id=document.id, document_sha256=document.sha256,
                         coder=GOLD_CODER, codebook=CodebookRef(**codebook.ref()),
                         status="in_progress")
    run = _Prefill(gold, {c: _CoderView(sets[c]) for c in sorted(sets)}, auto == "agreed")
    run.agreed_spans(document.text)
    run.events()
    run.span_items()
    run.located.sort(key=lambda pair: pair[0])
    record_items = [item for _, item in run.located]
    record_items += _fields(gold.fields, gold.field_provenance,
                            {c: sets[c].fields for c in run.coders}, run.coders, run.auto,
                            kind="document_field")
    for n, item in enumerate(record_items, 1):
        item["id"] = f"i{n}"
    gold.adjudication = {"coders": run.coders, "auto": auto, "items": record_items}
    return gold


@dataclass
class _Prefill:
    """One comparison under way: the gold set being filled, and the items found so far."""

    gold: AnnotationSet
    views: dict[str, _CoderView]
    auto: bool
    coders: list[str] = field(default_factory=list)
    ids: FreshIds = field(default_factory=FreshIds)
    located: list[tuple[tuple[int, int, int], dict[str, Any]]] = field(default_factory=list)
    gold_ids: dict[SpanKey, str] = field(default_factory=dict)  # agreed span -> gold id
    left: list[tuple[str, Span]] = field(default_factory=list)  # spans not agreed
    carried: set[tuple[str, str]] = field(default_factory=set)  # (coder, span id) in an item

    def __post_init__(self) -> None:
        self.coders = list(self.views)

    def agreed_spans(self, text: str) -> None:
        """Copy the spans every coder made (as often as each made it); keep the rest."""
        counts = [Counter(map(span_key, self.views[c].aset.spans)) for c in self.coders]
        agreed = Counter(counts[0])
        for other in counts[1:]:
            agreed &= other
        if not self.auto:
            agreed = Counter()
        for key in sorted(agreed.elements()):
            span_id = self.ids.new("s")
            self.gold.spans.append(Span(span_id, key[0], key[1], key[2], text[key[0]:key[1]],
                                        provenance=Provenance(tuple(self.coders), "agreed")))
            self.gold_ids.setdefault(key, span_id)
        for c in self.coders:
            taken = Counter(agreed)
            for span in sorted(self.views[c].aset.spans,
                               key=lambda s: (s.start, s.end, s.label, s.id)):
                if taken[span_key(span)] > 0:
                    taken[span_key(span)] -= 1
                else:
                    self.left.append((c, span))

    def span_items(self) -> None:
        """One item per cluster of overlapping spans not agreed; a cluster of one coder's
        spans that only serve that coder's events in event items is left to those items (they
        come with the event, and go if it is rejected)."""
        for cluster in _overlapping(self.left):
            if len({c for c, _ in cluster}) == 1 and all(
                    (c, span.id) in self.carried for c, span in cluster):
                continue
            alternatives: dict[str, list[dict[str, Any]]] = {c: [] for c in self.coders}
            for c, span in cluster:
                alternatives[c].append(alt_span(span))
            start = min(span.start for _, span in cluster)
            end = max(span.end for _, span in cluster)
            self.located.append(((start, end, 0), {"id": "", "kind": "span",
                                                   "alternatives": alternatives}))

    def events(self) -> None:
        """Copy the events every coder made the same way; an item for each other group."""
        coders = self.coders
        for group in match_events(self.views, coders):
            position = (*(group.anchor or (-1, -1)), 1)
            cores = {self.views[c].core(e) for c, e in group.events.items()}
            model = group.events.get(coders[0])
            first = self.views[coders[0]]
            if (self.auto and len(group.events) == len(coders) and len(cores) == 1
                    and model is not None
                    and {first.key(s) for s in model.span_ids()} <= self.gold_ids.keys()):
                event = self.agreed_event(first, model)
                # Agreed fields take the event's provenance; only decided ones get their own.
                for item in _fields(event.fields, None,
                                    {c: e.fields for c, e in group.events.items()}, coders,
                                    True, kind="event_field"):
                    item["event"] = event.id
                    self.located.append(((*position[:2], 2), item))
                continue
            alternatives = {c: (self.views[c].alt_event(group.events[c])
                                if c in group.events else None) for c in coders}
            self.carried |= {(c, s) for c, e in group.events.items() for s in e.span_ids()}
            self.located.append((position, {"id": "", "kind": "event",
                                            "alternatives": alternatives}))

    def agreed_event(self, first: _CoderView, model: Event) -> Event:
        def in_gold(span_id: str) -> str:
            return self.gold_ids[span_key(first.spans[span_id])]

        event = Event(self.ids.new("e"), model.type, model.subtype,
                      in_gold(model.trigger) if model.trigger else None,
                      {role: [in_gold(s) for s in fillers]
                       for role, fillers in model.roles.items() if fillers},
                      provenance=Provenance(tuple(self.coders), "agreed"))
        self.gold.events.append(event)
        return event


def _overlapping(spans: list[tuple[str, Span]]) -> list[list[tuple[str, Span]]]:
    """Spans in clusters of overlapping ranges (a chain of overlaps is one cluster)."""
    clusters: list[list[tuple[str, Span]]] = []
    reach = -1
    for coder, span in sorted(spans, key=lambda cs: (cs[1].start, cs[1].end, cs[0])):
        if clusters and span.start < reach:
            clusters[-1].append((coder, span))
            reach = max(reach, span.end)
        else:
            clusters.append([(coder, span)])
            reach = span.end
    return clusters


def match_events(views: Mapping[str, _CoderView], coders: Sequence[str]) -> list[_Group]:
    """Events of all coders in groups, at most one per coder: identical events first, then
    (as ``agreement`` pairs two coders' events) same type and overlapping anchors, the largest
    overlap first. The first coder's events start the groups; each next coder's join them."""
    groups: list[_Group] = []
    for c in coders:
        view = views[c]
        todo = list(view.aset.events)
        # 1. identical to a group's first event (same core): one to one, in order
        waiting: dict[tuple[Any, ...], list[_Group]] = {}
        for g in groups:
            first_coder = next(iter(g.events))
            waiting.setdefault(views[first_coder].core(g.events[first_coder]), []).append(g)
        rest = []
        for event in todo:
            candidates = waiting.get(view.core(event))
            if candidates:
                candidates.pop(0).events[c] = event
            else:
                rest.append(event)
        # 2. same type, overlapping anchors
        free = [g for g in groups if c not in g.events and g.anchor is not None]
        anchored = [(e, a) for e in rest for a in (_anchor(e, view.spans),) if a is not None]
        pairs = _overlap_pairs([(*g.anchor, g.type) for g in free],  # type: ignore[misc]
                               [(a[0], a[1], e.type) for e, a in anchored])
        joined = set()
        for i, j in pairs:
            free[i].events[c] = anchored[j][0]
            joined.add(id(anchored[j][0]))
        for event in rest:
            if id(event) not in joined:
                groups.append(_Group({c: event}, _anchor(event, view.spans), event.type))
    return sorted(groups, key=lambda g: (g.anchor or (-1, -1), g.type))


def _anchor(event: Event, spans: dict[str, Span]) -> tuple[int, int] | None:
    """Where an event sits (its trigger, else its role fillers), as ``agreement`` sees it."""
    return agreement.event_anchor(event, spans)


def _overlap_pairs(items_a: list[tuple[int, int, str]], items_b: list[tuple[int, int, str]]
                   ) -> list[tuple[int, int]]:
    """One-to-one pairs of items with the same key and overlapping ranges, as ``agreement``
    matches events: a maximum matching (``core.matching``)."""
    return overlap_matching(items_a, items_b)


def _fields(target: dict[str, Any], provenance: dict[str, Provenance] | None,
            values: Mapping[str, Mapping[str, Any]], coders: Sequence[str], auto: bool, *,
            kind: str) -> list[dict[str, Any]]:
    """Copy into ``target`` each field all ``coders`` gave the same value; an item for each
    other field someone filled."""
    out = []
    for fid in sorted({f for vs in values.values() for f in vs}):
        given = {c: values.get(c, {}).get(fid) for c in coders}
        keys = {value_key(v) for v in given.values()}
        if keys == {None}:
            continue
        if auto and len(keys) == 1:
            target[fid] = given[coders[0]]
            if provenance is not None:
                provenance[fid] = Provenance(tuple(coders), "agreed")
            continue
        out.append({"id": "", "kind": kind, "field": fid,
                    "alternatives": {c: (None if is_empty(v) else v) for c, v in given.items()}})
    return out

