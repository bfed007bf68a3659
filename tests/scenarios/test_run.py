"""run_scenario on the fixture twin: the base is untouched, the copy holds the edits, the
diff moves exactly what the edits change, and results carry their provenance."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import geopandas as gpd
import pytest
import shapely

from dikas.errors import ConfigError
from dikas.scenarios import run_scenario
from dikas.twin.store import Twin
from tests.scenarios.conftest import frame_of


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _row(rows: list[dict], **keys: object) -> dict:
    found = [r for r in rows if all(r.get(k) == v for k, v in keys.items())]
    assert len(found) == 1, keys
    return found[0]


def test_service_and_housing_scenario(fixture_twin: Path, tmp_path: Path) -> None:
    before_hash = _digest(fixture_twin)
    scenario = {
        "name": "new station and homes",
        "edits": [
            {"add_service": {"service_type": "health_station", "x": 385150.0, "y": 6671880.0}},
            {
                "add_housing": {
                    "x": 385700.0,
                    "y": 6671200.0,
                    "dwellings": 100,
                    "residents": 200,
                    "income_shares": {"lowest": 1.0, "middle": 0.0, "highest": 0.0},
                }
            },
        ],
    }
    out = tmp_path / "scenario.duckdb"
    result = run_scenario(fixture_twin, scenario, out=out)
    assert _digest(fixture_twin) == before_hash
    assert result.provenance["base_build_id"] == "test-0"
    assert len(result.provenance["scenario_sha256"]) == 64
    assert "access:health_station" in result.recomputed and "segregation" in result.recomputed
    json.loads(result.to_json())

    services = frame_of(out, "services")
    assert len(services) == 5 and (services["source"] == "scenario").sum() == 1
    base_grid = frame_of(fixture_twin, "grid").set_index("cell_id")
    new_grid = frame_of(out, "grid").set_index("cell_id")
    assert new_grid.loc["c02", "inhabitants"] == base_grid.loc["c02", "inhabitants"] + 200
    others = new_grid.index != "c02"
    assert (new_grid.loc[others, "inhabitants"] == base_grid.loc[others, "inhabitants"]).all()
    base_areas = frame_of(fixture_twin, "areas").set_index("postal_code")
    new_areas = frame_of(out, "areas").set_index("postal_code")
    assert (
        new_areas.loc["00200", "inhabitants_total"]
        == base_areas.loc["00200", "inhabitants_total"] + 200
    )
    assert (
        new_areas.loc["00100", "inhabitants_total"] == base_areas.loc["00100", "inhabitants_total"]
    )
    with Twin.open(out) as twin:
        info = twin.read("scenario_info").iloc[0]
        assert info["base_build_id"] == "test-0"
        assert twin.count("scenario_diff") == len(result.diff["city"]) + len(result.diff["areas"])

    city = result.diff["city"]
    mean_all = _row(
        city, indicator="access_walk_health_station", measure="mean_minutes", population_group="all"
    )
    assert mean_all["change"] < 0
    lowest = _row(
        city, indicator="segregation", measure="isolation", population_group="lowest_income"
    )
    assert lowest["change"] > 0  # 200 lowest-income adults concentrated in one area
    school = _row(
        city, indicator="access_walk_school", measure="coverage_15min", population_group="all"
    )
    assert school["before"] is not None


def test_rerun_on_the_result_starts_where_the_first_ended(
    fixture_twin: Path, tmp_path: Path
) -> None:
    first = {
        "name": "a",
        "edits": [
            {"move_service": {"service_id": "h1", "x": 385900.0, "y": 6671100.0}},
            {"add_service": {"service_type": "health_station", "x": 385300.0, "y": 6671700.0}},
        ],
    }
    out = tmp_path / "a.duckdb"
    one = run_scenario(fixture_twin, first, out=out)
    second = {
        "name": "b",
        "edits": [
            {"add_service": {"service_type": "health_station", "x": 385010.0, "y": 6671010.0}}
        ],
    }
    two = run_scenario(out, second)
    key = {"indicator": "access_walk_health_station", "population_group": "all"}
    for measure in ("mean_minutes", "coverage_15min"):
        assert _row(two.diff["city"], measure=measure, **key)["before"] == pytest.approx(
            _row(one.diff["city"], measure=measure, **key)["after"], abs=1e-12
        )


def test_greening_cools_only_near_the_polygon(fixture_twin: Path) -> None:
    scenario = {
        "name": "park",
        "edits": [
            {
                "greening": {
                    "polygon": [[24.5, 60.0], [24.5, 60.0001], [24.5001, 60.0001]],
                    "canopy_increase": 0.3,
                }
            }
        ],
    }
    result = run_scenario(fixture_twin, scenario)
    assert result.recomputed == ("heat",)
    heat = _row(result.diff["city"], indicator="heat", measure="population_weighted_heat")
    assert heat["change"] == 0  # a polygon far from every cell changes nothing


def test_unknown_service_is_one_line(fixture_twin: Path) -> None:
    with pytest.raises(ConfigError, match="no service with service_id 'zz'"):
        run_scenario(
            fixture_twin, {"name": "x", "edits": [{"remove_service": {"service_id": "zz"}}]}
        )


def test_address_locations(fixture_twin: Path) -> None:
    result = run_scenario(
        fixture_twin,
        {
            "name": "x",
            "edits": [{"add_service": {"service_type": "school", "address": "testikatu 1"}}],
        },
    )
    assert result.edits[0]["service_type"] == "school"
    with pytest.raises(ConfigError, match="matches no building"):
        run_scenario(
            fixture_twin,
            {
                "name": "x",
                "edits": [{"add_service": {"service_type": "school", "address": "Nowhere 9"}}],
            },
        )


def test_flood_exposure_counts_new_residents_by_overlap(fixture_twin: Path, tmp_path: Path) -> None:
    hazard = gpd.GeoDataFrame(
        {"return_period": [100]},
        crs="EPSG:3067",
        geometry=[shapely.box(385750.0, 6671750.0, 385875.0, 6672000.0)],
    )  # west half of cell c33
    hazard.to_file(tmp_path / "flood.geojson")
    scenario = {
        "name": "homes by the shore",
        "flood_hazard": {"file": str(tmp_path / "flood.geojson"), "class_column": "return_period"},
        "edits": [
            {"add_housing": {"x": 385800.0, "y": 6671900.0, "dwellings": 50, "residents": 100}},
            {"remove_housing": {"x": 385100.0, "y": 6671100.0, "residents": 10}},
        ],
    }
    result = run_scenario(fixture_twin, scenario)
    exposed = _row(
        result.diff["city"],
        indicator="flood",
        measure="exposed_residents",
        population_group="class_100",
    )
    assert exposed["change"] == pytest.approx(50.0)
    everyone = _row(
        result.diff["city"],
        indicator="access_walk_school",
        measure="coverage_15min",
        population_group="all",
    )
    assert everyone["before"] is not None
    assert [e["residents"] for e in result.edits] == [100, -10]
    with pytest.raises(ConfigError, match="cannot remove 100000 residents"):
        run_scenario(
            fixture_twin,
            {
                "name": "x",
                "edits": [{"remove_housing": {"x": 385100.0, "y": 6671100.0, "residents": 100000}}],
            },
        )
