"""Agreement between two coders who coded the same documents: the numbers a lead checks before
adjudicating, computed from annotation sets alone (no files, no Qt).

For each pair of coders, over the documents both coded:

- **Spans**, matched one to one. *Strict*: same start, end and label. *Lenient*: same label
  and overlapping ranges, as many pairs as a one-to-one matching can have (``core.matching``).
  *Boundaries*: same start and end, whatever the label (tells edge disagreements from label
  ones). Each is reported as F1 = 2 * matched / (spans of A + spans of B), symmetric in the
  coders, overall and per label.
- **Characters**: Cohen's kappa over every non-whitespace code point, its category being the
  set of labels of the spans that cover it ("O" for none); chance-corrected, as kappa is.
- **Events**, matched one to one: same type, and overlapping anchors (the trigger, or for an
  event without one, the range its role fillers cover). Strict also wants the same anchor
  range. Events with no anchor at all are matched with those of the same type that have none
  either (the most alike first). Over matched events: sub-type agreement, role fillers (F1 of
  role, start, end), and each field.
- **Fields** (of matched events, and of the documents): the share of pairs with the same value
  among the pairs where either coder gave one, and Cohen's kappa for choice and yes/no fields.

Kappa is ``None`` where it is undefined (both coders used one category throughout); ``describe``
says so. Every count can be merged (``merge``), so documents may be counted in parts.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import chain
from operator import itemgetter
from typing import Any, NamedTuple

from annotator.core.codebook import Codebook
from annotator.core.coded_units import character_units
from annotator.core.matching import identical_pairs, overlap_matching
from annotator.core.model import AnnotationSet, Document, Event, Span
from annotator.core.values import is_empty

NOMINAL_TYPES = frozenset({"enum", "boolean"})  # fields whose values are categories: kappa
UNDEFINED_KAPPA = "undefined (one category only)"
NONE = "-"  # the category of a value not given
SAME, DIFFERENT = ("=", "="), ("a", "b")  # a pair of values that are not categories
_LABEL, _RANGE = itemgetter(2), itemgetter(0, 1)


@dataclass
class F1:
    """Items of coder A, of coder B, and how many were matched one to one."""

    a: int = 0
    b: int = 0
    matched: int = 0

    @property
    def f1(self) -> float | None:
        total = self.a + self.b
        return 2 * self.matched / total if total else None

    def add(self, a: int, b: int, matched: int) -> None:
        self.a += a
        self.b += b
        self.matched += matched

    def merge(self, other: F1) -> None:
        self.add(other.a, other.b, other.matched)

    def to_dict(self) -> dict[str, Any]:
        return {"a": self.a, "b": self.b, "matched": self.matched, "f1": _round(self.f1)}


@dataclass
class Kappa:
    """Pairs of values (A's, B's): observed agreement, and Cohen's kappa when the values are
    categories (``nominal``; a count or a date has no chance agreement worth the name)."""

    pairs: Counter[tuple[str, str]] = field(default_factory=Counter)
    nominal: bool = True

    def add(self, a: str, b: str, n: int = 1) -> None:
        self.pairs[(a, b)] += n

    def merge(self, other: Kappa) -> None:
        self.pairs.update(other.pairs)

    @property
    def n(self) -> int:
        return sum(self.pairs.values())

    @property
    def observed(self) -> float | None:
        n = self.n
        return sum(c for (a, b), c in self.pairs.items() if a == b) / n if n else None

    @property
    def kappa(self) -> float | None:
        n = self.n
        if not n or not self.nominal:
            return None
        left: Counter[str] = Counter()
        right: Counter[str] = Counter()
        for (a, b), c in self.pairs.items():
            left[a] += c
            right[b] += c
        expected = sum(left[k] * right[k] for k in left) / (n * n)
        if expected >= 1:
            return None  # one category throughout: agreement by chance is certain
        observed = self.observed
        assert observed is not None
        return (observed - expected) / (1 - expected)

    def to_dict(self) -> dict[str, Any]:
        return {"n": self.n, "observed": _round(self.observed), "kappa": _round(self.kappa)}


class EventItem(NamedTuple):
    """What agreement compares of an event, read from its JSON: an ``Event`` has the same
    attributes, so either can be compared (building ``Event`` objects only to compare them
    cost as much as the comparison)."""

    id: str
    type: str
    subtype: str | None
    trigger: str | None
    roles: dict[str, list[str]]
    fields: dict[str, Any]


AnyEvent = Event | EventItem
SpanItem = tuple[int, int, str]  # (start, end, label)
# The labels of the clean stretches, and A's and B's other spans (see ``coded_units.Split``).
SplitPair = tuple[Counter[str], list[SpanItem], list[SpanItem]]
_SPAN_ITEM, _SPAN_ID = itemgetter("start", "end", "label"), itemgetter("id")


class PreparedSet:
    """One coder's set of one document, with what every pair it is in needs computed once:
    its spans as ``(start, end, label)``, spans by id, each event with its anchor, and the
    document's fields. Made from an ``AnnotationSet`` or from the JSON of one that
    validated (``from_data``: what a count over a whole project reads)."""

    __slots__ = ("by_id", "events", "fields", "items")

    def __init__(self, items: list[SpanItem], by_id: dict[str, SpanItem],
                 events: list[AnyEvent], fields: dict[str, Any]) -> None:
        self.items = items
        self.by_id = by_id
        self.events = [(e, item_anchor(e, by_id)) for e in events]
        self.fields = fields

    @classmethod
    def from_set(cls, aset: AnnotationSet) -> PreparedSet:
        items = [(s.start, s.end, s.label) for s in aset.spans]
        by_id = dict(zip([s.id for s in aset.spans], items, strict=True))
        return cls(items, by_id, list(aset.events), aset.fields)

    @classmethod
    def from_data(cls, data: dict[str, Any]) -> PreparedSet:
        """From a set's parsed JSON (it must have passed validation), in C loops."""
        spans = data["spans"]
        items = list(map(_SPAN_ITEM, spans))
        events = [EventItem(e["id"], e["type"], e.get("subtype"), e.get("trigger"), e["roles"],
                            e["fields"]) for e in data["events"]]
        by_id = dict(zip(map(_SPAN_ID, spans), items, strict=True)) if events else {}
        return cls(items, by_id, events, data["fields"])


@dataclass
class PairAgreement:
    """Agreement of coders ``a`` and ``b`` over the documents both coded."""

    a: str
    b: str
    documents: int = 0
    spans_strict: F1 = field(default_factory=F1)
    spans_lenient: F1 = field(default_factory=F1)
    spans_boundaries: F1 = field(default_factory=F1)
    labels_strict: dict[str, F1] = field(default_factory=dict)
    labels_lenient: dict[str, F1] = field(default_factory=dict)
    characters: Kappa = field(default_factory=Kappa)
    events_strict: F1 = field(default_factory=F1)
    events_lenient: F1 = field(default_factory=F1)
    types_lenient: dict[str, F1] = field(default_factory=dict)
    subtypes: Kappa = field(default_factory=Kappa)
    roles: dict[str, F1] = field(default_factory=dict)
    event_fields: dict[str, Kappa] = field(default_factory=dict)
    document_fields: dict[str, Kappa] = field(default_factory=dict)
    # Whether event types have sub-types (the codebook's; without one, whether any was given):
    # without them, the sub-type figure means nothing and is not shown.
    subtypes_defined: bool = False

    def to_dict(self) -> dict[str, Any]:
        def table(d: dict[str, Any]) -> dict[str, Any]:
            return {k: v.to_dict() for k, v in sorted(d.items())}
        events: dict[str, Any] = {"strict": self.events_strict.to_dict(),
                                  "lenient": self.events_lenient.to_dict(),
                                  "by_type_lenient": table(self.types_lenient)}
        if self.subtypes_defined:
            events["subtype"] = self.subtypes.to_dict()
        events |= {"roles": table(self.roles), "fields": table(self.event_fields)}
        return {
            "coders": [self.a, self.b], "documents": self.documents,
            "spans": {"strict": self.spans_strict.to_dict(),
                      "lenient": self.spans_lenient.to_dict(),
                      "boundaries": self.spans_boundaries.to_dict(),
                      "by_label_strict": table(self.labels_strict),
                      "by_label_lenient": table(self.labels_lenient)},
            "characters": self.characters.to_dict(),
            "events": events,
            "document_fields": table(self.document_fields),
        }

    def add(self, document: Document, set_a: AnnotationSet, set_b: AnnotationSet,
            codebook: Codebook | None = None) -> None:
        """Count one more document, coded by A (``set_a``) and by B (``set_b``)."""
        a, b = PreparedSet.from_set(set_a), PreparedSet.from_set(set_b)
        self.add_prepared(a, b, character_units(document.text, [a.items, b.items]), codebook)

    def add_prepared(self, a: PreparedSet, b: PreparedSet,
                     characters: Counter[tuple[str, ...]], codebook: Codebook | None,
                     split: SplitPair | None = None) -> None:
        """``add``, with the sets prepared and the characters' pairs of categories counted
        (``coded_units.character_units``) by a caller that compares more coders at once.
        ``split``: the labels of the clean stretches and A's and B's other spans
        (``coded_units.Split``), if the caller has them."""
        self.add_documents([(a, b)], a.items, b.items, characters, codebook, split)

    def add_documents(self, sets: list[tuple[PreparedSet, PreparedSet]],
                      items_a: list[SpanItem], items_b: list[SpanItem],
                      characters: Counter[tuple[str, ...]], codebook: Codebook | None,
                      split: SplitPair | None = None) -> None:
        """Count several documents at once (``sets``: A's and B's set of each), their spans
        laid end to end: ``items_a`` and ``items_b`` are A's and B's spans of all of them,
        each document's moved past the one before, so that no two documents' spans meet.
        Every span figure is a sum over documents, so the spans are compared in one go (the
        calls per document cost more than the comparison); events and fields per document."""
        nominal = _nominal_fields(codebook)
        self.documents += len(sets)
        _spans(self, items_a, items_b, split)
        self.characters.pairs.update(characters)
        if codebook is not None:
            self.subtypes_defined = _has_subtypes(codebook)
        for a, b in sets:
            if codebook is None and not self.subtypes_defined:
                self.subtypes_defined = any(e.subtype for p in (a, b) for e, _ in p.events)
            _events(self, a, b, nominal)
            _fields(self.document_fields, a.fields, b.fields, nominal)

    def merge(self, other: PairAgreement) -> None:
        """Add the counts of ``other`` (the same two coders, other documents)."""
        self.documents += other.documents
        for mine, theirs in ((self.spans_strict, other.spans_strict),
                             (self.spans_lenient, other.spans_lenient),
                             (self.spans_boundaries, other.spans_boundaries),
                             (self.events_strict, other.events_strict),
                             (self.events_lenient, other.events_lenient)):
            mine.merge(theirs)
        for table, more in ((self.labels_strict, other.labels_strict),
                            (self.labels_lenient, other.labels_lenient),
                            (self.types_lenient, other.types_lenient),
                            (self.roles, other.roles)):
            for key, f1 in more.items():
                table.setdefault(key, F1()).merge(f1)
        self.characters.merge(other.characters)
        self.subtypes.merge(other.subtypes)
        for kappas, more_kappas in ((self.event_fields, other.event_fields),
                                    (self.document_fields, other.document_fields)):
            for key, k in more_kappas.items():
                kappas.setdefault(key, Kappa(nominal=k.nominal)).merge(k)
        self.subtypes_defined = self.subtypes_defined or other.subtypes_defined


def compare(a: str, b: str, items: Iterable[tuple[Document, AnnotationSet, AnnotationSet]],
            codebook: Codebook | None = None) -> PairAgreement:
    """Agreement of coder ``a`` and ``b`` over ``items`` (a document, A's set, B's set)."""
    out = PairAgreement(a, b)
    for document, set_a, set_b in items:
        out.add(document, set_a, set_b, codebook)
    return out


def f1_text(x: F1) -> str:
    return "-" if x.f1 is None else f"{x.f1:.2f}"


def kappa_text(k: Kappa) -> str:
    """Kappa as a figure, or why there is none (a nominal one that is undefined says so)."""
    if k.kappa is not None:
        return f"{k.kappa:.2f}"
    return UNDEFINED_KAPPA if k.nominal and k.n else "-"


def describe(pair: PairAgreement, status: str | None) -> str:
    """The pair's agreement as aligned lines of text (``status``: of the sets compared)."""
    def agreement(k: Kappa) -> str:
        ok = "-" if k.observed is None else f"{k.observed:.2f}"
        return ok + (f", kappa {kappa_text(k)}" if k.nominal and k.n else "")

    f1 = f1_text
    what = f"{status} sets" if status else "sets of any status"
    lines = [f"{pair.a} and {pair.b}: {pair.documents} document(s) both coded ({what})"]
    if not pair.documents:
        return lines[0] + "\n"
    rows: list[tuple[str, str]] = []  # (indented name, figures), aligned below
    s = pair.spans_strict
    rows += [("spans", f"strict F1 {f1(s)}, lenient {f1(pair.spans_lenient)}, boundaries "
                       f"{f1(pair.spans_boundaries)} ({s.a} and {s.b} spans, {s.matched} the "
                       "same)"),
             ("characters", f"agreement {agreement(pair.characters)} ({pair.characters.n} "
                            "characters)")]
    rows += [(f"  {label}", f"strict F1 {f1(x)}, lenient {f1(pair.labels_lenient[label])} "
                            f"({x.a} / {x.b})")
             for label, x in sorted(pair.labels_strict.items())]
    e = pair.events_lenient
    rows.append(("events", f"lenient F1 {f1(e)}, strict {f1(pair.events_strict)} ({e.a} and "
                           f"{e.b} events, {e.matched} matched)"))
    if e.matched:
        if pair.subtypes_defined:
            rows.append(("  sub-type", f"agreement {agreement(pair.subtypes)}"))
        rows += [(f"  role {role}", f"F1 {f1(x)} ({x.a} / {x.b})")
                 for role, x in sorted(pair.roles.items())]
        rows += [(f"  field {fid}", f"agreement {agreement(k)} (n {k.n})")
                 for fid, k in sorted(pair.event_fields.items())]
    rows += [(f"document field {fid}", f"agreement {agreement(k)} (n {k.n})")
             for fid, k in sorted(pair.document_fields.items())]
    width = max(len(name) for name, _ in rows)
    lines += [f"  {name:<{width}}  {figures}" for name, figures in rows]
    return "\n".join(lines) + "\n"


# -- spans ------------------------------------------------------------------------------------
def _spans(out: PairAgreement, items_a: list[SpanItem], items_b: list[SpanItem],
           split: SplitPair | None = None) -> None:
    """Count the spans of A and B. With ``split``, the spans of the clean stretches are pairs
    of identical spans that overlap nothing else: each counts as matched, strictly, leniently
    and by boundaries, and only the other spans are compared (a maximum matching is the sum
    of those of the parts of the text that no span crosses)."""
    count_a, count_b = Counter(map(_LABEL, items_a)), Counter(map(_LABEL, items_b))
    clean, some_a, some_b = (_NO_LABELS, items_a, items_b) if split is None else split
    identical = identical_pairs(some_a, some_b)
    strict = clean + Counter(map(_LABEL, map(some_a.__getitem__, map(_FIRST, identical))))
    ranges_a, ranges_b = set(map(_RANGE, some_a)), set(map(_RANGE, some_b))
    if len(ranges_a) == len(some_a) and len(ranges_b) == len(some_b):  # no range twice
        same_ranges = len(ranges_a & ranges_b)
    else:
        same_ranges = sum((Counter(map(_RANGE, some_a)) & Counter(map(_RANGE, some_b)))
                          .values())
    out.spans_boundaries.add(len(items_a), len(items_b), same_ranges + clean.total())
    lenient = clean + Counter(some_a[i][2] for i, _ in overlap_matching(some_a, some_b,
                                                                        identical))
    for label in count_a.keys() | count_b.keys():
        in_a, in_b = count_a[label], count_b[label]
        _f1(out.labels_strict, label).add(in_a, in_b, strict[label])
        _f1(out.labels_lenient, label).add(in_a, in_b, lenient[label])
    out.spans_strict.add(len(items_a), len(items_b), strict.total())
    out.spans_lenient.add(len(items_a), len(items_b), lenient.total())


def _f1(table: dict[str, F1], key: str) -> F1:
    """``table[key]``, made if missing (``setdefault`` would build an F1 on every call)."""
    found = table.get(key)
    if found is None:
        found = table[key] = F1()
    return found


_NO_LABELS: Counter[str] = Counter()
_FIRST = itemgetter(0)


# -- events -----------------------------------------------------------------------------------
def event_anchor(event: Event, spans: dict[str, Span]) -> tuple[int, int] | None:
    """The trigger's range; for an event without one, the range its role fillers cover."""
    trigger = spans.get(event.trigger) if event.trigger else None
    if trigger is not None:
        return trigger.start, trigger.end
    fillers = [spans[s] for ids in event.roles.values() for s in ids if s in spans]
    if not fillers:
        return None
    return min(s.start for s in fillers), max(s.end for s in fillers)


def item_anchor(event: AnyEvent, spans: dict[str, SpanItem]) -> tuple[int, int] | None:
    """``event_anchor`` with spans as ``(start, end, label)`` by id."""
    trigger = spans.get(event.trigger) if event.trigger else None
    if trigger is not None:
        return trigger[0], trigger[1]
    fillers = [spans[s] for ids in event.roles.values() for s in ids if s in spans]
    if not fillers:
        return None
    return min(s[0] for s in fillers), max(s[1] for s in fillers)


def match_events(a: PreparedSet, b: PreparedSet) -> list[tuple[AnyEvent, AnyEvent]]:
    """Lenient one-to-one pairs of A's and B's events: same type and overlapping anchors (as
    many as can be); events without an anchor pair with those of their type without one."""
    anchored_a = [(e, anchor) for e, anchor in a.events if anchor is not None]
    anchored_b = [(e, anchor) for e, anchor in b.events if anchor is not None]
    matches = overlap_matching([(start, end, e.type) for e, (start, end) in anchored_a],
                               [(start, end, e.type) for e, (start, end) in anchored_b])
    pairs = [(anchored_a[i][0], anchored_b[j][0]) for i, j in matches]
    if len(anchored_a) < len(a.events) and len(anchored_b) < len(b.events):
        pairs += _match_unanchored([e for e, anchor in a.events if anchor is None],
                                   [e for e, anchor in b.events if anchor is None])
    return pairs


def _match_unanchored(events_a: list[AnyEvent], events_b: list[AnyEvent]
                      ) -> list[tuple[AnyEvent, AnyEvent]]:
    """Events without an anchor, by type: those alike in sub-type and fields first, then the
    rest in order."""
    def alike(e: AnyEvent) -> str:
        return json.dumps([e.subtype, e.fields], ensure_ascii=False, sort_keys=True)

    pairs = []
    for etype in dict.fromkeys(e.type for e in events_a):
        left = [e for e in events_a if e.type == etype]
        right = [e for e in events_b if e.type == etype]
        for e in list(left):
            twin = next((f for f in right if alike(f) == alike(e)), None)
            if twin is not None:
                pairs.append((e, twin))
                left.remove(e)
                right.remove(twin)
        pairs += zip(left, right, strict=False)
    return pairs


def _events(out: PairAgreement, a: PreparedSet, b: PreparedSet,
            nominal: frozenset[str]) -> None:
    ev_a, ev_b = a.events, b.events
    pairs: list[tuple[AnyEvent, AnyEvent]]
    if ev_a == ev_b:
        # The same events with the same anchors (most documents): the matching pairs each
        # with its twin, strictly and leniently (one comparison in C says so).
        n = len(ev_a)
        out.events_strict.add(n, n, n)
        out.events_lenient.add(n, n, n)
        for etype, count in Counter(e.type for e, _ in ev_a).items():
            _f1(out.types_lenient, etype).add(count, count, count)
        pairs = [(ea, eb) for (ea, _), (eb, _) in zip(ev_a, ev_b, strict=True)]
    else:
        strict = Counter((e.type, anchor) for e, anchor in ev_a) & Counter(
            (e.type, anchor) for e, anchor in ev_b)
        out.events_strict.add(len(ev_a), len(ev_b), sum(strict.values()))
        pairs = match_events(a, b)
        out.events_lenient.add(len(ev_a), len(ev_b), len(pairs))
        types_a, types_b = Counter(e.type for e, _ in ev_a), Counter(e.type for e, _ in ev_b)
        matched = Counter(e.type for e, _ in pairs)
        for etype in types_a.keys() | types_b.keys():
            _f1(out.types_lenient, etype).add(types_a[etype], types_b[etype], matched[etype])
    spans_a, spans_b = a.by_id, b.by_id
    for ea, eb in pairs:
        out.subtypes.add(ea.subtype or NONE, eb.subtype or NONE)
        if ea.roles == eb.roles and _same_ranges(ea.roles, spans_a, spans_b):
            # The same fillers, in the same places (most matched events): each role agrees.
            for role, fillers in ea.roles.items():
                found = sum(map(spans_a.__contains__, fillers))
                _f1(out.roles, role).add(found, found, found)
            _fields(out.event_fields, ea.fields, eb.fields, nominal)
            continue
        for role in ea.roles.keys() | eb.roles.keys():
            fill_a = [spans_a[s][:2] for s in ea.roles.get(role, ()) if s in spans_a]
            fill_b = [spans_b[s][:2] for s in eb.roles.get(role, ()) if s in spans_b]
            same = len(fill_a) if fill_a == fill_b else sum(
                (Counter(fill_a) & Counter(fill_b)).values())
            _f1(out.roles, role).add(len(fill_a), len(fill_b), same)
        _fields(out.event_fields, ea.fields, eb.fields, nominal)


def _same_ranges(roles: dict[str, list[str]], spans_a: dict[str, SpanItem],
                 spans_b: dict[str, SpanItem]) -> bool:
    """Whether every filler of ``roles`` is the same span in A's set as in B's (or in
    neither), in C loops."""
    ids = list(chain.from_iterable(roles.values()))
    return list(map(spans_a.get, ids)) == list(map(spans_b.get, ids))


# -- fields -----------------------------------------------------------------------------------
def _nominal_fields(codebook: Codebook | None) -> frozenset[str]:
    """Ids of the single-choice and yes/no fields: kept on the codebook, computed once."""
    if codebook is None:
        return frozenset()
    cached = codebook.__dict__.get("_nominal_fields")
    if cached is None:
        cached = _find_nominal_fields(codebook)
        object.__setattr__(codebook, "_nominal_fields", cached)
    return cached  # type: ignore[no-any-return]


def _has_subtypes(codebook: Codebook) -> bool:
    cached = codebook.__dict__.get("_has_subtypes")
    if cached is None:
        cached = any(et.subtypes for et in codebook.event_types)
        object.__setattr__(codebook, "_has_subtypes", cached)
    return cached  # type: ignore[no-any-return]


def _find_nominal_fields(codebook: Codebook) -> frozenset[str]:
    ids = {f.id for f in codebook.document_fields if f.type in NOMINAL_TYPES and not f.multiple}
    for et in codebook.event_types:
        ids |= {f.id for f in codebook.fields_for(et.id)
                if f.type in NOMINAL_TYPES and not f.multiple}
    return frozenset(ids)


def _fields(out: dict[str, Kappa], fields_a: dict[str, Any], fields_b: dict[str, Any],
            nominal: frozenset[str]) -> None:
    """Each field that either coder filled: the pair of values ("-" for none). A field whose
    values are not categories counts agreement only: its pair says same or not (``SAME``)."""
    if fields_a == fields_b:  # most often: every field agreed (one C-level comparison)
        for fid, value in fields_a.items():
            if value.__class__ is dict and fid not in nominal:
                pair = SAME  # a count or a date: never empty
            else:
                try:
                    pair = _agreed_pair(fid, value, nominal)
                except TypeError:  # a value that cannot be a key (a list)
                    pair = _agreed_pair.__wrapped__(fid, value, nominal)
            if pair is not None:
                kappa = out.get(fid)
                if kappa is None:
                    kappa = out[fid] = Kappa(nominal=fid in nominal)
                kappa.pairs[pair] += 1
        return
    for fid in fields_a.keys() | fields_b.keys():
        va, vb = fields_a.get(fid), fields_b.get(fid)
        if va == vb:
            pair = _agreed_pair.__wrapped__(fid, va, nominal)
            if pair is None:
                continue
        elif fid in nominal:
            pair = (category(va), category(vb))
        elif is_empty(va) and is_empty(vb):
            continue
        else:
            pair = DIFFERENT
        kappa = out.get(fid)
        if kappa is None:
            kappa = out[fid] = Kappa(nominal=fid in nominal)
        kappa.pairs[pair] += 1


@lru_cache(maxsize=65536, typed=True)  # typed: 1 and True are other values
def _agreed_pair(fid: str, value: Any, nominal: frozenset[str]) -> tuple[str, str] | None:
    """The pair of two equal values of field ``fid``; None for none given. Kept for values
    that can be keys: fields of a codebook take few values (notes aside), so a document's
    agreed fields are mostly looked up, not worked out."""
    if is_empty(value):
        return None
    return (category(value),) * 2 if fid in nominal else SAME


def category(value: Any) -> str:
    """A value as a category: its JSON text, "-" for none (the same for equal values)."""
    if is_empty(value):
        return NONE
    if isinstance(value, str | int | float):
        return _scalar_text(value)
    return json.dumps(value, ensure_ascii=False, sort_keys=True)


@lru_cache(maxsize=65536, typed=True)  # typed: 1 and True are other values
def _scalar_text(value: str | float) -> str:
    return json.dumps(value, ensure_ascii=False)


def _round(value: float | None) -> float | None:
    return None if value is None else round(value, 4)


def pair_units(units: Counter[tuple[str, ...]], i: int, j: int) -> Counter[tuple[str, str]]:
    """The pairs of categories of coders ``i`` and ``j`` out of every coder's units."""
    if len(next(iter(units), ())) == 2 and (i, j) == (0, 1):
        return units  # type: ignore[return-value]
    out: Counter[tuple[str, str]] = Counter()
    for values, n in units.items():
        out[(values[i], values[j])] += n
    return out

