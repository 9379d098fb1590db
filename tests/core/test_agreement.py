"""Agreement between two coders: F1 of matched spans and events, Cohen's kappa, checked against
values worked out by hand, and the properties every agreement number must have."""

from __future__ import annotations

import random

import pytest

from annotator.core.agreement import F1, Kappa, compare
from annotator.core.codebook import Codebook
from annotator.core.model import AnnotationSet, CodebookRef, Document, Event, Span
from annotator.storage.project import load_default_codebook

TEXT = "هاجم مسلحون حاجزا للجيش قرب البوكمال أمس وقتل ثلاثة جنود"


@pytest.fixture(scope="module")
def cb() -> Codebook:
    return load_default_codebook()


def word(text: str, w: str, sid: str, label: str) -> Span:
    start = text.index(w)
    return Span(sid, start, start + len(w), label, w)


def aset(coder: str, spans: list[Span], events: list[Event] | None = None,
         fields: dict | None = None) -> AnnotationSet:
    doc = Document("d", TEXT)
    return AnnotationSet("d", doc.sha256, coder, CodebookRef("c", "1", "0" * 64), "done",
                         spans, events or [], fields or {})


def test_kappa_of_the_textbook_table():
    # 50 items: both yes 20, A yes B no 5, A no B yes 10, both no 15 -> p_o 0.7, p_e 0.5.
    k = Kappa()
    k.add("yes", "yes", 20)
    k.add("yes", "no", 5)
    k.add("no", "yes", 10)
    k.add("no", "no", 15)
    assert k.n == 50 and k.observed == pytest.approx(0.7) and k.kappa == pytest.approx(0.4)
    one = Kappa()
    one.add("O", "O", 9)
    assert one.observed == 1 and one.kappa is None  # one category throughout: undefined
    assert Kappa().observed is None and Kappa().kappa is None
    counts = Kappa(nominal=False)
    counts.add("3", "3")
    assert counts.observed == 1 and counts.kappa is None


def test_spans_strict_lenient_and_boundaries_by_hand():
    a = [word(TEXT, "مسلحون", "s1", "ACTOR"), word(TEXT, "حاجزا للجيش", "s2", "LOCATION")]
    b = [word(TEXT, "مسلحون", "s1", "ACTOR"), word(TEXT, "للجيش", "s2", "LOCATION"),
         word(TEXT, "أمس", "s3", "TIME")]
    out = compare("a", "b", [(Document("d", TEXT), aset("a", a), aset("b", b))])
    assert (out.spans_strict.a, out.spans_strict.b, out.spans_strict.matched) == (2, 3, 1)
    assert out.spans_strict.f1 == pytest.approx(2 * 1 / 5)
    assert out.spans_lenient.matched == 2 and out.spans_lenient.f1 == pytest.approx(0.8)
    assert out.spans_boundaries.f1 == pytest.approx(0.4)
    assert out.labels_lenient["LOCATION"].f1 == 1 and out.labels_strict["LOCATION"].f1 == 0
    assert out.labels_strict["TIME"].to_dict() == {"a": 0, "b": 1, "matched": 0, "f1": 0.0}


def test_lenient_matching_is_one_to_one_largest_overlap_first():
    long = Span("s1", 0, 23, "ACTOR", TEXT[0:23])
    a = [long]
    b = [Span("s1", 0, 4, "ACTOR", TEXT[0:4]), Span("s2", 5, 23, "ACTOR", TEXT[5:23])]
    out = compare("a", "b", [(Document("d", TEXT), aset("a", a), aset("b", b))])
    assert out.spans_lenient.matched == 1  # one span of A matches one span of B, not two


def test_characters_kappa_ignores_whitespace_and_nests_labels():
    text = "ab cd"
    both = [Span("s1", 0, 2, "ACTOR", "ab"), Span("s2", 0, 5, "LOCATION", text)]
    out = compare("a", "b", [(Document("d", text), aset("a", both),
                              aset("b", [Span("s2", 0, 5, "LOCATION", text)]))])
    # 4 letters: a,b are ACTOR+LOCATION for A and LOCATION for B; c,d LOCATION for both.
    assert out.characters.n == 4 and out.characters.observed == pytest.approx(0.5)
    assert dict(out.characters.pairs) == {("ACTOR+LOCATION", "LOCATION"): 2,
                                          ("LOCATION", "LOCATION"): 2}


def test_events_match_by_type_and_trigger_then_compare_roles_and_fields(cb):
    spans = [word(TEXT, "هاجم", "t1", "TRIGGER"), word(TEXT, "مسلحون", "s1", "ACTOR"),
             word(TEXT, "حاجزا للجيش", "s2", "LOCATION"), word(TEXT, "وقتل", "t2", "TRIGGER"),
             word(TEXT, "ثلاثة جنود", "s3", "QUANTITY")]
    a_events = [
        Event("e1", "battles", "armed_clash", "t1", {"actor1": ["s1"], "location": ["s2"]},
              {"fatalities": {"value": 3, "qualifier": "exact"}, "civilian_targeting": False}),
        Event("e2", "violence_against_civilians", "attack", "t2", {"fatalities": ["s3"]}, {}),
    ]
    b_events = [
        Event("e9", "battles", None, "t1", {"actor1": ["s1"]},
              {"fatalities": {"value": 3, "qualifier": "exact"}, "civilian_targeting": True}),
        Event("e8", "battles", "armed_clash", "t2", {}, {}),  # another type for "وقتل"
    ]
    out = compare("a", "b", [(Document("d", TEXT), aset("a", spans, a_events),
                              aset("b", spans, b_events))], cb)
    assert (out.events_lenient.a, out.events_lenient.b, out.events_lenient.matched) == (2, 2, 1)
    assert out.events_strict.matched == 1
    assert out.types_lenient["battles"].to_dict()["f1"] == pytest.approx(2 / 3, abs=1e-4)
    assert dict(out.subtypes.pairs) == {("armed_clash", "-"): 1}
    assert out.roles["actor1"].f1 == 1 and out.roles["location"].to_dict()["f1"] == 0
    assert out.event_fields["fatalities"].observed == 1
    assert out.event_fields["fatalities"].kappa is None  # a count: agreement only
    civ = out.event_fields["civilian_targeting"]
    assert civ.observed == 0 and civ.nominal


def test_an_event_without_a_trigger_is_anchored_by_its_role_fillers():
    spans = [word(TEXT, "مسلحون", "s1", "ACTOR"), word(TEXT, "البوكمال", "s2", "LOCATION")]
    a = [Event("e1", "battles", None, None, {"actor1": ["s1"], "location": ["s2"]}, {})]
    b = [Event("e1", "battles", None, None, {"location": ["s2"]}, {})]
    out = compare("a", "b", [(Document("d", TEXT), aset("a", spans, a), aset("b", spans, b))])
    assert out.events_lenient.matched == 1 and out.events_strict.matched == 0


def test_document_fields_count_what_either_coder_gave(cb):
    pairs = [({"relevance": "relevant"}, {"relevance": "relevant"}),
             ({"relevance": "relevant"}, {}),
             ({}, {})]  # neither: not counted
    out = compare("a", "b", [(Document("d", TEXT), aset("a", [], fields=fa),
                              aset("b", [], fields=fb)) for fa, fb in pairs], cb)
    rel = out.document_fields["relevance"]
    assert out.documents == 3 and rel.n == 2 and rel.observed == 0.5


def random_sets(rng: random.Random) -> tuple[AnnotationSet, AnnotationSet]:
    def spans() -> list[Span]:
        out = []
        for k in range(rng.randint(0, 8)):
            s = rng.randrange(len(TEXT) - 1)
            e = rng.randint(s + 1, min(len(TEXT), s + 12))
            out.append(Span(f"s{k}", s, e, rng.choice(["ACTOR", "LOCATION"]), TEXT[s:e]))
        return out
    return aset("a", spans()), aset("b", spans())


def test_agreement_is_symmetric_perfect_with_itself_and_bounded():
    rng = random.Random(7)
    doc = Document("d", TEXT)
    for _ in range(200):
        a, b = random_sets(rng)
        ab = compare("a", "b", [(doc, a, b)]).to_dict()
        ba = compare("b", "a", [(doc, b, a)]).to_dict()
        for kind in ("strict", "lenient", "boundaries"):
            assert ab["spans"][kind]["f1"] == ba["spans"][kind]["f1"]
            f1 = ab["spans"][kind]["f1"]
            assert f1 is None or 0 <= f1 <= 1
        assert ab["characters"]["kappa"] == ba["characters"]["kappa"]
        same = compare("a", "a", [(doc, a, a)])
        if a.spans:
            assert same.spans_strict.f1 == same.spans_lenient.f1 == 1
        assert same.characters.observed == 1


def test_f1_of_nothing_is_undefined_not_zero():
    assert F1().f1 is None and F1(2, 0, 0).f1 == 0


def test_overlap_matching_equals_trying_every_pair():
    from annotator.core.agreement import _overlap_pairs

    def every_pair(items_a, items_b):
        candidates = sorted((-(min(ea, eb) - max(sa, sb)), i, j)
                            for i, (sa, ea, ka) in enumerate(items_a)
                            for j, (sb, eb, kb) in enumerate(items_b)
                            if ka == kb and min(ea, eb) > max(sa, sb))
        used_a, used_b, pairs = set(), set(), []
        for _, i, j in candidates:
            if i not in used_a and j not in used_b:
                used_a.add(i)
                used_b.add(j)
                pairs.append((i, j))
        return pairs

    rng = random.Random(11)
    for _ in range(2000):
        def items():
            out = []
            for _ in range(rng.randint(0, 9)):
                s = rng.randint(0, 40)
                out.append((s, s + rng.randint(1, 15), rng.choice("xy")))
            return out
        a, b = items(), items()
        assert _overlap_pairs(a, b) == every_pair(a, b)
