"""Time the window's side of search: the find bar on a 1 MB document, the span filter at 10,000
spans, and the project search dialog on the SaudiNewsNet day.

Rows (medians of N runs; baselines measured in the same run):

- find bar: folding the document (once per document shown), one key typed in the bar (search
  the folded text, mark up to ``MAX_MARKS`` matches, select and show the current one), one
  F3, with a frequent word and a rare one;
- span filter, one key typed, 10,000 spans: Qt's fixed-string filter over the ``casefold``
  texts (the filter before it folded Arabic: the baseline), then over ``core.arabic.fold``
  texts, with the folded texts not yet kept (the first key after opening) and kept;
- search dialog: ``search_project`` alone (what ``annotator search`` does) against the dialog's
  whole search: worker thread, the rows made, shown and painted (1,000 rows at most).

Targets: a key in the find bar or the filter under 50 ms; the dialog adds under 50 ms to a
query, which stays under 300 ms.

    python benchmarks/bench_find.py [--runs 5] [--project IMPORTED_CORPUS_PROJECT]
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
import zipfile
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench_window import build_project, build_text
from corpus import CORPUS
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication

from annotator.core.arabic import FoldedText
from annotator.gui import span_model
from annotator.gui.dialogs import QuietAsker
from annotator.gui.find_bar import MAX_MARKS
from annotator.gui.main_window import MainWindow
from annotator.gui.search_dialog import SearchDialog
from annotator.storage.project import Project
from annotator.storage.search import SearchIndex, search_project

FIND_QUERIES = ("في", "الرياض")  # a word on every line, a rarer one
SEARCH_QUERIES = ("احد", "داعش", "الرياض", "ISIS")


def median_ms(fn: Callable[[], object], runs: int) -> float:
    times = []
    for _ in range(runs):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return statistics.median(times) * 1000


def casefold_filter_text(span: object, lab: object) -> str:
    """The span filter's text before it folded Arabic (the baseline)."""
    parts = [span.text.casefold(), span.label.casefold()]  # type: ignore[attr-defined]
    if lab is not None:
        parts += [lab.name.casefold(), lab.name_ar]  # type: ignore[attr-defined]
    return "\0".join(parts)


def import_corpus(tmp: Path) -> Project:
    root = tmp / "corpus"
    with zipfile.ZipFile(CORPUS) as zf:
        zf.extractall(tmp)
    cli = [sys.executable, "-m", "annotator"]
    subprocess.run([*cli, "init", str(root)], check=True, capture_output=True)
    subprocess.run([*cli, "import", str(root), str(tmp / "2015-07-21.json")],
                   capture_output=True)  # exits 1: 19 records have no text
    return Project.open(root)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--project", type=Path, help="a project with the corpus already imported")
    args = ap.parse_args()
    app = QApplication.instance() or QApplication([])
    rows: list[tuple[str, float, float | None, str]] = []
    with tempfile.TemporaryDirectory() as tmp:
        QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, tmp)
        text = build_text(555_000)
        project, _ = build_project(Path(tmp) / "big", text, 10_000)
        window = MainWindow(project, "bench", asker=QuietAsker(), autosave_seconds=3600)
        window.resize(1440, 900)
        window.show()
        window.open_document("big")
        app.processEvents()

        # -- find bar ---------------------------------------------------------------------
        rows.append(("find: fold the document", median_ms(lambda: FoldedText(text), args.runs),
                     None, f"{len(text):,} chars"))
        bar = window.find_bar
        bar.open()
        for query in FIND_QUERIES:
            times = []
            for _ in range(args.runs):
                bar.query.setText(query[:-1])
                app.processEvents()
                t = time.perf_counter()
                bar.query.setText(query)  # the key that completes the query
                app.processEvents()
                times.append(time.perf_counter() - t)
            ms = statistics.median(times) * 1000
            rows.append((f"find: a key typed, «{query}»", ms, None,
                         f"{len(bar.matches()):,} matches, {MAX_MARKS} marked at most"))

            def step() -> None:
                bar.step(1)
                app.processEvents()

            rows.append((f"find: F3, «{query}»", median_ms(step, args.runs), None, ""))
        bar.close_bar()

        # -- span filter ------------------------------------------------------------------
        proxy = window.span_table.proxy
        query = "النظام"

        def filter_with(needle: str) -> None:
            proxy.setFilterFixedString("")
            proxy.setFilterFixedString(needle)

        folded_filter = span_model._filter_text
        span_model._filter_text = casefold_filter_text  # type: ignore[assignment]
        base = median_ms(lambda: filter_with(query.casefold()), args.runs)
        span_model._filter_text = folded_filter
        rows.append(("span filter, casefold (before)", base, None,
                     f"{proxy.rowCount():,} of 10,000 rows kept"))

        def cold() -> None:
            span_model._folded_parts.cache_clear()
            proxy.set_filter_text("")
            proxy.set_filter_text(query)

        def warm() -> None:
            proxy.set_filter_text("")
            proxy.set_filter_text(query)

        rows.append(("span filter, folded, first key", median_ms(cold, args.runs), base, ""))
        rows.append(("span filter, folded, later keys", median_ms(warm, args.runs), base,
                     f"{proxy.rowCount():,} rows kept"))
        proxy.set_filter_text("")
        window.close_document(ask=False)
        window.close()

        # -- search dialog ----------------------------------------------------------------
        corpus = Project.open(args.project) if args.project else import_corpus(Path(tmp))
        SearchIndex.load(corpus)  # the first build is bench_search.py's row
        dialog = SearchDialog(corpus)
        dialog.resize(980, 620)
        dialog.show()
        app.processEvents()
        for query in SEARCH_QUERIES:
            bare = median_ms(lambda q=query: search_project(corpus, q, limit=1000), args.runs)

            def in_dialog(q: str = query) -> None:
                dialog.query.setText(q)
                dialog.search()
                dialog.wait()
                dialog.table.viewport().repaint()

            ms = median_ms(in_dialog, args.runs)
            rows.append((f"search «{query}»: search_project", bare, None, ""))
            rows.append((f"search «{query}»: dialog, rows painted", ms, bare,
                         f"{dialog.model.rowCount():,} rows"))
        dialog.close()
    QApplication.processEvents()
    print(f"\nmedians of {args.runs} runs; ratio against the row's baseline\n")
    print(f"| {'step':<44} | {'median ms':>9} | {'ratio':>6} | {'':<34} |")
    print(f"|{'-' * 46}|{'-' * 11}|{'-' * 8}|{'-' * 36}|")
    for name, ms, base, note in rows:
        ratio = f"{ms / base:.2f}x" if base else ""
        print(f"| {name:<44} | {ms:>9.1f} | {ratio:>6} | {note:<34} |")


if __name__ == "__main__":
    main()
