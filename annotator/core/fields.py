"""Typed fields of a codebook: their definition and the fixed vocabularies of counts and dates.

Below both the codebook (which declares fields) and the value checks (which judge a value
against a field), so neither needs the other to exist first.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

DATE_PRECISIONS = ("day", "week", "month", "year")
# Qualifiers of a count, after ACLED's fatality rules ("several" = 3, "dozens" = 12, ...).
COUNT_QUALIFIERS = {
    "exact": {"needs_value": True, "en": "exactly", "ar": "بالضبط"},
    "at_least": {"needs_value": True, "en": "at least", "ar": "على الأقل"},
    "more_than": {"needs_value": True, "en": "more than", "ar": "أكثر من"},
    "at_most": {"needs_value": True, "en": "at most", "ar": "على الأكثر"},
    "approximately": {"needs_value": True, "en": "about", "ar": "حوالي"},
    "several": {"needs_value": False, "en": "several / a number of", "ar": "عدد من"},
    "dozens": {"needs_value": False, "en": "dozens", "ar": "عشرات"},
    "hundreds": {"needs_value": False, "en": "hundreds", "ar": "مئات"},
    "unspecified": {"needs_value": False, "en": "unspecified, at least one", "ar": "غير محدد"},
    "none_reported": {"needs_value": False, "en": "none reported", "ar": "لم يذكر"},
}


@dataclass(frozen=True)
class Choice:
    id: str
    name: str
    name_ar: str = ""
    help: str = ""


@dataclass(frozen=True)
class FieldDef:
    id: str
    type: str
    name: str
    name_ar: str = ""
    help: str = ""
    required: bool = False
    options: tuple[Choice, ...] = ()
    multiple: bool = False
    minimum: int | None = None
    maximum: int | None = None
    default: Any = None

    def option_ids(self) -> list[str]:
        return [o.id for o in self.options]
