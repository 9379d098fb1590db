"""The gold parts of the annotation schema: optional (old files stay valid), described, and the
same in the JSONL export's schema, so a gold set exports and imports back as it is."""

from __future__ import annotations

import json

from gold_support import CODEBOOK, coded

from annotator.core.adjudication import prefill
from annotator.core.schemas import annotation_schema
from annotator.core.validation import structural_issues
from annotator.paths import schema_path


def gold_data() -> dict:
    a, b = coded("a"), coded("b", attack_fatalities=3, relevance="not_relevant")
    return prefill(a.document, CODEBOOK, {"a": a.aset, "b": b.aset}).to_dict()


def test_the_export_schema_carries_provenance_and_the_adjudication_record():
    export = json.loads(schema_path("export-jsonl.schema.json").read_text(encoding="utf-8"))
    generic = annotation_schema(None)["properties"]
    for key in ("field_provenance", "adjudication"):
        assert export["properties"][key] == generic[key]
    assert "provenance" in export["properties"]["spans"]["items"]["properties"]
    assert {"provenance", "field_provenance"} <= set(
        export["properties"]["events"]["items"]["properties"])
    assert not {"field_provenance", "adjudication"} & set(annotation_schema(None)["required"])


def test_every_gold_part_is_described():
    adjudication = annotation_schema(None)["properties"]["adjudication"]
    assert adjudication["description"]
    for name, part in adjudication["properties"].items():
        assert part.get("description"), name
    item = adjudication["properties"]["items"]["items"]
    assert all(p.get("description") for k, p in item["properties"].items() if k != "id")


def test_a_gold_set_passes_and_damaged_provenance_is_named():
    data = gold_data()
    assert structural_issues(data) == []
    data["spans"][0]["provenance"]["how"] = "guessed"
    data["adjudication"]["items"][0]["kind"] = "paragraph"
    issues = {i.where for i in structural_issues(data)}
    assert "$.spans[0].provenance.how" in issues
    assert "$.adjudication.items[0].kind" in issues


def test_alternatives_must_have_the_shape_of_their_kind():
    data = gold_data()
    item = next(i for i in data["adjudication"]["items"] if i["kind"] == "event_field")
    item["kind"] = "span"  # a count value where a list of spans belongs
    assert any(i.where.startswith("$.adjudication.items") for i in structural_issues(data))
