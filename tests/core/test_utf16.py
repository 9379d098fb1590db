"""Code point <-> UTF-16 offsets, against the ground truth of encoding the text as UTF-16."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from annotator.core.offsets import OffsetError, Utf16Map, to_code_point, to_utf16, utf16_length

# Arabic with tashkeel, emoji (astral), ZWJ, CR/LF, BOM and bidi marks, plus anything else.
SPECIAL = [*"هاجمَ مسلحو ًٌٍَُِّْ\r\n\u200f\u200d\ufeff", "😀", "👍", "\U0001f3fd", "🇸", "𝐀"]
TEXT = st.text(st.one_of(st.sampled_from(SPECIAL), st.characters(blacklist_categories=("Cs",))),
               max_size=60)


def truth(text: str, cp: int) -> int:
    return len(text[:cp].encode("utf-16-le")) // 2


@given(TEXT)
def test_every_code_point_offset_maps_to_the_utf16_truth_and_back(text):
    m = Utf16Map(text)
    assert m.u16_length == utf16_length(text) == len(text.encode("utf-16-le")) // 2
    for cp in range(len(text) + 1):
        u = m.to_utf16(cp)
        assert u == truth(text, cp)
        assert m.to_code_point(u) == cp


@given(TEXT)
def test_offsets_inside_a_surrogate_pair_are_refused_not_guessed(text):
    m = Utf16Map(text)
    valid = {truth(text, cp) for cp in range(len(text) + 1)}
    for u in range(m.u16_length + 1):
        if u in valid:
            assert truth(text, m.to_code_point(u)) == u
        else:
            with pytest.raises(OffsetError, match="surrogate pair"):
                m.to_code_point(u)


@given(TEXT, st.data())
def test_a_span_survives_the_round_trip_through_javascript_units(text, data):
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    m = Utf16Map(text)
    u_start, u_end = m.to_utf16(start), m.to_utf16(end)
    units = text.encode("utf-16-le")
    # What JavaScript's text.slice(u_start, u_end) returns is exactly the span's text.
    assert units[2 * u_start:2 * u_end].decode("utf-16-le") == text[start:end]
    assert (m.to_code_point(u_start), m.to_code_point(u_end)) == (start, end)


def test_known_values_and_range_errors():
    text = "a😀b👨‍👩‍👧"
    assert [to_utf16(text, i) for i in range(len(text) + 1)] == [0, 1, 3, 4, 6, 7, 9, 10, 12]
    assert to_code_point(text, 3) == 2
    assert Utf16Map("سلام").is_identity and not Utf16Map(text).is_identity
    for bad in (-1, 13):
        with pytest.raises(OffsetError, match="outside"):
            Utf16Map(text).to_code_point(bad)
    with pytest.raises(OffsetError, match="outside"):
        Utf16Map(text).to_utf16(len(text) + 1)
