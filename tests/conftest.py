import os
import sys
from pathlib import Path

# Headless Qt for every test; set before any Qt import.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
if not SHARED.is_dir():  # CI lays shared/ beside the clone
    SHARED = Path(os.environ.get("ANNOTATOR_SHARED", SHARED))
sys.dont_write_bytecode = True
