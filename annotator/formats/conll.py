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
"""

from __future__ import annotations

import json
import re
import sys
import tempfile
import unicodedata
from array import array
from bisect import bisect_left, bisect_right
from collections.abc import Iterator, Mapping, Sequence
from functools import cache
from pathlib import Path
from typing import Any

from annotator.core.model import AnnotationSet, Document, Span
from annotator.core.text import sanitize_id
from annotator.formats.registry import (
    Exporter,
    FileWriter,
    OutputSink,
    SourceDocument,
    SourceSpan,
)
from annotator.storage.readers import decode_utf8, read_bytes

HEADER = "# annotator CoNLL export: columns = TOKEN START END"
_INT = re.compile(r"^\d+$")


def _ranges(pred: Any, lo: int = 0, hi: int = sys.maxunicode) -> str:
    """A regex character class body for every code point in ``lo..hi`` where ``pred`` holds."""
    out: list[str] = []
    start = None
    for cp in range(lo, hi + 2):
        ok = cp <= hi and pred(chr(cp))
        if ok and start is None:
            start = cp
        elif not ok and start is not None:
            a, b = chr(start), chr(cp - 1)
            out.append(re.escape(a) if start == cp - 1 else f"{re.escape(a)}-{re.escape(b)}")
            start = None
    return "".join(out)


@cache
def token_pattern() -> re.Pattern[str]:
    """Words (with their combining marks) or one symbol with what attaches to it.

    The word class holds only BMP marks: with astral ranges in it ``re`` can no longer use a
    bitmap and matching gets twice as slow. An astral combining mark (historic scripts,
    musical notation) therefore starts a token of its own.
    """
    def is_mark(c: str) -> bool:
        return unicodedata.category(c).startswith("M")

    marks = _ranges(is_mark, 0, 0xFFFF)
    astral_marks = _ranges(is_mark, 0x10000)
    # Format characters (RLM, LRM, ALM, bidi embeddings, soft hyphen...) separate tokens,
    # except ZWNJ/ZWJ which belong inside a word or an emoji sequence.
    invisible = _ranges(lambda c: unicodedata.category(c) == "Cf" and c not in "\u200c\u200d")
    attach = f"{marks}{astral_marks}\U0001f3fb-\U0001f3ff"
    word = rf"[\w{marks}\u200c\u200d]+"
    symbol = rf"[^\s\w{marks}{invisible}\u200c\u200d](?:[{attach}]|\u200d[^\s{invisible}])*"
    return re.compile(f"{word}|{symbol}")


def tokenize(text: str, boundaries: Sequence[int] = ()) -> list[tuple[int, int]]:
    """``(start, end)`` of every token, split at each offset in ``boundaries`` (sorted)."""
    tokens = [m.span() for m in token_pattern().finditer(text)]
    if not boundaries or not tokens:
        return tokens
    starts = [s for s, _ in tokens]
    cuts: dict[int, list[int]] = {}
    for b in boundaries:  # a few dozen boundaries against hundreds of tokens
        i = bisect_right(starts, b) - 1
        if i >= 0 and tokens[i][0] < b < tokens[i][1]:
            cuts.setdefault(i, []).append(b)
    if not cuts:
        return tokens
    out: list[tuple[int, int]] = []
    prev = 0
    for i in sorted(cuts):
        out += tokens[prev:i]
        s, e = tokens[i]
        for b in cuts[i]:
            out.append((s, b))
            s = b
        out.append((s, e))
        prev = i + 1
    out += tokens[prev:]
    return out


_LINE_BREAK = re.compile(r"[\r\n]+")
_ROW_END = re.compile(r"(?<=[^\n])\n")  # the end of a non-empty line


def layers_of(spans: Sequence[Span]) -> list[list[Span]]:
    """Spans in columns: each in the first column where it overlaps nothing (longest first)."""
    layers: list[list[Span]] = []
    ends: list[int] = []
    for sp in sorted(spans, key=lambda s: (s.start, -s.end, s.label, s.id)):
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

    def render(self, document: Document, sets: Sequence[AnnotationSet],
               files: FileWriter) -> list[tuple[str, int]]:
        return [self._block(document, aset) for aset in sets]

    def open(self, sink: OutputSink) -> None:
        # Blocks are written to a scratch file first: the number of tag columns (the deepest
        # nesting of the whole export) is only known at the end, and every row gets them all.
        self._sink = sink
        self._scratch = tempfile.TemporaryFile()
        self._blocks = array("q")  # per block: end offset in scratch, tag columns
        self._columns = 1

    def write(self, payload: list[tuple[str, int]]) -> None:
        for block, columns in payload:
            self._scratch.write(block.encode("utf-8"))
            self._blocks.append(self._scratch.tell())
            self._blocks.append(columns)
            self._columns = max(self._columns, columns)

    def _block(self, document: Document, aset: AnnotationSet) -> tuple[str, int]:
        text = document.text
        where = f"{document.id}/{aset.coder}"
        if aset.events:
            self.losses.add("events (CoNLL holds span tags only)", where, len(aset.events))
        if aset.fields:
            self.losses.add("document fields (CoNLL holds span tags only)", where)
        notes = sum(1 for s in aset.spans if s.note)
        if notes:
            self.losses.add("span notes", where, notes)
        bounds = sorted({b for s in aset.spans for b in (s.start, s.end)})
        tokens = tokenize(text, bounds)
        starts = [s for s, _ in tokens]
        layers = layers_of(aset.spans) or [[]]
        width = len(layers)
        tagged: dict[int, list[str]] = {}  # only tokens inside a span differ from all-O
        open_until: dict[int, int] = {}  # a span covering token k continues to this offset
        for li, layer in enumerate(layers):
            for sp in layer:
                # Tokens are cut at every span boundary, so the tokens starting inside the
                # span are exactly the ones it covers.
                i, j = bisect_left(starts, sp.start), bisect_left(starts, sp.end)
                if i == j:
                    self.losses.add("span over whitespace or invisible characters only (no "
                                    "token to tag)", f"{where}/{sp.id}")
                for k in range(i, j):
                    row = tagged.get(k)
                    if row is None:
                        row = tagged[k] = ["O"] * width
                    row[li] = ("I-" if k > i else "B-") + sp.label
                    if open_until.get(k, 0) < sp.end:
                        open_until[k] = sp.end
        blank = "\t".join(["O"] * width)
        lines = [f"{text[s:e]}\t{s}\t{e}\t{blank}" for s, e in tokens]
        for k, row in tagged.items():
            s, e = tokens[k]
            lines[k] = f"{text[s:e]}\t{s}\t{e}\t" + "\t".join(row)
        # A line break ends a sentence (a blank line), unless a span goes on across it.
        breaks = []
        for m in _LINE_BREAK.finditer(text):
            k = bisect_left(starts, m.end())
            if 0 < k < len(tokens) and tokens[k - 1][1] <= m.start() \
                    and open_until.get(k - 1, 0) <= tokens[k - 1][1]:
                breaks.append(k)
        for k in reversed(breaks):
            lines.insert(k, "")
        head = (f"# doc_id = {document.id}\n# coder = {aset.coder}\n"
                f"# text_json = {json.dumps(text, ensure_ascii=False)}\n")
        return head + "\n".join(lines) + "\n\n", width

    def close(self) -> None:
        out = self._sink.stream(f"{self.prefix}data.conll")
        cols = " ".join(f"TAG_{i}" for i in range(1, self._columns + 1))
        out.write(f"{HEADER} {cols}; offsets in code points\n\n")
        scratch = self._scratch
        scratch.seek(0)
        pos = 0
        for k in range(0, len(self._blocks), 2):
            end, columns = self._blocks[k], self._blocks[k + 1]
            block = scratch.read(end - pos).decode("utf-8")
            pos = end
            if columns < self._columns:
                # Pad token rows only: the three comment lines come first, blank lines stay.
                head, body = block.split("\n", 3)[:3], block.split("\n", 3)[3]
                block = "\n".join(head) + "\n" + _ROW_END.sub(
                    "\tO" * (self._columns - columns) + "\n", body)
            out.write(block)
        scratch.close()


# -- import -----------------------------------------------------------------------------------
def read_conll(paths: Sequence[Path], options: Mapping[str, str]) -> Iterator[SourceDocument]:
    """CoNLL/BIO files: ours (offsets, exact text) or others' (TOKEN ... TAG, text rebuilt
    with a space between tokens and a line break between sentences)."""
    for path in paths:
        text = decode_utf8(read_bytes(path), str(path)).removeprefix("\ufeff")
        yield from _documents(path, text)


class _Block:
    def __init__(self, where: str) -> None:
        self.where = where
        self.meta: dict[str, str] = {}
        self.sentences: list[list[list[str]]] = [[]]


def _documents(path: Path, text: str) -> Iterator[SourceDocument]:
    stem = sanitize_id(path.stem, fallback="conll")
    blocks: list[_Block] = []
    cur: _Block | None = None
    for n, raw in enumerate(text.split("\n"), 1):
        line = raw.rstrip("\r")
        if line.startswith("# "):
            key, sep, value = line[2:].partition(" = ")
            if sep and key == "doc_id":
                cur = _Block(f"{path}: line {n}")
                blocks.append(cur)
            if sep and cur is not None and key in ("doc_id", "coder", "text_json"):
                cur.meta[key] = value
            continue
        if line.startswith("-DOCSTART-"):
            cur = _Block(f"{path}: line {n}")
            blocks.append(cur)
            continue
        if not line.strip():
            if cur is not None and cur.sentences[-1]:
                cur.sentences.append([])
            continue
        if cur is None:
            cur = _Block(f"{path}: line {n}")
            blocks.append(cur)
        cols = line.split("\t") if "\t" in line else line.split()
        cols.append(str(n))  # the line number travels with the row, for messages
        cur.sentences[-1].append(cols)
    for k, block in enumerate(blocks, 1):
        block.sentences = [s for s in block.sentences if s]
        if block.sentences or "text_json" in block.meta:
            yield _document(block, f"{stem}-{k:04d}")


def _document(block: _Block, default_id: str) -> SourceDocument:
    problems: list[str] = []
    rows = [r for s in block.sentences for r in s]
    ours = bool(rows) and all(len(r) >= 5 and _INT.match(r[1]) and _INT.match(r[2])
                              for r in rows)
    text: str | None = None
    if "text_json" in block.meta:
        try:
            loaded = json.loads(block.meta["text_json"])
            text = loaded if isinstance(loaded, str) else None
        except json.JSONDecodeError:
            text = None
        if text is None:
            problems.append(f"{block.where}: '# text_json' is not a JSON string; the text was "
                            "rebuilt from the tokens")
    offsets: list[tuple[int, int]] = []
    tag_rows: list[list[str]] = []
    breaks: set[int] = set()  # row indexes that start a sentence
    if text is not None and (ours or not rows):
        for r in rows:
            s, e = int(r[1]), int(r[2])
            if text[s:e] != r[0]:
                problems.append(f"{block.where}: line {r[-1]}: token {r[0]!r} is not the text "
                                f"at {s}-{e} ({text[s:e]!r}); its tags were not imported")
                offsets.append((-1, -1))
            else:
                offsets.append((s, e))
            tag_rows.append(r[3:-1])
    else:
        parts: list[str] = []
        pos = 0
        for si, sentence in enumerate(block.sentences):
            if si:
                parts.append("\n")
                pos += 1
                breaks.add(len(offsets))
            for ti, r in enumerate(sentence):
                if ti:
                    parts.append(" ")
                    pos += 1
                parts.append(r[0])
                offsets.append((pos, pos + len(r[0])))
                pos += len(r[0])
                tag_rows.append(r[3:-1] if ours else ([r[-2]] if len(r) > 2 else ["O"]))
        text = "".join(parts)
    spans = _decode_bio(tag_rows, offsets, text, breaks, block.where, problems)
    doc_id = block.meta.get("doc_id") or default_id
    return SourceDocument(id=doc_id, text=text, where=block.where, spans=spans,
                          coder=block.meta.get("coder"), problems=problems)


def _decode_bio(tag_rows: list[list[str]], offsets: list[tuple[int, int]], text: str,
                breaks: set[int], where: str, problems: list[str]) -> list[SourceSpan]:
    """Spans from BIO (also IOB1, BIOES/BILOU) tag columns; one pass per column."""
    found: list[tuple[int, int, str]] = []
    columns = max((len(r) for r in tag_rows), default=0)
    for c in range(columns):
        current: list[Any] | None = None  # [start, end, label] of the open span
        for i, row in enumerate(tag_rows):
            tag = row[c] if c < len(row) else "O"
            s, e = offsets[i]
            if current is not None and (i in breaks or s < 0):
                found.append((current[0], current[1], current[2]))
                current = None
            if s < 0:
                continue
            prefix, _, label = tag.partition("-")
            if tag == "O" or not label or prefix not in ("B", "I", "E", "S", "L", "U"):
                if tag != "O":
                    problems.append(f"{where}: tag {tag!r} is not O or PREFIX-LABEL; read as O")
                if current is not None:
                    found.append((current[0], current[1], current[2]))
                current = None
                continue
            if prefix in ("B", "S", "U") or current is None or current[2] != label:
                if current is not None:
                    found.append((current[0], current[1], current[2]))
                current = [s, e, label]
            current[1] = e
            if prefix in ("S", "U", "E", "L"):
                found.append((current[0], current[1], current[2]))
                current = None
        if current is not None:
            found.append((current[0], current[1], current[2]))
    return [SourceSpan(f"c{k}", s, e, label, text[s:e])
            for k, (s, e, label) in enumerate(found, 1)]
