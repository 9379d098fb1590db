"""Progress per coder and per document, from assignments or from what is on disk, with its
cache keyed on each file's size and time (a changed file is always read again)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from gold_support import coded, project_with

from annotator.core.edits import SetStatus
from annotator.core.model import Document
from annotator.storage.assignments import Assignments, save_assignments
from annotator.storage.gold import adjudicate_project
from annotator.storage.progress import (
    CACHE_NAME,
    describe_seconds,
    project_progress,
    read_sets,
)
from annotator.storage.project import Project


@pytest.fixture
def project(tmp_path: Path) -> Project:
    a = coded("a")
    a.aset.time_spent_seconds = 600.0
    b = coded("b", attack_fatalities=3)
    b.do(SetStatus("in_progress"))
    b.aset.time_spent_seconds = 90.5
    p = project_with(tmp_path / "p", a, b)
    p.add_documents([Document("other", "نص آخر"), Document("third", "نص ثالث")])
    return p


def test_without_assignments_it_reports_what_is_on_disk(project: Project):
    progress = project_progress(project)
    assert progress.assignments is None and progress.problems == []
    assert progress.coders["a"].to_dict() == {
        "assigned": 1, "not_started": 0, "in_progress": 0, "done": 1, "skipped": 0,
        "unreadable": 0, "time_spent_seconds": 600.0, "unassigned_sets": 0}
    assert progress.coders["b"].statuses["in_progress"] == 1
    doc = progress.documents["doc"]
    assert doc.coders == ["a", "b"] and doc.finished == ["a"] and not doc.ready
    assert set(progress.documents) == {"doc"}


def test_with_assignments_every_assigned_document_counts(project: Project):
    save_assignments(project, Assignments(
        coders=["a", "b", "c"], documents={"doc": ["a", "b"], "other": ["a"], "third": ["c"]}))
    progress = project_progress(project)
    a = progress.coders["a"]
    assert (a.assigned, a.statuses["done"], a.statuses["not_started"]) == (2, 1, 1)
    assert progress.coders["c"].assigned == 1 and progress.coders["c"].seconds == 0
    assert [d for d, p in progress.documents.items() if len(p.coders) > 1] == ["doc"]


def test_a_document_is_ready_once_all_its_coders_finished_and_gold_is_reported(project):
    doc = project.load_document("doc")
    b, _ = project.load_annotations("b", doc)
    b.status = "skipped"
    project.save_annotations(b, doc)
    assert project_progress(project).documents["doc"].ready
    adjudicate_project(project)
    gold = project_progress(project).documents["doc"].gold
    assert gold is not None and gold.status == "in_progress" and gold.open_items >= 1
    assert "gold" not in project_progress(project).coders


def test_hostile_files_are_problems_naming_them(project: Project):
    save_assignments(project, Assignments(coders=["a", "b"],
                                          documents={"doc": ["a", "b"], "gone": ["a"]}))
    adjudicate_project(project, coders=["a", "b"])  # b not finished: nothing written
    orphan = project.annotation_path("gold", "deleted")
    orphan.parent.mkdir(exist_ok=True)
    orphan.write_text("{}", encoding="utf-8")
    broken = project.annotation_path("a", "other")
    broken.write_text("{not json", encoding="utf-8")
    save_assignments(project, Assignments(
        coders=["a", "b"], documents={"doc": ["a", "b"], "gone": ["a"], "other": ["a"]}))
    problems = project_progress(project).problems
    assert f"{orphan}: a gold set of document 'deleted', which is not in the project " \
           "(deleted?); left as it is" in problems
    assert f"{project.root / 'assignments.json'}: assigns document 'gone', which is not in " \
           "the project (deleted?)" in problems
    assert any(p.startswith(f"{broken}: cannot be read") for p in problems)
    assert broken.read_text(encoding="utf-8") == "{not json"


def test_the_cache_is_used_for_unchanged_files_and_never_for_changed_ones(project, monkeypatch):
    first = read_sets(project)
    assert (project.state_dir / CACHE_NAME).is_file()
    from annotator.storage import progress as module

    reads: list[str] = []
    real = module._read_set
    monkeypatch.setattr(module, "_read_set", lambda path: reads.append(path) or real(path))
    assert read_sets(project) == first and reads == []
    path = project.annotation_path("b", "doc")
    data = json.loads(path.read_text(encoding="utf-8"))
    data["status"], data["time_spent_seconds"] = "done", 100
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    again = read_sets(project)
    assert reads == [str(path)] and again["b"]["doc"].status == "done"
    assert again["b"]["doc"].seconds == 100.0
    (project.state_dir / CACHE_NAME).write_text("[damaged", encoding="utf-8")
    assert read_sets(project) == again


def test_time_reads_as_a_lead_reads_it():
    assert [describe_seconds(s) for s in (0, 40.4, 312, 3720)] == ["0s", "40s", "5m 12s",
                                                                   "1h 02m"]
