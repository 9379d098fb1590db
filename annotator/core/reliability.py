"""Reliability coefficients over all coders at once, the figures datasets report:
Krippendorff's alpha (nominal) and Fleiss' kappa over units that carry one category each (a
character, a token), and Krippendorff's unitizing alpha (u-alpha) over the stretches coders
marked. Plain arithmetic on counts (exact fractions, turned into floats at the end), so the
numbers do not depend on the order documents come in.

References: Krippendorff, "Computing Krippendorff's alpha-reliability" (2011) for alpha with
missing values; Fleiss, "Measuring nominal scale agreement among many raters" (1971);
Krippendorff, "On the reliability of unitizing continuous data" (Sociological Methodology 25,
1995) and "Measuring the reliability of qualitative text analysis data" (Quality & Quantity
38, 2004) for u-alpha.
"""

from __future__ import annotations

from bisect import bisect_left
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from fractions import Fraction
from functools import lru_cache
from itertools import accumulate, combinations
from operator import sub

Range = tuple[int, int]  # [start, end)


# -- alpha and Fleiss' kappa over categorised units ------------------------------------------
@dataclass
class NominalUnits:
    """Units each given a category by two coders or more: for each unit, the sorted tuple of
    the categories its coders gave (a coder who did not code it is simply absent), counted.
    Units with fewer than two values cannot be paired and are not kept."""

    units: Counter[tuple[str, ...]] = field(default_factory=Counter)

    def add(self, values: Sequence[str], n: int = 1) -> None:
        if len(values) >= 2:
            self.units[tuple(sorted(values))] += n

    def add_all(self, counted: Iterable[tuple[tuple[str, ...], int]]) -> None:
        """``(values, how many units had them)`` pairs, e.g. ``Counter.items()``."""
        units = self.units
        for values, n in counted:
            key = _pairable(values)
            if key is not None:
                units[key] += n

    @property
    def n_units(self) -> int:
        return sum(self.units.values())

    def _tallies(self) -> tuple[Counter[str], Fraction]:
        """The number of values of each category, and the observed disagreement's sum
        ``sum over units of (m^2 - sum of n_uc^2) / (m - 1)``: the coincidences of different
        categories (Krippendorff 2011, the coincidence matrix off its diagonal)."""
        totals: Counter[str] = Counter()
        disagreement = Fraction(0)
        for values, n in self.units.items():
            m = len(values)
            counts = Counter(values)
            for category, c in counts.items():
                totals[category] += n * c
            different = m * m - sum(c * c for c in counts.values())
            if different:
                disagreement += Fraction(n * different, m - 1)
        return totals, disagreement

    def alpha(self) -> float | None:
        """Krippendorff's alpha, nominal: ``1 - (n - 1) D / (n^2 - sum n_c^2)``; None when
        undefined (no pairable values, or one category throughout)."""
        totals, disagreement = self._tallies()
        n = sum(totals.values())
        expected = n * n - sum(c * c for c in totals.values())
        if not expected:
            return None
        return float(1 - (n - 1) * disagreement / expected)

    def coders_per_unit(self) -> set[int]:
        return {len(values) for values in self.units}

    def fleiss(self) -> float | None:
        """Fleiss' kappa; None where undefined: units with different numbers of coders (see
        ``coders_per_unit``), no units, or one category throughout."""
        sizes = self.coders_per_unit()
        if len(sizes) != 1:
            return None
        m = sizes.pop()
        n_units = self.n_units
        totals: Counter[str] = Counter()
        agreeing = 0  # sum over units of (sum of n_uc^2 - m)
        for values, n in self.units.items():
            counts = Counter(values)
            for category, c in counts.items():
                totals[category] += n * c
            agreeing += n * (sum(c * c for c in counts.values()) - m)
        observed = Fraction(agreeing, n_units * m * (m - 1))
        expected = sum(Fraction(c, n_units * m) ** 2 for c in totals.values())
        if expected == 1:
            return None
        return float((observed - expected) / (1 - expected))


@lru_cache(maxsize=65536)
def _pairable(values: tuple[str, ...]) -> tuple[str, ...] | None:
    """A unit's values as ``NominalUnits`` keeps them (sorted), None if fewer than two: kept,
    as documents give the same few tuples of categories again and again."""
    return tuple(sorted(values)) if len(values) >= 2 else None


# -- unitizing alpha --------------------------------------------------------------------------
@dataclass
class _LabelUnits:
    """What u-alpha needs of one label, summed over documents. Lengths are gathered in lists
    (a document adds them in C loops) and counted when the figures are asked for."""

    observed: int = 0  # sum of the distances of every ordered pair of coders' sections
    units: list[int] = field(default_factory=list)  # unit lengths
    gaps: list[int] = field(default_factory=list)  # gap lengths, of coders who used the label
    used: list[int] = field(default_factory=list)  # their documents' lengths


@dataclass(frozen=True)
class LabelReliability:
    """u-alpha of one label with its observed and expected disagreement (None: undefined)."""

    observed: float | None
    expected: float | None
    units: int

    @property
    def alpha(self) -> float | None:
        if self.observed is None or not self.expected:
            return None
        return 1 - self.observed / self.expected


@dataclass
class Unitizing:
    """Krippendorff's u-alpha for spans, per label, over documents coded by two coders or more.

    Each coder divides a document (its code points) for a label into *units* (stretches with
    the label; overlapping ones of one coder are merged) and *gaps* between them. Two coders'
    sections that overlap differ by (Krippendorff 1995, 2004): for two units, the squares of
    the differences of their starts and of their ends; for a unit inside the other's gap, its
    length squared; else nothing. Observed disagreement is the sum over ordered pairs of coders
    divided by ``m (m - 1) L^2``; expected disagreement considers every way the same units and
    gaps could lie. u-alpha is ``1 - observed / expected``; over all labels, ``1 - sum of
    observed / sum of expected``.

    Documents are laid end to end, with two choices of ours the literature leaves open: a gap
    ends where its document does (no unit can straddle two documents), and a coder may be
    missing from a document: the pairs of coders and the lengths are then counted where they
    coded (``m (m - 1) L`` becomes the sum over documents of ``m_d (m_d - 1) L_d``, and ``m L``
    the sum of ``m_d L_d``). With every coder on one document this is exactly the published
    measure.
    """

    length: int = 0  # L: the documents laid end to end
    coded: int = 0  # sum of m_d L_d
    paired: int = 0  # sum of m_d (m_d - 1) L_d
    documents: int = 0
    whole: list[int] = field(default_factory=list)  # L_d once per coder of document d
    labels: dict[str, _LabelUnits] = field(default_factory=dict)

    def add(self, length: int, coders: Sequence[Iterable[tuple[int, int, str]]],
            compared: Sequence[Iterable[tuple[int, int, str]]] | None = None) -> None:
        """One document of ``length`` code points, with each present coder's spans
        ``(start, end, label)`` (inside the text, start before end); documents with fewer
        than two coders add nothing. ``compared``: each coder's spans less those that every
        coder has alike and that overlap nothing else (``coded_units.Split.dirty``): such
        units lie in no other coder's gap, so only the rest can be at a distance."""
        units = self.add_units(length, coders)
        if units:
            self._observe(units if compared is None else
                          [_units_by_label(spans) for spans in compared])

    def add_units(self, length: int, coders: Sequence[Iterable[tuple[int, int, str]]]
                  ) -> list[dict[str, tuple[list[int], list[int]]]]:
        """``add`` without the distances between the coders' units (``add_distances``): the
        units and gaps of one document, each coder's units by label (none: not counted)."""
        m = len(coders)
        if m < 2 or length <= 0:
            return []
        self.documents += 1
        self.length += length
        self.coded += m * length
        self.paired += m * (m - 1) * length
        self.whole += [length] * m
        units = [_units_by_label(spans) for spans in coders]
        labels = self.labels
        for mine in units:
            for label, (starts, ends) in mine.items():
                entry = labels.get(label)
                if entry is None:
                    entry = labels[label] = _LabelUnits()
                entry.used.append(length)
                entry.units += map(sub, ends, starts)
                # Gaps: before the first unit, between units, after the last (none if 0 long).
                entry.gaps += filter(None, map(sub, [*starts, length], [0, *ends]))
        return units

    def add_distances(self, coders: Sequence[Iterable[tuple[int, int, str]]]) -> None:
        """The distances between the coders' units of documents whose ``add_units`` was
        counted, their spans (or ``compared``, as for ``add``) laid end to end so that no
        two documents' spans meet: a unit is at a distance only from units it overlaps, and
        in the other coder's gap where it overlaps none, so the distances add up over
        documents and are found in one pass over them all."""
        self._observe([_units_by_label(spans) for spans in coders])

    def _observe(self, units: list[dict[str, tuple[list[int], list[int]]]]) -> None:
        labels = self.labels
        for mine, theirs in combinations(units, 2):
            for label in mine.keys() | theirs.keys():
                a, b = mine.get(label, _NO_UNITS), theirs.get(label, _NO_UNITS)
                if a != b:
                    labels[label].observed += 2 * _distance(a, b)

    def merge(self, other: Unitizing) -> None:
        """Add the counts of ``other`` (other documents)."""
        self.length += other.length
        self.coded += other.coded
        self.paired += other.paired
        self.documents += other.documents
        self.whole += other.whole
        for label, theirs in other.labels.items():
            mine = self.labels.setdefault(label, _LabelUnits())
            mine.observed += theirs.observed
            mine.units += theirs.units
            mine.gaps += theirs.gaps
            mine.used += theirs.used

    def label(self, label: str) -> LabelReliability:
        entry = self.labels.get(label)
        if entry is None or not self.paired:
            return LabelReliability(None, None, 0)
        observed, expected = self._disagreements(entry)
        return LabelReliability(float(observed), float(expected), len(entry.units))

    def alpha(self) -> float | None:
        """u-alpha over all labels: ``1 - sum of observed / sum of expected``."""
        if not self.paired:
            return None
        observed = expected = Fraction(0)
        for entry in self.labels.values():
            o, e = self._disagreements(entry)
            observed += o
            expected += e
        return float(1 - observed / expected) if expected else None

    def _disagreements(self, entry: _LabelUnits) -> tuple[Fraction, Fraction]:
        """Observed and expected disagreement of one label (Krippendorff 2004, eq. for
        uD_oc and uD_ec), with the sums over coders and documents described above."""
        observed = Fraction(entry.observed, self.paired * self.length)
        # Coders who never used the label on a document: one gap as long as the document.
        gaps = Counter(entry.gaps) + (Counter(self.whole) - Counter(entry.used))
        lengths = sorted(gaps)
        counts = [gaps[g] for g in lengths]
        # For each gap length g >= l, how many (g - l + 1) placements: from suffix sums.
        n_from = _suffix_sums(counts)
        sum_from = _suffix_sums([g * c for g, c in zip(lengths, counts, strict=True)])
        units = Counter(entry.units)
        n_units = len(entry.units)
        total = 0
        squares = 0  # sum of l (l - 1) over units
        for unit, how_many in units.items():
            k = bisect_left(lengths, unit)
            placements = sum_from[k] - (unit - 1) * n_from[k]
            # (N - 1)(2 l^3 - 3 l^2 + l) / 3 is an integer: l (l - 1)(2 l - 1) is divisible by 6.
            within = (n_units - 1) * unit * (unit - 1) * (2 * unit - 1) // 3
            total += how_many * (within + unit * unit * placements)
            squares += how_many * unit * (unit - 1)
        denominator = self.coded * (self.coded - 1) - squares
        if not total or denominator <= 0:
            return observed, Fraction(0)
        return observed, Fraction(2 * total, self.length * denominator)


_NO_UNITS: tuple[list[int], list[int]] = ([], [])


def _suffix_sums(values: list[int]) -> list[int]:
    """``out[k] = sum(values[k:])``, with one more 0 at the end."""
    return [*reversed(list(accumulate(reversed(values)))), 0]


def _units_by_label(spans: Iterable[tuple[int, int, str]]
                    ) -> dict[str, tuple[list[int], list[int]]]:
    """A coder's units of each label, as their starts and ends in order, overlapping ones
    merged (the measure wants one coder's units of a label apart)."""
    by_label: dict[str, tuple[list[int], list[int]]] = {}
    for start, end, label in sorted(spans):
        found = by_label.get(label)
        if found is None:
            by_label[label] = ([start], [end])
        elif start < found[1][-1]:
            if end > found[1][-1]:
                found[1][-1] = end
        else:
            found[0].append(start)
            found[1].append(end)
    return by_label


def _distance(mine: tuple[list[int], list[int]], theirs: tuple[list[int], list[int]]) -> int:
    """The sum of the distances between one coder's sections and another's for one label (each
    unordered pair once): overlapping units, and units lying in the other's gaps. A unit both
    coders have overlaps only its twin (one coder's units lie apart) and adds nothing, so the
    twins (most units) are set aside first."""
    units_a, units_b = list(zip(*mine, strict=True)), list(zip(*theirs, strict=True))
    twins = set(units_a) & set(units_b)
    if twins:
        units_a = [u for u in units_a if u not in twins]
        units_b = [u for u in units_b if u not in twins]
    total = 0
    hit_a = [False] * len(units_a)
    hit_b = [False] * len(units_b)
    i = j = 0
    n_a, n_b = len(units_a), len(units_b)
    while i < n_a and j < n_b:  # every overlapping pair of two sorted lists
        (sa, ea), (sb, eb) = units_a[i], units_b[j]
        if sa < eb and sb < ea:
            total += (sa - sb) ** 2 + (ea - eb) ** 2
            hit_a[i] = hit_b[j] = True
        if ea <= eb:
            i += 1
        else:
            j += 1
    for units, hits in ((units_a, hit_a), (units_b, hit_b)):
        total += sum((e - s) ** 2 for (s, e), hit in zip(units, hits, strict=True) if not hit)
    return total
