"""The command line as a user meets it: exit codes, messages, no tracebacks."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
from pathlib import Path

import pytest

from annotator.cli.main import main
from annotator.core.model import Document
from annotator.storage.project import Project

ARABIC = "شنت مجموعة مسلحة هجوماً على موقع عسكري في بلدة الجلاء."


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture()
def project(tmp_path: Path) -> Project:
    p = Project.init(tmp_path / "proj")
    p.add_documents([Document("doc-1", ARABIC, {"title": "خبر"})])
    return p


def test_init_creates_a_project_and_refuses_a_second(tmp_path: Path, capsys) -> None:
    code, out, _ = run(capsys, "init", tmp_path / "p")
    assert code == 0 and "Created project" in out
    assert json.loads((tmp_path / "p" / "project.json").read_text())["offset_unit"] == "codepoint"
    code, _, err = run(capsys, "init", tmp_path / "p")
    assert code == 2 and "already exists" in err


def test_init_refuses_a_bad_codebook_and_creates_nothing(tmp_path: Path, capsys) -> None:
    bad = tmp_path / "cb.json"
    bad.write_text('{"id": "x"}', encoding="utf-8")
    code, _, err = run(capsys, "init", tmp_path / "p", "--codebook", bad)
    assert code == 2 and str(bad) in err and "not a valid codebook" in err
    assert not (tmp_path / "p").exists()


def test_validate_ok_project_then_broken_file(project: Project, capsys) -> None:
    doc = project.load_document("doc-1")
    aset, _ = project.load_annotations("alice", doc)
    project.save_annotations(aset, doc)
    code, out, _ = run(capsys, "validate", project.root)
    assert code == 0 and out.strip().startswith("ok")
    path = project.annotation_path("alice", "doc-1")
    data = json.loads(path.read_text(encoding="utf-8"))
    data["spans"].append({"id": "s9", "start": 3, "end": 999, "label": "ACTOR", "text": "x"})
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    before = path.read_bytes()
    code, out, _ = run(capsys, "validate", project.root)
    assert code == 1 and "past the end of the text" in out and "s9" in out
    assert path.read_bytes() == before  # validating never rewrites
    code, out, _ = run(capsys, "validate", "--json", path)
    report = json.loads(out)
    assert code == 1 and report["ok"] is False and report["counts"]["error"] >= 1


def test_validate_reports_a_file_in_another_coders_folder(project: Project, capsys) -> None:
    doc = project.load_document("doc-1")
    aset, _ = project.load_annotations("alice", doc)
    project.save_annotations(aset, doc)
    code, _, _ = run(capsys, "validate", project.root)
    assert code == 0
    copy = project.annotations_dir / "bob" / "doc-1.json"
    copy.parent.mkdir()
    copy.write_bytes(project.annotation_path("alice", "doc-1").read_bytes())
    message = ("error: $.coder: names coder 'alice' but is in the folder of coder 'bob'")
    code, out, _ = run(capsys, "validate", project.root)
    assert code == 1 and f"{copy}: {message}" in out
    code, out, _ = run(capsys, "validate", copy)  # the file alone: the same error
    assert code == 1 and f"{copy}: {message}" in out
    code, out, _ = run(capsys, "validate", project.annotation_path("alice", "doc-1"))
    assert code == 0


def test_validate_codebook_and_unknown_file(tmp_path: Path, capsys) -> None:
    from annotator.core.codebook import default_codebook_path

    code, _out, _ = run(capsys, "validate", default_codebook_path())
    assert code == 0
    other = tmp_path / "x.json"
    other.write_text("[1, 2]", encoding="utf-8")
    code, _, err = run(capsys, "validate", other)
    assert code == 2 and "not a project" in err


@pytest.mark.parametrize("content, expected", [
    (b'{"spans": [', "JSON"),
    (b"\xff\xfe{\x00}\x00", "UTF-16"),
    (b"[" * 200_000 + b"]" * 200_000, "nest"),
])
def test_validate_hostile_files_give_a_message_not_a_traceback(tmp_path: Path, capsys,
                                                               content: bytes,
                                                               expected: str) -> None:
    path = tmp_path / "bad.json"
    path.write_bytes(content)
    code, out, err = run(capsys, "validate", path)
    assert code == 2
    assert str(path) in err and expected.lower() in err.lower()
    assert "Traceback" not in err + out


def test_schema_is_strict_for_the_codebook(capsys) -> None:
    code, out, _ = run(capsys, "schema")
    schema = json.loads(out)
    assert code == 0 and schema["$schema"].endswith("2020-12/schema")
    labels = schema["properties"]["spans"]["items"]["properties"]["label"]["enum"]
    assert "ACTOR" in labels and "TRIGGER" in labels
    code, out, _ = run(capsys, "schema", "--generic")
    assert "enum" not in json.loads(out)["properties"]["spans"]["items"]["properties"]["label"]


def test_show_keeps_logical_text_when_piped_and_shapes_on_request(project: Project,
                                                                   capsys) -> None:
    code, out, _ = run(capsys, "show", project.root, "doc-1", "--shaping", "off")
    assert code == 0 and ARABIC in out
    code, out, _ = run(capsys, "show", project.root, "doc-1", "--shaping", "on")
    assert code == 0 and ARABIC not in out
    # Shaped output uses presentation forms, in visual (reversed) order.
    assert any("\ufe70" <= ch <= "\ufeff" for ch in out)
    code, out, _ = run(capsys, "show", project.root, "doc-1")  # auto, not a terminal
    assert ARABIC in out
    code, _, err = run(capsys, "show", project.root, "../etc/passwd")
    assert code == 2 and "not a valid document id" in err


def test_usage_errors_exit_2(capsys, tmp_path: Path) -> None:
    assert main([]) == 2
    with pytest.raises(SystemExit) as exc:
        main(["validate"])
    assert exc.value.code == 2
    code, _, err = run(capsys, "validate", tmp_path / "missing")
    assert code == 2 and "no such file" in err
    code, _, err = run(capsys, "gui", tmp_path)
    assert code == 2 and "not an annotator project" in err


def test_demo_copies_the_sample_project(tmp_path: Path, capsys, monkeypatch) -> None:
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    code, out, _ = run(capsys, "demo", "--no-gui")
    target = tmp_path / "data" / "annotator" / "sample-project"
    assert code == 0 and str(target) in out
    assert Project.open(target).document_ids()
    code, out, _ = run(capsys, "validate", target)
    assert code == 0, out


def test_python_dash_m_runs_without_traceback(tmp_path: Path) -> None:
    env = {**os.environ, "PYTHONIOENCODING": "utf-8"}
    proc = subprocess.run([sys.executable, "-m", "annotator", "validate", str(tmp_path)],
                          capture_output=True, text=True, env=env, timeout=120)
    assert proc.returncode == 2
    assert "not an annotator project" in proc.stderr and "Traceback" not in proc.stderr


def sample_project_copy(tmp_path: Path) -> Path:
    import shutil

    from annotator.paths import resource

    target = tmp_path / "sample"
    shutil.copytree(resource("sample-project"), target)
    return target


def test_export_then_import_annotations_round_trip(tmp_path: Path, capsys) -> None:
    source = sample_project_copy(tmp_path)
    code, out, _ = run(capsys, "export", source, "--format", "jsonl", "--output",
                       tmp_path / "out", "--status", "done", "--coder", "demo")
    assert code == 0 and "Exported 1 annotation set(s)" in out
    card = json.loads((tmp_path / "out" / "dataset-card.json").read_text(encoding="utf-8"))
    assert "annotator export" in json.dumps(card["command"])
    data_file = next(p for p in (tmp_path / "out").iterdir() if p.suffix == ".jsonl")
    run(capsys, "init", tmp_path / "fresh")
    code, out, err = run(capsys, "import-annotations", tmp_path / "fresh", data_file,
                         "--format", "jsonl")
    assert code == 0, err
    original = json.loads((source / "annotations/demo/sample-article.json").read_text("utf-8"))
    copied = json.loads((tmp_path / "fresh/annotations/demo/sample-article.json")
                        .read_text("utf-8"))
    assert copied["spans"] == original["spans"] and copied["events"] == original["events"]
    code, out, _ = run(capsys, "validate", tmp_path / "fresh")
    assert code == 0, out


def test_export_refuses_unknown_format_and_busy_folder(tmp_path: Path, capsys) -> None:
    source = sample_project_copy(tmp_path)
    with pytest.raises(SystemExit) as exc:
        main(["export", str(source), "--format", "xlsx", "--output", str(tmp_path / "o")])
    assert exc.value.code == 2
    busy = tmp_path / "busy"
    busy.mkdir()
    (busy / "keep.txt").write_text("mine", encoding="utf-8")
    code, _, err = run(capsys, "export", source, "--format", "brat", "--output", busy)
    assert code == 2 and str(busy) in err
    assert (busy / "keep.txt").read_text(encoding="utf-8") == "mine"


def test_import_annotations_from_real_doccano_file(tmp_path: Path, capsys, shared_data) -> None:
    # The shared folder's README asks that its tools' files be read there, not copied.
    source = shared_data("formats/doccano/export-sequence_labeling.jsonl")
    run(capsys, "init", tmp_path / "p")
    code, _, err = run(capsys, "import-annotations", tmp_path / "p", source,
                       "--format", "doccano", "--coder", "pre")
    assert code == 1 and "ORG" in err  # labels the codebook does not know are reported
    code, _out, err = run(capsys, "import-annotations", tmp_path / "p", source,
                         "--format", "doccano", "--coder", "pre", "--label-map", "ORG=ACTOR",
                         "--label-map", "PERSON=PERSON", "--label-map", "MISC=ACTOR")
    assert code == 0, err
    annotated = Project.open(tmp_path / "p")
    assert len(annotated.document_ids()) == 3
    assert [c for c, _, _ in annotated.annotation_files()] == ["pre"] * 3


HOLD_LOCK = r"""
import sys
from pathlib import Path
from annotator.storage.lock import FileLock
lock = FileLock(Path(sys.argv[1]), coder=sys.argv[2])
lock.acquire()
print("locked", flush=True)
sys.stdin.readline()
lock.release()
"""


def test_import_annotations_refuses_documents_open_for_editing(tmp_path: Path, capsys) -> None:
    """Another program (a window) holds the edit lock of one document: --overwrite refuses,
    naming the document and the holder, and writes nothing at all."""
    project = Project.init(tmp_path / "p")
    source = tmp_path / "d.jsonl"
    source.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in (
        {"doc_id": "d1", "text": ARABIC, "label": [[0, 3, "ACTOR"]]},
        {"doc_id": "d2", "text": "نص ثان", "label": []})) + "\n", encoding="utf-8")
    code, _, err = run(capsys, "import-annotations", project.root, source, "--format",
                       "doccano", "--coder", "alice")
    assert code == 0, err
    target = project.annotation_path("alice", "d1")
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[2])}
    holder = subprocess.Popen([sys.executable, "-c", HOLD_LOCK, str(target), "alice"],
                              stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True, env=env)
    try:
        assert holder.stdout is not None and holder.stdout.readline() == "locked\n"
        before = {p.name: p.read_bytes() for p in (project.annotations_dir / "alice").iterdir()}
        for extra in ([], ["--dry-run"], ["--skip-invalid"]):
            code, out, err = run(capsys, "import-annotations", project.root, source, "--format",
                                 "doccano", "--coder", "alice", "--overwrite", *extra)
            assert code == 1, (extra, out, err)
            assert "document 'd1' not imported" in err
            assert f"(coder alice) on {socket.gethostname()}, process {holder.pid}" in err
            if extra == ["--skip-invalid"]:  # the unlocked document is replaced, d1 is not
                assert "Imported 1 annotation set(s)" in out
                assert target.read_bytes() == before["d1.json"]
                before = {p.name: p.read_bytes()
                          for p in (project.annotations_dir / "alice").iterdir()}
            else:
                assert "Imported 1" not in out
                assert {p.name: p.read_bytes()
                        for p in (project.annotations_dir / "alice").iterdir()} == before
    finally:
        assert holder.stdin is not None
        holder.stdin.write("\n")
        holder.stdin.close()
        holder.wait(timeout=10)
    code, _, err = run(capsys, "import-annotations", project.root, source, "--format",
                       "doccano", "--coder", "alice", "--overwrite")
    assert code == 0, err  # released: now it may be replaced
    assert not target.with_name("d1.json.lock").exists()


def test_import_annotations_without_a_coder_is_one_usage_error(tmp_path: Path, capsys) -> None:
    project = Project.init(tmp_path / "p")
    records = tmp_path / "d.jsonl"
    records.write_text("".join(json.dumps({"text": f"نص {i}", "label": []}, ensure_ascii=False)
                               + "\n" for i in range(3)), encoding="utf-8")
    brat = tmp_path / "brat"
    brat.mkdir()
    (brat / "x.txt").write_text("نص", encoding="utf-8")
    (brat / "x.ann").write_text("T1\tACTOR 0 2\tنص\n", encoding="utf-8")
    for source, fmt, where in ((records, "doccano", f"{records}: line 1: "),
                               (brat, "brat", "brat files ")):
        code, out, err = run(capsys, "import-annotations", project.root, source,
                             "--format", fmt)
        assert code == 2 and out == ""
        assert len(err.splitlines()) == 1 and err.startswith(f"annotator: error: {where}")
        assert "name the coder (--coder NAME)" in err
        assert project.document_ids() == [] and project.coders() == []


def test_import_closing_line_says_what_happened_to_the_rest(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    run(capsys, "init", tmp_path / "p")
    (tmp_path / "a.txt").write_text("نص", encoding="utf-8")
    (tmp_path / "b.docx").write_bytes(b"PK")
    code, _, err = run(capsys, "import", tmp_path / "p", tmp_path / "a.txt", tmp_path / "b.docx",
                       "--dry-run")
    assert code == 1 and err.endswith("1 problem(s), listed above; everything else would be "
                                      "imported.\n")
    code, _, err = run(capsys, "import", tmp_path / "p", tmp_path / "b.docx")
    assert code == 1 and err.endswith("1 problem(s), listed above.\n")
    code, _, err = run(capsys, "import", tmp_path / "p", tmp_path / "a.txt", tmp_path / "b.docx")
    assert code == 1 and err.endswith("; everything else was imported.\n")


def test_agreement_prints_each_pair_and_json(tmp_path: Path, capsys) -> None:
    from annotator.core.model import Span

    p = Project.init(tmp_path / "p")
    p.add_documents([Document("doc-1", ARABIC)])
    doc = p.load_document("doc-1")
    for coder, words in (("amira", ["مجموعة مسلحة", "موقع عسكري"]), ("omar", ["مجموعة مسلحة"])):
        aset, _ = p.load_annotations(coder, doc)
        for k, w in enumerate(words):
            start = ARABIC.index(w)
            aset.spans.append(Span(f"s{k}", start, start + len(w), "ACTOR", w))
        aset.status, aset.fields = "done", {"relevance": "relevant"}
        p.save_annotations(aset, doc)
    code, out, err = run(capsys, "agreement", p.root)
    assert code == 0 and not err
    assert "\namira and omar: 1 document(s) both coded (done sets)" in out
    assert "strict F1 0.67" in out and "(2 and 1 spans, 1 the same)" in out
    code, out, _ = run(capsys, "agreement", p.root, "--json", "--status", "any")
    data = json.loads(out)
    assert data["status"] is None and data["pairs"][0]["spans"]["strict"] == {
        "a": 2, "b": 1, "matched": 1, "f1": 0.6667}
    code, _, err = run(capsys, "agreement", p.root, "--coders", "amira")
    assert code == 2 and "two coders or more" in err and "Traceback" not in err
