"""Import annotations made with other tools (brat, doccano, Label Studio, CoNLL) or exported by
annotator (native JSONL) as documents plus one coder's annotation sets.

Every source document goes through the same steps: the project's ``TextPolicy`` is applied to
its text and every offset is moved with ``TextPolicy.offset_map``; a span whose text differs
from the document at its offsets is reported, never shifted; labels, event types and roles are
renamed by the label map (``old=NEW``, or ``label:old=NEW``, ``type:old=NEW``,
``role:old=NEW``, ``field:old=NEW``; ``type:old=battles.armed_clash`` also sets the sub-type,
``field:Negation=polarity=negative`` turns a true/present attribute into that choice) and any
name or value the codebook does not know is reported and left out; then the set is checked with
the core validation.

Nothing is written while any problem remains, unless ``skip_invalid``: then what can be imported
is, and every item or document left out is listed. Documents already in the project are reused
when their text is the same (found by id, or else by text: a file may not know the ids the plain
document import gave) and refused when the id matches but the text differs; an existing
annotation file of the coder is only replaced with ``overwrite`` (the old one is kept as
``.bak``). A document someone has open for editing (its edit lock, ``storage.lock``, held by a
live program) is never written: it is a problem like any other, and each set is written
holding that lock. Sources are read twice (check, then write) instead of being held in memory.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import Any

from annotator.core.codebook import Codebook
from annotator.core.model import (
    AnnotationSet,
    CodebookRef,
    Document,
    Event,
    Span,
    unknown_status,
)
from annotator.core.text import TextPolicy, is_safe_id, sanitize_id
from annotator.core.validation import ERROR, validate_annotation_data
from annotator.core.values import check_value
from annotator.errors import AnnotatorError
from annotator.formats.registry import SourceDocument, SourceEvent, get_format
from annotator.i18n import tr
from annotator.storage.lock import FileLock, LockedError
from annotator.storage.project import Project, check_coder_name

MAX_LISTED_PROBLEMS = 1000
CATEGORIES = ("label", "type", "role", "field")
_TRAILING_DIGITS = re.compile(r"\d+$")


# -- label map --------------------------------------------------------------------------------
@dataclass
class LabelMap:
    """Renames for labels, event types, roles and fields; an unprefixed entry applies to all."""

    maps: dict[str, dict[str, str]] = field(default_factory=lambda: {c: {} for c in CATEGORIES})

    def get(self, category: str, name: str) -> str:
        return self.maps[category].get(name, name)

    def __bool__(self) -> bool:
        return any(self.maps.values())


def parse_label_map(entries: Iterable[str] | Mapping[str, str] | None) -> LabelMap:
    """``["Protein=ACTOR", "role:Theme=victim"]`` or ``{"Protein": "ACTOR"}`` -> ``LabelMap``."""
    lm = LabelMap()
    if entries is None:
        return lm
    pairs = entries.items() if isinstance(entries, Mapping) else [
        _split_entry(e) for e in entries]
    for old, new in pairs:
        category, sep, name = old.partition(":")
        if sep and category in CATEGORIES:
            lm.maps[category][name] = new
        else:
            for c in CATEGORIES:
                lm.maps[c][old] = new
    return lm


def _split_entry(entry: str) -> tuple[str, str]:
    old, sep, new = entry.partition("=")
    if not sep or not old.strip() or not new.strip():
        raise AnnotatorError(f"label map entry {entry!r}: write it as OLD=NEW (or label:OLD=NEW,"
                             " type:OLD=NEW, role:OLD=NEW, field:OLD=NEW)")
    return old.strip(), new.strip()


# -- report -----------------------------------------------------------------------------------
@dataclass
class ImportReport:
    format: str
    written: bool = False
    dry_run: bool = False
    cancelled: bool = False
    sources: int = 0  # source documents read
    documents_added: int = 0  # documents new to the project
    documents_reused: int = 0  # documents already in it (with the same text)
    annotation_sets: int = 0  # written (or, in a dry run or refusal, that would be)
    spans: int = 0
    events: int = 0
    left_out: int = 0  # source documents (records) not imported at all
    record_problems: int = 0  # the problems that left out whole records
    sets_written: int = 0  # so far: less than annotation_sets only if cancelled while writing
    problems: list[str] = field(default_factory=list)
    problem_count: int = 0
    # Data brought in a form that differs from the file's, nothing lost (see SourceDocument).
    notices: list[str] = field(default_factory=list)
    notice_count: int = 0
    unknown: dict[str, dict[str, int]] = field(
        default_factory=lambda: {c: {} for c in CATEGORIES})

    def add_problem(self, text: str) -> None:
        self.problem_count += 1
        if len(self.problems) < MAX_LISTED_PROBLEMS:
            self.problems.append(text)

    def add_notice(self, text: str) -> None:
        self.notice_count += 1
        if len(self.notices) < MAX_LISTED_PROBLEMS:
            self.notices.append(text)

    def unknown_names(self) -> list[str]:
        """Every name the codebook does not know, as a label map writes it (``role:Agent``)."""
        return [f"{'' if c == 'label' else c + ':'}{name}"
                for c in CATEGORIES for name in sorted(self.unknown[c])]

    def label_map_hint(self) -> str:
        """A ``--label-map`` argument to fill in for every unknown name, or ''."""
        return " ".join(f"--label-map {name}=NEW" for name in self.unknown_names())

    def summary(self, hint: bool = True) -> str:
        """What happened, in a sentence or two, in the interface's language (English on the
        command line); ``hint``: end with the ``--label-map`` arguments to fill in for the
        unknown names."""
        if self.cancelled:
            if not self.sets_written:
                return tr("import", "Import cancelled; nothing was written.")
            return tr("import", "Import cancelled after writing {written} of {sets} annotation "
                                "set(s); each written file is whole. To add the rest, import "
                                "again with the same options and --skip-invalid (the sets "
                                "already written are then left as they are).").format(
                written=self.sets_written, sets=self.annotation_sets)
        counts = {"sets": self.annotation_sets, "spans": self.spans, "events": self.events,
                  "documents": self.documents_added + self.documents_reused,
                  "new": self.documents_added, "problems": self.problem_count}
        if self.written:
            text = tr("import", "Imported {sets} annotation set(s) ({spans} spans, {events} "
                                "events) of {documents} document(s), {new} new.")
        elif self.dry_run:
            text = tr("import", "Dry run: would import {sets} annotation set(s) ({spans} spans, "
                                "{events} events) of {documents} document(s), {new} new.")
            if self.problem_count:
                text += " " + tr("import", "{problems} problem(s): nothing would be written "
                                           "unless they are fixed or --skip-invalid leaves "
                                           "them out.")
        else:
            text = tr("import", "Imported nothing: {problems} problem(s) (fix them, map the "
                                "names, or import with --skip-invalid to leave the problems "
                                "out).")
        text = text.format(**counts)
        if self.written and self.problem_count:
            text += " " + self._left_out_sentence()
        if self.notice_count:
            text += " " + tr("import", "{count} change(s) of form, nothing lost (listed as "
                                       "notes).").format(count=self.notice_count)
        hint_text = self.label_map_hint() if hint else ""
        if hint_text:
            text += " " + tr("import", "Names the codebook does not know: {hint}").format(
                hint=hint_text)
        return text

    def _left_out_sentence(self) -> str:
        """What an import that wrote left out: whole records, items with problems, or both.
        A record left out is counted once, not again among the items with problems."""
        items = self.problem_count - self.record_problems
        if self.left_out and items:
            text = tr("import", "Left out {left} of the {read} records read, and 1 item with a "
                                "problem from the records imported.") if items == 1 else \
                tr("import", "Left out {left} of the {read} records read, and {items} items "
                             "with problems from the records imported.")
        elif self.left_out:
            text = tr("import", "Left out {left} of the {read} records read.")
        else:
            text = tr("import", "Left out 1 item with a problem from the records imported.") \
                if items == 1 else \
                tr("import", "Left out {items} items with problems from the records imported.")
        return text.format(left=self.left_out, read=self.sources, items=items)


# -- conversion -------------------------------------------------------------------------------
@dataclass
class _Context:
    policy: TextPolicy
    codebook: Codebook
    labels: LabelMap
    coder: str | None
    status: str | None
    report: ImportReport


def convert(src: SourceDocument, ctx: _Context
            ) -> tuple[Document | None, AnnotationSet | None, list[str], bool]:
    """(document, annotation set, problems, fatal) for one source document. Items with
    problems are left out of the set; ``fatal`` means the whole document is."""
    problems = list(src.problems)
    if not src.id and not src.text:
        return None, None, problems, True
    where = src.where
    cb = ctx.codebook
    coder = ctx.coder or src.coder
    if not coder:
        return None, None, [*problems, f"{where}: does not say whose annotations these are: "
                                       "name the coder (--coder NAME)"], True
    try:
        coder = check_coder_name(coder)
    except AnnotatorError as exc:
        return None, None, [*problems, f"{where}: {exc}"], True
    raw = src.text
    stored = ctx.policy.apply(raw)
    if not stored.strip():
        return None, None, [*problems, f"{where}: the text is empty"], True
    if "\x00" in stored:
        return None, None, [*problems, f"{where}: the text contains a NUL character"], True
    if stored == raw:
        mapping: list[int] | None = None
    else:
        try:
            mapping = ctx.policy.offset_map(raw)
        except ValueError as exc:
            return None, None, [*problems, f"{where}: {exc}"], True
    doc_id = src.id if is_safe_id(src.id) else sanitize_id(src.id, fallback="doc")
    document = Document(id=doc_id, text=stored, meta=dict(src.meta))
    keep_ids = src.native is not None
    lm = ctx.labels

    source_events = [*src.events, *_events_of_typed_spans(src, cb, lm)]
    # Triggers typed with their event's type (brat's convention) take the trigger label.
    trigger_of: dict[str, set[str]] = {}
    for ev in source_events:
        if ev.trigger is not None:
            trigger_of.setdefault(ev.trigger, set()).update({ev.type, lm.get("type", ev.type)})
    relabel = cb.trigger_labels[0] if cb.trigger_labels else None

    spans: list[Span] = []
    alias: dict[str, str] = {}  # source key -> span id
    by_range: dict[tuple[int, int, str], str] = {}
    n = len(raw)
    for k, sp in enumerate(sorted(src.spans, key=lambda s: (s.start, s.end, s.label)), 1):
        at = f"{where}: span {sp.key} {sp.label} {sp.start}-{sp.end}"
        if not (isinstance(sp.start, int) and isinstance(sp.end, int)
                and 0 <= sp.start < sp.end <= n):
            problems.append(f"{at}: not a range inside the text ({n} characters); not imported")
            continue
        if sp.text is not None and raw[sp.start:sp.end] != sp.text:
            problems.append(f"{at}: its text {sp.text!r} differs from the document there "
                            f"({raw[sp.start:sp.end]!r}); not imported (never shifted)")
            continue
        start, end = (mapping[sp.start], mapping[sp.end]) if mapping else (sp.start, sp.end)
        if start >= end:
            problems.append(f"{at}: covers only characters the text policy removes; "
                            "not imported")
            continue
        label = lm.get("label", sp.label)
        from_trigger = relabel is not None and sp.label in trigger_of.get(sp.key, ())
        if from_trigger:
            label = relabel  # type: ignore[assignment]
        if cb.label(label) is None:
            ctx.report.unknown["label"][sp.label] = ctx.report.unknown["label"].get(
                sp.label, 0) + 1
            problems.append(f"{at}: label {sp.label!r} is not in the codebook; not imported")
            continue
        same = by_range.get((start, end, label))
        if same is not None and from_trigger:
            alias[sp.key] = same  # one span for a trigger brat wrote once per event type
            continue
        sid = sp.key if keep_ids else f"s{k}"
        alias[sp.key] = sid
        by_range.setdefault((start, end, label), sid)
        spans.append(Span(sid, start, end, label, stored[start:end], sp.note))

    events: list[Event] = []
    for k, ev in enumerate(source_events, 1):
        at = f"{where}: event {ev.key} ({ev.type})"
        etype, _, sub = lm.get("type", ev.type).partition(".")
        et = cb.event_type(etype)
        if et is None:
            ctx.report.unknown["type"][ev.type] = ctx.report.unknown["type"].get(ev.type, 0) + 1
            problems.append(f"{at}: event type {ev.type!r} is not in the codebook; not imported")
            _note_unknown_names(ev.roles, ev.fields, cb, lm, ctx.report)  # one map for all
            continue
        trigger = None
        if ev.trigger is not None:
            trigger = alias.get(ev.trigger)
            if trigger is None:
                problems.append(f"{at}: its trigger {ev.trigger} was not imported, so neither "
                                "was the event")
                continue
        roles: dict[str, list[str]] = {}
        for name, fillers in ev.roles.items():
            role = _role(name, cb, lm)
            if role is None:
                ctx.report.unknown["role"][name] = ctx.report.unknown["role"].get(name, 0) + 1
                problems.append(f"{at}: role {name!r} is not in the codebook; its "
                                f"argument(s) {', '.join(fillers)} were not imported")
                continue
            for key in fillers:
                filler = alias.get(key)
                if filler is None:
                    problems.append(f"{at}: argument {key} ({name}) was not imported")
                elif filler not in roles.setdefault(role, []):
                    roles[role].append(filler)
        fields = _fields(ev.fields, partial(cb.field_for, et.id), lm, at, ctx, problems)
        events.append(Event(ev.key if keep_ids else f"e{k}", etype, sub or ev.subtype,
                            trigger, {r: v for r, v in roles.items() if v}, fields))

    ref = CodebookRef(**cb.ref())
    if src.native is not None:
        aset = AnnotationSet.from_dict(src.native)
        aset.document_id, aset.document_sha256, aset.coder = doc_id, document.sha256, coder
        _keep_provenance(aset, spans, events)
        aset.spans, aset.events = spans, events
    else:
        aset = AnnotationSet(document_id=doc_id, document_sha256=document.sha256, coder=coder,
                             codebook=ref, status="in_progress", spans=spans, events=events,
                             fields=_fields(src.fields, cb.document_field, lm,
                                            f"{where}: document", ctx, problems))
    if src.time_spent_seconds is not None:
        aset.time_spent_seconds = src.time_spent_seconds
    if ctx.status is not None:
        aset.status = ctx.status
    aset.status = aset.status_when_saved()  # what saving does; keeps the check honest
    errors = [i for i in validate_annotation_data(aset.to_dict(), document=document,
                                                  codebook=cb) if i.severity == ERROR]
    if errors:
        problems += [f"{where}: {i.where}: {i.message}" for i in errors[:20]]
        return document, aset, problems, True
    return document, aset, problems, False


def _keep_provenance(native: AnnotationSet, spans: list[Span], events: list[Event]) -> None:
    """Give the spans and events rebuilt from a native record the provenance the record has
    (gold sets), matched by id: native records keep their ids."""
    span_provenance = {s.id: s.provenance for s in native.spans}
    for span in spans:
        span.provenance = span_provenance.get(span.id)
    event_provenance = {e.id: (e.provenance, e.field_provenance) for e in native.events}
    for event in events:
        event.provenance, event.field_provenance = event_provenance.get(event.id, (None, {}))


def _events_of_typed_spans(src: SourceDocument, cb: Codebook, lm: LabelMap
                           ) -> list[SourceEvent]:
    """Events with only a trigger, from spans labelled with an event type of the codebook (not
    a span label) that no event uses: how doccano-rel and Label Studio exports keep an event
    with no argument, and how BIO data tags a trigger with its event type."""
    used = {ev.trigger for ev in src.events} | {
        key for ev in src.events for keys in ev.roles.values() for key in keys}
    found = []
    for sp in src.spans:
        if sp.key in used or cb.label(lm.get("label", sp.label)) is not None:
            continue
        if cb.event_type(lm.get("type", sp.label).partition(".")[0]) is not None:
            found.append(SourceEvent(sp.key, sp.label, trigger=sp.key))
    return found


def _note_unknown_names(roles: dict[str, Any], fields: dict[str, Any], cb: Codebook,
                        lm: LabelMap, report: ImportReport) -> None:
    """Count the unknown roles and fields of an event left out for its type, so that the
    label-map hint names everything at once."""
    known_fields = {f.id for f in cb.event_fields} | {
        f.id for et in cb.event_types for f in et.fields}
    for name in roles:
        if _role(name, cb, lm) is None:
            report.unknown["role"][name] = report.unknown["role"].get(name, 0) + 1
    for name in fields:
        if lm.get("field", name).partition("=")[0] not in known_fields:
            report.unknown["field"][name] = report.unknown["field"].get(name, 0) + 1


def _fields(values: dict[str, Any], lookup: Callable[[str], Any], lm: LabelMap, at: str,
            ctx: _Context, problems: list[str]) -> dict[str, Any]:
    """Field values the codebook accepts, renamed by the map; the others are reported."""
    out: dict[str, Any] = {}
    for name, value in values.items():
        target, has_value, forced = lm.get("field", name).partition("=")
        fd = lookup(target)
        if fd is None:
            ctx.report.unknown["field"][name] = ctx.report.unknown["field"].get(name, 0) + 1
            problems.append(f"{at}: field {name!r} is not in the codebook; not imported")
            continue
        if has_value:
            if value is False:
                continue  # a false attribute sets nothing
            value = forced if fd.type != "boolean" else forced == "true"
        bad = check_value(fd, value)
        if bad:
            problems.append(f"{at}: field {name!r}: {bad}; not imported")
            continue
        out[fd.id] = value
    return out


def _role(name: str, cb: Codebook, lm: LabelMap) -> str | None:
    """The codebook role for a source role name; brat numbers repeated arguments
    (``Theme2``), so trailing digits are dropped one at a time until a role matches."""
    candidate = name
    while True:
        mapped = lm.get("role", candidate)
        if cb.role(mapped) is not None:
            return mapped
        if not _TRAILING_DIGITS.search(candidate):
            return None
        candidate = candidate[:-1]


# -- the import -------------------------------------------------------------------------------
def import_annotations(project: Project, fmt: str, paths: Sequence[Path], *,
                       coder: str | None = None,
                       label_map: Iterable[str] | Mapping[str, str] | None = None,
                       status: str | None = None, options: Mapping[str, str] | None = None,
                       skip_invalid: bool = False, overwrite: bool = False,
                       dry_run: bool = False,
                       progress: Callable[[int, int], None] | None = None,
                       cancelled: Callable[[], bool] | None = None) -> ImportReport:
    """Import ``paths`` (files or folders) in format ``fmt`` into ``project``; see the module.

    ``coder``: whose sets these become (required unless the files name their coder, as native
    JSONL does; pre-annotations are simply a coder such as ``pre``). Without it, a format that
    never names one (brat) is refused before anything is read, and the first document naming
    none stops the import before anything is written (``AnnotatorError`` both times).
    ``status``: the status of the new sets (default: native JSONL keeps its own; other formats
    lose fields, so their sets start ``in_progress`` for a coder to complete). ``options``:
    format settings (``offset_unit``, ``text_key``, ``label_key``, Label Studio ``source``).
    ``progress(done, total)``: total is 0 while checking, then the number of documents.
    """
    info = get_format(fmt)
    reader = info.reader_function()
    opts = dict(options or {})
    paths = [Path(p) for p in paths]
    for p in paths:
        if not p.exists():
            raise AnnotatorError(f"{p}: no such file or folder")
    if status is not None and unknown_status(status):
        raise AnnotatorError(unknown_status(status))
    if coder is not None:
        coder = check_coder_name(coder)
    elif not info.names_coder:
        raise AnnotatorError(f"{info.name} files do not say whose annotations they hold: "
                             "name the coder (--coder NAME)")
    report = ImportReport(format=fmt, dry_run=dry_run)
    ctx = _Context(project.text_policy, project.codebook, parse_label_map(label_map), coder,
                   status, report)

    def sources() -> Iterator[SourceDocument]:
        for path in paths:
            found = 0
            try:
                for src in reader([path], opts):
                    found += 1
                    yield src
            except (AnnotatorError, ValueError) as exc:
                yield SourceDocument(id="", text="", where=str(path), problems=[str(exc)])
                continue
            if not found:  # an empty file, or one that is not of this format at all
                yield SourceDocument(id="", text="", where=str(path),
                                     problems=[_nothing_in(path, info.name)])

    existing = set(project.document_ids())
    index = _TextIndex(project)
    planned: dict[str, str] = {}  # new document id -> sha256
    seen: set[tuple[str, str]] = set()
    left_out: set[int] = set()
    with_sets: set[str] = set()  # documents that get a set
    for i, src in enumerate(sources()):
        if cancelled is not None and cancelled():
            report.cancelled = True
            return report
        report.sources += 1
        if coder is None and not src.coder and (src.id or src.text):
            # The same for every document that names none: one error, before any is written.
            raise AnnotatorError(f"{src.where}: does not say whose annotations these are: name "
                                 "the coder (--coder NAME); nothing was imported")
        document, aset, problems, fatal = convert(src, ctx)
        for notice in src.notices:
            report.add_notice(notice)
        counted = report.problem_count
        for problem in problems:
            report.add_problem(problem)
        if document is not None and aset is not None and not fatal:
            _adopt_existing(document, aset, existing, index)
            fatal = _check_place(project, document, aset, existing, planned, seen, overwrite,
                                 src.where, report)
        if fatal or document is None or aset is None:
            left_out.add(i)
            report.left_out += 1
            if report.problem_count == counted:  # no reason given yet
                report.add_problem(f"{src.where}: not imported")
            report.record_problems += report.problem_count - counted
        else:
            report.annotation_sets += 1
            report.spans += len(aset.spans)
            report.events += len(aset.events)
            with_sets.add(document.id)
            if document.id not in existing:
                planned[document.id] = document.sha256
        if progress is not None:
            progress(i + 1, 0)
    # Documents, not sets: two coders' sets of one document count it once.
    report.documents_added = len(planned)
    report.documents_reused = len(with_sets) - len(planned)
    if dry_run or (report.problem_count and not skip_invalid):
        return report
    total = report.sources
    added: set[str] = set()
    written: set[str] = set()  # documents with a set written
    ctx.report = ImportReport(format=fmt)  # names were counted in the first pass
    for i, src in enumerate(sources()):
        if cancelled is not None and cancelled():
            report.cancelled = True  # what was written so far stays: each file is whole
            return report
        if i not in left_out:
            document, aset, _, fatal = convert(src, ctx)
            if document is not None and aset is not None and not fatal:
                _adopt_existing(document, aset, existing, index)
                if _save_locked(project, document, aset, added, existing, src.where, report):
                    report.sets_written += 1
                    written.add(document.id)
        if progress is not None:
            progress(i + 1, total)
    # What was written, which a document locked since the first pass can make less.
    report.documents_added, report.documents_reused = len(added), len(written - added)
    report.written = True
    return report


def _nothing_in(path: Path, fmt: str) -> str:
    """Why a file or folder gave no document: said, as a problem, instead of "Imported 0"."""
    try:
        # (A file of a few blanks is empty too; a large one holds something else.)
        empty = path.is_file() and path.stat().st_size < 4096 and not path.read_bytes().strip()
    except OSError:
        empty = False
    what = "the file is empty" if empty else f"holds no {fmt} document"
    return f"{path}: {what}; nothing was imported from it"


class _TextIndex:
    """Project documents by text hash, built on first need: a file's texts often came in
    through the plain document import already, under ids the file does not know."""

    def __init__(self, project: Project) -> None:
        self.project = project
        self._by_sha: dict[str, str] | None = None

    def find(self, sha: str) -> str | None:
        if self._by_sha is None:
            self._by_sha = {}
            for doc_id in self.project.document_ids():
                try:
                    self._by_sha.setdefault(self.project.load_document(doc_id).sha256, doc_id)
                except AnnotatorError:
                    continue  # reported by validation, not here
        return self._by_sha.get(sha)


def _adopt_existing(document: Document, aset: AnnotationSet, existing: set[str],
                    index: _TextIndex) -> None:
    """Give a new document the id of a project document with the same text, if any."""
    if document.id in existing:
        return
    same = index.find(document.sha256)
    if same is not None:
        document.id = aset.document_id = same


def _check_place(project: Project, document: Document, aset: AnnotationSet,
                 existing: set[str], planned: dict[str, str], seen: set[tuple[str, str]],
                 overwrite: bool, where: str, report: ImportReport) -> bool:
    """Whether the document and set cannot go into the project (reported); True = fatal."""
    if document.id in existing:
        try:
            stored = project.load_document(document.id)
        except AnnotatorError as exc:
            report.add_problem(f"{where}: {exc}")
            return True
        if stored.sha256 != document.sha256:
            report.add_problem(f"{where}: the project already has a document {document.id!r} "
                               "with a different text; not imported (rename or remove one)")
            return True
    elif planned.get(document.id, document.sha256) != document.sha256:
        report.add_problem(f"{where}: another document in this import has the id "
                           f"{document.id!r} and a different text; not imported")
        return True
    key = (document.id, aset.coder)
    if key in seen:
        report.add_problem(f"{where}: a second annotation set of document {document.id!r} by "
                           f"{aset.coder!r} in this import; not imported")
        return True
    seen.add(key)
    path = project.annotation_path(aset.coder, document.id)
    if not overwrite and path.exists():
        report.add_problem(f"{where}: {aset.coder!r} already has annotations of "
                           f"{document.id!r}; not replaced (use --overwrite)")
        return True
    try:
        FileLock(path).check_free()
    except LockedError as exc:
        report.add_problem(f"{where}: document {document.id!r} not imported: {exc}")
        return True
    return False


def _save_locked(project: Project, document: Document, aset: AnnotationSet, added: set[str],
                 existing: set[str], where: str, report: ImportReport) -> bool:
    """Write one set under the edit lock the window takes, so nobody's open work is written
    over; a document locked since the check is reported and left out (False)."""
    path = project.annotation_path(aset.coder, document.id)
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        with FileLock(path, coder=aset.coder):
            if document.id not in existing and document.id not in added:
                project.add_documents([document])
                added.add(document.id)
            project.save_annotations(aset, document)
    except LockedError as exc:
        report.add_problem(f"{where}: document {document.id!r} not imported: {exc}")
        report.left_out += 1
        report.record_problems += 1
        report.annotation_sets -= 1
        report.spans -= len(aset.spans)
        report.events -= len(aset.events)
        return False
    return True

