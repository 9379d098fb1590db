"""Native JSONL against its published schema, and the registry that lists the formats."""

from __future__ import annotations

import json

import jsonschema
from test_fixtures_formats import build

from annotator.core.schemas import annotation_schema
from annotator.formats.export import export_project
from annotator.formats.native_jsonl import annotation_dict_of, jsonl_line
from annotator.formats.registry import FORMATS, export_formats, get_format, import_formats
from annotator.paths import schema_path


def load_schema() -> dict:
    return json.loads(schema_path("export-jsonl.schema.json").read_text(encoding="utf-8"))


def test_the_schema_is_valid_2020_12_and_agrees_with_the_annotation_schema():
    schema = load_schema()
    jsonschema.Draft202012Validator.check_schema(schema)
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    generic = annotation_schema(None)["properties"]
    for key in ("spans", "events", "fields", "codebook", "status", "created", "modified",
                "time_spent_seconds"):
        mine = {k: v for k, v in schema["properties"][key].items() if k != "description"}
        theirs = {k: v for k, v in generic[key].items() if k != "description"}
        assert mine == theirs, key  # the export cannot drift from the annotation files
    assert set(schema["required"]) >= {"id", "text", "meta", "coder", "status", "codebook",
                                       "offset_unit", "spans", "events", "fields"}


def test_every_exported_line_validates_and_maps_back_to_an_annotation_file(tmp_path):
    project = build("arabic", tmp_path / "p")
    export_project(project, "jsonl", tmp_path / "out", workers=1)
    validator = jsonschema.Draft202012Validator(load_schema())
    generic = jsonschema.Draft202012Validator(annotation_schema(None))
    lines = (tmp_path / "out" / "data.jsonl").read_text(encoding="utf-8").split("\n")
    assert lines[-1] == "" and len(lines) == 5
    for line in lines[:-1]:
        record = json.loads(line)
        validator.validate(record)
        generic.validate(annotation_dict_of(record))
        assert jsonl_line(record) == line + "\n"  # canonical: sorted keys, no spaces


def test_line_separators_inside_text_cannot_split_a_record():
    line = jsonl_line({"text": "a\u2028b\u2029c\nd"})
    assert line.count("\n") == 1 and len(line.splitlines()) == 1
    assert json.loads(line)["text"] == "a\u2028b\u2029c\nd"


def test_registry_lists_each_format_once_with_its_unit():
    assert [f.name for f in export_formats()] == list(FORMATS)
    assert {f.name for f in import_formats()} == set(FORMATS) - {"acled-csv"}
    for info in FORMATS.values():
        cls = info.exporter_class()
        assert cls.offset_unit == info.offset_unit
        if info.can_import:
            assert callable(info.reader_function())
    assert get_format("doccano").offset_unit == "utf16"
    assert get_format("labelstudio").offset_unit == "codepoint"
