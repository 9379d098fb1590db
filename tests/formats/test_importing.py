"""import_annotations: the label map, the text policy, documents and files already in the
project, dry runs, coders, and all-or-nothing unless skip_invalid."""

from __future__ import annotations

import json
import socket

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from test_fixtures_formats import all_sets

from annotator.core.text import TextPolicy
from annotator.errors import AnnotatorError
from annotator.formats.importing import import_annotations, parse_label_map
from annotator.formats.native_jsonl import read_native_jsonl
from annotator.storage.lock import FileLock
from annotator.storage.project import Project


def doccano_file(tmp_path, records, name="d.jsonl"):
    path = tmp_path / name
    path.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in records) + "\n",
                    encoding="utf-8")
    return path


def test_label_map_entries():
    lm = parse_label_map(["Protein=ACTOR", "role:Theme=target", "type:Attack=battles.armed_clash",
                          "field:Negation=polarity=negative"])
    assert lm.get("label", "Protein") == "ACTOR" and lm.get("type", "Protein") == "ACTOR"
    assert lm.get("role", "Theme") == "target" and lm.get("label", "Theme") == "Theme"
    assert lm.get("type", "Attack") == "battles.armed_clash"
    assert lm.get("field", "Negation") == "polarity=negative"
    assert parse_label_map({"A": "B"}).get("label", "A") == "B"
    for bad in ("Protein", "=ACTOR", "Protein="):
        with pytest.raises(AnnotatorError, match="OLD=NEW"):
            parse_label_map([bad])


def test_unknown_labels_write_nothing_and_are_counted(tmp_path):
    project = Project.init(tmp_path / "p")
    path = doccano_file(tmp_path, [{"text": "الجيش في دير الزور",
                                    "label": [[0, 5, "ORG"], [9, 18, "GPE"], [9, 12, "GPE"]]}])
    report = import_annotations(project, "doccano", [path], coder="c")
    assert not report.written and project.document_ids() == []
    assert report.unknown["label"] == {"ORG": 1, "GPE": 2}
    assert report.label_map_hint() == "--label-map GPE=NEW --label-map ORG=NEW"  # pasteable
    assert "Imported nothing" in report.summary() and "GPE=NEW" in report.summary()
    report = import_annotations(project, "doccano", [path], coder="c", dry_run=True,
                                label_map=["ORG=ACTOR", "GPE=LOCATION"])
    assert report.dry_run and not report.written and report.spans == 3
    assert project.document_ids() == []
    report = import_annotations(project, "doccano", [path], coder="c",
                                label_map=["ORG=ACTOR", "GPE=LOCATION"])
    assert report.written
    [aset] = all_sets(project).values()
    assert [(s.label, s.text) for s in aset.spans] == [
        ("ACTOR", "الجيش"), ("LOCATION", "دير"), ("LOCATION", "دير الزور")]
    assert aset.status == "in_progress" and aset.coder == "c"


def test_skip_invalid_leaves_out_items_and_lists_them(tmp_path):
    project = Project.init(tmp_path / "p")
    path = doccano_file(tmp_path, [
        {"text": "الجيش في دير الزور", "label": [[0, 5, "ACTOR"], [9, 18, "GPE"]]},
        {"text": "", "label": []},
        {"label": []},
    ])
    report = import_annotations(project, "doccano", [path], coder="c", skip_invalid=True)
    assert report.written and report.annotation_sets == 1 and report.left_out == 2
    assert report.problem_count == 3
    assert any("GPE" in p for p in report.problems)
    assert any("line 2" in p and "empty" in p for p in report.problems)
    assert any("line 3" in p and "no text" in p for p in report.problems)


def test_the_coder_comes_from_the_call_or_the_file(tmp_path):
    project = Project.init(tmp_path / "p")
    path = doccano_file(tmp_path, [{"text": "نص", "label": []}])
    with pytest.raises(AnnotatorError, match=r"d\.jsonl: line 1: does not say whose "
                                             r"annotations these are: name the coder"):
        import_annotations(project, "doccano", [path])
    assert project.document_ids() == [] and project.coders() == []
    named = doccano_file(tmp_path, [{"text": "نص", "label": [], "coder": "amira"}], "n.jsonl")
    assert import_annotations(project, "doccano", [named]).written
    assert project.coders() == ["amira"]
    with pytest.raises(AnnotatorError, match="coder name"):
        import_annotations(project, "doccano", [path], coder="../x")
    with pytest.raises(AnnotatorError, match="no such file"):
        import_annotations(project, "doccano", [tmp_path / "missing.jsonl"], coder="c")


def test_a_format_that_never_names_a_coder_is_refused_before_reading(tmp_path, monkeypatch):
    from annotator.formats import brat

    project = Project.init(tmp_path / "p")
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "x.txt").write_text("نص", encoding="utf-8")
    (tmp_path / "b" / "x.ann").write_text("T1\tACTOR 0 2\tنص\n", encoding="utf-8")

    def never(*args, **kwargs):
        raise AssertionError("read before the coder was asked for")

    monkeypatch.setattr(brat, "read_brat", never)
    with pytest.raises(AnnotatorError, match=r"^brat files do not say whose annotations they "
                                             r"hold: name the coder \(--coder NAME\)$"):
        import_annotations(project, "brat", [tmp_path / "b"])
    assert project.document_ids() == []


def test_existing_documents_and_annotation_files(tmp_path):
    project = Project.init(tmp_path / "p")
    first = doccano_file(tmp_path, [{"doc_id": "d1", "text": "نص أول", "label": [[0, 2, "ACTOR"]]}])
    assert import_annotations(project, "doccano", [first], coder="c").written
    again = import_annotations(project, "doccano", [first], coder="c")
    assert not again.written and "already has annotations" in again.problems[0]
    replaced = import_annotations(project, "doccano", [first], coder="c", overwrite=True)
    assert replaced.written and replaced.documents_reused == 1
    assert (project.annotations_dir / "c" / "d1.json.bak").is_file()
    other = doccano_file(tmp_path, [{"doc_id": "d1", "text": "نص آخر", "label": []}], "o.jsonl")
    clash = import_annotations(project, "doccano", [other], coder="k")
    assert not clash.written and "different text" in clash.problems[0]
    twice = doccano_file(tmp_path, [{"doc_id": "n", "text": "س", "label": []},
                                    {"doc_id": "n", "text": "س", "label": []}], "t.jsonl")
    dup = import_annotations(project, "doccano", [twice], coder="c")
    assert not dup.written and "second annotation set" in dup.problems[0]


def test_a_normalizing_policy_refuses_text_it_would_change(tmp_path):
    project = Project.init(tmp_path / "p", policy=TextPolicy(normalization="NFC"))
    path = doccano_file(tmp_path, [{"text": "e\u0301 x", "label": [[2, 3, "ACTOR"]]}])
    report = import_annotations(project, "doccano", [path], coder="c")
    assert not report.written and "normalization" in report.problems[0]


@given(st.lists(st.sampled_from(["سطر", "😀", " ", "\r\n", "\r", "\n", "\ufeff", "ً"]),
                min_size=1, max_size=20).map("".join), st.data())
@settings(max_examples=60, deadline=None)
def test_offsets_move_with_the_text_policy(text, data):
    """Whatever CR/LF/BOM the source has, each imported span covers the same characters
    (CRLF read as one LF) or is reported; never another text."""
    import tempfile
    from pathlib import Path

    if not text.replace("\ufeff", "").strip():
        return
    start = data.draw(st.integers(0, len(text) - 1))
    end = data.draw(st.integers(start + 1, len(text)))
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        project = Project.init(root / "p")  # bom=strip, newlines=lf
        rec = {"text": text, "label": [[len(text[:start].encode("utf-16-le")) // 2,
                                        len(text[:end].encode("utf-16-le")) // 2, "ACTOR"]]}
        path = doccano_file(root, [rec])
        report = import_annotations(project, "doccano", [path], coder="c", skip_invalid=True)
        sets = all_sets(project)
        policy = TextPolicy()
        if not sets:
            assert report.problem_count
            return
        [aset] = sets.values()
        stored = project.load_document(aset.document_id).text
        assert stored == policy.apply(text)
        # The policy drops one leading BOM (a second one is text, and stays).
        expected = policy.apply(text[start:end]) if start == 0 else \
            policy.apply("x" + text[start:end])[1:]
        if aset.spans:
            [s] = aset.spans
            assert stored[s.start:s.end] == s.text
            # The span's characters are the source's, up to CRLF/CR -> LF and a dropped BOM.
            assert s.text.replace("\n", "") == expected.replace("\n", "").replace("\r", "")
        else:
            assert report.problem_count


def test_native_jsonl_reader_reports_bad_lines(tmp_path):
    path = tmp_path / "x.jsonl"
    path.write_text('{"id": 1}\nnot json\n\n', encoding="utf-8")
    docs = list(read_native_jsonl([path], {}))
    assert "not an annotator export record" in docs[0].problems[0]
    assert "not valid JSON" in docs[1].problems[0]
    project = Project.init(tmp_path / "p")
    report = import_annotations(project, "jsonl", [path])
    assert not report.written and report.left_out == 2


def test_cancel_during_the_check_writes_nothing(tmp_path):
    project = Project.init(tmp_path / "p")
    path = doccano_file(tmp_path, [{"text": "س", "label": []}, {"text": "ص", "label": []}])
    report = import_annotations(project, "doccano", [path], coder="c", cancelled=lambda: True)
    assert report.cancelled and project.document_ids() == []
    seen = []
    import_annotations(project, "doccano", [path], coder="c",
                       progress=lambda d, t: seen.append((d, t)))
    assert seen == [(1, 0), (2, 0), (1, 2), (2, 2)]


def test_cancel_while_writing_says_what_was_written(tmp_path):
    project = Project.init(tmp_path / "p")
    path = doccano_file(tmp_path, [{"text": t, "label": []} for t in ("س", "ص", "ع")])
    seen: list[tuple[int, int]] = []
    report = import_annotations(project, "doccano", [path], coder="c",
                                progress=lambda d, t: seen.append((d, t)),
                                cancelled=lambda: seen[-1:] == [(1, 3)])
    assert report.cancelled and not report.written
    assert report.sets_written == 1 and len(project.document_ids()) == 1
    assert report.summary().startswith("Import cancelled after writing 1 of 3 annotation set(s)")
    # Finishing it: the one written is replaced, the other two are added.
    report = import_annotations(project, "doccano", [path], coder="c", overwrite=True)
    assert report.written and report.sets_written == 3 and len(project.document_ids()) == 3


def test_a_document_open_in_a_window_is_not_written_even_without_a_file_yet(tmp_path):
    project = Project.init(tmp_path / "p")
    path = doccano_file(tmp_path, [{"doc_id": "d1", "text": "نص أول", "label": []}])
    target = project.annotation_path("c", "d1")
    target.parent.mkdir(parents=True)
    with FileLock(target, coder="c"):  # a window opened the document, nothing saved yet
        report = import_annotations(project, "doccano", [path], coder="c")
        assert not report.written and report.problem_count == 1
        assert "document 'd1' not imported" in report.problems[0]
        assert "(coder c)" in report.problems[0]
        assert project.document_ids() == [] and not target.exists()


def test_a_lock_left_by_a_crashed_program_does_not_stop_an_import(tmp_path):
    project = Project.init(tmp_path / "p")
    path = doccano_file(tmp_path, [{"doc_id": "d1", "text": "نص أول", "label": []}])
    target = project.annotation_path("c", "d1")
    target.parent.mkdir(parents=True)
    lock = target.with_name("d1.json.lock")
    lock.write_text(json.dumps({"host": socket.gethostname(), "pid": 999_999_999,
                                "user": "x", "token": "t"}), encoding="utf-8")
    dry = import_annotations(project, "doccano", [path], coder="c", dry_run=True)
    assert dry.problem_count == 0 and lock.exists()  # a dry run changes nothing
    assert import_annotations(project, "doccano", [path], coder="c").written
    assert target.is_file() and not lock.exists()  # taken over, then released


def test_a_document_locked_after_the_check_is_left_out_of_the_write(tmp_path):
    project = Project.init(tmp_path / "p")
    path = doccano_file(tmp_path, [{"doc_id": "d1", "text": "نص أول", "label": [[0, 2, "ACTOR"]]},
                                   {"doc_id": "d2", "text": "نص ثان", "label": []}])
    late = FileLock(project.annotation_path("c", "d2"), coder="c")

    def progress(done: int, total: int) -> None:
        if total and done == 1:  # d1 written; a window opens d2 now
            late.acquire()

    try:
        report = import_annotations(project, "doccano", [path], coder="c", progress=progress)
        assert late.owned
    finally:
        late.release()
    assert report.written and report.annotation_sets == 1 and report.spans == 1
    assert report.problem_count == 1 and "document 'd2' not imported" in report.problems[0]
    assert project.annotation_path("c", "d1").is_file()
    assert not project.annotation_path("c", "d2").exists()
    assert project.document_ids() == ["d1"]  # d2's document waits for its annotations too
    assert (report.documents_added, report.documents_reused) == (1, 0)
    assert "of 1 document(s), 1 new" in report.summary()


def test_documents_are_counted_once_whatever_the_number_of_sets(tmp_path):
    from test_fixtures_formats import build

    from annotator.formats.export import export_project

    source = build("arabic", tmp_path / "arabic")  # 3 documents, 4 sets (two of "emoji")
    export_project(source, "jsonl", tmp_path / "out", workers=1)
    project = Project.init(tmp_path / "p", policy=TextPolicy(newlines="keep"))
    data = tmp_path / "out" / "data.jsonl"
    dry = import_annotations(project, "jsonl", [data], dry_run=True)
    report = import_annotations(project, "jsonl", [data])
    for r in (dry, report):
        assert r.annotation_sets == 4 and (r.documents_added, r.documents_reused) == (3, 0)
    assert "of 3 document(s), 3 new" in report.summary()
    again = import_annotations(project, "jsonl", [data], overwrite=True)
    assert (again.documents_added, again.documents_reused) == (0, 3)


def test_an_import_that_adds_many_documents_lists_each_folder_for_old_temps_once(
        tmp_path, monkeypatch):
    """The documents an annotation import adds go in one batch each; every batch used to list
    the whole documents folder for temps of killed runs (3,000 listings of a growing folder
    for 3,000 documents). Now a folder is listed at most once per ``CLEAN_INTERVAL``."""
    from annotator.storage import atomic

    records = [{"text": f"قتل {i} مدنيين في ريف دير الزور", "label": [[0, 3, "TRIGGER"]]}
               for i in range(40)]
    project = Project.init(tmp_path / "p")
    listed: list[str] = []
    real = atomic.find_stale_temps

    def counting(folder, **kwargs):  # type: ignore[no-untyped-def]
        listed.append(folder.name)
        return real(folder, **kwargs)

    monkeypatch.setattr(atomic, "find_stale_temps", counting)
    monkeypatch.setattr(atomic, "_last_cleaned", {})  # as in a new process
    report = import_annotations(project, "doccano", [doccano_file(tmp_path, records)],
                                coder="pre")
    assert report.sets_written == 40 and len(project.document_ids()) == 40
    assert sorted(listed) == ["documents", "pre"]
