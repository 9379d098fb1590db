"""``annotator search``: keyword in context across a project's documents."""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path
from typing import Any

from annotator.cli.codes import OK, PROBLEMS, USAGE
from annotator.core import jsonio

DEFAULT_LIMIT = 100
_SPACES = re.compile(r"\s{2,}")


def register(sub: Any) -> None:
    p = sub.add_parser(
        "search", help="find a word in every document, with its context",
        description="Whole words, Arabic-normalised: harakat, tatweel, alef forms, ى/ي, ة/ه and "
                    "digits do not matter, and a word may carry proclitics (احد finds أحد, "
                    "الأحد, وأحد). One line per match, the text as stored (a terminal with "
                    "bidi shows Arabic right to left). The first search of a project builds an "
                    "index in its .annotator/ folder.")
    p.add_argument("project", type=Path)
    p.add_argument("query")
    p.add_argument("--label", help="only matches inside spans with this label id")
    p.add_argument("--coder", help="only matches inside this coder's spans")
    p.add_argument("--limit", type=int, default=DEFAULT_LIMIT, metavar="N",
                   help=f"show at most N matches (default {DEFAULT_LIMIT}; 0: all)")
    p.add_argument("--exact-proclitics", action="store_true",
                   help="no proclitics before the word (احد finds أحد, not الأحد)")
    p.add_argument("--json", action="store_true",
                   help="machine-readable output: code-point offsets and context strings")
    p.add_argument("--shaping", choices=("auto", "on", "off"), default="auto",
                   help="reshape and reorder Arabic for terminals without bidi support "
                        "(auto: only on such an interactive terminal)")
    p.set_defaults(handler=cmd_search)


def cmd_search(args: argparse.Namespace) -> int:
    from annotator.cli.terminal import shaping_wanted, visual
    from annotator.core.arabic import fold_query
    from annotator.storage.project import Project
    from annotator.storage.search import SearchIndex

    if args.limit < 0:
        print("annotator: error: --limit must be 0 (all) or more", file=sys.stderr)
        return USAGE
    if not fold_query(args.query):
        print("annotator: error: the query has no letters, digits or signs to search for",
              file=sys.stderr)
        return USAGE
    project = Project.open(args.project)
    index = SearchIndex.load(project)
    if index.folded_now:
        print(f"indexed {index.folded_now:,} document(s) for search", file=sys.stderr)
    result = index.search(args.query, label=args.label, coder=args.coder,
                          limit=args.limit or None, proclitics=not args.exact_proclitics)
    for _, problem in sorted(result.unreadable.items())[:50]:
        print(f"problem: {problem}", file=sys.stderr)
    code = PROBLEMS if result.unreadable else OK
    if args.json:
        print(jsonio.dumps({"query": args.query, "total": result.total,
                            "documents": result.documents,
                            "hits": [h.to_dict() for h in result.hits],
                            "unreadable": result.unreadable}), end="")
        return code
    shaping = shaping_wanted(args.shaping, sys.stdout)
    out = sys.stdout
    shown = len(result.hits)
    more = f" (showing {shown}; --limit 0 shows all)" if shown < result.total else ""
    out.write(f"{result.total:,} match(es) in {result.documents:,} document(s){more}\n")
    current = None
    for hit in result.hits:
        if hit.document_id != current:
            current = hit.document_id
            line = f"\n{hit.document_id}  {hit.title}"
            out.write((visual(line) if shaping else line) + "\n")
        before, after = _one_space(hit.before), _one_space(hit.after)
        line = (f"{hit.start:>8}  {'…' if hit.cut_before else ''}{before}[{hit.text}]"
                f"{after}{'…' if hit.cut_after else ''}")
        if hit.spans:
            line += "  (" + ", ".join(f"{s.coder} {s.span_id} {s.label}" for s in hit.spans) + ")"
        out.write((visual(line) if shaping else line) + "\n")
    return code


def _one_space(context: str) -> str:
    """Context for reading: paragraph breaks (already spaces) and runs of spaces as one."""
    return _SPACES.sub(" ", context)
