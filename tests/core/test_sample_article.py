"""The sample article, coded from code through edits: every hand-coded event fits the default
codebook, validates with no issue, survives a save and reload, undoes to nothing; and the bundled
demo project holds exactly that coding of exactly the shared article."""

from __future__ import annotations

import json
import unicodedata
from pathlib import Path

import pytest
from sample_coding import (
    ASSUMED_PUBLICATION_DATE,
    CODER,
    DOCUMENT_ID,
    LICENCE,
    code_sample_article,
    sample_article_path,
)

from annotator.core import session as session_module
from annotator.core.edits import Edit
from annotator.core.model import AnnotationSet, CodebookRef, Document
from annotator.core.session import AnnotationSession
from annotator.core.validation import validate_annotation_set
from annotator.paths import resource
from annotator.storage.project import Project, load_default_codebook

SAMPLE_PROJECT = resource("sample-project")
PROCLITICS = "وفبلك"


@pytest.fixture(scope="module")
def article() -> str:
    return sample_article_path().read_text(encoding="utf-8")


class RecordingSession(AnnotationSession):
    """Keeps every edit done, so a test can undo them all."""

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.history: list[Edit] = []

    def do(self, edit: Edit) -> None:
        super().do(edit)
        self.history.append(edit)


@pytest.fixture
def coded(article, monkeypatch):
    monkeypatch.setattr(session_module, "now_iso", lambda: "2021-01-20T12:00:00Z")
    cb = load_default_codebook()
    doc = Document(DOCUMENT_ID, article)
    aset = AnnotationSet.new(doc, CODER, CodebookRef(**cb.ref()))
    aset.created = aset.modified = "2021-01-20T12:00:00Z"
    session = RecordingSession(doc, cb, aset)
    initial = aset.to_dict()
    events = code_sample_article(session)
    return session, events, initial


def test_every_event_codes_without_any_issue(coded):
    session, events, _ = coded
    assert list(events) == ["1", "2a", "2b", "3", "4", "5", "6", "7", "8", "9"]
    assert len(session.aset.events) == 10
    issues = validate_annotation_set(session.aset, session.document, session.codebook)
    assert issues == []
    assert session.aset.status == "done"
    assert session.aset.fields["relevance"] == "relevant"


def test_the_article_has_what_the_codebook_must_capture(coded):
    session, events, _ = coded
    ev = {k: session.aset.event(v) for k, v in events.items()}

    def texts(key: str, role: str) -> list[str]:
        return [session.aset.span(s).text for s in ev[key].roles.get(role, [])]

    assert (ev["1"].type, ev["1"].subtype) == ("battles", "armed_clash")
    assert texts("1", "actor1") == ["تنظيم داعش"] and texts("1", "actor2") == ["قوات النظام"]
    assert ev["1"].fields["fatalities"] == {"value": None, "qualifier": "unspecified"}
    assert ev["1"].fields["actor1_certainty"] == "suspected"
    assert {ev["2a"].subtype, ev["2b"].subtype} == {"change_to_group_activity", "arrests"}
    assert ev["2a"].fields["plover_mode"] == "curfew"
    assert ev["3"].fields["plover"] == "mobilize"
    assert ev["4"].fields["aggregate"] is True
    assert ev["4"].fields["fatalities"]["qualifier"] == "several"
    assert texts("4", "source") == ["صفحات محلية"] and ev["4"].fields["factuality"] == "reported"
    assert texts("4", "time") == ["الـ 48 ساعة الماضية"]
    assert ev["5"].fields["fatalities"] == {"value": 1, "qualifier": "exact"}
    assert "مزار عين علي" in texts("5", "location")
    assert texts("6", "actor1") == ["ميليشيا الدفاع الوطني"]
    assert ev["6"].fields["plover"] == "retreat"
    assert ev["7"].subtype == "remote_explosive_landmine_ied"
    assert ev["7"].fields["injuries"]["qualifier"] == "several"
    assert ev["7"].fields["fatalities"]["qualifier"] == "none_reported"
    assert texts("7", "weapon") == ["عبوة ناسفة"]
    assert ev["8"].fields["temporal_status"] == "planned"
    assert texts("9", "time") == ["قبل أيام"]
    for e in ev.values():
        assert e.fields["event_date"] == {"value": ASSUMED_PUBLICATION_DATE, "precision": "week"}
        assert session.aset.span(e.trigger).label == "TRIGGER"


def test_spans_are_whole_words_with_proclitics_left_out(coded):
    session, _, _ = coded
    text = session.document.text
    for s in session.aset.spans:
        assert text[s.start:s.end] == s.text
        assert s.text == s.text.strip()
        after = text[s.end:s.end + 1]
        assert not after or not unicodedata.category(after).startswith("L"), s
        before = text[s.start - 1:s.start] if s.start else ""
        if before and unicodedata.category(before).startswith("L"):
            # Only a proclitic may be cut off, and it must start its word.
            word_start = s.start - 1
            while word_start > 0 and unicodedata.category(text[word_start - 1]).startswith("L"):
                word_start -= 1
            prefix = text[word_start:s.start]
            assert prefix in ("و", "ب", "ل", "لل"), (s, prefix)
            assert all(ch in PROCLITICS for ch in prefix)


def test_no_span_is_created_twice(coded):
    session, _, _ = coded
    keys = [(s.start, s.end, s.label) for s in session.aset.spans]
    assert len(keys) == len(set(keys))
    used = {sid for e in session.aset.events for sid in e.span_ids()}
    assert used == {s.id for s in session.aset.spans}, "every span is evidence for an event"


def test_undo_everything_gives_back_the_empty_set(coded):
    session, _, initial = coded
    final = session.aset.to_dict()
    for edit in reversed(session.history):
        session.undo(edit)
    assert session.aset.to_dict() == initial
    for edit in list(session.history):
        AnnotationSession.do(session, edit)
    assert session.aset.to_dict() == final


def test_save_and_reload_through_a_project(coded, tmp_path: Path, article):
    session, _, _ = coded
    project = Project.init(tmp_path / "p")
    doc = session.document
    project.add_documents([doc])
    assert project.save_annotations(session.aset, doc) == []
    loaded, issues = project.load_annotations(CODER, project.load_document(DOCUMENT_ID))
    assert issues == []
    assert loaded.to_dict() == session.aset.to_dict()
    path = project.annotation_path(CODER, DOCUMENT_ID)
    before = path.read_bytes()
    project.save_annotations(loaded, doc)
    assert path.read_bytes() == before, "saving unchanged data gives the same bytes"


# -- the bundled demo project ----------------------------------------------------------------
def test_demo_document_is_the_shared_article_byte_for_byte(article):
    project = Project.open(SAMPLE_PROJECT)
    assert project.document_ids() == [DOCUMENT_ID]
    doc = project.load_document(DOCUMENT_ID)
    assert doc.text.encode("utf-8") == sample_article_path().read_bytes()
    assert doc.meta["source"] == "Syrian news report (sample)"
    assert doc.meta["licence"] == LICENCE
    assert doc.title


def test_demo_coding_loads_with_no_issue_and_matches_the_code(coded):
    project = Project.open(SAMPLE_PROJECT)
    assert project.coders() == [CODER, "gold", "layla"]  # a second coder and gold: sample_gold
    doc = project.load_document(DOCUMENT_ID)
    aset, issues = project.load_annotations(CODER, doc)
    assert issues == [], "regenerate with: python tests/core/sample_coding.py"
    assert aset.status == "done" and len(aset.events) == 10
    session, _, _ = coded
    fresh = session.aset.to_dict()
    stored = aset.to_dict()
    for d in (fresh, stored):
        d.pop("created"), d.pop("modified")
    assert stored == fresh, "the demo is out of date: regenerate it (tests/core/sample_coding.py)"


def test_demo_project_uses_the_default_codebook_and_has_no_stray_files():
    project = Project.open(SAMPLE_PROJECT)
    assert project.codebook.sha256 == load_default_codebook().sha256, \
        "the default codebook changed: regenerate the demo project"
    files = sorted(p.relative_to(SAMPLE_PROJECT).as_posix()
                   for p in SAMPLE_PROJECT.rglob("*") if p.is_file())
    assert files == ["NOTICE.md", f"annotations/{CODER}/{DOCUMENT_ID}.json",
                     f"annotations/gold/{DOCUMENT_ID}.json",
                     f"annotations/layla/{DOCUMENT_ID}.json", "assignments.json",
                     "codebook.json", f"documents/{DOCUMENT_ID}.json", "project.json"]
    for name in files:
        if name.endswith(".json"):
            json.loads((SAMPLE_PROJECT / name).read_text(encoding="utf-8"))
    notice = (SAMPLE_PROJECT / "NOTICE.md").read_text(encoding="utf-8")
    assert LICENCE in notice
