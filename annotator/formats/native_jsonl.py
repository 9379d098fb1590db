"""Native JSON Lines: lossless, one annotation set per line with its document.

A line holds the document (``id``, ``sha256``, ``meta``, ``text``) and everything of one coder's
annotation set (the keys of the annotation file but ``document``), keys sorted, no spaces, so
the same data always gives the same bytes. ``schemas/export-jsonl.schema.json`` describes it;
offsets are code points of ``text``. U+2028 and U+2029 are written as ``\\u2028``/``\\u2029``
so that readers splitting lines with ``str.splitlines`` (which breaks at them) still get one
record per line.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Mapping, Sequence
from functools import cache
from pathlib import Path
from typing import Any

from annotator.core.jsonio import dumps_line
from annotator.core.model import AnnotationSet, Document
from annotator.core.schemas import CompiledSchema
from annotator.formats.registry import (
    Exporter,
    FileWriter,
    OutputSink,
    SourceDocument,
    SourceEvent,
    SourceSpan,
    append_text,
    pack_text,
)
from annotator.paths import schema_path
from annotator.storage.readers import BadLine, iter_jsonl

RECORD_VERSION = 1
DOCUMENT_KEYS = ("id", "sha256", "meta", "text")


def jsonl_line(data: Any) -> str:
    """One JSONL line (with its newline) that no line splitter can cut in two."""
    return dumps_line(data).replace("\u2028", "\\u2028").replace("\u2029", "\\u2029") + "\n"


def record_of(document: Document, aset: AnnotationSet) -> dict[str, Any]:
    record = aset.to_dict()
    del record["document"]
    record["format_version"] = RECORD_VERSION
    record.update(id=document.id, sha256=document.sha256, meta=document.meta,
                  text=document.text)
    return record


def annotation_dict_of(record: dict[str, Any]) -> dict[str, Any]:
    """The annotation-file dict a record came from (the inverse of ``record_of``)."""
    data = {k: v for k, v in record.items() if k not in DOCUMENT_KEYS}
    data["document"] = {"id": record["id"], "sha256": record["sha256"]}
    return data


class NativeJsonlExporter(Exporter):
    offset_unit = "codepoint"
    notes = ("One line per annotation set: the document (id, sha256, meta, text) and the whole "
             "set; schemas/export-jsonl.schema.json describes a line.",)

    def render(self, document: Document, sets: Sequence[AnnotationSet],
               files: FileWriter) -> str:
        return "".join(jsonl_line(record_of(document, a)) for a in sets)

    pack = staticmethod(pack_text)

    def open(self, sink: OutputSink) -> None:
        self._out = sink.stream(f"{self.prefix}data.jsonl")

    def write(self, payload: str | bytes) -> None:
        append_text(self._out, payload)


@cache
def compiled_record_schema() -> CompiledSchema:
    with open(schema_path("export-jsonl.schema.json"), encoding="utf-8") as fh:
        return CompiledSchema(json.load(fh))


def read_native_jsonl(paths: Sequence[Path], options: Mapping[str, str]
                      ) -> Iterator[SourceDocument]:
    """Stream records back; each keeps its full annotation set in ``native``."""
    schema = compiled_record_schema()
    for path in paths:
        for n, record in iter_jsonl(path):
            where = f"{path}: line {n}"
            if isinstance(record, BadLine):
                yield SourceDocument(id="", text="", where=where, problems=[record.message])
                continue
            if not schema.is_valid(record):
                problems = [f"{p}: {m}" for p, m in schema.errors(record, limit=5)]
                yield _broken(where, "not an annotator export record: " + "; ".join(problems))
                continue
            data = annotation_dict_of(record)
            yield SourceDocument(
                id=record["id"], text=record["text"], where=where, meta=dict(record["meta"]),
                spans=[SourceSpan(s["id"], s["start"], s["end"], s["label"], s["text"],
                                  s.get("note", "")) for s in record["spans"]],
                events=[SourceEvent(e["id"], e["type"], e.get("subtype"), e.get("trigger"),
                                    {r: list(v) for r, v in e["roles"].items()},
                                    dict(e["fields"])) for e in record["events"]],
                fields=dict(record["fields"]), coder=record["coder"], status=record["status"],
                native=data)


def _broken(where: str, problem: str) -> SourceDocument:
    return SourceDocument(id="", text="", where=where, problems=[f"{where}: {problem}"])
