"""Fixtures for the Qt layer: the shared data folder and a shown DocumentView."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

_SHARED = Path(__file__).resolve().parents[3] / "shared"


@pytest.fixture(scope="session")
def shared_data() -> Path:
    """``shared/data`` beside the clone (or under ``$ANNOTATOR_SHARED`` in CI)."""
    root = _SHARED if _SHARED.is_dir() else Path(os.environ.get("ANNOTATOR_SHARED", _SHARED))
    data = root / "data"
    if not data.is_dir():
        pytest.skip(f"shared data folder not found at {data}")
    return data
