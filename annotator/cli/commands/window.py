"""``annotator demo`` and ``annotator gui``: the only commands that load the Qt layer."""

from __future__ import annotations

import argparse
import shutil
from pathlib import Path
from typing import Any

from annotator.cli.codes import OK
from annotator.errors import AnnotatorError


def register_demo(sub: Any) -> None:
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


def register_gui(sub: Any) -> None:
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
