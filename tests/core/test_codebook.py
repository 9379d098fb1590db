"""Codebook loading: the default codebook, the schema check and the cross-checks a schema cannot
make (unknown labels in roles, duplicate keys, bad defaults, ...)."""

from __future__ import annotations

import copy
import json
from pathlib import Path

import pytest

from annotator.core import jsonio
from annotator.core.codebook import Codebook, default_codebook_path
from annotator.core.fields import COUNT_QUALIFIERS
from annotator.core.schemas import codebook_issues
from annotator.errors import AnnotatorError
from annotator.storage.project import load_codebook, load_default_codebook


@pytest.fixture(scope="module")
def raw() -> dict:
    with open(default_codebook_path(), encoding="utf-8") as fh:
        return json.load(fh)


def mutated(raw: dict, change) -> dict:
    data = copy.deepcopy(raw)
    change(data)
    return data


def problems_of(data: dict) -> str:
    """The cross-check message for ``data``, which must pass the schema but fail the checks."""
    assert codebook_issues(data) == []
    with pytest.raises(AnnotatorError) as info:
        Codebook.from_dict(data, source="test.json")
    message = str(info.value)
    assert message.startswith("test.json: the codebook is inconsistent")
    return message


# -- the default codebook --------------------------------------------------------------------
def test_default_codebook_shape():
    cb = load_default_codebook()
    assert [lab.id for lab in cb.span_labels] == [
        "TRIGGER", "ACTOR", "PERSON", "LOCATION", "TIME", "WEAPON", "QUANTITY", "SOURCE"]
    assert [r.id for r in cb.roles] == [
        "actor1", "assoc_actor1", "actor2", "assoc_actor2", "target", "victim", "location",
        "time", "weapon", "fatalities", "injuries", "source"]
    assert len(cb.event_types) == 6
    assert sum(len(t.subtypes) for t in cb.event_types) == 25
    assert len(cb.event_fields) == 21
    assert cb.trigger_labels == ("TRIGGER",) and cb.trigger_required
    assert cb.cross_check() == []


def test_default_codebook_follows_acled_order():
    cb = load_default_codebook()
    assert [t.id for t in cb.event_types] == [
        "battles", "protests", "riots", "explosions_remote_violence",
        "violence_against_civilians", "strategic_developments"]
    assert [s.id for s in cb.event_type("explosions_remote_violence").subtypes] == [
        "chemical_weapon", "air_drone_strike", "suicide_bomb",
        "shelling_artillery_missile_attack", "remote_explosive_landmine_ied", "grenade"]
    actor_types = cb.field_for("battles", "actor1_type").option_ids()
    assert actor_types == ["state_forces", "rebel_group", "political_militia",
                           "identity_militia", "rioters", "protesters", "civilians",
                           "external_other"]


def test_lookups():
    cb = load_default_codebook()
    assert cb.label("ACTOR").key == "a"
    assert cb.label("NOPE") is None
    assert cb.label_for_key("l").id == "LOCATION"
    assert cb.label_for_key("") is None
    assert cb.role("actor1").max == 1
    assert cb.role("nope") is None
    assert cb.event_type("nope") is None
    assert cb.fields_for("nope") == cb.event_fields
    assert cb.field_for("protests", "crowd_size") is not None
    assert cb.field_for("battles", "crowd_size") is None
    assert cb.document_field("relevance").required
    assert cb.document_field("nope") is None
    assert cb.required_roles("nope", None) == ()
    assert cb.required_fields("nope", None) == ()


def test_required_roles_combine_type_and_subtype_without_repeats():
    cb = load_default_codebook()
    assert cb.required_roles("protests", "peaceful_protest") == ("actor1", "location")
    assert cb.required_roles("protests", "protest_with_intervention") == (
        "actor1", "location", "actor2")
    assert cb.required_roles("protests", "no-such-subtype") == ("actor1", "location")
    fields = cb.required_fields("battles", "armed_clash")
    assert len(fields) == len(set(fields))
    assert "actor2_type" in fields and "event_date" in fields


def test_sha256_is_of_the_deterministic_dump(raw):
    cb = Codebook.from_dict(raw)
    from annotator.core.text import sha256_text

    assert cb.sha256 == sha256_text(jsonio.dumps(raw))
    assert cb.ref() == {"id": cb.id, "version": cb.version, "sha256": cb.sha256}
    # Key order in the file does not change the identity of the codebook.
    reordered = dict(reversed(list(raw.items())))
    assert Codebook.from_dict(reordered).sha256 == cb.sha256


def test_count_qualifiers_cover_acled_vague_numbers():
    assert {"several", "dozens", "hundreds", "unspecified", "none_reported"} <= set(
        COUNT_QUALIFIERS)
    assert all(not COUNT_QUALIFIERS[q]["needs_value"]
               for q in ("several", "dozens", "hundreds", "unspecified", "none_reported"))
    assert all(COUNT_QUALIFIERS[q]["needs_value"] for q in ("exact", "at_least", "more_than"))


# -- cross-check errors ----------------------------------------------------------------------
def test_unknown_label_in_role(raw):
    msg = problems_of(mutated(raw, lambda d: d["roles"][0]["labels"].append("GHOST")))
    assert "role 'actor1': unknown span label 'GHOST'" in msg


def test_unknown_trigger_label(raw):
    msg = problems_of(mutated(raw, lambda d: d["trigger"].update(labels=["GHOST"])))
    assert "trigger: unknown span label 'GHOST'" in msg


def test_duplicate_label_role_type_and_key(raw):
    def change(d):
        d["span_labels"].append(dict(d["span_labels"][1], key="z"))
        d["span_labels"].append(dict(d["span_labels"][2], id="PERSON2"))
        d["roles"].append(copy.deepcopy(d["roles"][0]))
        d["event_types"].append(copy.deepcopy(d["event_types"][0]))
        d["document_fields"].append(copy.deepcopy(d["document_fields"][0]))

    msg = problems_of(mutated(raw, change))
    assert "duplicate span label 'ACTOR'" in msg
    assert "duplicate label key 'p'" in msg
    assert "duplicate role 'actor1'" in msg
    assert "duplicate event type 'battles'" in msg
    assert "duplicate document field 'relevance'" in msg


def test_duplicate_subtype_field_and_option(raw):
    def change(d):
        et = d["event_types"][0]
        et["subtypes"].append(copy.deepcopy(et["subtypes"][0]))
        et["fields"] = [copy.deepcopy(d["event_fields"][0])]  # clashes with a common field
        actor1_type = event_field(d, "actor1_type")
        actor1_type["options"].append(copy.deepcopy(actor1_type["options"][0]))

    msg = problems_of(mutated(raw, change))
    assert "duplicate sub-type of 'battles' 'government_regains_territory'" in msg
    assert "duplicate field of event type 'battles' 'event_date'" in msg
    assert "duplicate option of field 'actor1_type' 'state_forces'" in msg


def test_unknown_role_and_required_role_outside_the_type(raw):
    def change(d):
        d["event_types"][0]["roles"].append("ghost_role")
        d["event_types"][1]["roles"].remove("actor2")  # protests sub-types require actor2

    msg = problems_of(mutated(raw, change))
    assert "event type 'battles': unknown role 'ghost_role'" in msg
    assert ("event type 'protests', sub-type 'protest_with_intervention': required role "
            "'actor2' is not one of its roles") in msg


def test_required_field_not_defined(raw):
    def change(d):
        d["event_types"][0]["required_fields"].append("ghost_field")
        d["event_types"][0]["subtypes"][0]["required_fields"] = ["crowd_size"]

    msg = problems_of(mutated(raw, change))
    assert "event type 'battles': required field 'ghost_field' is not defined" in msg
    assert ("event type 'battles', sub-type 'government_regains_territory': required field "
            "'crowd_size' is not defined") in msg


def event_field(d, field_id):
    return next(f for f in d["event_fields"] if f["id"] == field_id)


@pytest.mark.parametrize("fid, default, expect", [
    ("event_date", {"value": "2023-02-30", "precision": "day"}, "is not a real date"),
    ("fatalities", {"value": None, "qualifier": "exact"}, "needs a number"),
    ("actor1_type", "martians", "unknown choice 'martians'"),
    ("civilian_targeting", "yes", "expected true or false"),
    ("attribution", 5, "expected text"),
])
def test_bad_default(raw, fid, default, expect):
    data = mutated(raw, lambda d: event_field(d, fid).update(default=default))
    msg = problems_of(data)
    line = next(ln for ln in msg.splitlines() if f"field {fid!r}: default {default!r}: " in ln)
    assert expect in line


def test_enum_without_options_and_bad_colour(raw):
    # Both pass the schema only when options is an empty list / colour is checked by pattern:
    # the cross-check repeats the colour test for codebooks built without the schema.
    data = mutated(raw, lambda d: d["document_fields"][0].update(options=[]))
    assert "field 'relevance': an enumeration needs options" in problems_of(data)
    cb = Codebook.from_dict(raw)
    from dataclasses import replace

    bad = replace(cb, span_labels=(replace(cb.span_labels[0], color="red"),))
    assert any("colour 'red' is not #rrggbb" in p for p in bad.cross_check())


def test_every_problem_is_listed_at_once(raw):
    def change(d):
        d["roles"][0]["labels"].append("GHOST")
        d["event_types"][0]["roles"].append("ghost_role")

    msg = problems_of(mutated(raw, change))
    assert msg.count("\n  - ") == 2


# -- files -----------------------------------------------------------------------------------
def test_load_codebook_refuses_schema_violations(tmp_path: Path, raw):
    path = tmp_path / "cb.json"
    data = mutated(raw, lambda d: (d.pop("span_labels"), d.update(extra=1)))
    path.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(AnnotatorError) as info:
        load_codebook(path)
    msg = str(info.value)
    assert str(path) in msg and "not a valid codebook" in msg
    assert "span_labels" in msg and "extra" in msg


@pytest.mark.parametrize("content", [b"", b"{", b"[]", b"\xff\xfe{\x00}\x00", b"null"])
def test_load_codebook_refuses_unreadable_files(tmp_path: Path, content: bytes):
    path = tmp_path / "cb.json"
    path.write_bytes(content)
    with pytest.raises(AnnotatorError) as info:
        load_codebook(path)
    assert str(path) in str(info.value)


def test_load_codebook_missing_file(tmp_path: Path):
    with pytest.raises(AnnotatorError):
        load_codebook(tmp_path / "nope.json")


@pytest.mark.parametrize("hostile", [
    {"id": ["x"], "version": "1", "name": "n", "span_labels": []},
    {"id": "x", "version": 1, "name": "n", "span_labels": []},
    {"id": "x", "version": "1", "name": "n", "span_labels": [{"id": "A", "name": "a",
                                                             "color": "#zzzzzz"}]},
    {"id": "x", "version": "1", "name": "n", "span_labels": [], "roles": [{"id": "r"}]},
])
def test_schema_catches_wrong_types_before_cross_checks(hostile):
    assert codebook_issues(hostile)


def test_minimal_codebook_loads():
    cb = Codebook.from_dict({"id": "mini", "version": "1", "name": "Mini",
                             "span_labels": [{"id": "X", "name": "x", "color": "#000000"}]})
    assert cb.roles == () and cb.event_types == () and not cb.trigger_required
    assert cb.fields_for("anything") == ()
