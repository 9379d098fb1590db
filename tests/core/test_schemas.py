"""JSON Schemas: valid 2020-12 schemas, the committed generic schema is the generated one, and
jsonschema (the reference) and jsonschema_rs (the fast path) give the same verdict on every
fixture, valid and invalid, strict and generic."""

from __future__ import annotations

import copy
from collections.abc import Callable
from functools import cache
from pathlib import Path
from typing import Any

import jsonschema
import jsonschema_rs
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sample_coding import coded_sample_session, new_session

from annotator.core import jsonio
from annotator.core.edits import AddRoleFiller, AddSpan, CreateEvent, SetEventField
from annotator.core.schemas import (
    MAX_DEPTH,
    CompiledSchema,
    annotation_schema,
    codebook_schema,
    compiled_annotation_schema,
)
from annotator.core.validation import ERROR, validate_annotation_data
from annotator.paths import schema_path
from annotator.storage.project import load_default_codebook

REPO = Path(__file__).resolve().parents[2]
TEXT = "هاجم مسلحون من تنظيم داعش حاجزاً لقوات النظام في بلدة الجلاء، ما أدى إلى مقتل ثلاثة جنود."


def small_in_progress() -> dict[str, Any]:
    return copy.deepcopy(_small_in_progress())


@cache
def _small_in_progress() -> dict[str, Any]:
    s = new_session(TEXT)
    t = s.document.text
    for words, label, sid in (("هاجم", "TRIGGER", "t1"), ("تنظيم داعش", "ACTOR", "a1"),
                              ("قوات النظام", "ACTOR", "a2"), ("بلدة الجلاء", "LOCATION", "l1"),
                              ("ثلاثة جنود", "QUANTITY", "q1")):
        i = t.index(words)
        s.do(AddSpan(i, i + len(words), label, span_id=sid))
    s.do(CreateEvent("battles", None, "t1", event_id="e1"))
    s.do(AddRoleFiller("e1", "actor1", "a1"))
    s.do(AddRoleFiller("e1", "location", "l1"))
    s.do(SetEventField("e1", "fatalities", {"value": 3, "qualifier": "exact"}))
    s.aset.status = "in_progress"
    return s.aset.to_dict()


@pytest.fixture(scope="module")
def cb():
    return load_default_codebook()


@pytest.fixture(scope="module")
def sample_done() -> dict[str, Any]:
    return coded_sample_session().aset.to_dict()


def _set(path: tuple, value: Any) -> Callable[[dict], None]:
    def change(d: dict) -> None:
        target = d
        for key in path[:-1]:
            target = target[key]
        target[path[-1]] = value
    return change


def _del(path: tuple) -> Callable[[dict], None]:
    def change(d: dict) -> None:
        target = d
        for key in path[:-1]:
            target = target[key]
        del target[path[-1]]
    return change


# (name, base, change, which schemas must refuse it: "generic" implies strict too)
GENERIC_BAD = [
    ("missing spans", _del(("spans",))),
    ("extra key", _set(("extra",), 1)),
    ("format 2", _set(("format_version",), 2)),
    ("format true", _set(("format_version",), True)),
    ("utf16 offsets", _set(("offset_unit",), "utf16")),
    ("coder empty", _set(("coder",), "")),
    ("coder too long", _set(("coder",), "c" * 65)),
    ("status odd", _set(("status",), "finished")),
    ("sha upper", _set(("document", "sha256"), "A" * 64)),
    ("sha newline", _set(("document", "sha256"), "a" * 64 + "\n")),
    ("negative time", _set(("time_spent_seconds",), -1)),
    ("time as text", _set(("time_spent_seconds",), "1")),
    ("span start text", _set(("spans", 0, "start"), "0")),
    ("span start negative", _set(("spans", 0, "start"), -1)),
    ("span end zero", _set(("spans", 0, "end"), 0)),
    ("span start 1.5", _set(("spans", 0, "start"), 1.5)),
    ("span empty text", _set(("spans", 0, "text"), "")),
    ("span id space", _set(("spans", 0, "id"), "s 1")),
    ("span id newline", _set(("spans", 0, "id"), "s1\n")),
    ("span id arabic", _set(("spans", 0, "id"), "س1")),
    ("span id dot first", _set(("spans", 0, "id"), ".s1")),
    ("span id path", _set(("spans", 0, "id"), "../s1")),
    ("span id 65", _set(("spans", 0, "id"), "s" * 65)),
    ("span label null", _set(("spans", 0, "label"), None)),
    ("span extra", _set(("spans", 0, "colour"), "red")),
    ("span note number", _set(("spans", 0, "note"), 5)),
    ("events dict", _set(("events",), {})),
    ("event no roles", _del(("events", 0, "roles"))),
    ("roles list", _set(("events", 0, "roles"), [])),
    ("role twice", _set(("events", 0, "roles", "actor1"), ["a1", "a1"])),
    ("role filler int", _set(("events", 0, "roles", "actor1"), [1])),
    ("trigger int", _set(("events", 0, "trigger"), 1)),
    ("field null", _set(("events", 0, "fields", "notes"), None)),
    ("field float", _set(("events", 0, "fields", "notes"), 1.5)),
    ("count bad qualifier", _set(("events", 0, "fields", "fatalities"),
                                 {"value": 3, "qualifier": "many"})),
    ("count negative", _set(("events", 0, "fields", "fatalities"),
                            {"value": -3, "qualifier": "exact"})),
    ("count extra", _set(("events", 0, "fields", "fatalities"),
                         {"value": 3, "qualifier": "exact", "x": 1})),
    ("date arabic digits", _set(("events", 0, "fields", "event_date"),
                                {"value": "٢٠٢٤-٠٣-٠٥", "precision": "day"})),
    ("date newline", _set(("events", 0, "fields", "event_date"),
                          {"value": "2024-03-05\n", "precision": "day"})),
    ("date slashes", _set(("events", 0, "fields", "event_date"),
                          {"value": "2024/03/05", "precision": "day"})),
    ("date precision", _set(("events", 0, "fields", "event_date"),
                            {"value": "2024-03-05", "precision": "decade"})),
    ("doc field list of ints", _set(("fields", "source_scale"), [1])),
]
STRICT_BAD = [
    ("unknown label", _set(("spans", 0, "label"), "GHOST")),
    ("unknown type", _set(("events", 0, "type"), "picnic")),
    ("unknown subtype", _set(("events", 0, "subtype"), "picnic")),
    ("subtype of another type", _set(("events", 0, "subtype"), "peaceful_protest")),
    ("unknown field", _set(("events", 0, "fields", "colour"), "red")),
    ("field of another type", _set(("events", 0, "fields", "crowd_size"), 5)),
    ("enum value", _set(("events", 0, "fields", "actor1_type"), "aliens")),
    ("boolean as text", _set(("events", 0, "fields", "aggregate"), "yes")),
    ("two actor1", _set(("events", 0, "roles", "actor1"), ["a1", "a2"])),
    ("role not of type", _set(("events", 0, "roles", "spectator"), ["a1"])),
    ("unknown document field", _set(("fields", "mood"), "calm")),
    ("other codebook", _set(("codebook", "id"), "other")),
]
DONE_BAD = [
    ("done without subtype", _set(("events", 0, "subtype"), None)),
    ("done without subtype key", _del(("events", 0, "subtype"))),
    ("done without trigger", _set(("events", 0, "trigger"), None)),
    ("done without actor1", _del(("events", 0, "roles", "actor1"))),
    ("done with empty actor1", _set(("events", 0, "roles", "actor1"), [])),
    ("done without date", _del(("events", 0, "fields", "event_date"))),
    ("done without relevance", _del(("fields", "relevance"))),
]


def _apply(base: dict, change) -> dict:
    data = copy.deepcopy(base)
    change(data)
    return data


@pytest.fixture(scope="module")
def fixtures(sample_done) -> list[tuple[str, dict[str, Any]]]:
    small = small_in_progress()
    not_started = new_session(TEXT).aset.to_dict()
    in_progress_sample = _apply(sample_done, _set(("status",), "in_progress"))
    in_progress_sample["events"][0]["subtype"] = None
    in_progress_sample["events"][0]["trigger"] = None
    out = [("not started", not_started), ("small in progress", small),
           ("sample done", sample_done), ("sample in progress", in_progress_sample)]
    # the mutations apply to the done sample, whose first event has every key used above
    for name, change in GENERIC_BAD + STRICT_BAD + DONE_BAD:
        out.append((name, _apply(sample_done, change)))
    return out


# -- the schemas themselves ------------------------------------------------------------------
def test_generic_and_strict_schemas_are_valid_2020_12(cb):
    for schema in (annotation_schema(None), annotation_schema(cb), codebook_schema()):
        jsonschema.Draft202012Validator.check_schema(schema)
        assert jsonschema_rs.meta.is_valid(schema)
        assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
        jsonschema_rs.Draft202012Validator(schema)  # compiles


def test_committed_generic_schema_is_the_generated_one():
    """``schemas/annotation.schema.json`` is the public contract: regenerate it with
    ``jsonio.dumps(annotation_schema(None))`` when the format changes."""
    committed = (REPO / "schemas" / "annotation.schema.json").read_bytes()
    assert committed == jsonio.dumps(annotation_schema(None)).encode("utf-8")
    assert schema_path("annotation.schema.json").read_bytes() == committed


def test_strict_schema_names_the_codebook(cb):
    strict = annotation_schema(cb)
    assert cb.id in strict["title"] and cb.version in strict["title"]
    assert strict["properties"]["codebook"]["properties"]["id"] == {"const": cb.id}
    assert annotation_schema(None)["title"] == "annotator annotation set"


def test_default_codebook_passes_its_schema(cb):
    assert jsonschema.Draft202012Validator(codebook_schema()).is_valid(cb.raw)


def test_compiled_schemas_are_cached(cb):
    assert compiled_annotation_schema(cb) is compiled_annotation_schema(cb)
    assert compiled_annotation_schema(None) is compiled_annotation_schema(None)
    assert compiled_annotation_schema(None) is not compiled_annotation_schema(cb)


# -- verdicts --------------------------------------------------------------------------------
def _verdicts(schema: dict, data: Any) -> tuple[bool, bool]:
    return (jsonschema.Draft202012Validator(schema).is_valid(data),
            jsonschema_rs.Draft202012Validator(schema).is_valid(data))


def test_both_validators_agree_on_every_fixture(cb, fixtures):
    generic, strict = annotation_schema(None), annotation_schema(cb)
    for name, data in fixtures:
        for kind, schema in (("generic", generic), ("strict", strict)):
            py, rs = _verdicts(schema, data)
            assert py == rs, f"{name} ({kind}): jsonschema {py}, jsonschema_rs {rs}"


def test_fixtures_are_refused_by_the_schema_meant_to(cb, fixtures):
    generic = compiled_annotation_schema(None)
    strict = compiled_annotation_schema(cb)
    by_name = dict(fixtures)
    for name in ("not started", "small in progress", "sample done", "sample in progress"):
        assert generic.is_valid(by_name[name]) and strict.is_valid(by_name[name]), name
    for name, _ in GENERIC_BAD:
        assert not generic.is_valid(by_name[name]), name
        assert not strict.is_valid(by_name[name]), name
        assert generic.errors(by_name[name]), name
    for name, _ in STRICT_BAD + DONE_BAD:
        assert generic.is_valid(by_name[name]), name
        assert not strict.is_valid(by_name[name]), name
        assert strict.errors(by_name[name]), name


def test_strict_schema_accepts_what_validation_accepts(cb, fixtures):
    """Someone checking our files with the printed schema never sees a file we call good fail."""
    strict = annotation_schema(cb)
    for name, data in fixtures:
        issues = validate_annotation_data(data, codebook=cb)
        if not any(i.severity == ERROR for i in issues):
            assert all(_verdicts(strict, data)), name


def test_in_progress_events_may_lack_subtype_and_requirements(cb, sample_done):
    data = _apply(sample_done, _set(("status",), "in_progress"))
    event = data["events"][0]
    event["subtype"] = event["trigger"] = None
    event["roles"] = {}
    event["fields"] = {}
    data["fields"] = {}
    assert all(_verdicts(annotation_schema(cb), data))
    data["status"] = "done"
    assert not any(_verdicts(annotation_schema(cb), data))


TRICKY = st.one_of(
    st.sampled_from(["", "s1", "s1\n", "\n", "٢٠٢٤", "2024-03-05", "2024-03-05\n", "a" * 64,
                     "ACTOR", "battles", "done", "exact", "day", "GHOST", "س", "#ffffff"]),
    st.integers(min_value=-(2**70), max_value=2**70), st.booleans(), st.none(),
    st.floats(allow_nan=False, allow_infinity=False),
    st.lists(st.sampled_from(["a1", "t1", 1]), max_size=3),
    st.dictionaries(st.sampled_from(["value", "qualifier", "precision"]),
                    st.sampled_from(["exact", "day", 3, None, "2024"]), max_size=3),
)


def _paths(value: Any, prefix: tuple = ()) -> list[tuple]:
    out = [prefix] if prefix else []
    if isinstance(value, dict):
        for k, v in value.items():
            out += _paths(v, (*prefix, k))
    elif isinstance(value, list):
        for i, v in enumerate(value):
            out += _paths(v, (*prefix, i))
    return out


@cache
def _three_validators() -> list[tuple[Any, Any, CompiledSchema]]:
    out = []
    for schema in (annotation_schema(None), annotation_schema(load_default_codebook())):
        out.append((jsonschema.Draft202012Validator(schema),
                    jsonschema_rs.Draft202012Validator(schema), CompiledSchema(schema)))
    return out


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_both_validators_agree_on_random_damage(data):
    base = small_in_progress()
    if data.draw(st.booleans()):
        base["status"] = "done"
    for _ in range(data.draw(st.integers(1, 3))):
        path = data.draw(st.sampled_from(_paths(base)))
        _set(path, data.draw(TRICKY))(base)
    for py_validator, rs_validator, compiled in _three_validators():
        py = py_validator.is_valid(base)
        assert rs_validator.is_valid(base) == py, base
        assert compiled.is_valid(base) == py


# -- explaining ------------------------------------------------------------------------------
def test_errors_name_the_path(fixtures):
    generic = compiled_annotation_schema(None)
    data = dict(fixtures)["span start text"]
    assert generic.errors(data) == [("$.spans[0].start", "'0' is not of type 'integer'")]
    data = dict(fixtures)["missing spans"]
    assert generic.errors(data) == [("$", "'spans' is a required property")]


def test_errors_survive_deep_nesting_and_huge_values():
    generic = compiled_annotation_schema(None)
    deep: list = []
    for _ in range(200_000):
        deep = [deep]
    data = small_in_progress()
    data["fields"]["notes"] = deep
    assert not generic.is_valid(data)
    [(path, message)] = generic.errors(data)
    assert path.startswith("$.fields.notes[0]") and str(MAX_DEPTH) in message
    data = small_in_progress()
    data["coder"] = ["x" * 1_000_000]
    [(path, message)] = generic.errors(data)
    assert path == "$.coder" and len(message) <= 300
