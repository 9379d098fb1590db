"""Every format, every fixture: offsets point at the span text in the format's own unit (read
back by hand here, not through our importers), and our exports re-import to the same spans
(and, for jsonl, to byte-identical files and identical annotation sets)."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest
from test_fixtures_formats import all_sets, build

from annotator.core.model import AnnotationSet
from annotator.formats.export import export_project
from annotator.formats.importing import import_annotations
from annotator.formats.registry import export_formats, import_formats
from annotator.storage.project import Project

FIXTURES = ("arabic", "sample", "golden")
EXPORTS = [f.name for f in export_formats()]
IMPORTS = [f.name for f in import_formats()]
DATA_FILE = {"jsonl": "data.jsonl", "conll": "data.conll", "doccano": "doccano.jsonl",
             "doccano-rel": "doccano.jsonl", "labelstudio": "labelstudio.json",
             "acled-csv": "events.csv", "brat": "."}


@pytest.fixture(scope="module")
def projects(tmp_path_factory):
    base = tmp_path_factory.mktemp("fixtures")
    return {k: build(k, base / k) for k in FIXTURES}


def span_keys(aset: AnnotationSet) -> set[tuple[int, int, str, str]]:
    return {(s.start, s.end, s.label, s.text) for s in aset.spans}


def event_keys(aset: AnnotationSet) -> set[tuple]:
    spans = {s.id: (s.start, s.end) for s in aset.spans}
    return {(e.type, spans.get(e.trigger or ""),
             tuple(sorted((r, tuple(sorted(spans[x] for x in v))) for r, v in e.roles.items())))
            for e in aset.events if e.trigger}


def texts_of(project: Project) -> dict[str, str]:
    return {d: project.load_document(d).text for d in project.document_ids()}


def expected_spans(project: Project) -> dict[tuple[str, str], set]:
    return {k: span_keys(a) for k, a in all_sets(project).items()}


# -- offsets are right in each format's own unit ----------------------------------------------
def check_jsonl(out: Path, project: Project) -> int:
    n = 0
    for line in (out / "data.jsonl").read_text(encoding="utf-8").split("\n")[:-1]:
        rec = json.loads(line)
        for s in rec["spans"]:
            assert rec["text"][s["start"]:s["end"]] == s["text"]
            n += 1
    return n


def check_doccano(out: Path, project: Project) -> int:
    n = 0
    want = expected_spans(project)
    for line in (out / "doccano.jsonl").read_text(encoding="utf-8").splitlines():
        rec = json.loads(line)
        units = rec["text"].encode("utf-16-le")
        items = rec.get("label") or [[e["start_offset"], e["end_offset"], e["label"]]
                                     for e in rec.get("entities", [])]
        got = set()
        for start, end, label in items:
            # What JavaScript's text.slice(start, end) gives: UTF-16 code units.
            covered = units[2 * start:2 * end].decode("utf-16-le")
            got.add((label, covered))
            n += 1
        assert got == {(lab, t) for _, _, lab, t in want[(rec["coder"], rec["doc_id"])]}
    return n


def check_labelstudio(out: Path, project: Project) -> int:
    n = 0
    for task in json.loads((out / "labelstudio.json").read_text(encoding="utf-8")):
        text = task["data"]["text"]
        for ann in task["annotations"]:
            for r in ann["result"]:
                if r["type"] == "labels":
                    assert text[r["value"]["start"]:r["value"]["end"]] == r["value"]["text"]
                    n += 1
    return n


def check_brat(out: Path, project: Project) -> int:
    n = 0
    for ann in out.rglob("*.ann"):
        text = ann.with_suffix(".txt").read_bytes().decode("utf-8")  # no newline translation
        for line in ann.read_text(encoding="utf-8").splitlines():
            if line.startswith("T"):
                _, head, shown = line.split("\t")
                frags = [tuple(map(int, f.split())) for f in head.split(" ", 1)[1].split(";")]
                assert " ".join(text[s:e] for s, e in frags) == shown
                n += 1
    return n


def check_conll(out: Path, project: Project) -> int:
    n = 0
    text = ""
    for line in (out / "data.conll").read_text(encoding="utf-8").split("\n"):
        if line.startswith("# text_json = "):
            text = json.loads(line[len("# text_json = "):])
        elif line and not line.startswith("#"):
            tok, s, e, *tags = line.split("\t")
            assert text[int(s):int(e)] == tok
            n += sum(t.startswith("B-") for t in tags)
    return n


def check_acled(out: Path, project: Project) -> int:
    texts = texts_of(project)
    sets = all_sets(project)
    n = 0
    with open(out / "events.csv", encoding="utf-8-sig", newline="") as fh:
        for row in csv.DictReader(fh):
            text = texts[row["document_id"]]
            spans = {(s.start, s.end) for s in sets[(row["coder"], row["document_id"])].spans}
            for item in filter(None, row["evidence"].split(";")):
                _role, rng = item.split(":")
                s, e = map(int, rng.split("-"))
                assert (s, e) in spans and text[s:e]
                n += 1
    return n


CHECKS = {"jsonl": check_jsonl, "doccano": check_doccano, "doccano-rel": check_doccano,
          "labelstudio": check_labelstudio, "brat": check_brat, "conll": check_conll,
          "acled-csv": check_acled}


@pytest.mark.parametrize("fmt", EXPORTS)
@pytest.mark.parametrize("kind", FIXTURES)
def test_every_exported_offset_points_at_its_span_text(projects, tmp_path, kind, fmt):
    project = projects[kind]
    report = export_project(project, fmt, tmp_path / "out", workers=1)
    assert report.written, report.problems
    assert report.annotation_sets == len(all_sets(project))
    checked = CHECKS[fmt](tmp_path / "out", project)
    assert checked > 0


def test_every_format_has_an_offset_check():
    assert set(CHECKS) == set(EXPORTS)


# -- round trips --------------------------------------------------------------------------------
def fresh_like(project: Project, root: Path) -> Project:
    return Project.init(root, codebook_path=project.codebook_path,
                        policy=project.text_policy)


@pytest.mark.parametrize("kind", FIXTURES)
def test_native_jsonl_round_trip_is_byte_identical_and_lossless(projects, tmp_path, kind):
    project = projects[kind]
    assert export_project(project, "jsonl", tmp_path / "a", workers=1).written
    target = fresh_like(project, tmp_path / "p2")
    report = import_annotations(target, "jsonl", [tmp_path / "a" / "data.jsonl"])
    assert report.written and report.problem_count == 0, report.problems
    assert export_project(target, "jsonl", tmp_path / "b", workers=1).written
    assert (tmp_path / "a" / "data.jsonl").read_bytes() == \
        (tmp_path / "b" / "data.jsonl").read_bytes()
    before = {k: a.to_dict() for k, a in all_sets(project).items()}
    after = {k: a.to_dict() for k, a in all_sets(target).items()}
    assert before == after
    for doc_id in project.document_ids():
        if any(k[1] == doc_id for k in before):
            assert project.load_document(doc_id).to_dict() == \
                target.load_document(doc_id).to_dict()


@pytest.mark.parametrize("fmt", [f for f in IMPORTS if f != "jsonl"])
@pytest.mark.parametrize("kind", FIXTURES)
def test_our_exports_reimport_to_the_same_spans(projects, tmp_path, kind, fmt):
    project = projects[kind]
    sets = all_sets(project)
    for coder in sorted({c for c, _ in sets}):
        out = tmp_path / f"out-{coder}"
        exported = export_project(project, fmt, out, coder=coder, workers=1)
        assert exported.written
        lost = {item["what"] for item in exported.not_expressed}
        target = fresh_like(project, tmp_path / f"p-{coder}")
        report = import_annotations(target, fmt, [out / DATA_FILE[fmt]], coder=coder)
        assert report.written, report.problems
        got = all_sets(target)
        want = {k: v for k, v in sets.items() if k[0] == coder}
        assert set(got) == set(want)
        for key, aset in want.items():
            spans = span_keys(aset)
            if fmt == "conll":  # spans over whitespace or invisible marks have no token
                dropped = {s for s in spans if not s[3].strip() or s[3] == "\u200f"}
                assert not dropped or any("no token" in w for w in lost)
                spans -= dropped
            if fmt == "brat":  # a span of line breaks only cannot be shown in brat
                dropped = {s for s in spans if not s[3].strip("\r\n")}
                assert not dropped or any("line breaks only" in w for w in lost)
                spans -= dropped
            assert span_keys(got[key]) == spans, key
            if fmt in ("brat", "doccano-rel", "labelstudio"):
                assert event_keys(got[key]) == event_keys(aset), key
            if fmt == "brat":  # brat keeps sub-types and fields too
                assert [(e.subtype, e.fields) for e in got[key].events] == \
                    [(e.subtype, e.fields) for e in aset.events if e.trigger]
