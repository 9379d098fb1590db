"""The window's docks around the text: documents first in reading order, the span table
below, the coding and adjudication panels last; mirrored for a right-to-left interface (Qt's
dock areas are physical sides)."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDockWidget, QMainWindow, QWidget

from annotator import i18n
from annotator.i18n import tr

EVENT_PANEL_WIDTH = 380
DOCUMENT_LIST_WIDTH = 210
SPAN_TABLE_HEIGHT = 220


@dataclass
class Docks:
    documents: QDockWidget
    spans: QDockWidget
    events: QDockWidget
    adjudication: QDockWidget


def add_docks(window: QMainWindow, documents: QWidget, spans: QWidget, coding: QWidget,
              adjudication: QWidget) -> Docks:
    area = Qt.DockWidgetArea
    first, last = (area.LeftDockWidgetArea, area.RightDockWidgetArea) \
        if not i18n.is_right_to_left() else (area.RightDockWidgetArea, area.LeftDockWidgetArea)

    def dock(title: str, name: str, widget: QWidget, where: Qt.DockWidgetArea) -> QDockWidget:
        made = QDockWidget(title, window)
        made.setObjectName(name)
        made.setWidget(widget)
        made.setFeatures(QDockWidget.DockWidgetFeature.DockWidgetMovable
                         | QDockWidget.DockWidgetFeature.DockWidgetFloatable)
        window.addDockWidget(where, made)
        return made

    docks = Docks(dock(tr("window", "Documents"), "documentsDock", documents, first),
                  dock(tr("window", "Spans"), "spansDock", spans, area.BottomDockWidgetArea),
                  dock(tr("window", "Coding"), "eventsDock", coding, last),
                  dock(tr("window", "Adjudication"), "adjudicationDock", adjudication, last))
    window.splitDockWidget(docks.adjudication, docks.events, Qt.Orientation.Vertical)
    docks.adjudication.hide()
    window.setCorner(Qt.Corner.BottomRightCorner, area.RightDockWidgetArea)
    window.setCorner(Qt.Corner.BottomLeftCorner, area.LeftDockWidgetArea)
    window.resizeDocks([docks.events, docks.documents], [EVENT_PANEL_WIDTH, DOCUMENT_LIST_WIDTH],
                       Qt.Orientation.Horizontal)
    window.resizeDocks([docks.spans], [SPAN_TABLE_HEIGHT], Qt.Orientation.Vertical)
    return docks
