"""Edits: every change to an annotation set is an object with check, apply and revert.

The window's undo stack, the command line and the tests all go through these, so a change
behaves the same everywhere. ``check`` returns '' or a plain-language reason to refuse; ``apply``
is only called after a successful check; ``revert`` restores the exact previous state (including
list positions), so undo after any sequence of edits gives back the same file bytes.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass, field
from typing import Any

from annotator.core.codebook import Codebook
from annotator.core.events import (
    Change,
    EventAdded,
    EventChanged,
    EventRemoved,
    FieldSet,
    SpanAdded,
    SpanChanged,
    SpanRemoved,
    StatusChanged,
)
from annotator.core.model import STATUSES, Event, Span
from annotator.core.names import (
    event_title,
    event_words,
    field_words,
    label_name,
    quote,
    role_name,
    span_words,
    status_name,
)
from annotator.core.rules import EventRules, id_problem
from annotator.core.session import AnnotationSession, EditRefusedError
from annotator.core.values import show
from annotator.i18n import tr


class Edit:
    """Base class; subclasses set ``description`` (shown in the undo menu)."""

    description = "edit"

    def _say(self, text: str) -> None:
        """Name what this edit does and to which text ("label «قوات النظام» Actor"), once
        ``apply`` knows, in the interface's language (the undo menu shows it); a description
        its maker gave is kept."""
        if self.description == type(self).description:
            self.description = text

    def check(self, s: AnnotationSession) -> str:
        return ""

    def apply(self, s: AnnotationSession) -> None:
        raise NotImplementedError

    def revert(self, s: AnnotationSession) -> None:
        raise NotImplementedError

    def changes(self) -> list[Change]:
        """What applying the edit changed (valid once applied); undo announces the inverse."""
        return []


# -- spans -------------------------------------------------------------------------------------
def _new_id_problem(s: AnnotationSession, kind: str, ident: str) -> str:
    """'' for no id (one is chosen on apply) or a well-formed id no span or event has."""
    if ident == "":
        return ""
    bad = id_problem(kind, ident)
    if bad:
        return bad
    if s.aset.has_id(ident):
        return f"id {ident!r} is taken"
    return ""


def _is_offset(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _range_problem(s: AnnotationSession, start: int, end: int) -> str:
    n = len(s.document.text)
    if not (_is_offset(start) and _is_offset(end)) or not 0 <= start < end <= n:
        return f"the range {start}-{end} is not inside the text (0-{n}) or is empty"
    if not s.document.text[start:end].strip():
        return "the selection holds only spaces"
    return ""


@dataclass
class AddSpan(Edit):
    start: int
    end: int
    label: str
    span_id: str = ""
    description: str = "Add span"

    def check(self, s: AnnotationSession) -> str:
        return (_range_problem(s, self.start, self.end) or s.rules.label_problem(self.label)
                or _new_id_problem(s, "span", self.span_id))

    def apply(self, s: AnnotationSession) -> None:
        if not self.span_id:
            self.span_id = s.aset.next_id("s")
        text = s.span_text(self.start, self.end)
        s.aset.spans.append(Span(self.span_id, self.start, self.end, self.label, text))
        self._say(tr("edits", "label {text} {label}").format(
            text=quote(text), label=label_name(s.codebook, self.label)))

    def revert(self, s: AnnotationSession) -> None:
        del s.aset.spans[s.aset.span_index(self.span_id)]

    def changes(self) -> list[Change]:
        return [SpanAdded(self.span_id)]


@dataclass
class RemoveSpan(Edit):
    """Remove a span; with ``cascade`` it is also taken out of every event that uses it."""

    span_id: str
    cascade: bool = True
    description: str = "Remove span"
    _saved: tuple[int, Span] | None = field(default=None, repr=False)
    _refs: list[tuple[str, str, int]] = field(default_factory=list, repr=False)

    def check(self, s: AnnotationSession) -> str:
        if s.aset.span(self.span_id) is None:
            return f"there is no span {show(self.span_id)}"
        uses = s.aset.uses_of_span(self.span_id)
        if uses and not self.cascade:
            where = ", ".join(f"{role} of event {eid}" for eid, role in uses)
            return f"span {self.span_id} is used as {where}; remove it from there first"
        return ""

    def apply(self, s: AnnotationSession) -> None:
        i = s.aset.span_index(self.span_id)
        self._saved = (i, s.aset.spans.pop(i))
        span = self._saved[1]
        self._say(tr("edits", "remove {label} {text}").format(
            label=label_name(s.codebook, span.label), text=quote(span.text)))
        self._refs = []
        for e in s.aset.events:
            if e.trigger == self.span_id:
                self._refs.append((e.id, "", -1))
                e.trigger = None
            for role, fillers in e.roles.items():
                while self.span_id in fillers:
                    k = fillers.index(self.span_id)
                    self._refs.append((e.id, role, k))
                    del fillers[k]

    def revert(self, s: AnnotationSession) -> None:
        assert self._saved is not None
        i, span = self._saved
        s.aset.spans.insert(i, span)
        for eid, role, k in reversed(self._refs):
            e = s.aset.event(eid)
            assert e is not None
            if not role:
                e.trigger = self.span_id
            else:
                e.roles.setdefault(role, []).insert(k, self.span_id)

    def changes(self) -> list[Change]:
        # The events let go of the span first, then it goes (undo: it comes back first).
        events = dict.fromkeys(eid for eid, _, _ in self._refs)
        return [*(EventChanged(eid) for eid in events), SpanRemoved(self.span_id)]


def _label_fits_uses(s: AnnotationSession, span_id: str, label: str) -> str:
    """'' when every event using the span still takes it with ``label``."""
    rules = s.rules
    for eid, role in s.aset.uses_of_span(span_id):
        e = s.aset.event(eid)
        t = rules.types.get(e.type) if e is not None else None
        if role == "trigger":
            bad = rules.trigger_label_problem(label)
        elif t is not None and role in t.roles:
            bad = t.filler_problem(role, span_id, label)
        else:
            continue
        if bad:
            return f"span {span_id} is used in event {eid}: {bad}"
    return ""


@dataclass
class RelabelSpan(Edit):
    span_id: str
    label: str
    description: str = "Relabel span"
    _old: str = ""

    def check(self, s: AnnotationSession) -> str:
        if s.aset.span(self.span_id) is None:
            return f"there is no span {show(self.span_id)}"
        return s.rules.label_problem(self.label) or \
            _label_fits_uses(s, self.span_id, self.label)

    def apply(self, s: AnnotationSession) -> None:
        span = s.aset.span(self.span_id)
        assert span is not None
        self._old, span.label = span.label, self.label
        self._say(tr("edits", "relabel {text} {old} → {new}").format(
            text=quote(span.text), old=label_name(s.codebook, self._old),
            new=label_name(s.codebook, self.label)))

    def revert(self, s: AnnotationSession) -> None:
        span = s.aset.span(self.span_id)
        assert span is not None
        span.label = self._old

    def changes(self) -> list[Change]:
        return [SpanChanged(self.span_id)]


@dataclass
class ResizeSpan(Edit):
    """Move a span's boundaries (e.g. leave a proclitic out); its text follows."""

    span_id: str
    start: int
    end: int
    description: str = "Resize span"
    _old: tuple[int, int, str] | None = None

    def check(self, s: AnnotationSession) -> str:
        if s.aset.span(self.span_id) is None:
            return f"there is no span {show(self.span_id)}"
        return _range_problem(s, self.start, self.end)

    def apply(self, s: AnnotationSession) -> None:
        span = s.aset.span(self.span_id)
        assert span is not None
        self._old = (span.start, span.end, span.text)
        span.start, span.end = self.start, self.end
        span.text = s.span_text(self.start, self.end)
        self._say(tr("edits", "resize {label} {old} → {new}").format(
            label=label_name(s.codebook, span.label), old=quote(self._old[2]),
            new=quote(span.text)))

    def revert(self, s: AnnotationSession) -> None:
        span = s.aset.span(self.span_id)
        assert span is not None and self._old is not None
        span.start, span.end, span.text = self._old

    def changes(self) -> list[Change]:
        return [SpanChanged(self.span_id)]


# -- events ------------------------------------------------------------------------------------
def _event(s: AnnotationSession, event_id: str) -> Event:
    e = s.aset.event(event_id)
    if e is None:
        raise EditRefusedError(f"there is no event {show(event_id)}")
    return e


def _trigger_problem(s: AnnotationSession, span_id: str | None) -> str:
    if span_id is None:
        return ""
    span = s.aset.span(span_id)
    if span is None:
        return f"there is no span {show(span_id)}"
    return s.rules.trigger_label_problem(span.label)


def _type_problem(s: AnnotationSession, type_id: Any, subtype: Any) -> str:
    """'' for a known event type with a sub-type of its own (or none)."""
    bad = s.rules.type_problem(type_id)
    if bad:
        return bad
    return s.rules.types[type_id].subtype_problem(subtype)


def default_fields(cb: Codebook, type_id: str) -> dict[str, Any]:
    return {f.id: copy.deepcopy(f.default) for f in cb.fields_for(type_id)
            if f.default is not None}


@dataclass
class CreateEvent(Edit):
    type: str
    subtype: str | None = None
    trigger: str | None = None
    event_id: str = ""
    description: str = "Create event"
    _index: int = -1

    def check(self, s: AnnotationSession) -> str:
        return (_type_problem(s, self.type, self.subtype)
                or _new_id_problem(s, "event", self.event_id)
                or _trigger_problem(s, self.trigger))

    def apply(self, s: AnnotationSession) -> None:
        if not self.event_id:
            self.event_id = s.aset.next_id("e")
        s.aset.events.append(Event(self.event_id, self.type, self.subtype, self.trigger, {},
                                   default_fields(s.codebook, self.type)))
        words = event_words(s.codebook, s.aset, self.type, self.trigger)
        self._say(tr("edits", "new event {event} {words}").format(event=self.event_id,
                                                                  words=words))

    def revert(self, s: AnnotationSession) -> None:
        del s.aset.events[s.aset.event_index(self.event_id)]

    def changes(self) -> list[Change]:
        return [EventAdded(self.event_id)]


@dataclass
class DeleteEvent(Edit):
    event_id: str
    description: str = "Delete event"
    _saved: tuple[int, Event] | None = None

    def check(self, s: AnnotationSession) -> str:
        return "" if s.aset.event(self.event_id) else f"there is no event {show(self.event_id)}"

    def apply(self, s: AnnotationSession) -> None:
        i = s.aset.event_index(self.event_id)
        self._saved = (i, s.aset.events.pop(i))
        e = self._saved[1]
        self._say(tr("edits", "delete event {event} {words}").format(
            event=e.id, words=event_words(s.codebook, s.aset, e.type, e.trigger)))

    def revert(self, s: AnnotationSession) -> None:
        assert self._saved is not None
        s.aset.events.insert(*self._saved)

    def changes(self) -> list[Change]:
        return [EventRemoved(self.event_id)]


@dataclass
class SetEventType(Edit):
    """Change type and sub-type; roles and fields the new type lacks are dropped (and restored
    by undo)."""

    event_id: str
    type: str
    subtype: str | None = None
    description: str = "Change event type"
    _old: tuple[str, str | None, dict[str, list[str]], dict[str, Any]] | None = None

    def check(self, s: AnnotationSession) -> str:
        if s.aset.event(self.event_id) is None:
            return f"there is no event {show(self.event_id)}"
        return _type_problem(s, self.type, self.subtype)

    def apply(self, s: AnnotationSession) -> None:
        e = _event(s, self.event_id)
        et = s.codebook.event_type(self.type)
        assert et is not None
        self._old = (e.type, e.subtype, copy.deepcopy(e.roles), copy.deepcopy(e.fields))
        field_ids = {f.id for f in s.codebook.fields_for(self.type)}
        e.type, e.subtype = self.type, self.subtype
        e.roles = {r: v for r, v in e.roles.items() if r in et.roles}
        kept = {k: v for k, v in e.fields.items() if k in field_ids}
        e.fields = {**default_fields(s.codebook, self.type), **kept}
        self._say(tr("edits", "{event} type {type}").format(
            event=e.id, type=event_title(s.codebook, self.type, self.subtype)))

    def revert(self, s: AnnotationSession) -> None:
        e = _event(s, self.event_id)
        assert self._old is not None
        e.type, e.subtype, e.roles, e.fields = copy.deepcopy(self._old)

    def changes(self) -> list[Change]:
        return [EventChanged(self.event_id)]


@dataclass
class SetTrigger(Edit):
    event_id: str
    span_id: str | None
    description: str = "Set trigger"
    _old: str | None = None

    def check(self, s: AnnotationSession) -> str:
        if s.aset.event(self.event_id) is None:
            return f"there is no event {show(self.event_id)}"
        return _trigger_problem(s, self.span_id)

    def apply(self, s: AnnotationSession) -> None:
        e = _event(s, self.event_id)
        self._old, e.trigger = e.trigger, self.span_id
        said = tr("edits", "{event} trigger {text}") if self.span_id else \
            tr("edits", "clear {event} trigger {text}")
        self._say(said.format(event=e.id, text=span_words(s.aset, self.span_id or self._old)))

    def revert(self, s: AnnotationSession) -> None:
        _event(s, self.event_id).trigger = self._old

    def changes(self) -> list[Change]:
        return [EventChanged(self.event_id)]


@dataclass
class AddRoleFiller(Edit):
    """Put a span in a role. A role that takes one span has its filler replaced."""

    event_id: str
    role: str
    span_id: str
    description: str = "Fill role"
    _old: list[str] | None = None

    def check(self, s: AnnotationSession) -> str:
        e = s.aset.event(self.event_id)
        if e is None:
            return f"there is no event {show(self.event_id)}"
        span = s.aset.span(self.span_id)
        if span is None:
            return f"there is no span {show(self.span_id)}"
        t: EventRules | None = s.rules.types.get(e.type)
        if t is None:
            return s.rules.type_problem(e.type)
        bad = t.role_problem(self.role)
        if bad:
            return bad
        rd, _ = t.roles[self.role]
        fillers = e.roles.get(self.role, [])
        if self.span_id in fillers:
            return f"span {self.span_id} already fills {rd.name}"
        if rd.max == 1:  # the one filler is replaced
            return t.filler_problem(self.role, self.span_id, span.label)
        return (t.filler_problem(self.role, self.span_id, span.label)
                or t.capacity_problem(self.role, len(fillers) + 1))

    def apply(self, s: AnnotationSession) -> None:
        e = _event(s, self.event_id)
        rd = s.codebook.role(self.role)
        self._old = list(e.roles[self.role]) if self.role in e.roles else None
        fillers = e.roles.setdefault(self.role, [])
        if rd is not None and rd.max == 1:
            fillers.clear()
        fillers.append(self.span_id)
        self._say(tr("edits", "{event} {role} ← {text}").format(
            event=e.id, role=role_name(s.codebook, self.role),
            text=span_words(s.aset, self.span_id)))

    def revert(self, s: AnnotationSession) -> None:
        e = _event(s, self.event_id)
        if self._old is None:
            e.roles.pop(self.role, None)
        else:
            e.roles[self.role] = list(self._old)

    def changes(self) -> list[Change]:
        return [EventChanged(self.event_id)]


@dataclass
class RemoveRoleFiller(Edit):
    event_id: str
    role: str
    span_id: str
    description: str = "Clear role"
    _old: list[str] | None = None

    def check(self, s: AnnotationSession) -> str:
        e = s.aset.event(self.event_id)
        if e is None:
            return f"there is no event {show(self.event_id)}"
        if not isinstance(self.role, str) or self.span_id not in e.roles.get(self.role, []):
            return f"span {self.span_id} does not fill {self.role}"
        return ""

    def apply(self, s: AnnotationSession) -> None:
        e = _event(s, self.event_id)
        self._old = list(e.roles[self.role])
        e.roles[self.role].remove(self.span_id)
        self._say(tr("edits", "take {text} out of {event} {role}").format(
            text=span_words(s.aset, self.span_id), event=e.id,
            role=role_name(s.codebook, self.role)))
        if not e.roles[self.role]:
            del e.roles[self.role]

    def revert(self, s: AnnotationSession) -> None:
        assert self._old is not None
        _event(s, self.event_id).roles[self.role] = list(self._old)

    def changes(self) -> list[Change]:
        return [EventChanged(self.event_id)]


_UNSET = object()


@dataclass
class SetEventField(Edit):
    """Set (or with ``None`` clear) one field of an event."""

    event_id: str
    field_id: str
    value: Any
    description: str = "Set field"
    _old: Any = _UNSET

    def check(self, s: AnnotationSession) -> str:
        e = s.aset.event(self.event_id)
        if e is None:
            return f"there is no event {show(self.event_id)}"
        t = s.rules.types.get(e.type)
        if t is None:
            return s.rules.type_problem(e.type)
        return t.field_problem(self.field_id, self.value)

    def apply(self, s: AnnotationSession) -> None:
        e = _event(s, self.event_id)
        self._old = e.fields.get(self.field_id, _UNSET)
        _assign(e.fields, self.field_id, self.value)
        self._say(field_words(s.codebook.field_for(e.type, self.field_id), self.field_id,
                               self.value, e.id))

    def revert(self, s: AnnotationSession) -> None:
        _assign(_event(s, self.event_id).fields, self.field_id, self._old)

    def changes(self) -> list[Change]:
        return [FieldSet(self.field_id, self.event_id)]


@dataclass
class SetDocumentField(Edit):
    field_id: str
    value: Any
    description: str = "Set document field"
    _old: Any = _UNSET

    def check(self, s: AnnotationSession) -> str:
        return s.rules.document_field_problem(self.field_id, self.value)

    def apply(self, s: AnnotationSession) -> None:
        self._old = s.aset.fields.get(self.field_id, _UNSET)
        _assign(s.aset.fields, self.field_id, self.value)
        self._say(field_words(s.codebook.document_field(self.field_id), self.field_id,
                               self.value))

    def revert(self, s: AnnotationSession) -> None:
        _assign(s.aset.fields, self.field_id, self._old)

    def changes(self) -> list[Change]:
        return [FieldSet(self.field_id)]


def _assign(target: dict[str, Any], key: str, value: Any) -> None:
    if value is None or value is _UNSET:
        target.pop(key, None)
    else:
        target[key] = copy.deepcopy(value)


@dataclass
class SetStatus(Edit):
    status: str
    description: str = "Set status"
    _old: str = ""

    def check(self, s: AnnotationSession) -> str:
        return "" if self.status in STATUSES else f"unknown status {show(self.status)}"

    def apply(self, s: AnnotationSession) -> None:
        self._old, s.aset.status = s.aset.status, self.status
        self._say(tr("edits", "status {status}").format(status=status_name(self.status)))

    def revert(self, s: AnnotationSession) -> None:
        s.aset.status = self._old

    def changes(self) -> list[Change]:
        return [StatusChanged()]


@dataclass
class Macro(Edit):
    """Several edits as one undo step (e.g. add a span and make it an event's actor)."""

    edits: list[Edit]
    description: str = "Edit"
    _applied: int = 0

    def check(self, s: AnnotationSession) -> str:
        return "" if self.edits else "nothing to do"

    def apply(self, s: AnnotationSession) -> None:
        # Later edits depend on earlier ones, so each is checked just before it is applied;
        # if one is refused, those already applied are reverted and the refusal propagates.
        self._applied = 0
        try:
            for edit in self.edits:
                reason = edit.check(s)
                if reason:
                    raise EditRefusedError(reason)
                edit.apply(s)
                self._applied += 1
            self._say(tr("list", "; ").join(edit.description for edit in self.edits))
        except Exception:
            for edit in reversed(self.edits[: self._applied]):
                edit.revert(s)
            self._applied = 0
            raise

    def revert(self, s: AnnotationSession) -> None:
        for edit in reversed(self.edits[: self._applied]):
            edit.revert(s)

    def changes(self) -> list[Change]:
        return [c for e in self.edits for c in e.changes()]
