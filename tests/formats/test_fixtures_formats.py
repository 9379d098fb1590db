"""Fixture projects for the format tests (imported by the other tests/formats modules).

Every fixture is a real project on disk whose annotation files passed ``save_annotations``:

- ``arabic``: ``TextPolicy(newlines="keep")``; documents with emoji (astral code points, a ZWJ
  family, a flag, a skin tone), CRLF line ends, tashkeel and bidi marks; two coders (one done,
  one in progress); nested and overlapping spans, a span across a CRLF, notes with a line
  break, events with every field type, document fields, an event without a trigger.
- ``sample``: the bundled sample project (the sample article coded by hand).
- ``golden``: a tiny fixed project (fixed times) whose exports are the golden files.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from annotator.core.model import AnnotationSet, Document, Event, Span
from annotator.core.text import TextPolicy
from annotator.paths import resource
from annotator.storage.project import Project

# Example files of other tools, shipped with the tests (see tests/data/formats/README.md).
FIXED_TIME = "2026-01-02T03:04:05Z"
GOLDEN = Path(__file__).resolve().parent / "golden"

ARABIC_DOCS = {
    "emoji": "هاجمَ مسلحو داعشٍ 😀 نقطةً للجيش قرب 🇸🇾 الجلاء 👨‍👩‍👧 وقُتل 3 جنود 👍🏽.",
    "crlf": "قال مصدر محلي\r\nإن عبوة ناسفة انفجرت\r\nبرتل للقوات الحكومية\r\nبين السخنة وتدمر.",
    "tashkeel": "\u200fأَعْلَنَتِ الحُكُومَةُ «النَّفِيرَ العَامَّ» فِي دَيْرِ الزُّورِ، "
                "وَأُلْغِيَتِ الإِجَازَاتُ.\u200f",
}


def find(text: str, word: str, nth: int = 0) -> tuple[int, int]:
    start = -1
    for _ in range(nth + 1):
        start = text.index(word, start + 1)
    return start, start + len(word)


def span(text: str, sid: str, word: str, label: str, note: str = "", nth: int = 0) -> Span:
    s, e = find(text, word, nth)
    return Span(sid, s, e, label, text[s:e], note)


def complete_fields(**extra: object) -> dict:
    fields = {"event_date": {"value": "2021-01-20", "precision": "week"},
              "fatalities": {"value": 3, "qualifier": "more_than"},
              "injuries": {"value": None, "qualifier": "several"},
              "actor1_type": "political_militia", "actor2_type": "state_forces",
              "temporal_status": "occurred", "factuality": "reported", "polarity": "positive",
              "civilian_targeting": False, "aggregate": False,
              "attribution": "مصادر محلية", "notes": "=HYPERLINK(\"x\")\nسطر ثان",
              "geo_precision": "2", "plover": "assault"}
    fields.update(extra)
    return fields


def _save(project: Project, doc: Document, coder: str, spans: list[Span],
          events: list[Event], status: str, fields: dict | None = None) -> AnnotationSet:
    aset = project.new_annotation_set(coder, doc)
    aset.spans, aset.events, aset.status = spans, events, status
    aset.fields = fields or {}
    aset.created = aset.modified = FIXED_TIME
    aset.time_spent_seconds = 42.5
    issues = project.save_annotations(aset, doc)
    assert not [i for i in issues if i.severity == "error"], issues
    return aset


def build_arabic(root: Path) -> Project:
    project = Project.init(root, policy=TextPolicy(newlines="keep"), name="arabic")
    docs = {k: Document(k, t, {"title": f"تقرير {k}", "source": "-local page"})
            for k, t in ARABIC_DOCS.items()}
    project.add_documents(docs.values())

    t = docs["emoji"].text
    spans = [span(t, "s1", "هاجمَ", "TRIGGER"), span(t, "s2", "مسلحو داعشٍ", "ACTOR"),
             span(t, "s3", "داعشٍ 😀", "ACTOR", note="ملاحظة\nثانية"),
             span(t, "s4", "للجيش", "ACTOR"), span(t, "s5", "🇸🇾 الجلاء", "LOCATION"),
             span(t, "s6", "الجلاء", "LOCATION"), span(t, "s7", "3 جنود", "QUANTITY"),
             span(t, "s8", "👨‍👩‍👧", "PERSON"), span(t, "s9", "وقُتل", "TRIGGER")]
    events = [
        Event("e1", "battles", "armed_clash", "s1",
              {"actor1": ["s2"], "actor2": ["s4"], "location": ["s5", "s6"],
               "fatalities": ["s7"]}, complete_fields()),
        Event("e2", "violence_against_civilians", "attack", "s9",
              {"actor1": ["s3"], "actor2": ["s8"], "location": ["s6"]},
              complete_fields(actor2_type="civilians", civilian_targeting=True,
                              fatalities={"value": None, "qualifier": "unspecified"},
                              event_date={"value": "2021-01", "precision": "month"})),
    ]
    _save(project, docs["emoji"], "amira", spans, events, "done",
          {"relevance": "relevant", "source_scale": "local",
           "publication_date": {"value": "2021-01-20", "precision": "day"}})
    _save(project, docs["emoji"], "omar", spans[:4], [
        Event("e1", "battles", None, "s1", {"actor1": ["s2"]}, {})], "in_progress")

    t = docs["crlf"].text
    spans = [span(t, "s1", "انفجرت", "TRIGGER"), span(t, "s2", "عبوة ناسفة", "WEAPON"),
             span(t, "s3", "للقوات الحكومية\r\nبين السخنة", "ACTOR"),
             span(t, "s4", "السخنة", "LOCATION"), span(t, "s5", "تدمر", "LOCATION"),
             span(t, "s6", "مصدر محلي", "SOURCE"), span(t, "s7", "\r\n", "TIME", nth=1)]
    events = [Event("e1", "explosions_remote_violence", "remote_explosive_landmine_ied", "s1",
                    {"actor2": ["s3"], "weapon": ["s2"], "location": ["s4", "s5"],
                     "source": ["s6"]},
                    complete_fields(fatalities={"value": None, "qualifier": "none_reported"},
                                    event_date={"value": "2021", "precision": "year"})),
              Event("e2", "strategic_developments", "other", None, {"location": ["s5"]},
                    {"temporal_status": "planned"})]
    _save(project, docs["crlf"], "amira", spans, events, "in_progress")

    t = docs["tashkeel"].text
    spans = [span(t, "s1", "أَعْلَنَتِ", "TRIGGER"), span(t, "s2", "الحُكُومَةُ", "ACTOR"),
             span(t, "s3", "دَيْرِ الزُّورِ", "LOCATION"), span(t, "s4", "\u200f", "TIME"),
             span(t, "s5", "عْلَنَ", "WEAPON")]  # starts and ends inside a word
    events = [Event("e1", "strategic_developments", "change_to_group_activity", "s1",
                    {"actor1": ["s2"], "location": ["s3"]},
                    complete_fields(plover="mobilize", plover_mode="troops",
                                    fatalities={"value": 0, "qualifier": "exact"}))]
    _save(project, docs["tashkeel"], "amira", spans, events, "done", {"relevance": "relevant"})
    return project


def build_sample(root: Path) -> Project:
    shutil.copytree(resource("sample-project"), root)
    return Project.open(root)


def build_golden(root: Path) -> Project:
    """Small, fixed, and covering each format's features: the source of the golden files."""
    # A frozen copy of the codebook: a change to the bundled one must not move the goldens.
    project = Project.init(root, codebook_path=GOLDEN / "codebook.json",
                           policy=TextPolicy(newlines="keep"), name="golden")
    text = "قُتل 2 في 😀 هجوم\r\nعلى حاجز =للجيش."
    doc = Document("g1", text, {"title": "golden"})
    project.add_documents([doc])
    spans = [span(text, "s1", "هجوم", "TRIGGER"), span(text, "s2", "2", "QUANTITY"),
             span(text, "s3", "حاجز =للجيش", "LOCATION", note="حاجز"),
             span(text, "s4", "=للجيش", "ACTOR"), span(text, "s5", "😀 هجوم", "WEAPON")]
    event = Event("e1", "battles", "armed_clash", "s1",
                  {"actor1": ["s4"], "actor2": ["s4"], "location": ["s3"],
                   "fatalities": ["s2"]},
                  complete_fields(fatalities={"value": 2, "qualifier": "exact"}))
    _save(project, doc, "amira", spans, [event], "done", {"relevance": "relevant"})
    return project


BUILDERS = {"arabic": build_arabic, "sample": build_sample, "golden": build_golden}


def build(kind: str, root: Path) -> Project:
    return BUILDERS[kind](root)


def all_sets(project: Project) -> dict[tuple[str, str], AnnotationSet]:
    out = {}
    for coder, doc_id, _ in project.annotation_files():
        aset, _ = project.load_annotations(coder, project.load_document(doc_id))
        out[(coder, doc_id)] = aset
    return out


# -- the fixtures themselves must be what they claim -----------------------------------------
def test_arabic_fixture_has_the_hard_cases(tmp_path):
    project = build_arabic(tmp_path / "p")
    texts = {d: project.load_document(d).text for d in project.document_ids()}
    assert "\r\n" in texts["crlf"]  # kept: TextPolicy(newlines="keep")
    assert any(ord(c) > 0xFFFF for c in texts["emoji"])
    assert "\u064e" in texts["tashkeel"] and "\u200f" in texts["tashkeel"]
    sets = all_sets(project)
    assert {k[0] for k in sets} == {"amira", "omar"}
    for (_, doc_id), aset in sets.items():
        for s in aset.spans:
            assert texts[doc_id][s.start:s.end] == s.text
