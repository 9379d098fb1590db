"""The window's adjudication mode: the gold set of a document open in the coding widgets, the
coders' spans as lanes under the text, and the disagreement panel with one key per decision.

Ctrl+Shift+A (or a row of the agreement dialog) opens it. The gold set is an ordinary open
document, so every coding key edits it (marked as the adjudicator's edit), Ctrl+Z undoes a
decision, Ctrl+S saves through the same atomic path. A coder who still codes a document blind
cannot open its adjudication; nothing of the other coders is shown outside this mode.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt

from annotator.app.adjudication import Adjudication
from annotator.core.model import GOLD_CODER
from annotator.errors import AnnotatorError
from annotator.gui.adjudication_panel import AdjudicationPanel
from annotator.gui.coder_lanes import CoderLanes
from annotator.i18n import tr

if TYPE_CHECKING:
    from annotator.gui.main_window import MainWindow


class AdjudicationMode:
    """Adjudication in one window; ``active`` while the gold set of a document is open."""

    def __init__(self, window: MainWindow) -> None:
        self.window = window
        self.panel = AdjudicationPanel(window)
        self.panel.itemChosen.connect(self._on_panel_item_chosen)
        self.lanes = CoderLanes(window.document_view)
        self.adjudication: Adjudication | None = None

    @property
    def active(self) -> bool:
        return self.adjudication is not None

    # -- entering and leaving --------------------------------------------------------------
    def toggle(self) -> bool:
        """Adjudicate the open document, or go back to coding it."""
        handle = self.window.doc
        if self.active:
            doc_id = handle.id if handle is not None else None
            return self.leave(doc_id)
        doc_id = handle.id if handle is not None else self.window.document_list.current_doc_id()
        if doc_id is None:
            self.window.show_message(tr("adjudication", "Open a document to adjudicate first"))
            return False
        return self.enter(doc_id)

    def enter(self, doc_id: str) -> bool:
        """Open the gold set of ``doc_id`` for adjudication (pre-filled if it has none)."""
        w = self.window
        try:
            reason = Adjudication.prepare(w.project, doc_id, viewer=w.coder)
        except AnnotatorError as exc:
            reason = str(exc)
        if reason:
            w.show_message(tr("adjudication", "Not adjudicated: {reason}").format(reason=reason))
            return False
        if not w.flow.open(doc_id, coder=GOLD_CODER):
            return False
        handle = w.doc
        assert handle is not None
        try:
            self.adjudication = Adjudication.load(w.project, handle)
        except AnnotatorError as exc:
            w.asker.error(tr("adjudication", "Cannot adjudicate"), str(exc))
            w.flow.open(doc_id)
            return False
        handle.history.changed.connect(self._on_history_changed)
        self.panel.set_adjudication(self.adjudication)
        self.lanes.set_lanes([[(a, b) for a, b, _ in ranges]
                              for ranges in self.adjudication.coder_ranges().values()])
        self._show_dock(True)
        w.action_map["accept_c"].setVisible(len(self.adjudication.coders) > 2)
        self._show_current()
        self.panel.list.setFocus(Qt.FocusReason.ShortcutFocusReason)
        text = tr("adjudication", "Adjudicating {doc}: 1 open disagreement · A/B accept a "
                  "coder, Y all, R reject, E edit, N next") \
            if self.adjudication.open_count() == 1 else \
            tr("adjudication", "Adjudicating {doc}: {count} open disagreements · A/B accept a "
               "coder, Y all, R reject, E edit, N next")
        w.show_message(text.format(doc=doc_id, count=self.adjudication.open_count()))
        w.documentOpened.emit(doc_id)
        return True

    def leave(self, doc_id: str | None) -> bool:
        """Back to coding (``doc_id`` opened for the window's coder)."""
        w = self.window
        if doc_id is not None and not w.flow.close():
            return False
        self.detach()
        return w.open_document(doc_id) if doc_id is not None else True

    def detach(self) -> None:
        """Stop showing the adjudication (its gold set was closed)."""
        handle = self.adjudication.handle if self.adjudication else None
        if handle is not None:
            handle.history.changed.disconnect(self._on_history_changed)
        self.adjudication = None
        self.panel.set_adjudication(None)
        self.lanes.set_lanes([])
        self._show_dock(False)

    def _show_dock(self, on: bool) -> None:
        w = self.window
        w.adjudication_dock.setVisible(on)
        if on:
            w.resizeDocks([w.adjudication_dock, w.events_dock], [460, 400],
                          Qt.Orientation.Vertical)
        w.update_actions()

    # -- decisions (the action table's slots) ----------------------------------------------
    def _decided(self, reason: str) -> str:
        w = self.window
        if reason:
            w.show_message(tr("adjudication", "Not done: {reason}").format(reason=reason))
            return reason
        adj = self.adjudication
        assert adj is not None
        left = adj.open_count()
        w.show_message(tr("adjudication", "Decided · {count} open").format(count=left) if left
                       else tr("adjudication", "Every disagreement is decided: Ctrl+Enter marks "
                               "the gold set done"))
        self._show_current()
        return ""

    def accept_coder(self, index: int) -> str:
        if self.adjudication is None:
            return "not adjudicating"
        return self._decided(self.adjudication.accept_coder(index))

    def accept_all(self) -> str:
        if self.adjudication is None:
            return "not adjudicating"
        return self._decided(self.adjudication.accept_all())

    def reject(self) -> str:
        if self.adjudication is None:
            return "not adjudicating"
        return self._decided(self.adjudication.reject())

    def edit(self) -> str:
        """Take coder A's version (nothing if A has none), then edit it by hand in the text:
        the item's text is selected and the text has the focus."""
        adj = self.adjudication
        if adj is None or adj.current is None:
            return "nothing to edit"
        item_id = adj.current
        ranges = [r for v in adj.versions(item_id) for r in v.ranges]
        first = next((v for v in adj.versions(item_id) if v.text), None)
        if "decision" not in (adj.item(item_id) or {}):
            reason = adj.decide([first.coder] if first else [])
            if reason:
                return self._decided(reason)
            adj.current = item_id
        self._show_current()
        view = self.window.document_view
        if ranges:
            view.select_range(min(a for a, _ in ranges), max(b for _, b in ranges))
        view.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.window.show_message(tr("adjudication", "Edit the gold set with the coding keys; "
                                    "Ctrl+4 … or click the list to go on deciding"))
        return ""

    def step(self, step: int) -> None:
        """The next (or previous) open disagreement."""
        adj = self.adjudication
        if adj is None:
            return
        target = adj.next_open(adj.current, step)
        if target is None:
            self.window.show_message(tr("adjudication", "No open disagreement left"))
            return
        adj.current = target
        self._show_current()

    def unfinished(self) -> str:
        """Why the gold set cannot be done yet ('' when every disagreement is decided)."""
        adj = self.adjudication
        if adj is None or adj.open_count() == 0:
            return ""
        adj.current = adj.next_open(None)
        self._show_current()
        text = tr("adjudication", "1 disagreement is still open; it is selected") \
            if adj.open_count() == 1 else \
            tr("adjudication", "{count} disagreements are still open; the first is selected")
        return text.format(count=adj.open_count())

    # -- showing -----------------------------------------------------------------------------
    def _show_current(self) -> None:
        self.panel.refresh()
        adj = self.adjudication
        if adj is None or adj.current is None:
            return
        ranges = [r for v in adj.versions(adj.current) for r in v.ranges]
        if ranges:
            self.window.document_view.scroll_to(min(a for a, _ in ranges))
        event_id = adj.event_of(adj.current)
        if event_id is not None:  # a field of a gold event: show that event in the panel
            self.window.state.set_current_event(event_id)

    def _on_panel_item_chosen(self, _item_id: str) -> None:
        self._show_current()

    def _on_history_changed(self, _history: object) -> None:
        self.panel.refresh()  # a decision undone or redone: the list shows it
