"""Readers of the producers' service schemas, fed by the WFS fetcher from a real MapServer."""

from __future__ import annotations

from pathlib import Path

import geopandas as gpd
import numpy as np
import pandas as pd
import pytest
import shapely

from dikas.climate.flood import read_hazard
from dikas.errors import DataError, ParameterError
from dikas.settings import Settings
from dikas.sources.acquire import Part, acquire
from dikas.sources.building_register import read_building_register
from dikas.sources.catalog import load_catalog
from dikas.sources.citygml import COLUMNS as BUILDING_COLUMNS
from dikas.sources.citygml import read_citygml
from dikas.sources.districts import read_district_levels, read_districts
from dikas.sources.flood_zones import combine_flood_zones, read_flood_zones, write_hazard_file
from dikas.sources.hsy_grid import read_age_grid, read_population_grid
from dikas.sources.http import HttpClient
from dikas.sources.paavo import read_paavo
from tests.servers.mapserver import MapServer, mapserv_binary

pytestmark = pytest.mark.skipif(
    mapserv_binary() is None,
    reason="MapServer (cgi-mapserver) is not installed; .ci/run installs it",
)


@pytest.fixture
def server(mapserver: MapServer) -> MapServer:
    """The session's MapServer (tests/conftest.py)."""
    return mapserver


def fetch(
    tmp_path: Path,
    url: str,
    type_name: str,
    *,
    crs: str = "EPSG:3067",
    extra: str = "",
    municipalities: tuple[str, ...] = ("091",),
    bbox: str | None = None,
) -> Part:
    munis = "\n".join(f'    - {{code: "{c}", name: m{c}}}' for c in municipalities)
    bbox_line = f"  bbox: {bbox}\n" if bbox else ""
    text = f"""city:
  name: readers
  crs: EPSG:3067
{bbox_line}  municipalities:
{munis}
datasets:
  - name: layer
    title: layer
    producer: test
    licence: CC BY 4.0
    attribution: test
    format: any
    crs: {crs}
    source:
      kind: wfs
      url: {url}
      type_name: "{type_name}"
{extra}"""
    (tmp_path / "catalog.yaml").write_text(text, "utf-8")
    catalog = load_catalog(path=tmp_path / "catalog.yaml")
    parts = acquire(
        catalog,
        Settings(data_dir=None, cache_dir=tmp_path / "cache"),
        client=HttpClient(timeout=20, retries=0),
        show_progress=False,
    )
    return parts["layer"][0]


def test_paavo_reader_takes_the_wfs_short_codes(
    server: MapServer, tmp_path: Path, data_dir: Path
) -> None:
    part = fetch(
        tmp_path,
        server.wfs_url("postialue"),
        "postialue:pno_tilasto_{year}",
        extra="      years: [2023]\n      filter: {property: kunta, values: municipalities}\n",
        municipalities=("091", "049"),
    )
    frame, _ = read_paavo(part.path, year=2023, dataset="paavo")
    assert len(frame) == 84 + 47 and frame.crs.to_epsg() == 3067  # 02700 is Kauniainen
    assert set(frame["municipality"]) == {"091", "049"}
    staged, _ = read_paavo(data_dir / "paavo_helsinki/paavo_12f7_helsinki_2023.geojson", year=2023)
    helsinki = frame[frame["municipality"] == "091"].set_index("postal_code").sort_index()
    staged = staged.set_index("postal_code").sort_index()
    shared = [c for c in staged.columns if c not in ("geometry",)]
    assert set(shared) <= set(helsinki.columns)
    pd.testing.assert_frame_equal(helsinki[shared], staged[shared], check_dtype=False)
    row = frame.set_index("postal_code").loc["00100"]
    assert row["name_sv"] == "Helsingfors centrum - Främre Tölö"
    assert row["inhabitants_total"] == 18462
    espoo = frame[frame["municipality"] == "049"]
    # derived test data: the 2021 HSY grid summed per area (Espoo had about 297,000 people)
    assert 250_000 < espoo["inhabitants_total"].sum() < 320_000
    assert espoo["median_income"].isna().all()  # -1 (protected) became missing


def test_hsy_grid_readers_take_the_wfs_field_names(
    server: MapServer, tmp_path: Path, data_dir: Path
) -> None:
    part = fetch(
        tmp_path,
        server.wfs_url("asuminen_ja_maankaytto"),
        "asuminen_ja_maankaytto:Vaestotietoruudukko_2021",
        crs="EPSG:3879",
        extra="      bbox: city\n      page_size: 100\n",
        bbox="[384500, 6671000, 387000, 6673500]",
    )
    grid, _ = read_population_grid(part.path, dataset="grid")
    assert 80 < len(grid) < 300 and grid.crs.to_epsg() == 3067
    staged = gpd.read_file(data_dir / "pythongis_book/Population_grid_2021_HSY.gpkg")
    staged["cell_id"] = staged["id"].str.rsplit(".", n=1).str[-1]
    expected = staged.set_index("cell_id").loc[grid["cell_id"], "inhabitants"].to_numpy()
    assert (grid["inhabitants"].to_numpy() == expected).all()
    ages, _ = read_age_grid(part.path, dataset="grid")
    assert len(ages) == len(grid)
    counted = ages[~ages["age_suppressed"]]
    assert len(counted) > 10 and counted["age_0_9"].notna().all()


def test_districts_reader_on_the_city_wfs_layer(
    server: MapServer, tmp_path: Path, data_dir: Path
) -> None:
    part = fetch(
        tmp_path, server.wfs_url("avoindata"), "avoindata:Piirijako_suurpiiri", crs="EPSG:3879"
    )
    majors, _ = read_districts(part.path, level="avoindata:Piirijako_suurpiiri")
    assert list(majors.columns) == [
        "district_id",
        "name",
        "name_sv",
        "level",
        "parent_id",
        "geometry",
    ]
    assert len(majors) == 8 and set(majors["level"]) == {"major"}
    row = majors.set_index("district_id").loc["3"]
    assert row["name"] == "Keskinen" and row["name_sv"] == "Mellersta"
    staged = gpd.read_file(data_dir / "autogis/helsinki_city_districts_2021.gpkg").to_crs(3067)
    area = majors.set_index("name").geometry.area.sort_index()
    assert np.allclose(area, staged.set_index("name").geometry.area.sort_index(), rtol=1e-6)
    # a basic level inside them (the majors shrunk by 200 m) finds its parents
    basic = majors.copy()
    basic["geometry"] = basic.geometry.buffer(-200)
    basic["tunnus"] = [f"{i}0{i}" for i in basic["district_id"]]
    basic["nimi_fi"] = basic["name"] + " (osa)"
    basic[["tunnus", "nimi_fi", "geometry"]].to_file(tmp_path / "basic.gpkg")
    both = read_district_levels({"suurpiiri": part.path, "peruspiiri": tmp_path / "basic.gpkg"})
    children = both[both["level"] == "basic"].set_index("district_id")
    assert children.loc["303", "parent_id"] == "3" and children["parent_id"].notna().all()
    assert both.loc[both["level"] == "major", "parent_id"].isna().all()
    with pytest.raises(ParameterError, match="unknown district level"):
        read_districts(part.path, level="kaupunginosa")


def test_flood_zones_from_syke_named_layers_feed_the_flood_command(
    server: MapServer, tmp_path: Path, data_dir: Path
) -> None:
    frames = []
    for period in (100, 1000):
        name = f"inspire_nz:NZ.Tulvavaaravyohykkeet_Meritulva_1_{period}a"
        folder = tmp_path / str(period)
        folder.mkdir()
        part = fetch(folder, server.wfs_url("inspire_nz"), name)
        zones, _ = read_flood_zones(part.path, layer_name=part.lock.request["typeNames"])
        assert set(zones["hazard"]) == {"sea"} and set(zones["return_period"]) == {period}
        frames.append(zones)
    combined = combine_flood_zones(frames)
    assert list(combined.columns) == ["zone_id", "hazard", "return_period", "depth_m", "geometry"]
    rare, common = (
        combined[combined["return_period"] == p].geometry.union_all() for p in (1000, 100)
    )
    assert rare.area > common.area > 0
    assert common.difference(rare).area < 1.0  # the 2 m zone lies inside the 3 m zone
    # equals the DEM's own count of pixels below 2 m (to the polygon edges)
    import rasterio

    with rasterio.open(data_dir / "r5py_sampledata/elevation_model_2021_lapinlahti.tif") as src:
        band = src.read(1)
        below = int((np.isfinite(band) & (band < 2.0)).sum())
        pixel = abs(src.transform.a * src.transform.e)
    in_degrees = gpd.GeoSeries([common], crs=3067).to_crs(4326).area.iloc[0]
    assert in_degrees == pytest.approx(below * pixel, rel=0.01)
    target = write_hazard_file(combined, tmp_path / "flood.gpkg")
    hazard = read_hazard(target, class_column="return_period", crs="EPSG:3067")
    assert sorted(hazard["return_period"].unique()) == [100, 1000]
    with pytest.raises(ParameterError, match="no return period"):
        read_flood_zones(target, layer_name="NZ.Tulvavaaravyohykkeet_Meritulva")


def test_building_register_reader_matches_the_citygml_attributes(
    server: MapServer, tmp_path: Path, data_dir: Path
) -> None:
    part = fetch(
        tmp_path,
        server.wfs_url("avoindata"),
        "avoindata:Rakennukset_alue_rekisteritiedot",
        crs="EPSG:3879",
        extra="      page_size: 30\n",
    )
    register, _ = read_building_register(part.path, dataset="register")
    assert list(register.columns) == [*BUILDING_COLUMNS, "geometry"]
    assert len(register) == 84 and set(register["source"]) == {"building_register"}
    model = pd.concat(
        [
            read_citygml(data_dir / "helsinki_citygml" / n)
            for n in ("2549_6674.gml", "viikintiedepuisto.gml")
        ],
        ignore_index=True,
    )
    model = model[model["permanent_id"].notna()].set_index("permanent_id")
    got = register.set_index("permanent_id").loc[model.index]
    for column in ("floors", "year_built", "floor_area_m2", "use_code", "use"):
        pd.testing.assert_series_equal(
            got[column], model[column], check_names=False, check_dtype=False
        )
    assert register["height_m"].isna().all()
    overlap = [
        shapely.equals_exact(a, b, tolerance=0.01) or a.symmetric_difference(b).area < 0.5
        for a, b in zip(got.geometry, model.geometry, strict=True)
    ]
    assert all(overlap)
    with pytest.raises(DataError, match="not a building register layer"):
        read_building_register(data_dir / "autogis/helsinki_city_districts_2021.gpkg")


@pytest.mark.integration
def test_fetched_flood_zones_run_through_dikas_climate_flood(
    server: MapServer, tmp_path: Path, helsinki_twin: Path
) -> None:
    import json

    from click.testing import CliRunner

    from dikas.cli.climate import climate
    from dikas.climate.flood import flood_exposure
    from dikas.twin.store import Twin

    frames = []
    for period in (100, 1000):
        folder = tmp_path / str(period)
        folder.mkdir()
        part = fetch(
            folder,
            server.wfs_url("inspire_nz"),
            f"inspire_nz:NZ.Tulvavaaravyohykkeet_Meritulva_1_{period}a",
        )
        frames.append(read_flood_zones(part.path, layer_name=part.lock.request["typeNames"])[0])
    zones = combine_flood_zones(frames)
    hazard = write_hazard_file(zones, tmp_path / "flood.gpkg")
    result = CliRunner().invoke(
        climate,
        [
            "flood",
            "--twin",
            str(helsinki_twin),
            "--hazard",
            str(hazard),
            "--level",
            "grid",
            "--json",
            "--no-store",
        ],
        catch_exceptions=False,
    )
    assert result.exit_code == 0, result.output
    cells = json.loads(result.stdout)
    with Twin.open(helsinki_twin) as twin:
        grid = twin.read("grid", columns=["cell_id", "inhabitants", "geometry"])
    rare = zones[zones["return_period"] == 1000].geometry.union_all()
    touched = set(grid.loc[grid.intersects(rare) & ~grid.touches(rare), "cell_id"])
    assert touched and {c["cell_id"] for c in cells} == touched
    assert all({"residents_100", "residents_1000"} <= set(c) for c in cells)
    # the per-cell counts are below the privacy threshold and so withheld by the CLI;
    # the exposure itself: residents_c = P_c · |c ∩ Z| / |c| (flood.py)
    exposure = flood_exposure(
        read_hazard(hazard, class_column="return_period", crs="EPSG:3067"),
        class_column="return_period",
        cells=grid,
        population="inhabitants",
    )
    for period in (100, 1000):
        zone = zones[zones["return_period"] == period].geometry.union_all()
        share = grid.geometry.intersection(zone).area / grid.geometry.area
        expected = float((grid["inhabitants"] * share).sum())
        assert exposure.by_class.loc[period, "residents"] == pytest.approx(expected, rel=1e-6)
    assert 0 < exposure.by_class.loc[100, "residents"] < exposure.by_class.loc[1000, "residents"]
