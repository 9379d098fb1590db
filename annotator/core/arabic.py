"""Arabic-normalised search: fold text once, find queries in it, map matches back exactly.

A coder who types «احد» means «أحد», «الأحد» and «وأحد» too: spelling varies (hamza on alef
or not, ى or ي, ة or ه, tatweel, harakat, Arabic-Indic digits), and proclitics glue onto the
word. Folding removes those differences; every match is mapped back to ``[start, end)`` code
points of the original text through an index map, never splitting a letter from its harakat.

What folding does (``fold``):

- drops harakat and every other combining mark, tatweel, invisible format characters (ZWNJ,
  ZWJ, RLM/LRM/ALM, bidi embeddings and isolates, BOM, soft hyphen, zero-width space) and
  control characters and lone surrogates;
- alef forms أ إ آ ٱ -> ا; ى -> ي; ة -> ه; Persian yeh and keheh -> ي ك; with ``hamza``,
  also ؤ -> و and ئ -> ي;
- presentation forms (ﻻ, ﺎ, ...) and compatibility characters -> their letters (NFKD),
  digits of every script -> ASCII digits, ٪ ٫ ٬ ، -> % . , ,, and casefolding (Latin, Greek...);
- any run of whitespace (CRLF, NBSP, double spaces, with invisible characters between) -> one
  space, so a query's single space finds them all.

Matching (``match_spans`` on folded text, ``FoldedText.find`` on the original) is by whole
words: a match starts where a word starts and ends where it ends. With ``proclitics``, the
word may begin with و ف, then ب ل ك, then ال (or لل: ل + ال) before the query's letters, and
the match is the query's own letters («أحد» in «والأحد»). A query starting with ال also finds
the word after ل + ال, where the article lost its alef: «الرياض» finds «لرياض» in «للرياض»
(the article's lam and the noun). Folding cannot tell «وأحد» written without its hamza from
«واحد» (one): with proclitics, «احد» finds both.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right
from collections.abc import Callable
from dataclasses import dataclass, field

from annotator.core.selection import ZWJ, ZWNJ, is_grapheme_boundary
from annotator.core.text import LETTER_VARIANTS

TATWEEL = "\u0640"
# Raised whenever ``fold`` changes, so caches of folded text (the search index) are rebuilt.
FOLD_VERSION = 1
_PUNCTUATION = {"٪": "%", "٫": ".", "٬": ",", "،": ","}
_HAMZA_CARRIERS = {"ؤ": "و", "ئ": "ي"}
# Code points folded when the module is first used; others are learnt when a text has them.
_EAGER_RANGES = ((0x0000, 0x07FF), (0x2000, 0x206F), (0xFB00, 0xFEFF))
_EXOTIC = re.compile("[^\u0000-\u07ff\u2000-\u206f\ufb00-\ufeff]")
# Changed one-to-one with ``str.replace`` (a handful, frequent in Arabic text); every other
# change that ``str.casefold`` does not make goes through the slower per-character pass.
_REPLACED = frozenset(
    [*LETTER_VARIANTS, *_PUNCTUATION, *_HAMZA_CARRIERS, "\n", "\r", "\t", "\u00a0"]
    + [chr(c) for c in range(0x0660, 0x066A)] + [chr(c) for c in range(0x06F0, 0x06FA)])
# The proclitic letters and article a word may start with before the query's letters.
_PROCLITIC_RE = re.compile("[وف]?[بلك]?(?:ال)?|[وف]?لل")
_LAM_OF_ARTICLE_RE = re.compile("[وف]?ل")  # before «لرياض» in «للرياض»
_LONGEST_PREFIX = 4  # وبال


def _base_fold(ch: str, table: dict[str, str]) -> str:
    """The folded form of one code point."""
    if ch in table:
        return table[ch]
    cat = unicodedata.category(ch)
    if ch.isspace():
        return " "
    if cat in ("Mn", "Me", "Cf", "Cc", "Cs"):
        return ""
    if cat == "Nd":
        return str(unicodedata.digit(ch))
    decomposed = unicodedata.normalize("NFKD", ch).casefold()
    if decomposed == ch:
        return ch
    # A presentation form, ligature or accented letter: fold each part (ﻷ -> لأ -> لا).
    return "".join(c if c == ch else _base_fold(c, table) for c in decomposed)


@dataclass
class _IndexMap:
    """One entry per place where the folded text and its source differ in length."""

    fstarts: list[int] = field(default_factory=list)
    fends: list[int] = field(default_factory=list)
    ostarts: list[int] = field(default_factory=list)
    oends: list[int] = field(default_factory=list)
    shifts: list[int] = field(default_factory=list)  # folded minus source offset, after it

    def add(self, fstart: int, flen: int, ostart: int, oend: int, shift: int) -> None:
        self.fstarts.append(fstart)
        self.fends.append(fstart + flen)
        self.ostarts.append(ostart)
        self.oends.append(oend)
        self.shifts.append(shift)

    def source_start(self, fpos: int) -> int | None:
        """Where the character at folded ``fpos`` starts in the source; ``None`` inside the
        expansion of one source character (the second ``s`` of ß's ``ss``)."""
        k = bisect_right(self.fstarts, fpos) - 1
        if k < 0:
            return fpos
        if fpos < self.fends[k]:
            return self.ostarts[k] if fpos == self.fstarts[k] else None
        return fpos - self.shifts[k]

    def source_end(self, fend: int) -> int | None:
        """The source offset just after folded character ``fend - 1``; ``None`` when
        ``fend`` cuts an expansion."""
        last = fend - 1
        k = bisect_right(self.fstarts, last) - 1
        if k < 0:
            return fend
        if last < self.fends[k]:
            return self.oends[k] if fend == self.fends[k] else None
        return last - self.shifts[k] + 1


class _Folder:
    """Folds texts in three fast passes: the rare characters one by one (a regex), then
    ``str.casefold`` and ``str.replace`` for the frequent one-to-one changes, then runs of
    spaces. Each pass that changes lengths records an index map."""

    def __init__(self, hamza: bool) -> None:
        carriers = _HAMZA_CARRIERS if hamza else {c: c for c in _HAMZA_CARRIERS}
        self.table = {**LETTER_VARIANTS, **_PUNCTUATION, TATWEEL: "", **carriers}
        self.folds: dict[str, str] = {}
        self.replaced: dict[str, str] = {}
        self.odd: set[str] = set()
        self._odd_re: re.Pattern[str] | None = None
        for lo, hi in _EAGER_RANGES:
            for cp in range(lo, hi + 1):
                self._learn(chr(cp))

    def _learn(self, ch: str) -> None:
        folded = self.folds[ch] = _base_fold(ch, self.table)
        if len(folded) == 1 and folded == ch.casefold():
            return  # str.casefold does it (or nothing changes)
        if len(folded) == 1 and ch in _REPLACED:
            self.replaced[ch] = folded
        else:
            self.odd.add(ch)
            self._odd_re = None

    def fold(self, text: str) -> tuple[str, list[_IndexMap]]:
        for m in _EXOTIC.finditer(text):
            if m.group() not in self.folds:
                self._learn(m.group())
        if self._odd_re is None:
            self._odd_re = re.compile("[" + "".join(map(re.escape, sorted(self.odd))) + "]")
        maps = []
        folded, imap = _substitute(text, self._odd_re, self.folds.__getitem__)
        if imap.fstarts:
            maps.append(imap)
        folded = folded.casefold()
        for ch, to in self.replaced.items():
            if ch in folded:
                folded = folded.replace(ch, to)
        if "  " in folded:
            folded, imap = _substitute(folded, _SPACE_RUN, lambda run: " ")
            maps.append(imap)
        return folded, maps


_SPACE_RUN = re.compile("  +")


def _substitute(text: str, pattern: re.Pattern[str],
                replacement: Callable[[str], str]) -> tuple[str, _IndexMap]:
    """``pattern.sub`` (each match replaced by ``replacement(matched text)``) that also records
    where lengths changed."""
    imap = _IndexMap()
    spans = [m.span() for m in pattern.finditer(text)]
    if not spans:
        return text, imap
    starts = [s for s, _ in spans]
    ends = [e for _, e in spans]
    repls = [replacement(text[s:e]) for s, e in spans]
    shift = 0
    for ostart, oend, repl in zip(starts, ends, repls, strict=True):
        change = len(repl) - (oend - ostart)
        if change:
            fstart = ostart + shift
            shift += change
            imap.add(fstart, len(repl), ostart, oend, shift)
    pieces = [""] * (2 * len(spans) + 1)
    pieces[0::2] = [text[a:b] for a, b in zip([0, *ends], [*starts, len(text)], strict=True)]
    pieces[1::2] = repls
    return "".join(pieces), imap


_FOLDERS: dict[bool, _Folder] = {}


def _folder(hamza: bool) -> _Folder:
    if hamza not in _FOLDERS:
        _FOLDERS[hamza] = _Folder(hamza)
    return _FOLDERS[hamza]


def fold(text: str, *, hamza: bool = False) -> str:
    """``text`` folded for search (see the module doc), without its index map."""
    return _folder(hamza).fold(text)[0]


def fold_query(query: str, *, hamza: bool = False) -> str:
    """A query folded like the texts it is searched in, without outer spaces."""
    return fold(query, hamza=hamza).strip()


_WORD_RE = re.compile(r"[^\W_]+")


def folded_words(folded: str) -> list[str]:
    """The words (runs of letters and digits) of a folded text."""
    return _WORD_RE.findall(folded)


def is_proclitic_prefix(folded: str) -> bool:
    """Can ``folded`` letters stand before a word as its proclitics and article?"""
    return _PROCLITIC_RE.fullmatch(folded) is not None


def _starts_word(folded: str, pos: int, lam_of_article: bool, proclitics: bool) -> bool:
    """Is ``pos`` a word start, or (with ``proclitics``) just after a word's proclitics?"""
    j = pos
    while j > 0 and folded[j - 1].isalnum():
        j -= 1
        if pos - j > _LONGEST_PREFIX:
            return False
    prefix = folded[j:pos]
    if lam_of_article:
        return _LAM_OF_ARTICLE_RE.fullmatch(prefix) is not None
    return not prefix or (proclitics and _PROCLITIC_RE.fullmatch(prefix) is not None)


def match_spans(folded: str, folded_query: str, *, proclitics: bool = True,
                whole_word: bool = True, overlapping: bool = False) -> list[tuple[int, int]]:
    """Every match of ``folded_query`` in ``folded`` text, as folded ``[start, end)``, in
    order and (unless ``overlapping``) not overlapping. ``whole_word=False``: anywhere."""
    q = folded_query
    if not q:
        return []
    at_start = whole_word and q[0].isalnum()
    at_end = whole_word and q[-1].isalnum()
    needles = [(q, False)]
    if at_start and proclitics and q.startswith("ال") and len(q) > 2:
        needles.append(("ل" + q[2:], True))
    found = []
    n = len(folded)
    for needle, lam in needles:
        pos = folded.find(needle)
        while pos >= 0:
            end = pos + len(needle)
            if (not at_end or end == n or not folded[end].isalnum()) and (
                    not at_start or _starts_word(folded, pos, lam, proclitics)):
                found.append((pos, end))
            pos = folded.find(needle, pos + 1)
    if len(needles) > 1:
        found.sort()
    return found if overlapping else _not_overlapping(found)


def _not_overlapping(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The first of each group of overlapping ranges (sorted by start)."""
    kept: list[tuple[int, int]] = []
    for start, end in spans:
        if not kept or start >= kept[-1][1]:
            kept.append((start, end))
    return kept


class FoldedText:
    """A text folded once, to be searched many times; matches come back as original offsets."""

    def __init__(self, text: str, *, hamza: bool = False) -> None:
        self.text = text
        self.hamza = hamza
        self.folded, self._maps = _folder(hamza).fold(text)

    def original_range(self, fstart: int, fend: int) -> tuple[int, int] | None:
        """Folded ``[fstart, fend)`` as original code points, with the marks on its last
        letter; ``None`` if it would split a character, a ligature or an emoji sequence."""
        start: int | None = fstart
        end: int | None = fend
        for imap in reversed(self._maps):
            if start is None or end is None:
                return None
            start, end = imap.source_start(start), imap.source_end(end)
        if start is None or end is None:
            return None
        text = self.text
        n = len(text)
        while end < n and (text[end] == ZWJ or unicodedata.category(text[end]) in ("Mn", "Me")):
            end += 1  # harakat, shadda, a keycap, a joiner: they belong to the last letter
        if not is_grapheme_boundary(text, start):
            return None
        if end < n and text[end] != ZWNJ and not is_grapheme_boundary(text, end):
            return None  # an emoji modifier or a ZWJ sequence would be cut
        return start, end

    def find(self, query: str, *, proclitics: bool = True,
             whole_word: bool = True) -> list[tuple[int, int]]:
        """Every match of ``query`` as ``[start, end)`` code points of the original text."""
        return self.find_folded(fold_query(query, hamza=self.hamza), proclitics=proclitics,
                                whole_word=whole_word)

    def find_folded(self, folded_query: str, *, proclitics: bool = True,
                    whole_word: bool = True) -> list[tuple[int, int]]:
        """:meth:`find` for a query already folded with ``fold_query`` (searching many
        texts for one query)."""
        # Overlapping candidates first: one that would split a cluster must not hide the next.
        found = []
        for fstart, fend in match_spans(self.folded, folded_query, proclitics=proclitics,
                                        whole_word=whole_word, overlapping=True):
            rng = self.original_range(fstart, fend)
            if rng is not None:
                found.append(rng)
        return _not_overlapping(found)


def find_all(text: str, query: str, *, proclitics: bool = True, whole_word: bool = True,
             hamza: bool = False) -> list[tuple[int, int]]:
    """Every match of ``query`` in ``text`` (see the module doc) as ``[start, end)`` code
    points. To search one text for many queries, build a :class:`FoldedText` once."""
    return FoldedText(text, hamza=hamza).find(query, proclitics=proclitics,
                                              whole_word=whole_word)
