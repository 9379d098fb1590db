"""The rules of a codebook, in one place: what edits refuse and what validation reports.

``rules_for(codebook)`` compiles a codebook's lookups once (labels, trigger labels, each event
type's roles, fields and requirements) and says, in one wording, what is wrong with a label, a
trigger, a role filler or a field value. ``edits`` asks these before changing a set;
``validation`` asks the same ones of a whole file, so an edit is refused for exactly the reasons
a file would be reported for.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache
from typing import Any

from annotator.core.codebook import Codebook, EventType, RoleDef
from annotator.core.fields import COUNT_QUALIFIERS, DATE_PRECISIONS, FieldDef
from annotator.core.names import label_name
from annotator.core.values import check_date, check_value, show

# Span and event ids, as the annotation schema states them (``schemas.annotation_schema``).
ID_PATTERN = "[A-Za-z0-9_][A-Za-z0-9_.-]{0,63}"
_ID = re.compile(ID_PATTERN)


def id_problem(kind: str, ident: Any) -> str:
    """'' for a well-formed span or event id, else why not."""
    if isinstance(ident, str) and _ID.fullmatch(ident):
        return ""
    return f"{kind} id {show(ident)} is not valid: use letters, digits, '_', '.' or '-'"


def either(names: tuple[str, ...] | list[str]) -> str:
    return " or ".join(names)


# -- quick value checks --------------------------------------------------------------------------
def quick_check(fd: FieldDef) -> Callable[[Any], bool] | None:
    """A cheap test that is true only where ``check_value(fd, value)`` is ``''`` (when it is
    false, ``check_value`` is asked, for the verdict and its message); ``None``: ask it always."""
    if fd.type == "enum" and not fd.multiple:
        options = frozenset(fd.option_ids())
        return lambda v: isinstance(v, str) and v in options
    if fd.type == "text":
        return lambda v: isinstance(v, str)
    if fd.type == "boolean":
        return lambda v: isinstance(v, bool)
    if fd.type == "count":
        return _count_ok
    if fd.type == "date":
        return _date_ok
    return None


def _count_ok(v: Any) -> bool:
    """A count with a whole number: exactly ``value`` and ``qualifier``, a known qualifier, an
    int (not a bool) of 0 or more. (A null number, which some qualifiers refuse, is left to
    ``check_value``.)"""
    if v.__class__ is not dict or len(v) != 2:
        return False
    q, n = v.get("qualifier"), v.get("value")
    return q.__class__ is str and q in COUNT_QUALIFIERS and n.__class__ is int and n >= 0


def _date_ok(v: Any) -> bool:
    """A date that ``check_value`` accepts: exactly ``value`` and ``precision``, both text, the
    pair checked once per process (a project holds few distinct dates)."""
    if v.__class__ is not dict or len(v) != 2:
        return False
    text, precision = v.get("value"), v.get("precision")
    return text.__class__ is str and precision.__class__ is str and _good_date(text, precision)


@lru_cache(maxsize=4096)
def _good_date(text: str, precision: str) -> bool:
    return precision in DATE_PRECISIONS and check_date(text, precision) == ""


FieldCheck = tuple[FieldDef, Callable[[Any], bool] | None]


def value_problem(check: FieldCheck, value: Any) -> str:
    """'' when ``value`` suits the field, else ``"<field name>: <what is wrong>"``."""
    fd, ok = check
    if ok is not None and ok(value):
        return ""
    bad = check_value(fd, value)
    return f"{fd.name}: {bad}" if bad else ""


# -- per event type ------------------------------------------------------------------------------
class EventRules:
    """What an event of one type may hold, computed once per codebook."""

    def __init__(self, cb: Codebook, et: EventType) -> None:
        self.codebook = cb
        self.id = et.id
        self.name = et.name
        self.has_subtypes = bool(et.subtypes)
        self.subtypes = frozenset(s.id for s in et.subtypes)
        # A role is allowed when the codebook defines it and the type lists it.
        self.roles: dict[str, tuple[RoleDef, frozenset[str]]] = {}
        for rid in et.roles:
            rd = cb.role(rid)
            if rd is not None:
                self.roles[rid] = (rd, frozenset(rd.labels))
        # The first definition of a field id wins, as in ``Codebook.field_for``.
        self.fields: dict[str, FieldCheck] = {}
        for fd in cb.fields_for(et.id):
            self.fields.setdefault(fd.id, (fd, quick_check(fd)))
        self.required = {st: (cb.required_roles(et.id, st), cb.required_fields(et.id, st))
                         for st in (None, *self.subtypes)}

    def subtype_problem(self, subtype: Any) -> str:
        if subtype is None or (isinstance(subtype, str) and subtype in self.subtypes):
            return ""
        return f"unknown sub-type {show(subtype)}"

    def role_problem(self, role: Any) -> str:
        if isinstance(role, str) and role in self.roles:
            return ""
        return f"role {show(role)} is not a role of this event type"

    def filler_problem(self, role: str, span_id: str, label: str) -> str:
        """'' when a span labelled ``label`` may fill ``role`` (a role of this type)."""
        rd, labels = self.roles[role]
        if label in labels:
            return ""
        names = [label_name(self.codebook, x) for x in rd.labels]  # labels by their names
        return (f"{rd.name} must be a span labelled {either(names)}; span {span_id} is "
                f"{label_name(self.codebook, label)}")

    def capacity_problem(self, role: str, count: int) -> str:
        """'' when ``count`` fillers fit ``role``."""
        rd, _ = self.roles[role]
        if rd.max is None or count <= rd.max:
            return ""
        return f"{rd.name} takes at most {rd.max} span(s), has {count}"

    def field_problem(self, field_id: Any, value: Any) -> str:
        """'' for a value (``None``: clearing) this type's field takes, else why not."""
        check = self.fields.get(field_id) if isinstance(field_id, str) else None
        if check is None:
            return f"unknown field {show(field_id)} for this event type"
        return "" if value is None else value_problem(check, value)


# -- the whole codebook --------------------------------------------------------------------------
class Rules:
    """A codebook's lookups and judgements; one per codebook (``rules_for``)."""

    def __init__(self, cb: Codebook) -> None:
        self.codebook = cb
        self.labels = frozenset(lab.id for lab in cb.span_labels)
        self.trigger_labels = frozenset(cb.trigger_labels)
        self._trigger_names = tuple(label_name(cb, t) for t in cb.trigger_labels)
        # Later definitions win, as in ``Codebook.event_type``.
        self.types = {et.id: EventRules(cb, et) for et in cb.event_types}
        self.document_fields: dict[str, FieldCheck] = {}
        for fd in cb.document_fields:
            self.document_fields.setdefault(fd.id, (fd, quick_check(fd)))
        self.required_document_fields = tuple(fd for fd in cb.document_fields if fd.required)

    def label_problem(self, label: Any) -> str:
        if isinstance(label, str) and label in self.labels:
            return ""
        return f"unknown label {show(label)}"

    def type_problem(self, type_id: Any) -> str:
        if isinstance(type_id, str) and type_id in self.types:
            return ""
        return f"unknown event type {show(type_id)}"

    def trigger_label_problem(self, label: str) -> str:
        """'' when a span labelled ``label`` may be a trigger."""
        if not self.trigger_labels or label in self.trigger_labels:
            return ""
        return (f"the trigger must be labelled {either(self._trigger_names)}, not "
                f"{label_name(self.codebook, label)}")

    def document_field_problem(self, field_id: Any, value: Any) -> str:
        check = self.document_fields.get(field_id) if isinstance(field_id, str) else None
        if check is None:
            return f"unknown document field {show(field_id)}"
        return "" if value is None else value_problem(check, value)


def rules_for(cb: Codebook) -> Rules:
    """The rules of ``cb``, kept on it (a codebook never changes once loaded)."""
    rules = cb.__dict__.get("_rules")
    if rules is None:
        rules = Rules(cb)
        object.__setattr__(cb, "_rules", rules)
    return rules  # type: ignore[no-any-return]
