"""Golden files: each exporter's output for a small fixed project, byte for byte.

Regenerate after an intended change with ``ANNOTATOR_UPDATE_GOLDEN=1 pytest
tests/formats/test_golden_exports.py`` and review the diff like code.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from test_fixtures_formats import GOLDEN, build_golden

from annotator.formats.export import export_project
from annotator.formats.registry import export_formats

UPDATE = os.environ.get("ANNOTATOR_UPDATE_GOLDEN") == "1"
NOT_GOLDEN = {"dataset-card.md", "dataset-card.json", "SHA256SUMS"}  # times and paths


def data_files(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*"))
            if p.is_file() and p.name not in NOT_GOLDEN}


@pytest.mark.parametrize("fmt", [f.name for f in export_formats()])
def test_export_matches_its_golden_files(tmp_path, fmt):
    project = build_golden(tmp_path / "p")
    report = export_project(project, fmt, tmp_path / "out", workers=1)
    assert report.written
    got = data_files(tmp_path / "out")
    golden = GOLDEN / fmt
    if UPDATE:
        for rel, data in got.items():
            (golden / rel).parent.mkdir(parents=True, exist_ok=True)
            (golden / rel).write_bytes(data)
    assert got == data_files(golden)
