"""Start the window: the one entry point the command line calls (``annotator gui``/``demo``)."""

from __future__ import annotations

import getpass
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QMessageLogContext, QSettings, QTimer, QtMsgType, qInstallMessageHandler
from PySide6.QtWidgets import QApplication, QWidget

if TYPE_CHECKING:
    from annotator.gui.main_window import MainWindow

from annotator.core.text import sanitize_id
from annotator.errors import AnnotatorError
from annotator.gui import preferences as prefs
from annotator.gui import translation
from annotator.gui.dialogs import Asker, QuietAsker, install_crash_handler
from annotator.gui.document_view import release_clipboard
from annotator.gui.fonts import load_bundled_fonts
from annotator.i18n import tr
from annotator.storage.project import Project, check_coder_name

ORGANIZATION = "annotator"
APPLICATION = "annotator"
SCREENSHOT_SIZE = (1440, 900)

# Tests and scripted runs replace this to answer the window's questions without dialogs.
asker_factory: Callable[[QWidget | None], Asker] = Asker


def app_settings() -> QSettings:
    """The coder's settings (name, window layout, zoom). Always INI, so tests can point
    ``QSettings.setPath(IniFormat, UserScope, tmp)`` at a temporary folder."""
    return QSettings(QSettings.Format.IniFormat, QSettings.Scope.UserScope, ORGANIZATION,
                     APPLICATION)


def _quiet_offscreen_messages(mode: QtMsgType, context: QMessageLogContext, message: str) -> None:
    # The offscreen platform (screenshots, CI) warns each time a window's size limits change.
    if "does not support propagateSizeHints" in message:
        return
    print(message, file=sys.stderr)


def application() -> QApplication:
    """The running ``QApplication``, created (with our names) if there is none."""
    app = QApplication.instance()
    if app is None:
        if os.environ.get("QT_QPA_PLATFORM") == "offscreen":
            qInstallMessageHandler(_quiet_offscreen_messages)
        app = QApplication(sys.argv[:1])
        app.setOrganizationName(ORGANIZATION)
        app.setApplicationName(APPLICATION)
        app.setApplicationDisplayName("Annotator")
        app.aboutToQuit.connect(release_clipboard)
    assert isinstance(app, QApplication)
    return app


def resolve_coder(coder: str | None, settings: QSettings, asker: Asker | None, *,
                  remember: bool = True) -> str | None:
    """The coder name: given, else remembered, else asked (and remembered); None if the
    coder declined to give one. A bad given name raises ``AnnotatorError``. ``remember=False``
    only reads the settings (a scripted run must not change what the coder's window uses)."""
    if coder:
        coder = check_coder_name(coder)
        if remember and not settings.value("coder"):
            settings.setValue("coder", coder)
        return coder
    stored = settings.value("coder")
    if isinstance(stored, str) and stored:
        try:
            return check_coder_name(stored)
        except AnnotatorError:
            pass
    if asker is None:
        return None
    asked = asker.coder_name(_suggested_name())
    if asked and remember:
        settings.setValue("coder", asked)
        settings.sync()
    return asked


def _suggested_name() -> str:
    try:
        return sanitize_id(getpass.getuser(), fallback="")
    except (KeyError, OSError, ImportError):
        return ""


def run(project_path: Path, *, coder: str | None = None, screenshot: Path | None = None,
        document: str | None = None) -> int:
    """Open the window on ``project_path``; return the exit code.

    With ``screenshot`` the window is rendered once loaded, saved as that PNG, and closed
    without entering the event loop (works with ``QT_QPA_PLATFORM=offscreen``).
    """
    app = application()
    load_bundled_fonts()
    project = Project.open(Path(project_path))
    project.codebook  # noqa: B018 - a bad codebook fails here, before any window
    settings = app_settings()
    if screenshot is not None:
        return _screenshot(project, coder, settings, Path(screenshot), document)

    asker = asker_factory(None)
    install_crash_handler(lambda: asker)
    translation.install(app, prefs.Preferences(settings).get(prefs.LANGUAGE))
    name = resolve_coder(coder, settings, asker)
    if name is None:
        return 1
    from annotator.gui.main_window import MainWindow

    window = MainWindow(project, name, asker=asker, settings=settings)
    asker.parent = window
    windows = [window]

    def switch(language: str) -> None:
        windows[0] = rebuild_window(windows[0], language)
        windows[0].languageChanged.connect(switch)

    window.languageChanged.connect(switch)
    window.show()

    def open_first() -> None:
        target = document or window.worklist.first_undone()
        if target is None:
            window.show_message(tr("start", "This project has no documents yet: add some with "
                                   "'annotator import'"))
            return
        if document and not project.has_document(document):
            asker.error(tr("start", "No such document"),
                        tr("start", "{project}: no document {doc}").format(
                            project=project.root, doc=repr(document)))
            target = window.worklist.first_undone()
        if target is not None:
            window.open_document(target)

    QTimer.singleShot(0, open_first)  # after the window is on screen
    return int(app.exec())


def rebuild_window(old: MainWindow, language: str) -> MainWindow:
    """The window again in ``language``: its document (already closed by ``old``) opened
    in a new window built in that language, which takes ``old``'s place."""
    from annotator.gui.main_window import MainWindow

    translation.install(application(), language)
    window = MainWindow(old.project, old.coder, asker=old.asker, settings=old.preferences.settings,
                        offer_recovery=old.flow.offer_recovery)
    window.asker.parent = window
    window.setGeometry(old.geometry())
    window.show()
    reopen = old.languages.reopen
    old.close()
    old.deleteLater()
    if reopen is not None:
        window.open_document(reopen)
    return window


def _screenshot(project: Project, coder: str | None, settings: QSettings, path: Path,
                document: str | None) -> int:
    from annotator.gui.main_window import MainWindow

    if document and not project.has_document(document):
        raise AnnotatorError(f"{project.root}: no document {document!r}")
    app = application()
    # A screenshot only looks: it leaves the coder's settings as they were.
    name = resolve_coder(coder, settings, None, remember=False) or _suggested_name() or "coder"
    asker = QuietAsker()
    window = MainWindow(project, check_coder_name(name), asker=asker, settings=None,
                        offer_recovery=False)
    window.resize(*SCREENSHOT_SIZE)
    window.show()
    target = document or window.worklist.first_undone()
    if target is not None:
        window.open_document(target)
    for _ in range(5):
        app.processEvents()
    image = window.grab()
    window.close_document(ask=False)
    window.close()
    path.parent.mkdir(parents=True, exist_ok=True)
    if not image.save(str(path), "PNG"):
        raise AnnotatorError(f"{path}: cannot write the screenshot")
    return 0
