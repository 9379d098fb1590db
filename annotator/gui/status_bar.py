"""The window's status bar: coder, place in the project, validation summary and time spent.

Plain-text labels only, and plain tooltips (a coder, document or codebook name is never read as
HTML).
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QMainWindow, QStatusBar

from annotator.app.document import DocumentHandle
from annotator.app.issue_words import issue_text
from annotator.core.codebook import Codebook
from annotator.core.validation import ERROR, TODO, WARNING, Issue
from annotator.gui.models import plain_tooltip
from annotator.i18n import tr

VALIDATION_TIP_LINES = 15


class StatusLabels:
    """The permanent labels of a window's status bar."""

    def __init__(self, window: QMainWindow, coder: str) -> None:
        bar: QStatusBar = window.statusBar()
        bar.setObjectName("statusBar")

        def label(name: str, tip: str) -> QLabel:
            widget = QLabel(window)
            widget.setObjectName(name)
            widget.setTextFormat(Qt.TextFormat.PlainText)
            widget.setToolTip(tip)
            widget.setContentsMargins(8, 0, 8, 0)
            bar.addPermanentWidget(widget)
            return widget

        self.coder = label("coderLabel",
                           tr("status", "Coder name (the folder your annotations go to)"))
        self.position = label("positionLabel", tr("status", "This document's place in the project"))
        self.validation = label("validationLabel", tr(
            "status", "Validation: what is missing or wrong (F8 goes there)"))
        self.time = label("timeLabel", tr("status", "Time spent coding this document"))
        self.coder.setText(tr("status", "Coder: {coder}").format(coder=coder))

    def show_position(self, place: tuple[int, int] | None, done: int) -> None:
        self.position.setText(tr("status", "Document {number}/{total} · {done} done").format(
            number=place[0], total=place[1], done=done) if place else "")

    def show_time(self, seconds: float | None) -> None:
        if seconds is None:
            self.time.setText("")
            return
        h, rest = divmod(int(seconds), 3600)
        m, s = divmod(rest, 60)
        clock = f"{h}:{m:02d}:{s:02d}" if h else f"{m}:{s:02d}"
        self.time.setText(tr("status", "Time {clock}").format(clock=clock))

    def show_document_issues(self, handle: DocumentHandle | None) -> list[Issue]:
        """The open document's issues (none: no document); returns them."""
        if handle is None:
            self.show_issues(None, anything_coded=False)
            return []
        issues = handle.tracker.issues()
        aset = handle.session.aset
        self.show_issues(issues, anything_coded=bool(aset.events or aset.spans),
                         codebook=handle.session.codebook)
        return issues

    def show_issues(self, issues: list[Issue] | None, *, anything_coded: bool,
                    codebook: Codebook | None = None) -> None:
        """"2 errors · 3 missing · 1 warning", or a check mark when nothing is wrong; the
        tooltip lists the first issues (their codebook names from ``codebook``)."""
        label = self.validation
        if issues is None:
            label.setText("")
            return
        errors = sum(1 for i in issues if i.severity == ERROR)
        todo = sum(1 for i in issues if i.severity == TODO)
        warnings = sum(1 for i in issues if i.severity == WARNING)
        parts = []
        if errors:
            parts.append(tr("status", "1 error") if errors == 1 else
                         tr("status", "{count} errors").format(count=errors))
        if todo:
            parts.append(tr("status", "{count} missing").format(count=todo))
        if not parts:
            parts.append(tr("status", "✓ complete") if anything_coded
                         else tr("status", "✓ nothing yet"))
        if warnings:
            parts.append(tr("status", "1 warning") if warnings == 1 else
                         tr("status", "{count} warnings").format(count=warnings))
        label.setText(" · ".join(parts))
        color = "#c62828" if errors else ("#e65100" if todo else "#2e7d32")
        label.setStyleSheet(f"color: {color}")
        lines = [issue_text(codebook, i) for i in issues[:VALIDATION_TIP_LINES]]
        label.setToolTip(plain_tooltip("\n".join(lines) or tr("status", "Nothing missing")))
