"""``annotator agreement``: agreement between coders."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from annotator.cli.codes import OK
from annotator.core import jsonio
from annotator.core.model import STATUSES


def register(sub: Any) -> None:
    p = sub.add_parser(
        "agreement", help="agreement between coders, pair by pair",
        description="Over the documents both coders of a pair coded: spans matched strictly "
                    "(same start, end, label) and leniently (same label, overlapping), as F1; "
                    "Cohen's kappa over the characters' labels; events matched by type and "
                    "trigger, with their sub-types, roles and fields; document fields.")
    p.add_argument("project", type=Path)
    p.add_argument("--coders", metavar="A,B,...", help="these coders only (default: all)")
    p.add_argument("--status", choices=(*STATUSES, "any"), default="done",
                   help="compare sets with this status (default: done)")
    p.add_argument("--json", action="store_true", help="machine-readable output")
    p.set_defaults(handler=cmd_agreement)


def cmd_agreement(args: argparse.Namespace) -> int:
    from annotator.core.agreement import describe
    from annotator.storage.agreement import project_agreement
    from annotator.storage.project import Project

    project = Project.open(args.project)
    coders = [c.strip() for c in args.coders.split(",") if c.strip()] if args.coders else None
    status = None if args.status == "any" else args.status
    result = project_agreement(project, coders=coders, status=status)
    for problem in result.problems[:50]:
        print(f"problem: {problem}", file=sys.stderr)
    if args.json:
        print(jsonio.dumps({"status": status, "coders": result.coders,
                            "pairs": [pair.to_dict() for pair in result.pairs],
                            "problems": result.problems}), end="")
        return OK
    for pair in result.pairs:
        print(describe(pair, status))
    return OK
