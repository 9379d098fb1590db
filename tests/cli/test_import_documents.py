"""``annotator import``: two imports at once lose nothing, a kill at any moment leaves whole
files, a full disk says what was written, and importing the same files again adds nothing."""

from __future__ import annotations

import errno
import json
import os
import shutil
import signal
import subprocess
import sys
from pathlib import Path

from annotator.cli.main import main
from annotator.storage import atomic, batch
from annotator.storage.atomic import is_temp_name
from annotator.storage.project import Project

REPO = Path(__file__).resolve().parents[2]
ENV = dict(os.environ, PYTHONPATH=str(REPO), PYTHONDONTWRITEBYTECODE="1")


def run(capsys, *argv: object) -> tuple[int, str, str]:
    code = main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return code, out, err


def texts_folder(folder: Path, tag: str, n: int = 40) -> dict[str, str]:
    """``d000.txt`` ... with texts that say which folder they came from."""
    folder.mkdir(parents=True)
    texts = {}
    for i in range(n):
        texts[f"d{i:03d}"] = f"نص {tag} رقم {i}"
        (folder / f"d{i:03d}.txt").write_text(texts[f"d{i:03d}"], encoding="utf-8")
    return texts


def stored(project: Path) -> dict[str, str]:
    """id -> text of every document file, each whole (parses, its id and SHA-256 agree)."""
    p = Project.open(project)
    names = os.listdir(p.documents_dir)
    assert not [n for n in names if not n.endswith(".json")], names
    return {n[:-5]: p.load_document(n[:-5]).text for n in names}


# -- two imports at once ------------------------------------------------------------------------
IMPORTER = r"""
import contextlib, io, sys
from annotator.cli.main import main
for line in sys.stdin:
    project, folder = line.rstrip("\n").split("\t")
    out = io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(io.StringIO()):
        code = main(["import", project, folder, "--json"])
    print(code, out.getvalue().replace("\n", " "), flush=True)
"""


def test_two_imports_at_once_into_one_project_lose_nothing(tmp_path: Path) -> None:
    """Two processes import A/ and B/ (the same names, different texts) into one project at the
    same moment, 30 times: every file holds the text of the run that says it wrote it, and the
    two runs' reports add up to every document of both folders."""
    sources = {"A": texts_folder(tmp_path / "A", "أ"), "B": texts_folder(tmp_path / "B", "ب")}
    children = {tag: subprocess.Popen([sys.executable, "-c", IMPORTER], env=ENV, text=True,
                                      stdin=subprocess.PIPE, stdout=subprocess.PIPE)
                for tag in sources}
    renamed = 0
    try:
        for round_ in range(30):
            project = tmp_path / f"p{round_}"
            Project.init(project)
            for tag, child in children.items():  # both start as close together as can be
                assert child.stdin is not None
                child.stdin.write(f"{project}\t{tmp_path / tag}\n")
            for child in children.values():
                assert child.stdin is not None
                child.stdin.flush()
            reports = {}
            for tag, child in children.items():
                assert child.stdout is not None
                code, report = child.stdout.readline().split(" ", 1)
                reports[tag] = json.loads(report)
                assert code == "0", report
            files = stored(project)
            claimed: dict[str, str] = {}
            for tag, data in reports.items():
                assert data["not_written"] == [] and data["stopped"] is None
                assert len(data["written"]) == 40, f"round {round_}, {tag}"
                for entry in data["written"]:
                    assert entry["id"] not in claimed, f"round {round_}: both wrote {entry}"
                    claimed[entry["id"]] = tag
                    name = Path(entry["source"]).stem
                    assert files[entry["id"]] == sources[tag][name], f"round {round_}: {entry}"
                    renamed += "asked" in entry
            assert sorted(claimed) == sorted(files), f"round {round_}"
            assert sorted(files.values()) == sorted([*sources["A"].values(),
                                                     *sources["B"].values()])
    finally:
        for child in children.values():
            assert child.stdin is not None
            child.stdin.close()
            child.wait(timeout=60)
    assert renamed > 0, "the two imports never met: the test proved nothing"


# -- a kill at any moment -----------------------------------------------------------------------
KILLED = r"""
import os, signal, sys
from annotator.cli.main import main
from annotator.storage import atomic, batch

kill_at, count = int(sys.argv[1]), 0
real_store = batch.store_documents


def point(real):
    def hooked(*args, **kwargs):
        global count
        count += 1
        if count == kill_at:
            os.kill(os.getpid(), signal.SIGKILL)
        return real(*args, **kwargs)
    return hooked


def store(*args, **kwargs):  # count only what the batch does, not the reading
    for name in ("open", "write", "close", "link", "unlink", "rename", "fsync"):
        setattr(os, name, point(getattr(os, name)))
    if batch._SYNCFS is not None:
        batch._SYNCFS = point(batch._SYNCFS)
    return real_store(*args, **kwargs)


batch.store_documents = store
code = main(["import", sys.argv[2], sys.argv[3]])
print("points", count, file=sys.stderr)
sys.exit(code)
"""


def test_a_kill_at_any_point_of_an_import_leaves_whole_files_or_none(tmp_path: Path, capsys,
                                                                      monkeypatch) -> None:
    """The import is killed (SIGKILL) at each of its file operations in turn: every document
    file there is whole; what is left besides is temp files, which the next run removes; the
    next run completes the import without a duplicate."""
    texts = texts_folder(tmp_path / "in", "ك", n=4)
    project = tmp_path / "p"

    def attempt(kill_at: int) -> subprocess.CompletedProcess[str]:
        return subprocess.run([sys.executable, "-c", KILLED, str(kill_at), str(project),
                               str(tmp_path / "in")], env=ENV, capture_output=True, text=True)

    Project.init(tmp_path / "count")
    counted = subprocess.run([sys.executable, "-c", KILLED, "0", str(tmp_path / "count"),
                              str(tmp_path / "in")], env=ENV, capture_output=True, text=True)
    assert counted.returncode == 0, counted.stderr
    points = int(counted.stderr.split("points")[-1])
    assert points >= 4 * 4  # create, write, close, link for each document at least
    for kill_at in range(1, points + 1):
        Project.init(project)
        done = attempt(kill_at)
        assert done.returncode == -signal.SIGKILL, (kill_at, done.stderr)
        docs = Project.open(project)
        for name in os.listdir(docs.documents_dir):
            if not is_temp_name(name):
                assert docs.load_document(name[:-5]).text == texts[name[:-5]], kill_at
        monkeypatch.setattr(atomic, "_last_cleaned", {})  # the next run is a new process
        code, _, err = run(capsys, "import", project, tmp_path / "in")
        assert code == 0, (kill_at, err)
        assert stored(project) == texts, f"kill at {kill_at}"
        shutil.rmtree(project)


# -- a full disk, and the same import again -----------------------------------------------------
def test_a_full_disk_says_what_was_written_and_the_retry_adds_no_duplicate(
        tmp_path: Path, capsys, monkeypatch) -> None:
    run(capsys, "init", tmp_path / "p")
    (tmp_path / "a.txt").write_text("نص قصير", encoding="utf-8")
    (tmp_path / "big.txt").write_text("نص طويل " * 1000, encoding="utf-8")
    real_write = os.write

    def write(fd, data):
        if len(data) > 10_000:  # big.json does not fit
            raise OSError(errno.ENOSPC, "No space left on device")
        return real_write(fd, data)

    monkeypatch.setattr(batch.os, "write", write)
    code, out, err = run(capsys, "import", tmp_path / "p", tmp_path / "a.txt",
                         tmp_path / "big.txt")
    monkeypatch.undo()
    assert code == 2
    assert "Imported 1 document(s)" in out
    assert f"{tmp_path / 'p' / 'documents' / 'big.json'}: cannot save the file (the disk is " \
           "full)" in err
    assert "Written before that: 1 document(s) (a); not written: 1 (big)" in err
    assert sorted(stored(tmp_path / "p")) == ["a"]
    code, out, err = run(capsys, "import", tmp_path / "p", tmp_path / "a.txt",
                         tmp_path / "big.txt")
    assert code == 0, err
    assert "Imported 1 document(s)" in out
    assert f"1 document(s) already in the project with the same text, not imported again: " \
           f"a ({tmp_path / 'a.txt'})" in out
    assert sorted(stored(tmp_path / "p")) == ["a", "big"]


def test_importing_the_same_files_again_adds_nothing(tmp_path: Path, capsys) -> None:
    run(capsys, "init", tmp_path / "p")
    texts = texts_folder(tmp_path / "in", "م", n=3)
    assert run(capsys, "import", tmp_path / "p", tmp_path / "in")[0] == 0
    (tmp_path / "in" / "d001.txt").write_text("نص جديد", encoding="utf-8")
    code, out, _ = run(capsys, "import", tmp_path / "p", tmp_path / "in", "--json")
    assert code == 0
    data = json.loads(out)
    assert [e["id"] for e in data["written"]] == ["d001-2"]
    assert [e["id"] for e in data["already_there"]] == ["d000", "d002"]
    assert stored(tmp_path / "p") == {**texts, "d001-2": "نص جديد"}
    code, out, _ = run(capsys, "import", tmp_path / "p", tmp_path / "in")
    assert code == 0 and "Imported 0 document(s)" in out
    assert "3 document(s) already in the project" in out
    assert len(stored(tmp_path / "p")) == 4


def test_dry_run_writes_nothing_and_says_what_is_there(tmp_path: Path, capsys) -> None:
    run(capsys, "init", tmp_path / "p")
    texts_folder(tmp_path / "in", "ج", n=2)
    run(capsys, "import", tmp_path / "p", tmp_path / "in" / "d000.txt")
    code, out, _ = run(capsys, "import", tmp_path / "p", tmp_path / "in", "--dry-run")
    assert code == 0
    assert "Would import 1 document(s)." in out and "1 document(s) already" in out
    assert sorted(stored(tmp_path / "p")) == ["d000"]


def test_json_report_of_a_dry_run(tmp_path: Path, capsys) -> None:
    run(capsys, "init", tmp_path / "p")
    texts_folder(tmp_path / "in", "ج", n=2)
    code, out, _ = run(capsys, "import", tmp_path / "p", tmp_path / "in", "--dry-run", "--json")
    assert code == 0
    assert [e["id"] for e in json.loads(out)["would_write"]] == ["d000", "d001"]
    assert os.listdir(tmp_path / "p" / "documents") == []
