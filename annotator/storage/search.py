"""Search a whole project: keyword-in-context hits, Arabic-normalised, optionally inside spans.

Folding every document (``core.arabic``) on every query would take seconds on a few thousand
articles, so the folded text and title of each document are kept in
``PROJECT/.annotator/search-index.bin``, keyed by each document file's size and modification
time like the other caches: an unchanged document is never read again to search it, a changed
one always is. The index is only a speed-up: deleted or damaged, it is rebuilt; a read-only
project is searched without it.

A query is first matched in the folded texts (whole words, optional proclitics); only the
documents that hold a hit shown to the user are read, to map it to code points and cut its
context.
"""

from __future__ import annotations

import hashlib
import json
import os
from bisect import bisect_right
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from typing import Any

from annotator import __version__
from annotator.core.arabic import FOLD_VERSION, FoldedText, fold, fold_query, match_spans
from annotator.core.selection import grapheme_end, grapheme_start
from annotator.errors import AnnotatorError
from annotator.storage.atomic import atomic_write, read_json
from annotator.storage.project import Project

# The header's length in ASCII digits and a newline, the JSON header, the folded texts in UTF-16.
INDEX_NAME = "search-index.bin"
_SEPARATOR = "\x00"
CONTEXT_CHARS = 40  # code points of context on each side of a hit
_LINE_BREAKS = str.maketrans({c: " " for c in "\n\r\t\v\f\x1c\x1d\x1e\x85\u2028\u2029"})


@dataclass(frozen=True)
class SpanRef:
    """A coder's span that holds a hit (when searching inside spans)."""

    coder: str
    span_id: str
    label: str


@dataclass(frozen=True)
class Hit:
    """One match: where it is, the text it covers, and one line of context on each side.

    ``start``/``end`` are code points of the document text; ``before`` ends at ``start`` and
    ``after`` starts at ``end`` (line breaks shown as spaces, same length); ``length`` is the
    document text's, to tell whether the context reaches its end.
    """

    document_id: str
    title: str
    start: int
    end: int
    text: str
    before: str
    after: str
    length: int
    spans: tuple[SpanRef, ...] = ()

    @property
    def cut_before(self) -> bool:
        return self.start - len(self.before) > 0

    @property
    def cut_after(self) -> bool:
        return self.end + len(self.after) < self.length

    def to_dict(self) -> dict[str, Any]:
        return {"document": self.document_id, "title": self.title, "start": self.start,
                "end": self.end, "text": self.text, "before": self.before,
                "after": self.after, "length": self.length,
                "spans": [{"coder": s.coder, "id": s.span_id, "label": s.label}
                          for s in self.spans]}


@dataclass
class SearchResult:
    """The hits (at most ``limit`` of them), how many there are in all, and in how many
    documents; documents that could not be read are named in ``unreadable``."""

    hits: list[Hit] = field(default_factory=list)
    total: int = 0
    documents: int = 0
    unreadable: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class _Entry:
    stamp: list[int]
    title: str
    start: int  # where the document's folded text starts in the index's text
    length: int


class SearchIndex:
    """The folded text and title of every document of a project (see the module doc).

    The folded texts are held as one string, in document id order, separated by NUL (which no
    document holds and no query can), so a query is found in all of them in one pass.
    """

    def __init__(self, project: Project, entries: dict[str, _Entry], folded: str,
                 unreadable: dict[str, str], folded_now: int) -> None:
        self.project = project
        self.entries = entries
        self.folded = folded
        self.unreadable = unreadable
        self.folded_now = folded_now  # documents (re)folded by ``load``
        self._ids = list(entries)
        self._starts = [e.start for e in entries.values()]

    @classmethod
    def load(cls, project: Project, *, use_cache: bool = True) -> SearchIndex:
        """The index, with every new or changed document (re)folded and the cache updated."""
        old_entries, old_text = _read_cache(project) if use_cache else ({}, "")
        stamps = document_stamps(project)
        if old_entries.keys() == stamps.keys() and all(
                e.stamp == stamps[d] for d, e in old_entries.items()):
            return cls(project, old_entries, old_text, {}, 0)  # nothing changed
        entries: dict[str, _Entry] = {}
        pieces: list[str] = []
        unreadable: dict[str, str] = {}
        folded_now = 0
        pos = 0
        for doc_id, dstamp in sorted(stamps.items()):
            old = old_entries.get(doc_id)
            if old is not None and old.stamp == dstamp:
                title, folded = old.title, old_text[old.start:old.start + old.length]
            else:
                try:
                    doc = project.load_document(doc_id)
                except AnnotatorError as exc:
                    unreadable[doc_id] = str(exc)
                    continue
                title, folded = doc.title, fold(doc.text)
                folded_now += 1
            entries[doc_id] = _Entry(dstamp, title, pos, len(folded))
            pieces.append(folded)
            pos += len(folded) + 1
        index = cls(project, entries, _SEPARATOR.join(pieces), unreadable, folded_now)
        if use_cache and (folded_now or entries.keys() != old_entries.keys()):
            index._save()
        return index

    def _save(self) -> None:
        header = {"annotator": __version__, "fold": FOLD_VERSION,
                  "documents": [[d, *e.stamp, e.title, e.length]
                                for d, e in self.entries.items()]}
        head = json.dumps(header, ensure_ascii=False).encode("utf-8")
        data = b"%d\n" % len(head) + head + self.folded.encode("utf-16-le")
        try:
            self.project.state_dir.mkdir(exist_ok=True)
            atomic_write(self.project.state_dir / INDEX_NAME, data, backup=False)
        except (OSError, AnnotatorError):
            pass  # a read-only project is still searched; it just is not cached

    def signature(self) -> str:
        """``documents_signature`` of the documents indexed."""
        return documents_signature({d: e.stamp for d, e in self.entries.items()})

    def search(self, query: str, *, label: str | None = None, coder: str | None = None,
               limit: int | None = None, proclitics: bool = True, whole_word: bool = True,
               context: int = CONTEXT_CHARS) -> SearchResult:
        """Every match of ``query`` in the project's documents, in document order.

        With ``label`` and/or ``coder``, only matches inside a span with that label (of that
        coder; of any coder without one). Past ``limit``, matches are counted in the folded
        texts without reading the documents (where one that would split an emoji or a
        ligature, never shown, still counts).
        """
        fq = fold_query(query)
        result = SearchResult(unreadable=dict(self.unreadable))
        if not fq:
            return result
        spans_by_doc = self._spans(label, coder, result) if label or coder else None
        for doc_id, found in self._matches_by_document(fq, proclitics, whole_word):
            spans = None if spans_by_doc is None else spans_by_doc.get(doc_id)
            if spans_by_doc is not None and not spans:
                continue
            if spans is None and limit is not None and len(result.hits) >= limit:
                result.total += found  # counted, not shown: no need to read it
                result.documents += 1
                continue
            hits = self._hits(doc_id, fq, proclitics, whole_word, context, result)
            if spans is not None:
                hits = _inside(hits, spans)
            if not hits:
                continue
            result.total += len(hits)
            result.documents += 1
            room = len(hits) if limit is None else max(0, limit - len(result.hits))
            result.hits.extend(hits[:room])
        return result

    def _matches_by_document(self, fq: str, proclitics: bool,
                             whole_word: bool) -> Iterator[tuple[str, int]]:
        """(document id, number of matches) of every document with a match, in id order."""
        ids, starts = self._ids, self._starts
        current, count = -1, 0
        for fstart, _ in match_spans(self.folded, fq, proclitics=proclitics,
                                     whole_word=whole_word):
            k = bisect_right(starts, fstart) - 1
            if k != current:
                if count:
                    yield ids[current], count
                current, count = k, 0
            count += 1
        if count:
            yield ids[current], count

    def _hits(self, doc_id: str, fq: str, proclitics: bool, whole_word: bool,
              context: int, result: SearchResult) -> list[Hit]:
        try:
            text = self.project.load_document(doc_id).text
        except AnnotatorError as exc:  # changed or removed since the index was loaded
            result.unreadable[doc_id] = str(exc)
            return []
        ranges = FoldedText(text).find_folded(fq, proclitics=proclitics, whole_word=whole_word)
        title = self.entries[doc_id].title
        return [Hit(doc_id, title, s, e, text[s:e], *kwic(text, s, e, context), len(text))
                for s, e in ranges]

    def _spans(self, label: str | None, coder: str | None,
               result: SearchResult) -> dict[str, list[tuple[int, int, SpanRef]]]:
        """``{doc id: [(start, end, span)]}`` of the spans a search is limited to."""
        project = self.project
        if label is not None and project.codebook.label(label) is None:
            known = ", ".join(lab.id for lab in project.codebook.span_labels)
            raise AnnotatorError(f"no span label {label!r} in the codebook; labels: {known}")
        if coder is not None and coder not in project.coders():
            raise AnnotatorError(f"{project.root}: no annotations by coder {coder!r}; coders: "
                                 f"{', '.join(project.coders()) or 'none yet'}")
        found: dict[str, list[tuple[int, int, SpanRef]]] = {}
        for c, doc_id, path in project.annotation_files(coder):
            try:
                data = read_json(path)
            except AnnotatorError as exc:
                result.unreadable[f"{c}/{doc_id}"] = str(exc)
                continue
            spans = data.get("spans") if isinstance(data, dict) else None
            for s in spans if isinstance(spans, list) else []:
                if isinstance(s, dict) and (label is None or s.get("label") == label) and \
                        isinstance(s.get("start"), int) and isinstance(s.get("end"), int):
                    ref = SpanRef(c, str(s.get("id", "")), str(s.get("label", "")))
                    found.setdefault(doc_id, []).append((s["start"], s["end"], ref))
        return found


def _inside(hits: list[Hit], spans: list[tuple[int, int, SpanRef]]) -> list[Hit]:
    """The hits that lie inside one of ``spans``, each with the spans that hold it."""
    kept = []
    for hit in hits:
        refs = tuple(ref for s, e, ref in spans if s <= hit.start and hit.end <= e)
        if refs:
            kept.append(replace(hit, spans=refs))
    return kept


def documents_signature(stamps: dict[str, list[int]]) -> str:
    """A digest of every document's id, size and time: changes when any of them does."""
    return hashlib.sha256(json.dumps(sorted(stamps.items())).encode()).hexdigest()


def document_stamps(project: Project) -> dict[str, list[int]]:
    """``{doc id: [size, mtime_ns]}`` of the project's document files (as ``document_ids``
    lists them), in one directory scan."""
    found = {}
    try:
        with os.scandir(project.documents_dir) as it:
            for e in it:
                if e.name.endswith(".json") and not e.name.startswith(".") and e.is_file():
                    try:
                        st = e.stat()
                    except OSError:
                        continue  # vanished meanwhile
                    found[e.name[:-5]] = [st.st_size, st.st_mtime_ns]
    except FileNotFoundError:
        pass
    return found


def _read_cache(project: Project) -> tuple[dict[str, _Entry], str]:
    """The cached entries and folded text; nothing if the cache is missing, damaged or was
    written by another version."""
    try:
        data = (project.state_dir / INDEX_NAME).read_bytes()
        newline = data.index(b"\n", 0, 20)
        body = newline + 1 + int(data[:newline])
        header = json.loads(data[newline + 1:body])
        if header.get("annotator") != __version__ or header.get("fold") != FOLD_VERSION:
            return {}, ""
        folded = str(memoryview(data)[body:], "utf-16-le")
        entries = {}
        pos = 0
        for doc_id, size, mtime, title, length in header["documents"]:
            entries[doc_id] = _Entry([size, mtime], title, pos, length)
            pos += length + 1
        if pos - 1 != len(folded) and entries:
            return {}, ""
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return {}, ""  # rebuilt by the caller
    return entries, folded


def kwic(text: str, start: int, end: int, width: int = CONTEXT_CHARS) -> tuple[str, str]:
    """About ``width`` code points of context before ``start`` and after ``end``, cut at a
    space when one is near and never inside a letter's cluster; line breaks become spaces."""
    lo = max(0, start - width)
    if lo > 0:
        space = text.find(" ", lo, start)
        lo = space + 1 if 0 <= space < lo + width // 3 else grapheme_end(text, lo)
    hi = min(len(text), end + width)
    if hi < len(text):
        space = text.rfind(" ", end, hi)
        hi = space if space > hi - width // 3 else grapheme_start(text, hi)
    return (text[lo:start].translate(_LINE_BREAKS), text[end:hi].translate(_LINE_BREAKS))


def search_project(project: Project, query: str, *, label: str | None = None,
                   coder: str | None = None, limit: int | None = None,
                   proclitics: bool = True, whole_word: bool = True,
                   context: int = CONTEXT_CHARS) -> SearchResult:
    """Search every document of ``project`` (see ``SearchIndex.search``); the index cache is
    brought up to date first. For the window's search dialog and ``annotator search``."""
    return SearchIndex.load(project).search(query, label=label, coder=coder, limit=limit,
                                            proclitics=proclitics, whole_word=whole_word,
                                            context=context)
