"""atomic_write / read_json: crash safety (a child process SIGKILLed mid-save), backups, temp
cleanup, and hostile files that must give a clear AnnotatorError, never a traceback."""

from __future__ import annotations

import errno
import io
import json
import os
import signal
import stat
import subprocess
import sys
import tempfile
import threading
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from annotator.core.jsonio import dump_bytes
from annotator.errors import AnnotatorError
from annotator.storage import atomic
from annotator.storage.atomic import (
    atomic_write,
    atomic_write_json,
    cleanup_stale_temps,
    is_temp_name,
    read_json,
)

REPO = Path(__file__).resolve().parents[2]


def annotation_like(version: int, n_spans: int = 7000) -> dict:
    """A big annotation set; each version differs throughout, so a torn file cannot pass."""
    return {
        "format_version": 1,
        "offset_unit": "codepoint",
        "document": {"id": "2015-07-21-0001", "sha256": f"{version:064x}"},
        "coder": "coder-a",
        "status": "in_progress",
        "spans": [{"id": f"s{i}", "start": i * 7 + version, "end": i * 7 + version + 5,
                   "label": "ACTOR" if (i + version) % 2 else "PLACE",
                   "text": "دير الزور" if version % 2 else "البوكمال"}
                  for i in range(n_spans)],
        "events": [{"id": f"e{i}", "type": "attack", "trigger": f"s{i}",
                    "roles": {"actor": [f"s{i + 1}"]}, "fields": {"v": version}}
                   for i in range(0, n_spans, 3)],
        "fields": {"version": version},
    }


def leftovers(folder: Path, name: str) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name not in (name, name + ".bak"))


# -- basic behaviour ---------------------------------------------------------------------------
def test_write_creates_file_without_backup_then_keeps_previous_as_bak(tmp_path: Path) -> None:
    target = tmp_path / "a.json"
    atomic_write(target, b"one")
    assert target.read_bytes() == b"one"
    assert not (tmp_path / "a.json.bak").exists()
    atomic_write(target, b"two")
    assert target.read_bytes() == b"two"
    assert (tmp_path / "a.json.bak").read_bytes() == b"one"
    atomic_write(target, b"three")
    assert (tmp_path / "a.json.bak").read_bytes() == b"two"
    assert leftovers(tmp_path, "a.json") == []


def test_backup_false_leaves_bak_alone(tmp_path: Path) -> None:
    target = tmp_path / "a.json"
    atomic_write(target, b"one")
    atomic_write(target, b"two", backup=False)
    assert not (tmp_path / "a.json.bak").exists()
    atomic_write(target, b"three")
    atomic_write(target, b"four", backup=False)
    assert (tmp_path / "a.json.bak").read_bytes() == b"two"
    assert target.read_bytes() == b"four"


def test_backup_is_independent_of_the_new_file(tmp_path: Path) -> None:
    # The backup is a hard link to the old inode; the new content must be a different file.
    target = tmp_path / "a.json"
    atomic_write(target, b"old")
    atomic_write(target, b"new")
    assert os.stat(target).st_ino != os.stat(tmp_path / "a.json.bak").st_ino
    assert (tmp_path / "a.json.bak").read_bytes() == b"old"


def test_backup_when_bak_already_shares_the_inode(tmp_path: Path) -> None:
    # A crash between making the backup and replacing the file leaves both names on one inode;
    # rename() between them is a no-op, which must not leave a temp file behind.
    target = tmp_path / "a.json"
    atomic_write(target, b"old")
    os.link(target, tmp_path / "a.json.bak")
    atomic_write(target, b"new")
    assert target.read_bytes() == b"new"
    assert (tmp_path / "a.json.bak").read_bytes() == b"old"
    assert leftovers(tmp_path, "a.json") == []


def test_backup_falls_back_to_copy_without_hard_links(tmp_path: Path, monkeypatch) -> None:
    def no_link(*args, **kwargs):
        raise OSError(errno.EPERM, "Operation not permitted")

    monkeypatch.setattr(os, "link", no_link)
    target = tmp_path / "a.json"
    atomic_write(target, b"old")
    atomic_write(target, b"new")
    assert target.read_bytes() == b"new"
    assert (tmp_path / "a.json.bak").read_bytes() == b"old"
    assert leftovers(tmp_path, "a.json") == []


def test_path_never_missing_while_saving(tmp_path: Path, monkeypatch) -> None:
    target = tmp_path / "a.json"
    atomic_write(target, b"v0")
    real_replace, real_link, real_unlink = os.replace, os.link, os.unlink
    checks: list[str] = []

    def check(step: str) -> None:
        assert target.exists(), f"{target.name} missing {step}"
        checks.append(step)

    def replace(src, dst, *a, **k):
        check("before replace")
        real_replace(src, dst, *a, **k)
        check("after replace")

    def link(src, dst, *a, **k):
        check("before link")
        real_link(src, dst, *a, **k)
        check("after link")

    def unlink(p, *a, **k):
        check("before unlink")
        real_unlink(p, *a, **k)
        check("after unlink")

    monkeypatch.setattr(os, "replace", replace)
    monkeypatch.setattr(os, "link", link)
    monkeypatch.setattr(os, "unlink", unlink)
    for i in range(1, 5):
        atomic_write(target, f"v{i}".encode())
    assert target.read_bytes() == b"v4"
    assert "before link" in checks and "after replace" in checks


def test_a_concurrent_reader_always_finds_a_complete_file(tmp_path: Path) -> None:
    target = tmp_path / "a.json"
    versions = [dump_bytes(annotation_like(v, 300)) for v in range(3)]
    atomic_write(target, versions[0])
    stop = threading.Event()
    failures: list[str] = []

    def reader() -> None:
        while not stop.is_set():
            try:
                data = target.read_bytes()
            except FileNotFoundError:
                failures.append("missing")
                continue
            if data not in versions:
                failures.append(f"torn ({len(data)} bytes)")

    t = threading.Thread(target=reader)
    t.start()
    try:
        for i in range(150):
            atomic_write(target, versions[i % 3])
    finally:
        stop.set()
        t.join()
    assert failures == []


def test_permissions_kept_and_new_files_follow_umask(tmp_path: Path) -> None:
    target = tmp_path / "a.json"
    atomic_write(target, b"one")
    if os.name == "nt":  # only the read-only bit exists there
        target.chmod(stat.S_IREAD)
        atomic_write(target, b"two")
        assert not os.access(target, os.W_OK)
        return
    umask = os.umask(0)
    os.umask(umask)
    assert stat.S_IMODE(target.stat().st_mode) == 0o666 & ~umask
    target.chmod(0o640)
    atomic_write(target, b"two")
    assert stat.S_IMODE(target.stat().st_mode) == 0o640


def test_symlink_target_is_replaced_and_link_kept(tmp_path: Path) -> None:
    real = tmp_path / "real.json"
    real.write_bytes(b"old")
    link = tmp_path / "link.json"
    link.symlink_to(real)
    atomic_write(link, b"new")
    assert link.is_symlink()
    assert real.read_bytes() == b"new"
    assert (tmp_path / "real.json.bak").read_bytes() == b"old"


def test_long_arabic_file_name(tmp_path: Path) -> None:
    # 120 Arabic letters are 240 bytes: the temp name must not exceed the 255-byte limit.
    target = tmp_path / ("ع" * 120 + ".json")
    atomic_write(target, b"one")
    atomic_write(target, b"two")
    assert target.read_bytes() == b"two"
    assert leftovers(tmp_path, target.name) == []


# -- failures leave the old file and no temp ---------------------------------------------------
class _FullDisk(io.BytesIO):
    def write(self, data) -> int:  # type: ignore[override]
        raise OSError(errno.ENOSPC, "No space left on device")


@pytest.mark.parametrize("fail", ["fsync", "replace", "write"])
def test_failure_keeps_old_file_and_removes_temp(tmp_path: Path, monkeypatch, fail) -> None:
    target = tmp_path / "a.json"
    atomic_write(target, b"old")

    def boom(*args, **kwargs):
        raise OSError(errno.ENOSPC, "No space left on device")

    if fail == "write":
        real_open = open

        def full_disk_open(file, mode="r", *args, **kwargs):
            fh = real_open(file, mode, *args, **kwargs)
            if "x" in mode:  # the temp file: writing to it fails as on a full disk
                fh.write = _FullDisk().write
            return fh

        monkeypatch.setattr(atomic, "open", full_disk_open, raising=False)
    else:
        monkeypatch.setattr(os, fail, boom)
    with pytest.raises(AnnotatorError) as info:
        atomic_write(target, b"new" * 1000)
    monkeypatch.undo()
    assert "a.json" in str(info.value) and "disk is full" in str(info.value)
    assert target.read_bytes() == b"old"
    assert leftovers(tmp_path, "a.json") == []


def test_failure_making_backup_names_the_bak(tmp_path: Path, monkeypatch) -> None:
    target = tmp_path / "a.json"
    atomic_write(target, b"old")
    real_replace = os.replace

    def replace(src, dst, *a, **k):
        if str(dst).endswith(".bak"):
            raise PermissionError(errno.EACCES, "Permission denied")
        real_replace(src, dst, *a, **k)

    monkeypatch.setattr(os, "replace", replace)
    with pytest.raises(AnnotatorError, match=r"a\.json\.bak"):
        atomic_write(target, b"new")
    monkeypatch.undo()
    assert target.read_bytes() == b"old"
    assert leftovers(tmp_path, "a.json") == []


def test_non_os_error_also_removes_temp(tmp_path: Path) -> None:
    with pytest.raises(TypeError):
        atomic_write(tmp_path / "a.json", "not bytes")  # type: ignore[arg-type]
    assert list(tmp_path.iterdir()) == []


def test_missing_folder_is_an_annotator_error(tmp_path: Path) -> None:
    with pytest.raises(AnnotatorError, match="nope"):
        atomic_write(tmp_path / "nope" / "a.json", b"x")


# -- kill during save ---------------------------------------------------------------------------
# A child saves once with ``atomic_write`` and SIGKILLs itself right after its N-th file-system
# step: every call that changes what is on disk (opening the temp file, writing half of it and
# all of it, chmod, fsync, link, rename, unlink), watched from outside the routine, so
# atomic.py carries no test hook. The test kills at N = 1, 2, ... until a save completes: every
# point between two steps of the routine, in order, with no timing involved.
CHILD = r"""
import builtins, os, signal, stat, sys
from pathlib import Path
from annotator.storage import atomic

target, data, stop_after = Path(sys.argv[1]), Path(sys.argv[2]).read_bytes(), int(sys.argv[3])
done = 0

def step(what):
    global done
    done += 1
    print(what, flush=True)
    if done == stop_after:
        os.kill(os.getpid(), signal.SIGKILL)

def name(arg):
    if isinstance(arg, int):
        return "folder" if stat.S_ISDIR(os.fstat(arg).st_mode) else "file"
    return "temp" if atomic.is_temp_name(Path(arg).name) else Path(arg).name

def watched(call):
    def run(*args, **kwargs):
        result = call(*args, **kwargs)
        paths = [args[0], *(a for a in args[1:] if not isinstance(a, int))]  # not fchmod's mode
        step(f"{call.__name__}({', '.join(name(a) for a in paths)})")
        return result
    return run

class WatchedFile:
    def __init__(self, raw):
        self.raw = raw
    def write(self, chunk):
        half = len(chunk) // 2
        self.raw.write(chunk[:half])
        self.raw.flush()
        step("write(half)")
        self.raw.write(chunk[half:])
        self.raw.flush()
        step("write(all)")
        return len(chunk)
    def __getattr__(self, attr):
        return getattr(self.raw, attr)

for call in (os.fsync, os.fchmod, os.link, os.replace, os.rename, os.unlink):
    setattr(os, call.__name__, watched(call))

def watched_open(path, *args, **kwargs):
    fh = builtins.open(path, *args, **kwargs)
    step(f"open({name(path)})")
    return WatchedFile(fh)

atomic.open = watched_open  # the module's open, ahead of the builtin
atomic.atomic_write(target, data)
print("saved", flush=True)
"""
# Steps the save must take, in this order, for its promise to hold (others may come between).
KEY_STEPS = {
    "first save": ["open(temp)", "write(half)", "write(all)", "fsync(file)",
                   "replace(temp, {name})", "fsync(folder)"],
    "overwrite": ["open(temp)", "write(half)", "write(all)", "fsync(file)", "link({name}, temp)",
                  "replace(temp, {name}.bak)", "replace(temp, {name})", "fsync(folder)"],
}


def is_subsequence(wanted: list[str], steps: list[str]) -> bool:
    it = iter(steps)
    return all(step in it for step in wanted)


@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX")
@pytest.mark.parametrize("case", ["first save", "overwrite"])
def test_kill_at_every_step_of_a_save_leaves_old_or_new_complete(tmp_path: Path,
                                                                 case: str) -> None:
    work = tmp_path / "project"
    work.mkdir()
    target = work / "2015-07-21-0001.coder-a.json"
    old, new = (dump_bytes(annotation_like(v, n_spans=300)) for v in (1, 2))
    new_file = tmp_path / "new.json"
    new_file.write_bytes(new)
    env = dict(os.environ, PYTHONPATH=str(REPO), PYTHONDONTWRITEBYTECODE="1")
    renamed = f"replace(temp, {target.name})"
    steps: list[str] = []
    for stop_after in range(1, 100):
        target.unlink(missing_ok=True)
        (work / (target.name + ".bak")).unlink(missing_ok=True)
        if case == "overwrite":
            target.write_bytes(old)
        child = subprocess.run([sys.executable, "-c", CHILD, str(target), str(new_file),
                                str(stop_after)], capture_output=True, text=True, env=env,
                               timeout=60)
        steps = child.stdout.splitlines()
        if steps[-1:] == ["saved"]:
            break
        where = f"killed after step {stop_after}, {steps[-1:]} ({case}): {child.stderr}"
        assert child.returncode == -signal.SIGKILL and len(steps) == stop_after, where
        expected = new if renamed in steps else old if case == "overwrite" else None
        if expected is None:
            assert not target.exists(), where
        else:
            assert target.read_bytes() == expected, f"torn or wrong file {where}"
            assert read_json(target) == json.loads(expected), where
        backup = work / (target.name + ".bak")
        assert not backup.exists() or backup.read_bytes() == old, where
        left = leftovers(work, target.name)
        assert all(is_temp_name(n) for n in left), f"unrecognised files {left} {where}"
        assert sorted(p.name for p in cleanup_stale_temps(work)) == left, where
        assert leftovers(work, target.name) == [], where
    else:
        pytest.fail(f"the save never completed: {steps}")
    assert steps.pop() == "saved"
    assert stop_after == len(steps) + 1  # killed once after every step
    wanted = [s.format(name=target.name) for s in KEY_STEPS[case]]
    assert is_subsequence(wanted, steps), steps
    assert target.read_bytes() == new and leftovers(work, target.name) == []
    if case == "overwrite":
        assert (work / (target.name + ".bak")).read_bytes() == old


# -- stale temp cleanup -------------------------------------------------------------------------
def dead_pid() -> int:
    proc = subprocess.Popen([sys.executable, "-c", "pass"])
    proc.wait()
    return proc.pid


def test_cleanup_stale_temps(tmp_path: Path) -> None:
    tag = atomic.host_tag()
    other = "abcdef" if tag != "abcdef" else "123456"
    dead = f".a.json.{tag}-{dead_pid()}.0123abcd.tmp"
    dead_bak = f".a.json.{tag}-{dead_pid()}.0123abcd.bak.tmp"
    alive = f".a.json.{tag}-{os.getpid()}.0123abcd.tmp"
    foreign_new = f".a.json.{other}-1.0123abcd.tmp"
    foreign_old = f".b.json.{other}-1.0123abcd.tmp"
    unrelated = [".hidden", "x.tmp", "a.json", "a.json.bak", ".a.json.tmp", f".a.{tag}-1.tmp"]
    for name in [dead, dead_bak, alive, foreign_new, foreign_old, *unrelated]:
        (tmp_path / name).write_bytes(b"x")
    old = (tmp_path / foreign_old).stat().st_mtime - 2 * atomic.FOREIGN_TEMP_MAX_AGE
    os.utime(tmp_path / foreign_old, (old, old))
    assert all(is_temp_name(n) for n in [dead, dead_bak, alive, foreign_new, foreign_old])
    assert not any(is_temp_name(n) for n in unrelated)
    removed = cleanup_stale_temps(tmp_path)
    assert sorted(p.name for p in removed) == sorted([dead, dead_bak, foreign_old])
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(
        [alive, foreign_new, *unrelated])


def test_cleanup_of_missing_folder_is_empty(tmp_path: Path) -> None:
    assert cleanup_stale_temps(tmp_path / "nope") == []


def test_temp_names_are_recognised(tmp_path: Path) -> None:
    for extra in ("", "bak.", "stale."):
        name = atomic.temp_path(tmp_path / "x.json", extra).name
        assert is_temp_name(name) and name.startswith(".x.json.")
    long_name = atomic.temp_path(tmp_path / ("ع" * 200)).name
    assert is_temp_name(long_name) and len(long_name.encode()) < 200


# -- read_json ---------------------------------------------------------------------------------
def test_json_round_trip_and_determinism(tmp_path: Path) -> None:
    target = tmp_path / "a.json"
    data = annotation_like(1, 10)
    atomic_write_json(target, data)
    first = target.read_bytes()
    assert read_json(target) == data
    atomic_write_json(target, data)
    assert target.read_bytes() == first
    assert "البوكمال".encode() not in first and "دير الزور".encode() in first  # no \u escapes


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text()
    | st.floats(allow_nan=False, allow_infinity=False),
    lambda children: st.lists(children, max_size=4) | st.dictionaries(st.text(), children,
                                                                       max_size=4),
    max_leaves=20,
)


@settings(max_examples=60, deadline=None)
@given(json_values)
def test_json_round_trip_property(value) -> None:
    with tempfile.TemporaryDirectory() as d:
        target = Path(d) / "v.json"
        atomic_write_json(target, value)
        assert read_json(target) == value


HOSTILE = {
    "truncated": (b'{"spans": [{"id": "s1", "start": 0', r"line 1, column \d+.*cut off"),
    "syntax": (b'{\n "a": 1,\n "b": 2,\n}\n', "line 4, column 1"),
    "deep": (b"[" * 200_000, "nested too deeply"),
    "deep_objects": (b'{"a":' * 200_000, "nested too deeply"),
    "invalid_utf8": (b'{"t": "\xd8\xa7\xff"}',
                     r"not valid UTF-8: byte 0xFF at byte offset 9 \(line 1\)"),
    "cp1256": ('{"t": "سلام"}'.encode("cp1256"), "not valid UTF-8"),
    "utf16": ('{"t": "سلام"}'.encode("utf-16"), "looks like UTF-16; save it as UTF-8"),
    "utf16_no_bom": ('{"t": "سلام عليكم"}'.encode("utf-16-le"), "looks like UTF-16"),
    "utf32": ('{"t": "x"}'.encode("utf-32"), "looks like UTF-32"),
    "nul": (b'{"t": "a\x00b"}', "NUL byte at byte offset 8"),
    "zeros": (b"\x00" * 4096, "NUL byte at byte offset 0"),
    "empty": (b"", "empty"),
    "blank": (b" \n\t\n", "empty"),
}


@pytest.mark.parametrize("case", sorted(HOSTILE))
def test_read_json_hostile_files(tmp_path: Path, case: str) -> None:
    data, pattern = HOSTILE[case]
    target = tmp_path / f"{case}.json"
    target.write_bytes(data)
    before = target.stat()
    with pytest.raises(AnnotatorError, match=pattern) as info:
        read_json(target)
    assert str(target) in str(info.value)
    assert "Traceback" not in str(info.value)
    after = target.stat()
    assert (after.st_mtime_ns, after.st_size) == (before.st_mtime_ns, before.st_size)
    assert target.read_bytes() == data
    assert [p.name for p in tmp_path.iterdir()] == [target.name]


def test_read_json_accepts_utf8_bom(tmp_path: Path) -> None:
    target = tmp_path / "a.json"
    target.write_bytes(b"\xef\xbb\xbf" + '{"t": "سلام"}'.encode())
    assert read_json(target) == {"t": "سلام"}


def test_read_json_missing_folder_and_permission(tmp_path: Path, monkeypatch) -> None:
    with pytest.raises(AnnotatorError, match="does not exist"):
        read_json(tmp_path / "missing.json")
    with pytest.raises(AnnotatorError, match="folder, not a file"):
        read_json(tmp_path)
    target = tmp_path / "a.json"
    target.write_bytes(b"{}")
    real_open = open

    def no_permission(path, *args, **kwargs):
        if Path(path) == target:
            raise PermissionError(errno.EACCES, "Permission denied", str(path))
        return real_open(path, *args, **kwargs)

    import builtins

    monkeypatch.setattr(builtins, "open", no_permission)
    with pytest.raises(AnnotatorError, match="no permission to read"):
        read_json(target)


def test_read_json_never_opens_for_writing(tmp_path: Path, monkeypatch) -> None:
    target = tmp_path / "a.json"
    target.write_bytes(b'{"a": 1}')
    import builtins

    real_open = builtins.open
    modes: list[str] = []

    def spy(path, mode="r", *args, **kwargs):
        modes.append(mode)
        return real_open(path, mode, *args, **kwargs)

    monkeypatch.setattr(builtins, "open", spy)
    assert read_json(target) == {"a": 1}
    assert modes and all(set(m) <= {"r", "b"} for m in modes)
