"""``dikas climate`` commands on a small twin built in the test."""

from __future__ import annotations

import json
from pathlib import Path

import geopandas as gpd
import numpy as np
import pandas as pd
import pytest
import rasterio
import shapely
from click.testing import CliRunner
from rasterio.transform import from_origin

from dikas.cli.climate import climate
from dikas.climate.config import load_config
from dikas.errors import MissingDataError
from dikas.sources.raster import read_raster
from dikas.twin.store import Twin

X0, Y0 = 385_000.0, 6_671_000.0
AREA_COLUMNS = sorted(
    {c for i in load_config().indicators if i.source == "areas" for c in i.columns}
    | {"inhabitants_total"}
)


def _twin(root: Path) -> Path:
    rng = np.random.default_rng(5)
    areas = []
    for k in range(4):
        x, y = X0 + (k % 2) * 1000, Y0 + (k // 2) * 1000
        record = {
            "postal_code": f"00{k + 1}00",
            "year": 2023,
            "name": f"Area {k + 1}",
            "geometry": shapely.box(x, y, x + 1000, y + 1000),
        }
        record.update({c: float(rng.integers(100, 3000)) for c in AREA_COLUMNS})
        record["median_income"] = float(rng.integers(18_000, 40_000))
        areas.append(record)
    cells = []
    for j in range(8):
        for i in range(8):
            x, y = X0 + 250 * i, Y0 + 250 * j
            cells.append(
                {
                    "cell_id": f"c{j}_{i}",
                    "inhabitants": float(rng.integers(0, 400)),
                    "in_city": True,
                    "postal_code": None,
                    "heat_exposure_index": rng.uniform(0.2, 0.8),
                    "tree_cover_m2": rng.uniform(0, 30_000),
                    "vegetation_m2": rng.uniform(0, 20_000),
                    "water_m2": rng.uniform(0, 5_000),
                    "geometry": shapely.box(x, y, x + 250, y + 250),
                }
            )
    cells[0]["inhabitants"] = 4.0  # below the privacy threshold
    buildings = gpd.GeoDataFrame(
        {
            "building_id": [f"b{k}" for k in range(30)],
            "use": ["apartments", "industrial"] * 15,
            "postal_code": None,
        },
        geometry=[
            shapely.box(x, y, x + 20, y + 20)
            for x, y in rng.uniform([X0, Y0], [X0 + 1980, Y0 + 1980], (30, 2))
        ],
        crs="EPSG:3067",
    )
    services = gpd.GeoDataFrame(
        {
            "service_id": ["p1", "p2", "s1"],
            "service_type": ["park", "park", "school"],
            "name": ["a", "b", "c"],
        },
        geometry=[
            shapely.Point(X0 + 500, Y0 + 500),
            shapely.Point(X0 + 1500, Y0 + 1700),
            shapely.Point(X0 + 100, Y0 + 100),
        ],
        crs="EPSG:3067",
    )
    raster_path = root / "heat.tif"
    with rasterio.open(
        raster_path,
        "w",
        driver="GTiff",
        width=80,
        height=80,
        count=1,
        dtype="float64",
        crs="EPSG:3067",
        transform=from_origin(X0, Y0 + 2000, 25, 25),
        nodata=-np.finfo("float64").max,
    ) as dst:
        dst.write(rng.uniform(0, 1, (80, 80)), 1)
    path = root / "twin.duckdb"
    with Twin.create(path, city="testcity", build_id="t1") as twin:
        twin.write_layer("areas", gpd.GeoDataFrame(areas, geometry="geometry", crs="EPSG:3067"))
        twin.write_layer("grid", gpd.GeoDataFrame(cells, geometry="geometry", crs="EPSG:3067"))
        twin.write_layer("buildings", buildings)
        twin.write_layer("services", services)
        twin.write_raster("heat_exposure", read_raster(raster_path), source="test")
    return path


@pytest.fixture(scope="module")
def twin_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return _twin(tmp_path_factory.mktemp("climate_twin"))


def _run(args: list[str]) -> list[dict]:
    result = CliRunner().invoke(climate, args, catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def test_heat_areas_json_and_stored_indicators(twin_path: Path) -> None:
    records = _run(["heat", "--twin", str(twin_path), "--level", "areas", "--json"])
    assert [r["postal_code"] for r in records] == ["00100", "00200", "00300", "00400"]
    assert all(0 < r["heat_mean"] < 1 for r in records)
    with Twin.open(twin_path) as twin:
        stored = twin.indicators(indicator="heat_mean", level="areas")
    assert len(stored) == 4
    assert json.loads(stored["parameters"].iloc[0])["pixel_rule"] == "centre"
    by_code = stored.set_index("unit_id")["value"]
    assert by_code["00100"] == pytest.approx(records[0]["heat_mean"])


def test_heat_grid_hides_small_counts(twin_path: Path) -> None:
    records = _run(["heat", "--twin", str(twin_path), "--level", "grid", "--json", "--no-store"])
    first = next(r for r in records if r["cell_id"] == "c0_0")
    assert first["inhabitants"] is None
    assert sum(r["hottest_decile"] for r in records) >= 6


def test_vulnerability_areas_writes_table_and_map(twin_path: Path, tmp_path: Path) -> None:
    out, png = tmp_path / "v.csv", tmp_path / "v.png"
    result = CliRunner().invoke(
        climate,
        [
            "vulnerability",
            "--twin",
            str(twin_path),
            "--draws",
            "30",
            "--out",
            str(out),
            "--map",
            str(png),
        ],
        catch_exceptions=False,
    )
    assert result.exit_code == 0, result.output
    assert "heat-vulnerable residents" in result.output
    table = pd.read_csv(out, dtype={"postal_code": str})
    assert table["postal_code"].tolist() == ["00100", "00200", "00300", "00400"]
    assert table["heat_index"].between(0, 1).all()
    assert sorted(table["heat_rank"]) == [1, 2, 3, 4]
    assert png.stat().st_size > 10_000


def test_flood_without_hazard_names_the_services(twin_path: Path) -> None:
    with pytest.raises(MissingDataError, match=r"--hazard.*Syke"):
        CliRunner().invoke(climate, ["flood", "--twin", str(twin_path)], catch_exceptions=False)


def test_flood_with_hazard_layer(twin_path: Path, tmp_path: Path) -> None:
    hazard = tmp_path / "zones.geojson"
    gpd.GeoDataFrame(
        {"return_period": [100]},
        geometry=[shapely.box(X0, Y0, X0 + 500, Y0 + 250)],
        crs="EPSG:3067",
    ).to_file(hazard)
    records = _run(
        ["flood", "--twin", str(twin_path), "--hazard", str(hazard), "--json", "--no-store"]
    )
    assert [r["postal_code"] for r in records] == ["00100"]
    with Twin.open(twin_path) as twin:
        grid = twin.read("grid", columns=["cell_id", "inhabitants"]).set_index("cell_id")
    assert records[0]["residents_100"] == pytest.approx(
        grid.loc[["c0_0", "c0_1"], "inhabitants"].sum()
    )


def test_green_grid_and_buildings(twin_path: Path) -> None:
    cells = _run(["green", "--twin", str(twin_path), "--level", "grid", "--json", "--no-store"])
    cell = next(r for r in cells if r["cell_id"] == "c2_2")  # centre (625, 625), park at (500, 500)
    assert cell["distance_to_green_m"] == pytest.approx(np.hypot(125, 125))
    homes = _run(
        ["green", "--twin", str(twin_path), "--level", "buildings", "--json", "--no-store"]
    )
    assert len(homes) == 15  # only the apartments


def test_green_areas_counts_hot_green_poor_residents(twin_path: Path) -> None:
    records = _run(["green", "--twin", str(twin_path), "--level", "areas", "--json", "--no-store"])
    assert [r["postal_code"] for r in records] == ["00100", "00200", "00300", "00400"]
    assert all(0 <= r["tree_canopy_share"] <= 1 for r in records)
    cells = _run(["green", "--twin", str(twin_path), "--level", "grid", "--json", "--no-store"])
    with Twin.open(twin_path) as twin:
        grid = twin.read("grid", columns=["cell_id", "inhabitants"]).set_index("cell_id")
    chosen = [r["cell_id"] for r in cells if r["hot_and_green_poor"]]
    assert chosen, "the fixture must have hot and green-poor cells"
    assert sum(r["hot_green_poor_residents"] for r in records) == pytest.approx(
        grid.loc[chosen, "inhabitants"].sum()
    )
