"""Zonal statistics: hand-computed answers, nodata, and equality with rasterstats / exactextract."""

from __future__ import annotations

import geopandas as gpd
import numpy as np
import pandas as pd
import pytest
import rasterio
import shapely
from rasterstats import zonal_stats

from dikas.errors import ParameterError
from dikas.twin.zonal import zonal_statistics
from tests.climate.conftest import RASTER_CRS, heat_values, pixel_box


def _masked(rows: slice, cols: slice) -> np.ndarray:
    block = heat_values()[rows, cols]
    return block[np.isfinite(block) & (np.abs(block) < 1e300)]


def test_pixel_aligned_boxes_match_hand_computed_values(heat_raster) -> None:
    boxes = gpd.GeoSeries(
        [
            pixel_box(1.02, 2.02, 4.98, 6.98),  # rows 1-4, cols 2-6
            pixel_box(-0.5, 3.02, 1.98, 8.98),  # first row has −DBL_MAX
            pixel_box(2.02, 6.02, 5.98, 8.98),
        ],  # covers the NaN pixels
        crs=RASTER_CRS,
    )
    result = zonal_statistics(boxes, heat_raster, threshold=0.5).frame
    for i, (rows, cols) in enumerate(
        [(slice(1, 5), slice(2, 7)), (slice(0, 2), slice(3, 9)), (slice(2, 6), slice(6, 9))]
    ):
        expected = _masked(rows, cols)
        assert result.loc[i, "valid_pixels"] == expected.size
        assert result.loc[i, "mean"] == pytest.approx(expected.mean(), rel=1e-12)
        assert result.loc[i, "max"] == expected.max()
        assert result.loc[i, "min"] == expected.min()
        assert result.loc[i, "share_above"] == pytest.approx((expected > 0.5).mean())


def test_coverage_rule_weights_partial_pixels_by_area(heat_raster) -> None:
    values = heat_values()
    # half of pixel (12, 12) and all of pixel (12, 13): weights 0.5 and 1
    box = gpd.GeoSeries([pixel_box(12.0, 12.5, 13.0, 14.0)], crs=RASTER_CRS)
    result = zonal_statistics(box, heat_raster, pixel_rule="coverage").frame.iloc[0]
    a, b = values[12, 12], values[12, 13]
    assert result["valid_pixels"] == pytest.approx(1.5)
    assert result["mean"] == pytest.approx((0.5 * a + b) / 1.5)
    assert result["max"] == max(a, b)


def test_polygons_without_valid_pixels_get_nan(heat_raster) -> None:
    shapes = gpd.GeoSeries(
        [
            pixel_box(0.1, 0.1, 0.9, 4.9),  # only −DBL_MAX pixels
            pixel_box(30, 30, 31, 31),  # outside the raster
            pixel_box(7.2, 7.2, 7.4, 7.4),
        ],  # no pixel centre inside
        crs=RASTER_CRS,
    )
    result = zonal_statistics(shapes, heat_raster).frame
    assert result["valid_pixels"].tolist() == [0, 0, 0]
    assert result["mean"].isna().all()


def test_polygons_are_reprojected_not_the_raster(heat_raster) -> None:
    box = gpd.GeoSeries([pixel_box(1.02, 2.02, 4.98, 6.98)], crs=RASTER_CRS)
    native = zonal_statistics(box, heat_raster).frame
    # EPSG:3067 round trip keeps the box (curved edges move by millimetres only)
    reprojected = zonal_statistics(box.to_crs("EPSG:3067"), heat_raster).frame
    pd.testing.assert_frame_equal(native, reprojected)


def test_centre_rule_equals_rasterstats(heat_raster, heat_raster_path, random_polygons) -> None:
    ours = zonal_statistics(random_polygons, heat_raster).frame
    reference = pd.DataFrame(
        zonal_stats(random_polygons, str(heat_raster_path), stats=["mean", "min", "max", "count"])
    )
    assert (ours["valid_pixels"].to_numpy() == reference["count"].to_numpy()).all()
    for column in ("mean", "min", "max"):
        np.testing.assert_allclose(
            ours[column].to_numpy(), reference[column].astype(float).to_numpy(), rtol=1e-12
        )
    assert (ours["valid_pixels"] > 0).sum() > 20  # the comparison is not vacuous


def test_coverage_rule_equals_exactextract(heat_raster, random_polygons) -> None:
    exactextract = pytest.importorskip("exactextract")
    ours = zonal_statistics(random_polygons, heat_raster, pixel_rule="coverage").frame
    reference = exactextract.exact_extract(
        heat_raster, random_polygons, ["mean", "min", "max", "count"], output="pandas"
    )
    # exactextract stores coverage fractions as float32: agree to ~1e-7 relative
    np.testing.assert_allclose(ours["valid_pixels"], reference["count"], rtol=1e-6, atol=1e-6)
    for column in ("mean", "min", "max"):
        np.testing.assert_allclose(ours[column], reference[column], rtol=1e-6)


def test_unknown_pixel_rule_is_a_parameter_error(heat_raster) -> None:
    with pytest.raises(ParameterError):
        zonal_statistics(
            gpd.GeoSeries([pixel_box(1, 1, 2, 2)], crs=RASTER_CRS),
            heat_raster,
            pixel_rule="all_touched",
        )  # type: ignore[arg-type]


@pytest.mark.integration
def test_real_heat_raster_matches_rasterstats_on_grid_cells(data_dir) -> None:
    grid = gpd.read_file(data_dir / "pythongis_book" / "Population_grid_2021_HSY.gpkg")
    path = data_dir / "r4c" / "urban_heat_exposure_index.tif"
    with rasterio.open(path) as raster:
        left, bottom, right, top = raster.bounds
        inside = grid.cx[left:right, bottom:top]
        sample = inside.iloc[:: max(1, len(inside) // 300)].to_crs("EPSG:3067")
        ours = zonal_statistics(sample, raster).frame
        reference = pd.DataFrame(
            zonal_stats(sample.to_crs(raster.crs), str(path), stats=["mean", "max", "count"])
        )
    assert (ours["valid_pixels"].to_numpy() == reference["count"].to_numpy()).all()
    np.testing.assert_allclose(ours["mean"], reference["mean"].astype(float), rtol=1e-12)
    assert ours["mean"].between(0, 1).sum() > 100


def test_compiled_clipping_equals_geos_intersection(random_polygons) -> None:
    from dikas.twin._coverage import clipped_areas

    rng = np.random.default_rng(3)
    shapes = np.asarray(random_polygons.geometry.values, dtype=object)
    holed = shapes[0].buffer(30).difference(shapes[0].buffer(5))  # a ring with a hole
    shapes = np.append(shapes, holed)
    which = rng.integers(0, len(shapes), 500)
    centre = np.array([shapely.get_coordinates(shapely.centroid(shapes[i]))[0] for i in which])
    lo = centre + rng.uniform(-40, 10, (500, 2))
    hi = lo + rng.uniform(1, 30, (500, 2))
    ours = clipped_areas(shapes, which, lo[:, 0], lo[:, 1], hi[:, 0], hi[:, 1])
    boxes = shapely.box(lo[:, 0], lo[:, 1], hi[:, 0], hi[:, 1])
    reference = shapely.area(shapely.intersection(shapes[which], boxes))
    np.testing.assert_allclose(ours, reference, rtol=1e-9, atol=1e-9)
    assert (reference > 0).sum() > 200
