"""An export of gold sets says in its card how they were made: documents adjudicated, the
share of items agreed and decided, and the agreement of the coders behind them."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from annotator.formats.export import export_project
from annotator.paths import resource
from annotator.storage.agreement import project_agreement
from annotator.storage.project import Project


def _sample(tmp_path: Path) -> Project:
    shutil.copytree(resource("sample-project"), tmp_path / "p")
    return Project.open(tmp_path / "p")


def test_the_card_of_a_gold_export_records_how_gold_was_made(tmp_path: Path) -> None:
    project = _sample(tmp_path)
    report = export_project(project, "jsonl", tmp_path / "out", coder="gold")
    assert report.written
    card = json.loads((tmp_path / "out" / "dataset-card.json").read_text(encoding="utf-8"))
    gold = card["gold"]
    assert gold["documents_adjudicated"] == 1 and gold["coders"] == ["demo", "layla"]
    assert gold["disagreements"]["decided"] + gold["disagreements"]["open"] == 10
    assert 0 < gold["share_agreed"] < 1
    assert abs(gold["share_agreed"] + gold["share_decided"] - 1) < 1e-3
    measured = project_agreement(project, coders=["demo", "layla"], status=None)
    assert gold["coder_agreement"]["table"] == measured.group.table()
    markdown = (tmp_path / "out" / "dataset-card.md").read_text(encoding="utf-8")
    assert "## Gold standard" in markdown and "| demo / layla | 0.909 |" in markdown


def test_an_export_of_coders_has_no_gold_part(tmp_path: Path) -> None:
    project = _sample(tmp_path)
    export_project(project, "jsonl", tmp_path / "out", coder="demo")
    card = json.loads((tmp_path / "out" / "dataset-card.json").read_text(encoding="utf-8"))
    assert "gold" not in card
    assert "Gold standard" not in (tmp_path / "out" / "dataset-card.md").read_text("utf-8")
