"""``annotator schema``: print the JSON Schema of annotation files."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from annotator.cli.codes import OK
from annotator.core import jsonio


def register(sub: Any) -> None:
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
