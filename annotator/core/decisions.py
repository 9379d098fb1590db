"""Decisions on a gold set's open items, as edits: one undoable step each (no Qt).

``decision_edit(session, item_id, accept)`` returns a ``Macro`` that takes the versions of the
coders in ``accept`` (one coder: "accept A"; every coder with a version: "accept both"; none:
"reject"), made of the ordinary edits (``AddSpan``, ``CreateEvent``, ``AddRoleFiller``,
``SetEventField``, ...) plus ``SetProvenance`` (the new items say whose version they are,
"chosen") and ``CloseItem`` (the item records the decision). Push it on the window's undo stack
or ``History``: undo gives back the exact gold set.

``EditInGold(edit)`` wraps any other edit made on a gold set, so the items it changes say
"edited" (undo puts their provenance back).
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from annotator.core.adjudication import (
    FreshIds,
    alt_key,
    coders_with_a_version,
    find_item,
    value_key,
)
from annotator.core.edits import (
    AddRoleFiller,
    AddSpan,
    CreateEvent,
    Edit,
    Macro,
    SetDocumentField,
    SetEventField,
    default_fields,
)
from annotator.core.events import (
    AdjudicationChanged,
    Change,
    EventChanged,
    FieldSet,
    SpanChanged,
)
from annotator.core.model import AnnotationSet, Provenance
from annotator.core.session import AnnotationSession, EditRefusedError
from annotator.core.values import show
from annotator.i18n import tr

TARGETS = ("span", "event", "event_field", "document_field")


# -- provenance as an edit --------------------------------------------------------------------
def get_provenance(aset: AnnotationSet, target: str, ref: str, field_id: str = ""
                   ) -> Provenance | None:
    """The provenance of a span or event (``ref``), or of a field of one (``field_id``)."""
    if target == "span":
        span = aset.span(ref)
        return span.provenance if span else None
    if target == "document_field":
        return aset.field_provenance.get(field_id)
    event = aset.event(ref)
    if event is None:
        return None
    return event.provenance if target == "event" else event.field_provenance.get(field_id)


def _put_provenance(aset: AnnotationSet, target: str, ref: str, field_id: str,
                    provenance: Provenance | None) -> None:
    if target == "span":
        span = aset.span(ref)
        assert span is not None
        span.provenance = provenance
        return
    if target == "document_field":
        table = aset.field_provenance
    else:
        event = aset.event(ref)
        assert event is not None
        if target == "event":
            event.provenance = provenance
            return
        table = event.field_provenance
    if provenance is None:
        table.pop(field_id, None)
    else:
        table[field_id] = provenance


def _change(target: str, ref: str, field_id: str) -> Change:
    if target == "span":
        return SpanChanged(ref)
    if target == "document_field":
        return FieldSet(field_id)
    if target == "event_field":
        return FieldSet(field_id, ref)
    return EventChanged(ref)


@dataclass
class SetProvenance(Edit):
    """Set (``None``: clear) the provenance of a span, an event, or a field of either."""

    target: str
    ref: str
    field_id: str = ""
    provenance: Provenance | None = None
    description: str = "Set provenance"
    _old: Provenance | None = None

    def check(self, s: AnnotationSession) -> str:
        if self.target not in TARGETS:
            return f"cannot set the provenance of {show(self.target)}"
        if self.target == "span" and s.aset.span(self.ref) is None:
            return f"there is no span {show(self.ref)}"
        if self.target in ("event", "event_field") and s.aset.event(self.ref) is None:
            return f"there is no event {show(self.ref)}"
        return ""

    def apply(self, s: AnnotationSession) -> None:
        self._old = get_provenance(s.aset, self.target, self.ref, self.field_id)
        _put_provenance(s.aset, self.target, self.ref, self.field_id, self.provenance)

    def revert(self, s: AnnotationSession) -> None:
        _put_provenance(s.aset, self.target, self.ref, self.field_id, self._old)

    def changes(self) -> list[Change]:
        return [_change(self.target, self.ref, self.field_id)]


@dataclass
class CloseItem(Edit):
    """Record the decision on an open item: whose versions were taken, and what was added."""

    item_id: str
    accept: tuple[str, ...]
    made: tuple[str, ...] = ()
    description: str = "Close disagreement"

    def check(self, s: AnnotationSession) -> str:
        item = find_item(s.aset, self.item_id)
        if item is None:
            return f"there is no disagreement {show(self.item_id)}"
        if "decision" in item:
            return f"disagreement {self.item_id} is already decided (undo the decision first)"
        return ""

    def apply(self, s: AnnotationSession) -> None:
        item = find_item(s.aset, self.item_id)
        assert item is not None
        item["decision"] = {"accept": list(self.accept), "made": list(self.made)}

    def revert(self, s: AnnotationSession) -> None:
        item = find_item(s.aset, self.item_id)
        assert item is not None
        del item["decision"]

    def changes(self) -> list[Change]:
        return [AdjudicationChanged(self.item_id)]


# -- decisions ----------------------------------------------------------------------------
def decision_edit(session: AnnotationSession, item_id: str, accept: Sequence[str]) -> Macro:
    """The edit that decides item ``item_id`` of the gold set in ``session`` by taking the
    versions of the coders in ``accept`` (none: reject them all). Raises ``EditRefusedError``
    for an unknown, decided or impossible decision; the ``Macro`` is checked again when it is
    pushed, against the gold set as it is then."""
    gold = session.aset
    item = find_item(gold, item_id)
    if item is None:
        raise EditRefusedError(f"there is no disagreement {show(item_id)}")
    if "decision" in item:
        raise EditRefusedError(f"disagreement {item_id} is already decided (undo it first)")
    accept = list(dict.fromkeys(accept))
    unknown = [c for c in accept if c not in item["alternatives"]]
    if unknown:
        raise EditRefusedError(f"disagreement {item_id} has no version by "
                               f"{', '.join(map(show, unknown))} (coders: "
                               f"{', '.join(item['alternatives'])})")
    builder = _Builder(session)
    kind = item["kind"]
    if kind == "span":
        builder.spans(item, accept)
    elif kind == "event":
        builder.events(item, accept)
    elif kind in ("event_field", "document_field"):
        builder.field(item, accept)
    else:
        raise EditRefusedError(f"disagreement {item_id} is of an unknown kind {show(kind)}")
    said = tr("edits", "Adjudicate {item}: reject") if not accept else \
        tr("edits", "Adjudicate {item}: accept both") if len(accept) > 1 else \
        tr("edits", "Adjudicate {item}: accept {coder}")
    edits = [*builder.edits, CloseItem(item_id, tuple(accept), tuple(builder.made))]
    return Macro(edits, description=said.format(item=item_id, coder=accept[0] if accept else ""))


def accept_all(gold: AnnotationSet, item_id: str) -> list[str]:
    """The coders "accept both" takes for an item: all who made something there."""
    item = find_item(gold, item_id)
    return coders_with_a_version(item) if item is not None else []


class _Builder:
    """Collects the edits of one decision; spans are reused when the gold set has them."""

    def __init__(self, session: AnnotationSession) -> None:
        self.session = session
        gold = session.aset
        self.ids = FreshIds([s.id for s in gold.spans] + [e.id for e in gold.events])
        self.gold_spans = {(s.start, s.end, s.label): s.id for s in gold.spans}
        self.edits: list[Edit] = []
        self.made: list[str] = []

    def span(self, alt: Mapping[str, Any], coders: Sequence[str]) -> str:
        """The gold span for a coder's span: the one there, or a new one (chosen)."""
        key = alt_key(alt)
        found = self.gold_spans.get(key)
        if found is not None:
            return found
        span_id = self.gold_spans[key] = self.ids.new("s")
        self.edits += [AddSpan(key[0], key[1], key[2], span_id=span_id),
                       SetProvenance("span", span_id, "", Provenance(tuple(coders), "chosen"))]
        self.made.append(span_id)
        return span_id

    def spans(self, item: Mapping[str, Any], accept: Sequence[str]) -> None:
        having: dict[tuple[int, int, str], list[str]] = {}
        for coder, alts in item["alternatives"].items():
            for alt in alts:
                having.setdefault(alt_key(alt), [])
                if coder not in having[alt_key(alt)]:
                    having[alt_key(alt)].append(coder)
        for coder in accept:
            for alt in item["alternatives"][coder]:
                self.span(alt, having[alt_key(alt)])

    def events(self, item: Mapping[str, Any], accept: Sequence[str]) -> None:
        alternatives = item["alternatives"]
        versions = {c: _canonical_event(alt) for c, alt in alternatives.items() if alt}
        done: set[str] = set()
        for coder in accept:
            alt = alternatives[coder]
            if not alt or versions[coder] in done:
                continue  # this coder made no event here, or the same as one taken
            done.add(versions[coder])
            same = tuple(c for c, v in versions.items() if v == versions[coder])
            self.event(alt, same)

    def event(self, alt: Mapping[str, Any], coders: tuple[str, ...]) -> None:
        cb = self.session.codebook
        event_id = self.ids.new("e")
        trigger = self.span(alt["trigger"], coders) if alt.get("trigger") else None
        fillers = {role: [self.span(f, coders) for f in spans]
                   for role, spans in alt["roles"].items()}
        self.edits.append(CreateEvent(alt["type"], alt.get("subtype"), trigger,
                                      event_id=event_id))
        self.edits += [AddRoleFiller(event_id, role, span_id)
                       for role, ids in fillers.items() for span_id in ids]
        defaults = default_fields(cb, alt["type"]) if cb.event_type(alt["type"]) else {}
        self.edits += [SetEventField(event_id, fid, None)
                       for fid in defaults if fid not in alt["fields"]]
        self.edits += [SetEventField(event_id, fid, value)
                       for fid, value in alt["fields"].items()]
        self.edits.append(SetProvenance("event", event_id, "", Provenance(coders, "chosen")))
        self.made.append(event_id)

    def field(self, item: Mapping[str, Any], accept: Sequence[str]) -> None:
        alternatives = item["alternatives"]
        chosen = {value_key(alternatives[c]) for c in accept}
        if len(chosen) > 1:
            raise EditRefusedError(f"disagreement {item['id']}: a field holds one value; "
                                   "accept one coder's")
        if not accept:
            return
        value = alternatives[accept[0]]
        fid = item["field"]
        same = tuple(c for c, v in alternatives.items() if value_key(v) == value_key(value))
        provenance = Provenance(same, "chosen") if value is not None else None
        if item["kind"] == "document_field":
            self.edits += [SetDocumentField(fid, value),
                           SetProvenance("document_field", "", fid, provenance)]
            return
        event_id = item.get("event", "")
        if self.session.aset.event(event_id) is None:
            raise EditRefusedError(f"disagreement {item['id']}: its event {show(event_id)} is "
                                   "no longer in the gold set")
        self.edits += [SetEventField(event_id, fid, value),
                       SetProvenance("event_field", event_id, fid, provenance)]


def _canonical_event(alt: Mapping[str, Any]) -> str:
    """A coder's event without its ids, to tell identical versions apart from different."""
    def spans(items: Sequence[Mapping[str, Any]]) -> list[Any]:
        return sorted(alt_key(s) for s in items)
    trigger = alt.get("trigger")
    return json.dumps([alt["type"], alt.get("subtype"), alt_key(trigger) if trigger else None,
                       {role: spans(fillers) for role, fillers in alt["roles"].items()},
                       alt["fields"]], ensure_ascii=False, sort_keys=True)


# -- edits by the adjudicator ----------------------------------------------------------------
def _state(aset: AnnotationSet) -> tuple[dict[str, Any], dict[str, Any], dict[str, Any]]:
    """What an edit can change, per span, event and document field, to find what it did."""
    spans = {s.id: (s.start, s.end, s.label) for s in aset.spans}
    events = {e.id: ((e.type, e.subtype, e.trigger,
                      sorted((r, list(v)) for r, v in e.roles.items() if v)),
                     {k: value_key(v) for k, v in e.fields.items()}) for e in aset.events}
    fields = {k: value_key(v) for k, v in aset.fields.items()}
    return spans, events, fields


@dataclass
class EditInGold(Edit):
    """Any edit made on a gold set by the adjudicator: the items it changes that came from
    the coders ("agreed" or "chosen") say "edited" afterwards (with the same coders). A field
    without its own provenance takes its event's, marked "edited"."""

    edit: Edit
    description: str = ""
    _marked: list[tuple[str, str, str, Any]] = field(default_factory=list, repr=False)

    def __post_init__(self) -> None:
        self._named = bool(self.description)
        self.description = self.description or self.edit.description

    def check(self, s: AnnotationSession) -> str:
        return self.edit.check(s)

    def apply(self, s: AnnotationSession) -> None:
        before = _state(s.aset)
        self.edit.apply(s)
        if not self._named:  # the edit names its text once applied: say the same
            self.description = self.edit.description
        after = _state(s.aset)
        self._marked = []
        for span_id, now in after[0].items():
            if before[0].get(span_id, now) != now:
                self._mark(s.aset, "span", span_id, "")
        for event_id, (core, values) in after[1].items():
            if event_id not in before[1]:
                continue
            old_core, old_values = before[1][event_id]
            if old_core != core:
                self._mark(s.aset, "event", event_id, "")
            for fid in set(values) | set(old_values):
                if values.get(fid) != old_values.get(fid):
                    self._mark(s.aset, "event_field", event_id, fid)
        for fid in set(after[2]) | set(before[2]):
            if after[2].get(fid) != before[2].get(fid):
                self._mark(s.aset, "document_field", "", fid)

    def _mark(self, gold: AnnotationSet, target: str, ref: str, field_id: str) -> None:
        old = get_provenance(gold, target, ref, field_id)
        basis = old
        if basis is None and target == "event_field":
            basis = get_provenance(gold, "event", ref)  # the field had its event's
        if basis is None or (old is not None and old.how == "edited"):
            return  # the adjudicator's own item, or already marked
        _put_provenance(gold, target, ref, field_id, Provenance(basis.coders, "edited"))
        self._marked.append((target, ref, field_id, old))

    def revert(self, s: AnnotationSession) -> None:
        for target, ref, field_id, old in reversed(self._marked):
            _put_provenance(s.aset, target, ref, field_id, old)
        self._marked = []
        self.edit.revert(s)

    def changes(self) -> list[Change]:
        return self.edit.changes()
