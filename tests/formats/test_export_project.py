"""export_project: validated before written, nothing written on refusal or cancel, the dataset
card, checksums, the split, filters, workers, and the output folder rules."""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from test_fixtures_formats import build

from annotator.errors import AnnotatorError
from annotator.formats.export import export_project, parse_split, split_of
from annotator.formats.export import memo as memo_mod
from annotator.formats.export import pool as pool_mod
from annotator.formats.export import render as render_mod
from annotator.storage.atomic import is_temp_name
from annotator.storage.project import Project


@pytest.fixture()
def arabic(tmp_path) -> Project:
    return build("arabic", tmp_path / "arabic")


def break_file(project: Project, coder: str, doc_id: str) -> Path:
    """Make an annotation file invalid the way a hand edit would: a span's text no longer
    matches the document."""
    path = project.annotations_dir / coder / f"{doc_id}.json"
    data = json.loads(path.read_text(encoding="utf-8"))
    data["spans"][0]["text"] = "غلط"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return path


def tree(folder: Path) -> list[str]:
    return sorted(str(p.relative_to(folder)) for p in folder.rglob("*")) if folder.exists() \
        else []


@pytest.mark.parametrize("fmt", ["jsonl", "brat"])
def test_an_invalid_file_means_nothing_is_written_and_every_problem_is_listed(
        arabic, tmp_path, fmt):
    break_file(arabic, "amira", "crlf")
    break_file(arabic, "omar", "emoji")
    out = tmp_path / "out"
    report = export_project(arabic, fmt, out, workers=1)
    assert not report.written
    assert not out.exists()  # the folder it would have made is gone too
    assert report.left_out_count == 2
    assert any("annotations/amira/crlf.json: $.spans[0].text" in p for p in report.problems)
    assert any("annotations/omar/emoji.json" in p for p in report.problems)
    assert "Nothing exported" in report.summary()


def test_skip_invalid_exports_the_rest_and_the_card_lists_what_was_left_out(arabic, tmp_path):
    break_file(arabic, "amira", "crlf")
    report = export_project(arabic, "jsonl", tmp_path / "out", skip_invalid=True, workers=1)
    assert report.written and report.left_out_count == 1
    lines = (tmp_path / "out" / "data.jsonl").read_text(encoding="utf-8").splitlines()
    assert {(json.loads(x)["id"], json.loads(x)["coder"]) for x in lines} == {
        ("emoji", "amira"), ("emoji", "omar"), ("tashkeel", "amira")}
    card = json.loads((tmp_path / "out" / "dataset-card.json").read_text(encoding="utf-8"))
    assert card["left_out"]["count"] == 1
    assert card["left_out"]["files"][0]["path"] == "annotations/amira/crlf.json"
    md = (tmp_path / "out" / "dataset-card.md").read_text(encoding="utf-8")
    assert "annotations/amira/crlf.json" in md and "--skip-invalid" in card["command"]


def test_a_file_in_another_coders_folder_is_refused_like_validate_reports_it(arabic, tmp_path):
    from annotator.storage.project import misfiled_issue
    from annotator.storage.validate import validate_project

    # amira's file of the crlf document, copied by hand into a new coder's folder
    source = arabic.annotations_dir / "amira" / "crlf.json"
    (arabic.annotations_dir / "layla").mkdir()
    (arabic.annotations_dir / "layla" / "crlf.json").write_bytes(source.read_bytes())
    issue = misfiled_issue({"coder": "amira"}, "layla")
    assert issue is not None
    report = export_project(arabic, "jsonl", tmp_path / "out", workers=1)
    assert not report.written and not (tmp_path / "out").exists()
    assert report.problems == [f"annotations/layla/crlf.json: $.coder: {issue.message}"]
    # validate says the same of the same file, as an error
    assert issue in validate_project(arabic).files["annotations/layla/crlf.json"]
    skipped = export_project(arabic, "jsonl", tmp_path / "skip", skip_invalid=True, workers=1)
    assert skipped.written and skipped.left_out_count == 1
    coders = {json.loads(x)["coder"] for x in
              (tmp_path / "skip" / "data.jsonl").read_text(encoding="utf-8").splitlines()}
    assert coders == {"amira", "omar"}


def test_an_annotation_file_without_its_document_is_invalid(arabic, tmp_path):
    orphan = arabic.annotations_dir / "amira" / "gone.json"
    orphan.write_bytes((arabic.annotations_dir / "amira" / "crlf.json").read_bytes())
    report = export_project(arabic, "jsonl", tmp_path / "out", workers=1)
    assert not report.written
    assert report.problems == ["annotations/amira/gone.json: there is no document with this "
                               "id in the project"]


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes are POSIX only")
def test_what_is_not_a_regular_file_is_not_an_annotation_set_and_never_blocks(arabic, tmp_path):
    import threading

    (arabic.annotations_dir / "amira" / "emoji.json").unlink()
    os.mkfifo(arabic.annotations_dir / "amira" / "emoji.json")  # opening it could block
    (arabic.annotations_dir / "amira" / "tashkeel.json").unlink()
    (arabic.annotations_dir / "amira" / "tashkeel.json").mkdir()
    reports = []
    run = threading.Thread(target=lambda: reports.append(
        export_project(arabic, "jsonl", tmp_path / "out", workers=1)), daemon=True)
    run.start()
    run.join(30)
    assert not run.is_alive(), "the export hung on a named pipe"
    assert reports[0].written and not reports[0].left_out
    lines = (tmp_path / "out" / "data.jsonl").read_text(encoding="utf-8").splitlines()
    assert sorted((json.loads(x)["id"], json.loads(x)["coder"]) for x in lines) == [
        ("crlf", "amira"), ("emoji", "omar")]


def test_unreadable_files_are_reported_not_raised(arabic, tmp_path):
    (arabic.annotations_dir / "amira" / "crlf.json").write_bytes(b"\xff\xfe{ not json")
    (arabic.documents_dir / "tashkeel.json").write_text("{}", encoding="utf-8")
    report = export_project(arabic, "jsonl", tmp_path / "out", workers=1)
    assert not report.written and report.left_out_count == 2
    assert any("crlf.json" in p for p in report.problems)
    assert any("its document cannot be read" in p for p in report.problems)


def test_the_card_counts_and_checksums_match_the_files(arabic, tmp_path):
    out = tmp_path / "out"
    report = export_project(arabic, "acled-csv", out, command=["annotator", "export", "x"],
                            workers=1)
    card = json.loads((out / "dataset-card.json").read_text(encoding="utf-8"))
    assert card["command"] == "annotator export x"
    assert card["codebook"]["sha256"] == arabic.codebook.sha256
    counts = card["counts"]
    assert counts["annotation_sets"] == 4 and counts["documents"] == 3
    assert counts["by_coder"]["omar"] == {"annotation_sets": 1, "spans": 4, "events": 1}
    assert counts["annotation_sets_by_status"] == {"done": 2, "in_progress": 2}
    assert counts["events_by_type"]["battles"] == 2
    assert counts["spans_by_label"]["TRIGGER"] == 5
    assert card["offset_unit"] == "codepoint" and card["format_notes"]
    assert sorted(card["entries"]) == sorted(os.listdir(out))
    sums = {}
    for line in (out / "SHA256SUMS").read_text(encoding="utf-8").splitlines():
        sha, name = line.split("  ")
        sums[name] = sha
    assert set(sums) == {"events.csv", "dataset-card.md"}
    for name, sha in sums.items():
        assert hashlib.sha256((out / name).read_bytes()).hexdigest() == sha
    assert card["checksums"]["sha256"] == hashlib.sha256(
        (out / "SHA256SUMS").read_bytes()).hexdigest()
    assert {f["path"] for f in card["files"]} == {"events.csv"}
    md = (out / "dataset-card.md").read_text(encoding="utf-8")
    assert sums["events.csv"] in md and "| amira | 3 |" in md
    assert report.file_count == 3


def test_brat_lists_every_file_in_sha256sums(arabic, tmp_path):
    out = tmp_path / "out"
    export_project(arabic, "brat", out, workers=1)
    listed = [line.split("  ")[1] for line in
              (out / "SHA256SUMS").read_text(encoding="utf-8").splitlines()]
    on_disk = [str(p.relative_to(out)) for p in out.rglob("*") if p.is_file()
               and p.name not in ("SHA256SUMS", "dataset-card.json")]
    assert sorted(listed) == sorted(on_disk)
    assert "amira/crlf.ann" in listed and "omar/emoji.txt" in listed


def test_filters_by_coder_and_status(arabic, tmp_path):
    r = export_project(arabic, "jsonl", tmp_path / "a", coder="omar", workers=1)
    assert r.annotation_sets == 1
    r = export_project(arabic, "jsonl", tmp_path / "b", status="done", workers=1)
    assert r.annotation_sets == 2 and r.filtered_out == 2
    rows = [json.loads(x) for x in (tmp_path / "b" / "data.jsonl").read_text("utf-8").split(
        "\n") if x]
    assert {x["status"] for x in rows} == {"done"}
    with pytest.raises(AnnotatorError, match="no annotations by coder 'nobody'"):
        export_project(arabic, "jsonl", tmp_path / "c", coder="nobody")
    with pytest.raises(AnnotatorError, match="status"):
        export_project(arabic, "jsonl", tmp_path / "d", status="finished")
    with pytest.raises(AnnotatorError, match="unknown format"):
        export_project(arabic, "xml", tmp_path / "e")


def test_cancel_writes_nothing_and_progress_counts_documents(arabic, tmp_path):
    calls = []
    report = export_project(arabic, "jsonl", tmp_path / "out", workers=1,
                            progress=lambda d, t: calls.append((d, t)),
                            cancelled=lambda: bool(calls))
    assert report.cancelled and not report.written
    assert not (tmp_path / "out").exists()
    calls.clear()
    export_project(arabic, "jsonl", tmp_path / "ok", workers=1,
                   progress=lambda d, t: calls.append((d, t)))
    assert calls[-1] == (3, 3)


def test_output_folder_rules(arabic, tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    (out / "notes.txt").write_text("mine", encoding="utf-8")
    with pytest.raises(AnnotatorError, match="not empty"):
        export_project(arabic, "jsonl", out)
    with pytest.raises(AnnotatorError, match="not an annotator export"):
        export_project(arabic, "jsonl", out, overwrite=True)
    assert os.listdir(out) == ["notes.txt"]
    (out / "notes.txt").unlink()
    export_project(arabic, "brat", out, workers=1)
    with pytest.raises(AnnotatorError, match="--overwrite"):
        export_project(arabic, "jsonl", out)
    # Replacing a brat export by a jsonl one removes the brat files and nothing else.
    export_project(arabic, "jsonl", out, overwrite=True, workers=1)
    assert sorted(os.listdir(out)) == ["SHA256SUMS", "data.jsonl", "dataset-card.json",
                                       "dataset-card.md"]
    (tmp_path / "file").write_text("x", encoding="utf-8")
    with pytest.raises(AnnotatorError, match="not a folder"):
        export_project(arabic, "jsonl", tmp_path / "file")


def test_no_temp_or_staging_files_remain(arabic, tmp_path):
    out = tmp_path / "out"
    export_project(arabic, "conll", out, workers=1)
    names = [p.name for p in out.rglob("*")]
    assert not any(is_temp_name(n) or n.startswith(".export-") for n in names)


# -- split ---------------------------------------------------------------------------------------
def test_split_writes_every_part_and_keeps_a_document_in_one_part(arabic, tmp_path):
    out = tmp_path / "out"
    report = export_project(arabic, "doccano", out, split="34/33/33", seed=5, workers=1)
    parts = {}
    for name in ("train", "dev", "test"):
        lines = (out / name / "doccano.jsonl").read_text(encoding="utf-8").splitlines()
        parts[name] = {json.loads(x)["doc_id"] for x in lines}
    seen = [d for ids in parts.values() for d in ids]
    assert sorted(seen) == ["crlf", "emoji", "tashkeel"]  # each document once (both coders)
    for name, ids in parts.items():
        assert all(split_of(d, (34, 33, 33), 5) == name for d in ids)
    card = report.card["split"]
    assert card["seed"] == 5 and sum(v["documents"] for v in card["counts"].values()) == 3


@pytest.mark.parametrize("fmt", ["brat", "conll", "jsonl"])
def test_an_empty_part_of_a_split_is_still_there(arabic, tmp_path, fmt):
    # A loader that reads train/, dev/ and test/ must find all three, even with nothing in one.
    out = tmp_path / fmt
    report = export_project(arabic, fmt, out, split="100/0/0", workers=1)
    assert {p.name for p in out.iterdir() if p.is_dir()} == {"train", "dev", "test"}
    assert report.card["split"]["counts"]["dev"]["documents"] == 0
    assert {"train", "dev", "test"} <= set(report.card["entries"])


@given(st.lists(st.text(min_size=1, max_size=12), min_size=1, max_size=30, unique=True),
       st.integers(0, 10**6))
@settings(max_examples=50)
def test_split_is_a_function_of_id_and_seed_only(ids, seed):
    one = {d: split_of(d, (80, 10, 10), seed) for d in ids}
    two = {d: split_of(d, (80, 10, 10), seed) for d in reversed([*ids, "extra"])}
    assert all(one[d] == two[d] for d in ids)  # adding documents moves none
    assert set(one.values()) <= {"train", "dev", "test"}


def test_split_shares_are_respected_on_many_documents():
    ids = [f"doc-{i}" for i in range(20000)]
    counts = {"train": 0, "dev": 0, "test": 0}
    for d in ids:
        counts[split_of(d, (80, 10, 10), 13)] += 1
    assert abs(counts["train"] / 20000 - 0.8) < 0.015
    assert abs(counts["dev"] / 20000 - 0.1) < 0.01
    assert split_of("x", (0, 0, 1), 1) == "test" and split_of("x", (1, 0), 1) == "train"


def test_parse_split():
    assert parse_split("80/10/10") == (80, 10, 10)
    assert parse_split((9, 1)) == (9, 1)
    assert parse_split(None) is None
    for bad in ("80", "a/b", "1/2/3/4", "0/0", "-1/2"):
        with pytest.raises(AnnotatorError):
            parse_split(bad)


# -- workers -----------------------------------------------------------------------------------
@pytest.mark.parametrize("fmt", ["jsonl", "conll", "brat"])
def test_worker_processes_write_the_same_bytes(arabic, tmp_path, monkeypatch, fmt):
    monkeypatch.setattr(pool_mod, "CHUNK", 1)  # one document per task: order matters
    export_project(arabic, fmt, tmp_path / "one", workers=1)
    export_project(arabic, fmt, tmp_path / "two", workers=2)
    assert tree(tmp_path / "one") == tree(tmp_path / "two")
    for rel in tree(tmp_path / "one"):
        a, b = tmp_path / "one" / rel, tmp_path / "two" / rel
        if rel == "SHA256SUMS":  # the card's line differs: it names the time and folder
            a_lines = [x for x in a.read_text("utf-8").splitlines() if "dataset-card" not in x]
            b_lines = [x for x in b.read_text("utf-8").splitlines() if "dataset-card" not in x]
            assert a_lines == b_lines
        elif a.is_file() and not rel.startswith("dataset-card"):
            assert a.read_bytes() == b.read_bytes(), rel
    card1 = json.loads((tmp_path / "one" / "dataset-card.json").read_text(encoding="utf-8"))
    card2 = json.loads((tmp_path / "two" / "dataset-card.json").read_text(encoding="utf-8"))
    assert card1["counts"] == card2["counts"]
    assert card1["not_expressed"] == card2["not_expressed"]


def test_invalid_files_are_found_by_workers_too(arabic, tmp_path, monkeypatch):
    monkeypatch.setattr(pool_mod, "CHUNK", 1)
    break_file(arabic, "amira", "tashkeel")
    report = export_project(arabic, "brat", tmp_path / "out", workers=2)
    assert not report.written and not (tmp_path / "out").exists()
    assert report.left_out_count == 1


@pytest.mark.skipif(not hasattr(os, "sync"), reason="os.sync is POSIX; Windows fsyncs each file")
@pytest.mark.parametrize(("fmt", "syncs"), [("jsonl", 0), ("conll", 0), ("brat", 1)])
def test_only_per_document_files_wait_for_a_system_wide_sync(arabic, tmp_path, monkeypatch,  # type: ignore[no-untyped-def]
                                                              fmt, syncs):
    # Streams are fsynced as they close; a sync of the whole system (everyone's pending writes)
    # is paid only by formats with a file per document, where it beats thousands of fsyncs.
    calls: list[str] = []
    real_fsync = os.fsync
    monkeypatch.setattr(os, "sync", lambda: calls.append("sync"))
    synced_dirs: list[str] = []

    def fsync(fd: int) -> None:
        if os.path.isdir(f"/proc/self/fd/{fd}"):
            synced_dirs.append(os.readlink(f"/proc/self/fd/{fd}"))
        real_fsync(fd)

    monkeypatch.setattr(os, "fsync", fsync)
    out = tmp_path / fmt
    export_project(arabic, fmt, out, workers=1)
    assert calls.count("sync") == syncs
    if os.path.isdir("/proc/self/fd"):
        assert str(out) in synced_dirs  # the renames into the output folder are durable


# -- the export gate's memo of clean files ---------------------------------------------------
@pytest.fixture()
def checks(monkeypatch) -> list[str]:
    """The document ids whose annotation files the export checks (in process: workers=1)."""
    seen: list[str] = []
    real = render_mod.validate_annotation_data

    def counting(data, *, document, codebook):
        seen.append(document.id)
        return real(data, document=document, codebook=codebook)
    monkeypatch.setattr(render_mod, "validate_annotation_data", counting)
    return seen


def test_an_unchanged_file_is_not_checked_again_and_a_same_size_same_time_edit_is(
        arabic, tmp_path, checks):
    from annotator.storage.validate import validate_project

    assert validate_project(arabic).errors == 0
    assert export_project(arabic, "jsonl", tmp_path / "a", workers=1).written
    assert checks == []  # validate's clean results hold for the same bytes
    # An edit that keeps the size and the modification time (a copy with preserved times, a
    # coarse clock): a cache keyed by stat would miss it.
    path = arabic.annotations_dir / "amira" / "crlf.json"
    before = path.stat()
    data = path.read_bytes()
    bad = data.replace("انفجرت".encode(), "انفجرن".encode(), 1)
    assert bad != data and len(bad) == len(data)
    path.write_bytes(bad)
    os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns))
    assert path.stat().st_size == before.st_size
    report = export_project(arabic, "jsonl", tmp_path / "b", workers=1)
    assert checks == ["crlf"] and not report.written
    assert any(p.startswith("annotations/amira/crlf.json: $.spans[") for p in report.problems)


def test_an_export_remembers_what_passed_for_the_next_one(arabic, tmp_path, checks):
    export_project(arabic, "conll", tmp_path / "a", workers=1)
    assert sorted(checks) == ["crlf", "emoji", "emoji", "tashkeel"]
    checks.clear()
    export_project(arabic, "brat", tmp_path / "b", workers=1)
    assert checks == []
    break_file(arabic, "omar", "emoji")
    report = export_project(arabic, "brat", tmp_path / "c", workers=1)
    assert checks == ["emoji"] and report.problems[0].startswith("annotations/omar/emoji.json")
    checks.clear()
    report = export_project(arabic, "brat", tmp_path / "c", workers=1)
    assert checks == ["emoji"] and not report.written  # an invalid file is never remembered


def test_the_memo_follows_the_project_and_filtered_exports_keep_the_rest(arabic, tmp_path,
                                                                         checks):
    from annotator.storage.validate import iter_clean

    export_project(arabic, "jsonl", tmp_path / "a", workers=1)
    everything = list(iter_clean(arabic))
    assert [(d, c) for d, c, _ in everything] == [
        ("crlf", "amira"), ("emoji", "amira"), ("emoji", "omar"), ("tashkeel", "amira")]
    # Exports of one coder, or of one status, leave the other files' entries as they were.
    export_project(arabic, "jsonl", tmp_path / "b", workers=1, coder="omar")
    export_project(arabic, "jsonl", tmp_path / "c", workers=1, status="done")
    assert list(iter_clean(arabic)) == everything
    # A document removed from the project, and an annotation file removed: gone from it too.
    (arabic.documents_dir / "tashkeel.json").unlink()
    (arabic.annotations_dir / "amira" / "tashkeel.json").unlink()
    (arabic.annotations_dir / "omar" / "emoji.json").unlink()
    checks.clear()
    export_project(arabic, "jsonl", tmp_path / "d", workers=1)
    assert checks == [] and list(iter_clean(arabic)) == everything[:2]


def test_what_a_clean_check_depended_on_changing_means_checking_again(arabic, tmp_path, checks):
    """The document text (with its hash), the codebook, and a file's path are all part of what
    made a check pass."""
    from annotator.core.text import sha256_text

    export_project(arabic, "jsonl", tmp_path / "a", workers=1)
    checks.clear()
    # The document text changes (its recorded hash with it): amira's spans no longer match.
    doc_path = arabic.documents_dir / "tashkeel.json"
    doc = json.loads(doc_path.read_text(encoding="utf-8"))
    doc["text"] = doc["text"].replace("النَّفِيرَ", "التَّعْبِئَةَ")
    doc["sha256"] = sha256_text(doc["text"])
    doc_path.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    report = export_project(arabic, "jsonl", tmp_path / "b", workers=1, skip_invalid=True)
    assert checks == ["tashkeel"] and report.left_out_count == 1
    checks.clear()
    # The codebook changes: every file is checked again.
    cb_path = arabic.codebook_path
    cb = json.loads(cb_path.read_text(encoding="utf-8"))
    cb["version"] = cb["version"] + "-2"
    cb_path.write_text(json.dumps(cb, ensure_ascii=False), encoding="utf-8")
    export_project(Project.open(arabic.root), "jsonl", tmp_path / "c", workers=1,
                   skip_invalid=True)
    assert sorted(checks) == ["crlf", "emoji", "emoji", "tashkeel"]


def test_a_damaged_or_partial_memo_only_costs_time(arabic, tmp_path, checks):
    from annotator.storage.validate import CLEAN_NAME

    memo = arabic.state_dir / CLEAN_NAME
    export_project(arabic, "jsonl", tmp_path / "a", workers=1, coder="omar")
    assert checks == ["emoji"] and len(memo.read_bytes().splitlines()) == 2  # header, omar
    checks.clear()
    export_project(arabic, "jsonl", tmp_path / "b", workers=1)  # omar's is not checked again
    assert sorted(checks) == ["crlf", "emoji", "tashkeel"]
    lines = memo.read_bytes().splitlines()
    assert len(lines) == 5
    checks.clear()
    memo.write_bytes(b"".join(line + b"\n" for line in [
        lines[0], b"zz" * 32, lines[1][:40], b"\xff" * 64, *lines[2:]]))
    first = export_project(arabic, "jsonl", tmp_path / "c", workers=1)
    assert len(checks) == 1 and first.written  # the line cut short is checked again
    memo.unlink()
    memo.mkdir()  # cannot be read or written
    checks.clear()
    again = export_project(arabic, "jsonl", tmp_path / "d", workers=1)
    assert len(checks) == 4 and again.written
    assert (tmp_path / "d" / "data.jsonl").read_bytes() == (tmp_path / "c" / "data.jsonl") \
        .read_bytes()


def test_the_memo_is_read_and_written_chunk_by_chunk_alike_in_workers(arabic, tmp_path, checks,
                                                                      monkeypatch):
    from annotator.storage.validate import CLEAN_NAME

    monkeypatch.setattr(pool_mod, "CHUNK", 1)  # a chunk per document
    memo = arabic.state_dir / CLEAN_NAME
    export_project(arabic, "jsonl", tmp_path / "a", workers=1)
    serial = memo.read_bytes()
    checks.clear()
    export_project(arabic, "jsonl", tmp_path / "b", workers=1)
    assert checks == [] and memo.read_bytes() == serial
    memo.unlink()
    export_project(arabic, "jsonl", tmp_path / "c", workers=2)
    assert memo.read_bytes() == serial
    mtime = memo.stat().st_mtime_ns
    export_project(arabic, "jsonl", tmp_path / "d", workers=2)
    assert memo.stat().st_mtime_ns == mtime  # nothing changed: not written again
    assert (tmp_path / "d" / "data.jsonl").read_bytes() == (tmp_path / "a" / "data.jsonl") \
        .read_bytes()


def test_a_memo_that_cannot_be_written_is_still_read(arabic, tmp_path, checks, monkeypatch):
    from annotator.storage.validate import CLEAN_NAME, validate_project

    validate_project(arabic)
    memo = (arabic.state_dir / CLEAN_NAME).read_bytes()
    real = memo_mod.atomic_open

    def refusing(path, *args, **kwargs):
        if Path(path).name == CLEAN_NAME:
            raise AnnotatorError(f"{path}: cannot save the file (read-only file system)")
        return real(path, *args, **kwargs)
    monkeypatch.setattr(memo_mod, "atomic_open", refusing)
    break_file(arabic, "omar", "emoji")
    report = export_project(arabic, "jsonl", tmp_path / "out", workers=1, skip_invalid=True)
    assert report.written and checks == ["emoji"]  # only the file that changed
    assert (arabic.state_dir / CLEAN_NAME).read_bytes() == memo


# -- a full disk, and what a stopped export left ---------------------------------------------
class _FullFile:
    """A real file whose writes fail as on a full disk."""

    def __init__(self, fh) -> None:
        self._fh = fh

    def write(self, data) -> int:
        import errno

        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    def __getattr__(self, name):
        return getattr(self._fh, name)

    def __enter__(self):
        return self

    def __exit__(self, *exc) -> None:
        self._fh.close()


@pytest.fixture()
def full_disk(monkeypatch):
    """Every write of an export (and of the project's memo, on the same disk) fails: streams
    through atomic_open, whole files through os.write, rewritable streams through open."""
    import builtins
    import errno

    from annotator.formats.export import staging as staging_mod
    from annotator.storage import atomic as atomic_mod

    def full_open(*args, **kwargs):
        return _FullFile(builtins.open(*args, **kwargs))

    def full_write(fd, data):
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(atomic_mod, "open", full_open, raising=False)
    monkeypatch.setattr(staging_mod, "open", full_open, raising=False)
    monkeypatch.setattr(os, "write", full_write)


@pytest.mark.parametrize("fmt", ["jsonl", "conll", "brat"])
def test_a_full_disk_leaves_nothing_and_names_the_output(arabic, tmp_path, fmt, request):
    from annotator.storage.validate import CLEAN_NAME, validate_project

    validate_project(arabic)
    memo = (arabic.state_dir / CLEAN_NAME).read_bytes()
    out = tmp_path / "out"
    request.getfixturevalue("full_disk")
    with pytest.raises(AnnotatorError) as caught:
        export_project(arabic, fmt, out, workers=1)
    message = str(caught.value)
    assert message.startswith(f"{out}: ") and "the disk is full" in message, message
    assert ".annotator" not in message and ".export-" not in message
    assert not out.exists()  # the folder it made is gone, with its staging folder
    assert (arabic.state_dir / CLEAN_NAME).read_bytes() == memo


def test_a_full_disk_keeps_the_previous_export_and_leaves_no_staging(arabic, tmp_path,
                                                                    monkeypatch):
    out = tmp_path / "out"
    export_project(arabic, "brat", out, workers=1)
    before = tree(out)
    from annotator.formats.export import staging as staging_mod

    def full_write(fd, data):
        import errno

        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(os, "write", full_write)
    with pytest.raises(AnnotatorError, match="the disk is full"):
        export_project(arabic, "brat", out, workers=1, overwrite=True)
    monkeypatch.undo()
    assert tree(out) == before
    assert not any(n.startswith(staging_mod.STAGING_PREFIX) for n in os.listdir(out))


def _dead_pid() -> int:
    import subprocess
    import sys

    proc = subprocess.Popen([sys.executable, "-c", "pass"])
    proc.wait()
    return proc.pid


def test_staging_folders_of_stopped_exports_are_removed_and_live_ones_kept(arabic, tmp_path):
    from annotator.storage.atomic import host_tag

    out = tmp_path / "out"
    export_project(arabic, "jsonl", out, workers=1)
    dead = _dead_pid()
    left = [f".export-{dead}-0badc0de.tmp",  # the name older versions gave
            f".export-{host_tag()}-{dead}-0badc0de.tmp"]
    live = f".export-{host_tag()}-{os.getpid()}-1234abcd.tmp"  # an export still running
    for name in [*left, live]:
        (out / name / "train").mkdir(parents=True)
        (out / name / "train" / "data.jsonl").write_text("{}\n", encoding="utf-8")
    report = export_project(arabic, "jsonl", out, workers=1, overwrite=True)
    assert report.written
    assert sorted(n for n in os.listdir(out) if n.startswith(".export-")) == [live]
    assert sorted(report.stale_removed) == sorted(left)
    assert "2 unfinished export folder(s)" in report.summary()
