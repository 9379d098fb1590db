"""Process-wide settings the application changes, in one place.

Both exist for one reason: the window's GUI thread must not wait for the interpreter while the
writer thread validates and writes a large set.
"""

from __future__ import annotations

import gc
import sys
from collections.abc import Iterator
from contextlib import contextmanager

# While a background write runs, the GUI thread waits for the GIL at most this long per switch
# (Python's default is 5 ms: a repaint making hundreds of Python calls would stall for the
# whole job).
WRITE_SWITCH_INTERVAL = 0.0005


@contextmanager
def quick_handoff() -> Iterator[None]:
    """Around work on a background thread: hand the GIL back to the GUI thread often."""
    normal = sys.getswitchinterval()
    sys.setswitchinterval(min(normal, WRITE_SWITCH_INTERVAL))
    try:
        yield
    finally:
        sys.setswitchinterval(normal)


# Sets smaller than this are left to the collector: a full collection of the whole process
# costs more (about 90 ms) than its passes over a small set ever would.
SETTLE_MIN_ITEMS = 2000


def settle_after_load(items: int) -> None:
    """After loading a document of ``items`` spans and events: for a large one, collect once
    and freeze what survived, so the cyclic GC's full passes (30-40 ms at 10,000 spans,
    holding the GIL) stop rescanning the long-lived objects of the open set while the coder
    edits and the writer saves."""
    if items >= SETTLE_MIN_ITEMS:
        gc.collect()
        gc.freeze()


def release_after_close() -> None:
    """After closing a document: let the collector see the frozen objects again."""
    gc.unfreeze()
