"""Adjudication without files: what coders agree on is pre-filled with provenance, each other
difference is one open item; decisions are edits whose undo gives back the exact gold set."""

from __future__ import annotations

import copy
import json

import pytest
from gold_support import CODEBOOK, TEXT, coded, event, span

from annotator.core import jsonio
from annotator.core.adjudication import (
    _CoderView,
    fingerprint,
    gold_summary,
    made_by_prefill,
    match_events,
    open_items,
    prefill,
    provenance_counts,
    seal,
)
from annotator.core.decisions import (
    EditInGold,
    accept_all,
    decision_edit,
)
from annotator.core.edits import RelabelSpan, RemoveSpan, ResizeSpan, SetEventField
from annotator.core.model import AnnotationSet, Document, Provenance
from annotator.core.schemas import annotation_schema
from annotator.core.session import AnnotationSession, EditRefusedError, History
from annotator.core.validation import ERROR, validate_annotation_set


def gold_of(**sets: AnnotationSession) -> AnnotationSet:
    doc = next(iter(sets.values())).document
    return prefill(doc, CODEBOOK, {c: s.aset for c, s in sets.items()})


def differing() -> tuple[AnnotationSession, AnnotationSession]:
    """Coder b: a shorter actor span (so the attack's roles differ), another label on one span,
    no arrest event, another relevance."""
    return coded("a"), coded("b", group_words="مجموعة", arrest=False, location_label="ACTOR",
                             relevance="not_relevant")


def kinds(gold: AnnotationSet) -> list[str]:
    return [i["kind"] for i in open_items(gold)]


def file_bytes(aset: AnnotationSet) -> bytes:
    return jsonio.dump_bytes(aset.to_dict())


def test_identical_sets_give_a_gold_set_with_everything_agreed_and_nothing_open():
    a, b = coded("a"), coded("b")
    gold = gold_of(a=a, b=b)
    assert open_items(gold) == []
    assert gold.coder == "gold" and gold.status == "in_progress"
    assert [(s.start, s.end, s.label, s.text) for s in gold.spans] == sorted(
        (s.start, s.end, s.label, s.text) for s in a.aset.spans)
    assert all(s.provenance == Provenance(("a", "b"), "agreed") for s in gold.spans)
    assert len(gold.events) == 2
    for mine, theirs in zip(gold.events, a.aset.events, strict=True):
        assert mine.provenance == Provenance(("a", "b"), "agreed")
        assert mine.fields == theirs.fields and mine.field_provenance == {}
        assert {r: [gold.span(s).text for s in ids] for r, ids in mine.roles.items()} == \
            {r: [a.aset.span(s).text for s in ids] for r, ids in theirs.roles.items()}
    assert gold.fields == {"relevance": "relevant"}
    assert gold.field_provenance == {"relevance": Provenance(("a", "b"), "agreed")}
    assert provenance_counts(gold)["adjudicator"] == 0


def test_each_difference_is_one_open_item_in_text_order():
    a, b = differing()
    gold = gold_of(a=a, b=b)
    items = open_items(gold)
    assert [i["id"] for i in items] == [f"i{n}" for n in range(1, len(items) + 1)]
    assert kinds(gold) == ["span", "event", "span", "event", "document_field"]
    boundary, attack, label, arrest, relevance = items
    assert {c: [s["text"] for s in alts] for c, alts in boundary["alternatives"].items()} == \
        {"a": ["مجموعة مسلحة"], "b": ["مجموعة"]}
    assert attack["alternatives"]["a"]["roles"]["actor1"][0]["text"] == "مجموعة مسلحة"
    assert {c: [s["label"] for s in alts] for c, alts in label["alternatives"].items()} == \
        {"a": ["LOCATION"], "b": ["ACTOR"]}
    assert arrest["alternatives"]["b"] is None
    assert arrest["alternatives"]["a"]["trigger"]["text"] == "اعتقلت"
    assert relevance["alternatives"] == {"a": "relevant", "b": "not_relevant"}
    # The arrest's spans come with its item: no separate item for each of them.
    texts = [s["text"] for i in items if i["kind"] == "span"
             for alts in i["alternatives"].values() for s in alts]
    assert "اعتقلت" not in texts and "قوات النظام" not in texts
    assert gold.events == []  # the attack's actor differs: not agreed


def test_events_agreeing_but_for_a_field_are_copied_with_the_field_left_open():
    a, b = coded("a"), coded("b", attack_fatalities=3)
    gold = gold_of(a=a, b=b)
    [item] = open_items(gold)
    assert item["kind"] == "event_field" and item["field"] == "fatalities"
    assert item["event"] == gold.events[0].id
    assert item["alternatives"] == {"a": {"qualifier": "exact", "value": 2},
                                    "b": {"qualifier": "exact", "value": 3}}
    assert "fatalities" not in gold.events[0].fields
    assert gold.events[0].fields["geo_precision"] == "1"


def test_the_gold_set_validates_against_the_strict_schema_and_round_trips():
    a, b = differing()
    gold = gold_of(a=a, b=b)
    issues = validate_annotation_set(gold, a.document, CODEBOOK)
    assert [i for i in issues if i.severity == ERROR] == []
    data = gold.to_dict()
    assert AnnotationSet.from_dict(json.loads(jsonio.dumps(data))).to_dict() == data
    import jsonschema

    jsonschema.Draft202012Validator(annotation_schema(CODEBOOK)).validate(data)


def test_old_files_without_provenance_stay_valid_and_unchanged():
    a = coded("a")
    data = a.aset.to_dict()
    assert "provenance" not in json.dumps(data) and "adjudication" not in data
    assert AnnotationSet.from_dict(data).to_dict() == data
    assert validate_annotation_set(a.aset, a.document, CODEBOOK) == []


def test_three_coders_agree_only_on_what_all_three_made():
    a, b, c = coded("a"), coded("b"), coded("c", arrest=False)
    gold = gold_of(a=a, b=b, c=c)
    assert [e.type for e in gold.events] == ["battles"]
    [arrest] = [i for i in open_items(gold) if i["kind"] == "event"]
    assert arrest["alternatives"]["c"] is None
    assert arrest["alternatives"]["a"]["type"] == arrest["alternatives"]["b"]["type"]
    assert gold.events[0].provenance == Provenance(("a", "b", "c"), "agreed")


def test_auto_none_prefills_nothing():
    a, b = coded("a"), coded("b")
    gold = prefill(a.document, CODEBOOK, {"a": a.aset, "b": b.aset}, auto="none")
    assert gold.spans == [] and gold.events == [] and gold.fields == {}
    assert set(kinds(gold)) == {"span", "event", "document_field"}
    with pytest.raises(ValueError):
        prefill(a.document, CODEBOOK, {"a": a.aset, "b": b.aset}, auto="majority")


def test_events_are_matched_one_to_one_identical_first():
    """Two events of one type on one trigger, made in another order by each coder: each is
    matched to its identical twin (matching by overlap alone would pair them crosswise)."""
    sessions = []
    for coder, actors in (("a", ("مجموعة مسلحة", "قوات النظام")),
                          ("b", ("قوات النظام", "مجموعة مسلحة"))):
        s = coded(coder, arrest=False)
        trigger = span(s, "هجوماً", "TRIGGER")
        for actor in actors:
            event(s, "riots", "mob_violence", trigger, {"actor1": [span(s, actor, "ACTOR")]}, {})
        sessions.append(s)
    gold = gold_of(a=sessions[0], b=sessions[1])
    assert [e.type for e in gold.events] == ["battles", "riots", "riots"]
    assert open_items(gold) == []
    views = {c: _CoderView(s.aset) for c, s in zip("ab", sessions, strict=True)}
    assert all(len(g.events) == 2 for g in match_events(views, ["a", "b"]))


# -- the fingerprint ------------------------------------------------------------------------
def test_a_sealed_gold_set_is_recognised_until_anyone_changes_it():
    a, b = differing()
    gold = gold_of(a=a, b=b)
    seal(gold)
    data = json.loads(jsonio.dumps(gold.to_dict()))
    assert made_by_prefill(data)
    data["modified"] = "2030-01-01T00:00:00Z"
    data["time_spent_seconds"] = 12.5
    assert made_by_prefill(data)  # times are not edits
    edited = copy.deepcopy(data)
    edited["spans"][0]["label"] = "ACTOR"
    assert not made_by_prefill(edited)
    decided = copy.deepcopy(data)
    decided["adjudication"]["items"][0]["decision"] = {"accept": ["a"], "made": []}
    assert not made_by_prefill(decided)
    hand_made = copy.deepcopy(data)
    del hand_made["adjudication"]
    assert not made_by_prefill(hand_made) and not made_by_prefill([1])
    assert fingerprint(data) == data["adjudication"]["fingerprint"]


# -- decisions ------------------------------------------------------------------------------
def gold_session(gold: AnnotationSet) -> AnnotationSession:
    return AnnotationSession(Document("doc", TEXT), CODEBOOK, gold)


def test_decisions_through_history_give_the_expected_gold_and_undo_gives_the_bytes_back():
    a, b = differing()
    session = gold_session(gold_of(a=a, b=b))
    history = History(session)
    original = file_bytes(session.aset)
    boundary, attack, label, arrest, relevance = (i["id"] for i in open_items(session.aset))

    history.push(decision_edit(session, boundary, ["a"]))       # accept A
    history.push(decision_edit(session, attack, ["a"]))         # accept A: reuses the span
    history.push(decision_edit(session, label, accept_all(session.aset, label)))  # both
    history.push(decision_edit(session, arrest, []))            # reject
    history.push(decision_edit(session, relevance, ["b"]))      # accept B
    gold = session.aset
    assert open_items(gold) == []
    assert [(s.text, s.label, s.provenance) for s in gold.spans] == [
        ("هجوماً", "TRIGGER", Provenance(("a", "b"), "agreed")),
        ("بلدة الجلاء", "LOCATION", Provenance(("a", "b"), "agreed")),
        ("جنديان", "PERSON", Provenance(("a", "b"), "agreed")),
        ("مجموعة مسلحة", "ACTOR", Provenance(("a",), "chosen")),
        ("موقع عسكري", "LOCATION", Provenance(("a",), "chosen")),
        ("موقع عسكري", "ACTOR", Provenance(("b",), "chosen"))]
    [attack_event] = gold.events
    assert attack_event.provenance == Provenance(("a",), "chosen")
    assert attack_event.fields == a.aset.events[0].fields
    assert {r: [gold.span(s).text for s in ids] for r, ids in attack_event.roles.items()} == \
        {"actor1": ["مجموعة مسلحة"], "actor2": ["جنديان"], "location": ["بلدة الجلاء"]}
    assert gold.fields["relevance"] == "not_relevant"
    assert gold.field_provenance["relevance"] == Provenance(("b",), "chosen")
    decisions = {i["id"]: i["decision"] for i in gold.adjudication["items"]}
    assert decisions[arrest] == {"accept": [], "made": []}
    assert decisions[attack]["made"] == [attack_event.id]
    assert [i.severity for i in validate_annotation_set(gold, session.document, CODEBOOK)
            if i.severity == ERROR] == []
    decided = file_bytes(gold)
    while history.undo():
        pass
    assert file_bytes(session.aset) == original
    while history.redo():
        pass
    assert file_bytes(session.aset) == decided


def test_accepting_an_event_a_coder_alone_made_brings_its_spans():
    a, b = differing()
    session = gold_session(gold_of(a=a, b=b))
    arrest = next(i for i in open_items(session.aset) if i["kind"] == "event"
                  and i["alternatives"]["b"] is None)
    History(session).push(decision_edit(session, arrest["id"], ["a"]))
    [made] = session.aset.events
    assert made.type == "strategic_developments" and made.subtype == "arrests"
    assert made.fields == a.aset.events[1].fields  # the codebook's defaults not added
    assert sorted(session.aset.span(s).text for s in made.span_ids()) == \
        ["اعتقلت", "دير الزور", "قوات النظام"]
    assert all(session.aset.span(s).provenance == Provenance(("a",), "chosen")
               for s in made.span_ids())


def test_field_decisions_take_one_value():
    a, b = coded("a"), coded("b", attack_fatalities=3)
    session = gold_session(gold_of(a=a, b=b))
    [item] = open_items(session.aset)
    with pytest.raises(EditRefusedError, match="one value"):
        decision_edit(session, item["id"], ["a", "b"])
    history = History(session)
    history.push(decision_edit(session, item["id"], ["b"]))
    event_ = session.aset.events[0]
    assert event_.fields["fatalities"] == {"qualifier": "exact", "value": 3}
    assert event_.field_provenance["fatalities"] == Provenance(("b",), "chosen")


def test_refused_decisions_name_the_problem_and_change_nothing():
    a, b = differing()
    session = gold_session(gold_of(a=a, b=b))
    before = file_bytes(session.aset)
    first = open_items(session.aset)[0]["id"]
    with pytest.raises(EditRefusedError, match="no disagreement"):
        decision_edit(session, "i99", ["a"])
    with pytest.raises(EditRefusedError, match="no version by 'zed'"):
        decision_edit(session, first, ["zed"])
    History(session).push(decision_edit(session, first, ["a"]))
    with pytest.raises(EditRefusedError, match="already decided"):
        decision_edit(session, first, ["b"])
    assert file_bytes(session.aset) != before


def test_edits_by_the_adjudicator_mark_what_they_change_as_edited_and_undo_unmarks():
    a, b = coded("a"), coded("b", attack_fatalities=3)
    session = gold_session(gold_of(a=a, b=b))
    history = History(session)
    before = file_bytes(session.aset)
    gold = session.aset
    trigger = gold.events[0].trigger
    location = next(s for s in gold.spans if s.text == "موقع عسكري")
    history.push(EditInGold(RelabelSpan(location.id, "ACTOR")))
    assert location.provenance == Provenance(("a", "b"), "edited")
    history.push(EditInGold(SetEventField(gold.events[0].id, "geo_precision", "2")))
    assert gold.events[0].field_provenance["geo_precision"] == Provenance(("a", "b"), "edited")
    assert gold.events[0].provenance.how == "agreed"  # its type, trigger, roles unchanged
    history.push(EditInGold(ResizeSpan(trigger, 17, 22)))
    assert gold.span(trigger).provenance.how == "edited"
    history.push(EditInGold(RemoveSpan(trigger)))  # takes it out of the event: edited
    assert gold.events[0].provenance == Provenance(("a", "b"), "edited")
    assert EditInGold(RemoveSpan(location.id)).description == "Remove span"
    while history.undo():
        pass
    assert file_bytes(gold) == before


def test_the_summary_a_dataset_card_needs():
    a, b = differing()
    session = gold_session(gold_of(a=a, b=b))
    History(session).push(decision_edit(session, open_items(session.aset)[0]["id"], ["a"]))
    untouched = gold_of(a=coded("a"), b=coded("b"))
    untouched.status = "done"
    summary = gold_summary([session.aset, untouched])
    assert summary["documents"] == 2 and summary["done"] == 1 and summary["coders"] == ["a", "b"]
    assert summary["disagreements"] == {"decided": 1, "open": 4}
    assert summary["items"]["chosen"] == 1 and summary["items"]["edited"] == 0
    total = sum(summary["items"].values())
    assert summary["agreed_share"] == round(summary["items"]["agreed"] / total, 4)
    assert gold_summary([])["agreed_share"] is None
