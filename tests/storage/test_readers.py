"""The input side of the import text policy: UTF-8 only, with offsets in every refusal."""

from __future__ import annotations

import codecs
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from annotator.errors import AnnotatorError
from annotator.storage import readers
from annotator.storage.readers import (
    BadLine,
    decode_text_bytes,
    decode_utf8,
    detect_wide_encoding,
    iter_jsonl,
    read_bytes,
)

ARABIC = "قالت مصادر محلية إن خلايا تنظيم الدولة هاجمت مواقع قرب البوكمال.\nوفرضت السلطات حظر تجول."
SAMPLE_ARTICLE = Path(__file__).resolve().parents[1] / "data" / "sample-article-ar.txt"


def test_plain_utf8_passes_unchanged() -> None:
    assert decode_text_bytes(ARABIC.encode(), "a.txt") == ARABIC


def test_utf8_bom_is_kept_for_the_text_policy() -> None:
    assert decode_text_bytes(codecs.BOM_UTF8 + ARABIC.encode(), "a.txt") == "\ufeff" + ARABIC


def test_crlf_is_left_for_the_text_policy() -> None:
    assert decode_text_bytes(b"a\r\nb\rc", "a.txt") == "a\r\nb\rc"


def test_sample_article_decodes() -> None:
    data = SAMPLE_ARTICLE.read_bytes()
    text = decode_text_bytes(data, "sample-article-ar.txt")
    assert len(text) == 2776


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-16-be"])
@pytest.mark.parametrize("text", [ARABIC, "Plain English report, no Arabic at all.\n", "قال" * 3])
def test_utf16_refused_with_advice(encoding: str, text: str) -> None:
    with pytest.raises(AnnotatorError) as info:
        decode_text_bytes(text.encode(encoding), "report.txt")
    assert str(info.value) == "report.txt: looks like UTF-16; save it as UTF-8"


@pytest.mark.parametrize("encoding", ["utf-32", "utf-32-le", "utf-32-be"])
def test_utf32_refused(encoding: str) -> None:
    with pytest.raises(AnnotatorError, match=r"report\.txt: looks like UTF-32; save it as UTF-8"):
        decode_text_bytes(ARABIC.encode(encoding), "report.txt")


def test_invalid_utf8_names_file_offset_and_line() -> None:
    data = "سطر أول\nسطر ثان\n".encode() + "سلام".encode("cp1256")
    offset = len("سطر أول\nسطر ثان\n".encode())
    with pytest.raises(AnnotatorError) as info:
        decode_text_bytes(data, "old.txt")
    message = str(info.value)
    assert message.startswith("old.txt: not valid UTF-8")
    assert f"byte offset {offset} (line 3)" in message


def test_truncated_multibyte_sequence_at_end() -> None:
    data = ARABIC.encode()[:-1] + "ب".encode()[:1]
    with pytest.raises(AnnotatorError, match=f"byte offset {len(data) - 1}"):
        decode_text_bytes(data, "cut.txt")


def test_nul_byte_names_offset_and_line() -> None:
    data = b"first line\nsecond\x00line"
    with pytest.raises(AnnotatorError) as info:
        decode_text_bytes(data, "n.txt")
    assert "NUL byte at byte offset 17 (line 2)" in str(info.value)


def test_first_problem_is_reported() -> None:
    with pytest.raises(AnnotatorError, match="NUL byte at byte offset 1 "):
        decode_utf8(b"a\x00bbbbbbbbbbbbbbbbbbbbbbbb\xff", "x")
    with pytest.raises(AnnotatorError, match="byte 0xFF at byte offset 1 "):
        decode_utf8(b"a\xffbbbbbbbbbbbbbbbbbbbbbbbb\x00", "x")


def test_zero_filled_file_is_damaged_not_utf32() -> None:
    # What a crash on some filesystems leaves behind.
    with pytest.raises(AnnotatorError, match="NUL byte at byte offset 0"):
        decode_text_bytes(b"\x00" * 8192, "z.txt")


@pytest.mark.parametrize("data", [b"", b"   ", b"\n\r\n\t ", codecs.BOM_UTF8,
                                  codecs.BOM_UTF8 + b" \n", "\u00a0\u2003\n".encode()])
def test_empty_or_whitespace_refused(data: bytes) -> None:
    with pytest.raises(AnnotatorError, match=r"e\.txt: the file (is empty|holds only whitespace)"):
        decode_text_bytes(data, "e.txt")


def test_decode_utf8_allows_empty() -> None:
    assert decode_utf8(b"", "x") == ""


def test_detect_wide_encoding_leaves_utf8_alone() -> None:
    assert detect_wide_encoding(ARABIC.encode()) is None
    assert detect_wide_encoding(codecs.BOM_UTF8 + ARABIC.encode()) is None
    assert detect_wide_encoding(b"tab\tseparated\tvalues\r\n" * 20) is None


def test_read_bytes_errors(tmp_path: Path) -> None:
    with pytest.raises(AnnotatorError, match="does not exist"):
        read_bytes(tmp_path / "missing.txt")
    with pytest.raises(AnnotatorError, match="folder, not a file"):
        read_bytes(tmp_path)


# Real text: printable characters, spaces and the usual line breaks (tabs, CR, LF). Text made of
# C0 control characters in every other byte is what UTF-16 looks like, and is refused as such.
text_chars = st.characters(blacklist_categories=("Cs", "Cc")) | st.sampled_from("\t\r\n ")


@settings(max_examples=300)
@given(st.text(text_chars, min_size=1).filter(lambda t: t.lstrip("\ufeff").strip()))
def test_any_real_utf8_text_round_trips(text: str) -> None:
    assert decode_text_bytes(text.encode("utf-8"), "t.txt") == text


@settings(max_examples=300)
@given(st.binary(max_size=300))
def test_any_bytes_decode_or_give_annotator_error(data: bytes) -> None:
    try:
        text = decode_text_bytes(data, "b.txt")
    except AnnotatorError as exc:
        assert str(exc).startswith("b.txt: ")
    else:
        assert text.encode("utf-8") == data
        assert "\x00" not in text and text.lstrip("\ufeff").strip()


arabic_or_latin = st.sampled_from(
    [chr(c) for c in range(0x20, 0x7F)] + [chr(c) for c in range(0x0621, 0x0653)] + ["\n"])


@settings(max_examples=300)
@given(st.text(arabic_or_latin, min_size=8), st.sampled_from(["utf-16-le", "utf-16-be"]))
def test_bomless_utf16_of_arabic_or_latin_text_is_refused(text: str, encoding: str) -> None:
    with pytest.raises(AnnotatorError, match=r"w\.txt: looks like UTF-16; save it as UTF-8"):
        decode_text_bytes(text.encode(encoding), "w.txt")


# -- JSON Lines ----------------------------------------------------------------------------------
JSONL = "\n".join([
    '{"id": "a", "text": "واحد"}',
    "",
    '{"text": "two \u2028 with a line separator"}',
    "{broken",
    "[" * 100_000,
    '{"text": "three"}\r',
    '"not an object"',
    "   \r",
    "[1, 2]",
]) + "\n"


def _jsonl_result(path: Path) -> list[tuple[int, object]]:
    return [(n, r.message if isinstance(r, BadLine) else r) for n, r in iter_jsonl(path)]


def test_iter_jsonl_numbers_lines_skips_blanks_and_reports_bad_lines(tmp_path: Path) -> None:
    path = tmp_path / "feed.jsonl"
    path.write_bytes(codecs.BOM_UTF8 + JSONL.encode())
    got = list(iter_jsonl(path))
    assert [n for n, _ in got] == [1, 3, 4, 5, 6, 7, 9]
    assert got[0][1] == {"id": "a", "text": "واحد"}
    assert got[1][1] == {"text": "two \u2028 with a line separator"}
    assert got[4][1] == {"text": "three"}
    bad = {n: r for n, r in got if isinstance(r, BadLine)}
    assert bad[4].message.startswith(f"{path}: line 4: not valid JSON: ") and not bad[4].json
    assert bad[5] == BadLine(f"{path}: line 5: the JSON is nested too deeply to read")
    assert bad[7] == BadLine(f"{path}: line 7: expected an object {{...}}, found a string", True)
    assert bad[9].message == f"{path}: line 9: expected an object {{...}}, found a list"


def test_iter_jsonl_reads_in_blocks_with_the_same_result(tmp_path: Path,
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "feed.jsonl"
    path.write_bytes(codecs.BOM_UTF8 + JSONL.encode() + b'{"last": "no newline"}')
    whole = _jsonl_result(path)
    for size in (1, 3, 7, 64):  # lines longer than a block, reads that end mid-character
        monkeypatch.setattr(readers, "_BLOCK", size)
        assert _jsonl_result(path) == whole
    assert whole[-1] == (10, {"last": "no newline"})


@pytest.mark.parametrize("data, message", [
    (b'{"a": 1}\n{"b": "caf\xe9"}\n', "not valid UTF-8: byte 0xE9 at byte offset 19 (line 2)"),
    (b'{"a": 1}\n\n{"b": "\x00"}\n', "contains a NUL byte at byte offset 17 (line 3)"),
    ('{"a": "سلام"}\n'.encode("utf-16"), "looks like UTF-16; save it as UTF-8"),
    (b'{"a": 1}\n{"b": "\xd8"', "not valid UTF-8: byte 0xD8 at byte offset 16 (line 2)"),
])
def test_iter_jsonl_refuses_a_file_that_is_not_utf8_before_any_line(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, data: bytes, message: str) -> None:
    path = tmp_path / "x.jsonl"
    path.write_bytes(data)
    with pytest.raises(AnnotatorError) as whole:
        decode_utf8(data, str(path))
    assert str(whole.value).startswith(f"{path}: {message}")
    for size in (1 << 20, 5):  # found in a later block too, with offsets in the whole file
        monkeypatch.setattr(readers, "_BLOCK", size)
        lines = iter_jsonl(path)
        with pytest.raises(AnnotatorError) as info:
            next(lines)  # nothing is yielded first: line 1 is fine, but never comes
        assert str(info.value) == str(whole.value)  # worded as for any other file


def test_iter_jsonl_unreadable_paths(tmp_path: Path) -> None:
    with pytest.raises(AnnotatorError, match="the file does not exist"):
        list(iter_jsonl(tmp_path / "missing.jsonl"))
    with pytest.raises(AnnotatorError, match="this is a folder"):
        list(iter_jsonl(tmp_path))
    (tmp_path / "empty.jsonl").write_bytes(b"")
    assert list(iter_jsonl(tmp_path / "empty.jsonl")) == []
