"""``annotator init``: a new project folder."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from annotator.cli.codes import OK


def register(sub: Any) -> None:
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
