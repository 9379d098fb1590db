"""Arabic-normalised search (no Qt): folding, whole-word matching with proclitics, and exact
code-point offsets of every match in the original text."""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from annotator.core.arabic import (
    FoldedText,
    find_all,
    fold,
    fold_query,
    folded_words,
    is_proclitic_prefix,
    match_spans,
)
from annotator.core.selection import is_grapheme_boundary


def texts_of(text: str, query: str, **kw: bool) -> list[str]:
    return [text[s:e] for s, e in find_all(text, query, **kw)]


# -- folding ----------------------------------------------------------------------------------

@pytest.mark.parametrize(("raw", "folded"), [
    ("أَحَدٌ", "احد"),  # harakat
    ("احـــد", "احد"),  # tatweel
    ("إسلام آمن ٱلله", "اسلام امن الله"),  # alef forms
    ("مستشفى", "مستشفي"),  # alef maqsura
    ("مدينة", "مدينه"),  # ta marbuta
    ("٢٠١٥ ۲۰۱۵ 2015", "2015 2015 2015"),  # Arabic-Indic and Persian digits
    ("ISIS Café", "isis cafe"),  # casefold, accents
    ("ﻷحد ﺍﻟﺮﻳﺎﺽ", "لاحد الرياض"),  # presentation forms
    ("a\r\nb\u00a0\u00a0c  d\u200f \u200fe", "a b c d e"),  # any run of whitespace
    ("می\u200cخواهم", "ميخواهم"),  # ZWNJ dropped
    ("\u202bنص\u202c\u200f", "نص"),  # bidi controls
    ("٥٠٪، ٣٫٥", "50%, 3.5"),
])
def test_fold(raw: str, folded: str) -> None:
    assert fold(raw) == folded


def test_hamza_carriers_fold_only_when_asked() -> None:
    assert fold("مسؤول قائد") == "مسؤول قائد"
    assert fold("مسؤول قائد", hamza=True) == "مسوول قايد"
    assert find_all("قال المسؤول", "مسوول", hamza=True) == [(6, 11)]
    assert find_all("قال المسؤول", "مسوول") == []


def test_folded_words() -> None:
    assert folded_words(fold("قال: «أحدُهم» 15 مرة")) == ["قال", "احدهم", "15", "مره"]


def test_fold_query_strips_outer_spaces() -> None:
    assert fold_query("  \u200fأحد \n") == "احد"


# -- matching ---------------------------------------------------------------------------------

def test_the_issue_example() -> None:
    text = "قُتل أحد عناصره يوم الأحد، وأحد المدنيين، ولم يكن واحداً"
    assert texts_of(text, "احد") == ["أحد", "أحد", "أحد"]
    assert texts_of(text, "أحد") == texts_of(text, "احد")
    assert texts_of(text, "احد", proclitics=False) == ["أحد"]
    # «واحد» (one) is spelt like «وأحد» without its hamza: found with proclitics.
    assert texts_of("قال واحد", "احد") == ["احد"]
    assert texts_of("قال واحد", "احد", proclitics=False) == []


def test_proclitic_sequences() -> None:
    text = "وبالقرب فالمدينة كالعادة للميليشيات والرياض"
    assert texts_of(text, "قرب") == ["قرب"]
    assert texts_of(text, "مدينه") == ["مدينة"]
    assert texts_of(text, "العاده") == ["العادة"]
    assert texts_of(text, "ميليشيات") == ["ميليشيات"]
    assert texts_of(text, "الميليشيات") == ["لميليشيات"]  # ل + ال: the article's lam
    assert texts_of(text, "الرياض") == ["الرياض"]


def test_whole_words_only_unless_asked() -> None:
    text = "أحداث الأحد"
    assert texts_of(text, "احد") == ["أحد"]
    assert texts_of(text, "احد", whole_word=False) == ["أحد", "أحد"]
    assert texts_of("قالوا", "قال") == []


def test_match_keeps_the_harakat_and_skips_tatweel() -> None:
    text = "هجومـاً على بَلْدَةِ السخنة"
    assert texts_of(text, "هجوما") == ["هجومـاً"]
    assert texts_of(text, "بلده السخنه") == ["بَلْدَةِ السخنة"]
    assert texts_of(text, "بَلدة") == ["بَلْدَةِ"]


@pytest.mark.parametrize(("text", "query", "expected"), [
    ("😀 أحد 👍🏽", "احد", ["أحد"]),  # offsets count code points past an emoji
    ("سطر\r\nأحد\r\nسطر", "سطر احد", ["سطر\r\nأحد"]),
    ("الدفاع\u00a0الوطني", "الدفاع الوطني", ["الدفاع\u00a0الوطني"]),
    ("قال\u200f أحد", "قال احد", ["قال\u200f أحد"]),
    ("می\u200cخواهم", "میخواهم", ["می\u200cخواهم"]),
    ("👍🏽 👍", "👍", ["👍"]),  # never half of an emoji with its skin tone
    ("1\ufe0f\u20e3 1", "1", ["1\ufe0f\u20e3", "1"]),  # a keycap stays whole
    ("Straße", "strasse", ["Straße"]),
    ("Straße", "ss", []),
])
def test_hard_texts(text: str, query: str, expected: list[str]) -> None:
    assert texts_of(text, query) == expected


def test_a_joiner_goes_with_its_letter_but_never_splits_an_emoji() -> None:
    assert texts_of("٣٣\u200d٣", "33", whole_word=False) == ["٣٣\u200d"]
    assert texts_of("👨\u200d👩 👨", "👨") == ["👨"]
    assert find_all("👨\u200d👩 👨", "👨") == [(4, 5)]


def test_offsets_are_code_points() -> None:
    text = "👨\u200d👩\u200d👧 في الرياض"
    (start, end), = find_all(text, "الرياض")
    assert (start, end) == (9, 15)
    assert text[start:end] == "الرياض"


def test_empty_and_invisible_queries_find_nothing() -> None:
    assert find_all("أحد", "") == []
    assert find_all("أحد", "\u064e\u0640") == []


def test_folded_text_is_reusable() -> None:
    ft = FoldedText("في الرياض وجدة والدمام")
    assert ft.find("جده") == [(11, 14)]
    assert ft.find("الدمام") == [(16, 22)]
    assert ft.find("رياض") == [(5, 9)]


def test_proclitic_prefixes() -> None:
    for prefix in ("", "و", "ف", "ب", "ل", "ك", "ال", "وال", "بال", "وبال", "فلل", "لل"):
        assert is_proclitic_prefix(prefix), prefix
    for prefix in ("ا", "س", "ولو", "الل"):
        assert not is_proclitic_prefix(prefix), prefix


# -- properties -------------------------------------------------------------------------------

PIECES = [
    "أحد", "احد", "الأحد", "وأحد", "للأحد", "ال", "و", "ب", "ل", "ة", "ه", "ى", "ي", "إ", "آ",
    "\u064e", "\u0650", "\u0651", "\u064b", "\u0670", "\u0640", "\u200c", "\u200d", "\u200f",
    "\u00a0", "\r\n", "\n", " ", "  ", "😀", "👍🏽", "👨\u200d👩", "1\ufe0f\u20e3", "٣", "3",
    "ﻷ", "ﺍ", "ß", "ss", "S", "é", "e\u0301", "،", "«", "x",
]
TEXTS = st.lists(st.sampled_from(PIECES), max_size=25).map("".join)


def _is_folded_query_with_proclitic(folded_range: str, fq: str) -> bool:
    """``folded_range`` is the folded query, or (ل + ال) the query with its article's alef
    dropped; proclitics before it are outside the range."""
    return folded_range == fq or (fq.startswith("ال") and folded_range == "ل" + fq[2:])


@given(TEXTS, TEXTS, st.booleans(), st.booleans())
@settings(max_examples=400, deadline=None)
def test_every_match_folds_to_the_query(text: str, query: str, proclitics: bool,
                                        whole_word: bool) -> None:
    fq = fold_query(query)
    last_end = 0
    for start, end in find_all(text, query, proclitics=proclitics, whole_word=whole_word):
        assert last_end <= start < end <= len(text)
        assert _is_folded_query_with_proclitic(fold(text[start:end]), fq)
        assert is_grapheme_boundary(text, start)
        # The marks of the last letter are inside the range.
        assert end == len(text) or unicodedata.category(text[end]) not in ("Mn", "Me")
        last_end = end


@st.composite
def text_and_piece(draw: st.DrawFn) -> tuple[str, int, int]:
    """A text and a non-empty ``[a, b)`` range of it."""
    text = draw(st.lists(st.sampled_from(PIECES), min_size=1, max_size=25).map("".join))
    a = draw(st.integers(0, len(text) - 1))
    return text, a, draw(st.integers(a + 1, len(text)))


@given(text_and_piece(), st.booleans(), st.booleans())
@settings(max_examples=400, deadline=None)
def test_every_match_of_a_piece_folds_to_it(args: tuple[str, int, int], proclitics: bool,
                                            whole_word: bool) -> None:
    text, a, b = args
    test_every_match_folds_to_the_query.hypothesis.inner_test(  # type: ignore[attr-defined]
        text, text[a:b], proclitics, whole_word)


@given(text_and_piece())
@settings(max_examples=400, deadline=None)
def test_a_piece_of_the_text_is_found_where_it_is(args: tuple[str, int, int]) -> None:
    text, a, b = args
    piece = text[a:b]
    fq = fold_query(piece)
    assume(fq)
    ft = FoldedText(text)
    # Anywhere-matching finds the folded piece wherever it occurs in the folded text.
    assert match_spans(ft.folded, fq, whole_word=False), (text, piece)
    mapped = ft.find(piece, whole_word=False)
    for start, end in mapped:
        assert fold(text[start:end]) == fq
    # A piece cut at character boundaries, starting and ending with something visible, is
    # found in the original text too (there or at an earlier, overlapping place).
    clean = (is_grapheme_boundary(text, a) and is_grapheme_boundary(text, b)
             and fold(text[a]).strip() and fold(text[b - 1]).strip())
    if clean:
        assert mapped and mapped[0][0] <= a, (text, piece, mapped)
