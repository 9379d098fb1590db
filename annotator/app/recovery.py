"""Recovery files: unsaved work written aside while the coder is idle, offered back after a crash.

``PROJECT/.annotator/recovery/<coder>/<doc-id>.json`` holds the whole annotation set as it was
in the window, written with ``atomic_write_json`` (so a crash while writing leaves the previous
recovery file intact). It is deleted when the work is saved or discarded. The real annotation
file is never touched by autosave: a coder decides what gets saved.
"""

from __future__ import annotations

import copy
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from annotator.core.edits import Edit
from annotator.core.events import Change, SetReplaced
from annotator.core.model import AnnotationSet, now_iso
from annotator.core.session import AnnotationSession
from annotator.core.validation import structural_issues
from annotator.errors import AnnotatorError
from annotator.i18n import tr
from annotator.storage.atomic import atomic_write_json, read_json
from annotator.storage.project import Project, check_coder_name

RECOVERY_FORMAT = "annotator-recovery"
RECOVERY_VERSION = 1
# Seconds of idle time after a change before the recovery file is written.
AUTOSAVE_IDLE_SECONDS = 3.0


@dataclass(frozen=True)
class Recovered:
    """A recovery file that differs from what is saved: offered to the coder on open."""

    document_id: str
    written: str  # when the recovery file was written (ISO, UTC)
    data: dict[str, Any]  # the annotation set as saved by ``AnnotationSet.to_dict``
    path: Path

    def annotation_set(self) -> AnnotationSet:
        return AnnotationSet.from_dict(self.data)

    def summary(self) -> str:
        spans, events = len(self.data.get("spans", [])), len(self.data.get("events", []))
        return tr("document", "{spans} spans and {events} events, autosaved {when}").format(
            spans=spans, events=events, when=self.written)


class RecoveryStore:
    """The recovery files of one coder in one project."""

    def __init__(self, project: Project, coder: str) -> None:
        self.project = project
        self.coder = check_coder_name(coder)
        self.folder = project.state_dir / "recovery" / self.coder

    def path(self, doc_id: str) -> Path:
        # project.annotation_path checks the id the same way for the real file.
        self.project.annotation_path(self.coder, doc_id)
        return self.folder / f"{doc_id}.json"

    def write(self, doc_id: str, data: dict[str, Any]) -> None:
        """Write the set ``data`` (``AnnotationSet.to_dict()``) aside; ``AnnotatorError`` if not."""
        path = self.path(doc_id)
        path.parent.mkdir(parents=True, exist_ok=True)
        atomic_write_json(path, {"format": RECOVERY_FORMAT, "version": RECOVERY_VERSION,
                                 "written": now_iso(), "document_id": doc_id,
                                 "annotations": data}, backup=False)

    def discard(self, doc_id: str) -> None:
        try:
            self.path(doc_id).unlink()
        except FileNotFoundError:
            pass
        except OSError as exc:
            raise AnnotatorError(f"{self.path(doc_id)}: cannot remove the recovery file "
                                 f"({exc.strerror or exc})") from exc

    def exists(self, doc_id: str) -> bool:
        return self.path(doc_id).is_file()

    def document_ids(self) -> list[str]:
        if not self.folder.is_dir():
            return []
        return sorted(e.name[:-5] for e in os.scandir(self.folder)
                      if e.name.endswith(".json") and not e.name.startswith("."))

    def load(self, doc_id: str, saved: dict[str, Any] | None) -> Recovered | None:
        """The recovery file of ``doc_id`` if it holds work that ``saved`` (the set as loaded
        from the annotation file, as a dict) lacks. A recovery file identical to the saved
        content is stale and removed; an unreadable one raises ``AnnotatorError`` and stays."""
        path = self.path(doc_id)
        if not path.is_file():
            return None
        raw = read_json(path)
        if (not isinstance(raw, dict) or raw.get("format") != RECOVERY_FORMAT
                or raw.get("document_id") != doc_id or not isinstance(raw.get("annotations"),
                                                                      dict)):
            raise AnnotatorError(f"{path}: not a recovery file of document {doc_id!r}; "
                                 "move it away to open the document without it")
        data = raw["annotations"]
        broken = structural_issues(data)
        if broken:
            raise AnnotatorError(f"{path}: the recovery file is damaged ({broken[0]}); move it "
                                 "away to open the document without it")
        if saved is not None and same_work(saved, data):
            self.discard(doc_id)
            return None
        return Recovered(doc_id, str(raw.get("written") or ""), data, path)


_VOLATILE = ("modified", "created", "time_spent_seconds")


def same_work(a: dict[str, Any], b: dict[str, Any]) -> bool:
    """Whether two serialised sets hold the same annotations (timestamps aside)."""
    return ({k: v for k, v in a.items() if k not in _VOLATILE}
            == {k: v for k, v in b.items() if k not in _VOLATILE})


class RestoreWork(Edit):
    """Replace the annotations of a session with recovered ones, as one undoable step."""

    description = "Restore unsaved work"

    def __init__(self, recovered: AnnotationSet) -> None:
        self.recovered = recovered
        self._old: tuple[Any, ...] | None = None

    def check(self, s: AnnotationSession) -> str:
        r = self.recovered
        if r.document_id != s.aset.document_id or r.coder != s.aset.coder:
            return (f"the recovered work belongs to {r.coder}/{r.document_id}, not "
                    f"{s.aset.coder}/{s.aset.document_id}")
        return ""

    def _swap(self, s: AnnotationSession, state: tuple[Any, ...]) -> tuple[Any, ...]:
        a = s.aset
        old = (a.spans, a.events, a.fields, a.status, a.time_spent_seconds)
        a.spans, a.events, a.fields, a.status, a.time_spent_seconds = state
        return old

    def apply(self, s: AnnotationSession) -> None:
        r = copy.deepcopy(self.recovered)
        self._old = self._swap(s, (r.spans, r.events, r.fields, r.status,
                                   max(r.time_spent_seconds, s.aset.time_spent_seconds)))

    def revert(self, s: AnnotationSession) -> None:
        assert self._old is not None
        self._swap(s, self._old)

    def changes(self) -> list[Change]:
        return [SetReplaced()]
