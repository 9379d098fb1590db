"""Export, import and agreement dialogs: the CLI's ``export``, ``import-annotations`` and
``agreement`` in the window.

Both dialogs collect the same options as the command line, then run the core function
(``export_project`` / ``import_annotations``) in a worker thread with a progress bar and a
Cancel button; the window keeps painting meanwhile. What the run reports (its summary and every
problem, each naming its file) is shown as plain text in the dialog, which stays open so the
lead can read it, change an option and run again.

The dialogs are window-modal: nothing can be edited while a run reads or writes the project.
Closing a dialog during a run cancels it and waits for the worker to stop (the core functions
poll ``cancelled()`` between documents, and a cancelled export writes nothing).

Longer than most modules (about 750 lines): three dialogs on one base class, kept together so
their shared running and reporting stays in one place.
"""

from __future__ import annotations

import contextlib
import threading
import time
from collections.abc import Callable
from datetime import datetime
from functools import partial
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QCloseEvent, QFontDatabase, QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QCheckBox,
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QSpinBox,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from annotator.core.agreement import describe as describe_pair
from annotator.core.disagreements import KINDS
from annotator.core.model import STATUSES
from annotator.core.names import status_name
from annotator.errors import AnnotatorError
from annotator.formats.export import DEFAULT_SEED, ExportReport, export_project, parse_split
from annotator.formats.importing import ImportReport, import_annotations
from annotator.formats.registry import export_formats, import_formats
from annotator.gui.text_direction import apply_text_direction, document_direction
from annotator.gui.transfer_words import (
    any_choice,
    format_entry,
    kind_title,
    outcome_text,
    progress_texts,
)
from annotator.i18n import tr
from annotator.storage.agreement import GOLD, ProjectAgreement, project_agreement
from annotator.storage.project import Project

PROGRESS_INTERVAL = 0.05  # seconds between progress signals from the worker


class Runner(QObject):
    """Runs ``work(progress=..., cancelled=...)`` in a thread (the keywords of the core's
    ``export_project`` and ``import_annotations``); the signals arrive on the GUI thread.

    ``finished`` carries the return value, or the exception the work raised.
    """

    progressed = Signal(int, int)
    finished = Signal(object)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._thread: threading.Thread | None = None
        self._cancel = threading.Event()

    @property
    def running(self) -> bool:
        return self._thread is not None and self._thread.is_alive()

    def start(self, work: Callable[..., Any]) -> None:
        if self.running:
            raise RuntimeError("a run is already going")
        self._cancel.clear()
        last = [0.0]

        def progress(done: int, total: int) -> None:
            now = time.monotonic()
            if now - last[0] >= PROGRESS_INTERVAL or (total and done >= total):
                last[0] = now
                with contextlib.suppress(RuntimeError):  # the dialog is gone: nobody to tell
                    self.progressed.emit(done, total)

        def run() -> None:
            try:
                result: Any = work(progress=progress, cancelled=self._cancel.is_set)
            except Exception as exc:  # reported to the dialog, which shows it
                result = exc
            with contextlib.suppress(RuntimeError):
                self.finished.emit(result)

        self._thread = threading.Thread(target=run, name="annotator-transfer", daemon=True)
        self._thread.start()

    def cancel(self) -> None:
        self._cancel.set()

    @property
    def cancel_requested(self) -> bool:
        return self._cancel.is_set()

    def wait(self, timeout: float | None = None) -> bool:
        """Wait for the thread to end (without delivering ``finished``); True if it did."""
        if self._thread is not None:
            self._thread.join(timeout)
            return not self._thread.is_alive()
        return True


class TransferDialog(QDialog):
    """What the export and import dialogs share: options, progress, result, run/cancel."""

    completed = Signal(object)  # the report, after a run that was not cancelled or wrote
    UNIT = "documents"  # what the run's progress counts
    NOTHING = "nothing written"  # the bar after a run that wrote nothing (``outcome_text``)

    def run_text(self) -> str:
        """The run button's text."""
        return tr("transfer", "Run")

    def __init__(self, project: Project, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.project = project
        self.report: Any = None
        self.runner = Runner(self)
        self.runner.progressed.connect(self._on_runner_progressed)
        self.runner.finished.connect(self._on_runner_finished)
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self.resize(640, 560)

        layout = QVBoxLayout(self)
        self.options = QWidget(self)
        self.form = QFormLayout(self.options)
        layout.addWidget(self.options)
        self.progress_bar = QProgressBar(self)
        self.progress_bar.setObjectName("progressBar")
        self.progress_bar.setRange(0, 1)
        self.progress_bar.setValue(0)
        self.progress_bar.setTextVisible(True)
        layout.addWidget(self.progress_bar)
        self.result_view = QPlainTextEdit(self)
        self.result_view.setObjectName("resultView")
        self.result_view.setReadOnly(True)
        self.result_view.setPlaceholderText(
            tr("transfer", "What the run did, and every problem, shows here."))
        layout.addWidget(self.result_view, 1)

        buttons = QHBoxLayout()
        buttons.addStretch(1)
        self.extra_buttons = buttons
        self.run_button = QPushButton(self.run_text(), self)
        self.run_button.setObjectName("runButton")
        self.run_button.setDefault(True)
        self.run_button.clicked.connect(self.run)
        buttons.addWidget(self.run_button)
        self.cancel_button = QPushButton(tr("transfer", "Cancel"), self)
        self.cancel_button.setObjectName("cancelButton")
        self.cancel_button.setEnabled(False)
        self.cancel_button.clicked.connect(self.cancel)
        buttons.addWidget(self.cancel_button)
        self.close_button = QPushButton(tr("transfer", "Close"), self)
        self.close_button.setObjectName("closeButton")
        self.close_button.clicked.connect(self.close)
        buttons.addWidget(self.close_button)
        layout.addLayout(buttons)

    def show_result(self, text: str) -> None:
        """Show what a run says, laid out the way its first words read (an Arabic summary
        right-aligned, a file's English problem left-aligned)."""
        self.result_view.setPlainText(text)
        apply_text_direction(self.result_view, *document_direction(text))

    # -- running ------------------------------------------------------------------------------
    @property
    def running(self) -> bool:
        return self.runner.running

    def work(self) -> Callable[..., Any]:
        """The run, with every option read now (on the GUI thread), to be called with
        ``progress`` and ``cancelled``; raises AnnotatorError for options it can refuse now."""
        raise NotImplementedError

    def describe(self, report: Any) -> str:  # pragma: no cover - overridden
        raise NotImplementedError

    def run(self, *, dry_run: bool = False) -> bool:
        """Start a run with the options shown; False (and why, in the result) if it can't."""
        if self.running:
            return False
        self._dry_run = dry_run
        try:
            work = self.work()
        except AnnotatorError as exc:
            self.show_result(str(exc))
            return False
        self.report = None
        self.show_result(tr("transfer", "Running…"))
        self.progress_bar.setRange(0, 0)  # busy until the first count arrives
        self._set_running(True)
        self.runner.start(work)
        return True

    def cancel(self) -> None:
        if self.running:
            self.runner.cancel()
            self.cancel_button.setEnabled(False)
            self.show_result(tr("transfer", "Cancelling…"))

    def _set_running(self, running: bool) -> None:
        self.options.setEnabled(not running)
        self.run_button.setEnabled(not running)
        for i in range(self.extra_buttons.count()):
            widget = self.extra_buttons.itemAt(i).widget()
            if widget is not None and widget not in (self.cancel_button, self.close_button):
                widget.setEnabled(not running)
        self.cancel_button.setEnabled(running)

    def _on_runner_progressed(self, done: int, total: int) -> None:
        checking, counted = progress_texts(self.UNIT)
        if total <= 0:
            self.progress_bar.setRange(0, 0)
            self.progress_bar.setFormat(checking.format(done=done))
        else:
            self.progress_bar.setRange(0, total)
            self.progress_bar.setValue(min(done, total))
            self.progress_bar.setFormat(counted)

    def _on_runner_finished(self, result: object) -> None:
        self._set_running(False)
        self.progress_bar.setRange(0, 1)
        if isinstance(result, AnnotatorError):
            self.progress_bar.setValue(0)
            self.progress_bar.setFormat(outcome_text("stopped"))
            self.show_result(str(result))
            return
        if isinstance(result, BaseException):
            self.progress_bar.setValue(0)
            self.progress_bar.setFormat(outcome_text("failed"))
            self.show_result(_internal_error(result))
            return
        self.report = result
        outcome = self.outcome(result)
        self.progress_bar.setValue(1 if outcome == "done" else 0)
        self.progress_bar.setFormat(outcome_text(outcome))
        self.show_result(self.describe(result))
        if not result.cancelled or getattr(result, "sets_written", 0):
            self.completed.emit(result)  # a cancelled import may have written some sets

    def outcome(self, report: Any) -> str:
        """The bar's last word on a run (``outcome_text`` says it): "done" only when it
        wrote what it was asked to."""
        if report.cancelled:
            return "cancelled"
        if getattr(report, "dry_run", False):
            return "checked, nothing written"
        return "done" if getattr(report, "written", True) else self.NOTHING

    def wait(self) -> None:
        """Block until a run ends and its result is shown (for closing, and for tests)."""
        self.runner.wait()
        QApplication.sendPostedEvents(self.runner)
        QApplication.processEvents()

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.running:
            self.cancel()
            self.wait()
        super().closeEvent(event)

    def reject(self) -> None:  # Esc: the same as Close
        if self.running:
            self.cancel()
            self.wait()
        super().reject()

    # -- building -----------------------------------------------------------------------------
    def _combo(self, name: str, items: list[tuple[str, Any]], tip: str = "") -> QComboBox:
        combo = QComboBox(self.options)
        combo.setObjectName(name)
        for text, data in items:
            combo.addItem(text, data)
        combo.setToolTip(tip)
        return combo

    def _option_box(self, name: str, text: str) -> QCheckBox:
        """A check box for a command-line option, on a row of its own."""
        box = QCheckBox(text, self.options)
        box.setObjectName(name)
        self.form.addRow("", box)
        return box

    def _path_row(self, edit: QLineEdit, browse: Callable[[], None]) -> QWidget:
        row = QWidget(self.options)
        box = QHBoxLayout(row)
        box.setContentsMargins(0, 0, 0, 0)
        box.addWidget(edit, 1)
        button = QPushButton(tr("transfer", "Browse…"), row)
        button.clicked.connect(browse)
        box.addWidget(button)
        return row


class ExportDialog(TransferDialog):
    """``annotator export`` with its options, for the project lead."""

    NOTHING = "nothing exported"

    def run_text(self) -> str:
        return tr("transfer", "Export")

    def __init__(self, project: Project, parent: QWidget | None = None) -> None:
        super().__init__(project, parent)
        self.setObjectName("exportDialog")
        self.setWindowTitle(tr("transfer", "Export {project}").format(project=project.name))
        self.format_box = self._combo(
            "formatBox", [(format_entry(f), f.name) for f in export_formats()],
            tr("transfer", "The dataset format; the card beside the data says what it holds"))
        self.format_box.currentIndexChanged.connect(self._suggest_output)
        self.form.addRow(tr("transfer", "&Format:"), self.format_box)
        self.output_edit = QLineEdit(self.options)
        self.output_edit.setObjectName("outputEdit")
        self.output_edit.setToolTip(tr("transfer", "A new or empty folder (or a previous "
                                                   "export, with 'Replace')"))
        self.form.addRow(tr("transfer", "&Output folder:"),
                         self._path_row(self.output_edit, self._browse))
        self.coder_box = self._combo("coderBox", [(any_choice(), None)] + [
            (c, c) for c in project.coders()], tr("transfer", "Only this coder's annotation sets"))
        self.form.addRow(tr("transfer", "&Coder:"), self.coder_box)
        self.status_box = self._combo("statusBox", [(any_choice(), None)] + [
            (status_name(s), s) for s in STATUSES],
            tr("transfer", "Only sets with this status (a gold-standard export usually takes "
                           "'done')"))
        self.form.addRow(tr("transfer", "&Status:"), self.status_box)
        self.split_edit = QLineEdit(self.options)
        self.split_edit.setObjectName("splitEdit")
        self.split_edit.setPlaceholderText(
            tr("transfer", "none, or e.g. 80/10/10 (train/dev/test by document)"))
        self.seed_box = QSpinBox(self.options)
        self.seed_box.setObjectName("seedBox")
        self.seed_box.setRange(0, 2**31 - 1)
        self.seed_box.setValue(DEFAULT_SEED)
        self.seed_box.setToolTip(tr("transfer", "The same seed gives the same split"))
        split_row = QWidget(self.options)
        box = QHBoxLayout(split_row)
        box.setContentsMargins(0, 0, 0, 0)
        box.addWidget(self.split_edit, 1)
        box.addWidget(QLabel(tr("transfer", "seed:"), split_row))
        box.addWidget(self.seed_box)
        self.form.addRow(tr("transfer", "S&plit:"), split_row)
        self.skip_invalid_box = self._option_box("skipInvalidBox", tr(
            "transfer", "Leave out invalid annotation files; the card lists them "
                        "(--skip-invalid)"))
        self.overwrite_box = self._option_box("overwriteBox", tr(
            "transfer", "Replace a previous export in that folder (--overwrite)"))
        self._suggested = ""
        self._suggest_output()
        # A suggested folder is used once: after an export the next run is offered a new one.
        self.completed.connect(self._on_completed)

    def _on_completed(self, report: ExportReport) -> None:
        if report.written:
            self._suggest_output()

    def _suggest_output(self) -> None:
        """A fresh folder under the project's exports/, unless the lead typed one."""
        current = self.output_edit.text()
        if current and current != self._suggested:
            return
        stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
        fmt = self.format_box.currentData() or "export"
        folder = self.project.root / "exports" / f"{fmt}-{stamp}"
        n = 2
        while folder.exists():
            folder = folder.with_name(f"{fmt}-{stamp}-{n}")
            n += 1
        self._suggested = str(folder)
        self.output_edit.setText(self._suggested)

    def _browse(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, tr("transfer", "Export into folder"),
                                                  self.output_edit.text())
        if folder:
            self.output_edit.setText(folder)

    def work(self) -> Callable[[Callable[[int, int], None], Callable[[], bool]], Any]:
        fmt = self.format_box.currentData()
        text = self.output_edit.text().strip()
        if not text:
            raise AnnotatorError(tr("transfer", "Choose an output folder."))
        output = Path(text).expanduser()
        parse_split(self.split_edit.text().strip() or None)  # a typo is reported at once
        return partial(export_project, self.project, fmt, output,
                       coder=self.coder_box.currentData(), status=self.status_box.currentData(),
                       skip_invalid=self.skip_invalid_box.isChecked(),
                       split=self.split_edit.text().strip() or None, seed=self.seed_box.value(),
                       overwrite=self.overwrite_box.isChecked())

    def describe(self, report: ExportReport) -> str:
        lines = [report.summary()]
        if report.written:
            lines.append(tr("transfer", "Files: {count}, with the dataset card and SHA256SUMS.")
                         .format(count=report.file_count))
        if report.problems:
            lines += ["", tr("transfer", "Problems:"), *report.problems]
            if report.left_out_count > len(report.left_out):
                lines.append(tr("transfer", "… and {count} more file(s)").format(
                    count=report.left_out_count - len(report.left_out)))
        return "\n".join(lines)


class ImportDialog(TransferDialog):
    """``annotator import-annotations``: brat, doccano, Label Studio, CoNLL or native JSONL."""

    UNIT = "records"  # a file's records (lines, tasks, .ann files), not project documents
    NOTHING = "nothing imported"

    def run_text(self) -> str:
        return tr("transfer", "Import")

    def __init__(self, project: Project, coder: str = "", parent: QWidget | None = None
                 ) -> None:
        super().__init__(project, parent)
        self._folder = str(project.root)  # where the file chooser opens
        self.setObjectName("importDialog")
        self.setWindowTitle(tr("transfer", "Import annotations into {project}").format(
            project=project.name))
        self.format_box = self._combo(
            "formatBox", [(format_entry(f), f.name) for f in import_formats()],
            tr("transfer", "The format of the files"))
        self.form.addRow(tr("transfer", "&Format:"), self.format_box)
        self.paths_list = QListWidget(self.options)
        self.paths_list.setObjectName("pathsList")
        self.paths_list.setToolTip(tr("transfer", "Files, or folders of files, to import"))
        self.paths_list.setMaximumHeight(90)
        paths_row = QWidget(self.options)
        box = QHBoxLayout(paths_row)
        box.setContentsMargins(0, 0, 0, 0)
        box.addWidget(self.paths_list, 1)
        side = QVBoxLayout()
        for text, slot in ((tr("transfer", "Add files…"), self._add_files),
                           (tr("transfer", "Add folder…"), self._add_folder),
                           (tr("transfer", "Remove"), self._remove_path)):
            button = QPushButton(text, paths_row)
            button.clicked.connect(slot)
            side.addWidget(button)
        side.addStretch(1)
        box.addLayout(side)
        self.form.addRow(tr("transfer", "F&iles:"), paths_row)
        self.coder_edit = QLineEdit(coder, self.options)
        self.coder_edit.setObjectName("coderEdit")
        self.coder_edit.setPlaceholderText(tr("transfer", "e.g. pre for pre-annotations; native "
                                                          "JSONL names its coders"))
        self.form.addRow(tr("transfer", "&Coder:"), self.coder_edit)
        self.status_box = self._combo("statusBox", [
            (tr("transfer", "(the format's default)"), None)] + [
            (status_name(s), s) for s in STATUSES])
        self.form.addRow(tr("transfer", "&Status:"), self.status_box)
        self.label_map_edit = QPlainTextEdit(self.options)
        self.label_map_edit.setObjectName("labelMapEdit")
        self.label_map_edit.setPlaceholderText(tr(
            "transfer", "One per line: PER=ACTOR, role:Agent=ATTACKER, field:Killed=fatalities"))
        self.label_map_edit.setMaximumHeight(70)
        self.form.addRow(tr("transfer", "&Label map:"), self.label_map_edit)
        self.options_edit = QLineEdit(self.options)
        self.options_edit.setObjectName("optionsEdit")
        self.options_edit.setPlaceholderText(tr("transfer", "format options, e.g. "
                                                            "offset_unit=utf16 text_key=body"))
        self.form.addRow(tr("transfer", "&Options:"), self.options_edit)
        self.skip_invalid_box = self._option_box("skipInvalidBox", tr(
            "transfer", "Import what is valid and leave out the problems (--skip-invalid)"))
        self.overwrite_box = self._option_box("overwriteBox", tr(
            "transfer", "Replace existing annotation sets of that coder (--overwrite)"))
        self.fill_button = QPushButton(tr("transfer", "Fill label map"), self)
        self.fill_button.setObjectName("fillLabelMapButton")
        self.fill_button.setToolTip(tr("transfer", "Add a line NAME= to the label map for every "
                                                   "name the last run did not know"))
        self.fill_button.setEnabled(False)
        self.fill_button.clicked.connect(self.fill_label_map)
        self.extra_buttons.insertWidget(1, self.fill_button)
        self.check_button = QPushButton(tr("transfer", "Check"), self)
        self.check_button.setObjectName("checkButton")
        self.check_button.setToolTip(tr("transfer", "A dry run: read everything, report, write "
                                                    "nothing"))
        self.check_button.clicked.connect(lambda: self.run(dry_run=True))
        self.extra_buttons.insertWidget(2, self.check_button)

    def fill_label_map(self) -> None:
        """Append ``NAME=`` for each unknown name of the last run not mapped yet."""
        if not isinstance(self.report, ImportReport):
            return
        text = self.label_map_edit.toPlainText()
        mapped = {line.partition("=")[0].strip() for line in text.splitlines()}
        new = [f"{name}=" for name in self.report.unknown_names() if name not in mapped]
        if new:
            lines = [line for line in text.splitlines() if line.strip()] + new
            self.label_map_edit.setPlainText("\n".join(lines))
            self.label_map_edit.setFocus()
            cursor = self.label_map_edit.textCursor()
            cursor.movePosition(cursor.MoveOperation.End)
            self.label_map_edit.setTextCursor(cursor)

    def add_path(self, path: str | Path) -> None:
        self.paths_list.addItem(str(path))

    def paths(self) -> list[Path]:
        return [Path(self.paths_list.item(i).text())
                for i in range(self.paths_list.count())]

    def _add_files(self) -> None:
        files, _ = QFileDialog.getOpenFileNames(self, tr("transfer", "Files to import"),
                                                self._folder)
        for f in files:
            self.add_path(f)
        if files:
            self._folder = str(Path(files[-1]).parent)

    def _add_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, tr("transfer", "Folder to import"),
                                                  self._folder)
        if folder:
            self.add_path(folder)
            self._folder = str(Path(folder).parent)

    def _remove_path(self) -> None:
        for item in self.paths_list.selectedItems():
            self.paths_list.takeItem(self.paths_list.row(item))

    def work(self) -> Callable[[Callable[[int, int], None], Callable[[], bool]], Any]:
        fmt = self.format_box.currentData()
        paths = self.paths()
        if not paths:
            raise AnnotatorError(tr("transfer", "Add the files (or folders) to import."))
        label_map = [line.strip() for line in self.label_map_edit.toPlainText().splitlines()
                     if line.strip()]
        options = {}
        for item in self.options_edit.text().split():
            key, sep, value = item.partition("=")
            if not sep or not key or not value:
                raise AnnotatorError(tr("transfer", "format option {option}: write it as "
                                                    "KEY=VALUE").format(option=repr(item)))
            options[key] = value
        return partial(import_annotations, self.project, fmt, paths,
                       coder=self.coder_edit.text().strip() or None, label_map=label_map,
                       status=self.status_box.currentData(), options=options,
                       skip_invalid=self.skip_invalid_box.isChecked(),
                       overwrite=self.overwrite_box.isChecked(), dry_run=self._dry_run)

    def describe(self, report: ImportReport) -> str:
        lines = [report.summary(hint=False)]
        unknown = report.unknown_names()
        self.fill_button.setEnabled(bool(unknown))
        if unknown:
            labels = ", ".join(lab.id for lab in self.project.codebook.span_labels)
            lines += ["", tr("transfer", "Names the codebook does not know: {names}.").format(
                names=", ".join(unknown)),
                tr("transfer", "'Fill label map' adds a line for each: write the codebook's "
                               "name after '=' (labels: {labels}).").format(labels=labels)]
        if report.problems:
            lines += ["", tr("transfer", "Problems:"), *report.problems]
            if report.problem_count > len(report.problems):
                lines.append(tr("transfer", "… and {count} more").format(
                    count=report.problem_count - len(report.problems)))
        return "\n".join(lines)


def _internal_error(exc: BaseException) -> str:
    """A bug, not the user's input: log the traceback and say where."""
    from annotator.gui.dialogs import logged_where

    where = logged_where(type(exc), exc, exc.__traceback__)
    return tr("transfer", "Something went wrong inside annotator (a bug): {error}\n\n{where}\n"
                          "Every file already written is whole: each write is atomic.").format(
        error=f"{type(exc).__name__}: {exc}", where=where)


class _DocumentTable(QTableWidget):
    """The documents the coders disagree on, a row each. Enter on a row is taken here (the
    dialog would press its default button, Compute) and reported like a double-click."""

    rowActivated = Signal(int)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.currentRow() >= 0:
            event.accept()
            self.rowActivated.emit(self.currentRow())
            return
        super().keyPressEvent(event)


class AgreementDialog(TransferDialog):
    """``annotator agreement``: every pair of the chosen coders and all of them at once, the
    figures as the command line prints them, and below them the documents the coders disagree
    on, the most disputed first (``agreement --by-document``). Double-click or Enter on a
    document emits ``documentChosen`` with its id, for the window to open it in adjudication."""

    documentChosen = Signal(str)

    def run_text(self) -> str:
        return tr("transfer", "Compute")

    def __init__(self, project: Project, parent: QWidget | None = None) -> None:
        super().__init__(project, parent)
        self.setObjectName("agreementDialog")
        self.setWindowTitle(tr("transfer", "Agreement between coders: {project}").format(
            project=project.name))
        self.resize(900, 700)
        self.coder_list = QListWidget(self.options)
        self.coder_list.setObjectName("coderList")
        self.coder_list.setToolTip(tr("transfer", "The coders to compare ({gold}, the "
                                                  "adjudicated sets, only when ticked)").format(
            gold=repr(GOLD)))
        for coder in project.coders():
            self.coder_list.addItem(coder)
            item = self.coder_list.item(self.coder_list.count() - 1)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked if coder == GOLD
                               else Qt.CheckState.Checked)
        self.coder_list.setMaximumHeight(110)
        self.form.addRow(tr("transfer", "&Coders:"), self.coder_list)
        self.status_box = self._combo("statusBox", [
            (status_name(s), s) for s in STATUSES] + [(any_choice(), None)],
            tr("transfer", "Compare the sets with this status (finished work: 'done')"))
        self.status_box.setCurrentIndex(STATUSES.index("done"))
        self.form.addRow(tr("transfer", "&Status:"), self.status_box)
        # Columns of figures line up only in a fixed-width font.
        self.result_view.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.result_view.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        self.result_view.setPlaceholderText(tr("transfer", "Choose two coders or more, then "
                                                           "Compute."))

        self.document_table = _DocumentTable(self)
        self.document_table.setObjectName("documentTable")
        headers = [tr("transfer", "Document"), tr("transfer", "Disputed"),
                   *(kind_title(kind) for kind in KINDS)]
        self.document_table.setColumnCount(len(headers))
        self.document_table.setHorizontalHeaderLabels(headers)
        self.document_table.setToolTip(tr(
            "transfer", "The documents the coders disagree on, the most disputed first (the "
                        "share of items in dispute), with how many disagreements of each kind. "
                        "Double-click or press Enter to choose one."))
        self.document_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.document_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.document_table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.document_table.verticalHeader().setVisible(False)
        self.document_table.horizontalHeader().setStretchLastSection(True)
        self.document_table.cellDoubleClicked.connect(self._on_document_table_cell_double_clicked)
        self.document_table.rowActivated.connect(self._on_document_table_row_activated)
        self.documents_label = QLabel(tr("transfer", "Documents the coders disagree on:"),
                                      self)
        self.documents_label.setTextFormat(Qt.TextFormat.PlainText)
        self.documents_label.setBuddy(self.document_table)
        below = QWidget(self)
        box = QVBoxLayout(below)
        box.setContentsMargins(0, 0, 0, 0)
        box.addWidget(self.documents_label)
        box.addWidget(self.document_table)
        # The figures above, the documents below, the lead choosing how much of each shows.
        layout = self.layout()
        assert isinstance(layout, QVBoxLayout)
        index = layout.indexOf(self.result_view)
        layout.removeWidget(self.result_view)
        splitter = QSplitter(Qt.Orientation.Vertical, self)
        splitter.addWidget(self.result_view)
        splitter.addWidget(below)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        layout.insertWidget(index, splitter, 1)

    def coders(self) -> list[str]:
        return [self.coder_list.item(i).text() for i in range(self.coder_list.count())
                if self.coder_list.item(i).checkState() == Qt.CheckState.Checked]

    def work(self) -> Callable[..., Any]:
        self._show_documents(None)  # the list of an earlier run is not this run's
        coders = self.coders()
        if len(coders) < 2:
            raise AnnotatorError(tr("transfer", "Choose two coders or more."))
        return partial(project_agreement, self.project, coders=coders,
                       status=self.status_box.currentData(), by_document=True)

    def describe(self, report: ProjectAgreement) -> str:
        parts = [report.group.describe(report.status),
                 *(describe_pair(pair, report.status) for pair in report.pairs)]
        if report.cancelled:
            parts.insert(0, tr("transfer", "Cancelled: the figures cover the documents read so "
                                           "far.") + "\n")
        if report.problems:
            parts += [tr("transfer", "Files left out of the figures (each has an error; "
                                     "annotator validate lists them all):"), *report.problems]
        return "\n".join(parts)

    def show_result(self, text: str) -> None:
        """The figures are the command line's, in English and in columns: left to right,
        whatever the interface's language (a line in Arabic keeps its own order)."""
        self.result_view.setPlainText(text)
        apply_text_direction(self.result_view, Qt.LayoutDirection.LeftToRight,
                             per_paragraph=True)

    def document_ids(self) -> list[str]:
        """The documents listed in the table, in its order."""
        return [self.document_table.item(row, 0).text()
                for row in range(self.document_table.rowCount())]

    def _on_runner_finished(self, result: object) -> None:
        super()._on_runner_finished(result)
        self._show_documents(self.report)

    def _show_documents(self, report: ProjectAgreement | None) -> None:
        table = self.document_table
        table.setRowCount(0)
        documents = report.documents if report is not None and report.documents else []
        table.setRowCount(len(documents))
        for row, doc in enumerate(documents):
            counts = doc.counts()
            cells = [doc.document, f"{doc.score:.2f}",
                     *(str(counts.get(kind, "")) for kind in KINDS)]
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)  # plain text: ids come from file names
                if column:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight
                                          | Qt.AlignmentFlag.AlignVCenter)
                table.setItem(row, column, item)
        table.resizeColumnsToContents()
        if report is None:
            self.documents_label.setText(tr("transfer", "Documents the coders disagree on:"))
        else:
            self.documents_label.setText(tr(
                "transfer", "Documents the coders disagree on: {count} of {compared} coded by "
                            "two of them or more, the most disputed first").format(
                count=len(documents), compared=report.compared))

    def _on_document_table_cell_double_clicked(self, row: int, _column: int) -> None:
        self._on_document_table_row_activated(row)

    def _on_document_table_row_activated(self, row: int) -> None:
        item = self.document_table.item(row, 0)
        if item is not None:
            self.documentChosen.emit(item.text())
