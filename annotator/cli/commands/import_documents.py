"""``annotator import``: add documents to a project.

Importing the same files again adds nothing (their texts are recognised under their ids); an
import that stops part-way (a full disk) says what it wrote and what not, so running it again
once the cause is fixed completes it.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from annotator.cli.codes import OK, PROBLEMS, USAGE
from annotator.errors import AnnotatorError


def register(sub: Any) -> None:
    p = sub.add_parser("import", help="add documents (.txt, folders, JSON, JSONL, CSV)")
    p.add_argument("project", type=Path)
    p.add_argument("paths", type=Path, nargs="+", metavar="PATH")
    p.add_argument("--all-or-nothing", action="store_true",
                   help="import nothing if any record has a problem")
    p.add_argument("--dry-run", action="store_true", help="check and report, write nothing")
    p.add_argument("--json", action="store_true",
                   help="print what became of each document as JSON (problems still go to "
                        "standard error)")
    p.set_defaults(handler=cmd_import)


def cmd_import(args: argparse.Namespace) -> int:
    from annotator.formats.documents import read_documents
    from annotator.storage.batch import ALREADY, WRITTEN, BatchReport, some_ids, stopped_message
    from annotator.storage.project import Project

    project = Project.open(args.project)
    for path in args.paths:
        if not path.exists():
            raise AnnotatorError(f"{path}: no such file or folder")
    result = read_documents(list(args.paths), project.text_policy,
                            existing_ids=set(project.document_ids()),
                            existing_sha256=project.document_sha256)
    for problem in result.problems:
        print(f"problem: {problem}", file=sys.stderr)
    if result.problems and args.all_or_nothing:
        print(f"Imported nothing: {len(result.problems)} problem(s) and --all-or-nothing.",
              file=sys.stderr)
        return PROBLEMS
    report = BatchReport() if args.dry_run else project.store_documents(result.documents)
    already = list(result.already)
    already += [(result.sources[o.index], o.id) for o in report.outcomes if o.status == ALREADY]
    if args.json:
        _print_json(result, report, already, args.dry_run)
    if args.dry_run:
        print(f"Would import {len(result.documents)} document(s).", file=_human(args))
    else:
        written = [o for o in report.outcomes if o.status == WRITTEN]
        chars = sum(len(result.documents[o.index].text) for o in written)
        print(f"Imported {len(written)} document(s), {chars:,} characters, into "
              f"{project.root}.", file=_human(args))
        for o in report.renamed:
            print(f"note: {result.sources[o.index]} was stored as {o.id!r}: the id {o.asked!r} "
                  "was taken meanwhile by a document with another text (another import at "
                  "the same time?)", file=sys.stderr)
    if already:
        print(f"{len(already)} document(s) already in the project with the same text, not "
              f"imported again: {some_ids([f'{i} ({s})' for s, i in already])}.",
              file=_human(args))
    if report.stopped:
        print(f"annotator: error: the import {stopped_message(report)} Run the same import "
              "again once that is fixed: what was written is recognised and not imported twice.",
              file=sys.stderr)
        return USAGE
    if result.problems:
        rest = ("" if not result.documents else
                "; everything else would be imported" if args.dry_run else
                "; everything else was imported")
        print(f"{len(result.problems)} problem(s), listed above{rest}.", file=sys.stderr)
        return PROBLEMS
    return OK


def _human(args: argparse.Namespace) -> Any:
    """Where the summary goes: standard output, or standard error beside ``--json``."""
    return sys.stderr if args.json else sys.stdout


def _print_json(result: Any, report: Any, already: list[tuple[str, str]], dry_run: bool
                ) -> None:
    """Each document's id and source, by what became of it (for scripts and tests)."""
    from annotator.core import jsonio
    from annotator.storage.batch import NOT_WRITTEN, WRITTEN

    def entries(status: str) -> list[dict[str, str]]:
        out = []
        for o in report.outcomes:
            if o.status == status:
                entry = {"id": o.id, "source": result.sources[o.index]}
                if o.id != o.asked:
                    entry["asked"] = o.asked
                out.append(entry)
        return out

    data: dict[str, Any] = {"written": entries(WRITTEN)}
    if dry_run:
        data["would_write"] = [{"id": d.id, "source": s}
                               for d, s in zip(result.documents, result.sources, strict=True)]
    data["already_there"] = [{"id": i, "source": s} for s, i in already]
    data["not_written"] = entries(NOT_WRITTEN)
    data["problems"] = result.problems
    data["stopped"] = report.stopped or None
    print(jsonio.dumps(data), end="")
