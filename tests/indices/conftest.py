"""A small twin with every column the shipped index configurations read."""

from __future__ import annotations

from pathlib import Path

import geopandas as gpd
import numpy as np
import pytest
import shapely

from dikas.indices.config import load_index_config, shipped_configs
from dikas.twin.store import Twin

X0, Y0 = 385_000.0, 6_671_000.0
VALUES = {"median_income", "floor_area_per_person"}


def area_columns() -> list[str]:
    """Every ``areas`` column of every shipped configuration."""
    columns = {"inhabitants_total"}
    for name in shipped_configs():
        columns |= {
            c for i in load_index_config(name).indicators if i.source == "areas" for c in i.columns
        }
    return sorted(columns - VALUES)


def build_twin(root: Path, *, n_areas: int = 6) -> Path:
    rng = np.random.default_rng(5)
    areas = []
    for k in range(n_areas):
        x, y = X0 + (k % 3) * 1000, Y0 + (k // 3) * 1000
        record = {
            "postal_code": f"00{k + 1}00",
            "year": 2023,
            "name": f"Area {k + 1}",
            "geometry": shapely.box(x, y, x + 1000, y + 1000),
        }
        record.update({c: float(rng.integers(100, 3000)) for c in area_columns()})
        record["median_income"] = float(rng.integers(18_000, 40_000))
        record["floor_area_per_person"] = float(rng.uniform(25, 45))
        areas.append(record)
    cells = []
    for j in range(8):
        for i in range(12):
            x, y = X0 + 250 * i, Y0 + 250 * j
            cells.append(
                {
                    "cell_id": f"c{j}_{i}",
                    "inhabitants": float(rng.integers(0, 400)),
                    "in_city": True,
                    "postal_code": None,
                    "heat_exposure_index": rng.uniform(0.2, 0.8),
                    "tree_cover_m2": rng.uniform(0, 30_000),
                    "vegetation_m2": rng.uniform(0, 20_000),
                    "water_m2": rng.uniform(0, 5_000),
                    "geometry": shapely.box(x, y, x + 250, y + 250),
                }
            )
    path = root / "twin.duckdb"
    with Twin.create(path, city="testcity", build_id="t1") as twin:
        twin.write_layer("areas", gpd.GeoDataFrame(areas, geometry="geometry", crs="EPSG:3067"))
        twin.write_layer("grid", gpd.GeoDataFrame(cells, geometry="geometry", crs="EPSG:3067"))
    return path


@pytest.fixture(scope="module")
def twin_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_twin(tmp_path_factory.mktemp("index_twin"))
