"""The fast reader of a project's own files (what an export reads tens of thousands of)."""

from __future__ import annotations

import os

import pytest

from annotator.errors import AnnotatorError
from annotator.storage.readers import read_json_fast, read_regular_file


def test_a_regular_file_is_read_and_anything_else_is_none(tmp_path):
    path = tmp_path / "d.json"
    path.write_bytes(b'{"id": "d"}')
    assert read_regular_file(str(path)) == b'{"id": "d"}'
    assert read_regular_file(str(tmp_path / "missing.json")) is None
    assert read_regular_file(str(tmp_path)) is None  # a folder


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes are POSIX only")
def test_a_named_pipe_does_not_block_the_reader(tmp_path):
    fifo = tmp_path / "pipe.json"
    os.mkfifo(fifo)
    assert read_regular_file(str(fifo)) is None


def test_json_is_read_fast_and_bad_files_get_the_precise_message(tmp_path):
    good = tmp_path / "a.json"
    good.write_bytes('\ufeff{"text": "نص"}'.encode())
    assert read_json_fast(str(good)) == {"text": "نص"}
    assert read_json_fast(str(good), b'{"x": 1}') == {"x": 1}  # bytes already read
    bad = tmp_path / "b.json"
    bad.write_bytes('{"text": "نص"'.encode("utf-16"))
    with pytest.raises(AnnotatorError, match="UTF-16"):
        read_json_fast(str(bad))
    with pytest.raises(AnnotatorError, match="does not exist"):
        read_json_fast(str(tmp_path / "missing.json"))
