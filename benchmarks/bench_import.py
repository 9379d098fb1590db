"""Import the 2,953 SaudiNewsNet articles into a fresh project, before and now, and validate it.

Each step runs in a fresh process (so the code from before can be run beside the code now, in
the same run) and times itself once its modules are loaded (all of them: the code from before
runs from a fresh checkout without compiled files, and must not pay for compiling them in the
timed part); the table gives the best of N runs (I/O: the least the disk allowed), the median,
each against the baseline (best against best; the median of each run's ratio, as the steps of
one run meet the same disk), the median CPU time (user and system) of the step, and the number
of sync calls of one more run under ``strace -c -f`` (fsync/fdatasync, and syncfs/sync, which
sync a whole disk at once).

- baseline: the very bytes the import writes, one file each, with plain writes (no fsync, no
  rename), prepared before the clock starts: the I/O any importer must do on this disk;
- read corpus + plain writes: the same, and reading and parsing the corpus file (``json.loads``
  of its bytes) in the timed part, as an import must: the least an importer of this file does;
- json.loads + dumps + plain writes: reading the corpus and writing each article as compact
  JSON (``json.dumps``, in C) to its own file;
- import before: ``annotator import`` of the commit given by ``--before`` (checked out with
  ``git worktree add`` into a temporary folder, removed afterwards);
- import now: ``annotator import`` of this checkout, of the corpus's JSON file and of its .zip.

The disk is synced (untimed) before every run, so no run pays for the one before it. Each run
gets a new project folder, and none is removed before the end (about 25 MB each): on ext4
without a journal (this machine's disk) the kernel steps over every inode deleted in the last
60 to 300 seconds each time it creates a file, and creating the 2,953 files of a run just after
removing those of the run before cost up to a millisecond each, ten times the whole baseline.
Files deleted by other programs still do that: ``--tmpdir /dev/shm`` measures the work apart
from the disk.
Targets: import now at most 2x the baseline and under 1 s; validate under 2 s.

    python benchmarks/bench_import.py [--runs 5] [--before e6726ce] [--no-strace] [--tmpdir D]
"""

from __future__ import annotations

import argparse
import contextlib
import io
import itertools
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import zipfile
from pathlib import Path

from corpus import CORPUS

HERE = Path(__file__).resolve().parents[1]
SYNC_CALLS = ("fsync", "fdatasync", "syncfs", "sync")


# -- what runs in each measured process ---------------------------------------------------------
def child(mode: str, corpus: Path, project: Path) -> None:
    """Do one step and print its wall and CPU time (modules loaded first, not timed)."""
    from annotator.cli.main import build_parser, main
    from annotator.core.jsonio import dump_bytes
    from annotator.formats import documents
    from annotator.storage.project import Project

    build_parser()  # imports every command's module, as ``main`` does
    blobs: list[tuple[str, bytes]] = []
    if mode in ("baseline", "read+write"):
        docs = documents.read_documents([corpus], Project.open(project).text_policy).documents
        blobs = [(str(project / "documents" / f"{d.id}.json"), dump_bytes(d.to_dict()))
                 for d in docs]
    start, cpu = time.perf_counter(), time.process_time()
    if mode == "baseline":
        plain_writes(blobs)
    elif mode == "read+write":
        articles = json.loads(corpus.read_bytes())
        plain_writes(blobs)
        assert len(articles) >= len(blobs)
    elif mode == "least":
        articles = json.loads(corpus.read_text(encoding="utf-8"))
        for i, article in enumerate(articles):
            with open(project / "documents" / f"{i}.json", "wb") as fh:
                fh.write(json.dumps(article, ensure_ascii=False).encode("utf-8"))
    elif mode == "import":
        with contextlib.redirect_stdout(io.StringIO()):
            code = main(["import", str(project), str(corpus)])
        if code not in (0, 1):  # 1: some records of the corpus have problems (no text)
            raise SystemExit(f"import failed with exit code {code}")
    else:
        raise SystemExit(f"unknown mode {mode}")
    print(json.dumps({"seconds": time.perf_counter() - start, "cpu": time.process_time() - cpu,
                      "documents": len(os.listdir(project / "documents"))}))


def plain_writes(blobs: list[tuple[str, bytes]]) -> None:
    for path, data in blobs:
        with open(path, "wb") as fh:
            fh.write(data)


# -- the driver ---------------------------------------------------------------------------------
def run_child(code_root: Path, mode: str, corpus: Path, project: Path,
              strace_out: Path | None = None) -> dict[str, float]:
    """Run one step in a new project at ``project`` (a folder that does not exist yet)."""
    from annotator.storage.project import Project

    Project.init(project)
    os.sync()  # no run pays for the writes of the one before
    command = [sys.executable, __file__, "--child", mode, str(corpus), str(project)]
    if strace_out is not None:
        command = ["strace", "-f", "-c", "-e", "trace=" + ",".join(SYNC_CALLS),
                   "-o", str(strace_out), *command]
    env = dict(os.environ, PYTHONPATH=f"{code_root}{os.pathsep}{Path(__file__).parent}",
               PYTHONDONTWRITEBYTECODE="1")
    done = subprocess.run(command, env=env, capture_output=True, text=True)
    if done.returncode != 0:
        raise SystemExit(f"{mode} with the code in {code_root} failed:\n{done.stderr}")
    return json.loads(done.stdout.strip().splitlines()[-1])  # type: ignore[no-any-return]


def sync_calls(strace_out: Path) -> dict[str, int]:
    """Calls per sync system call from ``strace -c``'s summary."""
    counts = dict.fromkeys(SYNC_CALLS, 0)
    for line in strace_out.read_text().splitlines():
        parts = line.split()  # % time, seconds, usecs/call, calls, [errors,] syscall
        if len(parts) >= 5 and parts[-1] in counts and parts[3].isdigit():
            counts[parts[-1]] = int(parts[3])
    return counts


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--corpus", type=Path, default=CORPUS)
    ap.add_argument("--before", default="e6726ce", help="the commit to compare with")
    ap.add_argument("--no-strace", action="store_true", help="do not count sync calls")
    ap.add_argument("--tmpdir", type=Path, default=None,
                    help="where the projects are made (default: the system's temp folder); "
                         "/dev/shm measures the work apart from the disk")
    ap.add_argument("--child", nargs=3, metavar=("MODE", "CORPUS", "PROJECT"),
                    help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.child:
        child(args.child[0], Path(args.child[1]), Path(args.child[2]))
        return
    sys.path.insert(0, str(HERE))
    use_strace = not args.no_strace and shutil.which("strace") is not None
    with tempfile.TemporaryDirectory(dir=args.tmpdir) as tmp:
        tmpdir = Path(tmp)
        with zipfile.ZipFile(args.corpus) as zf:
            zf.extractall(tmpdir)
        corpus = tmpdir / "2015-07-21.json"
        before = tmpdir / "before"
        subprocess.run(["git", "-C", str(HERE), "worktree", "add", "--detach", "-q",
                        str(before), args.before], check=True)
        try:
            steps = [("baseline: plain writes of the same bytes", HERE, "baseline", corpus),
                     ("read corpus + plain writes", HERE, "read+write", corpus),
                     ("json.loads + dumps + plain writes", HERE, "least", corpus),
                     (f"import before ({args.before})", before, "import", corpus),
                     ("import now", HERE, "import", corpus),
                     ("import now, from the .zip", HERE, "import", args.corpus)]
            times: dict[str, list[float]] = {name: [] for name, *_ in steps}
            cpus: dict[str, list[float]] = {name: [] for name, *_ in steps}
            n_docs = 0
            projects = (tmpdir / f"p{n}" for n in itertools.count())  # none removed until the end
            for _ in range(args.runs):  # interleaved, so a busy moment hits every step alike
                for name, root, mode, source in steps:
                    project = next(projects)
                    result = run_child(root, mode, source, project)
                    times[name].append(result["seconds"])
                    cpus[name].append(result["cpu"])
                    n_docs = int(result["documents"])
            syncs: dict[str, dict[str, int]] = {}
            if use_strace:
                for name, root, mode, source in steps:
                    out = tmpdir / "strace.txt"
                    run_child(root, mode, source, next(projects), strace_out=out)
                    syncs[name] = sync_calls(out)
            validate = _validate_times(project, args.runs)
        finally:
            subprocess.run(["git", "-C", str(HERE), "worktree", "remove", "--force",
                            str(before)], check=True)
    print_table(times, cpus, syncs, validate, n_docs, args.runs)


def print_table(times: dict[str, list[float]], cpus: dict[str, list[float]],
                syncs: dict[str, dict[str, int]], validate: dict[str, list[float]],
                n_docs: int, runs: int) -> None:
    base_name = next(iter(times))
    base = times[base_name]
    print(f"SaudiNewsNet 2015-07-21: {n_docs} documents; best and median of {runs} runs "
          "(ratios: best against best, and the median of each run's ratio); CPU: median "
          "user+system seconds; sync calls of one run under strace -c -f\n")
    print(f"| {'step':<42} | {'best s':>7} | {'median s':>8} | {'best/base':>9} | "
          f"{'median/base':>11} | {'CPU s':>6} | {'fsync':>6} | {'syncfs/sync':>11} |")
    print(f"|{'-' * 44}|{'-' * 9}|{'-' * 10}|{'-' * 11}|{'-' * 13}|{'-' * 8}|{'-' * 8}"
          f"|{'-' * 13}|")
    for name, values in times.items():
        counts = syncs.get(name)
        fsyncs = f"{counts['fsync'] + counts['fdatasync']:,}" if counts else "-"
        whole = f"{counts['syncfs'] + counts['sync']:,}" if counts else "-"
        ratio = statistics.median(v / b for v, b in zip(values, base, strict=True))
        print(f"| {name:<42} | {min(values):>7.3f} | {statistics.median(values):>8.3f} | "
              f"{min(values) / min(base):>8.2f}x | {ratio:>10.2f}x | "
              f"{statistics.median(cpus[name]):>6.3f} | {fsyncs:>6} | {whole:>11} |")
    for name, values in validate.items():
        print(f"| {name:<42} | {min(values):>7.3f} | {statistics.median(values):>8.3f} | "
              f"{'':>9} | {'':>11} | {'':>6} | {'':>6} | {'':>11} |")


def _validate_times(project: Path, runs: int) -> dict[str, list[float]]:
    """``validate`` of the last imported project (code now): cold, then cached."""
    from annotator.storage.project import Project
    from annotator.storage.validate import validate_project

    p = Project.open(project)
    rows: dict[str, list[float]] = {"validate project (cold)": [],
                                    "validate project (unchanged, cached)": []}
    for _ in range(runs):
        shutil.rmtree(p.state_dir, ignore_errors=True)
        for name in rows:
            start = time.perf_counter()
            validate_project(p)
            rows[name].append(time.perf_counter() - start)
    return rows


if __name__ == "__main__":
    main()
