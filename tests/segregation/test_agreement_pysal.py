"""Every global index agrees with PySAL ``segregation`` to 1e-9 on real Helsinki data."""

from __future__ import annotations

import math
import warnings

import geopandas as gpd
import numpy as np
import pytest
from libpysal.weights import Queen, Rook

from dikas.segregation import compute_index, compute_indices, multigroup_counts, two_group_counts
from dikas.segregation.geography import Geography
from dikas.segregation.registry import INDICES, MULTIGROUP_SUITE, TWO_GROUP_SUITE
from tests.segregation.helpers import (
    ADULTS,
    HOUSEHOLDS,
    INCOME_GROUPS,
    INHABITANTS_PT,
    LOW_INCOME,
    RENTERS,
    UNEMPLOYED,
)

segregation = pytest.importorskip("segregation")
pytestmark = pytest.mark.integration

TOLERANCE = 1e-9
PAAVO_GROUPS = [(LOW_INCOME, ADULTS), (RENTERS, HOUSEHOLDS), (UNEMPLOYED, INHABITANTS_PT)]


def pysal_statistic(name: str, frame: gpd.GeoDataFrame, *args: object, **kwargs: object) -> float:
    module, cls = INDICES[name].pysal_class.split(".")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return getattr(getattr(segregation, module), cls)(frame, *args, **kwargs).statistic


def assert_same(ours: float, reference: float) -> None:
    if math.isnan(reference):
        assert math.isnan(ours)
    else:
        assert ours == pytest.approx(reference, abs=TOLERANCE, rel=TOLERANCE)


def positive(frame: gpd.GeoDataFrame, total: str) -> gpd.GeoDataFrame:
    """What PySAL gets: the units we keep (total > 0), in order, with a fresh index."""
    return frame[frame[total] > 0].reset_index(drop=True)


@pytest.mark.parametrize(("group", "total"), PAAVO_GROUPS)
def test_two_group_suite_on_paavo(paavo_2023, group: str, total: str) -> None:
    counts = two_group_counts(paavo_2023, group=group, total=total, id_column="postal_code")
    suite = compute_indices(counts)
    assert list(suite.results) == list(TWO_GROUP_SUITE)
    reference = positive(paavo_2023, total)
    for name, result in suite.results.items():
        if name == "spatial_proximity_profile" and group != LOW_INCOME:
            continue  # PySAL recompiles its numba kernel on every call; one variable suffices
        assert_same(result.statistic, pysal_statistic(name, reference, group, total))


def test_zero_total_area_is_reported_and_excluded(paavo_2023) -> None:
    counts = two_group_counts(paavo_2023, group=LOW_INCOME, total=ADULTS, id_column="postal_code")
    assert [(e.unit_id, e.reason) for e in counts.excluded] == [("00230", "zero total")]
    assert counts.n_units == len(paavo_2023) - 1
    result = compute_index("dissimilarity", counts)
    assert result.excluded == counts.excluded and not math.isnan(result.statistic)


def test_boundary_index_nan_is_explained_and_corrected_variant_matches_unstandardized(
    paavo_2023,
) -> None:
    counts = two_group_counts(paavo_2023, group=LOW_INCOME, total=ADULTS)
    default = compute_index("boundary_spatial_dissimilarity", counts)
    assert math.isnan(default.statistic) and "share no boundary" in default.note
    reference = positive(paavo_2023, ADULTS)
    unstandardized = compute_index("boundary_spatial_dissimilarity", counts, standardize=False)
    assert_same(
        unstandardized.statistic,
        pysal_statistic(
            "boundary_spatial_dissimilarity", reference, LOW_INCOME, ADULTS, standardize=False
        ),
    )
    corrected = compute_index("boundary_spatial_dissimilarity_corrected", counts)
    assert 0 < corrected.statistic < compute_index("dissimilarity", counts).statistic


def test_atkinson_shape_parameter_matches(paavo_2023) -> None:
    # PySAL's Atkinson class ignores b (always 0.5); its kernel function honours it.
    from segregation.singlegroup.atkinson import _atkinson

    counts = two_group_counts(paavo_2023, group=RENTERS, total=HOUSEHOLDS)
    reference = positive(paavo_2023, HOUSEHOLDS)
    for b in (0.1, 0.9):
        assert_same(
            compute_index("atkinson", counts, b=b).statistic,
            _atkinson(reference, RENTERS, HOUSEHOLDS, b=b)[0],
        )


def test_multigroup_suite_on_paavo(paavo_2023) -> None:
    counts = multigroup_counts(paavo_2023, groups=INCOME_GROUPS)
    suite = compute_indices(counts)
    assert list(suite.results) == list(MULTIGROUP_SUITE)
    reference = paavo_2023[paavo_2023[INCOME_GROUPS].sum(axis=1) > 0].reset_index(drop=True)
    for name, result in suite.results.items():
        assert_same(result.statistic, pysal_statistic(name, reference, INCOME_GROUPS))


def test_two_group_suite_on_hsy_grid(hsy_grid) -> None:
    counts = two_group_counts(hsy_grid, group="synthetic_group", total="inhabitants")
    assert counts.n_units == 5853
    # PySAL's spatial proximity profile runs Floyd–Warshall on 5,853 cells (minutes): it is
    # compared on the postal areas and a grid subset below instead.
    for name in TWO_GROUP_SUITE:
        if name == "spatial_proximity_profile":
            continue
        assert_same(
            compute_index(name, counts).statistic,
            pysal_statistic(name, hsy_grid, "synthetic_group", "inhabitants"),
        )


def test_spatial_proximity_profile_on_grid_subset(hsy_grid) -> None:
    centre = hsy_grid.geometry.centroid
    subset = hsy_grid[(centre.x < centre.x.quantile(0.35))].reset_index(drop=True)
    counts = two_group_counts(subset, group="synthetic_group", total="inhabitants")
    assert_same(
        compute_index("spatial_proximity_profile", counts).statistic,
        pysal_statistic("spatial_proximity_profile", subset, "synthetic_group", "inhabitants"),
    )


def test_multigroup_suite_on_hsy_grid(hsy_grid) -> None:
    grid = hsy_grid.assign(rest=hsy_grid["inhabitants"] - hsy_grid["synthetic_group"])
    groups = ["synthetic_group", "rest"]
    suite = compute_indices(multigroup_counts(grid, groups=groups))
    for name, result in suite.results.items():
        assert_same(result.statistic, pysal_statistic(name, grid, groups))


def test_contiguity_equals_libpysal_on_real_polygons(paavo_2023, hsy_grid) -> None:
    for frame in (paavo_2023, hsy_grid):
        geography = Geography(frame.geometry.to_numpy(), frame.crs)
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            queen = Queen.from_dataframe(frame, use_index=False).sparse
            rook = Rook.from_dataframe(frame, use_index=False).sparse
        assert abs(geography.queen - queen).sum() == 0
        assert abs(geography.rook - rook).sum() == 0


def test_multiscalar_profile_matches_pysal(paavo_2023) -> None:
    from segregation.dynamics import compute_multiscalar_profile
    from segregation.singlegroup import Dissim

    from dikas.segregation import multiscalar_profile

    reference_frame = positive(paavo_2023, ADULTS)
    counts = two_group_counts(paavo_2023, group=LOW_INCOME, total=ADULTS)
    distances = [1000.0, 2500.0, 5000.0]
    ours = multiscalar_profile("dissimilarity", counts, distances)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        reference = compute_multiscalar_profile(
            reference_frame,
            Dissim,
            group_pop_var=LOW_INCOME,
            total_pop_var=ADULTS,
            distances=distances,
        )
    np.testing.assert_allclose(
        ours.to_numpy(), reference.to_numpy(), rtol=TOLERANCE, atol=TOLERANCE
    )
    assert ours.iloc[-1] < ours.iloc[0]  # smoothing over larger egohoods evens shares out
