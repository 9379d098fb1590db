"""Validation: a list of issues (severity, where, message) for every problem, never an exception,
whatever the data."""

from __future__ import annotations

import copy
from functools import cache
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sample_coding import coded_sample_session

from annotator.core.fields import COUNT_QUALIFIERS, DATE_PRECISIONS, FieldDef
from annotator.core.model import FORMAT_VERSION, AnnotationSet, Document
from annotator.core.rules import quick_check
from annotator.core.validation import (
    ERROR,
    TODO,
    WARNING,
    Issue,
    has_errors,
    structural_issues,
    validate_annotation_data,
    validate_annotation_set,
)
from annotator.core.values import check_value
from annotator.storage.project import load_default_codebook


@cache
def _sample() -> tuple[Document, dict[str, Any]]:
    s = coded_sample_session()
    return s.document, s.aset.to_dict()


@pytest.fixture(scope="module")
def cb():
    return load_default_codebook()


@pytest.fixture(scope="module")
def doc() -> Document:
    return _sample()[0]


@pytest.fixture
def data() -> dict[str, Any]:
    """The fully coded sample article (status done, no issue), a fresh copy per test."""
    return copy.deepcopy(_sample()[1])


def issues_of(data, doc, cb) -> list[Issue]:
    return validate_annotation_data(data, document=doc, codebook=cb)


def only(issues: list[Issue], severity: str | None = None) -> list[str]:
    return [str(i) for i in issues if severity is None or i.severity == severity]


def test_the_coded_sample_has_no_issue(data, doc, cb):
    assert issues_of(data, doc, cb) == []
    assert validate_annotation_set(AnnotationSet.from_dict(data), doc, cb) == []


def test_without_document_or_codebook_only_what_can_be_checked(data):
    data["spans"][0]["label"] = "GHOST"  # needs the codebook
    data["spans"][1]["text"] = "غلط"  # needs the document
    assert validate_annotation_data(data) == []


# -- spans -----------------------------------------------------------------------------------
def test_offsets_past_the_end(data, doc, cb):
    n = len(doc.text)
    data["spans"][-1]["end"] = n + 1
    [issue] = issues_of(data, doc, cb)
    assert issue.severity == ERROR and issue.where == f"$.spans[{len(data['spans']) - 1}]"
    assert f"past the end of the text ({n} characters)" in issue.message
    assert issue.ref == data["spans"][-1]["id"]


def test_text_mismatch(data, doc, cb):
    data["spans"][0]["text"] = "شيء آخر"
    [issue] = issues_of(data, doc, cb)
    assert issue.where == "$.spans[0].text" and "differs from the document" in issue.message


def test_empty_or_reversed_range(data, doc, cb):
    data["spans"][0]["start"] = data["spans"][0]["end"]
    [issue] = issues_of(data, doc, cb)
    assert "is not before end" in issue.message


def test_duplicate_span_is_a_warning(data, doc, cb):
    dup = dict(data["spans"][0], id="s999")
    data["spans"].append(dup)
    [issue] = issues_of(data, doc, cb)
    assert issue.severity == WARNING and "duplicates span" in issue.message


def test_unknown_label(data, doc, cb):
    data["spans"][0]["label"] = "GHOST"
    found = only(issues_of(data, doc, cb), ERROR)
    assert any("unknown label 'GHOST'" in m for m in found)


@pytest.mark.parametrize("first, second", [("spans", "spans"), ("spans", "events"),
                                           ("events", "events")])
def test_duplicate_ids(data, doc, cb, first, second):
    a, b = data[first][0], data[second][1]
    b_old = b["id"]
    b["id"] = a["id"]
    # keep references consistent so the duplicate is the only problem about ids
    for e in data["events"]:
        if e is not b and second == "spans":
            if e["trigger"] == b_old:
                e["trigger"] = a["id"]
            for fillers in e["roles"].values():
                fillers[:] = [a["id"] if f == b_old else f for f in fillers]
    found = [i for i in issues_of(data, doc, cb) if "ids must be unique" in i.message]
    assert [(i.severity, i.where, i.ref) for i in found] == [(ERROR, "$", a["id"])]
    assert f"id {a['id']!r} is used 2 times" in found[0].message


# -- events ----------------------------------------------------------------------------------
def test_dangling_references(data, doc, cb):
    e = data["events"][0]
    e["trigger"] = "s404"
    e["roles"]["location"].append("s405")
    found = only(issues_of(data, doc, cb), ERROR)
    assert any("trigger 's404' is not a span" in m for m in found)
    assert any("role 'location' refers to missing span 's405'" in m for m in found)


def test_wrong_role_label_and_trigger_label(data, doc, cb):
    e = data["events"][0]
    location = e["roles"]["location"][0]
    e["roles"]["weapon"] = [location]  # a LOCATION span as weapon
    e["trigger"] = location
    found = only(issues_of(data, doc, cb), ERROR)
    assert any("Weapon must be a span labelled Weapon or means; span" in m and "is Place" in m
               for m in found)
    assert any("the trigger must be labelled Event trigger, not Place" in m for m in found)


def test_cardinality(data, doc, cb):
    e = data["events"][0]
    e["roles"]["actor1"] = e["roles"]["actor1"] + e["roles"]["actor2"]
    found = only(issues_of(data, doc, cb), ERROR)
    assert any("Actor 1 takes at most 1 span(s), has 2" in m for m in found)


def test_unknown_type_subtype_role_and_field(data, doc, cb):
    data["events"][0]["subtype"] = "peaceful_protest"
    data["events"][1]["roles"]["spectator"] = data["events"][1]["roles"]["actor1"]
    data["events"][2]["fields"]["colour"] = "red"
    data["events"][3]["type"] = "picnic"
    found = only(issues_of(data, doc, cb), ERROR)
    assert any("unknown sub-type 'peaceful_protest'" in m for m in found)
    assert any("role 'spectator' is not a role of this event type" in m for m in found)
    assert any("unknown field 'colour' for this event type" in m for m in found)
    assert any("unknown event type 'picnic'" in m for m in found)


def test_bad_field_values(data, doc, cb):
    data["events"][0]["fields"]["event_date"] = {"value": "2023-02-30", "precision": "day"}
    data["events"][1]["fields"]["fatalities"] = {"value": None, "qualifier": "exact"}
    data["events"][2]["fields"]["actor1_type"] = "aliens"
    found = only(issues_of(data, doc, cb), ERROR)
    assert any("Event date: '2023-02-30' is not a real date" in m for m in found)
    assert any("Fatalities: qualifier 'exact' needs a number" in m for m in found)
    assert any("Actor 1 type: unknown choice 'aliens'" in m for m in found)


def _strip_requirements(data: dict) -> None:
    e = data["events"][0]  # battles / armed clash
    e["subtype"] = None
    e["trigger"] = None
    e["roles"].pop("actor1")
    e["fields"].pop("event_date")
    e["fields"]["notes"] = "   "  # blank text does not satisfy a requirement (not required here)
    e["fields"]["actor1_type"] = ""
    data["fields"].pop("relevance")


EXPECTED_MISSING = [
    "$.events[0].subtype", "$.events[0].trigger", "$.events[0].roles.actor1",
    "$.events[0].fields.event_date", "$.fields.relevance",
]


def test_requirements_are_todo_while_in_progress(data, doc, cb):
    data["status"] = "in_progress"
    _strip_requirements(data)
    data["events"][0]["fields"].pop("actor1_type")
    issues = issues_of(data, doc, cb)
    assert {i.severity for i in issues} == {TODO}
    wheres = [i.where for i in issues]
    for where in [*EXPECTED_MISSING, "$.events[0].fields.actor1_type"]:
        assert where in wheres
    assert not has_errors(issues)


def test_requirements_are_errors_when_done(data, doc, cb):
    _strip_requirements(data)
    issues = issues_of(data, doc, cb)
    errors = [i.where for i in issues if i.severity == ERROR]
    for where in EXPECTED_MISSING:
        assert where in errors
    # an empty string in a required enum is a bad value, not a missing one
    assert any(i.where == "$.events[0].fields.actor1_type" and "unknown choice" in i.message
               for i in issues)
    assert has_errors(issues)


def test_subtype_requirements_apply_once_chosen(cb):
    from sample_coding import new_session

    from annotator.core.edits import AddSpan, CreateEvent

    s = new_session("تظاهر الأهالي في الساحة")
    s.do(AddSpan(0, 5, "TRIGGER", span_id="t"))
    s.do(CreateEvent("protests", "protest_with_intervention", "t", event_id="e1"))
    wheres = {i.where for i in validate_annotation_set(s.aset, s.document, cb)}
    assert "$.events[0].roles.actor2" in wheres  # only the sub-type requires it
    s.aset.events[0].subtype = "peaceful_protest"
    wheres = {i.where for i in validate_annotation_set(s.aset, s.document, cb)}
    assert "$.events[0].roles.actor2" not in wheres


# -- document and codebook -------------------------------------------------------------------
def test_newer_format_version_is_refused_with_a_message(data, doc, cb):
    data["format_version"] = FORMAT_VERSION + 1
    data["something_new"] = {"a": 1}
    [issue] = issues_of(data, doc, cb)
    assert issue.where == "$.format_version"
    assert f"format {FORMAT_VERSION + 1}" in issue.message and "update annotator" in issue.message


def test_hash_mismatch(data, doc, cb):
    edited = Document(doc.id, doc.text.replace("داعش", "داعس", 1))
    issues = issues_of(data, edited, cb)
    assert [(i.severity, i.where) for i in issues] == [(ERROR, "$.document.sha256")]
    assert "has changed since this file was made" in issues[0].message


def test_other_document(data, doc, cb):
    other = Document("another", doc.text)
    [issue] = issues_of(data, other, cb)
    assert issue.where == "$.document.id" and "'sample-article', not 'another'" in issue.message


def test_codebook_mismatches(data, doc, cb):
    data["codebook"]["version"] = "0.9"
    [issue] = issues_of(data, doc, cb)
    assert issue.severity == WARNING and "version 0.9" in issue.message
    data["codebook"]["id"] = "other"
    [issue] = issues_of(data, doc, cb)
    assert issue.severity == ERROR and issue.where == "$.codebook.id"


def test_document_fields(data, doc, cb):
    data["fields"]["mood"] = "calm"
    data["fields"]["relevance"] = "maybe"
    found = only(issues_of(data, doc, cb), ERROR)
    assert any("unknown document field 'mood'" in m for m in found)
    assert any("Relevance: unknown choice 'maybe'" in m for m in found)


def test_issue_shapes():
    i = Issue(ERROR, "$.spans[0]", "bad", "s1")
    assert str(i) == "error: $.spans[0]: bad"
    assert i.to_dict() == {"severity": "error", "where": "$.spans[0]", "message": "bad",
                           "ref": "s1"}
    assert Issue(TODO, "$", "x").to_dict() == {"severity": "todo", "where": "$", "message": "x"}
    assert not has_errors([Issue(WARNING, "$", "w"), Issue(TODO, "$", "t")])


# -- hostile input ---------------------------------------------------------------------------
def _deep(n: int) -> list:
    value: list = []
    for _ in range(n):
        value = [value]
    return value


@pytest.mark.parametrize("where", [None, "spans", "fields", "coder", "events", "document",
                                   "event_field", "extra"])
def test_200000_deep_nesting_does_not_raise(data, doc, cb, where):
    deep = _deep(200_000)
    if where is None:
        target: Any = deep
    elif where == "event_field":
        data["events"][0]["fields"]["notes"] = deep
        target = data
    else:
        data[where] = deep
        target = data
    issues = issues_of(target, doc, cb)
    assert issues and all(i.severity == ERROR for i in issues)
    assert all(len(str(i)) < 500 for i in issues)


@pytest.mark.parametrize("value", [None, 0, "text", [], [1, 2], True, 1.5])
def test_not_an_object(value, doc, cb):
    [issue] = issues_of(value, doc, cb)
    assert issue.where == "$" and "must hold a JSON object" in issue.message


def test_huge_numbers(data, doc, cb):
    data["spans"][0]["start"] = 10**100
    data["spans"][0]["end"] = 10**100 + 1
    data["spans"][1]["end"] = 2**64
    data["events"][0]["fields"]["fatalities"] = {"value": 10**400, "qualifier": "at_least"}
    data["time_spent_seconds"] = 10**20
    found = only(issues_of(data, doc, cb))
    assert any("past the end of the text" in m for m in found)
    assert len(found) == 2
    data["time_spent_seconds"] = 10**400  # no float can hold it
    assert any("finite" in i.message for i in issues_of(data, doc, cb))


@pytest.mark.parametrize("value", [float("nan"), float("inf")])
def test_non_finite_time(data, doc, cb, value):
    issues = structural_issues(dict(data, time_spent_seconds=value))
    assert [i.where for i in issues] == ["$.time_spent_seconds"]


def test_offsets_written_as_floats(data, doc, cb):
    data["spans"][0]["start"] = float(data["spans"][0]["start"])
    issues = issues_of(data, doc, cb)
    assert [i.where for i in issues] == ["$.spans[0].start"]
    assert "whole number" in issues[0].message


@pytest.mark.parametrize("ident", ["../../etc/passwd", "a/b", "..", "C:\\x", "s1\n", "", "نص"])
def test_path_like_ids_are_refused(data, doc, cb, ident):
    data["spans"][0]["id"] = ident
    data["events"][1]["id"] = ident
    issues = issues_of(data, doc, cb)
    assert issues and {i.severity for i in issues} == {ERROR}
    assert {i.where for i in issues} >= {"$.spans[0].id", "$.events[1].id"}


def test_path_like_document_id_is_only_a_mismatch(data, doc, cb):
    data["document"]["id"] = "../../etc/passwd"
    [issue] = issues_of(data, doc, cb)
    assert issue.where == "$.document.id"


HOSTILE = st.recursive(
    st.none() | st.booleans() | st.integers(min_value=-(2**80), max_value=2**80)
    | st.floats(allow_nan=False) | st.text(max_size=5)
    | st.sampled_from(["s1", "e1", "ACTOR", "battles", "done", "actor1", "exact", "\n", ".."]),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(
        st.sampled_from(["id", "start", "end", "label", "text", "type", "roles", "fields",
                         "value", "qualifier", "precision", "x"]), inner, max_size=3),
    max_leaves=8,
)


def _paths(value: Any, prefix: tuple = ()) -> list[tuple]:
    out = [prefix] if prefix else []
    if isinstance(value, dict):
        for k, v in value.items():
            out += _paths(v, (*prefix, k))
    elif isinstance(value, list):
        for i, v in enumerate(value[:4]):
            out += _paths(v, (*prefix, i))
    return out


@settings(max_examples=300, deadline=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(st.data())
def test_wrong_types_anywhere_never_raise(doc, cb, data):
    base = copy.deepcopy(_sample()[1])
    base["spans"] = base["spans"][:6]
    base["events"] = base["events"][:2]
    for _ in range(data.draw(st.integers(1, 4))):
        path = data.draw(st.sampled_from(_paths(base)))
        target = base
        for key in path[:-1]:
            target = target[key]
        if data.draw(st.booleans()) and isinstance(target, dict):
            del target[path[-1]]
        else:
            target[path[-1]] = data.draw(HOSTILE)
    issues = validate_annotation_data(base, document=doc, codebook=cb)
    assert all(isinstance(i, Issue) and i.severity in (ERROR, WARNING, TODO) for i in issues)
    if not has_errors(issues):
        AnnotationSet.from_dict(base).to_dict()  # usable data must load


# -- the quick value checks: true only where check_value finds nothing ------------------------
_ODD = st.one_of(st.none(), st.booleans(), st.integers(-3, 3), st.floats(allow_nan=True),
                 st.text(max_size=12), st.lists(st.integers(0, 2), max_size=2),
                 st.sampled_from(["2024-02-29", "2023-02-29", "2024-13-01", "2024-03",
                                  "2024", "24-03-05", "2024-03-05\n", "٢٠٢٤-٠٣-٠٥"]))
_KEYS = st.sampled_from(["value", "qualifier", "precision", "extra"])
_QUALIFIERS = st.sampled_from([*COUNT_QUALIFIERS, "many", ""])
_PRECISIONS = st.sampled_from([*DATE_PRECISIONS, "decade", ""])


@settings(max_examples=400, deadline=None)
@given(st.one_of(
    st.dictionaries(_KEYS, st.one_of(_ODD, _QUALIFIERS, _PRECISIONS), max_size=3),
    st.fixed_dictionaries({"value": _ODD, "qualifier": _QUALIFIERS}),
    st.fixed_dictionaries({"value": _ODD, "precision": _PRECISIONS}),
    _ODD))
def test_count_and_date_quick_checks_never_pass_what_check_value_refuses(value: Any) -> None:
    for kind in ("count", "date"):
        fd = FieldDef(id="f", type=kind, name="F")
        quick = quick_check(fd)
        assert quick is not None
        if quick(value):
            assert check_value(fd, value) == "", (kind, value)


@pytest.mark.parametrize(("kind", "value"), [
    ("count", {"value": 3, "qualifier": "exact"}),
    ("count", {"qualifier": "at_least", "value": 0}),
    ("date", {"value": "2024-03-05", "precision": "day"}),
    ("date", {"value": "2024-03", "precision": "month"}),
])
def test_quick_checks_pass_common_good_values(kind: str, value: Any) -> None:
    fd = FieldDef(id="f", type=kind, name="F")
    assert quick_check(fd)(value) and check_value(fd, value) == ""  # type: ignore[misc]
