"""What the export and import dialogs say: the bar's last word matches what the run did, the
import counts records as records, and the file chooser starts in the project."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QFileDialog, QPushButton
from test_transfer import Answers, choose, open_export, run_and_wait
from window_support import show_active

from annotator.gui import transfer
from annotator.gui.main_window import MainWindow
from annotator.paths import resource
from annotator.storage.project import Project

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


@pytest.fixture
def sample(tmp_path: Path) -> Project:
    shutil.copytree(resource("sample-project"), tmp_path / "sample")
    return Project.open(tmp_path / "sample")


@pytest.fixture
def window(qtbot, sample: Project) -> MainWindow:  # type: ignore[no-untyped-def]
    w = MainWindow(sample, "demo", asker=Answers(), offer_recovery=False)
    qtbot.addWidget(w)
    show_active(qtbot, w, 1200, 800)
    w.document_view.setFocus()
    yield w
    if w.transfer_dialog is not None:
        w.transfer_dialog.close()
    w.close()


def open_import(qtbot, window: MainWindow) -> transfer.ImportDialog:  # type: ignore[no-untyped-def]
    dialog = window.show_import_dialog()
    assert isinstance(dialog, transfer.ImportDialog)
    qtbot.waitExposed(dialog)
    return dialog


def test_the_export_bar_says_nothing_was_exported(qtbot, sample, window, tmp_path):  # type: ignore[no-untyped-def]
    doc_id = sample.document_ids()[0]
    path = sample.annotation_path("demo", doc_id)
    data = json.loads(path.read_text(encoding="utf-8"))
    data["spans"][0]["end"] = 10**9  # past the end of the text: the export is refused
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    dialog = open_export(qtbot, window)
    dialog.output_edit.setText(str(tmp_path / "out"))
    report = run_and_wait(qtbot, dialog)
    assert not report.written
    assert dialog.progress_bar.format() == "nothing exported"
    assert dialog.progress_bar.value() == 0


def test_the_import_counts_records_and_says_what_it_did(qtbot, sample, window, tmp_path):  # type: ignore[no-untyped-def]
    source = tmp_path / "records.jsonl"
    source.write_text("".join(json.dumps({"text": t, "label": []}, ensure_ascii=False) + "\n"
                              for t in ("أ", "ب", "", "ج")), encoding="utf-8")
    dialog = open_import(qtbot, window)
    choose(dialog.format_box, "doccano")
    dialog.add_path(source)
    dialog.coder_edit.setText("pre")
    formats: list[str] = []
    dialog.runner.progressed.connect(lambda *_: formats.append(dialog.progress_bar.format()))
    run_and_wait(qtbot, dialog, dialog.check_button)
    assert dialog.progress_bar.format() == "checked, nothing written"
    assert "checking: records read: 1" in formats
    run_and_wait(qtbot, dialog)  # a problem (the empty record): nothing is imported
    assert dialog.progress_bar.format() == "nothing imported"
    dialog.skip_invalid_box.setChecked(True)
    formats.clear()
    report = run_and_wait(qtbot, dialog)
    assert report.written and report.annotation_sets == 3
    assert "%v of %m records" in formats and not any("document" in f for f in formats)
    assert dialog.progress_bar.format() == "done"
    assert dialog.result_view.toPlainText().startswith(
        "Imported 3 annotation set(s) (0 spans, 0 events) of 3 document(s), 3 new. "
        "Left out 1 of the 4 records read.")


@pytest.mark.qt_log_ignore("This plugin does not support")  # a modal dialog, offscreen
def test_the_file_chooser_starts_in_the_project_then_where_the_lead_last_chose(  # type: ignore[no-untyped-def]
        qtbot, sample, window, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)  # the working folder is not the project's
    elsewhere = tmp_path / "incoming"
    elsewhere.mkdir()
    (elsewhere / "a.jsonl").write_text("{}\n", encoding="utf-8")
    dialog = open_import(qtbot, window)
    add_files = next(b for b in dialog.findChildren(QPushButton) if b.text() == "Add files…")
    seen: list[str] = []

    def answer(path: Path | None) -> None:
        chooser = QApplication.activeModalWidget()
        assert isinstance(chooser, QFileDialog)
        seen.append(chooser.directory().absolutePath())
        if path is None:
            chooser.reject()
        else:
            chooser.selectFile(str(path))
            chooser.accept()

    QTimer.singleShot(0, lambda: answer(elsewhere / "a.jsonl"))
    qtbot.mouseClick(add_files, transfer.Qt.MouseButton.LeftButton)
    assert seen == [str(sample.root)]
    assert dialog.paths() == [elsewhere / "a.jsonl"]
    QTimer.singleShot(0, lambda: answer(None))
    qtbot.mouseClick(add_files, transfer.Qt.MouseButton.LeftButton)
    assert seen[1] == str(elsewhere)
