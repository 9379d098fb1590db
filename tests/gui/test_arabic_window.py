"""The window in Arabic, driven by real keys: status messages, the Missing box, the event
panel's names, the adjudication panel, the find bar, the project search and the document list
speak Arabic and name codebook things by their Arabic names; the same window in English still
speaks English; every translation keeps its source's ``{fields}``."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel
from window_support import sample_project, select_text, type_text

from annotator import i18n
from annotator.core.names import display_name
from annotator.gui import translation
from annotator.gui.field_form import FieldForm
from annotator.gui.main_window import MainWindow

# Limits of the offscreen platform plugin, not of the window.
pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints",
                                       "This plugin does not support raise")
CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier
_FIELD = re.compile(r"\{(\w*)[^{}]*\}")


@pytest.fixture
def arabic(qapp):  # type: ignore[no-untyped-def]
    """The interface in Arabic while the test runs, in English again after it."""
    translation.install(qapp, "ar")
    yield "ar"
    translation.install(qapp, "en")


@pytest.fixture
def english(qapp):  # type: ignore[no-untyped-def]
    translation.install(qapp, "en")
    yield "en"


def messages_of(window: MainWindow) -> list[str]:
    seen: list[str] = []
    window.message.connect(seen.append)
    return seen


def test_every_translation_keeps_the_fields_of_its_source() -> None:
    """A translation that drops or renames a ``{field}`` would raise when formatted."""
    wrong = [f"[{context}] {source!r} -> {text!r}"
             for (context, source), text in i18n.read_ts(i18n.ts_path("ar")).items()
             if sorted(_FIELD.findall(source)) != sorted(_FIELD.findall(text))]
    assert wrong == []


def test_codebook_names_follow_the_language(english, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    role = sample_project(tmp_path).codebook.role("actor1")
    assert display_name(role) == "Actor 1"
    assert display_name(role, bilingual=True) == "Actor 1 · الفاعل الأول"
    i18n.set_language("ar")
    try:
        assert display_name(role) == display_name(role, bilingual=True) == "الفاعل الأول"
    finally:
        i18n.set_language("en")


def test_field_labels_show_the_arabic_name_alone(qtbot, arabic, tmp_path) -> None:  # type: ignore[no-untyped-def]
    form = FieldForm()
    qtbot.addWidget(form)
    form.build(sample_project(tmp_path).codebook.document_fields)
    texts = {fid: label.text().replace("\u00a0", " ") for fid, label in form.labels.items()}
    assert texts["relevance"] == "الصلة *" and texts["publication_date"] == "تاريخ النشر"
    form.mark_required({"publication_date"})
    assert form.labels["publication_date"].text().replace("\u00a0", " ") == "تاريخ النشر *"


def test_status_messages_and_the_missing_box_in_arabic(qtbot, arabic, tmp_path,  # type: ignore[no-untyped-def]
                                                        window_opener) -> None:
    window = window_opener(sample_project(tmp_path))
    assert window.layoutDirection() == Qt.LayoutDirection.RightToLeft
    seen = messages_of(window)
    view, panel = window.document_view, window.event_panel
    select_text(window, "هجوماً")
    qtbot.keyClick(view, Qt.Key.Key_E)  # a new event: its roles and fields are missing
    panel.refresh_missing()
    missing = panel.missing_text()
    assert "• املأ [1] الفاعل الأول" in missing and "• المستند: املأ الصلة" in missing
    assert "Actor" not in missing and "Fill" not in missing
    assert panel.missing_box.title().startswith("النواقص (")
    assert panel.list_title.text() == "الأحداث"
    shown = [label.text().replace("\u00a0", " ") for label in panel.findChildren(QLabel)]
    assert "[1] الفاعل الأول *" in shown and "[1] Actor 1 · الفاعل الأول *" not in shown
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_S, CTRL)
    assert seen[-1] == "حُفظ sample-article · ما زال ناقصًا: " + seen[-1].rsplit(" ", 1)[-1]
    qtbot.keyClick(view, Qt.Key.Key_Z, CTRL)
    assert seen[-1].startswith("تم التراجع عن: ")
    qtbot.keyClick(view, Qt.Key.Key_PageDown, CTRL)  # the sample has one document
    assert seen[-1] == "هذا آخر مستند"
    qtbot.keyClick(view, Qt.Key.Key_Return, CTRL)  # mark done: refused, what is missing said
    assert seen[-1].startswith("لم يُنجز بعد: ")
    docs = window.document_list
    assert [docs.filter_combo.itemText(i) for i in range(docs.filter_combo.count())] == \
        ["الكل", "لم يبدأ", "قيد العمل", "منجز", "متخطّى"]
    assert docs.progress.text() == "المنجز 0 من 1"
    assert window.span_table.count_label.text().startswith("المقاطع: ")
    window.grab().save(str(tmp_path / "arabic-window.png"))


def test_adjudication_in_arabic(qtbot, arabic, tmp_path, window_opener) -> None:  # type: ignore[no-untyped-def]
    window = window_opener(sample_project(tmp_path), coder="lead")
    seen = messages_of(window)
    qtbot.keyClick(window.document_view, Qt.Key.Key_A, CTRL | SHIFT)
    panel = window.adjudicator.panel
    assert panel.heading.text() == "تحكيم sample-article: الخلافات المفتوحة 7 من أصل 10"
    titles = [panel.list.item(i).text() for i in range(panel.list.count())]
    assert titles[0].startswith("i1 · مقطع «") and titles[0].endswith(" · مقبول A")
    assert titles[1].startswith("i2 · حدث معارك «") and titles[1].endswith(" · مفتوح")
    assert "i5 · نوع الفاعل الثاني · مفتوح" in titles  # a field, by its Arabic name
    assert panel.version_texts()["demo"].startswith("الفاعل الأول: «")  # i2, the first open
    assert seen[-1].startswith("تحكيم sample-article: الخلافات المفتوحة 7 · ")
    qtbot.keyClick(panel.list, Qt.Key.Key_R)
    assert seen[-1] == "حُسم · المفتوح: 6"
    assert panel.heading.text() == "تحكيم sample-article: الخلافات المفتوحة 6 من أصل 10"


def test_find_bar_and_project_search_in_arabic(qtbot, arabic, tmp_path,  # type: ignore[no-untyped-def]
                                               window_opener) -> None:
    window = window_opener(sample_project(tmp_path))
    bar = window.find_bar
    qtbot.keyClick(window.document_view, Qt.Key.Key_F, CTRL)
    type_text(bar.query, "احد")
    assert bar.count.text() == "1 من 2"
    assert bar.whole_words.text() == "كلمات كاملة"
    type_text(bar.query, "ززز")
    assert bar.count.text() == "لا تطابق"
    qtbot.keyClick(bar.query, Qt.Key.Key_Escape)
    dialog = window.project_search.show()
    assert dialog.model.headerData(2, Qt.Orientation.Horizontal) == "التطابق"
    labels = [dialog.label.itemText(i) for i in range(dialog.label.count())]
    assert labels[:3] == ["(أيّ)", "كلمة الحدث", "جهة فاعلة"]  # Arabic names alone
    type_text(dialog.query, "قوات")
    with qtbot.waitSignal(dialog.searched):
        qtbot.keyClick(dialog.query, Qt.Key.Key_Return)
    assert re.fullmatch(r"التطابقات: \d+ في مستند واحد\. يفتح .*", dialog.status.text())
    dialog.close()


def test_the_same_window_in_english_speaks_english(qtbot, english, tmp_path,  # type: ignore[no-untyped-def]
                                                    window_opener) -> None:
    window = window_opener(sample_project(tmp_path), coder="lead")
    assert window.layoutDirection() == Qt.LayoutDirection.LeftToRight
    seen = messages_of(window)
    panel = window.event_panel
    panel.refresh_missing()
    assert panel.missing_box.title() == "Missing (1)"
    assert panel.missing_text() == "• Document: set Relevance · الصلة"
    assert window.document_list.progress.text() == "0 / 1 done"
    qtbot.keyClick(window.document_view, Qt.Key.Key_F, CTRL)
    type_text(window.find_bar.query, "احد")
    assert window.find_bar.count.text() == "1 of 2"
    qtbot.keyClick(window.find_bar.query, Qt.Key.Key_Escape)
    qtbot.keyClick(window.document_view, Qt.Key.Key_A, CTRL | SHIFT)
    heading = window.adjudicator.panel.heading.text()
    assert heading == "Adjudication of sample-article: 7 open of 10 disagreements"
    assert seen[-1].startswith("Adjudicating sample-article: 7 open disagreements · ")
    labels = window.project_search.show().label
    assert labels.itemText(2) == "Actor (force, group, organisation) · جهة فاعلة"
    window.project_search.close()
