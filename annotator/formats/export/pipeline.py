"""The export pipeline: ``export_project`` reads, checks and renders every document (in
process or in worker processes), streams the result into a staging folder and publishes it
with its dataset card and checksums only when every selected annotation set passed."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path

from annotator.core import jsonio
from annotator.core.model import GOLD_CODER, unknown_status
from annotator.errors import AnnotatorError
from annotator.formats.export.card import card_markdown, dataset_card
from annotator.formats.export.gold import gold_card
from annotator.formats.export.memo import MemoFile
from annotator.formats.export.pool import PARALLEL_FROM, in_workers, tasks
from annotator.formats.export.render import Chunk, Counts, Job, Renderer
from annotator.formats.export.report import (
    CARD_JSON,
    CARD_MD,
    CHECKSUMS,
    DEFAULT_SEED,
    SPLIT_NAMES,
    ExportReport,
    add_left_out,
    parse_split,
)
from annotator.formats.export.staging import (
    Staging,
    check_write_failure,
    prepare_output,
    remove_stale_staging,
)
from annotator.formats.registry import Exporter, Losses, get_format
from annotator.storage.atomic import atomic_write
from annotator.storage.project import Project


def export_project(project: Project, fmt: str, output: Path, *, coder: str | None = None,
                   status: str | None = None, skip_invalid: bool = False,
                   split: str | Sequence[int] | None = None, seed: int = DEFAULT_SEED,
                   overwrite: bool = False, command: str | Sequence[str] | None = None,
                   workers: int | None = None,
                   progress: Callable[[int, int], None] | None = None,
                   cancelled: Callable[[], bool] | None = None) -> ExportReport:
    """Export ``project`` in format ``fmt`` into the folder ``output``; see the module doc.

    ``coder``/``status`` filter the annotation sets; ``split`` ("80/10/10") and ``seed`` make a
    train/dev/test split by document; ``overwrite`` replaces a previous export in ``output``;
    ``command`` is recorded in the dataset card (default: the equivalent CLI command);
    ``workers``: processes that render (default: the CPUs, for 1,500 documents or more; 1 runs
    everything in this process). ``progress(done, total)`` is called as documents are done;
    ``cancelled()`` is polled as often and stops the export, writing nothing. Raises
    ``AnnotatorError`` for unusable arguments (unknown format or coder, non-empty folder).
    """
    info = get_format(fmt)
    exporter_cls = info.exporter_class()
    parts = parse_split(split)
    output = Path(output)
    if status is not None and unknown_status(status):
        raise AnnotatorError(unknown_status(status))
    codebook = project.codebook
    coders = project.coders()
    if coder is not None:
        if coder not in coders:
            raise AnnotatorError(f"{project.root}: no annotations by coder {coder!r} "
                                 f"(coders: {', '.join(coders) or 'none'})")
        coders = [coder]
    replace = prepare_output(output, overwrite)
    report = ExportReport(format=fmt, output=output)
    losses = Losses()
    counts = Counts()
    doc_ids = project.document_ids()
    orphans = orphan_files(project, coders, doc_ids)
    if workers is None:
        workers = min(os.cpu_count() or 1, 8) if len(doc_ids) >= PARALLEL_FROM else 1

    created = not output.exists()
    try:
        output.mkdir(parents=True, exist_ok=True)
        report.stale_removed = remove_stale_staging(output)
        staging = Staging(output)
    except (OSError, AnnotatorError) as exc:
        _remove_if_empty(output, created)
        check_write_failure(output, exc)
        raise
    committed = False
    stop: list[Callable[[], None]] = []
    chunks: Iterator[Chunk] | None = None
    memo: MemoFile | None = None
    try:
        exporter_cls.write_shared(staging, codebook)
        # Every part gets its files, even an empty one, so a loader finds train/dev/test.
        exporters: dict[str | None, Exporter] = (
            {None: exporter_cls(codebook, losses, "")} if parts is None else
            {name: exporter_cls(codebook, losses, f"{name}/")
             for name in SPLIT_NAMES[len(parts)]})
        for exp in exporters.values():
            exp.open(staging)
        writing = True  # False once a problem means nothing will be written
        for path in orphans:
            add_left_out(report, path, ["there is no document with this id in the project"])
        if orphans and not skip_invalid:
            writing = False
        memo = MemoFile(project)
        job = Job(str(project.root), fmt, tuple(coders), status, parts, seed, str(staging.dir))
        chunks = (in_workers(job, doc_ids, memo, workers, stop) if workers > 1
                  else map(Renderer(job).run, tasks(doc_ids, memo)))
        done = 0
        for chunk in chunks:
            if cancelled is not None and cancelled():
                report.cancelled = True
                break
            for lo in chunk.left_out:
                add_left_out(report, lo.path, lo.problems)
            report.left_out_count += chunk.left_out_count - len(chunk.left_out)
            report.filtered_out += chunk.filtered_out
            memo.write(chunk.memo, chunk.memo_changed)
            if chunk.bad and not skip_invalid:
                writing = False
            if writing:
                for part, payload in chunk.items:
                    exporters[part].write(payload)
                for relpath, sha, size in chunk.files:
                    staging.record(relpath, sha, size, synced=False)
                counts.merge(chunk.counts)
                losses.merge(chunk.losses)
            done += chunk.size
            if progress is not None:
                progress(done, len(doc_ids))
        if cancelled is not None and not report.cancelled and cancelled():
            report.cancelled = True  # asked during the last chunk: still nothing written
        memo.finish(keep=not report.cancelled)  # what passed is known, written or not
        if report.cancelled or not writing:
            return report
        for exp in exporters.values():
            exp.close()
        report.documents, report.annotation_sets = counts.documents, counts.sets
        report.spans, report.events = counts.spans, counts.events
        report.not_expressed = losses.to_list()
        card = dataset_card(project, info.name, info.offset_unit, output, coder, status,
                            skip_invalid, parts, seed, command, report, counts)
        card["format_notes"] = list(exporter_cls.notes)
        if coder == GOLD_CODER:
            card["gold"] = gold_card(project, status, {lo.path for lo in report.left_out})
        staging.hash_streams()
        card["files"] = [dict(f.__dict__) for f in staging.files]
        card["file_count"] = staging.file_count
        staging.write_file(CARD_MD, card_markdown(card).encode("utf-8"))
        sums = staging.close_streams()
        card["checksums"] = dict(sums.__dict__)
        card["entries"] = sorted(staging.top_level | {CARD_JSON, CARD_MD, CHECKSUMS})
        atomic_write(staging.dir / CARD_JSON, jsonio.dump_bytes(card), backup=False)
        staging.commit(replace)
        committed = True
        report.written = True
        report.card = card
        report.files = [*staging.files, sums]
        report.file_count = staging.file_count + 1
        return report
    except (OSError, AnnotatorError) as exc:
        check_write_failure(output, exc)
        raise
    finally:
        try:
            for fn in stop:
                fn()  # cancel what the workers have not started
            close = getattr(chunks, "close", None)
            if close is not None:
                close()  # ends the pool once running chunks finish, before staging goes
            if memo is not None:
                memo.finish(keep=False)  # an error: the memo stays as it was (no-op after finish)
        finally:
            if not committed:
                staging.abort()
                _remove_if_empty(output, created)


def _remove_if_empty(output: Path, created: bool) -> None:
    """Remove the output folder this export made, if empty: a refused export leaves no trace."""
    if created:
        try:
            output.rmdir()
        except OSError:
            pass


def orphan_files(project: Project, coders: list[str], doc_ids: list[str]) -> list[str]:
    """Annotation files whose document is missing: invalid, and invisible to a per-document
    walk. Uses one set of ids, freed on return."""
    known = set(doc_ids)
    orphans: list[str] = []
    rel = project.annotations_dir.relative_to(project.root).as_posix()
    for c in coders:
        folder = project.annotations_dir / c
        for name in sorted(os.listdir(folder)) if folder.is_dir() else ():
            if name.endswith(".json") and not name.startswith(".") and name[:-5] not in known:
                orphans.append(f"{rel}/{c}/{name}")
    return orphans

