"""The two aggregation methods against hand-computed cases, and which family uses which."""

from __future__ import annotations

import geopandas as gpd
import numpy as np
import pandas as pd
import pytest
import shapely

from dikas.accessibility.areas import AGGREGATION as ACCESS_AGGREGATION
from dikas.accessibility.indicators import to_indicator_rows
from dikas.climate.compute import aggregated_parameters
from dikas.climate.interpolation import AGGREGATION as CLIMATE_AGGREGATION
from dikas.errors import MissingColumnError
from dikas.twin.aggregation import (
    AGGREGATION_METHODS,
    AREAL_OVERLAY,
    POPULATION_WEIGHTED_BY_POSTAL_CODE,
    areal_overlay,
    population_weighted_by_postal_code,
)

X0, Y0 = 385_000.0, 6_671_000.0


def _city() -> tuple[gpd.GeoDataFrame, gpd.GeoDataFrame]:
    """Areas A = [0, 300] and B = [300, 1000] (× [0, 250] m) over four 250 m cells.

    Cell c1 = [250, 500] lies 20 % in A and 80 % in B; its centre (375) is in B, so the
    grid links it to B. Residents 100, 200, 0, 300; values 10, 20, 30, 40.
    """
    areas = gpd.GeoDataFrame(
        {"postal_code": ["A", "B"]},
        geometry=[
            shapely.box(X0, Y0, X0 + 300, Y0 + 250),
            shapely.box(X0 + 300, Y0, X0 + 1000, Y0 + 250),
        ],
        crs="EPSG:3067",
    ).set_index("postal_code")
    cells = gpd.GeoDataFrame(
        {
            "cell_id": ["c0", "c1", "c2", "c3"],
            "postal_code": ["A", "B", "B", "B"],
            "inhabitants": [100.0, 200.0, 0.0, 300.0],
            "value": [10.0, 20.0, 30.0, 40.0],
        },
        geometry=[shapely.box(X0 + 250 * i, Y0, X0 + 250 * (i + 1), Y0 + 250) for i in range(4)],
        crs="EPSG:3067",
    )
    return areas, cells


def test_population_weighted_by_postal_code_by_hand() -> None:
    _, cells = _city()
    values = cells.set_index("cell_id")["value"]
    result = population_weighted_by_postal_code(values, cells)
    # A: c0 alone; B: (200·20 + 0·30 + 300·40) / (200 + 0 + 300) = 16000 / 500.
    assert result.to_dict() == {"A": 10.0, "B": 32.0}


def test_population_weighted_by_postal_code_skips_missing_and_unlinked_cells() -> None:
    _, cells = _city()
    cells.loc[3, "postal_code"] = None  # c3 has no postal area: left out
    values = cells.set_index("cell_id")["value"].copy()
    values["c1"] = np.nan  # c1 has no value: left out
    result = population_weighted_by_postal_code(values, cells)
    assert result["A"] == 10.0
    assert np.isnan(result["B"])  # only c2 is left, with no residents
    with pytest.raises(MissingColumnError, match="postal_code"):
        population_weighted_by_postal_code(values, cells.drop(columns="postal_code"))


def test_areal_overlay_by_hand() -> None:
    areas, cells = _city()
    result = areal_overlay(
        cells.assign(area_value=cells["value"]),
        areas,
        population="inhabitants",
        extensive=["inhabitants"],
        intensive_by_population=["value"],
        intensive_by_area=["area_value"],
    )
    # Counts: A = 100 + 0.2·200 = 140, B = 0.8·200 + 0 + 300 = 460 (the 600 conserved).
    np.testing.assert_allclose(result["inhabitants"], [140.0, 460.0])
    # By residents of the pieces: A = (100·10 + 40·20) / 140, B = (160·20 + 300·40) / 460.
    np.testing.assert_allclose(result["value"], [1800 / 140, 15200 / 460])
    # By piece area (m²): A = (62500·10 + 12500·20) / 75000,
    # B = (50000·20 + 62500·30 + 62500·40) / 175000.
    np.testing.assert_allclose(result["area_value"], [875_000 / 75_000, 5_375_000 / 175_000])
    assert list(result.index) == ["A", "B"]


def test_areal_overlay_missing_count_makes_the_area_missing() -> None:
    areas, cells = _city()
    cells.loc[1, "inhabitants"] = np.nan
    result = areal_overlay(
        cells.assign(count=[1.0, np.nan, 1.0, 1.0]),
        areas,
        population="inhabitants",
        extensive=["count"],
    )
    assert np.isnan(result["count"]).all()  # c1 overlaps both areas


def test_the_two_methods_differ_where_a_cell_is_split() -> None:
    areas, cells = _city()
    linked = population_weighted_by_postal_code(cells.set_index("cell_id")["value"], cells)
    overlaid = areal_overlay(
        cells, areas, population="inhabitants", intensive_by_population=["value"]
    )["value"]
    assert linked["A"] == 10.0 and overlaid["A"] == pytest.approx(12.857142857)


def test_each_family_names_its_method_and_records_it() -> None:
    assert set(AGGREGATION_METHODS) == {POPULATION_WEIGHTED_BY_POSTAL_CODE, AREAL_OVERLAY}
    assert ACCESS_AGGREGATION == POPULATION_WEIGHTED_BY_POSTAL_CODE
    assert CLIMATE_AGGREGATION == AREAL_OVERLAY
    table = pd.DataFrame({"nearest_1": [5.0]}, index=pd.Index(["00100"]))
    rows = to_indicator_rows(
        table,
        mode="walk",
        service_type="school",
        level="areas",
        method="m",
        parameters={"threshold_min": 15.0},
        source_layers=["grid"],
    )
    assert rows["parameters"].iloc[0]["aggregation"] == POPULATION_WEIGHTED_BY_POSTAL_CODE
    cell_rows = to_indicator_rows(
        table,
        mode="walk",
        service_type="school",
        level="grid",
        method="m",
        parameters={},
        source_layers=["grid"],
    )
    assert "aggregation" not in cell_rows["parameters"].iloc[0]
    assert aggregated_parameters({"a": 1}, "areas") == {"a": 1, "aggregation": AREAL_OVERLAY}
    assert aggregated_parameters({"a": 1}, "grid") == {"a": 1}
    assert aggregated_parameters({"a": 1}, "city") == {"a": 1}
