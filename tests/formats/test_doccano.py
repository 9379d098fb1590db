"""doccano JSONL: doccano's own example files, and UTF-16 offsets proven with emoji."""

from __future__ import annotations

import json

import pytest
from test_fixtures_formats import all_sets, build

from annotator.formats.doccano import read_doccano
from annotator.formats.export import export_project
from annotator.formats.importing import import_annotations
from annotator.storage.project import Project

LABELS = ["ORG=ACTOR", "PERSON=PERSON", "MISC=ACTOR", "DATE=TIME"]


@pytest.fixture
def doccano(shared_data):  # type: ignore[no-untyped-def]
    """doccano's example files, read in the shared folder (its README asks that the tools'
    files not be copied into the project)."""
    return shared_data("formats/doccano/LICENSE").parent


@pytest.mark.parametrize(("name", "expected"), [
    ("export-sequence_labeling.jsonl", [[("EU", "ORG"), ("German", "MISC")],
                                        [("Peter Blackburn", "PERSON")], [("Obama", "PERSON")]]),
    ("import-sequence_labeling.jsonl", [[("EU", "ORG")], [("Peter Blackburn", "PERSON")],
                                        [("Obama", "PERSON")]]),
    ("import-relation_extraction.jsonl", [[("Google", "ORG"), ("September 4, 1998", "DATE"),
                                           ("Larry Page", "PERSON"), ("Sergey Brin", "PERSON")]]),
    ("export-relation_extraction.json", [[("Google", "ORG"), ("September 4, 1998", "DATE"),
                                          ("Larry Page", "PERSON"), ("Sergey Brin", "PERSON")]]),
])
def test_reads_doccanos_example_files(name, expected, doccano):
    docs = list(read_doccano([doccano / name], {}))
    got = [[(d.text[s.start:s.end], s.label) for s in d.spans] for d in docs]
    assert got == expected
    if "relation" in name:  # foundedBy etc. are not events: each one is reported
        assert sum("not imported" in p for p in docs[0].problems) == 3


def test_doccano_files_import_with_a_label_map(tmp_path, doccano):
    project = Project.init(tmp_path / "p")
    report = import_annotations(project, "doccano", [doccano / "export-sequence_labeling.jsonl"],
                                coder="dc", label_map=LABELS)
    assert report.written and report.annotation_sets == 3
    assert project.document_ids() == ["export-sequence_labeling-0001",
                                      "export-sequence_labeling-0002",
                                      "export-sequence_labeling-0003"]
    # The same texts from the other file: documents are reused, not duplicated.
    report = import_annotations(project, "doccano", [doccano / "import-sequence_labeling.jsonl"],
                                coder="dc2", label_map=LABELS)
    assert report.written and report.documents_added == 0 and report.documents_reused == 3


def test_utf16_offsets_with_emoji_are_converted_and_bad_ones_reported(tmp_path):
    path = tmp_path / "d.jsonl"
    text = "😀😀 داعش 👨‍👩‍👧 الجلاء"
    # In UTF-16 "داعش" starts at 5 (two emoji count 2 each, plus a space).
    records = [{"text": text, "label": [[5, 9, "ACTOR"], [1, 3, "ACTOR"]]}]
    path.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in records),
                    encoding="utf-8")
    [doc] = read_doccano([path], {})
    assert [(doc.text[s.start:s.end]) for s in doc.spans] == ["داعش"]
    assert "surrogate pair" in doc.problems[0]  # 1 is inside the first emoji
    [doc] = read_doccano([path], {"offset_unit": "codepoint"})
    assert doc.text[doc.spans[0].start:doc.spans[0].end] == "عش 👨"


def test_export_offsets_are_utf16_and_events_become_typed_relations(tmp_path):
    project = build("arabic", tmp_path / "p")
    export_project(project, "doccano-rel", tmp_path / "out", coder="amira", workers=1)
    lines = (tmp_path / "out" / "doccano.jsonl").read_text(encoding="utf-8").splitlines()
    rec = {json.loads(x)["doc_id"]: json.loads(x) for x in lines}["emoji"]
    text = rec["text"]
    ents = {e["id"]: e for e in rec["entities"]}
    for e in ents.values():
        start_cp = len(text.encode("utf-16-le")[:2 * e["start_offset"]].decode("utf-16-le"))
        assert start_cp <= e["start_offset"]
    loc = next(e for e in ents.values() if e["label"] == "LOCATION")
    units = text.encode("utf-16-le")
    assert units[2 * loc["start_offset"]:2 * loc["end_offset"]].decode("utf-16-le") == \
        "🇸🇾 الجلاء"
    types = {r["type"] for r in rec["relations"]}
    assert "battles:actor1" in types and "violence_against_civilians:actor2" in types
    assert {"coder", "doc_id", "status"} <= set(rec)


def test_doccano_export_reimports_under_the_coder_named_in_the_file(tmp_path):
    project = build("arabic", tmp_path / "p")
    export_project(project, "doccano", tmp_path / "out", workers=1)
    target = Project.init(tmp_path / "q", policy=project.text_policy)
    report = import_annotations(target, "doccano", [tmp_path / "out" / "doccano.jsonl"])
    assert report.written and sorted(all_sets(target)) == sorted(all_sets(project))


def test_doccano_rel_keeps_an_event_with_a_trigger_and_no_arguments(tmp_path):
    from test_labelstudio import trigger_only_project

    project = trigger_only_project(tmp_path / "p")
    report = export_project(project, "doccano-rel", tmp_path / "out", workers=1)
    assert report.written and report.not_expressed == []
    [record] = [json.loads(x) for x in
                (tmp_path / "out" / "doccano.jsonl").read_text(encoding="utf-8").splitlines()]
    assert record["entities"] == [
        {"id": 1, "start_offset": 4, "end_offset": 8, "label": "TRIGGER"},
        {"id": 2, "start_offset": 4, "end_offset": 8, "label": "battles"}]
    assert record["relations"] == []
    target = Project.init(tmp_path / "q")
    back = import_annotations(target, "doccano-rel", [tmp_path / "out" / "doccano.jsonl"])
    assert back.written, back.problems
    aset, _ = target.load_annotations("amira", target.load_document("d1"))
    assert [(s.label, s.text) for s in aset.spans] == [("TRIGGER", "هجوم")]
    assert [(e.type, e.trigger, e.roles) for e in aset.events] == [("battles", "s1", {})]
