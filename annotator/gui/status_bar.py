"""The window's status bar: coder, place in the project, validation summary and time spent.

Plain-text labels only, and plain tooltips (a coder, document or codebook name is never read as
HTML).
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QMainWindow, QStatusBar

from annotator.app.document import DocumentHandle
from annotator.core.validation import ERROR, TODO, WARNING, Issue
from annotator.gui.models import plain_tooltip

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

        self.coder = label("coderLabel", "Coder name (the folder your annotations go to)")
        self.position = label("positionLabel", "This document's place in the project")
        self.validation = label("validationLabel",
                                "Validation: what is missing or wrong (F8 goes there)")
        self.time = label("timeLabel", "Time spent coding this document")
        self.coder.setText(f"Coder: {coder}")

    def show_position(self, place: tuple[int, int] | None, done: int) -> None:
        self.position.setText(f"Document {place[0]}/{place[1]} · {done} done" if place else "")

    def show_time(self, seconds: float | None) -> None:
        if seconds is None:
            self.time.setText("")
            return
        h, rest = divmod(int(seconds), 3600)
        m, s = divmod(rest, 60)
        self.time.setText(f"Time {h}:{m:02d}:{s:02d}" if h else f"Time {m}:{s:02d}")

    def show_document_issues(self, handle: DocumentHandle | None) -> list[Issue]:
        """The open document's issues (none: no document); returns them."""
        if handle is None:
            self.show_issues(None, anything_coded=False)
            return []
        issues = handle.tracker.issues()
        aset = handle.session.aset
        self.show_issues(issues, anything_coded=bool(aset.events or aset.spans))
        return issues

    def show_issues(self, issues: list[Issue] | None, *, anything_coded: bool) -> None:
        """"2 errors · 3 missing · 1 warning", or a check mark when nothing is wrong."""
        label = self.validation
        if issues is None:
            label.setText("")
            return
        errors = sum(1 for i in issues if i.severity == ERROR)
        todo = sum(1 for i in issues if i.severity == TODO)
        warnings = sum(1 for i in issues if i.severity == WARNING)
        parts = []
        if errors:
            parts.append(f"{errors} error{'s' if errors != 1 else ''}")
        if todo:
            parts.append(f"{todo} missing")
        if not parts:
            parts.append("✓ complete" if anything_coded else "✓ nothing yet")
        if warnings:
            parts.append(f"{warnings} warning{'s' if warnings != 1 else ''}")
        label.setText(" · ".join(parts))
        color = "#c62828" if errors else ("#e65100" if todo else "#2e7d32")
        label.setStyleSheet(f"color: {color}")
        label.setToolTip(plain_tooltip("\n".join(i.message for i in issues[:VALIDATION_TIP_LINES])
                                       or "Nothing missing"))  # messages quote codebook names
