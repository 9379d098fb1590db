"""core.text: hashes, safe ids, the import text policy and its offset map."""

from __future__ import annotations

import hashlib
import itertools

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from annotator.core.text import (
    TextPolicy,
    is_safe_id,
    sanitize_id,
    sha256_bytes,
    sha256_text,
)


def test_sha256_is_of_the_utf8_bytes() -> None:
    assert sha256_text("") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"
    assert sha256_text("قال") == hashlib.sha256("قال".encode()).hexdigest()
    assert sha256_bytes("قال".encode()) == sha256_text("قال")


@pytest.mark.parametrize(("raw", "expected"), [
    ("2015-07-21", "2015-07-21"),
    ("../x", "x"),
    ("a/b", "a-b"),
    ("a\\b", "a-b"),
    ("CON", "doc"),
    ("con.txt", "doc"),
    ("LPT1", "doc"),
    ("COM\u00b9", "doc"),
    ("NUL.tar.gz", "doc"),
    ("...", "doc"),
    ("", "doc"),
    ("  تقرير دير الزور  ", "تقرير-دير-الزور"),
    ("مُحَمَّد", "محمد"),
    ("a" * 99 + ".b", "a" * 99),
    ("x:y*z?", "x-y-z"),
    ("tab\there", "tab-here"),
])
def test_sanitize_id_examples(raw: str, expected: str) -> None:
    assert sanitize_id(raw) == expected
    assert is_safe_id(sanitize_id(raw))


@pytest.mark.parametrize("bad", ["", ".", "..", ".hidden", "a/b", "a\\b", "../x", "CON", "aux.json",
                                 "a" * 121, "trailing.", "sp ace", "nul\x00", "COM\u00b2"])
def test_is_safe_id_rejects(bad: str) -> None:
    assert not is_safe_id(bad)


@pytest.mark.parametrize("good", ["doc", "2015-07-21-0001", "تقرير_1", "a.b", "CONSOLE", "COM10"])
def test_is_safe_id_accepts(good: str) -> None:
    assert is_safe_id(good)


@settings(max_examples=500)
@given(st.text(max_size=300))
def test_sanitize_id_always_safe(raw: str) -> None:
    result = sanitize_id(raw)
    assert is_safe_id(result)
    assert len(result) <= 100
    assert sanitize_id(result) == result  # idempotent


@pytest.mark.parametrize(("policy", "raw", "expected"), [
    (TextPolicy(), "\ufeffa\r\nb\rc\n", "a\nb\nc\n"),
    (TextPolicy(), "a\ufeffb", "a\ufeffb"),  # only a leading BOM is one
    (TextPolicy(bom="keep"), "\ufeffa", "\ufeffa"),
    (TextPolicy(newlines="keep"), "a\r\nb", "a\r\nb"),
    (TextPolicy(), "\u200fقال\u200f", "\u200fقال\u200f"),  # bidi marks stay
    (TextPolicy(), "بِسْمِ", "بِسْمِ"),  # no normalization by default
    (TextPolicy(normalization="NFC"), "e\u0301", "\u00e9"),
])
def test_policy_apply(policy: TextPolicy, raw: str, expected: str) -> None:
    assert policy.apply(raw) == expected


def test_policy_round_trips_through_dict() -> None:
    policy = TextPolicy(newlines="keep")
    assert TextPolicy.from_dict(policy.to_dict()) == policy
    assert TextPolicy.from_dict({"newlines": "keep", "future": "x"}) == policy
    assert TextPolicy.from_dict(None) == TextPolicy()


def test_offset_map_refuses_normalization() -> None:
    with pytest.raises(ValueError, match="normalization"):
        TextPolicy(normalization="NFC").offset_map("x")


def test_offset_map_example() -> None:
    # "\ufeff a \r\n b" -> "a\nb": BOM and a->0, \r->1, \n->1 (same new LF), b->2, end->3
    assert TextPolicy().offset_map("\ufeffa\r\nb") == [0, 0, 1, 1, 2, 3]


policies = st.builds(TextPolicy, bom=st.sampled_from(["strip", "keep"]),
                     newlines=st.sampled_from(["lf", "keep"]))
texts = st.text(st.sampled_from(["\ufeff", "\r", "\n", "a", "ب", "\u064e", " "]), max_size=40)


def brute_force_map(policy: TextPolicy, text: str) -> list[int]:
    """Position i maps to the length of what the text before it becomes, except between the CR
    and LF of a pair, which both become the one new LF (so i maps to where that LF starts)."""
    out = []
    for i in range(len(text) + 1):
        pos = len(policy.apply(text[:i]))
        if policy.newlines == "lf" and 0 < i < len(text) and text[i - 1:i + 1] == "\r\n":
            pos -= 1
        out.append(pos)
    return out


@settings(max_examples=500)
@given(policies, texts)
def test_offset_map_matches_brute_force(policy: TextPolicy, text: str) -> None:
    mapping = policy.offset_map(text)
    assert mapping == brute_force_map(policy, text)
    assert len(mapping) == len(text) + 1
    assert mapping[-1] == len(policy.apply(text))
    assert all(a <= b for a, b in itertools.pairwise(mapping))


@settings(max_examples=500)
@given(policies, texts, st.data())
def test_offset_map_moves_spans_with_the_text(policy: TextPolicy, text: str, data) -> None:
    i = data.draw(st.integers(0, len(text)))
    j = data.draw(st.integers(i, len(text)))
    splits_pair = any(0 < k < len(text) and text[k - 1:k + 1] == "\r\n" for k in (i, j))
    assume(not (policy.newlines == "lf" and splits_pair))
    mapping = policy.offset_map(text)
    new = policy.apply(text)
    # A span's text after import is what the policy makes of its text before (a BOM is only
    # stripped at the start of the document).
    inner = policy if i == 0 else TextPolicy(bom="keep", newlines=policy.newlines)
    assert new[mapping[i]:mapping[j]] == inner.apply(text[i:j])
