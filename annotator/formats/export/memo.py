"""The memo of annotation files that passed the checks, read and written beside an export.

The check of an annotation file is skipped when the memo
(``PROJECT/.annotator/clean-annotations.tsv``, see ``storage.validate``) holds the digest of
the very bytes just read, with the same document text, codebook and checks; the memo is read
and written again beside the export, in document order, so it is never held whole.
"""

from __future__ import annotations

from contextlib import ExitStack
from typing import IO

from annotator.errors import AnnotatorError
from annotator.formats.export.staging import Refused
from annotator.storage.atomic import atomic_open
from annotator.storage.project import Project
from annotator.storage.validate import CLEAN_HEADER, CLEAN_NAME, clean_line, iter_clean

# A chunk's slice of the memo of files that passed the checks: {document id: {coder: digest}}.
Memo = dict[str, dict[str, bytes]]


class MemoFile:
    """The memo of annotation files that passed the checks (see ``storage.validate``), read
    beside the export and written again as it goes, both in document order: ``slice`` gives
    a chunk its part of the memo as the chunk is handed out, ``write`` takes the chunk's new
    part as it comes back, ``finish`` puts the new memo in place if anything changed. Only a
    few chunks' slices are held at a time, however large the project."""

    def __init__(self, project: Project) -> None:
        self._entries = iter_clean(project)
        self._next = next(self._entries, None)
        self.changed = False
        self._stack: ExitStack | None = ExitStack()
        self._out: IO[bytes] | None = None
        try:
            project.state_dir.mkdir(exist_ok=True)
            self._out = self._stack.enter_context(
                atomic_open(project.state_dir / CLEAN_NAME, "wb"))
            self._out.write(CLEAN_HEADER)
        except (OSError, AnnotatorError):
            # A project that cannot be written: its memo is still read, not written again.
            self._drop()

    def slice(self, doc_ids: list[str]) -> Memo:
        """The old memo's entries of ``doc_ids`` (the next documents, in order); entries of
        documents no longer in the project are dropped on the way."""
        wanted = set(doc_ids)
        found: Memo = {}
        while self._next is not None and self._next[0] <= doc_ids[-1]:
            doc_id, coder, digest = self._next
            if doc_id in wanted:
                found.setdefault(doc_id, {})[coder] = digest
            else:
                self.changed = True
            self._next = next(self._entries, None)
        return found

    def write(self, entries: list[tuple[str, str, bytes]], changed: bool) -> None:
        self.changed = self.changed or changed
        if self._out is not None:
            try:
                self._out.write(b"".join(clean_line(*e) for e in entries))
            except OSError:
                # A full disk: the memo is a cache, so it is not written this time, and the
                # export's own files say whether the export can be written.
                self._drop()

    def _drop(self) -> None:
        """Stop writing the new memo: its temp file goes, the old memo stays."""
        self._out = None
        if self._stack is not None:
            stack, self._stack = self._stack, ExitStack()
            try:
                stack.__exit__(Refused, Refused(), None)
            except (OSError, AnnotatorError):
                pass

    def finish(self, *, keep: bool) -> None:
        """Replace the memo with the one written (``keep``: the export ran to its end) if it
        differs, or drop it. Once; later calls do nothing."""
        if self._stack is None:
            return
        stack, self._stack = self._stack, None
        self.changed = self.changed or self._next is not None  # documents gone at the end
        self._entries.close()  # (the old file is closed before it is replaced)
        try:
            if keep and self.changed and self._out is not None:
                stack.close()
            else:
                stack.__exit__(Refused, Refused(), None)
        except (OSError, AnnotatorError):
            pass  # a memo that cannot be written: the next export is only slower

