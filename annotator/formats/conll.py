"""CoNLL BIO span tagging: one token per line with its character offsets and tag columns.

Layout (tab-separated, UTF-8, LF)::

    # annotator CoNLL export: columns = TOKEN START END TAG_1 ... TAG_n
    # doc_id = d1
    # coder = amira
    # text_json = "the document text as a JSON string"
    هاجم	0	4	B-TRIGGER	O
    ...
    <blank line between lines of text, and between documents>

``START``/``END`` are code-point offsets of the token in the document text. Tokens are words
(letters, digits and the marks on them: harakat stay on their letter) and single symbols (an
emoji keeps its modifiers and ZWJ sequence); whitespace and invisible format characters (RLM,
LRM, ...) separate tokens. A span boundary inside a token splits the token there, so every span
is exactly a run of whole tokens and no entity is lost or moved. Nested or overlapping spans go
into extra tag columns (``TAG_2``...): each span sits in the first column where it overlaps
nothing; every row has the same number of columns. A line break never ends a sentence inside a
span. Events, fields and notes cannot be expressed and are counted in the dataset card.
Reading these files (and other tools' CoNLL) is ``conll_read``.
"""

from __future__ import annotations

import codecs
import contextlib
import re
import tempfile
from array import array
from bisect import bisect_left
from collections.abc import Iterator, Sequence
from itertools import compress, repeat
from json.encoder import encode_basestring as _json_string
from operator import attrgetter, gt, le, lt, ne, sub
from typing import IO

from annotator.core.codebook import Codebook
from annotator.core.model import AnnotationSet, Document, Span
from annotator.core.tokens import cut_tokens, inside_a_token, splitter, tokens
from annotator.core.tokens import tokenize as tokenize  # the export's tokens, for its tests
from annotator.formats.registry import (
    Exporter,
    FileWriter,
    Losses,
    OutputSink,
)

HEADER = "# annotator CoNLL export: columns = TOKEN START END"
_START, _END, _NOTE = attrgetter("start"), attrgetter("end"), attrgetter("note")
_LABEL = attrgetter("label")
_INT = re.compile(r"^\d+$")
_PREFIXES = frozenset("BIESLU")


_LINE_BREAK = re.compile(r"[\r\n]+")


def _line_breaks(text: str) -> Iterator[tuple[int, int]]:
    """``(start, end)`` of each run of line breaks (``_LINE_BREAK``'s matches): found with
    ``str.find`` when the text has no CR, which is quicker than the regex over every code
    point."""
    if "\r" in text:
        for m in _LINE_BREAK.finditer(text):
            yield m.span()
        return
    find = text.find
    i = find("\n")
    while i >= 0:
        j = i + 1
        while text.startswith("\n", j):
            j += 1
        yield i, j
        i = find("\n", j)


def layers_of(spans: Sequence[Span]) -> list[list[Span]]:
    """Spans in columns: each in the first column where it overlaps nothing (longest first)."""
    starts = list(map(_START, spans))
    if all(map(lt, starts, starts[1:])) and all(map(le, map(_END, spans), starts[1:])):
        return [list(spans)] if spans else []  # in order, none overlaps the next: one column
    order = sorted(spans, key=lambda s: (s.start, -s.end, s.label, s.id))
    if all(map(le, map(_END, order[:-1]), map(_START, order[1:]))):
        return [order]  # no span overlaps the next: one column
    layers: list[list[Span]] = []
    ends: list[int] = []
    for sp in order:
        for i, end in enumerate(ends):
            if end <= sp.start:
                layers[i].append(sp)
                ends[i] = sp.end
                break
        else:
            layers.append([sp])
            ends.append(sp.end)
    return layers


class ConllExporter(Exporter):
    offset_unit = "codepoint"
    notes = ("Columns: TOKEN START END then one BIO tag column per nesting level; START/END "
             "are code points; '# text_json' holds each document's exact text.",
             "Tokens are split at span boundaries, so every span is a run of whole tokens.")

    def __init__(self, codebook: Codebook, losses: Losses, prefix: str = "") -> None:
        super().__init__(codebook, losses, prefix)
        # The most tag columns this exporter has rendered: later blocks are rendered that wide
        # already (all-O columns), so that ``write`` seldom has to pad a block or start the
        # file again. Which blocks come back wider depends on the slice a worker got; the
        # file does not (every row ends up with the export's widest nesting).
        self._widest = 1
        self._b_tags: dict[str, str] = {}  # label -> B-label
        self._i_tags: dict[str, str] = {}  # label -> I-label

    def render(self, document: Document, sets: Sequence[AnnotationSet],
               files: FileWriter) -> list[tuple[str, int]]:
        return [self._block(document, aset) for aset in sets]

    def pack(self, payload: list[tuple[str, int]]) -> list[tuple[bytes, int]]:
        """The blocks as UTF-8, for ``write``: encoded where they are rendered (a worker
        process), they cross to the exporting process as bytes, which it writes as they are."""
        return [(block.encode("utf-8"), columns) for block, columns in payload]

    def open(self, sink: OutputSink) -> None:
        # The header names every tag column, and every row has them all: the deepest nesting
        # of the whole export. Blocks are written as they come, padded to the widest so far;
        # when one nests deeper, the file is written again from the start at the new width
        # (``_widen``: rare, and early, as workers render blocks as wide as they have seen).
        stream = getattr(sink, "rewritable_stream", None)
        path = f"{self.prefix}data.conll"
        self._out = stream(path) if stream is not None else _ScratchStream(sink, path)
        self._ends = array("q")  # end of each block in the file, counted after the header
        self._columns = 0  # tag columns of the file so far; 0: nothing written yet
        self._head = 0  # length of the header
        # Build the token pattern here, in the exporting process, before any worker starts:
        # a forked worker then has it already.
        splitter()

    def write(self, payload: list[tuple[str, int]] | list[tuple[bytes, int]]) -> None:
        out = self._out
        for block, columns in payload:
            data = block if isinstance(block, bytes) else block.encode("utf-8")
            if columns > self._columns:
                self._widen(columns)
            elif columns < self._columns:
                data = _pad(data, b"\tO" * (self._columns - columns))
            out.write_bytes(data)
            self._ends.append((self._ends[-1] if self._ends else 0) + len(data))

    def _widen(self, columns: int) -> None:
        """Write the header for ``columns`` tag columns, and the blocks so far padded to it."""
        head = _header(columns)
        if not self._columns:
            self._out.write_bytes(head)
        else:
            pad = b"\tO" * (columns - self._columns)
            ends = array("q")
            with self._out.restart() as old:
                self._out.write_bytes(head)
                old.seek(self._head)
                start = size = 0
                for end in self._ends:
                    data = _pad(old.read(end - start), pad)
                    self._out.write_bytes(data)
                    size += len(data)
                    ends.append(size)
                    start = end
            self._ends = ends
        self._columns, self._head = columns, len(head)

    def _block(self, document: Document, aset: AnnotationSet) -> tuple[str, int]:
        text = document.text
        where = f"{document.id}/{aset.coder}"
        if aset.events:
            self.losses.add("events (CoNLL holds span tags only)", where, len(aset.events))
        if aset.fields:
            self.losses.add("document fields (CoNLL holds span tags only)", where)
        spans = aset.spans
        notes = sum(map(bool, map(_NOTE, spans)))
        if notes:
            self.losses.add("span notes", where, notes)
        words, starts, ends = tokens(text)
        # The token at or after each span's start, then end (``at``): what tagging needs, and
        # what shows whether a span edge falls inside a token, which is then cut there.
        at: list[int] | None = None
        if spans and words:
            edges = [*map(_START, spans), *map(_END, spans)]
            at = list(map(bisect_left, repeat(starts), edges))
            if inside_a_token(edges, at, ends):
                cut_tokens(text, words, starts, ends, sorted(set(edges)))
                at = None  # the tokens changed
        n = len(words)
        layers = layers_of(spans) or [[]]
        if at is not None and (len(layers) != 1 or layers[0] != spans):
            at = None  # not one column in the spans' own order: each layer looks its tokens up
        width = self._widest = max(len(layers), self._widest)
        # One tag column per nesting level, each tag with the tab before it. Tokens are cut at
        # every span boundary, so the tokens starting inside a span are exactly the ones it
        # covers; a span covering token k goes on past it when the next token is inside it too
        # (I- there) or when the span ends after the token (``overhang``): then a line break
        # after k ends no sentence.
        columns: list[list[str]] = []
        overhang: set[int] = set()
        for layer in layers:
            column = ["\tO"] * n
            if at is not None:
                firsts, stops = at[:len(layer)], at[len(layer):]
            else:
                firsts = list(map(bisect_left, repeat(starts), map(_START, layer)))
                stops = list(map(bisect_left, repeat(starts), map(_END, layer)))
            if any(map(le, stops, firsts)):  # a span without a token: one by one, to say so
                self._tag_one_by_one(layer, starts, ends, column, overhang, where)
                columns.append(column)
                continue
            # The spans of a layer do not overlap, so neither do their tokens: every B- tag
            # in one go, then the I- tags of the spans longer than a token.
            labels = list(map(_LABEL, layer))
            for label in set(labels).difference(self._b_tags):
                self._b_tags[label], self._i_tags[label] = "\tB-" + label, "\tI-" + label
            # (any() runs the map to its end: __setitem__ returns None.)
            any(map(column.__setitem__, firsts, map(self._b_tags.__getitem__, labels)))
            lasts = list(map(sub, stops, repeat(1)))
            for k in compress(range(len(layer)), map(ne, lasts, firsts)):
                inside = lasts[k] - firsts[k]
                column[firsts[k] + 1:stops[k]] = [self._i_tags[labels[k]]] * inside
            last_ends = map(ends.__getitem__, lasts)
            overhang.update(compress(lasts, map(gt, map(_END, layer), last_ends)))
            columns.append(column)
        columns += [["\tO"] * n] * (width - len(columns))
        # A row ends with a line break; a line break of the text ends a sentence (one more,
        # making a blank line), unless a span goes on across it. The last row ends the block.
        row_ends = ["\n"] * n
        for start, end in _line_breaks(text):
            k = bisect_left(starts, end)
            if 0 < k < n and ends[k - 1] <= start and k - 1 not in overhang \
                    and not any(column[k].startswith("\tI-") for column in columns):
                row_ends[k - 1] += "\n"
        if n:
            row_ends[-1] = "\n\n"
        # TOKEN, \tSTART, \tEND, \tTAG..., row end: every row at once, one join, no loop per
        # row.
        stride = 4 + width
        cells = [""] * (stride * n)
        cells[0::stride] = words
        cells[1::stride] = _numerals(starts)
        cells[2::stride] = _numerals(ends)
        for c, column in enumerate(columns, 3):
            cells[c::stride] = column
        cells[stride - 1::stride] = row_ends
        head = (f"# doc_id = {document.id}\n# coder = {aset.coder}\n"
                f"# text_json = {_json_string(text)}\n")
        return head + ("".join(cells) if n else "\n\n"), width

    def _tag_one_by_one(self, layer: list[Span], starts: list[int], ends: list[int],
                        column: list[str], overhang: set[int], where: str) -> None:
        for sp in layer:
            i, j = bisect_left(starts, sp.start), bisect_left(starts, sp.end)
            if j <= i:
                if i == j:
                    self.losses.add("span over whitespace or invisible characters only "
                                    "(no token to tag)", f"{where}/{sp.id}")
                continue
            column[i] = "\tB-" + sp.label
            if j - i > 1:
                column[i + 1:j] = ["\tI-" + sp.label] * (j - i - 1)
            if sp.end > ends[j - 1]:
                overhang.add(j - 1)

    def close(self) -> None:
        if not self._columns:  # no block: the header alone
            self._widen(1)
        if isinstance(self._out, _ScratchStream):
            self._out.copy_to_sink()


def _header(columns: int) -> bytes:
    cols = " ".join(f"TAG_{i}" for i in range(1, columns + 1))
    return f"{HEADER} {cols}; offsets in code points\n\n".encode()


class _ScratchStream:
    """For a sink without ``rewritable_stream``: the file is put together in a scratch file
    and copied into the sink's stream at the end."""

    def __init__(self, sink: OutputSink, path: str) -> None:
        self._sink, self._path = sink, path
        self._fh: IO[bytes] = tempfile.TemporaryFile()

    def write_bytes(self, data: bytes) -> None:
        self._fh.write(data)

    @contextlib.contextmanager
    def restart(self) -> Iterator[IO[bytes]]:
        old, self._fh = self._fh, tempfile.TemporaryFile()
        old.seek(0)
        with old:
            yield old

    def copy_to_sink(self) -> None:
        out = self._sink.stream(self._path)
        decoder = codecs.getincrementaldecoder("utf-8")()
        self._fh.seek(0)
        with self._fh:
            while data := self._fh.read(1 << 20):
                out.write(decoder.decode(data))
            out.write(decoder.decode(b"", final=True))


# The cells of the offsets of most documents, looked up instead of converted one by one.
_NUMERALS = [f"\t{i}" for i in range(1 << 14)]


def _numerals(offsets: list[int]) -> list[str]:
    """``["\t" + str(o) for o in offsets]`` (ascending offsets): the cell of each."""
    if offsets and offsets[-1] < len(_NUMERALS):
        return list(map(_NUMERALS.__getitem__, offsets))
    return list(map("\t{}".format, offsets))



def _pad(block: bytes, pad: bytes) -> bytes:
    """``block`` with ``pad`` (more O columns) at the end of each token row: not on its three
    comment lines, not on blank lines. (No row starts with a tab: a token is never empty.)"""
    head_end = block.index(b"\n", block.index(b"\n", block.index(b"\n") + 1) + 1) + 1
    body = block[head_end:]
    rows = body.lstrip(b"\n")  # newlines at the very start end no row
    lead = len(body) - len(rows)
    # Pad every line end, then take the pad off again after a line end (a blank line).
    padded = rows.replace(b"\n", pad + b"\n").replace(b"\n" + pad, b"\n")
    return block[:head_end + lead] + padded
