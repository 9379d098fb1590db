"""Helpers shared by the panel tests: sessions built from the default codebook."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt

from annotator.core.edits import AddSpan
from annotator.core.model import AnnotationSet, CodebookRef, Document, Span
from annotator.core.session import AnnotationSession
from annotator.gui.models import short_name
from annotator.gui.span_model import SpanTableModel
from annotator.storage.project import load_default_codebook


def make_session(text: str, doc_id: str = "sample") -> AnnotationSession:
    cb = load_default_codebook()
    doc = Document(doc_id, text)
    aset = AnnotationSet.new(doc, "coder", CodebookRef(**cb.ref()))
    return AnnotationSession(doc, cb, aset)


def sample_text(test_data: Path) -> str:
    return (test_data / "sample-article-ar.txt").read_text(encoding="utf-8")


def add_span(session: AnnotationSession, words: str, label: str, occurrence: int = 0) -> str:
    """Add a span over the ``occurrence``-th ``words`` in the text; return its id."""
    text = session.document.text
    start = -1
    for _ in range(occurrence + 1):
        start = text.index(words, start + 1)
    edit = AddSpan(start, start + len(words), label)
    session.do(edit)
    return edit.span_id


def plain(text: str) -> str:
    """Label text with the no-break spaces the panel uses for wrapping turned back to spaces."""
    return text.replace("\u00a0", " ")


def expected_rows(session, column: int, order: Qt.SortOrder, needle: str = "") -> list[str]:
    """What the table should show, worked out from the core: the spans in position order,
    stably sorted by the column's value (as Qt's own proxy sort would), then filtered."""
    cb = session.codebook
    uses: dict[str, list[str]] = {}
    for e in session.aset.events:
        if e.trigger:
            uses.setdefault(e.trigger, []).append(f"{e.id} Trigger")
        for role, fillers in e.roles.items():
            for sid in fillers:
                uses.setdefault(sid, []).append(f"{e.id} {short_name(cb.role(role).name)}")

    def value(s: Span):
        lab = cb.label(s.label)
        return {
            SpanTableModel.LABEL: short_name(lab.name).casefold() if lab else s.label,
            SpanTableModel.TEXT: s.text,
            SpanTableModel.START: s.start,
            SpanTableModel.END: s.end,
            SpanTableModel.USED: ", ".join(uses.get(s.id, [])),
        }[column]

    def shown(s: Span) -> bool:
        lab = cb.label(s.label)
        return needle in s.text.casefold() or needle in s.label.casefold() or (
            lab is not None and (needle in lab.name.casefold() or needle in lab.name_ar))

    spans = sorted(session.aset.spans, key=lambda s: (s.start, s.end, s.label, s.id))
    spans.sort(key=value, reverse=order == Qt.SortOrder.DescendingOrder)
    return [s.id for s in spans if shown(s)]
