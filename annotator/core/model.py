"""Documents and annotation sets: plain data, loaded from and saved to plain dicts.

An annotation set belongs to one (document, coder) pair. Spans carry ``[start, end)`` offsets in
code points of the stored document text, plus a copy of the text they cover so a file can be
checked (and read) on its own.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import UTC, datetime
from itertools import starmap
from operator import itemgetter, methodcaller
from typing import Any

from annotator.core.text import sha256_text

FORMAT_VERSION = 1
OFFSET_UNIT = "codepoint"
# Every status an annotation set can have, in the order a document goes through them; every
# list of statuses (schemas, command options, the window's filters) is made from this one.
STATUSES = ("not_started", "in_progress", "done", "skipped")
DOCUMENT_FORMAT_VERSION = 1
# The reserved coder whose sets are the adjudicated gold standard; its items carry provenance.
GOLD_CODER = "gold"
# How a gold item came about: all chosen coders agreed; the adjudicator chose one coder's
# version; or the adjudicator changed it (or made it: an item without provenance is theirs).
PROVENANCE_HOW = ("agreed", "chosen", "edited")


def unknown_status(status: object) -> str:
    """'' for one of ``STATUSES``; else a message naming it and the choices."""
    if status in STATUSES:
        return ""
    return f"status {status!r}: choose {', '.join(STATUSES[:-1])} or {STATUSES[-1]}"


def now_iso() -> str:
    return datetime.now(UTC).replace(microsecond=0).isoformat().replace("+00:00", "Z")


@dataclass
class Document:
    id: str
    text: str
    meta: dict[str, Any] = field(default_factory=dict)
    sha256: str = ""

    def __post_init__(self) -> None:
        if not self.sha256:
            self.sha256 = sha256_text(self.text)

    @property
    def title(self) -> str:
        return str(self.meta.get("title") or self.id)

    def to_dict(self) -> dict[str, Any]:
        return {
            "format_version": DOCUMENT_FORMAT_VERSION,
            "id": self.id,
            "sha256": self.sha256,
            "meta": self.meta,
            "text": self.text,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Document:
        return cls(id=data["id"], text=data["text"], meta=dict(data.get("meta") or {}),
                   sha256=data.get("sha256") or "")


@dataclass(frozen=True)
class Provenance:
    """Where a gold item came from: the coders whose version it is, and ``how`` (one of
    ``PROVENANCE_HOW``). Frozen, so an edit replaces it whole and undo puts the old one back."""

    coders: tuple[str, ...]
    how: str

    def to_dict(self) -> dict[str, Any]:
        return {"coders": list(self.coders), "how": self.how}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Provenance:
        return cls(tuple(data["coders"]), data["how"])


def _json_copy(value: Any) -> Any:
    """A deep copy of JSON data (the adjudication record), made in C: twice as fast as
    ``copy.deepcopy`` on it."""
    return json.loads(json.dumps(value, ensure_ascii=False))


def _provenances(data: dict[str, Any] | None) -> dict[str, Provenance]:
    return {k: Provenance.from_dict(v) for k, v in (data or {}).items()}


@dataclass
class Span:
    id: str
    start: int
    end: int
    label: str
    text: str
    note: str = ""
    provenance: Provenance | None = None

    def to_dict(self) -> dict[str, Any]:
        d: dict[str, Any] = {"id": self.id, "start": self.start, "end": self.end,
                             "label": self.label, "text": self.text}
        if self.note:
            d["note"] = self.note
        if self.provenance is not None:
            d["provenance"] = self.provenance.to_dict()
        return d

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Span:
        prov = data.get("provenance")
        return cls(id=data["id"], start=data["start"], end=data["end"], label=data["label"],
                   text=data["text"], note=data.get("note", ""),
                   provenance=Provenance.from_dict(prov) if prov else None)


@dataclass
class Event:
    id: str
    type: str
    subtype: str | None = None
    trigger: str | None = None  # span id
    roles: dict[str, list[str]] = field(default_factory=dict)  # role -> span ids
    fields: dict[str, Any] = field(default_factory=dict)
    provenance: Provenance | None = None  # gold sets: of the type, sub-type, trigger and roles
    field_provenance: dict[str, Provenance] = field(default_factory=dict)  # gold: per field

    def span_ids(self) -> set[str]:
        ids = {s for fillers in self.roles.values() for s in fillers}
        if self.trigger:
            ids.add(self.trigger)
        return ids

    def to_dict(self) -> dict[str, Any]:
        d: dict[str, Any] = {
            "id": self.id,
            "type": self.type,
            "subtype": self.subtype,
            "trigger": self.trigger,
            "roles": {k: list(v) for k, v in self.roles.items() if v},
            "fields": dict(self.fields),
        }
        if self.provenance is not None:
            d["provenance"] = self.provenance.to_dict()
        if self.field_provenance:
            d["field_provenance"] = {k: p.to_dict() for k, p in self.field_provenance.items()}
        return d

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Event:
        prov = data.get("provenance")
        return cls(id=data["id"], type=data["type"], subtype=data.get("subtype"),
                   trigger=data.get("trigger"),
                   roles={k: list(v) for k, v in (data.get("roles") or {}).items()},
                   fields=dict(data.get("fields") or {}),
                   provenance=Provenance.from_dict(prov) if prov else None,
                   field_provenance=_provenances(data.get("field_provenance")))


@dataclass
class CodebookRef:
    id: str
    version: str
    sha256: str

    def to_dict(self) -> dict[str, str]:
        return {"id": self.id, "version": self.version, "sha256": self.sha256}


@dataclass
class AnnotationSet:
    document_id: str
    document_sha256: str
    coder: str
    codebook: CodebookRef
    status: str = "not_started"
    spans: list[Span] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    fields: dict[str, Any] = field(default_factory=dict)
    created: str = field(default_factory=now_iso)
    modified: str = field(default_factory=now_iso)
    time_spent_seconds: float = 0.0
    # Gold sets only: provenance of the document fields, and the adjudication record (the
    # coders compared and each disagreement, open or decided; see ``core.adjudication``).
    field_provenance: dict[str, Provenance] = field(default_factory=dict)
    adjudication: dict[str, Any] | None = None

    # -- lookups ---------------------------------------------------------------------------
    def span(self, span_id: str) -> Span | None:
        for s in self.spans:
            if s.id == span_id:
                return s
        return None

    def event(self, event_id: str) -> Event | None:
        for e in self.events:
            if e.id == event_id:
                return e
        return None

    def span_index(self, span_id: str) -> int:
        for i, s in enumerate(self.spans):
            if s.id == span_id:
                return i
        raise KeyError(span_id)

    def event_index(self, event_id: str) -> int:
        for i, e in enumerate(self.events):
            if e.id == event_id:
                return i
        raise KeyError(event_id)

    def uses_of_span(self, span_id: str) -> list[tuple[str, str]]:
        """(event id, role or ``"trigger"``) for every place the span is referenced."""
        uses: list[tuple[str, str]] = []
        for e in self.events:
            if e.trigger == span_id:
                uses.append((e.id, "trigger"))
            for role, fillers in e.roles.items():
                if span_id in fillers:
                    uses.append((e.id, role))
        return uses

    def next_id(self, prefix: str) -> str:
        """A fresh id ``<prefix><n>`` (``s12``, ``e3``), never reusing a live one."""
        taken = {s.id for s in self.spans} | {e.id for e in self.events}
        n = 1
        for ident in taken:
            if ident.startswith(prefix) and ident[len(prefix):].isdigit():
                n = max(n, int(ident[len(prefix):]) + 1)
        while f"{prefix}{n}" in taken:
            n += 1
        return f"{prefix}{n}"

    def status_when_saved(self) -> str:
        """The status a save writes: a set still "not_started" that holds any work is
        "in_progress" (the document list then shows it begun); any other is kept."""
        if self.status == "not_started" and (self.spans or self.events or self.fields):
            return "in_progress"
        return self.status

    # -- serialisation -----------------------------------------------------------------------
    def to_dict(self) -> dict[str, Any]:
        d: dict[str, Any] = {
            "format_version": FORMAT_VERSION,
            "offset_unit": OFFSET_UNIT,
            "document": {"id": self.document_id, "sha256": self.document_sha256},
            "coder": self.coder,
            "codebook": self.codebook.to_dict(),
            "status": self.status,
            "created": self.created,
            "modified": self.modified,
            "time_spent_seconds": round(self.time_spent_seconds, 1),
            "spans": [s.to_dict() for s in sorted(self.spans, key=_span_order)],
            "events": [e.to_dict() for e in self.events],
            "fields": dict(self.fields),
        }
        if self.field_provenance:
            d["field_provenance"] = {k: p.to_dict() for k, p in self.field_provenance.items()}
        if self.adjudication is not None:
            d["adjudication"] = _json_copy(self.adjudication)
        return d

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> AnnotationSet:
        """Build from a dict that passed structural validation (see ``validation``)."""
        cb = data["codebook"]
        return cls(
            document_id=data["document"]["id"],
            document_sha256=data["document"]["sha256"],
            coder=data["coder"],
            codebook=CodebookRef(cb["id"], cb["version"], cb["sha256"]),
            status=data.get("status", "not_started"),
            spans=_spans_from_dicts(data.get("spans", [])),
            events=[Event.from_dict(e) for e in data.get("events", [])],
            fields=dict(data.get("fields") or {}),
            created=data.get("created") or now_iso(),
            modified=data.get("modified") or now_iso(),
            time_spent_seconds=float(data.get("time_spent_seconds") or 0.0),
            field_provenance=_provenances(data.get("field_provenance")),
            adjudication=_json_copy(data["adjudication"]) if "adjudication" in data else None,
        )

    @classmethod
    def new(cls, document: Document, coder: str, codebook: CodebookRef) -> AnnotationSet:
        return cls(document_id=document.id, document_sha256=document.sha256, coder=coder,
                   codebook=codebook)


_SPAN_FIELDS = itemgetter("id", "start", "end", "label", "text")
_HAS_NOTE = methodcaller("__contains__", "note")
_HAS_PROVENANCE = methodcaller("__contains__", "provenance")


def _spans_from_dicts(items: list[dict[str, Any]]) -> list[Span]:
    """``[Span.from_dict(s) for s in items]``, built in C loops: every span of every exported
    set comes through here, and most have no note and no provenance (only gold sets do)."""
    spans = list(starmap(Span, map(_SPAN_FIELDS, items)))
    if any(map(_HAS_NOTE, items)):
        for span, item in zip(spans, items, strict=True):
            span.note = item.get("note", "")
    if any(map(_HAS_PROVENANCE, items)):
        for span, item in zip(spans, items, strict=True):
            prov = item.get("provenance")
            span.provenance = Provenance.from_dict(prov) if prov else None
    return spans


def _span_order(s: Span) -> tuple[int, int, str, str]:
    return (s.start, s.end, s.label, s.id)
