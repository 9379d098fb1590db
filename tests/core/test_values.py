"""Typed field values: what each field type accepts, with plain-language refusals, and the JSON
Schema of each type agreeing with ``check_value``."""

from __future__ import annotations

import jsonschema
import pytest
from hypothesis import given
from hypothesis import strategies as st

from annotator.core.fields import COUNT_QUALIFIERS, Choice, FieldDef
from annotator.core.values import check_date, check_value, is_empty, value_schema

ENUM = FieldDef("kind", "enum", "Kind", options=(Choice("a", "A"), Choice("b", "B")))
MULTI = FieldDef("kinds", "enum", "Kinds", options=ENUM.options, multiple=True)
COUNT = FieldDef("dead", "count", "Fatalities")
DATE = FieldDef("when", "date", "Date")
TEXT = FieldDef("note", "text", "Note")
BOOL = FieldDef("flag", "boolean", "Flag")
INT = FieldDef("size", "integer", "Size", minimum=0, maximum=10)
FREE_INT = FieldDef("n", "integer", "N")
ALL = (ENUM, MULTI, COUNT, DATE, TEXT, BOOL, INT, FREE_INT)


# -- counts ----------------------------------------------------------------------------------
@pytest.mark.parametrize("qualifier", [q for q, d in COUNT_QUALIFIERS.items() if d["needs_value"]])
def test_count_qualifiers_that_need_a_number(qualifier):
    assert check_value(COUNT, {"value": 4, "qualifier": qualifier}) == ""
    assert check_value(COUNT, {"value": 0, "qualifier": qualifier}) == ""
    assert check_value(COUNT, {"value": None, "qualifier": qualifier}) == \
        f"qualifier {qualifier!r} needs a number"
    assert check_value(COUNT, {"qualifier": qualifier}) == \
        f"qualifier {qualifier!r} needs a number"


@pytest.mark.parametrize("qualifier",
                         [q for q, d in COUNT_QUALIFIERS.items() if not d["needs_value"]])
def test_vague_count_qualifiers_stand_alone(qualifier):
    assert check_value(COUNT, {"qualifier": qualifier}) == ""
    assert check_value(COUNT, {"value": None, "qualifier": qualifier}) == ""


@pytest.mark.parametrize("value, expect", [
    (3, "expected"),
    (None, "expected"),
    ({"value": 3}, "unknown qualifier None"),
    ({"value": 3, "qualifier": "loads"}, "unknown qualifier 'loads'"),
    ({"value": 3, "qualifier": "exact", "extra": 1}, "expected"),
    ({"value": -1, "qualifier": "exact"}, "whole number, 0 or more"),
    ({"value": 2.5, "qualifier": "exact"}, "whole number"),
    ({"value": 2.0, "qualifier": "exact"}, "whole number"),
    ({"value": True, "qualifier": "exact"}, "whole number"),
    ({"value": "3", "qualifier": "exact"}, "whole number"),
    ({"value": 3, "qualifier": ["exact"]}, "unknown qualifier"),
    ({"value": 3, "qualifier": {"a": 1}}, "unknown qualifier"),
])
def test_bad_counts(value, expect):
    assert expect in check_value(COUNT, value)


def test_huge_count_is_a_number():
    assert check_value(COUNT, {"value": 10**40, "qualifier": "more_than"}) == ""


# -- dates -----------------------------------------------------------------------------------
@pytest.mark.parametrize("value, precision", [
    ("2024-03-05", "day"), ("2024-03-05", "week"), ("2024-03", "month"), ("2024-03-05", "month"),
    ("2024", "year"), ("2024-02-29", "day"), ("0001-01-01", "day"),
])
def test_good_dates(value, precision):
    assert check_value(DATE, {"value": value, "precision": precision}) == ""


@pytest.mark.parametrize("value, precision, expect", [
    ("2023-02-30", "day", "'2023-02-30' is not a real date"),
    ("2023-02-29", "week", "is not a real date"),
    ("2024-13", "month", "is not a real date"),
    ("2024-00-10", "day", "is not a real date"),
    ("0000-01-01", "day", "is not a real date"),
    ("2024-03", "day", "precision 'day' needs a full date"),
    ("2024-03", "week", "precision 'week' needs a full date"),
    ("2024", "month", "precision 'month' needs at least year and month"),
    ("5 March 2024", "day", "is not a date like 2024-03-05"),
    ("2024-3-5", "day", "is not a date like"),
    ("24-03-05", "day", "is not a date like"),
    (" 2024-03-05", "day", "is not a date like"),
    ("2024-03-05T10:00", "day", "is not a date like"),
    ("2024-03-05\n", "day", "is not a date like"),
    ("٢٠٢٤-٠٣-٠٥", "day", "is not a date like"),  # Arabic-Indic digits: not what JSON Schema's \d
    ("２０２４-03-05", "day", "is not a date like"),  # matches, so every validator must refuse
    (20240305, "day", "the date must be text"),
])
def test_bad_dates(value, precision, expect):
    assert expect in check_value(DATE, {"value": value, "precision": precision})


@pytest.mark.parametrize("value, expect", [
    ({"value": "2024-03-05"}, "expected"),
    ({"value": "2024-03-05", "precision": "day", "x": 1}, "expected"),
    ({"value": "2024-03-05", "precision": "fortnight"}, "unknown precision 'fortnight'"),
    ({"value": "2024-03-05", "precision": ["day"]}, "unknown precision"),
    ("2024-03-05", "expected"),
])
def test_bad_date_shapes(value, expect):
    assert expect in check_value(DATE, value)


def test_check_date_directly():
    assert check_date("2024-03-05", "day") == ""
    assert check_date(None, "day") == "the date must be text like 2024-03-05"


# -- other types -----------------------------------------------------------------------------
@pytest.mark.parametrize("f, good, bad", [
    (ENUM, ["a", "b"], ["c", "", None, ["a"], 1, {"a": 1}]),
    (MULTI, [[], ["a"], ["a", "b"]], ["a", ["c"], ["a", "a"], [1], None, [["a"]]]),
    (TEXT, ["", "نص", "x" * 10_000], [None, 1, ["x"], True]),
    (BOOL, [True, False], [0, 1, "true", None]),
    (INT, [0, 5, 10], [-1, 11, 5.0, True, "5", None]),
    (FREE_INT, [-(10**30), 0, 10**30], [1.5, False]),
])
def test_simple_types(f, good, bad):
    for v in good:
        assert check_value(f, v) == "", (f.id, v)
    for v in bad:
        assert check_value(f, v) != "", (f.id, v)


def test_messages_are_plain():
    assert check_value(ENUM, "c") == "unknown choice 'c' (choose from a, b)"
    assert check_value(MULTI, ["a", "a"]) == "a choice is listed twice"
    assert check_value(MULTI, "a") == "expected a list of choices"
    assert check_value(INT, 11) == "must be at most 10"
    assert check_value(INT, -1) == "must be at least 0"
    assert check_value(FieldDef("x", "colour", "X"), 1) == "unknown field type 'colour'"


def test_is_empty():
    for v in (None, "", "   ", "\n", []):
        assert is_empty(v)
    for v in (0, False, "x", ["a"], {"qualifier": "none_reported"}):
        assert not is_empty(v)


# -- schema and check_value agree ------------------------------------------------------------
JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False)
    | st.sampled_from(["a", "b", "c", "2024-03-05", "2024-02-30", "2024", "day", "week",
                       "exact", "several", "qualifier", "value", "precision"]),
    lambda inner: st.lists(inner, max_size=3)
    | st.dictionaries(st.sampled_from(["value", "qualifier", "precision", "x"]), inner,
                      max_size=3),
    max_leaves=6,
)


def _strategy_for(f: FieldDef):
    if f.type == "count":
        return st.fixed_dictionaries(
            {"qualifier": st.sampled_from(list(COUNT_QUALIFIERS))},
            optional={"value": st.none() | st.integers(-2, 5)})
    if f.type == "date":
        return st.fixed_dictionaries({
            "value": st.sampled_from(["2024-03-05", "2024-03", "2024", "2023-02-30", "x"]),
            "precision": st.sampled_from(["day", "week", "month", "year"])})
    return JSON_VALUES


@pytest.mark.parametrize("f", ALL, ids=[f.id for f in ALL])
@given(data=st.data())
def test_check_value_never_accepts_what_the_schema_refuses(f, data):
    """The schema cannot see everything (real dates, numbers a qualifier needs); but whatever
    ``check_value`` accepts, the field's schema accepts too."""
    value = data.draw(st.one_of(JSON_VALUES, _strategy_for(f)))
    validator = jsonschema.Draft202012Validator(value_schema(f))
    if check_value(f, value) == "":
        assert validator.is_valid(value), value


def test_generic_value_schema_accepts_every_typed_value():
    generic = jsonschema.Draft202012Validator(value_schema(None))
    samples = ["a", ["a", "b"], {"value": 3, "qualifier": "exact"},
               {"qualifier": "several"}, {"value": "2024-03", "precision": "month"}, True, 7]
    for v in samples:
        assert generic.is_valid(v), v
    for v in (None, 1.5, {"x": 1}, [1], {"value": "2024", "precision": "decade"}):
        assert not generic.is_valid(v), v
