"""The grid's data defects fixed at build: no phantom cell, no sentinel numbers, no orphans."""

from __future__ import annotations

from pathlib import Path

import geopandas as gpd
import pytest

from dikas.sources.hsy_grid import OCCUPANCY_SENTINEL
from dikas.twin.store import Twin

pytestmark = pytest.mark.integration

RAW_GRID = "pythongis_book/Population_grid_2021_HSY.gpkg"


def test_residents_of_unknown_location_are_not_a_cell(helsinki_twin: Path, data_dir: Path) -> None:
    raw = gpd.read_file(data_dir / RAW_GRID)
    with Twin.open(helsinki_twin) as twin:
        grid = twin.read("grid", columns=["cell_id", "inhabitants"])
        unlocated = twin.read("unlocated_residents")
        notes = twin.provenance().set_index("layer").loc["grid", "notes"]
    assert len(unlocated) == 1 and unlocated["inhabitants"].iloc[0] == 30_427
    assert unlocated["cell_id"].iloc[0] not in set(grid["cell_id"])
    assert len(grid) == len(raw) - 1
    # nobody is lost: cells + unlocated = HSY's total
    assert grid["inhabitants"].sum() + unlocated["inhabitants"].sum() == raw["inhabitants"].sum()
    assert "30,427 residents of unknown location" in notes


def test_occupancy_sentinel_is_missing_and_flagged(helsinki_twin: Path, data_dir: Path) -> None:
    raw = gpd.read_file(data_dir / RAW_GRID)
    with Twin.open(helsinki_twin) as twin:
        grid = twin.read("grid", columns=["cell_id", "occupancy_rate", "occupancy_rate_sentinel"])
    sentinel_ids = set(raw.loc[raw["occupancy_rate"] >= OCCUPANCY_SENTINEL, "id"])
    assert grid["occupancy_rate"].max() < 1_000  # m² per resident
    flagged = set(grid.loc[grid["occupancy_rate_sentinel"], "cell_id"])
    assert flagged == sentinel_ids & set(grid["cell_id"])
    assert grid.loc[grid["occupancy_rate_sentinel"], "occupancy_rate"].isna().all()


def test_every_populated_cell_mostly_in_the_city_has_its_largest_area(helsinki_twin: Path) -> None:
    with Twin.open(helsinki_twin) as twin:
        grid = twin.read("grid", columns=["cell_id", "inhabitants", "postal_code", "geometry"])
        areas = twin.read("areas", year=2023, columns=["postal_code", "geometry"])
    # independent: overlay the cells with the areas
    pieces = gpd.overlay(
        grid[["cell_id", "geometry"]], areas, how="intersection", keep_geom_type=True
    )
    pieces["m2"] = pieces.geometry.area
    share = pieces.groupby("cell_id")["m2"].sum() / 62_500
    largest = (
        pieces.sort_values("m2", ascending=False)
        .drop_duplicates("cell_id")
        .set_index("cell_id")["postal_code"]
    )
    mostly_in = share[share >= 0.5 - 1e-6].index
    linked = grid.set_index("cell_id")["postal_code"]
    assert linked.loc[mostly_in].notna().all()
    assert (linked.loc[mostly_in] == largest.loc[mostly_in]).all()
    # the cells whose centre is in the sea but which lie mostly in the city now have an area
    centres = gpd.GeoDataFrame(grid[["cell_id"]], geometry=grid.geometry.centroid, crs=grid.crs)
    in_area = set(gpd.sjoin(centres, areas, predicate="within")["cell_id"])
    rescued = [c for c in mostly_in if c not in in_area]
    populated = grid.set_index("cell_id")["inhabitants"]
    assert len(rescued) >= 7 and populated.loc[rescued].sum() >= 2_357
