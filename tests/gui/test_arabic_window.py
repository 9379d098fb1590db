"""The window in Arabic, driven by real keys: status messages, the Missing box, the event
panel's names, the adjudication panel, the find bar, the project search, the document list, the
label toolbar, the event editor, the span table, the status bar, the field editors, the undo
texts and the run dialogs speak Arabic and name codebook things by their Arabic names; the same
window in English still speaks English; every translation keeps its source's ``{fields}``."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QLabel, QMessageBox, QStyle, QToolBar, QToolButton
from window_support import sample_project, select_text, type_text

from annotator import i18n
from annotator.app.issue_words import message_text
from annotator.core.names import display_name, quote
from annotator.core.validation import ERROR, TODO, Issue
from annotator.gui import translation
from annotator.gui.dialogs import Asker
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


# -- every area of the window, in Arabic and (unchanged) in English ------------------------------
def labels_toolbar(window: MainWindow) -> QToolBar:
    return window.findChild(QToolBar, "labelsToolBar")


def test_coding_an_event_in_arabic(qtbot, arabic, tmp_path, window_opener) -> None:  # type: ignore[no-untyped-def]
    """Toolbar, command messages, undo text, event list, event editor, the selected span's
    hint and the span table, as a coder codes one event with real keys."""
    window = window_opener(sample_project(tmp_path))
    seen = messages_of(window)
    view, panel = window.document_view, window.event_panel
    buttons = [a.iconText() for a in labels_toolbar(window).actions()]
    assert buttons[:3] == ["كلمة الحدث  T", "جهة فاعلة  A", "شخص أو أشخاص  P"]
    assert labels_toolbar(window).windowTitle() == "الوسوم"
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_A)  # nothing selected
    assert seen[-1] == "حدّد نصًا أولًا (بالسحب أو النقر المزدوج أو Shift مع الأسهم)"
    select_text(window, "هجوماً")
    qtbot.keyClick(view, Qt.Key.Key_E)
    assert seen[-1] == "حدث جديد e1: اختر نوعه ونوعه الفرعي"
    row = panel.events_model.index(0, 0).data()
    assert re.fullmatch(r"e1 · معارك · ناقص: \d+", row), row
    editor = panel.event_box
    assert editor.title() == "الحدث e1"
    assert (editor.subtype_label.text(), editor.trigger_label.text()) == \
        ("النوع الفرعي *", "المُطلِق *")
    assert editor.type_combo.currentText() == "معارك"
    assert [editor.subtype_combo.itemText(i) for i in range(1, 4)] == [
        "استعادة الحكومة لأراضٍ", "سيطرة فاعل غير حكومي على أراضٍ", "اشتباك مسلح"]
    shown = {label.text() for label in editor.findChildren(QLabel)}
    assert {"الأدوار", "الحقول", "النوع *"} <= shown
    assert not any("Roles" in text or "Trigger" in text for text in shown)
    select_text(window, "قوات النظام")
    qtbot.keyClick(view, Qt.Key.Key_A)
    assert seen[-1] == f"جهة فاعلة: {quote('قوات النظام')}"
    assert window.action_map["undo"].text() == \
        f"&تراجع عن وسم {quote('قوات النظام')}: جهة فاعلة"
    assert editor.available_label.text() == \
        f"المقطع المحدَّد: {quote('قوات النظام', 40)} (جهة فاعلة)؛ «+ إضافة» يضعه في دور"
    assert editor.findChild(QToolButton, "add_actor1").text() == "+ إضافة"
    qtbot.keyClick(view, Qt.Key.Key_1)
    assert seen[-1] == f"e1 الفاعل الأول ← {quote('قوات النظام')}"
    model = window.span_table.model
    assert [model.headerData(c, Qt.Orientation.Horizontal) for c in range(5)] == \
        ["الوسم", "النص", "البداية", "النهاية", "مستخدم في"]
    rows = {model.index(r, 1).data(): (model.index(r, 0).data(), model.index(r, 4).data())
            for r in range(model.rowCount())}
    assert rows["قوات النظام"] == ("جهة فاعلة", "e1 الفاعل الأول")
    assert rows["هجوماً"] == ("كلمة الحدث", "e1 المُطلِق")
    qtbot.keyClick(view, Qt.Key.Key_Z, CTRL)
    assert seen[-1] == f"تم التراجع عن: e1 الفاعل الأول ← {quote('قوات النظام')}"
    select_text(window, "بلدة الجلاء")
    qtbot.keyClick(view, Qt.Key.Key_L)
    place = window.state.selected_span_id()
    window.select_span(place)
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_1)  # a place cannot be Actor 1: refused, in Arabic
    assert seen[-1] == ("لم يُنفَّذ: يجب أن يكون الفاعل الأول مقطعًا موسومًا جهة فاعلة أو "
                        f"شخص أو أشخاص؛ والمقطع {place} موسوم مكان"), seen[-1]
    window.grab().save(str(tmp_path / "arabic-event.png"))


def test_the_span_filter_finds_arabic_and_english_label_names(qtbot, arabic, tmp_path,  # type: ignore[no-untyped-def]
                                                              window_opener) -> None:
    window = window_opener(sample_project(tmp_path), coder="demo")
    table = window.span_table
    for query in ("جهة فاعلة", "جهه فاعله", "actor"):  # folded: ة/ه alike
        table.filter.clear()
        type_text(table.filter, query)
        labels = {table.proxy.index(r, 0).data() for r in range(table.proxy.rowCount())}
        assert labels == {"جهة فاعلة"}, query


def test_the_status_bar_and_the_event_list_in_arabic(qtbot, arabic, tmp_path,  # type: ignore[no-untyped-def]
                                                     window_opener) -> None:
    window = window_opener(sample_project(tmp_path), coder="demo")
    status = window.status
    assert status.coder.text() == "المرمّز: demo"
    assert status.position.text() == "المستند 1 من 1 · المنجز: 1"
    assert status.validation.text() == "✓ مكتمل"
    assert status.time.text().startswith("الوقت ")
    assert status.validation.toolTip() == "<p>لا شيء ناقص</p>"
    status.show_issues([Issue(TODO, "$.events[0].roles.actor1",
                              "event e1 (Battles): role Actor 1 is required", "e1")] * 2
                       + [Issue(ERROR, "$.spans[0]", "span s1: unknown label 'GHOST'", "s1")],
                       anything_coded=True, codebook=window.codebook)
    assert status.validation.text() == "خطأ واحد · ناقص: 2"
    assert "الحدث e1 (معارك): الدور الفاعل الأول مطلوب" in status.validation.toolTip()
    model = window.event_panel.events_model
    assert model.index(0, 0).data() == "e1 · معارك / اشتباك مسلح · ✓ مكتمل"
    assert model.index(0, 0).data(Qt.ItemDataRole.ToolTipRole) == \
        "<p>e1 · معارك / اشتباك مسلح<br>لا شيء ناقص</p>"
    docs = window.document_list.model
    assert [docs.headerData(c, Qt.Orientation.Horizontal) for c in range(2)] == \
        ["الحالة", "العنوان"]
    assert docs.index(0, 0).data() == "● منجز"


def test_field_editors_in_arabic(qtbot, arabic, tmp_path) -> None:  # type: ignore[no-untyped-def]
    cb = sample_project(tmp_path).codebook
    form = FieldForm()
    qtbot.addWidget(form)
    form.build(cb.fields_for("battles"))
    count = form.editors["fatalities"]
    assert [count.qualifier.itemText(i) for i in range(1, 4)] == ["بالضبط", "على الأقل", "أكثر من"]
    date = form.editors["event_date"]
    assert [date.precision.itemText(i) for i in range(4)] == ["يوم", "أسبوع", "شهر", "سنة"]
    date.edit.setText("2021-01")
    assert date.problem_text() == "الدقة «يوم» تحتاج إلى تاريخ كامل (أو اجعل الدقة «شهر»)"
    assert form.editors["civilian_targeting"].check.text() == "نعم"
    polarity = form.editors["polarity"].combo
    assert polarity.itemText(2) == "منفي"


def test_dialogs_in_arabic(qtbot, arabic, tmp_path, window_opener) -> None:  # type: ignore[no-untyped-def]
    window = window_opener(sample_project(tmp_path), coder="demo")
    dialog = window.dialogs.export()
    assert dialog.windowTitle() == "تصدير Sample project"
    assert dialog.run_button.text() == "تصدير" and dialog.close_button.text() == "إغلاق"
    assert dialog.status_box.itemText(3) == "منجز"
    dialog.output_edit.setText(str(tmp_path / "out"))
    with qtbot.waitSignal(dialog.runner.finished):
        qtbot.mouseClick(dialog.run_button, Qt.MouseButton.LeftButton)
    dialog.wait()
    assert dialog.progress_bar.format() == "تم"
    text = dialog.result_view.toPlainText()
    assert text.startswith("صُدِّرت مجموعات التوسيم: 3، من المستندات: 1 (المقاطع: ")
    assert dialog.result_view.layoutDirection() == Qt.LayoutDirection.RightToLeft
    dialog.close()
    dialog = window.dialogs.agreement()
    with qtbot.waitSignal(dialog.runner.finished):
        qtbot.mouseClick(dialog.run_button, Qt.MouseButton.LeftButton)
    dialog.wait()
    table = dialog.document_table
    assert [table.horizontalHeaderItem(c).text() for c in range(3)] == \
        ["المستند", "نسبة الخلاف", "مقطع ناقص"]
    assert dialog.documents_label.text().startswith("المستندات التي اختلف عليها المرمّزون: 1 ")
    # The figures are the command line's table: left to right, whatever the language.
    assert dialog.result_view.layoutDirection() == Qt.LayoutDirection.LeftToRight
    dialog.close()
    asked: list[tuple[str, ...]] = []

    def read_and_cancel() -> None:
        box = QApplication.activeModalWidget()
        assert isinstance(box, QMessageBox)
        asked.append((box.windowTitle(), box.text(), box.informativeText(),
                      *(b.text() for b in box.buttons())))
        box.reject()

    QTimer.singleShot(0, read_and_cancel)
    assert Asker(window).save_first("sample-article", "export") == "cancel"
    title, text, question, *buttons = asked[0]
    assert (title, text) == ("تغييرات غير محفوظة", "في «sample-article» تغييرات غير محفوظة.")
    assert question == "التصدير يقرأ الملفات المحفوظة. أتحفظ تغييراتك أولًا؟"
    assert "المتابعة من دونها" in buttons


def test_adjudication_versions_sit_beside_their_coder_tag(qtbot, tmp_path, window_opener,  # type: ignore[no-untyped-def]
                                                          qapp) -> None:
    for language in ("ar", "en"):
        translation.install(qapp, language)
        try:
            window = window_opener(sample_project(tmp_path / language), coder="lead")
            qtbot.keyClick(window.document_view, Qt.Key.Key_A, CTRL | SHIFT)
            panel = window.adjudicator.panel
            for letter in "AB":
                text = panel.versions.findChild(QLabel, f"version_{letter}")
                tag = next(label for label in panel.versions.findChildren(QLabel)
                           if label.text().startswith(f"{letter} · "))
                drawn = QStyle.visualAlignment(text.layoutDirection(), text.alignment())
                tag_on_right = tag.geometry().center().x() > text.geometry().center().x()
                wanted = Qt.AlignmentFlag.AlignRight if tag_on_right \
                    else Qt.AlignmentFlag.AlignLeft
                sides = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignRight
                assert drawn & sides == wanted, language
            assert tag_on_right == (language == "ar")
            panel.grab().save(str(tmp_path / f"adjudication-{language}.png"))
        finally:
            translation.install(qapp, "en")


def test_core_messages_stay_english_on_the_command_line_and_in_files(tmp_path) -> None:  # type: ignore[no-untyped-def]
    """The window rewords them; the messages themselves do not change with its language."""
    cb = sample_project(tmp_path).codebook
    message = "event e1 (Battles): Actor 1 must be a span labelled Actor; span s3 is Place"
    i18n.set_language("ar")
    try:
        assert message_text(cb, message) == \
            "الحدث e1 (معارك): يجب أن يكون الفاعل الأول مقطعًا موسومًا جهة فاعلة؛ " \
            "والمقطع s3 موسوم مكان"
        assert message_text(cb, "something new") == "something new"
    finally:
        i18n.set_language("en")
    assert message_text(cb, message) == message


def test_english_areas_are_unchanged(qtbot, english, tmp_path, window_opener) -> None:  # type: ignore[no-untyped-def]
    window = window_opener(sample_project(tmp_path), coder="demo")
    model = window.span_table.model
    assert [model.headerData(c, Qt.Orientation.Horizontal) for c in range(5)] == \
        ["Label", "Text", "Start", "End", "Used in"]
    assert window.event_panel.events_model.index(0, 0).data() == \
        "e1 · Battles / Armed clash · ✓ complete"
    editor = window.event_panel.event_box
    assert editor.title() == "Event e1"
    assert editor.type_combo.currentText() == "Battles · معارك"
    shown = {label.text() for label in editor.findChildren(QLabel)}
    assert {"Roles · الأدوار", "Fields · الحقول", "Type *"} <= shown
    assert window.status.coder.text() == "Coder: demo"
    assert window.status.position.text() == "Document 1/1 · 1 done"
    assert labels_toolbar(window).windowTitle() == "Labels"
    assert [a.iconText() for a in labels_toolbar(window).actions()][1] == "Actor  A"
