"""Settings every test shares (headless Qt) and the one place that finds the test data.

Small copies of real files ship in ``tests/data`` (the ``test_data`` fixture), so a bare clone
tests the real-file paths. Bigger data (the whole SaudiNewsNet day) stays in the shared data
folder: ``shared/`` beside the clone, else ``$ANNOTATOR_SHARED``; a test asks for it with
``shared_data(...)`` and is skipped, naming the file and where it was looked for, without it.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

# Headless Qt for every test; set before any Qt import.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.dont_write_bytecode = True

TEST_DATA = Path(__file__).resolve().parent / "data"
SHARED_BESIDE_CLONE = Path(__file__).resolve().parents[1].parent / "shared"


def shared_root() -> Path:
    """``shared/`` beside the clone when it is there, else ``$ANNOTATOR_SHARED`` (if set)."""
    if SHARED_BESIDE_CLONE.is_dir():
        return SHARED_BESIDE_CLONE
    return Path(os.environ.get("ANNOTATOR_SHARED") or SHARED_BESIDE_CLONE)


@pytest.fixture(scope="session")
def test_data() -> Path:
    """``tests/data``: small copies of shared files, with their licence notices."""
    return TEST_DATA


@pytest.fixture(scope="session")
def shared_data() -> Callable[..., Path]:
    """``shared_data("saudinewsnet/2015-07-21.zip")``: that file of ``shared/data``
    (``shared_data()``: the folder), or a skip that names it, so a clone without the shared
    folder runs everything else."""
    data = shared_root() / "data"

    def find(relative: str = "") -> Path:
        path = data / relative
        if not (path.is_file() if relative else path.is_dir()):
            what = f"file {relative}" if relative else "folder"
            pytest.skip(f"shared data {what} not found at {path} (put shared/ beside the clone "
                        "or set ANNOTATOR_SHARED)")
        return path

    return find
