"""Null models, p-values, bootstrap intervals, period comparisons and profiles."""

from __future__ import annotations

import numpy as np
import pytest

from dikas.errors import ParameterError
from dikas.segregation import (
    bootstrap_index,
    compare_periods,
    compute_index,
    multigroup_counts,
    multiscalar_profile,
    null_test,
    null_tests,
    two_group_counts,
)
from dikas.segregation.inference import simulate_counts
from dikas.segregation.registry import TWO_GROUP_SUITE
from tests.segregation.helpers import synthetic_city


@pytest.fixture
def counts():
    return two_group_counts(synthetic_city(seed=5), group="group", total="total")


@pytest.mark.parametrize("null", ["permutation", "systematic", "evenness"])
def test_null_models_keep_what_they_promise(counts, null) -> None:
    rng = np.random.default_rng(0)
    x, t = simulate_counts(counts, null=null, iterations=50, rng=rng)
    assert x.shape == t.shape == (counts.n_units, 50)
    assert np.all(x >= 0) and np.all(x <= t)
    if null in ("permutation", "evenness"):
        assert np.array_equal(t, np.repeat(counts.total[:, None], 50, axis=1))
    if null in ("permutation", "systematic"):
        assert np.all(x.sum(axis=0) == counts.group.sum())
        assert np.all(t.sum(axis=0) == counts.total.sum())


def test_multigroup_permutation_keeps_unit_and_group_totals() -> None:
    city = synthetic_city(seed=1)
    multi = multigroup_counts(
        city.assign(rest=city["total"] - city["group"]), groups=["group", "rest", "other"]
    )
    (sim,) = simulate_counts(multi, null="permutation", iterations=20, rng=np.random.default_rng(1))
    assert np.all(sim.sum(axis=2) == multi.counts.sum(axis=1))
    assert np.all(sim.sum(axis=1) == multi.counts.sum(axis=0))


def test_segregated_city_is_significant_and_p_value_is_two_sided(counts) -> None:
    result = null_test("dissimilarity", counts, iterations=199, seed=1)
    above = (result.simulated >= result.statistic).sum()
    below = (result.simulated <= result.statistic).sum()
    assert result.p_value == min(1, 2 * min(above, below) / 199)
    assert result.p_value < 0.05 and result.null_mean < result.statistic


def test_unsegregated_city_is_not_significant() -> None:
    city = synthetic_city(seed=2)
    rng = np.random.default_rng(2)
    city["group"] = rng.binomial(city["total"], 0.3)
    even = two_group_counts(city, group="group", total="total")
    assert null_test("dissimilarity", even, iterations=199, seed=3).p_value > 0.05


def test_vectorized_replicates_equal_one_by_one_evaluation(counts) -> None:
    results = null_tests(counts, list(TWO_GROUP_SUITE), iterations=5, seed=4)
    x, t = simulate_counts(counts, null="permutation", iterations=5, rng=np.random.default_rng(4))
    for name, result in results.items():
        for b in range(5):
            replicate = two_group_counts(
                synthetic_city(seed=5).assign(group=x[:, b], total=t[:, b]),
                group="group",
                total="total",
            )
            assert result.simulated[b] == pytest.approx(
                compute_index(name, replicate).statistic, rel=1e-10, nan_ok=True
            )


def test_bootstrap_interval_brackets_the_statistic(counts) -> None:
    interval = bootstrap_index("dissimilarity", counts, iterations=200, seed=0)
    assert interval.lower < interval.statistic < interval.upper
    spatial = bootstrap_index("spatial_dissimilarity", counts, iterations=20, seed=0)
    assert np.isfinite(spatial.replicates).all()
    with pytest.raises(ParameterError):
        bootstrap_index("dissimilarity", counts, level=1.5)


def test_period_comparison_detects_a_real_change_and_not_a_null_one(counts) -> None:
    same = compare_periods("dissimilarity", counts, counts, iterations=99, seed=0)
    assert same.difference == 0 and same.p_value == 1.0
    city = synthetic_city(seed=5)
    rng = np.random.default_rng(9)
    mixed = two_group_counts(
        city.assign(group=rng.binomial(city["total"], 0.3)), group="group", total="total"
    )
    change = compare_periods("dissimilarity", counts, mixed, iterations=199, seed=0)
    assert change.difference > 0 and change.significant()
    boot = compare_periods(
        "dissimilarity", counts, mixed, method="bootstrap", iterations=99, seed=0
    )
    assert boot.p_value < 0.05


def test_multiscalar_profile_starts_at_the_raw_index_and_smooths(counts) -> None:
    profile = multiscalar_profile("dissimilarity", counts, [300.0, 1000.0])
    assert profile.loc[0.0] == compute_index("dissimilarity", counts).statistic
    assert profile.loc[1000.0] < profile.loc[0.0]
    with pytest.raises(ParameterError, match="already spatial"):
        multiscalar_profile("spatial_dissimilarity", counts, [500.0])


def test_units_emptied_by_a_simulation_add_nothing_as_in_pysal(counts) -> None:
    from segregation.singlegroup import Dissim, Gini, SpatialDissim

    from dikas.segregation.indices import INDICES, evaluate

    city = synthetic_city(seed=5)
    emptied = city.assign(
        group=city["group"].where(city.index > 2, 0), total=city["total"].where(city.index > 2, 0)
    )
    x, t = emptied["group"].to_numpy(float), emptied["total"].to_numpy(float)
    for name, reference in (
        ("dissimilarity", Dissim),
        ("gini", Gini),
        ("spatial_dissimilarity", SpatialDissim),
    ):
        ours = evaluate(INDICES[name], counts, (x, t), INDICES[name].defaults)
        assert ours == pytest.approx(reference(emptied, "group", "total").statistic, rel=1e-12)
