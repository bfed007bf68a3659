"""Column names of the real Paavo files and a seeded synthetic lattice city."""

from __future__ import annotations

from pathlib import Path

import geopandas as gpd
import numpy as np
import shapely

LOW_INCOME = "Inhabitants belonging to the lowest income category"
ADULTS = "Aged 18 or over, total"
RENTERS = "Households living in rented dwellings (TE)"
HOUSEHOLDS = "Households, total (TE)"
UNEMPLOYED = "Unemployed (PT)"
INHABITANTS_PT = "Inhabitants, total (PT)"
INCOME_GROUPS = [
    "Inhabitants belonging to the lowest income category",
    "Inhabitants belonging to the middle income category",
    "Inhabitants belonging to the highest income category",
]


def read_paavo(data_dir: Path, year: int) -> gpd.GeoDataFrame:
    return gpd.read_file(data_dir / "paavo_helsinki" / f"paavo_12f7_helsinki_{year}.geojson")


def synthetic_city(seed: int, side: int = 8) -> gpd.GeoDataFrame:
    """A ``side × side`` lattice of 250 m squares with seeded random counts (EPSG:3067)."""
    rng = np.random.default_rng(seed)
    xs, ys = np.meshgrid(np.arange(side) * 250.0 + 380000, np.arange(side) * 250.0 + 6670000)
    boxes = shapely.box(xs.ravel(), ys.ravel(), xs.ravel() + 250, ys.ravel() + 250)
    total = rng.integers(20, 400, side * side)
    share = np.clip(rng.beta(2, 5, side * side) + (xs.ravel() - xs.min()) / (side * 1000), 0, 1)
    group = np.round(total * share).astype(int)
    other = rng.integers(0, 200, side * side)
    return gpd.GeoDataFrame(
        {
            "cell": [f"c{i:03d}" for i in range(side * side)],
            "group": group,
            "total": total,
            "other": other,
        },
        geometry=boxes,
        crs=3067,
    )
