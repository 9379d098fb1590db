"""What a dataset card says of an export of gold sets (``--coder gold``): how many documents
were adjudicated, the share of items the coders agreed on and the share the adjudicator
decided or changed, and the agreement of the coders behind them, measured on those documents
as the project's ``agreement`` measures it."""

from __future__ import annotations

from typing import Any

from annotator.core.adjudication import gold_summary
from annotator.core.model import GOLD_CODER, AnnotationSet
from annotator.errors import AnnotatorError
from annotator.storage.agreement import project_agreement
from annotator.storage.atomic import read_json
from annotator.storage.project import Project


def gold_card(project: Project, status: str | None, left_out: set[str]) -> dict[str, Any]:
    """The card's ``gold`` part for the gold sets an export wrote (of ``status``; the files in
    ``left_out`` were not written)."""
    golds: list[AnnotationSet] = []
    for _coder, _doc_id, path in project.annotation_files(GOLD_CODER):
        if str(path) in left_out:
            continue
        try:
            gold = AnnotationSet.from_dict(read_json(path))
        except (AnnotatorError, KeyError, TypeError, ValueError):
            continue  # the export left it out and said why
        if status is None or gold.status == status:
            golds.append(gold)
    summary = gold_summary(golds)
    items = summary["items"]
    total = sum(items.values())
    card: dict[str, Any] = {
        "documents_adjudicated": summary["documents"],
        "documents_done": summary["done"],
        "coders": summary["coders"],
        "disagreements": summary["disagreements"],
        "items": items,
        "share_agreed": summary["agreed_share"],
        "share_decided": round((total - items.get("agreed", 0)) / total, 4) if total else None,
    }
    if len(summary["coders"]) >= 2:
        agreement = project_agreement(project, coders=summary["coders"], status=None,
                                      documents={g.document_id for g in golds})
        card["coder_agreement"] = {"documents": agreement.compared,
                                   "table": agreement.group.table(),
                                   "left_out": agreement.problems[:20]}
    return card


def gold_markdown(gold: dict[str, Any]) -> list[str]:
    """The card's gold-standard section, for people."""
    items = gold["items"]
    lines = ["", "## Gold standard", "",
             f"- Adjudicated documents: {gold['documents_adjudicated']} "
             f"({gold['documents_done']} done), from coders {', '.join(gold['coders'])}",
             f"- Disagreements decided: {gold['disagreements']['decided']}, still open: "
             f"{gold['disagreements']['open']}",
             "- Items: " + ", ".join(f"{how} {n}" for how, n in items.items()),
             f"- Share agreed by the coders: {_share(gold['share_agreed'])}; decided or "
             f"changed by the adjudicator: {_share(gold['share_decided'])}"]
    agreement = gold.get("coder_agreement")
    if agreement:
        lines += ["", f"Agreement of the coders on these documents ({agreement['documents']} "
                      "coded by two or more):", "",
                  "| coders | strict F1 | lenient F1 | kappa (characters) | alpha (characters) "
                  "| alpha (tokens) | u-alpha |", "|---|---|---|---|---|---|---|"]
        for row in agreement["table"]:
            who = f"{row['coder_a']} / {row['coder_b']}" if row["coder_b"] else row["coder_a"]
            cells = [_num(row.get(k)) for k in ("strict_f1", "lenient_f1", "kappa_characters",
                                                "alpha_characters", "alpha_tokens", "u_alpha")]
            lines.append(f"| {who} | " + " | ".join(cells) + " |")
    return lines


def _share(value: float | None) -> str:
    return "–" if value is None else f"{100 * value:.1f} %"


def _num(value: Any) -> str:
    return "–" if value is None else f"{value:.3f}"
