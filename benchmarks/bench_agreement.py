"""Agreement of two coders on a synthetic 30,000-document project (50 spans and 3 events per
set, the second coder's sets made from the first's with dropped spans, moved boundaries and
changed labels and fields).

Prints the median of N runs of: the baseline (reading and ``json.loads``-ing every document and
annotation file, the least agreement must do), ``project_agreement`` cold (every pair's
figures, Krippendorff's alpha over characters and tokens, u-alpha, every file validated), warm
(after ``annotator validate``: files whose bytes it found clean are not checked again, as in an
export) and with the per-document disagreements (``by_document``). Wall seconds and the CPU
seconds of all processes (worker processes included). Target: under 10 s for agreement.

    python benchmarks/bench_agreement.py [--docs 30000] [--runs 3] [--tmp DIR]
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

import bench_export  # the same documents, and the first coder's sets

from annotator.core import jsonio
from annotator.core.tokens import tokenize
from annotator.storage.agreement import project_agreement
from annotator.storage.project import Project
from annotator.storage.validate import CLEAN_NAME, validate_project

CODERS = (bench_export.CODER, "omar")
LABELS = ("ACTOR", "PERSON", "LOCATION", "TIME", "WEAPON", "SOURCE")


def second_coder(first: dict, text: str, ranges: list[tuple[int, int]],
                 rng: random.Random) -> dict:
    """The first coder's set with what two coders typically differ on: spans left out,
    boundaries a word (token) wider, other labels, another fatality count; spans that events
    use are kept, so the set stays valid."""
    data = json.loads(json.dumps(first))
    data["coder"] = CODERS[1]
    used = {s for e in data["events"] for ids in e["roles"].values() for s in ids}
    used |= {e["trigger"] for e in data["events"]}
    ends = {e: k for k, (_, e) in enumerate(ranges)}
    spans = []
    taken = {(s["start"], s["end"], s["label"]) for s in data["spans"]}
    for span in data["spans"]:
        roll = rng.random()
        if span["id"] in used or roll >= 0.15:
            spans.append(span)
        elif roll < 0.05:
            continue  # left out
        elif roll < 0.10 and span["end"] in ends and ends[span["end"]] + 1 < len(ranges):
            end = ranges[ends[span["end"]] + 1][1]  # one word wider
            if (span["start"], end, span["label"]) not in taken:
                span["end"], span["text"] = end, text[span["start"]:end]
            spans.append(span)
        else:
            label = rng.choice([x for x in LABELS if x != span["label"]])
            if (span["start"], span["end"], label) not in taken:
                span["label"] = label
            spans.append(span)
    data["spans"] = spans
    if rng.random() < 0.3:
        data["events"][0]["fields"]["fatalities"]["value"] += 1
    return data


def generate(root: Path, n_docs: int) -> Project:
    """A valid project of two coders: the export benchmark's project (its coder first), and
    a second coder made from it (setup, not measured)."""
    project = bench_export.generate(root, n_docs)
    rng = random.Random(17)
    second = project.annotations_dir / CODERS[1]
    second.mkdir()
    for doc_id in project.document_ids():
        text = json.loads((project.documents_dir / f"{doc_id}.json").read_bytes())["text"]
        first = json.loads((project.annotations_dir / CODERS[0] / f"{doc_id}.json")
                           .read_bytes())
        data = second_coder(first, text, tokenize(text), rng)
        (second / f"{doc_id}.json").write_bytes(jsonio.dump_bytes(data))
    return project


def baseline(project: Project) -> int:
    """Read and parse every document and annotation file."""
    n = 0
    for folder in (project.documents_dir, *(project.annotations_dir / c for c in CODERS)):
        for name in os.listdir(folder):
            with open(folder / name, "rb") as fh:
                json.loads(fh.read())
            n += 1
    return n


def cpu_seconds() -> float:
    me = resource.getrusage(resource.RUSAGE_SELF)
    kids = resource.getrusage(resource.RUSAGE_CHILDREN)
    return me.ru_utime + me.ru_stime + kids.ru_utime + kids.ru_stime


def timed(work: Callable[[], object]) -> tuple[float, float, object]:
    c = cpu_seconds()
    t = time.perf_counter()
    result = work()
    return time.perf_counter() - t, cpu_seconds() - c, result


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--docs", type=int, default=30000)
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--tmp", type=Path, default=None, help="where to generate (default: /tmp)")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory(dir=args.tmp) as tmp:
        t = time.perf_counter()
        project = generate(Path(tmp) / "p", args.docs)
        print(f"generated {args.docs} documents x {len(CODERS)} coders in "
              f"{time.perf_counter() - t:.1f} s", flush=True)
        memo = project.state_dir / CLEAN_NAME

        def cold() -> object:
            memo.unlink(missing_ok=True)
            return project_agreement(project)

        measures: list[tuple[str, Callable[[], object]]] = [
            ("baseline: read + json.loads every file", lambda: baseline(project)),
            ("agreement, cold (pairs, alpha, u-alpha)", cold),
            ("agreement, warm (after validate)", lambda: project_agreement(project)),
            ("agreement --by-document, warm", lambda: project_agreement(project,
                                                                       by_document=True)),
        ]
        # Round by round, each measure once, so the machine's changing load falls on all
        # alike; the memo of clean files is made before the warm runs (not measured).
        runs: dict[str, list[tuple[float, float]]] = {name: [] for name, _ in measures}
        result = None
        for r in range(args.runs):
            for name, work in measures:
                if name.startswith("agreement, warm"):
                    validate_project(project)
                wall, cpu, out = timed(work)
                runs[name].append((wall, cpu))
                if result is None and name.startswith("agreement, cold"):
                    result = out
                print(f"  round {r + 1}, {name}: {wall:.2f} s ({cpu:.1f} CPU s)", flush=True)
        rows = [(name, statistics.median(w for w, _ in done),
                 statistics.median(c for _, c in done)) for name, done in runs.items()]
        print()
        print(f"Agreement of {args.docs:,} documents x {len(CODERS)} coders x 50 spans, median "
              f"of {args.runs} runs ({os.cpu_count()} CPUs)")
        load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
        print(f"(load average at the end: {load:.2f}; wall times include whatever else runs, "
              "CPU seconds do not)")
        print(f"{'':<42} {'wall s':>7} {'CPU s':>6} {'x base':>7} {'CPU x base':>10}")
        base, base_cpu = rows[0][1], rows[0][2]
        for name, wall, cpu in rows:
            print(f"{name:<42} {wall:>7.2f} {cpu:>6.1f} {wall / base:>7.2f} "
                  f"{cpu / base_cpu:>10.2f}")
        if result is not None:
            summary = result.summary  # type: ignore[attr-defined]
            print()
            print(f"figures: alpha characters {summary.characters.alpha():.3f}, tokens "
                  f"{summary.tokens.alpha():.3f}, u-alpha {summary.unitizing.alpha():.3f}, "
                  f"problems {len(result.problems)}")  # type: ignore[attr-defined]


if __name__ == "__main__":
    main()
