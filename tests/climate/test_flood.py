"""Flood exposure on hazard layers built in the test, with hand-computed counts."""

from __future__ import annotations

from pathlib import Path

import geopandas as gpd
import pandas as pd
import pytest
import shapely

from dikas.climate.config import load_config
from dikas.climate.flood import flood_exposure, missing_hazard_message, read_hazard
from dikas.errors import MissingColumnError, MissingDataError
from tests.climate.conftest import strip_city

X0, Y0 = 385_000.0, 6_671_000.0


def hazard_layer() -> gpd.GeoDataFrame:
    """Nested zones: 1/100 a over the west half of cell c0, 1/1000 a over cells c0 and c1."""
    return gpd.GeoDataFrame(
        {"return_period": [100, 1000, 1000]},
        geometry=[
            shapely.box(X0 - 50, Y0, X0 + 125, Y0 + 250),
            shapely.box(X0 - 50, Y0, X0 + 300, Y0 + 250),
            shapely.box(X0 + 300, Y0, X0 + 500, Y0 + 250),
        ],
        crs="EPSG:3067",
    )


def buildings() -> gpd.GeoDataFrame:
    return gpd.GeoDataFrame(
        {"building_id": ["b0", "b1", "b2"]},
        geometry=[
            shapely.box(X0 + 10, Y0 + 10, X0 + 30, Y0 + 30),
            shapely.box(X0 + 300, Y0 + 10, X0 + 320, Y0 + 30),
            shapely.box(X0 + 900, Y0 + 10, X0 + 920, Y0 + 30),
        ],
        crs="EPSG:3067",
    ).set_index("building_id")


def test_counts_per_class_by_hand() -> None:
    areas, cells = strip_city()
    index = pd.Series([0.9, 0.1, float("nan"), 0.5], index=cells.index)
    result = flood_exposure(
        hazard_layer(),
        class_column="return_period",
        cells=cells,
        population="inhabitants",
        buildings=buildings(),
        areas=areas,
        flood_index=index,
        vulnerable_quantile=0.5,
    )
    by_class = result.by_class
    assert by_class.loc[100, "buildings"] == 1 and by_class.loc[1000, "buildings"] == 2
    assert by_class.loc[100, "residents"] == pytest.approx(50.0)  # half of c0's 100
    assert by_class.loc[1000, "residents"] == pytest.approx(300.0)  # all of c0 and c1
    # cells at or above the median index (c0: 0.9, c3: 0.5) hold the vulnerable residents
    assert by_class.loc[100, "vulnerable_residents"] == pytest.approx(50.0)
    assert by_class.loc[1000, "vulnerable_residents"] == pytest.approx(100.0)
    per_area = result.areas.set_index(["unit", "hazard_class"])
    assert per_area.loc[("00100", 1000), "residents"] == pytest.approx(200.0)
    assert per_area.loc[("00200", 1000), "residents"] == pytest.approx(100.0)
    assert per_area.loc[("00100", 1000), "buildings"] == 2
    assert per_area.loc[("00200", 1000), "buildings"] == 0
    assert per_area["residents"].sum() == pytest.approx(350.0)
    shares = result.buildings.set_index(["unit", "hazard_class"])["overlap_share"]
    assert shares.loc[("b1", 1000)] == pytest.approx(1.0)


def test_without_index_vulnerable_residents_are_unknown() -> None:
    _, cells = strip_city()
    result = flood_exposure(
        hazard_layer(), class_column="return_period", cells=cells, population="inhabitants"
    )
    assert result.by_class["vulnerable_residents"].isna().all()
    assert result.by_class["buildings"].tolist() == [0, 0]


def test_read_hazard_checks_the_class_column(tmp_path: Path) -> None:
    path = tmp_path / "zones.gpkg"
    hazard_layer().to_crs("EPSG:4326").to_file(path)
    read = read_hazard(path, class_column="return_period", crs="EPSG:3067")
    assert read.crs == "EPSG:3067" and len(read) == 3
    with pytest.raises(MissingColumnError, match="return_period"):
        read_hazard(path, class_column="depth", crs="EPSG:3067")
    with pytest.raises(MissingDataError):
        read_hazard(tmp_path / "none.gpkg", class_column="depth", crs="EPSG:3067")


def test_missing_hazard_message_names_the_official_services() -> None:
    message = missing_hazard_message(load_config())
    assert "--hazard" in message and "\n" not in message
    assert "Syke" in message and "HSY" in message
