"""Gold sets of a project: written for documents whose coders have finished, never over a gold
set a person edited (without --overwrite) nor one open in a window, and hostile input (a gold
set of a deleted document, a gold folder made by hand, broken files) named, nothing written."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from gold_support import coded, project_with

from annotator.core.adjudication import open_items
from annotator.core.decisions import decision_edit
from annotator.core.edits import SetStatus
from annotator.core.session import AnnotationSession, History
from annotator.errors import AnnotatorError
from annotator.storage.assignments import Assignments, save_assignments
from annotator.storage.gold import (
    KEPT,
    LEFT_OUT,
    LOCKED,
    UNCHANGED,
    UPDATED,
    WRITTEN,
    adjudicate_project,
)
from annotator.storage.lock import FileLock
from annotator.storage.project import Project
from annotator.storage.validate import validate_project


@pytest.fixture
def project(tmp_path: Path) -> Project:
    return project_with(tmp_path / "p", coded("a"),
                        coded("b", attack_fatalities=3, relevance="not_relevant"))


def gold_path(project: Project) -> Path:
    return project.annotation_path("gold", "doc")


def actions(report) -> list[str]:  # type: ignore[no-untyped-def]
    return [o.action for o in report.outcomes]


def test_a_ready_document_gets_a_valid_gold_set_and_running_again_changes_nothing(project):
    report = adjudicate_project(project)
    assert actions(report) == [WRITTEN] and report.problems == []
    assert report.outcomes[0].open_items == 2 and report.outcomes[0].coders == ["a", "b"]
    data = json.loads(gold_path(project).read_text(encoding="utf-8"))
    assert data["coder"] == "gold" and data["adjudication"]["coders"] == ["a", "b"]
    assert set(data["adjudication"]["sources"]) == {"a", "b"}
    assert validate_project(project, use_cache=False).errors == 0
    before = gold_path(project).stat()
    report = adjudicate_project(project)
    assert actions(report) == [UNCHANGED] and report.outcomes[0].open_items == 2
    after = gold_path(project).stat()
    assert (after.st_mtime_ns, after.st_ino) == (before.st_mtime_ns, before.st_ino)


def test_a_gold_set_nobody_touched_follows_a_coder_who_changed_theirs(project):
    adjudicate_project(project)
    doc = project.load_document("doc")
    project.save_annotations(coded("b", relevance="not_relevant").aset, doc)  # now 2 deaths
    report = adjudicate_project(project)
    assert actions(report) == [UPDATED] and report.outcomes[0].open_items == 1


def test_documents_wait_for_every_coder_to_finish(tmp_path: Path):
    b = coded("b")
    b.do(SetStatus("in_progress"))
    project = project_with(tmp_path / "p", coded("a"), b)
    report = adjudicate_project(project)
    assert report.outcomes == [] and report.waiting == {"doc": ["b"]}
    assert not gold_path(project).exists()


def decide_first_item_and_save(project: Project) -> bytes:
    doc = project.load_document("doc")
    gold, _ = project.load_annotations("gold", doc)
    session = AnnotationSession(doc, project.codebook, gold)
    History(session).push(decision_edit(session, open_items(gold)[0]["id"], ["a"]))
    project.save_annotations(gold, doc)
    return gold_path(project).read_bytes()


def test_a_gold_set_a_person_edited_is_kept_unless_overwrite(project):
    adjudicate_project(project)
    decided = decide_first_item_and_save(project)
    report = adjudicate_project(project)
    assert actions(report) == [KEPT] and "edited by a person" in report.outcomes[0].message
    assert gold_path(project).read_bytes() == decided
    report = adjudicate_project(project, overwrite=True)
    assert actions(report) == [UPDATED]
    assert len(open_items(project.load_annotations("gold", project.load_document("doc"))[0])
               ) == 2
    assert gold_path(project).with_name("doc.json.bak").read_bytes() == decided


def test_a_gold_set_open_in_a_window_is_never_written(project):
    adjudicate_project(project)
    decided = decide_first_item_and_save(project)
    with FileLock(gold_path(project), coder="gold"):
        report = adjudicate_project(project, overwrite=True)
    assert actions(report) == [LOCKED] and "being edited by" in report.outcomes[0].message
    assert gold_path(project).read_bytes() == decided


def test_a_gold_folder_made_by_hand_is_kept(project):
    """Files copied into annotations/gold/ without provenance: gold sets edited by a person."""
    copied = gold_path(project)
    copied.parent.mkdir()
    shutil.copyfile(project.annotation_path("a", "doc"), copied)
    original = copied.read_bytes()
    report = adjudicate_project(project)
    assert actions(report) == [KEPT]
    assert "made by hand (no adjudication record)" in report.outcomes[0].message
    assert copied.read_bytes() == original
    assert actions(adjudicate_project(project, overwrite=True)) == [UPDATED]


def test_a_gold_set_of_a_deleted_document_is_named_and_left_alone(project):
    adjudicate_project(project)
    orphan = project.annotation_path("gold", "gone")
    shutil.copyfile(gold_path(project), orphan)
    before = orphan.read_bytes()
    report = adjudicate_project(project, overwrite=True)
    assert report.problems == [f"{orphan}: a gold set of document 'gone', which is not in the "
                               "project (deleted?); left as it is"]
    assert orphan.read_bytes() == before


def test_a_coder_set_with_errors_stops_its_document(project):
    path = project.annotation_path("b", "doc")
    data = json.loads(path.read_text(encoding="utf-8"))
    data["spans"][0]["end"] = 10_000
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    report = adjudicate_project(project)
    assert actions(report) == [LEFT_OUT]
    assert len(report.problems) == 1 and report.problems[0].startswith(f"{path}: not adjudicated")
    assert not gold_path(project).exists()


def test_a_damaged_gold_file_is_replaced_only_with_overwrite(project):
    gold_path(project).parent.mkdir()
    gold_path(project).write_text("{broken", encoding="utf-8")
    report = adjudicate_project(project)
    assert actions(report) == [LEFT_OUT]
    assert str(gold_path(project)) in report.problems[0] and "--overwrite" in report.problems[0]
    assert gold_path(project).read_text(encoding="utf-8") == "{broken"
    assert actions(adjudicate_project(project, overwrite=True)) == [UPDATED]
    assert gold_path(project).with_name("doc.json.bak").read_text(encoding="utf-8") == "{broken"


def test_assignments_say_whose_sets_are_compared(project):
    project.save_annotations(coded("c", relevance="unsure").aset, project.load_document("doc"))
    save_assignments(project, Assignments(coders=["a", "b", "c"], documents={"doc": ["a", "b"]}))
    report = adjudicate_project(project)
    assert report.outcomes[0].coders == ["a", "b"]
    report = adjudicate_project(project, coders=["a", "c"])
    assert report.outcomes == []  # c is not one of the document's coders


def test_unknown_coders_and_documents_are_refused(project):
    with pytest.raises(AnnotatorError, match="no annotations by 'zed'"):
        adjudicate_project(project, coders=["a", "zed"])
    with pytest.raises(AnnotatorError, match="not a coder to compare"):
        adjudicate_project(project, coders=["a", "gold"])
    with pytest.raises(AnnotatorError, match="no document 'nope'"):
        adjudicate_project(project, documents=["doc", "nope"])
    assert not gold_path(project).exists()


def test_without_assignments_chosen_coders_pick_the_documents(project):
    report = adjudicate_project(project, coders=["a", "b"], auto="none")
    assert actions(report) == [WRITTEN]
    gold, _ = project.load_annotations("gold", project.load_document("doc"))
    assert gold.spans == [] and gold.adjudication["auto"] == "none"
