"""No write leaves the project through a symbolic link (saves, imports, locks, backups, caches,
recovery files); read-only annotation files are never replaced; a save removes the temp files
that killed saves of the same file left behind."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from annotator.core.model import Document
from annotator.errors import AnnotatorError
from annotator.storage import atomic
from annotator.storage.atomic import ReadOnlyFileError, atomic_write, atomic_write_json
from annotator.storage.confine import OutsideProjectError, project_root_of
from annotator.storage.lock import FileLock
from annotator.storage.project import Project

pytestmark = pytest.mark.skipif(os.name == "nt", reason="symbolic links need privileges there")


@pytest.fixture
def project(tmp_path: Path) -> Project:
    p = Project.init(tmp_path / "p")
    p.add_documents([Document("d1", "نص أول"), Document("d2", "نص ثان")])
    return p


@pytest.fixture
def elsewhere(tmp_path: Path) -> Path:
    folder = tmp_path / "elsewhere"
    folder.mkdir()
    return folder


def everything(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def save(project: Project, coder: str, doc_id: str = "d1") -> None:
    doc = project.load_document(doc_id)
    project.save_annotations(project.new_annotation_set(coder, doc), doc)


# -- symbolic links out of the project ----------------------------------------------------------
def test_a_save_into_a_linked_coder_folder_is_refused(project: Project, elsewhere: Path) -> None:
    (project.annotations_dir / "evil").symlink_to(elsewhere)
    with pytest.raises(OutsideProjectError) as info:
        save(project, "evil")
    assert str(project.annotations_dir / "evil" / "d1.json") in str(info.value)
    assert str(elsewhere) in str(info.value) and "outside the project" in str(info.value)
    assert everything(elsewhere) == {}


def test_a_planted_project_file_does_not_make_the_link_a_project(project: Project,
                                                                 elsewhere: Path) -> None:
    (elsewhere / "project.json").write_text("{}")
    (project.annotations_dir / "evil").symlink_to(elsewhere)
    assert project_root_of(project.annotations_dir / "evil" / "d1.json") == project.root
    with pytest.raises(OutsideProjectError):
        save(project, "evil")
    assert everything(elsewhere) == {"project.json": b"{}"}


def test_a_linked_annotation_file_and_its_backup_are_not_written_through(
        project: Project, elsewhere: Path) -> None:
    (elsewhere / "target.json").write_bytes(b"not theirs to change")
    (project.annotations_dir / "amira").mkdir()
    (project.annotations_dir / "amira" / "d1.json").symlink_to(elsewhere / "target.json")
    with pytest.raises(OutsideProjectError, match=r"amira/d1\.json"):
        save(project, "amira")
    assert everything(elsewhere) == {"target.json": b"not theirs to change"}


def test_a_linked_backup_is_replaced_not_followed(project: Project, elsewhere: Path) -> None:
    (elsewhere / "old.bak").write_bytes(b"outside")
    save(project, "amira")
    (project.annotations_dir / "amira" / "d1.json.bak").symlink_to(elsewhere / "old.bak")
    save(project, "amira")
    assert everything(elsewhere) == {"old.bak": b"outside"}
    assert not (project.annotations_dir / "amira" / "d1.json.bak").is_symlink()


def test_a_lock_in_a_linked_folder_is_refused(project: Project, elsewhere: Path) -> None:
    (project.annotations_dir / "evil").symlink_to(elsewhere)
    with pytest.raises(OutsideProjectError, match=r"d1\.json\.lock"):
        FileLock(project.annotations_dir / "evil" / "d1.json").acquire()
    assert everything(elsewhere) == {}


def test_documents_into_a_linked_documents_folder_are_refused(tmp_path: Path,
                                                              elsewhere: Path) -> None:
    project = Project.init(tmp_path / "p")
    project.documents_dir.rmdir()
    project.documents_dir.symlink_to(elsewhere)
    with pytest.raises(OutsideProjectError, match="documents"):
        project.add_documents([Document("d1", "نص")])
    with pytest.raises(OutsideProjectError):
        project.store_documents([Document("d1", "نص")])
    assert everything(elsewhere) == {}


def test_a_recovery_file_or_cache_in_a_linked_folder_is_refused(project: Project,
                                                                elsewhere: Path) -> None:
    """Recovery files and the caches go through ``atomic_write``: with a backup or without."""
    (project.state_dir / "recovery").mkdir(parents=True)
    (project.state_dir / "recovery" / "amira").symlink_to(elsewhere)
    with pytest.raises(OutsideProjectError):
        atomic_write_json(project.state_dir / "recovery" / "amira" / "d1.json", {}, backup=False)
    with pytest.raises(OutsideProjectError):
        atomic_write(project.state_dir / "recovery" / "amira" / "d1.json", b"{}")
    assert everything(elsewhere) == {}


def test_links_inside_the_project_and_a_linked_project_still_work(tmp_path: Path) -> None:
    real = Project.init(tmp_path / "real")
    (tmp_path / "alias").symlink_to(real.root)
    project = Project.open(tmp_path / "alias")
    project.add_documents([Document("d1", "نص")])
    (real.root / "shared").mkdir()
    (project.annotations_dir / "amira").symlink_to(real.root / "shared")
    save(project, "amira")
    assert (real.root / "shared" / "d1.json").is_file()


def test_outside_any_project_a_linked_file_is_still_followed(tmp_path: Path) -> None:
    (tmp_path / "real.json").write_bytes(b"old")
    (tmp_path / "link.json").symlink_to(tmp_path / "real.json")
    atomic_write(tmp_path / "link.json", b"new")
    assert (tmp_path / "real.json").read_bytes() == b"new"


def test_import_annotations_into_a_linked_coder_folder_is_refused(
        tmp_path: Path, elsewhere: Path, capsys) -> None:
    from annotator.cli.main import main

    project = Project.init(tmp_path / "p")
    (project.annotations_dir / "evil").symlink_to(elsewhere)
    source = tmp_path / "in.jsonl"
    source.write_text('{"text": "نص", "label": []}\n', encoding="utf-8")
    code = main(["import-annotations", str(project.root), str(source), "--format", "doccano",
                 "--coder", "evil"])
    err = capsys.readouterr().err
    assert code == 2, err
    assert "outside the project" in err and "internal error" not in err
    assert everything(elsewhere) == {}


# -- read-only files ----------------------------------------------------------------------------
def test_a_read_only_annotation_file_is_never_replaced(project: Project) -> None:
    save(project, "amira")
    path = project.annotation_path("amira", "d1")
    before = path.read_bytes()
    path.chmod(0o444)
    with pytest.raises(ReadOnlyFileError) as info:
        save(project, "amira")
    assert str(info.value).startswith(f"{path} is read-only (mode 444): not saved")
    assert path.read_bytes() == before and stat.S_IMODE(path.stat().st_mode) == 0o444
    assert sorted(os.listdir(path.parent)) == ["d1.json"]  # no backup, no temp
    path.chmod(0o644)
    save(project, "amira")


def test_atomic_write_refuses_a_read_only_file(tmp_path: Path) -> None:
    target = tmp_path / "a.json"
    target.write_bytes(b"kept")
    target.chmod(0o400)
    with pytest.raises(AnnotatorError, match=r"a\.json is read-only \(mode 400\)"):
        atomic_write(target, b"new")
    assert target.read_bytes() == b"kept"


# -- temp files of killed saves -----------------------------------------------------------------
def dead_pid() -> int:
    proc = subprocess.Popen([sys.executable, "-c", "pass"])
    proc.wait()
    return proc.pid


def stale_temp(target: Path, pid: int, extra: str = "") -> Path:
    name = atomic.temp_path(target, extra).name.replace(f"-{os.getpid()}.", f"-{pid}.")
    path = target.with_name(name)
    path.write_bytes(b"half a sav")
    return path


def test_a_save_removes_the_stale_temps_of_its_folder(project: Project, monkeypatch) -> None:
    save(project, "amira")
    target = project.annotation_path("amira", "d1")
    dead = dead_pid()
    stale = [stale_temp(target, dead), stale_temp(target, dead, "bak."),
             stale_temp(target.with_name("d2.json"), dead),
             stale_temp(target.with_name("d1.json.lock"), dead, "stale.")]
    running = stale_temp(target, os.getpid())  # a save still running
    monkeypatch.setattr(atomic, "_last_cleaned", {})  # as in a process that saves here anew
    save(project, "amira")
    assert not any(p.exists() for p in stale)
    assert running.exists()


def test_saves_look_for_stale_temps_once_in_a_while_not_each_time(tmp_path: Path,
                                                                 monkeypatch) -> None:
    """A bulk import saves thousands of files into one folder: listing the folder for each
    would cost as much again as the saves."""
    monkeypatch.setattr(atomic, "_last_cleaned", {})
    listings = []
    real_listdir = os.listdir
    monkeypatch.setattr(os, "listdir", lambda p: (listings.append(p), real_listdir(p))[1])
    for i in range(50):
        atomic_write(tmp_path / f"{i}.json", b"{}")
    assert listings == [tmp_path]


def test_validate_reports_stale_temps_and_removes_them_when_it_writes_its_cache(
        project: Project, capsys) -> None:
    from annotator.cli.main import main

    save(project, "amira")
    dead = dead_pid()
    (project.state_dir / "recovery" / "amira").mkdir(parents=True)
    left = [stale_temp(project.annotation_path("amira", "d1"), dead),
            stale_temp(project.document_path("d2"), dead),
            stale_temp(project.state_dir / "recovery" / "amira" / "d1.json", dead)]
    running = stale_temp(project.document_path("d1"), os.getpid())
    code = main(["validate", str(project.root), "--no-cache"])
    out = capsys.readouterr().out
    assert code == 0
    for path in left:
        assert path.exists()
        assert (f"{path}: warning: $: a temp file left by a save that was interrupted (its "
                "program is gone); delete it, or run validate without --no-cache") in out
    assert running.name not in out
    code = main(["validate", str(project.root)])
    out = capsys.readouterr().out
    assert code == 0
    for path in left:
        assert not path.exists()
        assert f"{path}: warning: $: a temp file left by a save that was interrupted" in out
        assert "; removed" in out
    assert running.exists()
    main(["validate", str(project.root)])
    assert "temp file" not in capsys.readouterr().out
