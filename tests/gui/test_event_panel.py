"""EventPanel with real clicks and keys: the edits it asks for, and how applied edits show."""

from __future__ import annotations

import pytest
from panel_support import add_span, make_session, plain, sample_text
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QComboBox, QLabel, QListView, QToolButton, QWidget

from annotator.core.edits import (
    AddRoleFiller,
    AddSpan,
    CreateEvent,
    DeleteEvent,
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
from annotator.core.fields import COUNT_QUALIFIERS
from annotator.gui.event_editor import SpanChip
from annotator.gui.event_panel import EventPanel
from annotator.gui.field_widgets import CountEditor, EnumEditor
from annotator.gui.missing_box import plain_issue

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


@pytest.fixture
def session(test_data):
    s = make_session(sample_text(test_data))
    s.ids = {
        "trigger": add_span(s, "شنت", "TRIGGER"),
        "is": add_span(s, "تنظيم داعش", "ACTOR"),
        "gov": add_span(s, "قوات النظام", "ACTOR"),
        "jalaa": add_span(s, "بلدة الجلاء", "LOCATION"),
        "attack": add_span(s, "هجوم", "TRIGGER"),
    }
    s.do(CreateEvent("battles", "armed_clash", s.ids["trigger"], event_id="e1"))
    s.do(AddRoleFiller("e1", "actor1", s.ids["is"]))
    s.do(CreateEvent("strategic_developments", event_id="e2"))
    return s


@pytest.fixture
def panel(qtbot, session):
    w = EventPanel()
    qtbot.addWidget(w)
    w.set_session(session)
    w.set_current_event("e1")
    w.resize(380, 900)
    with qtbot.waitActive(w):
        w.show()
        w.activateWindow()
    return w


class Requests:
    def __init__(self, panel: EventPanel) -> None:
        self.edits: list = []
        panel.editRequested.connect(self.edits.append)


def role_label(panel: EventPanel, role: str) -> QLabel:
    return panel.roles.findChild(QLabel, f"role_{role}")


def chips(panel: EventPanel, role: str) -> list[SpanChip]:
    cell = panel.roles.findChild(QWidget, f"fillers_{role}")
    return [c for c in cell.findChildren(SpanChip) if not c.isHidden()] if cell else []


def shown(widget) -> bool:
    """Not hidden (new children of a shown widget become visible one event loop later)."""
    return not widget.isHidden()


def click(qtbot, widget) -> None:
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)


def missing(qtbot, panel: EventPanel) -> str:
    qtbot.waitUntil(lambda: not panel._missing_timer.isActive()
                    and not panel.debouncer.pending())
    return plain(panel.missing_text())


def test_names_and_the_event_list(qtbot, panel, qtmodeltester):
    assert panel.objectName() == "eventPanel"
    assert panel.findChild(QListView, "eventList") is panel.list
    qtmodeltester.check(panel.events_model)
    rows = [panel.events_model.index(r).data() for r in range(panel.events_model.rowCount())]
    assert rows[0].startswith("e1 · Battles / Armed clash · ")
    assert rows[0].endswith(" missing")
    assert rows[1].startswith("e2 · Strategic developments · ")
    assert panel.current_event_id() == "e1"
    assert panel.list.currentIndex().row() == 0


def test_clicking_an_event_selects_it(qtbot, panel):
    seen: list[str] = []
    panel.eventSelected.connect(seen.append)
    rect = panel.list.visualRect(panel.events_model.index(1))
    qtbot.mouseClick(panel.list.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert seen == ["e2"]
    assert panel.current_event_id() == "e2"
    assert panel.event_box.title() == "Event e2"
    qtbot.keyClick(panel.list, Qt.Key.Key_Up)
    assert seen == ["e2", "e1"]
    panel.set_current_event("e2")  # the window's choice: no signal back
    assert seen == ["e2", "e1"] and panel.current_event_id() == "e2"


def test_type_and_subtype_combos_ask_for_set_event_type(qtbot, panel, session):
    req = Requests(panel)
    assert panel.type_combo.currentData() == "battles"
    assert panel.subtype_combo.currentData() == "armed_clash"
    panel.type_combo.setFocus()
    qtbot.keyClick(panel.type_combo, Qt.Key.Key_Down)
    assert req.edits == [SetEventType("e1", "protests", None)]
    assert session.aset.event("e1").type == "battles"  # only asked
    qtbot.waitUntil(lambda: panel.type_combo.currentData() == "battles")  # not applied: shown back
    session.do(req.edits[0])
    assert panel.type_combo.currentData() == "protests"
    assert panel.subtype_combo.currentIndex() == 0
    panel.subtype_combo.setFocus()
    qtbot.keyClick(panel.subtype_combo, Qt.Key.Key_Down)
    assert req.edits[-1] == SetEventType("e1", "protests", "excessive_force_against_protesters")
    session.do(req.edits[-1])
    # The sub-type makes Actor 2 required.
    assert plain(role_label(panel, "actor2").text()).endswith("*")


def test_roles_show_key_name_and_required_mark(panel):
    assert plain(role_label(panel, "actor1").text()) == "[1] Actor 1 · الفاعل الأول *"
    assert plain(role_label(panel, "actor2").text()) == "[2] Actor 2 · الفاعل الثاني *"
    assert plain(role_label(panel, "assoc_actor1").text()) == \
        "Associated actor 1 · فاعل مرتبط بالأول"
    assert plain(role_label(panel, "location").text()) == "[4] Location · المكان *"
    assert role_label(panel, "actor1").textFormat() == Qt.TextFormat.PlainText


def test_filler_chip_jumps_and_removes(qtbot, panel, session):
    req = Requests(panel)
    [chip] = chips(panel, "actor1")
    assert chip.text() == "تنظيم داعش"
    with qtbot.waitSignal(panel.spanActivated) as sig:
        click(qtbot, chip.text_button)
    assert sig.args == [session.ids["is"]]
    click(qtbot, chip.remove_button)
    assert req.edits == [RemoveRoleFiller("e1", "actor1", session.ids["is"])]
    session.do(req.edits[0])
    qtbot.waitUntil(lambda: chips(panel, "actor1") == [])


def test_trigger_chip_and_use_selection(qtbot, panel, session):
    req = Requests(panel)
    [chip] = [c for c in panel.trigger_row.findChildren(SpanChip) if shown(c)]
    assert chip.text() == "شنت"
    with qtbot.waitSignal(panel.spanActivated) as sig:
        click(qtbot, chip.text_button)
    assert sig.args == [session.ids["trigger"]]
    panel.set_available_span(session.ids["attack"])
    use = panel.trigger_row.findChild(QToolButton, "useAsTrigger")
    assert use is not None and "هجوم" in use.text()
    qtbot.waitUntil(use.isVisible)
    click(qtbot, use)
    assert req.edits == [SetTrigger("e1", session.ids["attack"])]
    session.do(req.edits[0])
    qtbot.waitUntil(lambda: [c.text() for c in panel.trigger_row.findChildren(SpanChip)
                             if shown(c)] == ["هجوم"])
    chip = next(c for c in panel.trigger_row.findChildren(SpanChip) if shown(c))
    qtbot.waitUntil(chip.isVisible)
    click(qtbot, chip.remove_button)
    assert req.edits[-1] == SetTrigger("e1", None)


def test_available_span_is_offered_to_the_roles_that_take_it(qtbot, panel, session):
    req = Requests(panel)
    panel.set_available_span(session.ids["gov"])
    assert shown(panel.available_label)
    assert "قوات النظام" in panel.available_label.text()
    offered = {b.objectName() for b in panel.roles.findChildren(QToolButton)
               if b.objectName().startswith("add_") and shown(b)}
    assert {"add_actor1", "add_actor2", "add_assoc_actor1", "add_target"} <= offered
    assert "add_location" not in offered and "add_time" not in offered
    add = panel.roles.findChild(QToolButton, "add_actor2")
    assert add.text() == "+ add"
    qtbot.waitUntil(add.isVisible)
    assert panel.roles.findChild(QToolButton, "add_actor1").text() == "⇄ replace"
    click(qtbot, add)
    assert req.edits == [AddRoleFiller("e1", "actor2", session.ids["gov"])]
    session.do(req.edits[0])
    qtbot.waitUntil(lambda: [c.text() for c in chips(panel, "actor2")] == ["قوات النظام"])
    panel.set_available_span(None)
    assert panel.available_label.isHidden()
    assert not any(b.objectName().startswith("add_") and shown(b)
                   for b in panel.roles.findChildren(QToolButton))


def test_event_fields_ask_for_set_event_field(qtbot, panel, session):
    req = Requests(panel)
    fatalities = panel.fields.findChild(CountEditor, "field_fatalities")
    label = panel.fields.findChild(QLabel, "label_fatalities")
    assert plain(label.text()) == "Fatalities · عدد القتلى *"
    assert plain(panel.fields.findChild(QLabel, "label_actor2_type").text()).endswith("*")
    fatalities.qualifier.setFocus()
    for _ in range(list(COUNT_QUALIFIERS).index("unspecified") + 1):  # below "—"
        qtbot.keyClick(fatalities.qualifier, Qt.Key.Key_Down)
    assert req.edits[-1] == SetEventField("e1", "fatalities",
                                          {"value": None, "qualifier": "unspecified"})
    session.do(req.edits[-1])
    assert fatalities.qualifier.currentData() == "unspecified"
    assert "Set Fatalities" not in missing(qtbot, panel)
    actor2_type = panel.fields.findChild(EnumEditor, "field_actor2_type")
    actor2_type.combo.setFocus()
    qtbot.keyClick(actor2_type.combo, Qt.Key.Key_Down)
    assert req.edits[-1] == SetEventField("e1", "actor2_type", "state_forces")
    # Defaults from the codebook show as stored.
    assert panel.fields.findChild(EnumEditor, "field_temporal_status").combo.currentData() \
        == "occurred"


def test_missing_box_lists_what_to_do_in_plain_words(qtbot, panel, session):
    text = missing(qtbot, panel)
    assert "• Fill [2] Actor 2 · الفاعل الثاني" in text
    assert "• Fill [4] Location · المكان" in text
    assert "• Set Event date · تاريخ الحدث" in text
    assert "• Document: set Relevance · الصلة" in text
    assert "Other events with something missing: e2" in text
    assert "Fill [1] Actor 1" not in text
    assert "$." not in text
    session.do(AddRoleFiller("e1", "location", session.ids["jalaa"]))
    assert "Fill [4] Location" not in missing(qtbot, panel)
    session.do(SetDocumentField("relevance", "relevant"))
    assert "Relevance" not in missing(qtbot, panel)
    session.do(SetStatus("done"))  # requirements become errors: still listed the same way
    assert "• Fill [2] Actor 2 · الفاعل الثاني" in missing(qtbot, panel)
    assert panel.missing_box.title().endswith("needed before the document can be done")


def test_an_edit_checks_only_the_event_it_changed(qtbot, panel, session, monkeypatch):
    import annotator.app.issues as issues_module

    missing(qtbot, panel)
    checked: list[str] = []
    real = issues_module.event_issues
    monkeypatch.setattr(issues_module, "event_issues",
                        lambda i, e, *a: checked.append(e["id"]) or real(i, e, *a))
    session.do(AddRoleFiller("e1", "location", session.ids["jalaa"]))
    missing(qtbot, panel)
    panel.list.viewport().repaint()
    assert checked == ["e1"]


def test_plain_issue_wording(session):
    from annotator.core.validation import Issue

    e = session.aset.event("e1")
    cb = session.codebook
    assert plain_issue(Issue("todo", "$.events[0].subtype", "event e1 (Battles): choose a "
                             "sub-type", "e1"), cb, e) == "Choose a sub-type"
    assert plain_issue(Issue("error", "$.events[0].roles.actor1",
                             "event e1 (Battles): Actor 1 must be a ACTOR or PERSON span; span "
                             "s3 is LOCATION", "e1"), cb, e).startswith("Actor 1 must be")


def test_document_fields(qtbot, panel, session):
    req = Requests(panel)
    assert panel.document_box.title() == "Document"
    relevance = panel.document_box.findChild(EnumEditor, "field_relevance")
    assert plain(panel.document_box.findChild(QLabel, "label_relevance").text()) == \
        "Relevance · الصلة *"
    relevance.combo.setFocus()
    qtbot.keyClick(relevance.combo, Qt.Key.Key_Down)
    assert req.edits == [SetDocumentField("relevance", "relevant")]
    session.do(req.edits[0])
    assert relevance.combo.currentData() == "relevant"
    session.undo(req.edits[0])
    assert relevance.combo.currentIndex() == 0


def test_undo_and_delete_refresh_the_panel(qtbot, panel, session):
    fill = AddRoleFiller("e1", "actor2", session.ids["gov"])
    session.do(fill)
    assert [c.text() for c in chips(panel, "actor2")] == ["قوات النظام"]
    session.undo(fill)
    assert chips(panel, "actor2") == []
    session.do(DeleteEvent("e1"))
    assert panel.current_event_id() is None
    assert panel.placeholder.isVisible() and not panel.details.isVisible()
    assert panel.events_model.rowCount() == 1


def test_span_edits_rebuild_the_event_only_when_it_shows_them(qtbot, panel, session):
    [chip] = chips(panel, "actor1")
    [trigger] = [c for c in panel.trigger_row.findChildren(SpanChip) if shown(c)]
    # A span elsewhere in the text, and its undo, leave the event's rows alone.
    other = AddSpan(0, 3, "ACTOR", span_id="far")
    session.do(other)
    session.undo(other)
    session.do(RelabelSpan(session.ids["gov"], "PERSON"))
    assert chips(panel, "actor1") == [chip]
    assert [c for c in panel.trigger_row.findChildren(SpanChip) if shown(c)] == [trigger]
    # A span the event shows is shown again as it is now.
    span = session.aset.span(session.ids["is"])
    session.do(ResizeSpan(span.id, span.start + 6, span.end))
    assert [c.text() for c in chips(panel, "actor1")] == ["داعش"]
    # So is the selected span offered to the roles, whose label decides where it fits.
    panel.set_available_span(session.ids["jalaa"])

    def offered() -> set[str]:
        return {b.objectName() for b in panel.roles.findChildren(QToolButton)
                if b.objectName().startswith("add_") and shown(b)}

    assert "add_location" in offered() and "add_actor2" not in offered()
    session.do(RelabelSpan(session.ids["jalaa"], "ACTOR"))
    assert "add_actor2" in offered() and "add_location" not in offered()
    # A removed filler goes (its chip was shown, though the event no longer names it).
    session.do(RemoveSpan(session.ids["is"]))
    assert chips(panel, "actor1") == []


def test_the_missing_box_follows_edits_once_they_settle(qtbot):
    """On a large set too: an edit updates the issues at once (only what it touched is
    checked again) and the Missing box once the debounce has run."""
    from annotator.core.model import Span

    text = "كلمة " * 2100
    s = make_session(text)
    s.aset.spans = [Span(f"s{i}", 5 * i, 5 * i + 4, "ACTOR", "كلمة") for i in range(2100)]
    s.do(CreateEvent("battles", "armed_clash", None, event_id="e1"))
    w = EventPanel()
    qtbot.addWidget(w)
    w.set_session(s)
    w.set_current_event("e1")
    before = missing(qtbot, w)
    assert "Fill [1] Actor 1" in before
    s.do(AddRoleFiller("e1", "actor1", "s5"))
    assert w.debouncer.pending()
    filled = missing(qtbot, w)
    assert "Fill [1] Actor 1" not in filled
    s.do(AddSpan(5 * 2099, 5 * 2099 + 4, "PERSON", span_id="new"))
    assert plain(missing(qtbot, w)) == filled
    w.refresh_missing()
    assert plain(w.missing_text()) == filled  # (it was up to date)


def test_markup_in_span_text_shows_literally(qtbot):
    s = make_session("قال <b>x</b> & شنت هجوم")
    sid = add_span(s, "<b>x</b> &", "ACTOR")
    trig = add_span(s, "شنت", "TRIGGER")
    s.do(CreateEvent("battles", trigger=trig, event_id="e1"))
    s.do(AddRoleFiller("e1", "actor1", sid))
    w = EventPanel()
    qtbot.addWidget(w)
    w.set_session(s)
    w.set_current_event("e1")
    w.set_available_span(sid)
    [chip] = chips(w, "actor1")
    assert chip.text() == "<b>x</b> &"
    assert chip.text_button.text() == "<b>x</b> &&"  # '&' doubled: not a mnemonic
    assert "&lt;b&gt;x&lt;/b&gt;" in chip.text_button.toolTip()
    assert "<b>x</b>" in w.available_label.text()
    assert w.available_label.textFormat() == Qt.TextFormat.PlainText


def test_replacing_the_session(qtbot, panel, session, test_data):
    other = make_session(sample_text(test_data))
    panel.set_session(other)
    assert len(session.changed) == 0
    assert panel.current_event_id() is None and panel.events_model.rowCount() == 0
    other.do(CreateEvent("riots", event_id="e1"))
    assert panel.events_model.rowCount() == 1
    panel.set_session(None)
    assert len(other.changed) == 0
    missing(qtbot, panel)
    assert panel.missing_box.isHidden()


def test_fits_a_narrow_dock(qtbot, panel):
    panel.resize(380, 700)
    qtbot.wait(10)
    content = panel.scroll.widget()
    assert content.width() <= panel.scroll.viewport().width()
    for combo in panel.findChildren(QComboBox):
        if combo.isVisible():
            assert combo.mapTo(panel, QPoint(combo.width(), 0)).x() <= panel.width()
