"""X and the selection hint use the project's word counts, so the window no longer offers to
drop a root letter that looks like a proclitic: real keys on the sample article."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from window_support import close_window, shown_window

from annotator.core.lexicon import Lexicon
from annotator.core.model import Document
from annotator.gui import main_window as main_window_module
from annotator.gui.main_window import MainWindow
from annotator.storage.project import Project

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")

# What the rule looks up for the words below, counted in the SaudiNewsNet day (2,953
# articles, 1,059,895 running words; storage.lexicon.project_lexicon on the imported corpus).
CORPUS_COUNTS = {"ريف": 32, "البريف": 0, "ببريف": 0, "كبريف": 0, "بريف": 11, "قيه": 0,
                 "تنظيم": 490, "اللتنظيم": 0, "بلتنظيم": 0, "كلتنظيم": 0, "لتنظيم": 76,
                 "سط": 0, "انوا": 0, "يما": 0}
CORPUS_TOTAL = 1_059_895


@pytest.fixture
def loads(monkeypatch) -> list[Project]:  # type: ignore[no-untyped-def]
    """The window's calls of ``project_lexicon``, answered with the corpus counts."""
    calls: list[Project] = []

    def project_lexicon(project: Project) -> Lexicon:
        calls.append(project)
        return Lexicon(CORPUS_COUNTS, CORPUS_TOTAL)

    monkeypatch.setattr(main_window_module, "project_lexicon", project_lexicon)
    return calls


@pytest.fixture
def window(qtbot, tmp_path: Path, test_data: Path, loads) -> MainWindow:  # type: ignore[no-untyped-def]
    project = Project.init(tmp_path / "project")
    text = (test_data / "sample-article-ar.txt").read_text(encoding="utf-8")
    project.add_documents([Document("article", text)])
    w = shown_window(qtbot, project, "article")
    yield w
    close_window(w)


def select(window: MainWindow, needle: str) -> tuple[int, int]:
    text = window.document_view.text
    start = text.index(needle)
    window.document_view.select_range(start, start + len(needle))
    window.document_view.setFocus()
    return start, start + len(needle)


def selected(window: MainWindow) -> str:
    start, end = window.document_view.selected_range()
    return window.document_view.text[start:end]


@pytest.mark.parametrize("words", ["بلدة السخنة", "بقية", "وسط", "كانوا", "فيما"])
def test_x_keeps_a_root_letter_that_looks_like_a_proclitic(qtbot, window, loads, words):  # type: ignore[no-untyped-def]
    select(window, words)
    assert "X leaves out" not in window.statusBar().currentMessage()
    qtbot.keyClick(window.document_view, Qt.Key.Key_X)
    assert selected(window) == words  # not «لدة السخنة», «قية», «سط», «انوا», «يما»
    assert window.statusBar().currentMessage().startswith("No leading proclitic")
    assert loads == [window.project]


def test_x_leaves_out_a_real_proclitic_and_loads_the_counts_once(qtbot, window, loads):  # type: ignore[no-untyped-def]
    view = window.document_view
    select(window, "بريف البوكمال")
    assert "X leaves out «\u2068ب\u2069»" in window.statusBar().currentMessage()
    qtbot.keyClick(view, Qt.Key.Key_X)
    assert selected(window) == "ريف البوكمال"
    # On a span: one resize.
    select(window, "لتنظيم داعش")
    qtbot.keyClick(view, Qt.Key.Key_A)
    qtbot.keyClick(view, Qt.Key.Key_X)
    assert [s.text for s in window.doc.session.aset.spans] == ["تنظيم داعش"]
    select(window, "بقية")
    qtbot.keyClick(view, Qt.Key.Key_X)
    assert loads == [window.project]  # read at the first selection, then kept
