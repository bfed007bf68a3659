"""Green shares, distance to green, hot-and-green-poor cells and heat aggregation by hand."""

from __future__ import annotations

import geopandas as gpd
import numpy as np
import pandas as pd
import pytest
import shapely

from dikas.climate.green import (
    area_green_shares,
    distance_to_green,
    green_shares,
    hot_and_green_poor,
)
from dikas.climate.heat import area_heat_exposure, heat_exposure, hottest_cells
from tests.climate.conftest import RASTER_CRS, heat_values, pixel_box, strip_city


def test_green_shares_per_cell_and_area() -> None:
    areas, cells = strip_city()
    cells["tree_cover_m2"] = [62_500.0, 31_250.0, 0.0, np.nan]
    cells["vegetation_m2"] = [0.0, 6_250.0, 62_500.0, 12_500.0]
    shares = green_shares(cells)
    np.testing.assert_allclose(shares["tree_canopy_share"], [1.0, 0.5, 0.0, 0.0])
    np.testing.assert_allclose(shares["vegetation_share"], [0.0, 0.1, 1.0, 0.2])
    per_area = area_green_shares(cells, areas, population="inhabitants")
    # A: cell 0 and half of cell 1 → (62 500 + 15 625) / 93 750
    np.testing.assert_allclose(per_area["tree_canopy_share"], [78_125 / 93_750, 15_625 / 156_250])


def test_distance_to_nearest_green_by_hand() -> None:
    origins = gpd.GeoSeries(
        [shapely.Point(0, 0), shapely.Point(10, 0), shapely.Point(100, 100)], crs="EPSG:3067"
    )
    green = gpd.GeoSeries([shapely.box(20, -5, 30, 5), shapely.Point(100, 130)], crs="EPSG:3067")
    distances = distance_to_green(origins, green)
    np.testing.assert_allclose(distances, [20.0, 10.0, 30.0])
    inside = distance_to_green(gpd.GeoSeries([shapely.Point(25, 0)], crs="EPSG:3067"), green)
    assert inside.iloc[0] == 0.0


def test_hot_and_green_poor_cells() -> None:
    index = [f"c{i}" for i in range(10)]
    heat = pd.Series(np.linspace(0.1, 1.0, 10), index=index)
    canopy = pd.Series([0.9, 0.8, 0.7, 0.6, 0.5, 0.4, 0.3, 0.2, 0.05, 0.5], index=index)
    residents = pd.Series([50.0] * 9 + [0.0], index=index)  # c9 is hottest but empty
    result = hot_and_green_poor(heat, canopy, residents, hot_quantile=0.75, poor_quantile=0.25)
    # populated cells c0…c8: heat cutoff = 75th pct of 0.1…0.9 = 0.7, canopy cutoff = 0.3
    assert result.heat_cutoff == pytest.approx(0.7)
    assert result.canopy_cutoff == pytest.approx(0.3)
    assert result.cells[result.cells].index.tolist() == ["c6", "c7", "c8"]
    assert result.residents == 150.0


def test_hottest_decile_residents() -> None:
    index = [f"c{i}" for i in range(20)]
    heat = pd.Series(np.arange(20) / 20, index=index)
    heat.iloc[0] = np.nan
    residents = pd.Series(np.arange(20, dtype=float) * 10, index=index)
    result = hottest_cells(heat, residents, quantile=0.9)
    expected_cutoff = np.quantile(np.arange(1, 20) / 20, 0.9)
    assert result.cutoff == pytest.approx(expected_cutoff)
    chosen = heat >= expected_cutoff
    assert result.residents == residents[chosen].sum()
    assert result.share == pytest.approx(residents[chosen].sum() / residents.iloc[1:].sum())


def test_area_heat_is_population_weighted(heat_raster) -> None:
    cells = gpd.GeoDataFrame(
        {"inhabitants": [300.0, 100.0]},
        geometry=[pixel_box(2.02, 2.02, 5.98, 5.98), pixel_box(2.02, 6.02, 5.98, 9.98)],
        crs=RASTER_CRS,
    )
    areas = gpd.GeoDataFrame(
        {"code": ["a"]}, geometry=[pixel_box(2.0, 2.0, 6.0, 10.0)], crs=RASTER_CRS
    )
    cell_heat = heat_exposure(cells, heat_raster).frame["heat_mean"]
    values = heat_values()
    block = values[2:6, 2:6], values[2:6, 6:10]
    means = [b[np.isfinite(b) & (np.abs(b) < 1e300)].mean() for b in block]
    np.testing.assert_allclose(cell_heat, means)
    result = area_heat_exposure(
        areas.to_crs("EPSG:3067"),
        cells.to_crs("EPSG:3067"),
        heat_raster,
        population="inhabitants",
        cell_heat=cell_heat,
    ).frame
    assert result.loc[0, "heat_population_mean"] == pytest.approx(
        (300 * means[0] + 100 * means[1]) / 400
    )
    both = np.concatenate([b[np.isfinite(b) & (np.abs(b) < 1e300)] for b in block])
    assert result.loc[0, "heat_mean"] == pytest.approx(both.mean())


def test_distance_to_green_is_unknown_outside_the_surveyed_area() -> None:
    import geopandas as gpd
    import shapely

    from dikas.climate.green import distance_to_green

    origins = gpd.GeoSeries(
        [shapely.Point(0, 0), shapely.Point(300, 0), shapely.Point(5000, 0)], crs="EPSG:3067"
    )
    parks = gpd.GeoSeries([shapely.Point(0, 400)], crs="EPSG:3067")
    distances = distance_to_green(origins, parks, surveyed=shapely.box(-1000, -1000, 1000, 1000))
    assert distances.iloc[0] == 400 and distances.iloc[1] == 500
    assert distances.isna().tolist() == [False, False, True]
