"""The one name a coder sees for each codebook thing, and document text quoted in messages.

A label is called by its codebook name without the gloss in parentheses ("Actor", not "ACTOR"
nor "Actor (force, group, organisation)") in the toolbar, the span table, the status bar, the
menus, the chips, the messages and the undo texts alike; a role likewise ("Actor 1"). Every
layer that names one asks here, so the names cannot drift apart again.
"""

from __future__ import annotations

from typing import Any

from annotator import i18n
from annotator.core.codebook import Codebook
from annotator.core.fields import COUNT_QUALIFIERS, FieldDef
from annotator.core.model import AnnotationSet

TRIGGER = "Trigger"  # what an event's trigger slot is called beside its roles


def short_name(name: str) -> str:
    """``"Actor (force, group, organisation)"`` -> ``"Actor"``: the name without its gloss."""
    head = name.split(" (", 1)[0].strip()
    return head or name


def display_name(item: Any, *, bilingual: bool = False) -> str:
    """A codebook item's one name (label, role, event type, sub-type, field, choice).

    In an Arabic interface its Arabic name (its English one when the codebook gives none). In
    English its name without the gloss ("Actor"); ``bilingual``, where a list or a form has
    room for both, the whole English name and the Arabic one ("Actor (force, group,
    organisation) · جهة فاعلة"), so a coder learns the Arabic names while choosing."""
    name = str(getattr(item, "name", ""))
    name_ar = str(getattr(item, "name_ar", "") or "")
    english = name if bilingual else short_name(name)
    if i18n.language() == "ar":
        return name_ar or english
    return f"{name} · {name_ar}" if bilingual and name_ar else english


def label_heading(label: Any) -> str:
    """A span label as a tooltip heads it: its one name, and in English its Arabic name beside
    it ("Actor · جهة فاعلة"; the gloss stays out, as in the toolbar)."""
    name = display_name(label)
    name_ar = getattr(label, "name_ar", "") or ""
    return f"{name} · {name_ar}" if name_ar and i18n.language() != "ar" else name


def whole_name(item: Any) -> str:
    """A name where its parentheses are part of it (a choice: "Negative (did not happen)",
    an event type): the whole English name, or the Arabic one in Arabic."""
    name_ar = getattr(item, "name_ar", "") or ""
    return str(name_ar) if name_ar and i18n.language() == "ar" else str(item.name)


def status_name(status: str) -> str:
    """A document status as the coder reads it ("in progress"), in the interface's language."""
    names = {
        "not_started": i18n.tr("documents", "not started"),
        "in_progress": i18n.tr("documents", "in progress"),
        "done": i18n.tr("documents", "done"),
        "skipped": i18n.tr("documents", "skipped"),
        "unreadable": i18n.tr("documents", "unreadable"),
    }
    return names.get(status) or status.replace("_", " ")


def label_name(cb: Codebook, label_id: str) -> str:
    """The label's name (its id when the codebook does not know it)."""
    lab = cb.label(label_id)
    return display_name(lab) if lab is not None else label_id


def role_name(cb: Codebook, role_id: str) -> str:
    """The role's name; ``"trigger"`` (as ``uses_of_span`` says) is the trigger slot."""
    if role_id == "trigger":
        return i18n.tr("names", "Trigger")
    rd = cb.role(role_id)
    return display_name(rd) if rd is not None else role_id


def event_title(cb: Codebook, type_id: str, subtype_id: str | None) -> str:
    """``"Battles / Armed clash"`` (ids where the codebook does not know them)."""
    et = cb.event_type(type_id)
    if et is None:
        return type_id
    st = et.subtype(subtype_id)
    name = whole_name(et)
    if st is not None:
        return f"{name} / {whole_name(st)}"
    return f"{name} / {subtype_id}" if subtype_id else name


def short(text: str, limit: int = 60) -> str:
    """One line of at most ``limit`` characters."""
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def quote(text: str, limit: int = 60) -> str:
    """Document text inside an English message: «…» around a first-strong isolate, so an
    Arabic quote keeps its own direction and does not reorder the words around it."""
    return f"«\u2068{short(text, limit)}\u2069»"


def value_text(fd: FieldDef | None, value: Any) -> str:
    """A field value in a few words: choices by name, counts with their qualifier, dates and
    numbers as written, text quoted."""
    if isinstance(value, bool):
        return i18n.tr("names", "yes") if value else i18n.tr("names", "no")
    if fd is not None and fd.type == "enum":
        options = {o.id: o for o in fd.options}
        chosen = value if isinstance(value, list) else [value]
        return i18n.tr("list", ", ").join(
            whole_name(options[v]) if v in options else str(v) for v in chosen)
    if isinstance(value, dict):
        if "qualifier" in value:
            q = qualifier_name(value["qualifier"])
            return f"{q} {value['value']}" if value.get("value") is not None else q
        return str(value.get("value", ""))
    if isinstance(value, str):
        return quote(value, 30)
    return str(value)


def precision_name(precision: str) -> str:
    """A date's precision ("day", "month") in the interface's language."""
    words = {"day": i18n.tr("names", "day"), "week": i18n.tr("names", "week"),
             "month": i18n.tr("names", "month"), "year": i18n.tr("names", "year")}
    return words.get(precision, precision)


def qualifier_name(qualifier: str) -> str:
    """A count's qualifier ("at least", "dozens") in the interface's language."""
    words = COUNT_QUALIFIERS.get(qualifier, {})
    return str(words.get(i18n.language(), words.get("en", qualifier)))


# -- what undo texts say of a set's items ------------------------------------------------------
def span_words(aset: AnnotationSet, span_id: str | None) -> str:
    """A span as undo texts name it: its text, quoted (its id if it is gone)."""
    span = aset.span(span_id) if span_id else None
    return quote(span.text) if span is not None else str(span_id or "")


def event_words(cb: Codebook, aset: AnnotationSet, type_id: str, trigger: str | None) -> str:
    """An event as undo texts name it: its trigger's text, else its type."""
    if trigger and aset.span(trigger) is not None:
        return span_words(aset, trigger)
    return f"({event_title(cb, type_id, None)})"


def field_words(fd: FieldDef | None, field_id: str, value: Any, event_id: str = "") -> str:
    """``"e1 Event date 2021-01-20"``, ``"clear e1 Event date"``, ``"Relevance Relevant"``."""
    name = display_name(fd) if fd is not None else field_id
    if event_id:
        text = i18n.tr("edits", "clear {event} {field}") if value is None else \
            i18n.tr("edits", "{event} {field} {value}")
    else:
        text = i18n.tr("edits", "clear {field}") if value is None else \
            i18n.tr("edits", "{field} {value}")
    return text.format(event=event_id, field=name,
                       value="" if value is None else value_text(fd, value))
