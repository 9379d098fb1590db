"""doccano JSONL: sequence labelling (``label``) and relation extraction (``entities``,
``relations``), with offsets in UTF-16 code units as doccano's browser counts them.

Export, one line per annotation set::

    {"coder": "amira", "doc_id": "d1", "label": [[0, 4, "TRIGGER"]], "status": "done",
     "text": "..."}                                         # format "doccano"
    {"coder": ..., "doc_id": ..., "entities": [{"id": 1, "start_offset": 0, "end_offset": 4,
     "label": "TRIGGER"}], "relations": [{"id": 1, "from_id": 1, "to_id": 2,
     "type": "battles:actor1"}], "text": "..."}            # format "doccano-rel"

doccano keeps unknown keys (``doc_id``, ``coder``, ``status``) as metadata. In the relation
layout an event becomes relations from its trigger to each argument, typed
``<event type>:<role>``; reading them back rebuilds the event (type, trigger, roles). An event
with no argument yet is an entity on its trigger labelled with the event's type. Sub-types,
fields, notes and events without a trigger cannot be expressed (see the card).

Import reads both layouts, doccano's own column names (``text`` or the ``column_data`` /
``column_label`` of its import form, or ``options["text_key"]``/``["label_key"]``), JSONL or a
single JSON object/array, and converts offsets from UTF-16 (``options["offset_unit"] =
"codepoint"`` for files made by other tools); an offset that splits a surrogate pair is reported.
"""

from __future__ import annotations

import itertools
import json
from collections.abc import Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any, ClassVar

from annotator.core.model import AnnotationSet, Document
from annotator.core.offsets import OffsetError, Utf16Map
from annotator.core.text import sanitize_id
from annotator.formats.native_jsonl import jsonl_line
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
from annotator.storage.readers import BadLine, decode_utf8, iter_jsonl, read_bytes

TEXT_KEYS = ("text", "data", "column_data")
LABEL_KEYS = ("label", "labels", "column_label")
OUR_KEYS = {"doc_id", "coder", "status"}
DOCCANO_KEYS = {"id", "Comments", "comments", "entities", "relations", "meta"}


class DoccanoExporter(Exporter):
    offset_unit = "utf16"
    notes: ClassVar[tuple[str, ...]] = (
        "Offsets are UTF-16 code units (doccano's default); doc_id, coder and status are "
        "extra keys doccano keeps as metadata.",
        "The file is UTF-8: in doccano's import form keep the encoding utf_8 (its 'Auto' "
        "guess read some Arabic files as a Windows code page and imported nothing).")
    relations = False

    def render(self, document: Document, sets: Sequence[AnnotationSet],
               files: FileWriter) -> str:
        umap = Utf16Map(document.text)
        return "".join(jsonl_line(self.record(document, a, umap)) for a in sets)

    pack = staticmethod(pack_text)

    def open(self, sink: OutputSink) -> None:
        self._out = sink.stream(f"{self.prefix}doccano.jsonl")

    def write(self, payload: str | bytes) -> None:
        append_text(self._out, payload)

    def record(self, document: Document, aset: AnnotationSet, umap: Utf16Map
               ) -> dict[str, Any]:
        where = f"{document.id}/{aset.coder}"
        record: dict[str, Any] = {"text": document.text, "doc_id": document.id,
                                  "coder": aset.coder, "status": aset.status}
        spans = sorted(aset.spans, key=lambda s: (s.start, s.end, s.label, s.id))
        notes = sum(1 for s in spans if s.note)
        if notes:
            self.losses.add("span notes", where, notes)
        if aset.fields:
            self.losses.add("document fields", where)
        if not self.relations:
            record["label"] = [[umap.to_utf16(s.start), umap.to_utf16(s.end), s.label]
                               for s in spans]
            if aset.events:
                self.losses.add("events (use doccano-rel to keep them as relations)", where,
                                len(aset.events))
            return record
        ids = {s.id: k for k, s in enumerate(spans, 1)}
        record["entities"] = [{"id": ids[s.id], "start_offset": umap.to_utf16(s.start),
                               "end_offset": umap.to_utf16(s.end), "label": s.label}
                              for s in spans]
        rels: list[dict[str, Any]] = []
        seen: set[tuple[str, str]] = set()
        by_id = {s.id: s for s in spans}
        for e in aset.events:
            if e.trigger not in ids:
                self.losses.add("events without a trigger (relations need one)",
                                f"{where}/{e.id}")
                continue
            if not any(e.roles.values()):
                # No argument, so no relation: an entity on the trigger labelled with the
                # event's type keeps it (read back as the event).
                trigger = by_id[e.trigger]  # type: ignore[index]
                record["entities"].append({
                    "id": len(record["entities"]) + 1, "start_offset": umap.to_utf16(
                        trigger.start), "end_offset": umap.to_utf16(trigger.end),
                    "label": e.type})
            if (e.trigger, e.type) in seen:  # type: ignore[comparison-overlap]
                self.losses.add("events sharing a trigger and a type (read back as one)",
                                f"{where}/{e.id}")
            seen.add((e.trigger, e.type))  # type: ignore[arg-type]
            if e.subtype or e.fields:
                self.losses.add("event sub-types and fields", f"{where}/{e.id}")
            for role, fillers in e.roles.items():
                for sid in fillers:
                    rels.append({"id": len(rels) + 1, "from_id": ids[e.trigger],
                                 "to_id": ids[sid], "type": f"{e.type}:{role}"})
        record["relations"] = rels
        return record


class DoccanoRelationExporter(DoccanoExporter):
    relations = True
    notes = (*DoccanoExporter.notes,
             "Events are relations from the trigger to each argument, typed <event type>:<role>.")


# -- import -----------------------------------------------------------------------------------
def read_doccano(paths: Sequence[Path], options: Mapping[str, str]) -> Iterator[SourceDocument]:
    unit = options.get("offset_unit", "utf16")
    if unit not in ("utf16", "codepoint"):
        raise ValueError(f"offset_unit must be utf16 or codepoint, not {unit!r}")
    for path in paths:
        stem = sanitize_id(path.stem, fallback="doccano")
        for n, where, record in _records(path):
            if isinstance(record, str):
                yield SourceDocument(id="", text="", where=where, problems=[record])
                continue
            yield _document(record, where, f"{stem}-{n:04d}", unit, options)


def _records(path: Path) -> Iterator[tuple[int, str, Any]]:
    """(line or record number, where, parsed record or a problem) of a JSONL or JSON file."""
    lines = iter_jsonl(path)
    first = next(lines, None)
    if first is not None and isinstance(first[1], BadLine) and not first[1].json:
        # Its first line is not JSON: one JSON document (doccano's .json export, an object or
        # a list of them, pretty-printed), or neither.
        text = decode_utf8(read_bytes(path), str(path)).removeprefix("\ufeff")
        try:
            data = json.loads(text)
        except json.JSONDecodeError as exc:
            yield 1, str(path), (f"{path}: neither JSON Lines nor JSON: {exc.msg} at line "
                                 f"{exc.lineno}")
            return
        except RecursionError:
            yield 1, str(path), f"{path}: the JSON is nested too deeply to read"
            return
        for n, rec in enumerate(data if isinstance(data, list) else [data], 1):
            yield n, f"{path}: record {n}", rec
        return
    for n, record in itertools.chain([first] if first else [], lines):
        yield n, f"{path}: line {n}", record.message if isinstance(record, BadLine) else record


def _document(record: Any, where: str, default_id: str, unit: str,
              options: Mapping[str, str]) -> SourceDocument:
    if not isinstance(record, dict):
        return SourceDocument(id="", text="", where=where,
                              problems=[f"{where}: expected a JSON object"])
    text_key = options.get("text_key") or next((k for k in TEXT_KEYS if k in record), None)
    if text_key is None or not isinstance(record.get(text_key), str):
        return SourceDocument(id="", text="", where=where, problems=[
            f"{where}: no text (looked for {', '.join(TEXT_KEYS)}; name it with text_key)"])
    text: str = record[text_key]
    label_key = options.get("label_key") or next((k for k in LABEL_KEYS if k in record), None)
    raw_id = record.get("doc_id", record.get("id"))
    doc_id = sanitize_id(str(raw_id), fallback=default_id) if raw_id not in (None, "") \
        else default_id
    meta = {k: v for k, v in record.items()
            if k not in {text_key, label_key} | OUR_KEYS | DOCCANO_KEYS}
    if isinstance(record.get("meta"), dict):
        meta.update(record["meta"])
    if raw_id not in (None, "") and "doc_id" not in record:
        meta["doccano_id"] = raw_id
    doc = SourceDocument(id=doc_id, text=text, where=where, meta=meta,
                         coder=record.get("coder") if isinstance(record.get("coder"), str)
                         else None)
    umap = Utf16Map(text)

    def convert(value: Any) -> int:
        if not isinstance(value, int) or isinstance(value, bool):
            raise OffsetError(f"offset {value!r} is not a whole number")
        return umap.to_code_point(value) if unit == "utf16" else _check(value, len(text))

    def add_span(key: str, start: Any, end: Any, label: Any) -> None:
        try:
            s, e = convert(start), convert(end)
        except OffsetError as exc:
            doc.problems.append(f"{where}: span {start}-{end} {label!r}: {exc}; not imported")
            return
        if not isinstance(label, str) or s >= e:
            doc.problems.append(f"{where}: span {start}-{end} {label!r} is not a labelled, "
                                "non-empty range; not imported")
            return
        doc.spans.append(SourceSpan(key, s, e, label))

    if label_key is not None and isinstance(record.get(label_key), list):
        for k, item in enumerate(record[label_key], 1):
            if isinstance(item, list) and len(item) == 3:
                add_span(f"l{k}", *item)
            else:
                doc.problems.append(f"{where}: {label_key}[{k - 1}] is not [start, end, label]"
                                    f" (a text classification label?); not imported")
    if isinstance(record.get("entities"), list):
        for k, ent in enumerate(record["entities"], 1):
            if isinstance(ent, dict):
                add_span(str(ent.get("id", f"x{k}")), ent.get("start_offset"),
                         ent.get("end_offset"), ent.get("label"))
    if isinstance(record.get("relations"), list):
        doc.events = relations_to_events(
            [(str(r.get("from_id")), str(r.get("to_id")), r.get("type"))
             for r in record["relations"] if isinstance(r, dict)],
            {s.key for s in doc.spans}, where, doc.problems)
    return doc


def _check(value: int, n: int) -> int:
    if not 0 <= value <= n:
        raise OffsetError(f"offset {value} is outside the text (0..{n})")
    return value


def relations_to_events(relations: list[tuple[str, str, Any]], span_keys: set[str], where: str,
                        problems: list[str]) -> list[SourceEvent]:
    """Events from trigger->argument relations typed ``<event type>:<role>`` (our exports);
    any other relation is reported, as the codebook has no free relations."""
    events: dict[tuple[str, str], SourceEvent] = {}
    for src, dst, rtype in relations:
        if not isinstance(rtype, str) or rtype.count(":") != 1:
            problems.append(f"{where}: relation {rtype!r} ({src} -> {dst}) not imported: only "
                            "'<event type>:<role>' relations become events")
            continue
        if src not in span_keys or dst not in span_keys:
            problems.append(f"{where}: relation {rtype!r} joins a span that was not imported")
            continue
        etype, role = rtype.split(":")
        ev = events.get((src, etype))
        if ev is None:
            ev = events[(src, etype)] = SourceEvent(f"r{len(events) + 1}", etype, trigger=src)
        ev.roles.setdefault(role, []).append(dst)
    return list(events.values())
