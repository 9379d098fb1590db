"""Every question and notice the window puts to the coder, behind one replaceable ``Asker``.

The window never opens a dialog itself: it asks its ``Asker``. Tests (and the screenshot mode)
pass an object with the same methods that answers at once, so nothing modal ever blocks them.
Messages of ``AnnotatorError`` are shown exactly as written, and every text is plain: a document
title, a codebook name or a lock holder such as ``<b>`` is shown, never read as markup. The crash
handler logs any other exception's traceback to the user log folder and says where.
"""

from __future__ import annotations

import sys
import traceback
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from types import TracebackType
from typing import Literal

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from annotator.errors import AnnotatorError
from annotator.i18n import tr

UnsavedAnswer = Literal["save", "discard", "cancel"]


def plain_box(icon: QMessageBox.Icon, title: str, text: str, informative: str = "",
              parent: QWidget | None = None) -> QMessageBox:
    """A message box whose texts are plain text (a message box guesses rich text otherwise)."""
    box = QMessageBox(icon, title, "", parent=parent)
    box.setTextFormat(Qt.TextFormat.PlainText)  # before the texts: it covers both labels
    box.setText(text)
    if informative:
        box.setInformativeText(informative)
    return box


class Asker:
    """The questions the window asks, answered with real dialogs over ``parent``."""

    def __init__(self, parent: QWidget | None = None) -> None:
        self.parent = parent
        self._sheet: QDialog | None = None

    def coder_name(self, suggestion: str = "") -> str | None:
        """The coder's name on first start (letters, digits, '-', '_' or '.'), or None."""
        from annotator.storage.project import check_coder_name

        name = suggestion
        prompt = tr("dialogs", "Your coder name, used for your annotation folder\n"
                               "(letters, digits, '-', '_' or '.'; for example amal.h):")
        while True:
            dialog = QInputDialog(self.parent)
            dialog.setWindowTitle(tr("dialogs", "Who is coding?"))
            dialog.setLabelText(prompt)  # it may quote the name typed: shown as plain text
            for label in dialog.findChildren(QLabel):
                label.setTextFormat(Qt.TextFormat.PlainText)
            dialog.setTextEchoMode(QLineEdit.EchoMode.Normal)
            dialog.setTextValue(name)
            ok = dialog.exec() == QDialog.DialogCode.Accepted
            name = dialog.textValue()
            dialog.deleteLater()
            if not ok:
                return None
            try:
                return check_coder_name(name)
            except AnnotatorError as exc:
                prompt = tr("dialogs", "{problem}\n\nYour coder name:").format(problem=exc)

    def unsaved_changes(self, title: str) -> UnsavedAnswer:
        box = plain_box(QMessageBox.Icon.Warning, tr("dialogs", "Unsaved changes"),
                        tr("dialogs", "{title} has unsaved changes.").format(title=title),
                        tr("dialogs", "Save them before going on?"), self.parent)
        box.setStandardButtons(QMessageBox.StandardButton.Save
                               | QMessageBox.StandardButton.Discard
                               | QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(QMessageBox.StandardButton.Save)
        answer = box.exec()
        if answer == QMessageBox.StandardButton.Save:
            return "save"
        if answer == QMessageBox.StandardButton.Discard:
            return "discard"
        return "cancel"

    def save_first(self, title: str, purpose: str) -> UnsavedAnswer:
        """Unsaved work before ``purpose`` ("export" or "agreement count": it reads the saved
        files): "save" saves first, "discard" goes on without it (the work stays in the
        window), "cancel" stops."""
        question = {
            "export": tr("dialogs", "The export reads the saved files. Save your changes "
                                    "first?"),
            "agreement count": tr("dialogs", "The agreement count reads the saved files. Save "
                                             "your changes first?"),
        }.get(purpose, tr("dialogs", "This reads the saved files. Save your changes first?"))
        box = plain_box(QMessageBox.Icon.Question, tr("dialogs", "Unsaved changes"),
                        tr("dialogs", "{title} has unsaved changes.").format(title=title),
                        question, self.parent)
        save = box.addButton(QMessageBox.StandardButton.Save)
        on = box.addButton(tr("dialogs", "Go on without them"),
                           QMessageBox.ButtonRole.AcceptRole)
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(save)
        box.exec()
        clicked = box.clickedButton()
        return "save" if clicked is save else "discard" if clicked is on else "cancel"

    def restore_recovery(self, title: str, summary: str) -> bool:
        """True to restore autosaved work; False discards it."""
        box = plain_box(QMessageBox.Icon.Question, tr("dialogs", "Restore unsaved work?"),
                        tr("dialogs", "{title} has work that was not saved when the program "
                                      "last stopped ({summary}).").format(title=title,
                                                                          summary=summary),
                        tr("dialogs", "Restore it? (You can undo the restore with Ctrl+Z.) "
                                      "Discard throws it away."), self.parent)
        restore = box.addButton(tr("dialogs", "Restore"), QMessageBox.ButtonRole.AcceptRole)
        box.addButton(tr("dialogs", "Discard"), QMessageBox.ButtonRole.DestructiveRole)
        box.setDefaultButton(restore)
        box.exec()
        return box.clickedButton() is restore

    def lock_notice(self, message: str) -> None:
        plain_box(QMessageBox.Icon.Information, tr("dialogs", "Opened read-only"),
                  tr("dialogs", "{message}\n\nThe document is open read-only in this window.")
                  .format(message=message), parent=self.parent).exec()

    def error(self, title: str, message: str) -> None:
        plain_box(QMessageBox.Icon.Warning, title, message, parent=self.parent).exec()

    def shortcut_sheet(self, html: str) -> None:
        """Show (or raise) the non-modal sheet of every action and its keys."""
        if self._sheet is None:
            self._sheet = ShortcutSheet(html, self.parent)
        self._sheet.show()
        self._sheet.raise_()
        self._sheet.activateWindow()

    def crash(self, message: str) -> None:
        plain_box(QMessageBox.Icon.Critical, tr("dialogs", "Internal error"), message,
                  parent=self.parent).exec()


class QuietAsker(Asker):
    """Answers without asking (screenshots, scripted runs): notices go to stderr."""

    def coder_name(self, suggestion: str = "") -> str | None:
        return None

    def unsaved_changes(self, title: str) -> UnsavedAnswer:
        return "cancel"

    def save_first(self, title: str, purpose: str) -> UnsavedAnswer:
        return "cancel"

    def restore_recovery(self, title: str, summary: str) -> bool:
        return False

    def lock_notice(self, message: str) -> None:
        print(f"annotator: {message} (opened read-only)", file=sys.stderr)

    def error(self, title: str, message: str) -> None:
        print(f"annotator: {title}: {message}", file=sys.stderr)

    def shortcut_sheet(self, html: str) -> None:
        pass

    def crash(self, message: str) -> None:
        print(f"annotator: {message}", file=sys.stderr)


class ShortcutSheet(QDialog):
    """The generated list of actions and keys (F1); stays open beside the window."""

    def __init__(self, html: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("shortcutSheet")
        self.setWindowTitle(tr("sheet", "Keyboard shortcuts"))
        self.setModal(False)
        self.resize(560, 680)
        layout = QVBoxLayout(self)
        self.browser = QTextBrowser(self)
        self.browser.setHtml(html)
        layout.addWidget(self.browser)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, parent=self)
        buttons.rejected.connect(self.close)
        layout.addWidget(buttons)


# -- crash handler -------------------------------------------------------------------------------
def log_dir() -> Path:
    import platformdirs

    return Path(platformdirs.user_log_dir("annotator", appauthor=False))


def write_crash_log(exc_type: type[BaseException], exc: BaseException,
                    tb: TracebackType | None, folder: Path | None = None) -> Path:
    """Append the traceback to ``crash.log`` in the user log folder; return its path."""
    folder = folder or log_dir()
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "crash.log"
    text = "".join(traceback.format_exception(exc_type, exc, tb))
    with open(path, "a", encoding="utf-8") as f:
        f.write(f"--- {datetime.now().isoformat(timespec='seconds')}\n{text}\n")
    return path


def logged_where(exc_type: type[BaseException], exc: BaseException,
                 tb: TracebackType | None) -> str:
    """Log a bug's traceback (``write_crash_log``) and say where it went, or why it could not
    be logged, in a sentence."""
    try:
        return tr("dialogs", "The details were written to {path}.").format(
            path=write_crash_log(exc_type, exc, tb))
    except OSError as log_exc:
        return tr("dialogs", "The details could not be logged ({error}).").format(error=log_exc)


def install_crash_handler(get_asker: Callable[[], Asker]) -> None:
    """Route uncaught exceptions (including those in Qt slots) to a log file and a dialog.

    An ``AnnotatorError`` that escapes is shown as is, without a log: it is the user's to fix.
    """
    busy = False

    def handler(exc_type: type[BaseException], exc: BaseException,
                tb: TracebackType | None) -> None:
        nonlocal busy
        if issubclass(exc_type, KeyboardInterrupt):
            sys.__excepthook__(exc_type, exc, tb)
            return
        if busy:  # an error while showing the dialog: do not loop
            sys.__excepthook__(exc_type, exc, tb)
            return
        busy = True
        try:
            if isinstance(exc, AnnotatorError):
                get_asker().error("Annotator", str(exc))
                return
            where = logged_where(exc_type, exc, tb)
            sys.__excepthook__(exc_type, exc, tb)
            if QApplication.instance() is not None:
                get_asker().crash(tr(
                    "dialogs", "Something went wrong inside annotator (a bug): {error}\n\n"
                               "{where}\n\nYour saved work is safe; unsaved work is kept in "
                               "the recovery file and offered back when you open the document "
                               "again.").format(error=f"{exc_type.__name__}: {exc}", where=where))
        finally:
            busy = False

    sys.excepthook = handler
