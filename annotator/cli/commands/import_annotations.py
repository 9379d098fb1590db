"""``annotator import-annotations``: annotations from other tools."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from annotator.cli.codes import OK, PROBLEMS
from annotator.core.model import STATUSES
from annotator.errors import AnnotatorError


def register(sub: Any) -> None:
    from annotator.formats.registry import import_formats

    names = [f.name for f in import_formats()]
    p = sub.add_parser("import-annotations",
                       help="bring in documents and annotations from brat, doccano, Label "
                            "Studio, CoNLL or our JSONL")
    p.add_argument("project", type=Path)
    p.add_argument("paths", type=Path, nargs="+", metavar="PATH")
    p.add_argument("--format", required=True, choices=names, metavar="FMT",
                   help=", ".join(names))
    p.add_argument("--coder", help="whose annotation sets they become (e.g. 'pre' for "
                                   "pre-annotations)")
    p.add_argument("--label-map", action="append", default=[], metavar="OLD=NEW",
                   help="rename labels (also type:, role:, field: prefixes); repeatable")
    p.add_argument("--status", choices=STATUSES,
                   help="status of the imported sets")
    p.add_argument("--option", action="append", default=[], metavar="KEY=VALUE",
                   help="format options, e.g. offset_unit=utf16 (repeatable)")
    p.add_argument("--skip-invalid", action="store_true",
                   help="import the rest when some documents have problems")
    p.add_argument("--overwrite", action="store_true",
                   help="replace the coder's existing sets for those documents")
    p.add_argument("--dry-run", action="store_true", help="check and report, write nothing")
    p.set_defaults(handler=cmd_import_annotations)


def cmd_import_annotations(args: argparse.Namespace) -> int:
    from annotator.formats.importing import import_annotations
    from annotator.storage.project import Project

    project = Project.open(args.project)
    options = {}
    for item in args.option:
        key, sep, value = item.partition("=")
        if not sep or not key:
            raise AnnotatorError(f"--option {item!r}: expected KEY=VALUE")
        options[key.strip()] = value.strip()
    for path in args.paths:
        if not path.exists():
            raise AnnotatorError(f"{path}: no such file or folder")
    report = import_annotations(project, args.format, list(args.paths), coder=args.coder,
                                label_map=args.label_map, status=args.status,
                                options=options, skip_invalid=args.skip_invalid,
                                overwrite=args.overwrite, dry_run=args.dry_run)
    for problem in report.problems[:50]:
        print(f"problem: {problem}", file=sys.stderr)
    if report.problem_count > 50:
        print(f"... and {report.problem_count - 50} more", file=sys.stderr)
    for notice in report.notices[:50]:
        print(f"note: {notice}", file=sys.stderr)
    if report.notice_count > 50:
        print(f"... and {report.notice_count - 50} more notes", file=sys.stderr)
    print(report.summary())  # names unknown labels with a --label-map to fill in
    return PROBLEMS if report.problem_count or not (report.written or args.dry_run) else OK
