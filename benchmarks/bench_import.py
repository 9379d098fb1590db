"""Import the 2,972-article SaudiNewsNet corpus into a fresh project, then validate it.

Prints medians of N runs, with a baseline measured in the same run: json.loads of the corpus
file plus writing every article to its own file with a plain ``write_text`` (no fsync, no
rename), i.e. the least any importer must do. Targets: import under 3 s, validate under 2 s.

    python benchmarks/bench_import.py [--runs 5]
"""

from __future__ import annotations

import argparse
import json
import shutil
import statistics
import tempfile
import time
import zipfile
from pathlib import Path

from corpus import CORPUS

from annotator.formats.documents import read_documents
from annotator.storage.project import Project
from annotator.storage.validate import validate_project


def timed(fn):  # type: ignore[no-untyped-def]
    t = time.perf_counter()
    result = fn()
    return time.perf_counter() - t, result


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--corpus", type=Path, default=CORPUS)
    args = ap.parse_args()
    rows: dict[str, list[float]] = {"baseline: json.loads + plain writes": [],
                                    "import (read + atomic writes)": [],
                                    "validate project (cold)": [],
                                    "validate project (unchanged, cached)": []}
    with tempfile.TemporaryDirectory() as tmp:
        tmpdir = Path(tmp)
        with zipfile.ZipFile(args.corpus) as zf:
            zf.extractall(tmpdir)
        corpus = tmpdir / "2015-07-21.json"
        for run in range(args.runs):
            base = tmpdir / f"base{run}"
            base.mkdir()

            def baseline(base: Path = base) -> int:
                articles = json.loads(corpus.read_text(encoding="utf-8"))
                for i, a in enumerate(articles):
                    (base / f"{i}.json").write_text(json.dumps(a, ensure_ascii=False),
                                                    encoding="utf-8")
                return len(articles)

            rows["baseline: json.loads + plain writes"].append(timed(baseline)[0])
            project = Project.init(tmpdir / f"p{run}")

            def do_import(project: Project = project) -> int:
                result = read_documents([corpus], project.text_policy,
                                        existing_ids=set(project.document_ids()))
                project.add_documents(result.documents)
                return len(result.documents)

            t, n = timed(do_import)
            rows["import (read + atomic writes)"].append(t)
            rows["validate project (cold)"].append(
                timed(lambda: validate_project(project))[0])  # noqa: B023
            rows["validate project (unchanged, cached)"].append(
                timed(lambda: validate_project(project))[0])  # noqa: B023
            shutil.rmtree(base)
    base = statistics.median(rows["baseline: json.loads + plain writes"])
    print(f"SaudiNewsNet corpus, {n} documents imported, median of {args.runs} runs\n")
    print(f"| {'step':<40} | {'median s':>9} | {'vs baseline':>11} |")
    print(f"|{'-' * 42}|{'-' * 11}|{'-' * 13}|")
    for name, values in rows.items():
        med = statistics.median(values)
        print(f"| {name:<40} | {med:>9.3f} | {med / base:>10.1f}x |")


if __name__ == "__main__":
    main()
