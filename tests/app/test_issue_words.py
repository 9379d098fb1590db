"""The core's messages in the interface's language, without Qt: the shapes a coder meets are
reworded with the codebook's Arabic names, anything else is shown as written, and the messages
themselves (what the command line prints and files keep) stay English."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from annotator import i18n
from annotator.app.issue_words import issue_text, message_text, without_event
from annotator.core.validation import TODO, Issue
from annotator.formats.export.report import ExportReport
from annotator.storage.project import load_default_codebook

CB = load_default_codebook()


@pytest.fixture
def arabic() -> Iterator[None]:
    i18n.set_language("ar")
    yield
    i18n.set_language("en")


@pytest.mark.parametrize(("message", "said"), [
    ("event e1 (Battles): choose a sub-type", "الحدث e1 (معارك): اختر نوعًا فرعيًا"),
    ("event e2 (Protests): mark its trigger", "الحدث e2 (احتجاجات): حدّد مُطلِقه"),
    ("event e1 (Battles): role Actor 1 is required", "الحدث e1 (معارك): الدور الفاعل الأول مطلوب"),
    ("event e1 (Battles): field Fatalities is required",
     "الحدث e1 (معارك): الحقل عدد القتلى مطلوب"),
    ("document field 'Relevance' is required", "حقل المستند الصلة مطلوب"),
    ("event e1 (Battles): Actor 1 must be a span labelled Actor or Person or people; span s3 "
     "is Place", "الحدث e1 (معارك): يجب أن يكون الفاعل الأول مقطعًا موسومًا جهة فاعلة أو شخص أو "
                 "أشخاص؛ والمقطع s3 موسوم مكان"),
    ("span s4 already fills Actor 1", "المقطع s4 يملأ الفاعل الأول أصلًا"),
    ("span s2 is used in event e1: the trigger must be labelled Event trigger, not Place",
     "المقطع s2 مستخدم في الحدث e1: يجب أن يكون المُطلِق موسومًا كلمة الحدث، لا مكان"),
    ("span s9 duplicates span s2 (same range and label)",
     "المقطع s9 مكرّر للمقطع s2 (المدى نفسه والوسم نفسه)"),
    ("event e1 (Battles): Event date: precision 'day' needs a full date",
     "الحدث e1 (معارك): تاريخ الحدث: الدقة «يوم» تحتاج إلى تاريخ كامل"),
    ("an annotation file must hold a JSON object", "an annotation file must hold a JSON object"),
])
def test_the_common_shapes_are_reworded_in_arabic(arabic, message: str, said: str) -> None:  # type: ignore[no-untyped-def]
    assert message_text(CB, message) == said


def test_english_is_left_as_the_core_wrote_it() -> None:
    issue = Issue(TODO, "$.events[0].roles.actor1", "event e1 (Battles): role Actor 1 is required")
    assert issue_text(CB, issue) == issue.message
    assert without_event(CB, issue) == "role Actor 1 is required"


def test_an_issue_under_its_event_leaves_the_event_out(arabic) -> None:  # type: ignore[no-untyped-def]
    issue = Issue(TODO, "$.events[0].subtype", "event e1 (Battles): choose a sub-type")
    assert without_event(CB, issue) == "اختر نوعًا فرعيًا"


def test_a_run_summary_follows_the_language_and_the_command_line_keeps_english(arabic) -> None:  # type: ignore[no-untyped-def]
    report = ExportReport(format="jsonl", output=Path("/tmp/out"), written=True, annotation_sets=3,
                          documents=1, spans=177, events=25)
    assert report.summary().startswith("صُدِّرت مجموعات التوسيم: 3، من المستندات: 1 ")
    i18n.set_language("en")
    assert report.summary() == ("Exported 3 annotation set(s) of 1 document(s) (177 spans, 25 "
                                "events) as jsonl to /tmp/out.")
