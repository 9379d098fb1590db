"""The annotation window, driven like a coder drives it: mouse and keys on the real widgets."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, QPoint, QPointF, QSettings, Qt
from PySide6.QtGui import QImage, QMouseEvent, QTextCursor
from PySide6.QtWidgets import QApplication, QComboBox, QLineEdit
from window_support import paragraphs_project, select_text

from annotator.app import commands
from annotator.core.validation import ERROR, validate_annotation_data
from annotator.gui import app as gui_app
from annotator.gui import dialogs
from annotator.gui import saving as saving_module
from annotator.gui.dialogs import Asker
from annotator.gui.main_window import MainWindow
from annotator.storage.lock import FileLock
from annotator.storage.project import Project

# The offscreen platform plugin warns whenever a top-level window's size limits change (docks
# do that); it is a limitation of that plugin, not of the window.
pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")

CODER = "tester"
CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier


class FakeAsker(Asker):
    """Answers every question at once and records it."""

    def __init__(self, *, unsaved: str = "cancel", restore: bool = True,
                 name: str | None = CODER) -> None:
        super().__init__(None)
        self.unsaved = unsaved
        self.restore = restore
        self.name = name
        self.calls: list[tuple[str, str]] = []

    def coder_name(self, suggestion: str = "") -> str | None:
        self.calls.append(("coder_name", suggestion))
        return self.name

    def unsaved_changes(self, title: str) -> str:  # type: ignore[override]
        self.calls.append(("unsaved", title))
        return self.unsaved

    def restore_recovery(self, title: str, summary: str) -> bool:
        self.calls.append(("restore", summary))
        return self.restore

    def lock_notice(self, message: str) -> None:
        self.calls.append(("lock", message))

    def error(self, title: str, message: str) -> None:
        self.calls.append(("error", message))

    def shortcut_sheet(self, html: str) -> None:
        self.calls.append(("sheet", html))

    def crash(self, message: str) -> None:
        self.calls.append(("crash", message))

    def kinds(self) -> list[str]:
        return [kind for kind, _ in self.calls]


# -- fixtures ------------------------------------------------------------------------------------
@pytest.fixture
def article(test_data: Path) -> str:
    return (test_data / "sample-article-ar.txt").read_text(encoding="utf-8")


@pytest.fixture
def project(tmp_path: Path, article: str) -> Project:
    """Three documents: the sample article's first three paragraphs."""
    return paragraphs_project(tmp_path, article, 3)


@pytest.fixture
def make_window(qtbot):  # type: ignore[no-untyped-def]
    windows: list[MainWindow] = []

    def make(project: Project, asker: FakeAsker | None = None, doc: str | None = "p1",
             **kwargs: object) -> MainWindow:
        window = MainWindow(project, CODER, asker=asker or FakeAsker(), **kwargs)
        qtbot.addWidget(window)
        windows.append(window)
        window.resize(1300, 820)
        window.show()
        qtbot.waitExposed(window)
        window.activateWindow()
        qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
        if doc is not None:
            assert window.open_document(doc)
        window.document_view.setFocus()
        return window

    yield make
    for window in windows:
        if window.isVisible() or window.doc is not None:
            window.close_document(ask=False)
            window.close()


# -- driving helpers -----------------------------------------------------------------------------
def point_at(view, cp: int) -> QPoint:  # type: ignore[no-untyped-def]
    """A viewport point that hit-tests to code point ``cp`` (RTL can be a pixel off)."""
    pos = view.position_map.to_qt(cp)
    cursor = QTextCursor(view.document())
    cursor.setPosition(pos)
    rect = view.cursorRect(cursor)
    for dx in (0, 1, -1, 2, -2, 3, -3, 4, -4, 5, -5, 6, -6):
        p = QPoint(rect.center().x() + dx, rect.center().y())
        if view.cursorForPosition(p).position() == pos:
            return p
    raise AssertionError(f"no point maps to {cp}")


def drag(qtbot, view, start: int, end: int) -> None:  # type: ignore[no-untyped-def]
    """Press at ``start``, move (button held) and release at ``end``."""
    view.select_range(0, 0)  # a press inside an old selection would start drag-and-drop
    vp = view.viewport()
    a, b = point_at(view, start), point_at(view, end)
    qtbot.mousePress(vp, Qt.MouseButton.LeftButton, pos=a)
    for t in (0.3, 0.7, 1.0):
        pt = QPointF(a.x() + (b.x() - a.x()) * t, a.y() + (b.y() - a.y()) * t)
        QApplication.sendEvent(vp, QMouseEvent(
            QEvent.Type.MouseMove, pt, vp.mapToGlobal(pt), Qt.MouseButton.NoButton,
            Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier))
    qtbot.mouseRelease(vp, Qt.MouseButton.LeftButton, pos=b)


def key(qtbot, widget, k: Qt.Key, mods=Qt.KeyboardModifier.NoModifier) -> None:  # type: ignore[no-untyped-def]
    qtbot.keyClick(widget, k, mods)


def spans_by_text(window: MainWindow) -> dict[str, str]:
    return {s.text: s.label for s in window.doc.session.aset.spans}


def saved_json(project: Project, doc_id: str) -> dict:  # type: ignore[type-arg]
    return json.loads(project.annotation_path(CODER, doc_id).read_text(encoding="utf-8"))


# -- the window ----------------------------------------------------------------------------------
def test_main_widgets_have_stable_object_names(project: Project, make_window) -> None:  # type: ignore[no-untyped-def]
    window = make_window(project)
    for name in ("documentView", "spanTable", "eventPanel", "documentList"):
        assert window.findChild(object, name) is not None, name
    assert window.windowTitle().startswith("Paragraph 1")
    assert window.status.coder.text() == f"Coder: {CODER}"
    assert window.status.position.text().startswith("Document 1/3")
    view = window.document_view
    assert view.text == project.load_document("p1").text
    assert view.layoutDirection() == Qt.LayoutDirection.RightToLeft
    assert view.isReadOnly()


def test_drag_select_arabic_and_label_key_adds_a_whole_word_span(qtbot, project, make_window):  # type: ignore[no-untyped-def]
    window = make_window(project)
    view = window.document_view
    text = view.text
    i = text.index("مجموعة مسلحة")
    # From inside the first word to inside the second: snapping gives both whole words.
    drag(qtbot, view, i + 2, i + len("مجموعة مس"))
    assert view.selected_range() is not None
    key(qtbot, view, Qt.Key.Key_A)
    spans = window.doc.session.aset.spans
    assert [(s.text, s.label) for s in spans] == [("مجموعة مسلحة", "ACTOR")]
    span = spans[0]
    assert (span.start, span.end) == (i, i + len("مجموعة مسلحة"))
    assert [m.id for m in view.spans()] == [span.id]
    assert window.span_table.model.rowCount() == 1
    assert window.isWindowModified()
    assert window.selected_span_id() == span.id
    # Another label key on the selected span relabels it, in place.
    key(qtbot, view, Qt.Key.Key_P)
    assert [(s.text, s.label) for s in window.doc.session.aset.spans] == [
        ("مجموعة مسلحة", "PERSON")]
    assert window.doc.history.count() == 2


def test_double_click_and_keyboard_word_selection(qtbot, project, make_window):  # type: ignore[no-untyped-def]
    window = make_window(project)
    view = window.document_view
    text = view.text
    i = text.index("هجوماً")
    qtbot.mouseDClick(view.viewport(), Qt.MouseButton.LeftButton, pos=point_at(view, i + 2))
    key(qtbot, view, Qt.Key.Key_T)
    assert spans_by_text(window) == {"هجوماً": "TRIGGER"}
    # Keyboard: caret before a word, Ctrl+Shift+Left selects the next word in RTL text.
    j = text.index("بلدة")
    view.select_range(j, j)
    key(qtbot, view, Qt.Key.Key_Left, CTRL | SHIFT)
    key(qtbot, view, Qt.Key.Key_Left, CTRL | SHIFT)
    key(qtbot, view, Qt.Key.Key_L)
    assert spans_by_text(window)["بلدة الجلاء"] == "LOCATION"


def test_snap_to_words_toggle_keeps_exact_characters(qtbot, project, make_window):  # type: ignore[no-untyped-def]
    window = make_window(project)
    view = window.document_view
    assert window.snap_to_words
    key(qtbot, view, Qt.Key.Key_W, CTRL)
    assert not window.snap_to_words
    i = window.doc.session.document.text.index("البوكمال")
    view.select_range(i + 2, i + len("البوكمال"))  # without the article
    key(qtbot, view, Qt.Key.Key_L)
    assert spans_by_text(window) == {"بوكمال": "LOCATION"}
    key(qtbot, view, Qt.Key.Key_W, CTRL)
    assert window.snap_to_words


def test_selection_is_trimmed_of_spaces_and_punctuation(qtbot, project, make_window):  # type: ignore[no-untyped-def]
    window = make_window(project)
    text = window.doc.session.document.text
    i = text.index("ديرالزور،")
    window.document_view.select_range(i - 1, i + len("ديرالزور،") + 1)
    key(qtbot, window.document_view, Qt.Key.Key_L)
    assert spans_by_text(window) == {"ديرالزور": "LOCATION"}


def test_x_leaves_out_a_leading_proclitic(qtbot, project, make_window):  # type: ignore[no-untyped-def]
    window = make_window(project)
    view = window.document_view
    select_text(window, "لتنظيم داعش")
    key(qtbot, view, Qt.Key.Key_X)  # on the selection: the selection shrinks
    start, end = view.selected_range()
    assert view.text[start:end] == "تنظيم داعش"
    key(qtbot, view, Qt.Key.Key_A)
    assert spans_by_text(window) == {"تنظيم داعش": "ACTOR"}
    # On a span: one ResizeSpan, undoable.
    select_text(window, "بريف البوكمال")
    key(qtbot, view, Qt.Key.Key_L)
    assert "بريف البوكمال" in spans_by_text(window)
    key(qtbot, view, Qt.Key.Key_X)
    assert "ريف البوكمال" in spans_by_text(window)
    key(qtbot, view, Qt.Key.Key_Z, CTRL)
    assert "بريف البوكمال" in spans_by_text(window)


def test_undo_redo_with_keys_update_text_table_and_title(qtbot, project, make_window):  # type: ignore[no-untyped-def]
    window = make_window(project)
    view = window.document_view
    select_text(window, "قوات النظام")
    key(qtbot, view, Qt.Key.Key_A)
    assert len(view.spans()) == 1 and window.isWindowModified()
    key(qtbot, view, Qt.Key.Key_Z, CTRL)
    assert window.doc.session.aset.spans == []
    assert view.spans() == [] and window.span_table.model.rowCount() == 0
    assert not window.isWindowModified()
    key(qtbot, view, Qt.Key.Key_Z, CTRL | SHIFT)
    assert spans_by_text(window) == {"قوات النظام": "ACTOR"}
    assert len(view.spans()) == 1 and window.span_table.model.rowCount() == 1


def test_click_on_a_highlight_selects_it_and_delete_removes_it(qtbot, project, make_window):  # type: ignore[no-untyped-def]
    window = make_window(project)
    view = window.document_view
    start, _ = select_text(window, "بلدة الجلاء")
    key(qtbot, view, Qt.Key.Key_L)
    span_id = window.doc.session.aset.spans[0].id
    window.select_span(None)
    view.select_range(0, 0)
    with qtbot.waitSignal(view.spanClicked, timeout=2000):
        qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton,
                         pos=point_at(view, start + 2))
    assert window.selected_span_id() == span_id
    assert window.span_table.current_span_id() == span_id
    key(qtbot, view, Qt.Key.Key_Delete)
    assert window.doc.session.aset.spans == []
    key(qtbot, view, Qt.Key.Key_Z, CTRL)
    assert [s.id for s in window.doc.session.aset.spans] == [span_id]


def test_event_from_trigger_roles_by_digit_and_one_undo_step(qtbot, project, make_window):  # type: ignore[no-untyped-def]
    window = make_window(project)
    view = window.document_view
    panel = window.event_panel
    select_text(window, "هجوماً")
    key(qtbot, view, Qt.Key.Key_E)
    aset = window.doc.session.aset
    assert len(aset.events) == 1
    event = aset.events[0]
    trigger = aset.span(event.trigger)
    assert (trigger.text, trigger.label) == ("هجوماً", "TRIGGER")
    assert window.doc.history.count() == 1  # span and event: one step
    assert panel.current_event_id() == event.id
    assert QApplication.focusWidget() is panel.type_combo
    # Sub-type with the keyboard in the focused panel: the third entry is Armed clash.
    panel.subtype_combo.setFocus()
    for _ in range(3):
        key(qtbot, panel.subtype_combo, Qt.Key.Key_Down)
    assert event.subtype == "armed_clash"

    # Back to the text: a selection and a role's digit make an ACTOR span and fill the role.
    select_text(window, "لتنظيم داعش")
    key(qtbot, view, Qt.Key.Key_X)  # leave out the proclitic lam
    count = window.doc.history.count()
    key(qtbot, view, Qt.Key.Key_1)
    actor = aset.span(event.roles["actor1"][0])
    assert (actor.text, actor.label) == ("تنظيم داعش", "ACTOR")
    assert window.doc.history.count() == count + 1
    key(qtbot, view, Qt.Key.Key_Z, CTRL)  # one step takes out both the filler and the span
    assert "actor1" not in event.roles and aset.span(actor.id) is None
    key(qtbot, view, Qt.Key.Key_Z, CTRL | SHIFT)
    assert event.roles["actor1"] == [actor.id] and aset.span(actor.id) is not None

    # An existing span of the right range is reused, not duplicated.
    select_text(window, "قوات النظام")
    key(qtbot, view, Qt.Key.Key_A)
    key(qtbot, view, Qt.Key.Key_2)
    assert aset.span(event.roles["actor2"][0]).text == "قوات النظام"
    assert sum(1 for s in aset.spans if s.text == "قوات النظام") == 1
    select_text(window, "بلدة الجلاء")
    key(qtbot, view, Qt.Key.Key_4)
    assert aset.span(event.roles["location"][0]).label == "LOCATION"
    # The event's spans are emphasised in the text.
    assert set(view._emphasis[0]) == event.span_ids()


def test_refused_edit_is_reported_and_pushes_nothing(qtbot, project, make_window):  # type: ignore[no-untyped-def]
    window = make_window(project)
    view = window.document_view
    select_text(window, "هجوماً")
    key(qtbot, view, Qt.Key.Key_E)
    view.setFocus()
    select_text(window, "بلدة الجلاء")
    key(qtbot, view, Qt.Key.Key_L)
    count = window.doc.history.count()
    with qtbot.waitSignal(window.message) as blocker:
        key(qtbot, view, Qt.Key.Key_1)  # actor 1 takes ACTOR or PERSON, not LOCATION
    assert "Actor 1" in blocker.args[0] and "is Place" in blocker.args[0]
    assert window.doc.history.count() == count
    assert "Not done" in window.statusBar().currentMessage()


def test_letter_keys_do_nothing_while_typing_in_a_field(qtbot, project, make_window):  # type: ignore[no-untyped-def]
    window = make_window(project)
    select_text(window, "هجوماً")
    key(qtbot, window.document_view, Qt.Key.Key_E)
    before = (len(window.doc.session.aset.spans), len(window.doc.session.aset.events))
    editor = window.event_panel.fields.editors["attribution"].edit
    assert isinstance(editor, QLineEdit)
    editor.setFocus()
    qtbot.keyClicks(editor, "ate 12")
    key(qtbot, editor, Qt.Key.Key_Return)
    assert editor.text() == "ate 12"
    aset = window.doc.session.aset
    assert (len(aset.spans), len(aset.events)) == before
    assert aset.events[0].fields["attribution"] == "ate 12"


def test_save_writes_valid_json_and_reopening_gives_the_same_annotations(  # type: ignore[no-untyped-def]
        qtbot, project, make_window):
    window = make_window(project)
    view = window.document_view
    select_text(window, "هجوماً")
    key(qtbot, view, Qt.Key.Key_E)
    select_text(window, "لتنظيم داعش")
    key(qtbot, view, Qt.Key.Key_1)
    date = window.event_panel.fields.editors["event_date"].edit
    date.setFocus()
    qtbot.keyClicks(date, "2021-01-20")
    key(qtbot, date, Qt.Key.Key_Return)
    window.doc.seconds = 42.0
    view.setFocus()
    key(qtbot, view, Qt.Key.Key_S, CTRL)
    assert not window.isWindowModified()
    data = saved_json(project, "p1")
    document = project.load_document("p1")
    assert not [i for i in validate_annotation_data(data, document=document,
                                                    codebook=project.codebook)
                if i.severity == ERROR]
    assert data["status"] == "in_progress"
    assert data["time_spent_seconds"] >= 42
    assert data["events"][0]["fields"]["event_date"] == {"value": "2021-01-20",
                                                         "precision": "day"}
    expected = saved_json(project, "p1")
    window.close_document()
    window.close()

    again = make_window(project)
    assert again.doc.session.aset.to_dict() == expected
    assert saved_json(project, "p1") == expected  # opening wrote nothing
    assert not again.isWindowModified()


def test_worker_thread_save_for_large_sets(qtbot, project, make_window, monkeypatch):  # type: ignore[no-untyped-def]
    monkeypatch.setattr(saving_module, "SYNC_SAVE_LIMIT", 0)
    window = make_window(project)
    select_text(window, "قوات النظام")
    key(qtbot, window.document_view, Qt.Key.Key_A)
    with qtbot.waitSignal(window.saved, timeout=5000):
        assert window.save_document()
        assert window.isWindowModified()  # not yet: the worker is writing
    assert not window.isWindowModified()
    assert saved_json(project, "p1")["spans"][0]["text"] == "قوات النظام"


def test_save_refusal_shows_the_core_message(qtbot, project, make_window):  # type: ignore[no-untyped-def]
    asker = FakeAsker()
    window = make_window(project, asker)
    select_text(window, "قوات النظام")
    key(qtbot, window.document_view, Qt.Key.Key_A)
    window.doc.session.aset.spans[0].text = "tampered"  # a bug elsewhere; save must refuse
    assert not window.save_document()
    assert asker.kinds()[-1] == "error"
    assert "not saved" in asker.calls[-1][1]
    assert not project.annotation_path(CODER, "p1").exists()
    assert window.isWindowModified()


@pytest.mark.parametrize("answer", ["cancel", "discard", "save"])
def test_switching_with_unsaved_work_asks(qtbot, project, make_window, answer):  # type: ignore[no-untyped-def]
    asker = FakeAsker(unsaved=answer)
    window = make_window(project, asker)
    select_text(window, "قوات النظام")
    key(qtbot, window.document_view, Qt.Key.Key_A)
    key(qtbot, window.document_view, Qt.Key.Key_PageDown, CTRL)
    assert asker.kinds() == ["unsaved"]
    path = project.annotation_path(CODER, "p1")
    if answer == "cancel":
        assert window.doc.id == "p1" and window.isWindowModified()
        assert not path.exists()
    elif answer == "discard":
        assert window.doc.id == "p2" and not path.exists()
    else:
        assert window.doc.id == "p2"
        assert saved_json(project, "p1")["spans"][0]["text"] == "قوات النظام"
    key(qtbot, window.document_view, Qt.Key.Key_PageUp, CTRL)
    assert window.doc.id == "p1"


def test_closing_with_unsaved_work_asks_and_cancel_keeps_the_window(  # type: ignore[no-untyped-def]
        qtbot, project, make_window):
    asker = FakeAsker(unsaved="cancel")
    window = make_window(project, asker)
    select_text(window, "قوات النظام")
    key(qtbot, window.document_view, Qt.Key.Key_A)
    assert not window.close()
    assert window.isVisible() and window.doc is not None
    asker.unsaved = "save"
    assert window.close()
    assert saved_json(project, "p1")["spans"][0]["text"] == "قوات النظام"
    assert not Path(str(project.annotation_path(CODER, "p1")) + ".lock").exists()


def test_document_held_by_another_window_opens_read_only(qtbot, project, make_window):  # type: ignore[no-untyped-def]
    path = project.annotation_path("tester", "p1")
    path.parent.mkdir(parents=True, exist_ok=True)
    other = FileLock(path, coder="colleague")
    other.acquire()
    try:
        asker = FakeAsker()
        window = make_window(project, asker)
        assert asker.kinds() == ["lock"] and "colleague" in asker.calls[0][1]
        assert window.doc.read_only
        assert "read-only" in window.windowTitle()
        assert not window.action_map["save"].isEnabled()
        select_text(window, "قوات النظام")
        key(qtbot, window.document_view, Qt.Key.Key_A)
        assert window.doc.session.aset.spans == []
        assert not window.save_document()
        window.close_document()
        assert other.owned  # our window left the colleague's lock alone
    finally:
        other.release()


def test_mark_done_jumps_to_the_first_problem_then_saves_and_opens_the_next(  # type: ignore[no-untyped-def]
        qtbot, project, make_window):
    window = make_window(project)
    view = window.document_view
    panel = window.event_panel
    select_text(window, "هجوماً")
    key(qtbot, view, Qt.Key.Key_E)
    event = window.doc.session.aset.events[0]
    view.setFocus()
    key(qtbot, view, Qt.Key.Key_Return, CTRL)
    assert window.doc.id == "p1"
    assert window.doc.session.aset.status != "done"
    assert panel.current_event_id() == event.id
    assert "Not done yet" in window.statusBar().currentMessage()

    # Complete it: sub-type, roles by key, fields through the panel's editors.
    panel.subtype_combo.setFocus()
    for _ in range(3):
        key(qtbot, panel.subtype_combo, Qt.Key.Key_Down)
    for needle, digit in (("لتنظيم داعش", Qt.Key.Key_1), ("قوات النظام", Qt.Key.Key_2),
                          ("بلدة الجلاء", Qt.Key.Key_4)):
        select_text(window, needle)
        key(qtbot, view, digit)
    date = panel.fields.editors["event_date"].edit
    date.setFocus()
    qtbot.keyClicks(date, "2021-01-20")
    key(qtbot, date, Qt.Key.Key_Return)
    choose(panel.fields.editors["fatalities"].qualifier, "unspecified")
    choose(panel.fields.editors["actor1_type"].combo, "rebel_group")
    choose(panel.fields.editors["actor2_type"].combo, "state_forces")
    choose(panel.document_fields.editors["relevance"].combo, "relevant")
    assert window.strict_issues() == []

    view.setFocus()
    key(qtbot, view, Qt.Key.Key_Return, CTRL)
    data = saved_json(project, "p1")
    assert data["status"] == "done"
    assert window.doc.id == "p2"
    assert window.document_list.model.status_of("p1") == "done"
    assert window.status.position.text().startswith("Document 2/3 · 1 done")


def test_ctrl_k_skips_the_document_and_opens_the_next(qtbot, project, make_window):  # type: ignore[no-untyped-def]
    window = make_window(project)
    assert window.doc.id == "p1"
    window.document_view.setFocus()
    key(qtbot, window.document_view, Qt.Key.Key_K, CTRL)
    assert saved_json(project, "p1")["status"] == "skipped"
    assert window.doc.id == "p2"
    assert window.document_list.model.status_of("p1") == "skipped"
    assert window.worklist.next_undone("p3") == "p2"  # skipped ones are not offered again


def choose(combo: QComboBox, data: str) -> None:
    """Pick the entry with ``data`` as a coder would (index change + ``activated``)."""
    i = combo.findData(data)
    assert i >= 0, data
    combo.setCurrentIndex(i)
    combo.activated.emit(i)


def test_document_list_activation_and_status_bar(qtbot, project, make_window):  # type: ignore[no-untyped-def]
    window = make_window(project)
    window.document_list.documentActivated.emit("p3")
    assert window.doc.id == "p3"
    assert window.status.position.text().startswith("Document 3/3")
    assert window.status.validation.text()  # e.g. "1 missing" (relevance)
    window.doc.seconds = 75
    window._update_time()
    assert window.status.time.text() == "Time 1:15"


def test_f1_shows_the_generated_shortcut_sheet(qtbot, project, make_window):  # type: ignore[no-untyped-def]
    asker = FakeAsker()
    window = make_window(project, asker)
    key(qtbot, window.document_view, Qt.Key.Key_F1)
    assert asker.kinds() == ["sheet"]
    sheet = asker.calls[0][1]
    for text in ("Ctrl+S", "Ctrl+Z", "Ctrl+PgDown", "Event trigger", "Actor 1", "Mark done"):
        assert text in sheet


def test_zoom_keys(qtbot, project, make_window):  # type: ignore[no-untyped-def]
    window = make_window(project)
    view = window.document_view
    size = view.point_size()
    key(qtbot, view, Qt.Key.Key_Equal, CTRL)
    assert view.point_size() > size
    key(qtbot, view, Qt.Key.Key_Minus, CTRL)
    key(qtbot, view, Qt.Key.Key_Minus, CTRL)
    assert view.point_size() < size
    key(qtbot, view, Qt.Key.Key_0, CTRL)
    assert view.point_size() == size


def test_span_table_keys_and_enter_jump(qtbot, project, make_window):  # type: ignore[no-untyped-def]
    window = make_window(project)
    view = window.document_view
    select_text(window, "هجوماً")
    key(qtbot, view, Qt.Key.Key_T)
    table = window.span_table.view
    key(qtbot, view, Qt.Key.Key_2, CTRL)  # focus the span table
    assert table.hasFocus()
    span_id = window.doc.session.aset.spans[0].id
    window.span_table.select_span(span_id)
    key(qtbot, table, Qt.Key.Key_E)  # the table's TRIGGER row becomes an event's trigger
    assert window.doc.session.aset.events[0].trigger == span_id
    table.setFocus()
    key(qtbot, table, Qt.Key.Key_Return)
    assert window.selected_span_id() == span_id


def test_screenshot_renders_and_exits(tmp_path: Path, project: Project) -> None:
    shot = tmp_path / "shot.png"
    assert gui_app.run(project.root, coder=CODER, screenshot=shot) == 0
    image = QImage(str(shot))
    assert image.width() == gui_app.SCREENSHOT_SIZE[0]
    assert not list(project.annotations_dir.rglob("*.lock"))
    assert not list(project.annotations_dir.rglob("*.json"))  # only viewed: nothing written


def test_a_screenshot_run_leaves_the_coders_settings_alone(  # type: ignore[no-untyped-def]
        tmp_path: Path, project: Project, temp_settings: QSettings, capsys) -> None:
    from annotator.cli.main import main

    folder = tmp_path / "settings"  # where temp_settings points the user's settings
    shot = tmp_path / "shot.png"
    argv = ["gui", str(project.root), "--coder", "shooter", "--screenshot", str(shot)]
    assert main(argv) == 0 and shot.is_file()
    assert not [p for p in folder.rglob("*") if p.is_file()]  # nothing written at all
    assert gui_app.app_settings().value("coder") is None
    temp_settings.setValue("coder", "amal.h")
    temp_settings.sync()
    [ini] = [p for p in folder.rglob("*") if p.is_file()]
    before = ini.read_bytes()
    assert main(argv) == 0
    assert ini.read_bytes() == before
    assert [p for p in folder.rglob("*") if p.is_file()] == [ini]
    assert gui_app.resolve_coder("x", temp_settings, None, remember=False) == "x"
    assert gui_app.resolve_coder(None, temp_settings, None, remember=False) == "amal.h"


def test_coder_name_asked_once_and_remembered(temp_settings: QSettings) -> None:
    asker = FakeAsker(name="amal.h")
    assert gui_app.resolve_coder(None, temp_settings, asker) == "amal.h"
    assert gui_app.resolve_coder(None, temp_settings, asker) == "amal.h"
    assert asker.kinds() == ["coder_name"]
    assert gui_app.resolve_coder("other", temp_settings, asker) == "other"
    assert FakeAsker(name=None).coder_name() is None
    assert gui_app.resolve_coder(None, gui_app.app_settings(), FakeAsker()) == "amal.h"


def test_crash_handler_logs_and_tells(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(dialogs, "log_dir", lambda: tmp_path / "logs")
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    monkeypatch.setattr(sys, "__excepthook__", lambda *args: None)
    asker = FakeAsker()
    dialogs.install_crash_handler(lambda: asker)
    try:
        raise ValueError("boom")
    except ValueError as exc:
        sys.excepthook(ValueError, exc, exc.__traceback__)
    log = (tmp_path / "logs" / "crash.log").read_text(encoding="utf-8")
    assert "ValueError: boom" in log and "Traceback" in log
    assert asker.kinds() == ["crash"] and "crash.log" in asker.calls[0][1]


def test_context_menu_selects_the_span_under_the_pointer_and_offers_labels_and_roles(  # type: ignore[no-untyped-def]
        qtbot, project, make_window):
    window = make_window(project)
    view = window.document_view
    select_text(window, "هجوماً")
    key(qtbot, view, Qt.Key.Key_E)
    start, _ = select_text(window, "قوات النظام")
    key(qtbot, view, Qt.Key.Key_A)
    span_id = window.selected_span_id()
    window.select_span(None)
    menu = window.context_menu(point_at(view, start + 2))
    assert window.selected_span_id() == span_id
    texts = []
    for action in menu.actions():
        texts.append(action.text())
        if action.menu() is not None:
            texts += [a.text() for a in action.menu().actions()]
    menu.deleteLater()
    assert "Label as" in texts and "Actor" in texts
    assert "Fill role of e1" in texts and "Actor 2" in texts


def test_selection_hint_names_a_leading_proclitic(qtbot, project, make_window):  # type: ignore[no-untyped-def]
    window = make_window(project)
    select_text(window, "لتنظيم داعش")
    assert "X leaves out «\u2068ل\u2069»" in window.statusBar().currentMessage()


def test_an_edit_that_fails_late_leaves_no_undo_step(qtbot, project, make_window, monkeypatch):  # type: ignore[no-untyped-def]
    from annotator.core.edits import AddSpan, Macro, RelabelSpan

    window = make_window(project)
    text = window.doc.session.document.text
    i = text.index("قوات النظام")
    # The second step refers to a span that does not exist: refused while applying, after
    # the first step ran; the Macro reverts it and nothing lands on the stack.
    reason = window.push(Macro([AddSpan(i, i + 11, "ACTOR"), RelabelSpan("nope", "PERSON")]))
    assert "nope" in reason
    assert window.doc.history.count() == 0 and window.doc.session.aset.spans == []
    assert not window.isWindowModified()
    # A bug inside an edit is logged, not left half-done on the stack.
    hooked: list[type] = []
    monkeypatch.setattr(sys, "excepthook", lambda t, e, tb: hooked.append(t))

    class Broken(AddSpan):
        def apply(self, s):  # type: ignore[no-untyped-def]
            raise RuntimeError("bug")

    assert "internal error" in window.push(Broken(i, i + 11, "ACTOR"))
    assert hooked == [RuntimeError] and window.doc.history.count() == 0


def test_a_new_event_starts_with_the_type_chosen_last(qtbot, project, make_window):  # type: ignore[no-untyped-def]
    window = make_window(project)
    view, panel = window.document_view, window.event_panel
    select_text(window, "هجوماً")
    key(qtbot, view, Qt.Key.Key_E)
    choose(panel.type_combo, "strategic_developments")
    assert window.doc.session.aset.events[0].type == "strategic_developments"
    select_text(window, "الاشتباكات")
    key(qtbot, view, Qt.Key.Key_E)
    assert window.doc.session.aset.events[1].type == "strategic_developments"


def test_background_save_overtaken_by_undo_and_edit_leaves_the_window_unsaved(  # type: ignore[no-untyped-def]
        qtbot, project, make_window):
    """A save still running while the coder undoes and makes another edit must not mark the
    window saved: the stack is back at the same index, but with content the file lacks."""
    import threading

    from annotator.app.writer import WriteJob
    from annotator.core.edits import AddSpan

    class _Slow:
        """Stands in for the handle: its write waits until the test lets it go."""

        def __init__(self, handle, gate):  # type: ignore[no-untyped-def]
            self.handle, self.gate = handle, gate

        def write(self, job):  # type: ignore[no-untyped-def]
            self.gate.wait(10)

    window = make_window(project)
    text = window.doc.session.document.text
    i = text.index("هجوماً")
    j = text.index("بلدة الجلاء")
    window.push(AddSpan(i, i + len("هجوماً"), "TRIGGER"))
    gate = threading.Event()
    window.writer.submit(WriteJob("recovery", _Slow(window.doc, gate)))
    window.save_document(wait=False)  # queued behind the held job: snapshot has span A
    window.undo()
    window.push(AddSpan(j, j + len("بلدة الجلاء"), "LOCATION"))  # same index, other content
    gate.set()
    window._wait_for_writer()
    on_disk = [s["text"] for s in saved_json(project, "p1")["spans"]]
    assert on_disk == ["هجوماً"]
    assert window.doc.dirty and window.isWindowModified()


def test_save_refused_when_the_lock_was_taken_away(qtbot, project, make_window):  # type: ignore[no-untyped-def]
    from annotator.core.edits import AddSpan

    window = make_window(project)
    text = window.doc.session.document.text
    i = text.index("هجوماً")
    window.push(AddSpan(i, i + len("هجوماً"), "TRIGGER"))
    lock_path = window.doc.lock.lock_path
    lock_path.unlink()  # someone deleted it by hand, and another window locked the file
    other = FileLock(window.doc.lock.path, coder="bob")
    other.acquire()
    try:
        assert window.save_document(wait=True) is False
        assert not project.annotation_path("tester", "p1").exists()
        assert window.doc.dirty
    finally:
        other.release()


def test_opening_a_document_removes_temp_files_of_crashed_saves(qtbot, project, make_window):  # type: ignore[no-untyped-def]
    from annotator.storage.atomic import host_tag

    folder = project.annotations_dir / CODER
    folder.mkdir(parents=True)
    stale = folder / f".p1.json.{host_tag()}-999999999.0123abcd.tmp"  # a pid that cannot exist
    stale.write_text("{half a save", encoding="utf-8")
    keep = folder / "notes.txt"
    keep.write_text("not ours", encoding="utf-8")
    make_window(project)
    assert not stale.exists() and keep.exists()


def test_f_fits_a_span_to_the_selection_keeping_its_roles(qtbot, project, make_window):  # type: ignore[no-untyped-def]
    window = make_window(project)
    view = window.document_view
    select_text(window, "هجوماً")
    key(qtbot, view, Qt.Key.Key_T)
    key(qtbot, view, Qt.Key.Key_E)  # an event with this trigger
    event = window.doc.session.aset.events[0]
    view.setFocus()
    select_text(window, "مسلحة")
    key(qtbot, view, Qt.Key.Key_A)
    actor = window.doc.session.aset.spans[-1]
    assert window.run_command(commands.fill_role, "actor1") == ""
    assert event.roles["actor1"] == [actor.id]
    # The actor should have been "مجموعة مسلحة": select that and press F.
    start, end = select_text(window, "مجموعة مسلحة")
    key(qtbot, view, Qt.Key.Key_F)
    assert (actor.start, actor.end, actor.text) == (start, end, "مجموعة مسلحة")
    assert event.roles["actor1"] == [actor.id]  # same id: the role still points at it
    assert len(window.doc.session.aset.spans) == 2 and window.selected_span_id() == actor.id
    key(qtbot, view, Qt.Key.Key_Z, CTRL)
    assert actor.text == "مسلحة"
    # No span under the selection: nothing changes, and the status bar says why.
    select_text(window, "بلدة الجلاء")
    before = (window.doc.history.count(), window.doc.history.index)
    with qtbot.waitSignal(window.message) as said:
        key(qtbot, view, Qt.Key.Key_F)
    assert "No span under the selection" in said.args[0]
    assert (window.doc.history.count(), window.doc.history.index) == before


def test_f_with_several_spans_under_the_selection_fits_the_one_clicked(qtbot, project,  # type: ignore[no-untyped-def]
                                                                         make_window):
    window = make_window(project)
    view = window.document_view
    select_text(window, "مجموعة")
    key(qtbot, view, Qt.Key.Key_A)
    select_text(window, "مسلحة")
    key(qtbot, view, Qt.Key.Key_P)
    first, second = window.doc.session.aset.spans
    select_text(window, "بلدة الجلاء")
    key(qtbot, view, Qt.Key.Key_L)  # the span last made is elsewhere
    start, end = select_text(window, "مجموعة مسلحة")
    with qtbot.waitSignal(window.message) as said:
        key(qtbot, view, Qt.Key.Key_F)
    assert "2 spans under the selection" in said.args[0]
    window.select_span(second.id)  # as a click on it does
    start, end = select_text(window, "مجموعة مسلحة")
    key(qtbot, view, Qt.Key.Key_F)
    assert (second.start, second.end) == (start, end)
    assert first.text == "مجموعة"


def test_a_file_copied_from_another_coders_folder_opens_with_a_warning(  # type: ignore[no-untyped-def]
        qtbot, project, make_window):
    document = project.load_document("p1")
    theirs, _ = project.load_annotations("colleague", document)
    project.save_annotations(theirs, document)
    their_path = project.annotation_path("colleague", "p1")
    their_bytes = their_path.read_bytes()
    ours = project.annotation_path(CODER, "p1")
    ours.parent.mkdir(parents=True)
    ours.write_bytes(their_bytes)
    asker = FakeAsker()
    window = make_window(project, asker)
    assert asker.kinds() == ["error"]
    message = asker.calls[0][1]
    assert message.startswith(f"annotations/{CODER}/p1.json: names coder 'colleague' but is "
                              f"in the folder of coder '{CODER}'")
    assert "problems" not in window.statusBar().currentMessage()  # said once, in the notice
    select_text(window, "قوات النظام")
    key(qtbot, window.document_view, Qt.Key.Key_A)
    key(qtbot, window.document_view, Qt.Key.Key_S, CTRL)
    assert saved_json(project, "p1")["coder"] == CODER
    assert their_path.read_bytes() == their_bytes
    window.close_document()
    again = FakeAsker()
    make_window(project, again)
    assert again.calls == []  # saved as ours: nothing to warn about


def test_a_file_in_the_wrong_folder_is_explained_once_then_reminded(qtbot, project,  # type: ignore[no-untyped-def]
                                                                    make_window):
    """Another coder's file copied into this coder's folder: a box the first time it opens,
    the status bar after that (a box at every visit would stop the work each time)."""
    doc = project.load_document("p2")
    aset, _ = project.load_annotations("omar", doc)
    project.save_annotations(aset, doc)
    mine = project.annotation_path(CODER, "p2")
    mine.parent.mkdir(parents=True, exist_ok=True)
    mine.write_bytes(project.annotation_path("omar", "p2").read_bytes())
    asker = FakeAsker()
    window = make_window(project, asker, doc="p1")
    messages: list[str] = []
    window.message.connect(messages.append)
    for _ in range(2):
        key(qtbot, window.document_view, Qt.Key.Key_PageDown, CTRL)
        assert window.doc is not None and window.doc.id == "p2"
        key(qtbot, window.document_view, Qt.Key.Key_PageUp, CTRL)
        assert window.doc is not None and window.doc.id == "p1"
    errors = [m for kind, m in asker.calls if kind == "error"]
    assert len(errors) == 1 and "omar" in errors[0] and CODER in errors[0]
    reminders = [m for m in messages if "annotations/tester/p2.json" in m]
    assert len(reminders) == 2 and reminders[1] == (
        "annotations/tester/p2.json holds another coder's work; saving it makes it tester's")


def test_first_window_fits_a_screen_smaller_than_its_default_size(qtbot, project: Project) -> None:  # type: ignore[no-untyped-def]
    """No saved geometry: 1440 x 900 unless the screen's free area (less a frame) is smaller
    (the offscreen screen is 800 x 800), so the side panels and the status bar stay in view."""
    window = MainWindow(project, CODER, asker=FakeAsker(), offer_recovery=False)
    qtbot.addWidget(window)
    free = window.screen().availableGeometry().size()
    assert free.width() < 1440  # otherwise this test shows nothing
    assert window.width() <= free.width() and window.height() <= free.height()
    # Room is left for a window manager's frame and title bar around it.
    assert window.width() == min(1440, free.width() - 16)
    assert window.height() == min(900, free.height() - 48)
    window.close()
