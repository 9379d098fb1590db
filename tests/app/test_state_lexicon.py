"""The coding state's word counts (no Qt): read once, at first use, by X and the hint."""

from __future__ import annotations

from pathlib import Path

from annotator.app import commands
from annotator.app.document import DocumentHandle
from annotator.app.state import CodingState
from annotator.core.lexicon import Lexicon
from annotator.core.model import Document
from annotator.errors import AnnotatorError
from annotator.storage.project import Project

TEXT = "وصل الرتل إلى بلدية الميادين بريف دير الزور"
COUNTS = Lexicon({"ريف": 32, "بلديه": 40, "البلديه": 120, "لديه": 5}, total=1_000_000)


def open_state(tmp_path: Path, source) -> CodingState:  # type: ignore[no-untyped-def]
    project = Project.init(tmp_path / "project")
    project.add_documents([Document("d", TEXT)])
    state = CodingState(project.codebook, lexicon=source)
    state.open(DocumentHandle.open(project, "d", "c", lock=False))
    return state


def select(state: CodingState, words: str) -> None:
    start = TEXT.index(words)
    state.set_selection(start, start + len(words))


def test_counts_are_read_at_first_use_and_kept(tmp_path: Path) -> None:
    calls: list[int] = []

    def source() -> Lexicon:
        calls.append(1)
        return COUNTS

    state = open_state(tmp_path, source)
    assert calls == []  # opening a window does not count a corpus
    select(state, "بلدية")
    assert "X leaves out" not in commands.describe_selection(state)  # «البلدية» occurs
    assert not commands.trim_proclitic(state).ok
    select(state, "بريف")
    assert "X leaves out «\u2068ب\u2069»" in commands.describe_selection(state)
    assert commands.trim_proclitic(state).ok and state.selection == (TEXT.index("ريف"),
                                                                     TEXT.index(" دير"))
    assert calls == [1]


def test_without_counts_the_old_rule_applies(tmp_path: Path) -> None:
    def broken() -> Lexicon:
        raise AnnotatorError("documents/x.json: not JSON")

    for state in (open_state(tmp_path / "a", None), open_state(tmp_path / "b", broken)):
        select(state, "بلدية")
        assert commands.trim_proclitic(state).ok  # «لدية»: what X did before the counts
        assert state.lexicon is None
