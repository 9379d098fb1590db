"""``annotator validate``: check a project, an annotation file or a codebook."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from annotator.cli.codes import OK, PROBLEMS
from annotator.core import jsonio
from annotator.errors import AnnotatorError


def register(sub: Any) -> None:
    p = sub.add_parser("validate",
                       help="check a project, an annotation file or a codebook")
    p.add_argument("paths", type=Path, nargs="+", metavar="PATH")
    p.add_argument("--json", action="store_true", help="machine-readable output")
    p.add_argument("--coder", help="only this coder's files (projects)")
    p.add_argument("--strict", action="store_true", help="warnings count as problems")
    p.add_argument("--no-cache", action="store_true", help="re-check unchanged files too")
    p.add_argument("--todo", action="store_true",
                   help="also list what is still missing in unfinished documents")
    p.set_defaults(handler=cmd_validate)


def cmd_validate(args: argparse.Namespace) -> int:
    from annotator.core.validation import ERROR, TODO, WARNING, Issue

    results: dict[str, list[Issue]] = {}
    for path in args.paths:
        results.update(_validate_path(path, args))
    bad = {ERROR} | ({WARNING} if args.strict else set())
    shown = {ERROR, WARNING} | ({TODO} if args.todo else set())
    counts = {s: sum(1 for issues in results.values() for i in issues if i.severity == s)
              for s in (ERROR, WARNING, TODO)}
    failed = any(i.severity in bad for issues in results.values() for i in issues)
    if args.json:
        out = {"ok": not failed, "counts": counts,
               "files": {p: [i.to_dict() for i in issues if i.severity in shown]
                         for p, issues in results.items()}}
        print(jsonio.dumps(out), end="")
    else:
        for path, issues in results.items():
            for i in issues:
                if i.severity in shown:
                    print(f"{path}: {i.severity}: {i.where}: {i.message}")
        print(f"{'problems found' if failed else 'ok'}: {counts[ERROR]} error(s), "
              f"{counts[WARNING]} warning(s), {counts[TODO]} item(s) still to code "
              f"in unfinished documents")
    return PROBLEMS if failed else OK


def _validate_path(path: Path, args: argparse.Namespace) -> dict[str, list[Any]]:
    from annotator.core.validation import ERROR, Issue, validate_annotation_data
    from annotator.storage.atomic import read_json
    from annotator.storage.project import (
        Project,
        document_problems,
        load_codebook,
        misfiled_issue,
    )
    from annotator.storage.validate import validate_project

    if path.is_dir():
        project = Project.open(path)
        report = validate_project(project, coder=args.coder, use_cache=not args.no_cache)
        files = {str(path / rel): issues for rel, issues in report.files.items()}
        return files or {str(path): []}
    if not path.is_file():
        raise AnnotatorError(f"{path}: no such file or folder")
    data = read_json(path)
    if isinstance(data, dict) and "span_labels" in data:
        try:
            load_codebook(path)
        except AnnotatorError as exc:
            return {str(path): [Issue(ERROR, "$", str(exc))]}
        return {str(path): []}
    if isinstance(data, dict) and "offset_unit" in data and "spans" in data:
        root = _find_project(path)
        document = codebook = None
        folder_coder = None
        if root is not None:
            project = Project.open(root)
            codebook = project.codebook
            doc_id = (data.get("document") or {}).get("id")
            if isinstance(doc_id, str) and project.has_document(doc_id):
                document = project.load_document(doc_id)
            folder = path.resolve().parent
            if folder.parent == project.annotations_dir.resolve():
                folder_coder = folder.name
        issues = validate_annotation_data(data, document=document, codebook=codebook)
        misfiled = misfiled_issue(data, folder_coder) if folder_coder is not None else None
        return {str(path): issues + ([misfiled] if misfiled is not None else [])}
    if isinstance(data, dict) and "text" in data and "id" in data:
        return {str(path): [Issue(ERROR, "$", p) for p in document_problems(data)]}
    raise AnnotatorError(f"{path}: not a project, annotation file, document or codebook")


def _find_project(path: Path) -> Path | None:
    for parent in path.resolve().parents:
        if (parent / "project.json").is_file():
            return parent
    return None
