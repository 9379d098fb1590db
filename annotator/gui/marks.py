"""How a span looks in the text: its colour and label name, and the tooltip of its uses."""

from __future__ import annotations

from annotator.core.codebook import Codebook
from annotator.core.model import AnnotationSet, Span
from annotator.gui.document_view import SpanMark

UNKNOWN_COLOR = "#9e9e9e"


def span_mark(codebook: Codebook, span: Span) -> SpanMark:
    """The highlight of ``span``: its label's colour and bilingual name."""
    lab = codebook.label(span.label)
    if lab is None:
        return SpanMark(span.id, span.start, span.end, UNKNOWN_COLOR, span.label)
    name = f"{lab.name} · {lab.name_ar}" if lab.name_ar else lab.name
    return SpanMark(span.id, span.start, span.end, lab.color, name)


def uses_tooltip(codebook: Codebook, aset: AnnotationSet, span_id: str) -> str:
    """``"s3 · Actor 1 of e1, trigger of e2"``: the span and where events use it."""
    uses = []
    for eid, role in aset.uses_of_span(span_id):
        rd = codebook.role(role)
        uses.append(f"{'trigger' if role == 'trigger' else (rd.name if rd else role)} of {eid}")
    return span_id + (f" · {', '.join(uses)}" if uses else "")
