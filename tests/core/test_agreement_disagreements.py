"""Per-document disagreements: each kind found where it is, with what each coder said; agreed
items counted; documents ranked by how much is in dispute."""

from __future__ import annotations

import random

from annotator.core.disagreements import (
    ANCHOR,
    BOUNDARY,
    DOCUMENT_FIELD,
    EVENT_FIELD,
    EVENT_MISSING,
    EVENT_TYPE,
    LABEL,
    SPAN_MISSING,
    SUBTYPE,
    DocumentDisagreements,
    document_disagreements,
    rank,
)
from annotator.core.model import AnnotationSet, CodebookRef, Document, Event, Span

TEXT = "هاجم مسلحون حاجزا للجيش قرب البوكمال أمس وقتل ثلاثة جنود"
DOC = Document("d", TEXT)


def span(w: str, sid: str, label: str, *, skip: int = 0) -> Span:
    start = TEXT.index(w) + skip
    return Span(sid, start, TEXT.index(w) + len(w), label, TEXT[start:TEXT.index(w) + len(w)])


def aset(coder: str, spans: list[Span], events: list[Event] | None = None,
         fields: dict | None = None) -> AnnotationSet:
    return AnnotationSet("d", DOC.sha256, coder, CodebookRef("c", "1", "0" * 64), "done",
                         spans, events or [], fields or {})


def test_identical_sets_have_no_disagreement_and_count_what_was_agreed():
    spans = [span("مسلحون", "s1", "ACTOR"), span("البوكمال", "s2", "LOCATION")]
    events = [Event("e1", "battles", "armed_clash", None, {"actor1": ["s1"]}, {"x": 1})]
    out = document_disagreements(DOC, {c: aset(c, spans, events, {"relevance": "relevant"})
                                       for c in ("a", "b", "c")})
    assert out.items == [] and out.agreed == 2 + 1 + 1 and out.score == 0
    assert out.coders == ("a", "b", "c") and out.counts() == {}


def test_each_span_kind_with_what_each_coder_said():
    a = [span("مسلحون", "s1", "ACTOR"), span("حاجزا للجيش", "s2", "LOCATION"),
         span("أمس", "s3", "TIME"), span("ثلاثة جنود", "s4", "QUANTITY")]
    b = [span("مسلحون", "s1", "ACTOR"), span("للجيش", "s2", "LOCATION"),
         span("أمس", "s3", "LOCATION")]
    c = [span("مسلحون", "s9", "ACTOR"), span("حاجزا للجيش", "s8", "LOCATION"),
         span("أمس", "s7", "TIME")]
    out = document_disagreements(DOC, {"a": aset("a", a), "b": aset("b", b),
                                       "c": aset("c", c)})
    assert out.agreed == 1  # مسلحون ACTOR by all three
    kinds = [(d.kind, TEXT[d.start:d.end]) for d in out.items]
    assert kinds == [(BOUNDARY, "حاجزا للجيش"), (LABEL, "أمس"), (SPAN_MISSING, "ثلاثة جنود")]
    boundary, label, missing = out.items
    assert [s.text for s in boundary.spans["b"]] == ["للجيش"]
    assert [s.label for s in label.spans["b"]] == ["LOCATION"]
    assert [s.label for s in label.spans["a"]] == ["TIME"]
    assert missing.spans["b"] == () and missing.spans["c"] == ()
    assert [s.id for s in missing.spans["a"]] == ["s4"]
    assert out.counts() == {SPAN_MISSING: 1, BOUNDARY: 1, LABEL: 1}
    assert out.score == 3 / 4


def test_a_span_agreed_by_all_is_taken_out_before_grouping():
    # All three marked the location; only a and b marked the actor inside it.
    a = [span("حاجزا للجيش", "s1", "LOCATION"), span("للجيش", "s2", "ACTOR")]
    b = [span("حاجزا للجيش", "s1", "LOCATION"), span("للجيش", "s2", "ACTOR")]
    c = [span("حاجزا للجيش", "s1", "LOCATION")]
    out = document_disagreements(DOC, {"a": aset("a", a), "b": aset("b", b),
                                       "c": aset("c", c)})
    assert out.agreed == 1 and [d.kind for d in out.items] == [SPAN_MISSING]
    assert out.items[0].spans["c"] == () and len(out.items[0].spans["a"]) == 1


def test_events_missing_of_another_type_and_field_by_field():
    spans = [span("هاجم", "t1", "TRIGGER"), span("مسلحون", "s1", "ACTOR"),
             span("وقتل", "t2", "TRIGGER"), span("ثلاثة جنود", "s2", "QUANTITY"),
             span("أمس", "t3", "TRIGGER")]
    a = [Event("e1", "battles", "armed_clash", "t1", {"actor1": ["s1"]},
               {"fatalities": {"value": 3, "qualifier": "exact"}}),
         Event("e2", "violence_against_civilians", "attack", "t2", {}, {}),
         Event("e3", "protests", None, "t3", {}, {})]
    b = [Event("e1", "battles", None, "t1", {}, {"fatalities": {"value": 4,
                                                                "qualifier": "exact"}}),
         Event("e2", "battles", "armed_clash", "t2", {}, {})]
    out = document_disagreements(DOC, {"a": aset("a", spans, a), "b": aset("b", spans, b)})
    by_kind = {(d.kind, d.name): d for d in out.items}
    assert set(by_kind) == {(EVENT_FIELD, SUBTYPE), (EVENT_FIELD, "role actor1"),
                            (EVENT_FIELD, "fatalities"), (EVENT_TYPE, None),
                            (EVENT_MISSING, None)}
    fat = by_kind[(EVENT_FIELD, "fatalities")]
    assert fat.values == {"a": {"value": 3, "qualifier": "exact"},
                          "b": {"value": 4, "qualifier": "exact"}}
    assert TEXT[fat.start:fat.end] == "هاجم" and fat.events["b"][0].id == "e1"
    role = by_kind[(EVENT_FIELD, "role actor1")]
    start = TEXT.index("مسلحون")
    assert role.values == {"a": [[start, start + len("مسلحون")]], "b": None}
    assert by_kind[(EVENT_FIELD, SUBTYPE)].values == {"a": "armed_clash", "b": None}
    assert by_kind[(EVENT_MISSING, None)].events == {"a": (a[2],), "b": ()}
    assert by_kind[(EVENT_TYPE, None)].events == {"a": (a[1],), "b": (b[1],)}


def test_events_without_an_anchor_agree_when_identical_and_differ_by_field():
    a = [Event("e1", "battles", None, None, {}, {"fatalities": {"value": 2,
                                                                "qualifier": "exact"}})]
    b = [Event("e7", "battles", None, None, {}, {"fatalities": {"value": 2,
                                                                "qualifier": "exact"}})]
    same = document_disagreements(DOC, {"a": aset("a", [], a), "b": aset("b", [], b)})
    assert same.items == [] and same.agreed == 1
    b[0].fields["fatalities"]["value"] = 5
    other = document_disagreements(DOC, {"a": aset("a", [], a), "b": aset("b", [], b)})
    assert [(d.kind, d.name, d.start) for d in other.items] == [(EVENT_FIELD, "fatalities",
                                                                 None)]


def test_an_anchor_that_differs_is_an_event_field():
    spans_a = [span("هاجم مسلحون", "t1", "TRIGGER")]
    spans_b = [span("هاجم", "t1", "TRIGGER")]
    out = document_disagreements(DOC, {
        "a": aset("a", spans_a, [Event("e1", "battles", None, "t1", {}, {})]),
        "b": aset("b", spans_b, [Event("e1", "battles", None, "t1", {}, {})])})
    assert [(d.kind, d.name) for d in out.items] == [(BOUNDARY, None), (EVENT_FIELD, ANCHOR)]


def test_document_fields_that_differ():
    out = document_disagreements(DOC, {
        "a": aset("a", [], fields={"relevance": "relevant", "note": "x"}),
        "b": aset("b", [], fields={"relevance": "irrelevant", "note": "x"}),
        "c": aset("c", [], fields={"note": "x"})})
    assert [(d.kind, d.name, d.values) for d in out.items] == [
        (DOCUMENT_FIELD, "relevance", {"a": "relevant", "b": "irrelevant", "c": None})]
    assert out.agreed == 1


def test_ranking_puts_the_most_disputed_first_and_leaves_out_documents_without_any():
    def doc(name: str, items: int, agreed: int) -> DocumentDisagreements:
        from annotator.core.disagreements import Disagreement
        return DocumentDisagreements(name, ("a", "b"), [Disagreement(LABEL, 0, 1)] * items,
                                     agreed)
    ranked = rank([doc("x", 1, 9), doc("y", 2, 2), doc("z", 0, 5), doc("w", 4, 4),
                   doc("v", 1, 1)])
    assert [d.document for d in ranked] == ["w", "y", "v", "x"]


def test_random_sets_every_span_is_agreed_or_in_exactly_one_disagreement():
    rng = random.Random(3)
    for _ in range(300):
        sets = {}
        for coder in ("a", "b", "c")[:rng.randint(2, 3)]:
            spans = []
            for k in range(rng.randint(0, 6)):
                s = rng.randrange(len(TEXT) - 1)
                e = rng.randint(s + 1, min(len(TEXT), s + 10))
                spans.append(Span(f"s{k}", s, e, rng.choice(["ACTOR", "TIME"]), TEXT[s:e]))
            sets[coder] = aset(coder, spans)
        out = document_disagreements(DOC, sets)
        listed = [id(s) for d in out.items for mine in d.spans.values() for s in mine]
        assert len(listed) == len(set(listed))
        total = sum(len(x.spans) for x in sets.values())
        assert len(listed) + out.agreed * len(sets) == total
        for d in out.items:
            assert d.start < d.end and all(d.start <= s.start and s.end <= d.end
                                           for mine in d.spans.values() for s in mine)
