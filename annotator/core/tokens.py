"""Words and symbols of a text, with their code-point offsets: the one tokenizer of the CoNLL
export and of agreement counted over tokens, so both see the same units.

Tokens are words (letters, digits and the marks on them: harakat stay on their letter) and single
symbols (an emoji keeps its modifiers and ZWJ sequence); whitespace and invisible format
characters (RLM, LRM, ...) separate tokens. Offsets can be given at which tokens are cut (the
CoNLL export cuts at span edges, so every span is a run of whole tokens).
"""

from __future__ import annotations

import re
import sys
import unicodedata
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from functools import cache
from itertools import accumulate, pairwise, repeat
from operator import gt

# A run of code points of one kind in ``_categories()`` (two letters per code point: only a
# category's first letter is upper case, so these match whole code points only).
_MARK_RUN = re.compile("M[nce](?:M[nce])*")
_FORMAT_RUN = re.compile("Cf(?:Cf)*")


# Planes with no assigned code point (4 to 13) or only private use (15, 16): no marks and no
# format characters, so their categories need not be looked up one by one.
EMPTY_PLANES = frozenset(range(4, 14)) | {15, 16}


def _categories(skip: frozenset[int] = EMPTY_PLANES) -> str:
    """The Unicode category of every code point, two letters each, in one string (joined a
    plane at a time: a join over all of them at once holds a million strings, 65 MB). The
    planes in ``skip`` read as unassigned ("Cn"): a test checks that this changes no token
    boundary for the running Python's Unicode version."""
    return "".join("Cn" * 0x10000 if lo >> 16 in skip else
                   "".join(map(unicodedata.category, map(chr, range(lo, lo + 0x10000))))
                   for lo in range(0, sys.maxunicode + 1, 0x10000))


def _ranges(categories: str, run: re.Pattern[str], lo: int = 0, hi: int = sys.maxunicode) -> str:
    """A regex character class body for every code point in ``lo..hi`` in a ``run``."""
    out: list[str] = []
    for m in run.finditer(categories, 2 * lo, 2 * (hi + 1)):
        a, b = chr(m.start() // 2), chr(m.end() // 2 - 1)
        out.append(re.escape(a) if a == b else f"{re.escape(a)}-{re.escape(b)}")
    return "".join(out)


def _token_regex() -> str:
    """Words (with their combining marks) or one symbol with what attaches to it.

    The word class holds only BMP marks: with astral ranges in it ``re`` can no longer use a
    bitmap and matching gets twice as slow. An astral combining mark (historic scripts,
    musical notation) therefore starts a token of its own.
    """
    # One category lookup per code point, then runs found by a regex: each worker process of
    # an export builds this, and a Python test per code point took half a second.
    categories = _categories()
    marks = _ranges(categories, _MARK_RUN, 0, 0xFFFF)
    astral_marks = _ranges(categories, _MARK_RUN, 0x10000)
    # Format characters (RLM, LRM, ALM, bidi embeddings, soft hyphen...) separate tokens,
    # except ZWNJ/ZWJ which belong inside a word or an emoji sequence.
    zwnj = 2 * 0x200C
    invisible = _ranges(categories[:zwnj] + "----" + categories[zwnj + 4:], _FORMAT_RUN)
    attach = f"{marks}{astral_marks}\U0001f3fb-\U0001f3ff"
    word = rf"[\w{marks}\u200c\u200d]+"
    symbol = rf"[^\s\w{marks}{invisible}\u200c\u200d](?:[{attach}]|\u200d[^\s{invisible}])*"
    return f"{word}|{symbol}"


@cache
def token_pattern() -> re.Pattern[str]:
    """Words (with their combining marks) or one symbol with what attaches to it."""
    return re.compile(_token_regex())


@cache
def splitter() -> re.Pattern[str]:
    """``token_pattern`` as one group: ``split`` gives gap, token, gap, ..., gap."""
    return re.compile(f"({token_pattern().pattern})")


def tokens(text: str, boundaries: Sequence[int] = ()
            ) -> tuple[list[str], list[int], list[int]]:
    """Text, start and end of every token, split at each offset in ``boundaries`` (sorted).

    One ``re.split`` and running sums of the pieces' lengths: the same tokens as
    ``token_pattern().finditer``, without a match object per token.
    """
    parts = splitter().split(text)
    offsets = list(accumulate(map(len, parts)))
    words, starts, ends = parts[1::2], offsets[0:-1:2], offsets[1::2]
    if boundaries and words and inside_a_token(
            boundaries, list(map(bisect_left, repeat(starts), boundaries)), ends):
        cut_tokens(text, words, starts, ends, boundaries)
    return words, starts, ends


def inside_a_token(offsets: Sequence[int], at: Sequence[int], ends: list[int]) -> bool:
    """Whether an offset falls strictly inside a token (most fall between tokens: spans are
    made of words), in C loops. ``at``: ``bisect_left(starts, b)`` of each offset ``b``, the
    first token starting at or after it; ``b`` is inside a token exactly when it is before the
    end of the token before that one."""
    before = [-1, *ends]  # before[i]: the end of token i - 1 (-1: there is none)
    return any(map(gt, map(before.__getitem__, at), offsets))


def cut_tokens(text: str, words: list[str], starts: list[int], ends: list[int],
         boundaries: Sequence[int]) -> None:
    """Split the tokens (in place) at each offset of ``boundaries`` (sorted) inside one."""
    cuts: dict[int, list[int]] = {}
    for b in boundaries:  # a few dozen boundaries against hundreds of tokens
        i = bisect_right(starts, b) - 1
        if i >= 0 and starts[i] < b < ends[i]:
            cuts.setdefault(i, []).append(b)
    for i in sorted(cuts, reverse=True):  # from the end: earlier indexes stay valid
        edges = [starts[i], *cuts[i], ends[i]]
        starts[i:i + 1] = edges[:-1]
        ends[i:i + 1] = edges[1:]
        words[i:i + 1] = [text[s:e] for s, e in pairwise(edges)]


def tokenize(text: str, boundaries: Sequence[int] = ()) -> list[tuple[int, int]]:
    """``(start, end)`` of every token, split at each offset in ``boundaries`` (sorted)."""
    _, starts, ends = tokens(text, boundaries)
    return list(zip(starts, ends, strict=True))
