"""The document list's rows and their cache: unchanged files are not read again, changed ones
always are, and a damaged cache or read-only project only costs speed."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from annotator.core.model import Document
from annotator.storage import listing
from annotator.storage.listing import CACHE_NAME, Row, document_rows
from annotator.storage.project import Project


@pytest.fixture
def project(tmp_path: Path) -> Project:
    p = Project.init(tmp_path / "p")
    p.add_documents([Document("a", "نص أول", {"title": "العنوان الأول"}),
                     Document("b", "نص ثان", {}),
                     Document("c", "نص ثالث", {"title": "Third"})])
    for doc_id, status in (("a", "skipped"), ("c", "in_progress")):
        doc = p.load_document(doc_id)
        aset = p.new_annotation_set("amal", doc)
        aset.status = status
        p.save_annotations(aset, doc)
    return p


@pytest.fixture
def reads(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    seen: list[str] = []
    real = listing.read_json

    def counting(path):  # type: ignore[no-untyped-def]
        seen.append(Path(path).name if Path(path).parent.name != ".annotator" else "cache")
        return real(path)

    monkeypatch.setattr(listing, "read_json", counting)
    return seen


def test_rows_have_titles_and_the_coders_status(project: Project) -> None:
    assert document_rows(project, "amal") == [
        Row("a", "العنوان الأول", "skipped"), Row("b", "b", "not_started"),
        Row("c", "Third", "in_progress")]
    assert [r.status for r in document_rows(project, "nobody")] == ["not_started"] * 3


def test_unchanged_files_are_not_read_again_and_changed_ones_are(project, reads) -> None:  # type: ignore[no-untyped-def]
    document_rows(project, "amal")
    assert sorted(reads) == ["a.json", "a.json", "b.json", "c.json", "c.json"]
    reads.clear()
    assert document_rows(project, "amal")[2].status == "in_progress"
    assert reads == ["cache"]
    # The coder skips c: the new status shows, and only that file is read.
    doc = project.load_document("c")
    aset, _ = project.load_annotations("amal", doc)
    aset.status = "skipped"
    project.save_annotations(aset, doc)
    reads.clear()
    assert document_rows(project, "amal")[2] == Row("c", "Third", "skipped")
    assert reads == ["cache", "c.json"]


def test_each_coder_keeps_its_own_entries(project: Project, reads) -> None:  # type: ignore[no-untyped-def]
    document_rows(project, "amal")
    document_rows(project, "omar")
    reads.clear()
    document_rows(project, "amal")
    assert reads == ["cache"]


def test_a_damaged_cache_is_rebuilt_and_rows_stay_right(project: Project) -> None:
    expected = document_rows(project, "amal")
    cache = project.state_dir / CACHE_NAME
    for damage in ("{not json", json.dumps({"annotator": "0", "documents": []}),
                   json.dumps({"annotator": listing.__version__,
                               "documents": {"a": [1, 2, 3]}, "sets": {"amal": {"a": "x"}}})):
        cache.write_text(damage, encoding="utf-8")
        assert document_rows(project, "amal") == expected
    assert json.loads(cache.read_text(encoding="utf-8"))["documents"]["a"][2] == "العنوان الأول"


def test_a_stale_entry_with_the_wrong_stamp_is_not_used(project: Project) -> None:
    document_rows(project, "amal")
    cache = project.state_dir / CACHE_NAME
    data = json.loads(cache.read_text(encoding="utf-8"))
    data["sets"]["amal"]["a"][2] = "done"  # what the cache says...
    data["sets"]["amal"]["a"][1] -= 1  # ...for an older version of the file
    cache.write_text(json.dumps(data), encoding="utf-8")
    assert document_rows(project, "amal")[0].status == "skipped"


def test_unreadable_and_large_files(project: Project, monkeypatch: pytest.MonkeyPatch) -> None:
    project.annotation_path("amal", "c").write_bytes(b"\xff\xfe not json")
    monkeypatch.setattr(listing, "TITLE_READ_LIMIT", 10)  # every document is "large"
    rows = document_rows(project, "amal", use_cache=False)
    assert [(r.title, r.status) for r in rows] == [
        ("a", "skipped"), ("b", "not_started"), ("c", "unreadable")]
    assert not (project.state_dir / CACHE_NAME).exists()


def test_a_project_that_cannot_be_written_still_lists(project: Project,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*args, **kwargs):  # type: ignore[no-untyped-def]
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(listing, "atomic_write_json", refuse)
    assert len(document_rows(project, "amal")) == 3
    assert not (project.state_dir / CACHE_NAME).exists()
