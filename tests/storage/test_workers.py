"""Worker processes are forked only where that is safe: never from a process with Qt loaded
(the window) or running other threads. Each case runs in a fresh interpreter, since this test
process may have Qt loaded by earlier tests."""

from __future__ import annotations

import subprocess
import sys

import pytest

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"),
                                reason="fork is only chosen on Linux")


def start_method(setup: str) -> str:
    code = (f"{setup}\nfrom annotator.storage.workers import process_context\n"
            "print(process_context().get_start_method())")
    return subprocess.run([sys.executable, "-c", code], check=True, capture_output=True,
                          text=True).stdout.strip()


def test_a_plain_single_threaded_process_forks() -> None:
    assert start_method("") == "fork"


def test_a_process_with_qt_loaded_spawns() -> None:
    assert start_method("import PySide6.QtCore") == "spawn"


def test_a_process_running_another_thread_spawns() -> None:
    setup = ("import threading, time\n"
             "threading.Thread(target=time.sleep, args=(5,), daemon=True).start()")
    assert start_method(setup) == "spawn"
