"""View > Text direction (kept per document) and View > Show invisible characters (issue 12.9),
driven by their keys in the window and checked in pixels: the text and every offset stay as
they are."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QRect, QSettings, Qt
from PySide6.QtGui import QColor, QImage, QTextCursor
from PySide6.QtWidgets import QApplication
from window_support import close_window, open_window

from annotator.core.model import Document
from annotator.gui import preferences as prefs
from annotator.gui.actions import shortcut_sheet_html, window_actions
from annotator.gui.document_view import DocumentView
from annotator.gui.invisibles import MARK_COLOR
from annotator.gui.main_window import MainWindow
from annotator.storage.project import Project, load_default_codebook

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")

RTL = Qt.LayoutDirection.RightToLeft
LTR = Qt.LayoutDirection.LeftToRight
CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
# A report that opens with its agency's Latin name: detected left-to-right.
LATIN_FIRST = ("Reuters — قالت مصادر محلية إن قوات النظام شنت هجوماً على بلدة الجلاء "
               "في ريف دير الزور.\nوانسحبت القوات بعد ساعة.")
ARABIC = "قال المتحدث إن الاجتماع عقد في الرياض أمس."
# Every kind of invisible character, between Arabic letters.
INVISIBLE = ("قال\u200f المتحدث أمس\u00a0الأحد في الرياض\u200cـــ "
             "ثم \u200eOK\u200d و\u2067نص\u2069 انتهى.")


def make_project(folder, name: str = "p") -> Project:  # type: ignore[no-untyped-def]
    project = Project.init(folder / name)
    project.add_documents([Document("latin", LATIN_FIRST, {"title": "Latin first"}),
                           Document("arabic", ARABIC, {"title": "Arabic"})])
    return project


def first_letter_x(view: DocumentView) -> int:
    cursor = QTextCursor(view.document())
    cursor.setPosition(0)
    return view.cursorRect(cursor).x()


def is_right_to_left(view: DocumentView) -> bool:
    option = view.document().defaultTextOption()
    right = first_letter_x(view) > view.viewport().width() // 2
    assert right == (option.textDirection() == RTL) == (view.layoutDirection() == RTL)
    return right


def checked_direction(window: MainWindow) -> list[str]:
    return [mode for mode in ("auto", "rtl", "ltr")
            if window.action_map[f"text_direction_{mode}"].isChecked()]


def test_a_latin_first_document_can_be_read_right_to_left_and_it_is_kept(
        qtbot, tmp_path, temp_settings: QSettings) -> None:
    project = make_project(tmp_path)
    window = open_window(qtbot, project, doc="latin", settings=temp_settings)
    try:
        view = window.document_view
        assert not is_right_to_left(view)  # detected from the first letter
        assert checked_direction(window) == ["auto"]
        view.select_range(10, 20)
        qtbot.keyClick(view, Qt.Key.Key_D, CTRL_SHIFT)
        assert is_right_to_left(view)
        assert view.direction_mode == "rtl" and checked_direction(window) == ["rtl"]
        assert "right-to-left" in window.statusBar().currentMessage()
        assert view.text == LATIN_FIRST and view.selected_range() == (10, 20)
        # Another document opens as detected; coming back, this one is right-to-left again.
        assert window.open_document("arabic")
        assert checked_direction(window) == ["auto"] and is_right_to_left(view)
        assert window.open_document("latin")
        assert checked_direction(window) == ["rtl"] and is_right_to_left(view)
    finally:
        close_window(window)
    # A new window remembers it, for this project only.
    window = open_window(qtbot, project, doc="latin", settings=temp_settings)
    try:
        assert is_right_to_left(window.document_view)
        # Then left-to-right, then automatic again, from the View menu's entries.
        window.action_map["text_direction_ltr"].trigger()
        assert checked_direction(window) == ["ltr"] and not is_right_to_left(window.document_view)
        qtbot.keyClick(window.document_view, Qt.Key.Key_D, CTRL_SHIFT)
        assert checked_direction(window) == ["auto"]
    finally:
        close_window(window)
    other = make_project(tmp_path, "other")
    window = open_window(qtbot, other, doc="latin", settings=temp_settings)
    try:
        assert checked_direction(window) == ["auto"]
    finally:
        close_window(window)


def test_the_direction_is_kept_under_a_key_naming_project_and_document(
        tmp_path, temp_settings: QSettings) -> None:
    store = prefs.Preferences(temp_settings)
    a = prefs.for_document(prefs.TEXT_DIRECTION, tmp_path / "a b/c", "doc/1 ٢")
    b = prefs.for_document(prefs.TEXT_DIRECTION, tmp_path / "a b", "c/doc/1 ٢")
    assert a.key != b.key and a.key.count("/") == 2
    store.set(a, "rtl")
    temp_settings.sync()
    assert prefs.Preferences(QSettings(temp_settings.fileName(),
                                       QSettings.Format.IniFormat)).get(a) == "rtl"
    assert store.get(b) == "auto"
    store.set(b, "sideways")  # a value from elsewhere reads as the default
    assert store.get(b) == "auto"


# -- invisible characters --------------------------------------------------------------------
@pytest.fixture
def view(shown_view) -> DocumentView:  # type: ignore[no-untyped-def]
    return shown_view(900, 300)


def mark_pixels(image: QImage, rect: QRect) -> int:
    """Pixels of the marks' colour (or the shade of it) in ``rect``."""
    count = 0
    for x in range(max(rect.left(), 0), min(rect.right(), image.width())):
        for y in range(max(rect.top(), 0), min(rect.bottom(), image.height())):
            c = QColor(image.pixel(x, y))
            if c.red() > c.green() + 60 and c.blue() > c.green() + 20:
                count += 1
    return count


def around(view: DocumentView, cp: int) -> QRect:
    cursor = QTextCursor(view.document())
    cursor.setPosition(view.position_map.to_qt(cp))
    return view.cursorRect(cursor).adjusted(-8, -6, 8, 4)


def test_invisible_characters_are_marked_and_nothing_else_changes(qtbot, view) -> None:
    view.set_document(INVISIBLE)
    view.select_range(4, 12)
    QApplication.processEvents()
    plain = view.viewport().grab().toImage()
    block_text = view.document().begin().text()
    view.set_show_invisibles(True)
    QApplication.processEvents()
    marked = view.viewport().grab().toImage()
    invisible = [i for i, ch in enumerate(INVISIBLE)
                 if ch in "\u200f\u00a0\u200c\u0640\u200e\u200d\u2067\u2069"]
    assert len(invisible) == 10
    for i in invisible:
        rect = around(view, i)
        assert mark_pixels(plain, rect) == 0, i
        assert mark_pixels(marked, rect) > 3, (i, INVISIBLE[i])
    # Far from any invisible character the text looks as it did.
    start = INVISIBLE.index("المتحدث") + 2
    rect = around(view, start).adjusted(6, 0, -6, 0).intersected(plain.rect())
    assert all(plain.pixel(x, y) == marked.pixel(x, y)
               for x in range(rect.left(), rect.right()) for y in range(rect.top(), rect.bottom()))
    # The stored text, Qt's text and the offsets are untouched.
    assert view.text == INVISIBLE
    assert view.document().begin().text() == block_text
    assert view.selected_range() == (4, 12)
    assert MARK_COLOR.isValid()


def test_show_invisibles_key_in_the_window_is_kept_for_the_coder(
        qtbot, tmp_path, temp_settings: QSettings) -> None:
    project = Project.init(tmp_path / "p")
    project.add_documents([Document("inv", INVISIBLE, {"title": "Invisible"})])
    window = open_window(qtbot, project, doc="inv", settings=temp_settings)
    try:
        view = window.document_view
        assert not view.show_invisibles
        qtbot.keyClick(view, Qt.Key.Key_F10, Qt.KeyboardModifier.ControlModifier)
        assert view.show_invisibles and window.action_map["show_invisibles"].isChecked()
    finally:
        close_window(window)
    window = open_window(qtbot, project, doc="inv", settings=temp_settings)
    try:
        assert window.document_view.show_invisibles
        assert window.action_map["show_invisibles"].isChecked()
        qtbot.keyClick(window.document_view, Qt.Key.Key_F10, Qt.KeyboardModifier.ControlModifier)
        assert not window.document_view.show_invisibles
    finally:
        close_window(window)


def test_view_menu_and_shortcut_sheet_list_direction_and_invisibles(qtbot, tmp_path) -> None:
    window = open_window(qtbot, make_project(tmp_path), doc="latin")
    try:
        view_menu = window.menus["View"]
        entries = [a.text().replace("&", "") for a in view_menu.actions()]
        assert "Text direction" in entries and "Show invisible characters" in entries
        submenu = next(a.menu() for a in view_menu.actions()
                       if a.text().replace("&", "") == "Text direction")
        assert [a.text().replace("&", "") for a in submenu.actions()] == [
            "Automatic (by the first letter)", "Right-to-left", "Left-to-right"]
    finally:
        close_window(window)
    sheet = shortcut_sheet_html(window_actions(load_default_codebook()))
    for text in ("Text direction: Right-to-left", "Switch text direction", "Ctrl+Shift+D",
                 "Show invisible characters", "Ctrl+F10"):
        assert text in sheet
