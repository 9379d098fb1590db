"""PositionMap against a brute-force model and against a real QTextDocument."""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import assume, example, given, settings
from hypothesis import strategies as st
from PySide6.QtCore import QTextBoundaryFinder
from PySide6.QtGui import QTextCursor, QTextDocument

from annotator.core.offsets import PositionMap
from annotator.core.selection import grapheme_boundaries, snap_to_grapheme

# The characters that move offsets or trip tools up, mixed with ordinary Arabic and Latin.
TRICKY = [
    "\ufeff", "\r\n", "\r", "\n", "\u2028", "\u2029", "\u00a0", "\u200c", "\u200d", "\u200f",
    "\u0640",  # tatweel
    "\u064e", "\u0651", "\u0652", "\u0670",  # fatha, shadda, sukun, superscript alef
    "😀", "👍🏽", "👨\u200d👩\u200d👧", "❤\ufe0f", "🇸🇦", "1\ufe0f\u20e3", "𝟙",
    "٠١٢", "2015", "abc", " ", "\t", "ب", "ر", "ي", "ف", "لا", "،", "«", "»",
]
TEXTS = st.lists(st.sampled_from(TRICKY), max_size=40).map("".join)
# Single code points (split sequences too), for the rules at odd places.
CODEPOINTS = st.lists(
    st.sampled_from(sorted({c for s in TRICKY for c in s})), max_size=40
).map("".join)
ANY_TEXT = st.one_of(TEXTS, CODEPOINTS)


def brute_force_qt_positions(text: str) -> list[int]:
    """Qt position of every code-point offset 0..len(text), by walking the text."""
    out = []
    pos = 0
    for i, ch in enumerate(text):
        out.append(pos)
        dropped_bom = i == 0 and ch == "\ufeff"
        lf_of_crlf = ch == "\n" and i > 0 and text[i - 1] == "\r"
        if dropped_bom or lf_of_crlf:
            width = 0
        elif ord(ch) > 0xFFFF:
            width = 2
        else:
            width = 1
        pos += width
    out.append(pos)
    return out


def qt_document(text: str) -> QTextDocument:
    doc = QTextDocument()
    doc.setPlainText(text)
    return doc


def expected_in_document(ch: str) -> str:
    """What ``setPlainText`` keeps of one character (paragraph separators unify)."""
    return "\u2029" if ch in "\r\n\u2029" else ch


@given(ANY_TEXT)
@settings(max_examples=300, deadline=None)
def test_to_qt_matches_brute_force(text: str) -> None:
    pm = PositionMap(text)
    expected = brute_force_qt_positions(text)
    assert [pm.to_qt(i) for i in range(len(text) + 1)] == expected
    assert pm.qt_length == expected[-1]


@given(ANY_TEXT)
@settings(max_examples=300, deadline=None)
def test_to_code_point_matches_brute_force(text: str) -> None:
    pm = PositionMap(text)
    qt = brute_force_qt_positions(text)
    for pos in range(pm.qt_length + 1):
        candidates = [i for i, q in enumerate(qt) if q == pos]
        if candidates:
            # Several code points on one position: the last one (after BOM / LF of CRLF).
            assert pm.to_code_point(pos) == max(candidates)
            assert pm.to_code_point(pos, round_up=True) == max(candidates)
            assert not pm.is_inside_surrogate_pair(pos)
        else:
            # Inside a surrogate pair: snap to the character's start, or past it.
            before = max(i for i, q in enumerate(qt) if q < pos)
            assert ord(text[before]) > 0xFFFF
            assert pm.to_code_point(pos) == before
            assert pm.to_code_point(pos, round_up=True) == before + 1
            assert pm.is_inside_surrogate_pair(pos)


@given(ANY_TEXT)
@settings(max_examples=300, deadline=None)
def test_round_trip(text: str) -> None:
    pm = PositionMap(text)
    for i in range(len(text) + 1):
        back = pm.to_code_point(pm.to_qt(i))
        # Only the dropped BOM and the LF of a CRLF move, and only forward onto their partner.
        assert back == i or (back == i + 1 and text[i] in "\ufeff\n") or (
            i > 0 and text[i - 1] == "\r" and text[i] == "\n"
        )


@given(ANY_TEXT)
@settings(max_examples=200, deadline=None)
def test_against_real_document(qapp, text: str) -> None:
    doc = qt_document(text)
    pm = PositionMap(text)
    assert pm.qt_length == doc.characterCount() - 1
    cursor = QTextCursor(doc)
    for i, ch in enumerate(text):
        q0, q1 = pm.to_qt(i), pm.to_qt(i + 1)
        cursor.setPosition(q0)
        cursor.setPosition(q1, QTextCursor.MoveMode.KeepAnchor)
        got = cursor.selectedText()
        if q0 == q1:
            assert (i == 0 and ch == "\ufeff") or (ch == "\n" and text[i - 1] == "\r")
            assert got == ""
        else:
            assert got == expected_in_document(ch), (i, ch)
            # Same character read straight from the document, unit by unit.
            units = "".join(doc.characterAt(q) for q in range(q0, q1))
            assert units.encode("utf-16-le", "surrogatepass").decode("utf-16-le") == (
                expected_in_document(ch)
            )
    # Block boundaries: each block starts at the Qt position of a paragraph's first code point.
    starts = [0, *(pm.to_code_point(b.position()) for b in _blocks(doc)[1:])]
    lines = _paragraph_starts(text)
    assert starts == lines


def _blocks(doc: QTextDocument) -> list:
    out = []
    block = doc.begin()
    while block.isValid():
        out.append(block)
        block = block.next()
    return out


def _paragraph_starts(text: str) -> list[int]:
    starts = [0]
    i = 0
    while i < len(text):
        if text[i] == "\r" and i + 1 < len(text) and text[i + 1] == "\n":
            starts.append(i + 2)
            i += 2
            continue
        if text[i] in "\r\n\u2029":
            starts.append(i + 1)
        i += 1
    return starts


@pytest.mark.parametrize(
    ("text", "qt_text"),
    [
        ("a\r\nb", "a\u2029b"),
        ("\ufeffab", "ab"),
        ("\ufeff\ufeffa", "\ufeffa"),
        ("a\u2028b", "a\u2028b"),  # a line separator stays inside its block
        ("a\u00a0b", "a\u00a0b"),  # toRawText keeps NBSP (toPlainText would not)
        ("x😀y", "x😀y"),
    ],
)
def test_documented_qt_rules(qapp, text: str, qt_text: str) -> None:
    """The rules listed in the offsets module docstring, measured on this Qt."""
    doc = qt_document(text)
    assert doc.toRawText() == qt_text
    assert PositionMap(text).qt_length == len(qt_text.encode("utf-16-le")) // 2


def test_leading_bom_is_dropped_by_the_string_conversion(qapp) -> None:
    """PySide drops one leading U+FEFF converting any str to QString, not only setPlainText."""
    from PySide6.QtCore import QObject

    obj = QObject()
    obj.setObjectName("\ufeffab")
    assert obj.objectName() == "ab"
    obj.setObjectName("x\ufeffab")
    assert obj.objectName() == "x\ufeffab"


def test_line_separator_is_not_a_block_break(qapp) -> None:
    assert qt_document("a\u2028b").blockCount() == 1
    assert qt_document("a\u2029b").blockCount() == 2
    assert qt_document("a\r\nb").blockCount() == 2


def test_range_conversion_widens_split_surrogates() -> None:
    text = "a😀b"
    pm = PositionMap(text)
    assert pm.to_code_point_range(2, 2) == (1, 2)  # caret inside the emoji covers it
    assert pm.to_code_point_range(0, 2) == (0, 2)
    assert pm.to_code_point_range(2, 4) == (1, 3)
    assert pm.to_code_point_range(4, 2) == (1, 3)  # reversed input
    assert pm.to_qt_range(1, 2) == (1, 3)


def test_clamps_out_of_range() -> None:
    pm = PositionMap("ab😀")
    assert pm.to_qt(-3) == 0
    assert pm.to_qt(99) == 4
    assert pm.to_code_point(-1) == 0
    assert pm.to_code_point(99) == 3


def test_identity_for_plain_arabic(test_data) -> None:
    text = (test_data / "sample-article-ar.txt").read_text(encoding="utf-8")
    pm = PositionMap(text)
    assert pm.is_identity
    assert pm.to_qt(len(text)) == len(text)


def test_lookups_are_right_on_a_large_document() -> None:
    """1 MB with emoji and CRLF sprinkled in: offsets far into the text map both ways as the
    brute-force walk says (their speed: benchmarks/bench_offsets.py)."""
    chunk = "قال المتحدث 😀 إن الاجتماع\r\nعُقد في الرياض. " * 20
    text = (chunk * (1_000_000 // len(chunk) + 1))[:1_000_000]
    pm = PositionMap(text)
    expected = brute_force_qt_positions(text)
    last_code_point_at = {qt: cp for cp, qt in enumerate(expected)}  # the largest wins
    assert pm.qt_length == expected[-1]
    # Every offset of the last two chunks (each kind of irregular point), and a spread before.
    sampled = [*range(0, len(text), 997), *range(len(text) - 2 * len(chunk), len(text) + 1)]
    assert all(pm.to_qt(i) == expected[i] for i in sampled)
    assert all(pm.to_code_point(expected[i]) == last_code_point_at[expected[i]] for i in sampled)


def _qt_grapheme_boundaries(text: str) -> list[int]:
    """Grapheme boundaries from Qt's own UAX #29 implementation, as code points."""
    # The finder counts UTF-16 units of the string itself (no setPlainText rules apply).
    # PySide drops a leading BOM when it converts the str, so the finder starts after it.
    skip = 1 if text.startswith("\ufeff") else 0
    unit_to_cp = {}
    units = 0
    for i, ch in enumerate(text[skip:], start=skip):
        unit_to_cp[units] = i
        units += 2 if ord(ch) > 0xFFFF else 1
    unit_to_cp[units] = len(text)
    finder = QTextBoundaryFinder(QTextBoundaryFinder.BoundaryType.Grapheme, text)
    out = [0, skip]
    pos = finder.toNextBoundary()
    while pos != -1:
        out.append(unit_to_cp[pos])
        pos = finder.toNextBoundary()
    return sorted(set(out))


GRAPHEME_TEXTS = ANY_TEXT


@given(GRAPHEME_TEXTS)
@example("😀🇸🇦🇸🇦")
@settings(max_examples=300, deadline=None)
def test_grapheme_boundaries_agree_with_qt(qapp, text: str) -> None:
    """The Qt-free cluster rules in core.selection give the same boundaries as Qt."""
    ours = grapheme_boundaries(text)
    qts = _qt_grapheme_boundaries(text)
    if _follows_qt_flag_bug(text):
        # Qt 6.11 splits a flag that directly follows an emoji ("😀🇸🇦"), and then pairs the
        # regional indicators after it wrongly ("😀🇸🇦🇸🇦": Qt 0,1,2,4,5). UAX #29 GB12/13 keeps
        # each pair whole: ours must agree with Qt outside runs of regional indicators, and
        # inside a run only break between pairs.
        runs = _regional_indicator_runs(text)
        inside = {i for a, b in runs for i in range(a + 1, b)}
        assert [b for b in ours if b not in inside] == [b for b in qts if b not in inside]
        for a, b in runs:
            assert all((x - a) % 2 == 0 for x in ours if a < x < b)
    else:
        assert ours == qts


def _regional_indicator_runs(text: str) -> list[tuple[int, int]]:
    runs, i = [], 0
    while i < len(text):
        if _is_regional_indicator(text[i]):
            j = i
            while j < len(text) and _is_regional_indicator(text[j]):
                j += 1
            runs.append((i, j))
            i = j
        else:
            i += 1
    return runs


def _is_regional_indicator(ch: str) -> bool:
    return 0x1F1E6 <= ord(ch) <= 0x1F1FF


def _follows_qt_flag_bug(text: str) -> bool:
    return any(
        _is_regional_indicator(text[i]) and not _is_regional_indicator(text[i - 1])
        and unicodedata.category(text[i - 1]) in ("So", "Sk", "Mn", "Me", "Cf")
        for i in range(1, len(text))
    )


def test_qt_splits_a_flag_after_an_emoji(qapp) -> None:
    """Pins the Qt behaviour the exemption above is for; if Qt fixes it, drop the exemption."""
    assert _qt_grapheme_boundaries("😀🇸🇦") == [0, 1, 2, 3]
    assert grapheme_boundaries("😀🇸🇦") == [0, 1, 3]


@given(GRAPHEME_TEXTS, st.integers(0, 60), st.integers(0, 60))
@settings(max_examples=200, deadline=None)
def test_snapped_selection_is_whole_clusters_for_qt(qapp, text: str, a: int, b: int) -> None:
    assume(not _follows_qt_flag_bug(text))  # see test_qt_splits_a_flag_after_an_emoji
    start, end = snap_to_grapheme(text, a, b)
    qt_bounds = set(_qt_grapheme_boundaries(text))
    assert start in qt_bounds and end in qt_bounds
