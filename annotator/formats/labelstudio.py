"""Label Studio JSON: a list of tasks, offsets in code points (Label Studio's unit since 2022,
CRLF counting two), following its documented task format.

Export: one task per document, ``{"data": {"text", "doc_id", "meta"}, "annotations":
[...]}`` with one annotation per coder; spans are ``labels`` regions (``from_name`` "label",
``to_name`` "text", ``value`` ``{start, end, text, labels}``), events are ``relation`` results
from the trigger region to each argument, labelled ``<event type>:<role>``; an event with no
argument yet is a region of the ``event`` labels on its trigger, labelled with its type. A
matching labeling configuration is written beside the data (``labelstudio-config.xml``).
Sub-types, fields, notes and events without a trigger cannot be expressed (see the card).

Import: ``annotations`` (default) or ``predictions`` (``options["source"]``) of each task; one
coder per import, so a task's first completed annotation is taken and the others reported;
``options["offset_unit"] = "utf16"`` reads exports made before Label Studio counted code points.
A region's text may hold a literal backslash-n for each CR or LF of the document (Label
Studio's editor stores it so): it matches the document once read that way. ``lead_time``
becomes the set's time spent. The JSON_MIN export is read too (each control's regions under
its name); it holds no relations, so events with arguments need the JSON export.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any
from xml.sax.saxutils import quoteattr

from annotator.core.codebook import Codebook
from annotator.core.jsonio import dumps_line
from annotator.core.model import STATUSES, AnnotationSet, Document
from annotator.core.offsets import OffsetError, Utf16Map
from annotator.core.text import sanitize_id
from annotator.formats.doccano import relations_to_events
from annotator.formats.registry import (
    Exporter,
    FileWriter,
    OutputSink,
    SourceDocument,
    SourceSpan,
    append_text,
    pack_text,
)
from annotator.storage.readers import decode_utf8, parse_json_text, read_bytes

FROM_NAME = "label"
EVENT_FROM_NAME = "event"  # the labels of events without arguments (on their trigger)
TO_NAME = "text"


class LabelStudioExporter(Exporter):
    offset_unit = "codepoint"
    notes = ("Offsets are code points (Label Studio since 2022); one task per document, one "
             "annotation per coder; labelstudio-config.xml is the matching labeling config.",
             "Events are relations from the trigger region to each argument, labelled "
             "<event type>:<role>.")

    @classmethod
    def write_shared(cls, sink: OutputSink, codebook: Codebook) -> None:
        sink.write_file("labelstudio-config.xml", labeling_config(codebook).encode("utf-8"))

    def render(self, document: Document, sets: Sequence[AnnotationSet],
               files: FileWriter) -> str:
        # No task "id": Label Studio numbers tasks itself on import.
        task = {
            "data": {"text": document.text, "doc_id": document.id, "meta": document.meta},
            "annotations": [self.annotation(document, a) for a in sets],
            "predictions": [],
        }
        return dumps_line(task).replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")

    def open(self, sink: OutputSink) -> None:
        self._out = sink.stream(f"{self.prefix}labelstudio.json")
        self._out.write("[")
        self._n = 0

    pack = staticmethod(pack_text)

    def write(self, payload: str | bytes) -> None:
        self._n += 1
        self._out.write("\n" if self._n == 1 else ",\n")
        append_text(self._out, payload)

    def annotation(self, document: Document, aset: AnnotationSet) -> dict[str, Any]:
        where = f"{document.id}/{aset.coder}"
        result: list[dict[str, Any]] = []
        spans = sorted(aset.spans, key=lambda s: (s.start, s.end, s.label, s.id))
        for s in spans:
            result.append({"id": s.id, "from_name": FROM_NAME, "to_name": TO_NAME,
                           "type": "labels", "origin": "manual",
                           "value": {"start": s.start, "end": s.end, "text": s.text,
                                     "labels": [s.label]}})
        if any(s.note for s in spans):
            self.losses.add("span notes", where, sum(1 for s in spans if s.note))
        if aset.fields:
            self.losses.add("document fields", where)
        by_id = {s.id: s for s in spans}
        region_ids = set(by_id)
        for e in aset.events:
            trigger = by_id.get(e.trigger)  # type: ignore[arg-type]
            if trigger is None:
                self.losses.add("events without a trigger (relations need one)",
                                f"{where}/{e.id}")
                continue
            if e.subtype or e.fields:
                self.losses.add("event sub-types and fields", f"{where}/{e.id}")
            if not any(e.roles.values()):
                # No argument, so no relation: the event is a region of the "event" labels
                # on its trigger, labelled with its type (read back as the event).
                rid = e.id
                while rid in region_ids:
                    rid += "-event"
                region_ids.add(rid)
                result.append({"id": rid, "from_name": EVENT_FROM_NAME, "to_name": TO_NAME,
                               "type": "labels", "origin": "manual",
                               "value": {"start": trigger.start, "end": trigger.end,
                                         "text": trigger.text, "labels": [e.type]}})
            for role, fillers in e.roles.items():
                for sid in fillers:
                    result.append({"type": "relation", "from_id": e.trigger, "to_id": sid,
                                   "direction": "right", "labels": [f"{e.type}:{role}"]})
        return {"result": result, "was_cancelled": False, "ground_truth": False,
                "lead_time": aset.time_spent_seconds, "created_at": aset.created,
                "updated_at": aset.modified, "coder": aset.coder, "status": aset.status}

    def close(self) -> None:
        self._out.write("\n]\n" if self._n else "]\n")


def labeling_config(cb: Codebook) -> str:
    """The Label Studio labeling configuration (XML) that matches an export."""
    lines = ["<View>", "  <Relations>"]
    for et in cb.event_types:
        for rid in et.roles:
            lines.append(f"    <Relation value={quoteattr(f'{et.id}:{rid}')}/>")
    lines += ["  </Relations>", f'  <Labels name="{FROM_NAME}" toName="{TO_NAME}">']
    for lab in cb.span_labels:
        lines.append(f"    <Label value={quoteattr(lab.id)} background={quoteattr(lab.color)}/>")
    lines += ["  </Labels>", f'  <Labels name="{EVENT_FROM_NAME}" toName="{TO_NAME}">']
    lines += [f"    <Label value={quoteattr(et.id)}/>" for et in cb.event_types]
    lines += ["  </Labels>", f'  <Text name="{TO_NAME}" value="$text"/>', "</View>"]
    return "\n".join(lines) + "\n"


# -- import -----------------------------------------------------------------------------------
def read_labelstudio(paths: Sequence[Path], options: Mapping[str, str]
                     ) -> Iterator[SourceDocument]:
    source = options.get("source", "annotations")
    if source not in ("annotations", "predictions"):
        raise ValueError(f"source must be annotations or predictions, not {source!r}")
    unit = options.get("offset_unit", "codepoint")
    for path in paths:
        data = parse_json_text(decode_utf8(read_bytes(path), str(path)), str(path))
        tasks = data if isinstance(data, list) else [data]
        stem = sanitize_id(path.stem, fallback="labelstudio")
        for n, task in enumerate(tasks, 1):
            where = f"{path}: task {n}"
            yield _document(task, where, stem, n, source, unit, options)


def _document(task: Any, where: str, stem: str, n: int, source: str, unit: str,
              options: Mapping[str, str]) -> SourceDocument:
    def broken(problem: str) -> SourceDocument:
        return SourceDocument(id="", text="", where=where, problems=[f"{where}: {problem}"])

    if isinstance(task, dict) and not isinstance(task.get("data"), dict):
        task = _from_json_min(task)
    if not isinstance(task, dict) or not isinstance(task.get("data"), dict):
        return broken("not a Label Studio task (no 'data' object); export the project from "
                      "Label Studio as JSON (or JSON_MIN)")
    data = task["data"]
    key = options.get("text_key") or ("text" if "text" in data else next(
        (k for k, v in data.items() if isinstance(v, str) and k != "doc_id"), None))
    if key is None or not isinstance(data.get(key), str):
        return broken("no text in 'data' (name its key with text_key)")
    text: str = data[key]
    raw_id = data.get("doc_id") or task.get("id")
    doc_id = sanitize_id(str(raw_id), fallback=f"{stem}-{n:04d}") if raw_id not in (None, "") \
        else f"{stem}-{n:04d}"
    meta = dict(data["meta"]) if isinstance(data.get("meta"), dict) else {}
    meta.update({k: v for k, v in data.items() if k not in (key, "doc_id", "meta")})
    if "doc_id" not in data and task.get("id") is not None:
        meta["labelstudio_task_id"] = task["id"]
    doc = SourceDocument(id=doc_id, text=text, where=where, meta=meta)
    raw_items = task.get(source) or []
    if not isinstance(raw_items, list):
        return broken(f"'{source}' must be a list, not {type(raw_items).__name__}")
    items = [a for a in raw_items if isinstance(a, dict) and not a.get("was_cancelled")]
    if not items:
        return doc  # the document alone: no annotations of that kind
    if len(items) > 1:
        doc.problems.append(f"{where}: {len(items) - 1} more {source} not imported (one coder "
                            "per import; import them again under another coder name)")
    chosen = items[0]
    if isinstance(chosen.get("coder"), str):
        doc.coder = chosen["coder"]
    lead_time = chosen.get("lead_time")
    if isinstance(lead_time, int | float) and not isinstance(lead_time, bool) \
            and 0 <= lead_time < float("inf"):
        doc.time_spent_seconds = float(lead_time)
    if chosen.get("status") in STATUSES:
        doc.status = chosen["status"]
    umap = Utf16Map(text) if unit == "utf16" else None
    relations: list[tuple[str, str, Any]] = []
    results = chosen.get("result") or []
    if not isinstance(results, list):
        doc.problems.append(f"{where}: 'result' must be a list, not {type(results).__name__}; "
                            "its annotations were not imported")
        results = []
    for k, r in enumerate(results, 1):
        if not isinstance(r, dict):
            continue
        rtype = r.get("type")
        if rtype == "relation":
            labels = r.get("labels") or [None]
            relations += [(str(r.get("from_id")), str(r.get("to_id")), lab) for lab in labels]
            continue
        value: dict[str, Any] = r["value"] if isinstance(r.get("value"), dict) else {}
        if rtype not in ("labels", "hypertextlabels") or "start" not in value:
            doc.problems.append(f"{where}: result {k} of type {rtype!r} not imported (only "
                                "labelled text regions and relations are)")
            continue
        raw_start, raw_end = value.get("start"), value.get("end")
        try:
            if not (isinstance(raw_start, int) and isinstance(raw_end, int)) \
                    or isinstance(raw_start, bool) or isinstance(raw_end, bool):
                raise OffsetError(f"offsets {raw_start!r}-{raw_end!r} are not whole numbers "
                                  "(an HTML region?)")
            start, end = raw_start, raw_end
            if umap is not None:
                start, end = umap.to_code_point(start), umap.to_code_point(end)
        except OffsetError as exc:
            doc.problems.append(f"{where}: region {r.get('id')}: {exc}; not imported")
            continue
        labels = [lab for lab in value.get(rtype) or value.get("labels") or []
                  if isinstance(lab, str)]
        if not labels:
            doc.problems.append(f"{where}: region {r.get('id')} has no label; not imported")
        shown = value.get("text") if isinstance(value.get("text"), str) else None
        if shown is not None and shown != text[start:end] \
                and shown == _escaped_line_breaks(text[start:end]):
            shown = text[start:end]  # Label Studio's way of storing CR and LF in region text
        for i, lab in enumerate(labels):
            rid = str(r.get("id", f"r{k}"))
            doc.spans.append(SourceSpan(rid if i == 0 else f"{rid}-{i + 1}", start, end, lab,
                                        shown))
    if relations:
        doc.events = relations_to_events(relations, {s.key for s in doc.spans}, where,
                                         doc.problems)
    return doc



def _escaped_line_breaks(text: str) -> str:
    """A region's text as Label Studio stores it: a literal backslash-n for each CR and each
    LF (its offsets still count the CR and LF themselves)."""
    return text.replace("\r", "\\n").replace("\n", "\\n")


# Keys of a JSON_MIN record that are Label Studio's bookkeeping, not task data.
_JSON_MIN_KEYS = frozenset({"id", "annotator", "annotation_id", "created_at", "updated_at",
                            "lead_time"})


def _region_values(value: Any) -> list[dict[str, Any]] | None:
    """The region values a JSON_MIN key holds (one, or a list), or None if it holds data."""
    items = value if isinstance(value, list) else [value]
    if items and all(isinstance(v, dict) and "start" in v and "end" in v for v in items):
        return items
    return None


def _from_json_min(record: dict[str, Any]) -> dict[str, Any]:
    """A record of Label Studio's JSON_MIN export (one per annotation: the task's data, each
    control's regions under its name, ``lead_time``...) in the shape of a task of its JSON
    export; a dict that is neither comes back as it was. JSON_MIN has no relations: events
    with arguments need the JSON export."""
    if not (_JSON_MIN_KEYS - {"id"}) & set(record) or "annotations" in record \
            or "predictions" in record:
        return record  # (a doccano record, say: it must not pass for a task without regions)
    data: dict[str, Any] = {}
    results: list[dict[str, Any]] = []
    for key, value in record.items():
        if key in _JSON_MIN_KEYS:
            continue
        regions = _region_values(value)
        if regions is None:
            data[key] = value
            continue
        for i, region in enumerate(regions, 1):
            kind = next((k for k, v in region.items() if k != "text" and isinstance(v, list)),
                        "labels")
            results.append({"id": f"{key}-{i}", "from_name": key, "to_name": TO_NAME,
                            "type": kind, "value": region})
    annotation = {"result": results, "lead_time": record.get("lead_time"),
                  "created_at": record.get("created_at"), "updated_at": record.get("updated_at")}
    return {"id": record.get("id"), "data": data, "annotations": [annotation]}
