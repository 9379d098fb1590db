"""Reliability over all coders: Krippendorff's alpha against the ``krippendorff`` package,
Fleiss' kappa and u-alpha against examples worked by hand in the literature."""

from __future__ import annotations

import random
from fractions import Fraction

import krippendorff
import numpy as np
import pytest

from annotator.core.reliability import NominalUnits, Unitizing


def reliability_matrix(rng: random.Random, coders: int, units: int, categories: int,
                       missing: float) -> list[list[int | None]]:
    """Coders x units, each value a category or None (missing); coders mostly agree."""
    rows: list[list[int | None]] = [[] for _ in range(coders)]
    for _ in range(units):
        truth = rng.randrange(categories)
        for row in rows:
            if rng.random() < missing:
                row.append(None)
            else:
                row.append(truth if rng.random() < 0.7 else rng.randrange(categories))
    return rows


def ours(rows: list[list[int | None]]) -> NominalUnits:
    out = NominalUnits()
    for unit in zip(*rows, strict=True):
        out.add([str(v) for v in unit if v is not None])
    return out


def test_alpha_equals_the_krippendorff_package_with_missing_values():
    rng = random.Random(5)
    checked = 0
    for trial in range(300):
        rows = reliability_matrix(rng, rng.randint(2, 6), rng.randint(2, 60),
                                  rng.randint(2, 5), missing=rng.choice([0, 0.1, 0.3, 0.6]))
        mine = ours(rows).alpha()
        data = np.array([[np.nan if v is None else v for v in row] for row in rows], float)
        pairable = sum(1 for unit in zip(*rows, strict=True)
                       if sum(v is not None for v in unit) >= 2)
        values = {v for unit in zip(*rows, strict=True) if sum(x is not None for x in unit) >= 2
                  for v in unit if v is not None}
        if not pairable or len(values) < 2:
            assert mine is None, trial  # nothing to pair, or one category: undefined
            continue
        theirs = krippendorff.alpha(reliability_data=data, level_of_measurement="nominal")
        assert mine == pytest.approx(theirs, abs=1e-9), trial
        checked += 1
    assert checked > 250


def test_alpha_of_the_textbook_example_with_missing_values():
    # Krippendorff (2011), "Computing Krippendorff's alpha-reliability", section C: 4 coders,
    # 12 units, nominal; alpha = 0.743.
    rows = [[1, 2, 3, 3, 2, 1, 4, 1, 2, None, None, None],
            [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, None, 3],
            [None, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, None],
            [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, None]]
    assert ours(rows).alpha() == pytest.approx(0.743, abs=5e-4)


def test_fleiss_kappa_of_the_worked_example():
    # The worked example of Fleiss' kappa on Wikipedia ("Fleiss' kappa", Worked example):
    # 10 subjects, 14 raters each, 5 categories: P-bar = 0.378, P_e = 0.213, kappa = 0.210.
    table = [[0, 0, 0, 0, 14], [0, 2, 6, 4, 2], [0, 0, 3, 5, 6], [0, 3, 9, 2, 0],
             [2, 2, 8, 1, 1], [7, 7, 0, 0, 0], [3, 2, 6, 3, 0], [2, 5, 3, 2, 2],
             [6, 5, 2, 1, 0], [0, 2, 2, 3, 7]]
    units = NominalUnits()
    for counts in table:
        units.add([str(c) for c, k in enumerate(counts) for _ in range(k)])
    assert units.fleiss() == pytest.approx(0.210, abs=5e-4)


def test_fleiss_kappa_is_undefined_when_units_have_different_numbers_of_coders():
    units = NominalUnits()
    units.add(["a", "a"])
    units.add(["a", "b", "b"])
    assert units.coders_per_unit() == {2, 3} and units.fleiss() is None
    assert units.alpha() is not None
    one = NominalUnits()
    one.add(["O", "O"], 40)
    assert one.alpha() is None and one.fleiss() is None  # one category throughout
    assert NominalUnits().alpha() is None and NominalUnits().fleiss() is None


def test_fleiss_with_two_coders_is_scotts_pi():
    rng = random.Random(2)
    for _ in range(50):
        rows = reliability_matrix(rng, 2, 40, 3, missing=0)
        units = ours(rows)
        pairs = list(zip(*rows, strict=True))
        n = len(pairs)
        observed = Fraction(sum(a == b for a, b in pairs), n)
        marginal = [Fraction(sum((a == c) + (b == c) for a, b in pairs), 2 * n)
                    for c in range(3)]
        expected = sum(p * p for p in marginal)
        if expected == 1:
            continue
        assert units.fleiss() == pytest.approx(float((observed - expected) / (1 - expected)))


# -- u-alpha ---------------------------------------------------------------------------------
def krippendorff_2004() -> Unitizing:
    """Krippendorff (2004), "Measuring the reliability of qualitative text analysis data",
    Quality & Quantity 38: 787-800, Figure 2 and its appendix (the same example as Content
    Analysis, 2nd ed., 2004, p. 254): a continuum from 150 to 450, observers i and j, categories
    c and k. Here one document of 300 code points, every offset less 150."""
    i = [(225, 295, "c"), (370, 400, "c"), (180, 240, "k"), (300, 350, "k")]
    j = [(220, 300, "c"), (355, 375, "c"), (400, 420, "c"), (180, 240, "k"), (300, 350, "k")]
    u = Unitizing()
    u.add(300, [[(s - 150, e - 150, x) for s, e, x in coder] for coder in (i, j)])
    return u


def test_u_alpha_of_krippendorff_2004_by_hand():
    u = krippendorff_2004()
    c = u.label("c")
    # Observed, c: i's unit 225-295 against j's 220-300: 5^2 + 5^2 = 50; i's 370-400 against
    # j's 355-375: 15^2 + 25^2 = 850; j's 400-420 lies in i's gap 400-450: 20^2 = 400. Each
    # ordered pair of observers: 2 x 1300 over m (m - 1) L^2 = 2 x 300^2.
    assert Fraction(c.observed).limit_denominator(1000) == Fraction(2600, 180000)
    # Expected, c: N_c = 5 units (70, 30, 80, 20, 20), gaps 75, 75, 50 (i) and 70, 55, 25, 30
    # (j); sum over units of (N_c - 1)(2l^3 - 3l^2 + l)/3 + l^2 sum over gaps >= l of
    # (gap - l + 1) = 958,860 + 231,340 + 1,339,840 + 2 x 118,560 = 2,767,160; times 2/L,
    # over mL(mL - 1) - sum l(l - 1) = 600 x 599 - 12,780 = 346,620.
    assert c.expected == pytest.approx(2767160 * 2 / 300 / 346620)
    # The paper's figures, to its four decimals.
    assert c.observed == pytest.approx(0.0144, abs=5e-5)
    assert c.expected == pytest.approx(0.0532, abs=5e-5)
    assert c.alpha == pytest.approx(0.7286, abs=5e-5)
    k = u.label("k")
    assert k.observed == 0 and k.expected == pytest.approx(0.0490, abs=5e-5) and k.alpha == 1
    # Over both: 1 - (.0144 + 0) / (.0532 + .0490) = 0.8591 with the paper's rounded parts;
    # 0.8587 from the exact ones.
    assert u.alpha() == pytest.approx(1 - c.observed / (c.expected + k.expected))
    assert u.alpha() == pytest.approx(0.8591, abs=5e-4)


def krippendorff_1995(stretch: int) -> Unitizing:
    """Krippendorff (1995), "On the reliability of unitizing continuous data", Sociological
    Methodology 25: 47-76, p. 57: four pairs of observers unitize a continuum of 24 for
    categories A (Bertha, Bill), B (John, Jill), C (Gerret, Gill) and D (Heather, Hill), as
    (start, length); ``stretch`` multiplies every number (a finer continuum)."""
    first = [(2, 8, "A"), (14, 6, "A"), (0, 18, "B"), (2, 6, "C"), (10, 2, "C"), (14, 4, "C"),
             (20, 2, "C"), (0, 2, "D"), (2, 8, "D"), (10, 4, "D"), (14, 6, "D"), (20, 4, "D")]
    second = [(4, 4, "A"), (15, 2, "A"), (0, 2, "B"), (2, 1, "B"), (3, 1, "B"), (4, 1, "B"),
              (5, 1, "B"), (6, 3, "B"), (9, 1, "B"), (0, 2, "C"), (4, 4, "C"), (10, 4, "C"),
              (16, 2, "C"), (20, 2, "C"), (0, 4, "D"), (4, 4, "D"), (8, 7, "D"), (15, 2, "D"),
              (17, 7, "D")]
    u = Unitizing()
    u.add(24 * stretch, [[(stretch * s, stretch * (s + n), x) for s, n, x in coder]
                         for coder in (first, second)])
    return u


def test_u_alpha_of_krippendorff_1995():
    u = krippendorff_1995(1)
    # Observed disagreements as the paper works them out, e.g. A: Bertha's 2-10 against Bill's
    # 4-8 gives 2^2 + 2^2, her 14-20 against his 15-17 1^2 + 3^2: 2 x 18 / (2 x 24^2) = 1/32.
    # B: John's one unit 0-18 against each of Jill's seven (adjacent, no gap between them).
    assert u.label("A").observed == pytest.approx(0.03125)
    assert u.label("B").observed == pytest.approx(2.26736, abs=1e-5)
    assert u.label("C").observed == pytest.approx(0.02777, abs=1e-5)
    assert u.label("D").observed == pytest.approx(0.38715, abs=1e-5)
    # The paper's alphas treat the continuum as continuous: a fine grain comes close. Its
    # expected disagreements carry a small slip (see Krippendorff 2004, which corrects the
    # formula), hence the tolerance.
    fine = krippendorff_1995(50000)
    for label, alpha in (("A", 0.553), ("B", -0.926), ("C", 0.679), ("D", 0.066)):
        assert fine.label(label).alpha == pytest.approx(alpha, abs=0.02), label
    assert fine.label("A").observed == pytest.approx(0.03125)  # observed is scale-free


def test_u_alpha_is_one_for_identical_coders_and_undefined_without_units():
    spans = [(0, 4, "X"), (10, 20, "Y"), (12, 15, "X")]
    u = Unitizing()
    u.add(40, [spans, spans, spans])
    assert u.alpha() == 1 and u.label("X").alpha == 1 and u.label("Y").units == 3
    empty = Unitizing()
    empty.add(40, [[], []])
    assert empty.alpha() is None and empty.label("X").alpha is None
    alone = Unitizing()
    alone.add(40, [spans])  # one coder: nothing to compare
    assert alone.documents == 0 and alone.alpha() is None


def test_u_alpha_merges_one_coders_overlapping_units_and_counts_missing_coders():
    one = Unitizing()
    one.add(30, [[(0, 10, "X"), (5, 12, "X")], [(0, 12, "X")]])
    assert one.label("X").observed == 0  # 0-10 and 5-12 are one unit 0-12
    # A third coder on the second document only: the pairs are counted where they coded.
    u = Unitizing()
    u.add(30, [[(0, 10, "X")], [(0, 10, "X")]])
    u.add(30, [[(3, 9, "X")], [(3, 9, "X")], [(3, 9, "X")]])
    assert u.paired == 2 * 30 + 6 * 30 and u.coded == 2 * 30 + 3 * 30
    assert u.alpha() == 1
    # Laying documents end to end: two identical documents give the same u-alpha as one.
    a, b = [(2, 8, "X"), (20, 25, "X")], [(3, 8, "X"), (26, 28, "X")]
    single, double = Unitizing(), Unitizing()
    single.add(40, [a, b])
    double.add(40, [a, b])
    double.add(40, [a, b])
    assert double.alpha() == pytest.approx(single.alpha(), abs=0.02)
    assert double.label("X").observed == pytest.approx(single.label("X").observed / 2)


def sections(length: int, units: list[tuple[int, int]]) -> list[tuple[int, int, bool]]:
    """A coder's units and the gaps between them, covering the whole continuum."""
    out, position = [], 0
    for start, end in units:
        if start > position:
            out.append((position, start, False))
        out.append((start, end, True))
        position = end
    if position < length:
        out.append((position, length, False))
    return out


def distance_by_definition(length: int, a: list[tuple[int, int]], b: list[tuple[int, int]]
                           ) -> int:
    """Krippendorff's delta squared summed over every pair of sections, as defined (2004)."""
    total = 0
    for gs, ge, g_unit in sections(length, a):
        for hs, he, h_unit in sections(length, b):
            if g_unit and h_unit and gs < he and hs < ge:
                total += (gs - hs) ** 2 + (ge - he) ** 2
            elif g_unit and not h_unit and hs <= gs and ge <= he:
                total += (ge - gs) ** 2
            elif h_unit and not g_unit and gs <= hs and he <= ge:
                total += (he - hs) ** 2
    return total


def test_observed_distance_equals_its_definition_over_every_pair_of_sections():
    from annotator.core.reliability import _distance, _units_by_label

    rng = random.Random(23)

    def units(length: int) -> list[tuple[int, int, str]]:
        out = []
        for _ in range(rng.randint(0, 6)):
            s = rng.randrange(length)
            out.append((s, rng.randint(s + 1, min(length, s + 9)), "X"))
        return out

    for _ in range(2000):
        length = rng.randint(1, 40)
        a, b = _units_by_label(units(length)), _units_by_label(units(length))
        ua, ub = a.get("X", ([], [])), b.get("X", ([], []))
        expected = distance_by_definition(length, list(zip(*ua, strict=True)),
                                          list(zip(*ub, strict=True)))
        assert _distance(ua, ub) == expected
