"""How worker processes start, for every pool in the program (validation, agreement, export).

fork where it is safe: Linux, one thread, no Qt loaded. Forked workers start in milliseconds
with every module already imported (spawned ones take a quarter of a second to start and
import) and need no ``if __name__ == "__main__"`` guard in the caller. spawn otherwise: a
forked copy of a process running Qt or other threads can deadlock, and the window is such a
process.
"""

from __future__ import annotations

import multiprocessing
import sys
import threading
from multiprocessing.context import BaseContext


def process_context() -> BaseContext:
    if (sys.platform.startswith("linux") and threading.active_count() == 1
            and not any(m.startswith(("PySide6", "shiboken6")) for m in sys.modules)):
        return multiprocessing.get_context("fork")
    return multiprocessing.get_context("spawn")
