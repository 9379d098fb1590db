"""Agreement of a group of coders: every pair (``core.agreement``), and the figures over all
of them at once that datasets report (``core.reliability``): Krippendorff's alpha over
characters and over tokens, Fleiss' kappa where every unit has as many coders, and u-alpha for
spans, overall and per label. A coder missing from a document is missing there, nothing more.

``GroupAgreement.add`` takes one document and the sets of the coders who coded it; the
counts merge (``merge``), so documents may be counted in parts (in worker processes). The text,
JSON and CSV forms of the figures are made here, for the command line and the window alike.
"""

from __future__ import annotations

import textwrap
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from itertools import accumulate, chain, combinations
from operator import itemgetter
from typing import Any

from annotator.core.agreement import (
    PairAgreement,
    PreparedSet,
    SpanItem,
    f1_text,
    kappa_text,
    pair_units,
)
from annotator.core.codebook import Codebook
from annotator.core.coded_units import coded_units, spans_union, split_spans
from annotator.core.model import AnnotationSet, Document
from annotator.core.reliability import NominalUnits, Unitizing

UNDEFINED_ONE_CATEGORY = "undefined (one category only)"
UNDEFINED_FLEISS = "undefined (documents have different numbers of coders)"
UNDEFINED_NO_UNITS = "undefined (no spans)"
TABLE_COLUMNS = ("coder_a", "coder_b", "documents", "strict_f1", "lenient_f1",
                 "kappa_characters", "alpha_characters", "alpha_tokens", "u_alpha",
                 "fleiss_characters", "fleiss_tokens")
ALL_CODERS = "all coders"


@dataclass
class AllCoders:
    """The figures over all coders at once, summed over documents."""

    documents: int = 0
    coders_per_document: Counter[int] = field(default_factory=Counter)
    characters: NominalUnits = field(default_factory=NominalUnits)
    tokens: NominalUnits = field(default_factory=NominalUnits)
    unitizing: Unitizing = field(default_factory=Unitizing)

    def merge(self, other: AllCoders) -> None:
        self.documents += other.documents
        self.coders_per_document.update(other.coders_per_document)
        self.characters.units.update(other.characters.units)
        self.tokens.units.update(other.tokens.units)
        self.unitizing.merge(other.unitizing)

    def figures(self) -> dict[str, float | str | None]:
        """Each coefficient, or why it is undefined (a string)."""
        def alpha(units: NominalUnits) -> float | str | None:
            if not units.n_units:
                return None
            value = units.alpha()
            return UNDEFINED_ONE_CATEGORY if value is None else value

        def fleiss(units: NominalUnits) -> float | str | None:
            if not units.n_units:
                return None
            if len(units.coders_per_unit()) > 1:
                return UNDEFINED_FLEISS
            value = units.fleiss()
            return UNDEFINED_ONE_CATEGORY if value is None else value

        u = self.unitizing.alpha() if self.unitizing.documents else None
        return {"alpha_characters": alpha(self.characters), "alpha_tokens": alpha(self.tokens),
                "u_alpha": u if u is not None or not self.unitizing.documents
                else UNDEFINED_NO_UNITS,
                "fleiss_characters": fleiss(self.characters),
                "fleiss_tokens": fleiss(self.tokens)}

    def u_alpha_by_label(self) -> dict[str, dict[str, Any]]:
        out = {}
        for label in sorted(self.unitizing.labels):
            r = self.unitizing.label(label)
            out[label] = {"u_alpha": _round(r.alpha), "observed": _round(r.observed),
                          "expected": _round(r.expected), "units": r.units}
        return out

    def to_dict(self) -> dict[str, Any]:
        return {"documents": self.documents,
                "coders_per_document": {str(k): v for k, v in
                                        sorted(self.coders_per_document.items())},
                **{k: _round(v) if not isinstance(v, str) else v
                   for k, v in self.figures().items()},
                "characters": self.characters.n_units, "tokens": self.tokens.n_units,
                "u_alpha_by_label": self.u_alpha_by_label()}


@dataclass
class GroupAgreement:
    """Every pair of ``coders``, and all of them at once, over the documents counted."""

    coders: list[str]
    pairs: dict[tuple[str, str], PairAgreement] = field(default_factory=dict)
    all: AllCoders = field(default_factory=AllCoders)

    def __post_init__(self) -> None:
        self.coders = sorted(self.coders)
        for a, b in combinations(self.coders, 2):
            self.pairs.setdefault((a, b), PairAgreement(a, b))

    def add(self, document: Document, sets: Mapping[str, AnnotationSet],
            codebook: Codebook | None = None) -> None:
        """Count one document with the sets of the coders who coded it (others are ignored;
        with fewer than two of ``coders``, nothing is counted)."""
        self.add_prepared(document.text, {c: PreparedSet.from_set(sets[c]) for c in self.coders
                                          if c in sets}, codebook)

    def add_prepared(self, text: str, sets: Mapping[str, PreparedSet],
                     codebook: Codebook | None = None) -> None:
        """``add``, with each coder's set prepared (``PreparedSet.from_data`` reads it from
        its JSON, without building an ``AnnotationSet``)."""
        self.add_documents([(text, sets)], codebook)

    def add_documents(self, documents: Sequence[tuple[str, Mapping[str, PreparedSet]]],
                      codebook: Codebook | None = None) -> None:
        """``add_prepared`` for each ``(text, sets)`` of ``documents``, counted together: the
        documents coded by the same coders are laid end to end, a line break apart, and their
        characters, tokens and spans are counted in one pass over them all (every such count
        is a sum over documents, and no token, stretch or span crosses a line break: the
        figures are exactly those of one document at a time, in a fraction of the calls)."""
        groups: dict[tuple[str, ...], list[tuple[str, list[PreparedSet]]]] = {}
        for text, sets in documents:
            coders = tuple(c for c in self.coders if c in sets)
            if len(coders) >= 2:
                groups.setdefault(coders, []).append((text, [sets[c] for c in coders]))
        for coders, group in groups.items():
            self._add_group(coders, group, codebook)

    def _add_group(self, coders: tuple[str, ...], documents: list[tuple[str, list[PreparedSet]]],
                   codebook: Codebook | None) -> None:
        """Documents coded by the same ``coders``, laid end to end (see ``add_documents``)."""
        texts = [text for text, _ in documents]
        if len(documents) == 1:
            text, offsets = texts[0], [0]
            items = [p.items for p in documents[0][1]]
        else:
            text = "\n".join(texts)
            offsets = list(accumulate(map(len, texts[:-1]), lambda at, n: at + n + 1,
                                      initial=0))
            items = [list(chain.from_iterable(map(_shifted, (prepared[i].items
                                                            for _, prepared in documents),
                                                  offsets)))
                     for i in range(len(coders))]
        stretches = spans_union(items, len(text))
        split = split_spans(items, stretches)
        chars, tokens = coded_units(text, items, stretches, split.dirty)
        n = len(documents)
        self.all.documents += n
        self.all.coders_per_document[len(coders)] += n
        self.all.characters.add_all(chars.items())
        self.all.tokens.add_all(tokens.items())
        # u-alpha: units and gaps by document (a gap ends where its document does), the
        # distances between the spans outside the clean stretches of all of them at once.
        for one_text, prepared in documents:
            self.all.unitizing.add_units(len(one_text), [p.items for p in prepared])
        self.all.unitizing.add_distances(split.dirty)
        pairs = [prepared for _, prepared in documents]
        for (i, a), (j, b) in combinations(enumerate(coders), 2):
            self.pairs[(a, b)].add_documents(
                [(p[i], p[j]) for p in pairs], items[i], items[j], pair_units(chars, i, j),
                codebook, (split.clean, split.dirty[i], split.dirty[j]))

    def merge(self, other: GroupAgreement) -> None:
        for key, pair in other.pairs.items():
            self.pairs.setdefault(key, PairAgreement(*key)).merge(pair)
        self.all.merge(other.all)

    # -- reporting ----------------------------------------------------------------------------
    def table(self) -> list[dict[str, Any]]:
        """One row per pair of coders, then the row of all coders (``TABLE_COLUMNS``)."""
        rows: list[dict[str, Any]] = []
        for (a, b), pair in sorted(self.pairs.items()):
            k = pair.characters.kappa
            rows.append({"coder_a": a, "coder_b": b, "documents": pair.documents,
                         "strict_f1": _round(pair.spans_strict.f1),
                         "lenient_f1": _round(pair.spans_lenient.f1),
                         "kappa_characters": _round(k) if k is not None or not pair.documents
                         else UNDEFINED_ONE_CATEGORY})
        summary = {k: _round(v) if not isinstance(v, str) else v
                   for k, v in self.all.figures().items()}
        rows.append({"coder_a": ALL_CODERS, "coder_b": "", "documents": self.all.documents,
                     **summary})
        return [{column: row.get(column) for column in TABLE_COLUMNS} for row in rows]

    def describe(self, status: str | None) -> str:
        """The table and the figures over all coders, as aligned lines of text."""
        what = f"{status} sets" if status else "sets of any status"
        lines = [f"Agreement of {', '.join(self.coders)} ({what}): {self.all.documents} "
                 "document(s) coded by two of them or more", ""]
        header = ("coders", "documents", "strict F1", "lenient F1", "kappa (characters)")
        rows = [header]
        for (a, b), pair in sorted(self.pairs.items()):
            rows.append((f"{a} x {b}", str(pair.documents), f1_text(pair.spans_strict),
                         f1_text(pair.spans_lenient),
                         kappa_text(pair.characters) if pair.documents else "-"))
        widths = [max(len(r[c]) for r in rows) for c in range(len(header))]
        for r in rows:
            lines.append("  ".join([r[0].ljust(widths[0])]
                                   + [cell.rjust(w) for cell, w in zip(r[1:], widths[1:],
                                                                       strict=True)]).rstrip())
        f = self.all.figures()
        indent = " " * (widths[0] + 2 + widths[1] + 2)
        lines.append(f"{ALL_CODERS.ljust(widths[0])}  {str(self.all.documents).rjust(widths[1])}"
                     f"  alpha {_figure(f['alpha_characters'])} (characters), "
                     f"{_figure(f['alpha_tokens'])} (tokens); u-alpha {_figure(f['u_alpha'])}")
        lines.append(f"{indent}Fleiss' kappa {_figure(f['fleiss_characters'])} (characters), "
                     f"{_figure(f['fleiss_tokens'])} (tokens)")
        by_label = self.all.u_alpha_by_label()
        if by_label:
            lines += textwrap.wrap(", ".join(
                f"{label} {_figure(x['u_alpha']) if x['u_alpha'] is not None else 'undefined'}"
                for label, x in by_label.items()), 96, initial_indent="u-alpha by label: ",
                subsequent_indent="  ", break_on_hyphens=False)
        return "\n".join(lines) + "\n"

    def to_dict(self) -> dict[str, Any]:
        return {"coders": self.coders, "table": self.table(), "all_coders": self.all.to_dict(),
                "pairs": [pair.to_dict() for _, pair in sorted(self.pairs.items())]}


def _shifted(items: list[SpanItem], offset: int) -> list[SpanItem]:
    """Spans moved ``offset`` code points on (a comprehension: three times as fast here as
    the same in maps and zip)."""
    if not offset:
        return items
    return [(start + offset, end + offset, label) for start, end, label in items]


_START, _END, _LABEL = itemgetter(0), itemgetter(1), itemgetter(2)


def _figure(value: float | str | None) -> str:
    if value is None:
        return "-"
    return value if isinstance(value, str) else f"{value:.2f}"


def _round(value: float | None) -> float | None:
    return None if value is None else round(value, 4)
