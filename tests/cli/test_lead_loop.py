"""The lead's loop on the command line: assign, status, adjudicate, export the gold sets; and
hostile input (damaged or inconsistent assignments) named with the file, exit 2, nothing
overwritten."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from gold_support import coded, project_with

from annotator.cli.main import main
from annotator.core.edits import SetStatus
from annotator.core.model import Document
from annotator.storage.project import Project


def run(capsys: pytest.CaptureFixture[str], *argv: object) -> tuple[int, str, str]:
    code = main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def project(tmp_path: Path) -> Project:
    b = coded("b", attack_fatalities=3, relevance="not_relevant")
    p = project_with(tmp_path / "p", coded("a"), b)
    p.add_documents([Document(f"n{n}", "نص خبر قصير") for n in range(9)])
    return p


def test_the_whole_loop(project: Project, capsys, tmp_path: Path):
    code, out, _ = run(capsys, "assign", project.root, "--coders", "a,b,c", "--overlap", "0.2")
    assert code == 0, out
    assert "Assigned 10 new document(s) (2 coded blind by several coders)" in out
    assert "doc: kept by a, b, who already started it" in out
    plan = json.loads((project.root / "assignments.json").read_text(encoding="utf-8"))
    assert plan["documents"]["doc"] == ["a", "b"] and plan["seed"] == 13
    code, out, _ = run(capsys, "assign", project.root)
    assert code == 0 and out.startswith("Nothing changed")

    code, out, _ = run(capsys, "status", project.root)
    assert code == 0
    assert "doc: 2/2 finished; ready to adjudicate" in out
    code, out, _ = run(capsys, "status", project.root, "--json")
    status = json.loads(out)
    assert status["documents"]["doc"]["ready"] and status["coders"]["a"]["done"] == 1

    code, out, _ = run(capsys, "adjudicate", project.root)
    assert code == 0 and "doc: written (a + b), 2 disagreement(s) open" in out
    code, out, _ = run(capsys, "status", project.root)
    assert "doc: 2/2 finished; gold in progress, 2 open" in out
    code, out, _ = run(capsys, "validate", project.root)
    assert code == 0, out

    code, out, err = run(capsys, "export", project.root, "--format", "jsonl", "--coder", "gold",
                         "--output", tmp_path / "out")
    assert code == 0, err
    [line] = (tmp_path / "out" / "data.jsonl").read_text(encoding="utf-8").splitlines()
    record = json.loads(line)
    assert record["coder"] == "gold" and record["adjudication"]["coders"] == ["a", "b"]
    assert record["spans"][0]["provenance"]["how"] == "agreed"
    # ... and imports back as it was: provenance and the adjudication record included.
    run(capsys, "init", tmp_path / "fresh")
    code, _, err = run(capsys, "import-annotations", tmp_path / "fresh",
                       tmp_path / "out" / "data.jsonl", "--format", "jsonl")
    assert code == 0, err
    back = Project.open(tmp_path / "fresh").annotation_path("gold", "doc")
    mine = json.loads(project.annotation_path("gold", "doc").read_text(encoding="utf-8"))
    theirs = json.loads(back.read_text(encoding="utf-8"))
    assert {k: v for k, v in theirs.items() if k != "modified"} == {
        k: v for k, v in mine.items() if k != "modified"}


def test_adjudicate_reports_waiting_documents_and_kept_gold(project: Project, capsys):
    doc = project.load_document("doc")
    b, _ = project.load_annotations("b", doc)
    b.status = "in_progress"
    project.save_annotations(b, doc)
    code, out, _ = run(capsys, "adjudicate", project.root)
    assert code == 0 and "none ready; 1 document(s) waiting" in out
    s = coded("b")
    s.do(SetStatus("done"))
    project.save_annotations(s.aset, doc)
    gold = project.annotation_path("gold", "doc")
    gold.parent.mkdir()
    gold.write_bytes(project.annotation_path("a", "doc").read_bytes())
    code, out, _ = run(capsys, "adjudicate", project.root)
    assert code == 0 and "doc: kept (a + b): made by hand" in out and "--overwrite" in out


def test_status_without_a_project_and_adjudicate_with_bad_coders(tmp_path: Path, capsys,
                                                                project: Project):
    code, _, err = run(capsys, "status", tmp_path / "nowhere")
    assert code == 2 and "not an annotator project" in err
    code, _, err = run(capsys, "adjudicate", project.root, "--coders", "a,zed")
    assert code == 2 and "no annotations by 'zed'" in err
    code, _, err = run(capsys, "assign", project.root, "--coders", "a,gold")
    assert code == 2 and "reserved" in err
    assert not (project.root / "assignments.json").exists()


@pytest.mark.parametrize("content", [
    "{not json",
    '{"format_version": 1, "coders": ["a"], "documents": {"doc": ["zed"]}}',
])
def test_damaged_assignments_are_named_and_never_overwritten(project: Project, capsys, content):
    path = project.root / "assignments.json"
    path.write_text(content, encoding="utf-8")
    for argv in (("assign", project.root, "--coders", "a,b"), ("status", project.root),
                 ("adjudicate", project.root), ("assign", project.root, "--add", "n1", "--to",
                                                "a")):
        code, _, err = run(capsys, *argv)
        assert code == 2 and str(path) in err, argv
        assert "Traceback" not in err
    assert path.read_text(encoding="utf-8") == content


def test_assignments_naming_deleted_documents(project: Project, capsys):
    run(capsys, "assign", project.root, "--coders", "a,b")
    path = project.root / "assignments.json"
    project.document_path("n3").unlink()
    before = path.read_bytes()
    code, _, err = run(capsys, "status", project.root)
    assert code == 1 and "assigns document 'n3', which is not in the project" in err
    code, _, err = run(capsys, "assign", project.root, "--coders", "a,b,c")
    assert code == 2 and "n3" in err and "--remove" in err and "nothing was changed" in err
    assert path.read_bytes() == before
    coders = json.loads(before)["documents"]["n3"]
    code, out, _ = run(capsys, "assign", project.root, "--remove", "n3", "--from",
                       ",".join(coders))
    assert code == 0 and "n3: now assigned to nobody" in out
    code, _, _ = run(capsys, "status", project.root)
    assert code == 0


def test_manual_edits_of_assignments(project: Project, capsys):
    code, out, _ = run(capsys, "assign", project.root, "--add", "n1", "n2", "--to", "c")
    assert code == 0 and "c joins the team" in out and "n2: assigned to c (now c)" in out
    code, _, err = run(capsys, "assign", project.root, "--add", "nope", "--to", "c")
    assert code == 2 and "no document 'nope'" in err
    code, _, err = run(capsys, "assign", project.root, "--add", "n1")
    assert code == 2 and "--add goes with --to" in err
    code, _, err = run(capsys, "assign", project.root, "--remove", "n1", "--from", "a")
    assert code == 2 and "not assigned, so not removed: n1 (a)" in err


def test_a_coder_who_joins_gets_work_with_rebalance(project: Project, capsys):
    run(capsys, "assign", project.root, "--coders", "a,b")
    code, out, _ = run(capsys, "assign", project.root, "--coders", "a,b,c")
    assert code == 0 and "c: 0 (+0)" in out and "--rebalance" in out
    code, out, _ = run(capsys, "assign", project.root, "--rebalance")
    assert code == 0 and "moved" in out and "to c" in out
    plan = json.loads((project.root / "assignments.json").read_text(encoding="utf-8"))
    assert plan["documents"]["doc"] == ["a", "b"]  # started by both: never moved
    code, _, err = run(capsys, "assign", project.root, "--add", "n1", "--to", "c",
                       "--rebalance")
    assert code == 2 and "separately" in err
