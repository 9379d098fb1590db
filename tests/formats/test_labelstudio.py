"""Label Studio JSON, following its documented task format: regions of type "labels" with
code-point offsets, relations between region ids, annotations vs predictions."""

from __future__ import annotations

import json

from test_fixtures_formats import build

from annotator.core.text import TextPolicy
from annotator.formats.export import export_project
from annotator.formats.importing import import_annotations
from annotator.formats.labelstudio import labeling_config, read_labelstudio
from annotator.storage.project import Project

TEXT = "😀 هجوم على حاجز\r\nقرب الجلاء"


def task(results, kind="annotations", **extra):
    return {"id": 7, "data": {"text": TEXT, "source": "x"},
            kind: [{"id": 1, "result": results, "was_cancelled": False, **extra}]}


def region(rid, start, end, label, text=None):
    value = {"start": start, "end": end, "labels": [label]}
    if text is not None:
        value["text"] = text
    return {"id": rid, "from_name": "label", "to_name": "text", "type": "labels",
            "value": value}


def write(tmp_path, tasks):
    path = tmp_path / "ls.json"
    path.write_text(json.dumps(tasks, ensure_ascii=False), encoding="utf-8")
    return path


def test_reads_a_task_as_label_studio_documents_it(tmp_path):
    s = TEXT.index("الجلاء")
    results = [region("a", 2, 6, "TRIGGER", "هجوم"), region("b", s, s + 6, "LOCATION"),
               {"type": "relation", "from_id": "a", "to_id": "b", "direction": "right",
                "labels": ["battles:location"]},
               {"type": "relation", "from_id": "a", "to_id": "b", "labels": ["near"]},
               {"id": "c", "from_name": "sentiment", "to_name": "text", "type": "choices",
                "value": {"choices": ["Positive"]}}]
    [doc] = read_labelstudio([write(tmp_path, [task(results)])], {})
    assert doc.id == "7" and doc.meta == {"source": "x", "labelstudio_task_id": 7}
    assert [(doc.text[s.start:s.end], s.label) for s in doc.spans] == [
        ("هجوم", "TRIGGER"), ("الجلاء", "LOCATION")]
    assert [(e.type, e.trigger, e.roles) for e in doc.events] == [
        ("battles", "a", {"location": ["b"]})]
    assert len(doc.problems) == 2  # the "near" relation and the choices result


def test_predictions_cancelled_and_extra_annotations(tmp_path):
    t = task([region("a", 2, 6, "TRIGGER")], kind="predictions")
    t["annotations"] = [{"result": [region("z", 0, 1, "ACTOR")], "was_cancelled": True},
                        {"result": [region("y", 2, 6, "ACTOR")]},
                        {"result": [region("x", 2, 6, "WEAPON")]}]
    path = write(tmp_path, [t])
    [doc] = read_labelstudio([path], {})
    assert [s.label for s in doc.spans] == ["ACTOR"]  # the first one not cancelled
    assert "1 more annotations not imported" in doc.problems[0]
    [doc] = read_labelstudio([path], {"source": "predictions"})
    assert [s.label for s in doc.spans] == ["TRIGGER"]


def test_region_text_mismatch_is_reported_and_utf16_exports_are_read(tmp_path):
    project = Project.init(tmp_path / "p")
    path = write(tmp_path, [task([region("a", 3, 7, "TRIGGER", "هجوم")])])
    report = import_annotations(project, "labelstudio", [path], coder="c")
    assert not report.written
    assert "never shifted" in report.problems[0]
    # Exports from before 2022 counted UTF-16 units: the emoji was two.
    [doc] = read_labelstudio([path], {"offset_unit": "utf16"})
    assert doc.text[doc.spans[0].start:doc.spans[0].end] == "هجوم"


def test_export_is_one_task_per_document_with_an_annotation_per_coder(tmp_path):
    project = build("arabic", tmp_path / "p")
    export_project(project, "labelstudio", tmp_path / "out", workers=1)
    tasks = json.loads((tmp_path / "out" / "labelstudio.json").read_text(encoding="utf-8"))
    assert [t["data"]["doc_id"] for t in tasks] == ["crlf", "emoji", "tashkeel"]
    emoji = tasks[1]
    assert [a["coder"] for a in emoji["annotations"]] == ["amira", "omar"]
    r = emoji["annotations"][0]["result"]
    loc = next(x for x in r if x["type"] == "labels" and x["value"]["labels"] == ["LOCATION"])
    text = emoji["data"]["text"]
    assert text[loc["value"]["start"]:loc["value"]["end"]] == loc["value"]["text"] == \
        "🇸🇾 الجلاء"
    rel = [x for x in r if x["type"] == "relation"]
    assert {x["labels"][0] for x in rel} >= {"battles:actor1", "battles:location"}
    config = (tmp_path / "out" / "labelstudio-config.xml").read_text(encoding="utf-8")
    assert config == labeling_config(project.codebook)
    assert '<Label value="TRIGGER"' in config and 'value="battles:actor1"' in config


def trigger_only_project(root):
    """One document with an event that has a trigger and no arguments (yet)."""
    from annotator.core.model import Document, Event, Span

    project = Project.init(root)
    text = "وقع هجوم على حاجز قرب الجلاء"
    doc = Document("d1", text)
    project.add_documents([doc])
    aset = project.new_annotation_set("amira", doc)
    s = text.index("هجوم")
    aset.spans = [Span("s1", s, s + 4, "TRIGGER", "هجوم")]
    aset.events = [Event("e1", "battles", None, "s1", {}, {})]
    issues = project.save_annotations(aset, doc)
    assert not [i for i in issues if i.severity == "error"], issues
    return project


def test_an_event_with_a_trigger_and_no_arguments_is_kept(tmp_path):
    project = trigger_only_project(tmp_path / "p")
    report = export_project(project, "labelstudio", tmp_path / "out", workers=1)
    assert report.written and report.not_expressed == []
    card = (tmp_path / "out" / "dataset-card.md").read_text(encoding="utf-8")
    [t] = json.loads((tmp_path / "out" / "labelstudio.json").read_text(encoding="utf-8"))
    results = t["annotations"][0]["result"]
    assert {"id": "e1", "from_name": "event", "to_name": "text", "type": "labels",
            "origin": "manual", "value": {"start": 4, "end": 8, "text": "هجوم",
                                          "labels": ["battles"]}} in results
    config = (tmp_path / "out" / "labelstudio-config.xml").read_text(encoding="utf-8")
    assert '<Labels name="event" toName="text">' in config and 'value="battles"' in config
    target = Project.init(tmp_path / "q")
    back = import_annotations(target, "labelstudio", [tmp_path / "out" / "labelstudio.json"],
                              coder="amira")
    assert back.written, back.problems
    aset, _ = target.load_annotations("amira", target.load_document("d1"))
    assert [(s.label, s.text) for s in aset.spans] == [("TRIGGER", "هجوم")]
    assert [(e.type, e.trigger, e.roles) for e in aset.events] == [("battles", "s1", {})]
    assert "Nothing was lost." in card


def test_region_text_with_label_studios_escaped_line_breaks_is_accepted(tmp_path):
    # Label Studio stores a region's text with a literal backslash-n for each CR or LF, while
    # its offsets count the CR and LF themselves.
    s, e = TEXT.index("حاجز"), TEXT.index("قرب") + 3
    assert TEXT[s:e] == "حاجز\r\nقرب"
    project = Project.init(tmp_path / "p", policy=TextPolicy(newlines="keep"))
    path = write(tmp_path, [task([region("a", s, e, "LOCATION", "حاجز\\n\\nقرب")])])
    report = import_annotations(project, "labelstudio", [path], coder="c")
    assert report.written, report.problems
    aset, _ = project.load_annotations("c", project.load_document("7"))
    assert [(sp.text, sp.label) for sp in aset.spans] == [("حاجز\r\nقرب", "LOCATION")]
    # Any other difference is still refused, never shifted.
    path = write(tmp_path, [task([region("a", s, e, "LOCATION", "حاجز\\nقرب")])])
    report = import_annotations(Project.init(tmp_path / "q"), "labelstudio", [path], coder="c")
    assert not report.written and "never shifted" in report.problems[0]


def test_lead_time_is_the_time_spent(tmp_path):
    project = Project.init(tmp_path / "p")
    path = write(tmp_path, [task([region("a", 2, 6, "TRIGGER", "هجوم")], lead_time=93.5)])
    assert import_annotations(project, "labelstudio", [path], coder="c").written
    aset, _ = project.load_annotations("c", project.load_document("7"))
    assert aset.time_spent_seconds == 93.5


def test_label_studios_json_min_export_is_read(tmp_path):
    s = TEXT.index("الجلاء")
    records = [{"id": 7, "text": TEXT, "source": "x",
                "label": [{"start": 2, "end": 6, "text": "هجوم", "labels": ["TRIGGER"]},
                          {"start": s, "end": s + 6, "text": "الجلاء", "labels": ["LOCATION"]}],
                "event": [{"start": 2, "end": 6, "text": "هجوم", "labels": ["battles"]}],
                "annotator": 1, "annotation_id": 3, "created_at": "2026-01-01T10:00:00Z",
                "updated_at": "2026-01-01T10:05:00Z", "lead_time": 300.5}]
    project = Project.init(tmp_path / "p")
    report = import_annotations(project, "labelstudio", [write(tmp_path, records)], coder="c")
    assert report.written, report.problems
    aset, _ = project.load_annotations("c", project.load_document("7"))
    assert [(sp.text, sp.label) for sp in aset.spans] == [("هجوم", "TRIGGER"),
                                                          ("الجلاء", "LOCATION")]
    assert [(e.type, e.trigger) for e in aset.events] == [("battles", aset.spans[0].id)]
    assert aset.time_spent_seconds == 300.5
    assert project.load_document("7").meta == {"source": "x", "labelstudio_task_id": 7}


def test_json_that_is_no_label_studio_export_names_the_exports_to_use(tmp_path):
    [doc] = read_labelstudio([write(tmp_path, [{"title": "x", "body": 3}])], {})
    assert "not a Label Studio task" in doc.problems[0] and "JSON_MIN" in doc.problems[0]


def test_a_doccano_record_is_not_taken_for_json_min(tmp_path):
    path = write(tmp_path, [{"id": 1, "text": TEXT, "label": [[2, 6, "TRIGGER"]]}])
    [doc] = read_labelstudio([path], {})
    assert "not a Label Studio task" in doc.problems[0]
