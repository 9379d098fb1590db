"""Small coded sets for the adjudication tests (core, storage, command line): coders of one
short article who differ in the ways the keyword arguments of ``coded`` say."""

from __future__ import annotations

from typing import Any

from annotator.core.edits import (
    AddRoleFiller,
    AddSpan,
    CreateEvent,
    Edit,
    Macro,
    SetDocumentField,
    SetEventField,
    SetStatus,
)
from annotator.core.model import AnnotationSet, CodebookRef, Document
from annotator.core.session import AnnotationSession
from annotator.storage.project import Project, load_default_codebook

TEXT = ("شنت مجموعة مسلحة هجوماً على موقع عسكري في بلدة الجلاء وقتل جنديان. "
        "وفي دير الزور اعتقلت قوات النظام عدداً من الشبان.")
CODEBOOK = load_default_codebook()
DATE = {"value": "2021-01-20", "precision": "week"}


def new_session(coder: str) -> AnnotationSession:
    doc = Document("doc", TEXT)
    return AnnotationSession(doc, CODEBOOK,
                             AnnotationSet.new(doc, coder, CodebookRef(**CODEBOOK.ref())))


def span(session: AnnotationSession, words: str, label: str, after: str = "") -> str:
    """The id of a span over ``words`` (found after ``after``), added if missing."""
    start = session.document.text.index(words, session.document.text.index(after))
    end = start + len(words)
    for s in session.aset.spans:
        if (s.start, s.end, s.label) == (start, end, label):
            return s.id
    edit = AddSpan(start, end, label)
    session.do(edit)
    return edit.span_id


def event(session: AnnotationSession, type_: str, subtype: str, trigger: str,
          roles: dict[str, list[str]], fields: dict[str, Any]) -> str:
    event_id = session.aset.next_id("e")
    edits: list[Edit] = [CreateEvent(type_, subtype, trigger, event_id=event_id)]
    edits += [AddRoleFiller(event_id, r, s) for r, ids in roles.items() for s in ids]
    edits += [SetEventField(event_id, f, v) for f, v in fields.items()]
    session.do(Macro(edits))
    return event_id


def coded(coder: str, *, attack_fatalities: int = 2, group_words: str = "مجموعة مسلحة",
          arrest: bool = True, location_label: str = "LOCATION",
          relevance: str = "relevant") -> AnnotationSession:
    """One coder's set; the keyword arguments are the ways coders differ in the tests."""
    s = new_session(coder)
    event(s, "battles", "armed_clash", span(s, "هجوماً", "TRIGGER"),
          {"actor1": [span(s, group_words, "ACTOR")], "actor2": [span(s, "جنديان", "PERSON")],
           "location": [span(s, "بلدة الجلاء", "LOCATION")]},
          {"fatalities": {"value": attack_fatalities, "qualifier": "exact"},
           "geo_precision": "1", "event_date": DATE, "actor1_type": "rebel_group",
           "actor2_type": "state_forces"})
    span(s, "موقع عسكري", location_label)
    if arrest:
        event(s, "strategic_developments", "arrests", span(s, "اعتقلت", "TRIGGER"),
              {"actor1": [span(s, "قوات النظام", "ACTOR")],
               "location": [span(s, "دير الزور", "LOCATION")]},
              {"arrested": {"value": None, "qualifier": "several"}, "event_date": DATE,
               "fatalities": {"value": None, "qualifier": "none_reported"},
               "actor1_type": "state_forces"})
    s.do(SetDocumentField("relevance", relevance))
    s.do(SetStatus("done"))
    return s


def project_with(root: Any, *sessions: AnnotationSession) -> Project:
    """A project holding the article and each session's set, saved as the window saves."""
    project = Project.init(root)
    project.add_documents([Document("doc", TEXT)])
    for s in sessions:
        project.save_annotations(s.aset, s.document)
    return project
