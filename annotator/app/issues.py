"""The issues of one open document, kept current edit by edit.

``IssueTracker`` validates the whole set once when the document opens, then listens to the
session's change batches and checks again only what a batch touched: the spans it added,
removed or changed, the events that use them, the events it changed, the document fields. It
gives the same issues as ``validate_annotation_data`` of the set (a test compares them after
random edits), at a cost that does not grow with the document (10,000 spans: microseconds per
edit instead of tens of milliseconds).
"""

from __future__ import annotations

from bisect import bisect_left, insort
from collections.abc import Iterator, Mapping
from typing import Any

from annotator.core.events import (
    ChangeBatch,
    Emitter,
    EventAdded,
    EventChanged,
    EventRemoved,
    FieldSet,
    SpanAdded,
    SpanChanged,
    SpanRemoved,
)
from annotator.core.model import Event, Span
from annotator.core.session import AnnotationSession
from annotator.core.validation import (
    ERROR,
    TODO,
    Issue,
    document_field_issues,
    duplicate_span_issue,
    event_issues,
    header_issues,
    repeated_id_issues,
    semantic_issues,
    span_issues,
)

SpanKey = tuple[int, int, str, str]


def _key(span: Span) -> SpanKey:
    """A span's place in the file (``AnnotationSet.to_dict`` sorts spans this way)."""
    return (span.start, span.end, span.label, span.id)


def _span_dict(span: Span) -> dict[str, Any]:
    return {"id": span.id, "start": span.start, "end": span.end, "label": span.label,
            "text": span.text}


class _SpanLabels(Mapping[str, dict[str, Any]]):
    """What an event check looks up of a span (its label), read from the live set."""

    def __init__(self, session: AnnotationSession) -> None:
        self._spans = session.aset.spans

    def __getitem__(self, span_id: str) -> dict[str, Any]:
        span = self._spans.get(span_id)
        if span is None:
            raise KeyError(span_id)
        return {"label": span.label}

    def __contains__(self, span_id: object) -> bool:
        return isinstance(span_id, str) and self._spans.get(span_id) is not None

    def __iter__(self) -> Iterator[str]:
        return iter(self._spans.ids())

    def __len__(self) -> int:
        return len(self._spans.ids())


class IssueTracker:
    """Every issue of one session's set; ``changed`` fires after the issues changed."""

    def __init__(self, session: AnnotationSession, known: list[Issue] | None = None) -> None:
        """``known``: the set's issues as ``semantic_issues`` gave them (opening it), so the
        set is not validated twice."""
        self.session = session
        self.changed: Emitter[IssueTracker] = Emitter()
        self._spans = _SpanLabels(session)
        self._list: list[Issue] | None = None
        self._recheck_all(known)
        session.changed.connect(self._on_session_changed)

    def close(self) -> None:
        self.session.changed.disconnect(self._on_session_changed)

    # -- reading -------------------------------------------------------------------------------
    def issues(self) -> list[Issue]:
        """All issues, in the order ``validate_annotation_data`` lists them."""
        if self._list is None:
            if self._span_part is None:
                part: list[Issue] = []
                for key in sorted(self._span_key[sid] for sid in self._span_issues):
                    i = bisect_left(self._keys, key)
                    part += [_at(issue, "$.spans[", i) for issue in self._span_issues[key[3]]]
                self._span_part = part
            if self._event_part is None:
                part = []
                for i, e in enumerate(self.session.aset.events):
                    part += self._placed(e.id, i)
                self._event_part = part
            self._list = [*self._header, *self._span_part, *self._event_part, *self._repeated,
                          *self._document]
        return self._list

    def _placed(self, event_id: str, index: int) -> list[Issue]:
        """The event's issues with the path of its place ``index``, kept until it moves or
        is checked again."""
        found = self._event_issues.get(event_id)
        if not found:
            return []
        placed = self._event_placed.get(event_id)
        if placed is None or placed[0] != index:
            placed = (index, [_at(issue, "$.events[", index) for issue in found])
            self._event_placed[event_id] = placed
        return placed[1]

    def of_event(self, event_id: str) -> list[Issue]:
        """The event's own issues that need doing (todo) or are wrong (error)."""
        events = self.session.aset.events
        if events.get(event_id) is None:
            return []
        placed = self._placed(event_id, events.position(event_id))
        return [x for x in placed if x.severity in (TODO, ERROR)]

    def of_document(self) -> list[Issue]:
        """Todo and error issues not tied to one event (document fields, spans, ids)."""
        return [i for i in self.issues() if i.severity in (TODO, ERROR)
                and not i.where.startswith("$.events[")]

    def strict_problems(self) -> list[Issue]:
        """What stops the document from being done: every error, and every missing thing (an
        error once the status is done)."""
        return [i if i.severity == ERROR else Issue(ERROR, i.where, i.message, i.ref)
                for i in self.issues() if i.severity in (ERROR, TODO)]

    # -- checking ------------------------------------------------------------------------------
    def _recheck_all(self, known: list[Issue] | None = None) -> None:
        """Every issue of the set: ``known`` (the set's issues as ``semantic_issues`` gives
        them, from opening it), or one full validation, which is quick on a clean set (its
        checks run in C loops), sorted into what each span and event owns so that later
        changes recheck only their part."""
        s = self.session
        aset = s.aset
        if known is None:
            data = aset.to_dict()
            known = semantic_issues(data, document=s.document, codebook=s.codebook)
        else:  # only what the header checks look at
            data = {"document": {"id": aset.document_id, "sha256": aset.document_sha256},
                    "codebook": aset.codebook.to_dict()}
        self._need = ERROR if aset.status == "done" else TODO
        self._header, self._text = header_issues(data, s.document, s.codebook)
        self._span_key: dict[str, SpanKey] = {}
        self._keys: list[SpanKey] = []
        self._span_issues: dict[str, list[Issue]] = {}
        self._by_range: dict[tuple[int, int, str], list[str]] = {}
        for span in aset.spans:
            self._add_span(span, check=False)
        self._keys.sort()
        self._uses: dict[str, set[str]] = {}  # span id -> events that name it
        self._named: dict[str, set[str]] = {}  # event id -> span ids it names
        self._event_issues: dict[str, list[Issue]] = {}
        self._event_placed: dict[str, tuple[int, list[Issue]]] = {}
        for e in aset.events:
            self._index_event(e)
        self._repeated: list[Issue] = []
        self._document: list[Issue] = []
        for issue in known:
            self._sort_in(issue)
        self._span_part: list[Issue] | None = None
        self._event_part: list[Issue] | None = None
        self._list = None
        aset.next_id("s")  # the counter a new span's id starts from, found now and not on the
        aset.next_id("e")  # coder's first key press

    def _sort_in(self, issue: Issue) -> None:
        """File one issue of a full validation where the tracker keeps it."""
        where = issue.where
        for prefix, owned in (("$.spans[", self._span_issues),
                              ("$.events[", self._event_issues)):
            if where.startswith(prefix) and issue.ref:
                rest = where[where.index("]") + 1:]
                owned.setdefault(issue.ref, []).append(
                    Issue(issue.severity, f"{prefix}0]{rest}", issue.message, issue.ref))
                return
        if where == "$" and issue.ref:
            self._repeated.append(issue)
        elif where.startswith("$.fields"):
            self._document.append(issue)
        # The file's header issues (document, codebook) came from header_issues already.

    def _add_span(self, span: Span, *, keep_sorted: bool = False, check: bool = True) -> None:
        key = _key(span)
        self._span_key[span.id] = key
        if keep_sorted:
            insort(self._keys, key)
        else:
            self._keys.append(key)
        self._by_range.setdefault(key[:3], []).append(span.id)
        if check:
            self._check_span(span)

    def _drop_span(self, span_id: str) -> tuple[int, int, str] | None:
        key = self._span_key.pop(span_id, None)
        if key is None:
            return None
        i = bisect_left(self._keys, key)
        if i < len(self._keys) and self._keys[i] == key:
            del self._keys[i]
        group = self._by_range.get(key[:3], [])
        if span_id in group:
            group.remove(span_id)
        if not group:
            self._by_range.pop(key[:3], None)
        self._span_issues.pop(span_id, None)
        return key[:3]

    def _check_span(self, span: Span) -> None:
        labels = self.session.rules.labels
        found = span_issues(0, _span_dict(span), self._text, labels)
        if found:
            self._span_issues[span.id] = found
        else:
            self._span_issues.pop(span.id, None)

    def _check_duplicates(self, group: list[str]) -> None:
        """Spans of one range and label: all but the first in file order are warned about."""
        spans = self.session.aset.spans
        for sid in group:
            span = spans.get(sid)
            if span is not None:
                self._check_span(span)
        ordered = sorted(group, key=lambda sid: self._span_key[sid])
        for sid in ordered[1:]:
            self._span_issues.setdefault(sid, []).append(duplicate_span_issue(0, sid, ordered[0]))

    def _index_event(self, e: Event) -> None:
        named = e.span_ids()
        self._named[e.id] = named
        for sid in named:
            self._uses.setdefault(sid, set()).add(e.id)

    def _unindex_event(self, event_id: str) -> None:
        for sid in self._named.pop(event_id, set()):
            users = self._uses.get(sid)
            if users is not None:
                users.discard(event_id)
                if not users:
                    del self._uses[sid]

    def _check_event(self, e: Event) -> None:
        s = self.session
        self._event_placed.pop(e.id, None)
        found = event_issues(0, e.to_dict(), self._spans, s.codebook, s.rules, self._need)
        if found:
            self._event_issues[e.id] = found
        else:
            self._event_issues.pop(e.id, None)

    def _check_ids(self) -> None:
        aset = self.session.aset
        if len(aset.spans.ids()) + len(aset.events.ids()) == len(aset.spans) + len(aset.events) \
                and aset.spans.ids().isdisjoint(aset.events.ids()):
            self._repeated: list[Issue] = []
            return
        self._repeated = repeated_id_issues([x.id for x in aset.spans] + [e.id for e in
                                                                          aset.events])

    def _check_document(self) -> None:
        aset = self.session.aset
        self._document = document_field_issues(aset.fields, self.session.rules, self._need)

    # -- changes -------------------------------------------------------------------------------
    def _on_session_changed(self, batch: ChangeBatch) -> None:
        aset = self.session.aset
        if batch.replaced or batch.status_changed():
            self._recheck_all()  # a new set, or every requirement changes severity
            self.changed.emit(self)
            return
        events: set[str] = set()
        ranges: set[tuple[int, int, str]] = set()
        fresh: set[str] = set()  # spans checked just now
        ids_changed = False
        for change in batch:
            if isinstance(change, (SpanAdded, SpanRemoved, SpanChanged)):
                sid = change.span_id
                old = self._drop_span(sid)
                if old is not None:
                    ranges.add(old)
                span = aset.span(sid)
                if span is not None:
                    self._add_span(span, keep_sorted=True)
                    ranges.add(self._span_key[sid][:3])
                    fresh.add(sid)
                events |= self._uses.get(sid, set())
                ids_changed = ids_changed or not isinstance(change, SpanChanged)
            elif isinstance(change, (EventAdded, EventRemoved, EventChanged)):
                events.add(change.event_id)
                ids_changed = ids_changed or not isinstance(change, EventChanged)
            elif isinstance(change, FieldSet):
                if change.event_id is None:
                    self._check_document()
                else:
                    events.add(change.event_id)
        for rng in ranges:
            group = self._by_range.get(rng)
            # A lone span checked just now carries no stale duplicate warning.
            if group and (len(group) > 1 or group[0] not in fresh):
                self._check_duplicates(group)
        for eid in events:
            self._unindex_event(eid)
            e = aset.event(eid)
            if e is None:
                self._event_issues.pop(eid, None)
                self._event_placed.pop(eid, None)
            else:
                self._index_event(e)
                self._check_event(e)
        if ids_changed:
            self._check_ids()
        if ranges:
            self._span_part = None
        if events:
            self._event_part = None
        self._list = None
        self.changed.emit(self)


def _at(issue: Issue, prefix: str, index: int) -> Issue:
    """``issue`` (checked as item 0) with the path of item ``index``."""
    if index == 0 or not issue.where.startswith(prefix + "0]"):
        return issue
    where = f"{prefix}{index}]{issue.where[len(prefix) + 2:]}"
    return Issue(issue.severity, where, issue.message, issue.ref)

