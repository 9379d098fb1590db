"""``annotator status``: where the coding stands, per coder and per document."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from annotator.cli.codes import OK, PROBLEMS
from annotator.core import jsonio

SHOWN_DOCUMENTS = 20  # documents listed in text; --json lists them all


def register(sub: Any) -> None:
    p = sub.add_parser(
        "status", help="progress per coder and per document (what is ready to adjudicate)",
        description="Per coder: documents assigned, not started, in progress, done, skipped, "
                    "and the time spent. Per document coded by several coders: how many are "
                    "finished (done or skipped; all of them: ready to adjudicate) and its gold "
                    "set. Without assignments, what is on disk. Only reads the project.")
    p.add_argument("project", type=Path)
    p.add_argument("--json", action="store_true", help="machine-readable output")
    p.set_defaults(handler=cmd_status)


def cmd_status(args: argparse.Namespace) -> int:
    from annotator.storage.progress import describe_seconds, project_progress
    from annotator.storage.project import Project

    project = Project.open(args.project)
    progress = project_progress(project)
    for problem in progress.problems[:50]:
        print(f"problem: {problem}", file=sys.stderr)
    if args.json:
        print(jsonio.dumps(progress.to_dict()), end="")
        return PROBLEMS if progress.problems else OK
    plan = progress.assignments
    if plan is not None:
        double = sum(1 for c in plan.documents.values() if len(c) > 1)
        print(f"Assignments: {len(plan.documents)} of {len(project.document_ids())} "
              f"document(s) to {len(plan.coders)} coder(s); {double} coded blind by several")
    else:
        print(f"No assignments (annotator assign): what is on disk, "
              f"{len(project.document_ids())} document(s)")
    columns = ("assigned", "not_started", "in_progress", "done", "skipped")
    rows = [("coder", "assigned" if plan else "sets", "not started", "in progress", "done",
             "skipped", "time")]
    for coder, p in progress.coders.items():
        rows.append((coder, *(str(p.assigned if c == "assigned" else p.statuses[c])
                              for c in columns), describe_seconds(p.seconds)))
    widths = [max(len(r[i]) for r in rows) for i in range(len(rows[0]))]
    for row in rows:
        print("  " + "  ".join(cell.ljust(w) for cell, w in zip(row, widths, strict=True))
              .rstrip())
    for coder, p in progress.coders.items():
        if plan is not None and p.unassigned_sets:
            print(f"  note: {coder} has {p.unassigned_sets} set(s) of documents not assigned "
                  "to them")
    several = [d for d in progress.documents.values() if len(d.coders) > 1]
    ready = [d for d in several if d.ready]
    gold = [d for d in several if d.gold is not None]
    print(f"Documents coded by several coders: {len(several)}; ready to adjudicate "
          f"{len(ready)}; with a gold set {len(gold)}")
    waiting = sorted(several, key=lambda d: (d.gold is not None, not d.ready, d.id))
    for doc in waiting[:SHOWN_DOCUMENTS]:
        line = f"  {doc.id}: {len(doc.finished)}/{len(doc.coders)} finished"
        if not doc.ready:
            line += f" (waiting for {', '.join(c for c in doc.coders if c not in doc.finished)})"
        if doc.gold is not None:
            line += f"; gold {doc.gold.status.replace('_', ' ')}, {doc.gold.open_items} open"
        elif doc.ready:
            line += "; ready to adjudicate"
        print(line)
    if len(waiting) > SHOWN_DOCUMENTS:
        print(f"  ... and {len(waiting) - SHOWN_DOCUMENTS} more (--json lists them all)")
    return PROBLEMS if progress.problems else OK
