"""A project's agreement: pairs of coders over the documents both coded, by status, reading only
(but for the memo of files found clean, a cache), and saying which files it could not use."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from annotator.core.model import Document, Span
from annotator.errors import AnnotatorError
from annotator.storage.agreement import project_agreement
from annotator.storage.project import Project
from annotator.storage.readers import read_json_file
from annotator.storage.validate import iter_clean, validate_project

TEXTS = {"d1": "هاجم مسلحون حاجزا للجيش", "d2": "قتل ثلاثة جنود قرب البوكمال",
         "d3": "أعلنت الحكومة النفير العام"}


def code(project: Project, coder: str, doc_id: str, words: list[tuple[str, str]],
         status: str = "done") -> None:
    doc = project.load_document(doc_id)
    aset, _ = project.load_annotations(coder, doc)
    for k, (w, label) in enumerate(words):
        start = doc.text.index(w)
        aset.spans.append(Span(f"s{k}", start, start + len(w), label, w))
    aset.status = status
    aset.fields = {"relevance": "relevant"}  # what the codebook requires of a done document
    project.save_annotations(aset, doc)


@pytest.fixture()
def project(tmp_path: Path) -> Project:
    p = Project.init(tmp_path / "p")
    p.add_documents([Document(d, t) for d, t in TEXTS.items()])
    code(p, "amira", "d1", [("مسلحون", "ACTOR"), ("حاجزا للجيش", "LOCATION")])
    code(p, "omar", "d1", [("مسلحون", "ACTOR"), ("للجيش", "LOCATION")])
    code(p, "amira", "d2", [("البوكمال", "LOCATION")])
    code(p, "omar", "d2", [("البوكمال", "LOCATION")], status="in_progress")
    code(p, "layla", "d3", [("الحكومة", "ACTOR")])
    return p


def snapshot(root: Path) -> dict[str, bytes]:
    """Every file of the project but its caches (``.annotator/``)."""
    return {str(p): p.read_bytes() for p in sorted(root.rglob("*"))
            if p.is_file() and ".annotator" not in p.relative_to(root).parts}


def memo(project: Project) -> dict[tuple[str, str], bytes]:
    return {(d, c): digest for d, c, digest in iter_clean(project)}


def test_pairs_over_the_documents_both_coded_with_the_status(project):
    before = snapshot(project.root)
    result = project_agreement(project)
    assert snapshot(project.root) == before  # only reads (its caches aside)
    pairs = {(p.a, p.b): p for p in result.pairs}
    assert list(pairs) == [("amira", "layla"), ("amira", "omar"), ("layla", "omar")]
    assert pairs[("amira", "layla")].documents == 0
    done = pairs[("amira", "omar")]
    assert done.documents == 1 and done.spans_strict.matched == 1  # d2 is in progress for omar
    anything = project_agreement(project, coders=["omar", "amira"], status=None).pairs
    assert len(anything) == 1 and anything[0].documents == 2
    assert anything[0].spans_strict.matched == 2 and anything[0].spans_lenient.matched == 3


def test_coders_must_exist_and_be_two(project):
    with pytest.raises(AnnotatorError, match="no annotations by 'zaid'"):
        project_agreement(project, coders=["amira", "zaid"])
    with pytest.raises(AnnotatorError, match="two coders or more"):
        project_agreement(project, coders=["amira"])


def test_files_that_cannot_be_used_are_listed_not_raised(project):
    path = project.annotation_path("omar", "d1")
    path.write_text("{not json", encoding="utf-8")
    other = project.annotation_path("omar", "d2")
    data = json.loads(other.read_text(encoding="utf-8"))
    data["spans"] = 5
    other.write_text(json.dumps(data), encoding="utf-8")
    result = project_agreement(project, coders=["amira", "omar"], status=None)
    assert result.pairs[0].documents == 0
    assert len(result.problems) == 2
    assert str(path) in result.problems[0] and "d2.json" in result.problems[1]


def test_files_the_fast_reader_cannot_read_say_what_the_plain_reader_says(project):
    """Agreement reads each file once with the fast reader; a file it cannot use is named with
    the message of the plain reader (``read_json_file``, ``load_document``), word for word."""
    wide = project.annotation_path("omar", "d1")
    wide.write_bytes(wide.read_text(encoding="utf-8").encode("utf-16"))
    nul = project.annotation_path("amira", "d2")
    nul.write_bytes(b'{"spans": \x00}')
    folder = project.annotation_path("omar", "d2")
    folder.unlink()
    folder.mkdir()
    expected = []
    for path in (wide, nul, folder):
        with pytest.raises(AnnotatorError) as caught:
            read_json_file(path)
        expected.append(str(caught.value))
    result = project_agreement(project, status=None)
    assert sorted(result.problems) == sorted(expected) and result.compared == 0
    broken = project.documents_dir / "d1.json"
    data = json.loads(broken.read_text(encoding="utf-8"))
    data["text"] += " "  # no longer the text its SHA-256 names
    broken.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(AnnotatorError) as caught:
        project.load_document("d1")
    assert str(caught.value) in project_agreement(project, status=None).problems


def test_progress_and_cancel(project):
    seen: list[tuple[int, int]] = []
    result = project_agreement(project, status=None, progress=lambda d, t: seen.append((d, t)),
                               cancelled=lambda: len(seen) == 1)
    assert result.cancelled and seen == [(1, 2)]  # the documents two coders coded
    assert {p.documents for p in result.pairs} == {0, 1}  # d1 only


def test_a_file_name_no_document_can_have_is_passed_over(project):
    (project.documents_dir / "bad name.json").write_text("{}", encoding="utf-8")
    result = project_agreement(project, coders=["amira", "omar"])
    assert result.pairs[0].documents == 1 and not result.problems


def test_a_stale_or_out_of_range_file_is_left_out_not_counted(project):
    stale = project.annotation_path("omar", "d1")
    data = json.loads(stale.read_text(encoding="utf-8"))
    data["document"]["sha256"] = "f" * 64  # made for another text
    stale.write_text(json.dumps(data), encoding="utf-8")
    result = project_agreement(project, coders=["amira", "omar"], status=None)
    assert result.pairs[0].documents == 1  # d2 only
    assert result.problems == [f"{stale}: left out: error: $.document.sha256: the document "
                               "text has changed since this file was made (SHA-256 differs): "
                               "offsets may point at the wrong text"]
    past = project.annotation_path("amira", "d2")
    data = json.loads(past.read_text(encoding="utf-8"))
    data["spans"][0]["end"] = 500
    past.write_text(json.dumps(data), encoding="utf-8")
    result = project_agreement(project, coders=["amira", "omar"], status=None)
    assert result.pairs[0].documents == 0 and result.compared == 0
    assert "past the end of the text" in result.problems[1]


def test_gold_is_left_out_unless_named(project):
    code(project, "gold", "d1", [("مسلحون", "ACTOR")])
    assert project_agreement(project).coders == ["amira", "layla", "omar"]
    named = project_agreement(project, coders=["gold", "amira"])
    assert named.coders == ["amira", "gold"] and named.pairs[0].documents == 1
    for coder in ("layla", "omar"):
        for path in (project.annotations_dir / coder).iterdir():
            path.unlink()
        (project.annotations_dir / coder).rmdir()
    with pytest.raises(AnnotatorError, match="'gold' holds adjudicated sets"):
        project_agreement(project, coders=None)


def test_by_document_lists_the_documents_in_dispute(project):
    result = project_agreement(project, status=None, by_document=True)
    assert [d.document for d in result.documents] == ["d1"]  # d2 agreed, d3 one coder
    [d1] = result.documents
    assert d1.coders == ("amira", "omar") and d1.counts() == {"boundary": 1}
    assert project_agreement(project, status=None).documents is None


def test_counted_in_worker_processes_the_same_as_here(project, monkeypatch):
    import annotator.storage.agreement as agreement

    for k in range(4, 12):
        project.add_documents([Document(f"d{k}", TEXTS["d1"])])
        code(project, "amira", f"d{k}", [("مسلحون", "ACTOR"), ("حاجزا للجيش", "LOCATION")])
        words = [("للجيش", "TIME")] if k % 2 else [("مسلحون", "ACTOR"), ("للجيش", "TIME")]
        code(project, "omar", f"d{k}", words)
        code(project, "layla", f"d{k}", [("هاجم", "ACTOR")])
    broken = project.annotation_path("layla", "d7")
    broken.write_text("[", encoding="utf-8")
    here = project_agreement(project, status=None, by_document=True, workers=1)
    monkeypatch.setattr(agreement, "PARALLEL_MIN_DOCUMENTS", 2)
    monkeypatch.setattr(agreement, "_CHUNK", 3)
    seen: list[tuple[int, int]] = []
    there = project_agreement(project, status=None, by_document=True, workers=2,
                              progress=lambda d, t: seen.append((d, t)))
    assert there.group.to_dict() == here.group.to_dict()
    assert [d.to_dict() for d in there.documents] == [d.to_dict() for d in here.documents]
    assert there.problems == here.problems and len(here.problems) == 1
    assert there.compared == here.compared == 10
    assert seen[-1] == (10, 10) and len(seen) >= 2


def test_files_the_last_validate_found_clean_are_not_checked_again(project, monkeypatch):
    import annotator.storage.agreement as agreement
    from annotator.storage.validate import validate_project

    validate_project(project)  # writes the memo of clean files
    checked: list[str] = []
    real = agreement.semantic_issues

    def counting(data, **kwargs):  # type: ignore[no-untyped-def]
        checked.append(data["coder"] + "/" + data["document"]["id"])
        return real(data, **kwargs)

    monkeypatch.setattr(agreement, "semantic_issues", counting)
    first = project_agreement(project, status=None)
    assert checked == [] and first.pairs[1].documents == 2  # amira and omar
    # A file changed since: its bytes are not the memo's, so it is checked, and left out.
    path = project.annotation_path("omar", "d2")
    data = json.loads(path.read_text(encoding="utf-8"))
    data["spans"][0]["label"] = "NO_SUCH_LABEL"
    path.write_text(json.dumps(data), encoding="utf-8")
    second = project_agreement(project, status=None)
    assert checked == ["omar/d2"] and "unknown label 'NO_SUCH_LABEL'" in second.problems[0]


def test_files_found_clean_are_remembered_as_validate_would(project, monkeypatch):
    """A count checks each file as ``validate`` does and adds the clean ones to its memo, with
    the same digests, so the next count (or export) does not check those bytes again."""
    project_agreement(project, status=None)
    remembered = memo(project)
    assert sorted(remembered) == [("d1", "amira"), ("d1", "omar"), ("d2", "amira"),
                                  ("d2", "omar")]  # d3 has one coder: not read
    validate_project(project, use_cache=False)  # writes the memo afresh from its own checks
    assert {k: v for k, v in memo(project).items() if k in remembered} == remembered

    from annotator.storage import agreement as module
    checked: list[str] = []
    real = module.semantic_issues

    def counting(data, **kwargs):  # type: ignore[no-untyped-def]
        checked.append(data["document"]["id"])
        return real(data, **kwargs)

    monkeypatch.setattr(module, "semantic_issues", counting)
    first = project_agreement(project, status=None)
    assert checked == []  # every file trusted from the memo
    doc = project.load_document("d1")
    aset, _ = project.load_annotations("omar", doc)
    del aset.spans[-1]  # changed bytes: checked again
    project.save_annotations(aset, doc)
    second = project_agreement(project, status=None)
    assert checked == ["d1"] and second.pairs != first.pairs
    checked.clear()
    project_agreement(project, status=None)  # the changed file's new digest was remembered
    assert checked == []


def test_a_file_with_an_error_is_not_remembered(project):
    path = project.annotation_path("omar", "d1")
    data = read_json_file(path)
    data["spans"][0]["end"] = 999  # out of the text
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    result = project_agreement(project, status=None)
    assert any("omar" in p and "d1" in p for p in result.problems)
    assert ("d1", "omar") not in memo(project) and ("d1", "amira") in memo(project)


def test_bytes_that_were_not_the_ones_checked_are_not_remembered(project, monkeypatch):
    """The file changed between the first read (bytes that do not parse) and the read that
    gave its data: the memo must not call the first bytes clean."""
    from annotator.storage import agreement as module

    path = project.annotation_path("omar", "d1")
    real_read = module._read

    def torn(p):  # type: ignore[no-untyped-def]
        raw = real_read(p)
        return raw[:len(raw) // 2] if raw is not None and p == str(path) else raw

    monkeypatch.setattr(module, "_read", torn)
    result = project_agreement(project, status=None)
    assert result.problems == [] and ("d1", "amira") in memo(project)
    assert ("d1", "omar") not in memo(project)


def test_a_count_on_a_thread_leaves_the_cycle_collector_on(project):
    """Switching the collector off is the whole process's: the window counts on a thread while
    its own thread keeps making cycles, so only a process doing nothing else turns it off."""
    import gc
    import threading

    seen: list[bool] = []
    worker = threading.Thread(target=lambda: project_agreement(
        project, progress=lambda done, total: seen.append(gc.isenabled())))
    worker.start()
    worker.join()
    assert seen and all(seen)
    seen.clear()
    project_agreement(project, progress=lambda done, total: seen.append(gc.isenabled()))
    assert seen and not any(seen) and gc.isenabled()  # alone: off meanwhile, on after
