"""The system refusing a write (read-only disk, no permission, full disk) gives a plain message
naming the path and exit code 2, never "internal error ... This is a bug".

Tests run as root here, where a mode does not stop a write: each case runs on a read-only
tmpfs when this machine lets the test mount one, and always with the system call made to
refuse as a read-only disk or a missing permission would."""

from __future__ import annotations

import errno
import os
import shutil
import subprocess
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from annotator.cli.main import main
from annotator.storage.oserrors import plain_os_error, plain_reason

DOCCANO = '{"text": "نص", "label": []}\n'


def run(capsys, *argv: object) -> tuple[int, str, str]:
    code = main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return code, out, err


def assert_plain(code: int, err: str, path: Path, reason: str) -> None:
    assert code == 2, err
    assert "internal error" not in err and "Errno" not in err and "Traceback" not in err, err
    assert str(path) in err and reason in err, err


@pytest.fixture
def read_only() -> Iterator[Callable[[Path], None]]:
    """Makes a folder read-only as a read-only disk is: a read-only bind mount of itself (on
    Linux, as root with mount rights only)."""
    if os.name == "nt" or os.geteuid() != 0 or shutil.which("mount") is None:
        pytest.skip("a read-only bind mount needs root on Linux")
    mounted: list[Path] = []

    def make(folder: Path) -> None:
        folder.mkdir(parents=True, exist_ok=True)
        for command in (["mount", "--bind", str(folder), str(folder)],
                        ["mount", "-o", "remount,ro,bind", str(folder)]):
            done = subprocess.run(command, capture_output=True)
            if done.returncode != 0:
                pytest.skip(f"this machine does not let the test mount: {done.stderr!r}")
            if command[1] == "--bind":
                mounted.append(folder)

    try:
        yield make
    finally:
        for folder in reversed(mounted):
            subprocess.run(["umount", str(folder)], check=True)


def refuse_mkdir_under(monkeypatch, folder: Path, code: int) -> None:
    """``mkdir`` below ``folder`` fails as a read-only disk (EROFS) or a locked folder
    (EACCES) makes it fail."""
    real_mkdir = os.mkdir

    def mkdir(path, *args, **kwargs):
        if Path(path).is_relative_to(folder):
            raise OSError(code, os.strerror(code), str(path))
        return real_mkdir(path, *args, **kwargs)

    monkeypatch.setattr(os, "mkdir", mkdir)


def small_project(tmp_path: Path, capsys) -> Path:
    assert run(capsys, "init", tmp_path / "p")[0] == 0
    (tmp_path / "a.txt").write_text("نص", encoding="utf-8")
    assert run(capsys, "import", tmp_path / "p", tmp_path / "a.txt")[0] == 0
    return tmp_path / "p"


# -- init -----------------------------------------------------------------------------------------
def test_init_on_a_read_only_disk(tmp_path: Path, capsys, read_only) -> None:
    read_only(tmp_path / "ro")
    code, _, err = run(capsys, "init", tmp_path / "ro" / "p")
    assert_plain(code, err, tmp_path / "ro" / "p", "the disk is mounted read-only")


def test_init_in_a_read_only_folder(tmp_path: Path, capsys, monkeypatch) -> None:
    refuse_mkdir_under(monkeypatch, tmp_path / "ro", errno.EROFS)
    code, _, err = run(capsys, "init", tmp_path / "ro" / "p")
    assert_plain(code, err, tmp_path / "ro", "the disk is mounted read-only")
    assert "cannot create the project" in err


# -- export --output ------------------------------------------------------------------------------
def test_export_to_a_read_only_disk(tmp_path: Path, capsys, read_only) -> None:
    project = small_project(tmp_path, capsys)
    read_only(tmp_path / "out")
    for output in (tmp_path / "out", tmp_path / "out" / "new"):
        code, _, err = run(capsys, "export", project, "--format", "jsonl", "--output", output)
        assert_plain(code, err, tmp_path / "out", "the disk is mounted read-only")


def test_export_to_a_folder_without_permission(tmp_path: Path, capsys, monkeypatch) -> None:
    project = small_project(tmp_path, capsys)
    (tmp_path / "out").mkdir()
    refuse_mkdir_under(monkeypatch, tmp_path / "out", errno.EACCES)
    code, _, err = run(capsys, "export", project, "--format", "jsonl", "--output",
                       tmp_path / "out")
    assert_plain(code, err, tmp_path / "out", "permission denied")


# -- import-annotations with annotations/ unwritable ----------------------------------------------
def test_import_annotations_with_the_annotations_folder_read_only(tmp_path: Path, capsys,
                                                                  read_only) -> None:
    assert run(capsys, "init", tmp_path / "p")[0] == 0
    (tmp_path / "in.jsonl").write_text(DOCCANO, encoding="utf-8")
    read_only(tmp_path / "p" / "annotations")
    code, _, err = run(capsys, "import-annotations", tmp_path / "p", tmp_path / "in.jsonl",
                       "--format", "doccano", "--coder", "pre")
    assert_plain(code, err, tmp_path / "p" / "annotations" / "pre",
                 "the disk is mounted read-only")


def test_import_annotations_with_the_annotations_folder_locked(tmp_path: Path, capsys,
                                                               monkeypatch) -> None:
    assert run(capsys, "init", tmp_path / "p")[0] == 0
    (tmp_path / "in.jsonl").write_text(DOCCANO, encoding="utf-8")
    refuse_mkdir_under(monkeypatch, tmp_path / "p" / "annotations", errno.EACCES)
    code, _, err = run(capsys, "import-annotations", tmp_path / "p", tmp_path / "in.jsonl",
                       "--format", "doccano", "--coder", "pre")
    assert_plain(code, err, tmp_path / "p" / "annotations" / "pre", "permission denied")


# -- the words ------------------------------------------------------------------------------------
@pytest.mark.parametrize("exc, words", [
    (PermissionError(errno.EACCES, "Permission denied"), "permission denied"),
    (OSError(errno.EPERM, "Operation not permitted"), "permission denied"),
    (OSError(errno.EROFS, "Read-only file system"), "the disk is mounted read-only"),
    (OSError(errno.ENOSPC, "No space left on device"), "the disk is full"),
    (OSError(errno.EDQUOT, "Disk quota exceeded"), "the disk quota is used up"),
    (OSError(errno.ECONNRESET, "Connection reset by peer"), "Connection reset by peer"),
])
def test_plain_reasons(exc: OSError, words: str) -> None:
    assert plain_reason(exc) == words or plain_reason(exc).startswith(words)


def test_plain_os_error_names_the_path() -> None:
    exc = OSError(errno.EROFS, "Read-only file system", "/mnt/p/documents")
    assert plain_os_error(exc) == "/mnt/p/documents: the disk is mounted read-only"
    assert plain_os_error(exc, Path("/mnt/p")) == "/mnt/p: the disk is mounted read-only"
    assert plain_os_error(OSError(errno.ENOSPC, "x")) == "the disk is full"


def test_any_os_error_that_escapes_a_command_is_told_plainly(capsys, monkeypatch) -> None:
    from annotator.cli.commands import init

    def refused(args):
        raise OSError(errno.EROFS, "Read-only file system", "/somewhere/x")

    monkeypatch.setattr(init, "cmd_init", refused)
    code, _, err = run(capsys, "init", "/somewhere/x")
    assert err == "annotator: error: /somewhere/x: the disk is mounted read-only\n"
    assert code == 2
