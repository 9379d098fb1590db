"""The sample project's second coder and gold set: made by the code in ``sample_gold``,
valid, plausibly different from the demo coder, and a gold set that shows adjudication."""

from __future__ import annotations

import copy
import shutil
from pathlib import Path

import pytest
from sample_coding import DOCUMENT_ID
from sample_gold import DECISIONS, SECOND_CODER, code_second_coder

from annotator.core.adjudication import made_by_prefill, open_items, provenance_counts
from annotator.core.model import AnnotationSet
from annotator.core.session import AnnotationSession
from annotator.paths import resource
from annotator.storage.assignments import load_assignments
from annotator.storage.atomic import read_json
from annotator.storage.gold import KEPT, UPDATED, adjudicate_project
from annotator.storage.project import Project
from annotator.storage.validate import validate_project

SAMPLE_PROJECT = resource("sample-project")


@pytest.fixture(scope="module")
def project() -> Project:
    return Project.open(SAMPLE_PROJECT)


def test_the_second_coder_is_the_code_applied_to_the_demo_coding(project: Project):
    doc = project.load_document(DOCUMENT_ID)
    demo, _ = project.load_annotations("demo", doc)
    stored, issues = project.load_annotations(SECOND_CODER, doc)
    assert issues == [] and stored.status == "done"
    fresh = AnnotationSet.from_dict({**copy.deepcopy(demo.to_dict()), "coder": SECOND_CODER})
    code_second_coder(AnnotationSession(doc, project.codebook, fresh))
    mine, theirs = fresh.to_dict(), stored.to_dict()
    for d in (mine, theirs):
        d.pop("created"), d.pop("modified")
    assert mine == theirs, "out of date: regenerate it (tests/core/sample_gold.py)"
    assert len(stored.events) == len(demo.events) - 1


def test_the_article_is_assigned_to_both_coders_blind(project: Project):
    assignments = load_assignments(project)
    assert assignments is not None
    assert assignments.coders_of(DOCUMENT_ID) == ["demo", SECOND_CODER]
    assert assignments.is_blind(DOCUMENT_ID, "demo")


def test_the_gold_set_shows_adjudication_under_way(project: Project):
    doc = project.load_document(DOCUMENT_ID)
    gold, issues = project.load_annotations("gold", doc)
    assert [i for i in issues if i.severity == "error"] == []
    assert gold.status == "in_progress"
    items = gold.adjudication["items"]
    decided = [i for i in items if "decision" in i]
    assert len(decided) == len(DECISIONS) and len(open_items(gold)) >= 5
    assert {i["kind"] for i in items} == {"span", "event", "event_field", "document_field"}
    counts = provenance_counts(gold)
    assert counts["agreed"] > 50 and counts["chosen"] >= 2
    assert not made_by_prefill(read_json(project.annotation_path("gold", DOCUMENT_ID)))
    assert validate_project(project, use_cache=False).errors == 0


def test_adjudicate_keeps_the_sample_gold_and_makes_the_same_items_again(tmp_path: Path):
    copy_root = tmp_path / "sample"
    shutil.copytree(SAMPLE_PROJECT, copy_root)
    project = Project.open(copy_root)
    path = project.annotation_path("gold", DOCUMENT_ID)
    before = path.read_bytes()
    assert [o.action for o in adjudicate_project(project).outcomes] == [KEPT]
    assert path.read_bytes() == before
    stored = read_json(path)["adjudication"]["items"]
    assert [o.action for o in adjudicate_project(project, overwrite=True).outcomes] == [UPDATED]
    again = read_json(path)["adjudication"]["items"]
    assert again == [{k: v for k, v in i.items() if k != "decision"} for i in stored]
