"""The sample project's second coder and its gold set, so the demo shows adjudication at once.

``code_second_coder(session)`` turns a copy of the demo coding into coder ``layla``'s, through
the same edits the window uses: the differences two trained coders of this article plausibly
have (a proclitic kept in a span, a shorter actor, another label, other field values, the
planned operation of item 8 not coded). ``write_sample_gold(root)`` then, on the sample project
at ``root``: saves that set, assigns the article to both coders (``annotator assign``), makes
the gold set (``annotator adjudicate``) and takes three decisions as the adjudication window
would, leaving the other disagreements open. Run ``python tests/core/sample_gold.py PROJECT``
after ``sample_coding.py`` (see resources/sample-project/NOTICE.md).
"""

from __future__ import annotations

import sys
from pathlib import Path

SECOND_CODER = "layla"
# Decisions taken in the demo gold set: (what the item is about, whose version is taken).
DECISIONS = (("span", "تنظيم داعش", "demo"),       # the proclitic ل left out, as the codebook says
             ("event_field", "geo_precision", "demo"),
             ("document_field", "source_scale", "layla"))


def code_second_coder(session):  # type: ignore[no-untyped-def]
    """Change the demo coding in ``session`` (a copy, coder ``layla``) into layla's."""
    from annotator.core.edits import (
        DeleteEvent,
        RelabelSpan,
        RemoveSpan,
        ResizeSpan,
        SetDocumentField,
        SetEventField,
    )

    aset = session.aset
    text = session.document.text

    def span_id(words: str, anchor: str) -> str:
        start = text.index(words, text.index(anchor))
        return next(s.id for s in aset.spans if (s.start, s.end) == (start, start + len(words)))

    def event_with(trigger_words: str, anchor: str) -> str:
        trigger = span_id(trigger_words, anchor)
        return next(e.id for e in aset.events if e.trigger == trigger)

    # Boundaries: "لتنظيم داعش" with its proclitic; "تنظيم داعش" without "خلايا".
    is_ = span_id("تنظيم داعش", "شنت مجموعة مسلحة")
    session.do(ResizeSpan(is_, text.index("لتنظيم داعش"), text.index("لتنظيم داعش") + 11))
    cells = span_id("خلايا تنظيم داعش", "صفحات محلية تحدثت")
    start = text.index("تنظيم داعش", text.index("خلايا تنظيم داعش"))
    session.do(ResizeSpan(cells, start, start + len("تنظيم داعش")))
    # A label: the officer's body counted as a quantity (the fatalities role takes both).
    session.do(RelabelSpan(span_id("جثة ضابط", "وكان أهالي بلدة المسرب"), "QUANTITY"))
    # Field values.
    attack = event_with("هجوماً", "شنت مجموعة مسلحة")
    session.do(SetEventField(attack, "fatalities", {"value": None, "qualifier": "several"}))
    shrine = event_with("هجوم", "خسر فيه التنظيم")
    session.do(SetEventField(shrine, "actor2_type", "external_other"))
    ied = event_with("تفجير", "في حين تعرض رتل")
    session.do(SetEventField(ied, "geo_precision", "3"))
    session.do(SetDocumentField("source_scale", "subnational"))
    # Item 8, the planned operation, is not coded at all (nor its spans).
    planned = aset.event(event_with("عملية عسكرية", "تزامنت مع أنباء"))
    assert planned is not None
    spans = sorted(planned.span_ids())
    session.do(DeleteEvent(planned.id))
    for sid in spans:
        if not aset.uses_of_span(sid):
            session.do(RemoveSpan(sid))
    aset.time_spent_seconds = 2160.0


def write_sample_gold(root: Path) -> None:
    """Add the second coder, the assignments and the gold set to the sample project at
    ``root`` (which holds the demo coding)."""
    import copy

    from annotator.core.adjudication import open_items
    from annotator.core.decisions import decision_edit
    from annotator.core.model import AnnotationSet
    from annotator.core.session import AnnotationSession, History
    from annotator.storage.assignments import plan_assignments, save_assignments, started_pairs
    from annotator.storage.gold import adjudicate_project
    from annotator.storage.project import Project

    project = Project.open(root)
    [doc_id] = project.document_ids()
    document = project.load_document(doc_id)
    demo, _ = project.load_annotations("demo", document)
    layla = AnnotationSet.from_dict({**copy.deepcopy(demo.to_dict()), "coder": SECOND_CODER})
    code_second_coder(AnnotationSession(document, project.codebook, layla))
    assert project.save_annotations(layla, document) == []
    plan, _ = plan_assignments(project.document_ids(), ["demo", SECOND_CODER], per_document=2,
                               overlap=1.0, seed=13, started=started_pairs(project))
    save_assignments(project, plan)
    report = adjudicate_project(project, overwrite=True)
    assert [o.action for o in report.outcomes] in (["written"], ["updated"]), report
    gold, _ = project.load_annotations("gold", document)
    session = AnnotationSession(document, project.codebook, gold)
    history = History(session)
    for kind, what, coder in DECISIONS:
        item = next(i for i in open_items(gold) if i["kind"] == kind and what in (
            i.get("field"), *(s["text"] for alts in i["alternatives"].values()
                              if isinstance(alts, list) for s in alts)))
        history.push(decision_edit(session, item["id"], [coder]))
    project.save_annotations(gold, document)


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
    write_sample_gold(Path(sys.argv[1]) if len(sys.argv) > 1
                      else Path(__file__).resolve().parents[2] / "resources" / "sample-project")
