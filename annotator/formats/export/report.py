"""What an export gives back (``ExportReport``) and the train/dev/test split by document.

Split (``split=(80, 10, 10)``, ``seed=13``): a document's part is decided by
``sha256("<seed>:<document id>")`` alone, so it never changes when documents are added, removed
or exported in another format, and all coders' sets of a document land in the same part.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol

from annotator.errors import AnnotatorError
from annotator.i18n import tr

CARD_MD = "dataset-card.md"
CARD_JSON = "dataset-card.json"
CHECKSUMS = "SHA256SUMS"
SPLIT_NAMES = {1: ("all",), 2: ("train", "test"), 3: ("train", "dev", "test")}
DEFAULT_SEED = 13
# Problems listed in the report and card; the rest are counted.
MAX_LISTED_PROBLEMS = 1000


@dataclass
class ExportedFile:
    path: str  # relative to the output folder, with "/"
    sha256: str
    bytes: int


@dataclass
class LeftOut:
    """An annotation set (or document) that failed validation, with why."""

    path: str  # relative to the project: annotations/<coder>/<doc>.json
    problems: list[str]

    def to_dict(self) -> dict[str, Any]:
        return {"path": self.path, "problems": self.problems}


@dataclass
class ExportReport:
    format: str
    output: Path
    written: bool = False
    cancelled: bool = False
    documents: int = 0  # documents exported (with at least one set)
    annotation_sets: int = 0
    spans: int = 0
    events: int = 0
    left_out: list[LeftOut] = field(default_factory=list)
    left_out_count: int = 0
    filtered_out: int = 0  # sets not matching --status
    files: list[ExportedFile] = field(default_factory=list)
    file_count: int = 0
    not_expressed: list[dict[str, Any]] = field(default_factory=list)
    card: dict[str, Any] = field(default_factory=dict)
    # Staging folders that stopped exports had left in the output folder, removed.
    stale_removed: list[str] = field(default_factory=list)

    @property
    def problems(self) -> list[str]:
        """One line per problem, naming the file: what a user must fix before exporting."""
        return [f"{lo.path}: {p}" for lo in self.left_out for p in lo.problems]

    def summary(self) -> str:
        """What the export did, in the interface's language (English on the command line)."""
        if self.cancelled:
            return tr("export", "Export cancelled; nothing was written.")
        if not self.written:
            return tr("export", "Nothing exported: {count} annotation file(s) have errors (fix "
                                "them, or export with --skip-invalid to leave them out)."
                      ).format(count=self.left_out_count)
        text = tr("export", "Exported {sets} annotation set(s) of {documents} document(s) "
                            "({spans} spans, {events} events) as {format} to {output}.").format(
            sets=self.annotation_sets, documents=self.documents, spans=self.spans,
            events=self.events, format=self.format, output=self.output)
        if self.left_out_count:
            text += " " + tr("export", "Left out {count} invalid file(s) (listed in {card})."
                             ).format(count=self.left_out_count, card=CARD_MD)
        if self.not_expressed:
            n = sum(item["count"] for item in self.not_expressed)
            text += " " + tr("export", "{count} thing(s) the format cannot express (listed in "
                                       "{card}).").format(count=n, card=CARD_MD)
        if self.stale_removed:
            text += " " + tr("export", "Removed {count} unfinished export folder(s) that "
                                       "stopped exports had left there.").format(
                count=len(self.stale_removed))
        return text


class HoldsLeftOut(Protocol):
    """The report, or a worker's chunk of it: where left-out files are listed and counted."""

    left_out: list[LeftOut]
    left_out_count: int


def add_left_out(report: HoldsLeftOut, path: str, problems: list[str]) -> None:
    """Count a file left out; list it while fewer than ``MAX_LISTED_PROBLEMS`` are."""
    report.left_out_count += 1
    if len(report.left_out) < MAX_LISTED_PROBLEMS:
        report.left_out.append(LeftOut(path, problems))


# -- split ------------------------------------------------------------------------------------
def parse_split(value: str | Sequence[int] | None) -> tuple[int, ...] | None:
    """``"80/10/10"`` or ``(80, 10, 10)`` -> ``(80, 10, 10)``; 2 parts are train/test."""
    if value is None or value == "":
        return None
    if isinstance(value, str):
        try:
            parts = tuple(int(p) for p in value.replace(",", "/").split("/"))
        except ValueError:
            raise AnnotatorError(f"split {value!r}: write it like 80/10/10") from None
    else:
        parts = tuple(int(p) for p in value)
    if len(parts) not in (2, 3) or any(p < 0 for p in parts) or sum(parts) <= 0:
        raise AnnotatorError(f"split {value!r}: give 2 (train/test) or 3 (train/dev/test) "
                             "non-negative shares, like 80/10/10")
    return parts


def split_of(doc_id: str, split: Sequence[int], seed: int) -> str:
    """The part (train, dev, test) of a document: stable, from its id and the seed only."""
    names = SPLIT_NAMES[len(split)]
    digest = hashlib.sha256(f"{seed}:{doc_id}".encode()).digest()
    point = int.from_bytes(digest[:8], "big") / 2**64 * sum(split)
    acc = 0
    for name, share in zip(names, split, strict=True):
        acc += share
        if point < acc:
            return name
    return names[-1]
