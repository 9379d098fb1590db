"""Damaged files given to import-annotations: a message naming the file, never a crash."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from annotator.cli.main import main

DEEP = "[" * 100_000 + "]" * 100_000


@pytest.mark.parametrize("fmt, name, content", [
    ("doccano", "deep.jsonl", DEEP + "\n"),
    ("doccano", "deep.json", "\n" + DEEP),
    ("labelstudio", "ls-annotations.json",
     json.dumps([{"data": {"text": "نص"}, "annotations": 5}])),
    ("labelstudio", "ls-result.json",
     json.dumps([{"data": {"text": "نص"}, "annotations": [{"result": 7}]}])),
    ("jsonl", "deep-native.jsonl", DEEP + "\n"),
])
def test_damaged_import_gives_a_message(tmp_path: Path, capsys, fmt: str, name: str,
                                        content: str) -> None:
    assert main(["init", str(tmp_path / "p")]) == 0
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    code = main(["import-annotations", str(tmp_path / "p"), str(path), "--format", fmt,
                 "--coder", "pre"])
    _, err = capsys.readouterr()
    assert code in (1, 2)
    assert str(path) in err and "internal error" not in err and "Traceback" not in err


def test_brat_fields_note_nested_too_deeply(tmp_path: Path, capsys) -> None:
    assert main(["init", str(tmp_path / "p")]) == 0
    folder = tmp_path / "brat"
    folder.mkdir()
    (folder / "d.txt").write_text("شنت مجموعة هجوما", encoding="utf-8")
    (folder / "d.ann").write_text(
        "T1\tTRIGGER 11 16\tهجوما\nE1\tbattles:T1\n#1\tAnnotatorNotes E1\tfields: "
        + "[" * 100_000 + "\n", encoding="utf-8")
    code = main(["import-annotations", str(tmp_path / "p"), str(folder), "--format", "brat",
                 "--coder", "pre"])
    _, err = capsys.readouterr()
    assert code in (0, 1) and "internal error" not in err
