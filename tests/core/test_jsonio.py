"""The fast writer of document files gives exactly the bytes of the general one (and so of
``json.dumps(ensure_ascii=False, indent=1, sort_keys=True)``): on every article of the corpus,
on hostile texts, and on anything else it is handed."""

from __future__ import annotations

import json
import math
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from annotator.core.jsonio import dump_bytes, dump_document_bytes
from annotator.core.model import Document
from annotator.core.text import TextPolicy
from annotator.formats.documents import read_documents


def stdlib_bytes(data: Any) -> bytes:
    return (json.dumps(data, ensure_ascii=False, indent=1, sort_keys=True) + "\n").encode()


def outcome(write: Callable[[Any], bytes], data: Any) -> bytes | type[Exception]:
    try:
        return write(data)
    except (TypeError, ValueError) as exc:
        return type(exc)


def assert_same_bytes(data: Any) -> None:
    """The same bytes from all three writers, or the same error."""
    fast = outcome(dump_document_bytes, data)
    assert fast == outcome(dump_bytes, data)
    assert fast == outcome(stdlib_bytes, data)


HOSTILE_TEXTS = {
    "arabic with quotes and newlines": 'قال "المتحدث"\nإن \'الهجوم\'\n\nوقع',
    "backslashes": "C:\\new\\table \\\\ \\n is not a newline \\\"",
    "emoji and a flag": "انفجار 💥 في 🇸🇦 👩🏽‍⚕️",
    "line and paragraph separators": "a\u2028b\u2029c",
    "every C0 control": "".join(chr(c) for c in range(0x20)),
    "tab": "a\tb",
    "carriage return": "a\r\nb\rc",
    "NUL": "a\x00b",
    "DEL and C1 controls": "a\x7f\x80\x85\x9fb",
    "bidi controls and a BOM": "\ufeff\u200fنص\u202a\u202cx\u2066\u2069\u200e",
    "combining marks": "مُحَمَّدٌ",
    "noncharacters": "\ufffe\uffff\U0010ffff",
    "empty": "",
    "only a quote": '"',
    "only a backslash": "\\",
    "only a newline": "\n",
    "escapes written out": "\\u0000 \\u2028 \\ud83d",
}


@pytest.mark.parametrize("name", sorted(HOSTILE_TEXTS))
def test_hostile_texts_are_written_as_json_writes_them(name: str) -> None:
    text = HOSTILE_TEXTS[name]
    doc = Document("2015-07-21-0001", text, {"title": text, "source": "sabq"})
    assert_same_bytes(doc.to_dict())
    assert json.loads(dump_document_bytes(doc.to_dict()))["text"] == text


@pytest.mark.parametrize("text", ["a\ud800b", "\udfff", "🙂\udc00"])
def test_a_lone_surrogate_is_refused_as_by_the_general_writer(text: str) -> None:
    data = {"format_version": 1, "id": "d", "meta": {}, "sha256": "0" * 64, "text": text}
    with pytest.raises(UnicodeEncodeError):
        dump_bytes(data)
    with pytest.raises(UnicodeEncodeError):
        dump_document_bytes(data)
    data["text"], data["meta"] = "نص", {"title": text}
    with pytest.raises(UnicodeEncodeError):
        dump_document_bytes(data)


METAS: dict[str, Any] = {
    "none": {},
    "strings": {"title": "عنوان", "url": "http://x/ب", "date": "2015-07-21 02:51:32"},
    "numbers and the like": {"n": 3, "f": 0.1, "big": 10**30, "neg": -2.5e-300, "t": True,
                             "no": False, "null": None},
    "not finite": {"nan": math.nan, "inf": math.inf, "-inf": -math.inf},
    "nested": {"tags": ["a", {"z": [], "a": {}}], "author": {"name": "س", "ids": [1, 2.0]}},
    "keys to escape": {'q"': 1, "back\\slash": 2, "nl\n": 3, "": 4, "\u2028": 5},
    "original id": {"original_id": 17, "text_source": "title", "content": ""},
    "numeric keys": {1: "a", 2: "b"},
    "mixed keys": {"a": 1, 2: "b"},  # sort_keys cannot sort them: a TypeError in all three
}


@pytest.mark.parametrize("name", sorted(METAS))
def test_every_kind_of_meta_is_written_as_json_writes_it(name: str) -> None:
    data = Document("d", "نص\n\"x\"", dict(METAS[name])).to_dict()
    assert_same_bytes(data)


@pytest.mark.parametrize("change", [
    lambda d: d.update(extra=1),
    lambda d: d.pop("meta"),
    lambda d: d.update(format_version=True),
    lambda d: d.update(format_version=1.0),
    lambda d: d.update(meta=[1, 2]),
    lambda d: d.update(text=None),
    lambda d: d.update(id=7),
])
def test_any_other_shape_is_written_as_the_general_writer_writes_it(
        change: Callable[[dict[str, Any]], None]) -> None:
    data = Document("d", "نص", {"title": "t"}).to_dict()
    change(data)
    assert_same_bytes(data)


def test_a_cycle_in_meta_fails_as_in_the_general_writer() -> None:
    data = Document("d", "نص", {}).to_dict()
    data["meta"]["self"] = data["meta"]
    with pytest.raises(ValueError, match="Circular reference"):
        dump_document_bytes(data)


# Meta values: JSON scalars (NaN and the infinities too: json writes them), and lists and
# objects of them.
scalars = (st.none() | st.booleans() | st.integers() | st.text()
           | st.floats(allow_nan=True, allow_infinity=True))
meta_values = scalars | st.lists(scalars, max_size=4) | st.dictionaries(st.text(), scalars,
                                                                        max_size=4)


@settings(max_examples=300, deadline=None)
@given(st.text(), st.dictionaries(st.text(), meta_values, max_size=6), st.text(max_size=20))
def test_any_text_and_meta_are_written_as_json_writes_them(text: str, meta: dict[str, Any],
                                                           doc_id: str) -> None:
    data = {"format_version": 1, "id": doc_id, "meta": meta, "sha256": "a" * 64, "text": text}
    assert_same_bytes(data)


def test_every_article_of_the_corpus_is_written_as_json_writes_it(
        shared_data: Callable[..., Path]) -> None:
    result = read_documents([shared_data("saudinewsnet/2015-07-21.zip")], TextPolicy())
    assert len(result.documents) == 2953
    for doc in result.documents:
        data = doc.to_dict()
        assert dump_document_bytes(data) == dump_bytes(data), doc.id
    # and as the texts came, with their CRs and tabs, before the text policy
    for doc in result.documents:
        raw = dict(doc.to_dict(), text=doc.meta.get("content", doc.text) + "\r\n\t")
        assert dump_document_bytes(raw) == dump_bytes(raw), doc.id
