"""Import plain documents (no annotations): ``.txt``, ``.json``, ``.jsonl``, ``.csv``, folders of
them, or ``.zip`` archives of them (read in place, as corpora such as SaudiNewsNet ship).

Each record becomes a ``Document`` whose text went through the project's ``TextPolicy`` once.
A bad file or record never stops the batch: it becomes a line in ``ImportResult.problems``
naming the file and the record (or line), and the rest is imported.

Record numbers are 1-based: the position in a JSON array, the line of a JSONL file, the data row
of a CSV file. A record without an id gets ``<file stem>-<record number>`` (``2015-07-21-0001``).
"""

from __future__ import annotations

import copy
import csv
import io
import json
import lzma
import os
import re
import zipfile
import zlib
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import Any

from annotator.core.model import Document
from annotator.core.text import BOM, TextPolicy, is_safe_id, sanitize_id
from annotator.errors import AnnotatorError
from annotator.storage.readers import (
    BadLine,
    decode_text_bytes,
    decode_utf8,
    iter_jsonl,
    iter_jsonl_bytes,
    kind_of,
    parse_json_text,
    read_bytes,
)

SUFFIXES = (".txt", ".json", ".jsonl", ".csv")
# A member of a .zip larger than this unpacked is refused (a damaged or hostile archive could
# claim gigabytes); a real corpus file this big is better unzipped and imported as a file.
ZIP_MEMBER_LIMIT = 512 * 2**20
# Members are unpacked this much at a time, so a lying header costs at most one block extra.
_ZIP_BLOCK = 2**20
TEXT_KEYS = ("text", "content", "body")
# The first of these a record has becomes ``meta["date"]``; the others keep their names.
DATE_KEYS = ("date", "published", "date_extracted")
# Column names a CSV header may spell in any case; they are looked up in lower case.
KNOWN_KEYS = (*TEXT_KEYS, *DATE_KEYS, "id", "title", "url", "source", "author")
# Python's csv module refuses fields over 128 KiB by default; a long report can exceed that.
_CSV_FIELD_LIMIT = 2**31 - 1


@dataclass
class ImportResult:
    documents: list[Document] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    # Where each of ``documents`` came from ("file", "archive.zip:member", "file: record 3").
    sources: list[str] = field(default_factory=list)
    # (source, id) of records whose text is already there under their id (or its -2, -3...).
    already: list[tuple[str, str]] = field(default_factory=list)

    def add(self, document: Document, source: str) -> None:
        self.documents.append(document)
        self.sources.append(source)


class _Ids:
    """Hands out unique ids. Compared without case: ids become file names, and Windows and
    macOS would store ``Doc`` and ``doc`` as one file.

    An id whose text is the same as the one asking (an earlier import of the same file, or the
    same file twice in one batch) is handed back as not new, so a second import adds nothing."""

    def __init__(self, existing: Iterable[str],
                 existing_sha256: Callable[[str], str | None] | None = None) -> None:
        self._taken = {i.casefold(): i for i in existing}
        self._existing_sha256 = existing_sha256
        self._sha256: dict[str, str | None] = {}  # casefolded id -> its text's SHA-256

    def take(self, base: str, sha256: str | None = None) -> tuple[str, bool]:
        """(id, True) for a free id made from ``base``; (id, False) for the id of ``base`` (or
        ``base-2``...) that already holds the text with ``sha256``."""
        if not is_safe_id(base):
            base = "doc"
        candidate, n = base, 2
        while (key := candidate.casefold()) in self._taken:
            if sha256 is not None and self._sha256_of(key) == sha256:
                return self._taken[key], False
            candidate = f"{base}-{n}"
            n += 1
        self._taken[key] = candidate
        self._sha256[key] = sha256
        return candidate, True

    def _sha256_of(self, key: str) -> str | None:
        if key not in self._sha256:
            lookup = self._existing_sha256
            self._sha256[key] = lookup(self._taken[key]) if lookup else None
        return self._sha256[key]


def read_documents(paths: list[Path], policy: TextPolicy, existing_ids: Iterable[str] = (),
                   existing_sha256: Callable[[str], str | None] | None = None) -> ImportResult:
    """Read documents from files, .zip archives and folders (recursively: their
    .txt/.json/.jsonl/.csv/.zip files, sorted, hidden ones skipped). Ids are unique in the
    batch and against ``existing_ids``. A record whose text is already there under its id (in
    the batch, or in the project as ``existing_sha256(id)`` says) goes to ``already``."""
    result = ImportResult()
    ids = _Ids(existing_ids, existing_sha256)
    for path in map(Path, paths):
        if path.is_dir():
            files = _files_in(path)
            if not files:
                result.problems.append(
                    f"{path}: no {', '.join(SUFFIXES)} or .zip files in this folder")
        else:
            files = [path]
        for file in files:
            try:
                _read_file(file, policy, ids, result)
            except AnnotatorError as exc:
                result.problems.append(str(exc))
    return result


def _files_in(folder: Path) -> list[Path]:
    found: list[Path] = []
    for root, dirs, names in os.walk(folder):
        dirs[:] = [d for d in dirs if not d.startswith(".")]
        found.extend(Path(root, n) for n in names
                     if not n.startswith(".")
                     and Path(n).suffix.lower() in (*SUFFIXES, ".zip"))
    return sorted(found, key=lambda p: p.relative_to(folder).parts)


def _read_file(path: Path, policy: TextPolicy, ids: _Ids, result: ImportResult) -> None:
    suffix = path.suffix.lower()
    if suffix == ".zip":
        _read_zip(path, policy, ids, result)
        return
    if suffix not in SUFFIXES:
        if not path.exists():
            raise AnnotatorError(f"{path}: the file does not exist")
        raise AnnotatorError(f"{path}: cannot import {suffix or 'files without an extension'}; "
                             f"use {', '.join(SUFFIXES)} or a .zip of them")
    name = PurePosixPath(path.name)
    if suffix == ".jsonl":  # streamed: a JSON Lines file can be larger than memory wants
        _add_records(_jsonl_records(iter_jsonl(path), str(path), result), name, policy, ids,
                     result)
    else:
        _read_data(read_bytes(path), str(path), name, policy, ids, result)


def _read_zip(path: Path, policy: TextPolicy, ids: _Ids, result: ImportResult) -> None:
    """The .txt/.json/.jsonl/.csv members of a zip archive (as corpora are often shipped), in
    the order a folder of the same files is read (so their ids are the same); each is named
    ``archive.zip:member`` in problems. Nothing is extracted to disk."""
    try:
        archive = zipfile.ZipFile(path)
    except FileNotFoundError:
        raise AnnotatorError(f"{path}: the file does not exist") from None
    except (OSError, zipfile.BadZipFile, EOFError) as exc:
        raise AnnotatorError(f"{path}: not a readable zip archive ({exc})") from None
    with archive:
        members: list[tuple[PurePosixPath, zipfile.ZipInfo]] = []
        nested = 0
        for info in archive.infolist():
            name = PurePosixPath(info.filename.replace("\\", "/"))
            if info.is_dir() or any((p.startswith(".") and p != "..") or p == "__MACOSX"
                                    for p in name.parts):
                continue  # folders, hidden files, macOS resource forks
            suffix = name.suffix.lower()
            if suffix == ".zip":
                nested += 1
            elif suffix in SUFFIXES:
                if name.is_absolute() or ".." in name.parts:
                    result.problems.append(f"{path}:{info.filename}: skipped: an unsafe member "
                                           "name (absolute, or with '..')")
                else:
                    members.append((name, info))
        if not members:
            more = f" ({nested} .zip file(s) inside: unzip it first)" if nested else ""
            raise AnnotatorError(f"{path}: no {', '.join(SUFFIXES)} files in this archive{more}")
        if nested:
            result.problems.append(f"{path}: {nested} .zip file(s) inside were not read "
                                   "(unzip the archive first)")
        for name, info in sorted(members, key=lambda m: m[0].parts):
            source = f"{path}:{name}"
            if info.flag_bits & 0x1:
                result.problems.append(f"{source}: password-protected; unzip it first")
                continue
            if info.file_size > ZIP_MEMBER_LIMIT:
                result.problems.append(f"{source}: {info.file_size:,} bytes unpacked, over "
                                       f"the limit of {ZIP_MEMBER_LIMIT:,}; unzip it first")
                continue
            try:
                data = _read_member(archive, info, source)
            except (OSError, EOFError, zipfile.BadZipFile, zlib.error, lzma.LZMAError,
                    NotImplementedError, RuntimeError, ValueError) as exc:
                result.problems.append(f"{source}: damaged, cannot be unpacked ({exc})")
                continue
            except AnnotatorError as exc:
                result.problems.append(str(exc))
                continue
            try:
                _read_data(data, source, name, policy, ids, result)
            except AnnotatorError as exc:
                result.problems.append(str(exc))


def _read_member(archive: zipfile.ZipFile, info: zipfile.ZipInfo, source: str) -> bytes:
    """A member's bytes, unpacked a block at a time and stopped as soon as they pass the size
    its header states (at most ``ZIP_MEMBER_LIMIT``): a hostile archive can claim 100 bytes
    for gigabytes of data, which must cost one block, not gigabytes.

    The reader is told the member may be larger than stated, so it unpacks the real data
    instead of cutting it at the stated size (and checks its CRC at its real end)."""
    cap = min(info.file_size, ZIP_MEMBER_LIMIT)
    told = copy.copy(info)
    told.file_size = cap + _ZIP_BLOCK + 1
    blocks: list[bytes] = []
    size = 0
    with archive.open(told) as member:
        while block := member.read(_ZIP_BLOCK):
            size += len(block)
            if size > cap:
                raise AnnotatorError(
                    f"{source}: damaged or hostile: unpacks to more than the "
                    f"{info.file_size:,} bytes its header states; not read")
            blocks.append(block)
    if size != info.file_size:
        raise AnnotatorError(f"{source}: damaged, cannot be unpacked (its header states "
                             f"{info.file_size:,} bytes, its data holds {size:,})")
    return b"".join(blocks)


def _read_data(data: bytes, source: str, name: PurePosixPath, policy: TextPolicy, ids: _Ids,
               result: ImportResult) -> None:
    """One file's bytes; ``name`` gives its type (suffix) and default ids (stem)."""
    suffix = name.suffix.lower()
    if suffix == ".txt":
        doc = Document(id="", text=policy.apply(decode_text_bytes(data, source)),
                       meta={"title": name.stem})
        doc.id, new = ids.take(sanitize_id(name.stem, fallback="doc"), doc.sha256)
        if new:
            result.add(doc, source)
        else:
            result.already.append((source, doc.id))
        return
    numbered: Iterable[tuple[int, str, Any]]
    if suffix == ".jsonl":
        numbered = _jsonl_records(iter_jsonl_bytes(data, source), source, result)
    else:
        text = decode_utf8(data, source)
        if suffix == ".json":
            records = _json_records(parse_json_text(text, source), source)
            numbered = ((n, f"{source}: record {n}", rec) for n, rec in enumerate(records, 1))
        else:
            numbered = _csv_records(text, source, result)
    _add_records(numbered, name, policy, ids, result)


def _add_records(numbered: Iterable[tuple[int, str, Any]], name: PurePosixPath,
                 policy: TextPolicy, ids: _Ids, result: ImportResult) -> None:
    stem_id = sanitize_id(name.stem, fallback="doc")
    for n, where, record in numbered:
        doc = _document(record, where, f"{stem_id}-{n:04d}", policy, ids)
        if isinstance(doc, str):
            result.problems.append(doc)
        elif isinstance(doc, Document):
            result.add(doc, where)
        else:
            result.already.append((where, doc[0]))


def _json_records(data: Any, source: str) -> list[Any]:
    if isinstance(data, list):
        return data
    if isinstance(data, dict):
        documents = data.get("documents")
        if isinstance(documents, list):
            return documents
        if any(k in data for k in TEXT_KEYS):
            return [data]  # a single article
    raise AnnotatorError(f'{source}: expected a list of articles or {{"documents": [...]}}, '
                         f"found {kind_of(data)}")


def _jsonl_records(lines: Iterable[tuple[int, Any]], source: str, result: ImportResult
                   ) -> Iterable[tuple[int, str, Any]]:
    """``iter_jsonl`` lines as numbered records; bad lines become problems."""
    for n, record in lines:
        if isinstance(record, BadLine):
            result.problems.append(record.message)
        else:
            yield n, f"{source}: line {n}", record


def _csv_records(text: str, source: str, result: ImportResult
                 ) -> Iterable[tuple[int, str, Any]]:
    text = text.removeprefix(BOM)
    first_line = text.split("\n", 1)[0]
    delimiter = ","
    for candidate in (",", ";", "\t"):
        if any(c.strip().lower() in TEXT_KEYS for c in next(csv.reader([first_line],
                                                                       delimiter=candidate))):
            delimiter = candidate
            break
    old_limit = csv.field_size_limit(_CSV_FIELD_LIMIT)
    try:
        # strict: a quote left open would otherwise swallow the rest of the file silently.
        reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
        try:
            header = next(reader, [])
        except csv.Error as exc:
            raise AnnotatorError(f"{source}: cannot read the CSV header: {exc}") from None
        header = [_column_name(c) for c in header]
        if not any(c in TEXT_KEYS for c in header):
            raise AnnotatorError(
                f"{source}: no text column (expected one named text, content or body); "
                f"found columns: {', '.join(header) or 'none'}")
        n = 0
        while True:
            line = reader.line_num + 1
            try:
                row = next(reader)
            except StopIteration:
                return
            except csv.Error as exc:
                reason = str(exc)
                if "unexpected end of data" in reason:
                    reason = 'a quote (") opened here is never closed'
                result.problems.append(f"{source}: line {line}: cannot read the CSV ({reason}); "
                                       "the rest of the file was skipped")
                return
            if not row:
                continue  # blank line
            n += 1
            where = f"{source}: record {n} (line {line})"
            if len(row) != len(header):
                result.problems.append(f"{where}: has {len(row)} fields but the header has "
                                       f"{len(header)}")
                continue
            record: dict[str, str] = {}
            for name, value in zip(header, row, strict=True):
                record.setdefault(name, value)
            yield n, where, record
    finally:
        csv.field_size_limit(old_limit)


def _column_name(raw: str) -> str:
    name = raw.strip()
    return name.lower() if name.lower() in KNOWN_KEYS else name


def _document(record: Any, where: str, default_id: str, policy: TextPolicy, ids: _Ids
              ) -> Document | str | tuple[str]:
    """The document for one record, the problem that stops it from being imported, or (as a
    1-tuple) the id that already holds its text."""
    if not isinstance(record, dict):
        return f"{where}: expected an object with the article's fields, found {kind_of(record)}"
    text_key = next((k for k in TEXT_KEYS if k in record), None)
    if text_key is None:
        return f"{where}: no text (expected a field named content, text or body)"
    raw_text = record[text_key]
    if not isinstance(raw_text, str):
        return f"{where}: '{text_key}' is {kind_of(raw_text)}, not text"
    text = policy.apply(raw_text)
    text_source = ""
    if _blank(text):
        # Photo stories and video pages come with a headline but no body: keep them (nothing
        # of a corpus vanishes on import) with the headline as their text, and say so in meta.
        title = record.get("title")
        if text_key == "text" or not isinstance(title, str) or not title.strip():
            return f"{where}: the text is empty"
        text, text_source = policy.apply(title), "title"
    nul = text.find("\x00")
    if nul != -1:
        return f"{where}: the text contains a NUL character at position {nul}"
    raw_id = record.get("id")
    if raw_id is None or raw_id == "":
        base = default_id
    elif isinstance(raw_id, str) or (isinstance(raw_id, int) and not isinstance(raw_id, bool)):
        base = sanitize_id(str(raw_id), fallback=default_id)
    else:
        return f"{where}: 'id' must be text or a whole number, not {kind_of(raw_id)}"
    meta = _meta(record, text_key)
    if text_source:
        meta["text_source"] = text_source
        meta[text_key] = raw_text
    try:
        _check_encodable(meta)
        doc = Document(id="", text=text, meta=meta)
    except UnicodeEncodeError as exc:
        return (f"{where}: holds an unpaired surrogate (\\u{ord(exc.object[exc.start]):04x}), "
                "which is not text; the file was written by a broken tool")
    doc.id, new = ids.take(base, doc.sha256)
    if not new:
        return (doc.id,)
    if raw_id not in (None, "") and str(raw_id) != doc.id:
        doc.meta["original_id"] = raw_id
    return doc


# A character that is neither whitespace (as ``str.strip`` sees it) nor a BOM.
_NOT_BLANK = re.compile(r"[^\s\ufeff]")


def _blank(text: str) -> bool:
    """Whether ``text`` is only whitespace and BOMs: found at its first character, where
    stripping it would copy the whole text."""
    return _NOT_BLANK.search(text) is None


def _check_encodable(meta: dict[str, Any]) -> None:
    """``UnicodeEncodeError`` if ``meta`` holds an unpaired surrogate (as JSON's ``\\ud800``
    can make); for fields that are all text (most are), without a JSON dump of them."""
    try:
        "".join(meta).encode("utf-8")
        "".join(meta.values()).encode("utf-8")
    except TypeError:  # numbers, lists, objects: as the file will write them
        json.dumps(meta, ensure_ascii=False).encode("utf-8")


def _meta(record: dict[str, Any], text_key: str) -> dict[str, Any]:
    meta: dict[str, Any] = {}
    date_key = next((k for k in DATE_KEYS if k in record), None)
    for key, value in record.items():
        if key in (text_key, "id"):
            continue
        meta["date" if key == date_key else key] = value
    return meta
