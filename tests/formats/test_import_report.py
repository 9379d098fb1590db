"""What an import says it did: counts that add up, records and items told apart."""

from __future__ import annotations

import json
from pathlib import Path

from annotator.formats.importing import import_annotations
from annotator.storage.project import Project


def test_the_summary_tells_records_left_out_from_items_left_out(tmp_path: Path) -> None:
    project = Project.init(tmp_path / "p")
    records = [
        {"text": "الجيش في دير الزور", "label": [[0, 5, "ACTOR"], [9, 18, "GPE"]]},
        {"text": "قوات النظام", "label": [[0, 4, "ACTOR"]]},
        {"text": "", "label": []},
        {"text": "بلدة الجلاء", "label": [[5, 11, "LOCATION"]]},
        {"label": []},
    ]
    path = tmp_path / "d.jsonl"
    path.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in records) + "\n",
                    encoding="utf-8")
    report = import_annotations(project, "doccano", [path], coder="c", skip_invalid=True)
    assert (report.sources, report.annotation_sets, report.left_out) == (5, 3, 2)
    assert report.problem_count == 3  # two whole records, one span (GPE)
    assert report.summary(hint=False) == (
        "Imported 3 annotation set(s) (3 spans, 0 events) of 3 document(s), 3 new. "
        "Left out 2 of the 5 records read, and 1 item with a problem from the records "
        "imported.")


def test_only_whole_records_left_out(tmp_path: Path) -> None:
    project = Project.init(tmp_path / "p")
    path = tmp_path / "d.jsonl"
    path.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in (
        {"text": "قوات النظام", "label": [[0, 4, "ACTOR"]]}, {"text": "", "label": []})) + "\n",
        encoding="utf-8")
    report = import_annotations(project, "doccano", [path], coder="c", skip_invalid=True)
    assert report.summary(hint=False) == (
        "Imported 1 annotation set(s) (1 spans, 0 events) of 1 document(s), 1 new. "
        "Left out 1 of the 2 records read.")
