"""``annotator import``: add documents to a project."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from annotator.cli.codes import OK, PROBLEMS
from annotator.errors import AnnotatorError


def register(sub: Any) -> None:
    p = sub.add_parser("import", help="add documents (.txt, folders, JSON, JSONL, CSV)")
    p.add_argument("project", type=Path)
    p.add_argument("paths", type=Path, nargs="+", metavar="PATH")
    p.add_argument("--all-or-nothing", action="store_true",
                   help="import nothing if any record has a problem")
    p.add_argument("--dry-run", action="store_true", help="check and report, write nothing")
    p.set_defaults(handler=cmd_import)


def cmd_import(args: argparse.Namespace) -> int:
    from annotator.formats.documents import read_documents
    from annotator.storage.project import Project

    project = Project.open(args.project)
    for path in args.paths:
        if not path.exists():
            raise AnnotatorError(f"{path}: no such file or folder")
    result = read_documents(list(args.paths), project.text_policy,
                            existing_ids=set(project.document_ids()))
    for problem in result.problems:
        print(f"problem: {problem}", file=sys.stderr)
    if result.problems and args.all_or_nothing:
        print(f"Imported nothing: {len(result.problems)} problem(s) and --all-or-nothing.",
              file=sys.stderr)
        return PROBLEMS
    if args.dry_run:
        print(f"Would import {len(result.documents)} document(s).")
    else:
        project.add_documents(result.documents)
        chars = sum(len(d.text) for d in result.documents)
        print(f"Imported {len(result.documents)} document(s), {chars:,} characters, into "
              f"{project.root}.")
    if result.problems:
        rest = ("" if not result.documents else
                "; everything else would be imported" if args.dry_run else
                "; everything else was imported")
        print(f"{len(result.problems)} problem(s), listed above{rest}.", file=sys.stderr)
        return PROBLEMS
    return OK
