"""Named read methods of Twin: what outputs ask of a layer without writing SQL."""

from __future__ import annotations

from pathlib import Path

import geopandas as gpd
import pandas as pd
import pytest
import shapely

from dikas.errors import ParameterError
from dikas.twin.store import Twin


@pytest.fixture()
def twin(tmp_path: Path) -> Twin:
    twin = Twin.create(tmp_path / "t.duckdb", city="test", build_id="b")
    areas = gpd.GeoDataFrame(
        {
            "postal_code": ["00100", "00100", "00200"],
            "year": [2022, 2023, 2023],
            "name": ["Old", "A", "B"],
            "inhabitants_total": [5, 10, 20],
            "median_income": [1.5, 2.5, 3.5],
        },
        geometry=[
            shapely.box(0, 0, 50, 50),
            shapely.box(0, 0, 100, 100),
            shapely.box(100, 0, 200, 100),
        ],
        crs="EPSG:3067",
    )
    twin.write_layer("areas", areas)
    twin.write_layer(
        "services", pd.DataFrame({"service_type": ["school", None, "library", "school"]})
    )
    return twin


def test_numeric_columns_and_distinct_values(twin: Twin) -> None:
    assert twin.numeric_columns("areas") == ["year", "inhabitants_total", "median_income"]
    assert twin.distinct_values("services", "service_type") == ["library", "school"]
    with pytest.raises(ParameterError, match="no column 'kind'"):
        twin.distinct_values("services", "kind")


def test_unit_containing_uses_the_latest_year(twin: Twin) -> None:
    assert twin.unit_containing("areas", "postal_code", 75.0, 75.0) == "00100"
    assert twin.unit_containing("areas", "name", 25.0, 25.0) == "A"  # not 2022's "Old"
    assert twin.unit_containing("areas", "postal_code", 150.0, 50.0) == "00200"
    assert twin.unit_containing("areas", "postal_code", 500.0, 500.0) is None


def test_point_on_unit_and_centroids(twin: Twin) -> None:
    x, y = twin.point_on_unit("areas", "postal_code", "00200")  # type: ignore[misc]
    assert 100 < x < 200 and 0 < y < 100
    latest = twin.point_on_unit("areas", "postal_code", "00100")
    assert latest is not None and shapely.box(0, 0, 100, 100).contains(shapely.Point(latest))
    assert twin.point_on_unit("areas", "postal_code", "99999") is None
    centres = twin.centroids("areas")
    assert centres.to_dict("list") == {"x": [25.0, 50.0, 150.0], "y": [25.0, 50.0, 50.0]}
