"""The copies of shared data in tests/data are still what they were copied from, and carry
their licence notices (tests/data/README.md)."""

from __future__ import annotations

import json
import re
import zipfile
from collections.abc import Callable
from pathlib import Path

TEST_DATA = Path(__file__).resolve().parent / "data"
CORPUS_SAMPLE = TEST_DATA / "saudinewsnet" / "2015-07-21-sample.json"
# The records of 2015-07-21.json that the sample holds, as tests/data/saudinewsnet/README.md
# lists them.
SAMPLE_RECORDS = [92, 686, 1208, 1270, 1364, 1566, 1834, 1881, 2620, 2682, 2798]
COPIES = sorted(str(p.relative_to(TEST_DATA)) for p in TEST_DATA.rglob("*")
                if p.is_file() and p.name != "README.md" and p != CORPUS_SAMPLE)
SMALL = 300_000  # bytes: what ships with the tests stays small


def test_what_ships_is_small_and_noticed() -> None:
    assert sum(p.stat().st_size for p in TEST_DATA.rglob("*") if p.is_file()) < SMALL
    assert "Published Syrian news report" in (TEST_DATA / "README.md").read_text("utf-8")
    notice = (CORPUS_SAMPLE.parent / "README.md").read_text("utf-8")
    assert "CC BY-NC-SA 4.0" in notice and "M. Alotaibi" in notice
    assert all(re.search(rf"\b{n}\b", notice) for n in SAMPLE_RECORDS)
    # The brat and doccano example files are read from the shared folder only: its README asks
    # that they not be copied into the project.
    assert not (TEST_DATA / "formats").exists()


def test_copies_are_byte_for_byte_the_shared_files(shared_data: Callable[..., Path]) -> None:
    shared = shared_data()
    changed = [relative for relative in COPIES if not (shared / relative).is_file()
               or (TEST_DATA / relative).read_bytes() != (shared / relative).read_bytes()]
    assert COPIES and changed == []


def test_corpus_sample_is_those_records_unchanged(shared_data: Callable[..., Path]) -> None:
    with zipfile.ZipFile(shared_data("saudinewsnet/2015-07-21.zip")) as zf:
        day = json.loads(zf.read("2015-07-21.json").decode("utf-8"))
    sample = json.loads(CORPUS_SAMPLE.read_text("utf-8"))
    assert sample == [day[n - 1] for n in SAMPLE_RECORDS]
