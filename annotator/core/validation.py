"""Validation of annotation data: structure (JSON Schema) plus what a schema cannot express.

Returns a list of ``Issue`` (severity, where, message); it never raises on bad data. Severities:
``error`` (the file is wrong), ``warning`` (suspicious but usable) and ``todo`` (something the
codebook requires that is still missing; it becomes an error once the status is ``done``).
"""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass
from typing import Any

from annotator.core.codebook import Codebook
from annotator.core.model import FORMAT_VERSION, AnnotationSet, Document
from annotator.core.schemas import compiled_annotation_schema
from annotator.core.values import check_value, is_empty

ERROR, WARNING, TODO = "error", "warning", "todo"


@dataclass(frozen=True)
class Issue:
    severity: str
    where: str  # JSON path, e.g. $.events[2].roles.actor1
    message: str
    ref: str = ""  # id of the span or event concerned, for jumping to it

    def to_dict(self) -> dict[str, str]:
        d = {"severity": self.severity, "where": self.where, "message": self.message}
        if self.ref:
            d["ref"] = self.ref
        return d

    def __str__(self) -> str:
        return f"{self.severity}: {self.where}: {self.message}"


def has_errors(issues: list[Issue]) -> bool:
    return any(i.severity == ERROR for i in issues)


def validate_annotation_set(aset: AnnotationSet, document: Document | None,
                            codebook: Codebook | None) -> list[Issue]:
    return validate_annotation_data(aset.to_dict(), document=document, codebook=codebook)


def validate_annotation_data(data: Any, *, document: Document | None = None,
                             codebook: Codebook | None = None) -> list[Issue]:
    """Every problem of one annotation file's parsed JSON, against its document and codebook."""
    return structural_issues(data) or _semantic(data, document, codebook)


def semantic_issues(data: dict[str, Any], *, document: Document | None = None,
                    codebook: Codebook | None = None) -> list[Issue]:
    """The rest of ``validate_annotation_data``, for data ``structural_issues`` passed (so a
    caller that checked structure first does not pay for it twice)."""
    return _semantic(data, document, codebook)


def structural_issues(data: Any) -> list[Issue]:
    """Problems of shape (the generic JSON Schema, format version): such data cannot be used."""
    if not isinstance(data, dict):
        return [Issue(ERROR, "$", "an annotation file must hold a JSON object")]
    version = data.get("format_version")
    if isinstance(version, int) and not isinstance(version, bool) and version > FORMAT_VERSION:
        return [Issue(ERROR, "$.format_version",
                      f"written by a newer annotator (format {version}; this one reads up to "
                      f"{FORMAT_VERSION}): update annotator to open it")]
    compiled = compiled_annotation_schema(None)
    if not compiled.is_valid(data):
        issues = [Issue(ERROR, path, msg) for path, msg in compiled.errors(data)]
        if issues:  # none when only the fast validator objects (NaN): _beyond_schema explains
            return issues
    return _beyond_schema(data)


def _beyond_schema(data: dict[str, Any]) -> list[Issue]:
    """Shape rules JSON Schema cannot state: it counts 1.0 as an integer (offsets then break
    slicing), and Python's JSON reader accepts NaN, Infinity and integers no float can hold."""
    issues: list[Issue] = []
    for i, s in enumerate(data["spans"]):
        for key in ("start", "end"):
            if not isinstance(s[key], int):
                issues.append(Issue(ERROR, f"$.spans[{i}].{key}",
                                    f"{key} must be a whole number without a decimal point, "
                                    f"not {s[key]!r}"))
    spent = data.get("time_spent_seconds")
    if spent is not None:
        try:
            finite = math.isfinite(float(spent))
        except OverflowError:
            finite = False
        if not finite:
            issues.append(Issue(ERROR, "$.time_spent_seconds",
                                "time spent must be a finite number of seconds"))
    return issues


def _semantic(data: dict[str, Any], document: Document | None,
              cb: Codebook | None) -> list[Issue]:
    issues: list[Issue] = []
    add = issues.append
    done = data["status"] == "done"
    need = ERROR if done else TODO
    text = document.text if document is not None else None

    if document is not None:
        if data["document"]["id"] != document.id:
            add(Issue(ERROR, "$.document.id",
                      f"belongs to document {data['document']['id']!r}, not {document.id!r}"))
        if data["document"]["sha256"] != document.sha256:
            add(Issue(ERROR, "$.document.sha256",
                      "the document text has changed since this file was made (SHA-256 differs):"
                      " offsets may point at the wrong text"))
            text = None  # offsets cannot be trusted against this text
    if cb is not None:
        ref = data["codebook"]
        if ref["id"] != cb.id:
            add(Issue(ERROR, "$.codebook.id",
                      f"made with codebook {ref['id']!r}, the project uses {cb.id!r}"))
        elif ref["version"] != cb.version or ref["sha256"] != cb.sha256:
            add(Issue(WARNING, "$.codebook",
                      f"made with codebook version {ref['version']} "
                      f"({ref['sha256'][:8]}), the project now uses {cb.version} "
                      f"({cb.sha256[:8]})"))

    ids: Counter[str] = Counter()
    spans: dict[str, dict[str, Any]] = {}
    seen_ranges: dict[tuple[int, int, str], str] = {}
    n = len(text) if text is not None else None
    for i, s in enumerate(data["spans"]):
        where = f"$.spans[{i}]"
        sid = s["id"]
        ids[sid] += 1
        spans[sid] = s
        start, end = s["start"], s["end"]
        if start >= end:
            add(Issue(ERROR, where, f"span {sid}: start {start} is not before end {end}", sid))
        elif n is not None:
            if end > n:
                add(Issue(ERROR, where,
                          f"span {sid}: end {end} is past the end of the text ({n} characters)",
                          sid))
            elif text[start:end] != s["text"]:  # type: ignore[index]
                add(Issue(ERROR, where + ".text",
                          f"span {sid}: its text {s['text']!r} differs from the document at "
                          f"{start}-{end} ({text[start:end]!r})", sid))  # type: ignore[index]
        if cb is not None and cb.label(s["label"]) is None:
            add(Issue(ERROR, where + ".label", f"span {sid}: unknown label {s['label']!r}", sid))
        key = (start, end, s["label"])
        if key in seen_ranges:
            add(Issue(WARNING, where, f"span {sid} duplicates span {seen_ranges[key]} "
                                      f"(same range and label)", sid))
        else:
            seen_ranges[key] = sid

    for i, e in enumerate(data["events"]):
        ids[e["id"]] += 1
        issues += _check_event(i, e, spans, cb, need)

    for ident, count in ids.items():
        if count > 1:
            add(Issue(ERROR, "$", f"id {ident!r} is used {count} times; ids must be unique",
                      ident))

    if cb is not None:
        fields = data["fields"]
        for fid, value in fields.items():
            fd = cb.document_field(fid)
            if fd is None:
                add(Issue(ERROR, f"$.fields.{fid}", f"unknown document field {fid!r}"))
            else:
                bad = check_value(fd, value)
                if bad:
                    add(Issue(ERROR, f"$.fields.{fid}", f"{fd.name}: {bad}"))
        for fd in cb.document_fields:
            if fd.required and is_empty(fields.get(fd.id)):
                add(Issue(need, f"$.fields.{fd.id}", f"document field {fd.name!r} is required"))
    return issues


def _check_event(i: int, e: dict[str, Any], spans: dict[str, dict[str, Any]],
                 cb: Codebook | None, need: str) -> list[Issue]:
    issues: list[Issue] = []
    add = issues.append
    eid = e["id"]
    where = f"$.events[{i}]"
    name = f"event {eid}"
    trig = e.get("trigger")
    if trig is not None and trig not in spans:
        add(Issue(ERROR, where + ".trigger", f"{name}: trigger {trig!r} is not a span", eid))
    for role, fillers in e["roles"].items():
        for sid in fillers:
            if sid not in spans:
                add(Issue(ERROR, f"{where}.roles.{role}",
                          f"{name}: role {role!r} refers to missing span {sid!r}", eid))
    if cb is None:
        return issues
    et = cb.event_type(e["type"])
    if et is None:
        add(Issue(ERROR, where + ".type", f"{name}: unknown event type {e['type']!r}", eid))
        return issues
    name = f"event {eid} ({et.name})"
    sub = e.get("subtype")
    if sub is None:
        if et.subtypes:
            add(Issue(need, where + ".subtype", f"{name}: choose a sub-type", eid))
    elif et.subtype(sub) is None:
        add(Issue(ERROR, where + ".subtype", f"{name}: unknown sub-type {sub!r}", eid))
    if trig is None:
        if cb.trigger_required:
            add(Issue(need, where + ".trigger", f"{name}: mark its trigger", eid))
    elif trig in spans and cb.trigger_labels and spans[trig]["label"] not in cb.trigger_labels:
        add(Issue(ERROR, where + ".trigger",
                  f"{name}: the trigger must be labelled {' or '.join(cb.trigger_labels)}, "
                  f"not {spans[trig]['label']}", eid))
    for role, fillers in e["roles"].items():
        rd = cb.role(role)
        if rd is None or role not in et.roles:
            add(Issue(ERROR, f"{where}.roles.{role}",
                      f"{name}: role {role!r} is not a role of this event type", eid))
            continue
        if rd.max is not None and len(fillers) > rd.max:
            add(Issue(ERROR, f"{where}.roles.{role}",
                      f"{name}: {rd.name} takes at most {rd.max} span(s), has {len(fillers)}",
                      eid))
        for sid in fillers:
            span = spans.get(sid)
            if span is not None and span["label"] not in rd.labels:
                add(Issue(ERROR, f"{where}.roles.{role}",
                          f"{name}: {rd.name} must be a {' or '.join(rd.labels)} span; "
                          f"span {sid} is {span['label']}", eid))
    for fid, value in e["fields"].items():
        fd = cb.field_for(et.id, fid)
        if fd is None:
            add(Issue(ERROR, f"{where}.fields.{fid}",
                      f"{name}: unknown field {fid!r} for this event type", eid))
            continue
        bad = check_value(fd, value)
        if bad:
            add(Issue(ERROR, f"{where}.fields.{fid}", f"{name}: {fd.name}: {bad}", eid))
    st_id = sub if (sub is not None and et.subtype(sub) is not None) else None
    for role in cb.required_roles(et.id, st_id):
        if not e["roles"].get(role):
            rd = cb.role(role)
            add(Issue(need, f"{where}.roles.{role}",
                      f"{name}: role {rd.name if rd else role} is required", eid))
    for fid in cb.required_fields(et.id, st_id):
        if is_empty(e["fields"].get(fid)):
            fd = cb.field_for(et.id, fid)
            add(Issue(need, f"{where}.fields.{fid}",
                      f"{name}: field {fd.name if fd else fid} is required", eid))
    return issues
