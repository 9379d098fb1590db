"""The coder's commands, without Qt: the sample article coded key by key gives exactly the
set the core's edits give, and each command refuses plainly when it cannot act."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "core"))
import sample_coding

from annotator.app import commands
from annotator.app.document import DocumentHandle
from annotator.app.state import CodingState
from annotator.core.model import Document
from annotator.storage.project import Project

VOLATILE = ("created", "modified", "time_spent_seconds")


class CommandCoder:
    """Codes the way a coder at the window does: select text, press a label key; select the
    trigger, press E, choose the type; pick each filler and press its role's key; fill the
    fields. Every step is a command on the state, nothing else."""

    def __init__(self, state: CodingState) -> None:
        self.state = state
        self.text = state.text

    def _ok(self, outcome: commands.Outcome) -> None:
        assert outcome.ok, outcome.message

    def span(self, label: str, words: str, anchor: str | None = None) -> str:
        start = self.text.index(anchor) if anchor else 0
        begin = self.text.index(words, start)
        self.state.set_selection(begin, begin + len(words))
        self._ok(commands.apply_label(self.state, label))
        assert self.state.selected_span is not None
        return self.state.selected_span

    def event(self, type_: str, subtype: str, trigger: str, roles: dict[str, list[str]],
              fields: dict[str, Any]) -> str:
        self.state.select_span(trigger)
        outcome = commands.new_event(self.state)
        self._ok(outcome)
        assert outcome.focus == "event_type"
        self._ok(commands.set_event_type(self.state, type_, subtype))
        for role, ids in roles.items():
            for sid in ids:
                self.state.select_span(sid)
                self._ok(commands.fill_role(self.state, role))
        for fid, value in fields.items():
            self._ok(commands.set_field(self.state, fid, value))
        event_id = self.state.current_event_id()
        assert event_id is not None
        return event_id

    def document_field(self, field_id: str, value: Any) -> None:
        self._ok(commands.set_document_field(self.state, field_id, value))

    def status(self, status: str) -> None:
        self._ok(commands.set_status(self.state, status))


@pytest.fixture
def project(tmp_path: Path) -> Project:
    project = Project.init(tmp_path / "p")
    text = sample_coding.sample_article_path().read_text(encoding="utf-8")
    project.add_documents([Document(sample_coding.DOCUMENT_ID, text)])
    return project


def _content(data: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in data.items() if k not in VOLATILE}


def test_the_sample_article_coded_through_commands_alone(project: Project) -> None:
    handle = DocumentHandle.open(project, sample_coding.DOCUMENT_ID, sample_coding.CODER)
    state = CodingState(project.codebook)
    state.open(handle)
    state.snap_to_words = False  # exact selections (Ctrl+W), as the hand coding leaves out
    events = sample_coding.code_sample_article(handle.session, CommandCoder(state))
    assert len(events) == 10
    reference = sample_coding.coded_sample_session()
    assert _content(handle.session.aset.to_dict()) == _content(reference.aset.to_dict())
    assert handle.tracker.strict_problems() == []
    result = handle.save()
    assert result.status == "done" and not handle.dirty
    again = DocumentHandle.open(project, sample_coding.DOCUMENT_ID, sample_coding.CODER,
                                lock=False)
    assert _content(again.session.aset.to_dict()) == _content(reference.aset.to_dict())
    handle.close()


def test_each_command_is_one_undo_step_and_undo_returns_to_the_start(project: Project) -> None:
    handle = DocumentHandle.open(project, sample_coding.DOCUMENT_ID, "c")
    state = CodingState(project.codebook)
    state.open(handle)
    start = handle.session.aset.to_dict()
    text = state.text
    i = text.index("هجوماً")
    state.set_selection(i + 2, i + 3)  # inside the word: snapped to the whole word
    assert commands.new_event(state).ok
    assert handle.history.count() == 1  # the trigger span and the event: one step
    trigger = handle.session.aset.span(handle.session.aset.events[0].trigger)
    assert trigger is not None and trigger.text == "هجوماً"
    j = text.index("لتنظيم داعش")
    state.set_selection(j, j + len("لتنظيم داعش"))
    assert commands.trim_proclitic(state).ok  # X: the ل left out of the selection
    assert state.snapped_selection() == (j + 1, j + len("لتنظيم داعش"))
    assert commands.fill_role(state, "actor1").ok
    assert handle.history.count() == 2
    while handle.history.undo():
        pass
    assert _content(handle.session.aset.to_dict()) == _content(start)
    handle.close()


def test_commands_refuse_plainly_when_they_cannot_act(project: Project) -> None:
    state = CodingState(project.codebook)
    assert commands.apply_label(state, "ACTOR").refusal == "no document"
    handle = DocumentHandle.open(project, sample_coding.DOCUMENT_ID, "c")
    state.open(handle)
    outcome = commands.apply_label(state, "ACTOR")
    assert not outcome.ok and outcome.message.startswith("Select some text first")
    assert commands.fill_role(state, "actor1").message.startswith("No current event")
    assert commands.delete_span(state).refusal == "nothing selected"
    assert commands.step_event(state, 1).message.startswith("No events yet")
    text = state.text
    i = text.index("بعض الأشخاص")
    state.set_selection(i, i + len("بعض"))
    # A label the codebook lacks: refused by the edit's own check, nothing changes.
    outcome = commands.apply_label(state, "GHOST")
    assert outcome.refusal == "unknown label 'GHOST'" and not handle.session.aset.spans
    handle.close()


def test_a_read_only_document_refuses_every_edit(project: Project) -> None:
    first = DocumentHandle.open(project, sample_coding.DOCUMENT_ID, "c")
    second = DocumentHandle.open(project, sample_coding.DOCUMENT_ID, "c")
    assert not first.read_only and second.read_only.startswith("Read-only:")
    state = CodingState(project.codebook)
    state.open(second)
    text = state.text
    i = text.index("هجوماً")
    state.set_selection(i, i + len("هجوماً"))
    outcome = commands.apply_label(state, "TRIGGER")
    assert outcome.refusal == second.read_only and not second.session.aset.spans
    second.close()
    first.close()


def test_a_file_that_cannot_be_locked_opens_read_only_in_plain_words(project: Project,
                                                                     monkeypatch) -> None:
    """Not a raw "[Errno 13] Permission denied": the notice says why in words."""
    import errno

    from annotator.storage.lock import FileLock

    def refuse(self):  # type: ignore[no-untyped-def]
        raise PermissionError(errno.EACCES, "Permission denied", str(self.path))

    monkeypatch.setattr(FileLock, "acquire", refuse)
    handle = DocumentHandle.open(project, sample_coding.DOCUMENT_ID, "c")
    assert handle.read_only.startswith("Read-only: the file cannot be locked")
    assert "[Errno" not in handle.read_only and "[Errno" not in handle.notices.lock
    assert "permission denied" in handle.notices.lock
