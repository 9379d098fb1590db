"""``annotator agreement``: agreement between coders, and the documents they disagree on."""

from __future__ import annotations

import argparse
import csv
import json
import sys
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from annotator.cli.codes import OK, PROBLEMS
from annotator.core import jsonio
from annotator.core.model import STATUSES

if TYPE_CHECKING:
    from annotator.core.disagreements import Disagreement, DocumentDisagreements
    from annotator.storage.agreement import ProjectAgreement

SHOWN_PROBLEMS = 50
NOTHING_CSV = "(none)"  # a coder who said nothing there ("-" would read as a formula)


def register(sub: Any) -> None:
    p = sub.add_parser(
        "agreement", help="agreement between coders: pairs, all coders, and by document",
        description="Over the documents two coders or more coded (sets of --status, each "
                    "validated: a file with an error is left out, named, and the exit code is "
                    "1): a table of every pair of coders (span F1, strict and lenient, and "
                    "Cohen's kappa over characters) with a row for all coders at once "
                    "(Krippendorff's alpha over characters and over tokens, u-alpha for spans, "
                    "Fleiss' kappa where every document has as many coders), u-alpha per "
                    "label, then each pair in detail. The coder 'gold' (adjudicated sets) is "
                    "left out unless named in --coders.")
    p.add_argument("project", type=Path)
    p.add_argument("--coders", metavar="A,B,...",
                   help="these coders only (default: every coder but gold)")
    p.add_argument("--status", choices=(*STATUSES, "any"), default="done",
                   help="compare sets with this status (default: done)")
    p.add_argument("--by-document", action="store_true",
                   help="list the documents the coders disagree on instead, the most disputed "
                        "first, with what differs: a span missing, a boundary, a label, an "
                        "event or an event field, a document field")
    p.add_argument("--top", type=int, metavar="N",
                   help="with --by-document: only the N most disputed documents")
    out = p.add_mutually_exclusive_group()
    out.add_argument("--json", action="store_true", help="machine-readable output")
    out.add_argument("--csv", action="store_true",
                     help="CSV: the table of coders, or with --by-document one row per "
                          "disagreement")
    p.add_argument("--shaping", choices=("auto", "on", "off"), default="auto",
                   help="reshape and reorder Arabic for terminals without bidi support "
                        "(auto: only on such an interactive terminal)")
    p.set_defaults(handler=cmd_agreement)


def cmd_agreement(args: argparse.Namespace) -> int:
    from annotator.errors import AnnotatorError
    from annotator.storage.agreement import project_agreement
    from annotator.storage.project import Project

    if args.top is not None and (args.top < 1 or not args.by_document):
        raise AnnotatorError("--top N lists the N most disputed documents: use it with "
                             "--by-document, and N of 1 or more")
    project = Project.open(args.project)
    coders = [c.strip() for c in args.coders.split(",") if c.strip()] if args.coders else None
    status = None if args.status == "any" else args.status
    result = project_agreement(project, coders=coders, status=status,
                               by_document=args.by_document)
    for problem in result.problems[:SHOWN_PROBLEMS]:
        print(f"problem: {problem}", file=sys.stderr)
    if len(result.problems) > SHOWN_PROBLEMS:
        print(f"problem: … and {len(result.problems) - SHOWN_PROBLEMS} more (annotator "
              "validate lists them all)", file=sys.stderr)
    if args.by_document:
        _print_documents(result, args)
    elif args.json:
        print(jsonio.dumps({"status": status, "compared": result.compared,
                            **result.group.to_dict(), "problems": result.problems}), end="")
    elif args.csv:
        table = result.group.table()
        _write_csv([list(table[0]), *(["" if v is None else v for v in row.values()]
                                      for row in table)])
    else:
        from annotator.core.agreement import describe

        print(result.group.describe(status))
        for pair in result.pairs:
            print(describe(pair, status))
    if result.problems:
        print(f"{len(result.problems)} file(s) left out of the figures: see the problems "
              "above", file=sys.stderr)
        return PROBLEMS
    return OK


def _print_documents(result: ProjectAgreement, args: argparse.Namespace) -> None:
    docs = result.documents or []
    shown = docs[:args.top] if args.top else docs
    if args.json:
        print(jsonio.dumps({"status": result.status, "coders": result.coders,
                            "compared": result.compared, "differing": len(docs),
                            "documents": [d.to_dict() for d in shown],
                            "problems": result.problems}), end="")
        return
    if args.csv:
        _write_csv([["document", "score", "kind", "start", "end", "text", "name",
                     *result.coders],
                    *([doc.document, f"{doc.score:.4f}", d.kind,
                       "" if d.start is None else d.start, "" if d.end is None else d.end,
                       d.text, d.name or "",
                       *(_said(d, c, NOTHING_CSV) if c in doc.coders else ""
                         for c in result.coders)]
                      for doc in shown for d in doc.items)])
        return
    from annotator.cli.terminal import shaping_wanted, visual

    shaping = shaping_wanted(args.shaping, sys.stdout)
    what = f"{result.status} sets" if result.status else "sets of any status"
    print(f"{len(docs)} of {result.compared} document(s) coded by two coders or more differ "
          f"({what}), the most disputed first" + (f"; the first {len(shown)}:" if
                                                  len(shown) < len(docs) else ":"))
    for doc in shown:
        print(_document_text(doc, shaping, visual))


def _document_text(doc: DocumentDisagreements, shaping: bool, visual: Any) -> str:
    counts = ", ".join(f"{n} {kind}" for kind, n in doc.counts().items())
    lines = [f"\n{doc.document}  score {doc.score:.2f}: {len(doc.items)} disagreement(s), "
             f"{doc.agreed} agreed ({', '.join(doc.coders)}): {counts}"]
    for d in doc.items:
        where = "" if d.start is None else f"{d.start}-{d.end}"
        excerpt = d.text.replace("\n", " ")
        if len(excerpt) > 40:
            excerpt = excerpt[:39] + "…"
        if shaping and excerpt:
            excerpt = visual(excerpt)
        what = " ".join(x for x in (where, f"«{excerpt}»" if excerpt else "", d.name or "") if x)
        said = "; ".join(f"{c}: {_said(d, c)}" for c in doc.coders)
        lines.append(f"  {d.kind:<14} {what}  {said}")
    return "\n".join(lines)


def _said(d: Disagreement, coder: str, nothing: str = "-") -> str:
    """What ``coder`` said in a disagreement, in a few words (``nothing``: nothing)."""
    from annotator.core.disagreements import EVENT_MISSING, EVENT_TYPE, SPAN_KINDS

    if d.kind in SPAN_KINDS:
        return "; ".join(f"{s.label} {s.start}-{s.end}" for s in d.spans.get(coder, ())) or nothing
    if d.kind in (EVENT_MISSING, EVENT_TYPE):
        return "; ".join(e.type + (f"/{e.subtype}" if e.subtype else "") + f" ({e.id})"
                         for e in d.events.get(coder, ())) or nothing
    value = d.values.get(coder)
    if value is None:
        return nothing
    return value if isinstance(value, str) else json.dumps(value, ensure_ascii=False,
                                                           sort_keys=True)


def _write_csv(rows: Iterable[list[Any]]) -> None:
    """CSV on stdout whose cells no spreadsheet runs as a formula."""
    from annotator.formats.acled_csv import neutralise

    writer = csv.writer(sys.stdout, lineterminator="\n")
    for row in rows:
        writer.writerow([neutralise(v) if isinstance(v, str) else v for v in row])
