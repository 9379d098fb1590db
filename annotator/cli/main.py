"""``annotator`` command: parse arguments, run one handler, map outcomes to exit codes.

Exit codes: 0 ok, 1 problems found in the data, 2 bad usage or unreadable input. No input ever
produces a traceback; ``--debug`` shows one for internal errors.
"""

from __future__ import annotations

import argparse
import sys
import traceback
from collections.abc import Sequence

from annotator import __version__
from annotator.cli.codes import OK, USAGE
from annotator.errors import AnnotatorError


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # type: ignore[override]
        self.print_usage(sys.stderr)
        self.exit(USAGE, f"{self.prog}: error: {message}\n")


def build_parser() -> argparse.ArgumentParser:
    from annotator.cli import commands

    parser = _Parser(prog="annotator",
                     description="Code spans and events in Arabic news reports.")
    parser.add_argument("--version", action="version", version=f"annotator {__version__}")
    parser.add_argument("--debug", action="store_true",
                        help="show a traceback for internal errors")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    for register in commands.REGISTER:
        register(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    _utf8_streams()
    parser = build_parser()
    args = parser.parse_args(argv)
    args.argv = ["annotator", *(sys.argv[1:] if argv is None else argv)]
    if not getattr(args, "handler", None):
        parser.print_help(sys.stderr)
        return USAGE
    try:
        return int(args.handler(args))
    except AnnotatorError as exc:
        print(f"annotator: error: {exc}", file=sys.stderr)
        return USAGE
    except RecursionError:  # a hostile file nested thousands deep, past every parser's guard
        print("annotator: error: an input file is nested too deeply to read (lists or objects "
              "inside each other thousands of levels deep); it is damaged or not an annotation "
              "file", file=sys.stderr)
        return USAGE
    except KeyboardInterrupt:
        print("annotator: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return OK
    except OSError as exc:  # a refusal of the system (read-only disk, full disk) no writer named
        from annotator.storage.oserrors import plain_os_error

        if args.debug:
            traceback.print_exc()
        print(f"annotator: error: {plain_os_error(exc)}", file=sys.stderr)
        return USAGE
    except Exception as exc:  # a bug: say so plainly, keep the traceback for --debug
        if args.debug:
            traceback.print_exc()
        print(f"annotator: internal error ({type(exc).__name__}: {exc}). This is a bug; "
              "run again with --debug and report the traceback.", file=sys.stderr)
        return USAGE


def _utf8_streams() -> None:
    # Arabic output must not die on a terminal or pipe with a legacy encoding.
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            try:
                reconfigure(errors="replace")
            except (ValueError, OSError):
                pass


if __name__ == "__main__":
    raise SystemExit(main())
