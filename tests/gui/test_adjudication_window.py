"""Adjudication in the window, driven by real keys: open it with Ctrl+Shift+A, decide with
A, B, Y and R in the panel, undo with Ctrl+Z, save with Ctrl+S; the gold file on disk says
what was decided, and coders who code a document blind never see the others' work."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from annotator.core.adjudication import open_items
from annotator.core.model import GOLD_CODER
from annotator.gui.dialogs import QuietAsker
from annotator.gui.main_window import MainWindow
from annotator.paths import resource
from annotator.storage.atomic import atomic_write_json, read_json
from annotator.storage.project import Project

DOC = "sample-article"
CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier
# The offscreen platform warns each time a window's size limits change.
pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


@pytest.fixture
def project(tmp_path: Path) -> Project:
    shutil.copytree(resource("sample-project"), tmp_path / "p")
    return Project.open(tmp_path / "p")


@pytest.fixture
def make_window(qtbot):  # type: ignore[no-untyped-def]
    windows: list[MainWindow] = []

    def make(project: Project, coder: str = "lead") -> MainWindow:
        window = MainWindow(project, coder, asker=QuietAsker(), offer_recovery=False)
        qtbot.addWidget(window)
        windows.append(window)
        window.resize(1400, 860)
        window.show()
        qtbot.waitExposed(window)
        window.activateWindow()
        qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
        assert window.open_document(DOC)
        window.document_view.setFocus()
        return window

    yield make
    for window in windows:
        window.close_document(ask=False)
        window.close()


def _open_count(window: MainWindow) -> int:
    return len(open_items(window.doc.session.aset))


def test_decide_with_real_keys_undo_and_save(qtbot, project, make_window):  # type: ignore[no-untyped-def]
    window = make_window(project)
    panel = window.adjudicator.panel
    qtbot.keyClick(window.document_view, Qt.Key.Key_A, CTRL | SHIFT)
    assert window.adjudicator.active and window.adjudication_dock.isVisible()
    assert window.doc.coder == GOLD_CODER and window.doc.id == DOC
    assert panel.list.hasFocus()
    assert [len(lane) for lane in window.adjudicator.lanes.lanes()] == [
        len(project.load_annotations(c, project.load_document(DOC))[0].spans)
        for c in ("demo", "layla")]
    start = _open_count(window)
    assert start >= 4
    decided = []
    for k, accept in ((Qt.Key.Key_A, ["demo"]), (Qt.Key.Key_B, ["layla"]),
                      (Qt.Key.Key_Y, None), (Qt.Key.Key_R, [])):
        item_id = window.adjudicator.adjudication.current
        qtbot.keyClick(panel.list, k)
        item = window.adjudicator.adjudication.item(item_id)
        assert "decision" in item, k
        if accept is not None:
            assert item["decision"]["accept"] == accept
        decided.append(item_id)
    assert _open_count(window) == start - 4
    assert panel.list.count() == len(window.adjudicator.adjudication.item_ids())
    # Ctrl+Z takes the last decision back, and the list shows it open again.
    qtbot.keyClick(panel.list, Qt.Key.Key_Z, CTRL)
    assert "decision" not in window.adjudicator.adjudication.item(decided[-1])
    assert _open_count(window) == start - 3
    qtbot.keyClick(panel.list, Qt.Key.Key_S, CTRL)
    saved = read_json(project.annotation_path(GOLD_CODER, DOC))
    items = {i["id"]: i for i in saved["adjudication"]["items"]}
    assert items[decided[0]]["decision"]["accept"] == ["demo"]
    assert items[decided[1]]["decision"]["accept"] == ["layla"]
    assert "decision" not in items[decided[-1]]
    assert not window.isWindowModified()
    # Ctrl+Enter refuses while disagreements are open.
    qtbot.keyClick(panel.list, Qt.Key.Key_Return, CTRL)
    assert read_json(project.annotation_path(GOLD_CODER, DOC))["status"] != "done"
    # Ctrl+Shift+A again: back to coding the document as the window's coder.
    qtbot.keyClick(panel.list, Qt.Key.Key_A, CTRL | SHIFT)
    assert not window.adjudicator.active and not window.adjudication_dock.isVisible()
    assert window.doc.coder == "lead" and window.adjudicator.lanes.lanes() == []


def test_the_text_keys_still_label_in_the_gold_set(qtbot, project, make_window):  # type: ignore[no-untyped-def]
    window = make_window(project)
    window.adjudicator.toggle()
    text = window.doc.session.document.text
    i = text.index("الضباب")
    window.document_view.select_range(i, i + len("الضباب"))
    window.document_view.setFocus()
    qtbot.keyClick(window.document_view, Qt.Key.Key_W)  # WEAPON? any label key of the codebook
    spans = [s for s in window.doc.session.aset.spans if s.start == i]
    assert spans and spans[0].provenance is None  # the adjudicator's own span


def test_a_blind_coder_who_has_not_finished_is_refused(qtbot, project, make_window):  # type: ignore[no-untyped-def]
    path = project.annotation_path("layla", DOC)
    data = read_json(path)
    data["status"] = "in_progress"
    atomic_write_json(path, data)
    window = make_window(project, coder="layla")
    messages: list[str] = []
    window.message.connect(messages.append)
    qtbot.keyClick(window.document_view, Qt.Key.Key_A, CTRL | SHIFT)
    assert not window.adjudicator.active and window.doc.coder == "layla"
    assert any("blind" in m for m in messages)


def test_screenshot_of_the_adjudication_view(qtbot, project, make_window, tmp_path):  # type: ignore[no-untyped-def]
    window = make_window(project)
    window.adjudicator.toggle()
    qtbot.wait(50)
    shot = tmp_path / "adjudication.png"
    assert window.grab().save(str(shot))
    assert shot.stat().st_size > 10_000


def test_mine_or_all_lists_only_the_assigned_documents(qtbot, project, make_window):  # type: ignore[no-untyped-def]
    from annotator.core.model import Document

    project.add_documents([Document("other", "نص آخر لم يسند إلى أحد")])
    window = make_window(project, coder="demo")
    combo = window.document_list.scope_combo
    assert combo.isVisible() and combo.currentData() == "mine"
    assert window.worklist.ids == [DOC]  # demo is assigned the article only
    combo.setFocus()
    qtbot.keyClick(combo, Qt.Key.Key_Down)  # All
    assert combo.currentData() == "all"
    assert window.worklist.ids == sorted([DOC, "other"])
    qtbot.keyClick(combo, Qt.Key.Key_Up)
    assert window.worklist.ids == [DOC]


def test_without_assignments_there_is_no_choice(qtbot, project, make_window):  # type: ignore[no-untyped-def]
    (project.root / "assignments.json").unlink()
    window = make_window(project, coder="demo")
    assert not window.document_list.scope_combo.isVisible()
    assert window.worklist.ids == [DOC]


def test_someone_without_assignments_sees_every_document(qtbot, project, make_window):  # type: ignore[no-untyped-def]
    """The lead (or a new name in the demo) has nothing assigned: no empty "Mine" list."""
    window = make_window(project, coder="lead")
    assert not window.document_list.scope_combo.isVisible()
    assert window.worklist.ids == [DOC]
