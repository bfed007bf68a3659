"""A small, seeded fixture twin for scenario tests: a jittered street lattice, 16 grid cells
in two postal areas, and a few services."""

from __future__ import annotations

from pathlib import Path

import geopandas as gpd
import numpy as np
import pandas as pd
import pytest
import shapely

from dikas.scenarios.housing import age_columns
from dikas.sources.catalog import load_catalog
from dikas.twin.groups import store_population_groups
from dikas.twin.store import Twin

X0, Y0 = 385000.0, 6671000.0
SPACING = 100.0
SIZE = 11
PAAVO_AGES = [
    "age_0_2",
    "age_3_6",
    "age_7_12",
    "age_13_15",
    "age_16_17",
    "age_18_19",
    "age_20_24",
    "age_25_29",
    "age_30_34",
    "age_35_39",
    "age_40_44",
    "age_45_49",
    "age_50_54",
    "age_55_59",
    "age_60_64",
    "age_65_69",
    "age_70_74",
    "age_75_79",
    "age_80_84",
    "age_85_plus",
]
GRID_AGES = [
    "age_0_9",
    "age_10_19",
    "age_20_29",
    "age_30_39",
    "age_40_49",
    "age_50_59",
    "age_60_69",
    "age_70_79",
    "age_80_plus",
]


def network_layers(seed: int = 0) -> tuple[gpd.GeoDataFrame, gpd.GeoDataFrame]:
    """An 11×11 street lattice (100 m) with jittered nodes, so times are not all equal."""
    rng = np.random.default_rng(seed)
    ids, points = [], []
    for j in range(SIZE):
        for i in range(SIZE):
            ids.append(j * SIZE + i + 1)
            points.append(
                shapely.Point(
                    X0 + i * SPACING + rng.uniform(-20, 20), Y0 + j * SPACING + rng.uniform(-20, 20)
                )
            )
    nodes = gpd.GeoDataFrame({"node_id": ids}, geometry=points, crs="EPSG:3067")
    rows = []
    for j in range(SIZE):
        for i in range(SIZE):
            a = j * SIZE + i
            for b in ([a + 1] if i < SIZE - 1 else []) + ([a + SIZE] if j < SIZE - 1 else []):
                line = shapely.LineString([points[a], points[b]])
                rows.append(
                    {
                        "edge_id": len(rows) + 1,
                        "u": ids[a],
                        "v": ids[b],
                        "length_m": line.length,
                        "highway": "residential",
                        "name": "",
                        "walk": True,
                        "bike": True,
                        "bike_forward": True,
                        "bike_backward": True,
                        "osm_way_id": len(rows) + 1,
                        "geometry": line,
                    }
                )
    return nodes, gpd.GeoDataFrame(rows, geometry="geometry", crs="EPSG:3067")


def grid_layer(seed: int = 0) -> gpd.GeoDataFrame:
    """4×4 cells of 250 m over the lattice; the left half in 00100, the right in 00200."""
    rng = np.random.default_rng(seed)
    rows = []
    for j in range(4):
        for i in range(4):
            x, y = X0 + i * 250.0, Y0 + j * 250.0
            ages = rng.integers(5, 60, len(GRID_AGES)).astype(float)
            row = {
                "cell_id": f"c{j}{i}",
                "inhabitants": float(ages.sum()),
                "postal_code": "00100" if i < 2 else "00200",
                "in_city": True,
                "heat_exposure_index": float(rng.uniform(0.2, 0.7)),
                "tree_cover_m2": float(rng.uniform(0, 20000)),
                "water_m2": 0.0,
                "age_suppressed": False,
                "geometry": shapely.box(x, y, x + 250, y + 250),
            }
            row.update(dict(zip(GRID_AGES, ages, strict=True)))
            rows.append(row)
    return gpd.GeoDataFrame(rows, geometry="geometry", crs="EPSG:3067")


def areas_layer(grid: gpd.GeoDataFrame, seed: int = 0) -> gpd.GeoDataFrame:
    rng = np.random.default_rng(seed + 1)
    rows = []
    for k, code in enumerate(("00100", "00200")):
        inhabitants = float(grid.loc[grid["postal_code"] == code, "inhabitants"].sum())
        ages = rng.dirichlet(np.ones(len(PAAVO_AGES))) * inhabitants
        adults = float(ages[5:].sum())
        income = rng.dirichlet(np.ones(3)) * adults
        households = round(inhabitants / 2)
        tenure = rng.dirichlet(np.ones(3)) * households
        row = {
            "postal_code": code,
            "year": 2023,
            "name": f"Area {k}",
            "inhabitants_total": inhabitants,
            "adults_income_total": adults,
            "lowest_income_inhabitants": income[0],
            "middle_income_inhabitants": income[1],
            "highest_income_inhabitants": income[2],
            "median_income": 20000.0 + 10000 * k,
            "households_total": float(households),
            "owner_occupied_households": tenure[0],
            "rented_households": tenure[1],
            "other_tenure_households": tenure[2],
            "dwellings": float(households),
            "unemployed": 0.05 * inhabitants,
            "geometry": shapely.box(X0 + 500 * k, Y0, X0 + 500 * (k + 1), Y0 + 1000),
        }
        row.update(dict(zip(PAAVO_AGES, ages, strict=True)))
        rows.append(row)
    return gpd.GeoDataFrame(rows, geometry="geometry", crs="EPSG:3067")


def services_layer() -> gpd.GeoDataFrame:
    rows = [
        ("h1", "health_station", X0 + 120, Y0 + 130),
        ("h2", "health_station", X0 + 880, Y0 + 860),
        ("s1", "school", X0 + 500, Y0 + 520),
        ("s2", "school", X0 + 150, Y0 + 900),
    ]
    return gpd.GeoDataFrame(
        {
            "service_id": [r[0] for r in rows],
            "service_type": [r[1] for r in rows],
            "name": [r[0] for r in rows],
            "capacity": [None] * len(rows),
            "source": ["test"] * len(rows),
        },
        geometry=[shapely.Point(r[2], r[3]) for r in rows],
        crs="EPSG:3067",
    )


def write_fixture_twin(path: Path, seed: int = 0) -> Path:
    nodes, edges = network_layers(seed)
    grid = grid_layer(seed)
    assert age_columns(grid.columns) == GRID_AGES
    buildings = gpd.GeoDataFrame(
        {"building_id": ["b1"], "address": ["Testikatu 1"]},
        geometry=[shapely.box(X0 + 600, Y0 + 600, X0 + 620, Y0 + 620)],
        crs="EPSG:3067",
    )
    with Twin.create(path, city="testcity", build_id=f"test-{seed}") as twin:
        twin.write_layer("network_nodes", nodes)
        twin.write_layer("network_edges", edges)
        twin.write_layer("grid", grid)
        twin.write_layer("areas", areas_layer(grid, seed))
        twin.write_layer("services", services_layer())
        twin.write_layer("buildings", buildings)
        store_population_groups(twin, load_catalog("helsinki-demo").population_groups)
    return path


@pytest.fixture(scope="session")
def fixture_twin(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The fixture twin, written once per session (tests must not modify it)."""
    return write_fixture_twin(tmp_path_factory.mktemp("scenario_twin") / "twin.duckdb")


def frame_of(twin_path: Path, layer: str) -> pd.DataFrame:
    with Twin.open(twin_path) as twin:
        return twin.read(layer)
