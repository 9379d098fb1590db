"""Typed field values: what each codebook field type accepts, as data and as JSON Schema.

Stored shapes: enum -> choice id (or a list of ids when ``multiple``); count -> ``{"value": int
or null, "qualifier": ...}``; date -> ``{"value": "YYYY[-MM[-DD]]", "precision": ...}``; text ->
string; boolean -> bool; integer -> int.
"""

from __future__ import annotations

import re
import reprlib
from datetime import date
from typing import Any

from annotator.core.fields import COUNT_QUALIFIERS, DATE_PRECISIONS, FieldDef

# ASCII digits only: Python's \d also matches Arabic-Indic digits, which ECMA-262 (JSON Schema's
# regex dialect) does not. ``fullmatch``, because Python's $ also matches before a final newline.
_DATE = re.compile(r"^([0-9]{4})(?:-([0-9]{2})(?:-([0-9]{2}))?)?$")
DATE_PATTERN = _DATE.pattern

# Values come from files and command lines: quote them short and never recurse into deep nesting.
_quote = reprlib.Repr()
_quote.maxlevel, _quote.maxstring, _quote.maxother = 3, 80, 80
show = _quote.repr


def value_schema(f: FieldDef | None) -> dict[str, Any]:
    """JSON Schema of one field's value; ``None`` gives the union of every type (generic schema)."""
    count = {
        "type": "object", "required": ["qualifier"], "additionalProperties": False,
        "properties": {"value": {"type": ["integer", "null"], "minimum": 0},
                       "qualifier": {"enum": list(COUNT_QUALIFIERS)}},
    }
    dt = {
        "type": "object", "required": ["value", "precision"], "additionalProperties": False,
        "properties": {"value": {"type": "string", "pattern": DATE_PATTERN,
                                 # Python validators let $ match before a final newline.
                                 "not": {"pattern": "[^0-9-]"}},
                       "precision": {"enum": list(DATE_PRECISIONS)}},
    }
    if f is None:
        return {"anyOf": [{"type": ["string", "boolean", "integer"]},
                          {"type": "array", "items": {"type": "string"}}, count, dt]}
    if f.type == "enum":
        one = {"enum": f.option_ids()}
        return {"type": "array", "items": one, "uniqueItems": True} if f.multiple else one
    if f.type == "count":
        return count
    if f.type == "date":
        return dt
    if f.type == "text":
        return {"type": "string"}
    if f.type == "boolean":
        return {"type": "boolean"}
    schema: dict[str, Any] = {"type": "integer"}
    if f.minimum is not None:
        schema["minimum"] = f.minimum
    if f.maximum is not None:
        schema["maximum"] = f.maximum
    return schema


def check_value(f: FieldDef, value: Any) -> str:
    """'' when ``value`` suits field ``f``, else what is wrong, in plain language."""
    t = f.type
    if t == "enum":
        ids = f.option_ids()
        if f.multiple:
            if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
                return "expected a list of choices"
            bad = [v for v in value if v not in ids]
            if bad:
                return f"unknown choice {show(bad[0])} (choose from {', '.join(ids)})"
            if len(set(value)) != len(value):
                return "a choice is listed twice"
            return ""
        if not isinstance(value, str) or value not in ids:
            return f"unknown choice {show(value)} (choose from {', '.join(ids)})"
        return ""
    if t == "count":
        if not isinstance(value, dict) or set(value) - {"value", "qualifier"}:
            return 'expected {"value": number or null, "qualifier": ...}'
        q = value.get("qualifier")
        if not isinstance(q, str) or q not in COUNT_QUALIFIERS:
            return f"unknown qualifier {show(q)}"
        v = value.get("value")
        if v is not None and (not _is_int(v) or v < 0):
            return "the number must be a whole number, 0 or more"
        if COUNT_QUALIFIERS[q]["needs_value"] and v is None:
            return f"qualifier {q!r} needs a number"
        return ""
    if t == "date":
        if not isinstance(value, dict) or set(value) != {"value", "precision"}:
            return 'expected {"value": "YYYY-MM-DD", "precision": ...}'
        if value["precision"] not in DATE_PRECISIONS:
            return f"unknown precision {show(value['precision'])}"
        return check_date(value["value"], value["precision"])
    if t == "text":
        return "" if isinstance(value, str) else "expected text"
    if t == "boolean":
        return "" if isinstance(value, bool) else "expected true or false"
    if t == "integer":
        if not _is_int(value):
            return "expected a whole number"
        if f.minimum is not None and value < f.minimum:
            return f"must be at least {f.minimum}"
        if f.maximum is not None and value > f.maximum:
            return f"must be at most {f.maximum}"
        return ""
    return f"unknown field type {t!r}"


def check_date(text: Any, precision: str) -> str:
    if not isinstance(text, str):
        return "the date must be text like 2024-03-05"
    m = _DATE.fullmatch(text)
    if not m:
        return f"{show(text)} is not a date like 2024-03-05 (or 2024-03 for a month)"
    y, mo, d = m.group(1), m.group(2), m.group(3)
    try:
        date(int(y), int(mo or 1), int(d or 1))
    except ValueError:
        return f"{show(text)} is not a real date"
    need = {"day": 3, "week": 3, "month": 2, "year": 1}[precision]
    have = 1 + (mo is not None) + (d is not None)
    if have < need:
        return f"precision {precision!r} needs a full date" if need == 3 else \
            f"precision {precision!r} needs at least year and month"
    return ""


def _is_int(v: Any) -> bool:
    return isinstance(v, int) and not isinstance(v, bool)


def is_empty(value: Any) -> bool:
    """A value that does not satisfy a requirement (unset, blank text, empty list)."""
    return value is None or value == "" or value == [] or (
        isinstance(value, str) and not value.strip())
