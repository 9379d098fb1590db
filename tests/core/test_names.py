"""One name per codebook thing, and undo texts that say what they undo and to which text: each
edit names itself once applied, from the codebook's names and the document's words."""

from __future__ import annotations

import pytest
from sample_coding import new_session

from annotator.core.decisions import EditInGold
from annotator.core.edits import (
    AddRoleFiller,
    AddSpan,
    CreateEvent,
    DeleteEvent,
    Edit,
    Macro,
    RelabelSpan,
    RemoveRoleFiller,
    RemoveSpan,
    ResizeSpan,
    SetDocumentField,
    SetEventField,
    SetEventType,
    SetStatus,
    SetTrigger,
)
from annotator.core.names import label_name, quote, role_name, short_name
from annotator.core.session import History
from annotator.storage.project import load_default_codebook

TEXT = "قوات النظام هاجمت مواقع داعش في بلدة الجلاء يوم الثلاثاء وقتلت ثلاثة عناصر."
CB = load_default_codebook()


def _at(words: str) -> tuple[int, int]:
    i = TEXT.index(words)
    return i, i + len(words)


def test_a_label_and_a_role_have_one_name_each() -> None:
    assert short_name("Actor (force, group, organisation)") == "Actor"
    assert short_name("(odd)") == "(odd)"
    assert [label_name(CB, lab.id) for lab in CB.span_labels] == [
        "Event trigger", "Actor", "Person or people", "Place", "Time expression",
        "Weapon or means", "Number or quantity", "Source of the report"]
    assert label_name(CB, "GHOST") == "GHOST"
    assert role_name(CB, "injuries") == "Injuries evidence"
    assert role_name(CB, "actor1") == "Actor 1"
    assert role_name(CB, "trigger") == "Trigger"


def _q(words: str) -> str:
    return quote(words)


def test_every_edit_says_what_it_did_and_to_which_text() -> None:
    s = new_session(TEXT, codebook=CB)
    history = History(s)
    steps: list[tuple[Edit, str]] = [
        (AddSpan(*_at("قوات النظام"), "ACTOR", span_id="a1"), f"label {_q('قوات النظام')} Actor"),
        (AddSpan(*_at("هاجمت"), "TRIGGER", span_id="t1"), f"label {_q('هاجمت')} Event trigger"),
        (AddSpan(*_at("بلدة الجلاء"), "ACTOR", span_id="l1"),
         f"label {_q('بلدة الجلاء')} Actor"),
        (RelabelSpan("l1", "LOCATION"), f"relabel {_q('بلدة الجلاء')} Actor → Place"),
        (ResizeSpan("l1", *_at("الجلاء")), f"resize Place {_q('بلدة الجلاء')} → {_q('الجلاء')}"),
        (CreateEvent("battles", trigger="t1", event_id="e1"), f"new event e1 {_q('هاجمت')}"),
        (CreateEvent("protests", event_id="e2"), "new event e2 (Protests)"),
        (SetEventType("e1", "battles", "armed_clash"), "e1 type Battles / Armed clash"),
        (AddRoleFiller("e1", "actor2", "a1"), f"e1 Actor 2 ← {_q('قوات النظام')}"),
        (RemoveRoleFiller("e1", "actor2", "a1"), f"take {_q('قوات النظام')} out of e1 Actor 2"),
        (SetTrigger("e1", None), f"clear e1 trigger {_q('هاجمت')}"),
        (SetTrigger("e1", "t1"), f"e1 trigger {_q('هاجمت')}"),
        (SetEventField("e1", "fatalities", {"value": 3, "qualifier": "exact"}),
         "e1 Fatalities exactly 3"),
        (SetEventField("e1", "fatalities", None), "clear e1 Fatalities"),
        (SetDocumentField("relevance", "relevant"), "Relevance Relevant"),
        (SetStatus("in_progress"), "status in progress"),
        (DeleteEvent("e2"), "delete event e2 (Protests)"),
        (RemoveSpan("a1"), f"remove Actor {_q('قوات النظام')}"),
    ]
    for edit, said in steps:
        assert edit.description == type(edit).description  # nothing known before it applies
        history.push(edit)
        assert history.undo_text() == said
    # Undone and redone, the same words.
    history.undo()
    assert history.redo_text() == f"remove Actor {_q('قوات النظام')}"
    history.redo()
    assert history.undo_text() == f"remove Actor {_q('قوات النظام')}"


def test_a_macro_says_its_steps_unless_its_maker_named_it() -> None:
    s = new_session(TEXT, codebook=CB)
    history = History(s)
    history.push(Macro([AddSpan(*_at("داعش"), "ACTOR", span_id="a2"),
                        AddSpan(*_at("ثلاثة عناصر"), "QUANTITY", span_id="q1")]))
    assert history.undo_text() == (f"label {_q('داعش')} Actor; "
                                   f"label {_q('ثلاثة عناصر')} Number or quantity")
    history.push(Macro([AddSpan(*_at("يوم الثلاثاء"), "TIME")], description="Code the date"))
    assert history.undo_text() == "Code the date"


@pytest.mark.parametrize("given", ["", "Adjudicator's own words"])
def test_an_edit_on_a_gold_set_says_what_the_edit_says(given: str) -> None:
    s = new_session(TEXT, codebook=CB)
    history = History(s)
    history.push(EditInGold(AddSpan(*_at("داعش"), "ACTOR"), description=given))
    assert history.undo_text() == (given or f"label {_q('داعش')} Actor")
