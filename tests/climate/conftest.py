"""Fixtures of the climate tests: a small heat raster with nodata, and a tiny city."""

from __future__ import annotations

from pathlib import Path

import geopandas as gpd
import numpy as np
import pytest
import rasterio
import shapely
from rasterio.transform import from_origin

RASTER_CRS = "EPSG:3879"
ORIGIN = (25_496_000.0, 6_672_000.0)  # top-left corner, EPSG:3879
PIXEL = 10.0
SHAPE = (20, 24)  # rows, cols


def heat_values(seed: int = 7) -> np.ndarray:
    """Heat-index-like values in [0, 1) with −DBL_MAX and NaN holes, like the Helsinki raster."""
    rng = np.random.default_rng(seed)
    values = rng.uniform(0.0, 1.0, SHAPE)
    values[0, 0:5] = -np.finfo("float64").max
    values[3:5, 7] = np.nan
    values[10, 10] = -np.finfo("float64").max
    return values


def write_raster(path: Path, values: np.ndarray) -> Path:
    """Write ``values`` as a float64 GeoTIFF at ORIGIN with nodata −DBL_MAX."""
    transform = from_origin(ORIGIN[0], ORIGIN[1], PIXEL, PIXEL)
    with rasterio.open(
        path,
        "w",
        driver="GTiff",
        width=values.shape[1],
        height=values.shape[0],
        count=1,
        dtype="float64",
        crs=RASTER_CRS,
        transform=transform,
        nodata=-np.finfo("float64").max,
    ) as dst:
        dst.write(values, 1)
    return path


def pixel_box(row0: float, col0: float, row1: float, col1: float) -> shapely.Polygon:
    """A box from fractional pixel coordinates (rows down from the top-left corner)."""
    return shapely.box(
        ORIGIN[0] + col0 * PIXEL,
        ORIGIN[1] - row1 * PIXEL,
        ORIGIN[0] + col1 * PIXEL,
        ORIGIN[1] - row0 * PIXEL,
    )


@pytest.fixture(scope="session")
def heat_raster_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_raster(tmp_path_factory.mktemp("heat") / "heat.tif", heat_values())


@pytest.fixture
def heat_raster(heat_raster_path: Path):
    with rasterio.open(heat_raster_path) as dataset:
        yield dataset


@pytest.fixture(scope="session")
def random_polygons() -> gpd.GeoDataFrame:
    """Overlapping, rotated and partly-outside polygons in the raster CRS."""
    rng = np.random.default_rng(11)
    shapes = []
    for _ in range(40):
        cx = ORIGIN[0] + rng.uniform(-20, SHAPE[1] * PIXEL + 20)
        cy = ORIGIN[1] - rng.uniform(-20, SHAPE[0] * PIXEL + 20)
        radius = rng.uniform(3, 60)
        angles = np.sort(rng.uniform(0, 2 * np.pi, 7))
        radii = radius * rng.uniform(0.5, 1.0, 7)
        ring = np.column_stack([cx + radii * np.cos(angles), cy + radii * np.sin(angles)])
        shapes.append(shapely.make_valid(shapely.Polygon(ring)).buffer(0))
    return gpd.GeoDataFrame({"unit": range(len(shapes))}, geometry=shapes, crs=RASTER_CRS)


def strip_city() -> tuple[gpd.GeoDataFrame, gpd.GeoDataFrame]:
    """Two postal areas split at x = 375 m over a row of four 250 m cells (EPSG:3067).

    Area A = [0, 375] × [0, 250] holds cell 0 and half of cell 1; area B holds the other
    half of cell 1 and cells 2 and 3. Cell residents are 100, 200, 0, 300.
    """
    x0, y0 = 385_000.0, 6_671_000.0
    areas = gpd.GeoDataFrame(
        {
            "postal_code": ["00100", "00200"],
            "count": [50.0, 80.0],
            "value": [10.0, 20.0],
            "residents_total": [200.0, 400.0],
        },
        geometry=[
            shapely.box(x0, y0, x0 + 375, y0 + 250),
            shapely.box(x0 + 375, y0, x0 + 1000, y0 + 250),
        ],
        crs="EPSG:3067",
    ).set_index("postal_code")
    cells = gpd.GeoDataFrame(
        {
            "cell_id": [f"c{i}" for i in range(4)],
            "inhabitants": [100.0, 200.0, 0.0, 300.0],
            "cell_count": [4.0, 8.0, 12.0, 16.0],
            "heat": [0.1, 0.5, 0.9, 0.3],
        },
        geometry=[shapely.box(x0 + 250 * i, y0, x0 + 250 * (i + 1), y0 + 250) for i in range(4)],
        crs="EPSG:3067",
    ).set_index("cell_id")
    return areas, cells
