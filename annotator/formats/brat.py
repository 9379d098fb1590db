"""brat standoff: ``<doc>.txt`` with the exact text and ``<doc>.ann`` with T, E, A and # lines.

Export layout: ``<coder>/<document id>.txt|.ann`` (inside ``train/`` etc. when split), and one
``annotation.conf`` at the top generated from the codebook, which brat finds by walking up the
folders. Offsets are code points (brat's Python server counts them so).

How our data maps onto brat's:

- a span -> ``T<n>\\t<label> <start> <end>\\t<text>``; a span crossing a line break is written
  as fragments split at the break (``0 5;6 10``), which brat needs, and read back as one span;
- an event -> ``E<n>\\t<type>:T<trigger> <role>:T<k> <role>2:T<m>``; brat types a trigger with
  its event type, so a trigger span is written as ``T<n>\\t<event type> ...`` (one per event
  type it triggers) and read back as a span with the codebook's trigger label;
- sub-type, single-choice and true/false fields -> ``A<n>\\t<field> E<k> <value>``; other fields
  (dates, counts, text, lists) -> one ``#<n>\\tAnnotatorNotes E<k>\\tfields: {json}`` line;
- a span note -> ``#<n>\\tAnnotatorNotes T<k>\\t<note>``.

Not expressible (counted in the dataset card): events without a trigger, document fields,
line breaks inside notes. Import reads real brat data: discontinuous spans, relations (R),
equivalences (*), normalisations (N) and attributes on spans are reported, never dropped
silently. Read back in another form (told as notices on import, nothing lost): a note of
another type than AnnotatorNotes (``#1 Lemma T1 ...``) keeps its type in the note's text
(``Lemma: ...``) and is exported as an AnnotatorNotes note; a binary attribute written without
a value (``M1 Negation E7``) is true, and is exported as ``A1 Negation E7 true``.
"""

from __future__ import annotations

import json
import os
import re
from collections.abc import Iterator, Mapping, Sequence
from itertools import pairwise
from pathlib import Path
from typing import Any

from annotator.core.codebook import Codebook
from annotator.core.model import AnnotationSet, Document, Span
from annotator.core.text import sanitize_id
from annotator.formats.registry import (
    Exporter,
    FileWriter,
    Losses,
    OutputSink,
    SourceDocument,
    SourceEvent,
    SourceSpan,
)
from annotator.storage.readers import decode_utf8, read_bytes

FIELDS_NOTE = "fields: "
NOTES_TYPE = "AnnotatorNotes"  # the note type brat's editor writes
# Every character str.splitlines breaks at: brat's server reads .ann files line by line that way.
_LINE_BREAK = re.compile("\r\n|[\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029]")
_SIMPLE_VALUE = re.compile(r"^[^\s|]+$")
# json.dumps(value, ensure_ascii=False, sort_keys=True), without making an encoder per call.
_fields_json = json.JSONEncoder(ensure_ascii=False, sort_keys=True).encode


def _fragments(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """``[start, end)`` cut at line breaks (brat cannot show a fragment across lines)."""
    frags: list[tuple[int, int]] = []
    pos = start
    for m in _LINE_BREAK.finditer(text, start, end):
        if m.start() > pos:
            frags.append((pos, m.start()))
        pos = m.end()
    if pos < end:
        frags.append((pos, end))
    return frags  # empty: the span holds line breaks only


class BratExporter(Exporter):
    offset_unit = "codepoint"
    notes = ("One <coder>/<document>.txt and .ann per annotation set; annotation.conf at the top.",
             "Trigger spans carry their event's type (brat's convention); sub-types and simple "
             "fields are attributes, other fields a 'fields: {json}' note on the event.")

    def __init__(self, codebook: Codebook, losses: Losses, prefix: str = "") -> None:
        super().__init__(codebook, losses, prefix)
        self._enums: dict[tuple[str, str], bool] = {}

    @classmethod
    def write_shared(cls, sink: OutputSink, codebook: Codebook) -> None:
        sink.write_file("annotation.conf", annotation_conf(codebook).encode("utf-8"))

    def open(self, sink: OutputSink) -> None:
        if self.prefix:  # every part of a split has its folder, even an empty one
            sink.folder(self.prefix.rstrip("/"))

    def render(self, document: Document, sets: Sequence[AnnotationSet],
               files: FileWriter) -> None:
        for aset in sets:
            base = f"{self.prefix}{aset.coder}/{document.id}"
            files.write_file(base + ".txt", document.text.encode("utf-8"))
            files.write_file(base + ".ann", self.ann(document, aset).encode("utf-8"))

    def ann(self, document: Document, aset: AnnotationSet) -> str:
        text = document.text
        where = f"{document.id}/{aset.coder}"
        cb = self.codebook
        lines: list[str] = []
        notes: list[tuple[str, str]] = []
        tid: dict[tuple[str, str | None], str] = {}  # (span id, event type or None) -> T id
        spans = {s.id: s for s in aset.spans}
        trigger_types: dict[str, list[str]] = {}
        for e in aset.events:
            if e.trigger in spans:
                types = trigger_types.setdefault(e.trigger, [])
                if e.type not in types:
                    types.append(e.type)
        trigger_labels = cb.trigger_labels
        has_break = _LINE_BREAK.search

        for span in sorted(aset.spans, key=_span_order):
            start, end = span.start, span.end
            # "<offsets>\t<text>" of the T line: one fragment unless a line break is inside.
            if has_break(text, start, end) is None:
                place = f"{start} {end}\t{text[start:end]}" if start < end else ""
            else:
                frags = _fragments(text, start, end)
                place = (";".join(f"{s} {e}" for s, e in frags) + "\t"
                         + " ".join(text[s:e] for s, e in frags)) if frags else ""
            if not place:
                self.losses.add("spans of line breaks only (brat cannot show them)",
                                f"{where}/{span.id}")
                continue
            types = trigger_types.get(span.id, [])
            if not types or span.label not in trigger_labels:
                n = f"T{len(tid) + 1}"
                lines.append(f"{n}\t{span.label} {place}")
                tid[(span.id, None)] = n
                if types:
                    self.losses.add("trigger spans with a non-trigger label (brat adds a "
                                    "trigger of the event type at the same place)", where)
            for type_ in types:
                n = f"T{len(tid) + 1}"
                lines.append(f"{n}\t{type_} {place}")
                tid[(span.id, type_)] = n
            if span.note:
                first = tid.get((span.id, None))
                if first is None:
                    # brat refuses a document where a note points at a trigger (its
                    # TriggerReferenceError): the note goes on an entity line of the span's
                    # own label at the same place, read back as the same span.
                    first = tid[(span.id, None)] = f"T{len(tid) + 1}"
                    lines.append(f"{first}\t{span.label} {place}")
                notes.append((first, self._one_line(span.note, where)))
        attrs: list[str] = []
        any_tid = {sid: v for (sid, _), v in reversed(list(tid.items()))}
        for k, e in enumerate(aset.events, 1):
            if (e.trigger, e.type) not in tid:
                self.losses.add("events without a trigger brat can show (it needs one)",
                                f"{where}/{e.id}")
                continue
            eid = f"E{k}"
            args = [f"{e.type}:{tid[(e.trigger, e.type)]}"]  # type: ignore[index]
            for role, fillers in e.roles.items():
                shown = [tid.get((sid, None)) or any_tid.get(sid) for sid in fillers]
                if None in shown:
                    self.losses.add("event arguments that are line breaks only",
                                    f"{where}/{e.id}")
                for i, target in enumerate((t for t in shown if t), 1):
                    args.append(f"{role}{i if i > 1 else ''}:{target}")
            lines.append(f"{eid}\t{' '.join(args)}")
            if e.subtype:
                attrs.append(f"subtype {eid} {e.subtype}")
            rest = {}
            for fid, value in e.fields.items():
                if isinstance(value, bool):
                    attrs.append(f"{fid} {eid} {'true' if value else 'false'}")
                elif isinstance(value, str) and self._is_enum(e.type, fid) \
                        and _SIMPLE_VALUE.match(value):
                    attrs.append(f"{fid} {eid} {value}")
                else:
                    rest[fid] = value
            if rest:
                notes.append((eid, FIELDS_NOTE + _fields_json(rest)))
        if aset.fields:
            self.losses.add("document fields (brat has no place for them)", where)
        lines += [f"A{i}\t{a}" for i, a in enumerate(attrs, 1)]
        lines += [f"#{i}\tAnnotatorNotes {target}\t{note}"
                  for i, (target, note) in enumerate(notes, 1)]
        return "\n".join(lines) + "\n" if lines else ""

    def _is_enum(self, type_id: str, field_id: str) -> bool:
        """``_is_enum`` for this exporter's codebook, remembered per (type, field)."""
        hit = self._enums.get((type_id, field_id))
        if hit is None:
            hit = self._enums[(type_id, field_id)] = _is_enum(self.codebook, type_id, field_id)
        return hit

    def _one_line(self, note: str, where: str) -> str:
        flat = " ".join(note.splitlines())
        if flat != note:
            self.losses.add("line breaks in notes (brat notes are one line)", where)
        return flat


def _span_order(s: Span) -> tuple[int, int, str, str]:
    return (s.start, s.end, s.label, s.id)


def _is_enum(cb: Codebook, type_id: str, field_id: str) -> bool:
    fd = cb.field_for(type_id, field_id)
    return fd is not None and fd.type == "enum" and not fd.multiple


def annotation_conf(cb: Codebook) -> str:
    """brat's collection configuration for the codebook, so the export opens in brat."""
    lines = [f"# annotation.conf for codebook {cb.id} {cb.version}, written by annotator", "",
             "[entities]", ""]
    lines += [lab.id for lab in cb.span_labels]
    lines += ["", "[relations]", "",
              "<OVERLAP>\tArg1:<ENTITY>, Arg2:<ENTITY>, <OVL-TYPE>:<ANY>", "", "[events]", ""]
    for et in cb.event_types:
        args = []
        for rid in et.roles:
            r = cb.role(rid)
            if r is not None:
                args.append(f"{rid}{'?' if r.max == 1 else '*'}:{'|'.join(r.labels)}")
        lines.append(f"{et.id}\t{', '.join(args)}" if args else et.id)
    lines += ["", "[attributes]", ""]
    subtypes = list(dict.fromkeys(s.id for et in cb.event_types for s in et.subtypes))
    if subtypes:
        lines.append(f"subtype\tArg:<EVENT>, Value:{'|'.join(subtypes)}")
    seen = {"subtype"}
    for fd in (*cb.event_fields, *(f for et in cb.event_types for f in et.fields)):
        if fd.id in seen:
            continue
        seen.add(fd.id)
        if fd.type == "boolean":
            lines.append(f"{fd.id}\tArg:<EVENT>, Value:true|false")
        elif fd.type == "enum" and not fd.multiple:
            values = [o.id for o in fd.options if _SIMPLE_VALUE.match(o.id)]
            lines.append(f"{fd.id}\tArg:<EVENT>, Value:{'|'.join(values)}")
    return "\n".join(lines) + "\n"


# -- import -----------------------------------------------------------------------------------
def read_brat(paths: Sequence[Path], options: Mapping[str, str]) -> Iterator[SourceDocument]:
    """Every ``.ann`` (with its ``.txt``) in the given files and folders, sorted."""
    for ann in _ann_files(paths):
        txt = ann.with_suffix(".txt")
        where = str(ann)
        if not txt.is_file():
            yield SourceDocument(id="", text="", where=where,
                                 problems=[f"{ann}: no {txt.name} beside it"])
            continue
        # brat reads the text undecoded by newline rules: CRLF counts two, a BOM counts one.
        text = decode_utf8(read_bytes(txt), str(txt))
        ann_text = decode_utf8(read_bytes(ann), where).removeprefix("\ufeff")
        yield parse_ann(ann_text, text, sanitize_id(ann.stem, fallback="doc"), where)


def _ann_files(paths: Sequence[Path]) -> list[Path]:
    found: list[Path] = []
    for p in map(Path, paths):
        if p.is_dir():
            for root, dirs, names in os.walk(p):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                found += [Path(root, n) for n in sorted(names)
                          if n.endswith(".ann") and not n.startswith(".")]
        elif p.suffix == ".txt":
            found.append(p.with_suffix(".ann"))
        else:
            found.append(p)
    return found


def parse_ann(ann: str, text: str, doc_id: str, where: str) -> SourceDocument:
    doc = SourceDocument(id=doc_id, text=text, where=where)
    spans: dict[str, SourceSpan] = {}
    events: dict[str, SourceEvent] = {}
    problem = doc.problems.append
    later: list[tuple[int, str, str]] = []  # A/M and # lines need the T and E lines first
    for n, raw in enumerate(ann.split("\n"), 1):
        line = raw.rstrip("\r")
        if not line.strip():
            continue
        ident, _, rest = line.partition("\t")
        at = f"{where}: line {n}"
        kind = ident[:1]
        if kind == "T":
            span = _t_line(ident, rest, text, at, problem)
            if span is not None:
                spans[ident] = span
        elif kind == "E":
            ev = _e_line(ident, rest, at, problem)
            if ev is not None:
                events[ident] = ev
        elif kind in ("A", "M", "#"):
            later.append((n, ident, rest))
        elif kind == "R":
            problem(f"{at}: relation {ident} ({rest.split(' ')[0]}) not imported: the codebook "
                    "has events, not relations")
        elif kind == "*":
            problem(f"{at}: equivalence {rest!r} not imported")
        elif kind == "N":
            problem(f"{at}: normalisation {ident} not imported")
        else:
            problem(f"{at}: unknown brat line {line[:40]!r} not imported")
    value_less: list[str] = []  # binary attributes: brat writes no value when true
    for n, ident, rest in later:
        at = f"{where}: line {n}"
        if ident.startswith("#"):
            _note(rest, spans, events, at, problem, doc.notices.append)
        elif _attribute(ident, rest, spans, events, at, problem):
            value_less.append(f"{ident} {' '.join(rest.split())}")
    if value_less:
        doc.notices.append(
            f"{where}: attribute(s) without a value ({', '.join(value_less)}) read as true "
            "(brat's binary attributes); a brat export writes them with the value 'true'")
    for eid, ev in list(events.items()):
        bad = [k for k in [ev.trigger, *(x for v in ev.roles.values() for x in v)]
               if k not in spans]
        if bad:
            kinds = "an event" if any(k in events for k in bad) else "missing"
            problem(f"{where}: event {eid}: argument(s) {', '.join(map(str, bad))} "
                    f"{'are events' if kinds == 'an event' else 'are not text spans here'}; "
                    "annotator roles hold spans, so those arguments were not imported")
            ev.roles = {r: [k for k in v if k in spans] for r, v in ev.roles.items()}
            ev.roles = {r: v for r, v in ev.roles.items() if v}
            if ev.trigger not in spans:
                del events[eid]
    doc.spans = list(spans.values())
    doc.events = list(events.values())
    return doc


def _t_line(ident: str, rest: str, text: str, at: str, problem: Any) -> SourceSpan | None:
    head, _, shown = rest.partition("\t")
    type_, _, offs = head.partition(" ")
    try:
        frags = [tuple(int(x) for x in part.split()) for part in offs.split(";")]
        if any(len(f) != 2 for f in frags):
            raise ValueError
    except ValueError:
        problem(f"{at}: {ident}: cannot read the offsets {offs!r}; not imported")
        return None
    for s, e in frags:
        if not 0 <= s <= e <= len(text):
            problem(f"{at}: {ident}: offsets {s}-{e} are outside the text ({len(text)} "
                    "characters); not imported")
            return None
    if " ".join(text[s:e] for s, e in frags) != shown:
        problem(f"{at}: {ident}: its text {shown!r} differs from the document at {offs} "
                f"({' '.join(text[s:e] for s, e in frags)!r}); not imported (never shifted)")
        return None
    for (_, e1), (s2, _) in pairwise(frags):
        if s2 < e1 or text[e1:s2].strip():
            problem(f"{at}: {ident}: a discontinuous span ({offs}); annotator spans are "
                    "contiguous, so it was not imported")
            return None
    start, end = frags[0][0], frags[-1][1]
    return SourceSpan(ident, start, end, type_, text[start:end])


def _e_line(ident: str, rest: str, at: str, problem: Any) -> SourceEvent | None:
    parts = rest.split()
    if not parts or ":" not in parts[0]:
        problem(f"{at}: {ident}: no TYPE:TRIGGER; not imported")
        return None
    type_, _, trigger = parts[0].partition(":")
    ev = SourceEvent(ident, type_, trigger=trigger)
    for arg in parts[1:]:
        role, _, target = arg.partition(":")
        ev.roles.setdefault(role, []).append(target)
    return ev


def _attribute(ident: str, rest: str, spans: dict[str, SourceSpan],
               events: dict[str, SourceEvent], at: str, problem: Any) -> bool:
    """Read an A (or M) line into its event; True when it was a binary attribute written
    without a value (read as true)."""
    parts = rest.split()
    if len(parts) < 2:
        problem(f"{at}: {ident}: cannot read {rest!r}; not imported")
        return False
    name, target, value = parts[0], parts[1], (parts[2] if len(parts) > 2 else None)
    ev = events.get(target)
    if ev is None:
        what = "a span" if target in spans else "nothing imported"
        problem(f"{at}: {ident}: attribute {name} of {target} ({what}) not imported: "
                "annotator spans have no attributes")
        return False
    if name == "subtype":
        ev.subtype = value
    elif value is None or value in ("true", "false"):
        ev.fields[name] = value != "false"  # a binary brat attribute is true when present
    else:
        ev.fields[name] = value
    return value is None and name != "subtype"


def _note(rest: str, spans: dict[str, SourceSpan], events: dict[str, SourceEvent], at: str,
          problem: Any, notice: Any) -> None:
    head, _, note = rest.partition("\t")
    kind, _, target = head.partition(" ")
    if kind != NOTES_TYPE and (target in spans or target in events):
        # Our notes have no type: the type stays in the text, and the user is told.
        note = f"{kind}: {note}"
        notice(f"{at}: the {kind} note of {target} is kept as the note {note[:40]!r} "
               f"(annotator notes have no type; a brat export writes it as {NOTES_TYPE})")
    if target in spans:
        span = spans[target]
        span.note = f"{span.note}\n{note}" if span.note else note
    elif target in events and note.startswith(FIELDS_NOTE):
        try:
            fields = json.loads(note[len(FIELDS_NOTE):])
            if not isinstance(fields, dict):
                raise ValueError
        except (ValueError, RecursionError):
            problem(f"{at}: the fields note of {target} is not a JSON object; not imported")
            return
        events[target].fields.update(fields)
    elif target in events:
        ev = events[target]
        ev.fields["notes"] = f"{ev.fields['notes']}\n{note}" if ev.fields.get("notes") else note
    else:
        problem(f"{at}: note on {target or '?'} ({kind}) not imported")

