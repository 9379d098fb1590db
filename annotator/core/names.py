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


def display_name(item: Any) -> str:
    """A codebook item's one name: in an Arabic interface its Arabic name (when the codebook
    gives one), else its English name without the gloss."""
    name_ar = getattr(item, "name_ar", "") or ""
    if name_ar and i18n.language() == "ar":
        return str(name_ar)
    return short_name(str(item.name))


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
    name = display_name(et) if i18n.language() == "ar" else et.name
    if st is not None:
        return f"{name} / {display_name(st) if i18n.language() == 'ar' else st.name}"
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
        return "yes" if value else "no"
    if fd is not None and fd.type == "enum":
        names = {o.id: o.name for o in fd.options}
        chosen = value if isinstance(value, list) else [value]
        return ", ".join(names.get(v, str(v)) for v in chosen)
    if isinstance(value, dict):
        if "qualifier" in value:
            q = COUNT_QUALIFIERS.get(value["qualifier"], {}).get("en", value["qualifier"])
            return f"{q} {value['value']}" if value.get("value") is not None else str(q)
        return str(value.get("value", ""))
    if isinstance(value, str):
        return quote(value, 30)
    return str(value)


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


def field_words(fd: FieldDef | None, field_id: str, value: Any, where: str = "") -> str:
    """``"e1 Event date 2021-01-20"``, ``"clear e1 Event date"``."""
    name = fd.name if fd is not None else field_id
    if value is None:
        return f"clear {where}{name}"
    return f"{where}{name} {value_text(fd, value)}"
