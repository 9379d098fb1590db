"""Search the 2,972-article SaudiNewsNet corpus: first index build, then queries.

Imports the corpus into a fresh project with ``annotator import``, then times
``SearchIndex.load`` on the new project (the first build), and ``search_project`` (index
load and freshness check of every document included) for a few queries, with the CLI's
default limit of 100 hits and with no limit. Baselines measured in the same run: a plain
``str.find`` loop over every document text already in memory, and the same after reading
every document file (what a search without an index must do). Target: under 300 ms per
query after the first build. What the window's search dialog adds to a query (its worker
thread, the rows made and painted) is measured by ``bench_find.py``.

    python benchmarks/bench_search.py [--runs 5] [--builds 3]
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import zipfile
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from corpus import CORPUS

from annotator.storage.atomic import read_json
from annotator.storage.lexicon import LEXICON_NAME, project_lexicon
from annotator.storage.project import Project
from annotator.storage.search import INDEX_NAME, SearchIndex, search_project

QUERIES = ("احد", "الرياض", "داعش", "مُحَمَّد", "وزارة الداخلية", "كوباني", "ISIS")


def median_ms(fn: Callable[[], object], runs: int) -> tuple[float, object]:
    times, result = [], None
    for _ in range(runs):
        t = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - t)
    return statistics.median(times) * 1000, result


def plain_find(texts: list[str], query: str) -> int:
    """Occurrences of ``query`` as typed, no normalisation: the least any search does."""
    n = 0
    for text in texts:
        i = text.find(query)
        while i >= 0:
            n += 1
            i = text.find(query, i + 1)
    return n


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--builds", type=int, default=3)
    ap.add_argument("--corpus", type=Path, default=CORPUS)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        tmpdir = Path(tmp)
        with zipfile.ZipFile(args.corpus) as zf:
            zf.extractall(tmpdir)
        root = tmpdir / "corpus"
        cli = [sys.executable, "-m", "annotator"]
        subprocess.run([*cli, "init", str(root)], check=True, capture_output=True)
        t = time.perf_counter()
        subprocess.run([*cli, "import", str(root), str(tmpdir / "2015-07-21.json")],
                       capture_output=True)  # exits 1: 19 records have no text
        imported = time.perf_counter() - t
        project = Project.open(root)
        n_docs = len(project.document_ids())
        n_chars = 0

        def read_texts() -> list[str]:
            return [read_json(project.document_path(d))["text"] for d in project.document_ids()]

        texts = read_texts()
        n_chars = sum(map(len, texts))
        rows: list[tuple[str, float, float | None, str]] = []
        builds = []
        for _ in range(args.builds):
            shutil.rmtree(project.state_dir, ignore_errors=True)
            ms, index = median_ms(lambda: SearchIndex.load(project), 1)
            builds.append(ms)
        rows.append(("first index build (fold every document)", statistics.median(builds),
                     None, f"{index.folded_now:,} docs"))  # type: ignore[attr-defined]
        size = (project.state_dir / INDEX_NAME).stat().st_size
        ms, _ = median_ms(lambda: SearchIndex.load(project), args.runs)
        rows.append(("index load, nothing changed", ms, None, f"{size / 1e6:.1f} MB"))
        ms, lexicon = median_ms(lambda: project_lexicon(project), 1)
        rows.append(("word counts for X, first", ms, None,
                     f"{lexicon.total:,} words"))  # type: ignore[attr-defined]
        ms, _ = median_ms(lambda: project_lexicon(project), args.runs)
        lex_size = (project.state_dir / LEXICON_NAME).stat().st_size
        rows.append(("word counts for X, cached", ms, None, f"{lex_size / 1e6:.1f} MB"))
        for query in QUERIES:
            base_mem, _ = median_ms(lambda q=query: plain_find(texts, q), args.runs)
            base_disk, _ = median_ms(lambda q=query: plain_find(read_texts(), q), args.runs)
            rows.append((f"baseline str.find in memory «{query}»", base_mem, None, ""))
            rows.append((f"baseline read files + str.find «{query}»", base_disk, None, ""))
            for limit in (100, None):
                ms, result = median_ms(
                    lambda q=query, lim=limit: search_project(project, q, limit=lim), args.runs)
                rows.append((f"search «{query}», limit {limit or 'none'}", ms, base_disk,
                             f"{result.total:,} in {result.documents:,} docs"  # type: ignore[attr-defined]
                             ))
    print(f"SaudiNewsNet corpus: {n_docs:,} documents, {n_chars:,} characters (imported in "
          f"{imported:.1f} s); medians of {args.runs} runs, first build of {args.builds}\n")
    print(f"| {'step':<50} | {'median ms':>9} | {'vs read+find':>12} | {'':<22} |")
    print(f"|{'-' * 52}|{'-' * 11}|{'-' * 14}|{'-' * 24}|")
    for name, ms, base, note in rows:
        ratio = f"{ms / base:.2f}x" if base else ""
        print(f"| {name:<50} | {ms:>9.1f} | {ratio:>12} | {note:<22} |")


if __name__ == "__main__":
    main()
