"""Project folders: creating and opening, documents, annotation sets. Errors name the file;
refused saves write nothing; reading never changes a byte or a modification time."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from annotator.core import jsonio
from annotator.core.codebook import default_codebook_path
from annotator.core.edits import AddSpan, SetStatus
from annotator.core.model import Document
from annotator.core.session import AnnotationSession
from annotator.core.validation import ERROR
from annotator.errors import AnnotatorError
from annotator.storage.project import (
    MISFILED_WHERE,
    PROJECT_FILE,
    PROJECT_FORMAT_VERSION,
    Project,
    check_coder_name,
    document_problems,
    misfiled_issue,
)

TEXT = "قوات النظام استقدمت تعزيزات عسكرية إلى بلدة الجلاء."


@pytest.fixture
def project(tmp_path: Path) -> Project:
    p = Project.init(tmp_path / "proj", name="Test")
    p.add_documents([Document("d1", TEXT), Document("d2", "نص ثان")])
    return p


def snapshot(root: Path) -> dict[str, tuple[bytes, int]]:
    return {p.relative_to(root).as_posix(): (p.read_bytes(), p.stat().st_mtime_ns)
            for p in sorted(root.rglob("*")) if p.is_file()}


def coded(project: Project, coder: str = "amira", doc_id: str = "d1"):
    doc = project.load_document(doc_id)
    aset, issues = project.load_annotations(coder, doc)
    assert issues == []
    session = AnnotationSession(doc, project.codebook, aset)
    i = doc.text.index("بلدة الجلاء")
    session.do(AddSpan(i, i + len("بلدة الجلاء"), "LOCATION"))
    return doc, aset


# -- init and open ---------------------------------------------------------------------------
def test_init_lays_out_a_project(tmp_path: Path):
    p = Project.init(tmp_path / "new")
    assert p.name == "new"
    assert sorted(x.name for x in p.root.iterdir()) == [
        "annotations", "codebook.json", "documents", PROJECT_FILE]
    assert json.loads((p.root / "codebook.json").read_text("utf-8")) == json.loads(
        default_codebook_path().read_text("utf-8"))
    meta = json.loads((p.root / PROJECT_FILE).read_text("utf-8"))
    assert meta["format_version"] == PROJECT_FORMAT_VERSION
    assert meta["offset_unit"] == "codepoint"
    assert (p.root / PROJECT_FILE).read_text("utf-8") == jsonio.dumps(meta)
    again = Project.open(p.root)
    assert again.meta == p.meta and again.codebook.sha256 == p.codebook.sha256
    assert Project.is_project(p.root) and not Project.is_project(tmp_path)


def test_init_refuses_an_existing_project_and_a_file(project: Project, tmp_path: Path):
    before = snapshot(project.root)
    with pytest.raises(AnnotatorError, match="a project already exists here"):
        Project.init(project.root)
    assert snapshot(project.root) == before
    f = tmp_path / "file"
    f.write_text("x")
    with pytest.raises(AnnotatorError, match="exists and is not a folder"):
        Project.init(f)


def test_init_refuses_a_bad_codebook_before_creating_anything(tmp_path: Path):
    bad = tmp_path / "cb.json"
    bad.write_text('{"id": "x"}', encoding="utf-8")
    with pytest.raises(AnnotatorError) as info:
        Project.init(tmp_path / "p", codebook_path=bad)
    assert str(bad) in str(info.value)
    assert not (tmp_path / "p").exists()


def test_open_not_a_project(tmp_path: Path):
    with pytest.raises(AnnotatorError) as info:
        Project.open(tmp_path)
    assert "not an annotator project" in str(info.value) and str(tmp_path) in str(info.value)
    with pytest.raises(AnnotatorError, match="not an annotator project"):
        Project.open(tmp_path / "missing")


@pytest.mark.parametrize("meta, expect", [
    ({"format_version": PROJECT_FORMAT_VERSION + 1}, "project format 2 is not one this version"),
    ({"format_version": "1"}, "project format '1'"),
    ({}, "project format None"),
    ([], "expected a JSON object"),
])
def test_open_refuses_other_formats(project: Project, meta, expect):
    path = project.root / PROJECT_FILE
    path.write_text(json.dumps(meta), encoding="utf-8")
    before = snapshot(project.root)
    with pytest.raises(AnnotatorError) as info:
        Project.open(project.root)
    assert expect in str(info.value) and str(path) in str(info.value)
    assert snapshot(project.root) == before


def test_open_broken_project_file_names_it(project: Project):
    path = project.root / PROJECT_FILE
    path.write_bytes(b'{"format_version": 1,')
    with pytest.raises(AnnotatorError) as info:
        Project.open(project.root)
    assert str(path) in str(info.value)


def test_broken_codebook_is_reported_on_use(project: Project):
    (project.root / "codebook.json").write_text('{"id": 1}', encoding="utf-8")
    reopened = Project.open(project.root)
    with pytest.raises(AnnotatorError, match="not a valid codebook"):
        reopened.codebook  # noqa: B018


# -- documents -------------------------------------------------------------------------------
def test_documents_round_trip(project: Project):
    assert project.document_ids() == ["d1", "d2"]
    doc = project.load_document("d1")
    assert doc.text == TEXT and doc.id == "d1"
    assert project.has_document("d1") and not project.has_document("nope")
    assert not project.has_document("../d1")


def test_add_documents_refuses_overwrite(project: Project):
    before = snapshot(project.root)
    with pytest.raises(AnnotatorError) as info:
        project.add_documents([Document("d1", "نص آخر")])
    assert "already exists" in str(info.value) and "d1" in str(info.value)
    assert snapshot(project.root) == before


@pytest.mark.parametrize("doc_id", ["../evil", "a/b", "", ".", "..", ".hidden", "con",
                                    "a\\b", "a\nb"])
def test_unsafe_document_ids_are_refused(project: Project, doc_id: str):
    before = snapshot(project.root)
    with pytest.raises(AnnotatorError, match="not a valid document id"):
        project.add_documents([Document(doc_id, "x")])
    with pytest.raises(AnnotatorError):
        project.load_document(doc_id)
    assert snapshot(project.root) == before


@pytest.mark.parametrize("change, expect", [
    (lambda d: d.update(text="تغيير"), "does not match its SHA-256"),
    (lambda d: d.update(id="d2"), "holds document 'd2', but its file name says 'd1'"),
    (lambda d: d.pop("text"), "no text"),
    (lambda d: d.update(meta=[]), "meta must be an object"),
])
def test_load_document_problems(project: Project, change, expect):
    path = project.document_path("d1")
    data = json.loads(path.read_text("utf-8"))
    change(data)
    path.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(AnnotatorError) as info:
        project.load_document("d1")
    assert expect in str(info.value) and str(path) in str(info.value)


def test_document_problems_on_non_objects():
    assert document_problems([]) == ["expected a JSON object"]
    assert document_problems({"id": "x", "text": "t"}) == []


def test_load_missing_document(project: Project):
    with pytest.raises(AnnotatorError, match="no document 'nope'"):
        project.load_document("nope")


# -- annotations -----------------------------------------------------------------------------
def test_new_set_when_no_file(project: Project):
    doc = project.load_document("d1")
    aset, issues = project.load_annotations("amira", doc)
    assert issues == [] and aset.spans == [] and aset.coder == "amira"
    assert aset.codebook.sha256 == project.codebook.sha256
    assert not project.annotation_path("amira", "d1").exists()
    assert project.status_of("amira", "d1") == "not_started"


def test_save_and_load(project: Project):
    doc, aset = coded(project)
    issues = project.save_annotations(aset, doc)
    assert aset.status == "in_progress"  # work on a not-started document starts it
    assert [i.where for i in issues] == ["$.fields.relevance"]  # todo, not an error
    path = project.annotation_path("amira", "d1")
    assert path.read_text("utf-8") == jsonio.dumps(aset.to_dict())
    loaded, issues2 = project.load_annotations("amira", doc)
    assert loaded.to_dict() == aset.to_dict() and issues2 == issues
    assert project.coders() == ["amira"]
    assert list(project.annotation_files()) == [("amira", "d1", path)]
    assert list(project.annotation_files("amira")) == [("amira", "d1", path)]
    assert list(project.annotation_files("nobody")) == []
    assert project.status_of("amira", "d1") == "in_progress"


def test_save_refuses_invalid_sets_and_writes_nothing(project: Project):
    doc, aset = coded(project)
    project.save_annotations(aset, doc)
    before = snapshot(project.root)
    aset.spans[0].text = "غلط"
    with pytest.raises(AnnotatorError) as info:
        project.save_annotations(aset, doc)
    assert "not saved" in str(info.value) and "differs from the document" in str(info.value)
    session = AnnotationSession(doc, project.codebook, aset)
    aset.spans[0].text = doc.text[aset.spans[0].start:aset.spans[0].end]
    session.do(SetStatus("done"))  # relevance is missing: an error once done
    with pytest.raises(AnnotatorError, match="Relevance"):
        project.save_annotations(aset, doc)
    assert snapshot(project.root) == before


def test_refused_first_save_creates_no_file_or_folder(project: Project):
    doc, aset = coded(project, coder="new-coder")
    aset.spans[0].end = 10_000
    assert aset.status == "not_started"
    with pytest.raises(AnnotatorError):
        project.save_annotations(aset, doc)
    assert not (project.annotations_dir / "new-coder").exists()
    assert aset.status == "not_started", "a refused save changes nothing, in memory either"


def test_a_changed_document_does_not_stop_a_save(project: Project):
    _doc, aset = coded(project)
    edited = Document("d1", TEXT + " تعديل")
    issues = project.save_annotations(aset, edited)
    assert any(i.where == "$.document.sha256" and i.severity == ERROR for i in issues)
    assert project.annotation_path("amira", "d1").is_file()


BROKEN = {
    "bad json": b'{"format_version": 1, "spans": [',
    "empty": b"",
    "not an object": b"[1, 2]",
    "wrong shape": json.dumps({"format_version": 1, "spans": "many"}).encode(),
    "newer format": json.dumps({"format_version": 99, "future": True}).encode(),
    "utf16": '{"format_version": 1}'.encode("utf-16"),
    "latin1": '{"coder": "caf\xe9"}'.encode("latin-1"),
    "nul": b'{"format_version": 1}\x00',
    "deep": b"[" * 100_000 + b"]" * 100_000,
    "deep inside": b'{"spans": ' + b"[" * 5_000 + b"]" * 5_000 + b"}",
    "float offsets": None,  # filled in below from a real file
}


@pytest.mark.parametrize("name", sorted(BROKEN))
def test_broken_annotation_file_is_reported_and_left_alone(project: Project, name: str):
    doc, aset = coded(project)
    project.save_annotations(aset, doc)
    path = project.annotation_path("amira", "d1")
    content = BROKEN[name]
    if content is None:
        data = json.loads(path.read_text("utf-8"))
        data["spans"][0]["start"] = float(data["spans"][0]["start"])
        content = json.dumps(data).encode()
    path.write_bytes(content)
    before = snapshot(project.root)
    with pytest.raises(AnnotatorError) as info:
        project.load_annotations("amira", doc)
    assert str(path) in str(info.value)
    if name == "newer format":
        assert "newer annotator" in str(info.value)
    assert snapshot(project.root) == before
    assert project.status_of("amira", "d1") in ("unreadable", "in_progress")


def test_reading_never_changes_a_file(project: Project):
    doc, aset = coded(project)
    project.save_annotations(aset, doc)
    (project.annotations_dir / "amira" / "d2.json").write_text("{broken", encoding="utf-8")
    old = 1_000_000_000_000_000_000
    for p in project.root.rglob("*"):
        if p.is_file():
            os.utime(p, ns=(old, old))
    before = snapshot(project.root)
    reopened = Project.open(project.root)
    _ = reopened.codebook, reopened.text_policy, reopened.name
    reopened.document_ids()
    reopened.coders()
    list(reopened.annotation_files())
    for doc_id in reopened.document_ids():
        d = reopened.load_document(doc_id)
        reopened.status_of("amira", doc_id)
        try:
            reopened.load_annotations("amira", d)
        except AnnotatorError:
            pass
    assert snapshot(project.root) == before
    assert not reopened.state_dir.exists()


# -- coders ----------------------------------------------------------------------------------
@pytest.mark.parametrize("coder", ["", " ", ".", "..", "../x", "a/b", "a\\b", ".hidden",
                                   "x" * 65, "a b", "con", "NUL.txt", "a:b", "a*", "ab\x00"])
def test_unsafe_coder_names_are_refused(project: Project, coder: str):
    before = snapshot(project.root)
    with pytest.raises(AnnotatorError, match="cannot be used"):
        check_coder_name(coder)
    with pytest.raises(AnnotatorError):
        project.annotation_path(coder, "d1")
    with pytest.raises(AnnotatorError):
        project.new_annotation_set(coder, project.load_document("d1"))
    assert snapshot(project.root) == before


def test_coder_names_are_stripped_everywhere(project: Project):
    assert check_coder_name("  amira\n") == "amira"
    assert project.annotation_path("amira\n", "d1") == project.annotation_path("amira", "d1")
    assert project.annotation_path(" amira", "d1").parent.name == "amira"
    assert check_coder_name("عائشة") == "عائشة"  # letters of any script


def test_a_file_copied_into_another_coders_folder_stays_there(project: Project):
    doc, aset = coded(project, coder="bob")
    project.save_annotations(aset, doc)
    bob_path = project.annotation_path("bob", "d1")
    bob_bytes = bob_path.read_bytes()
    alice_path = project.annotation_path("alice", "d1")
    alice_path.parent.mkdir()
    alice_path.write_bytes(bob_bytes)
    loaded, issues = project.load_annotations("alice", doc)
    assert loaded.coder == "alice"
    errors = [i for i in issues if i.severity == ERROR]
    assert errors == [misfiled_issue(json.loads(bob_bytes), "alice")]
    assert errors[0].where == MISFILED_WHERE
    project.save_annotations(loaded, doc)
    assert bob_path.read_bytes() == bob_bytes, "bob's work must not be overwritten"
    assert json.loads(alice_path.read_text("utf-8"))["coder"] == "alice"
    # Saved, it is alice's and in its place: nothing left to report.
    assert not [i for i in project.load_annotations("alice", doc)[1] if i.severity == ERROR]


def test_misfiled_issue_names_both_coders_and_ignores_what_the_schema_reports():
    issue = misfiled_issue({"coder": "bob"}, "alice")
    assert issue is not None and issue.severity == ERROR and issue.where == "$.coder"
    assert "names coder 'bob'" in issue.message and "folder of coder 'alice'" in issue.message
    assert misfiled_issue({"coder": "alice"}, "alice") is None
    for data in ({}, {"coder": 5}, [], None):
        assert misfiled_issue(data, "alice") is None


def _misfile(project: Project) -> Path:
    """bob's saved file of d1, copied by hand into alice's folder; returns the copy."""
    doc, aset = coded(project, coder="bob")
    project.save_annotations(aset, doc)
    copy = project.annotation_path("alice", "d1")
    copy.parent.mkdir()
    copy.write_bytes(project.annotation_path("bob", "d1").read_bytes())
    return copy


def test_validate_project_reports_a_file_in_another_coders_folder(project: Project):
    from annotator.storage.validate import validate_project

    _misfile(project)
    for _ in range(2):  # checked, then from the cache
        report = validate_project(project)
        errors = {rel: [i for i in issues if i.severity == ERROR]
                  for rel, issues in report.files.items()}
        assert errors == {"annotations/alice/d1.json": [misfiled_issue({"coder": "bob"}, "alice")],
                          "annotations/bob/d1.json": []}
    assert validate_project(project, coder="bob").errors == 0


def test_validate_lists_the_clean_files_for_export_from_checks_and_from_its_cache(
        project: Project):
    import hashlib

    from annotator.storage.validate import CLEAN_NAME, clean_digest, iter_clean, validate_project

    _misfile(project)  # alice/d1.json: an error; bob/d1.json: clean
    memo = project.state_dir / CLEAN_NAME
    bob = project.annotation_path("bob", "d1")
    expected = [("d1", "bob", clean_digest(
        "annotations/bob/d1.json", hashlib.sha256(bob.read_bytes()).hexdigest(),
        project.load_document("d1").sha256, project.codebook.sha256))]
    validate_project(project)
    assert list(iter_clean(project)) == expected
    memo.unlink()
    assert validate_project(project).checked == 0  # all from the cache, contents included
    assert list(iter_clean(project)) == expected
    memo.unlink()
    validate_project(project, coder="bob")  # one coder's run: not the whole memo
    assert not memo.exists()
    # ... and it keeps the cached results of the other coders' files.
    assert validate_project(project).checked == 0


def test_validation_cached_before_the_misfiled_check_is_not_reused(project: Project):
    from annotator import __version__
    from annotator.storage.validate import CACHE_NAME, validate_project

    _misfile(project)
    validate_project(project)
    cache = project.state_dir / CACHE_NAME
    data = json.loads(cache.read_text(encoding="utf-8"))
    # What the same version wrote before the check existed: no "checks", the file clean.
    del data["checks"]
    data["files"]["annotations/alice/d1.json"]["issues"] = []
    assert data["annotator"] == __version__
    cache.write_text(json.dumps(data), encoding="utf-8")
    assert validate_project(project).errors == 1


def test_coders_lists_only_safe_folders(project: Project):
    for name in ("amira", ".hidden", "a b"):
        (project.annotations_dir / name).mkdir()
    (project.annotations_dir / "file.json").write_text("{}")
    assert project.coders() == ["amira"]


def test_status_of_unreadable_and_odd(project: Project):
    path = project.annotation_path("amira", "d1")
    path.parent.mkdir()
    path.write_text("{", encoding="utf-8")
    assert project.status_of("amira", "d1") == "unreadable"
    path.write_text('{"status": 5}', encoding="utf-8")
    assert project.status_of("amira", "d1") == "unreadable"
    path.write_text('{"status": "done"}', encoding="utf-8")
    assert project.status_of("amira", "d1") == "done"


def test_copy_to_leaves_caches_and_locks_behind(project: Project, tmp_path: Path):
    project.state_dir.mkdir()
    (project.state_dir / "cache.json").write_text("{}")
    (project.root / "x.lock").write_text("")
    copy = project.copy_to(tmp_path / "copy")
    assert copy.document_ids() == project.document_ids()
    assert not copy.state_dir.exists() and not (copy.root / "x.lock").exists()


def test_validate_project_workers_give_the_serial_result(tmp_path):
    """Large cold runs go to worker processes; their verdict must equal the serial one."""
    import annotator.storage.validate as v
    from annotator.core.model import Document

    project = Project.init(tmp_path / "p")
    project.add_documents([Document(f"d{i}", f"نص رقم {i}") for i in range(12)])
    for i in range(12):
        doc = project.load_document(f"d{i}")
        aset, _ = project.load_annotations("alice", doc)
        project.save_annotations(aset, doc)
    bad = project.annotation_path("alice", "d3")
    bad.write_text(bad.read_text(encoding="utf-8").replace('"spans": []', '"spans": 5'),
                   encoding="utf-8")
    serial = v.validate_project(project, use_cache=False, workers=1)
    old = v.PARALLEL_MIN_FILES
    v.PARALLEL_MIN_FILES = 1
    try:
        parallel = v.validate_project(project, use_cache=False, workers=2)
    finally:
        v.PARALLEL_MIN_FILES = old
    assert parallel.files == serial.files
    assert "annotations/alice/d3.json" in serial.files and serial.errors == 1
    # The workers really ran (no silent fallback to the serial path).
    items = [(f"annotations/alice/d{i}.json", "alice", f"d{i}") for i in range(12)]
    checked = v._check_in_workers(str(project.root), items, 2, None)
    assert checked is not None and len(checked[0]) == 12
    assert checked[1] == v._check_files(str(project.root), items)[1]  # the same contents


def test_init_never_writes_over_an_existing_codebook_or_data(tmp_path):
    folder = tmp_path / "x"
    folder.mkdir()
    (folder / "codebook.json").write_text('{"my": "own notes"}', encoding="utf-8")
    with pytest.raises(AnnotatorError, match=r"already holds codebook\.json"):
        Project.init(folder)
    assert (folder / "codebook.json").read_text(encoding="utf-8") == '{"my": "own notes"}'
    assert not (folder / "project.json").exists()
    empty = tmp_path / "empty"
    (empty / "documents").mkdir(parents=True)
    Project.init(empty)  # empty folders are fine


@pytest.mark.parametrize("policy, message", [
    ("lf", "text_policy must be an object"),
    ({"newlines": "crlf"}, "text_policy.newlines: 'crlf' is not one of lf, keep"),
])
def test_bad_text_policy_is_a_clear_error(tmp_path, policy, message):
    import json

    project = Project.init(tmp_path / "p")
    meta = json.loads((project.root / "project.json").read_text(encoding="utf-8"))
    meta["text_policy"] = policy
    (project.root / "project.json").write_text(json.dumps(meta), encoding="utf-8")
    with pytest.raises(AnnotatorError, match=r"project\.json") as exc:
        Project.open(project.root).text_policy  # noqa: B018
    assert message in str(exc.value)


@pytest.mark.parametrize("damage", [
    '{"annotator": "%s", "codebook": "%s", "files": []}',
    '{"annotator": "%s", "codebook": "%s", "files": {"annotations/alice/d0.json": 5}}',
    '{"annotator": "%s", "codebook": "%s", "files": {"annotations/alice/d0.json": '
    '{"key": %s, "issues": [{"msg": "x"}]}}}',
])
def test_damaged_validation_cache_is_only_a_slower_run(tmp_path, damage):
    import json

    from annotator import __version__
    from annotator.core.model import Document
    from annotator.storage.validate import CACHE_NAME, validate_project

    project = Project.init(tmp_path / "p")
    project.add_documents([Document("d0", "نص")])
    doc = project.load_document("d0")
    aset, _ = project.load_annotations("alice", doc)
    project.save_annotations(aset, doc)
    first = validate_project(project)
    key = json.loads((project.state_dir / CACHE_NAME).read_text(encoding="utf-8"))[
        "files"]["annotations/alice/d0.json"]["key"]
    args = (__version__, project.codebook.sha256) + ((json.dumps(key),) if "%s}" in damage
                                                     or damage.count("%s") == 3 else ())
    (project.state_dir / CACHE_NAME).write_text(damage % args, encoding="utf-8")
    again = validate_project(project)
    assert again.files == first.files and again.checked == 1


def test_dangling_document_link_is_reported_not_a_crash(tmp_path):
    from annotator.storage.validate import validate_project

    project = Project.init(tmp_path / "p")
    (project.documents_dir / "ghost.json").symlink_to(tmp_path / "nowhere.json")
    report = validate_project(project)
    assert "documents/ghost.json" in report.files and report.errors == 1
