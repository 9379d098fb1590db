"""View > Text direction and View > Show invisible characters, bound to the text view.

The direction a coder chooses is kept for that document of that project
(``preferences.TEXT_DIRECTION``), so a Latin-first report read right-to-left opens so again;
showing invisible characters is one switch for the coder (``preferences.SHOW_INVISIBLES``).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtGui import QAction, QActionGroup

from annotator.gui import preferences as prefs
from annotator.gui.document_view import DocumentView
from annotator.gui.text_direction import AUTO, DIRECTION_MODES, LEFT_TO_RIGHT, RIGHT_TO_LEFT
from annotator.i18n import tr


def direction_action(mode: str) -> str:
    """The action table's id of View > Text direction > ``mode``."""
    return f"text_direction_{mode}"


class TextOptions:
    """The direction and invisibles switches of one window's text view."""

    def __init__(self, view: DocumentView, preferences: prefs.Preferences, project: Path,
                 show_message: Callable[[str], None]) -> None:
        self.view = view
        self.preferences = preferences
        self.project = project
        self.show_message = show_message
        self._doc_id: str | None = None
        self._actions: dict[str, QAction] = {}
        self._syncing = False

    def bind(self, actions: dict[str, QAction]) -> None:
        """Make the direction entries one choice and show the stored invisibles switch."""
        group = QActionGroup(self.view)
        group.setExclusive(True)
        for mode in DIRECTION_MODES:
            group.addAction(actions[direction_action(mode)])
        self._actions = actions
        self._check(self.view.direction_mode)
        on = bool(self.preferences.get(prefs.SHOW_INVISIBLES))
        self.view.set_show_invisibles(on)
        self._syncing = True
        try:
            actions["show_invisibles"].setChecked(on)
        finally:
            self._syncing = False

    def direction_for(self, doc_id: str) -> str:
        """The direction chosen for ``doc_id`` (auto when none was); it becomes the open
        document's, and the menu shows it."""
        self._doc_id = doc_id
        mode = self.preferences.get(self._option(doc_id))
        self._check(mode)
        return mode

    def set_direction(self, mode: str, checked: bool = True) -> None:
        """Lay the open document out in ``mode`` and remember it for this document."""
        if not checked or self._syncing:
            return
        self.view.set_direction_mode(mode)
        self._check(mode)
        if self._doc_id is not None:
            self.preferences.set(self._option(self._doc_id), mode)
        names = {AUTO: tr("view", "automatic (by the first letter)"),
                 RIGHT_TO_LEFT: tr("view", "right-to-left"),
                 LEFT_TO_RIGHT: tr("view", "left-to-right")}
        text = tr("view", "Text direction: {mode} for this document") \
            if self._doc_id is not None else tr("view", "Text direction: {mode}")
        self.show_message(text.format(mode=names.get(mode, mode)))

    def cycle_direction(self) -> None:
        """Auto, then right-to-left, then left-to-right, then auto again."""
        i = DIRECTION_MODES.index(self.view.direction_mode)
        self.set_direction(DIRECTION_MODES[(i + 1) % len(DIRECTION_MODES)])

    def set_show_invisibles(self, on: bool) -> None:
        if self._syncing:
            return
        self.view.set_show_invisibles(on)
        self.preferences.set(prefs.SHOW_INVISIBLES, bool(on))
        self.show_message(tr("view", "Invisible characters are marked (RLM, ZWNJ, NBSP, "
                             "tatweel ...)") if on
                          else tr("view", "Invisible characters are not marked"))

    def _option(self, doc_id: str) -> prefs.Option:
        return prefs.for_document(prefs.TEXT_DIRECTION, self.project, doc_id)

    def _check(self, mode: str) -> None:
        action = self._actions.get(direction_action(mode or AUTO))
        if action is None or action.isChecked():
            return
        self._syncing = True
        try:
            action.setChecked(True)
        finally:
            self._syncing = False
