"""Agreement between two coders: F1 of matched spans and events, Cohen's kappa, checked against
values worked out by hand, and the properties every agreement number must have."""

from __future__ import annotations

import random

import pytest

from annotator.core.agreement import F1, Kappa, compare, describe
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


def maximum_by_trying_everything(items_a, items_b) -> int:
    """The size of a maximum one-to-one matching, by trying every choice (small inputs only)."""
    def overlaps(a, b):
        return a[2] == b[2] and min(a[1], b[1]) > max(a[0], b[0])

    def best(i: int, used: frozenset[int]) -> int:
        if i == len(items_a):
            return 0
        out = best(i + 1, used)  # A's item i left unmatched
        for j, b in enumerate(items_b):
            if j not in used and overlaps(items_a[i], b):
                out = max(out, 1 + best(i + 1, used | {j}))
        return out
    return best(0, frozenset())


def test_lenient_matching_is_maximum_where_largest_overlap_first_is_not():
    # Greedy pairs [5,23) with [5,16) (overlap 11) and then nothing else fits: 1 of 2.
    a = [Span("s1", 5, 23, "ACTOR", TEXT[5:23]), Span("s2", 5, 11, "ACTOR", TEXT[5:11])]
    b = [Span("s1", 5, 16, "ACTOR", TEXT[5:16]), Span("s2", 18, 23, "ACTOR", TEXT[18:23])]
    out = compare("a", "b", [(Document("d", TEXT), aset("a", a), aset("b", b))])
    assert out.spans_lenient.matched == 2 and out.spans_lenient.f1 == 1


def test_overlap_matching_is_as_large_as_trying_every_matching():
    from annotator.core.matching import overlap_matching

    rng = random.Random(11)
    for _ in range(3000):
        def items():
            out = []
            for _ in range(rng.randint(0, 7)):
                s = rng.randint(0, 30)
                out.append((s, s + rng.randint(1, 12), rng.choice("xy")))
            return out
        a, b = items(), items()
        pairs = overlap_matching(a, b)
        assert len({i for i, _ in pairs}) == len({j for _, j in pairs}) == len(pairs)
        for i, j in pairs:
            assert a[i][2] == b[j][2] and min(a[i][1], b[j][1]) > max(a[i][0], b[j][0])
        assert len(pairs) == maximum_by_trying_everything(a, b), (a, b)
        assert overlap_matching(a, b) == pairs  # deterministic
        flipped = overlap_matching(b, a)
        assert len(flipped) == len(pairs)


def test_overlap_matching_keeps_the_largest_overlaps_when_that_costs_no_pair():
    from annotator.core.matching import overlap_matching

    # B's [0,10) overlaps both of A's; pairing it with the larger overlap loses nothing.
    assert overlap_matching([(0, 3, "x"), (2, 10, "x")], [(0, 10, "x")]) == [(1, 0)]
    # A long item against many short ones: one pair, the largest overlap.
    assert overlap_matching([(0, 100, "x")], [(k, k + 1 + (k == 40), "x")
                                              for k in range(0, 90, 10)]) == [(0, 4)]


def test_events_without_an_anchor_match_identical_ones_and_not_others():
    fields = {"fatalities": {"value": 2, "qualifier": "exact"}}
    a = [Event("e1", "battles", None, None, {}, dict(fields)),
         Event("e2", "protests", None, None, {}, {})]
    b = [Event("e9", "protests", None, None, {}, {}),
         Event("e8", "battles", None, None, {}, dict(fields))]
    out = compare("a", "b", [(Document("d", TEXT), aset("a", [], a), aset("b", [], b))])
    assert out.events_lenient.f1 == 1 and out.events_strict.f1 == 1
    assert out.event_fields["fatalities"].observed == 1
    other = compare("a", "b", [(Document("d", TEXT), aset("a", [], a[:1]),
                                aset("b", [], b[:1]))])
    assert other.events_lenient.matched == 0  # another type: no match


def test_the_sub_type_line_only_for_a_codebook_with_sub_types(cb):
    import copy

    raw = copy.deepcopy(cb.raw)
    for et in raw["event_types"]:
        et.pop("subtypes", None)
        for key in ("required_roles_by_subtype", "required_fields_by_subtype"):
            et.pop(key, None)
    flat = Codebook.from_dict(raw)
    assert not any(et.subtypes for et in flat.event_types)
    spans = [word(TEXT, "هاجم", "t1", "TRIGGER")]
    events = [Event("e1", "battles", None, "t1", {}, {})]
    items = [(Document("d", TEXT), aset("a", spans, events), aset("b", spans, events))]
    assert "sub-type" not in describe(compare("a", "b", items, flat), "done")
    assert "  sub-type" in describe(compare("a", "b", items, cb), "done")
    assert "subtype" not in compare("a", "b", items, flat).to_dict()["events"]


def test_an_undefined_kappa_is_said_not_dropped():
    doc = Document("d", TEXT)
    out = compare("a", "b", [(doc, aset("a", []), aset("b", []))])
    assert out.characters.kappa is None and out.characters.observed == 1
    text = describe(out, None)
    assert "agreement 1.00, kappa undefined (one category only)" in text


def test_counts_merged_from_parts_equal_counts_of_the_whole():
    rng = random.Random(19)
    doc = Document("d", TEXT)
    items = [(doc, *random_sets(rng)) for _ in range(20)]
    whole = compare("a", "b", items)
    first, second = compare("a", "b", items[:7]), compare("a", "b", items[7:])
    first.merge(second)
    assert first.to_dict() == whole.to_dict()
