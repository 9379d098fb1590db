"""DocumentView driven by real mouse and keyboard events, checked in code points and pixels."""

from __future__ import annotations

import pytest
from bidi import get_base_level
from hypothesis import given, settings
from hypothesis import strategies as st
from PySide6.QtCore import QEvent, QPoint, QPointF, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QHelpEvent,
    QImage,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
)
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QToolTip

from annotator.gui.document_view import DocumentView, SpanMark
from annotator.gui.text_direction import document_direction, paragraph_direction

# Emoji, CRLF-derived paragraphs, tashkeel, tatweel, ZWNJ, NBSP, Arabic-Indic and Latin digits.
MIXED = (
    "قالَ المتحدثُ 😀 إنّ الاجتماعَ\r\n"
    "عُقد في الرياض\u200cـــ أمس\u00a0الأحد ٢٠١٥ و2015 👍🏽 بريف دمشق.\r\n"
    "وأضاف: «الوضع هادئ» 👨\u200d👩\u200d👧 الآن."
)


@pytest.fixture
def view(shown_view):
    return shown_view(900, 500)


def show(view: DocumentView, text: str) -> None:
    view.set_document(text)
    QApplication.processEvents()


def cursor_at(view: DocumentView, cp: int) -> QTextCursor:
    cursor = QTextCursor(view.document())
    cursor.setPosition(view.position_map.to_qt(cp))
    return cursor


def point_for(view: DocumentView, cp: int) -> QPoint:
    """A viewport point that hit-tests to code point boundary ``cp``.

    In RTL text the centre of cursorRect can hit-test one position off, so search nearby.
    """
    want = view.position_map.to_qt(cp)
    rect = view.cursorRect(cursor_at(view, cp))
    centre = rect.center()
    for dx in (0, 1, -1, 2, -2, 3, -3, 4, -4, 5, -5, 6, -6, 8, -8):
        for dy in (0, -3, 3):
            p = QPoint(centre.x() + dx, centre.y() + dy)
            if view.cursorForPosition(p).position() == want:
                return p
    raise AssertionError(f"no point hit-tests to code point {cp} (Qt {want}) near {centre}")


def drag(qtbot, view: DocumentView, start: int, end: int) -> None:
    """Press at ``start``, move through the middle, release at ``end`` (code points)."""
    a, b = point_for(view, start), point_for(view, end)
    vp = view.viewport()
    qtbot.mousePress(vp, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, a)
    mid = QPoint((a.x() + b.x()) // 2, (a.y() + b.y()) // 2)
    QTest.mouseMove(vp, mid)
    QTest.mouseMove(vp, b)
    qtbot.mouseRelease(vp, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, b)


def clear_selection(view: DocumentView) -> None:
    view.setTextCursor(cursor_at(view, 0))


# -- mouse selection --------------------------------------------------------------------------

@pytest.mark.parametrize(
    "target",
    [
        "المتحدثُ",  # ends on a damma
        "إنّ",  # shadda
        "😀 إنّ",  # an astral emoji inside the range
        "الرياض\u200cـــ",  # ZWNJ and tatweel
        "أمس\u00a0الأحد",  # NBSP inside
        "٢٠١٥ و2015",  # Arabic-Indic and Latin digits (drawn as separate visual pieces)
        "👍🏽 بريف",  # skin-tone modifier
        "«الوضع هادئ»",
        "👨\u200d👩\u200d👧",  # a ZWJ family
    ],
)
def test_drag_selects_exactly_the_text(qtbot, view, target: str) -> None:
    show(view, MIXED)
    start = MIXED.index(target)
    end = start + len(target)
    clear_selection(view)
    drag(qtbot, view, start, end)
    assert view.selected_range() == (start, end)
    lo, hi = view.selected_range()
    assert MIXED[lo:hi] == target


def test_drag_backwards_and_across_a_crlf_paragraph_break(qtbot, view) -> None:
    show(view, MIXED)
    start = MIXED.index("الاجتماعَ")
    end = MIXED.index("في الرياض")
    clear_selection(view)
    drag(qtbot, view, end, start)  # right to left in logical terms
    lo, hi = view.selected_range()
    assert (lo, hi) == (start, end)
    assert MIXED[lo:hi] == "الاجتماعَ\r\nعُقد "  # CR and LF both inside, never split


def test_drag_emits_selection_range_in_code_points(qtbot, view) -> None:
    show(view, MIXED)
    target = "بريف"
    start = MIXED.index(target)
    clear_selection(view)
    seen: list[tuple[int, int]] = []
    view.selectionRangeChanged.connect(lambda a, b: seen.append((a, b)))
    drag(qtbot, view, start, start + len(target))
    assert seen[-1] == (start, start + len(target))


def test_selection_after_astral_characters_has_code_point_offsets(qtbot, view) -> None:
    text = "😀😀😀 كلمة 𝟙𝟚 نهاية"
    show(view, text)
    start = text.index("كلمة")
    clear_selection(view)
    drag(qtbot, view, start, start + 4)
    assert view.selected_range() == (start, start + 4)
    start = text.index("نهاية")
    drag(qtbot, view, start, start + 5)
    assert text[slice(*view.selected_range())] == "نهاية"


# -- keyboard selection -----------------------------------------------------------------------

def test_shift_arrows_select_whole_letters_with_their_harakat(qtbot, view) -> None:
    text = "ثم قالَ المتحدثُ"
    show(view, text)
    i = text.index("قالَ")
    view.setTextCursor(cursor_at(view, i))
    view.setFocus()
    # RTL paragraph: Left moves forward in logical order.
    for _ in range(3):
        qtbot.keyClick(view, Qt.Key.Key_Left, Qt.KeyboardModifier.ShiftModifier)
    assert view.selected_range() == (i, i + 4)
    assert text[i:i + 4] == "قالَ"
    qtbot.keyClick(view, Qt.Key.Key_Right, Qt.KeyboardModifier.ShiftModifier)
    assert view.selected_range() == (i, i + 2)


def test_caret_moves_with_the_keyboard(qtbot, view) -> None:
    text = "😀 مرحبا"
    show(view, text)
    view.setTextCursor(cursor_at(view, 0))
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_Right)  # the line starts with an emoji: LTR-neutral, RTL para
    qtbot.keyClick(view, Qt.Key.Key_Left)
    qtbot.keyClick(view, Qt.Key.Key_Left)
    assert view.caret_position() in range(len(text) + 1)
    qtbot.keyClick(view, Qt.Key.Key_End, Qt.KeyboardModifier.ShiftModifier)
    assert view.selected_range()[1] == len(text)


def test_select_range_and_scroll_to(qtbot, view) -> None:
    text = "\n".join(f"فقرة رقم {i} فيها نص عربي 😀" for i in range(400))
    show(view, text)
    target = text.index("فقرة رقم 399")
    view.select_range(target, target + 4)
    assert view.selected_range() == (target, target + 4)
    assert view.viewport().rect().contains(view.cursorRect().center())
    # scroll_to moves the view, not the selection.
    view.scroll_to(0)
    assert view.selected_range() == (target, target + 4)
    assert view.viewport().rect().contains(view.cursorRect(cursor_at(view, 0)).center())
    middle = text.index("فقرة رقم 200")
    view.scroll_to(middle)
    assert view.viewport().rect().contains(view.cursorRect(cursor_at(view, middle)).center())
    assert view.selected_range() == (target, target + 4)


def test_copy_keeps_the_stored_characters(qtbot, view) -> None:
    show(view, MIXED)
    start = MIXED.index("أمس")
    view.select_range(start, start + len("أمس\u00a0الأحد"))
    view.copy()
    assert QApplication.clipboard().text() == "أمس\u00a0الأحد"  # NBSP, not a space


# -- direction and layout ---------------------------------------------------------------------

def ink_columns(image: QImage, top: int, bottom: int) -> tuple[int, int] | None:
    """Leftmost and rightmost column with dark pixels between rows top and bottom."""
    cols = [
        x for x in range(image.width())
        if any(QColor(image.pixel(x, y)).lightness() < 128 for y in range(top, bottom))
    ]
    return (min(cols), max(cols)) if cols else None


def test_arabic_document_is_right_to_left_and_right_aligned(qtbot, view, test_data) -> None:
    text = (test_data / "sample-article-ar.txt").read_text(encoding="utf-8")
    show(view, text)
    assert view.layoutDirection() == Qt.LayoutDirection.RightToLeft
    option = view.document().defaultTextOption()
    assert option.textDirection() == Qt.LayoutDirection.RightToLeft
    assert option.alignment() & Qt.AlignmentFlag.AlignRight
    # The first character sits at the right edge, the paragraph's last line ends short of the left.
    first = view.cursorRect(cursor_at(view, 0))
    assert first.x() > view.viewport().width() - 20
    image = view.viewport().grab().toImage()
    line_h = first.height()
    right = ink_columns(image, first.top(), first.top() + line_h)[1]
    assert right > image.width() - 20
    end_of_para = text.index("\n")
    last = view.cursorRect(cursor_at(view, end_of_para))
    assert last.x() > 100  # a short last line is right-aligned, not starting at the left


def test_latin_document_reads_left_to_right(qtbot, view) -> None:
    show(view, "The quick brown fox.\nSecond line, 2015.")
    assert view.layoutDirection() == Qt.LayoutDirection.LeftToRight
    assert view.document().defaultTextOption().textDirection() == Qt.LayoutDirection.LeftToRight
    assert view.cursorRect(cursor_at(view, 0)).x() < 20


def test_mixed_document_lays_out_each_paragraph_in_its_own_direction(qtbot, view) -> None:
    text = "قال المتحدث: نعم.\nHello world, ok.\nثم انتهى."
    show(view, text)
    assert view.layoutDirection() == Qt.LayoutDirection.RightToLeft
    option = view.document().defaultTextOption()
    assert option.textDirection() == Qt.LayoutDirection.LayoutDirectionAuto
    hello = text.index("Hello")
    xs = [view.cursorRect(cursor_at(view, hello + k)).x() for k in range(len("Hello world, ok."))]
    assert xs == sorted(xs)  # LTR: positions advance to the right, full stop at the right end
    arabic = [view.cursorRect(cursor_at(view, k)).x() for k in range(5)]
    assert arabic == sorted(arabic, reverse=True)


@given(st.text(alphabet="abc ب ت ١٢3.،!\u2066\u2067\u2069\u200f\u200e", max_size=20))
@settings(max_examples=300, deadline=None)
def test_paragraph_direction_agrees_with_python_bidi(paragraph: str) -> None:
    d = paragraph_direction(paragraph)
    if d is None:
        return
    level = get_base_level(paragraph)
    assert (level == 1) == (d == Qt.LayoutDirection.RightToLeft)


def test_document_direction() -> None:
    assert document_direction("2015\nقال") == (Qt.LayoutDirection.RightToLeft, False)
    assert document_direction("\n\nHello\nWorld") == (Qt.LayoutDirection.LeftToRight, False)
    assert document_direction("قال\nHello") == (Qt.LayoutDirection.RightToLeft, True)
    assert document_direction("") == (Qt.LayoutDirection.RightToLeft, False)


def test_harakat_of_adjacent_lines_do_not_touch(qtbot, view) -> None:
    """The font's own line box (1.73 em for Noto Naskh) leaves a gap between stacked marks.

    QPlainTextEdit ignores QTextBlockFormat line height and margins (measured), so the font's
    metrics are what spaces lines; this pins that they are enough for full tashkeel.
    """
    vowelled = "بِسْمِ اللَّهِ الرَّحْمَٰنِ الرَّحِيمِ الْحَمْدُ لِلَّهِ رَبِّ الْعَالَمِينَ ضُّ ظٍّ "
    show(view, (vowelled * 8).strip())
    QApplication.processEvents()
    image = view.viewport().grab().toImage()
    block = view.document().begin()
    lines = block.layout().lineCount()
    assert lines >= 3
    rows = [
        any(QColor(image.pixel(x, y)).lightness() < 160 for x in range(0, image.width(), 1))
        for y in range(image.height())
    ]
    runs = sum(1 for y in range(1, len(rows)) if rows[y] and not rows[y - 1]) + int(rows[0])
    assert runs >= lines  # every line's ink is separated from the next by blank rows


# -- highlights -------------------------------------------------------------------------------

def formats_of_block(view: DocumentView, number: int) -> list[tuple[int, int, str]]:
    block = view.document().findBlockByNumber(number)
    return sorted(
        (r.start, r.length, r.format.background().color().name())
        for r in block.layout().formats()
    )


def test_spans_are_highlighted_by_paragraph(qtbot, view) -> None:
    show(view, MIXED)
    start = MIXED.index("بريف")
    view.set_spans([SpanMark("s1", start + 1, start + 4, "#00c853", "مكان")])
    block = view.document().findBlock(view.position_map.to_qt(start))
    ranges = formats_of_block(view, block.blockNumber())
    assert [(a, n) for a, n, _ in ranges] == [
        (view.position_map.to_qt(start + 1) - block.position(), 3)
    ]
    assert formats_of_block(view, 0) == []
    assert view.span_at(start + 1) == ["s1"]
    assert view.span_at(start) == []


def test_update_and_remove_rehighlight_only_affected_paragraphs(qtbot, view) -> None:
    text = "\n".join(f"فقرة {i} فيها كلمات" for i in range(50))
    show(view, text)
    starts = [text.index(f"فقرة {i} ") for i in range(50)]
    view.set_spans([SpanMark(f"s{i}", starts[i], starts[i] + 4, "#ffcc00") for i in range(50)])
    touched: list[int] = []
    real = view._highlighter.rehighlightBlock
    view._highlighter.rehighlightBlock = lambda b: (touched.append(b.blockNumber()), real(b))
    view.update_span(SpanMark("s10", starts[12], starts[12] + 4, "#ff0000"))
    assert sorted(touched) == [10, 12]
    assert formats_of_block(view, 10) == []
    assert len(formats_of_block(view, 12)) == 1  # s12 and the moved s10 cover the same letters
    touched.clear()
    view.remove_span("s20")
    assert touched == [20]
    assert formats_of_block(view, 20) == []
    touched.clear()
    view.update_span(SpanMark("new", starts[30], starts[31] + 2, "#00ff00"))  # two paragraphs
    assert sorted(touched) == [30, 31]
    view.remove_span("missing")  # no error


def test_nested_spans_stay_distinguishable(qtbot, view) -> None:
    text = "أعلنت وزارة الداخلية السعودية اليوم"
    show(view, text)
    outer = (text.index("وزارة"), text.index(" اليوم"))
    inner = (text.index("الداخلية"), text.index("الداخلية") + len("الداخلية"))
    view.set_spans([
        SpanMark("org", *outer, "#2196f3", "منظمة"),
        SpanMark("loc", *inner, "#e91e63", "مكان"),
    ])
    assert view.span_at(inner[0]) == ["loc", "org"]  # innermost first
    block = view.document().begin()
    ranges = block.layout().formats()  # keep the list alive: the formats belong to it
    fmts = {r.start: QTextCharFormat(r.format) for r in ranges}
    only_outer = fmts[outer[0]]
    both = fmts[inner[0]]
    assert only_outer.background().color() != both.background().color()
    assert only_outer.underlineStyle() == only_outer.underlineStyle().NoUnderline
    assert both.underlineStyle() != both.underlineStyle().NoUnderline
    assert both.underlineColor().hue() == QColor("#e91e63").darker(130).hue()


def test_emphasis_uses_a_few_extra_selections(qtbot, view) -> None:
    text = "أعلنت وزارة الداخلية السعودية اليوم"
    show(view, text)
    view.set_spans([SpanMark(f"s{i}", i * 6, i * 6 + 5, "#4caf50") for i in range(5)])
    view.set_emphasis(["s1", "s2"], "s3")
    extras = view.extraSelections()
    assert len(extras) == 3
    assert extras[-1].cursor.selectionStart() == view.position_map.to_qt(18)  # selected last
    assert extras[-1].format.underlineStyle() != extras[0].format.underlineStyle()
    view.remove_span("s3")
    assert len(view.extraSelections()) == 2
    view.set_emphasis([], None)
    assert view.extraSelections() == []


def test_nesting_stays_visible_inside_an_emphasised_span(qtbot, view) -> None:
    text = "في بلدة الجلاء بريف البوكمال"
    show(view, text)
    town = (text.index("بلدة"), text.index(" بريف"))
    name = (text.index("الجلاء"), text.index(" بريف"))
    view.set_spans([SpanMark("town", *town, "#00897b"), SpanMark("name", *name, "#fdd835")])
    view.set_emphasis(["town"], None)
    extras = view.extraSelections()
    assert [(e.cursor.selectionStart(), e.cursor.selectionEnd()) for e in extras] == [
        (town[0], name[0]), (name[0], name[1]),
    ]
    outer_bg = extras[0].format.background().color()
    nested_bg = extras[1].format.background().color()
    assert outer_bg != nested_bg
    assert extras[1].format.underlineColor() == QColor("#fdd835").darker(170)


def test_set_document_clears_spans(qtbot, view) -> None:
    show(view, "نص أول")
    view.set_spans([SpanMark("a", 0, 2)])
    view.set_emphasis(["a"], "a")
    show(view, "نص ثان")
    assert view.spans() == []
    assert view.span_at(0) == []
    assert view.extraSelections() == []


def test_spans_with_astral_characters_cover_the_right_units(qtbot, view) -> None:
    text = "😀😀 كلمة"
    show(view, text)
    start = text.index("كلمة")
    view.set_spans([SpanMark("w", start, start + 4, "#ff9800")])
    ranges = formats_of_block(view, 0)
    assert [(a, n) for a, n, _ in ranges] == [(5, 4)]  # two emoji = four UTF-16 units


def test_invalid_colour_is_refused(qtbot, view) -> None:
    show(view, "نص")
    with pytest.raises(ValueError):
        view.set_spans([SpanMark("a", 0, 1, "not-a-colour")])


# -- highlight screenshot: part of a word keeps the letters joined -----------------------------

def word_rect(view: DocumentView, start: int, end: int):
    a = view.cursorRect(cursor_at(view, start))
    b = view.cursorRect(cursor_at(view, end))
    left, right = min(a.x(), b.x()), max(a.x(), b.x())
    top = min(a.top(), b.top()) - a.height() // 2
    bottom = max(a.bottom(), b.bottom()) + a.height() // 2
    return max(0, left - 4), max(0, top), right + 4, bottom


def ink_mask(image: QImage, rect) -> set[tuple[int, int]]:
    left, top, right, bottom = rect
    return {
        (x, y)
        for x in range(left, min(right, image.width()))
        for y in range(top, min(bottom, image.height()))
        if QColor(image.pixel(x, y)).lightness() < 100
    }


def grab_word(qtbot, view: DocumentView, text: str, word: str, spans: list[SpanMark]):
    show(view, text)
    view.set_zoom(8)  # big glyphs: many pixels per letter
    # Without antialiasing a glyph's pixels do not depend on the background behind it, so
    # "same shapes" becomes "same ink pixels" exactly.
    font = view.font()
    font.setStyleStrategy(QFont.StyleStrategy.NoAntialias)
    view.setFont(font)
    view.set_spans(spans)
    view.setTextCursor(cursor_at(view, len(text)))  # caret away from the word
    view.setCursorWidth(0)
    QApplication.processEvents()
    start = text.index(word)
    return view.viewport().grab().toImage(), word_rect(view, start, start + len(word))


def test_partial_word_highlight_keeps_letters_joined(qtbot, view) -> None:
    text = "ذهب إلى بريف دمشق"
    word = "بريف"
    start = text.index(word)
    plain, rect = grab_word(qtbot, view, text, word, [])
    span = SpanMark("r", start + 1, start + 4, "#00c853", "مكان")  # "ريف" inside "بريف"
    lit, rect2 = grab_word(qtbot, view, text, word, [span])
    assert rect == rect2
    # The highlight colour is drawn inside the word.
    paper = view.viewport().palette().base().color()
    expected = QColor.fromRgbF(
        *(p + (c - p) * 0.35 for p, c in zip(
            (paper.redF(), paper.greenF(), paper.blueF()),
            (QColor("#00c853").redF(), QColor("#00c853").greenF(), QColor("#00c853").blueF()),
            strict=True,
        ))
    )
    left, top, right, bottom = rect
    found = sum(
        1 for x in range(left, right) for y in range(top, bottom)
        if _close(QColor(lit.pixel(x, y)), expected)
    )
    assert found > 50
    # The glyph ink is the same with and without the highlight: same shapes, so same joins.
    ink_plain, ink_lit = ink_mask(plain, rect), ink_mask(lit, rect)
    assert len(ink_plain) > 100
    assert ink_plain == ink_lit
    # And the check can fail: a forced break (ZWNJ) after the ba changes the ink a lot.
    broken_text = text.replace(word, "ب\u200cريف")
    broken, rect3 = grab_word(qtbot, view, broken_text, "ب\u200cريف", [])
    ink_broken = ink_mask(broken, rect3)
    assert len(ink_plain ^ ink_broken) > 0.15 * len(ink_plain)


def _close(a: QColor, b: QColor, tol: int = 6) -> bool:
    return (abs(a.red() - b.red()) <= tol and abs(a.green() - b.green()) <= tol
            and abs(a.blue() - b.blue()) <= tol)


# -- clicks and tooltips ------------------------------------------------------------------------

def point_on_char(view: DocumentView, cp: int) -> QPoint:
    """A viewport point over the glyph of code point ``cp`` (scans its line)."""
    y = view.cursorRect(cursor_at(view, cp)).center().y()
    for x in range(view.viewport().width()):
        p = QPoint(x, y)
        if view.char_at_point(p) == cp:
            return p
    raise AssertionError(f"no point over code point {cp}")


def test_char_at_point_matches_the_glyph_between_two_caret_positions(qtbot, view) -> None:
    """Inside one RTL run the glyph of character c lies between the carets before and after it."""
    text = "قال المتحدث باسم الوزارة إن الاجتماع انتهى"
    show(view, text)
    for cp in range(len(text)):
        a = view.cursorRect(cursor_at(view, cp))
        b = view.cursorRect(cursor_at(view, cp + 1))
        if abs(a.x() - b.x()) < 3:
            continue  # a glyph too narrow to aim at
        middle = QPoint((a.x() + b.x()) // 2, a.center().y())
        assert view.char_at_point(middle) == cp, (cp, text[cp])


def test_char_at_point_at_bidi_run_boundaries(qtbot, view) -> None:
    text = "قال <img src=x> ثم"
    show(view, text)
    line_y = view.cursorRect(cursor_at(view, 0)).center().y()
    seen = {view.char_at_point(QPoint(x, line_y)) for x in range(view.viewport().width())}
    # Every character (spaces too) can be pointed at, none is shadowed by a neighbour.
    assert seen - {None} == set(range(len(text)))


def test_click_on_a_highlight_emits_span_clicked(qtbot, view) -> None:
    text = "أعلنت وزارة الداخلية السعودية اليوم"
    show(view, text)
    outer = (text.index("وزارة"), text.index(" اليوم"))
    inner = (text.index("الداخلية"), text.index("الداخلية") + len("الداخلية"))
    view.set_spans([SpanMark("org", *outer, "#2196f3"), SpanMark("loc", *inner, "#e91e63")])
    p = point_on_char(view, inner[0] + 3)
    with qtbot.waitSignal(view.spanClicked) as blocker:
        qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=p)
    assert blocker.args == ["loc"]
    # A second click on the same place reaches the enclosing span.
    with qtbot.waitSignal(view.spanClicked) as blocker:
        qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=p)
    assert blocker.args == ["org"]
    # A click outside every span, and a drag over a span, emit nothing.
    with qtbot.assertNotEmitted(view.spanClicked):
        qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton,
                         pos=point_on_char(view, 1))
        drag(qtbot, view, inner[0], inner[1])
    assert view.selected_range() == inner


def test_char_at_point_is_none_over_empty_space(qtbot, view) -> None:
    show(view, "نص قصير")
    assert view.char_at_point(QPoint(10, 10)) is None  # left of a right-aligned short line
    assert view.char_at_point(QPoint(450, 400)) is None  # below the text


def send_tooltip(view: DocumentView, pos: QPoint) -> None:
    event = QHelpEvent(QEvent.Type.ToolTip, pos, view.viewport().mapToGlobal(pos))
    QApplication.sendEvent(view.viewport(), event)


# The offscreen platform cannot raise the tooltip window and says so; that is not our warning.
OFFSCREEN_RAISE = pytest.mark.qt_log_ignore("This plugin does not support raise")


@OFFSCREEN_RAISE
@pytest.mark.parametrize("payload", ["<img src=x onerror=alert(1)>", "<b>x</b>", "a &amp; b"])
def test_tooltip_shows_markup_as_plain_text(qtbot, view, payload: str) -> None:
    text = f"قال {payload} ثم"
    show(view, text)
    start = text.index(payload)
    view.set_spans([SpanMark("s", start, start + len(payload), "#ffeb3b", "<i>label</i>")])
    view.tooltip_provider = lambda span_id: f"دور: <script>{span_id}</script>"
    pos = point_on_char(view, start + 1)
    send_tooltip(view, pos)
    assert QToolTip.isVisible()
    shown = QToolTip.text()
    rendered = QTextDocument()
    rendered.setHtml(shown)
    plain = rendered.toPlainText()
    assert payload in plain
    assert "<i>label</i>" in plain
    assert "دور: <script>s</script>" in plain
    assert "<img" not in shown and "<script>" not in shown and "<i>" not in shown
    QToolTip.hideText()


@OFFSCREEN_RAISE
def test_no_tooltip_outside_spans(qtbot, view) -> None:
    show(view, "قال شيئا")
    view.set_spans([SpanMark("s", 0, 3, "#ffeb3b", "x")])
    QToolTip.hideText()
    send_tooltip(view, point_on_char(view, 5))
    assert not QToolTip.isVisible() or QToolTip.text() == ""


def test_tooltip_keeps_line_breaks_and_truncates(qtbot, view) -> None:
    text = "سطر أول\nسطر ثان " + "ب" * 500
    show(view, text)
    view.set_spans([SpanMark("s", 0, len(text), "#ffeb3b", "L")])
    tip = view.tooltip_html(["s"])
    assert "white-space:pre-wrap" in tip
    rendered = QTextDocument()
    rendered.setHtml(tip)
    assert "سطر أول\nسطر ثان" in rendered.toPlainText()
    assert "…" in rendered.toPlainText()


# -- zoom and basics ------------------------------------------------------------------------------

def test_zoom(qtbot, view) -> None:
    show(view, "نص")
    base = view.point_size()
    seen: list[int] = []
    view.zoomChanged.connect(seen.append)
    view.zoom_in()
    assert view.point_size() > base
    view.zoom_out()
    view.zoom_out()
    assert view.point_size() < base
    view.zoom_reset()
    assert view.point_size() == base
    assert seen == [1, 0, -1, 0]
    for _ in range(100):
        view.zoom_in()
    assert view.zoom_level == 14


def test_read_only_with_a_keyboard_caret(qtbot, view) -> None:
    show(view, "نص")
    assert view.objectName() == "documentView"
    assert view.isReadOnly()
    flags = view.textInteractionFlags()
    assert flags & Qt.TextInteractionFlag.TextSelectableByKeyboard
    assert flags & Qt.TextInteractionFlag.TextSelectableByMouse
    assert not view.document().isUndoAvailable()
    assert view.font().families()[0] == "Noto Naskh Arabic"
    # The text is shown exactly as stored (no reshaping, no visual reordering).
    assert view.document().toRawText() == "نص"


def test_typing_does_not_change_the_text(qtbot, view) -> None:
    show(view, "نص")
    view.setFocus()
    QTest.sendKeyEvent(QTest.KeyAction.Click, view, Qt.Key.Key_unknown, "ب",
                       Qt.KeyboardModifier.NoModifier)
    qtbot.keyClicks(view, "abc")
    assert view.document().toRawText() == "نص"
    assert view.text == "نص"


def test_point_helpers_smoke(qtbot, view) -> None:
    show(view, MIXED)
    assert isinstance(view.char_at_point(QPointF(point_for(view, 2))), int)


def test_copy_then_quit_exits_cleanly(tmp_path) -> None:
    """A copy leaves Python-made data on the clipboard; the app must hand it back to Qt on quit,
    or Qt frees it after Python has finalized and the process dies with SIGSEGV at exit."""
    import subprocess
    import sys

    script = tmp_path / "copy_quit.py"
    script.write_text(
        "from PySide6.QtCore import QTimer\n"
        "from annotator.gui.app import application\n"
        "from annotator.gui.document_view import DocumentView\n"
        "app = application()\n"
        "view = DocumentView()\n"
        "view.set_document('أمس\\u00a0الأحد')\n"
        "view.select_range(0, 3)\n"
        "view.copy()\n"
        "QTimer.singleShot(0, app.quit)\n"
        "app.exec()\n", encoding="utf-8")
    proc = subprocess.run([sys.executable, str(script)], capture_output=True, text=True,
                          timeout=120, env={**__import__("os").environ,
                                            "QT_QPA_PLATFORM": "offscreen"})
    assert proc.returncode == 0, proc.stderr[-2000:]
