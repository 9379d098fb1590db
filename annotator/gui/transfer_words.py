"""What the export, import and agreement dialogs call things, in the interface's language:
the formats (the registry describes them in English, for the command line), the kinds of
disagreement, the statuses, and a run's progress and last word."""

from __future__ import annotations

from annotator.core.disagreements import (
    BOUNDARY,
    DOCUMENT_FIELD,
    EVENT_FIELD,
    EVENT_MISSING,
    EVENT_TYPE,
    LABEL,
    SPAN_MISSING,
)
from annotator.formats.registry import FormatInfo
from annotator.i18n import tr


def any_choice() -> str:
    """The entry of a filter that keeps everything."""
    return tr("transfer", "(any)")


def format_entry(info: FormatInfo) -> str:
    """``"jsonl — Native JSON Lines, lossless: ..."``, described in the interface's language
    (the registry's English for a format this table does not know)."""
    described = {
        "jsonl": tr("transfer", "Native JSON Lines, lossless: one annotation set (document "
                                "text, meta, spans, events, fields, coder, status, codebook) per "
                                "line; schemas/export-jsonl.schema.json"),
        "acled-csv": tr("transfer", "Event table in ACLED's column style, one row per event, "
                                    "with the evidence span offsets"),
        "conll": tr("transfer", "CoNLL BIO span tagging: token, start, end, then one tag "
                                "column per nesting level"),
        "brat": tr("transfer", "brat standoff: one .txt and .ann per document (T, E, A and # "
                               "lines) and the collection's annotation.conf"),
        "doccano": tr("transfer", "doccano JSONL for sequence labelling (text, label: [[start, "
                                  "end, label]]), offsets in UTF-16 code units"),
        "doccano-rel": tr("transfer", "doccano JSONL for relation extraction (entities, "
                                      "relations; events as trigger-to-argument relations), "
                                      "offsets in UTF-16 code units"),
        "labelstudio": tr("transfer", "Label Studio JSON tasks (labels regions; events as "
                                      "relations), offsets in code points"),
    }
    return f"{info.name} — {described.get(info.name, info.description)}"


def kind_title(kind: str) -> str:
    """A kind of disagreement as a column title ("Span missing")."""
    titles = {
        SPAN_MISSING: tr("transfer", "Span missing"),
        BOUNDARY: tr("transfer", "Boundary"),
        LABEL: tr("transfer", "Label"),
        EVENT_MISSING: tr("transfer", "Event missing"),
        EVENT_TYPE: tr("transfer", "Event type"),
        EVENT_FIELD: tr("transfer", "Event field"),
        DOCUMENT_FIELD: tr("transfer", "Document field"),
    }
    return titles.get(kind, kind.capitalize())


def progress_texts(unit: str) -> tuple[str, str]:
    """The bar while a run counts ``unit`` ("documents" or "records"): before the total is
    known, then ``QProgressBar``'s format once it is (``%v`` and ``%m``: done and total)."""
    if unit == "records":
        return (tr("transfer", "checking: records read: {done}"),
                tr("transfer", "%v of %m records"))
    return (tr("transfer", "checking: documents read: {done}"),
            tr("transfer", "%v of %m documents"))


def outcome_text(outcome: str) -> str:
    """A run's last word on the bar ("done", "nothing exported", ...)."""
    words = {
        "done": tr("transfer", "done"),
        "cancelled": tr("transfer", "cancelled"),
        "stopped": tr("transfer", "stopped"),
        "failed": tr("transfer", "failed"),
        "checked, nothing written": tr("transfer", "checked, nothing written"),
        "nothing written": tr("transfer", "nothing written"),
        "nothing exported": tr("transfer", "nothing exported"),
        "nothing imported": tr("transfer", "nothing imported"),
    }
    return words.get(outcome, outcome)
