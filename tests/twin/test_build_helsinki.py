"""Integration: the whole Helsinki twin from the real data mirror."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import dikas

pytestmark = pytest.mark.integration


def test_layers_and_row_counts(helsinki_twin: Path) -> None:
    twin = dikas.open(helsinki_twin)
    expected = {
        "areas": 4 * 84,
        "grid": 5852,
        "stops": 1388,
        "gtfs_stop_times": 62485,
        "gtfs_trips": 3195,
        "gtfs_routes": 200,
    }
    for layer, rows in expected.items():
        assert twin.count(layer) == rows, layer
    assert twin.years("areas") == [2020, 2021, 2022, 2023]
    # 61 + 23 CityGML buildings, plus OSM footprints of the inner city
    buildings = twin.read("buildings", columns=["source"])
    assert (buildings["source"] == "citygml").sum() == 84
    assert (buildings["source"] == "osm").sum() > 3000
    assert twin.count("network_edges") > 20_000 and twin.count("services") > 100
    assert set(twin.read("landcover", columns=["kind"])["kind"]) == {"water", "green"}


def test_known_values(helsinki_twin: Path) -> None:
    twin = dikas.open(helsinki_twin)
    areas = twin.read("areas", year=2023, columns=["postal_code", "he_vakiy"])
    assert areas.set_index("postal_code").loc["00100", "inhabitants_total"] == 18462
    areas_2020 = twin.read("areas", year=2020, columns=["postal_code", "inhabitants_total"])
    assert areas_2020.set_index("postal_code").loc["00100", "inhabitants_total"] == 18373
    grid = twin.read("grid", columns=["inhabitants", "in_city", "age_suppressed", "age_0_9"])
    assert grid["inhabitants"].sum() == 1_207_168 - 30_427  # unknown location kept apart
    assert grid["in_city"].sum() > 2000
    assert grid.loc[grid["age_suppressed"].fillna(False).astype(bool), "age_0_9"].isna().all()
    with twin.raster("heat_exposure") as raster:
        assert raster.crs.to_epsg() == 3879


def test_heat_sampled_per_building_and_cell(helsinki_twin: Path) -> None:
    twin = dikas.open(helsinki_twin)
    heat = twin.read("heat")
    assert set(heat["unit_level"]) == {"buildings", "grid"}
    assert (heat["unit_level"] == "grid").sum() == twin.count("grid")
    cells = heat[heat["unit_level"] == "grid"].dropna(subset=["heat_mean"])
    assert len(cells) > 2000 and cells["heat_mean"].between(0, 1).all()
    # the index is 0–0.994 in the raster; no fill value (−DBL_MAX) leaks into statistics
    assert heat["heat_max"].max() <= 0.994 + 1e-9 and heat["heat_mean"].min() >= 0
    buildings = heat[heat["unit_level"] == "buildings"]
    assert buildings["heat_mean"].notna().mean() > 0.9


def test_links_building_cell_area(helsinki_twin: Path) -> None:
    twin = dikas.open(helsinki_twin)
    buildings = twin.read("buildings", columns=["building_id", "postal_code", "cell_id"])
    assert buildings["postal_code"].notna().mean() > 0.95
    # the HSY grid holds populated cells only: offices, parks and islands have no cell
    assert buildings["cell_id"].notna().mean() > 0.8
    grid = twin.read("grid", columns=["cell_id", "postal_code"]).dropna()
    joined = buildings.dropna().merge(grid, on="cell_id", suffixes=("", "_cell"))
    # a building and its cell lie in the same postal area almost always (cells straddle borders)
    assert (joined["postal_code"] == joined["postal_code_cell"]).mean() > 0.8


def test_provenance_for_every_layer(helsinki_twin: Path) -> None:
    twin = dikas.open(helsinki_twin)
    provenance = twin.provenance().set_index("layer")
    for layer in twin.layers():
        record = provenance.loc[layer]
        assert record["row_count"] == twin.count(layer)
        assert all(len(h) == 64 for h in json.loads(record["sha256"]).values())
        assert record["licence"] and record["attribution"] and record["code_version"]
    assert "ODbL" in provenance.loc["buildings", "licence"]
