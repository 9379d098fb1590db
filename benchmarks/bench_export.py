"""Export a synthetic 30,000-document project (50 spans and 3 events each) to every format.

Prints, per format, the median export time of N runs (default workers: one process per CPU),
cold (no memo of files that passed the checks: every file is checked, as in a first export or
after every file changed) and warm (each file's bytes match the memo the run before left, as
when exporting again, or after ``annotator validate``), and the peak memory at 3,000 and at
30,000 documents, each measured (warm) in a fresh process with ``workers=1`` so that every
allocation is in the measured process: tracemalloc's peak of Python allocations and the peak
RSS. Memory that does not grow from 3k to 30k documents means the export streams; the one
thing that grows is the memo, 32 bytes per annotation file (about 3 MB at 30k). Baselines
measured in the same run: reading and ``json.loads``-ing every document and annotation file
of the project (the least any exporter must do), and creating two small files per document
with plain writes (the least a brat export must do on this disk).
Target: under 10 s per format.

``--against TREE`` (a checkout of another revision, e.g. ``git worktree add /tmp/old e6726ce``)
measures that revision and this one in the same run instead: every export runs in a fresh
process importing one of the two trees, the two alternate (cold, then warm, on the same
project, first one tree then the other, swapping each run), and each pair of outputs is
compared byte for byte (the dataset card aside, which names its time and folder).

    python benchmarks/bench_export.py [--docs 30000] [--small 3000] [--runs 3]
                                      [--formats jsonl,brat] [--no-memory] [--against TREE]
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

if __name__ == "__main__" and sys.argv[1:2] == ["--export-child"]:
    sys.path.insert(0, sys.argv[2])  # the tree to measure, ahead of this one

from annotator.core import jsonio
from annotator.core.text import sha256_text
from annotator.formats.export import export_project
from annotator.formats.registry import export_formats
from annotator.storage.project import Project
from annotator.storage.validate import CLEAN_NAME

HERE = str(Path(__file__).resolve().parents[1])
CARD_FILES = ("dataset-card.json", "dataset-card.md")

CODER = "bench"
WORDS = ("هاجم", "مسلحو", "تنظيم", "داعش", "نقطة", "للجيش", "السوري", "قرب", "بلدة", "الجلاء",
         "في", "ريف", "البوكمال", "الشرقي", "وقُتل", "عدد", "من", "الجنود", "بحسب", "مصادر",
         "محلية", "وأضافت", "أن", "التعزيزات", "وصلت", "إلى", "المنطقة", "صباح", "اليوم")
LABELS = ("ACTOR", "PERSON", "LOCATION", "TIME", "WEAPON", "SOURCE")


def make_document(i: int, rng: random.Random) -> tuple[str, list[tuple[int, int]]]:
    """About 2,400 characters of Arabic-like text (some emoji and tashkeel), and the word
    ranges to put spans on."""
    words: list[str] = []
    for k in range(420):
        w = rng.choice(WORDS)
        if k % 97 == 13:
            w += " 😀"
        words.append(w)
    text = ""
    ranges = []
    for k, w in enumerate(words):
        if k and k % 40 == 0:
            text += "\n"
        elif k:
            text += " "
        ranges.append((len(text), len(text) + len(w.split(" ")[0])))
        text += w
    return text + f" ({i})", ranges


def annotation(doc_id: str, text: str, ranges: list[tuple[int, int]], sha: str,
               codebook_ref: dict[str, str], rng: random.Random) -> dict:
    chosen = sorted(rng.sample(range(len(ranges)), 50))
    spans = []
    for n, k in enumerate(chosen, 1):
        s, e = ranges[k]
        label = "TRIGGER" if n <= 3 else LABELS[n % len(LABELS)]
        if n == 10:  # one nested span: a location inside an actor
            e = ranges[k + 1][1] if k + 1 < len(ranges) else e
        spans.append({"id": f"s{n}", "start": s, "end": e, "label": label, "text": text[s:e]})
    actors = [s["id"] for s in spans if s["label"] == "ACTOR"]
    places = [s["id"] for s in spans if s["label"] == "LOCATION"]
    events = []
    for n in range(1, 4):
        events.append({
            "id": f"e{n}", "type": "battles", "subtype": "armed_clash", "trigger": f"s{n}",
            "roles": {"actor1": [actors[2 * n]], "actor2": [actors[2 * n + 1]],
                      "location": [places[n]]},
            "fields": {"event_date": {"value": "2021-01-20", "precision": "week"},
                       "fatalities": {"value": n, "qualifier": "at_least"},
                       "actor1_type": "political_militia", "actor2_type": "state_forces",
                       "temporal_status": "occurred", "factuality": "reported",
                       "polarity": "positive", "notes": f"=event {n} of {doc_id}"},
        })
    return {"format_version": 1, "offset_unit": "codepoint",
            "document": {"id": doc_id, "sha256": sha}, "coder": CODER,
            "codebook": codebook_ref, "status": "done", "created": "2026-01-01T00:00:00Z",
            "modified": "2026-01-01T00:00:00Z", "time_spent_seconds": 60.0,
            "spans": spans, "events": events, "fields": {"relevance": "relevant"}}


def generate(root: Path, n_docs: int) -> Project:
    """A valid project, written with plain writes (setup only, not what is measured)."""
    project = Project.init(root)
    ref = project.codebook.ref()
    rng = random.Random(13)
    adir = project.annotations_dir / CODER
    adir.mkdir(parents=True)
    for i in range(n_docs):
        doc_id = f"doc-{i:06d}"
        text, ranges = make_document(i, rng)
        sha = sha256_text(text)
        doc = {"format_version": 1, "id": doc_id, "sha256": sha, "meta": {"title": doc_id},
               "text": text}
        (project.documents_dir / f"{doc_id}.json").write_bytes(jsonio.dump_bytes(doc))
        ann = annotation(doc_id, text, ranges, sha, ref, rng)
        (adir / f"{doc_id}.json").write_bytes(jsonio.dump_bytes(ann))
    return project


def generate_reported(root: Path, n_docs: int) -> Project:
    """``generate``, saying how long it took."""
    t = time.perf_counter()
    project = generate(root, n_docs)
    print(f"generated {n_docs} documents in {time.perf_counter() - t:.1f} s", flush=True)
    return project


def baseline(project: Project) -> int:
    n = 0
    for folder in (project.documents_dir, project.annotations_dir / CODER):
        for name in os.listdir(folder):
            with open(folder / name, "rb") as fh:
                json.loads(fh.read())
            n += 1
    return n


def file_floor(project: Project, out: Path) -> int:
    """Two plain files per document: what creating brat's .txt/.ann costs on this disk."""
    out.mkdir()
    data = b"x" * 3000
    for i, _ in enumerate(project.document_ids()):
        for ext in (".txt", ".ann"):
            with open(out / f"{i}{ext}", "wb") as fh:
                fh.write(data)
    return i


def cpu_seconds() -> float:
    """CPU time of this process and of its finished children (the export's workers)."""
    me = resource.getrusage(resource.RUSAGE_SELF)
    kids = resource.getrusage(resource.RUSAGE_CHILDREN)
    return me.ru_utime + me.ru_stime + kids.ru_utime + kids.ru_stime


def prepare_run(project: Project, fmt: str, *, cold: bool) -> None:
    """Remove the memo of checked files for a cold run; a warm run needs the one left."""
    memo = project.state_dir / CLEAN_NAME
    if cold:
        memo.unlink(missing_ok=True)
    elif not memo.is_file():
        raise SystemExit(f"{fmt}: no memo of checked files for a warm run")
    settle()


def timed_export(project: Project, fmt: str, out: Path, *, cold: bool) -> tuple[float, float]:
    """(wall seconds, CPU seconds of all processes): the CPU figure does not depend on what
    else the machine is running, the wall one does. ``out`` must not exist. ``cold``: without
    the memo of files that passed, so every file is checked."""
    prepare_run(project, fmt, cold=cold)
    c = cpu_seconds()
    t = time.perf_counter()
    report = export_project(project, fmt, out)
    elapsed = time.perf_counter() - t
    if not report.written:
        raise SystemExit(f"{fmt}: export refused: {report.problems[:3]}")
    return elapsed, cpu_seconds() - c


def memory_child(project_root: str, fmt: str, out: str) -> None:
    """Run in a fresh process: export once under tracemalloc, print peaks as JSON."""
    import tracemalloc

    project = Project.open(Path(project_root))
    project.codebook  # noqa: B018 - load outside the measured part
    tracemalloc.start()
    report = export_project(project, fmt, Path(out), workers=1)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    rss_kib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print(json.dumps({"tracemalloc_peak": peak, "peak_rss": rss_kib * 1024,
                      "written": report.written}))


def measure_memory(project_root: Path, fmt: str, out: Path) -> dict:
    shutil.rmtree(out, ignore_errors=True)
    proc = subprocess.run([sys.executable, __file__, "--child", str(project_root), fmt,
                           str(out)], capture_output=True, text=True, check=True)
    return json.loads(proc.stdout.strip().splitlines()[-1])


def export_child(tree: str, project_root: str, fmt: str, out: str) -> None:
    """Run in a fresh process importing ``tree``: export once, print wall and CPU seconds."""
    import annotator

    if not annotator.__file__.startswith(tree):
        raise SystemExit(f"imported {annotator.__file__}, not the tree {tree}")
    project = Project.open(Path(project_root))
    c = cpu_seconds()
    t = time.perf_counter()
    report = export_project(project, fmt, Path(out))
    elapsed = time.perf_counter() - t
    if not report.written:
        raise SystemExit(f"{fmt}: export refused: {report.problems[:3]}")
    print(json.dumps({"wall": elapsed, "cpu": cpu_seconds() - c}))


def tree_export(tree: str, project: Project, fmt: str, out: Path, *,
                cold: bool) -> tuple[float, float]:
    """``timed_export`` in a fresh process that imports ``tree``."""
    prepare_run(project, fmt, cold=cold)
    proc = subprocess.run([sys.executable, __file__, "--export-child", tree, str(project.root),
                           fmt, str(out)], capture_output=True, text=True)
    if proc.returncode:
        raise SystemExit(f"{tree} {fmt}: {proc.stderr[-2000:]}")
    result = json.loads(proc.stdout.strip().splitlines()[-1])
    return result["wall"], result["cpu"]


def differences(a: Path, b: Path) -> list[str]:
    """Files that differ between two export folders (the dataset card and its line in
    SHA256SUMS aside: they name the time and the folder)."""
    def files(root: Path) -> dict[str, Path]:
        return {p.relative_to(root).as_posix(): p for p in root.rglob("*") if p.is_file()}
    fa, fb = files(a), files(b)
    diff = sorted(set(fa) ^ set(fb))
    for rel in sorted(set(fa) & set(fb)):
        if rel in CARD_FILES:
            continue
        da, db = fa[rel].read_bytes(), fb[rel].read_bytes()
        if rel == "SHA256SUMS":
            da, db = (b"".join(x for x in d.splitlines(True) if b"dataset-card" not in x)
                      for d in (da, db))
        if da != db:
            diff.append(rel)
    return diff


def compare(args: argparse.Namespace, formats: list[str]) -> None:
    """This tree against ``args.against``, alternating, with the outputs compared."""
    trees = {"old": str(args.against.resolve()), "new": HERE}
    with tempfile.TemporaryDirectory(dir=args.tmp) as tmp:
        tmpdir = Path(tmp)
        big = generate_reported(tmpdir / "big", args.docs)
        rows = []
        for fmt in formats:
            got: dict[tuple[str, bool], list[tuple[float, float]]] = {}
            for r in range(args.runs):
                order = ("old", "new") if r % 2 == 0 else ("new", "old")
                for cold in (True, False):
                    outs = {}
                    for name in order:
                        outs[name] = tmpdir / f"out-{fmt}-{name}-{r}-{cold}"
                        got.setdefault((name, cold), []).append(
                            tree_export(trees[name], big, fmt, outs[name], cold=cold))
                    diff = differences(outs["old"], outs["new"])
                    if diff:
                        raise SystemExit(f"{fmt}: the outputs differ: {diff[:10]}")
            clean(tmpdir, f"out-{fmt}-")
            row = {k: (statistics.median(w for w, _ in v), statistics.median(c for _, c in v))
                   for k, v in got.items()}
            rows.append((fmt, row))
            print(f"  {fmt}: outputs identical; " + ", ".join(
                f"{name} {'cold' if cold else 'warm'} {row[name, cold][0]:.2f} s"
                for cold in (True, False) for name in ("old", "new")), flush=True)
        print()
        print(f"Export of {args.docs:,} documents x 50 spans x 3 events, median of {args.runs} "
              f"runs ({os.cpu_count()} CPUs); old = {trees['old']}, new = {trees['new']}")
        load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
        print(f"(load average at the end: {load:.2f}); every output byte-identical old/new")
        print(f"{'format':<12} {'':<5} {'old wall s':>10} {'new wall s':>10} {'new/old':>8} "
              f"{'old CPU s':>10} {'new CPU s':>10} {'new/old':>8}")
        for fmt, row in rows:
            for cold in (True, False):
                (ow, oc), (nw, nc) = row["old", cold], row["new", cold]
                print(f"{fmt:<12} {'cold' if cold else 'warm':<5} {ow:>10.2f} {nw:>10.2f} "
                      f"{nw / ow:>8.2f} {oc:>10.1f} {nc:>10.1f} {nc / oc:>8.2f}")


def main() -> None:
    if len(sys.argv) > 1 and sys.argv[1] == "--child":
        memory_child(*sys.argv[2:5])
        return
    if len(sys.argv) > 1 and sys.argv[1] == "--export-child":
        export_child(*sys.argv[2:6])
        return
    ap = argparse.ArgumentParser()
    ap.add_argument("--docs", type=int, default=30000)
    ap.add_argument("--small", type=int, default=3000)
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--formats", default=",".join(f.name for f in export_formats()))
    ap.add_argument("--no-memory", action="store_true")
    ap.add_argument("--tmp", type=Path, default=None, help="where to generate (default: /tmp)")
    ap.add_argument("--against", type=Path, default=None,
                    help="a checkout of another revision to measure beside this one")
    args = ap.parse_args()
    formats = args.formats.split(",")
    if args.against is not None:
        compare(args, formats)
        return
    with tempfile.TemporaryDirectory(dir=args.tmp) as tmp:
        tmpdir = Path(tmp)
        big = generate_reported(tmpdir / "big", args.docs)
        small = generate(tmpdir / "small", args.small) if not args.no_memory else None
        rows = []
        base = [timed(lambda: baseline(big)) for _ in range(args.runs)]
        rows.append(("baseline: read + json.loads every file", statistics.median(base),
                     statistics.median(base), None, None, None, None))
        floor = []
        for r in range(args.runs):
            settle()
            floor.append(timed(lambda r=r: file_floor(big, tmpdir / f"floor-{r}")))
        clean(tmpdir, "floor-")
        rows.append(("baseline: create 2 plain files per doc", statistics.median(floor),
                     statistics.median(floor), None, None, None, None))
        for fmt in formats:
            # Cold and warm runs alternate: each warm run uses the memo the cold run before it
            # left, and the machine's changing load falls on both alike.
            runs, warm = [], []
            for r in range(args.runs):
                runs.append(timed_export(big, fmt, tmpdir / f"out-{fmt}-{r}", cold=True))
                warm.append(timed_export(big, fmt, tmpdir / f"out-{fmt}-w{r}", cold=False))
            clean(tmpdir, f"out-{fmt}-")
            mem_small = mem_big = None
            if small is not None:
                mem_small = measure_memory(small.root, fmt, tmpdir / f"mem-s-{fmt}")
                mem_big = measure_memory(big.root, fmt, tmpdir / f"mem-b-{fmt}")
            wall = statistics.median(r[0] for r in runs)
            cpu = statistics.median(r[1] for r in runs)
            warm_wall = statistics.median(r[0] for r in warm)
            warm_cpu = statistics.median(r[1] for r in warm)
            rows.append((fmt, wall, cpu, warm_wall, warm_cpu, mem_small, mem_big))
            print(f"  {fmt}: cold {wall:.2f} s ({cpu:.1f} CPU s), warm {warm_wall:.2f} s "
                  f"({warm_cpu:.1f} CPU s)", flush=True)
        print()
        print(f"Export of {args.docs:,} documents x 50 spans x 3 events, median of {args.runs} "
              f"runs ({os.cpu_count()} CPUs)")
        load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
        print(f"(load average at the end: {load:.2f}; wall times include whatever else runs, "
              "CPU seconds do not)")
        sizes = f"{args.small // 1000}k -> {args.docs // 1000}k"
        print(f"{'':<40} {'cold':>7} {'cold':>6} {'cold':>5} {'warm':>7} {'warm':>6} "
              f"{'tracemalloc':>15} {'peak RSS':>11}")
        print(f"{'format':<40} {'wall s':>7} {'CPU s':>6} {'xbase':>5} {'wall s':>7} "
              f"{'CPU s':>6} {'MiB ' + sizes:>15} {'MiB ' + sizes:>11}")
        b = rows[0][1]
        for name, med, cpu, warm_med, warm_cpu, ms, mb in rows:
            tm = rss = ""
            if ms and mb:
                tm = f"{ms['tracemalloc_peak'] / 2**20:.1f} -> {mb['tracemalloc_peak'] / 2**20:.1f}"
                rss = f"{ms['peak_rss'] / 2**20:.0f} -> {mb['peak_rss'] / 2**20:.0f}"
            w = f"{warm_med:>7.2f} {warm_cpu:>6.1f}" if warm_med is not None else f"{'':>14}"
            print(f"{name:<40} {med:>7.2f} {cpu:>6.1f} {med / b:>5.1f} {w} {tm:>15} {rss:>11}")


def clean(folder: Path, prefix: str) -> None:
    """Remove the outputs of the runs just measured. Every run writes a new folder, and the
    folders go only after the last run of a format: on some filesystems (ext4 with online
    discard) creating files right after deleting tens of thousands is several times slower,
    which would otherwise land on the next measured run."""
    for name in os.listdir(folder):
        if name.startswith(prefix):
            shutil.rmtree(folder / name, ignore_errors=True)
    settle()


def settle() -> None:
    """Write out what earlier runs left in the page cache (not measured): an export ends with
    one ``os.sync()``, which should not have to write the previous run's files too."""
    if hasattr(os, "sync"):
        os.sync()


def timed(fn) -> float:  # type: ignore[no-untyped-def]
    t = time.perf_counter()
    fn()
    return time.perf_counter() - t


if __name__ == "__main__":
    main()
