"""atomic_open: a streamed file appears whole on success and not at all when the writer fails."""

from __future__ import annotations

import os

import pytest

from annotator.errors import AnnotatorError
from annotator.storage.atomic import atomic_open, is_temp_name


def test_streamed_text_appears_whole_with_newlines_as_written(tmp_path):
    target = tmp_path / "out.csv"
    with atomic_open(target, "w") as fh:
        fh.write("a,b\r\n")
        assert not target.exists()  # nothing visible until the block ends
        fh.write("ج,😀\n")
    assert target.read_bytes() == "a,b\r\nج,😀\n".encode()
    assert os.listdir(tmp_path) == ["out.csv"]


def test_failure_inside_the_block_leaves_the_old_file_and_no_temp(tmp_path):
    target = tmp_path / "data.jsonl"
    target.write_bytes(b"old\n")
    with pytest.raises(RuntimeError), atomic_open(target) as fh:
        fh.write(b"new, half written")
        raise RuntimeError("export cancelled")
    assert target.read_bytes() == b"old\n"
    assert os.listdir(tmp_path) == ["data.jsonl"]


def test_backup_keeps_the_previous_version(tmp_path):
    target = tmp_path / "x.json"
    target.write_bytes(b"1")
    with atomic_open(target, backup=True) as fh:
        fh.write(b"2")
    assert target.read_bytes() == b"2"
    assert (tmp_path / "x.json.bak").read_bytes() == b"1"


def test_refuses_append_mode_and_reports_missing_folder_as_annotator_error(tmp_path):
    with pytest.raises(ValueError), atomic_open(tmp_path / "a", "a"):
        pass
    with pytest.raises(AnnotatorError, match="cannot save"), \
            atomic_open(tmp_path / "missing" / "a") as fh:
        fh.write(b"x")
    assert not any(is_temp_name(n) for n in os.listdir(tmp_path))


def test_non_durable_mode_still_replaces_whole_files(tmp_path, monkeypatch):
    calls = []
    monkeypatch.setattr(os, "fsync", lambda fd: calls.append(fd))
    target = tmp_path / "a.ann"
    with atomic_open(target, durable=False) as fh:
        fh.write(b"T1\tACTOR 0 3\tabc\n")
    assert target.read_bytes() == b"T1\tACTOR 0 3\tabc\n"
    assert calls == []  # the caller syncs the whole staging folder once
    with atomic_open(target) as fh:
        fh.write(b"x")
    assert len(calls) == 2  # the file, then its folder
