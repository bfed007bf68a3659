"""The twin store: layers round-trip with geometry, aliases, filters and indicators."""

from __future__ import annotations

import json
from pathlib import Path

import geopandas as gpd
import pandas as pd
import pytest
import shapely

import dikas
from dikas.errors import ParameterError, TwinError
from dikas.twin.privacy import suppress_small_counts
from dikas.twin.store import Twin


@pytest.fixture
def small_twin(tmp_path: Path) -> Path:
    path = tmp_path / "t.duckdb"
    with Twin.create(path, city="testville", build_id="abc") as twin:
        areas = gpd.GeoDataFrame(
            {
                "postal_code": ["00100", "00100", "00200"],
                "year": [2022, 2023, 2023],
                "inhabitants_total": [10.0, 12.0, None],
            },
            geometry=[shapely.box(0, 0, 10, 10)] * 2 + [shapely.box(10, 0, 20, 10)],
            crs="EPSG:3067",
        )
        twin.write_layer("areas", areas)
        grid = gpd.GeoDataFrame(
            {"cell_id": ["a"], "inhabitants": [5]},
            geometry=[shapely.box(24.9, 60.1, 24.91, 60.11)],
            crs=4326,
        )
        twin.write_layer("grid", grid)
    return path


def test_layers_round_trip_in_twin_crs(small_twin: Path) -> None:
    twin = dikas.open(small_twin)
    assert twin.layers() == ["areas", "grid"]
    areas = twin.read("areas", year=2023)
    assert list(areas["postal_code"]) == ["00100", "00200"]
    assert areas.crs == "EPSG:3067" and areas.geometry.iloc[1].equals(shapely.box(10, 0, 20, 10))
    grid = twin.read("grid")  # written in EPSG:4326, stored in EPSG:3067
    assert 380_000 < grid.geometry.iloc[0].centroid.x < 390_000
    assert twin.years("areas") == [2022, 2023]
    assert twin.extent("areas") == (0.0, 0.0, 20.0, 10.0)


def test_paavo_codes_and_filters(small_twin: Path) -> None:
    twin = dikas.open(small_twin)
    frame = twin.read("areas", columns=["postal_code", "he_vakiy"], where={"year": 2022})
    assert frame["inhabitants_total"].tolist() == [10.0]
    assert len(twin.read("areas", bbox=(15, 1, 16, 2))) == 1
    assert len(twin.read("areas", limit=1, offset=2)) == 1


def test_clear_errors_for_bad_requests(small_twin: Path, tmp_path: Path) -> None:
    twin = dikas.open(small_twin)
    with pytest.raises(TwinError, match="no layer 'nope'"):
        twin.read("nope")
    with pytest.raises(ParameterError, match="no year 1999"):
        twin.read("areas", year=1999)
    with pytest.raises(ParameterError, match="no column"):
        twin.read("areas", columns=["shoe_size"])
    with pytest.raises(TwinError, match="read-only"):
        twin.write_layer("x", pd.DataFrame({"a": [1]}))
    with pytest.raises(TwinError, match="file not found"):
        dikas.open(tmp_path / "missing.duckdb")
    other = tmp_path / "other.duckdb"
    other.write_bytes(b"this is not a database")
    with pytest.raises(TwinError, match="cannot open"):
        dikas.open(other)


def test_indicators_replace_same_key_and_keep_provenance(small_twin: Path) -> None:
    with Twin.open(small_twin, read_only=False) as twin:
        base = {
            "indicator": "share_low_income",
            "level": "areas",
            "unit_id": "00100",
            "year": 2023,
            "method": "ratio",
            "parameters": {"numerator": "hr_pi_tul"},
        }
        twin.write_indicators(pd.DataFrame([{**base, "value": 0.1}]))
        twin.write_indicators(
            pd.DataFrame([{**base, "value": 0.2}, {**base, "unit_id": "00200", "value": 0.3}])
        )
        stored = twin.indicators(indicator="share_low_income").sort_values("unit_id")
    assert stored["value"].tolist() == [0.2, 0.3]
    assert json.loads(stored["parameters"].iloc[0]) == {"numerator": "hr_pi_tul"}
    assert set(stored["population_group"]) == {"all"}


def test_small_counts_are_blanked_only_at_fine_levels() -> None:
    frame = pd.DataFrame(
        {"inhabitants": [0, 3, 9, 10, 250], "age_0_9": [0, 1, 5, 10, 40], "heat": [0.1] * 5}
    )
    grid = suppress_small_counts(frame, level="grid", min_count=10)
    assert grid["inhabitants"].isna().tolist() == [False, True, True, False, False]
    assert grid["age_0_9"].isna().tolist() == [False, True, True, False, False]
    assert grid["heat"].tolist() == frame["heat"].tolist()
    assert suppress_small_counts(frame, level="areas", min_count=10) is frame
