"""Time the text view on a 1 MB Arabic document with 10,000 highlighted spans.

The document is SaudiNewsNet paragraphs (shared/data/saudinewsnet/2015-07-21.zip) taken in
order until about 555,000 characters (~1 MB of UTF-8). Spans are 1 to 3 words, seeded, a
fifth of them nested inside another. Each row is the median of N runs; the baselines, measured
in the same run, are a bare QPlainTextEdit.setPlainText of the same text and json.dumps of the
same spans (what saving them costs anyway).

    python benchmarks/bench_highlight.py [--runs 5] [--spans 10000] [--chars 555000]
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import statistics
import sys
import time
from bisect import bisect_left
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from corpus import corpus_articles
from PySide6.QtWidgets import QApplication, QPlainTextEdit

from annotator.gui.document_view import DocumentView, SpanMark
from annotator.gui.fonts import arabic_font

PALETTE = ("#e53935", "#1e88e5", "#43a047", "#fb8c00", "#8e24aa", "#00897b", "#fdd835")
LABELS = ("حدث", "فاعل", "مكان", "زمان", "ضحية", "سلاح", "مصدر")


def build_document(chars: int) -> str:
    """Corpus paragraphs, in order, until ``chars`` characters (cut at a paragraph end)."""
    articles = corpus_articles()
    paragraphs: list[str] = []
    total = 0
    while total < chars:
        for article in articles:
            for p in article["content"].split("\n"):
                p = p.strip()
                if p:
                    paragraphs.append(p)
                    total += len(p) + 1
                if total >= chars:
                    break
            if total >= chars:
                break
    return "\n".join(paragraphs)


def build_spans(text: str, count: int, seed: int = 7) -> list[SpanMark]:
    rng = random.Random(seed)
    words = [(m.start(), m.end()) for m in re.finditer(r"\w+", text)]
    spans: list[SpanMark] = []
    for i in range(count):
        if spans and i % 5 == 0:  # nested inside an earlier span
            outer = rng.choice(spans)
            start, end = outer.start, outer.end
            inner = words_between(words, start, end)
            if inner:
                start, end = rng.choice(inner)
        else:
            w = rng.randrange(len(words) - 3)
            start, end = words[w][0], words[w + rng.randint(0, 2)][1]
        spans.append(SpanMark(f"s{i}", start, end, PALETTE[i % len(PALETTE)],
                              LABELS[i % len(LABELS)]))
    return spans


def words_between(words: list[tuple[int, int]], start: int, end: int) -> list[tuple[int, int]]:
    i = bisect_left(words, (start, start))
    out = []
    while i < len(words) and words[i][1] <= end:
        out.append(words[i])
        i += 1
    return out


def median_time(fn: Callable[[], object], runs: int, setup: Callable[[], object] | None = None
                ) -> float:
    times = []
    for _ in range(runs):
        if setup is not None:
            setup()
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return statistics.median(times)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--spans", type=int, default=10_000)
    parser.add_argument("--chars", type=int, default=555_000)
    args = parser.parse_args(argv)

    app = QApplication.instance() or QApplication([])
    text = build_document(args.chars)
    spans = build_spans(text, args.spans)
    paragraphs = text.count("\n") + 1
    print(f"document: {len(text):,} characters, {len(text.encode('utf-8')):,} bytes UTF-8, "
          f"{paragraphs:,} paragraphs; {len(spans):,} spans; median of {args.runs} runs")

    # Baselines, same process, same font and size.
    plain = QPlainTextEdit()
    plain.setFont(arabic_font(14))
    plain.resize(900, 700)
    plain.show()
    t_plain = median_time(lambda: plain.setPlainText(text), args.runs)
    span_dicts = [{"id": s.id, "start": s.start, "end": s.end, "label": s.label,
                   "text": text[s.start:s.end]} for s in spans]
    t_json = median_time(lambda: json.dumps(span_dicts, ensure_ascii=False), args.runs)

    view = DocumentView()
    view.resize(900, 700)
    view.show()
    t_doc = median_time(lambda: view.set_document(text), args.runs)
    t_spans = median_time(lambda: view.set_spans(spans), args.runs)
    t_paint = median_time(lambda: view.viewport().grab(), args.runs)

    rng = random.Random(3)
    picks = [rng.choice(spans) for _ in range(args.runs)]
    moved = iter([SpanMark(s.id, s.start, s.end + 1, "#000080", s.label) for s in picks])
    t_update = median_time(lambda: view.update_span(next(moved)), args.runs)
    victims = iter([s.id for s in spans[-args.runs:]])
    t_remove = median_time(lambda: view.remove_span(next(victims)), args.runs)
    probe = [rng.randrange(len(text)) for _ in range(1000)]
    t_span_at = median_time(lambda: [view.span_at(p) for p in probe], args.runs) / len(probe)
    view.set_emphasis([s.id for s in spans[:8]], spans[0].id)
    t_emph = median_time(lambda: view.set_emphasis([s.id for s in spans[8:16]], spans[8].id),
                         args.runs)
    app.processEvents()

    rows = [
        ("baseline: QPlainTextEdit.setPlainText", t_plain, t_plain),
        ("baseline: json.dumps(spans)", t_json, t_json),
        ("DocumentView.set_document", t_doc, t_plain),
        ("DocumentView.set_spans (apply all)", t_spans, t_json),
        ("first paint after set_spans (grab)", t_paint, None),
        ("update_span (one span)", t_update, None),
        ("remove_span (one span)", t_remove, None),
        ("set_emphasis (8 spans)", t_emph, None),
        ("span_at (per lookup)", t_span_at, None),
    ]
    print(f"{'operation':42} {'median':>10} {'ratio':>14}")
    for name, seconds, base in rows:
        ratio = f"{seconds / base:6.1f}x base" if base and base is not seconds else ""
        print(f"{name:42} {_fmt(seconds):>10} {ratio:>14}")
    return 0


def _fmt(seconds: float) -> str:
    if seconds >= 1:
        return f"{seconds:.2f} s"
    if seconds >= 1e-3:
        return f"{seconds * 1e3:.1f} ms"
    return f"{seconds * 1e6:.0f} µs"


if __name__ == "__main__":
    raise SystemExit(main())
