"""Helpers shared by the panel tests: sessions built from the default codebook."""

from __future__ import annotations

from pathlib import Path

from annotator.core.edits import AddSpan, AnnotationSession
from annotator.core.model import AnnotationSet, CodebookRef, Document
from annotator.storage.project import load_default_codebook


def make_session(text: str, doc_id: str = "sample") -> AnnotationSession:
    cb = load_default_codebook()
    doc = Document(doc_id, text)
    aset = AnnotationSet.new(doc, "coder", CodebookRef(**cb.ref()))
    return AnnotationSession(doc, cb, aset)


def sample_text(shared_data: Path) -> str:
    return (shared_data / "sample-article-ar.txt").read_text(encoding="utf-8")


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
