"""The issue tracker gives what validating the whole set gives, after any sequence of edits,
undos and redos, while checking only what each edit touched."""

from __future__ import annotations

import sys
from pathlib import Path

from hypothesis import HealthCheck, settings
from hypothesis.stateful import invariant

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "core"))
from sample_coding import coded_sample_session, new_session
from test_edits import EditSequences

from annotator.app.issues import IssueTracker
from annotator.core.edits import AddSpan, RemoveSpan, SetStatus
from annotator.core.session import History
from annotator.core.validation import ERROR, TODO, semantic_issues


def _full(session) -> list:
    return semantic_issues(session.aset.to_dict(), document=session.document,
                           codebook=session.codebook)


class TrackedEditSequences(EditSequences):
    """The edit sequences of the core's tests, with a tracker following the session from the
    first invariant check (right after the set is made) to the end."""

    @invariant()
    def tracker_agrees_with_full_validation(self):
        tracker = getattr(self, "tracker", None)
        if tracker is None or tracker.session is not self.session:
            self.tracker = tracker = IssueTracker(self.session)
        assert tracker.issues() == _full(self.session)


TestTrackedEditSequences = TrackedEditSequences.TestCase
TestTrackedEditSequences.settings = settings(
    max_examples=60, stateful_step_count=25, deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much])


def test_the_coded_sample_article_has_the_same_issues_either_way():
    session = coded_sample_session()
    tracker = IssueTracker(session)
    assert tracker.issues() == _full(session)
    history = History(session)
    history.push(SetStatus("in_progress"))
    assert tracker.issues() == _full(session)


def test_an_edit_rechecks_only_what_it_touched(monkeypatch):
    session = coded_sample_session()
    tracker = IssueTracker(session)
    import annotator.app.issues as issues_module

    checked: list[str] = []
    real = issues_module.span_issues
    monkeypatch.setattr(issues_module, "span_issues",
                        lambda i, s, *a: checked.append(s["id"]) or real(i, s, *a))
    real_events = issues_module.event_issues
    monkeypatch.setattr(issues_module, "event_issues",
                        lambda i, e, *a: checked.append(e["id"]) or real_events(i, e, *a))
    history = History(session)
    text = session.document.text
    start = text.index("الضباب")
    history.push(AddSpan(start, start + len("الضباب"), "ACTOR", span_id="new1"))
    assert checked == ["new1"]
    checked.clear()
    used = next(s.id for s in session.aset.spans if session.aset.uses_of_span(s.id))
    users = {e for e, _ in session.aset.uses_of_span(used)}
    history.push(RemoveSpan(used))
    assert set(checked) == users  # the events that used it, nothing else
    assert tracker.issues() == _full(session)


def test_strict_problems_count_missing_things_as_errors():
    session = new_session("قتل ثلاثة في ريف البوكمال")
    history = History(session)
    history.push(AddSpan(0, 3, "TRIGGER", span_id="t1"))
    from annotator.core.edits import CreateEvent

    history.push(CreateEvent("battles", None, "t1", event_id="e1"))
    tracker = IssueTracker(session)
    todo = [i for i in tracker.issues() if i.severity == TODO]
    assert todo and all(i.severity == ERROR for i in tracker.strict_problems())
    assert len(tracker.strict_problems()) == len([i for i in tracker.issues()
                                                   if i.severity in (TODO, ERROR)])
    tracker.close()
    assert len(session.changed) == 0
