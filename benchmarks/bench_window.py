"""Time the annotation window on a 1 MB Arabic document with 10,000 spans (and 300 events).

The document is SaudiNewsNet paragraphs (shared/data/saudinewsnet/2015-07-21.zip) in order
until about 555,000 characters (~1 MB of UTF-8); spans are 1 to 3 words, seeded; every
thirtieth span is a trigger with an event using the two spans after it as actors. Rows:

- open to interactive: ``open_document`` (read document and annotations, validate, fill the
  text, highlights, span table and event panel) until the first paint has been processed;
- add one span, edit: ``AddSpan`` through the window: undo stack, re-highlight of its
  paragraph, span table row, event panel (what the window does before Qt paints);
- add one span, painted: the same until the window has painted and is idle again (every dock
  repaints; the event list's completeness marks re-validate the set while painting);
- undo of that add, the same two ways;
- validation after a change: the completeness marks and the status bar (one shared pass of
  the core's validation, on the GUI thread, once per change; on a large set it waits until
  the coder pauses);
- save, GUI thread: what ``Ctrl+S`` blocks the window for (snapshot, submit);
- save, longest stall: the longest gap between 5 ms heartbeat timers while the worker
  validates and writes (the GIL is shared, so this is what a coder would feel);
- save, total: until the file is written and the window marked clean.

Targets: open < 1 s, add/undo < 16 ms, save never blocks the window > 50 ms. Each row is the
median of N runs; the stall is also given for the worst run.

    python benchmarks/bench_window.py [--runs 5] [--spans 10000] [--chars 555000]
"""

from __future__ import annotations

import argparse
import itertools
import os
import random
import re
import statistics
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from corpus import corpus_articles
from PySide6.QtCore import QEventLoop, QSettings, QTimer
from PySide6.QtWidgets import QApplication

from annotator.core.edits import AddSpan
from annotator.core.events import ChangeBatch, SpanAdded
from annotator.core.model import Document, Event, Span
from annotator.gui.dialogs import QuietAsker
from annotator.gui.main_window import MainWindow
from annotator.storage.project import Project

LABELS = ("ACTOR", "PERSON", "LOCATION", "TIME", "WEAPON", "QUANTITY", "SOURCE")
CODER = "bench"


def build_text(chars: int) -> str:
    articles = corpus_articles()
    paragraphs: list[str] = []
    total = 0
    for article in articles:
        for p in article["content"].split("\n"):
            p = p.strip()
            if p:
                paragraphs.append(p)
                total += len(p) + 1
            if total >= chars:
                return "\n".join(paragraphs)
    return "\n".join(paragraphs)


def build_project(root: Path, text: str, n_spans: int) -> tuple[Project, tuple[int, int]]:
    """A project with one big document and a saved set of ``n_spans`` spans; returns the
    project and a free word range for the add-span row."""
    project = Project.init(root)
    doc = Document("big", text, {"title": "SaudiNewsNet, 1 MB"})
    project.add_documents([doc])
    aset = project.new_annotation_set(CODER, doc)
    rng = random.Random(7)
    words = [(m.start(), m.end()) for m in re.finditer(r"\w+", text)]
    picks = sorted(rng.sample(range(len(words) - 3), n_spans + 1))
    free = words[picks.pop()]
    for i, w in enumerate(picks):
        start, end = words[w][0], words[min(w + rng.randint(0, 2), len(words) - 1)][1]
        label = "TRIGGER" if i % 30 == 0 else LABELS[i % len(LABELS)]
        if label != "TRIGGER":
            label = "ACTOR" if i % 30 in (1, 2) else label
        aset.spans.append(Span(f"s{i + 1}", start, end, label, text[start:end]))
    for i in range(0, n_spans - 2, 30):
        aset.events.append(Event(f"e{i // 30 + 1}", "battles", "armed_clash", f"s{i + 1}",
                                 {"actor1": [f"s{i + 2}"], "actor2": [f"s{i + 3}"]}, {}))
    project.save_annotations(aset, doc)
    return project, free


def ms(seconds: float) -> str:
    return f"{seconds * 1000:8.1f} ms"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--spans", type=int, default=10_000)
    parser.add_argument("--chars", type=int, default=555_000)
    args = parser.parse_args()

    app = QApplication.instance() or QApplication([])
    with tempfile.TemporaryDirectory() as tmp:
        QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, tmp)
        text = build_text(args.chars)
        project, free = build_project(Path(tmp) / "project", text, args.spans)
        size = project.annotation_path(CODER, "big").stat().st_size
        print(f"document: {len(text):,} characters, {len(text.encode()):,} bytes UTF-8; "
              f"{args.spans:,} spans, {args.spans // 30:,} events; annotation file "
              f"{size:,} bytes")

        window = MainWindow(project, CODER, asker=QuietAsker(), autosave_seconds=3600)
        window.resize(1440, 900)
        window.show()
        app.processEvents()

        opens, adds, idles, undos, undo_idles, validations = [], [], [], [], [], []
        blocks, stalls, totals = [], [], []
        for _ in range(args.runs):
            window.close_document(ask=False)
            app.processEvents()
            t0 = time.perf_counter()
            window.open_document("big")
            window.document_view.viewport().repaint()
            app.processEvents()
            opens.append(time.perf_counter() - t0)

            t0 = time.perf_counter()
            window.push(AddSpan(free[0], free[1], "LOCATION"))
            adds.append(time.perf_counter() - t0)
            app.processEvents()
            idles.append(time.perf_counter() - t0)

            t0 = time.perf_counter()
            window.doc.history.undo()
            undos.append(time.perf_counter() - t0)
            app.processEvents()
            undo_idles.append(time.perf_counter() - t0)

            window.redo()  # something to save
            settle = time.perf_counter() + 0.5  # let the post-edit validation run first
            while time.perf_counter() < settle:
                app.processEvents()
                time.sleep(0.002)
            # What validation costs after an edit: the tracker checks what the edit touched
            # (the span just added) and the window shows the counts.
            tracker = window.doc.tracker
            added = ChangeBatch.of([SpanAdded(window.doc.history.done[-1].span_id)])
            t0 = time.perf_counter()
            tracker._on_session_changed(added)
            window.refresh_validation()
            validations.append(time.perf_counter() - t0)
            heartbeat: list[float] = []
            timer = QTimer()
            timer.setInterval(5)
            timer.timeout.connect(lambda beats=heartbeat: beats.append(time.perf_counter()))
            timer.start()
            app.processEvents()
            done: list[float] = []
            window.saved.connect(lambda _doc, done=done: done.append(time.perf_counter()))
            t0 = time.perf_counter()
            heartbeat.append(t0)
            window.save_document()
            blocks.append(time.perf_counter() - t0)
            if not done:  # wait in a real event loop, as the running window does
                loop = QEventLoop()
                window.saved.connect(loop.quit)
                loop.exec()
            timer.stop()
            totals.append(done[0] - t0)
            gaps = [b - a for a, b in itertools.pairwise(heartbeat)]
            stalls.append(max(gaps) if gaps else 0.0)
            window.saved.disconnect()
            assert not window.isWindowModified()

        window.close_document(ask=False)
        window.close()
        rows = [
            ("open to interactive", statistics.median(opens), "< 1000 ms"),
            ("add one span: edit", statistics.median(adds), "< 16 ms"),
            ("add one span: painted", statistics.median(idles), "< 16 ms"),
            ("undo that add: edit", statistics.median(undos), "< 16 ms"),
            ("undo that add: painted", statistics.median(undo_idles), "< 16 ms"),
            ("validation after a change", statistics.median(validations), "-"),
            ("save: GUI thread blocked", statistics.median(blocks), "< 50 ms"),
            ("save: longest stall (median run)", statistics.median(stalls), "< 50 ms"),
            ("save: longest stall (worst run)", max(stalls), "< 50 ms"),
            ("save: total, in the worker", statistics.median(totals), "-"),
        ]
        print(f"\n{'what':34}{'median':>12}   target   (runs: {args.runs})")
        for name, value, target in rows:
            print(f"{name:34}{ms(value):>12}   {target}")


if __name__ == "__main__":
    main()
