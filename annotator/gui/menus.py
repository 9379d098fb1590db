"""Menus that appear over the text: the context menu and the label and role palettes, built
from the window's one action table (so a key shown there is the key that works)."""

from __future__ import annotations

from PySide6.QtCore import QPoint
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu, QWidget

from annotator.app.state import CodingState
from annotator.core.codebook import Codebook
from annotator.gui.document_view import DocumentView
from annotator.i18n import tr


def role_actions(state: CodingState, codebook: Codebook,
                 actions: dict[str, QAction]) -> list[QAction]:
    """The role actions of the current event's type (none without a current event)."""
    event_id = state.current_event_id()
    event = state.handle.session.aset.event(event_id) if state.handle and event_id else None
    et = codebook.event_type(event.type) if event else None
    return [actions[f"role:{r}"] for r in (et.roles if et else ()) if f"role:{r}" in actions]


def label_actions(codebook: Codebook, actions: dict[str, QAction]) -> list[QAction]:
    return [actions[f"label:{lab.id}"] for lab in codebook.span_labels]


def text_context_menu(view: DocumentView, pos: QPoint, state: CodingState,
                      codebook: Codebook, actions: dict[str, QAction]) -> QMenu:
    """The text's menu at viewport point ``pos``: the standard entries, then labels, proclitic,
    delete, new event and the current event's roles."""
    menu = view.createStandardContextMenu(pos)
    menu.addSeparator()
    menu.addMenu(tr("menus", "Label as")).addActions(label_actions(codebook, actions))
    menu.addAction(actions["strip_proclitic"])
    menu.addAction(actions["delete_span"])
    menu.addSeparator()
    menu.addAction(actions["create_event"])
    roles = role_actions(state, codebook, actions)
    if roles:
        menu.addMenu(tr("menus", "Fill role of {event}").format(
            event=state.current_event_id())).addActions(roles)
    return menu


def popup(parent: QWidget, view: DocumentView, actions: list[QAction], title: str) -> None:
    """A menu of ``actions`` at the text caret (Space for labels, R for roles)."""
    menu = QMenu(title, parent)
    menu.addActions(actions)
    menu.exec(view.viewport().mapToGlobal(view.cursorRect().bottomRight()))
