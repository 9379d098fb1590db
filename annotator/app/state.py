"""What the coder is working on: the open document, the selection, the selected span and the
current event, without Qt.

The text view reports its selection here in code points (``set_selection``); commands read the
target of a key from here and change it through ``select_span``, ``set_current_event`` and
``request_selection``; the window listens to the emitters and shows the result. One state per
window.
"""

from __future__ import annotations

from collections.abc import Callable

from annotator.app.document import DocumentHandle
from annotator.core import selection as snapping
from annotator.core.codebook import Codebook
from annotator.core.edits import Edit
from annotator.core.events import ChangeBatch, Emitter
from annotator.core.model import Span
from annotator.core.session import AnnotationSession
from annotator.errors import AnnotatorError

Range = tuple[int, int]


class CodingState:
    """The selection and current items of one window, and the document they belong to."""

    def __init__(self, codebook: Codebook,
                 lexicon: Callable[[], snapping.WordCounts | None] | None = None) -> None:
        self.codebook = codebook
        # The project's word counts (``storage.lexicon.project_lexicon``), read at first use.
        self._lexicon_source = lexicon
        self._lexicon: snapping.WordCounts | None = None
        self.handle: DocumentHandle | None = None
        self.snap_to_words = True
        self.selection: Range | None = None  # the text selection as the view has it
        self.exact: Range | None = None  # a selection the coder shaped (a proclitic left out)
        self.selected_span: str | None = None  # the span last clicked, picked or made
        self.chosen_span: str | None = None  # the last span chosen, for "fit span"
        # While the span table has the focus, keys act on its current row, not the text.
        self.table_focus = False
        self.table_span: str | None = None
        self.current_event: str | None = None
        self.last_event_type: str | None = None  # the next new event starts with this type
        # Announcements for the window: each carries the new value.
        self.selection_requested: Emitter[Range] = Emitter()  # show this text selection
        self.span_selected: Emitter[str | None] = Emitter()
        self.current_event_changed: Emitter[str | None] = Emitter()

    # -- the document --------------------------------------------------------------------------
    def open(self, handle: DocumentHandle) -> None:
        self.close()
        self.handle = handle
        handle.session.changed.connect(self._on_session_changed)
        events = handle.session.aset.events
        self.current_event = events[0].id if events else None

    def close(self) -> None:
        if self.handle is not None:
            self.handle.session.changed.disconnect(self._on_session_changed)
        self.handle = None
        self.selection = self.exact = None
        self.selected_span = self.chosen_span = self.table_span = None
        self.table_focus = False
        self.current_event = None

    @property
    def lexicon(self) -> snapping.WordCounts | None:
        """The project's word counts, which tell a proclitic from a root letter (X and the
        selection hint: «بريف» loses its ب, «بلدية» keeps it); loaded once, at first use,
        as counting a new corpus takes a second. None without a source or when it fails."""
        source, self._lexicon_source = self._lexicon_source, None
        if source is not None:
            try:
                self._lexicon = source()
            except (AnnotatorError, OSError):
                self._lexicon = None  # X falls back to the rule without counts
        return self._lexicon

    @lexicon.setter
    def lexicon(self, counts: snapping.WordCounts | None) -> None:
        self._lexicon_source, self._lexicon = None, counts

    @property
    def session(self) -> AnnotationSession | None:
        return self.handle.session if self.handle is not None else None

    @property
    def text(self) -> str:
        return self.handle.session.document.text if self.handle is not None else ""

    def condition(self, name: str) -> bool:
        """Whether a command's condition holds ('' always): "document" (one is open),
        "editable" (and not read-only), "can_undo", "can_redo"."""
        handle = self.handle
        if not name:
            return True
        if name == "document":
            return handle is not None
        if name == "editable":
            return handle is not None and handle.editable
        if name == "can_undo":
            return handle is not None and handle.history.can_undo()
        if name == "can_redo":
            return handle is not None and handle.history.can_redo()
        raise ValueError(f"unknown action condition {name!r}")

    def push(self, edit: Edit) -> str:
        """Apply ``edit`` as one undo step; '' or why it was refused."""
        if self.handle is None:
            return "no document is open"
        return self.handle.push(edit)

    def _on_session_changed(self, batch: ChangeBatch) -> None:
        aset = self.handle.session.aset if self.handle is not None else None
        if aset is None:
            return
        if self.selected_span is not None and aset.span(self.selected_span) is None:
            self.selected_span = None
        if self.current_event is not None and aset.event(self.current_event) is None:
            self.current_event = None

    # -- the selection -------------------------------------------------------------------------
    def set_selection(self, start: int, end: int) -> None:
        """The view's selection changed (code points); a collapsed one is no selection.
        Selecting text lets go of the selected span."""
        rng = (min(start, end), max(start, end))
        self.selection = rng if rng[0] != rng[1] else None
        if self.selection is not None and self.selected_span is not None:
            self.selected_span = None
            self.span_selected.emit(None)

    def request_selection(self, start: int, end: int, *, exact: bool = False) -> None:
        """Ask the view to select ``[start, end)`` (collapsed: no selection). ``exact``: the
        coder shaped it, so snapping must not widen it back."""
        self.exact = (start, end) if exact else None
        self.selection = (start, end) if start != end else None
        self.selection_requested.emit((start, end))

    def collapse_selection(self) -> None:
        if self.selection is not None:
            self.request_selection(self.selection[1], self.selection[1])

    def snapped_selection(self) -> Range | None:
        """The text selection as a command labels it (``snap``), or as the coder shaped it
        (a proclitic left out); None if nothing is left."""
        rng = self.selection
        if rng is None or self.handle is None:
            return None
        if rng == self.exact:
            return rng  # the coder just shaped it (a proclitic left out): do not widen it back
        return self.snap(*rng)

    def snap(self, start: int, end: int) -> Range | None:
        """``[start, end)`` widened to whole characters, trimmed of spaces and punctuation
        and (with snap to words on) widened to whole words; None if nothing is left. The text
        view shows a selection snapped so, as it will be labelled."""
        if self.handle is None:
            return None
        text = self.text
        start, end = snapping.snap_to_grapheme(text, min(start, end), max(start, end))
        start, end = snapping.trim_span(text, start, end)
        if self.snap_to_words and start < end:
            start, end = snapping.expand_to_words(text, start, end)
            start, end = snapping.trim_span(text, start, end)
        return (start, end) if start < end else None

    # -- spans and events ----------------------------------------------------------------------
    def span(self, span_id: str | None) -> Span | None:
        aset = self.handle.session.aset if self.handle is not None else None
        return aset.span(span_id) if aset is not None and span_id else None

    def selected_span_id(self) -> str | None:
        """The span keys act on when there is no text selection: the span table's row while
        it has the focus, else the span last clicked or made."""
        if self.handle is None:
            return None
        if self.table_focus and self.span(self.table_span) is not None:
            return self.table_span
        return self.selected_span if self.span(self.selected_span) is not None else None

    def target(self) -> tuple[str | None, Range | None]:
        """(span id, None) or (None, range) for a key that acts on "the selection"."""
        if self.table_focus:
            return self.selected_span_id(), None
        rng = self.snapped_selection()
        if rng is not None:
            return None, rng
        return self.selected_span_id(), None

    def existing_span(self, rng: Range, labels: tuple[str, ...]) -> Span | None:
        """A span over exactly ``rng`` with one of ``labels``."""
        if self.handle is None:
            return None
        for span in self.handle.session.aset.spans:
            if (span.start, span.end) == rng and span.label in labels:
                return span
        return None

    def select_span(self, span_id: str | None) -> None:
        """Make ``span_id`` the selected span (and the one "fit span" works on)."""
        self.selected_span = span_id
        if span_id is not None:
            self.chosen_span = span_id
        self.span_selected.emit(span_id)

    def current_event_id(self) -> str | None:
        """The current event, if it still exists."""
        aset = self.handle.session.aset if self.handle is not None else None
        if aset is not None and self.current_event and aset.event(self.current_event):
            return self.current_event
        return None

    def set_current_event(self, event_id: str | None) -> None:
        self.current_event = event_id
        self.current_event_changed.emit(event_id)

    def emphasised_spans(self) -> set[str]:
        """The spans of the current event (shown emphasised in the text)."""
        event_id = self.current_event_id()
        if event_id is None or self.handle is None:
            return set()
        event = self.handle.session.aset.event(event_id)
        return event.span_ids() if event is not None else set()
