"""``annotator search`` as a user meets it: one line per match with its context, JSON with
code-point offsets, filters by label and coder, exit codes."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from test_cli import run

from annotator.core.model import Document, Span
from annotator.storage.project import Project

TEXT = "قُتل أحد عناصر داعش يوم الأحد.\nوقال مصدر إن وأحد المدنيين أصيب بجروح في بلدة السخنة."


@pytest.fixture()
def project(tmp_path: Path) -> Project:
    p = Project.init(tmp_path / "proj")
    p.add_documents([Document("doc-1", TEXT, {"title": "خبر من دير الزور"}),
                     Document("doc-2", "لا شيء هنا", {})])
    return p


def test_keyword_in_context_lines(project: Project, capsys) -> None:
    code, out, err = run(capsys, "search", project.root, "احد", "--shaping", "off")
    assert code == 0
    assert "indexed 2 document(s)" in err
    lines = out.splitlines()
    assert lines[0] == "3 match(es) in 1 document(s)"
    assert lines[2] == "doc-1  خبر من دير الزور"
    assert lines[3] == "       5  قُتل [أحد] عناصر داعش يوم الأحد. وقال مصدر إن…"
    assert "يوم ال[أحد]. وقال" in lines[4]
    assert "إن و[أحد] المدنيين" in lines[5]
    code, out, err = run(capsys, "search", project.root, "احد", "--shaping", "off")
    assert err == ""  # the index is built once


def test_limit_and_exact_proclitics(project: Project, capsys) -> None:
    _, out, _ = run(capsys, "search", project.root, "احد", "--limit", "1", "--shaping", "off")
    assert out.splitlines()[0] == "3 match(es) in 1 document(s) (showing 1; --limit 0 shows all)"
    assert len([line for line in out.splitlines() if "[" in line]) == 1
    _, out, _ = run(capsys, "search", project.root, "احد", "--exact-proclitics")
    assert out.splitlines()[0] == "1 match(es) in 1 document(s)"


def test_json_has_code_point_offsets_and_context(project: Project, capsys) -> None:
    code, out, _ = run(capsys, "search", project.root, "بلده السخنه", "--json")
    assert code == 0
    data = json.loads(out)
    assert (data["total"], data["documents"]) == (1, 1)
    (hit,) = data["hits"]
    assert TEXT[hit["start"]:hit["end"]] == hit["text"] == "بلدة السخنة"
    assert TEXT[:hit["start"]].replace("\n", " ").endswith(hit["before"])
    assert hit["after"] == "." and hit["document"] == "doc-1"


def test_inside_spans_of_a_label(project: Project, capsys) -> None:
    doc = project.load_document("doc-1")
    aset = project.new_annotation_set("amal", doc)
    start = TEXT.index("عناصر داعش")
    aset.spans.append(Span("s1", start, start + 10, "ACTOR", "عناصر داعش"))
    project.save_annotations(aset, doc)
    _, out, _ = run(capsys, "search", project.root, "داعش", "--label", "ACTOR", "--shaping",
                    "off")
    assert out.splitlines()[-1].endswith("(amal s1 ACTOR)")
    _, out, _ = run(capsys, "search", project.root, "السخنه", "--label", "ACTOR", "--coder",
                    "amal")
    assert out.splitlines() == ["0 match(es) in 0 document(s)"]


@pytest.mark.parametrize(("argv", "message"), [
    (["احد", "--label", "NOPE"], "no span label 'NOPE'"),
    (["احد", "--coder", "nobody"], "no annotations by coder 'nobody'"),
    (["\u064e"], "no letters"),
    (["احد", "--limit", "-1"], "--limit"),
])
def test_bad_usage_exits_2(project: Project, capsys, argv: list[str], message: str) -> None:
    code, _, err = run(capsys, "search", project.root, *argv)
    assert code == 2 and message in err


def test_an_unreadable_document_exits_1_after_searching_the_rest(project: Project,
                                                                 capsys) -> None:
    project.document_path("doc-2").write_text("{broken", encoding="utf-8")
    code, out, err = run(capsys, "search", project.root, "داعش")
    assert code == 1
    assert out.startswith("1 match(es)") and "doc-2.json" in err


def test_not_a_project(tmp_path: Path, capsys) -> None:
    code, _, err = run(capsys, "search", tmp_path, "احد")
    assert code == 2 and "not an annotator project" in err
