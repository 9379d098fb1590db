"""Typed change events: what an edit changed, announced once per edit (one batch per macro).

An edit lists the changes it makes (``Edit.changes``); the session announces them as one
``ChangeBatch`` on its ``changed`` emitter after the edit is applied, and the inverse batch
after it is reverted. Views and the issue tracker subscribe with ``connect`` and update only
what a batch names, so nothing diffs or rebuilds on every change.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import Generic, TypeVar

T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class SpanAdded:
    span_id: str


@dataclass(frozen=True, slots=True)
class SpanRemoved:
    span_id: str


@dataclass(frozen=True, slots=True)
class SpanChanged:
    """The span's label, range, text or note changed; its id stays."""

    span_id: str


@dataclass(frozen=True, slots=True)
class EventAdded:
    event_id: str


@dataclass(frozen=True, slots=True)
class EventRemoved:
    event_id: str


@dataclass(frozen=True, slots=True)
class EventChanged:
    """The event's type, sub-type, trigger or roles changed (fields come as ``FieldSet``)."""

    event_id: str


@dataclass(frozen=True, slots=True)
class FieldSet:
    """A field was set or cleared: of the event ``event_id``, or of the document (``None``)."""

    field_id: str
    event_id: str | None = None


@dataclass(frozen=True, slots=True)
class StatusChanged:
    pass


@dataclass(frozen=True, slots=True)
class AdjudicationChanged:
    """An open disagreement of a gold set was decided (or the decision undone)."""

    item_id: str


@dataclass(frozen=True, slots=True)
class SetReplaced:
    """Everything may have changed (recovered work restored): listeners start over."""


Change = (SpanAdded | SpanRemoved | SpanChanged | EventAdded | EventRemoved | EventChanged
          | FieldSet | StatusChanged | AdjudicationChanged | SetReplaced)

_INVERSE: dict[type, type] = {SpanAdded: SpanRemoved, SpanRemoved: SpanAdded,
                              EventAdded: EventRemoved, EventRemoved: EventAdded}


def inverse(change: Change) -> Change:
    """The change that undoing ``change`` makes: an addition becomes a removal and back; the
    others are their own inverse."""
    kind = _INVERSE.get(type(change))
    if kind is None:
        return change
    return kind(*_fields(change))  # type: ignore[no-any-return]


def _fields(change: Change) -> tuple[str, ...]:
    return (change.span_id,) if isinstance(change, (SpanAdded, SpanRemoved)) else (
        (change.event_id,) if isinstance(change, (EventAdded, EventRemoved)) else ())


@dataclass(frozen=True)
class ChangeBatch:
    """The changes of one edit (or of its undo), in the order they happened."""

    changes: tuple[Change, ...]
    description: str = ""
    undo: bool = False

    @classmethod
    def of(cls, changes: Iterable[Change], description: str = "", *,
           undo: bool = False) -> ChangeBatch:
        items = tuple(changes)
        if undo:
            items = tuple(inverse(c) for c in reversed(items))
        return cls(items, description, undo)

    def __iter__(self) -> Iterator[Change]:
        return iter(self.changes)

    @property
    def replaced(self) -> bool:
        return any(isinstance(c, SetReplaced) for c in self.changes)

    def span_ids(self) -> set[str]:
        """Every span the batch added, removed or changed."""
        return {c.span_id for c in self.changes
                if isinstance(c, (SpanAdded, SpanRemoved, SpanChanged))}

    def event_ids(self) -> set[str]:
        """Every event the batch added, removed or changed (fields included)."""
        out = {c.event_id for c in self.changes
               if isinstance(c, (EventAdded, EventRemoved, EventChanged))}
        out.update(c.event_id for c in self.changes
                   if isinstance(c, FieldSet) and c.event_id is not None)
        return out

    def touches_events(self) -> bool:
        return any(isinstance(c, (EventAdded, EventRemoved, EventChanged)) for c in self.changes)

    def document_fields(self) -> set[str]:
        return {c.field_id for c in self.changes if isinstance(c, FieldSet)
                and c.event_id is None}

    def status_changed(self) -> bool:
        return any(isinstance(c, StatusChanged) for c in self.changes)

    def adjudication_items(self) -> set[str]:
        """The gold set's disagreements the batch decided or reopened."""
        return {c.item_id for c in self.changes if isinstance(c, AdjudicationChanged)}


class Emitter(Generic[T]):
    """Callbacks connected to one kind of announcement, called in the order connected.

    ``connect`` twice is one connection; ``disconnect`` of a callback never connected is a
    no-op, so a view can let go of a session it may not hold.
    """

    __slots__ = ("_callbacks",)

    def __init__(self) -> None:
        self._callbacks: list[Callable[[T], object]] = []

    def connect(self, callback: Callable[[T], object]) -> None:
        if callback not in self._callbacks:
            self._callbacks.append(callback)

    def disconnect(self, callback: Callable[[T], object]) -> None:
        if callback in self._callbacks:
            self._callbacks.remove(callback)

    def emit(self, value: T) -> None:
        for callback in list(self._callbacks):
            callback(value)

    def __len__(self) -> int:
        return len(self._callbacks)

    def connected(self, callback: Callable[[T], object]) -> bool:
        return callback in self._callbacks
