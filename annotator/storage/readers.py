"""Reading user files as bytes and text, with errors that name the file and the problem.

The input side of the import text policy: text files must be UTF-8 (a UTF-8 BOM is allowed and
left for ``TextPolicy`` to strip). UTF-16/UTF-32, invalid UTF-8, NUL bytes and empty text are
refused with a message the user can act on; nothing here raises anything but ``AnnotatorError``.
"""

from __future__ import annotations

import codecs
import io
import json
import os
import stat
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any, BinaryIO

from annotator.errors import AnnotatorError

UTF8_BOM = codecs.BOM_UTF8
# How much of a file the UTF-16/32 guess looks at: enough to be sure, cheap on big files.
_SNIFF_BYTES = 4096
# C0 controls that never occur in real UTF-8 text in bulk but are every other byte of UTF-16.
_WIDE_CONTROLS = frozenset(range(0x20)) - {0x09, 0x0A, 0x0D}
_WIDE_CONTROL_BYTES = bytes(sorted(_WIDE_CONTROLS))


def read_bytes(path: Path) -> bytes:
    """The whole file, or ``AnnotatorError`` saying why it cannot be read. Opens read-only."""
    with _reading(path):
        with open(path, "rb") as f:
            return f.read()


@contextmanager
def _reading(path: Path) -> Iterator[None]:
    """Turn the ``OSError`` of opening or reading ``path`` into an ``AnnotatorError``."""
    try:
        yield
    except FileNotFoundError:
        raise AnnotatorError(f"{path}: the file does not exist") from None
    except IsADirectoryError:
        raise AnnotatorError(f"{path}: this is a folder, not a file") from None
    except PermissionError:
        raise AnnotatorError(f"{path}: no permission to read this file") from None
    except OSError as exc:
        raise AnnotatorError(f"{path}: cannot read the file ({exc.strerror or exc})") from None


def detect_wide_encoding(data: bytes) -> str | None:
    """``"UTF-16"`` or ``"UTF-32"`` when the bytes look like that encoding, else ``None``.

    A BOM decides at once. Without one, BMP text in UTF-16 puts the high byte of each code unit
    (0x00 for Latin, 0x06 for Arabic) in every other byte; UTF-32 adds two NUL bytes per unit.
    Real UTF-8 text almost never has C0 control bytes in one lane like that.
    """
    if data.startswith((codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE)):
        return "UTF-32"
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return "UTF-16"
    sample = data[:_SNIFF_BYTES]
    if len(sample.translate(None, _WIDE_CONTROL_BYTES)) == len(sample):
        return None  # the common case: plain UTF-8 text, decided in one pass (in C)
    # Too little to judge, or zero-filled (a file damaged by a crash): leave it to the NUL check.
    if len(sample) < 16 or sample.count(0) * 10 >= len(sample) * 9:
        return None
    usable = len(sample) - len(sample) % 4
    units = usable // 4
    # BMP text in UTF-32: the high two bytes of every unit are NUL (LE: lanes 2-3, BE: 0-1).
    for hi in ((2, 3), (0, 1)):
        zeros = sum(1 for i in range(0, usable, 4) if sample[i + hi[0]] == sample[i + hi[1]] == 0)
        if zeros * 10 >= units * 9:
            return "UTF-32"
    usable = len(sample) - len(sample) % 2
    lanes = [sum(1 for b in sample[lane:usable:2] if b in _WIDE_CONTROLS) for lane in (0, 1)]
    # One lane (the high bytes) at least half control bytes, the other (the low bytes) not.
    if any(c * 4 >= usable and other * 4 < usable for c, other in (lanes, lanes[::-1])):
        return "UTF-16"
    return None


def _line_of(data: bytes, offset: int) -> int:
    return data.count(b"\n", 0, offset) + 1


def decode_utf8(data: bytes, source: str, *, offset: int = 0, line: int = 1) -> str:
    """Decode strict UTF-8, refusing UTF-16/32, invalid bytes and NUL bytes (with offsets).

    A UTF-8 BOM is kept in the result; the caller (``TextPolicy`` or the JSON reader) drops it.
    ``offset`` and ``line``: where ``data`` starts in its file, when it is a piece of one (the
    UTF-16/32 guess is made on the piece at the start only).
    """
    wide = detect_wide_encoding(data) if offset == 0 else None
    if wide:
        raise AnnotatorError(f"{source}: looks like {wide}; save it as UTF-8")
    nul = data.find(b"\x00")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        if nul == -1 or exc.start < nul:
            bad = data[exc.start:exc.start + 1].hex().upper()
            raise AnnotatorError(
                f"{source}: not valid UTF-8: byte 0x{bad} at byte offset {offset + exc.start} "
                f"(line {line - 1 + _line_of(data, exc.start)}); save it as UTF-8 (it may be in "
                "a legacy encoding such as Windows-1256)") from None
        text = ""
    if nul != -1:
        raise AnnotatorError(
            f"{source}: contains a NUL byte at byte offset {offset + nul} "
            f"(line {line - 1 + _line_of(data, nul)}); it is not a text file, or it is damaged")
    return text


def decode_text_bytes(data: bytes, source: str) -> str:
    """The text of a document file: UTF-8, no NUL bytes, not empty or only whitespace."""
    if not data:
        raise AnnotatorError(f"{source}: the file is empty")
    text = decode_utf8(data, source)
    if not text.lstrip("\ufeff").strip():
        raise AnnotatorError(f"{source}: the file holds only whitespace, no text")
    return text


def parse_json_text(text: str, source: str) -> Any:
    """Parse JSON text; syntax errors name the line and column, deep nesting is refused."""
    text = text.removeprefix("\ufeff")
    if not text.strip():
        raise AnnotatorError(f"{source}: the file is empty, not JSON")
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        hint = " (the file looks cut off)" if exc.pos >= len(text.rstrip()) else ""
        raise AnnotatorError(
            f"{source}: not valid JSON: {exc.msg} at line {exc.lineno}, column {exc.colno}{hint}"
        ) from None
    except RecursionError:
        raise AnnotatorError(
            f"{source}: the JSON is nested too deeply to read (lists or objects inside each other "
            "thousands of levels deep); the file is damaged or not an annotator file") from None


def read_json_file(path: Path) -> Any:
    """Read, decode and parse a JSON file; every failure is an ``AnnotatorError``."""
    return parse_json_text(decode_utf8(read_bytes(path), str(path)), str(path))


# -- the fast reader of a project's own files ---------------------------------------------------
# Non-blocking: a FIFO where a file should be must not hang the reader.
_FAST_READ = (os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0)
              | getattr(os, "O_BINARY", 0))


def read_regular_file(path: str) -> bytes | None:
    """The bytes of the regular file at ``path``, or None if there is none (missing, or not a
    regular file): one open, fstat and read, with no stat first (for tens of thousands of
    documents and annotation files, as an export reads them). Other errors (no permission)
    raise ``OSError``."""
    try:
        fd = os.open(path, _FAST_READ)
    except FileNotFoundError:
        return None
    except OSError:
        if not _is_file(path):
            return None
        raise
    try:
        st = os.fstat(fd)
        if not stat.S_ISREG(st.st_mode):
            return None
        # One byte more than its size: getting exactly its size means the end.
        data = os.read(fd, st.st_size + 1)
        if len(data) != st.st_size:  # it changed since, or a short read: on to the end
            parts = [data]
            while more := os.read(fd, 1 << 20):
                parts.append(more)
            data = b"".join(parts)
        return data
    finally:
        os.close(fd)


def _loads(data: bytes) -> Any:
    return json.loads(data.decode("utf-8").removeprefix("\ufeff"))


def parse_json_bytes(data: bytes) -> Any:
    """The JSON value of a project file's bytes, parsed as ``read_json_fast`` parses them;
    None when that fails (``read_json_file`` then says why)."""
    try:
        return _loads(data)
    except (UnicodeDecodeError, ValueError, RecursionError):
        return None


def read_json_fast(path: str, data: bytes | None = None) -> Any:
    """``read_json_file`` for the files of a project (``data``: the file's bytes, if read
    already), fast: a strict UTF-8 decode and ``json.loads`` accept exactly the files
    ``read_json_file`` accepts (a BOM aside), and anything else goes to ``read_json_file`` for
    its precise message. (``read_json_file`` first scans for UTF-16, byte by byte in Python; on
    60,000 files that scan alone took longer than an export.)"""
    try:
        if data is None:
            data = read_regular_file(path)
        if data is not None:
            return _loads(data)
    except (OSError, UnicodeDecodeError, ValueError, RecursionError):
        pass
    return read_json_file(Path(path))


def _is_file(path: str) -> bool:
    """``Path(path).is_file()``, without a Path for the common answers."""
    try:
        return stat.S_ISREG(os.stat(path).st_mode)
    except (OSError, ValueError):
        return Path(path).is_file()  # pathlib's rules for what "not there" is, or its error


# -- JSON Lines ---------------------------------------------------------------------------------
@dataclass(frozen=True)
class BadLine:
    """A line of a JSON Lines file that holds no JSON object; ``message`` names the file, the
    line and the problem. ``json`` is False when the line is JSON, only not an object."""

    message: str
    json: bool = False


_BLOCK = 1 << 20


def iter_jsonl(path: Path) -> Iterator[tuple[int, dict[str, Any] | BadLine]]:
    """(line number, object or ``BadLine``) for each non-blank line of a JSON Lines file.

    The file is checked as a whole first, in blocks (memory stays small however big it is): a
    file that is not UTF-8 text (UTF-16, invalid bytes, NUL bytes) raises ``AnnotatorError``
    before any line is yielded, as ``decode_utf8`` words it. Lines are split at LF only (a JSON
    string may hold U+2028), a trailing CR and a leading UTF-8 BOM are dropped, blank lines are
    skipped (and counted). A line that is not JSON, is nested too deeply or holds something
    other than an object comes as a ``BadLine``, and the lines after it are still read.
    """
    with _reading(path):
        yield from _iter_jsonl(lambda: open(path, "rb"), str(path))


def iter_jsonl_bytes(data: bytes, source: str) -> Iterator[tuple[int, dict[str, Any] | BadLine]]:
    """``iter_jsonl`` for a file already in memory (a member of a .zip), named ``source``."""
    yield from _iter_jsonl(lambda: io.BytesIO(data), source)


def _iter_jsonl(open_binary: Callable[[], BinaryIO], source: str
                ) -> Iterator[tuple[int, dict[str, Any] | BadLine]]:
    with open_binary() as f:
        line = 1
        for offset, block in _line_blocks(f):
            decode_utf8(block, source, offset=offset, line=line)
            line += block.count(b"\n")
    n = 0
    try:
        with io.TextIOWrapper(open_binary(), encoding="utf-8-sig", newline="\n") as text:
            for n, raw in enumerate(text, 1):
                if raw.strip():
                    yield n, _jsonl_value(raw, f"{source}: line {n}")
    except UnicodeDecodeError:
        raise AnnotatorError(f"{source}: line {n + 1}: not valid UTF-8 (the file was "
                             "changed while it was read?)") from None


def _jsonl_value(raw: str, where: str) -> dict[str, Any] | BadLine:
    try:
        value = json.loads(raw)
    except json.JSONDecodeError as exc:
        return BadLine(f"{where}: not valid JSON: {exc.msg} at column {exc.colno}")
    except RecursionError:
        return BadLine(f"{where}: the JSON is nested too deeply to read")
    if not isinstance(value, dict):
        return BadLine(f"{where}: expected an object {{...}}, found {kind_of(value)}", json=True)
    return value


def _line_blocks(f: BinaryIO) -> Iterator[tuple[int, bytes]]:
    """(byte offset, bytes) of runs of whole lines of ``f``, about ``_BLOCK`` bytes each (the
    last may lack its LF). A UTF-8 sequence never holds the byte of LF, so each run decodes
    on its own."""
    offset = 0
    rest = bytearray()
    while chunk := f.read(_BLOCK):
        rest += chunk
        cut = rest.rfind(b"\n") + 1
        if cut:
            yield offset, bytes(rest[:cut])
            offset += cut
            del rest[:cut]
    if rest:
        yield offset, bytes(rest)


def kind_of(value: Any) -> str:
    """What a JSON value is, for messages: "a string", "a list", "null"..."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true/false"
    return {str: "a string", int: "a number", float: "a number", list: "a list",
            dict: "an object"}.get(type(value), type(value).__name__)
