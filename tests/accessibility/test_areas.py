"""Accessibility per postal area: inhabitant-weighted means of the cells' measures."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from click.testing import CliRunner

import dikas
from dikas.accessibility.areas import area_measures
from dikas.cli.access import access

NAN = float("nan")
GRID = pd.DataFrame(
    {
        "cell_id": ["a", "b", "c", "d", "e", "f", "g", "h"],
        "postal_code": ["00100", "00100", "00100", "00100", "00200", "00300", None, "00100"],
        "inhabitants": [100, 300, 0, 50, 200, 0, 500, np.nan],
    }
)
TABLE = pd.DataFrame(
    {
        "nearest_1": [10.0, 20.0, 1.0, NAN, NAN, 5.0, 1.0, 100.0, 3.0],
        "cumulative_15min": [2.0, 4.0, 100.0, 0.0, 0.0, 7.0, 9.0, 50.0, 8.0],
    },
    index=pd.Index(["a", "b", "c", "d", "e", "f", "g", "h", "x"], name="from_id"),
)
"""Cell c and f have nobody, g no postal area, h no inhabitant count, x is not in the grid."""


def test_area_values_are_inhabitant_weighted_means_of_valued_cells() -> None:
    areas = area_measures(TABLE, GRID)
    assert list(areas.columns) == ["nearest_1", "cumulative_15min"]
    # 00300 has only an uninhabited cell: no row. Cells g, h and x count nowhere.
    assert sorted(areas.index) == ["00100", "00200"]
    # 00100: a (100 people, 10 min) and b (300, 20 min); d reaches nothing, c is empty.
    assert areas.loc["00100", "nearest_1"] == pytest.approx((100 * 10 + 300 * 20) / 400)
    # Counts: d's 50 residents reach no service and count with 0.
    assert areas.loc["00100", "cumulative_15min"] == pytest.approx(
        (100 * 2 + 300 * 4 + 50 * 0) / 450
    )
    # 00200: its only cell reaches no service: no travel time, zero services.
    assert np.isnan(areas.loc["00200", "nearest_1"])
    assert areas.loc["00200", "cumulative_15min"] == 0.0


def test_areas_without_any_value_are_left_out() -> None:
    empty = TABLE.assign(nearest_1=NAN, cumulative_15min=NAN)
    assert area_measures(empty, GRID).empty
    assert area_measures(TABLE.iloc[:0], GRID).empty


def test_measures_command_stores_area_values(lattice_twin: Path) -> None:
    result = CliRunner().invoke(
        access,
        ["measures", "--twin", str(lattice_twin), "--mode", "walk", "--service-type", "school"],
    )
    assert result.exit_code == 0, result.output
    name = "access_walk_nearest_1_school"
    with dikas.open(lattice_twin) as twin:
        cells = twin.indicators(indicator=name, level="grid").set_index("unit_id")
        areas = twin.indicators(indicator=name, level="areas").set_index("unit_id")
        grid = twin.read("grid", columns=["cell_id", "postal_code", "inhabitants"])
    grid = grid.assign(value=grid["cell_id"].map(cells["value"])).dropna(subset=["value"])
    expected = grid.groupby("postal_code").apply(
        lambda g: np.average(g["value"], weights=g["inhabitants"]), include_groups=False
    )
    assert sorted(areas.index) == ["00100", "00200"]
    pd.testing.assert_series_equal(
        areas["value"].sort_index(),
        expected.sort_index(),
        check_names=False,
        check_index_type=False,
    )
    row = areas.iloc[0]
    assert row["method"] == "dikas.accessibility (walk), inhabitant-weighted mean of grid cells"
    parameters = json.loads(row["parameters"])
    assert parameters["aggregation"] == "population_weighted_by_postal_code"
    assert parameters["measure"] == "nearest_1" and parameters["threshold_min"] == 15.0
    assert json.loads(row["source_layers"]) == ["grid", "services", "network_edges"]
