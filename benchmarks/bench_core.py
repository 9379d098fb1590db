"""Core speed: validate, load and save one large annotation file; validate a large project.

Prints medians of N runs and their ratio to a baseline measured in the same run: plain
``json.loads`` + ``json.dumps`` of the same file(s), the least any reader and writer must do.
Target: validate + save of the 10,000-span file under 150 ms. The project part times
``annotator.storage.validate.validate_project`` without and with its unchanged-file cache.

    python benchmarks/bench_core.py [--runs 5] [--docs 30000] [--profile]
"""

from __future__ import annotations

import argparse
import cProfile
import json
import pstats
import re
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from annotator.core import jsonio
from annotator.core.model import AnnotationSet, CodebookRef, Document, Event, Span
from annotator.core.validation import ERROR, validate_annotation_data
from annotator.storage.atomic import atomic_write
from annotator.storage.project import Project

ARTICLE = Path(__file__).resolve().parents[2] / "shared/data/sample-article-ar.txt"
FALLBACK = "شنت مجموعة مسلحة هجوماً على موقع عسكري في محيط بلدة الجلاء بريف البوكمال. "
# Labels of the nine non-trigger spans of each event, and the role each fills.
ROLE_LABELS = [("actor1", "ACTOR"), ("actor2", "ACTOR"), ("location", "LOCATION"),
               ("location", "LOCATION"), ("time", "TIME"), ("fatalities", "QUANTITY"),
               ("victim", "PERSON"), ("weapon", "WEAPON"), ("source", "SOURCE")]
EVENT_FIELDS = {
    "event_date": {"value": "2021-01-20", "precision": "week"},
    "fatalities": {"value": 3, "qualifier": "exact"},
    "actor1_type": "rebel_group", "actor2_type": "state_forces",
    "temporal_status": "occurred", "factuality": "asserted", "polarity": "positive",
    "notes": "ملاحظة قصيرة عن الحدث",
}


def article_text() -> str:
    return ARTICLE.read_text(encoding="utf-8") if ARTICLE.is_file() else FALLBACK * 30


def build_set(project: Project, doc_id: str, n_events: int, spans_per_event: int = 10
              ) -> tuple[Document, AnnotationSet]:
    """A done, error-free set: each event has a trigger and ``spans_per_event - 1`` fillers."""
    base = article_text()
    words = [(m.start(), m.end()) for m in re.finditer(r"\S+", base)]
    needed = n_events * spans_per_event
    text = base * (needed // len(words) + 1)
    positions = [(s + k * len(base), e + k * len(base))
                 for k in range(needed // len(words) + 1) for s, e in words][:needed]
    doc = Document(doc_id, text, meta={"title": doc_id})
    aset = AnnotationSet.new(doc, "bench", CodebookRef(**project.codebook.ref()))
    it = iter(positions)
    for n in range(1, n_events + 1):
        start, end = next(it)
        trigger = f"t{n}"
        aset.spans.append(Span(trigger, start, end, "TRIGGER", text[start:end]))
        roles: dict[str, list[str]] = {}
        for k, (role, label) in enumerate(ROLE_LABELS[: spans_per_event - 1]):
            start, end = next(it)
            sid = f"s{n}_{k}"
            aset.spans.append(Span(sid, start, end, label, text[start:end]))
            roles.setdefault(role, []).append(sid)
        aset.events.append(Event(f"e{n}", "battles", "armed_clash", trigger, roles,
                                 dict(EVENT_FIELDS)))
    aset.fields = {"relevance": "relevant"}
    aset.status = "done"
    return doc, aset


def median_of(runs: int, fn: Callable[[], Any]) -> float:
    times = []
    for _ in range(runs):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return statistics.median(times)


def print_table(title: str, rows: list[tuple[str, float]], baseline: float) -> None:
    print(f"\n{title}")
    print(f"  {'':46} {'median':>10} {'x baseline':>11}")
    for name, seconds in rows:
        shown = f"{seconds * 1000:8.1f} ms" if seconds < 10 else f"{seconds:9.2f} s"
        print(f"  {name:46} {shown:>10} {seconds / baseline:10.1f}x")


def bench_file(tmp: Path, runs: int, profile: bool) -> None:
    project = Project.init(tmp / "big")
    doc, aset = build_set(project, "big", n_events=1000)
    project.add_documents([doc])
    assert project.save_annotations(aset, doc) == []
    path = project.annotation_path("bench", "big")
    data = json.loads(path.read_bytes())
    issues = validate_annotation_data(data, document=doc, codebook=project.codebook)
    assert not [i for i in issues if i.severity == ERROR], issues[:3]
    print(f"annotation file: {len(aset.spans):,} spans, {len(aset.events):,} events, "
          f"{path.stat().st_size / 1e6:.2f} MB; document {len(doc.text):,} characters")

    baseline = median_of(runs, lambda: json.dumps(json.loads(path.read_bytes())))
    cb = project.codebook
    payload = jsonio.dump_bytes(data)
    scratch = tmp / "scratch.json"
    save = median_of(runs, lambda: project.save_annotations(aset, doc))
    rows = [
        ("baseline: json.loads + json.dumps", baseline),
        ("validate (parsed dict)", median_of(
            runs, lambda: validate_annotation_data(data, document=doc, codebook=cb))),
        ("load (Project.load_annotations)", median_of(
            runs, lambda: project.load_annotations("bench", doc))),
        ("validate + save (Project.save_annotations)", save),
        ("  its parts: AnnotationSet.to_dict", median_of(runs, aset.to_dict)),
        ("             validate", median_of(
            runs, lambda: validate_annotation_data(aset.to_dict(), document=doc, codebook=cb))),
        ("             jsonio.dumps", median_of(runs, lambda: jsonio.dumps(data))),
        ("             atomic_write (fsync, backup)", median_of(
            runs, lambda: atomic_write(scratch, payload))),
    ]
    print_table("One annotation file", rows, baseline)
    target = save
    print(f"  target: validate + save under 150 ms: {'met' if target < 0.150 else 'MISSED'}")
    if profile:
        prof = cProfile.Profile()
        prof.enable()
        for _ in range(runs):
            project.save_annotations(aset, doc)
        prof.disable()
        print("\nProfile of save_annotations (cumulative, top 15):")
        pstats.Stats(prof).sort_stats("cumulative").print_stats(15)


def bench_project(tmp: Path, runs: int, n_docs: int) -> None:
    from annotator.storage.validate import validate_project

    project = Project.init(tmp / "many")
    template_doc, template = build_set(project, "tpl", n_events=5, spans_per_event=10)
    text = template_doc.text[: max(s.end for s in template.spans) + 1]
    template_doc = Document("tpl", text)
    data = template.to_dict()
    data["document"]["sha256"] = template_doc.sha256
    ann_dir = project.annotations_dir / "bench"
    ann_dir.mkdir()
    t = time.perf_counter()
    for i in range(n_docs):  # setup only: plain writes, not atomic ones
        doc_id = f"doc{i:05d}"
        doc_dict = template_doc.to_dict()
        doc_dict["id"] = doc_id
        (project.documents_dir / f"{doc_id}.json").write_bytes(jsonio.dump_bytes(doc_dict))
        data["document"]["id"] = doc_id
        (ann_dir / f"{doc_id}.json").write_bytes(jsonio.dump_bytes(data))
    print(f"\nproject: {n_docs:,} documents x {len(template.spans)} spans "
          f"({len(template.events)} events each), written in {time.perf_counter() - t:.1f} s")
    files = sorted(project.documents_dir.iterdir()) + sorted(ann_dir.iterdir())

    def baseline() -> None:
        for p in files:
            json.dumps(json.loads(p.read_bytes()))

    base = median_of(runs, baseline)
    cold = median_of(runs, lambda: validate_project(project, use_cache=False))
    report = validate_project(project)  # fills the cache
    assert report.errors == 0, list(report.files.items())[:2]
    warm = median_of(runs, lambda: validate_project(project))
    print_table("Whole project", [
        ("baseline: json.loads + json.dumps of every file", base),
        ("validate_project, no cache", cold),
        ("validate_project, unchanged (cached)", warm),
    ], base)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--docs", type=int, default=30_000)
    ap.add_argument("--profile", action="store_true", help="profile save_annotations")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        bench_file(Path(tmp), args.runs, args.profile)
        if args.docs:
            bench_project(Path(tmp), args.runs, args.docs)


if __name__ == "__main__":
    main()
