"""Global indices against hand-computed cases and slow reference implementations."""

from __future__ import annotations

import math

import geopandas as gpd
import numpy as np
import pandas as pd
import pytest
import shapely
from scipy.sparse.csgraph import shortest_path

from dikas.errors import CRSError, DataError, MissingColumnError, ParameterError
from dikas.segregation import compute_index, compute_indices, multigroup_counts, two_group_counts
from dikas.segregation.registry import INDICES, MULTIGROUP_SUITE, TWO_GROUP_SUITE
from tests.segregation.helpers import synthetic_city


@pytest.fixture
def city() -> gpd.GeoDataFrame:
    return synthetic_city(seed=3)


def test_complete_segregation_of_two_units() -> None:
    frame = pd.DataFrame({"g": [50, 0], "t": [50, 150]})
    counts = two_group_counts(frame, group="g", total="t")
    values = compute_indices(counts).statistics()
    assert values["dissimilarity"] == pytest.approx(1.0)
    assert values["gini"] == pytest.approx(1.0)
    assert values["isolation"] == pytest.approx(1.0)
    assert values["interaction"] == pytest.approx(0.0)
    assert values["entropy"] == pytest.approx(1.0)
    assert values["correlation_ratio"] == pytest.approx(1.0)
    assert set(values) == {n for n in TWO_GROUP_SUITE if not INDICES[n].spatial}


def test_even_distribution_has_no_segregation() -> None:
    frame = pd.DataFrame({"g": [10, 20, 30], "t": [100, 200, 300]})
    values = compute_indices(two_group_counts(frame, group="g", total="t")).statistics()
    for name in ("dissimilarity", "gini", "entropy", "atkinson", "correlation_ratio"):
        assert values[name] == pytest.approx(0.0, abs=1e-12)
    assert values["isolation"] == pytest.approx(0.1)


def test_sorted_gini_equals_the_double_sum(city) -> None:
    counts = two_group_counts(city, group="group", total="total")
    x, t = counts.group, counts.total
    p, P, T = x / t, x.sum() / t.sum(), t.sum()
    brute = (np.outer(t, t) * np.abs(p[:, None] - p[None, :])).sum() / (2 * T * T * P * (1 - P))
    assert compute_index("gini", counts).statistic == pytest.approx(brute, rel=1e-12)


def test_spatial_dissimilarity_on_a_lattice_equals_the_dense_formula(city) -> None:
    counts = two_group_counts(city, group="group", total="total")
    p = counts.group / counts.total
    centres = shapely.get_coordinates(city.geometry.centroid)
    gap = np.abs(centres[:, None, :] - centres[None, :, :]).max(axis=2)
    queen = (gap > 0) & (gap < 251)  # the 8 lattice neighbours
    contrast = (queen * np.abs(p[:, None] - p[None, :])).sum() / queen.sum()
    expected = compute_index("dissimilarity", counts).statistic - contrast
    assert compute_index("spatial_dissimilarity", counts).statistic == pytest.approx(expected)


def test_spatial_proximity_profile_equals_the_per_threshold_definition(city) -> None:
    counts = two_group_counts(city, group="group", total="total")
    geography = counts.geography
    delta = shortest_path(geography.queen, unweighted=True, directed=False)
    p, m = counts.group / counts.total, 50
    grid = np.linspace(0, 1, m)
    eta = np.zeros(m)
    for k, tau in enumerate(grid):
        inside = p >= tau
        size, paths = inside.sum(), delta[np.ix_(inside, inside)].sum()
        eta[k] = (size * size - size) / paths if size > 1 else 0.0
    P = counts.group.sum() / counts.total.sum()
    expected = (P - (eta[grid < P].sum() / m - eta[grid >= P].sum() / m)) / (1 - P)
    value = compute_index("spatial_proximity_profile", counts, m=m).statistic
    assert value == pytest.approx(expected, rel=1e-12)


def test_corrected_distance_decay_follows_massey_and_denton(city) -> None:
    counts = two_group_counts(city, group="group", total="total")
    x, t = counts.group, counts.total
    xy = shapely.get_coordinates(city.geometry.centroid) / 1000
    d = np.sqrt(((xy[:, None, :] - xy[None, :, :]) ** 2).sum(axis=2))
    np.fill_diagonal(d, np.sqrt(0.6 * city.area.to_numpy() / 1e6))
    c = np.exp(-d)
    k = c * t[None, :] / (c @ t)[:, None]
    isolation = sum(x[i] / x.sum() * (k[i] * x / t).sum() for i in range(len(x)))
    interaction = sum(x[i] / x.sum() * (k[i] * (t - x) / t).sum() for i in range(len(x)))
    y = t - x
    clustering = (x @ c @ x / x.sum() ** 2) / (y @ c @ y / y.sum() ** 2) - 1
    assert compute_index("distance_decay_isolation_corrected", counts).statistic == pytest.approx(
        isolation, rel=1e-12
    )
    assert compute_index("distance_decay_interaction_corrected", counts).statistic == pytest.approx(
        interaction, rel=1e-12
    )
    assert compute_index("relative_clustering_corrected", counts).statistic == pytest.approx(
        clustering, rel=1e-12
    )
    assert isolation + interaction == pytest.approx(1.0)


def test_multigroup_with_two_groups_reduces_to_two_group_indices(city) -> None:
    frame = city.assign(rest=city["total"] - city["group"])
    two = two_group_counts(frame, group="group", total="total")
    multi = multigroup_counts(frame, groups=["group", "rest"])
    values = compute_indices(multi).statistics()
    assert list(values) == list(MULTIGROUP_SUITE)
    assert values["multigroup_dissimilarity"] == pytest.approx(
        compute_index("dissimilarity", two).statistic
    )
    assert values["multigroup_gini"] == pytest.approx(compute_index("gini", two).statistic)
    assert values["multigroup_information_theory"] == pytest.approx(
        compute_index("entropy", two).statistic
    )
    assert values["simpsons_interaction"] + values["simpsons_concentration"] == pytest.approx(1)


def test_zero_and_missing_totals_are_excluded_and_listed(city) -> None:
    frame = city.copy()
    frame.loc[[0, 1], ["group", "total"]] = 0
    frame.loc[2, "total"] = np.nan
    counts = two_group_counts(frame, group="group", total="total", id_column="cell")
    assert {(e.unit_id, e.reason) for e in counts.excluded} == {
        ("c000", "zero total"),
        ("c001", "zero total"),
        ("c002", "missing value"),
    }
    suite = compute_indices(counts)
    assert suite.n_units == len(city) - 3
    undefined = {n: r.note for n, r in suite.results.items() if not math.isfinite(r.statistic)}
    # Equal cells make relative concentration's denominator zero; that is said, not hidden.
    assert list(undefined) == ["relative_concentration"]
    assert "same population-weighted mean area" in undefined["relative_concentration"]


def test_bad_inputs_raise_one_clear_error(city) -> None:
    with pytest.raises(MissingColumnError, match="nope"):
        two_group_counts(city, group="nope", total="total")
    with pytest.raises(DataError, match="exceeds"):
        two_group_counts(city.assign(group=city["total"] + 1), group="group", total="total")
    with pytest.raises(DataError, match="negative"):
        two_group_counts(city.assign(group=-1), group="group", total="total")
    with pytest.raises(CRSError):
        two_group_counts(city.to_crs(4326), group="group", total="total")
    counts = two_group_counts(city, group="group", total="total")
    with pytest.raises(ParameterError, match="unknown index"):
        compute_index("segregationness", counts)
    with pytest.raises(ParameterError, match="no parameter"):
        compute_index("dissimilarity", counts, b=0.3)
    with pytest.raises(ParameterError, match="shape parameter"):
        compute_index("atkinson", counts, b=1.0)
    with pytest.raises(ParameterError, match="multigroup"):
        compute_index("multigroup_gini", counts)
    aspatial = two_group_counts(
        pd.DataFrame(city.drop(columns="geometry")), group="group", total="total"
    )
    with pytest.raises(ParameterError, match="spatial"):
        compute_index("delta", aspatial)


def test_quadratic_structures_are_refused_for_too_many_units(city, monkeypatch) -> None:
    from dikas.segregation import geography

    monkeypatch.setattr(geography, "MAX_DENSE_UNITS", 10)
    counts = two_group_counts(city, group="group", total="total")
    with pytest.raises(ParameterError, match="exceed the limit"):
        compute_index("distance_decay_isolation", counts)
    assert compute_index("spatial_dissimilarity", counts).statistic > 0  # sparse: still fine
