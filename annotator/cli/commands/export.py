"""``annotator export``: coded documents as a dataset."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from annotator.cli.codes import OK, PROBLEMS
from annotator.core.model import STATUSES


def register(sub: Any) -> None:
    from annotator.formats.registry import export_formats

    names = [f.name for f in export_formats()]
    p = sub.add_parser("export", help="export coded documents as a dataset",
                       description="Formats: " + "; ".join(
                           f"{f.name}: {f.description}" for f in export_formats()))
    p.add_argument("project", type=Path)
    p.add_argument("--format", required=True, choices=names, metavar="FMT",
                   help=", ".join(names))
    p.add_argument("--output", required=True, type=Path,
                   help="a new or empty folder for the data and its dataset card")
    p.add_argument("--coder", help="only this coder's annotation sets")
    p.add_argument("--status", choices=STATUSES,
                   help="only sets with this status (e.g. done)")
    p.add_argument("--skip-invalid", action="store_true",
                   help="leave invalid files out (listed in the card) instead of refusing")
    p.add_argument("--split", metavar="TRAIN/DEV/TEST",
                   help="deterministic split by document, e.g. 80/10/10")
    p.add_argument("--seed", type=int, default=13, help="seed of the split (default 13)")
    p.add_argument("--overwrite", action="store_true", help="replace a previous export there")
    p.add_argument("--workers", type=int, help="worker processes (default: the CPUs, up to 4)")
    p.set_defaults(handler=cmd_export)


def cmd_export(args: argparse.Namespace) -> int:
    from annotator.formats.export import export_project
    from annotator.storage.project import Project

    project = Project.open(args.project)
    report = export_project(project, args.format, args.output, coder=args.coder,
                            status=args.status, skip_invalid=args.skip_invalid,
                            split=args.split, seed=args.seed, overwrite=args.overwrite,
                            command=args.argv, workers=args.workers)
    for problem in report.problems[:50]:
        print(f"problem: {problem}", file=sys.stderr)
    if len(report.problems) > 50:
        print(f"... and {len(report.problems) - 50} more", file=sys.stderr)
    print(report.summary())
    return OK if report.written and not (report.problems and not args.skip_invalid) else PROBLEMS
