"""``annotator adjudicate``: pre-fill gold sets from what the coders agree on."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from annotator.cli.codes import OK, PROBLEMS
from annotator.core.adjudication import AUTO_CHOICES
from annotator.core.model import GOLD_CODER

SHOWN = 30  # documents listed one per line; the totals count them all


def register(sub: Any) -> None:
    p = sub.add_parser(
        "adjudicate", help="pre-fill gold sets and list each disagreement to decide",
        description=f"For each document whose coders have all finished it (done or skipped), "
                    f"write the gold set (coder {GOLD_CODER!r}): everything all the coders agree "
                    "on (same spans; events with the same type, sub-type, trigger, roles and "
                    "fields), with provenance, and each disagreement as an open item to decide "
                    "in the window. A gold set edited by a person is never replaced without "
                    "--overwrite, and one open in a window never.")
    p.add_argument("project", type=Path)
    p.add_argument("--coders", metavar="A,B,...",
                   help="compare these coders (default: each document's assigned coders, or "
                        "every coder with a set of it)")
    p.add_argument("--auto", choices=AUTO_CHOICES, default="agreed",
                   help="pre-fill what all agree on (default), or nothing")
    p.add_argument("--documents", nargs="+", metavar="DOC", help="these documents only")
    p.add_argument("--overwrite", action="store_true",
                   help="also replace gold sets a person has edited (a backup is kept)")
    p.set_defaults(handler=cmd_adjudicate)


def cmd_adjudicate(args: argparse.Namespace) -> int:
    from annotator.storage.gold import (
        KEPT,
        LEFT_OUT,
        LOCKED,
        UNCHANGED,
        UPDATED,
        WRITTEN,
        adjudicate_project,
    )
    from annotator.storage.project import Project

    project = Project.open(args.project)
    coders = [c.strip() for c in args.coders.split(",") if c.strip()] if args.coders else None
    report = adjudicate_project(project, coders=coders, documents=args.documents,
                                auto=args.auto, overwrite=args.overwrite)
    for problem in report.problems[:50]:
        print(f"problem: {problem}", file=sys.stderr)
    for outcome in report.outcomes[:SHOWN]:
        line = f"{outcome.document}: {outcome.action} ({' + '.join(outcome.coders)})"
        if outcome.action in (WRITTEN, UPDATED, UNCHANGED):
            line += f", {outcome.open_items} disagreement(s) open"
        print(line + (f": {outcome.message}" if outcome.message else ""))
    if len(report.outcomes) > SHOWN:
        print(f"... and {len(report.outcomes) - SHOWN} more documents")
    counts = ", ".join(f"{report.count(a)} {a}" for a in (WRITTEN, UPDATED, UNCHANGED, KEPT,
                                                           LOCKED, LEFT_OUT) if report.count(a))
    print(f"Gold sets: {counts or 'none ready'}; {len(report.waiting)} document(s) waiting "
          "for their coders to finish")
    if report.count(KEPT):
        print("  (kept: edited by a person since they were made; --overwrite replaces them)")
    return PROBLEMS if report.problems or report.count(LOCKED) else OK
