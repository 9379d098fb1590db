"""Event table in ACLED's column style: one row per event, with the evidence span offsets.

The first columns carry ACLED's names and conventions (``event_date``, ``time_precision``,
``disorder_type``, ``event_type``, ``sub_event_type``, ``actor1``, ``assoc_actor_1``,
``inter1``, ``interaction``, ``fatalities`` ...); the columns after ``tags`` are ours: the
document, coder and event ids, the raw date and count as coded, the factuality attributes and
``evidence``, the offsets of every span the event uses (``trigger:12-18;actor1:40-55``), in
code points of the document text.

Decisions (also written into the dataset card):

- ``time_precision``: day -> 1, week -> 2 (the coder codes the middle day), month -> 3 with
  ``event_date`` the 15th when only the month is known; a year-only date is left blank (ACLED
  codes nothing vaguer than a month; the raw date stays in ``event_date_coded``).
- ``fatalities`` (ACLED: reported deaths, the most conservative figure): exact, at least,
  more than, at most and approximately N -> N (the figure the report gives: "more than 8" is
  coded 8, as no source said 9); several / a number of -> 3; dozens -> 12; hundreds -> 100;
  unspecified ("losses in lives", at least one) -> 1; none reported -> 0; not coded -> blank.
  ``fatalities_qualifier`` and ``fatalities_reported`` keep what was coded, to recode at will.
- ``inter1``/``inter2`` are actor type names (ACLED's 2024 text form), ``interaction`` joins
  the two, lower code first ("State forces-Rebel group"), or "<type> only".
- Formula injection: a cell gets a leading ``'`` (so that no spreadsheet runs it as a formula)
  when it starts with ``=``, ``+``, ``-``, ``@``, tab or CR (OWASP's list), and also when
  that sign comes only after what a spreadsheet skips or shows as nothing (blanks: space,
  no-break space, tab, line breaks; invisible format characters: bidi marks such as RLM and
  ALM, embeddings and isolates, BOM, zero-width space), or in another form that reads as the
  sign (full-width ``＝ ＋ － ＠``, small ``﹦ ﹢ ﹣ ﹫``, super- and subscript: the NFKC form
  decides). Nothing else is touched, so Arabic text, which often starts with an RLM, stays as
  written. The file is UTF-8 with a BOM (so Excel reads Arabic) and CRLF line ends (RFC 4180);
  read it with ``encoding="utf-8-sig"``.
"""

from __future__ import annotations

import csv
import io
import re
import unicodedata
from collections.abc import Sequence
from typing import Any, ClassVar

from annotator.core.codebook import Codebook
from annotator.core.model import AnnotationSet, Document, Event
from annotator.core.selection import article_left_out
from annotator.formats.registry import Exporter, FileWriter, OutputSink, append_text, pack_text

ACLED_COLUMNS = (
    "event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type",
    "sub_event_type", "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2",
    "interaction", "civilian_targeting", "location", "geo_precision", "source", "source_scale",
    "notes", "fatalities", "tags",
)
OUR_COLUMNS = (
    "document_id", "coder", "event_id", "status", "event_date_coded", "date_precision",
    "fatalities_qualifier", "fatalities_reported", "injuries", "temporal_status", "factuality",
    "polarity", "aggregate", "actor1_certainty", "attribution", "plover", "plover_mode",
    "trigger_text", "evidence",
)
COLUMNS = ACLED_COLUMNS + OUR_COLUMNS

TIME_PRECISION = {"day": 1, "week": 2, "month": 3}
# ACLED's fatality figures for vague counts; None: the coded number itself.
FATALITIES: dict[str, int | None] = {
    "exact": None, "at_least": None, "more_than": None, "at_most": None,
    "approximately": None, "several": 3, "dozens": 12, "hundreds": 100, "unspecified": 1,
    "none_reported": 0,
}
# Disorder type from event type (and the sub-types that are both).
DISORDER = {
    "battles": "Political violence",
    "explosions_remote_violence": "Political violence",
    "violence_against_civilians": "Political violence",
    "protests": "Demonstrations",
    "riots": "Demonstrations",
    "strategic_developments": "Strategic developments",
}
DISORDER_SUBTYPE = {
    "excessive_force_against_protesters": "Political violence; Demonstrations",
    "mob_violence": "Political violence; Demonstrations",
}
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_SIGNS = frozenset("=+-@")
_LEADING_CODE = re.compile(r"^\s*(\d+)\s+")


def neutralise(cell: str) -> str:
    """A cell no spreadsheet evaluates: one that starts like a formula (see the module doc)
    gets a ``'`` before it; any other is left as it is."""
    if cell[:1].isalnum() or not cell:
        return cell  # a letter or digit first (Arabic too): the common case, decided in C
    if cell.startswith(FORMULA_START):
        return "'" + cell
    for ch in cell:
        if ch.isspace() or unicodedata.category(ch) == "Cf":
            continue  # skipped, or shown as nothing: look at what follows
        sign = ch if ch < "\x80" else unicodedata.normalize("NFKC", ch)[:1]
        return "'" + cell if sign in _SIGNS else cell
    return cell


def acled_fatalities(count: Any) -> int | None:
    """ACLED's fatality figure for a coded count (see the module doc); None when not coded."""
    if not isinstance(count, dict) or count.get("qualifier") not in FATALITIES:
        return None
    fixed = FATALITIES[count["qualifier"]]
    if fixed is not None:
        return fixed
    value = count.get("value")
    return value if isinstance(value, int) and not isinstance(value, bool) else None


def acled_date(date: Any) -> tuple[str, str]:
    """(event_date, time_precision) for a coded date value."""
    if not isinstance(date, dict):
        return "", ""
    value, precision = str(date.get("value") or ""), date.get("precision")
    if precision not in TIME_PRECISION:
        return "", ""
    if len(value) == 7:  # YYYY-MM with month precision: the middle of the month
        value += "-15"
    return value, str(TIME_PRECISION[precision])


class AcledCsvExporter(Exporter):
    offset_unit = "codepoint"
    notes: ClassVar[tuple[str, ...]] = (
        "time_precision: day 1, week 2, month 3 (event_date the 15th if only the month is "
        "known); year-only dates are left blank.",
        "fatalities: exact/at least/more than/at most/approximately N -> N; several 3; "
        "dozens 12; hundreds 100; unspecified (at least one) 1; none reported 0.",
        "Cells that start like a formula (= + - @, tab or CR; also after blanks or bidi marks, "
        "or as full-width ＝ ＋ － ＠) are prefixed with ' (no formulas run).",
        "UTF-8 with BOM, CRLF line ends; offsets in 'evidence' are code points.",
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._names = _Names(self.codebook)

    def render(self, document: Document, sets: Sequence[AnnotationSet],
               files: FileWriter) -> str:
        buf = io.StringIO()
        out = csv.writer(buf, lineterminator="\r\n")
        for aset in sets:
            spans = {s.id: s for s in aset.spans}
            for event in aset.events:
                row = self._row(document, aset, event, spans)
                out.writerow([neutralise(str(v)) if v is not None else "" for v in row])
        return buf.getvalue()

    def open(self, sink: OutputSink) -> None:
        self._out = sink.stream(f"{self.prefix}events.csv")
        buf = io.StringIO()
        csv.writer(buf, lineterminator="\r\n").writerow(COLUMNS)
        self._out.write("\ufeff" + buf.getvalue())

    pack = staticmethod(pack_text)

    def write(self, payload: str | bytes) -> None:
        append_text(self._out, payload)

    def _row(self, document: Document, aset: AnnotationSet, event: Event,
             spans: dict[str, Any]) -> list[Any]:
        f = event.fields
        names = self._names
        where = f"{document.id}/{aset.coder}/{event.id}"

        def texts(role: str) -> str:
            return "; ".join(spans[s].text for s in event.roles.get(role, []) if s in spans)

        def actors(role: str) -> str:
            # A coder leaves the ل of «للميليشيات» out of the span: the name is «الميليشيات».
            return "; ".join(("ا" if article_left_out(document.text, spans[s].start) else "")
                             + spans[s].text for s in event.roles.get(role, []) if s in spans)

        date, precision = acled_date(f.get("event_date"))
        if isinstance(f.get("event_date"), dict) and not precision:
            self.losses.add("event date vaguer than a month (left blank, as ACLED does)", where)
        fatalities = acled_fatalities(f.get("fatalities"))
        if fatalities is None:
            self.losses.add("event without a fatality count (left blank)", where)
        type1, type2 = f.get("actor1_type"), f.get("actor2_type")
        inter1, inter2 = names.option("actor1_type", type1), names.option("actor2_type", type2)
        if inter1 and inter2:
            pair = sorted([(names.code("actor1_type", type1), inter1),
                           (names.code("actor2_type", type2), inter2)])
            interaction = f"{pair[0][1]}-{pair[1][1]}"
        else:
            interaction = f"{inter1 or inter2} only" if (inter1 or inter2) else ""
        count: dict[str, Any] = f["fatalities"] if isinstance(f.get("fatalities"), dict) else {}
        injuries: dict[str, Any] = f["injuries"] if isinstance(f.get("injuries"), dict) else {}
        trig = spans.get(event.trigger) if event.trigger else None
        evidence = []
        if trig is not None:
            evidence.append(f"trigger:{trig.start}-{trig.end}")
        for role, fillers in event.roles.items():
            evidence += [f"{role}:{spans[s].start}-{spans[s].end}" for s in fillers if s in spans]
        tags = []
        if f.get("crowd_size") not in (None, ""):
            tags.append(f"crowd size={names.value(event.type, 'crowd_size', f['crowd_size'])}")
        date_value: dict[str, Any] = (f["event_date"] if isinstance(f.get("event_date"), dict)
                                      else {})
        return [
            f"{document.id}:{aset.coder}:{event.id}", date, date[:4], precision,
            DISORDER_SUBTYPE.get(event.subtype or "") or DISORDER.get(event.type, ""),
            names.type(event.type), names.subtype(event.type, event.subtype),
            actors("actor1"), actors("assoc_actor1"), inter1, actors("actor2"),
            actors("assoc_actor2"), inter2, interaction,
            "Civilian targeting" if f.get("civilian_targeting") is True else "",
            texts("location"), names.value(event.type, "geo_precision", f.get("geo_precision")),
            _source(document), names.document_value("source_scale",
                                                    aset.fields.get("source_scale")),
            f.get("notes", ""), fatalities, "; ".join(tags),
            document.id, aset.coder, event.id, aset.status, date_value.get("value", ""),
            date_value.get("precision", ""), count.get("qualifier", ""), count.get("value"),
            _display(None, injuries) if injuries else "",
            *(names.value(event.type, k, f.get(k)) for k in (
                "temporal_status", "factuality", "polarity", "aggregate", "actor1_certainty",
                "attribution", "plover", "plover_mode")),
            trig.text if trig is not None else "", ";".join(evidence),
        ]


def _source(document: Document) -> str:
    for key in ("source", "publisher", "url"):
        value = document.meta.get(key)
        if isinstance(value, str) and value:
            return value
    return ""


class _Names:
    """Display names of codebook ids, as ACLED users read them (cached lookups)."""

    def __init__(self, codebook: Codebook) -> None:
        self.cb = codebook

    def type(self, type_id: str) -> str:
        et = self.cb.event_type(type_id)
        return et.name if et else type_id

    def subtype(self, type_id: str, subtype_id: str | None) -> str:
        et = self.cb.event_type(type_id)
        st = et.subtype(subtype_id) if et and subtype_id else None
        return st.name if st else (subtype_id or "")

    def option(self, field_id: str, value: Any) -> str:
        """An actor-type choice's name without its leading code ("1 State forces")."""
        if not isinstance(value, str):
            return ""
        for f in self.cb.event_fields:
            if f.id == field_id:
                for o in f.options:
                    if o.id == value:
                        return _LEADING_CODE.sub("", o.name)
        return value

    def code(self, field_id: str, value: Any) -> int:
        for f in self.cb.event_fields:
            if f.id == field_id:
                for i, o in enumerate(f.options, 1):
                    if o.id == value:
                        m = _LEADING_CODE.match(o.name)
                        return int(m.group(1)) if m else i
        return 99

    def value(self, type_id: str, field_id: str, value: Any) -> str:
        if value is None:
            return ""
        fd = self.cb.field_for(type_id, field_id)
        return _display(fd, value)

    def document_value(self, field_id: str, value: Any) -> str:
        if value is None:
            return ""
        return _display(self.cb.document_field(field_id), value)


def _display(fd: Any, value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if fd is not None and fd.type == "enum":
        names = {o.id: o.name for o in fd.options}
        if isinstance(value, list):
            return "; ".join(str(names.get(v, v)) for v in value)
        if fd.id == "geo_precision":
            return str(value)  # ACLED writes the code
        return names.get(value, str(value))
    if isinstance(value, dict):
        if "qualifier" in value:
            return f"{value['qualifier']}:{value.get('value')}" if value.get("value") is not None \
                else str(value["qualifier"])
        return str(value.get("value", ""))
    return str(value)
