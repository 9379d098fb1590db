"""``annotator assign``: which coders code each document (``PROJECT/assignments.json``)."""

from __future__ import annotations

import argparse
from collections import Counter
from pathlib import Path
from typing import TYPE_CHECKING, Any

from annotator.cli.codes import OK
from annotator.errors import AnnotatorError

if TYPE_CHECKING:
    from annotator.storage.assignments import Assignments
    from annotator.storage.project import Project

DEFAULT_PER_DOCUMENT, DEFAULT_OVERLAP, DEFAULT_SEED = 2, 0.2, 13


def register(sub: Any) -> None:
    p = sub.add_parser(
        "assign", help="plan who codes which document (blind double coding)",
        description="Give every document not yet assigned its coders: a share (--overlap) is "
                    "coded by --per-document coders, blind; the others by one coder each, "
                    "keeping loads even. Running it again assigns new documents (and gives new "
                    "coders new work) and never moves work already assigned; a coder who "
                    "already has an annotation file for a document keeps it. Settings not given "
                    "again are the ones stored.")
    p.add_argument("project", type=Path)
    p.add_argument("--coders", metavar="A,B,...",
                   help="the coders who get new documents (default: the stored team)")
    p.add_argument("--per-document", type=int, metavar="N",
                   help=f"coders per double-coded document (default {DEFAULT_PER_DOCUMENT})")
    p.add_argument("--overlap", type=float, metavar="SHARE",
                   help=f"share of documents double-coded, 0 to 1 (default {DEFAULT_OVERLAP})")
    p.add_argument("--seed", type=int, help=f"seed of the choice (default {DEFAULT_SEED})")
    p.add_argument("--rebalance", action="store_true",
                   help="also move documents nobody has started from the busiest coders to "
                        "the least busy (e.g. to a coder who just joined)")
    p.add_argument("--add", nargs="+", metavar="DOC", help="assign these documents ...")
    p.add_argument("--to", metavar="A,B,...", help="... to these coders too")
    p.add_argument("--remove", nargs="+", metavar="DOC",
                   help="take these documents away ...")
    p.add_argument("--from", dest="from_", metavar="A,B,...", help="... from these coders")
    p.set_defaults(handler=cmd_assign)


def _names(value: str | None) -> list[str]:
    return [c.strip() for c in value.split(",") if c.strip()] if value else []


def cmd_assign(args: argparse.Namespace) -> int:
    from annotator.storage.assignments import (
        ASSIGNMENTS_FILE,
        Assignments,
        add_to,
        check_team,
        load_assignments,
        remove_from,
        save_assignments,
        started_pairs,
        unknown_documents,
    )
    from annotator.storage.project import Project

    project = Project.open(args.project)
    path = project.root / ASSIGNMENTS_FILE
    existing = load_assignments(project)
    if bool(args.add) != bool(args.to) or bool(args.remove) != bool(args.from_):
        raise AnnotatorError("--add goes with --to, and --remove with --from")
    manual = bool(args.add or args.remove)
    if manual and (args.coders or args.per_document or args.overlap is not None
                   or args.seed is not None or args.rebalance):
        raise AnnotatorError("--add/--remove change single documents: run the plan (--coders, "
                             "--per-document, --overlap, --seed) separately")
    if args.remove:
        if existing is None:
            raise AnnotatorError(f"{path}: no assignments yet, nothing to remove")
        lines = remove_from(existing, args.remove, check_team(_names(args.from_)),
                            started_pairs(project))
        save_assignments(project, existing)
        print("\n".join(lines))
        return OK
    missing = unknown_documents(project, existing) if existing is not None else []
    if missing:
        raise AnnotatorError(
            f"{path}: names {len(missing)} document(s) the project does not have (deleted?): "
            f"{', '.join(missing[:10])}{' ...' if len(missing) > 10 else ''}. Restore them, or "
            "take them out with --remove DOC... --from CODERS; nothing was changed")
    if args.add:
        absent = [d for d in args.add if not project.has_document(d)]
        if absent:
            raise AnnotatorError(f"{project.root}: no document {', '.join(map(repr, absent))}; "
                                 "nothing was changed")
        assignments = existing if existing is not None else Assignments(coders=[])
        lines = add_to(assignments, args.add, check_team(_names(args.to)))
        save_assignments(project, assignments)
        print("\n".join(lines))
        return OK
    return _plan(project, existing, args)


def _plan(project: Project, existing: Assignments | None, args: argparse.Namespace) -> int:
    from annotator.storage.assignments import (
        check_team,
        plan_assignments,
        rebalance,
        save_assignments,
        started_pairs,
    )

    team = check_team(_names(args.coders)) if args.coders else (
        list(existing.coders) if existing else [])
    if not team:
        raise AnnotatorError("no coders yet: give them with --coders a,b,...")
    stored = existing
    started = started_pairs(project)
    plan, report = plan_assignments(
        project.document_ids(), team,
        per_document=args.per_document or (stored.per_document if stored else
                                           DEFAULT_PER_DOCUMENT),
        overlap=args.overlap if args.overlap is not None else (
            stored.overlap if stored else DEFAULT_OVERLAP),
        seed=args.seed if args.seed is not None else (stored.seed if stored else DEFAULT_SEED),
        existing=existing, started=started)
    moves = rebalance(plan, team, started, plan.seed) if args.rebalance else []
    if existing is not None and not report.added and not moves and (
            {**plan.to_dict(), "modified": ""} == {**existing.to_dict(), "modified": ""}):
        print(f"Nothing changed: all {len(plan.documents)} document(s) are assigned "
              f"({project.root / 'assignments.json'} left as it was)")
        return OK
    save_assignments(project, plan)
    double = sum(1 for c in report.added.values() if len(c) > 1)
    print(f"Assigned {len(report.added)} new document(s) ({double} coded blind by several "
          f"coders); {report.kept} kept as they were")
    loads, before = plan.loads(), existing.loads() if existing else {}
    print("  " + ", ".join(f"{c}: {loads[c]} ({loads[c] - before.get(c, 0):+d})"
                           for c in plan.coders))
    idle = [c for c in team if not loads[c]]
    if idle and not args.rebalance:
        print(f"  note: {', '.join(idle)} got no documents; --rebalance moves documents nobody "
              "has started to them")
    if moves:
        print(f"  moved {len(moves)} document(s) nobody had started: " + ", ".join(
            f"{n} from {a} to {b}" for (a, b), n in sorted(Counter(
                (frm, to) for _, frm, to in moves).items())))
    for doc_id, coders in sorted(report.kept_started.items()):
        print(f"  {doc_id}: kept by {', '.join(coders)}, who already started it")
    for coder, n in sorted(report.outside_team.items()):
        print(f"  note: {coder} has {n} annotation file(s) but is not in the team (not assigned)")
    return OK
