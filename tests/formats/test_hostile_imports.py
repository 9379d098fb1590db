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


def test_the_json_lines_readers_word_damage_alike(tmp_path: Path) -> None:
    """Documents, doccano and native JSONL read lines with one reader: the same damage gives
    the same message, naming the file and line, and the lines after it are still read."""
    from annotator.core.text import TextPolicy
    from annotator.formats.doccano import read_doccano
    from annotator.formats.documents import read_documents
    from annotator.formats.native_jsonl import read_native_jsonl

    path = tmp_path / "feed.jsonl"
    path.write_bytes(b'\xef\xbb\xbf{"text": "one"}\n\n{broken\n[1]\n"x"\n' + b"[" * 5000 + b"\n")
    expected = [f"{path}: line 3: not valid JSON: Expecting property name enclosed in double "
                "quotes at column 2",
                f"{path}: line 4: expected an object {{...}}, found a list",
                f"{path}: line 5: expected an object {{...}}, found a string",
                f"{path}: line 6: the JSON is nested too deeply to read"]
    assert read_documents([path], TextPolicy()).problems == expected
    doccano = list(read_doccano([path], {}))
    assert [p for d in doccano for p in d.problems] == expected
    native = list(read_native_jsonl([path], {}))
    assert [p for d in native[1:] for p in d.problems] == expected
    assert native[0].problems[0].startswith(f"{path}: line 1: not an annotator export record")


@pytest.mark.parametrize("fmt, name, content", [
    ("conll", "empty.conll", ""),
    ("conll", "blank.conll", "\n \n\n"),
    ("conll", "tasks.json", json.dumps([[["هجوم", 0, 4, "TRIGGER"]]], ensure_ascii=False,
                                       separators=(",", ":"))),
    ("conll", "doccano.jsonl", '{"text":"هجوم","label":[[0,4,"TRIGGER"]]}\n'),
    ("conll", "prose.txt", "هاجم مسلحون نقطة للجيش\nفي ريف البوكمال الشرقي\n"),
    ("doccano", "empty.jsonl", ""),
    ("jsonl", "empty.jsonl", "\n"),
    ("labelstudio", "empty.json", ""),
    ("labelstudio", "no-tasks.json", "[]"),
    ("brat", "notes.ann", "هذه ملاحظات وليست ملف brat\nسطر ثان\n"),
])
def test_input_that_is_not_the_format_is_refused_naming_the_file(
        tmp_path: Path, capsys, fmt: str, name: str, content: str) -> None:
    """Not "Imported 0" with exit 0, nor a document made of the wrong file's characters."""
    assert main(["init", str(tmp_path / "p")]) == 0
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    if fmt == "brat":
        path.with_suffix(".txt").write_text("نص الوثيقة", encoding="utf-8")
    code = main(["import-annotations", str(tmp_path / "p"), str(path), "--format", fmt,
                 "--coder", "pre"])
    out, err = capsys.readouterr()
    assert code in (1, 2), out + err
    assert str(path) in err and "Imported 0" not in out and "internal error" not in err
    assert not list((tmp_path / "p" / "documents").iterdir())


# -- a zip bomb whose headers lie about the size ------------------------------------------------
def lying_zip(path: Path, name: str, unpacked: int, claimed: int) -> None:
    """A zip whose member unpacks to ``unpacked`` bytes of text while its local and central
    headers both say ``claimed``."""
    import struct
    import zipfile

    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        with zf.open(name, "w") as member:
            block = b"a" * 2**20
            for _ in range(unpacked // len(block)):
                member.write(block)
    data = bytearray(path.read_bytes())
    local = data.index(b"PK\x03\x04")
    central = data.index(b"PK\x01\x02")
    struct.pack_into("<I", data, local + 22, claimed)
    struct.pack_into("<I", data, central + 24, claimed)
    path.write_bytes(bytes(data))


def test_a_zip_member_that_lies_about_its_size_is_stopped_at_once(tmp_path: Path,
                                                                  monkeypatch) -> None:
    """The member states 100 bytes and unpacks to 64 MiB, past the limit (1 MiB here):
    reading stops as soon as the data passes what its header states, holding about one block
    in memory, and the member is named."""
    import tracemalloc

    from annotator.core.text import TextPolicy
    from annotator.formats import documents

    archive = tmp_path / "bomb.zip"
    lying_zip(archive, "articles/bomb.txt", unpacked=64 * 2**20, claimed=100)
    assert archive.stat().st_size < 2**20
    monkeypatch.setattr(documents, "ZIP_MEMBER_LIMIT", 2**20)
    tracemalloc.start()
    try:
        result = documents.read_documents([archive], TextPolicy())
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert result.documents == []
    assert result.problems == [
        f"{archive}:articles/bomb.txt: damaged or hostile: unpacks to more than the 100 bytes "
        "its header states; not read"]
    assert peak < 8 * 2**20, f"{peak:,} bytes held while reading"


def test_a_zip_member_shorter_than_its_header_says_is_damaged(tmp_path: Path) -> None:
    from annotator.core.text import TextPolicy
    from annotator.formats.documents import read_documents

    archive = tmp_path / "short.zip"
    lying_zip(archive, "a.txt", unpacked=2**20, claimed=2**20 + 5)
    result = read_documents([archive], TextPolicy())
    assert result.documents == []
    assert len(result.problems) == 1
    assert result.problems == [f"{archive}:a.txt: damaged, cannot be unpacked (its header "
                               "states 1,048,581 bytes, its data holds 1,048,576)"]
