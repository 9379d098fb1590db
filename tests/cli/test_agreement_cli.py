"""``annotator agreement`` as a lead uses it: the table of coders, the documents ranked by
disagreement as text, JSON and CSV, files left out with exit 1, and the gold coder."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from annotator.cli.main import main
from annotator.core.model import Document, Span
from annotator.storage.project import Project

TEXTS = {"d1": "هاجم مسلحون حاجزا للجيش قرب البوكمال", "d2": "قتل ثلاثة جنود قرب البوكمال",
         "d3": "أعلنت الحكومة النفير العام"}


def run(capsys: pytest.CaptureFixture[str], *argv: object) -> tuple[int, str, str]:
    code = main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return code, out, err


def code(project: Project, coder: str, doc_id: str, words: list[tuple[str, str]]) -> None:
    doc = project.load_document(doc_id)
    aset, _ = project.load_annotations(coder, doc)
    for k, (w, label) in enumerate(words):
        start = doc.text.index(w)
        aset.spans.append(Span(f"s{k}", start, start + len(w), label, w))
    aset.status, aset.fields = "done", {"relevance": "relevant"}
    project.save_annotations(aset, doc)


@pytest.fixture()
def project(tmp_path: Path) -> Project:
    p = Project.init(tmp_path / "p")
    p.add_documents([Document(d, t) for d, t in TEXTS.items()])
    for coder in ("amira", "omar", "layla"):
        code(p, coder, "d1", [("مسلحون", "ACTOR"), ("البوكمال", "LOCATION")])
    code(p, "amira", "d2", [("ثلاثة جنود", "QUANTITY"), ("البوكمال", "LOCATION")])
    code(p, "omar", "d2", [("جنود", "ACTOR")])
    code(p, "amira", "d3", [("الحكومة", "ACTOR")])
    code(p, "omar", "d3", [("الحكومة", "ACTOR")])
    return p


def test_the_table_of_coders_and_the_row_of_all_coders(project, capsys):
    code_, out, err = run(capsys, "agreement", project.root)
    assert code_ == 0 and not err
    lines = out.splitlines()
    assert lines[0] == ("Agreement of amira, layla, omar (done sets): 3 document(s) coded by "
                        "two of them or more")
    assert lines[2].split() == ["coders", "documents", "strict", "F1", "lenient", "F1", "kappa",
                                "(characters)"]
    assert lines[3].split()[:3] == ["amira", "x", "layla"] and lines[3].split()[3] == "1"
    assert lines[5].split()[:4] == ["layla", "x", "omar", "1"]
    assert lines[6].startswith("all coders") and "u-alpha" in lines[6]
    assert "Fleiss' kappa undefined (documents have different numbers of coders)" in out
    assert "u-alpha by label: ACTOR" in out
    assert "\namira and omar: 3 document(s) both coded (done sets)" in out
    code_, out, _ = run(capsys, "agreement", project.root, "--csv")
    rows = list(csv.DictReader(io.StringIO(out)))
    assert [(r["coder_a"], r["coder_b"]) for r in rows] == [
        ("amira", "layla"), ("amira", "omar"), ("layla", "omar"), ("all coders", "")]
    assert rows[1]["documents"] == "3"
    assert float(rows[1]["strict_f1"]) == pytest.approx(6 / 9, abs=1e-4)
    assert rows[3]["fleiss_characters"].startswith("undefined") and rows[3]["alpha_tokens"]
    code_, out, _ = run(capsys, "agreement", project.root, "--json")
    data = json.loads(out)
    assert data["compared"] == 3 and data["all_coders"]["coders_per_document"] == {"2": 2,
                                                                                   "3": 1}
    assert -1 <= data["all_coders"]["alpha_characters"] <= 1
    assert set(data["all_coders"]["u_alpha_by_label"]) == {"ACTOR", "LOCATION", "QUANTITY"}


def test_documents_ranked_by_disagreement_as_text_json_and_csv(project, capsys):
    code_, out, err = run(capsys, "agreement", project.root, "--by-document", "--shaping",
                          "off")
    assert code_ == 0 and not err
    assert out.startswith("1 of 3 document(s) coded by two coders or more differ (done sets)")
    assert "\nd2  score 0.67: 2 disagreement(s), 1 agreed (amira, omar): 1 span missing, " \
           "1 label\n" in out
    assert "  label          " in out and "amira: QUANTITY" in out and "omar: ACTOR" in out
    assert "span missing" in out and "omar: -" in out
    code_, out, _ = run(capsys, "agreement", project.root, "--by-document", "--json")
    data = json.loads(out)
    [d2] = data["documents"]
    assert d2["document"] == "d2" and d2["counts"] == {"span missing": 1, "label": 1}
    label = next(d for d in d2["disagreements"] if d["kind"] == "label")
    assert label["text"] == "ثلاثة جنود" and label["said"]["omar"][0]["label"] == "ACTOR"
    code_, out, _ = run(capsys, "agreement", project.root, "--by-document", "--csv")
    rows = list(csv.DictReader(io.StringIO(out)))
    assert [r["kind"] for r in rows] == ["label", "span missing"]
    assert rows[0]["amira"] == "QUANTITY 4-14" and rows[0]["layla"] == ""  # not on d2
    assert rows[1]["omar"] == "(none)" and rows[1]["text"] == "البوكمال"


def test_top_keeps_the_most_disputed_documents(project, capsys):
    code(project, "layla", "d3", [("العام", "TIME")])
    code_, out, _ = run(capsys, "agreement", project.root, "--by-document", "--json",
                        "--top", "1")
    data = json.loads(out)
    assert data["differing"] == 2 and [d["document"] for d in data["documents"]] == ["d2"]
    code_, _, err = run(capsys, "agreement", project.root, "--top", "1")
    assert code_ == 2 and "--by-document" in err


def test_files_that_do_not_validate_are_left_out_and_exit_1(project, capsys):
    stale = project.annotation_path("omar", "d1")
    data = json.loads(stale.read_text(encoding="utf-8"))
    data["document"]["sha256"] = "0" * 64
    stale.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    past = project.annotation_path("omar", "d3")
    data = json.loads(past.read_text(encoding="utf-8"))
    data["spans"][0]["end"] = 999
    past.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    broken = project.annotation_path("omar", "d2")
    broken.write_text("{not json", encoding="utf-8")
    before = {p: p.read_bytes() for p in project.root.rglob("*.json")}
    code_, out, err = run(capsys, "agreement", project.root, "--coders", "amira,omar")
    assert code_ == 1
    assert f"problem: {stale}: left out: error: $.document.sha256" in err
    assert f"problem: {past}: left out: error: $.spans[0]" in err
    assert f"problem: {broken}: not valid JSON" in err
    assert err.endswith("3 file(s) left out of the figures: see the problems above\n")
    assert "amira and omar: 0 document(s) both coded" in out  # none of them counted
    assert {p: p.read_bytes() for p in project.root.rglob("*.json")} == before
    code_, out, _ = run(capsys, "agreement", project.root, "--coders", "amira,omar", "--json")
    assert code_ == 1 and len(json.loads(out)["problems"]) == 3


def test_gold_is_not_a_coder_unless_named(project, capsys):
    code(project, "gold", "d1", [("مسلحون", "ACTOR"), ("البوكمال", "LOCATION")])
    code_, out, _ = run(capsys, "agreement", project.root, "--csv")
    assert "gold" not in out
    code_, out, _ = run(capsys, "agreement", project.root, "--csv", "--coders", "amira,gold")
    assert code_ == 0 and out.splitlines()[1].startswith("amira,gold,1,1.0,1.0,1.0")
    for coder in ("layla", "omar"):
        for path in (project.annotations_dir / coder).iterdir():
            path.unlink()
        (project.annotations_dir / coder).rmdir()
    code_, _, err = run(capsys, "agreement", project.root)
    assert code_ == 2 and "'gold' holds adjudicated sets and is compared only when named" in err
