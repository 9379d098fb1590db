"""Never lose work: autosaved recovery files, and a real crash (SIGKILL) in the middle of coding."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication
from window_support import paragraphs_project

import annotator
from annotator.app.recovery import RecoveryStore, RestoreWork, same_work
from annotator.core.edits import AddSpan
from annotator.errors import AnnotatorError
from annotator.gui.dialogs import Asker
from annotator.gui.main_window import MainWindow
from annotator.storage.atomic import read_json
from annotator.storage.project import Project

# The offscreen platform plugin warns whenever a top-level window's size limits change (docks
# do that); it is a limitation of that plugin, not of the window.
pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")

CODER = "tester"
REPO = Path(annotator.__file__).resolve().parents[1]


class RecordingAsker(Asker):
    def __init__(self, restore: bool = True) -> None:
        super().__init__(None)
        self.restore = restore
        self.calls: list[str] = []

    def restore_recovery(self, title: str, summary: str) -> bool:
        self.calls.append(f"restore: {summary}")
        return self.restore

    def unsaved_changes(self, title: str) -> str:  # type: ignore[override]
        self.calls.append("unsaved")
        return "discard"

    def lock_notice(self, message: str) -> None:
        self.calls.append(f"lock: {message}")

    def error(self, title: str, message: str) -> None:
        self.calls.append(f"error: {message}")


@pytest.fixture
def project(tmp_path: Path, test_data: Path) -> Project:
    article = (test_data / "sample-article-ar.txt").read_text(encoding="utf-8")
    return paragraphs_project(tmp_path, article, 2)


@pytest.fixture
def open_window(qtbot):  # type: ignore[no-untyped-def]
    windows: list[MainWindow] = []

    def make(project: Project, asker: Asker | None = None, **kwargs: object) -> MainWindow:
        window = MainWindow(project, CODER, asker=asker or RecordingAsker(), **kwargs)
        qtbot.addWidget(window)
        windows.append(window)
        window.show()
        qtbot.waitExposed(window)
        window.open_document("p1")
        return window

    yield make
    for window in windows:
        window.close_document(ask=False)
        window.close()


def add_span(window: MainWindow, needle: str, label: str) -> str:
    text = window.doc.session.document.text
    i = text.index(needle)
    edit = AddSpan(i, i + len(needle), label)
    assert window.push(edit) == ""
    return edit.span_id


# -- the store -----------------------------------------------------------------------------------
def test_store_write_load_and_stale_files(project: Project) -> None:
    store = RecoveryStore(project, CODER)
    document = project.load_document("p1")
    saved = project.new_annotation_set(CODER, document)
    assert store.load("p1", saved.to_dict()) is None
    work = project.new_annotation_set(CODER, document)
    i = document.text.index("قوات النظام")
    from annotator.core.model import Span

    work.spans.append(Span("s1", i, i + 11, "ACTOR", "قوات النظام"))
    store.write("p1", work.to_dict())
    assert store.path("p1") == project.state_dir / "recovery" / CODER / "p1.json"
    assert store.document_ids() == ["p1"]
    found = store.load("p1", saved.to_dict())
    assert found is not None and "1 spans and 0 events" in found.summary()
    assert found.annotation_set().spans[0].text == "قوات النظام"
    # Identical to what is saved (timestamps aside): stale, removed.
    assert same_work(work.to_dict(), {**work.to_dict(), "modified": "2000-01-01T00:00:00Z"})
    assert store.load("p1", work.to_dict()) is None
    assert not store.exists("p1")
    store.discard("p1")  # nothing there: fine


def test_damaged_recovery_file_is_reported_and_kept(project: Project) -> None:
    store = RecoveryStore(project, CODER)
    store.path("p1").parent.mkdir(parents=True)
    store.path("p1").write_text('{"format": "something else"}', encoding="utf-8")
    with pytest.raises(AnnotatorError, match="not a recovery file"):
        store.load("p1", None)
    assert store.exists("p1")
    with pytest.raises(AnnotatorError):
        store.path("../escape")


# -- autosave in the window ----------------------------------------------------------------------
def test_idle_autosave_writes_recovery_and_save_removes_it(qtbot, project, open_window):  # type: ignore[no-untyped-def]
    window = open_window(project, autosave_seconds=0.05)
    path = window.recovery.path("p1")
    add_span(window, "قوات النظام", "ACTOR")
    qtbot.waitUntil(path.is_file, timeout=3000)
    data = read_json(path)["annotations"]
    assert [s["text"] for s in data["spans"]] == ["قوات النظام"]
    assert not project.annotation_path(CODER, "p1").exists()  # autosave never saves
    # Undo back to the saved state: the recovery file goes too.
    window.undo()
    qtbot.waitUntil(lambda: not path.exists(), timeout=3000)
    window.redo()
    qtbot.waitUntil(path.is_file, timeout=3000)
    assert window.save_document()
    assert not path.exists()
    qtbot.wait(150)  # a late idle timer must not bring it back
    assert not path.exists()


def test_discarding_unsaved_work_removes_the_recovery_file(qtbot, project, open_window):  # type: ignore[no-untyped-def]
    window = open_window(project, autosave_seconds=0.05)
    add_span(window, "قوات النظام", "ACTOR")
    window.write_recovery(wait=True)
    assert window.recovery.exists("p1")
    assert window.open_document("p2")  # the asker answers "discard"
    assert not window.recovery.exists("p1")


def test_restore_is_offered_on_open_and_is_one_undo_step(qtbot, project, open_window):  # type: ignore[no-untyped-def]
    crashed = open_window(project)
    add_span(crashed, "قوات النظام", "ACTOR")
    add_span(crashed, "بلدة الجلاء", "LOCATION")
    crashed.write_recovery(wait=True)
    # Simulate the crash: the window vanishes without closing its document.
    crashed.doc.lock.release()
    crashed.state.close()

    asker = RecordingAsker(restore=True)
    window = open_window(project, asker)
    assert asker.calls == ["restore: 2 spans and 0 events, autosaved " +
                           asker.calls[0].split("autosaved ")[1]]
    assert {s.text for s in window.doc.session.aset.spans} == {"قوات النظام", "بلدة الجلاء"}
    assert len(window.document_view.spans()) == 2
    assert window.isWindowModified()
    assert window.doc.history.count() == 1
    window.undo()
    assert window.doc.session.aset.spans == [] and window.document_view.spans() == []
    window.redo()
    assert len(window.doc.session.aset.spans) == 2
    assert window.save_document()
    assert not window.recovery.exists("p1")


def test_declining_the_restore_discards_it(qtbot, project, open_window):  # type: ignore[no-untyped-def]
    store = RecoveryStore(project, CODER)
    document = project.load_document("p1")
    work = project.new_annotation_set(CODER, document)
    work.fields["document_notes"] = "from before the crash"
    store.write("p1", work.to_dict())
    asker = RecordingAsker(restore=False)
    window = open_window(project, asker)
    assert len(asker.calls) == 1 and asker.calls[0].startswith("restore")
    assert window.doc.session.aset.fields == {}
    assert not store.exists("p1")
    assert not window.isWindowModified()


def test_restore_refuses_another_documents_work(project: Project) -> None:
    from annotator.core.session import AnnotationSession

    d1, d2 = project.load_document("p1"), project.load_document("p2")
    session = AnnotationSession(d1, project.codebook, project.new_annotation_set(CODER, d1))
    reason = RestoreWork(project.new_annotation_set(CODER, d2)).check(session)
    assert "p2" in reason


def test_read_only_windows_neither_autosave_nor_offer(qtbot, project, open_window):  # type: ignore[no-untyped-def]
    first = open_window(project, autosave_seconds=0.05)
    add_span(first, "قوات النظام", "ACTOR")
    first.write_recovery(wait=True)
    asker = RecordingAsker()
    second = open_window(project, asker, autosave_seconds=0.05)
    assert second.doc.read_only
    assert [c.split(":")[0] for c in asker.calls] == ["lock"]
    second.write_recovery(wait=True)
    data = read_json(first.recovery.path("p1"))["annotations"]
    assert len(data["spans"]) == 1  # the holder's recovery file is untouched


# -- a real crash --------------------------------------------------------------------------------
DRIVER = textwrap.dedent('''
    import os, signal, sys
    from pathlib import Path
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication
    from annotator.gui.dialogs import QuietAsker
    from annotator.gui.main_window import MainWindow
    from annotator.storage.project import Project

    app = QApplication([])
    project = Project.open(Path(sys.argv[1]))
    window = MainWindow(project, "tester", asker=QuietAsker(), autosave_seconds=0.2)
    window.show()
    window.open_document("p1")
    text = window.doc.session.document.text

    def act(needle, action):
        i = text.index(needle)
        window.document_view.select_range(i, i + len(needle))
        window.action_map[action].trigger()

    def edit():
        act("هجوماً", "create_event")
        act("قوات النظام", "role:actor2")
        act("بلدة الجلاء", "label:LOCATION")
        print("EDITED", window.doc.history.count(), flush=True)
        poll()

    def poll():
        if window.recovery.path("p1").is_file():
            print("AUTOSAVED", flush=True)
            os.kill(os.getpid(), signal.SIGKILL)
        QTimer.singleShot(20, poll)

    QTimer.singleShot(0, edit)
    app.exec()
    print("NOT KILLED", flush=True)
''')


@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX")
def test_killed_window_restores_unsaved_edits(tmp_path, qtbot, project, open_window):  # type: ignore[no-untyped-def]
    script = tmp_path / "driver.py"
    script.write_text(DRIVER, encoding="utf-8")
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen",
               PYTHONPATH=os.pathsep.join([str(REPO), os.environ.get("PYTHONPATH", "")]))
    result = subprocess.run([sys.executable, str(script), str(project.root)], env=env,
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == -signal.SIGKILL, result.stdout + result.stderr
    assert "EDITED 3" in result.stdout and "AUTOSAVED" in result.stdout
    assert not project.annotation_path(CODER, "p1").exists()  # nothing was ever saved
    lock = Path(str(project.annotation_path(CODER, "p1")) + ".lock")
    assert lock.exists()  # left behind by the dead process

    asker = RecordingAsker(restore=True)
    window = open_window(project, asker)
    assert not window.doc.read_only  # the dead process's lock was taken over
    assert len(asker.calls) == 1 and asker.calls[0].startswith("restore: 3 spans and 1 events")
    aset = window.doc.session.aset
    assert {(s.text, s.label) for s in aset.spans} == {
        ("هجوماً", "TRIGGER"), ("قوات النظام", "ACTOR"), ("بلدة الجلاء", "LOCATION")}
    event = aset.events[0]
    assert aset.span(event.trigger).text == "هجوماً"
    assert aset.span(event.roles["actor2"][0]).text == "قوات النظام"
    assert window.isWindowModified()
    assert QApplication.instance() is not None
    assert window.save_document()
    saved = read_json(project.annotation_path(CODER, "p1"))
    assert len(saved["spans"]) == 3 and len(saved["events"]) == 1
    assert not window.recovery.exists("p1")
