"""The layer boundary, checked mechanically: core, storage and formats never load Qt; and the
PySide6 crash on Python 3.11 stays fixed by the pin in setup.cfg."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
HEADLESS_PACKAGES = ("annotator.core", "annotator.storage", "annotator.formats", "annotator.app")


def _env() -> dict[str, str]:
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(REPO), env.get("PYTHONPATH")]))
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    return env


def _run(code: str, timeout: float = 300) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-c", textwrap.dedent(code)], cwd=REPO, env=_env(),
                          capture_output=True, text=True, timeout=timeout)


def test_import_linter_contracts_are_kept():
    exe = Path(sys.executable).with_name("lint-imports")
    command = [str(exe)] if exe.exists() else [shutil.which("lint-imports") or "lint-imports"]
    result = subprocess.run([*command, "--no-cache"], cwd=REPO, env=_env(), capture_output=True,
                            text=True, timeout=300)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "0 broken" in result.stdout


def test_headless_packages_never_load_qt():
    result = _run(f"""
        import importlib, pkgutil, sys
        names = []
        for package_name in {HEADLESS_PACKAGES!r}:
            package = importlib.import_module(package_name)
            names.append(package_name)
            for info in pkgutil.walk_packages(package.__path__, package_name + "."):
                importlib.import_module(info.name)
                names.append(info.name)
        qt = sorted(m for m in sys.modules
                    if m.split(".")[0] in ("PySide6", "shiboken6") or m.startswith("annotator.gui"))
        print(len(names), *names)
        assert not qt, qt
    """)
    assert result.returncode == 0, result.stdout + result.stderr
    count, *names = result.stdout.split()
    assert "annotator.core.edits" in names and "annotator.storage.project" in names
    assert "annotator.app.document" in names and "annotator.app.commands" in names
    assert int(count) == len(names) >= 10


def test_twenty_thousand_void_binding_calls_do_not_crash():
    """PySide6 6.12.0 aborts Python 3.11 in none_dealloc after a few thousand calls of methods
    returning None (a refcount bug); setup.cfg keeps 3.11 below 6.12."""
    pytest.importorskip("PySide6")
    result = _run("""
        from PySide6.QtGui import QGuiApplication, QTextCursor, QTextDocument
        app = QGuiApplication([])
        doc = QTextDocument("نص عربي للاختبار " * 20)
        cursor = QTextCursor(doc)
        n = doc.characterCount() - 1
        for i in range(20_000):
            cursor.setPosition(i % n)
            cursor.setPosition((i * 7) % n, QTextCursor.MoveMode.KeepAnchor)
        print("ok", cursor.position())
    """)
    assert result.returncode == 0, (result.returncode, result.stderr[-2000:])
    assert result.stdout.startswith("ok")


def test_the_window_loads_export_and_import_only_when_a_dialog_opens():
    result = _run("""
        import sys
        import annotator.gui.main_window
        late = sorted(m for m in sys.modules if m in (
            "annotator.gui.transfer", "annotator.formats.export", "annotator.formats.importing"))
        assert not late, late
    """)
    assert result.returncode == 0, result.stdout + result.stderr


def test_every_package_ships_in_the_wheel():
    """setup.cfg lists packages by hand (resources/ and schemas/ are mapped into the package):
    a new subpackage missing there would be left out of a non-editable install."""
    import configparser

    config = configparser.ConfigParser()
    config.read(REPO / "setup.cfg", encoding="utf-8")
    listed = set(config["options"]["packages"].split())
    found = {".".join(p.parent.relative_to(REPO).parts)
             for p in (REPO / "annotator").rglob("__init__.py")}
    assert found <= listed, sorted(found - listed)
