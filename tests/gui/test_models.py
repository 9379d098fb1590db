"""The item models over spans, events and documents: contents, incremental updates, sorting."""

from __future__ import annotations

import dataclasses

import pytest
from panel_support import add_span, expected_rows, make_session, sample_text
from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor

from annotator.app.issues import IssueTracker
from annotator.core.edits import (
    AddRoleFiller,
    AddSpan,
    CreateEvent,
    DeleteEvent,
    RelabelSpan,
    RemoveSpan,
    ResizeSpan,
    SetEventField,
    SetEventType,
    SetTrigger,
)
from annotator.core.model import Span
from annotator.core.session import History
from annotator.gui.models import (
    ID_ROLE,
    SORT_ROLE,
    DocumentListModel,
    DocumentStatusProxy,
    EventListModel,
)
from annotator.gui.span_model import SpanFilterProxy, SpanTableModel

DISPLAY = Qt.ItemDataRole.DisplayRole


@pytest.fixture
def session(test_data):
    s = make_session(sample_text(test_data))
    ids = {
        "trigger": add_span(s, "شنت", "TRIGGER"),
        "is": add_span(s, "تنظيم داعش", "ACTOR"),
        "gov": add_span(s, "قوات النظام", "ACTOR"),
        "jalaa": add_span(s, "بلدة الجلاء", "LOCATION"),
    }
    s.ids = ids
    return s


class Recorder:
    """Which structural signals a model sent."""

    def __init__(self, model) -> None:
        self.events: list[tuple] = []
        model.rowsInserted.connect(lambda p, a, b: self.events.append(("inserted", a, b)))
        model.rowsRemoved.connect(lambda p, a, b: self.events.append(("removed", a, b)))
        model.modelReset.connect(lambda: self.events.append(("reset",)))
        model.dataChanged.connect(
            lambda tl, br, roles=(): self.events.append(("changed", tl.row(), br.row(),
                                                         tl.column(), br.column())))


# -- SpanTableModel ---------------------------------------------------------------------------
def test_span_model_passes_the_model_tester_through_edits(qtmodeltester, session):
    model = SpanTableModel()
    model.set_session(session)
    qtmodeltester.check(model)
    proxy = SpanFilterProxy()
    proxy.setSourceModel(model)
    qtmodeltester.check(proxy)
    history = History(session)
    history.push(RemoveSpan(session.ids["gov"]))
    history.push(RelabelSpan(session.ids["is"], "PERSON"))
    history.push(CreateEvent("battles", "armed_clash", session.ids["trigger"]))
    add_span(session, "ديرالزور", "LOCATION")
    while history.undo():
        pass
    assert [model.span_id_at(r) for r in range(model.rowCount())] == \
        [s.id for s in sorted(session.aset.spans, key=lambda s: (s.start, s.end))]


def test_span_model_columns(session):
    model = SpanTableModel()
    model.set_session(session)
    session.do(CreateEvent("battles", "armed_clash", session.ids["trigger"], event_id="e1"))
    session.do(AddRoleFiller("e1", "actor1", session.ids["is"]))
    row = model.row_of(session.ids["is"])
    assert model.span_id_at(row) == session.ids["is"]
    assert model.headerData(0, Qt.Orientation.Horizontal) == "Label"
    assert [model.headerData(c, Qt.Orientation.Horizontal) for c in range(5)] == \
        ["Label", "Text", "Start", "End", "Used in"]
    span = session.aset.span(session.ids["is"])
    assert model.index(row, 0).data() == "Actor"
    assert model.index(row, 0).data(Qt.ItemDataRole.DecorationRole) == QColor("#4363d8")
    assert "جهة فاعلة" in model.index(row, 0).data(Qt.ItemDataRole.ToolTipRole)
    assert model.index(row, 1).data() == "تنظيم داعش" == span.text
    assert model.index(row, 2).data() == span.start
    assert model.index(row, 3).data() == span.end
    assert model.index(row, 4).data() == "e1 Actor 1"
    trig = model.row_of(session.ids["trigger"])
    assert model.index(trig, 4).data() == "e1 Trigger"
    assert model.index(trig, 0).data(ID_ROLE) == session.ids["trigger"]
    assert model.row_of("nope") == -1


def test_used_in_lists_every_use(session):
    model = SpanTableModel()
    model.set_session(session)
    session.do(CreateEvent("battles", trigger=session.ids["trigger"], event_id="e1"))
    session.do(CreateEvent("battles", trigger=session.ids["trigger"], event_id="e2"))
    session.do(AddRoleFiller("e1", "actor1", session.ids["is"]))
    session.do(AddRoleFiller("e2", "target", session.ids["is"]))
    row = model.row_of(session.ids["is"])
    assert model.index(row, SpanTableModel.USED).data() == "e1 Actor 1, e2 Target"
    session.do(DeleteEvent("e1"))
    assert model.index(row, SpanTableModel.USED).data() == "e2 Target"


def test_span_edits_update_rows_incrementally(session):
    model = SpanTableModel()
    model.set_session(session)
    rec = Recorder(model)
    new = add_span(session, "ديرالزور", "LOCATION")
    assert rec.events == [("inserted", 4, 4)]
    assert model.span_id_at(4) == new

    rec.events.clear()
    session.do(RelabelSpan(new, "PERSON"))
    assert rec.events == [("changed", 4, 4, 0, 4)]
    assert model.index(4, 0).data() == "Person or people"

    rec.events.clear()
    remove = RemoveSpan(session.ids["is"])
    session.do(remove)
    assert rec.events == [("removed", 1, 1)]
    assert model.row_of(session.ids["is"]) == -1
    assert model.row_of(new) == 3

    rec.events.clear()
    session.undo(remove)  # back at its old place
    assert rec.events == [("inserted", 1, 1)]
    assert model.row_of(session.ids["is"]) == 1

    rec.events.clear()
    s = session.aset.span(session.ids["jalaa"])
    session.do(ResizeSpan(s.id, s.start + 5, s.end))
    assert rec.events == [("changed", 3, 3, 0, 4)]
    assert model.index(3, 1).data() == "الجلاء"


def test_removing_a_used_span_refreshes_used_in(session):
    model = SpanTableModel()
    model.set_session(session)
    session.do(CreateEvent("battles", trigger=session.ids["trigger"], event_id="e1"))
    assert model.index(0, SpanTableModel.USED).data() == "e1 Trigger"
    session.do(SetTrigger("e1", None))
    assert model.index(0, SpanTableModel.USED).data() == ""


def test_ten_thousand_spans_update_without_reset(session):
    text = session.document.text
    for i in range(10_000):
        start = i % (len(text) - 6)
        session.aset.spans.append(Span(f"x{i}", start, start + 5, "ACTOR", text[start:start + 5]))
    model = SpanTableModel()
    model.set_session(session)
    proxy = SpanFilterProxy()
    proxy.setSourceModel(model)
    proxy.sort(SpanTableModel.START)
    rec = Recorder(model)
    new = add_span(session, "ديرالزور", "LOCATION")
    session.do(RelabelSpan(new, "PERSON"))
    session.do(RemoveSpan("x5000"))
    assert [e[0] for e in rec.events] == ["inserted", "changed", "removed"]
    assert model.rowCount() == proxy.rowCount() == 10_004


def test_proxy_sorts_offsets_as_numbers(session):
    model = SpanTableModel()
    model.set_session(session)
    proxy = SpanFilterProxy()
    proxy.setSourceModel(model)
    proxy.sort(SpanTableModel.END, Qt.SortOrder.AscendingOrder)
    ends = [proxy.index(r, SpanTableModel.END).data() for r in range(proxy.rowCount())]
    assert ends == sorted(ends)
    assert sorted(map(str, ends)) != [str(e) for e in ends]  # a text sort would differ
    assert proxy.index(0, SpanTableModel.END).data(SORT_ROLE) == ends[0]
    proxy.sort(SpanTableModel.START, Qt.SortOrder.DescendingOrder)
    starts = [proxy.index(r, SpanTableModel.START).data() for r in range(proxy.rowCount())]
    assert starts == sorted(starts, reverse=True)


def test_proxy_filters_label_and_text_ignoring_case(session):
    model = SpanTableModel()
    model.set_session(session)
    proxy = SpanFilterProxy()
    proxy.setSourceModel(model)
    proxy.set_filter_text("PLACE")
    assert [proxy.index(r, 0).data(ID_ROLE) for r in range(proxy.rowCount())] == \
        [session.ids["jalaa"]]
    proxy.set_filter_text("actor")
    assert proxy.rowCount() == 2
    proxy.set_filter_text("النظام")
    assert [proxy.index(r, 0).data(ID_ROLE) for r in range(proxy.rowCount())] == \
        [session.ids["gov"]]
    proxy.set_filter_text("")
    assert proxy.rowCount() == 4


def proxy_rows(proxy) -> list[str]:
    return [proxy.index(r, 0).data(ID_ROLE) for r in range(proxy.rowCount())]


@pytest.mark.parametrize("needle", ["", "actor"])
@pytest.mark.parametrize("order", [Qt.SortOrder.AscendingOrder, Qt.SortOrder.DescendingOrder])
@pytest.mark.parametrize("column", range(5))
def test_sorted_rows_follow_every_edit(qtmodeltester, session, column, order, needle):
    """The model keeps its rows in the table's order itself: after adds, relabels, resizes,
    removals, event edits and their undos, the (filtered) rows are those the core's spans
    give, in the order a stable sort on the column gives, ties in text order."""
    ids = session.ids
    more = [add_span(session, "قوات النظام", "ACTOR", occurrence=1),  # same text as "gov"
            add_span(session, "داعش", "PERSON")]
    model = SpanTableModel()
    model.set_session(session)
    proxy = SpanFilterProxy()
    proxy.setSourceModel(model)
    proxy.set_filter_text(needle.upper())
    proxy.sort(column, order)
    qtmodeltester.check(proxy)
    assert model.sort_column() == column and model.sort_order() == order

    def check() -> None:
        assert proxy_rows(proxy) == expected_rows(session, column, order, needle)
        assert sorted(model.span_id_at(r) for r in range(model.rowCount())) == \
            sorted(s.id for s in session.aset.spans)
        for r in range(model.rowCount()):
            assert model.row_of(model.span_id_at(r)) == r

    check()
    history = History(session)
    jalaa = session.aset.span(ids["jalaa"])
    edits = [
        AddSpan(3, 9, "ACTOR", span_id="n1"),
        AddSpan(jalaa.start, jalaa.end, "LOCATION", span_id="n2"),  # a tie on the offsets
        RelabelSpan(ids["jalaa"], "ACTOR"),
        RelabelSpan(more[1], "LOCATION"),
        ResizeSpan(ids["gov"], session.aset.span(ids["gov"]).start + 5,
                   session.aset.span(ids["gov"]).end),
        CreateEvent("battles", "armed_clash", ids["trigger"], event_id="e1"),
        AddRoleFiller("e1", "actor1", ids["is"]),
        AddRoleFiller("e1", "actor2", more[0]),
        RemoveSpan(ids["is"]),
        RemoveSpan("n1"),
    ]
    for edit in edits:
        history.push(edit)
        check()
    while history.undo():
        check()
    while history.redo():
        check()


def test_a_relabel_moves_its_row_and_keeps_the_selection(qtmodeltester, session):
    model = SpanTableModel()
    model.set_session(session)
    proxy = SpanFilterProxy()
    proxy.setSourceModel(model)
    proxy.sort(SpanTableModel.LABEL)
    qtmodeltester.check(model)
    moved: list[tuple[int, int]] = []
    model.rowsMoved.connect(lambda _p, a, _b, _d, dest: moved.append((a, dest)))
    kept = QPersistentModelIndex(proxy.index(proxy_rows(proxy).index(session.ids["jalaa"]), 1))
    session.do(RelabelSpan(session.ids["jalaa"], "ACTOR"))  # Place -> Actor: to the top
    assert len(moved) == 1
    assert kept.isValid() and kept.data(ID_ROLE) == session.ids["jalaa"] and kept.column() == 1
    assert proxy_rows(proxy) == expected_rows(session, SpanTableModel.LABEL,
                                              Qt.SortOrder.AscendingOrder)
    session.do(RelabelSpan(session.ids["is"], "PERSON"))  # Actor -> Person: down
    assert proxy_rows(proxy) == expected_rows(session, SpanTableModel.LABEL,
                                              Qt.SortOrder.AscendingOrder)


def test_a_filtered_row_comes_and_goes_with_its_label(session):
    model = SpanTableModel()
    model.set_session(session)
    proxy = SpanFilterProxy()
    proxy.setSourceModel(model)
    proxy.set_filter_text("place")
    assert proxy_rows(proxy) == [session.ids["jalaa"]]
    session.do(RelabelSpan(session.ids["gov"], "LOCATION"))
    assert proxy_rows(proxy) == [session.ids["gov"], session.ids["jalaa"]]
    session.do(RelabelSpan(session.ids["jalaa"], "ACTOR"))
    assert proxy_rows(proxy) == [session.ids["gov"]]
    proxy.set_filter_text("")
    assert proxy.rowCount() == 4


def test_the_proxy_asks_the_model_nothing_per_row_without_a_filter(session, monkeypatch):
    # Opening a 10,000-span document must not cost a Python call per row (or per comparison).
    text = session.document.text
    for i in range(2000):
        start = i % (len(text) - 6)
        session.aset.spans.append(Span(f"x{i}", start, start + 5, "ACTOR", text[start:start + 5]))
    model = SpanTableModel()
    proxy = SpanFilterProxy()
    proxy.setSourceModel(model)
    proxy.sort(SpanTableModel.START)
    calls: list[int] = []
    real = SpanTableModel.data
    monkeypatch.setattr(SpanTableModel, "data",
                        lambda self, index, role=DISPLAY: calls.append(role) or real(self, index,
                                                                                      role))
    model.set_session(session)
    proxy.sort(SpanTableModel.TEXT, Qt.SortOrder.DescendingOrder)
    add_span(session, "ديرالزور", "LOCATION")
    assert proxy.rowCount() == 2005
    assert calls == []
    proxy.set_filter_text("x")  # (the count above is worth something: a filter does ask)
    assert calls


def test_a_file_repeating_a_span_id_still_shows(session):
    # Validation reports it; the table must not fail on it meanwhile.
    session.aset.spans.append(dataclasses.replace(session.aset.span(session.ids["is"]), note="x"))
    model = SpanTableModel()
    model.set_session(session)
    proxy = SpanFilterProxy()
    proxy.setSourceModel(model)
    assert model.rowCount() == proxy.rowCount() == 5
    for column in range(5):
        proxy.sort(column, Qt.SortOrder.DescendingOrder)
        assert model.rowCount() == 5


def test_span_text_is_exact_and_plain():
    s = make_session("قال <b>x</b> أمس & غدا")
    sid = add_span(s, "<b>x</b> أمس & غدا", "TIME")
    model = SpanTableModel()
    model.set_session(s)
    assert model.index(model.row_of(sid), SpanTableModel.TEXT).data() == "<b>x</b> أمس & غدا"


def test_set_session_moves_the_listener(session, test_data):
    model = SpanTableModel()
    model.set_session(session)
    assert len(session.changed) == 1
    other = make_session(sample_text(test_data))
    model.set_session(other)
    assert len(session.changed) == 0 and len(other.changed) == 1
    add_span(session, "ديرالزور", "LOCATION")  # the old session no longer reaches the model
    assert model.rowCount() == 0
    model.set_session(None)
    assert len(other.changed) == 0 and model.rowCount() == 0


# -- EventListModel ---------------------------------------------------------------------------
def test_event_model_passes_the_model_tester(qtmodeltester, session):
    model = EventListModel()
    model.set_session(session)
    qtmodeltester.check(model)
    history = History(session)
    history.push(CreateEvent("battles", event_id="e1"))
    history.push(CreateEvent("riots", event_id="e2"))
    history.push(DeleteEvent("e1"))
    history.push(SetEventType("e2", "protests", "peaceful_protest"))
    while history.undo():
        pass
    assert model.rowCount() == 0


def test_event_rows_say_what_is_missing(session):
    model = EventListModel()
    tracker = IssueTracker(session)
    model.set_session(session, tracker)
    ids = session.ids
    session.do(CreateEvent("battles", "armed_clash", ids["trigger"], event_id="e1"))
    assert model.rowCount() == 1 and model.event_id_at(0) == "e1" and model.row_of("e1") == 0
    text = model.index(0).data()
    assert text.startswith("e1 · Battles / Armed clash · ")
    n = len(tracker.of_event("e1"))
    assert n > 0 and text.endswith(f"· {n} missing")
    assert "Actor 2" in model.index(0).data(Qt.ItemDataRole.ToolTipRole)

    session.do(AddRoleFiller("e1", "actor1", ids["is"]))
    session.do(AddRoleFiller("e1", "actor2", ids["gov"]))
    session.do(AddRoleFiller("e1", "location", ids["jalaa"]))
    for fid, value in [("event_date", {"value": "2020-01-05", "precision": "day"}),
                       ("fatalities", {"value": None, "qualifier": "unspecified"}),
                       ("actor1_type", "political_militia"), ("actor2_type", "state_forces")]:
        session.do(SetEventField("e1", fid, value))
    assert model.index(0).data() == "e1 · Battles / Armed clash · ✓ complete"
    assert model.index(0).data(Qt.ItemDataRole.ForegroundRole) == EventListModel.COMPLETE


def test_event_rows_insert_and_remove(session):
    model = EventListModel()
    model.set_session(session)
    rec = Recorder(model)
    session.do(CreateEvent("battles", event_id="e1"))
    session.do(CreateEvent("riots", event_id="e2"))
    delete = DeleteEvent("e1")
    session.do(delete)
    session.undo(delete)
    structural = [e for e in rec.events if e[0] != "changed"]
    assert structural == [("inserted", 0, 0), ("inserted", 1, 1), ("removed", 0, 0),
                          ("inserted", 0, 0)]
    assert model.row_of("e2") == 1 and model.row_of("gone") == -1
    assert model.index(1).data().startswith("e2 · Riots · ")


def test_an_edit_repaints_the_rows_of_its_events_and_issues_repaint_all(session):
    """An edit repaints at once only the rows of the events it changed (a span elsewhere:
    none); the completeness marks of every row follow when the window says the issues
    changed."""
    model = EventListModel()
    model.set_session(session, IssueTracker(session))
    for i in range(3):
        session.do(CreateEvent("battles", event_id=f"e{i}"))
    rec = Recorder(model)
    session.do(AddSpan(0, 3, "ACTOR", span_id="new"))
    assert rec.events == []
    session.do(SetEventType("e1", "riots"))
    assert rec.events == [("changed", 1, 1, 0, 0)]
    assert model.index(1).data().startswith("e1 · Riots")
    model.issues_refreshed()
    assert rec.events[1] == ("changed", 0, 2, 0, 0)


# -- DocumentListModel ------------------------------------------------------------------------
ROWS = [("d1", "هجوم على موقع عسكري", "done"), ("d2", "Second", "in_progress"),
        ("d3", "Third", "not_started"), ("d4", "<b>x</b>", "skipped")]


def test_document_model_passes_the_model_tester(qtmodeltester):
    model = DocumentListModel()
    qtmodeltester.check(model)
    model.set_documents(ROWS)
    qtmodeltester.check(model)
    proxy = DocumentStatusProxy()
    proxy.setSourceModel(model)
    qtmodeltester.check(proxy)
    model.set_status("d3", "done")
    proxy.set_statuses({"done"})
    model.set_status("d1", "in_progress")
    assert proxy.rowCount() == 1


def test_document_model_rows_and_counts():
    model = DocumentListModel()
    model.set_documents(ROWS)
    assert model.rowCount() == 4 and model.columnCount() == 2
    assert model.doc_id_at(0) == "d1" and model.row_of("d3") == 2 and model.row_of("x") == -1
    assert model.index(0, 1).data() == "هجوم على موقع عسكري"
    assert model.index(3, 1).data() == "<b>x</b>"
    assert "done" in model.index(0, 0).data()
    assert model.index(2, 0).data().endswith("not started")
    assert isinstance(model.index(0, 0).data(Qt.ItemDataRole.ForegroundRole), QColor)
    assert model.counts() == {"not_started": 1, "in_progress": 1, "done": 1, "skipped": 1}
    changed = []
    model.dataChanged.connect(lambda a, b, roles=(): changed.append((a.row(), b.row())))
    model.set_status("d3", "done")
    assert changed == [(2, 2)]
    assert model.counts()["done"] == 2 and model.counts()["not_started"] == 0
    model.set_status("unknown", "done")  # ignored
    model.set_documents([])
    assert model.rowCount() == 0
    assert model.index(0, 0, QModelIndex()).data() is None
