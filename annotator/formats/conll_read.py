"""Reading CoNLL/BIO files: ours (``conll.ConllExporter``: offsets and the exact text) and
other tools' (TOKEN ... TAG; the text is rebuilt with a space between tokens and a line break
between sentences).

What a line is:

- ``#`` lines are comments only where the conventions say: ``# key = value`` lines of CoNLL-U
  and ours (``# text =``, ``# sent_id``, ``# id``, ``# doc_id``, ``# newdoc``...), and a ``#``
  line with no tag column before the first token of a sentence. A line whose token is ``#`` and
  that has a tag (``# O``, Wojood's hashtags) is a token, never a comment.
- Tag columns of other tools' files: the run of BIO tags at the end of each line. One tag per
  line is the common flat layout. Lines with different numbers of tags (Wojood's nested
  layout: a tag for every entity the token is in, outermost first) are nested entities, each
  tag its own span; a tag ``I-X`` goes on with the open ``X`` span whatever its column. When
  every line has the same several tag columns, they may be nested layers or other BIO
  annotations (CoNLL-2003's chunks beside its entities): the file is refused until the option
  ``tag_columns`` says ``all`` (every column a layer) or ``last`` (only the last one).
- A file that is not plausibly CoNLL (JSON, or no line with a tag) is refused, naming it.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any

from annotator.core.text import sanitize_id
from annotator.errors import AnnotatorError
from annotator.formats.registry import SourceDocument, SourceSpan
from annotator.storage.readers import decode_utf8, read_bytes

_INT = re.compile(r"^\d+$")
_PREFIXES = frozenset("BIESLU")
# The comment lines of CoNLL-U (and ours): "# key = value", or "# newdoc" / "# newpar" alone.
_CONVENTION = re.compile(r"^# ?(?:text(?:_\w+)?|sent_id|id|doc_id|coder|newdoc(?: id)?"
                         r"|newpar(?: id)?|global\.columns)(?: = |$)")
TAG_COLUMNS = ("auto", "all", "last")


def read_conll(paths: Sequence[Path], options: Mapping[str, str]) -> Iterator[SourceDocument]:
    """The documents of CoNLL/BIO files; ``options["tag_columns"]``: auto, all or last."""
    mode = options.get("tag_columns", "auto")
    if mode not in TAG_COLUMNS:
        raise ValueError(f"tag_columns must be {', '.join(TAG_COLUMNS)}, not {mode!r}")
    for path in paths:
        text = decode_utf8(read_bytes(path), str(path)).removeprefix("\ufeff")
        _refuse_json(path, text)
        yield from _documents(path, text, mode)


def _refuse_json(path: Path, text: str) -> None:
    """A JSON file (or JSON Lines) given as CoNLL: each line would become a token."""
    head = text.lstrip()
    if not head.startswith(("{", "[")):
        return
    first = head.split("\n", 1)[0]
    for candidate in (first, head):
        try:
            json.loads(candidate)
        except (ValueError, RecursionError):
            continue
        raise AnnotatorError(f"{path}: this is JSON, not CoNLL; import it with the format that "
                             "wrote it (jsonl, doccano, doccano-rel or labelstudio)")


def is_tag(value: str) -> bool:
    """Whether a column holds a BIO tag: O, or a prefix of BIO/IOB1/BIOES/BILOU and a label."""
    if value == "O":
        return True
    prefix, sep, label = value.partition("-")
    return bool(sep and label) and prefix in _PREFIXES


def _columns(line: str) -> list[str]:
    return line.split("\t") if "\t" in line else line.split()


def _is_comment(line: str, sentence_start: bool) -> bool:
    """Whether a line starting with '#' is a comment (see the module doc)."""
    if _CONVENTION.match(line):
        return True
    cols = _columns(line)
    if len(cols) >= 2 and is_tag(cols[-1]):
        return False  # a '#' token with its tag
    return sentence_start


def _tags(cols: list[str]) -> list[str]:
    """The run of BIO tags at the end of a row of another tool's file (not its token); the
    last column if it holds none (a bad tag, reported when decoded)."""
    k = len(cols)
    while k > 1 and is_tag(cols[k - 1]):
        k -= 1
    return (cols[k:] or cols[-1:]) if len(cols) > 1 else []


class _Block:
    def __init__(self, where: str) -> None:
        self.where = where
        self.meta: dict[str, str] = {}
        self.sentences: list[list[list[str]]] = [[]]
        self.ours = False


def _documents(path: Path, text: str, mode: str) -> Iterator[SourceDocument]:
    stem = sanitize_id(path.stem, fallback="conll")
    blocks: list[_Block] = []
    cur: _Block | None = None
    for n, raw in enumerate(text.split("\n"), 1):
        line = raw.rstrip("\r")
        if line.startswith("#") and _is_comment(line, cur is None or not cur.sentences[-1]):
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
        cols = _columns(line)
        cols.append(str(n))  # the line number travels with the row, for messages
        cur.sentences[-1].append(cols)
    foreign: list[list[str]] = []
    for block in blocks:
        block.sentences = [s for s in block.sentences if s]
        rows = [r for s in block.sentences for r in s]
        block.ours = bool(rows) and all(len(r) >= 5 and _INT.match(r[1]) and _INT.match(r[2])
                                        for r in rows)
        if not block.ours:
            foreign += rows
    if foreign and not any(len(r) > 2 and is_tag(r[-2]) for r in foreign):
        raise AnnotatorError(f"{path}: not CoNLL: no line has a tag (O, B-LABEL, I-LABEL...) "
                             "after its token")
    nested = _nested(path, foreign, mode)
    for k, block in enumerate(blocks, 1):
        if block.sentences or "text_json" in block.meta:
            yield _document(block, f"{stem}-{k:04d}", nested)


def _nested(path: Path, rows: list[list[str]], mode: str) -> bool:
    """Whether the tag columns of other tools' rows are read as nested entities (else only the
    last column is); see the module doc."""
    if mode != "auto":
        return mode == "all"
    widths = {len(_tags(r[:-1])) for r in rows}
    if max(widths, default=0) <= 1:
        return False
    if len(widths) > 1:
        return True  # a tag per entity the token is in: nested entities
    raise AnnotatorError(
        f"{path}: every line has {widths.pop()} tag columns: nested layers, or other BIO "
        "annotations beside the entities (chunks)? Say which with --option tag_columns=all "
        "(each column a layer of nested spans) or --option tag_columns=last (only the last)")


def _document(block: _Block, default_id: str, nested: bool) -> SourceDocument:
    problems: list[str] = []
    rows = [r for s in block.sentences for r in s]
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
    if text is not None and (block.ours or not rows):
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
                if block.ours:
                    tag_rows.append(r[3:-1])
                else:
                    tags = _tags(r[:-1])
                    tag_rows.append((tags if nested else tags[-1:]) or ["O"])
        text = "".join(parts)
    if nested and not block.ours:
        found = _decode_nested(tag_rows, offsets, breaks, block.where, problems)
    else:
        found = _decode_columns(tag_rows, offsets, breaks, block.where, problems)
    spans = [SourceSpan(f"c{k}", s, e, label, text[s:e])
             for k, (s, e, label) in enumerate(found, 1)]
    doc_id = block.meta.get("doc_id") or default_id
    return SourceDocument(id=doc_id, text=text, where=block.where, spans=spans,
                          coder=block.meta.get("coder"), problems=problems)


def _parse(tag: str, where: str, problems: list[str]) -> tuple[str, str] | None:
    """(prefix, label) of a tag; None for O, and for a bad tag (reported, read as O)."""
    if tag == "O":
        return None
    if not is_tag(tag):
        problems.append(f"{where}: tag {tag!r} is not O or PREFIX-LABEL; read as O")
        return None
    prefix, _, label = tag.partition("-")
    return prefix, label


def _decode_columns(tag_rows: list[list[str]], offsets: list[tuple[int, int]],
                    breaks: set[int], where: str, problems: list[str]
                    ) -> list[tuple[int, int, str]]:
    """Spans from BIO (also IOB1, BIOES/BILOU) tag columns, each column a layer of its own;
    one pass per column."""
    found: list[tuple[int, int, str]] = []
    columns = max((len(r) for r in tag_rows), default=0)
    for c in range(columns):
        current: list[Any] | None = None  # [start, end, label] of the open span
        for i, row in enumerate(tag_rows):
            s, e = offsets[i]
            if current is not None and (i in breaks or s < 0):
                found.append((current[0], current[1], current[2]))
                current = None
            if s < 0:
                continue
            parsed = _parse(row[c] if c < len(row) else "O", where, problems)
            if parsed is None:
                if current is not None:
                    found.append((current[0], current[1], current[2]))
                current = None
                continue
            prefix, label = parsed
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
    return found


def _decode_nested(tag_rows: list[list[str]], offsets: list[tuple[int, int]],
                   breaks: set[int], where: str, problems: list[str]
                   ) -> list[tuple[int, int, str]]:
    """Spans from rows holding a tag for every entity the token is in: ``I-X`` (or ``E-X``)
    goes on with an open ``X`` span (the outermost first, whatever its column), ``B-X`` starts
    one; an open span no tag of the row goes on with ends before the row."""
    found: list[tuple[int, int, str]] = []
    open_spans: list[list[Any]] = []  # [start, end, label], outermost first
    for i, row in enumerate(tag_rows):
        s, e = offsets[i]
        if i in breaks:
            found += [(a, b, lab) for a, b, lab in open_spans]
            open_spans = []
        waiting = list(open_spans)  # open spans no tag of this row has gone on with yet
        still_open: list[list[Any]] = []
        for tag in row:
            parsed = _parse(tag, where, problems)
            if parsed is None:
                continue
            prefix, label = parsed
            span = None
            if prefix in ("I", "E", "L"):
                span = next((sp for sp in waiting if sp[2] == label), None)
                if span is not None:
                    waiting.remove(span)
                    span[1] = e
            if span is None:
                span = [s, e, label]  # B-, S-, U-, or I- with nothing open to go on with
            if prefix in ("S", "U", "E", "L"):
                found.append((span[0], span[1], span[2]))
            else:
                still_open.append(span)
        found += [(a, b, lab) for a, b, lab in waiting]
        open_spans = still_open
    found += [(a, b, lab) for a, b, lab in open_spans]
    return found
