"""Time the text view's keys on a 1 MB Arabic document: a line, a page, a snapped Shift+arrow.

The view moves Up/Down/PageUp/PageDown by visual line itself (Qt's move sticks in wrapped RTL
paragraphs) and snaps Shift+arrow selections to whole words, repeating a step that leaves the
snapped range unchanged. Both run in Python on every such key, so this compares them, in the
same run, with Qt's own handling of the same keys in a plain read-only QPlainTextEdit holding
the same text in the same font and size (where Down sticks: it then does nothing at all).
Each row is the median time of one key press (the key's handling, not the repaint) over N
presses from the start of the text, and the ratio to Qt's.

    python benchmarks/bench_keys.py [--presses 200] [--chars 555000]
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench_window import build_text
from PySide6.QtCore import QSettings, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QPlainTextEdit

from annotator.core.model import Document
from annotator.gui.dialogs import QuietAsker
from annotator.gui.fonts import arabic_font
from annotator.gui.main_window import MainWindow
from annotator.gui.text_direction import apply_text_direction
from annotator.storage.project import Project

KEYS = (("Down", Qt.Key.Key_Down, Qt.KeyboardModifier.NoModifier),
        ("PageDown", Qt.Key.Key_PageDown, Qt.KeyboardModifier.NoModifier),
        ("Shift+Left (select)", Qt.Key.Key_Left, Qt.KeyboardModifier.ShiftModifier))


def press_times(widget: QPlainTextEdit, key: Qt.Key, mods: Qt.KeyboardModifier,
                presses: int) -> list[float]:
    """Seconds each of ``presses`` presses of ``key`` took, from the start of the text."""
    QTest.keyClick(widget, Qt.Key.Key_Home, Qt.KeyboardModifier.ControlModifier)
    times = []
    for _ in range(presses):
        t0 = time.perf_counter()
        QTest.keyClick(widget, key, mods)
        times.append(time.perf_counter() - t0)
    return times


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--presses", type=int, default=200)
    parser.add_argument("--chars", type=int, default=555_000)
    args = parser.parse_args()

    app = QApplication.instance() or QApplication([])
    with tempfile.TemporaryDirectory() as tmp:
        QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, tmp)
        text = build_text(args.chars)
        project = Project.init(Path(tmp) / "project")
        project.add_documents([Document("big", text, {"title": "SaudiNewsNet, 1 MB"})])
        window = MainWindow(project, "bench", asker=QuietAsker(), autosave_seconds=3600)
        window.resize(1440, 900)
        window.show()
        window.open_document("big")
        view = window.document_view
        plain = QPlainTextEdit()
        plain.setReadOnly(True)
        plain.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByKeyboard
                                      | Qt.TextInteractionFlag.TextSelectableByMouse)
        plain.setFont(arabic_font(view.point_size()))
        apply_text_direction(plain, Qt.LayoutDirection.RightToLeft)
        plain.setPlainText(text)
        plain.resize(view.size())
        plain.show()
        app.processEvents()
        print(f"document: {len(text):,} characters; view {view.width()}x{view.height()}; "
              f"{args.presses} presses per row, median per press")
        print(f"{'key':22s} {'Qt (plain)':>12s} {'text view':>12s} {'ratio':>7s} "
              f"{'moved (Qt / view)':>20s}")
        for name, key, mods in KEYS:
            base = press_times(plain, key, mods, args.presses)
            base_at = plain.textCursor().position()
            ours = press_times(view, key, mods, args.presses)
            ours_at = view.textCursor().position()
            b, o = statistics.median(base), statistics.median(ours)
            print(f"{name:22s} {b * 1e6:9.0f} µs {o * 1e6:9.0f} µs {o / b:6.1f}x "
                  f"{base_at:>9,} / {ours_at:,}")
        window.close_document(ask=False)
        window.close()


if __name__ == "__main__":
    main()
