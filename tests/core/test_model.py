"""The data model: plain dicts in and out, deterministic order, fresh ids, and JSON that is the
same bytes for the same data."""

from __future__ import annotations

import json
import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from annotator.core import jsonio
from annotator.core.model import (
    FORMAT_VERSION,
    OFFSET_UNIT,
    AnnotationSet,
    CodebookRef,
    Document,
    Event,
    IdList,
    Provenance,
    Span,
    now_iso,
)
from annotator.core.text import sha256_text
from annotator.core.validation import structural_issues

REF = CodebookRef("cb", "1", "0" * 64)


def test_document_hash_title_and_dict():
    doc = Document("d1", "نص عربي\n")
    assert doc.sha256 == sha256_text("نص عربي\n")
    assert doc.title == "d1"
    doc.meta["title"] = "عنوان"
    assert doc.title == "عنوان"
    d = doc.to_dict()
    assert d == {"format_version": 1, "id": "d1", "sha256": doc.sha256,
                 "meta": {"title": "عنوان"}, "text": "نص عربي\n"}
    again = Document.from_dict(d)
    assert again == doc and again.meta is not doc.meta
    assert Document.from_dict({"id": "x", "text": "t"}).sha256 == sha256_text("t")


def test_span_note_only_when_set():
    assert "note" not in Span("s1", 0, 2, "ACTOR", "نص").to_dict()
    s = Span("s1", 0, 2, "ACTOR", "نص", note="?")
    assert s.to_dict()["note"] == "?"
    assert Span.from_dict(s.to_dict()) == s


def test_event_drops_empty_roles_and_copies():
    e = Event("e1", "battles", roles={"actor1": ["s1"], "actor2": []}, fields={"x": 1},
              trigger="t")
    d = e.to_dict()
    assert d["roles"] == {"actor1": ["s1"]}
    d["roles"]["actor1"].append("s2")
    d["fields"]["y"] = 2
    assert e.roles["actor1"] == ["s1"] and "y" not in e.fields
    assert e.span_ids() == {"s1", "t"}
    assert Event.from_dict({"id": "e", "type": "t"}) == Event("e", "t")


def _set() -> AnnotationSet:
    aset = AnnotationSet.new(Document("d", "abcdefgh"), "coder", REF)
    aset.spans = [Span("s2", 4, 6, "B", "ef"), Span("s1", 0, 2, "A", "ab"),
                  Span("s10", 0, 2, "A", "ab"), Span("t1", 0, 1, "T", "a")]
    aset.events = [Event("e1", "x", trigger="t1", roles={"r": ["s1", "s2"], "q": ["s1"]}),
                   Event("e2", "x", roles={"r": ["s2"]})]
    return aset


def test_lookups_and_uses():
    aset = _set()
    assert aset.span("s2").start == 4 and aset.span("nope") is None
    assert aset.event("e2").id == "e2" and aset.event("nope") is None
    assert aset.span_index("s1") == 1 and aset.event_index("e2") == 1
    with pytest.raises(KeyError):
        aset.span_index("nope")
    with pytest.raises(KeyError):
        aset.event_index("nope")
    assert aset.uses_of_span("s1") == [("e1", "r"), ("e1", "q")]
    assert aset.uses_of_span("t1") == [("e1", "trigger")]
    assert aset.uses_of_span("s10") == []


def test_next_id_never_reuses_a_live_id():
    aset = _set()
    assert aset.next_id("s") == "s11"
    assert aset.next_id("e") == "e3"
    assert aset.next_id("t") == "t2"
    assert aset.next_id("x") == "x1"
    aset.spans.append(Span("e7", 7, 8, "A", "h"))  # an id of the other kind counts too
    assert aset.next_id("e") == "e8"
    aset.spans.append(Span("s99x", 7, 8, "A", "h"))  # not <prefix><digits>: ignored
    aset.spans.append(Span("s٣", 7, 8, "A", "h"))  # Arabic-Indic digit: isdigit, int() ok
    assert re.fullmatch(r"s\d+", aset.next_id("s"))
    assert aset.next_id("s") not in {s.id for s in aset.spans}


def test_to_dict_sorts_spans_but_keeps_event_order():
    d = _set().to_dict()
    assert [s["id"] for s in d["spans"]] == ["t1", "s1", "s10", "s2"]
    assert [e["id"] for e in d["events"]] == ["e1", "e2"]
    assert d["format_version"] == FORMAT_VERSION and d["offset_unit"] == OFFSET_UNIT
    assert d["document"] == {"id": "d", "sha256": sha256_text("abcdefgh")}
    assert d["codebook"] == REF.to_dict()


def test_round_trip_and_defaults():
    aset = _set()
    aset.fields = {"relevance": "relevant"}
    aset.time_spent_seconds = 12.345
    d = aset.to_dict()
    assert d["time_spent_seconds"] == 12.3
    again = AnnotationSet.from_dict(d)
    assert again.to_dict() == d
    minimal = {"document": {"id": "d", "sha256": "1" * 64}, "coder": "c",
               "codebook": REF.to_dict()}
    loaded = AnnotationSet.from_dict(minimal)
    assert loaded.status == "not_started" and loaded.spans == [] and loaded.fields == {}
    assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ", loaded.created)


def test_spans_from_dict_match_span_from_dict_with_and_without_notes():
    items = [{"id": "s1", "start": 0, "end": 2, "label": "A", "text": "ab"},
             {"id": "s2", "start": 3, "end": 5, "label": "B", "text": "de", "note": "n"},
             {"id": "s3", "start": 6, "end": 7, "label": "A", "text": "g", "note": ""}]
    base = {"document": {"id": "d", "sha256": "1" * 64}, "coder": "c",
            "codebook": REF.to_dict()}
    for spans in (items, items[:1], items[1:], []):
        loaded = AnnotationSet.from_dict({**base, "spans": spans})
        assert loaded.spans == [Span.from_dict(s) for s in spans]
        assert [s.note for s in loaded.spans] == [s.get("note", "") for s in spans]


def test_from_dict_builds_what_the_constructor_builds():
    """``from_dict`` stores the attributes without the constructor: the result must be the
    constructor's, field for field (a new field left out of ``from_dict`` fails here), with id
    lists that share the set's id counters."""
    gold = Provenance(("a", "b"), "agreed")
    built = AnnotationSet(
        "d", "1" * 64, "gold", REF, status="done",
        spans=[Span("s1", 0, 2, "A", "ab", "a note", gold), Span("s2", 3, 5, "B", "de")],
        events=[Event("e1", "t", "st", "s1", {"r": ["s2"]}, {"f": 1}, gold, {"f": gold})],
        fields={"relevance": "relevant"}, created="2026-01-01T00:00:00Z",
        modified="2026-01-02T00:00:00Z", time_spent_seconds=12.5,
        field_provenance={"relevance": gold}, adjudication={"coders": ["a", "b"], "items": []})
    for expected in (built, AnnotationSet.new(Document("d", "x"), "c", REF)):
        loaded = AnnotationSet.from_dict(expected.to_dict())
        assert vars(loaded).keys() == vars(expected).keys()
        assert loaded == expected
        for name in vars(expected):
            assert type(getattr(loaded, name)) is type(getattr(expected, name)), name
        assert type(loaded.spans) is IdList and type(loaded.events) is IdList
        assert loaded.spans._numbers is loaded.events._numbers is loaded._next_numbers
    loaded = AnnotationSet.from_dict(built.to_dict())
    assert loaded.next_id("s") == "s3" and loaded.next_id("e") == "e2"
    assert loaded.span("s1").provenance == gold and loaded.span("s2").provenance is None
    assert loaded.span("s1").note == "a note" and loaded.span("s2").note == ""


def test_now_iso_is_utc_seconds():
    assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ", now_iso())


def test_new_set_is_structurally_valid():
    aset = AnnotationSet.new(Document("d", "x"), "c", REF)
    assert structural_issues(aset.to_dict()) == []


IDS = st.from_regex(r"[a-z][a-z0-9]{0,3}", fullmatch=True)


@st.composite
def annotation_sets(draw) -> AnnotationSet:
    text = draw(st.text(min_size=1, max_size=30))
    aset = AnnotationSet.new(Document("d", text), draw(IDS), REF)
    ids = draw(st.lists(IDS, unique=True, max_size=8))
    n = len(text)
    for sid in ids:
        start = draw(st.integers(0, n - 1))
        end = draw(st.integers(start + 1, n))
        aset.spans.append(Span(sid, start, end, draw(st.sampled_from(["A", "B"])),
                               text[start:end], draw(st.sampled_from(["", "note"]))))
    for k in range(draw(st.integers(0, 3))):
        roles = {r: draw(st.lists(st.sampled_from(ids), unique=True)) if ids else []
                 for r in draw(st.lists(st.sampled_from(["r1", "r2"]), unique=True))}
        aset.events.append(Event(f"E{k}", "t", draw(st.none() | st.just("st")),
                                 draw(st.none() | st.sampled_from(ids or ["x"])), roles,
                                 {"f": draw(st.integers() | st.text(max_size=3))}))
    aset.status = draw(st.sampled_from(["not_started", "in_progress", "done", "skipped"]))
    return aset


@given(annotation_sets())
def test_dict_json_dict_round_trip(aset):
    d = aset.to_dict()
    text = jsonio.dumps(d)
    back = AnnotationSet.from_dict(json.loads(text))
    assert back.to_dict() == d
    assert jsonio.dumps(back.to_dict()) == text  # same data, same bytes


def test_jsonio_is_deterministic_utf8():
    data = {"b": "نص", "a": [1, {"z": None, "y": True}]}
    text = jsonio.dumps(data)
    assert text.endswith("\n") and "نص" in text and "\\u" not in text
    assert text.index('"a"') < text.index('"b"')
    assert jsonio.dumps(dict(reversed(list(data.items())))) == text
    assert jsonio.dump_bytes(data) == text.encode("utf-8")
    line = jsonio.dumps_line(data)
    assert "\n" not in line and json.loads(line) == data
    assert line == '{"a":[1,{"y":true,"z":null}],"b":"نص"}'


JSON_LIKE = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=8),
    lambda inner: st.lists(inner, max_size=4) | st.tuples(inner, inner)
    | st.dictionaries(st.text(max_size=4), inner, max_size=4),
    max_leaves=20,
)


@given(JSON_LIKE)
def test_jsonio_dumps_writes_exactly_what_json_writes(value):
    expected = json.dumps(value, ensure_ascii=False, indent=1, sort_keys=True) + "\n"
    assert jsonio.dumps(value) == expected


def test_jsonio_dumps_leaves_odd_input_to_json():
    import enum

    class Kind(enum.IntEnum):
        A = 1

    class Name(str):
        pass

    for value in ({1: "one", 2: None}, {None: 1}, [Kind.A], {Name("k"): Name("v")}):
        assert jsonio.dumps(value) == json.dumps(value, ensure_ascii=False, indent=1,
                                                 sort_keys=True) + "\n"
    with pytest.raises(TypeError):
        jsonio.dumps({"a": object()})
    loop: list = []
    loop.append(loop)
    with pytest.raises(ValueError, match="Circular"):
        jsonio.dumps(loop)
    with pytest.raises(TypeError):
        jsonio.dumps({"b": 1, 2: 3})  # keys that cannot be sorted together


def test_unknown_status_names_the_choices_from_the_one_list():
    from annotator.core.model import STATUSES, unknown_status

    assert all(unknown_status(s) == "" for s in STATUSES)
    assert unknown_status("finished") == ("status 'finished': choose not_started, in_progress, "
                                          "done or skipped")
    assert unknown_status(None) != ""


def test_every_list_of_statuses_is_the_model_s():
    from annotator.cli.main import build_parser
    from annotator.core.model import STATUSES
    from annotator.core.schemas import annotation_schema

    assert annotation_schema(None)["properties"]["status"]["enum"] == list(STATUSES)
    parser = build_parser()
    sub = next(a for a in parser._actions if a.dest == "command")
    for command in ("export", "import-annotations"):
        status = next(a for a in sub.choices[command]._actions if a.dest == "status")
        assert tuple(status.choices) == STATUSES, command


def test_a_save_marks_begun_work_in_progress_and_keeps_other_statuses() -> None:
    doc = Document("d", "نص")
    aset = AnnotationSet.new(doc, "c", CodebookRef("cb", "1", "0" * 64))
    assert aset.status_when_saved() == "not_started"  # nothing coded yet
    aset.fields["notes"] = "x"
    assert aset.status_when_saved() == "in_progress"
    for status in ("in_progress", "done", "skipped"):
        aset.status = status
        assert aset.status_when_saved() == status
