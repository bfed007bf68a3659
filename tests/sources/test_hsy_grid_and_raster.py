"""HSY grid suppression, land cover per postal area, and raster nodata handling."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
import rasterio
from rasterio.transform import from_origin

from dikas.errors import CRSError, DataError
from dikas.sources.hsy_grid import read_age_grid, read_population_grid
from dikas.sources.landcover import read_landcover_areas
from dikas.sources.raster import read_raster, valid_mask


@pytest.mark.integration
def test_population_grid_2021_totals(data_dir: Path) -> None:
    grid, _ = read_population_grid(data_dir / "pythongis_book/Population_grid_2021_HSY.gpkg")
    assert len(grid) == 5853
    assert grid["inhabitants"].sum() == 1_207_168
    assert grid.crs == "EPSG:3067"
    assert grid.geometry.area.between(62_400, 62_600).all()  # 250 m cells, scale factor aside


@pytest.mark.integration
def test_age_suppression_99_becomes_null_with_flag(data_dir: Path) -> None:
    grid, _ = read_age_grid(data_dir / "r4c/populationgrid.json")
    assert len(grid) == 2162
    assert int(grid["age_suppressed"].sum()) == 598
    suppressed = grid[grid["age_suppressed"]]
    assert suppressed["age_0_9"].isna().all() and (suppressed["inhabitants"] < 100).all()
    # a single 99 in a populated cell is a real count
    assert (grid.loc[~grid["age_suppressed"], "age_0_9"] == 99).any()
    assert grid["tree_cover_m2"].notna().any()


@pytest.mark.integration
def test_landcover_per_postal_area(data_dir: Path) -> None:
    table = read_landcover_areas(data_dir / "r4c/hsy_po.json")
    assert set(table["year"]) == {2016, 2018, 2020, 2022, 2024}
    row = table[(table.postal_code == "00140") & (table.year == 2022)].iloc[0]
    assert row["tree_canopy_m2"] == pytest.approx(
        15982.758319284594 + 63928.00111492486 + 33864.06366093123
    )
    assert 0 < row["tree_canopy_share"] < 1
    assert row["ndvi"] == pytest.approx(0.41194385)


def _write_raster(
    path: Path, values: np.ndarray, *, crs: str | None = "EPSG:3879", nodata: float | None = None
) -> None:
    with rasterio.open(
        path,
        "w",
        driver="GTiff",
        width=values.shape[1],
        height=values.shape[0],
        count=1,
        dtype="float64",
        crs=crs,
        nodata=nodata,
        transform=from_origin(25490000, 6680000, 30, 30),
    ) as dst:
        dst.write(values, 1)


def test_raster_nodata_dbl_max_and_nan_are_missing(tmp_path: Path) -> None:
    values = np.array([[0.2, -1.797e308], [np.nan, 0.9]])
    path = tmp_path / "r.tif"
    _write_raster(path, values, nodata=-1.797e308)
    raster = read_raster(path)
    assert raster.valid_pixels == 2 and raster.crs == "EPSG:3879"
    assert valid_mask(values, None).tolist() == [[True, False], [False, True]]


def test_raster_without_crs_or_corrupt(tmp_path: Path) -> None:
    path = tmp_path / "r.tif"
    _write_raster(path, np.ones((2, 2)), crs=None)
    with pytest.raises(CRSError, match="no CRS"):
        read_raster(path, dataset="heat")
    path.write_bytes(b"not a tiff")
    with pytest.raises(DataError, match="cannot read as a raster"):
        read_raster(path, dataset="heat")
