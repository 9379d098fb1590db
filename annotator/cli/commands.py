"""One handler per subcommand. Only ``gui`` and ``demo`` load the Qt layer."""

from __future__ import annotations

import argparse
import shutil
import sys
from pathlib import Path
from typing import Any

from annotator.cli.main import OK, PROBLEMS
from annotator.core import jsonio
from annotator.core.model import STATUSES
from annotator.errors import AnnotatorError


# -- init ----------------------------------------------------------------------------------------
def _register_init(sub: Any) -> None:
    p = sub.add_parser("init", help="create a new project folder")
    p.add_argument("project", type=Path)
    p.add_argument("--codebook", type=Path, help="codebook JSON (default: the bundled one)")
    p.add_argument("--name", help="project name (default: the folder name)")
    p.add_argument("--keep-newlines", action="store_true",
                   help="store CRLF/CR as written instead of turning them into LF")
    p.set_defaults(handler=cmd_init)


def cmd_init(args: argparse.Namespace) -> int:
    from annotator.core.text import TextPolicy
    from annotator.storage.project import Project

    policy = TextPolicy(newlines="keep" if args.keep_newlines else "lf")
    project = Project.init(args.project, args.codebook, args.name, policy)
    cb = project.codebook
    print(f"Created project {project.name!r} in {project.root}")
    print(f"Codebook: {cb.name} ({cb.id} {cb.version}): {len(cb.span_labels)} span labels, "
          f"{len(cb.event_types)} event types")
    print(f"Next: annotator import {args.project} FILES...")
    return OK


# -- import --------------------------------------------------------------------------------------
def _register_import(sub: Any) -> None:
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


# -- validate ------------------------------------------------------------------------------------
def _register_validate(sub: Any) -> None:
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


# -- schema --------------------------------------------------------------------------------------
def _register_schema(sub: Any) -> None:
    p = sub.add_parser("schema", help="print the JSON Schema of annotation files")
    p.add_argument("--codebook", type=Path, help="codebook JSON (default: the bundled one)")
    p.add_argument("--generic", action="store_true",
                   help="the codebook-independent schema")
    p.add_argument("--output", type=Path, help="write to this file instead of printing")
    p.set_defaults(handler=cmd_schema)


def cmd_schema(args: argparse.Namespace) -> int:
    from annotator.core.schemas import annotation_schema
    from annotator.storage.atomic import atomic_write
    from annotator.storage.project import load_codebook, load_default_codebook

    if args.generic:
        schema = annotation_schema(None)
    else:
        cb = load_codebook(args.codebook) if args.codebook else load_default_codebook()
        schema = annotation_schema(cb)
    text = jsonio.dumps(schema)
    if args.output:
        atomic_write(args.output, text.encode("utf-8"), backup=True)
    else:
        sys.stdout.write(text)
    return OK


# -- show ----------------------------------------------------------------------------------------
def _register_show(sub: Any) -> None:
    p = sub.add_parser("show", help="print a document and its spans in the terminal")
    p.add_argument("project", type=Path)
    p.add_argument("document", metavar="DOC_ID")
    p.add_argument("--coder", help="whose annotations (default: every coder's)")
    p.add_argument("--shaping", choices=("auto", "on", "off"), default="auto",
                   help="reshape and reorder Arabic for terminals without bidi support "
                        "(auto: only on such an interactive terminal)")
    p.set_defaults(handler=cmd_show)


def cmd_show(args: argparse.Namespace) -> int:
    from annotator.cli.terminal import render_lines, shaping_wanted, visual
    from annotator.storage.project import Project

    project = Project.open(args.project)
    doc = project.load_document(args.document)
    shaping = shaping_wanted(args.shaping, sys.stdout)
    out = sys.stdout
    title = doc.title
    out.write(f"# {visual(title) if shaping else title}  ({doc.id}, {len(doc.text):,} "
              f"characters, sha256 {doc.sha256[:12]})\n")
    for key in ("source", "url", "date", "author"):
        if doc.meta.get(key):
            out.write(f"{key}: {doc.meta[key]}\n")
    out.write("\n")
    for line in render_lines(doc.text, shaping):
        out.write(line + "\n")
    coders = [args.coder] if args.coder else project.coders()
    for coder in coders:
        path = project.annotation_path(coder, doc.id)
        if not path.is_file():
            continue
        aset, _ = project.load_annotations(coder, doc)
        out.write(f"\n## {coder}: {aset.status}, {len(aset.spans)} spans, "
                  f"{len(aset.events)} events\n")
        for s in sorted(aset.spans, key=lambda s: (s.start, s.end)):
            txt = visual(s.text) if shaping else s.text
            out.write(f"  {s.id:>6}  {s.label:<10} {s.start:>6}-{s.end:<6} {txt}\n")
        for e in aset.events:
            roles = ", ".join(f"{r}={'+'.join(v)}" for r, v in e.roles.items())
            out.write(f"  {e.id:>6}  {e.type}/{e.subtype or '-'} trigger={e.trigger or '-'} "
                      f"{roles}\n")
    return OK


# -- demo and gui --------------------------------------------------------------------------------
def _register_demo(sub: Any) -> None:
    p = sub.add_parser("demo", help="copy the sample project to your data folder and open it")
    p.add_argument("--reset", action="store_true",
                   help="replace an existing copy with a fresh one (your edits there are lost)")
    p.add_argument("--no-gui", action="store_true", help="only copy it and print where")
    p.add_argument("--coder", help="coder name to use in the window")
    p.add_argument("--screenshot", type=Path, help=argparse.SUPPRESS)
    p.set_defaults(handler=cmd_demo)


def demo_project_path() -> Path:
    import platformdirs

    return Path(platformdirs.user_data_dir("annotator", appauthor=False)) / "sample-project"


def cmd_demo(args: argparse.Namespace) -> int:
    from annotator.paths import resource
    from annotator.storage.project import Project

    target = demo_project_path()
    if target.exists() and args.reset:
        shutil.rmtree(target)
    if not target.exists():
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copytree(resource("sample-project"), target)
        print(f"Copied the sample project to {target}")
    else:
        print(f"Using the sample project in {target} (--reset for a fresh copy)")
    Project.open(target)
    if args.no_gui:
        return OK
    return _run_gui(target, coder=args.coder, screenshot=args.screenshot, document=None)


def _register_gui(sub: Any) -> None:
    p = sub.add_parser("gui", help="open the annotation window on a project")
    p.add_argument("project", type=Path)
    p.add_argument("--coder", help="coder name (default: the one remembered, or asked)")
    p.add_argument("--document", metavar="DOC_ID", help="open this document first")
    p.add_argument("--screenshot", type=Path,
                   help="render the window after loading to this PNG and exit")
    p.set_defaults(handler=cmd_gui)


def cmd_gui(args: argparse.Namespace) -> int:
    from annotator.storage.project import Project

    Project.open(args.project)
    return _run_gui(args.project, coder=args.coder, screenshot=args.screenshot,
                    document=args.document)


def _run_gui(project: Path, **kwargs: Any) -> int:
    try:
        from annotator.gui.app import run
    except ImportError as exc:
        raise AnnotatorError(f"the window cannot start: {exc}. Is PySide6-Essentials "
                             "installed, with the system libraries Qt needs?") from exc
    return int(run(project, **kwargs))


# -- export and import of annotated work -----------------------------------------------------------
def _register_export(sub: Any) -> None:
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


def _register_import_annotations(sub: Any) -> None:
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
    print(report.summary())  # names unknown labels with a --label-map to fill in
    return PROBLEMS if report.problem_count or not (report.written or args.dry_run) else OK


def _register_agreement(sub: Any) -> None:
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


REGISTER = [_register_init, _register_import, _register_validate, _register_schema,
            _register_show, _register_export, _register_import_annotations,
            _register_agreement, _register_demo, _register_gui]

