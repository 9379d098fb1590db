"""Adjudicating the sample project's gold set through the application layer, without Qt."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from annotator import i18n
from annotator.app.adjudication import Adjudication
from annotator.app.document import DocumentHandle
from annotator.core.adjudication import open_items
from annotator.core.model import GOLD_CODER
from annotator.paths import resource
from annotator.storage.atomic import read_json
from annotator.storage.project import Project

DOC = "sample-article"


@pytest.fixture
def project(tmp_path: Path) -> Project:
    shutil.copytree(resource("sample-project"), tmp_path / "p")
    return Project.open(tmp_path / "p")


def _open(project: Project) -> tuple[DocumentHandle, Adjudication]:
    handle = DocumentHandle.open(project, DOC, GOLD_CODER)
    return handle, Adjudication.load(project, handle)


def test_the_sample_gold_set_opens_with_its_coders_and_open_disagreements(project):
    handle, adj = _open(project)
    assert adj.coders == ["demo", "layla"]
    assert adj.open_count() == len(open_items(handle.session.aset)) > 0
    assert adj.current is not None and "decision" not in adj.item(adj.current)
    versions = adj.versions(adj.current)
    assert [v.coder for v in versions] == ["demo", "layla"]
    assert any(v.text for v in versions)
    assert set(adj.coder_ranges()) == {"demo", "layla"}
    handle.close()


def test_accept_a_b_both_reject_each_one_undo_step_and_saved(project):
    handle, adj = _open(project)
    before = handle.session.aset.to_dict()
    decided = []
    for action in (lambda: adj.accept_coder(0), lambda: adj.accept_coder(1),
                   adj.accept_all, adj.reject):
        if adj.open_count() == 0:
            break
        item_id = adj.current
        assert action() == ""
        decided.append(item_id)
        assert "decision" in adj.item(item_id)
        assert adj.current != item_id or adj.open_count() == 0
    assert handle.history.count() == len(decided)
    handle.history.undo()
    assert "decision" not in adj.item(decided[-1])
    handle.history.redo()
    result = handle.save()
    assert result.status in ("in_progress", "done")
    saved = read_json(project.annotation_path(GOLD_CODER, DOC))
    saved_items = {i["id"]: i for i in saved["adjudication"]["items"]}
    assert all("decision" in saved_items[i] for i in decided)
    first = saved_items[decided[0]]["decision"]
    assert first["accept"] == ["demo"]
    while handle.history.undo():
        pass
    assert handle.session.aset.to_dict()["adjudication"] == before["adjudication"]
    handle.close()


def test_an_edit_on_gold_is_marked_edited(project):
    from annotator.core.edits import RelabelSpan

    handle, _adj = _open(project)
    span = next(s for s in handle.session.aset.spans if s.provenance is not None
                and s.label == "ACTOR")
    assert handle.push(RelabelSpan(span.id, "PERSON")) == ""
    assert span.provenance is not None and span.provenance.how == "edited"
    handle.history.undo()
    assert span.provenance.how != "edited"
    handle.close()


def test_a_blind_coder_who_has_not_finished_cannot_open_adjudication(project):
    # The sample assigns the article to demo and layla, blind; a fresh coder set in progress.
    aset_path = project.annotation_path("layla", DOC)
    data = read_json(aset_path)
    data["status"] = "in_progress"
    from annotator.storage.atomic import atomic_write_json

    atomic_write_json(aset_path, data)
    reason = Adjudication.prepare(project, DOC, viewer="layla")
    assert "blind" in reason
    assert Adjudication.prepare(project, DOC, viewer="lead") == ""  # the gold set is there


def test_prepare_prefills_a_missing_gold_set_and_says_why_when_it_cannot(project):
    project.annotation_path(GOLD_CODER, DOC).unlink()
    assert Adjudication.prepare(project, DOC) == ""
    assert project.annotation_path(GOLD_CODER, DOC).is_file()
    project.annotation_path(GOLD_CODER, DOC).unlink()
    data = read_json(project.annotation_path("demo", DOC))
    data["status"] = "in_progress"
    from annotator.storage.atomic import atomic_write_json

    atomic_write_json(project.annotation_path("demo", DOC), data)
    reason = Adjudication.prepare(project, DOC)
    assert "waiting for demo" in reason


@pytest.fixture
def arabic():  # type: ignore[no-untyped-def]
    i18n.set_language("ar")
    yield
    i18n.set_language("en")


def test_the_panel_lines_in_arabic_name_things_by_their_arabic_names(project, arabic):
    handle, adj = _open(project)
    assert adj.heading() == "تحكيم sample-article: الخلافات المفتوحة 7 من أصل 10"
    titles = {item_id: adj.title(item_id) for item_id in adj.item_ids()}
    assert titles["i1"].startswith("i1 · مقطع «") and titles["i1"].endswith(" · مقبول A")
    assert titles["i5"] == "i5 · نوع الفاعل الثاني · مفتوح"  # a field, by its Arabic name
    assert titles["i10"].endswith(" · مقبول B")
    lines = {v.coder: v.text for v in adj.versions("i5")}  # choices by their Arabic names
    assert lines == {"demo": "ميليشيا سياسية", "layla": "قوات خارجية/أخرى"}
    event = adj.versions("i7")[0].text  # type/sub-type, trigger and roles by Arabic names
    assert event.startswith("تطورات استراتيجية/أخرى · المُطلِق «") and "المكان: «" in event
    assert adj.versions("i1")[0].text.endswith(" جهة فاعلة 35-45")
    handle.close()


def test_the_panel_lines_in_english_keep_the_codebook_ids(project):
    handle, adj = _open(project)
    assert adj.heading() == "Adjudication of sample-article: 7 open of 10 disagreements"
    assert adj.title("i5") == "i5 · actor2_type · open"
    assert adj.versions("i1")[0].text.endswith(" ACTOR 35-45")
    assert adj.versions("i7")[0].text.startswith("strategic_developments/other · trigger «")
    handle.close()
