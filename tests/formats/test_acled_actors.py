"""ACLED actor names: the article a coder left out of ل + ال comes back (للميليشيات)."""

from __future__ import annotations

import csv
from pathlib import Path

from test_fixtures_formats import _save, complete_fields, span

from annotator.core.model import Document, Event
from annotator.formats.export import export_project
from annotator.storage.project import Project

TEXT = "شنّت قوات النظام هجوماً بدعمٍ لِلميليشيات الإيرانية ولحزب الله على بلدة السخنة."


def test_actor_names_get_back_the_article_of_lam_lam(tmp_path: Path) -> None:
    project = Project.init(tmp_path / "p")
    doc = Document("d1", TEXT, {"title": "خبر"})
    project.add_documents([doc])
    spans = [span(TEXT, "s1", "هجوماً", "TRIGGER"),
             span(TEXT, "s2", "قوات النظام", "ACTOR"),
             # X left out the first lam (and its kasra) of «لِلميليشيات».
             span(TEXT, "s3", "لميليشيات الإيرانية", "ACTOR"),
             span(TEXT, "s4", "حزب الله", "ACTOR"),  # ل + حزب: nothing to restore
             span(TEXT, "s5", "بلدة السخنة", "LOCATION")]
    event = Event("e1", "battles", "armed_clash", "s1",
                  {"actor1": ["s2"], "actor2": ["s3"], "assoc_actor2": ["s4"],
                   "location": ["s5"]}, complete_fields())
    _save(project, doc, "amira", spans, [event], "done",
          {"relevance": "relevant", "source_scale": "local"})
    export_project(project, "acled-csv", tmp_path / "out", workers=1)
    with open(tmp_path / "out" / "events.csv", encoding="utf-8-sig", newline="") as fh:
        (row,) = list(csv.DictReader(fh))
    assert row["actor1"] == "قوات النظام"
    assert row["actor2"] == "الميليشيات الإيرانية"
    assert row["assoc_actor_2"] == "حزب الله"
    assert row["location"] == "بلدة السخنة"  # only actors are names to restore
    assert "actor2:" + f"{spans[2].start}-{spans[2].end}" in row["evidence"]  # offsets as coded
