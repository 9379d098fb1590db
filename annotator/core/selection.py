"""Selection snapping in code points: grapheme clusters, trimming, whole words, proclitics.

Pure Python (no Qt) so the GUI, the CLI and importers snap spans the same way. Every function
takes the stored document text and a ``[start, end)`` range in code points and returns a new
range; none of them changes the text.

Typical GUI use on a mouse selection::

    start, end = snap_to_grapheme(text, start, end)   # never split a letter from its harakat
    start, end = trim_span(text, start, end)          # drop spaces, ZWNJ, marks, punctuation
    start, end = expand_to_words(text, start, end)    # optional: whole words only
"""

from __future__ import annotations

import unicodedata
from bisect import bisect_right
from collections.abc import Iterable
from typing import Protocol

from annotator.core.text import LETTER_VARIANTS, PROCLITICS

ZWNJ = "\u200c"
ZWJ = "\u200d"
TATWEEL = "\u0640"

# Invisible format characters that never belong at the edge of a span: zero-width space,
# ZWNJ/ZWJ, LRM/RLM/ALM, the embedding/override/isolate controls, word joiner, BOM, soft hyphen.
_TRIM_FORMAT = frozenset(
    "\u200b\u200c\u200d\u200e\u200f\u061c\u2060\ufeff\u00ad"
    "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
)
# Punctuation that is part of a quantity ("٥٠٪", "3‰"): kept at span ends.
_KEEP_PUNCT = frozenset("%\u066a\u2030\u2031\u0609\u060a")
# Between two digits these stay inside a number: 3.5, 1,200, ٣٫٥, ١٬٢٠٠.
_NUMBER_JOINERS = frozenset(".,\u066b\u066c")
# Between two letters these stay inside a word: don't, l’homme.
_WORD_APOSTROPHES = frozenset("'\u2019")

# ---------------------------------------------------------------------------------------------
# Grapheme clusters (UAX #29 extended grapheme clusters, the rules that matter for this text)
# ---------------------------------------------------------------------------------------------
# Implemented: GB3-GB5 (CR LF, controls), GB6-GB8 (Hangul), GB9/9a/9b (extend, spacing marks,
# prepend: Arabic number signs U+0600..U+0605 are prepend), GB11 (emoji ZWJ sequences), GB12/13
# (flag pairs). Not implemented: GB9c (Indic conjuncts) -- such text splits where Qt would not,
# which only ever makes a cluster smaller, never glues letters to foreign marks.

_CONTROL, _EXTEND, _ZWJ_T, _SPACING, _PREPEND, _RI, _L, _V, _T, _LV, _LVT, _OTHER = range(12)

_PREPEND_CHARS = frozenset(
    "\u0600\u0601\u0602\u0603\u0604\u0605\u06dd\u070f\u0890\u0891\u08e2\U000110bd\U000110cd"
)

# Extended_Pictographic, as ranges (start, end inclusive). Covers every emoji block; a rare
# pictograph outside these only loses GB11 gluing.
_EXT_PICT_RANGES: tuple[tuple[int, int], ...] = (
    (0x00A9, 0x00A9), (0x00AE, 0x00AE), (0x203C, 0x203C), (0x2049, 0x2049), (0x2122, 0x2122),
    (0x2139, 0x2139), (0x2194, 0x2199), (0x21A9, 0x21AA), (0x231A, 0x231B), (0x2328, 0x2328),
    (0x2388, 0x2388), (0x23CF, 0x23CF), (0x23E9, 0x23F3), (0x23F8, 0x23FA), (0x24C2, 0x24C2),
    (0x25AA, 0x25AB), (0x25B6, 0x25B6), (0x25C0, 0x25C0), (0x25FB, 0x25FE), (0x2600, 0x2605),
    (0x2607, 0x2612), (0x2614, 0x2685), (0x2690, 0x2705), (0x2708, 0x2712), (0x2714, 0x2714),
    (0x2716, 0x2716), (0x271D, 0x271D), (0x2721, 0x2721), (0x2728, 0x2728), (0x2733, 0x2734),
    (0x2744, 0x2744), (0x2747, 0x2747), (0x274C, 0x274C), (0x274E, 0x274E), (0x2753, 0x2755),
    (0x2757, 0x2757), (0x2763, 0x2767), (0x2795, 0x2797), (0x27A1, 0x27A1), (0x27B0, 0x27B0),
    (0x27BF, 0x27BF), (0x2934, 0x2935), (0x2B05, 0x2B07), (0x2B1B, 0x2B1C), (0x2B50, 0x2B50),
    (0x2B55, 0x2B55), (0x3030, 0x3030), (0x303D, 0x303D), (0x3297, 0x3297), (0x3299, 0x3299),
    (0x1F000, 0x1F0FF), (0x1F10D, 0x1F10F), (0x1F12F, 0x1F12F), (0x1F16C, 0x1F171),
    (0x1F17E, 0x1F17F), (0x1F18E, 0x1F18E), (0x1F191, 0x1F19A), (0x1F1AD, 0x1F1E5),
    (0x1F201, 0x1F20F), (0x1F21A, 0x1F21A), (0x1F22F, 0x1F22F), (0x1F232, 0x1F23A),
    (0x1F23C, 0x1F23F), (0x1F249, 0x1F3FA), (0x1F400, 0x1F53D), (0x1F546, 0x1F64F),
    (0x1F680, 0x1F6FF), (0x1F774, 0x1F77F), (0x1F7D5, 0x1F7FF), (0x1F80C, 0x1F80F),
    (0x1F848, 0x1F84F), (0x1F85A, 0x1F85F), (0x1F888, 0x1F88F), (0x1F8AE, 0x1F8FF),
    (0x1F90C, 0x1F93A), (0x1F93C, 0x1F945), (0x1F947, 0x1FAFF), (0x1FC00, 0x1FFFD),
)
_EXT_PICT_STARTS = tuple(r[0] for r in _EXT_PICT_RANGES)


def _is_ext_pict(ch: str) -> bool:
    cp = ord(ch)
    i = bisect_right(_EXT_PICT_STARTS, cp) - 1
    return i >= 0 and cp <= _EXT_PICT_RANGES[i][1]


def _gcb(ch: str) -> int:
    """Grapheme_Cluster_Break property of one code point (see the note above for coverage)."""
    cp = ord(ch)
    if ch == ZWJ:
        return _ZWJ_T
    if ch == ZWNJ or 0x1F3FB <= cp <= 0x1F3FF or 0xE0020 <= cp <= 0xE007F or cp in (0xFF9E, 0xFF9F):
        return _EXTEND  # ZWNJ, emoji skin-tone modifiers, tag characters
    if ch in _PREPEND_CHARS:
        return _PREPEND
    if 0x1F1E6 <= cp <= 0x1F1FF:
        return _RI
    cat = unicodedata.category(ch)
    if cat in ("Mn", "Me"):
        return _EXTEND  # harakat, Quranic marks, variation selectors, keycap
    if cat == "Mc":
        return _SPACING
    if cat in ("Cc", "Zl", "Zp", "Cs") or (cat == "Cf" and not 0xE0000 <= cp <= 0xE0FFF):
        return _CONTROL
    if 0x1100 <= cp <= 0x115F or 0xA960 <= cp <= 0xA97C:
        return _L
    if 0x1160 <= cp <= 0x11A7 or 0xD7B0 <= cp <= 0xD7C6:
        return _V
    if 0x11A8 <= cp <= 0x11FF or 0xD7CB <= cp <= 0xD7FB:
        return _T
    if 0xAC00 <= cp <= 0xD7A3:
        return _LV if (cp - 0xAC00) % 28 == 0 else _LVT
    return _OTHER


def is_grapheme_boundary(text: str, i: int) -> bool:
    """True when a selection may start or end at code point ``i`` without splitting a cluster."""
    if i <= 0 or i >= len(text):
        return True
    a, b = text[i - 1], text[i]
    if a == "\r" and b == "\n":
        return False  # GB3
    ga, gb = _gcb(a), _gcb(b)
    if ga == _CONTROL or gb == _CONTROL:
        return True  # GB4, GB5
    if ga == _L and gb in (_L, _V, _LV, _LVT):
        return False  # GB6
    if ga in (_LV, _V) and gb in (_V, _T):
        return False  # GB7
    if ga in (_LVT, _T) and gb == _T:
        return False  # GB8
    if gb in (_EXTEND, _ZWJ_T, _SPACING):
        return False  # GB9, GB9a
    if ga == _PREPEND:
        return False  # GB9b
    if ga == _ZWJ_T and _is_ext_pict(b):
        # GB11: ExtPict Extend* ZWJ x ExtPict
        j = i - 2
        while j >= 0 and _gcb(text[j]) == _EXTEND:
            j -= 1
        if j >= 0 and _is_ext_pict(text[j]):
            return False
    if ga == _RI and gb == _RI:
        # GB12/13: regional indicators pair up from the start of their run.
        run = 0
        j = i - 1
        while j >= 0 and _gcb(text[j]) == _RI:
            run += 1
            j -= 1
        return run % 2 == 0
    return True  # GB999


def grapheme_start(text: str, i: int) -> int:
    """The start of the cluster containing code point ``i`` (``i`` itself on a boundary)."""
    i = max(0, min(i, len(text)))
    while i > 0 and not is_grapheme_boundary(text, i):
        i -= 1
    return i


def grapheme_end(text: str, i: int) -> int:
    """The first boundary at or after ``i``."""
    n = len(text)
    i = max(0, min(i, n))
    while i < n and not is_grapheme_boundary(text, i):
        i += 1
    return i


def grapheme_boundaries(text: str) -> list[int]:
    """Every cluster boundary of ``text``, ``0`` and ``len(text)`` included."""
    return [i for i in range(len(text) + 1) if is_grapheme_boundary(text, i)]


def _clamp(text: str, start: int, end: int) -> tuple[int, int]:
    n = len(text)
    start = max(0, min(start, n))
    end = max(0, min(end, n))
    return (start, end) if start <= end else (end, start)


def snap_to_grapheme(text: str, start: int, end: int) -> tuple[int, int]:
    """Widen ``[start, end)`` to whole grapheme clusters.

    A letter keeps its harakat and shadda, an emoji keeps its skin tone, variation selector and
    ZWJ partners, a flag keeps both halves, CR keeps its LF. An empty range (a caret) moves back
    to the start of its cluster and stays empty. Out-of-range or reversed input is clamped and
    ordered.
    """
    start, end = _clamp(text, start, end)
    if start == end:
        s = grapheme_start(text, start)
        return s, s
    return grapheme_start(text, start), grapheme_end(text, end)


# ---------------------------------------------------------------------------------------------
# Trimming
# ---------------------------------------------------------------------------------------------

def is_trimmable(ch: str) -> bool:
    """Characters a span never starts or ends with: spaces, invisible formatting, punctuation.

    Punctuation is every Unicode ``P*`` category (so ، ؛ ؟ « » “ ” ۔ and ASCII), except percent
    and per-mille signs, which belong to the quantity they follow.
    """
    if ch in _TRIM_FORMAT or ch.isspace():
        return True
    cat = unicodedata.category(ch)
    if cat == "Cc":
        return True
    return cat[0] == "P" and ch not in _KEEP_PUNCT


def _is_mark(ch: str) -> bool:
    return _gcb(ch) in (_EXTEND, _SPACING) and ch != ZWNJ


def trim_span(text: str, start: int, end: int) -> tuple[int, int]:
    """Shrink ``[start, end)`` past whitespace, ZWNJ/ZWJ, bidi marks and punctuation at both ends.

    A mark sitting on a trimmed character goes with it. If nothing is left the result is the
    empty range ``(s, s)`` at the trimmed start, so callers test ``start == end``.
    """
    start, end = _clamp(text, start, end)
    while start < end:
        if is_trimmable(text[start]):
            start += 1
            while start < end and _is_mark(text[start]):
                start += 1  # marks orphaned by the trimmed base
            continue
        break
    while end > start:
        last = text[end - 1]
        if is_trimmable(last):
            end -= 1
            continue
        if _is_mark(last):
            base = end - 1
            while base > start and _is_mark(text[base]):
                base -= 1
            if is_trimmable(text[base]):
                end = base
                continue
        break
    return start, end


# ---------------------------------------------------------------------------------------------
# Words
# ---------------------------------------------------------------------------------------------

def _is_word_char(ch: str) -> bool:
    return unicodedata.category(ch)[0] in "LMN"


def _in_word(text: str, i: int) -> bool:
    """Is code point ``i`` part of a word (letters, marks, digits and their internal joiners)?"""
    ch = text[i]
    if _is_word_char(ch):
        return True
    if 0 < i < len(text) - 1:
        prev, nxt = text[i - 1], text[i + 1]
        if ch in (ZWNJ, ZWJ):
            return _is_word_char(prev) and _is_word_char(nxt)
        if ch in _NUMBER_JOINERS:
            return unicodedata.category(prev) == "Nd" and unicodedata.category(nxt) == "Nd"
        if ch in _WORD_APOSTROPHES:
            return prev.isalpha() and nxt.isalpha() and prev != TATWEEL and nxt != TATWEEL
    return False


def word_at(text: str, i: int) -> tuple[int, int]:
    """The word containing code point ``i`` (or ending just before it); ``(i, i)`` if none."""
    n = len(text)
    i = max(0, min(i, n))
    if i < n and _in_word(text, i):
        s = e = i
    elif i > 0 and _in_word(text, i - 1):
        s = e = i - 1
    else:
        return i, i
    while s > 0 and _in_word(text, s - 1):
        s -= 1
    while e < n and _in_word(text, e):
        e += 1
    return s, e


def expand_to_words(text: str, start: int, end: int) -> tuple[int, int]:
    """Widen ``[start, end)`` so that it neither starts nor ends inside a word.

    A start inside a word moves to the word's start, an end inside a word to its end; an edge
    already on whitespace or punctuation stays put (trim it with :func:`trim_span`). An empty
    range touching a word becomes that word. Tatweel, harakat, ZWNJ between letters and digit
    separators (3.5, ١٬٢٠٠) count as part of the word.
    """
    start, end = _clamp(text, start, end)
    n = len(text)
    if start == end:
        start, end = word_at(text, start)
        if start == end:
            return snap_to_grapheme(text, start, end)
        # A word found this way can snap onto a mark that joins it to the previous word: go
        # through the widening loop like any other range, so expanding twice changes nothing.
    while True:
        s, e = start, end
        if s < n and _in_word(text, s):
            while s > 0 and _in_word(text, s - 1):
                s -= 1
        if e > 0 and _in_word(text, e - 1):
            while e < n and _in_word(text, e):
                e += 1
        s, e = snap_to_grapheme(text, s, e)
        if (s, e) == (start, end):
            return start, end
        # Snapping can pull in a mark that touches another word (a stray keycap, a ZWNJ at
        # an edge): widen again until nothing moves; each round only grows the range.
        start, end = s, e


# ---------------------------------------------------------------------------------------------
# Proclitics
# ---------------------------------------------------------------------------------------------

def _is_letter(ch: str) -> bool:
    return ch.isalpha() and ch != TATWEEL


def _skip_marks(text: str, i: int, end: int) -> int:
    while i < end and (_is_mark(text[i]) or text[i] == TATWEEL):
        i += 1
    return i


def _letters_ahead(text: str, i: int, end: int) -> str:
    """The letters of the word run starting at ``i`` (marks and tatweel skipped), up to ``end``."""
    out = []
    while i < end:
        ch = text[i]
        if _is_letter(ch):
            out.append(ch)
        elif not (_is_mark(ch) or ch == TATWEEL):
            break
        i += 1
    return "".join(out)


# After the article, these words are the name of God (الله، اللهم), not article + noun.
_NOT_ARTICLE_REST = frozenset({"له", "لهم"})

# Words whose first letter is a root letter that looks like a proclitic, and whose remainder
# is (or is spelt like) another word, which the word counts cannot tell apart (see
# ``_proclitic_is_likely``): names, and words that rarely take another proclitic or the
# article. Written with plain alef, ي and ه (spelling variants are merged before the lookup).
ROOT_LETTER_WORDS = frozenset("""
    بعض بعد بعده بين بلده بدا بات باتت باشرت بغض كل كله كلها كلما كلا كان كانت كانا
    كيف كاف كاملا كلم لكن لدي لدينا لديك لست لعل لولا فوق فقط فيهم فعله فعليا واحدا
    واحد واحده وليا وردت لبنان بكين بشار بندر باراك كيري بلاتيني كوباني فورد بوست كوب واس
""".split())

MIN_LEXICON_WORDS = 20_000  # fewer running words than this: too few to tell a word by
MIN_REST_COUNT = 3  # times the remainder must occur on its own
# A word that itself takes the article or a proclitic that cannot stand before its first
# letter (البلدية، لبلدية، ووافق) more often than this share of its own count has a root
# letter there: «بلدية» is not «ب» + «لدية».
MAX_ROOT_EVIDENCE_SHARE = 0.05

_PLAIN_LETTERS = str.maketrans(LETTER_VARIANTS)


class WordCounts(Protocol):
    """How often words occur on their own in a project's documents (``core.lexicon``)."""

    total: int

    def count(self, word: str) -> int: ...


def is_root_letter_word(word: str) -> bool:
    """Is ``word`` (letters only) a known word whose first letter only looks like a proclitic?"""
    return word.translate(_PLAIN_LETTERS) in ROOT_LETTER_WORDS


def _proclitic_is_likely(lexicon: WordCounts, word: str) -> bool:
    """Is the first letter of ``word`` (letters only) a proclitic, by the project's words?

    Two tests: what is left must be a word there, and ``word`` itself must not take what can
    only stand before a stem (the article; before و/ف any proclitic, before ب/ل/ك the
    prepositions ب/ك): «البلدية» and «كبلدية» occur, «البالقرب» and «ووقال» do not.
    """
    rest = word[1:]
    if rest.startswith(("ال", "أل")):
        # Proclitic + article (بالقرب، فالمدينة): the article form, or its noun, occurs.
        is_word = lexicon.count(rest) > 0 or (len(rest) > 3 and lexicon.count(rest[2:]) > 0)
    elif word[0] == "ل" and rest.startswith("ل") and lexicon.count("ا" + rest) > 0:
        is_word = True  # ل + ال written لل (للميليشيات): the article form occurs
    else:
        is_word = lexicon.count(rest) >= MIN_REST_COUNT
    if not is_word:
        return False
    # Before ل, another ل is no evidence: «للرئيس» is ل + الرئيس, not ل + «لرئيس».
    before = "وفبلك" if word[0] in "وف" else "بك"
    evidence = lexicon.count("ال" + word) + sum(lexicon.count(p + word) for p in before)
    return evidence <= MAX_ROOT_EVIDENCE_SHARE * lexicon.count(word)


def strip_proclitic(
    text: str,
    start: int,
    end: int,
    proclitics: Iterable[str] = PROCLITICS,
    *,
    strip_article: bool = False,
    min_rest: int = 2,
    lexicon: WordCounts | None = None,
) -> tuple[int, int]:
    """Move ``start`` past one leading proclitic letter (و ف ب ل ك) and, optionally, the article.

    Only at the start of a word, and only when at least ``min_rest`` letters follow in that word
    (so a lone "و" or "بك" stays). Harakat on a stripped letter go with it. With
    ``strip_article``, "ال" (and the lam left by ل + ال, as in للحكومة) is stripped too, except
    in الله / اللهم. The letters look like root letters (بعض، بلدة، وزير): a word of
    ``ROOT_LETTER_WORDS`` is never trimmed, and with a ``lexicon`` of the project's words (of at
    least ``MIN_LEXICON_WORDS`` words) a letter is only left out when what remains is a word
    there. Returns the new ``(start, end)``.
    """
    start, end = _clamp(text, start, end)
    if start >= end or (start > 0 and _in_word(text, start - 1)):
        return start, end
    if lexicon is not None and lexicon.total < MIN_LEXICON_WORDS:
        lexicon = None
    procl = frozenset(proclitics)
    s = start
    stripped_lam = False
    if text[s] in procl:
        j = _skip_marks(text, s + 1, end)
        word = _letters_ahead(text, start, len(text))  # the whole word, past the selection
        if len(_letters_ahead(text, j, end)) >= min_rest and not is_root_letter_word(word) and (
                lexicon is None or _proclitic_is_likely(lexicon, word)):
            stripped_lam = text[s] == "ل"
            s = j
    if strip_article and s < end:
        if text[s] == "ا":
            lam = _skip_marks(text, s + 1, end)
            if lam < end and text[lam] == "ل":
                after = _skip_marks(text, lam + 1, end)
                rest = _letters_ahead(text, after, end)
                if len(rest) >= min_rest and rest not in _NOT_ARTICLE_REST:
                    s = after
        elif stripped_lam and text[s] == "ل":
            # ل + ال is written لل: the second lam is the article's.
            after = _skip_marks(text, s + 1, end)
            rest = _letters_ahead(text, after, end)
            if len(rest) >= min_rest and rest not in _NOT_ARTICLE_REST:
                s = after
    return s, end


def article_left_out(text: str, start: int) -> bool:
    """Does a span at ``start`` begin with the article's lam of ل + ال, the first lam left out
    («لميليشيات» in «للميليشيات»)? A name taken from it then reads «الميليشيات»."""
    if not 0 < start < len(text) or text[start] != "ل":
        return False
    lam = start
    while lam > 0 and (_is_mark(text[lam - 1]) or text[lam - 1] == TATWEEL):
        lam -= 1  # harakat on the left-out lam
    if lam == 0 or text[lam - 1] != "ل":
        return False
    word_start = lam - 1
    while word_start > 0 and _in_word(text, word_start - 1):
        word_start -= 1
    rest = _letters_ahead(text, start + 1, len(text))
    return (_letters_ahead(text, word_start, lam - 1) in ("", "و", "ف") and len(rest) >= 2
            and rest not in _NOT_ARTICLE_REST)
