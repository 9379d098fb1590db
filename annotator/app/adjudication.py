"""Adjudicating one document, without Qt: the coders' sets beside the gold set, the
disagreements to decide, and a decision as one undoable edit on the gold set.

The gold set is an ordinary open document (a ``DocumentHandle`` of coder ``gold``): it is
edited, undone, validated and saved like any other. ``Adjudication`` adds what the lead needs
on top: the coders compared (read-only), the list of disagreements in text order with the
current one, and ``decide`` (accept coder A, B, ..., all of them, or none), which pushes
``core.decisions.decision_edit`` through the gold set's history.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from annotator.app.commands import quote
from annotator.app.document import DocumentHandle
from annotator.core.adjudication import coders_with_a_version, find_item, items
from annotator.core.codebook import Codebook
from annotator.core.decisions import decision_edit
from annotator.core.fields import COUNT_QUALIFIERS, FieldDef
from annotator.core.model import GOLD_CODER, AnnotationSet
from annotator.core.names import display_name, precision_name
from annotator.core.session import EditRefusedError
from annotator.errors import AnnotatorError
from annotator.i18n import language, tr
from annotator.storage.assignments import load_assignments
from annotator.storage.gold import adjudicate_project
from annotator.storage.project import Project


@dataclass(frozen=True)
class Version:
    """One coder's version of a disagreement, as a line a person reads."""

    coder: str
    text: str  # '' when the coder made nothing there
    ranges: tuple[tuple[int, int], ...] = ()  # where in the text, for showing it


class Adjudication:
    """The disagreements of one gold set and the coders behind it."""

    def __init__(self, handle: DocumentHandle, coder_sets: Mapping[str, AnnotationSet]) -> None:
        if handle.coder != GOLD_CODER:
            raise ValueError("adjudication works on the gold set")
        self.handle = handle
        self.coder_sets = dict(coder_sets)
        record = handle.session.aset.adjudication
        listed = record.get("coders", []) if isinstance(record, dict) else []
        self.coders: list[str] = [c for c in listed if c in self.coder_sets] or \
            sorted(self.coder_sets)
        self.current: str | None = None
        first = self.next_open(None)
        self.current = first or (self.item_ids()[0] if self.item_ids() else None)

    # -- opening ---------------------------------------------------------------------------
    @staticmethod
    def prepare(project: Project, doc_id: str, viewer: str | None = None) -> str:
        """Make sure ``doc_id`` has a gold set to adjudicate (pre-filled from its coders when
        there is none yet); '' when it has one, else why it cannot be adjudicated now.
        ``viewer``: the coder asking, refused while they still code the document blind."""
        assignments = load_assignments(project)
        if viewer and assignments is not None and assignments.is_blind(doc_id, viewer) \
                and project.status_of(viewer, doc_id) not in ("done", "skipped"):
            return tr("adjudication", "you ({coder}) code {doc} blind and have not finished it: "
                      "adjudication would show the other coders' work").format(
                coder=viewer, doc=doc_id)
        if project.annotation_path(GOLD_CODER, doc_id).is_file():
            return ""
        report = adjudicate_project(project, documents=[doc_id])
        if project.annotation_path(GOLD_CODER, doc_id).is_file():
            return ""
        if doc_id in report.waiting:
            return tr("adjudication", "{doc} is not ready to adjudicate: waiting for {coders} "
                      "to finish it").format(doc=doc_id,
                                             coders=tr("list", ", ").join(report.waiting[doc_id]))
        reasons = [o.message for o in report.outcomes if o.message] + report.problems
        return tr("adjudication", "{doc} cannot be adjudicated: {reasons}").format(
            doc=doc_id, reasons="; ".join(reasons)
            or tr("adjudication", "no coder has finished it"))

    @classmethod
    def load(cls, project: Project, handle: DocumentHandle) -> Adjudication:
        """The adjudication of the gold set open in ``handle``, with its coders' saved sets
        (read only; a coder's unreadable set is an ``AnnotatorError``)."""
        record = handle.session.aset.adjudication
        coders = record.get("coders", []) if isinstance(record, dict) else []
        sets = {}
        for coder in coders:
            if project.annotation_path(coder, handle.id).is_file():
                sets[coder], _ = project.load_annotations(coder, handle.document)
        if not sets:
            raise AnnotatorError(tr("adjudication", "{path} names no coder whose set is there to "
                                    "compare").format(
                path=f"annotations/{GOLD_CODER}/{handle.id}.json"))
        return cls(handle, sets)

    # -- the disagreements -----------------------------------------------------------------
    @property
    def gold(self) -> AnnotationSet:
        return self.handle.session.aset

    def item_ids(self) -> list[str]:
        return [item["id"] for item in items(self.gold)]

    def item(self, item_id: str | None) -> dict[str, Any] | None:
        return find_item(self.gold, item_id) if item_id else None

    def open_count(self) -> int:
        return sum(1 for item in items(self.gold) if "decision" not in item)

    def next_open(self, after: str | None, step: int = 1) -> str | None:
        """The next (``step=-1``: previous) open disagreement after ``after``, wrapping round;
        ``None`` when every one is decided."""
        ids = [item["id"] for item in items(self.gold) if "decision" not in item]
        if not ids:
            return None
        order = self.item_ids()
        if after not in order:
            return ids[0] if step > 0 else ids[-1]
        here = order.index(after)
        ranked = sorted(ids, key=lambda i: ((order.index(i) - here) * step) % len(order))
        ranked = [i for i in ranked if i != after] or ranked
        return ranked[0]

    def decide(self, accept: Sequence[str]) -> str:
        """Decide the current disagreement by taking the versions of ``accept`` (none:
        reject them all), as one undoable edit; '' or why not. The current item moves on to
        the next open one."""
        item_id = self.current
        if item_id is None:
            return tr("adjudication", "no disagreement to decide")
        try:
            edit = decision_edit(self.handle.session, item_id, accept)
        except EditRefusedError as exc:
            return str(exc)
        reason = self.handle.push(edit, decision=True)
        if not reason:
            self.current = self.next_open(item_id) or item_id
        return reason

    def accept_coder(self, index: int) -> str:
        """Accept the version of the ``index``-th coder (0: A)."""
        if not 0 <= index < len(self.coders):
            return tr("adjudication", "there is no coder {letter} here").format(
                letter=chr(ord("A") + index))
        return self.decide([self.coders[index]])

    def accept_all(self) -> str:
        item = self.item(self.current)
        return self.decide(coders_with_a_version(item) if item else [])

    def reject(self) -> str:
        return self.decide([])

    # -- showing ---------------------------------------------------------------------------
    def letter(self, coder: str) -> str:
        return chr(ord("A") + self.coders.index(coder)) if coder in self.coders else "?"

    def heading(self) -> str:
        """``"Adjudication of sample-article: 7 open of 10 disagreements"``."""
        total = len(self.item_ids())
        text = tr("adjudication", "Adjudication of {doc}: {open} open of 1 disagreement") \
            if total == 1 else \
            tr("adjudication", "Adjudication of {doc}: {open} open of {total} disagreements")
        return text.format(doc=self.handle.id, open=self.open_count(), total=total)

    def versions(self, item_id: str | None) -> list[Version]:
        """Each coder's version of an item, in the coders' order. For an event, only the
        parts the coders differ on (type, trigger, a role), then how many parts they share."""
        item = self.item(item_id)
        if item is None:
            return []
        names = _Names(self.handle.session.codebook)
        alts = {coder: item["alternatives"].get(coder) for coder in self.coders}
        if item["kind"] != "event":
            field_def = self._field_def(item)
            return [_version(coder, item["kind"], alt, names, field_def)
                    for coder, alt in alts.items()]
        parts = {coder: _event_parts(alt, names) for coder, alt in alts.items()}
        keys = list(dict.fromkeys(k for p in parts.values() for k in p))
        differ = [k for k in keys if len({parts[c].get(k, (None,))[0] for c in parts}) > 1]
        same = len(keys) - len(differ)
        out = []
        for coder, mine in parts.items():
            if not mine:
                out.append(Version(coder, ""))
                continue
            shown = [mine[k] for k in differ if k in mine]
            text = " · ".join(t for t, _ in shown) or tr("adjudication", "the same")
            if same and shown:
                text += " · " + tr("adjudication", "(+{count} the same)").format(count=same)
            ranges = tuple(r for _, rs in mine.values() for r in rs)
            out.append(Version(coder, text, ranges))
        return out

    def title(self, item_id: str) -> str:
        """``"i3 · span «تنظيم داعش» · open"`` / ``"i5 · actor2_type · accepted A"``."""
        item = self.item(item_id)
        if item is None:
            return item_id
        decision = item.get("decision")
        if decision is None:
            state = tr("adjudication", "open")
        elif not decision.get("accept"):
            state = tr("adjudication", "rejected")
        else:
            state = tr("adjudication", "accepted {coders}").format(
                coders="+".join(self.letter(c) for c in decision["accept"]))
        names = _Names(self.handle.session.codebook)
        return " · ".join((item_id, _subject(item, names, self._field_def(item)), state))

    def _field_def(self, item: Mapping[str, Any]) -> FieldDef | None:
        """The codebook's definition of the field an item is about (None for the others)."""
        fid = item.get("field")
        if not isinstance(fid, str):
            return None
        cb = self.handle.session.codebook
        if item["kind"] == "document_field":
            return cb.document_field(fid)
        event = self.gold.event(item.get("event") or "")
        return cb.field_for(event.type, fid) if event is not None else None

    def event_of(self, item_id: str | None) -> str | None:
        """The gold set's event an item is about, when it has one (a field of it)."""
        item = self.item(item_id)
        event_id = item.get("event") if item else None
        return event_id if isinstance(event_id, str) and self.gold.event(event_id) else None

    def coder_ranges(self) -> dict[str, list[tuple[int, int, str]]]:
        """Every coder's spans: coder -> (start, end, label), for showing who marked what."""
        return {coder: [(s.start, s.end, s.label) for s in self.coder_sets[coder].spans]
                for coder in self.coders}


class _Names:
    """How the panel names what the codebook defines: in the English interface by the ids the
    files use (what a lead checks a file against), in the Arabic one by the codebook's Arabic
    names."""

    def __init__(self, codebook: Codebook) -> None:
        self.codebook = codebook
        self.arabic = language() == "ar"

    def _name(self, definition: object, ident: str) -> str:
        return display_name(definition) if self.arabic and definition is not None else ident

    def label(self, label_id: str) -> str:
        return self._name(self.codebook.label(label_id), label_id)

    def role(self, role_id: str) -> str:
        return self._name(self.codebook.role(role_id), role_id)

    def event_type(self, type_id: str) -> str:
        return self._name(self.codebook.event_type(type_id), type_id)

    def type_and_subtype(self, type_id: str, subtype_id: str | None) -> str:
        """``"battles/armed_clash"`` (``-`` without a sub-type)."""
        et = self.codebook.event_type(type_id)
        sub = et.subtype(subtype_id) if et is not None and subtype_id else None
        return f"{self.event_type(type_id)}/{self._name(sub, subtype_id or '-')}"

    def field(self, field_def: FieldDef | None, field_id: str) -> str:
        return self._name(field_def, field_id)

    def value(self, value: Any, field_def: FieldDef | None) -> str:
        """A field value as a line: counts with their qualifier, dates with their precision,
        choices by name in Arabic."""
        if isinstance(value, dict) and "qualifier" in value:
            n, qualifier = value.get("value"), str(value["qualifier"])
            known = COUNT_QUALIFIERS.get(qualifier)
            word = str(known["ar"]) if self.arabic and known else qualifier
            return word + (f" {n}" if n is not None else "")
        if isinstance(value, dict) and "precision" in value:
            return f"{value.get('value')} ({precision_name(str(value['precision']))})"
        if isinstance(value, list):
            return tr("list", ", ").join(self.value(v, field_def) for v in value)
        if isinstance(value, bool):
            return tr("adjudication", "yes") if value else tr("adjudication", "no")
        choices = {o.id: o for o in field_def.options} if field_def is not None else {}
        return self._name(choices.get(value) if isinstance(value, str) else None, str(value))


def _subject(item: Mapping[str, Any], names: _Names, field_def: FieldDef | None) -> str:
    """What an item is about, in a few words."""
    kind = item["kind"]
    alts = [a for a in item["alternatives"].values() if a not in (None, [], {})]
    if kind == "span":
        first = alts[0] if alts else None
        spans = first if isinstance(first, list) else [first] if first else []
        return tr("adjudication", "span {text}").format(text=quote(spans[0]["text"], 30)) \
            if spans else tr("adjudication", "span")
    if kind == "event":
        first = alts[0] if alts else {}
        first = first if isinstance(first, dict) else {}
        trigger = first.get("trigger")
        type_name = names.event_type(str(first.get("type", "")))
        return tr("adjudication", "event {type} {text}").format(
            type=type_name, text=quote(trigger["text"], 30)) if trigger \
            else tr("adjudication", "event {type}").format(type=type_name)
    fid = item.get("field")
    if fid:
        return names.field(field_def, str(fid))
    return {"event_field": tr("adjudication", "event field"),
            "document_field": tr("adjudication", "document field")}.get(kind, kind)


def _event_parts(alt: Any, names: _Names) -> dict[str, tuple[str, tuple[tuple[int, int], ...]]]:
    """An event version as parts: key -> (text, ranges in the document)."""
    if not isinstance(alt, dict):
        return {}
    parts: dict[str, tuple[str, tuple[tuple[int, int], ...]]] = {
        "type": (names.type_and_subtype(str(alt.get("type")), alt.get("subtype")), ())}
    trigger = alt.get("trigger")
    if trigger:
        parts["trigger"] = (tr("adjudication", "trigger {text}").format(
            text=quote(trigger["text"])), ((trigger["start"], trigger["end"]),))
    for role, fillers in sorted((alt.get("roles") or {}).items()):
        parts[f"role:{role}"] = (
            f"{names.role(role)}: " + tr("list", ", ").join(quote(f["text"]) for f in fillers),
            tuple((f["start"], f["end"]) for f in fillers))
    return parts


def _span_line(alt: Mapping[str, Any], names: _Names) -> str:
    return f"{quote(alt['text'])} {names.label(alt['label'])} {alt['start']}-{alt['end']}"


def _version(coder: str, kind: str, alt: Any, names: _Names,
             field_def: FieldDef | None) -> Version:
    if alt in (None, [], {}):
        return Version(coder, "")
    if kind == "span":
        spans = alt if isinstance(alt, list) else [alt]
        return Version(coder, "; ".join(_span_line(s, names) for s in spans),
                       tuple((s["start"], s["end"]) for s in spans))
    return Version(coder, names.value(alt, field_def))
