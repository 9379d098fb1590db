"""What the coders of one document disagree on, item by item: the list a lead reads to see
where a document needs a decision, and the one adjudication works through.

``document_disagreements(document, sets)`` takes the document and the sets of the coders who
coded it (two or more) and returns a ``DocumentDisagreements``: a list of ``Disagreement``, each
with its ``kind``, where it is (a range of the text, an event, a field) and what each coder said,
plus how many items all coders agreed on. Plain data, no printing: the command line, the window
and adjudication each show it their way.

Spans marked identically (start, end, label) by every coder are agreed. The other spans are
grouped into stretches of overlapping spans, each one disagreement:

- ``span missing``: some coder marked nothing there;
- ``label``: every coder marked something, with other labels;
- ``boundary``: the same labels, other starts or ends.

Events coded identically by every coder (type, sub-type, anchor, role fillers by range, fields)
are agreed. The others are grouped by overlapping anchors (the trigger, or the range the role
fillers cover; events without either are grouped by type):

- ``event missing``: some coder coded no event there, or fewer events than another;
- ``event type``: as many events each, of other types;
- ``event field``: one per aspect in which the events (taken in order of anchor) differ: the
  sub-type, the anchor, a role's fillers, or a field.

Document fields: ``document field``, one per field the coders gave differently.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from typing import Any

from annotator.core.agreement import event_anchor
from annotator.core.model import AnnotationSet, Document, Event, Span
from annotator.core.values import is_empty

SPAN_MISSING = "span missing"
BOUNDARY = "boundary"
LABEL = "label"
EVENT_MISSING = "event missing"
EVENT_TYPE = "event type"
EVENT_FIELD = "event field"
DOCUMENT_FIELD = "document field"
KINDS = (SPAN_MISSING, BOUNDARY, LABEL, EVENT_MISSING, EVENT_TYPE, EVENT_FIELD, DOCUMENT_FIELD)
SPAN_KINDS = (SPAN_MISSING, BOUNDARY, LABEL)
# The aspects of an event an ``event field`` disagreement can name besides its fields.
SUBTYPE, ANCHOR, ROLE = "sub-type", "anchor", "role "


@dataclass(frozen=True)
class Disagreement:
    """One thing the coders of a document differ on.

    ``start``/``end``: the stretch of text concerned (code points; None for a document field
    and for events without an anchor), ``text`` the document's text there. ``spans``: for
    span kinds, each coder's spans in the stretch (empty: none). ``events``: for event kinds,
    each coder's events there. ``name``: for ``event field`` and ``document field``, what
    differs (``sub-type``, ``anchor``, ``role <id>`` or a field id). ``values``: for those,
    each coder's value (None: not given; an anchor is ``[start, end]``, a role's fillers a
    list of ``[start, end]``).
    """

    kind: str
    start: int | None = None
    end: int | None = None
    text: str = ""  # the document's text from start to end
    name: str | None = None
    spans: Mapping[str, tuple[Span, ...]] = field(default_factory=dict)
    events: Mapping[str, tuple[Event, ...]] = field(default_factory=dict)
    values: Mapping[str, Any] = field(default_factory=dict)

    def said(self) -> dict[str, Any]:
        """What each coder said, as plain JSON values: spans as ``{id, start, end, label,
        text}``, events as ``{id, type, subtype}``, a field's value as it is."""
        if self.kind in SPAN_KINDS:
            return {c: [{"id": s.id, "start": s.start, "end": s.end, "label": s.label,
                         "text": s.text} for s in spans] for c, spans in self.spans.items()}
        if self.kind in (EVENT_MISSING, EVENT_TYPE):
            return {c: [{"id": e.id, "type": e.type, "subtype": e.subtype} for e in events]
                    for c, events in self.events.items()}
        return dict(self.values)

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"kind": self.kind, "start": self.start, "end": self.end,
                               "text": self.text}
        if self.name is not None:
            out["name"] = self.name
        if self.events and self.kind == EVENT_FIELD:
            out["events"] = {c: [e.id for e in events] for c, events in self.events.items()}
        out["said"] = self.said()
        return out


@dataclass
class DocumentDisagreements:
    """The disagreements of one document's coders, and how many items they all agreed on."""

    document: str
    coders: tuple[str, ...]
    items: list[Disagreement] = field(default_factory=list)
    agreed: int = 0

    @property
    def score(self) -> float:
        """The share of items in dispute: 0 when the coders agree on everything (or coded
        nothing), 1 when they agree on nothing."""
        total = self.agreed + len(self.items)
        return len(self.items) / total if total else 0.0

    def counts(self) -> dict[str, int]:
        """How many disagreements of each kind (``KINDS`` order, kinds present only)."""
        found = Counter(d.kind for d in self.items)
        return {kind: found[kind] for kind in KINDS if found[kind]}

    def to_dict(self) -> dict[str, Any]:
        return {"document": self.document, "coders": list(self.coders),
                "score": round(self.score, 4), "agreed": self.agreed, "counts": self.counts(),
                "disagreements": [d.to_dict() for d in self.items]}


def document_disagreements(document: Document, sets: Mapping[str, AnnotationSet]
                           ) -> DocumentDisagreements:
    """What the coders of ``document`` (the keys of ``sets``, two or more) disagree on."""
    coders = tuple(sorted(sets))
    out = DocumentDisagreements(document.id, coders)
    _spans(out, {c: sets[c].spans for c in coders})
    _events(out, {c: sets[c] for c in coders})
    _document_fields(out, {c: sets[c].fields for c in coders})
    out.items.sort(key=_order)
    text = document.text
    out.items[:] = [d if d.start is None or d.end is None else replace(d, text=text[d.start:d.end])
                    for d in out.items]
    return out


def rank(documents: list[DocumentDisagreements]) -> list[DocumentDisagreements]:
    """Documents that have disagreements, the most disputed first (then the most items, then
    by id)."""
    return sorted((d for d in documents if d.items),
                  key=lambda d: (-d.score, -len(d.items), d.document))


def _order(d: Disagreement) -> tuple[int, int, int, str]:
    return (-1 if d.start is None else d.start, -1 if d.end is None else d.end,
            KINDS.index(d.kind), d.name or "")


# -- spans ------------------------------------------------------------------------------------
def _spans(out: DocumentDisagreements, spans: dict[str, list[Span]]) -> None:
    keys = {c: Counter((s.start, s.end, s.label) for s in mine) for c, mine in spans.items()}
    agreed = Counter[tuple[int, int, str]]()
    for i, counter in enumerate(keys.values()):
        agreed = counter.copy() if i == 0 else agreed & counter
    out.agreed += sum(agreed.values())
    rest: list[tuple[int, int, str, Span]] = []
    for coder, mine in spans.items():
        left = agreed.copy()
        for s in mine:
            key = (s.start, s.end, s.label)
            if left[key]:
                left[key] -= 1
            else:
                rest.append((s.start, s.end, coder, s))
    rest.sort(key=lambda r: (r[0], r[1], r[2], r[3].label, r[3].id))
    for group in _overlapping(rest):
        by_coder = {c: tuple(s for _, _, coder, s in group if coder == c) for c in out.coders}
        start = min(r[0] for r in group)
        end = max(r[1] for r in group)
        if not all(by_coder.values()):
            kind = SPAN_MISSING
        elif len({tuple(sorted(s.label for s in mine)) for mine in by_coder.values()}) > 1:
            kind = LABEL
        else:
            kind = BOUNDARY
        out.items.append(Disagreement(kind, start, end, spans=by_coder))


def _overlapping(items: list[Any]) -> list[list[Any]]:
    """Items ``(start, end, ...)`` sorted by start, in groups that overlap one another."""
    groups: list[list[Any]] = []
    reach = -1
    for item in items:
        if groups and item[0] < reach:
            groups[-1].append(item)
            reach = max(reach, item[1])
        else:
            groups.append([item])
            reach = item[1]
    return groups


# -- events -----------------------------------------------------------------------------------
def _events(out: DocumentDisagreements, sets: dict[str, AnnotationSet]) -> None:
    spans_of = {c: {s.id: s for s in aset.spans} for c, aset in sets.items()}
    prepared = {c: [(e, event_anchor(e, spans_of[c])) for e in aset.events]
                for c, aset in sets.items()}
    # Agreed: an event every coder coded alike (compared as values, most often at once).
    alike = {c: [_alike(e, anchor, spans_of[c]) for e, anchor in mine]
             for c, mine in prepared.items()}
    coders = list(prepared)
    left = {c: list(range(len(prepared[c]))) for c in coders}
    for i in range(len(prepared[coders[0]])):
        found = [i]
        for c in coders[1:]:
            j = next((j for j in left[c] if alike[c][j] == alike[coders[0]][i]), None)
            if j is None:
                break
            found.append(j)
        else:
            out.agreed += 1
            for c, j in zip(coders, found, strict=True):
                left[c].remove(j)
    anchored: list[tuple[int, int, str, Event]] = []
    loose: dict[str, list[tuple[str, Event]]] = {}  # by type: events without an anchor
    anchors: dict[int, tuple[int, int] | None] = {}
    for coder in coders:
        for j in left[coder]:
            e, anchor = prepared[coder][j]
            anchors[id(e)] = anchor
            if anchor is None:
                loose.setdefault(e.type, []).append((coder, e))
            else:
                anchored.append((anchor[0], anchor[1], coder, e))
    anchored.sort(key=lambda r: (r[0], r[1], r[2], r[3].type, r[3].id))
    groups = [[(coder, e) for _, _, coder, e in g] for g in _overlapping(anchored)]
    groups += [loose[t] for t in sorted(loose)]
    for group in groups:
        by_coder = {c: tuple(e for coder, e in group if coder == c) for c in out.coders}
        found_anchors = [a for _, e in group for a in [anchors[id(e)]] if a is not None]
        start = min((a[0] for a in found_anchors), default=None)
        end = max((a[1] for a in found_anchors), default=None)
        counts = {len(es) for es in by_coder.values()}
        if 0 in counts or len(counts) > 1:
            out.items.append(Disagreement(EVENT_MISSING, start, end, events=by_coder))
        elif len({tuple(sorted(e.type for e in es)) for es in by_coder.values()}) > 1:
            out.items.append(Disagreement(EVENT_TYPE, start, end, events=by_coder))
        else:
            _event_fields(out, by_coder, spans_of, start, end)


def _alike(event: Event, anchor: tuple[int, int] | None, spans: dict[str, Span]
           ) -> tuple[Any, ...]:
    """Everything about an event that coders can differ on, to compare as a value."""
    roles = {r: v for r in event.roles for v in [_fillers(event, r, spans)] if v}
    fields = {f: v for f, v in event.fields.items() if not is_empty(v)}
    return (event.type, event.subtype, anchor, roles, fields)


def _event_fields(out: DocumentDisagreements, by_coder: dict[str, tuple[Event, ...]],
                  spans_of: dict[str, dict[str, Span]], start: int | None,
                  end: int | None) -> None:
    """One ``event field`` disagreement per aspect in which the k-th events differ."""
    def ordered(coder: str) -> list[Event]:
        return sorted(by_coder[coder], key=lambda e: (event_anchor(e, spans_of[coder]) or (-1, -1),
                                                      e.type, e.id))

    columns = {c: ordered(c) for c in by_coder}
    for k in range(len(next(iter(columns.values())))):
        events = {c: columns[c][k] for c in columns}
        aspects: dict[str, dict[str, Any]] = {}
        aspects[SUBTYPE] = {c: e.subtype for c, e in events.items()}
        aspects[ANCHOR] = {c: _range(event_anchor(e, spans_of[c])) for c, e in events.items()}
        for role in sorted({r for e in events.values() for r in e.roles}):
            aspects[ROLE + role] = {c: _fillers(e, role, spans_of[c]) for c, e in events.items()}
        for fid in sorted({f for e in events.values() for f in e.fields}):
            aspects[fid] = {c: _value(e.fields.get(fid)) for c, e in events.items()}
        for name, values in aspects.items():
            first = next(iter(values.values()))
            if any(v != first for v in values.values()):
                out.items.append(Disagreement(EVENT_FIELD, start, end, name=name,
                                              events={c: (e,) for c, e in events.items()},
                                              values=values))


def _fillers(event: Event, role: str, spans: dict[str, Span]) -> list[list[int]] | None:
    found = sorted([spans[s].start, spans[s].end] for s in event.roles.get(role, ())
                   if s in spans)
    return found or None


def _range(anchor: tuple[int, int] | None) -> list[int] | None:
    return None if anchor is None else [anchor[0], anchor[1]]


def _value(value: Any) -> Any:
    return None if is_empty(value) else value


# -- document fields --------------------------------------------------------------------------
def _document_fields(out: DocumentDisagreements, fields: dict[str, dict[str, Any]]) -> None:
    for fid in sorted({f for mine in fields.values() for f in mine}):
        values = {c: _value(mine.get(fid)) for c, mine in fields.items()}
        first = next(iter(values.values()))
        if any(v != first for v in values.values()):
            out.items.append(Disagreement(DOCUMENT_FIELD, name=fid, values=values))
        elif any(v is not None for v in values.values()):
            out.agreed += 1
