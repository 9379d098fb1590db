"""Assignments: balanced, deterministic for a seed, stable when run again (work already given
out or started never moves), and a damaged or inconsistent file is named, never rewritten."""

from __future__ import annotations

import json
from collections import Counter
from itertools import combinations
from pathlib import Path

import pytest

from annotator.core.model import Document
from annotator.errors import AnnotatorError
from annotator.storage.assignments import (
    Assignments,
    add_to,
    check_team,
    load_assignments,
    plan_assignments,
    rebalance,
    remove_from,
    save_assignments,
)
from annotator.storage.project import Project

DOCS = [f"d{n:02d}" for n in range(20)]


def plan(docs=DOCS, team=("a", "b", "c"), **kwargs):  # type: ignore[no-untyped-def]
    settings = {"per_document": 2, "overlap": 0.2, "seed": 7, **kwargs}
    return plan_assignments(list(docs), list(team), **settings)


def test_the_overlap_share_is_double_coded_and_loads_are_even():
    assignments, report = plan()
    assert sorted(assignments.documents) == DOCS == sorted(report.added)
    sizes = Counter(len(c) for c in assignments.documents.values())
    assert sizes == {2: 4, 1: 16}  # 20% of 20 documents coded by two coders
    loads = assignments.loads()
    assert sum(loads.values()) == 24 and max(loads.values()) - min(loads.values()) <= 1
    pairs = Counter(p for c in assignments.documents.values() if len(c) == 2
                    for p in combinations(c, 2))
    assert max(pairs.values()) - min(pairs[p] for p in combinations("abc", 2)) <= 1


def test_the_same_seed_gives_the_same_plan_and_another_seed_another():
    assert plan()[0].documents == plan()[0].documents
    assert plan()[0].documents != plan(seed=8)[0].documents


def test_running_again_keeps_every_assignment_and_gives_new_documents_evenly():
    first, _ = plan()
    more = [*DOCS, *(f"n{n}" for n in range(10))]
    second, report = plan(more, team=("a", "b", "c", "d"), existing=first)
    assert {d: second.documents[d] for d in DOCS} == first.documents
    assert sorted(report.added) == [f"n{n}" for n in range(10)] and report.kept == 20
    assert second.coders == ["a", "b", "c", "d"]
    new_load = Counter(c for d in report.added for c in second.documents[d])
    assert new_load["d"] == max(new_load.values())  # the newcomer catches up first
    assert sum(len(c) > 1 for c in second.documents.values()) == 6  # 20% of 30 overall
    third, report = plan(more, team=("a", "b", "c", "d"), existing=second)
    assert third.documents == second.documents and report.added == {}


def test_a_coder_who_started_a_document_keeps_it():
    started = {("d03", "b"), ("d03", "c"), ("d05", "a"), ("d05", "pre")}
    assignments, report = plan(started=started)
    assert assignments.documents["d03"] == ["b", "c"]
    assert "a" in assignments.documents["d05"]
    assert report.kept_started == {"d03": ["b", "c"], "d05": ["a"]}
    assert report.outside_team == {"pre": 1}


@pytest.mark.parametrize(("kwargs", "message"), [
    ({"per_document": 4}, "choose 1 to 3"),
    ({"overlap": 1.5}, "between 0 and 1"),
])
def test_impossible_settings_are_refused(kwargs, message):
    with pytest.raises(AnnotatorError, match=message):
        plan(**kwargs)


def test_gold_and_bad_names_cannot_be_coders():
    with pytest.raises(AnnotatorError, match="reserved"):
        check_team(["a", "gold"])
    with pytest.raises(AnnotatorError, match="cannot be used"):
        check_team(["../x"])
    assert check_team(["a", " b", "a"]) == ["a", "b"]


def test_manual_additions_and_removals():
    assignments = Assignments(coders=["a"], documents={"d1": ["a"]})
    assert add_to(assignments, ["d1", "d2"], ["b"]) == [
        "b joins the team", "d1: assigned to b (now a, b)", "d2: assigned to b (now b)"]
    lines = remove_from(assignments, ["d2"], ["b"], started={("d2", "b")})
    assert lines == ["d2: no longer assigned to b (b has started it: their annotation file "
                     "stays)", "d2: now assigned to nobody"]
    assert assignments.documents == {"d1": ["a", "b"]}
    with pytest.raises(AnnotatorError, match=r"not assigned, so not removed: d1 \(c\)"):
        remove_from(assignments, ["d1"], ["c"], started=set())
    assert assignments.documents == {"d1": ["a", "b"]}


def test_the_window_asks_for_a_coders_documents_and_whether_they_are_blind():
    assignments = Assignments(coders=["a", "b"], documents={"d1": ["a", "b"], "d2": ["a"]})
    assert assignments.documents_of("a") == ["d1", "d2"] and assignments.documents_of("b") == [
        "d1"]
    assert assignments.is_blind("d1", "a") and not assignments.is_blind("d2", "a")
    assert not assignments.is_blind("d1", "lead")  # not theirs: the lead adjudicating
    assignments.blind = False
    assert not assignments.is_blind("d1", "a")


# -- the file ---------------------------------------------------------------------------------
@pytest.fixture
def project(tmp_path: Path) -> Project:
    p = Project.init(tmp_path / "p")
    p.add_documents([Document(d, "نص") for d in DOCS[:4]])
    return p


def test_saved_assignments_validate_and_load_back(project: Project):
    assignments, _ = plan(DOCS[:4])
    save_assignments(project, assignments)
    assert load_assignments(project) == assignments
    import jsonschema

    from annotator.paths import schema_path

    schema = json.loads(schema_path("assignments.schema.json").read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    data = json.loads((project.root / "assignments.json").read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator(schema).validate(data)
    assert load_assignments(Project.init(project.root.parent / "q")) is None


@pytest.mark.parametrize(("content", "message"), [
    ("{not json", "not valid JSON"),
    ('{"format_version": 1, "coders": ["a"], "documents": {"d00": []}}', "should be non-empty"),
    ('{"format_version": 1, "coders": ["a"], "documents": {"d00": ["zed"]}}',
     "names 'zed', not in its coders"),
    ('{"format_version": 1, "coders": ["a", "gold"], "documents": {}}', "coders"),
    ('{"format_version": 1, "coders": ["../a"], "documents": {"d00": ["../a"]}}',
     "cannot be a coder name"),
])
def test_a_damaged_or_inconsistent_file_is_named_and_left_alone(project: Project, content,
                                                                message):
    path = project.root / "assignments.json"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(AnnotatorError, match=message) as exc:
        load_assignments(project)
    assert str(path) in str(exc.value)
    assert path.read_text(encoding="utf-8") == content


def test_rebalancing_moves_only_work_nobody_started_to_a_coder_who_joined():
    first, _ = plan()
    second, report = plan(team=("a", "b", "c", "d"), existing=first)
    assert report.added == {} and second.loads()["d"] == 0
    started = {(d, c) for d, cs in first.documents.items() for c in cs if d < "d10"}
    moves = rebalance(second, ["a", "b", "c", "d"], started, seed=7)
    loads = second.loads()
    assert max(loads.values()) - min(loads[c] for c in "abcd") <= 1 and loads["d"] == 6
    assert moves and all(to == "d" and (doc, frm) not in started for doc, frm, to in moves)
    assert all(second.documents[d] == first.documents[d] for d in first.documents
               if d < "d10")
    assert rebalance(second, ["a", "b", "c", "d"], started, seed=7) == []
