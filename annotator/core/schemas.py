"""JSON Schemas: the codebook schema, and annotation-file schemas generated from a codebook.

``annotation_schema(None)`` is the generic contract (``schemas/annotation.schema.json``);
``annotation_schema(codebook)`` is the strict one for a codebook (labels, types, sub-types, roles,
field values; required roles and fields once a document is done), printed by ``annotator schema``
so others can check our files with any validator. Validators are compiled once and reused.

``jsonschema`` is the reference; when ``jsonschema_rs`` is installed it answers "valid?" on the
hot path (about 100x faster), and ``jsonschema`` then explains any failure. A test checks that
both give the same verdict on every fixture.
"""

from __future__ import annotations

import json
from functools import cache
from typing import TYPE_CHECKING, Any

import jsonschema

from annotator.core.model import (
    FORMAT_VERSION,
    GOLD_CODER,
    OFFSET_UNIT,
    PROVENANCE_HOW,
    STATUSES,
)
from annotator.core.rules import ID_PATTERN
from annotator.core.values import value_schema
from annotator.paths import schema_path

if TYPE_CHECKING:
    from annotator.core.codebook import Codebook

try:  # optional accelerator
    import jsonschema_rs
except ImportError:  # pragma: no cover - depends on the installation
    jsonschema_rs = None

DRAFT = "https://json-schema.org/draft/2020-12/schema"
# "not": Python validators let $ match before a final newline (ECMA-262's $ does not), so
# without it jsonschema accepted "s1\n" and jsonschema_rs refused it.
_NO_NEWLINE = {"pattern": "\n"}
_IDENT = {"type": "string", "pattern": f"^{ID_PATTERN}$", "not": _NO_NEWLINE}
_SHA = {"type": "string", "pattern": "^[0-9a-f]{64}$", "not": _NO_NEWLINE}
_TIME = {"type": "string", "minLength": 1}
_CODER = {"type": "string", "minLength": 1, "maxLength": 64}
# Kinds of disagreement an adjudication records (see ``core.adjudication``).
ADJUDICATION_KINDS = ("span", "event", "event_field", "document_field")


def _gold_schemas() -> tuple[dict[str, Any], dict[str, Any], dict[str, Any]]:
    """Provenance of one item, provenance per field, and the adjudication record: the optional
    parts a gold set adds to an annotation set (files without them stay valid)."""
    provenance = {
        "type": "object", "required": ["coders", "how"], "additionalProperties": False,
        "description": f"Gold sets (coder {GOLD_CODER!r}): where this item came from. 'agreed': "
                       "every coder compared made it the same way; 'chosen': the adjudicator "
                       "took the version of the coders listed; 'edited': the adjudicator "
                       "changed it. An item of a gold set without provenance was made by the "
                       "adjudicator.",
        "properties": {"coders": {"type": "array", "items": _CODER, "uniqueItems": True},
                       "how": {"enum": list(PROVENANCE_HOW)}},
    }
    per_field = {"type": "object", "additionalProperties": provenance,
                 "description": "Provenance of each field value, by field id."}
    alt_span = {
        "type": "object", "required": ["start", "end", "label", "text"],
        "additionalProperties": False,
        "description": "A coder's span: offsets and label as in that coder's file (id: its id "
                       "there).",
        "properties": {"id": _IDENT, "start": {"type": "integer", "minimum": 0},
                       "end": {"type": "integer", "minimum": 1}, "label": _IDENT,
                       "text": {"type": "string", "minLength": 1}},
    }
    alt_event = {
        "type": "object", "required": ["type", "roles", "fields"],
        "additionalProperties": False,
        "description": "A coder's event, with its trigger and role fillers given as spans (their "
                       "ids mean nothing in the gold set).",
        "properties": {"id": _IDENT, "type": _IDENT,
                       "subtype": {"anyOf": [_IDENT, {"type": "null"}]},
                       "trigger": {"anyOf": [alt_span, {"type": "null"}]},
                       "roles": {"type": "object",
                                 "additionalProperties": {"type": "array", "items": alt_span}},
                       "fields": {"type": "object", "additionalProperties": value_schema(None)}},
    }
    value_or_none = {"anyOf": [value_schema(None), {"type": "null"}]}

    def alternatives(kind: str, each: dict[str, Any]) -> dict[str, Any]:
        return {"if": {"properties": {"kind": {"const": kind}}, "required": ["kind"]},
                "then": {"properties": {"alternatives": {"additionalProperties": each}}}}

    item = {
        "type": "object", "required": ["id", "kind", "alternatives"],
        "additionalProperties": False,
        "description": "One disagreement: open while it has no decision.",
        "properties": {
            "id": _IDENT,
            "kind": {"enum": list(ADJUDICATION_KINDS),
                     "description": "span: overlapping spans the coders did not all make the "
                                    "same; event: an event not every coder made the same way "
                                    "(type, sub-type, trigger, roles), or made at all; "
                                    "event_field: one field of an event the coders otherwise "
                                    "agree on; document_field: one document field."},
            "event": {**_IDENT, "description": "event_field: the gold event it belongs to."},
            "field": {**_IDENT, "description": "event_field, document_field: the field id."},
            "alternatives": {
                "type": "object", "propertyNames": {"maxLength": 64},
                "description": "Each compared coder's version, by coder: span: a list of spans "
                               "(empty: none there); event: an event or null (none); fields: "
                               "the value or null (none)."},
            "decision": {
                "type": "object", "required": ["accept"], "additionalProperties": False,
                "description": "The adjudicator's decision, once made.",
                "properties": {
                    "accept": {"type": "array", "items": _CODER, "uniqueItems": True,
                               "description": "The coders whose version was taken (all of "
                                              "them: 'accept both'; none: rejected)."},
                    "made": {"type": "array", "items": _IDENT,
                             "description": "Ids of the spans and events the decision added."},
                }},
        },
        "allOf": [alternatives("span", {"type": "array", "items": alt_span}),
                  alternatives("event", {"anyOf": [alt_event, {"type": "null"}]}),
                  alternatives("event_field", value_or_none),
                  alternatives("document_field", value_or_none)],
    }
    adjudication = {
        "type": "object", "required": ["coders", "items"], "additionalProperties": False,
        "description": "Gold sets: how this set was adjudicated. The coders compared, what all of "
                       "them agreed on was pre-filled (provenance 'agreed'); every other "
                       "difference is an item, open until decided.",
        "properties": {
            "coders": {"type": "array", "items": _CODER, "uniqueItems": True, "minItems": 1,
                       "description": "The coders whose sets were compared."},
            "auto": {"enum": ["agreed", "none"],
                     "description": "What was pre-filled: everything the coders agreed on, or "
                                    "nothing (every item left to decide)."},
            "sources": {"type": "object", "additionalProperties": _SHA,
                        "description": "SHA-256 of each coder's annotation file as compared."},
            "fingerprint": {**_SHA,
                            "description": "SHA-256 of this set as 'annotator adjudicate' wrote "
                                           "it: a set that no longer matches it was edited by a "
                                           "person, and is never replaced without --overwrite."},
            "items": {"type": "array", "items": item,
                      "description": "Every disagreement found, open or decided, in text order "
                                     "(document fields last)."},
        },
    }
    return provenance, per_field, adjudication


def annotation_schema(codebook: Codebook | None = None) -> dict[str, Any]:
    """The annotation-file schema, generic or strict for ``codebook``."""
    cb = codebook
    provenance, per_field, adjudication = _gold_schemas()
    label = {"enum": [lab.id for lab in cb.span_labels]} if cb else _IDENT
    span = {
        "type": "object",
        "required": ["id", "start", "end", "label", "text"],
        "additionalProperties": False,
        "properties": {
            "id": _IDENT,
            "start": {"type": "integer", "minimum": 0,
                      "description": "First code point of the span in the stored text."},
            "end": {"type": "integer", "minimum": 1,
                    "description": "One past the last code point (end-exclusive)."},
            "label": label,
            "text": {"type": "string", "minLength": 1,
                     "description": "Copy of text[start:end], checked on load."},
            "note": {"type": "string"},
            "provenance": provenance,
        },
    }
    event: dict[str, Any] = {
        "type": "object",
        "required": ["id", "type", "roles", "fields"],
        "additionalProperties": False,
        "properties": {
            "id": _IDENT,
            "type": {"enum": [t.id for t in cb.event_types]} if cb else _IDENT,
            "subtype": {"anyOf": [_IDENT, {"type": "null"}]},
            "trigger": {"anyOf": [_IDENT, {"type": "null"}],
                        "description": "Id of the trigger span."},
            "roles": {"type": "object",
                      "additionalProperties": {"type": "array", "items": _IDENT,
                                               "uniqueItems": True}},
            "fields": {"type": "object", "additionalProperties": value_schema(None)},
            "provenance": {**provenance, "description": "Gold sets: provenance of the type, "
                                                        "sub-type, trigger and roles."},
            "field_provenance": {**per_field, "description": "Gold sets: provenance of each "
                                                             "field, by field id; a field "
                                                             "without one has its event's."},
        },
    }
    doc_fields: dict[str, Any] = {"type": "object", "additionalProperties": value_schema(None)}
    schema: dict[str, Any] = {
        "$schema": DRAFT,
        "$id": "https://annotator.invalid/schemas/annotation.schema.json",
        "title": "annotator annotation set" + (f" for codebook {cb.id} {cb.version}" if cb else ""),
        "description": "Spans, events and fields one coder made on one document. Offsets are "
                       "[start, end) in Unicode code points of the document text whose UTF-8 "
                       "SHA-256 is document.sha256.",
        "type": "object",
        "required": ["format_version", "offset_unit", "document", "coder", "codebook", "status",
                     "spans", "events", "fields"],
        "additionalProperties": False,
        "properties": {
            "format_version": {"type": "integer", "const": FORMAT_VERSION},
            "offset_unit": {"const": OFFSET_UNIT},
            "document": {"type": "object", "required": ["id", "sha256"],
                         "additionalProperties": False,
                         "properties": {"id": {"type": "string", "minLength": 1}, "sha256": _SHA}},
            "coder": {"type": "string", "minLength": 1, "maxLength": 64},
            "codebook": {"type": "object", "required": ["id", "version", "sha256"],
                         "additionalProperties": False,
                         "properties": {"id": _IDENT, "version": {"type": "string"},
                                        "sha256": _SHA}},
            "status": {"enum": list(STATUSES)},
            "created": _TIME,
            "modified": _TIME,
            "time_spent_seconds": {"type": "number", "minimum": 0},
            "spans": {"type": "array", "items": span},
            "events": {"type": "array", "items": event},
            "fields": doc_fields,
            "field_provenance": {**per_field, "description": "Gold sets: provenance of each "
                                                             "document field, by field id."},
            "adjudication": adjudication,
        },
    }
    if cb is None:
        return schema
    schema["properties"]["codebook"]["properties"]["id"] = {"const": cb.id}
    doc_fields["properties"] = {f.id: value_schema(f) for f in cb.document_fields}
    doc_fields["additionalProperties"] = False
    per_type = []
    done_rules = []
    for et in cb.event_types:
        fields = {f.id: value_schema(f) for f in cb.fields_for(et.id)}
        roles = {}
        for rid in et.roles:
            r = cb.role(rid)
            arr: dict[str, Any] = {"type": "array", "items": _IDENT, "uniqueItems": True}
            if r is not None and r.max is not None:
                arr["maxItems"] = r.max
            roles[rid] = arr
        then: dict[str, Any] = {
            "properties": {
                "roles": {"properties": roles, "additionalProperties": False},
                "fields": {"properties": fields, "additionalProperties": False},
            }
        }
        if et.subtypes:
            # null while the coder has not chosen yet; required once done (below).
            then["properties"]["subtype"] = {"enum": [s.id for s in et.subtypes] + [None]}
            done_rules.append({"if": {"properties": {"type": {"const": et.id}},
                                      "required": ["type"]},
                               "then": {"required": ["subtype"],
                                        "properties": {"subtype": {"type": "string"}}}})
        per_type.append({"if": {"properties": {"type": {"const": et.id}}}, "then": then})
        for st in et.subtypes or (None,):
            req_roles = list(cb.required_roles(et.id, st.id if st else None))
            req_fields = list(cb.required_fields(et.id, st.id if st else None))
            cond: dict[str, Any] = {"type": {"const": et.id}}
            if st is not None:
                cond["subtype"] = {"const": st.id}
            need: dict[str, Any] = {
                "roles": {"required": req_roles,
                          "properties": {r: {"minItems": 1} for r in req_roles}},
                "fields": {"required": req_fields},
            }
            rule: dict[str, Any] = {"properties": need, "required": ["subtype"]}
            if cb.trigger_required:
                rule["properties"]["trigger"] = {"type": "string"}
                rule["required"] = ["subtype", "trigger"]
            done_rules.append({"if": {"properties": cond, "required": list(cond)},
                               "then": rule})
    event["allOf"] = per_type
    doc_required = [f.id for f in cb.document_fields if f.required]
    schema["allOf"] = [{
        "if": {"properties": {"status": {"const": "done"}}},
        "then": {"properties": {"events": {"items": {"allOf": done_rules}},
                                "fields": {"required": doc_required}}},
    }]
    return schema


@cache
def codebook_schema() -> dict[str, Any]:
    with open(schema_path("codebook.schema.json"), encoding="utf-8") as fh:
        return json.load(fh)


class CompiledSchema:
    """A schema compiled once: ``is_valid`` on the fast path, ``errors`` to explain."""

    def __init__(self, schema: dict[str, Any]) -> None:
        self.schema = schema
        self._fast = None
        if jsonschema_rs is not None:
            # Checks the schema itself as it compiles (raising for a bad one), in a fraction of
            # the time jsonschema's check_schema takes: every export worker compiles two.
            self._fast = jsonschema_rs.Draft202012Validator(schema)
        else:
            jsonschema.Draft202012Validator.check_schema(schema)
        self._reference = jsonschema.Draft202012Validator(schema)

    def is_valid(self, instance: Any) -> bool:
        if self._fast is not None:
            try:
                return bool(self._fast.is_valid(instance))
            except (ValueError, OverflowError, RecursionError):
                pass  # e.g. integers beyond 64 bits: let the reference decide
        try:
            return bool(self._reference.is_valid(instance))
        except RecursionError:  # jsonschema's messages repr() the value: deep nesting overflows
            return False

    def errors(self, instance: Any, limit: int = 50) -> list[tuple[str, str]]:
        """(JSON path, message) of each violation, most relevant first."""
        deep = _too_deep(instance)
        if deep is not None:
            return [(_json_path(deep[:8]) + "…", f"nested more than {MAX_DEPTH} levels deep; "
                                                 "the file is damaged or not of this kind")]
        out: list[tuple[str, str]] = []
        errs = sorted(self._reference.iter_errors(instance),
                      key=lambda e: (list(map(str, e.absolute_path)), e.message))
        for err in errs[:limit]:
            out.append((_json_path(err.absolute_path), _shorten(_message(err))))
        return out


# Deeper than any file of ours (annotation files nest 6 levels): beyond this jsonschema would
# overflow the stack building its messages, so the path to the first such value is reported.
MAX_DEPTH = 64
_MAX_MESSAGE = 300


def _too_deep(instance: Any) -> list[Any] | None:
    """Path of the first list or object nested deeper than ``MAX_DEPTH`` (iteratively)."""
    stack: list[tuple[Any, list[Any]]] = [(instance, [])]
    while stack:
        value, path = stack.pop()
        if isinstance(value, dict):
            items: Any = value.items()
        elif isinstance(value, list):
            items = enumerate(value)
        else:
            continue
        if len(path) >= MAX_DEPTH:
            return path
        stack.extend((v, [*path, k]) for k, v in items)
    return None


def _shorten(message: str) -> str:
    """jsonschema quotes the whole offending value: keep a message readable."""
    return message if len(message) <= _MAX_MESSAGE else message[:_MAX_MESSAGE - 1] + "…"


def _json_path(path: Any) -> str:
    s = "$"
    for part in path:
        s += f"[{part}]" if isinstance(part, int) else f".{part}"
    return s


def _message(err: jsonschema.ValidationError) -> str:
    if err.validator in ("anyOf", "oneOf") and err.context:
        best = jsonschema.exceptions.best_match(err.context)
        return best.message
    return err.message


_COMPILED: dict[str, CompiledSchema] = {}


def compiled_annotation_schema(codebook: Codebook | None) -> CompiledSchema:
    key = codebook.sha256 if codebook is not None else "generic"
    compiled = _COMPILED.get(key)
    if compiled is None:
        compiled = _COMPILED[key] = CompiledSchema(annotation_schema(codebook))
    return compiled


@cache
def compiled_codebook_schema() -> CompiledSchema:
    return CompiledSchema(codebook_schema())


def codebook_issues(data: Any) -> list[str]:
    """Plain-language problems of a codebook dict against ``schemas/codebook.schema.json``."""
    compiled = compiled_codebook_schema()
    if compiled.is_valid(data):
        return []
    return [f"{path}: {msg}" for path, msg in compiled.errors(data)]
