"""The export and import dialogs driven through the window: real clicks, a real worker thread,
real files; cancelling and closing mid-run write nothing."""

from __future__ import annotations

import json
import shutil
import threading
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from annotator.core.edits import AddSpan
from annotator.gui import transfer
from annotator.gui.dialogs import Asker
from annotator.gui.main_window import MainWindow
from annotator.paths import resource
from annotator.storage.project import Project

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")

CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
LEFT = Qt.MouseButton.LeftButton


class Answers(Asker):
    """Answers at once; records what was asked."""

    def __init__(self, save_first: str = "save") -> None:
        super().__init__(None)
        self.save_first_answer = save_first
        self.calls: list[str] = []

    def save_first(self, title: str, purpose: str) -> str:  # type: ignore[override]
        self.calls.append(f"save_first {purpose}")
        return self.save_first_answer

    def unsaved_changes(self, title: str) -> str:  # type: ignore[override]
        return "discard"

    def restore_recovery(self, title: str, summary: str) -> bool:
        return False

    def error(self, title: str, message: str) -> None:
        self.calls.append(f"error {message}")

    def lock_notice(self, message: str) -> None:
        self.calls.append(f"lock {message}")


@pytest.fixture
def sample(tmp_path: Path) -> Project:
    """The bundled sample project (coder demo), copied."""
    shutil.copytree(resource("sample-project"), tmp_path / "sample")
    return Project.open(tmp_path / "sample")


@pytest.fixture
def make_window(qtbot):  # type: ignore[no-untyped-def]
    windows: list[MainWindow] = []

    def make(project: Project, coder: str = "demo", asker: Answers | None = None,
             open_first: bool = True) -> MainWindow:
        window = MainWindow(project, coder, asker=asker or Answers(), offer_recovery=False)
        qtbot.addWidget(window)
        windows.append(window)
        window.resize(1200, 800)
        window.show()
        qtbot.waitExposed(window)
        window.activateWindow()
        qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
        if open_first:
            assert window.open_document(project.document_ids()[0])
        window.document_view.setFocus()
        return window

    yield make
    for window in windows:
        if window.transfer_dialog is not None:
            with_dialog = window.transfer_dialog
            window.transfer_dialog = None
            try:
                with_dialog.close()
            except RuntimeError:  # already deleted by Qt
                pass
        window.close_document(ask=False)
        window.close()


def open_export(qtbot, window: MainWindow) -> transfer.ExportDialog:  # type: ignore[no-untyped-def]
    qtbot.keyClick(window.document_view, Qt.Key.Key_E, CTRL_SHIFT)
    dialog = window.transfer_dialog
    assert isinstance(dialog, transfer.ExportDialog)
    qtbot.waitExposed(dialog)
    return dialog


def choose(combo, data: object) -> None:  # type: ignore[no-untyped-def]
    index = combo.findData(data)
    assert index >= 0, data
    combo.setCurrentIndex(index)


def run_and_wait(qtbot, dialog: transfer.TransferDialog, button=None) -> object:  # type: ignore[no-untyped-def]
    with qtbot.waitSignal(dialog.runner.finished, timeout=60_000) as blocker:
        qtbot.mouseClick(button or dialog.run_button, LEFT)
    qtbot.waitUntil(lambda: not dialog.running and dialog.run_button.isEnabled())
    return blocker.args[0]


class HeldExport:
    """``export_project`` that waits inside its first progress call until the run is
    cancelled, so a test can cancel (or close) while the export is certainly under way."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.inside = threading.Event()
        self.real = transfer.export_project
        monkeypatch.setattr(transfer, "export_project", self)

    def __call__(self, project, fmt, output, *, progress, cancelled, **kw):  # type: ignore[no-untyped-def]
        def held(done: int, total: int) -> None:
            self.inside.set()
            for _ in range(600):
                if cancelled():
                    break
                threading.Event().wait(0.05)
            progress(done, total)

        return self.real(project, fmt, output, progress=held, cancelled=cancelled,
                         workers=1, **kw)


# -- export ------------------------------------------------------------------------------------
def test_export_dialog_writes_a_dataset_in_a_worker_thread(qtbot, sample, make_window, tmp_path):  # type: ignore[no-untyped-def]
    window = make_window(sample)
    dialog = open_export(qtbot, window)
    assert dialog.isModal() or dialog.windowModality() == Qt.WindowModality.WindowModal
    # A fresh folder under the project's exports/ is suggested, and follows the format.
    assert Path(dialog.output_edit.text()).parent == sample.root / "exports"
    choose(dialog.format_box, "brat")
    assert Path(dialog.output_edit.text()).name.startswith("brat-")
    out = tmp_path / "out" / "brat"
    dialog.output_edit.setText(str(out))
    choose(dialog.status_box, "done")
    dialog.split_edit.setText("80/10/10")
    seen_threads: list[str] = []
    real = transfer.export_project

    def spy(*args, **kwargs):  # type: ignore[no-untyped-def]
        seen_threads.append(threading.current_thread().name)
        return real(*args, **kwargs)

    transfer.export_project = spy  # type: ignore[assignment]
    try:
        report = run_and_wait(qtbot, dialog)
    finally:
        transfer.export_project = real  # type: ignore[assignment]
    assert seen_threads == ["annotator-transfer"]
    assert report.written, dialog.result_view.toPlainText()
    assert dialog.result_view.toPlainText().startswith("Exported")
    assert dialog.progress_bar.format() == "done"
    assert (out / "SHA256SUMS").is_file() and (out / "dataset-card.json").is_file()
    card = json.loads((out / "dataset-card.json").read_text(encoding="utf-8"))
    assert card["split"]["shares"] == {"train": 80, "dev": 10, "test": 10}
    assert card["filters"]["status"] == "done"
    assert card["command"].startswith("annotator export")
    assert any((out / "train").glob("*/*.ann"))
    assert dialog.output_edit.text() == str(out)  # typed by the lead: kept
    qtbot.mouseClick(dialog.close_button, LEFT)
    qtbot.waitUntil(lambda: not dialog.isVisible())


def test_cancel_during_an_export_writes_nothing(qtbot, sample, make_window, tmp_path,  # type: ignore[no-untyped-def]
                                                  monkeypatch):
    held = HeldExport(monkeypatch)
    window = make_window(sample)
    dialog = open_export(qtbot, window)
    out = tmp_path / "cancelled"
    dialog.output_edit.setText(str(out))
    qtbot.mouseClick(dialog.run_button, LEFT)
    assert held.inside.wait(10)
    assert dialog.running and not dialog.options.isEnabled()
    assert dialog.cancel_button.isEnabled() and not dialog.run_button.isEnabled()
    # The window still paints while the worker runs.
    window.document_view.viewport().repaint()
    with qtbot.waitSignal(dialog.runner.finished, timeout=30_000):
        qtbot.mouseClick(dialog.cancel_button, LEFT)
    qtbot.waitUntil(lambda: dialog.run_button.isEnabled())
    assert dialog.report.cancelled
    assert "cancelled" in dialog.result_view.toPlainText()
    assert not out.exists()
    assert dialog.options.isEnabled() and not dialog.cancel_button.isEnabled()


def test_closing_the_dialog_mid_export_cancels_and_waits(qtbot, sample, make_window, tmp_path,  # type: ignore[no-untyped-def]
                                                          monkeypatch):
    held = HeldExport(monkeypatch)
    window = make_window(sample)
    dialog = open_export(qtbot, window)
    out = tmp_path / "closed"
    dialog.output_edit.setText(str(out))
    qtbot.mouseClick(dialog.run_button, LEFT)
    assert held.inside.wait(10)
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert not dialog.running and not dialog.isVisible()
    assert not out.exists()


def test_an_export_refused_for_invalid_files_lists_them(qtbot, sample, make_window, tmp_path):  # type: ignore[no-untyped-def]
    doc_id = sample.document_ids()[0]
    path = sample.annotation_path("demo", doc_id)
    data = json.loads(path.read_text(encoding="utf-8"))
    data["spans"][0]["end"] = 10**9  # past the end of the text
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    window = make_window(sample, open_first=False)
    dialog = open_export(qtbot, window)
    out = tmp_path / "refused"
    dialog.output_edit.setText(str(out))
    report = run_and_wait(qtbot, dialog)
    text = dialog.result_view.toPlainText()
    assert not report.written and text.startswith("Nothing exported")
    assert f"annotations/demo/{doc_id}.json" in text
    assert not out.exists()
    # The lead ticks "leave out" and runs again: written, and the card says what was left out.
    dialog.skip_invalid_box.setChecked(True)
    report = run_and_wait(qtbot, dialog)
    assert report.written and report.left_out_count == 1
    assert (out / "dataset-card.md").is_file()


def test_bad_options_are_reported_without_running(qtbot, sample, make_window):  # type: ignore[no-untyped-def]
    window = make_window(sample)
    dialog = open_export(qtbot, window)
    dialog.output_edit.setText("")
    qtbot.mouseClick(dialog.run_button, LEFT)
    assert not dialog.running and dialog.result_view.toPlainText() == "Choose an output folder."
    dialog.output_edit.setText(str(sample.root.parent / "x"))
    dialog.split_edit.setText("80/ten")
    qtbot.mouseClick(dialog.run_button, LEFT)
    assert not dialog.running and "80/ten" in dialog.result_view.toPlainText()
    # What only the run can find out is reported by the run: a folder that is not empty.
    dialog.split_edit.setText("")
    (sample.root.parent / "x").mkdir()
    (sample.root.parent / "x" / "notes.txt").write_text("mine", encoding="utf-8")
    run_and_wait(qtbot, dialog)
    assert str(sample.root.parent / "x") in dialog.result_view.toPlainText()
    assert dialog.progress_bar.format() == "stopped"
    assert (sample.root.parent / "x" / "notes.txt").read_text(encoding="utf-8") == "mine"


def test_a_bug_in_the_run_is_logged_and_shown_not_raised(qtbot, sample, make_window,  # type: ignore[no-untyped-def]
                                                          monkeypatch, tmp_path):
    def broken(*args, **kwargs):  # type: ignore[no-untyped-def]
        raise ZeroDivisionError("boom")

    monkeypatch.setattr(transfer, "export_project", broken)
    monkeypatch.setattr("annotator.gui.dialogs.log_dir", lambda: tmp_path / "logs")
    window = make_window(sample)
    dialog = open_export(qtbot, window)
    run_and_wait(qtbot, dialog)
    text = dialog.result_view.toPlainText()
    assert "a bug" in text and "ZeroDivisionError: boom" in text
    assert "boom" in (tmp_path / "logs" / "crash.log").read_text(encoding="utf-8")


@pytest.mark.parametrize("answer", ["save", "discard", "cancel"])
def test_export_offers_to_save_unsaved_work_first(qtbot, sample, make_window, answer):  # type: ignore[no-untyped-def]
    asker = Answers(save_first=answer)
    window = make_window(sample, asker=asker)
    doc = window.doc
    assert doc is not None
    before = sample.annotation_path("demo", doc.id).read_bytes()
    window.push(AddSpan(0, 1, "TIME"))
    assert doc.dirty
    qtbot.keyClick(window.document_view, Qt.Key.Key_E, CTRL_SHIFT)
    assert asker.calls == ["save_first export"]
    after = sample.annotation_path("demo", doc.id).read_bytes()
    if answer == "cancel":
        assert window.transfer_dialog is None and after == before and doc.dirty
    elif answer == "discard":  # go on without saving: the work stays in the window, unsaved
        assert window.transfer_dialog is not None and after == before and doc.dirty
    else:
        assert window.transfer_dialog is not None and after != before and not doc.dirty


# -- import ------------------------------------------------------------------------------------
def test_import_dialog_checks_then_imports_and_lists_the_new_documents(  # type: ignore[no-untyped-def]
        qtbot, tmp_path, make_window, shared_data):
    project = Project.init(tmp_path / "p")
    window = make_window(project, coder="amal", open_first=False)
    assert window.worklist.ids == []
    qtbot.keyClick(window.document_view, Qt.Key.Key_I, CTRL_SHIFT)
    dialog = window.transfer_dialog
    assert isinstance(dialog, transfer.ImportDialog)
    qtbot.waitExposed(dialog)
    choose(dialog.format_box, "doccano")
    dialog.add_path(shared_data("formats/doccano/export-sequence_labeling.jsonl"))
    dialog.coder_edit.setText("pre")
    # Without a label map the check names every unknown label, and writes nothing.
    report = run_and_wait(qtbot, dialog, dialog.check_button)
    text = dialog.result_view.toPlainText()
    assert report.dry_run and not report.written
    assert "Names the codebook does not know: MISC, ORG." in text and "--label-map" not in text
    assert project.document_ids() == []
    # "Fill label map" writes a line per unknown name, for the lead to complete.
    dialog.label_map_edit.setPlainText("MISC=ACTOR")
    qtbot.mouseClick(dialog.fill_button, LEFT)
    assert dialog.label_map_edit.toPlainText() == "MISC=ACTOR\nORG="
    qtbot.keyClicks(dialog.label_map_edit, "ACTOR")
    report = run_and_wait(qtbot, dialog, dialog.check_button)
    assert report.unknown_names() == [] and not dialog.fill_button.isEnabled()
    report = run_and_wait(qtbot, dialog)
    assert report.written and report.annotation_sets == 3, dialog.result_view.toPlainText()
    assert report.spans == 4  # EU, German, Peter Blackburn, Obama
    assert dialog.result_view.toPlainText().startswith("Imported")
    assert len(project.document_ids()) == 3
    assert window.worklist.ids == project.document_ids()  # the list shows them at once
    assert project.coders() == ["pre"]


def test_import_option_errors_name_the_problem(qtbot, tmp_path, make_window, shared_data):  # type: ignore[no-untyped-def]
    project = Project.init(tmp_path / "p")
    window = make_window(project, open_first=False)
    dialog = window.show_import_dialog()
    assert dialog is not None
    qtbot.waitExposed(dialog)
    qtbot.mouseClick(dialog.run_button, LEFT)
    assert dialog.result_view.toPlainText() == "Add the files (or folders) to import."
    dialog.add_path(shared_data("formats/doccano/export-sequence_labeling.jsonl"))
    dialog.options_edit.setText("offset_unit")
    qtbot.mouseClick(dialog.run_button, LEFT)
    assert "offset_unit" in dialog.result_view.toPlainText() and not dialog.running
    dialog.options_edit.setText("")
    dialog.paths_list.clear()
    dialog.add_path(tmp_path / "missing.jsonl")
    run_and_wait(qtbot, dialog)
    assert "missing.jsonl: no such file" in dialog.result_view.toPlainText()


def test_import_never_writes_the_document_this_window_has_open(qtbot, sample, make_window,  # type: ignore[no-untyped-def]
                                                                tmp_path):
    from annotator.formats.export import export_project

    # The sample exported as native JSONL, then imported back over the open document.
    export_project(sample, "jsonl", tmp_path / "out", workers=1)
    window = make_window(sample)
    doc_id = window.doc.id
    path = sample.annotation_path("demo", doc_id)
    before = path.read_bytes()
    dialog = window.show_import_dialog()
    assert dialog is not None
    qtbot.waitExposed(dialog)
    choose(dialog.format_box, "jsonl")
    dialog.add_path(tmp_path / "out" / "data.jsonl")
    dialog.overwrite_box.setChecked(True)
    report = run_and_wait(qtbot, dialog)
    text = dialog.result_view.toPlainText()
    assert not report.written and f"document {doc_id!r} not imported" in text
    assert "being edited by" in text
    assert path.read_bytes() == before


def test_after_an_export_a_fresh_folder_is_suggested(qtbot, sample, make_window):  # type: ignore[no-untyped-def]
    window = make_window(sample)
    dialog = open_export(qtbot, window)
    first = Path(dialog.output_edit.text())
    assert run_and_wait(qtbot, dialog).written and first.is_dir()
    second = Path(dialog.output_edit.text())
    assert second != first and not second.exists() and second.parent == first.parent
    choose(dialog.format_box, "brat")  # an untouched suggestion follows the format
    assert Path(dialog.output_edit.text()).name.startswith("brat-")
    assert run_and_wait(qtbot, dialog).written  # and a second export just works


def test_closing_the_window_mid_export_cancels_it(qtbot, sample, make_window, tmp_path,  # type: ignore[no-untyped-def]
                                                   monkeypatch):
    held = HeldExport(monkeypatch)
    window = make_window(sample)
    dialog = open_export(qtbot, window)
    out = tmp_path / "closed-window"
    dialog.output_edit.setText(str(out))
    qtbot.mouseClick(dialog.run_button, LEFT)
    assert held.inside.wait(10)
    window.close()
    assert not dialog.running and window.transfer_dialog is None
    assert not out.exists()


def test_an_import_cancelled_after_writing_still_lists_what_it_wrote(qtbot, tmp_path,  # type: ignore[no-untyped-def]
                                                                      make_window):
    project = Project.init(tmp_path / "p")
    source = tmp_path / "three.jsonl"
    source.write_text("".join(json.dumps({"text": t, "label": []}, ensure_ascii=False) + "\n"
                              for t in ("أ", "ب", "ج")), encoding="utf-8")
    window = make_window(project, open_first=False)
    dialog = window.show_import_dialog()
    assert dialog is not None
    qtbot.waitExposed(dialog)
    choose(dialog.format_box, "doccano")
    dialog.add_path(source)
    dialog.coder_edit.setText("pre")
    real = transfer.import_annotations

    def cancel_after_first_write(*args, **kwargs):  # type: ignore[no-untyped-def]
        cancelled = kwargs["cancelled"]
        written: list[int] = []
        kwargs["progress"] = lambda done, total: written.append(done) if total else None
        kwargs["cancelled"] = lambda: bool(written) or cancelled()
        return real(*args, **kwargs)

    transfer.import_annotations = cancel_after_first_write  # type: ignore[assignment]
    try:
        report = run_and_wait(qtbot, dialog)
    finally:
        transfer.import_annotations = real  # type: ignore[assignment]
    assert report.cancelled and report.sets_written == 1
    assert "--skip-invalid" in dialog.result_view.toPlainText()
    assert window.worklist.ids == project.document_ids() and len(window.worklist.ids) == 1


def second_coder(sample: Project, name: str = "layla") -> dict:
    """A second coder: the demo coder's set with its first span relabelled (in place of the
    sample's own second coder and gold set)."""
    for folder in {name, "gold"}:
        shutil.rmtree(sample.annotations_dir / folder, ignore_errors=True)
    doc_id = sample.document_ids()[0]
    data = json.loads(sample.annotation_path("demo", doc_id).read_text(encoding="utf-8"))
    data["coder"] = name
    data["spans"][0]["label"] = "PERSON" if data["spans"][0]["label"] != "PERSON" else "ACTOR"
    mine = sample.annotation_path(name, doc_id)
    mine.parent.mkdir()
    mine.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return data


def open_agreement(qtbot, window: MainWindow) -> transfer.AgreementDialog:  # type: ignore[no-untyped-def]
    qtbot.keyClick(window.document_view, Qt.Key.Key_G, CTRL_SHIFT)
    dialog = window.transfer_dialog
    assert isinstance(dialog, transfer.AgreementDialog)
    qtbot.waitExposed(dialog)
    return dialog


def test_agreement_dialog_compares_the_checked_coders(qtbot, sample, make_window):  # type: ignore[no-untyped-def]
    data = second_coder(sample)
    window = make_window(sample)
    dialog = open_agreement(qtbot, window)
    assert dialog.coders() == ["demo", "layla"] and dialog.status_box.currentData() == "done"
    choose(dialog.status_box, None)  # any status
    result = run_and_wait(qtbot, dialog)
    assert [(p.a, p.b) for p in result.pairs] == [("demo", "layla")]
    text = dialog.result_view.toPlainText()
    assert text.startswith("Agreement of demo, layla (sets of any status): 1 document(s)")
    assert "all coders" in text and "u-alpha" in text and "Fleiss' kappa" in text
    assert "demo and layla: 1 document(s) both coded (sets of any status)" in text
    n = len(data["spans"])
    assert f"({n} and {n} spans, {n - 1} the same)" in text
    # One coder left: nothing to compare, said in the dialog.
    dialog.coder_list.item(1).setCheckState(Qt.CheckState.Unchecked)
    qtbot.mouseClick(dialog.run_button, LEFT)
    assert dialog.result_view.toPlainText() == "Choose two coders or more."
    assert dialog.document_table.rowCount() == 0


def test_agreement_dialog_lists_the_documents_and_a_row_chooses_one(qtbot, tmp_path,  # type: ignore[no-untyped-def]
                                                                   sample, make_window):
    # Two more documents: one both coders coded alike, one where they differ more.
    from annotator.core.model import Document, Span

    second_coder(sample)
    first = sample.document_ids()[0]  # the sample article: one label apart
    sample.add_documents([Document("alike", "هاجم مسلحون حاجزا للجيش"),
                          Document("apart", "قتل ثلاثة جنود قرب البوكمال")])
    for doc_id, coders in (("alike", {"demo": "ACTOR", "layla": "ACTOR"}),
                           ("apart", {"demo": "ACTOR", "layla": "LOCATION"})):
        document = sample.load_document(doc_id)
        for coder, label in coders.items():
            aset, _ = sample.load_annotations(coder, document)
            aset.spans.append(Span("s1", 0, 3, label, document.text[:3]))
            aset.status, aset.fields = "done", {"relevance": "relevant"}
            sample.save_annotations(aset, document)
    window = make_window(sample, open_first=False)
    window.open_document(first)
    window.document_view.setFocus()
    dialog = open_agreement(qtbot, window)
    choose(dialog.status_box, None)
    run_and_wait(qtbot, dialog)
    table = dialog.document_table
    assert dialog.document_ids() == ["apart", first]  # "alike" has nothing to decide
    assert table.item(0, 1).text() == "0.50"  # its span in dispute, its relevance agreed
    headers = [table.horizontalHeaderItem(c).text() for c in range(table.columnCount())]
    assert headers[:2] == ["Document", "Disputed"] and table.item(0, headers.index("Label"))\
        .text() == "1"
    assert dialog.documents_label.text().startswith(
        "Documents the coders disagree on: 2 of 3 coded by two of them or more")
    # Double-click a row (press, release, then the double click, as a mouse sends them): its
    # document is chosen.
    rect = table.visualItemRect(table.item(1, 0))
    with qtbot.waitSignal(dialog.documentChosen) as chosen:
        qtbot.mouseClick(table.viewport(), LEFT, pos=rect.center())
        qtbot.mouseDClick(table.viewport(), LEFT, pos=rect.center())
    assert chosen.args == [first]
    # Enter on the current row chooses it too, and does not press Compute.
    qtbot.mouseClick(table.viewport(), LEFT, pos=table.visualItemRect(table.item(0, 0))
                     .center())
    report = dialog.report
    with qtbot.waitSignal(dialog.documentChosen) as chosen:
        qtbot.keyClick(table, Qt.Key.Key_Return)
    assert chosen.args == ["apart"]
    assert not dialog.running and dialog.report is report
    table.grab().save(str(tmp_path / "agreement-documents.png"))


def test_agreement_dialog_leaves_gold_unticked(qtbot, sample, make_window):  # type: ignore[no-untyped-def]
    second_coder(sample)
    second_coder(sample, "gold")
    window = make_window(sample)
    dialog = open_agreement(qtbot, window)
    names = [dialog.coder_list.item(i).text() for i in range(dialog.coder_list.count())]
    assert names == ["demo", "gold", "layla"] and dialog.coders() == ["demo", "layla"]
    result = run_and_wait(qtbot, dialog)
    assert result.coders == ["demo", "layla"]


def test_a_row_of_the_agreement_dialog_opens_its_adjudication(qtbot, sample, make_window):  # type: ignore[no-untyped-def]
    from annotator.core.model import GOLD_CODER

    second_coder(sample)
    first = sample.document_ids()[0]
    for coder in ("demo", "layla"):  # both finished: ready to adjudicate
        document = sample.load_document(first)
        aset, _ = sample.load_annotations(coder, document)
        aset.status = "done"
        sample.save_annotations(aset, document)
    window = make_window(sample, coder="lead", open_first=False)
    window.open_document(first)
    window.document_view.setFocus()
    dialog = open_agreement(qtbot, window)
    choose(dialog.status_box, None)
    run_and_wait(qtbot, dialog)
    table = dialog.document_table
    rect = table.visualItemRect(table.item(0, 0))
    qtbot.mouseClick(table.viewport(), LEFT, pos=rect.center())
    qtbot.keyClick(table, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.adjudicator.active, timeout=3000)
    assert window.doc.coder == GOLD_CODER and window.doc.id == first
    assert window.adjudication_dock.isVisible() and window.transfer_dialog is None
