"""Agreement between two coders who coded the same documents: the numbers a lead checks before
adjudicating, computed from annotation sets alone (no files, no Qt).

For each pair of coders, over the documents both coded:

- **Spans**, matched one to one. *Strict*: same start, end and label. *Lenient*: same label
  and overlapping ranges, as many pairs as a one-to-one matching can have (``core.matching``).
  *Boundaries*: same start and end, whatever the label (tells edge disagreements from label
  ones). Each is
  reported as F1 = 2 * matched / (spans of A + spans of B), symmetric in the coders, overall and
  per label.
- **Characters**: Cohen's kappa over every non-whitespace code point, its category being the
  set of labels of the spans that cover it ("O" for none); chance-corrected, as kappa is.
- **Events**, matched one to one: same type, and overlapping anchors (the trigger, or for an
  event without one, the range its role fillers cover). Strict also wants the same anchor
  range. Over matched events: sub-type agreement, role fillers (F1 of role, start, end), and
  each field.
- **Fields** (of matched events, and of the documents): the share of pairs with the same value
  among the pairs where either coder gave one, and Cohen's kappa for choice and yes/no fields.

Kappa is ``None`` where it is undefined (both coders used one category throughout).
"""

from __future__ import annotations

import json
import unicodedata
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import compress
from typing import Any

from annotator.core.codebook import Codebook
from annotator.core.matching import overlap_matching
from annotator.core.model import AnnotationSet, Document, Event, Span
from annotator.core.values import is_empty

NOMINAL_TYPES = frozenset({"enum", "boolean"})  # fields whose values are categories: kappa


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

    def to_dict(self) -> dict[str, Any]:
        def table(d: dict[str, Any]) -> dict[str, Any]:
            return {k: v.to_dict() for k, v in sorted(d.items())}
        return {
            "coders": [self.a, self.b], "documents": self.documents,
            "spans": {"strict": self.spans_strict.to_dict(),
                      "lenient": self.spans_lenient.to_dict(),
                      "boundaries": self.spans_boundaries.to_dict(),
                      "by_label_strict": table(self.labels_strict),
                      "by_label_lenient": table(self.labels_lenient)},
            "characters": self.characters.to_dict(),
            "events": {"strict": self.events_strict.to_dict(),
                       "lenient": self.events_lenient.to_dict(),
                       "by_type_lenient": table(self.types_lenient),
                       "subtype": self.subtypes.to_dict(),
                       "roles": table(self.roles),
                       "fields": table(self.event_fields)},
            "document_fields": table(self.document_fields),
        }


    def add(self, document: Document, set_a: AnnotationSet, set_b: AnnotationSet,
            codebook: Codebook | None = None) -> None:
        """Count one more document, coded by A (``set_a``) and by B (``set_b``)."""
        nominal = _nominal_fields(codebook)
        self.documents += 1
        _spans(self, set_a.spans, set_b.spans)
        _characters(self.characters, document.text, set_a.spans, set_b.spans)
        _events(self, set_a, set_b, nominal)
        _fields(self.document_fields, set_a.fields, set_b.fields, nominal)


def compare(a: str, b: str, items: Iterable[tuple[Document, AnnotationSet, AnnotationSet]],
            codebook: Codebook | None = None) -> PairAgreement:
    """Agreement of coder ``a`` and ``b`` over ``items`` (a document, A's set, B's set)."""
    out = PairAgreement(a, b)
    for document, set_a, set_b in items:
        out.add(document, set_a, set_b, codebook)
    return out


def describe(pair: PairAgreement, status: str | None) -> str:
    """The pair's agreement as aligned lines of text (``status``: of the sets compared)."""
    def f1(x: F1) -> str:
        return "-" if x.f1 is None else f"{x.f1:.2f}"

    def kappa(k: Kappa) -> str:
        ok = "-" if k.observed is None else f"{k.observed:.2f}"
        return ok + ("" if k.kappa is None else f", kappa {k.kappa:.2f}")

    what = f"{status} sets" if status else "sets of any status"
    lines = [f"{pair.a} and {pair.b}: {pair.documents} document(s) both coded ({what})"]
    if not pair.documents:
        return lines[0] + "\n"
    rows: list[tuple[str, str]] = []  # (indented name, figures), aligned below
    s = pair.spans_strict
    rows += [("spans", f"strict F1 {f1(s)}, lenient {f1(pair.spans_lenient)}, boundaries "
                       f"{f1(pair.spans_boundaries)} ({s.a} and {s.b} spans, {s.matched} the "
                       "same)"),
             ("characters", f"agreement {kappa(pair.characters)} ({pair.characters.n} "
                            "characters)")]
    rows += [(f"  {label}", f"strict F1 {f1(x)}, lenient {f1(pair.labels_lenient[label])} "
                            f"({x.a} / {x.b})")
             for label, x in sorted(pair.labels_strict.items())]
    e = pair.events_lenient
    rows.append(("events", f"lenient F1 {f1(e)}, strict {f1(pair.events_strict)} ({e.a} and "
                           f"{e.b} events, {e.matched} matched)"))
    if e.matched:
        rows.append(("  sub-type", f"agreement {kappa(pair.subtypes)}"))
        rows += [(f"  role {role}", f"F1 {f1(x)} ({x.a} / {x.b})")
                 for role, x in sorted(pair.roles.items())]
        rows += [(f"  field {fid}", f"agreement {kappa(k)} (n {k.n})")
                 for fid, k in sorted(pair.event_fields.items())]
    rows += [(f"document field {fid}", f"agreement {kappa(k)} (n {k.n})")
             for fid, k in sorted(pair.document_fields.items())]
    width = max(len(name) for name, _ in rows)
    lines += [f"  {name:<{width}}  {figures}" for name, figures in rows]
    return "\n".join(lines) + "\n"


# -- spans ------------------------------------------------------------------------------------
def _spans(out: PairAgreement, spans_a: Sequence[Span], spans_b: Sequence[Span]) -> None:
    items_a = [(s.start, s.end, s.label) for s in spans_a]
    items_b = [(s.start, s.end, s.label) for s in spans_b]
    count_a, count_b = Counter(s.label for s in spans_a), Counter(s.label for s in spans_b)
    strict: Counter[str] = Counter()
    for (_, _, label), n in (Counter(items_a) & Counter(items_b)).items():
        strict[label] += n
    bounds = Counter(i[:2] for i in items_a) & Counter(i[:2] for i in items_b)
    out.spans_boundaries.add(len(spans_a), len(spans_b), sum(bounds.values()))
    lenient = Counter(items_a[i][2] for i, _ in overlap_matching(items_a, items_b))
    for label in count_a | count_b:
        in_a, in_b = count_a[label], count_b[label]
        out.labels_strict.setdefault(label, F1()).add(in_a, in_b, strict[label])
        out.labels_lenient.setdefault(label, F1()).add(in_a, in_b, lenient[label])
        out.spans_strict.add(in_a, in_b, strict[label])
        out.spans_lenient.add(in_a, in_b, lenient[label])


def _characters(kappa: Kappa, text: str, spans_a: Sequence[Span],
                spans_b: Sequence[Span]) -> None:
    """Each counted character's pair of categories (in C loops: a document has thousands)."""
    cats_a, cats_b = _categories(len(text), spans_a), _categories(len(text), spans_b)
    pairs = zip(cats_a, cats_b, strict=True)
    for (ca, cb), n in Counter(compress(pairs, map(_counted, text))).items():
        kappa.add(ca, cb, n)


@lru_cache(maxsize=4096)
def _counted(ch: str) -> bool:
    """Whether a character counts: not whitespace, not an invisible format mark (RLM...)."""
    return not ch.isspace() and unicodedata.category(ch) != "Cf"


def _categories(n: int, spans: Sequence[Span]) -> list[str]:
    """For each code point, the labels of the spans covering it, joined with "+" ("O" for
    none). Spans over uncovered text (most) are filled a slice at a time."""
    cats = ["O"] * n
    shared: dict[int, set[str]] = {}  # code points under two spans or more
    for s in spans:
        lo, hi = max(0, s.start), min(n, s.end)
        if hi <= lo:
            continue
        if cats[lo:hi].count("O") == hi - lo:
            cats[lo:hi] = [s.label] * (hi - lo)
            continue
        for i in range(lo, hi):
            if cats[i] == "O":
                cats[i] = s.label
            else:
                shared.setdefault(i, {cats[i]}).add(s.label)
    for i, labels in shared.items():
        cats[i] = "+".join(sorted(labels))
    return cats


# -- events -----------------------------------------------------------------------------------
def _anchor(event: Event, spans: dict[str, Span]) -> tuple[int, int] | None:
    """The trigger's range; for an event without one, the range its role fillers cover."""
    trigger = spans.get(event.trigger) if event.trigger else None
    if trigger is not None:
        return trigger.start, trigger.end
    fillers = [spans[s] for ids in event.roles.values() for s in ids if s in spans]
    if not fillers:
        return None
    return min(s.start for s in fillers), max(s.end for s in fillers)


def _events(out: PairAgreement, set_a: AnnotationSet, set_b: AnnotationSet,
            nominal: frozenset[str]) -> None:
    spans_a = {s.id: s for s in set_a.spans}
    spans_b = {s.id: s for s in set_b.spans}
    ev_a = [(e, _anchor(e, spans_a)) for e in set_a.events]
    ev_b = [(e, _anchor(e, spans_b)) for e in set_b.events]
    strict = Counter((e.type, anchor) for e, anchor in ev_a if anchor) & Counter(
        (e.type, anchor) for e, anchor in ev_b if anchor)
    out.events_strict.add(len(ev_a), len(ev_b), sum(strict.values()))
    # Lenient: one to one, same type, overlapping anchors, as many pairs as can be.
    anchored_a = [(e, anchor) for e, anchor in ev_a if anchor is not None]
    anchored_b = [(e, anchor) for e, anchor in ev_b if anchor is not None]
    matches = overlap_matching([(start, end, e.type) for e, (start, end) in anchored_a],
                             [(start, end, e.type) for e, (start, end) in anchored_b])
    pairs = [(anchored_a[i][0], anchored_b[j][0]) for i, j in matches]
    out.events_lenient.add(len(ev_a), len(ev_b), len(pairs))
    for etype in {e.type for e, _ in ev_a} | {e.type for e, _ in ev_b}:
        out.types_lenient.setdefault(etype, F1()).add(
            sum(1 for e, _ in ev_a if e.type == etype), sum(1 for e, _ in ev_b if e.type == etype),
            sum(1 for e, _ in pairs if e.type == etype))
    for ea, eb in pairs:
        out.subtypes.add(ea.subtype or "-", eb.subtype or "-")
        for role in set(ea.roles) | set(eb.roles):
            fill_a = Counter((spans_a[s].start, spans_a[s].end)
                             for s in ea.roles.get(role, ()) if s in spans_a)
            fill_b = Counter((spans_b[s].start, spans_b[s].end)
                             for s in eb.roles.get(role, ()) if s in spans_b)
            out.roles.setdefault(role, F1()).add(sum(fill_a.values()), sum(fill_b.values()),
                                                 sum((fill_a & fill_b).values()))
        _fields(out.event_fields, ea.fields, eb.fields, nominal)


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


def _find_nominal_fields(codebook: Codebook) -> frozenset[str]:
    ids = {f.id for f in codebook.document_fields if f.type in NOMINAL_TYPES and not f.multiple}
    for et in codebook.event_types:
        ids |= {f.id for f in codebook.fields_for(et.id)
                if f.type in NOMINAL_TYPES and not f.multiple}
    return frozenset(ids)


def _fields(out: dict[str, Kappa], fields_a: dict[str, Any], fields_b: dict[str, Any],
            nominal: frozenset[str]) -> None:
    """Each field that either coder filled: the pair of values ("-" for none)."""
    for fid in set(fields_a) | set(fields_b):
        va, vb = fields_a.get(fid), fields_b.get(fid)
        if is_empty(va) and is_empty(vb):
            continue
        out.setdefault(fid, Kappa(nominal=fid in nominal)).add(_category(va), _category(vb))


def _category(value: Any) -> str:
    return "-" if is_empty(value) else json.dumps(value, ensure_ascii=False, sort_keys=True)


def _round(value: float | None) -> float | None:
    return None if value is None else round(value, 4)
