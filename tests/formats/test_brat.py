"""brat standoff: real BioNLP files from brat's repository, and what our exports look like."""

from __future__ import annotations

import pytest
from test_fixtures_formats import all_sets, build

from annotator.core.text import TextPolicy
from annotator.formats.brat import annotation_conf, parse_ann, read_brat
from annotator.formats.export import export_project
from annotator.formats.importing import import_annotations
from annotator.storage.project import Project

BIONLP_MAP = ["Protein=ACTOR", "Entity=LOCATION", "role:Theme=target", "role:Cause=actor1",
              "role:ToLoc=location", "field:Negation=polarity=negative",
              "field:Speculation=factuality=hypothetical",
              *(f"type:{t}=strategic_developments.other" for t in (
                  "Positive_regulation", "Negative_regulation", "Regulation",
                  "Gene_expression", "Transcription", "Localization", "Phosphorylation"))]


@pytest.fixture
def bionlp(shared_data):  # type: ignore[no-untyped-def]
    """brat's BioNLP example collection, read in the shared folder (its README asks that the
    tools' files not be copied into the project)."""
    return shared_data("formats/brat/BioNLP-ST_2011_GE/annotation.conf").parent


def test_reads_every_line_kind_of_the_bionlp_documents(bionlp):
    docs = {d.id: d for d in read_brat([bionlp], {})}
    assert set(docs) == {"PMC-2065877-06-Results-05", "PMID-10064103", "PMID-10438843"}
    small = docs["PMID-10064103"]
    assert [(s.key, s.label, s.text) for s in small.spans][:2] == [
        ("T1", "Protein", "NF-kappaBp65"), ("T2", "Protein", "thrombomodulin")]
    ev = {e.key: e for e in small.events}
    assert ev["E2"].type == "Positive_regulation" and ev["E2"].trigger == "T4"
    assert ev["E2"].roles == {"Theme": ["T1"]}
    assert ev["E1"].roles == {}  # its Theme is event E2: reported, not a span
    assert any("E1" in p and "are events" in p for p in small.problems)
    big = docs["PMC-2065877-06-Results-05"]
    assert len(big.spans) == 113 and len(big.events) == 58
    negated = {e.key for e in big.events if e.fields.get("Negation") is True}
    assert {"E3", "E4", "E34", "E55"} <= negated  # the M lines
    equiv = docs["PMID-10438843"]
    assert sum("equivalence" in p for p in equiv.problems) == 2
    for doc in docs.values():
        for s in doc.spans:
            assert doc.text[s.start:s.end] == s.text


def test_bionlp_import_needs_a_label_map_and_reports_unknown_names(tmp_path, bionlp):
    project = Project.init(tmp_path / "p")
    report = import_annotations(project, "brat", [bionlp], coder="bionlp")
    assert not report.written and project.document_ids() == []
    assert report.unknown["label"] == {"Protein": 94, "Entity": 3}
    assert report.unknown["type"]["Positive_regulation"] > 0
    assert "--label-map Entity=NEW --label-map Protein=NEW" in report.label_map_hint()
    assert "field:Negation=NEW" in report.label_map_hint()


def test_bionlp_import_with_a_label_map(tmp_path, bionlp):
    project = Project.init(tmp_path / "p")
    report = import_annotations(project, "brat", [bionlp], coder="bionlp",
                                label_map=BIONLP_MAP)
    # Event arguments that are events and the two equivalences cannot be expressed.
    assert not report.written and report.problem_count == 17
    report = import_annotations(project, "brat", [bionlp], coder="bionlp",
                                label_map=BIONLP_MAP, skip_invalid=True)
    assert report.written and report.left_out == 0
    assert report.annotation_sets == 3 and report.events == 69
    sets = all_sets(project)
    small = sets[("bionlp", "PMID-10064103")]
    assert [(s.label, s.text) for s in small.spans] == [
        ("TRIGGER", "stronger"), ("TRIGGER", "activated"), ("ACTOR", "NF-kappaBp65"),
        ("ACTOR", "thrombomodulin")]
    big = sets[("bionlp", "PMC-2065877-06-Results-05")]
    e3 = big.events[2]
    assert (e3.type, e3.subtype, e3.fields) == ("strategic_developments", "other",
                                               {"polarity": "negative"})
    # One trigger span, though brat wrote "detected" (T71) once for nine events.
    triggers = [s for s in big.spans if s.text == "detected" and s.start == 471]
    assert len(triggers) == 1
    assert sum(e.trigger == triggers[0].id for e in big.events) == 9


def test_text_that_does_not_match_is_reported_never_shifted():
    doc = parse_ann("T1\tPERSON 0 4\tAhmd\nT2\tPERSON 5 9\tSami\n", "Ahmad Sami", "d", "x.ann")
    assert [s.key for s in doc.spans] == []  # T2 points at "Sami" only after a shift
    assert any("T1" in p and "differs" in p for p in doc.problems)
    doc = parse_ann("T1\tPERSON 0 5;10 14\tAhmad Sami\n", "Ahmad and Sami", "d", "x.ann")
    assert doc.spans == [] and "discontinuous" in doc.problems[0]
    doc = parse_ann("T1\tPERSON 0 5;6 10\tAhmad Sami\n", "Ahmad\nSami", "d", "x.ann")
    assert [(s.start, s.end, s.text) for s in doc.spans] == [(0, 10, "Ahmad\nSami")]
    doc = parse_ann("T1\tX 0 99\tx\nR1\tRel Arg1:T1 Arg2:T1\nN1\tRef T1 Wiki:1\tx\nQ1\t?\n",
                    "x", "d", "x.ann")
    assert len(doc.problems) == 4


def test_crlf_brat_files_move_with_the_text_policy(tmp_path):
    folder = tmp_path / "b"
    folder.mkdir()
    text = "الجيش\r\nيقصف\r\nالبلدة"
    (folder / "d.txt").write_bytes(text.encode())
    start = text.index("البلدة")
    (folder / "d.ann").write_text(f"T1\tLOCATION {start} {start + 6}\tالبلدة\n"
                                  f"T2\tACTOR 0 5;7 11\tالجيش يقصف\n", encoding="utf-8")
    lf = Project.init(tmp_path / "lf")  # CRLF becomes LF: offsets move with it
    assert import_annotations(lf, "brat", [folder], coder="c").written
    aset = all_sets(lf)[("c", "d")]
    stored = lf.load_document("d").text
    assert stored == "الجيش\nيقصف\nالبلدة"
    assert {(s.label, stored[s.start:s.end]) for s in aset.spans} == {
        ("LOCATION", "البلدة"), ("ACTOR", "الجيش\nيقصف")}
    keep = Project.init(tmp_path / "keep", policy=TextPolicy(newlines="keep"))
    assert import_annotations(keep, "brat", [folder / "d.ann"], coder="c").written
    assert {(s.start, s.end) for s in all_sets(keep)[("c", "d")].spans} == {
        (start, start + 6), (0, 11)}


@pytest.fixture(scope="module")
def arabic_brat(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("brat")
    project = build("arabic", tmp / "p")
    report = export_project(project, "brat", tmp / "out", workers=1)
    return project, tmp / "out", report


def test_export_layout_and_conf(arabic_brat):
    project, out, report = arabic_brat
    assert (out / "annotation.conf").read_text(encoding="utf-8") == \
        annotation_conf(project.codebook)
    assert sorted(p.relative_to(out).as_posix() for p in out.rglob("*.ann")) == [
        "amira/crlf.ann", "amira/emoji.ann", "amira/tashkeel.ann", "omar/emoji.ann"]
    assert (out / "amira" / "crlf.txt").read_bytes() == \
        project.load_document("crlf").text.encode("utf-8")
    lost = {i["what"]: i["count"] for i in report.not_expressed}
    assert lost["spans of line breaks only (brat cannot show them)"] == 1
    assert lost["document fields (brat has no place for them)"] == 2
    assert "events without a trigger brat can show (it needs one)" in lost


def test_export_lines(arabic_brat):
    _, out, _ = arabic_brat
    ann = (out / "amira" / "emoji.ann").read_text(encoding="utf-8").splitlines()
    assert ann[0] == "T1\tbattles 0 5\tهاجمَ"  # a trigger carries its event's type
    e_lines = [x for x in ann if x.startswith("E")]
    assert e_lines[0].startswith("E1\tbattles:T1 actor1:T2 actor2:T")
    assert " location2:" in e_lines[0]  # brat numbers repeated arguments
    assert "A1\tsubtype E1 armed_clash" in ann
    assert any(x.startswith("A") and x.endswith("civilian_targeting E2 true") for x in ann)
    notes = [x for x in ann if x.startswith("#")]
    assert any("\tملاحظة ثانية" in x for x in notes)  # the note's line break became a space
    assert any('fields: {"attribution": "مصادر محلية"' in x for x in notes)
    crlf = (out / "amira" / "crlf.ann").read_text(encoding="utf-8")
    assert ";" in crlf.split("\tACTOR ")[1].split("\t")[0]  # fragments split at CRLF


# -- note types and value-less attributes ------------------------------------------------------
def _brat_folder(tmp_path, ann: str):
    folder = tmp_path / "b"
    folder.mkdir()
    (folder / "d.txt").write_text("شنت مجموعة هجوما على حاجز", encoding="utf-8")
    (folder / "d.ann").write_text(ann, encoding="utf-8")
    return folder


def test_a_note_of_another_type_keeps_its_type_in_the_note_and_says_so(tmp_path):
    folder = _brat_folder(tmp_path, "T1\tTRIGGER 11 16\tهجوما\nT2\tLOCATION 21 25\tحاجز\n"
                                    "#1\tLemma T1\tهجوم\n#2\tAnnotatorNotes T2\tقرب البلدة\n")
    project = Project.init(tmp_path / "p")
    report = import_annotations(project, "brat", [folder], coder="c")
    assert report.written and report.problem_count == 0
    [aset] = all_sets(project).values()
    assert [(s.text, s.note) for s in aset.spans] == [("هجوما", "Lemma: هجوم"),
                                                      ("حاجز", "قرب البلدة")]
    assert len(report.notices) == 1
    assert "line 3" in report.notices[0] and "Lemma" in report.notices[0]
    assert "AnnotatorNotes" in report.notices[0]
    assert "1 change(s) of form" in report.summary()


def test_a_value_less_attribute_is_read_as_true_and_the_change_is_reported(tmp_path):
    folder = _brat_folder(tmp_path, "T1\tTRIGGER 11 16\tهجوما\nE1\tbattles:T1\n"
                                    "M1\tNegation E1\nA2\tSpeculation E1\n")
    project = Project.init(tmp_path / "p")
    report = import_annotations(project, "brat", [folder], coder="c",
                                label_map=["field:Negation=aggregate",
                                           "field:Speculation=aggregate"], dry_run=True)
    docs = list(read_brat([folder], {}))
    assert docs[0].events[0].fields == {"Negation": True, "Speculation": True}
    assert len(docs[0].notices) == 1
    notice = docs[0].notices[0]
    assert "M1 Negation E1" in notice and "A2 Speculation E1" in notice and "true" in notice
    assert report.notices == docs[0].notices


def test_exported_ann_files_parse_with_brats_own_rules(tmp_path):
    """brat's server (annotation.py) reads a line as ID, TAB, then per kind: T "TYPE START END"
    fragments and TAB text; E "TYPE:ID ROLE:ID..."; A "TYPE ID [VALUE]"; # "TYPE ID" TAB text;
    ids unique, every referenced id defined. Checked here the way it parses them."""
    import re

    project = build("arabic", tmp_path / "p")
    export_project(project, "brat", tmp_path / "out", workers=1)
    for ann in (tmp_path / "out").rglob("*.ann"):
        text = ann.with_suffix(".txt").read_bytes().decode("utf-8")  # CRLF kept
        ids: set[str] = set()
        refs: set[str] = set()
        for line in ann.read_text(encoding="utf-8").splitlines():
            ident, data = line.split("\t", 1)
            assert ident not in ids
            ids.add(ident)
            head, _, tail = data.partition("\t")
            if ident[0] == "T":
                _type, rest = head.split(" ", 1)
                frags = [tuple(map(int, f.split(" "))) for f in rest.split(";")]
                assert " ".join(text[s:e] for s, e in frags) == tail
            elif ident[0] == "E":
                parts = head.split(" ")
                refs.update(p.split(":", 1)[1] for p in parts)
            elif ident[0] == "A":
                assert re.match(r"^(.+?) (.+?) (.+?)$", head) or re.match(r"^(.+?) (.+?)$", head)
                refs.add(head.split(" ")[1])
            elif ident[0] == "#":
                refs.add(head.split(" ")[1])
            else:
                raise AssertionError(line)
        assert refs <= ids, (ann, refs - ids)


def test_a_note_on_a_trigger_goes_on_an_entity_brat_accepts_and_comes_back(tmp_path):
    # brat refuses to open a document where a note points at a trigger T line.
    folder = _brat_folder(tmp_path, "T1\tTRIGGER 11 16\tهجوما\nE1\tbattles:T1\n"
                                    "#1\tAnnotatorNotes T1\tهجوم مسلح\n")
    project = Project.init(tmp_path / "p")
    assert import_annotations(project, "brat", [folder], coder="c").written
    export_project(project, "brat", tmp_path / "out", workers=1)
    ann = (tmp_path / "out" / "c" / "d.ann").read_text(encoding="utf-8")
    assert ann == ("T1\tbattles 11 16\tهجوما\nT2\tTRIGGER 11 16\tهجوما\nE1\tbattles:T1\n"
                   "#1\tAnnotatorNotes T2\tهجوم مسلح\n")
    again = Project.init(tmp_path / "q")
    assert import_annotations(again, "brat", [tmp_path / "out" / "c"], coder="c").written
    [aset] = all_sets(again).values()
    assert [(s.label, s.text, s.note) for s in aset.spans] == [("TRIGGER", "هجوما", "هجوم مسلح")]
    assert [(e.type, e.trigger) for e in aset.events] == [("battles", aset.spans[0].id)]
