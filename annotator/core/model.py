"""Documents and annotation sets: plain data, loaded from and saved to plain dicts.

An annotation set belongs to one (document, coder) pair. Spans carry ``[start, end)`` offsets in
code points of the stored document text, plus a copy of the text they cover so a file can be
checked (and read) on its own.
"""

from __future__ import annotations

import copy
import json
import re
from collections.abc import Iterable, KeysView
from dataclasses import dataclass, field
from datetime import UTC, datetime
from itertools import starmap
from operator import attrgetter, itemgetter
from typing import Any, SupportsIndex, TypeVar

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
        prov, field_prov = data.get("provenance"), data.get("field_provenance")
        return cls(id=data["id"], type=data["type"], subtype=data.get("subtype"),
                   trigger=data.get("trigger"),
                   roles={k: list(v) for k, v in (data.get("roles") or {}).items()},
                   fields=dict(data.get("fields") or {}),
                   provenance=Provenance.from_dict(prov) if prov else None,
                   field_provenance=_provenances(field_prov) if field_prov else {})


T = TypeVar("T", Span, Event)


class IdList(list[T]):
    """A list of spans or events that also finds one by id in O(1).

    The index is built on the first lookup and then kept current by every way of changing the
    list, so edits, importers and tests may use it as a plain list. Ids are assumed not to
    change while an item is in the list (edits never rename).
    """

    __slots__ = ("_by_id", "_numbers", "_repeats")

    def __init__(self, items: Iterable[T] = ()) -> None:
        super().__init__(items)
        self._by_id: dict[str, T] | None = None
        self._repeats = False
        # The owner's next free number per id prefix (see ``AnnotationSet.next_id``).
        self._numbers: dict[str, int] = {}

    def _index(self) -> dict[str, T]:
        if self._by_id is None:
            index: dict[str, T] = {}
            for item in self:
                index.setdefault(item.id, item)  # a broken file may repeat an id: first wins
            self._by_id = index
            self._repeats = len(index) != len(self)
        return self._by_id

    def get(self, ident: str) -> T | None:
        return self._index().get(ident) if isinstance(ident, str) else None

    def ids(self) -> KeysView[str]:
        return self._index().keys()

    def position(self, ident: str) -> int:
        """Where the item with this id is; ``KeyError`` if none. Scans from the end, where
        new items are."""
        item = self.get(ident)
        if item is not None:
            for i in range(len(self) - 1, -1, -1):
                if self[i] is item:
                    return i
        raise KeyError(ident)

    # Every mutation keeps the index, or drops it to be rebuilt on the next lookup.
    def _added(self, item: T) -> None:
        if self._by_id is not None:
            self._by_id.setdefault(item.id, item)
        if self._numbers:
            ident = item.id
            digits = len(ident) - len(ident.rstrip("0123456789"))
            prefix = ident[:len(ident) - digits]
            if digits and prefix in self._numbers:
                self._numbers[prefix] = max(self._numbers[prefix], int(ident[-digits:]) + 1)

    def _reset(self) -> None:
        self._by_id = None
        self._numbers.clear()

    def _removed(self, item: T) -> None:
        if self._by_id is None:
            return
        if self._repeats:
            self._by_id = None  # another item may carry the same id: rebuild when asked
        elif self._by_id.get(item.id) is item:
            del self._by_id[item.id]

    def append(self, item: T) -> None:
        super().append(item)
        self._added(item)

    def insert(self, index: SupportsIndex, item: T) -> None:
        super().insert(index, item)
        self._added(item)

    def pop(self, index: SupportsIndex = -1) -> T:
        item = super().pop(index)
        self._removed(item)
        return item

    def remove(self, item: T) -> None:
        super().remove(item)
        self._removed(item)

    def __delitem__(self, index: SupportsIndex | slice) -> None:
        if isinstance(index, slice):
            super().__delitem__(index)
            self._reset()
            return
        item = self[index]
        super().__delitem__(index)
        self._removed(item)

    def extend(self, items: Iterable[T]) -> None:
        super().extend(items)
        self._reset()

    def __iadd__(self, items: Iterable[T]) -> IdList[T]:  # type: ignore[override,misc]
        super().__iadd__(items)
        self._reset()
        return self

    def __setitem__(self, index: Any, value: Any) -> None:
        super().__setitem__(index, value)
        self._reset()

    def clear(self) -> None:
        super().clear()
        self._reset()

    def __copy__(self) -> IdList[T]:
        return IdList(self)

    def __deepcopy__(self, memo: dict[int, Any]) -> IdList[T]:
        return IdList(copy.deepcopy(list(self), memo))

    def __reduce__(self) -> Any:
        return (IdList, (list(self),))


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
    _next_numbers: dict[str, int] = field(default_factory=dict, repr=False,
                                          compare=False)

    def __setattr__(self, name: str, value: Any) -> None:
        # Spans and events live in id-indexed lists, however they are assigned, sharing the
        # set's id counters (which a new list of either makes start over).
        if name in ("spans", "events"):
            if type(value) is not IdList:
                value = IdList(value)
            numbers = self.__dict__.get("_next_numbers")
            if numbers is not None:
                numbers.clear()
                value._numbers = numbers
        object.__setattr__(self, name, value)

    def __post_init__(self) -> None:
        self.spans._numbers = self.events._numbers = self._next_numbers

    # -- lookups ---------------------------------------------------------------------------
    def span(self, span_id: str) -> Span | None:
        return self.spans.get(span_id)

    def event(self, event_id: str) -> Event | None:
        return self.events.get(event_id)

    def span_index(self, span_id: str) -> int:
        return self.spans.position(span_id)

    def event_index(self, event_id: str) -> int:
        return self.events.position(event_id)

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

    def has_id(self, ident: str) -> bool:
        """Whether a span or an event has this id."""
        return ident in self.spans.ids() or ident in self.events.ids()

    def next_id(self, prefix: str) -> str:
        """A fresh id ``<prefix><n>`` (``s12``, ``e3``), never reusing a live one.

        The first call for a prefix looks at every id; later ones count on from there, so a
        coder's next span costs nothing at 10,000 spans.
        """
        numbers = self._next_numbers
        if self.spans._numbers is not numbers or self.events._numbers is not numbers:
            numbers.clear()  # a copy made without __init__: link the lists again
            self.spans._numbers = self.events._numbers = numbers
        n = numbers.get(prefix)
        if n is None:  # one pass over every id, in C: a few ms at 10,000 spans
            ids = "\n".join((*self.spans.ids(), *self.events.ids()))
            found = re.findall(rf"(?m)^{re.escape(prefix)}(\d+)$", ids)
            n = max(map(int, found), default=0) + 1
        while self.has_id(f"{prefix}{n}"):
            n += 1
        numbers[prefix] = n
        return f"{prefix}{n}"

    def status_when_saved(self, *, complete: bool = True) -> str:
        """The status a save writes, the one rule every save follows: a set still
        "not_started" that holds any work is "in_progress" (the document list then shows it
        begun); a "done" set that is no longer ``complete`` (an edit left something required
        missing) is "in_progress" on disk, so the claim is never saved unchecked; any other
        status is kept."""
        if self.status == "not_started" and (self.spans or self.events or self.fields):
            return "in_progress"
        if self.status == "done" and not complete:
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
        """Build from a dict that passed structural validation (see ``validation``).

        Every exported and compared set comes through here, so its attributes are stored
        directly, not one by one through ``__setattr__`` (a Python call per attribute, a few
        per cent of an export); ``test_from_dict_builds_what_the_constructor_builds`` keeps
        this in step with the fields."""
        cb = data["codebook"]
        numbers: dict[str, int] = {}
        spans: IdList[Span] = IdList(_spans_from_dicts(data.get("spans", [])))
        events: IdList[Event] = IdList([Event.from_dict(e) for e in data.get("events", [])])
        spans._numbers = events._numbers = numbers
        field_provenance = data.get("field_provenance")
        aset = object.__new__(cls)
        aset.__dict__.update(
            document_id=data["document"]["id"],
            document_sha256=data["document"]["sha256"],
            coder=data["coder"],
            codebook=CodebookRef(cb["id"], cb["version"], cb["sha256"]),
            status=data.get("status", "not_started"),
            spans=spans,
            events=events,
            fields=dict(data.get("fields") or {}),
            created=data.get("created") or now_iso(),
            modified=data.get("modified") or now_iso(),
            time_spent_seconds=float(data.get("time_spent_seconds") or 0.0),
            field_provenance=_provenances(field_provenance) if field_provenance else {},
            adjudication=_json_copy(data["adjudication"]) if "adjudication" in data else None,
            _next_numbers=numbers,
        )
        return aset

    @classmethod
    def new(cls, document: Document, coder: str, codebook: CodebookRef) -> AnnotationSet:
        return cls(document_id=document.id, document_sha256=document.sha256, coder=coder,
                   codebook=codebook)


_SPAN_KEYS = ("id", "start", "end", "label", "text")
_SPAN_FIELDS = itemgetter(*_SPAN_KEYS)


def _spans_from_dicts(items: list[dict[str, Any]]) -> list[Span]:
    """``[Span.from_dict(s) for s in items]``, built in C loops: every span of every exported
    set comes through here, and most have no note and no provenance (only gold sets do)."""
    spans = list(starmap(Span, map(_SPAN_FIELDS, items)))
    if items and max(map(len, items)) > len(_SPAN_KEYS):  # one C pass: any other key?
        for span, item in zip(spans, items, strict=True):
            if "note" in item:
                span.note = item["note"]
            prov = item.get("provenance")
            if prov:
                span.provenance = Provenance.from_dict(prov)
    return spans


# A span's place in a file: (start, end, label, id), read in C (sorting 10,000 spans by a
# Python function took a tenth of the time it takes to open them).
_span_order = attrgetter("start", "end", "label", "id")
