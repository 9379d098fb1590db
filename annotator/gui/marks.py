"""How spans look in the text: their colour and label name, the tooltip of their uses, and
the adapter that keeps the text view's highlights in step with the open set."""

from __future__ import annotations

from annotator.app.state import CodingState
from annotator.core.codebook import Codebook
from annotator.core.events import ChangeBatch
from annotator.core.model import AnnotationSet, Span
from annotator.core.names import label_heading, role_name
from annotator.gui.document_view import DocumentView, SpanMark
from annotator.i18n import tr

UNKNOWN_COLOR = "#9e9e9e"


def span_mark(codebook: Codebook, span: Span) -> SpanMark:
    """The highlight of ``span``: its label's colour and name (with the Arabic one)."""
    lab = codebook.label(span.label)
    if lab is None:
        return SpanMark(span.id, span.start, span.end, UNKNOWN_COLOR, span.label)
    return SpanMark(span.id, span.start, span.end, lab.color,
                    label_heading(lab))


def uses_tooltip(codebook: Codebook, aset: AnnotationSet, span_id: str) -> str:
    """``"s3 · Actor 1 of e1, Trigger of e2"``: the span and where events use it."""
    uses = [tr("marks", "{role} of {event}").format(role=role_name(codebook, role), event=eid)
            for eid, role in aset.uses_of_span(span_id)]
    if not uses:
        return span_id
    return tr("marks", "{span} · {uses}").format(span=span_id, uses=tr("list", ", ").join(uses))


class TextMarks:
    """The text view's highlights and emphasis, following the open set's change batches:
    each span a batch added, removed or changed is drawn again, nothing else."""

    def __init__(self, view: DocumentView, codebook: Codebook, state: CodingState) -> None:
        self.view = view
        self.codebook = codebook
        self.state = state
        view.tooltip_provider = self._tooltip

    def show(self) -> None:
        """Draw every span of the open set (after opening it)."""
        session = self.state.session
        if session is not None:
            self.view.set_spans(span_mark(self.codebook, s) for s in session.aset.spans)
            session.changed.connect(self._on_session_changed)

    def hide(self, session: object) -> None:
        changed = getattr(session, "changed", None)
        if changed is not None:
            changed.disconnect(self._on_session_changed)

    def refresh_emphasis(self) -> None:
        """The current event's spans and the selected span stand out."""
        self.view.set_emphasis(self.state.emphasised_spans(), self.state.selected_span)

    def _on_session_changed(self, batch: ChangeBatch) -> None:
        session = self.state.session
        if session is None:
            return
        aset = session.aset
        if batch.replaced:
            self.view.set_spans(span_mark(self.codebook, s) for s in aset.spans)
        else:
            for span_id in batch.span_ids():
                span = aset.span(span_id)
                if span is None:
                    self.view.remove_span(span_id)
                else:
                    self.view.update_span(span_mark(self.codebook, span))
        if batch.replaced or batch.touches_events():
            self.refresh_emphasis()

    def _tooltip(self, span_id: str) -> str:
        session = self.state.session
        return uses_tooltip(self.codebook, session.aset, span_id) if session else ""
