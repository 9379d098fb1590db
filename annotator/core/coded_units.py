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
from collections.abc import Iterable, Sequence
from functools import lru_cache
from itertools import accumulate, chain, compress, filterfalse, repeat
from operator import add, and_, eq, gt, itemgetter, le, mul, not_, sub
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


def coded_units(text: str, coders: Sequence[Sequence[SpanItem]],
                stretches: Stretches | None = None,
                dirty: list[list[SpanItem]] | None = None) -> tuple[Units, Units]:
    """``character_units`` and ``token_units`` at once (they share a pass over the text).
    ``stretches``: ``spans_union(coders, len(text))``, and ``dirty``: ``split_spans(coders,
    stretches).dirty``, if the caller has them."""
    if stretches is None:
        stretches = spans_union(coders, len(text))
    chunks = text.split()
    return (character_units(text, coders, stretches, chunks, dirty),
            token_units(text, coders, stretches, chunks, dirty))


def character_units(text: str, coders: Sequence[Sequence[SpanItem]],
                    stretches: Stretches | None = None, chunks: list[str] | None = None,
                    dirty: list[list[SpanItem]] | None = None) -> Units:
    """Each counted character's categories, one per coder (see the module docstring).
    ``stretches`` (``spans_union``), ``chunks`` (``text.split()``) and ``dirty`` (each
    coder's spans outside the clean stretches, ``Split.dirty``): if the caller has them."""
    los, his, clean = spans_union(coders, len(text)) if stretches is None else stretches
    m = len(coders)
    out: Units = Counter()
    inside = None  # each coder's spans in the stretches looked at (None: all of them)
    if any(clean):  # clean stretches: counted, not looked at
        clean_los, clean_his = list(compress(los, clean)), list(compress(his, clean))
        _add_by_label(out, compress(clean, clean), _counted_in(text, clean_los, clean_his), m)
        looked_at = list(map(not_, clean))
        los, his = list(compress(los, looked_at)), list(compress(his, looked_at))
        # Only the spans of the stretches looked at can cover their characters.
        inside = dirty if dirty is not None else [_spans_in(spans, los, his)
                                                  for spans in coders]
    if los:
        # The characters of the stretches looked at, one stretch after another: each coder's
        # categories there, from the spans moved to those places.
        bases = list(accumulate(map(sub, his, los), initial=0))
        moves = list(map(sub, bases, los))  # a position of stretch k is at position + moves[k]
        counts = _counted_mask("".join(map(text.__getitem__, map(slice, los, his))))
        categories = []
        for spans in (coders if inside is None else inside):
            move = map(moves.__getitem__, map(sub, map(bisect_right, repeat(los),
                                                       map(_START, spans)), repeat(1)))
            cats = _categories(bases[-1], [(start + k, end + k, label) for (start, end, label), k
                                           in zip(spans, move, strict=True)])
            categories.append(cats if counts is None else list(compress(cats, counts)))
        out.update(zip(*categories, strict=True))
    rest = _counted_characters(text, chunks) - out.total()
    if rest:
        out[(OUTSIDE,) * m] += rest
    return out


def _counted_in(text: str, los: list[int], his: list[int]) -> list[int]:
    """How many characters of each stretch of the text from ``los`` to ``his`` are units, in
    C loops: every one, or all but spaces (nearly always), else one by one."""
    pieces = list(map(text.__getitem__, map(slice, los, his)))
    sizes = list(map(len, pieces))
    joined = "".join(pieces)
    if " " not in joined and joined.isprintable():
        return sizes
    if joined.replace(" ", "").isprintable():
        return list(map(sub, sizes, map(str.count, pieces, repeat(" "))))
    return [sum(map(counted, piece)) for piece in pieces]


def _counted_mask(covered: str) -> list[bool] | None:
    """Which characters of ``covered`` are units (None: all of them), in C loops where the
    only characters that are not are whitespace."""
    if " " not in covered and covered.isprintable():
        return None
    if covered.replace(" ", "").isprintable():
        return list(map(" ".__ne__, covered))
    if "".join(covered.split()).isprintable():  # no format marks: whitespace is all
        return list(map(not_, map(str.isspace, covered)))
    return list(map(counted, covered))


def _add_by_label(out: Units, labels: Iterable[str], sizes: Iterable[int], m: int) -> None:
    """Add ``size`` units that every one of the ``m`` coders gave ``label``, for each pair (a
    plain loop over the stretches: faster here than any C-level grouping tried)."""
    by_label: dict[str, int] = {}
    for label, size in zip(labels, sizes, strict=True):
        by_label[label] = by_label.get(label, 0) + size
    for label, size in by_label.items():
        out[(label,) * m] += size


def _plain_words(pieces: list[str], apart: Iterable[bool]) -> tuple[list[bool], list[int]]:
    """For each piece of text (a clean stretch), whether it is words of letters and digits
    between whitespace (``apart``: whether whitespace is on both sides), and how many words
    it has: its tokens. Nearly every piece is one such word, which one C loop finds; the
    others are split into words."""
    alnum = list(map(str.isalnum, pieces))
    sizes = [1] * len(pieces)
    for k in compress(range(len(pieces)), map(not_, alnum)):
        words = pieces[k].split()
        alnum[k] = all(map(str.isalnum, words))
        sizes[k] = len(words)
    return list(map(and_, apart, alnum)), sizes


def _spans_in(spans: Sequence[SpanItem], los: list[int], his: list[int]) -> list[SpanItem]:
    """The spans that lie in the stretches from ``los`` to ``his`` (sorted, apart; each span
    lies in one stretch of the coders' union or in none of these), found in C loops."""
    if not los:
        return []
    # A span lies in stretch k, the last starting at or before its start, if it ends by its end.
    at = list(map(bisect_right, repeat(los), map(_START, spans)))
    ends = [-1, *his]  # ends[k + 1]: the end of stretch k (-1: before the first)
    return list(compress(spans, map(le, map(_END, spans), map(ends.__getitem__, at))))


def _counted_characters(text: str, chunks: list[str] | None) -> int:
    """How many characters of the text are units. Text whose only whitespace is spaces and
    line breaks, with no format marks (nearly all), is counted without splitting it."""
    bare = text.replace("\n", " ")
    if bare.isprintable():  # no whitespace but spaces, no format marks
        return len(text) - bare.count(" ")
    solid = "".join(text.split() if chunks is None else chunks)
    return len(solid) if solid.isprintable() else sum(map(counted, solid))


def token_units(text: str, coders: Sequence[Sequence[SpanItem]],
                stretches: Stretches | None = None, chunks: list[str] | None = None,
                dirty: list[list[SpanItem]] | None = None) -> Units:
    """Each token's categories, one per coder (see the module docstring).
    ``stretches`` (``spans_union``), ``chunks`` (``text.split()``) and ``dirty`` (each
    coder's spans outside the clean stretches, ``Split.dirty``): if the caller has them."""
    los, his, clean = spans_union(coders, len(text)) if stretches is None else stretches
    m = len(coders)
    out: Units = Counter()
    dirty_los, dirty_his = los, his
    inside = None  # each coder's spans in the stretches looked at (None: all of them)
    if any(clean):
        # A clean stretch between whitespace, of words only: its tokens are its words.
        clean_los, clean_his = list(compress(los, clean)), list(compress(his, clean))
        padded = f" {text} "  # padded[k] is the character before text[k]
        apart = map(and_, map(str.isspace, map(padded.__getitem__, clean_los)),
                    map(str.isspace, map(padded.__getitem__, map(add, clean_his,
                                                                 repeat(1)))))
        pieces = list(map(text.__getitem__, map(slice, clean_los, clean_his)))
        plain, sizes = _plain_words(pieces, apart)
        _add_by_label(out, compress(compress(clean, clean), plain), compress(sizes, plain), m)
        # The rest: stretches not clean, and clean ones that are not plain words (whose spans
        # are one of each coder, all alike).
        looked_at = list(map(not_, clean))
        odd = list(compress(compress(range(len(los)), clean), map(not_, plain)))
        for k in odd:
            looked_at[k] = True
        dirty_los, dirty_his = list(compress(los, looked_at)), list(compress(his, looked_at))
        # Spans elsewhere overlap none of the tokens looked at.
        odd_spans = [(los[k], his[k], clean[k]) for k in odd]
        inside = [_spans_in(spans, dirty_los, dirty_his) for spans in coders] if dirty is None \
            else [spans + odd_spans for spans in dirty] if odd_spans else dirty
    starts, ends = _tokens_near(text, dirty_los, dirty_his)
    if starts:
        categories = []
        for spans in coders if inside is None else inside:
            # The tokens a span overlaps: from the first ending after its start to the last
            # starting before its end.
            firsts = map(bisect_right, repeat(ends), map(_START, spans))
            pasts = map(bisect_left, repeat(starts), map(_END, spans))
            ranges = list(zip(firsts, pasts, map(_LABEL, spans), strict=True))
            categories.append(_categories(len(starts), ranges))
        out.update(zip(*categories, strict=True))
    rest = _token_count(text.split() if chunks is None else chunks) - out.total()
    if rest:
        out[(OUTSIDE,) * m] += rest
    return out


_START, _END, _LABEL = itemgetter(0), itemgetter(1), itemgetter(2)


class Stretches(NamedTuple):
    """The stretches some coder's span covers (merged, in order), and for each, the label if
    every coder marked exactly that stretch with it and nothing else there ("" if not): such
    a *clean* stretch needs no look at its units, all of them have that label for all."""

    los: list[int]
    his: list[int]
    clean: list[str]


def spans_union(coders: Sequence[Sequence[SpanItem]], n: int) -> Stretches:
    """The stretches the coders' spans cover (see ``Stretches``); spans that touch or overlap
    are in one stretch. Found with C loops over the spans sorted by start."""
    items = sorted(chain.from_iterable(coders))
    if not items:
        return Stretches([], [], [])
    starts, ends = list(map(_START, items)), list(map(_END, items))
    reach = _furthest(ends)
    firsts = [0, *compress(range(1, len(items)), map(gt, starts[1:], reach[:-1]))]
    lasts = [*map(sub, firsts[1:], repeat(1)), len(items) - 1]
    los, his = list(map(starts.__getitem__, firsts)), list(map(reach.__getitem__, lasts))
    if los[0] < 0 or his[-1] > n:
        raise ValueError(f"a span lies outside the text (0 to {n})")
    # Clean: m spans, all equal (sorted: the first equals the last), one from each coder (each
    # coder has every span once, or the coders are checked one by one). In C loops.
    m = len(coders)
    first_items = list(map(items.__getitem__, firsts))
    is_clean = map(and_, map(eq, map(sub, lasts, firsts), repeat(m - 1)),
                   map(eq, first_items, map(items.__getitem__, lasts)))
    clean = list(map(mul, map(_LABEL, first_items), is_clean))  # label * False is ""
    if m > 1 and any(clean) and not all(len(set(spans)) == len(spans) for spans in coders):
        mine = [set(spans) for spans in coders]
        for k, label in enumerate(clean):
            if label and not all((los[k], his[k], label) in s for s in mine):
                clean[k] = ""
    return Stretches(los, his, clean)


class Split(NamedTuple):
    """The coders' spans split by the stretches of ``spans_union``: the label of each clean
    stretch (one span of every coder there, all alike), counted, and each coder's spans in
    the other stretches. Every pair of coders has one identical pair of spans in each clean
    stretch, overlapping nothing else: the figures count those without a look, and compare
    the other spans only (a few in most documents)."""

    clean: Counter[str]
    dirty: list[list[SpanItem]]


def split_spans(coders: Sequence[Sequence[SpanItem]], stretches: Stretches) -> Split:
    """The coders' spans split by the stretches (see ``Split``), in C loops."""
    los, his, clean = stretches
    dirty = list(map(not_, clean))
    dirty_los, dirty_his = list(compress(los, dirty)), list(compress(his, dirty))
    return Split(Counter(compress(clean, clean)),
                 [_spans_in(spans, dirty_los, dirty_his) for spans in coders])


def _furthest(ends: list[int]) -> list[int]:
    """The furthest of ``ends`` so far, at each place (``accumulate(ends, max)``): the ends
    themselves but after a span inside the one before (one in a few dozen), found in C."""
    reach = ends[:]
    for k in compress(range(1, len(ends)), map(gt, ends, ends[1:])):
        top = reach[k - 1]
        while k < len(reach) and reach[k] < top:
            reach[k] = top
            k += 1
    return reach


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
    others = list(filterfalse(str.isalnum, chunks))
    return len(chunks) - len(others) + sum(map(len, map(token_pattern().findall, others)))


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
