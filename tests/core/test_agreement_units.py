"""The units kappa and alpha count: characters and tokens, each with every coder's category,
found around the spans only; checked against a unit-by-unit count of the whole text."""

from __future__ import annotations

from collections import Counter
from itertools import accumulate

from hypothesis import given, settings
from hypothesis import strategies as st

from annotator.core.coded_units import (
    _furthest,
    character_units,
    coded_units,
    counted,
    spans_union,
    split_spans,
    token_units,
)
from annotator.core.tokens import tokenize

PIECES = ["هاجمَ", "مسلحو", "داعشٍ", "الحُكُومَةُ", "و", "،", ".", " ", " ", "\r\n", "\n",
          "😀", "👨‍👩‍👧", "👍🏽", "\u200f", "\u200c", "3", "=x", "a_b", "\t", "ـ", "\u00a0"]
TEXTS = st.lists(st.sampled_from(PIECES), min_size=1, max_size=30).map("".join)
WORDS = st.lists(st.sampled_from(["هاجم", "مسلحو", "داعش", " ", "\n", "3"]),
                 min_size=1, max_size=30).map("".join)
LABELS = ["ACTOR", "LOCATION", "TIME"]


def every_unit(units: list[tuple[int, int]], coders) -> Counter:
    """Unit by unit: the labels of each coder's spans overlapping it."""
    out: Counter = Counter()
    for lo, hi in units:
        out[tuple("+".join(sorted({label for s, e, label in spans if s < hi and lo < e}))
                  or "O" for spans in coders)] += 1
    return out


@st.composite
def coded_texts(draw):
    """A text and 1 to 4 coders' spans; coders often copy the one before (all of it, or all
    but one span), as real coders mostly agree."""
    text = draw(st.one_of(TEXTS, WORDS))
    words = tokenize(text)

    def span():
        if words and draw(st.booleans()):  # whole words, as coders mostly mark
            first = draw(st.integers(0, len(words) - 1))
            last = draw(st.integers(first, min(len(words) - 1, first + 2)))
            return (words[first][0], words[last][1], draw(st.sampled_from(LABELS)))
        start = draw(st.integers(0, len(text) - 1))
        end = draw(st.integers(start + 1, len(text)))
        return (start, end, draw(st.sampled_from(LABELS)))

    coders = [[span() for _ in range(draw(st.integers(0, 5)))]]
    for _ in range(draw(st.integers(0, 3))):
        how = draw(st.sampled_from(["copy", "change", "own"]))
        if how == "own" or not coders[-1]:
            coders.append([span() for _ in range(draw(st.integers(0, 5)))])
        else:
            spans = list(coders[-1])
            if how == "change":
                spans[draw(st.integers(0, len(spans) - 1))] = span()
            coders.append(spans)
    return text, coders


@given(coded_texts())
@settings(max_examples=500, deadline=None)
def test_character_units_equal_a_count_of_every_character(case):
    text, coders = case
    chars = [(i, i + 1) for i, ch in enumerate(text) if counted(ch)]
    assert character_units(text, coders) == every_unit(chars, coders)


@given(coded_texts())
@settings(max_examples=500, deadline=None)
def test_token_units_equal_a_count_of_every_token_of_the_conll_tokenizer(case):
    text, coders = case
    assert token_units(text, coders) == every_unit(tokenize(text), coders)


@given(coded_texts())
@settings(max_examples=300, deadline=None)
def test_units_from_the_spans_outside_the_clean_stretches_are_the_same(case):
    """What agreement passes: the stretches, and only the spans outside the clean ones."""
    text, coders = case
    stretches = spans_union(coders, len(text))
    chars = [(i, i + 1) for i, ch in enumerate(text) if counted(ch)]
    assert coded_units(text, coders, stretches, split_spans(coders, stretches).dirty) == (
        every_unit(chars, coders), every_unit(tokenize(text), coders))


@given(st.lists(st.integers(0, 40), min_size=1, max_size=30))
def test_the_furthest_end_so_far_is_the_running_maximum(ends):
    assert _furthest(ends) == list(accumulate(ends, max))


def test_units_of_a_small_arabic_text():
    text = "هاجم مسلحون\u200f حاجزا للجيش"
    a = [(5, 11, "ACTOR"), (13, 24, "LOCATION")]
    b = [(5, 11, "ACTOR"), (14, 19, "LOCATION")]  # a boundary inside a word
    chars = character_units(text, [a, b])
    assert chars == Counter({("O", "O"): 4, ("ACTOR", "ACTOR"): 6, ("LOCATION", "O"): 6,
                             ("LOCATION", "LOCATION"): 4})  # RLM and spaces are not counted
    tokens = token_units(text, [a, b])
    assert tokens == Counter({("O", "O"): 1, ("ACTOR", "ACTOR"): 1,
                              ("LOCATION", "LOCATION"): 1, ("LOCATION", "O"): 1})


def test_a_text_without_whitespace_is_tokenized_whole():
    text = "،".join(["كلمة"] * 200)  # 999 code points, no whitespace
    coders = [[(0, 4, "ACTOR")], [(5, 9, "ACTOR")]]
    assert token_units(text, coders) == every_unit(tokenize(text), coders)
