"""Adding a batch of documents: exclusive names, a constant number of syncs, and a batch that
stops part-way (a full disk) saying exactly what it wrote."""

from __future__ import annotations

import errno
import os
from pathlib import Path

import pytest

from annotator.core.model import Document
from annotator.errors import AnnotatorError
from annotator.storage import atomic, batch
from annotator.storage.atomic import is_temp_name, read_json
from annotator.storage.batch import ALREADY, NOT_WRITTEN, WRITTEN
from annotator.storage.project import Project


@pytest.fixture
def project(tmp_path: Path) -> Project:
    return Project.init(tmp_path / "p")


def docs(n: int, prefix: str = "d", text: str = "نص") -> list[Document]:
    return [Document(f"{prefix}{i:03d}", f"{text} {i}", {"title": f"{prefix}{i}"})
            for i in range(n)]


def stored(project: Project) -> dict[str, str]:
    """id -> text of every document file, each checked whole (parses, id and SHA-256 agree)."""
    out = {}
    for name in os.listdir(project.documents_dir):
        assert not is_temp_name(name), f"temp file left: {name}"
        out[name[:-5]] = project.load_document(name[:-5]).text
    return out


def test_a_batch_is_written_whole_with_a_constant_number_of_fsyncs(project: Project,
                                                                   monkeypatch) -> None:
    calls = []
    real_fsync = os.fsync
    monkeypatch.setattr(os, "fsync", lambda fd: (calls.append(fd), real_fsync(fd))[1])
    batch_docs = docs(50)
    report = project.store_documents(batch_docs)
    assert report.stopped == ""
    assert report.written == [d.id for d in batch_docs]
    assert stored(project) == {d.id: d.text for d in batch_docs}
    assert len(calls) <= 1  # the folder, once: the files' data went with one syncfs/sync


def test_each_file_holds_the_bytes_of_the_general_json_writer(project: Project) -> None:
    texts = ['قال "المتحدث"\nإن', "C:\\new \\n", "💥\u2028\u2029", "a\tb\rc\x01", "\ufeff"]
    batch_docs = [Document(f"h{i}", t, {"title": t, "n": i}) for i, t in enumerate(texts)]
    project.store_documents(batch_docs)
    for doc in batch_docs:
        assert project.document_path(doc.id).read_bytes() == atomic.dump_bytes(doc.to_dict())


def test_each_temp_file_is_removed_once(project: Project, monkeypatch) -> None:
    """Published by a link, then its temp name removed: one unlink each, not a second one
    that finds nothing (a system call per document)."""
    removed = []
    real_unlink = os.unlink
    monkeypatch.setattr(os, "unlink", lambda path: (removed.append(path), real_unlink(path)))
    report = project.store_documents(docs(20))
    monkeypatch.undo()
    assert len(report.written) == 20
    assert len(removed) == 20 and all(is_temp_name(os.path.basename(p)) for p in removed)


def test_the_same_text_under_the_same_id_is_already_there(project: Project) -> None:
    project.store_documents(docs(3))
    again = docs(3)
    again[1].text, again[1].sha256 = "نص آخر", ""
    again[1].__post_init__()
    report = project.store_documents(again)
    assert [(o.id, o.status) for o in report.outcomes] == [
        ("d000", ALREADY), ("d001-2", WRITTEN), ("d002", ALREADY)]
    assert stored(project)["d001-2"] == "نص آخر"


def test_a_name_taken_meanwhile_is_never_overwritten(project: Project, monkeypatch) -> None:
    """Another import creates d001 between this batch's planning and its publishing."""
    theirs = Document("d001", "نص الاستيراد الآخر")
    real_sync = batch._sync

    def other_import_first(folder, anything):
        real_sync(folder, anything)
        (folder / "d001.json").write_bytes(atomic.dump_bytes(theirs.to_dict()))

    monkeypatch.setattr(batch, "_sync", other_import_first)
    ours = docs(3)
    report = project.store_documents(ours)
    assert report.written == ["d000", "d001-2", "d002"]
    assert [(o.asked, o.id) for o in report.renamed] == [("d001", "d001-2")]
    texts = stored(project)
    assert texts["d001"] == theirs.text
    assert texts["d001-2"] == "نص 1"
    assert read_json(project.document_path("d001-2"))["id"] == "d001-2"


def test_add_documents_refuses_a_name_taken_meanwhile_and_says_what_it_wrote(
        project: Project, monkeypatch) -> None:
    real_sync = batch._sync

    def other_import_first(folder, anything):
        real_sync(folder, anything)
        (folder / "d001.json").write_bytes(
            atomic.dump_bytes(Document("d001", "آخر").to_dict()))

    monkeypatch.setattr(batch, "_sync", other_import_first)
    with pytest.raises(AnnotatorError) as info:
        project.add_documents(docs(3))
    message = str(info.value)
    assert "d001.json" in message and "another text already exists" in message
    assert "Written before that: 1 document(s) (d000)" in message
    assert "not written: 2 (d001, d002)" in message
    assert sorted(stored(project)) == ["d000", "d001"]
    assert stored(project)["d001"] == "آخر"


def full_disk_after(monkeypatch, n_files: int) -> None:
    """The disk fills up while the ``n_files + 1``-th document is written (one write each)."""
    real_write = os.write
    writes = []

    def write(fd, data):
        writes.append(fd)
        if len(writes) > n_files:
            raise OSError(errno.ENOSPC, "No space left on device")
        return real_write(fd, data)

    monkeypatch.setattr(batch.os, "write", write)


def test_a_full_disk_mid_batch_says_what_was_written_and_what_not(project: Project,
                                                                  monkeypatch) -> None:
    full_disk_after(monkeypatch, 2)
    report = project.store_documents(docs(5))
    monkeypatch.undo()
    assert [o.status for o in report.outcomes] == [WRITTEN] * 2 + [NOT_WRITTEN] * 3
    assert "d002.json: cannot save the file (the disk is full)" in report.stopped
    assert stored(project) == {"d000": "نص 0", "d001": "نص 1"}  # whole, and no temp left
    # Run again once there is room: the rest goes in, nothing twice.
    report = project.store_documents(docs(5))
    assert [o.status for o in report.outcomes] == [ALREADY] * 2 + [WRITTEN] * 3
    assert sorted(stored(project)) == [f"d{i:03d}" for i in range(5)]


def test_a_failed_sync_publishes_nothing(project: Project, monkeypatch) -> None:
    def fail(folder, anything):
        raise batch._WriteError(f"{folder}: cannot make the new documents durable (the disk "
                                "is full)")

    monkeypatch.setattr(batch, "_sync", fail)
    report = project.store_documents(docs(3))
    assert report.written == [] and report.ids(NOT_WRITTEN) == ["d000", "d001", "d002"]
    assert "the disk is full" in report.stopped
    assert os.listdir(project.documents_dir) == []


def test_a_refused_link_stops_the_batch_after_what_it_published(project: Project,
                                                                monkeypatch) -> None:
    real_link = os.link
    made = []

    def link(src, dst):
        if made:
            raise OSError(errno.EIO, "Input/output error")
        made.append(dst)
        real_link(src, dst)

    monkeypatch.setattr(os, "link", link)
    report = project.store_documents(docs(3))
    monkeypatch.undo()
    assert report.written == ["d000"] and report.ids(NOT_WRITTEN) == ["d001", "d002"]
    assert "d001.json: cannot save the file (the disk reported an input/output error" \
        in report.stopped
    assert list(stored(project)) == ["d000"]


def test_without_hard_links_documents_are_renamed_into_place(project: Project,
                                                             monkeypatch) -> None:
    def no_link(*args, **kwargs):
        raise OSError(errno.EPERM, "Operation not permitted")

    monkeypatch.setattr(os, "link", no_link)
    project.store_documents(docs(2))
    report = project.store_documents(docs(3))
    assert [o.status for o in report.outcomes] == [ALREADY, ALREADY, WRITTEN]
    assert sorted(stored(project)) == ["d000", "d001", "d002"]


def test_stale_temps_of_a_killed_batch_are_removed_by_the_next(project: Project) -> None:
    dead = atomic.temp_path(project.document_path("d000")).name.replace(
        f"-{os.getpid()}.", "-999999999.")
    (project.documents_dir / dead).write_bytes(b'{"id": "d0')
    project.store_documents(docs(1))
    assert sorted(os.listdir(project.documents_dir)) == ["d000.json"]
