"""The interface in Arabic: every translated text has its translation, View > Language builds
the window again in the chosen language with the layout mirrored, and back to English."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from annotator import i18n
from annotator.gui import translation
from annotator.gui.actions import shortcut_sheet_html
from annotator.gui.app import rebuild_window
from annotator.gui.dialogs import QuietAsker
from annotator.gui.main_window import MainWindow
from annotator.paths import resource
from annotator.storage.project import Project

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")
DOC = "sample-article"


@pytest.fixture
def english(qapp):  # type: ignore[no-untyped-def]
    """Whatever a test switches to, the next test starts in English, left to right."""
    translation.install(qapp, "en")
    yield
    translation.install(qapp, "en")


def test_every_text_of_the_interface_has_an_arabic_translation() -> None:
    catalogue = i18n.read_ts(i18n.ts_path("ar"))
    missing = sorted({f"{where}: [{context}] {text!r}"
                      for context, text, where in translation.texts_in_source()
                      if (context, text) not in catalogue})
    assert missing == []


def test_locale_names_choose_a_language() -> None:
    assert i18n.language_for_locale("ar_SA") == "ar"
    assert i18n.language_for_locale("ar-EG") == "ar"
    assert i18n.language_for_locale("en_GB") == "en"
    assert i18n.language_for_locale("fr_FR") == "en"  # no French interface: English
    assert i18n.set_language("xx") == "en"


def test_view_language_rebuilds_the_window_in_arabic_and_back(qtbot, tmp_path: Path,
                                                               english) -> None:  # type: ignore[no-untyped-def]
    shutil.copytree(resource("sample-project"), tmp_path / "p")
    project = Project.open(tmp_path / "p")
    window = MainWindow(project, "lead", asker=QuietAsker(), offer_recovery=False)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    assert window.open_document(DOC)
    rebuilt: list[MainWindow] = []
    window.languageChanged.connect(lambda lang: rebuilt.append(rebuild_window(window, lang)))
    window.action_map["language_ar"].trigger()
    assert len(rebuilt) == 1
    arabic = rebuilt[0]
    qtbot.addWidget(arabic)
    assert QApplication.layoutDirection() == Qt.LayoutDirection.RightToLeft
    assert arabic.layoutDirection() == Qt.LayoutDirection.RightToLeft
    titles = [menu.title() for menu in arabic.menus.values()]
    assert "&ملف" in titles and "&File" not in titles
    assert arabic.action_map["save"].text() == "&حفظ"
    assert arabic.doc is not None and arabic.doc.id == DOC  # the document came back
    sheet = shortcut_sheet_html(arabic.action_specs)
    assert "dir='rtl'" in sheet and "اختصارات لوحة المفاتيح" in sheet
    arabic.grab().save(str(tmp_path / "arabic.png"))
    again: list[MainWindow] = []
    arabic.languageChanged.connect(lambda lang: again.append(rebuild_window(arabic, lang)))
    arabic.action_map["language_en"].trigger()
    english_window = again[0]
    qtbot.addWidget(english_window)
    assert QApplication.layoutDirection() == Qt.LayoutDirection.LeftToRight
    assert english_window.action_map["save"].text() == "&Save"
    english_window.close_document(ask=False)
    english_window.close()
