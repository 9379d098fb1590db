"""Searching a project: hits with exact offsets and context, inside spans of a label, and an
index that is only a cache (unchanged documents are not read again, changed ones always are,
a deleted, damaged or unwritable index only costs speed)."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from annotator.core.model import Document, Span
from annotator.errors import AnnotatorError
from annotator.storage import search as search_module
from annotator.storage.lexicon import LEXICON_NAME, project_lexicon
from annotator.storage.project import Project
from annotator.storage.search import INDEX_NAME, SearchIndex, kwic, search_project

TEXTS = {
    "a": "قُتل أحد عناصر داعش يوم الأحد في ريف دير الزور.\nوقال مصدر إن وأحد المدنيين أصيب.",
    "b": "أعلنت وزارة الداخلية في الرياض القبض على خلية لداعش 😀 في للرياض.",
    "c": "No Arabic here, ISIS and Riyadh only.",
}


@pytest.fixture
def project(tmp_path: Path) -> Project:
    p = Project.init(tmp_path / "p")
    p.add_documents([Document(k, t, {"title": f"عنوان {k}"}) for k, t in TEXTS.items()])
    return p


def hits_of(project: Project, query: str, **kw: object) -> list[tuple[str, str]]:
    return [(h.document_id, h.text) for h in search_project(project, query, **kw).hits]


def test_finds_whole_words_in_every_document_with_exact_offsets(project: Project) -> None:
    result = search_project(project, "احد")
    assert [(h.document_id, h.text) for h in result.hits] == [("a", "أحد"), ("a", "أحد"),
                                                              ("a", "أحد")]
    assert (result.total, result.documents) == (3, 1)
    for hit in result.hits:
        text = TEXTS[hit.document_id]
        assert text[hit.start:hit.end] == hit.text
        assert text[hit.start - len(hit.before):hit.start].replace("\n", " ") == hit.before
        assert text[hit.end:hit.end + len(hit.after)].replace("\n", " ") == hit.after
        assert hit.title == "عنوان a" and hit.length == len(text)
    assert hits_of(project, "الرياض") == [("b", "الرياض"), ("b", "لرياض")]
    assert hits_of(project, "داعش") == [("a", "داعش"), ("b", "داعش")]
    assert hits_of(project, "isis") == [("c", "ISIS")]


def test_a_match_after_an_emoji_keeps_code_point_offsets(project: Project) -> None:
    (hit,) = [h for h in search_project(project, "للرياض", proclitics=False).hits]
    assert TEXTS["b"][hit.start:hit.end] == "للرياض"
    assert hit.start == TEXTS["b"].index("للرياض")


def test_limit_keeps_the_count(project: Project) -> None:
    result = search_project(project, "في", limit=2)
    assert len(result.hits) == 2
    assert (result.total, result.documents) == (3, 2)
    assert search_project(project, "قوات").total == 0
    assert search_project(project, "\u064e").hits == []


def test_context_is_one_line_and_never_splits_a_letter() -> None:
    text = "أَعْلَنَتِ الحُكُومَةُ\r\nالنَّفِيرَ العَامَّ فِي دَيْرِ الزُّورِ وَأُلْغِيَتِ الإِجَازَاتُ"
    start = text.index("فِي")
    for width in range(1, 40):
        before, after = kwic(text, start, start + 3, width)
        assert text[start - len(before):start].replace("\r\n", "  ") == before
        assert text[start + 3:start + 3 + len(after)].replace("\r\n", "  ") == after
        assert "\n" not in before + after and "\r" not in before + after
        for cut in (start - len(before), start + 3 + len(after)):
            assert cut in (0, len(text)) or text[cut] not in "\u064e\u064f\u0650\u0651\u0652"


def _save_spans(project: Project, coder: str, doc_id: str, spans: list[tuple[str, str]]) -> None:
    doc = project.load_document(doc_id)
    aset = project.new_annotation_set(coder, doc)
    for i, (word, label) in enumerate(spans, 1):
        start = doc.text.index(word)
        aset.spans.append(Span(f"s{i}", start, start + len(word), label, word))
    project.save_annotations(aset, doc)


def test_only_inside_spans_of_a_label_and_coder(project: Project) -> None:
    _save_spans(project, "amal", "a", [("عناصر داعش", "ACTOR"), ("ريف دير الزور", "LOCATION")])
    _save_spans(project, "omar", "b", [("لداعش", "ACTOR")])
    result = search_project(project, "داعش", label="ACTOR")
    assert [(h.document_id, h.text) for h in result.hits] == [("a", "داعش"), ("b", "داعش")]
    assert [[(s.coder, s.span_id, s.label) for s in h.spans] for h in result.hits] == [
        [("amal", "s1", "ACTOR")], [("omar", "s1", "ACTOR")]]
    assert (result.total, result.documents) == (2, 2)
    assert hits_of(project, "داعش", label="ACTOR", coder="omar") == [("b", "داعش")]
    assert hits_of(project, "داعش", label="LOCATION") == []
    assert hits_of(project, "الزور", coder="amal") == [("a", "الزور")]
    assert hits_of(project, "الرياض", coder="omar") == []
    with pytest.raises(AnnotatorError, match=r"no span label 'PLACE'.*LOCATION"):
        search_project(project, "داعش", label="PLACE")
    with pytest.raises(AnnotatorError, match="no annotations by coder 'nobody'"):
        search_project(project, "داعش", coder="nobody")


@pytest.fixture
def loads(project: Project, monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The documents read to fold them (not those read to show a hit)."""
    seen: list[str] = []
    real = search_module.fold

    names = {t: k for k, t in TEXTS.items()}

    def counting(text: str, **kw: bool) -> str:
        seen.append(names.get(text, text))
        return real(text, **kw)

    monkeypatch.setattr(search_module, "fold", counting)
    return seen


def test_the_index_folds_each_document_once(project: Project, loads: list[str]) -> None:
    assert SearchIndex.load(project).folded_now == 3
    assert sorted(loads) == ["a", "b", "c"]
    assert (project.state_dir / INDEX_NAME).is_file()
    loads.clear()
    index = SearchIndex.load(project)
    assert (index.folded_now, loads) == (0, [])
    assert index.search("الرياض").total == 2


def test_a_changed_added_or_removed_document_is_seen(project: Project, loads: list[str]) -> None:
    SearchIndex.load(project)
    loads.clear()
    path = project.document_path("b")
    data = json.loads(path.read_text(encoding="utf-8"))
    data["text"] = "خبر جديد عن جدة"
    data.pop("sha256")
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    project.add_documents([Document("d", "وفي جدة أيضاً", {})])
    os.remove(project.document_path("c"))
    result = search_project(project, "جده")
    assert [(h.document_id, h.text) for h in result.hits] == [("b", "جدة"), ("d", "جدة")]
    assert sorted(loads) == ["خبر جديد عن جدة", "وفي جدة أيضاً"]
    assert hits_of(project, "isis") == []
    assert hits_of(project, "الرياض") == []


@pytest.mark.parametrize("damage", [b"", b"garbage", b"12\n{\"annotator\": 1}",
                                    b"99999999999999999999\n", "\u0627".encode()])
def test_a_damaged_or_deleted_index_is_rebuilt(project: Project, damage: bytes) -> None:
    before = hits_of(project, "احد")
    path = project.state_dir / INDEX_NAME
    path.write_bytes(damage)
    assert hits_of(project, "احد") == before
    path.unlink()
    assert hits_of(project, "احد") == before
    assert SearchIndex.load(project).folded_now == 0  # rebuilt and saved


def test_a_truncated_index_is_rebuilt(project: Project) -> None:
    SearchIndex.load(project)
    path = project.state_dir / INDEX_NAME
    path.write_bytes(path.read_bytes()[:-10])
    assert SearchIndex.load(project).folded_now == 3


def test_an_unwritable_project_is_searched_uncached(project: Project,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*args: object, **kw: object) -> None:
        raise AnnotatorError("read-only")

    monkeypatch.setattr(search_module, "atomic_write", refuse)
    assert hits_of(project, "الرياض") == [("b", "الرياض"), ("b", "لرياض")]
    assert not (project.state_dir / INDEX_NAME).exists()
    assert SearchIndex.load(project, use_cache=False).search("داعش").total == 2


def test_an_unreadable_document_is_named_not_fatal(project: Project) -> None:
    project.document_path("c").write_text("{not json", encoding="utf-8")
    result = search_project(project, "داعش")
    assert result.total == 2
    assert list(result.unreadable) == ["c"] and "not valid JSON" in result.unreadable["c"]


def test_the_lexicon_is_cached_until_the_documents_change(project: Project) -> None:
    lexicon = project_lexicon(project)
    assert lexicon.count("الأحد") == 1 and lexicon.count("داعش") == 1
    assert (project.state_dir / LEXICON_NAME).is_file()
    assert project_lexicon(project).counts == lexicon.counts
    project.add_documents([Document("d", "داعش مرة أخرى", {})])
    assert project_lexicon(project).count("داعش") == 2
    (project.state_dir / LEXICON_NAME).write_text("{damaged", encoding="utf-8")
    assert project_lexicon(project).count("داعش") == 2
