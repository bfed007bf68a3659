"""Areal interpolation: hand-computed cases, conservation of totals, tobler as a reference."""

from __future__ import annotations

import geopandas as gpd
import numpy as np
import pytest
import shapely
from tobler.area_weighted import area_interpolate

from dikas.climate.interpolation import areas_to_cells
from dikas.errors import MissingColumnError
from dikas.twin.aggregation import areal_overlay
from tests.climate.conftest import strip_city


def test_areas_to_cells_by_hand() -> None:
    areas, cells = strip_city()
    result = areas_to_cells(
        areas, cells, population="inhabitants", extensive=["count"], intensive=["value"]
    )
    # counts follow residents: A's 200 residents sit half in c0, half in c1; B's 400 in c1 (100) and c3 (300)
    np.testing.assert_allclose(result["count"], [25.0, 25.0 + 20.0, 0.0, 60.0])
    # values are resident-weighted means; the empty cell c2 falls back to area weights
    np.testing.assert_allclose(result["value"], [10.0, 15.0, 20.0, 20.0])
    assert result["count"].sum() == pytest.approx(areas["count"].sum())


def test_cells_to_areas_by_hand() -> None:
    areas, cells = strip_city()
    result = areal_overlay(
        cells,
        areas,
        population="inhabitants",
        extensive=["cell_count"],
        intensive_by_population=["heat"],
    )
    np.testing.assert_allclose(result["cell_count"], [4 + 8 * 0.5, 8 * 0.5 + 12 + 16])
    np.testing.assert_allclose(
        result["heat"], [(100 * 0.1 + 100 * 0.5) / 200, (100 * 0.5 + 300 * 0.3) / 400]
    )


def _voronoi_areas(seed: int) -> tuple[gpd.GeoDataFrame, gpd.GeoDataFrame]:
    rng = np.random.default_rng(seed)
    x0, y0, size = 385_000.0, 6_671_000.0, 2_000.0
    frame = shapely.box(x0, y0, x0 + size, y0 + size)
    points = shapely.multipoints(rng.uniform([x0, y0], [x0 + size, y0 + size], (7, 2)))
    polygons = [
        p.intersection(frame) for p in shapely.voronoi_polygons(points, extend_to=frame).geoms
    ]
    areas = gpd.GeoDataFrame(
        {"count": rng.integers(0, 5_000, 7).astype(float), "value": rng.uniform(10_000, 40_000, 7)},
        geometry=polygons,
        crs="EPSG:3067",
    )
    cells = gpd.GeoDataFrame(
        {"inhabitants": rng.integers(0, 800, 64).astype(float)},
        geometry=[
            shapely.box(x0 + 250 * i, y0 + 250 * j, x0 + 250 * (i + 1), y0 + 250 * (j + 1))
            for j in range(8)
            for i in range(8)
        ],
        crs="EPSG:3067",
    )
    return areas, cells


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_population_weighted_interpolation_conserves_totals(seed: int) -> None:
    areas, cells = _voronoi_areas(seed)
    result = areas_to_cells(areas, cells, population="inhabitants", extensive=["count"])
    assert result["count"].sum() == pytest.approx(areas["count"].sum(), rel=1e-12)
    back = areal_overlay(
        cells.assign(count=result["count"]), areas, population="inhabitants", extensive=["count"]
    )
    assert back["count"].sum() == pytest.approx(areas["count"].sum(), rel=1e-12)


def test_uniform_residents_reduce_to_tobler_areal_weighting() -> None:
    areas, cells = _voronoi_areas(4)
    cells["inhabitants"] = 100.0
    ours = areas_to_cells(
        areas, cells, population="inhabitants", extensive=["count"], intensive=["value"]
    )
    reference = area_interpolate(
        areas, cells, extensive_variables=["count"], intensive_variables=["value"]
    )
    np.testing.assert_allclose(
        ours["count"], reference["count"], rtol=1e-6
    )  # tobler sums in float32
    np.testing.assert_allclose(ours["value"], reference["value"], rtol=1e-6)


def test_missing_column_is_reported() -> None:
    areas, cells = strip_city()
    with pytest.raises(MissingColumnError, match="no_such"):
        areas_to_cells(areas, cells, population="inhabitants", extensive=["no_such"])
