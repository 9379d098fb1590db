"""A project's agreement: pairs of coders over the documents both coded, by status, reading only,
and saying which files it could not use."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from annotator.core.model import Document, Span
from annotator.errors import AnnotatorError
from annotator.storage.agreement import project_agreement
from annotator.storage.project import Project

TEXTS = {"d1": "هاجم مسلحون حاجزا للجيش", "d2": "قتل ثلاثة جنود قرب البوكمال",
         "d3": "أعلنت الحكومة النفير العام"}


def code(project: Project, coder: str, doc_id: str, words: list[tuple[str, str]],
         status: str = "done") -> None:
    doc = project.load_document(doc_id)
    aset, _ = project.load_annotations(coder, doc)
    for k, (w, label) in enumerate(words):
        start = doc.text.index(w)
        aset.spans.append(Span(f"s{k}", start, start + len(w), label, w))
    aset.status = status
    aset.fields = {"relevance": "relevant"}  # what the codebook requires of a done document
    project.save_annotations(aset, doc)


@pytest.fixture()
def project(tmp_path: Path) -> Project:
    p = Project.init(tmp_path / "p")
    p.add_documents([Document(d, t) for d, t in TEXTS.items()])
    code(p, "amira", "d1", [("مسلحون", "ACTOR"), ("حاجزا للجيش", "LOCATION")])
    code(p, "omar", "d1", [("مسلحون", "ACTOR"), ("للجيش", "LOCATION")])
    code(p, "amira", "d2", [("البوكمال", "LOCATION")])
    code(p, "omar", "d2", [("البوكمال", "LOCATION")], status="in_progress")
    code(p, "layla", "d3", [("الحكومة", "ACTOR")])
    return p


def snapshot(root: Path) -> dict[str, bytes]:
    return {str(p): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


def test_pairs_over_the_documents_both_coded_with_the_status(project):
    before = snapshot(project.root)
    result = project_agreement(project)
    assert snapshot(project.root) == before  # only reads
    pairs = {(p.a, p.b): p for p in result.pairs}
    assert list(pairs) == [("amira", "layla"), ("amira", "omar"), ("layla", "omar")]
    assert pairs[("amira", "layla")].documents == 0
    done = pairs[("amira", "omar")]
    assert done.documents == 1 and done.spans_strict.matched == 1  # d2 is in progress for omar
    anything = project_agreement(project, coders=["omar", "amira"], status=None).pairs
    assert len(anything) == 1 and anything[0].documents == 2
    assert anything[0].spans_strict.matched == 2 and anything[0].spans_lenient.matched == 3


def test_coders_must_exist_and_be_two(project):
    with pytest.raises(AnnotatorError, match="no annotations by 'zaid'"):
        project_agreement(project, coders=["amira", "zaid"])
    with pytest.raises(AnnotatorError, match="two coders or more"):
        project_agreement(project, coders=["amira"])


def test_files_that_cannot_be_used_are_listed_not_raised(project):
    path = project.annotation_path("omar", "d1")
    path.write_text("{not json", encoding="utf-8")
    other = project.annotation_path("omar", "d2")
    data = json.loads(other.read_text(encoding="utf-8"))
    data["spans"] = 5
    other.write_text(json.dumps(data), encoding="utf-8")
    result = project_agreement(project, coders=["amira", "omar"], status=None)
    assert result.pairs[0].documents == 0
    assert len(result.problems) == 2
    assert str(path) in result.problems[0] and "d2.json" in result.problems[1]


def test_progress_and_cancel(project):
    seen: list[tuple[int, int]] = []
    result = project_agreement(project, status=None, progress=lambda d, t: seen.append((d, t)),
                               cancelled=lambda: len(seen) == 1)
    assert result.cancelled and seen == [(1, 2)]  # the documents two coders coded
    assert {p.documents for p in result.pairs} == {0, 1}  # d1 only


def test_a_file_name_no_document_can_have_is_passed_over(project):
    (project.documents_dir / "bad name.json").write_text("{}", encoding="utf-8")
    result = project_agreement(project, coders=["amira", "omar"])
    assert result.pairs[0].documents == 1 and not result.problems
