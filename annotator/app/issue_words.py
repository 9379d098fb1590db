"""The core's messages (validation issues, refused edits) in the interface's language.

``core`` writes its messages in English, once: the command line prints them and annotation
reports and dataset cards keep them, so they must not change with the window's language. The
window shows them through here: the shapes a coder meets every day (a role, field or sub-type
still missing, a trigger to mark, a span of a label a role does not take, a value out of range,
a duplicate span) are reworded whole, with the codebook's names in the interface's language;
any other message (a damaged file's, a schema's) is shown as the core wrote it.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache

from annotator.core.codebook import Codebook
from annotator.core.names import display_name, precision_name, short_name
from annotator.core.validation import Issue
from annotator.i18n import language, tr

# "event e1 (Battles): ...", as validation starts a message about an event.
_EVENT = re.compile(r"^event (?P<event>[^ :]+)(?: \((?P<type>[^)]*)\))?: (?P<rest>.+)$", re.S)


def _shapes() -> list[tuple[str, str]]:
    """(pattern of an English message, the same sentence through ``tr``) pairs. A group named
    ``role``, ``field``, ``type`` or ``label`` holds a codebook name (shown in the interface's
    language), ``labels`` several joined by "or", ``precision`` a date's precision,
    ``problem`` a message of its own."""
    return [
        (r"choose a sub-type", tr("issues", "choose a sub-type")),
        (r"mark its trigger", tr("issues", "mark its trigger")),
        (r"role (?P<role>.+) is required", tr("issues", "role {role} is required")),
        (r"field (?P<field>.+) is required", tr("issues", "field {field} is required")),
        (r"document field '(?P<field>.+)' is required",
         tr("issues", "document field {field} is required")),
        (r"(?P<role>.+) must be a span labelled (?P<labels>.+); span (?P<span>\S+) is "
         r"(?P<label>.+)",
         tr("issues", "{role} must be a span labelled {labels}; span {span} is {label}")),
        (r"(?P<role>.+) takes at most (?P<max>\d+) span\(s\), has (?P<count>\d+)",
         tr("issues", "{role} takes at most {max} span(s), has {count}")),
        (r"the trigger must be labelled (?P<labels>.+), not (?P<label>.+)",
         tr("issues", "the trigger must be labelled {labels}, not {label}")),
        (r"span (?P<span>\S+) already fills (?P<role>.+)",
         tr("issues", "span {span} already fills {role}")),
        (r"span (?P<span>\S+) is used in event (?P<event>\S+): (?P<problem>.+)",
         tr("issues", "span {span} is used in event {event}: {problem}")),
        (r"span (?P<span>\S+) duplicates span (?P<other>\S+) \(same range and label\)",
         tr("issues", "span {span} duplicates span {other} (same range and label)")),
        (r"span (?P<span>\S+): unknown label (?P<value>.+)",
         tr("issues", "span {span}: unknown label {value}")),
        (r"unknown label (?P<value>.+)", tr("issues", "unknown label {value}")),
        (r"(?P<field>[^:]+): must be at least (?P<value>-?\d+)",
         tr("issues", "{field}: must be at least {value}")),
        (r"(?P<field>[^:]+): must be at most (?P<value>-?\d+)",
         tr("issues", "{field}: must be at most {value}")),
        (r"(?P<field>[^:]+): unknown choice (?P<value>.+) \(choose from (?P<other>.+)\)",
         tr("issues", "{field}: unknown choice {value} (choose from {other})")),
        (r"(?P<field>[^:]+): qualifier '(?P<value>[^']+)' needs a number",
         tr("issues", "{field}: qualifier {value} needs a number")),
        (r"precision '(?P<precision>\w+)' needs a full date",
         tr("issues", "precision {precision} needs a full date")),
        (r"precision '(?P<precision>\w+)' needs at least year and month",
         tr("issues", "precision {precision} needs at least year and month")),
        (r"(?P<value>.+) is not a date like 2024-03-05 \(or 2024-03 for a month\)",
         tr("issues", "{value} is not a date like 2024-03-05 (or 2024-03 for a month)")),
        (r"(?P<value>.+) is not a real date", tr("issues", "{value} is not a real date")),
        (r"(?P<field>[^:]+): (?P<problem>.+)", tr("issues", "{field}: {problem}")),
        (r"the selection holds only spaces", tr("issues", "the selection holds only spaces")),
        (r"span (?P<span>\S+) is used as (?P<other>.+); remove it from there first",
         tr("issues", "span {span} is used as {other}; remove it from there first")),
        (r"there is no span (?P<value>.+)", tr("issues", "there is no span {value}")),
        (r"there is no event (?P<value>.+)", tr("issues", "there is no event {value}")),
        (r"made with codebook version (?P<value>.+), the project now uses (?P<other>.+)",
         tr("issues", "made with codebook version {value}, the project now uses {other}")),
    ]


@lru_cache(maxsize=64)
def _compiled(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern, re.S)


class _Names:
    """A codebook's English names, as the core's messages quote them, to its items."""

    def __init__(self, cb: Codebook | None) -> None:
        self.by_name: dict[str, object] = {}
        if cb is None:
            return
        fields = [*cb.document_fields, *cb.event_fields]
        for item in (*fields, *cb.event_types, *cb.span_labels, *cb.roles):
            self.by_name.setdefault(item.name, item)
            self.by_name.setdefault(short_name(item.name), item)  # labels, as rules name them
            if item.name_ar:  # a message made while the window spoke Arabic
                self.by_name.setdefault(item.name_ar, item)

    def name(self, text: str) -> str:
        item = self.by_name.get(text)
        return display_name(item) if item is not None else text

    def names(self, text: str) -> str:
        """``"Actor or Person or people"`` -> the names joined in the interface's language.
        A name may hold "or" itself, so the text is read as known names, longest first."""
        parts = self._split(text)
        return tr("list", " or ").join(map(self.name, parts)) if parts else text

    def _split(self, text: str) -> list[str] | None:
        for known in sorted(self.by_name, key=len, reverse=True):
            if text == known:
                return [known]
            if text.startswith(known + " or "):
                rest = self._split(text[len(known) + 4:])
                if rest is not None:
                    return [known, *rest]
        return None


def _reworded(text: str, names: _Names) -> str:
    """``text`` reworded by the first shape it has, or itself."""
    for pattern, sentence in _shapes():
        m = _compiled(pattern).fullmatch(text)
        if m is None:
            continue
        values: dict[str, str] = {}
        convert: dict[str, Callable[[str], str]] = {
            "role": names.name, "field": names.name, "type": names.name,
            "label": names.name,
            "labels": names.names,
            "problem": lambda v: _reworded(v, names),
            "precision": precision_name,
        }
        for key, value in m.groupdict().items():
            values[key] = convert.get(key, str)(value or "")
        return sentence.format(**values)
    return text


def message_text(cb: Codebook | None, message: str) -> str:
    """A core message (an issue's, or why an edit was refused) in the interface's language;
    ``cb`` names the codebook's things (``None``: a message that names none)."""
    if language() == "en" or not message:
        return message
    names = _Names(cb)
    m = _EVENT.match(message)
    if m is None:
        return _reworded(message, names)
    rest = _reworded(m.group("rest"), names)
    if m.group("type"):
        return tr("issues", "event {event} ({type}): {problem}").format(
            event=m.group("event"), type=names.name(m.group("type")), problem=rest)
    return tr("issues", "event {event}: {problem}").format(event=m.group("event"), problem=rest)


def issue_text(cb: Codebook | None, issue: Issue) -> str:
    """What an issue says, in the interface's language."""
    return message_text(cb, issue.message)


def without_event(cb: Codebook, issue: Issue) -> str:
    """What an issue about an event says, without naming the event (shown under it)."""
    m = _EVENT.match(issue.message)
    return message_text(cb, m.group("rest")) if m else issue_text(cb, issue)
