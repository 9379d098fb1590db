"""The sample article coded from code, through the same edit objects the window uses.

``code_sample_article(session)`` codes every event of the hand-coded list in
``docs/event-coding.md`` ("The sample article ... coded by hand"); the tests check the result and
``python tests/core/sample_coding.py`` writes the bundled demo project
``resources/sample-project/`` from it (coder ``demo``).

Spans are found with ``text.index`` of the exact Arabic words, starting from an anchor phrase so
a word that occurs twice is taken in the right sentence. A proclitic (و ف ب ل) is left out of a
span where it can be: "بريف البوكمال" gives the span "ريف البوكمال". Where the preposition ل has
fused with the article (للفرقة, للميليشيات) nothing clean can be cut off, so those words are
avoided or the noun without "لل" is taken.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from annotator.core.codebook import Codebook
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
from annotator.core.session import AnnotationSession

DOCUMENT_ID = "sample-article"
CODER = "demo"
TITLE = "هجمات داعش في ريف دير الزور"
SOURCE = "Syrian news report (sample)"
# The provenance line of shared/data/README.md, kept with every copy of the article.
LICENCE = "Published Syrian news report, used here as a sample for research and testing."

# The article carries no date and none survives with the file. Every event is dated to this
# ASSUMED publication date with week precision (ACLED time precision 2: "a week; code its middle
# day"): the events happened "during the past 48 hours", "in the past two days" or "days ago".
ASSUMED_PUBLICATION_DATE = "2021-01-20"
EVENT_DATE = {"value": ASSUMED_PUBLICATION_DATE, "precision": "week"}
DATE_BASIS = "assumed"

NONE_REPORTED = {"value": None, "qualifier": "none_reported"}


def sample_article_path() -> Path:
    """The sample article as shipped with the tests (a byte-exact copy of the shared one)."""
    return Path(__file__).resolve().parents[1] / "data" / "sample-article-ar.txt"


def new_session(text: str, *, doc_id: str = "d", coder: str = "c",
                codebook: Codebook | None = None) -> AnnotationSession:
    """A fresh session on ``text`` with the default codebook (for small test documents)."""
    from annotator.core.model import AnnotationSet, CodebookRef, Document
    from annotator.storage.project import load_default_codebook

    cb = codebook or load_default_codebook()
    doc = Document(doc_id, text)
    return AnnotationSession(doc, cb, AnnotationSet.new(doc, coder, CodebookRef(**cb.ref())))


def coded_sample_session() -> AnnotationSession:
    """The sample article, fully coded (status done)."""
    session = new_session(sample_article_path().read_text(encoding="utf-8"),
                          doc_id=DOCUMENT_ID, coder=CODER)
    code_sample_article(session)
    return session


@dataclass
class _Coder:
    session: AnnotationSession

    @property
    def text(self) -> str:
        return self.session.document.text

    def span(self, label: str, words: str, anchor: str | None = None) -> str:
        """Id of a span over the first ``words`` at or after ``anchor``; reuses an equal span."""
        start = self.text.index(anchor) if anchor else 0
        begin = self.text.index(words, start)
        end = begin + len(words)
        for s in self.session.aset.spans:
            if (s.start, s.end, s.label) == (begin, end, label):
                return s.id
        edit = AddSpan(begin, end, label)
        self.session.do(edit)
        return edit.span_id

    def event(self, type_: str, subtype: str, trigger: str, roles: dict[str, list[str]],
              fields: dict[str, Any]) -> str:
        """Create an event with its roles and fields as one undoable step; returns its id."""
        event_id = self.session.aset.next_id("e")
        edits: list[Edit] = [CreateEvent(type_, subtype, trigger, event_id=event_id)]
        edits += [AddRoleFiller(event_id, role, sid) for role, ids in roles.items() for sid in ids]
        edits += [SetEventField(event_id, fid, value) for fid, value in fields.items()]
        self.session.do(Macro(edits, description=f"Code {type_}/{subtype}"))
        return event_id

    def document_field(self, field_id: str, value: Any) -> None:
        self.session.do(SetDocumentField(field_id, value))

    def status(self, status: str) -> None:
        self.session.do(SetStatus(status))


def code_sample_article(session: AnnotationSession, coder: Any = None) -> dict[str, str]:
    """Code the sample article's events in ``session``; returns {list item: event id}.

    Item 2 of the hand-coded list names two ACLED sub-types (reinforcements and a curfew: Change
    to group/activity; searches and detentions: Arrests). An event has one sub-type and ACLED
    codes each as its own event, so it becomes two events, "2a" and "2b": ten events in all.
    ``coder`` makes the spans and events (by default straight through edits; the application
    tests pass one that presses the window's commands).
    """
    c = coder if coder is not None else _Coder(session)
    T, A, P, L, W, Q, S, D = ("TRIGGER", "ACTOR", "PERSON", "LOCATION", "WEAPON", "QUANTITY",
                              "SOURCE", "TIME")
    events: dict[str, str] = {}

    # 1. IS cells attack a 17th Division position near al-Jalaa (Albu Kamal countryside).
    p1 = "شنت مجموعة مسلحة"
    events["1"] = c.event(
        "battles", "armed_clash", c.span(T, "هجوماً", p1),
        {"actor1": [c.span(A, "تنظيم داعش", p1)],  # "لتنظيم داعش": the ل left out
         "actor2": [c.span(A, "قوات النظام", p1)],
         "assoc_actor2": [c.span(A, "فرقة 17", p1)],  # "للفرقة 17": ل + ال fused, both left out
         "target": [c.span(L, "أحد المواقع العسكرية", p1)],
         "location": [c.span(L, "بلدة الجلاء", p1), c.span(L, "ريف البوكمال", p1),
                      c.span(L, "ديرالزور", p1)],
         "fatalities": [c.span(Q, "خسائر في الأرواح", p1)]},
        {"event_date": EVENT_DATE, "date_basis": DATE_BASIS,
         "fatalities": {"value": None, "qualifier": "unspecified"},  # losses in lives, no number
         "actor1_type": "rebel_group", "actor2_type": "state_forces",
         "actor1_certainty": "suspected",  # "يعتقد أنها تابعة لتنظيم داعش"
         "geo_precision": "2", "plover": "assault", "plover_mode": "firearms",
         "notes": "An armed group believed to belong to IS attacks a 17th Division position near "
                  "al-Jalaa; clashes last over an hour; the attackers withdraw after inflicting "
                  "losses in lives."})

    # 2a. Reinforcements, checkpoints and a curfew on the residents of al-Jalaa.
    p2 = "قوات النظام استقدمت"
    regime_p2 = c.span(A, "قوات النظام", p2)
    jalaa_p2 = c.span(L, "بلدة الجلاء", p2)
    events["2a"] = c.event(
        "strategic_developments", "change_to_group_activity", c.span(T, "استقدمت", p2),
        {"actor1": [regime_p2],
         "target": [c.span(P, "الأهالي", p2)],
         "location": [jalaa_p2]},
        {"event_date": EVENT_DATE, "date_basis": DATE_BASIS, "fatalities": NONE_REPORTED,
         "actor1_type": "state_forces", "actor2_type": "civilians",
         "geo_precision": "1", "plover": "coerce", "plover_mode": "curfew",
         "notes": "Government forces bring large reinforcements to al-Jalaa, set up checkpoints "
                  "around it and impose a curfew on the residents."})

    # 2b. Searches of passers-by and cars; some people detained for hours.
    events["2b"] = c.event(
        "strategic_developments", "arrests", c.span(T, "توقيف", p2),  # "وتوقيف": و left out
        {"actor1": [regime_p2],
         "actor2": [c.span(P, "بعض الأشخاص", p2)],
         "location": [jalaa_p2]},
        {"event_date": EVENT_DATE, "date_basis": DATE_BASIS, "fatalities": NONE_REPORTED,
         "actor1_type": "state_forces", "actor2_type": "civilians",
         "geo_precision": "1", "plover": "coerce", "plover_mode": "arrest",
         "notes": "Government forces search passers-by and cars and detain some people for "
                  "several hours."})

    # 3. After repeated surprise attacks in fog, a near "general mobilisation" with the
    #    Iranian-backed militias, which cancel leave and recall their local members.
    p3 = "واستغل عناصر التنظيم"
    events["3"] = c.event(
        "strategic_developments", "change_to_group_activity", c.span(T, "النفير العام", p3),
        {"actor1": [c.span(A, "قوات النظام", p3)],
         "assoc_actor1": [c.span(A, "الميليشيات الإيرانية", p3)],
         "location": [c.span(L, "ريف ديرالزور الشرقي", p3)]},
        {"event_date": EVENT_DATE, "date_basis": DATE_BASIS, "fatalities": NONE_REPORTED,
         "actor1_type": "state_forces", "geo_precision": "3",
         "plover": "mobilize", "plover_mode": "troops, militia",
         "notes": "Government forces declare something like a general mobilisation together with "
                  "the Iranian militias, which cancel all leave and recall their local members "
                  "to their headquarters in eastern Deir ez-Zor countryside."})

    # 4. "More than 8 attacks" in 48 hours: an aggregate report, not one atomic event.
    p4 = "صفحات محلية تحدثت"
    local_pages = c.span(S, "صفحات محلية", p4)
    iranian_p4 = c.span(A, "الميليشيات الإيرانية", p4)
    events["4"] = c.event(
        "battles", "armed_clash", c.span(T, "هجمات", p4),
        {"actor1": [c.span(A, "خلايا تنظيم داعش", p4)],
         "actor2": [c.span(A, "جنود النظام", p4)],
         "assoc_actor2": [c.span(A, "الميليشيات المسلحة الموالية لها", p4), iranian_p4],
         "location": [c.span(L, "ريف ديرالزور الشرقي والغربي", p4)],
         "time": [c.span(D, "الـ 48 ساعة الماضية", p4)],
         "fatalities": [c.span(Q, "عدد", p4)],
         "source": [local_pages]},
        {"event_date": EVENT_DATE, "date_basis": DATE_BASIS,
         "fatalities": {"value": None, "qualifier": "several"},  # "مقتل عدد من"
         "actor1_type": "rebel_group", "actor2_type": "state_forces",
         "missing": {"value": None, "qualifier": "several"},  # "وفقدان آخرين"
         "aggregate": True, "aggregate_count": {"value": 8, "qualifier": "more_than"},
         "factuality": "reported", "attribution": "صفحات محلية",
         "geo_precision": "3", "plover": "assault",
         "notes": "Local pages report more than 8 IS attacks in 48 hours on positions of the "
                  "government and allied militias in eastern and western Deir ez-Zor "
                  "countryside, killing a number of soldiers and militiamen; others missing."})

    # 5. One IS member killed in an attack near the Ain Ali shrine, al-Quriya.
    p5 = "خسر فيه التنظيم"
    events["5"] = c.event(
        "battles", "armed_clash", c.span(T, "هجوم", p5),
        {"actor1": [c.span(A, "التنظيم", p5)],
         "actor2": [iranian_p4],
         "target": [c.span(L, "موقع تابع", p5)],
         "location": [c.span(L, "مزار عين علي", p5), c.span(L, "بلدة القورية", p5)],
         "fatalities": [c.span(P, "أحد عناصره", p5)],
         "source": [local_pages]},
        {"event_date": EVENT_DATE, "date_basis": DATE_BASIS,
         "fatalities": {"value": 1, "qualifier": "exact"},
         "actor1_type": "rebel_group", "actor2_type": "political_militia",
         "factuality": "reported", "attribution": "صفحات محلية",
         "geo_precision": "2", "plover": "assault",
         "notes": "IS loses one member in an attack on a militia position near the Ain Ali "
                  "shrine in al-Quriya."})

    # 6. National Defence militia withdraws from forward posts near three villages.
    p6 = "وأفادت المصادر"
    events["6"] = c.event(
        "strategic_developments", "change_to_group_activity",
        c.span(T, "سحب", p6),  # "بسحب": ب left out
        {"actor1": [c.span(A, "ميليشيا الدفاع الوطني", p6)],
         "target": [c.span(L, "النقاط المتقدمة", p6)],
         "location": [c.span(L, "المسرب", p6), c.span(L, "الخريطة", p6),
                      c.span(L, "الشميطية", p6), c.span(L, "ريف ديرالزور الغربي", p6)],
         "source": [c.span(S, "المصادر", p6)]},
        {"event_date": EVENT_DATE, "date_basis": DATE_BASIS, "fatalities": NONE_REPORTED,
         "actor1_type": "political_militia", "factuality": "reported", "attribution": "المصادر",
         "geo_precision": "2", "plover": "retreat",
         "notes": "The National Defence militia pulls most of its members back from forward "
                  "posts near al-Masrab, al-Kharita and al-Shumaytiya, fearing surprise attacks "
                  "in the fog."})

    # 7. IED against a government convoy between al-Sukhnah and Palmyra; several wounded.
    p7 = "في حين تعرض رتل"
    events["7"] = c.event(
        "explosions_remote_violence", "remote_explosive_landmine_ied", c.span(T, "تفجير", p7),
        {"actor2": [c.span(A, "قوات النظام", p7)],  # "لقوات النظام": ل left out
         "target": [c.span(A, "رتل عسكري", p7)],
         "weapon": [c.span(W, "عبوة ناسفة", p7)],
         "location": [c.span(L, "بلدة السخنة", p7), c.span(L, "مدينة تدمر", p7),
                      c.span(L, "ريف حمص الشرقي", p7)],
         "injuries": [c.span(Q, "عدد من الجرحى", p7)]},
        {"event_date": EVENT_DATE, "date_basis": DATE_BASIS, "fatalities": NONE_REPORTED,
         "injuries": {"value": None, "qualifier": "several"},
         # No perpetrator is named: ACLED's "Unidentified Armed Group (Syria)", type 3.
         "actor1_type": "political_militia", "actor1_certainty": "unknown",
         "actor2_type": "state_forces", "geo_precision": "2",
         "plover": "assault", "plover_mode": "explosives",
         "notes": "A roadside IED hits a government convoy travelling from al-Sukhnah to Palmyra "
                  "(eastern Homs countryside); a number of soldiers are wounded, no deaths "
                  "reported."})

    # 8. Reported plans for a new operation in the Badia: planned, not yet happened.
    p8 = "تزامنت مع أنباء"
    events["8"] = c.event(
        "strategic_developments", "other", c.span(T, "عملية عسكرية", p8),
        {"actor1": [c.span(A, "النظام", p8)],
         "assoc_actor1": [c.span(A, "الميليشيات الإيرانية", p8)],  # "والميليشيات": و left out
         "location": [c.span(L, "منطقة البادية السورية", p8)],
         "source": [c.span(S, "أنباء", p8)]},
        {"event_date": EVENT_DATE, "date_basis": DATE_BASIS, "fatalities": NONE_REPORTED,
         "actor1_type": "state_forces", "temporal_status": "planned", "factuality": "reported",
         "attribution": "أنباء", "geo_precision": "3", "plover": "mobilize",
         "notes": "Reports of plans by the government and Iranian militias for a new military "
                  "operation in the Syrian Badia against IS attacks."})

    # 9. Residents of al-Masrab find the body of a missing officer; the rest of his group is
    #    believed held by IS. ACLED's Strategic developments / Other covers found bodies.
    p9 = "وكان أهالي بلدة المسرب"
    events["9"] = c.event(
        "strategic_developments", "other", c.span(T, "عثروا", p9),
        {"actor1": [c.span(A, "التنظيم", p9)],
         "actor2": [c.span(A, "جيش النظام", p9)],
         "victim": [c.span(P, "ضابط", p9)],
         "location": [c.span(L, "بلدة المسرب", p9), c.span(L, "ريف ديرالزور الغربي", p9)],
         "time": [c.span(D, "قبل أيام", p9)],
         "fatalities": [c.span(P, "جثة ضابط", p9)]},
        {"event_date": EVENT_DATE, "date_basis": DATE_BASIS,
         "fatalities": {"value": 1, "qualifier": "exact"},
         "actor1_type": "rebel_group", "actor1_certainty": "suspected",
         "actor2_type": "state_forces", "geo_precision": "1",
         "missing": {"value": None, "qualifier": "several"},  # the rest of his group
         "notes": "Residents of al-Masrab find the body of a government army officer missing "
                  "for days with his group in the Badia; the rest of the group is believed "
                  "held by IS."})

    c.document_field("relevance", "relevant")
    c.document_field("source_scale", "local")
    c.document_field(
        "document_notes",
        f"The article gives no date: events are dated to an assumed publication date "
        f"({ASSUMED_PUBLICATION_DATE}) with week precision. Item 2 of the hand-coded list is "
        f"two events (change to group/activity, and arrests).")
    c.status("done")
    return events


def write_sample_project(target: Path) -> None:
    """Create the demo project at ``target`` (which must not hold a project yet)."""
    from annotator.core.model import Document
    from annotator.storage.project import Project

    project = Project.init(target, name="Sample project")
    raw = sample_article_path().read_text(encoding="utf-8")
    text = project.text_policy.apply(raw)
    assert text == raw, "the sample article is stored exactly as shared"
    doc = Document(DOCUMENT_ID, text, meta={"title": TITLE, "source": SOURCE,
                                            "licence": LICENCE})
    project.add_documents([doc])
    aset = project.new_annotation_set(CODER, doc)
    session = AnnotationSession(doc, project.codebook, aset)
    code_sample_article(session)
    issues = project.save_annotations(aset, doc)
    assert not issues, issues


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
    write_sample_project(Path(sys.argv[1]) if len(sys.argv) > 1
                         else Path(__file__).resolve().parents[2] / "resources" / "sample-project")
