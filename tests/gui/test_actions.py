"""The action table: complete, consistent, and the source of menus, keys and the F1 sheet."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QApplication

from annotator.app import commands
from annotator.core.model import Document
from annotator.gui.actions import (
    MENUS,
    STATIC_ACTIONS,
    ActionSpec,
    check_table,
    codebook_actions,
    shortcut_sheet_html,
    window_actions,
)
from annotator.gui.dialogs import QuietAsker
from annotator.gui.main_window import MainWindow
from annotator.storage.project import Project, load_default_codebook

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")

REQUIRED_KEYS = {
    "save": "Ctrl+S", "mark_done": "Ctrl+Return", "undo": "Ctrl+Z", "redo": "Ctrl+Shift+Z",
    "next_document": "Ctrl+PgDown", "previous_document": "Ctrl+PgUp", "zoom_in": "Ctrl+=",
    "zoom_out": "Ctrl+-", "zoom_reset": "Ctrl+0", "shortcuts": "F1", "filter_spans": "Ctrl+F",
    "find": "Ctrl+F", "find_next": "F3", "find_previous": "Shift+F3",
    "search_project": "Ctrl+Shift+F",
    "snap_words": "Ctrl+W", "create_event": "E", "strip_proclitic": "X",
    "delete_span": "Del",
}


@pytest.fixture(scope="module")
def specs() -> list[ActionSpec]:
    return window_actions(load_default_codebook())


@pytest.fixture
def window(qtbot, tmp_path: Path, test_data: Path) -> MainWindow:  # type: ignore[no-untyped-def]
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope,
                      str(tmp_path / "settings"))
    project = Project.init(tmp_path / "project")
    text = (test_data / "sample-article-ar.txt").read_text(encoding="utf-8")
    project.add_documents([Document("article", text)])
    w = MainWindow(project, "tester", asker=QuietAsker())
    qtbot.addWidget(w)
    w.show()
    qtbot.waitExposed(w)
    w.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is w)
    w.open_document("article")
    yield w
    w.close_document(ask=False)
    w.close()


def _portable(key: str) -> str:
    return QKeySequence(key).toString(QKeySequence.SequenceFormat.PortableText)


def test_table_is_consistent(specs: list[ActionSpec]) -> None:
    assert check_table(specs) == []
    assert {s.menu for s in specs} <= set(MENUS)
    assert {s.scope for s in specs} <= {"window", "text", "adjudication", "document", "spans"}


def test_required_keys(specs: list[ActionSpec]) -> None:
    by_id = {s.id: s for s in specs}
    for action_id, keys in REQUIRED_KEYS.items():
        assert _portable(keys) in {_portable(k) for k in by_id[action_id].shortcuts}, action_id


def test_label_and_role_keys_come_from_the_codebook(specs: list[ActionSpec]) -> None:
    cb = load_default_codebook()
    by_id = {s.id: s for s in specs}
    for lab in cb.span_labels:
        spec = by_id[f"label:{lab.id}"]
        assert spec.args == (lab.id,) and spec.scope == "text"
        assert [_portable(k) for k in spec.shortcuts] == ([lab.key.upper()] if lab.key else [])
    assert "".join(lab.key for lab in cb.span_labels) == "tapldwns"
    keyed_roles = {r.key: r.id for r in cb.roles if r.key}
    assert sorted(keyed_roles) == [str(d) for d in range(1, 10)]
    for digit, role_id in keyed_roles.items():
        assert by_id[f"role:{role_id}"].shortcuts == (digit,)
    # Every role, keyed or not, can be filled from the menus.
    assert {s.id for s in codebook_actions(cb)} >= {f"role:{r.id}" for r in cb.roles}


def test_single_keys_never_act_in_an_editor(specs: list[ActionSpec]) -> None:
    """A plain letter or digit works in the text and span table, or in the adjudication
    panel, never in the whole window (where a field editor has the keyboard)."""
    for spec in specs:
        for key in spec.shortcuts:
            seq = QKeySequence(key)
            modifiers = seq[0].keyboardModifiers() if seq.count() else Qt.KeyboardModifier(0)
            plain = modifiers & ~Qt.KeyboardModifier.KeypadModifier in (
                Qt.KeyboardModifier.NoModifier, Qt.KeyboardModifier.ShiftModifier)
            # Function keys and Esc (back to the text) are meant to work everywhere.
            function_key = Qt.Key.Key_F1.value <= seq[0].key().value <= Qt.Key.Key_F35.value
            if plain and not function_key and key != "Esc":
                assert spec.scope in ("text", "adjudication"), \
                    f"{spec.id}: {key} must not fire in an editor"


def test_sheet_lists_every_action_and_key(specs: list[ActionSpec]) -> None:
    sheet = shortcut_sheet_html(specs)
    for spec in specs:
        assert spec.text.replace("&", "").split("(")[0].strip() in sheet
    assert "menu only" in sheet  # roles without a key
    assert "<script" not in sheet.lower()


def test_check_table_finds_clashes() -> None:
    clash = [*STATIC_ACTIONS, ActionSpec("again", "Again", ("Ctrl+S",), "save_document", "File")]
    assert any("already bound" in p for p in check_table(clash))
    assert any("duplicate action id" in p for p in check_table([*STATIC_ACTIONS,
                                                                STATIC_ACTIONS[0]]))


def test_window_builds_every_action_menu_and_slot(window: MainWindow) -> None:
    assert set(window.action_map) == {s.id for s in window.action_specs}
    menu_actions = set()
    for menu in window.menus.values():
        for action in menu.actions():
            menu_actions.add(action)
            if action.menu() is not None:
                menu_actions.update(action.menu().actions())
    for spec in window.action_specs:
        action = window.action_map[spec.id]
        assert action in menu_actions, spec.id  # reachable with Alt and the arrows
        if spec.slot.startswith("app:"):  # a command of the application layer
            assert callable(getattr(commands, spec.slot[4:])), spec.slot
        else:
            target = window
            for part in spec.slot.split("."):
                target = getattr(target, part)
            assert callable(target), spec.slot
        window.condition(spec.when)  # every condition is known
        scoped = action.shortcutContext() == Qt.ShortcutContext.WidgetWithChildrenShortcut
        assert scoped == (spec.scope != "window"), spec.id
        if spec.scope == "text":
            assert action in window.document_view.actions()
            assert action in window.span_table.view.actions()
        elif spec.scope == "adjudication":
            assert action in window.adjudicator.panel.actions()


def test_enabled_state_follows_conditions(window: MainWindow) -> None:
    assert not window.action_map["undo"].isEnabled()
    i = window.doc.session.document.text.index("قوات النظام")
    window.document_view.select_range(i, i + len("قوات النظام"))
    window.action_map["label:ACTOR"].trigger()
    assert window.action_map["undo"].isEnabled()
    assert window.action_map["undo"].text() == "&Undo label «\u2068قوات النظام\u2069» Actor"
    window.action_map["undo"].trigger()
    assert window.action_map["redo"].isEnabled() and not window.action_map["undo"].isEnabled()
    window.close_document(ask=False)
    assert not window.action_map["save"].isEnabled()
    assert not window.action_map["label:ACTOR"].isEnabled()
    assert window.action_map["shortcuts"].isEnabled()


def test_escape_goes_back_to_the_text(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    window.span_table.filter.setFocus()
    qtbot.keyClick(window.span_table.filter, Qt.Key.Key_Escape)
    assert window.document_view.hasFocus()


def test_label_key_fires_in_text_but_not_in_a_line_edit(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    i = window.doc.session.document.text.index("قوات النظام")
    filter_box = window.span_table.filter
    window.document_view.select_range(i, i + len("قوات النظام"))
    window.span_table.view.setFocus()  # Ctrl+F filters the span table where it has the focus
    qtbot.keyClick(window.span_table.view, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert filter_box.hasFocus()
    qtbot.keyClicks(filter_box, "a")
    assert filter_box.text() == "a" and window.doc.session.aset.spans == []
    window.document_view.setFocus()
    qtbot.keyClick(window.document_view, Qt.Key.Key_A)
    assert [s.text for s in window.doc.session.aset.spans] == ["قوات النظام"]


def test_a_codebook_key_wins_over_a_window_key() -> None:
    # A codebook that gives WEAPON the key f (which fits spans in the window) and a role e.
    data = load_default_codebook().raw
    data = {**data, "span_labels": [{**lab, "key": "f"} if lab["id"] == "WEAPON" else lab
                                    for lab in data["span_labels"]]}
    data["roles"] = [{**r, "key": "e"} if r["id"] == "actor1" else r for r in data["roles"]]
    from annotator.core.codebook import Codebook

    specs = window_actions(Codebook.from_dict(data))
    assert check_table(specs) == []
    by_id = {s.id: s for s in specs}
    assert by_id["label:WEAPON"].shortcuts == ("F",)
    assert by_id["role:actor1"].shortcuts == ("e",)
    assert by_id["fit_span"].shortcuts == () and by_id["create_event"].shortcuts == ()
    assert "menu only" in shortcut_sheet_html(specs)
