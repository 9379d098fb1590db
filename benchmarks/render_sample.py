"""Render the sample Arabic article in a DocumentView with a few spans and save a PNG.

Usage: python benchmarks/render_sample.py OUT.png [--article PATH] [--zoom N]

For looking at what the view draws: right alignment, joined letters under partial-word
highlights, nested spans, emphasis. Runs headless (offscreen platform) unless a display is set.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from PySide6.QtWidgets import QApplication

from annotator.gui.document_view import DocumentView, SpanMark

DEFAULT_ARTICLE = Path(__file__).resolve().parents[2] / "shared" / "data" / "sample-article-ar.txt"


def sample_spans(text: str) -> list[SpanMark]:
    """Spans over parts of words, whole words, a nested pair and an event's arguments."""

    def at(needle: str, offset: int = 0, length: int | None = None) -> tuple[int, int]:
        i = text.index(needle) + offset
        return i, i + (len(needle) - offset if length is None else length)

    return [
        SpanMark("attack", *at("هجوماً"), "#e53935", "هجوم"),
        SpanMark("actor", *at("مجموعة مسلحة"), "#1e88e5", "فاعل"),
        SpanMark("daesh", *at("داعش"), "#8e24aa", "تنظيم"),
        SpanMark("unit", *at("للفرقة 17", offset=2), "#fb8c00", "وحدة"),  # without proclitic
        SpanMark("place", *at("بريف البوكمال", offset=1), "#43a047", "مكان"),  # "ريف" of "بريف"
        SpanMark("town", *at("بلدة الجلاء"), "#00897b", "مكان"),
        SpanMark("town-name", *at("الجلاء"), "#fdd835", "اسم"),  # nested inside "town"
        SpanMark("region", *at("ديرالزور"), "#43a047", "مكان"),
        SpanMark("losses", *at("خسائر في الأرواح"), "#6d4c41", "نتيجة"),
        SpanMark("reinforce", *at("تعزيزات عسكرية ضخمة"), "#3949ab", "تعزيز"),
    ]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path, help="PNG file to write")
    parser.add_argument("--article", type=Path, default=DEFAULT_ARTICLE)
    parser.add_argument("--zoom", type=int, default=0, help="zoom steps (+/-), 0 = 14 pt")
    args = parser.parse_args(argv)

    app = QApplication.instance() or QApplication([])
    text = args.article.read_text(encoding="utf-8")
    view = DocumentView()
    view.resize(900, 700)
    view.show()
    view.set_document(text)
    view.set_zoom(args.zoom)
    view.set_spans(sample_spans(text))
    view.set_emphasis(["attack", "actor", "town"], selected_id="attack")
    view.setTextCursor(view.textCursor())  # caret at the start, as a coder opens a document
    app.processEvents()
    if not view.grab().save(str(args.out)):
        print(f"could not write {args.out}", file=sys.stderr)
        return 1
    print(f"wrote {args.out} ({len(text)} characters, {len(view.spans())} spans)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
