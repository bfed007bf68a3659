"""End to end: a capital-region twin built from services on loopback, as from the producers'.

The shipped ``capital-region`` catalog is built unchanged except for ``--endpoint``: every
live dataset is pointed at a loopback server that speaks the producer's protocol and format —
a real MapServer 8 for the WFS layers (Paavo, the HSY grid, districts, the building register,
SYKE flood zones), a Service Map-format REST server for the register, and a plain HTTP file
server for the national OSM extract and the HSL feed. Their data is the staged real data
re-expressed under the services' layer and field names (see ``tests/servers/``). Helsinki's
basic and sub-districts have no staged copy, so the test catalog leaves them out; HSY's
stormwater layer (optional) is pointed at a service that lacks it, so the build leaves it out
with a warning.

Then the indicators, the API and the reports run on that twin unchanged, and a ``--frozen``
rebuild from the lock file gives the same layers without any server.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterator
from pathlib import Path

import geopandas as gpd
import numpy as np
import pandas as pd
import pytest
import yaml
from fastapi.testclient import TestClient

from dikas.settings import Settings
from dikas.sources.catalog import load_catalog
from dikas.twin.build import BuildSummary, build_twin
from dikas.twin.store import Twin
from tests.servers import servicemap
from tests.servers.mapserver import (
    KAUNIAINEN_POSTAL_CODE,
    capital_region_postal_areas,
    mapserv_binary,
    start_mapserver,
)
from tests.sources.fault_server import FaultServer

pytestmark = pytest.mark.integration

SERVICE_DAY = dt.date(2022, 2, 22)
"""The staged HSL feed's one service day."""

OSM = "greenpaths2_osm/helsinki_centre_20240815.osm.pbf"
GTFS = "r5py_docs/hsl_gtfs_20220222_inner_helsinki.zip"
MUNICIPALITIES = {"091", "049", "092", "235"}
UNSTAGED = {"districts_basic", "districts_sub"}
"""Helsinki's basic and sub-districts: no staged copy stands in for them."""


def _test_catalog(folder: Path) -> Path:
    """The shipped catalog without the datasets no staged data stands in for."""
    shipped = load_catalog("capital-region")
    raw = yaml.safe_load(
        (Path(__file__).parents[1] / "src/dikas/sources/catalogs/capital-region.yaml").read_text(
            "utf-8"
        )
    )
    raw["datasets"] = [d for d in raw["datasets"] if d["name"] not in UNSTAGED]
    assert {d.name for d in shipped.datasets} - {d["name"] for d in raw["datasets"]} == UNSTAGED
    path = folder / "capital-region.yaml"
    path.write_text(yaml.safe_dump(raw, allow_unicode=True, sort_keys=False), "utf-8")
    return path


def _municipality_of(data_dir: Path):  # type: ignore[no-untyped-def]
    areas = capital_region_postal_areas(data_dir).to_crs(4326)
    names = {"091": "helsinki", "049": "espoo", "092": "vantaa", "235": "kauniainen"}

    def municipality(lon: float, lat: float) -> str:
        import shapely

        inside = areas[areas.contains(shapely.Point(lon, lat))]
        return names.get(str(inside["kunta_nro"].iloc[0]), "other") if len(inside) else "other"

    return municipality


@pytest.fixture(scope="module")
def region(
    data_dir: Path, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[tuple[Path, BuildSummary, Settings, Path, int]]:
    if mapserv_binary() is None:
        pytest.skip("MapServer (cgi-mapserver) is not installed; .ci/run installs it")
    folder = tmp_path_factory.mktemp("region")
    catalog_file = _test_catalog(folder)
    settings = Settings(data_dir=data_dir, cache_dir=folder / "cache")
    wfs = start_mapserver(data_dir, folder / "mapserver", max_features=2000)
    units = servicemap.units_from_osm(data_dir / OSM, municipality=_municipality_of(data_dir))
    try:
        with FaultServer() as files, servicemap.running(units) as register:
            files.serve("/europe/finland-latest.osm.pbf", (data_dir / OSM).read_bytes())
            files.serve("/gtfs/hsl.zip", (data_dir / GTFS).read_bytes())
            endpoints = {
                "paavo": wfs.wfs_url("postialue"),
                "hsy_population_grid": wfs.wfs_url("asuminen_ja_maankaytto"),
                "districts_major": wfs.wfs_url("avoindata"),
                "building_register": wfs.wfs_url("avoindata"),
                "syke_sea_flood_100": wfs.wfs_url("inspire_nz"),
                "syke_sea_flood_1000": wfs.wfs_url("inspire_nz"),
                "hsy_stormwater_flood_52mm": wfs.wfs_url("inspire_nz"),
                "service_register": register.url,
                "service_register_tree": register.node_url,
                "osm": files.url("/europe/finland-latest.osm.pbf"),
                "hsl_gtfs": files.url("/gtfs/hsl.zip"),
            }
            out = folder / "region.duckdb"
            summary = build_twin(
                load_catalog(path=catalog_file),
                settings,
                out,
                endpoints=endpoints,
                service_date=SERVICE_DAY,
                show_progress=False,
            )
    finally:
        wfs.stop()
    yield out, summary, settings, catalog_file, len(units)


def test_four_municipalities_postal_areas_and_grid_across_them(
    region: tuple[Path, BuildSummary, Settings, Path, int], data_dir: Path
) -> None:
    twin_path, summary, *_ = region
    with Twin.open(twin_path) as twin:
        areas = twin.read("areas", year=2023)
        years = twin.years("areas")
        grid = twin.read("grid", columns=["cell_id", "inhabitants", "postal_code", "in_city"])
    assert years == [2020, 2021, 2022, 2023]  # every year the service offers
    assert set(areas["municipality"]) == MUNICIPALITIES
    assert "01800" not in set(areas["postal_code"])  # Nurmijärvi: outside the filter
    assert len(areas) == 84 + 47 + 39 + 1  # Helsinki, Espoo, Vantaa, Kauniainen
    kauniainen = areas.set_index("postal_code").loc[KAUNIAINEN_POSTAL_CODE]
    assert kauniainen["municipality"] == "235" and kauniainen["name_sv"] == "Grankulla"
    # Helsinki's rows are the published Paavo values
    centre = areas.set_index("postal_code").loc["00100"]
    assert centre["inhabitants_total"] == 18462
    # the whole HSY grid of the region, linked to the region's postal areas
    assert len(grid) == 5852  # HSY's unknown-location cell is not a place
    linked = grid.merge(areas[["postal_code", "municipality"]], on="postal_code")
    people = linked.groupby("municipality")["inhabitants"].sum()
    assert set(people.index) == MUNICIPALITIES
    assert 600_000 < people["091"] < 680_000 and 250_000 < people["049"] < 320_000
    assert summary.rows["grid"] == 5852


def test_services_network_timetable_buildings_and_hazards_come_from_their_services(
    region: tuple[Path, BuildSummary, Settings, Path, int],
) -> None:
    twin_path, summary, _, _, n_units = region
    with Twin.open(twin_path) as twin:
        services = twin.read("services", columns=["service_id", "service_type", "source"])
        provenance = twin.provenance().set_index("layer")
        trips = twin.count("gtfs_trips")
        buildings = twin.read("buildings", columns=["source"])
        flood = twin.read("flood_zones")
        coverage = twin.read("coverage")
        districts = twin.read("districts")
    register = services[services["source"] != "osm"]
    # every register unit (all lie in Helsinki) is kept, OSM fills the rest
    assert len(register) == n_units and (services["source"] == "osm").any()
    assert set(register["service_type"]) <= {
        "school",
        "daycare",
        "health_station",
        "hospital",
        "library",
        "pharmacy",
        "swimming_hall",
        "sports_centre",
        "playground",
        "elderly_service",
    }
    assert trips == 3195  # the service day 2022-02-22
    assert summary.rows["network_edges"] > 30_000  # the OSM extract, clipped
    assert set(buildings["source"]) >= {"building_register", "osm"}
    assert set(flood["return_period"]) == {100, 1000} and set(flood["hazard"]) == {"sea"}
    assert len(districts) == 8
    assert {"street_network", "transit", "services", "heat"} <= set(coverage["kind"])
    # provenance names the loopback request, time and sha256 of what each layer came from
    fetches = json.loads(provenance.loc["areas", "fetches"])
    assert {f["part"] for f in fetches} == {"2020", "2021", "2022", "2023"}
    assert all(f["url"].startswith("http://127.0.0.1:") and len(f["sha256"]) == 64 for f in fetches)
    assert json.loads(provenance.loc["areas", "sha256"])["paavo"].keys() == {
        "2020",
        "2021",
        "2022",
        "2023",
    }


def test_regional_segregation_matches_pysal(
    region: tuple[Path, BuildSummary, Settings, Path, int],
) -> None:
    from segregation.singlegroup import Dissim, Entropy

    from dikas.segregation import compute_index, two_group_counts

    twin_path, *_ = region
    with Twin.open(twin_path) as twin:
        grid = twin.read(
            "grid",
            columns=[
                "cell_id",
                "inhabitants",
                "age_70_79",
                "age_80_plus",
                "postal_code",
                "geometry",
            ],
        )
        areas = twin.read("areas", year=2023, columns=["postal_code", "municipality"])
    grid = grid.dropna(subset=["age_70_79", "age_80_plus"])
    grid = grid[grid["inhabitants"] > 0].copy()
    grid["elderly"] = grid["age_70_79"] + grid["age_80_plus"]
    grid = grid[grid["elderly"] <= grid["inhabitants"]]
    municipalities = set(grid.merge(areas, on="postal_code")["municipality"])
    assert municipalities == MUNICIPALITIES  # the index spans the whole region
    counts = two_group_counts(grid, group="elderly", total="inhabitants", id_column="cell_id")
    ours = compute_index("dissimilarity", counts).statistic
    frame = pd.DataFrame(grid[["elderly", "inhabitants"]]).astype(float)
    assert ours == pytest.approx(Dissim(frame, "elderly", "inhabitants").statistic, abs=1e-9)
    entropy = compute_index("entropy", counts).statistic
    assert entropy == pytest.approx(Entropy(frame, "elderly", "inhabitants").statistic, abs=1e-9)
    assert 0.1 < ours < 0.6


def test_api_and_report_work_unchanged_on_the_region(
    region: tuple[Path, BuildSummary, Settings, Path, int], tmp_path: Path
) -> None:
    from dikas.api.app import create_app
    from dikas.api.settings import ApiSettings

    twin_path, *_ = region
    app = create_app(
        ApiSettings(twin_path=twin_path, community_path=tmp_path / "c.sqlite", seed_tiles=0)
    )
    with TestClient(app) as client:
        meta = client.get("/api/meta").json()
        assert "districts" in meta["levels"] and "areas" in meta["levels"]
        values = client.get(
            "/api/indicators", params={"indicator": "inhabitants_total", "level": "areas"}
        ).json()
        assert values["values"]["00100"] == 18462
        assert len(values["values"]) == 171
        cover = client.get("/ogc/collections/coverage/items", params={"limit": 50})
        assert cover.status_code == 200
        kinds = {f["properties"]["kind"] for f in cover.json()["features"]}
        assert "street_network" in kinds
        report = client.get("/api/report", params={"area": KAUNIAINEN_POSTAL_CODE})
        assert report.status_code == 200
        assert "Where the data reaches" in report.text and "Kauniainen" in report.text


def test_frozen_rebuild_needs_no_server_and_gives_the_same_layers(
    region: tuple[Path, BuildSummary, Settings, Path, int], tmp_path: Path
) -> None:
    twin_path, _, settings, catalog_file, _ = region
    again = tmp_path / "again.duckdb"
    # every service is down now: only the lock file's copies can be used
    build_twin(
        load_catalog(path=catalog_file),
        settings,
        again,
        frozen=True,
        service_date=SERVICE_DAY,
        show_progress=False,
    )
    with Twin.open(twin_path) as first, Twin.open(again) as second:
        assert first.layers() == second.layers()
        for layer in ("areas", "grid", "services", "districts", "flood_zones", "stops"):
            a, b = first.read(layer), second.read(layer)
            pd.testing.assert_frame_equal(
                pd.DataFrame(a.drop(columns="geometry")), pd.DataFrame(b.drop(columns="geometry"))
            )
            assert np.array_equal(
                gpd.GeoSeries(a.geometry).to_wkb(), gpd.GeoSeries(b.geometry).to_wkb()
            )
        assert first.provenance()["sha256"].tolist() == second.provenance()["sha256"].tolist()


def test_flood_command_uses_the_twins_flood_zones(
    region: tuple[Path, BuildSummary, Settings, Path, int], capsys: pytest.CaptureFixture[str]
) -> None:
    from tests.cli_runner import run_dikas

    twin_path, *_ = region
    result = run_dikas(
        capsys,
        "climate",
        "flood",
        "--twin",
        str(twin_path),
        "--level",
        "grid",
        "--json",
        "--no-store",
    )
    assert result.returncode == 0, result.stderr
    rows = json.loads(result.stdout)
    assert {"residents_100", "residents_1000", "vulnerable_residents_100"} <= set(rows[0])
    # the cells in the result are the populated cells the twin's zones touch
    with Twin.open(twin_path) as twin:
        zones = twin.read("flood_zones")
        grid = twin.read("grid", columns=["cell_id", "inhabitants", "geometry"])
    touched = gpd.sjoin(grid[grid["inhabitants"] > 0], zones[["geometry"]], predicate="intersects")
    assert {r["cell_id"] for r in rows} == set(touched["cell_id"])


def test_every_indicator_step_of_the_main_job_runs_on_the_region(
    region: tuple[Path, BuildSummary, Settings, Path, int],
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    import shutil

    from tests.cli_runner import run_dikas

    twin_path, *_ = region
    out = tmp_path / "out"
    out.mkdir()
    shutil.copyfile(twin_path, out / "capital-region.duckdb")
    result = run_dikas(
        capsys, "run", "--city", "capital-region", "--out", str(out), "--reuse", "--no-serve"
    )
    assert result.returncode == 0, result.stderr[-2000:]
    with Twin.open(out / "capital-region.duckdb") as twin:
        stored = twin.indicators()
    families = {name.split("_")[0] for name in stored["indicator"].unique()}
    assert {"access", "heat", "vulnerability"} <= families
    assert {"areas", "grid"} <= set(stored["level"])
    assert (out / "segregation_lowest_income.json").is_file()


def test_areas_layer_of_the_whole_city_needs_only_paavo(mapserver, tmp_path: Path) -> None:
    # no mirror and every other service unreachable: only the Paavo WFS may be asked
    settings = Settings(data_dir=None, cache_dir=tmp_path / "cache")
    summary = build_twin(
        load_catalog("helsinki"),
        settings,
        tmp_path / "areas.duckdb",
        layers=["areas"],
        endpoints={"paavo": mapserver.wfs_url("postialue")},
        show_progress=False,
    )
    assert set(summary.rows) == {"areas", "coverage"}
    with Twin.open(tmp_path / "areas.duckdb") as twin:
        areas = twin.read("areas")
    assert set(areas["municipality"]) == {"091"} and len(areas) == 4 * 84
    assert sorted(p.name for p in (tmp_path / "cache" / "helsinki").iterdir()) == [
        "dikas-lock.json",
        "paavo",
    ]
