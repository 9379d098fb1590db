"""User data is shown as written, never read as markup: a project whose title, document title,
codebook names and help, role names, notes and lock holder are all ``<b>…</b>&amp;<img …>``
is opened, coded, adjudicated and put through the dialogs, and every text and tooltip of every
widget (labels, buttons, actions, menus, item views, message boxes) is read as Qt will show it."""

from __future__ import annotations

import json
import re
import shutil
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QPoint, Qt, QTimer
from PySide6.QtWidgets import QApplication, QInputDialog, QMessageBox, QWidget
from window_support import GUESSED, RICH, Shown, show_active, widget_strings

from annotator.core.model import Document
from annotator.gui.actions import shortcut_sheet_html
from annotator.gui.main_window import MainWindow
from annotator.paths import resource
from annotator.storage.project import Project

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support")  # offscreen limits

DOC = "sample-article"
CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
TAG = re.compile(r"H\d{3}")


def hostile(tag: str) -> str:
    """A string Qt would read as markup: bold, an entity and an image."""
    return f"<b>{tag}</b>&amp;<img src=x>"


class Tags:
    """Hands out hostile strings, each with its own tag (H001, H002, ...)."""

    def __init__(self) -> None:
        self.made: dict[str, str] = {}

    def __call__(self, what: str) -> str:
        tag = f"H{len(self.made) + 1:03d}"
        self.made[tag] = what
        return hostile(tag)


def _hostile_codebook(cb: dict[str, Any], tags: Tags) -> None:
    """Every name, Arabic name and help text of the codebook made hostile, in place."""
    def walk(node: Any, where: str) -> None:
        if isinstance(node, dict):
            for key in ("name", "name_ar", "help"):
                if isinstance(node.get(key), str) and "id" in node:
                    node[key] = tags(f"{where}.{node['id']}.{key}")
            for key, value in node.items():
                walk(value, f"{where}.{key}")
        elif isinstance(node, list):
            for item in node:
                walk(item, where)

    walk(cb, "codebook")


@pytest.fixture
def tags() -> Tags:
    return Tags()


@pytest.fixture
def project(tmp_path: Path, tags: Tags) -> Project:
    """The sample project with hostile names everywhere a user's data can go."""
    root = tmp_path / "p"
    shutil.copytree(resource("sample-project"), root)
    meta = json.loads((root / "project.json").read_text(encoding="utf-8"))
    meta["name"] = tags("project name")
    (root / "project.json").write_text(json.dumps(meta, ensure_ascii=False), encoding="utf-8")
    cb_path = root / meta["codebook"]
    cb = json.loads(cb_path.read_text(encoding="utf-8"))
    _hostile_codebook(cb, tags)
    cb_path.write_text(json.dumps(cb, ensure_ascii=False), encoding="utf-8")
    doc_path = root / "documents" / f"{DOC}.json"
    doc = json.loads(doc_path.read_text(encoding="utf-8"))
    doc["meta"]["title"] = tags("document title")
    doc_path.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    ref = Project.open(root).codebook.ref()  # the sets name the hostile codebook
    for coder in ("layla", "demo"):
        path = root / "annotations" / coder / f"{DOC}.json"
        data = json.loads(path.read_text(encoding="utf-8"))
        data["codebook"] = ref
        for span in data["spans"][:3]:
            span["note"] = tags(f"note of {coder} {span['id']}")
        data["fields"]["document_notes"] = tags(f"document notes of {coder}")
        path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    (root / "annotations" / "gold" / f"{DOC}.json").unlink()  # adjudicated afresh
    project = Project.open(root)
    project.add_documents([Document("held", "نص يحرره زميل", {"title": tags("held title")})])
    lock = project.annotation_path("layla", "held").with_name("held.json.lock")
    lock.parent.mkdir(parents=True, exist_ok=True)
    lock.write_text(json.dumps({"host": tags("lock host"), "pid": 4242,
                                "user": tags("lock user"), "created": "2026-01-01T00:00:00Z",
                                "coder": tags("lock coder"), "token": "t"}), encoding="utf-8")
    return project


def markup_read(strings: Iterable[Shown]) -> list[str]:
    """Every string whose hostile part would not be shown as written."""
    wrong = []
    for shown in strings:
        if not shown.text:
            continue
        seen = shown.as_seen().replace("\u00a0", " ")
        for tag in set(TAG.findall(seen)) | set(TAG.findall(shown.text)):
            if hostile(tag) not in seen:
                wrong.append(f"{shown.where}: {shown.text!r} is shown as {seen!r}")
    return wrong


def tags_shown(strings: Iterable[Shown]) -> set[str]:
    return {tag for s in strings for tag in TAG.findall(s.text)}


class ModalWatcher:
    """Answers the modal dialogs as they open, after reading every string they show."""

    def __init__(self, answer: Callable[[QWidget], None]) -> None:
        self.strings: list[Shown] = []
        self.seen: list[QWidget] = []
        self.answer = answer
        self.timer = QTimer()
        self.timer.setInterval(10)
        self.timer.timeout.connect(self._check)
        self.timer.start()

    def _check(self) -> None:
        dialog = QApplication.activeModalWidget()
        if dialog is None or dialog in self.seen:
            return
        self.seen.append(dialog)
        self.strings += list(widget_strings(dialog))
        self.answer(dialog)

    def stop(self) -> None:
        self.timer.stop()


@pytest.fixture
def make_window(qtbot):  # type: ignore[no-untyped-def]
    """Windows with the real ``Asker``, closed without questions at the end."""
    windows: list[MainWindow] = []

    def make(project: Project, coder: str) -> MainWindow:
        window = MainWindow(project, coder, offer_recovery=False)
        windows.append(window)  # not qtbot's to close: closing would ask about unsaved work
        show_active(qtbot, window, 1400, 860)
        return window

    yield make
    for window in windows:
        window.close_document(ask=False)
        window.close()
        window.deleteLater()


def test_a_hostile_project_is_shown_literally_in_every_widget(qtbot, project, tags,  # type: ignore[no-untyped-def]
                                                              make_window):
    window = make_window(project, "layla")
    unasked = ModalWatcher(lambda dialog: dialog.close())  # nothing here asks anything
    assert window.open_document(DOC)
    aset = window.doc.session.aset
    event = aset.events[0]
    # A new event with nothing filled in: the issues name its type and roles.
    i = window.doc.session.document.text.index("الضباب")
    window.document_view.select_range(i, i + len("الضباب"))
    window.document_view.setFocus()
    qtbot.keyClick(window.document_view, Qt.Key.Key_E)
    window.issues.flush()
    assert TAG.search(window.status.validation.toolTip())
    window.state.set_current_event(event.id)
    window.select_span(next(s.id for s in aset.spans if s.note))
    qtbot.wait(20)
    strings = list(widget_strings(window))
    menu = window.context_menu(QPoint(5, 5))
    strings += widget_strings(menu)
    strings += [Shown(f"text tooltip {s.id}", window.document_view.tooltip_html([s.id]),
                      GUESSED) for s in aset.spans]
    strings.append(Shown("F1 sheet", shortcut_sheet_html(window.action_specs), RICH))
    assert window.save_document(wait=True)  # so the dialogs have nothing to ask first
    for show in (window.show_export_dialog, window.show_import_dialog,
                 window.show_agreement_dialog):
        dialog = show()
        assert dialog is not None
        strings += widget_strings(dialog)
        dialog.close()
    unasked.stop()
    assert unasked.seen == []
    assert markup_read(strings) == []
    shown = tags_shown(strings)
    # The walk did meet them: titles, codebook names and help, roles, notes.
    for what in ("project name", "document title", "note of layla s2",
                 "codebook.span_labels.ACTOR.name", "codebook.span_labels.ACTOR.help",
                 "codebook.roles.actor1.name", "codebook.roles.actor1.help",
                 f"codebook.event_types.{event.type}.name",
                 "codebook.document_fields.relevance.name"):
        assert any(tags.made[t] == what for t in shown), what


def test_the_adjudication_panel_shows_hostile_names_literally(qtbot, project, tags,  # type: ignore[no-untyped-def]
                                                              make_window):
    window = make_window(project, "lead")
    assert window.open_document(DOC)
    messages: list[str] = []
    window.message.connect(messages.append)
    qtbot.keyClick(window.document_view, Qt.Key.Key_A, CTRL_SHIFT)
    assert window.adjudicator.active, messages
    panel = window.adjudicator.panel
    strings = list(widget_strings(panel))
    # The coders' notes differ: their versions of that field show what each wrote.
    titles = [panel.list.item(r).text() for r in range(panel.list.count())]
    row = next((r for r, t in enumerate(titles) if "document_notes" in t), None)
    assert row is not None, titles
    panel.list.setCurrentRow(row)
    strings += widget_strings(panel)
    assert markup_read(strings) == []
    made = {tags.made[t] for t in tags_shown(strings)}
    assert {"document notes of layla", "document notes of demo"} <= made


def test_the_dialogs_show_titles_and_lock_holders_literally(qtbot, project, tags,  # type: ignore[no-untyped-def]
                                                            make_window):
    def answer(dialog: QWidget) -> None:
        if isinstance(dialog, QMessageBox):
            button = dialog.button(QMessageBox.StandardButton.Discard) \
                or dialog.button(QMessageBox.StandardButton.Ok) \
                or next(b for b in dialog.buttons() if b.text() == "Discard")
            button.click()
        elif isinstance(dialog, QInputDialog):
            if dialog.textValue() == "<b>new</b>":
                dialog.reject()
            else:
                dialog.setTextValue("<b>new</b>")
                dialog.accept()

    window = make_window(project, "layla")
    watcher = ModalWatcher(answer)
    try:
        assert window.open_document(DOC)
        i = window.doc.session.document.text.index("الضباب")
        window.document_view.select_range(i, i + len("الضباب"))
        window.document_view.setFocus()
        messages: list[str] = []
        window.message.connect(messages.append)
        qtbot.keyClick(window.document_view, Qt.Key.Key_W)
        assert window.doc.dirty, (messages, window.doc.read_only)
        # Unsaved changes (the document's title), then the lock notice (the holder).
        assert window.open_document("held")
        assert window.doc.read_only
        window.asker.restore_recovery(tags("recovered title"), tags("recovered summary"))
        assert window.asker.coder_name("") is None  # "<b>new</b>" refused, then cancelled
    finally:
        watcher.stop()
    kinds = [type(d).__name__ for d in watcher.seen]
    assert kinds == ["QMessageBox", "QMessageBox", "QMessageBox", "QInputDialog",
                     "QInputDialog"], kinds
    assert markup_read(watcher.strings) == []
    made = {tags.made[t] for t in tags_shown(watcher.strings)}
    assert {"document title", "lock user", "lock host", "lock coder", "recovered title",
            "recovered summary"} <= made
