"""The format registry: name -> exporter and reader, with a description, file extension and the
offset unit the format's own tool counts in. Also the small types every format module shares.

Format modules are imported on first use, so listing formats (for ``--help`` or a dialog) costs
nothing and a broken optional format cannot stop the others from loading.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any, ClassVar

from annotator.errors import AnnotatorError

if TYPE_CHECKING:
    from annotator.core.codebook import Codebook
    from annotator.core.model import AnnotationSet, Document


# -- what readers produce ----------------------------------------------------------------------
@dataclass
class SourceSpan:
    """A span as a reader found it: offsets in code points of ``SourceDocument.text`` (the text
    as read, before the project's text policy), with the text the source says it covers."""

    key: str  # the source's id for it (brat T3, doccano entity id, Label Studio region id)
    start: int
    end: int
    label: str
    text: str | None = None  # None when the source does not repeat the covered text
    note: str = ""


@dataclass
class SourceEvent:
    key: str
    type: str
    subtype: str | None = None
    trigger: str | None = None  # a SourceSpan key
    roles: dict[str, list[str]] = field(default_factory=dict)  # role -> SourceSpan keys
    fields: dict[str, Any] = field(default_factory=dict)


@dataclass
class SourceDocument:
    """One document and one coder's annotations of it, as read from another tool's file."""

    id: str
    text: str
    where: str  # file (and line or task) it came from, for messages
    meta: dict[str, Any] = field(default_factory=dict)
    spans: list[SourceSpan] = field(default_factory=list)
    events: list[SourceEvent] = field(default_factory=list)
    fields: dict[str, Any] = field(default_factory=dict)
    coder: str | None = None  # when the file names one (native JSONL)
    status: str | None = None
    time_spent_seconds: float | None = None  # when the file says (Label Studio's lead_time)
    # What the reader could not bring in (a discontinuous span, a relation, an attribute...).
    problems: list[str] = field(default_factory=list)
    # What it brought in a form of ours that differs from the file's, losing nothing (a brat
    # note type kept in the note text): told to the user, not a reason to stop.
    notices: list[str] = field(default_factory=list)
    # A complete annotation-set dict, for lossless formats: kept as is (ids, times, notes).
    native: dict[str, Any] | None = None


Reader = Callable[[Sequence[Path], Mapping[str, str]], Iterator[SourceDocument]]


# -- what exporters get -----------------------------------------------------------------------
class Losses:
    """What an export could not express in its format: a count per kind and a few examples.

    Bounded (``examples`` per kind), so exporting a huge project cannot fill memory with it.
    """

    def __init__(self, examples: int = 5) -> None:
        self.counts: dict[str, int] = {}
        self.samples: dict[str, list[str]] = {}
        self._examples = examples

    def add(self, kind: str, where: str, count: int = 1) -> None:
        self.counts[kind] = self.counts.get(kind, 0) + count
        lst = self.samples.setdefault(kind, [])
        if len(lst) < self._examples:
            lst.append(where)

    def merge(self, other: Losses) -> None:
        for kind, count in other.counts.items():
            self.counts[kind] = self.counts.get(kind, 0) + count
            lst = self.samples.setdefault(kind, [])
            lst += other.samples.get(kind, [])[: self._examples - len(lst)]

    def to_list(self) -> list[dict[str, Any]]:
        return [{"what": k, "count": self.counts[k], "examples": self.samples.get(k, [])}
                for k in sorted(self.counts)]

    def __bool__(self) -> bool:
        return bool(self.counts)


class OutputSink:
    """Where an exporter's streams go: paths are relative to the dataset folder
    ("train/data.jsonl"). Implemented by ``export.staging.Staging``; nothing becomes visible
    until the whole export succeeds."""

    def stream(self, relpath: str) -> IO[str]:  # pragma: no cover - interface
        raise NotImplementedError

    def write_file(self, relpath: str, data: bytes) -> None:  # pragma: no cover - interface
        raise NotImplementedError

    def folder(self, relpath: str) -> None:  # pragma: no cover - interface
        """A folder of the dataset, there even if no file goes into it (an empty part)."""
        raise NotImplementedError


class FileWriter:
    """Whole files written while rendering (brat's two files per document)."""

    def write_file(self, relpath: str, data: bytes) -> None:  # pragma: no cover - interface
        raise NotImplementedError


class Exporter:
    """Base of every exporter, in two halves so that rendering can run in worker processes:

    - ``render(document, sets, files)`` turns one document and its annotation sets (one per
      coder, sorted by coder) into a payload, reporting losses to ``self.losses``; it may
      write whole files through ``files``. It sees documents in id order but must not depend
      on having seen the previous ones (each worker renders a different slice).
    - ``open(sink)``, ``write(payload)`` (in document order) and ``close()`` run in the
      exporting process and append payloads to the format's stream(s).
    """

    offset_unit: ClassVar[str] = "codepoint"
    # Conventions a user of the files must know; printed in the dataset card.
    notes: ClassVar[tuple[str, ...]] = ()

    def __init__(self, codebook: Codebook, losses: Losses, prefix: str = "") -> None:
        self.codebook = codebook
        self.losses = losses
        # "" or "train/": the folder of this part of a split dataset.
        self.prefix = prefix

    def render(self, document: Document, sets: Sequence[AnnotationSet],
               files: FileWriter) -> Any:
        raise NotImplementedError

    def open(self, sink: OutputSink) -> None:
        """Open the stream(s) this part writes."""

    def write(self, payload: Any) -> None:
        """Append one rendered document."""

    def close(self) -> None:
        """Write anything kept until the end (closing brackets, padding)."""

    @classmethod
    def write_shared(cls, sink: OutputSink, codebook: Codebook) -> None:
        """Files written once per dataset, whatever the split (brat's annotation.conf)."""


def pack_text(payload: str) -> bytes:
    """``pack`` for an exporter whose payload is text: UTF-8, encoded in the worker process.
    (A str crossing to the exporting process is encoded by pickle, decoded on arrival and
    encoded again to be written; bytes are copied.)"""
    return payload.encode("utf-8")


def append_text(stream: Any, payload: str | bytes) -> None:
    """Append a text payload to ``stream``, as text or as UTF-8 already encoded (``pack_text``);
    the bytes written are the same."""
    if isinstance(payload, bytes):
        write_bytes = getattr(stream, "write_bytes", None)
        if write_bytes is not None:
            write_bytes(payload)
            return
        payload = payload.decode("utf-8")
    stream.write(payload)


# -- the registry -----------------------------------------------------------------------------
@dataclass(frozen=True)
class FormatInfo:
    name: str
    description: str
    extension: str  # of the data file(s) ("" for a folder of files)
    offset_unit: str  # what the format's own tool counts offsets in
    exporter: str | None  # "module:Class", imported on first use
    reader: str | None  # "module:function"
    # Whether its files can say whose annotations they hold (ours do; brat has no place for
    # it): importing one that cannot needs a coder named up front.
    names_coder: bool = True

    def exporter_class(self) -> type[Exporter]:
        if self.exporter is None:
            raise AnnotatorError(f"format {self.name!r} cannot be exported")
        return _load(self.exporter)  # type: ignore[no-any-return]

    def reader_function(self) -> Reader:
        if self.reader is None:
            raise AnnotatorError(f"format {self.name!r} cannot be imported")
        return _load(self.reader)  # type: ignore[no-any-return]

    @property
    def can_export(self) -> bool:
        return self.exporter is not None

    @property
    def can_import(self) -> bool:
        return self.reader is not None


_P = "annotator.formats."
FORMATS: dict[str, FormatInfo] = {f.name: f for f in (
    FormatInfo("jsonl", "Native JSON Lines, lossless: one annotation set (document text, meta, "
               "spans, events, fields, coder, status, codebook) per line; "
               "schemas/export-jsonl.schema.json", "jsonl", "codepoint",
               _P + "native_jsonl:NativeJsonlExporter", _P + "native_jsonl:read_native_jsonl"),
    FormatInfo("acled-csv", "Event table in ACLED's column style, one row per event, with the "
               "evidence span offsets", "csv", "codepoint",
               _P + "acled_csv:AcledCsvExporter", None),
    FormatInfo("conll", "CoNLL BIO span tagging: token, start, end, then one tag column per "
               "nesting level", "conll", "codepoint",
               _P + "conll:ConllExporter", _P + "conll_read:read_conll"),
    FormatInfo("brat", "brat standoff: one .txt and .ann per document (T, E, A and # lines) "
               "and the collection's annotation.conf", "ann", "codepoint",
               _P + "brat:BratExporter", _P + "brat:read_brat", names_coder=False),
    FormatInfo("doccano", "doccano JSONL for sequence labelling (text, label: [[start, end, "
               "label]]), offsets in UTF-16 code units", "jsonl", "utf16",
               _P + "doccano:DoccanoExporter", _P + "doccano:read_doccano"),
    FormatInfo("doccano-rel", "doccano JSONL for relation extraction (entities, relations; "
               "events as trigger-to-argument relations), offsets in UTF-16 code units",
               "jsonl", "utf16",
               _P + "doccano:DoccanoRelationExporter", _P + "doccano:read_doccano"),
    FormatInfo("labelstudio", "Label Studio JSON tasks (labels regions; events as relations), "
               "offsets in code points", "json", "codepoint",
               _P + "labelstudio:LabelStudioExporter", _P + "labelstudio:read_labelstudio"),
)}


def get_format(name: str) -> FormatInfo:
    info = FORMATS.get(name)
    if info is None:
        raise AnnotatorError(f"unknown format {name!r}; choose from {', '.join(FORMATS)}")
    return info


def export_formats() -> list[FormatInfo]:
    return [f for f in FORMATS.values() if f.can_export]


def import_formats() -> list[FormatInfo]:
    return [f for f in FORMATS.values() if f.can_import]


def _load(target: str) -> Any:
    module, _, attr = target.partition(":")
    return getattr(importlib.import_module(module), attr)
