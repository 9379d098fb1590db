"""Import the 2,953 SaudiNewsNet articles into a fresh project, before and now, and validate it.

Each step runs in a fresh process (so the code from before can be run beside the code now, in
the same run) and times itself once its modules are loaded; the table gives the best of N runs
(I/O: the least the disk allowed) and the median, and the number of sync calls of one more
run under ``strace -c -f`` (fsync/fdatasync, and syncfs/sync, which sync a whole disk at once).

- baseline: the very bytes the import writes, one file each, with plain writes (no fsync, no
  rename): the I/O any importer must do on this disk;
- json.loads + dumps + plain writes: reading the corpus and writing each article as JSON to its
  own file, the least any importer must do (the baseline of this benchmark until now);
- import before: ``annotator import`` of the commit given by ``--before`` (checked out with
  ``git worktree add`` into a temporary folder, removed afterwards);
- import now: ``annotator import`` of this checkout.

The disk is synced (untimed) before every run, so no run pays for the one before it.
Targets: import now at most 2x the baseline and under 1 s; validate under 2 s.

    python benchmarks/bench_import.py [--runs 5] [--before e6726ce] [--no-strace]
"""

from __future__ import annotations

import argparse
import contextlib
import io
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
    """Do one step and print its wall time (modules loaded first, so it is not timed)."""
    from annotator.cli.main import main
    from annotator.core.jsonio import dump_bytes
    from annotator.formats import documents
    from annotator.storage.project import Project

    if mode == "baseline":
        docs = documents.read_documents([corpus], Project.open(project).text_policy).documents
        blobs = [(str(project / "documents" / f"{d.id}.json"), dump_bytes(d.to_dict()))
                 for d in docs]
        start = time.perf_counter()
        for path, data in blobs:
            with open(path, "wb") as fh:
                fh.write(data)
    elif mode == "least":
        start = time.perf_counter()
        articles = json.loads(corpus.read_text(encoding="utf-8"))
        for i, article in enumerate(articles):
            with open(project / "documents" / f"{i}.json", "wb") as fh:
                fh.write(json.dumps(article, ensure_ascii=False).encode("utf-8"))
    elif mode == "import":
        start = time.perf_counter()
        with contextlib.redirect_stdout(io.StringIO()):
            code = main(["import", str(project), str(corpus)])
        if code not in (0, 1):  # 1: some records of the corpus have problems (no text)
            raise SystemExit(f"import failed with exit code {code}")
    else:
        raise SystemExit(f"unknown mode {mode}")
    print(json.dumps({"seconds": time.perf_counter() - start,
                      "documents": len(os.listdir(project / "documents"))}))


# -- the driver ---------------------------------------------------------------------------------
def run_child(code_root: Path, mode: str, corpus: Path, project: Path,
              strace_out: Path | None = None) -> dict[str, float]:
    from annotator.storage.project import Project

    if project.exists():
        shutil.rmtree(project)
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
    ap.add_argument("--child", nargs=3, metavar=("MODE", "CORPUS", "PROJECT"),
                    help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.child:
        child(args.child[0], Path(args.child[1]), Path(args.child[2]))
        return
    sys.path.insert(0, str(HERE))
    use_strace = not args.no_strace and shutil.which("strace") is not None
    with tempfile.TemporaryDirectory() as tmp:
        tmpdir = Path(tmp)
        with zipfile.ZipFile(args.corpus) as zf:
            zf.extractall(tmpdir)
        corpus = tmpdir / "2015-07-21.json"
        before = tmpdir / "before"
        subprocess.run(["git", "-C", str(HERE), "worktree", "add", "--detach", "-q",
                        str(before), args.before], check=True)
        try:
            steps = [("baseline: plain writes of the same bytes", HERE, "baseline"),
                     ("json.loads + dumps + plain writes", HERE, "least"),
                     (f"import before ({args.before})", before, "import"),
                     ("import now", HERE, "import")]
            times: dict[str, list[float]] = {name: [] for name, _, _ in steps}
            n_docs = 0
            for _ in range(args.runs):  # interleaved, so a busy moment hits every step alike
                for name, root, mode in steps:
                    result = run_child(root, mode, corpus, tmpdir / "p")
                    times[name].append(result["seconds"])
                    n_docs = int(result["documents"])
            syncs: dict[str, dict[str, int]] = {}
            if use_strace:
                for name, root, mode in steps:
                    out = tmpdir / "strace.txt"
                    run_child(root, mode, corpus, tmpdir / "p", strace_out=out)
                    syncs[name] = sync_calls(out)
            validate = _validate_times(tmpdir / "p", args.runs)
        finally:
            subprocess.run(["git", "-C", str(HERE), "worktree", "remove", "--force",
                            str(before)], check=True)
    base = min(times[steps[0][0]])
    print(f"SaudiNewsNet 2015-07-21: {n_docs} documents; best and median of {args.runs} runs; "
          "sync calls of one run under strace -c -f\n")
    print(f"| {'step':<42} | {'best s':>7} | {'median s':>8} | {'best vs baseline':>16} | "
          f"{'fsync':>6} | {'syncfs/sync':>11} |")
    print(f"|{'-' * 44}|{'-' * 9}|{'-' * 10}|{'-' * 18}|{'-' * 8}|{'-' * 13}|")
    for name, values in times.items():
        counts = syncs.get(name)
        fsyncs = f"{counts['fsync'] + counts['fdatasync']:,}" if counts else "-"
        whole = f"{counts['syncfs'] + counts['sync']:,}" if counts else "-"
        print(f"| {name:<42} | {min(values):>7.3f} | {statistics.median(values):>8.3f} | "
              f"{min(values) / base:>15.2f}x | {fsyncs:>6} | {whole:>11} |")
    for name, values in validate.items():
        print(f"| {name:<42} | {min(values):>7.3f} | {statistics.median(values):>8.3f} | "
              f"{'':>16} | {'':>6} | {'':>11} |")


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
