"""The Missing box: what validation still asks of the current event and the document.

Issues are told in the coder's words and named as the event panel names things ("Fill [2]
Actor 2", "Set Event date"), not as JSON paths.
"""

from __future__ import annotations

import re

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QGroupBox, QVBoxLayout, QWidget

from annotator.app.issue_words import issue_text, without_event
from annotator.app.issues import IssueTracker
from annotator.core.codebook import Codebook
from annotator.core.model import Event
from annotator.core.names import display_name
from annotator.core.session import AnnotationSession
from annotator.core.validation import ERROR, Issue
from annotator.gui.labels import plain_label, role_title
from annotator.i18n import tr

MISSING_LINES = 8  # document issues shown before "… and N more"

_EVENT_PATH = re.compile(r"^\$\.events\[\d+\](.*)$")


def plain_issue(issue: Issue, cb: Codebook, event: Event | None) -> str:
    """One line a coder understands: what to do, named as the panel names it."""
    m = _EVENT_PATH.match(issue.where)
    tail = m.group(1) if m else ""
    required = issue.message.endswith(" is required")
    if m and event is not None:
        if tail == ".subtype" and "choose a sub-type" in issue.message:
            return tr("missing", "Choose a sub-type")
        if tail == ".trigger" and "mark its trigger" in issue.message:
            return tr("missing", "Mark the trigger: the word that names the event")
        if tail.startswith(".roles.") and required:
            role = cb.role(tail[len(".roles."):])
            return tr("missing", "Fill {role}").format(
                role=role_title(role, False) if role else tail[7:])
        if tail.startswith(".fields.") and required:
            fd = cb.field_for(event.type, tail[len(".fields."):])
            return tr("missing", "Set {field}").format(
                field=display_name(fd, bilingual=True) if fd else tail[8:])
        text = without_event(cb, issue)
        return text[:1].upper() + text[1:]
    if issue.where.startswith("$.fields.") and required:
        fd = cb.document_field(issue.where[len("$.fields."):])
        return tr("missing", "Document: set {field}").format(
            field=display_name(fd, bilingual=True) if fd else issue.where[9:])
    text = issue_text(cb, issue)
    return text[:1].upper() + text[1:]


def _is_problem(issue: Issue) -> bool:
    """An error that is not just a requirement turned strict by the status 'done'."""
    return issue.severity == ERROR and not issue.message.endswith(" is required") \
        and "choose a sub-type" not in issue.message and "mark its trigger" not in issue.message


class MissingBox(QGroupBox):
    """The current event's issues, then the document's, then which other events have some."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(tr("missing", "Missing"), parent)
        self.setObjectName("missingBox")
        self.text_label = plain_label("", self)
        self.text_label.setObjectName("missingText")
        self.text_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        QVBoxLayout(self).addWidget(self.text_label)

    def text(self) -> str:
        """The lines as shown."""
        return self.text_label.text()

    def show_issues(self, session: AnnotationSession | None, tracker: IssueTracker | None,
                    event_id: str | None) -> None:
        """Show what ``tracker`` knows about ``session`` (hidden without one), the event
        ``event_id`` first."""
        if session is None:
            self.hide()
            return
        self.show()
        if tracker is None:
            return
        e = session.aset.event(event_id) if event_id is not None else None
        lines: list[str] = []
        if e is not None:
            for issue in tracker.of_event(e.id):
                lines.append(("⚠ " if _is_problem(issue) else "• ")
                             + plain_issue(issue, session.codebook, e))
        doc_issues = tracker.of_document()
        for issue in doc_issues[:MISSING_LINES]:
            lines.append(("⚠ " if _is_problem(issue) else "• ")
                         + plain_issue(issue, session.codebook, None))
        if len(doc_issues) > MISSING_LINES:
            lines.append(tr("missing", "… and {count} more about the document").format(
                count=len(doc_issues) - MISSING_LINES))
        others = []
        for ev in session.aset.events:
            if ev.id != event_id:
                n = len(tracker.of_event(ev.id))
                if n:
                    others.append(f"{ev.id} ({n})")
        if others:
            lines.append(tr("missing", "Other events with something missing: {events}").format(
                events=tr("list", ", ").join(others)))
        count = len(lines) - (1 if others else 0)
        if lines and session.aset.status == "done":  # what stops the document being done
            title = tr("missing", "Missing ({count}): needed before the document can be done") \
                if count else tr("missing", "Missing: needed before the document can be done")
        else:
            title = tr("missing", "Missing ({count})") if count else tr("missing", "Missing")
        self.setTitle(title.format(count=count))
        self.text_label.setText("\n".join(lines) if lines else tr("missing", "✓ Nothing missing"))
        self.text_label.setStyleSheet("" if lines else "color: #2e7d32;")
