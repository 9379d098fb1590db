"""Which way the text view lays a document out: detected from the text, or chosen by the coder
(View > Text direction), for the whole document; the text itself is never changed."""

from __future__ import annotations

import unicodedata

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPlainTextEdit

AUTO, RIGHT_TO_LEFT, LEFT_TO_RIGHT = "auto", "rtl", "ltr"
DIRECTION_MODES = (AUTO, RIGHT_TO_LEFT, LEFT_TO_RIGHT)


def paragraph_direction(paragraph: str) -> Qt.LayoutDirection | None:
    """The paragraph's base direction by the first strong character (UBA rules P2-P3).

    ``None`` when it has no strong character (digits, punctuation, empty). Characters inside
    isolates (LRI/RLI/FSI ... PDI) are skipped, as P2 says. Stops at the first strong character,
    so it is cheap per paragraph; it agrees with ``bidi.get_base_level`` (tested).
    """
    depth = 0
    for ch in paragraph:
        if ch in "\u2066\u2067\u2068":
            depth += 1
            continue
        if ch == "\u2069":
            depth = max(0, depth - 1)
            continue
        if depth:
            continue
        kind = unicodedata.bidirectional(ch)
        if kind == "L":
            return Qt.LayoutDirection.LeftToRight
        if kind in ("R", "AL"):
            return Qt.LayoutDirection.RightToLeft
    return None


def _split_paragraphs(text: str) -> list[str]:
    return text.replace("\r\n", "\n").replace("\r", "\n").replace("\u2029", "\n").split("\n")


def document_direction(text: str) -> tuple[Qt.LayoutDirection, bool]:
    """(base direction, mixed): the first strong paragraph's direction, and whether any other
    paragraph has the opposite one. A text with no strong character at all reads RTL (this is
    an Arabic tool: a list of numbers is most likely an Arabic table)."""
    base: Qt.LayoutDirection | None = None
    for paragraph in _split_paragraphs(text):
        d = paragraph_direction(paragraph)
        if d is None:
            continue
        if base is None:
            base = d
        elif d != base:
            return base, True
    return (base if base is not None else Qt.LayoutDirection.RightToLeft), False


def layout_for(mode: str, text: str) -> tuple[Qt.LayoutDirection, bool]:
    """(base direction, per paragraph) to show ``text`` in ``mode``: ``auto`` detects it
    (``document_direction``); a chosen direction holds for every paragraph."""
    if mode == RIGHT_TO_LEFT:
        return Qt.LayoutDirection.RightToLeft, False
    if mode == LEFT_TO_RIGHT:
        return Qt.LayoutDirection.LeftToRight, False
    return document_direction(text)


def apply_text_direction(view: QPlainTextEdit, direction: Qt.LayoutDirection,
                         per_paragraph: bool = False) -> None:
    """Base direction for the widget and the text.

    QPlainTextEdit aligns every paragraph alike (measured: it ignores block alignment and
    block direction), so alignment follows the document's base direction. Text direction is
    the base direction, or Qt's per-paragraph detection when the document mixes directions
    (then a paragraph without any strong character falls back to LTR order).
    """
    view.setLayoutDirection(direction)
    doc = view.document()
    option = doc.defaultTextOption()
    option.setTextDirection(Qt.LayoutDirection.LayoutDirectionAuto if per_paragraph
                            else direction)
    side = (Qt.AlignmentFlag.AlignRight if direction == Qt.LayoutDirection.RightToLeft
            else Qt.AlignmentFlag.AlignLeft)
    option.setAlignment(side | Qt.AlignmentFlag.AlignAbsolute)
    doc.setDefaultTextOption(option)
