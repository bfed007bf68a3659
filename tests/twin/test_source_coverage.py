"""The coverage layer and the reasons a unit has no value, on the real demo twin."""

from __future__ import annotations

from pathlib import Path

import geopandas as gpd
import numpy as np
import pandas as pd
import pytest

from dikas.api.indicators import IndicatorValues, no_data_reasons
from dikas.twin.source_coverage import SNAP_DISTANCE_M, coverage_kind, units_outside
from dikas.twin.store import Twin

pytestmark = pytest.mark.integration


def test_coverage_rows_name_each_source(helsinki_twin: Path) -> None:
    with Twin.open(helsinki_twin) as twin:
        coverage = twin.read("coverage")
        provenance = twin.provenance().set_index("layer")
    kinds = set(coverage["kind"])
    assert {"areas", "grid", "street_network", "transit", "services", "heat"} <= kinds
    assert (coverage["area_km2"] > 0).all()
    network = coverage.loc[coverage["kind"] == "street_network"].iloc[0]
    assert network["source"] == "osm_inner_city"
    # the street network reaches a small part of the region in the demo
    grid = coverage.loc[coverage["kind"] == "grid", "area_km2"].iloc[0]
    assert network["area_km2"] < 0.1 * grid
    assert "coverage" in provenance.index


def test_cells_outside_the_street_network_match_an_independent_nearest_join(
    helsinki_twin: Path,
) -> None:
    with Twin.open(helsinki_twin) as twin:
        outside = units_outside(twin, level="grid", kind="street_network")
        grid = twin.read("grid", columns=["cell_id", "geometry"])
        nodes = twin.read("network_nodes", columns=["geometry"])
    centres = gpd.GeoDataFrame(grid[["cell_id"]], geometry=grid.geometry.centroid, crs=grid.crs)
    near = gpd.sjoin_nearest(centres, nodes, how="left", max_distance=SNAP_DISTANCE_M)
    reached = set(near.loc[near["index_right"].notna(), "cell_id"])
    expected = set(grid["cell_id"]) - reached
    # cells exactly on the 500 m edge may differ by floating point; none do here
    assert outside == expected
    assert 0 < len(outside) < len(grid)


def test_missing_values_say_outside_coverage_suppressed_or_no_data(helsinki_twin: Path) -> None:
    with Twin.open(helsinki_twin) as twin:
        grid = twin.read("grid", columns=["cell_id"])
        outside = units_outside(twin, level="grid", kind="street_network")
        ids = grid["cell_id"].astype(str)
        inside_id = next(i for i in ids if i not in outside)
        outside_id = next(iter(sorted(outside)))
        other = next(i for i in ids if i not in outside and i != inside_id)
        values = pd.Series(np.nan, index=[inside_id, outside_id, other])
        result = IndicatorValues(
            "access_walk_nearest_school", "grid", None, "all", values, frozenset({inside_id})
        )
        reasons = no_data_reasons(twin, result)
    assert coverage_kind("access_transit_cumulative_15min_school") == "transit"
    assert coverage_kind("inhabitants") is None
    assert reasons["suppressed"] == [inside_id]
    assert other in reasons["no_data"] and outside_id in reasons["outside_coverage"]
    # every other cell has no row at all: outside the network's reach, or not computed
    assert set(reasons["outside_coverage"]) == outside
    assert len(reasons["not_computed"]) == len(ids) - len(outside) - 2
    assert sum(map(len, reasons.values())) == len(ids)


def test_area_reach_is_the_inhabitant_share_of_cells_inside(helsinki_twin: Path) -> None:
    from dikas.twin.source_coverage import reach_of_area

    with Twin.open(helsinki_twin) as twin:
        reach = {
            r["kind"]: r["inhabitant_share"]
            for r in reach_of_area(twin, column="postal_code", unit_id="00530")
        }
        grid = twin.read("grid", columns=["cell_id", "postal_code", "inhabitants"])
        outside = units_outside(twin, level="grid", kind="street_network")
    cells = grid[grid["postal_code"] == "00530"]
    inside = cells[~cells["cell_id"].isin(outside)]
    expected = inside["inhabitants"].sum() / cells["inhabitants"].sum()
    assert reach["street_network"] == pytest.approx(expected)
    assert 0.4 < reach["street_network"] < 0.7  # the OSM extract stops inside 00530
    assert reach["heat"] == pytest.approx(1.0)
