"""Edits: every change to an annotation set is an object with check, apply and revert.

The window's undo stack, the command line and the tests all go through these, so a change
behaves the same everywhere. ``check`` returns '' or a plain-language reason to refuse; ``apply``
is only called after a successful check; ``revert`` restores the exact previous state (including
list positions), so undo after any sequence of edits gives back the same file bytes.
"""

from __future__ import annotations

import copy
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from annotator.core.codebook import Codebook
from annotator.core.model import STATUSES, AnnotationSet, Document, Event, Span, now_iso
from annotator.core.values import check_value, show
from annotator.errors import AnnotatorError


class EditRefusedError(AnnotatorError):
    """An edit that would make the annotations inconsistent; the message says why."""


@dataclass(frozen=True)
class Change:
    """What an edit touched, for views to refresh: ``kind`` is spans, events, fields or status."""

    kind: str
    ids: tuple[str, ...] = ()


Listener = Callable[[Change], None]


class AnnotationSession:
    """One coder's annotation set on one document, with its codebook, changed only by edits."""

    def __init__(self, document: Document, codebook: Codebook, aset: AnnotationSet) -> None:
        self.document = document
        self.codebook = codebook
        self.aset = aset
        self.listeners: list[Listener] = []

    def do(self, edit: Edit) -> None:
        """Check and apply ``edit``; raise ``EditRefusedError`` (nothing changed) if refused."""
        reason = edit.check(self)
        if reason:
            raise EditRefusedError(reason)
        edit.apply(self)
        self._touched(edit)

    def undo(self, edit: Edit) -> None:
        edit.revert(self)
        self._touched(edit)

    def _touched(self, edit: Edit) -> None:
        self.aset.modified = now_iso()
        for change in edit.changes():
            for listener in list(self.listeners):
                listener(change)

    def span_text(self, start: int, end: int) -> str:
        return self.document.text[start:end]


class Edit:
    """Base class; subclasses set ``description`` (shown in the undo menu)."""

    description = "edit"

    def check(self, s: AnnotationSession) -> str:
        return ""

    def apply(self, s: AnnotationSession) -> None:
        raise NotImplementedError

    def revert(self, s: AnnotationSession) -> None:
        raise NotImplementedError

    def changes(self) -> list[Change]:
        return []


class History:
    """A plain undo/redo stack for code without Qt (the window uses a ``QUndoStack``)."""

    def __init__(self, session: AnnotationSession) -> None:
        self.session = session
        self.done: list[Edit] = []
        self.undone: list[Edit] = []
        self.clean_index = 0

    def push(self, edit: Edit) -> None:
        self.session.do(edit)
        if self.clean_index > len(self.done):
            self.clean_index = -1  # the saved state was undone and is now unreachable
        self.done.append(edit)
        self.undone.clear()

    def undo(self) -> bool:
        if not self.done:
            return False
        edit = self.done.pop()
        self.session.undo(edit)
        self.undone.append(edit)
        return True

    def redo(self) -> bool:
        if not self.undone:
            return False
        edit = self.undone.pop()
        self.session.do(edit)
        self.done.append(edit)
        return True

    def set_clean(self) -> None:
        self.clean_index = len(self.done)

    def is_clean(self) -> bool:
        return self.clean_index == len(self.done)


# -- spans -------------------------------------------------------------------------------------
_ID = re.compile(r"[A-Za-z0-9_][A-Za-z0-9_.-]{0,63}")  # as in the annotation schema


def _new_id_problem(s: AnnotationSession, kind: str, ident: str) -> str:
    """'' for no id (one is chosen on apply) or a well-formed id no span or event has."""
    if ident == "":
        return ""
    if not isinstance(ident, str) or not _ID.fullmatch(ident):
        return f"{kind} id {show(ident)} is not valid: use letters, digits, '_', '.' or '-'"
    if s.aset.span(ident) is not None or s.aset.event(ident) is not None:
        return f"id {ident!r} is taken"
    return ""


def _label_problem(cb: Codebook, label: str) -> str:
    return "" if isinstance(label, str) and cb.label(label) else f"unknown label {show(label)}"


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
        return (_range_problem(s, self.start, self.end) or _label_problem(s.codebook, self.label)
                or _new_id_problem(s, "span", self.span_id))

    def apply(self, s: AnnotationSession) -> None:
        if not self.span_id:
            self.span_id = s.aset.next_id("s")
        s.aset.spans.append(Span(self.span_id, self.start, self.end, self.label,
                                 s.span_text(self.start, self.end)))

    def revert(self, s: AnnotationSession) -> None:
        del s.aset.spans[s.aset.span_index(self.span_id)]

    def changes(self) -> list[Change]:
        return [Change("spans", (self.span_id,))]


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
        events = tuple(dict.fromkeys(eid for eid, _, _ in self._refs))
        out = [Change("spans", (self.span_id,))]
        if events:
            out.append(Change("events", events))
        return out


def _label_fits_uses(s: AnnotationSession, span_id: str, label: str) -> str:
    cb = s.codebook
    for eid, role in s.aset.uses_of_span(span_id):
        if role == "trigger":
            if cb.trigger_labels and label not in cb.trigger_labels:
                return f"span {span_id} is the trigger of event {eid}, which must be " \
                       f"{' or '.join(cb.trigger_labels)}"
        else:
            rd = cb.role(role)
            if rd is not None and label not in rd.labels:
                return f"span {span_id} fills {rd.name} of event {eid}, which takes only " \
                       f"{' or '.join(rd.labels)}"
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
        return _label_problem(s.codebook, self.label) or \
            _label_fits_uses(s, self.span_id, self.label)

    def apply(self, s: AnnotationSession) -> None:
        span = s.aset.span(self.span_id)
        assert span is not None
        self._old, span.label = span.label, self.label

    def revert(self, s: AnnotationSession) -> None:
        span = s.aset.span(self.span_id)
        assert span is not None
        span.label = self._old

    def changes(self) -> list[Change]:
        return [Change("spans", (self.span_id,))]


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

    def revert(self, s: AnnotationSession) -> None:
        span = s.aset.span(self.span_id)
        assert span is not None and self._old is not None
        span.start, span.end, span.text = self._old

    def changes(self) -> list[Change]:
        return [Change("spans", (self.span_id,))]


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
    labels = s.codebook.trigger_labels
    if labels and span.label not in labels:
        return f"a trigger must be labelled {' or '.join(labels)}; span {span_id} is {span.label}"
    return ""


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
        et = s.codebook.event_type(self.type) if isinstance(self.type, str) else None
        if et is None:
            return f"unknown event type {show(self.type)}"
        if self.subtype is not None and et.subtype(self.subtype) is None:
            return f"{et.name} has no sub-type {show(self.subtype)}"
        return _new_id_problem(s, "event", self.event_id) or _trigger_problem(s, self.trigger)

    def apply(self, s: AnnotationSession) -> None:
        if not self.event_id:
            self.event_id = s.aset.next_id("e")
        s.aset.events.append(Event(self.event_id, self.type, self.subtype, self.trigger, {},
                                   default_fields(s.codebook, self.type)))

    def revert(self, s: AnnotationSession) -> None:
        del s.aset.events[s.aset.event_index(self.event_id)]

    def changes(self) -> list[Change]:
        return [Change("events", (self.event_id,))]


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

    def revert(self, s: AnnotationSession) -> None:
        assert self._saved is not None
        s.aset.events.insert(*self._saved)

    def changes(self) -> list[Change]:
        return [Change("events", (self.event_id,))]


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
        et = s.codebook.event_type(self.type) if isinstance(self.type, str) else None
        if et is None:
            return f"unknown event type {show(self.type)}"
        if self.subtype is not None and et.subtype(self.subtype) is None:
            return f"{et.name} has no sub-type {show(self.subtype)}"
        return ""

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

    def revert(self, s: AnnotationSession) -> None:
        e = _event(s, self.event_id)
        assert self._old is not None
        e.type, e.subtype, e.roles, e.fields = copy.deepcopy(self._old)

    def changes(self) -> list[Change]:
        return [Change("events", (self.event_id,))]


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

    def revert(self, s: AnnotationSession) -> None:
        _event(s, self.event_id).trigger = self._old

    def changes(self) -> list[Change]:
        return [Change("events", (self.event_id,))]


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
        et = s.codebook.event_type(e.type)
        rd = s.codebook.role(self.role) if isinstance(self.role, str) else None
        if et is None or rd is None or self.role not in et.roles:
            return f"{show(self.role)} is not a role of {et.name if et else e.type}"
        if span.label not in rd.labels:
            return f"{rd.name} takes {' or '.join(rd.labels)} spans; this span is {span.label}"
        fillers = e.roles.get(self.role, [])
        if self.span_id in fillers:
            return f"span {self.span_id} already fills {rd.name}"
        if rd.max is not None and rd.max > 1 and len(fillers) >= rd.max:
            return f"{rd.name} takes at most {rd.max} spans"
        return ""

    def apply(self, s: AnnotationSession) -> None:
        e = _event(s, self.event_id)
        rd = s.codebook.role(self.role)
        self._old = list(e.roles[self.role]) if self.role in e.roles else None
        fillers = e.roles.setdefault(self.role, [])
        if rd is not None and rd.max == 1:
            fillers.clear()
        fillers.append(self.span_id)

    def revert(self, s: AnnotationSession) -> None:
        e = _event(s, self.event_id)
        if self._old is None:
            e.roles.pop(self.role, None)
        else:
            e.roles[self.role] = list(self._old)

    def changes(self) -> list[Change]:
        return [Change("events", (self.event_id,))]


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
        if not e.roles[self.role]:
            del e.roles[self.role]

    def revert(self, s: AnnotationSession) -> None:
        assert self._old is not None
        _event(s, self.event_id).roles[self.role] = list(self._old)

    def changes(self) -> list[Change]:
        return [Change("events", (self.event_id,))]


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
        fd = s.codebook.field_for(e.type, self.field_id)
        if fd is None:
            return f"{show(self.field_id)} is not a field of this event type"
        if self.value is None:
            return ""
        bad = check_value(fd, self.value)
        return f"{fd.name}: {bad}" if bad else ""

    def apply(self, s: AnnotationSession) -> None:
        e = _event(s, self.event_id)
        self._old = e.fields.get(self.field_id, _UNSET)
        _assign(e.fields, self.field_id, self.value)

    def revert(self, s: AnnotationSession) -> None:
        _assign(_event(s, self.event_id).fields, self.field_id, self._old)

    def changes(self) -> list[Change]:
        return [Change("events", (self.event_id,))]


@dataclass
class SetDocumentField(Edit):
    field_id: str
    value: Any
    description: str = "Set document field"
    _old: Any = _UNSET

    def check(self, s: AnnotationSession) -> str:
        fd = s.codebook.document_field(self.field_id)
        if fd is None:
            return f"{show(self.field_id)} is not a document field"
        if self.value is None:
            return ""
        bad = check_value(fd, self.value)
        return f"{fd.name}: {bad}" if bad else ""

    def apply(self, s: AnnotationSession) -> None:
        self._old = s.aset.fields.get(self.field_id, _UNSET)
        _assign(s.aset.fields, self.field_id, self.value)

    def revert(self, s: AnnotationSession) -> None:
        _assign(s.aset.fields, self.field_id, self._old)

    def changes(self) -> list[Change]:
        return [Change("fields")]


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

    def revert(self, s: AnnotationSession) -> None:
        s.aset.status = self._old

    def changes(self) -> list[Change]:
        return [Change("status")]


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
