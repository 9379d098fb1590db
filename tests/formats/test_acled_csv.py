"""The ACLED-style event table: ACLED's rules for dates, fatalities and interactions, and cells
that no spreadsheet can run as formulas."""

from __future__ import annotations

import csv
import io

import pytest
from hypothesis import given
from hypothesis import strategies as st
from test_fixtures_formats import ARABIC_DOCS, build, find

from annotator.formats.acled_csv import (
    ACLED_COLUMNS,
    COLUMNS,
    FORMULA_START,
    acled_date,
    acled_fatalities,
    neutralise,
)
from annotator.formats.export import export_project


@pytest.fixture(scope="module")
def rows(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("acled")
    project = build("arabic", tmp / "p")
    report = export_project(project, "acled-csv", tmp / "out", workers=1)
    raw = (tmp / "out" / "events.csv").read_bytes()
    with open(tmp / "out" / "events.csv", encoding="utf-8-sig", newline="") as fh:
        table = list(csv.DictReader(fh))
    return raw, {(r["document_id"], r["coder"], r["event_id"]): r for r in table}, report


@pytest.mark.parametrize(("count", "figure"), [
    ({"value": 7, "qualifier": "exact"}, 7),
    ({"value": 7, "qualifier": "at_least"}, 7),
    ({"value": 8, "qualifier": "more_than"}, 8),
    ({"value": 5, "qualifier": "at_most"}, 5),
    ({"value": 40, "qualifier": "approximately"}, 40),
    ({"value": None, "qualifier": "several"}, 3),
    ({"value": None, "qualifier": "dozens"}, 12),
    ({"value": None, "qualifier": "hundreds"}, 100),
    ({"value": None, "qualifier": "unspecified"}, 1),
    ({"value": None, "qualifier": "none_reported"}, 0),
    (None, None), ({"qualifier": "bogus"}, None),
])
def test_fatalities_follow_acleds_rules(count, figure):
    assert acled_fatalities(count) == figure


def test_every_count_qualifier_of_the_codebook_has_a_rule():
    from annotator.core.fields import COUNT_QUALIFIERS
    from annotator.formats.acled_csv import FATALITIES

    assert set(FATALITIES) == set(COUNT_QUALIFIERS)


@pytest.mark.parametrize(("date", "expected"), [
    ({"value": "2021-01-20", "precision": "day"}, ("2021-01-20", "1")),
    ({"value": "2021-01-20", "precision": "week"}, ("2021-01-20", "2")),
    ({"value": "2021-01", "precision": "month"}, ("2021-01-15", "3")),
    ({"value": "2021-01-03", "precision": "month"}, ("2021-01-03", "3")),
    ({"value": "2021", "precision": "year"}, ("", "")),
    (None, ("", "")),
])
def test_time_precision(date, expected):
    assert acled_date(date) == expected


@given(st.text(max_size=30))
def test_no_cell_starts_like_a_formula(cell):
    out = neutralise(cell)
    assert not out.startswith(FORMULA_START)
    assert out == cell or out == "'" + cell


@pytest.mark.parametrize("cell", [
    " =1+1", "\u00a0=1+1", "\u200f=HYPERLINK(\"x\")", "\u061c+1", "\u202b-1", "\u2066@SUM(A1)",
    "\n=1+1", "\r\n=1", " \t=1", "\ufeff=1", "\u200b=1", "＝1+1", "＋1", "－1", "＠SUM(A1)",
    "\u200f ＝1", "﹦1", "﹢1",
])
def test_a_formula_behind_blanks_marks_or_in_full_width_is_neutralised(cell):
    # A spreadsheet skips leading blanks and bidi marks, and reads the full-width and small
    # forms of = + - @ as the signs themselves.
    assert neutralise(cell) == "'" + cell


@pytest.mark.parametrize("cell", [
    "هاجم مسلحو داعش", "\u200fهاجم", " هاجم", "\u200f(٣) قتلى", "٣ قتلى", "2021-01-20",
    "اتصال = نعم", "a=b", "",
])
def test_text_is_left_as_it_is(cell):
    assert neutralise(cell) == cell


@given(st.text(max_size=30))
def test_no_cell_starts_like_a_formula_behind_what_a_spreadsheet_skips(cell):
    import unicodedata

    out = neutralise(cell)
    if out == cell:
        visible = cell.lstrip("".join(c for c in set(cell)
                                      if c.isspace() or unicodedata.category(c) == "Cf"))
        assert not unicodedata.normalize("NFKC", visible[:1]).startswith(("=", "+", "-", "@"))


def test_the_table_has_acleds_columns_first_and_a_row_per_event(rows):
    raw, table, report = rows
    assert raw.startswith(b"\xef\xbb\xbf")  # BOM: Excel reads the Arabic as UTF-8
    header = raw[3:].split(b"\r\n", 1)[0].decode()
    assert header.split(",") == list(COLUMNS)
    assert COLUMNS[:len(ACLED_COLUMNS)] == ACLED_COLUMNS
    assert len(table) == report.events == 6


def test_a_battle_row(rows):
    _, table, _ = rows
    r = table[("emoji", "amira", "e1")]
    assert (r["event_date"], r["year"], r["time_precision"]) == ("2021-01-20", "2021", "2")
    assert (r["disorder_type"], r["event_type"], r["sub_event_type"]) == (
        "Political violence", "Battles", "Armed clash")
    assert (r["actor1"], r["actor2"]) == ("مسلحو داعشٍ", "للجيش")
    assert (r["inter1"], r["inter2"]) == ("Political militia", "State forces")
    assert r["interaction"] == "State forces-Political militia"  # lower ACLED code first
    assert r["location"] == "🇸🇾 الجلاء; الجلاء"
    assert (r["fatalities"], r["fatalities_qualifier"], r["fatalities_reported"]) == (
        "3", "more_than", "3")
    assert r["source"] == "'-local page"  # neutralised: it starts with '-'
    assert r["notes"].startswith("'=HYPERLINK") and "\n" in r["notes"]
    assert r["source_scale"] == "Local" and r["geo_precision"] == "2"
    assert r["evidence"].startswith("trigger:0-5;actor1:")
    assert r["trigger_text"] == "هاجمَ"


def test_civilians_unspecified_deaths_and_vague_dates(rows):
    _, table, report = rows
    r = table[("emoji", "amira", "e2")]
    assert r["civilian_targeting"] == "Civilian targeting"
    assert r["interaction"] == "Political militia-Civilians"
    assert r["fatalities"] == "1"  # "unspecified, at least one"
    assert (r["event_date"], r["time_precision"]) == ("2021-01-15", "3")
    r = table[("crlf", "amira", "e1")]
    assert (r["event_date"], r["time_precision"], r["event_date_coded"]) == ("", "", "2021")
    assert r["fatalities"] == "0"
    r = table[("crlf", "amira", "e2")]  # in progress: no date, no count, no actors
    start, end = find(ARABIC_DOCS["crlf"], "تدمر")
    assert r["fatalities"] == "" and r["interaction"] == ""
    assert r["evidence"] == f"location:{start}-{end}"
    lost = {item["what"] for item in report.not_expressed}
    assert any("vaguer than a month" in w for w in lost)
    assert any("without a fatality count" in w for w in lost)


def test_quoting_survives_a_strict_csv_reader(rows):
    raw, _table, _ = rows
    reread = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"), newline=""), strict=True))
    assert all(len(r) == len(COLUMNS) for r in reread)
