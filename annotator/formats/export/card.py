"""The dataset card: what an export holds, how it was made, what was left out or lost, as
``dataset-card.json`` (data) and ``dataset-card.md`` (for people)."""

from __future__ import annotations

import shlex
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from annotator import __version__
from annotator.core.model import now_iso
from annotator.formats.export.gold import gold_markdown
from annotator.formats.export.render import Counts
from annotator.formats.export.report import CARD_JSON, CHECKSUMS, SPLIT_NAMES, ExportReport
from annotator.storage.project import Project


def _command(project: Project, fmt: str, output: Path, coder: str | None, status: str | None,
             skip_invalid: bool, split: tuple[int, ...] | None, seed: int) -> str:
    args = ["annotator", "export", str(project.root), "--format", fmt, "--output", str(output)]
    if coder:
        args += ["--coder", coder]
    if status:
        args += ["--status", status]
    if split:
        args += ["--split", "/".join(map(str, split)), "--seed", str(seed)]
    if skip_invalid:
        args.append("--skip-invalid")
    return shlex.join(args)


def dataset_card(project: Project, fmt: str, unit: str, output: Path, coder: str | None,
          status: str | None, skip_invalid: bool, split: tuple[int, ...] | None, seed: int,
          command: str | Sequence[str] | None, report: ExportReport,
          counts: Counts) -> dict[str, Any]:
    if command is None:
        command = _command(project, fmt, output, coder, status, skip_invalid, split, seed)
    elif not isinstance(command, str):
        command = shlex.join(command)
    cb = project.codebook
    card: dict[str, Any] = {
        "dataset_card_version": 1,
        "title": f"{project.name}: {fmt} export",
        "created": now_iso(),
        "annotator_version": __version__,
        "command": command,
        "format": fmt,
        "offset_unit": unit,
        "project": project.name,
        "codebook": {"id": cb.id, "version": cb.version, "sha256": cb.sha256, "name": cb.name},
        "text_policy": project.text_policy.to_dict(),
        "filters": {"coder": coder, "status": status, "skip_invalid": skip_invalid},
        "split": None if split is None else {
            "shares": dict(zip(SPLIT_NAMES[len(split)], split, strict=True)), "seed": seed,
            "method": "part by sha256('<seed>:<document id>'), per document, all coders together",
            "counts": {k: counts.splits.get(k, {"documents": 0, "annotation_sets": 0})
                       for k in SPLIT_NAMES[len(split)]}},
        "counts": {
            "documents": report.documents,
            "annotation_sets": report.annotation_sets,
            "spans": report.spans,
            "events": report.events,
            "annotation_sets_by_status": dict(sorted(counts.status.items())),
            "by_coder": dict(sorted(counts.coders.items())),
            "spans_by_label": dict(sorted(counts.labels.items())),
            "events_by_type": dict(sorted(counts.types.items())),
            "events_by_type_and_subtype": dict(sorted(counts.subtypes.items())),
            "filtered_out_by_status": report.filtered_out,
        },
        "left_out": {"count": report.left_out_count,
                     "files": [lo.to_dict() for lo in report.left_out]},
        "not_expressed": report.not_expressed,
    }
    return card


def card_markdown(card: dict[str, Any]) -> str:
    c = card["counts"]
    cb = card["codebook"]
    lines = [
        f"# {card['title']}", "",
        f"Made by annotator {card['annotator_version']} on {card['created']} with:", "",
        "```", card["command"], "```", "",
        f"- Format: **{card['format']}**; offsets are `[start, end)` in "
        f"**{_unit_words(card['offset_unit'])}** of the document text.",
        f"- Codebook: {cb['name']} (`{cb['id']}` version {cb['version']}, "
        f"SHA-256 `{cb['sha256']}`).",
        "- Text policy at import: "
        + ", ".join(f"{k}={v}" for k, v in card["text_policy"].items()) + ".",
        f"- Filters: coder = {card['filters']['coder'] or 'all'}, status = "
        f"{card['filters']['status'] or 'any'}.", "",
        *(f"- {note}" for note in card.get("format_notes", [])),
        "",
        "## Contents", "",
        f"{c['documents']} documents, {c['annotation_sets']} annotation sets, {c['spans']} spans, "
        f"{c['events']} events.", "",
    ]
    lines += _table("Annotation sets by status", "status", c["annotation_sets_by_status"])
    lines += ["### By coder", "", "| coder | sets | spans | events |", "|---|---:|---:|---:|"]
    lines += [f"| {k} | {v['annotation_sets']} | {v['spans']} | {v['events']} |"
              for k, v in c["by_coder"].items()] + [""]
    lines += _table("Spans by label", "label", c["spans_by_label"])
    lines += _table("Events by type", "event type", c["events_by_type"])
    lines += _table("Events by type and sub-type", "type/sub-type",
                    c["events_by_type_and_subtype"])
    if card["split"]:
        sp = card["split"]
        lines += ["## Split", "", f"Seed {sp['seed']}; {sp['method']}.", "",
                  "| part | share | documents | sets |", "|---|---:|---:|---:|"]
        lines += [f"| {k} | {sp['shares'][k]} | {v['documents']} | {v['annotation_sets']} |"
                  for k, v in sp["counts"].items()] + [""]
    if card.get("gold"):
        lines += [*gold_markdown(card["gold"]), ""]
    lo = card["left_out"]
    lines += ["## Left out", ""]
    if lo["count"]:
        lines += [f"{lo['count']} annotation file(s) failed validation and are not in the data:",
                  ""]
        for f in lo["files"]:
            lines.append(f"- `{f['path']}`: " + "; ".join(f["problems"][:5]))
        if lo["count"] > len(lo["files"]):
            lines.append(f"- ... and {lo['count'] - len(lo['files'])} more")
    else:
        lines.append("Nothing: every selected annotation file passed validation.")
    lines += ["", "## Not expressible in this format", ""]
    if card["not_expressed"]:
        for item in card["not_expressed"]:
            lines.append(f"- {item['what']}: {item['count']} (e.g. "
                         f"{', '.join(item['examples'])})")
    else:
        lines.append("Nothing was lost.")
    lines += ["", "## Files", "",
              f"SHA-256 of every file is in `{CHECKSUMS}` (check with `sha256sum -c "
              f"{CHECKSUMS}`); `{CARD_JSON}` holds this card as data.", ""]
    if card["file_count"] <= len(card["files"]):
        lines += ["| file | bytes | SHA-256 |", "|---|---:|---|"]
        lines += [f"| `{f['path']}` | {f['bytes']} | `{f['sha256']}` |" for f in card["files"]]
    else:
        lines.append(f"{card['file_count']} data files (too many to list here).")
    lines.append("")
    return "\n".join(lines) + "\n"


def _table(title: str, key: str, data: dict[str, int]) -> list[str]:
    out = [f"### {title}", "", f"| {key} | count |", "|---|---:|"]
    out += [f"| {k} | {v} |" for k, v in data.items()] or ["| (none) | 0 |"]
    return [*out, ""]


def _unit_words(unit: str) -> str:
    return {"codepoint": "Unicode code points (Python str indices)",
            "utf16": "UTF-16 code units (JavaScript string indices)"}.get(unit, unit)
