"""Inequality indices and coverage against direct formulas, hand cases and PySAL."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from dikas.accessibility.equity import (
    concentration_index,
    coverage,
    gini,
    palma_ratio,
    summarize_equity,
    theil,
)
from dikas.errors import ParameterError

RNG_SEEDS = [0, 1, 2]


def direct_gini(x: np.ndarray, w: np.ndarray) -> float:
    """The O(n²) definition."""
    mean = np.dot(w, x) / w.sum()
    return np.sum(np.outer(w, w) * np.abs(x[:, None] - x[None, :])) / (2 * w.sum() ** 2 * mean)


def test_hand_cases() -> None:
    x = np.array([1.0, 2.0, 3.0, 4.0])
    # Σ|xi − xj| over ordered pairs = 20; G = 20 / (2 · 16 · 2.5) = 0.25.
    assert gini(x) == pytest.approx(0.25)
    # T = ¼ Σ (x/2.5) ln(x/2.5)
    assert theil(x) == pytest.approx(np.mean(x / 2.5 * np.log(x / 2.5)))
    # Ranked by itself, the concentration index is the Gini: R = (1, 3, 5, 7)/8,
    # cov = ¼ Σ (x − 2.5)(R − ½) = 0.3125, C = 2 · 0.3125 / 2.5.
    assert concentration_index(x, x) == pytest.approx(0.25)
    assert concentration_index(x, -x) == pytest.approx(-0.25)
    assert gini(np.full(5, 7.0)) == 0.0 and theil(np.full(5, 7.0)) == 0.0


def test_palma_by_hand() -> None:
    # Ten people with 1…10: bottom 40 % hold 10/55, top 10 % hold 10/55.
    assert palma_ratio(np.arange(1, 11)) == pytest.approx(1.0)
    # Two units of one person each, 1 and 3: L(0.4) = 0.2, L(0.9) = 0.25 + 0.75 · 0.8.
    assert palma_ratio([1.0, 3.0]) == pytest.approx(0.15 / 0.2)
    # Ranked by income instead: the richer person has the smaller value.
    assert palma_ratio([1.0, 3.0], rank_by=[2.0, 1.0]) == pytest.approx(
        (1 - (0.75 + 0.25 * 0.8)) / (0.75 * 0.8)
    )


@pytest.mark.parametrize("seed", RNG_SEEDS)
def test_weighted_indices_equal_replicated_people(seed: int) -> None:
    rng = np.random.default_rng(seed)
    x = rng.uniform(1, 30, 25)
    w = rng.integers(1, 9, 25)
    income = rng.integers(1, 6, 25).astype(float)  # ties on purpose
    people = np.repeat(x, w)
    inequality = pytest.importorskip("inequality")
    assert gini(x, w) == pytest.approx(direct_gini(x, w.astype(float)), rel=1e-12)
    assert gini(x, w) == pytest.approx(direct_gini(people, np.ones_like(people)), rel=1e-12)
    assert gini(people) == pytest.approx(inequality.gini.Gini(people).g, rel=1e-12)
    assert theil(x, w) == pytest.approx(inequality.theil.Theil(people).T, rel=1e-12)
    assert palma_ratio(x, w) == pytest.approx(palma_ratio(people), rel=1e-12)
    assert concentration_index(x, income, w) == pytest.approx(
        concentration_index(people, np.repeat(income, w)), rel=1e-12
    )


@pytest.mark.parametrize("seed", RNG_SEEDS)
def test_concentration_index_equals_the_curve_area(seed: int) -> None:
    """With distinct incomes, C = 1 − 2∫L(p)dp over the concentration curve (trapezoids)."""
    rng = np.random.default_rng(seed)
    x = rng.uniform(0, 20, 50)
    income = rng.permutation(50).astype(float)
    order = np.argsort(income)
    cumulative = np.r_[0, np.cumsum(x[order])] / x.sum()
    area = np.sum((cumulative[1:] + cumulative[:-1]) / 2) / len(x)
    assert concentration_index(x, income) == pytest.approx(1 - 2 * area, rel=1e-12)


def test_missing_values_and_zero_weights_are_left_out() -> None:
    assert gini([1, 2, np.nan, 3, 4], [1, 1, 5, 1, 1]) == pytest.approx(
        gini([1, 2, 3, 4], [1, 1, 1, 1])
    )
    assert theil([1, 2, 3, 4, 100], [1, 1, 1, 1, 0]) == pytest.approx(theil([1, 2, 3, 4]))
    with pytest.raises(ParameterError):
        gini([np.nan], [1])
    with pytest.raises(ParameterError):
        gini([1, -1])


def test_coverage_and_summary_by_hand() -> None:
    time = pd.Series({"c1": 5.0, "c2": 14.0, "c3": 25.0, "c4": np.nan})
    groups = pd.DataFrame(
        {
            "all": [100, 200, 300, 400],
            "age_75_plus": [10, 0, 30, 60],
            "lowest_income": [50, 20, 10, 0],
        },
        index=["c1", "c2", "c3", "c4"],
        dtype=float,
    )
    shares = coverage(time, groups, threshold_min=15)
    assert shares.to_dict() == pytest.approx(
        {"all": 0.3, "age_75_plus": 0.1, "lowest_income": 70 / 80}
    )
    income = pd.Series({"c1": 20_000.0, "c2": 25_000.0, "c3": 40_000.0, "c4": 50_000.0})
    summary = summarize_equity(time, groups, population="all", income=income)
    table = summary.table
    assert table.loc["age_75_plus", "mean_time"] == pytest.approx((10 * 5 + 30 * 25) / 40)
    assert table.loc["all", "population"] == 1000
    assert table.loc["all", "gini"] == pytest.approx(gini([5, 14, 25], [100, 200, 300]))
    # The richer cells have the longer trips: a positive concentration index.
    assert summary.city["concentration_index"] == pytest.approx(
        concentration_index([5, 14, 25], [1, 2, 3], [100, 200, 300])
    )
    assert summary.city["concentration_index"] > 0
