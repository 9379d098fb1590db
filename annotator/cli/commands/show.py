"""``annotator show``: a document and its spans in a terminal."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from annotator.cli.codes import OK


def register(sub: Any) -> None:
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
