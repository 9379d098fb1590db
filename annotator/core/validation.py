"""Validation of annotation data: structure (JSON Schema) plus what a schema cannot express.

Returns a list of ``Issue`` (severity, where, message); it never raises on bad data. Severities:
``error`` (the file is wrong), ``warning`` (suspicious but usable) and ``todo`` (something the
codebook requires that is still missing; it becomes an error once the status is ``done``).
"""

from __future__ import annotations

import math
import operator
from collections import Counter
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from itertools import repeat
from typing import Any

from annotator.core.codebook import Codebook
from annotator.core.model import FORMAT_VERSION, AnnotationSet, Document
from annotator.core.rules import EventRules, Rules, rules_for, value_problem
from annotator.core.schemas import compiled_annotation_schema
from annotator.core.values import is_empty

ERROR, WARNING, TODO = "error", "warning", "todo"
_ID, _START, _END = (operator.itemgetter("id"), operator.itemgetter("start"),
                     operator.itemgetter("end"))
_LABEL, _TEXT = operator.itemgetter("label"), operator.itemgetter("text")


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
    spans = data["spans"]
    if not (all(map(isinstance, map(_START, spans), repeat(int)))
            and all(map(isinstance, map(_END, spans), repeat(int)))):
        for i, s in enumerate(spans):
            for key in ("start", "end"):
                if not isinstance(s[key], int):
                    issues.append(Issue(ERROR, f"$.spans[{i}].{key}",
                                        f"{key} must be a whole number without a decimal "
                                        f"point, not {s[key]!r}"))
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
    need = ERROR if data["status"] == "done" else TODO
    issues, text = header_issues(data, document, cb)
    add = issues.append
    tables = rules_for(cb) if cb is not None else None

    # Every span of every exported file comes through here: check them all at once in C
    # (map, zip, set), and only when that finds something walk them one by one, which says
    # what and where.
    labels = tables.labels if tables is not None else None
    span_list = data["spans"]
    sids = list(map(_ID, span_list))
    starts = list(map(_START, span_list))
    ends = list(map(_END, span_list))
    span_labels = list(map(_LABEL, span_list))
    spans: dict[str, dict[str, Any]] = dict(zip(sids, span_list, strict=True))
    clean = all(map(operator.lt, starts, ends)) and (
        labels is None or labels.issuperset(span_labels)) and (
        len(set(zip(starts, ends, span_labels, strict=True))) == len(span_list))
    if clean and text is not None and span_list:
        clean = max(ends) <= len(text) and list(map(text.__getitem__, map(
            slice, starts, ends))) == list(map(_TEXT, span_list))
    if not clean:
        _check_spans(span_list, text, labels, add)

    for i, e in enumerate(data["events"]):
        _check_event(i, e, spans, cb, tables, need, issues)

    # Ids: spans first, then events, each counted; a repeated one is listed once, in the order
    # of its first use. Almost every file has none, which one set comparison shows.
    ids = sids + list(map(_ID, data["events"]))
    if len(set(ids)) != len(ids):
        issues += repeated_id_issues(ids)
    if tables is not None:
        issues += document_field_issues(data["fields"], tables, need)
    return issues


def header_issues(data: dict[str, Any], document: Document | None,
                  cb: Codebook | None) -> tuple[list[Issue], str | None]:
    """Problems of the file as a whole against its document and codebook, and the text its
    offsets may be checked against (``None`` when there is none, or it has changed)."""
    issues: list[Issue] = []
    add = issues.append
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
    return issues, text


def repeated_id_issues(ids: list[str]) -> list[Issue]:
    """One error per id used more than once, in the order of its first use."""
    return [Issue(ERROR, "$", f"id {ident!r} is used {count} times; ids must be unique", ident)
            for ident, count in Counter(ids).items() if count > 1]


def document_field_issues(fields: dict[str, Any], tables: Rules, need: str) -> list[Issue]:
    """Problems of the document's fields: unknown ones, bad values, required ones empty."""
    issues: list[Issue] = []
    for fid, value in fields.items():
        known = tables.document_fields.get(fid)
        if known is None:
            issues.append(Issue(ERROR, f"$.fields.{fid}",
                                tables.document_field_problem(fid, value)))
        else:
            bad = value_problem(known, value)
            if bad:
                issues.append(Issue(ERROR, f"$.fields.{fid}", bad))
    for fd in tables.required_document_fields:
        if is_empty(fields.get(fd.id)):
            issues.append(Issue(need, f"$.fields.{fd.id}",
                                f"document field {fd.name!r} is required"))
    return issues


def _check_spans(span_list: list[dict[str, Any]], text: str | None,
                 labels: frozenset[str] | None, add: Callable[[Issue], None]) -> None:
    """The problems of each span, in order (what ``_semantic``'s quick check found)."""
    seen_ranges: dict[tuple[int, int, str], str] = {}
    for i, s in enumerate(span_list):
        for issue in span_issues(i, s, text, labels):
            add(issue)
        key = (s["start"], s["end"], s["label"])
        if key in seen_ranges:
            add(duplicate_span_issue(i, s["id"], seen_ranges[key]))
        else:
            seen_ranges[key] = s["id"]


def span_issues(i: int, s: dict[str, Any], text: str | None,
                labels: frozenset[str] | None) -> list[Issue]:
    """The problems of one span (``i``: its place in the file), duplicates aside."""
    issues: list[Issue] = []
    add = issues.append
    where = f"$.spans[{i}]"
    sid = s["id"]
    start, end, label = s["start"], s["end"], s["label"]
    if start >= end:
        add(Issue(ERROR, where, f"span {sid}: start {start} is not before end {end}", sid))
    elif text is not None:
        n = len(text)
        if end > n:
            add(Issue(ERROR, where,
                      f"span {sid}: end {end} is past the end of the text ({n} characters)", sid))
        elif text[start:end] != s["text"]:
            add(Issue(ERROR, where + ".text",
                      f"span {sid}: its text {s['text']!r} differs from the document at "
                      f"{start}-{end} ({text[start:end]!r})", sid))
    if labels is not None and label not in labels:
        add(Issue(ERROR, where + ".label", f"span {sid}: unknown label {label!r}", sid))
    return issues


def duplicate_span_issue(i: int, sid: str, first: str) -> Issue:
    return Issue(WARNING, f"$.spans[{i}]",
                 f"span {sid} duplicates span {first} (same range and label)", sid)


def event_issues(i: int, e: dict[str, Any], spans: Mapping[str, dict[str, Any]],
                 cb: Codebook | None, tables: Rules | None, need: str) -> list[Issue]:
    """The problems of one event (``i``: its place in the file); ``spans`` maps span ids to
    their dicts (a label is all an event looks at)."""
    issues: list[Issue] = []
    _check_event(i, e, spans, cb, tables, need, issues)
    return issues


def _check_event(i: int, e: dict[str, Any], spans: Mapping[str, dict[str, Any]],
                 cb: Codebook | None, tables: Rules | None, need: str,
                 issues: list[Issue]) -> None:
    add = issues.append
    eid = e["id"]
    where = f"$.events[{i}]"
    name = f"event {eid}"
    trig = e.get("trigger")
    roles = e["roles"]
    if trig is not None and trig not in spans:
        add(Issue(ERROR, where + ".trigger", f"{name}: trigger {trig!r} is not a span", eid))
    for role, fillers in roles.items():
        for sid in fillers:
            if sid not in spans:
                add(Issue(ERROR, f"{where}.roles.{role}",
                          f"{name}: role {role!r} refers to missing span {sid!r}", eid))
    if cb is None or tables is None:
        return
    t: EventRules | None = tables.types.get(e["type"])
    if t is None:
        add(Issue(ERROR, where + ".type", f"{name}: {tables.type_problem(e['type'])}", eid))
        return
    name = f"event {eid} ({t.name})"
    sub = e.get("subtype")
    st_id = None
    if sub is None:
        if t.has_subtypes:
            add(Issue(need, where + ".subtype", f"{name}: choose a sub-type", eid))
    elif isinstance(sub, str) and sub in t.subtypes:
        st_id = sub
    else:
        add(Issue(ERROR, where + ".subtype", f"{name}: {t.subtype_problem(sub)}", eid))
    if trig is None:
        if cb.trigger_required:
            add(Issue(need, where + ".trigger", f"{name}: mark its trigger", eid))
    elif trig in spans and tables.trigger_labels and \
            spans[trig]["label"] not in tables.trigger_labels:
        add(Issue(ERROR, where + ".trigger",
                  f"{name}: {tables.trigger_label_problem(spans[trig]['label'])}", eid))
    allowed = t.roles
    for role, fillers in roles.items():
        known = allowed.get(role)
        if known is None:
            add(Issue(ERROR, f"{where}.roles.{role}", f"{name}: {t.role_problem(role)}", eid))
            continue
        rd, role_labels = known
        if rd.max is not None and len(fillers) > rd.max:
            add(Issue(ERROR, f"{where}.roles.{role}",
                      f"{name}: {t.capacity_problem(role, len(fillers))}", eid))
        for sid in fillers:
            span = spans.get(sid)
            if span is not None and span["label"] not in role_labels:
                add(Issue(ERROR, f"{where}.roles.{role}",
                          f"{name}: {t.filler_problem(role, sid, span['label'])}", eid))
    efields = e["fields"]
    defs = t.fields
    for fid, value in efields.items():
        known = defs.get(fid)
        if known is None:
            add(Issue(ERROR, f"{where}.fields.{fid}", f"{name}: {t.field_problem(fid, value)}",
                      eid))
            continue
        bad = value_problem(known, value)
        if bad:
            add(Issue(ERROR, f"{where}.fields.{fid}", f"{name}: {bad}", eid))
    req_roles, req_fields = t.required[st_id]
    for role in req_roles:
        if not roles.get(role):
            rd = cb.role(role)
            add(Issue(need, f"{where}.roles.{role}",
                      f"{name}: role {rd.name if rd else role} is required", eid))
    for fid in req_fields:
        value = efields.get(fid)
        # A count or date (a dict) and text with a letter are never empty: no call for those.
        if value.__class__ is dict or (value.__class__ is str and value.strip()):
            continue
        if is_empty(value):
            known = defs.get(fid)
            add(Issue(need, f"{where}.fields.{fid}",
                      f"{name}: field {known[0].name if known else fid} is required", eid))
