"""Time opening one document for adjudication in the window: 3 coders x 60 spans (and a few
events), against opening the same document for coding in the same run.

The document is the longest SaudiNewsNet article of the day that has at least 700 words; each
coder marks 60 spans, 45 of them the same words as the others (some with another label or a
word more), and 15 of their own; every tenth span is a trigger of an event. The gold set is
pre-filled once (``annotator adjudicate``); then each run closes the document and times:

- coding: ``open_document`` for a coder, until the window has painted;
- adjudication: ``Ctrl+Shift+A``'s work (``AdjudicationMode.enter``: check, open the gold set,
  read the three coders' sets, list the disagreements, draw the coders' lanes) until painted.

Target: adjudication opens in under 300 ms.

    python benchmarks/bench_adjudication.py [--runs 7]
"""

from __future__ import annotations

import argparse
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
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication

from annotator.core.model import Document, Event, Span
from annotator.gui.dialogs import QuietAsker
from annotator.gui.main_window import MainWindow
from annotator.storage.gold import adjudicate_project
from annotator.storage.project import Project

CODERS = ("amal", "badr", "carim")
LABELS = ("ACTOR", "PERSON", "LOCATION", "TIME", "QUANTITY")


def build_project(root: Path, spans: int) -> Project:
    articles = [a["content"] for a in corpus_articles() if len(a["content"].split()) >= 700]
    text = max(articles, key=len)
    project = Project.init(root)
    doc = Document("article", text, {"title": "SaudiNewsNet article"})
    project.add_documents([doc])
    words = [(m.start(), m.end()) for m in re.finditer(r"\w+", text)]
    shared = random.Random(3).sample(range(len(words) - 2), spans * 3 // 4)
    for n, coder in enumerate(CODERS):
        rng = random.Random(n)
        own = rng.sample(range(len(words) - 2), spans - len(shared))
        picks = sorted(set(shared) | set(own))[:spans]
        aset = project.new_annotation_set(coder, doc)
        used: set[tuple[int, int]] = set()
        for i, w in enumerate(picks):
            longer = rng.random() < 0.1
            start, end = words[w][0], words[w + 1 if longer else w][1]
            if (start, end) in used:
                continue
            used.add((start, end))
            label = "TRIGGER" if i % 10 == 0 else LABELS[(w + (rng.random() < 0.1)) % 5]
            aset.spans.append(Span(f"s{i + 1}", start, end, label, text[start:end]))
        triggers = [s for s in aset.spans if s.label == "TRIGGER"]
        actors = [s for s in aset.spans if s.label == "ACTOR"]
        for k, trig in enumerate(triggers):
            roles = {"actor1": [actors[k % len(actors)].id]} if actors else {}
            aset.events.append(Event(f"e{k + 1}", "battles", "armed_clash", trig.id, roles,
                                     {}))
        aset.status = "skipped"  # finished without the codebook's required fields
        project.save_annotations(aset, doc)
    report = adjudicate_project(project, coders=list(CODERS))
    assert project.annotation_path("gold", "article").is_file(), report.problems
    return project


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--spans", type=int, default=60)
    args = parser.parse_args()
    app = QApplication.instance() or QApplication([])
    with tempfile.TemporaryDirectory() as tmp:
        QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, tmp)
        project = build_project(Path(tmp) / "p", args.spans)
        window = MainWindow(project, "lead", asker=QuietAsker(), offer_recovery=False)
        window.resize(1440, 900)
        window.show()
        app.processEvents()
        coding, adjudicating, items = [], [], 0
        for _ in range(args.runs):
            window.close_document(ask=False)
            app.processEvents()
            t0 = time.perf_counter()
            window.open_document("article")
            window.repaint()
            app.processEvents()
            coding.append(time.perf_counter() - t0)
            t0 = time.perf_counter()
            assert window.adjudicator.enter("article")
            window.repaint()
            app.processEvents()
            adjudicating.append(time.perf_counter() - t0)
            items = len(window.adjudicator.adjudication.item_ids())
            window.adjudicator.leave(None)
        window.close_document(ask=False)
        window.close()
        doc = project.load_document("article")
        print(f"document: {len(doc.text):,} characters; {len(CODERS)} coders x "
              f"{args.spans} spans; {items} disagreements")
        print(f"\n{'what':36}{'median':>10}{'min':>10}   target   (runs: {args.runs})")
        for name, values, target in (("open for coding (baseline)", coding, "-"),
                                     ("open for adjudication", adjudicating, "< 300 ms")):
            print(f"{name:36}{statistics.median(values) * 1000:8.1f} ms"
                  f"{min(values) * 1000:8.1f} ms   {target}")
        print(f"{'ratio adjudication / coding':36}"
              f"{statistics.median(adjudicating) / statistics.median(coding):9.2f}x")


if __name__ == "__main__":
    main()
