"""Agreement of two coders on a synthetic 30,000-document project (50 spans and 3 events per
set, the second coder's sets made from the first's with dropped spans, moved boundaries and
changed labels and fields).

Prints the median of N runs of: the baseline (reading and ``json.loads``-ing every document and
annotation file, the least agreement must do), ``project_agreement`` cold (every pair's
figures, Krippendorff's alpha over characters and tokens, u-alpha, every file validated), warm
(after ``annotator validate``: files whose bytes it found clean are not checked again, as in an
export) and with the per-document disagreements (``by_document``). Wall seconds and the CPU
seconds of all processes (worker processes included). Target: under 10 s for agreement.

``--against TREE`` (a checkout of another revision, e.g. ``git worktree add /tmp/old main``)
measures that revision and this one in the same run instead: each agreement runs in a fresh
process importing one of the two trees (its worker processes too), the two alternate (first one
tree then the other, swapping each round), the baseline is measured in each round, and the
figures of the two trees must be identical. ``--project DIR`` keeps the generated project in
DIR (made there if it is not one yet) to measure it again without generating it.

    python benchmarks/bench_agreement.py [--docs 30000] [--runs 3] [--tmp DIR]
                                         [--project DIR] [--against TREE]
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import random
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

HERE = str(Path(__file__).resolve().parents[1])
# The tree whose annotator is measured: this one, or (in a child of --against) the one named,
# for the worker processes as well (they import this file again, and inherit the variable).
TREE_VARIABLE = "BENCH_AGREEMENT_TREE"
sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, os.environ.get(TREE_VARIABLE) or HERE)

from annotator.core import jsonio  # noqa: E402 - after choosing the tree
from annotator.core.tokens import tokenize  # noqa: E402
from annotator.storage.agreement import project_agreement  # noqa: E402
from annotator.storage.project import Project  # noqa: E402
from annotator.storage.validate import CLEAN_NAME, validate_project  # noqa: E402

CODERS = ("bench", "omar")  # bench_export.CODER, and a second coder
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
    import bench_export  # the same documents, and the first coder's sets (imported here:
    # it puts this tree first on the path, which a child measuring another tree must not)

    assert bench_export.CODER == CODERS[0]
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


@contextlib.contextmanager
def project_at(args: argparse.Namespace) -> Iterator[Project]:
    """The project to measure: kept in ``--project`` (generated there if it is not one yet),
    or generated in a temporary folder."""
    with contextlib.ExitStack() as stack:
        root = args.project
        if root is None:
            root = Path(stack.enter_context(tempfile.TemporaryDirectory(dir=args.tmp))) / "p"
        if (root / "project.json").is_file():
            project = Project.open(root)
            print(f"measuring {root} ({len(project.document_ids())} documents)", flush=True)
        else:
            t = time.perf_counter()
            project = generate(root, args.docs)
            print(f"generated {args.docs} documents x {len(CODERS)} coders in "
                  f"{time.perf_counter() - t:.1f} s", flush=True)
        yield project


def figures(result: Any) -> dict[str, Any]:
    """Every figure of a result, unrounded: what two trees must agree on exactly."""
    group = result.group
    unitizing = group.all.unitizing
    return {"all": group.all.figures(), "pairs": [p.to_dict() for p in result.pairs],
            "u_alpha_by_label": {label: [unitizing.label(label).alpha,
                                         unitizing.label(label).observed,
                                         unitizing.label(label).expected]
                                 for label in sorted(unitizing.labels)},
            "characters": sorted(map(list, group.all.characters.units.items())),
            "tokens": sorted(map(list, group.all.tokens.units.items())),
            "compared": result.compared, "problems": result.problems}


def child(root: str, mode: str) -> None:
    """One agreement (``mode``: cold, warm or by-document) of the tree on the path: prints
    wall and CPU seconds and the figures as JSON."""
    project = Project.open(Path(root))
    if mode == "cold":
        (project.state_dir / CLEAN_NAME).unlink(missing_ok=True)
    wall, cpu, result = timed(lambda: project_agreement(project,
                                                        by_document=mode == "by-document"))
    print(json.dumps({"wall": wall, "cpu": cpu, "figures": figures(result)}))


def in_child(tree: str, project: Project, mode: str) -> tuple[float, float, dict[str, Any]]:
    """``child`` in a fresh process that imports ``tree``."""
    proc = subprocess.run([sys.executable, __file__, "--child", str(project.root), mode],
                          capture_output=True, text=True, env={**os.environ, TREE_VARIABLE: tree})
    if proc.returncode:
        raise SystemExit(f"{tree} {mode}: {proc.stderr[-2000:]}")
    out = json.loads(proc.stdout.strip().splitlines()[-1])
    return out["wall"], out["cpu"], out["figures"]


def compare(args: argparse.Namespace) -> None:
    """This tree against ``args.against``, alternating, with their figures compared."""
    trees = {"old": str(args.against.resolve()), "new": HERE}
    with project_at(args) as project:
        memo = project.state_dir / CLEAN_NAME
        got: dict[str, list[tuple[float, float]]] = {}
        for r in range(args.runs):
            wall, cpu, _ = timed(lambda: baseline(project))
            got.setdefault("baseline", []).append((wall, cpu))
            print(f"  round {r + 1}, baseline: {wall:.2f} s ({cpu:.1f} CPU s)", flush=True)
            order = ("old", "new") if r % 2 == 0 else ("new", "old")
            for mode in ("cold", "warm"):
                seen = {}
                for name in order:
                    if mode == "warm" and not memo.is_file():
                        validate_project(project)  # the memo a warm run reads (not measured)
                    wall, cpu, seen[name] = in_child(trees[name], project, mode)
                    got.setdefault(f"{name} {mode}", []).append((wall, cpu))
                    print(f"  round {r + 1}, {name} {mode}: {wall:.2f} s ({cpu:.1f} CPU s)",
                          flush=True)
                if seen["old"] != seen["new"]:
                    raise SystemExit(f"{mode}: the figures of the two trees differ")
        n_docs = len(project.document_ids())
    rows = {k: (statistics.median(w for w, _ in v), statistics.median(c for _, c in v))
            for k, v in got.items()}
    print()
    print(f"Agreement of {n_docs:,} documents x {len(CODERS)} coders x 50 spans, median of "
          f"{args.runs} runs ({os.cpu_count()} CPUs); old = {trees['old']}, new = "
          f"{trees['new']}; every figure identical old/new")
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    print(f"(load average at the end: {load:.2f}; wall times include whatever else runs, "
          "CPU seconds do not)")
    print(f"{'':<36} {'wall s':>7} {'CPU s':>6} {'x base':>7} {'CPU x base':>10}")
    base, base_cpu = rows["baseline"]
    for name in ("baseline", "old cold", "new cold", "old warm", "new warm"):
        wall, cpu = rows[name]
        label = "baseline: read + json.loads every file" if name == "baseline" else \
            f"agreement {name}"
        print(f"{label:<36} {wall:>7.2f} {cpu:>6.1f} {wall / base:>7.2f} "
              f"{cpu / base_cpu:>10.2f}")
    for mode in ("cold", "warm"):
        (ow, oc), (nw, nc) = rows[f"old {mode}"], rows[f"new {mode}"]
        print(f"new / old, {mode}: wall {nw / ow:.2f}, CPU {nc / oc:.2f}")


def main() -> None:
    if sys.argv[1:2] == ["--child"]:
        child(*sys.argv[2:4])
        return
    ap = argparse.ArgumentParser()
    ap.add_argument("--docs", type=int, default=30000)
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--tmp", type=Path, default=None, help="where to generate (default: /tmp)")
    ap.add_argument("--project", type=Path, default=None,
                    help="keep the generated project here (or measure the one found here)")
    ap.add_argument("--against", type=Path, default=None,
                    help="a checkout of another revision to measure beside this one")
    args = ap.parse_args()
    if args.against is not None:
        compare(args)
        return
    with project_at(args) as project:
        memo = project.state_dir / CLEAN_NAME
        n_docs = len(project.document_ids())

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
        print(f"Agreement of {n_docs:,} documents x {len(CODERS)} coders x 50 spans, median "
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
