"""The codebook: JSON in, typed objects out.

A codebook declares span labels, roles, event types with sub-types, typed fields (for events and
for the whole document), and what each type requires before a document may be marked done.
``schemas/codebook.schema.json`` checks its shape; ``Codebook.from_dict`` then checks the
cross-references a schema cannot (a role naming an unknown label, duplicate keys, ...).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from annotator.core import jsonio
from annotator.core.fields import Choice, FieldDef
from annotator.core.text import sha256_text
from annotator.core.values import check_value
from annotator.errors import AnnotatorError

_COLOR = re.compile(r"#[0-9a-fA-F]{6}")


@dataclass(frozen=True)
class SpanLabel:
    id: str
    name: str
    name_ar: str
    color: str
    key: str = ""
    help: str = ""


@dataclass(frozen=True)
class RoleDef:
    id: str
    name: str
    name_ar: str
    labels: tuple[str, ...]
    max: int | None = None  # None: any number
    key: str = ""
    help: str = ""


@dataclass(frozen=True)
class SubType:
    id: str
    name: str
    name_ar: str = ""
    help: str = ""
    required_roles: tuple[str, ...] = ()
    required_fields: tuple[str, ...] = ()


@dataclass(frozen=True)
class EventType:
    id: str
    name: str
    name_ar: str
    subtypes: tuple[SubType, ...]
    roles: tuple[str, ...]
    required_roles: tuple[str, ...] = ()
    required_fields: tuple[str, ...] = ()
    fields: tuple[FieldDef, ...] = ()
    help: str = ""

    def subtype(self, subtype_id: str | None) -> SubType | None:
        for s in self.subtypes:
            if s.id == subtype_id:
                return s
        return None


@dataclass(frozen=True)
class Codebook:
    id: str
    version: str
    name: str
    name_ar: str
    span_labels: tuple[SpanLabel, ...]
    roles: tuple[RoleDef, ...]
    event_types: tuple[EventType, ...]
    event_fields: tuple[FieldDef, ...]
    document_fields: tuple[FieldDef, ...]
    trigger_labels: tuple[str, ...]
    trigger_required: bool
    sha256: str
    raw: dict[str, Any] = field(repr=False, compare=False, default_factory=dict)

    # -- lookups -----------------------------------------------------------------------------
    def label(self, label_id: str) -> SpanLabel | None:
        return self._labels.get(label_id)

    def role(self, role_id: str) -> RoleDef | None:
        return self._roles.get(role_id)

    def event_type(self, type_id: str) -> EventType | None:
        return self._types.get(type_id)

    # Validation asks these for every event of a file: answers are cached per type (the
    # codebook is immutable), which made validating 1,000 events about 3x faster.
    def fields_for(self, type_id: str) -> tuple[FieldDef, ...]:
        cache = _cache(self, "_fields_for_cache")
        hit = cache.get(type_id)
        if hit is None:
            et = self.event_type(type_id)
            hit = cache[type_id] = self.event_fields + (et.fields if et else ())
        return hit

    def field_for(self, type_id: str, field_id: str) -> FieldDef | None:
        if not isinstance(field_id, str):
            return None
        cache = _cache(self, "_field_for_cache")
        by_id = cache.get(type_id)
        if by_id is None:
            by_id = {}
            for f in self.fields_for(type_id):
                by_id.setdefault(f.id, f)
            cache[type_id] = by_id
        return by_id.get(field_id)

    def document_field(self, field_id: str) -> FieldDef | None:
        for f in self.document_fields:
            if f.id == field_id:
                return f
        return None

    def required_roles(self, type_id: str, subtype_id: str | None) -> tuple[str, ...]:
        return self._required(type_id, subtype_id)[0]

    def required_fields(self, type_id: str, subtype_id: str | None) -> tuple[str, ...]:
        return self._required(type_id, subtype_id)[1]

    def _required(self, type_id: str, subtype_id: str | None,
                  ) -> tuple[tuple[str, ...], tuple[str, ...]]:
        cache = _cache(self, "_required_cache")
        key = (type_id, subtype_id)
        hit = cache.get(key)
        if hit is None:
            et = self.event_type(type_id)
            if et is None:
                hit = ((), ())
            else:
                st = et.subtype(subtype_id)
                always = tuple(f.id for f in self.fields_for(type_id) if f.required)
                hit = (_unique(et.required_roles + (st.required_roles if st else ())),
                       _unique(always + et.required_fields + (st.required_fields if st else ())))
            cache[key] = hit
        return hit

    def label_for_key(self, key: str) -> SpanLabel | None:
        for lab in self.span_labels:
            if lab.key and lab.key == key:
                return lab
        return None

    @property
    def _labels(self) -> dict[str, SpanLabel]:
        return _index(self, "_labels_cache", self.span_labels)

    @property
    def _roles(self) -> dict[str, RoleDef]:
        return _index(self, "_roles_cache", self.roles)

    @property
    def _types(self) -> dict[str, EventType]:
        return _index(self, "_types_cache", self.event_types)

    def ref(self) -> dict[str, str]:
        return {"id": self.id, "version": self.version, "sha256": self.sha256}

    # -- loading -----------------------------------------------------------------------------
    @classmethod
    def from_dict(cls, data: dict[str, Any], *, source: str = "codebook") -> Codebook:
        """Build and cross-check a codebook; raises ``AnnotatorError`` listing every problem.

        ``data`` must already match ``schemas/codebook.schema.json`` (see ``load_codebook``).
        """
        labels = tuple(SpanLabel(id=d["id"], name=d["name"], name_ar=d.get("name_ar", ""),
                                 color=d["color"], key=d.get("key", ""), help=d.get("help", ""))
                       for d in data["span_labels"])
        roles = tuple(RoleDef(id=d["id"], name=d["name"], name_ar=d.get("name_ar", ""),
                              labels=tuple(d["labels"]), max=d.get("max"), key=d.get("key", ""),
                              help=d.get("help", ""))
                      for d in data.get("roles", []))
        types = tuple(
            EventType(
                id=d["id"], name=d["name"], name_ar=d.get("name_ar", ""), help=d.get("help", ""),
                subtypes=tuple(SubType(id=s["id"], name=s["name"], name_ar=s.get("name_ar", ""),
                                       help=s.get("help", ""),
                                       required_roles=tuple(s.get("required_roles", [])),
                                       required_fields=tuple(s.get("required_fields", [])))
                               for s in d.get("subtypes", [])),
                roles=tuple(d.get("roles", [])),
                required_roles=tuple(d.get("required_roles", [])),
                required_fields=tuple(d.get("required_fields", [])),
                fields=tuple(_field(f) for f in d.get("fields", [])),
            )
            for d in data.get("event_types", [])
        )
        trig = data.get("trigger") or {}
        cb = cls(
            id=data["id"], version=str(data["version"]), name=data["name"],
            name_ar=data.get("name_ar", ""), span_labels=labels, roles=roles, event_types=types,
            event_fields=tuple(_field(f) for f in data.get("event_fields", [])),
            document_fields=tuple(_field(f) for f in data.get("document_fields", [])),
            trigger_labels=tuple(trig.get("labels", [])),
            trigger_required=bool(trig.get("required", False)),
            sha256=sha256_text(jsonio.dumps(data)),
            raw=data,
        )
        problems = cb.cross_check()
        if problems:
            raise AnnotatorError(f"{source}: the codebook is inconsistent:\n  - "
                                 + "\n  - ".join(problems))
        return cb

    def cross_check(self) -> list[str]:
        """Problems a JSON Schema cannot see: unknown references, duplicates, clashing keys."""
        problems: list[str] = []
        label_ids = [lab.id for lab in self.span_labels]
        problems += _dupes("span label", label_ids)
        problems += _dupes("role", [r.id for r in self.roles])
        problems += _dupes("event type", [t.id for t in self.event_types])
        problems += _dupes("label key", [lab.key for lab in self.span_labels if lab.key])
        problems += _dupes("document field", [f.id for f in self.document_fields])
        for lab in self.span_labels:
            if not _COLOR.fullmatch(lab.color):
                problems.append(f"span label {lab.id!r}: colour {lab.color!r} is not #rrggbb")
        for t in self.trigger_labels:
            if t not in label_ids:
                problems.append(f"trigger: unknown span label {t!r}")
        for r in self.roles:
            for lab_id in r.labels:
                if lab_id not in label_ids:
                    problems.append(f"role {r.id!r}: unknown span label {lab_id!r}")
        role_ids = {r.id for r in self.roles}
        for et in self.event_types:
            problems += _dupes(f"sub-type of {et.id!r}", [s.id for s in et.subtypes])
            field_ids = [f.id for f in self.fields_for(et.id)]
            problems += _dupes(f"field of event type {et.id!r}", field_ids)
            for r in et.roles:
                if r not in role_ids:
                    problems.append(f"event type {et.id!r}: unknown role {r!r}")
            for st in (None, *et.subtypes):
                req_roles = et.required_roles + (st.required_roles if st else ())
                req_fields = et.required_fields + (st.required_fields if st else ())
                where = f"event type {et.id!r}" + (f", sub-type {st.id!r}" if st else "")
                for r in req_roles:
                    if r not in et.roles:
                        problems.append(f"{where}: required role {r!r} is not one of its roles")
                for f in req_fields:
                    if f not in field_ids:
                        problems.append(f"{where}: required field {f!r} is not defined")
        for f in (*self.event_fields, *self.document_fields,
                  *(f for et in self.event_types for f in et.fields)):
            if f.type == "enum" and not f.options:
                problems.append(f"field {f.id!r}: an enumeration needs options")
            if f.default is not None:
                bad = check_value(f, f.default)
                if bad:
                    problems.append(f"field {f.id!r}: default {f.default!r}: {bad}")
            problems += _dupes(f"option of field {f.id!r}", f.option_ids())
        return problems


def _field(d: dict[str, Any]) -> FieldDef:
    return FieldDef(
        id=d["id"], type=d["type"], name=d["name"], name_ar=d.get("name_ar", ""),
        help=d.get("help", ""), required=bool(d.get("required", False)),
        options=tuple(Choice(id=o["id"], name=o["name"], name_ar=o.get("name_ar", ""),
                             help=o.get("help", "")) for o in d.get("options", [])),
        multiple=bool(d.get("multiple", False)), minimum=d.get("minimum"),
        maximum=d.get("maximum"), default=d.get("default"),
    )


def _cache(cb: Codebook, attr: str) -> dict[Any, Any]:
    cached = cb.__dict__.get(attr)
    if cached is None:
        cached = {}
        object.__setattr__(cb, attr, cached)
    return cached


def _index(cb: Codebook, attr: str, items: tuple[Any, ...]) -> dict[str, Any]:
    cached = cb.__dict__.get(attr)
    if cached is None:
        cached = {i.id: i for i in items}
        object.__setattr__(cb, attr, cached)
    return cached


def _unique(items: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(items))


def _dupes(what: str, ids: list[str]) -> list[str]:
    seen: set[str] = set()
    out: list[str] = []
    for i in ids:
        if i in seen:
            out.append(f"duplicate {what} {i!r}")
        seen.add(i)
    return out


def default_codebook_path() -> Path:
    from annotator.paths import resource

    return resource("codebook.json")
