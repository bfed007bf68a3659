"""A small, seeded synthetic city written to disk in the same formats as the real sources.

Used by unit tests of readers and the builder: a 3×2 block of postal areas with every Paavo
variable, an HSY-style 250 m grid over it, and a catalog YAML whose mirror is ``root``.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

import geopandas as gpd
import numpy as np
import shapely
import yaml

from dikas.sources.paavo import paavo_variables

ORIGIN = (385000.0, 6671000.0)  # EPSG:3067, central Helsinki-ish
AREA_SIZE = 1000.0


def paavo_frame(*, seed: int = 0, n_cols: int = 3, n_rows: int = 2) -> gpd.GeoDataFrame:
    """Paavo-like postal areas (English labels, EPSG:3067), deterministic from ``seed``."""
    rng = np.random.default_rng(seed)
    rows = []
    for i in range(n_cols * n_rows):
        x0 = ORIGIN[0] + (i % n_cols) * AREA_SIZE
        y0 = ORIGIN[1] + (i // n_cols) * AREA_SIZE
        record = {
            "postal_code": f"00{i + 1:02d}0",
            "year": 2023,
            "name": f"Area {i + 1}",
            "surface_area": AREA_SIZE**2,
            "area_name": f"Area {i + 1} (Test)",
        }
        for variable in paavo_variables():
            record[variable.label] = float(rng.integers(0, 2000))
        record["geometry"] = shapely.box(x0, y0, x0 + AREA_SIZE, y0 + AREA_SIZE)
        rows.append(record)
    return gpd.GeoDataFrame(rows, geometry="geometry", crs="EPSG:3067")


def grid_frame(*, seed: int = 0) -> gpd.GeoDataFrame:
    """HSY-style 250 m cells over the synthetic areas, in EPSG:3879 like the real grid."""
    rng = np.random.default_rng(seed)
    cells = []
    for j in range(8):
        for i in range(12):
            x0, y0 = ORIGIN[0] + i * 250.0, ORIGIN[1] + j * 250.0
            cells.append(shapely.box(x0, y0, x0 + 250.0, y0 + 250.0))
    frame = gpd.GeoDataFrame(
        {
            "id": [f"cell.{k}" for k in range(len(cells))],
            "inhabitants": rng.integers(0, 400, len(cells)),
            "occupancy_rate": rng.uniform(20, 60, len(cells)).round(1),
        },
        geometry=cells,
        crs="EPSG:3067",
    )
    return frame.to_crs("EPSG:3879")


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def write_city(root: Path, *, seed: int = 0, years: tuple[int, ...] = (2022, 2023)) -> Path:
    """Write a synthetic mirror under ``root`` and return the path of its catalog YAML."""
    (root / "paavo").mkdir(parents=True, exist_ok=True)
    (root / "grid").mkdir(exist_ok=True)
    datasets = []
    for k, year in enumerate(years):
        path = root / "paavo" / f"paavo_{year}.geojson"
        paavo_frame(seed=seed + k).to_file(path, driver="GeoJSON")
        datasets.append(
            {
                "name": f"paavo_{year}",
                "title": f"Paavo {year}",
                "producer": "Test",
                "licence": "CC BY 4.0",
                "attribution": "Test data",
                "years": [year],
                "format": "paavo",
                "crs": "EPSG:3067",
                "urls": ["http://127.0.0.1:9/x"],
                "sha256": sha256(path),
                "mirror_path": f"paavo/paavo_{year}.geojson",
            }
        )
    grid_path = root / "grid" / "grid.gpkg"
    grid_frame(seed=seed).to_file(grid_path, driver="GPKG")
    datasets.append(
        {
            "name": "grid",
            "title": "Grid",
            "producer": "Test",
            "licence": "CC BY 4.0",
            "attribution": "Test grid",
            "years": [2021],
            "format": "hsy_grid",
            "crs": "EPSG:3879",
            "urls": ["http://127.0.0.1:9/y"],
            "sha256": sha256(grid_path),
            "mirror_path": "grid/grid.gpkg",
            "role": "base",
        }
    )
    catalog = {
        "city": {"name": "testville", "crs": "EPSG:3067"},
        "attribution": "Test data",
        "datasets": datasets,
    }
    catalog_path = root / "catalog.yaml"
    catalog_path.write_text(yaml.safe_dump(catalog, sort_keys=False), "utf-8")
    return catalog_path
