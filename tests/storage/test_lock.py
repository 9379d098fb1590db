"""FileLock against real second processes: held, released, crashed (stale), raced."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
from pathlib import Path

import pytest

from annotator.errors import AnnotatorError
from annotator.storage.lock import FileLock, LockedError, LockInfo

REPO = Path(__file__).resolve().parents[2]
ENV = dict(os.environ, PYTHONPATH=str(REPO), PYTHONDONTWRITEBYTECODE="1")

HOLDER = r"""
import sys
from pathlib import Path
from annotator.storage.lock import FileLock
lock = FileLock(Path(sys.argv[1]), coder="coder-b")
lock.acquire()
print("locked", flush=True)
if sys.stdin.readline().strip() == "release":
    lock.release()
    print("released", flush=True)
"""

TRY_ONCE = r"""
import sys
from pathlib import Path
from annotator.storage.lock import FileLock, LockedError
lock = FileLock(Path(sys.argv[1]))
sys.stdin.readline()  # start together
try:
    lock.acquire()
except LockedError:
    print("refused", flush=True)
else:
    print("won", flush=True)
    sys.stdin.readline()  # hold until the test has counted
"""


def start_holder(target: Path) -> subprocess.Popen[str]:
    proc = subprocess.Popen([sys.executable, "-c", HOLDER, str(target)], stdin=subprocess.PIPE,
                            stdout=subprocess.PIPE, text=True, env=ENV)
    assert proc.stdout is not None
    assert proc.stdout.readline() == "locked\n"
    return proc


def finish(proc: subprocess.Popen[str]) -> None:
    for stream in (proc.stdin, proc.stdout):
        if stream:
            stream.close()
    proc.wait(timeout=10)


@pytest.fixture()
def target(tmp_path: Path) -> Path:
    path = tmp_path / "doc-1.coder-a.json"
    path.write_text("{}")
    return path


def test_acquire_writes_holder_and_release_removes(target: Path) -> None:
    lock = FileLock(target, coder="coder-a")
    lock.acquire()
    lock_file = target.with_name(target.name + ".lock")
    assert lock_file.exists() and lock.owned
    data = json.loads(lock_file.read_text("utf-8"))
    assert data["host"] == socket.gethostname()
    assert data["pid"] == os.getpid()
    assert data["coder"] == "coder-a"
    assert {"user", "created"} <= data.keys()
    held = lock.holder()
    assert held is not None and held.pid == os.getpid() and held.coder == "coder-a"
    lock.release()
    assert not lock_file.exists() and not lock.owned
    assert lock.holder() is None
    lock.release()  # twice is harmless


def test_coder_is_optional(target: Path) -> None:
    with FileLock(target) as lock:
        data = json.loads(lock.lock_path.read_text("utf-8"))
        assert "coder" not in data


def test_context_manager_releases_on_error(target: Path) -> None:
    lock = FileLock(target)
    with pytest.raises(RuntimeError), lock:
        assert lock.owned
        raise RuntimeError("boom")
    assert not lock.lock_path.exists()


def test_second_lock_in_same_process_is_refused(target: Path) -> None:
    with FileLock(target):
        with pytest.raises(LockedError) as info:
            FileLock(target).acquire()
        assert f"process {os.getpid()}" in str(info.value)
    FileLock(target).acquire()


def test_acquire_twice_on_one_object_is_an_error(target: Path) -> None:
    with FileLock(target) as lock, pytest.raises(AnnotatorError, match="already held"):
        lock.acquire()


def test_release_leaves_a_lock_that_is_not_ours(target: Path) -> None:
    lock = FileLock(target)
    lock.acquire()
    foreign = {"host": "other-pc", "pid": 4242, "user": "sara", "created": "2026-01-01T10:00:00Z",
               "token": "feedface"}
    lock.lock_path.write_text(json.dumps(foreign), "utf-8")
    assert not lock.owned
    lock.release()
    assert json.loads(lock.lock_path.read_text("utf-8")) == foreign


def test_other_process_holds_then_releases(target: Path) -> None:
    proc = start_holder(target)
    try:
        with pytest.raises(LockedError) as info:
            FileLock(target).acquire()
        message = str(info.value)
        holder = info.value.holder
        assert holder is not None and holder.pid == proc.pid and holder.coder == "coder-b"
        assert str(target) in message
        assert socket.gethostname() in message
        assert f"process {proc.pid}" in message
        assert f"since {holder.created}" in message
        assert "coder-b" in message
        assert FileLock(target).holder() == holder
        assert proc.stdin is not None and proc.stdout is not None
        proc.stdin.write("release\n")
        proc.stdin.flush()
        assert proc.stdout.readline() == "released\n"
    finally:
        finish(proc)
    with FileLock(target) as lock:
        assert lock.owned


def test_lock_of_crashed_process_is_taken_over(target: Path) -> None:
    proc = start_holder(target)
    pid = proc.pid
    proc.kill()
    finish(proc)
    lock = FileLock(target)
    held = lock.holder()
    assert held is not None and held.pid == pid and held.is_stale()
    lock.acquire()
    new = lock.holder()
    assert new is not None and new.pid == os.getpid()
    lock.release()
    assert [p.name for p in target.parent.iterdir()] == [target.name]


def test_lock_of_live_process_is_not_stale(target: Path) -> None:
    proc = start_holder(target)
    try:
        held = FileLock(target).holder()
        assert held is not None and not held.is_stale()
    finally:
        proc.kill()
        finish(proc)


def test_lock_from_another_host_is_never_taken_over(target: Path) -> None:
    lock_path = target.with_name(target.name + ".lock")
    dead = subprocess.Popen([sys.executable, "-c", "pass"])
    dead.wait()
    lock_path.write_text(json.dumps({"host": "laptop-of-sara", "pid": dead.pid, "user": "sara",
                                     "created": "2026-03-01T09:30:00Z"}), "utf-8")
    with pytest.raises(LockedError) as info:
        FileLock(target).acquire()
    assert "sara on laptop-of-sara, process" in str(info.value)
    assert "since 2026-03-01T09:30:00Z" in str(info.value)
    # The user may still decide to break it.
    broken = FileLock(target).break_lock()
    assert broken is not None and broken.host == "laptop-of-sara"
    with FileLock(target):
        pass


@pytest.mark.parametrize("content", [b"", b"{not json", b'{"host": 1}', b"[[[[", b"\xff\xfe"])
def test_damaged_old_lock_is_reported(target: Path, content: bytes) -> None:
    lock_path = target.with_name(target.name + ".lock")
    lock_path.write_bytes(content)
    os.utime(lock_path, (1_000_000_000, 1_000_000_000))
    lock = FileLock(target)
    assert lock.holder() is None
    with pytest.raises(LockedError, match=r"cannot be read.*delete"):
        lock.acquire()
    assert lock_path.read_bytes() == content


def test_check_free_says_what_acquire_would_and_changes_nothing(target: Path) -> None:
    lock_path = target.with_name(target.name + ".lock")
    FileLock(target).check_free()  # no lock at all
    assert not lock_path.exists()
    proc = start_holder(target)
    try:
        held = lock_path.read_bytes()
        with pytest.raises(LockedError) as checked:
            FileLock(target).check_free()
        with pytest.raises(LockedError) as acquired:
            FileLock(target).acquire()
        assert str(checked.value) == str(acquired.value)
        assert checked.value.holder == acquired.value.holder
        assert lock_path.read_bytes() == held
    finally:
        proc.kill()
        finish(proc)
    crashed = lock_path.read_bytes()  # the killed holder's lock: stale, free to take
    FileLock(target).check_free()
    assert lock_path.read_bytes() == crashed  # left for acquire to take over
    lock_path.write_bytes(b"{not json")
    os.utime(lock_path, (1_000_000_000, 1_000_000_000))
    with pytest.raises(LockedError, match=r"cannot be read.*delete"):
        FileLock(target).check_free()


def test_racing_processes_only_one_wins(target: Path) -> None:
    procs = [subprocess.Popen([sys.executable, "-c", TRY_ONCE, str(target)],
                              stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True, env=ENV)
             for _ in range(8)]
    try:
        for p in procs:
            assert p.stdin is not None
            p.stdin.write("go\n")
            p.stdin.flush()
        results = []
        for p in procs:
            assert p.stdout is not None
            results.append(p.stdout.readline().strip())
        assert sorted(results) == ["refused"] * 7 + ["won"]
    finally:
        for p in procs:
            finish(p)


def test_racing_takeover_of_a_stale_lock_only_one_wins(target: Path) -> None:
    holder = start_holder(target)
    holder.kill()
    finish(holder)
    procs = [subprocess.Popen([sys.executable, "-c", TRY_ONCE, str(target)],
                              stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True, env=ENV)
             for _ in range(6)]
    try:
        for p in procs:
            assert p.stdin is not None
            p.stdin.write("go\n")
            p.stdin.flush()
        results = []
        for p in procs:
            assert p.stdout is not None
            results.append(p.stdout.readline().strip())
        assert sorted(results) == ["refused"] * 5 + ["won"]
    finally:
        for p in procs:
            finish(p)


def test_lock_info_from_dict_rejects_junk() -> None:
    assert LockInfo.from_dict([]) is None
    assert LockInfo.from_dict({"host": "h", "pid": True}) is None
    assert LockInfo.from_dict({"host": "h", "pid": "12"}) is None
    info = LockInfo.from_dict({"host": "h", "pid": 12, "user": "u", "created": "t", "coder": ""})
    assert info is not None and info.coder is None


def test_lock_in_missing_folder_is_an_annotator_error(tmp_path: Path) -> None:
    with pytest.raises(AnnotatorError, match="cannot create the lock file"):
        FileLock(tmp_path / "nope" / "a.json").acquire()
