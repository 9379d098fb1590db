"""The window in Arabic, driven by real keys: status messages, the Missing box, the event
panel's names, the adjudication panel, the find bar, the project search and the document list
speak Arabic and name codebook things by their Arabic names; the same window in English still
speaks English; every translation keeps its source's ``{fields}``."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from window_support import sample_project

from annotator import i18n
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
    assert i18n.codebook_name(role) == "Actor 1"
    assert i18n.codebook_name(role, bilingual=True) == "Actor 1 · الفاعل الأول"
    i18n.set_language("ar")
    try:
        assert i18n.codebook_name(role) == i18n.codebook_name(role, bilingual=True) \
            == "الفاعل الأول"
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
