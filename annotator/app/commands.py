"""The coder's commands, without Qt: each takes the ``CodingState``, makes at most one edit
(one undo step) and returns an ``Outcome``: what to tell the coder, or why nothing was done.

The window binds keys to these; tests and scripts call them directly, so a key does the same
thing everywhere.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from annotator.app.issue_words import message_text
from annotator.app.state import CodingState
from annotator.core import selection as snapping
from annotator.core.edits import (
    AddRoleFiller,
    AddSpan,
    CreateEvent,
    DeleteEvent,
    Edit,
    Macro,
    RelabelSpan,
    RemoveSpan,
    ResizeSpan,
    SetDocumentField,
    SetEventField,
    SetEventType,
    SetStatus,
)
from annotator.core.names import label_name, quote, role_name
from annotator.i18n import tr


@dataclass(frozen=True)
class Outcome:
    """The result of a command: ``refusal`` is '' when it was done; ``message`` is for the
    status bar; ``focus`` names what the window should focus next ('' for nothing)."""

    message: str = ""
    refusal: str = ""
    focus: str = ""

    @property
    def ok(self) -> bool:
        return not self.refusal


def _refused(reason: str, message: str) -> Outcome:
    """Nothing done: ``reason`` says why in a few fixed words (for scripts and tests),
    ``message`` tells the coder."""
    return Outcome(message, reason)


def _no_document() -> Outcome:
    return _refused("no document", tr("commands", "Not done: no document"))


def _not_done(state: CodingState, reason: str) -> Outcome:
    """An edit the rules refused: why, as the coder reads it."""
    return Outcome(tr("commands", "Not done: {reason}").format(
        reason=message_text(state.codebook, reason)), reason)


def label_key(state: CodingState, label_id: str) -> str:
    lab = state.codebook.label(label_id)
    return lab.key.upper() if lab and lab.key else label_id


# -- spans ---------------------------------------------------------------------------------------
def apply_label(state: CodingState, label_id: str) -> Outcome:
    """Label the selection (or relabel the selected span) with ``label_id``."""
    if state.handle is None:
        return _no_document()
    span_id, rng = state.target()
    name = label_name(state.codebook, label_id)
    if rng is not None:
        selected = state.span(state.selected_span)
        if selected is not None and (selected.start, selected.end) == rng:
            span_id = selected.id
        else:
            same = state.existing_span(rng, (label_id,))
            if same is not None:
                state.select_span(same.id)
                state.collapse_selection()
                return Outcome(tr("commands", "Already labelled {label}: {span}").format(
                    label=name, span=same.id))
            edit = AddSpan(rng[0], rng[1], label_id, span_id=state.handle.session.aset
                           .next_id("s"))
            reason = state.push(edit)
            if reason:
                return _not_done(state, reason)
            state.collapse_selection()
            state.select_span(edit.span_id)
            return Outcome(tr("commands", "{label}: {text}").format(
                label=name, text=quote(state.text[rng[0]:rng[1]])))
    if span_id is None:
        return _refused("nothing selected", tr("commands", "Select some text first (drag, "
                                                           "double-click or Shift+arrows)"))
    span = state.span(span_id)
    if span is not None and span.label == label_id:
        return Outcome()
    reason = state.push(RelabelSpan(span_id, label_id))
    if reason:
        return _not_done(state, reason)
    state.select_span(span_id)
    return Outcome(tr("commands", "{span} is now {label}").format(span=span_id, label=name))


def trim_proclitic(state: CodingState) -> Outcome:
    """Leave a leading proclitic (و ف ب ل ك) out of the selection or the selected span."""
    if state.handle is None:
        return _no_document()
    text = state.text
    span_id, rng = state.target()
    none = tr("commands", "No leading proclitic (و ف ب ل ك) to leave out")
    if rng is not None:
        new = snapping.strip_proclitic(text, *rng, lexicon=state.lexicon)
        if new == rng:
            return _refused("nothing to strip", none)
        state.request_selection(*new, exact=True)
        return Outcome(tr("commands", "Selection: {text}").format(
            text=quote(text[new[0]:new[1]])))
    span = state.span(span_id)
    if span is None:
        return _refused("nothing selected", tr("commands", "Select a span or some text first"))
    new = snapping.strip_proclitic(text, span.start, span.end, lexicon=state.lexicon)
    if new == (span.start, span.end):
        return _refused("nothing to strip", none)
    reason = state.push(ResizeSpan(span.id, *new))
    if reason:
        return _not_done(state, reason)
    return Outcome(tr("commands", "{span}: {text}").format(
        span=span.id, text=quote(text[new[0]:new[1]])))


def fit_span(state: CodingState) -> Outcome:
    """Move a span's boundaries to the selection, keeping its id, label and roles: the span
    the selection overlaps, or of several, the one last clicked or picked."""
    if state.handle is None:
        return _no_document()
    rng = state.snapped_selection()
    if rng is None:
        return _refused("nothing selected", tr("commands", "Click the span, then select the "
                                                           "text it should cover, then F"))
    aset = state.handle.session.aset
    under = [s for s in aset.spans if s.start < rng[1] and rng[0] < s.end]
    chosen = next((s for s in under if s.id == state.chosen_span), None)
    if chosen is None:
        if not under:
            return _refused("no span", tr("commands", "No span under the selection to fit (a "
                                                      "label key makes a new one)"))
        if len(under) > 1:
            return _refused("several spans", tr(
                "commands", "{count} spans under the selection: click the one to fit first"
            ).format(count=len(under)))
        chosen = under[0]
    if (chosen.start, chosen.end) == rng:
        return Outcome(tr("commands", "{span} already covers the selection").format(
            span=chosen.id))
    reason = state.push(ResizeSpan(chosen.id, *rng))
    if reason:
        return _not_done(state, reason)
    state.collapse_selection()
    state.select_span(chosen.id)
    return Outcome(tr("commands", "{span}: {text}").format(
        span=chosen.id, text=quote(state.text[rng[0]:rng[1]])))


def delete_span(state: CodingState) -> Outcome:
    """Remove the selected span (and its uses in events: undo brings them back)."""
    span_id = state.selected_span_id()
    if state.handle is None or span_id is None:
        return _refused("nothing selected", tr("commands", "Select a span first (click it, or "
                                                           "pick it in the span table)"))
    uses = state.handle.session.aset.uses_of_span(span_id)
    reason = state.push(RemoveSpan(span_id))
    if reason:
        return _not_done(state, reason)
    cb = state.codebook
    if not uses:
        return Outcome(tr("commands", "Removed {span}").format(span=span_id))
    roles = tr("list", ", ").join(f"{e} {role_name(cb, r)}" for e, r in uses)
    return Outcome(tr("commands", "Removed {span} (also taken out of {roles})").format(
        span=span_id, roles=roles))


def describe_span(state: CodingState, span_id: str) -> str:
    """The status line for a span the coder picked: its id, label and text."""
    span = state.span(span_id)
    if span is None:
        return ""
    return tr("commands", "Selected {span}: {label} {text}").format(
        span=span_id, label=label_name(state.codebook, span.label), text=quote(span.text))


def describe_selection(state: CodingState) -> str:
    """The status line for a text selection: what it covers, and whether X would trim it."""
    rng = state.snapped_selection()
    if rng is None:
        return ""
    text = state.text
    stripped = snapping.strip_proclitic(text, *rng, lexicon=state.lexicon)
    if stripped != rng:
        return tr("commands", "Selection {text} · X leaves out {proclitic}").format(
            text=quote(text[rng[0]:rng[1]]), proclitic=quote(text[rng[0]:stripped[0]]))
    return tr("commands", "Selection {text}").format(text=quote(text[rng[0]:rng[1]]))


# -- events --------------------------------------------------------------------------------------
def default_event_type(state: CodingState) -> str | None:
    """The type a new event starts with: the one last chosen, else the current event's, else
    the codebook's first."""
    cb = state.codebook
    if state.last_event_type and cb.event_type(state.last_event_type):
        return state.last_event_type
    current = state.current_event_id()
    if current and state.handle is not None:
        event = state.handle.session.aset.event(current)
        if event is not None:
            return event.type
    return cb.event_types[0].id if cb.event_types else None


def new_event(state: CodingState) -> Outcome:
    """A new event whose trigger is the selected trigger span, or the selection (labelled as a
    trigger); then the type selector should get the focus."""
    if state.handle is None:
        return _no_document()
    cb = state.codebook
    aset = state.handle.session.aset
    trigger_labels = cb.trigger_labels or tuple(lab.id for lab in cb.span_labels[:1])
    type_id = default_event_type(state)
    if type_id is None:
        return _refused("no event types", tr("commands", "The codebook has no event types"))
    span_id, rng = state.target()
    event_id = aset.next_id("e")
    if rng is not None:
        existing = state.existing_span(rng, trigger_labels)
        if existing is not None:
            edit: Edit = CreateEvent(type_id, trigger=existing.id, event_id=event_id)
            span_id = existing.id
        else:
            span_id = aset.next_id("s")
            edit = Macro([AddSpan(rng[0], rng[1], trigger_labels[0], span_id=span_id),
                          CreateEvent(type_id, trigger=span_id, event_id=event_id)],
                         description=tr("edits", "new event {event} {words}").format(
                             event=event_id, words=quote(state.text[rng[0]:rng[1]])))
    elif span_id is not None:
        span = aset.span(span_id)
        if span is not None and trigger_labels and span.label not in trigger_labels:
            names = tr("list", " or ").join(label_name(cb, t) for t in trigger_labels)
            return _refused("not a trigger", tr(
                "commands", "Not done: {span} is {label}; a trigger must be {labels} (select "
                            "the trigger word, or relabel it with {key})").format(
                span=span_id, label=label_name(cb, span.label), labels=names,
                key=label_key(state, trigger_labels[0])))
        edit = CreateEvent(type_id, trigger=span_id, event_id=event_id)
    else:
        edit = CreateEvent(type_id, event_id=event_id)
    reason = state.push(edit)
    if reason:
        return _not_done(state, reason)
    state.collapse_selection()
    if span_id:
        state.select_span(span_id)
    state.set_current_event(event_id)
    said = tr("commands", "New event {event}: choose its type and sub-type") if span_id else \
        tr("commands", "New event {event} without a trigger (select its word and set it in "
                       "the panel): choose its type and sub-type")
    return Outcome(said.format(event=event_id), focus="event_type")


def fill_role(state: CodingState, role_id: str) -> Outcome:
    """Put the selected span (or the selection, labelled for the role) in ``role_id`` of the
    current event, as one undo step."""
    if state.handle is None:
        return _no_document()
    rd = state.codebook.role(role_id)
    if rd is None:
        return _refused(f"unknown role {role_id}", tr("commands", "Not done: unknown role {role}")
                        .format(role=role_id))
    role = role_name(state.codebook, role_id)
    event_id = state.current_event_id()
    if event_id is None:
        return _refused("no event", tr("commands", "No current event: make one with E (or pick "
                                                   "one in the panel)"))
    aset = state.handle.session.aset
    span_id, rng = state.target()
    if rng is not None:
        selected = state.span(state.selected_span)
        existing = selected if selected is not None and (selected.start, selected.end) == rng \
            and selected.label in rd.labels else state.existing_span(rng, rd.labels)
        if existing is not None:
            span_id = existing.id
            edit: Edit = AddRoleFiller(event_id, role_id, span_id)
        else:
            span_id = aset.next_id("s")
            edit = Macro([AddSpan(rng[0], rng[1], rd.labels[0], span_id=span_id),
                          AddRoleFiller(event_id, role_id, span_id)],
                         description=tr("edits", "{event} {role} ← {text}").format(
                             event=event_id, role=role, text=quote(state.text[rng[0]:rng[1]])))
    elif span_id is not None:
        edit = AddRoleFiller(event_id, role_id, span_id)
    else:
        return _refused("nothing selected",
                        tr("commands", "Select the text for {role} first").format(role=role))
    reason = state.push(edit)
    if reason:
        return _not_done(state, reason)
    state.collapse_selection()
    state.select_span(span_id)
    span = aset.span(span_id)
    return Outcome(tr("commands", "{event} {role} ← {text}").format(
        event=event_id, role=role, text=quote(span.text if span else "")))


def delete_event(state: CodingState) -> Outcome:
    event_id = state.current_event_id()
    if event_id is None:
        return _refused("no event", tr("commands", "No current event"))
    reason = state.push(DeleteEvent(event_id))
    if reason:
        return _not_done(state, reason)
    state.set_current_event(None)
    return Outcome(tr("commands", "Deleted event {event} (Ctrl+Z brings it back)").format(
        event=event_id))


def step_event(state: CodingState, step: int) -> Outcome:
    """Make the next (``+1``) or previous (``-1``) event current, wrapping round."""
    events = state.handle.session.aset.events if state.handle is not None else []
    if not events:
        return _refused("no events",
                        tr("commands", "No events yet: select a trigger word and press E"))
    ids = [e.id for e in events]
    current = state.current_event_id()
    i = ids.index(current) if current in ids else (-1 if step > 0 else len(ids))
    event_id = ids[(i + step) % len(ids)]
    state.set_current_event(event_id)
    return Outcome()


def set_event_type(state: CodingState, type_id: str, subtype: str | None = None) -> Outcome:
    """Give the current event a type and sub-type; the next new event starts with that type."""
    event_id = state.current_event_id()
    if event_id is None:
        return _refused("no event", tr("commands", "No current event"))
    reason = state.push(SetEventType(event_id, type_id, subtype))
    if reason:
        return _not_done(state, reason)
    state.last_event_type = type_id
    return Outcome()


def set_field(state: CodingState, field_id: str, value: Any) -> Outcome:
    """Set (``None``: clear) a field of the current event."""
    event_id = state.current_event_id()
    if event_id is None:
        return _refused("no event", tr("commands", "No current event"))
    reason = state.push(SetEventField(event_id, field_id, value))
    return _not_done(state, reason) if reason else Outcome()


def set_document_field(state: CodingState, field_id: str, value: Any) -> Outcome:
    reason = state.push(SetDocumentField(field_id, value))
    return _not_done(state, reason) if reason else Outcome()


def set_status(state: CodingState, status: str) -> Outcome:
    """Give the set ``status`` (one undo step); nothing to do when it has it already."""
    if state.handle is None:
        return _no_document()
    if state.handle.session.aset.status == status:
        return Outcome()
    reason = state.push(SetStatus(status))
    return _not_done(state, reason) if reason else Outcome()
