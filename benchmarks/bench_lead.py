"""The lead's commands on a large project: assign, status (cold and cached), adjudicate (cold,
and again with nothing changed), and one document's pre-fill with three coders.

The project is built from the real corpus (SaudiNewsNet, beside the checkout; its articles
repeated to reach --docs): coder a marks 5 events of 10 spans per document, coder b the same
with a tenth of the spans one character longer or labelled otherwise and one event left out.
Prints medians of N runs and their ratio to a baseline measured in the same run: reading and
parsing every annotation file (``json.loads``), the least a command that looks at each file
must do.

    python benchmarks/bench_lead.py [--docs 3000] [--runs 3]
"""

from __future__ import annotations

import argparse
import json
import random
import re
import shutil
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpus import corpus_articles

from annotator.core.adjudication import prefill
from annotator.core.decisions import decision_edit
from annotator.core.model import AnnotationSet, CodebookRef, Document, Event, Span
from annotator.core.session import AnnotationSession
from annotator.storage.assignments import plan_assignments, save_assignments, started_pairs
from annotator.storage.gold import adjudicate_project
from annotator.storage.progress import CACHE_NAME, project_progress
from annotator.storage.project import Project

# Each event: a trigger, two actors, and seven more spans in roles that take their label.
FILLERS = [("actor1", "ACTOR"), ("actor2", "ACTOR"), ("location", "LOCATION"),
           ("location", "LOCATION"), ("time", "TIME"), ("fatalities", "QUANTITY"),
           ("victim", "PERSON"), ("weapon", "WEAPON"), ("source", "SOURCE")]
# Labels another coder may give instead, still fitting the role.
OTHER_LABEL = {"QUANTITY": "PERSON", "PERSON": "ACTOR"}
FIELDS = {"event_date": {"value": "2015-07-21", "precision": "day"},
          "fatalities": {"value": 2, "qualifier": "exact"}, "actor1_type": "rebel_group",
          "actor2_type": "state_forces", "temporal_status": "occurred",
          "factuality": "asserted", "polarity": "positive"}


def coded(doc: Document, coder: str, ref: CodebookRef, rng: random.Random, events: int
          ) -> AnnotationSet:
    """A done, valid set: ``events`` events of ten spans each, on words of the text."""
    words = [(m.start(), m.end()) for m in re.finditer(r"\S+", doc.text)]
    picks = sorted(rng.sample(range(len(words)), min(events * 10, len(words))))
    aset = AnnotationSet.new(doc, coder, ref)
    for k in range(len(picks) // 10):
        group = picks[k * 10:(k + 1) * 10]
        trigger = f"t{k}"
        start, end = words[group[0]]
        aset.spans.append(Span(trigger, start, end, "TRIGGER", doc.text[start:end]))
        roles: dict[str, list[str]] = {}
        for n, (role, label) in enumerate(FILLERS, 1):
            start, end = words[group[n]]
            aset.spans.append(Span(f"s{k}_{n}", start, end, label, doc.text[start:end]))
            roles.setdefault(role, []).append(f"s{k}_{n}")
        aset.events.append(Event(f"e{k}", "battles", "armed_clash", trigger, roles,
                                 dict(FIELDS)))
    aset.fields = {"relevance": "relevant"}
    aset.status = "done"
    return aset


def differ(aset: AnnotationSet, coder: str, text: str, rng: random.Random) -> AnnotationSet:
    """Another coder's version: a tenth of the spans one character longer or labelled
    otherwise (still fitting their roles), and the last event left out with its spans."""
    other = AnnotationSet.from_dict({**aset.to_dict(), "coder": coder})
    for span in other.spans:
        if span.label != "TRIGGER" and rng.random() < 0.1:
            if span.label in OTHER_LABEL and rng.random() < 0.5:
                span.label = OTHER_LABEL[span.label]
            elif span.end < len(text) and not text[span.end].isspace():
                span.end += 1
                span.text = text[span.start:span.end]
    if other.events:
        dropped = other.events.pop().span_ids()
        other.spans = [s for s in other.spans if s.id not in dropped]
    return other


def build(root: Path, n_docs: int) -> Project:
    project = Project.init(root)
    ref = CodebookRef(**project.codebook.ref())
    articles = [a for a in corpus_articles() if len(a.get("content") or "") > 600]
    rng = random.Random(13)
    docs = []
    for n in range(n_docs):
        art = articles[n % len(articles)]
        docs.append(Document(f"d{n:05d}", art["content"], {"title": art.get("title", "")}))
    project.add_documents(docs)
    for doc in docs:
        a = coded(doc, "a", ref, rng, events=5)
        for aset in (a, differ(a, "b", doc.text, rng)):
            path = project.annotation_path(aset.coder, doc.id)
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(json.dumps(aset.to_dict(), ensure_ascii=False), encoding="utf-8")
    return project


def median(fn: Callable[[], object], runs: int, before: Callable[[], object] = lambda: None
           ) -> float:
    times = []
    for _ in range(runs):
        before()
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return statistics.median(times)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--docs", type=int, default=3000)
    ap.add_argument("--runs", type=int, default=3)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        t = time.perf_counter()
        project = build(Path(tmp) / "p", args.docs)
        print(f"built {args.docs} documents x 2 coders in {time.perf_counter() - t:.1f} s")
        files = [p for _, _, p in project.annotation_files()]

        def read_all() -> None:
            for p in files:
                json.loads(p.read_bytes())

        def assign() -> None:
            plan, _ = plan_assignments(project.document_ids(), ["a", "b"], per_document=2,
                                       overlap=1.0, seed=13, started=started_pairs(project))
            save_assignments(project, plan)

        def drop_cache() -> None:
            (project.state_dir / CACHE_NAME).unlink(missing_ok=True)

        def drop_gold() -> None:
            shutil.rmtree(project.annotations_dir / "gold", ignore_errors=True)

        rows = [("read + parse every annotation file (baseline)", median(read_all, args.runs))]
        rows.append(("assign (plan and write)", median(assign, args.runs)))
        rows.append(("status, cold (no cache)", median(lambda: project_progress(project),
                                                       args.runs, drop_cache)))
        rows.append(("status, cached", median(lambda: project_progress(project), args.runs)))
        rows.append(("adjudicate, cold (writes every gold set)",
                     median(lambda: adjudicate_project(project), args.runs, drop_gold)))
        rows.append(("adjudicate again, nothing changed",
                     median(lambda: adjudicate_project(project), args.runs)))
        doc = project.load_document("d00000")
        rng = random.Random(7)
        ref = CodebookRef(**project.codebook.ref())
        base = coded(doc, "a", ref, rng, events=6)
        sets = {"a": base, "b": differ(base, "b", doc.text, rng),
                "c": differ(base, "c", doc.text, rng)}

        def open_one() -> None:
            gold = prefill(doc, project.codebook, sets)
            session = AnnotationSession(doc, project.codebook, gold)
            item = gold.adjudication["items"][0]["id"]
            decision_edit(session, item, ["a"])

        rows.append(("one document, 3 coders x 60 spans: pre-fill + one decision",
                     median(open_one, max(args.runs, 5))))
    baseline = rows[0][1]
    width = max(len(name) for name, _ in rows)
    print(f"{'':<{width}}  median      x baseline")
    for name, seconds in rows:
        print(f"{name:<{width}}  {seconds * 1000:8.1f} ms  {seconds / baseline:6.2f}")


if __name__ == "__main__":
    main()
