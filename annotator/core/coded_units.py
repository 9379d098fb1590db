"""The units that kappa and alpha count in one document, and the category each coder gave them:
every counted character (not whitespace, not an invisible format mark such as RLM), or every
token of the CoNLL export's tokenizer (``core.tokens``, uncut: the same units for every coder).
A unit's category for a coder is the set of labels of that coder's spans covering it (a token:
overlapping it), joined with "+" in label order, "O" for none.

Both come as ``Counter({(category of coder 1, ..., of coder m): how many units})``. Most of a
text is covered by no span, where every coder says "O": those units are only counted, and
categories are looked up only where some coder's span lies, so a document costs about its
spans, not its length (agreement over 30,000 documents must take seconds). Spans must lie in
the text with start before end, as in every file that validates.
"""

from __future__ import annotations

import unicodedata
from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Sequence
from functools import lru_cache
from itertools import chain, compress, filterfalse, repeat
from operator import itemgetter
from typing import NamedTuple

from annotator.core.tokens import token_pattern, tokens

SpanItem = tuple[int, int, str]  # (start, end, label)
Units = Counter[tuple[str, ...]]
OUTSIDE = "O"
# Past this many code points without whitespace around a span, tokens are found over the whole
# text instead of around the spans (a text without spaces would make the walk quadratic).
_WALK_LIMIT = 200


@lru_cache(maxsize=4096)
def counted(ch: str) -> bool:
    """Whether a character is a unit: not whitespace, not an invisible format mark (RLM...)."""
    return not ch.isspace() and unicodedata.category(ch) != "Cf"


def coded_units(text: str, coders: Sequence[Sequence[SpanItem]]) -> tuple[Units, Units]:
    """``character_units`` and ``token_units`` at once (they share a pass over the text)."""
    stretches = spans_union(coders, len(text))
    chunks = text.split()
    return (character_units(text, coders, stretches, chunks),
            token_units(text, coders, stretches, chunks))


def character_units(text: str, coders: Sequence[Sequence[SpanItem]],
                    stretches: Stretches | None = None,
                    chunks: list[str] | None = None) -> Units:
    """Each counted character's categories, one per coder (see the module docstring).
    ``stretches`` (``spans_union``) and ``chunks`` (``text.split()``): if the caller has them."""
    los, his, clean = spans_union(coders, len(text)) if stretches is None else stretches
    m = len(coders)
    out: Units = Counter()
    covered = "".join(map(text.__getitem__, map(slice, los, his)))
    plain = " " not in covered and covered.isprintable()  # every covered character counts
    spaced = not plain and covered.replace(" ", "").isprintable()  # all but plain spaces
    if plain or spaced:  # clean stretches: counted, not looked at
        count = text.count
        for lo, hi, label in zip(los, his, clean, strict=True):
            if label is not None:
                out[(label,) * m] += hi - lo - (spaced and count(" ", lo, hi))
        dirty = [k for k, label in enumerate(clean) if label is None]
        los, his = [los[k] for k in dirty], [his[k] for k in dirty]
        covered = "".join(map(text.__getitem__, map(slice, los, his)))
    positions = list(chain.from_iterable(map(range, los, his)))
    if not plain:  # drop whitespace and format marks
        positions = list(compress(positions, map(" ".__ne__ if spaced else counted, covered)))
    if positions:
        n = len(text)
        categories = [_categories(n, spans) for spans in coders]
        if len(positions) == 1:
            out[tuple(cats[positions[0]] for cats in categories)] += 1
        else:
            take = itemgetter(*positions)
            out.update(zip(*map(take, categories), strict=True))
    solid = "".join(text.split() if chunks is None else chunks)
    inside = sum(out.values())
    rest = (len(solid) if solid.isprintable() else sum(map(counted, solid))) - inside
    if rest:
        out[(OUTSIDE,) * m] += rest
    return out


def token_units(text: str, coders: Sequence[Sequence[SpanItem]],
                stretches: Stretches | None = None, chunks: list[str] | None = None) -> Units:
    """Each token's categories, one per coder (see the module docstring).
    ``stretches`` (``spans_union``) and ``chunks`` (``text.split()``): if the caller has them."""
    los, his, clean = spans_union(coders, len(text)) if stretches is None else stretches
    m, n = len(coders), len(text)
    out: Units = Counter()
    dirty_los: list[int] = []
    dirty_his: list[int] = []
    for lo, hi, label in zip(los, his, clean, strict=True):
        # A clean stretch between whitespace, of words only: its tokens are its words.
        if label is not None and (lo == 0 or text[lo - 1].isspace()) and (
                hi == n or text[hi].isspace()):
            words = text[lo:hi].split()
            if all(map(str.isalnum, words)):
                out[(label,) * m] += len(words)
                continue
        dirty_los.append(lo)
        dirty_his.append(hi)
    starts, ends = _tokens_near(text, dirty_los, dirty_his)
    if starts:
        categories = []
        for spans in coders:
            # The tokens a span overlaps: from the first ending after its start to the last
            # starting before its end (none, for a span in a clean stretch).
            firsts = map(bisect_right, repeat(ends), map(_START, spans))
            pasts = map(bisect_left, repeat(starts), map(_END, spans))
            ranges = list(zip(firsts, pasts, map(_LABEL, spans), strict=True))
            categories.append(_categories(len(starts), ranges))
        out.update(zip(*categories, strict=True))
    rest = _token_count(text.split() if chunks is None else chunks) - sum(out.values())
    if rest:
        out[(OUTSIDE,) * m] += rest
    return out


_START, _END, _LABEL = itemgetter(0), itemgetter(1), itemgetter(2)


class Stretches(NamedTuple):
    """The stretches some coder's span covers (merged, in order), and for each, the label if
    every coder marked exactly that stretch with it and nothing else there (``None`` if not):
    such a *clean* stretch needs no look at its units, all of them have that label for all."""

    los: list[int]
    his: list[int]
    clean: list[str | None]


def spans_union(coders: Sequence[Sequence[SpanItem]], n: int) -> Stretches:
    """The stretches the coders' spans cover (see ``Stretches``)."""
    los: list[int] = []
    his: list[int] = []
    clean: list[str | None] = []
    reach = -1
    count = 0
    first: SpanItem = (0, 0, "")
    m = len(coders)
    for item in sorted(chain.from_iterable(coders)):
        start, end, label = item
        if start <= reach:
            if end > reach:
                reach = his[-1] = end
            count += 1
            if item != first:
                clean[-1] = None
        else:
            if clean and count != m:
                clean[-1] = None
            los.append(start)
            his.append(end)
            clean.append(label)
            reach = end
            first = item
            count = 1
    if clean and count != m:
        clean[-1] = None
    if los and (los[0] < 0 or reach > n):
        raise ValueError(f"a span lies outside the text (0 to {n})")
    if m > 1 and any(clean):
        # m equal spans in a stretch are clean only if each coder has one (not one coder two).
        mine = [set(spans) for spans in coders]
        for k, label in enumerate(clean):
            if label is not None and not all((los[k], his[k], label) in s for s in mine):
                clean[k] = None
    return Stretches(los, his, clean)


def _categories(n: int, ranges: Sequence[SpanItem]) -> list[str]:
    """For each of ``n`` units, the labels of the ``(first, past last, label)`` ranges covering
    it, joined with "+" ("O" for none). A range clear of all before it (most: coders mark
    words in order) is filled a slice at a time."""
    cats = [OUTSIDE] * n
    shared: dict[int, set[str]] = {}  # units under two ranges or more
    reach = 0
    for lo, hi, label in ranges:
        if lo >= reach:
            if hi > lo:
                cats[lo:hi] = [label] * (hi - lo)
                reach = hi
            continue
        for i in range(lo, hi):
            if cats[i] == OUTSIDE:
                cats[i] = label
            else:
                shared.setdefault(i, {cats[i]}).add(label)
        reach = max(reach, hi)
    for i, labels in shared.items():
        cats[i] = "+".join(sorted(labels))
    return cats


def _token_count(chunks: list[str]) -> int:
    """How many tokens a text split at whitespace (``chunks``) has. Whitespace always separates
    tokens, and a run of letters and digits is one token: only the other runs go through the
    token pattern."""
    return sum(map(str.isalnum, chunks)) + sum(map(len, map(token_pattern().findall,
                                                            filterfalse(str.isalnum, chunks))))


def _tokens_near(text: str, los: list[int], his: list[int]) -> tuple[list[int], list[int]]:
    """Starts and ends of the tokens of ``text`` in the whitespace-delimited runs around the
    stretches from ``los`` to ``his``, in order: the same tokens as over the whole text, since
    no token crosses whitespace."""
    if not los:
        return [], []
    n = len(text)
    regions: list[tuple[int, int]] = []
    for lo, hi in zip(los, his, strict=True):
        walked = 0
        while lo > 0 and not text[lo - 1].isspace():
            lo -= 1
            walked += 1
        while hi < n and not text[hi].isspace():
            hi += 1
            walked += 1
        if walked > _WALK_LIMIT:  # long runs without whitespace: tokenize the whole text
            _, starts, ends = tokens(text)
            return starts, ends
        if regions and lo <= regions[-1][1]:
            regions[-1] = (regions[-1][0], max(hi, regions[-1][1]))
        else:
            regions.append((lo, hi))
    finditer = token_pattern().finditer
    found = [m.span() for lo, hi in regions for m in finditer(text, lo, hi)]
    return list(map(_START, found)), list(map(_END, found))
